"""Evaluate the crisis post-mortem on CrisisLex T26 (../shared/data/crisislex_t26; skipped when absent).

    nice -n 5 .venv/bin/python bench/eval_crisislex.py [--no-notebooks] [--events N] [--out bench/results/eval_crisislex.json]

Prints, and writes as JSON:
- per event that has an entire-period file: baseline, onset, peak, half-life and back-to-baseline from
  ``kit.tl.surge.surge`` on the hourly volume of the entire-period timestamps (the same call the
  notebook makes), and a run of ``notebooks/04_crisis_postmortem`` on the event (volume from the
  timestamps, text and labels from the labelled file read with ``time_from_id``), with its run time;
- the message-type classifier against the ``Information Type`` labels, leave one event out (trained on
  the labelled tweets of the other events, tested on the held-out one; all 13 labelled files), macro-F1
  next to a majority-class baseline (the training events' most frequent label);
- the same on five coarse types that the kit's built-in seed examples can be mapped to, where the
  seed-examples-only classifier (zero labelled data) is scored next to the trained one and the majority
  baseline. Training sets are capped per label (``--cap``, default 300) to keep the run short.

Nothing derived from the data is written to the repository except the JSON of scores.
"""

from __future__ import annotations

import argparse
import json
import sys
import time
from pathlib import Path

import numpy as np
import pandas as pd

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared" / "data" / "crisislex_t26"
sys.path.insert(0, str(ROOT))

# CrisisLex information types -> coarse types; seed message types -> the same coarse types.
COARSE_TRUTH = {
    "Caution and advice": "caution and advice",
    "Affected individuals": "affected and damage",
    "Infrastructure and utilities": "affected and damage",
    "Sympathy and support": "sympathy",
    "Donations and volunteering": "donations",
    "Other Useful Information": "other",
    "Not applicable": "other",
}
COARSE_SEED = {
    "warnings and advice": "caution and advice",
    "damage and affected people": "affected and damage",
    "sympathy and support": "sympathy",
    "donations and help": "donations",
    "criticism": "other",
    "questions": "other",
    "jokes": "other",
    "other": "other",
}


def events() -> list[dict]:
    out = []
    for folder in sorted(p for p in SHARED.iterdir() if p.is_dir()):
        labelled = next(folder.glob("*-tweets_labeled.csv"), None)
        entire = next(folder.glob("*-tweetids_entire_period.csv"), None)
        out.append({"event": folder.name, "labelled": labelled, "entire": entire})
    return out


def fmt(value) -> str | None:
    if value is None or (not isinstance(value, str) and pd.isna(value)):
        return None
    if isinstance(value, pd.Timedelta):
        return f"{value.total_seconds() / 3600:.2f} h"
    return str(value)


def timeline(event: dict) -> dict:
    import kit
    from kit import tl
    from kit.tl.surge import surge

    t0 = time.perf_counter()
    posts, _ = kit.load(str(event["entire"]))
    series = tl.volume(posts, freq="H", by=None, start=posts["created_at"].min(), end=posts["created_at"].max())
    row = surge(series, value="posts").iloc[0]
    return {
        "tweets": len(posts),
        "first": fmt(posts["created_at"].min()),
        "last": fmt(posts["created_at"].max()),
        "hours": len(series),
        "baseline": float(row["baseline"]),
        "onset": fmt(row["onset"]),
        "peak": fmt(row["peak"]),
        "peak_value": float(row["peak_value"]),
        "half_life_hours": float(row["half_life_periods"]) if pd.notna(row["half_life_periods"]) else None,
        "back_to_baseline": fmt(row["back_to_baseline"]),
        "time_to_peak": fmt(row["time_to_peak"]),
        "seconds": round(time.perf_counter() - t0, 2),
    }


