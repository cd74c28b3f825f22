"""Values other than times, as :func:`kit.io.finish` reads them: counts, yes/no, categories
(kind, media format, platform) through alias tables, HTML entities in texts, and ids.

>>> parse_counts(pd.Series(["1,234", "1.2K", "n/a"]))[0].tolist()
[1234, 1200, <NA>]
"""

from __future__ import annotations

import hashlib
import html
import re

import numpy as np
import pandas as pd

from .. import schema

__all__ = [
    "KIND_ALIASES",
    "FORMAT_ALIASES",
    "PLATFORM_ALIASES",
    "TRUE",
    "FALSE",
    "SCI_ID",
    "parse_counts",
    "parse_bool",
    "normalise",
    "normalise_platform",
    "platform_from_urls",
    "per_value",
    "clean_text",
    "surrogate",
]

KIND_ALIASES = {
    "original": "original",
    "post": "original",
    "status": "original",
    "tweet": "original",
    "submission": "original",
    "link": "original",
    "article": "original",
    "mention": "original",
    "repost": "repost",
    "retweet": "repost",
    "retweeted": "repost",
    "rt": "repost",
    "share": "repost",
    "boost": "repost",
    "reblog": "repost",
    "reshare": "repost",
    "quote": "quote",
    "quoted": "quote",
    "quote_tweet": "quote",
    "reply": "reply",
    "replied_to": "reply",
    "comment": "reply",
    "response": "reply",
}
FORMAT_ALIASES = {
    "text": "text",
    "status": "text",
    "none": "text",
    "self": "text",
    "plain": "text",
    "link": "link",
    "article": "link",
    "url": "link",
    "shared_link": "link",
    "image": "image",
    "photo": "image",
    "picture": "image",
    "album": "image",
    "carousel": "image",
    "gallery": "image",
    "carousel_album": "image",
    "video": "video",
    "animated_gif": "video",
    "gif": "video",
    "reel": "video",
    "reels": "video",
    "live": "video",
    "live_video": "video",
    # page-insights exports name the type in the plural ("Photos", "Links", "Videos", "Shared video")
    "photos": "image",
    "images": "image",
    "albums": "image",
    "links": "link",
    "videos": "video",
    "shared_video": "video",
    "shared_videos": "video",
    "statuses": "text",
}
PLATFORM_ALIASES = {
    "x": "twitter",
    "x.com": "twitter",
    "twitter.com": "twitter",
    "tweet": "twitter",
    "fb": "facebook",
    "ig": "instagram",
    "bsky": "bluesky",
    "bluesky.social": "bluesky",
    # listening tools: Talkwalker's source types, Brandwatch's page types
    "onlinenews": "news",
    "newspaper": "news",
    "messageboard": "forum",
    "forums": "forum",
    "blogs": "blog",
    "microblog": "other",
}
TRUE = {"true", "yes", "y", "1", "paid", "promoted", "sponsored", "ad", "boosted", "t"}
FALSE = {"false", "no", "n", "0", "organic", "unpaid", "f", ""}

SCI_ID = re.compile(r"^\s*\d([.,]\d+)?[eE]\+?\d+\s*$")


def parse_counts(values: pd.Series) -> tuple[pd.Series, pd.Series]:
    """Parse engagement counts: thousands separators, '1.2K' / '3M' suffixes, floats from spreadsheets.

    Parameters
    ----------
    values
        Numbers, or text as exports write counts.

    Returns
    -------
    counts, bad
        The Int64 series (missing where unreadable), and a mask of values that were present but
        unreadable, negative, or too large for a count.

    Examples
    --------
    >>> counts, bad = parse_counts(pd.Series(["12.345", "3M", "-2", None, "1,2k", "12,5", "1,234"]))
    >>> counts.tolist(), bad.tolist()
    ([12345, 3000000, <NA>, <NA>, 1200, 12, 1234], [False, False, True, False, False, False, False])
    """
    if pd.api.types.is_numeric_dtype(values) and not pd.api.types.is_bool_dtype(values):
        num = values.astype("float64")
    elif values.astype("string").str.fullmatch(r"\d{1,18}").fillna(True).all():  # plain digits: the common case
        num = _digits_to_float(values.astype("string"))
    else:
        text = values.astype("string").str.strip().str.replace(r"[\s\u00a0\u202f']", "", regex=True)
        # a decimal comma ("12,5", "1,2k"): a comma not followed by exactly three digits; others separate thousands
        text = text.str.replace(r"^([-+]?\d+),(\d{1,2}|\d{4,})([kKmM]?)$", r"\1.\2\3", regex=True)
        text = text.str.replace(r"^([-+]?\d+),(\d+)([kKmM])$", r"\1.\2\3", regex=True).str.replace(",", "", regex=False)
        # "1.234" and "12.345.678": dots as thousands separators (a count is never fractional)
        dotted = text.str.fullmatch(r"[-+]?\d{1,3}(?:\.\d{3})+").fillna(False)
        text = text.mask(dotted, text.str.replace(".", "", regex=False)).replace("", pd.NA)
        mult = pd.Series(1.0, index=values.index)
        suffix = text.str.extract(r"^([-+]?\d+(?:\.\d+)?)([kKmM])$")
        has_suffix = suffix[0].notna()
        text = text.where(~has_suffix, suffix[0])
        mult = mult.where(~has_suffix, suffix[1].str.lower().map({"k": 1e3, "m": 1e6}))
        num = pd.to_numeric(text, errors="coerce").astype("float64") * mult
    present = values.notna() & (values.astype("string").str.strip() != "")
    bad = present & (num.isna() | (num < 0) | (num >= 2.0**63))  # 2**63: beyond Int64, not a count
    num = num.where(~bad)
    return num.round().astype("Int64"), bad.fillna(False)


