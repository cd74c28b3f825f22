"""Sentiment on real labelled data (../shared/data, measuring only): routes, quantification, the review loop.

    .venv/bin/python -m bench.eval_sentiment            # writes bench/results/eval_sentiment.{json,md}

1. Routes: macro-F1 x 100 of each model on the XLM-T val splits (fr, de, en), with its raw net sentiment.
2. Quantification without labels: net sentiment by cc / pcc / acc / pacc / emq (calibration: the shipped
   head's held-out errors on its own English training corpus) at the natural mix and at resampled mixes of
   20 / 40 / 60 % negative; airline tweets' negative share. With a review: the corrected-shares estimator
   on a stratified sample of 200 posts of the corpus itself.
3. Review loop: train_head(base=shipped) on 50..800 labels of the train split, random vs
   :func:`kit.tl.review_choose.choose_sample`, 3 seeds, macro-F1 on val; width of the corrected interval.
4. ``--only adapt``: label-free adaptation to the corpus at hand (head-e5 as a teacher on a sample, self-training).

Nothing here is shipped or used to train shipped weights. Embeddings: bench/_sentiment_data.py (batched, kept
in /tmp/kit-bench/sentiment).
"""

from __future__ import annotations

import json
import sys
import time
from pathlib import Path

import numpy as np
import pandas as pd

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from bench._sentiment_data import LANGS, NAMES, airline, embed, vader_corpus, xlmt  # noqa: E402
from kit._stats import macro_f1  # noqa: E402
from kit.tl import quantify as Q  # noqa: E402
from kit.tl.corrected_shares import corrected_shares  # noqa: E402
from kit.tl.review_choose import choose_sample  # noqa: E402
from kit.tl.review_sample import draw_sample  # noqa: E402
from kit.tl.sentiment import get_model  # noqa: E402
from kit.tl.sentiment_head import HeadModel, balanced_weights, fit_softmax, train_head  # noqa: E402

OUT = Path(__file__).resolve().parent / "results"
SIZES = (50, 100, 200, 400, 800)
SEEDS = (0, 1, 2)


def f1(y, P) -> float:
    return round(100 * macro_f1(y, np.asarray(P).argmax(axis=1), classes=[0, 1, 2]), 1)


def heldout_calibration(head: HeadModel) -> Q.Calibration:
    """The shipped head's procedure refitted on 80 % of its corpus (seed 0, as train_sentiment) and scored on the rest."""
    from kit.tl.lexicons import lexicon_compound, lexicon_features
    from kit.tl.train_sentiment import labels_from_ratings

    texts, ratings, src = vader_corpus()
    E = embed(texts, name="vader")
    y = labels_from_ratings(ratings, 0.5)
    rng = np.random.RandomState(0)
    held = np.zeros(len(y), dtype=bool)
    for key in ("tweets", "nyt"):
        idx = np.flatnonzero(src == key)
        held[rng.choice(idx, int(round(0.2 * len(idx))), replace=False)] = True
    comp = lexicon_compound(texts, ["en"] * len(texts))
    names = ("compound", "pos_hit", "neg_hit")
    dropped = np.where(rng.rand(len(y)) < 0.3, 0.0, comp)
    Xtr = np.hstack([E, lexicon_features(dropped, names)])
    Xev = np.hstack([E, lexicon_features(comp, names)])
    coef, b = fit_softmax(Xtr[~held], y[~held], C=1.0, sample_weight=balanced_weights(y[~held]))
    P = HeadModel(coef, b, embedder="use", lexicon_features=names).predict_proba_features(Xev[held])
    return Q.calibration_from_labels(
        y[held],
        P,
        source=f"the head's procedure refitted on 80 % of its English training corpus, {held.sum()} held-out texts",
    )


def lexicon_probs(head: HeadModel, X: np.ndarray) -> np.ndarray:
    """The lexicon alone as probabilities: compound c -> (neg, neu, pos) = ((-c)+, 1 - |c|, c+)."""
    c = X[:, X.shape[1] - head._extra]  # the lexicon's compound, first feature after the embedding
    return np.column_stack([np.clip(-c, 0, 1), 1 - np.abs(c), np.clip(c, 0, 1)]) + 1e-6


