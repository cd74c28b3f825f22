"""KPI definitions, in one place, with honest uncertainty.

Every figure the monitoring report shows is defined in :data:`DEFINITIONS` (printed in the
report's appendix) and computed by a function here or in the concept modules this module re-exports:
:mod:`kit.tl.mentions` (mentions, interactions, engagement rate), :mod:`kit.tl.share_of_voice`,
:mod:`kit.tl.net_sentiment`. Shares come with Wilson intervals; net
sentiment with the interval of the positive share among polar posts, transformed; message tests
with a test that respects that impressions of one post are not independent.

Message tests (A/B variants) are in :mod:`kit.tl.message_tests`, re-exported here.

>>> import pandas as pd
>>> posts = pd.DataFrame({"actor": ["Brand", "Brand", "Rival"], "actor_role": [None, None, None]})
>>> share_of_voice(posts, actors=["Brand", "Rival"])[["actor", "mentions"]].values.tolist()
[['Brand', 2], ['Rival', 1]]
"""

from __future__ import annotations

import numpy as np
import pandas as pd

from ..format import clock
from .mentions import INTERACTIONS, OWN_ROLES, engagement_rate, interactions, mentions
from .net_sentiment import net_sentiment, net_sentiment_over_time
from .share_of_voice import share_of_voice, share_over_time

__all__ = [
    "INTERACTIONS",
    "OWN_ROLES",
    "DEFINITIONS",
    "definitions",
    "mentions",
    "interactions",
    "share_of_voice",
    "share_over_time",
    "kpi_series",
    "complete_periods",
    "net_sentiment",
    "net_sentiment_over_time",
    "engagement_rate",
    "headline",
    "compare_periods",
]


DEFINITIONS: dict[str, str] = {
    "mentions": "Posts about a tracked actor that the actor did not publish itself (its own accounts, "
    "with role brand, competitor or media, and employee accounts are left out: employee advocacy "
    "has its own section).",
    "unique authors": "Distinct author handles (or ids when handles are missing) among the mentions.",
    "reach": "Sum of the reach column where the export gives it; otherwise the sum of the authors' followers "
    "(potential reach, an upper bound).",
    "engagement": "Interactions received: likes + shares + comments + quotes (missing counts as 0).",
    "engagement rate": "Interactions / views over posts that report views; posts without views are left out. "
    "Where no post reports views: interactions / followers of the author.",
    "share of voice": "An actor's mentions / mentions of all the named actors in the same period, "
    "with a 95 % Wilson interval.",
    "net sentiment": "(positive - negative) / (positive + negative) among mentions; neutral posts do not count. "
    "Interval: the Wilson interval of positive / (positive + negative), mapped to [-1, 1].",
    "change between periods": "The current period against the previous one of the same length, judged by a "
    "test of the difference: counts (mentions, unique authors) by a Poisson rate test (E-test), shares (share "
    "of voice; the positive share among polar posts behind net sentiment) by a two-proportion score test; "
    "significant: p < 0.05. Sums of interactions, reach and rates are not tested. An actor with no mention "
    "in one period after at least 10 in the other is a likely collection gap, never a significant change "
    "(kit.tl.period_change).",
    "message test": "Engagement rate per variant; variants compared with a quasi-binomial GLM on post-level "
    "interactions and views (over-dispersion estimated from the posts, so one viral post does "
    "not make a winner); Holm correction when more than two variants; minimum detectable "
    "effect at 80 % power for the sample at hand.",
    "audience overlap": "For two actors, the authors who mention both; Jaccard = shared authors / authors of "
    "either (kit.tl.audience.overlap).",
    "crossroads author": "An author who mentions at least two of the named actors.",
    "influencer tier": "By the author's follower count: regular < 1k, nano 1k-10k, micro 10k-100k, "
    "macro 100k-1M, mega 1M+.",
    "influencer reach": "Views of the author's posts where the export gives them, else the author's followers, "
    "summed over the posts (potential reach).",
    "employee advocacy": "Posts by the listed employee handles (originals, and reshares = reposts + quotes), "
    "their reach and the interactions they earned, next to the brand's own accounts.",
    "care case": "A post about the brand, or a reply to one of its posts, by someone other than the brand, "
    "not a repost, whose intent (detected by kit.tl.intent, or from a column a team labelled) is "
    "a question or a complaint (kit.tl.care.cases).",
    "response rate": "Cases with a reply from one of the brand's accounts / cases, with a 95 % Wilson interval.",
    "time to first response": "Hours from the case to the brand's earliest reply to it; median and 90th "
    "percentile over answered cases, with 95 % bootstrap intervals.",
    "open case": "A case without a reply, older than the threshold (parameter open_after_hours) at the "
    "last post in the data.",
}


