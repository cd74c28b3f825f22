"""kit.tl.distil: a student copies a teacher's labels from hashed n-grams; the sentiment ``fast`` and
``auto`` models and the one-score-per-distinct-text rule of ``sentiment.score``."""

from __future__ import annotations

import numpy as np
import pandas as pd
import pytest

from kit.tl import distil, sentiment
from kit.tl.sentiment import COLUMNS

GOOD = ["great", "lovely", "superb", "merci", "super", "danke", "excellent", "happy"]
BAD = ["awful", "late", "broken", "nul", "retard", "kaputt", "terrible", "angry"]
FILL = ["train", "ticket", "station", "today", "the", "le", "der", "again", "service", "app"]


def corpus(n: int, seed: int = 0) -> tuple[list[str], list[str]]:
    """Texts whose label is the kind of cue word they hold (no cue: neutral), with filler words."""
    rng = np.random.default_rng(seed)
    texts, labels = [], []
    for i in range(n):
        kind = i % 3
        words = list(rng.choice(FILL, size=5))
        if kind == 0:
            words.insert(int(rng.integers(0, 5)), str(rng.choice(GOOD)))
        elif kind == 1:
            words.insert(int(rng.integers(0, 5)), str(rng.choice(BAD)))
        texts.append(" ".join(words) + f" #{i}")
        labels.append(["positive", "negative", "neutral"][kind])
    return texts, labels


def test_student_learns_the_teacher_and_measures_agreement_on_held_out_texts():
    texts, labels = corpus(600)
    student = distil.fit(texts, labels, seed=1)
    assert student.trained_on == 600 and student.holdout == 120
    assert student.agreement > 0.95
    new, truth = corpus(300, seed=9)
    assert np.mean(student.labels(new) == np.array(truth, dtype=object)) > 0.95
    probs = student.predict(new)
    assert probs.shape == (300, 3)
    np.testing.assert_allclose(probs.sum(axis=1), 1)
    assert list(student.classes) == ["negative", "neutral", "positive"]


def test_student_is_seeded_and_blocks_in_processes_give_the_same_scores(monkeypatch):
    texts, labels = corpus(300)
    a, b = distil.fit(texts, labels, seed=3), distil.fit(texts, labels, seed=3)
    assert a.agreement == b.agreement
    np.testing.assert_array_equal(a.coef, b.coef)
    new, _ = corpus(250, seed=4)
    one = a.predict(new, jobs=1)
    monkeypatch.setattr(distil, "BLOCK", 60)  # 5 blocks over 2 processes
    np.testing.assert_allclose(a.predict(new, jobs=2), one, rtol=1e-6)


def test_held_out_and_final_fits_in_two_processes_give_the_weights_of_one(monkeypatch):
    texts, labels = corpus(400)
    monkeypatch.setattr(distil, "PARALLEL_FIT_FROM", 10**9)
    one = distil.fit(texts, labels, seed=5)
    monkeypatch.setattr(distil, "PARALLEL_FIT_FROM", 100)
    monkeypatch.setattr(distil.os, "cpu_count", lambda: 2)
    two = distil.fit(texts, labels, seed=5)
    assert one.agreement == two.agreement and one.holdout == two.holdout == 80
    np.testing.assert_array_equal(one.coef, two.coef)
    np.testing.assert_array_equal(one.intercept, two.intercept)


def test_two_label_teacher_and_language_tokens():
    texts = [f"good trip {i}" for i in range(50)] + [f"bad trip {i}" for i in range(50)]
    langs = ["fr"] * 50 + ["de"] * 50
    labels = ["pos"] * 50 + ["neg"] * 50
    student = distil.fit(texts, labels, langs=langs)
    assert student.predict(["good", "bad"], ["fr", "de"]).shape == (2, 2)
    assert student.labels(["good trip", "bad trip"], ["fr", "de"]).tolist() == ["pos", "neg"]
    with pytest.raises(ValueError, match="two or more labels"):
        distil.fit(texts, ["pos"] * 100)
    with pytest.raises(ValueError, match="99 labels for 100 texts"):
        distil.fit(texts, labels[:99])


