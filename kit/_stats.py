"""One implementation of each statistical primitive the kit uses, on the maintained library's call.

Intervals for proportions (statsmodels' Wilson score interval), bootstrap intervals for a quantile,
multiple-testing corrections (statsmodels ``multipletests``), the Jensen-Shannon divergence (scipy),
macro F1 and Cohen's kappa (scikit-learn). Modules in :mod:`kit.tl` import these; none re-implements them.

>>> [round(x, 3) for x in wilson(578, 1000)]
[0.547, 0.608]
"""

from __future__ import annotations

import numpy as np

__all__ = [
    "wilson",
    "bootstrap_quantile",
    "quantile_counts",
    "bootstrap_quantile_counts",
    "EXACT_BOOTSTRAP_FROM",
    "adjust_p",
    "jensen_shannon",
    "macro_f1",
    "cohen_kappa",
]

#: From this many values on, :func:`bootstrap_quantile` reads the bootstrap law of the order statistic
#: exactly instead of resampling.
EXACT_BOOTSTRAP_FROM = 20_000


def wilson(k, n, level: float = 0.95):
    """Wilson score interval for a proportion ``k / n``: ``(low, high)``, NaN where ``n`` is 0.

    Scalars give two floats, arrays two arrays (statsmodels' ``proportion_confint(method="wilson")``).

    >>> wilson(0, 0)
    (nan, nan)
    >>> [round(x, 4) for x in wilson(5, 10)]
    [0.2366, 0.7634]
    """
    from statsmodels.stats.proportion import proportion_confint

    k, n = np.asarray(k, dtype=float), np.asarray(n, dtype=float)
    safe = np.where(n > 0, n, 1.0)
    with np.errstate(invalid="ignore", divide="ignore"):
        low, high = proportion_confint(np.where(n > 0, k, 0.0), safe, alpha=1 - level, method="wilson")
    low = np.where(n > 0, np.asarray(low, dtype=float), np.nan)
    high = np.where(n > 0, np.asarray(high, dtype=float), np.nan)
    if low.ndim == 0:
        return float(low), float(high)
    return low, high


def bootstrap_quantile(
    values, q: float = 0.5, *, n_boot: int = 1000, level: float = 0.95, rng=None, exact_from: int = EXACT_BOOTSTRAP_FROM
) -> tuple[float, float]:
    """Percentile bootstrap interval of the ``q`` quantile of ``values`` (missing values left out).

    Fewer than two values give ``(nan, nan)``: one value has no interval. From ``exact_from`` values on,
    ``n_boot`` resamples of ``n`` values would cost ``n_boot * n`` memory and sorts, so the bootstrap law of
    the order statistic is read exactly instead: in a resample the number of values <= x_(j) is
    Binomial(n, j/n), so the resampled k-th smallest value is <= x_(j) with probability
    P(Binomial(n, j/n) >= k).

    >>> rng = np.random.default_rng(0)
    >>> low, high = bootstrap_quantile(np.arange(100.0), 0.5, rng=rng)
    >>> bool(low < 49.5 < high)
    True
    >>> bootstrap_quantile([3.0], rng=rng)
    (nan, nan)
    """
    values = np.asarray(values, dtype=float)
    values = values[~np.isnan(values)]
    if len(values) < 2:
        return (np.nan, np.nan)
    a = (1 - level) / 2
    if len(values) >= exact_from:
        from scipy.stats import binom

        x = np.sort(values)
        n = len(x)
        k = max(1, int(np.ceil(q * n)))
        cdf = binom.sf(k - 1, n, np.arange(1, n + 1) / n)  # P(resampled k-th value <= x_(j)), j = 1..n
        lo = min(int(np.searchsorted(cdf, a, side="left")), n - 1)
        hi = min(int(np.searchsorted(cdf, 1 - a, side="left")), n - 1)
        return float(x[lo]), float(x[hi])
    rng = np.random.default_rng(0) if rng is None else rng
    # Below it, n_boot resamples are drawn, but only the two order statistics np.quantile reads from each
    # (positions j and j+1, 0-based, weighted frac): a resample's sorted indices are floor(n * U) of n sorted
    # uniforms U, whose (j+1)-th smallest follows Beta(j+1, n-j), and the next one lies above it at the
    # smallest of the n-j-1 others, Beta(1, n-j-1) of the rest of the way. The same law as resampling all
    # n values, at a cost that does not grow with n (5 s -> 0.1 s for the care tables of a million posts).
    x = np.sort(values)
    n = len(x)
    h = (n - 1) * q
    j = min(int(np.floor(h)), n - 1)
    frac = h - j
    u = rng.beta(j + 1, n - j, size=n_boot)
    low_i = np.minimum((u * n).astype(np.int64), n - 1)
    if frac > 0:
        u = u + (1 - u) * rng.beta(1, n - j - 1, size=n_boot)
        high_i = np.minimum((u * n).astype(np.int64), n - 1)
        stats = x[low_i] + frac * (x[high_i] - x[low_i])
    else:
        stats = x[low_i]
    return float(np.quantile(stats, a)), float(np.quantile(stats, 1 - a))


