"""The Dask engine gives the pandas engine's answers: a real LocalCluster (2 worker processes), several partitions.

Every table of :mod:`kit.cluster.aggregate` is checked against the ``kit.tl`` function of the same name on the
same posts; ``kit.load(engine="dask")`` against ``kit.load()``; the partitioned dataset against the export.
"""

from __future__ import annotations

import numpy as np
import pandas as pd
import pytest

import kit
from kit import tl
from kit.io import parquet

pytest.importorskip("distributed")

ACTORS = ["Voltaria", "Railix", "Trenova", "Cityhop"]
START, END = "2026-03-02", "2026-03-16"


@pytest.fixture(scope="module")
def cluster():
    from kit.cluster import engine

    client = engine.client(n_workers=2, memory_limit="1.5GB", processes=True)
    assert len(client.scheduler_info()["workers"]) == 2
    yield client


@pytest.fixture(scope="module")
def posts():
    table, _ = kit.load("sample", start="2026-02-16", end=END)
    return table.assign(sentiment=table["x_true_sentiment"], intent=table["x_true_intent"])


@pytest.fixture(scope="module")
def dataset(posts, tmp_path_factory):
    return parquet.write_dataset(posts, tmp_path_factory.mktemp("ds") / "posts", by="day")


@pytest.fixture(scope="module")
def frame(cluster, dataset):
    from kit.cluster import engine

    frame, report, total = engine.posts(dataset)
    assert frame.npartitions > 10  # one a day
    return frame


def _same(a: pd.DataFrame, b: pd.DataFrame):
    pd.testing.assert_frame_equal(
        a.reset_index(drop=True), b.reset_index(drop=True), check_dtype=False, check_index_type=False
    )


def test_dataset_round_trip_keeps_order_and_dtypes(posts, dataset):
    back = parquet.read_files(parquet.files(dataset))
    pd.testing.assert_frame_equal(back, posts.reset_index(drop=True))
    assert all(p.parent.name.startswith("day=2026-03") for p in parquet.files(dataset, start="2026-03-01"))
    assert len(parquet.files(dataset, start="2026-03-15", end="2026-03-16")) == 1


def test_a_folder_that_is_not_empty_is_refused(posts, tmp_path):
    (tmp_path / "x.txt").write_text("x")
    with pytest.raises(kit.io.InputError, match="not empty"):
        parquet.write_dataset(posts.head(3), tmp_path)


def test_load_dask_is_load_pandas(cluster, dataset):
    a, ra = kit.load("sample", start=START, end=END)
    b, rb = kit.load("sample", start=START, end=END, engine="dask")
    pd.testing.assert_frame_equal(a, b)
    assert ra.warnings == rb.warnings and ra.rows_read == rb.rows_read
    whole, _ = kit.load("sample", start="2026-02-16", end=END)
    c, rc = kit.load(str(dataset), start=START, end=END, engine="dask")
    pd.testing.assert_frame_equal(a.drop(columns=[]), c.drop(columns=["sentiment", "intent"]))
    assert rc.warnings[-1].startswith(f"{len(whole) - len(a)} posts outside the period")


def test_unknown_engine_and_bad_scheduler_fail_clearly():
    with pytest.raises(ValueError, match="choose 'pandas' or 'dask'"):
        kit.load("sample", engine="spark")
    with pytest.raises(ValueError, match="address of a Dask scheduler"):
        kit.load("sample", engine="dask", scheduler="localhost")


def test_share_of_voice_and_over_time(frame, posts):
    from kit.cluster import aggregate

    _same(aggregate.share_of_voice(frame, actors=ACTORS), tl.share_of_voice.share_of_voice(posts, actors=ACTORS))
    _same(
        aggregate.share_over_time(frame, actors=ACTORS, freq="W"),
        tl.share_of_voice.share_over_time(posts, actors=ACTORS, freq="W"),
    )


def test_net_sentiment_overall_and_over_time(frame, posts):
    from kit.cluster import aggregate

    _same(aggregate.net_sentiment(frame, by="actor"), tl.net_sentiment.net_sentiment(posts, by="actor"))
    _same(aggregate.net_sentiment(frame, by=None), tl.net_sentiment.net_sentiment(posts, by=None))
    _same(
        aggregate.net_sentiment_over_time(frame, actors=ACTORS, freq="D"),
        tl.net_sentiment.net_sentiment_over_time(posts, actors=ACTORS, freq="D"),
    )


@pytest.mark.parametrize("freq", ["D", "W"])
def test_kpi_series(frame, posts, freq):
    from kit.cluster import aggregate

    got = aggregate.kpi_series(frame, brand="Voltaria", freq=freq, covered_until="2026-03-12")
    want = tl.metrics.kpi_series(posts, brand="Voltaria", freq=freq, covered_until="2026-03-12")
    _same(got, want)
    assert got.attrs["note"] == want.attrs["note"] and got.attrs["incomplete"] == want.attrs["incomplete"]
    assert got["authors"].sum() > 0


def test_volume_and_breakdown(frame, posts):
    from kit.cluster import aggregate

    _same(aggregate.volume(frame, freq="D", by="platform"), tl.volume(posts, freq="D", by="platform"))
    _same(aggregate.volume(frame, freq="W", by=None), tl.volume(posts, freq="W", by=None))
    _same(aggregate.breakdown(frame, ["kind", "platform"]), tl.breakdown(posts, ["kind", "platform"]))


