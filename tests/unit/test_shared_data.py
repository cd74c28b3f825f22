"""The readers on real public exports in ../shared/data (never copied into the repository).

Skipped cleanly where that folder is absent. What each file should give is written out here, so
that a change in the readers that loses or misreads rows of a real export fails loudly.
"""

from __future__ import annotations

import csv
import html
from pathlib import Path

import pandas as pd
import pytest

from kit import io, schema
from kit.io import InputError
from kit.io._base import snowflake_times

DATA = Path(__file__).resolve().parents[2].parent / "shared" / "data"

pytestmark = [
    pytest.mark.shared,
    pytest.mark.skipif(not DATA.is_dir(), reason=f"{DATA} is absent (real datasets live next to the repository)"),
]

CRISISLEX = sorted(DATA.glob("crisislex_t26/*/")) if DATA.is_dir() else []
LABELLED = sorted(DATA.glob("crisislex_t26/*/*-tweets_labeled.csv")) if DATA.is_dir() else []
ENTIRE = sorted(DATA.glob("crisislex_t26/*/*-tweetids_entire_period.csv")) if DATA.is_dir() else []


def records(path: Path) -> int:
    """Data records in a CSV file, counted independently of the kit (header excluded, blank lines skipped)."""
    with open(path, encoding="utf-8-sig", newline="") as fh:
        return sum(1 for rec in csv.reader(fh) if rec) - 1


def check_accounting(report, n: int) -> None:
    assert report.rows_read == n
    assert report.rows_kept + report.rows_dropped == n
    assert report.dropped["reason"].notna().all() and (report.dropped["reason"].str.len() > 0).all()


# --- Twitter US Airline Sentiment ----------------------------------------------------------------------


def test_airline_tweets_every_row_accounted_for():
    path = DATA / "airline_tweets" / "Tweets.csv"
    assert io.detect(path) == "csv"
    posts, report = io.read(path)
    check_accounting(report, 14_640)
    # the export repeats 155 tweets verbatim: dropped as duplicates of their first row, nothing else dropped
    assert report.rows_dropped == report.duplicates == 155
    assert report.dropped["reason"].str.fullmatch(r"duplicate of row \d+").all()
    assert set(report.dropped["column"]) == {"post_id"}
    # ids in scientific notation were replaced by stable surrogates
    assert report.surrogate_ids == 14_485 and posts["post_id"].str.startswith("s-").all()
    assert posts["post_id"].is_unique
    # day-first dotted dates, all within the collection window (16-24 Feb 2015)
    assert "times read with format '%d-%m-%Y %H.%M'" in report.warnings
    assert posts["created_at"].min() >= pd.Timestamp("2015-02-16", tz="UTC")
    assert posts["created_at"].max() < pd.Timestamp("2015-02-25", tz="UTC")
    assert posts["created_at"].dt.strftime("%Y-%m").eq("2015-02").all()
    # airline -> actor, negativereason kept as an extra column
    assert report.columns_mapped["actor"] == "airline"
    assert set(posts["actor"]) == {"Virgin America", "United", "Southwest", "Delta", "US Airways", "American"}
    assert "x_negativereason" in posts.columns
    assert posts["x_negativereason"].value_counts().index[0] == "Customer Service Issue"
    assert set(posts["platform"]) == {"twitter"}
    assert posts["source_row"].min() == 2 and posts["source_row"].max() == 14_641
    schema.validate(posts)


def test_airline_tweets_read_deterministically():
    path = DATA / "airline_tweets" / "Tweets.csv"
    first, _ = io.read(path)
    second, _ = io.read(path)
    assert first["post_id"].tolist() == second["post_id"].tolist()


# --- CrisisLex T26 -------------------------------------------------------------------------------------


def test_crisislex_has_the_expected_files():
    assert len(CRISISLEX) == 13 and len(LABELLED) == 13 and len(ENTIRE) == 12  # Boston has no entire-period file


@pytest.mark.parametrize("path", ENTIRE, ids=lambda p: p.parent.name)
def test_crisislex_entire_period_files_read_with_full_accounting(path):
    posts, report = io.read(path)
    check_accounting(report, records(path))
    assert report.columns_mapped["created_at"] == "Timestamp" and report.columns_mapped["post_id"] == "Tweet-ID"
    assert "times read with format '%a %b %d %H:%M:%S %z %Y'" in report.warnings
    # the only rows dropped are ids collected twice
    assert report.dropped["reason"].str.fullmatch(r"duplicate of row \d+").all()
    assert posts["post_id"].str.fullmatch(r"\d{17,19}").all() and posts["post_id"].is_unique
    year = int(path.parent.name[:4])
    assert posts["created_at"].dt.year.isin([year, year + 1]).all()
    assert set(posts["x_included_y_n"]) <= {"Y", "N"}
    schema.validate(posts)


