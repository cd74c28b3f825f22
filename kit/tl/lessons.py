"""The crisis post-mortem in words: one sentence per topic (timeline, recovery, response, care,
amplification, cascades, spreaders, sentiment, messages) from the results of the crisis modules.

Each topic has its own sentence builder (``_timeline``, ``_recovery``, ``_response``...), which says when
a figure could not be computed instead of guessing it; :func:`lessons` puts them together.

>>> import pandas as pd
>>> lessons(pd.DataFrame([dict(onset=None)]))["lesson"].iloc[0][:36]
'No surge stood out from the baseline'
>>> t0 = pd.Timestamp("2026-03-09 10:00", tz="UTC")
>>> timeline = pd.DataFrame([dict(onset=t0, peak=t0 + pd.Timedelta(hours=3), peak_value=50.0, baseline=0.0,
...                               half_life=pd.NaT, back_to_baseline=pd.NaT)])
>>> print(lessons(timeline, topics=["recovery"])["lesson"].iloc[0])
After the peak the excess over the baseline did not decline clearly enough to estimate a half-life, and volume had not returned to baseline by the end of the data.
"""

from __future__ import annotations

import numpy as np
import pandas as pd

from ..format import clock
from ._crisis import _hours, _row, _ts
from .timeline import PHASES

__all__ = ["TOPICS", "lessons"]

#: The topics of :func:`lessons`, in the order they are said.
TOPICS = (
    "timeline",
    "recovery",
    "gaps",
    "surges",
    "response",
    "care",
    "amplification",
    "cascades",
    "spreaders",
    "sentiment",
    "messages",
)


def _fmt_hours(h: float) -> str:
    """A duration in hours in words: minutes below one hour, hours below two days, days after ("not
    measured" when missing: the builders below check before they print a duration)."""
    if h is None or not np.isfinite(h):
        return "not measured"
    if h < 1:
        return f"{h * 60:.0f} minutes"
    if h < 48:
        return f"{h:.1f} hours"
    return f"{h / 24:.1f} days"


def _unit(r: dict) -> str:
    return "day" if str(r.get("freq", "H")).upper().startswith("D") or r.get("scale") == "daily" else "hour"


def _fmt_count(v: float) -> str:
    """A count per period: never "0.0 posts"."""
    if v < 0.05:
        return "almost no posts"
    return f"{v:.1f} posts" if v < 10 else f"{v:,.0f} posts"


def _when(t: pd.Timestamp, unit: str, *, weekday: bool = False) -> str:
    if unit == "day":
        return f"{t:%A %d %B %Y}" if weekday else f"{t:%d %B}"
    return clock(t, "%A %d %B %Y %H:%M") if weekday else clock(t)


def _timeline(r: dict) -> list[tuple[str, str]]:
    onset, peak = _ts(r.get("onset")), _ts(r.get("peak"))
    if onset is None:
        return [
            (
                "timeline",
                "No surge stood out from the baseline in this window: there is no onset, peak or recovery to report.",
            )
        ]
    unit = _unit(r)
    base = r.get("baseline")
    note = str(r.get("onset_note") or "detected")
    src = " (the known start given as a parameter)" if str(r.get("onset_source", "")).startswith("known") else ""
    base_txt = (
        f", from a baseline of {_fmt_count(float(base))} per {unit}" if base is not None and pd.notna(base) else ""
    )
    if note.startswith("inside") and not src:
        first = _ts(r.get("first_post")) or onset
        where = "starts" if "data starts" in note else "resumes after a gap"
        head = (
            f"The collection {where} inside the surge ({_when(first, 'hour')}), with no quiet stretch before it: "
            f"the onset is not in the data, so the crisis is measured from the first {unit} "
            f"({_when(onset, unit)}) against the quiet level of the whole series"
            + (f" ({_fmt_count(float(base))} per {unit})" if base is not None and pd.notna(base) else "")
        )
    else:
        head = f"The crisis started on {_when(onset, unit, weekday=True)}{src}{base_txt}"
    if peak is None:
        return [("timeline", f"{head}; no peak was found.")]
    pv = r.get("peak_value", float("nan"))
    count = f", {pv:,.0f} posts in that {unit}" if pv is not None and pd.notna(pv) else ""
    if peak <= onset:
        rise = f"and peaked in that first {unit} ({_when(peak, unit)}{count})"
    else:
        rise = f"and peaked {_fmt_hours(_hours(peak - onset))} later ({_when(peak, unit)}{count})"
    txt = f"{head}. It {rise[4:]}." if note.startswith("inside") and not src else f"{head}, {rise}."
    if r.get("scale_reason"):
        txt += f" Described in {unit}s: {r['scale_reason']}."
    hour, busiest = _ts(r.get("onset_hour")), _ts(r.get("busiest_hour"))
    if unit == "day" and busiest is not None:
        txt += (
            f" In hours: first hour above the band {_when(hour, 'hour')}, busiest hour {_when(busiest, 'hour')}."
            if hour is not None
            else f" In hours: busiest hour {_when(busiest, 'hour')}."
        )
    return [("timeline", txt)]


