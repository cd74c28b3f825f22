"""Times of posts: parsing a column of dates or epochs to UTC, and the time written in X/Twitter ids.

>>> parse_times(pd.Series(["24-02-2015 11.35"]))[0].iloc[0]
Timestamp('2015-02-24 11:35:00+0000', tz='UTC')
"""

from __future__ import annotations

import numpy as np
import pandas as pd

__all__ = ["TIME_FORMATS", "TWITTER_EPOCH_MS", "parse_times", "snowflake_times"]

TIME_FORMATS = (
    "ISO8601",
    "%a %b %d %H:%M:%S %z %Y",  # Twitter v1.1
    "%d-%m-%Y %H.%M",  # spreadsheet, day-first, dotted time
    "%d-%m-%Y %H:%M",
    "%d-%m-%Y %H:%M:%S",
    "%d/%m/%Y %H:%M",
    "%d/%m/%Y %H:%M:%S",
    "%d.%m.%Y %H:%M",
    "%d.%m.%Y %H:%M:%S",
    "%m/%d/%Y %H:%M",
    "%m/%d/%Y %H:%M:%S",
    "%m/%d/%Y %I:%M %p",
    "%m/%d/%Y %I:%M:%S %p",
    "%Y-%m-%d %H.%M",
    "%d-%m-%Y",
    "%d/%m/%Y",
    "%d.%m.%Y",
)


# a time written with its zone: "...10:00:00+01:00", "...10:00Z", "11:35:52 -0800", "06:22:06 +0000 2012"
ZONED = (
    r"(?:\d{1,2}:\d{2}(?::\d{2}(?:[.,]\d+)?)?\s*(?:[zZ]|[+-]\d{2}:?\d{2}|UTC|GMT)"
    r"|\d{2}:\d{2}:\d{2} [+-]\d{4} \d{4})\s*$"
)
# a day, a month and a four-digit year, in digits or with a month name
WHOLE_DATE = (
    r"\d{4}[-/.]\d{1,2}[-/.]\d{1,2}|\d{1,2}[-/.]\d{1,2}[-/.]\d{4}"
    r"|[A-Za-z]{3,}\.?\s+\d{1,2}(?:st|nd|rd|th)?,?\s+(?:\d{1,2}:\d{2}(?::\d{2})?\s+)?(?:\S+\s+)?\d{4}"
    r"|\d{1,2}(?:st|nd|rd|th)?\s+[A-Za-z]{3,}\.?,?\s+\d{4}"
)
# what datetime64[ns] can hold; a time outside it (year 1, year 9999) is a broken value, not a post time
_EARLIEST, _LATEST = pd.Timestamp("1677-09-22", tz="UTC"), pd.Timestamp("2262-04-11", tz="UTC")


def parse_times(values: pd.Series, *, tz: str = "UTC") -> tuple[pd.Series, str | None, int]:
    """Parse a column of times (text, datetimes or epochs) to UTC.

    The format that parses most of a sample of the column is used for all of it (so day-first
    and month-first are never mixed within a file); values it cannot read get a second chance
    with the other formats, then with pandas' guess when they at least carry a four-digit year
    (a guess never fills in today's date). Times without a zone are read in ``tz``; a column
    mixing both is parsed in two parts so that the zone-less ones are still read in ``tz``.

    Parameters
    ----------
    values
        Text, datetimes (with or without a zone), or epochs in seconds or milliseconds.
    tz
        Zone of times written without one.

    Returns
    -------
    parsed, format, naive
        The parsed series (datetime64[ns, UTC], NaT where unreadable), the main format (a
        ``strptime`` format, ``"ISO8601"``, ``"datetime"``, ``"epoch-s"`` or ``"epoch-ms"``; None
        when no value has a digit), and how many values had no time zone.

    Examples
    --------
    >>> parsed, fmt, naive = parse_times(pd.Series(["24/02/2015 11:35", "25/02/2015 09:00", "now"]))
    >>> parsed.dt.strftime("%Y-%m-%d %H:%M").tolist(), fmt, naive
    (['2015-02-24 11:35', '2015-02-25 09:00', nan], '%d/%m/%Y %H:%M', 2)
    >>> parse_times(pd.Series([1767607200]))[0].iloc[0]
    Timestamp('2026-01-05 10:00:00+0000', tz='UTC')
    """
    if pd.api.types.is_datetime64_any_dtype(values):
        if getattr(values.dt, "tz", None) is not None:
            return _utc(values), "datetime", 0
        localised = values.dt.tz_localize(tz, ambiguous="NaT", nonexistent="NaT")
        return _utc(localised), "datetime", int(values.notna().sum())
    if pd.api.types.is_numeric_dtype(values) and not pd.api.types.is_bool_dtype(values):
        num = pd.to_numeric(values, errors="coerce").astype("float64")
        num = num.where(num.abs() < 1e14)  # beyond any epoch in milliseconds
        unit = "ms" if num.dropna().abs().median() > 1e11 else "s"
        return _utc(pd.to_datetime(num, unit=unit, utc=True, errors="coerce")), f"epoch-{unit}", 0
    text = values.astype("string").str.strip().replace("", pd.NA)
    # every time has a digit; without this "now" and "today" would read as the time of reading
    present = text[text.str.contains(r"\d", regex=True).fillna(False)]
    out = pd.Series(pd.NaT, index=values.index, dtype="datetime64[ns, UTC]")
    if present.empty:
        return out, None, 0
    if present.str.fullmatch(r"\d{9,13}(\.\d+)?").all():
        return parse_times(pd.to_numeric(present, errors="coerce").reindex(values.index), tz=tz)
    zoned = present.str.contains(ZONED, regex=True)
    if zoned.any() and not zoned.all():
        with_zone, fmt_zone, _ = parse_times(present[zoned], tz=tz)
        without, fmt_naive, naive = parse_times(present[~zoned], tz=tz)
        out.loc[with_zone.index] = with_zone
        out.loc[without.index] = without
        return out, fmt_zone if zoned.sum() >= (~zoned).sum() else fmt_naive, naive
    sample = present.iloc[:2000]
    scores = [(_parse_with(sample, fmt).notna().sum(), -i, fmt) for i, fmt in enumerate(TIME_FORMATS)]
    best = max(scores)[2]
    order = [best] + [f for f in TIME_FORMATS if f != best]
    remaining = present
    naive = 0
    for fmt in order:
        if remaining.empty:
            break
        got, n_naive = _localised(_parse_with(remaining, fmt), tz)
        if got.empty:
            continue
        naive += n_naive
        out.loc[got.index] = got
        remaining = remaining[~remaining.index.isin(got.index)]
    # last resort: let pandas guess, only where a whole date is written (it fills a missing one with today's)
    guessable = remaining[remaining.str.contains(WHOLE_DATE, regex=True)]
    if not guessable.empty:
        got, n_naive = _localised(_parse_with(guessable, "mixed", dayfirst=best.startswith("%d")), tz)
        naive += n_naive
        out.loc[got.index] = got
    return out, best, naive


