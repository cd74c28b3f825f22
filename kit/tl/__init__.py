"""Computations on the post table. Each returns a tidy DataFrame; each has a matching ``kit.pl`` plot.

The overview functions are imported here; the model-backed modules (``embed``, ``topics``,
``sentiment``, ``emotion``, ``review``) are imported on first use (``from kit.tl import topics``
or ``kit.tl.topics``), so ``import kit`` stays fast.
"""

import importlib

from .overview import breakdown, load_accounting, load_warnings, summary, top_posts, volume

__all__ = ["volume", "breakdown", "summary", "load_accounting", "load_warnings", "top_posts",
           "embed", "topics", "sentiment", "emotion", "review", "metrics", "signals"]
_LAZY = {"embed", "topics", "sentiment", "emotion", "review", "metrics", "signals"}


def __getattr__(name):
    if name in _LAZY:
        return importlib.import_module(f".{name}", __name__)
    raise AttributeError(f"module 'kit.tl' has no attribute {name!r}")
