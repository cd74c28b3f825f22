"""The JSON platform readers: X/Twitter v1.1 and v2 (twarc2), Mastodon, Bluesky, Reddit.

Fixtures are small hand-written exports in tests/fixtures/json; every value asserted here can be
checked by reading the fixture.
"""

from __future__ import annotations

import json
from pathlib import Path

import pandas as pd
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from kit import io, schema
from kit.io import InputError
from kit.io._json import read_records
from kit.io._markup import html_to_text
from kit.io.bluesky import read_bluesky
from kit.io.mastodon import read_mastodon
from kit.io.reddit import read_reddit
from kit.io.twitter import read_twitter_v1, read_twitter_v2

FIX = Path(__file__).resolve().parents[1] / "fixtures" / "json"


def utc(stamp: str) -> pd.Timestamp:
    return pd.Timestamp(stamp, tz="UTC")


def check_accounting(report) -> None:
    assert report.rows_read == report.rows_kept + report.rows_dropped


def dropped(report) -> list[tuple[int, str | None, str]]:
    return [
        (int(r.source_row), r.column if isinstance(r.column, str) else None, r.reason)
        for r in report.dropped.itertuples()
    ]


# --- detection and the generic entry point ---------------------------------------------------------


@pytest.mark.parametrize(
    "name, fmt",
    [
        ("twitter_v1.json", "twitter_v1"),
        ("twitter_v1_malformed.jsonl", "twitter_v1"),
        ("twarc2_v2.jsonl", "twitter_v2"),
        ("twarc2_flat.jsonl", "twitter_v2"),
        ("twarc2_malformed.jsonl", "twitter_v2"),
        ("mastodon_statuses.json", "mastodon"),
        ("mastodon_malformed.jsonl", "mastodon"),
        ("bluesky_author_feed.json", "bluesky"),
        ("bluesky_search.json", "bluesky"),
        ("bluesky_records.json", "bluesky"),
        ("bluesky_malformed.jsonl", "bluesky"),
        ("reddit_listing.json", "reddit"),
        ("reddit_comments.json", "reddit"),
        ("reddit_pushshift.jsonl", "reddit"),
    ],
)
def test_detect_and_read(name, fmt):
    path = FIX / name
    assert io.detect(path) == fmt
    posts, report = io.read(path)
    assert report.format == fmt
    check_accounting(report)
    schema.validate(posts)
    assert list(posts.columns[: len(schema.COLUMN_NAMES)]) == list(schema.COLUMN_NAMES)
    assert (posts["source_file"] == name).all()
    assert posts["platform"].nunique() == 1
    # extra columns are typed: text or whole numbers, never Python objects
    for col in [c for c in posts.columns if c.startswith("x_")]:
        assert str(posts[col].dtype) in ("string", "Int64"), col


def test_empty_file_names_the_file(tmp_path):
    for reader in (read_twitter_v1, read_twitter_v2, read_mastodon, read_bluesky, read_reddit):
        with pytest.raises(InputError, match=r"empty\.json: the file is empty"):
            reader(FIX / "empty.json")
    with pytest.raises(InputError, match="empty.json"):
        io.read(FIX / "empty.json")
    blank = tmp_path / "blank.jsonl"
    blank.write_text("\n  \n", encoding="utf-8")
    with pytest.raises(InputError, match="blank.jsonl: the file is empty"):
        read_mastodon(blank)


def test_empty_array_gives_an_empty_table(tmp_path):
    path = tmp_path / "none.json"
    path.write_text("[]", encoding="utf-8")
    posts, report = read_mastodon(path)
    assert len(posts) == 0 and report.rows_read == 0
    schema.validate(posts)


def test_broken_document_is_an_error_naming_where(tmp_path):
    path = tmp_path / "cut.json"
    path.write_text('[{"id": "1", "created_at": "2024-03-01T10:00:00Z",\n "content": "<p>x', encoding="utf-8")
    with pytest.raises(InputError, match=r"cut\.json: not JSON or JSON lines \(line 2, column 13: Unterminated string"):
        read_mastodon(path)


