"""How much the ``fast`` sentiment model loses against the head it copies (real data in ../shared/data).

    .venv/bin/python bench/eval_distil.py [--out bench/results/eval_distil.json]

The ``fast`` model runs the head on a random sample of a corpus and a student (hashed word n-grams,
:mod:`kit.tl.distil`) on the rest. For each corpus this prints, on the posts the student scored (not
the sample), macro-F1 against the human labels for the head and for the student, their agreement, and
the shares of negative and positive posts and the net sentiment each gives (what the monitoring
report shows):

- airline_tweets: 14,640 English tweets, crowd labels; the student is taught on 5,000 and 10,000;
- xlm_t_sentiment: French, German and English tweets (train and val splits together, 2,161 a
  language); the student is taught on 1,000 texts of each language (all three languages at once).

Nothing learned here is kept: the student is trained on each corpus in memory, as in a report.
"""

from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

import numpy as np
import pandas as pd
from _text_eval import macro_f1, write_rows  # bench/, the script's folder

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared" / "data"
sys.path.insert(0, str(ROOT))


def shares(labels) -> dict:
    labels = pd.Series(labels, dtype=object)
    neg, pos = float((labels == "negative").mean()), float((labels == "positive").mean())
    return {"negative": neg, "positive": pos, "net": (pos - neg) / (pos + neg) if pos + neg else float("nan")}


def evaluate(name: str, texts: list[str], langs: list[str], gold: np.ndarray, sample: int, rows: list[dict]) -> None:
    from kit.tl import sentiment

    head = sentiment.get_model("head")
    start = time.perf_counter()
    teacher = head.predict(texts, langs)["sentiment"].astype(str).to_numpy()
    head_s = time.perf_counter() - start
    from kit.tl import distil

    rest = np.ones(len(texts), dtype=bool)
    rest[distil.sample_texts(texts, sample, 0)] = False  # the texts FastModel(seed=0) gives its teacher
    for match in (False, True):
        fast = sentiment.FastModel(head, sample=sample, seed=0, match_shares=match)
        start = time.perf_counter()
        student = fast.predict(texts, langs)["sentiment"].astype(str).to_numpy()
        fast_s = time.perf_counter() - start
        row = {
            "corpus": name,
            "taught_on": sample,
            "match_shares": match,
            "scored_by_student": int(rest.sum()),
            "head_f1": macro_f1(gold[rest], teacher[rest]),
            "student_f1": macro_f1(gold[rest], student[rest]),
            "agreement": float(np.mean(teacher[rest] == student[rest])),
            "heldout_agreement": fast.last.get("agreement"),
            "gold": shares(gold[rest]),
            "head": shares(teacher[rest]),
            "student": shares(student[rest]),
            "head_seconds_all": head_s,
            "fast_seconds_all": fast_s,
        }
        rows.append(row)
        print(
            f"{name} (taught on {sample:,}, student scored {row['scored_by_student']:,}, shares matched: {match}): "
            f"macro-F1 head {row['head_f1']:.1f} student {row['student_f1']:.1f}; agreement {row['agreement']:.3f} "
            f"(held-out estimate {row['heldout_agreement']:.3f}); net sentiment gold {row['gold']['net']:+.3f} "
            f"head {row['head']['net']:+.3f} student {row['student']['net']:+.3f}; negative share gold "
            f"{row['gold']['negative']:.3f} head {row['head']['negative']:.3f} student {row['student']['negative']:.3f}",
            flush=True,
        )


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", default=str(ROOT / "bench" / "results" / "eval_distil.json"))
    args = parser.parse_args(argv)
    rows: list[dict] = []
    airline = SHARED / "airline_tweets" / "Tweets.csv"
    if airline.exists():
        df = pd.read_csv(airline)
        for sample in (5_000, 10_000):
            evaluate(
                "airline_tweets",
                df["text"].astype(str).tolist(),
                ["en"] * len(df),
                df["airline_sentiment"].to_numpy(dtype=object),
                sample,
                rows,
            )
    xlmt = SHARED / "xlm_t_sentiment"
    if xlmt.exists():
        names = {0: "negative", 1: "neutral", 2: "positive"}
        texts, langs, gold = [], [], []
        for folder, code in {"french": "fr", "german": "de", "english": "en"}.items():
            for split in ("train", "val"):
                t = (xlmt / folder / f"{split}_text.txt").read_text(encoding="utf-8").splitlines()
                y = [names[int(v)] for v in (xlmt / folder / f"{split}_labels.txt").read_text().split()]
                texts += t
                langs += [code] * len(t)
                gold += y
        evaluate("xlm_t (fr+de+en)", texts, langs, np.array(gold, dtype=object), 3_000, rows)
    if not rows:
        print(f"{SHARED} holds neither corpus: nothing to evaluate")
        return 0
    write_rows(rows, args.out)
    return 0


if __name__ == "__main__":
    sys.exit(main())