def _digits_to_float(values: pd.Series) -> pd.Series:
    """Strings of at most 18 digits (or missing) as float64 (NaN where missing): Arrow's cast, which is
    tens of times faster than ``pd.to_numeric`` on a million strings."""
    try:
        import pyarrow as pa
        import pyarrow.compute as pc

        arr = pc.cast(pa.array(values.array), pa.int64())
        return pd.Series(arr.to_numpy(zero_copy_only=False), index=values.index).astype("float64")
    except (ImportError, TypeError, ValueError, pa.ArrowException):
        return pd.to_numeric(values, errors="coerce").astype("float64")


def normalise(values: pd.Series, aliases: dict[str, str]) -> tuple[pd.Series, pd.Series]:
    """Map values through ``aliases`` (case-insensitive, spaces and dashes read as ``_``).

    Parameters
    ----------
    values
        Raw category values.
    aliases
        ``{alias: canonical value}``, e.g. :data:`KIND_ALIASES`.

    Returns
    -------
    mapped, unknown
        The canonical values (missing where unknown) and a mask of present values no alias names.

    Examples
    --------
    >>> mapped, unknown = normalise(pd.Series(["Retweet", "Quote Tweet", "blob"]), KIND_ALIASES)
    >>> mapped.tolist(), unknown.tolist()
    (['repost', 'quote', <NA>], [False, False, True])
    """

    def one(v: pd.Series) -> pd.DataFrame:
        key = v.str.strip().str.lower().str.replace(r"[\s\-]+", "_", regex=True)
        mapped = key.map(aliases).astype("string")
        return pd.DataFrame({"mapped": mapped, "unknown": (key.notna() & (key != "") & mapped.isna()).fillna(False)})

    got = per_value(values.astype("string"), one)
    return got["mapped"], got["unknown"].astype(bool)


def per_value(values: pd.Series, fn):
    """``fn(values)`` computed once per distinct value and spread back to every row.

    Columns such as kind, platform, media format or language hold a handful of distinct values in a
    million rows: the string work is then done on a few values, not on every row. Missing values go
    through ``fn`` too, so the result is the same as ``fn(values)``.

    Parameters
    ----------
    values
        The column.
    fn
        A vectorised transform: Series in, Series or DataFrame of the same length out.

    Returns
    -------
    pandas.Series or pandas.DataFrame
        ``fn(values)``, on the index of ``values``.

    Examples
    --------
    >>> per_value(pd.Series(["A", "A", "B", "A", None] * 2, dtype="string"), lambda v: v.str.lower()).tolist()
    ['a', 'a', 'b', 'a', <NA>, 'a', 'a', 'b', 'a', <NA>]
    """
    codes, uniques = pd.factorize(values, use_na_sentinel=True)
    if len(uniques) * 4 > len(values):  # mostly distinct: nothing to gain
        return fn(values)
    small = pd.concat(
        [
            pd.Series(uniques, dtype=values.dtype),
            pd.Series([pd.NA], dtype=values.dtype if values.dtype != object else object),
        ],
        ignore_index=True,
    )
    done = fn(small)
    at = np.where(codes < 0, len(uniques), codes)
    return done.iloc[at].set_axis(values.index)


