"""The workshop's checks: one function a task, returning ``(right, sentence)`` or raising ``_Unusable``."""

from __future__ import annotations

from collections.abc import Callable

import pandas as pd

from ._answers import _hours_apart, _number, _one, _pair, _share, _text, _time, _Unusable
from ._data import (
    SETTINGS,
    _care,
    _kit_corrected,
    _message_tests,
    _messy,
    _posts,
    _review,
    _share_of_voice,
    truth,
)

__all__: list[str] = []

_NIGHT_TRAIN = ("night", "nuit", "nacht", "couchette", "sleeper", "schlafwagen", "liegewagen", "voiture-lits")
_SARCASM = ("thanks for nothing", "merci pour rien", "danke für nichts", "seriously?")


def _first_look_kept(answer):
    kept = len(_messy()[0])
    n = int(round(_number(answer)))
    if n == kept:
        return True, f"{kept} of {_messy()[1].rows_read} rows were kept; every other row is in load_report.dropped."
    if n == _messy()[1].rows_read:
        return False, "that is the number of rows read; some were dropped: look at 'rows kept' in the accounting."
    return False, "look at the row accounting (tl.load_accounting(load_report)): the line 'rows kept'."


def _first_look_duplicates(answer):
    report = _messy()[1]
    n = int(round(_number(answer)))
    if n == report.duplicates:
        return True, f"{n} rows were exported twice; the kit keeps the first and says which row each repeats."
    if n == report.rows_dropped:
        return False, "that is every dropped row; only some are duplicates: the others have a date problem."
    return False, "look at the dropped rows whose reason says 'duplicate of row ...' (load_report.dropped)."


def _first_look_bad_date(answer):
    dropped = _messy()[1].dropped
    bad = dropped.loc[dropped["reason"].astype(str).str.startswith("cannot read time"), "source_row"]
    n = int(round(_number(answer, "source_row")))
    if n in set(bad.astype(int)):
        return True, f"row {n} says 31/02/2026: there is no 31 February, so the kit drops the row and names it."
    missing = dropped.loc[dropped["reason"].astype(str).str.startswith("missing"), "source_row"]
    if n in set(missing.astype(int)):
        return False, "that row has no date at all; the task asks for the date that is written but cannot be read."
    return False, "look for the reason 'cannot read time' in load_report.dropped; source_row is the file's row."


def _first_look_busiest_day(answer):
    day = _time(answer, "created_at").normalize()
    counts = _posts()["created_at"].dt.tz_convert("UTC").dt.normalize().value_counts()
    busiest = counts.idxmax()
    if day == busiest:
        return True, f"{busiest:%A %d %B %Y}: {counts.max()} posts, the first day of the crisis (see 04_crisis)."
    return False, "count posts per day (tl.volume(posts, freq='D')) and take the day with the most."


def _first_look_language(answer):
    lang = _text(answer, "lang").lower()
    counts = _posts()["lang"].value_counts()
    if lang == counts.index[0]:
        return True, f"'{lang}': {counts.iloc[0]} of {counts.sum()} posts."
    if lang in counts.index:
        return (
            False,
            f"'{lang}' has {counts[lang]} posts; another language has more: look at tl.breakdown(posts, 'lang').",
        )
    return False, f"the languages here are {', '.join(repr(x) for x in counts.index)} (two-letter codes)."


def _audit_gap(answer):
    actor = _text(answer, "actor")
    gap = truth()["posting_gap"]
    if actor.lower() == gap["actor"].lower():
        return True, f"{gap['actor']} went silent from {gap['start']} to {gap['end']}."
    if actor in truth()["media"]:
        return (
            False,
            f"{actor} is a media outlet; the task asks for a competitor ({', '.join(truth()['competitors'])}).",
        )
    return False, "in the gaps table, keep the competitors only and take the longest silence."


def _audit_format(answer):
    fmt = _text(answer, ("media_format", "level")).lower()
    effects = truth()["engagement"]["format_effect"]
    best = max(effects, key=effects.get)
    if fmt == best:
        return True, f"{best} posts earn about {effects[best]:g} times what text posts earn, all else equal."
    if fmt in effects:
        return False, f"{fmt} is not the strongest: compare the rate_ratio of each format= row of the effects table."
    return False, f"formats are {', '.join(effects)}; pick one (the effects table's 'format=...' rows)."


def _audit_hour(answer):
    band = _text(answer, ("hour_band", "level")).replace("hour=", "").strip()
    hours = truth()["engagement"]["hour_effect_hours_utc"]
    expected = f"{hours[0]:02d}-{hours[-1]:02d}"
    if band == expected:
        return True, f"posts at {expected} h UTC earn about 1.5 times more, the planted effect."
    return (
        False,
        "in the effects table, look at the 'hour=...' rows: which has a rate ratio well above 1 (and q < 0.05)?",
    )


