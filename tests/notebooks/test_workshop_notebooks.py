"""The workshop's solution notebooks run top to bottom on the workshop sample and every self-check passes."""

from __future__ import annotations

from pathlib import Path

import nbformat
import pytest

SOLUTIONS = Path(__file__).resolve().parents[2] / "notebooks" / "workshop" / "solutions"


def execute(path: Path) -> tuple[list[str], float]:
    """Run a notebook in its folder; return the text each check cell showed and the slowest cell's seconds."""
    import pandas as pd
    from nbclient import NotebookClient

    nb = nbformat.read(path, as_version=4)
    NotebookClient(nb, timeout=600, kernel_name="python3", resources={"metadata": {"path": str(path.parent)}}).execute()
    shown, slowest = [], 0.0
    for c in nb.cells:
        if c.cell_type != "code":
            continue
        timing = c.metadata.get("execution", {})
        if "iopub.execute_input" in timing and "shell.execute_reply" in timing:
            took = pd.Timestamp(timing["shell.execute_reply"]) - pd.Timestamp(timing["iopub.execute_input"])
            slowest = max(slowest, took.total_seconds())
        if "workshop.check(" in c.source:
            shown.append("".join(o.get("data", {}).get("text/plain", "") for o in c.get("outputs", [])))
    return shown, slowest


@pytest.mark.slow
@pytest.mark.parametrize("name", sorted(p.name for p in SOLUTIONS.glob("0*.ipynb")))
def test_every_check_passes_on_the_solution(name):
    shown, slowest = execute(SOLUTIONS / name)
    print(f"{name}: slowest cell {slowest:.1f} s")
    assert shown, "no check ran"
    assert all(s.startswith("✅ right") for s in shown), "\n".join(shown)


def test_there_is_a_solution_per_exercise():
    exercises = {p.name for p in SOLUTIONS.parent.glob("0*.ipynb")}
    assert exercises == {p.name for p in SOLUTIONS.glob("0*.ipynb")}
    assert len(exercises) == 5
