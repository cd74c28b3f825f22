"""The generator: thirteen weeks of posts built segment by segment (owned, media, campaigns, crisis,
cascade, weak signal, reposts, replies, employees, everyday mentions, care answers)."""

from __future__ import annotations

import numpy as np
import pandas as pd

from ._accounts import _accounts, _Pools
from ._arrays import _choice, _choice_rows, _segment, _Window
from ._assemble import _assemble
from ._crisis import _crisis_segments
from ._scenario import (
    _BASE_TOPICS,
    AB_DAYS,
    ACTORS,
    BRAND,
    CAMPAIGNS,
    COMPLAINT,
    CRISIS_DAY,
    CRISIS_HOUR,
    CRISIS_PAUSE_H,
    DAY,
    EMPLOYEE_WEIGHTS,
    FB,
    FORMAT_EFFECT,
    FORMAT_MIX,
    GAP,
    HOUR,
    HOUR_OWNED,
    HOUR_PUBLIC,
    IG,
    INTENT_MIX,
    MEDIA,
    MEDIA_TOPICS,
    MENTION_TOPICS,
    MIN_POSTS,
    NEG,
    NEU,
    OTHER,
    OWN_TOPICS,
    PLATFORM_RATE,
    POS,
    QUESTION,
    QUOTE,
    R_BRAND,
    R_EMP,
    R_MEDIA,
    R_PUBLIC,
    REPLY,
    REPOST,
    RESPONSE_MEDIAN_H,
    RESPONSE_RATE,
    RESPONSE_SIGMA,
    S_CAMPAIGN,
    S_EMPLOYEE,
    S_MEDIA,
    S_MENTION,
    S_OWNED,
    S_REPLY,
    S_REPOST,
    S_SPECIAL,
    SENTIMENT_MIX,
    SHARES,
    SOV_TARGET,
    T_APP,
    T_CRISIS,
    T_NIGHT,
    T_TICKETS,
    TRACKED,
    TW,
    WEAK_START_DAY,
    WEEKDAY_OWNED,
    WEEKDAY_PUBLIC,
)
from ._texts import _texts

__all__ = ["generate"]


