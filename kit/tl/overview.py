"""A first look at a post table: volume over time, breakdowns, the load accounting."""

from __future__ import annotations

import pandas as pd

from . import languages as _languages

__all__ = [
    "FREQS",
    "volume",
    "volume_from_counts",
    "breakdown",
    "summary",
    "load_accounting",
    "load_warnings",
    "top_posts",
]

FREQS = {"H": "h", "D": "D", "W": "W-MON", "M": "MS"}  # date_range frequencies; weeks start on Monday
_PERIODS = {"W": "W-SUN", "M": "M"}


def volume(
    posts: pd.DataFrame, *, freq: str = "D", by: str | None = "actor", time: str = "created_at", start=None, end=None
) -> pd.DataFrame:
    """Posts per period (and per value of ``by``), with empty periods as zeros.

    The periods run from the first to the last post, or over ``[start, end)`` when given (so a
    series filtered on a few terms still has its quiet periods before the first match).

    Returns a tidy frame with columns ``period``, ``by`` value (named after ``by``) and ``posts``.

    Examples
    --------
    >>> posts = pd.DataFrame({"created_at": pd.to_datetime(["2024-05-01", "2024-05-03"], utc=True),
    ...                       "actor": ["Brand", "Rival"]})
    >>> volume(posts, freq="D", by=None)["posts"].tolist()
    [1, 0, 1]
    """
    if freq not in FREQS:
        raise ValueError(f"freq must be one of {list(FREQS)}, not {freq!r}")
    rule = FREQS[freq]
    stamps = posts[time].dt.tz_convert("UTC").dt.tz_localize(None)
    period = stamps.dt.to_period(_PERIODS[freq]).dt.start_time if freq in _PERIODS else stamps.dt.floor(rule)
    keys = [period.rename("period")]
    if by is not None:
        keys.append(posts[by].astype("string").fillna("(none)").rename(by))
    counts = posts.groupby(keys, observed=True).size()
    return volume_from_counts(counts, freq=freq, by=by, start=start, end=end)


def volume_from_counts(counts: pd.Series, *, freq: str, by: str | None = None, start=None, end=None) -> pd.DataFrame:
    """:func:`volume` from posts already counted per period (and ``by`` value): the periods completed with zeros.

    The last step of :func:`volume`, shared with :func:`kit.cluster.aggregate.volume` (counts added up on a cluster).

    Parameters
    ----------
    counts
        Posts per period start (naive UTC; with ``by``, a two-level index ``period, <by>``).
    freq, by, start, end
        As in :func:`volume`.

    Returns
    -------
    DataFrame
        ``period, [by], posts``.

    Examples
    --------
    >>> counts = pd.Series([2, 1], index=pd.to_datetime(["2024-05-01", "2024-05-03"]))
    >>> volume_from_counts(counts, freq="D")["posts"].tolist()
    [2, 0, 1]
    """
    if freq not in FREQS:
        raise ValueError(f"freq must be one of {list(FREQS)}, not {freq!r}")
    rule = FREQS[freq]
    counts = counts.rename("posts")
    if counts.empty and (start is None or end is None):
        return pd.DataFrame(columns=["period"] + ([by] if by else []) + ["posts"])
    period = counts.index.get_level_values(0)
    first, last = period.min(), period.max()
    if start is not None:
        first = _floor(pd.Timestamp(start), freq, rule)
    if end is not None:
        last = _floor(pd.Timestamp(end) - pd.Timedelta(microseconds=1), freq, rule)
    full_range = pd.date_range(first, last, freq=rule)
    if by is None:
        out = counts.reindex(full_range, fill_value=0).rename_axis("period").reset_index()
    else:
        groups = sorted(counts.index.get_level_values(by).unique()) if not counts.empty else []
        if not groups:
            return pd.DataFrame(
                {"period": pd.Series(full_range).dt.tz_localize("UTC"), by: pd.Series(dtype="string"), "posts": 0}
            ).iloc[0:0]
        index = pd.MultiIndex.from_product([full_range, groups], names=["period", by])
        out = counts.reindex(index, fill_value=0).reset_index()
        out[by] = out[by].astype("string")
    out["posts"] = out["posts"].astype("int64")
    out["period"] = out["period"].dt.tz_localize("UTC")
    return out


def _floor(stamp: pd.Timestamp, freq: str, rule: str) -> pd.Timestamp:
    stamp = stamp.tz_convert("UTC").tz_localize(None) if stamp.tzinfo is not None else stamp
    if freq in _PERIODS:
        return stamp.to_period(_PERIODS[freq]).start_time
    return stamp.floor(rule)


