"""tl.overview, pl, pp and provenance on hand-built frames."""

from __future__ import annotations

import inspect
import json

import pandas as pd
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import kit
from kit import pl, pp, provenance, schema, tl


def posts_frame(rows) -> pd.DataFrame:
    """rows: (time, actor, platform, lang, likes, text)."""
    frame = pd.DataFrame(rows, columns=["created_at", "actor", "platform", "lang", "likes", "text"])
    frame["post_id"] = [f"p{i}" for i in range(len(frame))]
    frame["kind"] = "original"
    frame["source_file"] = "test"
    frame["source_row"] = range(2, len(frame) + 2)
    frame["author_handle"] = [f"user{i % 3}" for i in range(len(frame))]
    return schema.validate(schema.coerce(frame))


@pytest.fixture
def posts():
    return posts_frame(
        [
            ("2026-01-05T10:00:00Z", "Brand", "twitter", "fr", 5, "Bonjour"),
            ("2026-01-05T11:00:00Z", "Rival", "twitter", "de", 1, "Hallo"),
            ("2026-01-07T09:00:00Z", "Brand", "mastodon", "en", 0, "<script>alert(1)</script>"),
            ("2026-01-07T23:59:00Z", "Brand", "twitter", None, 9, "hello"),
        ]
    )


def test_volume_fills_empty_days_with_zeros(posts):
    vol = tl.volume(posts, freq="D", by="actor")
    assert list(vol.columns) == ["period", "actor", "posts"]
    assert vol["posts"].sum() == len(posts)
    jan6 = vol[vol["period"] == pd.Timestamp("2026-01-06", tz="UTC")]
    assert set(jan6["actor"]) == {"Brand", "Rival"} and jan6["posts"].sum() == 0
    brand7 = vol[(vol["period"] == pd.Timestamp("2026-01-07", tz="UTC")) & (vol["actor"] == "Brand")]
    assert brand7["posts"].item() == 2


def test_volume_weekly_without_groups(posts):
    vol = tl.volume(posts, freq="W", by=None)
    assert vol["posts"].tolist() == [4]
    assert vol["period"].iloc[0] == pd.Timestamp("2026-01-05", tz="UTC")  # a Monday


def test_volume_rejects_unknown_frequency(posts):
    with pytest.raises(ValueError, match="freq must be one of"):
        tl.volume(posts, freq="Q")


def test_volume_of_empty_table():
    assert tl.volume(schema.empty(), freq="D").empty


def test_breakdown_shares(posts):
    out = tl.breakdown(posts, "lang")
    assert out.iloc[0].to_dict() == {"lang": "(unknown)", "posts": 1, "share": 0.25} or out["posts"].sum() == 4
    assert out["share"].sum() == pytest.approx(1.0)
    two = tl.breakdown(posts, ["actor", "platform"])
    assert two.loc[(two["actor"] == "Brand") & (two["platform"] == "twitter"), "posts"].item() == 2


def test_top_posts_orders_by_interactions(posts):
    top = tl.top_posts(posts, n=2)
    assert top["interactions"].tolist() == [9, 5]
    assert top["text"].tolist() == ["hello", "Bonjour"]


def test_summary(posts):
    facts = dict(zip(*tl.summary(posts).T.values))
    assert facts["posts"] == "4" and facts["authors"] == "3"
    assert facts["languages"] == "de 1 · en 1 · fr 1 · und 1"  # with their counts, largest first


def mixed_frame() -> pd.DataFrame:
    """A hand-built mixed-language table: 6 English, 3 Spanish, 2 Portuguese, 1 French, 1 not detected."""
    langs = ["en"] * 6 + ["es"] * 3 + ["pt"] * 2 + ["fr", None]
    return pd.DataFrame({"lang": pd.array(langs, dtype="string"), "text": [f"post {i}" for i in range(len(langs))]})


