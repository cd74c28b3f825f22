"""Who talks: audience crossroads, influencers, employee advocacy and the audience profile.

Influencers and follower tiers are computed in :mod:`kit.tl.influencers` (re-exported here).

Definitions
-----------
crossroads author
    An author (not one of the actors' own accounts) who mentions at least two of the named actors.
overlap
    For two actors, the authors who mention both; Jaccard = shared / authors of either.
tier
    By the author's largest follower count: regular (< 1k), nano (1k-10k), micro (10k-100k),
    macro (100k-1M), mega (1M or more).
reach
    Views where the export gives them, else the author's followers (potential reach), summed over posts.
engagement earned
    likes + shares + comments + quotes received by the author's posts.

Examples
--------
>>> tier([500, 25_000, None]).tolist()
['regular (< 1k)', 'micro (10k-100k)', '(unknown)']
"""

from __future__ import annotations

from collections.abc import Sequence

import numpy as np
import pandas as pd

from .._stats import wilson
from .._text import handle_keys, normalise_handle
from .influencers import TIERS, _actors_per_author, _author, influencers, tier, tiers
from .mentions import interactions
from .missing import lacks_authors

__all__ = [
    "TIERS",
    "PROFILE_COLUMNS",
    "tier",
    "overlap",
    "overlap_matrix",
    "crossroads",
    "influencers",
    "tiers",
    "advocacy",
    "profile",
]
# TIERS, tier, influencers and tiers live in kit.tl.influencers; re-exported here for the old path.


def overlap(posts: pd.DataFrame, *, actors: Sequence[str]) -> pd.DataFrame:
    """Authors shared by each pair of actors among the mentions in ``posts``.

    Returns one row per ordered pair (the diagonal holds each actor's own author count):
    ``actor_a, actor_b, authors_a, authors_b, shared, jaccard, share_of_a`` (shared / authors of a).

    Parameters
    ----------
    posts
        The mentions (post table with ``actor``, ``author_handle``, ``author_id``).
    actors
        The actors compared.

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
    >>> o = overlap(posts, actors=["Brand", "Rival"])
    >>> o.loc[(o["actor_a"] == "Brand") & (o["actor_b"] == "Rival"), ["shared", "jaccard"]].values.tolist()
    [[1.0, 0.3333333333333333]]
    """
    missing = lacks_authors(posts, "audiences cannot be crossed, no overlap is measured")
    if missing:  # a matrix of zeros would read as "no shared audience"
        out = pd.DataFrame(columns=["actor_a", "actor_b", "authors_a", "authors_b", "shared", "jaccard", "share_of_a"])
        out.attrs["note"] = missing
        return out
    authors = _author(posts)
    sets = {a: set(authors[(posts["actor"] == a).fillna(False).to_numpy(dtype=bool)].dropna()) for a in actors}
    rows = []
    for a in actors:
        for b in actors:
            shared = len(sets[a] & sets[b])
            union = len(sets[a] | sets[b])
            rows.append(
                {
                    "actor_a": a,
                    "actor_b": b,
                    "authors_a": len(sets[a]),
                    "authors_b": len(sets[b]),
                    "shared": shared,
                    "jaccard": shared / union if union else np.nan,
                    "share_of_a": shared / len(sets[a]) if sets[a] else np.nan,
                }
            )
    return pd.DataFrame(rows)


def overlap_matrix(result: pd.DataFrame, *, value: str = "shared") -> pd.DataFrame:
    """The :func:`overlap` table as a matrix (``actor_a`` rows, one column per ``actor_b``), keeping its note.

    Parameters
    ----------
    result
        The table of :func:`overlap`.
    value
        The measure in the cells (``shared``, ``jaccard`` or ``share_of_a``).

    Returns
    -------
    DataFrame
        ``actor_a`` and one column per actor; empty, with ``attrs["note"]``, when there was nothing to cross.

    Examples
    --------
    >>> import pandas as pd
    >>> o = pd.DataFrame({"actor_a": ["A", "A", "B", "B"], "actor_b": ["A", "B", "A", "B"], "shared": [3, 1, 1, 2]})
    >>> overlap_matrix(o).values.tolist()
    [['A', 3, 1], ['B', 1, 2]]
    """
    if result.empty:
        out = pd.DataFrame(columns=["actor_a"])
        out.attrs["note"] = result.attrs.get("note", "")
        return out
    out = result.pivot(index="actor_a", columns="actor_b", values=value).reset_index()
    out.columns.name = None
    return out