def _recovery(r: dict) -> list[tuple[str, str]]:
    onset, peak = _ts(r.get("onset")), _ts(r.get("peak"))
    if onset is None:
        return []
    unit = _unit(r)
    back = _ts(r.get("back_to_baseline"))
    if back is not None and peak is not None and back <= peak:
        back = None  # never a recovery before the peak
    half = _hours(r.get("half_life"))
    if not (np.isfinite(half) and half > 0) or (back is not None and peak is not None and half > _hours(back - peak)):
        half = float("nan")  # never a half-life longer than the time it took to recover
    halved = (
        f"After the peak the excess over the baseline halved in {_fmt_hours(half)} (half-life)"
        if np.isfinite(half)
        else "After the peak the excess over the baseline did not decline clearly enough to estimate a half-life"
    )
    if back is not None:
        return [
            (
                "recovery",
                f"{halved} and volume was back to baseline {_fmt_hours(_hours(back - onset))} "
                f"after the onset ({_when(back, unit)}).",
            )
        ]
    sep = "," if np.isfinite(half) else ", and"
    but = " but" if np.isfinite(half) else ""
    until, stop = _ts(r.get("measured_until")), r.get("stopped_by")
    if stop == "gap" and until is not None:
        end = f"a gap in the collection from {_when(until, unit)} cut the decline: no return to baseline is measured across it."
    elif stop == "next surge" and until is not None:
        end = f"a new surge began on {_when(until, unit)} before volume was back to baseline."
    else:
        end = "volume had not returned to baseline by the end of the data."
    return [("recovery", f"{halved}{sep}{but} {end}")]


def _gaps(r: dict, holes: pd.DataFrame) -> list[tuple[str, str]]:
    if not len(holes):
        return [("gaps", "The collection has no stretch of 12 hours or more without any post.")]
    listed = "; ".join(
        f"from {_when(_ts(a), 'hour')} to {_when(_ts(b), 'hour')} ({_fmt_hours(h)})"
        for a, b, h in zip(holes["start"].head(3), holes["end"].head(3), holes["hours"].head(3))
    )
    more = f" and {len(holes) - 3} more" if len(holes) > 3 else ""
    n = len(holes)
    return [
        (
            "gaps",
            f"The collection has {n} gap{'s' if n > 1 else ''} of 12 hours or more without any post ({listed}{more}): "
            "holes in the data, not quiet; no phase, half-life or recovery is measured across them.",
        )
    ]


def _surges(r: dict, table: pd.DataFrame) -> list[tuple[str, str]]:
    if len(table) < 2:
        return []
    unit = "day" if len(table) and str(r.get("scale")) == "daily" else "hour"
    crisis = table[table["crisis"]].iloc[0] if table["crisis"].any() else table.iloc[0]
    others = table[~table["crisis"]].sort_values("excess", ascending=False).head(3)
    listed = ", ".join(f"{_when(_ts(p), unit)} ({v:,.0f} posts)" for p, v in zip(others["peak"], others["peak_value"]))
    return [
        (
            "surges",
            f"The {'daily' if unit == 'day' else 'hourly'} counts hold {len(table)} surges; the crisis is the one with "
            f"most posts above the quiet level ({crisis['excess']:,.0f}, peak {_when(_ts(crisis['peak']), unit)}), "
            f"not the one with the highest single {unit}. Others peaked on {listed}.",
        )
    ]


