# flowrun: every command a newcomer needs. `make run` and `make test` set everything up.
PYTHON ?= python3
VENV := .venv
PY := $(VENV)/bin/python
# Re-install whenever pyproject.toml changes.
INSTALLED := $(VENV)/.installed
TEST_INSTALLED := $(VENV)/.installed-test

.PHONY: run install test test-slow-faults test-sqlite test-postgresql lint schema schema-check bench migrate clean ui ui-check

$(PY):
	$(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --upgrade pip

$(INSTALLED): pyproject.toml | $(PY)
	$(PY) -m pip install --quiet -e .
	touch $@

$(TEST_INSTALLED): pyproject.toml $(INSTALLED)
	$(PY) -m pip install --quiet -e '.[test]'
	touch $@

install: $(INSTALLED)

migrate: install  ## upgrade the database at FLOWRUN_DATABASE_URL (default: SQLite file)
	$(VENV)/bin/flowrun db upgrade

run: install  ## set up, migrate and serve on http://127.0.0.1:4200 (SQLite by default)
	$(VENV)/bin/flowrun db upgrade
	$(VENV)/bin/flowrun server start

# The suite runs in TEST_WORKERS processes (pytest-xdist; TEST_WORKERS=0 runs it in this one).
# Each worker starts its own servers over its own databases; more than 2 can exhaust
# PostgreSQL's default 100 connections.
TEST_WORKERS ?= 2

test: $(TEST_INSTALLED)  ## the whole suite, on SQLite and on PostgreSQL
	$(PY) -m pytest -q -n $(TEST_WORKERS)

test-slow-faults: $(TEST_INSTALLED)  ## the fault suite's races at scale (PostgreSQL, minutes)
	$(PY) -m pytest -q -m slow_faults tests/faults

test-sqlite: $(TEST_INSTALLED)
	$(PY) -m pytest -q -n $(TEST_WORKERS) -k "not postgresql"

test-postgresql: $(TEST_INSTALLED)
	$(PY) -m pytest -q -n $(TEST_WORKERS) -k "not sqlite"

lint: $(TEST_INSTALLED)
	$(VENV)/bin/ruff check server tests bench
	$(VENV)/bin/mypy server tests

schema: install  ## regenerate schema.graphql from the code
	$(PY) -m server.graphql.export schema.graphql

schema-check: install  ## fail when schema.graphql is stale
	$(PY) -m server.graphql.export schema.graphql --check

# BENCH_ARGS picks parts, e.g. BENCH_ARGS="--parts throughput --databases postgresql --duration 3"
bench: $(TEST_INSTALLED)  ## issue 14's targets beside the floor, then live fan-out, the UI, retention
	$(PY) bench/run.py $(BENCH_ARGS)
	$(PY) bench/live.py
	$(PY) bench/ui.py
	$(PY) bench/retention.py

UI_CHECK_OUT := $(or $(TMPDIR),/tmp)/flowrun-ui-check

ui:  ## rebuild the web UI into server/ui/dist (needs Node 20+ and npm): typed documents, then the bundle
	cd ui && npm ci --no-audit --no-fund && npm run codegen && npm run build

ui-check:  ## fail when the committed UI build or its typed documents are stale (needs npm)
	cd ui && npm ci --no-audit --no-fund && npm run codegen
	git diff --exit-code -- ui/src/gql || (echo "ui/src/gql is stale: run make ui and commit"; exit 1)
	rm -rf $(UI_CHECK_OUT)
	cd ui && FLOWRUN_UI_OUT=$(UI_CHECK_OUT) npm run build
	diff -r $(UI_CHECK_OUT) server/ui/dist || (echo "server/ui/dist is stale: run make ui and commit"; exit 1)

clean:
	rm -rf $(VENV) .pytest_cache .mypy_cache .ruff_cache
