"""Inventory of the own accounts: what each actor publishes, where, when, and its silences.

Works on the actors' own posts (:func:`kit.tl.owned.own_posts`): posts and formats per actor and
platform (:func:`inventory`), the weekday x hour grid (:func:`posting_heatmap`), the silences
(:func:`gaps`) and the posting rhythm (:func:`cadence`), and which measures the export carries
(:func:`measures`).

>>> import pandas as pd
>>> own = pd.DataFrame({"actor": ["a", "a"], "account": ["a", "a"],
...                     "created_at": pd.to_datetime(["2026-01-05", "2026-01-09"], utc=True)})
>>> gaps(own, min_days=3)["days"].tolist()
[4.0]
"""

from __future__ import annotations

import numpy as np
import pandas as pd

__all__ = ["WEEKDAYS", "inventory", "posting_heatmap", "gaps", "cadence", "measures"]

#: Weekday names, Monday first (``weekday`` 0 is Monday).
WEEKDAYS = ("Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun")


def inventory(own: pd.DataFrame, *, by=("actor_role", "actor", "platform")) -> pd.DataFrame:
    """Accounts, posts, kinds and formats per actor and platform, with posts per week.

    Parameters
    ----------
    own
        Own posts (:func:`kit.tl.owned.own_posts`).
    by
        Columns to group by (those absent from ``own`` are skipped).

    Returns
    -------
    DataFrame
        One row per group: ``accounts`` (distinct handles), ``posts``, one column per kind
        (``kind: ...``) and per format (``format: ...``) present, ``first_post``, ``last_post`` and
        ``posts_per_week`` (posts over the weeks from the group's first to last post, at least one week).

    Examples
    --------
    >>> import pandas as pd
    >>> own = pd.DataFrame({"actor": ["a", "a", "b"], "account": ["a", "a", "b"], "kind": "original",
    ...                     "created_at": pd.to_datetime(["2026-01-05", "2026-01-06", "2026-01-05"], utc=True)})
    >>> inventory(own)[["actor", "posts", "kind: original"]].values.tolist()
    [['a', 2, 2], ['b', 1, 1]]
    """
    by = [c for c in ([by] if isinstance(by, str) else list(by)) if c in own.columns]
    cols = by + ["accounts", "posts", "first_post", "last_post", "posts_per_week"]
    if own.empty:
        return pd.DataFrame(columns=cols)
    frame = own.assign(**{c: own[c].astype("string").fillna("(none)") for c in by})
    g = frame.groupby(by, observed=True, sort=True)
    out = g.agg(
        accounts=("account" if "account" in frame.columns else "author_handle", "nunique"),
        posts=("created_at", "size"),
        first_post=("created_at", "min"),
        last_post=("created_at", "max"),
    )
    for col in ("kind", "media_format"):
        if col in frame.columns:
            wide = (
                frame.groupby(by + [frame[col].astype("string").fillna("unknown").rename(col)], observed=True)
                .size()
                .unstack(col, fill_value=0)
            )
            out = out.join(wide.add_prefix("kind: " if col == "kind" else "format: "))
    weeks = ((out["last_post"] - out["first_post"]).dt.total_seconds() / (7 * 86400)).clip(lower=1.0)
    out["posts_per_week"] = (out["posts"] / weeks).round(1)
    return out.reset_index().fillna(0)


def posting_heatmap(own: pd.DataFrame, *, by: str = "actor", tz: str = "UTC") -> pd.DataFrame:
    """Posts per weekday x hour (in ``tz``) for each value of ``by``, with every cell present.

    Parameters
    ----------
    own
        Own posts with ``created_at`` (time-zone aware).
    by
        The grouping (one grid per value).
    tz
        Time zone in which weekdays and hours are read.

    Returns
    -------
    DataFrame
        ``by, weekday`` (0 = Monday), ``day`` (Mon..Sun), ``hour``, ``posts`` and ``share`` (of the
        group's posts); 7 x 24 rows per group.

    Examples
    --------
    >>> import pandas as pd
    >>> own = pd.DataFrame({"actor": ["a"], "created_at": pd.to_datetime(["2026-01-05 10:00"], utc=True)})
    >>> grid = posting_heatmap(own)
    >>> len(grid), grid.loc[grid["posts"] > 0, ["day", "hour"]].values.tolist()
    (168, [['Mon', 10]])
    """
    groups = sorted(own[by].astype("string").fillna("(none)").unique()) if len(own) else []
    grid = pd.MultiIndex.from_product([groups, range(7), range(24)], names=[by, "weekday", "hour"])
    if len(own):
        local = own["created_at"].dt.tz_convert(tz)
        counts = (
            pd.DataFrame(
                {
                    by: own[by].astype("string").fillna("(none)").to_numpy(),
                    "weekday": local.dt.day_of_week.to_numpy(),
                    "hour": local.dt.hour.to_numpy(),
                }
            )
            .groupby([by, "weekday", "hour"])
            .size()
        )
    else:
        counts = pd.Series(dtype="int64")
    out = counts.reindex(grid, fill_value=0).rename("posts").reset_index()
    out["posts"] = out["posts"].astype("int64")
    totals = out.groupby(by)["posts"].transform("sum")
    out["share"] = np.where(totals > 0, out["posts"] / totals.where(totals > 0, 1), 0.0)
    out.insert(2, "day", out["weekday"].map(dict(enumerate(WEEKDAYS))))
    return out


