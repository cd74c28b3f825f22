"""The bench's ``scale`` section: the monitoring tables on 1M, 3M and 10M posts on a LocalCluster.

    .venv/bin/python -m bench.run --only scale                       # 1M, 3M, 10M (default sizes)
    .venv/bin/python -m bench.run --only scale --scale-sizes 1000000  # one size

Data: the generator's 1,000,000-post scenario (``kit sample --posts 1000000``, made once) written as a
partitioned Parquet dataset (one folder a month) ten times over: replica ``r`` has its post, parent and
author ids prefixed ``r<r>-`` and its times moved ``r`` x 13 weeks later (so weeks still start on
Monday), one file ``part-<r>.parquet`` in each month folder. The 1M, 3M and 10M datasets are the globs of
replicas 0, 0-2 and 0-9: the same files, read lazily, one partition a file.

Measured in one subprocess per size: a LocalCluster of ``--scale-workers`` worker processes (one thread
each) at ``--scale-memory`` each, the monitoring tables of :mod:`kit.cluster.aggregate` computed on it
from the labels the export carries (sentiment, intents: as an export from a listening tool), each table's
own time, and the peak resident memory of every process (the driver, the nannies, the workers), sampled
every 0.2 s.
"""

from __future__ import annotations

import json
import sys
import threading
import time
from pathlib import Path

BRAND, COMPETITORS = "Voltaria", ["Railix", "Trenova", "Cityhop"]
BRAND_HANDLES = ["voltaria"]
REPLICA = 1_000_000
#: what the monitoring tables read (the rest of the post table stays on disk)
COLUMNS = [
    "post_id",
    "parent_id",
    "author_id",
    "author_handle",
    "created_at",
    "actor",
    "actor_role",
    "kind",
    "platform",
    "lang",
    "likes",
    "shares",
    "comments",
    "quotes",
    "x_true_sentiment",
    "x_true_intent",
]
SHIFT_DAYS = 91  # 13 weeks


def write_replicas(base: Path, out: Path, replicas: int) -> Path:
    """Write replicas ``0 .. replicas-1`` of ``base/posts.parquet`` under ``out`` (skipping those already there)."""
    import pandas as pd

    from kit.io import parquet

    out.mkdir(parents=True, exist_ok=True)
    done = {int(p.stem.split("-")[1]) for p in out.glob("month=*/part-*.parquet")}
    todo = [r for r in range(replicas) if r not in done]
    if not todo:
        return out
    posts = pd.read_parquet(base / "posts.parquet")
    for r in todo:
        print(f"scale: writing replica {r} ...", file=sys.stderr, flush=True)
        rep = posts.copy()
        if r:
            for col in ("post_id", "parent_id", "author_id"):
                rep[col] = (f"r{r}-" + rep[col].astype("string")).astype("string")
            rep["created_at"] = rep["created_at"] + pd.Timedelta(days=SHIFT_DAYS * r)
        rep[parquet.ORDER] = range(r * len(posts), (r + 1) * len(posts))
        keys = parquet.key_of(rep["created_at"], "month")
        for key, idx in keys.groupby(keys.to_numpy(), sort=True).groups.items():
            folder = out / f"month={key}"
            folder.mkdir(exist_ok=True)
            rep.loc[idx].to_parquet(folder / f"part-{r}.parquet", index=False)
        del rep
    return out


def glob_for(root: Path, n: int) -> str:
    """The glob of the replicas making ``n`` posts (``n`` a multiple of 1,000,000, at most 10,000,000)."""
    k = n // REPLICA
    if k * REPLICA != n or not 1 <= k <= 10:
        raise ValueError(f"scale sizes are 1,000,000 to 10,000,000 in steps of 1,000,000, not {n:,}")
    pattern = "0" if k == 1 else f"[0-{k - 1}]" if k <= 10 else None
    return str(root / "month=*" / f"part-{pattern}.parquet")


class _Peaks:
    """Peak RSS of this process and each of its descendants, sampled every 0.2 s."""

    def __init__(self):
        import psutil

        self.me = psutil.Process()
        self.peak: dict[int, float] = {}
        self.role: dict[int, str] = {}
        self.stop = threading.Event()
        self.thread = threading.Thread(target=self._run, daemon=True)

    def _run(self):
        import psutil

        while not self.stop.is_set():
            procs = [self.me]
            try:
                procs += self.me.children(recursive=True)
            except psutil.Error:
                pass
            for p in procs:
                try:
                    rss = p.memory_info().rss / 2**20
                    if p.pid not in self.role:
                        cmd = " ".join(p.cmdline())
                        self.role[p.pid] = (
                            "driver"
                            if p.pid == self.me.pid
                            else "worker"
                            if "spawn_main" in cmd or "forkserver" in cmd or "multiprocessing" in cmd
                            else "other"
                        )
                except psutil.Error:
                    continue
                self.peak[p.pid] = max(self.peak.get(p.pid, 0.0), rss)
            self.stop.wait(0.2)

    def __enter__(self):
        self.thread.start()
        return self

    def __exit__(self, *exc):
        self.stop.set()
        self.thread.join()

    def summary(self) -> dict:
        out: dict = {"driver_mb": 0.0, "processes_mb": []}
        for pid, mb in self.peak.items():
            if self.role.get(pid) == "driver":
                out["driver_mb"] = round(mb)
            else:
                out["processes_mb"].append(round(mb))
        out["processes_mb"].sort(reverse=True)
        return out


