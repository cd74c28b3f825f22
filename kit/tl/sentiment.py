"""Post sentiment (negative / neutral / positive) behind one small protocol.

Backends
--------
``head``            the default: a multinomial logistic head on multilingual USE embeddings plus three
                    lexicon features, shipped as weights in ``kit/tl/models/sentiment_head.npz`` (+ ``.json``),
                    trained on English human-rated texts (VADER ICWSM-2014 tweets and NYT snippets, MIT);
                    French and German get it through the multilingual embedding space. See
                    ``kit/tl/models/MODEL_CARD.md`` for what it reaches per language (French is the weakest).
``lexicon``         VADER (English), vaderSentiment-fr (French), textblob-de (German): rules, no model;
                    cheap and deterministic, the fallback for tests and machines without weights.
``transformers:P``  a Hugging Face text-classification model at local path ``P`` (e.g. a fine-tuned
                    Twitter XLM-R sentiment model a team already has); nothing is fetched from a hub.
``PATH.npz``        a head saved by :meth:`HeadModel.save`, e.g. one adapted with :func:`train_head`.
``fast``            for large corpora: the head labels a seeded sample of 20,000 distinct texts and a
                    student on hashed n-grams, taught on them, labels the rest (:mod:`kit.tl.distil`);
                    its agreement with the head on held-out sample texts is reported.
``auto``            (:func:`score` only) ``head`` up to :data:`AUTO_LIMIT` distinct texts, ``fast`` above.

Every backend returns the same columns: ``sentiment`` (``negative``/``neutral``/``positive``),
``score`` = p(positive) - p(negative) in [-1, 1], ``confidence`` = the largest probability, and
``p_negative``, ``p_neutral``, ``p_positive``.

>>> import pandas as pd
>>> from kit.tl import sentiment
>>> posts = pd.DataFrame({"text": ["Je déteste ce train, toujours en retard", "Ich liebe diesen Service, super!"],
...                       "lang": ["fr", "de"]})
>>> sentiment.score(posts, model="lexicon")["sentiment"].tolist()
['negative', 'positive']
"""

from __future__ import annotations

import json
import os
import warnings
from collections.abc import Sequence
from pathlib import Path
from typing import Protocol, runtime_checkable

import numpy as np
import pandas as pd

from .embed import CachedEmbedder, Embedder, MissingBackend, default_cache_dir, embed_batched, get_embedder

__all__ = [
    "LABELS",
    "COLUMNS",
    "SentimentModel",
    "HeadModel",
    "LexiconModel",
    "TransformersModel",
    "FastModel",
    "score",
    "get_model",
    "train_head",
    "lexicon_compound",
    "DEFAULT_HEAD",
    "AUTO_LIMIT",
]

LABELS = ("negative", "neutral", "positive")
COLUMNS = ("sentiment", "score", "confidence", "p_negative", "p_neutral", "p_positive")
MODELS_DIR = Path(__file__).resolve().parent / "models"
#: The shipped head (weights ``.npz`` and metadata ``.json`` side by side).
DEFAULT_HEAD = MODELS_DIR / "sentiment_head.npz"
FORMAT = "kit-sentiment-head/1"
#: Distinct texts above which ``model="auto"`` switches from the head (about 700 texts a second on two
#: cores, so 50,000 take a minute or so) to the distilled ``fast`` model.
AUTO_LIMIT = 50_000


@runtime_checkable
class SentimentModel(Protocol):
    """Anything with a ``name`` and ``predict(texts, langs=None) -> DataFrame`` with :data:`COLUMNS`,
    one row per text, in order (a fresh ``RangeIndex``)."""

    name: str

    def predict(self, texts: Sequence[str], langs: Sequence[str] | None = None) -> pd.DataFrame: ...


def frame_from_probs(probs: np.ndarray) -> pd.DataFrame:
    """The common output frame from an (n, 3) array of probabilities (negative, neutral, positive)."""
    probs = np.asarray(probs, dtype=np.float64).reshape(-1, 3)
    total = probs.sum(axis=1, keepdims=True)
    probs = probs / np.where(total == 0, 1, total)
    best = probs.argmax(axis=1) if len(probs) else np.zeros(0, dtype=int)
    return pd.DataFrame(
        {
            "sentiment": pd.Series(np.asarray(LABELS, dtype=object)[best], dtype="string"),
            "score": np.clip(probs[:, 2] - probs[:, 0], -1.0, 1.0),
            "confidence": probs.max(axis=1) if len(probs) else np.zeros(0),
            "p_negative": probs[:, 0],
            "p_neutral": probs[:, 1],
            "p_positive": probs[:, 2],
        }
    )


def _texts(texts: Sequence[str]) -> list[str]:
    return ["" if t is None or (isinstance(t, float) and np.isnan(t)) else str(t) for t in texts]


