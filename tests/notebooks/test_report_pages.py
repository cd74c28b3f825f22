"""The rendered report pages read as written for people (issue 16).

Each page of the smoke run (and, when ``KIT_REPORT_DIR`` names a run folder such as the sample's
``<out>/latest``, each page there) is parsed: no table may show a raw timestamp with seconds or an offset,
a share written as a decimal fraction, a snake_case column header, a ``0 days`` duration, or rows cut without
a way to see them; the summary comes before the contents and its figures equal the recorded values.
"""

from __future__ import annotations

import json
import os
import re
from html.parser import HTMLParser
from pathlib import Path

import pytest

from kit import format as fmt
from kit import report
from kit.pl import summary as pls

pytestmark = pytest.mark.slow

RAW_TIME = re.compile(r"\d{4}-\d{2}-\d{2}[ T]\d{2}:\d{2}:\d{2}|\d{2}:\d{2}(:\d{2})?[+-]\d{2}:\d{2}")
SNAKE = re.compile(r"^[a-z0-9]+(_[a-z0-9]+)+$")
FRACTION = re.compile(r"^-?[01]?[.,]\d+$")
SHARE_HEADER = re.compile(r"\b(share|rate|coverage)\b", re.I)
TIMEDELTA = re.compile(r"\b\d+ days?\b[ ,]*\d{2}:\d{2}|\b0 days\b")


class _Page(HTMLParser):
    """Tables (headers, rows, whether in a long-table box and how many rows it announces) and summary tiles."""

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.tables: list[dict] = []
        self.tiles: list[dict] = []
        self.order: list[str] = []  # "summary", "toc" in page order
        self._stack: list[str] = []
        self._table = None
        self._cell = None
        self._long = []
        self._provenance = 0
        self._tile = None
        self._tile_part = None

    def handle_starttag(self, tag, attrs):
        a = dict(attrs)
        cls = a.get("class") or ""
        if tag == "section" and "kit-provenance" in cls:
            self._provenance += 1
        if tag == "section" and "kit-summary" in cls:
            self.order.append("summary")
        if tag == "nav" and "kit-toc" in cls:
            self.order.append("toc")
        if tag == "div" and "kit-long" in cls:
            self._long.append(int(a.get("data-rows", "-1")))
        elif tag == "div":
            self._long.append(None)
        if tag == "div" and "kit-tile" in cls.split():
            self._tile = {
                "record": a.get("data-record"),
                "kind": a.get("data-kind"),
                "value": a.get("data-value"),
                "text": "",
            }
        if tag == "div" and self._tile is not None and "kit-tile-value" in cls:
            self._tile_part = "text"
        if tag == "table" and not self._provenance:
            announced = next((n for n in reversed(self._long) if n is not None), None)
            self._table = {"headers": [], "rows": [], "announced": announced}
        if self._table is not None and tag == "tr":
            self._table["rows"].append([])
        if self._table is not None and tag in ("td", "th"):
            self._cell = {"tag": tag, "text": ""}

    def handle_endtag(self, tag):
        if tag == "section" and self._provenance:
            self._provenance -= 1
        if tag == "div" and self._long:
            self._long.pop()
        if self._table is not None and tag in ("td", "th") and self._cell is not None:
            text = self._cell["text"].strip()
            if self._cell["tag"] == "th" and len(self._table["rows"]) <= 1:
                self._table["headers"].append(text)
            else:
                self._table["rows"][-1].append(text)
            self._cell = None
        if tag == "table" and self._table is not None:
            self._table["rows"] = [r for r in self._table["rows"] if r]
            self.tables.append(self._table)
            self._table = None

    def handle_data(self, data):
        if self._cell is not None:
            self._cell["text"] += data
        if self._tile is not None and self._tile_part == "text":
            self._tile["text"] += data
            self.tiles.append(self._tile)
            self._tile = None
            self._tile_part = None


def parse(path: Path) -> _Page:
    page = _Page()
    page.feed(path.read_text(encoding="utf-8"))
    return page


