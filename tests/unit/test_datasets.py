"""The generated sample scenario: deterministic, schema-valid, and its truth agrees with its posts."""

from __future__ import annotations

import json
import math

import numpy as np
import pandas as pd
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from kit import datasets, schema

N = 5_000


@pytest.fixture(scope="module")
def sample():
    return datasets.generate(N, seed=7)


@pytest.fixture(scope="module")
def posts(sample):
    return sample[0]


@pytest.fixture(scope="module")
def truth(sample):
    return sample[1]


def ts(value: str) -> pd.Timestamp:
    return pd.Timestamp(value)


def test_same_seed_same_frame_and_truth(sample):
    again = datasets.generate(N, seed=7)
    pd.testing.assert_frame_equal(sample[0], again[0])
    assert sample[1] == again[1]


def test_different_seeds_differ(posts):
    other, _ = datasets.generate(N, seed=8)
    assert len(other) == len(posts)
    assert not other["text"].equals(posts["text"])
    assert not other["created_at"].equals(posts["created_at"])


def test_valid_post_table(posts):
    assert schema.validate(posts) is posts
    assert len(posts) == N
    assert (posts["source_file"] == "sample").all()
    assert posts["source_row"].tolist() == list(range(1, N + 1))
    assert posts["created_at"].is_monotonic_increasing
    assert posts["post_id"].is_unique
    for col in ("x_true_topic", "x_true_intent", "x_true_sentiment", "x_campaign", "x_variant"):
        assert col in posts.columns
    assert set(posts["x_true_sentiment"]) == {"negative", "neutral", "positive"}
    assert set(posts["x_true_intent"]) == {"complaint", "question", "praise", "feature_request", "other"}
    assert set(posts["platform"]) == {"twitter", "mastodon", "bluesky", "facebook", "instagram"}
    assert set(posts["actor_role"]) == {"brand", "competitor", "media", "public", "employee"}


def test_parents_exist_and_come_first(posts):
    children = posts[posts["parent_id"].notna()]
    assert set(children["kind"]) <= {"repost", "quote", "reply"}
    assert (posts.loc[posts["kind"] != "original", "parent_id"].notna()).all()
    when = posts.set_index("post_id")["created_at"]
    parent_time = when.reindex(children["parent_id"].to_numpy())
    assert parent_time.notna().all()
    assert (children["created_at"].to_numpy() > parent_time.to_numpy()).all()
    same_platform = posts.set_index("post_id")["platform"].reindex(children["parent_id"].to_numpy())
    assert (same_platform.to_numpy() == children["platform"].to_numpy()).all()


def test_json_serialisable_truth(truth):
    assert json.loads(json.dumps(truth)) == truth
    assert truth["generator"]["n_posts"] == N and truth["generator"]["seed"] == 7


def test_three_languages_mixed_by_actor(posts):
    assert set(posts["lang"]) == {"en", "fr", "de"}
    mentions = posts[(posts["actor_role"] == "public") & (posts["kind"] != "repost")]
    mix = pd.crosstab(mentions["actor"], mentions["lang"], normalize="index")
    assert mix.loc["Voltaria"].idxmax() == "fr"
    assert mix.loc["Railix"].idxmax() == "de"
    assert mix.loc["Trenova"].idxmax() == "en"


def test_texts_are_varied_and_filled(posts, truth):
    assert posts["text"].notna().all()
    assert posts["text"].nunique() > 0.8 * N
    assert truth["counts"]["distinct_texts"] == posts["text"].nunique()
    assert not posts["text"].str.contains("{", regex=False).any()
    # each topic is written in the three languages
    by_topic = posts[posts["x_true_topic"] != "misc"].groupby("x_true_topic")["lang"].nunique()
    assert (by_topic == 3).all()


def test_markup_posts_verbatim(posts, truth):
    script = posts[posts["text"] == "<script>alert(1)</script>"]
    assert len(script) == 1
    assert script["post_id"].iloc[0] == truth["markup_posts"]["script"]
    html = posts[posts["text"].str.contains("&amp;", regex=False)]
    assert len(html) == 1 and "<b>bold</b>" in html["text"].iloc[0]
    assert html["post_id"].iloc[0] == truth["markup_posts"]["html"]


def test_urls_and_public_profile_columns(posts):
    assert posts["url"].str.startswith("https://").all()
    assert (posts["url"].str.contains(posts["post_id"].iloc[0], regex=False)).iloc[0]
    public = posts["actor_role"] == "public"
    assert posts.loc[~public, "country"].isna().all()
    assert 0.2 < posts.loc[public, "country"].notna().mean() < 0.7
    assert set(posts["source_app"].dropna()) == {"iPhone", "Android", "Web"}
    assert {"FR", "DE", "GB", "CH"} <= set(posts["country"].dropna())


