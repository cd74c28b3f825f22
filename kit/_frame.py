"""Whole tables for reading (:func:`kit.format.frame`): shares, intervals, p-values, durations, times, labels.

The scalar formatters live in :mod:`kit.format`, which calls :func:`frame` and :func:`is_share` from here;
labels are in :mod:`kit._labels`.
"""

from __future__ import annotations

import numbers
import re

import pandas as pd

from ._labels import label
from .format import (
    _WORDS,
    _check_locale,
    _decimals,
    _missing,
    _zone,
    day,
    duration,
    integer,
    interval,
    number,
    percent,
    pvalue,
    settings,
    timestamp,
)

__all__ = ["frame", "is_share"]

_SHARE_WORDS = {"share", "shares", "rate", "pct", "percent", "proportion", "coverage", "probability"}
_NOT_SHARE = {"ratio", "per", "times", "log", "odds"}
_BOUND = re.compile(r"^(?:(?P<base>.+)_)?(?P<end>low|high)$")
_ISO = re.compile(r"^\d{4}-\d{2}-\d{2}[ T]\d{2}:\d{2}(:\d{2}(\.\d+)?)?([+-]\d{2}:?\d{2}|Z| UTC)?$")
_DERIVED = {"change", "relative_change", "p_value", "q_value", "p_adjusted", "z", "test"}
_DURATION = re.compile(r"(^|_)hours(_|$)|^hours_to|_hours$")


def _tokens(name: str) -> set[str]:
    return set(re.split(r"[\s_:]+", name.lower()))


def is_share(name, values=None) -> bool:
    """Whether a column holds shares (0.578 meaning 57.8 %): its name says share, rate, coverage...

    A column named so whose values leave [-1, 1] (e.g. a count called ``rate``) is not one, except a
    relative change (any size).

    Examples
    --------
    >>> is_share("share_fr"), is_share("rate_ratio"), is_share("engagement_per_post"), is_share("corrected_neutral")
    (True, False, False, True)
    >>> is_share("relative_change", [2.5]), is_share("rate", [3.0])
    (True, False)
    """
    name = str(name)
    tokens = _tokens(name)
    relative = name in ("relative_change", "change_pct", "share_of_intent", "times_benchmark_pct")
    named = relative or (
        bool(tokens & _SHARE_WORDS)
        and not tokens & _NOT_SHARE
        or name.startswith("corrected_")
        and name.split("_", 1)[1] in ("negative", "neutral", "positive")
        or name in ("benchmark", "mde", "difference", "negative_low", "negative_high")
    )
    if not named or values is None or relative:
        return named
    v = pd.to_numeric(pd.Series(values), errors="coerce").dropna()
    return len(v) > 0 and bool(v.abs().le(1.0000001).all())


def _is_p(name: str) -> bool:
    return name in ("p", "q", "p_value", "q_value", "p_adjusted", "pvalue", "p_adj") or name.endswith(
        ("_p_value", "_q_value")
    )


def _is_id(name: str) -> bool:
    n = name.lower()
    return n in ("topic", "segment", "rank", "year", "id") or n.endswith(("_id", " id", "topic", "year"))


def _datetimes(col: pd.Series) -> pd.Series | None:
    """The column as UTC timestamps when it holds times (datetime dtype, or objects that are all Timestamps)."""
    if isinstance(col.dtype, pd.DatetimeTZDtype):
        return col.dt.tz_convert("UTC")
    if pd.api.types.is_datetime64_dtype(col):
        return col.dt.tz_localize("UTC")
    if col.dtype == object:
        present = col.dropna()
        if len(present) and all(isinstance(v, pd.Timestamp) for v in present):
            return pd.Series(
                [
                    pd.NaT if _missing(v) else (v.tz_localize("UTC") if v.tzinfo is None else v.tz_convert("UTC"))
                    for v in col
                ],
                index=col.index,
                dtype="datetime64[ns, UTC]",
            )
    return None


def _format_times(name: str, utc: pd.Series, timezone: str) -> pd.Series:
    present = utc.dropna()
    midnight = len(present) > 0 and bool((present == present.dt.normalize()).all())
    if midnight:  # days (periods): no time, no conversion; an end is the day after the last one
        inclusive = name == "end" or name.endswith("_end")
        return utc.map(lambda v: day(v, inclusive_end=inclusive))
    return utc.map(lambda v: timestamp(v, timezone=timezone))


