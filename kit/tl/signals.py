"""Spikes, baselines, change points, bursts and surges on a series of counts (or shares) per period.

The one implementation of "is this period unusual?" in the kit: the monitoring alerts and the crisis
timeline both call these functions, so a spike means the same thing in every report.

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

import math

import numpy as np
import pandas as pd
from scipy import stats

BAND_COLUMNS = ["period", "value", "expected", "low", "high", "outside", "z"]
ALERT_COLUMNS = ["metric", "period", "value", "expected", "low", "high", "band", "direction", "z", "message"]
SEGMENT_COLUMNS = ["segment", "start", "end", "periods", "mean"]
BURST_COLUMNS = ["start", "end", "periods", "weight", "total"]
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
_SEASONS = {
    "weekday": lambda idx: idx.day_of_week,
    "hour": lambda idx: idx.hour,
    "weekhour": lambda idx: idx.day_of_week * 24 + idx.hour,
}


# ---------------------------------------------------------------------------------------------------- input


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


# ---------------------------------------------------------------------------------------------------- band


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
        shares add ``denominator``.

    Examples
    --------
    >>> from kit import tl, datasets
    >>> from kit.tl import signals
    >>> posts, _ = datasets.load_sample()  # doctest: +SKIP
    >>> daily = tl.volume(posts, freq="D", by=None)  # doctest: +SKIP
    >>> signals.baseline_band(daily, value="posts", level=0.99).query("outside == 'above'")  # doctest: +SKIP
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
        return pd.DataFrame(
            {c: pd.Series(dtype="float64") for c in BAND_COLUMNS}
            | {"period": pd.Series(s.index, dtype=s.index.dtype), "outside": pd.Series(dtype=object)}
        )
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
    return out


# ---------------------------------------------------------------------------------------------------- alerts


def _number(x: float, share: bool) -> str:
    if not np.isfinite(x):
        return "n/a"
    if share:
        return f"{100 * x:.1f}%"
    if float(x).is_integer() or abs(x) >= 100:
        return f"{round(x):,}"
    return f"{x:,.3g}"


def _when(period, step) -> str:
    if not isinstance(period, pd.Timestamp):
        return f"in period {period}"
    day = f"{period.day} {period:%B}"
    if isinstance(step, pd.Timedelta) and step >= pd.Timedelta(days=28):
        return f"in {period:%B %Y}"
    if isinstance(step, pd.Timedelta) and step >= pd.Timedelta(days=7):
        return f"in the week of {day}"
    if isinstance(step, pd.Timedelta) and step >= pd.Timedelta(days=1):
        return f"on {day}"
    return f"at {period:%H:%M} on {day}"


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
        first, then largest ``|z|``. ``band`` is the band as text ("1,400-1,900").

    Examples
    --------
    >>> import pandas as pd
    >>> from kit.tl import signals
    >>> weeks = pd.date_range("2026-01-05", periods=10, freq="W-MON", tz="UTC")
    >>> kpis = pd.DataFrame({"period": weeks, "mentions": [1600, 1650, 1580, 1700, 1620, 1590, 1640,
    ...                                                    1610, 1660, 3120]})
    >>> signals.alerts(kpis, metrics={"mentions": "Mentions"}, window=8, last=1)["message"].iloc[0]
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
            text = f"{_number(r.low, share)}-{_number(r.high, share)}"
            msg = (
                f"{label} {'were' if (not share and label.lower().endswith('s')) else 'was'} {_number(r.value, share)} {_when(r.period, step)}, "
                f"{r.outside} the expected {text}"
            )
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
        return pd.DataFrame({c: pd.Series(dtype=object) for c in ALERT_COLUMNS})
    out = pd.DataFrame(rows, columns=ALERT_COLUMNS)
    order = out.assign(_abs=out["z"].abs()).sort_values(["period", "_abs"], ascending=[False, False], kind="stable")
    return out.loc[order.index].reset_index(drop=True)


# ---------------------------------------------------------------------------------------------------- change points


def _poisson_cost():
    from ruptures.base import BaseCost
    from ruptures.exceptions import NotEnoughPoints

    class CostPoisson(BaseCost):
        """Twice the negative Poisson log-likelihood of a segment at its own mean (constant terms dropped)."""

        model = "poisson"

        def __init__(self, min_size: int = 1):
            self.min_size = min_size
            self.signal = None
            self.cum = None

        def fit(self, signal):
            x = np.clip(np.asarray(signal, dtype=float).reshape(-1), 0, None)
            self.signal = x.reshape(-1, 1)
            self.cum = np.concatenate([[0.0], np.cumsum(x)])
            return self

        def error(self, start, end):
            if end - start < self.min_size:
                raise NotEnoughPoints
            total = self.cum[end] - self.cum[start]
            return 0.0 if total <= 0 else -2.0 * (total * math.log(total / (end - start)) - total)

    return CostPoisson


def change_points(
    series, *, penalty: float | None = None, model: str = "l2", min_size: int = 2, value: str | None = None
) -> pd.DataFrame:
    """Segments of constant level, found by PELT (``ruptures``) with a BIC-like penalty.

    Parameters
    ----------
    series : Series or DataFrame
        Values per period (see :func:`baseline_band`).
    penalty : float, optional
        Cost of one more change point. Default, BIC-like: ``2 * sigma**2 * ln(n)`` for ``model="l2"``
        (sigma from the median absolute difference of successive values, so level shifts do not inflate
        it) and ``2 * ln(n)`` for ``model="poisson"`` (cost = twice the negative log-likelihood).
        Larger values give fewer segments.
    model : {"l2", "poisson", "l1", "rbf", "normal"}
        Segment cost: ``"l2"`` (mean shifts), ``"poisson"`` (counts; written here, ruptures has none),
        or any other ruptures cost name (with those, give ``penalty``; the default is the l2 one).
    min_size : int
        Shortest segment, in periods.

    Returns
    -------
    DataFrame
        ``segment, start, end, periods, mean``: one row per segment, ``start`` and ``end`` the first and
        last period in it.

    Examples
    --------
    >>> import numpy as np, pandas as pd
    >>> from kit.tl import signals
    >>> rng = np.random.default_rng(0)
    >>> counts = pd.Series(np.r_[rng.poisson(10, 30), rng.poisson(30, 30)])
    >>> signals.change_points(counts, model="poisson")["start"].tolist()
    [0, 30]
    """
    import ruptures as rpt

    s = _as_series(series, value=value).dropna()
    if s.empty:
        return pd.DataFrame(
            {
                "segment": pd.Series(dtype="int64"),
                "start": pd.Series(s.index, dtype=s.index.dtype),
                "end": pd.Series(s.index, dtype=s.index.dtype),
                "periods": pd.Series(dtype="int64"),
                "mean": pd.Series(dtype="float64"),
            }
        )
    x = s.to_numpy(dtype=float)
    n = len(x)
    if penalty is None:
        if model == "poisson":
            penalty = 2.0 * math.log(max(n, 2))
        else:
            d = np.diff(x)
            sigma = 1.4826 * np.median(np.abs(d - np.median(d))) / math.sqrt(2) if n > 2 else 0.0
            if sigma == 0:
                sigma = np.std(x) or 1.0
            penalty = 2.0 * sigma**2 * math.log(max(n, 2))
    if n < 2 * min_size or np.all(x == x[0]):
        ends = [n]
    elif model == "poisson":
        algo = rpt.Pelt(custom_cost=_poisson_cost()(min_size=min_size), min_size=min_size, jump=1)
        ends = algo.fit(x).predict(pen=penalty)
    else:
        ends = rpt.Pelt(model=model, min_size=min_size, jump=1).fit(x.reshape(-1, 1)).predict(pen=penalty)
    starts = [0] + list(ends[:-1])
    return pd.DataFrame(
        {
            "segment": np.arange(len(ends)),
            "start": s.index[starts],
            "end": s.index[[e - 1 for e in ends]],
            "periods": np.array(ends) - np.array(starts),
            "mean": [float(x[a:b].mean()) for a, b in zip(starts, ends)],
        }
    )


# ---------------------------------------------------------------------------------------------------- bursts


def bursts(series, *, s: float = 2.0, gamma: float = 1.0, total=None, value: str | None = None) -> pd.DataFrame:
    """Kleinberg's two-state burst detection on counts per period.

    A hidden automaton is in a base state (rate ``p0``) or a burst state (rate ``s * p0``); entering the
    burst state costs ``gamma * ln(n)`` (n = number of periods), leaving it is free, and each period costs
    minus the log-likelihood of its count in the current state. The cheapest state sequence is found by
    Viterbi; each maximal run in the burst state is a burst, weighted by how much better the burst state
    explains it (sum over the run of base cost minus burst cost), as in Kleinberg (2002).

    Without ``total`` the counts are Poisson with base rate their mean; with ``total`` (documents per
    period) they are binomial with base proportion ``sum(counts) / sum(total)``, Kleinberg's batched
    model.

    Kleinberg, J. (2002). Bursty and hierarchical structure in streams. *Proceedings of the 8th ACM
    SIGKDD International Conference on Knowledge Discovery and Data Mining*, 91-101.
    https://doi.org/10.1145/775047.775061

    Parameters
    ----------
    series : Series or DataFrame
        Counts per period.
    s : float
        Ratio of the burst rate to the base rate (> 1).
    gamma : float
        Cost of entering a burst, in units of ``ln(n)``; larger values give fewer, stronger bursts.
    total : Series, str or None
        Documents per period for the binomial model (a column name when ``series`` is a frame).

    Returns
    -------
    DataFrame
        ``start, end, periods, weight, total``: first and last period of each burst, its length, its
        weight and the counts in it, strongest first.

    Examples
    --------
    >>> import pandas as pd
    >>> from kit.tl import signals
    >>> counts = pd.Series([5, 4, 6, 5, 5, 4, 20, 25, 22, 5, 6, 4, 5, 5])
    >>> signals.bursts(counts)[["start", "end"]].values.tolist()
    [[6, 8]]
    """
    if s <= 1:
        raise ValueError("s must be greater than 1")
    r = _as_series(series, value=value).fillna(0)
    empty = pd.DataFrame(
        {
            "start": pd.Series(r.index[:0]),
            "end": pd.Series(r.index[:0]),
            "periods": pd.Series(dtype="int64"),
            "weight": pd.Series(dtype="float64"),
            "total": pd.Series(dtype="float64"),
        }
    )
    n = len(r)
    x = np.clip(r.to_numpy(dtype=float), 0, None)
    if n == 0 or x.sum() == 0:
        return empty
    if total is not None:
        d = (_as_series(series, value=total) if isinstance(total, str) else _as_series(total)).reindex(r.index)
        d = np.maximum(d.fillna(0).to_numpy(dtype=float), x)
        p0 = x.sum() / d.sum()
        p1 = min(s * p0, 1 - 1e-9)
        cost = np.stack([-stats.binom.logpmf(x, d, p0), -stats.binom.logpmf(x, d, p1)], axis=1)
    else:
        lam0 = x.mean()
        cost = np.stack(
            [-stats.poisson.logpmf(np.round(x), lam0), -stats.poisson.logpmf(np.round(x), s * lam0)], axis=1
        )
    up = gamma * math.log(n) if n > 1 else gamma
    # Viterbi over two states; start in the base state
    best = np.array([cost[0, 0], up + cost[0, 1]])
    back = np.zeros((n, 2), dtype=int)
    for t in range(1, n):
        from0, from1 = best[0], best[1]
        stay0, up1 = (0, from0) if from0 <= from1 else (1, from1)  # into 0: leaving a burst is free
        into1 = (0, from0 + up) if from0 + up < from1 else (1, from1)
        back[t] = [stay0, into1[0]]
        best = np.array([up1 + cost[t, 0], into1[1] + cost[t, 1]])
    state = np.zeros(n, dtype=int)
    state[-1] = int(np.argmin(best))
    for t in range(n - 1, 0, -1):
        state[t - 1] = back[t, state[t]]
    rows = []
    t = 0
    while t < n:
        if state[t] == 1:
            a = t
            while t < n and state[t] == 1:
                t += 1
            rows.append(
                dict(
                    start=r.index[a],
                    end=r.index[t - 1],
                    periods=t - a,
                    weight=float((cost[a:t, 0] - cost[a:t, 1]).sum()),
                    total=float(x[a:t].sum()),
                )
            )
        else:
            t += 1
    if not rows:
        return empty
    return (
        pd.DataFrame(rows, columns=BURST_COLUMNS)
        .sort_values("weight", ascending=False, kind="stable")
        .reset_index(drop=True)
    )


# ---------------------------------------------------------------------------------------------------- surge


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
    >>> from kit import tl, datasets
    >>> from kit.tl import signals
    >>> posts, truth = datasets.load_sample()  # doctest: +SKIP
    >>> crisis = posts[posts["x_true_topic"] == "billing_crisis"]  # doctest: +SKIP
    >>> signals.surge(tl.volume(crisis, freq="H", by=None), value="posts")  # doctest: +SKIP
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
    if np.isfinite(hl):
        result.update(half_life_periods=float(hl), half_life=span(hl))
    return frame(result)