def generate(n_posts: int = 20_000, *, seed: int = 0, start: str = "2026-01-05") -> tuple[pd.DataFrame, dict]:
    """Generate the sample scenario: a canonical post table and its ground truth.

    Parameters
    ----------
    n_posts
        Number of posts (at least 1,000). Every segment of the scenario scales with it.
    seed
        Seed of the numpy Generator; the same seed gives the same frame and truth.
    start
        First day (UTC) of the thirteen-week window. Crisis, campaigns and the weak signal are placed
        at fixed offsets from it (with the default, the crisis starts 2026-03-09 14:00 UTC).

    Returns
    -------
    posts, truth
        ``posts`` passes :func:`kit.schema.validate`, with ``source_file`` = ``"sample"`` and
        ``source_row`` = 1..N in time order, plus the generator's labels ``x_true_topic``,
        ``x_true_intent``, ``x_true_sentiment``, ``x_campaign`` and ``x_variant``. ``truth`` is a
        JSON-serialisable dict of what was planted (parameters) and what the frame shows (observed).

    Examples
    --------
    >>> posts, truth = generate(2_000, seed=3)
    >>> truth["ab_tests"]["spring_ab"]["winner"]
    'B'
    >>> int((posts["text"] == "<script>alert(1)</script>").sum())
    1
    """
    n_posts = int(n_posts)
    if n_posts < MIN_POSTS:
        raise ValueError(f"n_posts must be at least {MIN_POSTS}, got {n_posts}")
    rng = np.random.default_rng(seed)
    win = _Window(start)
    t0, t1 = win.t0, win.t1
    onset = t0 + CRISIS_DAY * DAY + CRISIS_HOUR * HOUR
    acc = _accounts(rng, max(300, int(0.3 * n_posts)))
    pools = _Pools(acc)
    segs: list[dict] = []

    def add(seg: dict) -> int:
        start_row = sum(len(s["t"]) for s in segs)
        segs.append(seg)
        return start_row

    def count(share: float, minimum: int = 1) -> int:
        return max(minimum, int(round(share * n_posts)))

    # 1. owned posts of the brand and the competitors
    for a in TRACKED:
        spec = ACTORS[a]
        k = count(SHARES["owned"][a], 12)
        exclude = []
        if a == BRAND:
            exclude.append((onset, onset + CRISIS_PAUSE_H * HOUR))
        if a == GAP["actor"]:
            exclude.append((t0 + GAP["days"][0] * DAY, t0 + GAP["days"][1] * DAY))
        t = win.times(rng, k, WEEKDAY_OWNED[win.dow], HOUR_OWNED, exclude)
        plats = np.array(list(spec["platform_weights"]))
        plat = plats[_choice(rng, k, list(spec["platform_weights"].values()))]
        if a == BRAND:
            plat[:5] = np.arange(5)  # every network carries at least one brand post
        fmt = _choice_rows(rng, FORMAT_MIX[plat])
        topics = np.array(list(OWN_TOPICS[a]))
        seg = _segment(
            k,
            t=t,
            plat=plat,
            author=acc["owned"][a, plat],
            actor=a,
            about=a,
            role=spec["role"],
            topic=topics[_choice(rng, k, list(OWN_TOPICS[a].values()))],
            lang=_choice(rng, k, spec["own_lang"]),
            fmt=fmt,
            sent=np.where(rng.random(k) < 0.6, POS, NEU),
            style=S_OWNED,
            paid=((plat == TW) | (plat == FB) | (plat == IG)) & (rng.random(k) < spec["paid"]),
        )
        add(seg)
    owned_lo = 0
    owned_hi = sum(len(s["t"]) for s in segs)

    # 2. media everyday coverage
    k = count(SHARES["media"], 8)
    outlet = np.array(MEDIA)[_choice(rng, k, [ACTORS[m]["weight"] for m in MEDIA])]
    plat = np.empty(k, np.int8)
    lang = np.empty(k, np.int8)
    for m in MEDIA:
        sel = outlet == m
        pw = ACTORS[m]["platform_weights"]
        plat[sel] = np.array(list(pw))[_choice(rng, int(sel.sum()), list(pw.values()))]
        lang[sel] = _choice(rng, int(sel.sum()), ACTORS[m]["own_lang"])
    mtopics = np.array(list(MEDIA_TOPICS))
    add(
        _segment(
            k,
            t=win.times(rng, k, WEEKDAY_OWNED[win.dow] + 0.3, HOUR_OWNED + 0.1),
            plat=plat,
            author=acc["owned"][outlet, plat],
            actor=outlet,
            about=np.array(TRACKED)[_choice(rng, k, (0.4, 0.25, 0.2, 0.15))],
            role=R_MEDIA,
            topic=mtopics[_choice(rng, k, list(MEDIA_TOPICS.values()))],
            lang=lang,
            fmt=_choice(rng, k, (0.15, 0.7, 0.1, 0.05)),
            sent=_choice(rng, k, (0.1, 0.8, 0.1)),
            style=S_MEDIA,
            paid=0,
        )
    )

    # 3. A/B message tests (brand, Facebook and Instagram images, organic)
    for c, name in enumerate(CAMPAIGNS):
        d0, d1 = AB_DAYS[name]
        for v in range(2):
            k = max(12, int(round(0.0015 * n_posts)))
            dw = np.zeros(win.days)
            dw[d0:d1] = 1
            plat = np.where(rng.random(k) < 0.5, FB, IG)
            add(
                _segment(
                    k,
                    t=win.times(rng, k, dw, HOUR_OWNED),
                    plat=plat,
                    author=acc["owned"][BRAND, plat],
                    actor=BRAND,
                    about=BRAND,
                    role=R_BRAND,
                    topic=T_TICKETS if c == 0 else T_APP,
                    lang=_choice(rng, k, ACTORS[BRAND]["own_lang"]),
                    fmt=2,
                    sent=POS,
                    style=S_CAMPAIGN,
                    paid=0,
                    campaign=c,
                    variant=v,
                )
            )

    crisis_lo, seeds = _crisis_segments(rng, win, acc, pools=pools, onset=onset, segs=segs, add=add, count=count)

    # 8. weak signal: night-train complaints, growing linearly from WEAK_START_DAY to the end
    k = count(SHARES["weak"], 20)
    dw = np.clip(np.arange(win.days) - WEAK_START_DAY + 1, 0, None).astype(float)
    lang = _choice(rng, k, ACTORS[BRAND]["mention_lang"])
    author = pools.draw(rng, "lang", lang)
    add(
        _segment(
            k,
            t=win.times(rng, k, dw, HOUR_PUBLIC),
            plat=acc["plat"][author],
            author=author,
            actor=BRAND,
            about=BRAND,
            topic=T_NIGHT,
            lang=lang,
            intent=_choice(rng, k, INTENT_MIX[T_NIGHT]),
            fmt=_choice(rng, k, (0.75, 0, 0.2, 0.05)),
            style=S_MENTION,
        )
    )

    # 9-10. the public reposts and replies to owned posts
    all_t = np.concatenate([s["t"] for s in segs])
    all_plat = np.concatenate([s["plat"] for s in segs])
    all_author = np.concatenate([s["author"] for s in segs])
    all_fmt = np.concatenate([s["fmt"] for s in segs])
    pool = np.arange(owned_lo, owned_hi)
    pool = pool[all_t[pool] < t1 - 12 * HOUR]
    w = acc["followers"][all_author[pool]] * PLATFORM_RATE[all_plat[pool]] * FORMAT_EFFECT[all_fmt[pool]]
    all_actor = np.concatenate([s["actor"] for s in segs])
    all_topic = np.concatenate([s["topic"] for s in segs])
    all_lang = np.concatenate([s["lang"] for s in segs])

    def on_owned(share: float, delay_h: float, kind: int, extra) -> None:
        """Public posts of ``kind`` on owned posts drawn by reach, by authors of the parent's platform,
        ``delay_h`` hours later on average; ``extra(parent)`` gives the other columns (drawn last)."""
        k = count(share, 20)
        parent = pool[_choice(rng, k, w)]
        author = pools.draw(rng, "plat", all_plat[parent])
        t = win.after(rng, all_t[parent], delay_h * HOUR)
        actor = all_actor[parent]
        add(
            _segment(
                k,
                t=t,
                plat=all_plat[parent],
                author=author,
                actor=actor,
                about=actor,
                kind=kind,
                parent=parent,
                **extra(parent),
            )
        )

    on_owned(SHARES["public_reposts"], 5, REPOST, lambda parent: dict(style=S_REPOST))
    on_owned(
        SHARES["public_replies"],
        3,
        REPLY,
        lambda parent: dict(
            topic=all_topic[parent],
            intent=_choice_rows(rng, INTENT_MIX[all_topic[parent]]),
            lang=all_lang[parent],
            fmt=0,
            style=S_MENTION,
        ),
    )

    # 11. employees share the brand's posts: reposts, and quotes with their own words
    k = count(SHARES["employees"], 10)
    emp = acc["first_emp"] + _choice(rng, k, EMPLOYEE_WEIGHTS)
    eplat = acc["plat"][emp]
    parent = np.empty(k, np.int64)
    brand_pool = pool[all_actor[pool] == BRAND]
    for p in np.unique(eplat):
        m = eplat == p
        cand = brand_pool[all_plat[brand_pool] == p]
        if len(cand) == 0:
            cand = np.arange(owned_lo, owned_hi)[
                (all_actor[owned_lo:owned_hi] == BRAND) & (all_plat[owned_lo:owned_hi] == p)
            ]
        parent[m] = rng.choice(cand, int(m.sum()))
    is_quote = rng.random(k) < 0.3
    add(
        _segment(
            k,
            t=win.after(rng, all_t[parent], 3 * HOUR),
            plat=eplat,
            author=emp,
            actor=BRAND,
            about=BRAND,
            role=R_EMP,
            kind=np.where(is_quote, QUOTE, REPOST),
            parent=parent,
            topic=all_topic[parent],
            lang=np.where(is_quote, acc["lang"][emp], all_lang[parent]),
            fmt=0,
            sent=POS,
            style=np.where(is_quote, S_EMPLOYEE, S_REPOST),
        )
    )

    # 12. the two markup posts (escaping tests), then everyday public mentions fill the rest
    special_t = np.array([t0 + 36 * DAY + 10 * HOUR + 15 * 60, t0 + 50 * DAY + 19 * HOUR + 42 * 60])
    author = pools.draw(rng, "plat", np.array([TW, TW]))
    special_lo = add(
        _segment(
            2,
            t=special_t,
            plat=TW,
            author=author,
            actor=BRAND,
            about=BRAND,
            lang=0,
            style=S_SPECIAL,
            sub=np.array([0, 1]),
        )
    )
    fixed = sum(len(s["t"]) for s in segs)
    k = n_posts - fixed
    if k < 0.3 * n_posts:
        raise ValueError(f"n_posts={n_posts} is too small for the scenario")
    actor = np.array(TRACKED)[_choice(rng, k, SOV_TARGET)]
    lang = np.empty(k, np.int8)
    topic = np.empty(k, np.int8)
    for a in TRACKED:
        m = actor == a
        lang[m] = _choice(rng, int(m.sum()), ACTORS[a]["mention_lang"])
        topic[m] = np.array(_BASE_TOPICS)[_choice(rng, int(m.sum()), MENTION_TOPICS[a])]
    author = pools.draw(rng, "lang", lang)
    day_w = WEEKDAY_PUBLIC[win.dow] * (1 + 0.003 * np.arange(win.days))
    intent = _choice_rows(rng, INTENT_MIX[topic])
    fmt = np.where(intent == OTHER, _choice(rng, k, (0.4, 0.5, 0.08, 0.02)), _choice(rng, k, (0.72, 0.04, 0.18, 0.06)))
    everyday_lo = add(
        _segment(
            k,
            t=win.times(rng, k, day_w, HOUR_PUBLIC),
            plat=acc["plat"][author],
            author=author,
            actor=actor,
            about=actor,
            topic=topic,
            lang=lang,
            intent=intent,
            fmt=fmt,
            style=S_MENTION,
        )
    )

    # concatenate what exists so far
    rows = {key: np.concatenate([s[key] for s in segs]) for key in segs[0]}
    n = len(rows["t"])
    # sentiment follows intent for every public mention
    mention = rows["style"] == S_MENTION
    rows["sent"][mention] = _choice_rows(rng, SENTIMENT_MIX[rows["intent"][mention]])
    rows["sent"][crisis_lo : crisis_lo + 4] = NEG

    # 13. the brand answers some complaints and questions (lognormal response times)
    eligible = np.where(
        (rows["role"] == R_PUBLIC)
        & (rows["actor"] == BRAND)
        & (rows["kind"] != REPOST)
        & np.isin(rows["intent"], (COMPLAINT, QUESTION))
    )[0]
    wants = rng.random(len(eligible)) < RESPONSE_RATE
    rt_h = np.exp(np.log(RESPONSE_MEDIAN_H) + RESPONSE_SIGMA * rng.standard_normal(len(eligible)))
    t_reply = rows["t"][eligible] + np.maximum(rt_h * HOUR, 60).astype(np.int64)
    answered = wants & (t_reply < t1)
    parent = eligible[answered]
    k = len(parent)
    pplat = rows["plat"][parent]
    reply_group = np.where(rows["topic"][parent] == T_CRISIS, 2, np.where(rows["intent"][parent] == QUESTION, 1, 0))
    reply = _segment(
        k,
        t=t_reply[answered],
        plat=pplat,
        author=acc["owned"][BRAND, pplat],
        actor=BRAND,
        about=BRAND,
        role=R_BRAND,
        kind=REPLY,
        parent=parent,
        topic=rows["topic"][parent],
        lang=rows["lang"][parent],
        fmt=0,
        style=S_REPLY,
        paid=0,
        sub=reply_group,
    )

    # keep exactly n_posts: drop as many everyday mentions as there are replies (never one that has children)
    droppable = np.arange(everyday_lo, n)
    droppable = droppable[~np.isin(droppable, eligible)]
    if len(droppable) < k:
        raise ValueError(f"n_posts={n_posts} is too small for the scenario")
    keep = np.ones(n, bool)
    keep[rng.choice(droppable, k, replace=False)] = False
    new_index = np.cumsum(keep) - 1
    rows = {key: v[keep] for key, v in rows.items()}
    reply["parent"] = new_index[reply["parent"]]
    has_parent = rows["parent"] >= 0
    rows["parent"][has_parent] = new_index[rows["parent"][has_parent]]
    seeds = new_index[seeds]
    special_lo = new_index[special_lo]
    rows = {key: np.concatenate([rows[key], reply[key]]) for key in rows}
    n = len(rows["t"])
    assert n == n_posts

    # reposts carry their parent's language, topic, labels and format
    rp = np.where(rows["kind"] == REPOST)[0]
    for key in ("lang", "topic", "intent", "sent", "fmt"):
        rows[key][rp] = rows[key][rows["parent"][rp]]
    text = _texts(rng, rows, acc)
    return _assemble(rng, rows, text, acc, win, onset, seeds, special_lo, n_posts, seed)
