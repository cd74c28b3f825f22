"""The fast paths of the readers (issue 8) give the same result as the slow, general ones."""

from __future__ import annotations

import numpy as np
import pandas as pd
import pytest

from kit import io
from kit.io import _base, _table, _values


def test_per_value_equals_the_transform_on_every_row():
    values = pd.Series(["EN", " fr-CA", None, "en", "", "de-DE", "EN"] * 50, dtype="string")

    def fn(v):
        return v.str.strip().str.lower().str.split("-").str[0].replace("", pd.NA)

    got = _values.per_value(values, fn)
    pd.testing.assert_series_equal(got, fn(values))
    assert got.index.equals(values.index)


def test_per_value_keeps_the_index_and_handles_frames():
    values = pd.Series(["Tweet", "reply", None, "RT"] * 30, index=np.arange(120) * 3, dtype="string")
    mapped, unknown = _values.normalise(values, _values.KIND_ALIASES)
    assert mapped.index.equals(values.index)
    assert mapped.iloc[:4].tolist() == ["original", "reply", pd.NA, "repost"]
    assert not unknown.any()
    mapped, unknown = _values.normalise(pd.Series(["tweet", "blob"] * 20, dtype="string"), _values.KIND_ALIASES)
    assert unknown.tolist() == [False, True] * 20


def test_digit_counts_parse_as_before():
    values = pd.Series(["12", None, "0", "9007199254740992"], dtype="string")
    counts, bad = _values.parse_counts(values)
    assert counts.tolist() == [12, pd.NA, 0, 9007199254740992]
    assert not bad.any()
    many = pd.Series(np.random.default_rng(0).integers(0, 10**9, 5000).astype(str), dtype="string")
    fast = _values._digits_to_float(many)
    pd.testing.assert_series_equal(fast, pd.to_numeric(many).astype("float64"), check_names=False)


def test_typed_times_are_not_formatted_to_find_blanks():
    raw = pd.DataFrame(
        {
            "post_id": ["1", "2", "3"],
            "text": ["a", "b", "c"],
            "created_at": pd.to_datetime(["2026-03-01T10:00Z", None, "2026-03-02T10:00Z"], utc=True),
        }
    )
    posts, report = _base.finish(raw, source="t.parquet", format="parquet")
    assert posts["post_id"].tolist() == ["1", "3"]
    assert report.dropped["reason"].tolist() == ["missing time"]


def test_distinct_ids_skip_the_duplicate_search_but_duplicates_are_still_found():
    t = ["2026-03-01T10:00:00Z"] * 3
    distinct, rep = _base.finish(
        pd.DataFrame({"post_id": ["1", "2", "3"], "created_at": t, "text": ["a"] * 3}), source="t.csv", format="csv"
    )
    assert distinct["post_id"].tolist() == ["1", "2", "3"] and rep.duplicates == 0
    repeated, rep = _base.finish(
        pd.DataFrame({"post_id": ["1", "1", "3"], "created_at": t, "text": ["a"] * 3}), source="t.csv", format="csv"
    )
    assert rep.duplicates == 1 and len(repeated) == 2


def _write(path, text: str, newline: str = "\n"):
    path.write_bytes(text.replace("\n", newline).encode("utf-8"))
    return path


@pytest.mark.parametrize("newline", ["\n", "\r\n"])
def test_row_numbers_with_quotes_and_one_record_per_line(tmp_path, newline):
    text = 'post_id,created_at,text\n1,2026-03-01T10:00:00Z,"hello, world"\n2,2026-03-01T11:00:00Z,"say ""hi"""\n'
    frame, _, drops, _ = _table.read_table(_write(tmp_path / "a.csv", text, newline))
    assert frame["__row"].tolist() == [2, 3] and not drops


def test_row_numbers_when_a_record_spans_lines(tmp_path):
    text = 'post_id,created_at,text\n1,2026-03-01T10:00:00Z,"two\nlines"\n2,2026-03-01T11:00:00Z,b\n'
    frame, _, _, _ = _table.read_table(_write(tmp_path / "b.csv", text))
    assert frame["__row"].tolist() == [2, 3]
    assert frame["text"].tolist() == ["two\nlines", "b"]


def test_row_numbers_after_a_blank_line(tmp_path):
    text = 'post_id,created_at,text\n1,2026-03-01T10:00:00Z,"a"\n\n2,2026-03-01T11:00:00Z,b\n'
    frame, _, _, _ = _table.read_table(_write(tmp_path / "c.csv", text))
    assert frame["__row"].tolist() == [2, 4]


