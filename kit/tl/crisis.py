"""Crisis post-mortem: phases, amplification, cascades, spreaders, message types, the brand's response
and lessons in words.

The timeline itself (baseline, onset, peak, half-life, back to baseline) comes from
:func:`kit.tl.signals.surge`, the one spike/baseline implementation shared with monitoring; the
functions here take its one-row result (``timeline``) and cut the posts into phases with it.

Phases (:func:`phase_spans`): ``before`` (before the onset), ``rise`` (onset to peak), ``peak`` (the
peak period to one half-life after it), ``decline`` (to the return to baseline), ``after``.

Examples
--------
>>> from kit import datasets, pp, tl
>>> from kit.tl import crisis, signals
>>> posts, _ = datasets.load_sample()  # doctest: +SKIP
>>> hits = pp.match_terms(posts, ["charged twice", "#VoltariaFail"])  # doctest: +SKIP
>>> timeline = signals.surge(tl.volume(hits, freq="H", by=None), value="posts")  # doctest: +SKIP
>>> crisis.phases(posts, timeline)["phase"].value_counts()  # doctest: +SKIP
"""

from __future__ import annotations

import math
import re
from pathlib import Path

import numpy as np
import pandas as pd

from .metrics import INTERACTIONS, interactions, wilson

PHASES = ("before", "rise", "peak", "decline", "after")
MESSAGE_TYPES = (
    "warnings and advice",
    "damage and affected people",
    "sympathy and support",
    "donations and help",
    "criticism",
    "questions",
    "jokes",
    "other",
)
ACCOUNT_TYPES = ("brand", "media", "official", "eyewitness", "influencer", "public")

DEFINITIONS = {
    "onset": "first period of at least three in a row above the 99 % band expected from the baseline "
    "(kit.tl.signals.surge)",
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
}

_TIME = "created_at"


# ------------------------------------------------------------------------------------------- helpers


def definitions() -> pd.DataFrame:
    """The definitions used in the crisis report, as a table for its appendix."""
    return pd.DataFrame({"term": list(DEFINITIONS), "definition": list(DEFINITIONS.values())})


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
    if handles is None:
        return set()
    if isinstance(handles, str):
        handles = [handles]
    return {str(h).lstrip("@").lower() for h in handles if str(h).strip()}


def _is_brand(posts: pd.DataFrame, brand_handles) -> np.ndarray:
    hs = _handles(brand_handles)
    if not hs or "author_handle" not in posts.columns:
        return np.zeros(len(posts), dtype=bool)
    return posts["author_handle"].astype("string").str.lstrip("@").str.lower().isin(hs).fillna(False).to_numpy(bool)


_RT = re.compile(r"^\s*RT\s+@\w+", re.IGNORECASE)


def kinds(posts: pd.DataFrame, *, infer_retweets: bool = True) -> pd.Series:
    """The kind of each post (original, repost, quote, reply); with ``infer_retweets``, an "original"
    whose text starts with ``RT @handle`` (old X/Twitter exports such as CrisisLex) counts as a repost,
    and when the export carries no kinds at all (every post "original"), a post without text (an id and a
    time only) is ``unknown``: it may as well be a retweet."""
    kind = (
        posts["kind"].astype("string").fillna("original")
        if "kind" in posts.columns
        else pd.Series("original", index=posts.index, dtype="string")
    )
    if infer_retweets and "text" in posts.columns:
        text = posts["text"].astype("string").fillna("")
        rt = text.str.match(_RT).fillna(False).to_numpy(bool)
        original = (kind == "original").to_numpy(bool)
        no_kinds = bool(original.all())
        kind = kind.where(~(rt & original), "repost")
        if no_kinds:
            empty = text.str.strip().str.len().eq(0).to_numpy(bool)
            kind = kind.where(~empty, "unknown")
    return kind


def related(posts: pd.DataFrame, core: pd.DataFrame, *, depth: int = 3) -> pd.DataFrame:
    """``core`` plus the posts of ``posts`` that repost, quote or reply to a post of it (via
    ``parent_id``, up to ``depth`` steps): the crisis posts and their cascades.

    A repost often carries no text of its own, so matching terms alone misses most of the amplification.
    """
    ids = set(core["post_id"].astype(str))
    keep = posts["post_id"].astype(str).isin(ids).to_numpy(bool).copy()
    if "parent_id" in posts.columns:
        parent = posts["parent_id"].astype("string")
        for _ in range(depth):
            new = parent.isin(ids).fillna(False).to_numpy(bool) & ~keep
            if not new.any():
                break
            keep |= new
            ids |= set(posts.loc[new, "post_id"].astype(str))
    return posts.loc[keep].reset_index(drop=True)


# -------------------------------------------------------------------------------------------- phases


def anchor(timeline, *, known_start=None) -> pd.DataFrame:
    """The timeline the rest of the report measures from: ``timeline`` itself, or with ``onset`` set to a
    ``known_start`` the team gives (the detected one kept as ``detected_onset``; ``onset_source`` says
    which is used)."""
    out = timeline.copy() if isinstance(timeline, pd.DataFrame) else pd.DataFrame([dict(timeline)])
    out["detected_onset"] = out["onset"]
    out["onset_source"] = "detected"
    if known_start is not None and not (isinstance(known_start, float) and math.isnan(known_start)):
        out["onset"] = pd.Series([_ts(known_start)] * len(out), dtype=out["detected_onset"].dtype, index=out.index)
        out["onset_source"] = "known start (parameter)"
        if "peak" in out.columns:
            out["time_to_peak"] = pd.to_timedelta(out["peak"] - out["onset"])
    return out


def with_text(posts: pd.DataFrame, *, column: str = "text") -> pd.DataFrame:
    """The posts that have a text (id-only rows, such as CrisisLex's entire-period files, left out): what
    sentiment, message types and topics are computed on."""
    keep = posts[column].astype("string").fillna("").str.strip().str.len().gt(0).to_numpy(bool)
    return posts.loc[keep].reset_index(drop=True)


def during(posts: pd.DataFrame, timeline, *, drop_reposts: bool = False, time: str = _TIME) -> pd.DataFrame:
    """The posts from the onset to the return to baseline (to the end of the data when the surge never
    returned; all posts when no onset was found): everything said while the crisis lasted, not only the posts
    matching its terms (cascades and spreaders are counted on these). ``drop_reposts`` leaves reposts out
    (they repeat a text already there: topics are fitted without them)."""
    r = _row(timeline)
    onset, back = _ts(r.get("onset")), _ts(r.get("back_to_baseline"))
    m = np.ones(len(posts), dtype=bool)
    if onset is None:  # nothing stood out: the whole window is all there is to describe
        if drop_reposts:
            m = m & (kinds(posts) != "repost").to_numpy(bool)
        return posts.loc[m].reset_index(drop=True)
    m = m & (posts[time] >= onset).to_numpy(bool)
    if back is not None:
        m = m & (posts[time] < back).to_numpy(bool)
    if drop_reposts:
        m = m & (kinds(posts) != "repost").to_numpy(bool)
    return posts.loc[m].reset_index(drop=True)


