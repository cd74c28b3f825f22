"""The crisis timeline: the surge result anchored, cut into phases, and what is measured per phase.

The timeline itself (baseline, onset, peak, half-life, back to baseline) comes from
:func:`kit.tl.surge.surge` (``kit.tl.signals.surge``), the one spike/baseline implementation shared with
monitoring; the functions here take its one-row result (``timeline``) and cut the posts into phases with it.

Phases (:func:`phase_spans`): ``before`` (before the onset), ``rise`` (onset to peak), ``peak`` (the
peak period to one half-life after it), ``decline`` (to the return to baseline), ``after``.

>>> import pandas as pd
>>> t0 = pd.Timestamp("2026-03-09", tz="UTC")
>>> timeline = pd.DataFrame([dict(onset=t0 + pd.Timedelta(hours=10), peak=t0 + pd.Timedelta(hours=13),
...                               half_life=pd.Timedelta(hours=4), back_to_baseline=t0 + pd.Timedelta(hours=30))])
>>> phase_spans(timeline)["phase"].tolist()
['before', 'rise', 'peak', 'decline', 'after']
>>> posts = pd.DataFrame({"created_at": [t0 + pd.Timedelta(hours=h) for h in (1, 11, 14, 20, 40)],
...                       "sentiment": ["neutral", "negative", "negative", "neutral", "neutral"]})
>>> phases(posts, timeline)["phase"].astype(str).tolist()
['before', 'rise', 'peak', 'decline', 'after']
"""

from __future__ import annotations

import math

import numpy as np
import pandas as pd

from kit._stats import wilson

from ._crisis import _TIME, _handles, _row, _ts
from .kinds import kinds, with_text
from .metrics import INTERACTIONS, interactions
from .spreaders import account_types

__all__ = [
    "PHASES",
    "anchor",
    "during",
    "phase_spans",
    "phases",
    "by_phase",
    "negative_share",
    "negative_by_phase",
    "key_moments",
]

PHASES = ("before", "rise", "peak", "decline", "after")


def anchor(timeline, *, known_start=None) -> pd.DataFrame:
    """The timeline the rest of the report measures from: ``timeline`` itself, or with ``onset`` set to a
    ``known_start`` the team gives.

    Parameters
    ----------
    timeline : DataFrame, Series or dict
        The one-row result of :func:`kit.tl.surge.surge`.
    known_start : str, Timestamp or None
        When the crisis is known to have started; ``None`` (or NaN) keeps the detected onset.

    Returns
    -------
    DataFrame
        ``timeline`` with ``detected_onset`` (the onset found) and ``onset_source`` ("detected" or
        "known start (parameter)"); with a known start, ``onset`` and ``time_to_peak`` follow it.

    Examples
    --------
    >>> import pandas as pd
    >>> t = pd.DataFrame([dict(onset=pd.Timestamp("2026-03-09 14:00", tz="UTC"),
    ...                        peak=pd.Timestamp("2026-03-09 18:00", tz="UTC"))])
    >>> out = anchor(t, known_start="2026-03-09T12:00Z").iloc[0]
    >>> out["onset_source"], str(out["time_to_peak"])
    ('known start (parameter)', '0 days 06:00:00')
    """
    out = timeline.copy() if isinstance(timeline, pd.DataFrame) else pd.DataFrame([dict(timeline)])
    out["detected_onset"] = out["onset"]
    out["onset_source"] = "detected"
    if known_start is not None and not (isinstance(known_start, float) and math.isnan(known_start)):
        out["onset"] = pd.Series([_ts(known_start)] * len(out), dtype=out["detected_onset"].dtype, index=out.index)
        out["onset_source"] = "known start (parameter)"
        if "peak" in out.columns:
            out["time_to_peak"] = pd.to_timedelta(out["peak"] - out["onset"])
    return out


