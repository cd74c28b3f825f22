"""The monitoring tables from partial aggregates computed on the cluster.

Each function takes a Dask frame of posts (every partition a pandas post table), reads only the columns it
needs (:func:`kit.cluster.reduce.narrow`), computes on each partition the small table of counts the
statistic needs (per actor, period, label), adds the partial tables up, and finishes them with the
``kit.tl`` function that finishes the pandas table from the same counts (:func:`kit.tl.overview.volume_from_counts`,
:func:`kit.tl.share_of_voice.shares_from_counts`, :func:`kit.tl.net_sentiment.net_from_counts`,
:func:`kit.tl.metrics.complete_periods`): the same columns, the same Wilson intervals, the same zero-filled
periods. Counts and shares are therefore the pandas
engine's exactly (``tests/unit/test_cluster.py`` checks each against ``kit.tl``); only the posts' partial
counts travel, never the posts. What grows with the data (the distinct authors of the KPI series) is
merged on the workers (:func:`kit.cluster.reduce.tree`) and only its counts come back.

The customer-care summary (exact response-time median and 90th percentile from histograms of whole seconds)
is :func:`kit.cluster.care.care_summary`, also available here.
"""

from __future__ import annotations

import pandas as pd

from ..tl.mentions import INTERACTIONS, OWN_ROLES, interactions, mentions
from ..tl.metrics import complete_periods
from ..tl.net_sentiment import net_from_counts
from ..tl.overview import _PERIODS, FREQS, volume_from_counts
from ..tl.share_of_voice import shares_from_counts, shares_over_time_from_counts
from .care import care_summary
from .reduce import FAN_IN, combine_tree, hash_ids, narrow, partials

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
    return shares_from_counts(counts, actors=actors, level=level)


# ------------------------------------------------------------------------------------------ volumes


def _period_counts(part: pd.DataFrame, freq: str, by, time: str) -> pd.DataFrame:
    period = _stamp(part[time], freq).rename("period")
    keys = [period] + ([part[by].astype("string").fillna("(none)").rename(by)] if by else [])
    return part.groupby(keys, observed=True).size().rename("posts").reset_index()


def _finish_volume(got: pd.DataFrame, freq: str, by, start=None, end=None) -> pd.DataFrame:
    keys = ["period"] + ([by] if by else [])
    counts = got.groupby(keys, observed=True)["posts"].sum() if len(got) else pd.Series(dtype="int64")
    return volume_from_counts(counts, freq=freq, by=by, start=start, end=end)


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
    return shares_over_time_from_counts(vol, level=level)


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
    return net_from_counts(table.sort_index(), name=name, level=level)


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
    out = net_from_counts(table, name="_key", level=level)
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


def _bucket(part: dict, bucket: int, buckets: int) -> pd.DataFrame:
    """The (period, author) pairs of one bucket of periods (periods spread over buckets by their start)."""
    pairs = part["pairs"]
    if buckets == 1:
        return pairs
    return pairs.loc[(pairs["period"].to_numpy().astype("int64") // 3_600_000_000_000) % buckets == bucket]


def _pairs_combine(*pairs) -> pd.DataFrame:
    return pd.concat(pairs, ignore_index=True).drop_duplicates()


def _authors(pairs: pd.DataFrame) -> pd.Series:
    return pairs.groupby("period").size()


def _kpi_combine(*parts) -> dict:
    lasts = [p["last"] for p in parts if pd.notna(p["last"])]
    return {
        "counts": pd.concat([p["counts"] for p in parts]).groupby(level=0).sum(),
        "pairs": pd.concat([p["pairs"] for p in parts], ignore_index=True).drop_duplicates(),
        "last": max(lasts) if lasts else pd.NaT,
    }


def _counts_only(part: dict) -> dict:
    return {"counts": part["counts"], "pairs": part["pairs"].iloc[:0], "last": part["last"]}


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
    if isinstance(frame, pd.DataFrame):
        got = _kpi_finish(_kpi_combine(_kpi_part(frame, *args)))
    else:
        import dask

        # the distinct (period, author) pairs are merged in one tree per bucket of periods (a bucket per FAN_IN
        # partitions): no worker holds every pair of the data, only those of its bucket
        leaves = [dask.delayed(_kpi_part)(p, *args) for p in narrow(frame, columns).to_delayed()]
        buckets = max(1, len(leaves) // FAN_IN)
        small = combine_tree([dask.delayed(_counts_only)(leaf) for leaf in leaves], _kpi_combine)
        authors = [
            dask.delayed(_authors)(combine_tree([dask.delayed(_bucket)(x, b, buckets) for x in leaves], _pairs_combine))
            for b in range(buckets)
        ]
        small, *authors = dask.compute(small, *authors)
        got = {"counts": small["counts"], "authors": pd.concat(authors).groupby(level=0).sum(), "last": small["last"]}
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
    until = got["last"] if covered_until is None else covered_until
    return complete_periods(out, freq=freq, until=until)
