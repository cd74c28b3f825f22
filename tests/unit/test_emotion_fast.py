"""kit.tl.emotion_fast: the ridge student, the fast model's sample (the sentiment teacher's), the verb's switch."""

from __future__ import annotations

import inspect

import numpy as np
import pandas as pd
import pytest

from kit.tl import emotion, emotion_fast, sentiment
from kit.tl.emotion import EMOTIONS, KeywordEmotionModel
from kit.tl.emotion_fast import FastEmotionModel, dominant, fit_student

WORDS = {
    "fr": ["peur", "content", "train", "retard", "merci", "colère", "gare", "billet", "horrible", "super"],
    "de": ["Angst", "glücklich", "Zug", "Verspätung", "danke", "Wut", "Bahnhof", "Fahrkarte", "schlimm", "toll"],
    "en": ["afraid", "happy", "train", "delay", "thanks", "angry", "station", "ticket", "awful", "great"],
}


def corpus(n: int, seed: int = 0) -> pd.DataFrame:
    """Posts of three to six words of one language each, some texts repeated."""
    rng = np.random.default_rng(seed)
    rows = []
    for i in range(n):
        lang = ["fr", "de", "en"][i % 3]
        words = rng.choice(WORDS[lang], size=rng.integers(3, 7))
        rows.append((f"p{i}", " ".join(words) + f" {i % (n // 2)}", lang))
    return pd.DataFrame(rows, columns=["post_id", "text", "lang"])


class Recording:
    """A teacher that records the texts it is given; scores: the keyword lexicons (deterministic)."""

    name = "recording"

    def __init__(self):
        self.seen: list[str] = []

    def scores(self, texts, langs=None):
        self.seen += list(texts)
        return KeywordEmotionModel().scores(texts, langs)


class RecordingSentiment:
    """A sentiment teacher that records the texts it is given (the lexicon model's labels)."""

    name = "recording-sentiment"

    def __init__(self):
        self.seen: list[str] = []
        self.inner = sentiment.LexiconModel()

    def predict(self, texts, langs=None):
        self.seen += list(texts)
        return self.inner.predict(texts, langs)


def test_sample_size_is_the_sentiment_fast_models():
    default = inspect.signature(sentiment.FastModel.__init__).parameters["sample"].default
    assert emotion_fast.SAMPLE == default


def test_dominant():
    values = np.zeros((3, 8))
    values[0, EMOTIONS.index("joy")] = 0.5
    values[1, EMOTIONS.index("anger")] = 0.29
    assert dominant(values).tolist() == ["joy", "none", "none"]
    assert dominant(values, 0.2).tolist() == ["joy", "anger", "none"]
    assert dominant(np.zeros((0, 8))).tolist() == []


def test_student_learns_and_measures_itself():
    posts = corpus(3000)
    texts, langs = posts["text"].tolist(), posts["lang"].tolist()
    target = KeywordEmotionModel().scores(texts, langs).to_numpy()
    student = fit_student(texts, target, langs=langs, holdout=0.2, seed=1)
    assert student.holdout == 600 and student.trained_on == 2400
    assert len(student.info["held_out"]) == 600 and student.info["held_out_scores"].shape == (600, 8)
    # the emotions the corpus has are learnt (words carry them); the others have no variance
    learnt = [EMOTIONS.index(e) for e in ("anger", "joy", "fear")]
    assert (student.correlation[learnt] > 0.8).all()
    pred = student.predict(texts[:50], langs[:50])
    assert pred.shape == (50, 8)
    assert np.mean(dominant(pred) == dominant(target[:50])) > 0.8
    # the quantile maps are increasing in the raw score
    assert (np.diff(student.quantiles, axis=1) > 0).all()
    assert (np.diff(student.targets, axis=1) >= 0).all()


def test_student_rejects_mismatched_targets():
    with pytest.raises(ValueError, match="one row of scores per text"):
        fit_student(["a", "b"], np.zeros((3, 8)))


def test_fast_model_keeps_the_teachers_scores_on_its_sample():
    posts = corpus(1200).drop_duplicates("text")
    texts, langs = posts["text"].tolist(), posts["lang"].tolist()
    teacher = Recording()
    model = FastEmotionModel(teacher, sample=300, lexicon=False)
    out = model.scores(texts, langs).to_numpy()
    assert len(teacher.seen) == 300 and len(set(teacher.seen)) == 300
    exact = KeywordEmotionModel().scores(texts, langs).to_numpy()
    chosen = [texts.index(t) for t in teacher.seen]
    np.testing.assert_allclose(out[chosen], exact[chosen])
    assert model.last["teacher"] == 300 and model.last["student"] == len(texts) - 300
    assert model.last["holdout"] == 60 and 0 <= model.last["agreement"] <= 1
    assert "on a seeded random sample of 300 distinct texts" in model.description
    assert f"on the other {len(texts) - 300:,}" in model.description


def test_fast_model_with_few_texts_is_the_teacher():
    texts = ["J'ai peur", "Ich bin glücklich", "so angry"]
    model = FastEmotionModel(Recording(), sample=10, lexicon=True)
    out = model.scores(texts, ["fr", "de", "en"])
    assert dominant(out.to_numpy()).tolist() == ["fear", "joy", "anger"]
    assert model.last == {"teacher": 3, "student": 0}
    assert model.description.startswith("recording on all 3 distinct texts")


def test_emotion_teacher_reads_the_sentiment_teachers_texts():
    """The same distinct texts in the same order, the same seeded draw: the USE embeddings are shared."""
    posts = corpus(900)
    posts = pd.concat([posts, posts.iloc[:100]], ignore_index=True)  # repeated posts
    sent = RecordingSentiment()
    sentiment.score(posts, model=sentiment.FastModel(sent, sample=150))
    emo = Recording()
    out = emotion.emotions(posts, model=FastEmotionModel(emo, sample=150))
    assert len(sent.seen) == 150
    assert emo.seen == sent.seen
    assert out.attrs["emotion_note"].startswith("Emotions of 1,000 posts (")


def test_emotions_scores_each_distinct_text_once():
    posts = corpus(60)
    posts = pd.concat([posts, posts], ignore_index=True)
    teacher = Recording()
    out = emotion.emotions(posts, model=teacher)
    assert len(teacher.seen) == posts.drop_duplicates(["text", "lang"]).shape[0]
    np.testing.assert_array_equal(out.iloc[:60][list(EMOTIONS)].to_numpy(), out.iloc[60:][list(EMOTIONS)].to_numpy())
    direct = KeywordEmotionModel().scores(posts["text"].tolist(), posts["lang"].tolist()).to_numpy()
    np.testing.assert_array_equal(out[list(EMOTIONS)].to_numpy(), direct)


def test_auto_switches_to_fast_above_the_sentiment_limit(monkeypatch):
    asked = []

    def fake(name="auto"):
        asked.append(name)
        return KeywordEmotionModel()

    monkeypatch.setattr(emotion, "get_model", fake)
    posts = corpus(40)
    monkeypatch.setattr(sentiment, "AUTO_LIMIT", 1_000)
    emotion.emotions(posts)
    monkeypatch.setattr(sentiment, "AUTO_LIMIT", 10)
    emotion.emotions(posts)
    assert asked == ["auto", "fast"]
