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

__all__ = ["cluster", "merge_close", "sample_rows", "centres", "assign"]


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


def sample_rows(groups: np.ndarray, n: int, *, seed: int = 0) -> np.ndarray:
    """Positions of a seeded sample of ``n`` rows, stratified by ``groups`` (each group in proportion).

    Each group gets ``n`` times its share of the rows (rounded by largest remainders, at least one row
    a group); rows are drawn at random within a group with ``seed``. Fewer rows than ``n``: all of them.

    Parameters
    ----------
    groups
        One group label per row (e.g. the posts' language).
    n
        Rows wanted.
    seed
        Seeds the draw: same rows, same seed, same sample.

    Returns
    -------
    ndarray
        Sorted positions (int64).

    Examples
    --------
    >>> rows = sample_rows(np.array(["fr"] * 80 + ["de"] * 20), 10, seed=0)
    >>> len(rows), int((rows >= 80).sum())
    (10, 2)
    """
    groups = pd.Series(groups).astype("string").fillna("<NA>").to_numpy()
    if n >= len(groups):
        return np.arange(len(groups), dtype=np.int64)
    rng = np.random.default_rng(seed)
    names, codes = np.unique(groups, return_inverse=True)
    counts = np.bincount(codes, minlength=len(names))
    quota = counts * n / len(groups)
    take = np.minimum(np.maximum(np.floor(quota).astype(int), 1), counts)
    for g in np.argsort(-(quota - np.floor(quota)), kind="stable")[: max(0, n - int(take.sum()))]:
        take[g] = min(take[g] + 1, counts[g])
    picked = [rng.choice(np.flatnonzero(codes == g), size=int(take[g]), replace=False) for g in range(len(names))]
    return np.sort(np.concatenate(picked)).astype(np.int64)


def centres(topics_: np.ndarray, emb: np.ndarray) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """Each topic's centre (mean of its normalised embeddings, normalised) and its similarity floor.

    The floor is the lowest decile of the similarity of the topic's own posts to its centre: a post
    less similar than that to its nearest centre stays an outlier (as in the outlier reassignment).

    Parameters
    ----------
    topics_
        Topic number per post (``-1``: outlier).
    emb
        One embedding per post.

    Returns
    -------
    tuple
        The topic numbers (ascending), their centres (one row each) and their floors.

    Examples
    --------
    >>> ids, c, floor = centres(np.array([0, 0, 1, -1]), np.array([[1.0, 0], [1, 0.1], [0, 1], [1, 1]]))
    >>> ids.tolist(), c.shape, floor.round(2).tolist()
    ([0, 1], (2, 2), [1.0, 1.0])
    """
    emb = emb / np.maximum(np.linalg.norm(emb, axis=1, keepdims=True), 1e-12)
    ids, cent = _centres(topics_, emb)
    floor = np.array([np.quantile(emb[topics_ == t] @ cent[i], 0.1) for i, t in enumerate(ids)])
    return np.asarray(ids, dtype=np.int64), cent.astype(np.float32), floor.astype(np.float32)


def assign(emb: np.ndarray, ids: np.ndarray, cents: np.ndarray, *, floor: np.ndarray | None = None) -> np.ndarray:
    """The topic of each embedding: its most similar centre, or ``-1`` below that topic's ``floor``.

    A post's topic depends on its embedding and the centres alone, so posts can be assigned in any
    batches or partitions (a Dask ``map_partitions``) with the same result.

    Parameters
    ----------
    emb
        One embedding per post.
    ids, cents, floor
        As returned by :func:`centres` (``floor=None``: every post gets its nearest topic).

    Returns
    -------
    ndarray
        Topic number per post (int64).

    Examples
    --------
    >>> ids, c = np.array([0, 3]), np.array([[1.0, 0.0], [0.0, 1.0]])
    >>> assign(np.array([[0.9, 0.1], [0.2, 0.8], [-1, -1]]), ids, c, floor=np.array([0.5, 0.5])).tolist()
    [0, 3, -1]
    """
    if len(ids) == 0:
        return np.full(len(emb), OUTLIER, dtype=np.int64)
    emb = np.asarray(emb, dtype=np.float32)
    emb = emb / np.maximum(np.linalg.norm(emb, axis=1, keepdims=True), 1e-12)
    out = np.empty(len(emb), dtype=np.int64)
    for start in range(0, len(emb), 50_000):  # bounded memory: 50,000 x topics similarities at a time
        sims = emb[start : start + 50_000] @ np.asarray(cents, dtype=np.float32).T
        best = sims.argmax(axis=1)
        topic = np.asarray(ids)[best]
        if floor is not None:
            topic = np.where(sims[np.arange(len(best)), best] >= np.asarray(floor)[best], topic, OUTLIER)
        out[start : start + 50_000] = topic
    return out