TWITTER_EPOCH_MS = 1288834974657  # 2010-11-04T01:42:54.657Z, time zero of X/Twitter snowflake ids


def snowflake_times(ids: pd.Series) -> pd.Series:
    """The creation time written in X/Twitter ids (snowflakes, since November 2010), UTC, to the millisecond.

    An id is ``(milliseconds since 2010-11-04T01:42:54.657Z) << 22`` plus machine and sequence bits, so
    a file of tweet ids without times (CrisisLex labelled tweets, hydration lists) still has them.
    Values that are not snowflake ids (older sequential ids, anything not 15-19 digits) give NaT.

    Parameters
    ----------
    ids
        Tweet ids, as text or numbers.

    Returns
    -------
    pandas.Series
        datetime64[ns, UTC], NaT where a value is not a snowflake id.

    Examples
    --------
    >>> snowflake_times(pd.Series(["1526540472222638081"])).iloc[0]
    Timestamp('2022-05-17 12:29:44.985000+0000', tz='UTC')
    """
    text = ids.astype("string").str.strip().str.replace(r"\.0$", "", regex=True)
    ok = text.str.fullmatch(r"\d{15,19}").fillna(False).to_numpy(dtype=bool)
    digits = text.where(ok, "0").to_numpy(dtype=str).astype(np.uint64)
    ms = (digits >> np.uint64(22)).astype("int64") + TWITTER_EPOCH_MS
    out = pd.Series(pd.to_datetime(ms, unit="ms", utc=True), index=ids.index).where(ok)
    return _utc(out)


def _utc(values: pd.Series) -> pd.Series:
    """A zone-aware series as datetime64[ns, UTC]; times datetime64[ns] cannot hold become NaT."""
    values = values.dt.tz_convert("UTC")
    values = values.where(values.isna() | ((values >= _EARLIEST) & (values <= _LATEST)))
    return values.astype("datetime64[ns, UTC]")


def _localised(got: pd.Series, tz: str) -> tuple[pd.Series, int]:
    """The values that parsed, in UTC (zone-less ones read in ``tz``), and how many of them had no zone."""
    got = got[got.notna()]
    naive = 0
    if got.dt.tz is None:
        got = got.dt.tz_localize(tz, ambiguous="NaT", nonexistent="NaT")
        naive = int(got.notna().sum())
    got = _utc(got)
    return got[got.notna()], naive


def _parse_with(values: pd.Series, fmt: str, **kwargs) -> pd.Series:
    try:
        got = pd.to_datetime(values, format=fmt, errors="coerce", utc=False, **kwargs)
    except (ValueError, TypeError):
        # mixed offsets cannot live in one naive/aware series: read them as UTC directly
        got = pd.to_datetime(values, format=fmt, errors="coerce", utc=True, **kwargs)
    if got.dtype == object:  # mixed offsets returned as objects
        got = pd.to_datetime(values, format=fmt, errors="coerce", utc=True, **kwargs)
    return got
