"""Reading a delimited text file as it is: encoding, separator, the header line under any preamble,
records that span lines, and the spreadsheet row of each record.

Row numbers are spreadsheet rows: the header is row 1 (after any preamble lines a listening tool
writes above it), the first record is the row below.
"""

from __future__ import annotations

import csv
import io
import re
import warnings
from pathlib import Path

import numpy as np
import pandas as pd

from ._base import InputError
from ._bytes import decode_text, file_bytes, is_workbook, workbook_text
from ._headers import SYNONYMS, slug

__all__ = ["SEPARATORS", "read_table"]


def _decode(path: Path, limit: int | None = None) -> tuple[str, list[str]]:
    """The text of ``path`` and warnings about its encoding; with ``limit``, only about the first
    ``limit`` bytes, cut at a line end (enough to detect a format without decoding a large file).

    Compressed files (``.gz``, a zip archive of one export) and Excel workbooks are read whole
    (:mod:`kit.io._bytes`); mixed encodings are decoded line by line.
    """
    if path.is_dir() or not path.exists():
        file_bytes(path)  # raises the clear error
    with open(path, "rb") as fh:
        data = fh.read(limit + 1) if limit is not None else fh.read()
    packed = data[:2] in (b"\x1f\x8b", b"PK")
    if packed or (
        limit is not None and len(data) > limit and (data[:2] in (b"\xff\xfe", b"\xfe\xff") or b"\x00" in data[:4000])
    ):
        data = file_bytes(path)  # archives, and UTF-16 (byte cuts are unsafe): read it all
        if is_workbook(data):
            return workbook_text(data, path), []
    elif limit is not None and len(data) > limit:
        cut = data.rfind(b"\n", 0, limit)
        data = data[: cut + 1] if cut > 0 else data[:limit]
    if not data.strip():
        raise InputError(f"{path}: the file is empty")
    return decode_text(data, path)


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
        try:
            fields = [slug(f) for f in next(csv.reader([line], delimiter=sep), [])]
        except csv.Error:  # a field longer than the csv module takes: not a header line
            fields = [slug(f) for f in line.split(sep)]
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

    Parameters
    ----------
    path
        The file (UTF-8, UTF-16 or Windows-1252; a byte-order mark is skipped).
    sep
        The separator; guessed among :data:`SEPARATORS` when not given.
    nrows
        Read only the header and that many records (for format detection; row numbers are then
        not checked).

    Returns
    -------
    frame, header_row, dropped, warnings
        The frame (all values as strings, nothing turned into NaN but empty cells; the spreadsheet
        row of each record in ``__row``), the spreadsheet row number of the header, rows that
        could not be split into the header's fields (as ``(row, column, reason)``), and warnings.

    Examples
    --------
    >>> import pathlib, tempfile
    >>> path = pathlib.Path(tempfile.mkdtemp()) / "export.csv"
    >>> _ = path.write_text("Report: brand\\n\\nDate;Text;Likes\\n2026-01-05;Bonjour;3\\n")
    >>> frame, header_row, dropped, warnings = read_table(path)
    >>> frame.columns.tolist(), frame["__row"].tolist(), header_row, warnings
    (['__row', 'Date', 'Text', 'Likes'], [4], 3, ['skipped 2 lines above the header (report metadata)'])
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
    if nrows is None:
        frame, swallowed = _swallowed(frame, sep)
        drops = [*drops, *swallowed]
    return frame, header_at + 1, drops, warns


def _shape(value: str) -> str:
    return re.sub(r"[^\W\d_]+", "a", re.sub(r"\d+", "9", value))


def _swallowed(frame: pd.DataFrame, sep: str) -> tuple[pd.DataFrame, list]:
    """Records in which a quote left open swallowed the next rows: a field spanning lines whose inner
    lines look like whole records (their first two fields shaped as the file's first two columns).

    The record is dropped, and each swallowed line is counted as a dropped row, so that the rows of
    the file still add up.
    """
    cols = [c for c in frame.columns if c != "__row"]
    if len(cols) < 3 or frame.empty:
        return frame, []
    typical = []
    for c in cols[:2]:
        shapes = frame[c].dropna().astype(str).head(500).map(_shape)
        typical.append(set(shapes.value_counts().index[:3]) if len(shapes) else set())
    drops, bad = [], set()
    for c in cols:
        values = frame[c]
        if not (values.dtype == object or pd.api.types.is_string_dtype(values)):
            continue
        spanning = np.flatnonzero(values.astype("string").str.contains("\n", regex=False).fillna(False).to_numpy())
        for i in spanning:
            inner = str(values.iloc[i]).replace("\r\n", "\n").split("\n")[1:]
            looks = 0
            for line in inner:
                try:
                    fields = next(csv.reader([line], delimiter=sep), [])
                except csv.Error:
                    continue
                if len(fields) >= 2 and all(_shape(f) in t for f, t in zip(fields[:2], typical)):
                    looks += 1
            if looks:
                row = int(frame["__row"].iloc[i])
                bad.add(i)
                drops.append(
                    (
                        row,
                        c,
                        f"a quote opened in this row's field is closed {len(inner)} lines later: {looks} "
                        "lines inside it look like rows of their own; fix the quote in the file",
                    )
                )
                drops += [
                    (row, c, f"row swallowed by the quote opened in row {row} (line {k} of the field)")
                    for k in range(2, looks + 2)
                ]
    if not bad:
        return frame, []
    keep = np.ones(len(frame), dtype=bool)
    keep[sorted(bad)] = False
    return frame.loc[keep].reset_index(drop=True), drops


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
