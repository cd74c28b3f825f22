"""The message-type model (kit.tl.message_model: embeddings joined with TF-IDF words) and the expected
accuracy table the crisis report prints next to the message types (kit.tl.message_types)."""

from __future__ import annotations

import numpy as np
import pandas as pd
import pytest

from kit.tl import message_model
from kit.tl.message_types import EXPECTED_ACCURACY, expected_accuracy, message_types, seed_examples


def test_fit_predict_on_words_with_hash_embeddings():
    seed = seed_examples()
    model = message_model.fit(seed["text"], seed["label"], embedder="hash")
    assert sorted(model.classes) == sorted(seed["label"].unique())
    posts = pd.DataFrame({"text": ["Donate to the Red Cross appeal", None, "Thoughts and prayers with everyone"]})
    out = message_model.predict(posts, model, cache=False)
    assert out.index.equals(posts.index) and out["confidence"].between(0, 1).all()
    assert out["label"].iloc[0] == "donations and help"


def test_precomputed_embeddings_are_used_and_inputs_checked():
    rng = np.random.default_rng(0)
    X = rng.normal(size=(4, 8))
    model = message_model.fit(
        ["red cross", "red help", "road closed", "road shut"], ["p", "p", "q", "q"], embeddings=X, embedder="hash"
    )
    assert model.predict_proba(["red cross"], X[:1]).shape == (1, 2)
    with pytest.raises(ValueError, match="two message types"):
        message_model.fit(["red", "blue"], ["p", "p"], embedder="hash")
    with pytest.raises(ValueError, match="as many labels"):
        message_model.fit(["red", "blue"], ["p"], embedder="hash")


def test_message_types_uses_the_joined_model_and_keeps_the_input():
    posts = pd.DataFrame({"text": ["Shameful company, nobody answers", "How do I get my money back?"]})
    typed = message_types(posts, labels=["criticism", "questions"], embedder="hash")
    assert "message_type" not in posts.columns and len(typed) == 2
    assert set(typed["message_type"]) <= {"criticism", "questions"}


def test_expected_accuracy_table():
    table = expected_accuracy()
    assert table.columns.tolist() == [
        "setting",
        "labels",
        "macro_f1",
        "baseline_macro_f1",
        "majority_macro_f1",
        "events",
        "measured",
    ]
    assert len(table) == len(EXPECTED_ACCURACY)
    assert table[["macro_f1", "baseline_macro_f1", "majority_macro_f1"]].stack().between(0, 1).all()


def test_expected_accuracy_is_the_bench_result():
    import json
    from pathlib import Path

    path = Path(__file__).resolve().parents[2] / "bench" / "results" / "eval_crisislex.json"
    if not path.exists():
        pytest.skip("no bench result")
    result = json.loads(path.read_text(encoding="utf-8"))
    table = expected_accuracy().set_index("labels")
    seven = result["message_types_7_labels"]["mean_macro_f1"]
    five = result["message_types_builtin_examples_5_coarse"]["mean_macro_f1"]
    assert table.loc[7, "macro_f1"] == seven["kit"] and table.loc[7, "baseline_macro_f1"] == seven["tfidf_lr_balanced"]
    assert table.loc[5, "macro_f1"] == five["kit"] and table.loc[5, "baseline_macro_f1"] == five["tfidf_lr"]
    assert seven["kit"] - max(seven["tfidf_lr"], seven["tfidf_lr_balanced"]) >= 0.05
