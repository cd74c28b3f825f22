"""Readers for tables: generic and spreadsheet-mangled CSV, listening-tool mention exports,
page-insights exports of owned posts, and Parquet.

Row numbers in load reports are spreadsheet rows: the header is row 1 (after any preamble lines
a listening tool writes above it), the first post is the row below.
"""

from __future__ import annotations

import csv
import io
import re
import warnings
from pathlib import Path

import numpy as np
import pandas as pd

from .. import schema
from ._base import InputError, LoadReport, finish, parse_times, snowflake_times

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
    return re.sub(r"[\s_\-\.\(\)\[\]/:]+", "_", str(name).strip().lstrip("\ufeff").lower()).strip("_")


# --- raw reading ---------------------------------------------------------------------------------


def _decode(path: Path, limit: int | None = None) -> tuple[str, list[str]]:
    """The text of ``path`` and warnings about its encoding; with ``limit``, only about the first
    ``limit`` bytes, cut at a line end (enough to detect a format without decoding a large file)."""
    if limit is None:
        data = path.read_bytes()
    else:
        with open(path, "rb") as fh:
            data = fh.read(limit + 1)
        if len(data) > limit and data[:2] not in (b"\xff\xfe", b"\xfe\xff"):
            cut = data.rfind(b"\n", 0, limit)
            data = data[: cut + 1] if cut > 0 else data[:limit]
        elif len(data) > limit:  # UTF-16: byte cuts are unsafe, read it all
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
            f"file is not UTF-8 (first bad byte on line {line}); read as Windows-1252"
        ]


SEPARATORS = (",", ";", "\t", "|")


def _sniff_sep(lines: list[str]) -> str:
    header = lines[0] if lines else ""
    counts = {sep: header.count(sep) for sep in SEPARATORS}
    return max(counts, key=counts.get) if max(counts.values()) > 0 else ","


def _find_header(lines: list[str], sep: str) -> tuple[int, int]:
    """Index of the header line (listening tools write report metadata above the table) and how many
    known column names it holds (-1 when no line holds two)."""
    known = {slug(s) for names in SYNONYMS.values() for s in names}
    best, best_score = 0, -1
    for i, line in enumerate(lines[:30]):
        fields = [slug(f) for f in next(csv.reader([line], delimiter=sep), [])]
        score = sum(f in known for f in fields)
        if score >= 2 and score > best_score:
            best, best_score = i, score
            if score >= 4:
                break
    return best, best_score


def _line_starts(text: str, limit: int) -> list[int]:
    """Offsets where the first ``limit`` lines of ``text`` start.

    Line ends are \\n, \\r\\n and \\r, as a CSV parser sees them; not U+2028 or U+0085.
    """
    starts = [0]
    for match in re.finditer(r"\r\n|\r|\n", text):
        starts.append(match.end())
        if len(starts) > limit:
            break
    return starts


