"""Platform benchmarks: shipped with their source, year and statistic; a team's own table; like with like."""

from __future__ import annotations

import numpy as np
import pandas as pd
import pytest

from kit.io import InputError
from kit.io import benchmarks as bench_io
from kit.tl import performance


def _own(rates_by_platform: dict, followers: int = 10_000) -> pd.DataFrame:
    rows = []
    for platform, likes in rates_by_platform.items():
        for n in likes:
            rows.append({"actor": "B", "platform": platform, "likes": n, "author_followers": followers})
    return pd.DataFrame(rows).assign(created_at=pd.Timestamp("2026-01-05", tz="UTC"))


def test_the_shipped_benchmarks_are_averages_with_their_source_and_year():
    table = bench_io.shipped()
    assert set(table["statistic"]) == {"mean"} and set(table["year"]) == {2020}
    assert table["source"].str.contains("35 industries").all()
    assert dict(zip(table["platform"], table["rate"])) == {"facebook": 0.0026, "instagram": 0.0116, "twitter": 0.0006}
    assert "median" not in performance.BENCHMARK_SOURCE


def test_a_mean_benchmark_is_compared_with_the_mean_post_a_median_with_the_median():
    # skewed: most posts at 1 %, a few viral ones: median 1 %, mean well above
    own = _own({"instagram": [100] * 40 + [3000] * 8})
    shipped = performance.benchmarks(own, n_boot=300).iloc[0]
    assert shipped["statistic"] == "mean" and shipped["rate"] == pytest.approx(shipped["mean_rate_followers"])
    assert shipped["rate"] > 0.03 and shipped["verdict"] == "above"
    assert shipped["benchmark_year"] == 2020 and shipped["data_year"] == 2026 and "2020" in shipped["note"]
    mine = pd.DataFrame({"platform": ["instagram"], "rate": [0.0116], "statistic": ["median"], "year": [2026],
                         "source": ["agency"]})  # fmt: skip
    own_median = performance.benchmarks(own, n_boot=300, reference=mine).iloc[0]
    assert own_median["statistic"] == "median" and own_median["rate"] == pytest.approx(0.01)
    assert own_median["verdict"] == "below" and own_median["note"] == ""
    assert own_median["benchmark_source"] == "agency"


def test_a_platform_without_benchmark_says_so():
    out = performance.benchmarks(_own({"mastodon": [50] * 5}), n_boot=50).iloc[0]
    assert out["verdict"] == "no benchmark" and np.isnan(out["benchmark"])


def test_a_users_benchmark_file_is_read_and_its_errors_name_row_and_column(tmp_path):
    good = tmp_path / "bench.csv"
    good.write_text(
        "Platform;Rate;Statistic;Year;Source;Note\nInstagram;1,2 %;average;2024;Our agency;panel of 40 brands\n"
        "tiktok;0.05;median;2025;Another;\n",
        encoding="utf-8",
    )
    table = bench_io.read(good)
    assert table[["platform", "rate", "statistic", "year"]].values.tolist() == [
        ["instagram", 0.012, "mean", 2024],
        ["tiktok", 0.05, "median", 2025],
    ]
    bad = tmp_path / "bad.csv"
    bad.write_text("platform,rate,statistic,year,source\nfacebook,0.3 %,mode,2020,x\n", encoding="utf-8")
    with pytest.raises(InputError, match=r"bad.csv, row 2, column 'statistic'"):
        bench_io.read(bad)
    bad.write_text("platform,rate,statistic,year,source\nfacebook,high,mean,2020,x\n", encoding="utf-8")
    with pytest.raises(InputError, match=r"row 2, column 'rate'"):
        bench_io.read(bad)
    bad.write_text("platform,rate,year\nfacebook,0.1,2020\n", encoding="utf-8")
    with pytest.raises(InputError, match=r"lacks the column\(s\) \['statistic', 'source'\]"):
        bench_io.read(bad)


def test_no_file_means_the_shipped_table():
    assert bench_io.read(None).equals(bench_io.shipped())
