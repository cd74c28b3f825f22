"""The canonical post table: one row per post, the same columns whatever the source.

Every reader in :mod:`kit.io` returns this table; every computation in :mod:`kit.tl` takes it.
Columns not in the schema may follow the canonical ones; readers prefix them with ``x_``
(for instance ``x_negativereason`` from a labelled export) so nothing in an export is lost.

Examples
--------
>>> from kit import schema
>>> posts = schema.empty()
>>> list(posts.columns[:3])
['post_id', 'platform', 'author_id']
>>> schema.validate(posts) is posts
True
"""

from __future__ import annotations

from dataclasses import dataclass

import pandas as pd

__all__ = [
    "KINDS",
    "MEDIA_FORMATS",
    "PLATFORMS",
    "Column",
    "COLUMNS",
    "COLUMN_NAMES",
    "DTYPES",
    "REQUIRED",
    "COUNT_COLUMNS",
    "CATEGORIES",
    "SchemaError",
    "empty",
    "coerce",
    "validate",
]

KINDS = ("original", "repost", "quote", "reply")
MEDIA_FORMATS = ("text", "link", "image", "video")
PLATFORMS = (
    "twitter",
    "mastodon",
    "bluesky",
    "reddit",
    "facebook",
    "instagram",
    "linkedin",
    "tiktok",
    "youtube",
    "news",
    "blog",
    "forum",
    "other",
)


@dataclass(frozen=True)
class Column:
    """One canonical column: its name, pandas dtype, meaning, and whether every row must have a value."""

    name: str
    dtype: str
    description: str
    required: bool = False


COLUMNS: tuple[Column, ...] = (
    Column("post_id", "string", "Identifier of the post, unique in the table.", True),
    Column("platform", "string", f"Network the post was published on, one of {', '.join(PLATFORMS)}.", True),
    Column("author_id", "string", "Identifier of the author on the platform."),
    Column("author_handle", "string", "Handle of the author (without @)."),
    Column("author_name", "string", "Display name of the author."),
    Column("author_followers", "Int64", "Followers of the author when the post was collected."),
    Column("created_at", "datetime64[ns, UTC]", "Publication time, UTC.", True),
    Column("text", "string", "Text of the post (HTML entities decoded, never executed)."),
    Column("lang", "string", "Language code (ISO 639-1), 'und' when unknown."),
    Column("kind", "string", f"One of {', '.join(KINDS)}.", True),
    Column("parent_id", "string", "The post this one reposts, quotes or replies to."),
    Column("url", "string", "Link to the post."),
    Column("media_format", "string", f"One of {', '.join(MEDIA_FORMATS)}."),
    Column("likes", "Int64", "Likes, favourites, reactions, upvotes."),
    Column("shares", "Int64", "Reposts, retweets, boosts, shares."),
    Column("comments", "Int64", "Replies or comments received."),
    Column("quotes", "Int64", "Quote posts received."),
    Column("views", "Int64", "Views or impressions."),
    Column("reach", "Int64", "Unique accounts reached (owned-post insights, listening tools)."),
    Column("paid", "boolean", "True when the post was promoted."),
    Column("actor", "string", "Tracked actor the post belongs to or mentions (a brand, a competitor, a medium...)."),
    Column("actor_role", "string", "Role of the actor: brand, competitor, media, employee, public..."),
    Column("country", "string", "Country of the author or post, where the export carries it."),
    Column("source_app", "string", "Client, device or source the post was sent from, where known."),
    Column("source_file", "string", "File the row was read from.", True),
    Column(
        "source_row",
        "Int64",
        "Where the row is in that file: the spreadsheet row for tables (header = "
        "row 1, first post = row 2, preamble lines counted), the record or line number "
        "for JSON.",
        True,
    ),
)

COLUMN_NAMES: tuple[str, ...] = tuple(c.name for c in COLUMNS)
DTYPES: dict[str, str] = {c.name: c.dtype for c in COLUMNS}
REQUIRED: tuple[str, ...] = tuple(c.name for c in COLUMNS if c.required)
COUNT_COLUMNS: tuple[str, ...] = ("author_followers", "likes", "shares", "comments", "quotes", "views", "reach")
CATEGORIES: dict[str, tuple[str, ...]] = {"platform": PLATFORMS, "kind": KINDS, "media_format": MEDIA_FORMATS}


class SchemaError(ValueError):
    """A post table breaks the schema. The message names the column and the offending rows."""


def empty() -> pd.DataFrame:
    """An empty post table with every canonical column and dtype.

    Returns
    -------
    pandas.DataFrame
        No rows; the columns of :data:`COLUMNS` with their dtypes.

    Examples
    --------
    >>> str(empty()["created_at"].dtype)
    'datetime64[ns, UTC]'
    """
    return pd.DataFrame({c.name: pd.Series(dtype=c.dtype) for c in COLUMNS})


