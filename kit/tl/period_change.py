"""The change of the headline KPIs between two periods, judged by a test of the difference, and the collection
gaps that would otherwise read as a fall.

- counts (mentions, unique authors): Poisson rate test of the two counts over periods of the same length
  (:func:`statsmodels.stats.rates.test_poisson_2indep`, ``etest``, the score test above 10,000);
- shares (share of voice, and the positive share among polar posts behind net sentiment): two-proportion
  score test (:func:`statsmodels.stats.proportion.test_proportions_2indep`);
- sums of interactions, reach and engagement rates are not tested: one viral post makes them move, their
  posts are not independent events (the table says so instead of a p-value).

*significant* means that test's p-value is below ``alpha``. An actor with no mention at all in one period
while the other period had many (:func:`collection_gaps`) is a likely hole in the collection: its changes
are not called significant and the note says why.

>>> import pandas as pd
>>> gaps = collection_gaps(pd.DataFrame({"actor": ["A"] * 40}), pd.DataFrame({"actor": ["A"] * 40 + ["B"] * 30}),
...                        actors=["A", "B"])
>>> gaps[["actor", "period", "other"]].values.tolist()
[['B', 'current', 30]]
"""

from __future__ import annotations

import warnings

import numpy as np
import pandas as pd

__all__ = ["MIN_BEFORE_GAP", "count_test", "share_test", "collection_gaps", "gap_note", "compare_periods"]

#: An actor with 0 mentions in a period while the other had at least this many is a likely collection gap:
#: a steady Poisson count of 10 is 0 with probability exp(-10) = 0.005 %.
MIN_BEFORE_GAP = 10

_NOT_TESTED = "not tested: a sum or rate over posts that are not independent events (one viral post moves it)"
_COLUMNS = [
    "metric",
    "current",
    "previous",
    "change",
    "relative_change",
    "low",
    "high",
    "test",
    "p_value",
    "significant",
    "note",
]


def count_test(current: float, previous: float) -> tuple[float, str]:
    """p-value of the difference of two counts over periods of the same length (Poisson rate test).

    Parameters
    ----------
    current, previous
        The two counts.

    Returns
    -------
    (float, str)
        The two-sided p-value (NaN when a count is missing) and the test's name.

    Examples
    --------
    >>> p, name = count_test(130, 100)
    >>> round(p, 3), name
    (0.048, 'Poisson rate test (E-test)')
    >>> count_test(5, 5)[0]
    1.0
    """
    from statsmodels.stats.rates import test_poisson_2indep

    if not (np.isfinite(current) and np.isfinite(previous)):
        return np.nan, ""
    method = "etest" if max(current, previous) <= 10_000 else "score"
    name = "Poisson rate test (E-test)" if method == "etest" else "Poisson rate test (score)"
    if current == previous:
        return 1.0, name
    with np.errstate(all="ignore"), warnings.catch_warnings():
        warnings.simplefilter("ignore", RuntimeWarning)
        p = test_poisson_2indep(int(current), 1.0, int(previous), 1.0, method=method).pvalue
    return float(p), name


def share_test(current: tuple[int, int], previous: tuple[int, int]) -> tuple[float, str]:
    """p-value of the difference of two shares (two-proportion score test).

    Parameters
    ----------
    current, previous
        ``(count, total)`` of each period's share.

    Returns
    -------
    (float, str)
        The two-sided p-value (NaN when a period has no denominator) and the test's name.

    Examples
    --------
    >>> p, name = share_test((300, 500), (250, 500))
    >>> round(p, 4), name
    (0.0015, 'two-proportion score test')
    >>> share_test((0, 0), (5, 10))[0]
    nan
    """
    from statsmodels.stats.proportion import test_proportions_2indep

    name = "two-proportion score test"
    (count_current, total_current), (count_previous, total_previous) = current, previous
    if not (total_current > 0 and total_previous > 0):
        return np.nan, name
    if count_current * total_previous == count_previous * total_current:
        return 1.0, name
    with np.errstate(all="ignore"), warnings.catch_warnings():
        warnings.simplefilter("ignore", RuntimeWarning)
        p = test_proportions_2indep(
            int(count_current), int(total_current), int(count_previous), int(total_previous), method="score"
        ).pvalue
    return float(p), name


