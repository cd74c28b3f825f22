"""What every emotion backend shares: Plutchik's eight emotions, the protocol and the output frame.

>>> _frame([[0.1, 0.2, 0.0, 1.5, 0.0, 0.0, -1.0, 0.0]]).round(1).iloc[0].tolist()
[0.1, 0.2, 0.0, 1.0, 0.0, 0.0, 0.0, 0.0]
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Protocol, runtime_checkable

import numpy as np
import pandas as pd

from ._sentiment_base import _texts as _texts  # one rule for missing texts

__all__ = ["EMOTIONS", "EmotionModel"]

EMOTIONS = ("anger", "anticipation", "disgust", "fear", "joy", "sadness", "surprise", "trust")


@runtime_checkable
class EmotionModel(Protocol):
    """Anything with a ``name`` and ``scores(texts, langs=None) -> DataFrame`` with one column per
    emotion in :data:`EMOTIONS` (values in [0, 1]), one row per text, in order."""

    name: str

    def scores(self, texts: Sequence[str], langs: Sequence[str] | None = None) -> pd.DataFrame:
        """One row per text, one column per emotion in :data:`EMOTIONS`, values in [0, 1]."""


def _frame(values: np.ndarray) -> pd.DataFrame:
    values = np.clip(np.asarray(values, dtype=np.float64).reshape(-1, len(EMOTIONS)), 0.0, 1.0)
    return pd.DataFrame(values, columns=list(EMOTIONS))
