"""Internals shared by the crisis modules (:mod:`kit.tl.timeline`, :mod:`kit.tl.cascades`,
:mod:`kit.tl.spreaders`, :mod:`kit.tl.response`, :mod:`kit.tl.lessons`): the one-row surge result read as a
dict, times in UTC, durations in hours, the brand's handles, and the definitions the report prints."""

from __future__ import annotations

import numpy as np
import pandas as pd

from kit._text import handle_keys, normalise_handle

__all__: list[str] = []

DEFINITIONS = {
    "onset": "first period of at least three in a row above the 99 % band expected from the baseline "
    "(kit.tl.surge.surge)",
    "peak": "the period with most posts matching the crisis terms",
    "half-life": "time from the peak until the excess over the baseline halves, from an exponential "
    "fitted to the decline",
    "back to baseline": "first period after the peak that starts three periods in a row inside the band",
    "repost share": "reposts among all posts (about the brand when a brand actor is given) in the hours "
    "after the onset; 95 % Wilson interval",
    "cascade": "an original post with the reposts, quotes and replies that point to it (parent_id); its "
    "size is its reposts plus quotes",
    "first statement": "first original post (not a reply, not a repost) by a brand account at or after the onset",
    "negative share": "posts scored negative among the posts scored, per period",
    "scale": "hours or days (kit.tl.episodes.crisis_timeline): the crisis is measured on both, and the hourly "
    "figures are kept only when the daily counts do not contradict them (hourly return to baseline no earlier "
    "than the end of the high-volume days, busiest hour inside them)",
    "high-volume days": "the days from the peak day on whose posts above the baseline stay at least 10 % of the "
    "peak day's",
    "collection gap": "a stretch of 12 hours or more without any post in the collection (kit.tl.gaps): a hole "
    "in the data, not quiet; no phase, half-life or recovery is measured across it",
    "surge": "a run of periods above the band of the series' quiet level (its median period); the crisis is the "
    "surge with most posts above that level, or the one holding the known start",
    "late start": "the data starts inside the surge (no quiet periods before it): the baseline is then the "
    "quiet level of the whole series and the onset is the first period of data",
}

_TIME = "created_at"


def _row(timeline: pd.DataFrame | pd.Series | dict) -> dict:
    if isinstance(timeline, pd.DataFrame):
        return timeline.iloc[0].to_dict() if len(timeline) else {}
    return dict(timeline)


def _ts(value) -> pd.Timestamp | None:
    if value is None or (not isinstance(value, str) and pd.isna(value)):
        return None
    t = pd.Timestamp(value)
    return t.tz_localize("UTC") if t.tzinfo is None else t.tz_convert("UTC")


def _hours(delta) -> float:
    return float("nan") if delta is None or pd.isna(delta) else pd.Timedelta(delta).total_seconds() / 3600


def _handles(handles) -> set[str]:
    """The brand's handles as the kit compares them (:func:`kit._text.normalise_handle`); blanks left out."""
    if handles is None:
        return set()
    if isinstance(handles, str):
        handles = [handles]
    return {normalise_handle(h) for h in handles if str(h).strip()}


def _is_brand(posts: pd.DataFrame, brand_handles) -> np.ndarray:
    """Whether each post's author is one of ``brand_handles`` (a boolean array)."""
    hs = _handles(brand_handles)
    if not hs or "author_handle" not in posts.columns:
        return np.zeros(len(posts), dtype=bool)
    return handle_keys(posts["author_handle"]).isin(hs).to_numpy(bool)
