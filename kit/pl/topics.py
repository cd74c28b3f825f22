"""Plots for the topic tables (same names as the functions that make them). They draw; they never compute.

:func:`summary`, :func:`languages`, :func:`absent`, :func:`sentiment_by`, :func:`emotion_profile` draw the
tables of :mod:`kit.tl.topic_tables`; :func:`over_time` and :func:`emerging` those of
:mod:`kit.tl.topic_trends`.

Topic labels come from post words, so every label is escaped before it reaches a figure.
"""

from __future__ import annotations

import pandas as pd
import plotly.graph_objects as go

from ._figures import interval
from ._style import TEMPLATE, escape

__all__ = ["summary", "over_time", "emerging", "languages", "absent", "sentiment_by", "emotion_profile"]

COLOURS = ("#1f77b4", "#d62728", "#2ca02c", "#9467bd", "#ff7f0e", "#8c564b", "#e377c2", "#17becf", "#bcbd22", "#7f7f7f")
LANG_COLOURS = {"fr": "#1f77b4", "de": "#ff7f0e", "en": "#2ca02c"}


def _name(topic, label) -> str:
    return escape(f"{int(topic)}: {label}")


def summary(
    result: pd.DataFrame, *, top: int = 25, title: str = "Topics by size", template: str = TEMPLATE
) -> go.Figure:
    """Horizontal bars of topic sizes from :func:`kit.tl.topic_tables.summary`, largest on top, split by
    language when the ``share_<lang>`` columns exist; the hover shows net sentiment and emotion.

    Returns
    -------
    plotly.graph_objects.Figure
        The figure.

    Examples
    --------
    >>> table = pd.DataFrame({"topic": [0, 1], "label": ["retard", "prix"], "size": [30, 10],
    ...                       "share_fr": [0.5, 1.0], "share_de": [0.5, 0.0]})
    >>> [trace.name for trace in summary(table).data]
    ['fr', 'de']
    """
    part = result[result["topic"] >= 0].head(top).iloc[::-1]
    names = [_name(t, lab) for t, lab in zip(part["topic"], part["label"])]
    langs = [c[len("share_") :] for c in part.columns if c.startswith("share_")]
    fig = go.Figure()
    extra = ""
    custom = []
    if "net_sentiment" in part.columns:
        custom.append(part["net_sentiment"].round(2).astype("string").fillna("n/a"))
        extra += "<br>net sentiment %{customdata[" + str(len(custom) - 1) + "]}"
    if "dominant_emotion" in part.columns:
        custom.append(part["dominant_emotion"].astype("string"))
        extra += "<br>dominant emotion %{customdata[" + str(len(custom) - 1) + "]}"
    data = list(zip(*custom)) if custom else None
    if langs:
        for code in langs:
            fig.add_trace(
                go.Bar(
                    y=names,
                    x=(part["size"] * part[f"share_{code}"]).round(),
                    name=escape(code),
                    orientation="h",
                    marker_color=LANG_COLOURS.get(code),
                    customdata=data,
                    hovertemplate="%{x:,.0f} posts in " + escape(code) + extra + "<extra></extra>",
                )
            )
        fig.update_layout(barmode="stack", legend_title_text="language")
    else:
        fig.add_trace(
            go.Bar(
                y=names,
                x=part["size"],
                orientation="h",
                customdata=data,
                hovertemplate="%{x:,} posts" + extra + "<extra></extra>",
            )
        )
    fig.update_layout(
        title=title, template=template, xaxis_title="posts", height=max(350, 24 * len(part) + 120), margin=dict(l=10)
    )
    return fig


def over_time(
    result: pd.DataFrame, *, top: int = 8, value: str = "share", title: str | None = None, template: str = TEMPLATE
) -> go.Figure:
    """One line per topic from :func:`kit.tl.topic_trends.over_time` (the ``top`` largest), as a share of
    each period's posts (``value="share"``) or as counts (``"posts"``).

    Returns
    -------
    plotly.graph_objects.Figure
        The figure.

    Examples
    --------
    >>> table = pd.DataFrame({"period": pd.to_datetime(["2026-01-05", "2026-01-12"] * 2), "topic": [0, 0, 1, 1],
    ...                       "label": ["retard"] * 2 + ["prix"] * 2, "posts": [3, 5, 1, 1],
    ...                       "share": [0.75, 0.83, 0.25, 0.17]})
    >>> [trace.name for trace in over_time(table, top=1).data]
    ['0: retard']
    """
    part = result[result["topic"] >= 0]
    keep = part.groupby("topic")["posts"].sum().sort_values(ascending=False).index[:top]
    fig = go.Figure()
    for i, t in enumerate(keep):
        one = part[part["topic"] == t].sort_values("period")
        fig.add_trace(
            go.Scatter(
                x=one["period"],
                y=one[value],
                mode="lines+markers",
                name=_name(t, one["label"].iloc[0]),
                line=dict(color=COLOURS[i % len(COLOURS)]),
                customdata=one[["posts"]],
                hovertemplate=("%{y:.1%}" if value == "share" else "%{y:,}") + " (%{customdata[0]} posts)",
            )
        )
    fig.update_layout(
        title=title or f"The {len(keep)} largest topics over time",
        template=template,
        yaxis=dict(
            tickformat=".0%" if value == "share" else ",", title="share of posts" if value == "share" else "posts"
        ),
        hovermode="x unified",
    )
    return fig


