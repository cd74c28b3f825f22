"""Topics at scale: a stratified sample that does not depend on the partitioning, a fit on it on one worker,
every post assigned on the cluster from its embedding."""

from __future__ import annotations

import numpy as np
import pandas as pd
import pytest

import kit

pytest.importorskip("distributed")


@pytest.fixture(scope="module")
def posts():
    table, _ = kit.load("sample", start="2026-02-16", end="2026-03-16")
    return table


@pytest.fixture(scope="module")
def frame(posts):
    import dask.dataframe as dd

    from kit.cluster import engine

    engine.client(n_workers=2, memory_limit="1.5GB", processes=True)
    return dd.from_pandas(posts, npartitions=7)


def test_the_sample_is_stratified_and_the_partitioning_does_not_change_it(frame, posts):
    from kit.cluster import topics

    here = topics.sample(posts, size=800, seed=3)
    there = topics.sample(frame, size=800, seed=3)
    pd.testing.assert_frame_equal(here, there)
    assert 700 <= len(here) <= 1100
    weeks_langs = set(topics._strata(posts.dropna(subset=["text"]), ("period", "lang"), "W"))
    assert set(here["stratum"]) == weeks_langs  # every week x language is in it (floor)
    assert not set(here["post_id"]) & set(topics.sample(posts, size=800, seed=4)["post_id"]) == set(here["post_id"])


@pytest.mark.slow  # a topic fit (UMAP, HDBSCAN) on one worker
def test_fit_on_a_sample_then_assign_everywhere(frame, posts):
    from kit.cluster import topics

    result, centres = topics.fit(frame, embedder="hash", size=600, seed=0)
    assert len(centres.topics) >= 3
    assigned = topics.assign(frame, centres, embedder="hash").compute()
    local = topics.assign(posts, centres, embedder="hash")
    np.testing.assert_array_equal(assigned["topic"].to_numpy(), local["topic"].to_numpy())
    fitted = result.assignments.set_index("post_id")["topic"]
    back = assigned.set_index("post_id").loc[fitted.index, "topic"].to_numpy()
    inliers = fitted.to_numpy() != -1
    agree = float(np.mean(back[inliers] == fitted.to_numpy()[inliers]))
    assert agree >= 0.6, f"only {agree:.0%} of the sample's posts get their fitted topic back"
    assert assigned["topic_label"].notna().all()
