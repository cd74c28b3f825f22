"""Topics: BERTopic on injected multilingual embeddings, seeded, with readable labels.

The expensive step (embedding) is done once by :func:`kit.tl.embed.embed` and injected here.
UMAP and HDBSCAN are seeded, so the same seed gives the same topics. Labels come from c-TF-IDF
words with French, German and English stop words removed; words that are translations of a word
already in the label (close in the multilingual embedding space) or share its stem are skipped,
so a topic is not labelled three times in three languages.

>>> from kit.tl import topics  # doctest: +SKIP
>>> result = topics.fit(posts, vectors, seed=0)  # doctest: +SKIP
>>> result.info[["topic", "label", "size"]].head()  # doctest: +SKIP
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

import numpy as np
import pandas as pd

OUTLIER = -1
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


def _clean(text: str) -> str:
    return re.sub(r"https?://\S+|www\.\S+|@\w+", " ", text)


@dataclass
class Topics:
    """A fitted topic model's results as tables.

    ``assignments``: one row per post (``post_id``, ``topic``, ``label``, ``outlier``: whether
    HDBSCAN left it out before reassignment). ``info``: one row per topic (``topic``, ``label``,
    ``size``, ``share``, ``words``). ``model`` is the BERTopic object for further use.
    """

    assignments: pd.DataFrame
    info: pd.DataFrame
    seed: int
    params: dict = field(default_factory=dict)
    model: object | None = None

    def labels(self) -> dict[int, str]:
        return dict(zip(self.info["topic"], self.info["label"]))


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
    docs = [_clean(t) for t in posts[column].fillna("").astype(str)]
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


# --- tables built on a fit ------------------------------------------------------------------------


def _joined(posts: pd.DataFrame, result: Topics, columns: list[str]) -> pd.DataFrame:
    return result.assignments[["post_id", "topic", "label"]].merge(
        posts[["post_id", *columns]], on="post_id", how="left", validate="one_to_one"
    )


def over_time(posts: pd.DataFrame, result: Topics, *, freq: str = "W", time: str = "created_at") -> pd.DataFrame:
    """Posts and share of posts per topic and period (tidy: ``period, topic, label, posts, share``)."""
    from .overview import volume

    frame = posts[["post_id", time]].merge(result.assignments[["post_id", "topic"]], on="post_id")
    vol = volume(frame.assign(topic=frame["topic"].astype(str)), freq=freq, by="topic", time=time)
    vol["topic"] = vol["topic"].astype(int)
    totals = vol.groupby("period")["posts"].transform("sum")
    vol["share"] = np.where(totals > 0, vol["posts"] / totals.where(totals > 0, 1), 0.0)
    vol["label"] = vol["topic"].map(result.labels())
    return vol[["period", "topic", "label", "posts", "share"]]


def by_group(posts: pd.DataFrame, result: Topics, *, by: str = "actor") -> pd.DataFrame:
    """Posts per topic and value of ``by`` (an actor, a language...), with the share of the group's posts
    in each topic and the share of each topic's posts from the group."""
    joined = _joined(posts, result, [by])
    joined[by] = joined[by].astype("string").fillna("(none)")
    counts = joined.groupby(["topic", "label", by], observed=True).size().rename("posts").reset_index()
    counts["share_of_group"] = counts["posts"] / counts.groupby(by)["posts"].transform("sum")
    counts["share_of_topic"] = counts["posts"] / counts.groupby("topic")["posts"].transform("sum")
    return counts.sort_values(["topic", "posts"], ascending=[True, False]).reset_index(drop=True)


def representative(
    posts: pd.DataFrame,
    result: Topics,
    embeddings: np.ndarray,
    *,
    n: int = 3,
    columns=("created_at", "actor", "lang", "text"),
) -> pd.DataFrame:
    """The ``n`` posts closest to each topic's centre (duplicate texts skipped): what a topic is about."""
    emb = np.asarray(embeddings, dtype=np.float32)
    emb = emb / np.maximum(np.linalg.norm(emb, axis=1, keepdims=True), 1e-12)
    topics_ = result.assignments["topic"].to_numpy()
    rows = []
    for t in sorted(set(topics_) - {OUTLIER}):
        idx = np.flatnonzero(topics_ == t)
        centre = emb[idx].mean(axis=0)
        order = idx[np.argsort(-(emb[idx] @ centre), kind="stable")]
        seen: set[str] = set()
        for i in order:
            text = str(posts["text"].iloc[i])
            if text in seen:
                continue
            seen.add(text)
            rows.append({"topic": int(t), "label": result.labels()[t], **{c: posts[c].iloc[i] for c in columns}})
            if len(seen) == n:
                break
    return pd.DataFrame(rows, columns=["topic", "label", *columns])


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


def _period_name(p) -> str:
    stamp = pd.Timestamp(p)
    return stamp.strftime("%Y-%m-%d") if stamp == stamp.normalize() else stamp.strftime("%Y-%m-%d %H:%M")


