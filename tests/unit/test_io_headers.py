"""Issue 14, point 1: headers understood like a person would, month/weekday/hour layouts, the mapping
on the command line, and no silent loss."""

from __future__ import annotations

import pytest

from kit import io
from kit.cli import main
from kit.io._headers import guess_mapping


@pytest.mark.parametrize(
    "columns, expected",
    [
        (
            ["Topic", "Sentiment", "TweetId", "TweetDate", "TweetText"],
            {"post_id": "TweetId", "text": "TweetText", "created_at": "TweetDate"},
        ),
        (
            ["Date de publication", "Contenu", "J'aime", "Partages", "Commentaires", "Auteur"],
            {
                "created_at": "Date de publication",
                "text": "Contenu",
                "likes": "J'aime",
                "shares": "Partages",
                "comments": "Commentaires",
                "author_handle": "Auteur",
            },
        ),
        (
            ["Veröffentlicht", "Nachricht", "Gefällt mir", "Geteilt", "Kommentare", "Benutzername", "Reichweite"],
            {
                "created_at": "Veröffentlicht",
                "text": "Nachricht",
                "likes": "Gefällt mir",
                "shares": "Geteilt",
                "comments": "Kommentare",
                "author_handle": "Benutzername",
                "reach": "Reichweite",
            },
        ),
        (["Message", "Date", "Nombre de partages", "likeCount"], {"text": "Message", "created_at": "Date"}),
        (["Tweet Text", "Published"], {"text": "Tweet Text", "created_at": "Published"}),
        (
            ["Update title", "Update link", "Created date", "Impressions", "Clicks", "Likes", "Comments", "Reposts"],
            {
                "text": "Update title",
                "created_at": "Created date",
                "url": "Update link",
                "views": "Impressions",
                "shares": "Reposts",
            },
        ),
        (
            ["Permalink", "Publish time", "Description", "Impressions", "Reach", "Saves", "Account username"],
            {
                "text": "Description",
                "created_at": "Publish time",
                "reach": "Reach",
                "author_handle": "Account username",
            },
        ),
    ],
)
def test_export_headers_in_three_languages(columns, expected):
    got = guess_mapping(columns)
    assert {k: got[k] for k in expected} == expected


def test_prefixes_and_suffixes():
    got = guess_mapping(["Message", "Date", "Nombre de partages", "likeCount"])
    assert got["shares"] == "Nombre de partages" and got["likes"] == "likeCount"


def test_page_insights_month_weekday_hour(tmp_path):
    path = tmp_path / "insights.csv"
    path.write_text(
        "Type;Category;Post Month;Post Weekday;Post Hour;Paid;Lifetime Post Total Reach;"
        "Lifetime Post Total Impressions;comment;like;share\n"
        "Photo;Brand;2026-03;Monday;14;No;1,2k;3400;2;12;1\n"
        "Link;Brand;avril 2026;Tuesday;9 PM;Yes;800;1000;0;5;0\n"
    )
    assert io.detect(path) == "insights"
    posts, report = io.read(path)
    assert len(posts) == 2 and report.rows_dropped == 0
    assert posts["created_at"].dt.strftime("%Y-%m-%d %H:%M").tolist() == ["2026-03-01 14:00", "2026-04-01 21:00"]
    assert posts["reach"].tolist() == [1200, 800] and posts["likes"].tolist() == [12, 5]
    assert posts["shares"].tolist() == [1, 0] and posts["comments"].tolist() == [2, 0]
    assert posts["platform"].tolist() == ["facebook", "facebook"]
    assert any("month" in w and "not meaningful" in w for w in report.warnings)
    assert "Post Weekday" in report.columns_unused


def test_no_silent_loss_names_the_text_column(tmp_path):
    path = tmp_path / "tweets.csv"
    path.write_text(
        "Topic,Sentiment,When,Body Of Tweet,Screen\n"
        "phones,positive,2022-05-17 12:29,so happy with the new phone today,@ana\n"
        "phones,negative,2022-05-17 13:29,never again what a mess honestly,@bob\n"
    )
    posts, report = io.read(path, mapping={"created_at": "When"})
    text = [w for w in report.warnings if w.startswith("text is empty")]
    assert text and "'Body Of Tweet'" in text[0]
    assert any(w.startswith("author_handle is empty") and "'Screen'" in w for w in report.warnings)


def test_inspect_map_and_unused_columns(tmp_path, capsys):
    path = tmp_path / "tweets.csv"
    path.write_text("Topic,Quand,Corps\nphones,2022-05-17 12:29,hello there all\n")
    assert main(["inspect", str(path), "--map", "created_at=Quand", "--map", "text=Corps"]) == 0
    out = capsys.readouterr().out
    assert "created_at        <- Quand" in out and "text              <- Corps" in out
    assert "columns not used (kept as extra x_ columns): Topic" in out
    assert main(["inspect", str(path), "--map", "created_at"]) == 2


def test_inspect_escapes_control_characters(tmp_path, capsys):
    path = tmp_path / "evil.csv"
    path.write_text("date,text,\x1b[2Jcol\n2026-01-05 10:00,hi,x\n")
    assert main(["inspect", str(path)]) == 0
    out = capsys.readouterr().out
    assert "\x1b" not in out and "\\x1b" in out


def test_folder_and_unknown_zone_are_clear_errors(tmp_path, capsys):
    assert main(["inspect", str(tmp_path)]) == 2
    assert "a folder, not a file" in capsys.readouterr().err
    path = tmp_path / "a.csv"
    path.write_text("date,text\n2026-01-05 10:00,hi\n")
    assert main(["inspect", str(path), "--tz", "Mars/Olympus"]) == 2
    assert "unknown time zone 'Mars/Olympus'" in capsys.readouterr().err


