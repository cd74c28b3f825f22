"""Few-shot text classification on sentence embeddings: a few labelled examples per class in, labels out.

One small multinomial logistic head (:func:`kit.tl.sentiment.fit_softmax`) on the L2-normalised
embeddings of the examples. Because the embeddings are multilingual, examples written in one language
also teach the others. Used for message types (crisis), intents (listening, customer care), and any
labels a team brings.

Example
-------
>>> from kit.tl import classify
>>> model = classify.fit(["where is my refund?", "thank you so much!"], ["question", "praise"], embedder="hash")
>>> import pandas as pd
>>> classify.predict(pd.DataFrame({"text": ["where is my refund?"]}), model, cache=False)["label"].tolist()
['question']
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field

import numpy as np
import pandas as pd

from .._stats import macro_f1 as _macro_f1
from .embed import Embedder, embed
from .sentiment_head import balanced_weights, fit_softmax

__all__ = ["Classifier", "fit", "predict", "cross_validate", "macro_f1", "per_class_f1"]


@dataclass(kw_only=True)
class Classifier:
    """A fitted few-shot head: ``classes``, weights, and the embedder its inputs must come from."""

    classes: list[str]
    coef: np.ndarray
    intercept: np.ndarray
    embedder: str | Embedder
    n_examples: dict[str, int] = field(default_factory=dict)

    @property
    def embedder_name(self) -> str:
        return self.embedder if isinstance(self.embedder, str) else self.embedder.name

    def predict_proba(self, embeddings: np.ndarray) -> np.ndarray:
        """Class probabilities (rows sum to 1, columns in ``classes`` order) for precomputed embeddings."""
        X = _normalise(embeddings)
        z = X @ self.coef.T + self.intercept
        z = z - z.max(axis=1, keepdims=True)
        e = np.exp(z)
        return e / e.sum(axis=1, keepdims=True)


def _normalise(vectors: np.ndarray) -> np.ndarray:
    vectors = np.asarray(vectors, dtype=np.float64)
    if vectors.ndim != 2:
        raise ValueError(f"embeddings must be a 2-D array, got shape {vectors.shape}")
    norms = np.linalg.norm(vectors, axis=1, keepdims=True)
    return vectors / np.where(norms > 0, norms, 1.0)


def _embed_texts(texts: Sequence[str], embedder, cache: bool) -> np.ndarray:
    frame = pd.DataFrame({"text": [str(t) for t in texts]})
    return embed(frame, embedder=embedder, cache=cache, progress=False)


def fit(
    texts: Sequence[str],
    labels: Sequence,
    *,
    embedder: str | Embedder = "use",
    embeddings: np.ndarray | None = None,
    C: float = 1.0,
    balanced: bool = True,
    cache: bool = True,
) -> Classifier:
    """Fit a classifier on labelled examples.

    Parameters
    ----------
    texts, labels
        The examples, any languages the embedder covers; at least two distinct labels.
    embedder
        Backend name or object (see :func:`kit.tl.embed.get_embedder`); predictions must use the same.
    embeddings
        Precomputed embeddings of ``texts`` (skips embedding).
    C
        Inverse strength of the L2 penalty. With a handful of examples per class, 1.0 keeps the head
        close to a nearest-centroid rule; raise it with hundreds of examples.
    balanced
        Give every class the same total weight, whatever its number of examples.

    The fit is deterministic (L-BFGS from zero): same examples, same weights.
    """
    labels = [None if pd.isna(v) else str(v) for v in labels]
    if len(texts) != len(labels):
        raise ValueError(f"{len(texts)} texts but {len(labels)} labels")
    keep = [i for i, v in enumerate(labels) if v not in (None, "")]
    classes = sorted({labels[i] for i in keep})
    if len(classes) < 2:
        raise ValueError(f"need examples of at least two labels, got {classes or 'none'}")
    X = _embed_texts([texts[i] for i in keep], embedder, cache) if embeddings is None else np.asarray(embeddings)[keep]
    X = _normalise(X)
    y = np.array([classes.index(labels[i]) for i in keep])
    weights = balanced_weights(y, len(classes)) if balanced else None
    coef, intercept = fit_softmax(X, y, C=C, sample_weight=weights, n_classes=len(classes))
    counts = pd.Series(y).value_counts()
    return Classifier(
        classes=classes,
        coef=coef,
        intercept=intercept,
        embedder=embedder,
        n_examples={c: int(counts.get(i, 0)) for i, c in enumerate(classes)},
    )


def predict(
    posts: pd.DataFrame,
    model: Classifier,
    *,
    column: str = "text",
    embeddings: np.ndarray | None = None,
    min_confidence: float | None = None,
    other: str = "other",
    cache: bool = True,
) -> pd.DataFrame:
    """Label each post: ``label``, ``confidence`` and ``prob_<class>`` columns, indexed like ``posts``.

    Parameters
    ----------
    posts
        The post table.
    model
        A fitted :class:`Classifier`.
    column
        The text column.
    embeddings
        Precomputed embeddings of the posts (same embedder as the model).
    min_confidence, other
        Posts whose best probability is below ``min_confidence`` get the label ``other``.
    cache
        Keep embeddings in the kit's cache.
    """
    if embeddings is None:
        embeddings = (
            _embed_texts(posts[column].fillna("").astype(str).tolist(), model.embedder, cache)
            if len(posts)
            else np.zeros((0, model.coef.shape[1]))
        )
    if len(embeddings) != len(posts):
        raise ValueError(f"{len(embeddings)} embeddings for {len(posts)} posts")
    probs = model.predict_proba(embeddings) if len(posts) else np.zeros((0, len(model.classes)))
    best = probs.argmax(axis=1) if len(posts) else np.zeros(0, dtype=int)
    confidence = probs.max(axis=1) if len(posts) else np.zeros(0)
    label = np.array(model.classes, dtype=object)[best] if len(posts) else np.array([], dtype=object)
    if min_confidence is not None:
        label = np.where(confidence < min_confidence, other, label)
    out = pd.DataFrame({"label": pd.array(label, dtype="string"), "confidence": confidence}, index=posts.index)
    for i, c in enumerate(model.classes):
        out[f"prob_{c}"] = probs[:, i]
    return out


def macro_f1(y_true: Sequence, y_pred: Sequence, *, classes: Sequence[str] | None = None) -> float:
    """Unweighted mean of the per-class F1 over ``classes`` (default: the labels present in ``y_true``).

    :func:`kit._stats.macro_f1` (scikit-learn), kept here under its old name.

    >>> macro_f1(["a", "b", "b"], ["a", "b", "a"])
    0.666...
    """
    return _macro_f1(y_true, y_pred, classes=classes)


def per_class_f1(y_true: Sequence, y_pred: Sequence, *, classes: Sequence[str] | None = None) -> pd.DataFrame:
    """Precision, recall, F1 and support per class (scikit-learn; a class never predicted has precision 0).

    Parameters
    ----------
    y_true, y_pred
        True and predicted labels (compared as strings).
    classes
        The classes to report, in order; default: the labels present in ``y_true``, sorted.

    >>> per_class_f1(["a", "a", "b"], ["a", "b", "b"]).round(2).to_dict("records")[0]
    {'class': 'a', 'precision': 1.0, 'recall': 0.5, 'f1': 0.67, 'support': 2}
    """
    from sklearn.metrics import precision_recall_fscore_support

    t = [str(v) for v in y_true]
    p = [str(v) for v in y_pred]
    classes = sorted(set(t)) if classes is None else [str(c) for c in classes]
    if not classes:
        return pd.DataFrame(columns=["class", "precision", "recall", "f1", "support"])
    precision, recall, f1, support = precision_recall_fscore_support(t, p, labels=classes, zero_division=0)
    return pd.DataFrame(
        {
            "class": classes,
            "precision": precision.astype(float),
            "recall": recall.astype(float),
            "f1": f1.astype(float),
            "support": support.astype(int),
        }
    )


def cross_validate(
    texts: Sequence[str],
    labels: Sequence,
    *,
    groups: Sequence | None = None,
    folds: int = 5,
    embedder: str | Embedder = "use",
    embeddings: np.ndarray | None = None,
    C: float = 1.0,
    seed: int = 0,
    cache: bool = True,
) -> pd.DataFrame:
    """Held-out macro-F1: leave-one-group-out when ``groups`` is given (e.g. one crisis event), else k folds.

    Parameters
    ----------
    texts, labels
        The labelled examples.
    groups
        A group per example (one fold each); ``None``: ``folds`` seeded random folds.
    folds, seed
        Number of random folds and their seed.
    embedder, embeddings, C, cache
        As for :func:`fit`.

    Returns
    -------
    pandas.DataFrame
        One row per fold: ``fold``, ``n_train``, ``n_test``, ``macro_f1``, and ``majority_f1``, the
        macro-F1 of always answering the training set's most frequent label (the baseline to beat).
    """
    labels = np.asarray([str(v) for v in labels], dtype=object)
    X = _embed_texts(texts, embedder, cache) if embeddings is None else np.asarray(embeddings)
    if groups is not None:
        groups = np.asarray(groups, dtype=object)
        splits = [(str(g), groups != g) for g in pd.unique(groups)]
    else:
        order = np.random.default_rng(seed).permutation(len(labels))
        fold_of = np.empty(len(labels), dtype=int)
        fold_of[order] = np.arange(len(labels)) % folds
        splits = [(str(k), fold_of != k) for k in range(folds)]
    rows = []
    for name, train in splits:
        test = ~train
        if len(set(labels[train])) < 2 or not test.any():
            continue
        model = fit(
            list(np.asarray(texts, dtype=object)[train]), labels[train], embedder=embedder, embeddings=X[train], C=C
        )
        pred = np.array(model.classes, dtype=object)[model.predict_proba(X[test]).argmax(axis=1)]
        majority = pd.Series(labels[train]).value_counts().index[0]
        present = sorted(set(labels[test]))
        rows.append(
            {
                "fold": name,
                "n_train": int(train.sum()),
                "n_test": int(test.sum()),
                "macro_f1": macro_f1(labels[test], pred, classes=present),
                "majority_f1": macro_f1(labels[test], [majority] * int(test.sum()), classes=present),
            }
        )
    return pd.DataFrame(rows)
