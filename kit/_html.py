"""A report page: an executed notebook as one self-contained HTML page without code cells.

Plotly figures become interactive divs and plotly.js is inlined once, so a report opens offline; a table
of contents follows the first cell and the provenance block ends the page (template ``kit_report``).
When the run wrote exports (``<name>_exports/``, :mod:`kit.io.export`), the page links to them at the top
and under each table.
"""

from __future__ import annotations

import ast
import html
import json
import re
from pathlib import Path

import nbformat

__all__ = ["TEMPLATES", "PLOTLY_MIME", "HIDDEN_TAGS", "SUMMARY_TAG", "to_html", "sources", "arrange"]

#: The nbconvert templates shipped in the package (``kit_report``).
TEMPLATES = Path(__file__).resolve().parent / "templates"
PLOTLY_MIME = "application/vnd.plotly.v1+json"
#: Cells with one of these tags stay out of the report page (the parameters are in the provenance block).
HIDDEN_TAGS = {"parameters", "injected-parameters", "hide-in-report"}
#: Cells with this tag (the summary, computed last) are shown right after the title.
SUMMARY_TAG = "summary"


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


def _empty(out) -> bool:
    if out.get("output_type") == "stream":
        return not "".join(out.get("text", "")).strip()
    data = out.get("data")
    if data is None:
        return False  # an error output is shown
    shown = {k: v for k, v in data.items() if not k.startswith("application/vnd.jupyter")}
    return not shown or all(not "".join(v if isinstance(v, list) else [str(v)]).strip() for v in shown.values())


def arrange(nb) -> None:
    """Order and prune a notebook's cells for its report page (in place).

    Cells tagged like :data:`HIDDEN_TAGS` go, and so do empty outputs and code cells left without any;
    cells tagged :data:`SUMMARY_TAG` move right after the first cell (the title and introduction).
    """
    kept = []
    for cell in nb.cells:
        tags = set(cell.get("metadata", {}).get("tags", []))
        if tags & HIDDEN_TAGS:
            continue
        if cell.cell_type == "code":
            cell.outputs = [o for o in cell.get("outputs", []) if not _empty(o)]
            if not cell.outputs:
                continue
        kept.append(cell)
    summary = [c for c in kept if SUMMARY_TAG in c.get("metadata", {}).get("tags", [])]
    rest = [c for c in kept if SUMMARY_TAG not in c.get("metadata", {}).get("tags", [])]
    nb.cells = rest[:1] + summary + rest[1:]


def _dotted(node) -> str | None:
    parts = []
    while isinstance(node, ast.Attribute):
        parts.append(node.attr)
        node = node.value
    if isinstance(node, ast.Name):
        return ".".join([node.id, *reversed(parts)])
    return None


def _defined(name: str) -> str:
    """``kit.tl.volume`` -> where it is defined (``kit.tl.overview.volume``); unchanged when not importable."""
    import importlib

    module, _, attr = name.rpartition(".")
    try:
        obj = getattr(importlib.import_module(module), attr)
    except Exception:
        return name
    where = getattr(obj, "__module__", None)
    qual = getattr(obj, "__qualname__", None)
    return f"{where}.{qual}" if where and qual and where.startswith("kit") else name


#: kit functions that only format or pass data on: the source is what they were given.
_PASS_THROUGH = {"kit.tl.tables.readable"}


def _origin(node, aliases: dict, variables: dict) -> str | None:
    """The kit function that computed the value of expression ``node``, following variables and methods."""
    if isinstance(node, ast.Call):
        name = _dotted(node.func)
        if name:
            head, _, tail = name.partition(".")
            full = ".".join(filter(None, [aliases.get(head, head), tail]))
            if full.startswith("kit.") and not full.startswith("kit.pl.") and full not in _PASS_THROUGH:
                return _defined(full)
        if isinstance(node.func, ast.Attribute) and (name is None or name.split(".")[0] in variables):
            return _origin(node.func.value, aliases, variables)  # frame.round(3), x.pivot(...).reset_index()
        return _origin(node.args[0], aliases, variables) if node.args else None
    if isinstance(node, ast.Name):
        return variables.get(node.id)
    if isinstance(node, (ast.Subscript, ast.Attribute)):
        return _origin(node.value, aliases, variables)
    if isinstance(node, (ast.List, ast.Tuple)) and node.elts:
        return _origin(node.elts[0], aliases, variables)
    return None