def _cell(v, loc: str, timezone: str, counts: bool = True) -> str:
    """One value of a mixed column (``counts``: digit strings are counts, not ids)."""
    if _missing(v):
        return ""
    if isinstance(v, (bool,)):
        return _WORDS[loc]["yes" if v else "no"]
    if isinstance(v, pd.Timestamp):
        return timestamp(v, timezone=timezone)
    if isinstance(v, pd.Timedelta):
        return duration(v, locale=loc)
    if isinstance(v, numbers.Integral):
        return integer(v, locale=loc)
    if isinstance(v, numbers.Real):
        return number(v, locale=loc)
    if counts and isinstance(v, str) and re.fullmatch(r"-?\d{1,12}", v.strip()):
        return integer(int(v.strip()), locale=loc)
    if isinstance(v, str) and _ISO.match(v.strip()):
        try:
            return timestamp(v.strip(), timezone=timezone, zone_name=True)
        except ValueError:
            return v
    return str(v)


def frame(
    table: pd.DataFrame,
    *,
    locale: str | None = None,
    timezone: str | None = None,
    labels: dict | None = None,
    shares: list | None = None,
    merge_intervals: bool = True,
) -> pd.DataFrame:
    """A table for reading: every cell text, columns labelled in words, intervals joined to their value.

    Shares become percentages, ``low``/``high`` (``*_low``/``*_high``, ``ci_low``/``ci_high``) are written after
    the value they bound (``57.8 % (57.1-58.6)``) under the value's label, p- and q-values read ``< 0.001``,
    durations (``Timedelta`` and ``*_hours`` columns) read ``6 h 17 min``, times are shown to the minute in
    ``timezone``, days without their time (an ``end`` at midnight as the last day, inclusive), counts with
    thousands separators, booleans as yes/no. Text cells are left as they are (the HTML escapes them).

    Parameters
    ----------
    table
        The raw table (kept unchanged).
    locale, timezone
        ``None``: the report's (:func:`use`).
    labels
        Labels over :data:`LABELS` for this table.
    shares
        Further columns to read as shares.
    merge_intervals
        Join bounds to their value (``False``: format them in their own columns).

    Returns
    -------
    DataFrame
        Strings, one column per shown column.

    Examples
    --------
    >>> raw = pd.DataFrame({"actor": ["Voltaria"], "mentions": [8720], "share": [0.5784], "low": [0.57054], "high": [0.5863]})
    >>> frame(raw).to_dict("records")
    [{'Actor': 'Voltaria', 'Mentions': '8,720', 'Share (95 % interval)': '57.8 % (57.1-58.6)'}]
    >>> frame(pd.DataFrame({"half_life": [pd.Timedelta("06:17:11")], "p_value": [1e-9]}), locale="fr").iloc[0].tolist()
    ['6 h 17 min', '< 0,001']
    """
    loc = _check_locale(locale or settings().locale)
    zone = _zone(timezone)
    if {"metric", "current", "previous"} <= set(map(str, table.columns)):
        table = _metric_rows(table, loc)
    names = [str(c) for c in table.columns]
    cols = {str(c): table[c] for c in table.columns}
    extra = set(map(str, shares or []))

    def numeric(c: str) -> bool:
        return pd.api.types.is_numeric_dtype(cols[c]) and not pd.api.types.is_bool_dtype(cols[c])

    # bounds and the value they bound
    bounds: dict[str, dict[str, str]] = {}
    for i, c in enumerate(names):
        m = _BOUND.match(c)
        if not m or not numeric(c):
            continue
        base = m.group("base")
        if base is not None and f"{base}_share" in cols and numeric(f"{base}_share"):
            base = f"{base}_share"  # negative_low/high bound negative_share, not the count of negatives
        if base is None and "current" in cols and numeric("current"):
            base = "current"  # a comparison of periods: the interval of the current value
        elif base is None or base not in cols or not numeric(base):
            # ci_low, rate_low, negative_low...: the nearest value column before the bound
            base = next(
                (p for p in reversed(names[:i]) if numeric(p) and not _BOUND.match(p) and p not in _DERIVED), None
            )
        if base is not None:
            bounds.setdefault(base, {})[m.group("end")] = c
    pairs = {b: e for b, e in bounds.items() if "low" in e and "high" in e and merge_intervals}
    hidden = {e for ends in pairs.values() for e in ends.values()}

    share_cols = {c for c in names if numeric(c) and (c in extra or is_share(c, cols[c].to_numpy()))}
    for b, ends in pairs.items():  # a bound of a share is a share
        if b in share_cols:
            share_cols |= set(ends.values())
    # a table of several metrics, one a row (alerts): the rows of share metrics (attrs["share_metrics"]) show
    # their value and expected value as percentages, the other rows as numbers
    row_share = None
    if table.attrs.get("share_metrics") and "metric" in cols:
        row_share = cols["metric"].astype(str).isin([str(m) for m in table.attrs["share_metrics"]]).to_numpy()
        row_share = row_share if row_share.any() else None
    by_row = {"value", "expected"}

    out: list[tuple[str, object]] = []
    for c in names:
        if c in hidden:
            continue
        col = cols[c]
        head = (labels or {}).get(c) or label(c)
        times = _datetimes(col)
        if times is not None:
            out.append((head, _format_times(c, times, zone).to_numpy()))
            continue
        if pd.api.types.is_timedelta64_dtype(col):
            out.append((head, col.map(lambda v: duration(v, locale=loc)).to_numpy()))
            continue
        if pd.api.types.is_bool_dtype(col):
            out.append((head, col.map(lambda v: "" if _missing(v) else _WORDS[loc]["yes" if v else "no"]).to_numpy()))
            continue
        if not numeric(c):
            counts = not _is_id(c)
            out.append((head, col.map(lambda v, n=counts: _cell(v, loc, zone, n)).to_numpy()))
            continue
        if c in pairs:
            lo, hi = cols[pairs[c]["low"]], cols[pairs[c]["high"]]
            kind = "percent" if c in share_cols else "duration" if _DURATION.search(c) else "number"
            kinds = (
                [kind] * len(col)
                if row_share is None or c not in by_row
                else ["percent" if s else kind for s in row_share]
            )
            head = f"{head} (95 % interval)"
            out.append((head, [interval(v, a, b, kind=k, locale=loc) for v, a, b, k in zip(col, lo, hi, kinds)]))
            continue
        if row_share is not None and c in by_row and c not in share_cols:
            plain = frame(pd.DataFrame({c: col.where(~row_share)}), locale=loc, timezone=timezone).iloc[:, 0]
            out.append((head, [percent(v, locale=loc) if s else p for v, s, p in zip(col, row_share, plain)]))
            continue
        if c in share_cols:
            signed = c == "relative_change"
            out.append((head, col.map(lambda v, s=signed: percent(v, locale=loc, sign=s)).to_numpy()))
        elif _is_p(c):
            out.append((head, col.map(lambda v: pvalue(v, locale=loc)).to_numpy()))
        elif _DURATION.search(c):
            out.append((head, col.map(lambda v: duration(v, unit="h", locale=loc)).to_numpy()))
        elif _is_id(c):
            out.append(
                (
                    head,
                    col.map(lambda v: "" if _missing(v) else str(int(v)) if float(v) == int(v) else str(v)).to_numpy(),
                )
            )
        elif (
            pd.api.types.is_integer_dtype(col)
            or (col.dropna() == col.dropna().round()).all()
            and col.notna().any()
            and bool(col.abs().max() >= 1)
        ):
            out.append((head, col.map(lambda v: integer(v, locale=loc)).to_numpy()))
        else:  # one number of decimals for the whole column, from its typical size
            present = col.dropna().abs()
            present = present[present > 0]
            d = _decimals(float(present.median())) if len(present) else 0
            out.append((head, col.map(lambda v, d=d: number(v, decimals=d, locale=loc)).to_numpy()))
    result = pd.DataFrame({i: list(v) for i, (_, v) in enumerate(out)}, index=range(len(table)))
    result.columns = _unique([h for h, _ in out])
    return result


