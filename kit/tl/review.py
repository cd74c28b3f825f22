"""Human review of sentiment: draw a sample, have analysts label it, read it back, correct the estimates.

No offline model reads irony, sarcasm or disagreement well, so the kit does not trust its sentiment
shares blindly. The loop is:

1. :func:`draw_sample` draws a stratified sample of posts (by predicted sentiment, language, topic and
   confidence band), recording each post's inclusion probability and design weight.
2. :func:`write_review_csv` writes a CSV an analyst fills in (Excel, LibreOffice); :data:`REVIEW_INSTRUCTIONS`
   tells them how.
3. :func:`read_review_csv` reads it back, whatever Excel did to it (``;`` separators, BOM, Windows-1252,
   case, French/German label words), and rejects unknown labels with the file, row and column.
4. :func:`agreement` reports Cohen's kappa between reviewers and between each reviewer and the model;
   :func:`confusion` the weighted ``P(true | predicted)`` table; :func:`corrected_shares` the corrected
   negative/neutral/positive shares and net sentiment of the whole corpus with bootstrap intervals.
5. :func:`to_training` turns the consensus labels into ``(texts, labels)`` for a classifier head.

Predictions arrive as columns of the post table: ``sentiment`` (negative/neutral/positive),
``confidence`` (max class probability) and optionally ``topic``; ``lang`` is the language.

Examples
--------
>>> import pandas as pd
>>> from kit.tl import review
>>> posts = pd.DataFrame({"post_id": [f"p{i}" for i in range(12)], "text": ["..."] * 12,
...                       "lang": ["fr", "en"] * 6,
...                       "sentiment": ["negative", "neutral", "positive"] * 4,
...                       "confidence": [0.4, 0.7, 0.9] * 4})
>>> sample = review.draw_sample(posts, n=6, strata=("sentiment",), seed=0)
>>> len(sample), round(sample["weight"].sum())
(6, 12)
"""

from __future__ import annotations

import csv
import io
import itertools
import re
import unicodedata
import warnings
from collections.abc import Iterable, Sequence
from pathlib import Path

import numpy as np
import pandas as pd

LABELS: tuple[str, ...] = ("negative", "neutral", "positive")
"""The sentiment classes, in this order everywhere (confusion tables, bootstrap arrays)."""

BANDS: tuple[str, ...] = ("low", "medium", "high")
"""Confidence bands of :func:`draw_sample`."""

MODEL = "model"
"""Name of the model as a rater in :func:`agreement`."""

CONSENSUS = "consensus"
"""Name of the reviewers' majority label as a rater in :func:`agreement`."""

NONE = "(none)"

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

_ACCEPTED = (
    "negative/neutral/positive (also négatif/neutre/positif, negativ/neutral/positiv, -1/0/1), "
    "or leave it empty if you did not review the post"
)

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


class ReviewError(ValueError):
    """A review file or review table cannot be used. The message says where (file, row, column) and why."""


# --------------------------------------------------------------------------------------------- sampling


def _band(confidence: pd.Series, bands: tuple[float, float]) -> pd.Series:
    low, high = bands
    values = pd.to_numeric(confidence, errors="coerce").astype(float)
    out = pd.Series(NONE, index=confidence.index, dtype=object)
    out[values < low] = "low"
    out[(values >= low) & (values < high)] = "medium"
    out[values >= high] = "high"
    return out


def _join_keys(keys: list[pd.Series]) -> pd.Series:
    stratum = keys[0]
    for k in keys[1:]:
        stratum = stratum + "|" + k
    return stratum


def _allocate(sizes: np.ndarray, scores: np.ndarray, n: int, lower: np.ndarray) -> np.ndarray:
    """Integer allocation as close as possible to ``n * sizes * scores / sum``, within ``[lower, sizes]``."""
    if n >= sizes.sum():
        return sizes.copy()
    a = sizes * scores

    def total(lam: float) -> float:  # increasing in lam
        return np.clip(lam * a, lower, sizes).sum()

    lo, hi = 0.0, 1.0
    while total(hi) < n:
        hi *= 2
    for _ in range(200):
        mid = (lo + hi) / 2
        lo, hi = (mid, hi) if total(mid) < n else (lo, mid)
    target = np.clip(hi * a, lower, sizes)
    alloc = np.minimum(np.floor(target + 1e-9), sizes).astype(int)
    alloc = np.maximum(alloc, lower)
    short = int(n - alloc.sum())
    if short > 0:
        room = alloc < sizes
        frac = np.where(room, target - alloc, -np.inf)
        order = np.argsort(-frac, kind="stable")
        alloc[order[:short]] += 1
    elif short < 0:
        room = alloc > lower
        frac = np.where(room, target - alloc, np.inf)
        order = np.argsort(frac, kind="stable")
        alloc[order[:-short]] -= 1
    return alloc