def _langs(langs: Sequence[str] | None, n: int) -> list[str] | None:
    if langs is None:
        return None
    out = [
        "und" if v is None or v is pd.NA or (isinstance(v, float) and np.isnan(v)) else str(v).lower()[:2]
        for v in langs
    ]
    if len(out) != n:
        raise ValueError(f"langs has {len(out)} values for {n} texts")
    return out


def guess_langs(texts: Sequence[str], languages: Sequence[str] = ("fr", "de", "en")) -> list[str]:
    """Best language among ``languages`` for each text (py3langid), for when a table has no ``lang``."""
    from py3langid.langid import MODEL_FILE, LanguageIdentifier

    identifier = LanguageIdentifier.from_model_file(MODEL_FILE, norm_probs=True)
    identifier.set_languages(list(languages))
    return [identifier.classify(t)[0] if t.strip() else "und" for t in _texts(texts)]


# --------------------------------------------------------------------------------------------- lexicons


class _Lexicons:
    """The three rule-based analysers, loaded on first use (each takes a moment)."""

    def __init__(self):
        self._en = self._fr = self._de = None

    def en(self, text: str) -> float:
        if self._en is None:
            try:
                from vaderSentiment.vaderSentiment import SentimentIntensityAnalyzer
            except ImportError as exc:  # pragma: no cover - a declared dependency
                raise MissingBackend("English lexicon scores need: pip install vaderSentiment") from exc
            self._en = SentimentIntensityAnalyzer()
        return float(self._en.polarity_scores(text)["compound"])

    def fr(self, text: str) -> float:
        if self._fr is None:
            try:
                with warnings.catch_warnings():  # "slow pure-python SequenceMatcher" from fuzzywuzzy
                    warnings.simplefilter("ignore")
                    from vaderSentiment_fr.vaderSentiment import SentimentIntensityAnalyzer
            except ImportError as exc:  # pragma: no cover - a declared dependency
                raise MissingBackend("French lexicon scores need: pip install vaderSentiment-fr") from exc
            self._fr = SentimentIntensityAnalyzer()
        return float(self._fr.polarity_scores(text)["compound"])

    def de(self, text: str) -> float:
        if self._de is None:
            try:
                from textblob_de.sentiments import PatternAnalyzer
                from textblob_de.tokenizers import PatternTokenizer
            except ImportError as exc:  # pragma: no cover - a declared dependency
                raise MissingBackend(
                    "German lexicon scores need: pip install textblob-de 'textblob<0.18' "
                    "(textblob 0.18 removed a module textblob-de imports)"
                ) from exc
            # The pattern tokenizer: the default one needs NLTK's punkt data, which is not installed offline.
            self._de = PatternAnalyzer(tokenizer=PatternTokenizer())
        return float(self._de.analyze(text).polarity) if text.strip() else 0.0


_LEXICONS = _Lexicons()


class _GermanPolarity:
    """textblob-de polarity as a one-column "embedder", so :class:`CachedEmbedder` keeps it on disk:
    textblob-de tags every sentence to lemmatise it (about 2 ms a post, 15 s for the sample's German
    posts), and each report scores the same posts again."""

    name = "lexicon-textblob-de-polarity"

    def embed(self, texts: Sequence[str]) -> np.ndarray:
        return np.array([[_LEXICONS.de(t)] for t in texts], dtype=np.float64).reshape(len(texts), 1)


_GERMAN_CACHE: dict[str, CachedEmbedder] = {}


def _german(texts: list[str]) -> np.ndarray:
    directory = str(default_cache_dir())
    if directory not in _GERMAN_CACHE:
        _GERMAN_CACHE[directory] = CachedEmbedder(_GermanPolarity(), directory, batch_size=1024)
    try:
        return _GERMAN_CACHE[directory].embed(texts)[:, 0].astype(np.float64)
    except OSError:  # a read-only cache folder: score without keeping
        return _GermanPolarity().embed(texts)[:, 0].astype(np.float32).astype(np.float64)


def lexicon_compound(texts: Sequence[str], langs: Sequence[str] | None = None) -> np.ndarray:
    """Lexicon polarity in [-1, 1] per text: VADER compound (``en`` and every other language,
    ``und`` included), vaderSentiment-fr compound (``fr``), textblob-de polarity (``de``; kept in the
    kit's cache folder next to the embeddings, as float32)."""
    texts = _texts(texts)
    langs = _langs(langs, len(texts)) or ["en"] * len(texts)
    out = np.zeros(len(texts), dtype=np.float64)
    german = [i for i, lang in enumerate(langs) if lang == "de"]
    for i, (text, lang) in enumerate(zip(texts, langs)):
        if lang != "de":
            out[i] = _LEXICONS.fr(text) if lang == "fr" else _LEXICONS.en(text)
    if german:
        out[german] = _german([texts[i] for i in german])
    return out


