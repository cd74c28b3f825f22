"""The human review loop: sample, CSV round trip (also through Excel), agreement, corrected shares."""

from __future__ import annotations

import inspect
import warnings

import numpy as np
import pandas as pd
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from sklearn.metrics import cohen_kappa_score

from kit import _review
from kit.io import review as review_io
from kit.tl import agreement, corrected_shares, review_sample

SETTINGS = settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
LABELS = np.array(_review.LABELS)
# P(predicted | true): sarcasm makes the model read negatives as positive, it over-reads neutral
MODEL_CONFUSION = np.array([[0.65, 0.20, 0.15], [0.12, 0.76, 0.12], [0.05, 0.15, 0.80]])


def simulated_corpus(seed: int = 0, n: int = 20_000, truth=(0.30, 0.45, 0.25)) -> pd.DataFrame:
    """Posts with a true label and a model with a known confusion; errors are less confident."""
    rng = np.random.default_rng(seed)
    true = rng.choice(3, size=n, p=truth)
    cum = MODEL_CONFUSION[true].cumsum(axis=1)
    pred = (rng.random(n)[:, None] > cum).sum(axis=1)
    correct = pred == true
    confidence = np.where(correct, rng.uniform(0.5, 1.0, n), rng.uniform(0.34, 0.8, n))
    return pd.DataFrame(
        {
            "post_id": [f"p{i}" for i in range(n)],
            "text": [f"post {i} é" for i in range(n)],
            "lang": rng.choice(["fr", "de", "en"], size=n, p=[0.5, 0.3, 0.2]),
            "topic": rng.choice(["tickets", "delays", "app"], size=n, p=[0.6, 0.35, 0.05]),
            "sentiment": LABELS[pred],
            "score": np.round(rng.uniform(-1, 1, n), 3),
            "confidence": confidence,
            "x_true": LABELS[true],
        }
    )


@pytest.fixture(scope="module")
def corpus() -> pd.DataFrame:
    return simulated_corpus(0)


def small_sample(n: int, posts: int = 200, seed: int = 0) -> pd.DataFrame:
    """A review sample small enough to write by hand (stratified on the prediction only)."""
    return review_sample.draw_sample(
        simulated_corpus(1, n=posts), n=n, strata=("sentiment",), seed=seed, min_per_stratum=1
    )


def fill(path, labels: dict[str, list], sep=",", encoding="utf-8-sig", upper=False, **extra) -> None:
    """Fill a review CSV as an analyst would, and save it (optionally Excel-style)."""
    frame = pd.read_csv(path, dtype=str, keep_default_na=False, encoding="utf-8-sig")
    for col, values in labels.items():
        frame[col] = values
    for col, values in extra.items():
        frame[col] = values
    if upper:
        frame.columns = [c.upper() for c in frame.columns]
    frame.to_csv(path, index=False, sep=sep, encoding=encoding)


# ------------------------------------------------------------------------------------------ sample


def test_sample_size_weights_and_every_stratum(corpus):
    strata = ("sentiment", "lang", "topic", "confidence_band")
    sample = review_sample.draw_sample(corpus, n=300, strata=strata, seed=3)
    assert len(sample) == 300
    assert sample["post_id"].is_unique
    assert sample.attrs["strata"] == list(strata)
    assert sample["weight"].sum() == pytest.approx(len(corpus))
    assert np.allclose(sample["weight"] * sample["inclusion_prob"], 1)
    bands = review_sample._band(corpus["confidence"], (0.6, 0.8))
    combos = set(zip(corpus["sentiment"], corpus["lang"], corpus["topic"], bands))
    assert set(zip(sample["sentiment"], sample["lang"], sample["topic"], sample["confidence_band"])) == combos
    # every stratum gets its minimum, and weights are the stratum sizes over the drawn counts
    per = sample.groupby("stratum").agg(k=("post_id", "size"), size=("stratum_size", "first"), w=("weight", "first"))
    assert (per["k"] >= np.minimum(2, per["size"])).all()
    assert np.allclose(per["w"], per["size"] / per["k"])
    assert per["size"].sum() == len(corpus)


def test_sample_is_deterministic_and_ignores_row_order(corpus):
    a = review_sample.draw_sample(corpus, n=200, seed=7)
    b = review_sample.draw_sample(corpus, n=200, seed=7)
    c = review_sample.draw_sample(corpus.sample(frac=1, random_state=1), n=200, seed=7)
    d = review_sample.draw_sample(corpus, n=200, seed=8)
    pd.testing.assert_frame_equal(a, b)
    assert a["post_id"].tolist() == c["post_id"].tolist()
    assert set(a["post_id"]) != set(d["post_id"])


