"""Plots for the crisis results (:mod:`kit.tl.timeline`, :mod:`kit.tl.cascades`, :mod:`kit.tl.spreaders`,
:mod:`kit.tl.response`; re-exported by :mod:`kit.tl.crisis`), same names. They draw; they never compute.

Handles and post texts are escaped before they reach a label or a hover text.
"""

from __future__ import annotations

import numpy as np
import pandas as pd
import plotly.graph_objects as go
from plotly.subplots import make_subplots

from ..format import settings
from ._style import TEMPLATE, escape
from .monitoring import COLOURS, _rgba

__all__ = [
    "PHASE_COLOURS",
    "KIND_COLOURS",
    "timeline",
    "amplification",
    "cascades",
    "spreaders_by_type",
    "by_phase",
    "negative_by_phase",
    "response_periods",
]

PHASE_COLOURS = {
    "before": "#ffffff",
    "rise": COLOURS[4],
    "peak": COLOURS[1],
    "decline": COLOURS[3],
    "after": COLOURS[2],
}
KIND_COLOURS = {
    "original": COLOURS[0],
    "repost": COLOURS[1],
    "quote": COLOURS[4],
    "reply": COLOURS[2],
    "unknown": "#bbbbbb",
}


def _wall(values, zone: str) -> pd.Series:
    """Times as wall-clock times of ``zone`` without offset (plotly draws a time as written); naive is UTC."""
    times = pd.to_datetime(pd.Series(values), utc=True)
    return times.dt.tz_convert(zone).dt.tz_localize(None).set_axis(pd.Series(values).index)


def _short(text, n: int = 90) -> str:
    t = "" if text is None or (not isinstance(text, str) and pd.isna(text)) else str(text)
    return escape(t if len(t) <= n else t[: n - 1] + "…")