def phase_spans(timeline, *, start=None, end=None) -> pd.DataFrame:
    """The phases of a surge as time spans.

    Parameters
    ----------
    timeline : DataFrame
        The one-row result of :func:`kit.tl.signals.surge` on a time series.
    start, end
        Where the ``before`` and ``after`` phases begin and end (default: open).

    Returns
    -------
    DataFrame
        ``phase, start, end`` (``start <= t < end``), only the phases that exist: no onset found gives
        one ``before`` row covering everything; no return to baseline leaves ``after`` out.
    """
    r = _row(timeline)
    lo, hi = _ts(start), _ts(end)
    onset, peak = _ts(r.get("onset")), _ts(r.get("peak"))
    back = _ts(r.get("back_to_baseline"))
    half = r.get("half_life")
    rows = []
    if onset is None or peak is None:
        rows.append(("before", lo, hi))
    else:
        peak_end = peak + (pd.Timedelta(half) if half is not None and pd.notna(half) else pd.Timedelta(0))
        if back is not None:
            peak_end = min(peak_end, back)
        rows += [("before", lo, onset), ("rise", onset, peak), ("peak", peak, max(peak_end, peak))]
        rows.append(("decline", max(peak_end, peak), back if back is not None else hi))
        if back is not None:
            rows.append(("after", back, hi))
    out = pd.DataFrame(rows, columns=["phase", "start", "end"])
    out = out[
        [
            not (a is not None and b is not None and pd.notna(a) and pd.notna(b) and b <= a)
            for a, b in zip(out["start"], out["end"])
        ]
    ]
    for c in ("start", "end"):
        out[c] = pd.to_datetime(out[c], utc=True)
    return out.reset_index(drop=True)


def phases(posts: pd.DataFrame, timeline, *, time: str = _TIME) -> pd.DataFrame:
    """A copy of ``posts`` with a ``phase`` column (ordered categorical: before, rise, peak, decline,
    after) from the surge ``timeline`` (see :func:`phase_spans`)."""
    spans = phase_spans(timeline)
    t = posts[time]
    phase = pd.Series(pd.NA, index=posts.index, dtype="object")
    for _, s in spans.iterrows():
        m = np.ones(len(posts), dtype=bool)
        if pd.notna(s["start"]):
            m = m & (t >= s["start"]).to_numpy(bool)
        if pd.notna(s["end"]):
            m = m & (t < s["end"]).to_numpy(bool)
        phase[m] = s["phase"]
    out = posts.copy()
    out["phase"] = pd.Categorical(phase, categories=list(PHASES), ordered=True)
    return out


def by_phase(posts: pd.DataFrame, column: str, *, phase: str = "phase", level: float = 0.95) -> pd.DataFrame:
    """Posts and share of each value of ``column`` (sentiment, emotion, message type...) per phase, with
    Wilson intervals.

    Returns
    -------
    DataFrame
        ``phase, <column>, posts, total, share, low, high``; phases without posts are left out.
    """
    if phase not in posts.columns:
        raise ValueError(f"no {phase!r} column: add one with crisis.phases(posts, timeline)")
    values = posts[column].astype("string").fillna("(none)")
    counts = posts.assign(_v=values).groupby([phase, "_v"], observed=True).size().rename("posts").reset_index()
    counts = counts.rename(columns={"_v": column})
    counts = counts[counts["posts"] > 0]
    counts["total"] = counts.groupby(phase, observed=True)["posts"].transform("sum")
    counts["share"] = counts["posts"] / counts["total"]
    lo, hi = wilson(counts["posts"].to_numpy(), counts["total"].to_numpy(), level)
    counts["low"], counts["high"] = lo, hi
    counts[phase] = counts[phase].astype(str)
    order = {p: i for i, p in enumerate(PHASES)}
    return counts.sort_values(
        [phase, "posts"], key=lambda s: s.map(order) if s.name == phase else -s, kind="stable"
    ).reset_index(drop=True)


# ---------------------------------------------------------------------------------- negative share


def negative_share(
    posts: pd.DataFrame,
    *,
    freq: str = "H",
    start=None,
    end=None,
    sentiment: str = "sentiment",
    min_posts: int = 1,
    level: float = 0.95,
) -> pd.DataFrame:
    """Share of negative posts per period, with Wilson intervals.

    Parameters
    ----------
    posts : DataFrame
        Posts with a ``sentiment`` column (``kit.tl.sentiment.score``); scored here when it is missing.
    freq, start, end
        As in :func:`kit.tl.volume` (give the whole window so quiet periods count as zero posts).
    min_posts
        Periods with fewer posts get no share (NaN): at night one negative post out of one is a share of
        100 % and would read as a change point.

    Returns
    -------
    DataFrame
        ``period, posts, negative, share, low, high``: ``share`` is NaN in periods without posts. The
        ``negative`` column is a count, ready for :func:`kit.tl.signals.bursts` with ``total="posts"``
        and for :func:`kit.tl.signals.change_points` on ``share``.
    """
    from .overview import volume

    scored = posts
    if sentiment not in posts.columns:
        from .sentiment import score

        scored = score(posts)
        sentiment = "sentiment"
    neg = (scored[sentiment].astype("string") == "negative").fillna(False).to_numpy(bool)
    total = volume(scored, freq=freq, by=None, start=start, end=end)
    negative = volume(
        scored.loc[neg],
        freq=freq,
        by=None,
        start=total["period"].min() if len(total) else start,
        end=(total["period"].max() + pd.Timedelta(seconds=1)) if len(total) else end,
    )
    out = total.merge(negative.rename(columns={"posts": "negative"}), on="period", how="left")
    out["negative"] = out["negative"].fillna(0).astype("int64")
    out["posts"] = out["posts"].astype("int64")
    enough = out["posts"] >= max(min_posts, 1)
    out["share"] = np.where(enough, out["negative"] / out["posts"].where(out["posts"] > 0, 1), np.nan)
    lo, hi = wilson(out["negative"].to_numpy(), out["posts"].to_numpy(), level)
    out["low"], out["high"] = lo, hi
    return out[["period", "posts", "negative", "share", "low", "high"]]


def negative_by_phase(posts: pd.DataFrame, *, sentiment: str = "sentiment", level: float = 0.95) -> pd.DataFrame:
    """Negative share per phase (``phase, posts, negative, share, low, high``) on posts carrying ``phase``
    (:func:`phases`) and ``sentiment``."""
    neg = (posts[sentiment].astype("string") == "negative").fillna(False)
    g = posts.assign(_n=neg.astype(int)).groupby("phase", observed=True)
    out = pd.DataFrame({"posts": g.size(), "negative": g["_n"].sum()}).reset_index()
    out = out[out["posts"] > 0]
    out["phase"] = out["phase"].astype(str)
    out["share"] = out["negative"] / out["posts"]
    lo, hi = wilson(out["negative"].to_numpy(), out["posts"].to_numpy(), level)
    out["low"], out["high"] = lo, hi
    return out.reset_index(drop=True)


# ------------------------------------------------------------------------------------ amplification


def amplification(
    posts: pd.DataFrame, *, freq: str = "H", start=None, end=None, min_posts: int = 5, infer_retweets: bool = True
) -> pd.DataFrame:
    """Originals, reposts, quotes and replies per period, with the share of reposts (NaN in periods with
    fewer than ``min_posts`` posts, where a share would be noise).

    Returns
    -------
    DataFrame
        ``period, original, repost, quote, reply, unknown, posts, repost_share``: ``unknown`` counts the
        posts whose kind cannot be told (see :func:`kinds`); the share is among the others.
    """
    from .overview import volume

    frame = posts.assign(kind=kinds(posts, infer_retweets=infer_retweets))
    vol = volume(frame, freq=freq, by="kind", start=start, end=end)
    wide = (
        vol.pivot_table(index="period", columns="kind", values="posts", aggfunc="sum", fill_value=0)
        if len(vol)
        else pd.DataFrame(index=pd.DatetimeIndex([], tz="UTC", name="period"))
    )
    for k in ("original", "repost", "quote", "reply", "unknown"):
        if k not in wide.columns:
            wide[k] = 0
    wide = wide[["original", "repost", "quote", "reply", "unknown"]].astype("int64")
    wide["posts"] = wide.sum(axis=1)
    known = wide["posts"] - wide["unknown"]
    wide["repost_share"] = np.where(known >= max(min_posts, 1), wide["repost"] / known.where(known > 0, 1), np.nan)
    out = wide.reset_index()
    out.columns.name = None
    return out


