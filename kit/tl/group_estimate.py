"""Sentiment per group (topic, phase, topic and actor...): the best estimate there is, the raw count beside it.

With a reviewed sample, each group's negative share and net sentiment are the model's counts corrected by its
errors measured on the review (``P(true | predicted)``, as :mod:`kit.tl.corrected_shares`); without one, the
figures *are* the raw counts and say so. Groups are many and reviews are few (200 reviewed posts over 20
topics leave about three per topic and predicted class), so a group's errors are estimated by **partial
pooling**: its own reviewed posts, drawn toward the errors of all reviewed posts by as much as the groups were
seen to differ. For each predicted class ``c``, the rows ``P_g(. | c)`` of the groups are modelled as
Dirichlet around the pooled row with concentration ``a_c`` (the weight of the pooled errors, in reviewed posts),
fitted by maximum likelihood on the groups' reviewed posts (Dirichlet-multinomial) and held in
``[MIN_CONCENTRATION, MAX_CONCENTRATION]``: the other groups' errors never weigh more than ``MAX_CONCENTRATION``
(one) reviewed post of the group's own, even when the groups look alike or are too few to tell. A group
without reviewed posts gets the pooled errors as its point estimate with a wide interval (nothing of its own
says they hold for it); a group with many gets essentially its own. Intervals are percentile intervals over
``n_boot`` replicates, each resampling the reviewed posts of each predicted class and drawing every group's
rows from their Dirichlet posterior.

Sentences on the table (which figure to trust, small groups, sign disagreements) are in
:mod:`kit.tl.estimate_sentences`.

>>> import pandas as pd
>>> posts = pd.DataFrame({"post_id": list("abcdef"), "phase": ["before"] * 3 + ["peak"] * 3,
...                       "sentiment": ["positive", "positive", "negative", "negative", "negative", "neutral"]})
>>> out = estimate(posts, None, by="phase")
>>> out[["phase", "posts", "net_sentiment", "estimate"]].values.tolist()
[['before', 3, 0.333..., 'raw (uncorrected)'], ['peak', 3, -1.0, 'raw (uncorrected)']]
"""

from __future__ import annotations

import numpy as np
import pandas as pd
from scipy.optimize import minimize_scalar
from scipy.special import gammaln

from .._review import LABELS, normalise_predictions
from .._review import label_codes as _codes
from .._stats import wilson
from .agreement import consensus

__all__ = [
    "RAW",
    "MIN_CONCENTRATION",
    "MAX_CONCENTRATION",
    "estimate",
    "concentration",
    "as_shares",
    "with_estimate",
]

#: How a figure that is the model's count is labelled.
RAW = "raw (uncorrected)"
#: Bounds of the Dirichlet concentration of the groups' error rows, in reviewed posts. The upper bound is low
#: on purpose: with a few groups and a few reviewed posts each, the likelihood cannot see how much their
#: errors differ (on the sample's crisis, posts called positive are 44 % positive before it and 6 % at its
#: peak, yet the fit reached a bound of 50). Measured on the sample with its shipped review (truth from the
#: generator's labels): with the bound at 1, the 95 % intervals of the crisis phases covered the true negative
#: share and net sentiment in 10 of 10 phases (smoke and sample windows) and those of the listening topics in
#: 84 % (negative share) and 89 % (net sentiment) of 44 topics; at 5, 8 of 10 and 68 % and 84 %.
MIN_CONCENTRATION, MAX_CONCENTRATION = 0.5, 1.0

_K = len(LABELS)


def concentration(
    counts: np.ndarray, mean: np.ndarray, *, low: float = MIN_CONCENTRATION, high: float = MAX_CONCENTRATION
) -> tuple[float, bool]:
    """The Dirichlet concentration of the groups' rows around ``mean`` (maximum likelihood, bounded).

    ``counts`` holds one row per group: its reviewed posts of each true class among those the model
    predicted one class. Returns the concentration and whether it was measured (at least two groups with
    reviewed posts); unmeasured, it is ``high``.

    >>> alike = np.array([[8, 2, 0], [9, 1, 0], [8, 2, 0], [7, 3, 0]])
    >>> apart = np.array([[10, 0, 0], [0, 10, 0], [9, 1, 0], [1, 9, 0]])
    >>> mean = lambda c: c.sum(axis=0) / c.sum()
    >>> round(concentration(alike, mean(alike), high=50)[0]), round(concentration(apart, mean(apart), high=50)[0], 1)
    (50, 0.5)
    >>> concentration(alike[:1], mean(alike[:1]))
    (1.0, False)
    """
    counts = np.asarray(counts, dtype=float)
    counts = counts[counts.sum(axis=1) > 0]
    mean = np.clip(np.asarray(mean, dtype=float), 1e-6, None)
    mean = mean / mean.sum()
    if len(counts) < 2:
        return float(high), False
    n = counts.sum(axis=1)

    def nll(log_a: float) -> float:
        a = np.exp(log_a)
        am = a * mean
        return -float(
            np.sum(gammaln(a) - gammaln(a + n)) + np.sum(gammaln(am[None, :] + counts) - gammaln(am)[None, :])
        )

    res = minimize_scalar(nll, bounds=(np.log(low), np.log(high)), method="bounded")
    return float(np.clip(np.exp(res.x), low, high)), True


