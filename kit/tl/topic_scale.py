"""Topics on large corpora: fit on a seeded stratified sample, give every other post its nearest topic.

UMAP and HDBSCAN grow faster than linearly with the number of posts (100,000 posts took more than 15
minutes on 2 cores), while the topics of a corpus are already visible in a sample of some 20,000 of its
posts. So above ``sample`` posts, :func:`fit` fits :func:`kit.tl.topics.fit` on a sample stratified by
language (seeded), then assigns each other post the topic whose centre (mean embedding of the sample's
posts in it) is most similar, unless that similarity is below the topic's floor (the lowest decile of
its own posts' similarities): such posts stay outliers. This is BERTopic's own advice for large corpora
(fit on a subset, ``transform`` the rest), with a nearest-centre assignment that depends on a post's
embedding alone, so it can run in batches or on a cluster (:func:`kit.tl.topic_clusters.assign`).

>>> SAMPLE
20000
"""

from __future__ import annotations

import numpy as np
import pandas as pd

from ._topic_model import OUTLIER, Topics
from .topic_clusters import assign, centres, sample_rows

__all__ = ["SAMPLE", "fit"]

#: Posts above which topics are fitted on a sample (and the sample's size).
SAMPLE = 20_000


def fit(posts: pd.DataFrame, embeddings: np.ndarray, *, sample: int | None = SAMPLE, seed: int = 0, **kwargs) -> Topics:
    """:func:`kit.tl.topics.fit` on at most ``sample`` posts, the others given their nearest topic.

    Parameters
    ----------
    posts
        The posts (``post_id``, ``text``; ``lang`` stratifies the sample when present).
    embeddings
        One vector per post, in the order of ``posts``.
    sample
        Posts fitted; ``None`` fits them all. Up to this many posts, this is :func:`kit.tl.topics.fit`.
    seed
        Seeds the sample and the fit.
    **kwargs
        Passed to :func:`kit.tl.topics.fit` (``min_topic_size``, ``languages``, ``n_epochs``...).

    Returns
    -------
    Topics
        One assignment per post of ``posts`` (``outlier``: left out by HDBSCAN in the sample, or below
        its topic's floor outside it); ``info`` sizes and shares count every post (words, labels and
        language mixes are the sample's); ``params["sample"]``
        holds the number of posts fitted and ``params["sampled"]`` says so in a sentence.

    Examples
    --------
    Below ``sample`` posts this is :func:`kit.tl.topics.fit` itself (here too few posts for topics).

    >>> posts = pd.DataFrame({"post_id": ["a", "b"], "text": ["train en retard", "billet cher"]})
    >>> fit(posts, np.zeros((2, 4)), strict=False).params["note"]
    '2 posts are too few for topics (need at least 20)'
    """
    from . import topics

    n = len(posts)
    if n != len(embeddings):
        raise ValueError(f"{n} posts but {len(embeddings)} embeddings")
    if sample is None or n <= sample:
        return topics.fit(posts, embeddings, seed=seed, **kwargs)
    groups = posts["lang"].to_numpy() if "lang" in posts.columns else np.zeros(n, dtype=int)
    rows = sample_rows(groups, sample, seed=seed)
    vectors = np.asarray(embeddings, dtype=np.float32)
    fitted = topics.fit(posts.iloc[rows].reset_index(drop=True), vectors[rows], seed=seed, **kwargs)
    in_sample = fitted.assignments["topic"].to_numpy()
    ids, cents, floor = centres(in_sample, vectors[rows])
    topic = np.full(n, OUTLIER, dtype=np.int64)
    outlier = np.zeros(n, dtype=bool)
    topic[rows] = in_sample
    outlier[rows] = fitted.assignments["outlier"].to_numpy()
    rest = np.setdiff1d(np.arange(n), rows, assume_unique=True)
    topic[rest] = assign(vectors[rest], ids, cents, floor=floor)
    outlier[rest] = topic[rest] == OUTLIER
    labels = fitted.labels()
    labels.setdefault(OUTLIER, "outliers")
    assignments = pd.DataFrame(
        {
            "post_id": posts["post_id"].to_numpy(),
            "topic": topic,
            "label": [labels.get(int(t), "outliers") for t in topic],
            "outlier": outlier,
        }
    )
    sizes = assignments["topic"].value_counts()
    info = fitted.info.copy()
    if OUTLIER not in set(info["topic"]) and (topic == OUTLIER).any():
        info = pd.concat([pd.DataFrame({"topic": [OUTLIER], "label": ["outliers"]}), info], ignore_index=True)
    info["size"] = info["topic"].map(sizes).fillna(0).astype("int64")
    info["share"] = info["size"] / n
    info = info.sort_values("topic").reset_index(drop=True)
    note = (
        f"Topics fitted on a sample of {len(rows):,} of the {n:,} posts (stratified by language, seed {seed}); "
        f"the other {len(rest):,} posts were given the topic with the most similar centre "
        f"({int(outlier[rest].sum()):,} of them, less similar to it than its own posts, stay outliers)."
    )
    params = {**fitted.params, "sample": len(rows), "sampled": note}  # "note" means "no topics" to the reports
    return Topics(assignments=assignments, info=info, seed=seed, model=fitted.model, params=params)
