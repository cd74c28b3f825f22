"""From the generator's arrays to the canonical post table: time order, ids, engagement, urls, labels."""

from __future__ import annotations

import numpy as np
import pandas as pd
import pyarrow as pa

from .. import schema
from ._arrays import _join, _noise, _strings, _take, _when, _Window
from ._scenario import (
    AB_RATES,
    ACTORS,
    CAMPAIGNS,
    DAY,
    EFFECT_HOURS,
    FB,
    FORMAT_EFFECT,
    FORMATS,
    HOUR,
    HOUR_EFFECT,
    IG,
    INTENTS,
    KINDS,
    LANGS,
    NOISE_SIGMA,
    ORIGINAL,
    PAID_INTERACTIONS,
    PAID_VIEWS,
    PLATFORM_RATE,
    PLATFORMS,
    QUOTE,
    R_BRAND,
    R_PUBLIC,
    REPLY,
    REPOST,
    ROLES,
    S_CAMPAIGN,
    S_EMPLOYEE,
    S_MEDIA,
    S_MENTION,
    S_OWNED,
    S_REPLY,
    S_SPECIAL,
    S_STATEMENT,
    SENTIMENTS,
    SPLIT,
    T_CRISIS,
    TOPICS,
    TW,
    VARIANTS,
    VIEW_FRACTION,
)
from ._truth import _truth

__all__ = ["TWITTER_EPOCH_MS"]

TWITTER_EPOCH_MS = 1_288_834_974_657


def _engagement(rng, r: dict, acc: dict, seeds: np.ndarray) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """Counts (likes, shares, comments, quotes), views and reach (-1 where the platform does not say)."""
    n = len(r["t"])
    style, plat, fmt, kind, role = r["style"], r["plat"], r["fmt"], r["kind"], r["role"]
    followers = acc["followers"][r["author"]].astype(float)
    hour = (r["t"] % DAY) // HOUR
    paid = r["paid"] == 1
    hour_effect = np.where(np.isin(hour, EFFECT_HOURS), HOUR_EFFECT, 1.0)
    owned = np.isin(style, (S_OWNED, S_STATEMENT, S_MEDIA))
    lam = np.zeros(n)
    lam[owned] = (
        followers
        * PLATFORM_RATE[plat]
        * FORMAT_EFFECT[fmt]
        * hour_effect
        * np.where(paid, PAID_INTERACTIONS, 1.0)
        * _noise(rng, n, NOISE_SIGMA)
    )[owned]
    public = np.isin(style, (S_MENTION, S_EMPLOYEE, S_SPECIAL))
    lam_public = (
        (0.3 + 0.03 * followers**0.75)
        * _noise(rng, n, 0.9)
        * np.where((r["topic"] == T_CRISIS) & (kind == ORIGINAL), 3, 1)
    )
    lam[public] = lam_public[public]
    lam[style == S_REPLY] = 0.8
    counts = rng.poisson(lam[:, None] * SPLIT[plat])

    views = np.full(n, -1, np.int64)
    reach = np.full(n, -1, np.int64)
    brand_owned = (role == R_BRAND) & np.isin(style, (S_OWNED, S_STATEMENT, S_CAMPAIGN)) & np.isin(plat, (TW, FB, IG))
    other_owned = np.isin(style, (S_OWNED, S_MEDIA)) & (role != R_BRAND) & (plat == TW)
    owned_views = followers * VIEW_FRACTION[plat] * np.where(paid, PAID_VIEWS, 1.0) * _noise(rng, n, 0.35)
    views[brand_owned | other_owned] = np.round(owned_views[brand_owned | other_owned])
    reach[brand_owned] = np.round(views[brand_owned] * rng.uniform(0.55, 0.8, n)[brand_owned])

    for c, name in enumerate(CAMPAIGNS):
        for v in range(2):
            m = (r["campaign"] == c) & (r["variant"] == v)
            for p in np.unique(plat[m]):
                mp = m & (plat == p)
                engaged = rng.binomial(views[mp], AB_RATES[name][v])
                counts[mp] = rng.multinomial(engaged, SPLIT[p])

    pub_tw = public & (plat == TW)
    views[pub_tw] = np.round(followers * 0.4 * _noise(rng, n, 0.6) + 5 + 8 * counts.sum(axis=1))[pub_tw]
    counts[kind == REPOST] = 0
    # a post has at least as many shares, comments and quotes as the table holds reposts, replies and quotes of it
    for k, col in ((REPOST, 1), (REPLY, 2), (QUOTE, 3)):
        m = kind == k
        children = np.bincount(r["parent"][m], minlength=n)
        if k == REPOST:
            children[seeds] *= 3  # the cascade seeds were shared far more than a sample captures
        counts[:, col] = np.maximum(counts[:, col], children)
    return counts, views, reach


