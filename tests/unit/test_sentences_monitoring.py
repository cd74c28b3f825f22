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
    assert "66% to 82%" in text and "2.2 h" in text and "19.0 h" in text and "7 cases are still open" in text


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
