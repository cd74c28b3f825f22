"""The monitoring tables from partial aggregates computed on the cluster.

Each function takes a Dask frame of posts (every partition a pandas post table), computes on each
partition the small table of counts the statistic needs (per actor, period, label, or whole second of
response time), adds the partial tables up, and finishes them exactly as the ``kit.tl`` function of the
same name does on all posts: the same columns, the same Wilson intervals (:func:`kit._stats.wilson`),
the same zero-filled periods. Counts, shares and quantiles are therefore the pandas engine's exactly
(``tests/unit/test_cluster_aggregate.py`` checks each against ``kit.tl``); only the posts' partial
counts travel, never the posts.

Response times are merged as histograms of whole seconds, so their median and 90th percentile are
exact (``np.quantile``'s interpolation reads order statistics off the merged histogram); the bootstrap
intervals come from the same :func:`kit.tl.care.summary` on the case table rebuilt from those counts
(exact bootstrap law from :data:`kit._stats.EXACT_BOOTSTRAP_FROM` answered cases on; below it a seeded
resample, within Monte Carlo error of the pandas engine's).
"""

from __future__ import annotations

import numpy as np
import pandas as pd

from .._stats import wilson
from .._text import handle_keys, normalise_handle
from ..tl import care as _care
from ..tl.mentions import OWN_ROLES, interactions, mentions
from ..tl.overview import _PERIODS, FREQS

__all__ = [
    "partials",
    "share_of_voice",
    "share_over_time",
    "net_sentiment",
    "net_sentiment_over_time",
    "volume",
    "breakdown",
    "kpi_series",
    "care_summary",
]

LABELS = ["negative", "neutral", "positive"]


def _stamp(times: pd.Series, freq: str) -> pd.Series:
    """The start of each post's period (naive UTC), as :func:`kit.tl.overview.volume` cuts periods."""
    if freq not in FREQS:
        raise ValueError(f"freq must be one of {list(FREQS)}, not {freq!r}")
    local = times.dt.tz_convert("UTC").dt.tz_localize(None)
    return local.dt.to_period(_PERIODS[freq]).dt.start_time if freq in _PERIODS else local.dt.floor(FREQS[freq])


def partials(frame, fn, *args, **kwargs) -> pd.DataFrame:
    """Run ``fn`` on every partition of ``frame`` on the cluster and bring the small results back, concatenated.

    Parameters
    ----------
    frame
        A Dask frame (or a pandas frame: then ``fn`` runs once, here).
    fn
        ``fn(partition, *args, **kwargs) -> pandas.DataFrame`` (a small table of counts).

    Returns
    -------
    pandas.DataFrame
    """
    if isinstance(frame, pd.DataFrame):
        return fn(frame, *args, **kwargs).reset_index(drop=True)
    import dask

    # a large argument (a set of ids, a table) goes into the graph once, untraversed, not once per partition
    args = [dask.delayed(a, traverse=False) if isinstance(a, (set, frozenset, pd.DataFrame)) else a for a in args]
    parts = dask.compute(*[dask.delayed(fn)(p, *args, **kwargs) for p in frame.to_delayed()])
    parts = [p for p in parts if len(p)] or list(parts[:1])
    return pd.concat(parts, ignore_index=True) if parts else pd.DataFrame()


# ------------------------------------------------------------------------------------------ share of voice


def _actor_counts(part: pd.DataFrame, actors, own_roles) -> pd.DataFrame:
    m = mentions(part, actors=actors, own_roles=own_roles)
    return m["actor"].astype("string").value_counts().rename_axis("actor").rename("mentions").reset_index()


