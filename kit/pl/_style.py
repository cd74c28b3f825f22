"""Shared look of the figures, passed explicitly (nothing is set globally on import)."""

from __future__ import annotations

import html

__all__ = ["TEMPLATE", "BRAND_COLOUR", "PALETTE", "ROLE_COLOURS", "escape", "colours"]

TEMPLATE = "plotly_white"


def escape(value) -> str:
    """Post text and handles are untrusted: escape them before they reach a label or hover text."""
    return html.escape(str(value), quote=False)


#: The brand's colour, the same in every figure of every report.
BRAND_COLOUR = "#1f4e9c"
#: Colours of the other actors (and groups): each name takes the one its hash points to (see :func:`colours`).
PALETTE = (
    "#d62728",
    "#2ca02c",
    "#ff7f0e",
    "#9467bd",
    "#8c564b",
    "#e377c2",
    "#17becf",
    "#bcbd22",
    "#7f7f7f",
    "#aec7e8",
    "#ff9896",
    "#98df8a",
    "#c5b0d5",
    "#ffbb78",
    "#c49c94",
)
#: Roles of accounts, fixed too (the brand's role takes the brand's colour).
ROLE_COLOURS = {"competitor": "#b0413e", "competitors": "#b0413e", "media": "#6b6b6b", "employee": "#3a9a5b"}


def colours(names, *, brand: str | None = None) -> dict:
    """One colour per name, the same for a name in every figure and report: the brand (or the role
    ``brand``) in :data:`BRAND_COLOUR`, roles in :data:`ROLE_COLOURS`, any other name in the colour of
    :data:`PALETTE` its hash points to (two names of one figure pointing to the same colour: the
    alphabetically later one takes the next free colour).

    Parameters
    ----------
    names
        The names drawn (actors, roles, groups).
    brand
        The brand's name (``None``: the one set by :func:`kit.format.use`).

    Returns
    -------
    dict
        Name to colour.

    Examples
    --------
    >>> c = colours(["Railix", "Voltaria", "brand"], brand="Voltaria")
    >>> c["Voltaria"] == c["brand"] == BRAND_COLOUR, c["Railix"] == colours(["Railix", "Cityhop"])["Railix"]
    (True, True)
    """
    import zlib

    if brand is None:
        from ..format import settings

        brand = settings().brand
    out: dict = {}
    used: set = set()
    for name in dict.fromkeys(str(n) for n in names):
        if name == brand or name.lower() == "brand":
            out[name] = BRAND_COLOUR
        elif name.lower() in ROLE_COLOURS:
            out[name] = ROLE_COLOURS[name.lower()]
    ordered = sorted((n for n in dict.fromkeys(str(n) for n in names) if n not in out), key=str.casefold)
    for name in ordered:
        i = zlib.crc32(name.casefold().encode("utf-8")) % len(PALETTE)
        for step in range(len(PALETTE)):
            if PALETTE[(i + step) % len(PALETTE)] not in used:
                i = (i + step) % len(PALETTE)
                break
        out[name] = PALETTE[i]
        used.add(PALETTE[i])
    return out