def definitions() -> pd.DataFrame:
    """The metric definitions as a table for a report's appendix.

    Returns
    -------
    DataFrame
        ``metric, definition``, one row per entry of :data:`DEFINITIONS`.

    Examples
    --------
    >>> "share of voice" in set(definitions()["metric"])
    True
    """
    return pd.DataFrame({"metric": list(DEFINITIONS), "definition": list(DEFINITIONS.values())})


def kpi_series(
    posts: pd.DataFrame, *, brand: str, freq: str = "W", sentiment: str | None = "sentiment", covered_until=None
) -> pd.DataFrame:
    """The brand's KPIs per period, for alerts: ``period, mentions, authors, engagement, negative, polar``
    (``negative`` and ``polar`` = negative + positive, when sentiment is known).

    A last period the data does not cover to its end (an export that stops mid-week) would look like a
    drop: it is left out, and ``attrs["incomplete"]`` names it. Coverage ends at ``covered_until``
    (e.g. the report's ``end``) or, by default, at the last post of ``posts``.

    Parameters
    ----------
    posts
        The post table (with a ``sentiment`` column when ``sentiment`` is given).
    brand
        The brand's ``actor`` value.
    freq
        Period: ``"H"``, ``"D"``, ``"W"`` or ``"M"``.
    sentiment
        Sentiment column (None: no ``negative``/``polar`` columns).
    covered_until
        Where the data's coverage ends (default: the last post).

    Returns
    -------
    DataFrame
        One row per complete period; ``attrs["incomplete"]`` and ``attrs["note"]`` say what was left out.

    Examples
    --------
    >>> import pandas as pd
    >>> posts = pd.DataFrame({
    ...     "actor": ["Brand", "Brand", "Brand", "Rival"], "actor_role": [None, None, "brand", None],
    ...     "sentiment": ["positive", "negative", "positive", "neutral"],
    ...     "likes": [3, 1, 50, 2], "shares": [0, 0, 5, 0], "comments": [1, 0, 0, 0], "quotes": [0, 0, 0, 0],
    ...     "views": [100.0, 100.0, 1000.0, None], "author_followers": [50.0, 50.0, 9000.0, 10.0],
    ...     "author_handle": ["a", "b", "brand", "c"], "author_id": ["1", "2", "3", "4"], "reach": [None] * 4,
    ...     "created_at": pd.to_datetime(["2024-05-06", "2024-05-07", "2024-05-07", "2024-05-14"], utc=True)})
    >>> kpi_series(posts, brand="Brand", freq="D", covered_until="2024-05-08")[["mentions", "negative"]].values.tolist()
    [[1, 0], [1, 1]]
    """
    out = _kpi_series(posts, brand=brand, freq=freq, sentiment=sentiment)
    until = posts["created_at"].max() if covered_until is None else covered_until
    return complete_periods(out, freq=freq, until=until)


def complete_periods(series: pd.DataFrame, *, freq: str, until) -> pd.DataFrame:
    """A KPI series finished for alerts: periods of 0 after the last mention while the data goes on, the last
    period left out when the data stops before its end (``attrs["freq"]``, ``attrs["incomplete"]``, ``attrs["note"]``).

    The last step of :func:`kpi_series`, shared with :func:`kit.cluster.aggregate.kpi_series` (counts added up on a
    cluster).

    Parameters
    ----------
    series
        ``period`` (UTC period starts, in order, gaps filled) and count columns.
    freq
        Period: ``"H"``, ``"D"``, ``"W"`` or ``"M"``.
    until
        Where the data's coverage ends (a naive time is UTC).

    Returns
    -------
    DataFrame

    Examples
    --------
    >>> s = pd.DataFrame({"period": pd.to_datetime(["2024-05-06", "2024-05-13"], utc=True), "mentions": [4, 2]})
    >>> out = complete_periods(s, freq="W", until="2024-05-30")
    >>> out["mentions"].tolist(), out.attrs["incomplete"]
    ([4, 2, 0], '2024-05-27T00:00:00+00:00')
    """
    out = series
    out.attrs["freq"] = freq
    out.attrs["incomplete"] = None
    out.attrs["note"] = "Every period in the series is covered by the data to its end."
    if out.empty:
        out.attrs["note"] = "No mention of the brand in the data: no series to watch."
        return out
    from .overview import FREQS

    def following(t: pd.Timestamp) -> pd.Timestamp:
        if freq in ("W", "M"):
            return t + (pd.DateOffset(weeks=1) if freq == "W" else pd.DateOffset(months=1))
        return t + pd.tseries.frequencies.to_offset(FREQS[freq])

    until = pd.Timestamp(until)
    if until.tzinfo is None:
        until = until.tz_localize("UTC")
    tail, t = [], following(pd.Timestamp(out["period"].iloc[-1]))
    while t < until:  # the data goes on, the brand's mentions stopped: those periods count 0, not nothing
        tail.append(t)
        t = following(t)
    if tail:
        zeros = pd.DataFrame({c: 0 for c in out.columns if c != "period"} | {"period": tail})[list(out.columns)]
        out = pd.concat([out, zeros.astype(out.dtypes.to_dict())], ignore_index=True)
        out.attrs.update(
            {"freq": freq, "incomplete": None, "note": "Every period in the series is covered by the data to its end."}
        )
    last = pd.Timestamp(out["period"].iloc[-1])
    period_end = following(last)
    length = period_end - last
    if until < period_end - 0.05 * length:
        out = out.iloc[:-1].reset_index(drop=True)
        out.attrs["incomplete"] = last.isoformat()
        out.attrs["note"] = (
            f"The period starting {last:%Y-%m-%d %H:%M} is left out of the series and the alerts: "
            f"the data stops at {clock(until, '%Y-%m-%d %H:%M')}, before it ends, so its counts would "
            f"look like a drop."
        )
    return out