def share_of_voice(frame, *, actors, own_roles=OWN_ROLES, level: float = 0.95) -> pd.DataFrame:
    """:func:`kit.tl.share_of_voice.share_of_voice` from per-partition mention counts.

    Returns
    -------
    DataFrame
        ``actor, mentions, share, low, high``.
    """
    got = partials(frame, _actor_counts, list(actors), own_roles)
    counts = got.groupby("actor")["mentions"].sum() if len(got) else pd.Series(dtype="int64")
    counts = counts.reindex(list(actors), fill_value=0)
    total = int(counts.sum())
    low, high = wilson(counts.to_numpy(), np.full(len(counts), total), level)
    return pd.DataFrame(
        {
            "actor": list(actors),
            "mentions": counts.to_numpy().astype("int64"),
            "share": counts.to_numpy() / total if total else np.nan,
            "low": low,
            "high": high,
        }
    )


# ------------------------------------------------------------------------------------------ volumes


def _period_counts(part: pd.DataFrame, freq: str, by, time: str) -> pd.DataFrame:
    period = _stamp(part[time], freq).rename("period")
    keys = [period] + ([part[by].astype("string").fillna("(none)").rename(by)] if by else [])
    return part.groupby(keys, observed=True).size().rename("posts").reset_index()


def _finish_volume(got: pd.DataFrame, freq: str, by, start=None, end=None) -> pd.DataFrame:
    from ..tl.overview import _floor

    rule = FREQS[freq]
    if got.empty and (start is None or end is None):
        return pd.DataFrame(columns=["period"] + ([by] if by else []) + ["posts"])
    counts = got.groupby(["period"] + ([by] if by else []), observed=True)["posts"].sum() if len(got) else None
    first = got["period"].min() if len(got) else None
    last = got["period"].max() if len(got) else None
    if start is not None:
        first = _floor(pd.Timestamp(start), freq, rule)
    if end is not None:
        last = _floor(pd.Timestamp(end) - pd.Timedelta(microseconds=1), freq, rule)
    full_range = pd.date_range(first, last, freq=rule)
    if by is None:
        counts = counts if counts is not None else pd.Series(dtype="int64")
        out = counts.reindex(full_range, fill_value=0).rename("posts").rename_axis("period").reset_index()
    else:
        groups = sorted(counts.index.get_level_values(by).unique()) if counts is not None else []
        if not groups:
            return pd.DataFrame(
                {"period": pd.Series(full_range).dt.tz_localize("UTC"), by: pd.Series(dtype="string"), "posts": 0}
            ).iloc[0:0]
        index = pd.MultiIndex.from_product([full_range, groups], names=["period", by])
        out = counts.reindex(index, fill_value=0).rename("posts").reset_index()
        out[by] = out[by].astype("string")
    out["posts"] = out["posts"].astype("int64")
    out["period"] = out["period"].dt.tz_localize("UTC")
    return out


def volume(frame, *, freq: str = "D", by: str | None = "actor", time: str = "created_at", start=None, end=None):
    """:func:`kit.tl.overview.volume` (posts per period and ``by`` value, empty periods as zeros) from partial counts.

    Returns
    -------
    DataFrame
        ``period, [by], posts``.
    """
    got = partials(frame, _period_counts, freq, by, time)
    return _finish_volume(got, freq, by, start, end)


def share_over_time(frame, *, actors, freq: str = "W", own_roles=OWN_ROLES, level: float = 0.95) -> pd.DataFrame:
    """:func:`kit.tl.share_of_voice.share_over_time` from per-partition counts by period and actor.

    Returns
    -------
    DataFrame
        ``period, actor, mentions, total, share, low, high``.
    """

    def part_counts(part):
        return _period_counts(mentions(part, actors=actors, own_roles=own_roles), freq, "actor", "created_at")

    vol = _finish_volume(partials(frame, part_counts), freq, "actor")
    if vol.empty:
        return pd.DataFrame(columns=["period", "actor", "mentions", "total", "share", "low", "high", "collection_gap"])
    vol = vol.rename(columns={"posts": "mentions"})
    vol["total"] = vol.groupby("period")["mentions"].transform("sum")
    with np.errstate(invalid="ignore", divide="ignore"):
        vol["share"] = np.where(vol["total"] > 0, vol["mentions"] / vol["total"].where(vol["total"] > 0, 1), np.nan)
    vol["low"], vol["high"] = wilson(vol["mentions"].to_numpy(), vol["total"].to_numpy(), level)
    from ..tl.period_change import MIN_BEFORE_GAP

    before = vol.sort_values("period").groupby("actor", sort=False)["mentions"].shift(1)
    vol["collection_gap"] = ((vol["mentions"] == 0) & (before.reindex(vol.index) >= MIN_BEFORE_GAP)).to_numpy()
    gaps = vol[vol["collection_gap"]]
    vol.attrs["note"] = (
        "Likely collection gaps, not falls: "
        + "; ".join(
            f"no mention of {a} in the period starting {pd.Timestamp(p):%d %B %Y} after {int(n):,} in the one before"
            for a, p, n in zip(gaps["actor"], gaps["period"], before.reindex(gaps.index))
        )
        + " (check the export)."
        if len(gaps)
        else ""
    )
    return vol


