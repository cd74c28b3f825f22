"""The reductions behind the cluster's tables: column projection, tree reductions, histograms of response times.

The care summary from a histogram must be :func:`kit.tl.care.summary` of the case table the histogram stands
for, exactly, on both sides of :data:`kit._stats.EXACT_BOOTSTRAP_FROM` (seeded resamples below, exact law above).
"""

from __future__ import annotations

import numpy as np
import pandas as pd
import pytest

from kit import tl
from kit._stats import EXACT_BOOTSTRAP_FROM, bootstrap_quantile, bootstrap_quantile_counts, quantile_counts

pytest.importorskip("distributed")


def _cases(seconds: np.ndarray, unanswered: int, opened: int) -> pd.DataFrame:
    hours = np.sort(seconds).astype(float) / 3600
    n = len(hours) + unanswered
    return pd.DataFrame(
        {
            "responded": np.r_[np.ones(len(hours), bool), np.zeros(unanswered, bool)],
            "hours_to_response": np.r_[hours, np.full(unanswered, np.nan)],
            "open": np.r_[np.zeros(n - opened, bool), np.ones(opened, bool)],
        }
    )


@pytest.mark.parametrize("answered", [7, 400, EXACT_BOOTSTRAP_FROM + 5_000])
def test_summary_from_histogram_is_tl_summary_of_the_cases(answered):
    from kit.cluster.care import summary_from_histogram

    rng = np.random.default_rng(answered)
    seconds = rng.integers(30, 40 * 3600, answered)
    histogram = pd.Series(seconds).value_counts()
    want = tl.care.summary(_cases(seconds, unanswered=answered // 2, opened=answered // 5), seed=3)
    got = summary_from_histogram(
        histogram.sample(frac=1, random_state=1), cases=answered + answered // 2, open_cases=answered // 5, seed=3
    )
    pd.testing.assert_frame_equal(got, want, check_dtype=False)


def test_quantiles_of_a_histogram_are_those_of_the_values():
    rng = np.random.default_rng(0)
    values = rng.integers(0, 500, 60).astype(float)
    counts = rng.integers(1, 900, 60)
    full = np.repeat(values, counts)
    assert len(full) >= EXACT_BOOTSTRAP_FROM
    for q in (0.1, 0.5, 0.9, 0.99):
        assert quantile_counts(values, counts, q) == float(np.quantile(full, q))
        assert bootstrap_quantile_counts(values, counts, q) == bootstrap_quantile(full, q)
    assert np.isnan(quantile_counts([], [], 0.5))


def test_tree_combines_many_partitions_on_the_workers():
    import dask.dataframe as dd

    from kit.cluster import reduce

    table = pd.DataFrame({"x": np.arange(100)})
    frame = dd.from_pandas(table, npartitions=3 * reduce.FAN_IN)
    got = reduce.tree(frame, lambda p: {int(v) % 7 for v in p["x"]}, lambda *s: set().union(*s), finish=sorted)
    assert got.compute(scheduler="sync") == list(range(7))
    one = reduce.tree(dd.from_pandas(table, npartitions=1), lambda p: p["x"].sum(), lambda *xs: sum(xs))
    assert int(one.compute(scheduler="sync")) == 4950


def test_ids_are_joined_by_hash_as_strings():
    from kit.cluster.reduce import hash_ids, lookup

    keys = np.sort(hash_ids(pd.Series(["a1", "b2", "r3-17"], dtype="string")))
    pos, found = lookup(keys, hash_ids(pd.Series(["r3-17", "zz", "a1"], dtype="object")))
    assert found.tolist() == [True, False, True]
    assert lookup(np.array([], dtype="uint64"), keys)[1].tolist() == [False, False, False]


def test_a_table_reads_only_its_columns_of_each_file(tmp_path):
    import dask

    from kit.cluster import engine
    from kit.cluster.reduce import narrow
    from kit.io import parquet

    posts = pd.DataFrame(
        {
            "post_id": ["1", "2", "3"],
            "actor": ["A", None, "B"],
            "text": ["x", "y", "z"],
            "created_at": pd.to_datetime(["2026-01-02", "2026-01-20", "2026-02-03"], utc=True),
        }
    )
    ds = parquet.write_dataset(posts, tmp_path / "ds", by="month")
    with dask.config.set({"dataframe.convert-string": False}):
        frame, _, _ = engine.posts(ds, start="2026-01-10")
        reads = [e for e in narrow(frame, ["actor"]).optimize(fuse=False).expr.walk() if "FromMap" in type(e).__name__]
        assert [list(e.columns) for e in reads] == [["actor"]]
        got = narrow(frame, ["actor"]).compute(scheduler="sync")
    assert list(got.columns) == ["actor"] and got["actor"].tolist()[1:] == ["B"] and len(got) == 2
