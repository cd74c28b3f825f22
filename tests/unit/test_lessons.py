"""The crisis lessons in words (kit.tl.lessons) on edge cases: zero baseline, unknown half-life, no brand
posts, no replies, no repost links."""

from __future__ import annotations

import numpy as np
import pandas as pd
import pytest

from kit.tl.lessons import TOPICS, _fmt_hours, lessons

T0 = pd.Timestamp("2026-03-09T10:00:00Z")


def surge_row(**over) -> pd.DataFrame:
    row = dict(
        baseline=2.0,
        onset=T0,
        peak=T0 + pd.Timedelta(hours=3),
        peak_value=50.0,
        half_life=pd.Timedelta(hours=4),
        back_to_baseline=T0 + pd.Timedelta(hours=20),
    )
    return pd.DataFrame([row | over])


def said(frame: pd.DataFrame, topic: str) -> str:
    return " ".join(frame.loc[frame["topic"] == topic, "lesson"])


@pytest.mark.parametrize(
    "hours, words",
    [(0.25, "15 minutes"), (3.0, "3.0 hours"), (47.9, "47.9 hours"), (72.0, "3.0 days"), (np.nan, "not measured")],
)
def test_hours_in_words(hours, words):
    assert _fmt_hours(hours) == words
    assert _fmt_hours(None) == "not measured"


def test_timeline_and_recovery_in_words():
    out = lessons(surge_row())
    assert out["topic"].tolist() == ["timeline", "recovery"]
    assert "from a baseline of 2.0 posts per hour, and peaked 3.0 hours later" in said(out, "timeline")
    assert "halved in 4.0 hours (half-life) and volume was back to baseline 20.0 hours after" in said(out, "recovery")


def test_zero_baseline_is_said_not_dropped():
    out = lessons(surge_row(baseline=0.0))
    assert "from a baseline of almost no posts per hour" in said(out, "timeline")
    assert "0.0 posts" not in " ".join(out["lesson"])
    assert "baseline of" not in said(lessons(surge_row(baseline=np.nan)), "timeline")


def test_unknown_half_life_is_said_unknown():
    back = said(lessons(surge_row(half_life=pd.NaT)), "recovery")
    assert "did not decline clearly enough to estimate a half-life and volume was back" in back
    never = said(lessons(surge_row(half_life=pd.NaT, back_to_baseline=pd.NaT)), "recovery")
    assert never.endswith("half-life, and volume had not returned to baseline by the end of the data.")
    known = said(lessons(surge_row(back_to_baseline=pd.NaT)), "recovery")
    assert "halved in 4.0 hours (half-life), but volume had not returned" in known


def test_known_start_and_missing_peak():
    out = lessons(surge_row(onset_source="known start (parameter)", peak=pd.NaT))
    assert "(the known start given as a parameter)" in said(out, "timeline") and "no peak was found" in said(
        out, "timeline"
    )


def test_no_onset_says_there_is_nothing_to_measure():
    none = surge_row(onset=pd.NaT)
    out = lessons(none, statement=pd.DataFrame([dict(hours_to_statement=np.nan)]))
    assert out["topic"].tolist() == ["timeline", "response"]
    assert "No surge stood out" in said(out, "timeline")
    assert "Without an onset" in said(out, "response")


def test_no_brand_posts_and_brand_statement():
    silent = lessons(surge_row(), statement=pd.DataFrame([dict(hours_to_statement=np.nan, hours_to_reply=np.nan)]))
    assert "published no statement after the onset" in said(silent, "response")
    assert "published no statement" in said(lessons(surge_row(), statement=pd.DataFrame()), "response")
    spoke = pd.DataFrame(
        [dict(hours_to_statement=1.5, first_statement=T0 + pd.Timedelta(hours=1.5), hours_to_reply=0.5)]
    )
    text = said(lessons(surge_row(), statement=spoke), "response")
    assert "came 1.5 hours after the onset" in text and "1.5 hours before the peak" in text
    assert "first reply to someone came 30 minutes after the onset" in text


