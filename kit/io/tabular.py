"""Readers for tables: generic and spreadsheet-mangled CSV, listening-tool mention exports,
page-insights exports of owned posts, and Parquet.

Row numbers in load reports are spreadsheet rows: the header is row 1 (after any preamble lines
a listening tool writes above it), the first post is the row below.
"""

from __future__ import annotations

import csv
import io
import re
from pathlib import Path

import pandas as pd

from .. import schema
from ._base import InputError, LoadReport, finish

# Header names seen in real exports, per canonical column, most specific first. Matching ignores
# case, spaces, underscores, dashes, dots and brackets.
SYNONYMS: dict[str, tuple[str, ...]] = {
    "post_id": ("post_id", "postid", "tweet_id", "tweetid", "id_tweet", "status_id", "mention_id", "resource_id",
                "message_id", "guid", "id"),
    "text": ("full_text", "fulltext", "text", "tweet_text", "content", "message", "body", "post_message",
             "snippet", "description", "caption", "title"),
    "created_at": ("created_at", "tweet_created", "published", "publish_time", "published_at", "post_date",
                   "posted_at", "date_utc", "datetime", "timestamp", "created", "date", "time"),
    "author_handle": ("author_handle", "screen_name", "twitter_screen_name", "username", "user_name", "handle",
                      "pseudo", "author", "user", "name", "page_name"),
    "author_name": ("author_name", "display_name", "full_name", "author_display_name", "user_display_name"),
    "author_id": ("author_id", "user_id", "id_compte", "account_id", "page_id", "twitter_author_id"),
    "author_followers": ("author_followers", "followers_count", "twitter_followers", "user_followers_count",
                         "nb_followers", "followers", "page_followers", "fans"),
    "likes": ("likes", "like_count", "favorite_count", "favourites_count", "favorites", "twitter_likes",
              "facebook_likes", "reactions", "total_reactions", "upvotes", "score"),
    "shares": ("shares", "share_count", "retweet_count", "retweets", "twitter_retweets", "reposts", "reblogs",
               "reblogs_count", "facebook_shares"),
    "comments": ("comments", "comment_count", "reply_count", "replies", "twitter_replies", "num_comments",
                 "facebook_comments", "replies_count"),
    "quotes": ("quotes", "quote_count", "quote_tweets"),
    "views": ("views", "view_count", "impressions", "impression_count", "post_impressions",
              "lifetime_post_total_impressions", "video_views", "plays"),
    "reach": ("reach", "reach_new", "post_reach", "lifetime_post_total_reach", "potential_reach", "estimated_reach"),
    "lang": ("lang", "language", "language_code"),
    "url": ("url", "permalink", "link", "tweet_url", "post_url"),
    "kind": ("kind", "post_kind", "tweet_type", "mention_type", "interaction_type"),
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
LISTENING_MARKERS = ({"query_id", "full_text", "page_type"}, {"query_name", "full_text"},
                     {"published", "engagement", "source_type"}, {"published", "content", "reach", "sentiment"})
INSIGHTS_MARKERS = ({"post_id", "permalink", "reach"}, {"post_id", "publish_time", "impressions"},
                    {"post_id", "lifetime_post_total_reach"}, {"publish_time", "post_type", "reach"})


def slug(name: str) -> str:
    return re.sub(r"[\s_\-\.\(\)\[\]/:]+", "_", str(name).strip().lstrip("\ufeff").lower()).strip("_")


# --- raw reading ---------------------------------------------------------------------------------

def _decode(path: Path) -> tuple[str, list[str]]:
    data = path.read_bytes()
    if not data.strip():
        raise InputError(f"{path}: the file is empty")
    if data[:2] in (b"\xff\xfe", b"\xfe\xff"):
        return data.decode("utf-16"), ["file is UTF-16 encoded"]
    try:
        return data.decode("utf-8-sig"), []
    except UnicodeDecodeError as exc:
        line = data[: exc.start].count(b"\n") + 1
        return data.decode("cp1252", errors="replace"), [
            f"file is not UTF-8 (first bad byte on line {line}); read as Windows-1252"]


def _sniff_sep(lines: list[str]) -> str:
    header = lines[0] if lines else ""
    counts = {sep: header.count(sep) for sep in (",", ";", "\t", "|")}
    return max(counts, key=counts.get) if max(counts.values()) > 0 else ","


def _find_header(lines: list[str], sep: str) -> int:
    """Index of the header line: listening tools write report metadata above the table."""
    known = {slug(s) for names in SYNONYMS.values() for s in names}
    best, best_score = 0, -1
    for i, line in enumerate(lines[:30]):
        fields = [slug(f) for f in next(csv.reader([line], delimiter=sep), [])]
        score = sum(f in known for f in fields)
        if score >= 2 and score > best_score:
            best, best_score = i, score
            if score >= 4:
                break
    return best


def read_table(path: str | Path, *, sep: str | None = None) -> tuple[pd.DataFrame, int, list, list[str]]:
    """Read a delimited text file as strings.

    Returns the frame (all values as strings, nothing turned into NaN but empty cells), the
    spreadsheet row number of the header, rows that could not be split into the header's fields
    (as ``(row, column, reason)``), and warnings.
    """
    path = Path(path)
    text, warns = _decode(path)
    head_lines = text[:200_000].splitlines()
    given = sep
    sep = given or _sniff_sep([l for l in head_lines if l.strip()][:1])
    header_at = _find_header(head_lines, sep)
    if given is None and header_at:
        sep = _sniff_sep(head_lines[header_at:header_at + 1])
        header_at = _find_header(head_lines, sep)
    if header_at:
        warns.append(f"skipped {header_at} lines above the header (report metadata)")
    body = "\n".join(text.splitlines()[header_at:]) if header_at else text
    drops: list[tuple[int, str | None, str]] = []
    try:
        frame = pd.read_csv(io.StringIO(body), sep=sep, dtype=str, keep_default_na=False, na_values=[""],
                            engine="c", quotechar='"', skip_blank_lines=True)
        frame.insert(0, "__row", _row_numbers(body, sep, len(frame)) + header_at)
    except pd.errors.ParserError:
        frame, drops = _read_checked(body, sep, header_at)
    except pd.errors.EmptyDataError as exc:
        raise InputError(f"{path}: no table found ({exc})") from exc
    frame.columns = [c if c == "__row" else str(c).strip().lstrip("\ufeff") for c in frame.columns]
    return frame, header_at + 1, drops, warns


def _row_numbers(body: str, sep: str, n: int) -> "pd.Series":
    """Spreadsheet row number of each record (the header is row 1), counting records, not lines."""
    import numpy as np
    if n == 0:
        return pd.Series(dtype="int64")
    if '\n' not in body.replace("\n", "", 1) or '"' not in body:
        return pd.Series(np.arange(2, n + 2))
    # records only differ from lines when quoted fields hold line breaks; skip blank lines like pandas
    rows = []
    reader = csv.reader(io.StringIO(body), delimiter=sep)
    for i, rec in enumerate(reader):
        if i == 0 or not rec or rec == [""]:
            continue
        rows.append(i + 1)
    if len(rows) != n:
        return pd.Series(np.arange(2, n + 2))
    return pd.Series(rows)


def _read_checked(body: str, sep: str, header_at: int) -> tuple[pd.DataFrame, list]:
    reader = csv.reader(io.StringIO(body), delimiter=sep)
    header = next(reader)
    header = [h.strip().lstrip("\ufeff") for h in header]
    records, rows, drops = [], [], []
    for i, rec in enumerate(reader, start=2):
        if not rec or rec == [""]:
            continue
        row = i + header_at
        if len(rec) != len(header):
            drops.append((row, None, f"expected {len(header)} fields, found {len(rec)}"))
            continue
        records.append(rec)
        rows.append(row)
    frame = pd.DataFrame(records, columns=header).replace("", pd.NA)
    frame.insert(0, "__row", rows)
    return frame, drops


# --- mapping -------------------------------------------------------------------------------------

def guess_mapping(columns: list[str]) -> dict[str, str | list[str]]:
    """Map canonical columns to source columns by header name (see :data:`SYNONYMS`)."""
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
    """Build raw canonical records from ``frame``; unmapped columns are kept as ``x_<name>``."""
    unknown = [c for c in mapping if c not in schema.DTYPES]
    if unknown:
        raise InputError(f"{source}: mapping names {unknown}, which are not canonical columns "
                         f"({', '.join(schema.COLUMN_NAMES)})")
    raw = pd.DataFrame({"source_row": frame["__row"].to_numpy()})
    mapped: dict[str, str] = {}
    used: set[str] = set()
    for canonical, cols in mapping.items():
        cols = [cols] if isinstance(cols, str) else list(cols)
        missing = [c for c in cols if c not in frame.columns]
        if missing:
            raise InputError(f"{source}: column {missing[0]!r} (mapped to '{canonical}') is not in the file; "
                             f"columns are {[c for c in frame.columns if c != '__row']}")
        values = frame[cols[0]].astype("string")
        for c in cols[1:]:
            values = values.str.cat(frame[c].astype("string"), sep=" ", na_rep="")
        raw[canonical] = values.to_numpy()
        mapped[canonical] = " + ".join(cols)
        used.update(cols)
    for c in frame.columns:
        if c != "__row" and c not in used:
            name = "x_" + slug(c)
            if name not in raw.columns:
                raw[name] = frame[c].to_numpy()
    return raw, mapped


# --- readers -------------------------------------------------------------------------------------

def read_csv(path: str | Path, mapping: dict | None = None, *, sep: str | None = None, format: str = "csv",
             platform: str | None = None, actor: str | None = None, actor_role: str | None = None,
             tz: str = "UTC", strict: bool = False) -> tuple[pd.DataFrame, LoadReport]:
    """Read a CSV export into the post table.

    Handles what spreadsheets do to exports: a byte-order mark, ``;`` or tab separators, ids in
    scientific notation (replaced by surrogates, with a warning), day-first dates such as
    ``24-02-2015 11.35``, HTML entities such as ``&amp;``, thousands separators in counts.

    Parameters
    ----------
    mapping
        ``{canonical column: source column}`` (a list of source columns is joined with a space,
        e.g. a date and a time column). Columns it leaves out are guessed from the header.
    platform, actor, actor_role
        Values for rows whose file does not say (e.g. ``platform="twitter"``).
    tz
        Zone of times written without one.

    Examples
    --------
    >>> posts, report = read_csv("mentions.csv", {"text": "Message"}, platform="twitter")  # doctest: +SKIP
    """
    path = Path(path)
    frame, header_row, drops, warns = read_table(path, sep=sep)
    guessed = guess_mapping([c for c in frame.columns if c != "__row"])
    explicit = dict(mapping or {})
    taken = {c for v in explicit.values() for c in ([v] if isinstance(v, str) else v)}
    full = {**{k: v for k, v in guessed.items() if k not in explicit and
               not ({v} if isinstance(v, str) else set(v)) & taken}, **explicit}
    if "created_at" not in full:
        raise InputError(f"{path}: no column gives the time of posts; columns are "
                         f"{[c for c in frame.columns if c != '__row']}; pass mapping={{'created_at': COLUMN}}")
    raw, mapped = apply_mapping(frame, full, source=str(path))
    if platform is None and "platform" not in full and any("tweet" in slug(c) for c in frame.columns):
        platform = "twitter"
        warns.append("platform read as 'twitter' from the column names (pass platform= to change)")
    return finish(raw, source=path, format=format, columns_mapped=mapped, dropped=drops, warnings=warns,
                  rows_read=len(frame) + len(drops), platform=platform, actor=actor, actor_role=actor_role,
                  tz=tz, strict=strict)


def read_listening(path: str | Path, mapping: dict | None = None, **kwargs) -> tuple[pd.DataFrame, LoadReport]:
    """Read a listening-tool mention export (Brandwatch or Talkwalker style CSV).

    The report metadata such tools write above the table is skipped; ``Page Type`` / ``source_type``
    give the platform, ``Query Name`` the tracked actor, ``Full Text`` (or ``content``) the text,
    ``Reach``/``Impressions`` the audience. Columns such as the tool's own sentiment are kept as
    ``x_sentiment``.
    """
    explicit = {"text": None, **(mapping or {})}
    frame_cols = read_table(path)[0].columns
    by_slug = {slug(c): c for c in frame_cols}
    for name in ("full_text", "content", "snippet", "title"):
        if name in by_slug:
            explicit["text"] = by_slug[name]
            break
    if explicit["text"] is None:
        explicit.pop("text")
    if "impressions" in by_slug and "views" not in explicit:
        explicit["views"] = by_slug["impressions"]
    return read_csv(path, explicit, format=kwargs.pop("format", "listening"), **kwargs)


def read_insights(path: str | Path, mapping: dict | None = None, **kwargs) -> tuple[pd.DataFrame, LoadReport]:
    """Read a page-insights export of owned posts (Facebook/Meta Business Suite style CSV).

    Such exports sometimes carry a second header line describing each metric ("Lifetime: The
    number of people who..."); it is reported as dropped, not read as a post. Posts are owned,
    so ``actor_role`` defaults to ``brand`` and ``kind`` to ``original``.
    """
    kwargs.setdefault("platform", "facebook")
    kwargs.setdefault("actor_role", "brand")
    path = Path(path)
    frame, header_row, drops, warns = read_table(path)
    cols = [c for c in frame.columns if c != "__row"]
    by_slug = {slug(c): c for c in cols}
    explicit = dict(mapping or {})
    for canonical, names in {"text": ("description", "message", "post_message", "title"),
                             "created_at": ("publish_time", "posted", "created_time", "date"),
                             "author_handle": ("page_name", "account_name", "account_username"),
                             "author_id": ("page_id", "account_id"),
                             "views": ("impressions", "lifetime_post_total_impressions"),
                             "reach": ("reach", "lifetime_post_total_reach")}.items():
        if canonical in explicit:
            continue
        for n in names:
            if n in by_slug:
                explicit[canonical] = by_slug[n]
                break
    # a description row under the header: its time cell is prose, not a time
    time_col = explicit.get("created_at")
    if isinstance(time_col, str) and len(frame):
        first = str(frame[time_col].iloc[0])
        if first and not re.search(r"\d", first):
            drops.append((int(frame["__row"].iloc[0]), None, "metric description row under the header"))
            frame = frame.iloc[1:].reset_index(drop=True)
    guessed = guess_mapping(cols)
    taken = {c for v in explicit.values() for c in ([v] if isinstance(v, str) else v)}
    full = {**{k: v for k, v in guessed.items() if k not in explicit and
               not ({v} if isinstance(v, str) else set(v)) & taken}, **explicit}
    raw, mapped = apply_mapping(frame, full, source=str(path))
    strict = kwargs.pop("strict", False)
    return finish(raw, source=path, format="insights", columns_mapped=mapped, dropped=drops, warnings=warns,
                  rows_read=len(frame) + len(drops), strict=strict, **kwargs)


def read_parquet(path: str | Path, mapping: dict | None = None, **kwargs) -> tuple[pd.DataFrame, LoadReport]:
    """Read Parquet: a post table written by the kit, or any table with a mapping (as :func:`read_csv`)."""
    path = Path(path)
    try:
        frame = pd.read_parquet(path)
    except Exception as exc:  # pyarrow raises several types for broken files
        raise InputError(f"{path}: not a readable Parquet file ({exc})") from exc
    canonical = set(schema.REQUIRED) - {"source_file", "source_row"} <= set(frame.columns)
    if canonical and not mapping:
        raw = frame.copy()
        if "source_row" in raw.columns and raw["source_row"].notna().all() and "source_file" in raw.columns \
                and raw["source_file"].nunique() == 1:
            pass
        raw["source_row"] = range(1, len(raw) + 1)
        raw = raw.drop(columns=["source_file"], errors="ignore")
        mapped = {c: c for c in frame.columns if c in schema.DTYPES}
    else:
        frame = frame.astype({c: "string" for c in frame.columns if frame[c].dtype == object})
        frame.insert(0, "__row", range(1, len(frame) + 1))
        full = {**guess_mapping([c for c in frame.columns if c != "__row"]), **(mapping or {})}
        raw, mapped = apply_mapping(frame, full, source=str(path))
    return finish(raw, source=path, format="parquet", columns_mapped=mapped, rows_read=len(frame), **kwargs)
