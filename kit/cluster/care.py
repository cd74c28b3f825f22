"""The customer-care summary on the cluster: cases, response rate, exact median and 90th percentile of response times.

Two passes over the posts, in one Dask computation, and only three numbers and a histogram come back:

1. Each partition gives the 64-bit hashes of the brand's post ids and, per parent post, the time of the brand's
   earliest reply (:func:`kit.cluster.reduce.hash_ids`); these are merged on the workers in a tree
   (:func:`kit.cluster.reduce.tree`) into two sorted numpy arrays, with the latest post time (``as_of``).
2. That root goes once to each worker; each partition finds its cases as :func:`kit.tl.care.cases` does (replies
   to a brand post or posts tagged with the brand, not reposts, not by a tracked account, with one of the
   intents) and returns their number, how many are open, and the histogram of whole seconds to first
   response; the histograms are added up on the workers.

The summary is then :func:`kit.tl.care.summary`'s, computed from the histogram
(:func:`kit._stats.quantile_counts`, :func:`kit._stats.bootstrap_quantile_counts`): the same numbers as
:func:`kit.tl.care.summary` on the case table rebuilt from it, with the cost of the histogram (bounded by
the longest response time), whatever the number of posts.
"""

from __future__ import annotations

import numpy as np
import pandas as pd

from .._stats import bootstrap_quantile_counts, quantile_counts, wilson
from .._text import normalise_handle
from ..tl import care as _care
from .reduce import hash_ids, lookup, narrow, tree

__all__ = ["care_summary", "summary_from_histogram"]

_NS = 10**9
_EMPTY = {
    "ids": np.zeros(0, np.uint64),
    "parents": np.zeros(0, np.uint64),
    "replied": np.zeros(0, np.int64),
    "last": pd.NaT,
}
_TRACKED = ["brand", "competitor", "media", "employee"]


def _own(handles: pd.Series, own) -> np.ndarray:
    """``handle_keys(handles).isin(own)``, normalising each distinct handle once."""
    codes, distinct = pd.factorize(handles)
    mine = np.array([normalise_handle(h) in own for h in distinct] + [False], dtype=bool)
    return mine[codes]  # code -1 (missing) -> the trailing False


def _ns(times: pd.Series) -> np.ndarray:
    return times.dt.as_unit("ns").astype("int64").to_numpy()


def _brand_part(part: pd.DataFrame, own) -> dict:
    mine = _own(part["author_handle"], own)
    ids = part.loc[mine, "post_id"].dropna()
    reply = mine & (part["kind"] == "reply").fillna(False).to_numpy(dtype=bool)
    reply &= part["parent_id"].notna().to_numpy(dtype=bool)
    first = pd.Series(_ns(part.loc[reply, "created_at"]), index=hash_ids(part.loc[reply, "parent_id"]))
    return {
        "ids": np.unique(hash_ids(ids)),
        "first": first.groupby(level=0).min(),
        "last": part["created_at"].max() if len(part) else pd.NaT,
    }


def _brand_combine(*parts) -> dict:
    lasts = [p["last"] for p in parts if pd.notna(p["last"])]
    return {
        "ids": np.unique(np.concatenate([p["ids"] for p in parts])),
        "first": pd.concat([p["first"] for p in parts]).groupby(level=0).min(),
        "last": max(lasts) if lasts else pd.NaT,
    }


def _brand_finish(root: dict) -> dict:
    first = root["first"].sort_index()
    return {
        "ids": root["ids"],
        "parents": first.index.to_numpy(dtype=np.uint64),
        "replied": first.to_numpy(dtype=np.int64),
        "last": root["last"],
    }