def routes(head, data, rows):
    for lang in LANGS:
        t, y, E, X = data[lang]["val"]
        P = head.predict_proba_features(X)
        X0 = X.copy()
        X0[:, X.shape[1] - head._extra : X.shape[1] - len(head.intent_cues)] = 0
        L = lexicon_probs(head, X)
        found = {
            "head (shipped default)": P,
            "head without lexicon features": head.predict_proba_features(X0),
            "lexicon alone": L,
            "ensemble: mean of head and lexicon probabilities": (P + L / L.sum(1, keepdims=True)) / 2,
        }
        for name, probs in found.items():
            rows.append(
                {
                    "section": "routes",
                    "route": name,
                    "lang": lang,
                    "macro_f1": f1(y, probs),
                    "raw_net": round(float(Q.net(Q.shares(probs, method="cc"))), 3),
                    "true_net": round(float(Q.net(np.bincount(y, minlength=3) / len(y))), 3),
                }
            )
        tt, yt, Et, Xt = data[lang]["train"]
        for C in (1.0,):
            h = train_head(tt, yt, base=head, langs=[lang] * len(tt), embeddings=Et, C=C, cache=False)
            rows.append(
                {
                    "section": "routes",
                    "route": f"train_head(base=shipped) on the full train split ({len(tt)} labels)",
                    "lang": lang,
                    "macro_f1": f1(y, h.predict_proba_features(X)),
                }
            )


def other_head(head, name, data, rows):
    """Another shipped head (``head-e5``): macro-F1 and raw net on XLM-T val, raw negative share of the airline tweets."""
    for lang in LANGS:
        t, y, E, X = data[lang]["val"]
        P = head.predict_proba_features(X)
        rows.append(
            {
                "section": "routes",
                "route": name,
                "lang": lang,
                "macro_f1": f1(y, P),
                "raw_net": round(float(Q.net(Q.shares(P, method="cc"))), 3),
                "true_net": 0.0,
            }
        )
    t, y, air = airline()
    X = head.features(t, ["en"] * len(t), embeddings=embed(t, head.embedder_spec, name="airline"))
    P = head.predict_proba_features(X)
    rows.append(
        {
            "section": "airline",
            "truth_negative": round(float((y == 0).mean()), 3),
            "cc": round(float(Q.shares(P, method="cc")[0]), 3),
            "macro_f1": f1(y, P),
        }
    )


def resample(y, neg, n, rng):
    """Indices of a sample of ``n`` posts with a share ``neg`` negative, the rest neutral and positive alike."""
    counts = [int(round(neg * n)), int(round((1 - neg) * n / 2))]
    counts.append(n - sum(counts))
    return np.concatenate([rng.choice(np.flatnonzero(y == c), k, replace=True) for c, k in enumerate(counts)])


