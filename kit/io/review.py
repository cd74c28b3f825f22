"""Review files: write the CSV an analyst fills in, read it back whatever a spreadsheet did to it.

The review loop (:mod:`kit.tl.review`) draws a sample and corrects the estimates from frames; this module
holds the files in between: :func:`write_review_csv` writes the sample for the analysts (give them
:data:`REVIEW_INSTRUCTIONS`), :func:`read_review_csv` reads the filled file(s) back, and :func:`load`
reads a review parameter (a path, a list of paths, ``"sample"`` for the sample scenario's filled review,
or None).

Examples
--------
>>> import pandas as pd, tempfile, os
>>> sample = pd.DataFrame({"post_id": ["1", "2"], "text": ["=1+1", "ok"], "lang": ["fr", "en"]})
>>> path = write_review_csv(sample, os.path.join(tempfile.mkdtemp(), "review.csv"), reviewers=["ana"])
>>> read_review_csv(path)[["post_id", "text", "label_ana", "reviewed"]].values.tolist()
[['1', '=1+1', <NA>, False], ['2', 'ok', <NA>, False]]
"""

from __future__ import annotations

import csv
import io
import re
from collections.abc import Sequence
from pathlib import Path

import numpy as np
import pandas as pd

from .._review import (
    ACCEPTED,
    IRONY_WORDS,
    ReviewError,
    clean_cell,
    normalise_predictions,
    parse_label,
    reviewer_names,
)

__all__ = ["REVIEW_INSTRUCTIONS", "ReviewError", "write_review_csv", "read_review_csv", "load"]

# Cells Excel would read as a formula (and texts starting with the guard itself) get a leading apostrophe.
_FORMULA_START = ("=", "+", "-", "@", "\t", "\r", "'")

REVIEW_INSTRUCTIONS = """\
### How to review the sample

The kit's sentiment model misses irony, sarcasm and disagreement. A stratified sample of posts is in
`review.csv` (one row per post); your labels correct the report's sentiment figures.

1. **Open the file** in Excel with *Data > From Text/CSV* (or LibreOffice) and set the `post_id` column
   to *Text*, so that long ids are not turned into numbers like `1.23E+18`. Do not edit `post_id` or
   `weight`, and do not delete rows; sorting and filtering are fine.
2. **Label each post** in your own column `label_<your name>`: the sentiment the author *means*:
   `negative`, `neutral` or `positive` (`négatif/neutre/positif`, `negativ/neutral/positiv` and
   `-1/0/1` are accepted too). Read irony for what it says: *"Great, another 40 minutes late, thanks
   @rail"* is **negative**. A post that mixes praise and blame: the dominant tone; news and questions
   without an opinion: neutral.
3. **Irony**: write `yes` in `irony` if the post is ironic or sarcastic, `no` otherwise.
   `comment` is free text (e.g. "needs context", "not about the brand").
4. **Unsure or cannot read the language? Leave the label empty.** An empty label means *not reviewed*;
   the kit reports it and never guesses. Do not copy the `model_sentiment` column (if shown), and do
   not look at another reviewer's column before finishing yours (hide it).
5. **Save** as CSV: *CSV UTF-8* is best; a `;`-separated CSV from a French or German Excel works too.
6. **Re-run the report** with the file as the review parameter, e.g. add `review_file: path/to/review.csv`
   to your listening parameters and run `kit run listening --params <your params>`. The report then
   shows the agreement between reviewers and with the model (Cohen's kappa), and corrected
   sentiment shares with 95 % intervals. If a label is not understood, the run stops with a message
   naming the file, row and column to fix.
"""


def _guard(value):
    if isinstance(value, str) and value.startswith(_FORMULA_START):
        return "'" + value
    return value


def _unguard(value: str) -> str:
    if len(value) > 1 and value[0] == "'" and value[1:].startswith(_FORMULA_START):
        return value[1:]
    return value


