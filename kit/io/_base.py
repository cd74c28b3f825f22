"""What every reader shares: the load report, and turning raw records into the canonical table.

A reader's only job is to map its source's fields onto canonical column names, one raw record per
input row, with ``source_row`` set. :func:`finish` then parses times and numbers, normalises
categories, decodes HTML entities, drops exact duplicates, gives non-unique ids a stable surrogate,
and accounts for every row: kept, or dropped with a reason that names the row and the column.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

import numpy as np
import pandas as pd

from .. import schema
from ._reposts import kinds_from_flags, kinds_from_text
from ._times import ambiguous_dates, parse_times, snowflake_times
from ._values import (
    FORMAT_ALIASES,
    KIND_ALIASES,
    SCI_ID,
    clean_text,
    normalise,
    normalise_platform,
    parse_bool,
    parse_counts,
    per_value,
    platform_from_urls,
    surrogate,
)

# snowflake_times: re-exported for callers that still import it from here
__all__ = ["InputError", "LoadReport", "finish", "snowflake_times"]


class InputError(ValueError):
    """An input file cannot be read. The message names the file and, where it applies, row and column."""


@dataclass
class LoadReport:
    """How one file was understood: rows read, kept, dropped (with a reason each), mapping, warnings.

    ``rows_read == rows_kept + rows_dropped`` always holds: :func:`finish` checks it. Two reports
    add up (``a + b``) into the report of both files.

    Examples
    --------
    >>> report = LoadReport("a.csv", "csv", rows_read=3, rows_kept=2)
    >>> report.dropped = pd.DataFrame({"source_row": [4], "column": ["created_at"], "reason": ["missing time"]})
    >>> report.rows_dropped, (report + report).rows_read
    (1, 6)
    """

    source: str
    format: str
    rows_read: int = 0
    rows_kept: int = 0
    dropped: pd.DataFrame = field(default_factory=lambda: pd.DataFrame(columns=["source_row", "column", "reason"]))
    columns_mapped: dict[str, str] = field(default_factory=dict)
    warnings: list[str] = field(default_factory=list)
    duplicates: int = 0
    surrogate_ids: int = 0
    columns_unused: list[str] = field(default_factory=list)

    @property
    def rows_dropped(self) -> int:
        """Number of rows dropped."""
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
        """The report as plain JSON-ready values (what ``kit inspect --json`` prints)."""
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
            "columns_unused": list(self.columns_unused),
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
            columns_unused=[*self.columns_unused, *(c for c in other.columns_unused if c not in self.columns_unused)],
        )


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
    dayfirst: bool | None = None,
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
    dayfirst
        Read dates such as ``03/04/2026`` day first (True) or month first (False); None decides from
        the values, and says so when every date could be read both ways.

    Returns
    -------
    posts, report
        The post table (canonical columns in order, then the ``x_`` ones; valid under
        :func:`kit.schema.validate`) and its :class:`LoadReport`, in which every input row is
        kept or dropped with a reason.

    Raises
    ------
    InputError
        When no column gives times, or in strict mode on the first row that would be dropped.

    Examples
    --------
    >>> raw = pd.DataFrame({"post_id": ["1", "2", "3"], "created_at": ["2026-01-05T10:00Z", "", "2026-01-05T11:00Z"],
    ...                     "text": ["Fish &amp; chips", "b", "c"], "likes": ["1.2K", "3", "x"]})
    >>> posts, report = finish(raw, source="t.csv", format="csv", platform="twitter")
    >>> posts["text"].tolist(), posts["likes"].tolist()
    (['Fish & chips', 'c'], [1200, <NA>])
    >>> report.rows_read, report.rows_kept, report.dropped["reason"].tolist()
    (3, 2, ['missing time'])
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
        # the site of each post's link (twitter.com, instagram.com, linkedin.com...), else the default
        hosts = platform_from_urls(df["url"]) if "url" in df.columns else None
        df["platform"] = (platform or "other") if hosts is None else hosts.fillna(platform or "other")
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
    parsed, fmt, naive = parse_times(raw_times, tz=tz, dayfirst=dayfirst)
    example = ambiguous_dates(raw_times) if dayfirst is None and fmt and fmt[:2] in ("%d", "%m") else None
    if example is not None:
        first = fmt.startswith("%d")
        warns.append(
            f"column 'created_at': every date can be read day first or month first (e.g. {example!r}); read "
            f"{'day' if first else 'month'} first; pass dayfirst={not first} (kit inspect "
            f"--{'no-' if first else ''}dayfirst) if they are {'month' if first else 'day'} first"
        )
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

    # reposts told by flags or by the text ("RT @user:", "via @user") where no kind column says
    given = normalise(df["kind"], KIND_ALIASES)[0] if "kind" in df.columns else pd.Series(pd.NA, index=df.index)
    if given.isna().any():
        told, parent = kinds_from_text(df["text"])
        told = kinds_from_flags(df).fillna(told).where(given.isna())
        if told.notna().any():
            df["kind"] = df["kind"].astype("string").where(given.notna(), told) if "kind" in df.columns else told
            if parent.notna().any() and "x_parent_author" not in df.columns:
                df["x_parent_author"] = parent.where(told == "repost")
            warns.append(
                f"{int(told.notna().sum())} posts read as reposts, quotes or replies from their text "
                "('RT @user:', 'via @user') or their retweet/quote flags"
                + ("; the reposted author is in x_parent_author" if "x_parent_author" in df.columns else "")
            )

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
    # a row without id nor text (page insights give metrics only) is told from the others by all its values
    bare = ids.isna() & df["text"].astype("string").fillna("").str.strip().eq("")
    if bare.any():
        rest = [c for c in df.columns if c not in ("source_row", "post_id", "text", "created_at", "platform")]
        same["rest"] = pd.NA
        same.loc[bare, "rest"] = df.loc[bare, rest].astype("string").fillna("\x00").agg("\x1f".join, axis=1)
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
            surrogate(parts)
            for parts in zip(
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
