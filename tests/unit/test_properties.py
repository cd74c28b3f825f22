"""Invariants of reading tables, on random small CSV files (hypothesis).

Every row written is accounted for (kept, or dropped with a reason), ids are unique, the table
validates, reading changes neither the file nor the frames it is given, duplicates are only ever
removed, and the same file always gives the same table.
"""

from __future__ import annotations

import html
import tempfile
from pathlib import Path

import pandas as pd
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from kit import schema
from kit.io import finish
from kit.io.tabular import read_csv

SETTINGS = settings(max_examples=50, deadline=None, suppress_health_check=[HealthCheck.too_slow])

# texts with what breaks naive CSV handling: quotes, separators, line breaks, entities, unicode
PIECES = st.sampled_from(
    [
        '"',
        "'",
        ",",
        ";",
        "\n",
        "\r\n",
        "\r",
        "\x85",
        "\t",
        " ",
        "&amp;",
        "&lt;3",
        "<b>",
        "é",
        "ß",
        "日本",
        "😀",
        "\u2028",
        "RT @a:",
        "#tag",
        "http://t.co/x",
    ]
)
TEXTS = st.lists(
    st.one_of(PIECES, st.text(st.characters(codec="utf-8", exclude_categories=("Cs", "Cc")), max_size=5)), max_size=6
).map("".join)
INSTANTS = st.datetimes(
    min_value=pd.Timestamp("2000-01-01").to_pydatetime(), max_value=pd.Timestamp("2030-12-31").to_pydatetime()
).map(lambda d: d.replace(microsecond=0))
OFFSETS = st.sampled_from(["Z", "+01:00", "-05:00", "+05:30", ""])  # "" = no zone, read as UTC
BAD_TIMES = st.sampled_from(
    [
        "",
        "   ",
        "not a date",
        "2026-02-30T10:00:00Z",
        "31/31/2020 10:00",
        "now",
        "12:00",
        "0001-01-01T00:00:00Z",
        "soon",
    ]
)


@st.composite
def good_time(draw) -> tuple[str, pd.Timestamp]:
    when, offset = draw(INSTANTS), draw(OFFSETS)
    text = when.strftime("%Y-%m-%dT%H:%M:%S") + offset
    stamp = pd.Timestamp(text)
    return text, (stamp.tz_localize("UTC") if stamp.tzinfo is None else stamp.tz_convert("UTC"))


@st.composite
def tables(draw) -> list[dict]:
    rows = draw(
        st.lists(
            st.fixed_dictionaries(
                {
                    "id": st.one_of(st.none(), st.integers(1, 15).map(str)),
                    "time": st.one_of(good_time(), BAD_TIMES.map(lambda t: (t, None))),
                    "user": st.sampled_from(["ann", "bob", "cy", ""]),
                    "text": TEXTS,
                    "likes": st.one_of(st.integers(0, 10**6).map(str), st.sampled_from(["", "-1", "n/a", "1 234"])),
                }
            ),
            max_size=12,
        )
    )
    # exact copies of some rows, anywhere
    for _ in range(draw(st.integers(0, 3))):
        if rows:
            rows.insert(draw(st.integers(0, len(rows))), dict(draw(st.sampled_from(rows))))
    return rows


def field(value: str) -> str:
    """Quote as spreadsheets do: any field holding a separator, a quote or a line break (``\r`` included:
    the csv module leaves a lone ``\r`` unquoted when rows end in ``\n``, and every CSV reader then splits there)."""
    return '"' + value.replace('"', '""') + '"' if any(c in value for c in ',"\r\n') else value


def write(rows: list[dict], path: Path, line_end: str) -> None:
    lines = ["id,created_at,user,text,likes"]
    lines += [",".join(field(v) for v in (r["id"] or "", r["time"][0], r["user"], r["text"], r["likes"])) for r in rows]
    path.write_bytes((line_end.join(lines) + line_end).encode("utf-8"))


def expected_text(text: str) -> str:
    return html.unescape(text).replace("\r\n", "\n")