def quantification(head, cal, data, rows):
    methods = ("cc", "pcc", "acc", "pacc", "emq")
    for lang in LANGS:
        for split in ("val", "train"):
            t, y, E, X = data[lang][split]
            P = head.predict_proba_features(X)
            truth = float(Q.net(np.bincount(y, minlength=3) / len(y)))
            est = {m: float(Q.net(Q.shares(P, method=m, calibration=cal))) for m in methods}
            rows.append(
                {
                    "section": "quant",
                    "lang": lang,
                    "mix": f"natural ({split})",
                    "truth": round(truth, 3),
                    **{m: round(v - truth, 3) for m, v in est.items()},
                }
            )
            if split != "val":
                continue
            rng = np.random.default_rng(0)
            for neg in (0.2, 0.4, 0.6):
                errs = {m: [] for m in methods}
                truths = []
                for _ in range(20):
                    idx = resample(y, neg, 300, rng)
                    tr = float(Q.net(np.bincount(y[idx], minlength=3) / len(idx)))
                    truths.append(tr)
                    for m in methods:
                        errs[m].append(float(Q.net(Q.shares(P[idx], method=m, calibration=cal))) - tr)
                rows.append(
                    {
                        "section": "quant",
                        "lang": lang,
                        "mix": f"{int(neg * 100)} % negative (val, 20 x 300)",
                        "truth": round(float(np.mean(truths)), 3),
                        **{m: round(float(np.mean(errs[m])), 3) for m in methods},
                    }
                )
        # with a review of 200 posts of the corpus itself (train split as the corpus)
        t, y, E, X = data[lang]["train"]
        P = head.predict_proba_features(X)
        posts = frame(t, lang, P)
        posts["gold"] = NAMES[y]
        truth = float(Q.net(np.bincount(y, minlength=3) / len(y)))
        for n in SIZES:
            errs, cover, width = [], [], []
            for seed in SEEDS:
                s = draw_sample(posts, n, strata=("sentiment", "confidence_band"), seed=seed)
                r = pd.DataFrame({"post_id": s["post_id"], "weight": s["weight"], "label_gold": s["gold"]})
                out = corrected_shares(posts, r, n_boot=400, seed=seed).set_index("measure").loc["net_sentiment"]
                errs.append(out["corrected"] - truth)
                cover.append(out["ci_low"] <= truth <= out["ci_high"])
                width.append(out["ci_high"] - out["ci_low"])
            rows.append(
                {
                    "section": "review_quant",
                    "lang": lang,
                    "n": n,
                    "truth": round(truth, 3),
                    "raw_error": round(float(Q.net(Q.shares(P, method="cc"))) - truth, 3),
                    "mean_abs_error": round(float(np.mean(np.abs(errs))), 3),
                    "covered": f"{sum(cover)}/{len(cover)}",
                    "mean_width": round(float(np.mean(width)), 3),
                }
            )
    t, y, air = airline()
    E = embed(t, name="airline")
    X = head.features(t, ["en"] * len(t), embeddings=E)
    P = head.predict_proba_features(X)
    truth = float((y == 0).mean())
    rows.append(
        {
            "section": "airline",
            "truth_negative": round(truth, 3),
            "macro_f1": f1(y, P),
            **{m: round(float(Q.shares(P, method=m, calibration=cal)[0]), 3) for m in methods},
        }
    )
    posts = frame(t, "en", P)
    posts["gold"] = NAMES[y]
    s = draw_sample(posts, 200, strata=("sentiment", "confidence_band"), seed=0)
    r = pd.DataFrame({"post_id": s["post_id"], "weight": s["weight"], "label_gold": s["gold"]})
    out = corrected_shares(posts, r, n_boot=400).set_index("measure").loc["negative"]
    rows.append(
        {
            "section": "airline",
            "truth_negative": round(truth, 3),
            "review 200": round(float(out["corrected"]), 3),
            "ci": [round(float(out["ci_low"]), 3), round(float(out["ci_high"]), 3)],
        }
    )


def frame(texts, lang, P) -> pd.DataFrame:
    return pd.DataFrame(
        {
            "post_id": [str(i) for i in range(len(texts))],
            "text": texts,
            "lang": lang,
            "sentiment": NAMES[P.argmax(1)],
            "confidence": P.max(1),
            "p_negative": P[:, 0],
            "p_neutral": P[:, 1],
            "p_positive": P[:, 2],
        }
    )


def learning_curve(head, data, rows):
    for lang in LANGS:
        tt, yt, Et, Xt = data[lang]["train"]
        tv, yv, Ev, Xv = data[lang]["val"]
        posts = frame(tt, lang, head.predict_proba_features(Xt))
        for n in SIZES:
            for how in ("random", "chosen"):
                scores = []
                for seed in SEEDS:
                    if how == "random":
                        idx = np.random.default_rng(seed).choice(len(tt), n, replace=False)
                    else:
                        s = choose_sample(posts, n, embeddings=Et, strata=("sentiment", "confidence_band"), seed=seed)
                        idx = s["post_id"].astype(int).to_numpy()
                    h = train_head(
                        [tt[i] for i in idx],
                        yt[idx],
                        base=head,
                        langs=[lang] * len(idx),
                        embeddings=Et[idx],
                        cache=False,
                    )
                    scores.append(f1(yv, h.predict_proba_features(Xv)))
                rows.append(
                    {
                        "section": "loop",
                        "lang": lang,
                        "n": n,
                        "sample": how,
                        "f1_seeds": scores,
                        "f1_mean": round(float(np.mean(scores)), 1),
                    }
                )
                print(rows[-1], flush=True)


