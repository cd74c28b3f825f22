"""How topics move: posts per topic over time and by group, emerging topics, how a topic started.

All take the posts and a fitted :class:`~kit.tl._topic_model.Topics` (:func:`kit.tl.topics.fit`).

>>> import pandas as pd
>>> from kit.tl._topic_model import Topics
>>> posts = pd.DataFrame({"post_id": ["a", "b", "c"], "actor": ["X", "X", "Y"]})
>>> result = Topics.from_assignments(posts["post_id"], [0, 1, 1], labels={0: "prix", 1: "retard"})
>>> by_group(posts, result, by="actor")[["topic", "actor", "posts"]].values.tolist()
[[0, 'X', 1], [1, 'X', 1], [1, 'Y', 1]]
"""

from __future__ import annotations

import numpy as np
import pandas as pd

from .._stats import adjust_p
from ._topic_model import OUTLIER, Topics, _joined, _with_topic

__all__ = ["over_time", "by_group", "emerging", "first_posts"]


def over_time(posts: pd.DataFrame, result: Topics, *, freq: str = "W", time: str = "created_at") -> pd.DataFrame:
    """Posts and share of posts per topic and period (tidy: ``period, topic, label, posts, share``).

    Parameters
    ----------
    posts
        The posts (``post_id`` and ``time``).
    result
        A fit (:func:`kit.tl.topics.fit`).
    freq
        The period (a pandas frequency: ``"D"``, ``"W"``, ``"M"``).
    time
        The timestamp column.

    Returns
    -------
    DataFrame
        ``period, topic, label, posts, share`` (share of the period's posts).

    Examples
    --------
    >>> posts = pd.DataFrame({"post_id": ["a", "b", "c", "d"],
    ...                       "created_at": pd.to_datetime(["2026-01-05", "2026-01-06", "2026-01-13", "2026-01-14"], utc=True)})
    >>> result = Topics.from_assignments(posts["post_id"], [0, 1, 1, 1], labels={0: "prix", 1: "retard"})
    >>> over_time(posts, result)[["topic", "posts", "share"]].values.tolist()
    [[0.0, 1.0, 0.5], [1.0, 1.0, 0.5], [0.0, 0.0, 0.0], [1.0, 2.0, 1.0]]
    """
    from .overview import volume

    frame = posts[["post_id", time]].merge(result.assignments[["post_id", "topic"]], on="post_id")
    vol = volume(frame.assign(topic=frame["topic"].astype(str)), freq=freq, by="topic", time=time)
    vol["topic"] = vol["topic"].astype(int)
    totals = vol.groupby("period")["posts"].transform("sum")
    vol["share"] = np.where(totals > 0, vol["posts"] / totals.where(totals > 0, 1), 0.0)
    vol["label"] = vol["topic"].map(result.labels())
    return vol[["period", "topic", "label", "posts", "share"]]


def by_group(posts: pd.DataFrame, result: Topics, *, by: str = "actor") -> pd.DataFrame:
    """Posts per topic and value of ``by`` (an actor, a language...), with the share of the group's posts
    in each topic and the share of each topic's posts from the group.

    Parameters
    ----------
    posts
        The posts (``post_id`` and ``by``).
    result
        A fit (:func:`kit.tl.topics.fit`).
    by
        The grouping column; missing values form the group ``(none)``.

    Returns
    -------
    DataFrame
        ``topic, label, <by>, posts, share_of_group, share_of_topic``.

    Examples
    --------
    >>> posts = pd.DataFrame({"post_id": ["a", "b", "c"], "lang": ["fr", "fr", None]})
    >>> result = Topics.from_assignments(posts["post_id"], [0, 0, 0])
    >>> by_group(posts, result, by="lang")[["lang", "posts", "share_of_topic"]].values.tolist()
    [['fr', 2, 0.666...], ['(none)', 1, 0.333...]]
    """
    joined = _joined(posts, result, [by])
    joined[by] = joined[by].astype("string").fillna("(none)")
    counts = joined.groupby(["topic", "label", by], observed=True).size().rename("posts").reset_index()
    counts["share_of_group"] = counts["posts"] / counts.groupby(by)["posts"].transform("sum")
    counts["share_of_topic"] = counts["posts"] / counts.groupby("topic")["posts"].transform("sum")
    return counts.sort_values(["topic", "posts"], ascending=[True, False]).reset_index(drop=True)


def _period_name(p) -> str:
    stamp = pd.Timestamp(p)
    return stamp.strftime("%Y-%m-%d") if stamp == stamp.normalize() else stamp.strftime("%Y-%m-%d %H:%M")