def coerce(frame: pd.DataFrame) -> pd.DataFrame:
    """Return a copy with every canonical column present (missing ones filled with NA) and typed.

    Parameters
    ----------
    frame
        A table with some canonical columns; extra columns are kept after the canonical ones.

    Returns
    -------
    pandas.DataFrame
        The canonical columns in order, typed, then the extra ones; index reset.

    Raises
    ------
    SchemaError
        When values cannot be converted (the message names the column and rows). Readers convert
        and report row by row before calling this, so here it only guards hand-built tables.

    Examples
    --------
    >>> out = coerce(pd.DataFrame({"post_id": [1], "likes": ["3"], "x_note": ["a"]}))
    >>> out["post_id"].iloc[0], int(out["likes"].iloc[0]), out.columns[-1]
    ('1', 3, 'x_note')
    """
    out = pd.DataFrame(index=frame.index)
    for col in COLUMNS:
        if col.name in frame.columns:
            out[col.name] = _convert(frame[col.name], col)
        else:
            out[col.name] = (
                pd.Series(pd.NA, index=frame.index, dtype=col.dtype)
                if col.dtype != "datetime64[ns, UTC]"
                else pd.Series(pd.NaT, index=frame.index, dtype=col.dtype)
            )
    extra = [c for c in frame.columns if c not in DTYPES]
    for c in extra:
        out[c] = frame[c]
    return out.reset_index(drop=True)


def _convert(series: pd.Series, col: Column) -> pd.Series:
    if str(series.dtype) == col.dtype:
        return series
    try:
        if col.dtype == "datetime64[ns, UTC]":
            return pd.to_datetime(series, utc=True, errors="raise").astype(col.dtype)
        if col.dtype == "Int64":
            num = pd.to_numeric(series, errors="raise")
            return num.round().astype("Int64") if num.dtype.kind == "f" else num.astype("Int64")
        if col.dtype == "boolean":
            return series.astype("boolean")
        return series.astype("string")
    except (ValueError, TypeError) as exc:
        bad = _bad_rows(series, col)
        raise SchemaError(f"column '{col.name}': cannot convert to {col.dtype} at rows {bad}: {exc}") from exc


def _bad_rows(series: pd.Series, col: Column, limit: int = 10) -> list:
    bad = []
    for idx, value in series.items():
        if pd.api.types.is_scalar(value) and pd.isna(value):
            continue  # missing values convert to NA: they are not the problem
        try:
            if col.dtype == "datetime64[ns, UTC]":
                pd.to_datetime(value, utc=True)
            elif col.dtype == "Int64":
                float(value)
            elif col.dtype == "boolean":
                pd.array([value], dtype="boolean")
        except (ValueError, TypeError):
            bad.append(idx)
            if len(bad) >= limit:
                break
    return bad


def _rows(frame: pd.DataFrame, mask: pd.Series, limit: int = 10) -> str:
    # positions, not labels: duplicate index labels must not confuse the report
    pos = mask.to_numpy(dtype=bool, na_value=False).nonzero()[0]
    if "source_row" in frame.columns:
        rows = frame["source_row"].to_numpy()
        files = frame["source_file"].to_numpy() if "source_file" in frame.columns else None
        where = [f"{files[i]}:{rows[i]}" if files is not None else str(rows[i]) for i in pos[:limit]]
    else:
        where = [str(frame.index[i]) for i in pos[:limit]]
    more = f" and {len(pos) - limit} more" if len(pos) > limit else ""
    return ", ".join(where) + more


def validate(frame: pd.DataFrame) -> pd.DataFrame:
    """Check that ``frame`` is a valid post table and return it unchanged.

    Parameters
    ----------
    frame
        The post table.

    Returns
    -------
    pandas.DataFrame
        ``frame`` itself.

    Raises
    ------
    SchemaError
        When a column is missing or has the wrong dtype, a required value is missing, an id is
        not unique, a category is unknown, or a count is negative. The message names the column
        and the offending rows (as ``file:row`` when provenance is present).

    Examples
    --------
    >>> rows = {"post_id": ["1", "1"], "platform": "twitter", "created_at": pd.Timestamp("2026-01-05", tz="UTC")}
    >>> posts = coerce(pd.DataFrame({**rows, "kind": "original", "source_file": "a.csv", "source_row": [2, 3]}))
    >>> validate(posts)
    Traceback (most recent call last):
    ...
    kit.schema.SchemaError: column 'post_id' is not unique at rows a.csv:2, a.csv:3
    """
    problems: list[str] = []
    repeated = sorted(set(frame.columns[frame.columns.duplicated()]))
    if repeated:
        raise SchemaError(f"columns {repeated} appear more than once")
    for col in COLUMNS:
        if col.name not in frame.columns:
            problems.append(f"column '{col.name}' is missing")
            continue
        if str(frame[col.name].dtype) != col.dtype:
            problems.append(f"column '{col.name}' has dtype {frame[col.name].dtype}, expected {col.dtype}")
    if problems:
        raise SchemaError("; ".join(problems))
    for name in REQUIRED:
        missing = frame[name].isna()
        if missing.any():
            problems.append(f"column '{name}' is required but empty at rows {_rows(frame, missing)}")
    dup = frame["post_id"].duplicated(keep=False) & frame["post_id"].notna()
    if dup.any():
        problems.append(f"column 'post_id' is not unique at rows {_rows(frame, dup)}")
    for name, allowed in CATEGORIES.items():
        bad = frame[name].notna() & ~frame[name].isin(allowed)
        if bad.any():
            values = sorted(set(frame.loc[bad, name].astype(str)))[:5]
            problems.append(f"column '{name}' has values {values} outside {list(allowed)} at rows {_rows(frame, bad)}")
    for name in COUNT_COLUMNS:
        neg = (frame[name] < 0).fillna(False)
        if neg.any():
            problems.append(f"column '{name}' is negative at rows {_rows(frame, neg)}")
    if problems:
        raise SchemaError("; ".join(problems))
    return frame
