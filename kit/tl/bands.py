"""Is this period unusual? The expected value of each period from the periods before it, with a band
(Poisson-gamma, MAD or binomial for shares), and the alerts: the periods of several metrics that fall
outside their band, with a message in words (:mod:`kit.tl.alert_messages`).

The one implementation of a spike in the kit: the monitoring alerts and the crisis timeline
(:func:`kit.tl.surge.surge`) both stand on :func:`baseline_band`.

>>> import pandas as pd
>>> counts = pd.Series([20, 22, 19, 21, 20, 18, 23, 20, 21, 90, 60, 40, 30, 22, 21, 20],
...                    index=pd.date_range("2026-03-01", periods=16, freq="D", tz="UTC"))
>>> band = baseline_band(counts, window=7, min_periods=5, level=0.99)
>>> band["outside"].iloc[8:13].tolist()
[None, 'above', 'above', 'above', None]
"""

from __future__ import annotations

import numpy as np
import pandas as pd
from scipy import stats

from ._series import _SEASONS, _as_series, _step
from .alert_messages import alerts_note, band_text, message, period_word

__all__ = ["BAND_COLUMNS", "ALERT_COLUMNS", "baseline_band", "alerts"]

BAND_COLUMNS = ["period", "value", "expected", "low", "high", "outside", "z"]
ALERT_COLUMNS = ["metric", "period", "value", "expected", "low", "high", "band", "direction", "z", "message"]


def _expected(values: pd.Series, *, window: int, min_periods: int, method: str, seasonal: str | None):
    """Expected value and robust spread from the previous ``window`` periods (of the same season)."""

    def roll(s: pd.Series):
        past = s.shift(1).rolling(window, min_periods=min_periods)
        centre = past.median() if method == "median" else past.mean()
        if method == "median":
            mad = past.apply(lambda w: np.nanmedian(np.abs(w - np.nanmedian(w))), raw=True)
            spread = 1.4826 * mad
        else:
            spread = past.std()
        return centre, spread, past.count()

    if seasonal is None:
        return roll(values)
    if seasonal not in _SEASONS:
        raise ValueError(f"seasonal must be None or one of {list(_SEASONS)}, not {seasonal!r}")
    if not isinstance(values.index, pd.DatetimeIndex):
        raise ValueError("seasonal baselines need a DatetimeIndex (periods that are times)")
    season = pd.Series(np.asarray(_SEASONS[seasonal](values.index)), index=values.index)
    centre = pd.Series(np.nan, index=values.index)
    spread = pd.Series(np.nan, index=values.index)
    count = pd.Series(0.0, index=values.index)
    positions = np.arange(len(values))
    for _, where in pd.Series(positions).groupby(season.to_numpy()):
        sub = values.iloc[where.to_numpy()]
        c, s, m = roll(sub)
        centre.iloc[where.to_numpy()] = c.to_numpy()
        spread.iloc[where.to_numpy()] = s.to_numpy()
        count.iloc[where.to_numpy()] = m.to_numpy()
    return centre, spread, count


def _limits(expected, spread, n, *, level: float, band: str, history=None):
    """Lower and upper limits of the band around ``expected`` (arrays, NaN where expected is NaN).

    ``history``: effective number of past periods behind each expected count; with it the Poisson band
    is the Poisson-gamma (negative binomial) predictive law, which also allows for the error of the
    estimated mean (variance ``expected * (1 + 1 / history)``). Without it, plain Poisson quantiles.
    """
    expected = np.asarray(expected, dtype=float)
    ok = np.isfinite(expected)
    low = np.full(expected.shape, np.nan)
    high = np.full(expected.shape, np.nan)
    tail = (1 - level) / 2
    if n is not None:  # shares: binomial acceptance region of the current denominator
        n = np.asarray(n, dtype=float)
        ok &= np.isfinite(n) & (n > 0)
        p = np.clip(expected[ok], 0, 1)
        low[ok] = stats.binom.ppf(tail, n[ok], p) / n[ok]
        high[ok] = stats.binom.isf(tail, n[ok], p) / n[ok]
    elif band == "poisson":
        mu = np.clip(expected[ok], 0, None)
        if history is None:
            low[ok] = stats.poisson.ppf(tail, mu)
            high[ok] = stats.poisson.isf(tail, mu)
        else:
            w = np.clip(np.asarray(history, dtype=float)[ok], 1e-9, None)
            pos = mu > 0
            lo, hi = np.zeros(mu.shape), np.zeros(mu.shape)
            lo[pos] = stats.nbinom.ppf(tail, mu[pos] * w[pos], w[pos] / (w[pos] + 1))
            hi[pos] = stats.nbinom.isf(tail, mu[pos] * w[pos], w[pos] / (w[pos] + 1))
            low[ok], high[ok] = lo, hi
    elif band == "mad":
        z = stats.norm.isf(tail)
        s = np.nan_to_num(np.asarray(spread, dtype=float)[ok], nan=0.0)
        low[ok] = expected[ok] - z * s
        high[ok] = expected[ok] + z * s
    else:
        raise ValueError(f"band must be 'poisson' or 'mad', not {band!r}")
    low[ok] = np.minimum(low[ok], expected[ok])  # discrete quantiles can miss a fractional mean
    high[ok] = np.maximum(high[ok], expected[ok])
    return low, high


