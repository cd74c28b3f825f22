"""Where the files that ship with the kit are: notebooks, the sample scenario, parameter sets.

In a wheel they are package data inside ``kit/`` (``_notebooks``, ``_data``, ``_params``), found with
:mod:`importlib.resources`. In a checkout these three are symbolic links to the repository's top-level
``notebooks/``, ``data/`` and ``params/`` (setuptools follows them when it builds the wheel); where the
links are missing (e.g. a checkout on a file system without symbolic links) the top-level folders are used.

Examples
--------
>>> resource_dir("_notebooks", "notebooks").name in ("_notebooks", "notebooks")
True
"""

from __future__ import annotations

from importlib import resources
from pathlib import Path

__all__ = ["resource_dir", "checkout_root"]


def checkout_root() -> Path | None:
    """The repository root when the kit is imported from a checkout, else ``None``.

    Examples
    --------
    >>> root = checkout_root()
    >>> root is None or (root / "pyproject.toml").exists()
    True
    """
    root = Path(__file__).resolve().parent.parent
    return root if (root / "pyproject.toml").exists() and (root / "kit").is_dir() else None


def resource_dir(name: str, checkout: str) -> Path:
    """The folder ``kit/<name>`` shipped as package data, or ``<checkout root>/<checkout>`` when it is absent.

    Parameters
    ----------
    name
        The package-data folder inside ``kit`` (e.g. ``"_notebooks"``).
    checkout
        The repository's folder of the same files (e.g. ``"notebooks"``), used when ``kit/<name>`` is absent.

    Returns
    -------
    Path
        An existing folder when either is found; otherwise the package-data path (which then does not exist).

    Examples
    --------
    >>> resource_dir("_params", "params").is_dir()
    True
    """
    shipped = Path(str(resources.files("kit") / name))
    if shipped.is_dir():
        return shipped
    root = checkout_root()
    if root is not None and (root / checkout).is_dir():
        return root / checkout
    return shipped
