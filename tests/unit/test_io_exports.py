"""Issue 14, point 1: exports with the headers people have read with no mapping (fixtures written by the
project in tests/fixtures/exports): dates, counts, texts and platforms right, the mapping and the unused
columns printed by ``kit inspect``."""

from __future__ import annotations

from pathlib import Path

import pandas as pd
import pytest

from kit import io
from kit.cli import main
from kit.io._headers import guess_mapping

EXPORTS = Path(__file__).resolve().parents[1] / "fixtures" / "exports"


def read(name: str):
    posts, report = io.read(EXPORTS / name)
    assert report.rows_read == report.rows_kept + report.rows_dropped
    return posts, report


def days(posts) -> list[str]:
    return posts["created_at"].dt.strftime("%Y-%m-%d %H:%M").tolist()


def test_french_headers():
    posts, report = read("french_headers.csv")
    assert report.rows_kept == 3
    assert days(posts) == ["2026-03-12 14:05", "2026-03-13 09:30", "2026-03-14 18:45"]  # day first
    assert posts["likes"].tolist() == [1200, 3, 250]  # "1,2k" is 1,200
    assert posts["shares"].tolist() == [48, 0, 7] and posts["comments"].tolist() == [12, 5, 31]
    assert posts["author_handle"].tolist() == ["trenova_fr", "voyageuse", "trenova_fr"]
    assert posts["text"].iloc[2] == "Merci pour vos messages, l'équipe répond 7j/7"
    assert report.columns_mapped["created_at"] == "Date de publication" and report.columns_mapped["likes"] == "J'aime"


def test_german_headers():
    posts, report = read("german_headers.csv")
    assert days(posts) == ["2026-03-15 08:10", "2026-03-16 12:00"]
    assert posts["likes"].tolist() == [12, 1234]  # "1.234": a German thousands separator
    assert posts["shares"].tolist() == [2, 56] and posts["comments"].tolist() == [4, 78]
    assert posts["text"].iloc[1] == "Neue Verbindung München–Wien ab Mai"
    assert report.columns_mapped["created_at"] == "Veröffentlicht" and report.columns_mapped["text"] == "Beitrag"


def test_linkedin_page_export():
    posts, report = read("linkedin_page.csv")
    # "03/15/2026" can only be month first, so "03/12/2026" is March 12 too (one order for the column)
    assert days(posts) == ["2026-03-12 00:00", "2026-03-15 00:00"]
    assert posts["platform"].tolist() == ["linkedin", "linkedin"]  # from the links, not "facebook"
    assert posts["paid"].tolist() == [False, True]  # "Post type": Organic / Sponsored
    assert posts["media_format"].tolist() == ["image", "video"]  # "Content type"
    assert posts["views"].tolist() == [5400, 12000] and posts["reach"].tolist() == [3100, 8000]
    assert posts["likes"].tolist() == [88, 150] and posts["shares"].tolist() == [4, 31]
    assert posts["text"].tolist() == ["We are hiring engineers in Lyon", "Our 2025 report is out"]
    assert set(report.columns_unused) == {"Clicks", "Engagement rate"}


def test_instagram_insights():
    posts, report = read("instagram_insights.csv")
    assert days(posts) == ["2026-03-10 00:00", "2026-03-11 00:00"]
    assert posts["platform"].tolist() == ["instagram", "instagram"]
    assert posts["views"].tolist() == [8200, 4100] and posts["reach"].tolist() == [6100, 3500]
    assert posts["likes"].tolist() == [540, 210] and posts["comments"].tolist() == [18, 5]
    assert posts["text"].iloc[0] == "Spring timetable 🌸 #trains"
    assert set(report.columns_unused) == {"Saves", "Engagement rate"}


def test_listening_tool_export():
    posts, report = read("listening_tool.csv")
    assert days(posts) == ["2026-03-20 10:15", "2026-03-20 11:02", "2026-03-21 07:45"]
    assert posts["platform"].tolist() == ["twitter"] * 3  # twitter.com links
    assert posts["lang"].tolist() == ["en", "es", "en"] and posts["country"].iloc[1] == "Spain"
    assert posts["kind"].tolist() == ["original", "original", "repost"]  # "RT @trenova: ..."
    assert posts["text"].iloc[0].startswith("Trenova strike tomorrow?")
    assert posts["x_sentiment"].tolist() == ["neutral", "negative", "positive"]  # kept, not used


@pytest.mark.parametrize(
    "columns, expected",
    [
        (
            ["Veröffentlicht", "Text", "Gefällt mir", "Geteilt", "Kommentare"],
            {"created_at": "Veröffentlicht", "text": "Text"},
        ),
        (["Date de publication", "Message", "J'aime", "Auteur"], {"text": "Message", "author_handle": "Auteur"}),
        (
            ["Date", "Author", "Full Text", "Url", "Sentiment", "Country", "Language"],
            {"text": "Full Text", "lang": "Language"},
        ),
        (
            ["Post title", "Post link", "Created date", "Impressions", "Reach", "Reactions"],
            {"likes": "Reactions", "views": "Impressions"},
        ),
    ],
)
def test_header_names(columns, expected):
    guessed = guess_mapping(columns)
    assert {k: guessed.get(k) for k in expected} == expected


def test_inspect_prints_mapping_and_unused_columns(capsys):
    assert main(["inspect", str(EXPORTS / "linkedin_page.csv")]) == 0
    out = capsys.readouterr().out
    assert "columns mapped:" in out and "created_at        <- Created date" in out
    assert "columns not used" in out and "Clicks" in out and "Engagement rate" in out
    assert "platforms:       linkedin 2" in out


def test_month_first_column_is_not_mixed():
    from kit.io._times import parse_times

    parsed, fmt, _ = parse_times(pd.Series(["03/12/2026", "03/15/2026"]))
    assert fmt == "%m/%d/%Y" and parsed.dt.strftime("%m-%d").tolist() == ["03-12", "03-15"]
