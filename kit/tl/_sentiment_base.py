"""What every sentiment backend shares: the labels, the output columns, the protocol and the output frame.

>>> frame_from_probs([[0.2, 0.3, 0.5]])["sentiment"].tolist()
['positive']
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Protocol, runtime_checkable

import numpy as np
import pandas as pd

__all__ = [
    "LABELS",
    "COLUMNS",
    "SUPPORTED",
    "SentimentModel",
    "frame_from_probs",
    "guess_langs",
    "unsupported",
    "leave_out",
]

LABELS = ("negative", "neutral", "positive")
COLUMNS = ("sentiment", "score", "confidence", "p_negative", "p_neutral", "p_positive")
#: languages the kit's lexicons (and the heads trained on them) read; ``und`` (not detected) is read as English
SUPPORTED = ("en", "fr", "de")


def unsupported(langs: Sequence[str] | None, n: int | None = None) -> np.ndarray:
    """Which texts are in a language no lexicon of the kit reads (``es``, ``pt``...): models leave them out.

    Parameters
    ----------
    langs
        One language code per text (None: all supported).
    n
        The number of texts, when ``langs`` is None.

    Returns
    -------
    numpy.ndarray
        A boolean mask; ``und``, ``zxx`` (no linguistic content: emoji, numbers) and missing codes count
        as supported (read as English, which reads emoji and emoticons).

    Examples
    --------
    >>> unsupported(["en", "es", "und", None, "de-AT", "zxx"]).tolist()
    [False, True, False, False, False, False]
    """
    if langs is None:
        return np.zeros(n or 0, dtype=bool)
    codes = _langs(langs, len(langs))
    return np.array(
        [c not in SUPPORTED and c not in ("un", "und", "zx") for c in codes], dtype=bool
    )  # _langs cuts to 2 letters


def leave_out(frame: pd.DataFrame, langs: Sequence[str] | None) -> pd.DataFrame:
    """A model's output frame with the texts in unsupported languages unscored (missing label, NaN numbers).

    Models read any text they are given; the verbs (:func:`kit.tl.sentiment.score`) apply this so that a
    Spanish post counts in no sentiment figure rather than as the guess of a model made for other languages.

    Parameters
    ----------
    frame
        One row per text, in order (:data:`COLUMNS`, or any columns).
    langs
        One language code per text (None: every text is kept).

    Returns
    -------
    pandas.DataFrame
        A copy; rows of :func:`unsupported` texts have a missing ``sentiment`` and NaN elsewhere.

    Examples
    --------
    >>> out = leave_out(frame_from_probs([[0.2, 0.3, 0.5], [0.6, 0.2, 0.2]]), ["en", "es"])
    >>> out["sentiment"].tolist(), out["score"].isna().tolist()
    (['positive', <NA>], [False, True])
    """
    out = frame.copy()
    mask = unsupported(langs, len(frame))
    if mask.any():
        for col in out.columns:
            if pd.api.types.is_numeric_dtype(out[col]) and not pd.api.types.is_bool_dtype(out[col]):
                out[col] = out[col].astype("float64").where(~mask)
            else:
                out[col] = out[col].astype("string").where(~mask)
    return out


@runtime_checkable
class SentimentModel(Protocol):
    """Anything with a ``name`` and ``predict(texts, langs=None) -> DataFrame`` with :data:`COLUMNS`,
    one row per text, in order (a fresh ``RangeIndex``)."""

    name: str

    def predict(self, texts: Sequence[str], langs: Sequence[str] | None = None) -> pd.DataFrame:
        """Sentiment of each text: a frame with :data:`COLUMNS`, one row per text, in order."""


def frame_from_probs(probs: np.ndarray) -> pd.DataFrame:
    """The common output frame from an (n, 3) array of probabilities (negative, neutral, positive)."""
    probs = np.asarray(probs, dtype=np.float64).reshape(-1, 3)
    total = probs.sum(axis=1, keepdims=True)
    probs = probs / np.where(total == 0, 1, total)
    best = probs.argmax(axis=1) if len(probs) else np.zeros(0, dtype=int)
    return pd.DataFrame(
        {
            "sentiment": pd.Series(np.asarray(LABELS, dtype=object)[best], dtype="string"),
            "score": np.clip(probs[:, 2] - probs[:, 0], -1.0, 1.0),
            "confidence": probs.max(axis=1) if len(probs) else np.zeros(0),
            "p_negative": probs[:, 0],
            "p_neutral": probs[:, 1],
            "p_positive": probs[:, 2],
        }
    )


def _texts(texts: Sequence[str]) -> list[str]:
    return ["" if t is None or (isinstance(t, float) and np.isnan(t)) else str(t) for t in texts]


def _langs(langs: Sequence[str] | None, n: int) -> list[str] | None:
    if langs is None:
        return None
    out = [
        "und" if v is None or v is pd.NA or (isinstance(v, float) and np.isnan(v)) else str(v).lower()[:2]
        for v in langs
    ]
    if len(out) != n:
        raise ValueError(f"langs has {len(out)} values for {n} texts")
    return out


def guess_langs(
    texts: Sequence[str], languages: Sequence[str] = ("fr", "de", "en"), *, prefer: float = 10.0
) -> list[str]:
    """The language of each text (py3langid), any language, ``languages`` preferred; for tables without ``lang``.

    The preferred languages' probabilities weigh ``prefer`` times more (a short English text is not read
    as Scots), but a Spanish text is Spanish, not the nearest of French, German and English (so no French
    lexicon reads it: :func:`unsupported`).

    Parameters
    ----------
    texts
        The texts; an empty one is ``und``.
    languages
        The preferred language codes.
    prefer
        How many times more a preferred language's probability weighs.

    >>> guess_langs(["Le train est en retard", "Der Zug ist spät", "", "El tren llega tarde otra vez, qué desastre"])
    ['fr', 'de', 'und', 'es']
    """
    from py3langid.langid import MODEL_FILE, LanguageIdentifier

    identifier = LanguageIdentifier.from_model_file(MODEL_FILE, norm_probs=True)
    preferred = set(languages)

    def best(text: str) -> str:
        ranked = identifier.rank(text)
        return max(ranked, key=lambda x: x[1] * (prefer if x[0] in preferred else 1.0))[0]

    return [best(t) if t.strip() else "und" for t in _texts(texts)]