def repost_share(
    posts: pd.DataFrame,
    *,
    start=None,
    hours: float | None = 72,
    actor: str | None = None,
    infer_retweets: bool = True,
    level: float = 0.95,
) -> pd.DataFrame:
    """Share of reposts among posts in ``[start, start + hours)``, with a Wilson interval.

    Parameters
    ----------
    start
        Start of the window (usually the onset); default the first post.
    hours
        Length of the window; ``None``: to the last post.
    actor
        Keep only posts about this actor (``actor`` column), the brand's own posts included: the
        definition of the sample's truth ("reposts among all posts about the brand in the 72 hours
        after onset").

    Returns
    -------
    DataFrame
        One row: ``start, end, actor, posts, reposts, share, low, high, definition``.
    """
    t = posts[_TIME]
    a = _ts(start) if start is not None else (t.min() if len(posts) else None)
    b = a + pd.Timedelta(hours=hours) if (a is not None and hours is not None) else None
    m = np.ones(len(posts), dtype=bool)
    if a is not None:
        m = m & (t >= a).to_numpy(bool)
    if b is not None:
        m = m & (t < b).to_numpy(bool)
    if actor is not None and "actor" in posts.columns:
        m = m & (posts["actor"].astype("string") == actor).fillna(False).to_numpy(bool)
    window = posts.loc[m]
    kind = kinds(window, infer_retweets=infer_retweets)
    unknown = int((kind == "unknown").sum())
    k = int((kind == "repost").sum())
    n = len(window) - unknown
    lo, hi = wilson(k, n, level)
    about = f"about {actor}" if actor is not None else "in the data"
    if unknown:
        about += f" whose kind is known ({unknown:,} posts without text left out)"
    span = (
        f"the {hours:g} hours after {a:%Y-%m-%d %H:%M} UTC"
        if (a is not None and hours is not None)
        else "the whole window"
    )
    return pd.DataFrame(
        [
            dict(
                start=a,
                end=b,
                actor=actor,
                posts=n,
                reposts=k,
                share=k / n if n else np.nan,
                low=lo,
                high=hi,
                definition=f"reposts among all posts {about} in {span}",
            )
        ]
    )


def cascades(posts: pd.DataFrame, *, n: int | None = 10, infer_retweets: bool = True) -> pd.DataFrame:
    """Cascades: each post that others repost, quote or reply to (``parent_id``), with their counts.

    Returns
    -------
    DataFrame
        ``post_id, created_at, author_handle, text, reposts, quotes, replies, size, hours_to_half`` sorted
        by ``size`` (reposts + quotes), largest first, ``n`` rows (all with ``None``). ``hours_to_half``:
        time from the original to the repost or quote that reached half the final size. The original's
        columns are NA when it is not in the table.
    """
    cols = ["post_id", "created_at", "author_handle", "text", "reposts", "quotes", "replies", "size", "hours_to_half"]
    if "parent_id" not in posts.columns or posts["parent_id"].isna().all():
        return pd.DataFrame({c: pd.Series(dtype=object) for c in cols})
    kind = kinds(posts, infer_retweets=infer_retweets)
    child = posts.assign(kind=kind.to_numpy())[posts["parent_id"].notna().to_numpy(bool)]
    counts = child.groupby(["parent_id", "kind"], observed=True).size().unstack(fill_value=0)
    for k in ("repost", "quote", "reply"):
        if k not in counts.columns:
            counts[k] = 0
    out = pd.DataFrame(
        {
            "post_id": counts.index.astype(str),
            "reposts": counts["repost"].to_numpy(),
            "quotes": counts["quote"].to_numpy(),
            "replies": counts["reply"].to_numpy(),
        }
    )
    out["size"] = out["reposts"] + out["quotes"]
    roots = posts[["post_id", _TIME, "author_handle", "text"]].astype({"post_id": str}).drop_duplicates("post_id")
    out = out.merge(roots, on="post_id", how="left")
    spread = child[child["kind"].isin(["repost", "quote"])].sort_values(_TIME, kind="stable")
    half = {}
    for pid, g in spread.groupby("parent_id", sort=False):
        i = max(int(math.ceil(len(g) / 2)) - 1, 0)
        half[str(pid)] = g[_TIME].iloc[i]
    t_half = out["post_id"].map(half)
    out["hours_to_half"] = [
        (_hours(h - t) if pd.notna(h) and pd.notna(t) else np.nan) for h, t in zip(t_half, out[_TIME])
    ]
    out = out.sort_values(["size", "replies"], ascending=False, kind="stable").reset_index(drop=True)
    out = out[cols]
    return out.head(n) if n is not None else out


# ------------------------------------------------------------------------------------------ spreaders

_MEDIA = re.compile(
    r"news|times|tv\b|radio|press|presse|journal|zeitung|hebdo|wire|post\b|daily|tribune|"
    r"gazette|reuters|afp|bbc|cnn|magazin|rundschau|nachrichten|actu|info",
    re.IGNORECASE,
)
_OFFICIAL = re.compile(
    r"police|polizei|gov|gouv|ministry|minist|council|mairie|city of|ville de|stadt|"
    r"fire ?dep|feuerwehr|pompiers|red ?cross|croix|rotes ?kreuz|mayor|maire|official|"
    r"emergency|\bfema\b|\bnws\b|civil protection|prefecture|préfecture",
    re.IGNORECASE,
)
_FIRST_PERSON = re.compile(r"\b(?:i|i'm|my|me|we|our|je|j'|mon|ma|mes|nous|ich|mein|meine|wir|mir)\b", re.IGNORECASE)
_ROLE_MAP = {
    "brand": "brand",
    "employee": "brand",
    "media": "media",
    "government": "official",
    "official": "official",
    "ngos": "official",
    "ngo": "official",
    "eyewitness": "eyewitness",
    "outsiders": "public",
    "public": "public",
    "business": "public",
    "competitor": "public",
}


def _authors(posts: pd.DataFrame) -> pd.Series:
    """The author of each post: its handle (or author id); ``post:<id>`` when the export names no author
    (e.g. CrisisLex), so a post's own label still counts once."""
    handle = pd.Series(pd.NA, index=posts.index, dtype="string")
    for col in ("author_handle", "author_id"):
        if col in posts.columns:
            handle = handle.fillna(posts[col].astype("string"))
    return handle.fillna("post:" + posts["post_id"].astype("string"))


_RT_HANDLE = re.compile(r"^\s*RT\s+@(\w+)", re.IGNORECASE)


