"""What the sentiment and emotion heads share: weights on sentence embeddings, the embedder, the embedding cache.

>>> head = LinearHead(np.zeros((2, 3)), np.zeros(2), embedder="hash", cache=False, name="demo")
>>> head.name, head.embedder_spec, head.embed_texts(["a", "b"]).shape[0]
('demo', 'hash', 2)
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

import numpy as np

from .._cache import cache_dir as _cache_dir
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
    """

    kind = "head"

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
