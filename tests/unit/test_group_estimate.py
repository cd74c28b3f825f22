"""kit.tl.group_estimate and kit.tl.estimate_sentences: sentiment per group, corrected by a review when there is
one, said as raw (uncorrected) when not, small groups and disagreements in words."""

from __future__ import annotations

import numpy as np
import pandas as pd
import pytest

from kit.tl import estimate_sentences as es
from kit.tl import group_estimate as ge

LABELS = ["negative", "neutral", "positive"]


def _world(seed=0, n=3000, flip=(0.5, 0.05), reviewed_per_group=(150, 150, 0)):
    """Three groups whose true tone differs; the model calls a share ``flip[g]`` of true negatives positive
    (sarcasm read literally), differently per group; a simple random review of each group."""
    rng = np.random.default_rng(seed)
    group = rng.choice(["a", "b", "c"], size=n)
    true = np.where(
        group == "a",
        rng.choice(LABELS, size=n, p=[0.6, 0.3, 0.1]),
        np.where(
            group == "b", rng.choice(LABELS, size=n, p=[0.2, 0.4, 0.4]), rng.choice(LABELS, size=n, p=[0.4, 0.4, 0.2])
        ),
    )
    rate = np.where(group == "a", flip[0], flip[1])
    pred = np.where((true == "negative") & (rng.random(n) < rate), "positive", true)
    posts = pd.DataFrame({"post_id": [f"p{i}" for i in range(n)], "group": group, "sentiment": pred, "truth": true})
    picks = []
    for g, k in zip("abc", reviewed_per_group):
        ids = posts.index[posts["group"] == g]
        picks += list(rng.choice(ids, size=min(k, len(ids)), replace=False))
    review = pd.DataFrame({"post_id": posts.loc[picks, "post_id"], "label_ana": posts.loc[picks, "truth"]})
    return posts, review


def _true_net(posts):
    t = posts.groupby("group")["truth"].value_counts().unstack(fill_value=0)
    return (t["positive"] - t["negative"]) / (t["positive"] + t["negative"])


def test_without_review_the_figures_are_raw_and_said_so():
    posts, _ = _world()
    out = ge.estimate(posts, None, by="group")
    assert (out["estimate"] == ge.RAW).all()
    assert np.allclose(out["net_sentiment"], out["raw net sentiment (uncorrected)"])
    assert not out.attrs["corrected"]
    text = es.describe(out, what="group")
    assert "raw count, uncorrected" in text and "review_file" in text


def test_the_bias_sentence_comes_from_the_model_not_from_the_code():
    posts, _ = _world()

    class Model:
        meta = {"measured_on_real_data": {"data": "toy", "rows": [{"lang": "fr", "raw_net": 0.31, "true_net": -0.2}]}}

    text = es.describe(ge.estimate(posts, None, by="group", model=Model()), what="group")
    assert "fr +0.31 where the labels say -0.20" in text
    # a model without measurements: no invented figure
    assert "were not measured" in es.describe(ge.estimate(posts, None, by="group", model=object()), what="group")


def test_corrected_covers_the_truth_where_the_raw_count_is_wrong():
    posts, review = _world()
    out = ge.estimate(posts, review, by="group", n_boot=1000).set_index("group")
    truth = _true_net(posts)
    assert out.attrs["corrected"]
    # group a: half of its negatives called positive, the raw count has the wrong sign
    assert out.loc["a", "raw net sentiment (uncorrected)"] > 0 > truth["a"]
    for g in ("a", "b"):
        assert out.loc[g, "net_low"] <= truth[g] <= out.loc[g, "net_high"], (g, out.loc[g].to_dict(), truth[g])
        assert out.loc[g, "estimate"] == "corrected by its reviewed posts"
    # group c has no reviewed post: corrected with borrowed errors, flagged, and its interval is wider
    assert out.loc["c", "reviewed"] == 0
    assert "none of its own" in out.loc["c", "estimate"]
    width = out["net_high"] - out["net_low"]
    assert width["c"] > width["b"]


def test_sentences_name_small_groups_and_sign_disagreements():
    posts, review = _world()
    out = ge.estimate(posts, review, by="group", n_boot=500)
    text = es.describe(out, what="group")
    assert "corrected by the human review" in text
    assert "fewer than 10 reviewed posts" in text and "none at all for c" in text
    assert "disagree in sign" in text and "a" in text.split("disagree in sign")[0]


def test_few_reviews_in_a_group_widen_its_interval_not_narrow_it():
    posts, review = _world(reviewed_per_group=(150, 150, 6))
    out = ge.estimate(posts, review, by="group", n_boot=500).set_index("group")
    assert out.loc["c", "estimate"] == "corrected, few reviewed posts of its own"
    assert (out.loc["c", "net_high"] - out.loc["c", "net_low"]) > (out.loc["b", "net_high"] - out.loc["b", "net_low"])


