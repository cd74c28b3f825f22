"""Where the workshop sample is, its truth, and the kit's own results on it (computed once, when a check needs them)."""

from __future__ import annotations

import functools
import json
from pathlib import Path

import pandas as pd

from .._resources import resource_dir

__all__ = ["DATA_DIR", "SETTINGS", "path", "truth"]

#: The workshop sample: ``data/workshop`` in a checkout (``kit/_data/workshop`` in a wheel).
DATA_DIR = resource_dir("_data", "data") / "workshop"

#: The settings the workshop notebooks and :func:`warm` share (the caches are keyed by them).
SETTINGS = {
    "brand": "Voltaria",
    "competitors": ["Railix", "Trenova", "Cityhop"],
    "brand_accounts": ["voltaria"],
    "competitor_accounts": ["railix", "trenova", "cityhop"],
    "media_accounts": ["mobilitehebdo", "verkehrsblatt", "transittimes", "eurorailwire"],
    "languages": ["fr", "de", "en"],
    "embedder": "use",
    "min_topic_size": 30,
    "n_epochs": 200,
    "seed": 0,
}

_REGENERATE = "kit sample --out data/workshop --posts 3000 --seed 0 --review 200"


def path(name: str = "posts.parquet") -> Path:
    """A file of the workshop sample, or ``name`` itself when it is an existing path (your own export).

    Parameters
    ----------
    name
        ``posts.parquet``, ``posts.csv``, ``messy_export.csv``, ``review.csv``, ``truth.json``,
        ``accounts.csv``, or a path to a file.

    Returns
    -------
    Path
        The file's path.

    Raises
    ------
    FileNotFoundError
        When neither exists; the message says how to make the workshop sample again.

    Examples
    --------
    >>> path("posts.parquet").name, path("posts.parquet").parent.name
    ('posts.parquet', 'workshop')
    """
    given = Path(name)
    if given.exists():
        return given
    found = DATA_DIR / name
    if not found.exists():
        raise FileNotFoundError(
            f"{name} is neither a file nor part of the workshop sample in {DATA_DIR}; "
            f"make the sample again with `{_REGENERATE}`"
        )
    return found


@functools.lru_cache(maxsize=1)
def truth() -> dict:
    """The workshop sample's planted truth (``data/workshop/truth.json``).

    Examples
    --------
    >>> truth()["crisis"]["onset"], truth()["counts"]["posts"]
    ('2026-03-09T14:00:00Z', 3000)
    """
    return json.loads(path("truth.json").read_text(encoding="utf-8"))


# --- the kit's own results on the workshop sample (computed once, when a check needs them) -------------


@functools.lru_cache(maxsize=1)
def _posts() -> pd.DataFrame:
    import kit

    posts, _ = kit.load(str(path("posts.parquet")))
    return posts


@functools.lru_cache(maxsize=1)
def _messy():
    import kit

    return kit.load(str(path("messy_export.csv")))


@functools.lru_cache(maxsize=1)
def _share_of_voice() -> pd.DataFrame:
    from .. import tl

    actors = [SETTINGS["brand"], *SETTINGS["competitors"]]
    return tl.share_of_voice.share_of_voice(tl.mentions.mentions(_posts(), actors=actors), actors=actors)


@functools.lru_cache(maxsize=1)
def _scored_mentions() -> pd.DataFrame:
    from .. import tl

    actors = [SETTINGS["brand"], *SETTINGS["competitors"]]
    return tl.sentiment.score(tl.mentions.mentions(_posts(), actors=actors), model="auto")


@functools.lru_cache(maxsize=1)
def _care() -> pd.DataFrame:
    from .. import tl

    cases = tl.care.cases(
        _posts(), brand_handles=SETTINGS["brand_accounts"], brand=SETTINGS["brand"], scored=_scored_mentions()
    )
    return tl.care.summary(cases, seed=SETTINGS["seed"])


@functools.lru_cache(maxsize=1)
def _message_tests() -> pd.DataFrame:
    from .. import tl

    return tl.message_tests.message_tests(_posts(), campaigns=list(truth()["ab_tests"]))


@functools.lru_cache(maxsize=1)
def _review() -> pd.DataFrame:
    from ..io import review as review_io

    return review_io.load(str(path("review.csv")))


@functools.lru_cache(maxsize=1)
def _kit_corrected() -> pd.DataFrame:
    from .. import pp, tl

    posts = pp.detect_language(_posts(), languages=SETTINGS["languages"])
    vectors = tl.embed.embed(posts, embedder=SETTINGS["embedder"], progress=False)
    scored = tl.sentiment.score(posts, embeddings=vectors)
    result = tl.listening_review.review_results(scored, _review(), source="review.csv", seed=SETTINGS["seed"])
    return result["corrected"]
