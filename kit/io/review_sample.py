"""Write a report's review sample beside it, and never over a file reviewers have started to fill.

The sample is drawn in :mod:`kit.tl` (e.g. :func:`kit.tl.listening_review.review_sample`); this writes it
through :func:`kit.io.review.write_review_csv` and says what happened in a one-row table.

>>> import os, tempfile
>>> import pandas as pd
>>> sample = pd.DataFrame({"post_id": ["1"], "text": ["ok"], "lang": ["fr"]})
>>> path = os.path.join(tempfile.mkdtemp(), "sample.csv")
>>> write_review_sample(sample, path)["status"].item()
'written'
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

import pandas as pd

from .review import read_review_csv, write_review_csv

__all__ = ["write_review_sample"]

_COLUMNS = ["file", "posts", "strata", "status"]


def write_review_sample(
    sample: pd.DataFrame, path: str | Path, *, reviewers: Sequence[str] = ("reviewer_1",)
) -> pd.DataFrame:
    """Write ``sample`` as a review CSV at ``path`` unless the file there already holds labels.

    Parameters
    ----------
    sample
        The drawn sample; empty (nothing written) when none was drawn, its ``attrs["note"]`` saying why.
    path
        The review file.
    reviewers
        One empty ``label_<reviewer>`` column each.

    Returns
    -------
    DataFrame
        One row: ``file``, ``posts`` (in the sample, or labelled in the kept file), ``strata`` (the columns
        the sample was stratified by, from ``sample.attrs["strata"]``) and ``status``.

    Examples
    --------
    >>> write_review_sample(pd.DataFrame(), "x.csv")["posts"].item()
    0
    """
    target = Path(path)
    if sample.empty:
        note = sample.attrs.get("note", "no sample drawn (no posts)")
        return pd.DataFrame([[str(target), 0, "", note]], columns=_COLUMNS)
    if target.exists():
        try:
            filled = read_review_csv(target)
            labelled = int(filled["reviewed"].sum()) if "reviewed" in filled.columns else 0
        except Exception:  # not a review file we can read: leave it alone too
            labelled = 1
        if labelled:
            return pd.DataFrame(
                [[str(target), labelled, "", "kept: the file already holds labels; not overwritten"]], columns=_COLUMNS
            )
    write_review_csv(sample, target, reviewers=reviewers)
    return pd.DataFrame(
        [[str(target), len(sample), ", ".join(sample.attrs.get("strata", [])), "written"]], columns=_COLUMNS
    )
