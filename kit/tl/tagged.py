"""The tagged post table: every analysed post with what a report found about it, one row each.

Analysts load it back into their own tools (:func:`kit.io.export.write_tagged` writes it beside the report).
It reads the columns the report's model steps already added (language, sentiment, emotion, topic, intent)
and never calls a model itself; a column a report did not compute is left out.
"""

from __future__ import annotations

import pandas as pd

__all__ = ["COLUMNS", "tagged_posts", "care_status"]

#: The columns of the tagged post table, in order (those a report computed).
COLUMNS = (
    "post_id",
    "created_at",
    "platform",
    "kind",
    "author_handle",
    "actor",
    "actor_role",
    "lang",
    "text",
    "sentiment",
    "p_negative",
    "p_neutral",
    "p_positive",
    "corrected_p_negative",
    "corrected_p_neutral",
    "corrected_p_positive",
    "emotion",
    "topic",
    "topic_label",
    "intent",
    "intent_confidence",
    "care_status",
    "care_topic",
)


def care_status(posts: pd.DataFrame, cases: pd.DataFrame, *, id_column: str = "post_id") -> pd.Series:
    """The customer-care status of each post: ``answered``, ``open`` (unanswered past the deadline),
    ``waiting`` (unanswered, not yet overdue), or empty for a post that is no case.

    Parameters
    ----------
    posts
        The posts.
    cases
        :func:`kit.tl.care.cases` (``post_id``, ``responded``, ``open``).
    id_column
        The column naming posts in both tables.

    Returns
    -------
    pandas.Series
        One status per post, aligned on ``posts``.

    Examples
    --------
    >>> posts = pd.DataFrame({"post_id": ["a", "b", "c", "d"]})
    >>> cases = pd.DataFrame({"post_id": ["a", "b", "c"], "responded": [True, False, False], "open": [False, True, False]})
    >>> care_status(posts, cases).tolist()
    ['answered', 'open', 'waiting', <NA>]
    """
    if not len(cases):
        return pd.Series(pd.NA, index=posts.index, dtype="string")
    responded = cases["responded"].astype(bool).to_numpy()
    overdue = cases["open"].astype(bool).to_numpy()
    status = pd.Series(
        ["answered" if r else ("open" if o else "waiting") for r, o in zip(responded, overdue)],
        index=cases[id_column].astype("string").to_numpy(),
    )
    status = status[~status.index.duplicated()]
    return pd.Series(posts[id_column].astype("string").map(status).to_numpy(), index=posts.index, dtype="string")


def _corrected(posts: pd.DataFrame, reviewed: pd.DataFrame) -> pd.DataFrame | None:
    """``P(true label | predicted label)`` from the review, for each post's predicted sentiment."""
    from .corrected_shares import confusion

    try:
        conf = confusion(posts, reviewed)
    except (ValueError, KeyError):  # a review that cannot correct (no label columns, no overlap)
        return None
    table = conf.pivot(index="predicted", columns="true", values="p_true_given_predicted")
    table.columns = [f"corrected_p_{c}" for c in table.columns]
    return table.reindex(posts["sentiment"].astype(str).to_numpy()).set_axis(posts.index)


def tagged_posts(
    posts: pd.DataFrame, *, reviewed: pd.DataFrame | None = None, cases: pd.DataFrame | None = None
) -> pd.DataFrame:
    """One row per analysed post with its language, sentiment, emotion, topic, intent and care status.

    Parameters
    ----------
    posts
        The report's annotated posts (the columns of :data:`COLUMNS` it has).
    reviewed
        A filled sentiment review (:func:`kit.io.review.load`): adds ``corrected_p_*``, the probability of
        each true label given the model's label (:func:`kit.tl.corrected_shares.confusion`).
    cases
        Customer-care cases (:func:`kit.tl.care.cases`): adds ``care_status`` (:func:`care_status`), and the
        cases' ``intent`` and ``topic`` (as ``care_topic``, :func:`kit.tl.care.with_topic`) where ``posts``
        has none.

    Returns
    -------
    pandas.DataFrame
        The columns of :data:`COLUMNS` that the report computed, one row per post.

    Examples
    --------
    >>> posts = pd.DataFrame({"post_id": ["a", "b"], "text": ["ok", "bad"], "sentiment": ["neutral", "negative"],
    ...                       "x_other": [1, 2]})
    >>> tagged_posts(posts).columns.tolist()
    ['post_id', 'text', 'sentiment']
    """
    out = posts.copy()
    if reviewed is not None and len(reviewed) and "sentiment" in out.columns:
        corrected = _corrected(out, reviewed)
        if corrected is not None:
            out = out.drop(columns=[c for c in corrected.columns if c in out.columns]).join(corrected)
    if cases is not None and "post_id" in out.columns:
        out["care_status"] = care_status(out, cases)
        ids = cases.drop_duplicates("post_id")
        ids.index = ids["post_id"].astype("string").to_numpy()
        for source, target in (("intent", "intent"), ("topic", "care_topic")):
            if source in cases.columns and target not in out.columns:
                out[target] = out["post_id"].astype("string").map(ids[source].astype("string")).astype("string")
    return out[[c for c in COLUMNS if c in out.columns]].reset_index(drop=True)
