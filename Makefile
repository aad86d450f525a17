# Two commands do everything: `make run` (set up, then the main job on the seeds) and `make test`.
# Both are idempotent: the virtual environment and the gazetteer are built once, then reused.
PYTHON ?= $(shell command -v python3.11 || command -v python3)
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed-stamp
OUT ?= seeds-map.html

.PHONY: setup run test test-fast lint lint-check typecheck bench browser clean

$(STAMP): pyproject.toml
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install -q --upgrade pip
	$(BIN)/python -m pip install -q -e '.[dev]'
	$(BIN)/geokit data build
	touch $(STAMP)

setup: $(STAMP)

run: setup
	$(BIN)/geokit map seeds/*.txt -o $(OUT) --offline
	@echo "make: open $(OUT) in a browser (self-contained, works offline)"

# Headless Chromium for the PNG export and the browser tests (skipped, saying so, where it cannot install).
browser:
	@command -v chromium >/dev/null 2>&1 || { [ "$$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1 && \
	  (apt-get install -y -q chromium chromium-driver >/dev/null 2>&1 || \
	   (apt-get update -q >/dev/null 2>&1 && apt-get install -y -q chromium chromium-driver >/dev/null 2>&1)) ; } || \
	  echo "make: Chromium not installed; browser tests will be skipped"

test: setup browser lint-check typecheck
	$(BIN)/python -m pytest

# the inner loop: everything but the slow and browser tests, stopping at the first failure
test-fast: setup
	$(BIN)/python -m pytest -m "not slow and not browser" -x

# the type gate of `make test` (and so of CI): mypy, configured in pyproject.toml ([tool.mypy])
typecheck: setup
	$(BIN)/mypy

# the lint gate of `make test` (and so of CI): ruff's rules and formatting
lint-check: setup
	$(BIN)/ruff check -q geokit tests benchmarks data
	$(BIN)/ruff format -q --check geokit tests benchmarks data

lint: setup
	$(BIN)/ruff check geokit tests benchmarks data
	$(BIN)/ruff format --check geokit tests benchmarks data

bench: setup
	$(BIN)/python benchmarks/gazetteer.py

clean:
	rm -rf $(VENV) .pytest_cache .mypy_cache
