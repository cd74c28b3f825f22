"""Cartography of the own posts: which topics only the brand, only competitors, or everyone covers.

:func:`topic_owners` says who covers each topic of a topic model; :func:`topics_by_actor` fits the topics
on the own posts (:func:`kit.tl.topics.fit`) and calls it. The semantic map itself is
:func:`kit.tl.maps.semantic_map`.

>>> import pandas as pd
>>> own = pd.DataFrame({"post_id": ["1", "2", "3"], "actor_role": ["brand", "brand", "competitor"]})
>>> topics = pd.DataFrame({"post_id": ["1", "2", "3"], "topic": [0, 0, 1], "label": ["trains", "trains", "buses"]})
>>> topic_owners(own, topics)[["label", "covered_by"]].values.tolist()
[['trains', 'only brand'], ['buses', 'only competitor']]
"""

from __future__ import annotations

import numpy as np
import pandas as pd

__all__ = ["topic_owners", "topics_by_actor"]


def topic_owners(
    own: pd.DataFrame, assignments: pd.DataFrame, *, by: str = "actor_role", min_share: float = 0.02, labels=None
) -> pd.DataFrame:
    """Who covers each topic: the share of each role's (or actor's) posts that fall in it.

    Parameters
    ----------
    own
        Own posts with ``post_id`` and ``by``.
    assignments
        ``post_id`` and ``topic`` (and ``label``), e.g. ``topics.fit(...).assignments``. Outliers
        (topic -1) are left out.
    by
        The grouping compared.
    min_share
        A group covers a topic when the topic holds at least this share of the group's posts.
    labels
        The groups shown, in this order (default: every group of ``own``, sorted).

    Returns
    -------
    DataFrame
        Per topic: ``topic``, ``label``, ``posts: <group>`` and ``share of <group>`` for each group,
        ``covered_by`` ("only brand", "only competitor", "brand + competitor", "everyone",
        "marginal") and ``posts``, the largest topics first.

    Examples
    --------
    >>> import pandas as pd
    >>> own = pd.DataFrame({"post_id": ["1", "2"], "actor_role": ["brand", "competitor"]})
    >>> topics = pd.DataFrame({"post_id": ["1", "2"], "topic": [0, 0]})
    >>> topic_owners(own, topics)["covered_by"].tolist()
    ['everyone']
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
    """Fit topics on the own posts (seeded) and say who covers each.

    Parameters
    ----------
    own
        Own posts, one row per row of ``embeddings``.
    embeddings
        Post vectors (:func:`kit.tl.embed.embed`).
    by, min_share
        As in :func:`topic_owners`.
    seed
        Seed of the topic model.
    min_posts
        Below this many posts, no topics are fitted.
    **fit_kwargs
        Passed to :func:`kit.tl.topics.fit`.

    Returns
    -------
    DataFrame
        The :func:`topic_owners` table; ``attrs["topics"]`` keeps the topic info table and
        ``attrs["note"]`` says how many topics on how many posts, or why there are none.

    Examples
    --------
    >>> import numpy as np, pandas as pd
    >>> few = topics_by_actor(pd.DataFrame({"post_id": ["1"]}), np.zeros((1, 4)))
    >>> few.attrs["note"]
    '1 own posts: too few for topics (at least 50).'
    """
    from . import topics

    column = fit_kwargs.get("column", "text")
    with_text = int(own[column].fillna("").astype(str).str.strip().ne("").sum()) if column in own.columns else 0
    if len(own) < min_posts or with_text < min_posts:
        out = pd.DataFrame(columns=["topic", "label", "covered_by", "posts"])
        out.attrs["note"] = (
            f"{len(own)} own posts: too few for topics (at least {min_posts})."
            if len(own) < min_posts
            else f"{with_text} of {len(own)} own posts have a text: no topics (the export gives no post texts)."
        )
        return out
    fitted = topics.fit(own, embeddings, seed=seed, **fit_kwargs)
    out = topic_owners(own, fitted.assignments, by=by, min_share=min_share)
    out.attrs["topics"] = fitted.info
    out.attrs["note"] = f"{len(fitted.info[fitted.info['topic'] != -1])} topics on {len(own)} own posts (seed {seed})."
    return out
