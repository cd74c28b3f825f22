"""The monitoring report's sentences: customer care and message-test verdicts, on their edge cases."""

from __future__ import annotations

import pandas as pd

from kit.tl import care, metrics
from kit.tl._sentences_monitoring import describe, message_verdict


def _summary(**values):
    row = {
        "cases": 120,
        "responded": 90,
        "response_rate": 0.75,
        "rate_low": 0.66,
        "rate_high": 0.82,
        "median_hours": 2.25,
        "p90_hours": 19.0,
        "open_cases": 7,
    }
    return pd.DataFrame([row | values])


def test_care_sentence_says_rate_interval_times_and_open_cases():
    text = describe(_summary(), brand="Voltaria")
    assert text.startswith("Voltaria answered 75% of 120 questions and complaints")
    assert "66% to 82%" in text and "2.2 h" in text and "within 19 h" in text
    assert text.endswith("7 cases were still waiting for a reply.")


def test_care_sentence_without_cases_or_replies():
    assert (
        describe(pd.DataFrame(columns=["cases"]), brand="B")
        == "No questions or complaints addressed to B in this period."
    )
    assert describe(_summary(cases=0), brand="B").startswith("No questions or complaints")
    silent = describe(_summary(cases=1234, responded=0), brand="B")
    assert silent.startswith("1,234 questions and complaints were addressed to B") and "no reply" in silent


def test_care_describe_is_the_sentence_module():
    assert care.describe is describe


def _pair(**values):
    row = {
        "variant_a": "A",
        "variant_b": "B",
        "rate_a": 0.030,
        "rate_b": 0.045,
        "difference": 0.015,
        "ci_low": 0.008,
        "ci_high": 0.022,
        "p_adjusted": 0.0004,
        "significant": True,
        "mde": 0.006,
    }
    return row | values


def test_verdict_names_the_winner_either_way():
    assert message_verdict(_pair()).startswith("B beats A: 4.50% vs 3.00%")
    flipped = _pair(rate_a=0.045, rate_b=0.030, difference=-0.015, ci_low=-0.022, ci_high=-0.008)
    assert message_verdict(flipped).startswith("A beats B: 4.50% vs 3.00%")


def test_verdict_without_winner_gives_the_detectable_effect():
    text = message_verdict(_pair(significant=False, p_adjusted=0.4, difference=0.001))
    assert text.startswith("No winner between A and B") and "about 0.60% or more" in text


def test_old_metrics_path_still_gives_the_message_tests():
    from kit.tl import message_tests

    assert metrics.message_tests is message_tests.message_tests


# --- issue 16: edge cases of the care sentence -------------------------------------------------------------
def test_care_sentence_says_the_open_window_and_long_ages_in_days():
    summary = _summary(open_cases=2127, median_hours=0.4, p90_hours=2183.0)
    summary.attrs = {"open_after_hours": 24.0, "as_of": pd.Timestamp("2026-04-05 23:10", tz="UTC")}
    text = describe(summary, brand="V")
    assert "half of the answers came within 24 min and 90 % within 91 days" in text
    assert text.endswith(
        "2,127 cases were still waiting for a reply for more than 24 h at the last post of the data "
        "(05 April 2026 23:10 UTC)."
    )
    assert "2,183" not in text  # hours this long are said in days
    one = _summary(open_cases=1)
    one.attrs = {"open_after_hours": 48.0}
    assert describe(one, brand="V").endswith("1 case was still waiting for a reply for more than 2 days.")
    none_open = _summary(open_cases=0)
    none_open.attrs = {"open_after_hours": 24.0}
    assert describe(none_open, brand="V").endswith("No case was left without a reply for more than 24 h.")


def test_care_sentence_for_a_single_case_and_a_single_answer():
    text = describe(
        _summary(cases=1, responded=1, response_rate=1.0, rate_low=0.21, rate_high=1.0, median_hours=3.0,
                 p90_hours=3.0, open_cases=0),
        brand="V",
    )  # fmt: skip
    assert text.startswith("V answered 100% of the only question or complaint")
    assert "90 %" not in text  # one answer has no 90th percentile worth saying
    silent = describe(_summary(cases=1, responded=0), brand="V")
    assert (
        silent.startswith("1 question or complaint was addressed to V") and "no reply from its accounts to it" in silent
    )


def test_care_sentence_without_authors_says_nothing_is_measured():
    posts = pd.DataFrame(
        {
            "post_id": ["1", "2"],
            "created_at": pd.to_datetime(["2026-03-02 10:00", "2026-03-02 11:00"], utc=True),
            "author_handle": pd.array([None, None], dtype="string"),
            "author_id": pd.array([None, None], dtype="string"),
            "actor": ["V", "V"],
            "actor_role": pd.array([None, None], dtype="string"),
            "kind": ["original", "original"],
            "parent_id": pd.array([None, None], dtype="string"),
            "text": ["where is my refund?", "the train is late again"],
            "intent": ["question", "complaint"],
        }
    )
    cases = care.cases(posts, brand_handles=["v_official"], brand="V", intent_column="intent")
    summary = care.summary(cases, n_boot=20)
    text = describe(summary, brand="V")
    assert text.startswith("2 questions and complaints were addressed to V. The export has no author column")
    assert "response rate, response times and open cases are not measured" in text
    assert pd.isna(summary["response_rate"].iloc[0]) and pd.isna(summary["open_cases"].iloc[0])
    shown = care.open_cases(cases)
    assert shown.empty and shown.attrs["note"].startswith("The export has no author column")


def test_hours_text_edges():
    from kit.tl._sentences_monitoring import hours_text

    assert [hours_text(h) for h in (0.0, 0.99, 1.0, 47.9, 48.0, 240.0)] == [
        "0 min", "59 min", "1 h", "47.9 h", "2 days", "10 days"
    ]  # fmt: skip


def test_verdict_p_values_and_missing_detectable_effect():
    assert message_verdict(_pair(p_adjusted=2.98e-258)).endswith("adjusted p < 0.001).")
    assert "adjusted p = 0.0012" in message_verdict(_pair(p_adjusted=0.00123))
    few = message_verdict(_pair(significant=False, p_adjusted=0.5, mde=float("nan")))
    assert few.endswith("the sample is too small to say how large a difference it could detect.")
    assert "nan" not in few
