"""What every reader shares: the load report, and turning raw records into the canonical table.

A reader's only job is to map its source's fields onto canonical column names, one raw record per
input row, with ``source_row`` set. :func:`finish` then parses times and numbers, normalises
categories, decodes HTML entities, drops exact duplicates, gives non-unique ids a stable surrogate,
and accounts for every row: kept, or dropped with a reason that names the row and the column.
"""

from __future__ import annotations

import hashlib
import html
import re
from dataclasses import dataclass, field
from pathlib import Path

import numpy as np
import pandas as pd

from .. import schema


class InputError(ValueError):
    """An input file cannot be read. The message names the file and, where it applies, row and column."""


@dataclass
class LoadReport:
    """How one file was understood: rows read, kept, dropped (with a reason each), mapping, warnings."""

    source: str
    format: str
    rows_read: int = 0
    rows_kept: int = 0
    dropped: pd.DataFrame = field(default_factory=lambda: pd.DataFrame(columns=["source_row", "column", "reason"]))
    columns_mapped: dict[str, str] = field(default_factory=dict)
    warnings: list[str] = field(default_factory=list)
    duplicates: int = 0
    surrogate_ids: int = 0

    @property
    def rows_dropped(self) -> int:
        return len(self.dropped)

    def dropped_by_reason(self) -> pd.Series:
        """Number of dropped rows per reason (the reason without the row-specific value)."""
        if self.dropped.empty:
            return pd.Series(dtype="int64", name="rows")
        reason = self.dropped["reason"].astype(str).str.replace(r"'.*'", "'...'", regex=True)
        reason = reason.str.replace(r"\d+", "N", regex=True)
        key = self.dropped["column"].fillna("").astype(str) + ": " + reason
        return key.str.lstrip(": ").value_counts().rename("rows")

    def to_dict(self) -> dict:
        return {
            "source": self.source,
            "format": self.format,
            "rows_read": self.rows_read,
            "rows_kept": self.rows_kept,
            "rows_dropped": self.rows_dropped,
            "dropped_by_reason": {k: int(v) for k, v in self.dropped_by_reason().items()},
            "dropped": [
                {
                    "source_row": int(r.source_row) if pd.notna(r.source_row) else None,
                    "column": r.column if isinstance(r.column, str) else None,
                    "reason": r.reason,
                }
                for r in self.dropped.itertuples()
            ],
            "duplicates": self.duplicates,
            "surrogate_ids": self.surrogate_ids,
            "columns_mapped": dict(self.columns_mapped),
            "warnings": list(self.warnings),
        }

    def __add__(self, other: LoadReport) -> LoadReport:
        dropped = pd.concat(
            [self.dropped.assign(source=self.source), other.dropped.assign(source=other.source)], ignore_index=True
        )
        return LoadReport(
            source=f"{self.source}; {other.source}",
            format=self.format if self.format == other.format else f"{self.format}+{other.format}",
            rows_read=self.rows_read + other.rows_read,
            rows_kept=self.rows_kept + other.rows_kept,
            dropped=dropped,
            columns_mapped={**self.columns_mapped, **other.columns_mapped},
            warnings=[*self.warnings, *other.warnings],
            duplicates=self.duplicates + other.duplicates,
            surrogate_ids=self.surrogate_ids + other.surrogate_ids,
        )


# --- value normalisation -------------------------------------------------------------------------

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

TIME_FORMATS = (
    "ISO8601",
    "%a %b %d %H:%M:%S %z %Y",  # Twitter v1.1
    "%d-%m-%Y %H.%M",  # spreadsheet, day-first, dotted time
    "%d-%m-%Y %H:%M",
    "%d-%m-%Y %H:%M:%S",
    "%d/%m/%Y %H:%M",
    "%d/%m/%Y %H:%M:%S",
    "%d.%m.%Y %H:%M",
    "%d.%m.%Y %H:%M:%S",
    "%m/%d/%Y %H:%M",
    "%m/%d/%Y %H:%M:%S",
    "%m/%d/%Y %I:%M %p",
    "%m/%d/%Y %I:%M:%S %p",
    "%Y-%m-%d %H.%M",
    "%d-%m-%Y",
    "%d/%m/%Y",
    "%d.%m.%Y",
)


