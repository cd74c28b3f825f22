"""Exports beside a report: the tables it shows as ``.xlsx``, CSV and Parquet, and its tagged post table.

A run of ``kit run`` writes, next to ``<name>.html``, a folder ``<name>_exports/`` holding

- ``<name>.xlsx``: one sheet per table the report shows (readable headers, numbers as numbers), a
  ``definitions`` sheet (what each column means) and a ``provenance`` sheet (the report's provenance block);
- ``tables/NN_<title>.csv`` (UTF-8 with BOM, so that Excel reads accents right) and ``tables/NN_<title>.parquet``:
  the same tables, one file each, in the order the report shows them;
- ``tagged_posts.csv`` and ``tagged_posts.parquet`` (listening and monitoring): every analysed post with what
  the report found about it (:func:`kit.tl.tagged.tagged_posts`).

Every table goes through :func:`kit.pl.table`, which hands it to :func:`kit.provenance.note_table`; inside a run
that writes the CSV and Parquet files at once (:func:`write_table`), and the runner builds the workbook once the
notebook has run (:func:`finish`). Text cells that a spreadsheet would read as a formula (starting with ``=``,
``+``, ``-``, ``@``, a tab or a carriage return) get a leading apostrophe in the CSV and the workbook
(:func:`neutralise`); Parquet keeps the text as it is, for tools that do not evaluate cells.

>>> neutralise("=HYPERLINK(1)"), neutralise("-3 %"), neutralise("ok"), neutralise(-3)
("'=HYPERLINK(1)", "'-3 %", 'ok', -3)
"""

from __future__ import annotations

import datetime as _dt
import json
import re
from pathlib import Path

import numpy as np
import pandas as pd

__all__ = [
    "FORMULA_STARTS",
    "exports_dir",
    "clear",
    "neutralise",
    "neutralised",
    "write_table",
    "write_tagged",
    "write_workbook",
    "finish",
]

#: First characters that make a spreadsheet read a cell as a formula.
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")
_PERCENT = re.compile(r"^(-?\d+(?:\.\d+)?(?:e-?\d+)?) ?%$")
_NUMBER = re.compile(r"^-?\d{1,3}(?:,\d{3})+(?:\.\d+)?$|^-?\d+\.\d+(?:e-?\d+)?$")


def neutralise(value):
    """``value`` made safe for a spreadsheet: text starting like a formula gets a leading apostrophe.

    Parameters
    ----------
    value
        Any cell value; only strings change.

    Returns
    -------
    object
        The value, or ``"'" + value`` for text starting with one of :data:`FORMULA_STARTS`.

    Examples
    --------
    >>> neutralise("@someone"), neutralise("+33 1 23"), neutralise(2.5)
    ("'@someone", "'+33 1 23", 2.5)
    """
    if isinstance(value, str) and value.startswith(FORMULA_STARTS):
        return "'" + value
    return value


def neutralised(frame: pd.DataFrame) -> pd.DataFrame:
    """A copy of ``frame`` whose text cells are :func:`neutralise`-d (numbers, times and missing values kept).

    Returns
    -------
    pandas.DataFrame
        The safe copy.

    Examples
    --------
    >>> neutralised(pd.DataFrame({"a": ["=1+1", "x"], "b": [1, -2]})).values.tolist()
    [["'=1+1", 1], ['x', -2]]
    """
    out = frame.copy()
    for col in out.columns:
        if out[col].dtype == object or pd.api.types.is_string_dtype(out[col].dtype):
            out[col] = out[col].map(neutralise, na_action="ignore")
    return out


def exports_dir(report_dir: str | Path, name: str) -> Path:
    """The folder of a report's exports: ``<report_dir>/<name>_exports``.

    Examples
    --------
    >>> exports_dir("reports", "monitoring").as_posix()
    'reports/monitoring_exports'
    """
    return Path(report_dir) / f"{name}_exports"


