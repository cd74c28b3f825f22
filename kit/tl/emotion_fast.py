"""Emotions of large corpora: the learnt models on a seeded sample, a hashed n-gram student for the rest.

``emotions(model="auto")`` reads English posts with nade and every other post through its USE embedding
(the distilled head): on 100,000 posts that is tens of thousands of USE embeddings, minutes on two cores.
Above :data:`kit.tl.sentiment.AUTO_LIMIT` distinct texts, :class:`FastEmotionModel` runs them (the
*teacher*) on a seeded random sample of :data:`SAMPLE` distinct texts only, drawn exactly as the sentiment
``fast`` model draws its own (:func:`kit.tl.distil.sample_texts`: a seeded hash of each text; same seed, same
size), so the head reads the USE embeddings the sentiment teacher has just put in the cache and embeds
nothing more. A ridge regression on
hashed word 1-2-grams (:func:`kit.tl.distil._features`, the sentiment student's features) learns the
teacher's eight scores and scores the other texts; each emotion's student scores are then mapped onto the
teacher's distribution on held-out sample texts (quantile matching), so that the share of posts reaching an
emotion, and so the dominant emotions' shares, are the teacher's rather than shrunk toward the mean. The
lexicons of :mod:`kit.tl.emotion_keywords` are joined to every post as in ``auto`` (noisy-or).

20 % of the sample is held out: the student's agreement with the teacher on the dominant emotion (lexicons
joined on both sides) and its per-emotion correlation are measured there and said in
:attr:`FastEmotionModel.description`. The sampled texts keep the teacher's scores.

What it gives up, measured with ``bench/eval_emotion.py --only-fast`` (the teacher on a seeded 30 % of the
distinct texts, a student taught on them for the rest): on 100,000 generated posts (20,000 of 69,101 texts)
the student gives the teacher's dominant emotion to 90 % of held-out sample texts; on real tweets, with
3,400-4,300 texts to learn from, far less: 60 % of held-out texts on CrisisLex T26 (crisis tweets, several
languages; 66 % of the posts it scored) and 75 % on the airline tweets (74 % of the posts it scored), and the
held-out figure said so. What the human labels speak to moved little: the airline tweets' emotion polarity
matched the crowd's sentiment on 37.5 % of the posts the student scored instead of 38.4 % with the teacher,
CrisisLex's share of fear and sadness among posts with an emotion was 43 % instead of 42 %, and the events
where fear and sadness outnumber joy went from 12 to 11 of 26.

>>> import numpy as np
>>> texts = ["so angry", "so happy", "what a day", "angry again", "happy again"] * 20
>>> targets = np.array([[0.9, 0.1], [0.1, 0.9], [0.2, 0.2], [0.8, 0.1], [0.1, 0.8]] * 20)
>>> student = fit_student(texts, targets, seed=0, holdout=0.0)
>>> student.predict(["angry", "happy"]).argmax(axis=1).tolist()
[0, 1]
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field

import numpy as np
import pandas as pd

from ._emotion_base import EMOTIONS, EmotionModel, _frame, _texts
from .emotion_keywords import KeywordEmotionModel

__all__ = ["SAMPLE", "ScoreStudent", "fit_student", "dominant", "FastEmotionModel"]

#: Distinct texts the teacher reads: the sentiment ``fast`` model's sample size (``FastModel(sample=...)``'s
#: default), so that both draw the same texts and the USE embeddings are computed once.
SAMPLE = 20_000
#: Quantiles of the calibration map from student scores to teacher scores.
_QUANTILES = np.linspace(0.0, 1.0, 201)


def dominant(values: np.ndarray, min_score: float = 0.3) -> np.ndarray:
    """The highest-scoring emotion of each row, or ``"none"`` when no score reaches ``min_score``.

    Parameters
    ----------
    values
        Scores (n, 8), columns in :data:`~kit.tl._emotion_base.EMOTIONS` order.
    min_score
        The smallest top score that names an emotion.

    Returns
    -------
    ndarray
        One label per row (object).

    Examples
    --------
    >>> dominant(np.array([[0.1, 0.0, 0.0, 0.6, 0.0, 0.0, 0.0, 0.0], [0.1] * 8])).tolist()
    ['fear', 'none']
    """
    values = np.asarray(values, dtype=np.float64).reshape(-1, len(EMOTIONS))
    if not len(values):
        return np.array([], dtype=object)
    return np.where(values.max(axis=1) >= min_score, np.asarray(EMOTIONS, dtype=object)[values.argmax(axis=1)], "none")


@dataclass(kw_only=True)
class ScoreStudent:
    """A fitted student: hashed n-grams into a ridge regression, one output per score.

    ``quantiles`` (k outputs x q) maps the raw output of each score onto ``targets`` (the teacher's
    quantiles on held-out texts); empty: no map. ``agreement`` is filled by the caller (see
    :class:`FastEmotionModel`), ``correlation`` is each output's Pearson correlation with the teacher on
    the ``holdout`` held-out texts.
    """

    coef: np.ndarray
    intercept: np.ndarray
    n_features: int
    quantiles: np.ndarray = field(default_factory=lambda: np.zeros((0, 0)))
    targets: np.ndarray = field(default_factory=lambda: np.zeros((0, 0)))
    holdout: int = 0
    trained_on: int = 0
    correlation: np.ndarray = field(default_factory=lambda: np.zeros(0))
    info: dict = field(default_factory=dict)

    def raw(self, texts: Sequence[str], langs: Sequence[str] | None = None) -> np.ndarray:
        """The regression's outputs, one row per text (before the quantile map)."""
        from .distil import BLOCK, _features

        texts = ["" if t is None else str(t) for t in texts]
        langs = None if langs is None else [str(v) for v in langs]
        out = np.zeros((len(texts), len(self.intercept)))
        for i in range(0, len(texts), BLOCK):
            X = _features(texts[i : i + BLOCK], None if langs is None else langs[i : i + BLOCK], self.n_features)
            out[i : i + BLOCK] = np.asarray(X @ self.coef.T) + self.intercept
        return out

    def calibrate(self, raw: np.ndarray) -> np.ndarray:
        """Each column of ``raw`` mapped through its quantile map (unchanged without one)."""
        raw = np.asarray(raw, dtype=np.float64)
        if not self.quantiles.size:
            return raw
        return _apply(raw, self.quantiles, self.targets)

    def predict(self, texts: Sequence[str], langs: Sequence[str] | None = None) -> np.ndarray:
        """Scores of each text: the regression's outputs through the quantile maps."""
        return self.calibrate(self.raw(texts, langs))


