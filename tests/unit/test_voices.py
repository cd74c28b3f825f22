"""kit.tl.voices: the public and the tracked accounts apart, by one rule."""

from __future__ import annotations

import pandas as pd
import pytest

from kit.tl import voices


def _posts():
    return pd.DataFrame(
        {
            "post_id": list("abcdefg"),
            "author_handle": ["@Voltaria", "ana", "railix", "daily", "claire", None, "bob"],
            "author_id": ["1", "2", "3", "4", "5", "77", "7"],
            "actor_role": [None, "public", None, None, None, None, "brand"],
            "kind": ["reply", "original", "original", "original", "original", "reply", "original"],
            "text": ["DM us", "charged twice!", "Book now", "Brand fined", "Proud of us", "DM us", "our news"],
            "created_at": pd.to_datetime(["2026-03-02"] * 7, utc=True),
        }
    )


LISTS = dict(
    brand_accounts=["voltaria", "77"],
    competitor_accounts=["Railix"],
    media_accounts="@daily",
    employee_handles=["claire"],
)


def test_every_list_and_the_export_role_decide_the_voice():
    out = voices.annotate(_posts(), **LISTS)
    assert out["voice"].tolist() == ["brand", "public", "competitor", "media", "employee", "brand", "brand"]
    assert out.attrs["voices"] == {"brand": 3, "competitor": 1, "media": 1, "employee": 1, "public": 1}


def test_public_and_tracked_partition_the_posts_without_mutating_them():
    posts = _posts()
    before = posts.copy()
    pub, trk = voices.public(posts, **LISTS), voices.tracked(posts, **LISTS)
    pd.testing.assert_frame_equal(posts, before)
    assert sorted(pub["post_id"].tolist() + trk["post_id"].tolist()) == sorted(posts["post_id"])
    assert set(pub["post_id"]).isdisjoint(trk["post_id"])
    assert pub["post_id"].tolist() == ["b"]


def test_without_lists_nor_roles_everyone_is_public():
    posts = _posts().drop(columns="actor_role")
    assert len(voices.public(posts)) == len(posts)
    assert voices.tracked(posts).empty


def test_an_annotated_table_is_read_as_it_is_unless_lists_are_given():
    voiced = voices.annotate(_posts(), **LISTS)
    assert len(voices.public(voiced)) == 1
    assert len(voices.public(voiced, brand_accounts=["bob"])) == 6  # lists given: voices computed again


def test_split_counts_needs_the_voice_column():
    counts = voices.split_counts(voices.annotate(_posts(), **LISTS))
    assert counts["tracked"] + counts["public"] == 7
    with pytest.raises(ValueError, match="annotate"):
        voices.split_counts(_posts())


def test_said_shows_templates_per_account():
    table = voices.said(voices.annotate(_posts(), **LISTS))
    brand = table[table["account"] == "@Voltaria"].iloc[0]
    assert brand["posts"] == 1 and brand["replies"] == 1
    assert table["voice"].iloc[0] == "brand"  # brand rows first
    assert "public" not in set(table["voice"])
    assert voices.said(_posts().iloc[[1]]).empty


def test_on_the_sample_every_tracked_role_is_kept_out_of_the_public():
    from kit import datasets

    posts = datasets.load_sample()[0]
    pub = voices.public(posts, brand_accounts=["voltaria"])
    assert not pub["actor_role"].isin(["brand", "competitor", "media", "employee"]).any()
    assert len(pub) == int((posts["actor_role"] == "public").sum())
