"""Share of voice: each actor's mentions over the mentions of all named actors, overall and per period,
with Wilson intervals.

Examples
--------
>>> import pandas as pd
>>> posts = pd.DataFrame({"actor": ["Brand", "Brand", "Rival"], "actor_role": [None, None, None]})
>>> share_of_voice(posts, actors=["Brand", "Rival"])[["actor", "mentions"]].values.tolist()
[['Brand', 2], ['Rival', 1]]
"""

from __future__ import annotations

import numpy as np
import pandas as pd

from .._stats import wilson
from .mentions import OWN_ROLES, mentions

__all__ = ["share_of_voice", "share_over_time", "shares_from_counts", "shares_over_time_from_counts"]


def share_of_voice(posts: pd.DataFrame, *, actors, own_roles=OWN_ROLES, level: float = 0.95) -> pd.DataFrame:
    """Mentions per actor and their share of all mentions of ``actors``, with Wilson intervals.

    Actors with no mention get a row with 0 so an absent competitor is visible.

    Parameters
    ----------
    posts
        The post table.
    actors
        The actors compared (in this order in the result).
    own_roles
        Roles of the actors' own accounts (left out, see :func:`kit.tl.mentions.mentions`).
    level
        Coverage of the Wilson intervals.

    Returns
    -------
    DataFrame
        ``actor, mentions, share, low, high``.

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
    >>> share_of_voice(posts, actors=["Brand", "Rival"])["share"].round(3).tolist()
    [0.667, 0.333]
    """
    m = mentions(posts, actors=actors, own_roles=own_roles)
    return shares_from_counts(m["actor"].value_counts(), actors=actors, level=level)


def shares_from_counts(counts: pd.Series, *, actors, level: float = 0.95) -> pd.DataFrame:
    """:func:`share_of_voice` from mentions already counted per actor (shared with :mod:`kit.cluster.aggregate`).

    Parameters
    ----------
    counts
        Mentions per actor (an actor missing from it has 0).
    actors, level
        As in :func:`share_of_voice`.

    Returns
    -------
    DataFrame
        ``actor, mentions, share, low, high``.

    Examples
    --------
    >>> shares_from_counts(pd.Series({"Brand": 3}), actors=["Brand", "Rival"])["share"].tolist()
    [1.0, 0.0]
    """
    counts = counts.reindex(list(actors), fill_value=0)
    total = int(counts.sum())
    low, high = wilson(counts.to_numpy(), np.full(len(counts), total), level)
    return pd.DataFrame(
        {
            "actor": list(actors),
            "mentions": counts.to_numpy().astype("int64"),
            "share": counts.to_numpy() / total if total else np.nan,
            "low": low,
            "high": high,
        }
    )


def share_over_time(
    posts: pd.DataFrame, *, actors, freq: str = "W", own_roles=OWN_ROLES, level: float = 0.95
) -> pd.DataFrame:
    """Share of voice per period: ``period, actor, mentions, total, share, low, high`` (Wilson intervals) and
    ``collection_gap``: no mention of the actor in a period after at least
    :data:`kit.tl.period_change.MIN_BEFORE_GAP` in the period before (``attrs["note"]`` names them), a likely
    hole in the collection rather than a fall.

    Parameters
    ----------
    posts
        The post table.
    actors
        The actors compared.
    freq
        Period: ``"H"``, ``"D"``, ``"W"`` or ``"M"``.
    own_roles, level
        As in :func:`share_of_voice`.

    Returns
    -------
    DataFrame
        ``period, actor, mentions, total, share, low, high, collection_gap``, one row per period and actor.

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
    >>> share_over_time(posts, actors=["Brand", "Rival"], freq="W")[["actor", "mentions", "share"]].values.tolist()
    [['Brand', 2, 1.0], ['Rival', 0, 0.0], ['Brand', 0, 0.0], ['Rival', 1, 1.0]]
    """
    from .overview import volume

    m = mentions(posts, actors=actors, own_roles=own_roles)
    return shares_over_time_from_counts(volume(m, freq=freq, by="actor"), level=level)


def shares_over_time_from_counts(vol: pd.DataFrame, *, level: float = 0.95) -> pd.DataFrame:
    """:func:`share_over_time` from the mentions counted per period and actor (shared with :mod:`kit.cluster.aggregate`).

    Parameters
    ----------
    vol
        :func:`kit.tl.overview.volume` of the mentions by ``actor``: ``period, actor, posts``, empty periods as zeros.
    level
        As in :func:`share_of_voice`.

    Returns
    -------
    DataFrame
        As :func:`share_over_time`.

    Examples
    --------
    >>> vol = pd.DataFrame({"period": [1, 1], "actor": ["Brand", "Rival"], "posts": [3, 1]})
    >>> shares_over_time_from_counts(vol)["share"].tolist()
    [0.75, 0.25]
    """
    if vol.empty:
        return pd.DataFrame(columns=["period", "actor", "mentions", "total", "share", "low", "high", "collection_gap"])
    vol = vol.rename(columns={"posts": "mentions"})
    vol["total"] = vol.groupby("period")["mentions"].transform("sum")
    with np.errstate(invalid="ignore", divide="ignore"):
        vol["share"] = np.where(vol["total"] > 0, vol["mentions"] / vol["total"].where(vol["total"] > 0, 1), np.nan)
    vol["low"], vol["high"] = wilson(vol["mentions"].to_numpy(), vol["total"].to_numpy(), level)
    from .period_change import MIN_BEFORE_GAP

    before = vol.sort_values("period").groupby("actor", sort=False)["mentions"].shift(1)
    vol["collection_gap"] = ((vol["mentions"] == 0) & (before.reindex(vol.index) >= MIN_BEFORE_GAP)).to_numpy()
    gaps = vol[vol["collection_gap"]]
    vol.attrs["note"] = (
        "Likely collection gaps, not falls: "
        + "; ".join(
            f"no mention of {a} in the period starting {pd.Timestamp(p):%d %B %Y} after {int(n):,} in the one before"
            for a, p, n in zip(gaps["actor"], gaps["period"], before.reindex(gaps.index))
        )
        + " (check the export)."
        if len(gaps)
        else ""
    )
    return vol
