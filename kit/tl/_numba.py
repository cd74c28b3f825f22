"""Keep numba's compiled code between runs, so UMAP does not recompile in every report.

UMAP and pynndescent compile most of their numba functions without ``cache=True``: every new
process (each notebook kernel) spends tens of seconds compiling the same code before the first
fit. :func:`cache_compiled` makes ``numba.njit`` / ``numba.jit`` default to ``cache=True`` for the
modules imported after it (call it before importing umap, pynndescent or bertopic); the machine code
then lands next to the library's sources (or in ``NUMBA_CACHE_DIR``) and later processes load it.
Functions numba cannot cache (dynamic globals) are compiled as before; the warning it gives for
them is silenced. Results are identical: caching changes when code is compiled, not what it does.
"""

from __future__ import annotations

import sys
import warnings

__all__ = ["cache_compiled"]

_DONE = False


def cache_compiled() -> None:
    """Make numba cache compiled functions by default (idempotent; a no-op when umap is already loaded).

    Returns
    -------
    None
        Changes numba's defaults for this process.
    """
    global _DONE
    if _DONE:
        return
    _DONE = True
    if "umap" in sys.modules or "pynndescent" in sys.modules:
        return
    try:
        import numba
        from numba.core.errors import NumbaWarning
    except ImportError:  # pragma: no cover - numba comes with umap
        return
    warnings.filterwarnings("ignore", message=r"(?s).*[Cc]annot cache.*", category=NumbaWarning)
    for name in ("njit", "jit"):
        original = getattr(numba, name)

        def cached(*args, _original=original, **kwargs):
            kwargs.setdefault("cache", True)
            return _original(*args, **kwargs)

        cached.__doc__ = original.__doc__
        setattr(numba, name, cached)