def clear(folder: str | Path) -> None:
    """Remove the exports an earlier run left in ``folder`` (its tables, workbook and tagged posts).

    Examples
    --------
    >>> import tempfile
    >>> folder = Path(tempfile.mkdtemp()) / "x_exports"
    >>> _ = write_table(pd.DataFrame({"a": [1]}), folder / "tables", "01_a")
    >>> clear(folder); folder.exists()
    False
    """
    import shutil

    folder = Path(folder)
    if folder.is_dir() and folder.name.endswith("_exports"):
        shutil.rmtree(folder)


def _plain(frame: pd.DataFrame) -> pd.DataFrame:
    """``frame`` without its index, with unique string column names (what Parquet and CSV need)."""
    out = frame.reset_index(drop=True).copy()
    out.attrs = {}  # notes and side tables a kit result carries are not cells (and Parquet stores attrs as JSON)
    names, seen = [], {}
    for col in out.columns:
        label = " ".join(map(str, col)) if isinstance(col, tuple) else str(col)
        seen[label] = seen.get(label, 0) + 1
        names.append(label if seen[label] == 1 else f"{label} ({seen[label]})")
    out.columns = names
    return out


def _to_parquet(frame: pd.DataFrame, path: Path) -> None:
    try:
        frame.to_parquet(path, index=False)
    except Exception:  # mixed objects (lists, dicts, several types in a column): kept as text
        text = frame.copy()
        for col in text.columns:
            if text[col].dtype == object:
                text[col] = text[col].map(lambda v: v if v is None or isinstance(v, str) else str(v)).astype("string")
        text.to_parquet(path, index=False)


def write_table(frame: pd.DataFrame, folder: str | Path, name: str) -> Path:
    """Write ``frame`` as ``folder/name.parquet`` and ``folder/name.csv`` (UTF-8 with BOM, neutralised).

    Parameters
    ----------
    frame
        The table (its index is not written).
    folder
        Where to write (created when missing).
    name
        The file name without extension.

    Returns
    -------
    Path
        The Parquet file (the CSV is beside it).

    Examples
    --------
    >>> import tempfile
    >>> path = write_table(pd.DataFrame({"a": ["=x"]}), tempfile.mkdtemp(), "t")
    >>> path.with_suffix(".csv").read_bytes()[:3] == b"\\xef\\xbb\\xbf", pd.read_parquet(path)["a"].iloc[0]
    (True, '=x')
    """
    folder = Path(folder)
    folder.mkdir(parents=True, exist_ok=True)
    plain = _plain(frame)
    path = folder / f"{name}.parquet"
    _to_parquet(plain, path)
    neutralised(plain).to_csv(folder / f"{name}.csv", index=False, encoding="utf-8-sig")
    return path


def write_tagged(tagged: pd.DataFrame, folder: str | Path | None = None) -> Path:
    """Write the tagged post table as ``tagged_posts.parquet`` and ``tagged_posts.csv`` in the report's exports.

    Parameters
    ----------
    tagged
        The table (:func:`kit.tl.tagged.tagged_posts`).
    folder
        Where to write; ``None``: the exports folder of the report being run
        (:func:`kit.provenance.exports_folder`).

    Returns
    -------
    Path
        The Parquet file.

    Examples
    --------
    >>> import tempfile
    >>> write_tagged(pd.DataFrame({"post_id": ["1"]}), tempfile.mkdtemp()).name
    'tagged_posts.parquet'
    """
    if folder is None:
        from .. import provenance

        folder = provenance.exports_folder()
    return write_table(tagged, folder, "tagged_posts")


def _header(column: str) -> str:
    """A readable header: ``rate_followers`` -> ``Rate followers``."""
    text = str(column).replace("_", " ").strip()
    return text[:1].upper() + text[1:] if text else str(column)


