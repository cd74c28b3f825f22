"""What the JSON readers share: reading records from a file, small accessors (HTML to plain text is
:mod:`kit.io._markup`).

A JSON export comes in one of three layouts, all read by :func:`read_records`:

- a JSON array of records (``source_row`` is the 1-based index in the array),
- a single JSON object wrapping the records (a Twitter v2 ``{"data": [...]}`` page, a Reddit
  listing, a Bluesky feed; the reader unwraps it and numbers the records it finds 1, 2, ...),
- JSON lines, one record (or one API response page) per line (``source_row`` is the line number).

A line that is not valid JSON is dropped with its line number and the decoder's message; it is
never skipped silently.

>>> get({"user": {"screen_name": "ana"}}, "user.screen_name")
'ana'
"""

from __future__ import annotations

import gc
import json
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import pandas as pd

from ._base import InputError
from ._bytes import decode_text, file_bytes
from ._shapes import suspect_field

__all__ = [
    "RAW_COLUMNS",
    "Records",
    "Collector",
    "paused_gc",
    "read_records",
    "where",
    "get",
    "apply_mapping",
    "check_mapping",
    "id_str",
    "parse_all",
    "escape_amp",
]

# every canonical column a JSON reader may fill; the raw frame always has them all, so that an
# empty file or a file with no usable record still gives a well-formed (empty) table
RAW_COLUMNS = (
    "source_row",
    "post_id",
    "platform",
    "author_id",
    "author_handle",
    "author_name",
    "author_followers",
    "created_at",
    "text",
    "lang",
    "kind",
    "parent_id",
    "url",
    "media_format",
    "likes",
    "shares",
    "comments",
    "quotes",
    "views",
    "country",
    "source_app",
)


@contextmanager
def paused_gc() -> Iterator[None]:
    """Pause the cyclic garbage collector while a file's records are parsed and taken apart.

    Parsing builds millions of small dicts that all stay alive; the collector would walk them
    again and again (half the time of a 100k-record read). Its previous state is restored.

    Yields
    ------
    None
        Inside the block, the collector is off.

    Examples
    --------
    >>> import gc
    >>> with paused_gc():
    ...     gc.isenabled()
    False
    """
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was_enabled:
            gc.enable()


@dataclass
class Records:
    """The records of one JSON file, as ``(source_row, value)`` pairs, and the lines that were not JSON."""

    path: Path
    layout: str  # "array", "object" or "lines"
    items: list[tuple[int, Any]]
    dropped: list[tuple[int, str | None, str]] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)


def read_records(path: str | Path, *, strict: bool = False) -> Records:
    """Read a JSON array, a single JSON object or JSON lines.

    Parameters
    ----------
    path
        The file (UTF-8, with or without a byte-order mark).
    strict
        Raise :class:`~kit.io.InputError` on the first line that is not valid JSON instead of
        reporting it in ``dropped``.

    Returns
    -------
    Records
        ``items`` holds ``(source_row, value)``: for an array, the 1-based index of each element;
        for a single object, ``(1, object)``; for JSON lines, the line number of each parsed line.

    Raises
    ------
    InputError
        When the file is empty, or is neither a JSON document nor JSON lines.

    Examples
    --------
    >>> import pathlib, tempfile
    >>> path = pathlib.Path(tempfile.mkdtemp()) / "posts.jsonl"
    >>> _ = path.write_text('{"id": 1}\\n\\n{"id": 2}\\n{"id": \\n')
    >>> recs = read_records(path)
    >>> recs.layout, [row for row, _ in recs.items], recs.dropped[0][0]
    ('lines', [1, 3], 4)
    """
    path = Path(path)
    data = file_bytes(path)
    if not data.strip():
        raise InputError(f"{path}: the file is empty")
    text, warns = decode_text(data, path)  # a line in Windows-1252 is decoded as such, the others as UTF-8
    try:
        doc = json.loads(text)
    except json.JSONDecodeError as whole_error:
        recs = _read_lines(path, text, whole_error, strict=strict)
        recs.warnings = warns
        return recs
    except RecursionError:
        if text.lstrip().startswith("{") and "\n" in text.strip():
            recs = _read_lines(path, text, json.JSONDecodeError("nested too deeply", text, 0), strict=strict)
            recs.warnings = warns
            return recs
        raise InputError(f"{path}: JSON nested too deeply to read (more levels than any export has)") from None
    if isinstance(doc, list):
        return Records(path, "array", [(i, value) for i, value in enumerate(doc, start=1)])
    if isinstance(doc, dict):
        return Records(path, "object", [(1, doc)])
    raise InputError(f"{path}: a JSON {type(doc).__name__}, not records (expected an array, an object or JSON lines)")