def emerging(
    posts: pd.DataFrame,
    result: Topics,
    *,
    freq: str = "W",
    recent: int = 2,
    min_posts: int = 10,
    alpha: float = 0.05,
    as_of=None,
    time: str = "created_at",
    reference: str = "total",
    min_growth: float = 2.0,
    strict: bool = True,
) -> pd.DataFrame:
    """Topics whose share grew in the last ``recent`` periods against their own baseline (the periods before).

    For each topic, a one-sided two-proportion z-test compares its share of posts in the recent
    window with its share in the baseline; p-values are adjusted for the number of topics
    (Benjamini-Hochberg). A topic is flagged when the adjusted p-value is below ``alpha``, it has
    at least ``min_posts`` recent posts and its share at least doubled, so a small topic that
    grows fast is flagged and a big stable one is not. ``as_of`` cuts the data at that time (to
    ask "would we have seen it then?").

    ``reference="median"`` makes the test robust to a crisis: one topic exploding in the recent
    periods lowers every other topic's share of all posts, so a slowly growing topic can look flat.
    Then each topic is compared with the *typical* topic instead: ``m``, the median over established
    topics (at least ``min_posts`` baseline posts) of ``(recent + 0.5) / (baseline + 0.5)``, measures
    how the volume of an ordinary topic changed between the two windows (window lengths included; new
    topics, such as the many a crisis splits into, are left out of ``m``); under the null
    hypothesis a topic grows like it, so its recent posts are Binomial(its posts, m / (1 + m)), tested
    one-sided (exact), and ``growth`` is the topic's ratio divided by ``m``. ``min_growth`` is the
    smallest growth flagged (2: the share at least doubled). With too few periods it raises, or
    with ``strict=False`` returns an empty table whose ``attrs["note"]`` says why.

    Returns one row per topic: ``topic, label, baseline_posts, recent_posts, baseline_share,
    recent_share, growth`` (ratio of shares), ``z``, ``p_value``, ``q_value``, ``flagged``,
    ``first_post`` (the topic's first post in time), sorted by ``z``.
    """
    from scipy.stats import norm
    from statsmodels.stats.multitest import multipletests

    frame = posts[["post_id", time]].merge(result.assignments[["post_id", "topic"]], on="post_id")
    frame = frame[frame["topic"] != OUTLIER]
    if as_of is not None:
        cut = pd.Timestamp(as_of)
        cut = cut.tz_localize("UTC") if cut.tzinfo is None else cut
        frame = frame[frame[time] < cut]
    series = over_time(posts[posts["post_id"].isin(frame["post_id"])], result, freq=freq, time=time)
    series = series[series["topic"] != OUTLIER]
    periods = sorted(series["period"].unique())
    if len(periods) <= recent:
        message = f"need more than {recent} periods of data to compare with a baseline, found {len(periods)}"
        if strict:
            raise ValueError(message)
        empty = pd.DataFrame(
            columns=[
                "topic",
                "label",
                "baseline_posts",
                "recent_posts",
                "baseline_share",
                "recent_share",
                "z",
                "p_value",
                "growth",
                "q_value",
                "flagged",
                "first_post",
            ]
        )
        empty["flagged"] = empty["flagged"].astype(bool)
        empty.attrs.update(
            {
                "reference": reference,
                "note": f"Emerging topics not tested: {message} "
                f"(period: {freq}); use a longer period of data or a shorter freq.",
            }
        )
        return empty
    recent_periods = set(periods[-recent:])
    is_recent = series["period"].isin(recent_periods)
    base = series[~is_recent].groupby("topic")["posts"].sum()
    rec = series[is_recent].groupby("topic")["posts"].sum()
    out = pd.DataFrame({"baseline_posts": base, "recent_posts": rec}).fillna(0).astype("int64")
    n_base, n_rec = out["baseline_posts"].sum(), out["recent_posts"].sum()
    out["baseline_share"] = out["baseline_posts"] / max(n_base, 1)
    out["recent_share"] = out["recent_posts"] / max(n_rec, 1)
    if reference == "median":
        from scipy.stats import binom

        total = out["baseline_posts"] + out["recent_posts"]
        ratio = (out["recent_posts"] + 0.5) / (out["baseline_posts"] + 0.5)
        eligible = (
            out["baseline_posts"] >= min_posts
        )  # established topics (a crisis split in new topics is not typical)
        m = float(ratio[eligible].median()) if eligible.any() else (n_rec + 0.5) / (n_base + 0.5)
        p0 = m / (1 + m)
        sd = np.sqrt(total * p0 * (1 - p0))
        out["z"] = np.where(sd > 0, (out["recent_posts"] - total * p0) / sd.where(sd > 0, 1), 0.0)
        out["p_value"] = binom.sf(out["recent_posts"] - 1, total, p0)
        out["growth"] = ratio / m
    elif reference == "total":
        pooled = (out["baseline_posts"] + out["recent_posts"]) / max(n_base + n_rec, 1)
        se = np.sqrt(pooled * (1 - pooled) * (1 / max(n_base, 1) + 1 / max(n_rec, 1)))
        out["z"] = np.where(se > 0, (out["recent_share"] - out["baseline_share"]) / se.where(se > 0, 1), 0.0)
        out["p_value"] = norm.sf(out["z"])
        # growth against a baseline of zero: half a post keeps the ratio finite
        out["growth"] = out["recent_share"] / np.maximum(out["baseline_share"], 0.5 / max(n_base, 1))
    else:
        raise ValueError(f"reference must be 'total' or 'median', not {reference!r}")
    out["q_value"] = multipletests(out["p_value"], method="fdr_bh")[1] if len(out) else []
    out["flagged"] = (out["q_value"] < alpha) & (out["recent_posts"] >= min_posts) & (out["growth"] >= min_growth)
    first = frame.groupby("topic")[time].min()
    out["first_post"] = first.reindex(out.index)
    out = out.rename_axis("topic").reset_index()
    out.insert(1, "label", out["topic"].map(result.labels()))
    out = out.sort_values("z", ascending=False, kind="stable").reset_index(drop=True)
    out.attrs.update(
        {
            "reference": reference,
            "typical_ratio": m if reference == "median" else None,
            "recent_periods": [_period_name(p) for p in sorted(recent_periods)],
            "baseline_periods": [_period_name(p) for p in periods[:-recent]],
        }
    )
    return out


