"""The crisis timeline at the right scale (kit.tl.episodes) and collection gaps (kit.tl.gaps) on built series:
a sudden surge, a slow one with a daily cycle, a hole in the collection, data that starts late, two surges."""

from __future__ import annotations

import numpy as np
import pandas as pd
import pytest

from kit.tl.episodes import TIMELINE_COLUMNS, counts, crisis_timeline, surges
from kit.tl.gaps import gap_periods, gaps

T0 = pd.Timestamp("2026-03-01", tz="UTC")


def times_from_hourly(rates, *, seed: int = 0) -> pd.Series:
    """Post times drawn from hourly Poisson rates (one rate per hour from T0), spread within each hour."""
    rng = np.random.default_rng(seed)
    n = rng.poisson(np.asarray(rates, dtype=float))
    hours = np.repeat(np.arange(len(n)), n) + rng.random(n.sum())
    return pd.Series(T0 + pd.to_timedelta(np.sort(hours) * 3600, unit="s"))


def diurnal(days: int, level: float) -> np.ndarray:
    h = np.arange(days * 24)
    return level * (1 + 0.9 * np.sin(2 * np.pi * (h % 24 - 8) / 24))


def test_gaps_from_times_and_periods():
    t = times_from_hourly(np.r_[np.full(24, 5.0), np.zeros(40), np.full(24, 5.0)])
    g = gaps(t)
    assert len(g) == 1 and 40 <= g["hours"].iloc[0] < 42
    assert gaps(t, min_hours=48).empty
    idx = counts(t, scale="hourly").index
    inside = gap_periods(idx, g)
    assert inside.sum() in (39, 40, 41) and not inside[:23].any() and not inside[-23:].any()
    assert gaps(pd.Series([], dtype="datetime64[ns, UTC]")).empty


def test_sudden_surge_stays_hourly_and_keeps_surge_figures():
    rates = np.r_[np.full(72, 2.0), [40, 80, 60, 40, 25, 15, 10, 6, 4, 3], np.full(72, 2.0)]
    row = crisis_timeline(times_from_hourly(rates)).iloc[0]
    assert row["scale"] == "hourly" and row["freq"] == "H"
    assert row["onset"] == T0 + pd.Timedelta(hours=72) and row["peak"] == T0 + pd.Timedelta(hours=73)
    assert row["back_to_baseline"] > row["peak"] + row["half_life"]
    assert row["onset_note"] == "detected" and row["gaps"] == 0
    assert list(crisis_timeline(times_from_hourly(rates)).columns) == TIMELINE_COLUMNS


def test_slow_crisis_with_a_daily_cycle_is_told_in_days():
    daily_level = np.r_[np.full(5, 2.0), [6, 20, 30, 25, 20, 15, 10, 6], np.full(6, 2.0)]
    rates = np.concatenate([diurnal(1, lv) for lv in daily_level])
    row = crisis_timeline(times_from_hourly(rates, seed=1)).iloc[0]
    assert row["scale"] == "daily", row["scale_reason"]
    assert "days" in row["scale_reason"] or "outside" in row["scale_reason"]
    high_end = T0 + pd.Timedelta(days=12)  # the days at or above 6/h end with day 12
    assert row["back_to_baseline"] >= high_end
    assert row["half_life"] <= row["back_to_baseline"] - row["peak"]
    assert pd.notna(row["busiest_hour"])


def test_gap_stops_the_decline_and_is_counted():
    rates = np.r_[np.full(48, 2.0), [30, 60, 50, 40, 35, 30], np.zeros(60), np.full(48, 3.0)]
    row = crisis_timeline(times_from_hourly(rates, seed=2)).iloc[0]
    assert row["gaps"] == 1 and row["gap_hours"] >= 58
    assert pd.isna(row["back_to_baseline"]) and row["stopped_by"] == "gap"
    assert row["measured_until"] <= T0 + pd.Timedelta(hours=55)


def test_late_start_is_measured_not_no_surge():
    rates = np.r_[[1, 125, 120, 100, 90, 70, 60, 45, 35, 25, 20, 15, 10, 8, 6], np.full(150, 3.0)]
    row = crisis_timeline(times_from_hourly(rates, seed=3), scale="hourly").iloc[0]
    assert row["onset_note"] == "inside the surge (data starts)"
    assert T0 <= row["onset"] <= T0 + pd.Timedelta(hours=1)
    assert row["peak"] <= T0 + pd.Timedelta(hours=3) and pd.notna(row["half_life"])
    assert row["baseline"] == pytest.approx(3.0, abs=1.5)


