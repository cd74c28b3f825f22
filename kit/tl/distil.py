"""Copy a slow text model onto a fast one, for corpora too large to run the slow one on every post.

The kit's good models read a post through its USE embedding (about 800 posts a second on two
cores): a million posts take 20 minutes. A linear model on hashed word and character n-grams reads
50,000 posts a second on one core but has to be trained. :func:`distil` trains it on the corpus itself: the slow
model (the *teacher*) labels a seeded random sample, a logistic regression (the *student*) learns
those labels from the sample's n-grams, and predicts the rest. Part of the sample is held out, so the
student's agreement with the teacher is measured on the same corpus, and reported next to every
result that uses it. The sampled posts keep the teacher's own labels.

What it gives up: the student knows only the words seen in the sample (a subject absent from the
sample is read through its words alone), and it copies the teacher's mistakes. Measured with
``bench/eval_distil.py``: on 14,640 airline tweets a student taught on 10,000 of them agrees with the
head on 75 % of the others and reaches its macro-F1 against the crowd's labels (58.4 vs 57.9); on
XLM-T's tweets (all subjects, three languages, 3,000 to learn from) it agrees on only 58 % (F1 48 vs 59),
and the held-out estimate said so (57.5 %). Its lean toward some labels is removed by
:func:`match_shares`: net sentiment of the student's posts +0.14 as the head's (+0.37 without).

>>> from kit.tl import distil
>>> texts = ["great trip", "awful delay", "ok"] * 40
>>> fit = distil.fit(texts, ["pos", "neg", "neu"] * 40, seed=0)
>>> fit.predict(["great delay trip", "awful"]).shape
(2, 3)
"""

from __future__ import annotations

import os
from collections.abc import Sequence
from dataclasses import dataclass, field

import numpy as np
import pandas as pd

__all__ = ["Student", "fit", "distil", "sample_indices", "sample_texts", "text_hash", "match_shares"]

#: Texts vectorised per block when predicting (bounds the sparse matrix held at once).
BLOCK = 20_000


def _vectorizers(n_features: int):
    from sklearn.feature_extraction.text import HashingVectorizer

    words = HashingVectorizer(
        n_features=n_features,
        ngram_range=(1, 2),
        alternate_sign=False,
        token_pattern=r"(?u)\b\w+\b|[^\w\s]{1,3}",
        norm=None,
        dtype=np.float32,
    )
    chars = HashingVectorizer(
        n_features=n_features, analyzer="char_wb", ngram_range=(3, 4), alternate_sign=False, norm=None, dtype=np.float32
    )
    return words, chars


def _features(texts: Sequence[str], langs: Sequence[str] | None, n_features: int, chars: bool = False):
    """Hashed word 1-2-grams (punctuation and emoji runs count as words), with ``chars`` also the
    character 3-4-grams of each word, plus one ``__lang_xx`` token so each language gets its own
    intercept; rows L2-normalised."""
    from scipy import sparse
    from sklearn.preprocessing import normalize

    words, grams = _vectorizers(n_features)
    texts = [str(t).lower() for t in texts]
    tagged = texts if langs is None else [f"{t} __lang_{lang}" for t, lang in zip(texts, langs)]
    X = words.transform(tagged)
    if chars:
        X = sparse.hstack([X, grams.transform(texts)], format="csr", dtype=np.float32)
    return normalize(X)


def _scores(
    block: tuple[list[str], list[str] | None],
    cols: np.ndarray,
    coef: np.ndarray,
    intercept: np.ndarray,
    n_features: int,
    chars: bool,
) -> np.ndarray:
    """Scores of a block of texts from the weights of the hash columns ``cols`` (the others weigh 0)."""
    texts, langs = block
    return np.asarray(_features(texts, langs, n_features, chars)[:, cols] @ coef.T) + intercept


