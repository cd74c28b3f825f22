"""The review loop's shared vocabulary: sentiment labels, the words reviewers may write for them, and the
error every review step raises. Used by :mod:`kit.io.review` (reading and writing review files) and by the
``kit.tl`` review modules (sampling, agreement, corrected shares); private to the kit.

Examples
--------
>>> parse_label(" Négatif "), parse_label("-1"), parse_label("maybe")
('negative', 'negative', None)
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable

import numpy as np
import pandas as pd

__all__ = [
    "LABELS",
    "LABEL_WORDS",
    "IRONY_WORDS",
    "ACCEPTED",
    "ReviewError",
    "clean_cell",
    "parse_label",
    "normalise_predictions",
    "reviewer_names",
    "label_columns",
    "label_codes",
]

LABELS: tuple[str, ...] = ("negative", "neutral", "positive")
"""The sentiment classes, in this order everywhere (confusion tables, bootstrap arrays)."""

# Words accepted for each label, after stripping, NFC normalisation and casefolding.
LABEL_WORDS: dict[str, str] = {}
for _label, _words in {
    "negative": (
        "negative",
        "neg",
        "négatif",
        "negatif",
        "négative",
        "négatifs",
        "negativ",
        "negativo",
        "-1",
        "−1",
        "-1.0",
        "−1.0",
        "-1,0",
    ),
    "neutral": ("neutral", "neutre", "neutres", "neutro", "0", "0.0", "0,0", "+0", "-0"),
    "positive": ("positive", "pos", "positif", "positifs", "positiv", "positivo", "1", "+1", "1.0", "+1.0", "1,0"),
}.items():
    for _w in _words:
        LABEL_WORDS[unicodedata.normalize("NFC", _w).casefold()] = _label

IRONY_WORDS: dict[str, bool] = {w: True for w in ("yes", "y", "oui", "o", "ja", "j", "true", "vrai", "wahr", "1", "x")}
IRONY_WORDS.update({w: False for w in ("no", "n", "non", "nein", "false", "faux", "falsch", "0")})

ACCEPTED = (
    "negative/neutral/positive (also négatif/neutre/positif, negativ/neutral/positiv, -1/0/1), "
    "or leave it empty if you did not review the post"
)
"""How the accepted label words are described in error messages."""


class ReviewError(ValueError):
    """A review file or review table cannot be used. The message says where (file, row, column) and why."""


def clean_cell(value: str) -> str:
    """A spreadsheet cell without its (non-breaking) spaces around, NFC-normalised.

    Parameters
    ----------
    value
        The cell's text.

    Returns
    -------
    str

    Examples
    --------
    >>> clean_cell("\xa0oui ")
    'oui'
    """
    return unicodedata.normalize("NFC", value.replace("\xa0", " ").replace("\u202f", " ")).strip()


def parse_label(value: str) -> str | None:
    """The label a reviewer's word stands for (:data:`LABEL_WORDS`), None when it is not one.

    Parameters
    ----------
    value
        The cell's text.

    Returns
    -------
    str or None

    Examples
    --------
    >>> parse_label("Positiv")
    'positive'
    """
    key = clean_cell(value).casefold()
    return LABEL_WORDS.get(key)


def normalise_predictions(values: pd.Series, column: str) -> pd.Series:
    """Predicted labels as ``negative/neutral/positive`` strings; an unknown value raises :class:`ReviewError`.

    Parameters
    ----------
    values
        The predicted labels.
    column
        Their column name (for the error message).

    Returns
    -------
    Series
        String dtype, missing where ``values`` is.

    Examples
    --------
    >>> normalise_predictions(pd.Series(["NEG", None, "neutre"]), "sentiment").tolist()
    ['negative', <NA>, 'neutral']
    """
    text = values.astype("string")
    known = {v: LABEL_WORDS.get(clean_cell(v).casefold()) for v in text.dropna().unique()}
    keys = text.map(known, na_action="ignore")
    bad = text.notna() & keys.isna()
    if bad.any():
        examples = sorted(set(text[bad].astype(str)))[:5]
        raise ReviewError(
            f"column '{column}' has values {examples} that are not {'/'.join(LABELS)} "
            f"(rows {list(values.index[bad.to_numpy()][:5])})"
        )
    return keys.astype("string")


def reviewer_names(reviewers: Iterable[str]) -> list[str]:
    """Reviewer names lower-cased and checked (letters, digits, ``_ . -``; unique; at least one).

    Parameters
    ----------
    reviewers
        One name or several.

    Returns
    -------
    list of str

    Examples
    --------
    >>> reviewer_names(["Ana", "ben"])
    ['ana', 'ben']
    """
    if isinstance(reviewers, str):
        reviewers = (reviewers,)
    names = [str(r).strip().casefold() for r in reviewers]
    if not names:
        raise ValueError("at least one reviewer is needed")
    for name in names:
        if not re.fullmatch(r"\w[\w.-]*", name):
            raise ValueError(f"reviewer name {name!r}: use letters, digits, '_', '.' or '-' only")
    if len(set(names)) != len(names):
        raise ValueError(f"reviewer names must be unique (case does not count): {names}")
    return names


def label_columns(reviewed: pd.DataFrame) -> list[str]:
    """The ``label_<reviewer>`` columns of a review table; :class:`ReviewError` when it has none.

    Parameters
    ----------
    reviewed
        A review table.

    Returns
    -------
    list of str

    Examples
    --------
    >>> label_columns(pd.DataFrame({"post_id": ["1"], "label_ana": ["negative"]}))
    ['label_ana']
    """
    cols = [c for c in reviewed.columns if isinstance(c, str) and c.startswith("label_") and len(c) > 6]
    if not cols:
        raise ReviewError("the review table has no 'label_<reviewer>' column; read it with read_review_csv")
    return cols


def label_codes(values: pd.Series) -> np.ndarray:
    """Labels as their position in :data:`LABELS` (missing or unknown: -1).

    Parameters
    ----------
    values
        Labels.

    Returns
    -------
    ndarray
        Integer codes.

    Examples
    --------
    >>> label_codes(pd.Series(["positive", None, "negative"])).tolist()
    [2, -1, 0]
    """
    mapping = {label: k for k, label in enumerate(LABELS)}
    return values.astype("string").map(mapping, na_action="ignore").astype("float").fillna(-1).to_numpy(dtype=int)