def test_several_surges_the_crisis_is_the_largest_excess_not_the_highest_hour():
    rates = np.full(24 * 10, 2.0)
    rates[48 : 48 + 30] = 40.0  # a long rise: 30 hours at 40/h
    rates[200:203] = 120.0  # a three-hour spike, higher but smaller
    t = times_from_hourly(rates, seed=4)
    table = surges(t)
    assert len(table) == 2 and table["crisis"].tolist() == [True, False]
    assert table["peak_value"].iloc[1] > table["peak_value"].iloc[0]
    row = crisis_timeline(t, scale="hourly").iloc[0]
    assert T0 + pd.Timedelta(hours=48) <= row["peak"] < T0 + pd.Timedelta(hours=78) and row["surges"] == 2
    known = crisis_timeline(t, scale="hourly", known_start=T0 + pd.Timedelta(hours=199)).iloc[0]
    assert T0 + pd.Timedelta(hours=199) <= known["peak"] <= T0 + pd.Timedelta(hours=203)


def test_quiet_series_has_no_surge_and_bad_scale_raises():
    row = crisis_timeline(times_from_hourly(np.full(100, 3.0), seed=5)).iloc[0]
    assert pd.isna(row["onset"]) and pd.isna(row["back_to_baseline"])
    with pytest.raises(ValueError, match="scale"):
        crisis_timeline(times_from_hourly(np.full(10, 3.0)), scale="weekly")


# ------------------------------------------------------------------------------------ real data (shared)

SHARED = __import__("pathlib").Path(__file__).resolve().parents[2].parent / "shared" / "data" / "crisislex_t26"
PROGRESSIVE = ["2012_Colorado_wildfires", "2012_Philipinnes_floods", "2013_Alberta_floods", "2013_Queensland_floods"]


@pytest.mark.shared
@pytest.mark.skipif(not SHARED.exists(), reason="../shared/data/crisislex_t26 absent")
@pytest.mark.parametrize("event", PROGRESSIVE)
def test_crisislex_progressive_events_are_told_in_days_with_every_gap(event):
    import kit

    posts, _ = kit.load(str(next((SHARED / event).glob("*-tweetids_entire_period.csv"))))
    row = crisis_timeline(posts).iloc[0]
    assert row["scale"] == "daily", row["scale_reason"]
    daily = counts(posts, scale="daily")
    x = daily.to_numpy()
    med, p = float(np.median(x)), int(np.argmax(x))
    q = p
    while q < len(x) and x[q] > med + 0.1 * (x[p] - med):
        q += 1
    high_end = daily.index[min(q, len(x) - 1)]
    assert pd.isna(row["back_to_baseline"]) or row["back_to_baseline"] >= high_end
    assert row["gaps"] == len(gaps(posts))
    if pd.notna(row["back_to_baseline"]) and pd.notna(row["half_life"]):
        assert row["half_life"] <= row["back_to_baseline"] - row["peak"]


@pytest.mark.shared
@pytest.mark.skipif(not SHARED.exists(), reason="../shared/data/crisislex_t26 absent")
def test_crisislex_alberta_gap_stops_the_recovery_and_the_data_starts_late():
    import kit

    posts, _ = kit.load(str(SHARED / "2013_Alberta_floods" / "2013_Alberta_floods-tweetids_entire_period.csv"))
    row = crisis_timeline(posts).iloc[0]
    assert row["onset_note"] == "inside the surge (data starts)" and row["peak"] == pd.Timestamp("2013-06-21", tz="UTC")
    assert row["stopped_by"] == "gap" and pd.isna(row["back_to_baseline"])
    assert row["gaps"] == 1 and 66 <= row["gap_hours"] <= 67


def test_typhoon_landfall_is_the_crisis_not_a_later_one_hour_spike():
    daily = [26, 1778, 3473, 900, 500, 300, 200, 150, 120, 100]
    rates = np.concatenate([diurnal(1, d / 24) for d in daily])
    rates[5 * 24 + 14] += 800.0  # one hour on day 5 higher than any landfall hour
    t = times_from_hourly(rates, seed=6)
    row = crisis_timeline(t).iloc[0]
    assert row["scale"] == "daily", row["scale_reason"]
    assert row["peak"] == T0 + pd.Timedelta(days=2)
    hourly = crisis_timeline(t, scale="hourly").iloc[0]
    assert T0 + pd.Timedelta(days=1) <= hourly["peak"] < T0 + pd.Timedelta(days=4)
