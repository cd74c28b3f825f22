"""Rule-based sentiment: VADER (English), French VADER (:mod:`kit.tl._vader_fr`), textblob-de (German).

Lexicon polarity in [-1, 1] per text (:func:`lexicon_compound`), the head's lexicon features
(:func:`lexicon_features`), and :class:`LexiconModel`, the rules as a :class:`~kit.tl.sentiment.SentimentModel`:
cheap, deterministic, no model files, the fallback for tests.

>>> lexicon_compound(["What a great trip", "Quel retard, c'est nul"], ["en", "fr"]).round(4).tolist()
[0.6249, -0.128]
>>> LexiconModel().predict(["Je déteste ce train"], ["fr"])["sentiment"].tolist()
['negative']
"""

from __future__ import annotations

from collections.abc import Sequence

import numpy as np
import pandas as pd

from .._cache import cache_dir
from . import _vader_fr
from ._sentiment_base import _langs, _texts, frame_from_probs, unsupported
from .embed import CachedEmbedder, MissingBackend

__all__ = ["LexiconModel", "lexicon_compound", "lexicon_features"]


class _Lexicons:
    """The three rule-based analysers, loaded on first use (each takes a moment)."""

    def __init__(self):
        self._en = self._de = None

    def en(self, text: str) -> float:
        if self._en is None:
            try:
                from vaderSentiment.vaderSentiment import SentimentIntensityAnalyzer
            except ImportError as exc:  # pragma: no cover - a declared dependency
                raise MissingBackend("English lexicon scores need: pip install vaderSentiment") from exc
            self._en = SentimentIntensityAnalyzer()
        return float(self._en.polarity_scores(text)["compound"])

    def fr(self, text: str) -> float:
        return _vader_fr.compound(text)  # vaderSentiment-fr's scores, vendored without its GPL imports

    def de(self, text: str) -> float:
        if self._de is None:
            try:
                from ._textblob_de_fast import analyzer

                # The pattern tokenizer: the default one needs NLTK's punkt data, not installed offline;
                # the tagger's rules indexed (same polarity, about 3x faster: kit.tl._textblob_de_fast)
                self._de = analyzer()
            except ImportError as exc:  # pragma: no cover - a declared dependency
                raise MissingBackend(
                    "German lexicon scores need: pip install textblob-de 'textblob<0.18' "
                    "(textblob 0.18 removed a module textblob-de imports)"
                ) from exc
        return float(self._de.analyze(text).polarity) if text.strip() else 0.0


_LEXICONS = _Lexicons()


class _GermanPolarity:
    """textblob-de polarity as a one-column "embedder", so :class:`CachedEmbedder` keeps it on disk:
    textblob-de tags every sentence to lemmatise it (about 0.8 ms a post with the shortcuts of
    :mod:`kit.tl._textblob_de_fast`), and each report scores the same posts again."""

    name = "lexicon-textblob-de-polarity"

    def embed(self, texts: Sequence[str]) -> np.ndarray:
        return np.array([[_LEXICONS.de(t)] for t in texts], dtype=np.float64).reshape(len(texts), 1)


_GERMAN_CACHE: dict[str, CachedEmbedder] = {}


def _german(texts: list[str]) -> np.ndarray:
    directory = str(cache_dir("embeddings"))
    if directory not in _GERMAN_CACHE:
        _GERMAN_CACHE[directory] = CachedEmbedder(_GermanPolarity(), directory, batch_size=1024)
    try:
        return _GERMAN_CACHE[directory].embed(texts)[:, 0].astype(np.float64)
    except OSError:  # a read-only cache folder: score without keeping
        return _GermanPolarity().embed(texts)[:, 0].astype(np.float32).astype(np.float64)


