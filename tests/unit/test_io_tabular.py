"""CSV, listening, page-insights and Parquet readers: every fixture, every malformed input, exact accounting.

Row numbers are spreadsheet rows: the header is row 1 (after any preamble lines), the first post row 2.
"""

from __future__ import annotations

import csv
import time

import numpy as np
import pandas as pd
import pytest

from kit import io, schema
from kit.io import InputError
from kit.io.tabular import read_csv, read_insights, read_listening, read_parquet

UTC = "UTC"


def ts(text: str) -> pd.Timestamp:
    return pd.Timestamp(text, tz=UTC)


def dropped(report) -> list[tuple]:
    """The dropped rows as plain ``(row, column, reason)`` tuples, for exact comparison."""
    return [
        (int(r.source_row), r.column if isinstance(r.column, str) else None, r.reason)
        for r in report.dropped.itertuples()
    ]


def accounted(report) -> bool:
    return report.rows_read == report.rows_kept + report.rows_dropped


HEADER = "post_id,created_at,author_handle,text,likes,kind\n"


# === the fixtures, read as a user would ============================================================


@pytest.mark.parametrize(
    "name, fmt",
    [
        ("generic_clean.csv", "csv"),
        ("spreadsheet_mangled.csv", "csv"),
        ("brandwatch_mentions.csv", "listening"),
        ("talkwalker_export.csv", "listening"),
        ("facebook_insights.csv", "insights"),
        ("mixed_offsets.csv", "csv"),
        ("windows1252.csv", "csv"),
        ("script_text.csv", "csv"),
    ],
)
def test_every_fixture_is_detected_and_reads_into_a_valid_table(csv_fixture, name, fmt):
    path = csv_fixture(name)
    assert io.detect(path) == fmt
    posts, report = io.read(path)
    assert report.format == fmt
    assert accounted(report)
    assert posts["post_id"].is_unique
    assert (posts["source_file"] == name).all()
    assert list(posts.columns[: len(schema.COLUMN_NAMES)]) == list(schema.COLUMN_NAMES)
    assert all(c.startswith("x_") for c in posts.columns[len(schema.COLUMN_NAMES) :])
    schema.validate(posts)


def test_generic_clean_csv(csv_fixture):
    posts, report = read_csv(csv_fixture("generic_clean.csv"))
    assert (report.rows_read, report.rows_kept, report.rows_dropped) == (5, 5, 0)
    assert report.warnings == []
    assert report.columns_mapped["created_at"] == "created_at"
    assert list(posts["post_id"]) == ["1001", "1002", "1003", "1004", "1005"]
    assert list(posts["source_row"]) == [2, 3, 4, 5, 6]
    assert list(posts["platform"]) == ["twitter", "twitter", "twitter", "mastodon", "twitter"]
    assert list(posts["kind"]) == ["original", "reply", "repost", "original", "quote"]  # 'retweet' -> 'repost'
    assert list(posts["media_format"]) == ["link", "text", "text", "image", "video"]
    assert posts["created_at"].iloc[1] == ts("2026-03-01 08:05:12")
    assert posts["parent_id"].iloc[1] == "1001" and pd.isna(posts["parent_id"].iloc[0])
    assert posts["likes"].tolist() == [340, 2, 0, 17, 1]
    assert posts["views"].isna().sum() == 3
    assert posts["author_followers"].iloc[0] == 120500
    assert posts["text"].iloc[3] == 'Quel retard à Orly ce matin, merci "Acme" !'
    assert posts["text"].iloc[4] == "This is the way to fly 👉 https://example.com/review"
    assert posts["author_handle"].iloc[3] == "marie@eu.social"