# a time written with its zone: "...10:00:00+01:00", "...10:00Z", "11:35:52 -0800", "06:22:06 +0000 2012"
ZONED = (
    r"(?:\d{1,2}:\d{2}(?::\d{2}(?:[.,]\d+)?)?\s*(?:[zZ]|[+-]\d{2}:?\d{2}|UTC|GMT)"
    r"|\d{2}:\d{2}:\d{2} [+-]\d{4} \d{4})\s*$"
)
# a day, a month and a four-digit year, in digits or with a month name
WHOLE_DATE = (
    r"\d{4}[-/.]\d{1,2}[-/.]\d{1,2}|\d{1,2}[-/.]\d{1,2}[-/.]\d{4}"
    r"|[A-Za-z]{3,}\.?\s+\d{1,2}(?:st|nd|rd|th)?,?\s+(?:\d{1,2}:\d{2}(?::\d{2})?\s+)?(?:\S+\s+)?\d{4}"
    r"|\d{1,2}(?:st|nd|rd|th)?\s+[A-Za-z]{3,}\.?,?\s+\d{4}"
)
# what datetime64[ns] can hold; a time outside it (year 1, year 9999) is a broken value, not a post time
_EARLIEST, _LATEST = pd.Timestamp("1677-09-22", tz="UTC"), pd.Timestamp("2262-04-11", tz="UTC")


def parse_times(values: pd.Series, *, tz: str = "UTC") -> tuple[pd.Series, str | None, int]:
    """Parse a column of times to UTC.

    The format that parses most of a sample of the column is used for all of it (so day-first
    and month-first are never mixed within a file); values it cannot read get a second chance
    with the other formats, then with pandas' guess when they at least carry a four-digit year
    (a guess never fills in today's date). Times without a zone are read in ``tz``; a column
    mixing both is parsed in two parts so that the zone-less ones are still read in ``tz``.

    Returns the parsed series (NaT where unreadable), the main format, and how many values had
    no time zone.
    """
    if pd.api.types.is_datetime64_any_dtype(values):
        if getattr(values.dt, "tz", None) is not None:
            return _utc(values), "datetime", 0
        localised = values.dt.tz_localize(tz, ambiguous="NaT", nonexistent="NaT")
        return _utc(localised), "datetime", int(values.notna().sum())
    if pd.api.types.is_numeric_dtype(values) and not pd.api.types.is_bool_dtype(values):
        num = pd.to_numeric(values, errors="coerce").astype("float64")
        num = num.where(num.abs() < 1e14)  # beyond any epoch in milliseconds
        unit = "ms" if num.dropna().abs().median() > 1e11 else "s"
        return _utc(pd.to_datetime(num, unit=unit, utc=True, errors="coerce")), f"epoch-{unit}", 0
    text = values.astype("string").str.strip().replace("", pd.NA)
    # every time has a digit; without this "now" and "today" would read as the time of reading
    present = text[text.str.contains(r"\d", regex=True).fillna(False)]
    out = pd.Series(pd.NaT, index=values.index, dtype="datetime64[ns, UTC]")
    if present.empty:
        return out, None, 0
    if present.str.fullmatch(r"\d{9,13}(\.\d+)?").all():
        return parse_times(pd.to_numeric(present, errors="coerce").reindex(values.index), tz=tz)
    zoned = present.str.contains(ZONED, regex=True)
    if zoned.any() and not zoned.all():
        with_zone, fmt_zone, _ = parse_times(present[zoned], tz=tz)
        without, fmt_naive, naive = parse_times(present[~zoned], tz=tz)
        out.loc[with_zone.index] = with_zone
        out.loc[without.index] = without
        return out, fmt_zone if zoned.sum() >= (~zoned).sum() else fmt_naive, naive
    sample = present.iloc[:2000]
    scores = [(_parse_with(sample, fmt).notna().sum(), -i, fmt) for i, fmt in enumerate(TIME_FORMATS)]
    best = max(scores)[2]
    order = [best] + [f for f in TIME_FORMATS if f != best]
    remaining = present
    naive = 0
    for fmt in order:
        if remaining.empty:
            break
        got, n_naive = _localised(_parse_with(remaining, fmt), tz)
        if got.empty:
            continue
        naive += n_naive
        out.loc[got.index] = got
        remaining = remaining[~remaining.index.isin(got.index)]
    # last resort: let pandas guess, only where a whole date is written (it fills a missing one with today's)
    guessable = remaining[remaining.str.contains(WHOLE_DATE, regex=True)]
    if not guessable.empty:
        got, n_naive = _localised(_parse_with(guessable, "mixed", dayfirst=best.startswith("%d")), tz)
        naive += n_naive
        out.loc[got.index] = got
    return out, best, naive


