"""Seeded UMAP with its result kept on disk, so a report run again on the same posts skips the fit.

UMAP with a ``random_state`` is deterministic: the same vectors and settings give the same
coordinates. The coordinates are stored under ``$KIT_CACHE/umap`` (default ``~/.cache/kit/umap``),
named by a hash of the vectors, the settings and the umap-learn version, so a change to any of them
fits again. A 20,000-post topic reduction is 400 kB; delete the folder to clear it.
"""

from __future__ import annotations

import hashlib
import json
import os
import warnings
from pathlib import Path

import numpy as np

from .. import _cache

__all__ = ["EXACT_KNN_MAX", "cache_dir", "exact_knn", "reduce"]


def cache_dir() -> Path:
    """Where fitted coordinates are kept: ``$KIT_CACHE/umap`` (:func:`kit._cache.cache_dir`).

    >>> cache_dir().name
    'umap'

    Returns
    -------
    Path
        The folder (not created here).
    """
    return _cache.cache_dir("umap")


def _umap_version() -> str:
    from importlib.metadata import PackageNotFoundError, version

    try:
        return version("umap-learn")  # without importing umap: that compiles numba code (~15 s)
    except PackageNotFoundError:  # pragma: no cover - umap-learn is a dependency
        import umap

        return umap.__version__


def _key(vectors: np.ndarray, params: dict) -> str:
    h = hashlib.sha256()
    h.update(
        json.dumps(
            {"params": params, "umap": _umap_version(), "shape": vectors.shape, "dtype": str(vectors.dtype)},
            sort_keys=True,
        ).encode()
    )
    h.update(np.ascontiguousarray(vectors).data)
    return h.hexdigest()[:40]


#: Up to this many rows UMAP gets exact nearest neighbours computed here (a blocked matrix product:
#: about 3 s for 20,000 USE vectors on two cores) instead of running pynndescent. UMAP does the same
#: below 4,096 rows; above, pynndescent's numba code is compiled again in every new process (about 45 s,
#: numba cannot keep it on disk), which was most of a topic fit on some thousands of posts.
EXACT_KNN_MAX = 20_000


def exact_knn(
    vectors: np.ndarray, k: int, *, metric: str = "cosine", block: int = 1024
) -> tuple[np.ndarray, np.ndarray]:
    """Each row's ``k`` nearest rows (itself first), as UMAP's ``precomputed_knn`` wants them:
    (indices, distances), both (n, k), by increasing distance, ties by row number.

    Parameters
    ----------
    vectors
        One row per point.
    k
        Neighbours per row, itself included (at most the number of rows).
    metric
        ``"cosine"`` or ``"euclidean"``.
    block
        Rows per matrix product (memory: ``block * n`` floats).

    Returns
    -------
    tuple of ndarray
        ``(indices, distances)``, both of shape (n, k).

    Examples
    --------
    >>> idx, dist = exact_knn(np.array([[0.0, 0.0], [1.0, 0.0], [3.0, 0.0]]), 2, metric="euclidean")
    >>> idx.tolist(), dist.tolist()
    ([[0, 1], [1, 0], [2, 1]], [[0.0, 1.0], [0.0, 1.0], [0.0, 2.0]])
    """
    X = np.asarray(vectors, dtype=np.float32)
    if metric == "cosine":
        norms = np.linalg.norm(X, axis=1, keepdims=True)
        X = X / np.where(norms == 0, 1, norms)
    elif metric != "euclidean":
        raise ValueError(f"exact neighbours for cosine or euclidean, not {metric!r}")
    n = len(X)
    k = min(k, n)
    sq = np.einsum("ij,ij->i", X, X)
    indices = np.empty((n, k), dtype=np.int32)
    distances = np.empty((n, k), dtype=np.float32)
    for start in range(0, n, block):
        rows = np.arange(start, min(start + block, n))
        dot = X[rows] @ X.T
        d = (1 - dot) if metric == "cosine" else np.sqrt(np.maximum(sq[rows, None] + sq[None, :] - 2 * dot, 0))
        d = np.maximum(d, 0)
        d[np.arange(len(rows)), rows] = -1  # itself first, whatever duplicates it has
        part = np.argpartition(d, k - 1, axis=1)[:, :k] if k < n else np.tile(np.arange(n), (len(rows), 1))
        pd_ = np.take_along_axis(d, part, axis=1)
        order = np.lexsort((part, pd_), axis=1)
        indices[rows] = np.take_along_axis(part, order, axis=1)
        distances[rows] = np.take_along_axis(pd_, order, axis=1)
    distances[:, 0] = 0.0
    return indices, distances


def reduce(
    vectors: np.ndarray, *, seed: int, cache: bool = True, directory: str | Path | None = None, **params
) -> np.ndarray:
    """``UMAP(random_state=seed, **params).fit_transform(vectors)``, read from the cache when this exact
    fit was done before (``cache=False``: always fit, store nothing). From 4,096 to
    :data:`EXACT_KNN_MAX` rows the neighbours are exact (:func:`exact_knn`), as UMAP's own below 4,096.

    Parameters
    ----------
    vectors
        One row per point.
    seed
        UMAP's ``random_state``.
    cache
        Read and keep the result in ``directory``.
    directory
        The cache folder (default :func:`cache_dir`).
    **params
        UMAP's settings (``n_neighbors``, ``n_components``, ``metric``...), part of the cache key.

    Returns
    -------
    ndarray
        The coordinates, one row per point.
    """
    path = None
    if cache:
        exact = 4096 <= len(vectors) <= EXACT_KNN_MAX
        path = Path(directory or cache_dir()) / f"{_key(vectors, dict(params, random_state=seed, exact_knn=exact))}.npy"
        if path.is_file():
            try:
                out = np.load(path, allow_pickle=False)
                if out.shape[0] == len(vectors):
                    return out
            except Exception as exc:  # a damaged file (OSError, ValueError, EOFError...): fit again and overwrite it
                warnings.warn(f"UMAP cache: skipped damaged file {path} ({type(exc).__name__}: {exc})", stacklevel=2)
    from ._numba import cache_compiled

    cache_compiled()  # UMAP's compiled code is reused across reports instead of recompiled in each
    with warnings.catch_warnings():  # umap imports tqdm.auto, which warns outside a notebook front-end
        warnings.simplefilter("ignore")
        from umap import UMAP  # imported only to fit: a cached result needs none of it
    if 4096 <= len(vectors) <= EXACT_KNN_MAX and params.get("metric", "euclidean") in ("cosine", "euclidean"):
        idx, dist = exact_knn(vectors, params.get("n_neighbors", 15), metric=params.get("metric", "euclidean"))
        params = dict(params, precomputed_knn=(idx, dist, None))
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        out = UMAP(random_state=seed, **params).fit_transform(vectors)
    if path is not None:
        try:
            path.parent.mkdir(parents=True, exist_ok=True)
            tmp = path.with_name(f"{path.stem}.{os.getpid()}.tmp.npy")
            np.save(tmp, out, allow_pickle=False)
            os.replace(tmp, path)  # atomic: a parallel run never reads half a file
        except OSError:
            pass  # a read-only home: the result is still returned
    return out
