"""Crisis post-mortem computations (kit.tl.timeline, cascades, spreaders, message_types, response, lessons,
kinds; re-exported by kit.tl.crisis) and their plots on hand-built posts."""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pandas as pd
import plotly.graph_objects as go
import pytest

from kit import schema
from kit.io import examples as examples_io
from kit.pl import crisis as plc
from kit.tl import crisis, signals
from kit.tl.cascades import amplification, cascades, repost_share
from kit.tl.kinds import kinds, related, with_text
from kit.tl.lessons import lessons
from kit.tl.message_types import MESSAGE_TYPES, message_types, seed_examples, topics_by_phase
from kit.tl.response import brand_posts, first_statement, response_periods
from kit.tl.spreaders import account_types, spreaders, spreaders_by_type
from kit.tl.timeline import (
    PHASES,
    anchor,
    by_phase,
    during,
    key_moments,
    negative_by_phase,
    negative_share,
    phase_spans,
    phases,
)

T0 = pd.Timestamp("2026-03-09T00:00:00Z")


def at(hours: float) -> pd.Timestamp:
    return T0 + pd.Timedelta(hours=hours)


def posts_frame(rows) -> pd.DataFrame:
    """rows: dicts with post_id, hours, and any canonical column."""
    frame = pd.DataFrame([{**{k: v for k, v in r.items() if k != "hours"}, "created_at": at(r["hours"])} for r in rows])
    frame = frame.assign(platform="twitter", source_file="t.csv", source_row=np.arange(2, len(frame) + 2))
    if "kind" not in frame:
        frame["kind"] = "original"
    frame["kind"] = frame["kind"].fillna("original")
    return schema.coerce(frame)


@pytest.fixture
def timeline():
    return pd.DataFrame(
        [
            dict(
                baseline=1.0,
                onset=at(10),
                peak=at(13),
                peak_value=50.0,
                peak_excess=49.0,
                half_life=pd.Timedelta(hours=4),
                half_life_periods=4.0,
                back_to_baseline=at(30),
                time_to_peak=pd.Timedelta(hours=3),
                duration=pd.Timedelta(hours=20),
            )
        ]
    )


@pytest.fixture
def story():
    """A small crisis: a complaint at hour 10 reposted 4 times and quoted once, a media post reposted twice,
    the brand's reply at 11 and statement at 16, a marketing post before the onset."""
    rows = [
        dict(post_id="b0", hours=2, author_handle="Brand", text="Spring offer: 20 % off", likes=5, shares=1),
        dict(
            post_id="p1",
            hours=10,
            author_handle="alice",
            author_followers=50_000,
            text="I was charged twice! #BrandFail",
            actor="Brand",
        ),
        dict(post_id="r1", hours=10.5, author_handle="u1", kind="repost", parent_id="p1", actor="Brand"),
        dict(post_id="r2", hours=11, author_handle="u2", kind="repost", parent_id="p1", actor="Brand"),
        dict(
            post_id="b1",
            hours=11.2,
            author_handle="brand",
            kind="reply",
            parent_id="p1",
            text="@alice sorry, we are checking",
            actor="Brand",
        ),
        dict(post_id="r3", hours=12, author_handle="u3", kind="repost", parent_id="p1", actor="Brand"),
        dict(
            post_id="q1",
            hours=12.5,
            author_handle="u4",
            kind="quote",
            parent_id="p1",
            text="same here, charged twice",
            actor="Brand",
        ),
        dict(
            post_id="m1",
            hours=13,
            author_handle="dailynews",
            author_name="The Daily News",
            text="Customers of Brand charged twice after glitch",
            actor="Brand",
        ),
        dict(post_id="r4", hours=13.5, author_handle="u5", kind="repost", parent_id="m1", actor="Brand"),
        dict(post_id="r5", hours=14, author_handle="u6", kind="repost", parent_id="m1", actor="Brand"),
        dict(post_id="r6", hours=15, author_handle="u7", kind="repost", parent_id="p1", actor="Brand"),
        dict(
            post_id="b2",
            hours=16,
            author_handle="brand",
            text="Statement: duplicate charges will be refunded",
            likes=40,
            shares=10,
            comments=3,
            actor="Brand",
        ),
        dict(post_id="x1", hours=40, author_handle="bob", text="RT @alice: I was charged twice!", actor="Brand"),
    ]
    return posts_frame(rows)