def during(posts: pd.DataFrame, timeline, *, drop_reposts: bool = False, time: str = _TIME) -> pd.DataFrame:
    """The posts from the onset to the return to baseline: everything said while the crisis lasted, not only
    the posts matching its terms (cascades and spreaders are counted on these).

    Parameters
    ----------
    posts : DataFrame
    timeline : DataFrame, Series or dict
        The one-row surge result (:func:`anchor`). Without a return to baseline the window runs to
        ``measured_until`` (a gap or a new surge) when given, else to the end of the data; without an onset
        it is the whole of ``posts``.
    drop_reposts : bool
        Leave reposts out (they repeat a text already there: topics are fitted without them).
    time : str
        The time column.

    Returns
    -------
    DataFrame
        The rows of ``posts`` in the window, index reset.

    Examples
    --------
    >>> import pandas as pd
    >>> t0 = pd.Timestamp("2026-03-09", tz="UTC")
    >>> posts = pd.DataFrame({"created_at": [t0 + pd.Timedelta(hours=h) for h in (1, 5, 9)], "text": ["a", "b", "c"]})
    >>> len(during(posts, dict(onset=t0 + pd.Timedelta(hours=4), back_to_baseline=t0 + pd.Timedelta(hours=8))))
    1
    """
    r = _row(timeline)
    onset, back = _ts(r.get("onset")), _ts(r.get("back_to_baseline"))
    if back is None:  # stopped by a gap in the collection or a new surge: the window ends there
        back = _ts(r.get("measured_until"))
    m = np.ones(len(posts), dtype=bool)
    if onset is None:  # nothing stood out: the whole window is all there is to describe
        if drop_reposts:
            m = m & (kinds(posts) != "repost").to_numpy(bool)
        return posts.loc[m].reset_index(drop=True)
    m = m & (posts[time] >= onset).to_numpy(bool)
    if back is not None:
        m = m & (posts[time] < back).to_numpy(bool)
    if drop_reposts:
        m = m & (kinds(posts) != "repost").to_numpy(bool)
    return posts.loc[m].reset_index(drop=True)


def phase_spans(timeline, *, start=None, end=None) -> pd.DataFrame:
    """The phases of a surge as time spans.

    Parameters
    ----------
    timeline : DataFrame
        The one-row result of :func:`kit.tl.signals.surge` on a time series.
    start, end
        Where the ``before`` and ``after`` phases begin and end (default: open).

    Returns
    -------
    DataFrame
        ``phase, start, end`` (``start <= t < end``), only the phases that exist: no onset found gives
        one ``before`` row covering everything; no return to baseline leaves ``after`` out, and when the
        timeline says where measuring stopped (``measured_until``: a gap in the collection or a new
        surge), the decline ends there.

    Examples
    --------
    >>> import pandas as pd
    >>> t0 = pd.Timestamp("2026-03-09", tz="UTC")
    >>> spans = phase_spans(dict(onset=t0, peak=t0 + pd.Timedelta(hours=2), half_life=pd.Timedelta(hours=1)))
    >>> spans["phase"].tolist(), str(spans["end"].iloc[2])
    (['before', 'rise', 'peak', 'decline'], '2026-03-09 03:00:00+00:00')
    """
    r = _row(timeline)
    lo, hi = _ts(start), _ts(end)
    onset, peak = _ts(r.get("onset")), _ts(r.get("peak"))
    back = _ts(r.get("back_to_baseline"))
    until = _ts(r.get("measured_until")) if back is None else None  # a gap or a new surge cut the decline
    half = r.get("half_life")
    rows = []
    if onset is None or peak is None:
        rows.append(("before", lo, hi))
    else:
        peak_end = peak + (pd.Timedelta(half) if half is not None and pd.notna(half) else pd.Timedelta(0))
        if back is not None:
            peak_end = min(peak_end, back)
        rows += [("before", lo, onset), ("rise", onset, peak), ("peak", peak, max(peak_end, peak))]
        if until is not None:
            peak_end = min(peak_end, until)
        rows.append(("decline", max(peak_end, peak), back if back is not None else (until or hi)))
        if back is not None:
            rows.append(("after", back, hi))
    out = pd.DataFrame(rows, columns=["phase", "start", "end"])
    out = out[
        [
            not (a is not None and b is not None and pd.notna(a) and pd.notna(b) and b <= a)
            for a, b in zip(out["start"], out["end"])
        ]
    ]
    for c in ("start", "end"):
        out[c] = pd.to_datetime(out[c], utc=True)
    return out.reset_index(drop=True)