@pytest.mark.parametrize("path", LABELLED, ids=lambda p: p.parent.name)
def test_crisislex_labelled_files_need_times_and_say_how(path):
    """The labelled tweets carry no time column. Reading them plainly is an error that says what to do;
    ``time_from_id=True`` takes each tweet's time from its id, where X/Twitter writes it."""
    with pytest.raises(InputError) as err:
        io.read(path)
    assert str(err.value) == (
        f"{path}: no column gives the time of posts; columns are ['Tweet ID', 'Tweet Text', 'Information Source', "
        "'Information Type', 'Informativeness']; pass mapping={'created_at': COLUMN}, or time_from_id=True to take "
        "the times from the X/Twitter ids in column 'Tweet ID' (a tweet id holds its creation time)"
    )

    posts, report = io.read(path, time_from_id=True)
    check_accounting(report, records(path))
    assert report.rows_dropped == 0
    assert report.columns_mapped["text"] == "Tweet Text"
    assert report.columns_mapped["created_at"] == "Tweet ID (time written in the X/Twitter id)"
    # the headers have leading spaces: stripped, so the labels land in tidy extra columns
    assert {"x_information_source", "x_information_type", "x_informativeness"} <= set(posts.columns)
    assert posts["x_informativeness"].notna().all()
    year = int(path.parent.name[:4])
    assert posts["created_at"].dt.year.eq(year).all()
    # HTML entities are decoded once, as X/Twitter encoded them once ("&amp;amp;" in a few tweets stays "&amp;")
    with open(path, encoding="utf-8", newline="") as fh:
        written = {rec[0]: rec[1] for rec in list(csv.reader(fh))[1:] if rec}
    assert posts["text"].tolist() == [html.unescape(written[i]).replace("\r\n", "\n") for i in posts["post_id"]]
    schema.validate(posts)

    # the times agree with the collection's own timestamps (to the seconds of clock skew between
    # the machine that made the id and the one that stamped the tweet)
    entire = path.with_name(path.name.replace("tweets_labeled", "tweetids_entire_period"))
    if entire.exists():
        stamps, _ = io.read(entire)
        both = posts.merge(stamps[["post_id", "created_at"]], on="post_id", suffixes=("", "_collected"))
        assert len(both) >= 0.95 * len(posts)
        gap = (both["created_at"] - both["created_at_collected"]).abs()
        assert gap.max() < pd.Timedelta(seconds=60)
        assert (gap < pd.Timedelta(seconds=1)).mean() > 0.95


# --- French media on Twitter ---------------------------------------------------------------------------


def test_french_media_tweets_join_date_and_time_of_day():
    path = DATA / "french_media_twitter" / "tweets.csv"
    posts, report = io.read(path)
    check_accounting(report, 2_800)
    assert report.rows_dropped == 0
    assert report.columns_mapped["created_at"] == "date + heure_UTC0"
    assert report.columns_mapped["post_id"] == "id_tweet" and report.columns_mapped["author_id"] == "id_compte"
    assert {c: report.columns_mapped[c] for c in ("likes", "shares", "comments", "quotes")} == {
        "likes": "like_count",
        "shares": "retweet_count",
        "comments": "reply_count",
        "quotes": "quote_count",
    }
    first = posts.iloc[0]
    assert first["post_id"] == "1526540472222638081"
    assert first["created_at"] == pd.Timestamp("2022-05-17 12:29:44", tz="UTC")
    assert posts["created_at"].min() >= pd.Timestamp("2022-01-01", tz="UTC")
    assert posts["created_at"].max() < pd.Timestamp("2022-06-01", tz="UTC")
    # heure_UTC0 is UTC: each time is its tweet id's time, to the second
    gap = (snowflake_times(posts["post_id"]) - posts["created_at"]).abs()
    assert gap.max() < pd.Timedelta(seconds=1)
    assert posts["author_id"].nunique() == 28
    assert set(posts["platform"]) == {"twitter"}
    assert posts["text"].str.contains("\n", regex=False).any()  # multi-line tweets survived as one post
    schema.validate(posts)


def test_french_media_accounts_is_not_a_post_table():
    path = DATA / "french_media_twitter" / "accounts.csv"
    with pytest.raises(InputError) as err:
        io.read(path)
    # ';'-separated and read as such; account ids are not tweet ids, so no time_from_id hint
    assert str(err.value) == (
        f"{path}: no column gives the time of posts; columns are "
        "['pseudo', 'id', 'description', 'nb_followers']; pass mapping={'created_at': COLUMN}"
    )
