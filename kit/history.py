"""Run history: the headline figures of each run in one Parquet table, and what changed between two runs.

A run of ``kit run ... --out DIR`` appends its headline figures (shares, net sentiment, response rate,
with their intervals), its alerts and its topics to ``DIR/history.parquet``, one row each. :func:`compare`
says what changed between two runs: figures whose new value lies outside the previous run's interval,
alerts that are new, topics that appeared or vanished.

>>> from kit import history
>>> a = history.headlines({"monitoring": {"values": {"posts_loaded": 100, "share_of_voice": [
...     {"actor": "Voltaria", "share": 0.50, "low": 0.45, "high": 0.55}]}}}, run="w1")
>>> b = history.headlines({"monitoring": {"values": {"posts_loaded": 120, "share_of_voice": [
...     {"actor": "Voltaria", "share": 0.61, "low": 0.56, "high": 0.66}], "alerts": [
...     {"message": "Mentions were 693 in the week of 30 March, above the expected 484-583"}]}}}, run="w2")
>>> change = history.compare(pd.concat([a, b]), "w1", "w2")
>>> change.moved["name"].tolist()
['share of voice: Voltaria']
>>> change.new_alerts
('monitoring: Mentions were 693 in the week of 30 March, above the expected 484-583',)
"""

from __future__ import annotations

import html
import json
from dataclasses import dataclass
from pathlib import Path

import numpy as np
import pandas as pd

__all__ = ["COLUMNS", "SINCE_STYLE", "Comparison", "headlines", "read_records", "append", "read", "compare", "runs"]

#: The look of the "since the last run" section (a box, in the reports' font).
SINCE_STYLE = "border:1px solid #ddd;border-radius:6px;padding:.2em 1.2em .6em 1.2em;margin:1em 0;font-family:system-ui,sans-serif"
#: The history table's columns: one row per run, report and figure (or alert, or topic).
COLUMNS = ["run", "finished", "report", "kind", "name", "value", "low", "high"]

# (record key, row key naming the row, value key, low key, high key, label): tables of figures with intervals
_TABLES = {
    "monitoring": [
        ("share_of_voice", "actor", "share", "low", "high", "share of voice"),
        ("net_sentiment", "actor", "net", "low", "high", "net sentiment"),
        (
            "net_sentiment_corrected",
            "actor",
            "corrected_net",
            "ci_low",
            "ci_high",
            "net sentiment, corrected by review",
        ),
        ("care", None, "response_rate", "rate_low", "rate_high", "care: response rate"),
        ("care", None, "median_hours", "median_low", "median_high", "care: median hours to reply"),
    ],
    "audit": [("divergence", "compared_with", "divergence", "low", "high", "divergence of own posts from")],
    "crisis": [
        ("repost_share", None, "share", "low", "high", "crisis: repost share"),
        ("negative_by_phase", "phase", "share", None, None, "negative share"),
    ],
    "listening": [],
}
# (record key, sub key, label): single figures
_SINGLE = {
    "monitoring": [],
    "audit": [("own_posts", "analysed", "own posts analysed")],
    "listening": [("listening_posts", None, "posts analysed")],
    "crisis": [
        ("timeline", "peak_value", "crisis: peak posts per period"),
        ("timeline", "half_life_periods", "crisis: half-life (periods)"),
        ("first_statement", "hours_to_statement", "crisis: hours to first statement"),
        ("first_statement", "hours_to_reply", "crisis: hours to first reply"),
    ],
}


def _num(value) -> float:
    try:
        return float(value)
    except (TypeError, ValueError):
        return np.nan


def _figures(name: str, values: dict) -> list[tuple]:
    rows = [("figure", "posts loaded", _num(values.get("posts_loaded")), np.nan, np.nan)]
    for key, sub, label in _SINGLE.get(name, []):
        v = values.get(key)
        rows.append(("figure", label, _num(v.get(sub) if isinstance(v, dict) else v), np.nan, np.nan))
    for key, by, val, lo, hi, label in _TABLES.get(name, []):
        table = values.get(key) or []
        table = [table] if isinstance(table, dict) else table
        for item in table if isinstance(table, list) else []:
            if not isinstance(item, dict) or val not in item:
                continue
            title = f"{label}: {item.get(by)}" if by else label
            rows.append(("figure", title, _num(item[val]), _num(item.get(lo)), _num(item.get(hi))))
    if name == "listening":
        for kind, n in (values.get("actionable") or {}).items():
            rows.append(("figure", f"actionable posts: {kind}", _num(n), np.nan, np.nan))
        for topic in values.get("topics") or []:
            if isinstance(topic, dict) and topic.get("topic") != -1 and topic.get("label"):
                rows.append(("topic", str(topic["label"]), _num(topic.get("size")), np.nan, np.nan))
    alerts = values.get("alerts")
    if isinstance(alerts, list):
        rows.append(("figure", "alerts", float(len(alerts)), np.nan, np.nan))
        for alert in alerts:
            message = alert.get("message") if isinstance(alert, dict) else alert
            rows.append(("alert", str(message), _num(alert.get("value")) if isinstance(alert, dict) else np.nan,
                         np.nan, np.nan))  # fmt: skip
    return [r for r in rows if r[0] != "figure" or not np.isnan(r[2])]


