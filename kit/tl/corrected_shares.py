"""Sentiment shares corrected by the human review: the model's confusion ``P(true | predicted)``
estimated on the reviewed sample, and the corrected negative/neutral/positive shares and net sentiment,
overall (:func:`corrected_shares`) or per group (:func:`corrected_by`), with bootstrap intervals.

Both figures come from one estimator (the "calibrated confusion" or ratio estimator, post-stratified on
the model's prediction); the overall figure is its one-group case.

Examples
--------
>>> import pandas as pd
>>> posts = pd.DataFrame({"post_id": list("abcd"), "sentiment": ["positive", "positive", "negative", "neutral"]})
>>> r = pd.DataFrame({"post_id": list("abcd"), "weight": 1.0,
...                   "label_ana": ["positive", "negative", "negative", "neutral"]})
>>> corrected_shares(posts, r, n_boot=50)["corrected"].round(2).tolist()
[0.5, 0.25, 0.25, -0.33]
"""

from __future__ import annotations

import warnings

import numpy as np
import pandas as pd

from .._review import LABELS, ReviewError, normalise_predictions
from .._review import label_codes as _codes
from .agreement import consensus

__all__ = ["confusion", "corrected_shares", "corrected_by"]


def _matched(posts: pd.DataFrame, reviewed: pd.DataFrame, prediction: str, id_column: str, weight: str):
    """Predicted and true codes and weights of the usable reviewed posts, the corpus counts, an accounting."""
    if prediction not in posts.columns:
        raise ReviewError(f"posts have no prediction column '{prediction}'")
    if id_column not in posts.columns:
        raise ReviewError(f"posts have no id column '{id_column}'")
    predicted = normalise_predictions(posts[prediction], prediction)
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
    # rows with an empty weight in a review that has weights are the learning part of
    # kit.tl.review_choose.choose_sample: they teach the head but are no probability sample
    learning_only = np.isnan(w) & ~np.isnan(w).all() & has_label
    use = has_label & in_posts & has_pred & ~learning_only
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
        "learning_only": int(learning_only.sum()),
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

    Parameters
    ----------
    posts
        The whole corpus with the model's ``prediction`` column.
    reviewed
        Review table (``post_id``, ``label_*``, optionally ``weight``).
    prediction, id_column, weight
        Column names.

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


def _check_coverage(counts: np.ndarray, present: np.ndarray) -> None:
    """Raise when a class the model predicts has no usable reviewed post (its errors cannot be estimated)."""
    missing = [LABELS[c] for c in range(len(LABELS)) if counts[c] > 0 and present[c] == 0]
    if missing:
        raise ReviewError(
            f"no reviewed post (with a consensus label) among those the model predicts {missing}: "
            "their errors cannot be estimated; review some (draw_sample stratifies by sentiment)"
        )


def _estimate(
    pi: np.ndarray,
    pcodes: np.ndarray,
    tcodes: np.ndarray,
    w: np.ndarray,
    *,
    groups: np.ndarray,
    n_boot: int,
    rng: np.random.Generator,
    min_reviewed: int = 1,
    pooled: bool = False,
) -> tuple[np.ndarray, np.ndarray, list[int]]:
    r"""The corrected-shares estimator, for G groups at once (the overall figure is the one-group case).

    ``pi`` (G x k) holds each group's predicted shares ``N_gc / N_g``; ``pcodes``, ``tcodes`` and ``w``
    the predicted and true codes and design weights of the usable reviewed posts; ``groups`` the group
    index of each (-1: in no group). Group ``g``'s corrected shares are ``sum_c pi[g, c] P_g(t | c)``,
    ``P_g(t | c)`` the weighted share of true class ``t`` among its reviewed posts predicted ``c`` when
    there are at least ``min_reviewed`` of them, else (``pooled``) among all reviewed posts predicted
    ``c``. The bootstrap resamples the reviewed posts within each cell used (seeded ``rng``; with
    ``pooled`` the pooled cells are drawn first, in class order, then each group's own cells).

    Returns the point estimates (G x k), the ``n_boot`` replicates (n_boot x G x k) and, per group,
    the number of classes whose confusion row was pooled.
    """
    k = pi.shape[1]
    onehot = np.eye(k)

    def boot_rows(members: np.ndarray) -> np.ndarray:
        idx = members[rng.integers(0, len(members), size=(int(n_boot), len(members)))]
        sums = np.einsum("bm,bmk->bk", w[idx], onehot[tcodes[idx]])
        return sums / sums.sum(axis=1, keepdims=True)

    present = np.bincount(pcodes, minlength=k)
    pooled_boot, pooled_cond = {}, None
    if pooled:
        pooled_boot = {c: boot_rows(np.flatnonzero(pcodes == c)) for c in range(k) if present[c]}
        pooled_cond, _ = _conditional(pcodes, tcodes, w, k)
    point = np.zeros((len(pi), k))
    boot = np.zeros((int(n_boot), len(pi), k))
    n_pooled = []
    for g in range(len(pi)):
        own = groups == g
        pooled_rows = 0
        for c in range(k):
            if pi[g, c] == 0:
                continue
            members = np.flatnonzero(own & (pcodes == c))
            if len(members) >= max(min_reviewed, 1) or not pooled:
                row = np.bincount(tcodes[members], weights=w[members], minlength=k) / w[members].sum()
                rows_b = boot_rows(members)
            else:
                row, rows_b = np.nan_to_num(pooled_cond[c]), pooled_boot[c]
                pooled_rows += 1
            point[g] += pi[g, c] * row
            boot[:, g] += pi[g, c] * rows_b
        n_pooled.append(pooled_rows)
    return point, boot, n_pooled


