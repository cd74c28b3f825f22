"""Reader for Bluesky (AT Protocol) exports: feeds, search results and repository records.

Understood shapes, as a JSON document, an array of them, or one per line:

- ``app.bsky.feed.getAuthorFeed`` / ``getTimeline``: ``{"feed": [{"post": PostView, "reason": ...}]}``;
  an item with ``reason`` ``app.bsky.feed.defs#reasonRepost`` is a repost by ``reason.by`` at
  ``reason.indexedAt`` whose parent is the post;
- ``app.bsky.feed.searchPosts``: ``{"posts": [PostView, ...]}``;
- ``com.atproto.repo.listRecords``: ``{"records": [{"uri", "cid", "value": {"$type": "app.bsky.feed.post", ...}}]}``
  (the author's DID is read from the uri; ``app.bsky.feed.repost`` records are reposts);
- a single feed item, post view or record per line.

``post_id`` is the post's ``at://`` uri. Bluesky text is plain text, not HTML: it is kept as
written (a literal ``&amp;`` stays ``&amp;``).
"""

from __future__ import annotations

from collections.abc import Iterator
from functools import partial
from pathlib import Path
from typing import Any

import pandas as pd

from ._base import LoadReport, finish
from ._json import Collector, apply_mapping, check_mapping, escape_amp, get, paused_gc, read_records, where

__all__ = ["read_bluesky"]

POST = "app.bsky.feed.post"
REPOST = "app.bsky.feed.repost"
REASON_REPOST = "app.bsky.feed.defs#reasonRepost"
MAPPED = {
    "post_id": "post.uri",
    "author_id": "post.author.did",
    "author_handle": "post.author.handle",
    "author_name": "post.author.displayName",
    "author_followers": "post.author.followersCount",
    "created_at": "post.record.createdAt | post.indexedAt | reason.indexedAt (reposts)",
    "text": "post.record.text",
    "lang": "post.record.langs[0]",
    "kind": "reason.$type | record.embed (record) | record.reply",
    "parent_id": "post.uri | embed.record.uri | record.reply.parent.uri",
    "url": "https://bsky.app/profile/{handle}/post/{rkey}",
    "media_format": "record.embed.$type | facets link",
    "likes": "post.likeCount",
    "shares": "post.repostCount",
    "comments": "post.replyCount",
    "quotes": "post.quoteCount",
}


def _uri_parts(uri: str | None) -> tuple[str | None, str | None, str | None]:
    """``at://did/collection/rkey`` -> (did, collection, rkey)."""
    if not isinstance(uri, str) or not uri.startswith("at://"):
        return None, None, None
    parts = uri[5:].split("/")
    return parts[0] or None, parts[1] if len(parts) > 1 else None, parts[2] if len(parts) > 2 else None


def _post_url(uri: str | None, who: str | None) -> str | None:
    did, collection, rkey = _uri_parts(uri)
    if collection != POST or not rkey:
        return None
    return f"https://bsky.app/profile/{who or did}/post/{rkey}"


def _embed(record: dict, view_embed: Any) -> tuple[str | None, str | None]:
    """(media format, quoted post uri) from a post's embed (the record's, else the view's)."""
    embed = record.get("embed") if isinstance(record.get("embed"), dict) else view_embed
    if not isinstance(embed, dict):
        embed = {}
    etype = str(embed.get("$type") or "").split("#")[0]
    quoted = None
    media = embed
    if etype == "app.bsky.embed.recordWithMedia":
        quoted = get(embed, "record.record.uri") or get(embed, "record.uri")
        media = embed.get("media") if isinstance(embed.get("media"), dict) else {}
    elif etype == "app.bsky.embed.record":
        quoted = get(embed, "record.uri")
    mtype = str(media.get("$type") or "").split("#")[0]
    fmt = {"app.bsky.embed.images": "image", "app.bsky.embed.video": "video", "app.bsky.embed.external": "link"}.get(
        mtype
    )
    if quoted is not None and _uri_parts(quoted)[1] != POST:
        # a quoted feed generator, list or starter pack: a link, not a quote
        quoted, fmt = None, fmt or "link"
    if fmt is None:
        for facet in record.get("facets") or ():
            for feature in (facet.get("features") or ()) if isinstance(facet, dict) else ():
                if isinstance(feature, dict) and str(feature.get("$type", "")).endswith("#link"):
                    fmt = "link"
    return fmt or "text", quoted