def headlines(records: dict, *, run: str, finished=None) -> pd.DataFrame:
    """The headline figures, alerts and topics of one run, as rows of the history table.

    Parameters
    ----------
    records
        Report name (``"monitoring"``...) to what its notebook recorded (``{"values": {...}}``).
    run
        The run's name (its folder).
    finished
        When the run finished (default: now, UTC).

    Returns
    -------
    pandas.DataFrame
        Columns :data:`COLUMNS`; ``kind`` is ``figure``, ``alert`` or ``topic``; ``low``/``high`` are the
        figure's interval when it has one.

    Examples
    --------
    >>> headlines({"crisis": {"values": {"posts_loaded": 10, "timeline": {"peak_value": 7.0}}}}, run="r")[
    ...     ["report", "name", "value"]].values.tolist()
    [['crisis', 'posts loaded', 10.0], ['crisis', 'crisis: peak posts per period', 7.0]]
    """
    finished = pd.Timestamp.now(tz="UTC") if finished is None else pd.Timestamp(finished)
    rows = [
        (run, finished, name, *row)
        for name, record in records.items()
        for row in _figures(name, (record or {}).get("values", {}))
    ]
    out = pd.DataFrame(rows, columns=COLUMNS)
    return out.astype({"run": "string", "report": "string", "kind": "string", "name": "string", "value": float,
                       "low": float, "high": float})  # fmt: skip


def read_records(folder: str | Path) -> dict:
    """The records (``<report>.record.json``) a run wrote in its folder, by report name.

    Parameters
    ----------
    folder
        A run's folder.

    Returns
    -------
    dict
        Report name to record.

    Examples
    --------
    >>> read_records("no/such/folder")
    {}
    """
    return {
        p.name[: -len(".record.json")]: json.loads(p.read_text(encoding="utf-8"))
        for p in sorted(Path(folder).glob("*.record.json"))
    }


def read(path: str | Path) -> pd.DataFrame:
    """The history table at ``path`` (empty with :data:`COLUMNS` when there is none yet).

    Parameters
    ----------
    path
        ``DIR/history.parquet``.

    Returns
    -------
    pandas.DataFrame
        One row per run, report and figure.

    Examples
    --------
    >>> read("no/such/history.parquet").columns.tolist() == COLUMNS
    True
    """
    path = Path(path)
    if not path.exists():
        return headlines({}, run="")
    return pd.read_parquet(path)


def append(path: str | Path, rows: pd.DataFrame) -> pd.DataFrame:
    """Append a run's rows to the history table at ``path``, replacing earlier rows of the same run name.

    Parameters
    ----------
    path
        ``DIR/history.parquet`` (created when absent).
    rows
        What :func:`headlines` returned.

    Returns
    -------
    pandas.DataFrame
        The whole table as written.

    Examples
    --------
    >>> import tempfile
    >>> target = Path(tempfile.mkdtemp()) / "history.parquet"
    >>> rows = headlines({"audit": {"values": {"posts_loaded": 5}}}, run="r1")
    >>> len(append(target, rows)), len(append(target, rows))
    (1, 1)
    """
    old = read(path)
    names = set(rows["run"].dropna())
    table = pd.concat([old[~old["run"].isin(names)], rows], ignore_index=True) if len(old) else rows
    Path(path).parent.mkdir(parents=True, exist_ok=True)
    table.to_parquet(path, index=False)
    return table


def runs(table: pd.DataFrame) -> list[str]:
    """The run names of a history table, oldest first (by when each finished).

    Parameters
    ----------
    table
        The history table.

    Returns
    -------
    list of str

    Examples
    --------
    >>> runs(headlines({"audit": {"values": {"posts_loaded": 5}}}, run="r1"))
    ['r1']
    """
    if not len(table):
        return []
    return table.groupby("run", sort=False)["finished"].max().sort_values(kind="stable").index.tolist()