def test_read_records_layouts(tmp_path):
    arr = read_records(FIX / "twitter_v1.json")
    assert arr.layout == "array" and [r for r, _ in arr.items] == [1, 2, 3, 4, 5, 6, 7]
    obj = read_records(FIX / "bluesky_search.json")
    assert obj.layout == "object" and len(obj.items) == 1
    lines = read_records(FIX / "twitter_v1_malformed.jsonl")
    assert lines.layout == "lines"
    assert [r for r, _ in lines.items] == [1, 2, 4, 5, 6, 8]  # line 7 is blank
    assert lines.dropped == [(3, None, "line 3: not valid JSON (Unterminated string starting at, column 96)")]
    with pytest.raises(InputError, match="line 3: not valid JSON"):
        read_records(FIX / "twitter_v1_malformed.jsonl", strict=True)


def test_html_to_text():
    assert (
        html_to_text("<p>Bonjour &amp; bienvenue<br>ligne 2</p><p>&lt;b&gt;</p>")
        == "Bonjour & bienvenue\nligne 2\n\n<b>"
    )
    assert html_to_text('<a href="https://x" rel="nofollow">Twitter for iPhone</a>') == "Twitter for iPhone"
    # markup that is really there is removed; script bodies are not text
    assert html_to_text("<p>a<script>alert(1)</script>b</p>") == "ab"
    assert html_to_text("no markup &amp; entities") == "no markup & entities"
    assert html_to_text(None) is None


# --- X/Twitter v1.1 --------------------------------------------------------------------------------


def test_twitter_v1_values():
    posts, report = read_twitter_v1(FIX / "twitter_v1.json")
    assert (report.rows_read, report.rows_kept, report.rows_dropped) == (7, 7, 0)
    assert report.warnings == []
    assert posts["post_id"].tolist() == [
        "1050118621198921728",
        "1050129389402718209",
        "1050291156273111040",
        "1050297573521625089",
        "1050310000000000001",
        "1050317549000000002",
        "1050325098000000003",
    ]
    assert posts["kind"].tolist() == ["original", "repost", "quote", "reply", "original", "original", "original"]
    assert posts["parent_id"].tolist()[:4] == [
        pd.NA,
        "1050118621198921728",
        "1050118621198921728",
        "1050118621198921728",
    ]
    assert posts["media_format"].tolist() == ["text", "text", "text", "image", "video", "link", "text"]
    assert posts["platform"].unique().tolist() == ["twitter"]
    assert posts["created_at"].tolist()[:2] == [utc("2018-10-10 20:19:24"), utc("2018-10-10 21:02:11")]
    assert str(posts["created_at"].dtype) == "datetime64[ns, UTC]"
    # entities decoded; a retweet's text kept as given; extended_tweet preferred to the cut text
    assert posts.loc[0, "text"] == "Grève SNCF demain : trains & RER perturbés, vérifiez vos horaires avant de partir"
    assert posts.loc[1, "text"].startswith("RT @marie_dupont: Grève SNCF demain : trains & RER")
    assert posts.loc[3, "text"] == (
        "@marie_dupont Thanks for the heads-up! Here is the station this morning, the "
        "queue goes all the way to the street > 200 people https://t.co/Zx9PhOto1"
    )
    assert posts.loc[6, "text"] == "<script>alert(1)</script>"
    assert posts["lang"].tolist() == ["fr", "fr", "de", "en", "fr", "en", "und"]
    first = posts.loc[0]
    assert (first["author_id"], first["author_handle"], first["author_name"], first["author_followers"]) == (
        "783214",
        "marie_dupont",
        "Marie Dupont",
        1520,
    )
    assert (first["likes"], first["shares"], first["comments"], first["quotes"]) == (40, 12, 3, 1)
    assert first["url"] == "https://twitter.com/marie_dupont/status/1050118621198921728"
    assert first["country"] == "FR" and posts.loc[2, "country"] == "DE"
    assert posts["source_app"].tolist() == [
        "Twitter for iPhone",
        "Twitter Web App",
        "TweetDeck",
        "Twitter for Android",
        "Twitter for iPhone",
        "TweetDeck",
        "Twitter Web Client",
    ]
    assert posts.loc[1, "likes"] == 0 and posts.loc[1, "shares"] == 12  # as the API reports a retweet
    assert pd.isna(posts.loc[1, "comments"])
    assert posts.loc[2, "x_quoted_id"] == "1050118621198921728"
    assert posts.loc[3, "x_in_reply_to_id"] == "1050118621198921728"