def test_distil_calls_the_teacher_on_the_sample_only():
    texts, labels = corpus(900)
    truth = dict(zip(texts, labels))
    seen = []

    def teacher(rows):
        batch = [texts[i] for i in rows]
        seen.extend(batch)
        return [truth[t] for t in batch]

    got, source, student = distil.distil(texts, teacher, sample=300, seed=0)
    assert len(seen) == 300 and len(set(seen)) == 300
    assert (source == "teacher").sum() == 300 and (source == "student").sum() == 600
    taught = source.to_numpy() == "teacher"
    assert all(got[i] == truth[texts[i]] for i in np.flatnonzero(taught))  # the sample keeps the teacher's labels
    assert (
        np.mean(got[~taught] == np.array(labels, dtype=object)[~taught]) > 0.8
    )  # chance: 1/3 (0.80-0.91 over seeds 0-7)
    assert student is not None and student.holdout == 60

    seen.clear()
    got, source, student = distil.distil(texts[:200], teacher, sample=300)
    assert student is None and len(seen) == 200 and (source == "teacher").all()
    with pytest.raises(ValueError, match="the teacher gave 1 labels for 300 texts"):
        distil.distil(texts, lambda rows: ["x"], sample=300)


class Counting:
    """A sentiment model that records what it was asked to score (lexicon underneath)."""

    name = "counting"

    def __init__(self):
        self.calls: list[tuple[str, str]] = []
        self._lex = sentiment.LexiconModel()

    def predict(self, texts, langs=None):
        langs = langs or ["en"] * len(texts)
        self.calls.extend(zip(texts, langs))
        return self._lex.predict(texts, langs)


def test_score_scores_each_distinct_text_and_language_once():
    posts = pd.DataFrame(
        {
            "text": ["I love it", "awful", "I love it", "I love it", None, ""],
            "lang": ["en", "en", "en", "fr", "en", "en"],
        },
        index=[5, 6, 7, 8, 9, 10],
    )
    model = Counting()
    out = sentiment.score(posts, model=model)
    assert sorted(model.calls) == sorted([("I love it", "en"), ("awful", "en"), ("I love it", "fr"), ("", "en")])
    assert out.index.tolist() == [5, 6, 7, 8, 9, 10]
    assert out.loc[5, "score"] == out.loc[7, "score"] > 0
    assert out.loc[6, "sentiment"] == "negative"
    assert out.attrs["note"].startswith("Sentiment of 6 posts (4 distinct texts, each scored once): counting")


def test_score_with_embeddings_passes_the_rows_of_distinct_texts():
    head = sentiment.train_head(
        ["great", "awful", "ok"] * 5, ["positive", "negative", "neutral"] * 5, embedder="hash", cache=False
    )
    posts = pd.DataFrame({"text": ["great", "awful", "great", "ok"], "lang": ["en"] * 4})
    vectors = head.embed(posts["text"].tolist())
    out = sentiment.score(posts, model=head, embeddings=vectors)
    assert out["sentiment"].tolist() == ["positive", "negative", "positive", "neutral"]
    with pytest.raises(ValueError, match="3 embeddings for 4 posts"):
        sentiment.score(posts, model=head, embeddings=vectors[:3])


def test_fast_model_scores_a_sample_with_the_teacher_and_the_rest_with_a_student():
    texts, _ = corpus(1500)
    teacher = Counting()
    fast = sentiment.FastModel(teacher, sample=500, seed=0, jobs=1)
    posts = pd.DataFrame({"text": texts, "lang": "en"})
    out = sentiment.score(posts, model=fast)
    assert len(teacher.calls) == 500
    lexicon = sentiment.score(posts, model="lexicon")
    assert np.mean(out["sentiment"].to_numpy() == lexicon["sentiment"].to_numpy()) > 0.9
    taught = posts["text"].isin([t for t, _ in teacher.calls]).to_numpy()
    np.testing.assert_allclose(out.loc[taught, "score"], lexicon.loc[taught, "score"])  # the sample keeps the teacher's
    assert fast.last["teacher"] == 500 and fast.last["student"] == 1000 and fast.last["holdout"] == 100
    assert "a random sample of 500 distinct texts" in out.attrs["note"] and "held-out" in out.attrs["note"]
    assert list(out.columns[-len(COLUMNS) :]) == list(COLUMNS)
    np.testing.assert_allclose(out[["p_negative", "p_neutral", "p_positive"]].sum(axis=1), 1)


def test_fast_model_on_few_texts_is_the_teacher():
    teacher = Counting()
    out = sentiment.score(pd.DataFrame({"text": ["I love it", "awful"]}), model=sentiment.FastModel(teacher, sample=10))
    assert out["sentiment"].tolist() == ["positive", "negative"]
    assert "counting on all 2 distinct texts" in out.attrs["note"]


