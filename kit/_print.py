"""The print stylesheet of a report page: readable A4 pages when a report is printed or saved as PDF.

``kit/templates/kit_report/print.css`` (no cut tables, figures kept whole, the summary on page one, the
provenance on a page of its own) and ``print.js`` (plotly figures redrawn at the page's width while
printing) go into the page's ``<head>``, once.

>>> page = with_print_style("<html><head><title>t</title></head><body></body></html>")
>>> page.count('<style media="print" id="kit-print">'), with_print_style(page) == page
(1, True)
"""

from __future__ import annotations

from pathlib import Path

__all__ = ["PRINT_CSS", "PRINT_JS", "with_print_style"]

_HERE = Path(__file__).resolve().parent / "templates" / "kit_report"
#: The print stylesheet and its script, shipped with the report template.
PRINT_CSS, PRINT_JS = _HERE / "print.css", _HERE / "print.js"
_MARK = '<style media="print" id="kit-print">'


def with_print_style(page: str) -> str:
    """``page`` with the print stylesheet and script in its ``<head>`` (unchanged if they are there already).

    Parameters
    ----------
    page
        A report page (HTML).

    Returns
    -------
    str
        The page; without a ``</head>``, the style and script go first.
    """
    if _MARK in page:
        return page
    block = (
        f"{_MARK}\n{PRINT_CSS.read_text(encoding='utf-8')}</style>\n"
        f'<script id="kit-print-js">\n{PRINT_JS.read_text(encoding="utf-8")}</script>\n'
    )
    at = page.find("</head>")
    return block + page if at < 0 else page[:at] + block + page[at:]
