"""Plots of :mod:`kit.tl.keyness` results (distinctive terms per actor and language). They draw; they never compute."""

from __future__ import annotations

import pandas as pd
import plotly.graph_objects as go
from plotly.subplots import make_subplots

from ._figures import empty as _empty
from ._figures import grid as _grid
from ._figures import order as _order
from ._style import TEMPLATE, colours, escape

__all__ = ["keyness"]


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
    """Most distinctive terms per actor from :func:`kit.tl.keyness.keyness`: bars of z-scores, one panel per actor,
    one language at a time (buttons switch language).

    Parameters
    ----------
    result
        The table from :func:`kit.tl.keyness.keyness`.
    by
        The column naming the groups (one bar, dot or panel per value).
    top
        Terms shown per actor.
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
        return _empty(
            title or "Distinctive vocabulary per actor",
            (result.attrs.get("note") if result is not None else None)
            or "Too few posts per actor and language to compare vocabularies.",
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
                    marker_color=colours(groups)[str(g)],
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
