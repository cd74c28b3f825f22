"""Exports beside a report (kit.io.export, kit.provenance.note_table, kit.pl.table, kit.tl.tagged)."""

from __future__ import annotations

import json

import pandas as pd
import pytest
from openpyxl import load_workbook

from kit import pl, provenance
from kit._html import _export_links
from kit.io import export
from kit.tl import tagged


@pytest.fixture
def run_dir(tmp_path, monkeypatch):
    """A folder standing for a run of ``kit run`` of the report ``demo``."""
    monkeypatch.setenv("KIT_RECORD", str(tmp_path / "demo.record.json"))
    provenance.reset()
    yield tmp_path
    monkeypatch.delenv("KIT_RECORD")
    provenance.reset()


def test_neutralise_formula_starts_only_text():
    assert [export.neutralise(v) for v in ["=1", "+1", "-x", "@h", "\tx", "ok", "a=b"]] == [
        "'=1",
        "'+1",
        "'-x",
        "'@h",
        "'\tx",
        "ok",
        "a=b",
    ]
    assert export.neutralise(-1.5) == -1.5 and export.neutralise(None) is None


def test_neutralised_does_not_mutate_and_keeps_missing():
    frame = pd.DataFrame({"a": pd.array(["=cmd()", None], dtype="string"), "n": [1, 2]})
    before = frame.copy()
    out = export.neutralised(frame)
    assert out["a"].iloc[0] == "'=cmd()" and pd.isna(out["a"].iloc[1])
    pd.testing.assert_frame_equal(frame, before)


def test_table_outside_a_run_writes_nothing(tmp_path, monkeypatch):
    monkeypatch.delenv("KIT_RECORD", raising=False)
    monkeypatch.chdir(tmp_path)
    shown = pl.table(pd.DataFrame({"a": [1]}))
    assert shown.export_name is None and "kit-table:" not in shown._repr_html_()
    assert not list(tmp_path.iterdir())


def test_tables_shown_in_a_run_are_written_and_listed(run_dir):
    frame = pd.DataFrame({"actor": ["Voltaria", '=HYPERLINK("x")'], "share": ["25.00 %", "75.00 %"], "posts": [1, 3]})
    shown = pl.table(frame, caption="Share of voice")
    pl.table(pd.DataFrame({"when": pd.to_datetime(["2026-03-01 10:00"], utc=True), "rate": [0.5]}))
    assert shown.export_name == "01_share_of_voice"
    assert "<!--kit-table:01_share_of_voice-->" in shown._repr_html_()
    tables = json.loads((run_dir / "demo.record.json").read_text())["tables"]
    assert [t["name"] for t in tables] == ["01_share_of_voice", "02_when_rate"]
    folder = run_dir / "demo_exports" / "tables"
    csv = (folder / "01_share_of_voice.csv").read_bytes()
    assert csv.startswith(b"\xef\xbb\xbf") and b"'=HYPERLINK" in csv
    assert pd.read_parquet(folder / "01_share_of_voice.parquet")["actor"].iloc[1].startswith("=")


def test_a_table_with_attrs_and_mixed_cells_is_written(tmp_path):
    frame = pd.DataFrame({"a": [[1, 2], "x"], 3: [1.0, None]})
    frame.attrs["note"] = pd.DataFrame({"b": [1]})
    path = export.write_table(frame, tmp_path, "t")
    assert pd.read_parquet(path).columns.tolist() == ["a", "3"]


