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

from dataclasses import dataclass

import pandas as pd

from ._answers import _blank, _Unusable
from ._checks import _TASKS
from ._data import DATA_DIR, SETTINGS, path, truth
from ._warm import warm

__all__ = ["DATA_DIR", "SETTINGS", "CheckResult", "path", "truth", "tasks", "check", "warm"]


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
