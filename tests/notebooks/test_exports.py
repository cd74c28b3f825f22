"""Exports beside every report (issue 17, point 1) and pseudonymised reports (point 3), on the smoke set."""

from __future__ import annotations

import re
import shutil
from pathlib import Path

import pandas as pd
from openpyxl import load_workbook

from kit import report
from kit.io import pseudonym_key

ROOT = Path(__file__).resolve().parents[2]
TRACKED = ("brand", "competitor", "media", "employee")


def _exports(result) -> Path:
    return result.html.parent / f"{result.name}_exports"


def test_every_report_has_its_workbook_and_tables(smoke_run):
    out, results = smoke_run
    for result in results:
        assert result.ok, (result.name, result.error)
        folder = _exports(result)
        tables = result.record["tables"]
        assert tables, result.name
        book = load_workbook(folder / f"{result.name}.xlsx")
        assert len(book.sheetnames) == len(tables) + 2, result.name
        assert book.sheetnames[-2:] == ["definitions", "provenance"]
        numbers = sum(
            isinstance(cell.value, (int, float)) and not isinstance(cell.value, bool)
            for sheet in book.worksheets[:-2]
            for row in sheet.iter_rows(min_row=2)
            for cell in row
        )
        assert numbers > 0, f"{result.name}: no typed number in the workbook"
        for table in tables:
            csv = folder / "tables" / f"{table['name']}.csv"
            assert csv.read_bytes().startswith(b"\xef\xbb\xbf")
            assert len(pd.read_parquet(csv.with_suffix(".parquet"))) == table["rows"]
        page = result.html.read_text(encoding="utf-8")
        assert f'href="{result.name}_exports/{result.name}.xlsx"' in page
        assert f'href="{result.name}_exports/tables/{tables[0]["name"]}.csv"' in page


def test_listening_and_monitoring_write_their_tagged_posts(smoke_run):
    _, results = smoke_run
    by_name = {r.name: r for r in results}
    expected = {
        "listening": {"lang", "sentiment", "p_negative", "emotion", "topic", "topic_label", "intent"},
        "monitoring": {"lang", "sentiment", "p_positive", "corrected_p_negative", "intent", "care_status"},
    }
    for name, columns in expected.items():
        result = by_name[name]
        tagged = pd.read_parquet(_exports(result) / "tagged_posts.parquet")
        assert columns <= set(tagged.columns), name
        assert tagged["post_id"].is_unique and 0 < len(tagged) <= result.values["posts_loaded"]
        csv = pd.read_csv(_exports(result) / "tagged_posts.csv", encoding="utf-8-sig", dtype=str)
        assert len(csv) == len(tagged)
        assert not csv["text"].dropna().str.match(r"[=+\-@]").any()  # neutralised against formula injection
    assert (
        len(pd.read_parquet(_exports(by_name["listening"]) / "tagged_posts.parquet"))
        == (by_name["listening"].values["listening_posts"])
    )
    assert {"answered", "open"} <= set(
        pd.read_parquet(_exports(by_name["monitoring"]) / "tagged_posts.parquet")["care_status"].dropna()
    )


def _public_identifiers() -> tuple[set[str], set[str]]:
    posts = pd.read_parquet(ROOT / "data" / "sample" / "posts.parquet")
    tracked = posts[posts["actor_role"].isin(TRACKED)]
    public = posts[(posts["actor_role"] == "public") & ~posts["author_handle"].isin(tracked["author_handle"])]
    tokens = set(public["author_handle"].str.lower()) | set(public["author_id"]) | set(public["post_id"])
    names = set(public["author_name"]) - set(tracked["author_name"])
    return tokens, names


def _readable_text(path: Path) -> str:
    if path.suffix == ".parquet":
        frame = pd.read_parquet(path)
        return "\n".join(frame[c].astype("string").fillna("").str.cat(sep="\n") for c in frame.columns)
    if path.suffix == ".xlsx":
        book = load_workbook(path, read_only=True)
        return "\n".join(str(v) for sheet in book.worksheets for row in sheet.iter_rows(values_only=True) for v in row)
    text = path.read_text(encoding="utf-8-sig", errors="replace")
    if path.suffix == ".html":
        import plotly.offline

        text = text.replace(plotly.offline.get_plotlyjs(), "")  # the library, not the report's content
    return text


def test_pseudonymised_reports_name_no_one_of_the_public(tmp_path, monkeypatch):
    params = tmp_path / "params"
    shutil.copytree(ROOT / "params" / "smoke", params)
    with open(params / "common.yaml", "a", encoding="utf-8") as fh:
        fh.write("\npseudonymise: true\n")
    monkeypatch.setenv(pseudonym_key.ENV_KEY, "a team's secret for the test")
    names = [n for n in report.NOTEBOOKS if "pseudonymise" in report.notebook_defaults(n)]
    assert {"audit", "monitoring", "listening"} <= set(names)
    results = report.run_all(names, params, tmp_path / "out", progress=False)
    assert all(r.ok for r in results), [(r.name, r.error) for r in results]
    tokens, people = _public_identifiers()
    files = [
        p
        for r in results
        for p in [r.html, *_exports(r).rglob("*"), r.html.with_name(f"{r.name}.record.json")]
        if p.is_file() and p.suffix in {".html", ".csv", ".parquet", ".xlsx", ".json"}
    ]
    files += list((tmp_path / "out").rglob("*review_sample.csv"))
    assert any(p.name == "tagged_posts.parquet" for p in files)
    seen_tracked = set()
    for path in files:
        text = _readable_text(path)
        found = {t.strip(".").lower() for t in re.findall(r"[\w.]+", text)}
        leaked = found & tokens
        assert not leaked, f"{path.name}: {sorted(leaked)[:5]}"
        named = {n for n in people if n in text}
        assert not named, f"{path.name}: {sorted(named)[:5]}"
        seen_tracked |= found & {"voltaria", "railix", "claire_martin", "transittimes"}
    assert {"voltaria", "railix"} <= seen_tracked  # the tracked accounts stay named
    assert any("user-" in _readable_text(p) for p in files if p.name == "tagged_posts.parquet")
