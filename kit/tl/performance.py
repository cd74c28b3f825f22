"""Performance of the own posts: interactions and engagement rates, medians with bootstrap intervals.

:func:`engagement` adds per-post measures (interactions, rates by followers, views and reach, hour band,
weekday, paid); :func:`performance` gives the median post per group with a percentile-bootstrap interval
(:func:`kit._stats.bootstrap_quantile`), so one viral post does not move it; :func:`benchmarks` sets the
median rate by followers against published platform averages (:data:`BENCHMARKS`).

>>> hour_band([0, 19, 23]).tolist()
['00-02', '18-20', '21-23']
"""

from __future__ import annotations

import numpy as np
import pandas as pd

from .._stats import bootstrap_quantile
from .inventory import WEEKDAYS
from .metrics import INTERACTIONS

__all__ = [
    "HOUR_BANDS",
    "BENCHMARKS",
    "BENCHMARK_SOURCE",
    "hour_band",
    "engagement",
    "performance",
    "benchmarks",
]

HOUR_BANDS = tuple((f"{h:02d}-{h + 2:02d}", h, h + 2) for h in range(0, 24, 3))
"""Three-hour bands of the day (``"18-20"`` is 18:00 to 20:59), used to group posting hours."""


def _shipped() -> pd.DataFrame:
    from ..datasets._benchmarks import BENCHMARK_ROWS

    return pd.DataFrame(list(BENCHMARK_ROWS))


BENCHMARKS = dict(zip(_shipped()["platform"], _shipped()["rate"]))
"""``{platform: rate}`` of the shipped benchmarks (:data:`kit.datasets._benchmarks.BENCHMARK_ROWS`: averages)."""
BENCHMARK_SOURCE = str(_shipped()["source"].iloc[0])

_RATES = ("rate_followers", "rate_views", "rate_reach")


def hour_band(hours) -> pd.Series:
    """The three-hour band (:data:`HOUR_BANDS`) of each hour.

    Parameters
    ----------
    hours
        Hours 0-23 (any sequence).

    Returns
    -------
    Series
        The band names (string dtype).

    Examples
    --------
    >>> hour_band([9, 10, 11]).tolist()
    ['09-11', '09-11', '09-11']
    """
    labels = {h: name for name, lo, hi in HOUR_BANDS for h in range(lo, hi + 1)}
    return pd.Series(hours).map(labels).astype("string")


def engagement(own: pd.DataFrame, *, tz: str = "UTC", followers: str = "author_followers") -> pd.DataFrame:
    """Per-post engagement measures.

    Parameters
    ----------
    own
        Own posts (:func:`kit.tl.owned.own_posts`).
    tz
        Time zone of ``hour`` and ``weekday``.
    followers
        Column holding the follower count of the posting account.

    Returns
    -------
    DataFrame
        A copy of ``own`` with ``interactions`` (likes + shares + comments + quotes unless present),
        ``rate_followers``, ``rate_views``, ``rate_reach`` (NaN where the denominator is missing or 0),
        ``hour``, ``hour_band``, ``weekday`` and ``day`` (in ``tz``), and ``paid_label`` (paid / organic /
        unknown).

    Examples
    --------
    >>> import pandas as pd
    >>> own = pd.DataFrame({"likes": [5, 0], "shares": [5, 0], "author_followers": [1000, 0],
    ...                     "created_at": pd.to_datetime(["2026-01-05 19:00", "2026-01-06 08:00"], utc=True)})
    >>> per = engagement(own)
    >>> per["rate_followers"].tolist(), per["hour_band"].tolist(), per["paid_label"].tolist()
    ([0.01, nan], ['18-20', '06-08'], ['unknown', 'unknown'])
    """
    out = own.copy()
    if "interactions" not in out.columns:
        present = [c for c in INTERACTIONS if c in out.columns]
        out["interactions"] = (
            out[present].apply(pd.to_numeric, errors="coerce").fillna(0).sum(axis=1) if present else 0
        ).astype("int64")
    inter = out["interactions"].astype(float)
    for name, col in zip(_RATES, (followers, "views", "reach")):
        denom = (
            pd.to_numeric(out[col], errors="coerce").astype(float)
            if col in out.columns
            else pd.Series(np.nan, index=out.index)
        )
        out[name] = np.where(denom > 0, inter / denom.where(denom > 0, 1.0), np.nan)
    if len(out):
        local = out["created_at"].dt.tz_convert(tz)
        out["hour"] = local.dt.hour.astype("int64")
        out["weekday"] = local.dt.day_of_week.astype("int64")
    else:
        out["hour"] = pd.Series(dtype="int64")
        out["weekday"] = pd.Series(dtype="int64")
    out["hour_band"] = hour_band(out["hour"]).to_numpy()
    out["day"] = out["weekday"].map(dict(enumerate(WEEKDAYS)))
    paid = out["paid"] if "paid" in out.columns else pd.Series(pd.NA, index=out.index, dtype="boolean")
    out["paid_label"] = paid.astype("boolean").map({True: "paid", False: "organic"}).astype("string").fillna("unknown")
    return out