def write_review_csv(
    sample: pd.DataFrame,
    path: str | Path,
    *,
    reviewers: Sequence[str] = ("reviewer_1",),
    text_column: str = "text",
    blind: bool = False,
    prediction: str = "sentiment",
    confidence: str = "confidence",
    id_column: str = "post_id",
) -> Path:
    """Write the CSV an analyst fills in; return its path.

    Columns, in order: ``post_id``, ``text``, ``lang``, ``model_sentiment`` and ``model_confidence``
    (left out when ``blind``), one empty ``label_<reviewer>`` per reviewer (names lower-cased),
    ``irony``, ``comment`` and ``weight`` (the design weight of :func:`kit.tl.review_sample.draw_sample`; 1 for a sample
    without one, i.e. a simple random sample). UTF-8 with a BOM, so Excel shows accents; no
    instructions inside the file (it stays machine-readable): give :data:`REVIEW_INSTRUCTIONS` to
    the analyst. Cells that Excel would run as a formula (starting with ``= + - @``) get a leading
    apostrophe, which :func:`read_review_csv` removes.

    Parameters
    ----------
    sample
        Sample from :func:`kit.tl.review_sample.draw_sample` (any post table works).
    path
        Where to write.
    reviewers
        One label column per reviewer.
    text_column
        Column holding the text shown to the reviewer.
    blind
        Hide the model's prediction and confidence, so reviewers are not anchored by them
        (:func:`kit.tl.agreement.agreement` then takes the prediction from the post table).
    prediction, confidence, id_column
        Column names in ``sample``.

    Returns
    -------
    Path
        The path written.

    Examples
    --------
    >>> import pandas as pd, tempfile, os
    >>> sample = pd.DataFrame({"post_id": ["1", "2"], "text": ["Super, encore en retard", "ok"],
    ...                        "lang": ["fr", "en"], "sentiment": ["positive", "neutral"],
    ...                        "confidence": [0.55, 0.9], "weight": [10.0, 30.0]})
    >>> path = write_review_csv(sample, os.path.join(tempfile.mkdtemp(), "review.csv"), reviewers=["ana", "ben"])
    >>> open(path, encoding="utf-8-sig").readline().strip()
    'post_id,text,lang,model_sentiment,model_confidence,label_ana,label_ben,irony,comment,weight'
    """
    names = reviewer_names(reviewers)
    for col in (id_column, text_column):
        if col not in sample.columns:
            raise ReviewError(f"the sample has no column '{col}'")
    n = len(sample)
    blank = pd.Series([""] * n, index=sample.index, dtype=object)
    out = pd.DataFrame(index=sample.index)
    out["post_id"] = sample[id_column].astype("string").fillna("").astype(object)
    out["text"] = sample[text_column].astype("string").fillna("").astype(object)
    out["lang"] = sample["lang"].astype("string").fillna("").astype(object) if "lang" in sample.columns else blank
    if not blind:
        out["model_sentiment"] = (
            normalise_predictions(sample[prediction], prediction).fillna("").astype(object)
            if prediction in sample.columns
            else blank
        )
        out["model_confidence"] = (
            pd.to_numeric(sample[confidence], errors="coerce").round(4) if confidence in sample.columns else blank
        )
    for name in names:  # blank for the analyst, unless the sample already carries this reviewer's labels
        col = f"label_{name}"
        out[col] = sample[col].astype("string").fillna("").astype(object) if col in sample.columns else blank
    out["irony"] = blank
    out["comment"] = blank
    out["weight"] = pd.to_numeric(sample["weight"], errors="coerce") if "weight" in sample.columns else 1.0
    for col in ("post_id", "text", "lang"):
        out[col] = out[col].map(_guard)
    path = Path(path)
    out.to_csv(path, index=False, encoding="utf-8-sig", lineterminator="\r\n", float_format="%.10g")
    return path


def _decode(raw: bytes, path: Path) -> str:
    if raw.startswith(b"\xef\xbb\xbf"):
        return raw[3:].decode("utf-8")
    if raw.startswith((b"\xff\xfe", b"\xfe\xff")):
        return raw.decode("utf-16")
    try:
        return raw.decode("utf-8")
    except UnicodeDecodeError:
        return raw.decode("cp1252", errors="replace")  # Excel's "CSV (separator)" on Windows


def _parse_number(value: str) -> float:
    text = clean_cell(value).replace(" ", "").replace("'", "")
    if "," in text and "." not in text:
        text = text.replace(",", ".")
    elif "," in text and "." in text:  # 1.234,5 or 1,234.5
        text = text.replace(".", "").replace(",", ".") if text.rfind(",") > text.rfind(".") else text.replace(",", "")
    return float(text)


def _problems_message(path: Path, problems: list[str], limit: int = 20) -> str:
    more = f"\n  ... and {len(problems) - limit} more" if len(problems) > limit else ""
    return f"{path}: {len(problems)} problem(s) in the review file:\n  " + "\n  ".join(problems[:limit]) + more