TWITTER_EPOCH_MS = 1288834974657  # 2010-11-04T01:42:54.657Z, time zero of X/Twitter snowflake ids


def snowflake_times(ids: pd.Series) -> pd.Series:
    """The creation time written in X/Twitter ids (snowflakes, since November 2010), UTC, to the millisecond.

    An id is ``(milliseconds since 2010-11-04T01:42:54.657Z) << 22`` plus machine and sequence bits, so
    a file of tweet ids without times (CrisisLex labelled tweets, hydration lists) still has them.
    Values that are not snowflake ids (older sequential ids, anything not 15-19 digits) give NaT.

    >>> snowflake_times(pd.Series(["1526540472222638081"])).iloc[0]
    Timestamp('2022-05-17 12:29:44.985000+0000', tz='UTC')
    """
    text = ids.astype("string").str.strip().str.replace(r"\.0$", "", regex=True)
    ok = text.str.fullmatch(r"\d{15,19}").fillna(False).to_numpy(dtype=bool)
    digits = text.where(ok, "0").to_numpy(dtype=str).astype(np.uint64)
    ms = (digits >> np.uint64(22)).astype("int64") + TWITTER_EPOCH_MS
    out = pd.Series(pd.to_datetime(ms, unit="ms", utc=True), index=ids.index).where(ok)
    return _utc(out)


def _utc(values: pd.Series) -> pd.Series:
    """A zone-aware series as datetime64[ns, UTC]; times datetime64[ns] cannot hold become NaT."""
    values = values.dt.tz_convert("UTC")
    values = values.where(values.isna() | ((values >= _EARLIEST) & (values <= _LATEST)))
    return values.astype("datetime64[ns, UTC]")


def _localised(got: pd.Series, tz: str) -> tuple[pd.Series, int]:
    """The values that parsed, in UTC (zone-less ones read in ``tz``), and how many of them had no zone."""
    got = got[got.notna()]
    naive = 0
    if got.dt.tz is None:
        got = got.dt.tz_localize(tz, ambiguous="NaT", nonexistent="NaT")
        naive = int(got.notna().sum())
    got = _utc(got)
    return got[got.notna()], naive


def _parse_with(values: pd.Series, fmt: str, **kwargs) -> pd.Series:
    try:
        got = pd.to_datetime(values, format=fmt, errors="coerce", utc=False, **kwargs)
    except (ValueError, TypeError):
        # mixed offsets cannot live in one naive/aware series: read them as UTC directly
        got = pd.to_datetime(values, format=fmt, errors="coerce", utc=True, **kwargs)
    if got.dtype == object:  # mixed offsets returned as objects
        got = pd.to_datetime(values, format=fmt, errors="coerce", utc=True, **kwargs)
    return got


def parse_counts(values: pd.Series) -> tuple[pd.Series, pd.Series]:
    """Parse engagement counts: thousands separators, '1.2K' / '3M' suffixes, floats from spreadsheets.

    Returns the Int64 series and a mask of values that were present but unreadable or negative.
    """
    if pd.api.types.is_numeric_dtype(values) and not pd.api.types.is_bool_dtype(values):
        num = values.astype("float64")
    elif values.astype("string").str.fullmatch(r"\d{1,18}").fillna(True).all():  # plain digits: the common case
        num = _digits_to_float(values.astype("string"))
    else:
        text = values.astype("string").str.strip().str.replace(r"[\s\u00a0\u202f,']", "", regex=True)
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
    """Map values through ``aliases`` (case-insensitive, spaces and dashes read as ``_``); returns the mapped
    series and a mask of unknown values."""

    def one(v: pd.Series) -> pd.DataFrame:
        key = v.str.strip().str.lower().str.replace(r"[\s\-]+", "_", regex=True)
        mapped = key.map(aliases).astype("string")
        return pd.DataFrame({"mapped": mapped, "unknown": (key.notna() & (key != "") & mapped.isna()).fillna(False)})

    got = per_value(values.astype("string"), one)
    return got["mapped"], got["unknown"].astype(bool)


