"""The labelled real data of ../shared/data used to *measure* sentiment (never to train shipped weights).

XLM-T / UMSAB tweets (fr, de, en; train and val splits, labels 0 negative, 1 neutral, 2 positive) and the
airline tweets (English, Crowdflower labels). Embeddings come from the kit's cache (computed once).
"""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pandas as pd

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared" / "data"
LANGS = {"fr": "french", "de": "german", "en": "english"}
NAMES = np.array(["negative", "neutral", "positive"], dtype=object)

__all__ = ["SHARED", "LANGS", "xlmt", "airline", "embed", "vader_corpus"]


def xlmt(lang: str, split: str) -> tuple[list[str], np.ndarray]:
    """Texts and label codes (0/1/2) of one XLM-T split."""
    folder = SHARED / "xlm_t_sentiment" / LANGS[lang]
    texts = (folder / f"{split}_text.txt").read_text(encoding="utf-8").splitlines()
    labels = np.array([int(v) for v in (folder / f"{split}_labels.txt").read_text().split()])
    if len(texts) != len(labels):
        raise ValueError(f"{folder}/{split}: {len(texts)} texts, {len(labels)} labels")
    return texts, labels


def airline() -> tuple[list[str], np.ndarray, np.ndarray]:
    """Texts, label codes and airline of the airline tweets."""
    df = pd.read_csv(SHARED / "airline_tweets" / "Tweets.csv")
    codes = df["airline_sentiment"].map({"negative": 0, "neutral": 1, "positive": 2}).to_numpy()
    return df["text"].astype(str).tolist(), codes.astype(int), df["airline"].astype(str).to_numpy()


STORE = Path("/tmp/kit-bench/sentiment")


def embed(texts: list[str], embedder: str = "use", *, name: str) -> np.ndarray:
    """Embeddings of a named text set, computed once in batches and kept in ``STORE`` (bench only: the kit's
    own cache embeds each text alone, which is exact but some 20 times slower on a loaded machine)."""
    from kit.tl.embed import get_embedder

    path = STORE / f"{embedder}_{name}.npy"
    if path.exists():
        vectors = np.load(path)
        if len(vectors) == len(texts):
            return vectors
    model = get_embedder(embedder)
    vectors = np.vstack([model.embed(texts[i : i + 64]) for i in range(0, len(texts), 64)]).astype(np.float32)
    STORE.mkdir(parents=True, exist_ok=True)
    np.save(path, vectors)
    return vectors


def vader_corpus() -> tuple[list[str], np.ndarray, np.ndarray]:
    """The shipped head's training corpus (tweets + NYT of Hutto & Gilbert 2014): texts, mean ratings, source."""
    from kit.io.rated_corpus import fetch_sdist, read_corpus

    archive = STORE / "vaderSentiment-3.3.2.tar.gz"
    if not archive.exists():
        STORE.mkdir(parents=True, exist_ok=True)
        fetch_sdist(STORE)
    corpus, _ = read_corpus(archive)
    rows = [(t, r, k) for k in ("tweets", "nyt") for r, t in corpus[k]]
    return [t for t, _, _ in rows], np.array([r for _, r, _ in rows]), np.array([k for _, _, k in rows])


if __name__ == "__main__":
    import sys
    import time

    which = sys.argv[1] if len(sys.argv) > 1 else "use"
    sets = [
        (f"xlmt_{lang}_{split}", lambda lang=lang, split=split: xlmt(lang, split)[0])
        for split in ("val", "train")
        for lang in LANGS
    ]
    sets += [("vader", lambda: vader_corpus()[0]), ("airline", lambda: airline()[0])]
    for name, get in sets:
        t0 = time.time()
        texts = get()
        embed(texts, which, name=name)
        print(which, name, len(texts), f"{time.time() - t0:.0f}s", flush=True)
