"""Reader for Mastodon statuses (``/api/v1/accounts/:id/statuses``, timelines, search results).

Mastodon's ``content`` is HTML; it becomes plain text with the standard library's HTML parser
(``<br>`` -> newline, ``</p><p>`` -> blank line, tags removed, entities decoded). Nothing in it is
ever evaluated.
"""

from __future__ import annotations

from functools import partial
from pathlib import Path

import pandas as pd

from ._base import LoadReport, finish
from ._json import (
    Collector,
    apply_mapping,
    check_mapping,
    escape_amp,
    get,
    id_str,
    paused_gc,
    read_records,
    where,
)
from ._markup import html_to_text

__all__ = ["read_mastodon"]

# the schema has no audio format: a sound is time-based media like a video
MEDIA = {"image": "image", "gifv": "video", "video": "video", "audio": "video"}
MAPPED = {
    "post_id": "id",
    "author_id": "account.id",
    "author_handle": "account.acct",
    "author_name": "account.display_name",
    "author_followers": "account.followers_count",
    "created_at": "created_at",
    "text": "content (HTML) | reblog.content",
    "lang": "language",
    "kind": "reblog | quote | in_reply_to_id",
    "parent_id": "reblog.id | quote.quoted_status.id | in_reply_to_id",
    "url": "url | reblog.url",
    "media_format": "media_attachments[].type | card",
    "likes": "favourites_count",
    "shares": "reblogs_count",
    "comments": "replies_count",
    "quotes": "quotes_count",
    "source_app": "application.name",
}


def _quoted_id(status: dict) -> str | None:
    """Id of the quoted status: Mastodon 4.4 ``quote.quoted_status``, or a Fedibird-style ``quote`` status."""
    quote = status.get("quote")
    if not isinstance(quote, dict):
        return id_str(status.get("quote_id"))
    return (
        id_str(get(quote, "quoted_status.id"))
        or id_str(quote.get("quoted_status_id"))
        or (id_str(quote.get("id")) if "content" in quote else None)
    )


def _media_format(status: dict) -> str:
    for m in status.get("media_attachments") or ():
        fmt = MEDIA.get(m.get("type")) if isinstance(m, dict) else None
        if fmt:
            return fmt
    return "link" if isinstance(status.get("card"), dict) else "text"


def _row(s: dict, row: int) -> dict:
    account = s.get("account") if isinstance(s.get("account"), dict) else {}
    reblog = s.get("reblog") if isinstance(s.get("reblog"), dict) else None
    replied = id_str(s.get("in_reply_to_id"))
    quoted = _quoted_id(s)
    if reblog is not None:
        kind, parent = "repost", id_str(reblog.get("id"))
    elif quoted:
        kind, parent = "quote", quoted
    elif replied:
        kind, parent = "reply", replied
    else:
        kind, parent = "original", None
    content = s.get("content")
    if reblog is not None and not (content or "").strip():
        content = reblog.get("content")
    shown = reblog if reblog is not None else s  # a boost shows the boosted status's media and language
    fmt = _media_format(s) if s.get("media_attachments") or s.get("card") else _media_format(shown)
    return {
        "source_row": row,
        "post_id": id_str(s.get("id")),
        "author_id": id_str(account.get("id")),
        "author_handle": account.get("acct") or account.get("username"),
        "author_name": account.get("display_name") or None,
        "author_followers": account.get("followers_count"),
        "created_at": s.get("created_at"),
        # converted here; '&' escaped again so that finish's entity decoding leaves the text as it is
        "text": escape_amp(html_to_text(content)) if isinstance(content, str) else None,
        "lang": s.get("language") or shown.get("language"),
        "kind": kind,
        "parent_id": parent,
        "url": s.get("url") or (reblog or {}).get("url") or s.get("uri"),
        "media_format": fmt,
        "likes": s.get("favourites_count"),
        "shares": s.get("reblogs_count"),
        "comments": s.get("replies_count"),
        "quotes": s.get("quotes_count"),
        "source_app": get(s, "application.name"),
        "x_in_reply_to_id": replied,
        "x_visibility": s.get("visibility"),
        "x_spoiler_text": s.get("spoiler_text") or None,
    }


