"""Topics: BERTopic on injected multilingual embeddings, seeded, with readable labels.

The expensive step (embedding) is done once by :func:`kit.tl.embed.embed` and injected here.
UMAP and HDBSCAN are seeded, so the same seed gives the same topics. Labels come from c-TF-IDF
words with French, German and English stop words removed; words that are translations of a word
already in the label (close in the multilingual embedding space) or share its stem are skipped,
so a topic is not labelled three times in three languages.

This module holds the fit (:func:`fit`, :func:`cluster`, :func:`merge_close`, :func:`stability`,
:func:`with_topics`). It also re-exports, for notebooks and older callers, what is built on a fit:
trends (:mod:`kit.tl.topic_trends`), tables (:mod:`kit.tl.topic_tables`), intents by topic
(:mod:`kit.tl.topic_actionable`), sentences (:mod:`kit.tl.topic_sentences`) and the review sample
(:mod:`kit.tl.listening_review`).

>>> from kit.tl import topics  # doctest: +SKIP
>>> result = topics.fit(posts, vectors, seed=0)  # doctest: +SKIP
>>> result.info[["topic", "label", "size"]].head()  # doctest: +SKIP
"""

from __future__ import annotations

from functools import lru_cache

import numpy as np
import pandas as pd

from .._text import strip
from ._topic_model import OUTLIER, Topics
from .listening_review import REVIEW_FILE_NAME, review_results, review_sample
from .topic_actionable import actionable, actionable_examples
from .topic_sentences import (
    describe_absent,
    describe_actionable,
    describe_emerging,
    describe_fit,
    describe_languages,
    review_instructions,
)
from .topic_tables import absent, emotion_profile, languages, representative, sentiment_by, summary
from .topic_trends import by_group, emerging, first_posts, over_time

__all__ = [
    # the fit (this module)
    "OUTLIER",
    "Topics",
    "stop_words",
    "default_min_topic_size",
    "fit",
    "cluster",
    "merge_close",
    "stability",
    "with_topics",
    # re-exported from the modules built on a fit
    "over_time",
    "by_group",
    "emerging",
    "first_posts",
    "summary",
    "languages",
    "absent",
    "sentiment_by",
    "emotion_profile",
    "representative",
    "actionable",
    "actionable_examples",
    "describe_fit",
    "describe_emerging",
    "describe_languages",
    "describe_absent",
    "describe_actionable",
    "review_instructions",
    "REVIEW_FILE_NAME",
    "review_sample",
    "review_results",
]

_TOKEN = r"(?u)\b[^\W\d_][\w'’-]{2,}\b"


@lru_cache(maxsize=8)
def stop_words(languages: tuple[str, ...] = ("fr", "de", "en")) -> frozenset[str]:
    """Stop words for ``languages`` (from the ``stop-words`` package) plus social-media noise."""
    from stop_words import get_stop_words

    words: set[str] = {
        "rt",
        "amp",
        "via",
        "http",
        "https",
        "www",
        "com",
        "co",
        "t.co",
        "lol",
        "ok",
        "oui",
        "non",
        "ja",
        "nein",
        "yes",
        "no",
        "merci",
        "danke",
        "thanks",
        "thank",
        "bitte",
        "please",
        "svp",
    }
    for lang in languages:
        try:
            words.update(w.lower() for w in get_stop_words(lang))
        except Exception:  # the package does not know this language: no list, not a failure
            continue
    return frozenset(words)


def default_min_topic_size(n_posts: int) -> int:
    """Cluster size adapted to the corpus: about 0.6 % of the posts, between 10 and 200."""
    return int(np.clip(round(n_posts * 0.006), 10, 200))