# --- the listening report's tables ------------------------------------------------------------------


def with_topics(posts: pd.DataFrame, result: Topics) -> pd.DataFrame:
    """A copy of ``posts`` with ``topic`` (number, -1 for outliers) and ``topic_label`` columns added
    (replaced if present), matched on ``post_id``; posts the fit did not see get no topic (``<NA>``)."""
    out = posts.drop(columns=[c for c in ("topic", "topic_label") if c in posts.columns]).copy()
    ids = result.assignments.set_index("post_id")
    out["topic"] = pd.array(out["post_id"].map(ids["topic"]), dtype="Int64")
    out["topic_label"] = out["post_id"].map(ids["label"]).astype("string")
    return out


def _with_topic(posts: pd.DataFrame, result: Topics, columns) -> pd.DataFrame:
    present = [c for c in columns if c in posts.columns and c not in ("post_id",)]
    return _joined(posts, result, present)


def _wilson(k, n, level: float = 0.95) -> tuple[np.ndarray, np.ndarray]:
    from .metrics import wilson

    pairs = [wilson(int(a), int(b), level) if b > 0 else (np.nan, np.nan) for a, b in zip(k, n)]
    return np.array([p[0] for p in pairs], dtype=float), np.array([p[1] for p in pairs], dtype=float)


def summary(
    posts: pd.DataFrame,
    result: Topics,
    *,
    languages=("fr", "de", "en"),
    lang: str = "lang",
    sentiment: str = "sentiment",
    emotion: str = "emotion",
    level: float = 0.95,
) -> pd.DataFrame:
    """One row per topic: what it is, how big, in which languages, with which tone.

    Columns: ``topic, label, size, share`` (of all posts), ``share_<lang>`` for each of ``languages``
    (share of the topic's posts in that language), and when ``posts`` carries them:
    ``negative_share`` with its Wilson interval ``negative_low``/``negative_high``, ``net_sentiment``
    = (positive - negative) / (positive + negative) (empty when the topic has neither), and
    ``dominant_emotion``, the most frequent dominant emotion other than ``none`` with
    ``emotion_share``, its share of the topic's posts. Outliers (topic -1) come last.
    """
    joined = _with_topic(posts, result, [lang, sentiment, emotion])
    size = joined.groupby("topic").size()
    out = result.info[["topic", "label"]].copy()
    out["size"] = out["topic"].map(size).fillna(0).astype("int64")
    out["share"] = out["size"] / max(len(joined), 1)
    if lang in joined.columns:
        counts = pd.crosstab(joined["topic"], joined[lang].astype("string").fillna("und"))
        for code in languages:
            col = counts[code] if code in counts.columns else pd.Series(0, index=counts.index)
            out[f"share_{code}"] = out["topic"].map(col / counts.sum(axis=1)).fillna(0.0)
    if sentiment in joined.columns:
        s = joined[sentiment].astype("string")
        neg = (s == "negative").groupby(joined["topic"]).sum()
        pos = (s == "positive").groupby(joined["topic"]).sum()
        n_neg, n_pos = out["topic"].map(neg).fillna(0), out["topic"].map(pos).fillna(0)
        out["negative_share"] = n_neg / out["size"].where(out["size"] > 0)
        out["negative_low"], out["negative_high"] = _wilson(n_neg, out["size"], level)
        both = n_pos + n_neg
        out["net_sentiment"] = ((n_pos - n_neg) / both.where(both > 0)).astype(float)
    if emotion in joined.columns:
        e = joined[joined[emotion].astype("string").fillna("none") != "none"]
        top = e.groupby("topic")[emotion].agg(lambda v: v.value_counts().index[0] if len(v) else None)
        cnt = e.groupby("topic")[emotion].agg(lambda v: v.value_counts().iloc[0] if len(v) else 0)
        out["dominant_emotion"] = out["topic"].map(top).astype("string").fillna("none")
        out["emotion_share"] = out["topic"].map(cnt).fillna(0) / out["size"].where(out["size"] > 0)
    order = np.where(out["topic"] == OUTLIER, 1, 0)
    return (
        out.assign(_o=order)
        .sort_values(["_o", "size"], ascending=[True, False], kind="stable")
        .drop(columns="_o")
        .reset_index(drop=True)
    )