def test_spreadsheet_mangled_csv(csv_fixture):
    posts, report = read_csv(csv_fixture("spreadsheet_mangled.csv"))
    # BOM stripped from the first header: the id column was found by its name
    assert report.columns_mapped["post_id"] == "tweet_id"
    assert not any("\ufeff" in c for c in posts.columns)
    assert (report.rows_read, report.rows_kept, report.rows_dropped) == (4, 4, 0)
    # ids in scientific notation cannot identify tweets: stable surrogates, and a warning
    assert report.surrogate_ids == 4
    assert posts["post_id"].str.fullmatch(r"s-[0-9a-f]{16}").all()
    assert (
        "4 ids are in scientific notation (a spreadsheet rounded them; e.g. '5.70306E+17'): they cannot "
        "identify posts and were replaced by surrogates"
    ) in report.warnings
    # day-first dotted times
    assert "times read with format '%d-%m-%Y %H.%M'" in report.warnings
    assert list(posts["created_at"]) == [
        ts("2015-02-24 11:35"),
        ts("2015-02-24 11:15"),
        ts("2015-02-13 09:05"),
        ts("2015-02-03 17:40"),
    ]
    # entities decoded, thousands separators read
    assert posts["text"].iloc[1] == "@VirginAmerica plus you've added commercials & it's tacky."
    assert posts["text"].iloc[3] == "@JetBlue <3 the crew & the snacks"
    assert posts["shares"].tolist() == [0, 1234, 2, 12000]
    # the quoted text over two lines is one post, and the rows after it keep their spreadsheet numbers
    assert posts["text"].iloc[2] == "@united delayed again.\nSecond line of the same tweet; with a semicolon."
    assert list(posts["source_row"]) == [2, 3, 4, 5]
    assert list(posts["actor"]) == ["Virgin America", "Virgin America", "United", "Delta"]
    assert posts["x_negativereason"].iloc[2] == "Late Flight"
    assert list(posts["platform"].unique()) == ["twitter"]


def test_brandwatch_export_skips_the_preamble_and_keeps_spreadsheet_rows(csv_fixture):
    posts, report = read_listening(csv_fixture("brandwatch_mentions.csv"))
    assert "skipped 6 lines above the header (report metadata)" in report.warnings
    assert (report.rows_read, report.rows_kept, report.rows_dropped) == (5, 5, 0)
    assert list(posts["source_row"]) == [8, 9, 10, 11, 12]  # header on row 7
    assert report.columns_mapped == {
        "post_id": "Resource Id",
        "created_at": "Date",
        "author_handle": "Author",
        "author_followers": "Twitter Followers",
        "likes": "Likes",
        "shares": "Twitter Retweets",
        "reach": "Reach (new)",
        "lang": "Language",
        "url": "Url",
        "kind": "Thread Entry Type",
        "platform": "Page Type",
        "actor": "Query Name",
        "country": "Country",
        "text": "Full Text",
        "views": "Impressions",
    }
    assert list(posts["platform"]) == ["twitter", "news", "twitter", "forum", "reddit"]
    assert list(posts["kind"]) == ["original", "original", "repost", "reply", "original"]
    assert list(posts["actor"]) == ["Acme Air", "Acme Air", "Acme Air", "SkyLine", "Acme Air"]
    assert list(posts["x_sentiment"]) == ["negative", "neutral", "negative", "positive", "negative"]
    assert posts["x_title"].iloc[1] == "Acme Air cancels 40 flights"
    assert posts["created_at"].iloc[2] == ts("2026-03-01 10:07:30")
    assert posts["views"].tolist()[:3] == [1250, pd.NA, 15000]
    assert posts["reach"].tolist() == [900, 25000, 11000, 800, 1200]


def test_brandwatch_bad_date_is_reported_at_its_spreadsheet_row(csv_fixture, write_csv):
    text = csv_fixture("brandwatch_mentions.csv").read_text()
    text = text.replace("2026-03-01 11:20:00.0", "sometime Sunday")
    posts, report = read_listening(write_csv(text, "brandwatch_bad.csv"))
    assert dropped(report) == [(11, "created_at", "cannot read time 'sometime Sunday'")]
    assert list(posts["source_row"]) == [8, 9, 10, 12]
    with pytest.raises(InputError) as err:
        read_listening(write_csv(text, "brandwatch_bad.csv"), strict=True)
    assert str(err.value).endswith(
        "brandwatch_bad.csv: row 11, column 'created_at': cannot read time 'sometime Sunday'"
    )


def test_semicolon_export_with_a_preamble(csv_fixture, write_csv):
    lines = csv_fixture("brandwatch_mentions.csv").read_text().splitlines()
    table = ["\n".join(";".join(f'"{v}"' if ";" in v or "," in v else v for v in rec) for rec in csv.reader(lines[6:]))]
    posts, report = read_listening(write_csv("\n".join(lines[:6] + table) + "\n", "bw_semicolon.csv"))
    assert "skipped 6 lines above the header (report metadata)" in report.warnings
    assert (report.rows_read, report.rows_kept) == (5, 5)
    assert list(posts["source_row"]) == [8, 9, 10, 11, 12]
    assert posts["text"].iloc[0] == "@acme_air my flight to Lyon was cancelled, no explanation"
    assert report.columns_mapped["platform"] == "Page Type"