def test_auto_picks_the_head_below_the_limit_and_fast_above(monkeypatch):
    asked = []
    real = sentiment.get_model

    def spy(name="head", **kwargs):
        if not isinstance(name, str):
            return real(name)
        asked.append(name)
        return real("lexicon") if name == "head" else sentiment.FastModel(Counting(), sample=50, jobs=1)

    monkeypatch.setattr(sentiment, "get_model", spy)
    monkeypatch.setattr(sentiment, "AUTO_LIMIT", 100)
    texts, _ = corpus(150)
    sentiment.score(pd.DataFrame({"text": texts[:100] * 2}), model="auto")  # 100 distinct texts
    sentiment.score(pd.DataFrame({"text": texts}), model="auto")
    assert asked == ["head", "fast"]


def test_match_shares_moves_label_shares_to_the_target_and_keeps_the_order():
    rng = np.random.default_rng(0)
    probs = rng.dirichlet([4, 1, 1], size=2000)  # leans to the first class
    out = distil.match_shares(probs, [0.3, 0.3, 0.4])
    shares = np.bincount(out.argmax(axis=1), minlength=3) / 2000
    np.testing.assert_allclose(shares, [0.3, 0.3, 0.4], atol=0.003)
    np.testing.assert_allclose(out.sum(axis=1), 1)
    for k in range(3):  # a constant shift per class: the ranking of posts within a class is unchanged
        assert (
            np.argsort(out[:, k] / out[:, 0], kind="stable") == np.argsort(probs[:, k] / probs[:, 0], kind="stable")
        ).all()
    assert distil.match_shares(np.zeros((0, 3)), [0.5, 0.25, 0.25]).shape == (0, 3)


def test_fast_model_matches_the_teachers_shares_on_the_sample():
    texts, _ = corpus(1500)
    posts = pd.DataFrame({"text": texts, "lang": "en"})
    fast = sentiment.FastModel(Counting(), sample=500, seed=0, jobs=1)
    out = sentiment.score(posts, model=fast)
    student = ~posts["text"].isin([t for t, _ in fast.teacher.calls]).to_numpy()
    got = out.loc[student, "sentiment"].value_counts(normalize=True)
    for label, share in fast.last["teacher_shares"].items():
        assert abs(got.get(label, 0) - share) <= 0.003
    assert "label shares were shifted" in out.attrs["note"]
    off = sentiment.FastModel(Counting(), sample=500, seed=0, jobs=1, match_shares=False)
    assert "shifted" not in sentiment.score(posts, model=off).attrs["note"]


def test_sample_texts_is_a_seeded_uniform_sample_that_does_not_depend_on_the_other_texts():
    texts = [f"text {i}" for i in range(5000)]
    a = distil.sample_texts(texts, 500, seed=1)
    assert len(a) == 500 and (np.diff(a) > 0).all()  # sorted positions, no repeat
    np.testing.assert_array_equal(a, distil.sample_texts(texts, 500, seed=1))
    assert len(set(a) & set(distil.sample_texts(texts, 500, seed=2))) < 120  # another seed: about 50 in common
    assert 150 < int((a < 2500).sum()) < 350  # uniform over positions (about 250 in the first half)
    shuffled = texts[::-1]  # the same texts in another order and with others removed: the same picks where possible
    picked = {texts[i] for i in a}
    half = [t for t in shuffled if t in picked or int(t.split()[1]) % 2]
    assert {half[i] for i in distil.sample_texts(half, 500, seed=1)} == picked
    assert distil.sample_texts(texts[:3], 5).tolist() == [0, 1, 2]
    copies = distil.sample_texts(["a", "b", "a", None], 3, seed=0)  # copies share their number: ties by position
    assert len(copies) == 3


def test_score_seed_draws_the_fast_teachers_sample(monkeypatch):
    texts, _ = corpus(1500)
    posts = pd.DataFrame({"text": texts, "lang": "en"})
    teachers = []
    real = sentiment.get_model

    def fake(name="head", **kwargs):
        if name != "fast":
            return real(name, **kwargs)
        teachers.append(Counting())
        return sentiment.FastModel(teachers[-1], sample=300, jobs=1, **kwargs)

    monkeypatch.setattr(sentiment, "get_model", fake)
    sentiment.score(posts, model="fast", seed=0)
    sentiment.score(posts, model="fast", seed=5)
    drawn = [{t for t, _ in teacher.calls} for teacher in teachers]
    assert drawn[0] == {texts[i] for i in distil.sample_texts(texts, 300, seed=0)}
    assert len(drawn[0] & drawn[1]) < 150  # another seed, another sample (about 60 in common)