def collection_gaps(current: pd.DataFrame, previous: pd.DataFrame, *, actors, min_other: int = MIN_BEFORE_GAP):
    """Actors with no mention at all in one period while the other period had at least ``min_other``.

    Such a drop to zero is far more often a hole in the collection (a query or a connector that stopped,
    an export cut short) than a fall: the report flags it instead of calling it significant.

    Parameters
    ----------
    current, previous
        The mentions of the two periods (:func:`kit.tl.mentions.mentions`), with an ``actor`` column.
    actors
        The actors to check.
    min_other
        Fewest mentions in the other period for a zero to count as a gap.

    Returns
    -------
    DataFrame
        ``actor, period, other`` (``period``: the period with no mention, ``"current"`` or ``"previous"``;
        ``other``: the mentions of the other period).

    Examples
    --------
    >>> import pandas as pd
    >>> collection_gaps(pd.DataFrame({"actor": []}), pd.DataFrame({"actor": ["A"] * 3}), actors=["A"]).empty
    True
    """
    now = current["actor"].value_counts() if len(current) else pd.Series(dtype="int64")
    before = previous["actor"].value_counts() if len(previous) else pd.Series(dtype="int64")
    rows = []
    for actor in actors:
        c, p = int(now.get(actor, 0)), int(before.get(actor, 0))
        if c == 0 and p >= min_other:
            rows.append({"actor": actor, "period": "current", "other": p})
        elif p == 0 and c >= min_other:
            rows.append({"actor": actor, "period": "previous", "other": c})
    return pd.DataFrame(rows, columns=["actor", "period", "other"])


def gap_note(gap) -> str:
    """The sentence for one row of :func:`collection_gaps`.

    Parameters
    ----------
    gap
        A row (mapping) with ``actor``, ``period`` and ``other``.

    Returns
    -------
    str

    Examples
    --------
    >>> gap_note({"actor": "Railix", "period": "current", "other": 412})
    'likely collection gap: no mention of Railix in the current period after 412 in the previous one (check the export)'
    """
    other = "previous" if gap["period"] == "current" else "current"
    after = "after" if gap["period"] == "current" else "against"
    return (
        f"likely collection gap: no mention of {gap['actor']} in the {gap['period']} period {after} "
        f"{int(gap['other']):,} in the {other} one (check the export)"
    )


def _polar(m: pd.DataFrame, sentiment: str | None) -> tuple[int, int]:
    if not sentiment or sentiment not in m.columns:
        return 0, 0
    labels = m[sentiment].astype("string")
    return int((labels == "positive").sum()), int(labels.isin(["positive", "negative"]).sum())