def test_sample_skips_absent_columns_and_takes_everything_when_small():
    posts = simulated_corpus(1, n=40).drop(columns=["topic", "lang"])
    sample = review_sample.draw_sample(posts, n=500)
    assert len(sample) == 40 and (sample["weight"] == 1).all()
    assert not sample["stratum"].str.contains("topic|lang").any()
    no_conf = posts.drop(columns=["confidence"])
    sample = review_sample.draw_sample(no_conf, n=10, seed=0)
    assert sample.attrs["strata"] == ["sentiment"] and "confidence_band" not in sample.columns
    assert sample["weight"].sum() == pytest.approx(40)


def test_oversampling_draws_uncertain_posts_more(corpus):
    over = review_sample.draw_sample(corpus, n=600, strata=("confidence_band",), seed=0)
    flat = review_sample.draw_sample(corpus, n=600, strata=("confidence_band",), seed=0, oversample_uncertain=False)
    rate = lambda s: s.groupby("confidence_band")["inclusion_prob"].first()  # noqa: E731
    assert rate(over)["low"] > rate(over)["high"]
    assert rate(flat)["low"] == pytest.approx(rate(flat)["high"], rel=0.01)
    assert over["weight"].sum() == pytest.approx(len(corpus))


def test_small_strata_are_seen_and_too_many_strata_are_dropped_in_order():
    posts = pd.DataFrame(
        {
            "post_id": [str(i) for i in range(1000)],
            "sentiment": ["negative"] * 3 + ["neutral"] * 900 + ["positive"] * 97,
            "lang": [f"l{i % 50}" for i in range(1000)],
        }
    )
    sample = review_sample.draw_sample(posts, n=20, strata=("sentiment",), oversample_uncertain=False)
    assert (sample["sentiment"] == "negative").sum() == 2  # proportional would give 0
    with pytest.warns(UserWarning, match="not stratifying on \\['lang'\\]"):
        sample = review_sample.draw_sample(posts, n=20, strata=("sentiment", "lang"))
    assert len(sample) == 20 and sample.attrs["strata"] == ["sentiment"]
    with pytest.warns(UserWarning, match="at least one post per stratum"):
        sample = review_sample.draw_sample(posts, n=5, strata=("sentiment",))
    assert len(sample) == 5 and set(sample["sentiment"]) == {"negative", "neutral", "positive"}


@SETTINGS
@given(
    sizes=st.lists(st.integers(1, 60), min_size=1, max_size=8),
    n=st.integers(1, 200),
    seed=st.integers(0, 2**16),
    oversample=st.booleans(),
)
def test_sample_properties(sizes, n, seed, oversample):
    groups = np.repeat(np.arange(len(sizes)), sizes)
    rng = np.random.default_rng(seed)
    posts = pd.DataFrame(
        {
            "post_id": [f"id{i}" for i in range(len(groups))],
            "topic": groups,
            "confidence": rng.uniform(0.34, 1, len(groups)),
        }
    )
    before = posts.copy()
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        sample = review_sample.draw_sample(posts, n=n, strata=("topic",), seed=seed, oversample_uncertain=oversample)
    pd.testing.assert_frame_equal(posts, before)
    assert len(sample) == max(min(n, len(posts)), len(sizes) if n < len(posts) else 0)
    assert set(sample["topic"]) == set(groups)
    assert sample["post_id"].is_unique
    assert sample["weight"].sum() == pytest.approx(len(posts))
    assert ((sample["inclusion_prob"] > 0) & (sample["inclusion_prob"] <= 1)).all()


# ------------------------------------------------------------------------------------------ CSV files


def test_write_read_round_trip(tmp_path):
    sample = small_sample(12)
    sample.loc[0, "text"] = '=HYPERLINK("http://x")'
    sample.loc[1, "text"] = '@rail bravo, 2 h de retard 🙃\nligne 2, "cité"; ok'
    sample.loc[2, "text"] = "'déjà cité"
    before = sample.copy()
    path = review_io.write_review_csv(sample, tmp_path / "review.csv", reviewers=["Ana", "ben"])
    pd.testing.assert_frame_equal(sample, before)
    raw = path.read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf")
    header = raw[3:].decode("utf-8").splitlines()[0]
    assert header == ("post_id,text,lang,model_sentiment,model_confidence,label_ana,label_ben,irony,comment,weight")
    assert "'=HYPERLINK" in raw.decode("utf-8-sig")  # Excel must not run it

    truth = list(LABELS[np.arange(12) % 3])
    fill(
        path,
        {"label_ana": truth, "label_ben": truth[:6] + [""] * 6},
        irony=["yes", "no"] + [""] * 10,
        comment=["sarcasme"] + [""] * 11,
    )
    back = review_io.read_review_csv(path)
    assert back["post_id"].tolist() == sample["post_id"].tolist()
    assert back["text"].tolist() == sample["text"].tolist()
    assert back["label_ana"].tolist() == truth
    assert back["label_ben"].isna().sum() == 6
    assert back["model_sentiment"].tolist() == sample["sentiment"].tolist()
    assert np.allclose(back["weight"], sample["weight"])
    assert back["irony"].iloc[0] and not back["irony"].iloc[1] and back["irony"].iloc[2:].isna().all()
    assert back["comment"].iloc[0] == "sarcasme"
    assert back["source_row"].tolist() == list(range(2, 14))
    assert back["reviewed"].all() and back["n_labels"].tolist() == [2] * 6 + [1] * 6


