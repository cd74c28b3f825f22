"""Whose voice a post is: the public's, or a tracked account's (the brand, a competitor, a medium, an employee).

Public figures (sentiment, emotion, topics, emerging topics) are about what *people* say. The brand's
compensation replies, its incident statement, a competitor's campaign or a newspaper's headline are not
public opinion: they are kept apart and shown as their own view ("What the tracked accounts said").

One rule, used by every report: a post is tracked when its author's handle (or author id) is in one of the
account lists, or when the export itself says so (``actor_role`` brand, competitor, media or employee);
every other post is the public's. :func:`annotate` adds the ``voice`` column once; :func:`public` and
:func:`tracked` select by it (and annotate on the way when the column is missing).

>>> import pandas as pd
>>> posts = pd.DataFrame({"post_id": ["1", "2", "3"], "author_handle": ["@Brand", "ana", "Daily"],
...                       "text": ["Sorry, DM us", "charged twice!", "Brand fined"]})
>>> annotate(posts, brand_accounts=["brand"], media_accounts=["daily"])["voice"].tolist()
['brand', 'public', 'media']
>>> public(posts, brand_accounts=["brand"], media_accounts=["daily"])["post_id"].tolist()
['2']
"""

from __future__ import annotations

import pandas as pd

from .._text import handle_keys, normalise_handle, strip

__all__ = ["VOICES", "TRACKED", "annotate", "public", "tracked", "split_counts", "said"]

#: The values of ``voice``, tracked roles first.
VOICES = ("brand", "competitor", "media", "employee", "public")
#: The voices of tracked accounts (every voice but the public's).
TRACKED = VOICES[:-1]


def _accounts(value) -> list:
    if value is None:
        return []
    if isinstance(value, str):
        return [value]
    return list(value)


def annotate(
    posts: pd.DataFrame,
    *,
    brand_accounts=(),
    competitor_accounts=(),
    media_accounts=(),
    employee_handles=(),
    handle: str = "author_handle",
    author_id: str = "author_id",
    role: str = "actor_role",
) -> pd.DataFrame:
    """A copy of ``posts`` with ``voice``: brand, competitor, media, employee or public.

    Parameters
    ----------
    posts
        Post table.
    brand_accounts, competitor_accounts, media_accounts, employee_handles
        Handles (with or without ``@``, any case) or author ids of each tracked voice; a string is one
        account. A handle in two lists takes the first of brand, competitor, media, employee.
    handle, author_id
        The columns matched against the lists (the handle first, then the id).
    role
        A column in which the export names the role (``brand``, ``competitor``, ``media``, ``employee``;
        anything else, e.g. ``public``, is the public). Used where no list matches.

    Returns
    -------
    DataFrame
        A copy of ``posts`` with ``voice`` (string); ``attrs["voices"]`` counts posts per voice.

    Examples
    --------
    >>> import pandas as pd
    >>> posts = pd.DataFrame({"author_handle": ["a", "b", None], "author_id": ["1", "2", "99"],
    ...                       "actor_role": ["public", "competitor", None]})
    >>> annotate(posts, brand_accounts=["99"])["voice"].tolist()
    ['public', 'competitor', 'brand']
    """
    lists: dict[str, str] = {}
    for voice, accounts in (
        ("employee", employee_handles),
        ("media", media_accounts),
        ("competitor", competitor_accounts),
        ("brand", brand_accounts),
    ):
        for a in _accounts(accounts):
            if pd.notna(a) and str(a).strip():
                lists[normalise_handle(a)] = voice
    voice = pd.Series(pd.NA, index=posts.index, dtype="object")
    for col in (handle, author_id):
        if col in posts.columns and lists:
            keys = handle_keys(posts[col])
            voice = voice.where(voice.notna(), keys.map(lists))
    if role in posts.columns:
        given = posts[role].astype("string").str.strip().str.lower()
        voice = voice.where(voice.notna(), given.where(given.isin(list(TRACKED))).astype(object))
    out = posts.copy()
    out["voice"] = voice.fillna("public").astype("string")
    out.attrs["voices"] = {v: int((out["voice"] == v).sum()) for v in VOICES}
    return out


