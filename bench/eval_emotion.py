"""Evaluate the emotion models on real data: CrisisLex T26 and the airline tweets (../shared/data; skipped when absent).

    nice -n 5 .venv/bin/python bench/eval_emotion.py [--per-event 120] [--per-label 700] [--out bench/results/eval_emotion.json]

Three models are compared: ``learnt`` (nade for English, the distilled head otherwise: ``auto`` without the
lexicons), ``keywords`` (the lexicons and emoji of :mod:`kit.tl.emotion_keywords` alone) and ``auto`` (the two
joined as a noisy-or, the kit's default). The dominant emotion is the highest score reaching 0.3, else "none".

- CrisisLex T26: ``--per-event`` related tweets drawn per event (seed 0), languages detected; the emotions found,
  the share of fear + sadness and of joy among posts with an emotion, the events where fear + sadness outnumber
  joy, the top emotions per human information type;
- airline tweets: ``--per-label`` tweets per human sentiment label (seed 0); the emotions found per label, how
  often the emotion's polarity (anger, disgust, fear, sadness vs joy, trust) matches the label on negative and
  positive tweets, the top emotions per complaint reason.

Only scores and counts are written (no tweet text, id or handle). Nothing is fitted on these data.
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


def crisislex(per_event: int) -> tuple[pd.DataFrame, dict]:
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
    return cl, variants(cl)


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


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--per-event", type=int, default=120)
    parser.add_argument("--per-label", type=int, default=700)
    parser.add_argument("--out", default=str(Path(__file__).parent / "results" / "eval_emotion.json"))
    args = parser.parse_args(argv)
    if not (SHARED / "crisislex_t26").exists() or not (SHARED / "airline_tweets").exists():
        print(f"skipped: {SHARED} has no crisislex_t26 or airline_tweets")
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
    Path(args.out).parent.mkdir(parents=True, exist_ok=True)
    Path(args.out).write_text(json.dumps(result, indent=1, ensure_ascii=False), encoding="utf-8")
    print(json.dumps(result, indent=1, ensure_ascii=False))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