def _response(r: dict, statement: pd.DataFrame) -> list[tuple[str, str]]:
    onset, peak = _ts(r.get("onset")), _ts(r.get("peak"))
    s = _row(statement) if len(statement) else {}
    if pd.notna(s.get("hours_to_statement", np.nan)):
        txt = (
            f"The brand's first statement came {_fmt_hours(s['hours_to_statement'])} after the onset "
            f"({clock(_ts(s['first_statement']))})"
        )
        if peak is not None and onset is not None:
            rel = _hours(_ts(s["first_statement"]) - peak)
            txt += f", {_fmt_hours(abs(rel))} {'after' if rel >= 0 else 'before'} the peak"
        if pd.notna(s.get("hours_to_reply", np.nan)):
            txt += f"; its first reply to someone came {_fmt_hours(s['hours_to_reply'])} after the onset"
        return [("response", txt + ".")]
    if onset is None:
        return [("response", "Without an onset there is no time to first statement to measure.")]
    return [
        (
            "response",
            "The brand's accounts published no statement after the onset in this data "
            "(check the brand_accounts parameter if this is unexpected).",
        )
    ]


def _median(h) -> str:
    return f" (median {_fmt_hours(h)})" if h is not None and pd.notna(h) else ""


def _care(response: pd.DataFrame) -> list[tuple[str, str]]:
    rr = response.set_index("period") if len(response) and "period" in response.columns else pd.DataFrame()
    if not ({"before", "during"} <= set(rr.index) and rr.loc[["before", "during"], "cases"].min() > 0):
        return [
            (
                "care",
                "There are not enough questions or complaints addressed to the brand both before "
                "and during the crisis to compare how it answered.",
            )
        ]
    if rr.loc[["before", "during"], "responded"].sum() == 0:
        return [
            (
                "care",
                f"{int(rr.loc['before', 'cases']):,} questions or complaints before the crisis "
                f"and {int(rr.loc['during', 'cases']):,} during it got no reply from the brand's "
                "accounts in this data.",
            )
        ]
    return [
        (
            "care",
            f"The brand answered {rr.loc['before', 'response_rate']:.0%} of "
            f"{int(rr.loc['before', 'cases']):,} questions and complaints before the crisis"
            f"{_median(rr.loc['before', 'median_hours'])} and "
            f"{rr.loc['during', 'response_rate']:.0%} of {int(rr.loc['during', 'cases']):,} "
            f"during it{_median(rr.loc['during', 'median_hours'])}; {_rate_change(rr)}.",
        )
    ]


def _rate_change(rr: pd.DataFrame) -> str:
    """The before/during response rates judged by a two-proportion test, in words."""
    from .period_change import share_test

    p, _ = share_test(
        (int(rr.loc["during", "responded"]), int(rr.loc["during", "cases"])),
        (int(rr.loc["before", "responded"]), int(rr.loc["before", "cases"])),
    )
    if not np.isfinite(p):
        return "the two rates cannot be compared"
    shown = "p < 0.001" if p < 0.001 else f"p = {p:.2g}"
    if p < 0.05:
        way = "lower" if rr.loc["during", "response_rate"] < rr.loc["before", "response_rate"] else "higher"
        return f"the rate during the crisis is {way} than before, more than chance would give (two-proportion test, {shown})"
    return f"the difference is within what chance gives (two-proportion test, {shown})"


def _amplification(repost: pd.DataFrame) -> list[tuple[str, str]]:
    if not len(repost):
        return []
    p = _row(repost)
    if not p.get("posts"):
        return [("amplification", "No posts in the window after the onset: no repost share.")]
    return [
        (
            "amplification",
            f"{p['share']:.0%} of posts were reposts (95 % interval {p['low']:.0%} "
            f"to {p['high']:.0%}; {p['reposts']:,} of {p['posts']:,}: "
            f"{p['definition']}).",
        )
    ]


def _cascades(top_cascades: pd.DataFrame) -> list[tuple[str, str]]:
    if not len(top_cascades):
        return [
            (
                "cascades",
                "The data does not link reposts, quotes or replies to their original post "
                "(no parent_id), so cascades cannot be measured.",
            )
        ]
    c = top_cascades.iloc[0]
    who = f"@{c['author_handle']}" if pd.notna(c.get("author_handle")) else "a post not in the data"
    return [
        (
            "cascades",
            f"The largest cascade started from {who} and reached {int(c['size']):,} "
            f"reposts and quotes; the {min(len(top_cascades), 5)} largest reached "
            f"{int(top_cascades['size'].head(5).sum()):,} together.",
        )
    ]


def _spreaders(top_spreaders: pd.DataFrame) -> list[tuple[str, str]]:
    if not len(top_spreaders):
        return []
    top = top_spreaders.head(5)
    kinds_ = top["account_type"].value_counts()
    if top["amplification_received"].sum() > 0:
        return [
            (
                "spreaders",
                "Top spreaders by reposts and quotes received: "
                + ", ".join(f"@{h} ({t})" for h, t in zip(top["author_handle"], top["account_type"]))
                + f"; {', '.join(f'{v} {k}' for k, v in kinds_.items())} among the top {len(top)}.",
            )
        ]
    return [
        (
            "spreaders",
            "No repost links in the data: spreaders are ranked by the number of posts "
            "they wrote, which says who was loud, not who was amplified.",
        )
    ]


