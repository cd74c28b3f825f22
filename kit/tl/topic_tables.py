"""Tables on a topic fit: one row per topic (size, languages, tone), brand gaps, tone by actor, emotions,
representative posts.

All take the posts (with the columns each table reads) and a fitted :class:`~kit.tl._topic_model.Topics`.

>>> import pandas as pd
>>> from kit.tl._topic_model import Topics
>>> posts = pd.DataFrame({"post_id": ["a", "b", "c"], "lang": ["fr", "de", "fr"]})
>>> result = Topics.from_assignments(posts["post_id"], [0, 0, 1], labels={0: "train", 1: "prix"})
>>> summary(posts, result, languages=("fr", "de"))[["topic", "size", "share_fr", "share_de"]].values.tolist()
[[0.0, 2.0, 0.5, 0.5], [1.0, 1.0, 1.0, 0.0]]
"""

from __future__ import annotations

import numpy as np
import pandas as pd

from .._stats import adjust_p, wilson
from ._topic_model import OUTLIER, Topics, _with_topic

__all__ = ["summary", "languages", "absent", "sentiment_by", "emotion_profile", "representative"]


def _ranked(out: pd.DataFrame, rank, by: str) -> pd.DataFrame:
    """``out`` sorted by ``rank`` (lowest first), then by ``by`` (largest first), stable, on a fresh index."""
    return (
        out.assign(_rank=rank)
        .sort_values(["_rank", by], ascending=[True, False], kind="stable")
        .drop(columns="_rank")
        .reset_index(drop=True)
    )


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

    Columns: ``topic, label``, ``languages`` when the fit names them (``fr 61 % · de 25 % · en 14 %``),
    ``size, share`` (of all posts), ``share_<lang>`` for each of ``languages``
    (share of the topic's posts in that language), and when ``posts`` carries them:
    ``negative_share`` with its Wilson interval ``negative_low``/``negative_high``, ``net_sentiment``
    = (positive - negative) / (positive + negative) (empty when the topic has neither), and
    ``dominant_emotion``, the most frequent dominant emotion other than ``none`` with
    ``emotion_share``, its share of the topic's posts. Outliers (topic -1) come last.

    Parameters
    ----------
    posts
        The posts, with the columns this table reads.
    result
        A fit (:func:`kit.tl.topics.fit`).
    languages
        The languages given a ``share_<lang>`` column.
    lang, sentiment, emotion
        The columns read (each optional).
    level
        Confidence level of the Wilson intervals.

    Returns
    -------
    DataFrame
        One row per topic, outliers last, with the columns described above.

    Examples
    --------
    >>> posts = pd.DataFrame({"post_id": list("abcdef"), "lang": ["fr", "de", "en", "fr", "fr", "fr"],
    ...                       "sentiment": ["negative", "negative", "positive", "neutral", "negative", "positive"],
    ...                       "actor": ["Voltaria", "Railix", "Railix", "Voltaria", "Railix", "Railix"]})
    >>> result = Topics.from_assignments(posts["post_id"], [0, 0, 0, 1, 1, -1], labels={0: "retard", 1: "prix"})
    >>> summary(posts, result)[["topic", "size", "negative_share", "net_sentiment"]].round(2).values.tolist()
    [[0, 3, 0.67, -0.33], [1, 2, 0.5, -1.0], [-1, 1, 0.0, 1.0]]
    """
    joined = _with_topic(posts, result, [lang, sentiment, emotion])
    size = joined.groupby("topic").size()
    out = result.info[["topic", "label"]].copy()
    if "languages" in result.info.columns:  # the language breakdown beside the label (kit.tl.topic_labels)
        out["languages"] = result.info["languages"].to_numpy()
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
        out["negative_low"], out["negative_high"] = wilson(n_neg, out["size"], level)
        both = n_pos + n_neg
        out["net_sentiment"] = ((n_pos - n_neg) / both.where(both > 0)).astype(float)
    if emotion in joined.columns:
        e = joined[joined[emotion].astype("string").fillna("none") != "none"]
        top = e.groupby("topic")[emotion].agg(lambda v: v.value_counts().index[0] if len(v) else None)
        cnt = e.groupby("topic")[emotion].agg(lambda v: v.value_counts().iloc[0] if len(v) else 0)
        out["dominant_emotion"] = out["topic"].map(top).astype("string").fillna("none")
        out["emotion_share"] = out["topic"].map(cnt).fillna(0) / out["size"].where(out["size"] > 0)
    return _ranked(out, np.where(out["topic"] == OUTLIER, 1, 0), "size")


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

    Parameters
    ----------
    posts
        The posts, with the columns this table reads.
    result
        A fit (:func:`kit.tl.topics.fit`).
    languages
        The languages counted, in the order they are named.
    lang
        The language column.
    min_share, min_posts
        What it takes for a language to carry a topic.

    Returns
    -------
    DataFrame
        One row per topic, as described above.

    Examples
    --------
    >>> posts = pd.DataFrame({"post_id": list("abcdef"), "lang": ["fr", "de", "en", "fr", "fr", "fr"],
    ...                       "sentiment": ["negative", "negative", "positive", "neutral", "negative", "positive"],
    ...                       "actor": ["Voltaria", "Railix", "Railix", "Voltaria", "Railix", "Railix"]})
    >>> result = Topics.from_assignments(posts["post_id"], [0, 0, 0, 1, 1, -1], labels={0: "retard", 1: "prix"})
    >>> languages(posts, result, min_posts=1)[["topic", "languages", "kind"]].values.tolist()
    [[0, 'fr, de, en', 'shared'], [1, 'fr', 'one language']]
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
    return _ranked(out, out["kind"].map({"shared": 0, "one language": 1, "unclear": 2}), "size")


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

    Parameters
    ----------
    posts
        The posts, with the columns this table reads.
    result
        A fit (:func:`kit.tl.topics.fit`).
    brand
        The brand's value in ``by``; ``None`` or empty gives an empty table.
    competitors
        Its competitors' values (default: every other value of ``by``).
    by
        The column naming who posted or who is talked about.
    alpha, min_posts, level
        Level of the adjusted test, smallest number of competitor posts tested, interval level.

    Returns
    -------
    DataFrame
        One row per topic tested, as described above.

    Examples
    --------
    >>> posts = pd.DataFrame({"post_id": list("abcdef"), "lang": ["fr", "de", "en", "fr", "fr", "fr"],
    ...                       "sentiment": ["negative", "negative", "positive", "neutral", "negative", "positive"],
    ...                       "actor": ["Voltaria", "Railix", "Railix", "Voltaria", "Railix", "Railix"]})
    >>> result = Topics.from_assignments(posts["post_id"], [0, 0, 0, 1, 1, -1], labels={0: "retard", 1: "prix"})
    >>> gaps = absent(posts, result, brand="Voltaria", min_posts=1)
    >>> gaps[["topic", "brand_posts", "competitor_posts", "top_competitor", "absent"]].values.tolist()
    [[0, 1, 2, 'Railix', False], [1, 1, 1, 'Railix', False]]
    """
    from scipy.stats import binomtest

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
    out["brand_low"], out["brand_high"] = wilson(out["brand_posts"], n, level)
    out["expected"] = expected
    out["p_value"] = [
        binomtest(int(k), int(m), expected, alternative="less").pvalue for k, m in zip(out["brand_posts"], n)
    ]
    out["q_value"] = adjust_p(out["p_value"], "fdr_bh")
    out["absent"] = (out["q_value"] < alpha) & (out["brand_share"] < expected / 2)
    return out.sort_values("brand_share", kind="stable").reset_index(drop=True)[columns]


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
    out (too few to read); ``top`` keeps the largest topics only. Outliers are left out.

    Parameters
    ----------
    posts
        The posts, with the columns this table reads.
    result
        A fit (:func:`kit.tl.topics.fit`).
    by
        The grouping column, or ``None`` for one row per topic.
    sentiment
        The sentiment column (``negative``, ``neutral``, ``positive``).
    min_posts, level, top
        Smallest cell shown, interval level, number of largest topics kept (``None``: all).

    Returns
    -------
    DataFrame
        One row per topic (and value of ``by``) with at least ``min_posts`` posts.

    Examples
    --------
    >>> posts = pd.DataFrame({"post_id": list("abcdef"), "lang": ["fr", "de", "en", "fr", "fr", "fr"],
    ...                       "sentiment": ["negative", "negative", "positive", "neutral", "negative", "positive"],
    ...                       "actor": ["Voltaria", "Railix", "Railix", "Voltaria", "Railix", "Railix"]})
    >>> result = Topics.from_assignments(posts["post_id"], [0, 0, 0, 1, 1, -1], labels={0: "retard", 1: "prix"})
    >>> sentiment_by(posts, result, by=None, min_posts=1)[["negative", "posts", "net_sentiment"]].values.tolist()
    [[2.0, 3.0, -0.333...], [1.0, 2.0, -1.0]]
    """
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
    out["negative_low"], out["negative_high"] = wilson(out["negative"], out["posts"], level)
    both = out["negative"] + out["positive"]
    out["net_sentiment"] = ((out["positive"] - out["negative"]) / both.where(both > 0)).astype(float)
    return out


def emotion_profile(posts: pd.DataFrame, result: Topics, *, emotions=None, top: int | None = None) -> pd.DataFrame:
    """Mean emotion scores per topic (tidy: ``topic, label, emotion, score, posts``), from the columns
    :func:`kit.tl.emotion.emotions` adds. Outliers left out; ``top`` keeps the largest topics.

    Parameters
    ----------
    posts
        The posts, with the columns this table reads.
    result
        A fit (:func:`kit.tl.topics.fit`).
    emotions
        The emotion columns (default: :data:`kit.tl.emotion.EMOTIONS` present in ``posts``).
    top
        Number of largest topics kept (``None``: all).

    Returns
    -------
    DataFrame
        ``topic, label, emotion, score, posts``, largest topics first.

    Examples
    --------
    >>> posts = pd.DataFrame({"post_id": list("abcdef"), "lang": ["fr", "de", "en", "fr", "fr", "fr"],
    ...                       "sentiment": ["negative", "negative", "positive", "neutral", "negative", "positive"],
    ...                       "actor": ["Voltaria", "Railix", "Railix", "Voltaria", "Railix", "Railix"]})
    >>> result = Topics.from_assignments(posts["post_id"], [0, 0, 0, 1, 1, -1], labels={0: "retard", 1: "prix"})
    >>> profile = emotion_profile(posts.assign(anger=[0.9, 0.7, 0.2, 0.2, 0.5, 0.0]), result, emotions=["anger"])
    >>> profile[["topic", "score", "posts"]].round(2).values.tolist()
    [[0.0, 0.6, 3.0], [1.0, 0.35, 2.0]]
    """
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


def representative(
    posts: pd.DataFrame,
    result: Topics,
    embeddings: np.ndarray,
    *,
    n: int = 3,
    columns=("created_at", "actor", "lang", "text"),
) -> pd.DataFrame:
    """The ``n`` posts closest to each topic's centre (duplicate texts skipped): what a topic is about.

    Parameters
    ----------
    posts
        The posts, with the columns this table reads.
    result
        A fit (:func:`kit.tl.topics.fit`).
    embeddings
        One vector per post, in the order of ``posts`` and of the fit.
    n
        Posts per topic.
    columns
        Columns shown.

    Returns
    -------
    DataFrame
        ``topic, label`` and ``columns``, the closest post first.

    Examples
    --------
    >>> posts = pd.DataFrame({"post_id": list("abcdef"), "lang": ["fr", "de", "en", "fr", "fr", "fr"],
    ...                       "sentiment": ["negative", "negative", "positive", "neutral", "negative", "positive"],
    ...                       "actor": ["Voltaria", "Railix", "Railix", "Voltaria", "Railix", "Railix"]})
    >>> result = Topics.from_assignments(posts["post_id"], [0, 0, 0, 1, 1, -1], labels={0: "retard", 1: "prix"})
    >>> emb = np.array([[1.0, 0.0], [0.9, 0.1], [0.0, 1.0], [1.0, 0.0], [0.8, 0.2], [0.0, 1.0]])
    >>> representative(posts.assign(text=list("uvwxyz")), result, emb, n=1, columns=("text",)).values.tolist()
    [[0, 'retard', 'v'], [1, 'prix', 'x']]
    """
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