def draw_sample(
    posts: pd.DataFrame,
    n: int = 200,
    *,
    strata: Sequence[str] = ("sentiment", "lang", "topic", "confidence_band"),
    seed: int = 0,
    oversample_uncertain: bool = True,
    min_per_stratum: int = 2,
    confidence_bands: tuple[float, float] = (0.6, 0.8),
    confidence: str = "confidence",
    id_column: str = "post_id",
) -> pd.DataFrame:
    """Draw a stratified sample of posts for human review, with each post's design weight.

    Posts are grouped into strata by the values of ``strata`` (missing values form their own
    ``(none)`` stratum; columns absent from ``posts`` are skipped; ``confidence_band`` is derived
    from ``confidence`` when the table has no such column). Each stratum ``h`` of ``N_h`` posts gets
    ``n_h`` posts drawn without replacement:

    - proportional allocation ``n_h ∝ N_h`` (``oversample_uncertain=False``), or Neyman allocation
      for the model's error rate ``n_h ∝ N_h · sqrt(c_h (1 - c_h))`` where ``c_h`` is the mean
      confidence of the stratum, clipped to [0.05, 0.95] (``oversample_uncertain=True``, when a
      ``confidence`` column exists): uncertain strata, where the model errs most, are drawn more;
    - at least ``min_per_stratum`` posts per stratum (all of it when smaller), so small strata are seen;
      when the minima alone exceed ``n`` the minimum falls to one post per stratum (with a warning).

    ``strata`` are in order of priority: while there are more non-empty strata than ``n``, the last
    column is dropped from the stratification (with a warning; ``attrs["strata"]`` lists the columns
    used), so the sample keeps its size ``n``.

    The inclusion probability of a drawn post is ``n_h / N_h`` and its design weight ``N_h / n_h``;
    weights sum to the number of posts. Estimates from the sample must use the weights
    (:func:`corrected_shares` does). Posts are ordered by ``id_column`` before drawing and the sample
    is returned in a random order (so a reviewer does not see all the model's negatives in a row):
    the same posts and seed give the same sample whatever the row order of ``posts``.

    Parameters
    ----------
    posts
        Post table with the prediction columns (``sentiment``, ``confidence``, ``topic`` ...).
    n
        Posts to draw (all posts when the table is smaller).
    strata
        Columns defining the strata; ``confidence_band`` is the banded ``confidence``.
    seed
        Seed of the draw.
    oversample_uncertain
        Neyman allocation on the model's confidence instead of proportional allocation.
    min_per_stratum
        Smallest number of posts drawn from a stratum.
    confidence_bands
        Thresholds of the bands: ``low < t0 <= medium < t1 <= high``.
    confidence, id_column
        Column names.

    Returns
    -------
    DataFrame
        The drawn rows of ``posts`` (all their columns) plus ``confidence_band`` (when derived),
        ``stratum`` (e.g. ``sentiment=negative|lang=fr``), ``stratum_size`` (``N_h``),
        ``stratum_sample`` (``n_h``), ``inclusion_prob`` and ``weight``.

    Examples
    --------
    >>> import pandas as pd
    >>> posts = pd.DataFrame({"post_id": [str(i) for i in range(100)],
    ...                       "sentiment": ["negative"] * 10 + ["neutral"] * 60 + ["positive"] * 30,
    ...                       "confidence": [0.5, 0.9] * 50})
    >>> s = draw_sample(posts, n=20, strata=("sentiment", "confidence_band"), seed=1)
    >>> s.groupby("stratum")["weight"].sum().to_dict()  # doctest: +NORMALIZE_WHITESPACE
    {'sentiment=negative|confidence_band=high': 5.0, 'sentiment=negative|confidence_band=low': 5.0,
     'sentiment=neutral|confidence_band=high': 30.0, 'sentiment=neutral|confidence_band=low': 30.0,
     'sentiment=positive|confidence_band=high': 15.0, 'sentiment=positive|confidence_band=low': 15.0}
    """
    if int(n) < 1:
        raise ValueError(f"n must be at least 1, not {n}")
    if int(min_per_stratum) < 1:
        raise ValueError(f"min_per_stratum must be at least 1, not {min_per_stratum}")
    if id_column not in posts.columns:
        raise ReviewError(f"draw_sample needs an id column '{id_column}' to match the review back to the posts")
    ids = posts[id_column].astype("string")
    if ids.isna().any() or ids.duplicated().any():
        bad = ids[ids.isna() | ids.duplicated(keep=False)].head(5).tolist()
        raise ReviewError(
            f"column '{id_column}' must be unique and non-empty to draw a review sample; offending values: {bad}"
        )
    if len(posts) == 0:
        raise ReviewError("no posts to sample from")
    order = np.argsort(ids.to_numpy(dtype=str), kind="stable")  # row order of the input does not matter
    base = posts.iloc[order]

    band = None
    keys: list[pd.Series] = []
    used: list[str] = []
    for col in strata:
        if col == "confidence_band" and col not in base.columns:
            if confidence not in base.columns:
                continue
            band = _band(base[confidence], confidence_bands)
            values = band
        elif col in base.columns:
            values = base[col].astype("string").fillna(NONE).astype(object)
        else:
            continue
        used.append(col)
        keys.append(col + "=" + values.astype(str))
    n = int(n)
    dropped: list[str] = []
    while len(keys) > 1 and n < len(base) and _join_keys(keys).nunique() > n:
        keys.pop()
        dropped.insert(0, used.pop())
    if dropped:
        warnings.warn(
            f"more strata than n={n} posts: not stratifying on {dropped} (strata are used in the "
            f"order given; kept {used})",
            stacklevel=2,
        )
    stratum = _join_keys(keys).to_numpy(dtype=object) if keys else np.full(len(base), "all", dtype=object)

    names, inverse = np.unique(stratum.astype(str), return_inverse=True)
    sizes = np.bincount(inverse, minlength=len(names))
    if oversample_uncertain and confidence in base.columns:
        conf = pd.to_numeric(base[confidence], errors="coerce").to_numpy(dtype=float)
        sums = np.bincount(inverse, weights=np.nan_to_num(conf, nan=0.0), minlength=len(names))
        counts = np.bincount(inverse, weights=(~np.isnan(conf)).astype(float), minlength=len(names))
        with np.errstate(invalid="ignore", divide="ignore"):
            mean = np.where(counts > 0, sums / np.maximum(counts, 1), 0.5)
        mean = np.clip(mean, 0.05, 0.95)
        scores = np.sqrt(mean * (1 - mean))
    else:
        scores = np.ones(len(names))

    floor = int(min_per_stratum)
    lower = np.minimum(floor, sizes)
    if n < sizes.sum() and lower.sum() > n:
        lower = np.minimum(1, sizes)
        if lower.sum() > n:  # a single strata column with more values than n
            warnings.warn(
                f"{len(names)} strata for n={n}: drawing one post per stratum, {len(names)} posts", stacklevel=2
            )
            n = int(lower.sum())
        else:
            warnings.warn(
                f"{len(names)} strata with at least {floor} posts each exceed n={n}: "
                "drawing at least one post per stratum instead",
                stacklevel=2,
            )
    alloc = _allocate(sizes, scores, n, lower)

    rng = np.random.default_rng(seed)
    chosen: list[np.ndarray] = []
    grouped = np.split(np.argsort(inverse, kind="stable"), np.cumsum(sizes)[:-1])
    for h, members in enumerate(grouped):
        chosen.append(np.sort(rng.choice(members, size=int(alloc[h]), replace=False)))
    picked = np.concatenate(chosen) if chosen else np.array([], dtype=int)
    picked = picked[rng.permutation(len(picked))]

    out = base.iloc[picked].copy()
    if band is not None:
        out["confidence_band"] = band.to_numpy()[picked]
    h = inverse[picked]
    out["stratum"] = names[h].astype(object)
    out["stratum_size"] = sizes[h].astype(int)
    out["stratum_sample"] = alloc[h].astype(int)
    out["inclusion_prob"] = alloc[h] / sizes[h]
    out["weight"] = sizes[h] / alloc[h]
    out = out.reset_index(drop=True)
    out.attrs["strata"] = list(used)
    return out