def test_detection_reads_the_head_of_a_large_file(tmp_path, monkeypatch):
    rows = "".join(f"{i},2026-03-01T10:00:00Z,Text number {i} é\n" for i in range(200_000))
    path = _write(tmp_path / "big.csv", "post_id,created_at,text\n" + rows)
    assert path.stat().st_size > 4_000_000
    text, warns = _table._decode(path, limit=1_000_000)
    assert len(text.encode("utf-8")) <= 1_000_000 and text.endswith("\n") and not warns
    assert io.detect(path) == "csv"
    posts, report = io.read(path)
    assert report.rows_kept == 200_000 and posts["source_row"].iloc[-1] == 200_001


def test_utf16_head_is_decoded_whole(tmp_path):
    path = tmp_path / "u16.csv"
    path.write_bytes(("post_id,created_at,text\n" + "1,2026-03-01T10:00:00Z,a\n" * 10).encode("utf-16"))
    text, warns = _table._decode(path, limit=50)
    assert text.startswith("post_id") and warns == ["file is UTF-16 encoded"]


def test_mapped_columns_keep_their_values(tmp_path):
    text = "tweet_id,date,full_text,extra\n1,2026-03-01T10:00:00Z,hi,x1\n2,2026-03-01T11:00:00Z,,\n"
    posts, _ = io.read(_write(tmp_path / "m.csv", text))
    assert posts["text"].tolist() == ["hi", ""]
    assert posts["x_extra"].tolist()[0] == "x1" and pd.isna(posts["x_extra"].tolist()[1])


TRICKY = (
    "post_id,created_at,text,extra\n"
    '1,2026-03-01T10:00:00Z,"hello, ""world""",\n'
    '2,2026-03-01T10:01:00Z,"two\nlines","" \n'
    "3,2026-03-01T10:02:00Z, spaced ,é ü ß\n"
    "\n"
    '4,2026-03-01T10:03:00Z,,"q"\n'
)


@pytest.mark.parametrize("newline", ["\n", "\r\n"])
def test_arrow_parser_reads_as_the_c_parser(tmp_path, monkeypatch, newline):
    path = _write(tmp_path / "t.csv", TRICKY, newline)
    body = path.read_bytes().decode("utf-8")  # as read_table does: line ends untouched
    arrow = _table._read_arrow(body, ",", body.splitlines()[0])
    assert arrow is not None
    c = pd.read_csv(path, dtype=str, keep_default_na=False, na_values=[""], engine="c", index_col=False)
    pd.testing.assert_frame_equal(arrow, c)
    fast = _table.read_table(path)
    monkeypatch.setattr(_table, "_read_arrow", lambda *a: None)
    slow = _table.read_table(path)
    pd.testing.assert_frame_equal(fast[0], slow[0])
    assert fast[1:] == slow[1:]


@pytest.mark.parametrize(
    "text",
    [
        "a,b\n1,2\n3\n",  # a record with too few fields
        "a,b\n1,2\n3,4,5\n",  # too many
        "a,a\n1,2\n",  # repeated names: pandas renames the second a.1
        "a,\n1,2\n",  # an empty name
        'a,b\n1,"open\n2,3\n',  # a quote never closed
        "a,b\n1,2\n   \n3,4\n",  # a whitespace-only line
    ],
)
def test_arrow_parser_leaves_doubtful_files_to_the_c_parser(text):
    assert _table._read_arrow(text, ",", text.splitlines()[0]) is None


def test_sample_reads_the_same_with_either_parser(tmp_path, monkeypatch):
    from kit import datasets

    paths = datasets.write_sample(tmp_path, n_posts=3000, seed=3)
    fast, fast_report = io.read(paths["posts_csv"])
    monkeypatch.setattr(_table, "_read_arrow", lambda *a: None)
    slow, slow_report = io.read(paths["posts_csv"])
    pd.testing.assert_frame_equal(fast, slow)
    assert fast_report.to_dict() == slow_report.to_dict()


def test_extra_columns_written_by_the_kit_keep_their_names(tmp_path):
    text = "post_id,created_at,text,x_true_sentiment,Campaign\n1,2026-03-01T10:00:00Z,hi,positive,a\n"
    posts, _ = io.read(_write(tmp_path / "x.csv", text))
    assert posts["x_true_sentiment"].tolist() == ["positive"]
    assert posts["x_campaign"].tolist() == ["a"]
