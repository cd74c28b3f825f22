"""What works: rate ratios of format, hour band, paid, platform and pillar on a post's interactions.

:func:`effects` fits, per group of own posts, a negative-binomial GLM of interactions with the actor as
a control and log(followers) as offset (over-dispersion by moments from a Poisson fit, Pearson-scaled
standard errors), and gives each level's rate ratio against its reference with a 95 % interval and a
Holm-adjusted p-value (:func:`kit._stats.adjust_p`). :func:`effect_models` lists the models behind it;
:func:`effect_values` keeps the figures for the record.

>>> import pandas as pd
>>> effects(pd.DataFrame(columns=["actor_role", "created_at", "likes"])).empty
True
"""

from __future__ import annotations

import math

import numpy as np
import pandas as pd

from .._stats import adjust_p
from .owned import OWN_ROLES
from .performance import engagement

__all__ = ["TERMS", "effects", "effect_models", "effect_values"]

#: The post features whose effects are estimated (columns of :func:`kit.tl.performance.engagement`).
TERMS = ("media_format", "hour_band", "paid_label", "platform", "pillar")
_TERM_NAMES = {
    "media_format": "format",
    "hour_band": "hour",
    "paid_label": "paid",
    "platform": "platform",
    "pillar": "pillar",
    "actor": "actor",
}
_COLUMNS = [
    "model",
    "term",
    "level",
    "reference",
    "posts",
    "rate_ratio",
    "low",
    "high",
    "p_value",
    "q_value",
    "significant",
]


def _fit_glm(frame: pd.DataFrame, terms: list[str], refs: dict, offset: bool):
    import statsmodels.api as sm

    parts = []
    for term in terms:
        dummies = pd.get_dummies(frame[term].astype("string"), prefix=term, prefix_sep="=", dtype=float)
        dummies = dummies.drop(columns=[f"{term}={refs[term]}"])
        parts.append(dummies)
    X = pd.concat([pd.DataFrame({"const": 1.0}, index=frame.index)] + parts, axis=1)
    y = frame["interactions"].to_numpy(dtype=float)
    off = np.log(frame["_followers"].to_numpy(dtype=float)) if offset else None
    # Poisson fit first (robust, fast), then the NB2 over-dispersion by moments (Cameron & Trivedi 1990),
    # then a negative-binomial GLM with that alpha; Pearson-scaled standard errors either way
    poisson = sm.GLM(y, X, family=sm.families.Poisson(), offset=off).fit()
    mu = np.asarray(poisson.fittedvalues, dtype=float)
    alpha = float(np.sum((y - mu) ** 2 - y) / max(np.sum(mu**2), 1e-12))
    if alpha <= 1e-6:
        res = sm.GLM(y, X, family=sm.families.Poisson(), offset=off).fit(scale="X2")
        res.alpha_ = 0.0
        return res, X.columns, "quasi-Poisson (no over-dispersion)"
    res = sm.GLM(y, X, family=sm.families.NegativeBinomial(alpha=alpha), offset=off).fit(scale="X2")
    res.alpha_ = alpha
    kind = "negative binomial (alpha by moments)"
    return res, X.columns, kind


