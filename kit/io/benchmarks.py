"""A team's own platform benchmarks: a CSV with one row a platform (``platform, rate, statistic, year, source``,
and optionally ``definition``, ``note``), read into the table :func:`kit.tl.performance.benchmarks` compares with.

``rate`` is a share (``0.0116``) or a percentage written with its sign (``1.16 %``); ``statistic`` is ``mean``
or ``median``, as the source says (an average is a mean).

>>> import pathlib, tempfile
>>> path = pathlib.Path(tempfile.mkdtemp()) / "bench.csv"
>>> _ = path.write_text("platform,rate,statistic,year,source\\nInstagram,1.2 %,median,2024,Our agency\\n")
>>> read(path)[["platform", "rate", "statistic", "year"]].values.tolist()
[['instagram', 0.012, 'median', 2024]]
"""

from __future__ import annotations

from pathlib import Path

import pandas as pd

from ._base import InputError

__all__ = ["REQUIRED", "read", "shipped"]

#: Columns a benchmark file must have.
REQUIRED = ("platform", "rate", "statistic", "year", "source")


def shipped() -> pd.DataFrame:
    """The benchmarks the kit ships (:data:`kit.datasets._benchmarks.BENCHMARK_ROWS`) as a table.

    Returns
    -------
    DataFrame
        ``platform, rate, statistic, year, source, definition, note``.

    Examples
    --------
    >>> shipped().query("platform == 'instagram'")[["rate", "statistic", "year"]].values.tolist()
    [[0.0116, 'mean', 2020]]
    """
    from ..datasets._benchmarks import BENCHMARK_ROWS, COLUMNS

    return pd.DataFrame(list(BENCHMARK_ROWS), columns=list(COLUMNS))


def _rate(text: str, path: Path, row: int) -> float:
    raw = str(text).strip().replace(",", ".")
    percent = raw.endswith("%")
    try:
        value = float(raw.rstrip("%").strip())
    except ValueError:
        raise InputError(
            f"{path}, row {row}, column 'rate': {text!r} is not a number (write 0.0116 or 1.16 %)"
        ) from None
    value = value / 100 if percent else value
    if not 0 <= value <= 1:
        raise InputError(f"{path}, row {row}, column 'rate': {text!r} is not a share between 0 and 1 (or 0-100 %)")
    return value


def read(path) -> pd.DataFrame:
    """Read a benchmark file.

    Parameters
    ----------
    path
        A CSV (comma or semicolon), UTF-8 with or without BOM; rows are numbered from 2 (the header is row 1).
        ``None``: the benchmarks the kit ships (:func:`shipped`).

    Returns
    -------
    DataFrame
        ``platform`` (lower case), ``rate`` (a share), ``statistic``, ``year`` (int), ``source``,
        ``definition``, ``note``.

    Raises
    ------
    kit.io.InputError
        The file is missing, lacks a column, or a value is not what its column needs (the message names the
        file, the row and the column).
    """
    if path is None:
        return shipped()
    path = Path(path)
    if not path.exists():
        raise InputError(f"{path}: no such benchmark file")
    table = pd.read_csv(path, dtype=str, sep=None, engine="python", encoding="utf-8-sig", keep_default_na=False)
    table.columns = [str(c).strip().lower() for c in table.columns]
    missing = [c for c in REQUIRED if c not in table.columns]
    if missing:
        raise InputError(f"{path}: the benchmark file lacks the column(s) {missing}; it has {list(table.columns)}")
    rows = []
    for i, r in enumerate(table.itertuples(index=False), start=2):
        r = r._asdict()
        statistic = str(r["statistic"]).strip().lower()
        statistic = {"average": "mean", "avg": "mean"}.get(statistic, statistic)
        if statistic not in ("mean", "median"):
            raise InputError(f"{path}, row {i}, column 'statistic': {r['statistic']!r} is neither mean nor median")
        if not str(r["year"]).strip().isdigit():
            raise InputError(f"{path}, row {i}, column 'year': {r['year']!r} is not a year")
        if not str(r["platform"]).strip():
            raise InputError(f"{path}, row {i}, column 'platform' is empty")
        rows.append(
            {
                "platform": str(r["platform"]).strip().lower(),
                "rate": _rate(r["rate"], path, i),
                "statistic": statistic,
                "year": int(str(r["year"]).strip()),
                "source": str(r["source"]).strip(),
                "definition": str(r.get("definition", "") or "").strip(),
                "note": str(r.get("note", "") or "").strip(),
            }
        )
    out = pd.DataFrame(rows, columns=["platform", "rate", "statistic", "year", "source", "definition", "note"])
    duplicated = out["platform"][out["platform"].duplicated()]
    if len(duplicated):
        raise InputError(f"{path}: platform {duplicated.iloc[0]!r} appears twice; give one benchmark a platform")
    return out
