"""The crisis timeline at the scale that holds it: surges on hourly and daily counts, collection gaps, late
starts, several surges.

:func:`kit.tl.surge.surge` measures one surge on one series. A real collection needs more around it:

- **scale**: a shooting is told in hours, a flood in days. Hourly counts of a slow crisis dip inside the
  band every night, so an hourly "back to baseline" can come while daily volume is still far above it.
  :func:`crisis_timeline` measures the crisis on both and keeps the hourly one only when it is not
  contradicted by the days (its return to baseline no earlier than the end of the high-volume days, and
  its peak inside them);
- **gaps** (:mod:`kit.tl.gaps`): no phase, half-life or recovery is measured across a stretch without
  posts; a surge whose decline runs into a gap has no measured return to baseline;
- **late start**: when the data begins inside the surge (no quiet periods before it), the baseline is the
  quiet level of the whole series (its median period) and the peak, decline and half-life are measured
  from the first period; the onset is then the start of the data, and said so;
- **several surges** (:func:`surges`): every run above the band of the series' quiet level is a surge;
  the crisis is the one with most excess posts over that level (or the one holding a known start), not
  the one with the highest single period.

>>> import numpy as np, pandas as pd
>>> t0 = pd.Timestamp("2026-03-01", tz="UTC")
>>> minutes = np.r_[np.arange(0, 12000, 120), 3000 + np.arange(0, 600, 3), 9000 + np.arange(0, 180, 1.5)]
>>> table = surges(pd.Series(t0 + pd.to_timedelta(minutes.astype(int), unit="min")))
>>> table[["peak_value", "excess", "crisis"]].values.tolist()
[[21.0, 195.0, True], [41.0, 119.0, False]]
"""

from __future__ import annotations

import numpy as np
import pandas as pd

from ..format import clock
from ._crisis import _TIME, _ts
from .bands import _limits
from .gaps import gap_periods, gaps
from .surge import SURGE_COLUMNS, _runs, surge

__all__ = ["SCALES", "TIMELINE_COLUMNS", "SURGE_LIST_COLUMNS", "counts", "surges", "crisis_timeline"]

#: The scales a crisis can be described at: name -> the ``freq`` of :func:`kit.tl.overview.volume`.
SCALES = {"hourly": "H", "daily": "D"}
_WINDOW = {"hourly": 24, "daily": 7}
_MIN_PERIODS = {"hourly": 7, "daily": 3}
_LATE = {"hourly": 1, "daily": 0}  # a surge starting this close to the first period: the data starts inside it
_HIGH = 0.1  # a high-volume period keeps at least this share of the peak's excess

TIMELINE_COLUMNS = SURGE_COLUMNS + [
    "scale",
    "freq",
    "scale_reason",
    "onset_note",
    "excess",
    "surges",
    "measured_until",
    "stopped_by",
    "busiest_hour",
    "onset_hour",
    "gaps",
    "gap_hours",
    "first_post",
    "last_post",
]
SURGE_LIST_COLUMNS = ["surge", "start", "peak", "end", "peak_value", "periods", "excess", "starts", "crisis"]


def _times(posts, time: str) -> pd.Series:
    t = posts[time] if isinstance(posts, pd.DataFrame) else pd.Series(posts)
    return pd.Series(pd.to_datetime(t, utc=True)).dropna().sort_values().reset_index(drop=True)


