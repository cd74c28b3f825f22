"""Emotions per post (Plutchik's eight: anger, anticipation, disgust, fear, joy, sadness, surprise, trust).

Backends, and what each language gets
-------------------------------------
``nade``      English only. nade 0.3.1 (MIT; its fastText emoji model and LightGBM regressors ship
              inside the wheel, so it runs offline): predicts the emoji a post would carry, then maps
              them to eight emotion intensities in [0, 1]. On French or German text it returns
              numbers, but they mean little (it reads English words and emoji).
``head``      any language USE covers: a ridge head on multilingual USE embeddings, distilled from
              nade's scores on ~23,700 English texts (``kit/tl/models/emotion_head.npz``). On English
              it tracks nade (held-out correlations in the model card); French and German get it
              through the multilingual space, and **its quality there is not measured against human
              emotion labels** (none exist offline): the model card reports only indirect checks.
``auto``      the default: ``nade`` for posts whose ``lang`` is ``en``, ``head`` for the others,
              each joined (noisy-or) with the lexicons of ``keywords``: the learnt models miss most
              complaint vocabulary, which is how anger shows in a customer crisis.
``fast``      for large corpora (``auto`` above :data:`kit.tl.sentiment.AUTO_LIMIT` distinct texts): nade and
              the head on the sentiment teacher's seeded sample of 20,000 distinct texts (its USE embeddings
              are reused), a ridge student on hashed n-grams for the rest, the lexicons joined; its agreement
              with them on held-out sample texts is stated (:mod:`kit.tl.emotion_fast`).
``keywords``  hand-written French/German/English lexicons of emotion and complaint words and emoji:
              no model, deterministic, also the fallback for tests and machines without nade or USE
              (:mod:`kit.tl.emotion_keywords`). What each language gets, and the checks on real crisis
              and airline tweets, are in the model card.

:func:`emotions` returns a copy of the posts with one column per emotion and ``emotion``, the
dominant one, or ``"none"`` when no score reaches ``min_score``.

>>> import pandas as pd
>>> from kit.tl import emotion
>>> posts = pd.DataFrame({"text": ["J'ai peur de ce train", "Ich bin so glücklich!"], "lang": ["fr", "de"]})
>>> emotion.emotions(posts, model="keywords")["emotion"].tolist()
['fear', 'joy']
"""

from __future__ import annotations

import json
import warnings
from collections.abc import Sequence
from pathlib import Path

import numpy as np
import pandas as pd

from ._emotion_base import EMOTIONS, EmotionModel, _frame, _texts
from ._linear_head import LinearHead
from ._sentiment_base import unsupported
from .embed import MissingBackend
from .emotion_keywords import KeywordEmotionModel

__all__ = [
    "EMOTIONS",
    "EmotionModel",
    "NadeModel",
    "EmotionHead",
    "AutoEmotionModel",
    "KeywordEmotionModel",
    "emotions",
    "get_model",
    "DEFAULT_HEAD",
]

MODELS_DIR = Path(__file__).resolve().parent / "models"
DEFAULT_HEAD = MODELS_DIR / "emotion_head.npz"
FORMAT = "kit-emotion-head/1"


class NadeModel:
    """nade's English emotion intensities (``socialmedia_en``). Loads in a few seconds; ~500 posts/s.

    nade unpacks its gzipped LightGBM models next to its own files on first use; where that folder
    is read-only, the models are read from the ``.gz`` files in memory instead.
    """

    name = "nade-0.3.1(socialmedia_en)"

    def __init__(self):
        try:
            with warnings.catch_warnings():
                warnings.simplefilter("ignore")
                from nade import Nade
        except ImportError as exc:
            raise MissingBackend("the 'nade' emotion model needs: pip install nade") from exc
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            try:
                self._nade = Nade()
            except PermissionError:
                self._nade = _nade_from_gz(Nade)

    def scores(self, texts: Sequence[str], langs: Sequence[str] | None = None) -> pd.DataFrame:
        """nade's eight emotion intensities for each text (English)."""
        texts = [" ".join(t.split()) or "." for t in _texts(texts)]  # fastText reads one line per text
        if not texts:
            return _frame(np.zeros((0, len(EMOTIONS))))
        raw = self._nade.predict(texts)
        return _frame(np.column_stack([np.asarray(raw[e].to_pylist(), dtype=np.float64) for e in EMOTIONS]))


