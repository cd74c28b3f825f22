"""The audit's sentence builders (kit.tl.findings) on edge cases: nothing found, one actor, empty tables."""

from __future__ import annotations

import pandas as pd

from kit.tl import effects as effects_module
from kit.tl import findings
from kit.tl import pillars as pillars_module

COLUMNS = ["finding", "evidence", "section"]


def effect_rows(*rows):
    """rows: (model, term, level, reference, rate_ratio, low, high, q_value, significant)."""
    cols = ["model", "term", "level", "reference", "rate_ratio", "low", "high", "q_value", "significant"]
    frame = pd.DataFrame(list(rows), columns=cols)
    frame["posts"] = 40
    frame["p_value"] = frame["q_value"]
    return frame


def test_nothing_given_or_nothing_found_gives_an_empty_table_with_its_columns():
    assert findings.findings(brand="B").columns.tolist() == COLUMNS
    empty_effects = pd.DataFrame(columns=effects_module._COLUMNS)
    empty_shares = pd.DataFrame(columns=["actor", "pillar", "posts", "group_posts", "share", "low", "high"])
    out = findings.findings(
        brand="B",
        effects_result=empty_effects,
        shares=empty_shares,
        divergence=pd.DataFrame(columns=["compared_with", "divergence", "low", "high"]),
        benchmark=pd.DataFrame(columns=["actor", "platform", "verdict"]),
        keyness_result=pd.DataFrame(columns=["lang", "actor", "term", "z", "rank"]),
        gaps_result=pd.DataFrame(columns=["actor", "start", "end", "days"]),
    )
    assert out.empty and out.columns.tolist() == COLUMNS


def test_no_significant_effect_states_no_effect():
    eff = effect_rows(("brand", "format", "video", "text", 1.1, 0.9, 1.3, 0.4, False))
    assert findings.findings(brand="B", effects_result=eff).empty


def test_effects_below_one_are_said_the_other_way_round_and_platforms_are_left_out():
    eff = effect_rows(
        ("brand", "format", "link", "text", 0.5, 0.4, 0.625, 0.001, True),
        ("competitor", "format", "link", "text", 0.8, 0.6, 1.1, 0.3, False),
        ("brand", "platform", "facebook", "twitter", 5.0, 4.0, 6.0, 0.0001, True),
    )
    out = findings.findings(brand="B", effects_result=eff)
    assert out["finding"].tolist() == [
        "Text posts vs link posts: x2.00 the interactions for the brand, all else equal; "
        "for competitors x1.25, not significant"
    ]
    assert out["evidence"].iloc[0].startswith("the brand: [1.60, 2.50], q = 0.001, 40 posts")
    assert set(out["section"]) == {"what works"}


def test_only_the_all_posts_model_is_used_when_no_role_model_exists():
    eff = effect_rows(("all own posts", "hour", "18-20", "09-11", 1.5, 1.2, 1.9, 0.01, True))
    assert (findings.findings(brand="B", effects_result=eff)["finding"].iloc[0]) == (
        "Posts at 18-20 h vs posts at 09-11 h: x1.50 the interactions for all own posts, all else equal"
    )


def test_single_actor_shares_benchmark_and_limits():
    assigned = pd.DataFrame({"actor": ["B"] * 40, "pillar": ["green"] * 30 + ["other"] * 10})
    shares = pillars_module.pillar_shares(assigned, ["green", "stories"])
    bench = pd.DataFrame(
        {
            "actor": ["B", "B"],
            "platform": ["instagram", "twitter"],
            "posts": [30, 5],
            "median_rate_followers": [0.03, 0.0006],
            "median_rate_followers_low": [0.02, 0.0001],
            "median_rate_followers_high": [0.04, 0.001],
            "benchmark": [0.0116, 0.0006],
            "verdict": ["above", "within"],
        }
    )
    out = findings.findings(brand="B", shares=shares, benchmark=bench)
    assert out["finding"].tolist() == [
        "Pillar 'stories' is under-served: 0.0 % of B's posts against 50 % intended",
        "25 % of B's posts fall outside every stated pillar",
        "B on instagram: median post's engagement rate 3.00 % is above the published median 1.16 %",
    ]
    assert findings.findings(brand="B", shares=shares, benchmark=bench, max_items=1).shape[0] == 1
    assert findings.findings(brand="someone else", shares=shares, benchmark=bench).empty


