"""Tables for reports: escaped HTML, full cell text, no index column.

Every table a report shows goes through :func:`table`, which notes it (:func:`kit.provenance.note_table`):
inside ``kit run`` the table is also written to the report's exports (CSV, Parquet, a sheet of the workbook)
and its HTML carries a marker (``<!--kit-table:NAME-->``) that the report page turns into download links.
"""

from __future__ import annotations

import pandas as pd

__all__ = ["Table", "Text", "table", "text"]


def _number(x: float) -> str:
    """Readable numbers: thousands separators for large values, three significant digits for small ones."""
    if x != x:  # NaN
        return ""
    if abs(x) >= 1000:
        return f"{x:,.0f}"
    if x == int(x) and abs(x) < 1000:
        return f"{int(x)}"
    return f"{x:.3g}"


class Table:
    """An HTML table that renders in JupyterLab and in exported reports.

    Cell values are escaped (post text never becomes markup) and not cut to 50 characters as
    pandas' default display does. ``frame`` keeps the data for tests and further use.
    """

    def __init__(
        self, frame: pd.DataFrame, *, max_rows: int = 100, caption: str | None = None, export_name: str | None = None
    ):
        self.frame = frame
        self.max_rows = max_rows
        self.caption = caption
        self.export_name = export_name

    def _repr_html_(self) -> str:
        shown = self.frame.head(self.max_rows)
        html = shown.to_html(escape=True, index=False, na_rep="", border=0, classes="kit-table", float_format=_number)
        more = len(self.frame) - len(shown)
        if more > 0:
            html += f"<p><em>{more} more rows not shown.</em></p>"
        if self.caption:
            import html as _html

            html = f"<p><strong>{_html.escape(self.caption)}</strong></p>" + html
        if self.export_name:
            html += f"<!--kit-table:{self.export_name}-->"
        return html

    def __repr__(self) -> str:
        return repr(self.frame)


def table(frame: pd.DataFrame, *, max_rows: int = 100, caption: str | None = None) -> Table:
    """Show ``frame`` as a report table (escaped, full text, first ``max_rows`` rows).

    Inside ``kit run`` the whole table (not only the rows shown) is also written to the report's exports.

    Parameters
    ----------
    frame
        The table.
    max_rows
        Rows shown in the page.
    caption
        A caption above the table (also the name of its sheet in the workbook).

    Returns
    -------
    Table
        What the notebook displays.

    Examples
    --------
    >>> table(pd.DataFrame({"a": ["<b>"]})).frame.shape
    (1, 1)
    """
    from .. import provenance

    return Table(frame, max_rows=max_rows, caption=caption, export_name=provenance.note_table(frame, caption))


class Text:
    """A sentence or a few for a report (e.g. a finding computed by ``kit.tl``), escaped, as a paragraph."""

    def __init__(self, text: str | list[str]):
        self.text = [text] if isinstance(text, str) else list(text)

    def _repr_html_(self) -> str:
        import html as _html

        items = "".join(f"<li>{_html.escape(str(t))}</li>" for t in self.text)
        return (
            f'<ul class="kit-findings">{items}</ul>'
            if len(self.text) > 1
            else f'<p class="kit-finding"><strong>{_html.escape(str(self.text[0]))}</strong></p>'
        )

    def __repr__(self) -> str:
        return "\n".join(self.text)


def text(sentences: str | list[str]) -> Text:
    """Show computed sentences in the report (one as a bold paragraph, several as a list), escaped."""
    return Text(sentences)