def languages(
    posts: pd.DataFrame,
    result: Topics,
    *,
    languages=("fr", "de", "en"),
    lang: str = "lang",
    min_share: float = 0.1,
    min_posts: int = 5,
) -> pd.DataFrame:
    """Which topics are shared across languages and which live in one language only.

    The rule: a language *carries* a topic when at least ``min_posts`` of the topic's posts and at
    least ``min_share`` of them are in that language. A topic carried by two languages or more is
    ``shared``; by one, ``one language``; by none (too small, or in other languages), ``unclear``.

    Returns one row per topic (outliers left out): ``topic, label, size``, ``posts_<lang>`` for each
    of ``languages`` and ``posts_other``, ``languages`` (the carrying languages, in the order given)
    and ``kind``; sorted with shared topics first, then by size.
    """
    joined = _with_topic(posts, result, [lang])
    joined = joined[joined["topic"] != OUTLIER]
    codes = (
        joined[lang].astype("string").fillna("und") if lang in joined.columns else pd.Series("und", index=joined.index)
    )
    counts = pd.crosstab(joined["topic"], codes)
    info = result.info[result.info["topic"] != OUTLIER][["topic", "label"]].reset_index(drop=True)
    counts = counts.reindex(info["topic"]).fillna(0).astype("int64")
    out = info.copy()
    out["size"] = counts.sum(axis=1).to_numpy()
    carried = []
    for code in languages:
        col = counts[code].to_numpy() if code in counts.columns else np.zeros(len(out), dtype="int64")
        out[f"posts_{code}"] = col
        carried.append((col >= min_posts) & (col >= min_share * np.maximum(out["size"].to_numpy(), 1)))
    out["posts_other"] = out["size"] - out[[f"posts_{c}" for c in languages]].sum(axis=1)
    names = (
        [", ".join(c for c, ok in zip(languages, row) if ok) for row in zip(*carried)] if carried else [""] * len(out)
    )
    out["languages"] = pd.array(names, dtype="string")
    n_carried = np.sum(carried, axis=0) if carried else np.zeros(len(out))
    out["kind"] = pd.array(
        np.where(n_carried >= 2, "shared", np.where(n_carried == 1, "one language", "unclear")), dtype="string"
    )
    rank = out["kind"].map({"shared": 0, "one language": 1, "unclear": 2})
    return (
        out.assign(_r=rank)
        .sort_values(["_r", "size"], ascending=[True, False], kind="stable")
        .drop(columns="_r")
        .reset_index(drop=True)
    )


def absent(
    posts: pd.DataFrame,
    result: Topics,
    *,
    brand: str | None,
    competitors=None,
    by: str = "actor",
    alpha: float = 0.05,
    min_posts: int = 10,
    level: float = 0.95,
) -> pd.DataFrame:
    """Conversations the competitors are in and the brand is not (or much less than usual).

    Among the posts of the brand and its competitors (values of ``by``), the brand has an overall
    share ``expected``. For each topic with at least ``min_posts`` competitor posts, a one-sided
    exact binomial test asks whether the brand's share of the topic's brand+competitor posts is
    below ``expected``; p-values are adjusted over the topics (Benjamini-Hochberg). ``absent`` is
    true when the adjusted p-value is below ``alpha`` and the brand's share is under half of
    ``expected``: the competitors talk (or are talked about) there and the brand hardly is.

    Returns one row per topic: ``topic, label, brand_posts, competitor_posts, top_competitor,
    brand_share`` with its Wilson interval (``brand_low``, ``brand_high``), ``expected``,
    ``p_value, q_value, absent``; sorted by ``brand_share`` relative to ``expected``, lowest first.
    Empty (with the columns) when the brand or the competitors have no posts.
    """
    from scipy.stats import binomtest
    from statsmodels.stats.multitest import multipletests

    columns = [
        "topic",
        "label",
        "brand_posts",
        "competitor_posts",
        "top_competitor",
        "brand_share",
        "brand_low",
        "brand_high",
        "expected",
        "p_value",
        "q_value",
        "absent",
    ]
    if by not in posts.columns or not brand:
        return pd.DataFrame(columns=columns)
    joined = _with_topic(posts, result, [by])
    joined = joined[joined["topic"] != OUTLIER]
    who = joined[by].astype("string")
    rivals = set(competitors) if competitors is not None else set(who.dropna().unique()) - {brand}
    rivals.discard(brand)
    is_brand, is_rival = (who == brand).fillna(False), who.isin(rivals).fillna(False)
    n_brand, n_rival = int(is_brand.sum()), int(is_rival.sum())
    if n_brand == 0 or n_rival == 0:
        return pd.DataFrame(columns=columns)
    expected = n_brand / (n_brand + n_rival)
    b = is_brand.groupby(joined["topic"]).sum()
    r = is_rival.groupby(joined["topic"]).sum()
    top = joined[is_rival].groupby("topic")[by].agg(lambda v: v.value_counts().index[0])
    out = result.info[result.info["topic"] != OUTLIER][["topic", "label"]].copy()
    out["brand_posts"] = out["topic"].map(b).fillna(0).astype("int64")
    out["competitor_posts"] = out["topic"].map(r).fillna(0).astype("int64")
    out["top_competitor"] = out["topic"].map(top).astype("string")
    out = out[out["competitor_posts"] >= min_posts].reset_index(drop=True)
    n = out["brand_posts"] + out["competitor_posts"]
    out["brand_share"] = out["brand_posts"] / n
    out["brand_low"], out["brand_high"] = _wilson(out["brand_posts"], n, level)
    out["expected"] = expected
    out["p_value"] = [
        binomtest(int(k), int(m), expected, alternative="less").pvalue for k, m in zip(out["brand_posts"], n)
    ]
    out["q_value"] = multipletests(out["p_value"], method="fdr_bh")[1] if len(out) else []
    out["absent"] = (out["q_value"] < alpha) & (out["brand_share"] < expected / 2)
    return out.sort_values("brand_share", kind="stable").reset_index(drop=True)[columns]


