"""The review loop in one step: the reviewed labels adapt the sentiment head and correct the shares.

>>> import pandas as pd
>>> posts = pd.DataFrame({"post_id": [str(i) for i in range(6)], "actor": ["A"] * 6,
...                       "text": ["great", "awful", "ok", "great!", "awful!", "fine"],
...                       "sentiment": ["positive", "negative", "neutral"] * 2})
>>> review = pd.DataFrame({"post_id": [str(i) for i in range(6)], "text": posts["text"], "weight": 1.0,
...                        "label_ana": ["positive", "negative", "neutral", "positive", "negative", "positive"]})
>>> result = update(posts, review, model="hash", min_reviewed=1, n_boot=50)
>>> result.head.name, result.shares["estimate"].round(2).tolist()
('head(hash)', [0.2])
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
import pandas as pd

from .agreement import to_training
from .net_estimate import headline
from .sentiment_head import HeadModel, train_head

__all__ = ["LoopResult", "update"]


@dataclass
class LoopResult:
    """What one turn of the loop gives: the adapted ``head`` (score the next period with it, or save it),
    the corrected ``shares`` per group (:func:`kit.tl.net_estimate.headline`), and ``n_trained`` labels."""

    head: HeadModel
    shares: pd.DataFrame
    n_trained: int


def update(
    posts: pd.DataFrame,
    reviewed: pd.DataFrame,
    *,
    model: str | HeadModel = "default",
    by: str = "actor",
    C: float = 1.0,
    embeddings: np.ndarray | None = None,
    seed: int = 0,
    n_boot: int = 2000,
    min_reviewed: int = 10,
) -> LoopResult:
    """Adapt the head on every reviewed label and correct the shares of ``posts`` with the review, in one call.

    - **Learning**: :func:`kit.tl.sentiment_head.train_head` with ``base=model`` (the shipped head by default:
      its weights are the prior a few hundred labels move) on all reviewed posts with a consensus label,
      the chosen (learning) part of :func:`kit.tl.review_choose.choose_sample` included.
    - **Correcting**: :func:`kit.tl.net_estimate.headline` on ``posts`` as the model that was reviewed scored
      them (their ``sentiment`` column), with the design-weighted part of the review only; the adapted
      head is not used here, since its errors on the posts it learnt from would look smaller than they are.

    Parameters
    ----------
    posts
        The scored posts (``post_id``, ``sentiment``, ``by``).
    reviewed
        The filled review (:func:`kit.io.review.load`), with the texts.
    model
        The head to adapt: ``"default"``, a saved head's path, a :class:`HeadModel`, or an embedder name for
        a head from scratch (``"hash"`` in tests).
    by, seed, n_boot, min_reviewed
        As in :func:`kit.tl.net_estimate.headline`.
    C
        Inverse regularisation toward the base head.
    embeddings
        Embeddings of the reviewed texts with a consensus label, in :func:`kit.tl.agreement.to_training` order.
    """
    texts, labels = to_training(reviewed)
    if not texts:
        raise ValueError("the review has no post with a consensus label: nothing to learn from")
    if isinstance(model, HeadModel) or model == "default" or str(model).endswith(".npz"):
        head = train_head(texts, labels, base=model, C=C, embeddings=embeddings)
    else:
        head = train_head(texts, labels, embedder=model, C=C, embeddings=embeddings, cache=False)
    shares = headline(posts, reviewed, by=by, seed=seed, n_boot=n_boot, min_reviewed=min_reviewed)
    return LoopResult(head=head, shares=shares, n_trained=len(texts))
