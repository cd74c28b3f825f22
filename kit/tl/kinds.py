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
    """The kind of each post (original, repost, quote, reply); with ``infer_retweets``, an "original"
    whose text starts with ``RT @handle`` (old X/Twitter exports such as CrisisLex) counts as a repost,
    and when the export carries no kinds at all (every post "original"), a post without text (an id and a
    time only) is ``unknown``: it may as well be a retweet."""
    kind = (
        posts["kind"].astype("string").fillna("original")
        if "kind" in posts.columns
        else pd.Series("original", index=posts.index, dtype="string")
    )
    if infer_retweets and "text" in posts.columns:
        text = posts["text"].astype("string").fillna("")
        rt = text.str.match(_RT).fillna(False).to_numpy(bool)
        original = (kind == "original").to_numpy(bool)
        no_kinds = bool(original.all())
        kind = kind.where(~(rt & original), "repost")
        if no_kinds:
            empty = text.str.strip().str.len().eq(0).to_numpy(bool)
            kind = kind.where(~empty, "unknown")
    return kind


def related(posts: pd.DataFrame, core: pd.DataFrame, *, depth: int = 3) -> pd.DataFrame:
    """``core`` plus the posts of ``posts`` that repost, quote or reply to a post of it (via
    ``parent_id``, up to ``depth`` steps): the crisis posts and their cascades.

    A repost often carries no text of its own, so matching terms alone misses most of the amplification.
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
    sentiment, message types and topics are computed on."""
    keep = posts[column].astype("string").fillna("").str.strip().str.len().gt(0).to_numpy(bool)
    return posts.loc[keep].reset_index(drop=True)
