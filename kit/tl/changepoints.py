"""Where the level of a series changes: segments of constant level (PELT, with a Poisson cost for counts)
and Kleinberg's bursts.

>>> import numpy as np, pandas as pd
>>> counts = pd.Series([5, 4, 6, 5, 5, 4, 20, 25, 22, 5, 6, 4, 5, 5])
>>> bursts(counts)[["start", "end"]].values.tolist()
[[6, 8]]
>>> change_points(pd.Series([10.0] * 10 + [30.0] * 10), model="poisson")["start"].tolist()
[0, 10]
"""

from __future__ import annotations

import math

import numpy as np
import pandas as pd
from scipy import stats

from ._series import _as_series

__all__ = ["SEGMENT_COLUMNS", "BURST_COLUMNS", "change_points", "bursts"]

SEGMENT_COLUMNS = ["segment", "start", "end", "periods", "mean"]
BURST_COLUMNS = ["start", "end", "periods", "weight", "total"]


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
    >>> rng = np.random.default_rng(0)
    >>> counts = pd.Series(np.r_[rng.poisson(10, 30), rng.poisson(30, 30)])
    >>> change_points(counts, model="poisson")["start"].tolist()
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
    >>> counts = pd.Series([5, 4, 6, 5, 5, 4, 20, 25, 22, 5, 6, 4, 5, 5])
    >>> bursts(counts)[["start", "end"]].values.tolist()
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
