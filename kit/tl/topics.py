"""Topics: BERTopic on injected multilingual embeddings, seeded, with readable labels.

The expensive step (embedding) is done once by :func:`kit.tl.embed.embed` and injected here.
UMAP and HDBSCAN are seeded, so the same seed gives the same topics. Labels come from c-TF-IDF
words with French, German and English stop words removed; words that are translations of a word
already in the label (close in the multilingual embedding space) or share its stem are skipped,
so a topic is not labelled three times in three languages.

This module holds the fit (:func:`fit`, :func:`stability`, :func:`with_topics`; the clustering steps are in
:mod:`kit.tl.topic_clusters`). It also re-exports, for notebooks and older callers, what is built on a
fit: trends (:mod:`kit.tl.topic_trends`), tables (:mod:`kit.tl.topic_tables`), intents by topic
(:mod:`kit.tl.topic_actionable`), sentences (:mod:`kit.tl.topic_sentences`) and the review sample
(:mod:`kit.tl.listening_review`).

A fit on 10,000 posts takes some seconds (``result = fit(posts, vectors, seed=0)``); it finds topics of
at least

>>> default_min_topic_size(10_000)
60
"""

from __future__ import annotations

from functools import lru_cache

import numpy as np
import pandas as pd

from .._text import strip
from . import topic_labels as _topic_labels
from . import topic_sentences as _topic_sentences
from ._topic_model import OUTLIER, Topics
from .listening_review import REVIEW_FILE_NAME, review_results, review_sample
from .topic_actionable import actionable, actionable_examples
from .topic_clusters import _reassign, _renumber, cluster, merge_close
from .topic_sentences import *  # noqa: F403 (re-exports its __all__)
from .topic_tables import absent, emotion_profile, languages, representative, sentiment_by, summary
from .topic_trends import by_group, emerging, first_posts, over_time

__all__ = [
    # the fit (this module)
    "OUTLIER",
    "Topics",
    "stop_words",
    "default_min_topic_size",
    "fit",
    "stability",
    "with_topics",
    # re-exported from the modules the fit and the report build on
    "cluster",
    "merge_close",
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
    *_topic_sentences.__all__,
    "REVIEW_FILE_NAME",
    "review_sample",
    "review_results",
]


@lru_cache(maxsize=8)
def stop_words(languages: tuple[str, ...] = ("fr", "de", "en")) -> frozenset[str]:
    """Stop words for ``languages`` (from the ``stop-words`` package) plus social-media noise.

    Parameters
    ----------
    languages
        Language codes; a code the package does not know adds no words.

    Returns
    -------
    frozenset of str
        Lower-case words.

    Examples
    --------
    >>> words = stop_words(("fr",))
    >>> "les" in words, "rt" in words, "train" in words
    (True, True, False)
    """
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


#: BERTopic representations built on ``transformers`` (text generation, zero-shot labels): the kit uses
#: neither, and importing ``transformers`` takes 2-30 s (more on a cold disk) of every topic fit.
_TRANSFORMERS_REPRESENTATIONS = {
    "TextGeneration": "bertopic.representation._textgeneration",
    "ZeroShotClassification": "bertopic.representation._zeroshot",
}


def import_bertopic():
    """The ``BERTopic`` class, imported without loading ``transformers`` when nothing has yet.

    BERTopic's package imports its optional representations inside ``try: ... except ModuleNotFoundError``;
    the two built on ``transformers`` are marked absent while it imports (a ``None`` entry in ``sys.modules``
    makes Python raise that error), then made importable again: ``bertopic.representation.TextGeneration``
    and ``ZeroShotClassification`` import their module on first access (PEP 562), as they would have.

    Returns
    -------
    type
        ``bertopic.BERTopic``.
    """
    import importlib
    import sys

    if "bertopic" in sys.modules or "transformers" in sys.modules:
        from bertopic import BERTopic

        return BERTopic
    held = [m for m in _TRANSFORMERS_REPRESENTATIONS.values() if m not in sys.modules]
    for module in held:
        sys.modules[module] = None
    try:
        from bertopic import BERTopic
    finally:
        for module in held:
            if sys.modules.get(module, 0) is None:
                del sys.modules[module]
    representation = sys.modules.get("bertopic.representation")
    if representation is not None:
        lazy = {}
        for name, module in _TRANSFORMERS_REPRESENTATIONS.items():
            if module in held and type(getattr(representation, name, None)).__name__ == "NotInstalled":
                delattr(representation, name)
                lazy[name] = module

        def __getattr__(name):  # noqa: N807 - PEP 562 module attribute
            if name in lazy:
                value = getattr(importlib.import_module(lazy[name]), name)
                setattr(representation, name, value)
                return value
            raise AttributeError(f"module 'bertopic.representation' has no attribute {name!r}")

        if lazy:
            representation.__getattr__ = __getattr__
    return BERTopic