def test_ambiguous_dates_reported_with_dayfirst(tmp_path):
    path = tmp_path / "a.csv"
    path.write_text("date,text\n03/04/2026 10:00,a\n05/06/2026 11:00,b\n")
    posts, report = io.read(path)
    assert any("day first or month first" in w and "dayfirst=False" in w for w in report.warnings)
    assert posts["created_at"].dt.month.tolist() == [4, 6]
    posts, report = io.read(path, dayfirst=False)
    assert posts["created_at"].dt.month.tolist() == [3, 5]
    assert not any("day first or month first" in w for w in report.warnings)


def test_french_and_german_month_names(tmp_path):
    path = tmp_path / "a.csv"
    path.write_text("date,text\n5 mars 2026 10:00,a\n6. März 2026 11:00,b\n")
    posts, report = io.read(path)
    assert posts["created_at"].dt.strftime("%Y-%m-%d %H:%M").tolist() == ["2026-03-05 10:00", "2026-03-06 11:00"]


def test_reposts_in_flat_files(tmp_path):
    path = tmp_path / "rt.csv"
    path.write_text(
        "date,text,Is Quote\n2026-01-05 10:00,RT @bob: so happy,false\n"
        "2026-01-05 11:00,nice article via @carl https://t.co/x,\n2026-01-05 12:00,plain post,\n"
        "2026-01-05 13:00,my take on this,true\n"
    )
    posts, report = io.read(path)
    assert posts["kind"].tolist() == ["repost", "repost", "original", "quote"]
    assert posts["x_parent_author"].tolist()[:2] == ["bob", "carl"]
    path.write_text("date,text,kind\n2026-01-05 10:00,RT @bob: so happy,original\n")
    assert io.read(path)[0]["kind"].tolist() == ["original"]  # a kind column the file gives wins


def test_languages_are_a_preference_not_a_cage():
    import pandas as pd

    from kit import pp
    from kit.tl.lexicons import LexiconModel

    posts = pd.DataFrame(
        {
            "text": [
                "El tren llega tarde otra vez, qué desastre de servicio",
                "O comboio chegou atrasado outra vez, que vergonha",
                "The train is late again this morning, what a mess",
            ],
            "lang": pd.array([None] * 3, dtype="string"),
        }
    )
    langs = pp.detect_language(posts)["lang"].tolist()
    assert langs == ["es", "pt", "en"]
    assert pp.detect_language(posts, only=True)["lang"].tolist()[2] == "en"
    scored = LexiconModel().predict(posts["text"].tolist(), langs)
    assert scored["sentiment"].tolist()[:2] == ["neutral", "neutral"] and scored["confidence"].tolist()[:2] == [
        0.5,
        0.5,
    ]


def test_no_text_at_all_is_said(tmp_path, capsys):
    path = tmp_path / "insights.csv"
    path.write_text("Post Month,Post Hour,like\n2026-03,14,3\n2026-03,15,4\n")
    posts, report = io.read(path)
    assert any(w.startswith("no post has a text") for w in report.warnings)
    src = tmp_path / "empty.csv"
    src.write_text("text,n\n,1\n ,2\n")
    assert (
        main(["sentiment", str(src), "--text-column", "text", "--out", str(tmp_path / "o.csv"), "--backend", "lexicon"])
        == 2
    )
    assert "empty in every row" in capsys.readouterr().err


def test_page_insights_months_without_a_year_keep_every_row(tmp_path):
    # the layout of the public "Facebook metrics" export: month numbers, no year, no post id, no text
    path = tmp_path / "dataset_Facebook.csv"
    head = "Page total likes;Type;Category;Post Month;Post Weekday;Post Hour;Paid;Lifetime Post Total Reach;comment;like;share"
    rows = [
        "139441;Photo;2;12;4;3;0;2752;4;79;17",
        "139441;Photo;2;12;4;3;0;1000;1;10;2",
        "139441;Photo;2;12;4;3;0;2752;4;79;17",
    ]
    rows += ["138000;Status;1;1;2;10;1;500;0;5;0"]
    path.write_text("\n".join([head, *rows]) + "\n")
    posts, report = io.read(path, year=2014)
    assert report.rows_read == 4 and report.rows_kept == 3 and report.rows_dropped == 1  # row 4 repeats row 2
    assert posts["created_at"].dt.strftime("%Y-%m-%d %H").tolist() == [
        "2014-12-01 03",
        "2014-12-01 03",
        "2014-01-01 10",
    ]
    assert posts["author_followers"].tolist() == [139441, 139441, 138000]
    assert set(posts["x_time_precision"]) == {"month"}
    _, guessed = io.read(path)
    assert any("without a year" in w for w in guessed.warnings) and guessed.rows_kept == 3


def test_own_posts_of_a_page_export_need_no_handle():
    import pandas as pd

    from kit.tl import inventory, owned

    posts = pd.DataFrame(
        {
            "author_handle": [None, None],
            "author_id": [None, None],
            "actor": [None, None],
            "actor_role": ["brand", "public"],
            "kind": ["original", "original"],
            "text": ["", ""],
            "created_at": pd.to_datetime(["2014-01-01", "2014-03-01"], utc=True),
            "x_time_precision": ["month", "month"],
        }
    )
    own = owned.own_posts(posts, [], [])
    assert own["actor_role"].tolist() == ["brand"] and own["account"].tolist() == ["brand"]
    assert inventory.gaps(own.assign(actor="brand")).empty
