"""Readers for tables: generic and spreadsheet-mangled CSV, listening-tool mention exports,
page-insights exports of owned posts, and Parquet.

Row numbers in load reports are spreadsheet rows: the header is row 1 (after any preamble lines
a listening tool writes above it), the first post is the row below. How a file is split into
records is :mod:`kit.io._table`; which header gives which column is :mod:`kit.io._headers`;
every reader ends in :func:`kit.io.finish`.
"""

from __future__ import annotations

import re
from pathlib import Path

import pandas as pd

from .. import schema
from ._base import InputError, LoadReport, finish
from ._checks import silent_loss
from ._headers import (
    INSIGHTS_MARKERS,
    LISTENING_MARKERS,
    apply_mapping,
    full_mapping,
    guess_mapping,
    key,
    month_layout,
    slug,
    unused_columns,
)
from ._table import read_table
from ._times import bare_months, default_year, month_times, parse_times, snowflake_times

# read_table, slug, the markers: re-exported for callers that import them from here
__all__ = [
    "read_csv",
    "read_listening",
    "read_insights",
    "read_parquet",
    "read_table",
    "slug",
    "LISTENING_MARKERS",
    "INSIGHTS_MARKERS",
]


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
    dayfirst: bool | None = None,
    year: int | None = None,
) -> tuple[pd.DataFrame, LoadReport]:
    """Read a CSV export into the post table.

    Handles what spreadsheets do to exports: a byte-order mark, ``;`` or tab separators, ids in
    scientific notation (replaced by surrogates, with a warning), day-first dates such as
    ``24-02-2015 11.35``, HTML entities such as ``&amp;``, thousands separators in counts.

    Parameters
    ----------
    path
        The export.
    mapping
        ``{canonical column: source column}`` (a list of source columns is joined with a space,
        e.g. a date and a time column). Columns it leaves out are guessed from the header.
    sep
        The separator; guessed when not given.
    format
        The format name written in the report.
    platform, actor, actor_role
        Values for rows whose file does not say (e.g. ``platform="twitter"``).
    tz
        Zone of times written without one.
    strict
        Raise :class:`InputError` on the first row that would be dropped.
    time_from_id
        Take ``created_at`` from the ids, for files of X/Twitter ids without a time column (such
        as CrisisLex's labelled tweets): a tweet id holds its creation time to the millisecond
        (see :func:`kit.io._times.snowflake_times`). Rows whose id is not such an id are dropped.
    dayfirst
        Read dates such as ``03/04/2026`` day first (True) or month first (False); None decides
        from the values and warns when every date could be read both ways.

    Returns
    -------
    posts, report
        The post table and its :class:`~kit.io.LoadReport`.

    Examples
    --------
    >>> import pathlib, tempfile
    >>> path = pathlib.Path(tempfile.mkdtemp()) / "mentions.csv"
    >>> _ = path.write_text("Tweet Id;Date;Message;Likes\\n1;24-02-2015 11.35;Bonjour;1.2K\\n")
    >>> posts, report = read_csv(path, {"text": "Message"})
    >>> posts[["platform", "created_at", "text", "likes"]].to_numpy().tolist()
    [['twitter', Timestamp('2015-02-24 11:35:00+0000', tz='UTC'), 'Bonjour', 1200]]
    >>> report.warnings[-1]
    "times read with format '%d-%m-%Y %H.%M'"
    >>> _ = path.write_text("tweet_id,label\\n1526540472222638081,relevant\\n")
    >>> labelled, report = read_csv(path, time_from_id=True)
    >>> str(labelled.loc[0, "created_at"]), labelled.loc[0, "x_label"]
    ('2022-05-17 12:29:44.985000+00:00', 'relevant')
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
        dayfirst=dayfirst,
        year=year,
    )


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
    dayfirst: bool | None = None,
    year: int | None = None,
) -> tuple[pd.DataFrame, LoadReport]:
    """What the CSV readers share once the table is read: mapping, checks, then :func:`finish`.

    ``skipped`` are rows the reader knows are not posts (a description row): reported as dropped,
    never an error in strict mode.
    """
    columns = [c for c in frame.columns if c != "__row"]
    layout = None
    rows_read = len(frame) + len(drops) + len(skipped or [])
    if time_from_id:
        if "created_at" in explicit:
            raise InputError(f"{path}: pass either mapping['created_at'] or time_from_id=True, not both")
        guessed_time = guess_mapping(columns).get("created_at")
        full = {k: v for k, v in full_mapping(frame, explicit).items() if k != "created_at"}
        if "post_id" not in full:
            raise InputError(
                f"{path}: time_from_id=True needs a column of ids; columns are {columns}; "
                "pass mapping={'post_id': COLUMN}"
            )
        if guessed_time is not None:
            warns.append(f"times taken from the ids, not from column {guessed_time!r} (time_from_id=True)")
    else:
        full = full_mapping(frame, explicit)
        layout = month_layout(columns) if "created_at" not in full else None
        if "created_at" not in full and layout is None:
            hint = "pass mapping={'created_at': COLUMN}"
            if "post_id" in full and isinstance(full["post_id"], str) and _looks_like_tweet_ids(frame[full["post_id"]]):
                hint += (
                    f", or time_from_id=True to take the times from the X/Twitter ids in column "
                    f"{full['post_id']!r} (a tweet id holds its creation time)"
                )
            raise InputError(f"{path}: no column gives the time of posts; columns are {columns}; {hint}")
    raw, mapped = apply_mapping(frame, full, source=str(path))
    if layout is not None and "created_at" not in full:
        hour = layout.get("hour")
        months = frame[layout["month"]]
        bare = bare_months(months)
        if bare and year is None:
            year = default_year(months)
            warns.append(
                f"column {layout['month']!r} gives months without a year: read as {year} (the latest year that "
                "puts no month in the future); pass year=... (kit inspect --year, or load_options "
                "{'year': ...} in a notebook) to set it"
            )
        raw["created_at"] = month_times(months, frame[hour] if hour else None, year=year if bare else None).array
        raw["x_time_precision"] = "month"
        mapped["created_at"] = " + ".join(c for c in (layout["month"], hour) if c) + " (month precision)"
        warns.append(
            f"the file gives the month of posts, not their day (column {layout['month']!r}): each post is dated "
            "the 1st of its month"
            + (f" at its hour (column {hour!r})" if hour else "")
            + "; daily and weekly figures are not meaningful"
            + (f"; the weekday is kept in column {layout['weekday']!r}" if "weekday" in layout else "")
        )
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
    posts, report = finish(
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
        dayfirst=dayfirst,
    )
    used = {k: v for k, v in full.items() if k in mapped}
    if layout is not None and "created_at" not in full:
        used["created_at"] = [c for c in (layout["month"], layout.get("hour")) if c]
    report.columns_unused = unused_columns(columns, used)
    names = {("x_" + slug(c) if not slug(c).startswith("x_") else slug(c)): c for c in columns}
    report.warnings.extend(silent_loss(posts, mapped, names=names))
    return posts, report


def read_listening(
    path: str | Path, mapping: dict | None = None, *, sep: str | None = None, **kwargs
) -> tuple[pd.DataFrame, LoadReport]:
    """Read a listening-tool mention export (Brandwatch or Talkwalker style CSV).

    The report metadata such tools write above the table is skipped (row numbers in the report
    stay those of the spreadsheet); ``Page Type`` / ``source_type`` give the platform, ``Query
    Name`` the tracked actor, ``Full Text`` (or ``content``) the text, ``Impressions`` the views
    and ``Reach`` the reach. Columns such as the tool's own sentiment are kept as ``x_sentiment``.

    Parameters
    ----------
    path
        The export.
    mapping
        As for :func:`read_csv`.
    sep
        The separator; guessed when not given.
    **kwargs
        The keyword arguments of :func:`read_csv`.

    Returns
    -------
    posts, report
        The post table and its :class:`~kit.io.LoadReport`.

    Examples
    --------
    >>> import pathlib, tempfile
    >>> path = pathlib.Path(tempfile.mkdtemp()) / "mentions.csv"
    >>> _ = path.write_text("Report: brand\\n\\nQuery Name,Date,Full Text,Page Type,Sentiment\\n"
    ...                     "Brand,2026-01-05 10:00,Bonjour,twitter,positive\\n")
    >>> posts, report = read_listening(path)
    >>> posts[["actor", "text", "platform", "source_row", "x_sentiment"]].to_numpy().tolist()
    [['Brand', 'Bonjour', 'twitter', 4, 'positive']]
    """
    path = Path(path)
    frame, _, drops, warns = read_table(path, sep=sep)
    by_slug = {key(c): c for c in frame.columns if c != "__row"}
    by_slug.update({slug(c): c for c in frame.columns if c != "__row"})
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
    ``original``.

    Parameters
    ----------
    path
        The export.
    mapping
        As for :func:`read_csv`.
    sep
        The separator; guessed when not given.
    **kwargs
        The keyword arguments of :func:`read_csv`.

    Returns
    -------
    posts, report
        The post table and its :class:`~kit.io.LoadReport`.

    Examples
    --------
    >>> import pathlib, tempfile
    >>> path = pathlib.Path(tempfile.mkdtemp()) / "insights.csv"
    >>> _ = path.write_text("Post ID,Permalink,Publish time,Reach,Description\\n"
    ...                     ",,,Lifetime: The number of people who saw it,The text\\n"
    ...                     "1,https://fb.com/1,01/05/2026 10:00,120,Hello\\n")
    >>> posts, report = read_insights(path)
    >>> posts[["post_id", "platform", "actor_role", "reach"]].to_numpy().tolist(), report.dropped["reason"].tolist()
    ([['1', 'facebook', 'brand', 120]], ['metric description row under the header'])
    """
    if kwargs.get("platform") is None:  # the command line passes platform=None
        kwargs["platform"] = "facebook"
    if kwargs.get("actor_role") is None:
        kwargs["actor_role"] = "brand"
    path = Path(path)
    frame, _, drops, warns = read_table(path, sep=sep)
    cols = [c for c in frame.columns if c != "__row"]
    by_slug = {key(c): c for c in cols}
    by_slug.update({slug(c): c for c in cols})
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
    full = full_mapping(frame, explicit)
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
    """Read Parquet: a post table written by the kit, or any table with a mapping (as :func:`read_csv`).

    Parameters
    ----------
    path
        The file.
    mapping
        As for :func:`read_csv`; without one, a table with the canonical columns is read as the
        kit wrote it (texts already decoded), any other by its header names.
    **kwargs
        ``platform``, ``actor``, ``actor_role``, ``tz``, ``strict`` (see :func:`kit.io.finish`).

    Returns
    -------
    posts, report
        The post table and its :class:`~kit.io.LoadReport`.

    Examples
    --------
    >>> import pathlib, tempfile
    >>> path = pathlib.Path(tempfile.mkdtemp()) / "t.parquet"
    >>> pd.DataFrame({"id": ["1"], "date": ["2026-01-05T10:00:00Z"], "text": ["hi"]}).to_parquet(path)
    >>> posts, report = read_parquet(path)
    >>> report.columns_mapped
    {'post_id': 'id', 'text': 'text', 'created_at': 'date'}
    """
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
