"""Numbers for people: one formatting layer for every table, figure and summary of the reports.

Percentages with sensible decimals, intervals as ``57.8 % (57.1-58.6)``, thousands separators and decimal
marks by locale (``en``, ``fr``, ``de``, through babel), p-values as ``< 0.001``, durations as ``6 h 17 min``,
times in the report's time zone to the minute, inclusive period ends, column labels in words.

The report's locale and time zone are set once per notebook (:func:`use`, from the ``locale`` and ``timezone``
parameters); every function also takes them as keyword arguments. :func:`frame` formats a whole table for
display (the raw table stays what the exports write).

>>> percent(0.578441, locale="fr")
'57,8 %'
>>> interval(0.57844, 0.57054, 0.58630)
'57.8 % (57.1-58.6)'
>>> pvalue(2.98e-258), duration(22631)
('< 0.001', '6 h 17 min')
"""

from __future__ import annotations

import math
from dataclasses import dataclass

import pandas as pd

__all__ = [
    "LOCALES",
    "LABELS",
    "Settings",
    "use",
    "settings",
    "number",
    "integer",
    "percent",
    "interval",
    "pvalue",
    "duration",
    "timestamp",
    "day",
    "label",
    "is_share",
    "frame",
]

#: The locales the reports are written for.
LOCALES = ("en", "fr", "de")
_WORDS = {
    "en": {"yes": "yes", "no": "no", "to": "to", "d": "d"},
    "fr": {"yes": "oui", "no": "non", "to": "à", "d": "j"},
    "de": {"yes": "ja", "no": "nein", "to": "bis", "d": "T"},
}


@dataclass
class Settings:
    """The report's locale, time zone and brand (its colour is fixed in every figure)."""

    locale: str = "en"
    timezone: str = "UTC"
    brand: str | None = None


_SETTINGS = Settings()


def _check_locale(locale: str) -> str:
    if locale not in LOCALES:
        raise ValueError(f"locale {locale!r} is not one of {', '.join(LOCALES)}")
    return locale


def use(*, locale: str | None = None, timezone: str | None = None, brand: str | None = None) -> Settings:
    """Set the report's locale, time zone and brand for the tables and figures that follow.

    Parameters
    ----------
    locale
        ``en``, ``fr`` or ``de``: thousands separators and decimal marks (``None``: unchanged).
    timezone
        An IANA zone such as ``Europe/Paris``: times are shown in it (``None``: unchanged; the default is UTC).
    brand
        The brand's actor name: always drawn in the brand colour.

    Returns
    -------
    Settings
        The settings now in force.

    Examples
    --------
    >>> use(locale="de", timezone="Europe/Berlin").locale
    'de'
    >>> _ = use(locale="en", timezone="UTC")
    """
    if locale is not None:
        _SETTINGS.locale = _check_locale(locale)
    if timezone is not None:
        try:
            pd.Timestamp("2026-01-01", tz=timezone or "UTC")
        except Exception as exc:
            raise ValueError(f"timezone {timezone!r} is not a known time zone (e.g. 'Europe/Paris')") from exc
        _SETTINGS.timezone = timezone or "UTC"
    if brand is not None:
        _SETTINGS.brand = brand
    return _SETTINGS


def settings() -> Settings:
    """The settings in force (see :func:`use`)."""
    return _SETTINGS


def _missing(x) -> bool:
    try:
        return x is None or bool(pd.isna(x))
    except (TypeError, ValueError):
        return False


def _decimals(x: float) -> int:
    """Decimals that show three significant digits, none for values of 100 and above."""
    a = abs(x)
    if a == 0 or a >= 100:
        return 0
    return min(4, max(0, 2 - math.floor(math.log10(a))))


def number(x, *, decimals: int | None = None, locale: str | None = None) -> str:
    """A number with the locale's separators: three significant digits, whole numbers from 100 on.

    Examples
    --------
    >>> number(12345.678), number(12345.678, locale="de"), number(0.38604, locale="fr"), number(float("nan"))
    ('12,346', '12.346', '0,386', '')
    """
    from babel.numbers import format_decimal

    if _missing(x):
        return ""
    x = float(x)
    if math.isinf(x):
        return "∞" if x > 0 else "-∞"
    d = (0 if x == round(x) else _decimals(x)) if decimals is None else decimals
    x = round(x, d)
    if x == 0:
        x = 0.0  # no "-0"
    fmt = "#,##0" + ("." + "0" * d if d else "")
    return format_decimal(x, format=fmt, locale=_check_locale(locale or _SETTINGS.locale))


