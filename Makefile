# flowrun: every command a newcomer needs. `make run` and `make test` set everything up.
PYTHON ?= python3
VENV := .venv
PY := $(VENV)/bin/python
# Re-install whenever pyproject.toml changes.
INSTALLED := $(VENV)/.installed
TEST_INSTALLED := $(VENV)/.installed-test

.PHONY: run install test test-sqlite test-postgresql lint schema schema-check bench migrate clean

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

test: $(TEST_INSTALLED)  ## the whole suite, on SQLite and on PostgreSQL
	$(PY) -m pytest -q

test-sqlite: $(TEST_INSTALLED)
	$(PY) -m pytest -q -k "not postgresql"

test-postgresql: $(TEST_INSTALLED)
	$(PY) -m pytest -q -k "not sqlite"

lint: $(TEST_INSTALLED)
	$(VENV)/bin/ruff check server tests bench
	$(VENV)/bin/mypy server tests

schema: install  ## regenerate schema.graphql from the code
	$(PY) -m server.graphql.export schema.graphql

schema-check: install  ## fail when schema.graphql is stale
	$(PY) -m server.graphql.export schema.graphql --check

bench: $(TEST_INSTALLED)  ## throughput, latency and memory against live servers, agents, retention
	$(PY) bench/run.py $(BENCH_ARGS)
	$(PY) bench/agents.py
	$(PY) bench/retention.py

clean:
	rm -rf $(VENV) .pytest_cache .mypy_cache .ruff_cache