def test_a_review_of_other_posts_leaves_the_figures_raw_with_the_reason():
    posts, _ = _world()
    other = pd.DataFrame({"post_id": ["x1", "x2"], "label_ana": ["negative", "positive"]})
    out = ge.estimate(posts, other, by="group")
    assert not out.attrs["corrected"] and "no reviewed post" in out.attrs["why_raw"]
    assert "could not correct" in es.describe(out, what="group")


def test_order_and_several_columns():
    posts, review = _world()
    posts["phase"] = np.where(posts.index % 2 == 0, "peak", "before")
    out = ge.estimate(posts, review, by="phase", order=["before", "peak"], n_boot=200)
    assert out["phase"].tolist() == ["before", "peak"] and out.attrs["ordered"]
    both = ge.estimate(posts, review, by=["group", "phase"], n_boot=200, min_posts=100)
    assert len(both) == 6 and both["posts"].sum() == len(posts)


def test_unscored_posts_are_left_out_and_inputs_not_mutated():
    posts, review = _world(n=600)
    posts.loc[:9, "sentiment"] = pd.NA
    before = posts.copy()
    out = ge.estimate(posts, review, by="group", n_boot=100)
    assert out["posts"].sum() == len(posts) - 10
    pd.testing.assert_frame_equal(posts, before)


def test_missing_column_is_named():
    with pytest.raises(KeyError, match="topic"):
        ge.estimate(pd.DataFrame({"post_id": ["a"], "sentiment": ["positive"]}), None, by="topic")


def test_direction_disagreement_between_phases_is_said():
    t = pd.DataFrame(
        {
            "phase": ["before", "peak"],
            "posts": [100, 100],
            "reviewed": [40, 40],
            "net_sentiment": [-0.2, -0.1],
            "net_low": [-0.3, -0.2],
            "net_high": [-0.1, 0.0],
            "negative_share": [0.6, 0.3],
            "negative_share_low": [0.5, 0.2],
            "negative_share_high": [0.7, 0.4],
            "estimate": ["corrected by its reviewed posts"] * 2,
            es.RAW_NET: [-0.1, -0.05],
            es.RAW_NEG: [0.3, 0.35],
        }
    )
    t.attrs.update(corrected=True, ordered=True, by=["phase"], reviewed_used=80, review_rows=80, min_reviewed=10)
    text = es.describe(t, what="phase")
    assert "From before to peak the raw negative share rises while the corrected one falls" in text
    # overlapping intervals: no claim about direction
    t["negative_share_low"], t["negative_share_high"] = [0.2, 0.2], [0.7, 0.7]
    assert "From before" not in es.describe(t, what="phase")


def test_concentration_bounds():
    rows = np.array([[5, 5, 0], [5, 5, 0]])
    a, measured = ge.concentration(rows, np.array([0.5, 0.5, 0.0]))
    assert measured and ge.MIN_CONCENTRATION <= a <= ge.MAX_CONCENTRATION
    assert ge.concentration(np.zeros((3, 3)), np.ones(3) / 3) == (ge.MAX_CONCENTRATION, False)


def test_top_labels_and_the_topic_table_merge():
    posts, review = _world()
    posts["topic"] = np.where(posts["group"] == "a", 0, np.where(posts["group"] == "b", 1, 2))
    out = ge.estimate(posts, review, by="topic", labels={0: "retard", 1: "prix", 2: "appli"}, top=2, n_boot=200)
    assert len(out) == 2 and out["label"].notna().all()
    # the errors still come from every reviewed post, the kept rows are the largest topics
    assert out.attrs["reviewed_used"] == len(review)
    table = pd.DataFrame(
        {
            "topic": [0, 1, 2],
            "size": [1, 2, 3],
            "negative_share": [0.1, 0.2, 0.3],
            "negative_low": [0.0] * 3,
            "negative_high": [0.5] * 3,
            "net_sentiment": [0.9] * 3,
            "dominant_emotion": ["joy"] * 3,
        }
    )
    merged = ge.with_estimate(table, out, on="topic")
    assert "negative_low" not in merged.columns and merged.columns[-1] == "dominant_emotion"
    kept = out.set_index("topic")["net_sentiment"]
    (left_out,) = {0, 1, 2} - set(kept.index)
    for t in kept.index:
        assert merged.loc[t, "net_sentiment"] == kept[t]
    assert np.isnan(merged.loc[left_out, "net_sentiment"])  # a topic left out shows no figure, not the raw 0.9
    shares = ge.as_shares(out)
    assert shares.columns.tolist() == ["topic", "share", "low", "high", "raw_share"]
    assert shares.attrs["corrected"]