# --------------------------------------------------------------------------------------------- CSV files


def _guard(value):
    if isinstance(value, str) and value.startswith(_FORMULA_START):
        return "'" + value
    return value


def _unguard(value: str) -> str:
    if len(value) > 1 and value[0] == "'" and value[1:].startswith(_FORMULA_START):
        return value[1:]
    return value


def _reviewer_names(reviewers: Iterable[str]) -> list[str]:
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
    ``irony``, ``comment`` and ``weight`` (the design weight of :func:`draw_sample`; 1 for a sample
    without one, i.e. a simple random sample). UTF-8 with a BOM, so Excel shows accents; no
    instructions inside the file (it stays machine-readable): give :data:`REVIEW_INSTRUCTIONS` to
    the analyst. Cells that Excel would run as a formula (starting with ``= + - @``) get a leading
    apostrophe, which :func:`read_review_csv` removes.

    Parameters
    ----------
    sample
        Sample from :func:`draw_sample` (any post table works).
    path
        Where to write.
    reviewers
        One label column per reviewer.
    text_column
        Column holding the text shown to the reviewer.
    blind
        Hide the model's prediction and confidence, so reviewers are not anchored by them
        (:func:`agreement` then takes the prediction from the post table).
    prediction, confidence, id_column
        Column names in ``sample``.

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
    names = _reviewer_names(reviewers)
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
            _normalise_predictions(sample[prediction], prediction).fillna("").astype(object)
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


def _clean_cell(value: str) -> str:
    return unicodedata.normalize("NFC", value.replace("\xa0", " ").replace("\u202f", " ")).strip()


def _parse_label(value: str) -> str | None:
    key = _clean_cell(value).casefold()
    return LABEL_WORDS.get(key)


def _parse_number(value: str) -> float:
    text = _clean_cell(value).replace(" ", "").replace("'", "")
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
    header = [_clean_cell(h).casefold().lstrip("\ufeff") for h in records[0]]
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
        if all(_clean_cell(c) == "" for c in cells):
            continue
        if len(cells) > width:
            if any(_clean_cell(c) for c in cells[width:]):
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
            value = _clean_cell(raw)
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
                    label = _parse_label(value)
                    if label is None:
                        problems.append(f"{where}: unknown label {raw!r}; use {_ACCEPTED}")
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


def _label_columns(reviewed: pd.DataFrame) -> list[str]:
    cols = [c for c in reviewed.columns if isinstance(c, str) and c.startswith("label_") and len(c) > 6]
    if not cols:
        raise ReviewError("the review table has no 'label_<reviewer>' column; read it with read_review_csv")
    return cols


def _normalise_predictions(values: pd.Series, column: str) -> pd.Series:
    text = values.astype("string")
    known = {v: LABEL_WORDS.get(_clean_cell(v).casefold()) for v in text.dropna().unique()}
    keys = text.map(known, na_action="ignore")
    bad = text.notna() & keys.isna()
    if bad.any():
        examples = sorted(set(text[bad].astype(str)))[:5]
        raise ReviewError(
            f"column '{column}' has values {examples} that are not {'/'.join(LABELS)} "
            f"(rows {list(values.index[bad.to_numpy()][:5])})"
        )
    return keys.astype("string")