def _audit_pillar(answer):
    pillar = _text(answer, "pillar").lower()
    expected = truth()["pillars"]["under_served"]
    if pillar == expected:
        return True, f"'{expected}': the brand states it as a pillar but gives it only a few per cent of its posts."
    if pillar in truth()["pillars"]["stated"]:
        return False, (
            f"'{pillar}' is stated too, but not the most under-served: sort the under_served table by "
            "share_of_intent (the share it gets over the share it should get)."
        )
    return False, f"the stated pillars are {', '.join(truth()['pillars']['stated'])}."


def _monitoring_sov(answer):
    brand = SETTINGS["brand"]
    low, high = _pair(answer, row=("actor", brand))
    row = _share_of_voice().set_index("actor").loc[brand]
    observed = truth()["share_of_voice"]["observed"][brand]
    if low > high:
        return False, "the first number is the lower end of the interval: (low, high)."
    if abs(low - row["low"]) < 0.005 and abs(high - row["high"]) < 0.005:
        return True, (
            f"{brand}'s share of voice is {row['share']:.1%}, 95 % interval {row['low']:.1%} to {row['high']:.1%} "
            f"(the sample's true share is {observed:.1%})."
        )
    if low <= row["share"] <= high:
        return (
            False,
            "your interval contains the share but is not the kit's: take the low and high columns of the Voltaria row.",
        )
    return False, "take the Voltaria row of the share-of-voice table: its low and high columns."


def _ab_winner(answer):
    expected = truth()["ab_tests"]["spring_ab"]["winner"]
    variant = _text(answer, "variant").upper()
    if variant == expected:
        table = _message_tests().set_index("campaign").loc["spring_ab"]
        return (
            True,
            f"variant {expected}: {table['rate_b']:.2%} vs {table['rate_a']:.2%} of views, p = {table['p_value']:.2g}.",
        )
    if variant in ("A", "B"):
        return False, "look at the spring_ab row: which rate is higher, and is the difference significant?"
    return False, "answer with the name of a variant, 'A' or 'B'."


def _ab_null(answer):
    text = _text(answer, "verdict").lower()
    row = _message_tests().set_index("campaign").loc["null_ab"]
    if text in ("none", "no winner", "neither", "no", "tie", "nobody", "no one"):
        return True, (
            f"no winner: the difference ({row['difference']:+.2%}) is far below the smallest difference this test "
            f"could detect ({row['mde']:.2%}), p = {row['p_value']:.2f}. Both variants were planted at 3.5 %."
        )
    if text.upper() in ("A", "B"):
        return False, "look at p_value and significant in the null_ab row: can you declare a winner?"
    return False, "answer 'none' when the test has no winner, or 'A' or 'B'."


def _monitoring_response(answer):
    rate = _share(_number(answer, "response_rate"))
    kit_rate = float(_care()["response_rate"].iloc[0])
    planted = truth()["customer_care"]["response_rate"]
    if abs(rate - kit_rate) < 0.01:
        return True, f"{kit_rate:.1%} of complaints and questions got an answer (the sample planted {planted:.0%})."
    return False, "take the response_rate column of the care summary (tl.care.summary)."


def _listening_emerging(answer):
    label = _text(answer, "label").lower()
    if any(word in label for word in _NIGHT_TRAIN):
        ws = truth()["weak_signal"]
        return True, (
            f"night trains: complaints start on {ws['start']} and reach {ws['share_of_brand_mentions_last_2_weeks']:.0%} "
            "of the brand's mentions in the last two weeks."
        )
    return False, "take the flagged topic with the largest growth in the emerging table (its label)."


def _listening_sarcasm(answer):
    post_id = str(_one(answer, "post_id")).strip()
    review = _review().set_index("post_id")
    if post_id not in review.index:
        return False, "this post_id is not in the review file; copy one from the table of matching review rows."
    row = review.loc[post_id]
    posts = _posts().set_index("post_id")
    true = posts.loc[post_id, "x_true_sentiment"] if post_id in posts.index else None
    sarcastic = any(s in str(row["text"]).lower() for s in _SARCASM)
    if not sarcastic:
        return (
            False,
            "this post is not sarcastic: look for 'Thanks for nothing', 'Merci pour rien' or 'Danke für nichts'.",
        )
    if row["model_sentiment"] == "negative":
        return False, "the model read this one right (negative); find one it scored positive or neutral."
    if true == "negative":
        return True, f"the model read '{row['model_sentiment']}' where the post is negative: the thanks are sarcastic."
    return False, "the reviewers did not label this one negative; pick another."


