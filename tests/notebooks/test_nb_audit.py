"""The audit notebook on the smoke parameters (two weeks of the sample) against what the generator planted."""

from __future__ import annotations

import pytest

from kit import datasets

pytestmark = pytest.mark.slow


def _norm(term: str) -> str:
    return term.lower().lstrip("#")


@pytest.fixture(scope="module")
def audit_values(smoke_values):
    return smoke_values["audit"]


@pytest.fixture(scope="module")
def truth():
    return datasets.load_sample()[1]


def test_audit_analyses_the_actors_own_posts(audit_values):
    own = audit_values["own_posts"]
    assert own["brand"] == "Voltaria"
    assert 0 < own["analysed"] <= own["all_kinds"]
    assert set(audit_values["inventory"]) == {
        "Voltaria",
        "Railix",
        "Trenova",
        "Cityhop",
        "Mobilité Hebdo",
        "Verkehrsblatt",
        "Transit Times",
        "EuroRail Wire",
    }


def test_planted_vocabulary_tops_the_keyness_ranking(audit_values, truth):
    top = audit_values["keyness_top"]
    for actor, spec in truth["actors"].items():
        planted = [_norm(k) for k in spec["keywords"]]
        terms = [_norm(t) for t in top[actor]]
        hits = [t for t in terms if any(t == k or t in k.split() or k in t for k in planted)]
        if spec["role"] == "media":  # the media share a vocabulary; their own hashtag sets each apart
            own_tag = next(_norm(k) for k in spec["keywords"] if k.startswith("#"))
            assert own_tag in terms[:3], (actor, terms)
        else:
            assert len(hits) >= 3, (actor, terms)
            assert hits[0] in terms[:2], (actor, terms)


def test_under_served_pillar_is_reported(audit_values, truth):
    gap = audit_values["pillar_gap"]
    assert gap["under_served"] == [truth["pillars"]["under_served"]]
    assert gap["brand_shares"]["customer stories"] < 0.05
    assert audit_values["divergence"][0]["compared_with"] == "stated intent"
    assert any("customer stories" in f and "under-served" in f for f in audit_values["findings"])


def test_planted_format_and_hour_effects_are_found(audit_values):
    effects = audit_values["effects"]["all own posts"]
    video, image = effects["format=video"], effects["format=image"]
    assert video["reference"] == "text" and video["significant"] and video["rate_ratio"] > 1.3
    assert image["rate_ratio"] > 1.0 and image["rate_ratio"] < video["rate_ratio"]
    hours = {k.split("=", 1)[1]: v for k, v in effects.items() if k.startswith("hour")}
    reference = next(iter(hours.values()))["reference"]
    hours.setdefault(reference, {"rate_ratio": 1.0})
    evening = hours["18-20"]["rate_ratio"]
    assert all(evening > v["rate_ratio"] * 1.2 for band, v in hours.items() if band != "18-20")
    if reference != "18-20":
        assert hours["18-20"]["significant"]
    else:  # 18-20 is the reference: every other band must be significantly below it
        assert all(v["significant"] for band, v in hours.items() if band != "18-20" and "q_value" in v)


def test_benchmarks_and_gaps_are_recorded(audit_values):
    bench = {(b["actor"], b["platform"]): b for b in audit_values["benchmarks"]}
    assert bench[("Voltaria", "instagram")]["benchmark"] == 0.0116
    assert bench[("Voltaria", "mastodon")]["verdict"] == "no benchmark"
    assert isinstance(audit_values["gaps"], list)
