"""Ecosystem audit: what the brand's own accounts publish, what it earns, and how it compares.

Everything here works on the actors' OWN posts: the posts their accounts published (select them
with :func:`own_posts`). The functions follow the sections of the audit report:

1. Inventory: :func:`inventory`, :func:`cadence`, :func:`gaps`, :func:`posting_heatmap`.
2. Performance: :func:`engagement` (per post), :func:`performance` (medians with bootstrap
   intervals by any grouping), :func:`benchmarks` (published platform averages).
3. Lexicography: :func:`keyness` (weighted log-odds with an informative Dirichlet prior,
   Monroe, Colaresi & Quinn 2008, with z-scores, per language, words and bigrams).
4. Cartography: :func:`topic_owners` (which topics only the brand, only competitors, or everyone
   covers); the map itself is :func:`kit.tl.maps.semantic_map`.
5. Editorial-line gap: :func:`assign_pillars`, :func:`pillar_shares` (Wilson intervals),
   :func:`pillar_divergence` (Jensen-Shannon with bootstrap interval), :func:`under_served`.
6. What works: :func:`effects` (negative-binomial GLM of interactions with a log-followers
   offset: rate ratios with intervals, Holm-adjusted) and :func:`findings` (sentences).

:func:`attach_followers` joins follower counts kept in a separate accounts file (e.g. the
``pseudo;id;description;nb_followers`` file next to a tweet export).

Definitions used throughout are in :data:`DEFINITIONS` (shown in the report).

>>> from kit.tl import audit
>>> round(audit.jensen_shannon([0.5, 0.5, 0.0], [0.5, 0.5, 0.0]), 6)
0.0
"""

from __future__ import annotations

import math
import re
import unicodedata
from collections import Counter

import numpy as np
import pandas as pd

from .metrics import INTERACTIONS, wilson

OWN_ROLES = ("brand", "competitor", "media")
WEEKDAYS = ("Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun")
HOUR_BANDS = tuple((f"{h:02d}-{h + 2:02d}", h, h + 2) for h in range(0, 24, 3))
"""Three-hour bands of the day (``"18-20"`` is 18:00 to 20:59), used to group posting hours."""

# Rival IQ, 2020 Social Media Industry Benchmark Report: median engagement rate per post across 35
# industries, engagement = likes, comments, shares (retweets) / followers.
BENCHMARKS = {"facebook": 0.0026, "instagram": 0.0116, "twitter": 0.0006}
BENCHMARK_SOURCE = "Rival IQ 2020 Social Media Industry Benchmark (median of 35 industries)"

DEFINITIONS: dict[str, str] = {
    "own posts": "Posts published by the listed accounts of the brand, the competitors and the media "
    "(matched on the author handle, or author id); their actor is the tracked actor or the handle.",
    "interactions": "likes + shares + comments + quotes of a post (missing counts as 0).",
    "engagement rate (followers)": "interactions / followers of the account that posted, per post; the table "
    "shows the median post with a bootstrap 95 % interval, so one viral post "
    "does not move it.",
    "engagement rate (views)": "interactions / views (impressions) for posts whose export reports views; "
    "likewise / reach.",
    "benchmark": f"{BENCHMARK_SOURCE}: Facebook 0.26 %, Instagram 1.16 %, Twitter 0.06 % per post "
    "(interactions / followers). Other platforms have no published figure here.",
    "gap": "A silence of an actor (no own post on any platform) of at least the given number of days.",
    "keyness": "Weighted log-odds ratio with an informative Dirichlet prior (Monroe et al. 2008) of a term in "
    "one actor's posts against all other actors' posts in the same language; the prior is the "
    "term's frequency in the whole corpus; z = log-odds / its standard deviation. |z| > 1.96 is "
    "distinctive at the 5 % level (not corrected for the number of terms: read it as a ranking). "
    "Counts are posts containing the term, so one post repeating a word counts once.",
    "pillar": "A post belongs to the stated pillar whose keywords it contains, or else to the pillar whose "
    "description or keywords it is most similar to in the multilingual embedding space (cosine) when "
    "that similarity is at least the threshold; otherwise to 'other'.",
    "divergence": "Jensen-Shannon divergence (base 2, 0 = same distribution, 1 = disjoint) between two "
    "distributions of posts over the pillars and 'other'; the stated intent spreads posts evenly "
    "over the pillars (or by the given weights) with none in 'other'. Interval: percentile "
    "bootstrap over posts.",
    "under-served pillar": "A pillar whose share of the brand's posts is, even at the top of its 95 % Wilson "
    "interval, less than half its intended share.",
    "rate ratio": "From a negative-binomial regression of interactions per post on format, hour band, paid, "
    "platform and pillar, with the actor as a control and log(followers) as offset (over-dispersion "
    "estimated by moments from a Poisson fit; standard errors scaled by the Pearson statistic): how "
    "many times the interactions of the reference level a level earns, all else equal. Intervals "
    "95 %; p-values Holm-adjusted within each model.",
}


def definitions() -> pd.DataFrame:
    """The audit's definitions as a table for the report."""
    return pd.DataFrame({"term": list(DEFINITIONS), "definition": list(DEFINITIONS.values())})


# --- selection and followers ----------------------------------------------------------------------


def _norm_handle(value) -> str:
    return str(value).strip().lstrip("@").lower()


def _handle_keys(series: pd.Series) -> pd.Series:
    return pd.Series([_norm_handle(v) if pd.notna(v) else None for v in series], index=series.index, dtype=object)


def own_posts(
    posts: pd.DataFrame,
    brand,
    competitors=(),
    *,
    media=(),
    kinds=None,
    handle: str = "author_handle",
    author_id: str = "author_id",
) -> pd.DataFrame:
    """The posts published by the listed accounts, with ``actor`` and ``actor_role`` set.

    Parameters
    ----------
    posts
        Post table.
    brand, competitors, media
        Account handles (with or without ``@``, any case) or author ids of each role. A single
        string is one account.
    kinds
        Kinds of post kept (e.g. ``("original", "quote")``); ``None`` keeps all.

    Returns
    -------
    DataFrame
        A copy of the matching rows. ``actor_role`` is brand, competitor or media from the lists;
        ``actor`` keeps the tracked actor name the export gives (e.g. ``Voltaria``) or, where
        there is none, the account handle. ``account`` is the handle (or id) that matched.
        ``text_plain`` is the text in Unicode NFKC form (styled "bold" or "italic" letters made
        plain) for embedding; ``text`` is kept as posted.

    Examples
    --------
    >>> import pandas as pd
    >>> frame = pd.DataFrame({"author_handle": ["Brand", "rival", "fan"], "author_id": ["1", "2", "3"],
    ...                       "actor": [None, None, None], "actor_role": [None, None, None],
    ...                       "kind": ["original"] * 3})
    >>> own_posts(frame, ["@brand"], ["rival"])[["actor", "actor_role"]].values.tolist()
    [['Brand', 'brand'], ['rival', 'competitor']]
    """
    roles: dict[str, str] = {}
    for role, accounts in (("media", media), ("competitor", competitors), ("brand", brand)):
        if isinstance(accounts, str):
            accounts = [accounts]
        for a in accounts or ():
            roles[_norm_handle(a)] = role
    by_handle = _handle_keys(posts[handle]) if handle in posts.columns else None
    by_id = _handle_keys(posts[author_id]) if author_id in posts.columns else None
    key = pd.Series(pd.NA, index=posts.index, dtype="object")
    if by_handle is not None:
        key = key.where(key.notna(), by_handle.where(by_handle.isin(list(roles))))
    if by_id is not None:
        key = key.where(key.notna(), by_id.where(by_id.isin(list(roles))))
    mask = key.notna()
    if kinds is not None and "kind" in posts.columns:
        mask &= posts["kind"].isin(list(kinds)).fillna(False).astype(bool)
    out = posts.loc[mask].copy()
    shown = out[handle].astype("string") if handle in out.columns else pd.Series(pd.NA, index=out.index)
    shown = shown.fillna(out[author_id].astype("string") if author_id in out.columns else "(unknown)")
    out["account"] = shown.astype("string")
    out["actor_role"] = key[mask].map(roles).astype("string")
    actor = (
        out["actor"].astype("string") if "actor" in out.columns else pd.Series(pd.NA, index=out.index, dtype="string")
    )
    out["actor"] = actor.fillna(out["account"]).astype("string")
    if "text" in out.columns:
        out["text_plain"] = pd.array(
            [unicodedata.normalize("NFKC", t) if isinstance(t, str) else t for t in out["text"].astype(object)],
            dtype="string",
        )
    return out.reset_index(drop=True)


