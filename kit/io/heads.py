"""Reading and writing the kit's linear model heads: weights in ``.npz`` (no pickle), metadata in ``.json`` beside.

The sentiment head (:class:`kit.tl.sentiment_head.HeadModel`) and the emotion head
(:class:`kit.tl.emotion.EmotionHead`) are both a coefficient matrix and an intercept plus a few settings; this
module is the one place that puts them on disk and reads them back, and reads the kit's other shipped model
data (:func:`read_model_json`).

>>> import tempfile, numpy as np
>>> with tempfile.TemporaryDirectory() as tmp:
...     path = write_head(tmp + "/h", np.eye(2), np.zeros(2), meta={"format": "demo/1"})
...     coef, intercept, meta = read_head(path, fmt="demo/1")
>>> path.name, coef.tolist(), meta["format"]
('h.npz', [[1.0, 0.0], [0.0, 1.0]], 'demo/1')
"""

from __future__ import annotations

import json
from pathlib import Path

import numpy as np

__all__ = ["write_head", "read_head", "read_model_json"]


def write_head(path: str | Path, coef: np.ndarray, intercept: np.ndarray, *, meta: dict) -> Path:
    """Write ``coef`` and ``intercept`` (as float32) to ``path`` with suffix ``.npz``, ``meta`` to the ``.json`` beside.

    Parameters
    ----------
    path
        Where to write; the suffix is replaced by ``.npz`` (folders are created).
    coef, intercept
        The head's weights.
    meta
        JSON-serialisable settings (format tag, name, embedder...).

    Returns
    -------
    pathlib.Path
        The ``.npz`` path written.
    """
    path = Path(path).with_suffix(".npz")
    path.parent.mkdir(parents=True, exist_ok=True)
    np.savez_compressed(
        path, coef=np.asarray(coef).astype(np.float32), intercept=np.asarray(intercept).astype(np.float32)
    )
    path.with_suffix(".json").write_text(json.dumps(meta, indent=1, ensure_ascii=False) + "\n", encoding="utf-8")
    return path


def read_head(path: str | Path, *, fmt: str, missing: str = "") -> tuple[np.ndarray, np.ndarray, dict]:
    """``(coef, intercept, meta)`` of a head written by :func:`write_head`.

    Parameters
    ----------
    path
        The ``.npz`` file (any suffix: ``.npz`` and ``.json`` beside it are read).
    fmt
        The ``format`` the metadata must declare.
    missing
        The :class:`FileNotFoundError` message when either file is absent (default: names them).

    Raises
    ------
    FileNotFoundError
        When the weights or the metadata are missing.
    ValueError
        When the metadata declare another format.
    """
    path = Path(path).with_suffix(".npz")
    meta_path = path.with_suffix(".json")
    if not path.exists() or not meta_path.exists():
        raise FileNotFoundError(missing or f"no model head at {path} (+ {meta_path.name})")
    meta = json.loads(meta_path.read_text(encoding="utf-8"))
    if meta.get("format") != fmt:
        raise ValueError(f"{meta_path} is not a {fmt} file (format {meta.get('format')!r})")
    with np.load(path, allow_pickle=False) as data:
        coef, intercept = data["coef"], data["intercept"]
    return coef, intercept, meta


def read_model_json(path: str | Path) -> dict:
    """A JSON model file (e.g. the French lexicon, ``kit/tl/models/vader_fr.json``), read as UTF-8.

    >>> from kit.tl._vader_fr import DATA
    >>> read_model_json(DATA)["format"]
    'kit-vader-fr-lexicon/1'
    """
    return json.loads(Path(path).read_text(encoding="utf-8"))