@SETTINGS
@given(rows=tables(), line_end=st.sampled_from(["\n", "\r\n"]))
def test_reading_random_tables_keeps_the_invariants(rows, line_end):
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "random.csv"
        write(rows, path, line_end)
        before = path.read_bytes()
        posts, report = read_csv(path)
        again, report_again = read_csv(path)
        assert path.read_bytes() == before  # reading never writes

    # every row written is accounted for, and each drop says why
    assert report.rows_read == len(rows)
    assert report.rows_read == report.rows_kept + report.rows_dropped
    assert report.dropped["reason"].str.len().gt(0).all()
    assert set(report.dropped["source_row"]) <= set(range(2, len(rows) + 2))

    # a valid table with unique ids
    schema.validate(posts)
    assert posts["post_id"].is_unique

    # deterministic: the same file gives the same table and report
    pd.testing.assert_frame_equal(posts, again)
    assert report.to_dict() == report_again.to_dict()

    # bad times are dropped at their row, good ones kept unless an exact duplicate of an earlier row
    by_row = {i + 2: r for i, r in enumerate(rows)}
    bad_rows = {row for row, r in by_row.items() if r["time"][1] is None}
    time_drops = set(report.dropped.loc[report.dropped["column"] == "created_at", "source_row"])
    assert time_drops == bad_rows
    seen, expected_kept = set(), []
    for row, r in by_row.items():
        if r["time"][1] is None:
            continue
        key = (r["id"], r["user"], r["time"][1], expected_text(r["text"]))
        if key not in seen:
            seen.add(key)
            expected_kept.append(row)
    assert list(posts["source_row"]) == expected_kept  # dedupe removes rows, never adds or reorders
    assert report.rows_kept <= len(rows) - len(bad_rows)

    # what was kept is what was written
    for post in posts.itertuples():
        r = by_row[post.source_row]
        assert post.created_at == r["time"][1]
        assert post.text == expected_text(r["text"])
        if r["id"] and not post.post_id.startswith(r["id"] + "~"):
            assert post.post_id == r["id"]


@SETTINGS
@given(rows=tables())
def test_finish_and_coerce_do_not_mutate_their_input(rows):
    raw = pd.DataFrame(
        {
            "source_row": range(2, len(rows) + 2),
            "post_id": [r["id"] for r in rows],
            "created_at": [r["time"][0] for r in rows],
            "author_handle": [r["user"] for r in rows],
            "text": [r["text"] for r in rows],
            "likes": [r["likes"] for r in rows],
        }
    )
    before = raw.copy(deep=True)
    posts, report = finish(raw, source="raw.csv", format="csv")
    pd.testing.assert_frame_equal(raw, before)
    assert report.rows_read == len(rows) == report.rows_kept + report.rows_dropped
    snapshot = posts.copy(deep=True)
    schema.validate(schema.coerce(posts))
    pd.testing.assert_frame_equal(posts, snapshot)


@pytest.mark.parametrize("line_end", ["\n", "\r\n"])
def test_known_hard_case(tmp_path, line_end):
    """A regression example kept out of hypothesis' hands: quotes, separators and line breaks together."""
    rows = [
        {
            "id": "1",
            "time": ("2026-03-01T10:00:00+01:00", pd.Timestamp("2026-03-01 09:00", tz="UTC")),
            "user": "ann",
            "text": '"hello", she said;\nthen\r\nleft &amp; came back',
            "likes": "1 234",
        },
        {
            "id": "1",
            "time": ("2026-03-01T10:00:00+01:00", pd.Timestamp("2026-03-01 09:00", tz="UTC")),
            "user": "ann",
            "text": '"hello", she said;\nthen\r\nleft &amp; came back',
            "likes": "1 234",
        },
    ]
    path = tmp_path / "hard.csv"
    write(rows, path, line_end)
    posts, report = read_csv(path)
    assert list(posts["text"]) == ['"hello", she said;\nthen\nleft & came back']
    assert list(report.dropped["reason"]) == ["duplicate of row 2"]
    assert posts["likes"].tolist() == [1234]
