"""Computations on the post table. Each returns a tidy DataFrame; each has a matching ``kit.pl`` plot.

The overview functions are imported here; every other module (``embed``, ``topics``, ``sentiment``,
``metrics``, ``care``, ...) is imported on first use (``from kit.tl import topics`` or ``tl.topics``),
so ``import kit`` stays fast.
"""

import importlib

from .overview import breakdown, load_accounting, load_warnings, summary, top_posts, volume

__all__ = ["volume", "breakdown", "summary", "load_accounting", "load_warnings", "top_posts"]


def __getattr__(name):
    if not name.startswith("_"):
        try:
            return importlib.import_module(f".{name}", __name__)
        except ModuleNotFoundError as err:
            if err.name != f"{__name__}.{name}":
                raise
    raise AttributeError(f"module 'kit.tl' has no attribute {name!r}")