def gaps(own: pd.DataFrame, *, by: str = "actor", min_days: float = 3.0) -> pd.DataFrame:
    """Silences of each actor: stretches of at least ``min_days`` days without an own post.

    Parameters
    ----------
    own
        Own posts with ``created_at``.
    by
        The grouping (all platforms of an actor together by default).
    min_days
        Shortest silence reported, in days.

    Returns
    -------
    DataFrame
        ``by, start`` (last post before), ``end`` (first post after), ``days``, longest first. Posts
        whose date is known to the month only (``x_time_precision == "month"``) are left out.

    Examples
    --------
    >>> import pandas as pd
    >>> own = pd.DataFrame({"actor": "a", "created_at": pd.to_datetime(["2026-01-01", "2026-01-02",
    ...                                                                 "2026-01-08"], utc=True)})
    >>> gaps(own, min_days=3)[["actor", "days"]].values.tolist()
    [['a', 6.0]]
    """
    rows = []
    if "x_time_precision" in own.columns:  # dates known to the month only (page insights): no silence is measured
        own = own[own["x_time_precision"].astype("string").fillna("") != "month"]
    for value, part in own.groupby(own[by].astype("string").fillna("(none)"), sort=True):
        times = part["created_at"].sort_values().reset_index(drop=True)
        delta = times.diff().dt.total_seconds() / 86400
        for i in np.flatnonzero(delta.to_numpy() >= min_days):
            rows.append({by: value, "start": times[i - 1], "end": times[i], "days": round(float(delta[i]), 1)})
    out = pd.DataFrame(rows, columns=[by, "start", "end", "days"])
    return out.sort_values("days", ascending=False, kind="stable").reset_index(drop=True)


def cadence(own: pd.DataFrame, *, by: str = "actor", min_days: float = 3.0) -> pd.DataFrame:
    """Posting rhythm per actor.

    Parameters
    ----------
    own
        Own posts with ``created_at``.
    by
        The grouping.
    min_days
        Shortest silence counted (see :func:`gaps`).

    Returns
    -------
    DataFrame
        Per group: ``posts``, ``active_days``, ``posts_per_active_day``, ``median_hours_between``
        (two posts), ``longest_silence_days`` with ``longest_from`` and ``longest_to``, and
        ``silences_<min_days>d_or_more``.

    Examples
    --------
    >>> import pandas as pd
    >>> own = pd.DataFrame({"actor": "a", "created_at": pd.to_datetime(["2026-01-01", "2026-01-02",
    ...                                                                 "2026-01-08"], utc=True)})
    >>> row = cadence(own).iloc[0]
    >>> int(row["posts"]), int(row["active_days"]), float(row["longest_silence_days"])
    (3, 3, 6.0)
    """
    found = gaps(own, by=by, min_days=min_days)
    rows = []
    for value, part in own.groupby(own[by].astype("string").fillna("(none)"), sort=True):
        times = part["created_at"].sort_values().reset_index(drop=True)
        delta = times.diff().dt.total_seconds().dropna()
        days = times.dt.floor("D").nunique()
        longest = int(delta.to_numpy().argmax()) + 1 if len(delta) else None
        rows.append(
            {
                by: value,
                "posts": len(times),
                "active_days": int(days),
                "posts_per_active_day": round(len(times) / max(days, 1), 2),
                "median_hours_between": round(float(delta.median()) / 3600, 1) if len(delta) else np.nan,
                "longest_silence_days": round(float(delta.max()) / 86400, 1) if len(delta) else np.nan,
                "longest_from": times[longest - 1] if longest else pd.NaT,
                "longest_to": times[longest] if longest else pd.NaT,
                f"silences_{min_days:g}d_or_more": int((found[by] == value).sum()),
            }
        )
    return pd.DataFrame(rows)


def measures(own: pd.DataFrame) -> pd.DataFrame:
    """What this export lets the audit measure.

    Parameters
    ----------
    own
        Own posts.

    Returns
    -------
    DataFrame
        For each measure (follower counts, views, reach, paid flag, format, language): ``posts_with_it``,
        ``share`` of the posts, and ``used_for`` (what the report shows with it, or that it is not shown).

    Examples
    --------
    >>> import pandas as pd
    >>> table = measures(pd.DataFrame({"author_followers": [10, None], "lang": ["en", "und"]}))
    >>> table.set_index("measure").loc[["follower counts", "language", "reach"], "posts_with_it"].tolist()
    [1, 1, 0]
    """
    n = len(own)
    rows = []
    for name, col, use in (
        ("follower counts", "author_followers", "engagement rate by followers, benchmarks, GLM offset"),
        ("views / impressions", "views", "engagement rate by views"),
        ("reach", "reach", "engagement rate by reach"),
        ("paid flag", "paid", "paid vs organic"),
        ("format", "media_format", "format comparisons"),
        ("language", "lang", "keyness per language"),
    ):
        if col in own.columns:
            present = own[col].notna()
            if col == "lang":
                present &= own[col].astype("string") != "und"
            k = int(present.sum())
        else:
            k = 0
        rows.append(
            {
                "measure": name,
                "posts_with_it": k,
                "share": round(k / n, 3) if n else 0.0,
                "used_for": use if k else "not in this export: not shown",
            }
        )
    return pd.DataFrame(rows)
