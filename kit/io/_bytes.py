"""The bytes and the text of an export as people send them: gzip or zip archives, Excel workbooks,
UTF-8, UTF-16 with or without a byte-order mark, Windows-1252, and files mixing the two line by line.

>>> decode_text("Caf\\u00e9\\n".encode() + "Caf\\u00e9\\n".encode("cp1252"), "a.csv")
('Café\\nCafé\\n', ['1 line is not UTF-8 (line 2); read as Windows-1252, the other lines as UTF-8'])
"""

from __future__ import annotations

import csv
import gzip
import io
import zipfile
from pathlib import Path

from ._base import InputError

__all__ = ["file_bytes", "decode_text", "is_workbook", "workbook_text"]

_TEXT_MEMBERS = (".csv", ".tsv", ".txt", ".json", ".jsonl", ".ndjson")


def is_workbook(data: bytes) -> bool:
    """True for an Excel ``.xlsx`` workbook (a zip archive holding ``xl/workbook.xml``).

    Parameters
    ----------
    data
        The file's bytes.

    Returns
    -------
    bool
        Whether it is a workbook.

    Examples
    --------
    >>> is_workbook(b"id,text\\n")
    False
    """
    if not data.startswith(b"PK"):
        return False
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as z:
            return "xl/workbook.xml" in z.namelist()
    except zipfile.BadZipFile:
        return False


def file_bytes(path: str | Path) -> bytes:
    """The bytes of ``path``, out of a ``.gz`` file or a zip archive holding one export.

    Parameters
    ----------
    path
        The file.

    Returns
    -------
    bytes
        The (decompressed) content; an Excel workbook is returned as it is.

    Raises
    ------
    InputError
        For a folder, a damaged archive, or a zip archive holding no export or several.

    Examples
    --------
    >>> import gzip, pathlib, tempfile
    >>> path = pathlib.Path(tempfile.mkdtemp()) / "a.csv.gz"
    >>> _ = path.write_bytes(gzip.compress(b"id,text\\n"))
    >>> file_bytes(path)
    b'id,text\\n'
    """
    path = Path(path)
    if path.is_dir():
        raise InputError(f"{path}: a folder, not a file; pass the export file (or a list of files)")
    if not path.exists():
        raise InputError(f"{path}: no such file")
    data = path.read_bytes()
    if data[:2] == b"\x1f\x8b":
        try:
            return gzip.decompress(data)
        except (OSError, EOFError) as exc:
            raise InputError(f"{path}: a damaged gzip file ({exc})") from exc
    if data.startswith(b"PK") and not is_workbook(data):
        try:
            with zipfile.ZipFile(io.BytesIO(data)) as z:
                members = [
                    n
                    for n in z.namelist()
                    if n.lower().endswith(_TEXT_MEMBERS) and not n.startswith("__MACOSX") and "/." not in "/" + n
                ]
                if len(members) != 1:
                    raise InputError(
                        f"{path}: a zip archive holding {len(members)} exports ({', '.join(members[:5]) or 'none'}); "
                        "unzip it and pass the export file"
                    )
                return z.read(members[0])
        except zipfile.BadZipFile as exc:
            raise InputError(f"{path}: a damaged zip archive ({exc})") from exc
    return data


def _utf16_without_bom(data: bytes) -> str | None:
    sample = data[:4000]
    if len(sample) < 4:
        return None
    odd, even = sample[1::2].count(0), sample[0::2].count(0)
    half = len(sample) // 2
    if odd > 0.3 * half and even < 0.05 * half:
        return "utf-16-le"
    if even > 0.3 * half and odd < 0.05 * half:
        return "utf-16-be"
    return None


