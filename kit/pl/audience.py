"""Plots for :mod:`kit.tl.audience` results. They draw; they never compute."""

from __future__ import annotations

import numpy as np
import pandas as pd
import plotly.graph_objects as go
from plotly.subplots import make_subplots

from ._figures import interval, note
from ._style import TEMPLATE, escape
from ._table import text as _text
from .monitoring import COLOURS

__all__ = ["overlap", "influencers", "advocacy", "profile"]


def overlap(
    result: pd.DataFrame, *, value: str = "jaccard", title: str | None = None, template: str = TEMPLATE
) -> go.Figure:
    """Heatmap of :func:`kit.tl.audience.overlap`: Jaccard (or ``shared`` counts) per pair of actors.

    Parameters
    ----------
    result
        The table of :func:`kit.tl.audience.overlap`.
    value
        ``"jaccard"`` or ``"shared"``.
    title, template
        Title and plotly template.

    Returns
    -------
    Figure or Text
        The plotly figure; nothing when there is nothing to cross and ``result.attrs["note"]`` says why (an
        export without authors: the matrix table shows that sentence), never a matrix of zeros.
    """
    if result.empty:  # the matrix table (kit.tl.audience.overlap_matrix) shows the note; nothing more to draw
        return _text([] if result.attrs.get("note") else "No mention of the named actors: no audience to cross.")
    grid = result.pivot(index="actor_a", columns="actor_b", values=value)
    shared = result.pivot(index="actor_a", columns="actor_b", values="shared").reindex_like(grid)
    z = grid.to_numpy(dtype=float).copy()
    np.fill_diagonal(z, np.nan)  # an actor overlaps itself fully; the colour scale is for the pairs
    text = [
        [
            f"{grid.iat[i, j]:.2f}<br>{int(shared.iat[i, j]):,} shared"
            if i != j
            else f"{int(shared.iat[i, j]):,} authors"
            for j in range(grid.shape[1])
        ]
        for i in range(grid.shape[0])
    ]
    fig = go.Figure(
        go.Heatmap(
            z=z,
            x=[escape(c) for c in grid.columns],
            y=[escape(r) for r in grid.index],
            text=text,
            texttemplate="%{text}",
            colorscale="Blues",
            hoverinfo="skip",
            colorbar=dict(title=value),
        )
    )
    fig.update_layout(
        title=title or f"Audience overlap between actors ({value})", template=template, yaxis=dict(autorange="reversed")
    )
    return fig


def influencers(
    result: pd.DataFrame, *, title: str = "Influencers: followers and engagement earned", template: str = TEMPLATE
) -> go.Figure:
    """Followers against engagement earned for the authors of :func:`kit.tl.audience.influencers`, by tier.

    Parameters
    ----------
    result
        The table of :func:`kit.tl.audience.influencers`.
    title, template
        Title and plotly template.

    Returns
    -------
    Figure or Text
        The plotly figure; a sentence instead when no author has a follower count, and nothing when the export
        has no author at all (the ranking's ``attrs["note"]``, shown in the section, says so): never an empty chart.
    """
    if result.empty and str(result.attrs.get("note", "")).startswith("The export"):
        return _text([])  # the section's note (the ranking's attrs["note"]) already says what the export lacks
    if result.empty or result["followers"].isna().all():
        return _text("No author with a follower count: no influencer map to draw.")
    fig = go.Figure()
    for i, (name, part) in enumerate(result.groupby("tier", sort=True)):
        fig.add_trace(
            go.Scatter(
                x=part["followers"].astype(float),
                y=part["engagement"].astype(float),
                mode="markers",
                name=escape(name),
                marker=dict(
                    size=np.clip(np.sqrt(part["posts"].astype(float)) * 4, 6, 30), color=COLOURS[i % len(COLOURS)]
                ),
                text=[escape(a) for a in part["author"]],
                hovertemplate="%{text}<br>%{x:,} followers<br>%{y:,} interactions<extra></extra>",
            )
        )
    fig.update_layout(
        title=title,
        template=template,
        xaxis=dict(type="log", title="followers"),
        yaxis=dict(type="log", title="interactions earned"),
    )
    return fig


def advocacy(
    result: pd.DataFrame, *, title: str = "Employee advocacy next to the brand's own accounts", template: str = TEMPLATE
) -> go.Figure:
    """Posts and engagement per post of each employee, all employees and the brand (from ``advocacy``).

    Parameters
    ----------
    result
        The table of :func:`kit.tl.audience.advocacy`.
    title, template
        Title and plotly template.

    Returns
    -------
    Figure or Text
        The plotly figure; nothing when the table is empty with a note (an export without authors: the section
        shows that note), never bars of zeros.
    """
    if result.empty:  # the section's note (the table's attrs["note"]) says why; nothing more to draw
        return _text([] if result.attrs.get("note") else "No employee or brand account to show.")
    fig = make_subplots(rows=1, cols=2, subplot_titles=("posts", "interactions per post"))
    names = [escape(a) for a in result["account"]]
    colours = [
        COLOURS[0] if g == "employee" else COLOURS[1] if g == "employees" else COLOURS[2] for g in result["group"]
    ]
    fig.add_trace(go.Bar(x=names, y=result["posts"], marker_color=colours, showlegend=False), row=1, col=1)
    fig.add_trace(
        go.Bar(x=names, y=result["engagement_per_post"], marker_color=colours, showlegend=False), row=1, col=2
    )
    fig.update_layout(title=title, template=template)
    if not (result["group"] == "employee").any():
        note(fig, "No employee accounts listed", y=1.1)
    return fig


def profile(
    result: pd.DataFrame, *, title: str = "Audience profile (share of posts where known)", template: str = TEMPLATE
) -> go.Figure:
    """One bar chart per dimension of :func:`kit.tl.audience.profile`, with Wilson intervals.

    Parameters
    ----------
    result
        The table of :func:`kit.tl.audience.profile`.
    title, template
        Title and plotly template.

    Returns
    -------
    Figure
        The plotly figure.
    """
    dims = list(dict.fromkeys(result["dimension"]))
    fig = make_subplots(
        rows=1,
        cols=max(len(dims), 1),
        subplot_titles=[
            f"{escape(d)} ({result.loc[result['dimension'] == d, 'coverage'].iloc[0]:.0%} known)" for d in dims
        ],
    )
    for i, d in enumerate(dims, start=1):
        part = result[(result["dimension"] == d) & result["share"].notna()]
        fig.add_trace(
            go.Bar(
                x=[escape(v) for v in part["value"]],
                y=part["share"],
                showlegend=False,
                marker_color=COLOURS[(i - 1) % len(COLOURS)],
                error_y=interval(part, "share"),
            ),
            row=1,
            col=i,
        )
        fig.update_yaxes(tickformat=".0%", row=1, col=i)
    fig.update_layout(title=title, template=template)
    return fig