def fit(
    posts: pd.DataFrame,
    embeddings: np.ndarray,
    *,
    seed: int = 0,
    min_topic_size: int | None = None,
    languages: tuple[str, ...] = ("fr", "de", "en"),
    reduce_outliers: bool = True,
    n_neighbors: int = 15,
    n_components: int = 5,
    label_words: int = 4,
    merge_similarity: float | None = 0.75,
    word_embedder=None,
    column: str = "text",
    n_epochs: int | None = None,
    strict: bool = True,
    cache: bool = True,
) -> Topics:
    """Fit topics on ``posts`` with precomputed ``embeddings`` (one row per post).

    Parameters
    ----------
    seed
        Seeds UMAP; HDBSCAN is deterministic given its input. Same seed, same topics.
    min_topic_size
        Smallest topic; by default adapted to the corpus size (:func:`default_min_topic_size`).
    reduce_outliers
        Reassign posts HDBSCAN left out to the nearest topic by embedding similarity, when their
        similarity to that topic's centre is at least the median of the topic's own posts' lowest
        decile (so clear misfits stay outliers).
    merge_similarity
        Topics living in different languages whose centres (mean embeddings) are at least this
        cosine-similar are merged (see :func:`merge_close`): with a multilingual embedder this joins
        the French, German and English clusters of one subject. ``None`` keeps HDBSCAN's clusters.
    word_embedder
        An embedder used to spot translated words in labels (e.g. the one that made
        ``embeddings``); without it only shared stems are merged.
    n_epochs
        UMAP's optimisation epochs; ``None`` keeps UMAP's default (500 below 10,000 posts, 200
        above). 200 for every size makes small corpora about 2.5 times faster, with the same seed
        giving the same topics.
    strict
        With fewer than 20 posts: raise (``True``), or (``False``) return a result in which every post
        is an outlier (no topic), ``params["note"]`` saying why, so a report can say so and go on.
    cache
        Keep the UMAP coordinates on disk (``$KIT_CACHE/umap``, see :mod:`kit.tl._umap`): the same
        embeddings, settings and seed are then read back instead of fitted again (identical result).
    """
    from bertopic import BERTopic
    from bertopic.cluster import BaseCluster
    from bertopic.dimensionality import BaseDimensionalityReduction
    from sklearn.feature_extraction.text import CountVectorizer

    from . import _umap

    n = len(posts)
    if n != len(embeddings):
        raise ValueError(f"{n} posts but {len(embeddings)} embeddings")
    if n < 20:
        message = f"{n} posts are too few for topics (need at least 20)"
        if strict:
            raise ValueError(message)
        assignments = pd.DataFrame(
            {
                "post_id": posts["post_id"].to_numpy(),
                "topic": np.full(n, OUTLIER),
                "label": "outliers",
                "outlier": np.ones(n, dtype=bool),
            }
        )
        info = pd.DataFrame(
            {"topic": [OUTLIER], "label": ["outliers"], "size": [n], "share": [1.0 if n else 0.0], "words": [""]}
        )
        return Topics(assignments=assignments, info=info, seed=seed, params={"note": message})
    size = min_topic_size or default_min_topic_size(n)
    docs = [strip(t) for t in posts[column].fillna("").astype(str)]
    vectors = np.asarray(embeddings, dtype=np.float32)
    reduced = _umap.reduce(
        vectors,
        seed=seed,
        cache=cache,
        n_neighbors=min(n_neighbors, n - 1),
        n_components=n_components,
        min_dist=0.0,
        metric="cosine",
        low_memory=True,
        n_epochs=n_epochs,
    )
    raw_topics, selection = cluster(reduced, size)
    topics_ = raw_topics.copy()
    if merge_similarity is not None:
        langs = posts["lang"].to_numpy() if "lang" in posts.columns else None
        topics_ = merge_close(topics_, vectors, similarity=merge_similarity, langs=langs)
    if reduce_outliers and (topics_ == OUTLIER).any() and (topics_ != OUTLIER).any():
        topics_ = _reassign(topics_, vectors)
    topics_ = _renumber(topics_)
    # BERTopic computes the c-TF-IDF words of the clusters found above (its "manual" mode).
    # c-TF-IDF counts words over one document per topic: min_df must stay 1 or words unique to a topic vanish
    vectorizer = CountVectorizer(
        stop_words=sorted(stop_words(tuple(languages))),
        token_pattern=_TOKEN,
        lowercase=True,
        min_df=1,
        ngram_range=(1, 1),
        max_features=50_000,
    )
    # language="multilingual": BERTopic's "english" mode deletes every non-ASCII letter (é, ü, ß...)
    model = BERTopic(
        umap_model=BaseDimensionalityReduction(),
        hdbscan_model=BaseCluster(),
        vectorizer_model=vectorizer,
        embedding_model=None,
        calculate_probabilities=False,
        top_n_words=30,
        verbose=False,
        language="multilingual",
    )
    model.fit(docs, embeddings=vectors, y=topics_)
    # BERTopic renumbers the given topics by frequency, breaking ties its own way: read its number for
    # each of ours from the documents (topics of equal size would otherwise swap labels)
    theirs = pd.crosstab(pd.Series(topics_, name="ours"), pd.Series(np.asarray(model.topics_), name="theirs"))
    mapping = {int(t): int(theirs.loc[t].idxmax()) for t in theirs.index}
    words = {
        t: [w for w, _ in (model.get_topic(mapping.get(int(t), t)) or []) if w.strip()] for t in sorted(set(topics_))
    }
    labels = {t: ("outliers" if t == OUTLIER else _label(words[t], label_words, word_embedder)) for t in words}
    assignments = pd.DataFrame(
        {
            "post_id": posts["post_id"].to_numpy(),
            "topic": topics_,
            "label": [labels[t] for t in topics_],
            "outlier": raw_topics == OUTLIER,
        }
    )
    sizes = assignments["topic"].value_counts()
    info = pd.DataFrame({"topic": sorted(words)})
    info["label"] = info["topic"].map(labels)
    info["size"] = info["topic"].map(sizes).astype("int64")
    info["share"] = info["size"] / n
    info["words"] = info["topic"].map(lambda t: ", ".join(words[t][:10]))
    info = info.sort_values(["topic"]).reset_index(drop=True)
    return Topics(
        assignments=assignments,
        info=info,
        seed=seed,
        model=model,
        params={
            "min_topic_size": size,
            "n_neighbors": n_neighbors,
            "n_components": n_components,
            "reduce_outliers": reduce_outliers,
            "merge_similarity": merge_similarity,
            "cluster_selection": selection,
            "n_epochs": n_epochs,
            "languages": list(languages),
        },
    )


