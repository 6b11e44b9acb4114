# Sidak: two commands on a fresh machine.
#   make run   install into .venv, migrate the SQLite database, load demo data, serve
#   make test  install into .venv, lint, run the whole test suite
PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
PORT   ?= 5000
HOST   ?= 0.0.0.0
STAMP  := $(VENV)/.installed

.PHONY: run test lint format bench check-checklists clean

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)

$(STAMP): $(BIN)/python setup.cfg pyproject.toml
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e '.[dev]'
	touch $(STAMP)

install: $(STAMP)

run: $(STAMP)
	$(BIN)/sidak db upgrade
	$(BIN)/sidak demo load
	$(BIN)/sidak serve --host $(HOST) --port $(PORT)

lint: $(STAMP)
	$(BIN)/ruff check inspect tests migrations
	$(BIN)/ruff format --check inspect tests migrations

format: $(STAMP)
	$(BIN)/ruff check --fix inspect tests migrations
	$(BIN)/ruff format inspect tests migrations

test: $(STAMP) lint
	$(BIN)/sidak checklists check
	$(BIN)/python -m pytest $(PYTEST_ARGS)

clean:
	rm -rf $(VENV) build *.egg-info .pytest_cache .ruff_cache
