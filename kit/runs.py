"""Run folders: each ``kit run ... --out DIR`` writes one dated folder, and ``DIR`` keeps the history of runs.

``DIR/<run>/`` holds the run's reports, their ``index.html``, ``run.json`` (what ran, how it ended) and
``run.log``; ``DIR/latest`` links the newest run; ``DIR/index.html`` lists every run; ``DIR/history.parquet``
holds the headline figures of every run (:mod:`kit.history`), and each report gains a "since the last run"
section comparing it with the previous run of the same report.

Exit codes of ``kit run`` (:func:`exit_code`): ``0`` all went well, ``1`` a notebook failed (or timed out),
``3`` alerts were raised (only with ``--fail-on-alert``); ``2`` is left to unreadable inputs and usage errors.

>>> from kit import runs
>>> runs.check_name("2026-03-30_weekly")
'2026-03-30_weekly'
>>> runs.exit_code([], alerts=2, fail_on_alert=True)
3
"""

from __future__ import annotations

import html
import json
import logging
import os
import re
import time
from dataclasses import dataclass
from pathlib import Path

from . import __version__, history, report

__all__ = [
    "EXIT_OK",
    "EXIT_FAILED",
    "EXIT_ALERTS",
    "Run",
    "check_name",
    "run",
    "exit_code",
    "since_section",
    "write_runs_index",
    "comparison",
]

EXIT_OK, EXIT_FAILED, EXIT_ALERTS = 0, 1, 3
HISTORY = "history.parquet"
_log = logging.getLogger("kit.runs")


@dataclass(frozen=True)
class Run:
    """One run of ``kit run``: its name, folder, the notebooks' results and the number of alerts raised."""

    name: str
    folder: Path
    results: tuple
    alerts: int
    previous: str | None
    log: Path


def check_name(name: str) -> str:
    """``name`` if it can name a run folder (letters, digits, ``-``, ``_``, ``.``; not ``latest``).

    Parameters
    ----------
    name
        A run name, as given with ``--run-name``.

    Returns
    -------
    str
        The name.

    Examples
    --------
    >>> check_name("../x")
    Traceback (most recent call last):
    ...
    ValueError: run name '../x': use letters, digits, '-', '_' and '.', not starting with '.', and not 'latest'
    """
    if not re.fullmatch(r"[A-Za-z0-9_-][A-Za-z0-9_.-]*", name) or name == "latest":
        raise ValueError(
            f"run name {name!r}: use letters, digits, '-', '_' and '.', not starting with '.', and not 'latest'"
        )
    return name


def _dated_name(out: Path) -> str:
    stamp = time.strftime("%Y-%m-%d_%H-%M-%S", time.gmtime())
    name, i = stamp, 2
    while (out / name).exists():
        name, i = f"{stamp}_{i}", i + 1
    return name


def _link_latest(out: Path, name: str) -> None:
    tmp = out / ".latest.tmp"
    try:
        tmp.unlink(missing_ok=True)
        os.symlink(name, tmp, target_is_directory=True)
        os.replace(tmp, out / "latest")
    except OSError:  # no symbolic links here (e.g. Windows without developer mode): say it in a file
        (out / "latest.txt").write_text(name + "\n", encoding="utf-8")


def since_section(table, name: str, report_name: str) -> str:
    """The "since the last run" section of report ``report_name`` in run ``name``.

    Parameters
    ----------
    table
        The history table (:func:`kit.history.read`).
    name
        The run.
    report_name
        The report (``"monitoring"``...).

    Returns
    -------
    str
        An HTML ``<section>``: the comparison with the latest earlier run holding this report, or a note
        that there is none.

    Examples
    --------
    >>> t = history.headlines({"audit": {"values": {"posts_loaded": 5}}}, run="r1")
    >>> "first run" in since_section(t, "r1", "audit")
    True
    """
    own = table[table["report"] == report_name]
    earlier = [r for r in history.runs(own) if r != name]
    order = history.runs(table)
    earlier = [r for r in earlier if name not in order or order.index(r) < order.index(name)]
    if not earlier:
        return (
            f'<section class="kit-since" id="since-the-last-run" style="{history.SINCE_STYLE}">'
            "<h2>Since the last run</h2>"
            "<p>This is the first run of this report in this folder: nothing to compare with yet.</p></section>"
        )
    return history.compare(table, earlier[-1], name, report=report_name).to_html()