def test_twitter_v1_malformed_accounting():
    posts, report = read_twitter_v1(FIX / "twitter_v1_malformed.jsonl")
    check_accounting(report)
    assert (report.rows_read, report.rows_kept, report.rows_dropped) == (7, 3, 4)
    assert posts["source_row"].tolist() == [1, 2, 8]
    assert posts.loc[2, "text"] == "Last one & done"
    assert dropped(report) == [
        (3, None, "line 3: not valid JSON (Unterminated string starting at, column 96)"),
        (4, "created_at", "line 4: missing time"),
        (5, "post_id", "duplicate of row 1"),
        (6, None, "line 6: not a status (keys: delete)"),
    ]
    assert report.duplicates == 1


def test_twitter_v1_strict_raises_on_the_first_bad_line():
    with pytest.raises(InputError, match="line 3: not valid JSON"):
        read_twitter_v1(FIX / "twitter_v1_malformed.jsonl", strict=True)


def test_twitter_v1_statuses_wrapper_and_mapping(tmp_path):
    statuses = json.loads((FIX / "twitter_v1.json").read_text(encoding="utf-8"))[:2]
    path = tmp_path / "search.json"
    path.write_text(json.dumps({"statuses": statuses, "search_metadata": {"count": 2}}), encoding="utf-8")
    posts, report = read_twitter_v1(path, mapping={"country": "user.location"}, actor="SNCF", actor_role="brand")
    assert posts["source_row"].tolist() == [1, 2]
    assert posts["country"].tolist() == ["Lyon, France", pd.NA]
    assert posts["actor"].tolist() == ["SNCF", "SNCF"] and posts["actor_role"].tolist() == ["brand", "brand"]
    assert report.columns_mapped["country"] == "user.location"
    with pytest.raises(InputError, match="not canonical columns"):
        read_twitter_v1(path, mapping={"colour": "user.location"})


# --- X/Twitter v2 (twarc2) -------------------------------------------------------------------------


def test_twarc2_pages():
    posts, report = read_twitter_v2(FIX / "twarc2_v2.jsonl")
    # rows_read counts tweets in data, not pages and not includes.tweets
    assert (report.rows_read, report.rows_kept, report.rows_dropped) == (6, 6, 0)
    assert posts["source_row"].tolist() == [1, 1, 1, 2, 2, 2]
    assert posts["x_page_index"].tolist() == [1, 2, 3, 1, 2, 3]
    assert posts["kind"].tolist() == ["original", "repost", "reply", "quote", "original", "original"]
    parent = "1590001000000000001"
    assert posts["parent_id"].tolist() == [pd.NA, parent, parent, parent, pd.NA, pd.NA]
    assert posts["media_format"].tolist() == ["image", "text", "text", "video", "text", "link"]
    assert posts["author_handle"].tolist() == [
        "marie_dupont",
        "paul_v",
        "kberger",
        "commuter_news",
        "h4x0r",
        "commuter_news",
    ]
    assert posts["author_followers"].tolist() == [1530, 88, 20431, 98000, 0, 98000]
    # views: public impression_count, else non-public, else organic
    assert posts["views"].tolist() == [1200, 0, 87, 5400, 3, 2100]
    assert posts["likes"].tolist() == [30, 0, 4, 77, 0, 12]
    assert posts["shares"].tolist() == [5, 5, 0, 14, 0, 1]
    assert posts["quotes"].tolist() == [1, 0, 0, 2, 0, 0]
    assert posts["country"].tolist()[0] == "FR"
    assert posts["source_app"].tolist()[:3] == ["Twitter for iPhone", "Twitter for Android", "Twitter Web App"]
    assert posts["lang"].tolist() == ["fr", "fr", "de", "en", "und", "en"]  # zxx: no linguistic content
    assert posts.loc[0, "text"] == "Les trains reprennent & les bus aussi 🚆 https://t.co/pic1"
    assert posts.loc[4, "text"] == "<script>alert(1)</script>"
    assert posts.loc[5, "text"].endswith("the night trains did not run at all. Details: https://t.co/data")
    assert posts.loc[0, "created_at"] == utc("2022-11-09 08:00:00")
    assert posts.loc[0, "url"] == "https://twitter.com/marie_dupont/status/1590001000000000001"
    assert posts.loc[2, "x_conversation_id"] == parent


