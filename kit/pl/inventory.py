"""Plots of :mod:`kit.tl.inventory` results (own posts per actor and platform, posting hours, silences). They draw; they never compute."""

from __future__ import annotations

import pandas as pd
import plotly.graph_objects as go
from plotly.subplots import make_subplots

from ._figures import empty as _empty
from ._figures import grid as _grid
from ._figures import order as _order
from ._style import TEMPLATE, colours, escape

__all__ = ["inventory", "posting_heatmap", "gaps"]


def inventory(
    result: pd.DataFrame,
    *,
    by: str = "actor",
    color: str = "platform",
    title: str | None = None,
    template: str = TEMPLATE,
) -> go.Figure:
    """Posts per actor, stacked by platform, from :func:`kit.tl.inventory.inventory`.

    Parameters
    ----------
    result
        The table from :func:`kit.tl.inventory.inventory`.
    by
        The column naming the groups (one bar, dot or panel per value).
    color
        Column whose values get one colour each.
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
            title or "Own posts per actor and platform", "No own posts of the listed accounts in this period.", template
        )
    fig = go.Figure()
    if len(result) and color in result.columns:
        totals = result.groupby(by)["posts"].sum().sort_values(ascending=False)
        for _i, (value, part) in enumerate(result.groupby(color, sort=True)):
            part = part.set_index(by)["posts"].groupby(level=0).sum().reindex(totals.index, fill_value=0)
            fig.add_trace(
                go.Bar(
                    y=[escape(v) for v in part.index],
                    x=part.to_numpy(),
                    orientation="h",
                    name=escape(value),
                    marker_color=colours(result[color].unique())[str(value)],
                )
            )
    n = result[by].nunique() if len(result) else 1
    fig.update_layout(
        title=title or "Own posts per actor and platform",
        template=template,
        barmode="stack",
        xaxis_title="posts",
        yaxis=dict(autorange="reversed"),
        height=max(280, 80 + 30 * n),
        legend_title=escape(color),
    )
    return fig


def posting_heatmap(
    result: pd.DataFrame,
    *,
    by: str = "actor",
    value: str = "share",
    order=None,
    cols: int = 2,
    title: str | None = None,
    template: str = TEMPLATE,
) -> go.Figure:
    """One weekday x hour heatmap per actor from :func:`kit.tl.inventory.posting_heatmap` (``value``: share of the
    actor's posts, comparable across actors, or ``posts``).

    Parameters
    ----------
    result
        The table from :func:`kit.tl.inventory.posting_heatmap`.
    by
        The column naming the groups (one bar, dot or panel per value).
    value
        ``"share"`` (of the actor's posts, comparable across actors) or ``"posts"``.
    order
        Groups shown first, in this order (e.g. the brand).
    cols
        Panels per row.
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
        return _empty(title or "When each actor posts", "No own posts in this period.", template)
    groups = _order(result[by], order) if len(result) else []
    rows, cols = _grid(max(len(groups), 1), cols)
    fig = make_subplots(
        rows=rows,
        cols=cols,
        subplot_titles=[escape(g) for g in groups] or [""],
        horizontal_spacing=0.06,
        vertical_spacing=0.22 / max(rows, 1) + 0.04,
    )
    # the colour scale tops at the 99th percentile of the non-empty cells, so one actor posting all at
    # once (a weekly account) does not wash out every other panel; hover gives exact numbers
    nonzero = result.loc[result[value] > 0, value]
    zmax = float(nonzero.quantile(0.99)) if len(nonzero) else 1.0
    for i, g in enumerate(groups):
        part = result[result[by].astype("string") == g]
        grid = part.pivot_table(index="weekday", columns="hour", values=value, aggfunc="sum").reindex(
            index=range(7), columns=range(24), fill_value=0
        )
        counts = part.pivot_table(index="weekday", columns="hour", values="posts", aggfunc="sum").reindex(
            index=range(7), columns=range(24), fill_value=0
        )
        fig.add_trace(
            go.Heatmap(
                z=grid.to_numpy(),
                x=list(range(24)),
                y=["Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"],
                customdata=counts.to_numpy(),
                coloraxis="coloraxis",
                hovertemplate="%{y} %{x}:00: %{customdata} posts (%{z:.1%})<extra>" + escape(g) + "</extra>",
            ),
            row=i // cols + 1,
            col=i % cols + 1,
        )
    fig.update_yaxes(autorange="reversed")
    fig.update_xaxes(dtick=3)
    fig.update_layout(
        title=title or "When each actor posts: darker cells hold more of its posts (weekday x hour)",
        template=template,
        height=max(320, 230 * rows),
        coloraxis=dict(
            colorscale="Blues",
            cmin=0,
            cmax=zmax or 1,
            colorbar=dict(title=value, tickformat=".0%" if value == "share" else None),
        ),
    )
    return fig


def gaps(
    result: pd.DataFrame,
    *,
    volume: pd.DataFrame | None = None,
    by: str = "actor",
    order=None,
    title: str | None = None,
    template: str = TEMPLATE,
) -> go.Figure:
    """Posts per day per actor (``volume`` from ``tl.volume(own, freq="D", by="actor")``) as a heat strip, with the
    silences from :func:`kit.tl.inventory.gaps` outlined.

    Parameters
    ----------
    result
        The table from :func:`kit.tl.inventory.gaps`.
    volume
        Posts per day per actor (``tl.volume(own, freq="D", by="actor")``), drawn as a heat strip.
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
    if (result is None or len(result) == 0) and (volume is None or len(volume) == 0):
        return _empty(title or "Posting activity per day", "No own posts in this period.", template)
    fig = go.Figure()
    groups = (
        _order(pd.concat([result[by], volume[by]]) if volume is not None and len(volume) else result[by], order)
        if (len(result) or (volume is not None and len(volume)))
        else []
    )
    if volume is not None and len(volume):
        grid = volume.pivot_table(index=by, columns="period", values="posts", aggfunc="sum").reindex(groups)
        fig.add_trace(
            go.Heatmap(
                z=grid.to_numpy(),
                x=grid.columns,
                y=[escape(g) for g in grid.index],
                colorscale="Greys",
                colorbar=dict(title="posts/day"),
                hovertemplate="%{y}, %{x|%Y-%m-%d}: %{z} posts<extra></extra>",
            )
        )
    for r in result.itertuples():
        y = groups.index(str(getattr(r, by))) if str(getattr(r, by)) in groups else None
        if y is None:
            continue
        fig.add_shape(type="rect", x0=r.start, x1=r.end, y0=y - 0.45, y1=y + 0.45, line=dict(color="#d62728", width=2))
        fig.add_annotation(
            x=r.start + (r.end - r.start) / 2,
            y=y,
            text=f"{r.days:.0f} d",
            showarrow=False,
            font=dict(color="#d62728", size=11),
        )
    fig.update_layout(
        title=title or "Posting activity per day; silences outlined in red",
        template=template,
        height=max(260, 70 + 34 * max(len(groups), 1)),
        yaxis=dict(autorange="reversed", type="category"),
    )
    return fig
