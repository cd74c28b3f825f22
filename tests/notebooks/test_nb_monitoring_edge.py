"""The monitoring report on three inputs that used to mislead (issue 16, "Done when"): a brand whose collection
stops, an export without any author column, a six-day daily series. Each gives sentences that say so, and no
matrix of zeros nor empty chart. The inputs are derived from the embedded sample by
``tests/fixtures/monitoring_edge.py`` (lexicon sentiment: the model is not what is tested here)."""

from __future__ import annotations

import importlib.util
import json
from pathlib import Path

import pytest

from kit import report

pytestmark = pytest.mark.slow
ROOT = Path(__file__).resolve().parents[2]
_spec = importlib.util.spec_from_file_location("monitoring_edge", ROOT / "tests" / "fixtures" / "monitoring_edge.py")
edge = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(edge)


@pytest.fixture(scope="module")
def runs(tmp_path_factory):
    out = {}
    for kind in edge.KINDS:
        folder = tmp_path_factory.mktemp(kind)
        _, params = edge.build(kind, folder / "input")
        result = report.run("monitoring", params, folder / "report", progress=False)
        assert result.ok, result.error
        out[kind] = result
    return out


def _outputs(result):
    """What the executed notebook shows: the texts (HTML and plain) and the plotly figures."""
    nb = json.loads(Path(result.notebook).read_text(encoding="utf-8"))
    texts, figures = [], []
    for cell in nb["cells"]:
        for output in cell.get("outputs", []):
            data = output.get("data", {})
            if "application/vnd.plotly.v1+json" in data:
                figures.append(data["application/vnd.plotly.v1+json"])
            for kind in ("text/html", "text/plain"):
                if kind in data:
                    texts.append("".join(data[kind]))
    return "\n".join(texts), figures


def _points(figure) -> int:
    n = 0
    for trace in figure.get("data", []):
        for axis in ("x", "y", "z", "values"):
            values = trace.get(axis)
            if isinstance(values, list) and values:
                n += len(values)
                break
            if isinstance(values, dict) and values:  # binary-encoded arrays
                n += 1
                break
    return n


def _no_empty_figure(result):
    _, figures = _outputs(result)
    empty = [f.get("layout", {}).get("title", {}) for f in figures if _points(f) == 0]
    assert not empty, f"empty figures: {empty}"


def test_a_brand_whose_collection_stops_is_a_gap_not_a_significant_fall(runs):
    values = runs["stopped"].values
    kpis = {r["metric"]: r for r in values["headline_kpis"]}
    assert kpis["mentions"]["current"] == 0 and kpis["mentions"]["previous"] > 100
    assert kpis["mentions"]["p_value"] < 1e-6  # the test alone would call it a fall ...
    assert kpis["mentions"]["significant"] is False  # ... the gap is not called significant
    assert kpis["share of voice"]["significant"] is False
    assert kpis["mentions"]["note"].startswith("likely collection gap: no mention of Voltaria in the current period")
    alerts = [a for a in values["alerts"] if a["metric"] == "mentions"]
    assert alerts and alerts[0]["value"] == 0 and alerts[0]["direction"] == "below"
    assert alerts[0]["message"].endswith("more likely a gap in the collection than a fall (check the export)")
    text, figures = _outputs(runs["stopped"])
    assert "Likely collection gaps, not falls: no mention of Voltaria in the current period" in text
    notes = [a.get("text", "") for f in figures for a in f.get("layout", {}).get("annotations", [])]
    assert any(
        n.startswith("Likely collection gaps, not falls: no mention of Voltaria in the period starting 09 March")
        for n in notes
    )
    marked = [t for f in figures for t in f.get("data", []) if t.get("name") == "likely collection gap"]
    assert marked  # the share-of-voice chart marks the week without the brand
    _no_empty_figure(runs["stopped"])


def test_an_export_without_authors_says_so_instead_of_zeros(runs):
    values = runs["no_authors"].values
    text, figures = _outputs(runs["no_authors"])
    said = "The export has no author column (no handle nor id in any post)"
    for consequence in (
        "audiences cannot be crossed",
        "no author can be found at the crossroads",
        "influencers cannot be ranked",
        "authors cannot be put in follower tiers",
        "the employees' and the brand's own posts cannot be found",
        "the brand's replies cannot be told from the public's posts, so response rate, response times and open "
        "cases are not measured",
    ):
        assert f"{said}: {consequence}" in text, consequence
    care = values["care"][0]
    assert care["cases"] > 0 and care["response_rate"] is None and care["open_cases"] is None
    assert values["advocacy"] == []  # no rows of zeros for employees the export cannot see
    kpis = {r["metric"]: r for r in values["headline_kpis"]}
    assert kpis["unique authors"]["current"] is None and kpis["unique authors"]["significant"] is None
    assert not any(t.get("type") == "heatmap" for f in figures for t in f.get("data", []))  # no zero matrix
    _no_empty_figure(runs["no_authors"])


def test_a_six_day_daily_series_says_it_is_too_short_for_a_band(runs):
    values = runs["six_days"].values
    assert values["alerts"] == [] and values["alert_history"] == []
    text, _ = _outputs(runs["six_days"])
    sentence = "The series has 6 days; a band needs the 8 days before the day it judges (at least 7)"
    assert f"{sentence}: no alert can be raised yet." in text
    assert f"{sentence}: no band can be drawn yet." in text
    assert "weeks before the week" not in text
    _no_empty_figure(runs["six_days"])
