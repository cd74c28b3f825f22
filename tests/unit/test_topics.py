"""Topics on injected embeddings: determinism, labels, merging, outliers, emerging topics, stability."""

from __future__ import annotations

import numpy as np
import pandas as pd
import pytest

from kit import schema
from kit.tl import topic_actionable, topic_clusters, topic_sentences, topic_tables, topic_trends, topics


def corpus(seed: int = 0, n_per: int = 60, growing: bool = True):
    """Three subjects in three languages each (9 tight clusters in embedding space, subjects far apart,
    languages of one subject close), plus a subject that appears only in the last weeks."""
    rng = np.random.default_rng(seed)
    subjects = {
        "delays": {
            "fr": "train retard minutes quai",
            "de": "zug verspätung minuten bahnsteig",
            "en": "train late minutes platform",
        },
        "prices": {
            "fr": "billet prix euros cher",
            "de": "ticket preis euro teuer",
            "en": "ticket price euros expensive",
        },
        "app": {
            "fr": "application bug écran connexion",
            "de": "app fehler bildschirm anmeldung",
            "en": "app bug screen login",
        },
    }
    dim = 32
    centres = {s: rng.normal(size=dim) * 4 for s in subjects}
    rows, vecs = [], []
    start = pd.Timestamp("2026-01-05", tz="UTC")
    for s, langs in subjects.items():
        for lang, words in langs.items():
            offset = rng.normal(size=dim) * 0.6  # languages of one subject: close, not identical
            for i in range(n_per):
                rows.append(
                    (
                        s,
                        lang,
                        f"{words} {rng.choice(words.split())} n{i % 7}",
                        start + pd.Timedelta(hours=int(rng.integers(0, 24 * 7 * 8))),
                    )
                )
                vecs.append(centres[s] + offset + rng.normal(size=dim) * 0.3)
    if growing:
        centre = rng.normal(size=dim) * 4
        for i in range(45):
            rows.append(
                (
                    "night",
                    "fr",
                    f"train de nuit couchette berlin {i % 5}",
                    start + pd.Timedelta(days=42) + pd.Timedelta(hours=int(rng.integers(0, 24 * 14))),
                )
            )
            vecs.append(centre + rng.normal(size=dim) * 0.3)
    frame = pd.DataFrame(rows, columns=["subject", "lang", "text", "created_at"])
    frame["post_id"] = [f"p{i}" for i in range(len(frame))]
    frame["platform"] = "twitter"
    frame["kind"] = "original"
    frame["actor"] = np.where(np.arange(len(frame)) % 2 == 0, "Brand", "Rival")
    frame["source_file"] = "test"
    frame["source_row"] = range(2, len(frame) + 2)
    posts = schema.validate(schema.coerce(frame))
    return posts, np.vstack(vecs).astype(np.float32)


@pytest.fixture(scope="module")
def fitted():
    posts, emb = corpus()
    return posts, emb, topics.fit(posts, emb, seed=0, min_topic_size=20)


def test_one_topic_per_subject_across_languages(fitted):
    posts, _, result = fitted
    joined = result.assignments.merge(posts[["post_id", "subject", "lang"]], on="post_id")
    for subject in ("delays", "prices", "app"):
        part = joined[joined["subject"] == subject]
        top = part["topic"].value_counts()
        assert top.iloc[0] / len(part) > 0.9, (subject, top.to_dict())
        assert set(part.loc[part["topic"] == top.index[0], "lang"]) == {"fr", "de", "en"}


def test_same_seed_same_topics(fitted):
    posts, emb, result = fitted
    again = topics.fit(posts, emb, seed=0, min_topic_size=20)
    assert again.assignments["topic"].tolist() == result.assignments["topic"].tolist()
    assert again.info["label"].tolist() == result.info["label"].tolist()


def test_labels_drop_stop_words_and_are_readable(fitted):
    _, _, result = fitted
    words = " ".join(result.info["label"]).split(" · ")
    assert not {"de", "la", "le", "und", "the", "der"} & {w.strip() for w in words}
    assert any("retard" in l or "verspätung" in l or "late" in l or "minuten" in l for l in result.info["label"])


def test_info_sizes_add_up(fitted):
    posts, _, result = fitted
    assert result.info["size"].sum() == len(posts)
    assert result.info["share"].sum() == pytest.approx(1.0)
    assert (result.info.loc[result.info["topic"] >= 0, "size"].diff().dropna() <= 0).all()  # 0 is the largest