def _breakdown_counts(part: pd.DataFrame, cols, missing) -> pd.DataFrame:
    keys = [part[c].astype("string").fillna(missing) for c in cols]
    return part.groupby(keys, observed=True).size().rename("posts").reset_index()


def breakdown(frame, by="lang", *, missing: str = "(unknown)") -> pd.DataFrame:
    """:func:`kit.tl.overview.breakdown` (posts and share per value, largest first) from partial counts.

    Returns
    -------
    DataFrame
        ``[by...], posts, share``.
    """
    cols = [by] if isinstance(by, str) else list(by)
    got = partials(frame, _breakdown_counts, cols, missing)
    out = got.groupby(cols, observed=True)["posts"].sum().reset_index() if len(got) else got
    total = out["posts"].sum()
    out["share"] = out["posts"] / total if total else 0.0
    return out.sort_values(["posts"] + cols, ascending=[False] + [True] * len(cols), kind="stable").reset_index(
        drop=True
    )


# ------------------------------------------------------------------------------------------ net sentiment


def _label_counts(part: pd.DataFrame, keys, sentiment: str) -> pd.DataFrame:
    labels = part[sentiment].astype("string").rename("_label")
    cols = [part[k] for k in keys]
    return part.groupby([*cols, labels], observed=True).size().rename("n").reset_index()


def _finish_net(table: pd.DataFrame, name: str, level: float) -> pd.DataFrame:
    table = table.reindex(columns=LABELS, fill_value=0)
    pos, neg = table["positive"].to_numpy(), table["negative"].to_numpy()
    polar = pos + neg
    low, high = wilson(pos, polar, level)
    with np.errstate(invalid="ignore", divide="ignore"):
        net = np.where(polar > 0, (pos - neg) / np.where(polar > 0, polar, 1), np.nan)
    return pd.DataFrame(
        {
            name: table.index,
            "positive": pos,
            "neutral": table["neutral"].to_numpy(),
            "negative": neg,
            "posts": table.sum(axis=1).to_numpy(),
            "net": net,
            "low": 2 * np.asarray(low) - 1,
            "high": 2 * np.asarray(high) - 1,
        }
    ).reset_index(drop=True)


def net_sentiment(frame, *, by: str | None = "actor", sentiment: str = "sentiment", level: float = 0.95):
    """:func:`kit.tl.net_sentiment.net_sentiment` from per-partition label counts.

    Returns
    -------
    DataFrame
        ``[by], positive, neutral, negative, posts, net, low, high``.
    """
    name = by or "group"

    def part_counts(part):
        key = part[by].astype("string").fillna("(none)") if by else pd.Series("all", index=part.index)
        return _label_counts(part.assign(_group=key.to_numpy()), ["_group"], sentiment)

    got = partials(frame, part_counts)
    got = got.dropna(subset=["_label"]) if len(got) else got
    table = got.pivot_table(index="_group", columns="_label", values="n", aggfunc="sum", fill_value=0)
    table.index = table.index.astype("string")
    return _finish_net(table.sort_index(), name, level)


