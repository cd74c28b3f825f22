"""The header vocabulary of table exports: which source column gives which canonical column.

Header names are compared as slugs (case, spaces, underscores, dashes, dots and brackets ignored);
:data:`SYNONYMS` lists the names seen in real exports, and a few sets of headers pin down a format
(:data:`LISTENING_MARKERS`, :data:`INSIGHTS_MARKERS`).

>>> guess_mapping(["Tweet Id", "Created At", "Full Text"])
{'post_id': 'Tweet Id', 'text': 'Full Text', 'created_at': 'Created At'}
"""

from __future__ import annotations

import re

import pandas as pd

from .. import schema
from ._base import InputError

__all__ = [
    "SYNONYMS",
    "TIME_OF_DAY",
    "LISTENING_MARKERS",
    "INSIGHTS_MARKERS",
    "slug",
    "guess_mapping",
    "full_mapping",
    "apply_mapping",
]

# Header names seen in real exports, per canonical column, most specific first. Matching ignores
# case, spaces, underscores, dashes, dots and brackets.
SYNONYMS: dict[str, tuple[str, ...]] = {
    "post_id": (
        "post_id",
        "postid",
        "tweet_id",
        "tweetid",
        "id_tweet",
        "status_id",
        "mention_id",
        "resource_id",
        "message_id",
        "guid",
        "id",
    ),
    "text": (
        "full_text",
        "fulltext",
        "text",
        "tweet_text",
        "content",
        "message",
        "body",
        "post_message",
        "snippet",
        "description",
        "caption",
        "title",
        "texte",
    ),
    "created_at": (
        "created_at",
        "tweet_created",
        "published",
        "publish_time",
        "published_at",
        "post_date",
        "posted_at",
        "date_utc",
        "datetime",
        "timestamp",
        "created",
        "date",
        "time",
    ),
    "author_handle": (
        "author_handle",
        "screen_name",
        "twitter_screen_name",
        "username",
        "user_name",
        "handle",
        "pseudo",
        "author",
        "user",
        "name",
        "page_name",
        "auteur",
    ),
    "author_name": ("author_name", "display_name", "full_name", "author_display_name", "user_display_name"),
    "author_id": ("author_id", "user_id", "id_compte", "account_id", "page_id", "twitter_author_id"),
    "author_followers": (
        "author_followers",
        "followers_count",
        "twitter_followers",
        "user_followers_count",
        "nb_followers",
        "followers",
        "page_followers",
        "fans",
    ),
    "likes": (
        "likes",
        "like_count",
        "favorite_count",
        "favourites_count",
        "favorites",
        "twitter_likes",
        "facebook_likes",
        "reactions",
        "total_reactions",
        "upvotes",
        "score",
    ),
    "shares": (
        "shares",
        "share_count",
        "retweet_count",
        "retweets",
        "twitter_retweets",
        "reposts",
        "reblogs",
        "reblogs_count",
        "facebook_shares",
    ),
    "comments": (
        "comments",
        "comment_count",
        "reply_count",
        "replies",
        "twitter_replies",
        "num_comments",
        "facebook_comments",
        "replies_count",
    ),
    "quotes": ("quotes", "quote_count", "quote_tweets"),
    "views": (
        "views",
        "view_count",
        "impressions",
        "impression_count",
        "post_impressions",
        "lifetime_post_total_impressions",
        "video_views",
        "plays",
    ),
    "reach": ("reach", "reach_new", "post_reach", "lifetime_post_total_reach", "potential_reach", "estimated_reach"),
    "lang": ("lang", "language", "language_code"),
    "url": ("url", "permalink", "link", "tweet_url", "post_url"),
    "kind": ("kind", "post_kind", "tweet_type", "mention_type", "interaction_type", "thread_entry_type"),
    "media_format": ("media_format", "format", "media_type", "post_type", "content_type", "type"),
    "platform": ("platform", "network", "page_type", "source_type", "content_source", "site", "channel"),
    "parent_id": ("parent_id", "in_reply_to_status_id", "in_reply_to", "reply_to", "thread_id", "conversation_id"),
    "paid": ("paid", "is_paid", "promoted", "sponsored", "boosted", "is_promoted"),
    "actor": ("actor", "brand", "airline", "company", "query_name", "query"),
    "actor_role": ("actor_role", "role"),
    "country": ("country", "country_code", "author_country", "user_country"),
    "source_app": ("source_app", "device", "client", "application", "tweet_source"),
}
TIME_OF_DAY = ("heure_utc0", "heure", "hour", "time_of_day", "time_utc", "publish_hour")

# A few headers pin down a format.
LISTENING_MARKERS = (
    {"query_id", "full_text", "page_type"},
    {"query_name", "full_text"},
    {"published", "engagement", "source_type"},
    {"published", "content", "reach", "sentiment"},
)
INSIGHTS_MARKERS = (
    {"post_id", "permalink", "reach"},
    {"post_id", "publish_time", "impressions"},
    {"post_id", "lifetime_post_total_reach"},
    {"publish_time", "post_type", "reach"},
)


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
    mapping: dict[str, str | list[str]] = {}
    used: set[str] = set()
    for canonical, names in SYNONYMS.items():
        for name in names:
            col = by_slug.get(slug(name))
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
    taken = {c for v in explicit.values() for c in ([v] if isinstance(v, str) else v)}
    return {
        **{
            k: v
            for k, v in guessed.items()
            if k not in explicit and not ({v} if isinstance(v, str) else set(v)) & taken
        },
        **explicit,
    }