def notebook(event: dict, out_dir: Path) -> dict:
    from kit import report

    rel = lambda p: "../shared/data/crisislex_t26/" + p.parent.name + "/" + p.name  # noqa: E731
    params = {
        "data": [rel(event["labelled"]), rel(event["entire"])],
        "load_options": {"time_from_id": True},
        "brand_accounts": [],
        "brand": None,
        "query_terms": [],
        "role_label": "x_information_source",
        "seed": 0,
    }
    import os

    cwd = os.getcwd()
    os.chdir(ROOT)  # the paths are relative to the repository root, as in params/crisislex
    try:
        result = report.run("crisis", params, out_dir / event["event"], progress=False, timeout=900)
    finally:
        os.chdir(cwd)
    values = (result.record or {}).get("values", {}) if isinstance(result.record, dict) else {}
    tl_ = values.get("timeline", {})
    return {
        "ok": result.ok,
        "error": result.error,
        "seconds": round(result.seconds, 1),
        "onset": tl_.get("onset"),
        "peak": tl_.get("peak"),
        "half_life_hours": tl_.get("half_life_periods"),
        "repost_share": (values.get("repost_share") or {}).get("share"),
    }  # no text or handles: scores only


def labelled_tweets() -> pd.DataFrame:
    frames = []
    for e in events():
        if e["labelled"] is None:
            continue
        f = pd.read_csv(e["labelled"], dtype=str, skipinitialspace=True)
        f.columns = [c.strip() for c in f.columns]
        f = f.rename(columns={"Tweet Text": "text", "Information Type": "label"})[["text", "label"]]
        f["event"] = e["event"]
        frames.append(f)
    frame = pd.concat(frames, ignore_index=True)
    return frame[frame["label"].notna() & (frame["label"] != "Not labeled")].reset_index(drop=True)


def loeo(X: np.ndarray, labels: pd.Series, groups: pd.Series, *, cap: int, seed: int = 0) -> pd.DataFrame:
    """Leave one event out with ``kit.tl.classify`` (fit on the other events, predict the held-out one).

    Each training set keeps at most ``cap`` tweets per label (a seeded random sample; the head weighs the
    labels equally anyway): the full ~10,000 x 512 fit takes minutes per fold on a shared 2-core machine.
    The majority baseline answers the full training set's most frequent label.
    """
    from kit.tl import classify

    rng = np.random.default_rng(seed)
    y = labels.astype(str).to_numpy()
    rows = []
    for ev in pd.unique(groups):
        test = (groups == ev).to_numpy()
        train = np.flatnonzero(~test)
        keep = []
        for lab in sorted(set(y[train])):
            idx = train[y[train] == lab]
            keep.extend(rng.choice(idx, size=min(cap, len(idx)), replace=False).tolist() if len(idx) > cap else idx)
        keep = np.sort(np.asarray(keep))
        model = classify.fit([""] * len(keep), y[keep].tolist(), embeddings=X[keep], embedder="use")
        pred = np.array(model.classes, dtype=object)[model.predict_proba(X[test]).argmax(axis=1)]
        majority = pd.Series(y[train]).value_counts().index[0]
        present = sorted(set(y[test]))
        rows.append(
            {
                "fold": str(ev),
                "n_train": int(len(keep)),
                "n_test": int(test.sum()),
                "macro_f1": classify.macro_f1(y[test], pred, classes=present),
                "majority_f1": classify.macro_f1(y[test], [majority] * int(test.sum()), classes=present),
                "majority_label": majority,
            }
        )
    return pd.DataFrame(rows)


def classifier(rows: dict, *, cap: int) -> None:
    from kit.tl import classify
    from kit.tl.embed import embed
    from kit.tl.message_types import seed_examples

    data = labelled_tweets()
    t0 = time.perf_counter()
    X = embed(data, embedder="use", progress=False)
    rows["embedding_seconds"] = round(time.perf_counter() - t0, 1)
    rows["labelled_tweets"] = len(data)
    rows["labels"] = data["label"].value_counts().to_dict()
    rows["training_cap_per_label"] = cap

    t0 = time.perf_counter()
    fine = loeo(X, data["label"], data["event"], cap=cap)
    rows["loeo_information_type"] = {
        "per_event": fine.to_dict("records"),
        "mean_macro_f1": float(fine["macro_f1"].mean()),
        "mean_majority_f1": float(fine["majority_f1"].mean()),
        "seconds": round(time.perf_counter() - t0, 1),
    }

    coarse = data["label"].map(COARSE_TRUTH)
    t0 = time.perf_counter()
    trained = loeo(X, coarse, data["event"], cap=cap)
    seed = seed_examples()
    model = classify.fit(seed["text"].tolist(), seed["label"].tolist(), embedder="use")
    pred = classify.predict(data, model, embeddings=X)["label"].map(COARSE_SEED)
    per_event = []
    for ev, idx in data.groupby("event").groups.items():
        truth = coarse.loc[idx]
        present = sorted(set(truth))
        per_event.append({"fold": ev, "seed_only_f1": classify.macro_f1(truth, pred.loc[idx], classes=present)})
    both = trained.merge(pd.DataFrame(per_event), on="fold", how="left")
    rows["loeo_coarse_types"] = {
        "classes": sorted(set(coarse)),
        "per_event": both.to_dict("records"),
        "mean_macro_f1_trained_on_other_events": float(both["macro_f1"].mean()),
        "mean_macro_f1_seed_examples_only": float(both["seed_only_f1"].mean()),
        "mean_majority_f1": float(both["majority_f1"].mean()),
        "seed_examples": int(len(seed)),
        "per_class_seed_only": classify.per_class_f1(coarse, pred).to_dict("records"),
        "seconds": round(time.perf_counter() - t0, 1),
    }