def first_posts(
    posts: pd.DataFrame,
    result: Topics,
    topics_=None,
    *,
    n: int = 3,
    time: str = "created_at",
    columns=("created_at", "actor", "lang", "text"),
) -> pd.DataFrame:
    """The first ``n`` posts in time of each topic in ``topics_`` (topic numbers, or the table of
    :func:`emerging`, whose flagged topics are taken; all topics by default): how a topic started."""
    cols = [c for c in columns if c in posts.columns]
    joined = _with_topic(posts, result, list(dict.fromkeys([time, *cols])))
    if isinstance(topics_, pd.DataFrame):  # the result of emerging(): its flagged topics
        topics_ = topics_.loc[topics_["flagged"].astype(bool), "topic"]
    wanted = sorted(set(result.info["topic"]) - {OUTLIER}) if topics_ is None else [int(t) for t in topics_]
    part = joined[joined["topic"].isin(wanted)].sort_values([time, "post_id"], kind="stable")
    part = part.groupby("topic", sort=False).head(n)
    order = {t: i for i, t in enumerate(wanted)}
    part = part.assign(_o=part["topic"].map(order)).sort_values(["_o", time], kind="stable")
    return part[["topic", "label", *cols]].reset_index(drop=True)


def actionable(
    posts: pd.DataFrame,
    result: Topics,
    *,
    kinds=("question", "complaint", "feature_request", "feedback"),
    intent: str = "intent",
    freq: str = "W",
    recent: int = 2,
    alpha: float = 0.05,
    time: str = "created_at",
    level: float = 0.95,
) -> pd.DataFrame:
    """Questions, complaints, feature requests and feedback, counted by topic, with their trend.

    ``posts`` carries an ``intent`` column (:func:`kit.tl.intent.detect`). One row per intent and
    topic with at least one post: ``intent, topic, label, posts``, ``share_of_topic`` (of the
    topic's posts, with a Wilson interval ``low``/``high``), ``recent_posts`` (in the last
    ``recent`` periods of ``freq``), ``baseline_posts`` (before), and ``trend``: the share of all
    posts that this intent-and-topic takes in the recent periods against the baseline, by a
    two-sided two-proportion z-test with Benjamini-Hochberg adjustment over the rows:
    ``rising`` or ``falling`` when the adjusted p-value is below ``alpha``, ``steady`` otherwise,
    ``n/a`` when the data spans ``recent`` periods or fewer. Sorted by intent (in ``kinds`` order) and size.
    """
    from scipy.stats import norm
    from statsmodels.stats.multitest import multipletests

    columns = [
        "intent",
        "topic",
        "label",
        "posts",
        "share_of_topic",
        "low",
        "high",
        "recent_posts",
        "baseline_posts",
        "change",
        "q_value",
        "trend",
    ]
    if intent not in posts.columns:
        raise KeyError(f"no {intent!r} column in posts: add it with kit.tl.intent.annotate(posts)")
    joined = _with_topic(posts, result, [intent, time])
    topic_size = joined.groupby("topic").size()
    periods = joined[time].dt.tz_convert("UTC").dt.tz_localize(None).dt.to_period(freq) if len(joined) else joined[time]
    uniq = sorted(periods.unique()) if len(joined) else []
    has_trend = len(uniq) > recent
    is_recent = periods.isin(uniq[-recent:]) if has_trend else pd.Series(False, index=joined.index)
    n_rec, n_base = int(is_recent.sum()), int((~is_recent).sum())
    part = joined[joined[intent].astype("string").isin(kinds)]
    if part.empty:
        return pd.DataFrame(columns=columns)
    g = part.assign(_rec=is_recent[part.index]).groupby([intent, "topic"])
    out = g.size().rename("posts").reset_index()
    out["recent_posts"] = g["_rec"].sum().to_numpy().astype("int64")
    out["baseline_posts"] = out["posts"] - out["recent_posts"]
    out[intent] = out[intent].astype("string")
    out.insert(2, "label", out["topic"].map(result.labels()))
    n_topic = out["topic"].map(topic_size)
    out["share_of_topic"] = out["posts"] / n_topic
    out["low"], out["high"] = _wilson(out["posts"], n_topic, level)
    if has_trend and n_rec and n_base:
        p_rec, p_base = out["recent_posts"] / n_rec, out["baseline_posts"] / n_base
        pooled = out["posts"] / (n_rec + n_base)
        se = np.sqrt(pooled * (1 - pooled) * (1 / n_rec + 1 / n_base))
        z = np.where(se > 0, (p_rec - p_base) / se.where(se > 0, 1), 0.0)
        q = multipletests(2 * norm.sf(np.abs(z)), method="fdr_bh")[1]
        out["change"] = p_rec / np.maximum(p_base, 0.5 / n_base)
        out["q_value"] = q
        out["trend"] = np.where(q < alpha, np.where(z > 0, "rising", "falling"), "steady")
    else:
        out["change"], out["q_value"], out["trend"] = np.nan, np.nan, "n/a"
    out = out.rename(columns={intent: "intent"})
    rank = out["intent"].map({k: i for i, k in enumerate(kinds)})
    return (
        out.assign(_r=rank)
        .sort_values(["_r", "posts"], ascending=[True, False], kind="stable")
        .drop(columns="_r")
        .reset_index(drop=True)[columns]
    )


