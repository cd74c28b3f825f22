"""Customer care and audience metrics on hand-built frames (and the sample's truth)."""

from __future__ import annotations

import numpy as np
import pandas as pd
import pytest

from kit.tl import audience, care, influencers, mentions

T0 = pd.Timestamp("2026-03-01T08:00:00Z")


def frame(rows):
    cols = [
        "post_id",
        "author_handle",
        "author_id",
        "author_followers",
        "created_at",
        "text",
        "kind",
        "parent_id",
        "actor",
        "actor_role",
        "likes",
        "shares",
        "comments",
        "quotes",
        "views",
        "intent",
        "sentiment",
    ]
    out = pd.DataFrame([dict(zip(cols, r)) for r in rows], columns=cols)
    out["created_at"] = pd.to_datetime(out["created_at"], utc=True)
    for c in ("likes", "shares", "comments", "quotes", "views", "author_followers"):
        out[c] = out[c].astype("Int64")
    for c in (
        "post_id",
        "author_handle",
        "author_id",
        "text",
        "kind",
        "parent_id",
        "actor",
        "actor_role",
        "intent",
        "sentiment",
    ):
        out[c] = out[c].astype("string")
    return out


def h(hours):
    return T0 + pd.Timedelta(hours=hours)


CARE = frame(
    [
        # id, handle, id, followers, time, text, kind, parent, actor, role, likes, shares, comments, quotes, views, intent, sent
        (
            "1",
            "ann",
            "a",
            10,
            h(0),
            "where is my refund?",
            "original",
            None,
            "Brand",
            "public",
            0,
            0,
            0,
            0,
            None,
            "question",
            "neutral",
        ),
        (
            "2",
            "bob",
            "b",
            20,
            h(1),
            "charged twice!!",
            "original",
            None,
            "Brand",
            "public",
            0,
            0,
            0,
            0,
            None,
            "complaint",
            "negative",
        ),
        (
            "3",
            "cat",
            "c",
            30,
            h(2),
            "love it",
            "original",
            None,
            "Brand",
            "public",
            5,
            0,
            0,
            0,
            None,
            "praise",
            "positive",
        ),
        (
            "4",
            "dan",
            "d",
            40,
            h(3),
            "RT charged twice",
            "repost",
            "2",
            "Brand",
            "public",
            0,
            0,
            0,
            0,
            None,
            "complaint",
            "negative",
        ),
        (
            "5",
            "Brand_HQ",
            "x",
            1000,
            h(2),
            "sorry, DM us",
            "reply",
            "1",
            "Brand",
            "brand",
            0,
            0,
            0,
            0,
            None,
            None,
            None,
        ),
        (
            "6",
            "brand_hq",
            "x",
            1000,
            h(5),
            "second answer",
            "reply",
            "1",
            "Brand",
            "brand",
            0,
            0,
            0,
            0,
            None,
            None,
            None,
        ),
        (
            "7",
            "brand_hq",
            "x",
            1000,
            h(4),
            "we are on it",
            "reply",
            "2",
            "Brand",
            "brand",
            0,
            0,
            0,
            0,
            None,
            None,
            None,
        ),
        (
            "8",
            "eve",
            "e",
            50,
            h(40),
            "why no answer?",
            "original",
            None,
            "Brand",
            "public",
            0,
            0,
            0,
            0,
            None,
            "question",
            "negative",
        ),
        (
            "9",
            "fay",
            "f",
            60,
            h(41),
            "@brand_hq help",
            "reply",
            "10",
            None,
            "public",
            0,
            0,
            0,
            0,
            None,
            "question",
            "neutral",
        ),
        (
            "10",
            "brand_hq",
            "x",
            1000,
            h(39),
            "new timetable",
            "original",
            None,
            "Brand",
            "brand",
            9,
            1,
            0,
            0,
            None,
            None,
            None,
        ),
    ]
)


def test_cases_first_response_and_intents():
    c = care.cases(CARE, brand_handles=["@Brand_HQ"], brand="Brand", intent_column="intent")
    assert set(c["post_id"]) == {"1", "2", "8", "9"}  # praise, repost and the brand's own posts are not cases
    c = c.set_index("post_id")
    assert c.loc["1", "hours_to_response"] == pytest.approx(2.0)  # the earliest of two replies
    assert c.loc["2", "hours_to_response"] == pytest.approx(3.0)
    assert not c.loc["8", "responded"] and np.isnan(c.loc["8", "hours_to_response"])
    assert c.loc["9", "actor"] is pd.NA or pd.isna(c.loc["9", "actor"])  # a reply to the brand's post is a case
    assert c.loc["1", "response_text"] == "sorry, DM us"