def counts(posts, *, scale: str = "hourly", start=None, end=None, time: str = _TIME) -> pd.Series:
    """Posts per hour or per day, every period from ``start`` to ``end`` (zeros included).

    Parameters
    ----------
    posts : DataFrame, Series or DatetimeIndex
        The posts (their ``time`` column) or their times.
    scale : {"hourly", "daily"}
    start, end
        The window (default: first to last post).
    time : str
        The time column.

    Returns
    -------
    Series
        Counts indexed by the start of each period (UTC).

    Examples
    --------
    >>> import pandas as pd
    >>> t = pd.to_datetime(["2026-03-09 10:00", "2026-03-09 23:00", "2026-03-11 01:00"], utc=True)
    >>> counts(t, scale="daily").tolist()
    [2.0, 0.0, 1.0]
    """
    if scale not in SCALES:
        raise ValueError(f"scale must be one of {list(SCALES)}, not {scale!r}")
    from .overview import volume

    t = _times(posts, time)
    frame = volume(pd.DataFrame({time: t}), freq=SCALES[scale], by=None, time=time, start=start, end=end)
    return pd.Series(frame["posts"].to_numpy(dtype=float), index=pd.DatetimeIndex(frame["period"]), name="posts")


def _segments(usable: np.ndarray) -> list[tuple[int, int]]:
    return _runs(usable)


def _candidates(
    x: np.ndarray, usable: np.ndarray, *, level: float, k: int, late_within: int = 0
) -> tuple[float, list[dict]]:
    """The quiet level (median usable period) and the surges above its band, joined across short dips."""
    quiet = float(np.median(x[usable])) if usable.any() else 0.0
    _, high = _limits(np.array([quiet]), np.zeros(1), None, level=level, band="poisson")
    above = (x > max(float(high[0]), quiet)) & usable
    out = []
    for seg_a, seg_e in _segments(usable):
        runs = [(a, e) for a, e in _runs(above[seg_a:seg_e])]
        groups: list[list[tuple[int, int]]] = []
        for a, e in runs:
            if groups and a - groups[-1][-1][1] < k:
                groups[-1].append((a, e))
            else:
                groups.append([(a, e)])
        for g in groups:
            a, e = seg_a + g[0][0], seg_a + g[-1][1]
            late = g[0][0] <= late_within
            if not (any(r[1] - r[0] >= k for r in g) or (late and e - a >= 1 and x[a:e].sum() > 0)):
                continue
            starts = "detected"
            if late:
                starts = "inside the surge (data starts)" if seg_a == 0 else "inside the surge (after a gap)"
            out.append(
                dict(
                    a=a,
                    e=e,
                    seg=(seg_a, seg_e),
                    peak=a + int(np.argmax(x[a:e])),
                    excess=float(np.clip(x[a:e] - quiet, 0, None).sum()),
                    starts=starts,
                )
            )
    return quiet, out


def _pick(cands: list[dict], index: pd.DatetimeIndex, known_start) -> int | None:
    if not cands:
        return None
    ks = _ts(known_start)
    if ks is not None:
        pos = int(np.searchsorted(index.as_unit("ns").asi8, ks.as_unit("ns").value, side="right") - 1)
        for i, c in enumerate(cands):
            if c["a"] <= pos < c["e"] or c["a"] >= pos:
                return i
    return int(np.argmax([c["excess"] for c in cands]))


def _empty_row() -> dict:
    row = dict.fromkeys(SURGE_COLUMNS, np.nan)
    for c in ("onset", "peak", "back_to_baseline"):
        row[c] = pd.NaT
    for c in ("half_life", "time_to_peak", "duration"):
        row[c] = pd.NaT
    return row


