"""KPI functions on hand-built frames: exact values, empty periods, one actor, zero engagement."""

from __future__ import annotations

import numpy as np
import pandas as pd
import pytest

from kit import schema
from kit._stats import wilson
from kit.tl import mentions, message_tests, metrics, net_sentiment, share_of_voice


def frame(rows):
    """rows: (actor, role, sentiment, likes, views, followers, author)."""
    f = pd.DataFrame(
        rows, columns=["actor", "actor_role", "sentiment", "likes", "views", "author_followers", "author_handle"]
    )
    f["post_id"] = [f"p{i}" for i in range(len(f))]
    f["created_at"] = "2026-01-05T10:00:00Z"
    f["platform"] = "twitter"
    f["kind"] = "original"
    f["source_file"] = "t"
    f["source_row"] = range(2, len(f) + 2)
    return schema.validate(schema.coerce(f))


@pytest.fixture
def posts():
    return frame(
        [
            ("Brand", "public", "positive", 3, 100, 50, "a"),
            ("Brand", "public", "negative", 1, 100, 50, "b"),
            ("Brand", "public", "negative", 0, None, 50, "a"),
            ("Brand", "brand", "positive", 50, 1000, 9000, "brand"),  # the brand's own post: not a mention
            ("Rival", "public", "neutral", 2, 100, 10, "c"),
        ]
    )


def test_wilson_known_value():
    low, high = wilson(45, 100)
    assert low == pytest.approx(0.3561, abs=1e-4) and high == pytest.approx(0.5476, abs=1e-4)
    assert all(np.isnan(wilson(0, 0)))


def test_share_of_voice_counts_mentions_not_own_posts(posts):
    sov = share_of_voice.share_of_voice(posts, actors=["Brand", "Rival", "Absent"])
    assert sov["mentions"].tolist() == [3, 1, 0]
    assert sov["share"].tolist() == pytest.approx([0.75, 0.25, 0.0])
    assert (sov["low"] <= sov["share"]).all() and (sov["share"] <= sov["high"]).all()


def test_share_of_voice_single_actor_and_empty(posts):
    assert share_of_voice.share_of_voice(posts, actors=["Brand"])["share"].tolist() == [1.0]
    empty = share_of_voice.share_of_voice(schema.empty(), actors=["Brand"])
    assert empty["mentions"].tolist() == [0] and np.isnan(empty["share"]).all()


def test_net_sentiment_and_interval(posts):
    ns = net_sentiment.net_sentiment(mentions.mentions(posts), by="actor").set_index("actor")
    assert ns.loc["Brand", "net"] == pytest.approx((1 - 2) / 3)
    assert ns.loc["Brand", "low"] < ns.loc["Brand", "net"] < ns.loc["Brand", "high"]
    assert np.isnan(ns.loc["Rival", "net"])  # only neutral posts: undefined, not 0


def test_engagement_rate_uses_views_then_followers(posts):
    m = mentions.mentions(posts, actors=["Brand"])
    assert mentions.engagement_rate(m) == {"rate": 4 / 200, "base": "views", "posts": 2}
    no_views = m.assign(views=pd.array([None] * len(m), dtype="Int64"))
    assert mentions.engagement_rate(no_views)["base"] == "followers"
    zero = m.assign(likes=0)
    assert mentions.engagement_rate(zero)["rate"] == 0.0


def test_compare_periods(posts):
    table = metrics.compare_periods(posts, posts.iloc[[0, 4]], brand="Brand", competitors=["Rival"]).set_index("metric")
    assert table.loc["mentions", "current"] == 3 and table.loc["mentions", "previous"] == 1
    assert table.loc["mentions", "relative_change"] == pytest.approx(2.0)
    assert table.loc["share of voice", "previous"] == pytest.approx(0.5)
    assert set(metrics.definitions()["metric"]) >= {"share of voice", "net sentiment", "message test"}


def ab_posts(rate_a, rate_b, n_posts=30, views=10_000, seed=0, spread=0.0):
    rng = np.random.default_rng(seed)
    rows = []
    for _variant, rate in (("A", rate_a), ("B", rate_b)):
        for _i in range(n_posts):
            p = min(max(rate * (1 + spread * rng.normal()), 0.0), 1.0)
            rows.append(("Brand", "brand", None, int(rng.binomial(views, p)), views, 1000, "brand"))
    f = frame(rows)
    f["x_campaign"] = "c"
    f["x_variant"] = ["A"] * n_posts + ["B"] * n_posts
    return f


