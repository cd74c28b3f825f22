"""Partitioned Parquet datasets of posts: what ``kit convert`` writes and the Dask engine reads lazily.

A dataset is a folder of Hive-style partitions by day or month of ``created_at``
(``month=2026-03/part-0.parquet``), each file a slice of the canonical post table (:mod:`kit.schema`)
with its pandas dtypes, plus ``_kit_dataset.json``: how it was partitioned and the row accounting of the
export it came from (the same :class:`kit.io.LoadReport` as ``kit inspect`` prints). The hidden column
``_kit_row`` keeps each post's position in the export, so a table collected from the partitions comes
back in the order the export had.

A folder or glob written by another tool is read too (every ``*.parquet`` under it, partition keys read
from ``day=``/``month=`` folder names where present); its row accounting is then the rows found.

Examples
--------
>>> import tempfile, pandas as pd
>>> from kit import schema
>>> posts = schema.coerce(pd.DataFrame({"post_id": ["1", "2", "3"], "text": ["a", "b", "c"],
...     "created_at": pd.to_datetime(["2026-03-01", "2026-03-31", "2026-04-02"], utc=True)}))
>>> out = write_dataset(posts, tempfile.mkdtemp() + "/posts", by="month")
>>> [p.parent.name for p in files(out)]
['month=2026-03', 'month=2026-04']
>>> [p.parent.name for p in files(out, start="2026-04-01")]
['month=2026-04']
>>> back = read_files(files(out))
>>> back["post_id"].tolist(), str(back["created_at"].dtype)
(['1', '2', '3'], 'datetime64[ns, UTC]')
"""

from __future__ import annotations

import glob
import json
import re
from pathlib import Path

import pandas as pd

from ._base import InputError, LoadReport

__all__ = ["BY", "META", "ORDER", "write_dataset", "is_dataset", "files", "read_files", "read_report", "key_of"]

BY = {"day": "%Y-%m-%d", "month": "%Y-%m"}
META = "_kit_dataset.json"
ORDER = "_kit_row"
_KEY = re.compile(r"^(day|month)=(.+)$")


def key_of(times: pd.Series, by: str) -> pd.Series:
    """The partition key of each post: ``YYYY-MM`` (month) or ``YYYY-MM-DD`` (day) of its UTC time.

    Parameters
    ----------
    times
        ``created_at`` (UTC).
    by
        ``"day"`` or ``"month"``.

    Returns
    -------
    pandas.Series
        Strings; ``"unknown"`` where the time is missing.

    Examples
    --------
    >>> key_of(pd.Series(pd.to_datetime(["2026-03-02 23:30", None], utc=True)), "day").tolist()
    ['2026-03-02', 'unknown']
    """
    if by not in BY:
        raise ValueError(f"partition by 'day' or 'month', not {by!r}")
    return times.dt.tz_convert("UTC").dt.strftime(BY[by]).astype(object).fillna("unknown").astype(str)


def write_dataset(
    posts: pd.DataFrame, out: str | Path, *, by: str = "month", report: LoadReport | None = None, overwrite=False
) -> Path:
    """Write ``posts`` as a dataset partitioned by day or month, with the load report beside it.

    Parameters
    ----------
    posts
        The post table (as :func:`kit.io.read` returns it).
    out
        The dataset's folder (created; it must be empty unless ``overwrite``).
    by
        ``"month"`` (default) or ``"day"``.
    report
        The load report of the export (its row accounting is kept in ``_kit_dataset.json``).
    overwrite
        Replace the parquet files of a folder that already holds a dataset.

    Returns
    -------
    Path
        The folder.
    """
    out = Path(out)
    keys = key_of(posts["created_at"], by)
    if out.exists() and any(out.iterdir()):
        if not overwrite:
            raise InputError(f"{out}: the folder is not empty (give another folder, or overwrite)")
        for old in out.glob("*=*/*.parquet"):
            old.unlink()
    out.mkdir(parents=True, exist_ok=True)
    frame = posts.reset_index(drop=True).assign(**{ORDER: pd.RangeIndex(len(posts)).to_numpy()})
    frame.attrs = {}
    written = []
    for key, idx in keys.groupby(keys.to_numpy(), sort=True).groups.items():
        folder = out / f"{by}={key}"
        folder.mkdir(exist_ok=True)
        frame.loc[idx].to_parquet(folder / "part-0.parquet", index=False)
        written.append({"key": key, "rows": len(idx)})
    meta = {
        "by": by,
        "rows": len(posts),
        "partitions": written,
        "columns": [c for c in posts.columns],
        "report": report.to_dict() if report is not None else None,
    }
    (out / META).write_text(json.dumps(meta, indent=1, default=str), encoding="utf-8")
    return out