def consensus(reviewed: pd.DataFrame) -> pd.DataFrame:
    """The reviewers' majority label of each post, and why a post has none.

    Returns ``post_id``, ``label`` (the label with strictly more votes than any other, missing
    otherwise) and ``status``: ``agreed`` (every reviewer who labelled it gave the same label, one
    reviewer included), ``majority``, ``tie`` (excluded from estimates) or ``not reviewed``.

    Examples
    --------
    >>> import pandas as pd
    >>> r = pd.DataFrame({"post_id": ["1", "2", "3", "4"], "label_a": ["negative", "negative", None, None],
    ...                   "label_b": ["negative", "positive", "neutral", None]})
    >>> consensus(r)["status"].tolist()
    ['agreed', 'tie', 'agreed', 'not reviewed']
    """
    cols = _label_columns(reviewed)
    votes = np.zeros((len(reviewed), len(LABELS)), dtype=int)
    for col in cols:
        values = reviewed[col].astype("string")
        for k, label in enumerate(LABELS):
            votes[:, k] += (values == label).fillna(False).to_numpy(dtype=bool)
    top = votes.max(axis=1)
    n_top = (votes == top[:, None]).sum(axis=1)
    n_votes = votes.sum(axis=1)
    status = np.where(
        n_votes == 0, "not reviewed", np.where(n_top > 1, "tie", np.where(top == n_votes, "agreed", "majority"))
    )
    label = np.where((n_votes > 0) & (n_top == 1), np.array(LABELS, dtype=object)[votes.argmax(axis=1)], None)
    ids = (
        reviewed["post_id"].astype("string").to_numpy()
        if "post_id" in reviewed.columns
        else np.arange(len(reviewed)).astype(str)
    )
    return pd.DataFrame(
        {
            "post_id": pd.array(ids, dtype="string"),
            "label": pd.array(label, dtype="string"),
            "status": status.astype(object),
        }
    )


# --------------------------------------------------------------------------------------------- agreement


def _codes(values: pd.Series) -> np.ndarray:
    mapping = {label: k for k, label in enumerate(LABELS)}
    return values.astype("string").map(mapping, na_action="ignore").astype("float").fillna(-1).to_numpy(dtype=int)


def _kappa_matrix(weights: str | None) -> np.ndarray:
    k = len(LABELS)
    i, j = np.indices((k, k))
    if weights is None:
        return (i != j).astype(float)
    if weights == "linear":
        return np.abs(i - j).astype(float)
    if weights == "quadratic":
        return ((i - j) ** 2).astype(float)
    raise ValueError(f"weights must be None, 'linear' or 'quadratic', not {weights!r}")


def _kappa_boot(a: np.ndarray, b: np.ndarray, idx: np.ndarray, w: np.ndarray) -> np.ndarray:
    """Cohen's kappa for each row of bootstrap indices ``idx`` (B x n), vectorised."""
    k = len(LABELS)
    n_boot, n = idx.shape
    cells = (a[idx] * k + b[idx]) + (np.arange(n_boot)[:, None] * k * k)
    conf = np.bincount(cells.ravel(), minlength=n_boot * k * k).reshape(n_boot, k, k) / n
    expected = conf.sum(axis=2)[:, :, None] * conf.sum(axis=1)[:, None, :]
    with np.errstate(invalid="ignore", divide="ignore"):
        return 1 - (conf * w).sum(axis=(1, 2)) / (expected * w).sum(axis=(1, 2))


def _strength(kappa: float) -> str:
    if np.isnan(kappa):
        return "undefined"
    for bound, word in ((0.0, "poor"), (0.2, "slight"), (0.4, "fair"), (0.6, "moderate"), (0.8, "substantial")):
        if kappa <= bound:
            return word
    return "almost perfect"


def agreement(
    reviewed: pd.DataFrame,
    *,
    posts: pd.DataFrame | None = None,
    prediction: str = "sentiment",
    n_boot: int = 1000,
    seed: int = 0,
    level: float = 0.95,
    weights: str | None = None,
) -> pd.DataFrame:
    """Cohen's kappa and raw agreement between reviewers, and between each reviewer and the model.

    One row per pair of raters: every pair of reviewers (``label_<name>`` columns), each reviewer
    and the model, and, with two reviewers or more, their consensus (:func:`consensus`) and the
    model. Only posts both raters labelled count (``n``). Kappa is sklearn's
    ``cohen_kappa_score`` over the three labels; its interval is the percentile interval of
    ``n_boot`` bootstrap resamples of those posts (seeded). The model's labels are the review
    file's ``model_sentiment`` column or, for a blind review, ``posts[prediction]`` matched on
    ``post_id``.

    Parameters
    ----------
    reviewed
        Table from :func:`read_review_csv`.
    posts
        Post table carrying the model's predictions (needed for blind reviews).
    prediction
        Prediction column of ``posts``.
    n_boot, seed, level
        Bootstrap resamples, their seed, and the interval's coverage.
    weights
        ``None`` (plain kappa), ``"linear"`` or ``"quadratic"`` (weighted kappa: negative vs
        positive counts as a worse disagreement than negative vs neutral).

    Returns
    -------
    DataFrame
        ``rater_a``, ``rater_b``, ``n``, ``raw_agreement`` (share of posts with the same label, in
        [0, 1]), ``kappa``, ``ci_low``, ``ci_high`` and ``strength`` (Landis & Koch wording).

    Examples
    --------
    >>> import pandas as pd
    >>> r = pd.DataFrame({"post_id": list("abcd"), "model_sentiment": ["negative", "positive"] * 2,
    ...                   "label_ana": ["negative", "positive", "negative", "negative"]})
    >>> agreement(r, n_boot=100)[["rater_a", "rater_b", "n", "raw_agreement", "kappa"]].values.tolist()
    [['ana', 'model', 4, 0.75, 0.5]]
    """
    from sklearn.metrics import cohen_kappa_score

    cols = _label_columns(reviewed)
    raters: dict[str, pd.Series] = {c[len("label_") :]: reviewed[c].astype("string") for c in cols}
    model = None
    if "model_sentiment" in reviewed.columns and reviewed["model_sentiment"].notna().any():
        model = _normalise_predictions(reviewed["model_sentiment"], "model_sentiment")
    elif posts is not None:
        if prediction not in posts.columns:
            raise ReviewError(f"posts have no prediction column '{prediction}'")
        predicted = _normalise_predictions(posts[prediction], prediction)
        lookup = pd.Series(predicted.to_numpy(), index=posts["post_id"].astype("string").to_numpy())
        lookup = lookup[~lookup.index.duplicated()]
        model = pd.Series(
            reviewed["post_id"].astype("string").map(lookup).to_numpy(), index=reviewed.index, dtype="string"
        )
    pairs: list[tuple[str, str, pd.Series, pd.Series]] = [
        (x, y, raters[x], raters[y]) for x, y in itertools.combinations(raters, 2)
    ]
    if model is not None:
        pairs += [(x, MODEL, raters[x], model) for x in raters]
        if len(raters) > 1:
            cons = pd.Series(consensus(reviewed)["label"].to_numpy(), index=reviewed.index, dtype="string")
            pairs.append((CONSENSUS, MODEL, cons, model))

    rng = np.random.default_rng(seed)
    w = _kappa_matrix(weights)
    alpha = (1 - level) / 2
    rows = []
    for name_a, name_b, a, b in pairs:
        both = (a.notna() & b.notna()).to_numpy(dtype=bool)
        ca, cb = _codes(a[both]), _codes(b[both])
        n = int(both.sum())
        if n == 0:
            rows.append((name_a, name_b, 0, np.nan, np.nan, np.nan, np.nan))
            continue
        raw = float(np.mean(ca == cb))
        with warnings.catch_warnings(), np.errstate(invalid="ignore", divide="ignore"):
            warnings.simplefilter("ignore")
            kappa = float(cohen_kappa_score(ca, cb, labels=list(range(len(LABELS))), weights=weights))
        if n > 1 and n_boot > 0:
            boots = _kappa_boot(ca, cb, rng.integers(0, n, size=(int(n_boot), n)), w)
            boots = boots[np.isfinite(boots)]
            low, high = np.quantile(boots, [alpha, 1 - alpha]) if len(boots) else (np.nan, np.nan)
        else:
            low = high = np.nan
        rows.append((name_a, name_b, n, raw, kappa, float(low), float(high)))
    out = pd.DataFrame(rows, columns=["rater_a", "rater_b", "n", "raw_agreement", "kappa", "ci_low", "ci_high"])
    out["strength"] = out["kappa"].map(_strength)
    return out