def test_talkwalker_export(csv_fixture):
    posts, report = read_listening(csv_fixture("talkwalker_export.csv"))
    assert report.columns_mapped["text"] == "content"
    assert report.columns_mapped["platform"] == "source_type"
    assert list(posts["platform"]) == ["twitter", "news", "blog", "forum"]
    assert list(posts["created_at"]) == [
        ts("2026-03-01 10:00"),
        ts("2026-03-01 10:30"),
        ts("2026-03-01 12:00"),
        ts("2026-03-01 13:15"),
    ]
    assert posts["text"].iloc[1].startswith("Acme Air a annulé 40 vols")
    assert list(posts["x_title"].fillna("")) == [
        "",
        "Acme Air annule 40 vols",
        "Why I still fly Acme",
        "Best airline for Lyon?",
    ]
    assert list(posts["x_engagement"]) == ["4", "120", "12", "2"]
    assert posts["reach"].iloc[1] == 2_500_000
    assert list(posts["author_name"])[:2] == ["Jane Doe", "Le Monde"]
    assert "4 rows had no id and were given surrogate ids" in report.warnings
    assert posts["post_id"].is_unique


def test_listening_keeps_an_explicit_text_mapping(csv_fixture):
    posts, report = read_listening(csv_fixture("talkwalker_export.csv"), {"text": "title"})
    assert report.columns_mapped["text"] == "title"
    assert posts["text"].iloc[1] == "Acme Air annule 40 vols"
    assert posts["x_content"].iloc[1].startswith("Acme Air a annulé")


def test_facebook_insights_description_row_is_dropped(csv_fixture):
    posts, report = read_insights(csv_fixture("facebook_insights.csv"))
    assert (report.rows_read, report.rows_kept, report.rows_dropped) == (5, 4, 1)
    assert dropped(report) == [(2, None, "metric description row under the header")]
    assert list(posts["source_row"]) == [3, 4, 5, 6]
    # month-first dates: 03/14 cannot be day-first, so the whole file is read month-first
    assert "times read with format '%m/%d/%Y %H:%M'" in report.warnings
    assert list(posts["created_at"]) == [
        ts("2026-03-01 10:00"),
        ts("2026-03-02 07:30"),
        ts("2026-03-14 18:45"),
        ts("2026-03-15 09:05"),
    ]
    assert list(posts["media_format"]) == ["image", "link", "video", "text"]
    assert posts["reach"].tolist() == [12400, 45200, 9100, 5300]
    assert posts["views"].tolist() == [18950, 61003, 14000, 7020]
    assert posts["likes"].tolist() == [830, 1204, 412, 266]
    assert posts["comments"].tolist() == [112, 988, 37, 51]
    assert posts["shares"].tolist() == [64, 310, 22, 8]
    assert set(posts["platform"]) == {"facebook"} and set(posts["actor_role"]) == {"brand"}
    assert set(posts["kind"]) == {"original"}
    assert posts["post_id"].iloc[0] == "123456789012345_1001"
    assert posts["author_handle"].iloc[0] == "Acme Air"


def test_insights_strict_does_not_fail_on_the_description_row(csv_fixture):
    posts, report = read_insights(csv_fixture("facebook_insights.csv"), strict=True)
    assert report.rows_kept == 4 and dropped(report) == [(2, None, "metric description row under the header")]


def test_insights_first_post_without_a_time_is_not_a_description_row(write_csv):
    path = write_csv(
        "Post ID,Publish time,Description,Reach,Impressions\n"
        "p1,,First post without a time,120,300\n"
        "p2,03/15/2026 09:05,Second post,50,80\n",
        "insights.csv",
    )
    posts, report = read_insights(path)
    assert dropped(report) == [(2, "created_at", "missing time")]
    assert list(posts["post_id"]) == ["p2"]


def test_mixed_offsets_become_utc_instants(csv_fixture):
    posts, report = read_csv(csv_fixture("mixed_offsets.csv"))
    assert list(posts["created_at"]) == [
        ts("2026-03-01 09:00"),
        ts("2026-03-01 09:30"),
        ts("2026-03-01 09:15"),
        ts("2026-03-02 04:30"),
    ]
    assert str(posts["created_at"].dtype) == "datetime64[ns, UTC]"
    assert not any("time zone" in w for w in report.warnings)


def test_naive_times_are_read_in_tz_even_next_to_zoned_ones(write_csv):
    path = write_csv(
        "id,created_at,text\n"
        "a,2026-03-01T10:00:00,naive\n"
        "b,2026-03-01T10:00:00+01:00,Paris\n"
        "c,2026-07-01 10:00:00,summer naive\n"
    )
    posts, report = read_csv(path, tz="Europe/Paris")
    assert list(posts["created_at"]) == [ts("2026-03-01 09:00"), ts("2026-03-01 09:00"), ts("2026-07-01 08:00")]
    assert "2 times had no time zone and were read as Europe/Paris (pass tz= to change)" in report.warnings