def test_twarc2_flattened():
    posts, report = read_twitter_v2(FIX / "twarc2_flat.jsonl")
    assert (report.rows_read, report.rows_kept) == (3, 3)
    assert posts["source_row"].tolist() == [1, 2, 3]
    assert "x_page_index" not in posts.columns
    assert posts["author_handle"].tolist() == ["anna_wien", "max_muc", "ldn_rail"]
    assert posts["author_name"].tolist() == ["Anna Huber", "Max", "London Rail Watch"]
    assert posts["media_format"].tolist() == ["video", "text", "text"]  # animated_gif -> video
    assert posts["country"].tolist() == ["AT", pd.NA, pd.NA]
    # a reply that quotes is a quote; the id replied to is kept
    assert posts["kind"].tolist() == ["original", "reply", "quote"]
    assert posts["parent_id"].tolist() == [pd.NA, "1590100000000000011", "1590090000000000099"]
    assert posts.loc[2, "x_in_reply_to_id"] == "1590100500000000012"
    assert posts["text"].tolist()[0] == "Schöne Grüße aus Wien – der Zug ist pünktlich! https://t.co/gif"


def test_twarc2_plain_data_document(tmp_path):
    page = json.loads((FIX / "twarc2_v2.jsonl").read_text(encoding="utf-8").splitlines()[0])
    path = tmp_path / "lookup.json"
    path.write_text(json.dumps({"data": page["data"], "includes": page["includes"]}), encoding="utf-8")
    assert io.detect(path) == "twitter_v2"
    posts, report = io.read(path)
    assert posts["source_row"].tolist() == [1, 2, 3]  # a document: tweets numbered in order
    assert posts["author_handle"].tolist() == ["marie_dupont", "paul_v", "kberger"]
    assert report.rows_read == 3


def test_twarc2_malformed_accounting():
    posts, report = read_twitter_v2(FIX / "twarc2_malformed.jsonl")
    check_accounting(report)
    assert (report.rows_read, report.rows_kept, report.rows_dropped) == (6, 3, 3)
    assert posts["post_id"].tolist() == ["1590200000000000021", "1590200000000000022", "1590200000000000023"]
    assert list(zip(posts["source_row"], posts["x_page_index"])) == [(1, 1), (1, 2), (3, 1)]
    assert dropped(report) == [
        (2, None, "line 2: not valid JSON (Unterminated string starting at, column 64)"),
        (3, "created_at", "line 3, tweet 2: missing time"),
        (3, "post_id", "duplicate of row 1"),
    ]


# --- Mastodon ------------------------------------------------------------------------------------


