"""The message-type model: two logistic regressions, one on multilingual sentence embeddings and one on
TF-IDF words, whose class probabilities are averaged; fitted on labelled examples (the kit's built-in ones or
a team's).

The embeddings carry meaning across languages and wordings; the TF-IDF words carry the cues that a crisis
vocabulary makes decisive ("donate", "#prayfor", "evacuate", road and power words). Averaging the two
models' probabilities (late fusion, equal weights) beats either alone, and a single model on the joined
features, on events the model never saw (``bench/eval_crisislex.py``, leave one event out). Classes are
weighted equally (balanced weights), so a rare type is not drowned by "other". Nothing is trained in
advance: the model is fitted on the examples each time, in well under a second for a few hundred.

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
    """A fitted message-type model: ``classes``, the two heads, the TF-IDF vocabulary, the embedder."""

    classes: list[str]
    vectorizer: object
    words: object
    meaning: object
    embedder: object
    weight: float = 0.5

    def predict_proba(self, texts: Sequence[str], embeddings: np.ndarray | None = None, *, cache: bool = True):
        """Class probabilities, one row per text, columns in ``classes`` order: ``weight`` times the
        embedding head's plus ``1 - weight`` times the TF-IDF head's."""
        if embeddings is None:
            embeddings = _embed(texts, self.embedder, cache)
        p_meaning = self.meaning.predict_proba(_unit(embeddings))
        p_words = self.words.predict_proba(self.vectorizer.transform([_clean(t) for t in texts]))
        return self.weight * p_meaning + (1 - self.weight) * p_words


def fit(
    texts: Sequence[str],
    labels: Sequence,
    *,
    embeddings: np.ndarray | None = None,
    embedder="use",
    weight: float = 0.5,
    C: float = 1.0,
    C_words: float = 4.0,
    min_df: int = 1,
    cache: bool = True,
) -> MessageTypeModel:
    """Fit the two heads on labelled examples.

    Parameters
    ----------
    texts, labels : sequences
        The examples and their message types.
    embeddings : ndarray, optional
        The examples' sentence embeddings when already computed (same embedder as used to predict).
    embedder
        As in :func:`kit.tl.embed.embed` (``"hash"`` for a quick, model-free run).
    weight : float
        Weight of the embedding head's probabilities (the TF-IDF head gets ``1 - weight``).
    C, C_words : float
        Inverse regularisation of the embedding head and of the TF-IDF head.
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
    words = vectorizer.fit_transform([_clean(t) for t in texts])
    if embeddings is None:
        embeddings = _embed(texts, embedder, cache)
    head = dict(class_weight="balanced", max_iter=2000)
    meaning = LogisticRegression(C=C, **head).fit(_unit(embeddings), y)
    word_head = LogisticRegression(C=C_words, **head).fit(words, y)
    return MessageTypeModel(
        classes=[str(c) for c in meaning.classes_],
        vectorizer=vectorizer,
        words=word_head,
        meaning=meaning,
        embedder=embedder,
        weight=weight,
    )


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
