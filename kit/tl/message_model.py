"""The message-type model: one logistic regression on multilingual sentence embeddings joined with TF-IDF
word features, fitted on labelled examples (the kit's built-in ones or a team's).

The embeddings carry meaning across languages and wordings; the TF-IDF words carry the cues that a
crisis vocabulary makes decisive ("donate", "#prayfor", "evacuate", road and power words). Joined, they
beat either alone on events the model never saw (``bench/eval_crisislex.py``, leave one event out). Classes
are weighted equally (balanced weights), so a rare type is not drowned by "other". Nothing is trained
in advance: the model is fitted on the examples each time, in well under a second for a few hundred.

>>> model = fit(["donate to the red cross", "give blood today", "roads closed, stay home", "avoid the bridge"],
...             ["donations", "donations", "advice", "advice"], embedder="hash")
>>> model.classes
['advice', 'donations']
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np
import pandas as pd

from kit._text import strip

__all__ = ["MessageTypeModel", "fit", "predict"]


def _clean(text: str) -> str:
    return strip(str(text), urls=True, handles=True, rt=True).lower()


def _unit(vectors: np.ndarray) -> np.ndarray:
    v = np.asarray(vectors, dtype=np.float64)
    n = np.linalg.norm(v, axis=1, keepdims=True)
    return v / np.where(n > 0, n, 1.0)


def _embed(texts: Sequence[str], embedder, cache: bool = True) -> np.ndarray:
    from .embed import embed

    return embed(pd.DataFrame({"text": [str(t) for t in texts]}), embedder=embedder, cache=cache, progress=False)


@dataclass(kw_only=True)
class MessageTypeModel:
    """A fitted message-type model: ``classes``, the TF-IDF vocabulary, the logistic regression, the embedder."""

    classes: list[str]
    vectorizer: object
    model: object
    embedder: object
    tfidf_weight: float = 0.5

    def features(self, texts: Sequence[str], embeddings: np.ndarray | None = None, *, cache: bool = True):
        """The joined features of ``texts``: TF-IDF words (scaled by ``tfidf_weight``) and unit embeddings."""
        from scipy import sparse

        if embeddings is None:
            embeddings = _embed(texts, self.embedder, cache)
        words = self.vectorizer.transform([_clean(t) for t in texts]) * self.tfidf_weight
        return sparse.hstack([words, sparse.csr_matrix(_unit(embeddings))]).tocsr()

    def predict_proba(self, texts: Sequence[str], embeddings: np.ndarray | None = None, *, cache: bool = True):
        """Class probabilities, one row per text, columns in ``classes`` order."""
        return self.model.predict_proba(self.features(texts, embeddings, cache=cache))


def fit(
    texts: Sequence[str],
    labels: Sequence,
    *,
    embeddings: np.ndarray | None = None,
    embedder="use",
    tfidf_weight: float = 0.5,
    C: float = 2.0,
    min_df: int = 1,
    cache: bool = True,
) -> MessageTypeModel:
    """Fit the joined model on labelled examples.

    Parameters
    ----------
    texts, labels : sequences
        The examples and their message types.
    embeddings : ndarray, optional
        The examples' sentence embeddings when already computed (same embedder as used to predict).
    embedder
        As in :func:`kit.tl.embed.embed` (``"hash"`` for a quick, model-free run).
    tfidf_weight : float
        Weight of the TF-IDF block against the unit-length embedding.
    C : float
        Inverse regularisation of the logistic regression.
    min_df : int
        Fewest examples a word must appear in (1 for a few built-in examples, 2 or more for thousands).
    cache : bool
        Reuse cached embeddings.

    Returns
    -------
    MessageTypeModel

    Examples
    --------
    >>> m = fit(["thoughts and prayers", "stay safe", "help needed", "send water"], ["a", "a", "b", "b"], embedder="hash")
    >>> m.predict_proba(["thoughts and prayers"]).shape
    (1, 2)
    """
    from sklearn.feature_extraction.text import TfidfVectorizer
    from sklearn.linear_model import LogisticRegression

    texts = [str(t) for t in texts]
    y = np.asarray([str(v) for v in labels], dtype=object)
    if len(texts) != len(y) or not len(texts):
        raise ValueError(f"need as many labels as texts, and at least one ({len(texts)} texts, {len(y)} labels)")
    if len(set(y)) < 2:
        raise ValueError(f"need at least two message types among the examples, got {sorted(set(y))}")
    vectorizer = TfidfVectorizer(ngram_range=(1, 2), min_df=min_df, sublinear_tf=True)
    vectorizer.fit([_clean(t) for t in texts])
    model = MessageTypeModel(
        classes=[], vectorizer=vectorizer, model=None, embedder=embedder, tfidf_weight=tfidf_weight
    )
    X = model.features(texts, embeddings, cache=cache)
    model.model = LogisticRegression(C=C, class_weight="balanced", max_iter=3000).fit(X, y)
    model.classes = [str(c) for c in model.model.classes_]
    return model


def predict(
    posts: pd.DataFrame, model: MessageTypeModel, *, column: str = "text", embeddings=None, cache: bool = True
) -> pd.DataFrame:
    """The most likely message type of each post, with its probability.

    Parameters
    ----------
    posts : DataFrame
        Posts with a ``column`` of text.
    model : MessageTypeModel
        From :func:`fit`.
    column : str
        The text column.
    embeddings : ndarray, optional
        The posts' embeddings when already computed.
    cache : bool
        Reuse cached embeddings.

    Returns
    -------
    DataFrame
        ``label, confidence``, one row per post, index of ``posts``.

    Examples
    --------
    >>> import pandas as pd
    >>> m = fit(["thoughts and prayers", "stay safe", "help needed", "send water"], ["a", "a", "b", "b"], embedder="hash")
    >>> predict(pd.DataFrame({"text": ["send water please"]}), m)["label"].tolist()
    ['b']
    """
    texts = posts[column].fillna("").astype(str).tolist()
    if not texts:
        return pd.DataFrame({"label": pd.Series(dtype="string"), "confidence": pd.Series(dtype=float)})
    p = model.predict_proba(texts, embeddings, cache=cache)
    best = p.argmax(axis=1)
    return pd.DataFrame(
        {"label": np.asarray(model.classes, dtype=object)[best], "confidence": p.max(axis=1)}, index=posts.index
    )
