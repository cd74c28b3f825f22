"""2-D semantic maps of posts: where each post sits among the others by meaning.

A map places every post at a point so that posts saying similar things land close together.
It is UMAP (cosine distance) on the post embeddings of :func:`kit.tl.embed.embed`, seeded so
that the same posts, embeddings and seed give the same picture. Beyond ``max_points`` posts the
map shows a stratified random sample (each group of ``stratify`` keeps its share of the posts,
and every group keeps at least a few points); the table says how many posts it stands for.

The axes mean nothing by themselves: only closeness does (two posts near each other say similar
things; far apart, different things). Distances between distant clusters are not to be read.

>>> import numpy as np, pandas as pd
>>> posts = pd.DataFrame({"actor": ["a", "b", "a"], "text": ["rail", "bus", "tram"]})
>>> points = semantic_map(posts, np.eye(3), seed=0)  # vectors from kit.tl.embed.embed(posts) in practice
>>> points.attrs["n_shown"], points.attrs["n_posts"], caption(points)
(3, 3, 'all 3 posts')
"""

from __future__ import annotations

import numpy as np
import pandas as pd

__all__ = ["DEFAULT_COLUMNS", "OUTPUT_COLUMNS", "sample_indices", "semantic_map", "caption"]

#: Columns of the posts carried into a map by default (for colours and hover text).
DEFAULT_COLUMNS = ("post_id", "actor", "actor_role", "platform", "lang", "created_at", "text")
#: The coordinates a map adds.
OUTPUT_COLUMNS = ("x", "y")


def sample_indices(groups: pd.Series, max_points: int, *, seed: int = 0, min_per_group: int = 20) -> np.ndarray:
    """Positions (sorted) of a stratified random sample of at most ``max_points`` rows.

    Every group (value of ``groups``, missing values being one group) keeps
    ``max(min_per_group, its share x max_points)`` rows, or all its rows when it has fewer;
    the largest groups give back what the small ones took beyond their share, so the total
    stays at ``max_points``. Same ``groups``, ``max_points`` and ``seed``: same rows.

    Parameters
    ----------
    groups
        The group of each row.
    max_points
        Rows kept at most.
    seed
        Seed of the random choice.
    min_per_group
        Rows every group keeps (or all its rows when it has fewer).

    Returns
    -------
    ndarray
        Sorted row positions; all rows when there are at most ``max_points``.

    Examples
    --------
    >>> import pandas as pd
    >>> picked = sample_indices(pd.Series(["a"] * 90 + ["b"] * 10), 40, min_per_group=5)
    >>> len(picked), int((picked >= 90).sum())
    (40, 5)
    """
    n = len(groups)
    if n <= max_points:
        return np.arange(n)
    if max_points <= 0:
        return np.arange(0)
    keys = groups.astype("string").fillna("(none)").to_numpy()
    values, codes = np.unique(keys, return_inverse=True)
    sizes = np.bincount(codes, minlength=len(values))
    floors = np.minimum(sizes, min_per_group)
    rng = np.random.default_rng(seed)
    if floors.sum() > max_points:  # too many groups to keep a few posts of each: a simple random sample
        return np.sort(rng.choice(n, size=max_points, replace=False))
    quota = np.maximum(floors, np.floor(sizes / n * max_points)).astype(int)
    excess = int(quota.sum() - max_points)
    while excess > 0:  # the small groups took more than their share: the largest quotas give it back
        g = int(np.argmax(np.where(quota > floors, quota, -1)))
        quota[g] -= 1
        excess -= 1
    spare = np.argsort(-(sizes / n * max_points - np.floor(sizes / n * max_points)), kind="stable")
    for g in spare[: max(0, max_points - int(quota.sum()))]:  # fill up to max_points by largest remainders
        quota[g] += int(quota[g] < sizes[g])
    chosen = [rng.choice(np.flatnonzero(codes == g), size=quota[g], replace=False) for g in range(len(values))]
    return np.sort(np.concatenate(chosen)) if chosen else np.arange(0)


def _project(vectors: np.ndarray, *, seed: int, n_neighbors: int, min_dist: float) -> np.ndarray:
    n = len(vectors)
    if n == 0:
        return np.zeros((0, 2))
    if n < 10:
        # too few posts for a neighbourhood graph: the first two principal axes
        centred = vectors - vectors.mean(axis=0)
        if n == 1 or not np.any(centred):
            return np.zeros((n, 2))
        u, s, _ = np.linalg.svd(centred, full_matrices=False)
        out = np.zeros((n, 2))
        k = min(2, len(s))
        out[:, :k] = u[:, :k] * s[:k]
        return out
    from . import _umap

    return np.asarray(
        _umap.reduce(
            vectors,
            seed=seed,
            n_components=2,
            n_neighbors=min(n_neighbors, n - 1),
            min_dist=min_dist,
            metric="cosine",
            n_jobs=1,
            low_memory=True,
            init="spectral" if n > n_neighbors + 1 else "random",
        ),
        dtype=float,
    )