def _read_one(path: Path) -> pd.DataFrame:
    text = _decode(path.read_bytes(), path)
    first = text.split("\n", 1)[0]
    sep = max((",", ";", "\t"), key=first.count)
    records = list(csv.reader(io.StringIO(text, newline=""), delimiter=sep))
    if not records:
        raise ReviewError(f"{path}: the file is empty")
    header = [clean_cell(h).casefold().lstrip("\ufeff") for h in records[0]]
    width = len(header)
    while width and header[width - 1] == "":  # trailing separators added by a spreadsheet
        width -= 1
    header = header[:width]
    if "" in header:
        raise ReviewError(f"{path}: row 1, column {header.index('') + 1} has no name")
    dup = sorted({h for h in header if header.count(h) > 1})
    if dup:
        raise ReviewError(f"{path}: row 1: columns {dup} appear more than once")
    if "post_id" not in header:
        raise ReviewError(f"{path}: row 1: no column 'post_id' (found {header})")
    label_cols = [h for h in header if h.startswith("label_") and len(h) > len("label_")]
    if not label_cols:
        raise ReviewError(f"{path}: row 1: no reviewer label column 'label_<reviewer>' (found {header})")

    problems: list[str] = []
    rows: list[dict] = []
    for number, record in enumerate(records[1:], start=2):  # spreadsheet rows: header = 1
        cells = [c for c in record]
        if all(clean_cell(c) == "" for c in cells):
            continue
        if len(cells) > width:
            if any(clean_cell(c) for c in cells[width:]):
                problems.append(f"row {number}: {len(cells)} cells for {width} columns")
                continue
            cells = cells[:width]
        cells += [""] * (width - len(cells))
        row = dict(zip(header, cells))
        row["source_row"] = number
        rows.append(row)

    parsed: list[dict] = []
    for row in rows:
        number = row["source_row"]
        out: dict = {}
        for col in header:
            raw = row[col]
            value = clean_cell(raw)
            where = f"row {number}, column '{col}'"
            if col == "post_id":
                if value == "":
                    problems.append(f"{where}: empty post id")
                elif re.fullmatch(r"[+-]?\d+([.,]\d+)?[eE][+-]?\d+", value):
                    problems.append(
                        f"{where}: post id {value!r} was turned into a number by a spreadsheet; "
                        "re-open the original file with the post_id column set to Text"
                    )
                out[col] = _unguard(value)
            elif col.startswith("label_") or col == "model_sentiment":
                if value == "":
                    out[col] = pd.NA
                else:
                    label = parse_label(value)
                    if label is None:
                        problems.append(f"{where}: unknown label {raw!r}; use {ACCEPTED}")
                    out[col] = label
            elif col == "irony":
                key = value.casefold()
                if key == "":
                    out[col] = pd.NA
                elif key in IRONY_WORDS:
                    out[col] = IRONY_WORDS[key]
                else:
                    problems.append(f"{where}: unknown irony value {raw!r}; use yes or no (or leave it empty)")
                    out[col] = pd.NA
            elif col in ("weight", "model_confidence"):
                if value == "":
                    out[col] = np.nan
                else:
                    try:
                        number_value = _parse_number(value)
                    except ValueError:
                        problems.append(f"{where}: {raw!r} is not a number")
                        number_value = np.nan
                    if col == "weight" and not (number_value > 0):
                        if not np.isnan(number_value):
                            problems.append(f"{where}: weight must be positive, not {raw!r}")
                    out[col] = number_value
            elif col in ("text", "lang"):
                out[col] = _unguard(raw.strip())
            else:
                out[col] = raw.strip()
        out["source_row"] = number
        parsed.append(out)

    seen: dict[str, int] = {}
    for p in parsed:
        if p["post_id"] and p["post_id"] in seen:
            problems.append(
                f"row {p['source_row']}, column 'post_id': post id {p['post_id']!r} already on row {seen[p['post_id']]}"
            )
        seen.setdefault(p["post_id"], p["source_row"])
    if problems:
        raise ReviewError(_problems_message(path, problems))

    frame = pd.DataFrame(parsed, columns=header + ["source_row"])
    frame["post_id"] = frame["post_id"].astype("string")
    for col in header:
        if col.startswith("label_") or col == "model_sentiment":
            frame[col] = frame[col].astype("string")
        elif col == "irony":
            frame[col] = frame[col].astype("boolean")
        elif col in ("weight", "model_confidence"):
            frame[col] = frame[col].astype(float)
        else:
            frame[col] = frame[col].astype("string")
    frame["source_row"] = frame["source_row"].astype("Int64")
    frame["source_file"] = pd.Series(str(path), index=frame.index, dtype="string")
    return frame


def _finish(frame: pd.DataFrame) -> pd.DataFrame:
    labels = [c for c in frame.columns if c.startswith("label_")]
    frame["n_labels"] = frame[labels].notna().sum(axis=1).astype(int)
    frame["reviewed"] = frame["n_labels"] > 0
    frame.attrs["not_reviewed"] = int((~frame["reviewed"]).sum())
    return frame