def phases(posts: pd.DataFrame, timeline, *, time: str = _TIME) -> pd.DataFrame:
    """A copy of ``posts`` with the phase of each post.

    Parameters
    ----------
    posts : DataFrame
    timeline : DataFrame, Series or dict
        The one-row surge result (see :func:`phase_spans`).
    time : str
        The time column.

    Returns
    -------
    DataFrame
        ``posts`` with a ``phase`` column (ordered categorical: before, rise, peak, decline, after; NA
        outside every span).

    Examples
    --------
    >>> import pandas as pd
    >>> t0 = pd.Timestamp("2026-03-09", tz="UTC")
    >>> posts = pd.DataFrame({"created_at": [t0, t0 + pd.Timedelta(hours=3)]})
    >>> phases(posts, dict(onset=t0 + pd.Timedelta(hours=1), peak=t0 + pd.Timedelta(hours=5)))["phase"].tolist()
    ['before', 'rise']
    """
    spans = phase_spans(timeline)
    t = posts[time]
    phase = pd.Series(pd.NA, index=posts.index, dtype="object")
    for _, s in spans.iterrows():
        m = np.ones(len(posts), dtype=bool)
        if pd.notna(s["start"]):
            m = m & (t >= s["start"]).to_numpy(bool)
        if pd.notna(s["end"]):
            m = m & (t < s["end"]).to_numpy(bool)
        phase[m] = s["phase"]
    out = posts.copy()
    out["phase"] = pd.Categorical(phase, categories=list(PHASES), ordered=True)
    return out


def by_phase(posts: pd.DataFrame, column: str, *, phase: str = "phase", level: float = 0.95) -> pd.DataFrame:
    """Posts and share of each value of ``column`` (sentiment, emotion, message type...) per phase, with
    Wilson intervals.

    Parameters
    ----------
    posts : DataFrame
        Posts with a phase column (:func:`phases`) and ``column``.
    column : str
        The values to count (missing ones count as "(none)").
    phase : str
        The phase column.
    level : float
        Coverage of the Wilson intervals.

    Returns
    -------
    DataFrame
        ``phase, <column>, posts, total, share, low, high``, phases in order and values by posts;
        phases without posts are left out.

    Examples
    --------
    >>> import pandas as pd
    >>> posts = pd.DataFrame({"phase": ["rise", "rise", "peak"], "emotion": ["anger", "fear", "anger"]})
    >>> by_phase(posts, "emotion")[["phase", "emotion", "share"]].values.tolist()
    [['rise', 'anger', 0.5], ['rise', 'fear', 0.5], ['peak', 'anger', 1.0]]
    """
    if phase not in posts.columns:
        raise ValueError(f"no {phase!r} column: add one with crisis.phases(posts, timeline)")
    values = posts[column].astype("string").fillna("(none)")
    counts = posts.assign(_v=values).groupby([phase, "_v"], observed=True).size().rename("posts").reset_index()
    counts = counts.rename(columns={"_v": column})
    counts = counts[counts["posts"] > 0]
    counts["total"] = counts.groupby(phase, observed=True)["posts"].transform("sum")
    counts["share"] = counts["posts"] / counts["total"]
    lo, hi = wilson(counts["posts"].to_numpy(), counts["total"].to_numpy(), level)
    counts["low"], counts["high"] = lo, hi
    counts[phase] = counts[phase].astype(str)
    order = {p: i for i, p in enumerate(PHASES)}
    return counts.sort_values(
        [phase, "posts"], key=lambda s: s.map(order) if s.name == phase else -s, kind="stable"
    ).reset_index(drop=True)