def test_cases_without_intents_and_open_threshold():
    c = care.cases(CARE, brand_handles=["brand_hq"], brand="Brand", intents=None, as_of=h(48), open_after_hours=6)
    assert set(c["post_id"]) == {"1", "2", "3", "8", "9"}
    assert set(c.loc[c["open"], "post_id"]) == {"3", "8", "9"}
    assert list(care.open_cases(c)["text"])[0] == "love it"  # oldest first


def test_cases_missing_intent_column_says_which():
    with pytest.raises(KeyError, match="intent_x"):
        care.cases(CARE, brand_handles=["brand_hq"], intent_column="intent_x")


def test_summary_rates_and_quantiles():
    c = care.cases(CARE, brand_handles=["brand_hq"], brand="Brand", intent_column="intent")
    s = care.summary(c).iloc[0]
    assert (s["cases"], s["responded"]) == (4, 2)
    assert s["response_rate"] == 0.5 and s["rate_low"] < 0.5 < s["rate_high"]
    assert s["median_hours"] == pytest.approx(2.5) and s["p90_hours"] == pytest.approx(2.9)
    by = care.summary(c, by="intent").set_index("intent")
    assert by.loc["complaint", "response_rate"] == 1.0 and by.loc["question", "responded"] == 1


def test_summary_of_no_cases_and_no_replies():
    empty = care.cases(CARE.iloc[:0], brand_handles=["brand_hq"], brand="Brand", intents=None)
    s = care.summary(empty)
    assert s["cases"].iloc[0] == 0 and np.isnan(s["response_rate"].iloc[0])
    assert "No questions or complaints" in care.describe(s, brand="Brand")
    silent = care.cases(
        CARE[CARE["author_handle"].str.lower() != "brand_hq"],
        brand_handles=["brand_hq"],
        brand="Brand",
        intent_column="intent",
    )
    s = care.summary(silent)
    assert s["responded"].iloc[0] == 0 and np.isnan(s["median_hours"].iloc[0])
    assert "no reply from its accounts" in care.describe(s, brand="Brand")


def test_history_by_topic_has_examples():
    c = care.cases(CARE, brand_handles=["brand_hq"], brand="Brand", intent_column="intent")
    hist = care.history(c, by="intent").set_index("intent")
    assert hist.loc["complaint", "example_response"] == "we are on it"
    assert hist.loc["question", "example_unanswered"] == "@brand_hq help"


def test_cases_does_not_mutate_input():
    before = CARE.copy()
    care.cases(CARE, brand_handles=["brand_hq"], brand="Brand", intent_column="intent")
    pd.testing.assert_frame_equal(CARE, before)


def test_sample_care_matches_the_generator(sample):
    posts, truth = sample
    c = care.cases(posts, brand_handles=["voltaria"], brand=truth["brand"], intent_column="x_true_intent")
    s = care.summary(c).iloc[0]
    t = truth["customer_care"]
    assert s["cases"] == t["eligible_posts"] and s["responded"] == t["replies"]
    assert s["median_hours"] == pytest.approx(t["observed_median_hours"], abs=0.01)
    assert s["p90_hours"] == pytest.approx(t["observed_p90_hours"], abs=0.01)


@pytest.fixture(scope="module")
def sample():
    from kit import datasets

    return datasets.load_sample()


AUD = frame(
    [
        ("1", "ann", "a", 500, h(0), "a1", "original", None, "A", "public", 1, 0, 0, 0, None, None, "positive"),
        ("2", "ann", "a", 500, h(1), "b1", "original", None, "B", "public", 0, 0, 0, 0, None, None, "negative"),
        ("3", "bob", "b", 20_000, h(1), "a2", "original", None, "A", "public", 10, 5, 0, 0, 30_000, None, "negative"),
        ("4", "cat", "c", None, h(2), "b2", "original", None, "B", "public", 0, 0, 0, 0, None, None, None),
        ("5", "cat", "c", None, h(3), "c1", "original", None, "C", "public", 0, 0, 0, 0, None, None, None),
        ("6", "cat", "c", None, h(3), "a3", "original", None, "A", "public", 0, 0, 0, 0, None, None, None),
    ]
)


def test_overlap_counts_and_jaccard():
    o = audience.overlap(AUD, actors=["A", "B", "C", "D"]).set_index(["actor_a", "actor_b"])
    assert o.loc[("A", "B"), "shared"] == 2  # ann and cat
    assert o.loc[("A", "B"), "jaccard"] == pytest.approx(2 / 3)
    assert o.loc[("A", "C"), "share_of_a"] == pytest.approx(1 / 3)
    assert o.loc[("A", "D"), "shared"] == 0 and np.isnan(o.loc[("D", "D"), "jaccard"])  # absent actor visible


