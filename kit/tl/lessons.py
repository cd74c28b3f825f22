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

from ._crisis import _hours, _row, _ts
from .timeline import PHASES

__all__ = ["TOPICS", "lessons"]

#: The topics of :func:`lessons`, in the order they are said.
TOPICS = (
    "timeline",
    "recovery",
    "response",
    "care",
    "amplification",
    "cascades",
    "spreaders",
    "sentiment",
    "messages",
)


def _fmt_hours(h: float) -> str:
    """A duration in hours in words: minutes below one hour, hours below two days, days after."""
    if h is None or not np.isfinite(h):
        return "unknown"
    if h < 1:
        return f"{h * 60:.0f} minutes"
    if h < 48:
        return f"{h:.1f} hours"
    return f"{h / 24:.1f} days"


def _timeline(r: dict) -> list[tuple[str, str]]:
    onset, peak = _ts(r.get("onset")), _ts(r.get("peak"))
    if onset is None:
        return [
            (
                "timeline",
                "No surge stood out from the baseline in this window: there is no onset, peak or recovery to report.",
            )
        ]
    base = r.get("baseline")
    src = " (the known start given as a parameter)" if str(r.get("onset_source", "")).startswith("known") else ""
    base_txt = f", from a baseline of {base:.1f} posts per period" if base is not None and pd.notna(base) else ""
    if peak is None:
        return [("timeline", f"The crisis started on {onset:%A %d %B %Y %H:%M} UTC{src}{base_txt}; no peak was found.")]
    rise = _hours(peak - onset)
    return [
        (
            "timeline",
            f"The crisis started on {onset:%A %d %B %Y %H:%M} UTC{src}{base_txt}, and peaked "
            f"{_fmt_hours(rise)} later ({peak:%d %B %H:%M} UTC, "
            f"{r.get('peak_value', float('nan')):.0f} posts in the period).",
        )
    ]


def _recovery(r: dict) -> list[tuple[str, str]]:
    onset = _ts(r.get("onset"))
    if onset is None:
        return []
    half = _hours(r.get("half_life"))
    halved = (
        f"After the peak the excess over the baseline halved in {_fmt_hours(half)} (half-life)"
        if np.isfinite(half)
        else "After the peak the excess over the baseline did not decline clearly enough to estimate a half-life"
    )
    back = _ts(r.get("back_to_baseline"))
    if back is not None:
        return [
            (
                "recovery",
                f"{halved} and volume was back to baseline {_fmt_hours(_hours(back - onset))} "
                f"after the onset ({back:%d %B %H:%M} UTC).",
            )
        ]
    sep = "," if np.isfinite(half) else ", and"
    but = " but" if np.isfinite(half) else ""
    return [("recovery", f"{halved}{sep}{but} volume had not returned to baseline by the end of the data.")]


def _response(r: dict, statement: pd.DataFrame) -> list[tuple[str, str]]:
    onset, peak = _ts(r.get("onset")), _ts(r.get("peak"))
    s = _row(statement) if len(statement) else {}
    if pd.notna(s.get("hours_to_statement", np.nan)):
        txt = (
            f"The brand's first statement came {_fmt_hours(s['hours_to_statement'])} after the onset "
            f"({_ts(s['first_statement']):%d %B %H:%M} UTC)"
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
            f"{int(rr.loc['before', 'cases']):,} questions and complaints before the crisis "
            f"(median {_fmt_hours(rr.loc['before', 'median_hours'])}) and "
            f"{rr.loc['during', 'response_rate']:.0%} of {int(rr.loc['during', 'cases']):,} "
            f"during it (median {_fmt_hours(rr.loc['during', 'median_hours'])}); the "
            "intervals in the table say whether the difference is more than noise.",
        )
    ]


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
    return [("sentiment", "Share of negative posts by phase: " + ", ".join(parts) + ".")]


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
    topics=None,
) -> pd.DataFrame:
    """A short summary in words of the figures that matter for the post-mortem meeting.

    Every argument is the result of the matching function (``repost``: :func:`kit.tl.cascades.repost_share`,
    ``statement``: :func:`kit.tl.response.first_statement`, ``top_cascades``: :func:`kit.tl.cascades.cascades`,
    ``top_spreaders``: :func:`kit.tl.spreaders.spreaders`, ``negative``: :func:`kit.tl.timeline.negative_by_phase`,
    ``response``: :func:`kit.tl.response.response_periods`, ``types``: :func:`kit.tl.timeline.by_phase` on
    ``message_type``); those not given are skipped, and a figure that could not be computed from the data
    is said to be missing, not guessed.

    Parameters
    ----------
    timeline : DataFrame
        The one-row surge result (:func:`kit.tl.timeline.anchor` of :func:`kit.tl.surge.surge`).
    topics
        Keep only these topics of the summary (:data:`TOPICS`: ``timeline``, ``recovery``, ``response``,
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
