# Two commands: `make report` (set up, run the four notebooks on the sample into reports/) and `make test`.
PYTHON ?= $(shell command -v python3.11 || command -v python3)
VENV   ?= .venv
BIN    := $(VENV)/bin
STAMP  := $(VENV)/.installed
PARAMS ?= params/sample
OUT    ?= reports
JOBS   ?= 2

.PHONY: env report smoke test test-fast lint bench clean sample wheel workshop workshop-warm workshop-sample

env: $(STAMP)

# torch is installed first and pinned by constraints.txt so pip takes the CPU build, never a CUDA download.
$(STAMP): pyproject.toml constraints.txt
	$(PYTHON) -c 'import sys; sys.exit(0 if sys.version_info[:2] == (3, 11) else "Python 3.11 is needed (set PYTHON=...)")'
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet -c constraints.txt torch==2.13.0
	$(BIN)/pip uninstall --quiet --yes kit 2>/dev/null || true  # the distribution was called "kit" before 0.1.0's rename
	$(BIN)/pip install --quiet -c constraints.txt -e ".[test]"
	$(BIN)/python -m ipykernel install --sys-prefix --name python3 --display-name "Python 3 (kit)" >/dev/null
	touch $(STAMP)

report: env
	$(BIN)/kit run all --params $(PARAMS) --out $(OUT) --jobs $(JOBS)

smoke: env
	$(BIN)/kit run all --params params/smoke --out $(OUT)/smoke --jobs $(JOBS)

# lint and format check, the docstring examples of kit/, the tests (the wheel among them), the notebooks
# (kit/_data, _notebooks, _params are links to the shipped folders, not modules; the workshop notebooks are
# run with their self-checks asserted by tests/notebooks/test_workshop_notebooks.py)
DOCTEST := --doctest-modules kit --ignore=kit/_data --ignore=kit/_notebooks --ignore=kit/_params
test: env lint
	$(BIN)/python -m pytest -q -p no:cacheprovider $(DOCTEST)
	$(BIN)/python -m pytest -q -p no:cacheprovider tests
	$(BIN)/python -m pytest -q -p no:cacheprovider --nbval-lax notebooks --ignore=notebooks/workshop

test-fast: env lint
	$(BIN)/python -m pytest -q -p no:cacheprovider $(DOCTEST)
	$(BIN)/python -m pytest -q -m "not slow" tests

lint: env
	$(BIN)/ruff check kit tests bench
	$(BIN)/ruff format --check kit tests bench

# The wheel (dist/socialkit_notebooks-*.whl): the kit with its notebooks, sample and parameter sets.
# build/ is removed first: setuptools would otherwise ship modules left there by an earlier build.
wheel: env
	rm -rf build
	$(BIN)/pip wheel . --no-deps --no-build-isolation --quiet -w dist
	rm -rf build
	@ls -l dist/*.whl

sample: env
	$(BIN)/kit sample --out data/sample --posts 20000 --seed 0 --review 400

# `make workshop`: set up, warm the caches for the workshop sample (embeddings, models, UMAP coordinates, the
# results the self-checks compare with), then open JupyterLab on the workshop notebooks. `make workshop-warm`
# does the first two only (to prepare a room or an image without opening a browser).
workshop: workshop-warm
	$(BIN)/jupyter lab notebooks/workshop

workshop-warm: env
	$(BIN)/python -m kit.workshop warm

# The workshop sample is made like the main one (byte-for-byte reproducible).
workshop-sample: env
	$(BIN)/kit sample --out data/workshop --posts 3000 --seed 0 --review 200
	$(BIN)/python data/workshop/make_messy_export.py data/workshop data/workshop/messy_export.csv

bench: env
	$(BIN)/python -m bench.run

clean:
	rm -rf $(OUT) .pytest_cache build dist