def test_mastodon_values():
    posts, report = read_mastodon(FIX / "mastodon_statuses.json")
    assert (report.rows_read, report.rows_kept, report.rows_dropped) == (7, 7, 0)
    assert report.warnings == []
    assert posts["platform"].unique().tolist() == ["mastodon"]
    assert posts["kind"].tolist() == ["original", "repost", "reply", "original", "quote", "original", "original"]
    assert posts["parent_id"].tolist() == [
        pd.NA,
        "112020999000000789",
        "112021347655490123",
        pd.NA,
        "112021500000000999",
        pd.NA,
        pd.NA,
    ]
    assert posts["media_format"].tolist() == ["link", "image", "text", "video", "text", "text", "video"]
    # HTML to plain text: <br> -> newline, </p><p> -> blank line, entities decoded, links as text
    assert posts.loc[0, "text"] == (
        "Bonjour à toutes et à tous !\nNouvelle étude sur la mobilité & le climat\n\n"
        "Lien : https://example.org/etude #climat"
    )
    assert posts.loc[1, "text"] == "Der neue Radweg in Leipzig ist endlich offen. Fotos vom ersten Morgen:"
    assert posts.loc[2, "text"] == "@claire Great read, thanks!\n\nDoes it cover trains & trams too?"
    assert posts.loc[4, "text"] == 'Voilà ce que j\'en pense : "non" <3'
    assert posts.loc[5, "text"] == "<script>alert(1)</script>"
    assert posts.loc[6, "text"] == "HTML tip: write R&amp;D to show R&D"  # decoded once, not twice
    # +02:00 lands at the right UTC instant
    assert posts["created_at"].tolist()[:3] == [
        utc("2024-03-01 10:00"),
        utc("2024-03-01 10:15"),
        utc("2024-03-01 10:30"),
    ]
    assert posts["lang"].tolist() == ["fr", "de", "en", "de", "fr", "en", "en"]  # a boost: the boosted language
    assert posts["author_handle"].tolist()[:3] == ["claire", "claire", "tom@mastodon.social"]
    assert posts["author_name"].tolist()[:3] == ["Claire Martin", "Claire Martin", pd.NA]
    assert posts["author_id"].tolist()[0] == "109312345678901234"
    assert posts["author_followers"].tolist()[:3] == [842, 842, 230]
    assert (posts.loc[0, "likes"], posts.loc[0, "shares"], posts.loc[0, "comments"]) == (15, 7, 2)
    assert posts["quotes"].tolist()[3] == 1
    assert posts["source_app"].tolist() == ["Elk", pd.NA, "Ivory for iOS", "Web", "Elk", pd.NA, "Ivory for iOS"]
    assert posts.loc[0, "url"] == "https://piaille.fr/@claire/112021347655490123"
    assert posts.loc[1, "url"] == "https://chaos.social/@jonas/112020999000000789"  # a boost has no page
    assert posts.loc[3, "x_spoiler_text"] == "Verkehr" and posts.loc[2, "x_visibility"] == "unlisted"


def test_mastodon_malformed_accounting():
    posts, report = read_mastodon(FIX / "mastodon_malformed.jsonl")
    check_accounting(report)
    assert (report.rows_read, report.rows_kept, report.rows_dropped) == (5, 2, 3)
    assert posts["post_id"].tolist() == ["200", "203"] and posts["text"].tolist() == ["Premier", "Last one"]
    assert dropped(report) == [
        (2, None, "line 2: not valid JSON (Unterminated string starting at, column 68)"),
        (3, "created_at", "line 3: missing time"),
        (4, "post_id", "duplicate of row 1"),
    ]


# --- Bluesky -------------------------------------------------------------------------------------

LUCIE = "did:plc:z72i7hdynmk6r22z27h6tvur"
JONAS_POST = "at://did:plc:ewvi7nxzyoun6zhxrhs64oiz/app.bsky.feed.post/3kgqy7bxqyk2c"