def account_types(
    posts: pd.DataFrame, *, brand_handles=None, influencer_followers: int = 10_000, label: str | None = None
) -> pd.DataFrame:
    """What kind of account each author is, by simple signals, in this order:

    1. ``brand``: a handle in ``brand_handles`` (or ``actor_role`` brand/employee);
    2. a role label when the data has one (``actor_role``, or ``label``, e.g. CrisisLex's
       ``x_information_source``: Media, Government, NGOs -> official, Eyewitness, Outsiders -> public);
    3. ``media`` / ``official``: keywords in the handle or name (news, times, radio, zeitung... /
       police, gov, mairie, feuerwehr, red cross...);
    4. ``influencer``: at least ``influencer_followers`` followers;
    5. ``eyewitness``: most of the author's posts are original, first-person posts (I, je, ich...);
    6. ``public`` otherwise.

    Returns
    -------
    DataFrame
        ``author_handle, account_type, signal`` (which rule decided), one row per author.
    """
    frame = pd.DataFrame({"author_handle": _authors(posts)})
    frame["name"] = posts["author_name"].astype("string").fillna("") if "author_name" in posts.columns else ""
    frame["followers"] = (
        pd.to_numeric(posts["author_followers"], errors="coerce") if "author_followers" in posts.columns else np.nan
    )
    # an explicit label (``label``, e.g. CrisisLex's information source) is trusted as it is; the
    # ``actor_role`` of exports is coarser ("public" for everyone else) and lets the signals below refine it
    frame["role"] = (
        posts["actor_role"].astype("string").str.lower().map(_ROLE_MAP).to_numpy()
        if "actor_role" in posts.columns
        else pd.NA
    )
    frame["label"] = (
        posts[label].astype("string").str.lower().map(_ROLE_MAP).to_numpy()
        if label and label in posts.columns
        else pd.NA
    )
    kind = kinds(posts)
    text = posts["text"].astype("string").fillna("") if "text" in posts.columns else pd.Series("", index=posts.index)
    frame["first_person"] = (kind == "original").to_numpy(bool) & text.str.contains(_FIRST_PERSON).fillna(
        False
    ).to_numpy(bool)
    frame["brand"] = _is_brand(posts, brand_handles)
    g = frame.groupby("author_handle", sort=True)
    agg = pd.DataFrame(
        {
            "name": g["name"].first(),
            "followers": g["followers"].max(),
            "role": g["role"].agg(lambda s: s.dropna().mode().iloc[0] if s.notna().any() else pd.NA),
            "label": g["label"].agg(lambda s: s.dropna().mode().iloc[0] if s.notna().any() else pd.NA),
            "first_person": g["first_person"].mean(),
            "brand": g["brand"].any(),
        }
    )
    types, signals_ = [], []
    for h, r in agg.iterrows():
        words = f"{h} {r['name']}"
        role = r["role"] if isinstance(r["role"], str) else None
        r = r.copy()
        r["role"] = role
        if r["brand"] or role == "brand":
            t, s = "brand", "brand handle" if r["brand"] else "label"
        elif isinstance(r["label"], str):
            t, s = r["label"], "label"
        elif isinstance(r["role"], str) and r["role"] != "public":
            t, s = r["role"], "label"
        elif _MEDIA.search(words):
            t, s = "media", "handle or name"
        elif _OFFICIAL.search(words):
            t, s = "official", "handle or name"
        elif pd.notna(r["followers"]) and r["followers"] >= influencer_followers:
            t, s = "influencer", f"followers >= {influencer_followers:,}"
        elif r["first_person"] > 0.5:
            t, s = "eyewitness", "first-person original posts"
        elif isinstance(r["role"], str):
            t, s = r["role"], "label"
        else:
            t, s = "public", "default"
        types.append(t)
        signals_.append(s)
    return pd.DataFrame({"author_handle": agg.index.astype(str), "account_type": types, "signal": signals_})


def spreaders(
    posts: pd.DataFrame,
    *,
    brand_handles=None,
    n: int = 10,
    label: str | None = None,
    influencer_followers: int = 10_000,
) -> pd.DataFrame:
    """Who spread the crisis: authors ranked by the reposts and quotes their posts received in ``posts``
    (via ``parent_id``, or the ``RT @handle`` of old-style retweets without one), then by their own posts,
    with their account type (:func:`account_types`). Posts without an author count as their own author.

    Returns
    -------
    DataFrame
        ``author_handle, account_type, signal, followers, posts, reposts_made, amplification_received,
        first_post, top_post`` (their most amplified post with a text, then the most engaged); ``n`` rows.
    """
    cols = [
        "author_handle",
        "account_type",
        "signal",
        "followers",
        "posts",
        "reposts_made",
        "amplification_received",
        "first_post",
        "top_post",
    ]
    if posts.empty:
        return pd.DataFrame({c: pd.Series(dtype=object) for c in cols})
    handle = _authors(posts)
    kind = kinds(posts)
    frame = pd.DataFrame(
        {
            "author_handle": handle.to_numpy(),
            "post_id": posts["post_id"].astype(str).to_numpy(),
            "kind": kind.to_numpy(),
            _TIME: posts[_TIME].to_numpy(),
            "followers": pd.to_numeric(posts["author_followers"], errors="coerce").to_numpy()
            if "author_followers" in posts.columns
            else np.nan,
        }
    )
    spreading = kind.isin(["repost", "quote"]).to_numpy(bool)
    parent = (
        posts["parent_id"].astype("string")
        if "parent_id" in posts.columns
        else pd.Series(pd.NA, index=posts.index, dtype="string")
    )
    received = parent[spreading].dropna().astype(str).value_counts()
    frame["received"] = frame["post_id"].map(received).fillna(0).astype("int64")
    g = frame.groupby("author_handle")
    out = pd.DataFrame(
        {
            "followers": g["followers"].max(),
            "posts": g.size(),
            "reposts_made": g["kind"].agg(lambda s: int((s == "repost").sum())),
            "amplification_received": g["received"].sum(),
            "first_post": g[_TIME].min(),
        }
    )
    # old-style retweets without a parent link name the retweeted account in the text: "RT @handle: ..."
    if "text" in posts.columns:
        unlinked = spreading & parent.isna().to_numpy(bool)
        named = posts.loc[unlinked, "text"].astype("string").str.extract(_RT_HANDLE)[0].dropna()
        if len(named):
            counts = named.value_counts()
            out = out.reindex(out.index.union(counts.index))
            out["posts"] = out["posts"].fillna(0).astype("int64")
            out["reposts_made"] = out["reposts_made"].fillna(0).astype("int64")
            out["amplification_received"] = (
                out["amplification_received"].fillna(0) + counts.reindex(out.index).fillna(0)
            ).astype("int64")
    out = out.rename_axis("author_handle").reset_index()
    if "text" in posts.columns:  # what each one said: their most amplified post, then most engaged
        frame["text"] = posts["text"].astype("string").to_numpy()
        frame["engaged"] = interactions(posts.reindex(columns=list(INTERACTIONS))).to_numpy()
        said = frame[frame["text"].fillna("").str.strip().str.len().gt(0).to_numpy(bool)]
        said = said.sort_values(["received", "engaged", _TIME], ascending=[False, False, True], kind="stable")
        out["top_post"] = out["author_handle"].map(said.groupby("author_handle")["text"].first())
    else:
        out["top_post"] = pd.NA
    types = account_types(posts, brand_handles=brand_handles, label=label, influencer_followers=influencer_followers)
    out = out.merge(types, on="author_handle", how="left")
    missing = out["account_type"].isna()
    if missing.any():  # named only in "RT @handle": handle keywords are all there is
        media = out["author_handle"].str.contains(_MEDIA).fillna(False)
        official = out["author_handle"].str.contains(_OFFICIAL).fillna(False)
        brand = out["author_handle"].str.lower().isin(_handles(brand_handles))
        out.loc[missing, "account_type"] = np.select(
            [brand[missing], media[missing], official[missing]], ["brand", "media", "official"], "public"
        )
        out.loc[missing, "signal"] = np.where(
            (brand | media | official)[missing], "handle (retweeted only)", "default (retweeted only)"
        )
    out = (
        out.sort_values(
            ["amplification_received", "posts", "author_handle"], ascending=[False, False, True], kind="stable"
        )
        .head(n)
        .reset_index(drop=True)
    )
    out["followers"] = out["followers"].astype("Int64")
    return out[cols]


def spreaders_by_type(
    posts: pd.DataFrame, *, brand_handles=None, label: str | None = None, influencer_followers: int = 10_000
) -> pd.DataFrame:
    """Posts and amplification received per account type (``account_type, authors, posts, share_of_posts,
    amplification_received, share_of_amplification``)."""
    everyone = spreaders(
        posts, brand_handles=brand_handles, n=len(posts) + 1, label=label, influencer_followers=influencer_followers
    )
    g = everyone.groupby("account_type")
    out = pd.DataFrame(
        {"authors": g.size(), "posts": g["posts"].sum(), "amplification_received": g["amplification_received"].sum()}
    ).reset_index()
    out["share_of_posts"] = out["posts"] / max(out["posts"].sum(), 1)
    amp = out["amplification_received"].sum()
    out["share_of_amplification"] = out["amplification_received"] / amp if amp else np.nan
    return out.sort_values("posts", ascending=False, kind="stable").reset_index(drop=True)[
        ["account_type", "authors", "posts", "share_of_posts", "amplification_received", "share_of_amplification"]
    ]


