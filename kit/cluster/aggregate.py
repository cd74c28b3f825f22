"""The monitoring tables from partial aggregates computed on the cluster.

Each function takes a Dask frame of posts (every partition a pandas post table), reads only the columns it
needs (:func:`kit.cluster.reduce.narrow`), computes on each partition the small table of counts the
statistic needs (per actor, period, label), adds the partial tables up, and finishes them exactly as the
``kit.tl`` function of the same name does on all posts: the same columns, the same Wilson intervals
(:func:`kit._stats.wilson`), the same zero-filled periods. Counts and shares are therefore the pandas
engine's exactly (``tests/unit/test_cluster.py`` checks each against ``kit.tl``); only the posts' partial
counts travel, never the posts. What grows with the data (the distinct authors of the KPI series) is
merged on the workers (:func:`kit.cluster.reduce.tree`) and only its counts come back.

The customer-care summary (exact response-time median and 90th percentile from histograms of whole seconds)
is :func:`kit.cluster.care.care_summary`, also available here.
"""

from __future__ import annotations

import numpy as np
import pandas as pd

from .._stats import wilson
from ..tl.mentions import INTERACTIONS, OWN_ROLES, interactions, mentions
from ..tl.overview import _PERIODS, FREQS
from .care import care_summary
from .reduce import hash_ids, narrow, partials, tree

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
#: what :func:`kit.tl.mentions.mentions` reads
MENTION_COLUMNS = ["actor", "actor_role", "voice"]


def _stamp(times: pd.Series, freq: str) -> pd.Series:
    """The start of each post's period (naive UTC), as :func:`kit.tl.overview.volume` cuts periods."""
    if freq not in FREQS:
        raise ValueError(f"freq must be one of {list(FREQS)}, not {freq!r}")
    local = times.dt.tz_convert("UTC").dt.tz_localize(None)
    return local.dt.to_period(_PERIODS[freq]).dt.start_time if freq in _PERIODS else local.dt.floor(FREQS[freq])


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
    got = partials(narrow(frame, MENTION_COLUMNS), _actor_counts, list(actors), own_roles)
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
    got = partials(narrow(frame, [time] + ([by] if by else [])), _period_counts, freq, by, time)
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

    vol = _finish_volume(partials(narrow(frame, [*MENTION_COLUMNS, "created_at"]), part_counts), freq, "actor")
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
    got = partials(narrow(frame, cols), _breakdown_counts, cols, missing)
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

    got = partials(narrow(frame, ([by] if by else []) + [sentiment]), part_counts)
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
        m = m.assign(_period=_stamp(m["created_at"], freq).to_numpy(), _actor=m["actor"].astype("string").to_numpy())
        return _label_counts(m, ["_period", "_actor"], sentiment)

    got = partials(narrow(frame, [*MENTION_COLUMNS, "created_at", sentiment]), part_counts)
    if got.empty:
        return pd.DataFrame(columns=columns)
    # the (period, actor) key is written once per group here, not once per post on the workers
    got["_key"] = got["_period"].dt.strftime("%Y-%m-%dT%H:%M:%S") + "|" + got["_actor"].astype("string")
    got = got.dropna(subset=["_label"])
    table = got.pivot_table(index="_key", columns="_label", values="n", aggfunc="sum", fill_value=0).sort_index()
    out = _finish_net(table, "_key", level)
    parts = out["_key"].astype("string").str.split("|", n=1, expand=True)
    out.insert(0, "period", pd.to_datetime(parts[0]).dt.tz_localize("UTC"))
    out.insert(1, "actor", parts[1].astype("string"))
    return out.drop(columns="_key").sort_values(["actor", "period"]).reset_index(drop=True)[columns]


# ------------------------------------------------------------------------------------------ KPI series


def _kpi_part(part: pd.DataFrame, brand: str, freq: str, sentiment) -> dict:
    m = mentions(part, actors=[brand])
    period = _stamp(m["created_at"], freq).to_numpy()
    out = pd.DataFrame({"period": period, "engagement": interactions(m).to_numpy()})
    agg = {"mentions": ("engagement", "size"), "engagement": ("engagement", "sum")}
    if sentiment and sentiment in m.columns:
        labels = m[sentiment].astype("string")
        out["negative"] = (labels == "negative").fillna(False).to_numpy(dtype="int64")
        out["polar"] = labels.isin(["negative", "positive"]).fillna(False).to_numpy(dtype="int64")
        agg |= {"negative": ("negative", "sum"), "polar": ("polar", "sum")}
    author = m["author_handle"].fillna(m["author_id"]).astype("string")
    known = author.notna().to_numpy(dtype=bool)
    pairs = pd.DataFrame({"period": period[known], "author": hash_ids(author[known])}).drop_duplicates()
    last = part["created_at"].max() if len(part) else pd.NaT
    return {"counts": out.groupby("period").agg(**agg), "pairs": pairs, "last": last}


def _kpi_combine(*parts) -> dict:
    lasts = [p["last"] for p in parts if pd.notna(p["last"])]
    return {
        "counts": pd.concat([p["counts"] for p in parts]).groupby(level=0).sum(),
        "pairs": pd.concat([p["pairs"] for p in parts], ignore_index=True).drop_duplicates(),
        "last": max(lasts) if lasts else pd.NaT,
    }


def _kpi_finish(root: dict) -> dict:
    """Distinct authors per period from the distinct (period, author) pairs: only counts leave the worker."""
    return {"counts": root["counts"], "authors": root["pairs"].groupby("period").size(), "last": root["last"]}


def kpi_series(frame, *, brand: str, freq: str = "W", sentiment: str | None = "sentiment", covered_until=None):
    """:func:`kit.tl.metrics.kpi_series` (the brand's KPIs per complete period) from partial counts.

    Distinct authors per period come from the distinct (period, author) pairs of each partition (authors as 64-bit
    hashes), merged on the workers (:func:`kit.cluster.reduce.tree`): only the counts come back.

    Returns
    -------
    DataFrame
        ``period, mentions, authors, engagement[, negative, polar]``; ``attrs["incomplete"]``, ``attrs["note"]``.
    """
    columns = [*MENTION_COLUMNS, "created_at", "author_handle", "author_id", *INTERACTIONS, sentiment]
    args = (brand, freq, sentiment if sentiment else None)
    got = tree(narrow(frame, columns), _kpi_part, _kpi_combine, *args, finish=_kpi_finish)
    got = got if isinstance(frame, pd.DataFrame) else got.compute()
    counts = got["counts"]
    has_sentiment = "negative" in counts.columns and counts["negative"].notna().any()
    value_cols = ["mentions", "engagement"] + (["negative", "polar"] if has_sentiment else [])
    out = pd.DataFrame()
    if len(counts):
        summed = counts[value_cols]
        full = pd.date_range(summed.index.min(), summed.index.max(), freq=FREQS[freq])
        summed = summed.reindex(full, fill_value=0).rename_axis("period")
        authors = got["authors"].reindex(full, fill_value=0)
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

    until = pd.Timestamp(got["last"]) if covered_until is None else pd.Timestamp(covered_until)
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
