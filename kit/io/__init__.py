"""Readers: every supported export becomes the canonical post table plus a :class:`LoadReport`.

Module map: the readers are :mod:`kit.io.tabular` (CSV, listening tools, page insights, Parquet),
:mod:`kit.io.twitter`, :mod:`kit.io.mastodon`, :mod:`kit.io.bluesky` and :mod:`kit.io.reddit`;
what they share is in private modules: :mod:`kit.io._base` (:class:`LoadReport` and
:func:`finish`, the row accounting every reader ends in), :mod:`kit.io._times` (times and epochs),
:mod:`kit.io._values` (counts, yes/no, categories, ids), :mod:`kit.io._detect` (format
detection), :mod:`kit.io._headers` and :mod:`kit.io._table` (table headers and reading),
:mod:`kit.io._json` (JSON records).

>>> import pathlib, tempfile
>>> from kit import io
>>> path = pathlib.Path(tempfile.mkdtemp()) / "posts.csv"
>>> _ = path.write_text("id,date,text\\n1,2026-01-05 10:00,Bonjour\\n2,,Salut\\n")
>>> posts, report = io.read(path)
>>> report.format, report.rows_read == report.rows_kept + report.rows_dropped
('csv', True)
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pandas as pd

from ._base import InputError, LoadReport, finish
from ._detect import detect
from .tabular import read_csv, read_insights, read_listening, read_parquet

__all__ = [
    "InputError",
    "LoadReport",
    "FORMATS",
    "detect",
    "read",
    "read_many",
    "finish",
    "read_csv",
    "read_listening",
    "read_insights",
    "read_parquet",
]


def _json_reader(module: str, name: str) -> Callable:
    def reader(path, mapping=None, **kwargs):
        import importlib

        mod = importlib.import_module(f"kit.io.{module}")
        return getattr(mod, name)(path, mapping=mapping, **kwargs)

    reader.__name__ = name
    return reader


#: Readers by format name: each takes ``(path, mapping, **kwargs)`` and returns ``(posts, report)``.
FORMATS: dict[str, Callable] = {
    "csv": read_csv,
    "listening": read_listening,
    "insights": read_insights,
    "parquet": read_parquet,
    "twitter_v1": _json_reader("twitter", "read_twitter_v1"),
    "twitter_v2": _json_reader("twitter", "read_twitter_v2"),
    "mastodon": _json_reader("mastodon", "read_mastodon"),
    "bluesky": _json_reader("bluesky", "read_bluesky"),
    "reddit": _json_reader("reddit", "read_reddit"),
}


def read(
    path: str | Path, format: str | None = None, mapping: dict | None = None, **kwargs
) -> tuple[pd.DataFrame, LoadReport]:
    """Read any supported export. ``format`` is detected when not given (see :func:`detect`).

    Parameters
    ----------
    path
        The export.
    format
        A key of :data:`FORMATS`; detected from the file when None.
    mapping
        ``{canonical column: source column}`` for tables, ``{canonical column: dotted path}``
        for JSON exports.
    **kwargs
        ``platform``, ``actor``, ``actor_role``, ``tz``, ``strict`` and the reader's own
        options (e.g. ``time_from_id`` for :func:`read_csv`).

    Returns
    -------
    posts, report
        The post table (see :mod:`kit.schema`) and its :class:`LoadReport`.

    Raises
    ------
    InputError
        When the file cannot be read, or ``format`` is unknown.

    Examples
    --------
    >>> import pathlib, tempfile
    >>> path = pathlib.Path(tempfile.mkdtemp()) / "posts.csv"
    >>> _ = path.write_text("when,what\\n2026-01-05 10:00,Bonjour\\n")
    >>> posts, report = read(path, mapping={"created_at": "when", "text": "what"}, platform="mastodon")
    >>> posts[["platform", "text"]].to_numpy().tolist()
    [['mastodon', 'Bonjour']]
    """
    if Path(path).is_dir():
        raise InputError(f"{path}: a folder, not a file; pass the export file (or a list of files)")
    tz = kwargs.get("tz")
    if tz is not None:
        try:
            pd.Timestamp("2026-01-01").tz_localize(tz)
        except Exception as exc:  # pytz and zoneinfo raise different types
            raise InputError(f"unknown time zone {tz!r} (tz=): use a name such as 'Europe/Paris' or 'UTC'") from exc
    fmt = format or detect(path)
    if fmt not in FORMATS:
        raise InputError(f"{path}: unknown format {fmt!r}; known: {', '.join(FORMATS)}")
    if fmt not in ("csv", "listening", "insights") and kwargs.get("dayfirst") is None:
        kwargs.pop("dayfirst", None)  # JSON and Parquet times are not written day or month first
    return FORMATS[fmt](path, mapping, **kwargs)


def read_many(paths, format: str | None = None, **kwargs) -> tuple[pd.DataFrame, LoadReport]:
    """Read several files into one table; ids repeated across files are reported as duplicates.

    Parameters
    ----------
    paths
        One path or several.
    format
        As for :func:`read`; None detects each file's format.
    **kwargs
        As for :func:`read`.

    Returns
    -------
    posts, report
        The posts of every file (the first of posts with the same id kept), and the sum of the
        files' reports, where later copies count as dropped duplicates.

    Examples
    --------
    >>> import pathlib, tempfile
    >>> folder = pathlib.Path(tempfile.mkdtemp())
    >>> for name in ("a.csv", "b.csv"):
    ...     _ = (folder / name).write_text("id,date,text\\n1,2026-01-05 10:00,Bonjour\\n")
    >>> posts, report = read_many([folder / "a.csv", folder / "b.csv"])
    >>> len(posts), report.rows_read, report.duplicates
    (1, 2, 1)
    """
    frames, report = [], None
    for p in [paths] if isinstance(paths, (str, Path)) else paths:
        posts, rep = read(p, format, **kwargs)
        frames.append(posts)
        report = rep if report is None else report + rep
    if report is None:
        raise InputError("no input files given")
    posts = pd.concat(frames, ignore_index=True) if len(frames) > 1 else frames[0]
    dup = posts["post_id"].duplicated(keep="first")
    if dup.any():
        extra = pd.DataFrame(
            {
                "source_row": posts.loc[dup, "source_row"].to_numpy(),
                "column": "post_id",
                "reason": [f"duplicate of a post in another file ({p})" for p in posts.loc[dup, "post_id"]],
                "source": posts.loc[dup, "source_file"].to_numpy(),
            }
        )
        report.dropped = pd.concat([report.dropped, extra], ignore_index=True)
        report.rows_kept -= int(dup.sum())
        report.duplicates += int(dup.sum())
        report.warnings.append(f"{int(dup.sum())} posts appear in more than one file; kept the first")
        posts = posts[~dup].reset_index(drop=True)
    return posts, report
