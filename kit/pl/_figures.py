"""What the figures share: the colour cycle, group order, empty figures, subplot grids, interval bars, notes."""

from __future__ import annotations

import math

import pandas as pd
import plotly.graph_objects as go

from ._style import escape

__all__ = ["COLOURS", "order", "empty", "grid", "interval", "note"]

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


def interval(frame: pd.DataFrame, value: str, *, low: str = "low", high: str = "high") -> dict:
    """Asymmetric error bars (``error_x`` or ``error_y``) from ``frame[low]`` to ``frame[high]`` around ``frame[value]``.

    Parameters
    ----------
    frame
        The rows drawn.
    value, low, high
        The columns of the point and of the interval's ends.

    Returns
    -------
    dict
        Plotly ``error_x``/``error_y`` settings.

    Examples
    --------
    >>> bars = interval(pd.DataFrame({"share": [0.5], "low": [0.25], "high": [0.75]}), "share")
    >>> bars["array"].tolist(), bars["arrayminus"].tolist()
    ([0.25], [0.25])
    """
    return dict(
        type="data",
        symmetric=False,
        array=(frame[high] - frame[value]).to_numpy(),
        arrayminus=(frame[value] - frame[low]).to_numpy(),
    )


def note(fig: go.Figure, text: str, *, y: float = 0.5) -> go.Figure:
    """Write ``text`` across the middle of ``fig`` (at height ``y`` of the plot area), e.g. why it is empty.

    Parameters
    ----------
    fig
        The figure (changed in place and returned).
    text
        The sentence, as given.
    y
        Its height, 0 (bottom) to 1 (top) of the plot area.

    Returns
    -------
    go.Figure

    Examples
    --------
    >>> note(go.Figure(), "No cases").layout.annotations[0].text
    'No cases'
    """
    return fig.add_annotation(text=text, showarrow=False, x=0.5, y=y, xref="paper", yref="paper")
