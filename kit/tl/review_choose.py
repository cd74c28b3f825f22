"""A review sample that both estimates shares and teaches the model: a stratified random part with design
weights (for :func:`kit.tl.corrected_shares.corrected_shares`) and a chosen part (the posts the model is least
sure of, spread over the embedding space, per language and actor) that only trains the head.

>>> import numpy as np, pandas as pd
>>> rng = np.random.default_rng(0)
>>> p = rng.dirichlet([1, 1, 1], size=60)
>>> posts = pd.DataFrame({"post_id": [str(i) for i in range(60)], "lang": ["fr", "de"] * 30,
...                       "sentiment": np.array(["negative", "neutral", "positive"])[p.argmax(1)],
...                       "confidence": p.max(1), "p_negative": p[:, 0], "p_neutral": p[:, 1], "p_positive": p[:, 2]})
>>> s = choose_sample(posts, 20, embeddings=rng.normal(size=(60, 8)), strata=("sentiment",), seed=0)
>>> s["part"].value_counts().to_dict(), bool(s.loc[s["part"] == "learn", "weight"].isna().all())
({'estimate': 10, 'learn': 10}, True)
"""

from __future__ import annotations

from collections.abc import Sequence

import numpy as np
import pandas as pd

from .review_sample import draw_sample

__all__ = ["choose_sample", "uncertainty"]

PROBS = ("p_negative", "p_neutral", "p_positive")


def uncertainty(posts: pd.DataFrame) -> np.ndarray:
    """Entropy of each post's sentiment probabilities (``p_*`` columns), else ``1 - confidence``.

    >>> import pandas as pd
    >>> p = pd.DataFrame({"p_negative": [1.0, 1 / 3], "p_neutral": [0.0, 1 / 3], "p_positive": [0.0, 1 / 3]})
    >>> (uncertainty(p).round(3) + 0.0).tolist()
    [0.0, 1.099]
    """
    if all(c in posts.columns for c in PROBS):
        p = posts[list(PROBS)].to_numpy(dtype=float)
        with np.errstate(divide="ignore", invalid="ignore"):
            return np.nan_to_num(-(p * np.log(np.where(p > 0, p, 1))).sum(axis=1)) + 0.0
    if "confidence" in posts.columns:
        return 1 - pd.to_numeric(posts["confidence"], errors="coerce").fillna(0.5).to_numpy(dtype=float)
    raise ValueError("choose_sample needs the model's probabilities (p_negative, p_neutral, p_positive) or confidence")


def _diverse(candidates: np.ndarray, embeddings: np.ndarray | None, k: int, seed: int) -> np.ndarray:
    """``k`` of ``candidates`` spread over the embedding space: k-means, the post nearest each centre."""
    if k >= len(candidates) or embeddings is None or k < 2:
        return candidates[:k]
    from scipy.cluster.vq import kmeans2

    X = np.asarray(embeddings[candidates], dtype=float)
    centres, assign = kmeans2(X, k, seed=int(seed), minit="++")
    picked = []
    for j in range(k):
        members = np.flatnonzero(assign == j)
        if len(members):
            picked.append(candidates[members[np.argmin(((X[members] - centres[j]) ** 2).sum(axis=1))]])
    rest = [c for c in candidates if c not in set(picked)]
    return np.array(picked + rest[: k - len(picked)], dtype=int)


def choose_sample(
    posts: pd.DataFrame,
    n: int = 200,
    *,
    embeddings: np.ndarray | None = None,
    learn: float = 0.5,
    groups: Sequence[str] = ("lang", "actor"),
    strata: Sequence[str] = ("actor", "sentiment", "lang", "confidence_band"),
    pool: int = 3,
    seed: int = 0,
    id_column: str = "post_id",
) -> pd.DataFrame:
    """The review sample of the loop: ``n`` posts, a share ``learn`` of them chosen to teach the model.

    - **estimate** part (``n - round(learn * n)`` posts): :func:`kit.tl.review_sample.draw_sample` on
      ``strata`` (Neyman allocation on confidence), with inclusion probabilities and design weights, so the
      corrected shares stay unbiased.
    - **learn** part: within each group of ``groups`` (e.g. language x actor; posts allotted in proportion to
      the group's size), the ``pool`` x k least certain remaining posts (entropy of the probabilities),
      of which k spread over the embedding space (k-means on ``embeddings``, the post nearest each centre;
      without embeddings, the k least certain). These rows have no design weight (empty ``weight``): the
      corrected shares leave them out, the head learns from them (:func:`kit.tl.review_loop.update`).

    Parameters
    ----------
    posts
        Scored posts (``sentiment``, ``confidence``, ``p_*``, ``lang``, ``actor``...), unique ``post_id``.
    n
        Posts to review in all.
    embeddings
        One row per post of ``posts`` (the head's embeddings), for diversity.
    learn
        Share of the sample chosen for learning (0: a plain stratified sample; 1: no estimation part).
    groups, strata
        Columns spreading the learning part and stratifying the estimation part (absent ones are skipped).
    pool, seed, id_column
        Uncertain candidates per chosen post, seed, id column.

    Returns
    -------
    DataFrame
        The sampled rows with ``part`` (``estimate`` or ``learn``), ``uncertainty`` and the design columns of
        :func:`kit.tl.review_sample.draw_sample` (NaN ``weight`` on the learning part), in random order.
    """
    if not 0 <= learn <= 1:
        raise ValueError(f"learn must be within [0, 1], not {learn}")
    if embeddings is not None and len(embeddings) != len(posts):
        raise ValueError(f"{len(embeddings)} embeddings for {len(posts)} posts")
    n = min(int(n), len(posts))
    n_learn = int(round(learn * n))
    base = posts.reset_index(drop=True)
    unc = uncertainty(base)
    parts = []
    if n - n_learn > 0:
        est = draw_sample(base, n - n_learn, strata=strata, seed=seed, id_column=id_column)
        est["part"] = "estimate"
        parts.append(est)
        taken = set(est[id_column].astype(str))
    else:
        taken = set()
    if n_learn > 0:
        free = ~base[id_column].astype(str).isin(taken).to_numpy()
        cols = [c for c in groups if c in base.columns]
        key = base[cols].astype("string").fillna("").agg("|".join, axis=1) if cols else pd.Series("", index=base.index)
        sizes = key[free].value_counts()
        quota = np.floor(n_learn * sizes / sizes.sum()).astype(int)
        short = n_learn - quota.sum()
        frac = (n_learn * sizes / sizes.sum()) - quota
        quota[frac.sort_values(ascending=False, kind="stable").index[:short]] += 1
        chosen = []
        for g, k in quota.items():
            members = np.flatnonzero(free & (key == g).to_numpy())
            if k <= 0 or not len(members):
                continue
            candidates = members[np.argsort(-unc[members], kind="stable")[: pool * k]]
            chosen.extend(_diverse(candidates, embeddings, int(k), seed).tolist())
        learn_rows = base.iloc[sorted(chosen)].copy()
        learn_rows["part"] = "learn"
        learn_rows["weight"] = np.nan
        learn_rows["inclusion_prob"] = np.nan
        parts.append(learn_rows)
    out = pd.concat(parts, ignore_index=True)
    out["uncertainty"] = uncertainty(out)
    out = out.iloc[np.random.default_rng(seed).permutation(len(out))].reset_index(drop=True)
    return out