# --------------------------------------------------------------------------------------------- estimates


def _matched(posts: pd.DataFrame, reviewed: pd.DataFrame, prediction: str, id_column: str, weight: str):
    """Predicted and true codes and weights of the usable reviewed posts, the corpus counts, an accounting."""
    if prediction not in posts.columns:
        raise ReviewError(f"posts have no prediction column '{prediction}'")
    if id_column not in posts.columns:
        raise ReviewError(f"posts have no id column '{id_column}'")
    predicted = _normalise_predictions(posts[prediction], prediction)
    counts = np.array([(predicted == label).sum() for label in LABELS], dtype=float)
    lookup = pd.Series(predicted.to_numpy(), index=posts[id_column].astype("string").to_numpy())
    lookup = lookup[~lookup.index.duplicated()]

    cons = consensus(reviewed)
    if weight in reviewed.columns:
        w = pd.to_numeric(reviewed[weight], errors="coerce").to_numpy(dtype=float)
    else:
        w = np.ones(len(reviewed))
    pred = cons["post_id"].map(lookup)
    in_posts = cons["post_id"].isin(lookup.index).to_numpy()
    has_label = cons["label"].notna().to_numpy()
    has_pred = pred.notna().to_numpy()
    use = has_label & in_posts & has_pred
    bad_w = use & ~(w > 0)
    if bad_w.any():
        raise ReviewError(
            f"column '{weight}' is missing or not positive for reviewed posts {cons['post_id'][bad_w].head(5).tolist()}"
        )
    accounting = {
        "posts": int(len(posts)),
        "posts_without_prediction": int(predicted.isna().sum()),
        "review_rows": int(len(reviewed)),
        "reviewed_used": int(use.sum()),
        "not_reviewed": int((cons["status"] == "not reviewed").sum()),
        "ties": int((cons["status"] == "tie").sum()),
        "tie_post_ids": cons.loc[cons["status"] == "tie", "post_id"].astype(str).tolist(),
        "not_in_posts": int((has_label & ~in_posts).sum()),
        "without_prediction": int((has_label & in_posts & ~has_pred).sum()),
    }
    pcodes = _codes(pred[use])
    tcodes = _codes(cons["label"][use])
    return pcodes, tcodes, w[use], counts, accounting


def _conditional(pcodes, tcodes, w, k):
    """Weighted P(true | predicted) as a k x k array (rows: predicted)."""
    m = np.zeros((k, k))
    np.add.at(m, (pcodes, tcodes), w)
    totals = m.sum(axis=1, keepdims=True)
    with np.errstate(invalid="ignore", divide="ignore"):
        return m / totals, m


