"""The kit: social-media exports in, decisions out.

Namespaces follow ``io -> pp -> tl -> pl -> notebook -> report``:
``kit.io`` reads exports into the canonical post table (``kit.schema``), ``kit.pp`` prepares it,
``kit.tl`` computes tidy tables, ``kit.pl`` plots them, ``kit.report`` runs the notebooks.
"""

from __future__ import annotations

__version__ = "0.1.0"

from pathlib import Path

from . import io, pl, pp, provenance, schema, tl

__all__ = ["io", "pp", "tl", "pl", "schema", "provenance", "load", "pseudonymise_review", "__version__"]


def load(
    data="sample",
    *,
    start=None,
    end=None,
    format=None,
    pseudonymise: bool = False,
    keep=(),
    key_file=None,
    engine: str = "pandas",
    scheduler: str | None = None,
    **kwargs,
):
    """Read the posts a notebook analyses, and say how they were read.

    Parameters
    ----------
    data
        ``"sample"`` for the embedded sample scenario, a path, or a list of paths.
    start, end
        Keep posts with ``start <= created_at < end`` (UTC); rows outside are counted, not hidden.
    format
        The export format (``None``: recognised from the file).
    pseudonymise
        Replace the handles, display names, author and post ids of the public with stable keyed pseudonyms,
        in the posts' texts too (:func:`kit.pp.pseudonymise`), before anything else sees them.
    keep
        The tracked accounts that stay named when pseudonymising (handles or author ids: the brand,
        competitors, media, listed employees).
    key_file
        A file holding the secret of the pseudonyms; ``None``: :func:`kit.io.pseudonym_key.read_key` looks
        in the environment, then the default file. The key is never recorded.
    engine
        ``"pandas"`` (read here) or ``"dask"``: read on a Dask cluster (:func:`kit.cluster.engine.load`), lazily
        from a partitioned Parquet dataset (``kit convert``) whose partitions outside the period are never
        opened; the table comes back in the export's order, so every figure is the pandas engine's.
    scheduler
        With ``engine="dask"``: ``None`` for a cluster on this machine, or a scheduler's address (``tcp://...``).
    **kwargs
        Passed on to :func:`kit.io.read_many` (e.g. ``mapping``, ``tz``).

    Returns
    -------
    posts, report
        The post table and the :class:`kit.io.LoadReport` (row accounting, warnings).

    Examples
    --------
    >>> posts, report = load("sample", start="2026-03-02", end="2026-03-09")
    >>> report.rows_read, report.rows_read > len(posts) > 0
    (20000, True)
    >>> report.warnings[-1]  # doctest: +ELLIPSIS
    '18... posts outside the period [2026-03-02, 2026-03-09) left out of this analysis'
    """
    if engine != "pandas" or scheduler is not None:
        from .cluster import engine as cluster_engine

        cluster_engine.check_engine(engine, scheduler)
    if isinstance(data, str) and data == "sample":
        from . import datasets

        paths = [datasets.sample_path()]
    else:
        paths = [data] if isinstance(data, (str, Path)) else list(data)
    from .io import parquet

    for p in paths:
        if engine == "dask" and parquet.is_dataset(p):  # a dataset is recorded by its manifest, when it has one
            manifest = Path(p) / parquet.META
            if manifest.exists():
                provenance.note_input(manifest)
            continue
        provenance.note_input(p)
    outside = 0
    if engine == "dask":
        posts, report, outside = cluster_engine.load(
            data, start=start, end=end, scheduler=scheduler, format=format, **kwargs
        )
        if outside:
            report.warnings.append(f"{outside} posts outside the period [{start}, {end}) left out of this analysis")
    else:
        posts, report = io.read_many(paths, format=format, **kwargs)
    if engine != "dask" and (start is not None or end is not None):
        inside = pp.filter_period(posts, start, end)
        outside = len(posts) - len(inside)
        if outside:
            report.warnings.append(f"{outside} posts outside the period [{start}, {end}) left out of this analysis")
        posts = inside
    if pseudonymise:
        from .io.pseudonym_key import read_key

        posts = pp.pseudonymise(posts, key=read_key(key_file), keep=tuple(keep))
        provenance.record("pseudonymised", {"kept_accounts": len(set(keep))})
    provenance.record("rows_read", report.rows_read)
    provenance.record("rows_dropped", report.rows_dropped)
    provenance.record("posts_outside_period", outside)
    provenance.record("posts_loaded", len(posts))
    return posts, report


def pseudonymise_review(reviewed, posts, *, pseudonymise: bool = False, key_file=None):
    """A filled review (:func:`kit.io.review.load`) named as the pseudonymised posts name their posts.

    A review drawn from a pseudonymised report already carries the pseudonyms; one drawn from the raw data
    (the sample's, or an earlier run's) names posts by their raw ids: those are replaced by the same keyed
    pseudonyms :func:`load` gave the posts (ids the posts still carry, the tracked accounts', stay), and
    ``@mentions`` in its texts are rewritten too.

    Parameters
    ----------
    reviewed
        The review table (``post_id``...), or ``None``.
    posts
        The posts the report analyses (as :func:`load` returned them).
    pseudonymise, key_file
        As given to :func:`load`; with ``pseudonymise=False`` the review is returned as it is.

    Returns
    -------
    pandas.DataFrame or None
        The review with matching ids.

    Examples
    --------
    >>> import pandas as pd
    >>> review = pd.DataFrame({"post_id": ["1", "2"]})
    >>> posts = pd.DataFrame({"post_id": ["1", "post-x"]})
    >>> pseudonymise_review(review, posts) is review
    True
    """
    if not pseudonymise or reviewed is None or not len(reviewed) or "post_id" not in reviewed.columns:
        return reviewed
    from .io.pseudonym_key import read_key

    handles = posts["author_handle"].dropna().astype(str) if "author_handle" in posts.columns else []
    named = tuple(h for h in set(handles) if not h.startswith("user-"))  # the tracked accounts
    hidden = pp.pseudonymise(reviewed, key=read_key(key_file), keep=named)
    known = reviewed["post_id"].astype("string").isin(set(posts["post_id"].astype("string")))
    hidden["post_id"] = hidden["post_id"].where(~known.to_numpy(), reviewed["post_id"].astype("string"))
    return hidden
