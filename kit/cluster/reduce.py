"""How the cluster's tables are reduced: per partition, then added up on the workers, only the small result back.

- :func:`narrow`: only the columns a table reads; Dask then reads only those columns of each Parquet file
  (most of a table's time is reading, and a post table's id and text columns are most of its bytes).
- :func:`partials`: a small table per partition (counts by actor, period, label), concatenated here.
- :func:`tree`: per-partition results combined on the workers in a tree of at most :data:`FAN_IN` inputs per
  step, for results that grow with the data (distinct authors, the brand's post ids, histograms): the
  driver receives the root, never the parts, so its memory does not grow with the number of partitions.
- :func:`hash_ids`: post, parent and author ids as 64-bit hashes, so the sets joined across partitions
  (the brand's post ids, the first replies, the distinct authors) are numpy arrays of 8 bytes per id,
  looked up by binary search, instead of Python sets of strings.
"""

from __future__ import annotations

import numpy as np
import pandas as pd

__all__ = ["FAN_IN", "narrow", "partials", "tree", "combine_tree", "hash_ids", "lookup"]

FAN_IN = 8
"""Inputs combined by one task of :func:`tree`."""


def narrow(frame, columns):
    """``frame`` with only those of ``columns`` it has (a pandas frame is returned as it is).

    On a Dask frame read by :func:`kit.cluster.engine.posts`, only these columns are then read from each file.

    Examples
    --------
    >>> import dask.dataframe as dd
    >>> f = dd.from_pandas(pd.DataFrame({"a": [1], "b": [2], "c": [3]}), npartitions=1)
    >>> list(narrow(f, ["c", "a", "z"]).columns)
    ['a', 'c']
    """
    if isinstance(frame, pd.DataFrame):
        return frame
    wanted = set(columns)
    return frame[[c for c in frame.columns if c in wanted]]


def _large(args):
    import dask

    # a large argument (a set of ids, a table) goes into the graph once, untraversed, not once per partition
    return [dask.delayed(a, traverse=False) if isinstance(a, (set, frozenset, pd.DataFrame)) else a for a in args]


def partials(frame, fn, *args, **kwargs) -> pd.DataFrame:
    """Run ``fn`` on every partition of ``frame`` on the cluster and bring the small results back, concatenated.

    Parameters
    ----------
    frame
        A Dask frame (or a pandas frame: then ``fn`` runs once, here).
    fn
        ``fn(partition, *args, **kwargs) -> pandas.DataFrame`` (a small table of counts).

    Returns
    -------
    pandas.DataFrame

    Examples
    --------
    >>> partials(pd.DataFrame({"a": [1, 2]}), lambda p: p.sum().to_frame("n"))["n"].tolist()
    [3]
    """
    if isinstance(frame, pd.DataFrame):
        return fn(frame, *args, **kwargs).reset_index(drop=True)
    import dask

    args = _large(args)
    parts = dask.compute(*[dask.delayed(fn)(p, *args, **kwargs) for p in frame.to_delayed()])
    parts = [p for p in parts if len(p)] or list(parts[:1])
    return pd.concat(parts, ignore_index=True) if parts else pd.DataFrame()


def tree(frame, fn, combine, *args, finish=None, **kwargs):
    """``finish(combine(fn(p1), fn(p2), ...))`` over the partitions of ``frame``, combined on the workers.

    Parameters
    ----------
    frame
        A Dask frame, or a pandas frame (then computed here, at once).
    fn
        ``fn(partition, *args, **kwargs)``: the partition's partial result.
    combine
        ``combine(*partials)``: one partial result from up to :data:`FAN_IN` of them (associative).
    finish
        Applied to the root on the worker holding it (e.g. counts from a set of distinct keys).

    Returns
    -------
    The result for a pandas frame; for a Dask frame a ``dask.delayed`` value (``.compute()`` it, or hand it
    to further tasks: it then stays on the cluster).

    Examples
    --------
    >>> int(tree(pd.DataFrame({"a": [1, 2]}), lambda p: p["a"].sum(), lambda *xs: sum(xs)))
    3
    """
    if isinstance(frame, pd.DataFrame):
        root = combine(fn(frame, *args, **kwargs))
        return finish(root) if finish else root
    import dask

    large = _large(args)
    level = [dask.delayed(fn)(p, *large, **kwargs) for p in frame.to_delayed()]
    root = combine_tree(level or [dask.delayed(fn)(frame._meta, *large, **kwargs)], combine)
    return dask.delayed(finish)(root) if finish else root


def combine_tree(values: list, combine):
    """``combine`` over a list of ``dask.delayed`` values, in a tree of at most :data:`FAN_IN` inputs per task.

    One value is combined too (as :func:`tree` combines the one partial of a pandas frame).

    Examples
    --------
    >>> import dask
    >>> int(combine_tree([dask.delayed(i) for i in range(20)], lambda *xs: sum(xs)).compute())
    190
    """
    import dask

    level = [dask.delayed(combine)(values[0])] if len(values) == 1 else list(values)
    while len(level) > 1:
        level = [dask.delayed(combine)(*level[i : i + FAN_IN]) for i in range(0, len(level), FAN_IN)]
    return level[0]


def hash_ids(values) -> np.ndarray:
    """64-bit hashes (``uint64``) of ids compared as strings; missing ids hash as the empty string (mask them).

    Two different ids share a hash with probability about 2**-64: among the ten million posts of the bench the
    chance of one false match is below one in a million.

    Examples
    --------
    >>> a = hash_ids(pd.Series(["17", "18"], dtype="string"))
    >>> b = hash_ids(pd.Series([17, None], dtype="object").astype("string"))
    >>> bool(a[0] == b[0]), a.dtype.name
    (True, 'uint64')
    """
    strings = pd.Series(values).astype("string").fillna("").to_numpy(dtype=object)
    return pd.util.hash_array(strings, categorize=False)


def lookup(keys: np.ndarray, wanted: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """Where each of ``wanted`` is in the sorted array ``keys``: ``(positions, found)``.

    Examples
    --------
    >>> pos, found = lookup(np.array([2, 5, 9], dtype="uint64"), np.array([5, 3, 9], dtype="uint64"))
    >>> pos[found].tolist(), found.tolist()
    ([1, 2], [True, False, True])
    """
    if not len(keys):
        return np.zeros(len(wanted), dtype=np.int64), np.zeros(len(wanted), dtype=bool)
    pos = np.minimum(np.searchsorted(keys, wanted), len(keys) - 1)
    return pos, keys[pos] == wanted