def lexicon_features(compound: np.ndarray, names: Sequence[str], band: float = 0.05) -> np.ndarray:
    """Head features from lexicon polarity: ``compound`` itself, ``pos_hit`` (>= band), ``neg_hit`` (<= -band).
    The two indicators put the three lexicons on one scale (textblob-de gives mostly -1/0/+1)."""
    compound = np.asarray(compound, dtype=np.float64)
    table = {
        "compound": compound,
        "pos_hit": (compound >= band).astype(np.float64),
        "neg_hit": (compound <= -band).astype(np.float64),
    }
    if not names:
        return np.zeros((len(compound), 0))
    return np.column_stack([table[n] for n in names])


class LexiconModel:
    """Rule-based sentiment: VADER for English, vaderSentiment-fr for French, textblob-de for German.

    ``und`` and every other language fall back to English VADER (which still reads emoji and
    emoticons, but few non-English words). A text is neutral when ``|compound| < neutral_band``
    (0.05, VADER's own convention). Probabilities are not calibrated: the predicted class gets
    ``0.5 + 0.45 |compound|`` and the other two share the rest, so ``score`` has the sign of the
    compound. Deterministic, no model files: the fallback for tests.
    """

    def __init__(self, neutral_band: float = 0.05):
        self.neutral_band = float(neutral_band)
        self.name = f"lexicon(vader-en,vader-fr,textblob-de;band={self.neutral_band:g})"

    def compound(self, texts: Sequence[str], langs: Sequence[str] | None = None) -> np.ndarray:
        return lexicon_compound(texts, langs)

    def predict(self, texts: Sequence[str], langs: Sequence[str] | None = None) -> pd.DataFrame:
        comp = np.clip(self.compound(texts, langs), -1, 1)
        strength = 0.5 + 0.45 * np.abs(comp)
        rest = (1 - strength) / 2
        probs = np.column_stack([rest, rest, rest])
        cls = np.where(comp <= -self.neutral_band, 0, np.where(comp >= self.neutral_band, 2, 1))
        probs[np.arange(len(comp)), cls] = strength
        neutral = cls == 1  # keep the sign of the compound in ``score`` without leaving neutral
        tilt = comp[neutral] / 2 * rest[neutral]
        probs[neutral, 2] += tilt
        probs[neutral, 0] -= tilt
        return frame_from_probs(probs)


# ------------------------------------------------------------------------------------------- the head


def _softmax(z: np.ndarray) -> np.ndarray:
    z = z - z.max(axis=1, keepdims=True)
    e = np.exp(z)
    return e / e.sum(axis=1, keepdims=True)


def fit_softmax(
    X: np.ndarray,
    y: np.ndarray,
    *,
    C: float = 1.0,
    sample_weight: np.ndarray | None = None,
    prior_coef: np.ndarray | None = None,
    prior_intercept: np.ndarray | None = None,
    n_classes: int = 3,
    max_iter: int = 1000,
) -> tuple[np.ndarray, np.ndarray]:
    """Multinomial logistic regression by L-BFGS: minimise sum_i w_i CE_i + ||W - W0||^2 / (2 C).

    With ``prior_coef`` (W0) the penalty pulls the weights toward that head instead of toward zero
    (a warm start that a small labelled sample can only move so far); the intercept is unpenalised
    and starts at ``prior_intercept``. Deterministic: same inputs, same weights.
    """
    from scipy.optimize import minimize

    X = np.asarray(X, dtype=np.float64)
    y = np.asarray(y, dtype=np.int64)
    n, d = X.shape
    w = np.ones(n) if sample_weight is None else np.asarray(sample_weight, dtype=np.float64)
    W0 = np.zeros((n_classes, d)) if prior_coef is None else np.asarray(prior_coef, dtype=np.float64)
    b0 = np.zeros(n_classes) if prior_intercept is None else np.asarray(prior_intercept, dtype=np.float64)
    Y = np.zeros((n, n_classes))
    Y[np.arange(n), y] = 1.0

    def loss(theta):
        W = theta[: n_classes * d].reshape(n_classes, d)
        b = theta[n_classes * d :]
        Z = X @ W.T + b
        Z = Z - Z.max(axis=1, keepdims=True)
        logp = Z - np.log(np.exp(Z).sum(axis=1, keepdims=True))
        ce = -(w * (Y * logp).sum(axis=1)).sum()
        diff = W - W0
        G = (np.exp(logp) - Y) * w[:, None]
        gW = G.T @ X + diff / C
        gb = G.sum(axis=0)
        return ce + (diff**2).sum() / (2 * C), np.concatenate([gW.ravel(), gb])

    theta0 = np.concatenate([W0.ravel(), b0])
    res = minimize(loss, theta0, jac=True, method="L-BFGS-B", options={"maxiter": max_iter})
    return res.x[: n_classes * d].reshape(n_classes, d), res.x[n_classes * d :]


