"""What the sentiment and emotion heads share: weights on sentence embeddings, the embedder, the embedding cache,
saving and loading (``.npz`` weights + ``.json`` metadata, no pickle: :mod:`kit.io.heads`).

>>> head = LinearHead(np.zeros((2, 3)), np.zeros(2), embedder="hash", cache=False, name="demo")
>>> head.name, head.embedder_spec, head.embed_texts(["a", "b"]).shape[0]
('demo', 'hash', 2)
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

import numpy as np

from .._cache import cache_dir as _cache_dir
from ..io.heads import read_head, write_head
from .embed import CachedEmbedder, Embedder, embed_batched, get_embedder

__all__ = ["LinearHead"]


class LinearHead:
    """Weights (``coef``, ``intercept``) applied to the embeddings of texts.

    Parameters
    ----------
    coef, intercept
        The weights (kept as float64).
    embedder
        A backend name (loaded on first use, :func:`kit.tl.embed.get_embedder`) or an embedder object.
    meta
        Settings and provenance kept with the weights.
    cache, cache_dir
        Keep embeddings on disk (default folder: the kit's embedding cache).
    name
        The model's name (default: the metadata's, else ``<kind>(<embedder>)``).

    A subclass names its file format (``format``), its outputs (``outputs``, one row of ``coef`` each,
    kept in the metadata under ``outputs_key``), its shipped file (``default_path``), what to say when a
    file is missing (``missing``, with ``{path}`` and ``{json}``), and the settings it keeps beside the
    weights (:meth:`_settings`, read back by :meth:`_settings_args`).
    """

    kind = "head"
    format = ""
    outputs: tuple[str, ...] = ()
    outputs_key = "outputs"
    default_path: Path | None = None
    missing = "no head at {path}"

    def __init__(
        self,
        coef: np.ndarray,
        intercept: np.ndarray,
        *,
        embedder: str | Embedder = "use",
        meta: dict | None = None,
        cache: bool = True,
        cache_dir: str | Path | None = None,
        name: str | None = None,
    ):
        self.coef = np.asarray(coef, dtype=np.float64)
        self.intercept = np.asarray(intercept, dtype=np.float64)
        self.embedder_spec = embedder if isinstance(embedder, str) else getattr(embedder, "name", "custom")
        self._embedder = None if isinstance(embedder, str) else embedder
        self.meta = dict(meta or {})
        self.cache = cache
        self.cache_dir = cache_dir
        self.name = name or self.meta.get("name") or f"{self.kind}({self.embedder_spec})"
        n = len(self.outputs)
        if n and (self.coef.shape[0] != n or self.intercept.shape != (n,)):
            raise ValueError(
                f"{type(self).__name__} has {n} outputs ({', '.join(self.outputs)}); "
                f"got coef {self.coef.shape}, intercept {self.intercept.shape}"
            )

    @property
    def embedder(self) -> Embedder:
        """The embedder object (loaded on first use when given by name)."""
        if self._embedder is None:
            self._embedder = get_embedder(self.embedder_spec)
        return self._embedder

    def embed_texts(self, texts: Sequence[str]) -> np.ndarray:
        """Embeddings of (non-empty) ``texts``, one row each: from the disk cache when ``cache``."""
        if self.cache:
            return CachedEmbedder(self.embedder, self.cache_dir or _cache_dir("embeddings")).embed(texts)
        return embed_batched(self.embedder, texts)

    # persistence (numpy arrays + JSON, no pickle): kit.io.heads

    def _settings(self) -> dict:
        """The subclass's settings kept in the metadata, between the embedder and ``n_features``."""
        return {}

    @classmethod
    def _settings_args(cls, meta: dict) -> dict:
        """The constructor's keyword arguments read back from the metadata's settings."""
        return {}

    def save(self, path: str | Path) -> Path:
        """Write ``path`` (``.npz``: ``coef``, ``intercept``) and the metadata beside it (``.json``)."""
        meta = {
            **self.meta,
            "format": self.format,
            "name": self.name,
            self.outputs_key: list(self.outputs),
            "embedder": self.embedder_spec,
            **self._settings(),
            "n_features": int(self.coef.shape[1]),
        }
        return write_head(path, self.coef, self.intercept, meta=meta)

    @classmethod
    def load(cls, path: str | Path | None = None, **kwargs) -> LinearHead:
        """Load a head saved by :meth:`save` (default: the shipped one). ``kwargs`` go to the constructor
        (e.g. ``cache=False``, ``embedder=<an Embedder object>``)."""
        path = Path(path or cls.default_path).with_suffix(".npz")
        missing = cls.missing.format(path=path, json=path.with_suffix(".json").name)
        coef, intercept, meta = read_head(path, fmt=cls.format, missing=missing)
        args = dict(embedder=meta["embedder"], **cls._settings_args(meta), meta=meta, name=meta.get("name"))
        args.update(kwargs)
        return cls(coef, intercept, **args)
