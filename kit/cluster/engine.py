"""The cluster and the lazy post table of the Dask engine.

``kit.load(data, engine="dask", scheduler=None)`` lands here: the posts are read on the workers, one
partition per file of a partitioned Parquet dataset (:mod:`kit.io.parquet`, written by ``kit convert``)
whose partitions outside the period are never opened; the period is cut on the workers; the table the
notebook analyses comes back in the export's row order, so every figure computed from it is the one the
pandas engine computes. An export that is not a dataset (a CSV, a JSON export, the sample) is read on this
machine, as the pandas engine reads it, then cut into partitions: convert large exports once with
``kit convert`` so that reading is spread too.

The cluster: ``scheduler=None`` starts a ``LocalCluster`` sized to this machine (one single-threaded worker
process per core, the memory shared between them); ``scheduler="tcp://host:8786"`` connects to a running
scheduler (dask-jobqueue, Kubernetes, a hosted Dask). The workers need the kit installed (same version);
the data path must be readable from the workers.
"""

from __future__ import annotations

import os
from pathlib import Path

import pandas as pd
from distributed.diagnostics.plugin import WorkerPlugin

from ..io import parquet

__all__ = ["ENGINES", "KitWorker", "client", "check_engine", "posts", "load", "collect"]

ENGINES = ("pandas", "dask")

_CLIENTS: dict = {}


def check_engine(engine: str, scheduler=None) -> None:
    """Fail with one clear line on an unknown engine or a scheduler that is not an address.

    Examples
    --------
    >>> check_engine("pandas")
    >>> check_engine("spark")
    Traceback (most recent call last):
    ...
    ValueError: engine 'spark': choose 'pandas' or 'dask'
    """
    if engine not in ENGINES:
        raise ValueError(f"engine {engine!r}: choose 'pandas' or 'dask'")
    if scheduler is not None and not (isinstance(scheduler, str) and "://" in scheduler):
        raise ValueError(
            f"scheduler {scheduler!r}: give the address of a Dask scheduler (e.g. 'tcp://10.0.0.5:8786'), "
            "or None for a cluster on this machine"
        )


def _machine() -> tuple[int, int]:
    import psutil

    return max(1, os.cpu_count() or 1), int(psutil.virtual_memory().total)


def client(scheduler: str | None = None, *, n_workers: int | None = None, memory_limit=None, processes: bool = True):
    """A ``distributed.Client``: to the scheduler at ``scheduler``, or to a ``LocalCluster`` on this machine.

    One client per address (or per local cluster shape) is kept for the process, so every call in a
    notebook reuses the same cluster.

    Parameters
    ----------
    scheduler
        ``None``: a ``LocalCluster``; otherwise the scheduler's address (``tcp://host:8786``).
    n_workers
        Workers of the local cluster (default: one per core).
    memory_limit
        Memory limit of each local worker (``"4GB"``...; default: 80 % of the machine's memory shared).
    processes
        Workers as separate processes (the default; threads share one Python interpreter).

    Returns
    -------
    distributed.Client
    """
    import logging

    import dask
    from distributed import Client, LocalCluster

    dask.config.set({"dataframe.convert-string": False})  # keep the kit's string dtypes as they are
    logging.getLogger("distributed").setLevel(logging.WARNING)
    check_engine("dask", scheduler)
    cores, memory = _machine()
    key = scheduler or ("local", n_workers, memory_limit, processes)
    known = _CLIENTS.pop(key, None)
    if known is not None and known.status == "running":
        _CLIENTS[key] = known  # the most recent last
        return known
    if scheduler is not None:
        c = Client(scheduler)
    else:
        n = n_workers or cores
        cluster = LocalCluster(
            n_workers=n,
            threads_per_worker=1,
            processes=processes,
            memory_limit=memory_limit or int(0.8 * memory / n),
            dashboard_address=":0",
            silence_logs=40,
        )
        c = Client(cluster)
    c.register_plugin(KitWorker(), name="kit")
    if not _CLIENTS:
        import atexit

        atexit.register(_close_all)
    _CLIENTS[key] = c
    return c


class KitWorker(WorkerPlugin):
    """A worker plugin: each worker process leaves the run's record to the notebook's process (``KIT_RECORD`` unset
    there, so a model noted on a worker never overwrites it) and keeps its models in
    :data:`kit.cluster.annotate.MODELS`, loaded once per worker."""

    name = "kit"
    idempotent = True

    def setup(self, worker=None):
        os.environ.pop("KIT_RECORD", None)

    def teardown(self, worker=None):
        from . import annotate

        annotate.MODELS.clear()


def _close_all() -> None:
    """Close the clients (and local clusters) this process opened, quietly: what they held is no longer needed."""
    import logging

    logging.getLogger("distributed").setLevel(logging.CRITICAL)
    for c in list(_CLIENTS.values()):
        cluster = c.cluster
        c.close()
        if cluster is not None:
            cluster.close()
    _CLIENTS.clear()


def _current():
    """The client last opened by :func:`client`."""
    return _CLIENTS[next(reversed(_CLIENTS))]


def _meta(file: Path) -> pd.DataFrame:
    import pyarrow.parquet as pq

    meta = pq.read_schema(file).empty_table().to_pandas()
    return meta.drop(columns=[c for c in meta.columns if c in ("day", "month")])