def emerging(
    posts: pd.DataFrame,
    result: Topics,
    *,
    freq: str = "W",
    recent: int = 2,
    min_posts: int = 10,
    alpha: float = 0.05,
    as_of=None,
    time: str = "created_at",
    reference: str = "total",
    min_growth: float = 2.0,
    strict: bool = True,
) -> pd.DataFrame:
    """Topics whose share grew in the last ``recent`` periods against their own baseline (the periods before).

    For each topic, a one-sided two-proportion z-test compares its share of posts in the recent
    window with its share in the baseline; p-values are adjusted for the number of topics
    (Benjamini-Hochberg). A topic is flagged when the adjusted p-value is below ``alpha``, it has
    at least ``min_posts`` recent posts and its share at least doubled, so a small topic that
    grows fast is flagged and a big stable one is not. ``as_of`` cuts the data at that time (to
    ask "would we have seen it then?").

    ``reference="median"`` makes the test robust to a crisis: one topic exploding in the recent
    periods lowers every other topic's share of all posts, so a slowly growing topic can look flat.
    Then each topic is compared with the *typical* topic instead: ``m``, the median over established
    topics (at least ``min_posts`` baseline posts) of ``(recent + 0.5) / (baseline + 0.5)``, measures
    how the volume of an ordinary topic changed between the two windows (window lengths included; new
    topics, such as the many a crisis splits into, are left out of ``m``); under the null
    hypothesis a topic grows like it, so its recent posts are Binomial(its posts, m / (1 + m)), tested
    one-sided (exact), and ``growth`` is the topic's ratio divided by ``m``. ``min_growth`` is the
    smallest growth flagged (2: the share at least doubled). With too few periods it raises, or
    with ``strict=False`` returns an empty table whose ``attrs["note"]`` says why.

    Returns one row per topic: ``topic, label, baseline_posts, recent_posts, baseline_share,
    recent_share, growth`` (ratio of shares), ``z``, ``p_value``, ``q_value``, ``flagged``,
    ``first_post`` (the topic's first post in time), sorted by ``z``.

    Returns
    -------
    DataFrame
        One row per topic, as described above; ``attrs`` name the recent and baseline periods.

    Examples
    --------
    Six weeks: a topic of 2 posts a week grows to 12 in the last two, another stays at 10.

    >>> weeks = pd.date_range("2026-01-05", periods=6, freq="7D", tz="UTC")
    >>> rows = [(w, 0) for w in weeks for _ in range(10)]
    >>> rows += [(w, 1) for i, w in enumerate(weeks) for _ in range(2 if i < 4 else 12)]
    >>> posts = pd.DataFrame(rows, columns=["created_at", "topic"]).assign(post_id=lambda f: f.index.astype(str))
    >>> result = Topics.from_assignments(posts["post_id"], posts["topic"], labels={0: "retard", 1: "nuit"})
    >>> table = emerging(posts, result, freq="W", recent=2)
    >>> table[["topic", "baseline_posts", "recent_posts", "flagged"]].values.tolist()
    [[1, 8, 24, True], [0, 40, 20, False]]
    >>> table.attrs["recent_periods"]
    ['2026-02-02', '2026-02-09']
    """
    from scipy.stats import norm

    frame = posts[["post_id", time]].merge(result.assignments[["post_id", "topic"]], on="post_id")
    frame = frame[frame["topic"] != OUTLIER]
    if as_of is not None:
        cut = pd.Timestamp(as_of)
        cut = cut.tz_localize("UTC") if cut.tzinfo is None else cut
        frame = frame[frame[time] < cut]
    series = over_time(posts[posts["post_id"].isin(frame["post_id"])], result, freq=freq, time=time)
    series = series[series["topic"] != OUTLIER]
    periods = sorted(series["period"].unique())
    if len(periods) <= recent:
        message = f"need more than {recent} periods of data to compare with a baseline, found {len(periods)}"
        if strict:
            raise ValueError(message)
        empty = pd.DataFrame(
            columns=[
                "topic",
                "label",
                "baseline_posts",
                "recent_posts",
                "baseline_share",
                "recent_share",
                "z",
                "p_value",
                "growth",
                "q_value",
                "flagged",
                "first_post",
            ]
        )
        empty["flagged"] = empty["flagged"].astype(bool)
        empty.attrs.update(
            {
                "reference": reference,
                "note": f"Emerging topics not tested: {message} "
                f"(period: {freq}); use a longer period of data or a shorter freq.",
            }
        )
        return empty
    recent_periods = set(periods[-recent:])
    is_recent = series["period"].isin(recent_periods)
    base = series[~is_recent].groupby("topic")["posts"].sum()
    rec = series[is_recent].groupby("topic")["posts"].sum()
    out = pd.DataFrame({"baseline_posts": base, "recent_posts": rec}).fillna(0).astype("int64")
    n_base, n_rec = out["baseline_posts"].sum(), out["recent_posts"].sum()
    out["baseline_share"] = out["baseline_posts"] / max(n_base, 1)
    out["recent_share"] = out["recent_posts"] / max(n_rec, 1)
    if reference == "median":
        from scipy.stats import binom

        total = out["baseline_posts"] + out["recent_posts"]
        ratio = (out["recent_posts"] + 0.5) / (out["baseline_posts"] + 0.5)
        eligible = (
            out["baseline_posts"] >= min_posts
        )  # established topics (a crisis split in new topics is not typical)
        m = float(ratio[eligible].median()) if eligible.any() else (n_rec + 0.5) / (n_base + 0.5)
        p0 = m / (1 + m)
        sd = np.sqrt(total * p0 * (1 - p0))
        out["z"] = np.where(sd > 0, (out["recent_posts"] - total * p0) / sd.where(sd > 0, 1), 0.0)
        out["p_value"] = binom.sf(out["recent_posts"] - 1, total, p0)
        out["growth"] = ratio / m
    elif reference == "total":
        pooled = (out["baseline_posts"] + out["recent_posts"]) / max(n_base + n_rec, 1)
        se = np.sqrt(pooled * (1 - pooled) * (1 / max(n_base, 1) + 1 / max(n_rec, 1)))
        out["z"] = np.where(se > 0, (out["recent_share"] - out["baseline_share"]) / se.where(se > 0, 1), 0.0)
        out["p_value"] = norm.sf(out["z"])
        # growth against a baseline of zero: half a post keeps the ratio finite
        out["growth"] = out["recent_share"] / np.maximum(out["baseline_share"], 0.5 / max(n_base, 1))
    else:
        raise ValueError(f"reference must be 'total' or 'median', not {reference!r}")
    out["q_value"] = adjust_p(out["p_value"], "fdr_bh")
    out["flagged"] = (out["q_value"] < alpha) & (out["recent_posts"] >= min_posts) & (out["growth"] >= min_growth)
    first = frame.groupby("topic")[time].min()
    out["first_post"] = first.reindex(out.index)
    out = out.rename_axis("topic").reset_index()
    out.insert(1, "label", out["topic"].map(result.labels()))
    out = out.sort_values("z", ascending=False, kind="stable").reset_index(drop=True)
    out.attrs.update(
        {
            "reference": reference,
            "typical_ratio": m if reference == "median" else None,
            "recent_periods": [_period_name(p) for p in sorted(recent_periods)],
            "baseline_periods": [_period_name(p) for p in periods[:-recent]],
        }
    )
    return out


