"""Influencers: authors ranked by reach or by the engagement their posts earned, and the follower tiers
(regular < 1k, nano 1k-10k, micro 10k-100k, macro 100k-1M, mega 1M+).

Examples
--------
>>> tier([500, 25_000, None]).tolist()
['regular (< 1k)', 'micro (10k-100k)', '(unknown)']
"""

from __future__ import annotations

import numpy as np
import pandas as pd

from .mentions import interactions
from .missing import lacks_authors

__all__ = ["TIERS", "tier", "influencers", "tiers"]

TIERS = (
    (0, "regular (< 1k)"),
    (1_000, "nano (1k-10k)"),
    (10_000, "micro (10k-100k)"),
    (100_000, "macro (100k-1M)"),
    (1_000_000, "mega (1M+)"),
)


def _author(posts: pd.DataFrame) -> pd.Series:
    handle = posts["author_handle"].astype("string")
    return handle.fillna(posts["author_id"].astype("string"))


def _actors_per_author(authors: pd.Series, actors: pd.Series) -> tuple[pd.Series, pd.Series]:
    """For each author (index), the sorted distinct actors it posted about, joined by ", ", and their number.

    Vectorised: a presence table of the few actors per author, turned into one label per distinct
    combination. A Python function per author group (``lambda s: ", ".join(sorted(set(s))))``) takes
    minutes on a million posts.
    """
    pairs = pd.DataFrame({"a": authors.to_numpy(), "x": actors.astype("string").to_numpy()}).dropna()
    if pairs.empty:
        return pd.Series(dtype="string"), pd.Series(dtype="int64")
    names = sorted(pairs["x"].unique())
    codes, uniq_authors = pd.factorize(pairs["a"], sort=False)
    present = np.zeros((len(uniq_authors), len(names)), dtype=bool)
    present[codes, pd.Categorical(pairs["x"], categories=names).codes] = True
    combos, inverse = np.unique(present, axis=0, return_inverse=True)
    labels = np.array([", ".join(n for n, p in zip(names, row) if p) for row in combos], dtype=object)
    index = pd.Index(uniq_authors)
    return (
        pd.Series(labels[inverse.ravel()], index=index, dtype="string"),
        pd.Series(present.sum(axis=1), index=index, dtype="int64"),
    )


def tier(followers) -> pd.Series:
    """The follower tier of each value (see the module's definitions); missing counts give ``(unknown)``.

    Parameters
    ----------
    followers
        Follower counts (a list, an array or a Series; missing values allowed).

    Returns
    -------
    Series
        The tier label of each value (string dtype).

    Examples
    --------
    >>> tier([999, 1_000, 2_000_000]).tolist()
    ['regular (< 1k)', 'nano (1k-10k)', 'mega (1M+)']
    """
    f = pd.Series(followers, dtype="Float64")
    labels = pd.Series("(unknown)", index=f.index, dtype="string")
    for threshold, name in TIERS:
        labels[(f >= threshold).fillna(False)] = name
    return labels