def _cell(value):
    """A Python value openpyxl writes with its type (number, date, bool, text), plus its number format."""
    if value is None or value is pd.NA or value is pd.NaT:
        return None, None
    if isinstance(value, (np.generic,)):
        value = value.item()
    if isinstance(value, float):
        return (None, None) if np.isnan(value) or np.isinf(value) else (value, None)
    if isinstance(value, (bool, int)):
        return value, None
    if isinstance(value, pd.Timestamp):
        stamp = value.tz_convert("UTC").tz_localize(None) if value.tzinfo else value
        return stamp.to_pydatetime(), "yyyy-mm-dd hh:mm"
    if isinstance(value, _dt.datetime):
        return (value.astimezone(_dt.UTC).replace(tzinfo=None) if value.tzinfo else value), "yyyy-mm-dd hh:mm"
    if isinstance(value, (pd.Timedelta, _dt.timedelta)):
        return pd.Timedelta(value).total_seconds() / 3600, "0.00"  # hours
    if isinstance(value, str):
        text = value.strip()
        match = _PERCENT.match(text)
        if match:  # a share shown as "12.50 %" (kit.tl.tables.readable): a number with a percent format
            return float(match.group(1)) / 100, "0.00%"
        if _NUMBER.match(text):
            return float(text.replace(",", "")), None
        return neutralise(value), None
    if isinstance(value, (list, tuple, set, dict)):
        return neutralise(json.dumps(list(value) if isinstance(value, set) else value, default=str)), None
    return neutralise(str(value)), None


def _sheet_name(title: str, used: set[str]) -> str:
    base = " ".join(re.sub(r"[\[\]:*?/\\]", " ", title).split()).strip("'")[:28].strip() or "table"
    name, i = base, 2
    while name.lower() in used:
        name, i = f"{base[:25]} ({i})", i + 1
    used.add(name.lower())
    return name


def _definitions(tables: list[dict], frames: list[pd.DataFrame], sheets: list[str]) -> pd.DataFrame:
    from .. import schema

    meaning = {c.name: c.description for c in schema.COLUMNS}
    for frame in frames:  # tables of definitions a report shows (term, definition) explain the other columns
        cols = {str(c).lower(): c for c in frame.columns}
        term = next((cols[c] for c in ("term", "metric", "column", "name") if c in cols), None)
        text = next((cols[c] for c in ("definition", "meaning", "description") if c in cols), None)
        if term is not None and text is not None:
            for t, d in zip(frame[term].astype(str), frame[text].astype(str)):
                meaning.setdefault(t, d)
                meaning.setdefault(t.replace(" ", "_").lower(), d)
    rows = []
    for info, frame, sheet in zip(tables, frames, sheets):
        for col in frame.columns:
            rows.append(
                {
                    "sheet": sheet,
                    "table": info.get("title") or info.get("caption") or "",
                    "header": _header(col),
                    "column": str(col),
                    "meaning": meaning.get(str(col), ""),
                }
            )
    return pd.DataFrame(rows, columns=["sheet", "table", "header", "column", "meaning"])


def _write_sheet(ws, frame: pd.DataFrame, *, headers: bool = True) -> None:
    from openpyxl.styles import Font

    cols = list(frame.columns)
    ws.append([neutralise(_header(c)) if headers else neutralise(str(c)) for c in cols])
    for cell in ws[1]:
        cell.font = Font(bold=True)
    for r, row in enumerate(frame.itertuples(index=False, name=None), start=2):
        for c, value in enumerate(row, start=1):
            typed, fmt = _cell(value)
            cell = ws.cell(row=r, column=c, value=typed)
            if isinstance(typed, str):
                cell.data_type = "s"  # never a formula
            if fmt:
                cell.number_format = fmt
    for c, col in enumerate(cols, start=1):
        width = max([len(_header(col))] + [len(str(v)) for v in frame[col].head(50)]) if len(frame) else len(str(col))
        ws.column_dimensions[ws.cell(row=1, column=c).column_letter].width = min(60, max(8, width + 2))
    ws.freeze_panes = "A2"


