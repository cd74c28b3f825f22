"""Reading a participant's answer: a value, or the table or row it comes from; ``_Unusable`` says what was expected."""

from __future__ import annotations

import math

import numpy as np
import pandas as pd

__all__: list[str] = []


class _Unusable(Exception):
    """The answer cannot be read as what the task asks for (the message says what was expected)."""


def _describe(value) -> str:
    """A short name for a value in a message (never a whole table)."""
    if isinstance(value, pd.DataFrame):
        return f"a table of {len(value)} rows"
    if isinstance(value, (pd.Series, np.ndarray, list, tuple)):
        return f"{type(value).__name__} of {len(value)} values"
    text = repr(value)
    return f"{type(value).__name__} {text if len(text) <= 60 else text[:57] + '...'}"


def _blank(answer) -> bool:
    if answer is ... or answer is None:
        return True
    return isinstance(answer, str) and answer.strip() in ("", "...")


def _one(answer, column: str | tuple[str, ...]):
    """The value of ``column`` (or the first of several present) when ``answer`` is a table or a row holding
    it (first row), else ``answer``."""
    columns = (column,) if isinstance(column, str) else tuple(column)
    if isinstance(answer, pd.DataFrame):
        present = [c for c in columns if c in answer.columns]
        if not present:
            raise _Unusable(f"this table has no column '{columns[0]}'; pass the value itself (one cell of it)")
        if answer.empty:
            raise _Unusable("this table is empty: did the call above find anything?")
        return answer[present[0]].iloc[0]
    if isinstance(answer, pd.Series):
        present = [c for c in columns if c in answer.index]
        if present:
            return answer[present[0]]
        if len(answer) == 1:
            return answer.iloc[0]
        raise _Unusable(f"this is a column or row of {len(answer)} values; pass one value ('{columns[0]}')")
    return answer


def _text(answer, column: str | tuple[str, ...] = "label") -> str:
    value = _one(answer, column)
    if isinstance(value, (list, tuple)) and len(value) == 1:
        value = value[0]
    if not isinstance(value, str):
        raise _Unusable(f"expected a word or a name in quotes (a string), got {_describe(value)}")
    return value.strip()


def _number(answer, column: str | None = None) -> float:
    value = _one(answer, column) if column else answer
    if isinstance(value, str):
        try:
            value = float(value.strip().rstrip("%").replace(",", ".")) / (100 if value.strip().endswith("%") else 1)
        except ValueError:
            raise _Unusable(f"expected a number, got the text {value!r}") from None
    if isinstance(value, pd.Timedelta):
        return value / pd.Timedelta(hours=1)
    try:
        number = float(value)
    except (TypeError, ValueError):
        raise _Unusable(f"expected a number, got {_describe(value)}") from None
    if math.isnan(number):
        raise _Unusable("this number is missing (NaN): did the call above find anything?")
    return number


def _time(answer, column: str) -> pd.Timestamp:
    value = _one(answer, column)
    try:
        stamp = pd.Timestamp(value)
    except (TypeError, ValueError):
        raise _Unusable(f"expected a date and time (e.g. '2026-01-31 09:00'), got {_describe(value)}") from None
    if pd.isna(stamp):
        raise _Unusable("this time is missing (NaT): did the call above find anything?")
    return stamp.tz_localize("UTC") if stamp.tzinfo is None else stamp.tz_convert("UTC")


def _pair(answer, columns=("low", "high"), row=None) -> tuple[float, float]:
    if isinstance(answer, pd.DataFrame) and row is not None:
        key, value = row
        if key in answer.columns:
            answer = answer.loc[answer[key] == value]
            if answer.empty:
                raise _Unusable(f"this table has no row for {value}")
    if isinstance(answer, (pd.DataFrame, pd.Series)):
        return _number(answer, columns[0]), _number(answer, columns[1])
    if isinstance(answer, (list, tuple, np.ndarray)) and len(answer) == 2:
        return _number(answer[0]), _number(answer[1])
    raise _Unusable(f"expected two numbers, (low, high), got {_describe(answer)}")


def _share(number: float) -> float:
    if 1 < number <= 100:
        raise _Unusable(f"{number} looks like a percentage; give a share between 0 and 1 (e.g. 0.42 for 42 %)")
    return number


def _hours_apart(a: pd.Timestamp, b: pd.Timestamp) -> float:
    return abs((a - b) / pd.Timedelta(hours=1))