def emerging(
    result: pd.DataFrame,
    *,
    top: int = 15,
    title: str = "Topic growth against the baseline: the longest bars are the emerging conversations",
    template: str = TEMPLATE,
) -> go.Figure:
    """Bars of ``growth`` from :func:`kit.tl.topic_trends.emerging` (log scale), flagged topics in red.

    Returns
    -------
    plotly.graph_objects.Figure
        The figure.

    Examples
    --------
    >>> table = pd.DataFrame({"topic": [1, 0], "label": ["nuit", "retard"], "growth": [3.3, 0.6],
    ...                       "flagged": [True, False], "baseline_posts": [8, 40], "recent_posts": [24, 20],
    ...                       "q_value": [0.001, 1.0]})
    >>> list(emerging(table).data[0].marker.color)
    ['#9e9e9e', '#d62728']
    """
    part = result.sort_values("growth", ascending=False).head(top).iloc[::-1]
    names = [_name(t, lab) for t, lab in zip(part["topic"], part["label"])]
    colours = ["#d62728" if f else "#9e9e9e" for f in part["flagged"]]
    fig = go.Figure(
        go.Bar(
            y=names,
            x=part["growth"],
            orientation="h",
            marker_color=colours,
            customdata=part[["baseline_posts", "recent_posts", "q_value"]],
            hovertemplate="growth x%{x:.2f}<br>baseline %{customdata[0]} posts, recent "
            "%{customdata[1]}<br>adjusted p %{customdata[2]:.3g}<extra></extra>",
        )
    )
    fig.add_vline(x=1, line_dash="dot", line_color="#555")
    fig.update_layout(
        title=title,
        template=template,
        xaxis=dict(type="log", title="growth (x, log scale); red: flagged"),
        height=max(350, 24 * len(part) + 120),
        margin=dict(l=10),
    )
    return fig


def languages(
    result: pd.DataFrame, *, top: int = 25, title: str = "Languages of each topic", template: str = TEMPLATE
) -> go.Figure:
    """Stacked shares of each topic's posts by language from :func:`kit.tl.topic_tables.languages`; the
    hover says whether the topic is shared or lives in one language.

    Returns
    -------
    plotly.graph_objects.Figure
        The figure.

    Examples
    --------
    >>> table = pd.DataFrame({"topic": [0], "label": ["retard"], "size": [10], "posts_fr": [6], "posts_de": [4],
    ...                       "kind": ["shared"]})
    >>> [float(trace.x[0]) for trace in languages(table).data]
    [0.6, 0.4]
    """
    part = result.head(top).iloc[::-1]
    names = [_name(t, lab) + f" ({escape(k)})" for t, lab, k in zip(part["topic"], part["label"], part["kind"])]
    codes = [c[len("posts_") :] for c in part.columns if c.startswith("posts_")]
    size = part["size"].where(part["size"] > 0, 1)
    fig = go.Figure()
    for code in codes:
        fig.add_trace(
            go.Bar(
                y=names,
                x=part[f"posts_{code}"] / size,
                name=escape(code),
                orientation="h",
                marker_color=LANG_COLOURS.get(code, "#bbbbbb"),
                customdata=part[[f"posts_{code}"]],
                hovertemplate="%{x:.0%} (%{customdata[0]} posts)<extra>" + escape(code) + "</extra>",
            )
        )
    fig.update_layout(
        title=title,
        template=template,
        barmode="stack",
        xaxis=dict(tickformat=".0%", title="share of the topic's posts"),
        legend_title_text="language",
        height=max(350, 24 * len(part) + 120),
        margin=dict(l=10),
    )
    return fig


