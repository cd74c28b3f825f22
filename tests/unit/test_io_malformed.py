"""Issue 14, point 3: malformed exports (written by tests/make_malformed.py into tests/fixtures/malformed/)
end in a clear error naming the file, or in exact row accounting with a reason per dropped row."""

from __future__ import annotations

from pathlib import Path

import pytest

from kit import io

HERE = Path(__file__).parents[1] / "fixtures" / "malformed"


def read(name: str, **kwargs):
    posts, report = io.read(HERE / name, **kwargs)
    assert report.rows_read == report.rows_kept + report.rows_dropped
    return posts, report


def times(posts) -> list[str]:
    return posts["created_at"].dt.strftime("%Y-%m-%d %H:%M").tolist()


def reasons(report) -> list[tuple]:
    return [(int(r.source_row), r.column, r.reason) for r in report.dropped.itertuples()]


def test_fixtures_are_current():
    from tests.make_malformed import files

    for name, data in files().items():
        assert (HERE / name).read_bytes() == data, f"{name}: run python tests/make_malformed.py"


@pytest.mark.parametrize(
    "name, message",
    [
        ("random_bytes.csv", "not a text export"),
        ("deep_nesting.json", "nested too deeply"),
        ("empty.csv", "the file is empty"),
        ("unknown_shape.json", "matches no known export"),
    ],
)
def test_unreadable_files_are_clear_errors(name, message):
    with pytest.raises(io.InputError) as info:
        io.read(HERE / name)
    assert str(HERE / name) in str(info.value) and message in str(info.value)


@pytest.mark.parametrize(
    "name, row, field",
    [
        ("mastodon_media_int.json", 2, "media_attachments"),
        ("mastodon_handle_dict.json", 2, "author_handle"),
        ("bluesky_facets_int.json", 2, "record.facets"),
        ("twitter_v1_media_int.jsonl", 2, "entities.media"),
        ("twitter_v2_refs_int.json", 2, "referenced_tweets"),
        ("deep_line.jsonl", 2, None),
        ("bad_record.jsonl", 2, None),
    ],
)
def test_one_bad_record_drops_that_record_only(name, row, field):
    posts, report = read(name)
    assert report.rows_read == 3 and report.rows_kept == 2
    ((got_row, got_field, reason),) = reasons(report)
    assert got_row == row and (got_field == field or field is None) and str(row) in reason


def test_reddit_epoch_out_of_range_drops_that_row():
    posts, report = read("reddit_epoch_huge.json")
    assert times(posts) == ["2026-01-05 10:00", "2026-01-05 11:00"]
    assert [(r, c) for r, c, _ in reasons(report)] == [(2, "created_at"), (3, "created_at")]


def test_cp1252_line_in_json_is_decoded_line_by_line():
    posts, report = read("cp1252_line.jsonl")
    assert posts["text"].tolist() == ["post 1", "café", "post 3"]
    assert any("line 2" in w and "Windows-1252" in w for w in report.warnings)


def test_quote_spanning_lines_is_reported():
    posts, report = read("quote_spans_lines.csv")
    assert report.rows_read == 5 and posts["text"].tolist() == ["one", "five"]
    first = reasons(report)[0]
    assert first[0] == 3 and first[1] == "text" and "quote" in first[2]


def test_mixed_encodings_line_by_line():
    posts, report = read("mixed_encoding.csv")
    assert posts["text"].tolist() == ["Café", "Café noir", "naïve"]
    assert any("line 3" in w for w in report.warnings)


def test_long_field_reads():
    posts, report = read("long_field.csv")
    assert len(posts.loc[0, "text"]) == 200_000 and report.rows_kept == 2


def test_epoch_units_per_value():
    posts, _ = read("epoch_mixed_units.csv")
    assert times(posts) == ["2026-01-05 10:00", "2026-01-05 11:00", "2026-01-05 12:00"]


def test_placeholder_epochs_drop_their_rows_only():
    posts, report = read("epoch_placeholder.csv")
    assert times(posts) == ["2026-01-05 10:00", "2026-01-05 11:00"]
    assert [(r, c) for r, c, _ in reasons(report)] == [(3, "created_at"), (4, "created_at")]


def test_count_suffixes_and_decimal_commas():
    posts, _ = read("counts_decimal.csv")
    assert posts["likes"].tolist() == [1200, 1234] and posts["shares"].tolist() == [12, 3]


def test_ambiguous_dates_say_so():
    posts, report = read("ambiguous_dates.csv")
    assert any("dayfirst=False" in w for w in report.warnings)
    assert times(read("ambiguous_dates.csv", dayfirst=False)[0]) == ["2026-03-04 10:00", "2026-05-06 11:00"]


def test_french_and_german_month_names():
    assert times(read("month_names.csv")[0]) == ["2026-03-05 10:00", "2026-03-06 11:00"]


@pytest.mark.parametrize("name", ["utf16_nobom.csv", "posts.csv.gz", "posts.zip", "posts.xlsx"])
def test_packed_and_encoded_tables(name):
    posts, report = read(name)
    assert posts["text"].tolist() == ["Café crème", "Bonjour"]
    assert times(posts) == ["2026-01-05 10:00", "2026-01-05 11:00"] and report.rows_dropped == 0


@pytest.mark.parametrize(
    "name, rows_read, rows_kept, reason",
    [
        ("header_only.csv", 0, 0, None),
        ("excel_sep_line.csv", 1, 1, None),
        ("duplicates.csv", 3, 2, "duplicate of row 2"),
        ("scientific_ids.csv", 1, 1, None),
        ("mixed_zones.csv", 3, 3, None),
        ("twitter_v1_bad_time.json", 1, 0, "cannot read time 'garbage'"),
        ("extra_field.csv", 2, 1, "expected 3 fields, found 4"),
        ("quote_never_closed.csv", 1, 0, "never closed"),
        ("tabs.tsv", 1, 1, None),
        ("bom_crlf.csv", 1, 1, None),
    ],
)
def test_row_accounting(name, rows_read, rows_kept, reason):
    posts, report = read(name)
    assert (report.rows_read, report.rows_kept) == (rows_read, rows_kept)
    if reason:
        assert reason in report.dropped["reason"].iloc[0]


def test_values_read_right():
    posts, report = read("scientific_ids.csv")
    assert posts.loc[0, "text"] == "a & b" and posts.loc[0, "likes"] == 1234
    assert any("scientific notation" in w for w in report.warnings)
    assert times(read("mixed_zones.csv")[0]) == ["2026-01-05 09:00", "2026-01-05 10:00", "2026-01-05 10:00"]
