"""Reviewers' consensus and agreement: the majority label of each reviewed post, Cohen's kappa between
reviewers and between each reviewer and the model, and the consensus labels as training data.

Examples
--------
>>> import pandas as pd
>>> r = pd.DataFrame({"post_id": ["1", "2"], "label_a": ["negative", "neutral"], "label_b": ["negative", None]})
>>> consensus(r)["label"].tolist()
['negative', 'neutral']
"""

from __future__ import annotations

import itertools
import warnings

import numpy as np
import pandas as pd

from .._review import LABELS, ReviewError, label_columns, normalise_predictions
from .._review import label_codes as _codes

__all__ = ["MODEL", "CONSENSUS", "consensus", "agreement", "to_training"]

MODEL = "model"
"""Name of the model as a rater in :func:`agreement`."""

CONSENSUS = "consensus"
"""Name of the reviewers' majority label as a rater in :func:`agreement`."""


def consensus(reviewed: pd.DataFrame) -> pd.DataFrame:
    """The reviewers' majority label of each post, and why a post has none.

    Returns ``post_id``, ``label`` (the label with strictly more votes than any other, missing
    otherwise) and ``status``: ``agreed`` (every reviewer who labelled it gave the same label, one
    reviewer included), ``majority``, ``tie`` (excluded from estimates) or ``not reviewed``.

    Parameters
    ----------
    reviewed
        Review table (``post_id`` and ``label_<reviewer>`` columns).

    Examples
    --------
    >>> import pandas as pd
    >>> r = pd.DataFrame({"post_id": ["1", "2", "3", "4"], "label_a": ["negative", "negative", None, None],
    ...                   "label_b": ["negative", "positive", "neutral", None]})
    >>> consensus(r)["status"].tolist()
    ['agreed', 'tie', 'agreed', 'not reviewed']
    """
    cols = label_columns(reviewed)
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
        Table from :func:`kit.io.review.read_review_csv`.
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

    cols = label_columns(reviewed)
    raters: dict[str, pd.Series] = {c[len("label_") :]: reviewed[c].astype("string") for c in cols}
    model = None
    if "model_sentiment" in reviewed.columns and reviewed["model_sentiment"].notna().any():
        model = normalise_predictions(reviewed["model_sentiment"], "model_sentiment")
    elif posts is not None:
        if prediction not in posts.columns:
            raise ReviewError(f"posts have no prediction column '{prediction}'")
        predicted = normalise_predictions(posts[prediction], prediction)
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


def to_training(reviewed: pd.DataFrame, *, text_column: str = "text") -> tuple[list[str], list[str]]:
    """Texts and consensus labels of the reviewed posts, for ``train_head(texts, labels)``.

    Posts without a consensus (ties, not reviewed) or without text are left out.

    Parameters
    ----------
    reviewed
        Review table with the texts.
    text_column
        Column holding the texts.

    Returns
    -------
    tuple of lists
        ``(texts, labels)``.

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