def decode_text(data: bytes, path: str | Path) -> tuple[str, list[str]]:
    """Decode an export's bytes, line by line where the encodings are mixed.

    Parameters
    ----------
    data
        The bytes.
    path
        The file, for messages.

    Returns
    -------
    text, warnings
        The text (a byte-order mark removed) and what was said about its encoding.

    Raises
    ------
    InputError
        When the bytes are not text (control characters, NUL bytes).

    Examples
    --------
    >>> decode_text("id\\n".encode("utf-16-le"), "a.csv")
    ('id\\n', ['file is UTF-16 encoded (little-endian, without a byte-order mark)'])
    """
    if data[:2] in (b"\xff\xfe", b"\xfe\xff"):
        return data.decode("utf-16"), ["file is UTF-16 encoded"]
    utf16 = _utf16_without_bom(data)
    if utf16 is not None:
        try:
            order = "little" if utf16.endswith("le") else "big"
            return data.decode(utf16), [f"file is UTF-16 encoded ({order}-endian, without a byte-order mark)"]
        except UnicodeDecodeError:
            pass
    head = data[:8000]
    controls = sum(head.count(bytes([b])) for b in (*range(0, 9), 11, 12, *range(14, 32)))
    if head and controls > 0.05 * len(head):
        raise InputError(
            f"{path}: not a text export ({controls} control bytes in the first {len(head)}); "
            "expected CSV, JSON, Parquet, Excel (.xlsx), or one of them in .gz or .zip"
        )
    try:
        return data.decode("utf-8-sig"), []
    except UnicodeDecodeError:
        pass
    lines = data.splitlines(keepends=True)
    out, bad, utf8 = [], [], 0
    for i, line in enumerate(lines, start=1):
        try:
            out.append(line.decode("utf-8"))
            utf8 += not line.isascii()
        except UnicodeDecodeError:
            out.append(line.decode("cp1252", errors="replace"))
            bad.append(i)
    text = "".join(out).lstrip("\ufeff")
    if not utf8:  # no line is UTF-8 beyond ASCII: a Windows-1252 file
        return text, [f"file is not UTF-8 (first bad byte on line {bad[0]}); read as Windows-1252"]
    where = ", ".join(str(i) for i in bad[:5]) + (f" and {len(bad) - 5} more" if len(bad) > 5 else "")
    n = len(bad)
    return text, [
        f"{n} line{'s are' if n > 1 else ' is'} not UTF-8 (line{'s' if n > 1 else ''} {where}); read as "
        "Windows-1252, the other lines as UTF-8"
    ]


def workbook_text(data: bytes, path: str | Path) -> str:
    """The first sheet of an Excel workbook as CSV text (dates written ISO, whole numbers without ``.0``).

    Parameters
    ----------
    data
        The ``.xlsx`` bytes.
    path
        The file, for messages.

    Returns
    -------
    str
        Comma-separated text, header first.

    Examples
    --------
    >>> import openpyxl
    >>> book = openpyxl.Workbook(); book.active.append(["id", "n"]); book.active.append([1, 2.0])
    >>> buffer = io.BytesIO(); book.save(buffer)
    >>> workbook_text(buffer.getvalue(), "a.xlsx")
    'id,n\\r\\n1,2\\r\\n'
    """
    try:
        import openpyxl
    except ImportError as exc:  # pragma: no cover - a dependency of the kit
        raise InputError(f"{path}: reading Excel files needs openpyxl (pip install openpyxl)") from exc
    try:
        book = openpyxl.load_workbook(io.BytesIO(data), read_only=True, data_only=True)
    except Exception as exc:  # openpyxl raises several types for damaged workbooks
        raise InputError(f"{path}: not a readable Excel workbook ({exc})") from exc
    buffer = io.StringIO()
    writer = csv.writer(buffer)
    for row in book.worksheets[0].iter_rows(values_only=True):
        cells = []
        for v in row:
            if v is None:
                cells.append("")
            elif isinstance(v, float) and v.is_integer():
                cells.append(str(int(v)))
            elif hasattr(v, "isoformat"):
                cells.append(v.isoformat(sep=" ") if hasattr(v, "hour") else v.isoformat())
            else:
                cells.append(str(v))
        if any(cells):
            writer.writerow(cells)
    book.close()
    return buffer.getvalue()