def test_care_without_cases_without_replies_and_with_replies():
    assert "not enough questions" in said(lessons(surge_row(), response=pd.DataFrame()), "care")
    periods = pd.DataFrame(
        dict(
            period=["before", "during"],
            cases=[10, 40],
            responded=[0, 0],
            response_rate=[0.0, 0.0],
            median_hours=[np.nan, np.nan],
        )
    )
    assert "got no reply" in said(lessons(surge_row(), response=periods), "care")
    answered = periods.assign(responded=[5, 10], response_rate=[0.5, 0.25], median_hours=[2.0, 30.0])
    text = said(lessons(surge_row(), response=answered), "care")
    assert "answered 50% of 10" in text and "25% of 40 during it (median 30.0 hours)" in text
    assert text.endswith("the difference is within what chance gives (two-proportion test, p = 0.13).")
    many = periods.assign(cases=[300, 1200], responded=[180, 480], response_rate=[0.6, 0.4], median_hours=[2.0, 3.0])
    assert said(lessons(surge_row(), response=many), "care").endswith(
        "the rate during the crisis is lower than before, more than chance would give (two-proportion test, p < 0.001)."
    )
    assert "not enough" in said(lessons(surge_row(), response=answered.assign(cases=[0, 40])), "care")


def test_amplification_cascades_spreaders_sentiment_messages():
    empty_window = pd.DataFrame([dict(posts=0)])
    assert "no repost share" in said(lessons(surge_row(), repost=empty_window), "amplification")
    assert lessons(surge_row(), repost=pd.DataFrame())["topic"].tolist() == ["timeline", "recovery"]
    orphan = pd.DataFrame([dict(author_handle=None, size=7)])
    assert "started from a post not in the data and reached 7" in said(
        lessons(surge_row(), top_cascades=orphan), "cascades"
    )
    unlinked = pd.DataFrame(dict(author_handle=["a", "b"], account_type=["public", "media"], amplification_received=0))
    assert "who was loud" in said(lessons(surge_row(), top_spreaders=unlinked), "spreaders")
    negative = pd.DataFrame(dict(phase=["peak", "before"], share=[0.6, 0.1]))
    assert said(lessons(surge_row(), negative=negative), "sentiment").endswith("10% before, 60% peak.")
    types = pd.DataFrame(dict(phase=["before"], message_type=["jokes"], posts=[3]))
    assert "messages" not in set(lessons(surge_row(), types=types)["topic"])


def test_topics_filter_and_order():
    out = lessons(surge_row(), statement=pd.DataFrame(), response=pd.DataFrame(), topics=["care", "timeline"])
    assert out["topic"].tolist() == ["timeline", "care"]
    assert set(out["topic"]) <= set(TOPICS)


# --------------------------------------------------------------- issue 19: scales, gaps, late starts, surges

ALL_TOPICS = dict(gaps=pd.DataFrame(columns=["start", "end", "hours"]))


def every_sentence(frame: pd.DataFrame) -> str:
    return " ".join(frame["lesson"])


@pytest.mark.parametrize(
    "over",
    [
        dict(half_life=pd.NaT),
        dict(half_life=pd.NaT, back_to_baseline=pd.NaT),
        dict(baseline=0.0, peak_value=np.nan),
        dict(back_to_baseline=T0 + pd.Timedelta(hours=1)),  # before the peak: not said
        dict(back_to_baseline=T0 + pd.Timedelta(hours=3)),  # at the peak: not said
        dict(half_life=pd.Timedelta(days=3)),  # longer than the time it took to recover: not said
        dict(peak=T0),
        dict(peak=pd.NaT),
        dict(onset=pd.NaT),
        dict(scale="daily", freq="D", baseline=0.0),
        dict(onset_note="inside the surge (data starts)", first_post=T0 - pd.Timedelta(minutes=31)),
        dict(back_to_baseline=pd.NaT, measured_until=T0 + pd.Timedelta(days=2), stopped_by="gap"),
        dict(back_to_baseline=pd.NaT, measured_until=T0 + pd.Timedelta(days=2), stopped_by="next surge"),
    ],
)
def test_sentences_never_print_unknown_zero_posts_or_an_early_recovery(over):
    text = every_sentence(lessons(surge_row(**over), **ALL_TOPICS))
    assert "unknown" not in text and "not measured" not in text
    assert "0.0 posts" not in text and "nan" not in text.lower().replace("nance", "")
    back = over.get("back_to_baseline", T0 + pd.Timedelta(hours=20))
    if pd.notna(back) and back <= T0 + pd.Timedelta(hours=3):
        assert "back to baseline" not in text
    if over.get("half_life") == pd.Timedelta(days=3):
        assert "halved in" not in text


