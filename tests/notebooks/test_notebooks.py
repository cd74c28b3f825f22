"""Run every notebook headless through papermill on the smoke parameters and check what it recorded."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pandas as pd
import pytest

from kit import report

pytestmark = pytest.mark.slow
ROOT = Path(__file__).resolve().parents[2]


def test_every_notebook_runs_and_index_links_them(smoke_run):
    out, results = smoke_run
    assert [r.name for r in results] == list(report.NOTEBOOKS)
    assert all(r.ok for r in results), [(r.name, r.error) for r in results]
    index = (out / "index.html").read_text(encoding="utf-8")
    for r in results:
        assert f'href="{r.name}.html"' in index
        assert r.html.exists()


def test_recorded_values_account_for_every_row(smoke_run):
    _, results = smoke_run
    for r in results:
        values = r.values
        assert values["posts_loaded"] > 0, r.name
        assert values["rows_read"] == values["posts_loaded"] + values["rows_dropped"] + values.get("posts_outside_period", 0)


def test_reports_are_offline_and_interactive(smoke_run):
    _, results = smoke_run
    for r in results:
        page = r.html.read_text(encoding="utf-8")
        # no script or stylesheet is fetched from anywhere
        assert not re.search(r'<script[^>]+src=', page), r.name
        assert not re.search(r'<link[^>]+href="https?:', page), r.name
        # plotly.js is inlined once, and figures are drawn by it
        assert page.count("plotly.js v") >= 1
        assert page.count('class="plotly-graph-div"') >= 4, r.name
        # no code cells, a provenance block with the input hash and the seed
        assert "import kit" not in page and "kit.load(" not in page
        assert 'id="provenance"' in page and "SHA-256" in page
        assert "kit-toc" in page


def test_failing_notebook_does_not_stop_the_others(tmp_path):
    params = {"data": str(tmp_path / "missing.csv")}
    results = report.run_all(["monitoring", "crisis"], params, tmp_path, progress=False)
    assert [r.ok for r in results] == [False, False]
    assert all("missing.csv" in r.error for r in results)
    index = (tmp_path / "index.html").read_text(encoding="utf-8")
    assert index.count("FAILED") == 2 and "2 of 2 reports failed" in index
    # the failed report still exists and says why
    assert "This report failed" in results[0].html.read_text(encoding="utf-8")


def test_post_text_never_executes(tmp_path):
    data = tmp_path / "posts.csv"
    data.write_text(
        "id,created_at,author,text,platform,likes\n"
        '1,2026-01-05T10:00:00Z,mallory,<script>alert(1)</script>,twitter,500\n'
        '2,2026-01-05T11:00:00Z,eve,"<img src=x onerror=alert(2)> &amp; more",twitter,400\n'
        "3,2026-01-06T11:00:00Z,bob,plain words,twitter,1\n",
        encoding="utf-8",
    )
    names = ["audit", "monitoring", "listening"]  # two at a time: the parallel path is tested here too
    results = report.run_all(names, {"data": str(data)}, tmp_path / "out", progress=False, jobs=2)
    assert [r.name for r in results] == names
    index = (tmp_path / "out" / "index.html").read_text(encoding="utf-8")
    assert all(f'href="{name}.html"' in index for name in names)
    # the crisis report shows the posts that match its query terms: make the hostile ones match
    results.append(report.run("crisis", {"data": str(data), "query_terms": ["alert", "plain"]},
                              tmp_path / "out", progress=False))
    assert all(r.ok for r in results), [(r.name, r.error) for r in results]
    for r in results:
        page = r.html.read_text(encoding="utf-8")
        assert "<script>alert(1)</script>" not in page, r.name
        assert "<img src=x onerror" not in page, r.name
        assert "&lt;script&gt;alert(1)&lt;/script&gt;" in page, r.name
        assert "&lt;img src=x onerror=alert(2)&gt;" in page, r.name


def test_notebook_defaults_are_literals():
    for name in report.NOTEBOOKS:
        defaults = report.notebook_defaults(name)
        assert defaults["data"] == "sample"
        assert "seed" in defaults
    assert "#VoltariaFail" in report.notebook_defaults("crisis")["query_terms"]


def test_params_sections_and_folders(tmp_path):
    f = tmp_path / "p.yaml"
    f.write_text("common:\n  seed: 3\nmonitoring:\n  freq: W\n", encoding="utf-8")
    assert report.load_params(f, "monitoring") == {"seed": 3, "freq": "W"}
    assert report.load_params(f, "crisis") == {"seed": 3}
    assert report.load_params(ROOT / "params" / "smoke", "crisis")["data"] == "sample"


def test_unknown_parameter_fails_with_its_name(tmp_path):
    result = report.run("monitoring", {"colour": "red"}, tmp_path, progress=False)
    assert not result.ok and "colour" in result.error


def test_crisis_timeline_recovers_the_planted_crisis(smoke_run):
    from kit import datasets
    _, results = smoke_run
    truth = datasets.load_sample()[1]["crisis"]
    timeline = {r.name: r for r in results}["crisis"].values["timeline"]
    onset = pd.Timestamp(timeline["onset"])
    assert abs(onset - pd.Timestamp(truth["onset"])) <= pd.Timedelta(hours=2)
    assert abs(pd.Timestamp(timeline["peak"]) - pd.Timestamp(truth["peak_hour"])) <= pd.Timedelta(hours=2)
    assert timeline["half_life_periods"] == pytest.approx(truth["half_life_hours"], rel=0.25)