def _insert(page: str, section: str) -> str:
    for marker in ('<nav class="kit-toc">', '<section class="kit-provenance"', "</main>", "</body>"):
        at = page.find(marker)
        if at >= 0:
            return page[:at] + section + page[at:]
    return page + section


def run(
    names,
    params,
    out: str | Path,
    *,
    run_name: str | None = None,
    progress: bool = True,
    jobs: int = 1,
    timeout: float | None = None,
    overrides: dict | None = None,
) -> Run:
    """Run notebooks into a new folder of ``out`` and update the history, the index of runs and ``latest``.

    Parameters
    ----------
    names, params
        As for :func:`kit.report.run_all`.
    out
        The folder of all runs.
    run_name
        The run's folder name (default: the UTC date and time, ``2026-03-30_06-00-00``). A name used before
        is run again: its folder and its history rows are replaced.
    progress, jobs, timeout, overrides
        As for :func:`kit.report.run_all`.

    Returns
    -------
    Run
    """
    out = Path(out)
    out.mkdir(parents=True, exist_ok=True)
    name = check_name(run_name) if run_name else _dated_name(out)
    folder = out / name
    created = not folder.exists()
    folder.mkdir(parents=True, exist_ok=True)
    log = folder / "run.log"
    handler = logging.FileHandler(log, mode="w", encoding="utf-8")
    handler.setFormatter(logging.Formatter("%(asctime)s %(levelname)s %(name)s: %(message)s"))
    root = logging.getLogger("kit")
    root.addHandler(handler)
    old_level, root.level = root.level, logging.INFO
    started = time.strftime("%Y-%m-%d %H:%M:%S UTC", time.gmtime())
    try:
        _log.info("run %s into %s: kit %s, notebooks %s, parameters %s, overrides %s, timeout %s",
                  name, folder.resolve(), __version__, names, params, overrides, timeout)  # fmt: skip
        results = report.run_all(
            names, params, folder, progress=progress, jobs=jobs, timeout=timeout, overrides=overrides
        )
        for r in results:
            if not r.ok:
                _log.error("%s failed: %s", r.name, r.error)
        rows = history.headlines({r.name: r.record for r in results if r.ok and r.record}, run=name)
        table = history.append(out / HISTORY, rows)
        for r in results:
            if r.ok and r.html is not None and r.html.exists():
                page = r.html.read_text(encoding="utf-8")
                r.html.write_text(_insert(page, since_section(table, name, r.name)), encoding="utf-8")
        earlier = [x for x in history.runs(table) if x != name]
        alerts = int((rows["kind"] == "alert").sum())
        _log.info("%d alerts; history: %s (%d runs)", alerts, (out / HISTORY).resolve(), len(earlier) + 1)
    except ValueError:  # the parameters were refused before anything ran: leave no empty run behind
        if created and all(p.name == "run.log" for p in folder.iterdir()):
            root.removeHandler(handler)
            handler.close()
            log.unlink(missing_ok=True)
            folder.rmdir()
        raise
    finally:
        root.removeHandler(handler)
        handler.close()
        root.level = old_level
    info = {
        "run": name,
        "started": started,
        "finished": time.strftime("%Y-%m-%d %H:%M:%S UTC", time.gmtime()),
        "kit version": __version__,
        "parameters": str(params),
        "overrides": overrides or {},
        "alerts": alerts,
        "previous": earlier[-1] if earlier else None,
        "reports": [
            {
                "name": r.name,
                "ok": r.ok,
                "error": r.error,
                "seconds": r.seconds,
                "html": r.html.name if r.html else None,
            }
            for r in results
        ],
    }
    (folder / "run.json").write_text(json.dumps(info, indent=1, default=str), encoding="utf-8")
    _link_latest(out, name)
    write_runs_index(out)
    return Run(name, folder, tuple(results), alerts, info["previous"], log)