def adjust_p(p_values, method: str = "holm") -> np.ndarray:
    """P-values adjusted for multiple testing (statsmodels ``multipletests``: ``"holm"``, ``"fdr_bh"``...).

    An empty input gives an empty array; missing p-values stay missing and are left out of the correction.

    >>> adjust_p([0.01, 0.04], "holm").round(3).tolist()
    [0.02, 0.04]
    >>> adjust_p([], "fdr_bh").tolist()
    []
    """
    from statsmodels.stats.multitest import multipletests

    p = np.asarray(p_values, dtype=float)
    out = np.full(p.shape, np.nan)
    ok = ~np.isnan(p)
    if ok.sum() == 1:
        out[ok] = p[ok]
    elif ok.any():
        out[ok] = multipletests(p[ok], method=method)[1]
    return out


def jensen_shannon(p, q) -> float:
    """Jensen-Shannon divergence (base 2, in [0, 1]) between two distributions, normalised here (scipy).

    >>> jensen_shannon([1, 0], [0, 1])
    1.0
    >>> jensen_shannon([1, 1], [2, 2])
    0.0
    """
    from scipy.spatial.distance import jensenshannon

    return max(0.0, float(jensenshannon(np.asarray(p, dtype=float), np.asarray(q, dtype=float), base=2) ** 2))


def macro_f1(y_true, y_pred, *, classes=None) -> float:
    """Unweighted mean of the per-class F1 over ``classes`` (default: the labels in ``y_true``); scikit-learn.

    A class never predicted counts F1 0.

    >>> macro_f1(["a", "b", "b"], ["a", "b", "a"])
    0.666...
    """
    from sklearn.metrics import f1_score

    t = [str(v) for v in y_true]
    p = [str(v) for v in y_pred]
    labels = sorted(set(t)) if classes is None else [str(c) for c in classes]
    return float(f1_score(t, p, labels=labels, average="macro", zero_division=0))


def cohen_kappa(a, b, *, labels=None) -> float:
    """Cohen's kappa between two raters' labels (scikit-learn); NaN when it is undefined.

    >>> cohen_kappa(["x", "y", "x"], ["x", "y", "x"])
    1.0
    """
    from sklearn.metrics import cohen_kappa_score

    with np.errstate(invalid="ignore", divide="ignore"):
        value = cohen_kappa_score([str(v) for v in a], [str(v) for v in b], labels=labels)
    return float(value)


def _sorted_counts(values, counts):
    values, counts = np.asarray(values, dtype=float), np.asarray(counts, dtype=np.int64)
    keep = ~np.isnan(values) & (counts > 0)
    order = np.argsort(values[keep], kind="stable")
    return values[keep][order], counts[keep][order]


def quantile_counts(values, counts, q: float) -> float:
    """``np.quantile`` (linear interpolation) of ``values`` each repeated ``counts`` times, without repeating them.

    For a histogram merged from many parts (response times in whole seconds): the two order statistics around
    the quantile are read off the cumulative counts. NaN when there is no value.

    >>> quantile_counts([1.0, 4.0, 2.0], [2, 1, 3], 0.5) == float(np.quantile([1, 1, 4, 2, 2, 2], 0.5))
    True
    """
    x, c = _sorted_counts(values, counts)
    n = int(c.sum())
    if n == 0:
        return float("nan")
    position = (n - 1) * q  # np.quantile's "linear" method, on the order statistics x_(0) .. x_(n-1)
    below = int(np.floor(position))
    ends = np.searchsorted(np.cumsum(c), [below, min(below + 1, n - 1)], side="right")
    return float(np.quantile(x[ends], position - below))


def bootstrap_quantile_counts(
    values,
    counts,
    q: float = 0.5,
    *,
    n_boot: int = 1000,
    level: float = 0.95,
    rng=None,
    exact_from: int = EXACT_BOOTSTRAP_FROM,
) -> tuple[float, float]:
    """:func:`bootstrap_quantile` of ``values`` each repeated ``counts`` times (a histogram), the same interval.

    From ``exact_from`` values on, the exact law is read at each distinct value's last order statistic (the
    law is constant between them), so the cost is that of the histogram, not of the values; below it the values
    are repeated (fewer than ``exact_from``) and resampled as :func:`bootstrap_quantile` does, in sorted order.

    >>> v, c = np.arange(30.0), np.full(30, 1000)
    >>> bootstrap_quantile_counts(v, c, 0.5) == bootstrap_quantile(np.repeat(v, c), 0.5)
    True
    """
    x, c = _sorted_counts(values, counts)
    n = int(c.sum())
    if n < exact_from:
        return bootstrap_quantile(np.repeat(x, c), q, n_boot=n_boot, level=level, rng=rng, exact_from=exact_from)
    from scipy.stats import binom

    a = (1 - level) / 2
    k = max(1, int(np.ceil(q * n)))
    cdf = binom.sf(
        k - 1, n, np.cumsum(c) / n
    )  # P(resampled k-th value <= the distinct value), as in bootstrap_quantile
    lo = min(int(np.searchsorted(cdf, a, side="left")), len(x) - 1)
    hi = min(int(np.searchsorted(cdf, 1 - a, side="left")), len(x) - 1)
    return float(x[lo]), float(x[hi])
