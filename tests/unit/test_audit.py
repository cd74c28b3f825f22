"""The audit's tl modules (through the tl.audit layer) and pl.audit on hand-built frames, plus the planted truths
of the sample that need no model."""

from __future__ import annotations

import inspect
from pathlib import Path

import numpy as np
import pandas as pd
import plotly.graph_objects as go
import pytest

from kit import _stats, _text, datasets, schema
from kit.io import accounts as accounts_io
from kit.pl import audit as pa
from kit.tl import audit
from kit.tl import keyness as keyness_module

SHARED_DATA = Path(__file__).resolve().parents[2].parent / "shared" / "data"


def frame(rows) -> pd.DataFrame:
    """rows: (time, handle, platform, format, text, likes, followers)."""
    f = pd.DataFrame(
        rows, columns=["created_at", "author_handle", "platform", "media_format", "text", "likes", "author_followers"]
    )
    f["post_id"] = [f"p{i}" for i in range(len(f))]
    f["kind"] = "original"
    f["lang"] = "en"
    f["source_file"] = "test"
    f["source_row"] = range(2, len(f) + 2)
    return schema.validate(schema.coerce(f))


@pytest.fixture
def posts() -> pd.DataFrame:
    rows = []
    start = pd.Timestamp("2026-01-05 09:00", tz="UTC")
    for i in range(40):
        t = start + pd.Timedelta(hours=7 * i)
        rows.append(
            (
                t,
                "brand",
                "twitter",
                "video" if i % 2 else "text",
                "Our electric trains are green today <script>x</script>",
                10 + i,
                1000,
            )
        )
        rows.append(
            (t + pd.Timedelta(minutes=30), "Rival", "twitter", "text", "Rival trains have the cheapest fares", 5, 2000)
        )
    rows.append((start, "fan", "twitter", "text", "I love trains", 1, 10))
    return frame(rows)


def own(posts, **kw):
    return audit.own_posts(posts, ["@Brand"], "rival", **kw)


def test_own_posts_matches_handles_any_case_and_sets_roles(posts):
    out = own(posts)
    assert len(out) == 80 and set(out["actor_role"]) == {"brand", "competitor"}
    assert set(out["actor"]) == {"brand", "Rival"}  # no tracked actor in the export: the handle
    assert "fan" not in set(out["account"])
    assert audit.brand_actor(out) == "brand"
    assert own(posts, kinds=["reply"]).empty


def test_keyness_puts_the_owned_word_first_and_signs_are_right(posts):
    key = audit.keyness(own(posts), top=None, min_z=None, ngrams=(1, 1))
    brand = key[key["actor"] == "brand"].set_index("term")
    rival = key[key["actor"] == "Rival"].set_index("term")
    assert brand.sort_values("rank").index[0] in {"electric", "green", "today"}
    assert brand.loc["electric", "z"] > 3 and rival.loc["electric", "z"] < -3
    assert abs(brand.loc["trains", "z"]) < 1  # shared word: not distinctive
    np.testing.assert_allclose(brand.loc["cheapest", "log_odds"], -rival.loc["cheapest", "log_odds"])
    assert "script" not in brand.index or brand.loc["script", "posts_in_group"] == 40  # text, never markup
    assert (key["lang"] == "en").all()


def test_keyness_bigrams_hashtags_and_stop_words():
    toks = _text.tokens(
        "Le #VoltariaGreen : l'électrique, c'est https://x.y @someone zéro émission",
        frozenset({"le", "est"}),
        keep_gaps=True,
    )
    assert [t for t in toks if t] == ["#voltariagreen", "électrique", "zéro", "émission"]
    assert "zéro émission" in keyness_module._terms("zéro émission", frozenset(), (1, 2))
    assert "électrique zéro" not in keyness_module._terms("électrique le zéro", frozenset({"le"}), (1, 2))


def test_log_odds_is_antisymmetric():
    a, b, prior = np.array([10, 0, 5]), np.array([0, 10, 5]), np.array([10, 10, 10])
    d1, z1 = audit.log_odds(a, b, prior)
    d2, z2 = audit.log_odds(b, a, prior)
    np.testing.assert_allclose(d1, -d2)
    assert z1[0] > 0 > z1[1] and abs(z1[2]) < 1e-9


