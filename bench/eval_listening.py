"""Evaluate the listening notebook: airline topics against complaint reasons, real-data runs, time and memory.

    nice -n 5 .venv/bin/python bench/eval_listening.py [--only intent nmi airline crisislex sample] \
        [--out bench/results/eval_listening.json]

Writes ``bench/results/eval_listening.json`` (and prints it):

- ``intent``: :mod:`kit.tl.intent` against the sample's planted intents (``x_true_intent``), per-class F1,
  rules with the head sentiment, with the few-shot layer, and the few-shot head alone; seconds for 20,000
  posts with the embeddings cached.
- ``nmi``: on ``../shared/data/airline_tweets`` (absent: skipped), the negative tweets with a complaint reason
  (``Can't Tell`` left out). NMI between reason and topic for (a) the report's topics: the kit's fit on
  *every* tweet of the report with the notebook's settings (seed 0, ``n_epochs=200``), read on the negative
  ones; (b) BERTopic with default settings fitted on the same tweets and the same USE embeddings, read on
  the same negative tweets; and (c) both fitted on the negative tweets only (as ``bench/eval_text.py``).
- ``airline`` / ``crisislex``: the listening notebook run through ``kit run`` with ``params/airline`` and
  ``params/crisislex_lac_megantic`` (Lac-Mégantic, French and English): ok or the error, seconds, topics,
  flagged emerging topics, the review file.
- ``sample``: ``kit run listening --params params/sample`` under ``/usr/bin/time -v``, cold (``KIT_CACHE``
  pointed at an empty temporary folder, so every post is embedded) then warm (the same folder again):
  wall seconds and peak resident memory (MiB).
Nothing from ``../shared`` is written into the repository: only these figures.
"""

from __future__ import annotations

import argparse
import json
import os
import re
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import numpy as np

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared" / "data"
KIT = ROOT / ".venv" / "bin" / "kit"


def eval_nmi(out: dict) -> None:
    from sklearn.metrics import normalized_mutual_info_score as nmi

    from kit import io
    from kit.tl import embed, topics

    path = SHARED / "airline_tweets" / "Tweets.csv"
    if not path.exists():
        out["nmi"] = {"skipped": f"{path} absent"}
        return
    posts, _ = io.read(path)
    neg_mask = (
        (posts["x_airline_sentiment"] == "negative")
        & posts["x_negativereason"].notna()
        & (posts["x_negativereason"] != "Can't Tell")
    ).to_numpy()
    truth = posts.loc[neg_mask, "x_negativereason"].astype(str).to_numpy()
    vectors = embed.embed(posts, embedder="use", progress=False)
    word = embed.get_embedder("use")
    rows = []

    start = time.perf_counter()
    report_fit = topics.fit(posts, vectors, seed=0, word_embedder=word, n_epochs=200)
    pred = report_fit.assignments["topic"].to_numpy()[neg_mask]
    rows.append(
        {
            "method": "kit topics, the report's fit (all tweets, n_epochs=200)",
            "fitted_on": len(posts),
            "scored_on": int(neg_mask.sum()),
            "nmi": nmi(truth, pred),
            "topics": int((report_fit.info["topic"] >= 0).sum()),
            "outlier_share": float((pred == -1).mean()),
            "seconds": time.perf_counter() - start,
        }
    )

    from bertopic import BERTopic

    start = time.perf_counter()
    labels, _ = BERTopic(language="multilingual").fit_transform(posts["text"].fillna("").tolist(), embeddings=vectors)
    labels = np.asarray(labels)
    rows.append(
        {
            "method": "BERTopic defaults (all tweets, same embeddings)",
            "fitted_on": len(posts),
            "scored_on": int(neg_mask.sum()),
            "nmi": nmi(truth, labels[neg_mask]),
            "topics": int(len(set(labels) - {-1})),
            "outlier_share": float((labels[neg_mask] == -1).mean()),
            "seconds": time.perf_counter() - start,
        }
    )

    neg = posts[neg_mask].reset_index(drop=True)
    nvec = vectors[neg_mask]
    start = time.perf_counter()
    neg_fit = topics.fit(neg, nvec, seed=0, word_embedder=word, n_epochs=200)
    pred = neg_fit.assignments["topic"].to_numpy()
    rows.append(
        {
            "method": "kit topics (negative tweets only, n_epochs=200)",
            "fitted_on": len(neg),
            "scored_on": len(neg),
            "nmi": nmi(truth, pred),
            "topics": int((neg_fit.info["topic"] >= 0).sum()),
            "outlier_share": float((pred == -1).mean()),
            "seconds": time.perf_counter() - start,
        }
    )
    start = time.perf_counter()
    labels, _ = BERTopic(language="multilingual").fit_transform(neg["text"].fillna("").tolist(), embeddings=nvec)
    labels = np.asarray(labels)
    rows.append(
        {
            "method": "BERTopic defaults (negative tweets only, same embeddings)",
            "fitted_on": len(neg),
            "scored_on": len(neg),
            "nmi": nmi(truth, labels),
            "topics": int(len(set(labels) - {-1})),
            "outlier_share": float((labels == -1).mean()),
            "seconds": time.perf_counter() - start,
        }
    )
    out["nmi"] = rows


