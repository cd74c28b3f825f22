"""`kit inspect`, `kit sample`, `kit run` from the command line (`kit run` for schedulers: test_scheduler.py)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from kit import cli

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures"
SHARED_DATA = Path(__file__).resolve().parents[2].parent / "shared" / "data"


def test_inspect_twarc2_reports_row_accounting(capsys):
    assert cli.main(["inspect", str(FIXTURES / "json" / "twarc2_v2.jsonl"), "--json"]) == 0
    info = json.loads(capsys.readouterr().out)
    assert info["detected_format"] == "twitter_v2"
    assert info["rows_read"] == info["rows_kept"] + info["rows_dropped"]
    assert info["rows_kept"] > 0 and info["time_range_utc"][0].startswith("20")
    assert "created_at" in info["columns_mapped"]


def test_inspect_malformed_jsonl_names_the_line(capsys):
    assert cli.main(["inspect", str(FIXTURES / "json" / "twarc2_malformed.jsonl")]) == 0
    out = capsys.readouterr().out
    assert "rows dropped:" in out and "line" in out


def test_inspect_text_output_for_mangled_csv(capsys):
    assert cli.main(["inspect", str(FIXTURES / "csv" / "spreadsheet_mangled.csv")]) == 0
    out = capsys.readouterr().out
    assert "format:          csv" in out and "scientific notation" in out and "created_at" in out


def test_inspect_missing_file_is_a_clear_error(capsys, tmp_path):
    assert cli.main(["inspect", str(tmp_path / "nope.csv")]) == 2
    assert "nope.csv: no such file" in capsys.readouterr().err


@pytest.mark.shared
@pytest.mark.skipif(not (SHARED_DATA / "airline_tweets" / "Tweets.csv").exists(), reason="../shared/data absent")
def test_inspect_airline_file(capsys):
    assert cli.main(["inspect", str(SHARED_DATA / "airline_tweets" / "Tweets.csv"), "--json"]) == 0
    info = json.loads(capsys.readouterr().out)
    assert info["rows_read"] == 14640
    assert info["rows_kept"] + info["rows_dropped"] == 14640
    assert info["time_range_utc"][0].startswith("2015-02-16") and info["time_range_utc"][1].startswith("2015-02-24")


def test_sample_command_writes_files(tmp_path, capsys):
    assert cli.main(["sample", "--out", str(tmp_path), "--posts", "2000", "--seed", "3"]) == 0
    assert (tmp_path / "posts.parquet").exists() and (tmp_path / "truth.json").exists()
    assert json.loads((tmp_path / "truth.json").read_text())["generator"]["seed"] == 3


def test_sentiment_command_scores_a_csv(tmp_path, capsys):
    src = tmp_path / "in.csv"
    src.write_text(
        'id,message\n1,"Je déteste ce train, toujours en retard"\n2,"Ich liebe diesen Service, super!"\n',
        encoding="utf-8",
    )
    out = tmp_path / "out.csv"
    assert cli.main(["sentiment", str(src), "--text-column", "message", "--out", str(out), "--backend", "lexicon"]) == 0
    import pandas as pd

    scored = pd.read_csv(out)
    assert scored["sentiment"].tolist() == ["negative", "positive"]
    assert scored["detected_lang"].tolist() == ["fr", "de"]
    assert scored["score"].between(-1, 1).all() and "2 texts scored" in capsys.readouterr().out


def test_sentiment_command_names_a_missing_column(tmp_path, capsys):
    src = tmp_path / "in.csv"
    src.write_text("id,text\n1,hello\n", encoding="utf-8")
    assert cli.main(["sentiment", str(src), "--text-column", "message", "--out", str(tmp_path / "o.csv")]) == 2
    assert "no column 'message'" in capsys.readouterr().err


def test_run_defaults_to_the_shipped_sample_parameters(tmp_path, monkeypatch, capsys):
    from kit import report

    seen = {}

    def fake_run_all(names, params, out_dir, *, progress, jobs, timeout, overrides):
        seen.update(names=names, params=params, jobs=jobs, out_dir=Path(out_dir).parent.name)
        return []

    monkeypatch.setattr(report, "run_all", fake_run_all)
    monkeypatch.chdir(tmp_path)  # any folder
    assert cli.main(["run", "all", "--out", str(tmp_path / "out"), "--jobs", "2", "--quiet"]) == 0
    assert seen == {"names": "all", "params": "sample", "jobs": 2, "out_dir": "out"}  # a run folder in --out
    assert report.load_params(seen["params"], "monitoring")["review_file"] == "sample"


def test_run_into_an_unwritable_folder_is_one_clear_line(capsys):
    from kit.cli import main

    assert main(["run", "audit", "--params", "smoke", "--out", "/proc/kit-no-such-folder"]) == 2
    err = capsys.readouterr().err
    assert err.startswith("error: cannot write reports to /proc/kit-no-such-folder") and "Traceback" not in err