def test_bluesky_author_feed():
    posts, report = read_bluesky(FIX / "bluesky_author_feed.json")
    assert (report.rows_read, report.rows_kept, report.rows_dropped) == (5, 5, 0)
    assert posts["platform"].unique().tolist() == ["bluesky"]
    assert posts["source_row"].tolist() == [1, 2, 3, 4, 5]
    assert posts["kind"].tolist() == ["original", "repost", "reply", "quote", "original"]  # a pin is no repost
    assert posts["parent_id"].tolist() == [pd.NA, JONAS_POST, JONAS_POST, JONAS_POST, pd.NA]
    assert posts["media_format"].tolist() == ["link", "image", "text", "video", "text"]
    assert posts.loc[0, "post_id"] == f"at://{LUCIE}/app.bsky.feed.post/3kgqzfu4ye22a"
    assert posts.loc[0, "url"] == "https://bsky.app/profile/lucie.bsky.social/post/3kgqzfu4ye22a"
    # +02:00 and +01:00 land at the right UTC instant; the repost's time is reason.indexedAt
    assert posts["created_at"].tolist() == [
        utc("2024-03-01 10:30"),
        utc("2024-03-01 11:00"),
        utc("2024-03-01 12:45"),
        utc("2024-03-01 15:00"),
        utc("2024-03-01 16:00"),
    ]
    repost = posts.loc[1]
    assert (repost["author_id"], repost["author_handle"]) == (LUCIE, "lucie.bsky.social")
    assert repost["text"] == "Der neue Radweg ist offen!" and repost["lang"] == "de"
    assert pd.isna(repost["likes"]) and pd.isna(repost["shares"])  # the post's counts are not the repost's
    assert repost["post_id"].startswith("s-")  # no repost uri in the feed: a surrogate id
    assert repost["url"] == "https://bsky.app/profile/jonas.bsky.social/post/3kgqy7bxqyk2c"
    assert (posts.loc[0, "likes"], posts.loc[0, "shares"], posts.loc[0, "comments"], posts.loc[0, "quotes"]) == (
        21,
        8,
        3,
        1,
    )
    assert posts.loc[4, "text"] == "<script>alert(1)</script>"
    assert posts["lang"].tolist() == ["fr", "de", "de", "en", "en"]
    assert posts.loc[2, "x_in_reply_to_id"] == JONAS_POST


def test_bluesky_search_keeps_plain_text_as_written():
    posts, report = read_bluesky(FIX / "bluesky_search.json")
    assert (report.rows_read, report.rows_kept) == (2, 2)
    assert posts["media_format"].tolist() == ["link", "text"]  # a link facet
    assert posts["lang"].tolist() == ["en", "en"]  # en-GB -> en
    assert posts["author_followers"].tolist() == [12800, 12800]
    assert posts.loc[1, "text"] == "Q&A tonight: write your questions with &amp; and we will read them verbatim"
    assert posts.loc[0, "created_at"] == utc("2024-03-02 08:15")


def test_bluesky_records():
    posts, report = read_bluesky(FIX / "bluesky_records.json")
    check_accounting(report)
    assert (report.rows_read, report.rows_kept, report.rows_dropped) == (5, 3, 2)
    assert posts["source_row"].tolist() == [1, 3, 5]
    assert posts["author_id"].tolist() == [LUCIE] * 3  # from the uri
    assert posts["kind"].tolist() == ["original", "repost", "reply"]
    assert posts["parent_id"].tolist() == [
        pd.NA,
        JONAS_POST,
        "at://did:plc:4bqzvrgrbxbslowkfeuaf3wg/app.bsky.feed.post/3kgs1ddddd22f",
    ]
    assert posts.loc[0, "created_at"] == utc("2024-03-03 05:30")
    assert posts.loc[0, "url"] == f"https://bsky.app/profile/{LUCIE}/post/3kgt1fffff22h"
    assert posts.loc[2, "media_format"] == "link"  # a quoted feed generator is a link, not a quote
    assert dropped(report) == [
        (2, "created_at", "record 2: missing time"),
        (4, None, "record 4: a app.bsky.feed.like record, not a post"),
    ]