def confusion(
    posts: pd.DataFrame,
    reviewed: pd.DataFrame,
    *,
    prediction: str = "sentiment",
    id_column: str = "post_id",
    weight: str = "weight",
) -> pd.DataFrame:
    """The model's confusion estimated on the review: ``P(true | predicted)``, weighted by design.

    Returns one row per (``predicted``, ``true``) pair: ``n`` reviewed posts (consensus label,
    ties and unreviewed posts left out), ``weighted`` (sum of their design weights: the estimated
    number of corpus posts) and ``p_true_given_predicted`` (weighted share within the predicted
    class; each predicted class sums to 1).

    Examples
    --------
    >>> import pandas as pd
    >>> posts = pd.DataFrame({"post_id": list("abcd"), "sentiment": ["positive"] * 3 + ["negative"]})
    >>> r = pd.DataFrame({"post_id": list("abcd"), "weight": 1.0,
    ...                   "label_ana": ["positive", "negative", "positive", "negative"]})
    >>> c = confusion(posts, r)
    >>> c.loc[c["predicted"] == "positive", "p_true_given_predicted"].round(3).tolist()
    [0.333, 0.0, 0.667]
    """
    pcodes, tcodes, w, _, _ = _matched(posts, reviewed, prediction, id_column, weight)
    k = len(LABELS)
    cond, sums = _conditional(pcodes, tcodes, w, k)
    n = np.zeros((k, k), dtype=int)
    np.add.at(n, (pcodes, tcodes), 1)
    i, j = np.indices((k, k))
    return pd.DataFrame(
        {
            "predicted": np.array(LABELS, dtype=object)[i.ravel()],
            "true": np.array(LABELS, dtype=object)[j.ravel()],
            "n": n.ravel(),
            "weighted": sums.ravel(),
            "p_true_given_predicted": cond.ravel(),
        }
    )


def _net(shares: np.ndarray) -> np.ndarray:
    neg, pos = shares[..., 0], shares[..., 2]
    with np.errstate(invalid="ignore", divide="ignore"):
        return (pos - neg) / (pos + neg)


def corrected_shares(
    posts: pd.DataFrame,
    reviewed: pd.DataFrame,
    *,
    seed: int = 0,
    n_boot: int = 2000,
    level: float = 0.95,
    prediction: str = "sentiment",
    id_column: str = "post_id",
    weight: str = "weight",
) -> pd.DataFrame:
    r"""Negative/neutral/positive shares of the whole corpus corrected by the human review.

    The estimator (the "calibrated confusion" or ratio estimator, post-stratified on the model's
    prediction):

    .. math::

        \hat p_t = \sum_c \frac{N_c}{N} \, \hat P(t \mid c), \qquad
        \hat P(t \mid c) = \frac{\sum_{i \in S_c} w_i \, [y_i = t]}{\sum_{i \in S_c} w_i}

    where ``N_c`` is the number of posts of the corpus the model predicts as class ``c`` (known
    exactly: the model labels every post), ``N`` their total, ``S_c`` the reviewed posts predicted
    ``c``, ``y_i`` their reviewed label (the reviewers' majority; ties and unreviewed posts are
    left out and counted in ``attrs["accounting"]``) and ``w_i`` their design weight from
    :func:`draw_sample` (which corrects for strata drawn at different rates within a predicted
    class, e.g. uncertain posts oversampled). The model's own share is ``N_t / N``. Net sentiment
    is ``(p_pos - p_neg) / (p_pos + p_neg)``.

    The interval is the percentile interval of ``n_boot`` bootstrap replicates (seeded) that
    resample the reviewed posts with replacement within each predicted class, keeping the
    ``N_c`` fixed. With few reviewed posts in a class, or a class with no observed error, the
    interval is too narrow: review at least a few dozen posts per predicted class.

    Parameters
    ----------
    posts
        The whole corpus with the model's ``prediction`` column.
    reviewed
        Table from :func:`read_review_csv` (``post_id``, ``label_*``, ``weight``; without a
        ``weight`` column every reviewed post weighs the same, i.e. a simple random sample).
    seed, n_boot, level
        Bootstrap seed, replicates and coverage of the interval.
    prediction, id_column, weight
        Column names.

    Returns
    -------
    DataFrame
        Rows ``negative``, ``neutral``, ``positive``, ``net_sentiment``; columns ``measure``,
        ``model`` (raw model estimate), ``corrected``, ``ci_low``, ``ci_high`` and ``n_reviewed``
        (reviewed posts used). ``attrs["accounting"]`` counts posts left out and why.

    Raises
    ------
    ReviewError
        When a class the model predicts has no usable reviewed post (its confusion cannot be
        estimated; :func:`draw_sample` stratified on ``sentiment`` always draws some).

    Examples
    --------
    >>> import pandas as pd
    >>> posts = pd.DataFrame({"post_id": [str(i) for i in range(8)],
    ...                       "sentiment": ["positive"] * 4 + ["negative"] * 2 + ["neutral"] * 2})
    >>> r = pd.DataFrame({"post_id": ["0", "1", "4", "6"], "weight": 2.0,
    ...                   "label_ana": ["positive", "negative", "negative", "neutral"]})
    >>> corrected_shares(posts, r, n_boot=200)[["measure", "model", "corrected"]].round(3).values.tolist()
    [['negative', 0.25, 0.5], ['neutral', 0.25, 0.25], ['positive', 0.5, 0.25], ['net_sentiment', 0.333, -0.333]]
    """
    pcodes, tcodes, w, counts, accounting = _matched(posts, reviewed, prediction, id_column, weight)
    k = len(LABELS)
    total = counts.sum()
    if total == 0:
        raise ReviewError(f"no post has a prediction in column '{prediction}'")
    pi = counts / total
    present = np.bincount(pcodes, minlength=k) if len(pcodes) else np.zeros(k, dtype=int)
    missing = [LABELS[c] for c in range(k) if counts[c] > 0 and present[c] == 0]
    if missing:
        raise ReviewError(
            f"no reviewed post (with a consensus label) among those the model predicts {missing}: "
            "their errors cannot be estimated; review some (draw_sample stratifies by sentiment)"
        )
    cond, _ = _conditional(pcodes, tcodes, w, k)
    cond = np.nan_to_num(cond)  # classes the model never predicts have pi = 0
    point = pi @ cond

    rng = np.random.default_rng(seed)
    boot = np.zeros((int(n_boot), k))
    onehot = np.eye(k)
    for c in range(k):
        members = np.flatnonzero(pcodes == c)
        if pi[c] == 0 or len(members) == 0:
            continue
        idx = members[rng.integers(0, len(members), size=(int(n_boot), len(members)))]
        sums = np.einsum("bm,bmk->bk", w[idx], onehot[tcodes[idx]])
        boot += pi[c] * sums / sums.sum(axis=1, keepdims=True)
    alpha = (1 - level) / 2
    if n_boot > 0:
        ci = np.quantile(boot, [alpha, 1 - alpha], axis=0)
        net_boot = _net(boot)
        net_boot = net_boot[np.isfinite(net_boot)]
        net_ci = np.quantile(net_boot, [alpha, 1 - alpha]) if len(net_boot) else np.array([np.nan, np.nan])
    else:
        ci = np.full((2, k), np.nan)
        net_ci = np.array([np.nan, np.nan])
    out = pd.DataFrame(
        {
            "measure": list(LABELS) + ["net_sentiment"],
            "model": np.append(pi, _net(pi)),
            "corrected": np.append(point, _net(point)),
            "ci_low": np.append(ci[0], net_ci[0]),
            "ci_high": np.append(ci[1], net_ci[1]),
            "n_reviewed": accounting["reviewed_used"],
        }
    )
    out.attrs["accounting"] = accounting
    return out