@dataclass(frozen=True)
class Comparison:
    """What changed from run ``before`` to run ``after``.

    ``figures`` holds every figure of both runs (``value_before``, ``value_after``, the earlier interval,
    ``moved``: the new value lies outside the earlier run's interval); ``moved`` only those that moved.
    """

    before: str
    after: str
    figures: pd.DataFrame
    new_alerts: tuple
    appeared: tuple
    vanished: tuple

    @property
    def moved(self) -> pd.DataFrame:
        """The figures whose new value lies outside the earlier run's interval."""
        return self.figures[self.figures["moved"]].reset_index(drop=True)

    def to_frame(self) -> pd.DataFrame:
        """The figures table (one row per report and figure)."""
        return self.figures.copy()

    def to_text(self) -> str:
        """The comparison as plain text (what ``kit compare`` prints)."""
        lines = [f"Since {self.before} (run {self.after}):"]
        lines += [f"  {kind}" for kind in self._sentences()]
        return "\n".join(lines)

    def to_html(self, *, title: str = "Since the last run") -> str:
        """The comparison as a report section (``<section class="kit-since">``)."""
        items = "".join(f"<li>{html.escape(s)}</li>" for s in self._sentences())
        return (
            f'<section class="kit-since" id="since-the-last-run" style="{SINCE_STYLE}"><h2>{html.escape(title)}</h2>'
            f"<p>Compared with run <code>{html.escape(self.before)}</code>.</p><ul>{items}</ul></section>"
        )

    def _sentences(self) -> list[str]:
        out = []
        for r in self.moved.itertuples():
            out.append(
                f"{r.report}: {r.name} moved from {r.value_before:.3g} to {r.value_after:.3g}, "
                f"outside the earlier interval {r.low_before:.3g}-{r.high_before:.3g}"
            )
        if not len(self.moved):
            n = int(self.figures["low_before"].notna().sum())
            out.append(
                f"No figure moved beyond its interval ({n} figures with an interval compared)."
                if n
                else "No figure here has an interval to compare with: see the table of figures for the changes."
            )
        out += [f"New alert, {a}" for a in self.new_alerts] or ["No new alert."]
        out += [f"Topic appeared, {t}" for t in self.appeared]
        out += [f"Topic vanished, {t}" for t in self.vanished]
        if not self.appeared and not self.vanished:
            out.append("No topic appeared or vanished.")
        return out


def compare(table: pd.DataFrame, before: str, after: str, *, report: str | None = None) -> Comparison:
    """Compare two runs of a history table.

    Parameters
    ----------
    table
        The history table (:func:`read`, or :func:`headlines` rows of both runs).
    before, after
        The two run names.
    report
        Only this report's rows (``None``: every report).

    Returns
    -------
    Comparison

    Examples
    --------
    >>> t = pd.concat([headlines({"listening": {"values": {"topics": [{"topic": 0, "label": "app"}]}}}, run="a"),
    ...                headlines({"listening": {"values": {"topics": [{"topic": 0, "label": "fees"}]}}}, run="b")])
    >>> c = compare(t, "a", "b")
    >>> c.appeared, c.vanished
    (('listening: fees',), ('listening: app',))
    """
    if report is not None:
        table = table[table["report"] == report]
    a, b = table[table["run"] == before], table[table["run"] == after]
    key = ["report", "name"]
    fa, fb = a[a["kind"] == "figure"], b[b["kind"] == "figure"]
    figures = fa[[*key, "value", "low", "high"]].merge(
        fb[[*key, "value", "low", "high"]], on=key, how="outer", suffixes=("_before", "_after")
    )
    figures["change"] = figures["value_after"] - figures["value_before"]
    figures["moved"] = (figures["value_after"] < figures["low_before"]) | (
        figures["value_after"] > figures["high_before"]
    )

    def labels(frame, kind):
        rows = frame[frame["kind"] == kind]
        return {f"{r}: {n}" for r, n in zip(rows["report"], rows["name"])}

    return Comparison(
        before=before,
        after=after,
        figures=figures.reset_index(drop=True),
        new_alerts=tuple(sorted(labels(b, "alert") - labels(a, "alert"))),
        appeared=tuple(sorted(labels(b, "topic") - labels(a, "topic"))),
        vanished=tuple(sorted(labels(a, "topic") - labels(b, "topic"))),
    )