def read_table(
    path: str | Path, *, sep: str | None = None, nrows: int | None = None
) -> tuple[pd.DataFrame, int, list, list[str]]:
    """Read a delimited text file as strings.

    Returns the frame (all values as strings, nothing turned into NaN but empty cells; the
    spreadsheet row of each record in ``__row``), the spreadsheet row number of the header,
    rows that could not be split into the header's fields (as ``(row, column, reason)``), and
    warnings. ``nrows`` reads only the header and that many records (for format detection; row
    numbers are then not checked).
    """
    path = Path(path)
    # reading a few records (format detection) needs the head of the file, not a million rows decoded
    text, warns = _decode(path, limit=4_000_000 if nrows is not None else None)
    starts = _line_starts(text[:200_000], 40)
    # split on line ends only: str.splitlines() would also split on U+2028, U+0085... inside posts
    head_lines = [text[a:b].rstrip("\r\n") for a, b in zip(starts[:40], [*starts[1:41], len(text)])]
    if sep is not None:
        header_at, _ = _find_header(head_lines, sep)
    else:
        # the separator that makes some line read as a header of known column names wins; without one,
        # the separator most used on the first line (a preamble line may hold none at all)
        first = _sniff_sep([line for line in head_lines if line.strip()][:1])
        candidates = [first, *(s for s in SEPARATORS if s != first)]
        found = [(_find_header(head_lines, s), -i, s) for i, s in enumerate(candidates)]
        (header_at, score), _, sep = max(found, key=lambda f: (f[0][1], f[1]))
        if score < 0:
            header_at, sep = 0, first
    if header_at:
        warns.append(f"skipped {header_at} lines above the header (report metadata)")
    body = text[starts[header_at] :] if header_at else text
    drops: list[tuple[int, str | None, str]] = []
    try:
        # index_col=False: a first row with one field too many must not turn the first column into an index;
        # pandas then only warns that it cut the row, which here means: check the rows one by one
        frame = _read_arrow(body, sep, head_lines[header_at]) if nrows is None else None
        if frame is None:
            with warnings.catch_warnings():
                warnings.simplefilter("error", pd.errors.ParserWarning)
                frame = pd.read_csv(
                    io.StringIO(body),
                    sep=sep,
                    dtype=str,
                    keep_default_na=False,
                    na_values=[""],
                    engine="c",
                    quotechar='"',
                    skip_blank_lines=True,
                    index_col=False,
                    nrows=nrows,
                )
        rows = pd.Series(np.arange(2, len(frame) + 2)) if nrows is not None else _row_numbers(body, sep, len(frame))
        frame.insert(0, "__row", rows + header_at)
    except (pd.errors.ParserError, pd.errors.ParserWarning):
        frame, drops = _read_checked(body, sep, header_at, path)
    except pd.errors.EmptyDataError as exc:
        raise InputError(f"{path}: no table found ({exc})") from exc
    frame.columns = [c if c == "__row" else str(c).strip().lstrip("\ufeff") for c in frame.columns]
    return frame, header_at + 1, drops, warns


def _read_arrow(body: str, sep: str, header: str) -> pd.DataFrame | None:
    """The table read by Arrow's CSV parser (multithreaded, about five times less CPU than pandas' C
    parser on a million posts), or None where its result could differ from the C parser's: a header
    with repeated or empty names, or any record Arrow refuses (a wrong number of fields, a
    whitespace-only line, an odd number of quotes); the C parser then reads the file as before, with
    its checks.

    Same reading as the C parser: every value a string, empty and ``""`` fields missing, quoted
    fields may hold separators, doubled quotes and line breaks, blank lines skipped.
    """
    try:
        import pyarrow as pa
        import pyarrow.csv as pcsv
    except ImportError:
        return None
    names = next(csv.reader([header], delimiter=sep), [])
    if len(names) < 2 or len(set(names)) != len(names) or any(not n.strip() for n in names):
        return None
    if body.count('"') % 2:  # a quote left open (a cut download) or stray quotes: the C parser's checks say which
        return None
    try:
        table = pcsv.read_csv(
            io.BytesIO(body.encode("utf-8")),
            parse_options=pcsv.ParseOptions(
                delimiter=sep,
                quote_char='"',
                double_quote=True,
                escape_char=False,
                newlines_in_values=True,
                ignore_empty_lines=True,
            ),
            convert_options=pcsv.ConvertOptions(
                column_types={n: pa.string() for n in names},
                null_values=[""],
                strings_can_be_null=True,
                quoted_strings_can_be_null=True,
            ),
            read_options=pcsv.ReadOptions(block_size=16 << 20),
        )
    except (pa.ArrowException, ValueError, UnicodeError):
        return None
    if table.column_names != names:
        return None
    frame = table.to_pandas()
    return frame.astype({c: str for c in frame.columns if frame[c].dtype == object})


def _row_numbers(body: str, sep: str, n: int) -> pd.Series:
    """Spreadsheet row number of each record (the header is row 1), counting records, not lines."""
    if n == 0:
        return pd.Series(dtype="int64")
    end = len(body)
    while end and body[end - 1] in "\r\n":  # the trailing line ends, without copying the body (rstrip would)
        end -= 1
    blank_lines = re.compile(r"\n[ \t]*\r?\n").search(body, 0, end) is not None
    if '"' not in body and not blank_lines:  # one record per line
        return pd.Series(np.arange(2, n + 2))
    if not blank_lines:
        # as many lines as records (plus the header): no record spans two lines, so record i is row i + 1
        lines = body.count("\n") + (0 if body.endswith("\n") else 1)
        if lines == n + 1:
            return pd.Series(np.arange(2, n + 2))
    # records differ from lines when quoted fields hold line breaks or blank lines are skipped
    rows = []
    reader = csv.reader(io.StringIO(body), delimiter=sep)
    try:
        for i, rec in enumerate(reader):
            if i == 0 or not rec or rec == [""]:
                continue
            rows.append(i + 1)
    except csv.Error:  # a field longer than the csv module takes: pandas read it, number records as lines
        rows = []
    if len(rows) != n:
        return pd.Series(np.arange(2, n + 2))
    return pd.Series(rows)


