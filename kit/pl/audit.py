"""Plots for :mod:`kit.tl.audit` results, one per tl function and with its name. They draw; they never compute."""

from __future__ import annotations

import math

import numpy as np
import pandas as pd
import plotly.graph_objects as go
from plotly.subplots import make_subplots

from ._style import TEMPLATE, escape

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


def _order(values, first=None) -> list[str]:
    seen = [str(v) for v in pd.unique(pd.Series(values).astype("string").fillna("(none)"))]
    first = [f for f in (first or []) if f in seen]
    return first + sorted(v for v in seen if v not in first)


def _empty(title: str, message: str, template: str) -> go.Figure:
    """A figure that says in words why there is nothing to draw."""
    fig = go.Figure()
    fig.add_annotation(
        text=escape(message), x=0.5, y=0.5, xref="paper", yref="paper", showarrow=False, font=dict(size=14)
    )
    fig.update_layout(title=title, template=template, height=220, xaxis=dict(visible=False), yaxis=dict(visible=False))
    return fig


def _grid(n: int, cols: int) -> tuple[int, int]:
    cols = max(1, min(cols, n))
    return max(1, math.ceil(n / cols)), cols


def inventory(
    result: pd.DataFrame,
    *,
    by: str = "actor",
    color: str = "platform",
    title: str | None = None,
    template: str = TEMPLATE,
) -> go.Figure:
    """Posts per actor, stacked by platform, from :func:`kit.tl.audit.inventory`."""
    if result is None or len(result) == 0:
        return _empty(
            title or "Own posts per actor and platform", "No own posts of the listed accounts in this period.", template
        )
    fig = go.Figure()
    if len(result) and color in result.columns:
        totals = result.groupby(by)["posts"].sum().sort_values(ascending=False)
        for i, (value, part) in enumerate(result.groupby(color, sort=True)):
            part = part.set_index(by)["posts"].groupby(level=0).sum().reindex(totals.index, fill_value=0)
            fig.add_trace(
                go.Bar(
                    y=[escape(v) for v in part.index],
                    x=part.to_numpy(),
                    orientation="h",
                    name=escape(value),
                    marker_color=COLOURS[i % len(COLOURS)],
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
    """One weekday x hour heatmap per actor from :func:`kit.tl.audit.posting_heatmap` (``value``: share of the
    actor's posts, comparable across actors, or ``posts``)."""
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
        title=title or "When each actor posts (weekday x hour, share of its posts)",
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
    silences from :func:`kit.tl.audit.gaps` outlined."""
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
    """Medians with their bootstrap intervals from :func:`kit.tl.audit.performance`: one dot per group (``by``),
    one colour per value of ``color`` when the result is grouped by two columns. ``log``: a log scale, for
    accounts whose audiences differ by orders of magnitude; ``order``: these groups first (e.g. the brand)."""
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
    for i, (cval, part) in enumerate(colour_groups):
        part = part[part[stat].notna()]
        fig.add_trace(
            go.Scatter(
                x=part[stat],
                y=[escape(v) for v in part[by]],
                mode="markers",
                name=escape(cval) if cval is not None else value,
                marker=dict(size=9, color=COLOURS[i % len(COLOURS)]),
                error_x=dict(
                    type="data",
                    symmetric=False,
                    array=(part[f"{stat}_high"] - part[stat]).to_numpy(),
                    arrayminus=(part[stat] - part[f"{stat}_low"]).to_numpy(),
                ),
                customdata=part[["posts"]].to_numpy(),
                hovertemplate="%{y}: %{x} (%{customdata[0]} posts)",
            )
        )
    label, fmt = _RATE_LABELS.get(value, (stat, None))
    n = result[by].nunique() if by and len(result) else 1
    fig.update_layout(
        title=title or f"{label.capitalize()} by {by} (95 % bootstrap intervals)",
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
    """Median engagement rate per actor and platform (with intervals) against the published platform averages
    from :func:`kit.tl.audit.benchmarks` (diamonds), log scale."""
    if result is None or len(result) == 0:
        return _empty(
            title or "Engagement rate vs published averages",
            "No follower counts: engagement rates by followers cannot be computed.",
            template,
        )
    fig = go.Figure()
    actors = _order(result[by], order) if len(result) else []
    for i, actor in enumerate(actors):
        part = result[result[by] == actor]
        fig.add_trace(
            go.Scatter(
                x=part["median_rate_followers"],
                y=part["platform"],
                mode="markers",
                name=escape(actor),
                marker=dict(size=9, color=COLOURS[i % len(COLOURS)]),
                error_x=dict(
                    type="data",
                    symmetric=False,
                    array=(part["median_rate_followers_high"] - part["median_rate_followers"]).to_numpy(),
                    arrayminus=(part["median_rate_followers"] - part["median_rate_followers_low"]).to_numpy(),
                ),
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
                name="published average",
                marker=dict(symbol="diamond", size=15, color="rgba(0,0,0,0)", line=dict(color="black", width=2)),
                hovertemplate="published average %{y}: %{x:.2%}<extra></extra>",
            )
        )
    fig.update_layout(
        title=title or "Engagement rate by followers: median post per actor and platform vs published averages",
        template=template,
        scattermode="group",
        xaxis=dict(title="interactions / followers (log scale)", type="log", tickformat=".2%", dtick="D2"),
        height=max(320, 60 * max(result["platform"].nunique() if len(result) else 1, 1) + 160),
    )
    return fig


def keyness(
    result: pd.DataFrame,
    *,
    by: str = "actor",
    top: int = 10,
    order=None,
    cols: int = 2,
    title: str | None = None,
    template: str = TEMPLATE,
) -> go.Figure:
    """Most distinctive terms per actor from :func:`kit.tl.audit.keyness`: bars of z-scores, one panel per actor,
    one language at a time (buttons switch language)."""
    if result is None or len(result) == 0:
        return _empty(
            title or "Distinctive vocabulary per actor",
            "Too few posts per actor and language to compare vocabularies.",
            template,
        )
    langs = sorted(result["lang"].astype(str).unique()) if len(result) else []
    groups = _order(result[by], order) if len(result) else []
    rows, cols = _grid(max(len(groups), 1), cols)
    fig = make_subplots(
        rows=rows,
        cols=cols,
        subplot_titles=[escape(g) for g in groups] or [""],
        horizontal_spacing=0.22,
        vertical_spacing=0.3 / max(rows, 1) + 0.02,
    )
    visible_sets = []
    for li, lang in enumerate(langs):
        mask = []
        for gi, g in enumerate(groups):
            part = result[(result["lang"] == lang) & (result[by] == g)].nsmallest(top, "rank")
            fig.add_trace(
                go.Bar(
                    x=part["z"],
                    y=[escape(t) for t in part["term"]],
                    orientation="h",
                    visible=li == 0,
                    marker_color=COLOURS[gi % len(COLOURS)],
                    showlegend=False,
                    name=f"{escape(g)} ({lang})",
                    customdata=part[["posts_in_group", "posts_in_others"]].to_numpy(),
                    hovertemplate="%{y}: z = %{x:.1f}; in %{customdata[0]} posts of this actor, "
                    "%{customdata[1]} of the others<extra></extra>",
                ),
                row=gi // cols + 1,
                col=gi % cols + 1,
            )
            mask.append(lang)
        visible_sets.append(lang)
    n_traces = len(fig.data)
    per_lang = len(groups)
    buttons = [
        dict(
            label=lang,
            method="update",
            args=[
                {"visible": [j // max(per_lang, 1) == li for j in range(n_traces)]},
                {"title": (title or "Distinctive vocabulary per actor") + f" ({lang}, z-scores)"},
            ],
        )
        for li, lang in enumerate(langs)
    ]
    fig.update_yaxes(autorange="reversed", tickfont=dict(size=10))
    fig.update_xaxes(title_text="z", title_font=dict(size=10))
    fig.update_layout(
        title=(title or "Distinctive vocabulary per actor") + (f" ({langs[0]}, z-scores)" if langs else ""),
        template=template,
        height=max(320, (26 * top + 80) * rows),
        updatemenus=[
            dict(
                type="buttons",
                direction="right",
                buttons=buttons,
                x=1.0,
                y=1.08,
                xanchor="right",
                yanchor="bottom",
                showactive=True,
            )
        ]
        if len(langs) > 1
        else [],
    )
    return fig


def topic_owners(
    result: pd.DataFrame, *, top: int = 20, title: str | None = None, template: str = TEMPLATE
) -> go.Figure:
    """Share of each group's posts in each topic from :func:`kit.tl.audit.topic_owners` (grouped bars), topics
    labelled with who covers them."""
    if result is None or len(result) == 0:
        return _empty(title or "Topics per actor", "No topics: too few own posts.", template)
    part = result.head(top)
    share_cols = [c for c in result.columns if c.startswith("share of ")]
    labels = [f"{escape(l)} [{escape(c)}]" for l, c in zip(part["label"], part["covered_by"])]
    fig = go.Figure()
    for i, col in enumerate(share_cols):
        fig.add_trace(
            go.Bar(
                y=labels,
                x=part[col],
                orientation="h",
                name=escape(col[len("share of ") :]),
                marker_color=COLOURS[i % len(COLOURS)],
                hovertemplate="%{y}: %{x:.1%} of this group's posts<extra></extra>",
            )
        )
    fig.update_layout(
        title=title or "Topics: share of each group's posts (who covers what)",
        template=template,
        barmode="group",
        xaxis=dict(title="share of the group's own posts", tickformat=".0%"),
        yaxis=dict(autorange="reversed"),
        height=max(320, 90 + 22 * len(share_cols) * len(part)),
    )
    return fig


def pillar_shares(
    result: pd.DataFrame, *, by: str = "actor", order=None, title: str | None = None, template: str = TEMPLATE
) -> go.Figure:
    """Share of each actor's posts per pillar (and "other") with Wilson intervals from
    :func:`kit.tl.audit.pillar_shares`; the stated intent as black dashes."""
    if result is None or len(result) == 0:
        return _empty(title or "Editorial line", "No own posts to assign to pillars.", template)
    fig = go.Figure()
    pillars = list(pd.unique(result["pillar"])) if len(result) else []
    for i, actor in enumerate(_order(result[by], order) if len(result) else []):
        part = result[result[by] == actor].set_index("pillar").reindex(pillars)
        fig.add_trace(
            go.Bar(
                x=[escape(p) for p in pillars],
                y=part["share"],
                name=escape(actor),
                marker_color=COLOURS[i % len(COLOURS)],
                error_y=dict(
                    type="data",
                    symmetric=False,
                    array=(part["high"] - part["share"]).to_numpy(),
                    arrayminus=(part["share"] - part["low"]).to_numpy(),
                ),
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
        title=title or "Editorial line: share of posts per pillar (95 % Wilson intervals)",
        template=template,
        barmode="group",
        yaxis=dict(title="share of the actor's posts", tickformat=".0%"),
    )
    return fig


def pillar_divergence(result: pd.DataFrame, *, title: str | None = None, template: str = TEMPLATE) -> go.Figure:
    """Jensen-Shannon divergence of the brand's pillar mix from its stated intent and from each other actor, with
    bootstrap intervals, from :func:`kit.tl.audit.pillar_divergence`."""
    if result is None or len(result) == 0:
        return _empty(
            title or "Divergence from the stated pillars", "The brand has no own post in this period.", template
        )
    fig = go.Figure(
        go.Scatter(
            x=result["divergence"],
            y=[escape(v) for v in result["compared_with"]],
            mode="markers",
            marker=dict(
                size=10, color=[COLOURS[1] if v == "stated intent" else COLOURS[0] for v in result["compared_with"]]
            ),
            error_x=dict(
                type="data",
                symmetric=False,
                array=(result["high"] - result["divergence"]).to_numpy(),
                arrayminus=(result["divergence"] - result["low"]).to_numpy(),
            ),
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


def effects(
    result: pd.DataFrame, *, models=None, exclude=("platform",), title: str | None = None, template: str = TEMPLATE
) -> go.Figure:
    """Forest plot of rate ratios with intervals from :func:`kit.tl.audit.effects` (log scale, 1 = no effect);
    filled markers pass the Holm-adjusted test, open ones do not. Terms in ``exclude`` are left out (platform
    contrasts are mostly audience differences and dwarf the others; see the benchmarks)."""
    if result is not None and len(result) and exclude:
        result = result[~result["term"].isin(list(exclude))]
    if result is None or len(result) == 0:
        return _empty(title or "What earns interactions", "Too few posts to estimate effects.", template)
    fig = go.Figure()
    names = list(pd.unique(result["model"])) if len(result) else []
    names = [m for m in names if models is None or m in models]
    for i, name in enumerate(names):
        part = result[result["model"] == name]
        labels = [
            f"{escape(t)}: {escape(l)} (vs {escape(r)})"
            for t, l, r in zip(part["term"], part["level"], part["reference"])
        ]
        fig.add_trace(
            go.Scatter(
                x=part["rate_ratio"],
                y=labels,
                mode="markers",
                name=escape(name),
                marker=dict(
                    size=9,
                    color=COLOURS[i % len(COLOURS)],
                    symbol=["circle" if s else "circle-open" for s in part["significant"]],
                ),
                error_x=dict(
                    type="data",
                    symmetric=False,
                    array=(part["high"] - part["rate_ratio"]).to_numpy(),
                    arrayminus=(part["rate_ratio"] - part["low"]).to_numpy(),
                ),
                customdata=np.column_stack([part["posts"], part["q_value"]]),
                hovertemplate="%{y}: x%{x:.2f} (%{customdata[0]} posts, Holm q = %{customdata[1]:.3g})",
            )
        )
    fig.add_vline(x=1, line=dict(color="grey", dash="dot"))
    n = result[["term", "level"]].drop_duplicates().shape[0] if len(result) else 1
    fig.update_layout(
        title=title or "What earns interactions: rate ratios, all else equal (95 % intervals)",
        template=template,
        scattermode="group",
        xaxis=dict(type="log", title="rate ratio of interactions (log scale)"),
        yaxis=dict(autorange="reversed", type="category"),
        height=max(320, 100 + 26 * n),
    )
    return fig