def _metric_rows(table: pd.DataFrame, loc: str) -> pd.DataFrame:
    """A comparison of periods, one metric a row: each row in its unit (shares as percentages, their change
    in points), the current value with its interval."""
    out = table.copy()
    share = out["metric"].astype(str).map(is_share)
    low, high = (out[c] if c in out else pd.Series(float("nan"), index=out.index) for c in ("low", "high"))
    current, previous, change = [], [], []
    for i in out.index:
        cur, prev = out.at[i, "current"], out.at[i, "previous"]
        if share[i]:
            current.append(interval(cur, low[i], high[i], locale=loc))
            previous.append(percent(prev, locale=loc))
            d = out.at[i, "change"] if "change" in out else float("nan")
            change.append(
                "" if _missing(d) else ("+" if d > 0 else "") + number(100 * d, decimals=1, locale=loc) + " pt"
            )
        else:
            current.append(interval(cur, low[i], high[i], kind="number", locale=loc))
            previous.append(number(prev, locale=loc))
            d = out.at[i, "change"] if "change" in out else float("nan")
            change.append("" if _missing(d) else ("+" if d > 0 else "") + number(d, locale=loc))
    out["current"], out["previous"] = current, previous
    if "change" in out:
        out["change"] = change
    out = out.drop(columns=[c for c in ("low", "high") if c in out])
    return out.rename(columns={"current": "current (95 % interval)"})


def _unique(heads: list[str]) -> list[str]:
    seen: dict[str, int] = {}
    result = []
    for h in heads:
        seen[h] = seen.get(h, 0) + 1
        result.append(h if seen[h] == 1 else f"{h} ({seen[h]})")
    return result
