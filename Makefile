# Two commands: `make report` (set up, run the four notebooks on the sample into reports/) and `make test`.
PYTHON ?= $(shell command -v python3.11 || command -v python3)
VENV   ?= .venv
BIN    := $(VENV)/bin
STAMP  := $(VENV)/.installed
PARAMS ?= params/sample
OUT    ?= reports
JOBS   ?= 2

.PHONY: env report smoke test test-fast lint bench clean sample wheel

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
test: env lint
	$(BIN)/python -m pytest -q -p no:cacheprovider --doctest-modules kit
	$(BIN)/python -m pytest -q -p no:cacheprovider tests
	$(BIN)/python -m pytest -q -p no:cacheprovider --nbval-lax notebooks

test-fast: env lint
	$(BIN)/python -m pytest -q -p no:cacheprovider --doctest-modules kit
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

bench: env
	$(BIN)/python -m bench.run

clean:
	rm -rf $(OUT) .pytest_cache build dist