def _quote_left_open(record: str, sep: str) -> bool:
    try:
        list(csv.reader(io.StringIO(record), delimiter=sep, strict=True))
    except csv.Error as exc:
        return "unexpected end of data" in str(exc)
    return False


def _read_checked(body: str, sep: str, header_at: int, path: Path) -> tuple[pd.DataFrame, list]:
    """Read record by record, dropping those whose field count differs from the header's."""
    reader = csv.reader(io.StringIO(body), delimiter=sep)
    header = []
    for name in (h.strip().lstrip("\ufeff") for h in next(reader)):
        n = sum(1 for h in header if h == name or h.startswith(name + "."))  # repeated names as pandas: a, a.1
        header.append(f"{name}.{n}" if n else name)
    records, rows, drops = [], [], []
    last_row = last_line = 0
    try:
        line = reader.line_num
        for i, rec in enumerate(reader, start=2):
            first_line, line = line + 1, reader.line_num
            if not rec or rec == [""]:
                continue
            row = i + header_at
            last_row, last_line = row, first_line
            if len(rec) != len(header):
                drops.append((row, None, f"expected {len(header)} fields, found {len(rec)}"))
                continue
            records.append(rec)
            rows.append(row)
    except csv.Error as exc:
        raise InputError(f"{path}: line {header_at + reader.line_num}: {exc}") from exc
    # a quote never closed (a cut download) swallows the rest of the file into the last record
    lines = io.StringIO(body).readlines()
    if last_row and _quote_left_open("".join(lines[last_line - 1 :]), sep):
        reason = (
            f"a quote opened in this row is never closed: lines {last_line + header_at}-{len(lines) + header_at} "
            "were read as one field"
        )
        drops = [d for d in drops if d[0] != last_row] + [(last_row, None, reason)]
        if rows and rows[-1] == last_row:
            records, rows = records[:-1], rows[:-1]
    frame = pd.DataFrame(records, columns=header, dtype=object).replace("", pd.NA)
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
    """Build raw canonical records from ``frame``; unmapped columns are kept as ``x_<name>``.

    ``mapping`` is ``{canonical or x_ column: source column or list of source columns}``; a list is
    joined with a space (a date and a time of day), and is missing where its first column is.
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


# --- readers -------------------------------------------------------------------------------------


def read_csv(
    path: str | Path,
    mapping: dict | None = None,
    *,
    sep: str | None = None,
    format: str = "csv",
    platform: str | None = None,
    actor: str | None = None,
    actor_role: str | None = None,
    tz: str = "UTC",
    strict: bool = False,
    time_from_id: bool = False,
) -> tuple[pd.DataFrame, LoadReport]:
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
    strict
        Raise :class:`InputError` on the first row that would be dropped.
    time_from_id
        Take ``created_at`` from the ids, for files of X/Twitter ids without a time column (such
        as CrisisLex's labelled tweets): a tweet id holds its creation time to the millisecond
        (see :func:`kit.io._base.snowflake_times`). Rows whose id is not such an id are dropped.

    Examples
    --------
    >>> posts, report = read_csv("mentions.csv", {"text": "Message"}, platform="twitter")  # doctest: +SKIP
    >>> labelled, report = read_csv("2013_Alberta_floods-tweets_labeled.csv", time_from_id=True)  # doctest: +SKIP
    """
    path = Path(path)
    frame, _, drops, warns = read_table(path, sep=sep)
    return _read_frame(
        path,
        frame,
        drops,
        warns,
        dict(mapping or {}),
        format=format,
        platform=platform,
        actor=actor,
        actor_role=actor_role,
        tz=tz,
        strict=strict,
        time_from_id=time_from_id,
    )


def _full_mapping(frame: pd.DataFrame, explicit: dict) -> dict:
    """The explicit mapping, completed by guesses for the canonical columns and source columns it leaves free."""
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


def _looks_like_tweet_ids(values: pd.Series) -> bool:
    sample = values.dropna().astype("string").str.strip().head(200)
    return len(sample) > 0 and bool(sample.str.fullmatch(r"\d{15,19}").mean() >= 0.5)