# -------------------------------------------------------------------------------------- message types

# Built-in seed examples, written for the kit (not taken from any data set): a few per type and
# language, about brand incidents and about disasters, so the few-shot classifier works with no
# labelled data. A team with its own labelled posts passes them instead (message_types(examples=...)).
_SEED = {
    "warnings and advice": [
        ("en", "Warning: check your bank statement today and contact your bank if you see a duplicate payment."),
        ("en", "Avoid the area around the station, roads are closed. Follow the official instructions."),
        ("en", "Tip: do not click on links in messages claiming to refund you, it is a scam."),
        ("en", "Evacuation order for the north side of town, leave now and take the main road south."),
        ("fr", "Attention : vérifiez vos relevés bancaires et faites opposition en cas de double paiement."),
        ("fr", "Conseil : évitez le secteur, les routes sont coupées. Suivez les consignes des autorités."),
        ("fr", "Ne répondez pas aux SMS qui promettent un remboursement, c'est une arnaque."),
        ("de", "Achtung: Prüft eure Kontoauszüge und lasst doppelte Abbuchungen sofort zurückbuchen."),
        ("de", "Bitte meidet den Bereich um den Bahnhof, die Straßen sind gesperrt. Folgt den Anweisungen."),
        ("de", "Warnung: Keine Links in Nachrichten anklicken, die eine Erstattung versprechen. Betrug!"),
    ],
    "damage and affected people": [
        ("en", "Hundreds of customers were charged twice and some are now overdrawn before rent day."),
        ("en", "Two people injured and several houses destroyed, the bridge has collapsed."),
        ("en", "Power is out in the whole neighbourhood and the water supply is cut."),
        ("en", "My account was debited three times, I have no money left for groceries this week."),
        ("fr", "Des milliers de clients ont été prélevés deux fois, certains sont à découvert."),
        ("fr", "Plusieurs maisons détruites et des blessés, l'électricité est coupée dans tout le quartier."),
        ("fr", "On m'a débité trois fois le même billet, mon compte est dans le rouge."),
        ("de", "Tausende Kunden wurden doppelt belastet, manche haben jetzt ihr Konto überzogen."),
        ("de", "Mehrere Häuser zerstört, Verletzte, im ganzen Viertel gibt es keinen Strom."),
        ("de", "Mir wurde dreimal dasselbe Ticket abgebucht, mein Konto ist im Minus."),
    ],
    "sympathy and support": [
        ("en", "Thoughts and prayers with everyone affected tonight. Stay safe."),
        ("en", "Sending love to all the families, we stand with you."),
        ("en", "Courage to the support staff working all night to fix this, not their fault."),
        ("fr", "Toutes nos pensées vont aux victimes et à leurs proches. Courage à tous."),
        ("fr", "Soutien total aux équipes qui travaillent toute la nuit, ce n'est pas leur faute."),
        ("fr", "Je pense fort à tous les habitants touchés, prenez soin de vous."),
        ("de", "Unsere Gedanken sind bei allen Betroffenen und ihren Familien. Passt auf euch auf."),
        ("de", "Viel Kraft an alle, die heute Nacht helfen. Wir stehen hinter euch."),
        ("de", "Mitgefühl für alle Opfer, das ist furchtbar."),
    ],
    "donations and help": [
        ("en", "Donate to the Red Cross appeal to help the victims, every euro counts."),
        ("en", "We are collecting blankets and water at the town hall, volunteers welcome."),
        ("en", "If you were charged twice and need help, the consumer association offers free advice."),
        ("en", "Offering a free room to anyone evacuated tonight, message me."),
        ("fr", "Faites un don pour aider les sinistrés, la collecte est ouverte à la mairie."),
        ("fr", "Besoin de bénévoles pour distribuer de l'eau et des couvertures ce soir."),
        ("fr", "Je peux héberger une famille évacuée, contactez-moi."),
        ("de", "Spendet für die Betroffenen, das Rote Kreuz sammelt Geld und Decken."),
        ("de", "Wir suchen Freiwillige für die Essensausgabe heute Abend, bitte melden."),
        ("de", "Biete kostenlose Unterkunft für evakuierte Familien, schreibt mir."),
    ],
    "criticism": [
        ("en", "This is unacceptable. Nobody answers and they keep my money. Shameful company."),
        ("en", "The authorities were warned for months and did nothing. Someone must be held responsible."),
        ("en", "Worst customer service ever, I am switching to a competitor."),
        ("fr", "Inadmissible ! Personne ne répond et ils gardent notre argent. Honteux."),
        ("fr", "Encore un fiasco, la direction doit rendre des comptes. Je résilie."),
        ("fr", "Les autorités savaient et n'ont rien fait, c'est scandaleux."),
        ("de", "Unverschämt! Keiner antwortet und die behalten einfach unser Geld."),
        ("de", "Totales Versagen der Verantwortlichen, das war absehbar. Ich kündige."),
        ("de", "Schlechtester Kundenservice überhaupt, eine Schande."),
    ],
    "questions": [
        ("en", "Has anyone else been charged twice? How do I get my money back?"),
        ("en", "Is the road to the airport open? Does anyone know if trains are running?"),
        ("en", "When will the refund arrive? Who should I contact?"),
        ("fr", "Quelqu'un d'autre a été prélevé deux fois ? Comment se faire rembourser ?"),
        ("fr", "Est-ce que la route est rouverte ? Vous savez si les trains circulent ?"),
        ("fr", "Quand est-ce que le remboursement arrive ? Qui faut-il contacter ?"),
        ("de", "Wurde noch jemand doppelt abgebucht? Wie bekomme ich mein Geld zurück?"),
        ("de", "Ist die Straße wieder frei? Weiß jemand, ob die Züge fahren?"),
        ("de", "Wann kommt die Erstattung? An wen muss ich mich wenden?"),
    ],
    "other": [
        ("en", "Lovely sunset from the train window on the way home tonight."),
        ("en", "The new app update looks nice, the timetable is easier to read."),
        ("en", "Monthly pass prices go up in April according to the annual report."),
        ("en", "Happy birthday to my sister, see you at the station tomorrow!"),
        ("fr", "Super trajet ce matin, le wifi marchait enfin et le café était bon."),
        ("fr", "Nouvelle ligne directe vers Lyon à partir de juin, annonce la compagnie."),
        ("fr", "Quelqu'un regarde le match ce soir ?"),
        ("de", "Schöne Fahrt heute, pünktlich angekommen und der Kaffee war gut."),
        ("de", "Ab Juni gibt es eine neue Direktverbindung nach München."),
        ("de", "Wochenende! Endlich Zeit für einen Ausflug an den See."),
    ],
    "jokes": [
        ("en", "Paying for my ticket twice so I can travel twice as fast lol"),
        ("en", "New loyalty programme: buy one ticket, pay for two 😂"),
        ("en", "At least the meteor finally got people to look up from their phones haha"),
        ("fr", "Nouvelle offre : un billet acheté, deux payés 😂"),
        ("fr", "J'ai payé deux fois, j'espère au moins avoir deux sièges mdr"),
        ("fr", "Le seul truc qui marche vite chez eux, c'est le prélèvement 🤣"),
        ("de", "Neues Angebot: ein Ticket kaufen, zwei bezahlen 😂"),
        ("de", "Doppelt bezahlt, dann fahre ich wohl auch doppelt so schnell haha"),
        ("de", "Das Einzige, was bei denen pünktlich ist, ist die Abbuchung 🤣"),
    ],
}


def seed_examples() -> pd.DataFrame:
    """The built-in labelled examples of the message types (``text, label, lang``), in English, French
    and German, written for the kit; what the classifier learns from when a team has no labels."""
    rows = [(text, label, lang) for label, items in _SEED.items() for lang, text in items]
    return pd.DataFrame(rows, columns=["text", "label", "lang"])


