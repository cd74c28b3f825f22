"""Text the kit prints or writes, made safe: control characters escaped for terminals, formula cells
guarded for spreadsheets.

>>> printable("ok\\x1b[2J")
'ok\\\\x1b[2J'
>>> guard_formulas(pd.DataFrame({"t": ["=HYPERLINK(1)", "fine", "-3"]}))["t"].tolist()
["'=HYPERLINK(1)", 'fine', '-3']
"""

from __future__ import annotations

import re

import pandas as pd

__all__ = ["printable", "guard_formulas"]

# C0 and C1 controls but tab and newline; escape sequences start with ESC (\x1b) or CSI (\x9b)
_CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f]")


def printable(text: str) -> str:
    """``text`` with control characters written as escapes (``\\x1b``), so data cannot drive a terminal.

    Parameters
    ----------
    text
        What is about to be printed.

    Returns
    -------
    str
        The same text; tabs and line ends kept, other control characters escaped.

    Examples
    --------
    >>> printable("a\\rb\\tc")
    'a\\\\rb\\tc'
    """
    return _CONTROL.sub(lambda m: repr(m.group())[1:-1], str(text))


_FORMULA = re.compile(r"^[=+\-@\t\r]")
_NUMBER = re.compile(r"^[+-]?\d[\d.,]*(?:[eE][+-]?\d+)?%?$")


def guard_formulas(frame: pd.DataFrame) -> pd.DataFrame:
    """A copy of ``frame`` whose text cells a spreadsheet would run as formulas start with ``'``.

    A cell starting with ``=``, ``+``, ``-``, ``@``, a tab or a carriage return is a formula to
    Excel and LibreOffice (``=HYPERLINK(...)`` in a post becomes a live link); numbers such as
    ``-3`` are left alone.

    Parameters
    ----------
    frame
        The table about to be written as CSV.

    Returns
    -------
    pandas.DataFrame
        The guarded copy (the input is not changed).

    Examples
    --------
    >>> guard_formulas(pd.DataFrame({"t": ["@bob hi", "+1"]}))["t"].tolist()
    ["'@bob hi", '+1']
    """
    out = frame.copy()
    for c in out.columns:
        if out[c].dtype == object or pd.api.types.is_string_dtype(out[c]):
            v = out[c]
            text = v.astype("string")
            risky = text.str.match(_FORMULA.pattern).fillna(False) & ~text.str.match(_NUMBER.pattern).fillna(False)
            if risky.any():
                out[c] = v.astype(object).where(~risky.to_numpy(), "'" + text.astype(object))
    return out