def _nade_from_gz(nade_cls):  # pragma: no cover - only where site-packages is read-only
    """A Nade whose LightGBM boosters are read from the shipped .gz files without unpacking to disk."""
    import gzip

    import fasttext
    import lightgbm as lgb
    from nade import __path__ as root

    base = Path(root[0]) / "data" / "socialmedia_en"
    obj = nade_cls.__new__(nade_cls)
    obj.emojis = {}
    for line in (base / "emoji_frequencies.jsonl").read_text().splitlines():
        d = json.loads(line)
        obj.emojis[d["emoji"]] = d["hash"]
    obj.max_k = len(obj.emojis)
    obj.tm = fasttext.load_model(str(base / "nade_250k_hp.ftz"))
    obj.labels = list(EMOTIONS)
    obj.gb_reg = {e: lgb.Booster(model_str=gzip.open(base / f"reg_{e}.txt.gz", "rt").read()) for e in EMOTIONS}
    obj.elookup = {v: k for k, v in obj.emojis.items()}
    return obj


class EmotionHead(LinearHead):
    """A linear head from sentence embeddings to the eight emotion scores (clipped to [0, 1]).

    The shipped one (``EmotionHead.load()``) is ridge regression on USE embeddings of English texts
    with nade's scores as targets: a cross-lingual student of an English teacher. Saved as ``.npz``
    (``coef``, ``intercept``) + ``.json`` metadata; no pickle.
    """

    kind = "emotion-head"
    format = FORMAT
    outputs = EMOTIONS
    outputs_key = "emotions"
    default_path = DEFAULT_HEAD
    missing = "no emotion head at {path}; build it with: python -m kit.tl.train_sentiment --only-emotion"

    def scores(
        self, texts: Sequence[str], langs: Sequence[str] | None = None, *, embeddings: np.ndarray | None = None
    ) -> pd.DataFrame:
        """Emotion scores of each text from its embedding (given or computed), clipped to [0, 1]."""
        texts = _texts(texts)
        if embeddings is None:
            if not texts:
                return _frame(np.zeros((0, len(EMOTIONS))))
            embeddings = self.embed_texts(texts)
        X = np.asarray(embeddings, dtype=np.float64)
        if len(X) != len(texts):
            raise ValueError(f"{len(X)} embeddings for {len(texts)} texts")
        return _frame(X @ self.coef.T + self.intercept)


class AutoEmotionModel:
    """nade for English posts (``lang == "en"``), the distilled head for every other language, each
    joined with the lexicons of :mod:`kit.tl.emotion_keywords` (``lexicon=True``, the default).

    The learnt scores read emotion words and emoji but miss most complaint vocabulary ("ras-le-bol",
    "Frechheit", "thanks for nothing"): on the sample's billing crisis they leave 90 % of posts without
    an emotion and find no anger. The lexicon's score ``k`` is joined to the model's ``m`` as a noisy-or,
    ``1 - (1 - m) (1 - k)``: a post with no listed word keeps the model's score, one listed word lifts its
    emotion to at least 0.5. Without ``langs`` every post goes to the head (it covers all languages).
    """

    def __init__(self, english: EmotionModel | None = None, other: EmotionModel | None = None, *, lexicon: bool = True):
        self._english = english
        self._other = other
        self._lexicon = KeywordEmotionModel() if lexicon else None
        self.name = "auto(en: nade, other: emotion-head" + (", + keywords(fr,de,en)+emoji)" if lexicon else ")")

    @property
    def english(self) -> EmotionModel:
        if self._english is None:
            self._english = NadeModel()
        return self._english

    @property
    def other(self) -> EmotionModel:
        if self._other is None:
            self._other = EmotionHead.load()
        return self._other

    def scores(self, texts: Sequence[str], langs: Sequence[str] | None = None) -> pd.DataFrame:
        """Emotion scores: nade for English texts, the head for the others."""
        texts = _texts(texts)
        out = np.zeros((len(texts), len(EMOTIONS)))
        is_en = (
            np.zeros(len(texts), dtype=bool)
            if langs is None
            else np.array([str(v).lower().startswith("en") for v in langs], dtype=bool)
        )
        if is_en.any():
            out[is_en] = self.english.scores([t for t, e in zip(texts, is_en) if e]).to_numpy()
        if (~is_en).any():
            out[~is_en] = self.other.scores([t for t, e in zip(texts, is_en) if not e]).to_numpy()
        if self._lexicon is not None and len(texts):
            k = self._lexicon.scores(texts, langs).to_numpy()
            out = 1 - (1 - np.clip(out, 0, 1)) * (1 - k)
        return _frame(out)


