"""`kit run` for schedulers: a per-notebook --timeout, -p overrides, exit codes, a log per run, --version.

Two tiny notebooks stand in for the four reports (``report.NOTEBOOKS`` is patched): one sleeps, one records
its parameters.
"""

from __future__ import annotations

import json

import nbformat
import pytest

from kit import cli, report, runs


def _notebook(path, parameters: str, code: str):
    nb = nbformat.v4.new_notebook()
    nb.metadata["kernelspec"] = {"name": "python3", "display_name": "Python 3", "language": "python"}
    nb.cells = [
        nbformat.v4.new_markdown_cell("# A test report"),
        nbformat.v4.new_code_cell(parameters, metadata={"tags": ["parameters"]}),
        nbformat.v4.new_code_cell(code),
    ]
    nbformat.write(nb, str(path))
    return str(path)


@pytest.fixture
def tiny_notebooks(tmp_path, monkeypatch):
    sleepy = _notebook(tmp_path / "sleepy.ipynb", "seconds = 0", "import time\ntime.sleep(seconds)")
    echo = _notebook(
        tmp_path / "echo.ipynb",
        'greeting = "hello"\nrepeat = 1',
        "from kit import provenance\nprovenance.record('greeting', greeting)\nprovenance.record('repeat', repeat)\n"
        "provenance.record('alerts', [{'message': 'Mentions rose'}] if repeat > 1 else [])",
    )
    # absolute paths: NOTEBOOK_DIR / path is the path itself
    monkeypatch.setattr(report, "NOTEBOOKS", {"sleepy": sleepy, "echo": echo})
    (tmp_path / "none.yaml").write_text("{}\n", encoding="utf-8")  # the notebooks' own defaults
    return tmp_path


@pytest.mark.slow
def test_timeout_stops_a_hung_notebook_marks_it_failed_and_exits_non_zero(tiny_notebooks, capsys):
    out = tiny_notebooks / "out"
    argv = ["run", "all", "--out", str(out), "--params", str(tiny_notebooks / "none.yaml"), "--run-name", "hung"]
    argv += ["--quiet", "--timeout", "5"]
    code = cli.main([*argv, "-p", "seconds", "60", "-p", "greeting", "bonjour à tous", "-p", "repeat", "2"])
    assert code == runs.EXIT_FAILED
    run_dir = out / "hung"
    info = json.loads((run_dir / "run.json").read_text(encoding="utf-8"))
    status = {r["name"]: r for r in info["reports"]}
    assert not status["sleepy"]["ok"] and "TimeoutError" in status["sleepy"]["error"]
    assert status["sleepy"]["seconds"] < 40  # stopped, not slept for 60 s
    assert status["echo"]["ok"]
    # the overrides reached the notebook that declares them, typed as YAML reads them
    record = json.loads((run_dir / "echo.record.json").read_text(encoding="utf-8"))
    assert record["values"]["greeting"] == "bonjour à tous" and record["values"]["repeat"] == 2
    index = (run_dir / "index.html").read_text(encoding="utf-8")
    assert "FAILED" in index and "TimeoutError" in index
    assert "FAILED" in (out / "index.html").read_text(encoding="utf-8")
    log = (run_dir / "run.log").read_text(encoding="utf-8")
    assert "sleepy" in log.lower() and "TimeoutError" in log
    assert (out / "latest").resolve() == run_dir.resolve()


@pytest.mark.slow
def test_alerts_give_their_own_exit_code_only_when_asked(tiny_notebooks, capsys):
    out = tiny_notebooks / "out"
    base = [
        "run",
        "all",
        "--out",
        str(out),
        "--params",
        str(tiny_notebooks / "none.yaml"),
        "--quiet",
        "-p",
        "repeat",
        "2",
    ]
    assert cli.main([*base, "--run-name", "quiet"]) == runs.EXIT_OK
    assert cli.main([*base, "--run-name", "loud", "--fail-on-alert"]) == runs.EXIT_ALERTS
    assert "1 alerts" in capsys.readouterr().out
    # the second run says the alert is not new and lists both runs
    page = (out / "loud" / "echo.html").read_text(encoding="utf-8")
    assert "Since the last run" in page and "Compared with run <code>quiet</code>" in page
    assert "No new alert." in page
    assert page.index('id="kit-print"') < page.index("</head>")  # the print stylesheet
    index = (out / "index.html").read_text(encoding="utf-8")
    assert 'href="quiet/index.html"' in index and 'href="loud/index.html"' in index


def test_a_parameter_no_notebook_declares_is_a_usage_error(tiny_notebooks, capsys):
    params = str(tiny_notebooks / "none.yaml")
    code = cli.main(["run", "all", "--out", str(tiny_notebooks / "o"), "--params", params, "-p", "colour", "red"])
    assert code == 2
    assert "['colour'] are parameters of none of the notebooks" in capsys.readouterr().err
    assert not (tiny_notebooks / "o").exists() or not any((tiny_notebooks / "o").iterdir())  # no empty run left


def test_version(capsys):
    with pytest.raises(SystemExit) as stop:
        cli.main(["--version"])
    assert stop.value.code == 0
    assert capsys.readouterr().out.startswith("kit 0.")


def test_exit_codes_are_distinct():
    failed = report.Result(name="x", ok=False, html=None, notebook=None, seconds=1.0, error="boom")
    ok = report.Result(name="y", ok=True, html=None, notebook=None, seconds=1.0)
    assert runs.exit_code([ok]) == 0
    assert runs.exit_code([ok], alerts=3) == 0
    assert runs.exit_code([ok], alerts=3, fail_on_alert=True) == 3
    assert runs.exit_code([ok, failed], alerts=3, fail_on_alert=True) == 1
    assert len({runs.EXIT_OK, runs.EXIT_FAILED, runs.EXIT_ALERTS, 2}) == 4
