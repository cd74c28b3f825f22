"""Load a package's submodules on first use (``tl.topics``, ``pl.care``), so that ``import kit`` stays fast."""

from __future__ import annotations

import importlib
from collections.abc import Callable
from types import ModuleType

__all__ = ["submodules"]


def submodules(package: str) -> Callable[[str], ModuleType]:
    """A module-level ``__getattr__`` for ``package`` that imports ``package.<name>`` when asked for ``name``.

    Names with a leading underscore, and names that are no submodule, raise ``AttributeError``; an import
    error inside an existing submodule is raised as it is.

    Parameters
    ----------
    package
        The package's ``__name__``.

    Returns
    -------
    callable
        ``__getattr__(name)`` for the package's module.

    Examples
    --------
    >>> getattr_ = submodules("kit.pl")
    >>> getattr_("_style").__name__
    Traceback (most recent call last):
    ...
    AttributeError: module 'kit.pl' has no attribute '_style'
    >>> getattr_("overview").__name__
    'kit.pl.overview'
    """

    def __getattr__(name: str) -> ModuleType:
        if not name.startswith("_"):
            try:
                return importlib.import_module(f".{name}", package)
            except ModuleNotFoundError as err:
                if err.name != f"{package}.{name}":
                    raise
        raise AttributeError(f"module {package!r} has no attribute {name!r}")

    return __getattr__
