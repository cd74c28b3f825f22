"""Rebuild the shipped sentiment head (and the cross-lingual emotion head) from public data.

    python -m kit.tl.train_sentiment                      # sentiment head, fetches the corpus with pip
    python -m kit.tl.train_sentiment --corpus vaderSentiment-3.3.2.tar.gz
    python -m kit.tl.train_sentiment --emotion            # also the emotion head (needs nade)

Corpus: the human-rated ground truth of Hutto & Gilbert (ICWSM 2014), shipped under the MIT licence
in the *source* archive of vaderSentiment 3.3.2 (``additional_resources/hutto_ICWSM_2014.tar.gz``;
the wheel does not carry it). Each text has the mean of >= 20 raters on -4..+4. The sentiment head
uses the 4,200 tweet-like texts and the 5,190 NYT editorial snippets; a text is neutral when
``|mean| < --neutral-threshold`` (0.5). The emotion head also uses the movie and Amazon snippets.

With ``--written data/written`` the project's own labelled posts (``<lang>-<part>.tsv``, French, German and
English, written for the kit) join the training rows with weight 0.5 each (``--written-weight``), with each
post's own language's lexicon features: so is ``head-e5`` built; the default head is not (see the model card).

Procedure (all seeded): read every text without its @handles and links (as the head reads posts), embed
with the kit's USE embedder (cached), add the lexicon features (English VADER for the rated corpus), hold
out 20% (per source file), fit a class-balanced multinomial logistic head with lexicon
dropout (the features are zeroed on a random 30% of training rows, so the head does not lean on
them where a weaker French or German lexicon finds nothing), choose C on the held-out part by the
Spearman correlation of ``score`` with the raters' mean (independent of the neutral threshold),
choose a neutral-logit bias on the held-out macro-F1 (the smallest within 0.01 of the best), refit on everything, write
``kit/tl/models/sentiment_head.npz`` + ``.json`` and print the held-out evaluation.

Nothing from ``../shared/data`` is read here. The corpus is read by :mod:`kit.io.rated_corpus`, the head written by
:mod:`kit.io.heads`.
"""

from __future__ import annotations

import argparse
import tempfile
import time
from pathlib import Path

import numpy as np
import pandas as pd

from .._cache import cache_dir as _cache_dir
from .._stats import macro_f1 as _macro_f1
from .._text import strip as _strip
from ..io.rated_corpus import FILES
from ..io.rated_corpus import fetch_sdist as fetch_sdist  # re-exported (older import path)
from ..io.rated_corpus import read_corpus as read_corpus
from ..io.written import read_written
from ._sentiment_base import LABELS
from .embed import CachedEmbedder, get_embedder
from .lexicons import lexicon_compound, lexicon_features
from .sentiment_head import DEFAULT_HEAD, HeadModel, balanced_weights, cue_features, fit_softmax

#: The intents whose explicit cue is a feature of the shipped default head (``--cues``): complaints and
#: questions to a brand are often written without a negative word ("been on hold 2 hours"), news and links
#: are mostly neutral. Measured on XLM-T val (``bench/eval_sentiment.py``, model card): +5.6 macro-F1 in
#: French, -2.1 in German, 0 in English with the written posts.
INTENT_CUES = ("complaint", "question", "praise", "feedback", "feature_request", "other")

__all__ = [
    "train_sentiment",
    "train_emotion",
    "labels_from_ratings",
    "macro_f1",
    "spearman",
    "embed_texts",
    "main",
]

CITATION = (
    "Hutto, C.J. & Gilbert, E.E. (2014). VADER: A Parsimonious Rule-based Model for Sentiment Analysis "
    "of Social Media Text. Eighth International Conference on Weblogs and Social Media (ICWSM-14)."
)


def labels_from_ratings(ratings: np.ndarray, threshold: float) -> np.ndarray:
    """0 / 1 / 2 (negative / neutral / positive) from raters' means: neutral when ``|mean| < threshold``."""
    return np.where(ratings <= -threshold, 0, np.where(ratings >= threshold, 2, 1))