def influencers(
    posts: pd.DataFrame,
    *,
    rank_by: str = "reach",
    n: int = 20,
    min_followers: int = 0,
    sentiment: str | None = "sentiment",
) -> pd.DataFrame:
    """Authors ranked by ``reach`` or by ``engagement`` earned, with their tier and what they said.

    Columns: ``author, tier, followers, posts, reach, engagement, engagement_per_post, actors`` and,
    when ``sentiment`` is a column, ``positive, negative, net_sentiment``; ``top_post`` is the text of
    the author's post with most interactions. ``attrs["by_tier"]`` counts authors per tier.

    Parameters
    ----------
    posts
        The post table.
    rank_by
        ``"reach"`` or ``"engagement"`` (reach falls back to engagement when the export has neither
        followers nor views; ``attrs["note"]`` says so).
    n
        Rows shown.
    min_followers
        Smallest follower count of an author shown.
    sentiment
        Sentiment column (None: no sentiment columns).

    Returns
    -------
    DataFrame
        The columns above, the first ``n`` authors.

    Examples
    --------
    >>> import pandas as pd
    >>> posts = pd.DataFrame({
    ...     "post_id": ["1", "2", "3", "4"], "actor": ["Brand", "Rival", "Brand", "Rival"],
    ...     "author_handle": ["ana", "ana", "ben", "Brand_HQ"], "author_id": ["a", "a", "b", "h"],
    ...     "author_followers": [1_500.0, 1_500.0, 20.0, 90_000.0], "views": [None] * 4,
    ...     "likes": [5, 1, 0, 40], "shares": [0, 0, 0, 3], "comments": [0, 0, 1, 0], "quotes": [0, 0, 0, 0],
    ...     "sentiment": ["negative", "positive", "neutral", "positive"], "kind": ["original", "original", "quote", "original"],
    ...     "text": ["late", "fast", "ok", "new app"], "lang": ["fr", "fr", "en", "und"]})
    >>> influencers(posts, rank_by="engagement")[["author", "engagement"]].values.tolist()
    [['Brand_HQ', 43], ['ana', 6], ['ben', 1]]
    """
    if rank_by not in ("reach", "engagement"):
        raise ValueError(f"rank_by must be 'reach' or 'engagement', not {rank_by!r}")
    has_reach = posts["author_followers"].notna().any() or ("views" in posts and posts["views"].notna().any())
    note = f"Authors ranked by {rank_by}."
    if rank_by == "reach" and not has_reach:
        rank_by = "engagement"
        note = (
            "The export carries neither follower counts nor views, so reach cannot be measured: authors are "
            "ranked by the interactions their posts earned."
        )
    frame = posts.copy()
    frame["_author"] = _author(frame)
    frame = frame.dropna(subset=["_author"])
    frame["_eng"] = interactions(frame).to_numpy()
    followers = frame["author_followers"].astype("Float64")
    views = (
        frame["views"].astype("Float64") if "views" in frame else pd.Series(pd.NA, index=frame.index, dtype="Float64")
    )
    frame["_reach"] = views.fillna(followers).fillna(0).astype(float)
    if sentiment and sentiment in frame:
        frame["_pos"] = frame[sentiment].eq("positive").fillna(False).astype(int)
        frame["_neg"] = frame[sentiment].eq("negative").fillna(False).astype(int)
    else:
        frame["_pos"] = frame["_neg"] = 0
    top = (
        frame.sort_values("_eng", ascending=False, kind="stable")
        .drop_duplicates("_author")
        .set_index("_author")["text"]
    )
    table = frame.groupby("_author", sort=False).agg(
        followers=("author_followers", "max"),
        posts=("post_id", "size"),
        reach=("_reach", "sum"),
        engagement=("_eng", "sum"),
        positive=("_pos", "sum"),
        negative=("_neg", "sum"),
    )
    names, _ = _actors_per_author(frame["_author"], frame["actor"])
    table["actors"] = names.reindex(table.index).fillna("").to_numpy()
    table = table.reset_index().rename(columns={"_author": "author"})
    table = table[table["followers"].fillna(0) >= min_followers]
    table["tier"] = tier(table["followers"]).to_numpy()
    table["engagement_per_post"] = table["engagement"] / table["posts"]
    polar = table["positive"] + table["negative"]
    table["net_sentiment"] = np.where(
        polar > 0, (table["positive"] - table["negative"]) / polar.where(polar > 0, 1), np.nan
    )
    table["top_post"] = top.reindex(table["author"]).to_numpy()
    if not (sentiment and sentiment in frame):
        table = table.drop(columns=["positive", "negative", "net_sentiment"])
    by_tier = table["tier"].value_counts()
    key = ["reach", "engagement"] if rank_by == "reach" else ["engagement", "reach"]
    table = table.sort_values(key, ascending=False, kind="stable")
    cols = [
        "author",
        "tier",
        "followers",
        "posts",
        "reach",
        "engagement",
        "engagement_per_post",
        "actors",
        *[c for c in ("positive", "negative", "net_sentiment") if c in table],
        "top_post",
    ]
    out = table[cols].head(n).reset_index(drop=True)
    missing = lacks_authors(posts, "influencers cannot be ranked")
    if missing:
        out = pd.DataFrame(columns=cols)
    out.attrs["by_tier"] = {str(k): int(v) for k, v in by_tier.items()}
    out.attrs["note"] = missing or note
    return out


def tiers(posts: pd.DataFrame) -> pd.DataFrame:
    """Authors, posts and engagement earned per follower tier (smallest tier first).

    Parameters
    ----------
    posts
        The post table.

    Returns
    -------
    DataFrame
        ``tier, authors, posts, engagement, share_of_engagement``.

    Examples
    --------
    >>> import pandas as pd
    >>> posts = pd.DataFrame({
    ...     "post_id": ["1", "2", "3", "4"], "actor": ["Brand", "Rival", "Brand", "Rival"],
    ...     "author_handle": ["ana", "ana", "ben", "Brand_HQ"], "author_id": ["a", "a", "b", "h"],
    ...     "author_followers": [1_500.0, 1_500.0, 20.0, 90_000.0], "views": [None] * 4,
    ...     "likes": [5, 1, 0, 40], "shares": [0, 0, 0, 3], "comments": [0, 0, 1, 0], "quotes": [0, 0, 0, 0],
    ...     "sentiment": ["negative", "positive", "neutral", "positive"], "kind": ["original", "original", "quote", "original"],
    ...     "text": ["late", "fast", "ok", "new app"], "lang": ["fr", "fr", "en", "und"]})
    >>> tiers(posts)[["tier", "authors"]].values.tolist()
    [['regular (< 1k)', 1], ['nano (1k-10k)', 1], ['micro (10k-100k)', 1]]
    """
    frame = posts.copy()
    frame["_author"] = _author(frame)
    frame["_eng"] = interactions(frame).to_numpy()
    per_author = frame.groupby("_author", sort=False).agg(
        followers=("author_followers", "max"), posts=("post_id", "size"), engagement=("_eng", "sum")
    )
    per_author["tier"] = tier(per_author["followers"]).to_numpy()
    order = [name for _, name in TIERS] + ["(unknown)"]
    out = (
        per_author.groupby("tier")
        .agg(authors=("posts", "size"), posts=("posts", "sum"), engagement=("engagement", "sum"))
        .reindex(order)
        .dropna(how="all")
    )
    out = out.fillna(0).astype(int).reset_index()
    out["share_of_engagement"] = out["engagement"] / out["engagement"].sum() if out["engagement"].sum() else np.nan
    missing = lacks_authors(posts, "authors cannot be put in follower tiers")
    if missing:
        out = pd.DataFrame(columns=list(out.columns))
    out.attrs["note"] = missing
    return out
