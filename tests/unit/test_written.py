"""The project's own labelled posts (data/written) and the sentiment head trained with them."""

from __future__ import annotations

import json

import numpy as np
import pandas as pd
import pytest

from kit.io.written import WRITTEN_DIR, read_written
from kit.tl import sentiment
from kit.tl.train_sentiment import train_sentiment


def write(folder, name, lines):
    (folder / name).write_text("\n".join(["label\tkind\ttext", *lines]) + "\n", encoding="utf-8")


def test_the_shipped_files_are_balanced_and_distinct():
    posts = read_written(WRITTEN_DIR)
    counts = posts.groupby(["file", "label"]).size().unstack()
    # each file holds as many posts of each label
    assert (counts.nunique(axis=1) == 1).all(), counts
    assert set(posts["lang"]) == {"fr", "de", "en"}
    assert posts["text"].is_unique
    assert len(posts) >= 9000


def test_bad_lines_name_the_file_line_and_column(tmp_path):
    write(tmp_path, "fr-a.tsv", ["positive\tpraise\tTrop bien", "positif\tpraise\tSuper"])
    with pytest.raises(ValueError, match=r"fr-a.tsv, line 3, column label: 'positif'"):
        read_written(tmp_path)
    write(tmp_path, "fr-a.tsv", ["positive\tTrop bien"])
    with pytest.raises(ValueError, match=r"fr-a.tsv, line 2: 2 fields"):
        read_written(tmp_path)
    write(tmp_path, "fr-a.tsv", ["neutral\tinfo\t "])
    with pytest.raises(ValueError, match=r"line 2, column text: empty"):
        read_written(tmp_path)
    (tmp_path / "fr-a.tsv").write_text("label,kind,text\n", encoding="utf-8")
    with pytest.raises(ValueError, match=r"fr-a.tsv, line 1: the header"):
        read_written(tmp_path)


def test_parts_select_files(tmp_path):
    write(tmp_path, "fr-a.tsv", ["positive\tpraise\tTrop bien"])
    write(tmp_path, "de-b.tsv", ["negative\tcomplaint\tSchon wieder Verspätung"])
    assert read_written(tmp_path, parts=("b",))["lang"].tolist() == ["de"]
    assert read_written(tmp_path)["line"].tolist() == [2, 2]


def test_train_sentiment_adds_the_written_posts(tmp_path):
    rng = np.random.default_rng(0)
    good, bad, flat = ["great", "lovely", "wonderful"], ["awful", "terrible", "horrible"], ["table", "monday", "street"]
    corpus = {
        key: [
            (float(r), f"{w} {key} {i}")
            for i in range(40)
            for r, w in ((2.5, rng.choice(good)), (-2.5, rng.choice(bad)), (0.0, rng.choice(flat)))
        ]
        for key in ("tweets", "nyt")
    }
    written = pd.DataFrame(
        {
            "label": ["positive", "negative", "neutral"] * 10,
            "kind": "x",
            "text": [f"@brand {w} {i} https://t.co/x" for i in range(10) for w in ("génial", "nul", "mardi")],
            "lang": "fr",
            "file": "fr-a.tsv",
        }
    )
    out = tmp_path / "head.npz"
    meta = train_sentiment(corpus, embedder="hash", cache_dir=tmp_path, out=out, written=written, progress=False)
    assert meta["trained_on"]["n"] == 240
    assert meta["trained_on_written"]["n"] == 30
    assert meta["trained_on_written"]["class_counts"]["fr"] == {"negative": 10, "neutral": 10, "positive": 10}
    assert meta["heldout"]["per_source"]["written-fr-a"]["n"] == 6
    saved = json.loads(out.with_suffix(".json").read_text())
    assert saved["strip_handles_links"] is True and saved["embedder"] == "hash"
    head = sentiment.get_model(out, cache=False)
    assert head.predict(["génial 3"], ["fr"])["sentiment"].tolist() == ["positive"]
    # without the written posts the head differs
    plain = train_sentiment(corpus, embedder="hash", cache_dir=tmp_path, out=tmp_path / "plain.npz", progress=False)
    assert "trained_on_written" not in plain
    assert not np.allclose(np.load(out)["coef"], np.load(tmp_path / "plain.npz")["coef"])


def test_intent_cues_are_head_features_read_on_the_post_as_written(tmp_path):
    from kit.tl.sentiment_head import cue_features, train_head

    # a shared link is news ("other") only as written: the head strips links before embedding
    names = ["complaint", "question", "other"]
    X = cue_features(["Read this https://t.co/x", "Where is my bag?", "Where is my bag?", "plain"], names)
    assert X.tolist() == [[0, 0, 1], [0, 1, 0], [0, 1, 0], [0, 0, 0]]
    texts = [f"{w} {i}" for i in range(12) for w in ("great", "awful", "Where is my bag?")]
    labels = ["positive", "negative", "neutral"] * 12
    base = train_head(texts, labels, embedder="hash", cache=False)
    cued = sentiment.HeadModel(
        np.hstack([base.coef, np.zeros((3, 3))]),
        base.intercept,
        embedder="hash",
        lexicon_features=base.lexicon_features,
        intent_cues=names,
        strip_handles_links=True,
        cache=False,
    )
    assert cued.features(["Where is my bag? https://t.co/x"]).shape[1] == base.coef.shape[1] + 3
    cued.save(tmp_path / "cued.npz")
    back = sentiment.get_model(tmp_path / "cued.npz", cache=False)
    assert back.intent_cues == tuple(names)
    # a question cue pushed toward neutral moves the question's probabilities, not the others'
    back.coef[1, -2] = 5.0
    p = back.predict(["Where is my bag?", "great 1"])
    assert p["p_neutral"].iloc[0] > 0.9 and p["sentiment"].iloc[1] == "positive"
    # adapted from it, a head keeps its cues
    adapted = train_head(texts, labels, base=back, cache=False)
    assert adapted.intent_cues == tuple(names) and adapted.coef.shape == back.coef.shape
    with pytest.raises(ValueError, match="columns"):
        sentiment.HeadModel(base.coef, base.intercept, embedder="hash", intent_cues=names, cache=False).predict(["x"])