def crossroads(
    posts: pd.DataFrame, *, actors: Sequence[str], min_actors: int = 2, n: int = 20, sentiment: str | None = "sentiment"
) -> pd.DataFrame:
    """Authors at the crossroads: who mentions at least ``min_actors`` of ``actors``, most actors and
    most followers first.

    Columns: ``author, actors, n_actors, posts, followers, tier`` and, when ``sentiment`` is a column,
    ``net_sentiment`` of the author's posts. The frame's ``attrs["authors"]`` holds how many authors
    qualify in all (the table shows the first ``n``).

    Parameters
    ----------
    posts
        The mentions.
    actors
        The actors considered.
    min_actors
        Smallest number of actors an author must mention.
    n
        Rows shown.
    sentiment
        Sentiment column (None: no ``net_sentiment``).

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
    >>> crossroads(posts, actors=["Brand", "Rival"])[["author", "actors", "n_actors"]].values.tolist()
    [['ana', 'Brand, Rival', 2]]
    """
    frame = posts.loc[posts["actor"].isin(list(actors)).fillna(False).to_numpy(dtype=bool)].copy()
    frame["_author"] = _author(frame)
    frame = frame.dropna(subset=["_author"])
    agg = {"posts": ("post_id", "size"), "followers": ("author_followers", "max")}
    if sentiment and sentiment in frame:
        frame["_pos"] = frame[sentiment].eq("positive").fillna(False).astype(int)
        frame["_neg"] = frame[sentiment].eq("negative").fillna(False).astype(int)
        agg |= {"_pos": ("_pos", "sum"), "_neg": ("_neg", "sum")}
    table = frame.groupby("_author", sort=False).agg(**agg)
    names, counts = _actors_per_author(frame["_author"], frame["actor"])
    table.insert(0, "n_actors", counts.reindex(table.index).fillna(0).astype("int64").to_numpy())
    table.insert(0, "actors", names.reindex(table.index).fillna("").to_numpy())
    table = table.reset_index().rename(columns={"_author": "author"})
    table = table[table["n_actors"] >= min_actors]
    table["tier"] = tier(table["followers"]).to_numpy()
    if "_pos" in table:
        polar = table["_pos"] + table["_neg"]
        table["net_sentiment"] = np.where(
            polar > 0, (table["_pos"] - table["_neg"]) / polar.where(polar > 0, 1), np.nan
        )
        table = table.drop(columns=["_pos", "_neg"])
    table = table.sort_values(["n_actors", "followers", "posts"], ascending=False, kind="stable", na_position="last")
    out = table.head(n).reset_index(drop=True)
    if out.empty:
        out = pd.DataFrame(columns=list(out.columns))
    out.attrs["authors"] = int(len(table))
    out.attrs["note"] = lacks_authors(posts, "no author can be found at the crossroads of several actors") or (
        "" if len(out) else f"No author mentions {min_actors} or more of the named actors."
    )
    return out