def first_posts(
    posts: pd.DataFrame,
    result: Topics,
    topics_=None,
    *,
    n: int = 3,
    time: str = "created_at",
    columns=("created_at", "actor", "lang", "text"),
) -> pd.DataFrame:
    """The first ``n`` posts in time of each topic in ``topics_`` (topic numbers, or the table of
    :func:`emerging`, whose flagged topics are taken; all topics by default): how a topic started.

    Parameters
    ----------
    posts
        The posts (``post_id``, ``time`` and the ``columns`` shown).
    result
        A fit (:func:`kit.tl.topics.fit`).
    topics_
        Topic numbers, the table of :func:`emerging`, or ``None`` for all topics.
    n
        Posts per topic.
    time
        The timestamp column.
    columns
        Columns shown (those absent from ``posts`` are left out).

    Returns
    -------
    DataFrame
        ``topic, label`` and ``columns``, topics in the order asked, posts in time order.

    Examples
    --------
    >>> posts = pd.DataFrame({"post_id": ["a", "b", "c", "d"],
    ...                       "created_at": pd.to_datetime(["2026-01-05", "2026-01-06", "2026-01-13", "2026-01-14"], utc=True)})
    >>> result = Topics.from_assignments(posts["post_id"], [0, 1, 1, 1], labels={0: "prix", 1: "retard"})
    >>> first_posts(posts, result, [1], n=2)["created_at"].dt.day.tolist()
    [6, 13]
    """
    cols = [c for c in columns if c in posts.columns]
    joined = _with_topic(posts, result, list(dict.fromkeys([time, *cols])))
    if isinstance(topics_, pd.DataFrame):  # the result of emerging(): its flagged topics
        topics_ = topics_.loc[topics_["flagged"].astype(bool), "topic"]
    wanted = sorted(set(result.info["topic"]) - {OUTLIER}) if topics_ is None else [int(t) for t in topics_]
    part = joined[joined["topic"].isin(wanted)].sort_values([time, "post_id"], kind="stable")
    part = part.groupby("topic", sort=False).head(n)
    order = {t: i for i, t in enumerate(wanted)}
    part = part.assign(_o=part["topic"].map(order)).sort_values(["_o", time], kind="stable")
    return part[["topic", "label", *cols]].reset_index(drop=True)
