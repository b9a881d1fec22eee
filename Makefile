# Two commands on a fresh machine with Python 3.10+ and make: `make run` and `make test`.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin

.PHONY: run test lint bench package clean

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip

$(VENV)/.app: pyproject.toml | $(BIN)/python
	$(BIN)/pip install --quiet -e .
	touch $@

$(VENV)/.test: pyproject.toml | $(BIN)/python
	$(BIN)/pip install --quiet -e '.[test]'
	touch $(VENV)/.app $@

# The window's translations, compiled from the .ts files beside them (the .qm files are not committed).
TRANSLATIONS := $(patsubst %.ts,%.qm,$(wildcard resources/translations/*.ts))

resources/translations/%.qm: resources/translations/%.ts | $(VENV)/.app
	$(BIN)/pyside6-lrelease -silent $< -qm $@

run: $(VENV)/.app $(TRANSLATIONS)
	$(BIN)/playground

test: $(VENV)/.test $(TRANSLATIONS)
	$(BIN)/ruff check playground tests benchmarks packaging docs
	QT_QPA_PLATFORM=offscreen $(BIN)/python -m pytest

bench: $(VENV)/.test
	$(BIN)/python benchmarks/engine_vs_torch.py

# The desktop app as a folder, a download and (on Debian and its kin) a .deb in packaging/dist, smoke-tested as built.
package: $(VENV)/.test
	$(BIN)/python packaging/build.py --archive $(if $(shell command -v dpkg-deb),--deb)

clean:
	rm -rf $(VENV) .pytest_cache .ruff_cache .hypothesis packaging/build packaging/dist $(TRANSLATIONS)