def test_care_summary_counts_and_quantiles_exact(frame, posts):
    from kit.cluster import aggregate

    cases = tl.care.cases(posts, brand_handles=["voltaria"], brand="Voltaria", intent_column="intent")
    want = tl.care.summary(cases, seed=0)
    got = aggregate.care_summary(frame, brand_handles=["voltaria"], brand="Voltaria", intent_column="intent", seed=0)
    exact = ["cases", "responded", "response_rate", "rate_low", "rate_high", "median_hours", "p90_hours", "open_cases"]
    _same(got[exact], want[exact])
    assert want["cases"].iloc[0] > 50 and want["responded"].iloc[0] > 20
    # the bootstrap intervals: same law, resampled in another order below EXACT_BOOTSTRAP_FROM answered cases
    width = float(want["median_high"].iloc[0] - want["median_low"].iloc[0])
    for col in ["median_low", "median_high", "p90_low", "p90_high"]:
        assert abs(float(got[col].iloc[0]) - float(want[col].iloc[0])) <= 0.5 * width + 1e-9, col


def test_partitioning_does_not_change_the_answers(cluster, posts):
    import dask.dataframe as dd

    from kit.cluster import aggregate

    few = dd.from_pandas(posts, npartitions=2)
    many = dd.from_pandas(posts, npartitions=9)
    _same(aggregate.net_sentiment(few, by="actor"), aggregate.net_sentiment(many, by="actor"))
    a = aggregate.care_summary(few, brand_handles=["voltaria"], brand="Voltaria", intent_column="intent")
    b = aggregate.care_summary(many, brand_handles=["voltaria"], brand="Voltaria", intent_column="intent")
    _same(a, b)
    assert np.isfinite(a["median_low"].iloc[0])


def test_kit_convert_keeps_the_row_accounting_of_inspect(tmp_path, capsys):
    from kit import cli

    src = "tests/fixtures/malformed/duplicates.csv"
    assert cli.main(["inspect", src, "--json"]) == 0
    import json

    inspected = json.loads(capsys.readouterr().out)
    assert cli.main(["convert", src, "--out", str(tmp_path / "ds"), "--by", "day"]) == 0
    assert "rows dropped:    1" in capsys.readouterr().out
    report = parquet.read_report(tmp_path / "ds")
    assert (report.rows_read, report.rows_kept, report.rows_dropped) == (
        inspected["rows_read"],
        inspected["rows_kept"],
        inspected["rows_dropped"],
    )
    assert report.dropped["reason"].tolist() == [d["reason"] for d in inspected["dropped"]]
    assert cli.main(["convert", src, "--out", str(tmp_path / "ds")]) == 2
    assert "not empty" in capsys.readouterr().err


@pytest.mark.parametrize("model", ["lexicon", pytest.param("head", marks=pytest.mark.slow)])  # head: USE on each worker
def test_sentiment_on_the_workers_is_the_pandas_score(frame, posts, model):
    from kit.cluster import annotate

    n = 120 if model == "head" else len(posts)
    small = frame if n == len(posts) else frame.head(n, npartitions=-1, compute=False).repartition(npartitions=3)
    got = annotate.sentiment(small, model=model).compute()
    want = tl.sentiment.score(posts.head(n) if n < len(posts) else posts, model=model)
    got = got.sort_values("_kit_row").drop(columns="_kit_row").reset_index(drop=True)
    for col in ["sentiment", "p_negative", "p_neutral", "p_positive"]:
        assert col in got.columns
    pd.testing.assert_series_equal(got["sentiment"], want["sentiment"].reset_index(drop=True), check_names=False)
    np.testing.assert_allclose(got["p_positive"].to_numpy(float), want["p_positive"].to_numpy(float), atol=1e-6)


def test_a_model_taught_on_the_data_is_refused_on_the_cluster(frame):
    from kit.cluster import annotate

    with pytest.raises(ValueError, match="taught on the data at hand"):
        annotate.sentiment(frame, model="fast")


def test_a_dataset_read_for_a_few_columns_reads_only_them(cluster, dataset, posts):
    from kit.cluster import aggregate, engine

    frame, _, total = engine.posts(dataset, columns=["actor", "actor_role"])
    assert list(frame.columns) == ["created_at", "actor", "actor_role", parquet.ORDER] and total == len(posts)
    _same(aggregate.share_of_voice(frame, actors=ACTORS), tl.share_of_voice.share_of_voice(posts, actors=ACTORS))


def test_a_brand_silent_to_the_end_gets_periods_of_zero_as_in_tl(cluster, posts):
    import dask.dataframe as dd

    from kit.cluster import aggregate

    quiet = posts[~((posts["actor"] == "Voltaria") & (posts["created_at"] >= pd.Timestamp("2026-03-05", tz="UTC")))]
    got = aggregate.kpi_series(dd.from_pandas(quiet, npartitions=3), brand="Voltaria", freq="D")
    want = tl.metrics.kpi_series(quiet, brand="Voltaria", freq="D")
    _same(got, want)
    assert got["mentions"].iloc[-3:].eq(0).all() and got.attrs == want.attrs
