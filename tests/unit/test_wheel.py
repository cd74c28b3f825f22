"""The wheel: what it holds (the kit's modules, notebooks, sample, parameter sets, templates, models; no tests),
what it declares (every third-party import of the kit), and where an installed kit finds its files."""

from __future__ import annotations

import ast
import email
import shutil
import subprocess
import sys
import zipfile
from importlib.metadata import PackageNotFoundError, packages_distributions, version
from pathlib import Path

import pytest

from kit import datasets, report

ROOT = Path(__file__).resolve().parents[2]
KIT = ROOT / "kit"
SHIPPED = ("_notebooks", "_data", "_params")  # links to the checkout's notebooks/, data/, params/
SAMPLE_FILES = ("posts.parquet", "truth.json", "review.csv", "accounts.csv")


def _norm(name: str) -> str:
    return name.lower().replace("_", "-").replace(".", "-")


@pytest.fixture(scope="module")
def wheel(tmp_path_factory) -> zipfile.ZipFile:
    """A wheel built from a copy of the working tree (a build in place would reuse a stale build/ folder)."""
    if not (ROOT / "pyproject.toml").exists():
        pytest.skip("not a checkout")
    src = tmp_path_factory.mktemp("src")
    for name in ("pyproject.toml", "README.md", "LICENSE"):
        if (ROOT / name).exists():
            shutil.copy2(ROOT / name, src / name)
    ignore = shutil.ignore_patterns("__pycache__", "*.pyc", ".ipynb_checkpoints", "*.csv.tmp")
    shutil.copytree(KIT, src / "kit", symlinks=True, ignore=ignore)
    for name in ("notebooks", "data", "params"):
        shutil.copytree(ROOT / name, src / name, symlinks=True, ignore=ignore)
    dist = tmp_path_factory.mktemp("dist")
    cmd = [sys.executable, "-m", "pip", "wheel", str(src), "--no-deps", "-q", "-w", str(dist)]
    if _setuptools_major() >= 77:  # the build-system requirement is met here: no isolated build environment
        cmd.append("--no-build-isolation")
    done = subprocess.run(cmd, capture_output=True, text=True, cwd=src)
    assert done.returncode == 0, done.stderr[-3000:]
    (path,) = dist.glob("*.whl")
    return zipfile.ZipFile(path)


def _setuptools_major() -> int:
    try:
        return int(version("setuptools").split(".")[0])
    except PackageNotFoundError:
        return 0


def _metadata(wheel: zipfile.ZipFile) -> email.message.Message:
    (name,) = [n for n in wheel.namelist() if n.endswith(".dist-info/METADATA")]
    return email.message_from_bytes(wheel.read(name))


def test_the_checkout_links_the_shipped_folders():
    for name in SHIPPED:
        assert (KIT / name).is_dir(), f"kit/{name} should link to the checkout's folder"
    assert report.NOTEBOOK_DIR.is_dir() and report.PARAMS_DIR.is_dir()
    for notebook in report.NOTEBOOKS.values():
        assert (report.NOTEBOOK_DIR / notebook).exists()
    for name in SAMPLE_FILES:
        assert (datasets.SAMPLE_DIR / name).exists()


def test_a_shipped_parameter_set_is_found_by_name(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)  # from any folder
    assert report.load_params("sample", "crisis")["data"] == "sample"
    assert report.load_params("smoke", "monitoring") == report.load_params(ROOT / "params" / "smoke", "monitoring")
    (tmp_path / "sample").mkdir()  # a folder of that name in the current folder wins
    assert report.load_params("sample", "crisis") == {}


@pytest.mark.slow  # builds the wheel (~10 s)
def test_wheel_holds_the_kit_notebooks_sample_and_models(wheel):
    names = set(wheel.namelist())
    modules = {
        p.relative_to(ROOT).as_posix()
        for p in KIT.rglob("*.py")
        if "__pycache__" not in p.parts and not set(p.relative_to(KIT).parts) & set(SHIPPED)
    }
    assert modules - names == set(), "modules missing from the wheel"
    for notebook in report.NOTEBOOKS.values():
        assert f"kit/_notebooks/{notebook}" in names
    for name in SAMPLE_FILES:
        assert f"kit/_data/sample/{name}" in names
    assert "kit/_data/sample/posts.csv" not in names  # the same posts as the parquet file, 7 MB
    for part in ("common", "crisis", "monitoring"):
        assert f"kit/_params/sample/{part}.yaml" in names
    assert {"kit/templates/kit_report/index.html.j2", "kit/templates/kit_report/conf.json"} <= names
    workshop = ROOT / "data" / "workshop"
    if workshop.is_dir():  # the workshop's sample and notebooks (kit.workshop)
        assert "kit/_data/workshop/posts.parquet" in names and "kit/_params/workshop/common.yaml" in names
        notebooks = {p.relative_to(ROOT / "notebooks").as_posix() for p in (ROOT / "notebooks").rglob("*.ipynb")}
        assert {f"kit/_notebooks/{n}" for n in notebooks if ".ipynb_checkpoints" not in n} <= names
    models = {
        p.relative_to(ROOT).as_posix()
        for p in (KIT / "tl" / "models").iterdir()
        if p.suffix in (".npz", ".json", ".md")
    }
    assert models and models <= names


@pytest.mark.slow  # builds the wheel (~10 s)
def test_wheel_holds_nothing_else(wheel):
    for name in wheel.namelist():
        top = name.split("/")[0]
        assert top == "kit" or top.endswith(".dist-info"), name
        assert "__pycache__" not in name and not name.endswith(".pyc"), name
        assert not name.startswith(("kit/tests", "kit/.venv", "kit/_params/airline")), name
    size = sum(i.compress_size for i in wheel.infolist())
    assert size < 10e6, f"the wheel is {size / 1e6:.1f} MB"


@pytest.mark.slow  # builds the wheel (~10 s)
def test_wheel_metadata_names_the_distribution_and_the_command(wheel):
    meta = _metadata(wheel)
    assert meta["Name"] == "socialkit-notebooks"
    (entry,) = [n for n in wheel.namelist() if n.endswith(".dist-info/entry_points.txt")]
    assert "kit = kit.cli:main" in wheel.read(entry).decode()
    requires = meta.get_all("Requires-Dist")
    assert "torch==2.13.0" in requires


def _third_party_imports() -> set[str]:
    found = set()
    for path in KIT.rglob("*.py"):
        if set(path.relative_to(KIT).parts) & set(SHIPPED):
            continue
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.Import):
                found |= {a.name.split(".")[0] for a in node.names}
            elif isinstance(node, ast.ImportFrom) and node.level == 0 and node.module:
                found.add(node.module.split(".")[0])
    return {m for m in found if m not in sys.stdlib_module_names and m not in ("kit", "__future__")}


@pytest.mark.slow  # builds the wheel (~10 s)
def test_wheel_declares_every_import_of_the_kit(wheel):
    declared = set()
    for req in _metadata(wheel).get_all("Requires-Dist"):  # an extra's imports count (optional backends)
        declared.add(_norm(req.split(";")[0].split("[")[0].split("=")[0].split(">")[0].split("<")[0].strip()))
    owners = packages_distributions()
    missing = {}
    for module in sorted(_third_party_imports()):
        dists = {_norm(d) for d in owners.get(module, [module])}
        if not dists & declared:
            missing[module] = sorted(dists)
    assert not missing, f"imported by the kit but not declared in pyproject.toml: {missing}"
