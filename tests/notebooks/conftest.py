"""One smoke run of all four notebooks per test session, shared by every notebook test file."""

from __future__ import annotations

from pathlib import Path

import pytest

from kit import report

ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture(scope="session")
def smoke_run(tmp_path_factory):
    """``(out_dir, results)`` of ``report.run_all("all", params/smoke, ...)``; ``results[i].values`` holds what
    each notebook recorded with ``kit.provenance.record``."""
    out = tmp_path_factory.mktemp("smoke")
    return out, report.run_all("all", ROOT / "params" / "smoke", out, progress=False)


@pytest.fixture(scope="session")
def smoke_values(smoke_run):
    """What each notebook recorded, by notebook name: ``smoke_values["crisis"]["timeline"]``."""
    return {r.name: r.values for r in smoke_run[1]}