def test_merge_close_joins_near_duplicates_only():
    emb = np.array([[1, 0, 0], [0.99, 0.1, 0], [0, 1, 0], [0, 0.98, 0.2]], dtype=np.float32)
    merged = topic_clusters.merge_close(np.array([0, 1, 2, 3]), emb, similarity=0.9)
    assert merged[0] == merged[1] and merged[2] == merged[3] and merged[0] != merged[2]


def test_merge_close_with_languages_joins_only_across_languages():
    emb = np.array([[1, 0, 0], [0.99, 0.1, 0], [0.98, 0.15, 0.1], [0, 1, 0]], dtype=np.float32)
    langs = np.array(["fr", "de", "fr", "fr"])
    merged = topic_clusters.merge_close(np.array([0, 1, 2, 3]), emb, similarity=0.9, langs=langs)
    assert merged[0] == merged[1]  # the French and German clusters of one subject
    assert merged[2] != merged[0]  # a second French cluster stays apart, however close
    assert merged[3] == 3


def test_emerging_flags_the_growing_topic_before_it_ends(fitted):
    posts, _, result = fitted
    night = result.assignments.merge(posts[["post_id", "subject"]], on="post_id")
    night_topic = night.loc[night["subject"] == "night", "topic"].mode().item()
    table = topic_trends.emerging(posts, result, freq="W", recent=2)
    flagged = table[table["flagged"]]
    assert night_topic in set(flagged["topic"])
    assert set(flagged["topic"]) == {night_topic}  # stable subjects are not flagged
    row = table[table["topic"] == night_topic].iloc[0]
    assert row["baseline_posts"] == 0 and row["recent_posts"] > 0 and row["q_value"] < 0.05


def test_emerging_needs_a_baseline(fitted):
    posts, _, result = fitted
    with pytest.raises(ValueError, match="periods"):
        topic_trends.emerging(posts, result, freq="M", recent=3)


def test_over_time_and_by_group(fitted):
    posts, _, result = fitted
    ot = topic_trends.over_time(posts, result, freq="W")
    assert ot["posts"].sum() == len(posts)
    assert ot.groupby("period")["share"].sum().round(6).isin([0.0, 1.0]).all()
    bg = topic_trends.by_group(posts, result, by="lang")
    assert bg["posts"].sum() == len(posts)
    assert bg.groupby("lang")["share_of_group"].sum().round(6).eq(1).all()


def test_representative_posts_belong_to_their_topic(fitted):
    posts, emb, result = fitted
    rep = topic_tables.representative(posts, result, emb, n=2)
    topic_of = dict(zip(result.assignments["post_id"], result.assignments["topic"]))
    text_topic = {t: topic_of[p] for p, t in zip(posts["post_id"], posts["text"])}
    assert all(text_topic[t] == k for t, k in zip(rep["text"], rep["topic"]))
    assert rep.groupby("topic").size().le(2).all()


def test_stability_is_high_on_clear_clusters():
    posts, emb = corpus(growing=False)
    table = topics.stability(posts, emb, seeds=(0, 1), min_topic_size=20)
    assert table["ari"].iloc[0] > 0.9


def test_too_few_posts():
    posts, emb = corpus(n_per=2, growing=False)
    with pytest.raises(ValueError, match="too few"):
        topics.fit(posts, emb)


# --- the listening report's tables ---------------------------------------------------------------


def _topic_of(posts, result, subject):
    joined = result.assignments.merge(posts[["post_id", "subject"]], on="post_id")
    return int(joined.loc[joined["subject"] == subject, "topic"].mode().item())


def _annotated(posts):
    """The corpus with sentiment, emotion and intent columns as the notebook adds them."""
    rng = np.random.default_rng(1)
    n = len(posts)
    out = posts.copy()
    out["sentiment"] = pd.array(
        np.where(out["subject"] == "delays", "negative", rng.choice(["neutral", "positive"], size=n)), dtype="string"
    )
    out["emotion"] = pd.array(np.where(out["subject"] == "delays", "anger", "joy"), dtype="string")
    out["anger"] = np.where(out["subject"] == "delays", 0.8, 0.1)
    out["joy"] = np.where(out["subject"] == "delays", 0.1, 0.6)
    out["intent"] = pd.array(
        np.where(
            out["subject"] == "delays", "complaint", np.where(out["subject"] == "night", "feature_request", "other")
        ),
        dtype="string",
    )
    return out


