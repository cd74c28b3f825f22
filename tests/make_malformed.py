"""Write the malformed-export fixtures of issue 14 into tests/fixtures/malformed/ (run from the checkout).

Each file is a case seen in real exports or in the probe of issue 14: python tests/make_malformed.py
The expectations are in tests/unit/test_io_malformed.py.
"""

from __future__ import annotations

import gzip
import json
import random
import zipfile
from pathlib import Path

OUT = Path(__file__).parent / "fixtures" / "malformed"
CSV = "id,date,text,likes\n1,2026-01-05 10:00,Café crème,3\n2,2026-01-05 11:00,Bonjour,4\n"


def _status(i: int, **extra) -> dict:
    return {
        "id": str(i),
        "created_at": f"2026-01-05T1{i}:00:00.000Z",
        "content": f"<p>post {i}</p>",
        "account": {"id": "9", "acct": "ana", "display_name": "Ana"},
        "reblogs_count": 0,
        "favourites_count": 1,
        "replies_count": 0,
        "media_attachments": [],
        **extra,
    }


def _bsky(i: int, **record) -> dict:
    return {
        "uri": f"at://did:plc:a/app.bsky.feed.post/{i}",
        "cid": f"c{i}",
        "author": {"did": "did:plc:a", "handle": "ana.bsky.social"},
        "record": {
            "$type": "app.bsky.feed.post",
            "text": f"post {i}",
            "createdAt": f"2026-01-05T1{i}:00:00Z",
            **record,
        },
        "likeCount": 1,
    }


def _v1(i: int, **extra) -> dict:
    return {
        "id_str": str(1000 + i),
        "created_at": f"Mon Jan 05 1{i}:00:00 +0000 2026",
        "full_text": f"tweet {i}",
        "user": {"id_str": "9", "screen_name": "ana"},
        "favorite_count": 1,
        "entities": {"hashtags": [], "urls": []},
        **extra,
    }


def _v2(i: int, **extra) -> dict:
    return {
        "id": str(1000 + i),
        "created_at": f"2026-01-05T1{i}:00:00.000Z",
        "text": f"tweet {i}",
        "author_id": "9",
        "public_metrics": {"like_count": 1, "retweet_count": 0, "reply_count": 0, "quote_count": 0},
        "edit_history_tweet_ids": [str(1000 + i)],
        **extra,
    }


def _reddit(i: int, created) -> dict:
    return {
        "kind": "t3",
        "data": {
            "id": f"p{i}",
            "subreddit": "france",
            "author": "ana",
            "title": f"post {i}",
            "selftext": "",
            "created_utc": created,
            "score": 1,
            "num_comments": 0,
        },
    }


