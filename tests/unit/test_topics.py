"""Topics on injected embeddings: determinism, labels, merging, outliers, emerging topics, stability."""

from __future__ import annotations

import numpy as np
import pandas as pd
import pytest

from kit import schema
from kit.tl import topics


def corpus(seed: int = 0, n_per: int = 60, growing: bool = True):
    """Three subjects in three languages each (9 tight clusters in embedding space, subjects far apart,
    languages of one subject close), plus a subject that appears only in the last weeks."""
    rng = np.random.default_rng(seed)
    subjects = {
        "delays": {"fr": "train retard minutes quai", "de": "zug verspätung minuten bahnsteig", "en": "train late minutes platform"},
        "prices": {"fr": "billet prix euros cher", "de": "ticket preis euro teuer", "en": "ticket price euros expensive"},
        "app": {"fr": "application bug écran connexion", "de": "app fehler bildschirm anmeldung", "en": "app bug screen login"},
    }
    dim = 32
    centres = {s: rng.normal(size=dim) * 4 for s in subjects}
    rows, vecs = [], []
    start = pd.Timestamp("2026-01-05", tz="UTC")
    for s, langs in subjects.items():
        for lang, words in langs.items():
            offset = rng.normal(size=dim) * 0.6  # languages of one subject: close, not identical
            for i in range(n_per):
                rows.append((s, lang, f"{words} {rng.choice(words.split())} n{i % 7}",
                             start + pd.Timedelta(hours=int(rng.integers(0, 24 * 7 * 8)))))
                vecs.append(centres[s] + offset + rng.normal(size=dim) * 0.3)
    if growing:
        centre = rng.normal(size=dim) * 4
        for i in range(45):
            rows.append(("night", "fr", f"train de nuit couchette berlin {i % 5}",
                         start + pd.Timedelta(days=42) + pd.Timedelta(hours=int(rng.integers(0, 24 * 14)))))
            vecs.append(centre + rng.normal(size=dim) * 0.3)
    frame = pd.DataFrame(rows, columns=["subject", "lang", "text", "created_at"])
    frame["post_id"] = [f"p{i}" for i in range(len(frame))]
    frame["platform"] = "twitter"
    frame["kind"] = "original"
    frame["actor"] = np.where(np.arange(len(frame)) % 2 == 0, "Brand", "Rival")
    frame["source_file"] = "test"
    frame["source_row"] = range(2, len(frame) + 2)
    posts = schema.validate(schema.coerce(frame))
    return posts, np.vstack(vecs).astype(np.float32)


@pytest.fixture(scope="module")
def fitted():
    posts, emb = corpus()
    return posts, emb, topics.fit(posts, emb, seed=0, min_topic_size=20)


def test_one_topic_per_subject_across_languages(fitted):
    posts, _, result = fitted
    joined = result.assignments.merge(posts[["post_id", "subject", "lang"]], on="post_id")
    for subject in ("delays", "prices", "app"):
        part = joined[joined["subject"] == subject]
        top = part["topic"].value_counts()
        assert top.iloc[0] / len(part) > 0.9, (subject, top.to_dict())
        assert set(part.loc[part["topic"] == top.index[0], "lang"]) == {"fr", "de", "en"}


def test_same_seed_same_topics(fitted):
    posts, emb, result = fitted
    again = topics.fit(posts, emb, seed=0, min_topic_size=20)
    assert again.assignments["topic"].tolist() == result.assignments["topic"].tolist()
    assert again.info["label"].tolist() == result.info["label"].tolist()


def test_labels_drop_stop_words_and_are_readable(fitted):
    _, _, result = fitted
    words = " ".join(result.info["label"]).split(" · ")
    assert not {"de", "la", "le", "und", "the", "der"} & {w.strip() for w in words}
    assert any("retard" in l or "verspätung" in l or "late" in l or "minuten" in l for l in result.info["label"])


def test_info_sizes_add_up(fitted):
    posts, _, result = fitted
    assert result.info["size"].sum() == len(posts)
    assert result.info["share"].sum() == pytest.approx(1.0)
    assert (result.info.loc[result.info["topic"] >= 0, "size"].diff().dropna() <= 0).all()  # 0 is the largest


def test_merge_close_joins_near_duplicates_only():
    emb = np.array([[1, 0, 0], [0.99, 0.1, 0], [0, 1, 0], [0, 0.98, 0.2]], dtype=np.float32)
    merged = topics.merge_close(np.array([0, 1, 2, 3]), emb, similarity=0.9)
    assert merged[0] == merged[1] and merged[2] == merged[3] and merged[0] != merged[2]


def test_merge_close_with_languages_joins_only_across_languages():
    emb = np.array([[1, 0, 0], [0.99, 0.1, 0], [0.98, 0.15, 0.1], [0, 1, 0]], dtype=np.float32)
    langs = np.array(["fr", "de", "fr", "fr"])
    merged = topics.merge_close(np.array([0, 1, 2, 3]), emb, similarity=0.9, langs=langs)
    assert merged[0] == merged[1]  # the French and German clusters of one subject
    assert merged[2] != merged[0]  # a second French cluster stays apart, however close
    assert merged[3] == 3


def test_emerging_flags_the_growing_topic_before_it_ends(fitted):
    posts, _, result = fitted
    night = result.assignments.merge(posts[["post_id", "subject"]], on="post_id")
    night_topic = night.loc[night["subject"] == "night", "topic"].mode().item()
    table = topics.emerging(posts, result, freq="W", recent=2)
    flagged = table[table["flagged"]]
    assert night_topic in set(flagged["topic"])
    assert set(flagged["topic"]) == {night_topic}  # stable subjects are not flagged
    row = table[table["topic"] == night_topic].iloc[0]
    assert row["baseline_posts"] == 0 and row["recent_posts"] > 0 and row["q_value"] < 0.05


def test_emerging_needs_a_baseline(fitted):
    posts, _, result = fitted
    with pytest.raises(ValueError, match="periods"):
        topics.emerging(posts, result, freq="M", recent=3)


def test_over_time_and_by_group(fitted):
    posts, _, result = fitted
    ot = topics.over_time(posts, result, freq="W")
    assert ot["posts"].sum() == len(posts)
    assert ot.groupby("period")["share"].sum().round(6).isin([0.0, 1.0]).all()
    bg = topics.by_group(posts, result, by="lang")
    assert bg["posts"].sum() == len(posts)
    assert bg.groupby("lang")["share_of_group"].sum().round(6).eq(1).all()


def test_representative_posts_belong_to_their_topic(fitted):
    posts, emb, result = fitted
    rep = topics.representative(posts, result, emb, n=2)
    topic_of = dict(zip(result.assignments["post_id"], result.assignments["topic"]))
    text_topic = {t: topic_of[p] for p, t in zip(posts["post_id"], posts["text"])}
    assert all(text_topic[t] == k for t, k in zip(rep["text"], rep["topic"]))
    assert rep.groupby("topic").size().le(2).all()


def test_stability_is_high_on_clear_clusters():
    posts, emb = corpus(growing=False)
    table = topics.stability(posts, emb, seeds=(0, 1), min_topic_size=20)
    assert table["ari"].iloc[0] > 0.9


def test_too_few_posts():
    posts, emb = corpus(n_per=2, growing=False)
    with pytest.raises(ValueError, match="too few"):
        topics.fit(posts, emb)