def test_zero_engagement_does_not_break(posts):
    zero = own(posts).assign(likes=0)
    per = audit.engagement(zero)
    assert (per["interactions"] == 0).all() and (per["rate_followers"] == 0).all()
    perf = audit.performance(zero, "actor", n_boot=50)
    assert (perf["median_interactions"] == 0).all() and (perf["median_rate_followers_high"] == 0).all()
    result = audit.effects(zero)  # nothing to estimate, but no crash
    assert isinstance(result, pd.DataFrame)


def test_single_actor_and_empty_period(posts):
    one = own(posts).query("actor == 'brand'")
    assert audit.keyness(one).empty  # nothing to compare with
    empty = own(posts.iloc[:0])
    assert empty.empty
    assert audit.inventory(empty).empty
    assert audit.posting_heatmap(empty).empty
    assert audit.gaps(empty).empty and audit.cadence(empty).empty
    assert audit.performance(empty).empty and audit.benchmarks(empty).empty
    assert audit.keyness(empty).empty
    assert audit.effects(empty).empty
    shares = audit.pillar_shares(empty.assign(pillar=pd.Series(dtype="string")), {"a": "x"})
    assert shares.empty
    assert audit.pillar_divergence(empty.assign(pillar=pd.Series(dtype="string")), {"a": "x"}, brand="b").empty
    assert audit.findings(brand="b").empty
    assert audit.overview(empty)[0].startswith("No post of the listed")
    assert audit.overview(own(posts))[0].startswith("brand: 40 posts")
    for fig in (
        pa.inventory(audit.inventory(empty)),
        pa.posting_heatmap(audit.posting_heatmap(empty)),
        pa.performance(audit.performance(empty)),
        pa.benchmarks(audit.benchmarks(empty)),
        pa.keyness(audit.keyness(empty)),
        pa.effects(audit.effects(empty)),
        pa.pillar_shares(shares),
    ):
        assert isinstance(fig, go.Figure)
        assert any("No " in a.text or "Too few" in a.text for a in fig.layout.annotations)


def test_inputs_are_not_mutated(posts):
    before = posts.copy()
    o = own(posts)
    o_before = o.copy()
    audit.inventory(o), audit.posting_heatmap(o), audit.cadence(o), audit.engagement(o)
    audit.performance(o, ["actor", "media_format"], n_boot=20), audit.benchmarks(o, n_boot=20)
    audit.keyness(o), audit.effects(o), audit.attach_followers(posts)
    pd.testing.assert_frame_equal(posts, before)
    pd.testing.assert_frame_equal(o, o_before)


def test_a_one_post_group_has_no_interval_and_no_benchmark_verdict():
    rows = [(pd.Timestamp("2026-01-05", tz="UTC"), "brand", "instagram", "image", "x", 300, 10_000)]
    o = audit.own_posts(frame(rows), "brand")
    perf = audit.performance(o, "actor", n_boot=50).iloc[0]
    assert perf["median_interactions"] == 300 and np.isnan(perf["median_interactions_low"])
    assert np.isnan(perf["median_rate_followers_high"])
    assert audit.benchmarks(o, n_boot=50)["verdict"].item() == "too few posts"
    assert pa.performance(audit.performance(o, "actor", n_boot=50)).data  # drawn without an error bar


def test_heatmap_cadence_and_gaps():
    t0 = pd.Timestamp("2026-01-05 10:00", tz="UTC")  # a Monday
    times = [t0 + pd.Timedelta(days=d) for d in (0, 1, 2, 8, 9)]
    f = frame([(t, "brand", "twitter", "text", "hello world", 1, 100) for t in times])
    o = audit.own_posts(f, "brand")
    heat = audit.posting_heatmap(o)
    assert len(heat) == 7 * 24 and heat["posts"].sum() == 5 and heat["share"].sum() == pytest.approx(1)
    assert heat.query("weekday == 1 and hour == 10")["posts"].item() == 2  # Tuesdays 6 and 13 January
    gaps = audit.gaps(o, min_days=3)
    assert len(gaps) == 1 and gaps["days"].item() == 6.0
    assert gaps["start"].item() == times[2] and gaps["end"].item() == times[3]
    cad = audit.cadence(o, min_days=3)
    assert cad["longest_silence_days"].item() == 6.0 and cad["active_days"].item() == 5
    late = audit.posting_heatmap(o, tz="Europe/Paris")
    assert late.query("weekday == 1 and hour == 11")["posts"].item() == 2