def _listening_corrected(answer):
    value = _number(answer, "corrected") if not isinstance(answer, pd.DataFrame) else None
    table = _kit_corrected().set_index("measure")
    if isinstance(answer, pd.DataFrame):
        if "measure" in answer.columns and "corrected" in answer.columns:
            value = _number(answer.loc[answer["measure"] == "net_sentiment"], "corrected")
        else:
            raise _Unusable("pass the corrected net sentiment, one number")
    row = table.loc["net_sentiment"]
    if abs(value - row["corrected"]) < 0.01:
        return True, (
            f"the model says {row['model']:+.2f}, the reviewed estimate {row['corrected']:+.2f} "
            f"({row['ci_low']:+.2f} to {row['ci_high']:+.2f}): the sign flips once sarcasm and misreads are corrected."
        )
    if abs(value - row["model"]) < 0.01:
        return False, "that is the model's figure; the task asks for the corrected one (column 'corrected')."
    return False, "take the net_sentiment row of reviewed['corrected'], column 'corrected'."


def _crisis_onset(answer):
    onset = _time(answer, "onset")
    planted = pd.Timestamp(truth()["crisis"]["onset"])
    if _hours_apart(onset, planted) <= 1:
        return True, f"the surge starts at {planted:%d %B %H:%M} UTC, when customers find they were charged twice."
    if _hours_apart(onset, planted) <= 6:
        return False, "close but not the onset: is this the peak? The onset is the first hour above the baseline band."
    return False, "take the onset column of the surge table (tl.surge.surge on the hourly series of crisis posts)."


def _crisis_statement(answer):
    hours = _number(answer, "hours_to_statement")
    c = truth()["crisis"]
    planted = (pd.Timestamp(c["first_brand_statement"]) - pd.Timestamp(c["onset"])) / pd.Timedelta(hours=1)
    if abs(hours - planted) <= 0.5:
        return (
            True,
            f"{planted:g} hours from onset to the brand's first statement ({c['first_brand_statement'][11:16]} UTC).",
        )
    if hours < 2:
        return (
            False,
            "that looks like the first reply to a customer; the task asks for the first statement (an original post).",
        )
    return False, "take hours_to_statement from tl.response.first_statement."


def _crisis_cascade(answer):
    post_id = str(_one(answer, "post_id")).strip()
    sizes = truth()["crisis"]["cascade_sizes"]
    largest = max(sizes, key=sizes.get)
    if post_id == largest:
        return True, "this seed post started the largest repost cascade of the crisis."
    if post_id in sizes:
        return False, "this post started a cascade, but not the largest: sort by size."
    return False, "take the post_id of the first row of tl.cascades.cascades (sorted by size)."


def _crisis_repost(answer):
    share = _share(_number(answer, "share"))
    planted = truth()["crisis"]["repost_share"]
    if abs(share - planted) <= 0.01:
        return True, f"about {planted:.0%} of the posts about the brand in the 72 hours after onset are reposts."
    return False, "take the share column of tl.cascades.repost_share (posts about the brand, 72 hours from the onset)."


_Check = Callable[[object], tuple[bool, str]]

_TASKS: dict[str, tuple[str, str, _Check]] = {
    "first-look-kept": ("00_first_look", "rows of the messy export kept", _first_look_kept),
    "first-look-duplicates": ("00_first_look", "rows dropped as duplicates", _first_look_duplicates),
    "first-look-bad-date": ("00_first_look", "file row whose date cannot be read", _first_look_bad_date),
    "first-look-busiest-day": ("00_first_look", "the day with most posts", _first_look_busiest_day),
    "first-look-language": ("00_first_look", "the most frequent language", _first_look_language),
    "audit-gap": ("01_audit", "the competitor that went silent", _audit_gap),
    "audit-best-format": ("01_audit", "the format that earns most", _audit_format),
    "audit-best-hour": ("01_audit", "the hour band that earns most", _audit_hour),
    "audit-under-served": ("01_audit", "the most under-served pillar", _audit_pillar),
    "monitoring-share-of-voice": ("02_monitoring", "Voltaria's share-of-voice interval", _monitoring_sov),
    "monitoring-ab-winner": ("02_monitoring", "the winner of spring_ab", _ab_winner),
    "monitoring-ab-null": ("02_monitoring", "the winner of null_ab", _ab_null),
    "monitoring-response-rate": ("02_monitoring", "the customer-care response rate", _monitoring_response),
    "listening-emerging": ("03_listening", "the emerging topic", _listening_emerging),
    "listening-sarcasm": ("03_listening", "a sarcastic post the model misread", _listening_sarcasm),
    "listening-corrected": ("03_listening", "the corrected net sentiment", _listening_corrected),
    "crisis-onset": ("04_crisis", "the crisis onset", _crisis_onset),
    "crisis-statement": ("04_crisis", "hours to the first statement", _crisis_statement),
    "crisis-cascade": ("04_crisis", "the seed of the largest cascade", _crisis_cascade),
    "crisis-repost-share": ("04_crisis", "the repost share after onset", _crisis_repost),
}
