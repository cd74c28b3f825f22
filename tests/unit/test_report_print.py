"""The print stylesheet of the reports (issue 17, point 5): what printing a report must give."""

from __future__ import annotations

import re

from kit import _print


def test_print_rules_keep_tables_figures_and_the_summary_readable():
    css = _print.PRINT_CSS.read_text(encoding="utf-8")
    assert css.count("@media print") == 1 and "@page" in css
    rules = re.sub(r"\s+", " ", css)
    assert "nav.kit-toc" in rules.split("display: none")[0]  # the contents give page one to the summary
    assert "tr, td, th { break-inside: avoid" in rules  # rows are never split
    assert "overflow: visible" in rules and "white-space: normal" in rules  # wide tables wrap, not cut
    assert re.search(r"\.plotly-graph-div[^{]*\{ break-inside: avoid", rules)  # figures whole
    assert "section.kit-provenance { break-before: page" in rules
    js = _print.PRINT_JS.read_text(encoding="utf-8")
    assert "beforeprint" in js and "afterprint" in js and "Plotly.relayout" in js


def test_the_style_goes_into_the_head_once():
    page = "<html><head><title>x</title></head><body><main>report</main></body></html>"
    once = _print.with_print_style(page)
    assert once.index('id="kit-print"') < once.index("</head>") < once.index("<main>")
    assert _print.with_print_style(once) == once
    assert _print.with_print_style("<p>fragment</p>").endswith("<p>fragment</p>")