def integer(x, *, locale: str | None = None) -> str:
    """A count with thousands separators.

    Examples
    --------
    >>> integer(2127), integer(2127, locale="fr") == "2\\u202f127"
    ('2,127', True)
    """
    return number(x, decimals=0, locale=locale)


def _pct_decimals(value: float) -> int:
    a = abs(value)
    if a == 0 or a >= 10:
        return 1 if a < 100 else 0
    if a >= 1:
        return 1
    return 2


def percent(x, *, decimals: int | None = None, locale: str | None = None, sign: bool = False) -> str:
    """A share (0.578 is 57.8 %) as a percentage: one decimal, two under 1 %, ``< 0.01 %`` below that.

    Parameters
    ----------
    x
        The share.
    decimals
        Decimals shown (``None``: chosen from the value).
    locale
        ``en``, ``fr`` or ``de`` (``None``: the report's).
    sign
        Write ``+`` before a positive value (a change).

    Examples
    --------
    >>> percent(0.578441), percent(0.00956), percent(1.7e-18), percent(0.0613, sign=True)
    ('57.8 %', '0.96 %', '< 0.01 %', '+6.1 %')
    >>> percent(0.5784, locale="de")
    '57,8 %'
    """
    if _missing(x):
        return ""
    value = 100 * float(x)
    if 0 < abs(value) < 0.005 and decimals is None:
        return ("> -" if value < 0 else "< ") + number(0.01, decimals=2, locale=locale) + " %"
    d = _pct_decimals(value) if decimals is None else decimals
    text = number(value, decimals=d, locale=locale)
    return ("+" if sign and round(value, d) > 0 else "") + text + " %"


def interval(value, low, high, *, kind: str = "percent", locale: str | None = None) -> str:
    """A value with its interval: ``57.8 % (57.1-58.6)``; bounds below zero are joined by a word.

    Parameters
    ----------
    value, low, high
        The estimate and its interval's ends.
    kind
        ``percent`` (shares), ``number`` or ``duration`` (hours).
    locale
        ``en``, ``fr`` or ``de``.

    Examples
    --------
    >>> interval(0.57844, 0.57054, 0.58630, locale="fr")
    '57,8 % (57,1-58,6)'
    >>> interval(-0.386, -0.631, -0.13, kind="number")
    '-0.386 (-0.631 to -0.130)'
    >>> interval(532.5, 484, 583, kind="number")
    '532 (484-583)'
    >>> interval(0.5, None, None)
    '50.0 %'
    """
    loc = _check_locale(locale or _SETTINGS.locale)
    if kind == "percent":
        head = percent(value, locale=loc)
        if _missing(low) or _missing(high) or _missing(value):
            return head
        d = _pct_decimals(100 * float(value))
        lo, hi = number(100 * float(low), decimals=d, locale=loc), number(100 * float(high), decimals=d, locale=loc)
    elif kind == "duration":
        head = duration(value, unit="h", locale=loc)
        if _missing(low) or _missing(high) or _missing(value):
            return head
        lo, hi = duration(low, unit="h", locale=loc), duration(high, unit="h", locale=loc)
        return f"{head} ({lo} {_WORDS[loc]['to']} {hi})"
    else:
        head = number(value, locale=loc)
        if _missing(low) or _missing(high) or _missing(value):
            return head
        d = max(_decimals(float(value)), 0) if float(value) != 0 else _decimals(max(abs(low), abs(high)) or 1)
        head = number(value, decimals=d, locale=loc)
        lo, hi = number(low, decimals=d, locale=loc), number(high, decimals=d, locale=loc)
    joint = f" {_WORDS[loc]['to']} " if (float(low) < 0 or float(high) < 0) else "-"
    return f"{head} ({lo}{joint}{hi})"


def pvalue(p, *, locale: str | None = None) -> str:
    """A p-value: ``< 0.001`` below a thousandth, else three decimals (two from 0.1 on).

    Examples
    --------
    >>> pvalue(0), pvalue(0.01234), pvalue(0.4567, locale="fr"), pvalue(None)
    ('< 0.001', '0.012', '0,46', '')
    """
    if _missing(p):
        return ""
    p = float(p)
    if p < 0.001:
        return "< " + number(0.001, decimals=3, locale=locale)
    return number(p, decimals=3 if p < 0.1 else 2, locale=locale)


