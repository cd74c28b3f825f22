"""How far the static embedder (kit.tl.static_embed) agrees with the USE it is distilled from.

    .venv/bin/python -m bench.eval_static                 # every part, writes bench/results/eval_static.{json,md}
    .venv/bin/python -m bench.eval_static --only retrieval,speed

Parts:

- ``speed``: posts a second of each embedder on the sample's distinct texts (static: first pass, which
  tokenises every new word, then again with its word cache; USE: grouped encoding, as the kit runs it).
- ``retrieval``: cross-lingual retrieval of translations. The pairs are the sample generator's own
  parallel fragments (``kit/datasets/_banks_public.py``, written by the project in English, French and
  German): questions, requests, news lines, and a subject with a predicate. For each sentence in one
  language, is its translation the most similar of all sentences in the other language (accuracy@1)?
- ``topics``: ``kit.tl.topics.fit`` on the same posts with USE vectors and with static vectors (same
  seed and settings); NMI between the two assignments, and with the sample's planted topic. Corpora: the
  sample's posts (10,000 of them) and ../shared/data/french_media_twitter (when present).
- ``sentiment``: a balanced logistic head trained on the embeddings of the human-rated corpus the
  shipped head is trained on (Hutto & Gilbert 2014, from the vaderSentiment 3.3.2 source archive; see
  ``kit/tl/train_sentiment.py``), once on USE vectors and once on static vectors, with no lexicon
  features; macro-F1 on the validation splits of XLM-T (../shared/data/xlm_t_sentiment: French, German,
  English tweets), next to the shipped head (USE and lexicon features).

Nothing from ../shared/data is written into the project; parts that need it are skipped without it.
"""

from __future__ import annotations

import argparse
import json
import os
import random
import time
from pathlib import Path

import numpy as np
import pandas as pd

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared" / "data"
RESULTS = ROOT / "bench" / "results"
PARTS = ("speed", "retrieval", "topics", "sentiment")


def _load() -> str:
    return " ".join(f"{x:.1f}" for x in os.getloadavg())


def _embedders(cache: Path | None = None):
    """USE (its vectors kept in ``cache`` between runs of this script) and the static embedder."""
    from kit.tl.embed import CachedEmbedder, USEEmbedder
    from kit.tl.static_embed import StaticEmbedder

    use = USEEmbedder()
    return {"use": CachedEmbedder(use, cache) if cache else use, "static": StaticEmbedder()}


def _sample_texts() -> list[str]:
    posts = pd.read_parquet(ROOT / "data" / "sample" / "posts.parquet", columns=["text"])
    return posts["text"].fillna("").astype(str).drop_duplicates().tolist()


def translation_triples(seed: int = 0) -> list[tuple[str, str, str]]:
    """(en, fr, de) sentences from the generator's parallel fragments, each distinct in all three."""
    from kit.datasets._banks_public import PUBLIC

    rng = random.Random(seed)

    def fill(s: str) -> str:
        return s.replace("{b}", "Voltaria").replace("{n}", "12").replace("{prod}", "Voltaria Pass")

    out = []
    for _, bank in sorted(PUBLIC.items()):
        for kind in ("q", "req", "news"):
            out += [tuple(fill(s) for s in x) for x in bank.get(kind, [])]
        for subj in bank.get("subj", []):
            for kind in ("neg", "pos"):
                if bank.get(kind):
                    pred = rng.choice(bank[kind])
                    out.append(tuple(fill(f"{a} {b}") for a, b in zip(subj, pred)))
    seen, kept = set(), []
    for t in out:
        if len(set(t)) == 3 and "{" not in "".join(t) and t not in seen:
            seen.add(t)
            kept.append(t)
    return kept


def part_speed(models) -> dict:
    texts = _sample_texts()
    out = {}
    for name, model in models.items():
        model = getattr(model, "inner", model)  # speed without the cache
        model.embed(texts[:64])  # load, warm up
        n = len(texts) if name == "static" else min(len(texts), 3000)
        start = time.perf_counter()
        model.embed(texts[:n])
        first = time.perf_counter() - start
        row = {"n": n, "posts_per_second": n / first, "load": _load()}
        if name == "static":
            start = time.perf_counter()
            model.embed(texts[:n])
            row["posts_per_second_warm_word_cache"] = n / (time.perf_counter() - start)
        out[name] = row
        print(name, row, flush=True)
    return out


def part_retrieval(models) -> dict:
    triples = translation_triples()
    langs = ("en", "fr", "de")
    out = {"pairs": len(triples)}
    for name, model in models.items():
        vecs = {lang: model.embed([t[i] for t in triples]) for i, lang in enumerate(langs)}
        row = {}
        for a, b in (("en", "fr"), ("en", "de"), ("fr", "de"), ("fr", "en"), ("de", "en"), ("de", "fr")):
            hits = (vecs[a] @ vecs[b].T).argmax(axis=1) == np.arange(len(triples))
            row[f"{a}->{b}"] = float(hits.mean())
        row["mean"] = float(np.mean(list(row.values())))
        out[name] = row
        print(name, row, flush=True)
    return out