def _raw(counts: np.ndarray, level: float) -> dict:
    """Raw negative share (Wilson) and net sentiment (Wilson on the polar posts) of each group's counts."""
    neg, pos = counts[:, 0], counts[:, 2]
    n = counts.sum(axis=1)
    polar = neg + pos
    nlow, nhigh = wilson(neg, n, level)
    plow, phigh = wilson(pos, polar, level)
    with np.errstate(invalid="ignore", divide="ignore"):
        return {
            "negative_share": np.where(n > 0, neg / np.where(n > 0, n, 1), np.nan),
            "negative_share_low": np.asarray(nlow, dtype=float),
            "negative_share_high": np.asarray(nhigh, dtype=float),
            "net_sentiment": np.where(polar > 0, (pos - neg) / np.where(polar > 0, polar, 1), np.nan),
            "net_low": np.where(polar > 0, 2 * np.asarray(plow, dtype=float) - 1, np.nan),
            "net_high": np.where(polar > 0, 2 * np.asarray(phigh, dtype=float) - 1, np.nan),
        }


def _net(shares: np.ndarray) -> np.ndarray:
    neg, pos = shares[..., 0], shares[..., 2]
    with np.errstate(invalid="ignore", divide="ignore"):
        return (pos - neg) / (pos + neg)


def _usable_review(scored, reviewed, predicted, groups, id_column, weight):
    """Predicted and true codes, design weights and group numbers of the reviewed posts found in ``scored``."""
    ids = scored[id_column].astype("string").to_numpy()
    pred_of = pd.Series(predicted.to_numpy(), index=ids)
    key_of = pd.Series(np.asarray(groups, dtype=int), index=ids)
    pred_of, key_of = pred_of[~pred_of.index.duplicated()], key_of[~key_of.index.duplicated()]
    cons = consensus(reviewed)
    w = (
        pd.to_numeric(reviewed[weight], errors="coerce").to_numpy(dtype=float)
        if weight in reviewed.columns
        else np.ones(len(reviewed))
    )
    if np.isnan(w).all():
        w = np.ones(len(reviewed))
    pred = cons["post_id"].astype("string").map(pred_of)
    # a review row with an empty weight where others have one only teaches the model (review_choose)
    use = (cons["label"].notna() & pred.notna()).to_numpy() & (w > 0)
    found = int(cons["post_id"].astype("string").isin(pred_of.index).sum())
    return (
        _codes(pred[use]),
        _codes(cons["label"][use]),
        w[use],
        cons["post_id"].astype("string").map(key_of)[use].to_numpy(dtype=int),
        found,
    )


