"""Tables for reports: escaped HTML, full cell text, no index column."""

from __future__ import annotations

import pandas as pd


class Table:
    """An HTML table that renders in JupyterLab and in exported reports.

    Cell values are escaped (post text never becomes markup) and not cut to 50 characters as
    pandas' default display does. ``frame`` keeps the data for tests and further use.
    """

    def __init__(self, frame: pd.DataFrame, *, max_rows: int = 100, caption: str | None = None):
        self.frame = frame
        self.max_rows = max_rows
        self.caption = caption

    def _repr_html_(self) -> str:
        shown = self.frame.head(self.max_rows)
        html = shown.to_html(escape=True, index=False, na_rep="", border=0, classes="kit-table")
        more = len(self.frame) - len(shown)
        if more > 0:
            html += f"<p><em>{more} more rows not shown.</em></p>"
        if self.caption:
            import html as _html
            html = f"<p><strong>{_html.escape(self.caption)}</strong></p>" + html
        return html

    def __repr__(self) -> str:
        return repr(self.frame)


def table(frame: pd.DataFrame, *, max_rows: int = 100, caption: str | None = None) -> Table:
    """Show ``frame`` as a report table (escaped, full text, first ``max_rows`` rows)."""
    return Table(frame, max_rows=max_rows, caption=caption)