def test_blind_mode_hides_the_model_and_agreement_takes_it_from_posts(tmp_path):
    posts = simulated_corpus(1, n=100)
    sample = review_sample.draw_sample(posts, n=30, strata=("sentiment", "lang"), seed=0)
    path = review_io.write_review_csv(sample, tmp_path / "blind.csv", blind=True)
    head = path.read_text(encoding="utf-8-sig").splitlines()[0]
    assert "model_sentiment" not in head and "model_confidence" not in head
    fill(path, {"label_reviewer_1": sample["x_true"].tolist()})
    back = review_io.read_review_csv(path)
    table = agreement.agreement(back, posts=posts, n_boot=200)
    row = table[table["rater_b"] == "model"].iloc[0]
    expected = np.mean(sample["x_true"].to_numpy() == sample["sentiment"].to_numpy())
    assert row["n"] == 30 and row["raw_agreement"] == pytest.approx(expected)


@pytest.mark.parametrize("encoding", ["utf-8-sig", "cp1252"])
def test_excel_resave_with_semicolons_and_french_german_words(tmp_path, encoding):
    sample = small_sample(9, seed=2)
    sample["text"] = ["Très bien", "Genial, schon wieder Verspätung", "ok"] * 3
    sample["weight"] = 12.5
    path = review_io.write_review_csv(sample, tmp_path / "review.csv", reviewers=["ana"])
    words = [" Négatif ", "NEUTRE", "positif ", "negativ", "Neutral", "POSITIV", "-1", "0", "1"]
    weights = ["12,5"] * 9  # a French Excel writes decimal commas
    fill(
        path,
        {"label_ana": words},
        sep=";",
        encoding=encoding,
        upper=True,
        irony=["oui", "Nein", "YES "] * 3,
        weight=weights,
    )
    text = path.read_bytes()
    assert b";" in text.splitlines()[0]
    back = review_io.read_review_csv(path)
    assert back["label_ana"].tolist() == ["negative", "neutral", "positive"] * 3
    assert back["irony"].tolist() == [True, False, True] * 3
    assert back["text"].tolist() == sample["text"].tolist()
    assert back["weight"].tolist() == [12.5] * 9
    assert back["post_id"].tolist() == sample["post_id"].tolist()


def test_trailing_empty_columns_and_rows_are_ignored(tmp_path):
    path = tmp_path / "excel.csv"
    path.write_bytes("\ufeffpost_id;label_ana;weight;;\r\n1;Positive;1;;\r\n2;neutre;1;;\r\n;;;;\r\n".encode("utf-8"))
    back = review_io.read_review_csv(path)
    assert back["label_ana"].tolist() == ["positive", "neutral"] and list(back.columns[:3]) == [
        "post_id",
        "label_ana",
        "weight",
    ]


def test_unknown_label_names_file_row_and_column(tmp_path):
    sample = small_sample(5)
    path = review_io.write_review_csv(sample, tmp_path / "labels.csv", reviewers=["ana", "ben"])
    fill(
        path,
        {
            "label_ana": ["positive", "négatif", "maybe", "", "neutral"],
            "label_ben": ["positive", "positive", "neutral", "", "ironic"],
        },
    )
    with pytest.raises(_review.ReviewError) as err:
        review_io.read_review_csv(path)
    message = str(err.value)
    assert "labels.csv" in message
    assert "row 4, column 'label_ana'" in message and "'maybe'" in message
    assert "row 6, column 'label_ben'" in message and "'ironic'" in message
    assert "negative/neutral/positive" in message


