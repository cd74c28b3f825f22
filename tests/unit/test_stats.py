"""kit._stats.bootstrap_quantile: the order statistics drawn from their law give the interval that resampling
every value gives (same law)."""

from __future__ import annotations

import numpy as np
import pytest

from kit._stats import bootstrap_quantile


def _resampled(values, q, n_boot, level=0.95, seed=1):
    """The textbook percentile bootstrap: n_boot resamples of all the values."""
    rng = np.random.default_rng(seed)
    values = np.asarray(values, dtype=float)
    stats = np.quantile(values[rng.integers(0, len(values), size=(n_boot, len(values)))], q, axis=1)
    a = (1 - level) / 2
    return np.quantile(stats, a), np.quantile(stats, 1 - a)


@pytest.mark.parametrize("n", [2, 5, 40, 300, 3000])
@pytest.mark.parametrize("q", [0.5, 0.9, 0.1])
def test_same_interval_as_resampling_every_value(n, q):
    values = np.round(np.random.default_rng(n).exponential(10.0, size=n), 1)  # ties, as whole-minute delays
    want = _resampled(values, q, 20_000)
    got = bootstrap_quantile(values, q, n_boot=20_000, rng=np.random.default_rng(7))
    spread = np.quantile(values, 0.95) - np.quantile(values, 0.05)
    # two Monte Carlo estimates of the same interval: they agree to a small part of the data's spread
    np.testing.assert_allclose(got, want, atol=0.02 * spread + 1e-9)
    assert got[0] <= np.quantile(values, q) <= got[1]


def test_seeded_and_within_the_data():
    values = np.random.default_rng(3).normal(size=500)
    a = bootstrap_quantile(values, 0.9, rng=np.random.default_rng(4))
    assert a == bootstrap_quantile(values, 0.9, rng=np.random.default_rng(4))
    assert values.min() <= a[0] < a[1] <= values.max()
    assert bootstrap_quantile([1.0]) == (pytest.approx(np.nan, nan_ok=True),) * 2
