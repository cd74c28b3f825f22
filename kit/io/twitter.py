"""Readers for X/Twitter API exports: v1.1 statuses, and v2 as written by twarc2.

Both give the canonical post table (see :mod:`kit.schema`). A tweet that retweets, quotes and
replies at once gets one kind, in that order of precedence: a retweet is a ``repost``, else a
quote is a ``quote``, else a reply is a ``reply``. The id replied to and the id quoted are
always kept as ``x_in_reply_to_id`` and ``x_quoted_id``.

Counts are what the API reports for the object: for a retweet, Twitter reports the retweeted
tweet's retweets (and no likes), so summing ``shares`` over reposts counts the original's.
"""

from __future__ import annotations

import re
from functools import lru_cache, partial
from pathlib import Path
from typing import Any

import pandas as pd

from ._base import LoadReport, finish
from ._json import (
    Collector,
    apply_mapping,
    check_mapping,
    get,
    id_str,
    parse_all,
    paused_gc,
    read_records,
    where,
)
from ._markup import html_to_text

__all__ = ["read_twitter_v1", "read_twitter_v2"]

V1_TIME = "%a %b %d %H:%M:%S %z %Y"
V1_MEDIA = {"photo": "image", "video": "video", "animated_gif": "video"}
V2_MEDIA = {"photo": "image", "video": "video", "animated_gif": "video"}
STATUS_LINK = re.compile(r"^https?://(?:www\.|mobile\.)?(?:twitter|x)\.com/(?:i/web|[^/]+)/status(?:es)?/\d+", re.I)
EXTRA = ("x_in_reply_to_id", "x_quoted_id")
# Twitter's codes for "no language": undetermined, no linguistic content, only media/hashtags/mentions...
UNDETERMINED = {"und", "zxx", "qam", "qct", "qht", "qme", "qst", "art"}


def _lang(code: str | None) -> str | None:
    return "und" if code in UNDETERMINED else code


def _tweet_url(handle: str | None, tweet_id: str | None) -> str | None:
    if not tweet_id:
        return None
    return f"https://twitter.com/{handle or 'i/web'}/status/{tweet_id}"


@lru_cache(maxsize=4096)
def _source_app(source: str) -> str | None:
    """The client's name from v1.1's ``source`` link (a few distinct values per file: cached)."""
    return html_to_text(source) or None


def _kind(retweeted: str | None, quoted: str | None, replied: str | None) -> tuple[str, str | None]:
    if retweeted:
        return "repost", retweeted
    if quoted:
        return "quote", quoted
    if replied:
        return "reply", replied
    return "original", None


def _format_from_urls(urls: list | None) -> str | None:
    """``link`` when the tweet carries a URL that is not a link to another tweet (a quote)."""
    for u in urls or ():
        if isinstance(u, dict):
            target = u.get("expanded_url") or u.get("url") or ""
            if target and not STATUS_LINK.match(target):
                return "link"
    return None


# --- v1.1 ----------------------------------------------------------------------------------------


def _v1_row(t: dict, row: int) -> dict:
    ext = t.get("extended_tweet") if isinstance(t.get("extended_tweet"), dict) else {}
    user = t.get("user") if isinstance(t.get("user"), dict) else {}
    tid = id_str(t.get("id_str")) or id_str(t.get("id"))
    handle = user.get("screen_name")
    retweeted = t.get("retweeted_status")
    retweeted_id = (
        (id_str(retweeted.get("id_str")) or id_str(retweeted.get("id"))) if isinstance(retweeted, dict) else None
    )
    quoted = (
        id_str(t.get("quoted_status_id_str"))
        or id_str(t.get("quoted_status_id"))
        or id_str(get(t, "quoted_status.id_str"))
    )
    replied = id_str(t.get("in_reply_to_status_id_str")) or id_str(t.get("in_reply_to_status_id"))
    kind, parent = _kind(retweeted_id, quoted, replied)

    media_format = None
    for holder in (ext, t):
        for key in ("extended_entities", "entities"):
            for m in get(holder, f"{key}.media", []) or []:
                media_format = V1_MEDIA.get(m.get("type")) if isinstance(m, dict) else None
                if media_format:
                    break
            if media_format:
                break
        if media_format:
            break
    media_format = (
        media_format
        or _format_from_urls(get(ext, "entities.urls"))
        or _format_from_urls(get(t, "entities.urls"))
        or "text"
    )

    source = t.get("source")
    return {
        "source_row": row,
        "post_id": tid,
        "author_id": id_str(user.get("id_str")) or id_str(user.get("id")),
        "author_handle": handle,
        "author_name": user.get("name"),
        "author_followers": user.get("followers_count"),
        "created_at": t.get("created_at"),
        "text": ext.get("full_text") or t.get("full_text") or t.get("text"),
        "lang": _lang(t.get("lang")),
        "kind": kind,
        "parent_id": parent,
        "url": _tweet_url(handle, tid),
        "media_format": media_format,
        "likes": t.get("favorite_count"),
        "shares": t.get("retweet_count"),
        "comments": t.get("reply_count"),
        "quotes": t.get("quote_count"),
        "country": get(t, "place.country_code"),
        "source_app": _source_app(source) if isinstance(source, str) else None,
        "x_in_reply_to_id": replied,
        "x_quoted_id": quoted,
    }


