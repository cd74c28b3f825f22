"""Amplification: originals, reposts, quotes and replies per period, the repost share of a window, and the
cascades (an original post with the reposts, quotes and replies that point to it through ``parent_id``).

>>> import pandas as pd
>>> t = pd.Timestamp("2026-03-09", tz="UTC")
>>> posts = pd.DataFrame({"post_id": ["a", "b", "c", "d"], "created_at": [t + pd.Timedelta(hours=h) for h in range(4)],
...                       "author_handle": ["alice", "u1", "u2", "u3"], "text": ["charged twice", "", "", "same"],
...                       "kind": ["original", "repost", "repost", "quote"], "parent_id": [None, "a", "a", "a"]})
>>> cascades(posts)[["post_id", "reposts", "quotes", "size"]].values.tolist()
[['a', 2, 1, 3]]
>>> float(repost_share(posts, hours=None)["share"].iloc[0])
0.5
"""

from __future__ import annotations

import math

import numpy as np
import pandas as pd

from kit._stats import wilson

from ..format import clock
from ._crisis import _TIME, _hours, _ts
from .kinds import kinds

__all__ = ["amplification", "repost_share", "cascades"]


def amplification(
    posts: pd.DataFrame, *, freq: str = "H", start=None, end=None, min_posts: int = 5, infer_retweets: bool = True
) -> pd.DataFrame:
    """Originals, reposts, quotes and replies per period, with the share of reposts (NaN in periods with
    fewer than ``min_posts`` posts, where a share would be noise).

    Parameters
    ----------
    posts : DataFrame
        Posts (``kind``, ``created_at``; ``text`` for old-style retweets).
    freq, start, end
        As in :func:`kit.tl.volume` (give the whole window so quiet periods count as zero posts).
    min_posts : int
        Fewest posts of a known kind for a share.
    infer_retweets : bool
        As in :func:`kit.tl.kinds.kinds`.

    Returns
    -------
    DataFrame
        ``period, original, repost, quote, reply, unknown, posts, repost_share``: ``unknown`` counts the
        posts whose kind cannot be told (see :func:`kit.tl.kinds.kinds`); the share is among the others.

    Examples
    --------
    >>> import pandas as pd
    >>> t0 = pd.Timestamp("2026-03-09", tz="UTC")
    >>> posts = pd.DataFrame({"created_at": [t0] * 3, "kind": ["original", "repost", "repost"], "text": ["a", "", ""]})
    >>> amplification(posts, freq="H", min_posts=1)[["original", "repost", "repost_share"]].values.tolist()
    [[1.0, 2.0, 0.6666666666666666]]
    """
    from .overview import volume

    frame = posts.assign(kind=kinds(posts, infer_retweets=infer_retweets))
    vol = volume(frame, freq=freq, by="kind", start=start, end=end)
    wide = (
        vol.pivot_table(index="period", columns="kind", values="posts", aggfunc="sum", fill_value=0)
        if len(vol)
        else pd.DataFrame(index=pd.DatetimeIndex([], tz="UTC", name="period"))
    )
    for k in ("original", "repost", "quote", "reply", "unknown"):
        if k not in wide.columns:
            wide[k] = 0
    wide = wide[["original", "repost", "quote", "reply", "unknown"]].astype("int64")
    wide["posts"] = wide.sum(axis=1)
    known = wide["posts"] - wide["unknown"]
    wide["repost_share"] = np.where(known >= max(min_posts, 1), wide["repost"] / known.where(known > 0, 1), np.nan)
    out = wide.reset_index()
    out.columns.name = None
    return out