def test_summary_sizes_languages_and_tone(fitted):
    posts, _, result = fitted
    table = topic_tables.summary(_annotated(posts), result)
    assert table["size"].sum() == len(posts)
    inner = table[table["topic"] >= 0]
    assert np.allclose(inner[["share_fr", "share_de", "share_en"]].sum(axis=1), 1.0)
    delays = table[table["topic"] == _topic_of(posts, result, "delays")].iloc[0]
    assert delays["negative_share"] > 0.9 and delays["net_sentiment"] == -1
    assert delays["negative_low"] <= delays["negative_share"] <= delays["negative_high"]
    assert delays["dominant_emotion"] == "anger"
    # without the model columns the table still has the topic facts
    assert {"topic", "label", "size", "share"} <= set(
        topic_tables.summary(posts[["post_id", "lang", "created_at"]], result).columns
    )


def test_languages_shared_and_single(fitted):
    posts, _, result = fitted
    table = topic_tables.languages(posts, result).set_index("topic")
    delays = table.loc[_topic_of(posts, result, "delays")]
    assert delays["kind"] == "shared" and delays["languages"] == "fr, de, en"
    night = table.loc[_topic_of(posts, result, "night")]
    assert night["kind"] == "one language" and night["languages"] == "fr"
    assert (table[[f"posts_{c}" for c in ("fr", "de", "en")]].sum(axis=1) + table["posts_other"] == table["size"]).all()
    sentences = topic_sentences.describe_languages(topic_tables.languages(posts, result))
    assert sentences[0].startswith(f"{(table['kind'] == 'shared').sum()} of {len(table)} topics are shared")


def test_absent_flags_where_only_competitors_talk(fitted):
    posts, _, result = fitted
    night = _topic_of(posts, result, "night")
    frame = posts.copy()
    is_night = frame["subject"] == "night"
    frame.loc[is_night, "actor"] = "Rival"  # the brand never appears in the night-train conversation
    table = topic_tables.absent(frame, result, brand="Brand", competitors=["Rival"]).set_index("topic")
    assert bool(table.loc[night, "absent"]) and table.loc[night, "brand_posts"] == 0
    assert not table.drop(index=night)["absent"].any()
    assert (table["brand_low"] <= table["brand_share"]).all() and (table["brand_share"] <= table["brand_high"]).all()
    assert "absent" in " ".join(topic_sentences.describe_absent(table.reset_index(), brand="Brand"))
    assert topic_tables.absent(frame, result, brand="Nobody").empty


def test_actionable_counts_trends_and_examples(fitted):
    posts, _, result = fitted
    frame = _annotated(posts)
    table = topic_actionable.actionable(frame, result, freq="W", recent=2)
    assert set(table["intent"]) == {"complaint", "feature_request"}
    assert table["posts"].sum() == (frame["intent"] != "other").sum()
    night = table[(table["intent"] == "feature_request") & (table["topic"] == _topic_of(posts, result, "night"))].iloc[
        0
    ]
    assert night["trend"] == "rising" and night["baseline_posts"] == 0
    assert ((table["low"] <= table["share_of_topic"]) & (table["share_of_topic"] <= table["high"])).all()
    examples = topic_actionable.actionable_examples(frame, result, n=2)
    assert examples.groupby(["intent", "topic"]).size().le(2).all()
    assert set(examples["intent"]) == {"complaint", "feature_request"}
    with pytest.raises(KeyError, match="intent"):
        topic_actionable.actionable(posts, result)


def test_emerging_median_reference_resists_a_crisis(fitted):
    posts, emb, result = fitted
    # a crisis: the delays topic triples in the last two weeks, which lowers every other topic's share
    delays = posts[posts["subject"] == "delays"]
    burst = pd.concat([delays] * 6, ignore_index=True)
    burst["created_at"] = posts["created_at"].max() - pd.to_timedelta(np.arange(len(burst)) % 300, unit="min")
    burst["post_id"] = [f"c{i}" for i in range(len(burst))]
    crisis_posts = pd.concat([posts, burst], ignore_index=True)
    crisis_result = topics.Topics(
        assignments=pd.concat(
            [
                result.assignments,
                pd.DataFrame(
                    {
                        "post_id": burst["post_id"],
                        "topic": _topic_of(posts, result, "delays"),
                        "label": "delays",
                        "outlier": False,
                    }
                ),
            ],
            ignore_index=True,
        ),
        info=result.info,
        seed=0,
    )
    night = _topic_of(posts, result, "night")
    robust = topic_trends.emerging(crisis_posts, crisis_result, freq="W", recent=2, reference="median")
    assert night in set(robust.loc[robust["flagged"], "topic"])
    assert robust.attrs["reference"] == "median" and robust.attrs["recent_periods"]
    with pytest.raises(ValueError, match="reference"):
        topic_trends.emerging(posts, result, reference="mean")


