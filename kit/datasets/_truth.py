"""The truth dict: what the generator planted (parameters) and what the post table shows (observed)."""

from __future__ import annotations

import json
import math

import numpy as np
import pandas as pd
import pyarrow as pa
import pyarrow.compute as pc

from ._arrays import _day, _iso, _Window
from ._banks_public import PUBLIC
from ._scenario import (
    AB_DAYS,
    AB_RATES,
    ACTORS,
    BRAND,
    CAMPAIGNS,
    CASCADE_WEIGHTS,
    COMPLAINT,
    CRISIS_HALF_LIFE_H,
    CRISIS_KEYWORDS,
    CRISIS_MEDIA_H,
    CRISIS_PAUSE_H,
    CRISIS_RISE_H,
    CRISIS_SEED_H,
    DAY,
    EFFECT_HOURS,
    EMPLOYEES,
    FORMAT_EFFECT,
    FORMATS,
    GAP,
    HOUR,
    HOUR_EFFECT,
    KINDS,
    LANGS,
    MARKUP_TEXT,
    MEDIA,
    MEDIA_KEYWORDS,
    NEG,
    NOISE_SIGMA,
    ORIGINAL,
    OWN_TOPICS,
    PAID_INTERACTIONS,
    PAID_VIEWS,
    PILLARS,
    PLATFORM_RATE,
    PLATFORMS,
    POS,
    QUESTION,
    QUOTE,
    R_BRAND,
    R_COMP,
    R_MEDIA,
    R_PUBLIC,
    REPLY,
    REPOST,
    RESPONSE_MEDIAN_H,
    RESPONSE_RATE,
    RESPONSE_SIGMA,
    ROLES,
    SCRIPT_TEXT,
    SOV_TARGET,
    T_CRISIS,
    T_NIGHT,
    TOPICS,
    TRACKED,
    UNDER_SERVED,
    VARIANTS,
    WEAK_KEYWORDS,
    WEAK_START_DAY,
    WEEKS,
)

__all__: list[str] = []


def _share(mask: np.ndarray) -> float:
    return round(float(np.mean(mask)), 4) if len(mask) else 0.0


