"""Mentions and interactions: which posts are about the tracked actors (not by them), what each post
earned, and the engagement rate (see :data:`kit.tl.metrics.DEFINITIONS`).

Examples
--------
>>> import pandas as pd
>>> posts = pd.DataFrame({"actor": ["Brand", "Brand", None], "actor_role": [None, "brand", None]})
>>> len(mentions(posts))
1
"""

from __future__ import annotations

import pandas as pd

__all__ = ["INTERACTIONS", "OWN_ROLES", "mentions", "interactions", "engagement_rate"]

INTERACTIONS = ("likes", "shares", "comments", "quotes")


OWN_ROLES = ("brand", "competitor", "media", "employee")


def mentions(posts: pd.DataFrame, *, actors=None, own_roles=OWN_ROLES) -> pd.DataFrame:
    """Posts about the tracked ``actors`` (all tagged actors when None), not published by the actors themselves.

    Parameters
    ----------
    posts
        The post table (``actor`` and ``actor_role`` columns).
    actors
        The tracked actors; None keeps every post tagged with an actor.
    own_roles
        The ``actor_role`` values of the actors' own accounts, left out (as are posts whose ``voice``, from
        :func:`kit.tl.voices.annotate`, is not ``public``).

    Returns
    -------
    DataFrame
        The rows of ``posts`` that are mentions.

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
    >>> len(mentions(posts, actors=["Brand"]))
    2
    >>> len(mentions(posts.assign(voice=["public", "employee", "brand", "public"]), actors=["Brand"]))
    1
    """
    mask = posts["actor"].notna()
    if actors is not None:
        mask &= posts["actor"].isin(list(actors))
    if "actor_role" in posts.columns:
        mask &= ~posts["actor_role"].isin(list(own_roles)).fillna(False)
    if "voice" in posts.columns:  # kit.tl.voices.annotate: the tracked accounts' own posts are not mentions
        mask &= posts["voice"].astype("string").fillna("public").eq("public")
    return posts.loc[mask]


def interactions(posts: pd.DataFrame) -> pd.Series:
    """likes + shares + comments + quotes per post (missing counts as 0).

    Parameters
    ----------
    posts
        The post table.

    Returns
    -------
    Series
        Interactions per post (int64), on the index of ``posts``.

    Examples
    --------
    >>> import pandas as pd
    >>> interactions(pd.DataFrame({"likes": [3, None], "shares": [1, 0], "comments": [0, 2], "quotes": [0, 0]})).tolist()
    [4, 2]
    """
    return posts[list(INTERACTIONS)].fillna(0).sum(axis=1).astype("int64")


def engagement_rate(posts: pd.DataFrame) -> dict:
    """Interactions / views over posts with views, else interactions / followers (see :data:`kit.tl.metrics.DEFINITIONS`).

    Parameters
    ----------
    posts
        The post table.

    Returns
    -------
    dict
        ``rate``, ``base`` (``views``, ``followers`` or ``none``) and ``posts`` (posts in the base).

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
    >>> engagement_rate(mentions(posts))
    {'rate': 0.025, 'base': 'views', 'posts': 2}
    """
    inter = interactions(posts)
    has_views = posts["views"].fillna(0) > 0
    if has_views.any():
        return {
            "rate": float(inter[has_views].sum() / posts.loc[has_views, "views"].sum()),
            "base": "views",
            "posts": int(has_views.sum()),
        }
    followers = posts["author_followers"].fillna(0)
    has_f = followers > 0
    if has_f.any():
        return {
            "rate": float(inter[has_f].sum() / followers[has_f].sum()),
            "base": "followers",
            "posts": int(has_f.sum()),
        }
    return {"rate": float("nan"), "base": "none", "posts": 0}
