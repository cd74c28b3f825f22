"""Run history: run folders, `latest`, the index of runs, the history table, "since the last run", `kit compare`.

The notebooks are replaced by a fake ``report.run_all`` that writes a page and a record per report, so these
tests take a second; tests/notebooks/test_run_history.py does the same on the real smoke reports.
"""

from __future__ import annotations

import json
from pathlib import Path

import pandas as pd
import pytest

from kit import cli, history, report, runs


def _record(week: int) -> dict:
    """What monitoring and listening record, in a week where the brand's share jumps (week 2) or not."""
    share = 0.50 if week == 1 else 0.62
    return {
        "monitoring": {
            "values": {
                "posts_loaded": 1000 + week,
                "share_of_voice": [
                    {"actor": "Voltaria", "share": share, "low": share - 0.04, "high": share + 0.04},
                    {"actor": "Railix", "share": 0.2, "low": 0.17, "high": 0.23},
                ],
                "care": [{"response_rate": 0.55, "rate_low": 0.52, "rate_high": 0.58, "median_hours": 2.4}],
                "alerts": [{"message": f"Mentions were high in week {w}", "value": 9.0} for w in range(1, week)],
            }
        },
        "listening": {
            "values": {
                "posts_loaded": 900,
                "listening_posts": 900,
                "topics": [{"topic": -1, "label": "outliers"}, {"topic": 0, "label": "fees"}]
                + ([{"topic": 1, "label": "app update"}] if week == 2 else [{"topic": 1, "label": "night train"}]),
            }
        },
    }


@pytest.fixture
def fake_runner(monkeypatch):
    week = {"n": 0}

    def run_all(names, params, out_dir, *, progress, jobs, timeout, overrides):
        week["n"] += 1
        out_dir = Path(out_dir)
        results = []
        for name, record in _record(week["n"]).items():
            (out_dir / f"{name}.record.json").write_text(json.dumps(record), encoding="utf-8")
            page = out_dir / f"{name}.html"
            page.write_text(
                '<html><body><main><div>intro</div><nav class="kit-toc">toc</nav><div>body</div>'
                '<section class="kit-provenance">p</section></main></body></html>',
                encoding="utf-8",
            )
            results.append(report.Result(name, True, page, None, 1.0, record=record))
        report.write_index(results, out_dir)
        return results

    monkeypatch.setattr(report, "run_all", run_all)


def test_two_runs_give_two_folders_latest_an_index_history_and_since_sections(fake_runner, tmp_path, capsys):
    out = tmp_path / "reports"
    assert cli.main(["run", "all", "--out", str(out), "--quiet"]) == 0
    assert cli.main(["run", "all", "--out", str(out), "--quiet", "--run-name", "week-2"]) == 0
    folders = sorted(p.name for p in out.iterdir() if p.is_dir() and not p.is_symlink())
    assert len(folders) == 2 and "week-2" in folders
    first = next(f for f in folders if f != "week-2")
    assert first[:4].isdigit() and first[4] == "-"  # dated: 2026-12-02_12-00-00
    assert (out / "latest").resolve() == (out / "week-2").resolve()
    index = (out / "index.html").read_text(encoding="utf-8")
    assert f'href="{first}/index.html"' in index and 'href="week-2/monitoring.html"' in index
    for folder in folders:
        assert (out / folder / "run.log").read_text(encoding="utf-8").strip()
        assert json.loads((out / folder / "run.json").read_text(encoding="utf-8"))["run"] == folder
    table = pd.read_parquet(out / "history.parquet")
    figures = table[table["kind"] == "figure"]
    assert (figures.groupby(["report", "name"]).size() == 2).all()
    assert set(table["run"]) == {first, "week-2"}
    # the first run has nothing to compare with; the second says what moved
    assert "nothing to compare with yet" in (out / first / "monitoring.html").read_text(encoding="utf-8")
    page = (out / "week-2" / "monitoring.html").read_text(encoding="utf-8")
    since = page[page.index('<section class="kit-since"') : page.index('<nav class="kit-toc">')]
    assert "share of voice: Voltaria moved from 0.5 to 0.62" in since
    assert "Railix" not in since  # within its interval
    assert "New alert, monitoring: Mentions were high in week 1" in since
    listening = (out / "week-2" / "listening.html").read_text(encoding="utf-8")
    assert "Topic appeared, listening: app update" in listening and "Topic vanished, listening: night train" in (
        listening
    )
    assert "outliers" not in listening

    capsys.readouterr()
    assert cli.main(["compare", first, "week-2", "--out", str(out)]) == 0
    printed = capsys.readouterr().out
    assert "share of voice: Voltaria moved" in printed and "Topic appeared, listening: app update" in printed
    written = out / f"compare_{first}_week-2.txt"
    assert "share of voice: Voltaria moved" in written.read_text(encoding="utf-8")
    assert len(pd.read_csv(written.with_suffix(".csv"))) == len(figures) // 2
    # a run folder path works too, and so does `latest`
    assert cli.main(["compare", str(out / first), str(out / "latest"), "--to", str(tmp_path / "c.txt")]) == 0
    assert "week-2" in (tmp_path / "c.txt").read_text(encoding="utf-8")


def test_a_run_name_used_again_replaces_its_history_rows(fake_runner, tmp_path, capsys):
    out = tmp_path / "reports"
    assert cli.main(["run", "all", "--out", str(out), "--quiet", "--run-name", "weekly"]) == 0
    assert cli.main(["run", "all", "--out", str(out), "--quiet", "--run-name", "weekly"]) == 0
    table = history.read(out / "history.parquet")
    assert set(table["run"]) == {"weekly"}
    assert table.loc[table["name"] == "share of voice: Voltaria", "value"].tolist() == [0.62]


def test_compare_names_a_missing_run(tmp_path, capsys):
    assert cli.main(["compare", "a", "b", "--out", str(tmp_path)]) == 2
    assert "a: no such run folder" in capsys.readouterr().err


@pytest.mark.parametrize("name", ["latest", "../up", ".hidden", "a/b", ""])
def test_bad_run_names_are_refused(name):
    with pytest.raises(ValueError, match="run name"):
        runs.check_name(name)


def test_headlines_skip_what_a_record_lacks():
    rows = history.headlines({"monitoring": {"values": {"share_of_voice": [{"actor": "A"}]}}, "audit": {}}, run="r")
    assert rows.empty and rows.columns.tolist() == history.COLUMNS


def test_a_figure_without_an_interval_never_counts_as_moved():
    a = history.headlines({"listening": {"values": {"listening_posts": 10}}}, run="a")
    b = history.headlines({"listening": {"values": {"listening_posts": 99}}}, run="b")
    change = history.compare(pd.concat([a, b]), "a", "b")
    assert change.moved.empty
    assert change.figures.loc[0, "change"] == 89
    assert "No figure here has an interval to compare with" in change.to_text()


def test_history_runs_are_ordered_by_time():
    a = history.headlines({"audit": {"values": {"posts_loaded": 1}}}, run="z", finished="2026-01-01")
    b = history.headlines({"audit": {"values": {"posts_loaded": 2}}}, run="a", finished="2026-01-08")
    assert history.runs(pd.concat([b, a])) == ["z", "a"]