def balanced_weights(y: np.ndarray, n_classes: int = 3, sample_weight: np.ndarray | None = None) -> np.ndarray:
    """Per-sample weights giving each class the same total weight (sklearn's ``class_weight='balanced'``)."""
    sw = np.ones(len(y)) if sample_weight is None else np.asarray(sample_weight, dtype=np.float64)
    totals = np.bincount(y, weights=sw, minlength=n_classes)
    per_class = np.where(totals > 0, sw.sum() / (n_classes * np.where(totals > 0, totals, 1)), 0.0)
    return sw * per_class[y]


class HeadModel:
    """A multinomial logistic head on sentence embeddings, optionally with lexicon features.

    Features: the L2-normalised embedding (512 numbers for USE), then, when ``lexicon_features``
    names them, the language's lexicon polarity (:func:`lexicon_compound`) as ``compound``,
    ``pos_hit``, ``neg_hit``. Probabilities are ``softmax(X @ coef.T + intercept + [0, neutral_bias, 0])``.

    The shipped default (``HeadModel.load()``) was trained on English only; French and German
    reach it through USE's multilingual space and their own lexicons. Embeddings are cached on disk
    (``cache_dir``, default the kit's embedding cache) so re-scoring the same posts is fast, and can
    be passed in (``predict(..., embeddings=...)``) when already computed.
    """

    def __init__(
        self,
        coef: np.ndarray,
        intercept: np.ndarray,
        *,
        embedder: str | Embedder = "use",
        lexicon_features: Sequence[str] = (),
        lexicon_band: float = 0.05,
        neutral_bias: float = 0.0,
        meta: dict | None = None,
        cache: bool = True,
        cache_dir: str | Path | None = None,
        name: str | None = None,
    ):
        self.coef = np.asarray(coef, dtype=np.float64)
        self.intercept = np.asarray(intercept, dtype=np.float64)
        if self.coef.shape[0] != 3 or self.intercept.shape != (3,):
            raise ValueError(f"a head has 3 classes; got coef {self.coef.shape}, intercept {self.intercept.shape}")
        self.embedder_spec = embedder if isinstance(embedder, str) else getattr(embedder, "name", "custom")
        self._embedder = None if isinstance(embedder, str) else embedder
        self.lexicon_features = tuple(lexicon_features)
        self.lexicon_band = float(lexicon_band)
        self.neutral_bias = float(neutral_bias)
        self.meta = dict(meta or {})
        self.cache = cache
        self.cache_dir = cache_dir
        self.name = name or self.meta.get("name") or f"head({self.embedder_spec})"

    # features
    @property
    def embedder(self) -> Embedder:
        if self._embedder is None:
            self._embedder = get_embedder(self.embedder_spec)
        return self._embedder

    def embed(self, texts: Sequence[str]) -> np.ndarray:
        texts = _texts(texts)
        if not texts:
            return np.zeros((0, self.coef.shape[1] - len(self.lexicon_features)), dtype=np.float32)
        if self.cache:
            return CachedEmbedder(self.embedder, self.cache_dir or default_cache_dir()).embed(texts)
        return embed_batched(self.embedder, texts)

    def features(
        self, texts: Sequence[str], langs: Sequence[str] | None = None, *, embeddings: np.ndarray | None = None
    ) -> np.ndarray:
        texts = _texts(texts)
        X = self.embed(texts) if embeddings is None else np.asarray(embeddings, dtype=np.float32)
        if len(X) != len(texts):
            raise ValueError(f"{len(X)} embeddings for {len(texts)} texts")
        if self.lexicon_features:
            langs = _langs(langs, len(texts))
            if langs is None and texts:
                langs = guess_langs(texts)
            lex = lexicon_features(lexicon_compound(texts, langs), self.lexicon_features, self.lexicon_band)
            X = np.hstack([X, lex])
        if X.shape[1] != self.coef.shape[1]:
            raise ValueError(
                f"features have {X.shape[1]} columns, the head expects {self.coef.shape[1]} "
                f"(embedder {self.embedder_spec!r})"
            )
        return X

    def predict_proba_features(self, X: np.ndarray) -> np.ndarray:
        Z = np.asarray(X, dtype=np.float64) @ self.coef.T + self.intercept
        Z[:, 1] += self.neutral_bias
        return _softmax(Z)

    def predict(
        self, texts: Sequence[str], langs: Sequence[str] | None = None, *, embeddings: np.ndarray | None = None
    ) -> pd.DataFrame:
        X = self.features(texts, langs, embeddings=embeddings)
        return frame_from_probs(self.predict_proba_features(X) if len(X) else np.zeros((0, 3)))

    # persistence (numpy arrays + JSON, no pickle)
    def save(self, path: str | Path) -> Path:
        """Write ``path`` (``.npz``: ``coef``, ``intercept``) and the metadata beside it (``.json``)."""
        path = Path(path).with_suffix(".npz")
        path.parent.mkdir(parents=True, exist_ok=True)
        np.savez_compressed(path, coef=self.coef.astype(np.float32), intercept=self.intercept.astype(np.float32))
        meta = {
            **self.meta,
            "format": FORMAT,
            "name": self.name,
            "labels": list(LABELS),
            "embedder": self.embedder_spec,
            "lexicon_features": list(self.lexicon_features),
            "lexicon_band": self.lexicon_band,
            "neutral_bias": self.neutral_bias,
            "n_features": int(self.coef.shape[1]),
        }
        path.with_suffix(".json").write_text(json.dumps(meta, indent=1, ensure_ascii=False) + "\n", encoding="utf-8")
        return path

    @classmethod
    def load(cls, path: str | Path | None = None, **kwargs) -> HeadModel:
        """Load a head saved by :meth:`save` (default: the shipped one). ``kwargs`` go to the constructor
        (e.g. ``cache=False``, ``embedder=<an Embedder object>``)."""
        path = Path(path or DEFAULT_HEAD).with_suffix(".npz")
        meta_path = path.with_suffix(".json")
        if not path.exists() or not meta_path.exists():
            raise FileNotFoundError(
                f"no sentiment head at {path} (+ {meta_path.name}); "
                "build the shipped one with: python -m kit.tl.train_sentiment"
            )
        meta = json.loads(meta_path.read_text(encoding="utf-8"))
        if meta.get("format") != FORMAT:
            raise ValueError(f"{meta_path} is not a {FORMAT} file (format {meta.get('format')!r})")
        with np.load(path, allow_pickle=False) as data:
            coef, intercept = data["coef"], data["intercept"]
        args = dict(
            embedder=meta["embedder"],
            lexicon_features=meta.get("lexicon_features", ()),
            lexicon_band=meta.get("lexicon_band", 0.05),
            neutral_bias=meta.get("neutral_bias", 0.0),
            meta=meta,
            name=meta.get("name"),
        )
        args.update(kwargs)
        return cls(coef, intercept, **args)


