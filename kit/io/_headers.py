"""The header vocabulary of table exports: which source column gives which canonical column.

Header names are compared as slugs (case, spaces, underscores, dashes, dots and brackets ignored);
:data:`SYNONYMS` lists the names seen in real exports, and a few sets of headers pin down a format
(:data:`LISTENING_MARKERS`, :data:`INSIGHTS_MARKERS`).

>>> guess_mapping(["Tweet Id", "Created At", "Full Text"])
{'post_id': 'Tweet Id', 'text': 'Full Text', 'created_at': 'Created At'}
"""

from __future__ import annotations

import re
import unicodedata

import pandas as pd

from .. import schema
from ._base import InputError
from ._vocabulary import INSIGHTS_MARKERS, LISTENING_MARKERS, MONTH_LAYOUT, PREFIXES, SUFFIXES, SYNONYMS, TIME_OF_DAY

__all__ = [
    "SYNONYMS",
    "PREFIXES",
    "SUFFIXES",
    "MONTH_LAYOUT",
    "key",
    "month_layout",
    "unused_columns",
    "TIME_OF_DAY",
    "LISTENING_MARKERS",
    "INSIGHTS_MARKERS",
    "slug",
    "guess_mapping",
    "full_mapping",
    "apply_mapping",
]


def slug(name: str) -> str:
    """A header name as it is compared: lower case, runs of spaces and punctuation read as ``_``.

    Parameters
    ----------
    name
        A column name.

    Returns
    -------
    str
        The slug.

    Examples
    --------
    >>> slug(" Tweet Id (str)")
    'tweet_id_str'
    """
    return re.sub(r"[\s_\-\.\(\)\[\]/:]+", "_", str(name).strip().lstrip("\ufeff").lower()).strip("_")


def key(name: str) -> str:
    """A header name as a person reads it: camel case split, accents and punctuation dropped.

    Parameters
    ----------
    name
        A column name.

    Returns
    -------
    str
        Lower-case ASCII words joined by ``_``.

    Examples
    --------
    >>> key("TweetDate"), key("Veröffentlicht am"), key("J'aime"), key("Heure (UTC+0)")
    ('tweet_date', 'veroffentlicht_am', 'j_aime', 'heure_utc_0')
    """
    text = str(name).strip().lstrip("\ufeff").replace("ß", "ss")
    text = re.sub(r"(?<=[a-z0-9])(?=[A-Z])|(?<=[A-Z])(?=[A-Z][a-z])", "_", text)
    text = "".join(c for c in unicodedata.normalize("NFKD", text) if not unicodedata.combining(c))
    return re.sub(r"[^a-z0-9]+", "_", text.lower()).strip("_")


def _variants(name: str) -> list[str]:
    """``key(name)`` without the words of :data:`PREFIXES` and :data:`SUFFIXES` around it."""
    k = key(name)
    out = []
    for p in ("", *PREFIXES):
        if p and not k.startswith(p + "_"):
            continue
        core = k[len(p) + 1 :] if p else k
        for s in ("", *SUFFIXES):
            if s and not core.endswith("_" + s):
                continue
            v = core[: -len(s) - 1] if s else core
            if v and v != k and v not in out:
                out.append(v)
    return out


def month_layout(columns: list[str]) -> dict[str, str] | None:
    """The month, weekday and hour columns of a page-insights export that gives no date.

    Parameters
    ----------
    columns
        The source's column names.

    Returns
    -------
    dict or None
        ``{"month": column, "weekday": column, "hour": column}`` (weekday and hour only where
        present), or None without a month column.

    Examples
    --------
    >>> month_layout(["Type", "Post Month", "Post Weekday", "Post Hour", "like"])
    {'month': 'Post Month', 'weekday': 'Post Weekday', 'hour': 'Post Hour'}
    """
    by_key = {}
    for c in columns:
        by_key.setdefault(key(c), c)
    found = {}
    for part, names in MONTH_LAYOUT.items():
        col = next((by_key[n] for n in names if n in by_key), None)
        if col is not None:
            found[part] = col
    return found if "month" in found else None


def unused_columns(columns: list[str], mapping: dict) -> list[str]:
    """The source columns a mapping does not read (they are kept as ``x_`` columns).

    Parameters
    ----------
    columns
        The source's column names.
    mapping
        ``{canonical column: source column or list of source columns}``.

    Returns
    -------
    list of str
        The columns, in file order.

    Examples
    --------
    >>> unused_columns(["Date", "Text", "Topic"], {"created_at": "Date", "text": "Text"})
    ['Topic']
    """
    used = {c for v in mapping.values() for c in ([v] if isinstance(v, str) else v)}
    return [c for c in columns if c != "__row" and c not in used]


