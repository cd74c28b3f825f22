"""The Dask engine: the kit's per-post steps and aggregates on a cluster, for data past one machine.

Every partition of a Dask frame is a pandas frame of posts, so the kit's per-post functions run unchanged
through ``map_partitions``; aggregates are computed per partition as small partial tables, added up on
the cluster and brought back as the small pandas frames ``kit.tl`` computes from all posts.

- :mod:`kit.cluster.engine`: the cluster (:func:`~kit.cluster.engine.client`: a ``LocalCluster`` sized to the
  machine, or the address of a running scheduler) and the lazy post table (:func:`~kit.cluster.engine.posts`,
  :func:`~kit.cluster.engine.load` behind ``kit.load(engine="dask")``).
- :mod:`kit.cluster.aggregate`: the monitoring and crisis tables from partial counts (mentions, KPI series,
  share of voice, net sentiment, volumes); :mod:`kit.cluster.care`: the customer-care summary (exact
  response-time quantiles from histograms of whole seconds).
- :mod:`kit.cluster.reduce`: column projection, per-partition partials and tree reductions on the workers.
- :mod:`kit.cluster.annotate`: per-post models (sentiment) on the workers, each model loaded once per worker.
- :mod:`kit.cluster.topics`: topics fitted on a seeded stratified sample on one worker, then every post
  assigned on the cluster from its embedding.
"""

from __future__ import annotations

__all__ = ["engine", "aggregate", "care", "reduce", "annotate", "topics"]


def __getattr__(name: str):
    if name in __all__:
        import importlib

        return importlib.import_module(f"{__name__}.{name}")
    raise AttributeError(name)