def read_examples(path, *, text: str = "text", label: str = "label") -> pd.DataFrame:
    """A team's labelled examples from a CSV with a text and a label column (``text, label``)."""
    frame = pd.read_csv(Path(path), dtype=str, keep_default_na=False)
    missing = [c for c in (text, label) if c not in frame.columns]
    if missing:
        raise ValueError(
            f"{path}: no column {missing[0]!r} (columns: {', '.join(frame.columns)}); the examples "
            f"file needs a {text!r} and a {label!r} column"
        )
    frame = frame[[text, label]].rename(columns={text: "text", label: "label"})
    frame = frame[(frame["text"].str.strip() != "") & (frame["label"].str.strip() != "")]
    if frame["label"].nunique() < 2:
        raise ValueError(f"{path}: the examples need at least two labels")
    return frame.reset_index(drop=True)


def message_types(
    posts: pd.DataFrame,
    *,
    examples=None,
    labels=None,
    embedder="use",
    min_confidence: float | None = None,
    other: str = "other",
    C: float = 1.0,
    column: str = "text",
) -> pd.DataFrame:
    """Message type of each post from a few-shot classifier (``kit.tl.classify``) on sentence embeddings.

    Parameters
    ----------
    examples : DataFrame, str, Path or None
        Labelled examples (``text, label``) or the path of a CSV holding them; ``None``: the built-in
        :func:`seed_examples` (the :data:`MESSAGE_TYPES`).
    labels
        The message types to look for: only the examples with these labels are used (default all).
    min_confidence
        Posts whose top probability is below this get the label ``other``.

    Returns
    -------
    DataFrame
        A copy of ``posts`` with ``message_type`` and ``message_confidence``.
    """
    from . import classify

    if examples is None:
        ex = seed_examples()
    elif isinstance(examples, (str, Path)):
        ex = read_examples(examples)
    else:
        ex = examples
    if labels is not None:
        unknown = sorted(set(labels) - set(ex["label"].astype(str)))
        if unknown:
            raise ValueError(
                f"no examples for the message types {unknown}; the examples have {sorted(set(ex['label'].astype(str)))}"
            )
        ex = ex[ex["label"].astype(str).isin(list(labels))]
    model = classify.fit(ex["text"].astype(str).tolist(), ex["label"].astype(str).tolist(), embedder=embedder, C=C)
    pred = classify.predict(posts, model, column=column)
    out = posts.copy()
    label = pred["label"].astype("string")
    conf = pred["confidence"].astype(float)
    if min_confidence is not None:
        label = label.where(conf.to_numpy() >= min_confidence, other)
    out["message_type"] = label.to_numpy()
    out["message_type"] = out["message_type"].astype("string")
    out["message_confidence"] = conf.to_numpy()
    return out


def topics_by_phase(
    posts: pd.DataFrame, *, seed: int = 0, embedder="use", min_posts: int = 50, phase: str = "phase"
) -> tuple[pd.DataFrame, pd.DataFrame]:
    """Topics of ``posts`` (:func:`kit.tl.topics.fit` on :func:`kit.tl.embed.embed`, seeded) and how the
    posts of each phase spread over them (:func:`kit.tl.topics.by_group`).

    Returns
    -------
    info, by_phase : DataFrame, DataFrame
        The topics (``topic, label, size, share, words``) and ``topic, label, phase, posts,
        share_of_group, share_of_topic``. With fewer than ``min_posts`` posts (or when the clustering
        finds no topic in them): a one-row ``note`` saying so, and an empty frame.
    """
    empty = pd.DataFrame(columns=["topic", "label", phase, "posts", "share_of_group", "share_of_topic"])
    if len(posts) < min_posts:
        note = pd.DataFrame(
            {
                "note": [
                    f"{len(posts)} posts with a text in the crisis window: too few for topics (at least {min_posts})."
                ]
            }
        )
        return note, empty
    from . import topics
    from .embed import embed

    vectors = embed(posts, embedder=embedder, progress=False)
    try:
        model = topics.fit(posts, vectors, seed=seed)
    except ValueError as exc:  # e.g. every post an outlier: no topic to show
        return pd.DataFrame(
            {"note": [f"No topics found in the {len(posts)} posts of the crisis window ({exc})."]}
        ), empty
    return model.info, topics.by_group(posts, model, by=phase)


# ------------------------------------------------------------------------------------ key moments


def key_moments(
    posts: pd.DataFrame,
    timeline,
    *,
    brand_handles=None,
    top_cascades=None,
    n_cascades: int = 3,
    statement=None,
    label: str | None = None,
) -> pd.DataFrame:
    """The moments to annotate on the timeline: onset, peak, return to baseline, the first post at or
    after the onset, the first post by a media account, the most engaged post of the crisis window
    (onset to return to baseline, or all posts without an onset), the origins of the largest cascades
    and the brand's first statement.

    Parameters
    ----------
    posts
        The crisis posts (e.g. the posts matching the terms, or :func:`during`).
    top_cascades
        :func:`cascades` result; its first ``n_cascades`` origins are marked.
    statement
        :func:`first_statement` result: the brand's first statement is marked.

    Returns
    -------
    DataFrame
        ``moment, time, who, text`` sorted by time (``who`` and ``text`` NA for the timeline's own points).
    """
    r = _row(timeline)
    onset = _ts(r.get("onset"))
    rows = []
    for name, key in (("onset", "onset"), ("peak", "peak"), ("back to baseline", "back_to_baseline")):
        if _ts(r.get(key)) is not None:
            rows.append((name, _ts(r.get(key)), pd.NA, pd.NA))
    if onset is not None and len(posts):
        after = posts[(posts[_TIME] >= onset).to_numpy(bool)].sort_values(_TIME, kind="stable")
        if "text" in after.columns:
            after = with_text(after)  # id-only rows say nothing about what happened
        handle = "author_handle" if "author_handle" in after.columns else "author_id"
        if len(after):
            f = after.iloc[0]
            rows.append(("first post after the onset", f[_TIME], f[handle], f.get("text", pd.NA)))
            types = account_types(after, brand_handles=brand_handles, label=label)
            media = set(types.loc[types["account_type"] == "media", "author_handle"])
            m = after[after[handle].astype("string").isin(media).fillna(False).to_numpy(bool)]
            if len(m):
                f = m.iloc[0]
                rows.append(("first media post", f[_TIME], f[handle], f.get("text", pd.NA)))
    window = posts
    if onset is not None:
        back = _ts(r.get("back_to_baseline"))
        t = posts[_TIME]
        window = posts[((t >= onset) & (t < back) if back is not None else (t >= onset)).to_numpy(bool)]
    if "text" in window.columns and len(window) and set(INTERACTIONS) & set(window.columns):
        window = with_text(window)
        counts = interactions(window.reindex(columns=list(INTERACTIONS)))
        if len(counts) and counts.max() > 0:
            handle = "author_handle" if "author_handle" in window.columns else "author_id"
            f = window.loc[counts.idxmax()]
            rows.append(
                (f"most engaged post ({int(counts.max()):,} interactions)", f[_TIME], f.get(handle, pd.NA), f["text"])
            )
    if statement is not None and len(statement):
        st = _row(statement)
        if _ts(st.get("first_statement")) is not None:
            rows.append(
                (
                    "brand's first statement",
                    _ts(st["first_statement"]),
                    ", ".join(sorted(_handles(brand_handles))) or pd.NA,
                    st.get("statement_text"),
                )
            )
    if top_cascades is not None and len(top_cascades):
        for i, c in top_cascades.head(n_cascades).reset_index(drop=True).iterrows():
            if pd.notna(c[_TIME]):
                rows.append(
                    (
                        f"cascade #{i + 1} starts ({int(c['size'])} reposts and quotes)",
                        c[_TIME],
                        c["author_handle"],
                        c["text"],
                    )
                )
    out = pd.DataFrame(rows, columns=["moment", "time", "who", "text"])
    out["time"] = pd.to_datetime(out["time"], utc=True)
    return out.sort_values("time", kind="stable").reset_index(drop=True)


