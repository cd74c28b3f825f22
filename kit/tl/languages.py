"""Which languages the posts are in, and which of them the kit's language-specific models read.

The sentiment lexicons and heads, the emotion models and the intent cues are made for French, German and
English (:data:`kit.tl._sentiment_base.SUPPORTED`; a post whose language was not detected, ``und``, is
read as English). Posts in any other language count in volumes, reach and shares; the verbs that apply
these models leave them unscored (:func:`kit.tl._sentiment_base.leave_out`, :func:`kit.tl.intent.detect`).
These functions count them, and :func:`left_out` says in a sentence what was done with them, read from the
scored table itself.

>>> posts = pd.DataFrame({"lang": ["en", "en", "es", "pt", "und"]})
>>> line(counts(posts))
'en 2 · es 1 · pt 1 · und 1'
>>> left_out(posts)[:53]
'2 of 5 posts (40.0 %) are in languages the kit’s sent'
"""

from __future__ import annotations

import pandas as pd

from ._sentiment_base import SUPPORTED, unsupported

__all__ = ["READ", "counts", "line", "left_out"]

#: the languages the kit's sentiment, emotion and intent models read
READ = SUPPORTED
_FIGURES = {"sentiment": "sentiment", "emotion": "emotion", "intent": "intent"}


def _codes(posts: pd.DataFrame, column: str) -> pd.Series:
    if column not in posts.columns:
        return pd.Series("und", index=posts.index, dtype="string")
    return posts[column].astype("string").fillna("und").str.strip().str.lower().replace("", "und")


def counts(posts: pd.DataFrame, *, column: str = "lang") -> pd.DataFrame:
    """Posts per language, largest first, and whether the kit's models read the language.

    Parameters
    ----------
    posts
        The post table.
    column
        The column of language codes (missing codes count as ``und``).

    Returns
    -------
    pandas.DataFrame
        ``lang, posts, share, read`` (``read``: the sentiment, emotion and intent models read it;
        ``und`` is read as English).

    Examples
    --------
    >>> counts(pd.DataFrame({"lang": ["es", "fr", "fr", None]})).values.tolist()
    [['fr', 2, 0.5, True], ['es', 1, 0.25, False], ['und', 1, 0.25, True]]
    """
    codes = _codes(posts, column)
    table = codes.value_counts().rename_axis("lang").rename("posts").reset_index()
    table = table.sort_values(["posts", "lang"], ascending=[False, True], kind="stable").reset_index(drop=True)
    total = int(table["posts"].sum())
    table["share"] = table["posts"] / total if total else 0.0
    table["read"] = ~unsupported(table["lang"].tolist())
    table["lang"] = table["lang"].astype("string")
    table["posts"] = table["posts"].astype(int)
    return table


def line(table: pd.DataFrame, *, top: int = 8) -> str:
    """The languages and their posts in one line, largest first: ``en 3,102 · es 210 · pt 95 · und 12``.

    Parameters
    ----------
    table
        A :func:`counts` table.
    top
        Languages named; the others are summed (``· 4 other languages 17``).

    Returns
    -------
    str
        The line; ``no posts`` for an empty table.

    Examples
    --------
    >>> line(pd.DataFrame({"lang": ["en", "es", "pt"], "posts": [3102, 210, 95]}), top=2)
    'en 3,102 · es 210 · 1 other language 95'
    """
    if table.empty:
        return "no posts"
    parts = [f"{lang} {int(n):,}" for lang, n in zip(table["lang"].head(top), table["posts"].head(top))]
    rest = table.iloc[top:]
    if len(rest):
        parts.append(f"{len(rest)} other language{'s' if len(rest) > 1 else ''} {int(rest['posts'].sum()):,}")
    return " · ".join(parts)


def left_out(
    posts: pd.DataFrame, *, column: str = "lang", figures=("sentiment", "emotion", "intent"), noun: str = "posts"
) -> str:
    """A sentence: how many posts are in languages the models do not read, which, and what that leaves out.

    When ``posts`` carries the models' columns (``sentiment``, ``emotion``, ``intent``), the sentence says
    what was really done with those posts: left out (missing values) or scored anyway.

    Parameters
    ----------
    posts
        The post table, scored or not.
    column
        The column of language codes.
    figures
        The language-specific figures named when ``posts`` carries none of their columns.
    noun
        What the rows are called in the sentence (``mentions`` in the monitoring report).

    Returns
    -------
    str
        One sentence.

    Examples
    --------
    >>> left_out(pd.DataFrame({"lang": ["fr", "de"]}))[:53]
    'All 2 posts are in languages the kit’s sentiment, emo'
    >>> scored = pd.DataFrame({"lang": ["en", "es"], "sentiment": pd.array(["negative", None], dtype="string")})
    >>> left_out(scored)
    '1 of 2 posts (50.0 %) are in languages the kit’s sentiment, emotion and intent models do not read (es 1): they count in volumes and shares, and are left out of the sentiment figures.'
    """
    codes = _codes(posts, column)
    total = len(codes)
    mask = unsupported(codes.tolist())
    read = ", ".join(READ)
    if not mask.any():
        return (
            f"All {total:,} {noun} are in languages the kit’s sentiment, emotion and intent models read ({read}; "
            f"{noun} whose language could not be told are read as English)."
            if total
            else f"No {noun}."
        )
    n = int(mask.sum())
    which = line(counts(posts.loc[mask], column=column), top=5)
    head = (
        f"{n:,} of {total:,} {noun} ({100 * n / total:.1f} %) are in languages the kit’s sentiment, emotion and "
        f"intent models do not read ({which})"
    )
    present = [name for name in _FIGURES if name in posts.columns]
    if not present:
        return f"{head}: they count in volumes and shares, and are left out of the {_join(list(figures))} figures."
    out = [name for name in present if posts.loc[mask, name].isna().all()]
    kept = [name for name in present if name not in out]
    said = f"{head}: they count in volumes and shares"
    if out:
        said += f", and are left out of the {_join([_FIGURES[k] for k in out])} figures"
    if kept:
        said += (
            f"; their {_join([_FIGURES[k] for k in kept])} "
            f"{'comes' if len(kept) == 1 else 'come'} from models not made for their language: read "
            f"{'it' if len(kept) == 1 else 'them'} with care"
        )
    return said + "."


def _join(names: list[str]) -> str:
    return names[0] if len(names) == 1 else ", ".join(names[:-1]) + " and " + names[-1]
