# Sidak: two commands on a fresh machine.
#   make run   install into .venv, migrate the SQLite database, load demo data, serve
#   make test  install into .venv, lint, run the whole test suite
PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
PORT   ?= 5000
HOST   ?= 0.0.0.0
STAMP  := $(VENV)/.installed

.PHONY: run test lint format bench install translations clean

MO := translations/en/LC_MESSAGES/messages.mo

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)

$(STAMP): $(BIN)/python setup.cfg pyproject.toml
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e '.[dev]'
	touch $(STAMP)

install: $(STAMP) $(MO)

# The English catalogue is compiled from its .po file; Indonesian is the source language.
$(MO): translations/en/LC_MESSAGES/messages.po $(STAMP)
	$(BIN)/pybabel -q compile -d translations

# After changing interface text: extract it, then translate the new English entries.
translations: $(STAMP)
	$(BIN)/pybabel -q extract -F babel.cfg --no-location --sort-output \
		-k _l -k lazy_gettext -k pgettext:1c,2 -k lazy_pgettext:1c,2 \
		--project=Sidak -o translations/messages.pot .
	$(BIN)/pybabel -q update -w 100 -i translations/messages.pot -d translations

run: install
	$(BIN)/sidak db upgrade
	$(BIN)/sidak demo load
	$(BIN)/sidak analytics rebuild --missing
	$(BIN)/sidak serve --host $(HOST) --port $(PORT)

lint: $(STAMP)
	$(BIN)/ruff check inspect tests migrations bench
	$(BIN)/ruff format --check inspect tests migrations bench

format: $(STAMP)
	$(BIN)/ruff check --fix inspect tests migrations bench
	$(BIN)/ruff format inspect tests migrations bench

test: install lint
	$(BIN)/sidak checklists check
	$(BIN)/python -m pytest $(PYTEST_ARGS)

# Every benchmark prints its table; the exit status says whether any missed a target.
bench: install
	@status=0; for name in checklists pages reports dashboard; do \
		echo "$(BIN)/python bench/$$name.py"; $(BIN)/python bench/$$name.py || status=1; \
	done; exit $$status

clean:
	rm -rf $(VENV) build *.egg-info .pytest_cache .ruff_cache
