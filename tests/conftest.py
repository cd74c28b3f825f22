"""Shared test helpers: where the hand-written fixtures and the real datasets live, and the markers."""

from __future__ import annotations

from pathlib import Path

import pytest

TESTS = Path(__file__).resolve().parent
FIXTURES = TESTS / "fixtures"
CSV_FIXTURES = FIXTURES / "csv"
# The real public datasets sit next to the repository (``../shared/data``), never inside it.
SHARED_DATA = TESTS.parents[0].parent / "shared" / "data"


def pytest_configure(config: pytest.Config) -> None:
    # Also declared in pyproject.toml; repeated here so the markers exist whatever the rootdir.
    config.addinivalue_line("markers", "slow: runs notebooks or real models (deselect with -m 'not slow')")
    config.addinivalue_line("markers", "shared: reads the real datasets in ../shared/data (skipped when absent)")


@pytest.fixture
def csv_fixture():
    """Path of a hand-written CSV fixture: ``csv_fixture("generic_clean.csv")``."""

    def get(name: str) -> Path:
        path = CSV_FIXTURES / name
        assert path.exists(), f"missing fixture {path}"
        return path

    return get


@pytest.fixture
def write_csv(tmp_path):
    """Write ``text`` (str, encoded as UTF-8, or bytes as given) to ``tmp_path / name`` and return the path."""

    def write(text: str | bytes, name: str = "posts.csv") -> Path:
        path = tmp_path / name
        path.write_bytes(text if isinstance(text, bytes) else text.encode("utf-8"))
        return path

    return write