def test_empty_labels_are_not_reviewed_not_guessed(tmp_path):
    path = tmp_path / "partial.csv"
    path.write_text("post_id,label_ana,weight\na,positive,1\nb,,1\nc,  ,1\n", encoding="utf-8")
    back = review_io.read_review_csv(path)
    assert back["reviewed"].tolist() == [True, False, False]
    assert back.attrs["not_reviewed"] == 2
    assert back["label_ana"].isna().tolist() == [False, True, True]


@pytest.mark.parametrize(
    "content, where",
    [
        ("post_id,label_ana\n1.23457E+18,positive\n", "row 2, column 'post_id'"),
        ("post_id,label_ana\nx,positive\nx,neutral\n", "row 3, column 'post_id'"),
        ("post_id,label_ana,irony\nx,positive,perhaps\n", "row 2, column 'irony'"),
        ("post_id,label_ana,weight\nx,positive,heavy\n", "row 2, column 'weight'"),
        ("id,label_ana\nx,positive\n", "no column 'post_id'"),
        ("post_id,verdict\nx,positive\n", "label_<reviewer>"),
    ],
)
def test_broken_files_are_rejected_clearly(tmp_path, content, where):
    path = tmp_path / "bad.csv"
    path.write_text(content, encoding="utf-8")
    with pytest.raises(_review.ReviewError, match="bad.csv") as err:
        review_io.read_review_csv(path)
    assert where in str(err.value)


def test_one_file_per_reviewer_is_merged(tmp_path):
    sample = small_sample(6)
    a = review_io.write_review_csv(sample, tmp_path / "ana.csv", reviewers=["ana"], blind=True)
    b = review_io.write_review_csv(sample, tmp_path / "ben.csv", reviewers=["ben"], blind=True)
    fill(a, {"label_ana": ["positive"] * 6}, irony=["yes"] + [""] * 5, comment=["a"] + [""] * 5)
    fill(b, {"label_ben": ["positive"] * 3 + ["negative"] * 3}, irony=["no"] * 6, comment=["b"] + [""] * 5)
    merged = review_io.read_review_csv([a, b])
    assert merged["post_id"].tolist() == sample["post_id"].tolist()
    assert merged["n_labels"].tolist() == [2] * 6
    assert merged["irony"].tolist() == [True] + [False] * 5
    assert merged["comment"].iloc[0] == "a | b"
    table = agreement.agreement(merged, n_boot=50)
    assert table.iloc[0][["rater_a", "rater_b", "n", "raw_agreement"]].tolist() == ["ana", "ben", 6, 0.5]


# ------------------------------------------------------------------------------------------ agreement


def test_kappa_equals_hand_computation():
    # 10 posts, two reviewers, only negative/positive used:
    #            ben neg  ben pos
    # ana neg       4        1       p_o = 7/10, p_e = 0.5 * 0.6 + 0.5 * 0.4 = 0.5
    # ana pos       2        3       kappa = (0.7 - 0.5) / (1 - 0.5) = 0.4
    ana = ["negative"] * 5 + ["positive"] * 5
    ben = ["negative"] * 4 + ["positive"] + ["negative"] * 2 + ["positive"] * 3
    reviewed = pd.DataFrame(
        {
            "post_id": [str(i) for i in range(10)],
            "label_ana": pd.array(ana, dtype="string"),
            "label_ben": pd.array(ben, dtype="string"),
            "model_sentiment": pd.array(ana, dtype="string"),
        }
    )
    before = reviewed.copy()
    table = agreement.agreement(reviewed, n_boot=500, seed=1)
    pd.testing.assert_frame_equal(reviewed, before)
    pair = table.iloc[0]
    assert (pair["rater_a"], pair["rater_b"], pair["n"]) == ("ana", "ben", 10)
    assert pair["raw_agreement"] == pytest.approx(0.7)
    assert pair["kappa"] == pytest.approx(0.4)
    assert pair["ci_low"] <= 0.4 <= pair["ci_high"] and pair["ci_low"] < pair["ci_high"]
    assert pair["strength"] == "fair"
    model = table.set_index(["rater_a", "rater_b"])
    assert model.loc[("ana", "model"), "kappa"] == pytest.approx(1.0)
    assert model.loc[("ben", "model"), "kappa"] == pytest.approx(0.4)
    assert ("consensus", "model") in model.index
    again = agreement.agreement(reviewed, n_boot=500, seed=1)
    pd.testing.assert_frame_equal(table, again)


def test_bootstrap_kappa_matches_sklearn():
    rng = np.random.default_rng(0)
    a, b = rng.integers(0, 3, 40), rng.integers(0, 3, 40)
    idx = rng.integers(0, 40, size=(5, 40))
    for weights in (None, "linear", "quadratic"):
        fast = agreement._kappa_boot(a, b, idx, agreement._kappa_matrix(weights))
        slow = [cohen_kappa_score(a[i], b[i], labels=[0, 1, 2], weights=weights) for i in idx]
        assert np.allclose(fast, slow)