def test_first_posts_and_describe_emerging(fitted):
    posts, _, result = fitted
    table = topic_trends.emerging(posts, result, freq="W", recent=2)
    first = topic_trends.first_posts(posts, result, table, n=3)
    night = _topic_of(posts, result, "night")
    assert set(first["topic"]) == {night} and len(first) == 3
    assert first["created_at"].is_monotonic_increasing
    assert first["created_at"].min() == posts.loc[posts["subject"] == "night", "created_at"].min()
    text = " ".join(topic_sentences.describe_emerging(table))
    assert "flagged as emerging" in text and f"topic {night}" in text
    assert "nothing is flagged" in " ".join(topic_sentences.describe_emerging(table.assign(flagged=False)))


def test_sentiment_by_and_emotion_profile(fitted):
    posts, _, result = fitted
    frame = _annotated(posts)
    table = topic_tables.sentiment_by(frame, result, by="actor", min_posts=5)
    assert set(table["actor"]) == {"Brand", "Rival"}
    assert (table[["negative", "neutral", "positive"]].sum(axis=1) == table["posts"]).all()
    assert table["net_sentiment"].dropna().between(-1, 1).all()
    prof = topic_tables.emotion_profile(frame, result)
    assert set(prof["emotion"]) == {"anger", "joy"}
    assert prof.loc[
        (prof["topic"] == _topic_of(posts, result, "delays")) & (prof["emotion"] == "anger"), "score"
    ].item() == pytest.approx(0.8)


def test_with_topics_and_inputs_untouched(fitted):
    posts, _, result = fitted
    before = posts.copy()
    out = topics.with_topics(posts, result)
    assert out["topic"].notna().all() and len(out) == len(posts)
    for fn in (topic_tables.summary, topic_tables.languages):
        fn(posts, result)
    pd.testing.assert_frame_equal(posts, before)


def test_review_sample_written_and_never_overwrites_labels(fitted, tmp_path):
    from kit.io import review as review_io
    from kit.io.review_sample import write_review_sample
    from kit.tl import listening_review

    posts, _, result = fitted
    frame = topics.with_topics(_annotated(posts), result).assign(confidence=0.7)
    target = tmp_path / "sample.csv"
    sample = listening_review.review_sample(frame, n=30, seed=0)
    out = write_review_sample(sample, target)
    assert out["status"].item() == "written" and out["posts"].item() == 30
    again = tmp_path / "again.csv"
    write_review_sample(listening_review.review_sample(frame, n=30, seed=0), again)
    assert target.read_bytes() == again.read_bytes()  # same seed, same sample
    filled = review_io.read_review_csv(target)
    text = target.read_text(encoding="utf-8-sig").splitlines()
    header = text[0].split(",")
    col = header.index("label_reviewer_1")
    row = text[1].split(",")
    row[col] = "negative"
    target.write_text("\n".join([text[0], ",".join(row), *text[2:]]), encoding="utf-8-sig")
    kept = write_review_sample(sample, target)
    assert kept["status"].item().startswith("kept")
    assert len(filled) == 30
    res = listening_review.review_results(frame, None)
    assert "No review file" in res["status"]["review"].item() and res["corrected"].empty


def test_no_review_sample_writes_nothing(fitted, tmp_path):
    from kit.io.review_sample import write_review_sample
    from kit.tl import listening_review

    posts, _, _ = fitted
    for sample in (listening_review.review_sample(posts, n=0), listening_review.review_sample(posts.iloc[0:0])):
        out = write_review_sample(sample, tmp_path / "none.csv")
        assert out["posts"].item() == 0 and out["status"].item().startswith("no sample drawn")
    assert not (tmp_path / "none.csv").exists()


