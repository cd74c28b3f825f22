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
import numbers
import re
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
    ts = pd.Timestamp(x)
    ts = ts.tz_localize("UTC") if ts.tzinfo is None else ts
    local = ts.tz_convert(_zone(timezone))
    text = local.strftime("%Y-%m-%d %H:%M")
    return f"{text} {local.tzname()}" if zone_name else text


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


#: Column labels in words (raw names stay in the exports). Names not listed read with spaces for underscores.
LABELS = {
    "actor": "Actor",
    "actor_role": "Role",
    "actor_a": "Actor",
    "actor_b": "Other actor",
    "author": "Author",
    "author_handle": "Author",
    "created_at": "Posted",
    "posts": "Posts",
    "mentions": "Mentions",
    "share": "Share",
    "low": "Low",
    "high": "High",
    "net": "Net sentiment",
    "net_sentiment": "Net sentiment",
    "model_net": "Net sentiment (model)",
    "corrected_net": "Net sentiment (corrected)",
    "corrected_negative": "Negative (corrected)",
    "corrected_neutral": "Neutral (corrected)",
    "corrected_positive": "Positive (corrected)",
    "n_reviewed": "Posts reviewed",
    "confusion": "Error rates measured on",
    "p_value": "p",
    "q_value": "q (adjusted p)",
    "p_adjusted": "Adjusted p",
    "z": "z",
    "rate_ratio": "Rate ratio",
    "response_rate": "Response rate",
    "median_hours": "Median time to answer",
    "p90_hours": "90th percentile time to answer",
    "open_cases": "Open cases",
    "age_hours": "Waiting for",
    "hours_to_statement": "Time to first statement",
    "hours_to_reply": "Time to first reply",
    "hours_to_half": "Time to half its size",
    "half_life": "Half-life",
    "half_life_periods": "Half-life (periods)",
    "time_to_peak": "Time to peak",
    "duration": "Duration",
    "peak_value": "Posts at the peak",
    "peak_excess": "Excess at the peak",
    "back_to_baseline": "Back to baseline",
    "current_start": "Current period: first day",
    "current_end": "Current period: last day",
    "previous_start": "Previous period: first day",
    "previous_end": "Previous period: last day",
    "relative_change": "Relative change",
    "significant": "Significant",
    "rate_a": "Rate A",
    "rate_b": "Rate B",
    "mde": "Smallest detectable difference",
    "median_rate_followers": "Median engagement rate (followers)",
    "median_rate_views": "Median engagement rate (views)",
    "median_rate_reach": "Median engagement rate (reach)",
    "median_interactions": "Median interactions",
    "mean_interactions": "Mean interactions",
    "posts_with_views": "Posts with views",
    "posts_with_reach": "Posts with reach",
    "times_benchmark": "Times the benchmark",
    "share_of_intent": "Share of intent",
    "intended_share": "Intended share",
    "under_served": "Under-served",
    "covered_by": "Covered by",
    "first_post": "First post",
    "last_post": "Last post",
    "posts_per_week": "Posts per week",
    "posts_per_active_day": "Posts per active day",
    "median_hours_between": "Median time between posts",
    "longest_silence_days": "Longest silence (days)",
    "share_fr": "Share in French",
    "share_de": "Share in German",
    "share_en": "Share in English",
    "posts_fr": "Posts in French",
    "posts_de": "Posts in German",
    "posts_en": "Posts in English",
    "lang": "Language",
    "kind": "Kind",
    "post_id": "Post id",
    "topic": "Topic",
    "label": "Label",
    "engagement_per_post": "Engagement per post",
    "share_of_engagement": "Share of engagement",
    "n_actors": "Actors mentioned",
    "reposts_seen": "Reposts seen",
    "reposts_made": "Reposts made",
    "amplification_received": "Amplification received",
    "share_of_amplification": "Share of amplification",
    "share_of_posts": "Share of posts",
    "share_of_topic": "Share of topic",
    "share_of_group": "Share of group",
    "log_odds": "Log-odds",
    "statement_post_id": "Statement post id",
    "statement_text": "Statement",
    "first_statement": "First statement",
    "first_reply": "First reply",
}

_SHARE_WORDS = {"share", "shares", "rate", "pct", "percent", "proportion", "coverage", "probability"}
_NOT_SHARE = {"ratio", "per", "times", "log", "odds"}
_BOUND = re.compile(r"^(?:(?P<base>.+)_)?(?P<end>low|high)$")
_ISO = re.compile(r"^\d{4}-\d{2}-\d{2}[ T]\d{2}:\d{2}(:\d{2}(\.\d+)?)?([+-]\d{2}:?\d{2}|Z| UTC)?$")
_DERIVED = {"change", "relative_change", "p_value", "q_value", "p_adjusted", "z", "test"}
_DURATION = re.compile(r"(^|_)hours(_|$)|^hours_to|_hours$")


def label(name) -> str:
    """A column name in words: from :data:`LABELS`, else underscores read as spaces, first letter capital.

    Examples
    --------
    >>> label("q_value"), label("median_rate_followers_low"), label("posts: brand")
    ('q (adjusted p)', 'Median rate followers low', 'Posts: brand')
    """
    name = str(name)
    if name in LABELS:
        return LABELS[name]
    text = name.replace("_", " ").strip()
    return text[:1].upper() + text[1:]


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
    loc = _check_locale(locale or _SETTINGS.locale)
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
            head = f"{head} (95 % interval)"
            out.append((head, [interval(v, a, b, kind=kind, locale=loc) for v, a, b in zip(col, lo, hi)]))
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
            pd.api.types.is_integer_dtype(col) or (col.dropna() == col.dropna().round()).all() and col.abs().max() >= 1
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
