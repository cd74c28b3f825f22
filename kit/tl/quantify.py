"""Class shares of a corpus estimated, not counted (quantification), with bootstrap intervals.

Counting a classifier's labels ("classify and count", CC) is biased whenever its errors are not
symmetric: a model that calls 30 % of neutral posts positive inflates net sentiment whatever the corpus.
Quantification estimates the shares themselves:

``cc``    the share of posts labelled each class (the raw figure);
``pcc``   the mean predicted probability of each class;
``acc``   adjusted classify and count: solve ``q = M.T @ p`` for the true shares ``p``, where ``q`` is
          the counted shares and ``M[t, c] = P(predicted c | true t)`` the model's misclassification
          rates measured on labelled data (Forman 2008);
``pacc``  the same with mean probabilities instead of counts (Bella et al. 2010);
``emq``   the EM prior adjustment of Saerens, Latinne & Decaestecker (2002): re-weight each post's
          probabilities by the ratio of the corpus's estimated shares to the training shares until
          the shares are the mean of the re-weighted probabilities.

The misclassification rates (:class:`Calibration`) come from labelled data: with no review, from the
model's own held-out validation (stored with a head, ``meta["calibration"]``: what it knows, not the
corpus at hand); with a reviewed sample of the corpus, from its labels
(:func:`kit.tl.corrected_shares.corrected_shares` is then the estimator of choice: it measures the errors on
this very corpus).

>>> import numpy as np
>>> cal = Calibration(np.array([[80, 15, 5], [10, 60, 30], [5, 10, 85]]))   # rows: true, columns: predicted
>>> counted = np.array([0.2, 0.3, 0.5])
>>> acc(counted, cal.rates()).round(3).tolist()
[0.174, 0.383, 0.443]
"""

from __future__ import annotations

from collections.abc import Sequence

import numpy as np
import pandas as pd

from ._sentiment_base import LABELS

__all__ = ["METHODS", "Calibration", "acc", "emq", "shares", "quantify", "net", "calibration_from_labels"]

#: The estimators, in the order the reports list them.
METHODS = ("cc", "pcc", "acc", "pacc", "emq")


def net(p: np.ndarray) -> np.ndarray:
    """Net sentiment ``(positive - negative) / (positive + negative)`` of shares (last axis: neg, neu, pos).

    >>> float(net(np.array([0.2, 0.3, 0.5])).round(3))
    0.429
    """
    p = np.asarray(p, dtype=float)
    with np.errstate(invalid="ignore", divide="ignore"):
        return (p[..., 2] - p[..., 0]) / (p[..., 2] + p[..., 0])


class Calibration:
    """A model's errors measured on labelled data: ``hard[t, c]`` the number of posts of true class ``t``
    labelled ``c``, ``soft[t, c]`` the sum of their probabilities of class ``c`` (optional), and where
    they come from (``source``, a sentence for the reports).

    >>> cal = Calibration(np.array([[8, 2, 0], [1, 8, 1], [0, 2, 8]]), source="toy")
    >>> cal.rates()[0].tolist(), cal.n.tolist()
    ([0.8, 0.2, 0.0], [10, 10, 10])
    """

    def __init__(self, hard: np.ndarray, soft: np.ndarray | None = None, *, source: str = ""):
        self.hard = np.asarray(hard, dtype=float)
        self.soft = None if soft is None else np.asarray(soft, dtype=float)
        k = len(self.hard)
        if self.hard.shape != (k, k) or (self.soft is not None and self.soft.shape != (k, k)):
            raise ValueError(f"a calibration needs square count tables, got {self.hard.shape}")
        if (self.hard.sum(axis=1) == 0).any():
            missing = [LABELS[t] for t in np.flatnonzero(self.hard.sum(axis=1) == 0)] if k == 3 else []
            raise ValueError(f"a calibration needs labelled posts of every class; none of {missing}")
        self.source = source

    @property
    def n(self) -> np.ndarray:
        """Labelled posts of each true class."""
        return self.hard.sum(axis=1).astype(int)

    def rates(self, soft: bool = False) -> np.ndarray:
        """``M[t, c]``: P(labelled c | true t), or with ``soft`` the mean probability of c among true t."""
        table = self.soft if soft and self.soft is not None else self.hard
        return table / table.sum(axis=1, keepdims=True)

    def draw(self, rng: np.random.Generator) -> Calibration:
        """A bootstrap replicate: each true class's row redrawn (multinomial on its own counts)."""
        hard = np.array([rng.multinomial(int(n), row) for n, row in zip(self.n, self.rates())], dtype=float)
        soft = None
        if self.soft is not None:
            # scale the soft rows by the same relative noise as the hard ones
            noise = (hard + 0.5) / (self.hard + 0.5)
            soft = self.soft * noise
        return Calibration(np.maximum(hard, 0), soft, source=self.source)

    def to_dict(self) -> dict:
        """For the head's metadata (JSON)."""
        out = {"hard": self.hard.round(6).tolist(), "source": self.source}
        if self.soft is not None:
            out["soft"] = self.soft.round(6).tolist()
        return out

    @classmethod
    def from_dict(cls, data: dict) -> Calibration:
        """Read back :meth:`to_dict`."""
        return cls(
            np.array(data["hard"]),
            None if data.get("soft") is None else np.array(data["soft"]),
            source=data.get("source", ""),
        )


