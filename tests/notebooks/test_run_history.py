"""Run history on the real smoke reports: two runs into one folder, their history and "since the last run".

The session's smoke run (conftest.py) is replayed twice by a stand-in for ``report.run_all`` that copies its
pages and records, so no notebook runs again.
"""

from __future__ import annotations

import shutil
from dataclasses import replace
from pathlib import Path

import pandas as pd

from kit import cli, report, runs


def _replay(smoke_results):
    def run_all(names, params, out_dir, *, progress, jobs, timeout, overrides):
        out_dir = Path(out_dir)
        copied = []
        for r in smoke_results:
            page = shutil.copy(r.html, out_dir / r.html.name) if r.html else None
            src = r.html.parent / f"{r.name}.record.json" if r.html else None
            if src is not None and src.exists():
                shutil.copy(src, out_dir / src.name)
            copied.append(replace(r, html=Path(page) if page else None))
        report.write_index(copied, out_dir)
        return copied

    return run_all


def test_two_runs_of_the_smoke_reports_fill_the_history(smoke_run, tmp_path, monkeypatch, capsys):
    _, results = smoke_run
    monkeypatch.setattr(report, "run_all", _replay(results))
    out = tmp_path / "runs"
    first = runs.run("all", "smoke", out, run_name="week-1", progress=False)
    second = runs.run("all", "smoke", out, run_name="week-2", progress=False)
    assert second.previous == "week-1" and first.previous is None
    assert (out / "latest").resolve() == (out / "week-2").resolve()
    table = pd.read_parquet(out / "history.parquet")
    figures = table[table["kind"] == "figure"]
    assert (figures.groupby(["report", "name"]).size() == 2).all()
    names = set(figures["name"])
    ok = {r.name for r in results if r.ok}
    expected = {
        "monitoring": {"share of voice: Voltaria", "care: response rate", "alerts"},
        "listening": {"posts analysed"},
        "crisis": {"crisis: hours to first statement", "crisis: peak posts per period"},
        "audit": {"own posts analysed"},
    }
    for name in ok:
        assert expected[name] <= names, name
    if "listening" in ok:
        assert (table["kind"] == "topic").any()
    for r in second.results:
        if r.ok:
            page = r.html.read_text(encoding="utf-8")
            assert "Since the last run" in page and "Compared with run <code>week-1</code>" in page
            since = page[page.index('<section class="kit-since"') :]
            assert " moved from " not in since[: since.index("</section>")]  # the same numbers twice
    assert cli.main(["compare", "week-1", "week-2", "--out", str(out)]) == 0
    assert "No new alert." in capsys.readouterr().out