def encode_labels(labels: Sequence) -> np.ndarray:
    """negative/neutral/positive (any case, or neg/neu/pos) or 0/1/2 -> 0/1/2."""
    names = {"negative": 0, "neg": 0, "neutral": 1, "neu": 1, "positive": 2, "pos": 2}
    out = []
    for v in labels:
        if isinstance(v, (int, np.integer)) and int(v) in (0, 1, 2):
            out.append(int(v))
        elif isinstance(v, str) and v.strip().lower() in names:
            out.append(names[v.strip().lower()])
        elif isinstance(v, str) and v.strip() in ("0", "1", "2"):
            out.append(int(v.strip()))
        else:
            raise ValueError(f"label {v!r} is not negative/neutral/positive or 0/1/2")
    return np.array(out, dtype=np.int64)


def train_head(
    texts: Sequence[str],
    labels: Sequence,
    *,
    embedder: str | Embedder = "use",
    base: str | Path | HeadModel | None = None,
    langs: Sequence[str] | None = None,
    lexicon: bool | None = None,
    C: float = 1.0,
    balanced: bool = True,
    embeddings: np.ndarray | None = None,
    cache: bool = True,
    cache_dir: str | Path | None = None,
    name: str | None = None,
) -> HeadModel:
    """Fit a sentiment head on a team's own labelled sample (its domain, its languages).

    Parameters
    ----------
    texts, labels
        The sample; labels are ``negative``/``neutral``/``positive`` or 0/1/2.
    embedder
        Embedding backend name or object (default USE; ``"hash"`` for a model-free toy head).
    base
        ``None``: fit from scratch (L2 toward zero). ``"default"`` (the shipped head), a saved head's
        path, or a :class:`HeadModel`: warm start, with the penalty pulling the weights toward that
        head's instead of toward zero, so a few hundred labels adapt it rather than replace it.
        The base's embedder and lexicon features are then used.
    langs
        Language of each text (for the lexicon features); guessed with py3langid when missing.
    lexicon
        Add the lexicon features (default: as the base does, else only for the ``use`` embedder).
    C
        Inverse regularisation strength (larger: closer fit to the sample).
    balanced
        Weight classes to equal total weight (the default, as the shipped head).
    embeddings
        Precomputed embeddings of ``texts`` (skips embedding).

    Examples
    --------
    >>> head = train_head(["great", "awful", "ok"] * 5, ["positive", "negative", "neutral"] * 5,
    ...                   embedder="hash", cache=False)
    >>> head.predict(["great"])["sentiment"].tolist()
    ['positive']
    """
    texts = _texts(texts)
    y = encode_labels(labels)
    if len(y) != len(texts):
        raise ValueError(f"{len(y)} labels for {len(texts)} texts")
    if isinstance(base, str) and base == "default":
        base = HeadModel.load()
    elif isinstance(base, (str, Path)):
        base = HeadModel.load(base)
    if base is not None:
        embedder = base._embedder or base.embedder_spec
        features = base.lexicon_features
        band = base.lexicon_band
    else:
        use_lex = (embedder == "use") if lexicon is None else lexicon
        features = ("compound", "pos_hit", "neg_hit") if use_lex else ()
        band = 0.05
    head = HeadModel(
        np.zeros((3, 1)),
        np.zeros(3),
        embedder=embedder,
        lexicon_features=features,
        lexicon_band=band,
        cache=cache,
        cache_dir=cache_dir,
    )
    emb = head.embed(texts) if embeddings is None else np.asarray(embeddings, dtype=np.float32)
    head.coef = np.zeros((3, emb.shape[1] + len(features)))
    X = head.features(texts, langs, embeddings=emb)
    sw = balanced_weights(y) if balanced else np.ones(len(y))
    coef, intercept = fit_softmax(
        X,
        y,
        C=C,
        sample_weight=sw,
        prior_coef=None if base is None else base.coef,
        prior_intercept=None if base is None else base.intercept,
    )
    counts = np.bincount(y, minlength=3).tolist()
    meta = {
        "trained_on": {"n": len(y), "class_counts": dict(zip(LABELS, counts))},
        "C": C,
        "balanced": balanced,
        "base": None if base is None else base.name,
    }
    return HeadModel(
        coef,
        intercept,
        embedder=embedder,
        lexicon_features=features,
        lexicon_band=band,
        meta=meta,
        cache=cache,
        cache_dir=cache_dir,
        name=name or f"head({head.embedder_spec}{', adapted from ' + base.name if base else ''})",
    )