def _voiced(posts: pd.DataFrame, accounts: dict) -> pd.DataFrame:
    if "voice" in posts.columns and not any(_accounts(v) for v in accounts.values()):
        return posts
    return annotate(posts, **accounts)


def public(
    posts: pd.DataFrame,
    *,
    brand_accounts=(),
    competitor_accounts=(),
    media_accounts=(),
    employee_handles=(),
) -> pd.DataFrame:
    """The public's posts: every post whose ``voice`` is ``public``.

    Parameters
    ----------
    posts
        Post table, annotated by :func:`annotate` or not (then annotated here with the lists given).
    brand_accounts, competitor_accounts, media_accounts, employee_handles
        As for :func:`annotate`; when given, the voices are computed again from them.

    Returns
    -------
    DataFrame
        The public's rows (a copy, with ``voice``); ``attrs["voices"]`` counts the posts of every voice
        in ``posts``, so a report can say how many were left out.

    Examples
    --------
    >>> import pandas as pd
    >>> posts = pd.DataFrame({"author_handle": ["brand", "ana"], "actor_role": [None, "public"]})
    >>> len(public(posts, brand_accounts="brand")), public(posts, brand_accounts="brand").attrs["voices"]["brand"]
    (1, 1)
    """
    voiced = _voiced(
        posts,
        dict(
            brand_accounts=brand_accounts,
            competitor_accounts=competitor_accounts,
            media_accounts=media_accounts,
            employee_handles=employee_handles,
        ),
    )
    out = voiced.loc[(voiced["voice"] == "public").fillna(False).to_numpy(bool)].copy()
    out.attrs["voices"] = {v: int((voiced["voice"] == v).sum()) for v in VOICES}
    return out


def tracked(
    posts: pd.DataFrame,
    *,
    brand_accounts=(),
    competitor_accounts=(),
    media_accounts=(),
    employee_handles=(),
) -> pd.DataFrame:
    """The tracked accounts' posts (brand, competitor, media, employee): the complement of :func:`public`.

    Parameters
    ----------
    posts
        Post table, annotated by :func:`annotate` or not.
    brand_accounts, competitor_accounts, media_accounts, employee_handles
        As for :func:`annotate`.

    Returns
    -------
    DataFrame
        The tracked accounts' rows (a copy, with ``voice``).

    Examples
    --------
    >>> import pandas as pd
    >>> posts = pd.DataFrame({"author_handle": ["brand", "ana"]})
    >>> tracked(posts, brand_accounts="brand")["author_handle"].tolist()
    ['brand']
    """
    voiced = _voiced(
        posts,
        dict(
            brand_accounts=brand_accounts,
            competitor_accounts=competitor_accounts,
            media_accounts=media_accounts,
            employee_handles=employee_handles,
        ),
    )
    out = voiced.loc[voiced["voice"].isin(list(TRACKED)).fillna(False).to_numpy(bool)].copy()
    out.attrs["voices"] = {v: int((voiced["voice"] == v).sum()) for v in VOICES}
    return out


def split_counts(posts: pd.DataFrame) -> dict:
    """Posts per voice in an annotated table, and the public/tracked totals (what a report records).

    Parameters
    ----------
    posts
        Post table with ``voice`` (:func:`annotate`).

    Returns
    -------
    dict
        ``{"public": n, "tracked": n, "brand": n, "competitor": n, "media": n, "employee": n}``.

    Examples
    --------
    >>> import pandas as pd
    >>> split_counts(pd.DataFrame({"voice": ["brand", "public", "public"]}))["tracked"]
    1
    """
    if "voice" not in posts.columns:
        raise ValueError("the posts have no 'voice' column: annotate them first (kit.tl.voices.annotate)")
    counts = {v: int((posts["voice"] == v).sum()) for v in VOICES}
    counts["tracked"] = sum(counts[v] for v in TRACKED)
    return counts