def advocacy(posts: pd.DataFrame, *, employee_handles: Sequence[str], brand_handles: Sequence[str]) -> pd.DataFrame:
    """What the listed employees post and earn, next to the brand's own accounts.

    One row per employee with posts, then a row ``all employees`` and a row ``brand accounts``:
    ``account, group, posts, originals, reshares (reposts + quotes), followers, reach, engagement,
    engagement_per_post``. Reach is views where present, else followers, summed over posts.
    Employees listed but absent from the data are listed with 0 posts so a silent account is visible.

    Parameters
    ----------
    posts
        The post table.
    employee_handles
        The employees' handles (any case, with or without ``@``).
    brand_handles
        The brand's own handles.

    Returns
    -------
    DataFrame
        The columns above; ``attrs["note"]`` says how many listed employees posted.

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
    >>> advocacy(posts, employee_handles=["@Ben"], brand_handles=["brand_hq"])[["account", "posts", "reshares"]].values.tolist()
    [['ben', 1, 1], ['all employees', 1, 1], ['brand accounts', 1, 0]]
    """
    missing = lacks_authors(posts, "the employees' and the brand's own posts cannot be found")
    if missing:  # rows of zeros would read as "the employees were silent"
        out = pd.DataFrame(columns=["account", "group", "posts", "originals", "reshares", "followers", "reach"]
                           + ["engagement", "engagement_per_post"])  # fmt: skip
        out.attrs["note"] = missing
        return out
    handle = handle_keys(posts["author_handle"])
    emp = [normalise_handle(h) for h in employee_handles]
    own = [normalise_handle(h) for h in brand_handles]
    frame = posts.assign(_h=handle.to_numpy(), _eng=interactions(posts).to_numpy())
    views = (
        frame["views"].astype("Float64") if "views" in frame else pd.Series(pd.NA, index=frame.index, dtype="Float64")
    )
    frame["_reach"] = views.fillna(frame["author_followers"].astype("Float64")).fillna(0).astype(float)

    def row(g: pd.DataFrame, account: str, group: str) -> dict:
        kinds = g["kind"].fillna("original")
        n = len(g)
        return {
            "account": account,
            "group": group,
            "posts": n,
            "originals": int((kinds == "original").sum()),
            "reshares": int(kinds.isin(["repost", "quote"]).sum()),
            "followers": g["author_followers"].max() if n else pd.NA,
            "reach": float(g["_reach"].sum()),
            "engagement": int(g["_eng"].sum()),
            "engagement_per_post": g["_eng"].sum() / n if n else np.nan,
        }

    rows = [row(frame[frame["_h"] == h], h, "employee") for h in emp]
    rows.append(row(frame[frame["_h"].isin(emp).fillna(False)], "all employees", "employees"))
    rows.append(row(frame[frame["_h"].isin(own).fillna(False)], "brand accounts", "brand"))
    out = pd.DataFrame(rows)
    out["followers"] = out["followers"].astype("Float64")
    if not emp:
        out.attrs["note"] = (
            "No employee handles were given (parameter employee_handles): only the brand's own accounts are shown."
        )
    else:
        silent = [h for h in emp if (frame["_h"] == h).sum() == 0]
        out.attrs["note"] = f"{len(emp) - len(silent)} of {len(emp)} listed employees posted in this period" + (
            f"; silent: {', '.join(silent)}." if silent else "."
        )
    return out


PROFILE_COLUMNS = ("lang", "country", "platform", "source_app")


def profile(
    posts: pd.DataFrame, *, columns: Sequence[str] = PROFILE_COLUMNS, top: int = 10, level: float = 0.95
) -> pd.DataFrame:
    """Who the authors are, where the export says: per dimension, the most frequent values with their
    share of the posts where the dimension is known (Wilson interval) and the coverage.

    Columns: ``dimension, value, posts, share, low, high, coverage`` (known / all posts). A dimension the
    export does not carry gets one row with value ``(not in this export)`` and coverage 0.

    Parameters
    ----------
    posts
        The post table.
    columns
        The dimensions described (``und`` counts as unknown for ``lang``).
    top
        Values shown per dimension (the others summed in one row).
    level
        Coverage of the Wilson intervals.

    Returns
    -------
    DataFrame
        The columns above.

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
    >>> profile(posts, columns=["lang"])[["value", "posts", "coverage"]].values.tolist()
    [['fr', 2, 0.75], ['en', 1, 0.75]]
    """
    rows = []
    for col in columns:
        values = posts[col].astype("string") if col in posts else pd.Series(pd.NA, index=posts.index, dtype="string")
        values = values.replace("und", pd.NA) if col == "lang" else values
        known = values.dropna()
        coverage = len(known) / len(posts) if len(posts) else 0.0
        if known.empty:
            rows.append(
                {
                    "dimension": col,
                    "value": "(not in this export)",
                    "posts": 0,
                    "share": np.nan,
                    "low": np.nan,
                    "high": np.nan,
                    "coverage": 0.0,
                }
            )
            continue
        counts = known.value_counts()
        for value, k in counts.head(top).items():
            low, high = wilson(int(k), len(known), level)
            rows.append(
                {
                    "dimension": col,
                    "value": str(value),
                    "posts": int(k),
                    "share": k / len(known),
                    "low": low,
                    "high": high,
                    "coverage": coverage,
                }
            )
        if len(counts) > top:
            rest = int(counts.iloc[top:].sum())
            low, high = wilson(rest, len(known), level)
            rows.append(
                {
                    "dimension": col,
                    "value": f"({len(counts) - top} others)",
                    "posts": rest,
                    "share": rest / len(known),
                    "low": low,
                    "high": high,
                    "coverage": coverage,
                }
            )
    return pd.DataFrame(rows)
