"""The result of a topic fit (:class:`Topics`), shared by the topic modules.

:func:`kit.tl.topics.fit` returns it; the trend, table and sentence modules read it. It lives apart from the
fit so that those modules need neither BERTopic nor each other.

>>> result = Topics.from_assignments(["a", "b", "c"], [0, 0, -1], labels={0: "train · retard"})
>>> result.info[["topic", "label", "size"]].values.tolist()
[[-1, 'outliers', 1], [0, 'train · retard', 2]]
"""

from __future__ import annotations

from dataclasses import dataclass, field

import numpy as np
import pandas as pd

__all__ = ["OUTLIER", "Topics"]

#: The topic number of posts close to no topic.
OUTLIER = -1


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
    params: dict = field(default_factory=dict, kw_only=True)
    model: object | None = field(default=None, kw_only=True)

    def labels(self) -> dict[int, str]:
        """Topic number -> label.

        >>> Topics.from_assignments(["a"], [0], labels={0: "prix"}).labels()
        {0: 'prix'}
        """
        return dict(zip(self.info["topic"], self.info["label"]))

    @classmethod
    def from_assignments(cls, post_ids, topics, *, labels: dict | None = None, seed: int = 0) -> Topics:
        """A result built from given topic numbers (one per post), e.g. from another model or a test.

        Parameters
        ----------
        post_ids
            The posts' ids, in order.
        topics
            One topic number per post (``-1``: outlier).
        labels
            Topic number -> label; missing topics are labelled ``topic <n>``, outliers ``outliers``.
        seed
            Recorded as the result's seed.

        Returns
        -------
        Topics
            ``assignments`` and ``info`` as :func:`kit.tl.topics.fit` makes them (``words`` empty).

        Examples
        --------
        >>> Topics.from_assignments(["a", "b"], [1, 1]).info["label"].tolist()
        ['topic 1']
        """
        labels = dict(labels or {})
        numbers = np.asarray(topics, dtype=int)

        def name(t: int) -> str:
            return "outliers" if t == OUTLIER else str(labels.get(t, f"topic {t}"))

        assignments = pd.DataFrame(
            {
                "post_id": list(post_ids),
                "topic": numbers,
                "label": [name(int(t)) for t in numbers],
                "outlier": numbers == OUTLIER,
            }
        )
        info = pd.DataFrame({"topic": sorted({int(t) for t in numbers})})
        info["label"] = info["topic"].map(name)
        info["size"] = info["topic"].map(assignments["topic"].value_counts()).astype("int64")
        info["share"] = info["size"] / max(len(numbers), 1)
        info["words"] = ""
        return cls(assignments=assignments, info=info, seed=seed)


def _joined(posts: pd.DataFrame, result: Topics, columns: list[str]) -> pd.DataFrame:
    return result.assignments[["post_id", "topic", "label"]].merge(
        posts[["post_id", *columns]], on="post_id", how="left", validate="one_to_one"
    )


def _with_topic(posts: pd.DataFrame, result: Topics, columns) -> pd.DataFrame:
    present = [c for c in columns if c in posts.columns and c not in ("post_id",)]
    return _joined(posts, result, present)