def _urls(r: dict, acc: dict, ids: pa.Array) -> pa.Array:
    pre = pa.array(
        [
            "https://twitter.com/",
            "https://mastodon.social/@",
            "https://bsky.app/profile/",
            "https://www.facebook.com/",
            "https://www.instagram.com/p/",
        ],
        pa.string(),
    )
    mid = pa.array(["/status/", "/", ".bsky.social/post/", "/posts/", ""], pa.string())
    end = pa.array(["", "", "", "", "/"], pa.string())
    plat = r["plat"]
    handle = _when(plat != IG, _take(acc["handle_pa"], r["author"]))
    return _join(_take(pre, plat), handle, _take(mid, plat), ids, _take(end, plat))


def _labels(names, codes) -> pa.Array:
    """Names for integer codes, null where the code is negative."""
    codes = np.asarray(codes)
    out = _take(pa.array(list(names), pa.string()), np.maximum(codes, 0))
    return _when(codes >= 0, out, None)


def _assemble(
    rng, r: dict, text: pa.Array, acc: dict, win: _Window, onset: int, seeds, special_lo: int, n_posts: int, seed: int
) -> tuple[pd.DataFrame, dict]:
    """Sort by time, give ids, draw engagement, build the canonical table and compute the truth."""
    n = len(r["t"])
    order = np.lexsort((np.arange(n), r["t"]))
    inv = np.empty(n, np.int64)
    inv[order] = np.arange(n)
    r = {k: v[order] for k, v in r.items()}
    has_parent = r["parent"] >= 0
    r["parent"][has_parent] = inv[r["parent"][has_parent]]
    text = _take(text, order)
    seeds = inv[seeds]
    special = inv[[special_lo, special_lo + 1]]

    ms = r["t"] * 1000 + rng.integers(0, 1000, n)
    ids = _strings(((ms - TWITTER_EPOCH_MS) << 22) + (np.arange(n) & 0x3FFFFF))
    counts, views, reach = _engagement(rng, r, acc, seeds)
    public = r["role"] == R_PUBLIC
    author = r["author"]
    shows_app = public & (rng.random(n) < 0.6)
    paid = pd.array(r["paid"] == 1, dtype="boolean")
    paid[r["paid"] < 0] = pd.NA

    def count_col(values):
        out = pd.array(values, dtype="Int64")
        out[values < 0] = pd.NA
        return out

    def string(values: pa.Array):
        return pd.arrays.ArrowStringArray(values)

    frame = pd.DataFrame(
        {
            "post_id": string(ids),
            "platform": string(_labels(PLATFORMS, r["plat"])),
            "author_id": string(_take(acc["id_pa"], author)),
            "author_handle": string(_take(acc["handle_pa"], author)),
            "author_name": string(_take(acc["name_pa"], author)),
            "author_followers": pd.array(acc["followers"][author], dtype="Int64"),
            "created_at": pd.to_datetime(r["t"], unit="s", utc=True).astype("datetime64[ns, UTC]"),
            "text": string(text),
            "lang": string(_labels(LANGS, r["lang"])),
            "kind": string(_labels(KINDS, r["kind"])),
            "parent_id": string(_when(has_parent, _take(ids, np.maximum(r["parent"], 0)), None)),
            "url": string(_urls(r, acc, ids)),
            "media_format": string(_labels(FORMATS, r["fmt"])),
            "likes": pd.array(counts[:, 0], dtype="Int64"),
            "shares": pd.array(counts[:, 1], dtype="Int64"),
            "comments": pd.array(counts[:, 2], dtype="Int64"),
            "quotes": pd.array(counts[:, 3], dtype="Int64"),
            "views": count_col(views),
            "reach": count_col(reach),
            "paid": paid,
            "actor": string(_labels([a["name"] for a in ACTORS], r["actor"])),
            "actor_role": string(_labels(ROLES, r["role"])),
            "country": string(_when(public, _take(acc["country_pa"], author), None)),
            "source_app": string(_when(shows_app, _take(acc["device_pa"], author), None)),
            "source_file": string(_labels(["sample"], np.zeros(n, np.int64))),
            "source_row": pd.array(np.arange(1, n + 1), dtype="Int64"),
            "x_true_topic": string(_labels(TOPICS, r["topic"])),
            "x_true_intent": string(_labels(INTENTS, r["intent"])),
            "x_true_sentiment": string(_labels(SENTIMENTS, r["sent"])),
            "x_campaign": string(_labels(CAMPAIGNS, r["campaign"])),
            "x_variant": string(_labels(VARIANTS, r["variant"])),
        }
    )
    frame = schema.validate(schema.coerce(frame))
    truth = _truth(r, counts, np.maximum(views, 0), ids, text, acc, win, onset, seeds, special, n_posts, seed)
    return frame, truth