@dataclass(kw_only=True)
class Student:
    """A fitted student: hashed n-grams into a multinomial logistic regression.

    ``classes`` are the teacher's labels; :meth:`predict` returns their probabilities (n, k).
    ``agreement`` is the share of held-out sample texts on which student and teacher agree, and
    ``holdout`` how many there were (0: no held-out measure).
    """

    classes: np.ndarray
    coef: np.ndarray
    intercept: np.ndarray
    n_features: int
    chars: bool = False
    agreement: float = float("nan")
    holdout: int = 0
    trained_on: int = 0
    info: dict = field(default_factory=dict)

    def predict(
        self, texts: Sequence[str], langs: Sequence[str] | None = None, *, jobs: int | None = None
    ) -> np.ndarray:
        """Class probabilities, one row per text, columns in ``classes`` order. Blocks of
        :data:`BLOCK` texts are vectorised in ``jobs`` processes (default: the machine's cores, one
        process when there are few texts)."""
        texts = list(texts)
        langs = None if langs is None else [str(v) for v in langs]
        if not texts:
            return np.zeros((0, len(self.classes)))
        blocks = [
            (texts[i : i + BLOCK], None if langs is None else langs[i : i + BLOCK]) for i in range(0, len(texts), BLOCK)
        ]
        # only the hash columns with a weight travel to the processes: a topic student's full weights are
        # tens of classes x 2**20 columns (170 MB), copied to a process for every block
        cols = np.flatnonzero(np.any(self.coef != 0, axis=0))
        args = (cols, np.ascontiguousarray(self.coef[:, cols]), self.intercept, self.n_features, self.chars)
        jobs = jobs or os.cpu_count() or 1
        if jobs > 1 and len(blocks) > 1:
            from joblib import Parallel, delayed

            parts = Parallel(n_jobs=min(jobs, len(blocks)))(delayed(_scores)(b, *args) for b in blocks)
        else:
            parts = [_scores(b, *args) for b in blocks]
        Z = np.vstack(parts)
        Z -= Z.max(axis=1, keepdims=True)
        P = np.exp(Z)
        return P / P.sum(axis=1, keepdims=True)

    def labels(self, texts: Sequence[str], langs: Sequence[str] | None = None, **kwargs) -> np.ndarray:
        """The most probable class of each text (:meth:`predict`'s keyword arguments apply)."""
        return self.classes[self.predict(texts, langs, **kwargs).argmax(axis=1)]


#: Sample size from which the held-out fit and the final fit of :func:`fit` run in two processes.
PARALLEL_FIT_FROM = 5_000


def _train(Xa, y: np.ndarray, rows: np.ndarray, C: float) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """A logistic regression on the given rows: its classes, weights (one row per class, or one for two) and intercepts."""
    from sklearn.linear_model import LogisticRegression
    from threadpoolctl import threadpool_limits

    with threadpool_limits(limits=1):  # one BLAS thread, in a worker process or not: the same weights either way
        model = LogisticRegression(C=C, max_iter=1000).fit(Xa[rows], y[rows])
    return model.classes_, model.coef_, model.intercept_