def _measure(s: pd.Series, usable: np.ndarray, scale: str, *, k: int, level: float, known_start) -> dict:
    """The crisis at one scale: the chosen surge measured by :func:`kit.tl.surge.surge` on its own stretch."""
    x = s.to_numpy(dtype=float)
    quiet, cands = _candidates(x, usable, level=level, k=k, late_within=_LATE[scale])
    i = _pick(cands, s.index, known_start)
    row = _empty_row() | dict(surges=len(cands), excess=np.nan, onset_note=None, measured_until=pd.NaT, stopped_by=None)
    if i is None:
        row["baseline"] = quiet
        return row
    c = cands[i]
    seg_a, seg_e = c["seg"]
    prev = [d["e"] for d in cands[:i] if d["seg"] == c["seg"]]
    nxt = [d["a"] for d in cands[i + 1 :] if d["seg"] == c["seg"]]
    lo = max([seg_a] + prev)
    hi = min([seg_e] + nxt)
    part = s.iloc[lo:hi]
    window, min_periods = _WINDOW[scale], _MIN_PERIODS[scale]
    kw = dict(k=k, window=window, min_periods=min_periods, level=level)
    enough = c["starts"] == "detected" and c["a"] - lo >= min_periods  # quiet periods to take a baseline from
    r = surge(part, **kw).iloc[0].to_dict() if enough else {"onset": pd.NaT}
    if pd.isna(r["onset"]) or not (s.index[c["a"]] <= r["peak"] < s.index[c["e"] - 1] + (s.index[1] - s.index[0])):
        r = surge(part, baseline=quiet, **kw).iloc[0].to_dict()
        if pd.isna(r["onset"]):  # too short for k periods in a row: the candidate itself
            r = surge(part, baseline=quiet, **(kw | {"k": 1})).iloc[0].to_dict()
    back, half = r["back_to_baseline"], r["half_life"]
    if pd.notna(back) and pd.notna(half) and half > back - r["peak"]:
        r2 = surge(part, baseline=r["baseline"], half_life="crossing", **kw).iloc[0]
        r["half_life"], r["half_life_periods"] = r2["half_life"], r2["half_life_periods"]
        if pd.notna(r["half_life"]) and r["half_life"] > back - r["peak"]:
            r["half_life"], r["half_life_periods"] = pd.NaT, np.nan
    row.update({k_: r[k_] for k_ in SURGE_COLUMNS})
    # the high-volume periods: from the peak on, above the band and at least _HIGH of the peak's excess
    _, band_high = _limits(np.array([float(r["baseline"])]), np.zeros(1), None, level=level, band="poisson")
    p = int(s.index.get_loc(r["peak"]))
    floor = max(float(band_high[0]), r["baseline"] + _HIGH * (x[p] - r["baseline"]))
    q = p
    while q < hi and x[q] > floor:
        q += 1
    row["_high_end"] = s.index[q] if q < len(s) else s.index[-1] + (s.index[1] - s.index[0])
    row["excess"] = c["excess"]
    row["onset_note"] = c["starts"]
    if pd.isna(back):
        step = s.index[1] - s.index[0] if len(s) > 1 else pd.Timedelta(hours=1)
        row["measured_until"] = s.index[hi - 1] + step
        row["stopped_by"] = "gap" if hi < len(s) and hi == seg_e else ("next surge" if hi < seg_e else "end of data")
    return row


def _fmt(t) -> str:
    return clock(t)


def _choose(hourly: dict, daily: dict) -> tuple[str, str]:
    if pd.isna(daily["onset"]) and pd.isna(hourly["onset"]):
        return "hourly", "no surge in hourly or daily counts"
    if pd.isna(daily["onset"]):
        return "hourly", "no run of days stands out from the daily baseline: the surge is a matter of hours"
    if pd.isna(hourly["onset"]):
        return "daily", "no hour stands out from the hourly baseline, but days do"
    d_end = daily["_high_end"]
    if not (daily["onset"] <= hourly["peak"] < d_end):
        return "daily", (
            f"the highest hour ({_fmt(hourly['peak'])}) lies outside the days with most excess posts "
            f"({daily['onset']:%d %B} to {d_end:%d %B})"
        )
    h_back = hourly["back_to_baseline"]
    if pd.notna(h_back) and h_back < d_end:
        return "daily", (
            f"hourly counts fall back inside their band on {_fmt(h_back)}, while daily volume stays above its "
            f"baseline until {d_end - pd.Timedelta(days=1):%d %B}: the crisis lasts days"
        )
    return "hourly", "the surge rises and falls back within hours, and the daily counts agree: days would blur it"


