"""What the audit's and the maps' figures share: the colour cycle, group order, empty figures, subplot grids."""

from __future__ import annotations

import math

import pandas as pd
import plotly.graph_objects as go

from ._style import escape

__all__ = ["COLOURS", "order", "empty", "grid"]

#: Sixteen distinguishable colours, cycled over actors or groups.
COLOURS = (
    "#1f77b4",
    "#d62728",
    "#2ca02c",
    "#9467bd",
    "#ff7f0e",
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


def order(values, first=None) -> list[str]:
    """The distinct values as text, those of ``first`` first (in its order), then the others sorted.

    Parameters
    ----------
    values
        Any sequence (missing values read ``(none)``).
    first
        Values to put first when present.

    Returns
    -------
    list of str

    Examples
    --------
    >>> order(["b", "a", "c", "a"], first=["c"])
    ['c', 'a', 'b']
    """
    seen = [str(v) for v in pd.unique(pd.Series(values).astype("string").fillna("(none)"))]
    first = [f for f in (first or []) if f in seen]
    return first + sorted(v for v in seen if v not in first)


def empty(title: str, message: str, template: str) -> go.Figure:
    """A figure that says in words why there is nothing to draw.

    Parameters
    ----------
    title
        The figure's title.
    message
        The sentence shown in its middle (escaped).
    template
        Plotly template.

    Returns
    -------
    go.Figure

    Examples
    --------
    >>> empty("Effects", "Too few posts.", "plotly_white").layout.annotations[0].text
    'Too few posts.'
    """
    fig = go.Figure()
    fig.add_annotation(
        text=escape(message), x=0.5, y=0.5, xref="paper", yref="paper", showarrow=False, font=dict(size=14)
    )
    fig.update_layout(title=title, template=template, height=220, xaxis=dict(visible=False), yaxis=dict(visible=False))
    return fig


def grid(n: int, cols: int) -> tuple[int, int]:
    """Rows and columns of a subplot grid for ``n`` panels, at most ``cols`` wide.

    Examples
    --------
    >>> grid(5, 2)
    (3, 2)
    """
    cols = max(1, min(cols, n))
    return max(1, math.ceil(n / cols)), cols
