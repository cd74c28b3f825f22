"""Evaluate the emotion models on real data: CrisisLex T26 and the airline tweets (../shared/data; skipped when absent).

    nice -n 5 .venv/bin/python bench/eval_emotion.py [--per-event 120] [--per-label 700] [--fast | --only-fast]
        [--out bench/results/eval_emotion.json]

Three models are compared: ``learnt`` (nade for English, the distilled head otherwise: ``auto`` without the
lexicons), ``keywords`` (the lexicons and emoji of :mod:`kit.tl.emotion_keywords` alone) and ``auto`` (the two
joined as a noisy-or, the kit's default). The dominant emotion is the highest score reaching 0.3, else "none".

- CrisisLex T26: ``--per-event`` related tweets drawn per event (seed 0), languages detected; the emotions found,
  the share of fear + sadness and of joy among posts with an emotion, the events where fear + sadness outnumber
  joy, the top emotions per human information type;
- airline tweets: ``--per-label`` tweets per human sentiment label (seed 0); the emotions found per label, how
  often the emotion's polarity (anger, disgust, fear, sadness vs joy, trust) matches the label on negative and
  positive tweets, the top emotions per complaint reason.

With ``--fast`` (``--only-fast``: that alone), what the ``fast`` model (:mod:`kit.tl.emotion_fast`, used by
``auto`` above 50,000 distinct texts) costs: on all related CrisisLex tweets and all airline tweets, the learnt
models read a seeded sample of the distinct texts (``--fast-sample``: a third of them, about the share 20,000 is
of the 69,101 distinct texts of 100,000 generated posts) and a student fitted on it scores the rest; on those
other posts, the student's dominant emotion is compared with the teacher's (agreement), and both are scored
against the human labels as above. Only the student is fitted on these data, and only to measure it.

Only scores and counts are written (no tweet text, id or handle). Nothing else is fitted on these data.
"""

from __future__ import annotations

import argparse
import glob
import json
from pathlib import Path

import numpy as np
import pandas as pd

from kit import pp
from kit.tl import emotion
from kit.tl.emotion import EMOTIONS

SHARED = Path(__file__).resolve().parents[2] / "shared" / "data"
NEG, POS = {"anger", "disgust", "fear", "sadness"}, {"joy", "trust"}


def _dominant(values: np.ndarray) -> np.ndarray:
    return np.where(values.max(1) >= 0.3, np.asarray(EMOTIONS, dtype=object)[values.argmax(1)], "none")


def variants(frame: pd.DataFrame) -> dict:
    texts, langs = frame["text"].astype(str).tolist(), frame["lang"].tolist()
    m = emotion.AutoEmotionModel(lexicon=False).scores(texts, langs).to_numpy()
    k = emotion.KeywordEmotionModel().scores(texts, langs).to_numpy()
    return {"learnt": _dominant(m), "keywords": _dominant(k), "auto": _dominant(1 - (1 - m) * (1 - k))}


def crisislex(per_event: int, *, models: bool = True) -> tuple[pd.DataFrame, dict]:
    rows = []
    for f in sorted(glob.glob(str(SHARED / "crisislex_t26" / "*" / "*-tweets_labeled.csv"))):
        d = pd.read_csv(f)
        d.columns = [c.strip() for c in d.columns]
        d = d[d["Informativeness"].str.startswith("Related")]
        d = d.sample(min(per_event, len(d)), random_state=0)
        d["event"] = Path(f).parent.name
        rows.append(d)
    cl = pd.concat(rows, ignore_index=True).rename(columns={"Tweet Text": "text"})
    frame = pd.DataFrame(
        {
            "post_id": [str(i) for i in range(len(cl))],
            "text": cl["text"],
            "lang": pd.Series([pd.NA] * len(cl), dtype="string"),
        }
    )
    cl["lang"] = pp.detect_language(frame, languages=["en"])["lang"].to_numpy()
    return cl, variants(cl) if models else {}


def crisislex_scores(cl: pd.DataFrame, found: np.ndarray) -> dict:
    cl = cl.assign(emotion=found)
    w = cl[cl["emotion"] != "none"]
    return {
        "with_emotion": round(len(w) / len(cl), 3),
        "among_with_emotion": w["emotion"].value_counts(normalize=True).round(3).to_dict(),
        "fear_sadness": round(float(w["emotion"].isin(["fear", "sadness"]).mean()), 3),
        "joy": round(float((w["emotion"] == "joy").mean()), 3),
        "events_fear_sadness_over_joy": int(
            sum(
                (g["emotion"].isin(["fear", "sadness"]).sum() > (g["emotion"] == "joy").sum())
                for _, g in cl.groupby("event")
            )
        ),
        "top_by_type": {
            t: g.loc[g["emotion"] != "none", "emotion"].value_counts().head(2).to_dict()
            for t, g in cl.groupby("Information Type")
        },
    }


def airline_scores(air: pd.DataFrame, found: np.ndarray) -> dict:
    air = air.assign(emotion=found)
    out = {}
    for label, g in air.groupby("airline_sentiment"):
        w = g[g["emotion"] != "none"]
        out[label] = {
            "with_emotion": round(len(w) / len(g), 3),
            "top": w["emotion"].value_counts(normalize=True).round(3).head(4).to_dict(),
            "negative_emotion": round(float(g["emotion"].isin(NEG).mean()), 3),
            "positive_emotion": round(float(g["emotion"].isin(POS).mean()), 3),
        }
    neg = air[air["airline_sentiment"] == "negative"]
    out["top_by_reason"] = {
        r: g.loc[g["emotion"] != "none", "emotion"].value_counts().head(2).to_dict()
        for r, g in neg.groupby("negativereason")
        if len(g) >= 30
    }
    pol = air[air["airline_sentiment"] != "neutral"]
    pred = np.where(pol["emotion"].isin(NEG), "negative", np.where(pol["emotion"].isin(POS), "positive", "none"))
    out["polarity_agreement"] = round(float((pred == pol["airline_sentiment"].to_numpy()).mean()), 3)
    return out