def test_windows_1252_file(csv_fixture):
    posts, report = read_csv(csv_fixture("windows1252.csv"))
    assert report.warnings[0] == "file is not UTF-8 (first bad byte on line 2); read as Windows-1252"
    assert posts["text"].iloc[0] == "Les prix de l’énergie : « une hausse de 8 € par mois »"
    assert posts["text"].iloc[2] == "Ça y est : le budget est adopté"
    assert list(posts["author_handle"]) == ["lemonde", "franceinfo", "liberation"]


def test_script_text_is_kept_verbatim_as_text(csv_fixture):
    posts, _ = read_csv(csv_fixture("script_text.csv"))
    assert posts["text"].iloc[0] == "<script>alert(1)</script>"
    assert posts["text"].iloc[1] == '<img src=x onerror="alert(2)"> <b>bold</b>'
    assert posts["text"].iloc[2] == "Tom & Jerry: 5 > 3"
    assert str(posts["text"].dtype) == "string"


def test_date_and_time_of_day_columns_are_joined(write_csv):
    path = write_csv(
        ",id_compte,id_tweet,date,heure_UTC0,text,like_count\n"
        "0,24744541,1526540472222638081,2022-05-17,12:29:44,Guerre en Ukraine,12\n"
        "1,24744541,1526540472222638082,,12:30:00,no date,3\n"
        "2,24744541,1526540472222638083,2022-05-17,,no time of day,4\n"
    )
    posts, report = read_csv(path)
    assert report.columns_mapped["created_at"] == "date + heure_UTC0"
    assert list(posts["created_at"]) == [ts("2022-05-17 12:29:44"), ts("2022-05-17 00:00")]
    # a time of day without its date is not read as today's date
    assert dropped(report) == [(3, "created_at", "missing time")]
    assert list(posts["platform"]) == ["twitter", "twitter"]
    assert "x_unnamed_0" in posts.columns


def test_time_from_id_reads_tweet_ids_without_times(write_csv):
    path = write_csv(
        "Tweet ID, Tweet Text, Information Source, Information Type, Informativeness\n"
        '"211040709124440064","Fire near Colorado Springs",Eyewitness,Caution and advice,Related\n'
        '"20","an id from before snowflakes",Media,Other,Not related\n',
        "labeled.csv",
    )
    with pytest.raises(InputError) as err:
        read_csv(path)
    assert str(err.value) == (
        f"{path}: no column gives the time of posts; columns are ['Tweet ID', 'Tweet Text', 'Information Source', "
        "'Information Type', 'Informativeness']; pass mapping={'created_at': COLUMN}, or time_from_id=True to take "
        "the times from the X/Twitter ids in column 'Tweet ID' (a tweet id holds its creation time)"
    )
    posts, report = read_csv(path, time_from_id=True)
    assert report.columns_mapped["created_at"] == "Tweet ID (time written in the X/Twitter id)"
    assert list(posts["created_at"]) == [ts("2012-06-08 10:23:20.659")]
    assert dropped(report) == [(3, "created_at", "no time: id '20' is not an X/Twitter id")]
    assert posts["x_information_type"].iloc[0] == "Caution and advice"
    with pytest.raises(InputError, match=r"labeled\.csv: row 3, column 'created_at': no time: id '20'"):
        read_csv(path, time_from_id=True, strict=True)
    with pytest.raises(InputError, match=r"pass either mapping\['created_at'\] or time_from_id=True, not both"):
        read_csv(path, {"created_at": "Tweet Text"}, time_from_id=True)


def test_parquet_round_trip(csv_fixture, tmp_path):
    posts, _ = read_csv(csv_fixture("generic_clean.csv"))
    path = tmp_path / "posts.parquet"
    posts.to_parquet(path)
    assert io.detect(path) == "parquet"
    again, report = read_parquet(path)
    assert report.format == "parquet" and accounted(report) and report.rows_kept == 5
    assert list(again["source_row"]) == [1, 2, 3, 4, 5]  # rows of the Parquet file now
    assert set(again["source_file"]) == {"posts.parquet"}
    keep = [c for c in schema.COLUMN_NAMES if c not in ("source_file", "source_row")]
    pd.testing.assert_frame_equal(again[keep], posts[keep])