def _z(value, expected, sd):
    value, expected, sd = (np.asarray(a, dtype=float) for a in (value, expected, sd))
    diff = value - expected
    with np.errstate(divide="ignore", invalid="ignore"):
        z = np.where(sd > 0, diff / sd, np.where(diff == 0, 0.0, np.sign(diff) * np.inf))
    return np.where(np.isfinite(expected) & np.isfinite(value), z, np.nan)


def _outside(value, low, high) -> list:
    value, low, high = (np.asarray(a, dtype=float) for a in (value, low, high))
    with np.errstate(invalid="ignore"):
        return ["above" if v > h else "below" if v < lo else None for v, lo, h in zip(value, low, high)]


def baseline_band(
    series,
    *,
    window: int = 28,
    level: float = 0.95,
    min_periods: int | None = None,
    method: str = "median",
    band: str = "poisson",
    seasonal: str | None = None,
    denominator=None,
    value: str | None = None,
) -> pd.DataFrame:
    """Expected value of each period from the periods before it, with a band and a flag when outside.

    The expected value is the rolling median (or mean) of the previous ``window`` periods, never
    including the current one, so a spike cannot hide itself. With ``seasonal="weekday"`` (or
    ``"hour"``, ``"weekhour"``) the window runs over the previous ``window`` periods of the same
    weekday (hour of day, hour of week) instead.

    The band holds ``level`` of the values expected if nothing unusual happens:

    - counts, ``band="poisson"`` (default): the ``(1-level)/2`` and ``(1+level)/2`` quantiles of the
      Poisson-gamma (negative binomial) predictive law with the expected value as mean: a Poisson count
      whose mean is itself estimated from ``m`` past periods (``m`` times 2/pi for the median, its
      efficiency), variance ``expected * (1 + 1/m)``, so that ``level`` is the real false-alarm rate on a
      steady Poisson series; ``z = (value - expected) / sqrt(expected * (1 + 1/m))``.
    - counts or any metric, ``band="mad"``: expected +/- z * 1.4826 * MAD of the window (or the standard
      deviation with ``method="mean"``); for overdispersed series or non-count metrics.
    - shares, when ``denominator`` is given: ``series`` holds the numerators (e.g. negative posts),
      ``denominator`` the totals; the value is the share, the expected share is the median of past shares (``method="median"``) or the pooled share of the
      window (sum of numerators / sum of totals), and the band is the binomial acceptance region for
      the current total (a period is outside exactly when the Wilson score test rejects the expected
      share); ``z`` is the score statistic.

    Parameters
    ----------
    series : Series or DataFrame
        Values per period (index = periods), or a frame with ``period`` and a value column.
    window : int
        Number of previous periods (of the same season) that make the baseline.
    level : float
        Coverage of the band, e.g. 0.95 or 0.99.
    min_periods : int, optional
        Fewest previous periods needed for an expected value (default ``min(window, 7)``); before,
        ``expected``, ``low``, ``high``, ``z`` are NaN and ``outside`` is None.
    method : {"median", "mean"}
    band : {"poisson", "mad"}
    seasonal : {None, "weekday", "hour", "weekhour"}
    denominator : Series, str or None
        Totals per period (aligned on the periods; a column name when ``series`` is a frame).
    value : str, optional
        Value column when ``series`` is a frame with several numeric columns.

    Returns
    -------
    DataFrame
        ``period, value, expected, low, high, outside, z`` (``outside`` is "above", "below" or None);
        shares add ``denominator``. ``attrs["note"]``: why no band could be computed (a series no longer
        than ``min_periods``), else empty.

    Examples
    --------
    >>> import pandas as pd
    >>> daily = pd.DataFrame({"period": pd.date_range("2026-03-01", periods=10, freq="D", tz="UTC"),
    ...                       "posts": [20, 22, 19, 21, 20, 18, 23, 20, 21, 90]})
    >>> baseline_band(daily, value="posts", window=7, level=0.99).query("outside == 'above'")[["value", "expected"]]
       value  expected
    9   90.0      20.0
    >>> negative = pd.Series([2, 3, 2, 3, 2, 3, 2, 3, 30], dtype=float)
    >>> baseline_band(negative, denominator=pd.Series([100.0] * 9), window=7)["outside"].iloc[-1]
    'above'
    """
    if not 0 < level < 1:
        raise ValueError(f"level must be between 0 and 1, not {level}")
    if method not in ("median", "mean"):
        raise ValueError(f"method must be 'median' or 'mean', not {method!r}")
    if window < 1:
        raise ValueError("window must be at least 1")
    min_periods = min(window, 7) if min_periods is None else min(int(min_periods), window)
    den = None
    if denominator is not None:
        if isinstance(denominator, str):
            if not isinstance(series, pd.DataFrame):
                raise ValueError("denominator as a column name needs a frame")
            den = _as_series(series, value=denominator)
        else:
            den = _as_series(denominator)
    s = _as_series(series, value=value)
    if s.empty:
        out = pd.DataFrame(
            {c: pd.Series(dtype="float64") for c in BAND_COLUMNS}
            | {"period": pd.Series(s.index, dtype=s.index.dtype), "outside": pd.Series(dtype=object)}
        )
        out.attrs["note"] = "The series is empty: no band to draw."
        return out
    if len(s) <= min_periods:
        freq = getattr(series, "attrs", {}).get("freq")
        step = _step(s.index)
        words = period_word(freq, step=step, n=len(s))
        note = (
            f"The series has {len(s)} {words}; a band needs the {window} {period_word(freq, step=step, n=window)} before the "
            f"{period_word(freq, step=step, n=1)} it judges (at least {min_periods}): no band can be drawn yet."
        )
    else:
        note = ""
    if den is not None:
        den = den.reindex(s.index)
        with np.errstate(divide="ignore", invalid="ignore"):
            share = np.where(den > 0, s / den, np.nan)
        if method == "median":  # median of past shares: one crisis period in the window does not move it
            centre, _, _ = _expected(
                pd.Series(share, index=s.index),
                window=window,
                min_periods=min_periods,
                method="median",
                seasonal=seasonal,
            )
            expected = centre.to_numpy(dtype=float)
        else:
            num_sum, _, _ = _expected(s, window=window, min_periods=min_periods, method="mean", seasonal=seasonal)
            den_sum, _, _ = _expected(den, window=window, min_periods=min_periods, method="mean", seasonal=seasonal)
            with np.errstate(divide="ignore", invalid="ignore"):
                expected = np.where(den_sum > 0, num_sum / den_sum, np.nan)  # pooled share (ratio of means)
        low, high = _limits(expected, None, den.to_numpy(), level=level, band=band)
        sd = np.sqrt(np.clip(expected, 0, 1) * (1 - np.clip(expected, 0, 1)) / den.to_numpy())
        out = pd.DataFrame({"period": s.index, "value": share, "expected": expected, "low": low, "high": high})
        out["outside"] = pd.Series(_outside(share, low, high), dtype=object)
        out["z"] = _z(share, expected, sd)
        out["denominator"] = den.to_numpy()
        out.attrs["note"] = note
        return out
    centre, spread, count = _expected(s, window=window, min_periods=min_periods, method=method, seasonal=seasonal)
    history = count.to_numpy(dtype=float) * (2 / np.pi if method == "median" else 1.0)  # median's efficiency
    low, high = _limits(centre, spread, None, level=level, band=band, history=history)
    with np.errstate(divide="ignore", invalid="ignore"):
        sd = (
            np.sqrt(np.clip(centre.to_numpy(), 0, None) * (1 + 1 / history))
            if band == "poisson"
            else spread.fillna(0).to_numpy()
        )
    out = pd.DataFrame(
        {"period": s.index, "value": s.to_numpy(), "expected": centre.to_numpy(), "low": low, "high": high}
    )
    out["outside"] = pd.Series(_outside(s, low, high), dtype=object)
    out["z"] = _z(s, centre, sd)
    out.attrs["note"] = note
    return out