def sources(cells: list[str]) -> list[str | None]:
    """For each code cell's source, the kit function that computed what the cell shows (``None``: none).

    A cell that shows something calls ``kit.pl`` (``pl.table(sov)``); its first argument is traced back
    through the cells' assignments to the ``kit.tl`` (or ``kit.pp``...) call that computed it.

    Examples
    --------
    >>> sources(["from kit import pl, tl", "sov = tl.share_of_voice.share_of_voice(x)", "pl.table(sov.round(3))"])
    [None, None, 'kit.tl.share_of_voice.share_of_voice']
    """
    aliases: dict[str, str] = {"kit": "kit"}
    variables: dict[str, str] = {}
    found: list[str | None] = []
    for text in cells:
        try:
            tree = ast.parse(text)
        except SyntaxError:
            found.append(None)
            continue
        shown = None
        for stmt in tree.body:
            if isinstance(stmt, ast.ImportFrom) and (stmt.module or "").startswith("kit"):
                for a in stmt.names:
                    aliases[a.asname or a.name] = f"{stmt.module}.{a.name}"
            elif isinstance(stmt, ast.Import):
                for a in stmt.names:
                    if a.name.startswith("kit"):
                        aliases[a.asname or a.name.split(".")[0]] = a.asname and a.name or a.name.split(".")[0]
            elif isinstance(stmt, ast.Assign):
                origin = _origin(stmt.value, aliases, variables)
                for target in stmt.targets:
                    names = target.elts if isinstance(target, ast.Tuple) else [target]
                    for n in names:
                        if isinstance(n, ast.Name):
                            if origin:
                                variables[n.id] = origin
                            else:
                                variables.pop(n.id, None)
            if isinstance(stmt, ast.Expr) and isinstance(stmt.value, ast.Call):
                name = _dotted(stmt.value.func) or ""
                head, _, tail = name.partition(".")
                full = ".".join(filter(None, [aliases.get(head, head), tail]))
                if full.startswith("kit.pl.") and full not in ("kit.pl.text", "kit.pl.summary"):
                    shown = _origin(stmt.value.args[0], aliases, variables) if stmt.value.args else None
        found.append(shown)
    return found


def _stamp_sources(nb) -> None:
    """Under each table and figure, in small print, the kit function that computed it."""
    from .pl._table import source_line

    code = [c for c in nb.cells if c.cell_type == "code"]
    for cell, source in zip(code, sources([c.source for c in code])):
        if not source or SUMMARY_TAG in cell.get("metadata", {}).get("tags", []):
            continue
        shown = "".join("".join(o.get("data", {}).get("text/html", "")) for o in cell.get("outputs", []) if "data" in o)
        if not shown or "kit-source" in shown:
            continue
        cell.outputs.append(
            nbformat.v4.new_output("display_data", data={"text/html": source_line(source)}, metadata={})
        )


def _section_links(body: str) -> str:
    """Links of the summary (``#kit-section:<words>``) to the first heading holding the words (else no link)."""
    headings = [
        (anchor, html.unescape(re.sub(r"<[^>]+>", "", text)).lower())
        for anchor, text in re.findall(r'<h[23] id="([^"]+)"[^>]*>(.*?)(?:<a class="anchor-link"|</h[23]>)', body)
    ]

    def resolve(match: re.Match) -> str:
        words = html.unescape(match.group(1)).lower()
        anchor = next((a for a, text in headings if words in text), None)
        return f'href="#{anchor}"' if anchor else 'href="#summary"'

    return re.sub(r'href="#kit-section:([^"]*)"', resolve, body)


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


def _export_links(body: str, notebook: Path) -> tuple[str, str]:
    """Links to a report's exports: a line for the top of the page, and the tables' markers made links."""
    stem = notebook.stem
    folder = notebook.parent / f"{stem}_exports"
    if not folder.is_dir():
        return "", re.sub(r"<!--kit-table:[\w.-]+-->", "", body)
    base = html.escape(f"{stem}_exports")
    parts = []
    if (folder / f"{stem}.xlsx").exists() or (folder / "tables").is_dir():
        parts.append(f'<a href="{base}/{html.escape(stem)}.xlsx">spreadsheet (.xlsx)</a>')
        parts.append(f'<a href="{base}/tables/">tables (CSV, Parquet)</a>')
    if (folder / "tagged_posts.csv").exists():
        parts.append(
            f'tagged posts (<a href="{base}/tagged_posts.csv">CSV</a>, <a href="{base}/tagged_posts.parquet">Parquet</a>)'
        )
    top = f'<p class="kit-exports">Exports: {" · ".join(parts)}</p>' if parts else ""

    def link(match: re.Match) -> str:
        name = html.escape(match.group(1))
        return (
            f'<p class="kit-export">This table: <a href="{base}/tables/{name}.csv">CSV</a> · '
            f'<a href="{base}/tables/{name}.parquet">Parquet</a></p>'
        )

    return top, re.sub(r"<!--kit-table:([\w.-]+)-->", link, body)


def to_html(notebook: str | Path, *, title: str, provenance: dict, error: str | None = None) -> str:
    """Export an executed notebook to one self-contained HTML page without code cells.

    Parameters
    ----------
    notebook
        The executed ``.ipynb``.
    title
        The page title.
    provenance
        The rows of the provenance block at the end of the page.
    error
        Why the notebook failed, shown at the top of the page (``None``: it did not).

    Returns
    -------
    str
        The HTML page (plotly.js inlined once, a table of contents after the first cell).
    """
    import plotly.offline
    from nbconvert import HTMLExporter

    nb = nbformat.read(str(notebook), as_version=4)
    nb.metadata["title"] = title
    _replace_figures(nb)
    _stamp_sources(nb)
    arrange(nb)
    n_summary = sum(SUMMARY_TAG in c.get("metadata", {}).get("tags", []) for c in nb.cells)
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
    body = _section_links(body)
    top, body = _export_links(body, Path(notebook))
    body = body.replace("{{KIT_TOC}}", top, 1)
    # the contents go after the first cell (the report's title and introduction) and the summary
    cells = [m.start() for m in re.finditer(r'<div[^>]*class="jp-Cell ', body)]
    first = 1 + n_summary
    at = cells[first] if len(cells) > first else (cells[-1] if cells else body.find("<main>") + len("<main>"))
    return body[:at] + _toc(body) + body[at:]