def actionable_examples(
    posts: pd.DataFrame,
    result: Topics,
    *,
    kinds=("question", "complaint", "feature_request", "feedback"),
    intent: str = "intent",
    n: int = 2,
    top_topics: int = 5,
    columns=("created_at", "actor", "lang", "text"),
) -> pd.DataFrame:
    """Example posts for each intent in its ``top_topics`` largest topics: the ``n`` most recent distinct
    texts (the intent's most confident posts first when ``intent_confidence`` exists)."""
    cols = [c for c in columns if c in posts.columns]
    extra = [c for c in ("intent_confidence",) if c in posts.columns]
    joined = _with_topic(posts, result, list(dict.fromkeys([intent, *cols, *extra])))
    joined = joined[joined[intent].astype("string").isin(kinds) & (joined["topic"] != OUTLIER)]
    rows = []
    for kind in kinds:
        part = joined[joined[intent] == kind]
        for t in part["topic"].value_counts().index[:top_topics]:
            sub = part[part["topic"] == t]
            keys = (["intent_confidence"] if extra else []) + (["created_at"] if "created_at" in sub.columns else [])
            sub = sub.sort_values(keys, ascending=False, kind="stable") if keys else sub
            sub = sub.drop_duplicates("text") if "text" in sub.columns else sub
            rows.append(sub.head(n).assign(intent=kind))
    if not rows:
        return pd.DataFrame(columns=["intent", "topic", "label", *cols])
    return pd.concat(rows, ignore_index=True)[["intent", "topic", "label", *cols]]


def sentiment_by(
    posts: pd.DataFrame,
    result: Topics,
    *,
    by: str | None = "actor",
    sentiment: str = "sentiment",
    min_posts: int = 10,
    level: float = 0.95,
    top: int | None = None,
) -> pd.DataFrame:
    """Sentiment per topic (and per value of ``by``, e.g. actor): ``posts``, counts per class,
    ``negative_share`` with its Wilson interval (``negative_low``, ``negative_high``) and
    ``net_sentiment`` = (pos - neg) / (pos + neg). Cells with fewer than ``min_posts`` posts are left
    out (too few to read); ``top`` keeps the largest topics only. Outliers are left out."""
    group = [by] if by is not None and by in posts.columns else []
    joined = _with_topic(posts, result, [sentiment, *group])
    joined = joined[joined["topic"] != OUTLIER]
    if top is not None:
        keep = joined["topic"].value_counts().index[:top]
        joined = joined[joined["topic"].isin(keep)]
    if group:
        joined[by] = joined[by].astype("string").fillna("(none)")
    s = joined[sentiment].astype("string")
    keys = ["topic", *group]
    out = (
        joined.assign(negative=(s == "negative"), neutral=(s == "neutral"), positive=(s == "positive"))
        .groupby(keys)[["negative", "neutral", "positive"]]
        .sum()
        .astype("int64")
        .reset_index()
    )
    out["posts"] = out[["negative", "neutral", "positive"]].sum(axis=1)
    out = out[out["posts"] >= min_posts].reset_index(drop=True)
    out.insert(1, "label", out["topic"].map(result.labels()))
    out["negative_share"] = out["negative"] / out["posts"]
    out["negative_low"], out["negative_high"] = _wilson(out["negative"], out["posts"], level)
    both = out["negative"] + out["positive"]
    out["net_sentiment"] = ((out["positive"] - out["negative"]) / both.where(both > 0)).astype(float)
    return out


