"""The API shape promised in STYLE.md: every public kit.tl / kit.pl / kit.pp function takes the data first,
at most three positional arguments, the rest keyword-only; every tl module is importable lazily."""

from __future__ import annotations

import importlib
import inspect
import pkgutil

import pytest

import kit.pl
import kit.pp
import kit.tl

SKIP = {"kit.tl.train_sentiment"}  # a command-line training script, not API


def _modules(package):
    for info in pkgutil.iter_modules(package.__path__):
        name = f"{package.__name__}.{info.name}"
        if not info.name.startswith("_") and name not in SKIP:
            yield importlib.import_module(name)


def _public_functions():
    modules = [kit.pp, *_modules(kit.tl), *_modules(kit.pl)]
    for module in modules:
        for name, fn in inspect.getmembers(module, inspect.isfunction):
            if not name.startswith("_") and fn.__module__ == module.__name__:
                yield f"{module.__name__}.{name}", fn


@pytest.mark.parametrize("qualname,fn", list(_public_functions()), ids=lambda v: v if isinstance(v, str) else "")
def test_at_most_three_positional_arguments(qualname, fn):
    params = inspect.signature(fn).parameters.values()
    positional = [p for p in params if p.kind in (p.POSITIONAL_ONLY, p.POSITIONAL_OR_KEYWORD)]
    assert len(positional) <= 3, f"{qualname} takes {len(positional)} positional arguments: make the rest keyword-only"


def test_every_tl_module_loads_lazily():
    for module in _modules(kit.tl):
        short = module.__name__.rsplit(".", 1)[1]
        assert getattr(kit.tl, short) is module
    for module in _modules(kit.pl):
        short = module.__name__.rsplit(".", 1)[1]
        value = getattr(kit.pl, short)
        # pl.table is the function of module kit.pl.table (same name on purpose)
        assert value is module or getattr(value, "__module__", None) == module.__name__
