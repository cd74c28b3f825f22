"""Tables for reading: rates and shares as percentages, p-values to two digits, times to the minute.

For display only: :func:`readable` returns a formatted copy; keep the original table for computing.

>>> pct(0.0123)
'1.23 %'
"""

from __future__ import annotations

import pandas as pd

__all__ = ["pct", "readable"]

_PCT_WORDS = ("rate", "share", "benchmark")


def pct(x: float, digits: int = 2) -> str:
    """A share as a percentage with ``digits`` decimals.

    Parameters
    ----------
    x
        A share (0.5 is 50 %).
    digits
        Decimals shown; a value too small for them shows two significant digits instead.

    Returns
    -------
    str
        ``"12.30 %"``, or ``"n/a"`` for a missing value.

    Examples
    --------
    >>> pct(0.5, 0), pct(0.00001), pct(float("nan"))
    ('50 %', '0.001 %', 'n/a')
    """
    if pd.isna(x):
        return "n/a"
    value = 100 * float(x)
    if value != 0 and abs(value) < 10**-digits * 5:
        return f"{value:.2g} %"
    return f"{value:.{digits}f} %"


def readable(frame: pd.DataFrame, *, digits: int = 2) -> pd.DataFrame:
    """A copy of a table for reading.

    Rates and shares (columns naming ``rate``, ``share`` or ``benchmark``, and the ``low``/``high``
    bounds of a ``share``) as percentages, p- and q-values with two significant digits, other
    decimals rounded, times to the minute.

    Parameters
    ----------
    frame
        A table of the audit (any frame).
    digits
        Decimals of the percentages.

    Returns
    -------
    DataFrame
        The formatted copy.

    Examples
    --------
    >>> import pandas as pd
    >>> readable(pd.DataFrame({"share": [0.25], "p_value": [0.01234], "posts": [3]})).values.tolist()
    [['25.00 %', '0.012', 3]]
    """
    out = frame.copy()
    pct_cols = [
        c
        for c in out.columns
        if any(w in str(c) for w in _PCT_WORDS) and not str(c).startswith(("times_", "share_of_intent", "rate_ratio"))
    ]
    if {"share", "low", "high"} <= set(out.columns):
        pct_cols += ["low", "high"]
    for c in out.columns:
        col = out[c]
        if c in pct_cols and pd.api.types.is_numeric_dtype(col):
            out[c] = col.map(lambda v: "" if pd.isna(v) else pct(v, digits))
        elif c in ("p_value", "q_value") and pd.api.types.is_numeric_dtype(col):
            out[c] = col.map(lambda v: "" if pd.isna(v) else f"{v:.2g}")
        elif pd.api.types.is_float_dtype(col):
            out[c] = col.round(3 if col.abs().max() < 100 else 1)
        elif isinstance(col.dtype, pd.DatetimeTZDtype):
            out[c] = col.dt.strftime("%Y-%m-%d %H:%M")
    return out
