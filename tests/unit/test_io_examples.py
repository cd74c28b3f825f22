"""Labelled examples of message types read from a team's CSV (kit.io.examples)."""

from __future__ import annotations

import pytest

from kit.io import examples as examples_io
from kit.tl.message_types import seed_examples


def test_read_keeps_text_label_and_lang(tmp_path):
    path = tmp_path / "ex.csv"
    path.write_text("tweet,type,lang\ncharged twice,billing,en\n,billing,en\nretard,travel,fr\n", encoding="utf-8")
    out = examples_io.read(path, text="tweet", label="type")
    assert out.to_dict("records") == [
        dict(text="charged twice", label="billing", lang="en"),
        dict(text="retard", label="travel", lang="fr"),
    ]


def test_read_names_the_file_and_column(tmp_path):
    path = tmp_path / "ex.csv"
    path.write_text("tweet,label\nx,y\n", encoding="utf-8")
    with pytest.raises(ValueError, match=r"ex\.csv: no column 'text' \(columns: tweet, label\)"):
        examples_io.read(path)


def test_load_defaults_to_the_seed_examples():
    assert examples_io.load().equals(seed_examples())