def _truth(
    r: dict,
    counts,
    views,
    ids: pa.Array,
    text: pa.Array,
    acc: dict,
    win: _Window,
    onset: int,
    seeds,
    special,
    n_posts: int,
    seed: int,
) -> dict:
    """What was planted (parameters) and what the table shows (observed), computed on the generator's arrays."""
    from .. import __version__

    n = len(r["t"])
    t, role, actor, kind = r["t"], r["role"], r["actor"], r["kind"]
    topic, intent, sent = r["topic"], r["intent"], r["sent"]
    names = [a["name"] for a in ACTORS]
    brand = names[BRAND]
    tracked = [names[a] for a in TRACKED]
    public = role == R_PUBLIC

    # share of voice and net sentiment
    about_tracked = public & np.isin(actor, TRACKED)
    sov = np.bincount(actor[about_tracked], minlength=len(ACTORS))[: len(TRACKED)]
    sov = sov / sov.sum()
    mentions = about_tracked & (kind != REPOST)
    net = {}
    for a in TRACKED:
        pos = int((mentions & (actor == a) & (sent == POS)).sum())
        neg = int((mentions & (actor == a) & (sent == NEG)).sum())
        net[names[a]] = round((pos - neg) / (pos + neg), 4) if pos + neg else 0.0

    # customer care
    eligible = public & (actor == BRAND) & (kind != REPOST) & np.isin(intent, (COMPLAINT, QUESTION))
    reply_rows = np.where((role == R_BRAND) & (kind == REPLY))[0]
    replied_to = r["parent"][reply_rows]
    rt_h = (t[reply_rows] - t[replied_to]) / HOUR
    answered = np.zeros(n, bool)
    answered[replied_to] = True

    # A/B tests
    ab = {}
    interactions = counts.sum(axis=1)
    for c, name in enumerate(CAMPAIGNS):
        variants = {}
        for v, label in enumerate(VARIANTS):
            m = (r["campaign"] == c) & (r["variant"] == v)
            engaged, seen = int(interactions[m].sum()), int(views[m].sum())
            variants[label] = dict(
                rate=AB_RATES[name][v],
                posts=int(m.sum()),
                views=seen,
                engagements=engaged,
                observed_rate=round(engaged / seen, 5) if seen else None,
            )
        rate_a, rate_b = AB_RATES[name]
        d0, d1 = AB_DAYS[name]
        ab[name] = dict(
            actor=brand,
            platforms=["facebook", "instagram"],
            media_format="image",
            start=_day(win.t0 + d0 * DAY),
            end=_day(win.t0 + (d1 - 1) * DAY),
            metric="(likes + shares + comments + quotes) / views",
            variants=variants,
            relative_lift=round(rate_b / rate_a - 1, 4),
            winner="B" if rate_b > rate_a else ("A" if rate_a > rate_b else None),
        )

    # weak signal
    brand_mentions = public & (actor == BRAND) & (kind != REPOST)
    week = (t - win.t0) // (7 * DAY)
    night = topic == T_NIGHT
    first4 = brand_mentions & (week < 4)
    last2 = brand_mentions & (week >= WEEKS - 2)

    # crisis
    crisis_public = (topic == T_CRISIS) & public
    hours = (t[crisis_public] - onset) // HOUR
    hourly = np.bincount(hours[(hours >= 0) & (hours < 96)], minlength=96)
    peak = int(np.argmax(hourly))
    first, second = int(hourly[peak : peak + 12].sum()), int(hourly[peak + 12 : peak + 24].sum())
    half_obs = round(12 * math.log(2) / math.log(first / second), 2) if second and first > second else None
    in_window = (t >= onset) & (t < onset + 72 * HOUR) & (actor == BRAND)
    before = (t >= onset - 24 * HOUR) & (t < onset) & (actor == BRAND)
    first_media = int(t[(role == R_MEDIA) & (topic == T_CRISIS)].min())
    first_statement = int(t[(role == R_BRAND) & (kind == ORIGINAL) & (topic == T_CRISIS)].min())
    seed_ids = [ids[int(i)].as_py() for i in seeds]
    cascade = np.bincount(r["parent"][kind == REPOST], minlength=n)
    week_before = (t >= onset - 7 * DAY) & (t < onset)
    baseline_hourly = (brand_mentions & (topic != T_CRISIS) & week_before).sum() / (7 * 24)
    lam = math.log(2) / CRISIS_HALF_LIFE_H
    k_crisis = int((crisis_public & (kind == ORIGINAL)).sum())
    k_cascade = int((crisis_public & np.isin(kind, (REPOST, QUOTE))).sum())
    p_rise = lam / (2 / CRISIS_RISE_H + lam)
    x = np.arange(0, 24 * 20, 0.25)
    expected = k_crisis * np.where(
        x < CRISIS_RISE_H, p_rise * 2 * x / CRISIS_RISE_H**2, (1 - p_rise) * lam * np.exp(-lam * (x - CRISIS_RISE_H))
    )
    for start_h, w in zip(list(CRISIS_SEED_H) + [CRISIS_MEDIA_H], CASCADE_WEIGHTS):
        expected += k_cascade * w * np.where(x >= start_h, lam * np.exp(-lam * np.maximum(x - start_h, 0)), 0)
    back = x[(x > CRISIS_RISE_H) & (expected < 0.25 * baseline_hourly)]

    # pillars
    own = (role == R_BRAND) & (kind == ORIGINAL) & (r["campaign"] < 0) & (topic != T_CRISIS)
    own_topics = np.bincount(topic[own], minlength=len(TOPICS)) / max(int(own.sum()), 1)
    generated = {k: OWN_TOPICS[BRAND].get(TOPICS.index(p["topic"]), 0.0) for k, p in PILLARS.items()}
    observed = {k: round(float(own_topics[TOPICS.index(p["topic"])]), 4) for k, p in PILLARS.items()}
    observed["other"] = round(1 - sum(observed.values()), 4)
    generated["other"] = round(1 - sum(generated.values()), 4)

    # influencers among the public authors present
    authors = np.unique(r["author"][public])
    big = authors[acc["followers"][authors] >= 10_000]
    big = big[np.argsort(-acc["followers"][big], kind="stable")]

    actors = {}
    for a, spec in enumerate(ACTORS):
        actors[spec["name"]] = dict(
            role=ROLES[spec["role"]],
            handle=spec["handle"],
            platforms=[PLATFORMS[p] for p in spec["followers"]],
            followers={PLATFORMS[p]: f for p, f in spec["followers"].items()},
            own_lang_mix=dict(zip(LANGS, spec["own_lang"])),
            **(
                {
                    "product": spec["product"],
                    "mention_lang_mix": dict(zip(LANGS, spec["mention_lang"])),
                    "paid_share": spec["paid"],
                    "keywords": spec["keywords"],
                    "own_topic_mix": {TOPICS[k]: v for k, v in OWN_TOPICS[a].items()},
                }
                if a in TRACKED
                else {"keywords": [spec["tag"]] + MEDIA_KEYWORDS}
            ),
        )

    def by(codes, labels):
        c = np.bincount(codes, minlength=len(labels))
        return {labels[i]: int(c[i]) for i in np.argsort(labels) if c[i]}

    owned_accounts = np.isin(role, (R_BRAND, R_COMP, R_MEDIA))
    truth = {
        "generator": dict(
            function="kit.datasets.generate",
            kit_version=__version__,
            n_posts=n_posts,
            seed=seed,
            start=_day(win.t0),
            end=_day(win.t1 - DAY),
            weeks=WEEKS,
            timezone="UTC",
            labels=["x_true_topic", "x_true_intent", "x_true_sentiment", "x_campaign", "x_variant"],
        ),
        "brand": brand,
        "competitors": tracked[1:],
        "media": [names[a] for a in MEDIA],
        "actors": actors,
        "accounts": int(len(np.unique(r["author"][owned_accounts]))),
        "employees": [e[0] for e in EMPLOYEES],
        "languages": {k: round(v / n, 4) for k, v in by(r["lang"], LANGS).items()},
        "topics": {
            name: sorted({tag for triple in PUBLIC[i]["tags"] for tag in triple if tag and "{" not in tag})
            for i, name in enumerate(TOPICS)
            if name != "misc"
        },
        "pillars": dict(
            stated={k: p["statement"] for k, p in PILLARS.items()},
            keywords={k: p["keywords"] for k, p in PILLARS.items()},
            topic={k: p["topic"] for k, p in PILLARS.items()},
            generated_share=generated,
            observed_share=observed,
            under_served=UNDER_SERVED,
            scope="brand's own original posts, outside campaigns and crisis statements",
        ),
        "engagement": dict(
            scope="own original posts of the brand, competitors and media outside the A/B campaigns",
            interactions="likes + shares + comments + quotes",
            model="expected interactions = followers x platform_rate x format_effect x hour_effect x paid_effect "
            "x lognormal noise (mean 1); counts are Poisson",
            platform_rate=dict(zip(PLATFORMS, PLATFORM_RATE.tolist())),
            format_effect=dict(zip(FORMATS, FORMAT_EFFECT.tolist())),
            hour_effect={"18-20": HOUR_EFFECT, "other": 1.0},
            hour_effect_hours_utc=list(EFFECT_HOURS),
            paid_effect_interactions=PAID_INTERACTIONS,
            paid_effect_views=PAID_VIEWS,
            noise_sigma=NOISE_SIGMA,
            views="brand posts on twitter, facebook, instagram (with reach); competitors' and media posts on twitter; "
            "public posts on twitter; missing elsewhere",
        ),
        "share_of_voice": dict(
            definition="posts by the public about each tracked actor (all kinds) / all such posts",
            everyday_target=dict(zip(tracked, SOV_TARGET)),
            everyday_target_note="shares of the everyday mentions only, before the crisis, the "
            "night-train complaints and the reposts of owned posts are added",
            observed={k: round(float(v), 4) for k, v in zip(tracked, sov)},
        ),
        "net_sentiment": dict(
            definition="(positive - negative) / (positive + negative) over the public's posts about "
            "each actor, reposts excluded, from x_true_sentiment",
            observed=net,
        ),
        "customer_care": dict(
            eligible="public posts about the brand (not reposts) with intent complaint or question",
            response_rate=RESPONSE_RATE,
            median_hours=RESPONSE_MEDIAN_H,
            sigma_log=RESPONSE_SIGMA,
            p90_hours=round(RESPONSE_MEDIAN_H * math.exp(1.2815516 * RESPONSE_SIGMA), 2),
            eligible_posts=int(eligible.sum()),
            replies=int(len(reply_rows)),
            observed_response_rate=round(float(answered[eligible].mean()), 4),
            observed_median_hours=round(float(np.median(rt_h)), 3),
            observed_p90_hours=round(float(np.quantile(rt_h, 0.9)), 3),
            note="replies that would fall after the end of the window are not in the table (open cases)",
        ),
        "ab_tests": ab,
        "weak_signal": dict(
            topic="night_train",
            actor=brand,
            start=_day(win.t0 + WEAK_START_DAY * DAY),
            peak=_day(win.t1 - DAY),
            growth="linear ramp of daily volume from start to the last day",
            keywords=WEAK_KEYWORDS,
            posts=int(night.sum()),
            share_of_brand_mentions_first_4_weeks=_share(night[first4]),
            share_of_brand_mentions_last_2_weeks=_share(night[last2]),
        ),
        "crisis": dict(
            topic="billing_crisis",
            actor=brand,
            keywords=CRISIS_KEYWORDS,
            onset=_iso(onset),
            rise_hours=CRISIS_RISE_H,
            peak_hour=_iso(onset + peak * HOUR),
            peak_hour_definition="hour (UTC, start of the hour) with most public posts on the crisis topic",
            peak_hour_posts=int(hourly.max()),
            model_peak=_iso(onset + CRISIS_RISE_H * HOUR),
            first_media=_iso(first_media),
            first_brand_statement=_iso(first_statement),
            half_life_hours=CRISIS_HALF_LIFE_H,
            observed_half_life_hours=half_obs,
            observed_half_life_definition="12 h x ln 2 / ln(public crisis posts in the 12 h from the peak hour / "
            "in the next 12 h)",
            baseline_return=_iso(onset + back[0] * HOUR) if len(back) else None,
            baseline_return_definition="first time after the peak when the expected hourly crisis volume falls below "
            "25% of the brand's baseline hourly mentions",
            brand_marketing_paused_hours=CRISIS_PAUSE_H,
            posts=int((topic == T_CRISIS).sum()),
            brand_posts_24h_before=int(before.sum()),
            brand_posts_72h_after=int(in_window.sum()),
            repost_share=round(float((kind[in_window] == REPOST).mean()), 4),
            repost_share_definition="reposts among all posts about the brand in the 72 hours after onset",
            seed_post_ids=seed_ids,
            cascade_sizes={i: int(cascade[s]) for i, s in zip(seed_ids, seeds)},
            negative_share_before=_share(sent[brand_mentions & week_before] == NEG),
            negative_share_during=_share(sent[brand_mentions & in_window] == NEG),
        ),
        "posting_gap": dict(
            actor=names[GAP["actor"]],
            start=_day(win.t0 + GAP["days"][0] * DAY),
            end=_day(win.t0 + (GAP["days"][1] - 1) * DAY),
        ),
        "markup_posts": dict(
            script=ids[int(special[0])].as_py(),
            html=ids[int(special[1])].as_py(),
            script_text=SCRIPT_TEXT,
            html_text=MARKUP_TEXT,
        ),
        "influencers": dict(
            threshold_followers=10_000, count=int(len(big)), top=[str(h) for h in acc["handle"][big[:10]]]
        ),
        "counts": dict(
            posts=n,
            authors=int(len(np.unique(r["author"]))),
            distinct_texts=int(pc.count_distinct(text).as_py()),
            by_role=by(role, ROLES),
            by_kind=by(kind, KINDS),
            by_platform=by(r["plat"], PLATFORMS),
        ),
    }
    return json.loads(json.dumps(truth, default=_json_default))


def _json_default(value):
    if isinstance(value, (np.integer,)):
        return int(value)
    if isinstance(value, (np.floating,)):
        return float(value)
    if isinstance(value, (pd.Timestamp,)):
        return value.strftime("%Y-%m-%dT%H:%M:%SZ")
    raise TypeError(f"not JSON serialisable: {type(value)}")