# ----------------------------------------------------------------------------------- brand response


def first_statement(posts: pd.DataFrame, timeline, *, brand_handles, terms=None) -> pd.DataFrame:
    """The brand's first statement after the onset and its first reply to someone.

    Parameters
    ----------
    timeline
        The one-row :func:`kit.tl.signals.surge` result (its ``onset``).
    brand_handles
        The brand's own handles.
    terms
        When given, only brand posts containing one of them count as a statement.

    Returns
    -------
    DataFrame
        One row: ``onset, first_statement, hours_to_statement, statement_post_id, statement_text,
        first_reply, hours_to_reply, definition`` (NaT/NaN when the brand said nothing).
    """
    onset = _ts(_row(timeline).get("onset"))
    own = posts.loc[_is_brand(posts, brand_handles)]
    kind = kinds(own, infer_retweets=False)
    if onset is not None:
        after = (own[_TIME] >= onset).to_numpy(bool)
        own, kind = own.loc[after], kind.loc[after]
    original = own.loc[(kind.isin(["original", "quote"])).to_numpy(bool)]
    if terms:
        pat = "|".join(re.escape(str(t)) for t in terms)
        original = original[
            original["text"].astype("string").str.contains(pat, case=False).fillna(False).to_numpy(bool)
        ]
    original = original.sort_values(_TIME, kind="stable")
    replies = own.loc[(kind == "reply").to_numpy(bool)].sort_values(_TIME, kind="stable")
    first = original.iloc[0] if len(original) else None
    reply = replies.iloc[0] if len(replies) else None
    row = dict(
        onset=onset,
        first_statement=first[_TIME] if first is not None else pd.NaT,
        hours_to_statement=_hours(first[_TIME] - onset) if (first is not None and onset is not None) else np.nan,
        statement_post_id=str(first["post_id"]) if first is not None else None,
        statement_text=str(first["text"]) if first is not None else None,
        first_reply=reply[_TIME] if reply is not None else pd.NaT,
        hours_to_reply=_hours(reply[_TIME] - onset) if (reply is not None and onset is not None) else np.nan,
        definition=DEFINITIONS["first statement"] + (" containing one of the statement terms" if terms else ""),
    )
    out = pd.DataFrame([row])
    for c in ("onset", "first_statement", "first_reply"):
        out[c] = pd.to_datetime(out[c], utc=True)
    return out


def brand_posts(posts: pd.DataFrame, timeline, *, brand_handles, n: int | None = 20) -> pd.DataFrame:
    """The brand's own original posts from the onset on (replies left out), with what each earned.

    Returns
    -------
    DataFrame
        ``created_at, phase, text, likes, shares, comments, interactions, reposts_seen`` (reposts and
        quotes of it found in the data), first ``n`` in time.
    """
    onset = _ts(_row(timeline).get("onset"))
    own = posts.loc[_is_brand(posts, brand_handles)]
    kind = kinds(own, infer_retweets=False)
    own = own.loc[kind.isin(["original", "quote"]).to_numpy(bool)]
    if onset is not None:
        own = own[(own[_TIME] >= onset).to_numpy(bool)]
    own = phases(own, timeline).sort_values(_TIME, kind="stable")
    out = pd.DataFrame(
        {
            _TIME: own[_TIME].to_numpy(),
            "post_id": own["post_id"].astype(str).to_numpy(),
            "phase": own["phase"].astype(str).to_numpy(),
            "text": own["text"].astype("string").to_numpy(),
        }
    )
    for c in ("likes", "shares", "comments"):
        out[c] = pd.to_numeric(own[c], errors="coerce").fillna(0).astype("int64").to_numpy() if c in own.columns else 0
    out["interactions"] = out["likes"] + out["shares"] + out["comments"]
    if "parent_id" in posts.columns:
        k = kinds(posts)
        seen = posts.loc[k.isin(["repost", "quote"]).to_numpy(bool), "parent_id"].dropna().astype(str).value_counts()
        out["reposts_seen"] = out["post_id"].map(seen).fillna(0).astype("int64")
    else:
        out["reposts_seen"] = 0
    out = out.drop(columns="post_id")
    return out.head(n) if n is not None else out


def response_periods(
    posts: pd.DataFrame,
    timeline,
    *,
    brand_handles,
    brand: str | None = None,
    intents=("complaint", "question"),
    intent_column: str | None = None,
    before_days: float = 14,
) -> pd.DataFrame:
    """Response rate and time to people who asked or complained, before the crisis vs during it, from
    :func:`kit.tl.care.cases` and :func:`kit.tl.care.summary` (one implementation with monitoring).

    Cases opened in the ``before_days`` days before the onset are "before"; from the onset to the return
    to baseline (or the end of the data) "during"; later ones "after".

    Parameters
    ----------
    brand_handles, brand
        The brand's handles (its replies are the responses) and its ``actor`` value (posts tagged with
        it are candidate cases; without it only replies to the brand's posts are).
    intents, intent_column
        Which posts are cases: those whose intent is one of ``intents``. The intent is read from
        ``intent_column`` when given, else detected by :func:`kit.tl.intent.detect` (cue rules and
        lexicon sentiment).

    Returns
    -------
    DataFrame
        :func:`kit.tl.care.summary` by ``period`` (before / during / after): ``period, cases, responded,
        response_rate, rate_low, rate_high, median_hours, ..., p90_hours, ...``.
    """
    from . import care

    r = _row(timeline)
    onset, back = _ts(r.get("onset")), _ts(r.get("back_to_baseline"))
    frame = posts
    if intents is not None and intent_column is None:
        from . import intent

        frame = posts.assign(_intent=intent.detect(posts)["intent"].to_numpy())
        intent_column = "_intent"
    cases = care.cases(
        frame,
        brand_handles=sorted(_handles(brand_handles)),
        brand=brand,
        intents=list(intents) if intents is not None else None,
        intent_column=intent_column,
    )
    if onset is None:
        out = care.summary(cases.assign(period="whole window"), by="period")
        if out.empty:  # no case at all
            out = care.summary(cases.iloc[0:0]).assign(period="whole window")
        return out[["period"] + [c for c in out.columns if c != "period"]]
    t = pd.to_datetime(cases[_TIME], utc=True)
    during = (t < back).to_numpy(bool) if back is not None else np.ones(len(t), dtype=bool)
    period = np.where((t < onset).to_numpy(bool), "before", np.where(during, "during", "after"))
    keep = ~((period == "before") & (t < onset - pd.Timedelta(days=before_days)).to_numpy(bool))
    cases = cases.assign(period=period).loc[keep]
    out = care.summary(cases, by="period")
    empty = care.summary(cases.iloc[0:0])  # one row with 0 cases: what a period without cases reads as
    missing = [p for p in ("before", "during") if p not in set(out["period"])]
    if missing:
        out = pd.concat([out] + [empty.assign(period=p) for p in missing], ignore_index=True)
    order = {"before": 0, "during": 1, "after": 2}
    out = out[["period"] + [c for c in out.columns if c != "period"]]
    return out.sort_values("period", key=lambda s: s.map(order), kind="stable").reset_index(drop=True)


# -------------------------------------------------------------------------------------------- lessons


def _fmt_hours(h: float) -> str:
    if h is None or not np.isfinite(h):
        return "unknown"
    if h < 1:
        return f"{h * 60:.0f} minutes"
    if h < 48:
        return f"{h:.1f} hours"
    return f"{h / 24:.1f} days"


