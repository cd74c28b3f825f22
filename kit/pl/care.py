"""Plots for :mod:`kit.tl.care` results. They draw; they never compute."""

from __future__ import annotations

import numpy as np
import pandas as pd
import plotly.graph_objects as go

from ._figures import interval
from ._style import TEMPLATE, escape
from ._table import text as _text
from .monitoring import COLOURS

__all__ = ["cases", "history"]


def cases(
    result: pd.DataFrame,
    summary: pd.DataFrame | None = None,
    *,
    title: str = "Hours to the brand's first response",
    max_hours: float = 72,
    template: str = TEMPLATE,
) -> go.Figure:
    """Histogram of hours to first response from :func:`kit.tl.care.cases`; answers later than
    ``max_hours`` are piled in the last bar.

    Parameters
    ----------
    result
        The cases (:func:`kit.tl.care.cases`).
    summary
        Their overall :func:`kit.tl.care.summary`: its ``median_hours`` and ``p90_hours`` are marked.
    title, max_hours, template
        Title, last bar and plotly template.

    Returns
    -------
    Figure or Text
        The plotly figure; a sentence instead when there is no response to draw, nothing when the export has no
        authors (``result.attrs["missing"]``: the care sentence says so), never an empty chart.
    """
    if result.attrs.get("missing"):
        return _text([])  # the care sentence (kit.tl.care.describe) already says why nothing is measured
    hours = result.loc[result["responded"], "hours_to_response"].to_numpy(dtype=float)
    if len(hours) == 0:
        return _text(
            "No reply from the brand's accounts to these cases in the data: no response time to draw."
            if len(result)
            else "No questions or complaints: no response time to draw."
        )
    fig = go.Figure()
    fig.add_trace(
        go.Histogram(
            x=np.minimum(hours, max_hours),
            xbins=dict(start=0, end=max_hours, size=1),
            marker_color=COLOURS[0],
            name="cases",
        )
    )
    marks = (
        []
        if summary is None or summary.empty
        else [
            (summary["median_hours"].iloc[0], "median", COLOURS[2]),
            (summary["p90_hours"].iloc[0], "90th percentile", COLOURS[1]),
        ]
    )
    for x, name, colour in marks:
        if pd.isna(x):
            continue
        x = float(x)
        fig.add_vline(
            x=x,
            line=dict(color=colour, dash="dash"),
            annotation_text=f"{escape(name)} {x:.1f} h",
            annotation_position="top right",
        )
    fig.update_layout(title=title, template=template, xaxis_title="hours", yaxis_title="cases", bargap=0.05)
    return fig


def history(
    result: pd.DataFrame, *, by: str, n: int = 15, title: str | None = None, template: str = TEMPLATE
) -> go.Figure:
    """Response rate (with its interval) for the ``n`` largest groups of :func:`kit.tl.care.history`,
    cases on hover.

    Parameters
    ----------
    result
        The table of :func:`kit.tl.care.history`.
    by
        Its grouping column.
    n
        Groups shown (the largest).
    title, template
        Title and plotly template.

    Returns
    -------
    Figure or Text
        The plotly figure; a sentence instead when there is no case, or no response can be measured
        (``result.attrs["note"]``), never bars of zeros.
    """
    if result.empty or result.attrs.get("missing"):
        return _text(result.attrs.get("missing") or "No questions or complaints: no response rate by topic.")
    part = result.sort_values("cases", ascending=False, kind="stable").head(n).sort_values("cases")
    fig = go.Figure(
        go.Bar(
            y=[escape(v) for v in part[by]],
            x=part["response_rate"],
            orientation="h",
            marker_color=COLOURS[0],
            error_x=interval(part, "response_rate", low="rate_low", high="rate_high"),
            customdata=part[["cases", "median_hours"]],
            hovertemplate="%{x:.0%} of %{customdata[0]} cases answered; median %{customdata[1]:.1f} h<extra></extra>",
        )
    )
    shown = f" (the {n} largest of {len(result)})" if len(result) > n else ""
    fig.update_layout(
        title=title or f"Response rate by {escape(by)}{shown}",
        template=template,
        xaxis=dict(tickformat=".0%", range=[0, 1], title="response rate"),
    )
    return fig