def _read_lines(path: Path, text: str, whole_error: json.JSONDecodeError, *, strict: bool) -> Records:
    items: list[tuple[int, Any]] = []
    dropped: list[tuple[int, str | None, str]] = []
    first_bad: tuple[int, json.JSONDecodeError] | None = None
    for lineno, line in enumerate(text.splitlines(), start=1):
        if not line.strip():
            continue
        try:
            items.append((lineno, json.loads(line)))
        except json.JSONDecodeError as exc:
            first_bad = first_bad or (lineno, exc)
            dropped.append((lineno, None, f"line {lineno}: not valid JSON ({exc.msg}, column {exc.colno})"))
        except RecursionError:
            dropped.append((lineno, None, f"line {lineno}: JSON nested too deeply to read"))
    if not items or not text.lstrip().startswith("{"):
        # not JSON lines: one broken document (a truncated array, say); report where it broke
        raise InputError(
            f"{path}: not JSON or JSON lines (line {whole_error.lineno}, column {whole_error.colno}: {whole_error.msg})"
        )
    if strict and first_bad is not None:
        lineno, exc = first_bad
        raise InputError(f"{path}: line {lineno}: not valid JSON ({exc.msg}, column {exc.colno})")
    return Records(path, "lines", items, dropped)


class Collector:
    """Accumulates raw rows and dropped records for one file; raises at once in strict mode.

    Examples
    --------
    >>> out = Collector(Path("t.json"))
    >>> out.add({"source_row": 1, "created_at": "2026-01-05T10:00Z", "x_n": 3}, "record 1")
    >>> out.add({"source_row": 2, "created_at": None}, "record 2")
    >>> out.frame()[["source_row", "x_n"]].to_numpy().tolist(), out.dropped
    ([[1, 3]], [(2, 'created_at', 'record 2: missing time')])
    """

    def __init__(
        self,
        path: Path,
        dropped: Iterable[tuple[int, str | None, str]] = (),
        *,
        strict: bool = False,
        warnings: Iterable[str] = (),
    ):
        self.path = path
        self.strict = strict
        self.warnings: list[str] = list(warnings)
        self.rows: list[dict] = []
        self.dropped: list[tuple[int, str | None, str]] = list(dropped)

    def build(self, make, record: Any, source_row: int, name: str) -> None:
        """Add the row ``make()`` builds from ``record``, or drop the record when a field has a shape no
        export has (a number where a list of media is expected, say), naming the field.

        Examples
        --------
        >>> out = Collector(Path("t.json"))
        >>> out.build(lambda: [m["url"] for m in 5], {"media": 5}, 3, "record 3")
        >>> out.dropped
        [(3, 'media', "record 3: field 'media' holds 5, not the list or object an export has (TypeError)")]
        """
        try:
            row = make()
        except (TypeError, AttributeError, KeyError, ValueError, OverflowError, IndexError, RecursionError) as exc:
            at = suspect_field(record)
            held = (
                f"field '{at}' holds {str(get(record, at))[:40]}, not the list or object an export has " if at else ""
            )
            self.drop(
                source_row,
                at,
                f"{name}: {held or 'unexpected value '}({type(exc).__name__}" + ("" if at else f": {exc}") + ")",
            )
            return
        if row is not None:  # None: make() added its rows itself
            self.add(row, name)

    def add(self, row: dict, name: str) -> None:
        """Keep ``row``, or drop it when it has no time: said here rather than by ``finish``, so that
        the reason names the record (``name``, e.g. "line 3, tweet 5")."""
        nested = next((k for k, v in row.items() if not k.startswith("x_") and isinstance(v, (dict, list))), None)
        if nested is not None:
            self.drop(
                row["source_row"], nested, f"{name}: '{nested}' is a JSON {type(row[nested]).__name__}, not a value"
            )
            return
        time = row.get("created_at")
        if time is None or (isinstance(time, str) and not time.strip()):
            self.drop(row["source_row"], "created_at", f"{name}: missing time")
        else:
            self.rows.append(row)

    def drop(self, source_row: int, column: str | None, reason: str) -> None:
        """Report a record as dropped (raise :class:`~kit.io.InputError` in strict mode)."""
        if self.strict:
            raise InputError(f"{self.path}: {reason}")
        self.dropped.append((source_row, column, reason))

    def frame(self, extra: Iterable[str] = ()) -> pd.DataFrame:
        """One DataFrame of the rows, with every raw canonical column (and ``extra`` ones) present.

        The rows are handed over to the frame: the collector holds none afterwards.
        """
        columns = list(RAW_COLUMNS) + [c for c in extra if c not in RAW_COLUMNS]
        seen = set(columns)
        for row in self.rows[:1000]:
            for key in row:
                if key not in seen:
                    columns.append(key)
                    seen.add(key)
        frame = (
            pd.DataFrame.from_records(self.rows, columns=columns)
            if self.rows
            else pd.DataFrame({c: pd.Series(dtype=object) for c in columns})
        )
        for c in frame.columns:
            if c.startswith("x_"):
                frame[c] = _typed(frame[c])
        self.rows = []
        return frame


def _typed(values: pd.Series) -> pd.Series:
    """An extra column as whole numbers (``Int64``) when every value is one, else as text (``string``)."""
    present = values.dropna()
    if present.empty:
        return values.astype("string")
    if pd.api.types.is_bool_dtype(values):
        return values.astype("boolean")
    if pd.api.types.is_numeric_dtype(values):
        return values.astype("Int64") if bool((present % 1 == 0).all()) else values.astype("Float64")
    if present.map(lambda v: isinstance(v, int) and not isinstance(v, bool)).all():
        return values.astype("Int64")
    return values.astype("string")