def test_share_of_voice_and_net_sentiment_match_truth(posts, truth):
    public = posts[
        (posts["actor_role"] == "public") & posts["actor"].isin(["Voltaria", "Railix", "Trenova", "Cityhop"])
    ]
    sov = public["actor"].value_counts(normalize=True)
    for actor, share in truth["share_of_voice"]["observed"].items():
        assert sov[actor] == pytest.approx(share, abs=1e-4)
    assert max(sov.items(), key=lambda kv: kv[1])[0] == truth["brand"]
    mentions = public[public["kind"] != "repost"]
    for actor, value in truth["net_sentiment"]["observed"].items():
        s = mentions.loc[mentions["actor"] == actor, "x_true_sentiment"]
        pos, neg = (s == "positive").sum(), (s == "negative").sum()
        assert (pos - neg) / (pos + neg) == pytest.approx(value, abs=1e-4)


def test_ab_rates_within_sampling_error(posts, truth):
    for name, test in truth["ab_tests"].items():
        rates = {}
        for label, spec in test["variants"].items():
            sub = posts[(posts["x_campaign"] == name) & (posts["x_variant"] == label)]
            engaged = sub[["likes", "shares", "comments", "quotes"]].sum().sum()
            views = sub["views"].sum()
            assert len(sub) == spec["posts"] >= 12
            rate = engaged / views
            se = math.sqrt(spec["rate"] * (1 - spec["rate"]) / views)
            assert abs(rate - spec["rate"]) < 4 * se
            assert rate == pytest.approx(spec["observed_rate"], abs=1e-5)
            rates[label] = (rate, views)
        (ra, na), (rb, nb) = rates["A"], rates["B"]
        pooled = (ra * na + rb * nb) / (na + nb)
        z = (rb - ra) / math.sqrt(pooled * (1 - pooled) * (1 / na + 1 / nb))
        if test["winner"] == "B":
            assert z > 5
        else:
            assert test["winner"] is None and abs(z) < 3


def test_response_times_match_truth(posts, truth):
    care = truth["customer_care"]
    replies = posts[(posts["actor"] == "Voltaria") & (posts["actor_role"] == "brand") & (posts["kind"] == "reply")]
    when = posts.set_index("post_id")["created_at"]
    hours = (
        replies["created_at"].to_numpy() - when.reindex(replies["parent_id"].to_numpy()).to_numpy()
    ) / np.timedelta64(1, "h")
    assert np.median(hours) == pytest.approx(care["median_hours"], rel=0.10)
    assert np.median(hours) == pytest.approx(care["observed_median_hours"], abs=1e-3)
    assert np.quantile(hours, 0.9) == pytest.approx(care["p90_hours"], rel=0.25)
    eligible = posts[
        (posts["actor_role"] == "public")
        & (posts["actor"] == "Voltaria")
        & (posts["kind"] != "repost")
        & posts["x_true_intent"].isin(["complaint", "question"])
    ]
    rate = eligible["post_id"].isin(set(replies["parent_id"])).mean()
    assert rate == pytest.approx(care["observed_response_rate"], abs=1e-4)
    assert rate == pytest.approx(care["response_rate"], abs=0.05)


def test_weak_signal_grows(posts, truth):
    weak = truth["weak_signal"]
    mentions = posts[(posts["actor_role"] == "public") & (posts["actor"] == "Voltaria") & (posts["kind"] != "repost")]
    start = ts(truth["generator"]["start"] + "T00:00:00Z")
    week = ((mentions["created_at"] - start) / pd.Timedelta(days=7)).astype(int)
    is_weak = mentions["x_true_topic"] == weak["topic"]
    first4, last2 = is_weak[week < 4].mean(), is_weak[week >= 11].mean()
    assert first4 < 0.01 and last2 > 0.05 and last2 > 5 * first4
    assert last2 == pytest.approx(weak["share_of_brand_mentions_last_2_weeks"], abs=1e-4)
    weak_posts = posts[(posts["x_true_topic"] == weak["topic"]) & (posts["actor_role"] == "public")]
    assert weak_posts["created_at"].min() >= ts(weak["start"] + "T00:00:00Z")
    assert set(weak_posts["lang"]) == {"en", "fr", "de"}
    assert weak_posts["text"].str.contains("|".join(weak["keywords"]), case=False).all()