def negative_share(
    posts: pd.DataFrame,
    *,
    freq: str = "H",
    start=None,
    end=None,
    sentiment: str = "sentiment",
    min_posts: int = 1,
    level: float = 0.95,
) -> pd.DataFrame:
    """Share of negative posts per period, with Wilson intervals.

    Parameters
    ----------
    posts : DataFrame
        Posts with a ``sentiment`` column (``kit.tl.sentiment.score``); scored here when it is missing.
    freq, start, end
        As in :func:`kit.tl.volume` (give the whole window so quiet periods count as zero posts).
    min_posts
        Periods with fewer posts get no share (NaN): at night one negative post out of one is a share of
        100 % and would read as a change point.

    Returns
    -------
    DataFrame
        ``period, posts, negative, share, low, high``: ``share`` is NaN in periods without posts. The
        ``negative`` column is a count, ready for :func:`kit.tl.changepoints.bursts` with ``total="posts"``
        and for :func:`kit.tl.changepoints.change_points` on ``share``.

    Examples
    --------
    >>> import pandas as pd
    >>> t0 = pd.Timestamp("2026-03-09", tz="UTC")
    >>> posts = pd.DataFrame({"created_at": [t0, t0, t0 + pd.Timedelta(hours=2)],
    ...                       "sentiment": ["negative", "neutral", "negative"]})
    >>> negative_share(posts, freq="H")[["posts", "negative", "share"]].values.tolist()
    [[2.0, 1.0, 0.5], [0.0, 0.0, nan], [1.0, 1.0, 1.0]]
    """
    from .overview import volume

    scored = posts
    if sentiment not in posts.columns:
        from .sentiment import score

        scored = score(posts)
        sentiment = "sentiment"
    neg = (scored[sentiment].astype("string") == "negative").fillna(False).to_numpy(bool)
    total = volume(scored, freq=freq, by=None, start=start, end=end)
    negative = volume(
        scored.loc[neg],
        freq=freq,
        by=None,
        start=total["period"].min() if len(total) else start,
        end=(total["period"].max() + pd.Timedelta(seconds=1)) if len(total) else end,
    )
    out = total.merge(negative.rename(columns={"posts": "negative"}), on="period", how="left")
    out["negative"] = out["negative"].fillna(0).astype("int64")
    out["posts"] = out["posts"].astype("int64")
    enough = out["posts"] >= max(min_posts, 1)
    out["share"] = np.where(enough, out["negative"] / out["posts"].where(out["posts"] > 0, 1), np.nan)
    lo, hi = wilson(out["negative"].to_numpy(), out["posts"].to_numpy(), level)
    out["low"], out["high"] = lo, hi
    return out[["period", "posts", "negative", "share", "low", "high"]]


def negative_by_phase(posts: pd.DataFrame, *, sentiment: str = "sentiment", level: float = 0.95) -> pd.DataFrame:
    """Share of negative posts per phase, with Wilson intervals.

    Parameters
    ----------
    posts : DataFrame
        Posts carrying ``phase`` (:func:`phases`) and ``sentiment``.
    sentiment : str
        The sentiment column ("negative" counts).
    level : float
        Coverage of the Wilson intervals.

    Returns
    -------
    DataFrame
        ``phase, posts, negative, share, low, high``; phases without posts are left out.

    Examples
    --------
    >>> import pandas as pd
    >>> posts = pd.DataFrame({"phase": pd.Categorical(["before", "peak", "peak"], categories=PHASES, ordered=True),
    ...                       "sentiment": ["neutral", "negative", "neutral"]})
    >>> negative_by_phase(posts)[["phase", "share"]].values.tolist()
    [['before', 0.0], ['peak', 0.5]]
    """
    neg = (posts[sentiment].astype("string") == "negative").fillna(False)
    g = posts.assign(_n=neg.astype(int)).groupby("phase", observed=True)
    out = pd.DataFrame({"posts": g.size(), "negative": g["_n"].sum()}).reset_index()
    out = out[out["posts"] > 0]
    out["phase"] = out["phase"].astype(str)
    out["share"] = out["negative"] / out["posts"]
    lo, hi = wilson(out["negative"].to_numpy(), out["posts"].to_numpy(), level)
    out["low"], out["high"] = lo, hi
    return out.reset_index(drop=True)


