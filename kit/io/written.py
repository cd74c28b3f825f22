"""The project's own labelled posts (``data/written/<lang>-<part>.tsv``): read and checked.

Each file is UTF-8, tab-separated, unquoted, with the header ``label kind text``; its name gives the
language (``fr-a.tsv`` is French). A malformed line is an error naming the file, the line and the column:
nothing is skipped silently.

>>> import tempfile, pathlib
>>> d = pathlib.Path(tempfile.mkdtemp())
>>> _ = (d / "fr-a.tsv").write_text("label\\tkind\\ttext\\npositive\\tpraise\\tTrop bien !\\n", encoding="utf-8")
>>> read_written(d)[["lang", "label", "text"]].values.tolist()
[['fr', 'positive', 'Trop bien !']]
"""

from __future__ import annotations

from pathlib import Path

import pandas as pd

__all__ = ["read_written", "WRITTEN_DIR", "LABELS"]

#: Where the files are in a checkout (they are not in the wheel: only the head trained on them is).
WRITTEN_DIR = Path(__file__).resolve().parents[2] / "data" / "written"
LABELS = ("negative", "neutral", "positive")
HEADER = ["label", "kind", "text"]


def read_written(folder: Path | str = WRITTEN_DIR, *, parts: tuple[str, ...] | None = None) -> pd.DataFrame:
    """All posts of ``folder``'s ``<lang>-<part>.tsv`` files (only the ``parts`` named, when given).

    Returns a frame with ``label``, ``kind``, ``text``, ``lang``, ``part``, ``file`` and ``line`` (1-based,
    the header being line 1), in file then line order.
    """
    folder = Path(folder)
    files = sorted(folder.glob("*-*.tsv"))
    if not files:
        raise FileNotFoundError(f"no <lang>-<part>.tsv files in {folder}")
    rows = []
    for path in files:
        lang, part = path.stem.split("-", 1)
        if parts is not None and part not in parts:
            continue
        lines = path.read_text(encoding="utf-8").splitlines()
        if not lines or lines[0].split("\t") != HEADER:
            raise ValueError(f"{path}, line 1: the header must be {' / '.join(HEADER)} (tab-separated)")
        for number, line in enumerate(lines[1:], start=2):
            if not line.strip():
                continue
            fields = line.split("\t")
            if len(fields) != 3:
                raise ValueError(
                    f"{path}, line {number}: {len(fields)} fields where 3 are expected (label, kind, text)"
                )
            label, kind, text = fields
            if label not in LABELS:
                raise ValueError(f"{path}, line {number}, column label: {label!r} is not one of {', '.join(LABELS)}")
            if not text.strip():
                raise ValueError(f"{path}, line {number}, column text: empty")
            rows.append((label, kind, text, lang, part, path.name, number))
    return pd.DataFrame(rows, columns=[*HEADER, "lang", "part", "file", "line"])
