"""Clusters of posts in the reduced embedding space: HDBSCAN, merging across languages, outliers.

:func:`kit.tl.topics.fit` runs these on UMAP's coordinates (:func:`cluster`) and on the embeddings
(:func:`merge_close`, then outliers are reassigned to a close topic and topics renumbered by size).

>>> emb = np.array([[1.0, 0.0], [0.99, 0.1], [0.0, 1.0]])
>>> merge_close(np.array([0, 1, -1]), emb, similarity=0.9).tolist()
[0, 0, -1]
"""

from __future__ import annotations

import numpy as np
import pandas as pd

from ._topic_model import OUTLIER

__all__ = ["cluster", "merge_close"]


def cluster(reduced: np.ndarray, size: int) -> tuple[np.ndarray, str]:
    """HDBSCAN on the UMAP coordinates, with a fallback to leaf selection.

    Excess-of-mass selection first; when it finds fewer topics than a corpus of this size should hold
    (a dense corpus on one subject often collapses into two or three), leaf selection, which keeps the
    finer clusters, is used instead.

    Parameters
    ----------
    reduced
        The UMAP coordinates, one row per post.
    size
        The smallest cluster (``min_cluster_size``; ``min_samples`` is a quarter of it, at least 2).

    Returns
    -------
    tuple
        The cluster of each row (``-1``: outlier) and the selection used (``"eom"`` or ``"leaf"``).

    Examples
    --------
    >>> rng = np.random.default_rng(0)
    >>> points = np.vstack([rng.normal(0, 0.1, (15, 2)), rng.normal(5, 0.1, (15, 2))])
    >>> labels, selection = cluster(points, 10)
    >>> np.bincount(labels).tolist(), selection
    ([15, 15], 'eom')
    """
    from hdbscan import HDBSCAN

    def run(method: str) -> np.ndarray:
        return HDBSCAN(
            min_cluster_size=size, min_samples=max(2, size // 4), metric="euclidean", cluster_selection_method=method
        ).fit_predict(reduced)

    labels = run("eom")
    wanted = max(4, len(reduced) // (10 * size))
    if len(set(labels) - {OUTLIER}) < wanted:
        leaf = run("leaf")
        if len(set(leaf) - {OUTLIER}) > len(set(labels) - {OUTLIER}):
            return leaf, "leaf"
    return labels, "eom"


def _centres(topics_: np.ndarray, emb: np.ndarray) -> tuple[list[int], np.ndarray]:
    ids = sorted(int(t) for t in set(topics_) if t != OUTLIER)
    if not ids:  # HDBSCAN found no cluster: nothing to merge
        return ids, np.zeros((0, emb.shape[1]))
    centres = np.vstack([emb[topics_ == t].mean(axis=0) for t in ids])
    return ids, centres / np.maximum(np.linalg.norm(centres, axis=1, keepdims=True), 1e-12)


def merge_close(
    topics_: np.ndarray,
    emb: np.ndarray,
    *,
    similarity: float = 0.75,
    langs: np.ndarray | None = None,
    monolingual: float = 0.6,
) -> np.ndarray:
    """Merge topics whose centres have cosine similarity >= ``similarity``.

    With ``langs`` (one language code per post), only topics that each live mostly (share >=
    ``monolingual``) in a different language are merged: the French, German and English clusters
    of one subject. Topics in the same language are left apart however close they are, so a
    corpus in one language keeps its fine-grained topics.

    Parameters
    ----------
    topics_
        Topic number per post (``-1``: outlier).
    emb
        One embedding per post.
    similarity
        Smallest cosine similarity of two centres that are merged.
    langs
        Language code per post, or ``None`` to merge whatever the language.
    monolingual
        Share of a topic's posts in one language from which the topic counts as in that language.

    Returns
    -------
    ndarray
        Topic numbers after merging (a merged topic takes the smaller number).

    Examples
    --------
    >>> emb = np.array([[1.0, 0.0], [0.99, 0.1], [0.0, 1.0]])
    >>> merge_close(np.array([0, 1, 2]), emb, similarity=0.9).tolist()
    [0, 0, 2]
    >>> merge_close(np.array([0, 1, 2]), emb, similarity=0.9, langs=np.array(["fr", "fr", "de"])).tolist()
    [0, 1, 2]
    """
    ids, centres = _centres(topics_, emb)
    if len(ids) < 2:
        return topics_.copy()
    dominant: dict[int, str | None] = {t: None for t in ids}
    if langs is not None:
        frame = pd.DataFrame({"t": topics_, "lang": pd.Series(langs).astype("string").fillna("und").to_numpy()})
        frame = frame[frame["t"] != OUTLIER]
        shares = frame.groupby("t")["lang"].value_counts(normalize=True)
        for t in ids:
            top = shares.loc[t]
            dominant[t] = str(top.index[0]) if top.iloc[0] >= monolingual else None
    sims = centres @ centres.T
    parent = {t: t for t in ids}
    langs_of = {t: {dominant[t]} for t in ids}

    def root(t):
        while parent[t] != t:
            parent[t] = parent[parent[t]]
            t = parent[t]
        return t

    pairs = sorted(((sims[i, j], a, b) for i, a in enumerate(ids) for j, b in enumerate(ids) if i < j), reverse=True)
    for sim, a, b in pairs:
        if sim < similarity:
            break
        ra, rb = root(a), root(b)
        if ra == rb:
            continue
        if langs is not None and (None in langs_of[ra] or None in langs_of[rb] or langs_of[ra] & langs_of[rb]):
            continue  # only join groups that are monolingual in different languages
        keep, gone = min(ra, rb), max(ra, rb)
        parent[gone] = keep
        langs_of[keep] = langs_of[keep] | langs_of[gone]
    return np.array([root(int(t)) if t != OUTLIER else OUTLIER for t in topics_])


def _renumber(topics_: np.ndarray) -> np.ndarray:
    """Topic 0 is the largest; ties broken by the old number; outliers stay -1."""
    counts = pd.Series(topics_[topics_ != OUTLIER]).value_counts()
    order = sorted(counts.index, key=lambda t: (-counts[t], t))
    mapping = {t: i for i, t in enumerate(order)}
    return np.array([mapping.get(int(t), OUTLIER) for t in topics_])


def _reassign(topics_: np.ndarray, emb: np.ndarray) -> np.ndarray:
    emb = emb / np.maximum(np.linalg.norm(emb, axis=1, keepdims=True), 1e-12)
    ids, centres = _centres(topics_, emb)
    floor = np.array([np.quantile(emb[topics_ == t] @ centres[i], 0.1) for i, t in enumerate(ids)])
    out = topics_.copy()
    idx = np.flatnonzero(topics_ == OUTLIER)
    sims = emb[idx] @ centres.T
    best = sims.argmax(axis=1)
    ok = sims[np.arange(len(idx)), best] >= floor[best]
    out[idx[ok]] = np.asarray(ids)[best[ok]]
    return out