def test_crisis_matches_truth(posts, truth):
    crisis = truth["crisis"]
    onset = ts(crisis["onset"])
    assert onset == ts("2026-03-09T14:00:00Z")
    brand = posts[posts["actor"] == "Voltaria"]
    hour = pd.Timedelta(hours=1)
    before = ((brand["created_at"] >= onset - 24 * hour) & (brand["created_at"] < onset)).sum() / 24
    after = ((brand["created_at"] >= onset) & (brand["created_at"] < onset + 24 * hour)).sum() / 24
    assert after > 8 * before
    peak = ts(crisis["peak_hour"])
    assert onset + 1 * hour <= peak <= onset + 5 * hour
    topic = posts[(posts["x_true_topic"] == "billing_crisis") & (posts["actor_role"] == "public")]
    assert topic["created_at"].min() == onset
    hourly = topic["created_at"].dt.floor("h").value_counts()
    assert hourly.idxmax() == peak and hourly.max() == crisis["peak_hour_posts"]
    assert crisis["observed_half_life_hours"] == pytest.approx(crisis["half_life_hours"], rel=0.3)
    media = posts[(posts["actor_role"] == "media") & (posts["x_true_topic"] == "billing_crisis")]
    assert media["created_at"].min() == ts(crisis["first_media"]) == onset + 2 * hour
    statements = posts[
        (posts["actor_role"] == "brand") & (posts["kind"] == "original") & (posts["x_true_topic"] == "billing_crisis")
    ]
    assert statements["created_at"].min() == ts(crisis["first_brand_statement"]) == onset + 6 * hour
    window = brand[(brand["created_at"] >= onset) & (brand["created_at"] < onset + 72 * hour)]
    assert (window["kind"] == "repost").mean() == pytest.approx(crisis["repost_share"], abs=1e-4)
    assert crisis["repost_share"] > 0.15
    cascade = posts.loc[(posts["kind"] == "repost") & (posts["x_true_topic"] == "billing_crisis"), "parent_id"]
    assert set(cascade) <= set(crisis["seed_post_ids"])
    assert cascade.value_counts().max() > 50
    assert crisis["negative_share_during"] > crisis["negative_share_before"]


def test_brand_pauses_marketing_and_competitor_gap(posts, truth):
    onset = ts(truth["crisis"]["onset"])
    own = posts[(posts["actor_role"] == "brand") & (posts["kind"] == "original")]
    paused = own[(own["created_at"] >= onset) & (own["created_at"] < onset + pd.Timedelta(hours=48))]
    assert (paused["x_true_topic"] == "billing_crisis").all()
    gap = truth["posting_gap"]
    comp = posts[(posts["actor"] == gap["actor"]) & (posts["actor_role"] == "competitor")]
    inside = (comp["created_at"] >= ts(gap["start"] + "T00:00:00Z")) & (
        comp["created_at"] < ts(gap["end"] + "T23:59:59Z")
    )
    assert not inside.any()


def test_engagement_effects_recoverable(posts, truth):
    eff = truth["engagement"]
    own = posts[
        posts["actor_role"].isin(["brand", "competitor"])
        & (posts["kind"] == "original")
        & posts["x_campaign"].isna()
        & (posts["x_true_topic"] != "billing_crisis")
    ].copy()
    interactions = own[["likes", "shares", "comments", "quotes"]].sum(axis=1).astype(float)
    expected = own["author_followers"].astype(float) * own["platform"].map(eff["platform_rate"]).astype(float)
    hour_effect = np.where(
        own["created_at"].dt.hour.isin(eff["hour_effect_hours_utc"]), eff["hour_effect"]["18-20"], 1.0
    )
    paid = np.where(own["paid"].fillna(False).to_numpy(bool), eff["paid_effect_interactions"], 1.0)
    ratio = interactions / (expected * hour_effect * paid)
    by_format = ratio.groupby(own["media_format"]).mean()
    assert by_format["video"] / by_format["text"] == pytest.approx(eff["format_effect"]["video"], rel=0.35)
    assert by_format["link"] < by_format["text"] < by_format["image"] < by_format["video"]
    fmt = own["media_format"].map(eff["format_effect"]).astype(float)
    by_hour = (interactions / (expected * fmt * paid)).groupby(hour_effect).mean()
    assert by_hour[1.5] / by_hour[1.0] == pytest.approx(1.5, rel=0.3)


def test_pillars_and_vocabulary(posts, truth):
    pillars = truth["pillars"]
    observed = {k: v for k, v in pillars["observed_share"].items() if k != "other"}
    assert min(observed, key=observed.get) == pillars["under_served"]
    own = posts[posts["actor_role"].isin(["brand", "competitor"]) & (posts["kind"] == "original")]
    for actor in ("Voltaria", "Railix", "Trenova", "Cityhop"):
        keywords = truth["actors"][actor]["keywords"]
        text = own["text"].str.contains("|".join(keywords), case=False, regex=True)
        mine = text[own["actor"] == actor].mean()
        others = text[own["actor"] != actor].mean()
        assert mine > 0.5 and mine > 3 * others, actor


