"""Plots of :mod:`kit.tl.pillars` results (shares per pillar, divergence from the stated intent). They draw; they never compute."""

from __future__ import annotations

import pandas as pd
import plotly.graph_objects as go

from ._figures import COLOURS, interval
from ._figures import empty as _empty
from ._figures import order as _order
from ._style import TEMPLATE, colours, escape

__all__ = ["pillar_shares", "pillar_divergence"]


def pillar_shares(
    result: pd.DataFrame, *, by: str = "actor", order=None, title: str | None = None, template: str = TEMPLATE
) -> go.Figure:
    """Share of each actor's posts per pillar (and "other") with Wilson intervals from
    :func:`kit.tl.pillars.pillar_shares`; the stated intent as black dashes.

    Parameters
    ----------
    result
        The table from :func:`kit.tl.pillars.pillar_shares`.
    by
        The column naming the groups (one bar, dot or panel per value).
    order
        Groups shown first, in this order (e.g. the brand).
    title
        Figure title (default: one saying what is shown).
    template
        Plotly template.

    Returns
    -------
    go.Figure
        The figure; when there is nothing to draw, one that says why in words.
    """
    if result is None or len(result) == 0:
        note = getattr(result, "attrs", {}).get("note") if result is not None else None
        return _empty(title or "Editorial line", note or "No own posts to assign to pillars.", template)
    fig = go.Figure()
    pillars = list(pd.unique(result["pillar"])) if len(result) else []
    for _i, actor in enumerate(_order(result[by], order) if len(result) else []):
        part = result[result[by] == actor].set_index("pillar").reindex(pillars)
        fig.add_trace(
            go.Bar(
                x=[escape(p) for p in pillars],
                y=part["share"],
                name=escape(actor),
                marker_color=colours(result[by].unique())[str(actor)],
                error_y=interval(part, "share"),
                customdata=part[["posts", "group_posts"]].to_numpy(),
                hovertemplate="%{x}: %{y:.1%} (%{customdata[0]} of %{customdata[1]} posts)",
            )
        )
    if len(result):
        intent = result.drop_duplicates("pillar").set_index("pillar").reindex(pillars)["intended_share"]
        fig.add_trace(
            go.Scatter(
                x=[escape(p) for p in pillars],
                y=intent,
                mode="markers",
                name="stated intent",
                marker=dict(symbol="line-ew", size=40, line=dict(width=3, color="black")),
                hovertemplate="intended: %{y:.0%}<extra></extra>",
            )
        )
    fig.update_layout(
        title=title
        or "Editorial line: each pillar's share of posts against the stated intent (black marks; 95 % Wilson intervals)",
        template=template,
        barmode="group",
        yaxis=dict(title="share of the actor's posts", tickformat=".0%"),
    )
    return fig


def pillar_divergence(result: pd.DataFrame, *, title: str | None = None, template: str = TEMPLATE) -> go.Figure:
    """Jensen-Shannon divergence of the brand's pillar mix from its stated intent and from each other actor, with
    bootstrap intervals, from :func:`kit.tl.pillars.pillar_divergence`.

    Parameters
    ----------
    result
        The table from :func:`kit.tl.pillars.pillar_divergence`.
    title
        Figure title (default: one saying what is shown).
    template
        Plotly template.

    Returns
    -------
    go.Figure
        The figure; when there is nothing to draw, one that says why in words.
    """
    if result is None or len(result) == 0:
        note = getattr(result, "attrs", {}).get("note") if result is not None else None
        return _empty(
            title or "Divergence from the stated pillars", note or "The brand has no own post in this period.", template
        )
    fig = go.Figure(
        go.Scatter(
            x=result["divergence"],
            y=[escape(v) for v in result["compared_with"]],
            mode="markers",
            marker=dict(
                size=10, color=[COLOURS[1] if v == "stated intent" else COLOURS[0] for v in result["compared_with"]]
            ),
            error_x=interval(result, "divergence"),
            hovertemplate="%{y}: %{x:.3f}<extra></extra>",
        )
    )
    fig.update_layout(
        title=title
        or "How far the brand's pillar mix is from its intent and from the others (Jensen-Shannon, 95 % bootstrap)",
        template=template,
        xaxis=dict(title="divergence (0 = same mix, 1 = disjoint)", rangemode="tozero"),
        yaxis=dict(autorange="reversed"),
        height=max(280, 90 + 32 * len(result)),
    )
    return fig
