"""Per-post models on the workers: each partition annotated where it lies, each model loaded once per worker.

A model is never shipped inside the task graph: the tasks carry its *name*, and each worker process loads
it on first use into :data:`MODELS` (the worker plugin :class:`kit.cluster.engine.KitWorker` empties it
when the worker closes). Models that score each text on its own (``head``: USE embeddings and a linear
head; ``lexicon``; a ``transformers:`` model) give every post the score the pandas engine gives it, whatever
the partitioning. A model taught on the data at hand (``auto`` above its limit and ``fast``: a student taught
on a sample of the texts) is refused here: taught per partition, it would give answers that depend on the
partitioning.
"""

from __future__ import annotations

import pandas as pd

__all__ = ["MODELS", "model", "sentiment", "score_partition"]

MODELS: dict = {}
"""The models loaded in this process, by name (on a worker: loaded once, reused by every task)."""

PER_TEXT = ("head", "lexicon")


def model(name: str):
    """The sentiment model ``name``, loaded once in this process (:func:`kit.tl.sentiment.get_model`).

    Examples
    --------
    >>> model("lexicon") is model("lexicon")
    True
    """
    if name not in MODELS:
        from ..tl import sentiment as _sentiment

        MODELS[name] = _sentiment.get_model(name)
    return MODELS[name]


def score_partition(part: pd.DataFrame, name: str, *, column: str = "text", lang_column: str = "lang") -> pd.DataFrame:
    """:func:`kit.tl.sentiment.score` of one partition with the process's copy of model ``name``.

    Examples
    --------
    >>> part = pd.DataFrame({"text": ["Super service, merci !", "Nie wieder."], "lang": ["fr", "de"]})
    >>> score_partition(part, "lexicon")["sentiment"].tolist()
    ['positive', 'neutral']
    """
    from ..tl import sentiment as _sentiment

    scored = _sentiment.score(part, model=model(name), column=column, lang_column=lang_column)
    scored.attrs = {}
    return scored


def sentiment(frame, *, model: str = "head", column: str = "text", lang_column: str = "lang"):
    """Sentiment of every post of a Dask frame, scored on the workers: the frame with :data:`kit.tl.sentiment.COLUMNS`.

    Parameters
    ----------
    frame
        A Dask frame of posts.
    model
        ``"head"`` or ``"lexicon"`` (or ``transformers:<path>``): scored text by text, so each post gets the score
        :func:`kit.tl.sentiment.score` gives it on the whole table.
    column, lang_column
        As in :func:`kit.tl.sentiment.score`.

    Returns
    -------
    dask.dataframe.DataFrame
        Lazy; compute it, or aggregate it with :mod:`kit.cluster.aggregate`.
    """
    if model not in PER_TEXT and not str(model).startswith("transformers:"):
        raise ValueError(
            f"sentiment model {model!r} on the cluster: choose one that scores each text on its own "
            f"({', '.join(PER_TEXT)}, transformers:<path>); 'auto' and 'fast' are taught on the data at hand"
        )
    meta = score_partition(frame._meta.head(0), "lexicon", column=column, lang_column=lang_column)
    return frame.map_partitions(score_partition, model, column=column, lang_column=lang_column, meta=meta)