def test_language_counts_and_line():
    table = tl.languages.counts(mixed_frame())
    assert table["lang"].tolist() == ["en", "es", "pt", "fr", "und"]
    assert table["posts"].tolist() == [6, 3, 2, 1, 1]
    assert table["read"].tolist() == [True, False, False, True, True]
    assert table["share"].sum() == pytest.approx(1.0)
    assert tl.languages.line(table) == "en 6 · es 3 · pt 2 · fr 1 · und 1"
    assert tl.languages.line(table, top=2) == "en 6 · es 3 · 3 other languages 4"
    assert tl.languages.line(table.iloc[0:0]) == "no posts"


def test_left_out_sentence_counts_unread_languages():
    said = tl.languages.left_out(mixed_frame())
    assert said.startswith("5 of 13 posts (38.5 %) are in languages")
    assert "(es 3 · pt 2)" in said and "left out of the sentiment, emotion and intent figures" in said
    assert tl.languages.left_out(mixed_frame().query("lang != 'es' and lang != 'pt'")).startswith("All 8 posts")
    assert tl.languages.left_out(pd.DataFrame({"lang": pd.array([], dtype="string")})) == "No posts."


def test_left_out_sentence_says_what_was_done():
    frame = mixed_frame()
    unread = frame["lang"].isin(["es", "pt"]).fillna(False).to_numpy()
    scored = frame.assign(
        sentiment=pd.array(["negative"] * len(frame), dtype="string"),
        emotion=pd.array(["joy"] * len(frame), dtype="string"),
    )
    scored.loc[unread, "sentiment"] = pd.NA  # left out by the sentiment verb; emotion scored anyway
    said = tl.languages.left_out(scored)
    assert "left out of the sentiment figures" in said
    assert "their emotion comes from models not made for their language" in said


def test_summary_without_languages():
    facts = dict(zip(*tl.summary(schema.empty()).T.values))
    assert facts["languages"] == "not detected"


def test_figures_escape_untrusted_names(posts):
    frame = posts.assign(actor=["<b>x</b>", "Rival", "<b>x</b>", "Rival"])
    fig = pl.volume(tl.volume(frame, freq="D", by="actor"))
    names = [trace["name"] for trace in fig.to_dict()["data"]]
    assert "&lt;b&gt;x&lt;/b&gt;" in names and "<b>x</b>" not in names
    bars = pl.breakdown(tl.breakdown(frame, "actor")).to_dict()["data"][0]
    assert list(bars["y"]) == ["&lt;b&gt;x&lt;/b&gt;", "Rival"]


def test_table_escapes_and_keeps_full_text(posts):
    long = "x" * 200 + " <script>alert(1)</script>"
    html = pl.table(pd.DataFrame({"text": [long]}))._repr_html_()
    assert "x" * 200 in html and "&lt;script&gt;" in html and "<script>" not in html


def test_filter_period_and_inputs_not_mutated(posts):
    before = posts.copy()
    out = pp.filter_period(posts, "2026-01-06", "2026-01-07T23:00:00")
    assert out["post_id"].tolist() == ["p2"]
    pd.testing.assert_frame_equal(posts, before)


def test_pseudonymise_is_stable_and_keeps_listed_handles(posts):
    a = pp.pseudonymise(posts, salt="s", keep=("user0",))
    b = pp.pseudonymise(posts, salt="s", keep=("user0",))
    assert a["author_handle"].tolist() == b["author_handle"].tolist()
    assert a["author_handle"].iloc[0] == "user0"
    assert a["author_handle"].iloc[1].startswith("user-") and a["author_handle"].iloc[1] != "user1"
    assert pp.pseudonymise(posts, salt="t")["author_handle"].iloc[1] != a["author_handle"].iloc[1]


def test_detect_language_restricted_and_und_for_short():
    frame = posts_frame(
        [
            (
                "2026-01-05T10:00:00Z",
                "B",
                "twitter",
                None,
                0,
                "Le train est encore en retard ce matin, c'est inadmissible",
            ),
            ("2026-01-05T10:00:00Z", "B", "twitter", None, 0, "Der Zug hat schon wieder Verspätung, das ist unmöglich"),
            (
                "2026-01-05T10:00:00Z",
                "B",
                "twitter",
                None,
                0,
                "The train is late again this morning, this is unacceptable",
            ),
            ("2026-01-05T10:00:00Z", "B", "twitter", None, 0, "@voltaria 👍 https://t.co/x"),
            ("2026-01-05T10:00:00Z", "B", "twitter", "it", 0, "Ciao a tutti"),
        ]
    )
    out = pp.detect_language(frame)
    assert out["lang"].tolist() == ["fr", "de", "en", "und", "it"]
    assert frame["lang"].isna().sum() == 4  # input untouched