def _case_part(part, own, brand, intents, intent_column, known, as_of, open_after_hours) -> dict:
    by_brand = _own(part["author_handle"], own)
    has_parent = part["parent_id"].notna().to_numpy(dtype=bool)
    about = np.zeros(len(part), dtype=bool)
    about[has_parent] = lookup(known["ids"], hash_ids(part.loc[has_parent, "parent_id"]))[1]
    if brand is not None:
        about |= (part["actor"] == brand).fillna(False).to_numpy(dtype=bool)
    not_repost = (part["kind"] != "repost").fillna(True).to_numpy(dtype=bool)
    public = ~by_brand
    if "actor_role" in part:
        public &= ~part["actor_role"].isin(_TRACKED).fillna(False).to_numpy(dtype=bool)
    case = part.loc[about & not_repost & public]
    if intents is not None:
        case = case.loc[case[intent_column].isin(list(intents)).fillna(False).to_numpy(dtype=bool)]
    pos, responded = lookup(known["parents"], hash_ids(case["post_id"]))
    delta = known["replied"][pos[responded]] - _ns(case["created_at"])[responded] if len(known["parents"]) else []
    delta = np.asarray(delta, dtype=np.int64)
    if np.any(delta % _NS):
        raise ValueError("response times with fractions of a second: the histogram of whole seconds would round them")
    as_of = known["last"] if as_of is None else as_of
    age = (as_of - case["created_at"]).dt.total_seconds().to_numpy(dtype=float) / 3600
    seconds, n = np.unique(delta // _NS, return_counts=True)
    return {
        "cases": len(case),
        "open": int(np.sum(~responded & (age > open_after_hours))),
        "histogram": pd.Series(n, index=seconds, dtype="int64"),
    }


def _case_table(part, own, brand, intents, intent_column, known, as_of, open_after_hours) -> pd.DataFrame:
    """:func:`_case_part` as a small frame: one row per whole second answered, then a ``head`` row (cases, open)."""
    got = _case_part(part, own, brand, intents, intent_column, known, as_of, open_after_hours)
    h = got["histogram"]
    return pd.DataFrame(
        {
            "head": np.r_[np.zeros(len(h), bool), True],
            "seconds": np.r_[h.index.to_numpy(dtype=np.int64), 0],
            "n": np.r_[h.to_numpy(dtype=np.int64), got["cases"]],
            "open": np.r_[np.zeros(len(h), np.int64), got["open"]],
        }
    )


def _case_combine(*tables) -> pd.DataFrame:
    return pd.concat(tables, ignore_index=True).groupby(["head", "seconds"], as_index=False)[["n", "open"]].sum()


def _same(table):
    return table


def summary_from_histogram(
    histogram: pd.Series, *, cases: int, open_cases: int, level: float = 0.95, n_boot: int = 1000, seed: int = 0
) -> pd.DataFrame:
    """:func:`kit.tl.care.summary` (one overall row) of ``cases`` cases, from the histogram of their response times.

    Parameters
    ----------
    histogram
        Answered cases per whole second to first response (index: seconds, values: counts).
    cases, open_cases
        All cases (answered or not), and the unanswered ones older than the open threshold.
    level, n_boot, seed
        As in :func:`kit.tl.care.summary` (the same seeded resamples below
        :data:`kit._stats.EXACT_BOOTSTRAP_FROM` answered cases, the exact bootstrap law from it on).

    Returns
    -------
    DataFrame
        The columns of :func:`kit.tl.care.summary`.

    Examples
    --------
    >>> row = summary_from_histogram(pd.Series([3, 1], index=[3600, 7200]), cases=6, open_cases=1).iloc[0]
    >>> int(row["responded"]), float(row["median_hours"]), float(row["response_rate"])
    (4, 1.0, 0.666...)
    """
    rng = np.random.default_rng(seed)
    hours = histogram.index.to_numpy(dtype=float) / 3600
    counts = histogram.to_numpy(dtype=np.int64)
    k = int(counts.sum())
    low, high = wilson(k, cases, level) if cases else (np.nan, np.nan)
    m_low, m_high = bootstrap_quantile_counts(hours, counts, 0.5, n_boot=n_boot, level=level, rng=rng)
    p_low, p_high = bootstrap_quantile_counts(hours, counts, 0.9, n_boot=n_boot, level=level, rng=rng)
    row = {
        "cases": cases,
        "responded": k,
        "response_rate": k / cases if cases else np.nan,
        "rate_low": low,
        "rate_high": high,
        "median_hours": quantile_counts(hours, counts, 0.5),
        "median_low": m_low,
        "median_high": m_high,
        "p90_hours": quantile_counts(hours, counts, 0.9),
        "p90_low": p_low,
        "p90_high": p_high,
        "open_cases": int(open_cases),
    }
    empty = _care.summary(pd.DataFrame({"responded": [], "hours_to_response": [], "open": []}))
    return pd.DataFrame([row], columns=list(empty.columns))


def care_summary(
    frame,
    *,
    brand_handles,
    brand: str | None = None,
    intents=_care.DEFAULT_INTENTS,
    intent_column: str = "intent",
    open_after_hours: float = 24.0,
    as_of=None,
    level: float = 0.95,
    n_boot: int = 1000,
    seed: int = 0,
) -> pd.DataFrame:
    """:func:`kit.tl.care.summary` of :func:`kit.tl.care.cases` computed on the cluster (see the module).

    ``intent_column`` must hold the intents (detected on the cluster beforehand, or labelled by a team).

    Returns
    -------
    DataFrame
        One overall row: ``cases, responded, response_rate, rate_low, rate_high, median_hours, median_low,
        median_high, p90_hours, p90_low, p90_high, open_cases``.
    """
    own = {normalise_handle(h) for h in brand_handles}
    columns = ["post_id", "parent_id", "author_handle", "created_at", "kind", "actor", "actor_role", intent_column]
    frame = narrow(frame, columns)
    known = tree(narrow(frame, columns[:5]), _brand_part, _brand_combine, own, finish=_brand_finish)
    if as_of is not None:
        as_of = pd.Timestamp(as_of)
        as_of = as_of.tz_localize("UTC") if as_of.tzinfo is None else as_of
    args = (own, brand, intents, intent_column, known, as_of, float(open_after_hours))
    if isinstance(frame, pd.DataFrame):
        got = _case_table(frame, *args)
    else:
        # the brand's ids merged on the cluster, then copied to every worker: otherwise the scheduler runs every
        # partition's cases on the one worker holding them (their size outweighs the task at 10M posts)
        from distributed import get_client

        client = get_client()
        known = client.compute(known)
        client.replicate([known])
        args = (own, brand, intents, intent_column, known, as_of, float(open_after_hours))
        # read, cases and histogram in one task per partition: a partition is never read ahead and held
        tables = frame.map_partitions(_case_table, *args, meta=_case_table(frame._meta, *args[:4], _EMPTY, *args[5:]))
        got = tree(tables, _same, _case_combine).compute()
    head = got[got["head"]]
    histogram = got.loc[~got["head"]].set_index("seconds")["n"]
    return summary_from_histogram(
        histogram, cases=int(head["n"].sum()), open_cases=int(head["open"].sum()), level=level, n_boot=n_boot, seed=seed
    )