def alerts(
    frame: pd.DataFrame,
    *,
    metrics,
    denominators: dict | None = None,
    last: int | None = None,
    time: str = "period",
    window: int = 8,
    level: float = 0.95,
    min_periods: int | None = None,
    method: str = "median",
    band: str | dict = "poisson",
    seasonal: str | None = None,
) -> pd.DataFrame:
    """The periods where metrics fall outside their expected band, one row each, with a plain-English message.

    Each metric column goes through :func:`baseline_band` (same options for all; ``band`` may be a dict
    ``{metric: "poisson" | "mad"}``, e.g. ``"mad"`` for reach or engagement, which are not Poisson).

    Parameters
    ----------
    frame : DataFrame
        One row per period: a ``period`` column and one column per metric.
    metrics : list of str or dict
        Metric columns, or ``{column: label}`` with the label used in messages (default: the column
        name, capitalised, underscores as spaces).
    denominators : dict, optional
        ``{metric: total_column}`` for metrics that are shares: the metric column holds the numerator.
    last : int, optional
        Only the last ``last`` periods are checked (``last=1`` for "this period" in a dashboard);
        default all periods.
    time, window, level, min_periods, method, band, seasonal
        As in :func:`baseline_band`.

    Returns
    -------
    DataFrame
        ``metric, period, value, expected, low, high, band, direction, z, message``, newest period
        first, then largest ``|z|``. ``band`` is the band as text ("1,400-1,900"). ``attrs["note"]`` says in
        one sentence what the table holds, or that the series is too short for a band
        (:func:`kit.tl.alert_messages.alerts_note`; the period word from ``frame.attrs["freq"]`` when set).

    Examples
    --------
    >>> import pandas as pd
    >>> weeks = pd.date_range("2026-01-05", periods=10, freq="W-MON", tz="UTC")
    >>> kpis = pd.DataFrame({"period": weeks, "mentions": [1600, 1650, 1580, 1700, 1620, 1590, 1640,
    ...                                                    1610, 1660, 3120]})
    >>> alerts(kpis, metrics={"mentions": "Mentions"}, window=8, last=1)["message"].iloc[0]
    'Mentions were 3,120 in the week of 9 March, above the expected 1,544-1,717'
    """
    labels = dict(metrics) if isinstance(metrics, dict) else {m: m.replace("_", " ").capitalize() for m in metrics}
    denominators = denominators or {}
    rows = []
    for metric, label in labels.items():
        kind = band.get(metric, "poisson") if isinstance(band, dict) else band
        b = baseline_band(
            frame[[time, metric] + ([denominators[metric]] if metric in denominators else [])].rename(
                columns={time: "period"}
            ),
            value=metric,
            denominator=denominators.get(metric),
            window=window,
            level=level,
            min_periods=min_periods,
            method=method,
            band=kind,
            seasonal=seasonal,
        )
        if last is not None:
            b = b.iloc[max(len(b) - last, 0) :]
        step = _step(pd.Index(frame[time]))
        share = metric in denominators
        for r in b[b["outside"].notna()].itertuples(index=False):
            text = band_text(r.low, r.high, share=share)
            msg = message(label, r.value, r.period, step=step, direction=r.outside, low=r.low, high=r.high, share=share)
            rows.append(
                dict(
                    metric=metric,
                    period=r.period,
                    value=r.value,
                    expected=r.expected,
                    low=r.low,
                    high=r.high,
                    band=text,
                    direction=r.outside,
                    z=r.z,
                    message=msg,
                )
            )
    if not rows:
        out = pd.DataFrame({c: pd.Series(dtype=object) for c in ALERT_COLUMNS})
    else:
        out = pd.DataFrame(rows, columns=ALERT_COLUMNS)
        order = out.assign(_abs=out["z"].abs()).sort_values(["period", "_abs"], ascending=[False, False], kind="stable")
        out = out.loc[order.index].reset_index(drop=True)
    needed = min(window, 7) if min_periods is None else min(int(min_periods), window)
    out.attrs["share_metrics"] = [m for m in metrics if m in denominators]  # rows read as percentages
    out.attrs["note"] = alerts_note(
        len(frame),
        window=window,
        min_periods=needed,
        alerts=len(out),
        last=last,
        freq=frame.attrs.get("freq"),
        step=_step(pd.Index(frame[time])) if len(frame) else None,
    )
    return out