def per_value(values: pd.Series, fn):
    """``fn(values)`` computed once per distinct value and spread back to every row.

    ``fn`` is a vectorised transform (Series in, Series or DataFrame of the same length out). Columns
    such as kind, platform, media format or language hold a handful of distinct values in a million
    rows: the string work is then done on a few values, not on every row. Missing values go through
    ``fn`` too, so the result is the same as ``fn(values)``.
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

    Returns the mapped series and a mask of values that name no known platform.
    """
    key = values.astype("string").str.strip().str.lower()
    table = {k: _platform_of(k) for k in key.dropna().unique()}  # few distinct values: a dict, not a loop over rows
    mapped = key.map(table).astype("string")
    unknown = key.notna() & (key != "") & mapped.isna()
    return mapped, unknown.fillna(False)


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
    if pd.api.types.is_bool_dtype(values):
        return values.astype("boolean"), pd.Series(False, index=values.index)
    key = values.astype("string").str.strip().str.lower()
    out = pd.Series(pd.NA, index=values.index, dtype="boolean")
    out[key.isin(TRUE).fillna(False)] = True
    out[key.isin(FALSE).fillna(False) & (key != "")] = False
    bad = key.notna() & (key != "") & ~key.isin(TRUE | FALSE)
    return out, bad.fillna(False)


def clean_text(values: pd.Series) -> pd.Series:
    """Decode HTML entities (``&amp;`` -> ``&``) and normalise line ends; text stays text."""
    text = values.astype("string")
    has_entity = text.str.contains("&", regex=False).fillna(False)
    if has_entity.any():
        text = text.copy()
        text[has_entity] = text[has_entity].map(html.unescape)
    return text.str.replace("\r\n", "\n", regex=False)


def surrogate(platform: str, author: str, created: str, text: str) -> str:
    digest = hashlib.sha1(f"{platform}\x1f{author}\x1f{created}\x1f{text}".encode()).hexdigest()
    return f"s-{digest[:16]}"


def _where(rows: pd.Series, limit: int = 5) -> str:
    rows = list(rows)
    shown = ", ".join(str(r) for r in rows[:limit])
    return shown + (f" and {len(rows) - limit} more" if len(rows) > limit else "")


# --- the common tail of every reader -------------------------------------------------------------