def effects(
    own: pd.DataFrame,
    *,
    groups: dict | None = None,
    terms=TERMS,
    references: dict | None = None,
    control: str = "actor",
    level: float = 0.95,
    min_level_posts: int = 5,
    tz: str = "UTC",
) -> pd.DataFrame:
    """What earns interactions: rate ratios of format, hour band, paid, platform and pillar.

    For each group of posts, a negative-binomial regression of a post's interactions on the
    ``terms`` (those with at least two levels), with ``control`` (the actor) as a control and
    log(followers) as offset when every post has a follower count. Levels with fewer than
    ``min_level_posts`` posts are pooled into the reference (not estimated). References: ``text``
    for the format, ``organic`` for paid, ``other`` for the pillar, and otherwise the level with the
    most posts over all the posts (the same in every model). p-values are Holm-adjusted within each
    model. A model with fewer than 10 posts, too few for its terms, or no interaction at all is not
    fitted (``attrs["models"]`` says why).

    Parameters
    ----------
    own
        Own posts (or the output of :func:`kit.tl.performance.engagement`).
    groups
        ``{model name: role or list of roles}``; default one model on all own posts (when several
        roles are present) and one per role present.
    terms
        The features estimated (default :data:`TERMS`).
    references
        ``{term: reference level}`` overriding the defaults.
    control
        A column controlled for but not reported (``None``: none).
    level
        Level of the intervals; a rate ratio is significant when its q-value is below ``1 - level``.
    min_level_posts
        Levels with fewer posts are pooled into the reference.
    tz
        Time zone of the hour bands when ``own`` has not been through ``engagement``.

    Returns
    -------
    DataFrame
        ``model, term, level, reference, posts, rate_ratio, low, high, p_value, q_value, significant``,
        plus ``attrs["models"]``: per model the posts used, the estimator, whether the offset was used
        and the over-dispersion alpha.

    Examples
    --------
    >>> import pandas as pd
    >>> own = pd.DataFrame({"actor_role": "brand", "actor": "b", "likes": [1, 2],
    ...                     "created_at": pd.Timestamp("2026-01-05", tz="UTC")})
    >>> effect_models(effects(own))["estimator"].tolist()
    ['not fitted (too few posts)']
    """
    from scipy.stats import norm

    per = own if "rate_followers" in own.columns else engagement(own, tz=tz)
    if groups is None:
        roles = [r for r in OWN_ROLES if r in set(per["actor_role"].dropna())]
        groups = {"all own posts": list(roles)} if len(roles) > 1 else {}
        groups.update({r: [r] for r in roles})
    refs_default = {"media_format": "text", "paid_label": "organic"}
    refs_default.update(references or {})
    cols = _COLUMNS
    rows, models = [], []
    z = norm.ppf(0.5 + level / 2)
    # one reference per term for every model (the most frequent level over all the posts), so models compare
    for term in terms:
        if term in per.columns and term not in refs_default:
            counts = per[term].astype("string").fillna("unknown").value_counts()
            if len(counts):
                refs_default[term] = "other" if term == "pillar" and "other" in counts.index else counts.index[0]
    for name, roles in groups.items():
        roles = [roles] if isinstance(roles, str) else list(roles)
        frame = per[per["actor_role"].isin(roles).fillna(False).astype(bool)].copy()
        followers = (
            pd.to_numeric(frame.get("author_followers"), errors="coerce")
            if "author_followers" in frame
            else pd.Series(np.nan, index=frame.index)
        )
        offset = bool(len(frame)) and bool((followers > 0).all())
        frame["_followers"] = followers
        used_terms, refs = [], {}
        for term in list(terms) + ([control] if control else []):
            if term not in frame.columns:
                continue
            values = frame[term].astype("string").fillna("unknown")
            if term == "paid_label" and (values == "unknown").all():
                continue
            counts = values.value_counts()
            ref = refs_default.get(term)
            if ref not in counts.index:
                ref = counts.index[0] if len(counts) else None
            small = [v for v, c in counts.items() if c < min_level_posts and v != ref]
            values = values.where(~values.isin(small), ref)
            if values.nunique() < 2:
                continue
            frame[term] = values
            used_terms.append(term)
            refs[term] = ref
        if len(frame) < 10 or len(frame) <= 2 + sum(frame[t].nunique() - 1 for t in used_terms):
            models.append({"model": name, "posts": len(frame), "estimator": "not fitted (too few posts)"})
            continue
        if frame["interactions"].sum() == 0:
            models.append({"model": name, "posts": len(frame), "estimator": "not fitted (no interactions at all)"})
            continue
        try:
            res, names, kind = _fit_glm(frame, used_terms, refs, offset)
        except Exception as exc:  # a degenerate design: say so rather than fail the report
            models.append({"model": name, "posts": len(frame), "estimator": f"not fitted ({exc})"})
            continue
        params = pd.Series(np.asarray(res.params), index=list(names))
        bse = pd.Series(np.asarray(res.bse), index=params.index)
        pvals = pd.Series(np.asarray(res.pvalues), index=params.index)
        model_rows = []
        for term in used_terms:
            if term == control:
                continue
            for col in [c for c in names if c.startswith(f"{term}=")]:
                level_name = col.split("=", 1)[1]
                b, se = float(params[col]), float(bse[col])
                model_rows.append(
                    {
                        "model": name,
                        "term": _TERM_NAMES.get(term, term),
                        "level": level_name,
                        "reference": refs[term],
                        "posts": int((frame[term] == level_name).sum()),
                        "rate_ratio": math.exp(b),
                        "low": math.exp(b - z * se),
                        "high": math.exp(b + z * se),
                        "p_value": float(pvals[col]),
                    }
                )
        if model_rows:
            q = adjust_p([r["p_value"] for r in model_rows], "holm")
            for r, qq in zip(model_rows, q):
                r["q_value"] = float(qq)
                r["significant"] = bool(qq < 1 - level)
        rows.extend(model_rows)
        models.append(
            {
                "model": name,
                "posts": len(frame),
                "estimator": kind,
                "offset": "log(followers)"
                if offset
                else "none (followers missing): the actor control absorbs audience size",
                "alpha": round(float(res.alpha_), 4),
                "controls": control if control in used_terms else "none",
            }
        )
    out = pd.DataFrame(rows, columns=cols)
    out.attrs["models"] = models
    return out


def effect_models(result: pd.DataFrame) -> pd.DataFrame:
    """The models behind :func:`effects` as a table.

    Parameters
    ----------
    result
        An :func:`effects` table.

    Returns
    -------
    DataFrame
        Per model: ``model``, ``posts``, ``estimator`` (or why it was not fitted), ``offset``,
        ``alpha`` (over-dispersion) and ``controls``.

    Examples
    --------
    >>> import pandas as pd
    >>> effect_models(pd.DataFrame()).empty
    True
    """
    return pd.DataFrame(result.attrs.get("models", []))


def effect_values(result: pd.DataFrame) -> dict:
    """The rate ratios of :func:`effects` as plain values (for the record).

    Parameters
    ----------
    result
        An :func:`effects` table.

    Returns
    -------
    dict
        ``{model: {"term=level": {"rate_ratio", "low", "high", "q_value", "significant", "reference"}}}``,
        ratios and bounds rounded to 4 decimals.

    Examples
    --------
    >>> import pandas as pd
    >>> row = {"model": "brand", "term": "format", "level": "video", "reference": "text", "rate_ratio": 2.0,
    ...        "low": 1.5, "high": 2.5, "q_value": 0.001, "significant": True}
    >>> effect_values(pd.DataFrame([row]))["brand"]["format=video"]["rate_ratio"]
    2.0
    """
    out: dict = {}
    for r in result.itertuples():
        out.setdefault(r.model, {})[f"{r.term}={r.level}"] = {
            "rate_ratio": round(r.rate_ratio, 4),
            "low": round(r.low, 4),
            "high": round(r.high, 4),
            "q_value": float(r.q_value),
            "significant": bool(r.significant),
            "reference": r.reference,
        }
    return out
