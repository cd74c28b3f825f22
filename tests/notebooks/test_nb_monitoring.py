"""The monitoring report against the sample scenario's truth (smoke window and full period) and on the
airline tweets (real data without brand replies, employees or campaigns)."""

from __future__ import annotations

from pathlib import Path

import pandas as pd
import pytest

import kit
from kit import datasets, report
from kit.tl import mentions, net_sentiment

pytestmark = pytest.mark.slow
ROOT = Path(__file__).resolve().parents[2]
ACTORS = ["Voltaria", "Railix", "Trenova", "Cityhop"]
AIRLINE = ROOT.parent / "shared" / "data" / "airline_tweets" / "Tweets.csv"


def _by(records, key):
    return {r[key]: r for r in records}


@pytest.fixture(scope="module")
def window():
    p = report.load_params(ROOT / "params" / "smoke", "monitoring")
    posts, _ = kit.load("sample", start=p["start"], end=p["end"])
    return posts


def test_share_of_voice_counts_the_publics_posts(smoke_values, window):
    sov = _by(smoke_values["monitoring"]["share_of_voice"], "actor")
    # the public: neither a tracked role in the export nor a post by one of the tracked accounts (an employee
    # writing about a competitor is the employee's voice, not the public's: kit.tl.voices)
    d = report.notebook_defaults("monitoring")
    tracked = {
        h.lower() for k in ("brand_accounts", "competitor_accounts", "media_accounts", "employee_handles") for h in d[k]
    }
    by_public = (window["actor_role"] == "public") & ~window["author_handle"].str.lower().isin(tracked)
    public = window[by_public]["actor"].value_counts()
    assert by_public.sum() < (window["actor_role"] == "public").sum()  # the sample holds such a post
    for actor in ACTORS:
        assert sov[actor]["mentions"] == public[actor]
        assert sov[actor]["low"] <= sov[actor]["share"] <= sov[actor]["high"]


def test_corrected_net_sentiment_moves_towards_the_truth(smoke_values, window):
    corrected = _by(smoke_values["monitoring"]["net_sentiment_corrected"], "actor")
    m = mentions.mentions(window, actors=ACTORS)
    truth = net_sentiment.net_sentiment(m, sentiment="x_true_sentiment").set_index("actor")["net"]
    for actor in ACTORS:
        row = corrected[actor]
        # every actor's interval covers the truth; an actor with few reviewed posts of its own (8 to 16 here)
        # has its errors partly pooled and a wide interval, whose middle need not beat the raw count
        assert row["ci_low"] <= truth[actor] <= row["ci_high"], actor
        if row["confusion"] == "own":
            assert abs(row["corrected_net"] - truth[actor]) < abs(row["model_net"] - truth[actor]), actor
        else:
            assert row["ci_high"] - row["ci_low"] > 0.3 and row["confusion"].startswith("partly pooled"), actor
    # the brand, with enough reviewed posts of its own, is recovered within the interval
    brand = corrected["Voltaria"]
    assert brand["confusion"] == "own" and brand["ci_low"] <= truth["Voltaria"] <= brand["ci_high"]
    assert abs(brand["corrected_net"] - truth["Voltaria"]) < 0.1


def test_customer_care_matches_the_generator(smoke_values):
    care = smoke_values["monitoring"]["care"][0]
    truth = datasets.load_sample()[1]["customer_care"]
    # intents are detected, not read from the truth: the rate may move a little, times hardly
    assert care["response_rate"] == pytest.approx(truth["observed_response_rate"], abs=0.04)
    assert care["median_hours"] == pytest.approx(truth["observed_median_hours"], abs=0.3)
    assert care["p90_hours"] == pytest.approx(truth["observed_p90_hours"], abs=1.5)
    assert care["rate_low"] < care["response_rate"] < care["rate_high"]
    history = smoke_values["monitoring"]["care_history"]
    assert len(history) >= 3 and sum(r["cases"] for r in history) == care["cases"]


def test_employee_advocacy_counts_their_posts(smoke_values, window):
    advocacy = _by(smoke_values["monitoring"]["advocacy"], "account")
    employees = datasets.load_sample()[1]["employees"]
    handles = window["author_handle"].str.lower()
    assert advocacy["all employees"]["posts"] == int(handles.isin(employees).sum())
    assert advocacy["brand accounts"]["posts"] == int((handles == "voltaria").sum())
    assert set(employees) <= set(advocacy)


@pytest.fixture(scope="module")
def full_run(tmp_path_factory):
    out = tmp_path_factory.mktemp("monitoring_full")
    result = report.run("monitoring", report.load_params(ROOT / "params" / "sample", "monitoring"), out, progress=False)
    assert result.ok, result.error
    return result.values


def test_full_period_recovers_share_of_voice_and_net_sentiment(full_run):
    truth = datasets.load_sample()[1]
    sov = _by(full_run["share_of_voice"], "actor")
    for actor, share in truth["share_of_voice"]["observed"].items():
        assert sov[actor]["low"] <= share <= sov[actor]["high"], actor
    corrected = _by(full_run["net_sentiment_corrected"], "actor")
    posts, _ = kit.load("sample")
    m = mentions.mentions(posts, actors=ACTORS)
    real = net_sentiment.net_sentiment(m, sentiment="x_true_sentiment").set_index("actor")["net"]
    for actor in ACTORS:
        assert corrected[actor]["ci_low"] <= real[actor] <= corrected[actor]["ci_high"], actor


def test_full_period_message_tests(full_run):
    tests = _by(full_run["message_tests"], "campaign")
    spring, null = tests["spring_ab"], tests["null_ab"]
    assert spring["significant"] and spring["rate_b"] > spring["rate_a"] and "B" in spring["verdict"]
    assert not null["significant"] and "no winner" in null["verdict"].lower()


def test_full_period_alerts_raise_the_crisis_week(full_run):
    alerts = pd.DataFrame(full_run["alert_history"])
    week = alerts[pd.to_datetime(alerts["period"]) == pd.Timestamp("2026-03-09", tz="UTC")]
    assert {"mentions", "negative"} <= set(week["metric"])


@pytest.mark.shared
@pytest.mark.skipif(not AIRLINE.exists(), reason="../shared/data/airline_tweets is absent")
def test_airline_tweets(tmp_path):
    result = report.run(
        "monitoring", report.load_params(ROOT / "params" / "airline", "monitoring"), tmp_path, progress=False
    )
    assert result.ok, result.error
    values = result.values
    raw = pd.read_csv(AIRLINE).drop_duplicates("tweet_id")  # the reader drops exact duplicate ids, reported
    sov = _by(values["share_of_voice"], "actor")
    posts, load_report = kit.load(str(AIRLINE))
    for airline, n in posts["actor"].value_counts().items():
        assert sov[airline]["mentions"] == n
    assert sum(r["mentions"] for r in sov.values()) == values["posts_loaded"]
    assert values["posts_loaded"] + values["rows_dropped"] == values["rows_read"] == 14640
    care = values["care"][0]
    assert care["cases"] > 1000 and care["responded"] == 0
    page = result.html.read_text(encoding="utf-8")
    assert "no reply from its accounts" in page
    reasons = {r["topic"] for r in values["care_history"]}
    assert {"Customer Service Issue", "Late Flight", "Lost Luggage"} <= reasons
    del raw