# ------------------------------------------------------------------------------------ transformers


class TransformersModel:
    """A Hugging Face ``transformers`` text-classification model from a local folder.

    For teams that have a fine-tuned sentiment model (e.g. a Twitter XLM-R one) saved with
    ``save_pretrained``. Nothing is downloaded (``local_files_only``): a hub name works only if the
    model is already in the local Hugging Face cache. Labels are mapped to ours: names containing
    negative/neutral/positive (or neg/neu/pos), ``LABEL_0/1/2`` (in that order; ``LABEL_0/1`` =
    negative/positive), or 1-5 stars (1-2 negative, 3 neutral, 4-5 positive).
    """

    def __init__(
        self, path_or_name: str | Path, *, batch_size: int = 32, max_length: int = 256, device: str | int = "cpu"
    ):
        try:
            from transformers import AutoModelForSequenceClassification, AutoTokenizer
        except ImportError as exc:
            raise MissingBackend("the 'transformers:' backend needs: pip install transformers torch") from exc
        self.path = str(path_or_name)
        try:
            self.tokenizer = AutoTokenizer.from_pretrained(self.path, local_files_only=True)
            self.model = AutoModelForSequenceClassification.from_pretrained(self.path, local_files_only=True)
        except (OSError, ValueError) as exc:
            raise MissingBackend(
                f"cannot load a text-classification model from {self.path!r} offline: give the path of a "
                f"folder saved with save_pretrained (config, weights and tokenizer); nothing is fetched "
                f"from a hub ({type(exc).__name__}: {exc})"
            ) from exc
        self.model.eval()
        self.batch_size = batch_size
        self.max_length = max_length
        self.device = device
        id2label = getattr(self.model.config, "id2label", None) or {}
        self.labels = [str(id2label.get(i, f"LABEL_{i}")) for i in range(self.model.config.num_labels)]
        self.mapping = label_mapping(self.labels)
        self.name = f"transformers:{Path(self.path).name}"

    def predict(self, texts: Sequence[str], langs: Sequence[str] | None = None) -> pd.DataFrame:
        import torch

        texts = _texts(texts)
        self.model.to(self.device)
        out = np.zeros((len(texts), 3))
        limit = min(
            self.max_length,
            getattr(self.tokenizer, "model_max_length", None) or self.max_length,
            getattr(self.model.config, "max_position_embeddings", None) or self.max_length,
        )
        multi_label = getattr(self.model.config, "problem_type", None) == "multi_label_classification"
        with torch.no_grad():
            for start in range(0, len(texts), self.batch_size):
                batch = texts[start : start + self.batch_size]
                enc = self.tokenizer(batch, padding=True, truncation=True, max_length=limit, return_tensors="pt").to(
                    self.device
                )
                logits = self.model(**enc).logits.float()
                # what the text-classification pipeline applies: softmax, or sigmoid for multi-label heads
                probs = (torch.sigmoid(logits) if multi_label else torch.softmax(logits, dim=-1)).cpu().numpy()
                out[start : start + len(batch)] = probs @ self.mapping
        return frame_from_probs(out)


