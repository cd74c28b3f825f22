"""Plots of :mod:`kit.tl.cartography` results (who covers each topic). They draw; they never compute."""

from __future__ import annotations

import pandas as pd
import plotly.graph_objects as go

from ._figures import empty as _empty
from ._style import TEMPLATE, colours, escape

__all__ = ["topic_owners"]


def topic_owners(
    result: pd.DataFrame, *, top: int = 20, title: str | None = None, template: str = TEMPLATE
) -> go.Figure:
    """Share of each group's posts in each topic from :func:`kit.tl.cartography.topic_owners` (grouped bars), topics
    labelled with who covers them.

    Parameters
    ----------
    result
        The table from :func:`kit.tl.cartography.topic_owners`.
    top
        Topics shown (the largest).
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
        return _empty(title or "Topics per actor", note or "No topics: too few own posts.", template)
    part = result.head(top)
    share_cols = [c for c in result.columns if c.startswith("share of ")]
    labels = [f"{escape(l)} [{escape(c)}]" for l, c in zip(part["label"], part["covered_by"])]
    fig = go.Figure()
    for _i, col in enumerate(share_cols):
        fig.add_trace(
            go.Bar(
                y=labels,
                x=part[col],
                orientation="h",
                name=escape(col[len("share of ") :]),
                marker_color=colours([c[len("share of ") :] for c in share_cols])[col[len("share of ") :]],
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
