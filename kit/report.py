"""Run the notebooks headless and write self-contained HTML reports.

papermill executes a notebook with a parameter set; nbconvert writes HTML without code cells.
Plotly figures are written as interactive divs and plotly.js is inlined once per report, so a
report opens offline. Each report ends with a provenance block (kit version, parameters, input
file hashes, models, seed, run time) and ``index.html`` links the run's reports. A failing
notebook does not stop the others.

The notebooks and the parameter sets ship inside the package (``kit/_notebooks``, ``kit/_params``, found
with :mod:`importlib.resources`; in a checkout they link to the top-level ``notebooks/`` and ``params/``),
so an installed kit runs them from any folder.

>>> from kit import report
>>> sorted(report.NOTEBOOKS)
['audit', 'crisis', 'listening', 'monitoring']
>>> results = report.run_all(["monitoring"], "smoke", "reports/smoke")  # doctest: +SKIP
"""

from __future__ import annotations

import html
import json
import logging
import os
import platform
import sys
import time
from dataclasses import dataclass, field
from pathlib import Path

import yaml

from . import __version__
from ._html import to_html
from ._print import with_print_style
from ._resources import checkout_root, resource_dir

__all__ = [
    "NOTEBOOKS",
    "TITLES",
    "NOTEBOOK_DIR",
    "PARAMS_DIR",
    "Result",
    "load_params",
    "notebook_defaults",
    "run",
    "run_all",
    "to_html",
    "write_index",
]

