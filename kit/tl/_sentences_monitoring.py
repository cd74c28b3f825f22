"""Sentences of the monitoring report: customer care (:func:`describe`, re-exported as
:func:`kit.tl.care.describe`) and message-test verdicts (:func:`message_verdict`).

Examples
--------
>>> import pandas as pd
>>> describe(pd.DataFrame({"cases": [0]}), brand="Voltaria")
'No questions or complaints addressed to Voltaria in this period.'
"""

from __future__ import annotations

import numpy as np
import pandas as pd

from ..format import clock

__all__ = ["hours_text", "describe", "message_verdict"]


def hours_text(h: float) -> str:
    """A duration given in hours, in words a reader takes in at once: minutes below one hour, hours below two
    days, days after; ``not measured`` when missing.

    Parameters
    ----------
    h : float
        Hours.

    Returns
    -------
    str

    Examples
    --------
    >>> hours_text(0.25), hours_text(2.25), hours_text(2183), hours_text(float("nan"))
    ('15 min', '2.2 h', '91 days', 'not measured')
    """
    if h is None or not np.isfinite(h):
        return "not measured"
    if h < 1:
        return f"{h * 60:.0f} min"
    if h < 48:
        return f"{h:.1f} h".replace(".0 h", " h")
    days = h / 24
    return (f"{days:.1f} days".replace(".0 days", " days")) if days < 10 else f"{days:,.0f} days"


def _cases(n: int) -> str:
    return "1 question or complaint was" if n == 1 else f"{n:,} questions and complaints were"


def _open(r, attrs: dict) -> str:
    """The open cases: how many, after how long without a reply, counted when."""
    n = r.get("open_cases")
    if n is None or not np.isfinite(n):
        return ""
    hours = attrs.get("open_after_hours")
    after = f" for more than {hours_text(hours)}" if hours is not None else ""
    as_of = attrs.get("as_of")
    when = f" at the last post of the data ({clock(as_of, '%d %B %Y %H:%M')})" if as_of is not None else ""
    if int(n) == 0:
        return f" No case was left without a reply{after}{when}."
    waiting = "case was" if int(n) == 1 else "cases were"
    return f" {int(n):,} {waiting} still waiting for a reply{after}{when}."


def describe(summary_frame: pd.DataFrame, *, brand: str) -> str:
    """One sentence for the report from an overall :func:`kit.tl.care.summary` row (or why there is nothing to say).

    Edge cases said in words: no case; an export without authors (the brand's replies cannot be found); no reply
    at all (not answered, or replies not exported); one case; durations in minutes, hours or days; the open cases
    with the threshold and the moment they are counted at (``attrs`` of the summary: ``open_after_hours``,
    ``as_of``).

    Parameters
    ----------
    summary_frame : DataFrame
        The overall :func:`kit.tl.care.summary` (its first row is described).
    brand : str
        The brand's name in the sentence.

    Returns
    -------
    str

    Examples
    --------
    >>> import pandas as pd
    >>> describe(pd.DataFrame({"cases": [0]}), brand="Voltaria")
    'No questions or complaints addressed to Voltaria in this period.'
    """
    if summary_frame.empty or not summary_frame["cases"].iloc[0]:
        return f"No questions or complaints addressed to {brand} in this period."
    r = summary_frame.iloc[0]
    attrs = summary_frame.attrs
    n = int(r["cases"])
    if attrs.get("missing"):
        return f"{_cases(n)} addressed to {brand}. {attrs['missing']}"
    if r["responded"] == 0:
        return (
            f"{_cases(n)} addressed to {brand}; the data holds no reply from its accounts to "
            f"{'it' if n == 1 else 'any of them'} (either it did not answer, or its replies are not in this export)."
        )
    p90 = r.get("p90_hours")
    times = f"half of the answers came within {hours_text(r['median_hours'])}" + (
        f" and 90 % within {hours_text(p90)}" if p90 is not None and np.isfinite(p90) and r["responded"] > 1 else ""
    )
    of = "the only question or complaint" if n == 1 else f"{n:,} questions and complaints"
    return (
        f"{brand} answered {r['response_rate']:.0%} of {of} (95 % interval {r['rate_low']:.0%} to "
        f"{r['rate_high']:.0%}); {times}." + _open(r, attrs)
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
    p = _p(r.get("p_adjusted"))
    if r["significant"]:
        win, lose = (r["variant_b"], r["variant_a"]) if r["difference"] > 0 else (r["variant_a"], r["variant_b"])
        return (
            f"{win} beats {lose}: {max(r['rate_a'], r['rate_b']):.2%} vs {min(r['rate_a'], r['rate_b']):.2%} "
            f"(difference {abs(r['difference']):.2%}, 95 % CI {r['ci_low']:+.2%} to {r['ci_high']:+.2%}, "
            f"adjusted {p})."
        )
    mde = r.get("mde")
    could = (
        f"; this test could only detect differences of about {mde:.2%} or more"
        if mde is not None and np.isfinite(mde)
        else "; the sample is too small to say how large a difference it could detect"
    )
    return (
        f"No winner between {r['variant_a']} and {r['variant_b']}: the difference "
        f"({r['difference']:+.2%}) is within what chance gives (adjusted {p}){could}."
    )


def _p(p) -> str:
    """A p-value as a reader takes it: ``p < 0.001`` below that, two significant digits above."""
    if p is None or not np.isfinite(p):
        return "p not computed"
    return "p < 0.001" if p < 0.001 else f"p = {p:.2g}"
