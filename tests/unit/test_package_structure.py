"""The API shape promised in STYLE.md, checked the scanpy way: walk every module's ``__all__``.

Every module of the kit declares ``__all__``; every function it exports takes the data first, at most three
positional arguments (the rest keyword-only) and has a docstring; every exported class has a docstring;
every tl/pl module is importable lazily; no module is above ~500 lines except data tables.
"""

from __future__ import annotations

import importlib
import inspect
import pkgutil
from pathlib import Path

import pytest

import kit
import kit.pl
import kit.tl

# Command-line entry points and the report runner's notebook-facing helpers are not data functions.
NOT_API = {"kit.tl.train_sentiment", "kit.cli", "kit.__main__"}
# Data tables (text banks, cue regex tables) may be long; code modules may not.
LONG_OK: set[str] = set()
MAX_LINES = 500


def _all_modules():
    yield kit
    for info in pkgutil.walk_packages(kit.__path__, "kit."):
        if info.name in NOT_API:
            continue
        yield importlib.import_module(info.name)


MODULES = list(_all_modules())


def _exported():
    for module in MODULES:
        for name in getattr(module, "__all__", []):
            obj = getattr(module, name, None)
            if (inspect.isfunction(obj) or inspect.isclass(obj)) and obj.__module__ == module.__name__:
                yield f"{module.__name__}.{name}", obj


EXPORTED = list(_exported())


@pytest.mark.parametrize("module", MODULES, ids=lambda m: m.__name__)
def test_every_module_declares_all(module):
    assert hasattr(module, "__all__"), f"{module.__name__} has no __all__"
    missing = [n for n in module.__all__ if not hasattr(module, n)]
    assert not missing, f"{module.__name__}.__all__ names {missing}, which it does not define"


@pytest.mark.parametrize("qualname,obj", EXPORTED, ids=lambda v: v if isinstance(v, str) else "")
def test_exported_names_have_docstrings(qualname, obj):
    assert inspect.getdoc(obj), f"{qualname} has no docstring"


@pytest.mark.parametrize(
    "qualname,fn", [(q, f) for q, f in EXPORTED if inspect.isfunction(f)], ids=lambda v: v if isinstance(v, str) else ""
)
def test_at_most_three_positional_arguments(qualname, fn):
    params = inspect.signature(fn).parameters.values()
    positional = [p for p in params if p.kind in (p.POSITIONAL_ONLY, p.POSITIONAL_OR_KEYWORD)]
    assert len(positional) <= 3, f"{qualname} takes {len(positional)} positional arguments: make the rest keyword-only"


def test_modules_stay_small():
    root = Path(kit.__file__).parent
    long = {}
    for path in root.rglob("*.py"):
        rel = f"kit/{path.relative_to(root).as_posix()}"
        n = len(path.read_text(encoding="utf-8").splitlines())
        if n > MAX_LINES and rel not in LONG_OK:
            long[rel] = n
    assert not long, f"modules above {MAX_LINES} lines: {long}"


def _lazy_modules(package):
    for info in pkgutil.iter_modules(package.__path__):
        if not info.name.startswith("_") and f"{package.__name__}.{info.name}" not in NOT_API:
            yield importlib.import_module(f"{package.__name__}.{info.name}")


def test_every_tl_and_pl_module_loads_lazily():
    for package in (kit.tl, kit.pl):
        for module in _lazy_modules(package):
            short = module.__name__.rsplit(".", 1)[1]
            value = getattr(package, short)
            assert value is module or getattr(value, "__module__", None) == module.__name__


def test_tl_reads_no_runner_environment():
    root = Path(kit.__file__).parent / "tl"
    offenders = [p.name for p in root.glob("*.py") if "KIT_RECORD" in p.read_text(encoding="utf-8")]
    assert not offenders, f"kit.tl modules reading the runner's environment: {offenders}"