def _topics(posts: pd.DataFrame, vectors: np.ndarray) -> np.ndarray:
    from kit.tl import topics

    result = topics.fit(posts, vectors, seed=0, n_epochs=200, cache=False, strict=False)
    return result.assignments["topic"].to_numpy()


def part_topics(models, n: int = 10_000, only: list[str] | None = None, previous: dict | None = None) -> dict:
    from sklearn.metrics import normalized_mutual_info_score as nmi

    from kit import pp

    corpora = {}
    sample = pd.read_parquet(ROOT / "data" / "sample" / "posts.parquet")
    sample = sample[sample["text"].fillna("").str.strip() != ""]
    corpora["sample"] = sample.sample(min(n, len(sample)), random_state=0).reset_index(drop=True)
    fm = SHARED / "french_media_twitter" / "tweets.csv"
    if fm.exists():
        tweets = pd.read_csv(fm)
        tweets = tweets[tweets["text"].fillna("").str.strip() != ""].drop_duplicates("text")
        corpora["french_media_twitter"] = pd.DataFrame(
            {"post_id": tweets["id_tweet"].astype(str).to_numpy(), "text": tweets["text"].astype(str).to_numpy()}
        ).head(n)
        corpora["french_media_twitter"]["lang"] = pd.NA  # detected below
    out = dict(previous or {})
    for cname, posts in corpora.items():
        if only and cname not in only:
            continue
        if posts["lang"].isna().all():
            posts = pp.detect_language(posts, languages=["fr", "de", "en"])
        labels, row = {}, {"n": len(posts)}
        for name, model in models.items():
            start = time.perf_counter()
            labels[name] = _topics(posts, model.embed(posts["text"].fillna("").astype(str).tolist()))
            row[f"topics_{name}"] = int(len(set(labels[name].tolist()) - {-1}))
            row[f"outliers_{name}"] = float((labels[name] == -1).mean())
            row[f"seconds_{name}"] = time.perf_counter() - start
        row["nmi_use_static"] = float(nmi(labels["use"], labels["static"]))
        if "x_true_topic" in posts.columns:
            truth = posts["x_true_topic"].astype(str)
            for name in models:
                row[f"nmi_planted_{name}"] = float(nmi(truth, labels[name]))
        row["load"] = _load()
        out[cname] = row
        print(cname, row, flush=True)
    return out


def _xlmt() -> dict[str, tuple[list[str], np.ndarray]]:
    out = {}
    for lang, folder in (("fr", "french"), ("de", "german"), ("en", "english")):
        base = SHARED / "xlm_t_sentiment" / folder
        if (base / "val_text.txt").exists():
            texts = (base / "val_text.txt").read_text(encoding="utf-8").splitlines()
            gold = np.array([int(x) for x in (base / "val_labels.txt").read_text().split()])
            out[lang] = (texts, gold)
    return out


def part_sentiment(models, corpus: str | None = None) -> dict:
    from sklearn.linear_model import LogisticRegression

    from kit._stats import macro_f1
    from kit.io.rated_corpus import read_corpus
    from kit.tl import sentiment
    from kit.tl.train_sentiment import labels_from_ratings

    val = _xlmt()
    if not val:
        return {"skipped": "../shared/data/xlm_t_sentiment not found"}
    archive = Path(corpus) if corpus else next(iter(sorted(Path("/tmp/kit-bench/sentiment").glob("*.tar.gz"))), None)
    if archive is None or not archive.exists():
        return {"skipped": "no vaderSentiment-3.3.2.tar.gz (pass --corpus, or pip download it)"}
    files, _ = read_corpus(archive)
    rows = [r for name in ("tweets", "nyt") for r in files[name]]  # the shipped head's training files
    ratings = np.array([r[0] for r in rows])
    texts = [r[1] for r in rows]
    y = labels_from_ratings(ratings, 0.5)
    names = ["negative", "neutral", "positive"]
    out = {"train_n": len(texts)}
    for name, model in models.items():
        head = LogisticRegression(C=1.0, class_weight="balanced", max_iter=2000).fit(model.embed(texts), y)
        row = {}
        for lang, (vtexts, gold) in val.items():
            pred = head.predict(model.embed(vtexts))  # 0 / 1 / 2 as XLM-T's labels
            row[lang] = float(macro_f1([names[g] for g in gold], [names[p] for p in pred], classes=names))
        row["mean"] = float(np.mean([row[k] for k in val]))
        out[f"head on {name} vectors"] = row
        print(name, row, flush=True)
    row = {}
    for lang, (vtexts, gold) in val.items():
        scored = sentiment.score(pd.DataFrame({"text": vtexts, "lang": lang}), model="head")
        row[lang] = float(macro_f1([names[g] for g in gold], scored["sentiment"].tolist(), classes=names))
    row["mean"] = float(np.mean([row[k] for k in val]))
    out["shipped head (use + lexicon)"] = row
    print("shipped", row, flush=True)
    out["load"] = _load()
    return out


