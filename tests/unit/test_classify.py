"""Few-shot classifier on embeddings: fits, predicts, abstains, cross-validates."""

from __future__ import annotations

import numpy as np
import pandas as pd
import pytest

from kit.tl import classify


def _blobs(n=30, seed=0):
    rng = np.random.default_rng(seed)
    centres = np.eye(3, 8) * 4
    y = np.repeat(["a", "b", "c"], n)
    X = centres[np.repeat([0, 1, 2], n)] + rng.normal(scale=0.6, size=(3 * n, 8))
    return X, y


def test_fit_predict_on_separable_embeddings():
    X, y = _blobs()
    model = classify.fit([""] * len(y), y, embeddings=X)
    assert model.classes == ["a", "b", "c"] and model.n_examples == {"a": 30, "b": 30, "c": 30}
    posts = pd.DataFrame({"text": [""] * len(y)}, index=np.arange(100, 100 + len(y)))
    out = classify.predict(posts, model, embeddings=X)
    assert list(out.index) == list(posts.index)
    assert (out["label"].to_numpy() == y).mean() > 0.95
    probs = out[["prob_a", "prob_b", "prob_c"]].to_numpy()
    assert np.allclose(probs.sum(axis=1), 1.0)
    assert np.allclose(out["confidence"], probs.max(axis=1))


def test_min_confidence_abstains_and_fit_is_deterministic():
    X, y = _blobs()
    m1 = classify.fit([""] * len(y), y, embeddings=X)
    m2 = classify.fit([""] * len(y), y, embeddings=X)
    assert np.array_equal(m1.coef, m2.coef)
    middle = np.full((1, 8), 0.0)  # equidistant from every class
    out = classify.predict(pd.DataFrame({"text": ["?"]}), m1, embeddings=middle, min_confidence=0.9)
    assert out["label"].iloc[0] == "other"


def test_real_texts_with_the_hash_embedder():
    texts = [
        "where is my refund?",
        "when does the train leave?",
        "how do I book?",
        "thank you, great trip",
        "lovely staff, thanks",
        "great service thank you",
    ]
    labels = ["question"] * 3 + ["praise"] * 3
    model = classify.fit(texts, labels, embedder="hash", cache=False)
    out = classify.predict(pd.DataFrame({"text": texts}), model, cache=False)
    assert (out["label"] == pd.Series(labels)).mean() >= 5 / 6


def test_needs_two_labels_and_matching_lengths():
    with pytest.raises(ValueError, match="two labels"):
        classify.fit(["x", "y"], ["a", "a"], embeddings=np.ones((2, 3)))
    with pytest.raises(ValueError, match="3 texts but 2 labels"):
        classify.fit(["x", "y", "z"], ["a", "b"], embeddings=np.ones((3, 3)))


def test_empty_posts_give_empty_frame():
    X, y = _blobs(5)
    model = classify.fit([""] * len(y), y, embeddings=X)
    out = classify.predict(pd.DataFrame({"text": pd.Series([], dtype="string")}), model)
    assert len(out) == 0 and "prob_a" in out


def test_per_class_f1_and_macro():
    table = classify.per_class_f1(["a", "a", "b", "b"], ["a", "b", "b", "b"])
    assert table.set_index("class").loc["a", "recall"] == 0.5
    assert table.set_index("class").loc["b", "precision"] == pytest.approx(2 / 3)
    assert classify.macro_f1(["a", "b"], ["a", "b"]) == 1.0
    assert classify.macro_f1(["a", "b"], ["b", "a"]) == 0.0


def test_cross_validate_groups_and_majority_baseline():
    X, y = _blobs(20)
    groups = np.tile(["g1", "g2"], len(y) // 2)
    cv = classify.cross_validate([""] * len(y), y, groups=groups, embeddings=X)
    assert list(cv["fold"]) == ["g1", "g2"]
    assert (cv["n_train"] + cv["n_test"] == len(y)).all()
    assert (cv["macro_f1"] > 0.9).all() and (cv["majority_f1"] < 0.3).all()
    kfold = classify.cross_validate([""] * len(y), y, folds=4, embeddings=X, seed=1)
    assert len(kfold) == 4 and kfold["n_test"].sum() == len(y)
