"""The surge: baseline, onset, peak, half-life and return to baseline of the largest surge in a series.

The one spike/baseline implementation shared by monitoring and the crisis post-mortem: the onset is a run
of periods above :func:`kit.tl.bands.baseline_band`, the same band the monitoring alerts use.

>>> import pandas as pd
>>> counts = pd.Series([10, 9, 11, 10, 10, 9, 11, 10, 10, 11, 9, 10, 60, 80, 50, 35, 25, 18, 14, 11, 10, 10, 9, 10,
...                     11, 10], index=pd.date_range("2026-03-09", periods=26, freq="h", tz="UTC"))
>>> row = surge(counts, window=12).iloc[0]
>>> str(row["onset"]), str(row["peak"]), float(row["baseline"])
('2026-03-09 12:00:00+00:00', '2026-03-09 13:00:00+00:00', 10.0)
"""

from __future__ import annotations

import math

import numpy as np
import pandas as pd

from ._series import _SEASONS, _as_series, _step
from .bands import _expected, _limits, baseline_band
from .changepoints import change_points

__all__ = ["SURGE_COLUMNS", "surge"]

SURGE_COLUMNS = [
    "baseline",
    "onset",
    "peak",
    "peak_value",
    "peak_excess",
    "half_life",
    "half_life_periods",
    "back_to_baseline",
    "time_to_peak",
    "duration",
]


def _runs(mask: np.ndarray) -> list[tuple[int, int]]:
    """(start, end exclusive) of the runs of True."""
    out, t, n = [], 0, len(mask)
    while t < n:
        if mask[t]:
            a = t
            while t < n and mask[t]:
                t += 1
            out.append((a, t))
        else:
            t += 1
    return out