def read_twitter_v1(
    path: str | Path,
    *,
    platform: str | None = "twitter",
    actor: str | None = None,
    actor_role: str | None = None,
    tz: str = "UTC",
    strict: bool = False,
    mapping: dict[str, str] | None = None,
) -> tuple[pd.DataFrame, LoadReport]:
    """Read X/Twitter API v1.1 statuses: a JSON array, JSON lines, or ``{"statuses": [...]}``.

    The text is ``extended_tweet.full_text``, else ``full_text``, else ``text`` (a retweet's text
    is kept as given, ``RT @user: ...``); HTML entities such as ``&amp;`` are decoded. The client
    (``source``, an HTML link) becomes ``source_app`` without its tag. Records that are not
    statuses (streaming ``delete`` or ``limit`` notices) are dropped with a reason.

    Parameters
    ----------
    path
        The export.
    platform, actor, actor_role
        Values for every row (``platform`` defaults to ``"twitter"``).
    tz
        Zone of times written without one (v1.1 times always carry ``+0000``).
    strict
        Raise :class:`~kit.io.InputError` on the first record that would be dropped.
    mapping
        ``{canonical column: dotted path in the status}`` overriding the built-in mapping,
        e.g. ``{"country": "user.location"}``.

    Returns
    -------
    posts, report
        The post table and its :class:`~kit.io.LoadReport`.

    Examples
    --------
    >>> import json, pathlib, tempfile
    >>> path = pathlib.Path(tempfile.mkdtemp()) / "statuses.json"
    >>> user, when = {"screen_name": "ana"}, "Wed Oct 10 20:19:24 +0000 2018"
    >>> tweets = [{"id_str": "1", "created_at": when, "full_text": "Fish &amp; chips", "user": user},
    ...           {"id_str": "2", "created_at": when, "full_text": "RT @ana: Fish", "user": user,
    ...            "retweeted_status": {"id_str": "1"}}]
    >>> _ = path.write_text(json.dumps(tweets))
    >>> posts, report = read_twitter_v1(path)
    >>> posts[["text", "kind", "parent_id"]].to_numpy().tolist()
    [['Fish & chips', 'original', <NA>], ['RT @ana: Fish', 'repost', '1']]
    """
    path = Path(path)
    check_mapping(mapping, path)
    with paused_gc():  # many small dicts alive at once: see paused_gc
        recs = read_records(path, strict=strict)
        out = Collector(path, recs.dropped, strict=strict, warnings=recs.warnings)
        items = recs.items
        if recs.layout == "object" and isinstance(items[0][1].get("statuses"), list):  # search/tweets.json
            items = list(enumerate(items[0][1]["statuses"], start=1))
        for row, t in items:
            if not isinstance(t, dict):
                out.drop(row, None, f"{where(recs.layout, row)}: not a JSON object")
            elif "id_str" not in t and "id" not in t and "text" not in t and "full_text" not in t:
                out.drop(row, None, f"{where(recs.layout, row)}: not a status (keys: {', '.join(sorted(t)[:5])})")
            else:
                out.build(
                    partial(lambda t, row: apply_mapping(_v1_row(t, row), t, mapping), t, row),
                    t,
                    row,
                    where(recs.layout, row),
                )
        raw = out.frame(EXTRA)
        raw["created_at"] = parse_all(raw["created_at"], V1_TIME)
        del recs, items  # let the parsed JSON go before finish (the collector runs again there)
    return finish(
        raw,
        warnings=out.warnings,
        source=path,
        format="twitter_v1",
        columns_mapped=_mapped(mapping, V1_MAPPED),
        dropped=out.dropped,
        platform=platform or "twitter",
        actor=actor,
        actor_role=actor_role,
        tz=tz,
        strict=strict,
    )


V1_MAPPED = {
    "post_id": "id_str",
    "author_id": "user.id_str",
    "author_handle": "user.screen_name",
    "author_name": "user.name",
    "author_followers": "user.followers_count",
    "created_at": "created_at",
    "text": "extended_tweet.full_text | full_text | text",
    "lang": "lang",
    "kind": "retweeted_status | quoted_status_id_str | in_reply_to_status_id_str",
    "parent_id": "retweeted_status.id_str | quoted_status_id_str | in_reply_to_status_id_str",
    "url": "https://twitter.com/{user.screen_name}/status/{id_str}",
    "media_format": "extended_entities.media[].type | entities.urls",
    "likes": "favorite_count",
    "shares": "retweet_count",
    "comments": "reply_count",
    "quotes": "quote_count",
    "country": "place.country_code",
    "source_app": "source",
}


