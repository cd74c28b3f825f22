"""The actors' own posts: which posts the brand, the competitors and the media published themselves.

Every audit measure works on these posts (select them with :func:`own_posts`). Follower counts that an
export keeps in a separate accounts file are joined with :func:`attach_followers` (the file itself is read
by :func:`kit.io.accounts.read_accounts`).

>>> import pandas as pd
>>> frame = pd.DataFrame({"author_handle": ["Brand", "rival"], "kind": ["original"] * 2})
>>> own = own_posts(frame, "brand", ["rival"])
>>> own["actor_role"].tolist(), brand_actor(own)
(['brand', 'competitor'], 'Brand')
"""

from __future__ import annotations

import unicodedata

import pandas as pd

from .._text import handle_keys, normalise_handle

__all__ = ["OWN_ROLES", "ACCOUNT_COLUMNS", "own_posts", "attach_followers", "brand_actor"]

#: The roles of the listed accounts, in the order the report shows them.
OWN_ROLES = ("brand", "competitor", "media")
#: The columns :func:`attach_followers` reads from an accounts table (see :func:`kit.io.accounts.read_accounts`).
ACCOUNT_COLUMNS = ("author_id", "author_handle", "author_followers")


def own_posts(
    posts: pd.DataFrame,
    brand,
    competitors=(),
    *,
    media=(),
    kinds=None,
    handle: str = "author_handle",
    author_id: str = "author_id",
) -> pd.DataFrame:
    """The posts published by the listed accounts, with ``actor`` and ``actor_role`` set.

    Parameters
    ----------
    posts
        Post table.
    brand, competitors, media
        Account handles (with or without ``@``, any case) or author ids of each role. A single
        string is one account. Posts no listed account matches are kept too when the export itself
        gives them an ``actor_role`` of brand, competitor or media (a page-insights export of the
        brand's own page names no handle).
    kinds
        Kinds of post kept (e.g. ``("original", "quote")``); ``None`` keeps all.
    handle, author_id
        The columns matched against the accounts (the handle first, then the id).

    Returns
    -------
    DataFrame
        A copy of the matching rows. ``actor_role`` is brand, competitor or media from the lists;
        ``actor`` keeps the tracked actor name the export gives (e.g. ``Voltaria``) or, where
        there is none, the account handle. ``account`` is the handle (or id) that matched.
        ``text_plain`` is the text in Unicode NFKC form (styled "bold" or "italic" letters made
        plain) for embedding; ``text`` is kept as posted.

    Examples
    --------
    >>> import pandas as pd
    >>> frame = pd.DataFrame({"author_handle": ["Brand", "rival", "fan"], "author_id": ["1", "2", "3"],
    ...                       "actor": [None, None, None], "actor_role": [None, None, None],
    ...                       "kind": ["original"] * 3})
    >>> own_posts(frame, ["@brand"], ["rival"])[["actor", "actor_role"]].values.tolist()
    [['Brand', 'brand'], ['rival', 'competitor']]
    """
    roles: dict[str, str] = {}
    for role, accounts in (("media", media), ("competitor", competitors), ("brand", brand)):
        if isinstance(accounts, str):
            accounts = [accounts]
        for a in accounts or ():
            roles[normalise_handle(a)] = role
    by_handle = handle_keys(posts[handle]) if handle in posts.columns else None
    by_id = handle_keys(posts[author_id]) if author_id in posts.columns else None
    key = pd.Series(pd.NA, index=posts.index, dtype="object")
    if by_handle is not None:
        key = key.where(key.notna(), by_handle.where(by_handle.isin(list(roles))))
    if by_id is not None:
        key = key.where(key.notna(), by_id.where(by_id.isin(list(roles))))
    role = key.map(roles).astype("string")
    if "actor_role" in posts.columns:
        # an export of the brand's own page (page insights) says whose posts they are without any handle
        given = posts["actor_role"].astype("string").where(posts["actor_role"].isin(OWN_ROLES))
        role = role.fillna(given)
    mask = role.notna()
    if kinds is not None and "kind" in posts.columns:
        mask &= posts["kind"].isin(list(kinds)).fillna(False).astype(bool)
    out = posts.loc[mask].copy()
    shown = out[handle].astype("string") if handle in out.columns else pd.Series(pd.NA, index=out.index)
    shown = shown.fillna(out[author_id].astype("string") if author_id in out.columns else pd.NA)
    out["account"] = shown.fillna(role[mask]).astype("string")
    out["actor_role"] = role[mask]
    actor = (
        out["actor"].astype("string") if "actor" in out.columns else pd.Series(pd.NA, index=out.index, dtype="string")
    )
    out["actor"] = actor.fillna(out["account"]).astype("string")
    if "text" in out.columns:
        out["text_plain"] = pd.array(
            [unicodedata.normalize("NFKC", t) if isinstance(t, str) else t for t in out["text"].astype(object)],
            dtype="string",
        )
    return out.reset_index(drop=True)