def test_agreement_counts_only_posts_both_labelled():
    reviewed = pd.DataFrame(
        {
            "post_id": list("abcd"),
            "label_ana": pd.array(["negative", "neutral", None, "positive"], dtype="string"),
            "label_ben": pd.array(["negative", None, "neutral", "negative"], dtype="string"),
        }
    )
    row = agreement.agreement(reviewed, n_boot=100).iloc[0]
    assert row["n"] == 2 and row["raw_agreement"] == 0.5
    assert len(agreement.agreement(reviewed, n_boot=10)) == 1  # no model column, no posts: reviewers only


# ------------------------------------------------------------------------------------------ estimates


def test_corrected_shares_recover_the_truth(corpus, tmp_path):
    truth = corpus["x_true"].value_counts(normalize=True).reindex(LABELS).to_numpy()
    sample = review_sample.draw_sample(corpus, n=600, strata=("sentiment", "lang", "confidence_band"), seed=0)
    path = review_io.write_review_csv(sample, tmp_path / "review.csv")
    fill(path, {"label_reviewer_1": sample["x_true"].tolist()})  # the analyst sees the truth, for the sample only
    reviewed = review_io.read_review_csv(path)
    posts_before, reviewed_before = corpus.copy(), reviewed.copy()
    shares = corrected_shares.corrected_shares(corpus, reviewed, seed=0)
    pd.testing.assert_frame_equal(corpus, posts_before)
    pd.testing.assert_frame_equal(reviewed, reviewed_before)

    assert shares["measure"].tolist() == ["negative", "neutral", "positive", "net_sentiment"]
    three = shares.iloc[:3]
    assert three["corrected"].sum() == pytest.approx(1) and three["model"].sum() == pytest.approx(1)
    assert ((three["ci_low"] <= truth) & (truth <= three["ci_high"])).all()
    assert np.abs(three["corrected"] - truth).sum() < np.abs(three["model"] - truth).sum()
    net_truth = (truth[2] - truth[0]) / (truth[2] + truth[0])
    net = shares.iloc[3]
    assert net["ci_low"] <= net_truth <= net["ci_high"]
    assert abs(net["corrected"] - net_truth) < abs(net["model"] - net_truth)
    assert (shares["n_reviewed"] == 600).all()
    model_shares = corpus["sentiment"].value_counts(normalize=True).reindex(LABELS).to_numpy()
    assert np.allclose(three["model"], model_shares)


def test_confusion_is_weighted_and_rows_sum_to_one(corpus):
    sample = review_sample.draw_sample(corpus, n=400, strata=("sentiment", "confidence_band"), seed=1)
    reviewed = sample[["post_id", "weight"]].assign(label_a=sample["x_true"])
    table = corrected_shares.confusion(corpus, reviewed)
    assert table.groupby("predicted")["p_true_given_predicted"].sum().tolist() == pytest.approx([1, 1, 1])
    assert table["n"].sum() == 400
    # the weighted P(true | predicted) estimates the corpus's, which the unweighted one overstates in error
    real = pd.crosstab(corpus["sentiment"], corpus["x_true"], normalize="index")
    est = table.pivot(index="predicted", columns="true", values="p_true_given_predicted")
    assert np.abs(est.to_numpy() - real.to_numpy()).max() < 0.08


def test_majority_of_reviewers_and_ties_are_reported():
    posts = pd.DataFrame(
        {"post_id": list("abcdef"), "sentiment": ["negative", "negative", "neutral", "positive", "positive", "neutral"]}
    )
    reviewed = pd.DataFrame(
        {
            "post_id": list("abcdef"),
            "weight": 1.0,
            "text": list("ABCDEF"),
            "label_x": pd.array(["negative", "positive", "neutral", "positive", "negative", None], dtype="string"),
            "label_y": pd.array(["negative", "neutral", "neutral", "positive", "negative", None], dtype="string"),
            "label_z": pd.array(["positive", None, "neutral", None, "negative", None], dtype="string"),
        }
    )
    cons = agreement.consensus(reviewed)
    assert cons["status"].tolist() == ["majority", "tie", "agreed", "agreed", "agreed", "not reviewed"]
    assert cons["label"].tolist()[:1] == ["negative"] and pd.isna(cons["label"].iloc[1])
    shares = corrected_shares.corrected_shares(posts, reviewed, n_boot=100)
    acc = shares.attrs["accounting"]
    assert (acc["ties"], acc["tie_post_ids"], acc["not_reviewed"], acc["reviewed_used"]) == (1, ["b"], 1, 4)
    assert shares["corrected"].iloc[:3].tolist() == pytest.approx([2 / 6 + 1 / 6, 2 / 6, 1 / 6])
    texts, labels = agreement.to_training(reviewed)
    assert texts == ["A", "C", "D", "E"] and labels == ["negative", "neutral", "positive", "negative"]


