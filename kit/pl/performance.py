"""Plots of :mod:`kit.tl.performance` results (medians with bootstrap intervals, published averages). They draw; they never compute."""

from __future__ import annotations

import pandas as pd
import plotly.graph_objects as go

from ._figures import COLOURS, interval
from ._figures import empty as _empty
from ._figures import order as _order
from ._style import TEMPLATE, colours, escape

__all__ = ["performance", "benchmarks"]


_RATE_LABELS = {
    "rate_followers": ("median interactions / followers", ".2%"),
    "rate_views": ("median interactions / views", ".2%"),
    "rate_reach": ("median interactions / reach", ".2%"),
    "interactions": ("median interactions per post", ",.0f"),
}


def performance(
    result: pd.DataFrame,
    *,
    by: str | None = None,
    color: str | None = None,
    value: str = "rate_followers",
    title: str | None = None,
    log: bool = False,
    order=None,
    template: str = TEMPLATE,
) -> go.Figure:
    """Medians with their bootstrap intervals from :func:`kit.tl.performance.performance`: one dot per group (``by``),
    one colour per value of ``color`` when the result is grouped by two columns. ``log``: a log scale, for
    accounts whose audiences differ by orders of magnitude; ``order``: these groups first (e.g. the brand).

    Parameters
    ----------
    result
        The table from :func:`kit.tl.performance.performance`.
    by
        The column naming the groups (one bar, dot or panel per value).
    color
        Column whose values get one colour each.
    value
        ``"rate_followers"``, ``"rate_views"``, ``"rate_reach"`` or ``"interactions"``.
    title
        Figure title (default: one saying what is shown).
    log
        A log scale, for accounts whose audiences differ by orders of magnitude.
    order
        Groups shown first, in this order (e.g. the brand).
    template
        Plotly template.

    Returns
    -------
    go.Figure
        The figure; when there is nothing to draw, one that says why in words.
    """
    if result is None or len(result) == 0:
        return _empty(title or "Engagement", "No posts to measure.", template)
    stat = f"median_{value}"
    if stat not in result.columns or result[stat].notna().sum() == 0:
        what = {"rate_views": "views", "rate_reach": "reach", "rate_followers": "follower counts"}.get(value, value)
        return _empty(title or "Engagement", f"No post here reports {what}: this rate cannot be shown.", template)
    cols = [c for c in result.columns if c not in ("posts",) and not c.startswith(("median_", "mean_", "posts_"))]
    by = by or (cols[0] if cols else None)
    colour_groups = [(None, result)] if not color else list(result.groupby(color, sort=True))
    fig = go.Figure()
    for _i, (cval, part) in enumerate(colour_groups):
        part = part[part[stat].notna()]
        fig.add_trace(
            go.Scatter(
                x=part[stat],
                y=[escape(v) for v in part[by]],
                mode="markers",
                name=escape(cval) if cval is not None else value,
                marker=dict(
                    size=9,
                    color=colours([str(g) for g, _ in colour_groups])[str(cval)] if cval is not None else COLOURS[0],
                ),
                error_x=interval(part, stat, low=f"{stat}_low", high=f"{stat}_high"),
                customdata=part[["posts"]].to_numpy(),
                hovertemplate="%{y}: %{x} (%{customdata[0]} posts)",
            )
        )
    label, fmt = _RATE_LABELS.get(value, (stat, None))
    n = result[by].nunique() if by and len(result) else 1
    fig.update_layout(
        title=title or f"{label.capitalize()} by {by}: further right earns more (95 % bootstrap intervals)",
        template=template,
        xaxis=dict(title=label, tickformat=fmt, type="log" if log else "linear", dtick="D2" if log else None),
        yaxis=dict(
            autorange="reversed",
            type="category",
            categoryorder="array" if order else "trace",
            categoryarray=[escape(v) for v in _order(result[by], order)] if order else None,
        ),
        height=max(280, 90 + 30 * n),
        scattermode="group" if color else None,
        legend_title=escape(color) if color else None,
    )
    return fig


def benchmarks(
    result: pd.DataFrame, *, by: str = "actor", order=None, title: str | None = None, template: str = TEMPLATE
) -> go.Figure:
    """Engagement rate per actor and platform (with intervals), the statistic of each benchmark (the mean of the
    posts against an average), against the published benchmarks from :func:`kit.tl.performance.benchmarks`
    (diamonds), log scale.

    Parameters
    ----------
    result
        The table from :func:`kit.tl.performance.benchmarks`.
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
        return _empty(
            title or "Engagement rate vs published averages",
            "No follower counts: engagement rates by followers cannot be computed.",
            template,
        )
    fig = go.Figure()
    actors = _order(result[by], order) if len(result) else []
    stat = "rate" if "rate" in result.columns else "median_rate_followers"  # the statistic of the benchmark
    means = "statistic" in result.columns and (result.dropna(subset=["benchmark"])["statistic"] == "mean").all()
    for _i, actor in enumerate(actors):
        part = result[result[by] == actor]
        fig.add_trace(
            go.Scatter(
                x=part[stat],
                y=part["platform"],
                mode="markers",
                name=escape(actor),
                marker=dict(size=9, color=colours(actors)[str(actor)]),
                error_x=interval(part, stat, low=f"{stat}_low", high=f"{stat}_high"),
                customdata=part[["posts"]].to_numpy(),
                hovertemplate="%{y}: %{x:.3%} (%{customdata[0]} posts)",
            )
        )
    bench = result.dropna(subset=["benchmark"]).drop_duplicates("platform") if len(result) else result
    if len(bench):
        fig.add_trace(
            go.Scatter(
                x=bench["benchmark"],
                y=bench["platform"],
                mode="markers",
                name="published average" if means else "published benchmark",
                marker=dict(symbol="diamond", size=15, color="rgba(0,0,0,0)", line=dict(color="black", width=2)),
                hovertemplate="published benchmark %{y}: %{x:.2%}<extra></extra>",
            )
        )
    fig.update_layout(
        title=title
        or (
            "Engagement rate by followers: mean of each actor's posts per platform vs published averages"
            if means
            else "Engagement rate by followers per actor and platform vs published benchmarks"
        ),
        template=template,
        scattermode="group",
        xaxis=dict(title="interactions / followers (log scale)", type="log", tickformat=".2%", dtick="D2"),
        height=max(320, 60 * max(result["platform"].nunique() if len(result) else 1, 1) + 160),
    )
    return fig