def test_employees_share_brand_posts(posts, truth):
    emp = posts[posts["actor_role"] == "employee"]
    assert set(emp["author_handle"]) <= set(truth["employees"])
    assert 5 <= len(truth["employees"]) <= 10
    assert set(emp["kind"]) == {"repost", "quote"}
    parents = posts.set_index("post_id").reindex(emp["parent_id"].to_numpy())
    assert (parents["actor"] == "Voltaria").all() and (parents["actor_role"] == "brand").all()


def test_heavy_tailed_public_authors(posts, truth):
    public = posts[posts["actor_role"] == "public"]
    per_author = public["author_handle"].value_counts()
    assert len(per_author) > 1_000
    assert per_author.max() > 10 * per_author.median()
    followers = public.drop_duplicates("author_handle")["author_followers"]
    assert followers.max() > 30 * followers.median()
    assert truth["influencers"]["count"] == (followers >= 10_000).sum() > 10


def test_too_small_or_bad_start_is_refused():
    with pytest.raises(ValueError, match="at least"):
        datasets.generate(500)
    with pytest.raises(ValueError, match="midnight"):
        datasets.generate(2_000, start="2026-01-05 10:00")


def test_start_moves_the_calendar():
    posts, truth = datasets.generate(2_000, seed=1, start="2025-06-02")
    assert truth["crisis"]["onset"] == "2025-08-04T14:00:00Z"
    assert posts["created_at"].min() >= pd.Timestamp("2025-06-02", tz="UTC")
    assert posts["created_at"].max() < pd.Timestamp("2025-09-01", tz="UTC")


@settings(max_examples=5, deadline=None)
@given(seed=st.integers(0, 2**32 - 1), n=st.integers(1_000, 3_000))
def test_any_seed_gives_a_valid_table(seed, n):
    posts, truth = datasets.generate(n, seed=seed)
    schema.validate(posts)
    assert len(posts) == n == truth["counts"]["posts"]
    assert (posts["text"] == "<script>alert(1)</script>").sum() == 1
    assert posts["parent_id"].dropna().isin(set(posts["post_id"])).all()


def test_write_sample_roundtrip(tmp_path):
    paths = datasets.write_sample(tmp_path, n_posts=2_000, seed=3)
    assert set(paths) == {"posts", "posts_csv", "truth", "accounts"}
    posts = pd.read_parquet(paths["posts"])
    expected, truth = datasets.generate(2_000, seed=3)
    pd.testing.assert_frame_equal(schema.coerce(posts), expected)
    csv = pd.read_csv(paths["posts_csv"], dtype=str, keep_default_na=False, encoding="utf-8")
    assert csv["post_id"].tolist() == expected["post_id"].tolist()
    assert csv["text"].tolist() == expected["text"].tolist()
    assert csv["created_at"].iloc[0].endswith("Z")
    assert json.loads(paths["truth"].read_text(encoding="utf-8")) == truth
    accounts = pd.read_csv(paths["accounts"], dtype={"author_id": str})
    assert list(accounts.columns) == [
        "handle",
        "platform",
        "author_id",
        "name",
        "actor",
        "actor_role",
        "followers",
        "employee",
    ]
    assert set(accounts.loc[accounts["employee"], "handle"]) == set(truth["employees"])
    assert {"voltaria", "railix", "trenova", "cityhop"} <= set(accounts["handle"])
    assert len(accounts) == truth["accounts"] + len(truth["employees"])
    # the accounts table agrees with the posts: same ids and followers for every account that posted
    tracked = expected[expected["actor_role"] != "public"].drop_duplicates(["author_handle", "platform"])
    merged = tracked.merge(accounts, left_on=["author_handle", "platform"], right_on=["handle", "platform"])
    assert len(merged) == len(tracked)
    assert (merged["author_id_x"] == merged["author_id_y"]).all()
    assert (merged["author_followers"] == merged["followers"]).all()


def test_embedded_sample_is_current():
    posts, truth = datasets.load_sample()
    assert datasets.sample_path().parent.name == "sample"
    assert len(posts) == truth["generator"]["n_posts"] == 20_000
    fresh_posts, fresh_truth = datasets.generate()
    assert truth == fresh_truth, "data/sample is stale: run `kit sample --out data/sample --posts 20000 --seed 0`"
    pd.testing.assert_frame_equal(posts, fresh_posts)
    for name in ("posts.csv", "accounts.csv", "truth.json"):
        assert datasets.sample_path(name).exists()


def test_sample_dir_is_package_data():
    """The sample is found through importlib.resources (kit/_data, a link to data/ in a checkout)."""
    from importlib import resources
    from pathlib import Path

    shipped = Path(str(resources.files("kit") / "_data" / "sample"))
    assert datasets.SAMPLE_DIR == shipped
    assert datasets.sample_path("truth.json").resolve() == (shipped / "truth.json").resolve()
    with pytest.raises(FileNotFoundError, match="kit sample"):
        datasets.sample_path("nope.parquet")
