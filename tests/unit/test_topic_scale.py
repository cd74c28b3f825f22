"""Topics on large corpora (issue 18, point 3): fit on a stratified sample, the rest by nearest centre."""

from __future__ import annotations

import numpy as np
import pandas as pd
import pytest
from sklearn.metrics import homogeneity_score

from kit.tl import topic_scale
from kit.tl.topic_clusters import assign, centres, sample_rows

WORDS = [["retard", "train", "quai"], ["billet", "prix", "tarif"], ["appli", "bug", "paiement"]]


def _corpus(n: int, seed: int = 0):
    rng = np.random.default_rng(seed)
    truth = rng.integers(0, 3, n)
    axes = np.eye(16)[[0, 5, 10]]
    emb = axes[truth] + rng.normal(0, 0.08, (n, 16))
    texts = [" ".join(rng.choice(WORDS[t], 3)) + f" post{i}" for i, t in enumerate(truth)]
    langs = rng.choice(["fr", "de", "en"], n, p=[0.6, 0.3, 0.1])
    posts = pd.DataFrame({"post_id": [f"p{i}" for i in range(n)], "text": texts, "lang": langs})
    return posts, emb.astype(np.float32), truth


def test_sample_is_stratified_seeded_and_sized():
    groups = np.array(["fr"] * 600 + ["de"] * 300 + ["en"] * 99 + ["es"])
    rows = sample_rows(groups, 100, seed=3)
    assert len(rows) == 100 and len(set(rows)) == 100
    counts = pd.Series(groups[rows]).value_counts()
    assert counts["fr"] == 60 and counts["de"] == 30 and counts["en"] == 9 and counts["es"] == 1
    assert np.array_equal(rows, sample_rows(groups, 100, seed=3))
    assert not np.array_equal(rows, sample_rows(groups, 100, seed=4))
    assert len(sample_rows(groups, 5000)) == 1000


def test_assignment_does_not_depend_on_partitions():
    posts, emb, truth = _corpus(400)
    ids, cents, floor = centres(truth, emb)
    whole = assign(emb, ids, cents, floor=floor)
    parts = np.concatenate([assign(emb[i : i + 37], ids, cents, floor=floor) for i in range(0, 400, 37)])
    assert np.array_equal(whole, parts)
    assert (whole == truth).mean() > 0.85  # a floor leaves the lowest decile-ish as outliers
    far = assign(-emb[:5], ids, cents, floor=floor)
    assert (far == -1).all()  # unlike every topic: an outlier


def test_fit_on_a_sample_gives_every_post_a_topic():
    posts, emb, truth = _corpus(900)
    result = topic_scale.fit(posts, emb, sample=300, seed=0, min_topic_size=15, n_epochs=50)
    a = result.assignments
    assert len(a) == 900 and a["post_id"].tolist() == posts["post_id"].tolist()
    assert result.params["sample"] == 300 and "300 of the 900 posts" in result.params["sampled"]
    assert int(result.info["size"].sum()) == 900
    assert np.isclose(result.info["share"].sum(), 1.0)
    kept = a["topic"].to_numpy() != -1
    assert kept.mean() > 0.7  # below its topic's floor (lowest decile of its own posts), a post stays an outlier
    assert homogeneity_score(truth[kept], a["topic"].to_numpy()[kept]) > 0.9  # a topic holds one planted subject
    again = topic_scale.fit(posts, emb, sample=300, seed=0, min_topic_size=15, n_epochs=50)
    assert a.equals(again.assignments)  # same seed, same topics


def test_below_the_sample_size_it_is_the_plain_fit():
    posts, emb, _ = _corpus(30)
    with pytest.raises(ValueError, match="30 posts but 29 embeddings"):
        topic_scale.fit(posts, emb[:29])
    assert "sample" not in topic_scale.fit(posts, emb, sample=100, seed=0, min_topic_size=5, n_epochs=20).params