def finish(
    raw: pd.DataFrame,
    *,
    source: str | Path,
    format: str,
    columns_mapped: dict[str, str] | None = None,
    dropped: list[tuple[int, str | None, str]] | None = None,
    warnings: list[str] | None = None,
    rows_read: int | None = None,
    platform: str | None = None,
    actor: str | None = None,
    actor_role: str | None = None,
    tz: str = "UTC",
    strict: bool = False,
    decode_entities: bool = True,
) -> tuple[pd.DataFrame, LoadReport]:
    """Turn raw records (canonical column names, raw values, ``source_row`` set) into the post table.

    Parameters
    ----------
    raw
        One row per input record that the reader could take apart; records it could not are passed
        in ``dropped`` as ``(source_row, column, reason)``.
    rows_read
        Input rows in the file (defaults to ``len(raw) + len(dropped)``).
    platform, actor, actor_role
        Values for rows whose source does not carry them.
    tz
        Zone of times written without one.
    strict
        Raise :class:`InputError` on the first row that would be dropped here instead of dropping it
        (rows the reader drops itself, in ``dropped``, are the reader's to raise on).
    decode_entities
        Decode HTML entities in ``text``; off for tables the kit wrote, whose texts are decoded
        already (decoding twice would turn a post's literal "&amp;" into "&").
    """
    source = str(source)
    name = Path(source).name
    drops: list[tuple[int, str | None, str]] = list(dropped or [])
    warns: list[str] = list(warnings or [])
    rows_read = len(raw) + len(drops) if rows_read is None else rows_read
    df = raw.copy().reset_index(drop=True)
    if "source_row" not in df.columns:
        df["source_row"] = np.arange(1, len(df) + 1)

    def drop(mask: pd.Series, column: str | None, reason_for) -> None:
        nonlocal df
        mask = mask.fillna(False).astype(bool)
        if not mask.any():
            return
        for row, value in zip(
            df.loc[mask, "source_row"], df.loc[mask, column] if column in df.columns else [None] * int(mask.sum())
        ):
            reason = reason_for(value)
            if strict:
                raise InputError(f"{source}: row {row}, column '{column}': {reason}")
            drops.append((int(row), column, reason))
        df = df.loc[~mask].reset_index(drop=True)

    # platform, actor
    if "platform" not in df.columns or df["platform"].isna().all():
        df["platform"] = platform or "other"
    else:
        df["platform"] = per_value(
            df["platform"].astype("string"), lambda v: v.str.strip().replace("", pd.NA).fillna(platform or "other")
        )
    plat, unknown = normalise_platform(df["platform"])
    if unknown.any():
        examples = sorted(set(df.loc[unknown, "platform"].astype(str)))[:5]
        warns.append(
            f"column 'platform': values {examples} name no known platform at rows "
            f"{_where(df.loc[unknown, 'source_row'])}; read as 'other' (the values are kept in x_platform)"
        )
        df["x_platform"] = df["platform"].astype("string")
    df["platform"] = plat.fillna("other")
    if actor is not None:
        df["actor"] = df["actor"].fillna(actor) if "actor" in df.columns else actor
    if actor_role is not None:
        df["actor_role"] = df["actor_role"].fillna(actor_role) if "actor_role" in df.columns else actor_role

    # times
    if "created_at" not in df.columns:
        raise InputError(
            f"{source}: no column gives the time of posts (mapped: {columns_mapped or {}}); "
            "pass a mapping such as {'created_at': 'your_date_column'}"
        )
    raw_times = df["created_at"]
    parsed, fmt, naive = parse_times(raw_times, tz=tz)
    if pd.api.types.is_datetime64_any_dtype(raw_times) or (
        pd.api.types.is_numeric_dtype(raw_times) and not pd.api.types.is_bool_dtype(raw_times)
    ):
        empty = raw_times.isna()  # typed times (Parquet) are never blank text; formatting them costs seconds
    else:
        empty = raw_times.isna() | (raw_times.astype("string").str.strip() == "")
    drop(empty, "created_at", lambda v: "missing time")
    parsed = parsed[~empty.to_numpy()].reset_index(drop=True)
    bad = parsed.isna()
    drop(bad, "created_at", lambda v: f"cannot read time '{v}'")
    df["created_at"] = parsed[~bad.to_numpy()].reset_index(drop=True)
    if naive:
        warns.append(f"{naive} times had no time zone and were read as {tz} (pass tz= to change)")
    if fmt and fmt not in ("ISO8601", "datetime") and not fmt.startswith("epoch"):
        warns.append(f"times read with format '{fmt}'")

    # text
    if "text" in df.columns:
        df["text"] = (clean_text(df["text"]) if decode_entities else df["text"].astype("string")).fillna("")
    else:
        df["text"] = ""

    # counts
    for col in schema.COUNT_COLUMNS:
        if col in df.columns:
            values, badc = parse_counts(df[col])
            if badc.any():
                warns.append(
                    f"column '{col}': {int(badc.sum())} values are not counts "
                    f"(rows {_where(df.loc[badc, 'source_row'])}, e.g. '{df.loc[badc, col].iloc[0]}'); set to missing"
                )
            df[col] = values

    # categories
    for col, aliases, default in (("kind", KIND_ALIASES, "original"), ("media_format", FORMAT_ALIASES, None)):
        if col in df.columns:
            values, unknown = normalise(df[col], aliases)
            if unknown.any():
                examples = sorted(set(df.loc[unknown, col].astype(str)))[:5]
                warns.append(
                    f"column '{col}': unknown values {examples} at rows "
                    f"{_where(df.loc[unknown, 'source_row'])}; read as {default or 'missing'}"
                )
            df[col] = values.fillna(default) if default else values
        elif default:
            df[col] = default
    if "paid" in df.columns:
        values, badb = parse_bool(df["paid"])
        if badb.any():
            warns.append(
                f"column 'paid': values that are not yes/no at rows {_where(df.loc[badb, 'source_row'])}; set to missing"
            )
        df["paid"] = values
    if "lang" in df.columns:
        df["lang"] = per_value(
            df["lang"].astype("string"), lambda v: v.str.strip().str.lower().str.split("-").str[0].replace("", pd.NA)
        )
    for col in ("author_handle",):
        if col in df.columns:
            df[col] = per_value(df[col].astype("string"), lambda v: v.str.strip().str.lstrip("@"))

    # ids
    author = df["author_handle"] if "author_handle" in df.columns else pd.Series(pd.NA, index=df.index, dtype="string")
    if "author_id" in df.columns:
        author = author.fillna(df["author_id"].astype("string"))
    author = author.astype("string").fillna("")
    if "post_id" in df.columns:
        ids = df["post_id"].astype("string").str.strip().replace("", pd.NA)
        ids = ids.str.replace(r"\.0$", "", regex=True)
    else:
        ids = pd.Series(pd.NA, index=df.index, dtype="string")
    sci = ids.str.match(SCI_ID.pattern).fillna(False).astype(bool)
    if sci.any():
        warns.append(
            f"{int(sci.sum())} ids are in scientific notation (a spreadsheet rounded them; "
            f"e.g. '{ids[sci].iloc[0]}'): they cannot identify posts and were replaced by surrogates"
        )
        ids = ids.mask(sci)

    # exact duplicates: the same id (or both without one) and the same content: platform, author, time, text
    same = pd.DataFrame(
        {
            "id": ids,
            "platform": df["platform"].astype("string"),
            "author": author,
            "at": df["created_at"].dt.floor("s"),
            "text": df["text"].astype("string"),
        }
    )
    distinct_ids = bool(ids.notna().all() and not ids.duplicated().any())
    if distinct_ids:
        dup = pd.Series(False, index=same.index)  # every id present and distinct: no row can repeat another
    else:
        dup = same.duplicated(keep="first")
    n_dup = int(dup.sum())
    if n_dup:
        group = same.groupby(list(same.columns), sort=False, dropna=False).ngroup()
        first_row = df["source_row"].groupby(group.to_numpy()).transform("first")
        for row, first in zip(df.loc[dup, "source_row"].tolist(), first_row[dup].tolist()):
            reason = f"duplicate of row {first}"
            if strict:
                raise InputError(f"{source}: row {row}, column 'post_id': {reason}")
            drops.append((int(row), "post_id", reason))
        keep = ~dup
        df, ids, sci, author = (x[keep].reset_index(drop=True) for x in (df, ids, sci, author))
        warns.append(f"{n_dup} duplicate rows dropped")

    missing_id = ids.isna()
    clash = pd.Series(False, index=ids.index) if distinct_ids else ids.duplicated(keep=False) & ids.notna()
    n_sur = int(missing_id.sum() + clash.sum())
    if clash.any():
        warns.append(
            f"{int(clash.sum())} rows share an id with another row that has different content "
            f"(rows {_where(df.loc[clash, 'source_row'])}); they were given surrogate ids"
        )
    n_plain = int((missing_id & ~sci).sum())
    if n_plain:
        warns.append(f"{n_plain} rows had no id and were given surrogate ids")
    need = (missing_id | clash).to_numpy(dtype=bool)
    key = pd.Series(pd.NA, index=df.index, dtype="string")
    if need.any():  # content hashes only where an id is needed: hashing every row costs seconds per million
        stamp = df.loc[need, "created_at"].dt.strftime("%Y-%m-%dT%H:%M:%S")
        key[need] = [
            surrogate(p, a, c, t)
            for p, a, c, t in zip(
                df.loc[need, "platform"].astype(str).tolist(),
                author[need].tolist(),
                stamp.tolist(),
                df.loc[need, "text"].astype(str).tolist(),
            )
        ]
    ids = ids.mask(clash, ids + "~" + key.str[2:10])
    ids = ids.fillna(key)
    # surrogates built from content can still collide for identical content with different ids
    still = pd.Series(False, index=ids.index) if distinct_ids else ids.duplicated(keep=False)
    if still.any():
        ids = ids.mask(still, ids + "~r" + df["source_row"].astype(str))
    df["post_id"] = ids

    df["source_file"] = name
    out = schema.coerce(df)
    out = out[list(schema.COLUMN_NAMES) + [c for c in out.columns if c not in schema.DTYPES]]
    dropped_df = pd.DataFrame(drops, columns=["source_row", "column", "reason"])
    if not dropped_df.empty:
        dropped_df = dropped_df.sort_values("source_row", kind="stable").reset_index(drop=True)
        dropped_df["source_row"] = dropped_df["source_row"].astype("Int64")
    report = LoadReport(
        source=source,
        format=format,
        rows_read=rows_read,
        rows_kept=len(out),
        dropped=dropped_df,
        columns_mapped=dict(columns_mapped or {}),
        warnings=warns,
        duplicates=n_dup,
        surrogate_ids=n_sur,
    )
    if report.rows_kept + report.rows_dropped != report.rows_read:
        raise AssertionError(
            f"{source}: row accounting is off: read {rows_read}, kept {len(out)}, dropped {len(drops)}"
        )
    schema.validate(out)
    return out, report