def test_crossroads_orders_by_actors_then_followers():
    c = audience.crossroads(AUD, actors=["A", "B", "C"])
    assert list(c["author"]) == ["cat", "ann"] and c.attrs["authors"] == 2
    assert c.loc[1, "net_sentiment"] == 0.0 and c.loc[0, "n_actors"] == 3


def test_influencers_reach_uses_views_then_followers_and_tiers():
    i = influencers.influencers(AUD, rank_by="reach")
    assert list(i["author"])[:2] == ["bob", "ann"]
    assert i.loc[0, "reach"] == 30_000 and i.loc[1, "reach"] == 1_000 and i.loc[0, "tier"] == "micro (10k-100k)"
    assert i.set_index("author").loc["cat", "tier"] == "(unknown)"
    e = influencers.influencers(AUD, rank_by="engagement", sentiment=None)
    assert e.loc[0, "author"] == "bob" and "net_sentiment" not in e
    with pytest.raises(ValueError, match="rank_by"):
        influencers.influencers(AUD, rank_by="likes")


def test_tier_boundaries():
    assert list(influencers.tier([0, 999, 1000, 10_000, 100_000, 1_000_000, None])) == [
        "regular (< 1k)",
        "regular (< 1k)",
        "nano (1k-10k)",
        "micro (10k-100k)",
        "macro (100k-1M)",
        "mega (1M+)",
        "(unknown)",
    ]


def test_advocacy_lists_silent_employees_and_zero_engagement():
    a = audience.advocacy(AUD, employee_handles=["ann", "zed"], brand_handles=["bob"]).set_index("account")
    assert a.loc["zed", "posts"] == 0 and np.isnan(a.loc["zed", "engagement_per_post"])
    assert a.loc["all employees", "posts"] == 2 and a.loc["all employees", "engagement"] == 1
    assert a.loc["brand accounts", "engagement_per_post"] == 15


def test_profile_says_when_a_dimension_is_missing():
    p = audience.profile(AUD.assign(lang=["fr", "fr", "en", "und", None, "de"]), columns=("lang", "country"))
    lang = p[p["dimension"] == "lang"].set_index("value")
    assert lang.loc["fr", "share"] == 0.5 and lang.loc["fr", "coverage"] == pytest.approx(4 / 6)
    country = p[p["dimension"] == "country"]
    assert list(country["value"]) == ["(not in this export)"] and country["coverage"].iloc[0] == 0


def test_sample_influencer_count_matches_truth(sample):
    posts, truth = sample
    m = mentions.mentions(posts)
    by_tier = influencers.influencers(m, n=10).attrs["by_tier"]
    big = sum(v for k, v in by_tier.items() if k.startswith(("micro", "macro", "mega")))
    assert big == truth["influencers"]["count"]


def test_history_of_no_cases_keeps_its_columns():
    empty = care.cases(CARE.iloc[:0], brand_handles=["brand_hq"], brand="Brand", intents=None)
    hist = care.history(care.with_topic(empty), by="topic")
    assert hist.empty and {"topic", "cases", "response_rate", "example_case"} <= set(hist.columns)


def test_cases_reuse_the_sentiment_of_scored_posts(monkeypatch):
    from kit.tl import sentiment

    posts = CARE.drop(columns=["intent", "sentiment"])
    scored = sentiment.score(posts, model="lexicon")
    scored.loc[scored["post_id"] == "1", ["sentiment", "score"]] = ["negative", -0.9]  # the report's own verdict
    asked = []
    real = sentiment.score

    def spy(frame, **kwargs):
        asked.append((frame["post_id"].tolist(), kwargs.get("model")))
        return real(frame, model="lexicon")

    monkeypatch.setattr(sentiment, "score", spy)
    c = care.cases(posts, brand_handles=["brand_hq"], brand="Brand", scored=scored, intents=None)
    assert asked == []
    with_intents = care.cases(posts, brand_handles=["brand_hq"], brand="Brand", scored=scored)
    assert asked == []  # every candidate was among the scored posts
    assert "1" in set(with_intents["post_id"]) and len(c) >= len(with_intents)
    care.cases(posts, brand_handles=["brand_hq"], brand="Brand", scored=scored[scored["post_id"] != "9"])
    assert asked == [(["9"], "auto")]  # only the candidate missing from them is scored


