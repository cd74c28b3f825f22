"""The topic and embedding modules' shape: __all__, at most three positional arguments, numpydoc, <= 500 lines."""

from __future__ import annotations

import importlib
import inspect

import pytest

TOPIC_MODULES = [
    "kit.tl.topics",
    "kit.tl._topic_model",
    "kit.tl.topic_clusters",
    "kit.tl.topic_trends",
    "kit.tl.topic_tables",
    "kit.tl.topic_actionable",
    "kit.tl.topic_sentences",
    "kit.tl.listening_review",
    "kit.tl.embed",
    "kit.tl._umap",
    "kit.tl._numba",
    "kit.pl.topics",
    "kit.provenance",
    "kit.io.review_sample",
]


@pytest.mark.parametrize("name", TOPIC_MODULES)
def test_public_functions_take_at_most_three_positional_arguments_and_have_numpydoc(name):
    module = importlib.import_module(name)
    assert module.__doc__ and module.__all__
    for public in module.__all__:
        assert not public.startswith("_")
        obj = getattr(module, public)
        if inspect.isclass(obj):
            assert obj.__doc__, public
            obj = obj.__init__
            if not inspect.isfunction(obj):
                continue
        elif not inspect.isfunction(obj):
            continue
        elif obj.__module__ != module.__name__:  # a re-export (kit.tl.topics): checked in its own module
            continue
        else:
            assert "Returns\n    -------" in (obj.__doc__ or ""), public
        positional = [
            p
            for p in inspect.signature(obj).parameters.values()
            if p.kind in (p.POSITIONAL_ONLY, p.POSITIONAL_OR_KEYWORD) and p.name != "self"
        ]
        assert len(positional) <= 3, public
    assert len(inspect.getsource(module).splitlines()) <= 500