def read_mastodon(
    path: str | Path,
    *,
    platform: str | None = "mastodon",
    actor: str | None = None,
    actor_role: str | None = None,
    tz: str = "UTC",
    strict: bool = False,
    mapping: dict[str, str] | None = None,
) -> tuple[pd.DataFrame, LoadReport]:
    """Read Mastodon statuses: a JSON array (an API response), JSON lines, or ``{"statuses": [...]}`` (search).

    A boost (``reblog``) is a ``repost`` whose ``parent_id`` is the boosted status and whose text
    is the boosted status's when its own is empty; ``in_reply_to_id`` makes a ``reply``; a quote
    (Mastodon 4.4 ``quote``) a ``quote``. ``author_handle`` is ``account.acct`` as the server
    wrote it (``user`` for its own accounts, ``user@domain`` for remote ones). Media attachments
    (image, gifv, video) give the format, a preview ``card`` makes it a ``link``; the client
    (``application.name``) is ``source_app``. The content warning is kept as ``x_spoiler_text``
    and the visibility as ``x_visibility``.

    Parameters
    ----------
    path
        The export.
    platform, actor, actor_role
        Values for every row (``platform`` defaults to ``"mastodon"``).
    tz
        Zone of times written without one (Mastodon writes UTC).
    strict
        Raise :class:`~kit.io.InputError` on the first record that would be dropped.
    mapping
        ``{canonical column: dotted path in the status}`` overriding the built-in mapping.

    Returns
    -------
    posts, report
        The post table and its :class:`~kit.io.LoadReport`.

    Examples
    --------
    >>> import json, pathlib, tempfile
    >>> path = pathlib.Path(tempfile.mkdtemp()) / "statuses.json"
    >>> status = {"id": "7", "created_at": "2026-01-05T10:00:00Z", "content": "<p>Salut<br>R&amp;D</p>",
    ...           "account": {"acct": "ana@mastodon.social"}, "reblogs_count": 0}
    >>> _ = path.write_text(json.dumps([status]))
    >>> posts, report = read_mastodon(path)
    >>> posts[["text", "author_handle"]].to_numpy().tolist()
    [['Salut\\nR&D', 'ana@mastodon.social']]
    """
    path = Path(path)
    check_mapping(mapping, path)
    with paused_gc():  # many small dicts alive at once: see paused_gc
        recs = read_records(path, strict=strict)
        out = Collector(path, recs.dropped, strict=strict, warnings=recs.warnings)
        items = recs.items
        if recs.layout == "object" and isinstance(items[0][1].get("statuses"), list):
            items = list(enumerate(items[0][1]["statuses"], start=1))
        for row, s in items:
            if not isinstance(s, dict):
                out.drop(row, None, f"{where(recs.layout, row)}: not a JSON object")
            elif "id" not in s and "content" not in s:
                out.drop(row, None, f"{where(recs.layout, row)}: not a status (keys: {', '.join(sorted(s)[:5])})")
            else:
                out.build(
                    partial(lambda s, row: apply_mapping(_row(s, row), s, mapping), s, row),
                    s,
                    row,
                    where(recs.layout, row),
                )
        raw = out.frame(("x_in_reply_to_id", "x_visibility", "x_spoiler_text"))
        del recs, items  # let the parsed JSON go before finish
    return finish(
        raw,
        warnings=out.warnings,
        source=path,
        format="mastodon",
        columns_mapped={**MAPPED, **(mapping or {})},
        dropped=out.dropped,
        platform=platform or "mastodon",
        actor=actor,
        actor_role=actor_role,
        tz=tz,
        strict=strict,
    )
