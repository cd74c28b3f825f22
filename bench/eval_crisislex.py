"""Evaluate the crisis post-mortem on CrisisLex T26 (../shared/data/crisislex_t26; skipped when absent).

    nice -n 5 .venv/bin/python bench/eval_crisislex.py [--no-classifier] [--notebooks N] [--out bench/results/eval_crisislex.json]

Writes ``bench/results/eval_crisislex.json`` and ``.md`` (figures only: no tweet text, id or handle):

- per event (13): its description (type: sudden or progressive, date), the crisis timeline the report
  computes (``kit.tl.episodes.crisis_timeline`` on the entire-period timestamps, or on the labelled tweets'
  times from their ids for the event without an entire-period file): the scale chosen and why, onset,
  peak, half-life, return to baseline, the collection's gaps of 12 hours or more, the daily counts and a
  compact hourly description; and the checks of issue 19 (a progressive event described in days, return
  to baseline no earlier than the end of the high-volume days, every gap reported, no half-life longer
  than the time to recover, no "unknown" or "0.0 posts" in the sentences);
- the message types, leave one event out on the 7 ``Information Type`` labels: the kit's model
  (``kit.tl.message_model``: a balanced logistic head on sentence embeddings and one on TF-IDF words,
  probabilities averaged)
  fitted on the labelled tweets of the 12 other events, against a TF-IDF + logistic regression baseline
  fitted on the same tweets (scikit-learn defaults, and with balanced class weights), and the majority
  label; macro-F1 over the labels present in the held-out event, averaged over events;
- the built-in examples alone (what the report uses when a team has no labels), scored on every event
  after mapping both label sets to 5 coarse types, against TF-IDF + logistic regression on the same
  built-in examples.

Nothing derived from the data is written to the repository except these scores and counts.
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
HIGH = 0.1  # a high-volume day keeps at least this share of the peak day's excess over the median day


def events() -> list[dict]:
    out = []
    for folder in sorted(p for p in SHARED.iterdir() if p.is_dir()):
        desc = json.loads(next(folder.glob("*-event_description.json")).read_text(encoding="utf-8"))
        out.append(
            {
                "event": folder.name,
                "labelled": next(folder.glob("*-tweets_labeled.csv"), None),
                "entire": next(folder.glob("*-tweetids_entire_period.csv"), None),
                "type": "progressive" if desc["time"]["development"].lower().startswith("prog") else "sudden",
                "date": str(desc["time"]["start_day"]),
                "kind": desc["categorization"]["type"],
            }
        )
    return out


def _t(value, unit: str = "h") -> str | None:
    if value is None or (not isinstance(value, str) and pd.isna(value)):
        return None
    return f"{pd.Timestamp(value):%Y-%m-%d}" if unit == "D" else f"{pd.Timestamp(value):%Y-%m-%d %H:%M}"


def _hours(value) -> float | None:
    return None if value is None or pd.isna(value) else round(pd.Timedelta(value).total_seconds() / 3600, 1)


def timeline(event: dict) -> dict:
    import kit
    from kit.tl import lessons as lessons_
    from kit.tl.episodes import counts, crisis_timeline, surges
    from kit.tl.gaps import gaps

    t0 = time.perf_counter()
    if event["entire"] is not None:
        posts, _ = kit.load(str(event["entire"]))
        source = "entire-period tweet ids"
    else:
        posts, _ = kit.load(str(event["labelled"]), time_from_id=True)
        source = "labelled tweets only (no entire-period file): times from the ids"
    times = posts["created_at"]
    row = crisis_timeline(posts).iloc[0]
    unit = row["freq"]
    holes = gaps(posts)
    table = surges(posts, scale=row["scale"])
    words = lessons_.lessons(crisis_timeline(posts), gaps=holes, surges=table)
    daily = counts(posts, scale="daily")
    hourly = counts(posts, scale="hourly")
    hourly_only = crisis_timeline(posts, scale="hourly").iloc[0]

    # the high-volume days, computed here from the daily counts (not by the kit): from the peak day on
    x = daily.to_numpy()
    med, p = float(np.median(x)), int(np.argmax(x))
    q = p
    while q < len(x) and x[q] > med + HIGH * (x[p] - med):
        q += 1
    high_end = daily.index[q] if q < len(x) else daily.index[-1] + pd.Timedelta(days=1)
    back = row["back_to_baseline"]
    text = " ".join(words["lesson"])
    checks = {
        "daily_scale_if_progressive": event["type"] != "progressive" or row["scale"] == "daily",
        "return_not_before_high_days_end": bool(pd.isna(back) or back >= high_end),
        "every_gap_reported": int(row["gaps"]) == len(holes)
        and (len(holes) == 0 or f"{len(holes)} gap" in " ".join(words.loc[words["topic"] == "gaps", "lesson"])),
        "half_life_within_recovery": bool(
            pd.isna(back) or pd.isna(row["half_life"]) or row["half_life"] <= back - row["peak"]
        ),
        "no_unknown_or_zero_posts": "unknown" not in text and "0.0 posts" not in text,
        "peak_not_before_onset": bool(pd.isna(row["onset"]) or row["peak"] >= row["onset"]),
    }
    return {
        "source": source,
        "tweets": len(posts),
        "first": _t(times.min()),
        "last": _t(times.max()),
        "scale": row["scale"],
        "scale_reason": row["scale_reason"],
        "onset_note": row["onset_note"],
        "baseline_per_period": round(float(row["baseline"]), 1) if pd.notna(row["baseline"]) else None,
        "onset": _t(row["onset"], unit),
        "onset_hour": _t(row["onset_hour"]),
        "peak": _t(row["peak"], unit),
        "peak_value": float(row["peak_value"]) if pd.notna(row["peak_value"]) else None,
        "busiest_hour": _t(row["busiest_hour"]),
        "half_life_hours": _hours(row["half_life"]),
        "back_to_baseline": _t(back, unit),
        "hours_onset_to_back": _hours(back - row["onset"]) if pd.notna(back) else None,
        "measured_until": _t(row["measured_until"], unit),
        "stopped_by": row["stopped_by"],
        "surges_at_scale": int(row["surges"]),
        "high_volume_days_end": _t(high_end, "D"),
        "gaps_12h": [
            {"start": _t(a), "end": _t(b), "hours": float(h)}
            for a, b, h in zip(holes["start"], holes["end"], holes["hours"])
        ],
        "daily_counts": {f"{d:%m-%d}": int(v) for d, v in daily.items()},
        "hourly": {
            "hours": len(hourly),
            "empty_hours": int((hourly == 0).sum()),
            "median_per_hour": float(hourly.median()),
            "max_hour": _t(hourly.idxmax()),
            "max_per_hour": int(hourly.max()),
            "hourly_scale_onset": _t(hourly_only["onset"]),
            "hourly_scale_peak": _t(hourly_only["peak"]),
            "hourly_scale_back": _t(hourly_only["back_to_baseline"]),
        },
        "lessons": words["lesson"].tolist(),  # sentences from counts only: no tweet text
        "checks": checks,
        "seconds": round(time.perf_counter() - t0, 2),
    }


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


def _baseline(train_texts, train_y, test_texts, *, balanced: bool, min_df: int = 2):
    from sklearn.feature_extraction.text import TfidfVectorizer
    from sklearn.linear_model import LogisticRegression

    tf = TfidfVectorizer(ngram_range=(1, 2), min_df=min_df, sublinear_tf=True)
    A = tf.fit_transform(train_texts)
    lr = LogisticRegression(max_iter=3000, class_weight="balanced" if balanced else None)
    return lr.fit(A, train_y).predict(tf.transform(test_texts))


def classifier(result: dict) -> None:
    from kit import _stats
    from kit.tl import message_model
    from kit.tl.embed import embed
    from kit.tl.message_types import seed_examples

    data = labelled_tweets()
    texts = data["text"].astype(str).tolist()
    t0 = time.perf_counter()
    X = embed(data, embedder="use", progress=False)
    result["embedding_seconds"] = round(time.perf_counter() - t0, 1)
    y = data["label"].astype(str).to_numpy()
    g = data["event"].to_numpy()
    rows = []
    t0 = time.perf_counter()
    for ev in pd.unique(g):
        te, tr = g == ev, g != ev
        present = sorted(set(y[te]))
        f1 = lambda pred, te=te, present=present: _stats.macro_f1(y[te], pred, classes=present)  # noqa: E731
        tr_texts = [texts[i] for i in np.flatnonzero(tr)]
        te_texts = [texts[i] for i in np.flatnonzero(te)]
        model = message_model.fit(tr_texts, y[tr], embeddings=X[tr], min_df=2)
        kit_pred = np.asarray(model.classes, dtype=object)[model.predict_proba(te_texts, X[te]).argmax(axis=1)]
        majority = pd.Series(y[tr]).value_counts().index[0]
        rows.append(
            {
                "event": str(ev),
                "n_train": int(tr.sum()),
                "n_test": int(te.sum()),
                "kit": f1(kit_pred),
                "tfidf_lr": f1(_baseline(tr_texts, y[tr], te_texts, balanced=False)),
                "tfidf_lr_balanced": f1(_baseline(tr_texts, y[tr], te_texts, balanced=True)),
                "majority": f1(np.array([majority] * int(te.sum()))),
            }
        )
        print(
            f"  {ev:32s} " + " ".join(f"{k} {v:.3f}" for k, v in rows[-1].items() if isinstance(v, float)), flush=True
        )
    fine = pd.DataFrame(rows)
    means = fine[["kit", "tfidf_lr", "tfidf_lr_balanced", "majority"]].mean().round(3).to_dict()
    result["message_types_7_labels"] = {
        "labels": sorted(set(y)),
        "per_event": fine.round(3).to_dict("records"),
        "mean_macro_f1": means,
        "kit_minus_best_baseline": round(means["kit"] - max(means["tfidf_lr"], means["tfidf_lr_balanced"]), 3),
        "seconds": round(time.perf_counter() - t0, 1),
    }

    # the built-in examples alone (the report's default), on 5 coarse types
    seed = seed_examples()
    coarse = data["label"].map(COARSE_TRUTH).to_numpy()
    model = message_model.fit(seed["text"].tolist(), seed["label"].tolist(), embedder="use")
    kit_pred = pd.Series(np.asarray(model.classes, dtype=object)[model.predict_proba(texts, X).argmax(axis=1)])
    base_pred = pd.Series(_baseline(seed["text"].tolist(), seed["label"].tolist(), texts, balanced=True, min_df=1))
    kit_c, base_c = kit_pred.map(COARSE_SEED).to_numpy(), base_pred.map(COARSE_SEED).to_numpy()
    per = []
    for ev in pd.unique(g):
        m = g == ev
        present = sorted(set(coarse[m]))
        per.append(
            {
                "event": str(ev),
                "kit": _stats.macro_f1(coarse[m], kit_c[m], classes=present),
                "tfidf_lr": _stats.macro_f1(coarse[m], base_c[m], classes=present),
                "majority": _stats.macro_f1(coarse[m], np.array(["other"] * int(m.sum())), classes=present),
            }
        )
    per = pd.DataFrame(per)
    result["message_types_builtin_examples_5_coarse"] = {
        "classes": sorted(set(coarse)),
        "seed_examples": len(seed),
        "per_event": per.round(3).to_dict("records"),
        "mean_macro_f1": per[["kit", "tfidf_lr", "majority"]].mean().round(3).to_dict(),
    }


def notebook(event: dict, out_dir: Path) -> dict:
    """Run notebooks/04 on one event (the labelled tweets for text, the entire period for volume)."""
    import os

    from kit import report

    rel = lambda p: "../shared/data/crisislex_t26/" + p.parent.name + "/" + p.name  # noqa: E731
    data = [rel(event["labelled"])] + ([rel(event["entire"])] if event["entire"] is not None else [])
    params = {
        "data": data,
        "load_options": {"time_from_id": True},
        "brand_accounts": [],
        "brand": None,
        "query_terms": [],
        "role_label": "x_information_source",
        "seed": 0,
    }
    cwd = os.getcwd()
    os.chdir(ROOT)
    try:
        result = report.run("crisis", params, out_dir / event["event"], progress=False, timeout=1800)
    finally:
        os.chdir(cwd)
    values = (result.record or {}).get("values", {}) if isinstance(result.record, dict) else {}
    tl_ = values.get("timeline", {})
    return {"ok": result.ok, "error": result.error, "seconds": round(result.seconds, 1), "scale": tl_.get("scale")}


def markdown(result: dict) -> str:
    lines = [
        "# CrisisLex T26: crisis timelines and message types",
        "",
        "Written by `bench/eval_crisislex.py` (figures only). Times in UTC; daily-scale times are days.",
        "",
        "## Timelines",
        "",
        "| event | type | date | scale | onset | peak | half-life (h) | back to baseline | high-volume days end | gaps ≥ 12 h | checks |",
        "|---|---|---|---|---|---|---|---|---|---|---|",
    ]
    for e in result["events"]:
        t = e["timeline"]
        back = t["back_to_baseline"] or f"not reached ({t['stopped_by']} at {t['measured_until']})"
        onset = t["onset"] + (f" ({t['onset_note']})" if t["onset_note"] and t["onset_note"] != "detected" else "")
        gaps = "; ".join(f"{g['start']} → {g['end']} ({g['hours']:.0f} h)" for g in t["gaps_12h"][:4]) or "none"
        if len(t["gaps_12h"]) > 4:
            gaps = f"{len(t['gaps_12h'])} gaps, {sum(g['hours'] for g in t['gaps_12h']):.0f} h in all; first: {gaps}"
        ok = all(t["checks"].values())
        failed = [k for k, v in t["checks"].items() if not v]
        lines.append(
            f"| {e['event']} | {e['type']} | {e['date']} | {t['scale']} | {onset} | {t['peak']} ({t['peak_value']:.0f}) "
            f"| {t['half_life_hours']} | {back} | {t['high_volume_days_end']} | {gaps} | {'ok' if ok else ', '.join(failed)} |"
        )
    lines += ["", "Why each scale, and the hourly view:", ""]
    for e in result["events"]:
        t, h = e["timeline"], e["timeline"]["hourly"]
        lines.append(
            f"- **{e['event']}** ({e['kind']}, {t['tweets']:,} tweets, {t['source']}): {t['scale_reason']}. "
            f"Hourly: {h['hours']} hours, {h['empty_hours']} empty, median {h['median_per_hour']:.0f}/h, busiest "
            f"{h['max_hour']} ({h['max_per_hour']}); hourly-scale onset {h['hourly_scale_onset']}, peak "
            f"{h['hourly_scale_peak']}, back {h['hourly_scale_back']}. Daily: "
            + ", ".join(f"{d} {v}" for d, v in t["daily_counts"].items())
        )
    m7 = result.get("message_types_7_labels")
    if m7:
        mm = m7["mean_macro_f1"]
        lines += [
            "",
            "## Message types, leave one event out (7 labels)",
            "",
            f"Mean macro-F1: kit {mm['kit']:.3f}, TF-IDF + LR {mm['tfidf_lr']:.3f}, TF-IDF + LR balanced "
            f"{mm['tfidf_lr_balanced']:.3f}, majority {mm['majority']:.3f}; kit minus best baseline "
            f"{m7['kit_minus_best_baseline']:+.3f}.",
            "",
            "| event | test tweets | kit | TF-IDF + LR | TF-IDF + LR balanced | majority |",
            "|---|---|---|---|---|---|",
        ]
        for r in m7["per_event"]:
            lines.append(
                f"| {r['event']} | {r['n_test']} | {r['kit']:.3f} | {r['tfidf_lr']:.3f} | {r['tfidf_lr_balanced']:.3f} | {r['majority']:.3f} |"
            )
        s5 = result["message_types_builtin_examples_5_coarse"]["mean_macro_f1"]
        lines += [
            "",
            f"Built-in examples only (the report's default), 5 coarse types: kit {s5['kit']:.3f}, TF-IDF + LR on the "
            f"same examples {s5['tfidf_lr']:.3f}, majority {s5['majority']:.3f}.",
        ]
    return "\n".join(lines) + "\n"


def write(result: dict, out: str) -> None:
    Path(out).parent.mkdir(parents=True, exist_ok=True)
    Path(out).write_text(json.dumps(result, indent=1, default=str), encoding="utf-8")
    Path(out).with_suffix(".md").write_text(markdown(result), encoding="utf-8")


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--out", default=str(ROOT / "bench" / "results" / "eval_crisislex.json"))
    ap.add_argument("--no-classifier", action="store_true", help="skip the message-type evaluation")
    ap.add_argument("--notebooks", type=int, default=0, help="also run the notebook on the first N events")
    ap.add_argument("--html", default="/tmp/kit_eval_crisislex", help="where the notebook reports go")
    args = ap.parse_args(argv)
    if not SHARED.exists():
        print(f"{SHARED} absent: nothing to evaluate")
        return 0
    start = time.perf_counter()
    result: dict = {"data": "crisislex_t26", "events": [], "complete": False}
    for i, e in enumerate(events()):
        row = {k: e[k] for k in ("event", "type", "date", "kind")} | {"timeline": timeline(e)}
        if i < args.notebooks:
            row["notebook"] = notebook(e, Path(args.html))
        result["events"].append(row)
        t = row["timeline"]
        print(
            f"{e['event']:32s} {e['type']:11s} {t['scale']:6s} onset {t['onset']} peak {t['peak']} "
            f"half-life {t['half_life_hours']} back {t['back_to_baseline']} gaps {len(t['gaps_12h'])} "
            f"checks {'ok' if all(t['checks'].values()) else t['checks']}",
            flush=True,
        )
    write(result, args.out)
    if not args.no_classifier:
        classifier(result)
        m = result["message_types_7_labels"]["mean_macro_f1"]
        print(f"message types, 7 labels, leave one event out: {m}", flush=True)
    result["complete"] = True
    result["seconds"] = round(time.perf_counter() - start, 1)
    write(result, args.out)
    print(f"wrote {args.out} and .md in {result['seconds']} s")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