def test_review_results_of_a_filled_review(fitted):
    from kit.tl import listening_review

    posts, _, result = fitted
    frame = _annotated(posts)
    part = frame.iloc[::12].head(40)  # every subject, so every predicted class is reviewed
    reviewed = pd.DataFrame(
        {
            "post_id": part["post_id"].tolist(),
            "label_reviewer_1": part["sentiment"].tolist(),
            "weight": 1.0,
            "reviewed": True,
        }
    )
    res = listening_review.review_results(frame, reviewed, source="r.csv", seed=0, n_boot=50)
    assert res["status"]["review"].item().startswith("r.csv: 40 rows, 40 labelled")
    assert not res["corrected"].empty


def test_emerging_not_strict_says_why(fitted):
    posts, _, result = fitted
    table = topic_trends.emerging(posts, result, freq="M", recent=3, strict=False)
    assert table.empty and "not tested" in table.attrs["note"]
    assert topic_sentences.describe_emerging(table) == [table.attrs["note"]]


def test_labels_follow_topics_of_equal_size():
    """BERTopic renumbers topics by size with its own tie-break: labels must still describe their topic."""
    rng = np.random.default_rng(3)
    words = {
        "a": "alpha apple avocado",
        "b": "bravo banana berry",
        "c": "charlie cherry coconut",
        "d": "delta date durian",
    }
    rows, vecs, dim = [], [], 16
    for k, (name, text) in enumerate(words.items()):
        centre = np.zeros(dim)
        centre[k] = 10
        for i in range(40):  # every topic has exactly 40 posts: all sizes tie
            rows.append((name, "en", f"{text} {i % 3}", pd.Timestamp("2026-01-05", tz="UTC") + pd.Timedelta(hours=i)))
            vecs.append(centre + rng.normal(size=dim) * 0.2)
    frame = pd.DataFrame(rows, columns=["subject", "lang", "text", "created_at"])
    frame["post_id"] = [f"p{i}" for i in range(len(frame))]
    frame["platform"], frame["kind"], frame["actor"] = "twitter", "original", "A"
    frame["source_file"], frame["source_row"] = "test", range(2, len(frame) + 2)
    posts = schema.validate(schema.coerce(frame))
    result = topics.fit(posts, np.vstack(vecs).astype(np.float32), seed=0, min_topic_size=10, merge_similarity=None)
    joined = result.assignments.merge(posts[["post_id", "subject"]], on="post_id")
    for subject, part in joined.groupby("subject"):
        label = part["label"].mode().item()
        assert any(w in label for w in words[subject].split()), (subject, label)


def test_too_few_posts_not_strict_gives_outliers_only():
    posts, emb = corpus(n_per=2, growing=False)
    result = topics.fit(posts, emb, strict=False)
    assert (result.assignments["topic"] == topics.OUTLIER).all() and "too few" in result.params["note"]
    assert topic_tables.summary(posts, result)["size"].sum() == len(posts)
    assert topic_tables.languages(posts, result).empty
    assert topic_tables.representative(posts, result, emb).empty


def test_topics_reexports_the_concept_modules():
    """kit.tl.topics stays the one import for notebooks and older callers."""
    assert topics.summary is topic_tables.summary and topics.emerging is topic_trends.emerging
    assert topics.actionable is topic_actionable.actionable and topics.merge_close is topic_clusters.merge_close
    assert topics.describe_fit is topic_sentences.describe_fit
    missing = [name for name in topics.__all__ if not hasattr(topics, name)]
    assert not missing


def test_bertopic_imports_without_transformers_and_its_representations_stay_importable():
    import subprocess
    import sys

    code = (
        "import sys\n"
        "from kit.tl.topics import import_bertopic\n"
        "BERTopic = import_bertopic()\n"
        "assert BERTopic.__name__ == 'BERTopic'\n"
        "assert 'transformers' not in sys.modules, 'transformers was imported'\n"
        "assert sys.modules.get('bertopic.representation._textgeneration', 0) is not None\n"
        "import bertopic.representation as r\n"
        "from bertopic.representation import KeyBERTInspired\n"
        "t = r.TextGeneration\n"
        "assert type(t).__name__ != 'NotInstalled' and t.__module__.endswith('_textgeneration'), t\n"
        "from bertopic.representation import ZeroShotClassification\n"
        "assert ZeroShotClassification.__module__.endswith('_zeroshot')\n"
        "assert 'transformers' in sys.modules\n"
        "print('ok')\n"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=300)
    assert out.returncode == 0 and out.stdout.strip() == "ok", out.stderr[-2000:]