def test_parquet_round_trip_keeps_literal_entities(write_csv, tmp_path):
    # the tweet's author wrote "&amp;" literally; the export encoded it once: read once, it must stay
    posts, _ = read_csv(write_csv("id,created_at,text\n1,2026-03-01T10:00:00Z,Kansas &amp;amp; Nebraska\n"))
    assert posts["text"].iloc[0] == "Kansas &amp; Nebraska"
    posts.to_parquet(tmp_path / "posts.parquet")
    again, _ = read_parquet(tmp_path / "posts.parquet")
    assert again["text"].iloc[0] == "Kansas &amp; Nebraska"


def test_parquet_foreign_table_with_a_mapping(tmp_path):
    path = tmp_path / "export.parquet"
    pd.DataFrame(
        {
            "id": ["a", "b"],
            "when": pd.to_datetime(["2026-03-01 10:00", "2026-03-01 11:00"]),
            "body": ["one", "two"],
            "favs": [3, -1],
        }
    ).to_parquet(path)
    posts, report = read_parquet(path, {"created_at": "when", "text": "body", "likes": "favs"}, platform="bluesky")
    assert list(posts["created_at"]) == [ts("2026-03-01 10:00"), ts("2026-03-01 11:00")]
    assert posts["likes"].tolist() == [3, pd.NA]
    assert any(w.startswith("column 'likes': 1 values are not counts (rows 2") for w in report.warnings)
    assert set(posts["platform"]) == {"bluesky"}


# === malformed input: exact messages and exact accounting ===========================================


def test_empty_file(write_csv):
    path = write_csv("")
    with pytest.raises(InputError) as err:
        read_csv(path)
    assert str(err.value) == f"{path}: the file is empty"
    with pytest.raises(InputError, match="the file is empty"):
        io.read(write_csv(" \n\n  \n", "blank.csv"))


def test_header_only(write_csv):
    posts, report = read_csv(write_csv(HEADER))
    assert (report.rows_read, report.rows_kept, report.rows_dropped) == (0, 0, 0)
    assert len(posts) == 0
    schema.validate(posts)


def test_missing_time_column_names_the_file_and_lists_columns(write_csv):
    path = write_csv("id,message,user\n1,hello,ann\n")
    with pytest.raises(InputError) as err:
        read_csv(path)
    assert str(err.value) == (
        f"{path}: no column gives the time of posts; columns are ['id', 'message', 'user']; "
        "pass mapping={'created_at': COLUMN}"
    )


def test_mapping_to_a_column_that_is_not_there(write_csv):
    path = write_csv(HEADER + "1,2026-03-01T10:00:00Z,ann,hello,1,original\n")
    with pytest.raises(InputError) as err:
        read_csv(path, {"text": "Message"})
    assert str(err.value) == (
        f"{path}: column 'Message' (mapped to 'text') is not in the file; columns are "
        "['post_id', 'created_at', 'author_handle', 'text', 'likes', 'kind']"
    )


def test_mapping_with_a_non_canonical_key(write_csv):
    path = write_csv(HEADER + "1,2026-03-01T10:00:00Z,ann,hello,1,original\n")
    with pytest.raises(InputError) as err:
        read_csv(path, {"body": "text"})
    assert str(err.value).startswith(f"{path}: mapping names ['body'], which are not canonical columns (post_id, ")
    assert str(err.value).endswith(", source_row) nor extra x_ columns")


def test_explicit_mapping_wins_and_extra_columns_can_be_named(write_csv):
    path = write_csv("id,when,body,mood\n1,2026-03-01T10:00:00Z,hello,happy\n")
    posts, report = read_csv(path, {"created_at": "when", "text": "body", "x_feeling": "mood"})
    assert posts["text"].iloc[0] == "hello" and posts["x_feeling"].iloc[0] == "happy"
    assert report.columns_mapped == {"post_id": "id", "created_at": "when", "text": "body", "x_feeling": "mood"}


def test_unparseable_date_is_dropped_naming_row_and_column(write_csv):
    path = write_csv(
        HEADER + "1,2026-03-01T10:00:00Z,ann,one,1,original\n"
        "2,2026-02-30T10:00:00Z,bob,two,1,original\n"
        "3,not a date,cy,three,1,original\n"
        "4,2026-03-01T11:00:00Z,dee,four,1,original\n"
    )
    posts, report = read_csv(path)
    assert dropped(report) == [
        (3, "created_at", "cannot read time '2026-02-30T10:00:00Z'"),
        (4, "created_at", "cannot read time 'not a date'"),
    ]
    assert (report.rows_read, report.rows_kept) == (4, 2)
    assert list(posts["source_row"]) == [2, 5]
    assert report.dropped_by_reason().to_dict() == {"created_at: cannot read time '...'": 2}


