"""The review sample: a stratified draw of posts for human review, with each post's design weight.

:func:`draw_sample` draws posts by predicted sentiment, language, topic and confidence band (Neyman
allocation on the model's confidence, so uncertain strata are drawn more); :func:`simulate` fills such a
sample from gold labels, for workshops and tests. The file the analysts fill in is written by
:func:`kit.io.review.write_review_csv`.

Examples
--------
>>> import pandas as pd
>>> posts = pd.DataFrame({"post_id": [f"p{i}" for i in range(12)], "text": ["..."] * 12,
...                       "lang": ["fr", "en"] * 6,
...                       "sentiment": ["negative", "neutral", "positive"] * 4,
...                       "confidence": [0.4, 0.7, 0.9] * 4})
>>> sample = draw_sample(posts, n=6, strata=("sentiment",), seed=0)
>>> len(sample), round(sample["weight"].sum())
(6, 12)
"""

from __future__ import annotations

import warnings
from collections.abc import Sequence

import numpy as np
import pandas as pd

from .._review import LABELS, ReviewError, reviewer_names

__all__ = ["BANDS", "NONE", "draw_sample", "simulate"]

BANDS: tuple[str, ...] = ("low", "medium", "high")
"""Confidence bands of :func:`draw_sample`."""

NONE = "(none)"
"""Stratum value of a missing column value."""


def _band(confidence: pd.Series, bands: tuple[float, float]) -> pd.Series:
    low, high = bands
    values = pd.to_numeric(confidence, errors="coerce").astype(float)
    out = pd.Series(NONE, index=confidence.index, dtype=object)
    out[values < low] = "low"
    out[(values >= low) & (values < high)] = "medium"
    out[values >= high] = "high"
    return out


def _join_keys(keys: list[pd.Series]) -> pd.Series:
    stratum = keys[0]
    for k in keys[1:]:
        stratum = stratum + "|" + k
    return stratum


def _allocate(sizes: np.ndarray, scores: np.ndarray, n: int, lower: np.ndarray) -> np.ndarray:
    """Integer allocation as close as possible to ``n * sizes * scores / sum``, within ``[lower, sizes]``."""
    if n >= sizes.sum():
        return sizes.copy()
    a = sizes * scores

    def total(lam: float) -> float:  # increasing in lam
        return np.clip(lam * a, lower, sizes).sum()

    lo, hi = 0.0, 1.0
    while total(hi) < n:
        hi *= 2
    for _ in range(200):
        mid = (lo + hi) / 2
        lo, hi = (mid, hi) if total(mid) < n else (lo, mid)
    target = np.clip(hi * a, lower, sizes)
    alloc = np.minimum(np.floor(target + 1e-9), sizes).astype(int)
    alloc = np.maximum(alloc, lower)
    short = int(n - alloc.sum())
    if short > 0:
        room = alloc < sizes
        frac = np.where(room, target - alloc, -np.inf)
        order = np.argsort(-frac, kind="stable")
        alloc[order[:short]] += 1
    elif short < 0:
        room = alloc > lower
        frac = np.where(room, target - alloc, np.inf)
        order = np.argsort(frac, kind="stable")
        alloc[order[:-short]] -= 1
    return alloc


