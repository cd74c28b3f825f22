"""Holes in a collection: stretches with no post at all, which are gaps in the data, not quiet.

A keyword collection that stops for two days and resumes reads, on a volume curve, like a crisis that ended
and came back. :func:`gaps` lists those stretches from the posts' times; :func:`gap_periods` says which
periods of a volume series fall in one, so that no phase, half-life or recovery is measured across them
(:func:`kit.tl.episodes.crisis_timeline`).

>>> import pandas as pd
>>> t = pd.to_datetime(["2026-03-09 10:00", "2026-03-09 11:00", "2026-03-11 09:00"], utc=True)
>>> gaps(t)[["start", "end", "hours"]].values.tolist()
[[Timestamp('2026-03-09 11:00:00+0000', tz='UTC'), Timestamp('2026-03-11 09:00:00+0000', tz='UTC'), 46.0]]
"""

from __future__ import annotations

import numpy as np
import pandas as pd

from ._crisis import _TIME, _ts

__all__ = ["GAP_COLUMNS", "gaps", "gap_periods"]

GAP_COLUMNS = ["start", "end", "hours"]


def _times(posts, time: str) -> pd.Series:
    if isinstance(posts, pd.DataFrame):
        t = posts[time]
    else:
        t = pd.Series(posts)
    t = pd.to_datetime(t, utc=True).dropna()
    return t.sort_values().reset_index(drop=True)


def gaps(posts, *, min_hours: float = 12.0, start=None, end=None, time: str = _TIME) -> pd.DataFrame:
    """Stretches of at least ``min_hours`` without any post.

    Parameters
    ----------
    posts : DataFrame, Series or DatetimeIndex
        The posts (their ``time`` column) or their times.
    min_hours : float
        Shortest silence reported as a gap (default 12 hours: longer than any night of a live collection).
    start, end
        The window the collection is meant to cover: a silence between ``start`` and the first post (or
        the last post and ``end``) counts too. Default: only the silences between posts.
    time : str
        The time column when ``posts`` is a frame.

    Returns
    -------
    DataFrame
        ``start, end, hours``: the last post before the silence and the first after it (or the window's
        bounds), and the length in hours, in time order; empty when there is none.

    Examples
    --------
    >>> import pandas as pd
    >>> t = pd.to_datetime(["2026-03-09 10:00", "2026-03-09 20:00"], utc=True)
    >>> len(gaps(t)), gaps(t, start="2026-03-08")["hours"].tolist()
    (0, [34.0])
    """
    t = _times(posts, time)
    lo, hi = _ts(start), _ts(end)
    points = ([lo] if lo is not None else []) + t.tolist() + ([hi] if hi is not None else [])
    rows = []
    for a, b in zip(points[:-1], points[1:]):
        hours = (b - a).total_seconds() / 3600
        if hours >= min_hours:
            rows.append((a, b, round(hours, 2)))
    out = pd.DataFrame(rows, columns=GAP_COLUMNS)
    for c in ("start", "end"):
        out[c] = pd.to_datetime(out[c], utc=True)
    out["hours"] = out["hours"].astype(float)
    return out


def gap_periods(index, gap_table: pd.DataFrame, *, freq: str | pd.Timedelta | None = None) -> np.ndarray:
    """Which periods of a series lie mostly (more than half their length) inside a gap.

    Parameters
    ----------
    index : DatetimeIndex
        The start of each period.
    gap_table : DataFrame
        :func:`gaps`.
    freq : str or Timedelta, optional
        Period length (default: the spacing of ``index``, one hour when it has a single period).

    Returns
    -------
    ndarray of bool
        One value per period.

    Examples
    --------
    >>> import pandas as pd
    >>> days = pd.date_range("2026-03-09", periods=4, freq="D", tz="UTC")
    >>> g = pd.DataFrame({"start": [days[0] + pd.Timedelta(hours=20)], "end": [days[3] + pd.Timedelta(hours=2)]})
    >>> gap_periods(days, g).tolist()
    [False, True, True, False]
    """
    index = pd.DatetimeIndex(index).as_unit("ns")
    n = len(index)
    if freq is not None:
        step = pd.Timedelta(pd.tseries.frequencies.to_offset(freq)) if isinstance(freq, str) else pd.Timedelta(freq)
    elif n > 1:
        step = pd.Timedelta(np.median(np.diff(index.asi8)), unit="ns")
    else:
        step = pd.Timedelta(hours=1)
    out = np.zeros(n, dtype=bool)
    if not n or gap_table is None or not len(gap_table):
        return out
    a = index.asi8
    b = a + step.value
    for s, e in zip(pd.to_datetime(gap_table["start"], utc=True), pd.to_datetime(gap_table["end"], utc=True)):
        overlap = np.clip(np.minimum(b, e.as_unit("ns").value) - np.maximum(a, s.as_unit("ns").value), 0, None)
        out |= overlap > 0.5 * step.value
    return out