def write(results: dict) -> None:
    RESULTS.mkdir(parents=True, exist_ok=True)
    path = RESULTS / "eval_static.json"
    old = json.loads(path.read_text()) if path.exists() else {}
    old.update(results)
    path.write_text(json.dumps(old, indent=1, default=str))
    r = old
    lines = ["# Static embedder (kit.tl.static_embed) against USE", ""]
    if "commit" in r:
        lines.append(f"commit {r['commit']}; load average (1, 5, 15 min) beside each part.\n")
    if "speed" in r:
        lines += [
            "## Speed (posts a second, 2 shared cores)",
            "",
            "| embedder | posts | posts/s | load |",
            "|---|---|---|---|",
        ]
        for k, v in r["speed"].items():
            warm = (
                f" ({v['posts_per_second_warm_word_cache']:,.0f} with its word cache)"
                if "posts_per_second_warm_word_cache" in v
                else ""
            )
            lines.append(f"| {k} | {v['n']:,} | {v['posts_per_second']:,.0f}{warm} | {v['load']} |")
        lines.append("")
    if "retrieval" in r:
        rr = r["retrieval"]
        keys = [k for k in rr["use"] if k != "mean"]
        lines += [f"## Translation retrieval, accuracy@1 ({rr['pairs']} parallel sentences)", ""]
        lines += ["| embedder | " + " | ".join(keys) + " | mean |", "|---" * (len(keys) + 2) + "|"]
        for name in ("use", "static"):
            lines.append(
                f"| {name} | " + " | ".join(f"{rr[name][k]:.3f}" for k in keys) + f" | {rr[name]['mean']:.3f} |"
            )
        lines.append("")
    if "topics" in r:
        lines += ["## Topics (kit.tl.topics.fit, seed 0): NMI", ""]
        lines += [
            "| corpus | posts | topics USE / static | NMI USE vs static | NMI planted USE / static | load |",
            "|---|---|---|---|---|---|",
        ]
        for c, v in r["topics"].items():
            planted = f"{v['nmi_planted_use']:.3f} / {v['nmi_planted_static']:.3f}" if "nmi_planted_use" in v else "-"
            lines.append(
                f"| {c} | {v['n']:,} | {v['topics_use']} / {v['topics_static']} | {v['nmi_use_static']:.3f} | {planted} | {v['load']} |"
            )
        lines.append("")
    if "sentiment" in r and "skipped" not in r["sentiment"]:
        s = r["sentiment"]
        langs = [k for k in s["shipped head (use + lexicon)"] if k != "mean"]
        lines += [
            f"## Sentiment: macro-F1 on XLM-T validation splits (heads trained on {s['train_n']:,} rated texts)",
            "",
        ]
        lines += ["| head | " + " | ".join(langs) + " | mean |", "|---" * (len(langs) + 2) + "|"]
        for k, v in s.items():
            if isinstance(v, dict):
                lines.append(f"| {k} | " + " | ".join(f"{v[x]:.3f}" for x in langs) + f" | {v['mean']:.3f} |")
        lines.append("")
    (RESULTS / "eval_static.md").write_text("\n".join(lines))
    print("\n".join(lines))


def main(argv=None) -> int:
    p = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    p.add_argument("--only", default=",".join(PARTS))
    p.add_argument("--corpus", default=None, help="vaderSentiment-3.3.2.tar.gz (sentiment part)")
    p.add_argument("--topic-posts", type=int, default=10_000)
    p.add_argument(
        "--topic-corpora",
        type=lambda v: v.split(","),
        default=None,
        help="only these corpora (others kept from the last run)",
    )
    p.add_argument(
        "--cache",
        default="/tmp/kit-bench/eval-static-cache",
        help="where USE vectors are kept between runs ('' for none)",
    )
    args = p.parse_args(argv)
    import subprocess

    models = _embedders(Path(args.cache) if args.cache else None)
    commit = subprocess.run(
        ["git", "rev-parse", "--short", "HEAD"], cwd=ROOT, capture_output=True, text=True
    ).stdout.strip()
    for part in args.only.split(","):
        start = time.perf_counter()
        if part == "speed":
            res = part_speed(models)
        elif part == "retrieval":
            res = part_retrieval(models)
        elif part == "topics":
            prev = json.loads((RESULTS / "eval_static.json").read_text()).get("topics") if args.topic_corpora else None
            res = part_topics(models, n=args.topic_posts, only=args.topic_corpora, previous=prev)
        elif part == "sentiment":
            res = part_sentiment(models, args.corpus)
        else:
            raise SystemExit(f"unknown part {part!r}; choose from {', '.join(PARTS)}")
        write({part: res, "commit": commit, f"{part}_seconds": time.perf_counter() - start})
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