def _kpi_series(posts: pd.DataFrame, *, brand: str, freq: str, sentiment: str | None) -> pd.DataFrame:
    from .overview import volume

    m = mentions(posts, actors=[brand])
    base = volume(m, freq=freq, by=None).rename(columns={"posts": "mentions"})
    if base.empty:
        columns = ["period", "mentions", "authors", "engagement"] + (
            ["negative", "polar"] if sentiment and sentiment in m.columns else []
        )
        return pd.DataFrame({c: pd.Series(dtype="datetime64[ns, UTC]" if c == "period" else "int64") for c in columns})
    period = m["created_at"].dt.tz_convert("UTC").dt.tz_localize(None)
    from .overview import _PERIODS, FREQS

    stamp = period.dt.to_period(_PERIODS[freq]).dt.start_time if freq in _PERIODS else period.dt.floor(FREQS[freq])
    stamp = stamp.dt.tz_localize("UTC")
    grouped = m.assign(
        period=stamp.to_numpy(),
        engagement=interactions(m).to_numpy(),
        author=m["author_handle"].fillna(m["author_id"]).to_numpy(),
    )
    extra = grouped.groupby("period").agg(authors=("author", "nunique"), engagement=("engagement", "sum"))
    if sentiment and sentiment in m.columns:
        labels = grouped[sentiment].astype("string")
        extra["negative"] = (labels == "negative").groupby(grouped["period"]).sum()
        extra["polar"] = labels.isin(["negative", "positive"]).groupby(grouped["period"]).sum()
    return base.merge(extra.reset_index(), on="period", how="left").fillna(0)


def _known(m: pd.DataFrame, column: str):
    """The column when the export carries it (at least one known value), else None."""
    return m[column] if column in m.columns and m[column].notna().any() else None


def _authors(m: pd.DataFrame):
    """Distinct authors (handle, else id); NaN when the mentions carry no author at all (unknown, not 0)."""
    keys = [m[c] for c in ("author_handle", "author_id") if c in m.columns]
    if not keys:
        return np.nan if len(m) else 0
    author = keys[0] if len(keys) == 1 else keys[0].fillna(keys[1])
    return int(author.nunique()) if author.notna().any() or not len(m) else np.nan