# ------------------------------------------------------------------------------------------------ phases


def test_phase_spans_are_contiguous_and_ordered(timeline):
    spans = phase_spans(timeline)
    assert spans["phase"].tolist() == ["before", "rise", "peak", "decline", "after"]
    assert spans["start"].iloc[1] == at(10) and spans["start"].iloc[2] == at(13)
    assert spans["end"].iloc[2] == at(17)  # peak + one half-life
    assert (spans["end"].iloc[:-1].to_numpy()[1:] == spans["start"].iloc[1:].to_numpy()[1:]).all()
    assert spans["end"].iloc[3] == at(30) and pd.isna(spans["end"].iloc[4])


def test_phase_spans_without_onset_is_one_before_phase():
    empty = pd.DataFrame([dict(onset=pd.NaT, peak=at(3), half_life=pd.NaT, back_to_baseline=pd.NaT)])
    assert phase_spans(empty)["phase"].tolist() == ["before"]


def test_phases_labels_every_post_and_leaves_input_alone(story, timeline):
    before = story.copy()
    out = phases(story, timeline)
    pd.testing.assert_frame_equal(story, before)
    assert "phase" not in story.columns
    got = dict(zip(out["post_id"], out["phase"].astype(str)))
    assert got["b0"] == "before" and got["p1"] == "rise" and got["m1"] == "peak"
    assert got["b2"] == "peak" and got["x1"] == "after"
    assert list(out["phase"].cat.categories) == list(PHASES)


def test_anchor_uses_the_known_start(timeline):
    same = anchor(timeline)
    assert same["onset"].iloc[0] == at(10) and same["onset_source"].iloc[0] == "detected"
    known = anchor(timeline, known_start="2026-03-09T08:00:00Z")
    assert known["onset"].iloc[0] == at(8) and known["detected_onset"].iloc[0] == at(10)
    assert known["time_to_peak"].iloc[0] == pd.Timedelta(hours=5)


def test_by_phase_shares_sum_to_one_with_intervals(story, timeline):
    out = by_phase(phases(story, timeline), "kind")
    assert np.allclose(out.groupby("phase")["share"].sum(), 1.0)
    assert ((out["low"] <= out["share"]) & (out["share"] <= out["high"])).all()
    assert out["phase"].iloc[0] == "before"


# ------------------------------------------------------------------------------------------ negative share