def test_bluesky_malformed_lines():
    posts, report = read_bluesky(FIX / "bluesky_malformed.jsonl")
    check_accounting(report)
    assert (report.rows_read, report.rows_kept, report.rows_dropped) == (6, 3, 3)
    assert list(zip(posts["source_row"], posts["x_page_index"])) == [(1, 1), (1, 2), (4, 2)]
    assert posts["kind"].tolist() == ["original", "repost", "original"]
    assert dropped(report) == [
        (2, None, "line 2: not valid JSON (Unterminated string starting at, column 28)"),
        (3, "post_id", "duplicate of row 1"),
        (4, "created_at", "line 4, item 1: missing time"),
    ]


# --- Reddit --------------------------------------------------------------------------------------


def test_reddit_listing():
    posts, report = read_reddit(FIX / "reddit_listing.json")
    assert (report.rows_read, report.rows_kept, report.rows_dropped) == (7, 7, 0)
    assert posts["platform"].unique().tolist() == ["reddit"]
    assert posts["kind"].unique().tolist() == ["original"]
    assert posts["post_id"].tolist()[:2] == ["1b3xk2p", "1b3y0aa"]
    assert posts["media_format"].tolist() == ["text", "image", "video", "link", "image", "text", "text"]
    assert posts.loc[0, "text"] == (
        "Grève SNCF : vos retours ?\n\nÇa se passe comment chez vous ?\n\nTrains & RER très perturbés ici."
    )
    assert posts.loc[1, "text"] == "Der Hauptbahnhof heute Morgen"  # no self text: the title alone
    assert posts.loc[5, "text"] == "<script>alert(1)</script>"
    assert posts["created_at"].tolist()[:2] == [utc("2024-03-01 10:00"), utc("2024-03-01 11:00")]
    assert posts["likes"].tolist() == [152, 2311, 540, 77, 98, 0, 3]
    assert posts["comments"].tolist() == [87, 140, 33, 12, 4, 0, 0]
    assert posts.loc[0, "url"] == "https://www.reddit.com/r/france/comments/1b3xk2p/grve_sncf_vos_retours/"
    assert posts.loc[0, "author_handle"] == "marie_d" and posts.loc[0, "author_id"] == "t2_8xk2m1"
    assert posts["x_subreddit"].tolist()[-2:] == ["france", "paris"]
    assert posts.loc[6, "x_crosspost_parent"] == "1b3xk2p"


def test_reddit_comments_page_flattens_replies():
    posts, report = read_reddit(FIX / "reddit_comments.json")
    assert (report.rows_read, report.rows_kept, report.rows_dropped) == (5, 5, 0)
    assert posts["post_id"].tolist() == ["1b3xk2p", "kst0001", "kst0002", "kst0003", "kst0004"]
    assert posts["source_row"].tolist() == [1, 2, 3, 4, 5]  # document order, nested replies included
    assert posts["kind"].tolist() == ["original", "reply", "reply", "reply", "reply"]
    assert posts["parent_id"].tolist() == [pd.NA, "1b3xk2p", "kst0001", "kst0002", "1b3xk2p"]
    assert posts.loc[2, "text"] == "Same here in Lille, and the buses are packed & late."
    assert posts.loc[4, "text"] == "> trains très perturbés\n\nC'est faux."
    # a [deleted] author is no handle; a negative score is no like count, but is kept
    assert pd.isna(posts.loc[4, "author_handle"]) and pd.isna(posts.loc[4, "likes"])
    assert posts.loc[4, "x_score"] == -5
    assert posts["likes"].tolist()[:4] == [152, 45, 12, 4]
    assert posts["x_link_id"].tolist()[1:] == ["1b3xk2p"] * 4
    assert posts.loc[1, "url"] == "https://www.reddit.com/r/france/comments/1b3xk2p/grve_sncf_vos_retours/kst0001/"
    assert posts.loc[1, "created_at"] == utc("2024-03-01 10:30")
    assert report.warnings == ["4 comments were not loaded by the page ('more' stubs) and are not in the table"]


