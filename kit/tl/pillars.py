"""Editorial-line gap: the brand's stated pillars against what its accounts post.

:func:`assign_pillars` puts each post in a stated pillar (its keywords, else its meaning) or in
``"other"``; :func:`pillar_shares` gives each group's shares with Wilson intervals
(:func:`kit._stats.wilson`); :func:`pillar_divergence` measures the distance from the stated intent and
from the other actors (Jensen-Shannon, :func:`kit._stats.jensen_shannon`, with a bootstrap interval);
:func:`under_served` flags pillars the brand claims but barely posts about.

>>> import pandas as pd
>>> assigned = pd.DataFrame({"actor": ["b"] * 4, "pillar": ["green", "green", "green", "other"]})
>>> pillar_shares(assigned, ["green", "stories"])[["pillar", "posts", "intended_share"]].values.tolist()
[['green', 3, 0.5], ['stories', 0, 0.5], ['other', 1, 0.0]]
"""

from __future__ import annotations

import re
import unicodedata

import numpy as np
import pandas as pd

from .._stats import jensen_shannon, wilson

__all__ = ["NO_TEXT", "assign_pillars", "pillar_shares", "pillar_divergence", "under_served"]

#: The pillar of a post without text: left out of the pillar shares and divergences.
NO_TEXT = "(no text)"


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
    threshold
        Cosine similarity a post without keywords needs to join a pillar.
    column
        The text column searched for keywords.

    Returns
    -------
    DataFrame
        A copy of ``own`` with ``pillar``, ``pillar_similarity`` (to the chosen or nearest centre)
        and ``pillar_by`` (``keyword``, ``embedding`` or ``none``).

    Examples
    --------
    >>> import numpy as np, pandas as pd
    >>> assign_pillars(pd.DataFrame({"text": ["hello"]}), np.ones((1, 3)), {})["pillar"].tolist()
    ['other']
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
    blank = np.array([not t.strip() for t in texts_posts], dtype=bool)
    if blank.any():  # a post without text says nothing of a pillar: it is left out of the shares
        out.loc[blank, "pillar"], out.loc[blank, "pillar_similarity"], out.loc[blank, "pillar_by"] = (
            NO_TEXT,
            np.nan,
            "no text",
        )
    return out


def _with_text(assigned: pd.DataFrame) -> pd.DataFrame:
    return assigned[assigned["pillar"].astype("string").fillna("") != NO_TEXT]


def _intent(pillars, weights=None) -> dict[str, float]:
    names = list(pillars)
    w = {n: float((weights or {}).get(n, 1.0)) for n in names}
    total = sum(w.values()) or 1.0
    return {n: w[n] / total for n in names}


def pillar_shares(
    assigned: pd.DataFrame, pillars, *, by: str = "actor", level: float = 0.95, weights: dict | None = None
) -> pd.DataFrame:
    """Share of each group's posts in each pillar and in ``"other"``, with Wilson intervals.

    Parameters
    ----------
    assigned
        Posts with ``pillar`` (:func:`assign_pillars`).
    pillars
        The pillar names (and order), e.g. the ``pillars`` dict.
    by
        The grouping.
    level
        Level of the Wilson intervals.
    weights
        Intended weight per pillar (default: an even split over the pillars; ``"other"`` is 0).

    Returns
    -------
    DataFrame
        ``by, pillar, posts, group_posts, share, low, high, intended_share``.

    Examples
    --------
    >>> import pandas as pd
    >>> shares = pillar_shares(pd.DataFrame({"actor": ["b", "b"], "pillar": ["green", "other"]}), ["green"])
    >>> shares["share"].tolist()
    [0.5, 0.5]
    >>> pillar_shares(pd.DataFrame({"actor": ["b"], "pillar": [NO_TEXT]}), ["green"]).attrs["note"]
    'None of the 1 own posts has a text: no post can be assigned to a pillar.'
    """
    names = list(pillars) + ["other"]
    intent = _intent(pillars, weights)
    given = len(assigned)
    assigned = _with_text(assigned)
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
    out = pd.DataFrame(rows, columns=[by, "pillar", "posts", "group_posts", "share", "low", "high", "intended_share"])
    if given and out.empty:
        out.attrs["note"] = _no_text_note(given)
    return out


def _no_text_note(given: int) -> str:
    return f"None of the {given:,} own posts has a text: no post can be assigned to a pillar."


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

    Parameters
    ----------
    assigned
        Posts with ``pillar`` (:func:`assign_pillars`).
    pillars
        The pillar names.
    brand
        The brand's value of ``by``.
    by
        The grouping.
    weights
        Intended weight per pillar (see :func:`pillar_shares`).
    n_boot, seed, level
        Bootstrap resamples, seed and interval level.

    Returns
    -------
    DataFrame
        One row per comparison (``stated intent``, then each other group): ``compared_with``,
        ``posts`` (of the brand), ``other_posts``, ``divergence`` (Jensen-Shannon, base 2) and its
        percentile-bootstrap interval ``low``/``high`` (posts of both sides resampled, seeded). The
        brand's distribution covers the pillars and ``"other"``.

    Examples
    --------
    >>> import pandas as pd
    >>> assigned = pd.DataFrame({"actor": ["b"] * 4, "pillar": ["x", "y", "x", "y"]})
    >>> float(pillar_divergence(assigned, ["x", "y"], brand="b", n_boot=10)["divergence"].iloc[0])
    0.0
    """
    names = list(pillars) + ["other"]
    intent = np.array([_intent(pillars, weights).get(n, 0.0) for n in names])
    given = len(assigned)
    assigned = _with_text(assigned)
    groups = assigned[by].astype("string").fillna("(none)")
    codes = {n: i for i, n in enumerate(names)}
    cat = assigned["pillar"].astype("string").map(codes).fillna(codes["other"]).astype(int).to_numpy()
    mine = cat[(groups == brand).to_numpy()]
    rng = np.random.default_rng(seed)
    cols = ["compared_with", "posts", "other_posts", "divergence", "low", "high"]
    if len(mine) == 0:
        out = pd.DataFrame(columns=cols)
        if given and assigned.empty:
            out.attrs["note"] = _no_text_note(given)
        return out

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
    """Pillars the brand claims but barely posts about.

    Parameters
    ----------
    shares
        A :func:`pillar_shares` table.
    brand
        The brand's value of ``by``.
    by
        The grouping of ``shares``.
    ratio
        A pillar is under-served when the top of its share's interval is below ``ratio`` x its
        intended share.

    Returns
    -------
    DataFrame
        The brand's rows of ``shares`` (pillars only) with ``share_of_intent`` (share / intended
        share) and the ``under_served`` flag, least served first.

    Examples
    --------
    >>> import pandas as pd
    >>> assigned = pd.DataFrame({"actor": ["b"] * 40, "pillar": ["green"] * 39 + ["stories"]})
    >>> gap = under_served(pillar_shares(assigned, ["green", "stories"]), brand="b")
    >>> gap.loc[gap["under_served"], "pillar"].tolist()
    ['stories']
    """
    part = shares[(shares[by] == brand) & (shares["pillar"] != "other")].copy()
    part["share_of_intent"] = (part["share"] / part["intended_share"].replace(0, np.nan)).round(2)
    part["under_served"] = (part["high"] < ratio * part["intended_share"]).fillna(False).astype(bool)
    return part.sort_values("share_of_intent", kind="stable").reset_index(drop=True)