def normalise_platform(values: pd.Series) -> tuple[pd.Series, pd.Series]:
    """Map platform names to :data:`kit.schema.PLATFORMS`: aliases (``x``, ``fb``), domains (``facebook.com``)
    and listening-tool source types (``SOCIALMEDIA_TWITTER``, ``ONLINENEWS_NEWSPAPER``, ``BLOG_OTHER``).

    Parameters
    ----------
    values
        Raw platform names.

    Returns
    -------
    mapped, unknown
        The platforms (missing where unknown) and a mask of present values that name no known platform.

    Examples
    --------
    >>> normalise_platform(pd.Series(["X", "facebook.com", "SOCIALMEDIA_TWITTER", "myspace"]))[0].tolist()
    ['twitter', 'facebook', 'twitter', <NA>]
    """
    key = values.astype("string").str.strip().str.lower()
    table = {k: _platform_of(k) for k in key.dropna().unique()}  # few distinct values: a dict, not a loop over rows
    mapped = key.map(table).astype("string")
    unknown = key.notna() & (key != "") & mapped.isna()
    return mapped, unknown.fillna(False)


def platform_from_urls(urls: pd.Series) -> pd.Series:
    """The platform named by the host of each link (``https://www.instagram.com/p/...`` is instagram).

    Only the host counts (a path naming another site does not); links to no known platform are missing.

    Parameters
    ----------
    urls
        Links (missing values allowed).

    Returns
    -------
    pandas.Series
        Platform names (:data:`kit.schema.PLATFORMS`), missing where the host names none.

    Examples
    --------
    >>> platform_from_urls(pd.Series(["https://twitter.com/a/status/1", "https://www.linkedin.com/feed/x",
    ...                               "https://example.org/facebook", None])).tolist()
    ['twitter', 'linkedin', <NA>, <NA>]
    """
    hosts = urls.astype("string").str.extract(r"^\s*(?:[a-z][a-z0-9+.-]*://)?([^/\s?#:]+)", flags=re.I)[0]
    mapped, _ = normalise_platform(hosts.str.lower().str.removeprefix("www."))
    return mapped.where(hosts.notna() & hosts.str.contains(".", regex=False).fillna(False))


def _platform_of(key: str) -> str | None:
    if key in schema.PLATFORMS:
        return key
    if key in PLATFORM_ALIASES:
        return PLATFORM_ALIASES[key]
    for token in re.split(r"[\s_\-./:]+", key):
        if token in schema.PLATFORMS and token != "other":
            return token
        if token in PLATFORM_ALIASES:
            return PLATFORM_ALIASES[token]
    return None


def parse_bool(values: pd.Series) -> tuple[pd.Series, pd.Series]:
    """Read yes/no values (``paid``): booleans, or words such as ``yes``, ``promoted``, ``organic``.

    Parameters
    ----------
    values
        Booleans or text (see :data:`TRUE` and :data:`FALSE`).

    Returns
    -------
    parsed, bad
        The ``boolean`` series (missing where blank or unreadable) and a mask of unreadable values.

    Examples
    --------
    >>> parsed, bad = parse_bool(pd.Series(["Promoted", "organic", "", "maybe"]))
    >>> parsed.tolist(), bad.tolist()
    ([True, False, <NA>, <NA>], [False, False, False, True])
    """
    if pd.api.types.is_bool_dtype(values):
        return values.astype("boolean"), pd.Series(False, index=values.index)
    key = values.astype("string").str.strip().str.lower()
    out = pd.Series(pd.NA, index=values.index, dtype="boolean")
    out[key.isin(TRUE).fillna(False)] = True
    out[key.isin(FALSE).fillna(False) & (key != "")] = False
    bad = key.notna() & (key != "") & ~key.isin(TRUE | FALSE)
    return out, bad.fillna(False)


def clean_text(values: pd.Series) -> pd.Series:
    """Decode HTML entities (``&amp;`` -> ``&``) and normalise line ends; text stays text.

    Parameters
    ----------
    values
        Texts.

    Returns
    -------
    pandas.Series
        ``string`` dtype, entities decoded, ``\\r\\n`` read as ``\\n``.

    Examples
    --------
    >>> clean_text(pd.Series(["Fish &amp; chips", "&lt;b&gt;\\r\\nx"])).tolist()
    ['Fish & chips', '<b>\\nx']
    """
    text = values.astype("string")
    has_entity = text.str.contains("&", regex=False).fillna(False)
    if has_entity.any():
        text = text.copy()
        text[has_entity] = text[has_entity].map(html.unescape)
    return text.str.replace("\r\n", "\n", regex=False)


def surrogate(parts) -> str:
    """A stable id for a post without one, from its content.

    Parameters
    ----------
    parts
        The strings that identify the post: platform, author, time (ISO, to the second), text.

    Returns
    -------
    str
        ``s-`` and 16 hex digits of their SHA-1.

    Examples
    --------
    >>> surrogate(("twitter", "ana", "2026-01-05T10:00:00", "Bonjour"))
    's-94d24c228ab797e0'
    """
    digest = hashlib.sha1("\x1f".join(parts).encode()).hexdigest()
    return f"s-{digest[:16]}"
