"""The pieces of a report summary (:mod:`kit.pl.summary`): tiles, the block, and reading the record.

>>> s = summary([tile("Posts", 1234, record="posts")], alerts=["<b>x</b>"], findings=[("A finding.", "Findings")])
>>> html = s._repr_html_()
>>> 'data-record="posts"' in html and "1,234" in html and "&lt;b&gt;" in html
True
"""

from __future__ import annotations

import html
import json
import math
from dataclasses import dataclass, field

from .. import format as fmt

__all__ = ["Tile", "Summary", "tile", "written", "summary", "lookup"]


@dataclass
class Tile:
    """One headline figure: its label, its value as written, the interval and change beside it."""

    label: str
    text: str
    value: object = None
    record: str | None = None
    interval: str = ""
    change: str = ""
    alert: bool = False
    kind: str = "integer"


def written(value, kind: str) -> str:
    """A recorded value as a tile writes it (``kind`` as in :func:`tile`), in the report's locale and time zone."""
    if kind == "percent":
        return fmt.percent(value)
    if kind == "integer":
        return fmt.integer(value)
    if kind == "hours":
        return fmt.duration(value, unit="h")
    if kind == "seconds":
        return fmt.duration(value, unit="s")
    if kind == "time":
        return fmt.timestamp(value, zone_name=True)
    if kind == "text":
        return "" if value is None else str(value)
    return fmt.number(value)


def tile(
    label: str,
    value,
    *,
    kind: str = "integer",
    record: str | None = None,
    low=None,
    high=None,
    change: str = "",
    alert: bool = False,
) -> Tile:
    """A headline figure written for people.

    Parameters
    ----------
    label
        What it is, in words.
    value
        The recorded value.
    kind
        ``integer``, ``number``, ``percent`` (a share), ``hours``, ``seconds`` (durations), ``time`` or ``text``.
    record
        Where the value is in the record (see :func:`lookup`).
    low, high
        Its 95 % interval, written beside it.
    change
        The change against the previous period, as written.
    alert
        Draw it as an alert.

    Returns
    -------
    Tile

    Examples
    --------
    >>> t = tile("Share of voice", 0.57844, kind="percent", low=0.57054, high=0.5863)
    >>> t.text, t.interval
    ('57.8 %', '95 % interval 57.1-58.6 %')
    """
    interval = ""
    if low is not None and high is not None and not fmt._missing(low) and not fmt._missing(high):
        if kind == "percent":
            d = fmt._pct_decimals(100 * float(value)) if not fmt._missing(value) else 1
            lo, hi = fmt.number(100 * low, decimals=d), fmt.number(100 * high, decimals=d)
            interval = f"95 % interval {lo}-{hi} %"
        elif kind == "hours":
            interval = f"95 % interval {fmt.duration(low, unit='h')} - {fmt.duration(high, unit='h')}"
        else:
            word = " to " if (float(low) < 0 or float(high) < 0) else "-"
            d = fmt._decimals(float(value)) if not fmt._missing(value) and float(value) != 0 else None
            interval = f"95 % interval {fmt.number(low, decimals=d)}{word}{fmt.number(high, decimals=d)}"
    return Tile(
        label=label,
        text=written(value, kind) if not fmt._missing(value) else "n/a",
        value=value,
        record=record,
        interval=interval,
        change=change,
        alert=alert,
        kind=kind,
    )


@dataclass
class Summary:
    """The summary block: tiles, alerts in words, findings linking to their sections."""

    tiles: list[Tile] = field(default_factory=list)
    alerts: list[str] = field(default_factory=list)
    findings: list[tuple[str, str | None]] = field(default_factory=list)
    note: str = ""
    title: str = "Summary"
    alerts_title: str = "Alerts"

    def _repr_html_(self) -> str:
        e = html.escape
        parts = [f'<section class="kit-summary" id="summary"><h2 class="kit-summary-title">{e(self.title)}</h2>']
        if self.note:
            parts.append(f'<p class="kit-summary-note">{e(self.note)}</p>')
        if self.tiles:
            parts.append('<div class="kit-tiles">')
            for t in self.tiles:
                attrs = ""
                if t.record:
                    attrs = (
                        f' data-record="{e(t.record)}" data-kind="{e(t.kind)}"'
                        f' data-value="{e(json.dumps(_plain(t.value)))}"'
                    )
                parts.append(
                    f'<div class="kit-tile kit-tile-{e(t.kind)}{" kit-alert" if t.alert else ""}"{attrs}>'
                    f'<div class="kit-tile-label">{e(t.label)}</div>'
                    f'<div class="kit-tile-value">{e(t.text)}</div>'
                    + (f'<div class="kit-tile-interval">{e(t.interval)}</div>' if t.interval else "")
                    + (f'<div class="kit-tile-change">{e(t.change)}</div>' if t.change else "")
                    + "</div>"
                )
            parts.append("</div>")
        if self.alerts:
            items = "".join(f"<li>{e(a)}</li>" for a in self.alerts)
            parts.append(f'<p class="kit-summary-alerts"><strong>{e(self.alerts_title)}</strong></p><ul>{items}</ul>')
        if self.findings:
            items = []
            for sentence, section in self.findings:
                link = (
                    f' <a class="kit-summary-section" href="#kit-section:{e(section)}">→ {e(section)}</a>'
                    if section
                    else ""
                )
                items.append(f"<li>{e(sentence)}{link}</li>")
            parts.append("<p><strong>Findings</strong></p><ul>" + "".join(items) + "</ul>")
        parts.append("</section>")
        return "".join(parts)

    def __repr__(self) -> str:
        lines = [f"{t.label}: {t.text} {t.interval} {t.change}".strip() for t in self.tiles]
        return "\n".join(lines + self.alerts + [f for f, _ in self.findings])


def _plain(value):
    if isinstance(value, float) and math.isnan(value):
        return None
    return value


def summary(
    tiles: list[Tile], *, alerts: list[str] | None = None, findings: list | None = None, note: str = ""
) -> Summary:
    """A summary block from tiles (:func:`tile`), alert sentences and ``(finding, section)`` pairs.

    Returns
    -------
    Summary
        Displays as HTML (escaped).
    """
    found = [(f, None) if isinstance(f, str) else (f[0], f[1]) for f in (findings or [])]
    return Summary(tiles=list(tiles), alerts=list(alerts or []), findings=found, note=note)


def lookup(values: dict, path: str):
    """The recorded value at ``path``: keys and list positions joined by ``/``; ``key=value`` picks the first
    row of a list whose ``key`` is ``value``.

    Examples
    --------
    >>> lookup({"sov": [{"actor": "A", "share": 0.5}]}, "sov/actor=A/share")
    0.5
    >>> lookup({"care": [{"cases": 3}]}, "care/0/cases")
    3
    """
    node = values
    for part in path.split("/"):
        if isinstance(node, list):
            if "=" in part:
                key, want = part.split("=", 1)
                node = next(row for row in node if str(row.get(key)) == want)
            else:
                node = node[int(part)]
        else:
            node = node[part]
    return node


def _values(values: dict | None) -> dict:
    if values is not None:
        return values
    from .. import provenance

    return provenance.current()["values"]


def _get(values: dict, path: str, default=None):
    try:
        return lookup(values, path)
    except (KeyError, IndexError, StopIteration, ValueError, TypeError):
        return default


def _p(p) -> str:
    text = fmt.pvalue(p)
    return "" if not text else (f"p {text}" if text.startswith("<") else f"p = {text}")


# --- the four reports ----------------------------------------------------------------------------------
