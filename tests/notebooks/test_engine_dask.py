"""engine: dask records what engine: pandas records, notebook by notebook, on the smoke parameters.

Monitoring reads the sample converted to a Parquet dataset partitioned by day (``kit convert``), crisis and
listening read the sample itself (scattered in partitions); every run starts its own LocalCluster of worker
processes. Values are compared as ``/tmp/coord/compare_records.py`` compares them: floats to 1e-9 relative.
"""

from __future__ import annotations

import math
from pathlib import Path

import pytest

from kit import cli, report

pytestmark = pytest.mark.slow
pytest.importorskip("distributed")
ROOT = Path(__file__).resolve().parents[2]


def _differences(a, b, path="", out=None):
    out = [] if out is None else out
    if isinstance(a, dict) and isinstance(b, dict):
        for k in sorted(set(a) | set(b), key=str):
            if k not in a or k not in b:
                out.append(f"{path}/{k}: only in {'dask' if k not in a else 'pandas'}")
            else:
                _differences(a[k], b[k], f"{path}/{k}", out)
    elif isinstance(a, list) and isinstance(b, list):
        if len(a) != len(b):
            out.append(f"{path}: length {len(a)} -> {len(b)}")
        for i, (x, y) in enumerate(zip(a, b)):
            _differences(x, y, f"{path}[{i}]", out)
    elif isinstance(a, float) and isinstance(b, (int, float)) or isinstance(b, float) and isinstance(a, (int, float)):
        if not (math.isnan(a) and math.isnan(b)) and not math.isclose(a, b, rel_tol=1e-9, abs_tol=1e-12):
            out.append(f"{path}: {a!r} -> {b!r}")
    elif a != b:
        out.append(f"{path}: {str(a)[:120]!r} -> {str(b)[:120]!r}")
    return out


@pytest.fixture(scope="module")
def dask_values(tmp_path_factory):
    out = tmp_path_factory.mktemp("dask")
    dataset = out / "sample-by-day"
    assert cli.main(["convert", str(ROOT / "data" / "sample" / "posts.parquet"), "--out", str(dataset), "--by", "day"]) == 0
    smoke = ROOT / "params" / "smoke"
    values = {}
    for name, data in (("monitoring", str(dataset)), ("crisis", "sample"), ("listening", "sample")):
        (result,) = report.run_all(
            [name], smoke, out / name, progress=False, overrides={"engine": "dask", "data": data}
        )
        assert result.error is None, f"{name} with engine dask: {result.error}"
        assert result.parameters.get("engine") == "dask"
        values[name] = result.values
    return values


@pytest.mark.parametrize("name", ["monitoring", "crisis", "listening"])
def test_dask_records_the_pandas_values(name, dask_values, smoke_values):
    pandas, dask = smoke_values[name], dask_values[name]
    assert len(pandas) > 5 and pandas.get("posts_loaded")
    diff = _differences(pandas, dask)
    assert not diff, f"{name}: {len(diff)} values differ between engines:\n" + "\n".join(diff[:30])
