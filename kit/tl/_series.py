"""Internals of the signal modules (:mod:`kit.tl.bands`, :mod:`kit.tl.changepoints`, :mod:`kit.tl.surge`):
a series of values per period from a Series or a ``period`` + value frame, the typical spacing of the
periods, and the seasons a baseline can follow."""

from __future__ import annotations

import numpy as np
import pandas as pd

__all__: list[str] = []

_SEASONS = {
    "weekday": lambda idx: idx.day_of_week,
    "hour": lambda idx: idx.hour,
    "weekhour": lambda idx: idx.day_of_week * 24 + idx.hour,
}


def _as_series(series, value: str | None = None, time: str = "period") -> pd.Series:
    """A float Series indexed by period, from a Series or a ``period`` + value frame (a copy)."""
    if isinstance(series, pd.DataFrame):
        if time not in series.columns:
            raise ValueError(f"the frame needs a {time!r} column (the periods); it has {list(series.columns)}")
        if value is None:
            numeric = [c for c in series.columns if c != time and pd.api.types.is_numeric_dtype(series[c])]
            if len(numeric) != 1:
                raise ValueError(f"say which column holds the values with value=...; numeric columns: {numeric}")
            value = numeric[0]
        out = pd.Series(series[value].to_numpy(dtype=float, na_value=np.nan), index=pd.Index(series[time]), name=value)
    elif isinstance(series, pd.Series):
        out = pd.Series(series.to_numpy(dtype=float, na_value=np.nan), index=series.index.copy(), name=series.name)
    else:
        raise TypeError(f"expected a Series or a frame with a {time!r} column, not {type(series).__name__}")
    if not out.index.is_monotonic_increasing:
        out = out.sort_index(kind="stable")
    out.index.name = "period"
    return out


def _step(index: pd.Index):
    """The typical spacing of the periods (a Timedelta for time, 1 otherwise)."""
    if isinstance(index, pd.DatetimeIndex) and len(index) > 1:
        return pd.Series(index).diff().median()
    if isinstance(index, pd.DatetimeIndex):
        return pd.Timedelta(0)
    return 1