def repost_share(
    posts: pd.DataFrame,
    *,
    start=None,
    hours: float | None = 72,
    actor: str | None = None,
    infer_retweets: bool = True,
    level: float = 0.95,
) -> pd.DataFrame:
    """Share of reposts among posts in ``[start, start + hours)``, with a Wilson interval.

    Parameters
    ----------
    start
        Start of the window (usually the onset); default the first post.
    hours
        Length of the window; ``None``: to the last post.
    actor
        Keep only posts about this actor (``actor`` column), the brand's own posts included: the
        definition of the sample's truth ("reposts among all posts about the brand in the 72 hours
        after onset").

    Returns
    -------
    DataFrame
        One row: ``start, end, actor, posts, reposts, share, low, high, definition``.

    Examples
    --------
    >>> import pandas as pd
    >>> t0 = pd.Timestamp("2026-03-09", tz="UTC")
    >>> posts = pd.DataFrame({"created_at": [t0, t0, t0 + pd.Timedelta(hours=80)], "kind": ["original", "repost", "repost"],
    ...                       "text": ["a", "", ""]})
    >>> row = repost_share(posts, start=t0).iloc[0]
    >>> int(row["posts"]), int(row["reposts"]), float(row["share"])
    (2, 1, 0.5)
    """
    t = posts[_TIME]
    a = _ts(start) if start is not None else (t.min() if len(posts) else None)
    b = a + pd.Timedelta(hours=hours) if (a is not None and hours is not None) else None
    m = np.ones(len(posts), dtype=bool)
    if a is not None:
        m = m & (t >= a).to_numpy(bool)
    if b is not None:
        m = m & (t < b).to_numpy(bool)
    if actor is not None and "actor" in posts.columns:
        m = m & (posts["actor"].astype("string") == actor).fillna(False).to_numpy(bool)
    window = posts.loc[m]
    kind = kinds(window, infer_retweets=infer_retweets)
    unknown = int((kind == "unknown").sum())
    k = int((kind == "repost").sum())
    n = len(window) - unknown
    lo, hi = wilson(k, n, level)
    about = f"about {actor}" if actor is not None else "in the data"
    if unknown:
        about += f" whose kind is known ({unknown:,} posts without text left out)"
    span = (
        f"the {hours:g} hours after {clock(a, '%Y-%m-%d %H:%M')}"
        if (a is not None and hours is not None)
        else "the whole window"
    )
    return pd.DataFrame(
        [
            dict(
                start=a,
                end=b,
                actor=actor,
                posts=n,
                reposts=k,
                share=k / n if n else np.nan,
                low=lo,
                high=hi,
                definition=f"reposts among all posts {about} in {span}",
            )
        ]
    )


def cascades(posts: pd.DataFrame, *, n: int | None = 10, infer_retweets: bool = True) -> pd.DataFrame:
    """Cascades: each post that others repost, quote or reply to (``parent_id``), with their counts.

    Parameters
    ----------
    posts : DataFrame
        Posts with ``post_id``, ``parent_id``, ``created_at``, ``author_handle``, ``text``.
    n : int or None
        How many cascades to keep (``None``: all).
    infer_retweets : bool
        As in :func:`kit.tl.kinds.kinds`.

    Returns
    -------
    DataFrame
        ``post_id, created_at, author_handle, text, reposts, quotes, replies, size, hours_to_half`` sorted
        by ``size`` (reposts + quotes), largest first, ``n`` rows (all with ``None``). ``hours_to_half``:
        time from the original to the repost or quote that reached half the final size. The original's
        columns are NA when it is not in the table.

    Examples
    --------
    >>> import pandas as pd
    >>> posts = pd.DataFrame({"post_id": ["a", "b"], "parent_id": [None, None], "created_at": pd.Timestamp("2026-03-09")})
    >>> cascades(posts).empty  # no parent links: no cascades
    True
    """
    cols = ["post_id", "created_at", "author_handle", "text", "reposts", "quotes", "replies", "size", "hours_to_half"]
    if "parent_id" not in posts.columns or posts["parent_id"].isna().all():
        return pd.DataFrame({c: pd.Series(dtype=object) for c in cols})
    kind = kinds(posts, infer_retweets=infer_retweets)
    child = posts.assign(kind=kind.to_numpy())[posts["parent_id"].notna().to_numpy(bool)]
    counts = child.groupby(["parent_id", "kind"], observed=True).size().unstack(fill_value=0)
    for k in ("repost", "quote", "reply"):
        if k not in counts.columns:
            counts[k] = 0
    out = pd.DataFrame(
        {
            "post_id": counts.index.astype(str),
            "reposts": counts["repost"].to_numpy(),
            "quotes": counts["quote"].to_numpy(),
            "replies": counts["reply"].to_numpy(),
        }
    )
    out["size"] = out["reposts"] + out["quotes"]
    roots = posts[["post_id", _TIME, "author_handle", "text"]].astype({"post_id": str}).drop_duplicates("post_id")
    out = out.merge(roots, on="post_id", how="left")
    spread = child[child["kind"].isin(["repost", "quote"])].sort_values(_TIME, kind="stable")
    half = {}
    for pid, g in spread.groupby("parent_id", sort=False):
        i = max(int(math.ceil(len(g) / 2)) - 1, 0)
        half[str(pid)] = g[_TIME].iloc[i]
    t_half = out["post_id"].map(half)
    out["hours_to_half"] = [
        (_hours(h - t) if pd.notna(h) and pd.notna(t) else np.nan) for h, t in zip(t_half, out[_TIME])
    ]
    out = out.sort_values(["size", "replies"], ascending=False, kind="stable").reset_index(drop=True)
    out = out[cols]
    return out.head(n) if n is not None else out