def lessons(
    timeline,
    *,
    repost=None,
    statement=None,
    top_cascades=None,
    top_spreaders=None,
    negative=None,
    response=None,
    types=None,
    topics=None,
) -> pd.DataFrame:
    """A short summary in words of the figures that matter for the post-mortem meeting.

    Every argument is the result of the matching function (``repost``: :func:`repost_share`,
    ``statement``: :func:`first_statement`, ``top_cascades``: :func:`cascades`, ``top_spreaders``:
    :func:`spreaders`, ``negative``: :func:`negative_by_phase`, ``response``: :func:`response_periods`,
    ``types``: :func:`by_phase` on ``message_type``); those not given are skipped, and a figure that
    could not be computed from the data is said to be missing, not guessed.

    Parameters
    ----------
    topics
        Keep only these topics of the summary (``timeline``, ``recovery``, ``response``, ``care``,
        ``amplification``, ``cascades``, ``spreaders``, ``sentiment``, ``messages``): a section of the
        report can show its own sentences.

    Returns
    -------
    DataFrame
        ``topic, lesson``: one sentence each.
    """
    r = _row(timeline)
    rows = []
    onset, peak = _ts(r.get("onset")), _ts(r.get("peak"))
    if onset is None:
        rows.append(
            (
                "timeline",
                "No surge stood out from the baseline in this window: there is no onset, peak or recovery to report.",
            )
        )
    else:
        base = r.get("baseline")
        rise = _hours(peak - onset) if peak is not None else np.nan
        src = " (the known start given as a parameter)" if str(r.get("onset_source", "")).startswith("known") else ""
        base_txt = f", from a baseline of {base:.1f} posts per period" if base is not None and pd.notna(base) else ""
        rows.append(
            (
                "timeline",
                f"The crisis started on {onset:%A %d %B %Y %H:%M} UTC{src}{base_txt}, and peaked "
                f"{_fmt_hours(rise)} later ({peak:%d %B %H:%M} UTC, "
                f"{r.get('peak_value', float('nan')):.0f} posts in the period).",
            )
        )
        half = _hours(r.get("half_life"))
        back = _ts(r.get("back_to_baseline"))
        if back is not None:
            rows.append(
                (
                    "recovery",
                    f"After the peak the excess over the baseline halved in {_fmt_hours(half)} "
                    f"(half-life) and volume was back to baseline {_fmt_hours(_hours(back - onset))} "
                    f"after the onset ({back:%d %B %H:%M} UTC).",
                )
            )
        else:
            rows.append(
                (
                    "recovery",
                    f"After the peak the excess over the baseline halved in {_fmt_hours(half)} "
                    "(half-life), but volume had not returned to baseline by the end of the data.",
                )
            )
    if statement is not None:
        s = _row(statement) if len(statement) else {}
        if pd.notna(s.get("hours_to_statement", np.nan)):
            txt = (
                f"The brand's first statement came {_fmt_hours(s['hours_to_statement'])} after the onset "
                f"({_ts(s['first_statement']):%d %B %H:%M} UTC)"
            )
            if peak is not None and onset is not None:
                rel = _hours(_ts(s["first_statement"]) - peak)
                txt += f", {_fmt_hours(abs(rel))} {'after' if rel >= 0 else 'before'} the peak"
            if pd.notna(s.get("hours_to_reply", np.nan)):
                txt += f"; its first reply to someone came {_fmt_hours(s['hours_to_reply'])} after the onset"
            rows.append(("response", txt + "."))
        elif onset is None:
            rows.append(("response", "Without an onset there is no time to first statement to measure."))
        else:
            rows.append(
                (
                    "response",
                    "The brand's accounts published no statement after the onset in this data "
                    "(check the brand_accounts parameter if this is unexpected).",
                )
            )
    if response is not None:
        rr = response.set_index("period") if len(response) and "period" in response.columns else pd.DataFrame()
        if {"before", "during"} <= set(rr.index) and rr.loc[["before", "during"], "cases"].min() > 0:
            if rr.loc[["before", "during"], "responded"].sum() == 0:
                rows.append(
                    (
                        "care",
                        f"{int(rr.loc['before', 'cases']):,} questions or complaints before the crisis "
                        f"and {int(rr.loc['during', 'cases']):,} during it got no reply from the brand's "
                        "accounts in this data.",
                    )
                )
            else:
                rows.append(
                    (
                        "care",
                        f"The brand answered {rr.loc['before', 'response_rate']:.0%} of "
                        f"{int(rr.loc['before', 'cases']):,} questions and complaints before the crisis "
                        f"(median {_fmt_hours(rr.loc['before', 'median_hours'])}) and "
                        f"{rr.loc['during', 'response_rate']:.0%} of {int(rr.loc['during', 'cases']):,} "
                        f"during it (median {_fmt_hours(rr.loc['during', 'median_hours'])}); the "
                        "intervals in the table say whether the difference is more than noise.",
                    )
                )
        else:
            rows.append(
                (
                    "care",
                    "There are not enough questions or complaints addressed to the brand both before "
                    "and during the crisis to compare how it answered.",
                )
            )
    if repost is not None and len(repost):
        p = _row(repost)
        if p.get("posts"):
            rows.append(
                (
                    "amplification",
                    f"{p['share']:.0%} of posts were reposts (95 % interval {p['low']:.0%} "
                    f"to {p['high']:.0%}; {p['reposts']:,} of {p['posts']:,}: "
                    f"{p['definition']}).",
                )
            )
        else:
            rows.append(("amplification", "No posts in the window after the onset: no repost share."))
    if top_cascades is not None:
        if len(top_cascades):
            c = top_cascades.iloc[0]
            who = f"@{c['author_handle']}" if pd.notna(c.get("author_handle")) else "a post not in the data"
            rows.append(
                (
                    "cascades",
                    f"The largest cascade started from {who} and reached {int(c['size']):,} "
                    f"reposts and quotes; the {min(len(top_cascades), 5)} largest reached "
                    f"{int(top_cascades['size'].head(5).sum()):,} together.",
                )
            )
        else:
            rows.append(
                (
                    "cascades",
                    "The data does not link reposts, quotes or replies to their original post "
                    "(no parent_id), so cascades cannot be measured.",
                )
            )
    if top_spreaders is not None and len(top_spreaders):
        top = top_spreaders.head(5)
        kinds_ = top["account_type"].value_counts()
        if top["amplification_received"].sum() > 0:
            rows.append(
                (
                    "spreaders",
                    "Top spreaders by reposts and quotes received: "
                    + ", ".join(f"@{h} ({t})" for h, t in zip(top["author_handle"], top["account_type"]))
                    + f"; {', '.join(f'{v} {k}' for k, v in kinds_.items())} among the top {len(top)}.",
                )
            )
        else:
            rows.append(
                (
                    "spreaders",
                    "No repost links in the data: spreaders are ranked by the number of posts "
                    "they wrote, which says who was loud, not who was amplified.",
                )
            )
    if negative is not None and len(negative):
        ng = negative.set_index("phase")
        parts = [f"{ng.loc[p, 'share']:.0%} {p}" for p in PHASES if p in ng.index]
        rows.append(("sentiment", "Share of negative posts by phase: " + ", ".join(parts) + "."))
    if types is not None and len(types):
        peak_types = types[types["phase"].isin(["rise", "peak"])]
        if len(peak_types):
            top = peak_types.groupby("message_type")["posts"].sum().sort_values(ascending=False)
            share = top / top.sum()
            rows.append(
                (
                    "messages",
                    "During the rise and the peak people mostly posted "
                    + ", ".join(f"{k} ({v:.0%})" for k, v in share.head(3).items())
                    + " (few-shot classifier: read its accuracy "
                    "caveats).",
                )
            )
    out = pd.DataFrame(rows, columns=["topic", "lesson"])
    if topics is not None:
        out = out[out["topic"].isin(list(topics))].reset_index(drop=True)
    return out
