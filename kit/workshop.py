"""Self-checks for the workshop notebooks (``notebooks/workshop``) on the workshop sample (``data/workshop``).

A participant completes a cell with one or two ``kit`` calls, then runs
``workshop.check("task-name", answer)``. The check says in words whether the answer is right and, if
not, what to look at. It compares with the workshop sample's planted truth (``data/workshop/truth.json``)
or with the kit's own result on the same data. It never raises: a wrong type, a missing value or an
unknown task name gives a sentence too, and the shipped blanks (``...`` or ``None``) give
"not answered yet".

The workshop sample is the sample scenario at 3,000 posts (``kit sample --out data/workshop --posts 3000
--seed 0 --review 200``) plus ``messy_export.csv``, 124 rows of it as a spreadsheet export with
duplicates and unreadable dates (``data/workshop/make_messy_export.py``).

Examples
--------
>>> check("crisis-onset", ...)
… not answered yet (crisis-onset): replace the ... with your answer, then run the cell again.
>>> check("monitoring-ab-winner", "A").status
'wrong'
>>> check("monitoring-ab-winner", "B")  # doctest: +ELLIPSIS
✅ right (monitoring-ab-winner): ...
>>> check("no-such-task", 1).status
'unknown task'
"""

from __future__ import annotations

import functools
import json
import math
import sys
import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

import numpy as np
import pandas as pd

from ._resources import resource_dir

__all__ = ["DATA_DIR", "SETTINGS", "CheckResult", "path", "truth", "tasks", "check", "warm"]

#: The workshop sample: ``data/workshop`` in a checkout (``kit/_data/workshop`` in a wheel).
DATA_DIR = resource_dir("_data", "data") / "workshop"

#: The settings the workshop notebooks and :func:`warm` share (the caches are keyed by them).
SETTINGS = {
    "brand": "Voltaria",
    "competitors": ["Railix", "Trenova", "Cityhop"],
    "brand_accounts": ["voltaria"],
    "competitor_accounts": ["railix", "trenova", "cityhop"],
    "media_accounts": ["mobilitehebdo", "verkehrsblatt", "transittimes", "eurorailwire"],
    "languages": ["fr", "de", "en"],
    "embedder": "use",
    "min_topic_size": 30,
    "n_epochs": 200,
    "seed": 0,
}

_REGENERATE = "kit sample --out data/workshop --posts 3000 --seed 0 --review 200"

_NIGHT_TRAIN = ("night", "nuit", "nacht", "couchette", "sleeper", "schlafwagen", "liegewagen", "voiture-lits")
_SARCASM = ("thanks for nothing", "merci pour rien", "danke für nichts", "seriously?")


@dataclass(frozen=True)
class CheckResult:
    """What :func:`check` found: ``status`` is ``right``, ``wrong``, ``not answered yet`` or ``unknown task``.

    Shown in a notebook as one line: a symbol, the status, the task and a sentence.
    """

    task: str
    status: str
    message: str

    def __bool__(self) -> bool:
        return self.status == "right"

    def __repr__(self) -> str:
        symbol = {"right": "✅", "wrong": "❌", "not answered yet": "…"}.get(self.status, "?")
        return f"{symbol} {self.status} ({self.task}): {self.message}"

    def to_frame(self) -> pd.DataFrame:
        """The result as a one-row table (``task, status, message``)."""
        return pd.DataFrame([{"task": self.task, "status": self.status, "message": self.message}])


def path(name: str = "posts.parquet") -> Path:
    """A file of the workshop sample, or ``name`` itself when it is an existing path (your own export).

    Parameters
    ----------
    name
        ``posts.parquet``, ``posts.csv``, ``messy_export.csv``, ``review.csv``, ``truth.json``,
        ``accounts.csv``, or a path to a file.

    Returns
    -------
    Path
        The file's path.

    Raises
    ------
    FileNotFoundError
        When neither exists; the message says how to make the workshop sample again.

    Examples
    --------
    >>> path("posts.parquet").name, path("posts.parquet").parent.name
    ('posts.parquet', 'workshop')
    """
    given = Path(name)
    if given.exists():
        return given
    found = DATA_DIR / name
    if not found.exists():
        raise FileNotFoundError(
            f"{name} is neither a file nor part of the workshop sample in {DATA_DIR}; "
            f"make the sample again with `{_REGENERATE}`"
        )
    return found


