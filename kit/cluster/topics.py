"""Topics at scale: fitted on a seeded stratified sample on one worker, assigned to every post on the cluster.

BERTopic's own advice for large corpora: fit on a sample, then give the other documents the topic of their
embedding. Here:

1. :func:`sample` draws a stratified sample (strata: period x language by default) from the cluster. Each
   post draws a uniform number from its id and the seed (:func:`draw`), so the sample depends on the
   posts, never on how they are partitioned; each stratum keeps the posts with the smallest draws, at
   least ``floor`` of them (a quiet week or a rare language is not left out), the rest in proportion.
2. :func:`fit` embeds the sample and fits :func:`kit.tl.topics.fit` on it, in one task on one worker, and
   returns the :class:`kit.tl._topic_model.Topics` with each topic's centre and acceptance threshold
   (:func:`kit.tl.topic_clusters.centres`, as :func:`kit.tl.topic_scale.fit` computes them on one machine).
3. :func:`assign` embeds every partition where it lies (the embedder loaded once per worker) and gives each
   post the topic of its nearest centre, or the outlier topic ``-1`` when it is less similar to that centre
   than the topic's threshold: ``topic`` and ``topic_label`` columns, as :func:`kit.tl.topics.with_topics`.
"""

from __future__ import annotations

import hashlib

import numpy as np
import pandas as pd

__all__ = ["draw", "sample", "fit", "assign", "Centres"]

OUTLIER = -1


def draw(post_ids: pd.Series, seed: int = 0) -> np.ndarray:
    """A uniform number in [0, 1) for each post, from its id and ``seed`` alone.

    Examples
    --------
    >>> a = draw(pd.Series(["1", "2", "3"]), seed=0)
    >>> bool(((a >= 0) & (a < 1)).all()), bool(draw(pd.Series(["2"]), seed=0)[0] == a[1])
    (True, True)
    """
    out = np.empty(len(post_ids))
    for i, pid in enumerate(post_ids.astype(str).tolist()):
        digest = hashlib.blake2b(f"{seed}\x1f{pid}".encode(), digest_size=8).digest()
        out[i] = int.from_bytes(digest, "little") / 2**64
    return out


def _strata(part: pd.DataFrame, by: tuple[str, ...], freq: str) -> pd.Series:
    from .aggregate import _stamp

    keys = []
    for col in by:
        if col == "period":
            keys.append(_stamp(part["created_at"], freq).dt.strftime("%Y-%m-%d %H:%M").astype("string"))
        else:
            keys.append(part[col].astype("string").fillna("(none)"))
    out = keys[0]
    for k in keys[1:]:
        out = out + "|" + k
    return out.fillna("(none)")


def _candidates(part: pd.DataFrame, by, freq, seed, column) -> pd.DataFrame:
    texts = part[column].astype("string")
    part = part.loc[texts.notna().to_numpy() & (texts.str.strip() != "").fillna(False).to_numpy()]
    return pd.DataFrame(
        {"post_id": part["post_id"].astype("string").to_numpy(), "stratum": _strata(part, by, freq).to_numpy()}
    ).assign(u=draw(part["post_id"], seed))


def sample(
    frame, *, size: int = 5000, by=("period", "lang"), freq: str = "W", floor: int = 20, seed: int = 0, column="text"
) -> pd.DataFrame:
    """A stratified sample of the posts with a text: ``post_id, stratum, u`` (the post's draw), by stratum.

    Parameters
    ----------
    frame
        A Dask frame of posts (or a pandas one).
    size
        Posts wanted in all (fewer when there are fewer).
    by
        The strata: ``"period"`` (of ``freq``) and/or columns (``lang``, ``platform``...).
    floor
        Posts kept at least in each stratum (all of a smaller one).
    seed
        Seeds the draws.

    Returns
    -------
    pandas.DataFrame
        The sampled posts' ids, strata and draws (the posts themselves stay on the cluster).
    """
    from .aggregate import partials

    cand = partials(frame, _candidates, tuple(by), freq, seed, column)
    if cand.empty:
        return cand
    counts = cand["stratum"].value_counts()
    total = int(counts.sum())
    share = np.minimum(counts, np.maximum(floor, np.round(counts * min(1.0, size / total)))).astype(int)
    cand = cand.sort_values(["stratum", "u", "post_id"], kind="stable")
    rank = cand.groupby("stratum").cumcount().to_numpy()
    keep = rank < share.reindex(cand["stratum"]).to_numpy()
    return cand.loc[keep].sort_values(["u", "post_id"], kind="stable").reset_index(drop=True)


