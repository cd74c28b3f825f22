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

import itertools
import warnings
from collections.abc import Sequence

import numpy as np
import pandas as pd

from .._review import LABELS, ReviewError
from .._review import normalise_predictions as _normalise_predictions
from .._review import reviewer_names as _reviewer_names

# The review files are read and written by kit.io.review; re-exported here for the callers of the old path.
from ..io.review import REVIEW_INSTRUCTIONS, load, read_review_csv, write_review_csv

BANDS: tuple[str, ...] = ("low", "medium", "high")
"""Confidence bands of :func:`draw_sample`."""

MODEL = "model"
"""Name of the model as a rater in :func:`agreement`."""

CONSENSUS = "consensus"
"""Name of the reviewers' majority label as a rater in :func:`agreement`."""

NONE = "(none)"


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


# --------------------------------------------------------------------------------------------- consensus


def _label_columns(reviewed: pd.DataFrame) -> list[str]:
    cols = [c for c in reviewed.columns if isinstance(c, str) and c.startswith("label_") and len(c) > 6]
    if not cols:
        raise ReviewError("the review table has no 'label_<reviewer>' column; read it with read_review_csv")
    return cols


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
    "corrected_by",
    "simulate",
    "load",
]
