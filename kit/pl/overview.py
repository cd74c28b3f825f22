"""Plots for :mod:`kit.tl.overview` results. They draw; they never compute or save."""

from __future__ import annotations

import pandas as pd
import plotly.graph_objects as go

from ._style import TEMPLATE, escape

__all__ = ["volume", "breakdown"]


def volume(result: pd.DataFrame, *, title: str = "Posts over time", template: str = TEMPLATE) -> go.Figure:
    """Lines of posts per period from :func:`kit.tl.volume`, one line per group.

    Parameters
    ----------
    result
        The table of :func:`kit.tl.overview.volume`.
    title, template
        Title and plotly template.

    Returns
    -------
    Figure
        The plotly figure.
    """
    by = [c for c in result.columns if c not in ("period", "posts")]
    fig = go.Figure()
    if by:
        for value, part in result.groupby(by[0], sort=True):
            fig.add_trace(go.Scatter(x=part["period"], y=part["posts"], mode="lines", name=escape(value)))
    else:
        fig.add_trace(go.Scatter(x=result["period"], y=result["posts"], mode="lines", name="posts"))
    fig.update_layout(
        title=title,
        template=template,
        xaxis_title="",
        yaxis_title="posts",
        legend_title=escape(by[0]) if by else None,
        hovermode="x unified",
    )
    return fig


def breakdown(result: pd.DataFrame, *, title: str | None = None, template: str = TEMPLATE) -> go.Figure:
    """Horizontal bars of posts per value from :func:`kit.tl.breakdown` (colour by a second column if any).

    Parameters
    ----------
    result
        The table of :func:`kit.tl.overview.breakdown`.
    title, template
        Title and plotly template.

    Returns
    -------
    Figure
        The plotly figure.
    """
    cols = [c for c in result.columns if c not in ("posts", "share")]
    fig = go.Figure()
    if len(cols) == 1:
        fig.add_trace(
            go.Bar(
                y=result[cols[0]].map(escape),
                x=result["posts"],
                orientation="h",
                text=(result["share"] * 100).round(1).astype(str) + " %",
                textposition="auto",
            )
        )
    else:
        for value, part in result.groupby(cols[1], sort=True):
            fig.add_trace(go.Bar(y=part[cols[0]].map(escape), x=part["posts"], orientation="h", name=escape(value)))
        fig.update_layout(barmode="stack", legend_title=escape(cols[1]))
    fig.update_layout(
        title=title or f"Posts by {cols[0]}",
        template=template,
        xaxis_title="posts",
        yaxis=dict(autorange="reversed"),
        height=max(260, 60 + 28 * result[cols[0]].nunique()),
    )
    return fig