def draw_sample(
    posts: pd.DataFrame,
    n: int = 200,
    *,
    strata: Sequence[str] = ("sentiment", "lang", "topic", "confidence_band"),
    seed: int = 0,
    oversample_uncertain: bool = True,
    min_per_stratum: int = 2,
    confidence_bands: tuple[float, float] = (0.6, 0.8),
    confidence: str = "confidence",
    id_column: str = "post_id",
) -> pd.DataFrame:
    """Draw a stratified sample of posts for human review, with each post's design weight.

    Posts are grouped into strata by the values of ``strata`` (missing values form their own
    ``(none)`` stratum; columns absent from ``posts`` are skipped; ``confidence_band`` is derived
    from ``confidence`` when the table has no such column). Each stratum ``h`` of ``N_h`` posts gets
    ``n_h`` posts drawn without replacement:

    - proportional allocation ``n_h ∝ N_h`` (``oversample_uncertain=False``), or Neyman allocation
      for the model's error rate ``n_h ∝ N_h · sqrt(c_h (1 - c_h))`` where ``c_h`` is the mean
      confidence of the stratum, clipped to [0.05, 0.95] (``oversample_uncertain=True``, when a
      ``confidence`` column exists): uncertain strata, where the model errs most, are drawn more;
    - at least ``min_per_stratum`` posts per stratum (all of it when smaller), so small strata are seen;
      when the minima alone exceed ``n`` the minimum falls to one post per stratum (with a warning).

    ``strata`` are in order of priority: while there are more non-empty strata than ``n``, the last
    column is dropped from the stratification (with a warning; ``attrs["strata"]`` lists the columns
    used), so the sample keeps its size ``n``.

    The inclusion probability of a drawn post is ``n_h / N_h`` and its design weight ``N_h / n_h``;
    weights sum to the number of posts. Estimates from the sample must use the weights
    (:func:`kit.tl.corrected_shares.corrected_shares` does). Posts are ordered by ``id_column`` before drawing and the sample
    is returned in a random order (so a reviewer does not see all the model's negatives in a row):
    the same posts and seed give the same sample whatever the row order of ``posts``.

    Parameters
    ----------
    posts
        Post table with the prediction columns (``sentiment``, ``confidence``, ``topic`` ...).
    n
        Posts to draw (all posts when the table is smaller).
    strata
        Columns defining the strata; ``confidence_band`` is the banded ``confidence``.
    seed
        Seed of the draw.
    oversample_uncertain
        Neyman allocation on the model's confidence instead of proportional allocation.
    min_per_stratum
        Smallest number of posts drawn from a stratum.
    confidence_bands
        Thresholds of the bands: ``low < t0 <= medium < t1 <= high``.
    confidence, id_column
        Column names.

    Returns
    -------
    DataFrame
        The drawn rows of ``posts`` (all their columns) plus ``confidence_band`` (when derived),
        ``stratum`` (e.g. ``sentiment=negative|lang=fr``), ``stratum_size`` (``N_h``),
        ``stratum_sample`` (``n_h``), ``inclusion_prob`` and ``weight``.

    Examples
    --------
    >>> import pandas as pd
    >>> posts = pd.DataFrame({"post_id": [str(i) for i in range(100)],
    ...                       "sentiment": ["negative"] * 10 + ["neutral"] * 60 + ["positive"] * 30,
    ...                       "confidence": [0.5, 0.9] * 50})
    >>> s = draw_sample(posts, n=20, strata=("sentiment", "confidence_band"), seed=1)
    >>> s.groupby("stratum")["weight"].sum().to_dict()  # doctest: +NORMALIZE_WHITESPACE
    {'sentiment=negative|confidence_band=high': 5.0, 'sentiment=negative|confidence_band=low': 5.0,
     'sentiment=neutral|confidence_band=high': 30.0, 'sentiment=neutral|confidence_band=low': 30.0,
     'sentiment=positive|confidence_band=high': 15.0, 'sentiment=positive|confidence_band=low': 15.0}
    """
    if int(n) < 1:
        raise ValueError(f"n must be at least 1, not {n}")
    if int(min_per_stratum) < 1:
        raise ValueError(f"min_per_stratum must be at least 1, not {min_per_stratum}")
    if id_column not in posts.columns:
        raise ReviewError(f"draw_sample needs an id column '{id_column}' to match the review back to the posts")
    ids = posts[id_column].astype("string")
    if ids.isna().any() or ids.duplicated().any():
        bad = ids[ids.isna() | ids.duplicated(keep=False)].head(5).tolist()
        raise ReviewError(
            f"column '{id_column}' must be unique and non-empty to draw a review sample; offending values: {bad}"
        )
    if len(posts) == 0:
        raise ReviewError("no posts to sample from")
    order = np.argsort(ids.to_numpy(dtype=str), kind="stable")  # row order of the input does not matter
    base = posts.iloc[order]

    band = None
    keys: list[pd.Series] = []
    used: list[str] = []
    for col in strata:
        if col == "confidence_band" and col not in base.columns:
            if confidence not in base.columns:
                continue
            band = _band(base[confidence], confidence_bands)
            values = band
        elif col in base.columns:
            values = base[col].astype("string").fillna(NONE).astype(object)
        else:
            continue
        used.append(col)
        keys.append(col + "=" + values.astype(str))
    n = int(n)
    dropped: list[str] = []
    while len(keys) > 1 and n < len(base) and _join_keys(keys).nunique() > n:
        keys.pop()
        dropped.insert(0, used.pop())
    if dropped:
        warnings.warn(
            f"more strata than n={n} posts: not stratifying on {dropped} (strata are used in the "
            f"order given; kept {used})",
            stacklevel=2,
        )
    stratum = _join_keys(keys).to_numpy(dtype=object) if keys else np.full(len(base), "all", dtype=object)

    names, inverse = np.unique(stratum.astype(str), return_inverse=True)
    sizes = np.bincount(inverse, minlength=len(names))
    if oversample_uncertain and confidence in base.columns:
        conf = pd.to_numeric(base[confidence], errors="coerce").to_numpy(dtype=float)
        sums = np.bincount(inverse, weights=np.nan_to_num(conf, nan=0.0), minlength=len(names))
        counts = np.bincount(inverse, weights=(~np.isnan(conf)).astype(float), minlength=len(names))
        with np.errstate(invalid="ignore", divide="ignore"):
            mean = np.where(counts > 0, sums / np.maximum(counts, 1), 0.5)
        mean = np.clip(mean, 0.05, 0.95)
        scores = np.sqrt(mean * (1 - mean))
    else:
        scores = np.ones(len(names))

    floor = int(min_per_stratum)
    lower = np.minimum(floor, sizes)
    if n < sizes.sum() and lower.sum() > n:
        lower = np.minimum(1, sizes)
        if lower.sum() > n:  # a single strata column with more values than n
            warnings.warn(
                f"{len(names)} strata for n={n}: drawing one post per stratum, {len(names)} posts", stacklevel=2
            )
            n = int(lower.sum())
        else:
            warnings.warn(
                f"{len(names)} strata with at least {floor} posts each exceed n={n}: "
                "drawing at least one post per stratum instead",
                stacklevel=2,
            )
    alloc = _allocate(sizes, scores, n, lower)

    rng = np.random.default_rng(seed)
    chosen: list[np.ndarray] = []
    grouped = np.split(np.argsort(inverse, kind="stable"), np.cumsum(sizes)[:-1])
    for h, members in enumerate(grouped):
        chosen.append(np.sort(rng.choice(members, size=int(alloc[h]), replace=False)))
    picked = np.concatenate(chosen) if chosen else np.array([], dtype=int)
    picked = picked[rng.permutation(len(picked))]

    out = base.iloc[picked].copy()
    if band is not None:
        out["confidence_band"] = band.to_numpy()[picked]
    h = inverse[picked]
    out["stratum"] = names[h].astype(object)
    out["stratum_size"] = sizes[h].astype(int)
    out["stratum_sample"] = alloc[h].astype(int)
    out["inclusion_prob"] = alloc[h] / sizes[h]
    out["weight"] = sizes[h] / alloc[h]
    out = out.reset_index(drop=True)
    out.attrs["strata"] = list(used)
    return out


