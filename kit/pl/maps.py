"""Plots for :mod:`kit.tl.maps` results. They draw; they never compute."""

from __future__ import annotations

import pandas as pd
import plotly.graph_objects as go

from ._figures import empty as _empty
from ._style import TEMPLATE, colours, escape

__all__ = ["semantic_map"]


def _short(value, limit: int) -> str:
    text = " ".join(str(value).split()) if pd.notna(value) else ""
    return escape(text if len(text) <= limit else text[: limit - 1].rstrip() + "…")


def _hover(part: pd.DataFrame, hover, limit: int) -> list[str]:
    cols = [c for c in hover if c in part.columns]
    rows = []
    for record in part[cols].itertuples(index=False):
        lines = []
        for col, value in zip(cols, record):
            if col == "text":
                lines.append(_short(value, limit))
            elif pd.notna(value):
                lines.append(f"{escape(col)}: {_short(value, 60)}")
        rows.append("<br>".join(lines))
    return rows


def semantic_map(
    result: pd.DataFrame,
    *,
    color: str = "actor",
    title: str | None = None,
    hover=("actor", "platform", "lang", "created_at", "text"),
    max_hover: int = 160,
    order=None,
    marker_size: int = 5,
    opacity: float = 0.6,
    template: str = TEMPLATE,
    height: int = 640,
) -> go.Figure:
    """Scatter of :func:`kit.tl.maps.semantic_map` points, one WebGL trace per value of ``color``.

    Hover text is escaped (post text never becomes markup) and cut to ``max_hover`` characters.
    ``order`` fixes the order (and colours) of the groups, e.g. brand first; by default groups
    are ordered by size, largest first. The title says how many posts are shown when sampled.

    Parameters
    ----------
    result
        The table from :func:`kit.tl.maps.semantic_map`.
    color
        Column whose values get one colour each.
    title
        Figure title (default: one saying what is shown).
    hover
        Columns shown in the hover text.
    max_hover
        Hover texts are cut to this many characters.
    order
        Groups shown first, in this order (e.g. the brand).
    marker_size
        Size of the dots.
    opacity
        Opacity of the dots.
    template
        Plotly template.
    height
        Figure height in pixels.

    Returns
    -------
    go.Figure
        The figure; when there is nothing to draw, one that says why in words (``result.attrs["note"]``).
    """
    if len(result) == 0 and result.attrs.get("note"):
        return _empty(title or "Semantic map", result.attrs["note"], template)
    fig = go.Figure()
    if color in result.columns:
        groups = result[color].astype("string").fillna("(none)")
    else:
        groups = pd.Series(["posts"] * len(result), index=result.index, dtype="string")
    names = list(order) if order is not None else list(groups.value_counts().index)
    names += [g for g in groups.unique() if g not in names]
    for _i, name in enumerate(names):
        part = result[groups == name]
        if part.empty:
            continue
        fig.add_trace(
            go.Scattergl(
                x=part["x"],
                y=part["y"],
                mode="markers",
                name=escape(name),
                marker=dict(size=marker_size, opacity=opacity, color=colours(names)[str(name)]),
                hovertext=_hover(part, hover, max_hover),
                hoverinfo="text",
            )
        )
    n_posts, n_shown = result.attrs.get("n_posts", len(result)), result.attrs.get("n_shown", len(result))
    note = f" ({n_shown:,} of {n_posts:,} posts, sampled)" if n_shown < n_posts else ""
    fig.update_layout(
        title=(title or "Semantic map of posts") + note,
        template=template,
        height=height,
        legend_title=escape(color),
        legend=dict(itemsizing="constant"),
        xaxis=dict(showticklabels=False, title="", zeroline=False),
        yaxis=dict(showticklabels=False, title="", zeroline=False),
    )
    return fig