def _quantile_map(raw: np.ndarray, teacher: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """Per column, the quantiles of ``raw`` and of ``teacher`` (made strictly increasing for interp)."""
    q = np.quantile(raw, _QUANTILES, axis=0).T
    t = np.quantile(teacher, _QUANTILES, axis=0).T
    q = q + np.arange(q.shape[1]) * 1e-12  # ties (many zeros) would make np.interp ill-defined
    return q, t


def _apply(raw: np.ndarray, quantiles: np.ndarray, targets: np.ndarray) -> np.ndarray:
    return np.column_stack([np.interp(raw[:, j], quantiles[j], targets[j]) for j in range(raw.shape[1])])


def _cross_fitted(raw: np.ndarray, teacher: np.ndarray) -> np.ndarray:
    """``raw`` mapped onto ``teacher`` with maps learnt on the other half of the rows (two folds): what the
    student gives texts whose own teacher scores it has not seen, calibration included."""
    half = len(raw) // 2
    out = np.empty_like(raw, dtype=np.float64)
    for fit, use in ((slice(0, half), slice(half, None)), (slice(half, None), slice(0, half))):
        out[use] = _apply(raw[use], *_quantile_map(raw[fit], teacher[fit]))
    return out


def fit_student(
    texts: Sequence[str],
    targets: np.ndarray,
    *,
    langs: Sequence[str] | None = None,
    holdout: float = 0.2,
    seed: int = 0,
    alpha: float = 0.3,
    n_features: int = 2**20,
) -> ScoreStudent:
    """Train a ridge student on the teacher's scores of ``texts``.

    Parameters
    ----------
    texts, targets
        The teacher's sample and its scores (n, k).
    langs
        Language of each text (a feature: each language gets its own intercept), or None.
    holdout
        Share of the sample held out: the student is fitted on the rest, its outputs on the held-out texts
        give the quantile maps onto the teacher's scores and the correlations. 0: fitted on all, no map.
    seed
        Seed of the held-out draw.
    alpha
        L2 strength of the ridge regression (0.3 agreed best with the teacher on 100,000 generated posts).
    n_features
        Hash buckets of the word n-grams.

    Returns
    -------
    ScoreStudent
        The student; ``info["held_out"]`` holds the held-out positions and ``info["held_out_scores"]`` the
        student's scores of them, calibrated with maps learnt on the other half (for the caller's agreement).
    """
    from sklearn.linear_model import Ridge

    from .distil import _features

    texts = ["" if t is None else str(t) for t in texts]
    Y = np.asarray(targets, dtype=np.float64)
    if Y.ndim != 2 or len(Y) != len(texts):
        raise ValueError(f"targets of shape {Y.shape} for {len(texts)} texts (one row of scores per text)")
    langs = None if langs is None else [str(v) for v in langs]
    X = _features(texts, langs, n_features)
    order = np.random.default_rng(seed).permutation(len(texts))
    n_hold = int(round(holdout * len(texts))) if holdout else 0
    held, rows = (order[:n_hold], order[n_hold:]) if n_hold >= 20 else (order[:0], order)
    active = np.unique(X[rows].indices)  # fit on the n-grams the training rows have (tens of thousands)
    model = Ridge(alpha=alpha).fit(X[rows][:, active], Y[rows])
    coef = np.zeros((Y.shape[1], n_features), dtype=np.float32)
    coef[:, active] = model.coef_.reshape(Y.shape[1], -1)
    student = ScoreStudent(
        coef=coef,
        intercept=np.asarray(model.intercept_, dtype=np.float64).reshape(-1),
        n_features=n_features,
        trained_on=len(rows),
        holdout=len(held),
        info={"held_out": held},
    )
    if len(held):
        raw = np.asarray(X[held] @ coef.T) + student.intercept
        student.quantiles, student.targets = _quantile_map(raw, Y[held])
        fitted = np.clip(_cross_fitted(raw, Y[held]), 0, 1)
        student.correlation = np.array(
            [
                np.corrcoef(fitted[:, j], Y[held, j])[0, 1]
                if Y[held, j].std() > 0 and fitted[:, j].std() > 0
                else np.nan
                for j in range(Y.shape[1])
            ]
        )
        student.info["held_out_scores"] = fitted
    return student


class FastEmotionModel:
    """The learnt emotion models (the teacher) on a seeded sample of the texts, a ridge student for the rest.

    Parameters
    ----------
    teacher
        The model run on the sample (default: ``auto`` without its lexicons, i.e. nade for English and the
        distilled head for the others). Its scores are what the student learns.
    sample
        Texts the teacher reads (default :data:`SAMPLE`, the sentiment ``fast`` model's).
    seed
        Seed of the sample and of the held-out draw (the sentiment ``fast`` model's default, 0).
    holdout
        Share of the sample held out to measure agreement and to calibrate the student.
    lexicon
        Join the lexicons of :mod:`kit.tl.emotion_keywords` to every text (noisy-or), as ``auto`` does.
    min_score
        The dominant emotion's threshold, for the agreement measured on held-out texts.

    :meth:`scores` expects distinct texts (:func:`kit.tl.emotion.emotions` gives them); after it,
    :attr:`last` holds what happened and :attr:`description` says it in a sentence.
    """

    def __init__(
        self,
        teacher: EmotionModel | None = None,
        *,
        sample: int = SAMPLE,
        seed: int = 0,
        holdout: float = 0.2,
        lexicon: bool = True,
        min_score: float = 0.3,
    ):
        if teacher is None:
            from .emotion import AutoEmotionModel

            teacher = AutoEmotionModel(lexicon=False)
        self.teacher = teacher
        self.sample, self.seed, self.holdout, self.min_score = int(sample), int(seed), float(holdout), float(min_score)
        self._lexicon = KeywordEmotionModel() if lexicon else None
        self.name = f"fast(teacher {teacher.name} on {self.sample:,} sampled texts; hashed n-gram ridge student)" + (
            " + keywords(fr,de,en)+emoji" if lexicon else ""
        )
        self.last: dict = {}

    @property
    def description(self) -> str:
        """What the last :meth:`scores` did, in a sentence."""
        last = self.last
        if not last:
            return self.name
        lex = " joined with the lexicons" if self._lexicon is not None else ""
        if not last.get("student"):
            return f"{self.teacher.name} on all {last['teacher']:,} distinct texts{lex}"
        return (
            f"{self.teacher.name} on a seeded random sample of {last['teacher']:,} distinct texts (drawn as the "
            f"sentiment model's), a student (ridge regression on hashed word n-grams, its scores mapped onto the "
            f"teacher's distribution) on the other {last['student']:,}"
            + (", the lexicons joined to every text" if lex else "")
            + f"; on {last['holdout']:,} held-out sample texts the student gives the teacher's dominant emotion "
            f"to {last['agreement']:.1%} (correlation of the scores {last['correlation_min']:.2f} to "
            f"{last['correlation_max']:.2f})"
        )

    def _join(self, values: np.ndarray, texts: list[str], langs: list[str] | None) -> np.ndarray:
        if self._lexicon is None or not len(texts):
            return values
        k = self._lexicon.scores(texts, langs).to_numpy()
        return 1 - (1 - np.clip(values, 0, 1)) * (1 - k)

    def scores(self, texts: Sequence[str], langs: Sequence[str] | None = None) -> pd.DataFrame:
        """Emotion scores: the teacher's on the sample, the student's elsewhere, lexicons joined."""
        from .distil import sample_texts

        texts = _texts(texts)
        langs = None if langs is None else [str(v) for v in langs]
        if langs is not None and len(langs) != len(texts):
            raise ValueError(f"{len(langs)} languages for {len(texts)} texts")
        chosen = sample_texts(texts, self.sample, self.seed)  # the sentiment teacher's draw (kit.tl.distil)
        pick = lambda v: None if v is None else [v[i] for i in chosen]
        taught = self.teacher.scores(pick(texts), pick(langs))[list(EMOTIONS)].to_numpy(dtype=np.float64)
        out = np.zeros((len(texts), len(EMOTIONS)))
        out[chosen] = taught
        if len(chosen) == len(texts):
            self.last = {"teacher": len(texts), "student": 0}
            return _frame(self._join(out, texts, langs))
        student = fit_student(pick(texts), taught, langs=pick(langs), holdout=self.holdout, seed=self.seed)
        rest = np.setdiff1d(np.arange(len(texts)), chosen)
        out[rest] = student.predict([texts[i] for i in rest], None if langs is None else [langs[i] for i in rest])
        out = self._join(out, texts, langs)
        held = chosen[student.info["held_out"]]
        agreement = float("nan")
        if len(held):
            mine = self._join(
                student.info["held_out_scores"],
                [texts[i] for i in held],
                None if langs is None else [langs[i] for i in held],
            )
            agreement = float(np.mean(dominant(mine, self.min_score) == dominant(out[held], self.min_score)))
        corr = student.correlation[np.isfinite(student.correlation)] if len(student.correlation) else np.zeros(0)
        self.last = {
            "teacher": len(chosen),
            "student": len(rest),
            "holdout": student.holdout,
            "agreement": agreement,
            "correlation": dict(zip(EMOTIONS, np.round(student.correlation, 3).tolist())),
            "correlation_min": float(corr.min()) if len(corr) else float("nan"),
            "correlation_max": float(corr.max()) if len(corr) else float("nan"),
        }
        return _frame(out)