def attach_followers(posts: pd.DataFrame, accounts: pd.DataFrame | None = None, *, overwrite: bool = False):
    """Fill ``author_handle`` and ``author_followers`` of ``posts`` from a table of accounts.

    Some exports keep accounts apart from posts (e.g. ``accounts.csv`` with
    ``pseudo;id;description;nb_followers`` next to ``tweets.csv``): read it with
    :func:`kit.io.accounts.read_accounts`. Rows are matched on ``author_id``, or else on
    ``author_handle`` (case-insensitive). Ids of more than 15 digits also match when equal as
    floating-point numbers: some exports round long Twitter ids through a float
    (``743432061088899073`` becomes ``...072``).

    Parameters
    ----------
    posts
        Post table.
    accounts
        One row per account with ``author_id``, ``author_handle`` and ``author_followers``
        (:data:`ACCOUNT_COLUMNS`); ``None`` returns an unchanged copy.
    overwrite
        Replace values already in the posts (default: keep them, fill only what is missing).

    Returns
    -------
    DataFrame
        A copy of ``posts``; ``attrs["followers_attached"]`` counts the rows that got a follower count.

    Examples
    --------
    >>> import pandas as pd
    >>> posts = pd.DataFrame({"author_id": ["24", "99"], "author_handle": [None, None]})
    >>> accounts = pd.DataFrame({"author_id": ["24"], "author_handle": ["LeMonde"], "author_followers": [10.0]})
    >>> out = attach_followers(posts, accounts)
    >>> out["author_handle"].tolist()[0], int(out["author_followers"].iloc[0]), out.attrs["followers_attached"]
    ('LeMonde', 10, 1)
    """
    out = posts.copy()
    if accounts is None:
        out.attrs["followers_attached"] = 0
        return out
    missing = [c for c in ACCOUNT_COLUMNS if c not in accounts.columns]
    if missing:
        raise ValueError(
            f"the accounts table has no column {missing} (columns: {list(accounts.columns)}); "
            "read the file with kit.io.accounts.read_accounts"
        )
    ids_acc = accounts["author_id"].astype(object).map(lambda v: v.strip() if isinstance(v, str) else v)
    handles_acc = accounts["author_handle"].astype(object)
    followers = pd.to_numeric(accounts["author_followers"], errors="coerce")
    by_id = dict(zip(ids_acc, zip(handles_acc, followers)))
    by_handle = dict(zip(handles_acc.map(normalise_handle), zip(handles_acc, followers)))
    ids = out["author_id"].astype("string").str.strip() if "author_id" in out.columns else None
    handles = handle_keys(out["author_handle"]) if "author_handle" in out.columns else None
    by_float = {}
    for key, value in by_id.items():  # ids an earlier tool rounded through a float (more than 15 digits)
        if isinstance(key, str) and key.isdigit() and len(key) > 15:
            by_float[float(key)] = value
    found = [
        (by_id.get(i) or (by_float.get(float(i)) if i.isdigit() and len(i) > 15 else None))
        if ids is not None and pd.notna(i)
        else None
        for i in (ids if ids is not None else [])
    ]
    if not found:
        found = [None] * len(out)
    if handles is not None:
        found = [f if f is not None else (by_handle.get(h) if pd.notna(h) else None) for f, h in zip(found, handles)]
    handle_new = pd.Series([f[0] if f else pd.NA for f in found], index=out.index, dtype="string")
    foll_new = pd.Series([f[1] if f and pd.notna(f[1]) else pd.NA for f in found], index=out.index).astype("Int64")
    old_h = out["author_handle"].astype("string") if "author_handle" in out.columns else handle_new * pd.NA
    old_f = out["author_followers"].astype("Int64") if "author_followers" in out.columns else foll_new * pd.NA
    out["author_handle"] = handle_new.fillna(old_h) if overwrite else old_h.fillna(handle_new)
    out["author_followers"] = foll_new.fillna(old_f) if overwrite else old_f.fillna(foll_new)
    out.attrs["followers_attached"] = int((foll_new.notna() & (overwrite | old_f.isna())).sum())
    return out


def brand_actor(own: pd.DataFrame) -> str | None:
    """The actor name of the brand's own posts (the most frequent one).

    Parameters
    ----------
    own
        Own posts from :func:`own_posts`.

    Returns
    -------
    str or None
        The name, or ``None`` when the brand has no post.

    Examples
    --------
    >>> import pandas as pd
    >>> brand_actor(pd.DataFrame({"actor_role": ["brand", "media"], "actor": ["Voltaria", "Wire"]}))
    'Voltaria'
    """
    names = own.loc[own["actor_role"] == "brand", "actor"].dropna()
    return str(names.value_counts().index[0]) if len(names) else None
