"""The review loop: a chosen sample that still estimates, learning and correcting in one step, corrected
net sentiment per actor and per period (kit.tl.review_choose, review_loop, net_estimate)."""

from __future__ import annotations

import numpy as np
import pandas as pd
import pytest

from kit.tl import net_estimate, review_choose, review_loop
from kit.tl.corrected_shares import corrected_shares

LABELS = np.array(["negative", "neutral", "positive"], dtype=object)


def _corpus(n=3000, seed=0):
    """Posts of two actors over 6 weeks whose model over-calls positive (true mostly negative)."""
    rng = np.random.default_rng(seed)
    actor = rng.choice(["A", "B"], size=n)
    truth = np.where(actor == "A", rng.choice(3, n, p=[0.6, 0.3, 0.1]), rng.choice(3, n, p=[0.3, 0.3, 0.4]))
    # the model calls 40 % of negatives and neutrals positive
    pred = np.where((truth < 2) & (rng.random(n) < 0.4), 2, truth)
    peak = rng.uniform(0.4, 0.95, n)
    p = np.repeat(((1 - peak) / 2)[:, None], 3, axis=1)
    p[np.arange(n), pred] = peak
    created = pd.Timestamp("2026-01-05", tz="UTC") + pd.to_timedelta(rng.integers(0, 42 * 24, n), unit="h")
    return pd.DataFrame(
        {
            "post_id": [f"p{i}" for i in range(n)],
            "text": [f"post {i}" for i in range(n)],
            "lang": rng.choice(["fr", "de"], n),
            "actor": actor,
            "actor_role": "public",
            "created_at": created,
            "sentiment": LABELS[pred],
            "confidence": p.max(1),
            "p_negative": p[:, 0],
            "p_neutral": p[:, 1],
            "p_positive": p[:, 2],
            "gold": LABELS[truth],
        }
    )


def _net(labels):
    pos, neg = (labels == "positive").sum(), (labels == "negative").sum()
    return (pos - neg) / (pos + neg)


def test_chosen_sample_has_an_estimation_part_with_weights_and_a_learning_part_without():
    posts = _corpus()
    emb = np.random.default_rng(1).normal(size=(len(posts), 16))
    s = review_choose.choose_sample(posts, 200, embeddings=emb, learn=0.5, seed=3)
    assert len(s) == 200 and s["post_id"].is_unique
    est, learn = s[s["part"] == "estimate"], s[s["part"] == "learn"]
    assert len(est) == 100 and len(learn) == 100
    assert est["weight"].sum() == pytest.approx(len(posts))  # design weights add up to the corpus
    assert learn["weight"].isna().all()
    # the learning part is the uncertain end: its mean uncertainty is above the corpus's
    assert learn["uncertainty"].mean() > review_choose.uncertainty(posts).mean() + 0.1
    # spread over actors and languages in proportion
    assert set(learn["actor"]) == {"A", "B"} and set(learn["lang"]) == {"fr", "de"}


def test_learning_rows_are_left_out_of_the_corrected_shares():
    posts = _corpus()
    s = review_choose.choose_sample(posts, 300, learn=0.5, strata=("sentiment",), seed=0)
    review = pd.DataFrame({"post_id": s["post_id"], "weight": s["weight"], "label_gold": s["gold"]})
    out = corrected_shares(posts, review, n_boot=200)
    assert out.attrs["accounting"]["learning_only"] == 150
    assert out.attrs["accounting"]["reviewed_used"] == 150
    net = out.set_index("measure").loc["net_sentiment"]
    assert net["ci_low"] <= _net(posts["gold"]) <= net["ci_high"]


def test_headline_corrects_and_labels_the_raw_figure():
    posts = _corpus()
    s = review_choose.choose_sample(posts, 400, learn=0.0, strata=("actor", "sentiment"), seed=0)
    review = pd.DataFrame({"post_id": s["post_id"], "weight": s["weight"], "label_gold": s["gold"]})
    table = net_estimate.headline(posts, review, n_boot=300).set_index("actor")
    for actor in ("A", "B"):
        truth = _net(posts.loc[posts["actor"] == actor, "gold"])
        row = table.loc[actor]
        assert row["ci_low"] <= truth <= row["ci_high"], actor
        assert abs(row["estimate"] - truth) < abs(row[net_estimate.RAW] - truth), actor
    assert table["source"].str.startswith("corrected").all()
    assert "trust the corrected" in table.attrs["note"] and "more would narrow" in table.attrs["note"]
    raw = net_estimate.headline(posts, None)
    assert (raw["source"] == net_estimate.RAW).all() and "uncorrected" in raw.attrs["note"]


def test_over_time_is_corrected_with_each_actors_errors():
    posts = _corpus()
    s = review_choose.choose_sample(posts, 400, learn=0.0, strata=("actor", "sentiment"), seed=0)
    review = pd.DataFrame({"post_id": s["post_id"], "weight": s["weight"], "label_gold": s["gold"]})
    table = net_estimate.over_time(posts, review, actors=["A", "B"], freq="W", n_boot=100)
    assert table.attrs["source"] == "corrected by the review"
    a = table[table["actor"] == "A"]
    assert (a["net"] < a["raw_net"]).all()  # the model's positive lean removed in every week
    assert (a["low"] <= a["net"]).all() and (a["net"] <= a["high"]).all()
    raw = net_estimate.over_time(posts, None, actors=["A", "B"], freq="W")
    assert raw.attrs["source"] == net_estimate.RAW and (raw["net"] == raw["raw_net"]).all()


def test_interval_sentence_edges():
    assert net_estimate.interval_sentence(0, -0.1, 0.1) == ""
    assert "2,400 more to about ±0.05" in net_estimate.interval_sentence(800, -0.2, 0.0)


def test_update_learns_and_corrects_in_one_step():
    posts = _corpus(600)
    posts["text"] = np.where(
        posts["gold"] == "negative",
        "awful late again",
        np.where(posts["gold"] == "positive", "great thanks", "the train at noon"),
    )
    s = review_choose.choose_sample(posts, 200, learn=0.5, strata=("actor", "sentiment"), seed=0)
    review = pd.DataFrame({"post_id": s["post_id"], "text": s["text"], "weight": s["weight"], "label_gold": s["gold"]})
    result = review_loop.update(posts, review, model="hash", min_reviewed=5, n_boot=100)
    assert result.n_trained == 200
    assert result.head.predict(["awful late again"])["sentiment"].tolist() == ["negative"]
    assert set(result.shares["actor"]) == {"A", "B"}
    with pytest.raises(ValueError, match="consensus"):
        review_loop.update(posts, review.assign(label_gold=None), model="hash")


def test_real_data_bias_says_when_a_student_copies_the_head():
    from kit.tl.net_estimate import real_data_bias
    from kit.tl.sentiment import AUTO_LIMIT

    head = real_data_bias("head")
    if not head:
        pytest.skip("no shipped head with real-data measurements")
    assert "raw net sentiment was" in head and "student" not in head
    auto = real_data_bias("auto")
    assert auto.startswith(head) and f"{AUTO_LIMIT:,} distinct texts" in auto and "student" in auto
    assert "student" in real_data_bias("fast") and real_data_bias("lexicon") == ""
