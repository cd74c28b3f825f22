"""What bench/eval_text.py and bench/eval_distil.py share: macro F1 on sentiment labels and writing the rows."""

from __future__ import annotations

import json
from pathlib import Path

__all__ = ["macro_f1", "write_rows"]


def macro_f1(truth, pred) -> float:
    """Macro F1 x 100 over negative / neutral / positive (:func:`kit._stats.macro_f1`, scikit-learn)."""
    from kit._stats import macro_f1 as _macro_f1

    return 100 * _macro_f1(truth, pred, classes=["negative", "neutral", "positive"])


def write_rows(rows: list[dict], out: str | Path) -> Path:
    """Write ``rows`` as JSON to ``out`` (folders created) and say where."""
    out = Path(out)
    out.parent.mkdir(parents=True, exist_ok=True)
    out.write_text(json.dumps(rows, indent=1, default=float), encoding="utf-8")
    print(f"written: {out}")
    return out