#: The repository root when the kit runs from a checkout (notebooks run there), ``None`` when installed.
ROOT = checkout_root()
_log = logging.getLogger("kit.report")
#: The four notebooks (package data; in a checkout, the top-level ``notebooks/``).
NOTEBOOK_DIR = resource_dir("_notebooks", "notebooks")
#: The shipped parameter sets, one folder each (``sample``, ``smoke``); in a checkout, the top-level ``params/``.
PARAMS_DIR = resource_dir("_params", "params")
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

    Parameters
    ----------
    source
        A dict, a YAML file (flat, or with one section per notebook plus an optional ``common`` section),
        a folder holding ``<name>.yaml`` (and optionally ``common.yaml``), or the name of a shipped set
        (a folder of :data:`PARAMS_DIR`, e.g. ``"sample"`` or ``"smoke"``) when no such path exists.
        ``None``: no parameters (the notebook's defaults).
    name
        The notebook, a key of :data:`NOTEBOOKS`.

    Returns
    -------
    dict
        The parameters, ``common`` first and the notebook's own keys over them.

    Examples
    --------
    >>> load_params({"common": {"seed": 1, "freq": "W"}, "crisis": {"freq": "H"}}, "crisis")
    {'seed': 1, 'freq': 'H'}
    >>> load_params("sample", "crisis")["data"]
    'sample'
    """
    if source is None:
        return {}
    if isinstance(source, dict):
        data = source
    else:
        path = _params_path(source)
        if path.is_dir():
            common, own = path / "common.yaml", path / f"{name}.yaml"
            return {
                **(_shared(_read_yaml(common), name, common) if common.exists() else {}),
                **(_read_yaml(own) if own.exists() else {}),
            }
        data = _read_yaml(path)
    if any(k in data for k in NOTEBOOKS) or "common" in data:
        return {**_shared(data.get("common") or {}, name, "the common section"), **(data.get(name) or {})}
    return dict(data)


def _shared(common: dict, name: str, source) -> dict:
    """The keys of a ``common`` section that notebook ``name`` declares.

    The four notebooks share one vocabulary (data, brand, competitors, accounts, languages, seed...), but not
    every notebook uses every shared key: each takes the ones its ``parameters`` cell declares. A key that no
    notebook declares is a mistake and is reported.
    """
    known = {n: set(notebook_defaults(n)) for n in NOTEBOOKS}
    stray = sorted(k for k in common if not any(k in keys for keys in known.values()))
    if stray:
        raise ValueError(f"{source}: {stray} are parameters of none of the notebooks ({', '.join(NOTEBOOKS)})")
    return {k: v for k, v in common.items() if k in known[name]}


def _params_path(source: str | Path) -> Path:
    """``source`` as a path, or the shipped set of that name when no such path exists."""
    path = Path(source)
    if not path.exists() and isinstance(source, str) and path.name == source and (PARAMS_DIR / source).is_dir():
        return PARAMS_DIR / source
    return path


def _read_yaml(path: Path) -> dict:
    try:
        data = yaml.safe_load(path.read_text(encoding="utf-8")) or {}
    except yaml.YAMLError as exc:
        raise ValueError(f"{path}: not valid YAML ({exc})") from exc
    if not isinstance(data, dict):
        raise ValueError(f"{path}: expected a mapping of parameter names to values")
    return data


def notebook_defaults(name: str) -> dict:
    """The literal defaults of a notebook's ``parameters`` cell (read with ``ast``, never executed).

    Parameters
    ----------
    name
        The notebook, a key of :data:`NOTEBOOKS`.

    Returns
    -------
    dict
        Parameter name to default value.

    Examples
    --------
    >>> notebook_defaults("crisis")["data"]
    'sample'
    """
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
    timeout: float | None = None,
    overrides: dict | None = None,
) -> Result:
    """Execute notebook ``name`` with ``params`` and write ``out_dir/<name>.html`` (and the executed
    ``.ipynb`` beside it). Never raises for a failing notebook: the result says what went wrong.

    Parameters
    ----------
    name
        The notebook, a key of :data:`NOTEBOOKS`.
    params
        What :func:`load_params` reads (a dict, a YAML file or folder, a shipped set's name, or ``None``).
    out_dir
        The folder of the report, the executed notebook and the record (``<name>.record.json``).
    progress
        Show papermill's progress bar.
    timeout
        Seconds the whole notebook may run (``None``: no limit): each cell gets the time left, so a hung cell
        is stopped (its kernel shut down) and the notebook fails with a ``TimeoutError``.
    overrides
        Parameters over those of ``params`` (``kit run -p key value``): the keys this notebook declares; a key
        no notebook declares is an error.

    Returns
    -------
    Result
        What happened; ``record`` holds the values the notebook recorded.

    Notes
    -----
    The notebook runs in the repository root when the kit is a checkout, else in the current folder:
    relative paths in parameters are read from there.
    """
    import papermill as pm

    if name not in NOTEBOOKS:
        raise ValueError(f"unknown notebook {name!r}; choose from {', '.join(NOTEBOOKS)}")
    out_dir = Path(out_dir)
    out_dir.mkdir(parents=True, exist_ok=True)
    parameters = {**load_params(params, name), **_overrides_for(name, overrides)}
    unknown = sorted(set(parameters) - set(notebook_defaults(name)))
    executed = out_dir / f"{name}.ipynb"
    record_file = out_dir / f"{name}.record.json"
    record_file.unlink(missing_ok=True)
    env_before = {k: os.environ.get(k) for k in ("KIT_RECORD", "PLOTLY_RENDERER", "TQDM_DISABLE")}
    os.environ["KIT_RECORD"] = str(record_file.resolve())
    os.environ["PLOTLY_RENDERER"] = "plotly_mimetype"
    os.environ["TQDM_DISABLE"] = "1"  # progress bars are for JupyterLab, not for the report
    start = time.perf_counter()
    deadline = None if timeout is None else time.monotonic() + timeout
    error = None
    try:
        if unknown:
            raise ValueError(f"parameters {unknown} are not in {NOTEBOOKS[name]}'s parameters cell")
        pm.execute_notebook(
            str(NOTEBOOK_DIR / NOTEBOOKS[name]),
            str(executed),
            parameters=parameters,
            cwd=str(ROOT) if ROOT is not None else os.getcwd(),
            progress_bar=progress,
            kernel_name="python3",
            report_mode=False,
            log_output=False,
            # nbclient asks before each cell how long it may take: the time left of the notebook's timeout
            timeout_func=None if deadline is None else (lambda cell: max(1, round(deadline - time.monotonic()))),
        )
    except pm.PapermillExecutionError as exc:
        error = f"{exc.ename}: {exc.evalue} (cell {exc.exec_count})"
    except Exception as exc:  # a report must say why it failed, whatever failed
        error = f"{type(exc).__name__}: {exc}"
        if deadline is not None and time.monotonic() >= deadline - 0.5:
            error = f"TimeoutError: stopped after {timeout:g} s (the notebook's timeout)"
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
        # issue 17 (exports, helper h17a): the workbook of the tables shown, beside the report
        from .io import export as _export

        _export.finish(out_dir, name, provenance=provenance)
        html_path.write_text(
            with_print_style(to_html(executed, title=TITLES.get(name, name), provenance=provenance, error=error)),
            encoding="utf-8",
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


def _overrides_for(name: str, overrides: dict | None) -> dict:
    """The overrides notebook ``name`` declares, plus those no notebook declares (so that they are reported)."""
    if not overrides:
        return {}
    own = notebook_defaults(name)
    return {k: v for k, v in overrides.items() if k in own or not any(k in notebook_defaults(n) for n in NOTEBOOKS)}


def _announce(i: int, total: int, name: str, result: Result | None = None, *, progress: bool = True) -> None:
    if result is None:
        message = f"[{i}/{total}] {TITLES.get(name, name)} ..."
    else:
        status = "ok" if result.ok else f"FAILED ({result.error})"
        message = f"[{i}/{total}] {TITLES.get(name, name)}: {status} in {result.seconds:.0f} s"
    _log.log(logging.INFO if result is None or result.ok else logging.ERROR, message)
    if progress:
        print(message, file=sys.stderr, flush=True)


def run_all(
    names,
    params,
    out_dir: str | Path,
    *,
    progress: bool = True,
    jobs: int = 1,
    timeout: float | None = None,
    overrides: dict | None = None,
) -> list[Result]:
    """Run several notebooks (``"all"`` or a list of names); write ``index.html``.

    Parameters
    ----------
    names
        ``"all"`` (or ``None``) for the four notebooks, or a list of keys of :data:`NOTEBOOKS`.
    params
        What :func:`load_params` reads, for every notebook.
    out_dir
        The folder of the reports and ``index.html``.
    progress
        Say on stderr what runs and how each notebook ended.
    jobs
        Notebooks run at once, each in its own process (results come back in the order of ``names``).
        Notebooks spend most of their time in one core's Python, so two at a time nearly halve the wall
        time of ``run all`` on a two-core laptop, for about twice the memory of one.
    timeout
        Seconds each notebook may run (``None``: no limit); a notebook stopped by it is reported failed.
    overrides
        Parameters over those of ``params``, each given to the notebooks that declare it (see :func:`run`).

    Returns
    -------
    list of Result
        One per notebook, in the order of ``names``.
    """
    names = list(NOTEBOOKS) if names in ("all", None) or names == ["all"] else list(names)
    out_dir = Path(out_dir)
    total = len(names)
    stray = sorted(k for k in overrides or {} if not any(k in notebook_defaults(n) for n in names))
    if stray:
        raise ValueError(f"parameters {stray} are parameters of none of the notebooks run ({', '.join(names)})")
    options = {"timeout": timeout, "overrides": overrides}
    if jobs <= 1 or total <= 1:
        results = []
        for i, name in enumerate(names, start=1):
            _announce(i, total, name, progress=progress)
            result = run(name, params, out_dir, progress=progress, **options)
            _announce(i, total, name, result, progress=progress)
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
            pool.submit(run, name, params, out_dir, progress=False, **options): (i, name)
            for i, name in enumerate(names, start=1)
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
            _announce(i, total, name, result, progress=progress)
            done[name] = result
            write_index([done[n] for n in names if n in done], out_dir)
    return [done[n] for n in names]


# --- index --------------------------------------------------------------------------------------


def write_index(results: list[Result], out_dir: str | Path) -> Path:
    """Write ``index.html`` linking the reports of a run, saying which failed and why.

    Parameters
    ----------
    results
        The results of the run's notebooks.
    out_dir
        The folder of the reports.

    Returns
    -------
    Path
        The index file.
    """
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
