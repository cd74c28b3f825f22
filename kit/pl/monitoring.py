"""Plots for :mod:`kit.tl.metrics` and :mod:`kit.tl.signals` results. They draw; they never compute."""

from __future__ import annotations

import pandas as pd
import plotly.graph_objects as go

from ._style import TEMPLATE, colours, escape

__all__ = ["COLOURS", "share_over_time", "net_sentiment_over_time", "band", "message_test", "surge"]

COLOURS = ("#1f77b4", "#d62728", "#2ca02c", "#9467bd", "#ff7f0e", "#8c564b", "#e377c2", "#17becf")


def _rgba(hex_colour: str, alpha: float) -> str:
    h = hex_colour.lstrip("#")
    return f"rgba({int(h[0:2], 16)}, {int(h[2:4], 16)}, {int(h[4:6], 16)}, {alpha})"


def _lines_with_bands(
    result: pd.DataFrame, *, value: str, title: str, yaxis: dict, hover: str, custom: list[str], template: str
) -> go.Figure:
    fig = go.Figure()
    for _i, (actor, part) in enumerate(result.groupby("actor", sort=True)):
        colour = colours(result["actor"].unique())[str(actor)]
        fig.add_trace(
            go.Scatter(
                x=list(part["period"]) + list(part["period"])[::-1],
                y=list(part["high"]) + list(part["low"])[::-1],
                fill="toself",
                mode="lines",
                fillcolor=_rgba(colour, 0.15),
                line=dict(width=0),
                hoverinfo="skip",
                showlegend=False,
                name=escape(actor),
            )
        )
        fig.add_trace(
            go.Scatter(
                x=part["period"],
                y=part[value],
                mode="lines+markers",
                name=escape(actor),
                line=dict(color=colour),
                customdata=part[custom],
                hovertemplate=hover,
            )
        )
    fig.update_layout(title=title, template=template, yaxis=yaxis, hovermode="x unified")
    return fig


def share_over_time(
    result: pd.DataFrame,
    *,
    title: str = "Share of voice per period: a line leaving its band is a real change (95 % intervals)",
    template: str = TEMPLATE,
) -> go.Figure:
    """One line per actor from :func:`kit.tl.metrics.share_over_time`, with its interval as a band.

    Parameters
    ----------
    result
        The table of :func:`kit.tl.metrics.share_over_time`.
    title, template
        Title and plotly template.

    Returns
    -------
    Figure
        The plotly figure; periods flagged ``collection_gap`` (no mention after many) are marked with a cross and
        the sentence of ``result.attrs["note"]`` is written under the chart.
    """
    fig = _lines_with_bands(
        result,
        value="share",
        title=title,
        template=template,
        yaxis=dict(tickformat=".0%", title="share of mentions"),
        hover="%{y:.1%} (%{customdata[0]} of %{customdata[1]})",
        custom=["mentions", "total"],
    )
    if "collection_gap" in result.columns and result["collection_gap"].any():
        gaps = result[result["collection_gap"]]
        fig.add_trace(
            go.Scatter(
                x=gaps["period"],
                y=gaps["share"],
                mode="markers",
                name="likely collection gap",
                marker=dict(symbol="x", size=14, color="black"),
                text=[escape(a) for a in gaps["actor"]],
                hovertemplate="%{text}: no mention, likely a gap in the collection<extra></extra>",
            )
        )
        fig.add_annotation(
            text=escape(result.attrs.get("note", "")), showarrow=False, x=0, y=-0.22, xref="paper", yref="paper",
            xanchor="left", font=dict(size=11),
        )  # fmt: skip
        fig.update_layout(margin=dict(b=110))
    return fig


def net_sentiment_over_time(
    result: pd.DataFrame,
    *,
    title: str = "Net sentiment per period: below zero, more negative than positive posts (95 % intervals)",
    template: str = TEMPLATE,
) -> go.Figure:
    """One line per actor from :func:`kit.tl.metrics.net_sentiment_over_time`, with its interval as a band.

    Parameters
    ----------
    result
        The table of :func:`kit.tl.metrics.net_sentiment_over_time`.
    title, template
        Title and plotly template.

    Returns
    -------
    Figure
        The plotly figure.
    """
    return _lines_with_bands(
        result,
        value="net",
        title=title,
        template=template,
        yaxis=dict(range=[-1, 1], title="(positive - negative) / (positive + negative)"),
        hover="%{y:+.2f} (%{customdata[0]} positive, %{customdata[1]} negative)",
        custom=["positive", "negative"],
    )


