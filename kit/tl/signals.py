"""Spikes, baselines, change points, bursts and surges on a series of counts (or shares) per period.

The one implementation of "is this period unusual?" in the kit: the monitoring alerts and the crisis
timeline both call these functions, so a spike means the same thing in every report. This module gathers
them under one name; each lives in its concept module:

- :mod:`kit.tl.bands`: :func:`baseline_band` (expected value and band of each period) and :func:`alerts`
  (periods outside their band, in words through :mod:`kit.tl.alert_messages`);
- :mod:`kit.tl.changepoints`: :func:`change_points` (PELT segments) and :func:`bursts` (Kleinberg);
- :mod:`kit.tl.surge`: :func:`surge` (baseline, onset, peak, half-life, back to baseline).

A *series* is either a :class:`pandas.Series` indexed by period (a ``DatetimeIndex`` for time) or a
frame with a ``period`` column and one value column, such as the output of :func:`kit.tl.volume`
with ``by=None`` (``value="posts"``). Every function returns a new tidy DataFrame and never changes
its input.

Examples
--------
>>> import numpy as np, pandas as pd
>>> from kit.tl import signals
>>> counts = pd.Series([20, 22, 19, 21, 20, 18, 23, 20, 21, 90, 60, 40, 30, 22, 21, 20],
...                    index=pd.date_range("2026-03-01", periods=16, freq="D", tz="UTC"))
>>> band = signals.baseline_band(counts, window=7, min_periods=5, level=0.99)
>>> band["outside"].iloc[8:13].tolist()
[None, 'above', 'above', 'above', None]
"""

from __future__ import annotations

from .bands import ALERT_COLUMNS, BAND_COLUMNS, alerts, baseline_band
from .changepoints import BURST_COLUMNS, SEGMENT_COLUMNS, bursts, change_points
from .surge import SURGE_COLUMNS, surge

__all__ = [
    "BAND_COLUMNS",
    "ALERT_COLUMNS",
    "SEGMENT_COLUMNS",
    "BURST_COLUMNS",
    "SURGE_COLUMNS",
    "baseline_band",
    "alerts",
    "change_points",
    "bursts",
    "surge",
]