def surge(
    series,
    *,
    baseline: float | None = None,
    k: int = 3,
    window: int = 24,
    level: float = 0.99,
    min_periods: int | None = None,
    band: str = "poisson",
    seasonal: str | None = None,
    onset_from: str = "band",
    half_life: str = "fit",
    value: str | None = None,
) -> pd.DataFrame:
    """Baseline, onset, peak, half-life and return to baseline of the largest surge in a series.

    1. Peak: the period with the largest value.
    2. Onset: with ``onset_from="band"``, the first period of the surge's run outside the band upward:
       runs of periods above :func:`baseline_band` (past-only rolling baseline; or above the band of a
       fixed ``baseline`` level when given) separated by fewer than ``k`` periods inside are joined; in
       the joined run that holds the peak, the onset is the start of the first run at least ``k``
       periods long. With ``onset_from="change_points"``, the start of the first segment of
       :func:`change_points` (Poisson cost) before the peak whose level stays above the band.
    3. Baseline: the median of the ``window`` periods before the onset (or ``baseline`` when given).
       From the onset on, the band is frozen at its pre-onset value (per season when ``seasonal``).
    4. Half-life: time from the peak until the excess over the baseline falls to half of the peak
       excess. With ``half_life="crossing"``, read off the series: the first period whose excess is at
       most half the peak excess, interpolated linearly with the period before. With ``"fit"``
       (default), from an exponential fitted to the decline (weighted least squares of log excess on
       time from the peak to the return to baseline, Poisson weights, points above 5% of the peak
       excess): the same quantity for an exponential decay, but not thrown off by the noise of the
       single peak period (one noisy peak moves the crossing by 10-20% on hourly counts).
    5. Back to baseline: the first period after the peak that starts ``k`` periods in a row inside (or
       below) the frozen band.

    Parameters
    ----------
    series : Series or DataFrame
        Counts per period (see :func:`baseline_band`), e.g. hourly volume.
    baseline : float, optional
        Known baseline level; default estimated as above.
    k : int
        Periods the series must stay out of (back in) the band.
    window, level, min_periods, band, seasonal
        As in :func:`baseline_band` (``level`` defaults to 0.99 here).
    onset_from : {"band", "change_points"}
    half_life : {"fit", "crossing"}

    Returns
    -------
    DataFrame
        One row: ``baseline, onset, peak, peak_value, peak_excess, half_life, half_life_periods,
        back_to_baseline, time_to_peak, duration`` (times as the periods' type; durations as Timedelta
        for time periods, number of periods otherwise; NaT / NaN when not found).

    Examples
    --------
    >>> import pandas as pd
    >>> hourly = pd.DataFrame({"period": pd.date_range("2026-03-09", periods=20, freq="h", tz="UTC"),
    ...                        "posts": [5, 6, 4, 5, 5, 6, 5, 4, 40, 60, 45, 30, 20, 12, 8, 6, 5, 5, 6, 5]})
    >>> row = surge(hourly, value="posts", window=8, half_life="crossing").iloc[0]
    >>> row["peak"].hour, float(row["peak_value"]), row["back_to_baseline"].hour, round(float(row["half_life_periods"]), 2)
    (9, 60.0, 13, 1.83)
    """
    if half_life not in ("fit", "crossing"):
        raise ValueError(f"half_life must be 'fit' or 'crossing', not {half_life!r}")
    if onset_from not in ("band", "change_points"):
        raise ValueError(f"onset_from must be 'band' or 'change_points', not {onset_from!r}")
    s = _as_series(series, value=value).fillna(0)
    n = len(s)
    is_time = isinstance(s.index, pd.DatetimeIndex)
    step = _step(s.index)
    na_time = pd.NaT if is_time else np.nan
    na_span = pd.NaT if is_time else np.nan
    result = dict(
        baseline=np.nan,
        onset=na_time,
        peak=na_time,
        peak_value=np.nan,
        peak_excess=np.nan,
        half_life=na_span,
        half_life_periods=np.nan,
        back_to_baseline=na_time,
        time_to_peak=na_span,
        duration=na_span,
    )

    def frame(res):
        out = pd.DataFrame([res], columns=SURGE_COLUMNS)
        if is_time:
            for c in ("onset", "peak", "back_to_baseline"):
                out[c] = pd.Series([res[c]], dtype=s.index.dtype)
            for c in ("half_life", "time_to_peak", "duration"):
                out[c] = pd.Series([res[c]], dtype="timedelta64[ns]")
        return out

    if n == 0:
        return frame(result)
    x = s.to_numpy(dtype=float)
    peak = int(np.argmax(x))
    result.update(peak=s.index[peak], peak_value=float(x[peak]))

    def span(periods: float):
        return (step * periods).round("s") if is_time else periods

    min_periods = min(window, 7) if min_periods is None else min_periods
    if baseline is not None:
        lo, hi = _limits(
            np.full(n, float(baseline)), np.zeros(n), None, level=level, band="poisson" if band == "poisson" else "mad"
        )
        above = x > hi
    else:
        b = baseline_band(s, window=window, level=level, min_periods=min_periods, band=band, seasonal=seasonal)
        above = (b["outside"] == "above").to_numpy()

    onset = None
    if onset_from == "band":
        runs = _runs(above)
        groups: list[list[tuple[int, int]]] = []
        for run in runs:
            if groups and run[0] - groups[-1][-1][1] < k:
                groups[-1].append(run)
            else:
                groups.append([run])
        for g in groups:
            if g[0][0] <= peak < g[-1][1]:
                long = [a for a, e in g if e - a >= k and a <= peak]
                onset = long[0] if long else None
    else:
        segs = change_points(s, model="poisson")
        first = np.searchsorted(s.index, segs["start"].to_numpy())
        seg_of_peak = int(np.searchsorted(first, peak, side="right") - 1)
        i = seg_of_peak
        while i > 0:
            a, e = first[i - 1], first[i]
            if not above[a:e].mean() > 0.5:
                break
            i -= 1
        onset = int(first[i]) if (seg_of_peak > 0 or i > 0) else None

    if onset is None:
        result["baseline"] = float(baseline) if baseline is not None else float(np.median(x))  # no surge
        return frame(result)

    # the frozen baseline: pre-onset values only
    pre = x[max(onset - window, 0) : onset]
    level_value = float(baseline) if baseline is not None else (float(np.median(pre)) if len(pre) else 0.0)
    if baseline is not None or seasonal is None:
        expected = np.full(n, level_value)
        if band == "mad" and baseline is None and len(pre):
            spread = np.full(n, 1.4826 * np.median(np.abs(pre - np.median(pre))))
        else:
            spread = np.zeros(n)
    else:
        masked = s.copy()
        masked.iloc[onset:] = np.nan
        ex = baseline_band(masked, window=window, level=level, min_periods=1, band=band, seasonal=seasonal)
        key = _SEASONS[seasonal](s.index)
        exp_s = pd.Series(ex["expected"].to_numpy())
        exp_s.iloc[onset:] = np.nan
        expected = exp_s.groupby(np.asarray(key)).ffill().fillna(level_value).to_numpy()
        spread = np.zeros(n)
        if band == "mad":
            _, sp, _ = _expected(masked, window=window, min_periods=1, method="median", seasonal=seasonal)
            sp = pd.Series(sp.to_numpy())
            sp.iloc[onset:] = np.nan
            spread = sp.groupby(np.asarray(key)).ffill().fillna(0).to_numpy()
    _, high = _limits(expected, spread, None, level=level, band=band)
    excess = x - expected
    seg = slice(onset, None)
    peak = onset + int(np.argmax(x[seg]))
    result.update(
        baseline=level_value,
        onset=s.index[onset],
        peak=s.index[peak],
        peak_value=float(x[peak]),
        peak_excess=float(excess[peak]),
        time_to_peak=span(peak - onset),
    )
    inside = x <= high
    back = None
    for t in range(peak + 1, n - k + 1):
        if inside[t : t + k].all():
            back = t
            result.update(back_to_baseline=s.index[t], duration=span(t - onset))
            break
    hl = np.nan
    if excess[peak] > 0 and half_life == "crossing":
        half = excess[peak] / 2
        below = np.nonzero(excess[peak + 1 :] <= half)[0]
        if len(below):
            t = peak + 1 + int(below[0])
            frac = (excess[t - 1] - half) / (excess[t - 1] - excess[t]) if excess[t - 1] != excess[t] else 1.0
            hl = (t - 1 - peak) + frac
    elif excess[peak] > 0:
        # weighted least squares of log(excess) on time over the decline (Poisson: var(log e) ~ value / e^2)
        end = back if back is not None else n
        t_fit = np.arange(peak, end)
        e = excess[peak:end]
        keep = e > 0.05 * excess[peak]
        if keep.sum() >= 3:
            w = e[keep] ** 2 / np.maximum(x[peak:end][keep], 1.0)
            slope = np.polyfit(t_fit[keep] - peak, np.log(e[keep]), 1, w=np.sqrt(w))[0]
            hl = math.log(2) / -slope if slope < 0 else np.nan
    if np.isfinite(hl) and hl <= 10 * n:  # a flat decline fits a half-life beyond any horizon: not measured
        result.update(half_life_periods=float(hl), half_life=span(hl))
    return frame(result)