def test_a_predicted_class_without_review_is_an_error():
    posts = pd.DataFrame({"post_id": list("abc"), "sentiment": ["negative", "neutral", "positive"]})
    reviewed = pd.DataFrame({"post_id": ["a", "b"], "label_x": ["negative", "neutral"]})
    with pytest.raises(_review.ReviewError, match="positive"):
        corrected_shares.corrected_shares(posts, reviewed)
    with pytest.raises(_review.ReviewError, match="'sentiment'"):
        corrected_shares.corrected_shares(posts.assign(sentiment=["negative", "meh", "positive"]), reviewed)


@st.composite
def review_case(draw):
    n_posts = draw(st.integers(3, 60))
    pred = draw(st.lists(st.sampled_from(_review.LABELS), min_size=n_posts, max_size=n_posts))
    pred[:3] = list(_review.LABELS)
    k = draw(st.integers(3, n_posts))
    labels = draw(st.lists(st.sampled_from(_review.LABELS), min_size=k, max_size=k))
    weights = draw(st.lists(st.floats(0.1, 50), min_size=k, max_size=k))
    posts = pd.DataFrame({"post_id": [f"p{i}" for i in range(n_posts)], "sentiment": pred})
    reviewed = pd.DataFrame({"post_id": [f"p{i}" for i in range(k)], "label_a": labels, "weight": weights})
    return posts, reviewed


@SETTINGS
@given(case=review_case(), seed=st.integers(0, 1000))
def test_corrected_shares_sum_to_one(case, seed):
    posts, reviewed = case
    before = (posts.copy(), reviewed.copy())
    shares = corrected_shares.corrected_shares(posts, reviewed, seed=seed, n_boot=50)
    pd.testing.assert_frame_equal(posts, before[0])
    pd.testing.assert_frame_equal(reviewed, before[1])
    three = shares.iloc[:3]
    assert three["corrected"].sum() == pytest.approx(1)
    assert three["model"].sum() == pytest.approx(1)
    assert (three[["corrected", "ci_low", "ci_high"]] >= -1e-12).all().all() and (
        three[["corrected", "ci_low", "ci_high"]] <= 1 + 1e-12
    ).all().all()
    assert (three["ci_low"] <= three["ci_high"] + 1e-12).all()


# ------------------------------------------------------------------------------------------ misc


def test_to_training_feeds_a_head(tmp_path):
    sample = small_sample(4)
    path = review_io.write_review_csv(sample, tmp_path / "r.csv", reviewers=["a", "b"])
    fill(path, {"label_a": ["positif", "neutre", "", "-1"], "label_b": ["positive", "negative", "", "negativ"]})
    texts, labels = agreement.to_training(review_io.read_review_csv(path))
    assert texts == [sample["text"].iloc[0], sample["text"].iloc[3]]
    assert labels == ["positive", "negative"]
    assert all(isinstance(t, str) for t in texts)


def test_instructions_and_signatures():
    text = review_io.REVIEW_INSTRUCTIONS
    for word in ("label_", "irony", "negative", "négatif", "empty", "post_id", "kit run"):
        assert word in text
    for fn in (
        review_sample.draw_sample,
        review_io.write_review_csv,
        review_io.read_review_csv,
        agreement.agreement,
        corrected_shares.confusion,
        corrected_shares.corrected_shares,
        agreement.to_training,
        agreement.consensus,
    ):
        params = inspect.signature(fn).parameters.values()
        positional = [p for p in params if p.kind in (p.POSITIONAL_ONLY, p.POSITIONAL_OR_KEYWORD)]
        assert len(positional) <= 3, fn.__name__
        assert fn.__doc__ and "Examples" in fn.__doc__, fn.__name__


# ------------------------------------------------------------------------- corrected per group, simulate


def _group_posts():
    # actor A: the model calls everything positive but half is negative; actor B: the model is right
    ids = [str(i) for i in range(40)]
    actor = ["A"] * 20 + ["B"] * 20
    pred = ["positive"] * 20 + ["negative"] * 10 + ["positive"] * 10
    gold = ["negative"] * 10 + ["positive"] * 10 + ["negative"] * 10 + ["positive"] * 10
    return pd.DataFrame({"post_id": ids, "actor": actor, "sentiment": pred, "gold": gold})