def absent(
    result: pd.DataFrame,
    *,
    title: str = "Brand's share of each conversation with its competitors: short bars are conversations it misses",
    template: str = TEMPLATE,
) -> go.Figure:
    """The brand's share of brand+competitor posts per topic (with its interval) against its overall
    share (dotted line), from :func:`kit.tl.topic_tables.absent`; topics where it is absent in red.

    Returns
    -------
    plotly.graph_objects.Figure
        The figure.

    Examples
    --------
    >>> absent(pd.DataFrame()).layout.title.text
    "Brand's share of each conversation with its competitors: short bars are conversations it misses (no brand or competitor posts)"
    """
    fig = go.Figure()
    if result.empty:
        fig.update_layout(title=title + " (no brand or competitor posts)", template=template)
        return fig
    part = result.iloc[::-1]
    names = [_name(t, lab) for t, lab in zip(part["topic"], part["label"])]
    fig.add_trace(
        go.Scatter(
            y=names,
            x=part["brand_share"],
            mode="markers",
            marker=dict(color=["#d62728" if a else "#1f77b4" for a in part["absent"]], size=9),
            error_x=interval(part, "brand_share", low="brand_low", high="brand_high"),
            customdata=part[["brand_posts", "competitor_posts"]],
            hovertemplate="%{x:.0%} (%{customdata[0]} brand, %{customdata[1]} competitor posts)<extra></extra>",
        )
    )
    fig.add_vline(
        x=float(result["expected"].iloc[0]), line_dash="dot", line_color="#555", annotation_text="overall share"
    )
    fig.update_layout(
        title=title,
        template=template,
        xaxis=dict(tickformat=".0%", range=[0, 1], title="brand share"),
        height=max(350, 24 * len(part) + 120),
        margin=dict(l=10),
        showlegend=False,
    )
    return fig


def sentiment_by(
    result: pd.DataFrame,
    *,
    by: str = "actor",
    value: str = "net_sentiment",
    title: str | None = None,
    template: str = TEMPLATE,
) -> go.Figure:
    """Heatmap of ``net_sentiment`` (or ``negative_share``) by topic and ``by`` from
    :func:`kit.tl.topic_tables.sentiment_by`; empty cells had too few posts.

    Returns
    -------
    plotly.graph_objects.Figure
        The figure.

    Examples
    --------
    >>> table = pd.DataFrame({"topic": [0, 0], "label": ["retard"] * 2, "actor": ["A", "B"], "posts": [12, 15],
    ...                       "net_sentiment": [-0.5, 0.2]})
    >>> sentiment_by(table).data[0].z.tolist()
    [[-0.5, 0.2]]
    """
    names = {t: _name(t, lab) for t, lab in zip(result["topic"], result["label"])}
    if by in result.columns:
        grid = result.pivot_table(index="topic", columns=by, values=value, aggfunc="first")
        counts = result.pivot_table(index="topic", columns=by, values="posts", aggfunc="first")
    else:
        grid = result.set_index("topic")[[value]].rename(columns={value: "all"})
        counts = result.set_index("topic")[["posts"]].rename(columns={"posts": "all"})
    counts = counts.reindex_like(grid)
    fig = go.Figure(
        go.Heatmap(
            z=grid.to_numpy(),
            x=[escape(c) for c in grid.columns],
            y=[names[t] for t in grid.index],
            zmin=-1 if value == "net_sentiment" else 0,
            zmax=1,
            colorscale="RdBu" if value == "net_sentiment" else "Reds",
            customdata=counts.to_numpy(),
            hovertemplate="%{z:.2f} (%{customdata} posts)<extra></extra>",
            colorbar=dict(title=escape(value.replace("_", " "))),
        )
    )
    fig.update_layout(
        title=title or f"{value.replace('_', ' ').capitalize()} by topic and {by}",
        template=template,
        yaxis=dict(autorange="reversed"),
        height=max(350, 24 * len(grid) + 140),
        margin=dict(l=10),
    )
    return fig


def emotion_profile(
    result: pd.DataFrame, *, title: str = "Mean emotion scores by topic", template: str = TEMPLATE
) -> go.Figure:
    """Heatmap of mean emotion scores (0 to 1) by topic from :func:`kit.tl.topic_tables.emotion_profile`.

    Returns
    -------
    plotly.graph_objects.Figure
        The figure.

    Examples
    --------
    >>> table = pd.DataFrame({"topic": [0, 0], "label": ["retard"] * 2, "emotion": ["anger", "joy"],
    ...                       "score": [0.6, 0.1], "posts": [3, 3]})
    >>> emotion_profile(table).data[0].z.tolist()
    [[0.6, 0.1]]
    """
    order = list(dict.fromkeys(result["topic"]))
    names = {t: _name(t, lab) for t, lab in zip(result["topic"], result["label"])}
    grid = result.pivot_table(index="topic", columns="emotion", values="score").reindex(order)
    fig = go.Figure(
        go.Heatmap(
            z=grid.to_numpy(),
            x=[escape(c) for c in grid.columns],
            y=[names[t] for t in grid.index],
            colorscale="Viridis",
            zmin=0,
            hovertemplate="%{x}: %{z:.2f}<extra></extra>",
            colorbar=dict(title="mean score"),
        )
    )
    fig.update_layout(
        title=title,
        template=template,
        yaxis=dict(autorange="reversed"),
        height=max(350, 24 * len(grid) + 140),
        margin=dict(l=10),
    )
    return fig