def estimate(
    scored: pd.DataFrame,
    reviewed: pd.DataFrame | None,
    *,
    by="topic",
    order=None,
    model=None,
    seed: int = 0,
    n_boot: int = 2000,
    level: float = 0.95,
    min_reviewed: int = 10,
    min_posts: int = 1,
    top: int | None = None,
    labels: dict | None = None,
    max_concentration: float = MAX_CONCENTRATION,
    prediction: str = "sentiment",
    id_column: str = "post_id",
    weight: str = "weight",
) -> pd.DataFrame:
    """Each group's negative share and net sentiment: the best estimate, its interval, and the raw count beside it.

    Parameters
    ----------
    scored
        Scored posts (``sentiment``, ``post_id`` and the ``by`` columns); posts without a prediction (a
        language the model does not read) are left out.
    reviewed
        A filled review (:func:`kit.io.review.load`) or None. Only its posts found in ``scored`` are used: their
        prediction is the one the model gives now.
    by
        Grouping column, or a list of them (e.g. ``["topic", "actor"]``).
    order
        The groups' order (e.g. the crisis phases); groups not in it come after, by size.
    model
        The sentiment model or its name (its metadata gives the bias measured on real data, quoted when the
        figures are uncorrected: :func:`kit.tl.net_estimate.real_data_bias`).
    seed, n_boot, level
        Bootstrap seed, replicates and interval coverage.
    min_reviewed
        Reviewed posts a group needs in every class the model gives it for its errors to be called its own.
    min_posts
        Groups with fewer scored posts are left out.
    top
        Keep the rows of the ``top`` largest values of the first ``by`` column (e.g. the 20 largest topics); the
        errors are still estimated on every reviewed post.
    labels
        Names of the first ``by`` column's values (e.g. ``result.labels()`` for topics), shown as ``label``.
    max_concentration
        The most a group's errors are drawn toward the pooled ones, in reviewed posts (see the module's docstring).
    prediction, id_column, weight
        Column names.

    Returns
    -------
    DataFrame
        One row per group: the ``by`` columns, ``posts``, ``reviewed`` (its reviewed posts), the best estimate
        ``negative_share`` (``negative_share_low``/``_high``) and ``net_sentiment`` (``net_low``/``net_high``),
        ``estimate`` (how it was made), and the model's count beside it: ``raw negative share (uncorrected)``,
        ``raw net sentiment (uncorrected)``. ``attrs``: ``corrected`` (bool), ``reviewed_used``,
        ``review_rows``, ``review_found``, ``concentration`` (per class), ``spread_measured``, ``min_reviewed``,
        ``bias`` (the real-data bias sentence), ``by`` and ``ordered``.

    Examples
    --------
    >>> posts = pd.DataFrame({"post_id": list("abcdefgh"), "topic": [0] * 4 + [1] * 4,
    ...                       "sentiment": ["positive"] * 3 + ["negative"] + ["positive"] * 2 + ["negative"] * 2})
    >>> r = pd.DataFrame({"post_id": list("abefg"), "label_ana": ["negative", "positive", "negative", "negative",
    ...                   "negative"]})
    >>> out = estimate(posts, r, by="topic", n_boot=200)
    >>> out["topic"].tolist(), out["raw net sentiment (uncorrected)"].tolist(), out["reviewed"].tolist()
    ([0, 1], [0.5, 0.0], [2, 3])
    >>> bool((out["net_sentiment"] < out["raw net sentiment (uncorrected)"]).all()), out.attrs["corrected"]
    (True, True)
    """
    cols = [by] if isinstance(by, str) else list(by)
    missing = [c for c in [prediction, id_column, *cols] if c not in scored.columns]
    if missing:
        raise KeyError(f"the scored posts have no column {missing} (columns: {list(scored.columns)[:12]}...)")
    predicted = normalise_predictions(scored[prediction], prediction)
    has = predicted.notna().to_numpy()
    frame = scored.loc[has, cols].astype("string").fillna("(none)")
    keys = pd.Series(list(zip(*[frame[c].to_numpy() for c in cols])), dtype=object)
    pcode_all = _codes(predicted[has])
    names = list(keys.value_counts().index) if len(keys) else []
    if order is not None:
        rank = {str(v): i for i, v in enumerate(order)}
        names = sorted(names, key=lambda k: (rank.get(k[0], len(rank)), names.index(k)))
    index = {k: i for i, k in enumerate(names)}
    gidx = np.array([index[k] for k in keys], dtype=int)
    counts = np.zeros((len(names), _K))
    if len(gidx):
        np.add.at(counts, (gidx, pcode_all), 1)
    raw = _raw(counts, level)
    out = pd.DataFrame({c: [k[i] for k in names] for i, c in enumerate(cols)})
    for c in cols:  # the groups as the posts held them (topic numbers stay numbers)
        if pd.api.types.is_numeric_dtype(scored[c]):
            out[c] = pd.to_numeric(out[c], errors="coerce").astype(scored[c].dtype)
    out["posts"] = counts.sum(axis=1).astype(int)
    out["reviewed"] = 0
    for col, values in raw.items():
        out[col] = values
    out["estimate"] = RAW
    out["raw negative share (uncorrected)"] = raw["negative_share"]
    out["raw net sentiment (uncorrected)"] = raw["net_sentiment"]

    from .net_estimate import real_data_bias

    attrs = {
        "corrected": False,
        "reviewed_used": 0,
        "review_rows": 0 if reviewed is None else int(len(reviewed)),
        "review_found": 0,
        "concentration": {},
        "spread_measured": {},
        "min_reviewed": int(min_reviewed),
        "bias": real_data_bias(model),
        "by": cols,
        "ordered": order is not None,
        "why_raw": "no review" if reviewed is None or not len(reviewed) else "",
    }
    if reviewed is not None and len(reviewed) and len(names):
        pcodes, tcodes, w, rkeys, found = _usable_review(
            scored.loc[has], reviewed, predicted[has], gidx, id_column, weight
        )
        attrs["review_found"] = found
        given = np.flatnonzero(counts.sum(axis=0) > 0)
        present = np.bincount(pcodes, minlength=_K)
        uncovered = [LABELS[c] for c in given if present[c] == 0]
        if not len(pcodes):
            attrs["why_raw"] = "no reviewed post of the review is among these posts"
        elif uncovered:
            attrs["why_raw"] = (
                f"no reviewed post among those the model calls {', '.join(uncovered)}: their errors are unknown"
            )
        else:
            _correct(
                out,
                counts,
                pcodes,
                tcodes,
                w,
                rkeys,
                attrs,
                seed=seed,
                n_boot=n_boot,
                level=level,
                min_reviewed=min_reviewed,
                max_concentration=max_concentration,
            )
    if labels is not None:
        out.insert(len(cols), "label", out[cols[0]].map(dict(labels)).astype("string"))
    if top is not None:
        sizes = out.groupby(cols[0], sort=False)["posts"].sum().sort_values(ascending=False, kind="stable")
        out = out[out[cols[0]].isin(sizes.index[: int(top)])]
    out = out[out["posts"] >= max(min_posts, 1)].reset_index(drop=True)
    out.attrs.update(attrs)
    return out


