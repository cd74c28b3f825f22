"""The crisis of the scenario: the brand's statements, the media pick-up, the public surge (whose first
four posts seed the repost cascade) and the cascade itself (steps 4 to 7 of :func:`kit.datasets.generate`)."""

from __future__ import annotations

import math

import numpy as np

from ._arrays import _choice, _segment
from ._scenario import (
    ACTORS,
    BRAND,
    BS,
    CASCADE_WEIGHTS,
    COMPLAINT,
    CRISIS_HALF_LIFE_H,
    CRISIS_MEDIA_H,
    CRISIS_RISE_H,
    CRISIS_SEED_H,
    CRISIS_SEED_LANGS,
    CRISIS_SEED_PLATFORMS,
    CRISIS_STATEMENT_H,
    FB,
    HOUR,
    IG,
    INTENT_MIX,
    MA,
    MEDIA,
    NEG,
    NEU,
    OTHER,
    QUOTE,
    R_BRAND,
    R_MEDIA,
    REPOST,
    S_MEDIA,
    S_MENTION,
    S_REPOST,
    S_STATEMENT,
    SHARES,
    T_CRISIS,
    TW,
)

__all__: list[str] = []


def _crisis_segments(rng, win, acc, *, pools, onset, segs, add, count) -> tuple[int, np.ndarray]:
    """Add the crisis segments with ``add``; return the first row of the public surge and the cascade seeds.

    The draws are made from ``rng`` in the generator's order (the output depends on it).
    """
    t1 = win.t1
    # 4. crisis: statements of the brand
    st = [
        (CRISIS_STATEMENT_H, TW, 1, 0),
        (CRISIS_STATEMENT_H + 4 / 60, TW, 2, 0),
        (CRISIS_STATEMENT_H + 7 / 60, TW, 0, 0),
        (CRISIS_STATEMENT_H + 10 / 60, FB, 1, 0),
        (CRISIS_STATEMENT_H + 12 / 60, MA, 0, 0),
        (CRISIS_STATEMENT_H + 14 / 60, BS, 2, 0),
        (CRISIS_STATEMENT_H + 15 / 60, IG, 1, 0),
        (22, TW, 1, 1),
        (22.1, FB, 1, 1),
        (46, TW, 1, 2),
        (46.2, TW, 2, 2),
    ]
    h, plat, lang, which = (np.array(x) for x in zip(*st))
    add(
        _segment(
            len(st),
            t=(onset + h * HOUR).astype(np.int64),
            plat=plat,
            author=acc["owned"][BRAND, plat],
            actor=BRAND,
            about=BRAND,
            role=R_BRAND,
            topic=T_CRISIS,
            lang=lang,
            fmt=np.where(plat == IG, 2, 0),
            style=S_STATEMENT,
            paid=0,
            sub=which,
        )
    )

    # 5. crisis: media pick-up
    k = count(0.0012, 6)
    outlet = np.array(MEDIA)[_choice(rng, k, [ACTORS[m]["weight"] for m in MEDIA])]
    outlet[0] = 6
    plat = np.where(acc["owned"][outlet, TW] >= 0, TW, FB).astype(np.int8)
    t = onset + CRISIS_MEDIA_H * HOUR + rng.exponential(10 * HOUR, k)
    t[0] = onset + CRISIS_MEDIA_H * HOUR
    lang = np.array([_choice(rng, 1, ACTORS[m]["own_lang"])[0] for m in outlet])
    media_crisis = add(
        _segment(
            k,
            t=np.minimum(t, t1 - 1).astype(np.int64),
            plat=plat,
            author=acc["owned"][outlet, plat],
            actor=outlet,
            about=BRAND,
            role=R_MEDIA,
            topic=T_CRISIS,
            lang=lang,
            fmt=1,
            sent=np.where(rng.random(k) < 0.5, NEG, NEU),
            style=S_MEDIA,
            paid=0,
        )
    )

    # 6. crisis: the public surge (first four posts are the cascade seeds)
    k = count(SHARES["crisis"], 40)
    lam = math.log(2) / CRISIS_HALF_LIFE_H
    p_rise = lam / (2 / CRISIS_RISE_H + lam)  # density continuous at the peak
    rising = rng.random(k) < p_rise
    off_h = np.where(rising, CRISIS_RISE_H * np.sqrt(rng.random(k)), CRISIS_RISE_H + rng.exponential(1 / lam, k))
    off_h[:4] = CRISIS_SEED_H
    t = np.minimum(onset + off_h * HOUR, t1 - 1).astype(np.int64)
    lang = _choice(rng, k, ACTORS[BRAND]["mention_lang"])
    lang[:4] = CRISIS_SEED_LANGS
    author = pools.draw(rng, "lang", lang)
    for i, p in enumerate(CRISIS_SEED_PLATFORMS):  # seeds come from the most followed authors of their network
        ids, _ = pools.by["plat", p]
        author[i] = ids[np.argsort(-acc["followers"][ids], kind="stable")[i]]
    intent = _choice(rng, k, INTENT_MIX[T_CRISIS])
    intent[:4] = COMPLAINT
    crisis_lo = add(
        _segment(
            k,
            t=t,
            plat=acc["plat"][author],
            author=author,
            actor=BRAND,
            about=BRAND,
            topic=T_CRISIS,
            lang=lang,
            intent=intent,
            fmt=_choice(rng, k, (0.7, 0, 0.25, 0.05)),
            style=S_MENTION,
        )
    )
    seeds = np.array([crisis_lo, crisis_lo + 1, crisis_lo + 2, crisis_lo + 3, media_crisis])

    # 7. crisis: repost cascade (and a few quotes) on the seeds
    k = count(SHARES["cascade"], 20)
    parent = seeds[_choice(rng, k, CASCADE_WEIGHTS)]
    ptime = np.concatenate([s["t"] for s in segs])[parent]
    pplat = np.concatenate([s["plat"] for s in segs])[parent]
    is_quote = rng.random(k) < 0.1
    author = pools.draw(rng, "plat", pplat)
    add(
        _segment(
            k,
            t=win.after(rng, ptime, HOUR / lam, 30),
            plat=pplat,
            author=author,
            actor=BRAND,
            about=BRAND,
            kind=np.where(is_quote, QUOTE, REPOST),
            parent=parent,
            topic=T_CRISIS,
            intent=np.where(is_quote, np.where(rng.random(k) < 0.6, COMPLAINT, OTHER), OTHER),
            lang=acc["lang"][author],
            fmt=0,
            style=np.where(is_quote, S_MENTION, S_REPOST),
        )
    )
    return crisis_lo, seeds
