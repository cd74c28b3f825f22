"""kit.tl.quantify: shares estimated from a classifier's output, not counted."""

from __future__ import annotations

import numpy as np
import pytest

from kit.tl import quantify as q


def _simulate(true_shares, rates, n, rng):
    """Posts of known classes, labelled through a known confusion (rows: true), with matching probabilities."""
    y = rng.choice(3, size=n, p=true_shares)
    pred = np.array([rng.choice(3, p=rates[t]) for t in y])
    probs = np.full((n, 3), 0.15)
    probs[np.arange(n), pred] = 0.7
    return y, probs


RATES = np.array([[0.7, 0.2, 0.1], [0.15, 0.55, 0.3], [0.05, 0.15, 0.8]])


def test_acc_recovers_shares_that_counting_misses():
    rng = np.random.default_rng(0)
    cal_y, cal_p = _simulate([1 / 3] * 3, RATES, 6000, rng)
    cal = q.calibration_from_labels(cal_y, cal_p, source="simulated")
    for truth in ([0.6, 0.3, 0.1], [0.2, 0.4, 0.4]):
        y, probs = _simulate(truth, RATES, 5000, rng)
        real = np.bincount(y, minlength=3) / len(y)
        counted = q.shares(probs, method="cc")
        estimated = q.shares(probs, method="acc", calibration=cal)
        assert np.abs(estimated - real).max() < 0.04
        assert np.abs(counted - real).max() > 0.07  # the bias ACC removes


def test_interval_covers_the_truth_and_narrows_with_more_posts():
    rng = np.random.default_rng(1)
    cal = q.Calibration(RATES * 2000)
    widths = []
    for n in (300, 3000):
        _, probs = _simulate([0.5, 0.3, 0.2], RATES, n, rng)
        out = q.quantify(probs, method="acc", calibration=cal, n_boot=300).set_index("measure")
        truth_net = float(q.net(np.array([0.5, 0.3, 0.2])))
        assert out.loc["net_sentiment", "ci_low"] <= truth_net <= out.loc["net_sentiment", "ci_high"]
        widths.append(out.loc["net_sentiment", "ci_high"] - out.loc["net_sentiment", "ci_low"])
    assert widths[1] < widths[0]


def test_emq_moves_towards_the_corpus_prior():
    rng = np.random.default_rng(2)
    y = rng.choice(3, size=3000, p=[0.7, 0.2, 0.1])
    # calibrated posteriors for a uniform training prior: likelihood ratios of a noisy signal
    signal = np.eye(3)[y] * 1.2 + rng.normal(0, 1, (3000, 3))
    probs = np.exp(signal) / np.exp(signal).sum(axis=1, keepdims=True)
    est = q.shares(probs, method="emq")
    assert abs(est[0] - 0.7) < abs(probs.mean(axis=0)[0] - 0.7)


def test_bad_input_is_named():
    with pytest.raises(ValueError, match="calibration"):
        q.shares(np.ones((2, 3)) / 3, method="acc")
    with pytest.raises(ValueError, match="unknown quantification method"):
        q.shares(np.ones((2, 3)) / 3, method="magic")
    with pytest.raises(ValueError, match="every class"):
        q.Calibration(np.array([[1, 0, 0], [0, 0, 0], [0, 0, 1]]))
    with pytest.raises(ValueError, match="one row"):
        q.quantify(np.ones((4, 2)))


def test_calibration_round_trips_through_json():
    cal = q.Calibration(RATES * 100, RATES * 90, source="held-out")
    back = q.Calibration.from_dict(cal.to_dict())
    assert np.allclose(back.rates(), cal.rates()) and back.source == "held-out"
