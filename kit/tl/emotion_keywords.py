"""Keyword emotion scores: a small hand-written French/German/English list, no model (the fallback for tests).

>>> KeywordEmotionModel().scores(["J'ai peur de ce train", "Ich bin so glücklich!"]).idxmax(axis=1).tolist()
['fear', 'joy']
"""

from __future__ import annotations

import re
from collections.abc import Sequence

import numpy as np
import pandas as pd

from ._emotion_base import EMOTIONS, _frame, _texts

__all__ = ["KeywordEmotionModel"]

# A deliberately small list: word stems (matched at the start of a word, case-insensitive).
_KEYWORDS = {
    "anger": [
        "angry",
        "anger",
        "furious",
        "rage",
        "outrag",
        "hate",
        "annoy",
        "unacceptable",
        "fed up",
        "colère",
        "furieu",
        "énervé",
        "enerve",
        "rage",
        "déteste",
        "deteste",
        "inadmissible",
        "scandal",
        "marre",
        "wütend",
        "wut",
        "ärger",
        "sauer",
        "hasse",
        "unverschämt",
        "frechheit",
        "skandal",
    ],
    "anticipation": [
        "can't wait",
        "looking forward",
        "soon",
        "tomorrow",
        "expect",
        "hope",
        "hâte",
        "bientôt",
        "demain",
        "j'espère",
        "impatien",
        "freue mich",
        "bald",
        "morgen",
        "hoffe",
        "gespannt",
    ],
    "disgust": [
        "disgust",
        "gross",
        "yuck",
        "revolting",
        "nasty",
        "filthy",
        "dégoût",
        "degout",
        "dégueu",
        "degueu",
        "répugn",
        "saleté",
        "ekel",
        "widerlich",
        "eklig",
        "dreckig",
    ],
    "fear": [
        "afraid",
        "fear",
        "scared",
        "frighten",
        "terrif",
        "worried",
        "panic",
        "danger",
        "peur",
        "effray",
        "terrifi",
        "inquiet",
        "angoiss",
        "panique",
        "angst",
        "fürchte",
        "furchtbar",
        "besorgt",
        "panik",
        "gefahr",
    ],
    "joy": [
        "happy",
        "joy",
        "love",
        "great",
        "wonderful",
        "glad",
        "delight",
        "awesome",
        "thank",
        "heureu",
        "joie",
        "adore",
        "génial",
        "genial",
        "super",
        "merci",
        "ravi",
        "bravo",
        "glücklich",
        "freude",
        "liebe",
        "toll",
        "wunderbar",
        "danke",
        "super",
        "prima",
    ],
    "sadness": [
        "sad",
        "unhappy",
        "cry",
        "miss you",
        "depress",
        "disappoint",
        "sorrow",
        "lonely",
        "triste",
        "pleur",
        "déçu",
        "decu",
        "déprim",
        "chagrin",
        "dommage",
        "traurig",
        "weine",
        "enttäusch",
        "schade",
        "vermisse",
    ],
    "surprise": [
        "surpris",
        "wow",
        "unexpected",
        "unbelievable",
        "shock",
        "amazing",
        "omg",
        "étonn",
        "inattendu",
        "incroyable",
        "choqu",
        "waouh",
        "überrasch",
        "unglaublich",
        "erstaun",
        "schock",
        "krass",
    ],
    "trust": [
        "trust",
        "reliable",
        "safe",
        "confident",
        "depend on",
        "honest",
        "confiance",
        "fiable",
        "sûr",
        "sécurité",
        "honnête",
        "vertrau",
        "zuverlässig",
        "sicher",
        "ehrlich",
    ],
}
_PATTERNS = {
    e: re.compile(
        r"(?<!\w)(?:" + "|".join(re.escape(w) for w in sorted(set(ws), key=len, reverse=True)) + ")", re.IGNORECASE
    )
    for e, ws in _KEYWORDS.items()
}


class KeywordEmotionModel:
    """Keyword counts per emotion (French, German, English stems), squashed to [0, 1] as
    ``1 - 0.5 ** hits``. No model, deterministic, fast: the fallback for tests. Coarse: no
    negation, no irony, a short list."""

    name = "keywords(fr,de,en)"

    def scores(self, texts: Sequence[str], langs: Sequence[str] | None = None) -> pd.DataFrame:
        """``1 - 0.5 ** hits`` per emotion, the hits counted on the keyword stems."""
        texts = _texts(texts)
        hits = np.array([[len(_PATTERNS[e].findall(t)) for e in EMOTIONS] for t in texts], dtype=np.float64)
        return _frame(1 - 0.5**hits if len(texts) else np.zeros((0, len(EMOTIONS))))