def _merge(frames: list[pd.DataFrame], paths: list[Path]) -> pd.DataFrame:
    merged = frames[0].drop(columns=["n_labels", "reviewed"], errors="ignore")
    for frame, path in zip(frames[1:], paths[1:]):
        frame = frame.drop(columns=["n_labels", "reviewed"], errors="ignore")
        order = list(dict.fromkeys(merged["post_id"].tolist() + frame["post_id"].tolist()))
        joined = merged.merge(frame, on="post_id", how="outer", suffixes=("", "__new"))
        joined = joined.set_index("post_id").loc[order].reset_index()  # the first file's order, then new posts
        for col in frame.columns:
            if col == "post_id":
                continue
            new = f"{col}__new"
            if new not in joined.columns:
                continue
            a, b = joined[col], joined[new]
            if col.startswith("label_"):
                clash = a.notna() & b.notna() & (a != b).fillna(False)
                if clash.any():
                    ids = joined.loc[clash, "post_id"].head(5).tolist()
                    raise ReviewError(f"{path}: column '{col}' gives other labels than an earlier file for posts {ids}")
                joined[col] = a.fillna(b)
            elif col == "irony":
                joined[col] = (a.fillna(False) | b.fillna(False)).where(a.notna() | b.notna(), pd.NA).astype("boolean")
            elif col == "comment":
                both = a.fillna("").astype(str) + " | " + b.fillna("").astype(str)
                joined[col] = (both.str.strip(" |").replace("", pd.NA)).astype("string")
            else:
                joined[col] = a.where(a.notna(), b)
            joined = joined.drop(columns=new)
        merged = joined
    merged.attrs = {}
    return merged


def read_review_csv(path: str | Path | Sequence[str | Path]) -> pd.DataFrame:
    """Read a filled review CSV back (also after a spreadsheet re-saved it).

    Accepts ``,``, ``;`` or tab separators, UTF-8 with or without BOM, UTF-16 and Windows-1252
    (Excel's "CSV (separator)"), header case and spaces, trailing empty columns and rows, decimal
    commas in ``weight``. Labels are read case- and accent-insensitively: ``negative/neutral/positive``,
    ``négatif/neutre/positif``, ``negativ/neutral/positiv``, ``-1/0/1`` (and ``neg``, ``pos``);
    ``irony`` as yes/no, oui/non, ja/nein. An empty label means *not reviewed*: it stays missing,
    it is never guessed, and the ``reviewed``/``n_labels`` columns and ``attrs["not_reviewed"]``
    report it. Several files (one per reviewer, each with its own ``label_<reviewer>`` column) can
    be given as a list: they are merged on ``post_id``.

    Parameters
    ----------
    path
        One review file, or a list of them (one per reviewer).

    Raises
    ------
    ReviewError
        For an unknown label or irony value, a non-numeric weight, a missing or duplicated post
        id, a post id a spreadsheet turned into ``1.23E+18``, or a missing ``post_id`` or
        ``label_*`` column. The message names the file, the spreadsheet row (header = row 1) and
        the column; all problems of a file are listed at once.

    Returns
    -------
    DataFrame
        One row per post of the file: its columns (names lower-cased; labels as
        ``negative/neutral/positive``, ``irony`` as boolean, ``weight`` as float), plus
        ``source_row``, ``source_file``, ``n_labels`` and ``reviewed``.

    Examples
    --------
    >>> import tempfile, os
    >>> path = os.path.join(tempfile.mkdtemp(), "r.csv")
    >>> rows = ["Post_ID;Label_Ana;Irony;weight", "1;Négatif ;oui;2,5", "2;;;2,5"]
    >>> _ = open(path, "w", encoding="utf-8-sig").write("\\n".join(rows) + "\\n")
    >>> r = read_review_csv(path)
    >>> r[["post_id", "label_ana", "irony", "weight", "reviewed"]].values.tolist()
    [['1', 'negative', True, 2.5, True], ['2', <NA>, <NA>, 2.5, False]]
    """
    if isinstance(path, (str, Path)):
        paths = [Path(path)]
    else:
        paths = [Path(p) for p in path]
        if not paths:
            raise ValueError("no review file given")
    frames = [_read_one(p) for p in paths]
    frame = frames[0] if len(frames) == 1 else _merge(frames, paths)
    return _finish(frame)


# --------------------------------------------------------------------------------------------- consensus


def load(path: str | Path | Sequence[str | Path] | None) -> pd.DataFrame | None:
    """:func:`read_review_csv` when a path is given; None when it is None (no review yet).

    ``"sample"`` is the filled review that ships with the sample scenario (``data/sample/review.csv``).

    Parameters
    ----------
    path
        A review file, a list of them, ``"sample"``, or None.

    Returns
    -------
    DataFrame or None
        The review table of :func:`read_review_csv`, or None.

    Examples
    --------
    >>> load(None) is None
    True
    """
    if path is None:
        return None
    if isinstance(path, str) and path == "sample":
        from ..datasets import sample_path

        path = sample_path("review.csv")
    return read_review_csv(path)