def test_words_that_pandas_reads_as_times_are_not_times(write_csv):
    # "now", "today" and a time of day alone would read as the moment of reading: never a post's time
    path = write_csv(
        HEADER + "1,now,ann,one,1,original\n2,today,bob,two,1,original\n3,12:00,cy,three,1,original\n"
        "4,0001-01-01T00:00:00Z,dee,four,1,original\n5,2026-03-01T10:00:00Z,eve,five,1,original\n"
    )
    posts, report = read_csv(path)
    assert dropped(report) == [
        (2, "created_at", "cannot read time 'now'"),
        (3, "created_at", "cannot read time 'today'"),
        (4, "created_at", "cannot read time '12:00'"),
        (5, "created_at", "cannot read time '0001-01-01T00:00:00Z'"),
    ]
    assert list(posts["post_id"]) == ["5"]


def test_empty_time_is_dropped(write_csv):
    path = write_csv(HEADER + "1,,ann,one,1,original\n2,   ,bob,two,1,original\n3,2026-03-01T10:00:00Z,cy,three,1,\n")
    posts, report = read_csv(path)
    assert dropped(report) == [(2, "created_at", "missing time"), (3, "created_at", "missing time")]
    assert list(posts["post_id"]) == ["3"]


def test_row_with_too_many_fields_is_dropped(write_csv):
    path = write_csv(
        HEADER + "1,2026-03-01T10:00:00Z,ann,one,1,original\n"
        "2,2026-03-01T10:01:00Z,bob,two, with an unquoted comma,1,original\n"
        "3,2026-03-01T10:02:00Z,cy,three,1,original\n"
    )
    posts, report = read_csv(path)
    assert dropped(report) == [(3, None, "expected 6 fields, found 7")]
    assert (report.rows_read, report.rows_kept) == (3, 2)
    assert list(posts["text"]) == ["one", "three"]
    with pytest.raises(InputError) as err:
        read_csv(path, strict=True)
    assert str(err.value) == f"{path}: row 3: expected 6 fields, found 7"


def test_repeated_column_names_survive_a_bad_row(write_csv):
    # a bad row sends the file through the careful reader: it must name repeated columns as pandas does
    for extra in ("", "3,2026-03-01T10:02:00Z,cy,three,x,y,z\n"):
        path = write_csv(
            "id,created_at,user,text,tag,tag\n1,2026-03-01T10:00:00Z,ann,one,a,b\n"
            "2,2026-03-01T10:01:00Z,bob,two,c,d\n" + extra
        )
        posts, report = read_csv(path)
        assert list(posts["x_tag"]) == ["a", "c"] and list(posts["x_tag_1"]) == ["b", "d"]
        assert accounted(report) and report.rows_dropped == (1 if extra else 0)


def test_first_row_with_too_many_fields_does_not_become_an_index(write_csv):
    path = write_csv(
        HEADER + "1,2026-03-01T10:00:00Z,ann,one, and more,1,original\n2,2026-03-01T10:01:00Z,bob,two,1,original\n"
    )
    posts, report = read_csv(path)
    assert dropped(report) == [(2, None, "expected 6 fields, found 7")]
    assert list(posts["post_id"]) == ["2"] and list(posts["text"]) == ["two"]


def test_row_with_too_few_fields_is_read_with_missing_values(write_csv):
    path = write_csv(HEADER + "1,2026-03-01T10:00:00Z,ann,one\n")
    posts, report = read_csv(path)
    assert report.rows_kept == 1 and pd.isna(posts["likes"].iloc[0]) and posts["kind"].iloc[0] == "original"


def test_unclosed_quote_is_reported(write_csv):
    path = write_csv(
        HEADER + '1,2026-03-01T10:00:00Z,ann,one,1,original\n2,2026-03-01T10:01:00Z,bob,"two,1,original\n'
        "3,2026-03-01T10:02:00Z,cy,three,1,original\n"
    )
    posts, report = read_csv(path)
    assert accounted(report)
    assert list(posts["post_id"]) == ["1"]
    assert dropped(report) == [
        (3, None, "a quote opened in this row is never closed: lines 3-4 were read as one field")
    ]
    # in the last column the field count still matches: the rest of the file must not become one post's text
    path = write_csv(
        HEADER + '1,2026-03-01T10:00:00Z,ann,one,1,original\n2,2026-03-01T10:01:00Z,bob,two,1,"original\n'
        "3,2026-03-01T10:02:00Z,cy,three,1,original\n4,2026-03-01T10:03:00Z,dee,four,1,original\n",
        "cut.csv",
    )
    posts, report = read_csv(path)
    assert list(posts["post_id"]) == ["1"]
    assert dropped(report) == [
        (3, None, "a quote opened in this row is never closed: lines 3-5 were read as one field")
    ]