def test_with_topic_fits_a_sample_of_many_cases_and_a_student_labels_the_rest():
    rng = np.random.default_rng(0)
    subjects = {
        "refund": "refund money back payment card charged",
        "delay": "delay late train platform hour wait",
        "wifi": "wifi internet connection onboard signal laptop",
    }
    rows = []
    for i in range(240):
        name = list(subjects)[i % 3]
        words = subjects[name].split()
        rows.append({"post_id": str(i), "text": " ".join(rng.choice(words, size=6)), "subject": name, "lang": "en"})
    cases_ = pd.DataFrame(rows)
    out = care.with_topic(cases_, embedder="hash", max_fit=120, seed=0)
    assert out["topic"].notna().all() and len(out) == 240
    distinct = cases_["text"].drop_duplicates().tolist()
    assert f"random sample of 120 of the {len(distinct)} distinct texts of the 240 cases" in out.attrs["note"]
    assert "held-out" in out.attrs["note"]
    from kit.tl import distil

    sampled = {distinct[i] for i in distil.sample_texts(distinct, 120, 0)}  # drawn by a seeded hash of the text
    taught = cases_["text"].isin(sampled).to_numpy()
    sample, rest = out[taught], out[~taught]
    subject_of = sample.groupby("topic")["subject"].agg(lambda s: s.mode().iloc[0])  # what each fitted topic is about
    labelled = rest[rest["topic"] != "outliers"]
    assert len(labelled) > 80
    assert (labelled["topic"].map(subject_of) == labelled["subject"]).mean() > 0.95  # the student keeps subjects apart
    small = care.with_topic(cases_.iloc[:60], embedder="hash", max_fit=120)
    assert small.attrs["note"] == "Topics fitted on the 60 cases' own texts."
    copies = care.with_topic(pd.concat([cases_.iloc[:60]] * 3, ignore_index=True), embedder="hash", max_fit=120)
    assert copies.attrs["note"] == "Topics fitted on the 60 distinct texts of the 180 cases."
    assert (copies["topic"].to_numpy()[:60] == copies["topic"].to_numpy()[120:]).all()  # a copy, the same topic


def test_care_topics_sample_the_texts_the_sentiment_teacher_embedded():
    """Coordinated samples: drawn with the same seed, the care topics' sample of the complaints holds the
    texts of the sentiment teacher's sample of all posts that are complaints, so no text is embedded twice."""
    from kit.tl import distil

    posts = [f"post {i} about trains" for i in range(20_000)]
    complaints = posts[::4]  # a subset, as cases are of mentions
    teacher = {posts[i] for i in distil.sample_texts(posts, 2_000, seed=3)}
    care_sample = {complaints[i] for i in distil.sample_texts(complaints, 300, seed=3)}
    assert len(teacher & set(complaints)) > 300  # enough complaints among the teacher's texts (about 500)...
    assert care_sample <= teacher  # ...so the care sample is made of them only
    other_seed = {complaints[i] for i in distil.sample_texts(complaints, 300, seed=4)}
    assert len(other_seed & teacher) < 100  # another seed, an independent sample (about 30 in common)


# --- issue 16: an export without authors says so instead of zeros --------------------------------------------
def _anonymous():
    posts = pd.DataFrame(
        {
            "post_id": ["1", "2", "3"],
            "actor": ["Brand", "Rival", "Brand"],
            "actor_role": pd.array([None] * 3, dtype="string"),
            "author_handle": pd.array([None] * 3, dtype="string"),
            "author_id": pd.array([None] * 3, dtype="string"),
            "author_followers": [None, None, None],
            "views": [None] * 3,
            "likes": [1, 2, 3],
            "shares": 0,
            "comments": 0,
            "quotes": 0,
            "kind": "original",
            "text": ["a", "b", "c"],
            "sentiment": ["positive", "negative", "neutral"],
        }
    )
    return posts


def test_no_author_column_gives_sentences_not_zero_matrices():
    from kit.tl import audience, influencers

    posts = _anonymous()
    o = audience.overlap(posts, actors=["Brand", "Rival"])
    assert o.empty and o.attrs["note"].startswith("The export has no author column")
    matrix = audience.overlap_matrix(o)
    assert matrix.empty and matrix.attrs["note"] == o.attrs["note"]
    assert audience.crossroads(posts, actors=["Brand", "Rival"]).attrs["note"].startswith("The export has no author")
    adv = audience.advocacy(posts, employee_handles=["ann"], brand_handles=["brand"])
    assert adv.empty and "employees' and the brand's own posts cannot be found" in adv.attrs["note"]
    assert influencers.tiers(posts).attrs["note"].startswith("The export has no author column")
    ranked = influencers.influencers(posts, rank_by="engagement")
    assert ranked.empty and "influencers cannot be ranked" in ranked.attrs["note"]


def test_with_authors_the_notes_stay_quiet():
    from kit.tl import audience, influencers

    posts = _anonymous().assign(author_handle=pd.array(["x", "x", "y"], dtype="string"))
    assert audience.overlap(posts, actors=["Brand", "Rival"]).attrs.get("note", "") == ""
    assert influencers.tiers(posts).attrs["note"] == ""
    assert audience.overlap_matrix(audience.overlap(posts, actors=["Brand", "Rival"])).shape == (2, 3)