def net_sentiment_over_time(
    frame, *, actors, freq: str = "W", sentiment: str = "sentiment", own_roles=OWN_ROLES, level: float = 0.95
):
    """:func:`kit.tl.net_sentiment.net_sentiment_over_time` from per-partition counts by period, actor and label.

    Returns
    -------
    DataFrame
        ``period, actor, positive, neutral, negative, posts, net, low, high``.
    """
    columns = ["period", "actor", "positive", "neutral", "negative", "posts", "net", "low", "high"]

    def part_counts(part):
        m = mentions(part, actors=actors, own_roles=own_roles)
        key = _stamp(m["created_at"], freq).dt.strftime("%Y-%m-%dT%H:%M:%S") + "|" + m["actor"].astype("string")
        return _label_counts(m.assign(_key=key.to_numpy()), ["_key"], sentiment)

    got = partials(frame, part_counts)
    if got.empty:
        return pd.DataFrame(columns=columns)
    got = got.dropna(subset=["_label"])
    table = got.pivot_table(index="_key", columns="_label", values="n", aggfunc="sum", fill_value=0).sort_index()
    out = _finish_net(table, "_key", level)
    parts = out["_key"].astype("string").str.split("|", n=1, expand=True)
    out.insert(0, "period", pd.to_datetime(parts[0]).dt.tz_localize("UTC"))
    out.insert(1, "actor", parts[1].astype("string"))
    return out.drop(columns="_key").sort_values(["actor", "period"]).reset_index(drop=True)[columns]


# ------------------------------------------------------------------------------------------ KPI series


def _kpi_parts(part: pd.DataFrame, brand: str, freq: str, sentiment) -> pd.DataFrame:
    m = mentions(part, actors=[brand])
    period = _stamp(m["created_at"], freq).to_numpy()
    out = pd.DataFrame(
        {
            "period": period,
            "author": m["author_handle"].fillna(m["author_id"]).astype("string").to_numpy(),
            "engagement": interactions(m).to_numpy(),
        }
    )
    if sentiment and sentiment in m.columns:
        labels = m[sentiment].astype("string")
        out["negative"] = (labels == "negative").fillna(False).to_numpy(dtype="int64")
        out["polar"] = labels.isin(["negative", "positive"]).fillna(False).to_numpy(dtype="int64")
    agg = {"mentions": ("engagement", "size"), "engagement": ("engagement", "sum")}
    if "negative" in out.columns:
        agg |= {"negative": ("negative", "sum"), "polar": ("polar", "sum")}
    counts = out.groupby("period").agg(**agg).reset_index().assign(kind="counts")
    pairs = out[["period", "author"]].dropna().drop_duplicates().assign(kind="author")
    last = pd.DataFrame({"kind": ["last"], "period": [part["created_at"].max()]})
    last["period"] = last["period"].dt.tz_convert("UTC").dt.tz_localize(None) if len(part) else pd.NaT
    return pd.concat([counts, pairs, last], ignore_index=True)