def write_workbook(tables: list[dict], folder: str | Path, path: str | Path, *, provenance: dict | None = None) -> Path:
    """Write the tables of a report into one ``.xlsx``: a sheet per table, then definitions and provenance.

    Parameters
    ----------
    tables
        One dict per table in the order shown: ``name`` (its Parquet file in ``folder`` without extension) and
        optionally ``title`` (the report's section) and ``caption``.
    folder
        Where the tables' Parquet files are.
    path
        The workbook to write.
    provenance
        The report's provenance block (key -> value; dicts become one row per entry).

    Returns
    -------
    Path
        The workbook.

    Examples
    --------
    >>> import tempfile
    >>> from openpyxl import load_workbook
    >>> folder = Path(tempfile.mkdtemp())
    >>> _ = write_table(pd.DataFrame({"share": ["25.00 %"], "posts": [3]}), folder, "01_t")
    >>> book = load_workbook(write_workbook([{"name": "01_t", "title": "Shares"}], folder, folder / "r.xlsx"))
    >>> book.sheetnames, [c.value for c in book["Shares"][2]]
    (['Shares', 'definitions', 'provenance'], [0.25, 3])
    """
    from openpyxl import Workbook

    folder = Path(folder)
    book = Workbook()
    book.remove(book.active)
    used: set[str] = {"definitions", "provenance"}
    frames, sheets = [], []
    for info in tables:
        frame = pd.read_parquet(folder / f"{info['name']}.parquet")
        title = info.get("title") or info.get("caption") or info["name"]
        sheet = _sheet_name(title, used)
        _write_sheet(book.create_sheet(sheet), frame)
        frames.append(frame)
        sheets.append(sheet)
    _write_sheet(book.create_sheet("definitions"), _definitions(tables, frames, sheets))
    rows = []
    for key, value in (provenance or {}).items():
        if isinstance(value, dict):
            rows += [{"item": f"{key}: {k}", "value": json.dumps(v, default=str)} for k, v in value.items()]
        else:
            rows.append({"item": str(key), "value": str(value)})
    _write_sheet(book.create_sheet("provenance"), pd.DataFrame(rows, columns=["item", "value"]))
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    book.save(path)
    return path


def _titles(notebook: Path) -> dict[str, str]:
    """The section heading above each table of an executed notebook (table name -> heading)."""
    import nbformat

    nb = nbformat.read(str(notebook), as_version=4)
    heading, found = "", {}
    for cell in nb.cells:
        if cell.cell_type == "markdown":
            lines = [ln.lstrip("#").strip() for ln in cell.source.splitlines() if ln.startswith("#")]
            heading = lines[-1] if lines else heading
            continue
        for out in cell.get("outputs", []):
            html_out = out.get("data", {}).get("text/html", "")
            for name in re.findall(r"<!--kit-table:([\w.-]+)-->", "".join(html_out)):
                found[name] = heading
    return found


def finish(report_dir: str | Path, name: str, *, provenance: dict | None = None) -> Path | None:
    """Build a report's workbook from the tables its run wrote (called by :mod:`kit.report` after a run).

    Parameters
    ----------
    report_dir
        The folder of the report (its record ``<name>.record.json`` lists the tables shown).
    name
        The report's name (``monitoring``...).
    provenance
        The report's provenance block, for the workbook's provenance sheet.

    Returns
    -------
    Path or None
        The workbook, or ``None`` when the report showed no table or the workbook could not be written
        (the reason is printed: a report is never lost to its exports).
    """
    try:
        return _finish(Path(report_dir), name, provenance)
    except Exception as exc:  # the HTML report must still be written
        import sys

        print(f"kit: the exports of {name} could not be completed: {type(exc).__name__}: {exc}", file=sys.stderr)
        return None


def _finish(report_dir: Path, name: str, provenance: dict | None) -> Path | None:
    record_file = report_dir / f"{name}.record.json"
    record = json.loads(record_file.read_text(encoding="utf-8")) if record_file.exists() else {}
    tables = record.get("tables", [])
    if not tables:
        return None
    notebook = report_dir / f"{name}.ipynb"
    titles = _titles(notebook) if notebook.exists() else {}
    tables = [{**t, "title": t.get("caption") or titles.get(t["name"]) or t["name"]} for t in tables]
    folder = exports_dir(report_dir, name)
    return write_workbook(tables, folder / "tables", folder / f"{name}.xlsx", provenance=provenance)
