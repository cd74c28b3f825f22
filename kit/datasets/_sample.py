"""The embedded sample on disk: writing a scenario's files, finding and loading the shipped sample."""

from __future__ import annotations

import json
from pathlib import Path

import pandas as pd

from .. import schema
from .._resources import resource_dir
from ._accounts import accounts
from ._generate import generate

__all__ = ["SAMPLE_DIR", "write_sample", "sample_path", "load_sample"]

#: Where the embedded sample lives: ``kit/_data/sample``, package data found with :mod:`importlib.resources`
#: (in a checkout, ``kit/_data`` links to the top-level ``data/`` folder).
SAMPLE_DIR = resource_dir("_data", "data") / "sample"


def write_sample(out_dir, n_posts: int = 20_000, seed: int = 0) -> dict[str, Path]:
    """Generate the scenario and write it: ``posts.parquet``, ``posts.csv``, ``truth.json``, ``accounts.csv``.

    ``posts.csv`` holds the same posts as the Parquet file (UTF-8, ISO 8601 UTC times such as
    ``2026-03-09T14:00:00Z``, empty cells for missing values).
    ``accounts.csv`` lists the tracked accounts and the employees: handle, platform, author_id, name,
    actor, actor_role, followers, employee.

    Parameters
    ----------
    out_dir
        The folder to write to (made when missing; files there of the same names are replaced).
    n_posts
        Number of posts (at least 1,000), as in :func:`generate`.
    seed
        Seed of the generator.

    Returns
    -------
    dict
        ``posts``, ``posts_csv``, ``truth`` and ``accounts``: the paths written.

    Examples
    --------
    >>> import tempfile
    >>> paths = write_sample(tempfile.mkdtemp(), n_posts=2_000, seed=1)
    >>> sorted(paths)
    ['accounts', 'posts', 'posts_csv', 'truth']
    """
    out = Path(out_dir)
    out.mkdir(parents=True, exist_ok=True)
    posts, truth = generate(n_posts, seed=seed)
    paths = {
        "posts": out / "posts.parquet",
        "posts_csv": out / "posts.csv",
        "truth": out / "truth.json",
        "accounts": out / "accounts.csv",
    }
    posts.to_parquet(paths["posts"], index=False, compression="zstd")
    posts.assign(created_at=posts["created_at"].dt.strftime("%Y-%m-%dT%H:%M:%SZ")).to_csv(
        paths["posts_csv"], index=False, encoding="utf-8"
    )
    paths["truth"].write_text(json.dumps(truth, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")
    accounts().to_csv(paths["accounts"], index=False, encoding="utf-8")
    return paths


def sample_path(name: str = "posts.parquet") -> Path:
    """Path of a file of the embedded sample (made with the defaults; see :data:`SAMPLE_DIR`).

    The wheel ships ``posts.parquet``, ``truth.json``, ``review.csv`` and ``accounts.csv``; ``posts.csv`` (the
    same posts as CSV) is in the repository's ``data/sample`` only (``kit sample`` writes it again).

    Parameters
    ----------
    name
        A file name of the sample (``posts.parquet``, ``truth.json``, ``review.csv``, ``accounts.csv``).

    Returns
    -------
    Path
        The file's path.

    Raises
    ------
    FileNotFoundError
        When the sample has no such file.

    Examples
    --------
    >>> sample_path().name
    'posts.parquet'
    """
    path = SAMPLE_DIR / name
    if not path.exists():
        raise FileNotFoundError(
            f"{path} does not exist; regenerate it with `kit sample --out data/sample --posts 20000 --seed 0`"
        )
    return path


def load_sample() -> tuple[pd.DataFrame, dict]:
    """The embedded sample's post table (validated) and its truth dict.

    Returns
    -------
    posts, truth
        The canonical post table (with the generator's ``x_`` label columns) and the truth dict of
        :func:`generate` as written in ``truth.json``.

    Examples
    --------
    >>> posts, truth = load_sample()
    >>> truth["brand"], len(posts) == truth["counts"]["posts"]
    ('Voltaria', True)
    """
    posts = schema.validate(schema.coerce(pd.read_parquet(sample_path("posts.parquet"))))
    truth = json.loads(sample_path("truth.json").read_text(encoding="utf-8"))
    return posts, truth
