"""The change between two periods is judged by a test of the difference, and a collection gap is not a fall."""

from __future__ import annotations

import numpy as np
import pandas as pd
import pytest
from statsmodels.stats import proportion, rates

from kit.tl import metrics, period_change


def _mentions(counts: dict, *, positive: float = 0.5, authors: bool = True) -> pd.DataFrame:
    rows = []
    for actor, n in counts.items():
        for i in range(n):
            rows.append(
                {
                    "actor": actor,
                    "actor_role": None,
                    "sentiment": "positive" if i < positive * n else "negative",
                    "author_handle": f"{actor}{i}" if authors else None,
                    "author_id": None,
                    "likes": 1,
                    "shares": 0,
                    "comments": 0,
                    "quotes": 0,
                    "views": 100.0,
                    "author_followers": 10.0,
                    "reach": None,
                }
            )
    return pd.DataFrame(rows)


def test_the_p_values_are_those_of_the_tests_named():
    now, before = _mentions({"B": 130, "R": 70}), _mentions({"B": 100, "R": 100})
    t = metrics.compare_periods(now, before, brand="B", competitors=["R"]).set_index("metric")
    poisson = rates.test_poisson_2indep(130, 1, 100, 1, method="etest").pvalue
    share = proportion.test_proportions_2indep(130, 200, 100, 200, method="score").pvalue
    assert t.loc["mentions", "p_value"] == pytest.approx(poisson)
    assert t.loc["share of voice", "p_value"] == pytest.approx(share)
    assert t.loc["mentions", "significant"] == (poisson < 0.05) and t.loc["share of voice", "significant"]
    assert "Poisson" in t.loc["mentions", "test"] and "proportion" in t.loc["share of voice", "test"]
    # sums of interactions are not tested: no p-value, no verdict, and the table says why
    assert np.isnan(t.loc["engagement", "p_value"]) and t.loc["engagement", "significant"] is None
    assert t.loc["engagement", "test"].startswith("not tested")


def test_overlapping_intervals_can_still_differ():
    # 55 % vs 50 % of 1,000: the two Wilson intervals overlap, the test of the difference rejects
    now, before = _mentions({"B": 550, "R": 450}), _mentions({"B": 500, "R": 500})
    t = metrics.compare_periods(now, before, brand="B", competitors=["R"]).set_index("metric")
    prev = metrics.share_of_voice(before, actors=["B", "R"]).set_index("actor").loc["B"]
    assert t.loc["share of voice", "low"] < prev["high"]  # intervals overlap
    assert t.loc["share of voice", "p_value"] < 0.05 and t.loc["share of voice", "significant"]


def test_a_steady_period_is_not_significant():
    t = metrics.compare_periods(
        _mentions({"B": 100, "R": 100}), _mentions({"B": 98, "R": 102}), brand="B", competitors=["R"]
    ).set_index("metric")
    assert not t.loc["mentions", "significant"] and not t.loc["share of voice", "significant"]
    assert t.loc["net sentiment", "p_value"] == pytest.approx(1.0)
    assert t["note"].eq("").all() and "test of the difference" in t.attrs["note"]


def test_the_brand_collection_stopping_is_a_gap_not_a_fall():
    now, before = _mentions({"R": 90}), _mentions({"B": 400, "R": 100})
    t = metrics.compare_periods(now, before, brand="B", competitors=["R"]).set_index("metric")
    assert t.loc["share of voice", "current"] == 0 and t.loc["share of voice", "previous"] == pytest.approx(0.8)
    assert t.loc["share of voice", "p_value"] < 1e-10  # the test alone would call it a fall
    assert t.loc["share of voice", "significant"] is False and t.loc["mentions", "significant"] is False
    assert "likely collection gap" in t.loc["mentions", "note"] and "no mention of B" in t.loc["mentions", "note"]
    assert "400" in t.attrs["note"] and "not falls" in t.attrs["note"]


def test_a_competitor_gap_is_named_on_the_share_of_voice_only():
    now, before = _mentions({"B": 100}), _mentions({"B": 100, "R": 100})
    t = metrics.compare_periods(now, before, brand="B", competitors=["R"]).set_index("metric")
    assert t.loc["share of voice", "current"] == 1.0 and t.loc["share of voice", "significant"] is False
    assert "no mention of R" in t.loc["share of voice", "note"] and t.loc["mentions", "note"] == ""
    assert not t.loc["mentions", "significant"]


def test_a_few_mentions_gone_is_not_a_gap():
    gaps = period_change.collection_gaps(_mentions({"R": 5}), _mentions({"B": 4, "R": 5}), actors=["B", "R"])
    assert gaps.empty


def test_no_author_column_gives_unknown_authors_not_zero():
    now = _mentions({"B": 30, "R": 10}, authors=False).drop(columns=["author_handle", "author_id"])
    before = _mentions({"B": 20, "R": 10}, authors=False).drop(columns=["author_handle", "author_id"])
    t = metrics.compare_periods(now, before, brand="B", competitors=["R"]).set_index("metric")
    assert np.isnan(t.loc["unique authors", "current"]) and t.loc["unique authors", "significant"] is None
    assert t.loc["unique authors", "test"] == "not tested: no author in the data"


def test_gap_note_reads_both_ways():
    assert period_change.gap_note({"actor": "A", "period": "previous", "other": 1200}) == (
        "likely collection gap: no mention of A in the previous period against 1,200 in the current one "
        "(check the export)"
    )


def test_a_collection_stop_shows_as_zero_periods_and_gaps_over_time():
    days = pd.date_range("2026-03-02", periods=28, freq="D", tz="UTC")
    rows = [{"actor": "B", "created_at": d} for d in days[:14] for _ in range(10)]  # B stops after two weeks
    rows += [{"actor": "R", "created_at": d} for d in days for _ in range(5)]
    posts = pd.DataFrame(rows).assign(
        actor_role=None, author_handle="a", author_id="1", likes=0, shares=0, comments=0, quotes=0
    )
    weekly = metrics.kpi_series(posts, brand="B", freq="W", sentiment=None, covered_until="2026-03-30")
    assert weekly["mentions"].tolist() == [70, 70, 0, 0]  # the weeks without B are in the series, as 0
    over = metrics.share_over_time(posts, actors=["B", "R"], freq="W")
    gap = over[over["collection_gap"]]
    assert gap[["actor"]].values.tolist() == [["B"]] and gap["period"].iloc[0] == pd.Timestamp("2026-03-16", tz="UTC")
    assert over.attrs["note"].startswith(
        "Likely collection gaps, not falls: no mention of B in the period starting 16 March 2026 after 70"
    )
    from kit import pl

    fig = pl.share_over_time(over)
    assert any(t.name == "likely collection gap" for t in fig.data) and fig.layout.annotations
