"""What a notebook run used and found, recorded for its report's provenance block and for tests.

Inside a run started by :mod:`kit.report` the environment variable ``KIT_RECORD`` names a JSON
file; each call here updates it. Outside a run the values are kept in memory only, so notebooks
behave the same in JupyterLab.

>>> from kit import provenance
>>> provenance.record("posts", 20000)
>>> provenance.current()["values"]["posts"]
20000
"""

from __future__ import annotations

import hashlib
import json
import os
from pathlib import Path

import numpy as np
import pandas as pd

__all__ = [
    "output_dir",
    "exports_folder",
    "note_input",
    "note_model",
    "note_table",
    "record",
    "current",
    "reset",
    "sha256",
]

_STATE: dict = {"inputs": {}, "models": {}, "values": {}, "tables": []}


def _jsonable(value):
    if isinstance(value, (np.integer,)):
        return int(value)
    if isinstance(value, (np.floating,)):
        return None if np.isnan(value) else float(value)
    if isinstance(value, (np.bool_,)):
        return bool(value)
    if isinstance(value, (pd.Timestamp,)):
        return value.isoformat()
    if isinstance(value, (pd.Timedelta,)):
        return value.total_seconds()
    if isinstance(value, float) and np.isnan(value):
        return None
    if value is pd.NA or value is pd.NaT:
        return None
    if isinstance(value, dict):
        return {str(k): _jsonable(v) for k, v in value.items()}
    if isinstance(value, (list, tuple, set)):
        return [_jsonable(v) for v in value]
    if isinstance(value, pd.Series):
        return _jsonable(value.to_dict())
    if isinstance(value, pd.DataFrame):  # a table: its rows as records
        return [_jsonable(row) for row in value.astype(object).to_dict("records")]
    if isinstance(value, Path):
        return str(value)
    return value


def _flush() -> None:
    target = os.environ.get("KIT_RECORD")
    if target:
        Path(target).write_text(json.dumps(_STATE, indent=1, default=str), encoding="utf-8")


def output_dir() -> Path:
    """Where a report's side files go (e.g. its review sample): the folder of the report being run.

    Inside ``kit run``, the folder of its record file (``KIT_RECORD``); elsewhere (JupyterLab, a script)
    the current folder.

    >>> import os
    >>> os.environ.get("KIT_RECORD") is not None or output_dir() == Path.cwd()
    True

    Returns
    -------
    Path
        The folder (it exists inside a run).
    """
    record_file = os.environ.get("KIT_RECORD")
    return Path(record_file).resolve().parent if record_file else Path.cwd()


def exports_folder() -> Path:
    """The folder of the exports of the report being run: ``<output_dir>/<name>_exports``.

    ``<name>`` is the report's (its record file is ``<name>.record.json``); outside a run, ``kit_exports``
    in the current folder.

    >>> exports_folder().name.endswith("_exports")
    True

    Returns
    -------
    Path
        The folder (not created here).
    """
    record_file = os.environ.get("KIT_RECORD")
    name = Path(record_file).name.removesuffix(".record.json") if record_file else "kit"
    return output_dir() / f"{name}_exports"


def _slug(text: str) -> str:
    words = "".join(ch if ch.isalnum() else " " for ch in text.lower()).split()
    return "_".join(words)[:40] or "table"


def note_table(frame: pd.DataFrame, caption: str | None = None) -> str | None:
    """Note a table the report shows; inside ``kit run`` also write it to the report's exports.

    The table is written as CSV and Parquet (:func:`kit.io.export.write_table`) in ``tables/`` of
    :func:`exports_folder` and listed in the record's ``tables``; the runner builds the workbook from them.

    Parameters
    ----------
    frame
        The table shown.
    caption
        Its caption, if any.

    Returns
    -------
    str or None
        The table's file name (without extension) inside a run, ``None`` elsewhere.

    Examples
    --------
    >>> import os
    >>> os.environ.get("KIT_RECORD") is not None or note_table(pd.DataFrame({"a": [1]})) is None
    True
    """
    if not os.environ.get("KIT_RECORD"):
        return None
    from .io import export

    if not _STATE["tables"]:  # the first table of a run: the exports of an earlier run into this folder go
        export.clear(exports_folder())
    name = f"{len(_STATE['tables']) + 1:02d}_{_slug(caption or '_'.join(map(str, frame.columns[:3])))}"
    export.write_table(frame, exports_folder() / "tables", name)
    _STATE["tables"].append({"name": name, "caption": caption, "rows": len(frame), "columns": len(frame.columns)})
    _flush()
    return name


def sha256(path: str | Path, chunk: int = 1 << 20) -> str:
    """The SHA-256 of a file's bytes (hex), read ``chunk`` bytes at a time.

    Returns
    -------
    str
        64 hex digits.
    """
    h = hashlib.sha256()
    with open(path, "rb") as fh:
        for block in iter(lambda: fh.read(chunk), b""):
            h.update(block)
    return h.hexdigest()


def note_input(path: str | Path) -> None:
    """Record an input file with its size and SHA-256.

    Returns
    -------
    None
        The input is in the record.
    """
    p = Path(path)
    _STATE["inputs"][str(p)] = {"sha256": sha256(p), "bytes": p.stat().st_size}
    _flush()


def note_model(role: str, name: str) -> None:
    """Record the model used for a role (e.g. ``note_model("embedder", "use-multilingual-v3")``).

    Returns
    -------
    None
        The model is in the record.
    """
    _STATE["models"][role] = name
    _flush()


def record(key: str, value) -> None:
    """Record a value the notebook found (tests read these back).

    Returns
    -------
    None
        The value is in the record (as JSON: tables become lists of rows).
    """
    _STATE["values"][key] = _jsonable(value)
    _flush()


def current() -> dict:
    """A copy of what was recorded so far: ``{"inputs", "models", "values"}``.

    Returns
    -------
    dict
        A deep copy, safe to change.
    """
    return json.loads(json.dumps(_STATE, default=str))


def reset() -> None:
    """Forget everything recorded (and empty the record file of a run).

    Returns
    -------
    None
        The record is empty.
    """
    for part in _STATE.values():
        part.clear()  # dicts and the list of tables alike
    _flush()