def label_mapping(labels: Sequence[str]) -> np.ndarray:
    """A (n_labels, 3) matrix that sums a model's label probabilities into negative/neutral/positive."""
    import re

    n = len(labels)
    M = np.zeros((n, 3))
    low = [str(l).strip().lower() for l in labels]
    for i, l in enumerate(low):
        stars = re.fullmatch(r"([1-5])\s*stars?", l)
        if stars:
            k = int(stars.group(1))
            M[i, 0 if k <= 2 else (1 if k == 3 else 2)] = 1
        elif l.startswith("neg"):
            M[i, 0] = 1
        elif l.startswith("neu"):
            M[i, 1] = 1
        elif l.startswith("pos"):
            M[i, 2] = 1
    if (M.sum(axis=1) == 1).all():
        return M
    if all(re.fullmatch(r"label_\d+", l) for l in low) and n in (2, 3):
        M = np.zeros((n, 3))
        for i in range(n):
            M[i, [0, 2][i] if n == 2 else i] = 1
        return M
    raise ValueError(
        f"cannot map the model's labels {list(labels)} to negative/neutral/positive "
        "(expected negative/neutral/positive, LABEL_0..2 or 1-5 stars)"
    )


# ------------------------------------------------------------------------------------------ distilled


class FastModel:
    """A teacher (the head by default) on a seeded sample, a student on hashed n-grams for the rest.

    The teacher scores ``sample`` texts drawn at random (seeded) from those given; a logistic
    regression on their hashed word 1-2-grams learns the teacher's labels (:func:`kit.tl.distil.fit`,
    20 % held out to measure agreement first) and scores the other texts at some 40,000 texts a second on two
    cores. Sampled texts keep the teacher's probabilities. With ``match_shares`` the student's label
    shares are shifted to the teacher's on the sample (:func:`kit.tl.distil.match_shares`), so that
    aggregate figures (net sentiment) do not inherit the student's lean. With no more texts than ``sample`` the
    teacher scores them all. After :meth:`predict`, :attr:`last` says what happened (how many texts
    each scored, the held-out agreement) and :attr:`description` says it in a sentence.
    """

    def __init__(
        self,
        teacher: str | SentimentModel = "head",
        *,
        sample: int = 20_000,
        seed: int = 0,
        holdout: float = 0.2,
        match_shares: bool = True,
        jobs: int | None = None,
    ):
        self.teacher = get_model(teacher)
        self.sample, self.seed, self.holdout, self.jobs = int(sample), int(seed), float(holdout), jobs
        self.match_shares = bool(match_shares)
        self.name = f"fast(teacher {self.teacher.name} on {self.sample:,} sampled texts; hashed n-gram student)"
        self.last: dict = {}

    @property
    def description(self) -> str:
        last = self.last
        if not last:
            return self.name
        if not last.get("student"):
            return f"{self.teacher.name} on all {last['teacher']:,} distinct texts"
        return (
            f"{self.teacher.name} on a random sample of {last['teacher']:,} distinct texts, a student "
            f"(logistic regression on hashed word n-grams) taught on them for the other "
            f"{last['student']:,}; the student agrees with {self.teacher.name} on "
            f"{last['agreement']:.1%} of {last['holdout']:,} held-out sample texts"
            + (
                "; its label shares were shifted to the teacher's on the sample (negative / neutral / positive "
                + " / ".join(f"{v:.1%}" for v in last["teacher_shares"].values())
                + ", the student alone gave "
                + " / ".join(f"{v:.1%}" for v in last["student_shares_before_matching"].values())
                + ")"
                if last.get("shares_matched")
                else ""
            )
        )

    def predict(self, texts: Sequence[str], langs: Sequence[str] | None = None) -> pd.DataFrame:
        from . import distil

        texts = _texts(texts)
        langs = _langs(langs, len(texts))
        chosen = distil.sample_indices(len(texts), self.sample, self.seed)
        pick = lambda v: None if v is None else [v[i] for i in chosen]
        taught = self.teacher.predict(pick(texts), pick(langs))
        if len(chosen) == len(texts):
            self.last = {"teacher": len(texts), "student": 0}
            return taught.reset_index(drop=True)
        labels = taught["sentiment"].astype(str).to_numpy()
        student = distil.fit(pick(texts), labels, langs=pick(langs), holdout=self.holdout, seed=self.seed)
        rest = np.setdiff1d(np.arange(len(texts)), chosen)
        probs = np.zeros((len(texts), 3))
        probs[chosen] = taught[["p_negative", "p_neutral", "p_positive"]].to_numpy()
        got = student.predict(
            [texts[i] for i in rest], None if langs is None else [langs[i] for i in rest], jobs=self.jobs
        )
        for k, label in enumerate(student.classes):
            probs[rest, LABELS.index(label)] = got[:, k]
        target = np.array([np.mean(labels == label) for label in LABELS])
        raw = np.bincount(probs[rest].argmax(axis=1), minlength=3) / len(rest)
        if self.match_shares:
            probs[rest] = distil.match_shares(probs[rest], target)
        self.last = {
            "teacher": len(chosen),
            "student": len(rest),
            "agreement": student.agreement,
            "holdout": student.holdout,
            "teacher_shares": dict(zip(LABELS, target.round(4).tolist())),
            "student_shares_before_matching": dict(zip(LABELS, raw.round(4).tolist())),
            "shares_matched": self.match_shares,
        }
        return frame_from_probs(probs)


