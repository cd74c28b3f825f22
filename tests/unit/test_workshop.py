"""kit.workshop: every self-check answers in words (right, wrong with what to look at, not answered yet),
never with a traceback; the shipped exercise notebooks are the builder's, carry blanks, and run."""

from __future__ import annotations

import importlib.util
import json
from pathlib import Path

import nbformat
import numpy as np
import pandas as pd
import pytest

from kit import workshop
from kit.workshop import _data

ROOT = Path(__file__).resolve().parents[2]
WORKSHOP = ROOT / "notebooks" / "workshop"

# One plausible wrong answer per task: a near miss a participant would give.
WRONG = {
    "first-look-kept": 124,
    "first-look-duplicates": 8,
    "first-look-bad-date": 8,
    "first-look-busiest-day": "2026-03-10",
    "first-look-language": "de",
    "audit-gap": "Mobilité Hebdo",
    "audit-best-format": "image",
    "audit-best-hour": "12-14",
    "audit-under-served": "community",
    "monitoring-share-of-voice": (0.45, 0.50),
    "monitoring-ab-winner": "A",
    "monitoring-ab-null": "B",
    "monitoring-response-rate": 0.75,
    "listening-emerging": "service · mail · kundenservice · hotline",
    "listening-sarcasm": "123",
    "listening-corrected": 0.23,
    "crisis-onset": "2026-03-09 17:00",
    "crisis-statement": 0.93,
    "crisis-cascade": "2031016155644167816",
    "crisis-repost-share": 0.5,
}

# Answers of the wrong kind: the check must still answer in a sentence.
ODD = [
    {"a": 1},
    [1, 2, 3],
    pd.DataFrame({"x": [1]}),
    pd.DataFrame(),
    pd.Series([1.0, 2.0]),
    float("nan"),
    "a sentence instead of a value",
    object(),
    np.array([[1, 2], [3, 4]]),
]


def _task_names():
    return workshop.tasks()["task"].tolist()


def test_every_task_has_a_wrong_answer_here():
    assert set(WRONG) == set(_task_names())


# These two compare with the kit's sentiment scores of the sample: seconds with warm caches, about a minute cold.
SCORED = {"monitoring-response-rate", "listening-corrected"}


@pytest.mark.parametrize("task", [pytest.param(t, marks=pytest.mark.slow) if t in SCORED else t for t in sorted(WRONG)])
def test_a_wrong_answer_gets_a_helpful_sentence(task):
    result = workshop.check(task, WRONG[task])
    assert result.status == "wrong", result
    assert not result
    assert len(result.message.split()) >= 5 and "Traceback" not in result.message
    assert repr(result).startswith("❌ wrong (" + task + "): ")


@pytest.mark.parametrize("task", sorted(WRONG))
@pytest.mark.parametrize("answer", ODD, ids=lambda a: type(a).__name__)
def test_an_answer_of_the_wrong_kind_never_raises(task, answer):
    result = workshop.check(task, answer)
    assert result.status == "wrong"
    assert result.message and "Traceback" not in result.message


@pytest.mark.parametrize("task", sorted(WRONG))
@pytest.mark.parametrize("blank", [..., None, "", "..."], ids=repr)
def test_the_shipped_blanks_are_not_answered_yet(task, blank):
    result = workshop.check(task, blank)
    assert result.status == "not answered yet"
    assert "replace the ..." in result.message


def test_an_unknown_task_lists_the_tasks():
    result = workshop.check("crisis-onsett", "2026-03-09 14:00")
    assert result.status == "unknown task"
    assert "crisis-onset" in result.message


def test_right_answers_from_the_truth():
    truth = workshop.truth()
    assert workshop.check("crisis-onset", truth["crisis"]["onset"])
    assert workshop.check("crisis-onset", pd.DataFrame({"onset": [pd.Timestamp("2026-03-09 14:00", tz="UTC")]}))
    assert workshop.check("crisis-statement", 6.0)
    assert workshop.check("crisis-statement", pd.Timedelta(hours=6))
    assert workshop.check("crisis-cascade", truth["crisis"]["seed_post_ids"][0])
    assert workshop.check("crisis-repost-share", "26%")
    assert workshop.check("monitoring-ab-winner", "b")
    assert workshop.check("monitoring-ab-null", "none")
    assert workshop.check("audit-under-served", truth["pillars"]["under_served"])
    assert workshop.check("audit-best-format", pd.Series({"term": "format", "level": "video"}))
    assert workshop.check("audit-best-hour", "hour=18-20")
    assert workshop.check("audit-gap", "Trenova")
    assert workshop.check("listening-emerging", "berlin · nuit · couchette · nachtzug")
    assert workshop.check("first-look-busiest-day", pd.Timestamp("2026-03-09 00:00", tz="UTC"))
    assert workshop.check("first-look-language", "fr")


