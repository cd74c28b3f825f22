"""The vendored French VADER (kit.tl._vader_fr) scores as vaderSentiment-fr 1.3.4 does, without its GPL imports."""

from __future__ import annotations

import importlib.util
import warnings

import numpy as np
import pytest

from kit.tl import _vader_fr as F

TEXTS = [
    "Je déteste ce train, toujours en retard",
    "Merci, super service !",
    "Quel retard, c'est nul",
    "Ce n'est pas mal du tout",
    "TRÈS déçu par le service... vraiment NUL !!!",
    "Génial 😍😍 merci à l'équipe",
    "Cœur brisé, plus jamais ça 👎🏻",
    "Le train part à 8h.",
    "",
    "   ",
    "sérieux, encore une grève ?? 😡",
    "𝗚𝗿𝗲̀𝘃𝗲 encore",
]


def test_fold_spells_french_as_ascii():
    assert F._fold("Cœur brisé… « déçu »") == "Coeur brise... << decu >>"
    assert F._fold("super\ufe0f\u200d") == "super"  # variation selector and joiner dropped
    assert F._fold("привет") == "привет"  # other scripts kept: they never spell an ASCII lexicon word
    assert F._fold("plain") == "plain"


def test_lexicon_keys_are_ascii_and_scores_bounded():
    lexicon, emojis, no_negate = F._data()
    assert len(lexicon) > 8000 and all(k.isascii() for k in lexicon)
    assert no_negate == ["saoule", "serieux", "serieuse"]
    scores = [F.compound(t) for t in TEXTS]
    assert all(-1 <= s <= 1 for s in scores)
    assert scores[0] < 0 < scores[1]
    assert F.compound("") == 0.0


@pytest.mark.skipif(importlib.util.find_spec("vaderSentiment_fr") is None, reason="vaderSentiment-fr not installed")
def test_same_scores_as_vadersentiment_fr():
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        from vaderSentiment_fr.vaderSentiment import SentimentIntensityAnalyzer
    original = SentimentIntensityAnalyzer()
    assert F._data()[0] == original.lexicon
    for text in TEXTS:
        assert F.polarity_scores(text) == original.polarity_scores(text), text
    np.testing.assert_array_equal(
        [F.compound(t) for t in TEXTS], [original.polarity_scores(t)["compound"] for t in TEXTS]
    )