def duration(x, *, unit: str = "s", locale: str | None = None) -> str:
    """A duration as people say it: ``6 h 17 min``, ``1 d 20 h`` (``j`` in French, ``T`` in German), ``21 min``.

    Parameters
    ----------
    x
        A ``Timedelta``, or a number of ``unit``.
    unit
        ``s`` (seconds), ``min``, ``h`` or ``d`` when ``x`` is a number.
    locale
        ``en``, ``fr`` or ``de``.

    Examples
    --------
    >>> duration(pd.Timedelta("0 days 06:17:11")), duration(158400), duration(0.3444, unit="h")
    ('6 h 17 min', '1 d 20 h', '21 min')
    >>> duration(2183, unit="h", locale="fr"), duration(45), duration(0)
    ('90 j 23 h', '45 s', '0 min')
    """
    if _missing(x):
        return ""
    if isinstance(x, pd.Timedelta):
        seconds = x.total_seconds()
    else:
        seconds = float(x) * {"s": 1, "min": 60, "h": 3600, "d": 86400}[unit]
    sign = "-" if seconds < 0 else ""
    seconds = abs(seconds)
    step = 3600 if seconds >= 86400 else 60 if seconds >= 60 else 1  # rounded to the unit shown last
    seconds = int(round(seconds / step) * step)
    days, rest = divmod(seconds, 86400)
    hours, rest = divmod(rest, 3600)
    minutes, secs = divmod(rest, 60)
    d = _WORDS[_check_locale(locale or _SETTINGS.locale)]["d"]
    if days:
        text = f"{days} {d} {hours} h" if hours else f"{days} {d}"
    elif hours:
        text = f"{hours} h {minutes} min" if minutes else f"{hours} h"
    elif minutes or not secs:
        text = f"{minutes} min"
    else:
        text = f"{secs} s"
    return sign + text


def _zone(timezone: str | None) -> str:
    return timezone or _SETTINGS.timezone or "UTC"


def timestamp(x, *, timezone: str | None = None, zone_name: bool = False) -> str:
    """A time to the minute in the report's time zone (naive times are read as UTC).

    Examples
    --------
    >>> timestamp(pd.Timestamp("2026-03-09 17:00:00+00:00"), timezone="Europe/Paris")
    '2026-03-09 18:00'
    >>> timestamp("2026-03-09T17:00:00+00:00", timezone="UTC", zone_name=True)
    '2026-03-09 17:00 UTC'
    """
    if _missing(x):
        return ""
    local = _local(x, timezone)
    text = local.strftime("%Y-%m-%d %H:%M")
    return f"{text} {local.tzname()}" if zone_name else text


def _local(x, timezone: str | None) -> pd.Timestamp:
    """``x`` in the report's time zone (or ``timezone``); naive times are read as UTC."""
    ts = pd.Timestamp(x)
    ts = ts.tz_localize("UTC") if ts.tzinfo is None else ts
    return ts.tz_convert(_zone(timezone))


def clock(x, pattern: str = "%d %B %H:%M", *, timezone: str | None = None) -> str:
    """A time in a sentence: written with ``pattern`` in the report's time zone, then the zone's abbreviation
    (naive times are read as UTC), so that findings and tiles give the same hour.

    Examples
    --------
    >>> clock(pd.Timestamp("2026-03-09 14:00", tz="UTC"), timezone="Europe/Paris")
    '09 March 15:00 CET'
    >>> clock("2026-07-09 14:00", "%A %d %B %Y %H:%M", timezone="Europe/Berlin")
    'Thursday 09 July 2026 16:00 CEST'
    """
    if _missing(x):
        return ""
    local = _local(x, timezone)
    return f"{local.strftime(pattern)} {local.tzname()}"


def day(x, *, inclusive_end: bool = False) -> str:
    """A day; ``inclusive_end`` turns an exclusive end (the midnight after the last day) into the last day.

    Examples
    --------
    >>> day("2026-04-06", inclusive_end=True), day(pd.Timestamp("2026-03-30 00:00:00+00:00"))
    ('2026-04-05', '2026-03-30')
    """
    if _missing(x):
        return ""
    ts = pd.Timestamp(x)
    if inclusive_end:
        ts = ts - pd.Timedelta(days=1)
    return ts.strftime("%Y-%m-%d")


from ._labels import LABELS, label  # noqa: E402


def frame(table, **options):
    """A table for reading: see :func:`kit._frame.frame` (every cell text, labels in words, intervals joined).

    >>> frame(pd.DataFrame({"share": [0.5]})).iloc[0].tolist()
    ['50.0 %']
    """
    from ._frame import frame as _frame

    return _frame(table, **options)


def is_share(name, values=None) -> bool:
    """Whether a column holds shares: see :func:`kit._frame.is_share`.

    >>> is_share("share_of_voice"), is_share("rate_ratio")
    (True, False)
    """
    from ._frame import is_share as _is_share

    return _is_share(name, values)
