"""Where the kit keeps what it can compute again: ``$KIT_CACHE`` (default ``~/.cache/kit``), one folder a kind.

>>> cache_dir("embeddings").name
'embeddings'
"""

from __future__ import annotations

import os
from pathlib import Path

__all__ = ["cache_root", "cache_dir"]


def cache_root() -> Path:
    """The kit's cache folder: ``$KIT_CACHE`` when set, ``~/.cache/kit`` otherwise (not created here)."""
    return Path(os.environ.get("KIT_CACHE") or Path.home() / ".cache" / "kit")


def cache_dir(kind: str) -> Path:
    """The cache folder for one kind of result (``"embeddings"``, ``"umap"``, ``"lexicon"``...)."""
    return cache_root() / kind