def emotion_profile(posts: pd.DataFrame, result: Topics, *, emotions=None, top: int | None = None) -> pd.DataFrame:
    """Mean emotion scores per topic (tidy: ``topic, label, emotion, score, posts``), from the columns
    :func:`kit.tl.emotion.emotions` adds. Outliers left out; ``top`` keeps the largest topics."""
    from .emotion import EMOTIONS

    names = [e for e in (emotions or EMOTIONS) if e in posts.columns]
    if not names:
        return pd.DataFrame(columns=["topic", "label", "emotion", "score", "posts"])
    joined = _with_topic(posts, result, names)
    joined = joined[joined["topic"] != OUTLIER]
    if top is not None:
        joined = joined[joined["topic"].isin(joined["topic"].value_counts().index[:top])]
    means = joined.groupby("topic")[names].mean()
    sizes = joined.groupby("topic").size()
    out = means.reset_index().melt(id_vars="topic", var_name="emotion", value_name="score")
    out.insert(1, "label", out["topic"].map(result.labels()))
    out["posts"] = out["topic"].map(sizes).astype("int64")
    return out.sort_values(["posts", "topic", "emotion"], ascending=[False, True, True], kind="stable").reset_index(
        drop=True
    )


# --- the human review loop, as the listening report runs it ---------------------------------------

REVIEW_FILE_NAME = "listening_review_sample.csv"


def _output_dir() -> Path:
    """Where a report's side files go: beside the report in a ``kit run`` (the folder of its record
    file, ``KIT_RECORD``), the current folder otherwise."""
    import os

    record = os.environ.get("KIT_RECORD")
    return Path(record).resolve().parent if record else Path.cwd()


def review_sample(
    posts: pd.DataFrame, *, n: int = 200, seed: int = 0, path: str | Path | None = None, reviewers=("reviewer_1",)
) -> pd.DataFrame:
    """Draw the stratified review sample (:func:`kit.tl.review.draw_sample`: by predicted sentiment,
    language, topic and confidence band, uncertain posts drawn more) and write it as a review CSV
    (:func:`kit.tl.review.write_review_csv`) at ``path`` (default: ``listening_review_sample.csv``
    beside the report). A file at ``path`` that already holds labels is never overwritten.

    Returns a one-row table: ``file``, ``posts`` (in the sample), ``strata`` (columns used), ``status``."""
    from . import review

    target = Path(path) if path is not None else _output_dir() / REVIEW_FILE_NAME
    columns = ["file", "posts", "strata", "status"]
    if n <= 0 or posts.empty:
        return pd.DataFrame(
            [[str(target), 0, "", "no sample drawn (review_items is 0 or there are no posts)"]], columns=columns
        )
    if target.exists():
        try:
            filled = review.read_review_csv(target)
            labelled = int(filled["reviewed"].sum()) if "reviewed" in filled.columns else 0
        except Exception:  # not a review file we can read: leave it alone too
            labelled = 1
        if labelled:
            return pd.DataFrame(
                [[str(target), labelled, "", "kept: the file already holds labels; not overwritten"]], columns=columns
            )
    frame = posts.copy()
    if "topic" in frame.columns:
        frame["topic"] = frame["topic"].astype("string")
    sample = review.draw_sample(frame, n=n, seed=seed)
    review.write_review_csv(sample, target, reviewers=reviewers)
    return pd.DataFrame(
        [[str(target), len(sample), ", ".join(sample.attrs.get("strata", [])), "written"]], columns=columns
    )


def review_results(posts: pd.DataFrame, review_file=None, *, seed: int = 0, n_boot: int = 2000) -> dict:
    """What a filled review file says: ``{"status", "agreement", "corrected"}`` tables.

    Without ``review_file`` (``None`` or empty), ``status`` says so and the other two are empty.
    Otherwise the file(s) are read (:func:`kit.tl.review.read_review_csv`; a wrong label stops with
    the file, row and column), ``agreement`` is Cohen's kappa between reviewers and with the model
    and ``corrected`` the corrected negative/neutral/positive shares and net sentiment of ``posts``
    with bootstrap intervals (:func:`kit.tl.review.corrected_shares`)."""
    from . import review

    if not review_file:
        status = pd.DataFrame(
            {
                "review": [
                    "No review file given (parameter review_file is empty): the sentiment "
                    "figures above are the model's, uncorrected."
                ]
            }
        )
        return {"status": status, "agreement": pd.DataFrame(), "corrected": pd.DataFrame()}
    reviewed = review.read_review_csv(review_file)
    n_reviewed = int(reviewed["reviewed"].sum()) if "reviewed" in reviewed.columns else len(reviewed)
    known = reviewed["post_id"].astype(str).isin(posts["post_id"].astype(str))
    status = pd.DataFrame(
        {
            "review": [
                f"{review_file}: {len(reviewed)} rows, {n_reviewed} labelled by at least one "
                f"reviewer, {int(known.sum())} found among this report's posts."
            ]
        }
    )
    if n_reviewed == 0:
        return {"status": status, "agreement": pd.DataFrame(), "corrected": pd.DataFrame()}
    agreement = review.agreement(reviewed, posts=posts, seed=seed)
    corrected = review.corrected_shares(posts, reviewed[known.to_numpy()], seed=seed, n_boot=n_boot)
    return {"status": status, "agreement": agreement, "corrected": corrected}