def exit_code(results, *, alerts: int = 0, fail_on_alert: bool = False) -> int:
    """The exit status of a run: :data:`EXIT_FAILED` if a notebook failed, else :data:`EXIT_ALERTS` if alerts
    were raised and ``fail_on_alert``, else :data:`EXIT_OK`.

    Parameters
    ----------
    results
        The notebooks' :class:`kit.report.Result`.
    alerts
        The number of alerts the run raised.
    fail_on_alert
        Whether alerts make the run fail.

    Returns
    -------
    int

    Examples
    --------
    >>> exit_code([], alerts=2)
    0
    """
    if any(not r.ok for r in results):
        return EXIT_FAILED
    return EXIT_ALERTS if alerts and fail_on_alert else EXIT_OK


def write_runs_index(out: str | Path) -> Path:
    """Write ``out/index.html``: every run of ``out`` (newest first) with links to its reports.

    Parameters
    ----------
    out
        The folder of the runs.

    Returns
    -------
    Path
        The index file.
    """
    out = Path(out)
    infos = []
    for path in out.glob("*/run.json"):
        if path.parent.is_symlink():
            continue
        try:
            infos.append(json.loads(path.read_text(encoding="utf-8")))
        except ValueError:
            continue
    infos.sort(key=lambda i: i.get("finished", ""), reverse=True)
    rows = []
    for info in infos:
        run_dir = html.escape(info["run"])
        links = []
        for r in info.get("reports", []):
            label = html.escape(report.TITLES.get(r["name"], r["name"]))
            link = f'<a href="{run_dir}/{html.escape(r["html"])}">{label}</a>' if r.get("html") else label
            links.append(link if r.get("ok") else f'{link} <span class="failed">FAILED: {html.escape(r.get("error") or "")}</span>')  # fmt: skip
        rows.append(
            f'<tr><td><a href="{run_dir}/index.html">{run_dir}</a></td><td>{html.escape(info.get("finished", ""))}</td>'
            f"<td>{'<br>'.join(links)}</td><td>{info.get('alerts', 0)}</td>"
            f'<td><a href="{run_dir}/run.log">log</a></td></tr>'
        )
    page = f"""<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8"><title>kit runs</title>
<style>body{{font-family:system-ui,sans-serif;max-width:960px;margin:2em auto;}}
table{{border-collapse:collapse}}td,th{{border:1px solid #ccc;padding:4px 10px;text-align:left;vertical-align:top}}
.failed{{color:#b00020}}</style></head>
<body><h1>kit runs</h1><p>{len(infos)} runs, newest first; <a href="latest/index.html">latest</a>;
history of the headline figures: <code>{HISTORY}</code>.</p>
<table><tr><th>run</th><th>finished</th><th>reports</th><th>alerts</th><th>log</th></tr>{"".join(rows)}</table>
</body></html>"""
    path = out / "index.html"
    path.write_text(page, encoding="utf-8")
    return path


def comparison(run_a: str | Path, run_b: str | Path, *, out: str | Path = "reports"):
    """Compare two runs: names of runs in ``out``, or paths to run folders.

    Parameters
    ----------
    run_a, run_b
        The earlier and the later run.
    out
        The folder of the runs, for runs given by name.

    Returns
    -------
    kit.history.Comparison
        Figures from ``out/history.parquet``, or from the records in the run's folder when the history has
        none for it.
    """
    import pandas as pd

    frames, names = [], []
    for given in (run_a, run_b):
        candidates = [Path(out) / given, Path(given)]
        folder = next((c for c in candidates if c.is_dir()), candidates[0]).resolve()
        if not folder.is_dir():
            raise FileNotFoundError(f"{given}: no such run folder (looked for {folder})")
        table = history.read(folder.parent / HISTORY)
        rows = table[table["run"] == folder.name]
        if not len(rows):
            rows = history.headlines(history.read_records(folder), run=folder.name)
        frames.append(rows)
        names.append(folder.name)
    if names[0] == names[1]:
        raise ValueError(f"{run_a} and {run_b} are the same run")
    return history.compare(pd.concat(frames, ignore_index=True), names[0], names[1])
