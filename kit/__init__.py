"""The kit: social-media exports in, decisions out.

Namespaces follow ``io -> pp -> tl -> pl -> notebook -> report``:
``kit.io`` reads exports into the canonical post table (``kit.schema``), ``kit.pp`` prepares it,
``kit.tl`` computes tidy tables, ``kit.pl`` plots them, ``kit.report`` runs the notebooks.
"""

from __future__ import annotations

__version__ = "0.1.0"

from pathlib import Path

from . import io, pl, pp, provenance, schema, tl

__all__ = ["io", "pp", "tl", "pl", "schema", "provenance", "load", "__version__"]


def load(data="sample", *, start=None, end=None, format=None, **kwargs):
    """Read the posts a notebook analyses, and say how they were read.

    Parameters
    ----------
    data
        ``"sample"`` for the embedded sample scenario, a path, or a list of paths.
    start, end
        Keep posts with ``start <= created_at < end`` (UTC); rows outside are counted, not hidden.

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
    if isinstance(data, str) and data == "sample":
        from . import datasets

        paths = [datasets.sample_path()]
    else:
        paths = [data] if isinstance(data, (str, Path)) else list(data)
    for p in paths:
        provenance.note_input(p)
    posts, report = io.read_many(paths, format=format, **kwargs)
    outside = 0
    if start is not None or end is not None:
        inside = pp.filter_period(posts, start, end)
        outside = len(posts) - len(inside)
        if outside:
            report.warnings.append(f"{outside} posts outside the period [{start}, {end}) left out of this analysis")
        posts = inside
    provenance.record("rows_read", report.rows_read)
    provenance.record("rows_dropped", report.rows_dropped)
    provenance.record("posts_outside_period", outside)
    provenance.record("posts_loaded", len(posts))
    return posts, report