def attach_followers(
    posts: pd.DataFrame,
    accounts_file=None,
    *,
    sep: str | None = None,
    id_column: str = "id",
    handle_column: str = "pseudo",
    followers_column: str = "nb_followers",
    overwrite: bool = False,
) -> pd.DataFrame:
    """Fill ``author_handle`` and ``author_followers`` from a separate accounts file.

    Some exports keep accounts apart from posts (e.g. ``accounts.csv`` with
    ``pseudo;id;description;nb_followers`` next to ``tweets.csv`` with ``id_compte``). Rows are
    matched on ``author_id`` = ``id_column``, or else on ``author_handle`` = ``handle_column``
    (case-insensitive). Ids of more than 15 digits also match when equal as floating-point numbers:
    some exports round long Twitter ids through a float (``743432061088899073`` becomes
    ``...072``). Values already in the posts are kept unless ``overwrite``.
    ``accounts_file=None`` returns an unchanged copy.

    Returns
    -------
    DataFrame
        A copy of ``posts``; ``attrs["followers_attached"]`` counts the rows that got a follower count.
    """
    out = posts.copy()
    if accounts_file is None:
        out.attrs["followers_attached"] = 0
        return out
    accounts = pd.read_csv(accounts_file, sep=sep, engine="python", dtype=str, encoding="utf-8-sig")
    missing = [c for c in (id_column, handle_column, followers_column) if c not in accounts.columns]
    if missing:
        raise ValueError(
            f"{accounts_file}: no column {missing} (columns: {list(accounts.columns)}); "
            f"pass id_column=, handle_column=, followers_column="
        )
    accounts[id_column] = accounts[id_column].str.strip()
    followers = pd.to_numeric(accounts[followers_column].str.replace(r"[\s ,]", "", regex=True), errors="coerce")
    by_id = dict(zip(accounts[id_column], zip(accounts[handle_column], followers)))
    by_handle = dict(zip(accounts[handle_column].map(_norm_handle), zip(accounts[handle_column], followers)))
    ids = out["author_id"].astype("string").str.strip() if "author_id" in out.columns else None
    handles = _handle_keys(out["author_handle"]) if "author_handle" in out.columns else None
    by_float = {}
    for key, value in by_id.items():  # ids an earlier tool rounded through a float (more than 15 digits)
        if isinstance(key, str) and key.isdigit() and len(key) > 15:
            by_float[float(key)] = value
    found = [
        (by_id.get(i) or (by_float.get(float(i)) if i.isdigit() and len(i) > 15 else None))
        if ids is not None and pd.notna(i)
        else None
        for i in (ids if ids is not None else [])
    ]
    if not found:
        found = [None] * len(out)
    if handles is not None:
        found = [f if f is not None else (by_handle.get(h) if pd.notna(h) else None) for f, h in zip(found, handles)]
    handle_new = pd.Series([f[0] if f else pd.NA for f in found], index=out.index, dtype="string")
    foll_new = pd.Series([f[1] if f and pd.notna(f[1]) else pd.NA for f in found], index=out.index).astype("Int64")
    old_h = out["author_handle"].astype("string") if "author_handle" in out.columns else handle_new * pd.NA
    old_f = out["author_followers"].astype("Int64") if "author_followers" in out.columns else foll_new * pd.NA
    out["author_handle"] = handle_new.fillna(old_h) if overwrite else old_h.fillna(handle_new)
    out["author_followers"] = foll_new.fillna(old_f) if overwrite else old_f.fillna(foll_new)
    out.attrs["followers_attached"] = int((foll_new.notna() & (overwrite | old_f.isna())).sum())
    return out


# --- 1. inventory ----------------------------------------------------------------------------------