def kpi_series(frame, *, brand: str, freq: str = "W", sentiment: str | None = "sentiment", covered_until=None):
    """:func:`kit.tl.metrics.kpi_series` (the brand's KPIs per complete period) from partial counts.

    Distinct authors per period come from the distinct (period, author) pairs of each partition, merged.

    Returns
    -------
    DataFrame
        ``period, mentions, authors, engagement[, negative, polar]``; ``attrs["incomplete"]``, ``attrs["note"]``.
    """
    got = partials(frame, _kpi_parts, brand, freq, sentiment if sentiment else None)
    counts = got[got["kind"] == "counts"].drop(columns=["kind", "author"], errors="ignore")
    has_sentiment = "negative" in counts.columns and counts["negative"].notna().any()
    value_cols = ["mentions", "engagement"] + (["negative", "polar"] if has_sentiment else [])
    out = pd.DataFrame()
    if len(counts):
        summed = counts.groupby("period")[value_cols].sum()
        full = pd.date_range(summed.index.min(), summed.index.max(), freq=FREQS[freq])
        summed = summed.reindex(full, fill_value=0).rename_axis("period")
        pairs = got[got["kind"] == "author"].drop_duplicates(["period", "author"])
        authors = pairs.groupby("period").size().reindex(full, fill_value=0)
        out = pd.DataFrame(
            {
                "period": full.tz_localize("UTC"),
                "mentions": summed["mentions"].to_numpy().astype("int64"),
                "authors": authors.to_numpy().astype("int64"),
                "engagement": summed["engagement"].to_numpy().astype("int64"),
            }
        )
        if has_sentiment:
            out["negative"] = summed["negative"].to_numpy().astype("int64")
            out["polar"] = summed["polar"].to_numpy().astype("int64")
    else:
        columns = ["period", "mentions", "authors", "engagement"] + (["negative", "polar"] if sentiment else [])
        out = pd.DataFrame({c: pd.Series(dtype="datetime64[ns, UTC]" if c == "period" else "int64") for c in columns})
    out.attrs["freq"] = freq
    out.attrs["incomplete"] = None
    out.attrs["note"] = "Every period in the series is covered by the data to its end."
    if out.empty:
        out.attrs["note"] = "No mention of the brand in the data: no series to watch."
        return out

    def following(t: pd.Timestamp) -> pd.Timestamp:
        if freq in ("W", "M"):
            return t + (pd.DateOffset(weeks=1) if freq == "W" else pd.DateOffset(months=1))
        return t + pd.tseries.frequencies.to_offset(FREQS[freq])

    lasts = got.loc[got["kind"] == "last", "period"].dropna()
    until = pd.Timestamp(lasts.max()).tz_localize("UTC") if covered_until is None else pd.Timestamp(covered_until)
    if until.tzinfo is None:
        until = until.tz_localize("UTC")
    tail, t = [], following(pd.Timestamp(out["period"].iloc[-1]))
    while t < until:  # the data goes on, the brand's mentions stopped: those periods count 0, not nothing
        tail.append(t)
        t = following(t)
    if tail:
        zeros = pd.DataFrame({c: 0 for c in out.columns if c != "period"} | {"period": tail})[list(out.columns)]
        out = pd.concat([out, zeros.astype(out.dtypes.to_dict())], ignore_index=True)
        out.attrs.update(
            {"freq": freq, "incomplete": None, "note": "Every period in the series is covered by the data to its end."}
        )
    last = pd.Timestamp(out["period"].iloc[-1])
    period_end = following(last)
    length = period_end - last
    if until < period_end - 0.05 * length:
        out = out.iloc[:-1].reset_index(drop=True)
        out.attrs["incomplete"] = last.isoformat()
        out.attrs["note"] = (
            f"The period starting {last:%Y-%m-%d %H:%M} is left out of the series and the alerts: "
            f"the data stops at {until:%Y-%m-%d %H:%M} UTC, before it ends, so its counts would "
            f"look like a drop."
        )
    return out


# ------------------------------------------------------------------------------------------ customer care


def _brand_posts(part: pd.DataFrame, own) -> pd.DataFrame:
    by_brand = handle_keys(part["author_handle"]).isin(own).to_numpy(dtype=bool)
    mine = part.loc[by_brand, ["post_id", "parent_id", "created_at", "kind"]]
    return mine.assign(reply=(mine["kind"] == "reply").fillna(False).to_numpy(dtype=bool)).drop(columns="kind")


