"""What people ask, complain about, request or give feedback on, topic by topic, with its trend.

Reads the ``intent`` column :func:`kit.tl.intent.annotate` adds and a fitted :class:`~kit.tl._topic_model.Topics`.

>>> import pandas as pd
>>> from kit.tl._topic_model import Topics
>>> posts = pd.DataFrame({"post_id": ["a", "b", "c"], "intent": ["question", "complaint", "question"],
...                       "created_at": pd.to_datetime(["2026-01-05", "2026-01-06", "2026-01-07"], utc=True)})
>>> result = Topics.from_assignments(posts["post_id"], [0, 0, 1], labels={0: "train", 1: "prix"})
>>> actionable(posts, result)[["intent", "topic", "posts", "trend"]].values.tolist()
[['question', 0, 1, 'n/a'], ['question', 1, 1, 'n/a'], ['complaint', 0, 1, 'n/a']]
"""

from __future__ import annotations

import numpy as np
import pandas as pd

from .._stats import adjust_p, wilson
from ._topic_model import OUTLIER, Topics, _with_topic

__all__ = ["actionable", "actionable_examples"]


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

    Parameters
    ----------
    posts
        The posts (``post_id``, ``intent``, ``time``).
    result
        A fit (:func:`kit.tl.topics.fit`).
    kinds
        The intents counted, in the order of the table.
    intent, time
        The intent and timestamp columns.
    freq, recent
        The period and the number of recent periods compared with the ones before.
    alpha, level
        Level of the adjusted test; confidence level of the Wilson intervals.

    Returns
    -------
    DataFrame
        One row per intent and topic, as described above.

    Examples
    --------
    >>> posts = pd.DataFrame({"post_id": ["a", "b", "c"], "intent": ["question", "complaint", "question"],
    ...                       "text": ["Où est le train ?", "Encore en retard", "Quel quai ?"],
    ...                       "created_at": pd.to_datetime(["2026-01-05", "2026-01-06", "2026-01-07"], utc=True)})
    >>> result = Topics.from_assignments(posts["post_id"], [0, 0, 1], labels={0: "train", 1: "quai"})
    >>> actionable(posts, result)[["intent", "label", "posts", "share_of_topic", "trend"]].values.tolist()
    [['question', 'train', 1, 0.5, 'n/a'], ['question', 'quai', 1, 1.0, 'n/a'], ['complaint', 'train', 1, 0.5, 'n/a']]
    """
    from scipy.stats import norm

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
    out["low"], out["high"] = wilson(out["posts"], n_topic, level)
    if has_trend and n_rec and n_base:
        p_rec, p_base = out["recent_posts"] / n_rec, out["baseline_posts"] / n_base
        pooled = out["posts"] / (n_rec + n_base)
        se = np.sqrt(pooled * (1 - pooled) * (1 / n_rec + 1 / n_base))
        z = np.where(se > 0, (p_rec - p_base) / se.where(se > 0, 1), 0.0)
        q = adjust_p(2 * norm.sf(np.abs(z)), "fdr_bh")
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
    texts (the intent's most confident posts first when ``intent_confidence`` exists).

    Parameters
    ----------
    posts
        The posts (``post_id``, ``intent``, the ``columns`` shown; ``intent_confidence`` when present).
    result
        A fit (:func:`kit.tl.topics.fit`).
    kinds, intent
        The intents shown and their column.
    n, top_topics
        Posts per intent and topic; topics per intent (the largest).
    columns
        Columns shown.

    Returns
    -------
    DataFrame
        ``intent, topic, label`` and ``columns``.

    Examples
    --------
    >>> posts = pd.DataFrame({"post_id": ["a", "b", "c"], "intent": ["question", "complaint", "question"],
    ...                       "text": ["Où est le train ?", "Encore en retard", "Quel quai ?"],
    ...                       "created_at": pd.to_datetime(["2026-01-05", "2026-01-06", "2026-01-07"], utc=True)})
    >>> result = Topics.from_assignments(posts["post_id"], [0, 0, 1], labels={0: "train", 1: "quai"})
    >>> actionable_examples(posts, result, n=1, columns=("text",))[["intent", "label", "text"]].values.tolist()
    [['question', 'train', 'Où est le train ?'], ['question', 'quai', 'Quel quai ?'], ['complaint', 'train', 'Encore en retard']]
    """
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