def test_negative_and_non_numeric_counts_become_missing_with_a_warning(write_csv):
    path = write_csv(
        HEADER + "1,2026-03-01T10:00:00Z,ann,one,-3,original\n"
        "2,2026-03-01T10:01:00Z,bob,two,lots,original\n"
        "3,2026-03-01T10:02:00Z,cy,three,1.2K,original\n"
        "4,2026-03-01T10:03:00Z,dee,four,,original\n"
    )
    posts, report = read_csv(path)
    assert posts["likes"].tolist() == [pd.NA, pd.NA, 1200, pd.NA]
    assert ("column 'likes': 2 values are not counts (rows 2, 3, e.g. '-3'); set to missing") in report.warnings
    assert report.rows_kept == 4
    schema.validate(posts)


def test_unknown_kind_values_are_read_as_original_with_a_warning(write_csv):
    path = write_csv(
        HEADER + "1,2026-03-01T10:00:00Z,ann,one,1,Retweet\n"
        "2,2026-03-01T10:01:00Z,bob,two,1,storyline\n"
        "3,2026-03-01T10:02:00Z,cy,three,1,\n"
    )
    posts, report = read_csv(path)
    assert list(posts["kind"]) == ["repost", "original", "original"]
    assert "column 'kind': unknown values ['storyline'] at rows 3; read as original" in report.warnings


def test_unknown_media_format_and_paid_values(write_csv):
    path = write_csv(
        "id,created_at,media_type,sponsored\n1,2026-03-01T10:00:00Z,hologram,maybe\n2,2026-03-01T10:01:00Z,Photo,Yes\n"
    )
    posts, report = read_csv(path)
    assert posts["media_format"].tolist() == [pd.NA, "image"]
    assert posts["paid"].tolist() == [pd.NA, True]
    assert "column 'media_format': unknown values ['hologram'] at rows 2; read as missing" in report.warnings
    assert "column 'paid': values that are not yes/no at rows 2; set to missing" in report.warnings


def test_unknown_platform_is_other_and_kept(write_csv):
    path = write_csv("id,created_at,network\n1,2026-03-01T10:00:00Z,Tumblr\n2,2026-03-01T10:01:00Z,X\n")
    posts, report = read_csv(path)
    assert list(posts["platform"]) == ["other", "twitter"]
    assert list(posts["x_platform"]) == ["Tumblr", "X"]
    assert (
        "column 'platform': values ['Tumblr'] name no known platform at rows 2; read as 'other' "
        "(the values are kept in x_platform)"
    ) in report.warnings


def test_exact_duplicate_rows(write_csv):
    row = "7,2026-03-01T10:00:00Z,ann,same post,1,original\n"
    path = write_csv(HEADER + row + "8,2026-03-01T10:01:00Z,bob,other post,1,original\n" + row + row)
    posts, report = read_csv(path)
    assert dropped(report) == [(4, "post_id", "duplicate of row 2"), (5, "post_id", "duplicate of row 2")]
    assert (report.rows_read, report.rows_kept, report.duplicates) == (4, 2, 2)
    assert "2 duplicate rows dropped" in report.warnings
    assert list(posts["post_id"]) == ["7", "8"]
    with pytest.raises(InputError) as err:
        read_csv(path, strict=True)
    assert str(err.value) == f"{path}: row 4, column 'post_id': duplicate of row 2"


def test_duplicates_without_ids_are_found_by_content(write_csv):
    path = write_csv(
        "created_at,user,text\n2026-03-01T10:00:00Z,ann,hi\n2026-03-01T10:00:00Z,ann,hi\n2026-03-01T10:00:00Z,bob,hi\n"
    )
    posts, report = read_csv(path)
    assert dropped(report) == [(3, "post_id", "duplicate of row 2")]
    assert posts["post_id"].is_unique and len(posts) == 2


def test_same_id_different_content_gets_surrogates(write_csv):
    path = write_csv(
        HEADER + "42,2026-03-01T10:00:00Z,ann,first text,1,original\n"
        "42,2026-03-01T10:05:00Z,bob,second text,1,original\n"
        "43,2026-03-01T10:06:00Z,cy,third,1,original\n"
    )
    posts, report = read_csv(path)
    assert report.rows_kept == 3 and report.rows_dropped == 0
    assert posts["post_id"].is_unique
    assert posts["post_id"].iloc[0].startswith("42~") and posts["post_id"].iloc[1].startswith("42~")
    assert posts["post_id"].iloc[2] == "43"
    assert report.surrogate_ids == 2
    assert (
        "2 rows share an id with another row that has different content (rows 2, 3); they were given surrogate ids"
    ) in report.warnings