@functools.lru_cache(maxsize=1)
def truth() -> dict:
    """The workshop sample's planted truth (``data/workshop/truth.json``).

    Examples
    --------
    >>> truth()["crisis"]["onset"], truth()["counts"]["posts"]
    ('2026-03-09T14:00:00Z', 3000)
    """
    return json.loads(path("truth.json").read_text(encoding="utf-8"))


# --- the kit's own results on the workshop sample (computed once, when a check needs them) -------------


@functools.lru_cache(maxsize=1)
def _posts() -> pd.DataFrame:
    import kit

    posts, _ = kit.load(str(path("posts.parquet")))
    return posts


@functools.lru_cache(maxsize=1)
def _messy():
    import kit

    return kit.load(str(path("messy_export.csv")))


@functools.lru_cache(maxsize=1)
def _share_of_voice() -> pd.DataFrame:
    from . import tl

    actors = [SETTINGS["brand"], *SETTINGS["competitors"]]
    return tl.share_of_voice.share_of_voice(tl.mentions.mentions(_posts(), actors=actors), actors=actors)


@functools.lru_cache(maxsize=1)
def _scored_mentions() -> pd.DataFrame:
    from . import tl

    actors = [SETTINGS["brand"], *SETTINGS["competitors"]]
    return tl.sentiment.score(tl.mentions.mentions(_posts(), actors=actors), model="auto")


@functools.lru_cache(maxsize=1)
def _care() -> pd.DataFrame:
    from . import tl

    cases = tl.care.cases(
        _posts(), brand_handles=SETTINGS["brand_accounts"], brand=SETTINGS["brand"], scored=_scored_mentions()
    )
    return tl.care.summary(cases, seed=SETTINGS["seed"])


@functools.lru_cache(maxsize=1)
def _message_tests() -> pd.DataFrame:
    from . import tl

    return tl.message_tests.message_tests(_posts(), campaigns=list(truth()["ab_tests"]))


@functools.lru_cache(maxsize=1)
def _review() -> pd.DataFrame:
    from .io import review as review_io

    return review_io.load(str(path("review.csv")))


@functools.lru_cache(maxsize=1)
def _kit_corrected() -> pd.DataFrame:
    from . import pp, tl

    posts = pp.detect_language(_posts(), languages=SETTINGS["languages"])
    vectors = tl.embed.embed(posts, embedder=SETTINGS["embedder"], progress=False)
    scored = tl.sentiment.score(posts, embeddings=vectors)
    result = tl.listening_review.review_results(scored, _review(), source="review.csv", seed=SETTINGS["seed"])
    return result["corrected"]


# --- reading answers ----------------------------------------------------------------------------------


class _Unusable(Exception):
    """The answer cannot be read as what the task asks for (the message says what was expected)."""


def _describe(value) -> str:
    """A short name for a value in a message (never a whole table)."""
    if isinstance(value, pd.DataFrame):
        return f"a table of {len(value)} rows"
    if isinstance(value, (pd.Series, np.ndarray, list, tuple)):
        return f"{type(value).__name__} of {len(value)} values"
    text = repr(value)
    return f"{type(value).__name__} {text if len(text) <= 60 else text[:57] + '...'}"


def _blank(answer) -> bool:
    if answer is ... or answer is None:
        return True
    return isinstance(answer, str) and answer.strip() in ("", "...")


