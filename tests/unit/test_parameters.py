"""One parameter vocabulary across the four notebooks, each parameter with a help text."""

from __future__ import annotations

import papermill
import pytest

from kit import report

NAMES = list(report.NOTEBOOKS)
SHARED = [
    "data",
    "mapping",
    "load_options",
    "start",
    "end",
    "seed",
    "pseudonymise",
    "pseudonym_key_file",
    "engine",
    "scheduler",
    "timezone",
    "locale",
]


@pytest.mark.parametrize("name", NAMES)
def test_every_parameter_has_a_help_text(name):
    info = papermill.inspect_notebook(str(report.NOTEBOOK_DIR / report.NOTEBOOKS[name]))
    defaults = report.notebook_defaults(name)
    missing = [k for k in defaults if k not in info or not info[k]["help"].strip()]
    assert not missing, f"{name}: papermill --help-notebook shows no help for {missing}"


@pytest.mark.parametrize("name", NAMES)
def test_shared_keys_in_every_notebook(name):
    assert set(SHARED) <= set(report.notebook_defaults(name))


def test_same_name_same_default_across_notebooks():
    defaults = {n: report.notebook_defaults(n) for n in NAMES}
    # Parameters whose default is meant to differ by analysis (the period, the window, the review).
    own = {"freq", "query_terms", "review_file", "start", "end"}
    seen: dict = {}
    for name, params in defaults.items():
        for key, value in params.items():
            if key in own:
                continue
            if key in seen:
                assert seen[key][1] == value, f"{key!r}: {seen[key][0]} has {seen[key][1]!r}, {name} has {value!r}"
            else:
                seen[key] = (name, value)


def test_one_common_file_drives_all_four():
    for name in NAMES:
        params = report.load_params("sample", name)
        assert set(params) <= set(report.notebook_defaults(name))
    assert report.load_params("sample", "audit")["languages"]
    assert "languages" not in report.load_params("sample", "monitoring")  # a common key monitoring does not declare


def test_a_common_key_no_notebook_declares_is_an_error():
    with pytest.raises(ValueError, match="none of the notebooks"):
        report.load_params({"common": {"brnd": "X"}}, "audit")
