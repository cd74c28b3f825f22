"""Computations on the post table. Each returns a tidy DataFrame; each has a matching ``kit.pl`` plot.

The overview functions are imported here; every other module (``embed``, ``topics``, ``sentiment``,
``metrics``, ``care``, ...) is imported on first use (``from kit.tl import topics`` or ``tl.topics``),
so ``import kit`` stays fast.
"""

from .._lazy import submodules
from .overview import breakdown, load_accounting, load_warnings, summary, top_posts, volume

__all__ = ["volume", "breakdown", "summary", "load_accounting", "load_warnings", "top_posts"]


__getattr__ = submodules(__name__)