def test_reddit_pushshift_lines():
    posts, report = read_reddit(FIX / "reddit_pushshift.jsonl")
    check_accounting(report)
    assert (report.rows_read, report.rows_kept, report.rows_dropped) == (7, 4, 3)
    assert posts["source_row"].tolist() == [1, 2, 3, 7]
    assert posts["kind"].tolist() == ["original", "reply", "reply", "reply"]
    assert posts["parent_id"].tolist() == [pd.NA, "1b40aaa", "kt00001", "kt00002"]
    assert posts.loc[0, "text"] == "Bahnstreik: Welche Verbindungen fahren noch?\n\nHat jemand eine Übersicht?"
    assert posts.loc[1, "text"] == "The DB app shows live status & replacements, it's decent."
    # epoch as a number and as text (older dumps) give the same kind of UTC time
    assert posts["created_at"].tolist()[:3] == [
        utc("2024-03-02 10:00"),
        utc("2024-03-02 10:30"),
        utc("2024-03-02 11:00"),
    ]
    # no permalink in a Pushshift comment: built from link_id
    assert posts.loc[1, "url"] == "https://www.reddit.com/r/de/comments/1b40aaa/_/kt00001/"
    assert dropped(report) == [
        (4, None, "line 4: not valid JSON (Unterminated string starting at, column 27)"),
        (5, "created_at", "line 5: missing time"),
        (6, "post_id", "duplicate of row 2"),
    ]


# --- invariants ----------------------------------------------------------------------------------


@pytest.mark.parametrize("name", sorted(p.name for p in FIX.glob("*.json*") if p.stat().st_size))
def test_reading_twice_gives_the_same_table(name):
    first, _ = io.read(FIX / name)
    again, _ = io.read(FIX / name)
    pd.testing.assert_frame_equal(first, again)
    assert first["post_id"].is_unique


# --- properties ----------------------------------------------------------------------------------

LINE = st.one_of(
    st.tuples(st.just("ok"), st.integers(0, 5), st.sampled_from(["<p>a &amp; b</p>", "<p>x<br>y</p>", ""])),
    st.tuples(st.just("notime"), st.integers(0, 5), st.just("<p>z</p>")),
    st.tuples(st.just("broken"), st.integers(0, 5), st.just("")),
    st.tuples(st.just("blank"), st.integers(0, 5), st.just("")),
)


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(st.lists(LINE, min_size=1, max_size=25))
def test_every_line_is_kept_or_dropped_with_its_number(tmp_path, lines):
    body, broken, blanks = [], [], 0
    for n, (what, minute, content) in enumerate(lines, start=1):
        status = {
            "id": str(minute),
            "content": content,
            "account": {"id": "1", "acct": "a"},
            "created_at": f"2024-03-01T10:{minute:02d}:00Z",
        }
        if what == "notime":
            status.pop("created_at")
        text = json.dumps(status)
        if what == "broken":
            text, _ = text[:20], broken.append(n)
        if what == "blank":
            text, blanks = "", blanks + 1
        body.append(text)
    path = tmp_path / "prop.jsonl"
    path.write_text("\n".join(body) + "\n", encoding="utf-8")
    if blanks == len(lines):
        with pytest.raises(InputError, match="empty"):
            read_mastodon(path)
        return
    try:
        posts, report = read_mastodon(path)
    except InputError as exc:  # every non-blank line broken: not JSON lines at all
        assert "not JSON or JSON lines" in str(exc) and len(broken) + blanks == len(lines)
        return
    check_accounting(report)
    assert report.rows_read == len(lines) - blanks
    reasons = dict(zip(report.dropped["source_row"].astype(int), report.dropped["reason"]))
    for n in broken:
        assert reasons[n].startswith(f"line {n}: not valid JSON")
    assert set(posts["source_row"]).isdisjoint(reasons)
    assert not posts["text"].str.contains("<", regex=False).any()
