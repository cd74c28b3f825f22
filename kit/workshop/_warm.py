"""Filling the caches the workshop notebooks use, so that no cell waits on the day."""

from __future__ import annotations

import time
from collections.abc import Callable

from ._data import SETTINGS, _care, _kit_corrected, _message_tests, _messy, _posts

__all__ = ["warm"]


def warm(*, progress: Callable[[str], None] | None = print) -> dict[str, float]:
    """Fill the caches the workshop notebooks use (embeddings, UMAP, models), so no cell waits on the day.

    Runs the model steps of the workshop notebooks on the workshop sample with their settings
    (:data:`SETTINGS`): sentence embeddings of every post and of the own posts, the sentiment and
    emotion models, the topic model's UMAP coordinates, and the results the self-checks compare with.
    Run it once per machine (``python -m kit.workshop``, or ``make workshop``); the second run takes seconds.

    Parameters
    ----------
    progress
        Called with one line per step (``None``: quiet).

    Returns
    -------
    dict
        Seconds per step.
    """
    from .. import pp, tl

    steps: dict[str, float] = {}

    def step(name, call):
        t0 = time.perf_counter()
        out = call()
        steps[name] = round(time.perf_counter() - t0, 2)
        if progress:
            progress(f"{name}: {steps[name]} s")
        return out

    s = SETTINGS
    posts = step("read the workshop sample", _posts)
    posts = step("languages", lambda: pp.detect_language(posts, languages=s["languages"]))
    vectors = step("embeddings", lambda: tl.embed.embed(posts, embedder=s["embedder"], progress=False))
    own = tl.owned.own_posts(posts, s["brand_accounts"], s["competitor_accounts"], media=s["media_accounts"])
    step(
        "embeddings of own posts",
        lambda: tl.embed.embed(own, embedder=s["embedder"], column="text_plain", progress=False),
    )
    scored = step("sentiment", lambda: tl.sentiment.score(posts, embeddings=vectors))
    step("sentiment of texts", lambda: tl.sentiment.score(tl.kinds.with_text(posts)))
    step("emotion", lambda: tl.emotion.emotions(scored))
    step(
        "topics (UMAP cache)",
        lambda: tl.topics.fit(
            scored,
            vectors,
            seed=s["seed"],
            min_topic_size=s["min_topic_size"],
            languages=tuple(s["languages"]),
            n_epochs=s["n_epochs"],
            strict=False,
        ),
    )
    step("results the checks compare with", lambda: (_messy(), _care(), _message_tests(), _kit_corrected()))
    return steps