def _case_parts(part, own, brand, intents, intent_column, brand_ids, first, as_of, open_after_hours):
    by_brand = handle_keys(part["author_handle"]).isin(own).to_numpy(dtype=bool)
    about = part["parent_id"].astype("string").isin(brand_ids).fillna(False).to_numpy(dtype=bool).copy()
    if brand is not None:
        about |= (part["actor"] == brand).fillna(False).to_numpy(dtype=bool)
    not_repost = (part["kind"] != "repost").fillna(True).to_numpy(dtype=bool)
    public = ~by_brand
    if "actor_role" in part:
        roles = part["actor_role"].isin(["brand", "competitor", "media", "employee"]).fillna(False)
        public &= ~roles.to_numpy(dtype=bool)
    case = part.loc[about & not_repost & public]
    if intents is not None:
        case = case.loc[case[intent_column].isin(list(intents)).fillna(False).to_numpy(dtype=bool)]
    answered = first.reindex(case["post_id"].astype(str).to_numpy())
    reply_at = pd.to_datetime(pd.Series(answered["created_at"].to_numpy()), utc=True)
    seconds = (reply_at - case["created_at"].reset_index(drop=True)).dt.total_seconds()
    seconds = np.asarray(seconds, dtype=float)
    responded = ~np.isnan(seconds)
    age = (as_of - case["created_at"]).dt.total_seconds().to_numpy(dtype=float) / 3600
    opened = int(np.sum(~responded & (age > open_after_hours)))
    whole = seconds[responded]
    if len(whole) and not np.all(whole == np.round(whole)):
        raise ValueError("response times with fractions of a second: the histogram of whole seconds would round them")
    hist = pd.Series(whole.astype("int64")).value_counts().rename_axis("seconds").rename("n").reset_index()
    head = pd.DataFrame({"seconds": [-1], "n": [len(case)], "open": [opened]})
    return pd.concat([head, hist.assign(open=0)], ignore_index=True)


def care_summary(
    frame,
    *,
    brand_handles,
    brand: str | None = None,
    intents=_care.DEFAULT_INTENTS,
    intent_column: str = "intent",
    open_after_hours: float = 24.0,
    as_of=None,
    level: float = 0.95,
    n_boot: int = 1000,
    seed: int = 0,
) -> pd.DataFrame:
    """:func:`kit.tl.care.summary` of :func:`kit.tl.care.cases` from partial counts: the brand's posts and first
    replies are gathered (a small table), given to every partition, and each partition returns its cases'
    counts and a histogram of whole seconds to first response.

    ``intent_column`` must hold the intents (detected on the cluster beforehand, or labelled by a team).

    Returns
    -------
    DataFrame
        One overall row: ``cases, responded, response_rate, rate_low, rate_high, median_hours, median_low,
        median_high, p90_hours, p90_low, p90_high, open_cases``.
    """
    own = {normalise_handle(h) for h in brand_handles}
    mine = partials(frame, _brand_posts, own)
    brand_ids = set(mine["post_id"].astype(str))
    replies = mine.loc[mine["reply"].to_numpy(dtype=bool)].dropna(subset=["parent_id"])
    replies = replies.sort_values("created_at", kind="stable").drop_duplicates("parent_id")
    first = replies.set_index(replies["parent_id"].astype(str))[["created_at"]]
    if as_of is None:
        as_of = partials(frame, lambda p: pd.DataFrame({"t": [p["created_at"].max()]}))["t"].max()
    as_of = pd.Timestamp(as_of)
    as_of = as_of.tz_localize("UTC") if as_of.tzinfo is None else as_of
    if not isinstance(frame, pd.DataFrame):
        from distributed import get_client

        first = get_client().scatter(first, broadcast=True)  # once to each worker, not inside every task
    got = partials(
        frame, _case_parts, own, brand, intents, intent_column, brand_ids, first, as_of, float(open_after_hours)
    )
    heads = got[got["seconds"] == -1]
    hist = got[got["seconds"] >= 0].groupby("seconds")["n"].sum().sort_index()
    n, opened = int(heads["n"].sum()), int(heads["open"].sum())
    hours = np.repeat(hist.index.to_numpy(dtype=float), hist.to_numpy()) / 3600
    cases = pd.DataFrame(
        {
            "responded": np.r_[np.ones(len(hours), bool), np.zeros(n - len(hours), bool)],
            "hours_to_response": np.r_[hours, np.full(n - len(hours), np.nan)],
            "open": np.r_[np.zeros(n - opened, bool), np.ones(opened, bool)],
        }
    )
    return _care.summary(cases, level=level, n_boot=n_boot, seed=seed)
