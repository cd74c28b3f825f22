"""Times of posts: parsing a column of dates or epochs to UTC, and the time written in X/Twitter ids.

>>> parse_times(pd.Series(["24-02-2015 11.35"]))[0].iloc[0]
Timestamp('2015-02-24 11:35:00+0000', tz='UTC')
"""

from __future__ import annotations

import re

import numpy as np
import pandas as pd

__all__ = [
    "TIME_FORMATS",
    "TWITTER_EPOCH_MS",
    "parse_times",
    "snowflake_times",
    "month_times",
    "bare_months",
    "default_year",
    "ambiguous_dates",
]

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
    "%m/%d/%Y",  # after day-first: it wins only where it reads more of the column ("03/15/2026")
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


def parse_times(
    values: pd.Series, *, tz: str = "UTC", dayfirst: bool | None = None
) -> tuple[pd.Series, str | None, int]:
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
    dayfirst
        Read dates such as ``03/04/2026`` day first (True) or month first (False); None lets the
        values decide (see :func:`ambiguous_dates`).

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
        # the unit of each value by its size: seconds up to 1e11 (year 5138), milliseconds above, up to 1e14;
        # 0, -1 and other values before 1973 are placeholders, not post times
        num = num.where((num >= 1e8) & (num < 1e14))
        ms = num >= 1e11
        unit = "ms" if ms.sum() > (~ms & num.notna()).sum() else "s"
        seconds = num.where(~ms, num / 1000.0)
        return _utc(pd.to_datetime(seconds, unit="s", utc=True, errors="coerce")), f"epoch-{unit}", 0
    text = values.astype("string").str.strip().replace("", pd.NA)
    # every time has a digit; without this "now" and "today" would read as the time of reading
    present = text[text.str.contains(r"\d", regex=True).fillna(False)]
    out = pd.Series(pd.NaT, index=values.index, dtype="datetime64[ns, UTC]")
    if present.empty:
        return out, None, 0
    epochs = present.str.fullmatch(r"-?\d{1,13}(\.\d+)?")
    if epochs.all() and present.str.fullmatch(r"\d{9,13}(\.\d+)?").mean() >= 0.5:
        return parse_times(pd.to_numeric(present, errors="coerce").reindex(values.index), tz=tz)
    zoned = present.str.contains(ZONED, regex=True)
    if zoned.any() and not zoned.all():
        with_zone, fmt_zone, _ = parse_times(present[zoned], tz=tz)
        without, fmt_naive, naive = parse_times(present[~zoned], tz=tz)
        out.loc[with_zone.index] = with_zone
        out.loc[without.index] = without
        return out, fmt_zone if zoned.sum() >= (~zoned).sum() else fmt_naive, naive
    formats = [f for f in TIME_FORMATS if dayfirst is None or not f.startswith("%m" if dayfirst else "%d")]
    sample = present.iloc[:2000]
    scores = [(_parse_with(sample, fmt).notna().sum(), -i, fmt) for i, fmt in enumerate(formats)]
    best = max(scores)[2]
    order = [best] + [f for f in formats if f != best]
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
        first = best.startswith("%d") if dayfirst is None else dayfirst
        got, n_naive = _localised(_parse_with(guessable, "mixed", dayfirst=first), tz)
        naive += n_naive
        out.loc[got.index] = got
        remaining = remaining[~remaining.index.isin(got.index)]
    # month names in French or German ("5 mars 2026", "5. März 2026 10:00"): dateparser, value by value
    named = remaining[
        remaining.str.contains(r"[^\W\d_]{3,}", regex=True) & remaining.str.contains(r"\d{4}", regex=True)
    ]
    if not named.empty and named.nunique() <= 20_000:
        got, n_naive = _localised(_dateparser(named, dayfirst), tz)
        naive += n_naive
        out.loc[got.index] = got
    return out, best, naive


def _dateparser(values: pd.Series, dayfirst: bool | None) -> pd.Series:
    import dateparser

    settings = {"DATE_ORDER": "MDY" if dayfirst is False else "DMY", "STRICT_PARSING": True}
    found = {}
    for v in values.unique():
        got = dateparser.parse(v, languages=["fr", "de", "en"], settings=settings)
        found[v] = pd.Timestamp(got) if got is not None else pd.NaT
    if any(not pd.isna(t) and t.tzinfo is not None for t in found.values()):
        found = {k: (t.tz_localize("UTC") if not pd.isna(t) and t.tzinfo is None else t) for k, t in found.items()}
        return pd.to_datetime(values.map(found), utc=True)
    return pd.to_datetime(values.map(found))


_DMY = r"^\s*(\d{1,2})[-/.](\d{1,2})[-/.]\d{2,4}\b"


def ambiguous_dates(values: pd.Series) -> str | None:
    """An example value when every date in ``values`` reads both day first and month first.

    Parameters
    ----------
    values
        Times as text.

    Returns
    -------
    str or None
        The first such value, or None when some value settles the order (a day above 12) or the
        dates are written year first.

    Examples
    --------
    >>> ambiguous_dates(pd.Series(["03/04/2026", "05/06/2026"])), ambiguous_dates(pd.Series(["03/04/2026", "25/06/2026"]))
    ('03/04/2026', None)
    """
    parts = values.dropna().astype("string").str.extract(_DMY)
    if parts.empty or parts[0].isna().all():
        return None
    parts = parts.dropna().astype(int)
    if ((parts[0] > 12) | (parts[1] > 12)).any() or (parts[0] == parts[1]).all():
        return None
    return str(values.dropna().iloc[0])


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