def _performance_columns(by: list) -> list:
    cols = by + ["posts", "median_interactions", "median_interactions_low", "median_interactions_high"]
    cols += ["mean_interactions", "median_rate_followers", "median_rate_followers_low", "median_rate_followers_high"]
    for rate in ("views", "reach"):
        cols += [f"posts_with_{rate}", f"median_rate_{rate}", f"median_rate_{rate}_low", f"median_rate_{rate}_high"]
    return cols


def performance(
    own: pd.DataFrame,
    by="actor",
    *,
    n_boot: int = 1000,
    seed: int = 0,
    level: float = 0.95,
    tz: str = "UTC",
    min_posts: int = 1,
) -> pd.DataFrame:
    """Engagement per group: medians with percentile-bootstrap intervals.

    Parameters
    ----------
    own
        Own posts (or the output of :func:`engagement`).
    by
        Column(s) to group by: any column of :func:`engagement`'s output, e.g. ``"actor"``,
        ``["actor", "media_format"]``, ``"hour_band"``, ``"paid_label"``, ``"platform"``.
    n_boot, seed, level
        Bootstrap resamples, their seed (one generator for all groups, in group order) and the
        interval's level (:func:`kit._stats.bootstrap_quantile`).
    tz
        Time zone for :func:`engagement` when ``own`` has not been through it.
    min_posts
        Groups with fewer posts are left out.

    Returns
    -------
    DataFrame
        One row per group with ``posts``, ``median_interactions`` (+ ``_low``/``_high``),
        ``mean_interactions`` (for contrast: pulled up by viral posts), ``median_rate_followers``
        (+ interval), ``posts_with_views``, ``median_rate_views`` (+ interval), ``posts_with_reach``
        and ``median_rate_reach`` (+ interval). A group of one post has no interval (NaN bounds).

    Examples
    --------
    >>> import pandas as pd
    >>> own = pd.DataFrame({"actor": ["a"] * 5, "likes": [1, 2, 3, 4, 100], "author_followers": 100,
    ...                     "created_at": pd.Timestamp("2026-01-05", tz="UTC")})
    >>> row = performance(own, n_boot=200).iloc[0]
    >>> float(row["median_interactions"]), float(row["mean_interactions"])
    (3.0, 22.0)
    """
    per = own if "rate_followers" in own.columns else engagement(own, tz=tz)
    by = [by] if isinstance(by, str) else list(by)
    rng = np.random.default_rng(seed)
    rows = []
    keys = [per[c].astype("string").fillna("(none)") for c in by]
    if len(per):
        for key, part in per.groupby(keys, sort=True, observed=True):
            key = key if isinstance(key, tuple) else (key,)
            if len(part) < min_posts:
                continue
            row = dict(zip(by, key))
            row["posts"] = len(part)
            inter = part["interactions"].to_numpy(dtype=float)
            row["median_interactions"] = float(np.median(inter))
            row["median_interactions_low"], row["median_interactions_high"] = bootstrap_quantile(
                inter, 0.5, n_boot=n_boot, level=level, rng=rng
            )
            row["mean_interactions"] = float(inter.mean())
            for rate in _RATES:
                vals = part[rate].to_numpy(dtype=float)
                ok = vals[~np.isnan(vals)]
                if rate != "rate_followers":
                    row[f"posts_with_{rate[5:]}"] = int(len(ok))
                row[f"median_{rate}"] = float(np.median(ok)) if len(ok) else np.nan
                row[f"median_{rate}_low"], row[f"median_{rate}_high"] = bootstrap_quantile(
                    vals, 0.5, n_boot=n_boot, level=level, rng=rng
                )
            rows.append(row)
    return pd.DataFrame(rows, columns=_performance_columns(by))


def _reference(reference) -> pd.DataFrame:
    """The benchmark table: shipped, a ``{platform: rate}`` dict (a mean of unknown source), or a table."""
    if reference is None:
        return _shipped()
    if isinstance(reference, dict):
        return pd.DataFrame(
            {"platform": list(reference), "rate": [float(v) for v in reference.values()], "statistic": "mean"}
            | {"year": np.nan, "source": "given"}
        )
    table = pd.DataFrame(reference).copy()
    missing = {"platform", "rate", "statistic"} - set(table.columns)
    if missing:
        raise ValueError(f"a benchmark table needs the columns platform, rate, statistic; {sorted(missing)} missing")
    if not table["statistic"].isin(["mean", "median"]).all():
        raise ValueError("a benchmark's statistic is 'mean' or 'median', as its source says")
    return table.assign(platform=table["platform"].astype(str).str.lower())


def _mean_interval(values: np.ndarray, *, n_boot: int, level: float, rng) -> tuple[float, float]:
    values = values[~np.isnan(values)]
    if len(values) < 2 or np.ptp(values) == 0:
        return (float(values[0]), float(values[0])) if len(values) >= 2 else (np.nan, np.nan)
    from scipy.stats import bootstrap

    ci = bootstrap((values,), np.mean, n_resamples=n_boot, confidence_level=level, method="percentile", rng=rng)
    return float(ci.confidence_interval.low), float(ci.confidence_interval.high)