def fit(
    texts: Sequence[str],
    labels: Sequence,
    *,
    langs: Sequence[str] | None = None,
    holdout: float = 0.2,
    seed: int = 0,
    C: float = 4.0,
    n_features: int = 2**20,
    chars: bool = False,
) -> Student:
    """Train a student on texts the teacher labelled.

    Parameters
    ----------
    texts, labels
        The teacher's sample and its labels (any hashable labels; two or more distinct ones).
    langs
        Language of each text (a feature: each language gets its own intercept), or None.
    holdout
        Share of the sample kept aside to measure agreement, then put back to refit on all of it.
    C
        Inverse L2 strength of the logistic regression (4 copies the teacher closest on the
        benchmark corpora; smaller generalises more, copies less).
    n_features
        Hash buckets per feature family (words, characters).
    chars
        Add character 3-4-grams of each word: the student copies the teacher a little more closely
        (airline tweets: 76.6 % agreement instead of 73.1 %) but reads 4 times slower (13,000 texts
        a second instead of 50,000 on one core), and matches the human labels no better.
    """
    texts = ["" if t is None else str(t) for t in texts]
    y = np.asarray(list(labels), dtype=object)
    if len(y) != len(texts):
        raise ValueError(f"{len(y)} labels for {len(texts)} texts")
    langs = None if langs is None else [str(v) for v in langs]
    classes = np.array(sorted(set(y.tolist()), key=str), dtype=object)
    if len(classes) < 2:
        raise ValueError(f"a student needs two or more labels; the teacher gave only {classes.tolist()}")
    X = _features(texts, langs, n_features, chars)
    active = np.unique(X.indices)  # fit on the n-grams the sample has: lbfgs then works on tens of
    Xa = X[:, active].astype(np.float64)  # thousands of weights, not millions (60 s -> 8 s on 20,000 texts)

    def full(fitted):  # the weights of the n-grams seen, placed among all hash buckets
        model_classes, model_coef, model_intercept = fitted
        coef = np.zeros((len(classes), X.shape[1]), dtype=np.float32)
        intercept = np.zeros(len(classes))
        order = np.searchsorted(classes.astype(str), model_classes.astype(str))
        if len(model_classes) == 2:  # sklearn keeps one row for two classes
            coef[order[1], active], intercept[order[1]] = model_coef[0], model_intercept[0]
        else:
            coef[np.ix_(order, active)], intercept[order] = model_coef, model_intercept
        intercept[np.setdiff1d(np.arange(len(classes)), order)] = -np.inf  # absent from these rows
        return coef, intercept

    rng = np.random.default_rng(seed)
    order = rng.permutation(len(texts))
    n_hold = int(round(holdout * len(texts))) if holdout else 0
    agreement, held = float("nan"), 0
    measure = n_hold >= 20 and len(set(y[order[n_hold:]].tolist())) >= 2
    # the held-out fit and the final one are independent: in two processes when both are long
    runs = ([order[n_hold:]] if measure else []) + [np.arange(len(texts))]
    if len(runs) == 2 and len(texts) >= PARALLEL_FIT_FROM and (os.cpu_count() or 1) > 1:
        from joblib import Parallel, delayed

        fitted = Parallel(n_jobs=2)(delayed(_train)(Xa, y, rows, C) for rows in runs)
    else:
        fitted = [_train(Xa, y, rows, C) for rows in runs]
    if measure:
        coef, intercept = full(fitted[0])
        student = Student(classes=classes, coef=coef, intercept=intercept, n_features=n_features, chars=chars)
        pred = student.labels(
            [texts[i] for i in order[:n_hold]], None if langs is None else [langs[i] for i in order[:n_hold]], jobs=1
        )
        agreement, held = float(np.mean(pred == y[order[:n_hold]])), n_hold
    coef, intercept = full(fitted[-1])
    return Student(
        classes=classes,
        coef=coef,
        intercept=intercept,
        n_features=n_features,
        chars=chars,
        agreement=agreement,
        holdout=held,
        trained_on=len(texts),
    )


def match_shares(probs: np.ndarray, target: Sequence[float], *, tol: float = 0.002, max_iter: int = 200) -> np.ndarray:
    """Shift each class's log-probability by one constant so that the shares of the most probable
    class match ``target`` (within ``tol``): the student's label shares on the rest of the corpus then
    equal the teacher's on the random sample, an unbiased estimate of the teacher's on all of it.

    A student copies individual labels imperfectly and leans toward some classes (on XLM-T tweets it
    called too many posts positive); aggregate figures such as net sentiment would inherit that lean.
    The order of posts within a class is unchanged. Classes with a target share of 0 stay as they are.

    Parameters
    ----------
    probs
        Class probabilities (n, k).
    target
        The wanted share of each class as the most probable one.
    tol, max_iter
        Tolerance on the shares and the most iterations.
    """
    P = np.asarray(probs, dtype=np.float64)
    target = np.asarray(target, dtype=np.float64)
    if len(P) == 0:
        return P
    logp = np.log(np.clip(P, 1e-300, None))
    shift = np.zeros(P.shape[1])
    for _ in range(max_iter):
        share = np.bincount((logp + shift).argmax(axis=1), minlength=P.shape[1]) / len(P)
        if np.abs(share - target).max() <= tol:
            break
        shift += 0.5 * np.log((target + 1e-4) / (share + 1e-4))
    Z = logp + shift
    Z -= Z.max(axis=1, keepdims=True)
    out = np.exp(Z)
    return out / out.sum(axis=1, keepdims=True)


def sample_indices(n: int, size: int, seed: int = 0) -> np.ndarray:
    """A seeded random sample of ``size`` row positions out of ``n``, sorted (all of them when n <= size).

    Parameters
    ----------
    n
        Number of rows.
    size
        How many to draw.
    seed
        The random generator's seed.

    >>> sample_indices(3, 5).tolist()
    [0, 1, 2]
    """
    if n <= size:
        return np.arange(n)
    return np.sort(np.random.default_rng(seed).choice(n, size=size, replace=False))