def test_negative_share_counts_and_min_posts():
    rows = [dict(post_id=f"n{i}", hours=i // 4, text="x") for i in range(12)]
    posts = posts_frame(rows).assign(sentiment=["negative", "positive", "negative", "neutral"] * 2 + ["negative"] * 4)
    out = negative_share(posts, freq="H", start=at(0), end=at(5), min_posts=2)
    assert out["posts"].tolist() == [4, 4, 4, 0, 0]
    assert out["negative"].tolist() == [2, 2, 4, 0, 0]
    assert out["share"].iloc[:3].tolist() == [0.5, 0.5, 1.0] and out["share"].iloc[3:].isna().all()
    # ready for the shared detectors
    assert len(signals.bursts(out, value="negative", total="posts", s=1.5)) >= 0
    assert len(signals.change_points(out, value="share")) >= 1


def test_negative_by_phase(story, timeline):
    scored = phases(story, timeline).assign(sentiment="neutral")
    scored.loc[scored["post_id"].isin(["p1", "q1"]), "sentiment"] = "negative"
    out = negative_by_phase(scored).set_index("phase")
    assert out.loc["rise", "negative"] == 2 and out.loc["before", "share"] == 0.0


# ----------------------------------------------------------------------------------------- amplification


def test_kinds_infers_old_style_retweets(story):
    k = kinds(story)
    assert k[story["post_id"] == "x1"].item() == "repost"
    assert (kinds(story, infer_retweets=False)[story["post_id"] == "x1"] == "original").all()


def test_related_follows_parent_links(story):
    core = story[story["post_id"] == "p1"]
    got = set(related(story, core)["post_id"])
    assert got == {"p1", "r1", "r2", "r3", "q1", "r6", "b1"}


def test_amplification_per_period(story):
    out = amplification(story, freq="H", start=at(0), end=at(48))
    assert out[["original", "repost", "quote", "reply"]].to_numpy().sum() == len(story)
    assert out["repost"].sum() == 7  # six reposts and one RT
    out = amplification(story, freq="H", start=at(0), end=at(48), min_posts=1)
    row = out[out["period"] == at(13)].iloc[0]
    assert row["original"] == 1 and row["repost"] == 1 and row["repost_share"] == 0.5
    assert out.loc[out["posts"] == 0, "repost_share"].isna().all()


def test_repost_share_follows_the_truth_definition(story):
    out = repost_share(story, start=at(10), hours=24, actor="Brand").iloc[0]
    # posts about Brand in [10h, 34h): p1 r1 r2 b1 r3 q1 m1 r4 r5 r6 b2 -> 6 reposts of 11
    assert out["posts"] == 11 and out["reposts"] == 6
    assert out["share"] == pytest.approx(6 / 11) and out["low"] < out["share"] < out["high"]
    assert "72" not in out["definition"] and "24 hours" in out["definition"]
    everything = repost_share(story, start=None, hours=None).iloc[0]
    assert everything["posts"] == len(story) and everything["reposts"] == 7


def test_cascades_sizes_and_order(story):
    out = cascades(story, n=None)
    assert out["post_id"].tolist()[:2] == ["p1", "m1"]
    p1 = out.iloc[0]
    assert (p1["reposts"], p1["quotes"], p1["replies"], p1["size"]) == (4, 1, 1, 5)
    assert p1["author_handle"] == "alice"
    # half of 5 spreads reached by the 3rd one (r3 at 12h): 2 hours after the original
    assert p1["hours_to_half"] == pytest.approx(2.0)


def test_cascades_without_parent_links_is_empty(story):
    assert cascades(story.assign(parent_id=pd.NA)).empty


def test_account_types_by_simple_signals(story):
    types = account_types(story, brand_handles=["@brand"]).set_index("author_handle")
    assert types.loc["brand", "account_type"] == "brand" and types.loc["Brand", "account_type"] == "brand"
    assert types.loc["dailynews", "account_type"] == "media"
    assert types.loc["alice", "account_type"] == "influencer"
    assert types.loc["u1", "account_type"] == "public"
    labelled = account_types(story.assign(x_source="Government"), label="x_source").set_index("author_handle")
    assert labelled.loc["u1", "account_type"] == "official" and labelled.loc["u1", "signal"] == "label"
    witness = account_types(story.assign(author_followers=10)).set_index("author_handle")
    assert witness.loc["alice", "account_type"] == "eyewitness"


def test_spreaders_rank_by_amplification_received(story):
    out = spreaders(story, brand_handles=["brand"], n=3)
    assert out["author_handle"].tolist()[:2] == ["alice", "dailynews"]
    assert out["amplification_received"].tolist()[:2] == [6, 2]  # 5 linked by parent_id, 1 "RT @alice:"
    by_type = spreaders_by_type(story, brand_handles=["brand"])
    assert by_type["posts"].sum() == len(story)
    assert by_type["share_of_amplification"].sum() == pytest.approx(1.0)


def test_key_moments(story, timeline):
    statement = first_statement(story, timeline, brand_handles=["brand"])
    out = key_moments(story, timeline, brand_handles=["brand"], top_cascades=cascades(story), statement=statement)
    moments = dict(zip(out["moment"], out["time"]))
    assert moments["onset"] == at(10) and moments["first media post"] == at(13)
    assert moments["brand's first statement"] == at(16)
    assert out["time"].is_monotonic_increasing


# ----------------------------------------------------------------------------------------- brand response


def test_first_statement_skips_replies_and_earlier_posts(story, timeline):
    out = first_statement(story, timeline, brand_handles=["brand"]).iloc[0]
    assert out["first_statement"] == at(16) and out["hours_to_statement"] == pytest.approx(6.0)
    assert out["hours_to_reply"] == pytest.approx(1.2) and out["statement_text"].startswith("Statement")
    none = first_statement(story, timeline, brand_handles=["nobody"]).iloc[0]
    assert pd.isna(none["first_statement"]) and np.isnan(none["hours_to_statement"])
    said = lessons(timeline, statement=first_statement(story, timeline, brand_handles=["nobody"]))
    assert "no statement" in said["lesson"].iloc[-1]


def test_brand_posts_earned(story, timeline):
    out = brand_posts(story, timeline, brand_handles=["brand"])
    assert len(out) == 1 and out["interactions"].iloc[0] == 53 and out["phase"].iloc[0] == "peak"


def test_response_periods_before_vs_during(timeline):
    rows = []
    for i, h in enumerate([1, 2, 3, 4, 12, 14, 16, 18]):
        rows.append(
            dict(post_id=f"c{i}", hours=h, author_handle=f"user{i}", text="help?", actor="Brand", x_intent="question")
        )
    rows.append(dict(post_id="a0", hours=1.5, author_handle="brand", kind="reply", parent_id="c0", text="ok"))
    rows.append(dict(post_id="a1", hours=14, author_handle="brand", kind="reply", parent_id="c4", text="ok"))
    rows.append(dict(post_id="a2", hours=18, author_handle="brand", kind="reply", parent_id="c5", text="ok"))
    posts = posts_frame(rows)
    out = response_periods(posts, timeline, brand_handles=["brand"], brand="Brand", intent_column="x_intent").set_index(
        "period"
    )
    assert out.loc["before", "cases"] == 4 and out.loc["before", "responded"] == 1
    assert out.loc["during", "cases"] == 4 and out.loc["during", "responded"] == 2
    assert out.loc["during", "median_hours"] == pytest.approx(3.0)
    said = lessons(timeline, response=out.reset_index(), topics=["care"])
    assert "25%" in said["lesson"].iloc[0] and "50%" in said["lesson"].iloc[0]


# ----------------------------------------------------------------------------------------- message types


def test_seed_examples_cover_every_type_in_three_languages():
    ex = seed_examples()
    counts = ex.groupby("label").size()
    assert set(counts.index) == set(MESSAGE_TYPES)
    assert counts.between(5, 15).all()
    assert (ex.groupby("label")["lang"].nunique() == 3).all()


def test_message_types_few_shot(story):
    out = message_types(story, embedder="hash", labels=["criticism", "questions"])
    assert set(out["message_type"]) <= {"criticism", "questions"}
    assert out["message_confidence"].between(0, 1).all() and "message_type" not in story.columns
    low = message_types(story, embedder="hash", min_confidence=0.99)
    assert (low["message_type"] == "other").all()
    with pytest.raises(ValueError, match="no examples for the message types"):
        message_types(story, embedder="hash", labels=["gossip"])


def test_message_types_from_a_team_file(story, tmp_path):
    path = tmp_path / "examples.csv"
    path.write_text(
        "text,label\ncharged twice again,billing\nwhere is my train,travel\nrefund now,billing\ntrain late,travel\n",
        encoding="utf-8",
    )
    examples = examples_io.read(path)
    assert examples["lang"].eq(examples_io.NO_LANG).all() and len(examples) == 4
    out = message_types(story, examples=examples, embedder="hash")
    assert set(out["message_type"]) <= {"billing", "travel"}
    with pytest.raises(TypeError, match="kit.io.examples.read"):
        message_types(story, examples=str(path), embedder="hash")
    bad = tmp_path / "bad.csv"
    bad.write_text("tweet,label\nx,y\n", encoding="utf-8")
    with pytest.raises(ValueError, match="no column 'text'"):
        examples_io.read(bad)
    one = tmp_path / "one.csv"
    one.write_text("text,label,lang\nx,y,en\nz,y,fr\n", encoding="utf-8")
    with pytest.raises(ValueError, match="at least two labels"):
        examples_io.read(one)
    assert examples_io.load(None).equals(seed_examples())


# ------------------------------------------------------------------------------------------------ lessons


def test_lessons_say_the_figures_in_words(story, timeline):
    out = lessons(
        timeline,
        repost=repost_share(story, start=at(10), hours=24),
        statement=first_statement(story, timeline, brand_handles=["brand"]),
        top_cascades=cascades(story),
        top_spreaders=spreaders(story),
    )
    text = " ".join(out["lesson"])
    assert "peaked 3.0 hours later" in text and "halved in 4.0 hours" in text
    assert "6.0 hours after the onset" in text and "@alice" in text
    assert list(out.columns) == ["topic", "lesson"]
    assert lessons(timeline, topics=["recovery"])["topic"].tolist() == ["recovery"]


def test_lessons_without_data_say_so():
    none = pd.DataFrame([dict(onset=pd.NaT, peak=pd.NaT, back_to_baseline=pd.NaT, half_life=pd.NaT)])
    out = lessons(none, top_cascades=cascades(posts_frame([dict(post_id="a", hours=1)])), response=pd.DataFrame())
    text = " ".join(out["lesson"])
    assert "No surge" in text and "no parent_id" in text and "not enough questions" in text


# -------------------------------------------------------------------------------------------------- plots


def test_plots_return_figures_and_escape_text(story, timeline):
    evil = story.assign(
        author_handle=story["author_handle"].replace("alice", "<b>x</b>"),
        text=story["text"].replace("I was charged twice! #BrandFail", "<script>alert(1)</script>"),
    )
    series = pd.DataFrame({"period": pd.date_range(at(0), at(47), freq="h"), "posts": np.arange(48)})
    cas = cascades(evil)
    moments = key_moments(evil, timeline, top_cascades=cas)
    figs = [
        plc.timeline(series, phase_spans(timeline), moments=moments, baseline=1.0),
        plc.amplification(amplification(evil, start=at(0), end=at(48))),
        plc.cascades(cas),
        plc.spreaders_by_type(spreaders_by_type(evil)),
        plc.by_phase(by_phase(phases(evil, timeline), "kind"), "kind"),
        plc.negative_by_phase(negative_by_phase(phases(evil, timeline).assign(sentiment="negative"))),
    ]
    for fig in figs:
        assert isinstance(fig, go.Figure)
        dumped = str(fig.to_dict())
        assert "<script>" not in dumped and "<b>x</b>" not in dumped


def test_posts_without_text_and_without_kinds_are_unknown():
    rows = [
        dict(post_id="a", hours=1, text="RT @x: flood warning"),
        dict(post_id="b", hours=1, text="water rising"),
        dict(post_id="c", hours=1, text=""),
        dict(post_id="d", hours=2),
    ]
    posts = posts_frame(rows)
    assert kinds(posts).tolist() == ["repost", "original", "unknown", "unknown"]
    share = repost_share(posts, hours=None).iloc[0]
    assert share["posts"] == 2 and share["reposts"] == 1 and "2 posts without text left out" in share["definition"]
    amp = amplification(posts, freq="H", min_posts=1)
    assert amp["unknown"].tolist() == [1, 1] and amp["repost_share"].iloc[0] == 0.5
    # with kinds in the export, an empty text says nothing about the kind
    assert kinds(posts.assign(kind=["original", "original", "reply", "original"]))[2] == "reply"


# ------------------------------------------------------------------------------------ real data (shared)

ALBERTA = Path(__file__).resolve().parents[2].parent / "shared" / "data" / "crisislex_t26" / "2013_Alberta_floods"


@pytest.mark.shared
@pytest.mark.skipif(not ALBERTA.exists(), reason="../shared/data/crisislex_t26 absent")
def test_crisislex_alberta_timeline_and_kinds():
    import kit
    from kit import tl

    posts, _ = kit.load(
        [
            str(ALBERTA / "2013_Alberta_floods-tweets_labeled.csv"),
            str(ALBERTA / "2013_Alberta_floods-tweetids_entire_period.csv"),
        ],
        time_from_id=True,
    )
    series = tl.volume(posts, freq="H", by=None, start=posts["created_at"].min(), end=posts["created_at"].max())
    row = signals.surge(series, value="posts").iloc[0]
    # the floods forced Calgary's evacuations on 20-21 June 2013; the hourly volume surges on the 21st
    assert row["onset"] == pd.Timestamp("2013-06-21T12:00Z") and row["peak"] == pd.Timestamp("2013-06-21T16:00Z")
    assert 3 <= row["half_life_periods"] <= 15
    kind = kinds(posts)
    assert (kind == "repost").sum() > 100 and (kind == "unknown").sum() == len(posts) - with_text(posts).shape[0]
    types = account_types(with_text(posts), label="x_information_source")
    assert {"media", "official", "eyewitness", "public"} <= set(types["account_type"])
    top = spreaders(with_text(posts), label="x_information_source", n=5)
    assert top["amplification_received"].iloc[0] >= 10 and top["signal"].str.contains("retweeted only").all()


def test_during_and_topics_without_onset(story):
    none = pd.DataFrame([dict(onset=pd.NaT, peak=at(3), half_life=pd.NaT, back_to_baseline=pd.NaT)])
    assert len(during(story, none)) == len(story)
    assert "repost" not in set(kinds(during(story, none, drop_reposts=True)))
    info, phase_table = topics_by_phase(phases(story, none), embedder="hash")
    assert "too few for topics" in info["note"].iloc[0] and phase_table.empty


def test_response_periods_without_onset_or_cases(story):
    none = pd.DataFrame([dict(onset=pd.NaT, peak=at(3), half_life=pd.NaT, back_to_baseline=pd.NaT)])
    out = response_periods(story, none, brand_handles=["nobody"], intent_column="text", intents=["x"])
    assert out["period"].tolist() == ["whole window"] and out["cases"].tolist() == [0]
    assert {"period", "cases", "response_rate", "median_hours"} <= set(out.columns)


def test_crisis_layer_re_exports_the_concept_modules():
    from kit.tl import cascades as cascades_mod
    from kit.tl import lessons as lessons_mod
    from kit.tl import timeline as timeline_mod

    assert crisis.phases is timeline_mod.phases and crisis.cascades is cascades_mod.cascades
    assert crisis.lessons is lessons_mod.lessons
    assert set(crisis.__all__) >= {"definitions", "kinds", "key_moments", "response_periods", "seed_examples"}
    assert list(crisis.definitions().columns) == ["term", "definition"]


def test_brand_handles_are_normalised_once(story, timeline):
    """Brand handles go through kit._text.normalise_handle: spaces, a leading @ and case do not matter."""
    from kit.tl._crisis import _handles, _is_brand

    assert _handles([" @Brand ", "", "OTHER"]) == {"brand", "other"} and _handles(None) == set()
    assert _is_brand(story, "@BRAND").sum() == 3  # b0 by "Brand", b1 and b2 by "brand": one account
    spaced = first_statement(story, timeline, brand_handles=[" @BRAND "]).iloc[0]
    assert spaced["hours_to_statement"] == pytest.approx(6.0)
    types = account_types(story, brand_handles=[" @Brand"]).set_index("author_handle")["account_type"]
    assert types["brand"] == "brand" and types["Brand"] == "brand"


def test_phases_and_window_stop_where_a_gap_cut_the_decline():
    cut = dict(
        onset=at(10), peak=at(13), half_life=pd.Timedelta(hours=4), back_to_baseline=pd.NaT, measured_until=at(20)
    )
    spans = phase_spans(cut, end=at(40))
    assert spans["phase"].tolist() == ["before", "rise", "peak", "decline"]
    assert spans["end"].iloc[-1] == at(20) and spans["end"].iloc[2] == at(17)
    posts = pd.DataFrame({"created_at": [at(h) for h in (11, 14, 22)]})
    assert len(during(posts, cut)) == 2