def test_recovery_after_a_gap_or_before_a_new_surge():
    gap = lessons(surge_row(back_to_baseline=pd.NaT, measured_until=T0 + pd.Timedelta(days=2), stopped_by="gap"))
    assert "a gap in the collection from 11 March 10:00 UTC cut the decline" in said(gap, "recovery")
    again = lessons(
        surge_row(back_to_baseline=pd.NaT, measured_until=T0 + pd.Timedelta(days=2), stopped_by="next surge")
    )
    assert "a new surge began on 11 March 10:00 UTC before volume was back to baseline" in said(again, "recovery")


def test_daily_scale_is_said_in_days_with_the_busiest_hour():
    day = pd.Timestamp("2013-06-20", tz="UTC")
    row = surge_row(
        scale="daily",
        freq="D",
        onset=day,
        peak=day + pd.Timedelta(days=1),
        peak_value=1884.0,
        baseline=63.0,
        half_life=pd.Timedelta(hours=40),
        back_to_baseline=day + pd.Timedelta(days=9),
        scale_reason="hourly counts fall back inside their band at night",
        busiest_hour=day + pd.Timedelta(hours=40),
        onset_hour=pd.NaT,
    )
    text = said(lessons(row), "timeline")
    assert "started on Thursday 20 June 2013, from a baseline of 63 posts per day" in text
    assert "peaked 24.0 hours later (21 June, 1,884 posts in that day)" in text
    assert "Described in days: hourly counts fall back" in text and "busiest hour 21 June 16:00 UTC" in text
    assert "back to baseline 9.0 days after the onset (29 June)" in said(lessons(row), "recovery")


def test_late_start_is_said_not_no_surge():
    row = surge_row(onset_note="inside the surge (data starts)", first_post=T0 + pd.Timedelta(minutes=31))
    text = said(lessons(row), "timeline")
    assert "No surge" not in text
    assert text.startswith("The collection starts inside the surge (09 March 10:31 UTC)")
    assert "the onset is not in the data" in text


def test_gaps_and_several_surges_are_listed():
    holes = pd.DataFrame(
        {
            "start": [T0, T0 + pd.Timedelta(days=5)],
            "end": [T0 + pd.Timedelta(hours=66.6), T0 + pd.Timedelta(days=5, hours=13)],
            "hours": [66.6, 13.0],
        }
    )
    text = said(lessons(surge_row(), gaps=holes), "gaps")
    assert text.startswith("The collection has 2 gaps of 12 hours or more without any post (from 09 March 10:00 UTC")
    assert "(2.8 days)" in text and "(13.0 hours)" in text and "not quiet" in text
    assert "no stretch of 12 hours" in said(lessons(surge_row(), gaps=holes.iloc[:0]), "gaps")
    table = pd.DataFrame(
        {
            "peak": [T0, T0 + pd.Timedelta(days=4)],
            "peak_value": [300.0, 900.0],
            "excess": [5000.0, 700.0],
            "crisis": [True, False],
        }
    )
    text = said(lessons(surge_row(), surges=table), "surges")
    assert (
        "hold 2 surges" in text
        and "(5,000, peak 09 March 10:00 UTC)" in text
        and "13 March 10:00 UTC (900 posts)" in text
    )
    assert lessons(surge_row(), surges=table.iloc[:1])["topic"].tolist() == ["timeline", "recovery"]
