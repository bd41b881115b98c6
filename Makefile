# Set-up and everyday commands. Everything installs into .venv; Chromium comes from Debian.
PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
STAMP  := $(VENV)/.installed
SUDO   := $(shell [ "$$(id -u)" = 0 ] || echo sudo)
export NO_MKDOCS_2_WARNING := 1

.PHONY: install chromium npm serve build check lint test test-fast lock benchmark benchmark-50k clean

$(STAMP): pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip
	$(BIN)/pip install --quiet -e '.[test]'
	touch $(STAMP)

install: $(STAMP)

# Browser tests drive Debian's Chromium (Playwright's own browser download is not used).
chromium:
	@command -v chromium >/dev/null 2>&1 || { \
	  $(SUDO) apt-get update -q && \
	  DEBIAN_FRONTEND=noninteractive $(SUDO) apt-get install -y -q --no-install-recommends chromium; }

# axe-core, Lighthouse 12 and the Nu Html Checker for the browser tests, pinned in
# package-lock.json. --ignore-scripts: vnu-jar's postinstall would download a Java runtime;
# the machine's own Java runs vnu.jar.
NPM_STAMP := node_modules/.installed

$(NPM_STAMP): package-lock.json
	npm ci --ignore-scripts --no-audit --no-fund
	touch $(NPM_STAMP)

npm: $(NPM_STAMP)

serve: install
	$(BIN)/mkdocs serve --dev-addr 127.0.0.1:8000

build: install
	$(BIN)/mkdocs build --clean

check: install
	$(BIN)/vagar check

lint: install
	$(BIN)/ruff check generator tests benchmarks scripts
	$(BIN)/ruff format --check generator tests benchmarks scripts
	$(BIN)/mypy

test: install chromium npm lint
	$(BIN)/vagar check
	$(BIN)/python -m pytest

# The tests that need neither Chromium nor Node.js nor Java (see the markers in pyproject.toml),
# on every core.
test-fast: install
	$(BIN)/python -m pytest -n auto -m "not browser and not node and not java"

# Hashed locks: requirements/site.txt (what the Pages build installs, --require-hashes) and
# requirements/test.txt (the test tools, at the same versions). Run after editing pyproject.toml.
LOCK := $(BIN)/pip-compile --quiet --generate-hashes --allow-unsafe --strip-extras \
	--no-emit-index-url --no-emit-find-links
lock: install
	$(LOCK) --all-build-deps --output-file requirements/site.txt pyproject.toml
	$(LOCK) --extra test --constraint requirements/site.txt --output-file requirements/test.txt pyproject.toml

# Run by hand: synthesizes 1,000-20,000 paths, builds them and prints a table (see README).
benchmark: install chromium
	$(BIN)/python benchmarks/run.py $(BENCHMARK_ARGS)

# The same with 50,000 paths as well: much longer, and several GB of memory at the top size.
benchmark-50k: install chromium
	$(BIN)/python benchmarks/run.py --sizes 1000,5000,10000,20000,50000 $(BENCHMARK_ARGS)

clean:
	rm -rf site $(VENV) .pytest_cache .mypy_cache .ruff_cache