def inventory(own: pd.DataFrame, *, by=("actor_role", "actor", "platform")) -> pd.DataFrame:
    """Accounts, posts, kinds and formats per actor and platform, with posts per week.

    Returns one row per group: ``accounts`` (distinct handles), ``posts``, one column per kind
    and per format present, ``first_post``, ``last_post`` and ``posts_per_week`` (posts over the
    weeks from the group's first to last post, at least one week).
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


def _local(times: pd.Series, tz: str) -> pd.Series:
    return times.dt.tz_convert(tz)


def posting_heatmap(own: pd.DataFrame, *, by: str = "actor", tz: str = "UTC") -> pd.DataFrame:
    """Posts per weekday x hour (in ``tz``) for each value of ``by``, with every cell present.

    Returns ``by, weekday`` (0 = Monday), ``day`` (Mon..Sun), ``hour``, ``posts`` and ``share``
    (of the group's posts).
    """
    groups = sorted(own[by].astype("string").fillna("(none)").unique()) if len(own) else []
    grid = pd.MultiIndex.from_product([groups, range(7), range(24)], names=[by, "weekday", "hour"])
    if len(own):
        local = _local(own["created_at"], tz)
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

    Returns ``by, start`` (last post before), ``end`` (first post after), ``days``, longest first.
    """
    rows = []
    for value, part in own.groupby(own[by].astype("string").fillna("(none)"), sort=True):
        times = part["created_at"].sort_values().reset_index(drop=True)
        delta = times.diff().dt.total_seconds() / 86400
        for i in np.flatnonzero(delta.to_numpy() >= min_days):
            rows.append({by: value, "start": times[i - 1], "end": times[i], "days": round(float(delta[i]), 1)})
    out = pd.DataFrame(rows, columns=[by, "start", "end", "days"])
    return out.sort_values("days", ascending=False, kind="stable").reset_index(drop=True)


def cadence(own: pd.DataFrame, *, by: str = "actor", min_days: float = 3.0) -> pd.DataFrame:
    """Posting rhythm per actor: posts, active days, posts per active day, median hours between
    posts, and the longest silence (with its start and end) and how many silences of at least
    ``min_days`` days (see :func:`gaps`)."""
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


# --- 2. performance --------------------------------------------------------------------------------


def hour_band(hours) -> pd.Series:
    """The three-hour band (:data:`HOUR_BANDS`) of each hour 0-23."""
    labels = {h: name for name, lo, hi in HOUR_BANDS for h in range(lo, hi + 1)}
    return pd.Series(hours).map(labels).astype("string")


def engagement(own: pd.DataFrame, *, tz: str = "UTC", followers: str = "author_followers") -> pd.DataFrame:
    """Per-post engagement: a copy of ``own`` with ``interactions``, ``rate_followers``,
    ``rate_views``, ``rate_reach`` (NaN where the denominator is missing or 0), ``hour``,
    ``hour_band``, ``weekday`` and ``day`` (in ``tz``), and ``paid_label`` (paid / organic / unknown)."""
    out = own.copy()
    if "interactions" not in out.columns:
        present = [c for c in INTERACTIONS if c in out.columns]
        out["interactions"] = (
            out[present].apply(pd.to_numeric, errors="coerce").fillna(0).sum(axis=1) if present else 0
        ).astype("int64")
    inter = out["interactions"].astype(float)
    for name, col in (("rate_followers", followers), ("rate_views", "views"), ("rate_reach", "reach")):
        denom = (
            pd.to_numeric(out[col], errors="coerce").astype(float)
            if col in out.columns
            else pd.Series(np.nan, index=out.index)
        )
        out[name] = np.where(denom > 0, inter / denom.where(denom > 0, 1.0), np.nan)
    if len(out):
        local = _local(out["created_at"], tz)
        out["hour"] = local.dt.hour.astype("int64")
        out["weekday"] = local.dt.day_of_week.astype("int64")
    else:
        out["hour"] = pd.Series(dtype="int64")
        out["weekday"] = pd.Series(dtype="int64")
    out["hour_band"] = hour_band(out["hour"]).to_numpy()
    out["day"] = out["weekday"].map(dict(enumerate(WEEKDAYS)))
    paid = out["paid"] if "paid" in out.columns else pd.Series(pd.NA, index=out.index, dtype="boolean")
    out["paid_label"] = paid.astype("boolean").map({True: "paid", False: "organic"}).astype("string").fillna("unknown")
    return out


def _boot_median(values: np.ndarray, *, n_boot: int, level: float, rng) -> tuple[float, float]:
    values = values[~np.isnan(values)]
    if len(values) < 2:
        return (float(values[0]), float(values[0])) if len(values) else (np.nan, np.nan)
    idx = rng.integers(0, len(values), size=(n_boot, len(values)))
    meds = np.median(values[idx], axis=1)
    return float(np.quantile(meds, (1 - level) / 2)), float(np.quantile(meds, (1 + level) / 2))


def performance(
    own: pd.DataFrame,
    by="actor",
    *,
    n_boot: int = 1000,
    seed: int = 0,
    level: float = 0.95,
    tz: str = "UTC",
    min_posts: int = 1,
) -> pd.DataFrame:
    """Engagement per group: medians with percentile-bootstrap intervals.

    Parameters
    ----------
    own
        Own posts (or the output of :func:`engagement`).
    by
        Column(s) to group by: any column of :func:`engagement`'s output, e.g. ``"actor"``,
        ``["actor", "media_format"]``, ``"hour_band"``, ``"paid_label"``, ``"platform"``.

    Returns
    -------
    DataFrame
        One row per group with ``posts``, ``median_interactions`` (+ ``_low``/``_high``),
        ``mean_interactions`` (for contrast: pulled up by viral posts), ``median_rate_followers``
        (+ interval), ``posts_with_views``, ``median_rate_views`` (+ interval), ``posts_with_reach``
        and ``median_rate_reach``. Groups with fewer than ``min_posts`` posts are left out.
    """
    per = own if "rate_followers" in own.columns else engagement(own, tz=tz)
    by = [by] if isinstance(by, str) else list(by)
    rng = np.random.default_rng(seed)
    rows = []
    keys = [per[c].astype("string").fillna("(none)") for c in by]
    if len(per):
        for key, part in per.groupby(keys, sort=True, observed=True):
            key = key if isinstance(key, tuple) else (key,)
            if len(part) < min_posts:
                continue
            row = dict(zip(by, key))
            row["posts"] = len(part)
            inter = part["interactions"].to_numpy(dtype=float)
            row["median_interactions"] = float(np.median(inter))
            row["median_interactions_low"], row["median_interactions_high"] = _boot_median(
                inter, n_boot=n_boot, level=level, rng=rng
            )
            row["mean_interactions"] = float(inter.mean())
            for rate in ("rate_followers", "rate_views", "rate_reach"):
                vals = part[rate].to_numpy(dtype=float)
                ok = vals[~np.isnan(vals)]
                if rate != "rate_followers":
                    row[f"posts_with_{rate[5:]}"] = int(len(ok))
                row[f"median_{rate}"] = float(np.median(ok)) if len(ok) else np.nan
                row[f"median_{rate}_low"], row[f"median_{rate}_high"] = _boot_median(
                    vals, n_boot=n_boot, level=level, rng=rng
                )
            rows.append(row)
    cols = by + [
        "posts",
        "median_interactions",
        "median_interactions_low",
        "median_interactions_high",
        "mean_interactions",
        "median_rate_followers",
        "median_rate_followers_low",
        "median_rate_followers_high",
        "posts_with_views",
        "median_rate_views",
        "median_rate_views_low",
        "median_rate_views_high",
        "posts_with_reach",
        "median_rate_reach",
        "median_rate_reach_low",
        "median_rate_reach_high",
    ]
    return pd.DataFrame(rows, columns=cols)


def benchmarks(
    own: pd.DataFrame,
    *,
    by=("actor", "platform"),
    n_boot: int = 1000,
    seed: int = 0,
    level: float = 0.95,
    reference=None,
) -> pd.DataFrame:
    """Median engagement rate by followers per actor and platform against published platform averages.

    ``reference`` maps platform to benchmark rate (default :data:`BENCHMARKS`). Returns the
    :func:`performance` columns for the rate plus ``benchmark`` (NaN where none is published),
    ``times_benchmark`` (median / benchmark) and ``verdict`` ("above", "below", "within"
    according to whether the interval lies above, below or around the benchmark).
    """
    reference = BENCHMARKS if reference is None else dict(reference)
    perf = performance(own, list(by), n_boot=n_boot, seed=seed, level=level)
    out = perf[
        list(by) + ["posts", "median_rate_followers", "median_rate_followers_low", "median_rate_followers_high"]
    ].copy()
    out["benchmark"] = out["platform"].map(reference).astype(float) if "platform" in out.columns else np.nan
    out["times_benchmark"] = (out["median_rate_followers"] / out["benchmark"]).round(2)
    low, high = out["median_rate_followers_low"], out["median_rate_followers_high"]
    out["verdict"] = np.select(
        [out["benchmark"].isna() | low.isna(), low > out["benchmark"], high < out["benchmark"]],
        ["no benchmark", "above", "below"],
        "within",
    )
    return out


# --- 3. lexicography -------------------------------------------------------------------------------

_URL = re.compile(r"https?://\S+|www\.\S+|@\w+")
_ELISION = re.compile(r"\b(?:[cdjlmnst]|qu|jusqu|lorsqu|puisqu)['’]", re.IGNORECASE)
_WORD = re.compile(r"#?[^\W\d_][\w’'-]*[^\W_]|#?[^\W\d_]{2}", re.UNICODE)


def tokens(text: str, stop=frozenset(), *, min_chars: int = 3) -> list[str]:
    """Lower-case word tokens of ``text`` (Unicode-normalised, so the "bold" letters some accounts post as
    𝗚𝘂𝗲𝗿𝗿𝗲 read ``guerre``; hashtags kept with their ``#``; links, @handles and French
    elisions such as ``l'`` removed; stop words and words shorter than ``min_chars`` dropped, with
    ``None`` in their place so that bigrams never jump over them)."""
    text = _ELISION.sub(" ", _URL.sub(" ", unicodedata.normalize("NFKC", str(text))))
    out: list[str | None] = []
    for w in _WORD.findall(text):
        w = w.lower().strip("-'’")
        bare = w.lstrip("#")
        out.append(None if (len(bare) < min_chars or bare in stop) else w)
    return out


def _terms(text: str, stop, ngrams: tuple[int, int]) -> set[str]:
    toks = tokens(text, stop)
    found: set[str] = set()
    if ngrams[0] <= 1 <= ngrams[1]:
        found.update(t for t in toks if t)
    if ngrams[1] >= 2:
        found.update(f"{a} {b}" for a, b in zip(toks, toks[1:]) if a and b and a != b)
    return found


def log_odds(counts_a: np.ndarray, counts_b: np.ndarray, prior: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """Weighted log-odds ratio of each term in corpus a against corpus b with an informative
    Dirichlet prior ``prior`` (pseudo-counts per term), and its z-score (Monroe et al. 2008, eq. 16-22).

    Returns ``(delta, z)``; positive means the term is more typical of corpus a.
    """
    a, b, p = (np.asarray(x, dtype=float) for x in (counts_a, counts_b, prior))
    n_a, n_b, a0 = a.sum(), b.sum(), p.sum()
    with np.errstate(divide="ignore", invalid="ignore"):
        delta = np.log((a + p) / (n_a + a0 - a - p)) - np.log((b + p) / (n_b + a0 - b - p))
        var = 1.0 / (a + p) + 1.0 / (b + p)
    return delta, delta / np.sqrt(var)


def keyness(
    own: pd.DataFrame,
    by: str = "actor",
    *,
    per_language: bool = True,
    languages=None,
    ngrams: tuple[int, int] = (1, 2),
    min_posts: int = 3,
    min_group_posts: int = 10,
    prior_scale: float = 1.0,
    top: int | None = 20,
    min_z: float | None = 0.0,
    column: str = "text",
    stop_languages=("fr", "de", "en"),
) -> pd.DataFrame:
    """Distinctive vocabulary of each group against all the others: weighted log-odds with an
    informative Dirichlet prior and z-scores (Monroe, Colaresi & Quinn 2008).

    Parameters
    ----------
    own
        Posts (usually the actors' own posts).
    by
        The grouping compared (``"actor"`` or ``"actor_role"``); each group is compared with all
        the other posts of the same language.
    per_language
        Compare within each language of ``lang`` separately (posts with ``und`` or no language
        are left out unless there is only one language); ``False``: one comparison over all.
    languages
        Languages to compare (default: every language with at least ``min_group_posts`` posts).
    ngrams
        ``(1, 2)``: words and two-word phrases (bigrams of adjacent words, stop words never inside).
    min_posts
        A term must appear in at least this many posts (of the language) to be scored.
    min_group_posts
        Groups with fewer posts in a language are not scored there (too little to say).
    prior_scale
        Strength of the prior: pseudo-counts are ``prior_scale`` x the term's post count in the
        whole language corpus (1: the classic choice; smaller trusts the groups' counts more).
    top
        Keep the ``top`` terms with the highest z per group and language (``None``: all terms).
    min_z
        Keep only terms with z above this (default 0: terms more typical of the group than of
        the others); ``None`` keeps every term.

    Returns
    -------
    DataFrame
        ``lang, <by>, term, posts_in_group, posts_in_others, share_in_group, share_in_others,
        log_odds, z, rank`` sorted by language, group and rank (1 = most distinctive).

    Examples
    --------
    >>> import pandas as pd
    >>> frame = pd.DataFrame({"actor": ["a"] * 12 + ["b"] * 12, "lang": "en",
    ...     "text": ["trains are electric today"] * 12 + ["buses are cheap today"] * 12})
    >>> keyness(frame, min_group_posts=5, ngrams=(1, 1)).query("actor == 'a'")["term"].head(2).tolist()
    ['electric', 'trains']
    """
    from .topics import stop_words

    cols = [
        "lang",
        by,
        "term",
        "posts_in_group",
        "posts_in_others",
        "share_in_group",
        "share_in_others",
        "log_odds",
        "z",
        "rank",
    ]
    if own.empty:
        return pd.DataFrame(columns=cols)
    langs = (
        own["lang"].astype("string").fillna("und")
        if ("lang" in own.columns and per_language)
        else pd.Series("all", index=own.index, dtype="string")
    )
    groups_all = own[by].astype("string").fillna("(none)")
    counts_lang = langs.value_counts()
    if languages is None:
        languages = [
            l for l, n in counts_lang.items() if n >= min_group_posts and (l != "und" or len(counts_lang) == 1)
        ]
    stop = stop_words(tuple(stop_languages))
    texts = own[column].fillna("").astype(str)
    frames = []
    for lang in sorted(languages):
        mask = (langs == lang).to_numpy()
        groups = groups_all[mask].to_numpy()
        docs = [_terms(t, stop, ngrams) for t in texts[mask]]
        total = Counter(t for d in docs for t in d)
        vocab = sorted(t for t, c in total.items() if c >= min_posts)
        if not vocab:
            continue
        index = {t: i for i, t in enumerate(vocab)}
        names = sorted(set(groups))
        mat = np.zeros((len(names), len(vocab)))
        gi = {g: i for i, g in enumerate(names)}
        for g, d in zip(groups, docs):
            for t in d:
                j = index.get(t)
                if j is not None:
                    mat[gi[g], j] += 1
        n_posts = pd.Series(groups).value_counts()
        prior = prior_scale * mat.sum(axis=0)
        for g in names:
            if n_posts[g] < min_group_posts or len(names) < 2:
                continue
            a = mat[gi[g]]
            b = mat.sum(axis=0) - a
            delta, z = log_odds(a, b, prior)
            part = pd.DataFrame(
                {
                    "lang": lang,
                    by: g,
                    "term": vocab,
                    "posts_in_group": a.astype(int),
                    "posts_in_others": b.astype(int),
                    "share_in_group": a / n_posts[g],
                    "share_in_others": b / max(int(n_posts.sum() - n_posts[g]), 1),
                    "log_odds": delta,
                    "z": z,
                }
            )
            part = part.sort_values(["z", "term"], ascending=[False, True], kind="stable")
            part["rank"] = np.arange(1, len(part) + 1)
            if min_z is not None:
                part = part[part["z"] > min_z]
            frames.append(part.head(top) if top else part)
    if not frames:
        return pd.DataFrame(columns=cols)
    return pd.concat(frames, ignore_index=True)[cols]


# --- 4. cartography --------------------------------------------------------------------------------


def topic_owners(
    own: pd.DataFrame, assignments: pd.DataFrame, *, by: str = "actor_role", min_share: float = 0.02, labels=None
) -> pd.DataFrame:
    """Who covers each topic: the share of each role's (or actor's) posts that fall in it, and
    a verdict naming the groups for which the topic holds at least ``min_share`` of their posts
    ("only brand", "only competitor", "brand + competitor", "everyone"...).

    ``assignments`` has ``post_id`` and ``topic`` (and ``label``), e.g. ``topics.fit(...).assignments``.
    Outliers (topic -1) are left out.
    """
    joined = assignments[[c for c in ("post_id", "topic", "label") if c in assignments.columns]].merge(
        own[["post_id", by]], on="post_id", how="inner"
    )
    joined = joined[joined["topic"] != -1]
    if "label" not in joined.columns:
        joined["label"] = joined["topic"].astype(str)
    joined[by] = joined[by].astype("string").fillna("(none)")
    totals = own[by].astype("string").fillna("(none)").value_counts()
    groups = sorted(totals.index) if labels is None else list(labels)
    counts = joined.groupby(["topic", "label", by], observed=True).size().unstack(by, fill_value=0)
    counts = counts.reindex(columns=groups, fill_value=0)
    shares = counts / totals.reindex(groups).replace(0, np.nan).to_numpy()
    out = counts.add_prefix("posts: ").join(shares.add_prefix("share of ").round(4)).reset_index()
    out.columns.name = None

    def verdict(row) -> str:
        present = [g for g in groups if row[f"share of {g}"] >= min_share]
        if not present:
            return "marginal"
        if len(present) == len(groups) and len(groups) > 1:
            return "everyone"
        return ("only " if len(present) == 1 else "") + " + ".join(present)

    out["covered_by"] = out.apply(verdict, axis=1) if len(out) else pd.Series(dtype="string")
    out["posts"] = counts.sum(axis=1).to_numpy()
    return out.sort_values("posts", ascending=False, kind="stable").reset_index(drop=True)


# --- 5. editorial-line gap -------------------------------------------------------------------------


def _keyword_pattern(words) -> re.Pattern | None:
    words = [w for w in (words or []) if str(w).strip()]
    if not words:
        return None
    alts = sorted((re.escape(str(w).strip().lower()) for w in words), key=len, reverse=True)
    return re.compile(r"(?<![\w#])#?(?:" + "|".join(alts) + r")(?!\w)", re.IGNORECASE)


def assign_pillars(
    own: pd.DataFrame,
    embeddings: np.ndarray,
    pillars: dict,
    *,
    keywords: dict | None = None,
    embedder="use",
    threshold: float = 0.3,
    column: str = "text",
) -> pd.DataFrame:
    """Assign each post to one of the brand's stated editorial pillars, or to ``"other"``.

    A post that contains keywords of exactly one pillar (whole words, any case) goes to it; a
    post with keywords of several pillars goes to the most similar of those. A post without any
    keyword goes to the most similar pillar if that similarity is at least ``threshold``, else to
    ``"other"``. The similarity of a post to a pillar is the highest cosine similarity between
    the post's embedding and the embeddings of the pillar's description and of each of its
    keywords (so a post about solar panels in German matches the keyword "solar" without
    sharing a word with it). On the sample scenario (multilingual USE embeddings) 0.3 separates
    pillar posts from the rest best; other embedders may need another threshold.

    Parameters
    ----------
    own
        Posts, one row per row of ``embeddings``.
    embeddings
        Post vectors from :func:`kit.tl.embed.embed` with the same ``embedder``.
    pillars
        ``{name: description}`` as the brand states them (a sentence or a few keywords).
    keywords
        Optional ``{name: [keywords...]}``, in every language the brand posts in.
    embedder
        Embedder name or object used to embed the pillar descriptions and keywords (the one used
        for ``embeddings``).

    Returns
    -------
    DataFrame
        A copy of ``own`` with ``pillar``, ``pillar_similarity`` (to the chosen or nearest centre)
        and ``pillar_by`` (``keyword``, ``embedding`` or ``none``).
    """
    from .embed import embed as _embed
    from .embed import get_embedder

    out = own.copy()
    names = list(pillars)
    vectors = np.asarray(embeddings, dtype=np.float32)
    if len(vectors) != len(out):
        raise ValueError(f"{len(out)} posts but {len(vectors)} embeddings")
    if not names:
        out["pillar"], out["pillar_similarity"], out["pillar_by"] = "other", np.nan, "none"
        return out
    keywords = keywords or {}
    model = get_embedder(embedder) if isinstance(embedder, str) else embedder
    texts, owner = [], []
    for i, name in enumerate(names):
        for t in [str(pillars[name])] + [str(k) for k in keywords.get(name, [])]:
            texts.append(t)
            owner.append(i)
    emb = _embed(pd.DataFrame({"text": texts}), embedder=model, progress=False)
    emb = emb / np.maximum(np.linalg.norm(emb, axis=1, keepdims=True), 1e-12)
    owner = np.asarray(owner)
    if len(vectors):
        vectors = vectors / np.maximum(np.linalg.norm(vectors, axis=1, keepdims=True), 1e-12)
        anchor_sims = vectors @ emb.T
        sims = np.vstack([anchor_sims[:, owner == i].max(axis=1) for i in range(len(names))]).T
    else:
        sims = np.zeros((0, len(names)))
    patterns = [_keyword_pattern(keywords.get(n)) for n in names]
    texts_posts = [unicodedata.normalize("NFKC", t) for t in out[column].fillna("").astype(str)]
    hits = np.array(
        [[bool(p.search(t)) if p is not None else False for p in patterns] for t in texts_posts], dtype=bool
    ).reshape(len(out), len(names))
    pillar, sim, how = [], [], []
    for row in range(len(out)):
        if hits[row].any():
            cand = np.flatnonzero(hits[row])
            best = cand[np.argmax(sims[row, cand])]
            pillar.append(names[best])
            sim.append(float(sims[row, best]))
            how.append("keyword")
        else:
            best = int(np.argmax(sims[row]))
            ok = sims[row, best] >= threshold
            pillar.append(names[best] if ok else "other")
            sim.append(float(sims[row, best]))
            how.append("embedding" if ok else "none")
    out["pillar"] = pd.array(pillar, dtype="string")
    out["pillar_similarity"] = np.round(sim, 4)
    out["pillar_by"] = pd.array(how, dtype="string")
    return out


def _intent(pillars, weights=None) -> dict[str, float]:
    names = list(pillars)
    w = {n: float((weights or {}).get(n, 1.0)) for n in names}
    total = sum(w.values()) or 1.0
    return {n: w[n] / total for n in names}


def pillar_shares(
    assigned: pd.DataFrame, pillars, *, by: str = "actor", level: float = 0.95, weights: dict | None = None
) -> pd.DataFrame:
    """Share of each group's posts in each pillar and in ``"other"``, with Wilson intervals.

    ``pillars`` gives the pillar names (and order); the stated intent (``intended_share``) is an
    even split over the pillars unless ``weights`` are given, and 0 for ``"other"``.
    """
    names = list(pillars) + ["other"]
    intent = _intent(pillars, weights)
    rows = []
    for g, part in assigned.groupby(assigned[by].astype("string").fillna("(none)"), sort=True):
        counts = part["pillar"].value_counts()
        n = len(part)
        for name in names:
            k = int(counts.get(name, 0))
            low, high = wilson(k, n, level)
            rows.append(
                {
                    by: g,
                    "pillar": name,
                    "posts": k,
                    "group_posts": n,
                    "share": k / n if n else np.nan,
                    "low": min(max(low, 0.0), 1.0),
                    "high": min(max(high, 0.0), 1.0),
                    "intended_share": intent.get(name, 0.0),
                }
            )
    return pd.DataFrame(rows, columns=[by, "pillar", "posts", "group_posts", "share", "low", "high", "intended_share"])


def jensen_shannon(p, q) -> float:
    """Jensen-Shannon divergence (base 2, in [0, 1]) between two distributions (normalised here)."""
    p, q = np.asarray(p, dtype=float), np.asarray(q, dtype=float)
    p, q = p / p.sum(), q / q.sum()
    m = (p + q) / 2

    def kl(a, b):
        mask = a > 0
        return float(np.sum(a[mask] * np.log2(a[mask] / b[mask])))

    return max(0.0, 0.5 * kl(p, m) + 0.5 * kl(q, m))


def pillar_divergence(
    assigned: pd.DataFrame,
    pillars,
    *,
    brand: str,
    by: str = "actor",
    weights: dict | None = None,
    n_boot: int = 1000,
    seed: int = 0,
    level: float = 0.95,
) -> pd.DataFrame:
    """How far the brand's posts are from its stated intent, and from each other group.

    Returns one row per comparison (``brand vs stated intent``, then ``brand vs <group>``):
    ``compared_with``, ``posts`` (of the brand), ``other_posts``, ``divergence`` (Jensen-Shannon,
    base 2) and its percentile-bootstrap interval ``low``/``high`` (posts of both sides resampled,
    seeded). The brand's distribution covers the pillars and ``"other"``.
    """
    names = list(pillars) + ["other"]
    intent = np.array([_intent(pillars, weights).get(n, 0.0) for n in names])
    groups = assigned[by].astype("string").fillna("(none)")
    codes = {n: i for i, n in enumerate(names)}
    cat = assigned["pillar"].astype("string").map(codes).fillna(codes["other"]).astype(int).to_numpy()
    mine = cat[(groups == brand).to_numpy()]
    rng = np.random.default_rng(seed)
    cols = ["compared_with", "posts", "other_posts", "divergence", "low", "high"]
    if len(mine) == 0:
        return pd.DataFrame(columns=cols)

    def dist(sample: np.ndarray) -> np.ndarray:
        return np.bincount(sample, minlength=len(names)).astype(float)

    def boot(a: np.ndarray, b: np.ndarray | None) -> tuple[float, float]:
        vals = []
        for _ in range(n_boot):
            pa = dist(a[rng.integers(0, len(a), len(a))])
            pb = intent if b is None else dist(b[rng.integers(0, len(b), len(b))])
            vals.append(jensen_shannon(pa, pb))
        return float(np.quantile(vals, (1 - level) / 2)), float(np.quantile(vals, (1 + level) / 2))

    rows = [
        {
            "compared_with": "stated intent",
            "posts": len(mine),
            "other_posts": np.nan,
            "divergence": jensen_shannon(dist(mine), intent),
            **dict(zip(("low", "high"), boot(mine, None))),
        }
    ]
    for g in sorted(set(groups) - {brand}):
        theirs = cat[(groups == g).to_numpy()]
        if len(theirs) == 0:
            continue
        rows.append(
            {
                "compared_with": g,
                "posts": len(mine),
                "other_posts": len(theirs),
                "divergence": jensen_shannon(dist(mine), dist(theirs)),
                **dict(zip(("low", "high"), boot(mine, theirs))),
            }
        )
    return pd.DataFrame(rows, columns=cols)


def under_served(shares: pd.DataFrame, *, brand: str, by: str = "actor", ratio: float = 0.5) -> pd.DataFrame:
    """Pillars the brand claims but barely posts about: the top of the share's interval is below
    ``ratio`` x the intended share. Returns the brand's rows of :func:`pillar_shares` with a
    ``under_served`` flag and ``share_of_intent`` (share / intended share), pillars only."""
    part = shares[(shares[by] == brand) & (shares["pillar"] != "other")].copy()
    part["share_of_intent"] = (part["share"] / part["intended_share"].replace(0, np.nan)).round(2)
    part["under_served"] = (part["high"] < ratio * part["intended_share"]).fillna(False).astype(bool)
    return part.sort_values("share_of_intent", kind="stable").reset_index(drop=True)


# --- 6. what works ---------------------------------------------------------------------------------

TERMS = ("media_format", "hour_band", "paid_label", "platform", "pillar")
_TERM_NAMES = {
    "media_format": "format",
    "hour_band": "hour",
    "paid_label": "paid",
    "platform": "platform",
    "pillar": "pillar",
    "actor": "actor",
}


def _fit_glm(frame: pd.DataFrame, terms: list[str], refs: dict, offset: bool):
    import statsmodels.api as sm

    parts = []
    for term in terms:
        dummies = pd.get_dummies(frame[term].astype("string"), prefix=term, prefix_sep="=", dtype=float)
        dummies = dummies.drop(columns=[f"{term}={refs[term]}"])
        parts.append(dummies)
    X = pd.concat([pd.DataFrame({"const": 1.0}, index=frame.index)] + parts, axis=1)
    y = frame["interactions"].to_numpy(dtype=float)
    off = np.log(frame["_followers"].to_numpy(dtype=float)) if offset else None
    # Poisson fit first (robust, fast), then the NB2 over-dispersion by moments (Cameron & Trivedi 1990),
    # then a negative-binomial GLM with that alpha; Pearson-scaled standard errors either way
    poisson = sm.GLM(y, X, family=sm.families.Poisson(), offset=off).fit()
    mu = np.asarray(poisson.fittedvalues, dtype=float)
    alpha = float(np.sum((y - mu) ** 2 - y) / max(np.sum(mu**2), 1e-12))
    if alpha <= 1e-6:
        res = sm.GLM(y, X, family=sm.families.Poisson(), offset=off).fit(scale="X2")
        res.alpha_ = 0.0
        return res, X.columns, "quasi-Poisson (no over-dispersion)"
    res = sm.GLM(y, X, family=sm.families.NegativeBinomial(alpha=alpha), offset=off).fit(scale="X2")
    res.alpha_ = alpha
    kind = "negative binomial (alpha by moments)"
    return res, X.columns, kind


def effects(
    own: pd.DataFrame,
    *,
    groups: dict | None = None,
    terms=TERMS,
    references: dict | None = None,
    control: str = "actor",
    level: float = 0.95,
    min_level_posts: int = 5,
    tz: str = "UTC",
) -> pd.DataFrame:
    """What earns interactions: rate ratios of format, hour band, paid, platform and pillar.

    For each group of posts (``groups``: ``{name: role or list of roles}``; default one model on
    all own posts and one per role present), a negative-binomial regression of a post's
    interactions on the ``terms`` (those with at least two levels), with ``control`` (the actor)
    as a control and log(followers) as offset when every post has a follower count. Levels with
    fewer than ``min_level_posts`` posts are pooled into the reference (not estimated).

    References: ``text`` for the format, ``organic`` for paid, and otherwise the level with the
    most posts (``references`` overrides). p-values are Holm-adjusted within each model.

    Returns
    -------
    DataFrame
        ``model, term, level, reference, posts, rate_ratio, low, high, p_value, q_value, significant``
        (q < 1 - level), plus ``attrs["models"]``: per model the posts used, the estimator, whether
        the offset was used and the over-dispersion alpha.
    """
    from scipy.stats import norm
    from statsmodels.stats.multitest import multipletests

    per = own if "rate_followers" in own.columns else engagement(own, tz=tz)
    if groups is None:
        roles = [r for r in OWN_ROLES if r in set(per["actor_role"].dropna())]
        groups = {"all own posts": list(roles)} if len(roles) > 1 else {}
        groups.update({r: [r] for r in roles})
    refs_default = {"media_format": "text", "paid_label": "organic"}
    refs_default.update(references or {})
    cols = [
        "model",
        "term",
        "level",
        "reference",
        "posts",
        "rate_ratio",
        "low",
        "high",
        "p_value",
        "q_value",
        "significant",
    ]
    rows, models = [], []
    z = norm.ppf(0.5 + level / 2)
    # one reference per term for every model (the most frequent level over all the posts), so models compare
    for term in terms:
        if term in per.columns and term not in refs_default:
            counts = per[term].astype("string").fillna("unknown").value_counts()
            if len(counts):
                refs_default[term] = "other" if term == "pillar" and "other" in counts.index else counts.index[0]
    for name, roles in groups.items():
        roles = [roles] if isinstance(roles, str) else list(roles)
        frame = per[per["actor_role"].isin(roles).fillna(False).astype(bool)].copy()
        followers = (
            pd.to_numeric(frame.get("author_followers"), errors="coerce")
            if "author_followers" in frame
            else pd.Series(np.nan, index=frame.index)
        )
        offset = bool(len(frame)) and bool((followers > 0).all())
        frame["_followers"] = followers
        used_terms, refs = [], {}
        for term in list(terms) + ([control] if control else []):
            if term not in frame.columns:
                continue
            values = frame[term].astype("string").fillna("unknown")
            if term == "paid_label" and (values == "unknown").all():
                continue
            counts = values.value_counts()
            ref = refs_default.get(term)
            if ref not in counts.index:
                ref = counts.index[0] if len(counts) else None
            small = [v for v, c in counts.items() if c < min_level_posts and v != ref]
            values = values.where(~values.isin(small), ref)
            if values.nunique() < 2:
                continue
            frame[term] = values
            used_terms.append(term)
            refs[term] = ref
        if len(frame) < 10 or len(frame) <= 2 + sum(frame[t].nunique() - 1 for t in used_terms):
            models.append({"model": name, "posts": len(frame), "estimator": "not fitted (too few posts)"})
            continue
        if frame["interactions"].sum() == 0:
            models.append({"model": name, "posts": len(frame), "estimator": "not fitted (no interactions at all)"})
            continue
        try:
            res, names, kind = _fit_glm(frame, used_terms, refs, offset)
        except Exception as exc:  # a degenerate design: say so rather than fail the report
            models.append({"model": name, "posts": len(frame), "estimator": f"not fitted ({exc})"})
            continue
        params = pd.Series(np.asarray(res.params), index=list(names))
        bse = pd.Series(np.asarray(res.bse), index=params.index)
        pvals = pd.Series(np.asarray(res.pvalues), index=params.index)
        model_rows = []
        for term in used_terms:
            if term == control:
                continue
            for col in [c for c in names if c.startswith(f"{term}=")]:
                level_name = col.split("=", 1)[1]
                b, se = float(params[col]), float(bse[col])
                model_rows.append(
                    {
                        "model": name,
                        "term": _TERM_NAMES.get(term, term),
                        "level": level_name,
                        "reference": refs[term],
                        "posts": int((frame[term] == level_name).sum()),
                        "rate_ratio": math.exp(b),
                        "low": math.exp(b - z * se),
                        "high": math.exp(b + z * se),
                        "p_value": float(pvals[col]),
                    }
                )
        if model_rows:
            q = multipletests([r["p_value"] for r in model_rows], method="holm")[1]
            for r, qq in zip(model_rows, q):
                r["q_value"] = float(qq)
                r["significant"] = bool(qq < 1 - level)
        rows.extend(model_rows)
        models.append(
            {
                "model": name,
                "posts": len(frame),
                "estimator": kind,
                "offset": "log(followers)"
                if offset
                else "none (followers missing): the actor control absorbs audience size",
                "alpha": round(float(res.alpha_), 4),
                "controls": control if control in used_terms else "none",
            }
        )
    out = pd.DataFrame(rows, columns=cols)
    out.attrs["models"] = models
    return out


def effect_models(result: pd.DataFrame) -> pd.DataFrame:
    """The models behind :func:`effects` (posts, estimator, offset, over-dispersion) as a table."""
    return pd.DataFrame(result.attrs.get("models", []))


def _pct(x: float, digits: int = 2) -> str:
    """A share as a percentage with ``digits`` decimals, or two significant digits when smaller than that shows."""
    if pd.isna(x):
        return "n/a"
    value = 100 * float(x)
    if value != 0 and abs(value) < 10**-digits * 5:
        return f"{value:.2g} %"
    return f"{value:.{digits}f} %"


def findings(
    *,
    brand: str,
    effects_result: pd.DataFrame | None = None,
    shares: pd.DataFrame | None = None,
    divergence: pd.DataFrame | None = None,
    benchmark: pd.DataFrame | None = None,
    keyness_result: pd.DataFrame | None = None,
    gaps_result: pd.DataFrame | None = None,
    by: str = "actor",
    max_effects: int = 6,
    max_items: int = 15,
) -> pd.DataFrame:
    """A short list of findings in words, each with the figure it rests on and where it comes from.

    Only effects that pass the Holm-adjusted test are stated as effects (the ``max_effects``
    strongest, platform contrasts left to the chart); pillars flagged by :func:`under_served`;
    benchmark verdicts whose interval excludes the benchmark.
    """
    rows = []
    if effects_result is not None and len(effects_result):
        eff = effects_result[effects_result["term"] != "platform"]  # platforms differ by audience: see benchmarks
        preferred = [m for m in ("brand", "competitor") if m in set(eff["model"])] or list(pd.unique(eff["model"]))
        eff = eff[eff["model"].isin(preferred)]
        sig = eff[eff["significant"]]
        keys = sig.assign(strength=np.abs(np.log(sig["rate_ratio"]))).sort_values("strength", ascending=False)
        keys = keys[["term", "level"]].drop_duplicates().head(max_effects)
        for term, level in keys.itertuples(index=False):
            part = eff[(eff["term"] == term) & (eff["level"] == level)]
            ref = part["reference"].iloc[0]
            flip = bool((part["rate_ratio"] < 1).all())  # say "the reference earns more", easier to read
            bits, evidence = [], []
            for r in part.itertuples():
                who = {"brand": "the brand", "competitor": "competitors", "media": "the media"}.get(r.model, r.model)
                mark = "" if r.significant else " (not significant)"
                rr, low, high = (1 / r.rate_ratio, 1 / r.high, 1 / r.low) if flip else (r.rate_ratio, r.low, r.high)
                bits.append(f"x{rr:.2f} for {who}{mark}")
                evidence.append(f"{who}: [{low:.2f}, {high:.2f}], q = {r.q_value:.2g}, {r.posts} posts")
            first, second = (ref, level) if flip else (level, ref)
            rows.append(
                {
                    "finding": f"{term} {first} vs {second}: " + ", ".join(bits) + " (interactions, all else equal)",
                    "evidence": "; ".join(evidence),
                    "section": "what works",
                }
            )
    if shares is not None and len(shares):
        under = under_served(shares, brand=brand, by=by)
        for r in under[under["under_served"]].itertuples():
            rows.append(
                {
                    "finding": f"Pillar '{r.pillar}' is under-served: {_pct(r.share, 1)} of {brand}'s posts "
                    f"against {_pct(r.intended_share, 0)} intended",
                    "evidence": f"Wilson 95 % [{_pct(r.low, 1)}, {_pct(r.high, 1)}], {r.posts} of "
                    f"{r.group_posts} posts",
                    "section": "editorial line",
                }
            )
        other = shares[(shares[by] == brand) & (shares["pillar"] == "other")]
        if len(other):
            o = other.iloc[0]
            rows.append(
                {
                    "finding": f"{_pct(o.share, 0)} of {brand}'s posts fall outside every stated pillar",
                    "evidence": f"Wilson 95 % [{_pct(o.low, 1)}, {_pct(o.high, 1)}]",
                    "section": "editorial line",
                }
            )
    if divergence is not None and len(divergence):
        d = divergence.iloc[0]
        rows.append(
            {
                "finding": f"Distance of {brand}'s posting from its stated pillars: JSD {d.divergence:.2f}",
                "evidence": f"bootstrap 95 % [{d.low:.2f}, {d.high:.2f}] (0 = as stated, 1 = disjoint)",
                "section": "editorial line",
            }
        )
    if benchmark is not None and len(benchmark):
        mine = benchmark[(benchmark[by] == brand) & benchmark["verdict"].isin(["above", "below"])]
        for r in mine.itertuples():
            rows.append(
                {
                    "finding": f"{brand} on {r.platform}: median engagement rate {_pct(r.median_rate_followers)} "
                    f"is {r.verdict} the published average {_pct(r.benchmark)}",
                    "evidence": f"bootstrap 95 % [{_pct(r.median_rate_followers_low)}, "
                    f"{_pct(r.median_rate_followers_high)}], {r.posts} posts",
                    "section": "performance",
                }
            )
    if gaps_result is not None and len(gaps_result):
        g = gaps_result.iloc[0]
        rows.append(
            {
                "finding": f"Longest silence: {g[by]} posted nothing for {g.days:.1f} days",
                "evidence": f"{pd.Timestamp(g.start):%Y-%m-%d} to {pd.Timestamp(g.end):%Y-%m-%d}",
                "section": "inventory",
            }
        )
    if keyness_result is not None and len(keyness_result):
        top = keyness_result[(keyness_result[by] == brand) & (keyness_result["rank"] <= 3)]
        for lang, part in top.groupby("lang", sort=True):
            rows.append(
                {
                    "finding": f"{brand}'s most distinctive terms ({lang}): " + ", ".join(part["term"]),
                    "evidence": "z = " + ", ".join(f"{v:.1f}" for v in part["z"]),
                    "section": "lexicography",
                }
            )
    return pd.DataFrame(rows[:max_items] if max_items else rows, columns=["finding", "evidence", "section"])


# --- helpers for the report: small values to record, topics per actor --------------------------------


def brand_actor(own: pd.DataFrame) -> str | None:
    """The actor name of the brand's own posts (the most frequent one), or None when the brand has no post."""
    names = own.loc[own["actor_role"] == "brand", "actor"].dropna()
    return str(names.value_counts().index[0]) if len(names) else None


def overview(own: pd.DataFrame, *, all_kinds: pd.DataFrame | None = None) -> list[str]:
    """Sentences saying what the audit covers: own posts analysed per role, or that there are none and why."""
    if own.empty:
        found = 0 if all_kinds is None else len(all_kinds)
        if found:
            return [
                f"The listed accounts published {found} posts in this period, but none of the kinds analysed "
                "(see the kinds parameter): the sections below have nothing to measure."
            ]
        return [
            "No post of the listed brand, competitor or media accounts in this period: check the account "
            "handles in the parameters (brand_accounts, competitor_accounts, media_accounts) and the period. "
            "The sections below have nothing to measure."
        ]
    lines = []
    for role in OWN_ROLES:
        part = own[own["actor_role"] == role]
        if len(part):
            actors = part["actor"].value_counts()
            lines.append(
                f"{role}: {len(part):,} posts from {len(actors)} actor(s) ("
                + ", ".join(f"{a} {n:,}" for a, n in actors.head(8).items())
                + (", ..." if len(actors) > 8 else "")
                + ")"
            )
        else:
            lines.append(f"{role}: no post in this period; comparisons with the {role} are left out.")
    start, end = own["created_at"].min(), own["created_at"].max()
    lines.append(f"from {start:%Y-%m-%d} to {end:%Y-%m-%d}")
    return lines


def measures(own: pd.DataFrame) -> pd.DataFrame:
    """What this export lets the audit measure: for each measure, the posts that carry it and what is shown."""
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


def topics_by_actor(
    own: pd.DataFrame,
    embeddings: np.ndarray,
    *,
    by: str = "actor_role",
    seed: int = 0,
    min_posts: int = 50,
    min_share: float = 0.02,
    **fit_kwargs,
) -> pd.DataFrame:
    """Fit topics on the own posts (:func:`kit.tl.topics.fit`, seeded) and say who covers each
    (:func:`topic_owners`). With fewer than ``min_posts`` posts, an empty table whose
    ``attrs["note"]`` says why. ``attrs["topics"]`` keeps the topic info table."""
    from . import topics

    if len(own) < min_posts:
        out = pd.DataFrame(columns=["topic", "label", "covered_by", "posts"])
        out.attrs["note"] = f"{len(own)} own posts: too few for topics (at least {min_posts})."
        return out
    fitted = topics.fit(own, embeddings, seed=seed, **fit_kwargs)
    out = topic_owners(own, fitted.assignments, by=by, min_share=min_share)
    out.attrs["topics"] = fitted.info
    out.attrs["note"] = f"{len(fitted.info[fitted.info['topic'] != -1])} topics on {len(own)} own posts (seed {seed})."
    return out


def top_terms(result: pd.DataFrame, *, by: str = "actor", n: int = 10) -> dict:
    """``{group: [terms]}``: the ``n`` highest-z terms of each group over all languages (for the record)."""
    out = {}
    for g, part in result.groupby(by, sort=True):
        terms = part.sort_values("z", ascending=False)["term"].drop_duplicates().head(n)
        out[str(g)] = terms.tolist()
    return out


def effect_values(result: pd.DataFrame) -> dict:
    """``{model: {"term=level": {"rate_ratio", "low", "high", "q_value", "significant"}}}`` (for the record)."""
    out: dict = {}
    for r in result.itertuples():
        out.setdefault(r.model, {})[f"{r.term}={r.level}"] = {
            "rate_ratio": round(r.rate_ratio, 4),
            "low": round(r.low, 4),
            "high": round(r.high, 4),
            "q_value": float(r.q_value),
            "significant": bool(r.significant),
            "reference": r.reference,
        }
    return out


_PCT_WORDS = ("rate", "share", "benchmark")


def readable(frame: pd.DataFrame, *, digits: int = 2) -> pd.DataFrame:
    """A copy of an audit table for reading: rates and shares as percentages (with their interval
    bounds), p- and q-values with two significant digits, other decimals rounded, times to the
    minute. For display only: keep the original table for further computation."""
    out = frame.copy()
    pct_cols = [
        c
        for c in out.columns
        if any(w in str(c) for w in _PCT_WORDS) and not str(c).startswith(("times_", "share_of_intent", "rate_ratio"))
    ]
    if {"share", "low", "high"} <= set(out.columns):
        pct_cols += ["low", "high"]
    for c in out.columns:
        col = out[c]
        if c in pct_cols and pd.api.types.is_numeric_dtype(col):
            out[c] = col.map(lambda v: "" if pd.isna(v) else _pct(v, digits))
        elif c in ("p_value", "q_value") and pd.api.types.is_numeric_dtype(col):
            out[c] = col.map(lambda v: "" if pd.isna(v) else f"{v:.2g}")
        elif pd.api.types.is_float_dtype(col):
            out[c] = col.round(3 if col.abs().max() < 100 else 1)
        elif isinstance(col.dtype, pd.DatetimeTZDtype):
            out[c] = col.dt.strftime("%Y-%m-%d %H:%M")
    return out