def get_model(name: str | EmotionModel = "auto") -> EmotionModel:
    """An emotion model: ``auto`` (default), ``nade``, ``head``, ``keywords``, ``fast`` or a saved head's path."""
    if not isinstance(name, (str, Path)):
        return name
    name = str(name)
    if name == "auto":
        return AutoEmotionModel()
    if name == "nade":
        return NadeModel()
    if name == "head":
        return EmotionHead.load()
    if name == "keywords":
        return KeywordEmotionModel()
    if name == "fast":
        from .emotion_fast import FastEmotionModel

        return FastEmotionModel()
    if name.endswith(".npz") or Path(name).with_suffix(".npz").exists():
        return EmotionHead.load(name)
    raise ValueError(f"unknown emotion model {name!r}; choose auto, nade, head, keywords, fast or a saved head's path")


def emotions(
    posts: pd.DataFrame,
    *,
    model: str | EmotionModel = "auto",
    column: str = "text",
    lang_column: str = "lang",
    min_score: float = 0.3,
) -> pd.DataFrame:
    """Emotion scores per post: a copy of ``posts`` with one column per emotion (:data:`EMOTIONS`,
    values in [0, 1]) and ``emotion``, the highest-scoring one, or ``"none"`` when none reaches
    ``min_score``.

    Parameters
    ----------
    model
        ``"auto"`` (nade for English, the distilled head otherwise, with the lexicons; above
        :data:`kit.tl.sentiment.AUTO_LIMIT` distinct texts ``"fast"``: those models on the sentiment
        teacher's sample and a student for the rest, :mod:`kit.tl.emotion_fast`), ``"nade"``, ``"head"``,
        ``"keywords"`` (no model), ``"fast"`` or an :class:`EmotionModel`. Each distinct (text, language)
        pair is scored once; ``attrs["emotion_note"]`` of the result says how.
    lang_column
        Language codes; used by ``auto`` to route English posts to nade. Missing: everything goes
        to the head.
    min_score
        The smallest top score that names a dominant emotion.

    Examples
    --------
    >>> posts = pd.DataFrame({"text": ["Ich habe Angst vor der Reise", "Le train part à 8h."]})
    >>> emotions(posts, model="keywords")["emotion"].tolist()  # the default needs nade and USE
    ['fear', 'none']
    """
    texts = posts[column].astype("string").fillna("")
    langs = posts[lang_column].astype("string").fillna("und") if lang_column in posts.columns else None
    key = texts if langs is None else texts + "\x1f" + langs  # the sentiment verb's distinct texts, in its order
    codes, _ = pd.factorize(key, sort=False)
    first = np.unique(codes, return_index=True)[1] if len(codes) else np.zeros(0, dtype=int)
    if isinstance(model, str) and model == "auto":
        from .sentiment import AUTO_LIMIT

        model = "fast" if len(first) > AUTO_LIMIT else "auto"
    em = get_model(model)
    from .. import provenance

    provenance.note_model("emotion", em.name)
    u_texts = texts.iloc[first].tolist()
    u_langs = None if langs is None else langs.iloc[first].tolist()
    distinct = em.scores(u_texts, u_langs)[list(EMOTIONS)].to_numpy(dtype=np.float64)
    values = distinct[codes] if len(codes) else distinct.copy()
    values[unsupported(None if langs is None else langs.tolist(), len(values))] = np.nan  # not read (issue 14)
    how = getattr(em, "description", em.name)
    if how != em.name:
        provenance.note_model("emotion", how)
    out = posts.drop(columns=[c for c in (*EMOTIONS, "emotion") if c in posts.columns]).copy()
    for i, e in enumerate(EMOTIONS):
        out[e] = values[:, i]
    if len(values):
        top = values.argmax(axis=1)
        dominant = np.where(values.max(axis=1) >= min_score, np.asarray(EMOTIONS, dtype=object)[top], "none")
        dominant = np.where(np.isnan(values).any(axis=1), None, dominant)
    else:
        dominant = np.array([], dtype=object)
    out["emotion"] = pd.Series(dominant, index=out.index, dtype="string")
    out.attrs["emotion_note"] = (
        f"Emotions of {len(posts):,} posts ({len(first):,} distinct texts, each scored once): {how}."
    )
    return out