def _partial_pool(counts, pcodes, tcodes, w, g_of, *, rng, n_boot, max_concentration=MAX_CONCENTRATION):
    """The partially pooled correction of G groups (see the module's docstring).

    ``counts`` (G x k) holds each group's posts per predicted class; ``pcodes``, ``tcodes``, ``w`` and ``g_of``
    the predicted and true codes, design weights and group numbers (-1: in no group, counted in the pooled
    errors only) of the usable reviewed posts. Returns the corrected shares (G x k), their ``n_boot``
    replicates (n_boot x G x k), each group's own reviewed posts per predicted class (G x k), and per class
    the concentration and whether the groups' spread was measured.
    """
    n_groups = len(counts)
    sizes = counts.sum(axis=1, keepdims=True)
    pi = counts / np.where(sizes > 0, sizes, 1)
    point = np.zeros((n_groups, _K))
    boot = np.zeros((int(n_boot), n_groups, _K))
    onehot = np.eye(_K)
    own_n = np.zeros((n_groups, _K), dtype=int)
    conc, measured_of = {}, {}
    for c in range(_K):
        members = np.flatnonzero(pcodes == c)
        if not len(members):
            continue
        pooled = np.bincount(tcodes[members], weights=w[members], minlength=_K) / w[members].sum()
        idx = members[rng.integers(0, len(members), size=(int(n_boot), len(members)))]
        sums = np.einsum("bm,bmk->bk", w[idx], onehot[tcodes[idx]])
        pooled_b = sums / sums.sum(axis=1, keepdims=True)
        # each group's reviewed posts predicted c: counts of each true class (weights rescaled to the posts)
        x = np.zeros((n_groups, _K))
        inside = members[g_of[members] >= 0]
        np.add.at(x, (g_of[inside], tcodes[inside]), w[inside])
        n = np.bincount(g_of[inside], minlength=n_groups).astype(float)
        with np.errstate(invalid="ignore", divide="ignore"):
            x = np.nan_to_num(x / x.sum(axis=1, keepdims=True)) * n[:, None]
        own_n[:, c] = n.astype(int)
        raw_counts = np.zeros((n_groups, _K))
        np.add.at(raw_counts, (g_of[inside], tcodes[inside]), 1)
        a, measured = concentration(raw_counts, pooled, high=max_concentration)
        conc[LABELS[c]], measured_of[LABELS[c]] = round(a, 3), measured
        rows = (a * pooled[None, :] + x) / (a + n[:, None])
        point += pi[:, [c]] * rows
        for g in np.flatnonzero(pi[:, c] > 0):
            alpha = np.maximum(a * pooled_b + x[g][None, :], 1e-6)
            draws = rng.standard_gamma(alpha)
            boot[:, g] += pi[g, c] * draws / draws.sum(axis=1, keepdims=True)
    return point, boot, own_n, conc, measured_of


