"""The alerts in words: a value, the period it belongs to and the band it left, as a sentence for a
dashboard (``"Mentions were 3,120 in the week of 9 March, above the expected 1,544-1,717"``).

Used by :func:`kit.tl.bands.alerts`.

>>> import pandas as pd
>>> message("Mentions", 3120.0, pd.Timestamp("2026-03-09", tz="UTC"), step=pd.Timedelta(days=7),
...         direction="above", low=1544.2, high=1717.0)
'Mentions were 3,120 in the week of 9 March, above the expected 1,544-1,717'
"""

from __future__ import annotations

import numpy as np
import pandas as pd

__all__ = ["PERIOD_WORDS", "number", "when", "band_text", "message", "period_word", "alerts_note"]

#: The period of each ``freq`` in words (singular, plural).
PERIOD_WORDS = {"H": ("hour", "hours"), "D": ("day", "days"), "W": ("week", "weeks"), "M": ("month", "months")}


def number(x: float, *, share: bool = False) -> str:
    """A value as an alert says it: a percentage for shares, whole numbers with thousands separators,
    three significant digits otherwise; ``n/a`` when missing.

    Parameters
    ----------
    x : float
    share : bool
        The value is a share (said as a percentage with one decimal).

    Returns
    -------
    str

    Examples
    --------
    >>> number(0.1234, share=True), number(1544.2), number(2.345), number(float("nan"))
    ('12.3%', '1,544', '2.35', 'n/a')
    """
    if not np.isfinite(x):
        return "n/a"
    if share:
        return f"{100 * x:.1f}%"
    if float(x).is_integer() or abs(x) >= 100:
        return f"{round(x):,}"
    return f"{x:,.3g}"


def when(period, *, step=None) -> str:
    """The period in words, as precise as the spacing of the periods.

    Parameters
    ----------
    period : Timestamp or any
        The period; anything but a time is said ``in period <p>``.
    step : Timedelta, optional
        The spacing of the periods: from 28 days a month, from 7 days the week of a day, from one day a
        day, else a time on a day.

    Returns
    -------
    str

    Examples
    --------
    >>> import pandas as pd
    >>> t = pd.Timestamp("2026-03-09 14:00", tz="UTC")
    >>> when(t, step=pd.Timedelta(hours=1)), when(t, step=pd.Timedelta(days=1)), when(3)
    ('at 14:00 on 9 March', 'on 9 March', 'in period 3')
    """
    if not isinstance(period, pd.Timestamp):
        return f"in period {period}"
    day = f"{period.day} {period:%B}"
    if isinstance(step, pd.Timedelta) and step >= pd.Timedelta(days=28):
        return f"in {period:%B %Y}"
    if isinstance(step, pd.Timedelta) and step >= pd.Timedelta(days=7):
        return f"in the week of {day}"
    if isinstance(step, pd.Timedelta) and step >= pd.Timedelta(days=1):
        return f"on {day}"
    return f"at {period:%H:%M} on {day}"


def band_text(low: float, high: float, *, share: bool = False) -> str:
    """The band as text, its two ends said as :func:`number` says them.

    Parameters
    ----------
    low, high : float
        The ends of the band.
    share : bool
        The band is one of shares.

    Returns
    -------
    str

    Examples
    --------
    >>> band_text(0.02, 0.085, share=True), band_text(1544.2, 1717.0)
    ('2.0%-8.5%', '1,544-1,717')
    """
    return f"{number(low, share=share)}-{number(high, share=share)}"