def key_moments(
    posts: pd.DataFrame,
    timeline,
    *,
    brand_handles=None,
    top_cascades=None,
    n_cascades: int = 3,
    statement=None,
    label: str | None = None,
) -> pd.DataFrame:
    """The moments to annotate on the timeline: onset, peak, return to baseline, the first post at or
    after the onset, the first post by a media account, the most engaged post of the crisis window
    (onset to return to baseline, or all posts without an onset), the origins of the largest cascades
    and the brand's first statement.

    Parameters
    ----------
    posts
        The crisis posts (e.g. the posts matching the terms, or :func:`during`).
    top_cascades
        :func:`kit.tl.cascades.cascades` result; its first ``n_cascades`` origins are marked.
    statement
        :func:`kit.tl.response.first_statement` result: the brand's first statement is marked.

    Returns
    -------
    DataFrame
        ``moment, time, who, text`` sorted by time (``who`` and ``text`` NA for the timeline's own points).

    Examples
    --------
    >>> import pandas as pd
    >>> t0 = pd.Timestamp("2026-03-09", tz="UTC")
    >>> posts = pd.DataFrame({"post_id": ["a", "b"], "created_at": [t0 + pd.Timedelta(hours=h) for h in (1, 3)],
    ...                       "author_handle": ["alice", "dailynews"], "text": ["charged twice", "Customers charged"]})
    >>> key_moments(posts, dict(onset=t0 + pd.Timedelta(hours=1), peak=t0 + pd.Timedelta(hours=3)))["moment"].tolist()
    ['onset', 'first post after the onset', 'peak', 'first media post']
    """
    r = _row(timeline)
    onset = _ts(r.get("onset"))
    rows = []
    for name, key in (("onset", "onset"), ("peak", "peak"), ("back to baseline", "back_to_baseline")):
        if _ts(r.get(key)) is not None:
            rows.append((name, _ts(r.get(key)), pd.NA, pd.NA))
    if onset is not None and len(posts):
        after = posts[(posts[_TIME] >= onset).to_numpy(bool)].sort_values(_TIME, kind="stable")
        if "text" in after.columns:
            after = with_text(after)  # id-only rows say nothing about what happened
        handle = "author_handle" if "author_handle" in after.columns else "author_id"
        if len(after):
            f = after.iloc[0]
            rows.append(("first post after the onset", f[_TIME], f[handle], f.get("text", pd.NA)))
            types = account_types(after, brand_handles=brand_handles, label=label)
            media = set(types.loc[types["account_type"] == "media", "author_handle"])
            m = after[after[handle].astype("string").isin(media).fillna(False).to_numpy(bool)]
            if len(m):
                f = m.iloc[0]
                rows.append(("first media post", f[_TIME], f[handle], f.get("text", pd.NA)))
    window = posts
    if onset is not None:
        back = _ts(r.get("back_to_baseline"))
        t = posts[_TIME]
        window = posts[((t >= onset) & (t < back) if back is not None else (t >= onset)).to_numpy(bool)]
    if "text" in window.columns and len(window) and set(INTERACTIONS) & set(window.columns):
        window = with_text(window)
        counts = interactions(window.reindex(columns=list(INTERACTIONS)))
        if len(counts) and counts.max() > 0:
            handle = "author_handle" if "author_handle" in window.columns else "author_id"
            f = window.loc[counts.idxmax()]
            rows.append(
                (f"most engaged post ({int(counts.max()):,} interactions)", f[_TIME], f.get(handle, pd.NA), f["text"])
            )
    if statement is not None and len(statement):
        st = _row(statement)
        if _ts(st.get("first_statement")) is not None:
            rows.append(
                (
                    "brand's first statement",
                    _ts(st["first_statement"]),
                    ", ".join(sorted(_handles(brand_handles))) or pd.NA,
                    st.get("statement_text"),
                )
            )
    if top_cascades is not None and len(top_cascades):
        for i, c in top_cascades.head(n_cascades).reset_index(drop=True).iterrows():
            if pd.notna(c[_TIME]):
                rows.append(
                    (
                        f"cascade #{i + 1} starts ({int(c['size'])} reposts and quotes)",
                        c[_TIME],
                        c["author_handle"],
                        c["text"],
                    )
                )
    out = pd.DataFrame(rows, columns=["moment", "time", "who", "text"])
    out["time"] = pd.to_datetime(out["time"], utc=True)
    return out.sort_values("time", kind="stable").reset_index(drop=True)