def lexicon_compound(texts: Sequence[str], langs: Sequence[str] | None = None) -> np.ndarray:
    """Lexicon polarity in [-1, 1] per text.

    VADER compound for ``en`` and ``und`` (not detected), vaderSentiment-fr's compound for ``fr``
    (:mod:`kit.tl._vader_fr`), textblob-de polarity for ``de`` (kept in the kit's cache folder next to
    the embeddings, as float32); 0 for other languages (``es``, ``pt``...), which no lexicon here reads.

    Parameters
    ----------
    texts
        The texts (missing values read as empty).
    langs
        One language code per text; ``None``: all English.

    Returns
    -------
    numpy.ndarray
        One float per text.

    >>> lexicon_compound(["great!", "nul", "¡genial!"], ["en", "fr", "es"]).round(3).tolist()
    [0.659, -0.128, 0.0]
    """
    texts = _texts(texts)
    langs = _langs(langs, len(texts)) or ["en"] * len(texts)
    out = np.zeros(len(texts), dtype=np.float64)
    german = [i for i, lang in enumerate(langs) if lang == "de"]
    read = ~unsupported(langs)  # fr, de, en, und (read as English); other languages get no lexicon
    for i, (text, lang) in enumerate(zip(texts, langs)):
        if lang != "de" and read[i]:
            out[i] = _LEXICONS.fr(text) if lang == "fr" else _LEXICONS.en(text)
    if german:
        out[german] = _german([texts[i] for i in german])
    return out


def lexicon_features(compound: np.ndarray, names: Sequence[str], band: float = 0.05) -> np.ndarray:
    """Head features from lexicon polarity: ``compound`` itself, ``pos_hit`` (>= band), ``neg_hit`` (<= -band).

    The two indicators put the three lexicons on one scale (textblob-de gives mostly -1/0/+1).

    Parameters
    ----------
    compound
        Lexicon polarity per text (:func:`lexicon_compound`).
    names
        The features wanted, in order (any of ``compound``, ``pos_hit``, ``neg_hit``).
    band
        The polarity from which a text counts as a positive (or negative) hit.

    >>> lexicon_features(np.array([0.5, -0.01]), ["compound", "pos_hit", "neg_hit"]).tolist()
    [[0.5, 1.0, 0.0], [-0.01, 0.0, 0.0]]
    """
    compound = np.asarray(compound, dtype=np.float64)
    table = {
        "compound": compound,
        "pos_hit": (compound >= band).astype(np.float64),
        "neg_hit": (compound <= -band).astype(np.float64),
    }
    if not names:
        return np.zeros((len(compound), 0))
    return np.column_stack([table[n] for n in names])


class LexiconModel:
    """Rule-based sentiment: VADER for English, vaderSentiment-fr for French, textblob-de for German.

    ``und`` falls back to English VADER (which still reads emoji and emoticons); other languages
    (see :func:`kit.tl._sentiment_base.unsupported`) get no lexicon: neutral with confidence 0.5. A text is neutral when ``|compound| < neutral_band``
    (0.05, VADER's own convention). Probabilities are not calibrated: the predicted class gets
    ``0.5 + 0.45 |compound|`` and the other two share the rest, so ``score`` has the sign of the
    compound. Deterministic, no model files: the fallback for tests.
    """

    def __init__(self, neutral_band: float = 0.05):
        self.neutral_band = float(neutral_band)
        self.name = f"lexicon(vader-en,vader-fr,textblob-de;band={self.neutral_band:g})"

    def compound(self, texts: Sequence[str], langs: Sequence[str] | None = None) -> np.ndarray:
        """Lexicon polarity of each text in [-1, 1] (:func:`lexicon_compound`)."""
        return lexicon_compound(texts, langs)

    def predict(self, texts: Sequence[str], langs: Sequence[str] | None = None) -> pd.DataFrame:
        """Sentiment of each text from its lexicon polarity: a frame with the sentiment columns."""
        comp = np.clip(self.compound(texts, langs), -1, 1)
        strength = 0.5 + 0.45 * np.abs(comp)
        rest = (1 - strength) / 2
        probs = np.column_stack([rest, rest, rest])
        cls = np.where(comp <= -self.neutral_band, 0, np.where(comp >= self.neutral_band, 2, 1))
        probs[np.arange(len(comp)), cls] = strength
        neutral = cls == 1  # keep the sign of the compound in ``score`` without leaving neutral
        tilt = comp[neutral] / 2 * rest[neutral]
        probs[neutral, 2] += tilt
        probs[neutral, 0] -= tilt
        probs[unsupported(langs, len(comp))] = (0.25, 0.5, 0.25)  # no lexicon read them: no opinion
        return frame_from_probs(probs)