def test_engagement_rates_and_benchmark_verdicts():
    rows = [
        (pd.Timestamp("2026-01-05", tz="UTC") + pd.Timedelta(hours=i), "brand", "instagram", "image", "x", 300, 10_000)
        for i in range(30)
    ]
    o = audit.own_posts(frame(rows), "brand")
    per = audit.engagement(o)
    assert per["rate_followers"].iloc[0] == pytest.approx(0.03) and per["rate_views"].isna().all()
    bench = audit.benchmarks(o, n_boot=100)
    assert bench["benchmark"].item() == 0.0116 and bench["verdict"].item() == "above"
    assert bench["times_benchmark"].item() == pytest.approx(2.59, abs=0.01)


def test_effects_recover_a_planted_rate_ratio():
    rng = np.random.default_rng(0)
    n = 600
    fmt = rng.choice(["text", "video", "image"], n)
    hours = rng.integers(6, 23, n)
    mean = (
        1000
        * 0.01
        * np.where(fmt == "video", 2.0, np.where(fmt == "image", 1.3, 1.0))
        * np.where((hours >= 18) & (hours <= 20), 1.5, 1.0)
        * rng.lognormal(-0.125, 0.5, n)
    )
    times = (
        pd.Timestamp("2026-01-05", tz="UTC")
        + pd.to_timedelta(np.arange(n) // 10, unit="D")
        + pd.to_timedelta(hours, unit="h")
    )
    f = frame([(t, "brand", "twitter", m, "x", int(c), 1000) for t, m, c in zip(times, fmt, rng.poisson(mean))])
    eff = audit.effects(audit.own_posts(f, "brand"))
    video = eff.query("term == 'format' and level == 'video'").iloc[0]
    assert video["reference"] == "text" and 1.7 < video["rate_ratio"] < 2.3 and video["significant"]
    evening = eff[(eff["term"] == "hour")].set_index("level")["rate_ratio"]
    assert evening.get("18-20", 1.0) == max([*evening.to_list(), 1.0])
    assert audit.effect_models(eff)["offset"].iloc[0] == "log(followers)"


def test_pillar_assignment_shares_divergence_and_under_served(tmp_path, monkeypatch):
    monkeypatch.setenv("KIT_CACHE", str(tmp_path))
    texts = (
        ["solar panels on the station roof"] * 30
        + ["meet Anna, her story on the train"] * 2
        + ["weather today is grey"] * 10
    )
    f = frame(
        [
            (pd.Timestamp("2026-01-05", tz="UTC") + pd.Timedelta(hours=i), "brand", "twitter", "text", t, 1, 10)
            for i, t in enumerate(texts)
        ]
    )
    o = audit.own_posts(f, "brand")
    pillars = {"green": "renewable energy and solar power", "stories": "passenger stories"}
    from kit.tl.embed import get_embedder

    vectors = get_embedder("hash").embed(o["text"].tolist())
    assigned = audit.assign_pillars(
        o, vectors, pillars, keywords={"green": ["solar"], "stories": ["story"]}, embedder="hash", threshold=0.99
    )
    assert assigned["pillar"].value_counts().to_dict() == {"green": 30, "other": 10, "stories": 2}
    assert set(assigned.loc[assigned["pillar"] != "other", "pillar_by"]) == {"keyword"}
    shares = audit.pillar_shares(assigned, pillars)
    assert (shares["low"] <= shares["share"]).all() and (shares["share"] <= shares["high"]).all()
    assert shares.groupby("actor")["share"].sum().item() == pytest.approx(1)
    under = audit.under_served(shares, brand="brand")
    assert under.loc[under["under_served"], "pillar"].tolist() == ["stories"]
    div = audit.pillar_divergence(assigned, pillars, brand="brand", n_boot=200, seed=1)
    row = div.iloc[0]
    assert row["compared_with"] == "stated intent" and 0 < row["low"] <= row["divergence"] <= row["high"] <= 1
    again = audit.pillar_divergence(assigned, pillars, brand="brand", n_boot=200, seed=1)
    pd.testing.assert_frame_equal(div, again)  # seeded
    assert _stats.jensen_shannon([1, 0], [0, 1]) == pytest.approx(1)
    found = audit.findings(brand="brand", shares=shares, divergence=div)
    assert any("'stories' is under-served" in f for f in found["finding"])


def test_attach_followers_from_an_accounts_file(tmp_path):
    path = tmp_path / "accounts.csv"
    path.write_text(
        "pseudo;id;description;nb_followers\nLeMonde;24;Journal, le soir;10125109\nlibe;68;x;3403074\n",
        encoding="utf-8",
    )
    f = frame([(pd.Timestamp("2026-01-05", tz="UTC"), None, "twitter", "text", "x", 1, None)] * 2)
    f["author_id"] = pd.array(["24", "99"], dtype="string")
    accounts = accounts_io.read_accounts(path, sep=None)
    assert accounts["source_row"].tolist() == [2, 3] and not accounts.attrs["warnings"]
    out = audit.attach_followers(f, accounts)
    assert out["author_handle"].tolist()[0] == "LeMonde" and pd.isna(out["author_handle"].iloc[1])
    assert out["author_followers"].iloc[0] == 10125109 and out.attrs["followers_attached"] == 1
    assert audit.own_posts(out, "lemonde")["account"].tolist() == ["LeMonde"]
    assert audit.attach_followers(f).attrs["followers_attached"] == 0
    with pytest.raises(accounts_io.InputError, match="accounts.csv: no column \\['nope'\\]"):
        accounts_io.read_accounts(path, followers_column="nb_followers", id_column="nope")
    with pytest.raises(ValueError, match="author_followers"):
        audit.attach_followers(f, accounts.drop(columns="author_followers"))


def test_read_accounts_names_file_row_and_column(tmp_path):
    path = tmp_path / "accounts.csv"
    path.write_text('pseudo,id,nb_followers\na,1,"10,125"\nb,2,many\nc,3,\n', encoding="utf-8-sig")
    accounts = accounts_io.read_accounts(path)
    assert accounts["author_followers"].iloc[0] == 10125 and accounts["author_followers"].iloc[1:].isna().all()
    assert accounts.attrs["warnings"] == [
        f"{path}: row 3, column 'nb_followers': 'many' is not a follower count; left empty"
    ]
    with pytest.raises(accounts_io.InputError, match="no such accounts file"):
        accounts_io.read_accounts(tmp_path / "absent.csv")
    posts = frame([(pd.Timestamp("2026-01-05", tz="UTC"), "@A", "twitter", "text", "x", 1, None)])
    out = audit.attach_followers(posts, accounts)  # matched on the handle, any case, with or without @
    assert out["author_followers"].tolist() == [10125] and out["author_handle"].tolist() == ["@A"]
    again = audit.attach_followers(out.assign(author_followers=pd.array([7], dtype="Int64")), accounts)
    assert again["author_followers"].tolist() == [7] and again.attrs["followers_attached"] == 0
    forced = audit.attach_followers(out.assign(author_followers=pd.array([7], dtype="Int64")), accounts, overwrite=True)
    assert forced["author_followers"].tolist() == [10125] and forced["author_handle"].tolist() == ["a"]


def test_readable_formats_rates_and_keeps_the_original(posts):
    perf = audit.performance(own(posts), "actor", n_boot=20)
    shown = audit.readable(perf)
    assert shown["median_rate_followers"].str.endswith(" %").all()
    assert pd.api.types.is_float_dtype(perf["median_rate_followers"])


def test_plots_escape_text(posts):
    key = audit.keyness(own(posts).assign(text="<b>bold</b> electric"), top=5, min_group_posts=5)
    fig = pa.keyness(key)
    assert all("<b>" not in str(y) for t in fig.data for y in t.y)


AUDIT_MODULES = [
    f"kit.tl.{m}"
    for m in ("owned", "inventory", "performance", "keyness", "cartography", "pillars", "effects", "findings", "tables")
] + [f"kit.pl.{m}" for m in ("inventory", "performance", "keyness", "cartography", "pillars", "effects", "maps")]
AUDIT_MODULES += ["kit.tl.maps", "kit.io.accounts"]


@pytest.mark.parametrize("name", AUDIT_MODULES)
def test_public_functions_take_at_most_three_positional_arguments_and_have_numpydoc(name):
    import importlib

    module = importlib.import_module(name)
    assert module.__doc__ and module.__all__
    for public in module.__all__:
        fn = getattr(module, public)
        assert not public.startswith("_")
        if not inspect.isfunction(fn):
            continue
        assert fn.__module__ == module.__name__, public
        positional = [
            p
            for p in inspect.signature(fn).parameters.values()
            if p.kind in (p.POSITIONAL_ONLY, p.POSITIONAL_OR_KEYWORD)
        ]
        assert len(positional) <= 3, public
        assert "Returns\n    -------" in (fn.__doc__ or ""), public
    assert len(inspect.getsource(module).splitlines()) <= 500


def test_audit_layer_reexports_every_public_name():
    for name in audit.__all__:
        assert getattr(audit, name) is not None
    assert audit.own_posts.__module__ == "kit.tl.owned" and audit.readable.__module__ == "kit.tl.tables"


def test_sample_truth_gap_format_hour_and_paid_effects():
    posts, truth = datasets.load_sample()
    o = audit.own_posts(
        posts,
        ["voltaria"],
        ["railix", "trenova", "cityhop"],
        media=["mobilitehebdo", "verkehrsblatt", "transittimes", "eurorailwire"],
        kinds=["original", "quote"],
    )
    gap = audit.gaps(o, min_days=3).iloc[0]
    planted = truth["posting_gap"]
    assert gap["actor"] == planted["actor"]
    assert gap["start"] <= pd.Timestamp(planted["start"], tz="UTC") + pd.Timedelta(days=1)
    assert gap["end"] >= pd.Timestamp(planted["end"], tz="UTC")
    eff = audit.effects(o).query("model == 'all own posts'").set_index(["term", "level"])
    planted_formats = truth["engagement"]["format_effect"]
    for level in ("image", "link", "video"):
        rr = eff.loc[("format", level)]
        assert rr["low"] <= planted_formats[level] / planted_formats["text"] * 1.05
        assert rr["high"] >= planted_formats[level] / planted_formats["text"] * 0.95
        assert rr["significant"]
    hours = eff.loc["hour"]
    evening = hours.loc["18-20"]
    assert evening["significant"] and 1.3 < evening["rate_ratio"] < 1.75
    others = hours.drop("18-20")
    assert (others.loc[others["posts"] >= 50, "high"] < evening["low"]).all()
    assert 1.15 < eff.loc[("paid", "paid"), "rate_ratio"] < 1.5


@pytest.mark.shared
def test_french_media_followers_handles_and_french_keyness():
    folder = SHARED_DATA / "french_media_twitter"
    if not (folder / "tweets.csv").exists():
        pytest.skip("french_media_twitter absent")
    import kit
    from kit import pp

    posts, _ = kit.load(folder / "tweets.csv")
    posts = audit.attach_followers(posts, accounts_io.read_accounts(folder / "accounts.csv"))
    assert posts.attrs["followers_attached"] == len(posts) and posts["author_handle"].notna().all()
    o = audit.own_posts(
        pp.detect_language(posts, languages=["fr", "en"]), "lemondefr", ["franceinfo", "Le_Figaro", "libe"]
    )
    assert set(o["actor"]) == {"lemondefr", "franceinfo", "Le_Figaro", "libe"}
    followers = o.groupby("actor")["author_followers"].first()
    assert followers["lemondefr"] == 10125109
    key = audit.keyness(o, top=10)
    fr = key[(key["lang"] == "fr") & (key["actor"] == "lemondefr")]
    assert len(fr) == 10 and (fr["z"] > 0).all()
    assert not fr["term"].str.contains(r"https?|t\.co|^\d").any()
