"""Where the kit keeps what it can compute again: ``$KIT_CACHE`` (default ``~/.cache/kit``), one folder a kind.

>>> cache_dir("embeddings").name
'embeddings'
"""

from __future__ import annotations

import os
from pathlib import Path

__all__ = ["cache_root", "cache_dir", "FORMATS", "versioned"]

#: Version of what is kept under each kind. Bump it when results kept by older versions may differ from
#: what the kit computes now: the new version writes to a new folder and never mixes in the old results.
#: ``embeddings`` 2: each text is embedded on its own (issue 14, point 7); version 1 kept vectors whose
#: last bits depended on the batch they were embedded in. 3: USE encodes groups of at least 8 texts, whose
#: vectors do not depend on the group either, but differ in their last bits from those of one text alone.
FORMATS = {"embeddings": 3}


def cache_root() -> Path:
    """The kit's cache folder: ``$KIT_CACHE`` when set, ``~/.cache/kit`` otherwise (not created here)."""
    return Path(os.environ.get("KIT_CACHE") or Path.home() / ".cache" / "kit")


def cache_dir(kind: str) -> Path:
    """The cache folder for one kind of result (``"embeddings"``, ``"umap"``, ``"lexicon"``...)."""
    return cache_root() / kind


def versioned(name: str, kind: str) -> str:
    """``name`` with the cache format version of ``kind`` (:data:`FORMATS`) appended, as a folder name.

    >>> versioned("use-multilingual-v3", "embeddings")
    'use-multilingual-v3.v3'
    >>> versioned("x", "lexicon")
    'x'
    """
    version = FORMATS.get(kind)
    return f"{name}.v{version}" if version and version > 1 else name