class Centres:
    """Each topic's centre (unit vector), label and acceptance threshold, from a fit on a sample."""

    def __init__(self, topics: list[int], centres: np.ndarray, thresholds: np.ndarray, labels: dict[int, str]):
        self.topics = list(topics)
        self.centres = np.asarray(centres, dtype=np.float32)
        self.thresholds = np.asarray(thresholds, dtype=np.float32)
        self.labels = dict(labels)

    def nearest(self, vectors: np.ndarray) -> np.ndarray:
        """The topic of each vector, ``-1`` below its nearest topic's threshold (:func:`kit.tl.topic_clusters.assign`).

        Examples
        --------
        >>> c = Centres([0, 1], np.eye(2), np.array([0.5, 0.5]), {0: "a", 1: "b"})
        >>> c.nearest(np.array([[1.0, 0.0], [0.6, 0.8], [0.0, 0.0]])).tolist()
        [0, 1, -1]
        """
        from ..tl.topic_clusters import assign as nearest_centre

        if not len(vectors):
            return np.full(0, OUTLIER)
        return nearest_centre(np.asarray(vectors), np.asarray(self.topics), self.centres, floor=self.thresholds)


def _fit_on_sample(posts: pd.DataFrame, embedder: str, seed: int, fit_kwargs: dict):
    from ..tl import embed as _embed
    from ..tl import topics as _topics

    vectors = _embed.embed(posts, embedder=embedder, progress=False)
    result = _topics.fit(posts, vectors, seed=seed, **fit_kwargs)
    result.model = None  # the BERTopic object stays on the worker
    from ..tl.topic_clusters import centres as topic_centres

    topic = result.assignments.set_index("post_id")["topic"].reindex(posts["post_id"]).to_numpy()
    ids, cents, floor = topic_centres(np.asarray(topic, dtype=np.int64), vectors)  # as kit.tl.topic_scale does
    return result, Centres(ids.tolist(), cents, floor, result.labels())


def fit(
    frame, *, embedder: str = "use", size: int = 5000, by=("period", "lang"), freq="W", seed: int = 0, **fit_kwargs
):
    """Topics fitted on a stratified sample (:func:`sample`), in one task on one worker.

    Parameters
    ----------
    frame
        A Dask frame of posts.
    embedder
        A name for :func:`kit.tl.embed.get_embedder` (``use``, ``static``, ``hash``...): the same one
        :func:`assign` uses.
    size, by, freq, seed
        The sample (:func:`sample`); ``seed`` seeds the fit too.
    **fit_kwargs
        Passed on to :func:`kit.tl.topics.fit`.

    Returns
    -------
    topics, centres
        The fit on the sample (:class:`kit.tl._topic_model.Topics`) and its :class:`Centres`.
    """
    chosen = sample(frame, size=size, by=by, freq=freq, seed=seed)
    ids = set(chosen["post_id"].astype(str))
    if isinstance(frame, pd.DataFrame):
        posts = frame.loc[frame["post_id"].astype(str).isin(ids)]
    else:
        posts = frame.map_partitions(lambda p: p.loc[p["post_id"].astype(str).isin(ids)]).compute()
    order = {pid: i for i, pid in enumerate(chosen["post_id"].astype(str))}
    posts = posts.assign(_o=posts["post_id"].astype(str).map(order)).sort_values("_o").drop(columns="_o")
    posts = posts.reset_index(drop=True)
    if isinstance(frame, pd.DataFrame):
        return _fit_on_sample(posts, embedder, seed, fit_kwargs)
    from distributed import get_client

    return get_client().submit(_fit_on_sample, posts, embedder, seed, fit_kwargs, pure=False).result()


def _assign_part(part: pd.DataFrame, centres: Centres, embedder: str, column: str) -> pd.DataFrame:
    from ..tl import embed as _embed
    from . import annotate

    key = f"embedder:{embedder}"
    if key not in annotate.MODELS:
        annotate.MODELS[key] = _embed.get_embedder(embedder)
    texts = part[column].astype("string").fillna("")
    vectors = _embed.embed(part, embedder=annotate.MODELS[key], column=column, progress=False) if len(part) else []
    topic = centres.nearest(np.asarray(vectors)) if len(part) else np.zeros(0, int)
    topic = np.where((texts.str.strip() == "").to_numpy(dtype=bool), OUTLIER, topic)
    labels = [centres.labels.get(int(t), "outliers") if t != OUTLIER else "outliers" for t in topic]
    return part.assign(topic=pd.array(topic, dtype="Int64"), topic_label=pd.array(labels, dtype="string"))


def assign(frame, centres: Centres, *, embedder: str = "use", column: str = "text"):
    """Every post's topic from its embedding, on the workers: ``topic`` (Int64, -1 outlier) and ``topic_label``.

    Parameters
    ----------
    frame
        A Dask frame of posts (or a pandas one).
    centres
        From :func:`fit`.
    embedder
        The embedder :func:`fit` used.

    Returns
    -------
    dask.dataframe.DataFrame or pandas.DataFrame
        ``frame`` with the two columns (lazy for a Dask frame).
    """
    if isinstance(frame, pd.DataFrame):
        return _assign_part(frame, centres, embedder, column)
    meta = frame._meta.assign(topic=pd.array([], dtype="Int64"), topic_label=pd.array([], dtype="string"))
    if not isinstance(centres, Centres):
        raise TypeError("centres: the second value fit() returns")
    from distributed import get_client

    shared = get_client().scatter(centres, broadcast=True)  # to each worker once
    return frame.map_partitions(_assign_part, shared, embedder, column, meta=meta)
