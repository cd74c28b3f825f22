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


def cache_dir() -> Path:
    return Path(os.environ.get("KIT_CACHE", Path.home() / ".cache" / "kit")) / "umap"


def _key(vectors: np.ndarray, params: dict) -> str:
    import umap
    h = hashlib.sha256()
    h.update(json.dumps({"params": params, "umap": umap.__version__, "shape": vectors.shape,
                         "dtype": str(vectors.dtype)}, sort_keys=True).encode())
    h.update(np.ascontiguousarray(vectors).data)
    return h.hexdigest()[:40]


def reduce(vectors: np.ndarray, *, seed: int, cache: bool = True, directory: str | Path | None = None,
           **params) -> np.ndarray:
    """``UMAP(random_state=seed, **params).fit_transform(vectors)``, read from the cache when this exact
    fit was done before (``cache=False``: always fit, store nothing)."""
    from ._numba import cache_compiled
    cache_compiled()  # UMAP's compiled code is reused across reports instead of recompiled in each
    with warnings.catch_warnings():  # umap imports tqdm.auto, which warns outside a notebook front-end
        warnings.simplefilter("ignore")
        from umap import UMAP
    path = None
    if cache:
        path = Path(directory or cache_dir()) / f"{_key(vectors, dict(params, random_state=seed))}.npy"
        if path.is_file():
            try:
                out = np.load(path, allow_pickle=False)
                if out.shape[0] == len(vectors):
                    return out
            except (OSError, ValueError):
                pass  # a damaged file: fit again and overwrite it
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