def simulate(
    posts: pd.DataFrame,
    *,
    labels: str,
    n: int = 300,
    seed: int = 0,
    reviewers: Sequence[str] = ("reviewer_1", "reviewer_2"),
    disagreement: float = 0.1,
    **sample_kwargs,
) -> pd.DataFrame:
    """A filled review drawn from posts that already carry gold labels (a labelled dataset, or the
    sample scenario): a :func:`draw_sample` of ``n`` posts whose ``label_<reviewer>`` columns copy the
    ``labels`` column, each reviewer independently replacing it by another label with probability
    ``disagreement`` (human reviewers do not agree perfectly). For workshops and for testing the review
    loop end to end; write it with :func:`kit.io.review.write_review_csv`.

    Parameters
    ----------
    posts
        Post table with the gold labels in column ``labels`` (and the prediction columns).
    labels
        Column of gold labels (``negative/neutral/positive``).
    n, seed
        Sample size and seed (of the draw; the reviewers' disagreements use ``seed + 1``).
    reviewers
        One ``label_<reviewer>`` column per name.
    disagreement
        Probability that a reviewer replaces the gold label by another.
    **sample_kwargs
        Passed to :func:`draw_sample` (e.g. ``strata``).

    Returns
    -------
    DataFrame
        The :func:`draw_sample` sample with the ``label_<reviewer>`` columns filled.

    Examples
    --------
    >>> import pandas as pd
    >>> posts = pd.DataFrame({"post_id": [str(i) for i in range(30)], "sentiment": ["negative", "positive"] * 15,
    ...                       "gold": ["negative"] * 30})
    >>> s = simulate(posts, labels="gold", n=10, reviewers=["ana"], disagreement=0.0, strata=("sentiment",))
    >>> len(s), s["label_ana"].unique().tolist()
    (10, ['negative'])
    """
    sample = draw_sample(posts, n, seed=seed, **sample_kwargs)
    rng = np.random.default_rng(seed + 1)
    gold = sample[labels].astype("string")
    for name in reviewer_names(reviewers):
        flip = rng.random(len(sample)) < disagreement
        other = np.array(LABELS, dtype=object)[rng.integers(0, len(LABELS), len(sample))]
        values = np.where(flip & (other != gold.to_numpy(dtype=object)), other, gold.to_numpy(dtype=object))
        sample[f"label_{name}"] = pd.array(values, dtype="string")
    return sample