def macro_f1(y: np.ndarray, pred: np.ndarray, n_classes: int = 3) -> float:
    """Macro F1 over the classes ``0 .. n_classes - 1`` (a class never predicted counts 0): :func:`kit._stats.macro_f1`.

    >>> macro_f1(np.array([0, 1, 2]), np.array([0, 1, 1]))
    0.555...
    """
    return _macro_f1(y, pred, classes=range(n_classes))


def spearman(a: np.ndarray, b: np.ndarray) -> float:
    """Spearman rank correlation of ``a`` and ``b``."""
    from scipy.stats import spearmanr

    return float(spearmanr(a, b)[0])


def embed_texts(texts: list[str], cache_dir: Path | None, progress: bool = True, embedder: str = "use") -> np.ndarray:
    """Embeddings of ``texts`` (USE by default), through the kit's embedding cache (or ``cache_dir``)."""
    model = CachedEmbedder(get_embedder(embedder), cache_dir or _cache_dir("embeddings"), progress=progress)
    return model.embed(texts)


def train_sentiment(
    corpus: dict,
    *,
    threshold: float = 0.5,
    sources=("tweets", "nyt"),
    seed: int = 0,
    holdout: float = 0.2,
    lexicon_dropout: float = 0.3,
    Cs=(0.3, 1.0, 3.0),
    cache_dir: Path | None = None,
    out: Path = DEFAULT_HEAD,
    provenance: dict | None = None,
    progress: bool = True,
    written: pd.DataFrame | None = None,
    written_weight: float = 0.5,
    embedder: str = "use",
    intent_cues: tuple = (),
) -> dict:
    """Fit, evaluate and write the shipped sentiment head from the rated corpus (see the module docstring for the procedure).

    ``written``: the project's own labelled posts (:func:`kit.io.written.read_written`), added to the
    training rows with weight ``written_weight`` each (and held out like the corpus, per file).
    ``intent_cues``: intents whose explicit cue in a post is a feature (:func:`kit.tl.sentiment_head.cue_features`,
    read on the texts as written; :data:`INTENT_CUES` for the shipped default).
    """
    rng = np.random.RandomState(seed)
    texts, ratings, src = [], [], []
    for key in sources:
        for rating, text in corpus[key]:
            texts.append(text)
            ratings.append(rating)
            src.append(key)
    n_rated = len(texts)
    ratings = np.array(ratings)
    y = labels_from_ratings(ratings, threshold)
    langs = ["en"] * n_rated
    if written is not None and len(written):
        texts += written["text"].tolist()
        src += [f"written-{f}" for f in written["file"].str.removesuffix(".tsv")]
        langs += written["lang"].tolist()
        y = np.concatenate([y, written["label"].map({k: i for i, k in enumerate(LABELS)}).to_numpy()])
    src = np.array(src)
    ratings = np.concatenate([ratings, np.full(len(y) - n_rated, np.nan)])
    weight = np.where(np.arange(len(y)) < n_rated, 1.0, written_weight)
    # the head reads posts without @handles and links (HeadModel.strip_handles_links): so does its training
    cues = cue_features(texts, intent_cues) if intent_cues else np.zeros((len(texts), 0))
    texts = [_strip(t) for t in texts]
    t0 = time.time()
    emb = embed_texts(texts, cache_dir, progress, embedder)
    print(f"embedded {len(texts)} texts in {time.time() - t0:.0f} s", flush=True)
    compound = lexicon_compound(texts, langs)
    names = ("compound", "pos_hit", "neg_hit")
    held = np.zeros(len(y), dtype=bool)
    for key in dict.fromkeys(src):
        idx = np.flatnonzero(src == key)
        held[rng.choice(idx, int(round(holdout * len(idx))), replace=False)] = True
    dropped = np.where(rng.rand(len(y)) < lexicon_dropout, 0.0, compound)
    X_train = np.hstack([emb, lexicon_features(dropped, names), cues])
    X_eval = np.hstack([emb, lexicon_features(compound, names), cues])
    rated = np.arange(len(y)) < n_rated

    def fit(mask, C):
        w = balanced_weights(y[mask], sample_weight=weight[mask])
        coef, intercept = fit_softmax(X_train[mask], y[mask], C=C, sample_weight=w)
        return HeadModel(
            coef,
            intercept,
            embedder=embedder,
            lexicon_features=names,
            strip_handles_links=True,
            intent_cues=intent_cues,
        )

    search = {}
    for C in Cs:
        head = fit(~held, C)
        P = head.predict_proba_features(X_eval[held])
        rho = {k: spearman((P[:, 2] - P[:, 0])[src[held] == k], ratings[held][src[held] == k]) for k in sources}
        search[C] = {
            "spearman": rho,
            "mean_spearman": float(np.mean(list(rho.values()))),
            "macro_f1": macro_f1(y[held], P.argmax(1)),
        }
        print(f"C={C:g}: held-out Spearman {rho} macro-F1 {search[C]['macro_f1']:.3f}", flush=True)
    C = max(Cs, key=lambda c: (round(search[c]["mean_spearman"], 3), -abs(np.log(c))))
    head = fit(~held, C)
    biases = np.round(np.arange(-1.0, 1.01, 0.1), 2) + 0.0
    f1s = []
    for b in biases:
        head.neutral_bias = float(b)
        f1s.append(macro_f1(y[held], head.predict_proba_features(X_eval[held]).argmax(1)))
    f1s = np.array(f1s)
    # parsimony: the smallest |bias| whose held-out macro-F1 is within 0.01 (about one standard error
    # at this size) of the best; a flat curve keeps the plain argmax
    near = np.flatnonzero(f1s >= f1s.max() - 0.01)
    bias = float(biases[near[np.argmin(np.abs(biases[near]))]])
    print("neutral bias vs held-out macro-F1:", " ".join(f"{b:+.1f}:{f:.3f}" for b, f in zip(biases, f1s)))
    head.neutral_bias = bias
    P = head.predict_proba_features(X_eval[held])
    heldout = {
        "n": int(held.sum()),
        "C": C,
        "neutral_bias": bias,
        "macro_f1": macro_f1(y[held], P.argmax(1)),
        "per_source": {
            k: {
                "n": int((src[held] == k).sum()),
                "macro_f1": macro_f1(y[held][src[held] == k], P[src[held] == k].argmax(1)),
                **(
                    {"spearman": spearman((P[:, 2] - P[:, 0])[src[held] == k], ratings[held][src[held] == k])}
                    if k in sources
                    else {}
                ),
            }
            for k in dict.fromkeys(src)
        },
    }
    # the same held-out rows scored by the lexicon alone, for comparison
    lex_pred = labels_from_ratings(compound[held], 0.05)
    heldout["lexicon_macro_f1"] = macro_f1(y[held], lex_pred)
    print(
        f"chosen C={C:g}, neutral bias {bias:+.1f}; held-out macro-F1 {heldout['macro_f1']:.3f} "
        f"(lexicon alone {heldout['lexicon_macro_f1']:.3f})",
        flush=True,
    )
    for k, v in heldout["per_source"].items():
        rho = f" Spearman {v['spearman']:.3f}" if "spearman" in v else ""
        print(f"  {k:12s} n={v['n']:5d} macro-F1 {v['macro_f1']:.3f}{rho}")
    coef, intercept = fit_softmax(X_train, y, C=C, sample_weight=balanced_weights(y, sample_weight=weight))
    counts = np.bincount(y[rated], minlength=3).tolist()
    meta = {
        "name": f"head({embedder}+lexicon, vader-icwsm2014" + (" + written)" if n_rated < len(y) else ")"),
        "trained_on": {
            "corpus": "Hutto & Gilbert ICWSM-2014 ground truth (vaderSentiment 3.3.2 sdist)",
            "licence": "MIT (c) 2016 C.J. Hutto",
            "citation": CITATION,
            "files": [FILES[k] for k in sources],
            "n": n_rated,
            "class_counts": dict(zip(LABELS, counts)),
            "neutral_threshold": threshold,
            **(provenance or {}),
        },
        "procedure": {
            "seed": seed,
            "holdout": holdout,
            "lexicon_dropout": lexicon_dropout,
            "C_grid": list(Cs),
            "C": C,
            "balanced": True,
            "search": {str(k): v for k, v in search.items()},
        },
        "heldout": heldout,
    }
    if n_rated < len(y):
        meta["trained_on_written"] = {
            "what": "the project's own labelled posts (data/written), written for the kit, same licence as the kit",
            "files": sorted(written["file"].unique().tolist()),
            "n": int(len(y) - n_rated),
            "class_counts": {
                lang: dict(
                    zip(LABELS, np.bincount(y[n_rated:][np.array(langs[n_rated:]) == lang], minlength=3).tolist())
                )
                for lang in sorted(set(langs[n_rated:]))
            },
            "weight": written_weight,
        }
    final = HeadModel(
        coef,
        intercept,
        embedder=embedder,
        lexicon_features=names,
        neutral_bias=bias,
        strip_handles_links=True,
        intent_cues=intent_cues,
        meta=meta,
        name=meta["name"],
    )
    path = final.save(out)
    print(f"wrote {path} and {path.with_suffix('.json').name}")
    return meta