def where(layout: str, row: int) -> str:
    """How to name a record in a message: 'line 3' for JSON lines, 'record 3' otherwise.

    Parameters
    ----------
    layout
        :attr:`Records.layout`.
    row
        The record's ``source_row``.

    Returns
    -------
    str

    Examples
    --------
    >>> where("lines", 3), where("array", 3)
    ('line 3', 'record 3')
    """
    return f"line {row}" if layout == "lines" else f"record {row}"


def get(obj: Any, path: str, default: Any = None) -> Any:
    """Value at a dotted ``path`` in nested dicts (``get(t, "user.screen_name")``), or ``default``.

    Parameters
    ----------
    obj
        A parsed JSON record.
    path
        Keys joined by dots.
    default
        Returned when a key is missing or its value is None.

    Returns
    -------
    object

    Examples
    --------
    >>> get({"user": {"name": None}}, "user.name", "?"), get({"a": 1}, "a.b")
    ('?', None)
    """
    for key in path.split("."):
        if not isinstance(obj, dict):
            return default
        obj = obj.get(key)
        if obj is None:
            return default
    return obj


def apply_mapping(row: dict, record: dict, mapping: dict[str, str] | None) -> dict:
    """Override canonical fields of ``row`` with values at dotted paths of ``record``.

    Parameters
    ----------
    row
        The raw row built by the reader (changed in place and returned).
    record
        The JSON record it was built from.
    mapping
        ``{canonical or x_ column: dotted path}``, e.g. ``{"country": "user.location"}``; None
        leaves the row as it is.

    Returns
    -------
    dict
        ``row``.

    Examples
    --------
    >>> apply_mapping({"country": None}, {"user": {"location": "Lyon"}}, {"country": "user.location"})
    {'country': 'Lyon'}
    """
    if mapping:
        for column, path in mapping.items():
            row[column] = get(record, path)
    return row


def check_mapping(mapping: dict[str, str] | None, path: Path) -> None:
    """Check a JSON reader's mapping before reading: canonical or ``x_`` columns, dotted paths as values.

    Parameters
    ----------
    mapping
        ``{column: dotted path}`` or None.
    path
        The file, for messages.

    Raises
    ------
    InputError
        When a key is not a column the table can hold, or a value is not a string.

    Examples
    --------
    >>> check_mapping({"colour": "user.colour"}, Path("t.json"))  # doctest: +ELLIPSIS
    Traceback (most recent call last):
    ...
    kit.io._base.InputError: t.json: mapping names ['colour'], which are not canonical columns (...) nor extra x_ columns
    """
    if not mapping:
        return
    from .. import schema

    unknown = [c for c in mapping if c not in schema.DTYPES and not str(c).startswith("x_")]
    if unknown:
        raise InputError(
            f"{path}: mapping names {unknown}, which are not canonical columns "
            f"({', '.join(schema.COLUMN_NAMES)}) nor extra x_ columns"
        )
    bad = [c for c, v in mapping.items() if not isinstance(v, str)]
    if bad:
        raise InputError(
            f"{path}: mapping values must be dotted paths in the record (e.g. 'user.location'); check {bad}"
        )


def id_str(value: Any) -> str | None:
    """An identifier as text (JSON numbers included), ``None`` when absent.

    Parameters
    ----------
    value
        A JSON value.

    Returns
    -------
    str or None

    Examples
    --------
    >>> id_str(12.0), id_str("ab"), id_str("")
    ('12', 'ab', None)
    """
    if value is None or value == "":
        return None
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return str(value)


def parse_all(values: pd.Series, fmt: str) -> pd.Series:
    """Times parsed with ``fmt`` when every present value parses; otherwise the raw values, for
    :func:`~kit.io.finish` to parse and report value by value.

    Parameters
    ----------
    values
        Raw times.
    fmt
        A ``strptime`` format.

    Returns
    -------
    pandas.Series

    Examples
    --------
    >>> parse_all(pd.Series(["Wed Oct 10 20:19:24 +0000 2018"]), "%a %b %d %H:%M:%S %z %Y").iloc[0]
    Timestamp('2018-10-10 20:19:24+0000', tz='UTC')
    """
    present = values.notna()
    if not present.any():
        return values
    got = pd.to_datetime(values, format=fmt, errors="coerce", utc=True)
    return got if bool(got[present].notna().all()) else values


def escape_amp(text: str | None) -> str | None:
    """Protect a text that is already plain (not HTML) from the entity decoding in ``finish``.

    ``finish`` decodes HTML entities in every text, which is right for sources that escape
    (Twitter, Reddit) but would turn a literal ``&amp;`` typed on Bluesky, or left in a Mastodon
    text after its HTML was converted, into ``&``. Escaping ``&`` makes that decoding a no-op.

    Parameters
    ----------
    text
        Plain text, or None.

    Returns
    -------
    str or None

    Examples
    --------
    >>> escape_amp("R&D &amp; co")
    'R&amp;D &amp;amp; co'
    """
    return text.replace("&", "&amp;") if text and "&" in text else text