# --- sentences for the report ----------------------------------------------------------------------


def _fmt_topic(row) -> str:
    return f"topic {int(row['topic'])} ({row['label']})"


def describe_emerging(table: pd.DataFrame) -> list[str]:
    """Sentences on :func:`emerging`'s result: which topics are flagged, with growth and adjusted p."""
    if table.empty:
        return [table.attrs.get("note", "No topic could be tested for growth.")]
    flagged = table[table["flagged"]]
    recent = table.attrs.get("recent_periods", [])
    when = f" in the recent periods ({', '.join(recent)})" if recent else ""
    if flagged.empty:
        return [f"No topic grew significantly faster than its baseline{when}: nothing is flagged as emerging."]
    out = [f"{len(flagged)} topic(s) flagged as emerging{when}:"]
    for _, row in flagged.iterrows():
        first = pd.Timestamp(row["first_post"]).strftime("%Y-%m-%d") if pd.notna(row["first_post"]) else "?"
        out.append(
            f"{_fmt_topic(row)}: {int(row['recent_posts'])} recent posts against {int(row['baseline_posts'])} "
            f"before, growth x{row['growth']:.1f}, adjusted p = {row['q_value']:.2g}; first post {first}."
        )
    return out


def describe_languages(table: pd.DataFrame) -> list[str]:
    """Sentences on :func:`languages`' result: how many topics are shared, which live in one language."""
    if table.empty:
        return ["No topics to describe."]
    shared = table[table["kind"] == "shared"]
    single = table[table["kind"] == "one language"]
    out = [f"{len(shared)} of {len(table)} topics are shared across languages; {len(single)} live in one language."]
    all3 = shared[shared["languages"].str.count(",") >= 2]
    if len(all3):
        out.append(
            "In French, German and English at once: "
            + "; ".join(_fmt_topic(r) for _, r in all3.head(8).iterrows())
            + "."
        )
    if len(single):
        out.append(
            "One language only: "
            + "; ".join(f"{_fmt_topic(r)} [{r['languages']}]" for _, r in single.head(8).iterrows())
            + "."
        )
    return out


def describe_absent(table: pd.DataFrame, *, brand: str | None) -> list[str]:
    """Sentences on :func:`absent`'s result: where the brand is missing from its competitors' conversations."""
    if not brand:
        return ["No brand is named (parameter brand): no comparison with competitors."]
    if table.empty:
        return [f"No comparison possible: {brand} or its competitors have no posts in these topics."]
    gone = table[table["absent"]]
    if gone.empty:
        return [
            f"{brand} takes part in every conversation its competitors are in (no topic where its share is "
            f"significantly below half its overall share of {table['expected'].iloc[0]:.0%})."
        ]
    return [
        f"{brand} is absent (share significantly below half its overall {table['expected'].iloc[0]:.0%}) from "
        f"{len(gone)} conversation(s) its competitors are in:"
    ] + [
        f"{_fmt_topic(r)}: {int(r['brand_posts'])} {brand} posts against {int(r['competitor_posts'])} for the "
        f"competitors (mostly {r['top_competitor']})."
        for _, r in gone.iterrows()
    ]


def describe_actionable(table: pd.DataFrame) -> list[str]:
    """Sentences on :func:`actionable`'s result: totals per intent and the rising rows."""
    if table.empty:
        return ["No questions, complaints, feature requests or feedback were detected."]
    totals = table.groupby("intent", sort=False)["posts"].sum()
    out = ["Detected: " + ", ".join(f"{int(v):,} {k.replace('_', ' ')}s" for k, v in totals.items()) + "."]
    rising = table[table["trend"] == "rising"]
    if len(rising):
        out.append(
            "Rising (adjusted p < 0.05): "
            + "; ".join(
                f"{r['intent'].replace('_', ' ')}s in {_fmt_topic(r)} (x{r['change']:.1f})"
                for _, r in rising.head(8).iterrows()
            )
            + "."
        )
    return out


def review_instructions(*, file_name: str = REVIEW_FILE_NAME) -> str:
    """:data:`kit.tl.review.REVIEW_INSTRUCTIONS` (Markdown) naming the listening report's review file and parameter."""
    from .review import REVIEW_INSTRUCTIONS

    return REVIEW_INSTRUCTIONS.replace("review_file: path/to/review.csv", f"review_file: path/to/{file_name}").replace(
        "`review.csv`", f"`{file_name}` (beside the report; copy it before you fill it)"
    )


def describe_fit(result: Topics) -> list[str]:
    """Sentences on a fit: how many topics among how many posts, the outliers, or why there are none."""
    n = len(result.assignments)
    if "note" in result.params:
        return [f"No topics: {result.params['note']}."]
    k = int((result.info["topic"] >= 0).sum())
    out = int((result.assignments["topic"] == OUTLIER).sum())
    return [
        f"{k} topics among {n:,} posts (smallest topic size {result.params.get('min_topic_size')}, seed "
        f"{result.seed}); {out:,} posts ({out / max(n, 1):.0%}) are close to no topic (outliers)."
    ]