def train_emotion(
    corpus: dict,
    *,
    seed: int = 0,
    holdout: float = 0.2,
    alphas=(0.3, 1.0, 3.0, 10.0),
    cache_dir: Path | None = None,
    out: Path | None = None,
    progress: bool = True,
) -> dict:
    """Distil nade's English emotion scores onto USE embeddings (ridge regression, one output per emotion)."""
    from . import emotion as E

    texts = [text for key in FILES for _, text in corpus[key]]
    t0 = time.time()
    emb = embed_texts(texts, cache_dir, progress).astype(np.float64)
    print(f"embedded {len(texts)} texts in {time.time() - t0:.0f} s", flush=True)
    teacher = E.NadeModel().scores(texts)[list(E.EMOTIONS)].to_numpy(dtype=np.float64)
    rng = np.random.RandomState(seed)
    held = rng.rand(len(texts)) < holdout

    def ridge(mask, alpha):
        X = np.hstack([emb[mask], np.ones((mask.sum(), 1))])
        reg = alpha * np.eye(X.shape[1])
        reg[-1, -1] = 0
        W = np.linalg.solve(X.T @ X + reg, X.T @ teacher[mask])
        return W[:-1].T, W[-1]

    def rescale(coef, intercept, mask):
        # ridge shrinks: stretch each output so its spread on ``mask`` matches nade's, keeping the mean;
        # then the same min_score means about the same thing for English (nade) and other languages (head)
        raw = emb[mask] @ coef.T + intercept
        a = teacher[mask].std(axis=0) / np.maximum(raw.std(axis=0), 1e-9)
        m_raw, m_t = raw.mean(axis=0), teacher[mask].mean(axis=0)
        return coef * a[:, None], m_t + a * (intercept - m_raw)

    def held_r(alpha):
        coef, intercept = rescale(*ridge(~held, alpha), ~held)
        pred = np.clip(emb[held] @ coef.T + intercept, 0, 1)
        return pred, {e: float(np.corrcoef(pred[:, i], teacher[held][:, i])[0, 1]) for i, e in enumerate(E.EMOTIONS)}

    search = {a: float(np.mean(list(held_r(a)[1].values()))) for a in alphas}
    print("ridge alpha vs held-out mean Pearson r:", {a: round(v, 4) for a, v in search.items()})
    alpha = max(alphas, key=lambda a: round(search[a], 3))
    pred, r = held_r(alpha)
    agree = float(np.mean(pred.argmax(1) == teacher[held].argmax(1)))
    print("held-out Pearson r (head vs nade, English):", {k: round(v, 3) for k, v in r.items()})
    print(f"held-out agreement on the top emotion: {agree:.3f}")
    every = np.ones(len(texts), dtype=bool)
    coef, intercept = rescale(*ridge(every, alpha), every)
    meta = {
        "name": "emotion-head(use, distilled from nade socialmedia_en)",
        "trained_on": {
            "texts": f"{len(texts)} English texts of the Hutto & Gilbert ICWSM-2014 corpus "
            "(tweets, NYT, movie, Amazon snippets); their ratings are not used",
            "teacher": "nade 0.3.1 (socialmedia_en)",
            "licence": "MIT",
            "citation": CITATION,
        },
        "procedure": {
            "model": "ridge, outputs rescaled to nade's spread",
            "alpha": alpha,
            "alpha_grid": list(alphas),
            "seed": seed,
            "holdout": holdout,
            "search_mean_r": {str(k): v for k, v in search.items()},
        },
        "heldout": {"n": int(held.sum()), "pearson_r": r, "top_emotion_agreement": agree},
    }
    head = E.EmotionHead(coef, intercept, embedder="use", meta=meta, name=meta["name"])
    path = head.save(out or E.DEFAULT_HEAD)
    print(f"wrote {path} and {path.with_suffix('.json').name}")
    return meta