def test_corrected_by_uses_each_groups_own_errors():
    posts = _group_posts()
    reviewed = pd.DataFrame({"post_id": posts["post_id"], "label_ana": posts["gold"], "weight": 1.0})
    out = corrected_shares.corrected_by(posts, reviewed, by="actor", min_reviewed=5, n_boot=200).set_index("actor")
    # (each group's errors are drawn toward the pooled ones by at most one reviewed post's weight)
    assert out.loc["A", "model_net"] == 1.0 and out.loc["A", "corrected_net"] == pytest.approx(0.0, abs=0.05)
    assert out.loc["B", "corrected_net"] == pytest.approx(0.0, abs=0.05) and out.loc["B", "model_net"] == 0.0
    assert list(out["confusion"]) == ["own", "own"] and list(out["n_reviewed"]) == [20, 20]
    # with a pooled confusion A would borrow B's perfect positives: the own confusion is what fixes A
    pooled = corrected_shares.corrected_by(
        posts, reviewed, by="actor", min_reviewed=50, n_boot=200, pooling="full"
    ).set_index("actor")
    assert pooled.loc["A", "confusion"].startswith("pooled") and pooled.loc["A", "corrected_net"] > 0.2
    # partly pooled (the default), A's 20 reviewed posts outweigh the others' errors
    partly = corrected_shares.corrected_by(posts, reviewed, by="actor", min_reviewed=50, n_boot=200).set_index("actor")
    assert partly.loc["A", "confusion"] == "partly pooled (1 of 1 rows)"
    assert abs(partly.loc["A", "corrected_net"]) < 0.1