def test_workbook_one_sheet_per_table_numbers_typed_definitions_provenance(run_dir):
    pl.table(
        pd.DataFrame({"actor": ["@someone", "B"], "share": ["25.00 %", "1.5 %"], "posts": [1, 3]}), caption="Share"
    )
    pl.table(pd.DataFrame({"created_at": pd.to_datetime(["2026-03-01 10:00"], utc=True), "likes": [2.5]}))
    pl.table(pd.DataFrame({"term": ["likes"], "definition": ["Likes received."]}))
    path = export.finish(run_dir, "demo", provenance={"kit version": "0", "parameters": {"seed": 0}})
    assert path == run_dir / "demo_exports" / "demo.xlsx"
    book = load_workbook(path)
    assert len(book.sheetnames) == 3 + 2 and book.sheetnames[-2:] == ["definitions", "provenance"]
    share = book["Share"]
    assert [c.value for c in share[1]] == ["Actor", "Share", "Posts"]
    assert [c.value for c in share[2]] == ["'@someone", 0.25, 1]
    assert share["B3"].value == pytest.approx(0.015) and share["C3"].data_type == "n"
    second = book[book.sheetnames[1]]
    assert second["A2"].is_date and second["B2"].value == 2.5
    definitions = pd.DataFrame(book["definitions"].values)
    meanings = dict(zip(definitions[3], definitions[4]))
    assert meanings["likes"] and meanings["created_at"].startswith("Publication time")
    provenance_rows = [r for r in book["provenance"].values]
    assert ("parameters: seed", "0") in provenance_rows


def test_first_table_of_a_run_clears_an_earlier_runs_exports(run_dir):
    stale = run_dir / "demo_exports" / "tables" / "09_old.csv"
    stale.parent.mkdir(parents=True)
    stale.write_text("old")
    pl.table(pd.DataFrame({"a": [1]}))
    assert not stale.exists()


def test_finish_without_tables_returns_none(tmp_path):
    assert export.finish(tmp_path, "nothing") is None


def test_export_links_in_the_page(run_dir):
    pl.table(pd.DataFrame({"a": [1]}))
    export.write_tagged(pd.DataFrame({"post_id": ["1"]}))
    top, body = _export_links("<p>x</p><!--kit-table:01_a-->", run_dir / "demo.ipynb")
    assert "demo_exports/demo.xlsx" in top and "tagged_posts.csv" in top
    assert 'href="demo_exports/tables/01_a.csv"' in body
    top, body = _export_links("<!--kit-table:01_a-->", run_dir / "other.ipynb")
    assert top == "" and body == ""


def test_tagged_posts_status_corrected_and_columns():
    posts = pd.DataFrame(
        {
            "post_id": ["a", "b", "c", "d"],
            "text": ["t"] * 4,
            "lang": ["fr", "de", "en", "fr"],
            "sentiment": ["positive", "positive", "negative", "neutral"],
            "x_true_sentiment": ["positive"] * 4,
        }
    )
    reviewed = pd.DataFrame(
        {"post_id": list("abcd"), "weight": 1.0, "label_ana": ["positive", "negative", "negative", "neutral"]}
    )
    cases = pd.DataFrame(
        {"post_id": ["a", "c"], "responded": [True, False], "open": [False, True], "intent": ["question", "complaint"]}
    )
    out = tagged.tagged_posts(posts, reviewed=reviewed, cases=cases)
    assert len(out) == len(posts) and "x_true_sentiment" not in out.columns
    status = out["care_status"]
    assert status.iloc[0] == "answered" and pd.isna(status.iloc[1]) and status.iloc[2] == "open"
    assert out.loc[0, "corrected_p_positive"] == pytest.approx(0.5)
    assert out.loc[2, "corrected_p_negative"] == pytest.approx(1.0)
    assert out["intent"].tolist()[0] == "question" and pd.isna(out["intent"].iloc[1])
    assert list(out.columns) == [c for c in tagged.COLUMNS if c in out.columns]


def test_tagged_posts_without_review_or_cases_keeps_what_was_computed():
    posts = pd.DataFrame({"post_id": ["a"], "emotion": ["joy"], "topic": [1], "topic_label": ["trains"]})
    assert tagged.tagged_posts(posts, reviewed=pd.DataFrame()).columns.tolist() == [
        "post_id",
        "emotion",
        "topic",
        "topic_label",
    ]