def _mapped(mapping: dict | None, builtin: dict[str, str]) -> dict[str, str]:
    return {**builtin, **(mapping or {})}


# --- v2 (twarc2) ---------------------------------------------------------------------------------


def _index(objs: Any, key: str) -> dict[str, dict]:
    return {str(o[key]): o for o in objs or () if isinstance(o, dict) and o.get(key) is not None}


def _v2_row(t: dict, row: int, page_index: int | None, users: dict, media: dict, places: dict) -> dict:
    tid = id_str(t.get("id"))
    author = t.get("author") if isinstance(t.get("author"), dict) else users.get(str(t.get("author_id")), {})
    refs = {}
    for ref in t.get("referenced_tweets") or ():
        if isinstance(ref, dict) and ref.get("type") and ref.get("id") is not None:
            refs.setdefault(ref["type"], id_str(ref["id"]))
    kind, parent = _kind(refs.get("retweeted"), refs.get("quoted"), refs.get("replied_to"))

    media_format = None
    attachments = t.get("attachments") if isinstance(t.get("attachments"), dict) else {}
    # flattened lines carry the media objects themselves in attachments.media
    found = [m for m in attachments.get("media") or () if isinstance(m, dict)] or [
        media.get(str(k), {}) for k in attachments.get("media_keys") or ()
    ]
    for m in found:
        media_format = V2_MEDIA.get(m.get("type"))
        if media_format:
            break
    media_format = media_format or _format_from_urls(get(t, "entities.urls")) or "text"

    public = t.get("public_metrics") if isinstance(t.get("public_metrics"), dict) else {}
    views = public.get("impression_count")
    if views is None:
        views = get(t, "non_public_metrics.impression_count")
    if views is None:
        views = get(t, "organic_metrics.impression_count")
    place = get(t, "geo.place")  # flattened lines embed the place
    if not isinstance(place, dict):
        place = places.get(str(get(t, "geo.place_id")), {})
    handle = author.get("username")
    text = get(t, "note_tweet.text") or t.get("text")  # long posts: text is cut, note_tweet.text is whole
    return {
        "source_row": row,
        "post_id": tid,
        "author_id": id_str(t.get("author_id")) or id_str(author.get("id")),
        "author_handle": handle,
        "author_name": author.get("name"),
        "author_followers": get(author, "public_metrics.followers_count"),
        "created_at": t.get("created_at"),
        "text": text,
        "lang": _lang(t.get("lang")),
        "kind": kind,
        "parent_id": parent,
        "url": _tweet_url(handle, tid),
        "media_format": media_format,
        "likes": public.get("like_count"),
        "shares": public.get("retweet_count"),
        "comments": public.get("reply_count"),
        "quotes": public.get("quote_count"),
        "views": views,
        "country": place.get("country_code"),
        "source_app": t.get("source"),
        "x_in_reply_to_id": refs.get("replied_to"),
        "x_quoted_id": refs.get("quoted"),
        "x_conversation_id": id_str(t.get("conversation_id")),
        "x_page_index": page_index,
    }