def eval_intent(out: dict) -> None:
    """kit.tl.intent against the sample's planted intents (``x_true_intent``): per-class F1 and seconds."""
    from kit import datasets
    from kit.tl import classify, embed, intent, sentiment

    posts, _ = datasets.load_sample()
    vectors = embed.embed(posts, embedder="use", progress=False)
    scored = sentiment.score(posts, embeddings=vectors)
    rows = {}
    for name, kwargs in (("rules + head sentiment", {}), ("rules + head sentiment + few-shot", {"model": "fewshot"})):
        start = time.perf_counter()
        pred = intent.detect(scored, embeddings=vectors if kwargs else None, **kwargs)
        seconds = time.perf_counter() - start
        table = intent.evaluate(posts, pred)
        rows[name] = {
            "seconds": round(seconds, 2),
            "per_class": table.round(4).to_dict(orient="records"),
            "sources": pred["source"].value_counts().to_dict(),
        }
    clf = intent.seed_model()
    alone = classify.predict(posts, clf, embeddings=vectors)
    table = classify.per_class_f1(posts["x_true_intent"].astype(str), alone["label"].astype(str))
    rows["few-shot head alone (seed examples)"] = {
        "per_class": table.round(4).to_dict(orient="records"),
        "macro_f1": round(float(table["f1"].mean()), 4),
    }
    out["intent"] = rows


def run_notebook(params: Path, dest: Path) -> dict:
    from kit import report

    start = time.perf_counter()
    result = report.run("listening", params, dest, progress=False)
    values = result.values or {}
    emerging = [r for r in values.get("emerging", []) if r.get("flagged")]
    return {
        "params": str(params.relative_to(ROOT)),
        "ok": result.ok,
        "error": result.error,
        "seconds": round(time.perf_counter() - start, 1),
        "posts": values.get("listening_posts"),
        "topics": len([t for t in values.get("topics", []) if t["topic"] >= 0]),
        "emerging_flagged": [r["label"] for r in emerging],
        "shared_topics": len([r for r in values.get("languages", []) if r["kind"] == "shared"]),
        "actionable": values.get("actionable"),
        "html": str(result.html) if result.html else None,
    }


def time_v(args: list[str], env: dict) -> dict:
    """Run a command under /usr/bin/time -v: wall seconds, peak RSS (MiB), exit code."""
    proc = subprocess.run(["/usr/bin/time", "-v", *args], cwd=ROOT, env=env, capture_output=True, text=True)
    peak = re.search(r"Maximum resident set size \(kbytes\): (\d+)", proc.stderr)
    wall = re.search(r"Elapsed \(wall clock\) time \(h:mm:ss or m:ss\): ([\d:.]+)", proc.stderr)
    seconds = None
    if wall:
        parts = [float(p) for p in wall.group(1).split(":")]
        seconds = sum(p * 60**i for i, p in enumerate(reversed(parts)))
    return {
        "exit": proc.returncode,
        "wall_seconds": seconds,
        "peak_rss_mib": round(int(peak.group(1)) / 1024, 1) if peak else None,
        "tail": proc.stdout[-300:] + proc.stderr[-300:] if proc.returncode else "",
    }


def eval_sample(out: dict, workdir: Path) -> None:
    cache = Path(tempfile.mkdtemp(prefix="kit-cache-", dir=workdir))
    env = {**os.environ, "KIT_CACHE": str(cache)}
    rows = []
    for label in ("cold (empty KIT_CACHE)", "warm (same KIT_CACHE)"):
        dest = workdir / ("sample_" + label.split()[0])
        row = time_v([str(KIT), "run", "listening", "--params", "params/sample", "--out", str(dest)], env)
        row["run"] = label
        rows.append(row)
    out["sample"] = rows


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--only", nargs="*", default=["intent", "nmi", "airline", "crisislex", "sample"])
    parser.add_argument("--out", default=str(ROOT / "bench" / "results" / "eval_listening.json"))
    parser.add_argument("--workdir", default=None, help="where the reports go (default: a temporary folder)")
    args = parser.parse_args(argv)
    workdir = Path(args.workdir or tempfile.mkdtemp(prefix="eval-listening-"))
    workdir.mkdir(parents=True, exist_ok=True)
    target = Path(args.out)
    out: dict = json.loads(target.read_text(encoding="utf-8")) if target.exists() else {}
    for step in args.only:
        print(f"== {step}", file=sys.stderr, flush=True)
        if step == "nmi":
            eval_nmi(out)
        elif step == "intent":
            eval_intent(out)
        elif step == "airline":
            out["airline"] = (
                run_notebook(ROOT / "params" / "airline", workdir / "airline")
                if (SHARED / "airline_tweets").exists()
                else {"skipped": "airline_tweets absent"}
            )
        elif step == "crisislex":
            out["crisislex"] = (
                run_notebook(ROOT / "params" / "crisislex_lac_megantic", workdir / "crisislex")
                if (SHARED / "crisislex_t26").exists()
                else {"skipped": "crisislex_t26 absent"}
            )
        elif step == "sample":
            eval_sample(out, workdir)
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(json.dumps(out, indent=1, default=str), encoding="utf-8")  # after each step
    print(json.dumps(out, indent=1, default=str))
    print(f"written: {target} (reports under {workdir})")
    return 0


if __name__ == "__main__":
    sys.exit(main())
