"""No silent loss: warnings when a column the analyses need came out empty while the file has one that
could hold it.

A mapping that names only the time column must not turn 5,000 tweets into 5,000 posts with no text
and no author without a word: :func:`silent_loss` names the columns that look like text or like
handles, and says how to map them.
"""

from __future__ import annotations

import pandas as pd

__all__ = ["silent_loss", "text_candidates", "handle_candidates"]


_HANDLE_WORDS = (
    "user",
    "author",
    "auteur",
    "autor",
    "handle",
    "account",
    "compte",
    "konto",
    "pseudo",
    "screen",
    "from",
)


def _sample(values: pd.Series) -> pd.Series:
    return values.dropna().astype("string").str.strip().replace("", pd.NA).dropna().head(500)


def text_candidates(posts: pd.DataFrame) -> list[str]:
    """Extra (``x_``) columns that read like post texts: several words per value, most values distinct.

    Parameters
    ----------
    posts
        A post table.

    Returns
    -------
    list of str
        The columns, most text-like first.

    Examples
    --------
    >>> posts = pd.DataFrame({"x_tweettext": ["so happy with the new phone", "never again, what a mess"],
    ...                       "x_topic": ["phone", "phone"]})
    >>> text_candidates(posts)
    ['x_tweettext']
    """
    scored = []
    for c in posts.columns:
        if not c.startswith("x_"):
            continue
        v = _sample(posts[c])
        if len(v) == 0:
            continue
        words = v.str.count(r"\s+") + 1
        if words.median() >= 3 and v.nunique() >= 0.5 * len(v):
            scored.append((float(words.median()), c))
    return [c for _, c in sorted(scored, reverse=True)]


def handle_candidates(posts: pd.DataFrame) -> list[str]:
    """Extra columns that read like author handles: one short word per value, repeated across posts.

    Parameters
    ----------
    posts
        A post table.

    Returns
    -------
    list of str
        The columns.

    Examples
    --------
    >>> posts = pd.DataFrame({"x_screen": ["@ana", "@bob", "@ana"], "x_n": ["1", "2", "3"]})
    >>> handle_candidates(posts)
    ['x_screen']
    """
    out = []
    for c in posts.columns:
        if not c.startswith("x_") or c == "x_parent_author":
            continue
        v = _sample(posts[c])
        if len(v) < 2:
            continue
        one_word = v.str.fullmatch(r"@?[\w.\-]{2,40}").mean() >= 0.9
        not_numbers = v.str.fullmatch(r"[\d.,:\- ]+").mean() < 0.5
        named = any(w in c.lower() for w in _HANDLE_WORDS)
        if one_word and not_numbers and (v.str.startswith("@").mean() >= 0.5 or named):
            out.append(c)
    return out


def silent_loss(posts: pd.DataFrame, mapped: dict, *, names: dict | None = None) -> list[str]:
    """Warnings for text or author empty on most rows while an extra column could hold them.

    Parameters
    ----------
    posts
        The post table a reader made.
    mapped
        ``{canonical column: source}`` the reader used (its report's ``columns_mapped``).
    names
        ``{x_ column: source column}``, to name the source's columns in the warnings.

    Returns
    -------
    list of str
        One warning per canonical column concerned, naming the candidates and the mapping to pass.

    Examples
    --------
    >>> posts = pd.DataFrame({"text": ["", ""], "author_handle": ["a", "b"],
    ...                       "x_tweettext": ["so happy with the phone", "never again what a mess"]})
    >>> silent_loss(posts, {"created_at": "TweetDate"})  # doctest: +ELLIPSIS
    ["text is empty for 2 of 2 posts, but column 'tweettext' may hold it; pass mapping={'text': ...}"]
    """
    if len(posts) == 0:
        return []
    out = []
    checks = (
        ("text", posts["text"].fillna("").astype(str).str.strip() == "", text_candidates),
        (
            "author_handle",
            posts.get("author_handle", pd.Series(pd.NA, index=posts.index)).isna()
            & posts.get("author_id", pd.Series(pd.NA, index=posts.index)).isna(),
            handle_candidates,
        ),
    )
    for column, empty, find in checks:
        if column in mapped or empty.mean() <= 0.5:
            continue
        found = [(names or {}).get(c, c[2:]) for c in find(posts)]
        if not found and column == "text" and bool(empty.all()):
            out.append(
                "no post has a text (no column of the file gives one; pass mapping={'text': COLUMN} if one does): "
                "the reports skip their text sections"
            )
        elif found:
            listed = ", ".join(repr(c) for c in found[:3])
            out.append(
                f"{column} is empty for {int(empty.sum())} of {len(posts)} posts, but column"
                f"{'s' if len(found) > 1 else ''} {listed} may hold it; pass mapping={{'{column}': ...}}"
            )
    return out
