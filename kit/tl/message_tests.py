"""Message tests: compare the variants of a campaign on engagement rate (interactions / views), with a
quasi-binomial GLM on post-level counts (one viral post does not make a winner), Holm-adjusted p-values and
the minimum detectable effect.
"""

from __future__ import annotations

import numpy as np
import pandas as pd
from scipy.stats import norm

from .._stats import adjust_p
from ._sentences_monitoring import message_verdict
from .mentions import interactions

__all__ = ["message_test", "message_tests"]


def message_test(
    posts: pd.DataFrame,
    *,
    campaign: str,
    campaign_column: str = "x_campaign",
    variant_column: str = "x_variant",
    alpha: float = 0.05,
    power: float = 0.8,
) -> pd.DataFrame:
    """Compare the variants of a message test on engagement rate (interactions / views).

    Each variant's rate is pooled over its posts. Each pair of variants is compared with a
    quasi-binomial GLM on post-level (interactions, views): the dispersion is estimated from the
    posts (floored at 1, the binomial), so the test accounts for posts differing more than
    impressions would. p-values are
    Holm-adjusted across pairs when there are more than two variants. ``mde`` is the smallest
    difference in rate this sample would detect with ``power`` at ``alpha``. ``verdict`` names a
    winner only when the adjusted p-value is below ``alpha``.

    Parameters
    ----------
    posts
        The post table (``views``, the interaction counts, the campaign and variant columns).
    campaign
        The campaign tested.
    campaign_column, variant_column
        Columns naming each post's campaign and variant.
    alpha, power
        Significance level and power (for ``mde``).

    Returns
    -------
    DataFrame
        One row per pair of variants: ``campaign, variant_a, variant_b, rate_a, rate_b, difference, ci_low,
        ci_high, p_value, posts_a, posts_b, dispersion, mde, p_adjusted, significant, verdict``.

    Examples
    --------
    >>> import pandas as pd
    >>> posts = pd.DataFrame({"x_campaign": "c", "x_variant": ["A", "B"] * 20, "views": 1000.0,
    ...                       "likes": [30, 31] * 20, "shares": 0, "comments": 0, "quotes": 0})
    >>> bool(message_test(posts, campaign="c")["significant"].iloc[0])
    False
    """
    import statsmodels.api as sm

    missing = [c for c in (campaign_column, variant_column) if c not in posts.columns]
    if missing:
        raise ValueError(f"the data has no column {missing[0]!r}: message tests need a campaign and a variant column")
    part = posts[(posts[campaign_column] == campaign) & (posts["views"].fillna(0) > 0)].copy()
    if part.empty:
        raise ValueError(f"no posts with views for campaign {campaign!r} in column {campaign_column!r}")
    part["interactions"] = interactions(part)
    variants = sorted(part[variant_column].dropna().astype(str).unique())
    if len(variants) < 2:
        raise ValueError(f"campaign {campaign!r} has {len(variants)} variant(s); a test needs two or more")
    rows = []
    for i, a in enumerate(variants):
        for b in variants[i + 1 :]:
            sub = part[part[variant_column].astype(str).isin([a, b])]
            k = sub["interactions"].to_numpy(dtype=float)
            n = sub["views"].to_numpy(dtype=float)
            x = sm.add_constant((sub[variant_column].astype(str) == b).astype(float).to_numpy())
            glm = sm.GLM(np.column_stack([k, n - k]), x, family=sm.families.Binomial())
            # quasi-binomial: Pearson dispersion, never below the binomial's own variance
            first = glm.fit()
            dispersion = max(1.0, first.pearson_chi2 / first.df_resid) if first.df_resid > 0 else 1.0
            fit = glm.fit(scale=dispersion)
            ra = k[x[:, 1] == 0].sum() / n[x[:, 1] == 0].sum()
            rb = k[x[:, 1] == 1].sum() / n[x[:, 1] == 1].sum()
            # delta method: difference of rates from the log-odds coefficients
            cov = fit.cov_params()
            pa, pb = ra, rb
            grad = np.array([pb * (1 - pb) - pa * (1 - pa), pb * (1 - pb)])
            se = float(np.sqrt(grad @ cov @ grad))
            z = norm.ppf(1 - alpha / 2)
            mde = (z + norm.ppf(power)) * se
            rows.append(
                {
                    "variant_a": a,
                    "variant_b": b,
                    "rate_a": ra,
                    "rate_b": rb,
                    "difference": rb - ra,
                    "ci_low": rb - ra - z * se,
                    "ci_high": rb - ra + z * se,
                    "p_value": float(fit.pvalues[1]),
                    "posts_a": int((x[:, 1] == 0).sum()),
                    "posts_b": int((x[:, 1] == 1).sum()),
                    "dispersion": float(fit.scale),
                    "mde": mde,
                }
            )
    out = pd.DataFrame(rows)
    out["p_adjusted"] = adjust_p(out["p_value"].to_numpy(dtype=float), "holm")
    out["significant"] = out["p_adjusted"] < alpha

    out["verdict"] = out.apply(message_verdict, axis=1)
    out.insert(0, "campaign", campaign)
    return out


def message_tests(
    posts: pd.DataFrame,
    *,
    campaigns,
    campaign_column: str = "x_campaign",
    variant_column: str = "x_variant",
    alpha: float = 0.05,
) -> pd.DataFrame:
    """:func:`message_test` for several campaigns, one table; campaigns without data are listed with
    the reason instead of failing the report.

    Parameters
    ----------
    posts
        The post table.
    campaigns
        The campaigns to test.
    campaign_column, variant_column, alpha
        As in :func:`message_test`.

    Returns
    -------
    DataFrame
        The rows of :func:`message_test` for every campaign; a campaign that cannot be tested has one row
        whose ``verdict`` says why.

    Examples
    --------
    >>> import pandas as pd
    >>> posts = pd.DataFrame({"x_campaign": "c", "x_variant": "A", "views": [10.0], "likes": 1, "shares": 0,
    ...                       "comments": 0, "quotes": 0})
    >>> message_tests(posts, campaigns=["c"])["verdict"].iloc[0]
    "Not tested: campaign 'c' has 1 variant(s); a test needs two or more"
    """
    parts = []
    for campaign in campaigns:
        try:
            parts.append(
                message_test(
                    posts,
                    campaign=campaign,
                    campaign_column=campaign_column,
                    variant_column=variant_column,
                    alpha=alpha,
                )
            )
        except (ValueError, KeyError) as exc:
            parts.append(pd.DataFrame({"campaign": [campaign], "verdict": [f"Not tested: {exc}"]}))
    columns = [
        "campaign",
        "variant_a",
        "variant_b",
        "rate_a",
        "rate_b",
        "difference",
        "ci_low",
        "ci_high",
        "p_value",
        "p_adjusted",
        "significant",
        "posts_a",
        "posts_b",
        "dispersion",
        "mde",
        "verdict",
    ]
    if not parts:
        return pd.DataFrame(columns=columns)
    return pd.concat(parts, ignore_index=True).reindex(columns=columns)
