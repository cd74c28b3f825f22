"""Vectorised helpers of the generator: Arrow string joins, categorical draws, the time window, segments."""

from __future__ import annotations

import numpy as np
import pandas as pd
import pyarrow as pa
import pyarrow.compute as pc

from ._scenario import DAY, HOUR, NEU, OTHER, R_PUBLIC, T_MISC, WEEKS

__all__: list[str] = []


def _s(values) -> pd.Series:
    return pd.Series(values, dtype="string")


def _cat(*parts) -> pd.Series:
    """Concatenate aligned fragment arrays row by row (vectorised, Arrow strings)."""
    out = _s(parts[0])
    for p in parts[1:]:
        out = out + (p if isinstance(p, pd.Series) else _s(p)).to_numpy()
    return out


def _join(*parts) -> pa.Array:
    """Concatenate aligned Arrow string arrays (or scalars) row by row."""
    return pc.binary_join_element_wise(*parts, "")


def _opt(rng, values: pa.Array, p: float) -> pa.Array:
    """Keep each row's fragment with probability ``p``, else the empty string."""
    return pc.if_else(pa.array(rng.random(len(values)) < p), values, "")


def _when(mask: np.ndarray, values, other="") -> pa.Array:
    return pc.if_else(pa.array(np.asarray(mask, bool)), values, other)


def _strings(values) -> pa.Array:
    return pa.array(np.asarray(values)).cast(pa.string())


def _noise(rng, n: int, sigma: float) -> np.ndarray:
    return np.exp(sigma * rng.standard_normal(n) - sigma**2 / 2)


def _choice(rng, n: int, weights) -> np.ndarray:
    w = np.asarray(weights, dtype=float)
    return rng.choice(len(w), size=n, p=w / w.sum())


def _choice_rows(rng, probs: np.ndarray) -> np.ndarray:
    """One categorical draw per row of a probability matrix."""
    cum = np.cumsum(probs, axis=1)
    cum /= cum[:, -1:]
    return (rng.random((len(probs), 1)) > cum).sum(axis=1).clip(0, probs.shape[1] - 1)


def _iso(t: float) -> str:
    return pd.Timestamp(int(t), unit="s", tz="UTC").strftime("%Y-%m-%dT%H:%M:%SZ")


def _day(t: float) -> str:
    return pd.Timestamp(int(t), unit="s", tz="UTC").strftime("%Y-%m-%d")


class _Window:
    def __init__(self, start: str):
        ts = pd.Timestamp(start)
        ts = ts.tz_localize("UTC") if ts.tzinfo is None else ts.tz_convert("UTC")
        if ts != ts.normalize():
            raise ValueError(f"start must be a date (midnight UTC), got {start!r}")
        self.t0 = int(ts.value // 10**9)
        self.days = WEEKS * 7
        self.t1 = self.t0 + self.days * DAY
        self.dow = (self.t0 // DAY + 3 + np.arange(self.days)) % 7  # Monday = 0

    def times(self, rng, n, day_w, hour_w, exclude=()) -> np.ndarray:
        day_p = np.asarray(day_w, float) / np.sum(day_w)
        hour_p = np.asarray(hour_w, float) / np.sum(hour_w)

        def draw(k):
            return (
                self.t0
                + rng.choice(self.days, k, p=day_p) * DAY
                + rng.choice(24, k, p=hour_p) * HOUR
                + rng.integers(0, HOUR, k)
            )

        t = draw(n)
        for _ in range(100):
            bad = np.zeros(n, bool)
            for a, b in exclude:
                bad |= (t >= a) & (t < b)
            if not bad.any():
                break
            t[bad] = draw(int(bad.sum()))
        return t.astype(np.int64)

    def after(self, rng, parent_t, scale_s, min_s=60) -> np.ndarray:
        """Child times: parent time + min_s + exponential delay, kept inside the window."""
        t = parent_t + min_s + rng.exponential(scale_s, len(parent_t))
        late = t >= self.t1
        room = np.maximum(self.t1 - 1 - parent_t - min_s, 0)
        t[late] = parent_t[late] + min_s + rng.random(int(late.sum())) * room[late]
        return t.astype(np.int64)


def _segment(n: int, **cols) -> dict:
    base = dict(
        t=np.zeros(n, np.int64),
        plat=np.zeros(n, np.int8),
        author=np.zeros(n, np.int64),
        actor=np.zeros(n, np.int8),
        about=np.zeros(n, np.int8),
        role=np.full(n, R_PUBLIC, np.int8),
        kind=np.zeros(n, np.int8),
        parent=np.full(n, -1, np.int64),
        topic=np.full(n, T_MISC, np.int8),
        intent=np.full(n, OTHER, np.int8),
        sent=np.full(n, NEU, np.int8),
        lang=np.zeros(n, np.int8),
        fmt=np.zeros(n, np.int8),
        paid=np.full(n, -1, np.int8),
        style=np.zeros(n, np.int8),
        campaign=np.full(n, -1, np.int8),
        variant=np.full(n, -1, np.int8),
        sub=np.zeros(n, np.int8),
    )
    for k, v in cols.items():
        base[k][:] = v
    return base


def _zeros(n: int) -> np.ndarray:
    return np.zeros(n, np.int64)


def _take(array: pa.Array, idx) -> pa.Array:
    return array.take(pa.array(np.asarray(idx, np.int64)))
