"""A report page: an executed notebook as one self-contained HTML page without code cells.

Plotly figures become interactive divs and plotly.js is inlined once, so a report opens offline; a table
of contents follows the first cell and the provenance block ends the page (template ``kit_report``).
When the run wrote exports (``<name>_exports/``, :mod:`kit.io.export`), the page links to them at the top
and under each table.
"""

from __future__ import annotations

import html
import json
import re
from pathlib import Path

__all__ = ["TEMPLATES", "PLOTLY_MIME", "to_html"]

#: The nbconvert templates shipped in the package (``kit_report``).
TEMPLATES = Path(__file__).resolve().parent / "templates"
PLOTLY_MIME = "application/vnd.plotly.v1+json"


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
    top, body = _export_links(body, Path(notebook))
    body = body.replace("{{KIT_TOC}}", top, 1)
    # the contents go after the first cell (the report's title and introduction)
    cells = [m.start() for m in re.finditer(r'<div[^>]*class="jp-Cell ', body)]
    at = cells[1] if len(cells) > 1 else (cells[0] if cells else body.find("<main>") + len("<main>"))
    return body[:at] + _toc(body) + body[at:]