def test_corrected_by_widens_for_a_group_with_few_reviewed_posts_that_errs_differently():
    # B: the model calls everything positive, half is negative (100 reviewed); A: 90 % truly positive,
    # 4 reviewed. Fully pooled, A borrows B's errors with B's narrow interval and misses A's truth (+0.8);
    # partly pooled, A's own posts weigh in and its interval is wide enough to cover it
    n = 200
    posts = pd.DataFrame(
        {
            "post_id": [f"a{i}" for i in range(n)] + [f"b{i}" for i in range(n)],
            "actor": ["A"] * n + ["B"] * n,
            "sentiment": ["positive"] * (2 * n),
            "gold": (["positive"] * 9 + ["negative"]) * (n // 10) + ["negative", "positive"] * (n // 2),
        }
    )
    chosen = pd.concat([posts.iloc[:4], posts.iloc[n : n + 100]])
    reviewed = pd.DataFrame({"post_id": chosen["post_id"], "label_ana": chosen["gold"], "weight": 1.0})
    full = corrected_shares.corrected_by(posts, reviewed, by="actor", n_boot=400, pooling="full").set_index("actor")
    part = corrected_shares.corrected_by(posts, reviewed, by="actor", n_boot=400).set_index("actor")
    assert full.loc["A", "ci_high"] < 0.5  # the narrow, wrong interval of full pooling
    assert part.loc["A", "ci_low"] <= 0.8 <= part.loc["A", "ci_high"]
    assert part.loc["A", "corrected_net"] > 0.5 and part.loc["A", "ci_high"] - part.loc["A", "ci_low"] > 0.2
    # B, with its own 100 reviewed posts, is corrected the same way by both
    assert part.loc["B", "confusion"] == full.loc["B", "confusion"] == "own"
    assert part.loc["B", "corrected_net"] == pytest.approx(full.loc["B", "corrected_net"], abs=0.02)
    with pytest.raises(ValueError, match="pooling"):
        corrected_shares.corrected_by(posts, reviewed, by="actor", pooling="some")


def test_corrected_by_without_review_and_with_foreign_review():
    posts = _group_posts()
    out = corrected_shares.corrected_by(posts, None, by="actor")
    assert out["corrected_net"].isna().all() and "uncorrected" in out.attrs["note"]
    foreign = pd.DataFrame({"post_id": ["x1", "x2"], "label_ana": ["negative", "positive"]})
    with pytest.raises(_review.ReviewError, match="other data"):
        corrected_shares.corrected_by(posts, foreign, by="actor")


def test_simulate_copies_gold_labels_with_disagreement(tmp_path):
    posts = _group_posts().assign(confidence=0.7, lang="en", text="some words")
    sample = review_sample.simulate(posts, labels="gold", n=40, seed=3, reviewers=("r1", "r2"), disagreement=0.0)
    assert (sample["label_r1"] == sample["gold"]).all() and (sample["label_r2"] == sample["gold"]).all()
    noisy = review_sample.simulate(posts, labels="gold", n=40, seed=3, reviewers=("r1",), disagreement=0.5)
    assert 0 < (noisy["label_r1"] != noisy["gold"]).sum() < 40
    path = review_io.write_review_csv(sample, tmp_path / "r.csv", reviewers=("r1", "r2"))
    back = review_io.load(path)
    assert list(back["label_r1"]) == list(sample["label_r1"])
    assert review_io.load(None) is None


def test_corrected_by_on_no_posts():
    empty = _group_posts().iloc[:0]
    out = corrected_shares.corrected_by(empty, None, by="actor")
    assert out.empty and "corrected_net" in out


# ------------------------------------------------------------------- one estimator: overall = one group


def test_overall_shares_are_the_one_group_case_of_corrected_by(corpus):
    posts = corpus.assign(everyone="all")
    sample = review_sample.simulate(posts, labels="x_true", n=400, seed=5, strata=("sentiment",))
    overall = corrected_shares.corrected_shares(posts, sample, seed=2, n_boot=300).set_index("measure")
    # every predicted class has far more than min_reviewed reviewed posts: the group uses its own confusion
    by = corrected_shares.corrected_by(posts, sample, by="everyone", seed=2, n_boot=300, min_reviewed=1).iloc[0]
    assert by["confusion"] == "own"
    for label in _review.LABELS:
        assert by[f"corrected_{label}"] == pytest.approx(overall.loc[label, "corrected"], rel=1e-12)
    assert by["corrected_net"] == pytest.approx(overall.loc["net_sentiment", "corrected"], rel=1e-12)
    assert by["model_net"] == pytest.approx(overall.loc["net_sentiment", "model"], rel=1e-12)


def test_the_estimator_core_with_one_group_gives_corrected_shares():
    # _estimate is the single implementation: corrected_shares is its one-group call, interval included
    posts = pd.DataFrame({"post_id": [str(i) for i in range(8)], "sentiment": ["positive"] * 4 + ["negative"] * 4})
    reviewed = pd.DataFrame(
        {
            "post_id": ["0", "1", "2", "4", "5"],
            "weight": [1.0, 1.0, 2.0, 1.0, 1.0],
            "label_a": ["positive", "negative", "positive", "negative", "neutral"],
        }
    )
    shares = corrected_shares.corrected_shares(posts, reviewed, seed=4, n_boot=200).set_index("measure")
    pcodes = np.array([2, 2, 2, 0, 0])
    tcodes = np.array([2, 0, 2, 0, 1])
    w = np.array([1.0, 1.0, 2.0, 1.0, 1.0])
    point, boot, pooled = corrected_shares._estimate(
        np.array([[0.5, 0.0, 0.5]]),
        pcodes,
        tcodes,
        w,
        groups=np.zeros(5, dtype=int),
        n_boot=200,
        rng=np.random.default_rng(4),
    )
    assert pooled == [0]
    assert point[0].tolist() == pytest.approx([0.5 * 0.25 + 0.5 * 0.5, 0.5 * 0.5, 0.5 * 0.75])
    assert shares.loc[list(_review.LABELS), "corrected"].tolist() == pytest.approx(point[0].tolist())
    low, high = corrected_shares._interval(boot[:, 0], 0.95)
    assert shares.loc[list(_review.LABELS), "ci_low"].tolist() == pytest.approx(low.tolist())
    assert shares.loc[list(_review.LABELS), "ci_high"].tolist() == pytest.approx(high.tolist())


def test_estimator_pools_only_where_a_group_has_too_few_reviews():
    pcodes = np.array([0, 0, 0, 2, 2, 2])
    tcodes = np.array([0, 0, 1, 2, 2, 0])
    groups = np.array([0, 0, 0, 0, 1, 1])  # group 1 has no reviewed negative prediction
    pi = np.array([[0.5, 0.0, 0.5], [0.5, 0.0, 0.5]])
    point, boot, pooled = corrected_shares._estimate(
        pi,
        pcodes,
        tcodes,
        np.ones(6),
        groups=groups,
        n_boot=20,
        rng=np.random.default_rng(0),
        min_reviewed=2,
        pooled=True,
    )
    assert pooled == [1, 1]  # group 0 has one reviewed positive, group 1 no negative: one row pooled each
    assert point.sum(axis=1) == pytest.approx([1.0, 1.0])
    assert boot.shape == (20, 2, 3)
    nan_low, nan_high = corrected_shares._interval(np.zeros((0, 3)), 0.95)
    assert np.isnan(nan_low).all() and np.isnan(nan_high).all()
