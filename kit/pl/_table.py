"""Tables for reports: numbers for people, escaped HTML, every row, no index column.

Every table a report shows goes through :func:`table`, which formats it for reading (:func:`kit.format.frame`:
percentages, intervals, p-values, durations, times in the report's time zone, labels in words), notes it
(:func:`kit.provenance.note_table`) and shows all its rows: a long table scrolls and, in the report page, can
be searched and sorted (a few lines of script inlined by the report template; no network). Inside ``kit run``
the raw table (column names and values as computed) is also written to the report's exports and its HTML
carries a marker (``<!--kit-table:NAME-->``) that the report page turns into download links.
"""

from __future__ import annotations

import html as _html

import pandas as pd

__all__ = ["LONG", "LIMIT", "Table", "Text", "table", "text"]

#: Tables longer than this scroll and get a search box.
LONG = 15
#: At most this many rows go into the page; a longer table says so and points to its export.
LIMIT = 5000


def source_line(source: str | None) -> str:
    """The small print naming the kit function that computed a table or figure (escaped)."""
    if not source:
        return ""
    return f'<p class="kit-source">Computed by <code>{_html.escape(source)}</code></p>'


class Table:
    """An HTML table that renders in JupyterLab and in exported reports.

    Cell values are formatted for reading and escaped (post text never becomes markup) and not cut to 50
    characters as pandas' default display does. ``frame`` keeps the raw data for tests and further use;
    ``shown`` is the formatted copy.
    """

    def __init__(
        self,
        frame: pd.DataFrame,
        *,
        max_rows: int = LONG,
        caption: str | None = None,
        export_name: str | None = None,
        source: str | None = None,
        labels: dict | None = None,
        shares: list | None = None,
    ):
        self.frame = frame
        self.max_rows = max_rows
        self.caption = caption
        self.export_name = export_name
        self.source = source
        self.labels = labels
        self.shares = shares

    @property
    def shown(self) -> pd.DataFrame:
        from .. import format as fmt

        return fmt.frame(self.frame, labels=self.labels, shares=self.shares)

    def _repr_html_(self) -> str:
        shown = self.shown
        n = len(shown)
        if not n:  # an empty table is a sentence: why it is empty when the computation said so
            why = self.frame.attrs.get("note") or "Nothing to show: no rows."
            body = f'<p class="kit-empty"><em>{_html.escape(str(why))}</em></p>'
            if self.caption:
                body = f"<p><strong>{_html.escape(self.caption)}</strong></p>" + body
            return body + (f"<!--kit-table:{self.export_name}-->" if self.export_name else "")
        body = shown.head(LIMIT).to_html(escape=True, index=False, na_rep="", border=0, classes="kit-table")
        if n > max(self.max_rows, LONG):
            body = (
                f'<div class="kit-long" data-rows="{n}"><p class="kit-rows">{n:,} rows: scroll, search, '
                "or click a column to sort.</p>" + body + "</div>"
            )
        if n > LIMIT:
            body += (
                f"<p><em>The first {LIMIT:,} of {n:,} rows are shown here; every row is in this table's export "
                "(CSV, Parquet, spreadsheet).</em></p>"
            )
        if self.caption:
            body = f"<p><strong>{_html.escape(self.caption)}</strong></p>" + body
        body += source_line(self.source)
        if self.export_name:
            body += f"<!--kit-table:{self.export_name}-->"
        return body

    def __repr__(self) -> str:
        return repr(self.frame)


def table(
    frame: pd.DataFrame,
    *,
    max_rows: int = LONG,
    caption: str | None = None,
    source: str | None = None,
    labels: dict | None = None,
    shares: list | None = None,
) -> Table:
    """Show ``frame`` as a report table: formatted for reading, escaped, full text, every row.

    Inside ``kit run`` the raw table is also written to the report's exports.

    Parameters
    ----------
    frame
        The table as computed (shares as fractions, times as timestamps...).
    max_rows
        Rows shown before the table scrolls (nothing is cut).
    caption
        A caption above the table (also the name of its sheet in the workbook).
    source
        The kit function that computed it, shown in small print (``None``: ``frame.attrs["source"]`` if set;
        the report page otherwise names the function called in the notebook cell).
    labels
        Column labels over :data:`kit.format.LABELS`.
    shares
        Further columns to show as percentages.

    Returns
    -------
    Table
        What the notebook displays.

    Examples
    --------
    >>> shown = table(pd.DataFrame({"a": ["<b>"], "share": [0.5]}))
    >>> shown.frame.shape, shown.shown.iloc[0].tolist()
    ((1, 2), ['<b>', '50.0 %'])
    """
    from .. import provenance

    return Table(
        frame,
        max_rows=max_rows,
        caption=caption,
        export_name=provenance.note_table(frame, caption),
        source=source or frame.attrs.get("source"),
        labels=labels,
        shares=shares,
    )


class Text:
    """A sentence or a few for a report (e.g. a finding computed by ``kit.tl``), escaped, as a paragraph."""

    def __init__(self, text: str | list[str]):
        self.text = [text] if isinstance(text, str) else list(text)

    def _repr_html_(self) -> str:
        if not self.text:  # nothing to say (an empty list of findings)
            return ""
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
