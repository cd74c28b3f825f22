"""Format detection: which reader of :data:`kit.io.FORMATS` an export needs, from its extension and content.

>>> detect_json({"id_str": "1", "user": {}, "full_text": "hi"})
'twitter_v1'
>>> detect_json({"account": {}, "reblogs_count": 0})
'mastodon'
"""

from __future__ import annotations

import json
from pathlib import Path

from ._base import InputError
from ._bytes import decode_text, file_bytes
from ._headers import INSIGHTS_MARKERS, LISTENING_MARKERS, key, slug
from ._table import read_table

__all__ = ["detect", "detect_json"]


def _first_json_record(path: Path) -> object:
    data = file_bytes(path)
    if not data.strip():
        raise InputError(f"{path}: the file is empty")
    head, _ = decode_text(data[:1_000_000], path)
    stripped = head.lstrip()
    lines = [line for line in stripped.splitlines()[:50] if line.strip()]
    for line in lines[:-1] if len(lines) > 1 else lines:  # the last line of the buffer may be cut
        try:
            record = json.loads(line)  # JSON lines: the first line that parses (a broken one is the reader's)
        except (json.JSONDecodeError, RecursionError):
            continue
        if isinstance(record, (dict, list)) and record and len(lines) > 1:
            return record
    try:
        return json.loads(decode_text(data, path)[0])
    except json.JSONDecodeError as exc:
        raise InputError(f"{path}: not JSON or JSON lines (line {exc.lineno}, column {exc.colno}: {exc.msg})") from exc
    except RecursionError:
        raise InputError(f"{path}: JSON nested too deeply to read (more levels than any export has)") from None


def detect_json(record: object) -> str | None:
    """Name the platform format of one JSON document or record.

    Parameters
    ----------
    record
        A parsed JSON value: a record, an API response, or a list of them (the first one decides).

    Returns
    -------
    str or None
        A key of :data:`kit.io.FORMATS` (``twitter_v1``, ``twitter_v2``, ``mastodon``,
        ``bluesky``, ``reddit``), or None when no known export has this shape.

    Examples
    --------
    >>> detect_json([{"kind": "t3", "data": {"subreddit": "france"}}])
    'reddit'
    >>> detect_json({"hello": 1}) is None
    True
    """
    if isinstance(record, list):
        return detect_json(record[0]) if record else None
    if not isinstance(record, dict):
        return None
    keys = set(record)
    if "data" in keys and ("includes" in keys or "meta" in keys or "__twarc" in keys):
        return "twitter_v2"
    if {"author_id", "public_metrics"} <= keys or ("edit_history_tweet_ids" in keys):
        return "twitter_v2"
    if "id_str" in keys or ("user" in keys and ("full_text" in keys or "favorite_count" in keys)):
        return "twitter_v1"
    if "account" in keys and ("reblogs_count" in keys or "favourites_count" in keys):
        return "mastodon"
    if (
        {"feed"} <= keys
        or {"posts"} <= keys
        and isinstance(record.get("posts"), list)
        and record["posts"]
        and isinstance(record["posts"][0], dict)
        and "uri" in record["posts"][0]
    ):
        return "bluesky"
    if ("uri" in keys and ("record" in keys or "value" in keys)) or (
        "post" in keys and isinstance(record["post"], dict) and "uri" in record["post"]
    ):
        return "bluesky"
    if record.get("$type", "").startswith("app.bsky") or "records" in keys:
        return "bluesky"
    if record.get("kind") in ("t1", "t3", "Listing") or "subreddit" in keys:
        return "reddit"
    if (
        "data" in keys
        and isinstance(record["data"], dict)
        and ("children" in record["data"] or "subreddit" in record["data"])
    ):
        return "reddit"
    if (
        "data" in keys
        and isinstance(record["data"], list)
        and record["data"]
        and isinstance(record["data"][0], dict)
        and ("author_id" in record["data"][0] or "public_metrics" in record["data"][0])
    ):
        return "twitter_v2"
    return None


def detect(path: str | Path) -> str:
    """Name the format of ``path`` (a key of :data:`kit.io.FORMATS`), from its extension and content.

    Parquet by its extension or magic bytes; JSON by the shape of its first record (see
    :func:`detect_json`); other text as a table, whose header tells page-insights and
    listening-tool exports from a generic ``csv``.

    Parameters
    ----------
    path
        The export.

    Returns
    -------
    str
        The format name.

    Raises
    ------
    InputError
        When the file does not exist, is empty, or is JSON of no known export.

    Examples
    --------
    >>> import pathlib, tempfile
    >>> path = pathlib.Path(tempfile.mkdtemp()) / "mentions.csv"
    >>> _ = path.write_text("Query Name,Full Text,Date\\nBrand,Bonjour,2026-01-05\\n")
    >>> detect(path)
    'listening'
    """
    path = Path(path)
    if not path.exists():
        raise InputError(f"{path}: no such file")
    if path.is_dir():
        raise InputError(f"{path}: a folder, not a file; pass the export file (or a list of files)")
    suffix = (
        path.suffixes[-2].lower() if path.suffix.lower() in (".gz",) and len(path.suffixes) > 1 else path.suffix.lower()
    )
    if suffix in (".parquet", ".pq"):
        return "parquet"
    if suffix in (".json", ".jsonl", ".ndjson", ".jsonlines"):
        fmt = detect_json(_first_json_record(path))
        if fmt is None:
            raise InputError(
                f"{path}: JSON that matches no known export (X/Twitter v1.1 or v2, Mastodon, Bluesky, "
                "Reddit); pass --format"
            )
        return fmt
    with open(path, "rb") as fh:
        head = fh.read(4)
    if head[:2] in (b"\x1f\x8b", b"PK"):  # gzip or zip: the format of what is inside
        head = file_bytes(path)[:4]
    if head.startswith(b"PAR1"):
        return "parquet"
    if head.lstrip()[:1] in (b"{", b"["):
        fmt = detect_json(_first_json_record(path))
        if fmt:
            return fmt
    frame = read_table(path, nrows=20)[0]
    cols = {slug(c) for c in frame.columns} | {key(c) for c in frame.columns}
    if any(m <= cols for m in INSIGHTS_MARKERS):
        return "insights"
    if any(m <= cols for m in LISTENING_MARKERS):
        return "listening"
    return "csv"
