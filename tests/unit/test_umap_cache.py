"""The UMAP result cache: the second identical fit is read from disk, any change fits again."""

import numpy as np
import pytest

from kit.tl import _umap


@pytest.fixture
def vectors():
    rng = np.random.default_rng(0)
    centres = rng.normal(size=(3, 16))
    return (centres[rng.integers(0, 3, 120)] + 0.1 * rng.normal(size=(120, 16))).astype(np.float32)


def _counting(monkeypatch):
    import umap

    calls = []
    original = umap.UMAP.fit_transform

    def counted(self, *args, **kwargs):
        calls.append(1)
        return original(self, *args, **kwargs)

    monkeypatch.setattr(umap.UMAP, "fit_transform", counted)
    return calls


def test_second_fit_is_read_back_identical(vectors, tmp_path, monkeypatch):
    calls = _counting(monkeypatch)
    first = _umap.reduce(vectors, seed=1, directory=tmp_path, n_components=2, n_neighbors=10, n_epochs=50)
    second = _umap.reduce(vectors, seed=1, directory=tmp_path, n_components=2, n_neighbors=10, n_epochs=50)
    assert len(calls) == 1
    np.testing.assert_array_equal(first, second)
    assert len(list(tmp_path.glob("*.npy"))) == 1


def test_other_seed_settings_or_vectors_fit_again(vectors, tmp_path, monkeypatch):
    calls = _counting(monkeypatch)
    base = dict(directory=tmp_path, n_components=2, n_neighbors=10, n_epochs=50)
    _umap.reduce(vectors, seed=1, **base)
    _umap.reduce(vectors, seed=2, **base)
    _umap.reduce(vectors, seed=1, **dict(base, n_neighbors=12))
    changed = vectors.copy()
    changed[0, 0] += 1
    _umap.reduce(changed, seed=1, **base)
    assert len(calls) == 4
    assert len(list(tmp_path.glob("*.npy"))) == 4


def test_no_cache_writes_nothing_and_damaged_file_is_refitted(vectors, tmp_path, monkeypatch):
    calls = _counting(monkeypatch)
    _umap.reduce(vectors, seed=1, cache=False, directory=tmp_path, n_components=2, n_neighbors=10, n_epochs=50)
    assert not list(tmp_path.iterdir())
    out = _umap.reduce(vectors, seed=1, directory=tmp_path, n_components=2, n_neighbors=10, n_epochs=50)
    (stored,) = tmp_path.glob("*.npy")
    stored.write_bytes(b"not a numpy file")
    again = _umap.reduce(vectors, seed=1, directory=tmp_path, n_components=2, n_neighbors=10, n_epochs=50)
    assert len(calls) == 3
    np.testing.assert_array_equal(out, again)


def test_topic_fit_uses_the_cache(tmp_path, monkeypatch):
    import pandas as pd

    from kit.tl import topics

    monkeypatch.setenv("KIT_CACHE", str(tmp_path))
    rng = np.random.default_rng(3)
    centres = rng.normal(size=(3, 32))
    group = np.repeat(np.arange(3), 40)
    emb = (centres[group] + 0.05 * rng.normal(size=(120, 32))).astype(np.float32)
    words = np.array(["train late delay", "refund money charge", "app crash login"])
    posts = pd.DataFrame({"post_id": [str(i) for i in range(120)], "text": words[group], "lang": "en"})
    first = topics.fit(posts, emb, seed=0, min_topic_size=10, n_epochs=50)
    calls = _counting(monkeypatch)
    second = topics.fit(posts, emb, seed=0, min_topic_size=10, n_epochs=50)
    assert not calls and list((tmp_path / "umap").glob("*.npy"))
    pd.testing.assert_frame_equal(first.assignments, second.assignments)


@pytest.mark.parametrize("metric", ["cosine", "euclidean"])
def test_exact_neighbours_match_a_brute_force_search(metric):
    from sklearn.neighbors import NearestNeighbors

    rng = np.random.default_rng(1)
    X = rng.normal(size=(500, 12)).astype(np.float32)
    X[7] = X[3]  # a duplicate: each of the two is still its own first neighbour
    idx, dist = _umap.exact_knn(X, 10, metric=metric, block=64)
    assert idx.shape == dist.shape == (500, 10)
    assert (idx[:, 0] == np.arange(500)).all() and (dist[:, 0] == 0).all()
    assert idx[3, 1] == 7 and idx[7, 1] == 3 and dist[3, 1] == pytest.approx(0, abs=1e-5)
    assert (np.diff(dist, axis=1) >= 0).all()
    ref = NearestNeighbors(n_neighbors=10, metric=metric, algorithm="brute").fit(X)
    rd, ri = ref.kneighbors(X)
    np.testing.assert_allclose(dist[:, 1:], rd[:, 1:], atol=1e-4)
    same = [len(set(a) & set(b)) / 10 for a, b in zip(idx, ri)]
    assert np.mean(same) > 0.99  # ties aside, the same neighbours


def test_umap_gets_exact_neighbours_in_the_middle_range(tmp_path, monkeypatch):
    import umap

    seen = []
    original = umap.UMAP.__init__

    def spy(self, *args, **kwargs):
        seen.append(kwargs.get("precomputed_knn"))
        return original(self, *args, **kwargs)

    monkeypatch.setattr(umap.UMAP, "__init__", spy)
    monkeypatch.setattr(_umap, "EXACT_KNN_MAX", 5000)
    rng = np.random.default_rng(0)
    big = rng.normal(size=(4200, 8)).astype(np.float32)
    out = _umap.reduce(big, seed=0, directory=tmp_path, n_neighbors=5, n_components=2, n_epochs=5, metric="cosine")
    assert out.shape == (4200, 2) and seen[-1] is not None and seen[-1][0].shape == (4200, 5)
    _umap.reduce(big[:300], seed=0, directory=tmp_path, n_neighbors=5, n_components=2, n_epochs=5)
    assert seen[-1] is None  # UMAP's own exact search below 4,096 rows


def test_a_cached_fit_does_not_import_umap(vectors, tmp_path):
    import subprocess
    import sys

    _umap.reduce(vectors, seed=0, directory=tmp_path, n_neighbors=5, n_components=2, n_epochs=5)
    np.save(tmp_path / "v.npy", vectors)
    code = (
        "import sys, numpy as np; from kit.tl import _umap; "
        f"out = _umap.reduce(np.load({str(tmp_path / 'v.npy')!r}), seed=0, directory={str(tmp_path)!r}, "
        "n_neighbors=5, n_components=2, n_epochs=5); print(out.shape, 'umap' in sys.modules)"
    )
    got = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout.split()
    assert got == ["(120,", "2)", "False"]
