"""Pseudonymisation (kit.pp.pseudonymise, kit.io.pseudonym_key, kit.load(pseudonymise=True))."""

from __future__ import annotations

import re

import pandas as pd
import pytest

import kit
from kit import pp
from kit.io import pseudonym_key

TRACKED = ("brand", "competitor", "media", "employee")


@pytest.fixture(scope="module")
def window():
    posts, _ = kit.load("sample", start="2026-03-02", end="2026-03-16")
    return posts


def _public(posts):
    """The posts of the public: authors never seen as a tracked account."""
    tracked = posts.loc[posts["actor_role"].isin(TRACKED), "author_handle"].str.lower()
    return posts[(posts["actor_role"] == "public") & ~posts["author_handle"].str.lower().isin(tracked)]


def _text_of(frame) -> str:
    return "\n".join(frame[c].astype("string").fillna("").str.cat(sep="\n") for c in frame.columns)


def _tokens(text: str) -> set[str]:
    return {t.strip(".").lower() for t in re.findall(r"[\w.]+", text)}


def test_no_public_identifier_left_and_tracked_stay_named(window):
    out = pp.pseudonymise(window, key="team secret")
    assert len(out) == len(window) and out.index.equals(window.index)
    public = _public(window)
    everything = _text_of(out)
    tokens = _tokens(everything)
    assert not tokens & set(public["author_handle"].dropna().str.lower())
    assert not tokens & set(pd.concat([public["author_id"], public["post_id"]]).dropna().str.lower())
    names = set(public["author_name"].dropna()) - set(window.loc[window["actor_role"].isin(TRACKED), "author_name"])
    assert not {n for n in names if n in everything}
    tracked = window[window["actor_role"].isin(TRACKED)]
    kept = out.loc[tracked.index]
    assert kept["author_handle"].equals(tracked["author_handle"].astype("string"))
    assert kept["post_id"].equals(tracked["post_id"].astype("string"))
    assert "voltaria" in tokens


def test_same_key_same_pseudonyms_other_key_others_input_untouched(window):
    before = window.copy()
    a = pp.pseudonymise(window, key="one")
    b = pp.pseudonymise(window, key=b"one")
    c = pp.pseudonymise(window, key="two")
    pd.testing.assert_frame_equal(a, b)
    public = _public(window).index
    assert (a.loc[public, "author_handle"] != c.loc[public, "author_handle"]).all()
    pd.testing.assert_frame_equal(window, before)


def test_one_person_one_pseudonym_and_replies_still_join(window):
    out = pp.pseudonymise(window, key="k")
    public = _public(window)
    handles = out.loc[public.index].groupby(public["author_handle"].str.lower())["author_handle"].nunique()
    assert (handles == 1).all()
    assert out.loc[public.index, "author_name"].equals(out.loc[public.index, "author_handle"])
    # a brand reply still points at the post it answers
    joined_before = window["parent_id"].isin(window["post_id"]).sum()
    assert out["parent_id"].isin(out["post_id"]).sum() == joined_before
    assert out.loc[public.index, "url"].isna().all()


def test_mentions_in_text_match_the_author_pseudonym():
    posts = pd.DataFrame(
        {
            "post_id": ["1", "2"],
            "author_handle": ["Fan_1", "voltaria"],
            "author_name": ["A Fan", "Voltaria"],
            "author_id": ["11", "22"],
            "actor_role": ["public", "brand"],
            "text": ["@Voltaria charged twice!", "Sorry @fan_1, DM us. cc @other.person"],
            "parent_id": [None, "1"],
        }
    )
    out = pp.pseudonymise(posts, key="k")
    pseudonym = out["author_handle"].iloc[0]
    assert out["text"].iloc[0] == "@Voltaria charged twice!"
    assert out["text"].iloc[1].startswith(f"Sorry @{pseudonym}, DM us. cc @user-")
    assert out["parent_id"].iloc[1] == out["post_id"].iloc[0] != "1"
    assert pp.pseudonymise(posts, key="k", keep=["fan_1"])["author_handle"].iloc[0] == "Fan_1"


def test_a_key_is_required():
    with pytest.raises(ValueError, match="key"):
        pp.pseudonymise(pd.DataFrame({"author_handle": ["a"]}))


def test_read_key_order_and_default_file(tmp_path, monkeypatch):
    monkeypatch.delenv(pseudonym_key.ENV_KEY, raising=False)
    monkeypatch.delenv(pseudonym_key.ENV_KEY_FILE, raising=False)
    monkeypatch.setenv("XDG_CONFIG_HOME", str(tmp_path / "config"))
    created = pseudonym_key.read_key()
    default = tmp_path / "config" / "kit" / "pseudonym.key"
    assert default.exists() and (default.stat().st_mode & 0o777) == 0o600 and len(created) == 64
    assert pseudonym_key.read_key() == created
    monkeypatch.setenv(pseudonym_key.ENV_KEY, " from env ")
    assert pseudonym_key.read_key() == b"from env"
    given = tmp_path / "team.key"
    given.write_text("from file\n")
    assert pseudonym_key.read_key(given) == b"from file"
    with pytest.raises(FileNotFoundError, match="missing.key"):
        pseudonym_key.read_key(tmp_path / "missing.key")


def test_load_pseudonymises_only_when_asked(tmp_path, monkeypatch):
    monkeypatch.setenv(pseudonym_key.ENV_KEY, "s3cret-team-key")
    plain, _ = kit.load("sample", start="2026-03-02", end="2026-03-03")
    hidden, _ = kit.load("sample", start="2026-03-02", end="2026-03-03", pseudonymise=True, keep=["voltaria"])
    assert plain["author_handle"].str.startswith("user-").sum() == 0
    public = plain["actor_role"] == "public"
    assert hidden.loc[public, "author_handle"].str.startswith("user-").all()
    assert kit.provenance.current()["values"]["pseudonymised"] == {"kept_accounts": 1}
    assert "s3cret" not in str(kit.provenance.current())


def test_a_raw_review_is_renamed_like_the_pseudonymised_posts(monkeypatch):
    monkeypatch.setenv(pseudonym_key.ENV_KEY, "s3cret-team-key")
    posts = pd.DataFrame(
        {
            "post_id": ["p1", "b1"],
            "author_handle": ["fan", "voltaria"],
            "actor_role": ["public", "brand"],
            "text": ["@voltaria late again", "sorry @fan"],
        }
    )
    hidden = pp.pseudonymise(posts, key=pseudonym_key.read_key())
    review = pd.DataFrame({"post_id": ["p1", "b1"], "text": ["@voltaria late again", "sorry @fan"]})
    out = kit.pseudonymise_review(review, hidden, pseudonymise=True)
    assert out["post_id"].tolist() == hidden["post_id"].tolist()
    assert out["text"].tolist() == hidden["text"].tolist()
    assert kit.pseudonymise_review(review, hidden) is review
    already = kit.pseudonymise_review(out, hidden, pseudonymise=True)  # a review drawn from a pseudonymised run
    assert already["post_id"].tolist() == hidden["post_id"].tolist()