def _read_frame(
    path: Path,
    frame: pd.DataFrame,
    drops: list,
    warns: list[str],
    explicit: dict,
    *,
    format: str,
    platform: str | None = None,
    actor: str | None = None,
    actor_role: str | None = None,
    tz: str = "UTC",
    strict: bool = False,
    time_from_id: bool = False,
    skipped: list | None = None,
) -> tuple[pd.DataFrame, LoadReport]:
    """What the CSV readers share once the table is read: mapping, checks, then :func:`finish`.

    ``skipped`` are rows the reader knows are not posts (a description row): reported as dropped,
    never an error in strict mode.
    """
    columns = [c for c in frame.columns if c != "__row"]
    rows_read = len(frame) + len(drops) + len(skipped or [])
    if time_from_id:
        if "created_at" in explicit:
            raise InputError(f"{path}: pass either mapping['created_at'] or time_from_id=True, not both")
        guessed_time = guess_mapping(columns).get("created_at")
        full = {k: v for k, v in _full_mapping(frame, explicit).items() if k != "created_at"}
        if "post_id" not in full:
            raise InputError(
                f"{path}: time_from_id=True needs a column of ids; columns are {columns}; "
                "pass mapping={'post_id': COLUMN}"
            )
        if guessed_time is not None:
            warns.append(f"times taken from the ids, not from column {guessed_time!r} (time_from_id=True)")
    else:
        full = _full_mapping(frame, explicit)
        if "created_at" not in full:
            hint = "pass mapping={'created_at': COLUMN}"
            if "post_id" in full and isinstance(full["post_id"], str) and _looks_like_tweet_ids(frame[full["post_id"]]):
                hint += (
                    f", or time_from_id=True to take the times from the X/Twitter ids in column "
                    f"{full['post_id']!r} (a tweet id holds its creation time)"
                )
            raise InputError(f"{path}: no column gives the time of posts; columns are {columns}; {hint}")
    raw, mapped = apply_mapping(frame, full, source=str(path))
    if time_from_id:
        times = snowflake_times(raw["post_id"])
        bad = times.isna().to_numpy()
        drops = [
            *drops,
            *(
                (int(r), "created_at", f"no time: id '{v}' is not an X/Twitter id")
                for r, v in zip(raw.loc[bad, "source_row"], raw.loc[bad, "post_id"])
            ),
        ]
        raw = raw.loc[~bad].assign(created_at=times[~bad])
        mapped["created_at"] = f"{mapped['post_id']} (time written in the X/Twitter id)"
    if strict and drops:
        row, column, reason = min(drops, key=lambda d: d[0])
        raise InputError(f"{path}: row {row}" + (f", column '{column}'" if column else "") + f": {reason}")
    if platform is None and "platform" not in full and any("tweet" in slug(c) for c in columns):
        platform = "twitter"
        warns.append("platform read as 'twitter' from the column names (pass platform= to change)")
    return finish(
        raw,
        source=path,
        format=format,
        columns_mapped=mapped,
        dropped=[*(skipped or []), *drops],
        warnings=warns,
        rows_read=rows_read,
        platform=platform,
        actor=actor,
        actor_role=actor_role,
        tz=tz,
        strict=strict,
    )


def read_listening(
    path: str | Path, mapping: dict | None = None, *, sep: str | None = None, **kwargs
) -> tuple[pd.DataFrame, LoadReport]:
    """Read a listening-tool mention export (Brandwatch or Talkwalker style CSV).

    The report metadata such tools write above the table is skipped (row numbers in the report
    stay those of the spreadsheet); ``Page Type`` / ``source_type`` give the platform, ``Query
    Name`` the tracked actor, ``Full Text`` (or ``content``) the text, ``Impressions`` the views
    and ``Reach`` the reach. Columns such as the tool's own sentiment are kept as ``x_sentiment``.
    Keyword arguments are those of :func:`read_csv`.
    """
    path = Path(path)
    frame, _, drops, warns = read_table(path, sep=sep)
    by_slug = {slug(c): c for c in frame.columns if c != "__row"}
    explicit = dict(mapping or {})
    taken = {c for v in explicit.values() for c in ([v] if isinstance(v, str) else v)}
    for canonical, names in {"text": ("full_text", "content", "snippet", "title"), "views": ("impressions",)}.items():
        found = next((by_slug[n] for n in names if n in by_slug and by_slug[n] not in taken), None)
        if canonical not in explicit and found is not None:
            explicit[canonical] = found
            taken.add(found)
    return _read_frame(path, frame, drops, warns, explicit, format=kwargs.pop("format", "listening"), **kwargs)