def _post_row(row: int, uri: str | None, record: dict, author: dict, view: dict) -> dict:
    fmt, quoted = _embed(record, view.get("embed"))
    replied = get(record, "reply.parent.uri")
    if quoted:
        kind, parent = "quote", quoted
    elif replied:
        kind, parent = "reply", replied
    else:
        kind, parent = "original", None
    langs = record.get("langs")
    did = author.get("did") or _uri_parts(uri)[0]
    handle = author.get("handle")
    return {
        "source_row": row,
        "post_id": uri,
        "author_id": did,
        "author_handle": handle,
        "author_name": author.get("displayName") or None,
        "author_followers": author.get("followersCount"),
        "created_at": record.get("createdAt") or view.get("indexedAt"),
        "text": escape_amp(record.get("text")),
        "lang": langs[0] if isinstance(langs, list) and langs else None,
        "kind": kind,
        "parent_id": parent,
        "url": _post_url(uri, handle or did),
        "media_format": fmt,
        "likes": view.get("likeCount"),
        "shares": view.get("repostCount"),
        "comments": view.get("replyCount"),
        "quotes": view.get("quoteCount"),
        "x_cid": view.get("cid"),
        "x_in_reply_to_id": replied,
    }


def _repost_row(row: int, reason: dict, post: dict) -> dict:
    """A repost seen in a feed: by ``reason.by``, at ``reason.indexedAt``, of the post (without the post's counts)."""
    by = reason.get("by") if isinstance(reason.get("by"), dict) else {}
    record = post.get("record") if isinstance(post.get("record"), dict) else {}
    fmt, _ = _embed(record, post.get("embed"))
    langs = record.get("langs")
    uri = post.get("uri")
    return {
        "source_row": row,
        "post_id": reason.get("uri"),  # recent servers give the repost record's uri; else a surrogate id
        "author_id": by.get("did"),
        "author_handle": by.get("handle"),
        "author_name": by.get("displayName") or None,
        "author_followers": by.get("followersCount"),
        "created_at": reason.get("indexedAt"),
        "text": escape_amp(record.get("text")),
        "lang": langs[0] if isinstance(langs, list) and langs else None,
        "kind": "repost",
        "parent_id": uri,
        "url": _post_url(uri, get(post, "author.handle")),
        "media_format": fmt,
    }


def _repo_repost_row(row: int, uri: str, value: dict) -> dict:
    subject = get(value, "subject.uri")
    return {
        "source_row": row,
        "post_id": uri,
        "author_id": _uri_parts(uri)[0],
        "created_at": value.get("createdAt"),
        "text": "",
        "kind": "repost",
        "parent_id": subject,
        "url": _post_url(subject, None),
    }


def _items(doc: Any, row: int, layout: str) -> Iterator[tuple[int, int | None, Any]]:
    """(source_row, index in page, item) for each post-like item of one parsed JSON value."""
    if isinstance(doc, dict):
        for key in ("feed", "posts", "records"):
            if isinstance(doc.get(key), list):
                for i, item in enumerate(doc[key], start=1):
                    yield row, i, item
                return
    yield row, None, doc


def _add(out: Collector, row: int, name: str, item: Any, mapping: dict | None) -> None:
    if not isinstance(item, dict):
        out.drop(row, None, f"{name}: not a JSON object")
        return
    if isinstance(item.get("post"), dict):  # a feed item
        post = item["post"]
        reason = item.get("reason") if isinstance(item.get("reason"), dict) else {}
        if reason.get("$type") == REASON_REPOST:
            out.add(apply_mapping(_repost_row(row, reason, post), item, mapping), name)
            return
        item = post
    if isinstance(item.get("value"), dict) and "uri" in item:  # a repository record
        value, uri = item["value"], item["uri"]
        rtype = value.get("$type") or _uri_parts(uri)[1]
        if rtype == POST:
            out.add(apply_mapping(_post_row(row, uri, value, {}, {"cid": item.get("cid")}), item, mapping), name)
        elif rtype == REPOST:
            out.add(apply_mapping(_repo_repost_row(row, uri, value), item, mapping), name)
        else:
            out.drop(row, None, f"{name}: a {rtype} record, not a post")
        return
    if isinstance(item.get("record"), dict) and "uri" in item:  # a post view
        author = item.get("author") if isinstance(item.get("author"), dict) else {}
        out.add(apply_mapping(_post_row(row, item["uri"], item["record"], author, item), item, mapping), name)
        return
    out.drop(row, None, f"{name}: not a Bluesky post, feed item or record (keys: {', '.join(sorted(item)[:5])})")