def corrected_by(
    posts: pd.DataFrame,
    reviewed: pd.DataFrame | None,
    *,
    by: str = "actor",
    seed: int = 0,
    n_boot: int = 2000,
    level: float = 0.95,
    min_reviewed: int = 10,
    prediction: str = "sentiment",
    id_column: str = "post_id",
    weight: str = "weight",
) -> pd.DataFrame:
    """Net sentiment per group (e.g. per actor), raw and corrected by a human review.

    Each group's predicted shares are corrected with the model's confusion ``P(true | predicted)``
    estimated on the reviewed posts of that group (as in :func:`corrected_shares`): a model errs
    differently on different conversations, so one pooled confusion would bias some groups. Where a
    group has fewer than ``min_reviewed`` reviewed posts in a class the model predicts, that row of
    its confusion comes from all reviewed posts (pooled) and ``confusion`` says ``pooled (k rows)``.
    A reviewed post's group and prediction are read from ``posts``; reviewed posts not in ``posts``
    (e.g. outside the period) count only for the pooled rows, with the prediction shown to the
    reviewer (``model_sentiment``). Intervals: percentile bootstrap resampling the reviewed posts
    within each (group, predicted class) cell. Draw the review stratified on the group and the
    prediction (``draw_sample(strata=("actor", "sentiment"))``) so every cell is seen.

    With ``reviewed`` None or empty, the corrected columns are NaN and ``attrs["note"]`` says so.

    Returns
    -------
    One row per group: ``[by], posts, model_net, corrected_net, ci_low, ci_high, corrected_negative,
    corrected_neutral, corrected_positive, n_reviewed, confusion``.
    """
    predicted = _normalise_predictions(posts[prediction], prediction)
    groups = posts[by].astype("string").fillna("(none)")
    k = len(LABELS)
    names = sorted(groups.unique())
    counts = np.array(
        [[((groups == g) & (predicted == label)).sum() for label in LABELS] for g in names], dtype=float
    ).reshape(len(names), k)
    with np.errstate(invalid="ignore", divide="ignore"):
        pi = np.nan_to_num(counts / counts.sum(axis=1, keepdims=True))
    out = pd.DataFrame({by: names, "posts": groups.value_counts().reindex(names).to_numpy(), "model_net": _net(pi)})
    if reviewed is None or len(reviewed) == 0:
        for col in (
            "corrected_net",
            "ci_low",
            "ci_high",
            "corrected_negative",
            "corrected_neutral",
            "corrected_positive",
        ):
            out[col] = np.nan
        out["n_reviewed"] = 0
        out["confusion"] = "none"
        out.attrs["note"] = "No reviewed sample: the figures are the model's, uncorrected."
        return out
    cons = consensus(reviewed)
    ids = posts[id_column].astype("string").to_numpy()
    lookup = pd.Series(predicted.to_numpy(), index=ids)
    group_of = pd.Series(groups.to_numpy(), index=ids)
    lookup, group_of = lookup[~lookup.index.duplicated()], group_of[~group_of.index.duplicated()]
    if not cons["post_id"].isin(lookup.index).any():
        raise ReviewError(
            "none of the reviewed posts is in these posts: the review file belongs to other data "
            f"(first reviewed ids: {cons['post_id'].head(3).tolist()})"
        )
    pred = cons["post_id"].map(lookup)
    if "model_sentiment" in reviewed.columns:
        shown = _normalise_predictions(reviewed["model_sentiment"].replace("", pd.NA), "model_sentiment")
        pred = pred.fillna(pd.Series(shown.to_numpy(), index=pred.index))
    rgroup = cons["post_id"].map(group_of).to_numpy(dtype=object)
    w = (
        pd.to_numeric(reviewed[weight], errors="coerce").to_numpy(dtype=float)
        if weight in reviewed.columns
        else np.ones(len(reviewed))
    )
    use = (cons["label"].notna() & pred.notna()).to_numpy() & (w > 0)
    pcodes, tcodes, w, rgroup = _codes(pred[use]), _codes(cons["label"][use]), w[use], rgroup[use]
    present = np.bincount(pcodes, minlength=k)
    missing = [LABELS[c] for c in range(k) if counts[:, c].sum() > 0 and present[c] == 0]
    if missing:
        raise ReviewError(
            f"no reviewed post among those the model predicts {missing}: their errors cannot be "
            "estimated; review some (draw_sample stratifies by sentiment)"
        )
    rng = np.random.default_rng(seed)
    onehot = np.eye(k)

    def boot_rows(members: np.ndarray) -> np.ndarray:
        idx = members[rng.integers(0, len(members), size=(int(n_boot), len(members)))]
        sums = np.einsum("bm,bmk->bk", w[idx], onehot[tcodes[idx]])
        return sums / sums.sum(axis=1, keepdims=True)

    pooled_boot = {c: boot_rows(np.flatnonzero(pcodes == c)) for c in range(k) if present[c]}
    pooled_cond, _ = _conditional(pcodes, tcodes, w, k)
    point = np.zeros((len(names), k))
    boot = np.zeros((int(n_boot), len(names), k))
    n_used, how = [], []
    for g, name in enumerate(names):
        own = rgroup == name
        n_used.append(int(own.sum()))
        pooled_rows = 0
        for c in range(k):
            if pi[g, c] == 0:
                continue
            members = np.flatnonzero(own & (pcodes == c))
            if len(members) >= min_reviewed:
                row = np.bincount(tcodes[members], weights=w[members], minlength=k) / w[members].sum()
                rows_b = boot_rows(members)
            else:
                row, rows_b = np.nan_to_num(pooled_cond[c]), pooled_boot[c]
                pooled_rows += 1
            point[g] += pi[g, c] * row
            boot[:, g] += pi[g, c] * rows_b
        how.append("own" if pooled_rows == 0 else f"pooled ({pooled_rows} of {int((pi[g] > 0).sum())} rows)")
    alpha = (1 - level) / 2
    net_boot = _net(boot)
    with np.errstate(invalid="ignore"):
        out["corrected_net"] = _net(point)
        out["ci_low"] = np.nanquantile(net_boot, alpha, axis=0) if n_boot else np.nan
        out["ci_high"] = np.nanquantile(net_boot, 1 - alpha, axis=0) if n_boot else np.nan
    for j, label in enumerate(LABELS):
        out[f"corrected_{label}"] = point[:, j]
    out["n_reviewed"] = n_used
    out["confusion"] = how
    out.attrs["note"] = (
        f"Corrected with {int(use.sum())} reviewed posts ({sum(n_used)} of them in these groups); "
        f"each group's confusion from its own reviewed posts where it has at least {min_reviewed} "
        f"per predicted class, else pooled."
    )
    return out


