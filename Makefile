# Two commands set everything up: `make demo` then `make test`.
PYTHON ?= python3.11
VENV := .venv
BIN := $(VENV)/bin

.PHONY: demo test ui bench venv clean

venv: $(VENV)/.installed

$(VENV)/.installed: pyproject.toml constraints.txt
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --disable-pip-version-check -c constraints.txt -e ".[dev]"
	touch $@

demo: venv  ## build the environment, write the demo inputs, refresh every demo month
	$(BIN)/python -m cpb_pipeline demo

# The published warehouse must open in the DuckDB that readers embed (R, ODBC/JDBC, BI tools): the tests read it
# with each of these, one interpreter per version beside .venv (see test_publishing.py).
$(VENV)-duckdb14/.installed: DUCKDB := 1.4.5
$(VENV)-duckdb15/.installed: DUCKDB := 1.5.6
$(VENV)-duckdb%/.installed:
	$(PYTHON) -m venv $(VENV)-duckdb$*
	$(VENV)-duckdb$*/bin/pip install --quiet --disable-pip-version-check duckdb==$(DUCKDB)
	touch $@

test: venv $(VENV)-duckdb14/.installed $(VENV)-duckdb15/.installed  ## the import contract (the layers), then the whole test suite
	$(BIN)/lint-imports
	$(BIN)/python -m pytest -n auto --dist loadgroup

ui: venv  ## the Dagster UI on http://127.0.0.1:3000
	$(BIN)/python -m cpb_pipeline ui

bench: venv  ## performance figures (not a test); the last line is JSON
	$(BIN)/python -m cpb_pipeline.bench

clean:
	rm -rf data/demo data/warehouse data/outputs .dagster_home