class _Known:
    """A teacher reading precomputed scores (the learnt models run once on every text)."""

    def __init__(self, name: str, table: dict):
        self.name, self.table = name, table

    def scores(self, texts, langs=None) -> pd.DataFrame:
        return pd.DataFrame([self.table[(t, la)] for t, la in zip(texts, langs)], columns=list(EMOTIONS))


def fast_cost(frame: pd.DataFrame, share: float, score) -> dict:
    """The fast model on ``frame`` (teacher on a seeded ``share`` of the distinct texts, student elsewhere):
    agreement with the teacher and ``score(subset, dominant)`` for both, on the posts the student scored."""
    from kit.tl.emotion_fast import FastEmotionModel, dominant

    texts, langs = frame["text"].astype(str).tolist(), frame["lang"].astype("string").fillna("und").tolist()
    keys = list(dict.fromkeys(zip(texts, langs)))  # distinct (text, lang), first-occurrence order
    u_texts, u_langs = [k[0] for k in keys], [k[1] for k in keys]
    learnt = emotion.AutoEmotionModel(lexicon=False)
    table = dict(zip(keys, learnt.scores(u_texts, u_langs).to_numpy()))
    k = emotion.KeywordEmotionModel().scores(u_texts, u_langs).to_numpy()
    teacher_all = 1 - (1 - np.array([table[key] for key in keys])) * (1 - k)
    sample = int(round(share * len(keys)))
    fast = FastEmotionModel(_Known(learnt.name, table), sample=sample)
    fast_all = fast.scores(u_texts, u_langs).to_numpy()
    from kit.tl.distil import sample_texts

    student_rows = np.setdiff1d(np.arange(len(keys)), sample_texts(u_texts, sample, 0))
    index = {key: i for i, key in enumerate(keys)}
    rows = np.array([index[key] for key in zip(texts, langs)])
    by_student = np.isin(rows, student_rows)
    sub = frame[by_student]
    t_dom, f_dom = dominant(teacher_all[rows[by_student]]), dominant(fast_all[rows[by_student]])
    return {
        "distinct_texts": len(keys),
        "teacher_sample": sample,
        "student_posts": int(by_student.sum()),
        "held_out_agreement": round(fast.last["agreement"], 3),
        "held_out_correlation": fast.last["correlation"],
        "agreement_on_student_posts": round(float(np.mean(t_dom == f_dom)), 3),
        "teacher": score(sub, t_dom),
        "fast": score(sub, f_dom),
    }


def fast_section(share: float) -> dict:
    """``fast_cost`` on all related CrisisLex tweets and all airline tweets."""
    cl, _ = crisislex(10**9, models=False)
    air = pd.read_csv(SHARED / "airline_tweets" / "Tweets.csv").assign(lang="en")
    return {
        "share": share,
        "crisislex": fast_cost(cl, share, crisislex_scores),
        "airline": fast_cost(air, share, airline_scores),
    }


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--per-event", type=int, default=120)
    parser.add_argument("--per-label", type=int, default=700)
    parser.add_argument("--out", default=str(Path(__file__).parent / "results" / "eval_emotion.json"))
    parser.add_argument("--fast", action="store_true", help="also measure the fast model (teacher sample + student)")
    parser.add_argument("--only-fast", action="store_true", help="only the fast model's section (kept with the rest)")
    parser.add_argument("--fast-sample", type=float, default=0.3, help="share of distinct texts the teacher reads")
    args = parser.parse_args(argv)
    if not (SHARED / "crisislex_t26").exists() or not (SHARED / "airline_tweets").exists():
        print(f"skipped: {SHARED} has no crisislex_t26 or airline_tweets")
        return 0
    if args.only_fast:
        out = Path(args.out)
        result = json.loads(out.read_text(encoding="utf-8")) if out.exists() else {}
        result["fast"] = fast_section(args.fast_sample)
        out.parent.mkdir(parents=True, exist_ok=True)
        out.write_text(json.dumps(result, indent=1, ensure_ascii=False), encoding="utf-8")
        print(json.dumps(result["fast"], indent=1, ensure_ascii=False))
        return 0
    cl, cl_found = crisislex(args.per_event)
    air = pd.read_csv(SHARED / "airline_tweets" / "Tweets.csv")
    air = air.groupby("airline_sentiment").sample(n=args.per_label, random_state=0).assign(lang="en")
    air_found = variants(air)
    result = {
        "crisislex_posts": len(cl),
        "crisislex_languages": cl["lang"].value_counts().head(6).to_dict(),
        "airline_posts": len(air),
        **{
            name: {"crisislex": crisislex_scores(cl, cl_found[name]), "airline": airline_scores(air, air_found[name])}
            for name in ("learnt", "keywords", "auto")
        },
    }
    if args.fast:
        result["fast"] = fast_section(args.fast_sample)
    Path(args.out).parent.mkdir(parents=True, exist_ok=True)
    Path(args.out).write_text(json.dumps(result, indent=1, ensure_ascii=False), encoding="utf-8")
    print(json.dumps(result, indent=1, ensure_ascii=False))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