def timeline(
    series: pd.DataFrame,
    spans: pd.DataFrame,
    *,
    value: str = "posts",
    negative: pd.DataFrame | None = None,
    moments: pd.DataFrame | None = None,
    baseline: float | None = None,
    title: str | None = None,
    template: str = TEMPLATE,
) -> go.Figure:
    """Volume per period with the phases shaded, the negative share on a second axis, and the key moments
    marked (numbered) with their post on hover.

    Parameters
    ----------
    series : DataFrame
        ``period`` and ``value`` per period (:func:`kit.tl.volume`).
    spans : DataFrame
        :func:`kit.tl.timeline.phase_spans`.
    value : str
        The value column of ``series``.
    negative : DataFrame, optional
        :func:`kit.tl.timeline.negative_share`.
    moments : DataFrame, optional
        :func:`kit.tl.timeline.key_moments`.
    baseline : float, optional
        Drawn as a dotted line.
    title : str, optional
        The figure's title (a default says what it shows).
    template : str
        The plotly template.

    Returns
    -------
    go.Figure

    Examples
    --------
    >>> import pandas as pd
    >>> series = pd.DataFrame({"period": pd.date_range("2026-03-09", periods=3, freq="h", tz="UTC"), "posts": [1, 9, 2]})
    >>> spans = pd.DataFrame({"phase": ["rise"], "start": series["period"][:1], "end": series["period"][1:2].array})
    >>> len(timeline(series, spans, baseline=1.0).data)
    2
    """
    zone = settings().timezone  # drawn at the wall-clock times of the report's time zone
    series = series.assign(period=_wall(series["period"], zone))
    spans = spans.assign(start=_wall(spans["start"], zone), end=_wall(spans["end"], zone))
    if negative is not None:
        negative = negative.assign(period=_wall(negative["period"], zone))
    if moments is not None and len(moments):
        moments = moments.assign(time=_wall(moments["time"], zone))
    fig = make_subplots(specs=[[{"secondary_y": negative is not None}]])
    fig.add_trace(
        go.Scatter(
            x=series["period"], y=series[value], mode="lines", name=f"{value} per period", line=dict(color=COLOURS[0])
        ),
        secondary_y=False,
    )
    if negative is not None and len(negative):
        fig.add_trace(
            go.Scatter(
                x=negative["period"],
                y=negative["share"],
                mode="lines",
                name="negative share",
                line=dict(color=COLOURS[1], width=1, dash="dot"),
                connectgaps=False,
            ),
            secondary_y=True,
        )
        fig.update_yaxes(
            title_text="negative share",
            tickformat=".0%",
            range=[0, 1],
            tickvals=[0, 0.25, 0.5, 0.75, 1],
            showgrid=False,
            secondary_y=True,
        )
    lo, hi = series["period"].min(), series["period"].max()
    for _, s in spans.iterrows():
        if s["phase"] == "before":
            continue
        x0 = s["start"] if pd.notna(s["start"]) else lo
        x1 = s["end"] if pd.notna(s["end"]) else hi
        # phases are named in the legend: labels on the shading collide when the rise and peak are short
        fig.add_vrect(x0=x0, x1=x1, fillcolor=_rgba(PHASE_COLOURS.get(s["phase"], COLOURS[5]), 0.15), line_width=0)
        fig.add_trace(
            go.Scatter(
                x=[None],
                y=[None],
                mode="markers",
                name=f"phase: {escape(s['phase'])}",
                marker=dict(symbol="square", size=12, color=_rgba(PHASE_COLOURS.get(s["phase"], COLOURS[5]), 0.4)),
            ),
            secondary_y=False,
        )
    if baseline is not None and np.isfinite(baseline):
        fig.add_hline(
            y=float(baseline),
            line=dict(color="grey", dash="dot"),
            annotation_text="baseline",
            annotation_position="bottom right",
        )
    if moments is not None and len(moments):
        at = pd.DatetimeIndex(pd.to_datetime(series["period"], utc=True))
        vals = series[value].to_numpy(dtype=float)
        if len(vals):
            idx = np.clip(
                at.searchsorted(pd.DatetimeIndex(pd.to_datetime(moments["time"], utc=True)), side="right") - 1,
                0,
                len(vals) - 1,
            )
            ys = vals[idx]
        else:
            ys = np.zeros(len(moments))
        hover = [
            f"<b>{escape(m)}</b><br>{pd.Timestamp(t):%d %b %H:%M} {escape(zone)}"
            + (f"<br>@{escape(w)}" if isinstance(w, str) else "")
            + (f"<br>{_short(x)}" if isinstance(x, str) else "")
            for m, t, w, x in zip(moments["moment"], moments["time"], moments["who"], moments["text"])
        ]
        fig.add_trace(
            go.Scatter(
                x=moments["time"],
                y=ys,
                mode="markers+text",
                name="key moments",
                text=[str(i + 1) for i in range(len(moments))],
                textposition="top center",
                marker=dict(size=9, color="black", symbol="diamond"),
                hovertext=hover,
                hoverinfo="text",
            ),
            secondary_y=False,
        )
    fig.update_yaxes(title_text=value, secondary_y=False)
    fig.update_xaxes(title_text=f"time ({zone})")
    fig.update_layout(
        title=title
        or "Crisis timeline: the rise, the peak and the way back to baseline (numbered diamonds: key moments)",
        template=template,
        hovermode="closest",
        legend=dict(orientation="h", y=-0.3),
    )
    return fig