# ------------------------------------------------------------------------------------------ the verb


def get_model(name: str | SentimentModel = "head", **kwargs) -> SentimentModel:
    """A sentiment model: ``head`` (default, shipped), ``lexicon``, ``transformers:<path>``, or the path
    of a head saved with :meth:`HeadModel.save`. Objects following :class:`SentimentModel` pass through."""
    if not isinstance(name, (str, os.PathLike)):
        return name
    name = str(name)
    if name == "head":
        return HeadModel.load(**kwargs)
    if name == "lexicon":
        return LexiconModel(**kwargs)
    if name == "fast":
        return FastModel(**kwargs)
    if name.startswith("transformers:"):
        return TransformersModel(name[len("transformers:") :], **kwargs)
    path = Path(name)
    if path.suffix in (".npz", ".json") or path.with_suffix(".npz").exists():
        return HeadModel.load(path, **kwargs)
    raise ValueError(
        f"unknown sentiment model {name!r}; choose head, lexicon, fast, transformers:<path> "
        "or the path of a saved head (.npz)"
    )


def score(
    posts: pd.DataFrame,
    *,
    model: str | SentimentModel = "head",
    column: str = "text",
    lang_column: str = "lang",
    embeddings: np.ndarray | None = None,
) -> pd.DataFrame:
    """Sentiment of each post: a copy of ``posts`` with :data:`COLUMNS` added (replaced if present).

    Each distinct (text, language) pair is scored once (reposts and copies share their text's score).
    ``attrs["note"]`` of the result says in a sentence how the posts were scored.

    Parameters
    ----------
    model
        A name for :func:`get_model` (``"head"``, ``"lexicon"``, ``"fast"``, ``"transformers:<path>"``,
        a saved head's path), ``"auto"`` (the head up to :data:`AUTO_LIMIT` distinct texts, ``fast``
        above) or a :class:`SentimentModel`.
    column
        The text column.
    lang_column
        Language codes (``fr``, ``de``, ``en``, ``und``...), used when the column exists to pick each
        post's lexicon; guessed from the text otherwise (head) or taken as English (lexicon).
    embeddings
        Precomputed embeddings of the posts, one row each, for a head model (skips embedding).

    Examples
    --------
    >>> from kit import datasets
    >>> from kit.tl import sentiment
    >>> posts, _ = datasets.load_sample()  # doctest: +SKIP
    >>> scored = sentiment.score(posts)  # doctest: +SKIP
    >>> scored.groupby("lang")["score"].mean()  # doctest: +SKIP
    """
    texts = posts[column].astype("string").fillna("")
    langs = posts[lang_column].astype("string").fillna("und") if lang_column in posts.columns else None
    key = texts if langs is None else texts + "\x1f" + langs
    codes, _ = pd.factorize(key, sort=False)
    first = np.unique(codes, return_index=True)[1] if len(codes) else np.zeros(0, dtype=int)
    if isinstance(model, str) and model == "auto":
        model = "fast" if len(first) > AUTO_LIMIT else "head"
    sm = get_model(model)
    from .. import provenance

    provenance.note_model("sentiment", sm.name)
    u_texts = texts.iloc[first].tolist()
    u_langs = None if langs is None else langs.iloc[first].tolist()
    if embeddings is not None:
        if not isinstance(sm, HeadModel):
            raise ValueError("embeddings= only applies to a head model")
        embeddings = np.asarray(embeddings)
        if len(embeddings) != len(posts):
            raise ValueError(f"{len(embeddings)} embeddings for {len(posts)} posts")
        result = sm.predict(u_texts, u_langs, embeddings=embeddings[first])
    else:
        result = sm.predict(u_texts, u_langs)
    out = posts.drop(columns=[c for c in COLUMNS if c in posts.columns]).copy()
    for col in COLUMNS:
        out[col] = result[col].to_numpy()[codes] if len(codes) else result[col].to_numpy()
    out["sentiment"] = out["sentiment"].astype("string")
    how = getattr(sm, "description", sm.name)
    if how != sm.name:
        provenance.note_model("sentiment", how)
    out.attrs["note"] = f"Sentiment of {len(posts):,} posts ({len(first):,} distinct texts, each scored once): {how}."
    return out
