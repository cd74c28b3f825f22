"""Net sentiment, ``(positive - negative) / (positive + negative)``, per group and per period, with the
Wilson interval of the positive share among polar posts mapped to [-1, 1].

Examples
--------
>>> import pandas as pd
>>> posts = pd.DataFrame({"actor": ["Brand"] * 3, "sentiment": ["positive", "positive", "negative"]})
>>> round(float(net_sentiment(posts, by="actor")["net"].iloc[0]), 3)
0.333
"""

from __future__ import annotations

import numpy as np
import pandas as pd

from .._stats import wilson
from .mentions import OWN_ROLES, mentions

__all__ = ["net_sentiment", "net_sentiment_over_time", "net_from_counts"]


def net_sentiment(
    posts: pd.DataFrame, *, by: str | None = "actor", sentiment: str = "sentiment", level: float = 0.95
) -> pd.DataFrame:
    """Net sentiment ((pos - neg) / (pos + neg)) per group with an interval (see :data:`kit.tl.metrics.DEFINITIONS`).

    Parameters
    ----------
    posts
        The post table.
    by
        Grouping column (None: one group ``all``).
    sentiment
        Sentiment column (``negative``/``neutral``/``positive``).
    level
        Coverage of the interval.

    Returns
    -------
    DataFrame
        ``[by], positive, neutral, negative, posts, net, low, high``.

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
    >>> net_sentiment(mentions(posts), by="actor")[["actor", "net"]].values.tolist()
    [['Brand', 0.0], ['Rival', nan]]
    """
    keys = [posts[by].astype("string").fillna("(none)")] if by else [pd.Series("all", index=posts.index, name="group")]
    labels = posts[sentiment].astype("string")
    return net_from_counts(pd.crosstab(keys[0], labels), name=by or "group", level=level)


def net_from_counts(table: pd.DataFrame, *, name: str, level: float = 0.95) -> pd.DataFrame:
    """:func:`net_sentiment` from posts already counted per group and label (shared with :mod:`kit.cluster.aggregate`).

    Parameters
    ----------
    table
        Posts per group (index) and label (columns ``negative``, ``neutral``, ``positive``; a missing one counts 0).
    name
        The name of the group column of the result.
    level
        As in :func:`net_sentiment`.

    Returns
    -------
    DataFrame
        ``<name>, positive, neutral, negative, posts, net, low, high``.

    Examples
    --------
    >>> t = pd.DataFrame({"positive": [3, 0], "negative": [1, 0]}, index=["Brand", "Rival"])
    >>> net_from_counts(t, name="actor")["net"].tolist()
    [0.5, nan]
    """
    table = table.reindex(columns=["negative", "neutral", "positive"], fill_value=0)
    pos, neg = table["positive"].to_numpy(), table["negative"].to_numpy()
    polar = pos + neg
    low, high = wilson(pos, polar, level)
    with np.errstate(invalid="ignore", divide="ignore"):
        net = np.where(polar > 0, (pos - neg) / np.where(polar > 0, polar, 1), np.nan)
    out = pd.DataFrame(
        {
            name: table.index,
            "positive": pos,
            "neutral": table["neutral"].to_numpy(),
            "negative": neg,
            "posts": table.sum(axis=1).to_numpy(),
            "net": net,
            "low": 2 * np.asarray(low) - 1,
            "high": 2 * np.asarray(high) - 1,
        }
    )
    return out.reset_index(drop=True)


def net_sentiment_over_time(
    posts: pd.DataFrame,
    *,
    actors,
    freq: str = "W",
    sentiment: str = "sentiment",
    own_roles=OWN_ROLES,
    level: float = 0.95,
) -> pd.DataFrame:
    """Net sentiment of the mentions per period and actor, with intervals: ``period, actor, positive,
    neutral, negative, posts, net, low, high``. Periods with no polar post have NaN net.

    Parameters
    ----------
    posts
        The post table.
    actors
        The actors followed.
    freq
        Period: ``"H"``, ``"D"``, ``"W"`` or ``"M"``.
    sentiment, own_roles, level
        As in :func:`net_sentiment` and :func:`kit.tl.mentions.mentions`.

    Returns
    -------
    DataFrame
        ``period, actor, positive, neutral, negative, posts, net, low, high``.

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
    >>> net_sentiment_over_time(posts, actors=["Brand"], freq="W")[["actor", "posts", "net"]].values.tolist()
    [['Brand', 2, 0.0]]
    """
    from .overview import _PERIODS, FREQS

    m = mentions(posts, actors=actors, own_roles=own_roles)
    columns = ["period", "actor", "positive", "neutral", "negative", "posts", "net", "low", "high"]
    if m.empty:
        return pd.DataFrame(columns=columns)
    local = m["created_at"].dt.tz_convert("UTC").dt.tz_localize(None)
    stamp = local.dt.to_period(_PERIODS[freq]).dt.start_time if freq in _PERIODS else local.dt.floor(FREQS[freq])
    m = m.assign(_key=(stamp.dt.strftime("%Y-%m-%dT%H:%M:%S") + "|" + m["actor"].astype("string")).to_numpy())
    table = net_sentiment(m, by="_key", sentiment=sentiment, level=level)
    parts = table["_key"].str.split("|", n=1, expand=True)
    table.insert(0, "period", pd.to_datetime(parts[0]).dt.tz_localize("UTC"))
    table.insert(1, "actor", parts[1].astype("string"))
    return table.drop(columns="_key").sort_values(["actor", "period"]).reset_index(drop=True)[columns]