def _student(head, texts, labels, lang, E):
    """The shipped head adapted (train_head, C = 1) to labels given by a model, not by people."""
    return train_head(texts, labels, base=head, langs=[lang] * len(texts), embeddings=E, cache=False)


def corpus_adaptation(head, data, rows):
    """Label-free adaptation to the corpus at hand, measured: no label of the corpus is used.

    *e5 teacher* (the issue's "second encoder with a fast path"): head-e5 scores n posts of the train split,
    the shipped head is adapted to its labels, then scores every post. *self-training*: the shipped head is
    adapted to its own most confident 60 % (per predicted class), or to the most confident 20 % of the
    corpus in each class (which assumes equal shares: a check, not a product route). Scored on val and on the
    train posts the teacher did not see (3 seeds); airline tweets: a teacher sample of 1,000 and 3,000.
    """
    teacher = get_model("head-e5")
    for lang in LANGS:
        tt, yt, Et, Xt = data[lang]["train"]
        tv, yv, Ev, Xv = data[lang]["val"]
        Pe = teacher.predict_proba_features(
            teacher.features(tt, [lang] * len(tt), embeddings=embed(tt, "e5", name=f"xlmt_{lang}_train"))
        )
        P0 = head.predict_proba_features(Xt)
        conf, pred = P0.max(1), P0.argmax(1)
        ways = {"shipped head, as is": None}
        for n in (500, 1000):
            ways[f"e5 teacher on {n} posts"] = n
        ways["self-training, confident 60 % per class"] = "self"
        ways["self-training, 20 % of the corpus per class (assumes equal shares)"] = "equal"
        for route, how in ways.items():
            out = []
            for seed in SEEDS if isinstance(how, int) else (0,):
                if how is None:
                    h, rest = head, np.arange(len(tt))
                elif isinstance(how, int):
                    idx = np.random.default_rng(seed).permutation(len(tt))[:how]
                    rest = np.setdiff1d(np.arange(len(tt)), idx)
                    h = _student(head, [tt[i] for i in idx], Pe[idx].argmax(1), lang, Et[idx])
                else:
                    idx = []
                    for k in range(3):
                        m = np.flatnonzero(pred == k)
                        take = int(0.6 * len(m)) if how == "self" else int(0.2 * len(tt))
                        idx += list(m[np.argsort(-conf[m])[:take]])
                    idx, rest = np.array(idx), np.arange(len(tt))
                    h = _student(head, [tt[i] for i in idx], pred[idx], lang, Et[idx])
                pv, pt = h.predict_proba_features(Xv), h.predict_proba_features(Xt)
                out.append(
                    [
                        f1(yv, pv),
                        Q.net(Q.shares(pv, method="cc")),
                        f1(yt[rest], pt[rest]),
                        Q.net(Q.shares(pt, method="cc")),
                    ]
                )
            m = np.mean(out, axis=0)
            rows.append(
                {
                    "section": "adapt",
                    "lang": lang,
                    "route": route,
                    "val_f1": round(float(m[0]), 1),
                    "val_net": round(float(m[1]), 3),
                    "train_f1": round(float(m[2]), 1),
                    "train_net": round(float(m[3]), 3),
                }
            )
            print(rows[-1], flush=True)
    t, y, air = airline()
    Eu = embed(t, head.embedder_spec, name="airline")
    X = head.features(t, ["en"] * len(t), embeddings=Eu)
    Pe = teacher.predict_proba_features(teacher.features(t, ["en"] * len(t), embeddings=embed(t, "e5", name="airline")))
    for n in (0, 1000, 3000):
        if n:
            idx = np.random.default_rng(0).permutation(len(t))[:n]
            h = _student(head, [t[i] for i in idx], Pe[idx].argmax(1), "en", Eu[idx])
        else:
            h = head
        p = h.predict_proba_features(X).argmax(1)
        rows.append(
            {
                "section": "adapt_airline",
                "route": f"e5 teacher on {n} posts" if n else "shipped head, as is",
                "macro_f1": f1(y, np.eye(3)[p]),
                "negative_share": round(float(np.mean(p == 0)), 3),
                "labels_negative": round(float(np.mean(y == 0)), 3),
                **{
                    a: round(float(Q.net(np.bincount(p[air == a], minlength=3) / (air == a).sum())), 2)
                    for a in sorted(set(air))
                },
            }
        )
        print(rows[-1], flush=True)


