"""Run the notebooks headless and write self-contained HTML reports.

papermill executes a notebook with a parameter set; nbconvert writes HTML without code cells.
Plotly figures are written as interactive divs and plotly.js is inlined once per report, so a
report opens offline. Each report ends with a provenance block (kit version, parameters, input
file hashes, models, seed, run time) and ``index.html`` links the run's reports. A failing
notebook does not stop the others.

>>> from kit import report
>>> results = report.run_all(["monitoring"], "params/smoke", "reports/smoke")  # doctest: +SKIP
"""

from __future__ import annotations

import html
import json
import os
import platform
import re
import sys
import time
from dataclasses import dataclass, field
from pathlib import Path

import yaml

from . import __version__

ROOT = Path(__file__).resolve().parent.parent
NOTEBOOK_DIR = ROOT / "notebooks"
TEMPLATES = Path(__file__).resolve().parent / "templates"
NOTEBOOKS: dict[str, str] = {
    "audit": "01_ecosystem_audit.ipynb",
    "monitoring": "02_monitoring.ipynb",
    "listening": "03_listening.ipynb",
    "crisis": "04_crisis_postmortem.ipynb",
}
TITLES = {
    "audit": "Ecosystem audit",
    "monitoring": "Monitoring",
    "listening": "Listening",
    "crisis": "Crisis post-mortem",
}
PLOTLY_MIME = "application/vnd.plotly.v1+json"


@dataclass
class Result:
    """What happened to one notebook of a run."""

    name: str
    ok: bool
    html: Path | None
    notebook: Path | None
    seconds: float
    error: str | None = None
    record: dict = field(default_factory=dict)
    parameters: dict = field(default_factory=dict)

    @property
    def values(self) -> dict:
        return self.record.get("values", {})


# --- parameters ----------------------------------------------------------------------------------


def load_params(source: str | Path | dict | None, name: str) -> dict:
    """Parameters for notebook ``name``.

    ``source`` is a dict, a YAML file (flat, or with one section per notebook plus an optional
    ``common`` section), or a folder holding ``<name>.yaml`` (and optionally ``common.yaml``).
    """
    if source is None:
        return {}
    if isinstance(source, dict):
        data = source
    else:
        path = Path(source)
        if path.is_dir():
            data = {}
            for part in ("common", name):
                f = path / f"{part}.yaml"
                if f.exists():
                    data.update(_read_yaml(f))
            return data
        data = _read_yaml(path)
    if any(k in data for k in NOTEBOOKS) or "common" in data:
        return {**(data.get("common") or {}), **(data.get(name) or {})}
    return dict(data)


def _read_yaml(path: Path) -> dict:
    try:
        data = yaml.safe_load(path.read_text(encoding="utf-8")) or {}
    except yaml.YAMLError as exc:
        raise ValueError(f"{path}: not valid YAML ({exc})") from exc
    if not isinstance(data, dict):
        raise ValueError(f"{path}: expected a mapping of parameter names to values")
    return data


def notebook_defaults(name: str) -> dict:
    """The literal defaults of a notebook's ``parameters`` cell (read with ``ast``, never executed)."""
    import ast

    import nbformat

    nb = nbformat.read(str(NOTEBOOK_DIR / NOTEBOOKS[name]), as_version=4)
    cells = [c for c in nb.cells if "parameters" in c.get("metadata", {}).get("tags", [])]
    if len(cells) != 1:
        raise ValueError(f"{NOTEBOOKS[name]}: expected one cell tagged 'parameters', found {len(cells)}")
    out = {}
    for node in ast.parse(cells[0].source).body:
        if isinstance(node, (ast.Assign, ast.AnnAssign)):
            targets = node.targets if isinstance(node, ast.Assign) else [node.target]
            for target in targets:
                if isinstance(target, ast.Name):
                    try:
                        out[target.id] = ast.literal_eval(node.value)
                    except ValueError as exc:
                        raise ValueError(
                            f"{NOTEBOOKS[name]}: parameter {target.id!r} is not a literal "
                            "(the parameters cell holds literal defaults only)"
                        ) from exc
    return out


# --- running -------------------------------------------------------------------------------------