def semantic_map(
    posts: pd.DataFrame,
    embeddings: np.ndarray,
    *,
    seed: int = 0,
    max_points: int = 20000,
    columns=DEFAULT_COLUMNS,
    stratify: str | None = "actor",
    n_neighbors: int = 15,
    min_dist: float = 0.1,
) -> pd.DataFrame:
    """Place posts on a 2-D map by meaning (seeded UMAP of their embeddings).

    Parameters
    ----------
    posts
        Post table; one row per row of ``embeddings``, same order.
    embeddings
        Post vectors, e.g. from :func:`kit.tl.embed.embed`.
    seed
        Seeds the sampling and UMAP: same inputs and seed, same map.
    max_points
        Above this many posts, a stratified random sample (by ``stratify``) of this size is mapped.
    columns
        Columns of ``posts`` carried into the result for colouring and hover text (those absent
        from ``posts`` are skipped).
    stratify
        Column whose groups keep their share in the sample (``None``: simple random sample).

    Returns
    -------
    DataFrame
        One row per mapped post: ``x, y``, the ``columns``, and ``represents`` (how many posts of
        its group each shown post stands for: 1 when nothing was sampled). ``attrs`` holds
        ``n_posts`` (posts given), ``n_shown`` (posts mapped), ``sampled`` (bool) and ``seed``.

    Examples
    --------
    >>> import numpy as np, pandas as pd
    >>> frame = pd.DataFrame({"actor": list("ab" * 6), "text": [f"post {i}" for i in range(12)]})
    >>> vectors = np.random.default_rng(0).normal(size=(12, 8))
    >>> points = semantic_map(frame, vectors, seed=0, max_points=8, columns=("actor", "text"))
    >>> len(points), points.attrs["n_posts"], sorted(points.columns)[:3]
    (8, 12, ['actor', 'represents', 'text'])
    """
    vectors = np.asarray(embeddings, dtype=np.float32)
    if len(posts) != len(vectors):
        raise ValueError(f"{len(posts)} posts but {len(vectors)} embeddings: give one vector per post, same order")
    cols = [c for c in columns if c in posts.columns]
    note = None
    if (
        "text" in posts.columns
        and len(posts)
        and not posts["text"].astype("string").fillna("").str.strip().ne("").any()
    ):
        # vectors of empty texts all sit on one point: a map of them would show nothing true
        note = f"None of the {len(posts):,} posts has a text: there is no meaning to map."
        posts, vectors = posts.iloc[:0], vectors[:0]
    if stratify is not None and stratify in posts.columns:
        groups = posts[stratify].reset_index(drop=True)
    else:
        groups = pd.Series(["all"] * len(posts))
    idx = sample_indices(groups, max_points, seed=seed)
    coords = _project(
        vectors[idx] if len(vectors) else vectors.reshape(0, 0), seed=seed, n_neighbors=n_neighbors, min_dist=min_dist
    )
    out = posts.iloc[idx][cols].reset_index(drop=True).copy()
    out.insert(0, "y", coords[:, 1] if len(coords) else np.zeros(0))
    out.insert(0, "x", coords[:, 0] if len(coords) else np.zeros(0))
    keys = groups.astype("string").fillna("(none)")
    total = keys.value_counts()
    shown = keys.iloc[idx].value_counts()
    out["represents"] = keys.iloc[idx].map(total / shown).to_numpy().astype(float) if len(idx) else np.zeros(0)
    out.attrs.update(
        {
            "n_posts": int(len(posts)),
            "n_shown": int(len(idx)),
            "sampled": bool(len(idx) < len(posts)),
            "seed": int(seed),
            "stratify": stratify,
        }
    )
    if note:
        out.attrs.update(n_posts=int(len(embeddings)), note=note)
    return out


def caption(result: pd.DataFrame) -> str:
    """One sentence saying what the map shows (posts mapped, sampled or not), for a figure title or narrative.

    Parameters
    ----------
    result
        A :func:`semantic_map` table.

    Returns
    -------
    str
        ``"all N posts"``, or how many of how many are shown and how they were sampled.

    Examples
    --------
    >>> import pandas as pd
    >>> points = pd.DataFrame({"x": [0.0]})
    >>> points.attrs.update(n_posts=10, n_shown=1, stratify="actor", seed=0)
    >>> caption(points)
    '1 of 10 posts shown (a sample stratified by actor, seed 0)'
    >>> import numpy as np
    >>> caption(semantic_map(pd.DataFrame({"text": ["", None]}), np.zeros((2, 4))))
    'None of the 2 posts has a text: there is no meaning to map.'
    """
    if result.attrs.get("note"):
        return result.attrs["note"]
    n_posts, n_shown = result.attrs.get("n_posts", len(result)), result.attrs.get("n_shown", len(result))
    if n_shown < n_posts:
        by = result.attrs.get("stratify")
        how = f"stratified by {by}" if by else "at random"
        return f"{n_shown:,} of {n_posts:,} posts shown (a sample {how}, seed {result.attrs.get('seed')})"
    return f"all {n_posts:,} posts"