def write(result: dict, out: str) -> None:
    Path(out).parent.mkdir(parents=True, exist_ok=True)
    Path(out).write_text(json.dumps(result, indent=1, default=str), encoding="utf-8")


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--out", default=str(ROOT / "bench" / "results" / "eval_crisislex.json"))
    ap.add_argument("--no-notebooks", action="store_true", help="skip the notebook runs")
    ap.add_argument("--no-classifier", action="store_true", help="skip the message-type evaluation")
    ap.add_argument("--events", type=int, default=None, help="run the notebook on the first N events only")
    ap.add_argument("--cap", type=int, default=300, help="training tweets kept per label in each fold")
    ap.add_argument("--html", default="/tmp/kit_eval_crisislex", help="where the notebook reports go")
    ap.add_argument(
        "--only",
        nargs="+",
        default=None,
        help="rerun these events only and replace their rows in the existing --out file",
    )
    args = ap.parse_args(argv)
    if not SHARED.exists():
        print(f"{SHARED} absent: nothing to evaluate")
        return 0
    start = time.perf_counter()
    result: dict = {"data": "crisislex_t26", "events": [], "complete": False}
    with_entire = [e for e in events() if e["entire"] is not None]
    if args.only:
        result = json.loads(Path(args.out).read_text(encoding="utf-8"))
        for e in [e for e in with_entire if e["event"] in args.only]:
            row = {"event": e["event"], "timeline": timeline(e), "notebook": notebook(e, Path(args.html))}
            result["events"] = [row if r["event"] == e["event"] else r for r in result["events"]]
            print(e["event"], row["notebook"]["ok"], row["notebook"]["error"], row["notebook"]["seconds"], "s")
        result.setdefault("rerun", []).append({"events": args.only, "why": "after a fix"})
        write(result, args.out)
        return 0
    result["events_without_entire_period_file"] = [e["event"] for e in events() if e["entire"] is None]
    if not args.no_classifier:  # first: it is quick, and the JSON is written after every step
        classifier(result, cap=args.cap)
        fine, coarse = result["loeo_information_type"], result["loeo_coarse_types"]
        print(
            f"Information Type, leave one event out: macro-F1 {fine['mean_macro_f1']:.3f} "
            f"(majority {fine['mean_majority_f1']:.3f})",
            flush=True,
        )
        print(
            f"Coarse types: trained {coarse['mean_macro_f1_trained_on_other_events']:.3f}, seed examples only "
            f"{coarse['mean_macro_f1_seed_examples_only']:.3f}, majority {coarse['mean_majority_f1']:.3f}",
            flush=True,
        )
        write(result, args.out)
    for i, e in enumerate(with_entire):
        row = {"event": e["event"], "timeline": timeline(e)}
        if not args.no_notebooks and (args.events is None or i < args.events):
            row["notebook"] = notebook(e, Path(args.html))
        result["events"].append(row)
        t = row["timeline"]
        nb = row.get("notebook", {})
        print(
            f"{e['event']:32s} onset {t['onset']}  peak {t['peak']}  half-life {t['half_life_hours']}  "
            f"notebook {'ok' if nb.get('ok') else nb.get('error', 'skipped')} {nb.get('seconds', '')} s",
            flush=True,
        )
        result["seconds"] = round(time.perf_counter() - start, 1)
        write(result, args.out)
    result["complete"] = True
    result["seconds"] = round(time.perf_counter() - start, 1)
    write(result, args.out)
    print(f"wrote {args.out} in {result['seconds']} s")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