def crisis_timeline(
    posts,
    *,
    start=None,
    end=None,
    scale: str = "auto",
    known_start=None,
    collection=None,
    min_gap_hours: float = 12.0,
    k: int = 3,
    level: float = 0.99,
    time: str = _TIME,
) -> pd.DataFrame:
    """Onset, peak, half-life and return to baseline of the crisis, at the scale that holds it.

    Parameters
    ----------
    posts : DataFrame, Series or DatetimeIndex
        The posts about the crisis (e.g. matching its terms) or their times.
    start, end
        The window of the collection (default: first to last post).
    scale : {"auto", "hourly", "daily"}
        ``"auto"``: measure on both and keep the hourly result only when the daily counts do not
        contradict it (see :mod:`kit.tl.episodes`); the reason is in ``scale_reason``.
    known_start
        When the crisis is known to have started: the surge holding it (or the first one after it) is
        the crisis.
    collection : DataFrame, Series or None
        Every post collected (or their times), where gaps are looked for: a stretch without posts about
        the crisis is quiet, a stretch without any post is a hole. Default: ``posts``.
    min_gap_hours : float
        Shortest silence treated as a gap in the collection (:func:`kit.tl.gaps.gaps`).
    k, level
        As in :func:`kit.tl.surge.surge` (periods in a row, band coverage).
    time : str
        The time column.

    Returns
    -------
    DataFrame
        One row: the columns of :func:`kit.tl.surge.surge` at the chosen scale, plus ``scale, freq,
        scale_reason``, ``onset_note`` ("detected", or the data starting inside the surge), ``excess``
        (posts above the quiet level), ``surges`` (how many at that scale), ``measured_until`` and
        ``stopped_by`` (gap, next surge or end of data, when no return to baseline was reached),
        ``busiest_hour`` (within the crisis, whatever the scale), ``onset_hour`` (the hourly onset when it
        falls in the crisis found at the daily scale), ``gaps`` and ``gap_hours``
        (silences of at least ``min_gap_hours``), ``first_post, last_post``.

    Examples
    --------
    >>> import pandas as pd
    >>> t0 = pd.Timestamp("2026-03-09", tz="UTC")
    >>> late = pd.Series(t0 + pd.to_timedelta([0.1 * i for i in range(300)] + list(range(30, 200, 3)), unit="h"))
    >>> row = crisis_timeline(late).iloc[0]
    >>> row["onset_note"], row["onset"] == t0
    ('inside the surge (data starts)', True)
    """
    if scale not in ("auto", *SCALES):
        raise ValueError(f"scale must be 'auto', 'hourly' or 'daily', not {scale!r}")
    t = _times(posts, time)
    lo = _ts(start) if start is not None else (t.min() if len(t) else None)
    hi = _ts(end) if end is not None else (t.max() if len(t) else None)
    every = t if collection is None else _times(collection, time)
    holes = gaps(every, min_hours=min_gap_hours, start=start, end=end)
    rows = {}
    series = {}
    for name in SCALES if scale == "auto" else (scale,):
        s = counts(t, scale=name, start=lo, end=hi)
        series[name] = s
        usable = ~gap_periods(s.index, holes, freq="h" if name == "hourly" else "D")
        rows[name] = _measure(s, usable, name, k=k, level=level, known_start=known_start)
    if scale == "auto":
        chosen, reason = _choose(rows["hourly"], rows["daily"])
    else:
        chosen, reason = scale, "set as a parameter"
    row = rows[chosen] | dict(scale=chosen, freq=SCALES[chosen], scale_reason=reason)
    row.pop("_high_end", None)
    row["busiest_hour"] = pd.NaT
    if pd.notna(row["onset"]):
        h = series.get("hourly")
        if h is None:
            h = counts(t, scale="hourly", start=lo, end=hi)
        stop = row["back_to_baseline"] if pd.notna(row["back_to_baseline"]) else row["measured_until"]
        inside = h[(h.index >= row["onset"]) & ((h.index < stop) if pd.notna(stop) else True)]
        if len(inside):
            row["busiest_hour"] = inside.idxmax()
    row["onset_hour"] = pd.NaT
    if chosen == "hourly":
        row["onset_hour"] = row["onset"]
    elif pd.notna(row["onset"]) and "hourly" in rows and pd.notna(rows["hourly"]["onset"]):
        stop = row["back_to_baseline"] if pd.notna(row["back_to_baseline"]) else row["measured_until"]
        if row["onset"] <= rows["hourly"]["onset"] and (pd.isna(stop) or rows["hourly"]["onset"] < stop):
            row["onset_hour"] = rows["hourly"]["onset"]
    row.update(
        gaps=len(holes),
        gap_hours=float(holes["hours"].sum()),
        first_post=t.min() if len(t) else pd.NaT,
        last_post=t.max() if len(t) else pd.NaT,
    )
    out = pd.DataFrame([row], columns=TIMELINE_COLUMNS)
    for c in (
        "onset",
        "peak",
        "back_to_baseline",
        "measured_until",
        "busiest_hour",
        "onset_hour",
        "first_post",
        "last_post",
    ):
        out[c] = pd.to_datetime(out[c], utc=True)
    for c in ("half_life", "time_to_peak", "duration"):
        out[c] = pd.Series([pd.Timedelta(row[c]) if pd.notna(row[c]) else pd.NaT], dtype="timedelta64[ns]")
    return out


