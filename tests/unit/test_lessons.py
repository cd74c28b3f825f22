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
    [(0.25, "15 minutes"), (3.0, "3.0 hours"), (47.9, "47.9 hours"), (72.0, "3.0 days"), (np.nan, "unknown")],
)
def test_hours_in_words(hours, words):
    assert _fmt_hours(hours) == words
    assert _fmt_hours(None) == "unknown"


def test_timeline_and_recovery_in_words():
    out = lessons(surge_row())
    assert out["topic"].tolist() == ["timeline", "recovery"]
    assert "from a baseline of 2.0 posts per period, and peaked 3.0 hours later" in said(out, "timeline")
    assert "halved in 4.0 hours (half-life) and volume was back to baseline 20.0 hours after" in said(out, "recovery")


def test_zero_baseline_is_said_not_dropped():
    out = lessons(surge_row(baseline=0.0))
    assert "from a baseline of 0.0 posts per period" in said(out, "timeline")
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
