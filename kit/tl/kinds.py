"""The kind of each post (original, repost, quote, reply, unknown) and the selections built on it: the posts
related to a core set through reposts, quotes and replies, and the posts that have a text.

>>> import pandas as pd
>>> posts = pd.DataFrame({"post_id": ["a", "b", "c"], "text": ["charged twice", "RT @x: charged twice", ""],
...                       "parent_id": [None, "a", "a"]})
>>> kinds(posts).tolist()
['original', 'repost', 'unknown']
>>> related(posts, posts.iloc[:1])["post_id"].tolist()
['a', 'b', 'c']
>>> with_text(posts)["post_id"].tolist()
['a', 'b']
"""

from __future__ import annotations

import re

import pandas as pd

from kit._text import RT_PREFIX

__all__ = ["kinds", "related", "with_text"]

# the retweet prefix of old X/Twitter exports, in any case ("RT @x", "rt @x")
_RT = re.compile(RT_PREFIX, re.IGNORECASE)


def kinds(posts: pd.DataFrame, *, infer_retweets: bool = True) -> pd.Series:
    """The kind of each post: original, repost, quote, reply, or unknown.

    Parameters
    ----------
    posts : DataFrame
        Posts with a ``kind`` column (missing: every post "original") and a ``text`` column.
    infer_retweets : bool
        An "original" whose text starts with ``RT @handle`` (old X/Twitter exports such as CrisisLex)
        counts as a repost; and when the export names no reply or quote (its kinds, if any, told from "RT @"
        prefixes), an "original" without text (an id and a time only) is ``unknown``: it may be a retweet.

    Returns
    -------
    Series
        One kind per post (string dtype), aligned on ``posts``.

    Examples
    --------
    >>> import pandas as pd
    >>> kinds(pd.DataFrame({"text": ["rt @a: hi", "hi"], "kind": ["original", "reply"]})).tolist()
    ['repost', 'reply']
    """
    kind = (
        posts["kind"].astype("string").fillna("original")
        if "kind" in posts.columns
        else pd.Series("original", index=posts.index, dtype="string")
    )
    if infer_retweets and "text" in posts.columns:
        text = posts["text"].astype("string").fillna("")
        rt = text.str.match(_RT).fillna(False).to_numpy(bool)
        original = (kind == "original").to_numpy(bool)
        # Kinds told only from "RT @" prefixes (the export has no reply or quote) say nothing of a post
        # without text: it is unknown. An export that names replies and quotes is trusted.
        no_kinds = not bool(kind.isin(["quote", "reply"]).any())
        kind = kind.where(~(rt & original), "repost")
        if no_kinds:
            empty = text.str.strip().str.len().eq(0).to_numpy(bool) & (kind == "original").to_numpy(bool)
            kind = kind.where(~empty, "unknown")
    return kind


def related(posts: pd.DataFrame, core: pd.DataFrame, *, depth: int = 3) -> pd.DataFrame:
    """``core`` plus the posts of ``posts`` that repost, quote or reply to a post of it: the crisis posts and
    their cascades.

    A repost often carries no text of its own, so matching terms alone misses most of the amplification.

    Parameters
    ----------
    posts : DataFrame
        All posts (``post_id``, ``parent_id``).
    core : DataFrame
        The posts to start from (e.g. the posts matching the crisis terms).
    depth : int
        How many steps of ``parent_id`` links to follow.

    Returns
    -------
    DataFrame
        The rows of ``posts`` in ``core`` or linked to it, in their order, index reset.

    Examples
    --------
    >>> import pandas as pd
    >>> posts = pd.DataFrame({"post_id": ["a", "b", "c", "d"], "parent_id": [None, "a", "b", None]})
    >>> related(posts, posts.iloc[:1], depth=1)["post_id"].tolist()
    ['a', 'b']
    """
    ids = set(core["post_id"].astype(str))
    keep = posts["post_id"].astype(str).isin(ids).to_numpy(bool).copy()
    if "parent_id" in posts.columns:
        parent = posts["parent_id"].astype("string")
        for _ in range(depth):
            new = parent.isin(ids).fillna(False).to_numpy(bool) & ~keep
            if not new.any():
                break
            keep |= new
            ids |= set(posts.loc[new, "post_id"].astype(str))
    return posts.loc[keep].reset_index(drop=True)


def with_text(posts: pd.DataFrame, *, column: str = "text") -> pd.DataFrame:
    """The posts that have a text (id-only rows, such as CrisisLex's entire-period files, left out): what
    sentiment, message types and topics are computed on.

    Parameters
    ----------
    posts : DataFrame
    column : str
        The text column.

    Returns
    -------
    DataFrame
        The rows with a non-blank text, index reset.

    Examples
    --------
    >>> import pandas as pd
    >>> len(with_text(pd.DataFrame({"text": ["flood", " ", None]})))
    1
    """
    keep = posts[column].astype("string").fillna("").str.strip().str.len().gt(0).to_numpy(bool)
    return posts.loc[keep].reset_index(drop=True)
