"""kit.tl.emotion: keyword fallback, nade (English), the distilled cross-lingual head, the verb."""

from __future__ import annotations

import importlib.util

import numpy as np
import pandas as pd
import pytest

from kit.tl import emotion
from kit.tl.emotion import EMOTIONS, KeywordEmotionModel

HAS_NADE = importlib.util.find_spec("nade") is not None


def posts_frame() -> pd.DataFrame:
    return pd.DataFrame(
        {
            "post_id": ["a", "b", "c", "d", "e", "f"],
            "text": [
                "J'ai tellement peur, ce train est dangereux",
                "Ich bin so glücklich, danke!",
                "I am so angry, this is unacceptable",
                "Le train part à 8h.",
                "",
                "Quel dégoût, c'est dégueulasse",
            ],
            "lang": ["fr", "de", "en", "fr", "und", "fr"],
        },
        index=[5, 6, 7, 8, 9, 10],
    )


def check(out: pd.DataFrame, posts: pd.DataFrame) -> None:
    assert len(out) == len(posts) and out.index.equals(posts.index)
    assert list(out.columns) == [*posts.columns, *EMOTIONS, "emotion"]
    values = out[list(EMOTIONS)].to_numpy()
    assert np.isfinite(values).all() and (values >= 0).all() and (values <= 1).all()
    assert set(out["emotion"]) <= {*EMOTIONS, "none"}


def test_keywords_clear_cut_and_none():
    posts = posts_frame()
    before = posts.copy()
    out = emotion.emotions(posts, model="keywords")
    pd.testing.assert_frame_equal(posts, before)
    check(out, posts)
    assert out["emotion"].tolist() == ["fear", "joy", "anger", "none", "none", "disgust"]


def test_min_score_and_replaced_columns():
    posts = posts_frame().assign(joy=1.0, emotion="old")
    out = emotion.emotions(posts, model="keywords", min_score=0.99)
    assert (out["emotion"] == "none").all()
    assert list(out.columns).count("joy") == 1 and out["joy"].max() <= 1
    assert posts["emotion"].eq("old").all()


def test_empty_and_unknown():
    out = emotion.emotions(pd.DataFrame({"text": pd.Series([], dtype="string")}), model="keywords")
    assert len(out) == 0 and list(out.columns) == ["text", *EMOTIONS, "emotion"]
    with pytest.raises(ValueError, match="unknown emotion model"):
        emotion.get_model("nope")


def test_head_round_trip(tmp_path):
    rng = np.random.RandomState(0)
    head = emotion.EmotionHead(rng.normal(size=(8, 256)), rng.uniform(size=8), embedder="hash", cache=False)
    texts = ["le train", "der Zug", "the train"]
    path = head.save(tmp_path / "emo")
    again = emotion.EmotionHead.load(path, cache=False)
    pd.testing.assert_frame_equal(again.scores(texts), head.scores(texts), rtol=1e-5)
    out = emotion.emotions(pd.DataFrame({"text": texts}), model=again)
    assert out[list(EMOTIONS)].to_numpy().max() <= 1


@pytest.mark.slow
@pytest.mark.skipif(not HAS_NADE, reason="nade is not installed")
def test_nade_english_clear_cut():
    model = emotion.NadeModel()
    out = model.scores(
        [
            "I love this, best day ever!",
            "I am so scared of the storm tonight",
            "This is disgusting, gross",
            "I hate you, I am furious",
        ]
    )
    assert list(out.columns) == list(EMOTIONS)
    top = out.idxmax(axis=1).tolist()
    assert top == ["joy", "fear", "disgust", "anger"]


@pytest.mark.slow
@pytest.mark.skipif(not HAS_NADE, reason="nade is not installed")
def test_auto_routes_english_to_nade_and_others_to_head(tmp_path):
    head = emotion.EmotionHead.load(cache_dir=tmp_path)
    assert head.coef.shape == (8, 512)
    model = emotion.AutoEmotionModel(other=head, lexicon=False)  # the learnt models alone
    posts = posts_frame()
    before = posts.copy()
    out = emotion.emotions(posts, model=model)
    pd.testing.assert_frame_equal(posts, before)
    check(out, posts)
    assert out.loc[7, "emotion"] == "anger"  # English, by nade
    nade_en = emotion.NadeModel().scores([posts.loc[7, "text"]])
    np.testing.assert_allclose(out.loc[7, list(EMOTIONS)].to_numpy(dtype=float), nade_en.iloc[0].to_numpy())
    # French and German through the distilled head: only the clearest contrasts are asserted
    assert out.loc[5, "fear"] > out.loc[5, "joy"]
    assert out.loc[6, "joy"] > max(out.loc[6, "anger"], out.loc[6, "fear"], out.loc[6, "sadness"])


class _Flat:
    """A stub model: every emotion at ``value``."""

    name = "flat"

    def __init__(self, value):
        self.value = value

    def scores(self, texts, langs=None):
        return pd.DataFrame(np.full((len(texts), len(EMOTIONS)), self.value), columns=list(EMOTIONS))


def test_auto_joins_the_lexicon_as_a_noisy_or():
    model = emotion.AutoEmotionModel(english=_Flat(0.2), other=_Flat(0.1))
    out = model.scores(
        ["Thanks for nothing, unacceptable", "Le train part à 8h", "Das ist eine Frechheit"], ["en", "fr", "de"]
    )
    # two anger entries: lexicon 0.75, joined with 0.2 -> 1 - 0.8 * 0.25
    assert out.loc[0, "anger"] == pytest.approx(0.8)
    assert out.loc[0, "joy"] == pytest.approx(0.2)  # "thanks" inside "thanks for nothing" is no joy
    assert out.loc[1].tolist() == pytest.approx([0.1] * 8)  # no listed word: the model's scores
    assert out.loc[2, "anger"] == pytest.approx(1 - 0.9 * 0.5)
    assert "keywords" in model.name
    assert (
        emotion.AutoEmotionModel(english=_Flat(0.2), lexicon=False).scores(["unacceptable"], ["en"]).loc[0, "anger"]
        == 0.2
    )


@pytest.mark.parametrize(
    "text,lang,expected",
    [
        ("Ras-le-bol, toujours aucune réponse 😡", "fr", "anger"),
        ("Ich habe Angst um meine Daten", "de", "fear"),
        ("So sad, my thoughts are with the victims' families", "en", "sadness"),
        ("Merci beaucoup, trajet impeccable 😍", "fr", "joy"),
        ("This place is filthy, disgusting", "en", "disgust"),
        ("not happy with this service", "en", "anger"),
        ("pas content du tout", "fr", "anger"),
    ],
)
def test_lexicons_per_language(text, lang, expected):
    out = KeywordEmotionModel().scores([text], [lang])
    assert out.iloc[0].idxmax() == expected, out.iloc[0].to_dict()


def test_politeness_formulas_and_other_languages_lists():
    model = KeywordEmotionModel()
    assert model.scores(["Merci d'avance !"], ["fr"]).to_numpy().max() == 0
    assert model.scores(["Thanks in advance!"], ["en"]).to_numpy().max() == 0
    # a French word is not read in a German post ("vol" is a flight, not a theft, anyway: not listed)
    assert model.scores(["marre"], ["de"]).loc[0, "anger"] == 0
    assert model.scores(["marre"], ["fr"]).loc[0, "anger"] == 0.5
    assert model.scores(["marre"], ["es"]).loc[0, "anger"] == 0.5  # another language: all three lists
    with pytest.raises(ValueError, match="languages for"):
        model.scores(["a", "b"], ["fr"])