def _interval(boot: np.ndarray, level: float) -> tuple[np.ndarray, np.ndarray]:
    """Percentile interval over the replicates (axis 0), missing replicates left out; NaN without any."""
    alpha = (1 - level) / 2
    if len(boot) == 0:
        nan = np.full(boot.shape[1:], np.nan)
        return nan, nan
    with warnings.catch_warnings(), np.errstate(invalid="ignore"):
        warnings.simplefilter("ignore", RuntimeWarning)
        return np.nanquantile(boot, alpha, axis=0), np.nanquantile(boot, 1 - alpha, axis=0)


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
    :func:`kit.tl.review_sample.draw_sample` (which corrects for strata drawn at different rates within a predicted
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
        Table from :func:`kit.io.review.read_review_csv` (``post_id``, ``label_*``, ``weight``; without a
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
        estimated; :func:`kit.tl.review_sample.draw_sample` stratified on ``sentiment`` always draws some).

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
    _check_coverage(counts, np.bincount(pcodes, minlength=k) if len(pcodes) else np.zeros(k, dtype=int))
    point, boot, _ = _estimate(
        pi[None, :],
        pcodes,
        tcodes,
        w,
        groups=np.zeros(len(pcodes), dtype=int),
        n_boot=n_boot,
        rng=np.random.default_rng(seed),
    )
    point, boot = point[0], boot[:, 0]
    low, high = _interval(boot, level)
    net_low, net_high = _interval(_net(boot), level)
    out = pd.DataFrame(
        {
            "measure": list(LABELS) + ["net_sentiment"],
            "model": np.append(pi, _net(pi)),
            "corrected": np.append(point, _net(point)),
            "ci_low": np.append(low, net_low),
            "ci_high": np.append(high, net_high),
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
    pooling: str = "partial",
    prediction: str = "sentiment",
    id_column: str = "post_id",
    weight: str = "weight",
) -> pd.DataFrame:
    """Net sentiment per group (e.g. per actor), raw and corrected by a human review.

    Each group's predicted shares are corrected with the model's confusion ``P(true | predicted)``
    estimated on the reviewed posts of that group (as in :func:`corrected_shares`): a model errs
    differently on different conversations, so one pooled confusion would bias some groups. Where a
    group has fewer than ``min_reviewed`` reviewed posts in a class the model predicts, ``confusion`` says
    ``partly pooled (k of m rows)``: with ``pooling="partial"`` (the default) each group's rows are its
    own reviewed posts drawn toward all reviewed posts' errors by as much as the groups were seen to differ
    (as :mod:`kit.tl.group_estimate` does: the others' errors weigh at most one reviewed post of its
    own), so a group with few reviewed posts gets a wide interval rather than the others' errors with
    their narrow one. With ``pooling="full"`` such a row *is* the pooled row (``pooled (k rows)``), which
    assumes the model errs on the group as on the others (right for periods of one actor, whose errors
    are the actor's).
    A reviewed post's group and prediction are read from ``posts``; reviewed posts not in ``posts``
    (e.g. outside the period) count only for the pooled rows, with the prediction shown to the
    reviewer (``model_sentiment``). Intervals: percentile bootstrap resampling the reviewed posts
    within each (group, predicted class) cell. Draw the review stratified on the group and the
    prediction (``draw_sample(strata=("actor", "sentiment"))``) so every cell is seen.

    With ``reviewed`` None or empty, the corrected columns are NaN and ``attrs["note"]`` says so.

    Parameters
    ----------
    posts
        The whole corpus with the model's ``prediction`` and the ``by`` column.
    reviewed
        Review table (:func:`kit.io.review.read_review_csv`), or None.
    by
        Grouping column.
    seed, n_boot, level
        Bootstrap seed, replicates and coverage of the interval.
    min_reviewed
        Reviewed posts a group needs in a predicted class for its confusion row to be called its own.
    pooling
        ``"partial"`` or ``"full"`` (above).
    prediction, id_column, weight
        Column names.

    Returns
    -------
    DataFrame
        One row per group: ``[by], posts, model_net, corrected_net, ci_low, ci_high, corrected_negative,
        corrected_neutral, corrected_positive, n_reviewed, confusion``.

    Examples
    --------
    >>> import pandas as pd
    >>> posts = pd.DataFrame({"post_id": list("abcd"), "actor": ["A", "A", "B", "B"],
    ...                       "sentiment": ["positive", "negative", "positive", "negative"]})
    >>> r = pd.DataFrame({"post_id": list("abcd"), "label_ana": ["negative", "negative", "positive", "negative"]})
    >>> out = corrected_by(posts, r, by="actor", min_reviewed=1, n_boot=50)
    >>> out["corrected_net"].round(2).tolist(), out["confusion"].tolist()  # one reviewed post a cell: drawn toward all's
    ([-0.8, -0.2], ['own', 'own'])
    >>> corrected_by(posts, r, by="actor", min_reviewed=1, pooling="full", n_boot=50)["corrected_net"].tolist()
    [-1.0, 0.0]
    """
    predicted = normalise_predictions(posts[prediction], prediction)
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
        shown = normalise_predictions(reviewed["model_sentiment"].replace("", pd.NA), "model_sentiment")
        pred = pred.fillna(pd.Series(shown.to_numpy(), index=pred.index))
    rgroup = cons["post_id"].map(group_of).to_numpy(dtype=object)
    w = (
        pd.to_numeric(reviewed[weight], errors="coerce").to_numpy(dtype=float)
        if weight in reviewed.columns
        else np.ones(len(reviewed))
    )
    use = (cons["label"].notna() & pred.notna()).to_numpy() & (w > 0)
    pcodes, tcodes, w, rgroup = _codes(pred[use]), _codes(cons["label"][use]), w[use], rgroup[use]
    _check_coverage(counts.sum(axis=0), np.bincount(pcodes, minlength=k))
    index = {name: g for g, name in enumerate(names)}
    g_of = np.array([index.get(g, -1) for g in rgroup], dtype=int)
    rng = np.random.default_rng(seed)
    if pooling == "partial":
        from .group_estimate import _partial_pool

        point, boot, own_n, _, _ = _partial_pool(counts, pcodes, tcodes, w, g_of, rng=rng, n_boot=n_boot)
        short = ((own_n < max(min_reviewed, 1)) & (counts > 0)).sum(axis=1)
        how = [
            "own" if p == 0 else f"partly pooled ({p} of {int((counts[g] > 0).sum())} rows)"
            for g, p in enumerate(short)
        ]
    elif pooling == "full":
        point, boot, n_pooled = _estimate(
            pi, pcodes, tcodes, w, groups=g_of, n_boot=n_boot, rng=rng, min_reviewed=min_reviewed, pooled=True
        )
        how = ["own" if p == 0 else f"pooled ({p} of {int((pi[g] > 0).sum())} rows)" for g, p in enumerate(n_pooled)]
    else:
        raise ValueError(f"pooling must be 'partial' or 'full', not {pooling!r}")
    n_used = [int((rgroup == name).sum()) for name in names]
    low, high = _interval(_net(boot), level)
    with np.errstate(invalid="ignore"):
        out["corrected_net"] = _net(point)
    out["ci_low"], out["ci_high"] = low, high
    for j, label in enumerate(LABELS):
        out[f"corrected_{label}"] = point[:, j]
    out["n_reviewed"] = n_used
    out["confusion"] = how
    out.attrs["note"] = (
        f"Corrected with {int(use.sum())} reviewed posts ({sum(n_used)} of them in these groups); "
        f"each group's confusion from its own reviewed posts where it has at least {min_reviewed} "
        + (
            "per predicted class, else drawn toward all reviewed posts' errors by as much as the groups differ "
            "(wider intervals)."
            if pooling == "partial"
            else "per predicted class, else pooled."
        )
    )
    return out