def said(posts: pd.DataFrame, *, n_texts: int = 2, text: str = "text", max_chars: int = 160) -> pd.DataFrame:
    """What the tracked accounts said: one row per tracked account, with its posts and its most repeated texts.

    A brand answering hundreds of people with one template shows here as one account with a high
    ``repeated_share``, instead of as an "emerging topic" of the public.

    Parameters
    ----------
    posts
        Post table (annotated or not: rows whose ``voice`` is not tracked are ignored; without ``voice``
        the ``actor_role`` of the export is read through :func:`annotate`).
    n_texts
        The most frequent texts shown per account (``top_texts``, each with its count).
    text
        The text column.
    max_chars
        Texts are cut to this many characters.

    Returns
    -------
    DataFrame
        ``voice, account, posts, originals, replies, reposts, first_post, last_post, repeated_share,
        top_texts``, ordered by voice then posts. ``repeated_share`` is the share of the account's texts
        that it posted more than once (templates: handles, links and numbers removed before texts are
        compared), ``top_texts`` its most frequent texts (so cleaned).

    Examples
    --------
    >>> import pandas as pd
    >>> posts = pd.DataFrame({"author_handle": ["brand", "brand", "ana"], "voice": ["brand", "brand", "public"],
    ...     "kind": ["reply", "reply", "original"], "text": ["DM us", "DM us", "charged twice"],
    ...     "created_at": pd.to_datetime(["2026-03-02", "2026-03-03", "2026-03-02"], utc=True)})
    >>> said(posts)[["voice", "account", "posts", "replies", "repeated_share", "top_texts"]].values.tolist()
    [['brand', 'brand', 2, 2, 1.0, '2× DM us']]
    """
    columns = [
        "voice",
        "account",
        "posts",
        "originals",
        "replies",
        "reposts",
        "first_post",
        "last_post",
        "repeated_share",
        "top_texts",
    ]
    frame = posts if "voice" in posts.columns else annotate(posts)
    frame = frame.loc[frame["voice"].isin(list(TRACKED)).fillna(False).to_numpy(bool)]
    if frame.empty:
        return pd.DataFrame(columns=columns)
    account = pd.Series(pd.NA, index=frame.index, dtype="string")
    for col in ("author_handle", "author_id", "actor"):
        if col in frame.columns:
            account = account.fillna(frame[col].astype("string"))
    account = account.fillna(frame["voice"].astype("string"))
    kind = frame["kind"].astype("string") if "kind" in frame.columns else pd.Series(pd.NA, index=frame.index)
    # a template filled with names, numbers or links is one text: those are removed before counting
    texts = (
        pd.Series([strip(t, digits=True) for t in frame[text].astype("string").fillna("")], index=frame.index)
        if text in frame.columns
        else pd.Series("", index=frame.index)
    )
    times = frame["created_at"] if "created_at" in frame.columns else pd.Series(pd.NaT, index=frame.index)
    rows = []
    for (voice, acc), idx in frame.groupby([frame["voice"].astype(str), account.astype(str)]).groups.items():
        t = texts.loc[idx]
        t = t[t != ""]
        counts = t.value_counts()
        repeated = float(t.isin(counts.index[counts > 1]).mean()) if len(t) else 0.0
        top = [f"{c}× {s[:max_chars] + ('…' if len(s) > max_chars else '')}" for s, c in counts.head(n_texts).items()]
        rows.append(
            {
                "voice": voice,
                "account": acc,
                "posts": len(idx),
                "originals": int((kind.loc[idx] == "original").sum()),
                "replies": int((kind.loc[idx] == "reply").sum()),
                "reposts": int((kind.loc[idx] == "repost").sum()),
                "first_post": times.loc[idx].min(),
                "last_post": times.loc[idx].max(),
                "repeated_share": round(repeated, 3),
                "top_texts": " | ".join(top),
            }
        )
    out = pd.DataFrame(rows, columns=columns)
    out["_order"] = out["voice"].map({v: i for i, v in enumerate(VOICES)})
    return out.sort_values(["_order", "posts"], ascending=[True, False]).drop(columns="_order").reset_index(drop=True)
