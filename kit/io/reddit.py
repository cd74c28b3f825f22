"""Reader for Reddit: API listings (a subreddit page, a comments page) and Pushshift-style JSON lines.

A submission (``t3``) is an ``original`` post whose text is its title, a blank line and its
self text; a comment (``t1``) is a ``reply`` to its ``parent_id`` (without the ``t1_``/``t3_``
prefix, so that it matches the ``post_id`` of the parent). Comments nested in ``replies`` are
flattened, each one a record. ``post_id`` is the bare base-36 id.
"""

from __future__ import annotations

from collections.abc import Iterator
from datetime import UTC, datetime
from functools import partial
from pathlib import Path
from typing import Any
from urllib.parse import urlparse

import pandas as pd

from ._base import LoadReport, finish
from ._json import Collector, apply_mapping, check_mapping, id_str, paused_gc, read_records, where

__all__ = ["read_reddit"]

DELETED = {"[deleted]", "[removed]"}
IMAGE_HOSTS = {"i.redd.it", "i.imgur.com", "imgur.com", "preview.redd.it"}
VIDEO_HOSTS = {"v.redd.it", "youtube.com", "www.youtube.com", "youtu.be", "streamable.com", "gfycat.com"}
MAPPED = {
    "post_id": "id",
    "author_id": "author_fullname",
    "author_handle": "author",
    "created_at": "created_utc",
    "text": "title + selftext | body",
    "kind": "t3 original, t1 reply",
    "parent_id": "parent_id",
    "url": "https://www.reddit.com{permalink}",
    "media_format": "post_hint | is_video | is_gallery | is_self | url",
    "likes": "score (when not negative)",
    "comments": "num_comments",
}


def _strip(fullname: Any) -> str | None:
    value = id_str(fullname)
    if value and len(value) > 3 and value[0] == "t" and value[2] == "_" and value[1].isdigit():
        return value[3:]
    return value


def _epoch(value: Any) -> Any:
    """An epoch in seconds (number or numeric text) as a UTC datetime; anything else as given."""
    if isinstance(value, bool):
        return value
    if isinstance(value, str):
        try:
            value = float(value)
        except ValueError:
            return value
    if isinstance(value, (int, float)) and value == value:
        try:
            return datetime.fromtimestamp(float(value), tz=UTC).isoformat()
        except (OverflowError, OSError, ValueError):  # 1e20, Infinity: no time, said by finish for this row
            return str(value)
    return value


def _format(d: dict) -> str:
    hint = d.get("post_hint")
    if hint == "image" or d.get("is_gallery"):
        return "image"
    if d.get("is_video") or hint in ("hosted:video", "rich:video"):
        return "video"
    if hint == "self" or d.get("is_self"):
        return "text"
    url = d.get("url_overridden_by_dest") or d.get("url")
    if isinstance(url, str) and url.startswith("http"):
        host = (urlparse(url).hostname or "").lower()
        if host in IMAGE_HOSTS or url.lower().split("?")[0].endswith((".jpg", ".jpeg", ".png", ".gif", ".webp")):
            return "image"
        if host in VIDEO_HOSTS:
            return "video"
        if "reddit.com" not in host:
            return "link"
    return "link" if hint == "link" else "text"


def _author(d: dict) -> str | None:
    author = d.get("author")
    return None if not author or author in DELETED else author


def _permalink(d: dict, is_comment: bool) -> str | None:
    link = d.get("permalink")
    if not link and is_comment and d.get("link_id") and d.get("subreddit") and d.get("id"):
        link = f"/r/{d['subreddit']}/comments/{_strip(d['link_id'])}/_/{d['id']}/"
    if not link:
        return None
    return link if link.startswith("http") else "https://www.reddit.com" + link


def _row(d: dict, row: int, is_comment: bool) -> dict:
    score = d.get("score")
    likes = score if isinstance(score, (int, float)) and not isinstance(score, bool) and score >= 0 else None
    if is_comment:
        text, kind, parent, fmt = d.get("body"), "reply", _strip(d.get("parent_id")), "text"
    else:
        title, body = d.get("title") or "", d.get("selftext") or ""
        text = f"{title}\n\n{body}" if body else title
        kind, parent, fmt = "original", None, _format(d)
    return {
        "source_row": row,
        "post_id": id_str(d.get("id")) or _strip(d.get("name")),
        "author_id": id_str(d.get("author_fullname")),  # the account's fullname, t2_...
        "author_handle": _author(d),
        "created_at": _epoch(d.get("created_utc") if d.get("created_utc") is not None else d.get("created")),
        "text": text,
        "kind": kind,
        "parent_id": parent,
        "url": _permalink(d, is_comment),
        "media_format": fmt,
        "likes": likes,
        "comments": None if is_comment else d.get("num_comments"),
        "x_subreddit": d.get("subreddit"),
        "x_score": score,
        "x_link_id": _strip(d.get("link_id")) if is_comment else None,
        "x_domain": None if is_comment else d.get("domain"),
        "x_crosspost_parent": _strip(d.get("crosspost_parent")),
    }


