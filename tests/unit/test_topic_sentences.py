"""Sentences on the topic tables, on their edge cases: nothing flagged, one language, empty tables."""

from __future__ import annotations

import pandas as pd

from kit.tl import topic_sentences as sentences
from kit.tl._topic_model import OUTLIER, Topics


def _emerging(flagged: bool) -> pd.DataFrame:
    table = pd.DataFrame(
        {
            "topic": [0, 1],
            "label": ["nuit · couchette", "retard"],
            "baseline_posts": [2, 50],
            "recent_posts": [30, 48],
            "growth": [9.5, 1.0],
            "q_value": [0.001, 0.9],
            "flagged": [flagged, False],
            "first_post": [pd.Timestamp("2026-02-16", tz="UTC"), pd.NaT],
        }
    )
    table.attrs["recent_periods"] = ["2026-03-02", "2026-03-09"]
    return table


def test_emerging_flagged_and_none_flagged():
    lines = sentences.describe_emerging(_emerging(True))
    assert lines[0] == "1 topic(s) flagged as emerging in the recent periods (2026-03-02, 2026-03-09):"
    assert "topic 0 (nuit · couchette): 30 recent posts against 2 before, growth x9.5" in lines[1]
    assert "first post 2026-02-16" in lines[1]
    none = sentences.describe_emerging(_emerging(False))
    assert len(none) == 1 and "nothing is flagged as emerging" in none[0]


def test_emerging_empty_says_why():
    empty = pd.DataFrame(columns=["topic", "flagged"])
    assert sentences.describe_emerging(empty) == ["No topic could be tested for growth."]
    empty.attrs["note"] = "Emerging topics not tested: too few periods."
    assert sentences.describe_emerging(empty) == ["Emerging topics not tested: too few periods."]


def test_languages_one_language_and_empty():
    table = pd.DataFrame(
        {"topic": [0, 1], "label": ["a", "b"], "languages": ["fr", "de"], "kind": ["one language", "one language"]}
    )
    lines = sentences.describe_languages(table)
    assert lines[0] == "0 of 2 topics are shared across languages; 2 live in one language."
    assert lines[1] == "One language only: topic 0 (a) [fr]; topic 1 (b) [de]."
    assert len(lines) == 2  # no "in three languages at once" line
    assert sentences.describe_languages(pd.DataFrame()) == ["No topics to describe."]


def test_languages_shared_in_three():
    table = pd.DataFrame({"topic": [0], "label": ["train"], "languages": ["fr, de, en"], "kind": ["shared"]})
    lines = sentences.describe_languages(table)
    assert lines == [
        "1 of 1 topics are shared across languages; 0 live in one language.",
        "In French, German and English at once: topic 0 (train).",
    ]


def test_absent_without_brand_empty_and_none_absent():
    assert "No brand is named" in sentences.describe_absent(pd.DataFrame(), brand=None)[0]
    assert sentences.describe_absent(pd.DataFrame(), brand="Voltaria") == [
        "No comparison possible: Voltaria or its competitors have no posts in these topics."
    ]
    table = pd.DataFrame(
        {
            "topic": [0, 1],
            "label": ["a", "b"],
            "brand_posts": [10, 0],
            "competitor_posts": [20, 40],
            "top_competitor": ["Railix", "Trenova"],
            "expected": [0.4, 0.4],
            "absent": [False, False],
        }
    )
    (line,) = sentences.describe_absent(table, brand="Voltaria")
    assert line.startswith("Voltaria takes part in every conversation") and "40%" in line
    gone = sentences.describe_absent(table.assign(absent=[False, True]), brand="Voltaria")
    assert gone[1] == "topic 1 (b): 0 Voltaria posts against 40 for the competitors (mostly Trenova)."


def test_actionable_empty_and_rising():
    assert sentences.describe_actionable(pd.DataFrame()) == [
        "No questions, complaints, feature requests or feedback were detected."
    ]
    table = pd.DataFrame(
        {
            "intent": ["complaint", "complaint", "feature_request"],
            "topic": [0, 1, 0],
            "label": ["a", "b", "a"],
            "posts": [1200, 30, 4],
            "change": [3.0, 1.0, 1.0],
            "trend": ["rising", "steady", "n/a"],
        }
    )
    lines = sentences.describe_actionable(table)
    assert lines == [
        "Detected: 1,230 complaints, 4 feature requests.",
        "Rising (adjusted p < 0.05): complaints in topic 0 (a) (x3.0).",
    ]


def test_describe_fit_with_note_and_with_topics():
    result = Topics.from_assignments(["a", "b", "c", "d"], [0, 0, 1, OUTLIER])
    result.params["min_topic_size"] = 2
    assert sentences.describe_fit(result) == [
        "2 topics among 4 posts (smallest topic size 2, seed 0); 1 posts (25%) are close to no topic (outliers)."
    ]
    result.params["note"] = "3 posts are too few for topics (need at least 20)"
    assert sentences.describe_fit(result) == ["No topics: 3 posts are too few for topics (need at least 20)."]


def test_review_instructions_name_the_file():
    text = sentences.review_instructions()
    assert "listening_review_sample.csv" in text and "review_file: path/to/listening_review_sample.csv" in text
