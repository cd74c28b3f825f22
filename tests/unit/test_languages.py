"""Issue 14, point 4: any language detected, the run's languages a preference; posts in languages the models
do not read are counted and left unscored where the kit's verbs apply the rule."""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pandas as pd
import pytest

from kit import pp
from kit.tl import intent
from kit.tl._sentiment_base import frame_from_probs, leave_out, unsupported
from kit.tl.lexicons import lexicon_compound

# hand-written, one language each: English, Spanish, Portuguese, Italian, French, German
MIXED = [
    ("en", "The train was late again this morning and nobody told us why"),
    ("en", "Thanks for the quick answer, the refund arrived today"),
    ("es", "El tren llegó tarde otra vez y nadie nos dijo nada, qué desastre"),
    ("es", "Gracias por la respuesta rápida, el reembolso llegó hoy"),
    ("pt", "O comboio chegou atrasado outra vez e ninguém nos disse nada"),
    ("it", "Il treno è arrivato in ritardo anche stamattina, che disastro"),
    ("fr", "Le train est encore arrivé en retard ce matin, personne ne nous a rien dit"),
    ("de", "Der Zug kam heute Morgen schon wieder zu spät und niemand hat etwas gesagt"),
]


def mixed() -> pd.DataFrame:
    return pd.DataFrame({"text": [t for _, t in MIXED], "lang": pd.array([None] * len(MIXED), dtype="string")})


def test_detection_is_not_caged_by_the_run_languages():
    found = pp.detect_language(mixed(), languages=("fr", "de", "en"))["lang"].tolist()
    assert found == [lang for lang, _ in MIXED]  # Spanish is Spanish, not the nearest of fr/de/en
    caged = pp.detect_language(mixed(), languages=("fr", "de", "en"), only=True)["lang"].tolist()
    assert set(caged) <= {"fr", "de", "en"}  # the old behaviour, still available


def test_the_run_languages_are_a_preference():
    short = pd.DataFrame({"text": ["ok see you at the station then"], "lang": pd.array([None], dtype="string")})
    assert pp.detect_language(short, languages=("en",))["lang"].tolist() == ["en"]


def test_unsupported_languages_get_no_lexicon():
    langs = [lang for lang, _ in MIXED]
    assert unsupported(langs).tolist() == [False, False, True, True, True, True, False, False]
    comp = lexicon_compound([t for _, t in MIXED], langs)
    assert (comp[unsupported(langs)] == 0).all()  # no French lexicon on Spanish
    assert comp[1] > 0  # "Thanks for the quick answer": English VADER still reads English


def test_leave_out_unscores_unsupported_rows():
    probs = np.tile([0.7, 0.2, 0.1], (len(MIXED), 1))
    out = leave_out(frame_from_probs(probs), [lang for lang, _ in MIXED])
    unread = unsupported([lang for lang, _ in MIXED])
    assert out.loc[unread, "sentiment"].isna().all() and out.loc[unread, "score"].isna().all()
    assert (out.loc[~unread, "sentiment"] == "negative").all()
    # the counts a figure makes leave them out
    assert out["sentiment"].value_counts().to_dict() == {"negative": int((~unread).sum())}


def test_intent_leaves_unsupported_languages_out():
    posts = pd.DataFrame(
        {
            "text": ["Where is my refund?", "¿Dónde está mi reembolso?", "Où est mon remboursement ?"],
            "lang": ["en", "es", "fr"],
            "sentiment": ["neutral", "neutral", "neutral"],
        }
    )
    found = intent.detect(posts)
    assert found["intent"].tolist()[0] == "question" and found["intent"].tolist()[2] == "question"
    assert pd.isna(found["intent"].iloc[1]) and found["source"].iloc[1] == "language"


SHARED_DATA = Path(__file__).resolve().parents[2].parent / "shared" / "data"
AIRLINE = SHARED_DATA / "airline_tweets" / "Tweets.csv"


@pytest.mark.shared
@pytest.mark.skipif(not AIRLINE.exists(), reason="../shared/data absent")
def test_english_airline_tweets_stay_english():
    from kit import io
    from kit.tl import languages

    posts, _ = io.read(AIRLINE)
    found = pp.detect_language(posts, languages=("en",))
    counts = found["lang"].value_counts()
    assert counts["en"] / len(found) > 0.95  # measured: en 13,921, und 564 of 14,485
    assert unsupported(found["lang"].tolist()).sum() < 0.005 * len(found)
    assert languages.left_out(found).startswith("All 14,485 posts") or "of 14,485 posts" in languages.left_out(found)