def run(
    name: str,
    params: str | Path | dict | None,
    out_dir: str | Path,
    *,
    progress: bool = True,
    timeout: int | None = None,
) -> Result:
    """Execute notebook ``name`` with ``params`` and write ``out_dir/<name>.html`` (and the executed
    ``.ipynb`` beside it). Never raises for a failing notebook: the result says what went wrong."""
    import papermill as pm

    if name not in NOTEBOOKS:
        raise ValueError(f"unknown notebook {name!r}; choose from {', '.join(NOTEBOOKS)}")
    out_dir = Path(out_dir)
    out_dir.mkdir(parents=True, exist_ok=True)
    parameters = load_params(params, name)
    unknown = sorted(set(parameters) - set(notebook_defaults(name)))
    executed = out_dir / f"{name}.ipynb"
    record_file = out_dir / f"{name}.record.json"
    record_file.unlink(missing_ok=True)
    env_before = {k: os.environ.get(k) for k in ("KIT_RECORD", "PLOTLY_RENDERER", "TQDM_DISABLE")}
    os.environ["KIT_RECORD"] = str(record_file.resolve())
    os.environ["PLOTLY_RENDERER"] = "plotly_mimetype"
    os.environ["TQDM_DISABLE"] = "1"  # progress bars are for JupyterLab, not for the report
    start = time.perf_counter()
    error = None
    try:
        if unknown:
            raise ValueError(f"parameters {unknown} are not in {NOTEBOOKS[name]}'s parameters cell")
        pm.execute_notebook(
            str(NOTEBOOK_DIR / NOTEBOOKS[name]),
            str(executed),
            parameters=parameters,
            cwd=str(ROOT),
            progress_bar=progress,
            kernel_name="python3",
            execution_timeout=timeout,
            report_mode=False,
            log_output=False,
        )
    except pm.PapermillExecutionError as exc:
        error = f"{exc.ename}: {exc.evalue} (cell {exc.exec_count})"
    except Exception as exc:  # a report must say why it failed, whatever failed
        error = f"{type(exc).__name__}: {exc}"
    finally:
        for k, v in env_before.items():
            if v is None:
                os.environ.pop(k, None)
            else:
                os.environ[k] = v
    seconds = time.perf_counter() - start
    record = json.loads(record_file.read_text(encoding="utf-8")) if record_file.exists() else {}
    full_params = {**notebook_defaults(name), **parameters}
    html_path = None
    if executed.exists():
        html_path = out_dir / f"{name}.html"
        provenance = {
            "kit version": __version__,
            "notebook": NOTEBOOKS[name],
            "parameters": full_params,
            "input files (SHA-256)": {k: v["sha256"] for k, v in record.get("inputs", {}).items()},
            "models": record.get("models", {}) or "none",
            "seed": full_params.get("seed", "not a parameter of this notebook"),
            "run time": f"{seconds:.1f} s",
            "finished": time.strftime("%Y-%m-%d %H:%M:%S %Z"),
            "python": f"{platform.python_version()} on {platform.system()} {platform.machine()}",
            "status": "completed" if error is None else f"FAILED: {error}",
        }
        html_path.write_text(
            to_html(executed, title=TITLES[name], provenance=provenance, error=error), encoding="utf-8"
        )
    return Result(
        name=name,
        ok=error is None,
        html=html_path,
        notebook=executed if executed.exists() else None,
        seconds=seconds,
        error=error,
        record=record,
        parameters=full_params,
    )


def _announce(i: int, total: int, name: str, result: Result | None = None) -> None:
    if result is None:
        print(f"[{i}/{total}] {TITLES.get(name, name)} ...", file=sys.stderr, flush=True)
    else:
        status = "ok" if result.ok else f"FAILED ({result.error})"
        print(
            f"[{i}/{total}] {TITLES.get(name, name)}: {status} in {result.seconds:.0f} s", file=sys.stderr, flush=True
        )


def run_all(names, params, out_dir: str | Path, *, progress: bool = True, jobs: int = 1) -> list[Result]:
    """Run several notebooks (``"all"`` or a list of names); write ``index.html``.

    ``jobs`` notebooks run at once, each in its own process (results come back in the order of
    ``names``). Notebooks spend most of their time in one core's Python, so two at a time nearly halve
    the wall time of ``run all`` on a two-core laptop, for about twice the memory of one.
    """
    names = list(NOTEBOOKS) if names in ("all", None) or names == ["all"] else list(names)
    out_dir = Path(out_dir)
    total = len(names)
    if jobs <= 1 or total <= 1:
        results = []
        for i, name in enumerate(names, start=1):
            if progress:
                _announce(i, total, name)
            result = run(name, params, out_dir, progress=progress)
            if progress:
                _announce(i, total, name, result)
            results.append(result)
            write_index(results, out_dir)
        return results
    import multiprocessing
    from concurrent.futures import ProcessPoolExecutor, as_completed

    # each notebook in a fresh process: run() sets environment variables its kernel inherits
    context = multiprocessing.get_context("spawn")
    done: dict[str, Result] = {}
    with ProcessPoolExecutor(max_workers=min(jobs, total), mp_context=context) as pool:
        if progress:
            print(
                f"{total} notebooks, {min(jobs, total)} at a time: {', '.join(TITLES.get(n, n) for n in names)} ...",
                file=sys.stderr,
                flush=True,
            )
        futures = {
            pool.submit(run, name, params, out_dir, progress=False): (i, name) for i, name in enumerate(names, start=1)
        }
        for future in as_completed(futures):
            i, name = futures[future]
            try:
                result = future.result()
            except Exception as exc:  # the worker process itself died (e.g. out of memory)
                result = Result(
                    name=name,
                    ok=False,
                    html=None,
                    notebook=None,
                    seconds=float("nan"),
                    error=f"{type(exc).__name__}: {exc}",
                )
            if progress:
                _announce(i, total, name, result)
            done[name] = result
            write_index([done[n] for n in names if n in done], out_dir)
    return [done[n] for n in names]