def markdown(rows) -> str:
    out = ["# Sentiment on real labelled data (bench/eval_sentiment.py)", ""]
    df = pd.DataFrame(rows)
    r = df[df.section == "routes"]
    if len(r):
        out += [
            "## Routes: macro-F1 x 100 on XLM-T val (raw net sentiment; true net 0.0)",
            "",
            "| route | fr | de | en |",
            "|---|---|---|---|",
        ]
        for route, g in r.groupby("route", sort=False):
            g = g.set_index("lang")

            def cell(lang, g=g):
                raw = g.loc[lang].get("raw_net", np.nan)
                return f"{g.loc[lang, 'macro_f1']:.1f}" + (f" ({raw:+.2f})" if pd.notna(raw) else "")

            out.append(f"| {route} | {cell('fr')} | {cell('de')} | {cell('en')} |")
    q = df[df.section == "quant"]
    if len(q):
        out += [
            "",
            "## Quantification without labels: error of the estimated net sentiment (estimate - truth)",
            "",
            "| lang | mix | truth | cc (raw) | pcc | acc | pacc | emq |",
            "|---|---|---|---|---|---|---|---|",
        ]
        for _, x in q.iterrows():
            out.append(
                f"| {x['lang']} | {x['mix']} | {x['truth']:+.3f} | {x['cc']:+.3f} | {x['pcc']:+.3f} | "
                f"{x['acc']:+.3f} | {x['pacc']:+.3f} | {x['emq']:+.3f} |"
            )
    rq = df[df.section == "review_quant"]
    if len(rq):
        out += [
            "",
            "## With a review: corrected net sentiment of the train split from n reviewed posts (3 seeds)",
            "",
            "| lang | n | truth | raw error | mean abs error | interval covers truth | mean 95 % width |",
            "|---|---|---|---|---|---|---|",
        ]
        for _, x in rq.iterrows():
            out.append(
                f"| {x['lang']} | {x['n']} | {x['truth']:+.3f} | {x['raw_error']:+.3f} | {x['mean_abs_error']:.3f} "
                f"| {x['covered']} | {x['mean_width']:.3f} |"
            )
    a = df[df.section == "airline"]
    if len(a):
        out += [
            "",
            "## Airline tweets: negative share",
            "",
            "```",
            a.dropna(axis=1, how="all").to_string(index=False),
            "```",
        ]
    lc = df[df.section == "loop"]
    if len(lc):
        out += [
            "",
            "## Review loop: macro-F1 x 100 on val after train_head(base=shipped) on n train labels (mean of 3 seeds)",
            "",
            "| lang | sample | " + " | ".join(str(n) for n in SIZES) + " |",
            "|---|---|" + "---|" * len(SIZES),
        ]
        for (lang, how), g in lc.groupby(["lang", "sample"], sort=False):
            g = g.set_index("n")
            out.append(
                f"| {lang} | {how} | " + " | ".join(f"{g.loc[n, 'f1_mean']:.1f}" for n in SIZES if n in g.index) + " |"
            )
    ad = df[df.section == "adapt"]
    if len(ad):
        out += [
            "",
            "## Label-free adaptation to the corpus: macro-F1 x 100 (raw net, truth 0) on val and on the train posts not used",
            "",
            "| route | fr val | fr train | de val | de train | en val | en train |",
            "|---|---|---|---|---|---|---|",
        ]
        for route, g in ad.groupby("route", sort=False):
            g = g.set_index("lang")
            cells = [
                f"{g.loc[lang, s + '_f1']:.1f} ({g.loc[lang, s + '_net']:+.2f})"
                for lang in LANGS
                for s in ("val", "train")
            ]
            out.append(f"| {route} | " + " | ".join(cells) + " |")
    aa = df[df.section == "adapt_airline"]
    if len(aa):
        out += [
            "",
            "Airline tweets (negative share found, and labelled):",
            "",
            "```",
            aa.dropna(axis=1, how="all").drop(columns="section").to_string(index=False),
            "```",
        ]
    return "\n".join(out) + "\n"


