"""Sentences of the monitoring report: customer care (:func:`describe`, re-exported as
:func:`kit.tl.care.describe`) and message-test verdicts (:func:`message_verdict`).

Examples
--------
>>> import pandas as pd
>>> describe(pd.DataFrame({"cases": [0]}), brand="Voltaria")
'No questions or complaints addressed to Voltaria in this period.'
"""

from __future__ import annotations

import pandas as pd

__all__ = ["describe", "message_verdict"]


def describe(summary_frame: pd.DataFrame, *, brand: str) -> str:
    """One sentence for the report from an overall :func:`summary` row (or why there is nothing to say)."""
    if summary_frame.empty or summary_frame["cases"].iloc[0] == 0:
        return f"No questions or complaints addressed to {brand} in this period."
    r = summary_frame.iloc[0]
    if r["responded"] == 0:
        return (
            f"{int(r['cases']):,} questions and complaints were addressed to {brand}; the data holds no "
            f"reply from its accounts to any of them (either it did not answer, or its replies are not in "
            f"this export)."
        )
    return (
        f"{brand} answered {r['response_rate']:.0%} of {int(r['cases']):,} questions and complaints "
        f"(95 % interval {r['rate_low']:.0%} to {r['rate_high']:.0%}); half of the answers came within "
        f"{r['median_hours']:.1f} h and 90 % within {r['p90_hours']:.1f} h; {int(r['open_cases']):,} cases "
        f"are still open."
    )


def message_verdict(r) -> str:
    """The verdict sentence of one pair of :func:`kit.tl.message_tests.message_test` (a row with ``variant_a``,
    ``variant_b``, ``rate_a``, ``rate_b``, ``difference``, ``ci_low``, ``ci_high``, ``p_adjusted``,
    ``significant`` and ``mde``).

    Examples
    --------
    >>> message_verdict({"variant_a": "A", "variant_b": "B", "rate_a": 0.03, "rate_b": 0.031, "difference": 0.001,
    ...                  "ci_low": -0.004, "ci_high": 0.006, "p_adjusted": 0.71, "significant": False, "mde": 0.0071})
    'No winner between A and B: the difference (+0.10%) is within what chance gives (adjusted p = 0.71); this test could only detect differences of about 0.71% or more.'
    """
    if r["significant"]:
        win, lose = (r["variant_b"], r["variant_a"]) if r["difference"] > 0 else (r["variant_a"], r["variant_b"])
        return (
            f"{win} beats {lose}: {max(r['rate_a'], r['rate_b']):.2%} vs {min(r['rate_a'], r['rate_b']):.2%} "
            f"(difference {abs(r['difference']):.2%}, 95 % CI {r['ci_low']:+.2%} to {r['ci_high']:+.2%}, "
            f"adjusted p = {r['p_adjusted']:.3g})."
        )
    return (
        f"No winner between {r['variant_a']} and {r['variant_b']}: the difference "
        f"({r['difference']:+.2%}) is within what chance gives (adjusted p = {r['p_adjusted']:.2g}); "
        f"this test could only detect differences of about {r['mde']:.2%} or more."
    )