# --- HTML ----------------------------------------------------------------------------------------


def _figure_html(fig_json: dict) -> str:
    import plotly.io as pio

    fig = pio.from_json(json.dumps(fig_json), skip_invalid=True)
    return pio.to_html(
        fig,
        include_plotlyjs=False,
        include_mathjax=False,
        full_html=False,
        default_width="100%",
        config={"responsive": True, "displaylogo": False},
    )


def _replace_figures(nb) -> None:
    for cell in nb.cells:
        for out in cell.get("outputs", []):
            data = out.get("data", {})
            if PLOTLY_MIME in data:
                out["data"] = {"text/html": _figure_html(data[PLOTLY_MIME])}
            elif "text/html" in data and "text/plain" in data and "<script" in data["text/plain"]:
                pass


def _toc(body: str) -> str:
    items = []
    for level, anchor, text in re.findall(r'<h([23]) id="([^"]+)"[^>]*>(.*?)(?:<a class="anchor-link"|</h[23]>)', body):
        label = re.sub(r"<[^>]+>", "", text).strip()
        items.append(f'<li class="h{level}"><a href="#{anchor}">{label}</a></li>')
    if not items:
        return ""
    return '<nav class="kit-toc"><strong>Contents</strong><ul>' + "".join(items) + "</ul></nav>"


def _provenance_html(provenance: dict) -> str:
    rows = []
    for key, value in provenance.items():
        if isinstance(value, dict):
            value = (
                "<br>".join(
                    f"<code>{html.escape(str(k))}</code>: {html.escape(json.dumps(v, default=str) if not isinstance(v, str) else v)}"
                    for k, v in value.items()
                )
                or "none"
            )
        else:
            value = html.escape(str(value))
        rows.append(f"<tr><th>{html.escape(key)}</th><td>{value}</td></tr>")
    return (
        '<section class="kit-provenance" id="provenance"><h2>Provenance</h2><table>'
        + "".join(rows)
        + "</table></section>"
    )


def to_html(notebook: str | Path, *, title: str, provenance: dict, error: str | None = None) -> str:
    """Export an executed notebook to one self-contained HTML page without code cells."""
    import nbformat
    import plotly.offline
    from nbconvert import HTMLExporter

    nb = nbformat.read(str(notebook), as_version=4)
    nb.metadata["title"] = title
    _replace_figures(nb)
    exporter = HTMLExporter(
        template_name="kit_report",
        extra_template_basedirs=[str(TEMPLATES)],
        exclude_input=True,
        exclude_input_prompt=True,
        exclude_output_prompt=True,
    )
    header = ""
    if error:
        header += f'<div class="kit-failed"><strong>This report failed:</strong> {html.escape(error)}</div>'
    resources = {
        "kit_plotlyjs": plotly.offline.get_plotlyjs(),
        "kit_header": header + "{{KIT_TOC}}",
        "kit_provenance": _provenance_html(provenance),
    }
    body, _ = exporter.from_notebook_node(nb, resources=resources)
    body = body.replace("{{KIT_TOC}}", "", 1)
    # the contents go after the first cell (the report's title and introduction)
    cells = [m.start() for m in re.finditer(r'<div[^>]*class="jp-Cell ', body)]
    at = cells[1] if len(cells) > 1 else (cells[0] if cells else body.find("<main>") + len("<main>"))
    return body[:at] + _toc(body) + body[at:]


def write_index(results: list[Result], out_dir: str | Path) -> Path:
    """Write ``index.html`` linking the reports of a run, saying which failed and why."""
    out_dir = Path(out_dir)
    rows = []
    for r in results:
        link = (
            f'<a href="{html.escape(r.html.name)}">{html.escape(TITLES.get(r.name, r.name))}</a>'
            if r.html
            else html.escape(TITLES.get(r.name, r.name))
        )
        size = f"{r.html.stat().st_size / 1e6:.1f} MB" if r.html and r.html.exists() else ""
        status = "ok" if r.ok else f'<span class="failed">FAILED: {html.escape(r.error or "")}</span>'
        rows.append(f"<tr><td>{link}</td><td>{status}</td><td>{r.seconds:.0f} s</td><td>{size}</td></tr>")
    n_failed = sum(not r.ok for r in results)
    summary = "All reports completed." if not n_failed else f"{n_failed} of {len(results)} reports failed."
    page = f"""<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8"><title>kit reports</title>
<style>body{{font-family:system-ui,sans-serif;max-width:860px;margin:2em auto;}}
table{{border-collapse:collapse}}td,th{{border:1px solid #ccc;padding:4px 10px;text-align:left}}
.failed{{color:#b00020}}</style></head>
<body><h1>kit reports</h1><p>{html.escape(summary)} kit {html.escape(__version__)}, {html.escape(time.strftime("%Y-%m-%d %H:%M"))}.</p>
<table><tr><th>report</th><th>status</th><th>run time</th><th>size</th></tr>{"".join(rows)}</table>
</body></html>"""
    path = out_dir / "index.html"
    path.write_text(page, encoding="utf-8")
    return path