def band(result: pd.DataFrame, *, title: str, value_format: str = ",.0f", template: str = TEMPLATE) -> go.Figure:
    """A metric against its expected band from :func:`kit.tl.signals.baseline_band`; periods outside are marked.

    Parameters
    ----------
    result
        The table of :func:`kit.tl.signals.baseline_band`.
    value_format
        d3 format of the values on hover.
    title, template
        Title and plotly template.

    Returns
    -------
    Figure or Text
        The plotly figure; the sentence of ``result.attrs["note"]`` instead when there is no band to draw (a
        series too short for its window), never an empty chart.
    """
    if not result["expected"].notna().any():
        from ._table import text

        return text(result.attrs.get("note") or "No period has enough history before it for a band.")
    fig = go.Figure()
    fig.add_trace(
        go.Scatter(
            x=list(result["period"]) + list(result["period"])[::-1],
            y=list(result["high"]) + list(result["low"])[::-1],
            fill="toself",
            mode="lines",
            fillcolor="rgba(120, 120, 120, 0.18)",
            line=dict(width=0),
            hoverinfo="skip",
            name="expected band",
        )
    )
    fig.add_trace(
        go.Scatter(
            x=result["period"], y=result["expected"], mode="lines", name="expected", line=dict(color="grey", dash="dot")
        )
    )
    fig.add_trace(
        go.Scatter(
            x=result["period"], y=result["value"], mode="lines+markers", name="observed", line=dict(color=COLOURS[0])
        )
    )
    out = result[result["outside"].notna()]
    fig.add_trace(
        go.Scatter(
            x=out["period"],
            y=out["value"],
            mode="markers",
            name="outside the band",
            marker=dict(color=COLOURS[1], size=11, symbol="circle-open", line=dict(width=2)),
        )
    )
    fig.update_layout(title=title, template=template, hovermode="x unified", yaxis=dict(tickformat=value_format))
    return fig


def message_test(result: pd.DataFrame, *, title: str | None = None, template: str = TEMPLATE) -> go.Figure:
    """Engagement rate per variant for each pair of :func:`kit.tl.message_tests.message_test`.

    Parameters
    ----------
    result
        The table of :func:`kit.tl.message_tests.message_tests` (rows with rates).
    title, template
        Title and plotly template.

    Returns
    -------
    Figure or Text
        The plotly figure; a sentence instead when no campaign could be tested, never an empty chart.
    """
    if result.empty:
        from ._table import text

        return text(
            "No campaign with variants and views in this period: no engagement rate per variant to draw "
            "(the table above says why for each campaign)."
        )
    fig = go.Figure()
    labels = [f"{escape(r.campaign)}: {escape(r.variant_a)} vs {escape(r.variant_b)}" for r in result.itertuples()]
    fig.add_trace(
        go.Bar(
            x=labels,
            y=result["rate_a"],
            name="first variant",
            text=[escape(v) for v in result["variant_a"]],
            marker_color=COLOURS[0],
        )
    )
    fig.add_trace(
        go.Bar(
            x=labels,
            y=result["rate_b"],
            name="second variant",
            text=[escape(v) for v in result["variant_b"]],
            marker_color=COLOURS[2],
        )
    )
    fig.update_layout(
        title=title or "Message tests: engagement rate per variant",
        template=template,
        barmode="group",
        yaxis=dict(tickformat=".1%", title="interactions / views"),
    )
    return fig


def surge(
    series: pd.DataFrame,
    result: pd.DataFrame,
    *,
    value: str = "posts",
    title: str | None = None,
    template: str = TEMPLATE,
) -> go.Figure:
    """A volume series with the phases found by :func:`kit.tl.signals.surge` shaded: before the onset,
    rise (onset to peak), decline (peak to back-to-baseline), after; the baseline as a dotted line.

    Parameters
    ----------
    series
        The volume series (``period`` and the ``value`` column).
    result
        The phases of :func:`kit.tl.signals.surge`.
    value
        Column of ``series`` drawn.
    title, template
        Title and plotly template.

    Returns
    -------
    Figure
        The plotly figure.
    """
    row = result.iloc[0] if len(result) else None
    fig = go.Figure(
        go.Scatter(x=series["period"], y=series[value], mode="lines", name=value, line=dict(color=COLOURS[0]))
    )
    if row is not None and pd.notna(row.get("baseline")):
        fig.add_hline(
            y=float(row["baseline"]),
            line=dict(color="grey", dash="dot"),
            annotation_text="baseline",
            annotation_position="top left",
        )
    if row is not None and pd.notna(row.get("onset")):
        end = row["back_to_baseline"] if pd.notna(row.get("back_to_baseline")) else series["period"].max()
        fig.add_vrect(
            x0=row["onset"],
            x1=row["peak"],
            fillcolor=_rgba(COLOURS[1], 0.15),
            line_width=0,
            annotation_text="rise",
            annotation_position="top left",
        )
        fig.add_vrect(
            x0=row["peak"],
            x1=end,
            fillcolor=_rgba(COLOURS[4], 0.12),
            line_width=0,
            annotation_text="decline",
            annotation_position="top right",
        )
    fig.update_layout(
        title=title or "Volume with the surge's phases", template=template, hovermode="x unified", yaxis_title=value
    )
    return fig