def files() -> dict[str, bytes]:
    """The fixtures, by file name."""
    rng = random.Random(14)
    long_field = "x" * 200_000
    out = {
        "random_bytes.csv": bytes(rng.randrange(256) for _ in range(5000)),
        "long_field.csv": f"id,date,text\n1,2026-01-05 10:00,{long_field}\n2,2026-01-05 11:00,short\n".encode(),
        "deep_nesting.json": b"[" * 100_000 + b"]" * 100_000,
        "deep_line.jsonl": (
            json.dumps(_status(1)) + "\n" + '{"a":' * 50_000 + "1" + "}" * 50_000 + "\n" + json.dumps(_status(3)) + "\n"
        ).encode(),
        "mastodon_media_int.json": json.dumps([_status(1), _status(2, media_attachments=5), _status(3)]).encode(),
        "mastodon_handle_dict.json": json.dumps(
            [_status(1), _status(2, account={"id": "8", "acct": {"x": 1}}), _status(3)]
        ).encode(),
        "bluesky_facets_int.json": json.dumps({"posts": [_bsky(1), _bsky(2, facets=7), _bsky(3)]}).encode(),
        "twitter_v1_media_int.jsonl": "\n".join(
            json.dumps(t) for t in (_v1(1), _v1(2, entities={"media": 5}), _v1(3))
        ).encode(),
        "twitter_v2_refs_int.json": json.dumps({"data": [_v2(1), _v2(2, referenced_tweets=3), _v2(3)]}).encode(),
        "reddit_epoch_huge.json": json.dumps(
            [_reddit(1, 1767607200), _reddit(2, 1e20), _reddit(3, float("inf")), _reddit(4, 1767610800)]
        ).encode(),
        "cp1252_line.jsonl": b"\n".join(
            [
                json.dumps(_status(1)).encode(),
                json.dumps(_status(2), ensure_ascii=False).replace("post 2", "caf\xe9").encode("cp1252"),
                json.dumps(_status(3)).encode(),
            ]
        ),
        "bad_record.jsonl": (json.dumps(_status(1)) + "\n{not json\n" + json.dumps(_status(3)) + "\n").encode(),
        # a quote opened in row 3's text and closed two lines later: rows 3-5 would be read as one post
        "quote_spans_lines.csv": (
            b'id,date,text\n1,2026-01-05 10:00,one\n2,2026-01-05 11:00,"two\n3,2026-01-05 12:00,three\n'
            b'4,2026-01-05 13:00,four"\n5,2026-01-05 14:00,five\n'
        ),
        "mixed_encoding.csv": b"id,date,text\n1,2026-01-05 10:00,Caf\xc3\xa9\n2,2026-01-05 11:00,Caf\xe9 noir\n"
        b"3,2026-01-05 12:00,na\xc3\xafve\n",
        "epoch_mixed_units.csv": b"id,date,text\n1,1767607200,seconds\n2,1767610800000,milliseconds\n3,1767614400,s\n",
        "epoch_placeholder.csv": b"id,date,text\n1,1767607200,ok\n2,0,zero\n3,-1,minus one\n4,1767610800,ok\n",
        "counts_decimal.csv": b"id;date;text;likes;shares\n1;2026-01-05 10:00;a;1,2k;12,5\n2;2026-01-05 11:00;b;1.234;3\n",
        "ambiguous_dates.csv": b"id,date,text\n1,03/04/2026 10:00,a\n2,05/06/2026 11:00,b\n",
        "month_names.csv": "id,date,text\n1,5 mars 2026 10:00,a\n2,6. März 2026 11:00,b\n".encode(),
        "utf16_nobom.csv": CSV.encode("utf-16-le"),
        "posts.csv.gz": gzip.compress(CSV.encode(), mtime=0),
        "empty.csv": b"",
        "header_only.csv": b"id,date,text\n",
        "excel_sep_line.csv": b"sep=;\nid;date;text\n1;2026-01-05 10:00;a\n",
        "duplicates.csv": b"id,date,text\n1,2026-01-05 10:00,a\n2,2026-01-05 10:00,a\n1,2026-01-05 10:00,a\n",
        "scientific_ids.csv": b"id,date,text,likes\n1.52654E+18,2026-01-05 10:00,a &amp; b,1 234\n",
        "mixed_zones.csv": b"id,date,text\n1,2026-01-05T10:00:00+01:00,a\n2,2026-01-05 10:00,b\n"
        b"3,Mon Jan 05 10:00:00 +0000 2026,c\n",
        "unknown_shape.json": b'{"id": 1}\n',
        "twitter_v1_bad_time.json": b'[{"id_str": "1", "user": {}, "full_text": "x", "created_at": "garbage"}]',
        "extra_field.csv": b"id,date,text\n1,2026-01-05 10:00,a,extra\n2,2026-01-05 11:00,b\n",
        "quote_never_closed.csv": b'id,date,text\n1,2026-01-05 10:00,"never closed\n2,2026-01-05 11:00,b\n',
        "tabs.tsv": b"id\ttime\ttweet\n1\t2026-01-05 10:00\ta\n",
        "bom_crlf.csv": b"\xef\xbb\xbfid,date,text\r\n1,2026-01-05 10:00,a\r\n",
    }
    return out


def _zip(path: Path) -> None:
    with zipfile.ZipFile(path, "w") as z:
        info = zipfile.ZipInfo("export/posts.csv", date_time=(2026, 1, 5, 0, 0, 0))
        z.writestr(info, CSV)


def _xlsx(path: Path) -> None:
    import openpyxl

    book = openpyxl.Workbook()
    sheet = book.active
    for row in [
        ["id", "date", "text", "likes"],
        ["1", "2026-01-05 10:00", "Café crème", 3],
        ["2", "2026-01-05 11:00", "Bonjour", 4],
    ]:
        sheet.append(row)
    book.properties.created = book.properties.modified = __import__("datetime").datetime(2026, 1, 5)
    book.save(path)


def main() -> None:
    OUT.mkdir(parents=True, exist_ok=True)
    for name, data in files().items():
        (OUT / name).write_bytes(data)
    _zip(OUT / "posts.zip")
    _xlsx(OUT / "posts.xlsx")


if __name__ == "__main__":
    main()