def test_message_test_finds_a_real_effect_and_no_false_winner():
    real = message_tests.message_test(ab_posts(0.03, 0.045), campaign="c").iloc[0]
    assert real["significant"] and real["verdict"].startswith("B beats A")
    assert real["ci_low"] < 0.015 < real["ci_high"]
    null = message_tests.message_test(ab_posts(0.035, 0.035, seed=1), campaign="c").iloc[0]
    assert not null["significant"] and null["verdict"].startswith("No winner")
    assert null["mde"] > 0


def test_message_test_respects_overdispersion():
    # posts vary a lot around their variant's rate: a 10 % lift on 30 noisy posts is not conclusive
    noisy = message_tests.message_test(ab_posts(0.03, 0.033, spread=0.6, seed=2), campaign="c").iloc[0]
    assert noisy["dispersion"] > 5 and not noisy["significant"]


def test_message_test_holm_with_three_variants():
    f = ab_posts(0.03, 0.03, seed=3)
    extra = ab_posts(0.03, 0.03, seed=4).iloc[:30].assign(x_variant="C", post_id=lambda d: "c" + d["post_id"])
    table = message_tests.message_test(pd.concat([f, extra], ignore_index=True), campaign="c")
    assert len(table) == 3 and (table["p_adjusted"] >= table["p_value"]).all()


def test_message_test_errors():
    with pytest.raises(ValueError, match="no posts with views"):
        message_tests.message_test(ab_posts(0.03, 0.03), campaign="other")
    one = ab_posts(0.03, 0.03)
    one["x_variant"] = "A"
    with pytest.raises(ValueError, match="1 variant"):
        message_tests.message_test(one, campaign="c")


def test_net_sentiment_over_time_per_period_and_actor():
    t = pd.to_datetime(["2026-03-02T10:00Z", "2026-03-03T10:00Z", "2026-03-10T10:00Z", "2026-03-10T11:00Z"], utc=True)
    posts = pd.DataFrame(
        {
            "post_id": list("abcd"),
            "created_at": t,
            "actor": ["A", "A", "A", "B"],
            "actor_role": pd.array([None] * 4, dtype="string"),
            "sentiment": ["positive", "negative", "negative", "neutral"],
        }
    )
    out = net_sentiment.net_sentiment_over_time(posts, actors=["A", "B"], freq="W")
    a = out[out["actor"] == "A"].set_index("period")["net"]
    assert list(a) == [0.0, -1.0]
    b = out[out["actor"] == "B"]
    assert len(b) == 1 and np.isnan(b["net"].iloc[0])  # no polar post: undefined, not 0
    assert net_sentiment.net_sentiment_over_time(posts.iloc[:0], actors=["A"]).empty


def test_kpi_series_leaves_out_a_last_period_the_data_does_not_cover():
    t = pd.to_datetime(["2026-03-02T10:00Z", "2026-03-03T10:00Z", "2026-03-04T01:00Z"], utc=True)
    posts = pd.DataFrame(
        {
            "post_id": list("abc"),
            "created_at": t,
            "actor": "A",
            "actor_role": pd.array([None] * 3, dtype="string"),
            "author_handle": list("xyz"),
            "author_id": list("xyz"),
            "likes": 0,
            "shares": 0,
            "comments": 0,
            "quotes": 0,
        }
    )
    daily = metrics.kpi_series(posts, brand="A", freq="D", sentiment=None)
    assert list(daily["period"].dt.day) == [2, 3] and daily.attrs["incomplete"].startswith("2026-03-04")
    assert "left out" in daily.attrs["note"]
    full = metrics.kpi_series(posts, brand="A", freq="D", sentiment=None, covered_until="2026-03-05")
    assert len(full) == 3 and full.attrs["incomplete"] is None


def test_compare_periods_with_an_empty_previous_period_and_zero_engagement(posts):
    empty = posts.iloc[:0]
    table = metrics.compare_periods(posts.assign(likes=0), empty, brand="Brand", competitors=["Rival"]).set_index(
        "metric"
    )
    assert table.loc["mentions", "previous"] == 0 and np.isnan(table.loc["mentions", "relative_change"])
    assert table.loc["engagement", "current"] == 0 and table.loc["engagement rate", "current"] == 0.0
    # no previous share: nothing to test, neither significant nor not
    assert np.isnan(table.loc["share of voice", "previous"]) and table.loc["share of voice", "significant"] is None
    series = metrics.kpi_series(empty, brand="Brand", sentiment="sentiment")
    assert series.empty and "No mention" in series.attrs["note"]