def _correct(out, counts, pcodes, tcodes, w, g_of, attrs, *, seed, n_boot, level, min_reviewed, max_concentration):
    """Fill ``out``'s estimate columns with the partially pooled correction (see the module's docstring)."""
    point, boot, own_n, conc, measured = _partial_pool(
        counts,
        pcodes,
        tcodes,
        w,
        g_of,
        rng=np.random.default_rng(seed),
        n_boot=n_boot,
        max_concentration=max_concentration,
    )
    attrs["concentration"].update(conc)
    attrs["spread_measured"].update(measured)
    alpha_q = (1 - level) / 2
    out["negative_share"] = point[:, 0]
    out["negative_share_low"] = np.quantile(boot[..., 0], alpha_q, axis=0)
    out["negative_share_high"] = np.quantile(boot[..., 0], 1 - alpha_q, axis=0)
    nets = _net(boot)
    with np.errstate(invalid="ignore"):
        out["net_sentiment"] = _net(point)
        out["net_low"] = np.nanquantile(nets, alpha_q, axis=0)
        out["net_high"] = np.nanquantile(nets, 1 - alpha_q, axis=0)
    out["reviewed"] = own_n.sum(axis=1)
    own = ((own_n >= min_reviewed) | (counts == 0)).all(axis=1)
    out["estimate"] = np.where(
        own,
        "corrected by its reviewed posts",
        np.where(
            out["reviewed"] == 0,
            "corrected with all reviewed posts' errors (none of its own)",
            "corrected, few reviewed posts of its own",
        ),
    )
    attrs["corrected"] = True
    attrs["reviewed_used"] = int(len(pcodes))


def as_shares(table: pd.DataFrame) -> pd.DataFrame:
    """The best estimate's negative share as ``[by], share, low, high`` (what :func:`kit.pl.crisis.negative_by_phase`
    draws), with the raw count as ``raw_share``.

    >>> t = estimate(pd.DataFrame({"post_id": list("abc"), "phase": ["peak"] * 3,
    ...                            "sentiment": ["negative", "negative", "neutral"]}), None, by="phase")
    >>> as_shares(t)[["phase", "share", "raw_share"]].round(3).values.tolist()
    [['peak', 0.667, 0.667]]
    """
    by = table.attrs.get("by") or [table.columns[0]]
    out = table[[*by]].copy()
    out["share"] = table["negative_share"].to_numpy()
    out["low"] = table["negative_share_low"].to_numpy()
    out["high"] = table["negative_share_high"].to_numpy()
    out["raw_share"] = table["raw negative share (uncorrected)"].to_numpy()
    out.attrs.update(table.attrs)
    return out


def with_estimate(table: pd.DataFrame, estimated: pd.DataFrame, *, on: str = "topic") -> pd.DataFrame:
    """``table`` (e.g. :func:`kit.tl.topic_tables.summary`) with its sentiment columns replaced by the best estimate.

    Its own ``negative_share``, ``negative_low``, ``negative_high`` and ``net_sentiment`` (the model's count) give way
    to the estimate's columns, the raw count beside them, labelled; other columns are kept in their order.

    >>> topics = pd.DataFrame({"topic": [0, 1], "size": [3, 2], "net_sentiment": [0.5, -1.0]})
    >>> posts = pd.DataFrame({"post_id": list("abcde"), "topic": [0, 0, 0, 1, 1],
    ...                       "sentiment": ["positive", "positive", "negative", "negative", "negative"]})
    >>> out = with_estimate(topics, estimate(posts, None, by="topic"))
    >>> out.columns.tolist()[:4], out["estimate"].tolist()
    (['topic', 'size', 'net_sentiment', 'net_low'], ['raw (uncorrected)', 'raw (uncorrected)'])
    """
    own = ["negative_share", "negative_low", "negative_high", "net_sentiment"]
    cols = [
        "net_sentiment",
        "net_low",
        "net_high",
        "negative_share",
        "negative_share_low",
        "negative_share_high",
        "estimate",
        "reviewed",
        "raw net sentiment (uncorrected)",
        "raw negative share (uncorrected)",
    ]
    base = table.drop(columns=[c for c in own if c in table.columns])
    pos = min([list(table.columns).index(c) for c in own if c in table.columns] or [len(base.columns)])
    right = estimated.drop_duplicates(on).set_index(on)[cols]
    merged = base.join(right, on=on)
    order = [*base.columns[:pos], *cols, *base.columns[pos:]]
    out = merged[order]
    out.attrs.update(estimated.attrs)
    return out