def calibration_from_labels(
    labels: Sequence, probs: np.ndarray, *, weights: np.ndarray | None = None, source: str = ""
) -> Calibration:
    """The :class:`Calibration` of a model from labelled posts: true labels (0/1/2 or names) and its probabilities.

    >>> cal = calibration_from_labels([0, 0, 1, 2], np.array([[.8, .1, .1], [.2, .1, .7], [.3, .6, .1], [.1, .1, .8]]))
    >>> cal.hard.tolist()[0]
    [1.0, 0.0, 1.0]
    """
    from .sentiment_head import encode_labels

    y = encode_labels(list(labels))
    probs = np.asarray(probs, dtype=float)
    k = probs.shape[1]
    w = np.ones(len(y)) if weights is None else np.asarray(weights, dtype=float)
    hard = np.zeros((k, k))
    np.add.at(hard, (y, probs.argmax(axis=1)), w)
    soft = np.zeros((k, k))
    np.add.at(soft, y, probs * w[:, None])
    return Calibration(hard, soft, source=source)


def _simplex(p: np.ndarray) -> np.ndarray:
    p = np.clip(np.nan_to_num(p), 0, None)
    total = p.sum()
    return p / total if total > 0 else np.full(len(p), 1 / len(p))


def acc(observed: np.ndarray, rates: np.ndarray) -> np.ndarray:
    """True shares ``p`` from observed shares ``q = rates.T @ p`` (least squares on the simplex: solved,
    then clipped at 0 and renormalised).

    >>> acc(np.array([0.44, 0.56]), np.array([[0.8, 0.2], [0.2, 0.8]])).round(3).tolist()
    [0.4, 0.6]
    """
    rates = np.asarray(rates, dtype=float)
    k = len(rates)
    # q = M.T p with sum(p) = 1: least squares on the stacked system
    A = np.vstack([rates.T, np.ones((1, k))])
    b = np.append(np.asarray(observed, dtype=float), 1.0)
    p, *_ = np.linalg.lstsq(A, b, rcond=None)
    return _simplex(p)


def emq(probs: np.ndarray, train_prior: np.ndarray, *, tol: float = 1e-6, max_iter: int = 1000) -> np.ndarray:
    """Class shares by the EM prior adjustment of Saerens et al. (2002).

    ``probs`` are the model's posteriors, calibrated for a corpus with shares ``train_prior`` (a head
    trained with balanced class weights: uniform).

    >>> p = np.array([[0.7, 0.2, 0.1]] * 6 + [[0.1, 0.2, 0.7]] * 2 + [[0.2, 0.6, 0.2]] * 2)
    >>> emq(p, np.ones(3) / 3).round(2).tolist()
    [0.83, 0.0, 0.17]
    """
    probs = np.asarray(probs, dtype=float)
    prior = np.asarray(train_prior, dtype=float)
    p = probs.mean(axis=0)
    for _ in range(max_iter):
        adjusted = probs * (p / prior)
        adjusted /= adjusted.sum(axis=1, keepdims=True)
        new = adjusted.mean(axis=0)
        if np.abs(new - p).max() < tol:
            return new
        p = new
    return p