def _sentiment(negative: pd.DataFrame) -> list[tuple[str, str]]:
    if not len(negative):
        return []
    ng = negative.set_index("phase")
    parts = [f"{ng.loc[p, 'share']:.0%} {p}" for p in PHASES if p in ng.index]
    how = {True: " (corrected by the human review)", False: " (the model's raw count, uncorrected)"}.get(
        negative.attrs.get("corrected"), ""
    )
    return [("sentiment", "Share of negative posts by phase" + how + ": " + ", ".join(parts) + ".")]


def _messages(types: pd.DataFrame) -> list[tuple[str, str]]:
    peak_types = types[types["phase"].isin(["rise", "peak"])] if len(types) else types
    if not len(peak_types):
        return []
    top = peak_types.groupby("message_type")["posts"].sum().sort_values(ascending=False)
    share = top / top.sum()
    return [
        (
            "messages",
            "During the rise and the peak people mostly posted "
            + ", ".join(f"{k} ({v:.0%})" for k, v in share.head(3).items())
            + " (few-shot classifier: read its accuracy caveats).",
        )
    ]


def lessons(
    timeline,
    *,
    repost=None,
    statement=None,
    top_cascades=None,
    top_spreaders=None,
    negative=None,
    response=None,
    types=None,
    gaps=None,
    surges=None,
    topics=None,
) -> pd.DataFrame:
    """A short summary in words of the figures that matter for the post-mortem meeting.

    Every argument is the result of the matching function (``repost``: :func:`kit.tl.cascades.repost_share`,
    ``statement``: :func:`kit.tl.response.first_statement`, ``top_cascades``: :func:`kit.tl.cascades.cascades`,
    ``top_spreaders``: :func:`kit.tl.spreaders.spreaders`, ``negative``: :func:`kit.tl.timeline.negative_by_phase`,
    ``response``: :func:`kit.tl.response.response_periods`, ``types``: :func:`kit.tl.timeline.by_phase` on
    ``message_type``, ``gaps``: :func:`kit.tl.gaps.gaps`, ``surges``: :func:`kit.tl.episodes.surges`); those not given are skipped, and a figure that could not be computed from the data
    is said to be missing, not guessed.

    Parameters
    ----------
    timeline : DataFrame
        The one-row crisis timeline (:func:`kit.tl.timeline.anchor` of
        :func:`kit.tl.episodes.crisis_timeline` or :func:`kit.tl.surge.surge`).
    topics
        Keep only these topics of the summary (:data:`TOPICS`: ``timeline``, ``recovery``, ``gaps``,
        ``surges``, ``response``,
        ``care``, ``amplification``, ``cascades``, ``spreaders``, ``sentiment``, ``messages``): a section
        of the report can show its own sentences.

    Returns
    -------
    DataFrame
        ``topic, lesson``: one sentence each.

    Examples
    --------
    >>> import pandas as pd
    >>> t0 = pd.Timestamp("2026-03-09 10:00", tz="UTC")
    >>> timeline = pd.DataFrame([dict(onset=t0, peak=t0 + pd.Timedelta(hours=3), peak_value=50.0, baseline=2.0)])
    >>> lessons(timeline, statement=pd.DataFrame([dict(hours_to_statement=float("nan"))]))["topic"].tolist()
    ['timeline', 'recovery', 'response']
    """
    r = _row(timeline)
    rows = _timeline(r) + _recovery(r)
    if gaps is not None:
        rows += _gaps(r, gaps)
    if surges is not None:
        rows += _surges(r, surges)
    if statement is not None:
        rows += _response(r, statement)
    if response is not None:
        rows += _care(response)
    if repost is not None:
        rows += _amplification(repost)
    if top_cascades is not None:
        rows += _cascades(top_cascades)
    if top_spreaders is not None:
        rows += _spreaders(top_spreaders)
    if negative is not None:
        rows += _sentiment(negative)
    if types is not None:
        rows += _messages(types)
    out = pd.DataFrame(rows, columns=["topic", "lesson"])
    if topics is not None:
        out = out[out["topic"].isin(list(topics))].reset_index(drop=True)
    return out