def breakdown(posts: pd.DataFrame, by: str | list[str] = "lang", *, missing: str = "(unknown)") -> pd.DataFrame:
    """Posts and share of posts per value of ``by`` (one column or several), largest first.

    Parameters
    ----------
    posts
        The post table.
    by
        One column or several.
    missing
        Label of missing values.

    Returns
    -------
    DataFrame
        ``[by...], posts, share``.

    Examples
    --------
    >>> import pandas as pd
    >>> posts = pd.DataFrame({"post_id": ["1", "2", "3"], "lang": ["fr", "fr", None],
    ...                       "likes": [1, 9, 0], "shares": [0, 1, 0], "comments": [0, 0, 0], "quotes": [0, 0, 0],
    ...                       "created_at": pd.to_datetime(["2024-05-01", "2024-05-02", "2024-05-02"], utc=True)})
    >>> breakdown(posts, "lang").values.tolist()
    [['fr', 2, 0.6666666666666666], ['(unknown)', 1, 0.3333333333333333]]
    """
    cols = [by] if isinstance(by, str) else list(by)
    keys = [posts[c].astype("string").fillna(missing) for c in cols]
    out = posts.groupby(keys, observed=True).size().rename("posts").reset_index()
    total = out["posts"].sum()
    out["share"] = out["posts"] / total if total else 0.0
    return out.sort_values(["posts"] + cols, ascending=[False] + [True] * len(cols), kind="stable").reset_index(
        drop=True
    )


def summary(posts: pd.DataFrame) -> pd.DataFrame:
    """Headline facts about a table: posts, authors, time span, platforms, languages, actors.

    Parameters
    ----------
    posts
        The post table (canonical columns).

    Returns
    -------
    DataFrame
        ``fact, value`` (values as text).

    Examples
    --------
    >>> import kit
    >>> summary(kit.schema.empty()).set_index("fact").loc["posts", "value"]
    '0'
    """
    facts = {
        "posts": len(posts),
        "authors": int(posts["author_handle"].fillna(posts["author_id"]).nunique()),
        "first post (UTC)": posts["created_at"].min(),
        "last post (UTC)": posts["created_at"].max(),
        "platforms": ", ".join(sorted(posts["platform"].dropna().unique())),
        "languages": _languages.line(_languages.counts(posts)) if posts["lang"].notna().any() else "not detected",
        "actors": ", ".join(sorted(posts["actor"].dropna().unique())) or "none tagged",
    }
    return pd.DataFrame({"fact": list(facts), "value": [str(v) for v in facts.values()]})


def load_accounting(report) -> pd.DataFrame:
    """The row accounting of a :class:`kit.io.LoadReport` as a table: read, kept, dropped by reason.

    Parameters
    ----------
    report
        The :class:`kit.io.LoadReport` of a read.

    Returns
    -------
    DataFrame
        ``what, rows``.

    Examples
    --------
    >>> from kit.io import LoadReport
    >>> load_accounting(LoadReport("posts.csv", "csv", rows_read=3, rows_kept=3))["what"].tolist()[:3]
    ['rows read', 'rows kept', 'rows dropped']
    """
    rows = [("rows read", report.rows_read), ("rows kept", report.rows_kept), ("rows dropped", report.rows_dropped)]
    rows += [(f"  dropped: {reason}", int(n)) for reason, n in report.dropped_by_reason().items()]
    rows += [("duplicates", report.duplicates), ("surrogate ids", report.surrogate_ids)]
    return pd.DataFrame(rows, columns=["what", "rows"])


def load_warnings(report) -> pd.DataFrame:
    """The warnings of a :class:`kit.io.LoadReport` as a one-column table ("none" when there are none).

    Parameters
    ----------
    report
        The :class:`kit.io.LoadReport` of a read.

    Returns
    -------
    DataFrame
        One column ``warning``.

    Examples
    --------
    >>> from kit.io import LoadReport
    >>> load_warnings(LoadReport("posts.csv", "csv"))["warning"].tolist()
    ['none']
    """
    return pd.DataFrame({"warning": list(report.warnings) or ["none"]})


def top_posts(
    posts: pd.DataFrame,
    n: int = 10,
    *,
    columns=("created_at", "actor", "author_handle", "platform", "kind", "lang", "text"),
) -> pd.DataFrame:
    """The ``n`` posts with the most interactions (likes + shares + comments + quotes), newest first on ties.

    Texts stay raw here; they are escaped where they are rendered (pandas tables escape HTML).

    Parameters
    ----------
    posts
        The post table.
    n
        Posts shown.
    columns
        Columns shown (plus ``interactions``).

    Returns
    -------
    DataFrame
        The ``n`` posts, most interactions first.

    Examples
    --------
    >>> import pandas as pd
    >>> posts = pd.DataFrame({"post_id": ["1", "2", "3"], "lang": ["fr", "fr", None],
    ...                       "likes": [1, 9, 0], "shares": [0, 1, 0], "comments": [0, 0, 0], "quotes": [0, 0, 0],
    ...                       "created_at": pd.to_datetime(["2024-05-01", "2024-05-02", "2024-05-02"], utc=True)})
    >>> top_posts(posts, 2, columns=["post_id"]).values.tolist()
    [['2', 10], ['1', 1]]
    """
    from .mentions import interactions as _interactions

    interactions = _interactions(posts)
    # the n largest, not a sort of every post (seconds on a million)
    order = pd.DataFrame({"i": interactions, "t": posts["created_at"]}).nlargest(n, ["i", "t"])
    out = posts.loc[order.index[:n], list(columns)].assign(interactions=interactions.loc[order.index[:n]])
    return out.reset_index(drop=True)