def _is_description_row(row: pd.Series, time_col: str, count_cols: list[str]) -> bool:
    """A page-insights export's second header line: no time, and prose where the counts go."""
    cell = row[time_col]
    if pd.notna(cell) and str(cell).strip() and parse_times(pd.Series([str(cell)]))[0].notna().iloc[0]:
        return False
    prose = [str(row[c]) for c in count_cols if pd.notna(row[c])]
    return any(len(re.findall(r"[^\W\d_]{2,}", value)) >= 3 for value in prose)


def read_insights(
    path: str | Path, mapping: dict | None = None, *, sep: str | None = None, **kwargs
) -> tuple[pd.DataFrame, LoadReport]:
    """Read a page-insights export of owned posts (Facebook/Meta Business Suite style CSV).

    Such exports sometimes carry a second header line describing each metric ("Lifetime: The
    number of people who..."); it is reported as dropped, not read as a post. Posts are owned,
    so ``platform`` defaults to ``facebook``, ``actor_role`` to ``brand`` and ``kind`` to
    ``original``. Keyword arguments are those of :func:`read_csv`.
    """
    kwargs.setdefault("platform", "facebook")
    kwargs.setdefault("actor_role", "brand")
    path = Path(path)
    frame, _, drops, warns = read_table(path, sep=sep)
    cols = [c for c in frame.columns if c != "__row"]
    by_slug = {slug(c): c for c in cols}
    explicit = dict(mapping or {})
    for canonical, names in {
        "text": ("description", "message", "post_message", "title"),
        "created_at": ("publish_time", "posted", "created_time", "date"),
        "author_handle": ("page_name", "account_name", "account_username"),
        "author_id": ("page_id", "account_id"),
        "views": ("impressions", "lifetime_post_total_impressions"),
        "reach": ("reach", "lifetime_post_total_reach"),
    }.items():
        if canonical in explicit:
            continue
        for n in names:
            if n in by_slug:
                explicit[canonical] = by_slug[n]
                break
    full = _full_mapping(frame, explicit)
    skipped = []
    time_col = full.get("created_at")
    counts = [v for k, v in full.items() if k in schema.COUNT_COLUMNS and isinstance(v, str)]
    if isinstance(time_col, str) and len(frame) and _is_description_row(frame.iloc[0], time_col, counts):
        skipped.append((int(frame["__row"].iloc[0]), None, "metric description row under the header"))
        frame = frame.iloc[1:].reset_index(drop=True)
    return _read_frame(
        path, frame, drops, warns, explicit, format=kwargs.pop("format", "insights"), skipped=skipped, **kwargs
    )


def read_parquet(path: str | Path, mapping: dict | None = None, **kwargs) -> tuple[pd.DataFrame, LoadReport]:
    """Read Parquet: a post table written by the kit, or any table with a mapping (as :func:`read_csv`)."""
    path = Path(path)
    try:
        frame = pd.read_parquet(path)
    except Exception as exc:  # pyarrow raises several types for broken files
        raise InputError(f"{path}: not a readable Parquet file ({exc})") from exc
    canonical = set(schema.REQUIRED) - {"source_file", "source_row"} <= set(frame.columns)
    if canonical and not mapping:
        # a post table (the kit's own): rows are numbered in this file; texts are decoded already
        raw = frame.copy()
        raw["source_row"] = range(1, len(raw) + 1)
        raw = raw.drop(columns=["source_file"], errors="ignore")
        mapped = {c: c for c in frame.columns if c in schema.DTYPES}
        kwargs.setdefault("decode_entities", False)
    else:
        frame = frame.astype({c: "string" for c in frame.columns if frame[c].dtype == object})
        frame.insert(0, "__row", range(1, len(frame) + 1))
        full = {**guess_mapping([c for c in frame.columns if c != "__row"]), **(mapping or {})}
        raw, mapped = apply_mapping(frame, full, source=str(path))
    return finish(raw, source=path, format="parquet", columns_mapped=mapped, rows_read=len(frame), **kwargs)