def shares(
    probs: np.ndarray,
    *,
    method: str = "acc",
    calibration: Calibration | None = None,
    train_prior: np.ndarray | None = None,
) -> np.ndarray:
    """Estimated class shares of the posts whose probabilities are ``probs`` (rows: posts).

    >>> p = np.array([[0.7, 0.2, 0.1], [0.1, 0.2, 0.7]])
    >>> shares(p, method="cc").tolist()
    [0.5, 0.0, 0.5]
    """
    probs = np.asarray(probs, dtype=float)
    k = probs.shape[1]
    if method == "cc":
        return np.bincount(probs.argmax(axis=1), minlength=k) / max(len(probs), 1)
    if method == "pcc":
        return probs.mean(axis=0)
    if method == "emq":
        return emq(probs, np.ones(k) / k if train_prior is None else train_prior)
    if method in ("acc", "pacc"):
        if calibration is None:
            raise ValueError(f"method {method!r} needs a calibration (the model's errors on labelled data)")
        observed = shares(probs, method="cc" if method == "acc" else "pcc")
        return acc(observed, calibration.rates(soft=method == "pacc"))
    raise ValueError(f"unknown quantification method {method!r}; choose one of {', '.join(METHODS)}")


def quantify(
    probs: np.ndarray,
    *,
    method: str = "acc",
    calibration: Calibration | None = None,
    train_prior: np.ndarray | None = None,
    n_boot: int = 500,
    level: float = 0.95,
    seed: int = 0,
) -> pd.DataFrame:
    """Shares and net sentiment of a corpus estimated by ``method``, with percentile bootstrap intervals.

    Each replicate resamples the posts and, for ``acc``/``pacc``, redraws the calibration's counts, so
    the interval carries both the corpus's sampling noise and the uncertainty of the measured errors
    (not the error of assuming they hold on this corpus: see the model card for how far they did).

    Returns
    -------
    DataFrame
        Rows ``negative``, ``neutral``, ``positive``, ``net_sentiment``; columns ``measure``, ``raw``
        (classify and count), ``estimate``, ``ci_low``, ``ci_high``; ``attrs["method"]``.

    Examples
    --------
    >>> rng = np.random.default_rng(0)
    >>> p = rng.dirichlet([1, 1, 1], size=200)
    >>> out = quantify(p, method="pcc", n_boot=100)
    >>> out["measure"].tolist(), bool((out["ci_low"] <= out["estimate"]).all())
    (['negative', 'neutral', 'positive', 'net_sentiment'], True)
    """
    probs = np.asarray(probs, dtype=float)
    if probs.ndim != 2 or probs.shape[1] != 3:
        raise ValueError(f"probabilities must be one row of (negative, neutral, positive) per post, got {probs.shape}")
    if len(probs) == 0:
        raise ValueError("no post to quantify")
    point = shares(probs, method=method, calibration=calibration, train_prior=train_prior)
    raw = shares(probs, method="cc")
    rng = np.random.default_rng(seed)
    boot = np.zeros((int(n_boot), 3))
    for b in range(int(n_boot)):
        idx = rng.integers(0, len(probs), len(probs))
        cal = calibration.draw(rng) if calibration is not None and method in ("acc", "pacc") else calibration
        boot[b] = shares(probs[idx], method=method, calibration=cal, train_prior=train_prior)
    alpha = (1 - level) / 2
    with np.errstate(invalid="ignore"):
        nets = net(boot)
    low = np.append(np.quantile(boot, alpha, axis=0), np.nanquantile(nets, alpha))
    high = np.append(np.quantile(boot, 1 - alpha, axis=0), np.nanquantile(nets, 1 - alpha))
    out = pd.DataFrame(
        {
            "measure": [*LABELS, "net_sentiment"],
            "raw": np.append(raw, net(raw)),
            "estimate": np.append(point, net(point)),
            "ci_low": low,
            "ci_high": high,
        }
    )
    out.attrs["method"] = method
    return out
