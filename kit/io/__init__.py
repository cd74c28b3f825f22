"""Readers: every supported export becomes the canonical post table plus a :class:`LoadReport`.

>>> from kit import io
>>> posts, report = io.read("data/sample/posts.parquet")  # doctest: +SKIP
>>> report.rows_read == report.rows_kept + report.rows_dropped  # doctest: +SKIP
True
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

    Keyword arguments (``platform``, ``actor``, ``actor_role``, ``tz``, ``strict``) go to the reader.
    """
    fmt = format or detect(path)
    if fmt not in FORMATS:
        raise InputError(f"{path}: unknown format {fmt!r}; known: {', '.join(FORMATS)}")
    return FORMATS[fmt](path, mapping, **kwargs)


def read_many(paths, format: str | None = None, **kwargs) -> tuple[pd.DataFrame, LoadReport]:
    """Read several files into one table; ids repeated across files are reported as duplicates."""
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