def _candidates(path: str | Path) -> list[Path]:
    text = str(path)
    if any(ch in text for ch in "*?["):
        found = [Path(p) for p in sorted(glob.glob(text, recursive=True))]
        out = []
        for p in found:
            out += sorted(p.rglob("*.parquet")) if p.is_dir() else [p] if p.suffix == ".parquet" else []
        return out
    p = Path(path)
    if p.is_dir():
        return sorted(p.rglob("*.parquet"))
    return []


def is_dataset(path) -> bool:
    """Whether ``path`` names a partitioned Parquet dataset (a folder or a glob holding ``.parquet`` files).

    Examples
    --------
    >>> is_dataset("sample"), is_dataset("/no/such/folder")
    (False, False)
    """
    if not isinstance(path, (str, Path)) or str(path) == "sample":
        return False
    return bool(_candidates(path))


def _key(file: Path) -> tuple[str, str] | None:
    for part in reversed(file.parent.parts):
        m = _KEY.match(part)
        if m:
            return m.group(1), m.group(2)
    return None


def files(path: str | Path, *, start=None, end=None) -> list[Path]:
    """The dataset's files holding posts of ``[start, end)``: partitions entirely outside are skipped unread.

    Parameters
    ----------
    path
        The folder or glob.
    start, end
        The period (UTC dates or times); None: open.

    Returns
    -------
    list of Path
        In partition order.
    """
    found = _candidates(path)
    if not found:
        raise InputError(f"{path}: no .parquet file there (write a dataset with: kit convert EXPORT --out DIR)")
    lo = pd.Timestamp(start, tz="UTC") if start is not None and pd.Timestamp(start).tzinfo is None else start
    hi = pd.Timestamp(end, tz="UTC") if end is not None and pd.Timestamp(end).tzinfo is None else end
    keep = []
    for f in found:
        key = _key(f)
        if key is None or key[1] == "unknown":
            keep.append(f)
            continue
        first = pd.Timestamp(key[1], tz="UTC")
        after = first + (pd.DateOffset(days=1) if key[0] == "day" else pd.DateOffset(months=1))
        if lo is not None and after <= pd.Timestamp(lo):
            continue
        if hi is not None and first >= pd.Timestamp(hi):
            continue
        keep.append(f)
    return keep


def read_files(paths) -> pd.DataFrame:
    """Read partition files into one post table, in the export's order when the dataset kept it.

    Parameters
    ----------
    paths
        Parquet files (one partition each, or several).

    Returns
    -------
    pandas.DataFrame
        The canonical columns typed as :func:`kit.schema.coerce` types them, extras after; no ``_kit_row``.
    """
    from .. import schema

    frames = []
    for p in paths:
        try:
            frames.append(pd.read_parquet(p))
        except Exception as exc:  # pyarrow raises several types for a damaged file
            raise InputError(f"{p}: not a readable Parquet file ({exc})") from exc
    if not frames:
        return schema.empty()
    frame = pd.concat(frames, ignore_index=True) if len(frames) > 1 else frames[0]
    for col in [c for c in frame.columns if _KEY.match(f"{c}=x")]:
        frame = frame.drop(columns=col)  # a hive key pandas read as a column
    if ORDER in frame.columns:
        frame = frame.sort_values(ORDER, kind="stable").drop(columns=ORDER)
    return schema.coerce(frame)


def read_report(path: str | Path, rows: int | None = None) -> LoadReport:
    """The load report a dataset was written with (``_kit_dataset.json``), or one counting ``rows`` found.

    Parameters
    ----------
    path
        The dataset's folder or glob.
    rows
        Rows found, for a dataset without ``_kit_dataset.json``.

    Returns
    -------
    LoadReport
    """
    meta = Path(str(path)) / META
    if not meta.exists():
        return LoadReport(str(path), "parquet dataset", rows_read=rows or 0, rows_kept=rows or 0)
    info = json.loads(meta.read_text(encoding="utf-8"))
    rep = info.get("report") or {}
    dropped = pd.DataFrame(rep.get("dropped") or [], columns=["source_row", "column", "reason"])
    return LoadReport(
        source=rep.get("source", str(path)),
        format=rep.get("format", "parquet dataset"),
        rows_read=int(rep.get("rows_read", info["rows"])),
        rows_kept=int(rep.get("rows_kept", info["rows"])),
        dropped=dropped,
        columns_mapped=dict(rep.get("columns_mapped") or {}),
        warnings=list(rep.get("warnings") or []),
        duplicates=int(rep.get("duplicates", 0)),
        surrogate_ids=int(rep.get("surrogate_ids", 0)),
        columns_unused=list(rep.get("columns_unused") or []),
    )