def _one(answer, column: str | tuple[str, ...]):
    """The value of ``column`` (or the first of several present) when ``answer`` is a table or a row holding
    it (first row), else ``answer``."""
    columns = (column,) if isinstance(column, str) else tuple(column)
    if isinstance(answer, pd.DataFrame):
        present = [c for c in columns if c in answer.columns]
        if not present:
            raise _Unusable(f"this table has no column '{columns[0]}'; pass the value itself (one cell of it)")
        if answer.empty:
            raise _Unusable("this table is empty: did the call above find anything?")
        return answer[present[0]].iloc[0]
    if isinstance(answer, pd.Series):
        present = [c for c in columns if c in answer.index]
        if present:
            return answer[present[0]]
        if len(answer) == 1:
            return answer.iloc[0]
        raise _Unusable(f"this is a column or row of {len(answer)} values; pass one value ('{columns[0]}')")
    return answer


def _text(answer, column: str | tuple[str, ...] = "label") -> str:
    value = _one(answer, column)
    if isinstance(value, (list, tuple)) and len(value) == 1:
        value = value[0]
    if not isinstance(value, str):
        raise _Unusable(f"expected a word or a name in quotes (a string), got {_describe(value)}")
    return value.strip()


def _number(answer, column: str | None = None) -> float:
    value = _one(answer, column) if column else answer
    if isinstance(value, str):
        try:
            value = float(value.strip().rstrip("%").replace(",", ".")) / (100 if value.strip().endswith("%") else 1)
        except ValueError:
            raise _Unusable(f"expected a number, got the text {value!r}") from None
    if isinstance(value, pd.Timedelta):
        return value / pd.Timedelta(hours=1)
    try:
        number = float(value)
    except (TypeError, ValueError):
        raise _Unusable(f"expected a number, got {_describe(value)}") from None
    if math.isnan(number):
        raise _Unusable("this number is missing (NaN): did the call above find anything?")
    return number


def _time(answer, column: str) -> pd.Timestamp:
    value = _one(answer, column)
    try:
        stamp = pd.Timestamp(value)
    except (TypeError, ValueError):
        raise _Unusable(f"expected a date and time (e.g. '2026-01-31 09:00'), got {_describe(value)}") from None
    if pd.isna(stamp):
        raise _Unusable("this time is missing (NaT): did the call above find anything?")
    return stamp.tz_localize("UTC") if stamp.tzinfo is None else stamp.tz_convert("UTC")


def _pair(answer, columns=("low", "high"), row=None) -> tuple[float, float]:
    if isinstance(answer, pd.DataFrame) and row is not None:
        key, value = row
        if key in answer.columns:
            answer = answer.loc[answer[key] == value]
            if answer.empty:
                raise _Unusable(f"this table has no row for {value}")
    if isinstance(answer, (pd.DataFrame, pd.Series)):
        return _number(answer, columns[0]), _number(answer, columns[1])
    if isinstance(answer, (list, tuple, np.ndarray)) and len(answer) == 2:
        return _number(answer[0]), _number(answer[1])
    raise _Unusable(f"expected two numbers, (low, high), got {_describe(answer)}")


def _share(number: float) -> float:
    if 1 < number <= 100:
        raise _Unusable(f"{number} looks like a percentage; give a share between 0 and 1 (e.g. 0.42 for 42 %)")
    return number


def _hours_apart(a: pd.Timestamp, b: pd.Timestamp) -> float:
    return abs((a - b) / pd.Timedelta(hours=1))


# --- the checks: each returns (right, sentence) or raises _Unusable ------------------------------------


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


def tasks() -> pd.DataFrame:
    """The workshop's tasks: ``task, notebook, answer`` (what the answer is).

    Examples
    --------
    >>> tasks().groupby("notebook").size().to_dict()["04_crisis"]
    4
    """
    return pd.DataFrame([(k, nb, what) for k, (nb, what, _) in _TASKS.items()], columns=["task", "notebook", "answer"])