@settings(max_examples=40, deadline=None)
@given(st.lists(st.tuples(st.integers(0, 60 * 24 * 20), st.sampled_from(["A", "B", "C"])), min_size=1, max_size=40))
def test_volume_conserves_posts(rows):
    frame = posts_frame(
        [(pd.Timestamp("2026-01-01", tz="UTC") + pd.Timedelta(minutes=m), a, "twitter", "en", 1, "t") for m, a in rows]
    )
    for freq in ("H", "D", "W", "M"):
        vol = tl.volume(frame, freq=freq, by="actor")
        assert vol["posts"].sum() == len(frame)
        assert (vol["posts"] >= 0).all()
    shares = tl.breakdown(frame, "actor")["share"]
    assert ((shares >= 0) & (shares <= 1)).all() and shares.sum() == pytest.approx(1.0)


def test_provenance_records_to_file(tmp_path, monkeypatch):
    target = tmp_path / "record.json"
    monkeypatch.setenv("KIT_RECORD", str(target))
    provenance.reset()
    provenance.record("answer", 42)
    provenance.note_model("embedder", "hash-256")
    data = json.loads(target.read_text())
    assert data["values"]["answer"] == 42 and data["models"]["embedder"] == "hash-256"


def test_load_accounts_for_rows_outside_the_period(tmp_path):
    f = tmp_path / "p.csv"
    f.write_text("id,created_at,text\n1,2026-01-01T00:00:00Z,a\n2,2026-02-01T00:00:00Z,b\n3,bad,c\n", encoding="utf-8")
    posts, report = kit.load(str(f), start="2026-01-15")
    assert len(posts) == 1 and report.rows_read == 3 and report.rows_dropped == 1
    assert "1 posts outside the period" in report.warnings[-1]
    assert provenance.current()["values"]["posts_outside_period"] == 1


def test_public_functions_take_at_most_three_positional_arguments():
    """scanpy's rule: data first, few positionals, the rest keyword-only."""
    import kit.io
    import kit.tl.embed

    offenders = []
    for module in (tl, pl, pp, kit.io, kit.tl.embed):
        for name, fn in inspect.getmembers(module, inspect.isfunction):
            if name.startswith("_") or not fn.__module__.startswith("kit"):
                continue
            params = inspect.signature(fn).parameters.values()
            positional = [p for p in params if p.kind in (p.POSITIONAL_ONLY, p.POSITIONAL_OR_KEYWORD)]
            if len(positional) > 3:
                offenders.append(f"{fn.__module__}.{name}")
    assert not offenders, offenders


def test_match_terms_is_literal_and_case_insensitive(posts):
    frame = posts.assign(text=["Charged TWICE again", "a.b", "axb", "nothing"])
    assert pp.match_terms(frame, ["charged twice"])["text"].tolist() == ["Charged TWICE again"]
    assert pp.match_terms(frame, ["a.b"])["text"].tolist() == ["a.b"]  # the dot is not a wildcard
    assert len(pp.match_terms(frame, [])) == len(frame)


def test_volume_over_a_fixed_window_keeps_quiet_periods(posts):
    vol = tl.volume(posts.iloc[[2]], freq="D", by=None, start="2026-01-01", end="2026-01-10")
    assert vol["period"].min() == pd.Timestamp("2026-01-01", tz="UTC")
    assert vol["period"].max() == pd.Timestamp("2026-01-09", tz="UTC")
    assert vol["posts"].sum() == 1 and len(vol) == 9
    empty = tl.volume(posts.iloc[0:0], freq="D", by=None, start="2026-01-01", end="2026-01-03")
    assert empty["posts"].tolist() == [0, 0]