def cluster(reduced: np.ndarray, size: int) -> tuple[np.ndarray, str]:
    """HDBSCAN on the UMAP coordinates. Excess-of-mass selection first; when it finds fewer topics
    than a corpus of this size should hold (a dense corpus on one subject often collapses into two
    or three), leaf selection, which keeps the finer clusters, is used instead."""
    from hdbscan import HDBSCAN

    def run(method: str) -> np.ndarray:
        return HDBSCAN(
            min_cluster_size=size, min_samples=max(2, size // 4), metric="euclidean", cluster_selection_method=method
        ).fit_predict(reduced)

    labels = run("eom")
    wanted = max(4, len(reduced) // (10 * size))
    if len(set(labels) - {OUTLIER}) < wanted:
        leaf = run("leaf")
        if len(set(leaf) - {OUTLIER}) > len(set(labels) - {OUTLIER}):
            return leaf, "leaf"
    return labels, "eom"


def _centres(topics_: np.ndarray, emb: np.ndarray) -> tuple[list[int], np.ndarray]:
    ids = sorted(int(t) for t in set(topics_) if t != OUTLIER)
    if not ids:  # HDBSCAN found no cluster: nothing to merge
        return ids, np.zeros((0, emb.shape[1]))
    centres = np.vstack([emb[topics_ == t].mean(axis=0) for t in ids])
    return ids, centres / np.maximum(np.linalg.norm(centres, axis=1, keepdims=True), 1e-12)


def merge_close(
    topics_: np.ndarray,
    emb: np.ndarray,
    *,
    similarity: float = 0.75,
    langs: np.ndarray | None = None,
    monolingual: float = 0.6,
) -> np.ndarray:
    """Merge topics whose centres have cosine similarity >= ``similarity``.

    With ``langs`` (one language code per post), only topics that each live mostly (share >=
    ``monolingual``) in a different language are merged: the French, German and English clusters
    of one subject. Topics in the same language are left apart however close they are, so a
    corpus in one language keeps its fine-grained topics.
    """
    ids, centres = _centres(topics_, emb)
    if len(ids) < 2:
        return topics_.copy()
    dominant: dict[int, str | None] = {t: None for t in ids}
    if langs is not None:
        frame = pd.DataFrame({"t": topics_, "lang": pd.Series(langs).astype("string").fillna("und").to_numpy()})
        frame = frame[frame["t"] != OUTLIER]
        shares = frame.groupby("t")["lang"].value_counts(normalize=True)
        for t in ids:
            top = shares.loc[t]
            dominant[t] = str(top.index[0]) if top.iloc[0] >= monolingual else None
    sims = centres @ centres.T
    parent = {t: t for t in ids}
    langs_of = {t: {dominant[t]} for t in ids}

    def root(t):
        while parent[t] != t:
            parent[t] = parent[parent[t]]
            t = parent[t]
        return t

    pairs = sorted(((sims[i, j], a, b) for i, a in enumerate(ids) for j, b in enumerate(ids) if i < j), reverse=True)
    for sim, a, b in pairs:
        if sim < similarity:
            break
        ra, rb = root(a), root(b)
        if ra == rb:
            continue
        if langs is not None and (None in langs_of[ra] or None in langs_of[rb] or langs_of[ra] & langs_of[rb]):
            continue  # only join groups that are monolingual in different languages
        keep, gone = min(ra, rb), max(ra, rb)
        parent[gone] = keep
        langs_of[keep] = langs_of[keep] | langs_of[gone]
    return np.array([root(int(t)) if t != OUTLIER else OUTLIER for t in topics_])


def _renumber(topics_: np.ndarray) -> np.ndarray:
    """Topic 0 is the largest; ties broken by the old number; outliers stay -1."""
    counts = pd.Series(topics_[topics_ != OUTLIER]).value_counts()
    order = sorted(counts.index, key=lambda t: (-counts[t], t))
    mapping = {t: i for i, t in enumerate(order)}
    return np.array([mapping.get(int(t), OUTLIER) for t in topics_])


def _reassign(topics_: np.ndarray, emb: np.ndarray) -> np.ndarray:
    emb = emb / np.maximum(np.linalg.norm(emb, axis=1, keepdims=True), 1e-12)
    ids, centres = _centres(topics_, emb)
    floor = np.array([np.quantile(emb[topics_ == t] @ centres[i], 0.1) for i, t in enumerate(ids)])
    out = topics_.copy()
    idx = np.flatnonzero(topics_ == OUTLIER)
    sims = emb[idx] @ centres.T
    best = sims.argmax(axis=1)
    ok = sims[np.arange(len(idx)), best] >= floor[best]
    out[idx[ok]] = np.asarray(ids)[best[ok]]
    return out


def _label(words: list[str], k: int, word_embedder=None) -> str:
    if not words:
        return "(no words)"
    vectors = word_embedder.embed(words) if word_embedder is not None else None
    chosen: list[int] = []
    for i, w in enumerate(words):
        stem = w[:5]
        if any(words[j][:5] == stem for j in chosen):
            continue
        if vectors is not None and chosen and float(np.max(vectors[chosen] @ vectors[i])) > 0.75:
            continue
        chosen.append(i)
        if len(chosen) == k:
            break
    return " · ".join(words[i] for i in chosen)


def stability(posts: pd.DataFrame, embeddings: np.ndarray, *, seeds=(0, 1, 2), **fit_kwargs) -> pd.DataFrame:
    """Agreement of topic assignments across seeds: adjusted Rand index and NMI for each pair of seeds.

    High values (above ~0.8) mean the topics are a property of the data rather than of one run.
    """
    from itertools import combinations

    from sklearn.metrics import adjusted_rand_score, normalized_mutual_info_score

    runs = {s: fit(posts, embeddings, seed=s, **fit_kwargs).assignments["topic"].to_numpy() for s in seeds}
    rows = [
        {
            "seed_a": a,
            "seed_b": b,
            "ari": adjusted_rand_score(runs[a], runs[b]),
            "nmi": normalized_mutual_info_score(runs[a], runs[b]),
        }
        for a, b in combinations(seeds, 2)
    ]
    return pd.DataFrame(rows)


def with_topics(posts: pd.DataFrame, result: Topics) -> pd.DataFrame:
    """A copy of ``posts`` with ``topic`` (number, -1 for outliers) and ``topic_label`` columns added
    (replaced if present), matched on ``post_id``; posts the fit did not see get no topic (``<NA>``)."""
    out = posts.drop(columns=[c for c in ("topic", "topic_label") if c in posts.columns]).copy()
    ids = result.assignments.set_index("post_id")
    out["topic"] = pd.array(out["post_id"].map(ids["topic"]), dtype="Int64")
    out["topic_label"] = out["post_id"].map(ids["label"]).astype("string")
    return out