def labelled(frame):
    """The export's labels as the columns the tables read (as the pandas bench's labelled runs): a renaming, which
    Dask sees through, so each table still reads only its own columns of each file."""
    return frame.rename(columns={"x_true_sentiment": "sentiment", "x_true_intent": "intent"})


def task_scale_monitoring(path: str, n_workers: int, memory_limit: str) -> dict:
    """Inside the measured subprocess: the monitoring tables of the dataset at ``path`` on a LocalCluster."""
    from kit.cluster import aggregate, engine

    actors = [BRAND, *COMPETITORS]
    timings: dict = {}
    got: dict = {}
    with _Peaks() as peaks:
        t0 = time.perf_counter()
        client = engine.client(n_workers=n_workers, memory_limit=memory_limit)
        timings["cluster start"] = time.perf_counter() - t0
        t = time.perf_counter()
        frame, report, total = engine.posts(path, columns=COLUMNS)
        frame = labelled(frame)
        timings["plan (files, metadata)"] = time.perf_counter() - t
        calls = {
            "share of voice": lambda: aggregate.share_of_voice(frame, actors=actors),
            "share over time": lambda: aggregate.share_over_time(frame, actors=actors, freq="W"),
            "net sentiment": lambda: aggregate.net_sentiment(aggregate_mentions(frame, actors), by="actor"),
            "net sentiment over time": lambda: aggregate.net_sentiment_over_time(frame, actors=actors, freq="W"),
            "KPI series": lambda: aggregate.kpi_series(frame, brand=BRAND, freq="W"),
            "volume by actor": lambda: aggregate.volume(frame, freq="W", by="actor"),
            "volume by platform": lambda: aggregate.volume(frame, freq="W", by="platform"),
            "breakdown lang": lambda: aggregate.breakdown(frame, "lang"),
            "breakdown kind x platform": lambda: aggregate.breakdown(frame, ["kind", "platform"]),
            "care summary": lambda: aggregate.care_summary(
                frame, brand_handles=BRAND_HANDLES, brand=BRAND, intent_column="intent"
            ),
        }
        for name, fn in calls.items():
            t = time.perf_counter()
            table = fn()
            timings[name] = time.perf_counter() - t
            got[name] = len(table)
        got["care"] = table.iloc[0][["cases", "responded", "median_hours", "p90_hours"]].to_dict()  # the last table
        timings["tables"] = sum(v for k, v in timings.items() if k not in ("cluster start", "plan (files, metadata)"))
        got["posts"] = total
        got["partitions"] = frame.npartitions
        got["workers"] = len(client.scheduler_info()["workers"])
        client.close()
    got["timings"] = timings
    got["memory"] = peaks.summary()
    return got


def aggregate_mentions(frame, actors):
    """The mentions of ``actors`` (own accounts left out), per partition."""
    from kit.cluster.aggregate import MENTION_COLUMNS
    from kit.cluster.reduce import narrow
    from kit.tl.mentions import mentions

    return narrow(frame, [*MENTION_COLUMNS, "actor", "sentiment"]).map_partitions(mentions, actors=actors)


def section_scale(args, work: Path) -> list[dict]:
    """Rows of the bench table: one per size, then each table's time at the largest size."""
    from bench import run

    base = run.sample_dir(args.data, REPLICA)
    root = write_replicas(base, args.data / "scale-monthly", max(args.scale_sizes) // REPLICA)
    rows, seen = [], []
    for n in args.scale_sizes:
        print(f"scale: monitoring tables on {n:,} posts ...", file=sys.stderr, flush=True)
        m, got = run.run_task(
            "scale_monitoring",
            work,
            path=glob_for(root, n),
            n_workers=args.scale_workers,
            memory_limit=args.scale_memory,
            _timeout=3600,
        )
        if "error" in got:
            rows.append(run._row("scale", f"monitoring tables {n:,}", m, n=n, note=got["error"]))
            continue
        mem = got["memory"]
        tables = got["timings"]["tables"]
        seen.append((n, tables))
        growth = (
            f"; {tables / seen[0][1] * seen[0][0] / n:.2f} x the per-post time of {seen[0][0]:,}" if seen[1:] else ""
        )
        rows.append(
            run._row(
                "scale",
                f"monitoring tables on a LocalCluster ({got['workers']} workers x {args.scale_memory})",
                m,
                n=got["posts"],
                value=round(got["posts"] / tables),
                unit="posts/s",
                seconds=m["seconds"],
                note=(
                    f"tables {tables:.1f} s (cluster start {got['timings']['cluster start']:.1f} s), "
                    f"{got['partitions']} partitions; peak MB driver {mem['driver_mb']}, other processes "
                    f"{mem['processes_mb']}{growth}; care: {json.dumps(got['care'], default=float)}"
                ),
            )
        )
        last = got
    if seen:
        for name, seconds in last["timings"].items():
            if name in ("tables",):
                continue
            rows.append(run._row("scale", f"  {name} ({seen[-1][0]:,} posts)", None, seconds=seconds))
    return rows