def write_measured(rows: list[dict], name: str = "head") -> None:
    """Put the raw bias measured on real data (XLM-T val, airline) into the shipped head's metadata, for the reports."""
    from kit.tl.sentiment_head import DEFAULT_HEAD, E5_HEAD

    path = (DEFAULT_HEAD if name == "head" else E5_HEAD).with_suffix(".json")
    meta = json.loads(path.read_text(encoding="utf-8"))
    route = "head (shipped default)" if name == "head" else name
    shipped = [r for r in rows if r.get("section") == "routes" and r["route"] == route]
    air = [r for r in rows if r.get("section") == "airline" and "cc" in r]
    meta["measured_on_real_data"] = {
        "data": "XLM-T validation tweets, 324 a language, a third of each class; bench/eval_sentiment.py",
        "rows": [
            {"lang": r["lang"], "raw_net": r["raw_net"], "true_net": r["true_net"], "macro_f1": r["macro_f1"]}
            for r in shipped
        ],
        "airline_negative_share": {"raw": air[0]["cc"], "labels": air[0]["truth_negative"]} if air else None,
    }
    path.write_text(json.dumps(meta, indent=1, ensure_ascii=False) + "\n", encoding="utf-8")
    print(f"wrote measured_on_real_data into {path}")


def main(argv=None) -> int:
    import argparse

    parser = argparse.ArgumentParser()
    parser.add_argument("--only", default="routes,quant,loop")
    parser.add_argument(
        "--write-model", action="store_true", help="store the measured raw bias in the shipped head's JSON"
    )
    parser.add_argument(
        "--head",
        default="head",
        help="head or head-e5 (the e5 head: routes, the airline tweets' raw shares and, with --only loop, the loop)",
    )
    args = parser.parse_args(argv)
    t0 = time.time()
    head = get_model(args.head)
    emb = head.embedder_spec
    data = {}
    for lang in LANGS:
        data[lang] = {}
        for split in ("val", "train"):
            t, y = xlmt(lang, split)
            E = embed(t, emb, name=f"xlmt_{lang}_{split}")
            data[lang][split] = (t, y, E, head.features(t, [lang] * len(t), embeddings=E))
    rows: list[dict] = []
    only = args.only.split(",")
    if args.head != "head":
        other_head(head, args.head, data, rows)
        only = ["routes", args.head] + (["loop"] if "loop" in only else [])
    elif "routes" in only:
        routes(head, data, rows)
    if "quant" in only and args.head == "head":
        cal = heldout_calibration(head)
        rows.append({"section": "calibration", "hard": cal.hard.tolist(), "source": cal.source})
        quantification(head, cal, data, rows)
    if "loop" in only:
        learning_curve(head, data, rows)
    if "adapt" in only and args.head == "head":
        corpus_adaptation(head, data, rows)
    if args.write_model:
        write_measured(rows, args.head)
    OUT.mkdir(parents=True, exist_ok=True)
    name = (
        "eval_sentiment"
        if only == ["routes", "quant", "loop"]
        else "eval_sentiment_" + "_".join(only).replace("-", "_")
    )
    (OUT / f"{name}.json").write_text(json.dumps(rows, indent=1, default=float), encoding="utf-8")
    (OUT / f"{name}.md").write_text(markdown(rows), encoding="utf-8")
    print(markdown(rows))
    print(f"{time.time() - t0:.0f} s; written {OUT / name}.json and .md")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