def amplification(result: pd.DataFrame, *, title: str | None = None, template: str = TEMPLATE) -> go.Figure:
    """Stacked originals, reposts, quotes and replies per period, with the repost share on a second axis.

    Parameters
    ----------
    result : DataFrame
        :func:`kit.tl.cascades.amplification`.
    title : str, optional
        The figure's title (a default says what it shows).
    template : str
        The plotly template.

    Returns
    -------
    go.Figure
    """
    fig = make_subplots(specs=[[{"secondary_y": True}]])
    for k in ("original", "repost", "quote", "reply", "unknown"):
        if k == "unknown" and (k not in result.columns or not result[k].any()):
            continue
        name = {"unknown": "kind unknown (no text)", "reply": "replies"}.get(k, k + "s")
        fig.add_trace(
            go.Bar(x=result["period"], y=result[k], name=name, marker_color=KIND_COLOURS[k]), secondary_y=False
        )
    fig.add_trace(
        go.Scatter(
            x=result["period"],
            y=result["repost_share"],
            mode="lines",
            name="repost share",
            line=dict(color="black", width=1),
        ),
        secondary_y=True,
    )
    fig.update_yaxes(title_text="posts", secondary_y=False)
    fig.update_yaxes(title_text="repost share", tickformat=".0%", range=[0, 1], secondary_y=True)
    fig.update_layout(
        title=title or "Originals, reposts, quotes and replies per period",
        template=template,
        barmode="stack",
        bargap=0,
        legend=dict(orientation="h", y=-0.15),
    )
    return fig


def cascades(result: pd.DataFrame, *, title: str | None = None, template: str = TEMPLATE) -> go.Figure:
    """The largest cascades: reposts, quotes and replies per original post (a sentence when there are none).

    Parameters
    ----------
    result : DataFrame
        :func:`kit.tl.cascades.cascades`.
    title : str, optional
        The figure's title (a default says what it shows).
    template : str
        The plotly template.

    Returns
    -------
    go.Figure or Text
        The figure, or the sentence saying why there is none.
    """
    if result.empty:  # a sentence, not an empty chart
        from ._table import text

        return text("No cascades: the data links no repost, quote or reply to its original post (no parent_id).")
    r = result.iloc[::-1]
    labels = [
        f"#{len(r) - i} @{escape(h)}" if isinstance(h, str) else f"#{len(r) - i} (not in data)"
        for i, h in enumerate(r["author_handle"])
    ]
    hover = [_short(t, 140) for t in r["text"]]
    fig = go.Figure()
    for col, colour in (
        ("reposts", KIND_COLOURS["repost"]),
        ("quotes", KIND_COLOURS["quote"]),
        ("replies", KIND_COLOURS["reply"]),
    ):
        fig.add_trace(
            go.Bar(
                y=labels,
                x=r[col],
                orientation="h",
                name=col,
                marker_color=colour,
                hovertext=hover,
                hoverinfo="x+text+name",
            )
        )
    fig.update_layout(
        title=title or "Largest cascades",
        template=template,
        barmode="stack",
        xaxis_title="posts pointing to the original",
        height=max(300, 40 * len(r) + 120),
    )
    return fig


def spreaders_by_type(result: pd.DataFrame, *, title: str | None = None, template: str = TEMPLATE) -> go.Figure:
    """Share of crisis posts and of amplification received per account type.

    Parameters
    ----------
    result : DataFrame
        :func:`kit.tl.spreaders.spreaders_by_type`.
    title : str, optional
        The figure's title (a default says what it shows).
    template : str
        The plotly template.

    Returns
    -------
    go.Figure
    """
    fig = go.Figure()
    fig.add_trace(
        go.Bar(x=result["account_type"], y=result["share_of_posts"], name="share of posts", marker_color=COLOURS[0])
    )
    fig.add_trace(
        go.Bar(
            x=result["account_type"],
            y=result["share_of_amplification"],
            name="share of reposts and quotes received",
            marker_color=COLOURS[1],
        )
    )
    fig.update_layout(
        title=title or "Who spoke and who was amplified, by kind of account",
        template=template,
        barmode="group",
        yaxis=dict(tickformat=".0%"),
    )
    return fig