def compare_periods(
    current: pd.DataFrame,
    previous: pd.DataFrame,
    *,
    brand: str,
    competitors=(),
    sentiment: str | None = "sentiment",
    alpha: float = 0.05,
) -> pd.DataFrame:
    """Headline KPIs of two periods of the same length side by side, each change judged by a test.

    Parameters
    ----------
    current, previous
        The post tables of the two periods.
    brand, competitors, sentiment
        As in :func:`kit.tl.metrics.headline`.
    alpha
        Level under which a test's p-value makes the change *significant*.

    Returns
    -------
    DataFrame
        ``metric, current, previous, change, relative_change, low, high, test, p_value, significant, note``:
        ``low``/``high`` the 95 % interval of the current share; ``test`` the test used (or why none);
        ``significant`` True/False where tested, None otherwise; ``note`` the collection gap behind a change.
        ``attrs["gaps"]`` holds :func:`collection_gaps` and ``attrs["note"]`` one sentence about them.

    Examples
    --------
    >>> import pandas as pd
    >>> now = pd.DataFrame({"actor": ["B"] * 60 + ["R"] * 40, "actor_role": None, "sentiment": "neutral"})
    >>> before = pd.DataFrame({"actor": ["B"] * 30 + ["R"] * 70, "actor_role": None, "sentiment": "neutral"})
    >>> t = compare_periods(now, before, brand="B", competitors=["R"]).set_index("metric")
    >>> sov = t.loc["share of voice"]
    >>> float(sov["current"]), float(sov["previous"]), sov["significant"]
    (0.6, 0.3, True)
    >>> gone = compare_periods(now[now["actor"] == "R"], before, brand="B", competitors=["R"]).set_index("metric")
    >>> bool(gone.loc["mentions", "significant"]), gone.loc["mentions", "note"][:22]
    (False, 'likely collection gap:')
    """
    from .mentions import mentions
    from .metrics import headline

    actors = [brand, *competitors]
    cur = headline(current, brand=brand, competitors=competitors, sentiment=sentiment)
    prev = headline(previous, brand=brand, competitors=competitors, sentiment=sentiment)
    m_cur, m_prev = mentions(current, actors=actors), mentions(previous, actors=actors)
    gaps = collection_gaps(m_cur, m_prev, actors=actors)
    brand_gap = gaps[gaps["actor"] == brand]
    brand_note = gap_note(brand_gap.iloc[0]) if len(brand_gap) else ""
    share_notes = "; ".join(gap_note(g) for _, g in gaps.iterrows())
    mine_c, mine_p = m_cur[m_cur["actor"] == brand], m_prev[m_prev["actor"] == brand]
    tests = {
        "mentions": count_test(cur["mentions"], prev["mentions"]),
        "unique authors": count_test(cur["unique authors"], prev["unique authors"])
        if cur["unique authors"] + prev["unique authors"] > 0
        else (np.nan, "not tested: no author in the data"),
        "share of voice": share_test((len(mine_c), len(m_cur)), (len(mine_p), len(m_prev))),
    }
    if "net sentiment" in cur:
        tests["net sentiment"] = share_test(_polar(mine_c, sentiment), _polar(mine_p, sentiment))
        tests["net sentiment"] = (tests["net sentiment"][0], "two-proportion score test (positive among polar)")
    rows = []
    for metric, c in cur.items():
        p = prev.get(metric)
        share = isinstance(c, tuple)
        value_c, value_p = (c[0], p[0]) if share else (c, p)
        pval, test = tests.get(metric, (np.nan, _NOT_TESTED))
        note = share_notes if metric == "share of voice" else brand_note
        significant = None if not np.isfinite(pval) else bool(pval < alpha)
        if note and significant is not None:
            significant = False  # a hole in the collection is not a change in the conversation
        with np.errstate(all="ignore"):
            relative = (value_c - value_p) / value_p if not share and value_p and np.isfinite(value_p) else np.nan
        rows.append(
            {
                "metric": metric,
                "current": value_c,
                "previous": value_p,
                "change": value_c - value_p,
                "relative_change": relative,
                "low": c[1] if share else np.nan,
                "high": c[2] if share else np.nan,
                "test": test,
                "p_value": pval,
                "significant": significant,
                "note": note,
            }
        )
    out = pd.DataFrame(rows, columns=_COLUMNS)
    out.attrs["gaps"] = gaps
    out.attrs["note"] = (
        "Each change is judged by a test of the difference between the two periods (p-value below "
        f"{alpha:g}: significant); sums of interactions, reach and rates are not tested."
        if gaps.empty
        else "Likely collection gaps, not falls: "
        + "; ".join(gap_note(g).removeprefix("likely collection gap: ") for _, g in gaps.iterrows())
        + "."
    )
    return out