def surges(
    posts,
    *,
    scale: str = "hourly",
    start=None,
    end=None,
    collection=None,
    min_gap_hours: float = 12.0,
    k: int = 3,
    level: float = 0.99,
    time: str = _TIME,
) -> pd.DataFrame:
    """Every surge of a series: the runs above the band of its quiet level (median period), gaps left out.

    Parameters
    ----------
    posts : DataFrame, Series or DatetimeIndex
        The posts or their times.
    scale : {"hourly", "daily"}
    start, end, collection, min_gap_hours, k, level, time
        As in :func:`crisis_timeline`.

    Returns
    -------
    DataFrame
        ``surge, start, peak, end, peak_value, periods, excess, starts, crisis``: one row per surge in
        time order (``end`` exclusive), ``excess`` the posts above the quiet level, ``starts`` whether it
        was seen starting or the data starts inside it, ``crisis`` True for the one with most excess.

    Examples
    --------
    >>> import pandas as pd
    >>> t0 = pd.Timestamp("2026-03-09", tz="UTC")
    >>> minutes = [m * 120 for m in range(100)] + [3000 + m * 3 for m in range(200)] + [9000 + m * 3 // 2 for m in range(120)]
    >>> table = surges(pd.Series(t0 + pd.to_timedelta(minutes, unit="min")))
    >>> table["peak_value"].tolist(), table["crisis"].tolist()
    ([21.0, 41.0], [True, False])
    """
    t = _times(posts, time)
    lo = _ts(start) if start is not None else (t.min() if len(t) else None)
    hi = _ts(end) if end is not None else (t.max() if len(t) else None)
    s = counts(t, scale=scale, start=lo, end=hi)
    every = t if collection is None else _times(collection, time)
    holes = gaps(every, min_hours=min_gap_hours, start=start, end=end)
    usable = ~gap_periods(s.index, holes, freq="h" if scale == "hourly" else "D")
    x = s.to_numpy(dtype=float)
    _, cands = _candidates(x, usable, level=level, k=k, late_within=_LATE[scale])
    best = _pick(cands, s.index, None)
    rows = [
        dict(
            surge=j + 1,
            start=s.index[c["a"]],
            peak=s.index[c["peak"]],
            end=s.index[c["e"] - 1] + (s.index[1] - s.index[0] if len(s) > 1 else pd.Timedelta(hours=1)),
            peak_value=float(x[c["peak"]]),
            periods=c["e"] - c["a"],
            excess=c["excess"],
            starts=c["starts"],
            crisis=j == best,
        )
        for j, c in enumerate(cands)
    ]
    return pd.DataFrame(rows, columns=SURGE_LIST_COLUMNS)