def by_phase(result: pd.DataFrame, column: str, *, title: str | None = None, template: str = TEMPLATE) -> go.Figure:
    """Share of each value of ``column`` per phase with its interval.

    Parameters
    ----------
    result : DataFrame
        :func:`kit.tl.timeline.by_phase`.
    column : str
        The column that was counted (sentiment, emotion, message type...).
    title : str, optional
        The figure's title (a default says what it shows).
    template : str
        The plotly template.

    Returns
    -------
    go.Figure
    """
    fig = go.Figure()
    values = list(pd.unique(result[column]))
    for i, v in enumerate(values):
        g = result[result[column] == v]
        fig.add_trace(
            go.Bar(
                x=g["phase"],
                y=g["share"],
                name=escape(v),
                marker_color=COLOURS[i % len(COLOURS)],
                error_y=dict(
                    type="data",
                    symmetric=False,
                    array=(g["high"] - g["share"]).to_numpy(),
                    arrayminus=(g["share"] - g["low"]).to_numpy(),
                ),
            )
        )
    fig.update_layout(
        title=title or f"{column} by phase (95 % intervals)",
        template=template,
        barmode="group",
        yaxis=dict(tickformat=".0%", title="share of the phase's posts"),
    )
    return fig


def negative_by_phase(result: pd.DataFrame, *, title: str | None = None, template: str = TEMPLATE) -> go.Figure:
    """Negative share per phase with its interval.

    Parameters
    ----------
    result : DataFrame
        :func:`kit.tl.timeline.negative_by_phase`.
    title : str, optional
        The figure's title (a default says what it shows).
    template : str
        The plotly template.

    Returns
    -------
    go.Figure
    """
    fig = go.Figure(
        go.Bar(
            x=result["phase"],
            y=result["share"],
            marker_color=COLOURS[1],
            text=[f"{s:.0%}" for s in result["share"]],
            textposition="outside",
            error_y=dict(
                type="data",
                symmetric=False,
                array=(result["high"] - result["share"]).to_numpy(),
                arrayminus=(result["share"] - result["low"]).to_numpy(),
            ),
        )
    )
    fig.update_layout(
        title=title
        or "Share of negative posts by phase: how far above the level before the crisis, and whether it came back (95 % intervals)",
        template=template,
        yaxis=dict(tickformat=".0%", range=[0, 1]),
    )
    return fig


def response_periods(result: pd.DataFrame, *, title: str | None = None, template: str = TEMPLATE) -> go.Figure:
    """Response rate and median hours to respond per period (before / during / after), with their intervals.

    Parameters
    ----------
    result : DataFrame
        :func:`kit.tl.response.response_periods`.
    title : str, optional
        The figure's title (a default says what it shows).
    template : str
        The plotly template.

    Returns
    -------
    go.Figure
    """
    fig = make_subplots(rows=1, cols=2, subplot_titles=("response rate", "median hours to first response"))
    x = result["period"].astype(str)
    fig.add_trace(
        go.Bar(
            x=x,
            y=result["response_rate"],
            marker_color=COLOURS[0],
            name="response rate",
            error_y=dict(
                type="data",
                symmetric=False,
                array=(result["rate_high"] - result["response_rate"]).to_numpy(),
                arrayminus=(result["response_rate"] - result["rate_low"]).to_numpy(),
            ),
        ),
        1,
        1,
    )
    fig.add_trace(
        go.Bar(
            x=x,
            y=result["median_hours"],
            marker_color=COLOURS[2],
            name="median hours",
            error_y=dict(
                type="data",
                symmetric=False,
                array=(result["median_high"] - result["median_hours"]).to_numpy(),
                arrayminus=(result["median_hours"] - result["median_low"]).to_numpy(),
            ),
        ),
        1,
        2,
    )
    fig.update_yaxes(tickformat=".0%", range=[0, 1], row=1, col=1)
    fig.update_layout(
        title=title or "Answers to questions and complaints, before vs during the crisis (95 % intervals)",
        template=template,
        showlegend=False,
    )
    return fig