def _month_start(value: str) -> str | None:
    """``"YYYY-MM"`` for a month written as ``2026-03``, ``03/2026``, ``March 2026``, ``mars 2026``,
    ``März 2026`` or a whole date; None without a year."""
    v = value.strip()
    m = re.fullmatch(r"(\d{4})[-/.](\d{1,2})(?:[-/.]\d{1,2}.*)?", v) or re.fullmatch(r"(\d{1,2})[-/.](\d{4})", v)
    if m:
        year, month = (m.group(1), m.group(2)) if len(m.group(1)) == 4 else (m.group(2), m.group(1))
        return f"{int(year):04d}-{int(month):02d}" if 1 <= int(month) <= 12 else None
    if not re.search(r"\d{4}", v):
        return None
    import dateparser

    got = dateparser.parse(
        v, languages=["en", "fr", "de"], settings={"PREFER_DAY_OF_MONTH": "first", "REQUIRE_PARTS": ["month", "year"]}
    )
    return got.strftime("%Y-%m") if got is not None else None


_MONTHS_EN = "january february march april may june july august september october november december".split()
_MONTHS_FR = "janvier février mars avril mai juin juillet août septembre octobre novembre décembre".split()
_MONTHS_DE = "januar februar märz april mai juni juli august september oktober november dezember".split()
#: Month names (English, French, German, and English three-letter forms) to their number.
_MONTH_NAMES = {
    name: i + 1
    for names in (_MONTHS_EN, _MONTHS_FR, _MONTHS_DE, [m[:3] for m in _MONTHS_EN])
    for i, name in enumerate(names)
}


def _bare_month(value) -> int | None:
    """The month number of a month written without a year (``12``, ``"Dec"``, ``"mars"``), else None."""
    v = str(value).strip().lower().rstrip(".")
    if re.fullmatch(r"\d{1,2}(?:\.0)?", v):
        n = int(float(v))
        return n if 1 <= n <= 12 else None
    return _MONTH_NAMES.get(v)


def bare_months(month: pd.Series) -> bool:
    """Whether every month in ``month`` is written without a year (``1``..``12`` or a month's name).

    Parameters
    ----------
    month
        The month column of a page-insights export.

    Returns
    -------
    bool
        True when there are months and none carries a year.

    Examples
    --------
    >>> bare_months(pd.Series([12, 11, 1])), bare_months(pd.Series(["2026-03"]))
    (True, False)
    """
    values = month.dropna().astype("string").unique()
    return len(values) > 0 and all(_bare_month(v) is not None for v in values)


def default_year(month: pd.Series, *, today: pd.Timestamp | None = None) -> int:
    """The year to read months without a year in: this year, or the last one if a month would be in the future.

    Parameters
    ----------
    month
        Months without a year (see :func:`bare_months`).
    today
        The day the export is read (default: now, UTC).

    Returns
    -------
    int
        The year.

    Examples
    --------
    >>> default_year(pd.Series([1, 12]), today=pd.Timestamp("2026-12-02"))
    2026
    >>> default_year(pd.Series([1, 12]), today=pd.Timestamp("2026-06-02"))
    2025
    """
    today = pd.Timestamp.now(tz="UTC") if today is None else today
    latest = max(_bare_month(v) for v in month.dropna().astype("string").unique())
    return today.year if latest <= today.month else today.year - 1


def month_times(month: pd.Series, hour: pd.Series | None = None, *, year: int | None = None) -> pd.Series:
    """Times from a month and an hour column (page-insights exports without dates): the first of the month.

    Parameters
    ----------
    month
        Months as ``2026-03``, ``03/2026``, ``March 2026``, ``mars 2026`` or ``März 2026``.
    hour
        Hours of the day (``14``, ``14:00``, ``2 PM``), or None.
    year
        The year of months written without one (``12``, ``"Dec"``); None: such months stay missing.

    Returns
    -------
    pandas.Series
        Text times ``"YYYY-MM-01 HH:00"`` (missing where the month has no readable year).

    Examples
    --------
    >>> month_times(pd.Series(["2026-03", "mars 2026", "March"]), pd.Series(["14", "2 PM", "9"])).tolist()
    ['2026-03-01 14:00', '2026-03-01 14:00', <NA>]
    >>> month_times(pd.Series([12, 1]), pd.Series([3, 23]), year=2014).tolist()
    ['2014-12-01 03:00', '2014-01-01 23:00']
    """
    text = month.astype("string")
    if year is not None:
        months = {
            v: (f"{year:04d}-{m:02d}" if (m := _bare_month(v)) else _month_start(v)) for v in text.dropna().unique()
        }
    else:
        months = {v: _month_start(v) for v in text.dropna().unique()}
    start = text.map(months).astype("string")
    if hour is None:
        return (start + "-01 00:00").astype("string")
    h = hour.astype("string").str.strip().str.extract(r"^(\d{1,2})(?::\d{2})?\s*([aApP][mM])?$")
    num = pd.to_numeric(h[0], errors="coerce")
    pm = h[1].str.lower() == "pm"
    am = h[1].str.lower() == "am"
    num = num.where(~(pm.fillna(False) & (num < 12)), num + 12).where(~(am.fillna(False) & (num == 12)), 0)
    num = num.where((num >= 0) & (num < 24))
    hh = num.astype("Int64").astype("string").str.zfill(2).fillna("00")
    return (start + "-01 " + hh + ":00").astype("string")