def problems(path: Path) -> list[str]:
    """What a report page shows that is not written for people (empty: nothing)."""
    page = parse(path)
    found = []
    for i, t in enumerate(page.tables, start=1):
        where = f"{path.name} table {i} ({', '.join(t['headers'][:4])})"
        for h in t["headers"]:
            if SNAKE.match(h):
                found.append(f"{where}: snake_case header {h!r}")
        shares = [j for j, h in enumerate(t["headers"]) if SHARE_HEADER.search(h) and "ratio" not in h.lower()]
        for row in t["rows"]:
            for j, cell in enumerate(row):
                if RAW_TIME.search(cell):
                    found.append(f"{where}: raw timestamp {cell!r}")
                if TIMEDELTA.search(cell):
                    found.append(f"{where}: raw duration {cell!r}")
                if j in shares and FRACTION.match(cell):
                    found.append(f"{where}: share as a fraction {cell!r} under {t['headers'][j]!r}")
        if t["announced"] is not None and t["announced"] != len(t["rows"]):
            text = path.read_text(encoding="utf-8")
            if "every row is in this table's export" not in text:
                found.append(f"{where}: {len(t['rows'])} of {t['announced']} rows shown")
    if "more rows not shown" in path.read_text(encoding="utf-8"):
        found.append(f"{path.name}: a table cut without a way to see the rest")
    return found


def summary_mismatches(path: Path, record: dict, parameters: dict) -> list[str]:
    """Tiles of the summary whose value is not the recorded one (or is written otherwise)."""
    page = parse(path)
    out = []
    if "summary" not in page.order or ("toc" in page.order and page.order.index("summary") > page.order.index("toc")):
        out.append(f"{path.name}: no summary before the contents ({page.order})")
    tiles = [t for t in page.tiles if t["record"]]
    if len(tiles) < 3:
        out.append(f"{path.name}: {len(tiles)} tiles with a recorded value")
    fmt.use(locale=parameters.get("locale", "en"), timezone=parameters.get("timezone") or "UTC")
    try:
        for t in tiles:
            recorded = pls.lookup(record["values"], t["record"])
            if json.loads(t["value"]) != recorded:
                out.append(f"{path.name}: tile {t['record']} shows {t['value']}, recorded {recorded!r}")
            if t["text"].strip() != pls.written(recorded, t["kind"]):
                out.append(
                    f"{path.name}: tile {t['record']} reads {t['text']!r}, not {pls.written(recorded, t['kind'])!r}"
                )
    finally:
        fmt.use(locale="en", timezone="UTC")
    return out


def _pages(folder: Path):
    for name in report.NOTEBOOKS:
        html, rec = folder / f"{name}.html", folder / f"{name}.record.json"
        if html.exists() and rec.exists():
            yield name, html, json.loads(rec.read_text(encoding="utf-8"))


def test_smoke_pages_are_written_for_people(smoke_run):
    out, results = smoke_run
    checked = 0
    for r in results:
        if r.html is None:
            continue
        assert problems(r.html) == []
        assert summary_mismatches(r.html, r.record, r.parameters) == []
        checked += 1
    assert checked == len(report.NOTEBOOKS)


@pytest.mark.skipif(not os.environ.get("KIT_REPORT_DIR"), reason="KIT_REPORT_DIR names no run folder")
def test_pages_of_a_given_run_are_written_for_people():
    folder = Path(os.environ["KIT_REPORT_DIR"])
    pages = list(_pages(folder))
    assert pages, f"no report pages with records in {folder}"
    for name, html, rec in pages:
        params = report.load_params(os.environ.get("KIT_REPORT_PARAMS", "sample"), name)
        assert problems(html) == [], name
        assert summary_mismatches(html, rec, params) == [], name


def test_the_checks_catch_what_issue_16_saw(tmp_path):
    """The page checks fail on the issue's examples (so a pass means something)."""
    bad = tmp_path / "bad.html"
    bad.write_text(
        "<table><thead><tr><th>q_value</th><th>Share</th><th>Half-life</th><th>Period</th></tr></thead>"
        "<tbody><tr><td>0</td><td>0.578</td><td>0 days 06:17:11</td><td>2026-03-30 00:00:00+00:00</td></tr></tbody>"
        "</table><p><em>151 more rows not shown.</em></p>",
        encoding="utf-8",
    )
    found = " ".join(problems(bad))
    for what in ("snake_case", "fraction", "raw duration", "raw timestamp", "cut"):
        assert what in found
    good = tmp_path / "good.html"
    good.write_text(
        '<section class="kit-summary"><div class="kit-tiles"><div class="kit-tile" data-record="a/share" '
        'data-kind="percent" data-value="0.5"><div class="kit-tile-label">A</div><div class="kit-tile-value">'
        '50.0 %</div></div></div></section><nav class="kit-toc"></nav>'
        "<table><thead><tr><th>Share</th></tr></thead><tbody><tr><td>57.8 % (57.1-58.6)</td></tr></tbody></table>",
        encoding="utf-8",
    )
    assert problems(good) == []
    mismatch = summary_mismatches(good, {"values": {"a": {"share": 0.25}}}, {})
    assert any("recorded 0.25" in m for m in mismatch)