def read_twitter_v2(
    path: str | Path,
    *,
    platform: str | None = "twitter",
    actor: str | None = None,
    actor_role: str | None = None,
    tz: str = "UTC",
    strict: bool = False,
    mapping: dict[str, str] | None = None,
) -> tuple[pd.DataFrame, LoadReport]:
    """Read X/Twitter API v2 tweets: twarc2 pages, ``twarc2 flatten`` lines, or a plain ``{"data": [...]}``.

    In twarc2 output each line is one response page: the tweets are in ``data``, their authors,
    media and places in ``includes`` (joined by ``author_id``, ``attachments.media_keys`` and
    ``geo.place_id``). Tweets in ``includes.tweets`` (those referenced) are not rows. Every tweet
    of a page gets the page's line number as ``source_row`` and its 1-based position in the page
    as ``x_page_index``; messages name both ("line 3, tweet 5"). ``rows_read`` counts tweets,
    plus one per line that could not be read at all.

    Kinds come from ``referenced_tweets`` (retweeted, quoted, replied_to), counts from
    ``public_metrics``; ``views`` is ``public_metrics.impression_count``, else the non-public or
    organic impression count. A long post's whole text is taken from ``note_tweet``.

    Parameters
    ----------
    path
        The export (JSON lines or one JSON document).
    platform, actor, actor_role, tz, strict, mapping
        As for :func:`read_twitter_v1`; ``mapping`` paths apply to each tweet.

    Returns
    -------
    posts, report
        The post table and its :class:`~kit.io.LoadReport`.

    Examples
    --------
    >>> import json, pathlib, tempfile
    >>> path = pathlib.Path(tempfile.mkdtemp()) / "twarc2.jsonl"
    >>> tweet = {"id": "5", "text": "Bonjour", "author_id": "9", "created_at": "2026-01-05T10:00:00.000Z",
    ...          "public_metrics": {"like_count": 3}}
    >>> page = {"data": [tweet], "includes": {"users": [{"id": "9", "username": "ana"}]}}
    >>> _ = path.write_text(json.dumps(page) + "\\n")
    >>> posts, report = read_twitter_v2(path)
    >>> posts[["post_id", "author_handle", "likes", "source_row"]].to_numpy().tolist(), report.rows_read
    ([['5', 'ana', 3, 1]], 1)
    """
    path = Path(path)
    check_mapping(mapping, path)
    with paused_gc():  # many small dicts alive at once: see paused_gc
        recs = read_records(path, strict=strict)
        out = Collector(path, recs.dropped, strict=strict, warnings=recs.warnings)
        items = recs.items
        if recs.layout == "array" and items and all(isinstance(v, dict) and "data" not in v for _, v in items):
            items = [(1, {"data": [v for _, v in items]})]  # a bare array of tweets: number them 1, 2, ...
            layout = "array"
        else:
            layout = recs.layout
        for row, page in items:
            name = where(layout, row)
            if not isinstance(page, dict):
                out.drop(row, None, f"{name}: not a JSON object")
                continue
            if "data" not in page:
                if "id" in page and ("text" in page or "created_at" in page):  # a flattened tweet
                    _add_v2(out, page, row, None, name, {}, {}, {}, mapping)
                else:
                    keys = ", ".join(sorted(page)[:5])
                    out.drop(row, None, f"{name}: neither a page of tweets nor a tweet (keys: {keys})")
                continue
            data = page.get("data")
            includes = page.get("includes") if isinstance(page.get("includes"), dict) else {}
            users = _index(includes.get("users"), "id")
            media = _index(includes.get("media"), "media_key")
            places = _index(includes.get("places"), "id")
            if isinstance(data, dict):  # a single-tweet lookup
                data = [data]
            if not isinstance(data, list):
                out.drop(row, "data", f"{name}: 'data' is not a list of tweets")
                continue
            one_per_row = layout != "lines" and len(items) == 1  # a document: number its tweets 1, 2, ...
            for i, t in enumerate(data, start=1):
                if one_per_row:
                    _add_v2(out, t, i, None, f"tweet {i}", users, media, places, mapping)
                else:
                    _add_v2(out, t, row, i, f"{name}, tweet {i}", users, media, places, mapping)
        raw = out.frame(EXTRA + ("x_conversation_id", "x_page_index"))
        if raw["x_page_index"].isna().all():
            raw = raw.drop(columns="x_page_index")
        else:
            raw["x_page_index"] = raw["x_page_index"].astype("Int64")
        del recs, items
    return finish(
        raw,
        warnings=out.warnings,
        source=path,
        format="twitter_v2",
        columns_mapped=_mapped(mapping, V2_MAPPED),
        dropped=out.dropped,
        platform=platform or "twitter",
        actor=actor,
        actor_role=actor_role,
        tz=tz,
        strict=strict,
    )


def _add_v2(
    out: Collector,
    t: Any,
    row: int,
    page_index: int | None,
    name: str,
    users: dict,
    media: dict,
    places: dict,
    mapping: dict | None,
) -> None:
    if not isinstance(t, dict):
        out.drop(row, None, f"{name}: not a JSON object")
        return
    out.build(lambda: apply_mapping(_v2_row(t, row, page_index, users, media, places), t, mapping), t, row, name)


V2_MAPPED = {
    "post_id": "id",
    "author_id": "author_id",
    "author_handle": "includes.users[author_id].username",
    "author_name": "includes.users[author_id].name",
    "author_followers": "includes.users[author_id].public_metrics.followers_count",
    "created_at": "created_at",
    "text": "note_tweet.text | text",
    "lang": "lang",
    "kind": "referenced_tweets[].type",
    "parent_id": "referenced_tweets[].id",
    "url": "https://twitter.com/{username}/status/{id}",
    "media_format": "includes.media[attachments.media_keys].type | entities.urls",
    "likes": "public_metrics.like_count",
    "shares": "public_metrics.retweet_count",
    "comments": "public_metrics.reply_count",
    "quotes": "public_metrics.quote_count",
    "views": "public_metrics.impression_count | non_public_metrics.impression_count | organic_metrics.impression_count",
    "country": "includes.places[geo.place_id].country_code",
    "source_app": "source",
}