def headline(posts: pd.DataFrame, *, brand: str, competitors=(), sentiment: str | None = "sentiment") -> dict:
    """The headline KPIs of one period for ``brand`` (a dict of metric -> value, interval where it is a share).

    Parameters
    ----------
    posts
        The post table of the period.
    brand
        The brand's ``actor`` value.
    competitors
        The competitors' ``actor`` values (for the share of voice).
    sentiment
        Sentiment column (None: no net sentiment).

    Returns
    -------
    dict
        ``mentions``, ``unique authors``, ``reach``, ``engagement``, ``engagement rate``, and
        ``(value, low, high)`` tuples for ``share of voice`` and ``net sentiment``.

    Examples
    --------
    >>> import pandas as pd
    >>> posts = pd.DataFrame({
    ...     "actor": ["Brand", "Brand", "Brand", "Rival"], "actor_role": [None, None, "brand", None],
    ...     "sentiment": ["positive", "negative", "positive", "neutral"],
    ...     "likes": [3, 1, 50, 2], "shares": [0, 0, 5, 0], "comments": [1, 0, 0, 0], "quotes": [0, 0, 0, 0],
    ...     "views": [100.0, 100.0, 1000.0, None], "author_followers": [50.0, 50.0, 9000.0, 10.0],
    ...     "author_handle": ["a", "b", "brand", "c"], "author_id": ["1", "2", "3", "4"], "reach": [None] * 4,
    ...     "created_at": pd.to_datetime(["2024-05-06", "2024-05-07", "2024-05-07", "2024-05-14"], utc=True)})
    >>> h = headline(posts, brand="Brand", competitors=["Rival"])
    >>> h["mentions"], h["engagement"], round(h["share of voice"][0], 3)
    (2, 5, 0.667)
    """
    actors = [brand, *competitors]
    m = mentions(posts, actors=[brand])
    reach, followers = _known(m, "reach"), _known(m, "author_followers")
    if reach is not None:
        reach = float(reach.sum())
    elif followers is not None:
        reach = float(followers.fillna(0).sum())
    else:
        reach = np.nan if len(m) else 0.0  # the export carries neither reach nor followers: unknown, not zero
    counted = [c for c in INTERACTIONS if _known(m, c) is not None]
    out = {
        "mentions": len(m),
        "unique authors": _authors(m),
        "reach": reach,
        "engagement": int(m[counted].fillna(0).sum(axis=1).sum()) if counted else (np.nan if len(m) else 0),
        "engagement rate": engagement_rate(m)["rate"]
        if counted and {"views", "author_followers"} <= set(m)
        else np.nan,
    }
    sov = share_of_voice(posts, actors=actors).set_index("actor").loc[brand]
    out["share of voice"] = (float(sov["share"]), float(sov["low"]), float(sov["high"]))
    if sentiment and sentiment in posts.columns:
        ns = net_sentiment(m, by=None, sentiment=sentiment)
        out["net sentiment"] = (
            (float(ns["net"].iloc[0]), float(ns["low"].iloc[0]), float(ns["high"].iloc[0]))
            if len(ns)
            else (np.nan, np.nan, np.nan)
        )
    return out


def compare_periods(
    current: pd.DataFrame, previous: pd.DataFrame, *, brand: str, competitors=(), sentiment: str | None = "sentiment"
) -> pd.DataFrame:
    """Headline KPIs for two periods side by side, each change judged by a test of the difference.

    Counts by a Poisson rate test, shares by a two-proportion test, with their p-values; an actor with no
    mention in one period after many in the other is flagged as a likely collection gap, not a fall
    (:func:`kit.tl.period_change.compare_periods`, which this calls).

    Parameters
    ----------
    current, previous
        The post tables of the two periods.
    brand, competitors, sentiment
        As in :func:`headline`.

    Returns
    -------
    DataFrame
        ``metric, current, previous, change, relative_change, low, high, test, p_value, significant, note``.

    Examples
    --------
    >>> import pandas as pd
    >>> posts = pd.DataFrame({
    ...     "actor": ["Brand", "Brand", "Brand", "Rival"], "actor_role": [None, None, "brand", None],
    ...     "sentiment": ["positive", "negative", "positive", "neutral"],
    ...     "likes": [3, 1, 50, 2], "shares": [0, 0, 5, 0], "comments": [1, 0, 0, 0], "quotes": [0, 0, 0, 0],
    ...     "views": [100.0, 100.0, 1000.0, None], "author_followers": [50.0, 50.0, 9000.0, 10.0],
    ...     "author_handle": ["a", "b", "brand", "c"], "author_id": ["1", "2", "3", "4"], "reach": [None] * 4,
    ...     "created_at": pd.to_datetime(["2024-05-06", "2024-05-07", "2024-05-07", "2024-05-14"], utc=True)})
    >>> table = compare_periods(posts, posts.iloc[[0]], brand="Brand", competitors=["Rival"]).set_index("metric")
    >>> int(table.loc["mentions", "change"]), bool(table.loc["mentions", "significant"])
    (1, False)
    """
    from .period_change import compare_periods as compare

    return compare(current, previous, brand=brand, competitors=competitors, sentiment=sentiment)


def __getattr__(name):  # message_test(s) moved to kit.tl.message_tests; re-exported for the old path
    if name in ("message_test", "message_tests"):
        from . import message_tests

        return getattr(message_tests, name)
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