def main(argv: list[str] | None = None) -> int:
    """Command line: rebuild the sentiment head (and with ``--emotion`` the emotion head); returns the exit code."""
    parser = argparse.ArgumentParser(prog="python -m kit.tl.train_sentiment", description=__doc__.split("\n")[0])
    parser.add_argument(
        "--corpus",
        type=Path,
        help="vaderSentiment-3.3.2.tar.gz (or the inner archive, or a "
        "folder); default: fetched with pip download into a temporary folder",
    )
    parser.add_argument("--out", type=Path, default=DEFAULT_HEAD)
    parser.add_argument("--neutral-threshold", type=float, default=0.5)
    parser.add_argument("--seed", type=int, default=0)
    parser.add_argument("--cache-dir", type=Path, help="embedding cache (default: the kit's)")
    parser.add_argument("--emotion", action="store_true", help="also rebuild the emotion head")
    parser.add_argument("--only-emotion", action="store_true", help="rebuild only the emotion head")
    parser.add_argument("--quiet", action="store_true", help="no progress bars")
    parser.add_argument(
        "--written",
        type=Path,
        help="also train on the project's own labelled posts, <lang>-<part>.tsv (the shipped head-e5: data/written)",
    )
    parser.add_argument("--written-weight", type=float, default=0.5, help="weight of each written post (0.5)")
    parser.add_argument(
        "--cues",
        action="store_true",
        help="intent cues as features (the shipped default: --written data/written --cues)",
    )
    parser.add_argument(
        "--embedder",
        default="use",
        help="use (the default head) or e5 (head-e5: --embedder e5 --written data/written --out kit/tl/models/sentiment_head_e5.npz)",
    )
    args = parser.parse_args(argv)
    written = read_written(args.written) if args.written else None
    with tempfile.TemporaryDirectory() as tmp:
        source = args.corpus or fetch_sdist(Path(tmp))
        corpus, digest = read_corpus(source)
    print("corpus:", {k: len(v) for k, v in corpus.items()}, "sha256", digest)
    provenance = {
        "archive": Path(source).name if args.corpus else "vaderSentiment-3.3.2.tar.gz",
        "archive_sha256": digest,
    }
    if not args.only_emotion:
        train_sentiment(
            corpus,
            threshold=args.neutral_threshold,
            seed=args.seed,
            cache_dir=args.cache_dir,
            out=args.out,
            provenance=provenance,
            progress=not args.quiet,
            written=written,
            written_weight=args.written_weight,
            intent_cues=INTENT_CUES if args.cues else (),
            embedder=args.embedder,
        )
    if args.emotion or args.only_emotion:
        train_emotion(corpus, seed=args.seed, cache_dir=args.cache_dir, progress=not args.quiet)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