def check(task: str, answer) -> CheckResult:
    """Say whether ``answer`` to ``task`` is right, and if not what to look at; never raises.

    Parameters
    ----------
    task
        A task name (:func:`tasks` lists them), e.g. ``"crisis-onset"``.
    answer
        The participant's answer: a value, or the table or row it comes from when the task's column is
        in it. ``...`` or ``None`` means not answered yet.

    Returns
    -------
    CheckResult
        ``status`` (``right``, ``wrong``, ``not answered yet``, ``unknown task``) and a sentence; shown as
        one line in a notebook, true when right.

    Examples
    --------
    >>> check("audit-best-format", "video").status
    'right'
    >>> check("audit-best-format", 3)  # doctest: +ELLIPSIS
    ❌ wrong (audit-best-format): expected a word or a name in quotes (a string), got int 3
    """
    if task not in _TASKS:
        names = ", ".join(_TASKS)
        return CheckResult(str(task), "unknown task", f"there is no task {task!r}; the tasks are: {names}.")
    if _blank(answer):
        return CheckResult(task, "not answered yet", "replace the ... with your answer, then run the cell again.")
    try:
        right, message = _TASKS[task][2](answer)
    except _Unusable as exc:
        return CheckResult(task, "wrong", str(exc))
    except FileNotFoundError as exc:
        return CheckResult(task, "wrong", f"the workshop sample is missing: {exc}")
    except Exception as exc:  # noqa: BLE001 - a self-check must answer in words, never with a traceback
        return CheckResult(
            task, "wrong", f"this answer could not be checked ({type(exc).__name__}: {exc}); is it {_TASKS[task][1]}?"
        )
    return CheckResult(task, "right" if right else "wrong", message)


def warm(*, progress: Callable[[str], None] | None = print) -> dict[str, float]:
    """Fill the caches the workshop notebooks use (embeddings, UMAP, models), so no cell waits on the day.

    Runs the model steps of the workshop notebooks on the workshop sample with their settings
    (:data:`SETTINGS`): sentence embeddings of every post and of the own posts, the sentiment and
    emotion models, the topic model's UMAP coordinates, and the results the self-checks compare with.
    Run it once per machine (``python -m kit.workshop``, or ``make workshop``); the second run takes seconds.

    Parameters
    ----------
    progress
        Called with one line per step (``None``: quiet).

    Returns
    -------
    dict
        Seconds per step.
    """
    from . import pp, tl

    steps: dict[str, float] = {}

    def step(name, call):
        t0 = time.perf_counter()
        out = call()
        steps[name] = round(time.perf_counter() - t0, 2)
        if progress:
            progress(f"{name}: {steps[name]} s")
        return out

    s = SETTINGS
    posts = step("read the workshop sample", _posts)
    posts = step("languages", lambda: pp.detect_language(posts, languages=s["languages"]))
    vectors = step("embeddings", lambda: tl.embed.embed(posts, embedder=s["embedder"], progress=False))
    own = tl.owned.own_posts(posts, s["brand_accounts"], s["competitor_accounts"], media=s["media_accounts"])
    step(
        "embeddings of own posts",
        lambda: tl.embed.embed(own, embedder=s["embedder"], column="text_plain", progress=False),
    )
    scored = step("sentiment", lambda: tl.sentiment.score(posts, embeddings=vectors))
    step("sentiment of texts", lambda: tl.sentiment.score(tl.kinds.with_text(posts)))
    step("emotion", lambda: tl.emotion.emotions(scored))
    step(
        "topics (UMAP cache)",
        lambda: tl.topics.fit(
            scored,
            vectors,
            seed=s["seed"],
            min_topic_size=s["min_topic_size"],
            languages=tuple(s["languages"]),
            n_epochs=s["n_epochs"],
            strict=False,
        ),
    )
    step("results the checks compare with", lambda: (_messy(), _care(), _message_tests(), _kit_corrected()))
    return steps


def _main(argv: list[str]) -> int:
    if argv and argv[0] not in ("warm",):
        print("usage: python -m kit.workshop [warm]", file=sys.stderr)
        return 2
    t0 = time.perf_counter()
    warm()
    print(f"workshop caches warm ({time.perf_counter() - t0:.0f} s)")
    return 0


if __name__ == "__main__":
    sys.exit(_main(sys.argv[1:]))