def message(
    label: str, value: float, period, *, step=None, direction: str, low: float, high: float, share: bool = False
) -> str:
    """One alert in words: ``"<label> was|were <value> <when>, <direction> the expected <band>"``.

    Parameters
    ----------
    label : str
        The metric's name in the sentence; a plural count ("Mentions") takes "were", anything else and
        every share "was".
    value, period
        The value and its period.
    step
        The spacing of the periods (how precisely :func:`when` says the period).
    direction : {"above", "below"}
    low, high
        The band the value left.
    share : bool
        The metric is a share (values said as percentages).

    Returns
    -------
    str

    Examples
    --------
    >>> message("Negative share", 0.31, 4, direction="above", low=0.05, high=0.2, share=True)
    'Negative share was 31.0% in period 4, above the expected 5.0%-20.0%'
    """
    verb = "were" if (not share and label.lower().endswith("s")) else "was"
    text = (
        f"{label} {verb} {number(value, share=share)} {when(period, step=step)}, "
        f"{direction} the expected {band_text(low, high, share=share)}"
    )
    if not share and direction == "below" and value == 0 and np.isfinite(low) and low >= 1:
        text += ": none at all, more likely a gap in the collection than a fall (check the export)"
    return text


def period_word(freq=None, *, step=None, n: int = 2) -> str:
    """The name of the periods in words, singular when ``n == 1``: from ``freq`` (H, D, W, M) or else from
    the spacing ``step`` of the periods.

    Parameters
    ----------
    freq : str, optional
        The series' frequency.
    step : Timedelta, optional
        The spacing of the periods, when ``freq`` is not known.
    n : int
        How many periods are meant.

    Returns
    -------
    str

    Examples
    --------
    >>> import pandas as pd
    >>> period_word("D"), period_word("W", n=1), period_word(step=pd.Timedelta(hours=1)), period_word()
    ('days', 'week', 'hours', 'periods')
    """
    key = str(freq).upper()[:1] if freq else None
    if key not in PERIOD_WORDS and isinstance(step, pd.Timedelta) and step > pd.Timedelta(0):
        key = "M" if step >= pd.Timedelta(days=28) else "W" if step >= pd.Timedelta(days=7) else "D"
        key = key if step >= pd.Timedelta(days=1) else "H"
    one, many = PERIOD_WORDS.get(key, ("period", "periods"))
    return one if n == 1 else many


def alerts_note(
    periods: int, *, window: int, min_periods: int, alerts: int, last: int | None = None, freq=None, step=None
) -> str:
    """What the alert table says, in one sentence: too short a series for a band, no alert, or how many.

    Parameters
    ----------
    periods : int
        Periods in the series.
    window, min_periods : int
        The band's window and the fewest past periods it needs (:func:`kit.tl.bands.baseline_band`).
    alerts : int
        Rows of the alert table.
    last : int, optional
        Only the last ``last`` periods were checked.
    freq, step
        The period (:func:`period_word`).

    Returns
    -------
    str

    Examples
    --------
    >>> alerts_note(6, window=8, min_periods=7, alerts=0, last=2, freq="D")
    'The series has 6 days; a band needs the 8 days before the day it judges (at least 7): no alert can be raised yet.'
    >>> alerts_note(13, window=8, min_periods=7, alerts=0, last=2, freq="W")
    'No metric left its expected band in the last 2 weeks.'
    >>> alerts_note(13, window=8, min_periods=7, alerts=1, freq="M")
    '1 value left its expected band (the months with enough history before them: 6 of 13).'
    """
    words, one = period_word(freq, step=step), period_word(freq, step=step, n=1)
    if periods <= min_periods:
        has = f"has {periods} {period_word(freq, step=step, n=periods)}" if periods else "is empty"
        return (
            f"The series {has}; a band needs the {window} {period_word(freq, step=step, n=window)} "
            f"before the {one} it judges (at least {min_periods}): no alert can be raised yet."
        )
    judged = periods - min_periods
    scope = (
        f"in the last {last} {period_word(freq, step=step, n=last)}"
        if last is not None and last <= judged
        else f"(the {words} with enough history before them: {judged} of {periods})"
    )
    if alerts == 0:
        return f"No metric left its expected band {scope}."
    return f"{alerts:,} value{'s' if alerts > 1 else ''} left {'their' if alerts > 1 else 'its'} expected band {scope}."
