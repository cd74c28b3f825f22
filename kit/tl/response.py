"""The brand's response to a crisis: its first statement and first reply after the onset, its own posts
and what they earned, and how it answered questions and complaints before vs during the crisis.

>>> import pandas as pd
>>> t0 = pd.Timestamp("2026-03-09", tz="UTC")
>>> posts = pd.DataFrame({"post_id": ["s"], "created_at": [t0 + pd.Timedelta(hours=16)], "author_handle": ["Brand"],
...                       "text": ["Statement: refunds coming"], "kind": ["original"]})
>>> timeline = pd.DataFrame([dict(onset=t0 + pd.Timedelta(hours=10))])
>>> float(first_statement(posts, timeline, brand_handles=["@brand"])["hours_to_statement"].iloc[0])
6.0
"""

from __future__ import annotations

import re

import numpy as np
import pandas as pd

from ._crisis import _TIME, DEFINITIONS, _handles, _hours, _is_brand, _row, _ts
from .kinds import kinds
from .timeline import phases

__all__ = ["first_statement", "brand_posts", "response_periods"]


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

    Parameters
    ----------
    posts : DataFrame
    timeline : DataFrame, Series or dict
        The one-row surge result (its ``onset``; phases from :func:`kit.tl.timeline.phases`).
    brand_handles : list of str
        The brand's own handles.
    n : int or None
        How many posts to keep (``None``: all).

    Returns
    -------
    DataFrame
        ``created_at, phase, text, likes, shares, comments, interactions, reposts_seen`` (reposts and
        quotes of it found in the data), first ``n`` in time.

    Examples
    --------
    >>> import pandas as pd
    >>> t0 = pd.Timestamp("2026-03-09", tz="UTC")
    >>> posts = pd.DataFrame({"post_id": ["s", "r"], "created_at": [t0 + pd.Timedelta(hours=16)] * 2,
    ...                       "author_handle": ["brand", "u1"], "text": ["Refunds coming", ""],
    ...                       "kind": ["original", "repost"], "parent_id": [None, "s"], "likes": [40, 0]})
    >>> brand_posts(posts, dict(onset=t0), brand_handles=["brand"])[["likes", "reposts_seen"]].values.tolist()
    [[40, 1]]
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

    Examples
    --------
    >>> import pandas as pd
    >>> posts = pd.DataFrame({"post_id": ["a"], "created_at": [pd.Timestamp("2026-03-09", tz="UTC")],
    ...                       "author_handle": ["u1"], "text": ["hello"], "kind": ["original"], "parent_id": [None],
    ...                       "actor": ["Brand"], "actor_role": ["public"]})
    >>> response_periods(posts, dict(onset=None), brand_handles=["brand"], intents=None)["period"].tolist()
    ['whole window']
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