def _read_part(file, start=None, end=None, columns=None) -> pd.DataFrame:
    """One file of a dataset, its rows of ``[start, end)``, only ``columns`` (Dask narrows them to what a
    computation reads: ``frame[["actor"]]`` reads one column of each file)."""
    import pyarrow.parquet as pq

    read = None if columns is None else list(columns)
    if read is not None and (start is not None or end is not None) and "created_at" not in read:
        read.append("created_at")  # the period is cut on it, then it is dropped
    frame = pq.read_table(file, columns=read).to_pandas()
    frame = frame.drop(columns=[c for c in frame.columns if c in ("day", "month")])
    frame = _period(frame, start, end)
    return frame if columns is None else frame[list(columns)]


def _period(frame: pd.DataFrame, start=None, end=None) -> pd.DataFrame:
    from .. import pp

    if start is None and end is None:
        return frame
    mask = pd.Series(True, index=frame.index)
    if start is not None:
        mask &= frame["created_at"] >= pp._utc(start)
    if end is not None:
        mask &= frame["created_at"] < pp._utc(end)
    return frame.loc[mask.to_numpy()]


def posts(data, *, start=None, end=None, partitions: int | None = None, columns=None, **read_options):
    """The posts of ``[start, end)`` as a lazy Dask frame, with the load report and the posts in the data.

    Parameters
    ----------
    data
        A partitioned Parquet dataset (folder or glob), or anything :func:`kit.load` reads (then read here and
        cut into ``partitions``).
    start, end
        The period (UTC); partitions of a dataset entirely outside it are not read.
    columns
        Read only these columns of a dataset (``created_at`` and the export's order are always read): the
        tables of :mod:`kit.cluster.aggregate` need a few, and reading fewer is most of their time.
    partitions
        Partitions of an export that is not a dataset (default: two per worker of the current client, at
        least 2).
    **read_options
        Passed on to :func:`kit.io.read_many` for an export that is not a dataset.

    Returns
    -------
    frame, report, total
        The lazy frame (with the hidden ``_kit_row`` column: the export's order), the
        :class:`kit.io.LoadReport`, and the number of posts in the data before the period was cut.
    """
    import dask.dataframe as dd
    import pyarrow.parquet as pq

    if parquet.is_dataset(data):
        every = parquet.files(data)
        chosen = parquet.files(data, start=start, end=end)
        total = sum(pq.ParquetFile(f).metadata.num_rows for f in every)
        report = parquet.read_report(data, rows=total)
        meta = _meta(chosen[0] if chosen else every[0])
        if columns is not None:
            columns = [c for c in meta.columns if c in {*columns, "created_at", parquet.ORDER}]
            meta = meta[columns]
        if not chosen:
            return dd.from_pandas(meta, npartitions=1), report, total
        # columns= as a keyword: Dask then reads only the columns a computation uses (projection pushdown)
        frame = dd.from_map(
            _read_part,
            [str(f) for f in chosen],
            start=start,
            end=end,
            columns=list(meta.columns),
            meta=meta,
            label="kit-read",
        )
        return frame, report, total
    from .. import datasets, io

    paths = [datasets.sample_path()] if isinstance(data, str) and data == "sample" else data
    paths = [paths] if isinstance(paths, (str, Path)) else list(paths)
    table, report = io.read_many(paths, **read_options)
    table = table.reset_index(drop=True).assign(**{parquet.ORDER: range(len(table))})
    table.attrs = {}
    if partitions is None:
        workers = len(_current().scheduler_info()["workers"]) if _CLIENTS else 1
        partitions = max(2, 2 * workers)
    import numpy as np

    bounds = np.linspace(0, len(table), max(1, min(partitions, len(table) or 1)) + 1).astype(int)
    parts = [table.iloc[a:b] for a, b in zip(bounds[:-1], bounds[1:])]
    if _CLIENTS:  # the partitions go to the workers once, not inside the task graph
        parts = _current().scatter(parts)
    frame = dd.from_delayed(parts, meta=table.iloc[:0], verify_meta=False)
    return frame.map_partitions(_period, start, end, meta=table.iloc[:0]), report, len(table)


def collect(frame) -> pd.DataFrame:
    """Bring a lazy post table back as one pandas frame, in the export's order, typed as :mod:`kit.schema` says.

    Parameters
    ----------
    frame
        A Dask frame from :func:`posts` (or any Dask frame of posts).

    Returns
    -------
    pandas.DataFrame
    """
    from .. import schema

    table = frame.compute()
    if parquet.ORDER in table.columns:
        table = table.sort_values(parquet.ORDER, kind="stable").drop(columns=parquet.ORDER)
    return schema.coerce(table)


def load(data, *, start=None, end=None, scheduler=None, format=None, **read_options):
    """The posts of ``[start, end)`` read on the cluster, as :func:`kit.load` returns them.

    Parameters
    ----------
    data
        A partitioned Parquet dataset (folder or glob), ``"sample"``, a path or a list of paths.
    start, end
        The period (UTC).
    scheduler
        As for :func:`client`.
    format
        The export format of an export that is not a dataset.
    **read_options
        Passed on to :func:`kit.io.read_many`.

    Returns
    -------
    posts, report, outside
        The post table of the period (pandas), the load report, and how many posts lay outside the period.
    """
    client(scheduler)
    options = dict(read_options)
    if format is not None:
        options["format"] = format
    frame, report, total = posts(data, start=start, end=end, **options)
    table = collect(frame)
    return table, report, total - len(table)
