"""Plots of :mod:`kit.tl.effects` results (rate ratios, forest plot). They draw; they never compute."""

from __future__ import annotations

import numpy as np
import pandas as pd
import plotly.graph_objects as go

from ._figures import empty as _empty
from ._figures import interval
from ._style import TEMPLATE, colours, escape

__all__ = ["effects"]


def effects(
    result: pd.DataFrame, *, models=None, exclude=("platform",), title: str | None = None, template: str = TEMPLATE
) -> go.Figure:
    """Forest plot of rate ratios with intervals from :func:`kit.tl.effects.effects` (log scale, 1 = no effect);
    filled markers pass the Holm-adjusted test, open ones do not. Terms in ``exclude`` are left out (platform
    contrasts are mostly audience differences and dwarf the others; see the benchmarks).

    Parameters
    ----------
    result
        The table from :func:`kit.tl.effects.effects`.
    models
        Models shown (default: all).
    exclude
        Terms left out (platform contrasts are mostly audience differences).
    title
        Figure title (default: one saying what is shown).
    template
        Plotly template.

    Returns
    -------
    go.Figure
        The figure; when there is nothing to draw, one that says why in words.
    """
    if result is not None and len(result) and exclude:
        result = result[~result["term"].isin(list(exclude))]
    if result is None or len(result) == 0:
        return _empty(title or "What earns interactions", "Too few posts to estimate effects.", template)
    fig = go.Figure()
    names = list(pd.unique(result["model"])) if len(result) else []
    names = [m for m in names if models is None or m in models]
    for _i, name in enumerate(names):
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
                    color=colours(names)[str(name)],
                    symbol=["circle" if s else "circle-open" for s in part["significant"]],
                ),
                error_x=interval(part, "rate_ratio"),
                customdata=np.column_stack([part["posts"], part["q_value"]]),
                hovertemplate="%{y}: x%{x:.2f} (%{customdata[0]} posts, Holm q = %{customdata[1]:.3g})",
            )
        )
    fig.add_vline(x=1, line=dict(color="grey", dash="dot"))
    n = result[["term", "level"]].drop_duplicates().shape[0] if len(result) else 1
    fig.update_layout(
        title=title
        or "What earns interactions: right of 1 earns more, left of 1 less, all else equal (95 % intervals)",
        template=template,
        scattermode="group",
        xaxis=dict(type="log", title="rate ratio of interactions (log scale)"),
        yaxis=dict(autorange="reversed", type="category"),
        height=max(320, 100 + 26 * n),
    )
    return fig