def benchmarks(
    own: pd.DataFrame,
    *,
    by=("actor", "platform"),
    n_boot: int = 1000,
    seed: int = 0,
    level: float = 0.95,
    reference=None,
) -> pd.DataFrame:
    """Engagement rate by followers per actor and platform against published platform benchmarks, statistic
    against the same statistic: an average (mean) benchmark against the mean rate of the group's posts, a median
    against the median post (each with a bootstrap interval).

    Parameters
    ----------
    own
        Own posts (or the output of :func:`engagement`).
    by
        The grouping; it must include ``platform`` for a benchmark to apply.
    n_boot, seed, level
        As in :func:`performance`.
    reference
        The benchmarks: None (the shipped table, :data:`kit.datasets._benchmarks.BENCHMARK_ROWS`), a table with
        ``platform, rate, statistic`` and optionally ``year, source`` (:func:`kit.io.benchmarks.read`), or a
        ``{platform: rate}`` dict (taken as means of an unnamed source).

    Returns
    -------
    DataFrame
        The :func:`performance` columns for the rate by followers, ``mean_rate_followers`` (+ ``_low``/``_high``),
        then ``statistic`` (the one compared), ``rate``, ``rate_low``, ``rate_high`` (the group's value of that
        statistic), ``benchmark``, ``benchmark_year``, ``benchmark_source``, ``data_year``, ``times_benchmark``
        (rate / benchmark), ``verdict`` ("above", "below", "within" according to whether the interval lies
        above, below or around the benchmark; "no benchmark" where none is given; "too few posts" where the
        group has no interval) and ``note`` (the years apart, when the benchmark is older than the data).

    Examples
    --------
    >>> import pandas as pd
    >>> own = pd.DataFrame({"actor": "a", "platform": "instagram", "likes": [300] * 10,
    ...                     "author_followers": 10_000, "created_at": pd.Timestamp("2026-01-05", tz="UTC")})
    >>> benchmarks(own, n_boot=50)[["statistic", "benchmark", "times_benchmark", "verdict"]].values.tolist()
    [['mean', 0.0116, 2.59, 'above']]
    >>> benchmarks(own.head(1), n_boot=50)["verdict"].tolist()
    ['too few posts']
    """
    table = _reference(reference)
    per = own if "rate_followers" in own.columns else engagement(own)
    perf = performance(per, list(by), n_boot=n_boot, seed=seed, level=level)
    out = perf[
        list(by) + ["posts", "median_rate_followers", "median_rate_followers_low", "median_rate_followers_high"]
    ].copy()
    rng = np.random.default_rng(seed)
    keys = [per[c].astype("string").fillna("(none)") for c in by]
    means = {}
    if len(per):
        for key, part in per.groupby(keys, sort=True, observed=True):
            vals = part["rate_followers"].to_numpy(dtype=float)
            ok = vals[~np.isnan(vals)]
            key = key if isinstance(key, tuple) else (key,)
            means[key] = (
                float(ok.mean()) if len(ok) else np.nan,
                *_mean_interval(vals, n_boot=n_boot, level=level, rng=rng),
            )
    index = [tuple(r) for r in out[list(by)].astype("string").fillna("(none)").itertuples(index=False)]
    for j, name in enumerate(("mean_rate_followers", "mean_rate_followers_low", "mean_rate_followers_high")):
        out[name] = [means.get(k, (np.nan,) * 3)[j] for k in index]
    ref = table.set_index("platform") if "platform" in out.columns else table.iloc[:0].set_index("platform")
    platform = out["platform"].astype(str).str.lower() if "platform" in out.columns else pd.Series("", index=out.index)
    out["statistic"] = platform.map(ref["statistic"]).fillna("median").to_numpy()
    median = out["statistic"] == "median"
    for part in ("", "_low", "_high"):
        out[f"rate{part}"] = np.where(median, out[f"median_rate_followers{part}"], out[f"mean_rate_followers{part}"])
    out["benchmark"] = platform.map(ref["rate"]).astype(float).to_numpy()
    out["benchmark_year"] = platform.map(ref["year"]).to_numpy() if "year" in ref.columns else np.nan
    out["benchmark_source"] = platform.map(ref["source"]).to_numpy() if "source" in ref.columns else None
    data_year = int(per["created_at"].dt.year.max()) if len(per) and "created_at" in per.columns else np.nan
    out["data_year"] = data_year
    out["times_benchmark"] = (out["rate"] / out["benchmark"]).round(2)
    low, high = out["rate_low"], out["rate_high"]
    out["verdict"] = np.select(
        [out["benchmark"].isna(), low.isna() | high.isna(), low > out["benchmark"], high < out["benchmark"]],
        ["no benchmark", "too few posts", "above", "below"],
        "within",
    )
    years = pd.to_numeric(out["benchmark_year"], errors="coerce")
    apart = data_year - years
    out["note"] = [
        f"the benchmark is of {int(y)}, the data of {data_year}: platforms' rates have moved since"
        if pd.notna(y) and pd.notna(a) and a >= 1
        else ""
        for y, a in zip(years, apart)
    ]
    return out
