"""Issue 14, point 6: damaged or half-written cache files are skipped with a warning naming them."""

from __future__ import annotations

import numpy as np
import pytest

from kit.tl.embed import CachedEmbedder, HashEmbedder


def test_damaged_and_temp_shards_are_skipped(tmp_path):
    cached = CachedEmbedder(HashEmbedder(dim=8), tmp_path)
    first = cached.embed(["le train", "der Zug"])
    shard = next(cached.dir.glob("*.npz"))
    (cached.dir / "broken.npz").write_bytes(shard.read_bytes()[:40])  # truncated by a full disk
    (cached.dir / ".half.npz").write_bytes(b"PK\x03\x04")  # the hidden temp file a kill leaves
    with pytest.warns(UserWarning, match="broken.npz"):
        again = CachedEmbedder(HashEmbedder(dim=8), tmp_path).embed(["der Zug", "new text"])
    assert np.array_equal(again[0], first[1])


def test_damaged_umap_file_is_refitted(tmp_path):
    from kit.tl import _umap

    vectors = np.random.default_rng(0).normal(size=(30, 5)).astype(np.float32)
    params = {"n_neighbors": 5, "n_components": 2}
    out = _umap.reduce(vectors, seed=0, directory=tmp_path, **params)
    path = next(tmp_path.glob("*.npy"))
    path.write_bytes(b"\x93NUMPY broken")
    with pytest.warns(UserWarning, match=path.name):
        again = _umap.reduce(vectors, seed=0, directory=tmp_path, **params)
    assert again.shape == out.shape


def test_sentiment_csv_guards_formula_cells(tmp_path):
    import pandas as pd

    from kit.cli import main

    src = tmp_path / "in.csv"
    src.write_text('text\n"=HYPERLINK(""http://x"",""click"")"\ngreat service\n')
    out = tmp_path / "out.csv"
    assert main(["sentiment", str(src), "--text-column", "text", "--out", str(out), "--backend", "lexicon"]) == 0
    written = pd.read_csv(out, dtype=str)
    assert written["text"].iloc[0].startswith("'=HYPERLINK")