def _things(value: Any) -> Iterator[tuple[str | None, Any]]:
    """(kind, data) of every thing in a parsed value, in document order, nested replies flattened."""
    if isinstance(value, list):
        for v in value:
            yield from _things(v)
        return
    if not isinstance(value, dict):
        yield None, value
        return
    kind = value.get("kind")
    if kind == "Listing":
        for child in _children(value):
            yield from _things(child)
        return
    if kind in ("t1", "t3", "more") and isinstance(value.get("data"), dict):
        data = value["data"]
        yield kind, data
        if isinstance(data.get("replies"), dict):
            yield from _things(data["replies"])
        return
    # Pushshift: the object itself
    yield ("t1" if "body" in value and "title" not in value else "t3" if "title" in value else None), value
    if isinstance(value.get("replies"), dict):
        yield from _things(value["replies"])


def _children(listing: dict) -> list:
    """The things of a listing (``data.children``)."""
    data = listing.get("data")
    return data.get("children") or [] if isinstance(data, dict) else []


def read_reddit(
    path: str | Path,
    *,
    platform: str | None = "reddit",
    actor: str | None = None,
    actor_role: str | None = None,
    tz: str = "UTC",
    strict: bool = False,
    mapping: dict[str, str] | None = None,
) -> tuple[pd.DataFrame, LoadReport]:
    """Read Reddit listings (``/r/x/new.json``, a comments page's pair of listings) or Pushshift JSON lines.

    Submissions (``t3``): text is ``title`` + blank line + ``selftext``, ``score`` gives
    ``likes`` (a negative score leaves it missing; the score is always kept as ``x_score``),
    ``num_comments`` gives ``comments``, the format comes from ``post_hint``, ``is_video``,
    ``is_gallery``, ``is_self`` and the link's host. Comments (``t1``): ``body``, kind ``reply``,
    ``parent_id`` without its prefix. ``[deleted]`` authors are left missing. The subreddit is
    ``x_subreddit``; a comment's submission ``x_link_id``. ``more`` stubs (comments the page did
    not load) are not records; their number is given as a warning.

    In a document the things are numbered 1, 2, ... in document order (nested replies included);
    in JSON lines ``source_row`` is the line number (of the thing, or of the listing holding it).

    Parameters
    ----------
    path
        The export.
    platform, actor, actor_role
        Values for every row (``platform`` defaults to ``"reddit"``).
    tz
        Unused by Reddit's epoch times; kept for a uniform signature.
    strict
        Raise :class:`~kit.io.InputError` on the first record that would be dropped.
    mapping
        ``{canonical column: dotted path in the thing's data}`` overriding the built-in mapping.

    Returns
    -------
    posts, report
        The post table and its :class:`~kit.io.LoadReport`.

    Examples
    --------
    >>> import json, pathlib, tempfile
    >>> path = pathlib.Path(tempfile.mkdtemp()) / "pushshift.jsonl"
    >>> lines = [{"id": "abc", "subreddit": "france", "author": "ana", "created_utc": 1767607200,
    ...           "title": "Titre", "selftext": "Texte"},
    ...          {"id": "def", "subreddit": "france", "author": "bo", "created_utc": 1767607300,
    ...           "body": "Oui", "parent_id": "t3_abc"}]
    >>> _ = path.write_text("\\n".join(json.dumps(line) for line in lines))
    >>> posts, report = read_reddit(path)
    >>> posts[["post_id", "kind", "parent_id", "text"]].to_numpy().tolist()
    [['abc', 'original', <NA>, 'Titre\\n\\nTexte'], ['def', 'reply', 'abc', 'Oui']]
    """
    path = Path(path)
    check_mapping(mapping, path)
    with paused_gc():  # many small dicts alive at once: see paused_gc
        recs = read_records(path, strict=strict)
        out = Collector(path, recs.dropped, strict=strict, warnings=recs.warnings)
        lines = recs.layout == "lines"
        number = 0
        more = 0
        for row, value in recs.items:
            for kind, data in _things(value):
                if kind == "more":
                    more += len(data.get("children") or ()) or 1
                    continue
                if lines:
                    where_row, name = row, where("lines", row)
                else:
                    number += 1
                    where_row, name = number, f"record {number}"
                if not isinstance(data, dict):
                    out.drop(where_row, None, f"{name}: not a JSON object")
                elif kind not in ("t1", "t3"):
                    out.drop(
                        where_row,
                        None,
                        f"{name}: neither a submission nor a comment (keys: {', '.join(sorted(data)[:5])})",
                    )
                else:
                    out.build(
                        partial(
                            lambda d, r, c: apply_mapping(_row(d, r, c), d, mapping), data, where_row, kind == "t1"
                        ),
                        data,
                        where_row,
                        name,
                    )
        raw = out.frame(("x_subreddit", "x_score", "x_link_id", "x_domain", "x_crosspost_parent"))
        raw["x_score"] = pd.to_numeric(raw["x_score"], errors="coerce").round().astype("Int64")
        del recs  # let the parsed JSON go before finish
    warnings = [f"{more} comments were not loaded by the page ('more' stubs) and are not in the table"] if more else []
    return finish(
        raw,
        source=path,
        format="reddit",
        columns_mapped={**MAPPED, **(mapping or {})},
        dropped=out.dropped,
        warnings=[*out.warnings, *warnings],
        platform=platform or "reddit",
        actor=actor,
        actor_role=actor_role,
        tz=tz,
        strict=strict,
    )