def test_right_answers_from_the_kits_own_results():
    assert workshop.check("first-look-kept", 116)
    assert workshop.check("first-look-duplicates", 4)
    assert workshop.check("first-look-bad-date", 15)
    sov = _data._share_of_voice()
    assert workshop.check("monitoring-share-of-voice", sov)  # the table itself: Voltaria's row is used
    assert workshop.check("monitoring-share-of-voice", (sov["low"].iloc[0], sov["high"].iloc[0]))


def test_near_misses_say_what_to_look_at():
    assert "percentage" in workshop.check("crisis-repost-share", 26).message
    assert "peak" in workshop.check("crisis-onset", "2026-03-09 16:00").message
    assert "reply" in workshop.check("crisis-statement", 0.9).message
    assert "media outlet" in workshop.check("audit-gap", "Mobilité Hebdo").message
    assert "rows read" in workshop.check("first-look-kept", 124).message
    assert "lower end" in workshop.check("monitoring-share-of-voice", (0.6, 0.5)).message


def test_the_workshop_sample_is_the_documented_one():
    truth = json.loads(workshop.path("truth.json").read_text(encoding="utf-8"))
    assert truth["generator"]["n_posts"] == 3000 and truth["generator"]["seed"] == 0
    assert len(pd.read_parquet(workshop.path("posts.parquet"))) == 3000
    assert workshop.path(str(workshop.path("review.csv"))) == workshop.path("review.csv")  # a path is kept
    with pytest.raises(FileNotFoundError, match="kit sample --out data/workshop"):
        workshop.path("no_such_file.csv")


def _builder():
    spec = importlib.util.spec_from_file_location("workshop_build", WORKSHOP / "_build.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_the_notebooks_are_the_builders_and_have_no_outputs():
    built = _builder().notebooks()
    assert len(built) == 10
    for name, nb in built.items():
        shipped = nbformat.read(WORKSHOP / name, as_version=4)
        assert [c.source for c in shipped.cells] == [c.source for c in nb.cells], f"{name}: run _build.py"
        assert all(
            not c.get("outputs") and not c.get("execution_count") for c in shipped.cells if c.cell_type == "code"
        )


def test_every_task_is_asked_once_and_the_cells_are_one_call():
    checked = []
    for name in sorted(WORKSHOP.glob("0*.ipynb")):
        nb = nbformat.read(name, as_version=4)
        code = [c for c in nb.cells if c.cell_type == "code"]
        assert "parameters" in code[0].metadata.get("tags", [])
        for c in code:
            assert "def " not in c.source and "for " not in c.source and "while " not in c.source
            if "task" in c.metadata.get("tags", []):
                assert "= ..." in c.source, f"{name.name}: a task cell must ship blank"
            if "workshop.check(" in c.source:
                checked.append(c.source.split('"')[1])
    assert sorted(checked) == sorted(_task_names())


def execute(path: Path) -> list[str]:
    """Run a notebook in its folder; return the text each check cell showed."""
    from nbclient import NotebookClient

    nb = nbformat.read(path, as_version=4)
    NotebookClient(nb, timeout=600, kernel_name="python3", resources={"metadata": {"path": str(path.parent)}}).execute()
    shown = []
    for c in nb.cells:
        if c.cell_type == "code" and "workshop.check(" in c.source:
            shown.append("".join(o.get("data", {}).get("text/plain", "") for o in c.get("outputs", [])))
    return shown


@pytest.mark.slow
@pytest.mark.parametrize("name", sorted(p.name for p in WORKSHOP.glob("0*.ipynb")))
def test_the_shipped_exercises_run_and_report_not_answered_yet(name):
    shown = execute(WORKSHOP / name)
    assert shown and all(s.startswith("… not answered yet") for s in shown), shown