def guess_mapping(columns: list[str]) -> dict[str, str | list[str]]:
    """Map canonical columns to source columns by header name (see :data:`SYNONYMS`).

    Parameters
    ----------
    columns
        The source's column names.

    Returns
    -------
    dict
        ``{canonical column: source column}``; ``created_at`` maps to ``[date column, time column]``
        when the time of day is in a column of its own (see :data:`TIME_OF_DAY`).

    Examples
    --------
    >>> guess_mapping(["Date", "Heure", "Texte"])
    {'text': 'Texte', 'created_at': ['Date', 'Heure']}
    """
    by_slug: dict[str, str] = {}
    for c in columns:
        by_slug.setdefault(slug(c), c)
    for c in columns:
        by_slug.setdefault(key(c), c)
    mapping: dict[str, str | list[str]] = {}
    used: set[str] = set()
    for canonical, names in SYNONYMS.items():
        for name in names:
            col = by_slug.get(slug(name))
            if col is not None and col not in used:
                mapping[canonical] = col
                used.add(col)
                break
    # then the names inside prefixes and suffixes ("TweetDate", "Nombre de partages"), for columns left
    by_variant: dict[str, str] = {}
    for c in columns:
        if c not in used:
            for v in _variants(c):
                by_variant.setdefault(v, c)
    for canonical, names in SYNONYMS.items():
        if canonical in mapping:
            continue
        for name in names:
            col = by_variant.get(slug(name))
            if col is not None and col not in used:
                mapping[canonical] = col
                used.add(col)
                break
    if "created_at" in mapping:
        for name in TIME_OF_DAY:
            col = by_slug.get(name)
            if col is not None and col not in used:
                mapping["created_at"] = [mapping["created_at"], col]
                break
    return mapping


def apply_mapping(frame: pd.DataFrame, mapping: dict, *, source: str) -> tuple[pd.DataFrame, dict[str, str]]:
    """Build raw canonical records from ``frame``; unmapped columns are kept as ``x_<name>``.

    Parameters
    ----------
    frame
        The table as read (strings, the spreadsheet row of each record in ``__row``).
    mapping
        ``{canonical or x_ column: source column or list of source columns}``; a list is joined
        with a space (a date and a time of day), and is missing where its first column is.
    source
        The file, for messages.

    Returns
    -------
    raw, mapped
        The raw records (``source_row`` first), and ``{canonical column: what it was read from}``.

    Raises
    ------
    InputError
        When the mapping names a column that is not canonical, or one that is not in the file.

    Examples
    --------
    >>> frame = pd.DataFrame({"__row": [2], "Date": ["2026-01-05"], "Hour": ["10:00"], "Mood": ["ok"]})
    >>> raw, mapped = apply_mapping(frame, {"created_at": ["Date", "Hour"]}, source="a.csv")
    >>> raw.to_dict("records"), mapped
    ([{'source_row': 2, 'created_at': '2026-01-05 10:00', 'x_mood': 'ok'}], {'created_at': 'Date + Hour'})
    """
    unknown = [c for c in mapping if c not in schema.DTYPES and not str(c).startswith("x_")]
    if unknown:
        raise InputError(
            f"{source}: mapping names {unknown}, which are not canonical columns "
            f"({', '.join(schema.COLUMN_NAMES)}) nor extra x_ columns"
        )
    raw = pd.DataFrame({"source_row": frame["__row"].to_numpy()})
    mapped: dict[str, str] = {}
    used: set[str] = set()
    for canonical, cols in mapping.items():
        cols = [cols] if isinstance(cols, str) else list(cols)
        missing = [c for c in cols if c not in frame.columns]
        if missing:
            raise InputError(
                f"{source}: column {missing[0]!r} (mapped to '{canonical}') is not in the file; "
                f"columns are {[c for c in frame.columns if c != '__row']}"
            )
        values = frame[cols[0]].astype("string")
        if len(cols) > 1:
            first = values
            for c in cols[1:]:
                values = values.str.cat(frame[c].astype("string"), sep=" ", na_rep="")
            values = values.str.strip().mask(first.isna())  # a time of day without its date is no time
        raw[canonical] = values.array  # positional, keeps the Arrow strings (to_numpy would box a million objects)
        mapped[canonical] = " + ".join(cols)
        used.update(cols)
    for c in frame.columns:
        if c != "__row" and c not in used:
            name = slug(c) if slug(c).startswith("x_") else "x_" + slug(c)  # a kit-written x_ column keeps its name
            if name not in raw.columns:
                raw[name] = frame[c].array
    return raw, mapped


def full_mapping(frame: pd.DataFrame, explicit: dict) -> dict:
    """The explicit mapping, completed by guesses for the canonical columns and source columns it leaves free.

    Parameters
    ----------
    frame
        The table as read (its ``__row`` column is not a source column).
    explicit
        ``{canonical column: source column(s)}`` given by the caller; it always wins.

    Returns
    -------
    dict
        The completed mapping.

    Examples
    --------
    >>> frame = pd.DataFrame({"__row": [2], "date": ["2026-01-05"], "text": ["a"], "Message": ["b"]})
    >>> full_mapping(frame, {"text": "Message"})
    {'created_at': 'date', 'text': 'Message'}
    """
    guessed = guess_mapping([c for c in frame.columns if c != "__row"])
    fmt = guessed.get("media_format")
    if isinstance(fmt, str) and "paid" not in guessed and _paid_words(frame[fmt]):
        guessed["paid"] = guessed.pop("media_format")  # LinkedIn's "Post type": Organic / Sponsored
        other = guess_mapping([c for c in frame.columns if c not in ("__row", fmt)]).get("media_format")
        if other is not None:  # its "Content type" (Image, Video...) is then the format
            guessed["media_format"] = other
    taken = {c for v in explicit.values() for c in ([v] if isinstance(v, str) else v)}
    return {
        **{
            k: v
            for k, v in guessed.items()
            if k not in explicit and not ({v} if isinstance(v, str) else set(v)) & taken
        },
        **explicit,
    }


def _paid_words(values: pd.Series) -> bool:
    """Whether a column's values are all words for paid or organic (``Organic``, ``Sponsored``...), not formats."""
    words = set(values.dropna().astype(str).str.strip().str.lower()) - {""}
    return bool(words) and words <= {"organic", "sponsored", "paid", "promoted", "boosted", "unpaid", "ad"}