def test_sci_notation_ids(write_csv):
    path = write_csv(
        "tweet_id,tweet_created,text\n5.70306E+17,24-02-2015 11.35,a\n5,70301E+17,24-02-2015 11.15,b\n".replace(
            "5,70301E+17", '"5,70301E+17"'
        )
    )
    posts, report = read_csv(path)
    assert report.surrogate_ids == 2
    assert posts["post_id"].str.startswith("s-").all() and posts["post_id"].is_unique
    assert report.warnings[-1] == (
        "2 ids are in scientific notation (a spreadsheet rounded them; e.g. "
        "'5.70306E+17'): they cannot identify posts and were replaced by surrogates"
    )


def test_strict_mode_names_file_row_and_column(write_csv):
    path = write_csv(HEADER + "1,2026-03-01T10:00:00Z,ann,one,1,original\n2,,bob,two,1,original\n", "strict.csv")
    with pytest.raises(InputError) as err:
        read_csv(path, strict=True)
    assert str(err.value) == f"{path}: row 3, column 'created_at': missing time"
    with pytest.raises(InputError) as err:
        io.read(path, strict=True)
    assert str(err.value) == f"{path}: row 3, column 'created_at': missing time"


def test_blank_lines_keep_spreadsheet_rows(write_csv):
    path = write_csv(HEADER + "1,2026-03-01T10:00:00Z,ann,one,1,original\n\n2,bad,bob,two,1,original\n")
    posts, report = read_csv(path)
    assert dropped(report) == [(4, "created_at", "cannot read time 'bad'")]
    assert list(posts["source_row"]) == [2]


def test_unicode_line_separators_inside_posts_are_kept(write_csv):
    text = "first\u2028second\x85third"
    path = write_csv("Report:,Mentions\nExported:,today\n\n" + HEADER + f'1,2026-03-01T10:00:00Z,ann,"{text}",1,post\n')
    posts, report = read_csv(path)
    assert posts["text"].iloc[0] == text
    assert list(posts["source_row"]) == [5]


def test_detect_and_read_errors(tmp_path, write_csv):
    missing = tmp_path / "nope.csv"
    with pytest.raises(InputError) as err:
        io.detect(missing)
    assert str(err.value) == f"{missing}: no such file"
    broken = write_csv("not parquet at all", "broken.parquet")
    with pytest.raises(InputError, match=r"broken\.parquet: not a readable Parquet file"):
        read_parquet(broken)
    with pytest.raises(InputError, match=r"unknown format 'xlsx'; known: csv, listening, insights, parquet"):
        io.read(write_csv(HEADER), format="xlsx")


def test_reading_does_not_mutate_the_mapping(write_csv, csv_fixture):
    mapping = {"text": "title"}
    read_listening(csv_fixture("talkwalker_export.csv"), mapping)
    assert mapping == {"text": "title"}
    mapping = {"text": "Description"}
    read_insights(csv_fixture("facebook_insights.csv"), mapping)
    assert mapping == {"text": "Description"}


# === scale ========================================================================================


@pytest.mark.slow
def test_a_million_rows_read_in_well_under_a_minute(tmp_path):
    n = 1_000_000
    rng = np.random.default_rng(0)
    frame = pd.DataFrame(
        {
            "id": np.arange(n).astype(str),
            "created_at": (
                pd.Timestamp("2026-01-01", tz=UTC) + pd.to_timedelta(rng.integers(0, 86400 * 60, n), "s")
            ).strftime("%Y-%m-%dT%H:%M:%SZ"),
            "user": rng.choice(["ann", "bob", "cy", "dee"], n),
            "text": np.char.add('post, "quoted" ', np.arange(n).astype(str)),
            "likes": rng.integers(0, 1000, n),
            "kind": rng.choice(["tweet", "retweet", "reply"], n),
            "network": rng.choice(["twitter", "SOCIALMEDIA_TWITTER", "news"], n),
        }
    )
    path = tmp_path / "big.csv"
    frame.to_csv(path, index=False)
    start = time.perf_counter()
    posts, report = read_csv(path)
    elapsed = time.perf_counter() - start
    assert report.rows_kept == n and posts["post_id"].is_unique
    assert elapsed < 45, f"read {n} rows in {elapsed:.1f} s"
