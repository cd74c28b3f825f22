"""Labelled examples of message types: a team's CSV (``text, label``), or the kit's built-in seed examples.

What :func:`kit.tl.message_types.message_types` learns from; ``kit.tl`` takes the frame, this module reads
the file.

>>> import pandas as pd, tempfile, pathlib
>>> path = pathlib.Path(tempfile.mkdtemp()) / "examples.csv"
>>> frame = pd.DataFrame({"text": ["refund me", "thoughts with you"], "label": ["criticism", "sympathy"]})
>>> frame.to_csv(path, index=False)
>>> read(path)[["text", "label"]].values.tolist()
[['refund me', 'criticism'], ['thoughts with you', 'sympathy']]
>>> load(None)["lang"].nunique()
3
"""

from __future__ import annotations

from pathlib import Path

import pandas as pd

__all__ = ["read", "load"]

#: The ``lang`` of a team's example when its file has no language column.
NO_LANG = "(not given)"


def read(path, *, text: str = "text", label: str = "label") -> pd.DataFrame:
    """A team's labelled examples from a CSV with a text and a label column.

    Parameters
    ----------
    path : str or Path
        The CSV file (UTF-8, a header row).
    text, label
        The names of its text and label columns.

    Returns
    -------
    DataFrame
        ``text, label, lang`` (``lang`` from a ``lang`` column when the file has one, else ``"(not given)"``),
        rows with an empty text or label left out.

    Raises
    ------
    ValueError
        When a column is missing (the message names the file and its columns) or fewer than two labels remain.

    Examples
    --------
    >>> import pandas as pd, tempfile, pathlib
    >>> path = pathlib.Path(tempfile.mkdtemp()) / "ex.csv"
    >>> pd.DataFrame({"tweet": ["refund me", "so sad"], "type": ["criticism", "sympathy"]}).to_csv(path, index=False)
    >>> read(path, text="tweet", label="type")["lang"].tolist()
    ['(not given)', '(not given)']
    """
    frame = pd.read_csv(Path(path), dtype=str, keep_default_na=False)
    missing = [c for c in (text, label) if c not in frame.columns]
    if missing:
        raise ValueError(
            f"{path}: no column {missing[0]!r} (columns: {', '.join(frame.columns)}); the examples "
            f"file needs a {text!r} and a {label!r} column"
        )
    lang = frame["lang"] if "lang" in frame.columns and "lang" not in (text, label) else NO_LANG
    frame = pd.DataFrame({"text": frame[text], "label": frame[label], "lang": lang})
    frame = frame[(frame["text"].str.strip() != "") & (frame["label"].str.strip() != "")]
    if frame["label"].nunique() < 2:
        raise ValueError(f"{path}: the examples need at least two labels")
    return frame.reset_index(drop=True)


def load(path=None, *, text: str = "text", label: str = "label") -> pd.DataFrame:
    """The labelled examples a report uses: :func:`read` of ``path``, or the built-in seed examples
    (:func:`kit.tl.message_types.seed_examples`) when ``path`` is ``None``.

    Parameters
    ----------
    path : str, Path or None
        A team's CSV of labelled examples, or ``None`` for the built-in ones.
    text, label
        The names of the file's text and label columns.

    Returns
    -------
    DataFrame
        ``text, label, lang``.

    Examples
    --------
    >>> sorted(load()["lang"].unique())
    ['de', 'en', 'fr']
    """
    if path is None:
        from kit.tl.message_types import seed_examples

        return seed_examples()
    return read(path, text=text, label=label)