def sample_texts(texts: Sequence[str], size: int, seed: int = 0) -> np.ndarray:
    """A seeded random sample of ``size`` texts drawn by a hash of each text: positions, sorted.

    Each text gets a pseudo-random number from a keyed hash (SipHash, key from ``seed``) of its
    characters; the ``size`` texts with the smallest numbers are the sample (ties, i.e. copies of one
    text, by position). That is a uniform random sample of the texts, like :func:`sample_indices`, with one
    more property: a text's number does not depend on the other texts, so two samples drawn with the same
    seed from overlapping collections (the sentiment teacher's sample of all mentions, the care topics'
    sample of the complaints among them) hold the same texts wherever their sizes allow (*coordinated
    samples* with permanent random numbers). A text embedded for one is then found in the embedding cache
    by the other.

    Parameters
    ----------
    texts
        The texts (missing ones count as empty).
    size
        How many to draw (all of them when there are no more).
    seed
        Keys the hash: another seed, another sample.

    Returns
    -------
    ndarray
        Row positions, sorted.

    >>> a = sample_texts(["le train", "der Zug", "the train", "un billet"], 2, seed=0)
    >>> b = sample_texts(["the train", "le train", "der Zug"], 2, seed=0)  # the same texts, where they can be
    >>> sorted(["le train", "der Zug", "the train", "un billet"][i] for i in a) == sorted(
    ...     ["the train", "le train", "der Zug"][i] for i in b)
    True
    """
    n = len(texts)
    if n <= size:
        return np.arange(n)
    return np.sort(np.argsort(text_hash(texts, seed), kind="stable")[: max(int(size), 0)])


def text_hash(texts: Sequence[str], seed: int = 0) -> np.ndarray:
    """The seeded pseudo-random number (uint64) of each text that :func:`sample_texts` ranks texts by.

    >>> int(text_hash(["le train"], 0)[0]) == int(text_hash(["le train", "x"], 0)[0])
    True
    """
    import hashlib

    key = hashlib.blake2b(str(int(seed)).encode(), digest_size=8).hexdigest()  # 16 characters, as SipHash wants
    values = np.array(["" if t is None or t is pd.NA else str(t) for t in texts], dtype=object)
    return pd.util.hash_array(values, hash_key=key, categorize=False)


def distil(
    texts: Sequence[str],
    teacher,
    *,
    langs: Sequence[str] | None = None,
    sample: int = 20_000,
    seed: int = 0,
    holdout: float = 0.2,
    jobs: int | None = None,
    **fit_kwargs,
) -> tuple[np.ndarray, pd.Series, Student | None]:
    """Label every text with ``teacher`` where it was run and with a student elsewhere.

    Parameters
    ----------
    texts
        All the texts (deduplicate them first: a repeated text is only worth one teacher call).
    teacher
        ``teacher(rows) -> array`` of labels, one per row position given (the sampled positions, sorted;
        the caller maps them to its own rows, e.g. ``frame.iloc[rows]``).
    sample
        Texts the teacher labels, drawn by :func:`sample_texts` (a seeded hash of each text). When there are
        no more texts than this, the teacher labels all of them and no student is trained.

    Returns
    -------
    labels
        One label per text.
    source
        ``"teacher"`` or ``"student"`` per text.
    student
        The fitted :class:`Student` (its ``agreement`` on held-out sample texts), or None.
    """
    texts = ["" if t is None else str(t) for t in texts]
    langs = None if langs is None else [str(v) for v in langs]
    n = len(texts)
    chosen = sample_texts(texts, sample, seed)
    pick = lambda v: None if v is None else [v[i] for i in chosen]
    taught = np.asarray(teacher(chosen), dtype=object)
    if len(taught) != len(chosen):
        raise ValueError(f"the teacher gave {len(taught)} labels for {len(chosen)} texts")
    if len(chosen) == n:
        return taught, pd.Series("teacher", index=range(n), dtype="string"), None
    student = fit(pick(texts), taught, langs=pick(langs), holdout=holdout, seed=seed, **fit_kwargs)
    rest = np.setdiff1d(np.arange(n), chosen)
    out = np.empty(n, dtype=object)
    out[chosen] = taught
    out[rest] = student.labels([texts[i] for i in rest], None if langs is None else [langs[i] for i in rest], jobs=jobs)
    source = pd.Series("student", index=range(n), dtype="string")
    source.iloc[chosen] = "teacher"
    return out, source, student