def read_bluesky(
    path: str | Path,
    *,
    platform: str | None = "bluesky",
    actor: str | None = None,
    actor_role: str | None = None,
    tz: str = "UTC",
    strict: bool = False,
    mapping: dict[str, str] | None = None,
) -> tuple[pd.DataFrame, LoadReport]:
    """Read Bluesky feeds (getAuthorFeed, getTimeline), searches (searchPosts) or repository records (listRecords).

    Embeds give the format (images, video, external link) and quotes (a ``record`` embed of a
    post, or ``recordWithMedia``); ``record.reply.parent.uri`` makes a reply. A repost in a feed
    carries no counts of its own: its counts are left missing. In a document (or an array) the
    posts are numbered 1, 2, ... in the order they appear; in JSON lines ``source_row`` is the
    line number and ``x_page_index`` the position within a page. Records other than posts and
    reposts (likes, follows) are dropped with a reason.

    Parameters
    ----------
    path
        The export.
    platform, actor, actor_role
        Values for every row (``platform`` defaults to ``"bluesky"``).
    tz
        Zone of times written without one.
    strict
        Raise :class:`~kit.io.InputError` on the first record that would be dropped.
    mapping
        ``{canonical column: dotted path in the item}`` overriding the built-in mapping.

    Returns
    -------
    posts, report
        The post table and its :class:`~kit.io.LoadReport`.

    Examples
    --------
    >>> import json, pathlib, tempfile
    >>> path = pathlib.Path(tempfile.mkdtemp()) / "feed.json"
    >>> post = {"uri": "at://did:plc:x/app.bsky.feed.post/3kabc", "author": {"handle": "alice.bsky.social"},
    ...         "record": {"text": "hi", "createdAt": "2026-01-05T10:00:00Z"}}
    >>> _ = path.write_text(json.dumps({"feed": [{"post": post}]}))
    >>> posts, report = read_bluesky(path)
    >>> posts.loc[0, "url"]
    'https://bsky.app/profile/alice.bsky.social/post/3kabc'
    """
    path = Path(path)
    check_mapping(mapping, path)
    with paused_gc():  # many small dicts alive at once: see paused_gc
        recs = read_records(path, strict=strict)
        out = Collector(path, recs.dropped, strict=strict, warnings=recs.warnings)
        lines = recs.layout == "lines"
        number = 0
        for row, doc in recs.items:
            for _, page_index, item in _items(doc, row, recs.layout):
                if lines:
                    name = where("lines", row) + (f", item {page_index}" if page_index else "")
                    before = len(out.rows)
                    out.build(partial(_add, out, row, name, item, mapping), item, row, name)
                    if len(out.rows) > before:
                        out.rows[-1]["x_page_index"] = page_index
                else:
                    number += 1
                    out.build(
                        partial(_add, out, number, f"record {number}", item, mapping), item, number, f"record {number}"
                    )
        raw = out.frame(("x_cid", "x_in_reply_to_id"))
        if "x_page_index" in raw.columns:
            if raw["x_page_index"].isna().all():
                raw = raw.drop(columns="x_page_index")
            else:
                raw["x_page_index"] = raw["x_page_index"].astype("Int64")
        del recs  # let the parsed JSON go before finish
    return finish(
        raw,
        warnings=out.warnings,
        source=path,
        format="bluesky",
        columns_mapped={**MAPPED, **(mapping or {})},
        dropped=out.dropped,
        platform=platform or "bluesky",
        actor=actor,
        actor_role=actor_role,
        tz=tz,
        strict=strict,
    )