def test_keyness_and_gap_sentences():
    key = pd.DataFrame(
        {"lang": ["en", "en", "fr"], "actor": ["B", "B", "B"], "term": ["rail", "green", "train"], "z": [4.0, 3.0, 2.5]}
    )
    key["rank"] = [1, 2, 1]
    out = findings.findings(brand="B", keyness_result=key)
    assert out["finding"].tolist() == [
        "B's most distinctive terms (en): rail, green",
        "B's most distinctive terms (fr): train",
    ]
    assert out["evidence"].tolist() == ["z = 4.0, 3.0", "z = 2.5"]


def test_overview_for_one_role_and_for_no_post():
    own = pd.DataFrame(
        {
            "actor_role": ["brand"] * 3,
            "actor": ["B"] * 3,
            "created_at": pd.to_datetime(["2026-01-05", "2026-01-06", "2026-01-07"], utc=True),
        }
    )
    lines = findings.overview(own)
    assert lines[0] == "brand: 3 posts from 1 actor(s) (B 3)"
    assert lines[1].startswith("competitor: no post") and lines[-1] == "from 2026-01-05 to 2026-01-07"
    assert findings.overview(own.iloc[:0])[0].startswith("No post of the listed")
    assert "none of the kinds analysed" in findings.overview(own.iloc[:0], all_kinds=own)[0]
    many = pd.DataFrame(
        {"actor_role": "media", "actor": [f"m{i}" for i in range(9)], "created_at": own["created_at"][0]}
    )
    assert findings.overview(many)[2].endswith(", ...)")


def test_definitions_table():
    table = findings.definitions()
    assert table.columns.tolist() == ["term", "definition"] and "rate ratio" in set(table["term"])


# --- issue 16: wording edge cases -------------------------------------------------------------------------
def test_paid_is_said_once_and_a_significant_brand_effect_is_never_called_not_significant():
    eff = effect_rows(
        ("brand", "paid", "paid", "organic", 1.30, 1.15, 1.46, 0.0002, True),
        ("competitor", "paid", "paid", "organic", 1.40, 1.25, 1.56, 0.00001, True),
        ("brand", "format", "image", "text", 1.24, 1.09, 1.40, 0.006, True),
        ("competitor", "format", "image", "text", 1.17, 1.02, 1.35, 0.24, False),
    )
    said = findings.findings(brand="B", effects_result=eff)["finding"].tolist()
    paid = next(s for s in said if s.startswith("Paid"))
    assert (
        paid
        == "Paid posts vs organic posts: x1.30 the interactions for the brand and x1.40 for competitors, all else equal"
    )
    assert not any("paid paid" in s for s in said)
    image = next(s for s in said if s.startswith("Image"))
    assert image == (
        "Image posts vs text posts: x1.24 the interactions for the brand, all else equal; "
        "for competitors x1.17, not significant"
    )
    # the clause 'not significant' sits after the competitors, never next to the brand's significant effect
    assert "brand, not significant" not in image and "brand (not significant)" not in image


def test_pillar_effect_against_other_is_said_in_words():
    eff = effect_rows(("brand", "pillar", "sustainability", "other", 1.18, 1.06, 1.31, 0.02, True))
    assert (
        findings.findings(brand="B", effects_result=eff)["finding"]
        .iloc[0]
        .startswith("Posts on sustainability vs posts outside every pillar: x1.18")
    )


def test_benchmark_finding_names_statistic_source_and_years_apart():
    bench = pd.DataFrame(
        {
            "actor": ["B"],
            "platform": ["instagram"],
            "posts": [30],
            "statistic": ["mean"],
            "rate": [0.0134],
            "rate_low": [0.0125],
            "rate_high": [0.0150],
            "benchmark": [0.0116],
            "benchmark_year": [2020],
            "benchmark_source": ["Socialinsider"],
            "data_year": [2026],
            "verdict": ["above"],
        }
    )
    out = findings.findings(brand="B", benchmark=bench)
    assert out["finding"].iloc[0] == (
        "B on instagram: mean engagement rate per post 1.34 % is above the 2020 published average 1.16 % "
        "(Socialinsider); the benchmark is 6 years older than the data"
    )
    assert out["evidence"].iloc[0] == "bootstrap 95 % [1.25 %, 1.50 %], 30 posts"
    # never "median" for an average
    assert "median" not in out["finding"].iloc[0]