def default_min_topic_size(n_posts: int) -> int:
    """Cluster size adapted to the corpus: about 0.6 % of the posts, between 10 and 200.

    Parameters
    ----------
    n_posts
        Posts in the corpus.

    Returns
    -------
    int
        The smallest topic size :func:`fit` uses by default.

    Examples
    --------
    >>> default_min_topic_size(500), default_min_topic_size(20_000), default_min_topic_size(10**6)
    (10, 120, 200)
    """
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
    posts
        The posts (``post_id``, ``column``; ``lang`` when topics are merged across languages).
    embeddings
        One vector per post, in the order of ``posts`` (:func:`kit.tl.embed.embed`).
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
    languages
        Stop words of these languages are left out of the labels (:func:`stop_words`).
    n_neighbors, n_components
        UMAP's neighbourhood and output dimension.
    label_words
        Words in a label.
    column
        The text column.

    Returns
    -------
    Topics
        Assignments per post and one row per topic; ``params`` holds the settings used.

    Examples
    --------
    Too few posts, not strict: every post is an outlier and the note says why (a real fit takes seconds).

    >>> posts = pd.DataFrame({"post_id": ["a", "b"], "text": ["train en retard", "billet cher"]})
    >>> result = fit(posts, np.zeros((2, 4)), strict=False)
    >>> result.assignments["topic"].tolist(), result.params["note"]
    ([-1, -1], '2 posts are too few for topics (need at least 20)')
    """
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
    BERTopic = import_bertopic()  # imported only to fit (some seconds): too few posts need none of it
    from bertopic.cluster import BaseCluster
    from bertopic.dimensionality import BaseDimensionalityReduction
    from sklearn.feature_extraction.text import CountVectorizer

    from . import _umap

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
    # words without elisions (l', qu'...), stop words or auxiliary verbs (kit.tl.topic_labels.analyser)
    analyse = _topic_labels.analyser(tuple(languages))
    vectorizer = CountVectorizer(analyzer=analyse, min_df=1, max_features=50_000)
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
    langs_ = posts["lang"].astype("string").fillna("und").to_numpy() if "lang" in posts.columns else np.full(n, "und")
    uses = _topic_labels.word_languages(docs, langs_, topics_, analyse=analyse)
    dominant = pd.Series(langs_).groupby(topics_).agg(lambda s: s.value_counts().index[0]).to_dict()
    labels = {
        t: "outliers" if t == OUTLIER else _label(words[t], label_words, word_embedder, uses.get(t), dominant.get(t))
        for t in words
    }
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
    info["languages"] = info["topic"].map(
        {t: _topic_labels.language_mix(pd.Series(langs_[topics_ == t])) for t in words}
    )
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


def _label(words: list[str], k: int, word_embedder=None, uses=None, dominant=None) -> str:
    vectors = word_embedder.embed(words) if word_embedder is not None and words else None
    return _topic_labels.label(words, uses, dominant, k=k, vectors=vectors)


def stability(posts: pd.DataFrame, embeddings: np.ndarray, *, seeds=(0, 1, 2), **fit_kwargs) -> pd.DataFrame:
    """Agreement of topic assignments across seeds: adjusted Rand index and NMI for each pair of seeds.

    High values (above ~0.8) mean the topics are a property of the data rather than of one run.

    Parameters
    ----------
    posts, embeddings
        As for :func:`fit`.
    seeds
        The seeds compared, pair by pair.
    **fit_kwargs
        Passed to :func:`fit`.

    Returns
    -------
    DataFrame
        One row per pair of seeds: ``seed_a, seed_b, ari, nmi``.
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
    """A copy of ``posts`` with ``topic`` (number, -1 for outliers) and ``topic_label`` columns.

    Columns already present are replaced; rows are matched on ``post_id``; posts the fit did not see get
    no topic (``<NA>``).

    Parameters
    ----------
    posts
        The posts.
    result
        A fit (:func:`fit`).

    Returns
    -------
    DataFrame
        ``posts`` with ``topic`` (``Int64``) and ``topic_label`` (string).

    Examples
    --------
    >>> posts = pd.DataFrame({"post_id": ["a", "b", "c"]})
    >>> result = Topics.from_assignments(["a", "b"], [0, -1], labels={0: "retard"})
    >>> with_topics(posts, result)[["topic", "topic_label"]].astype(object).values.tolist()
    [[0, 'retard'], [-1, 'outliers'], [<NA>, <NA>]]
    """
    out = posts.drop(columns=[c for c in ("topic", "topic_label") if c in posts.columns]).copy()
    ids = result.assignments.set_index("post_id")
    out["topic"] = pd.array(out["post_id"].map(ids["topic"]), dtype="Int64")
    out["topic_label"] = out["post_id"].map(ids["label"]).astype("string")
    return out