def simulate(
    posts: pd.DataFrame,
    *,
    labels: str,
    n: int = 300,
    seed: int = 0,
    reviewers: Sequence[str] = ("reviewer_1", "reviewer_2"),
    disagreement: float = 0.1,
    **sample_kwargs,
) -> pd.DataFrame:
    """A filled review drawn from posts that already carry gold labels (a labelled dataset, or the
    sample scenario): a :func:`draw_sample` of ``n`` posts whose ``label_<reviewer>`` columns copy the
    ``labels`` column, each reviewer independently replacing it by another label with probability
    ``disagreement`` (human reviewers do not agree perfectly). For workshops and for testing the review
    loop end to end; write it with :func:`write_review_csv`.
    """
    sample = draw_sample(posts, n, seed=seed, **sample_kwargs)
    rng = np.random.default_rng(seed + 1)
    gold = sample[labels].astype("string")
    for name in _reviewer_names(reviewers):
        flip = rng.random(len(sample)) < disagreement
        other = np.array(LABELS, dtype=object)[rng.integers(0, len(LABELS), len(sample))]
        values = np.where(flip & (other != gold.to_numpy(dtype=object)), other, gold.to_numpy(dtype=object))
        sample[f"label_{name}"] = pd.array(values, dtype="string")
    return sample


def load(path: str | Path | Sequence[str | Path] | None) -> pd.DataFrame | None:
    """:func:`read_review_csv` when a path is given; None when it is None (no review yet).

    ``"sample"`` is the filled review that ships with the sample scenario (``data/sample/review.csv``).
    """
    if path is None:
        return None
    if isinstance(path, str) and path == "sample":
        from ..datasets import sample_path

        path = sample_path("review.csv")
    return read_review_csv(path)


# --------------------------------------------------------------------------------------------- training


def to_training(reviewed: pd.DataFrame, *, text_column: str = "text") -> tuple[list[str], list[str]]:
    """Texts and consensus labels of the reviewed posts, for ``train_head(texts, labels)``.

    Posts without a consensus (ties, not reviewed) or without text are left out.

    Examples
    --------
    >>> import pandas as pd
    >>> r = pd.DataFrame({"post_id": ["1", "2", "3"], "text": ["Bravo, encore 2 h de retard", "ok", "top"],
    ...                   "label_ana": ["negative", None, "positive"]})
    >>> to_training(r)
    (['Bravo, encore 2 h de retard', 'top'], ['negative', 'positive'])
    """
    if text_column not in reviewed.columns:
        raise ReviewError(f"the review table has no text column '{text_column}'")
    cons = consensus(reviewed)
    texts = reviewed[text_column].astype("string").to_numpy()
    labels = cons["label"].to_numpy()
    keep = [
        i for i in range(len(reviewed)) if not pd.isna(labels[i]) and not pd.isna(texts[i]) and str(texts[i]).strip()
    ]
    return [str(texts[i]) for i in keep], [str(labels[i]) for i in keep]


__all__ = [
    "LABELS",
    "BANDS",
    "REVIEW_INSTRUCTIONS",
    "ReviewError",
    "draw_sample",
    "write_review_csv",
    "read_review_csv",
    "consensus",
    "agreement",
    "confusion",
    "corrected_shares",
    "to_training",
]
