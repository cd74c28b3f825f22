"""tl.maps / pl.maps on hand-built frames and random vectors."""

from __future__ import annotations

import numpy as np
import pandas as pd
import pytest

from kit.pl import maps as pl_maps
from kit.tl import maps


def frame(n: int, groups=("Brand", "Rival")) -> tuple[pd.DataFrame, np.ndarray]:
    rng = np.random.default_rng(1)
    actors = [groups[i % len(groups)] for i in range(n)]
    posts = pd.DataFrame(
        {
            "post_id": [f"p{i}" for i in range(n)],
            "actor": actors,
            "lang": "fr",
            "text": [f"post {i} <script>alert({i})</script> " + "long " * 60 for i in range(n)],
        }
    )
    centres = {g: rng.normal(size=16) * 3 for g in groups}
    vectors = np.vstack([centres[a] + rng.normal(size=16) for a in actors])
    return posts, vectors


def test_map_has_one_point_per_post_and_is_seeded():
    posts, vectors = frame(60)
    before = posts.copy()
    a = maps.semantic_map(posts, vectors, seed=3)
    b = maps.semantic_map(posts, vectors, seed=3)
    assert len(a) == 60 and {"x", "y", "actor", "text", "represents"} <= set(a.columns)
    assert a["post_id"].tolist() == posts["post_id"].tolist()
    np.testing.assert_allclose(a[["x", "y"]].to_numpy(), b[["x", "y"]].to_numpy())
    assert a.attrs == {"n_posts": 60, "n_shown": 60, "sampled": False, "seed": 3, "stratify": "actor"}
    assert (a["represents"] == 1).all()
    pd.testing.assert_frame_equal(posts, before)


def test_map_separates_distinct_groups():
    posts, vectors = frame(80)
    points = maps.semantic_map(posts, vectors, seed=0)
    centre = points.groupby("actor")[["x", "y"]].mean()
    spread = points.groupby("actor")[["x", "y"]].std().to_numpy().max()
    assert np.linalg.norm(centre.iloc[0] - centre.iloc[1]) > 2 * spread


def test_stratified_sample_keeps_small_groups_and_says_so():
    groups = pd.Series(["big"] * 950 + ["small"] * 50)
    idx = maps.sample_indices(groups, 100, seed=0, min_per_group=20)
    assert len(idx) == 100 and len(set(idx)) == 100
    picked = groups.iloc[idx].value_counts()
    assert picked["small"] == 20 and picked["big"] == 80
    np.testing.assert_array_equal(idx, maps.sample_indices(groups, 100, seed=0, min_per_group=20))
    assert not np.array_equal(idx, maps.sample_indices(groups, 100, seed=1, min_per_group=20))


def test_sampled_map_reports_what_it_stands_for():
    posts, vectors = frame(300, groups=("A", "B", "C"))
    points = maps.semantic_map(posts, vectors, seed=0, max_points=90)
    assert len(points) == 90 and points.attrs["sampled"] and points.attrs["n_posts"] == 300
    np.testing.assert_allclose(points.groupby("actor")["represents"].first(), [100 / 30] * 3)
    assert "90 of 300 posts" in maps.caption(points)


def test_tiny_and_empty_inputs():
    posts, vectors = frame(3)
    assert len(maps.semantic_map(posts, vectors)) == 3
    one = maps.semantic_map(posts.iloc[:1], vectors[:1])
    assert one[["x", "y"]].to_numpy().tolist() == [[0.0, 0.0]]
    empty = maps.semantic_map(posts.iloc[:0], vectors[:0])
    assert empty.empty and {"x", "y"} <= set(empty.columns)
    assert len(pl_maps.semantic_map(empty).data) == 0
    with pytest.raises(ValueError, match="embeddings"):
        maps.semantic_map(posts, vectors[:2])


def test_plot_escapes_and_truncates_hover_text():
    posts, vectors = frame(40)
    points = maps.semantic_map(posts, vectors, seed=0, max_points=30)
    fig = pl_maps.semantic_map(points, color="actor", max_hover=80)
    assert [t.type for t in fig.data] == ["scattergl", "scattergl"]
    hover = [h for t in fig.data for h in t.hovertext]
    assert all("<script>" not in h and "&lt;script&gt;" in h for h in hover)
    assert all(len(h.split("<br>")[-1]) <= 80 + 30 for h in hover)  # text line cut (entities add a few chars)
    assert "30 of 40 posts" in fig.layout.title.text
