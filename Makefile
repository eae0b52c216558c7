# Two commands on a fresh machine: `make run` and `make test`.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed-$(shell cat pyproject.toml constraints.txt | cksum | cut -d' ' -f1)
TRANSLATIONS := $(patsubst resources/%.ts,src/leaddesk/resources/%.qm,$(wildcard resources/*.ts))

.PHONY: run test bench screenshots translations clean

$(STAMP): pyproject.toml constraints.txt
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install -q --upgrade "pip>=24"
	$(BIN)/python -m pip install -q -c constraints.txt -e ".[test]"
	rm -f $(VENV)/.installed-*
	touch $@

src/leaddesk/resources/%.qm: resources/%.ts $(STAMP)
	$(BIN)/pyside6-lrelease -silent $< -qm $@

translations: $(TRANSLATIONS)

run: $(STAMP) $(TRANSLATIONS)
	$(BIN)/leaddesk

test: $(STAMP) $(TRANSLATIONS)
	$(BIN)/ruff check src tests benchmarks
	$(BIN)/mypy
	QT_QPA_PLATFORM=offscreen $(BIN)/python -m pytest

bench: $(STAMP)
	$(BIN)/python -m benchmarks

screenshots: $(STAMP) $(TRANSLATIONS)
	QT_QPA_PLATFORM=offscreen $(BIN)/python scripts/screenshots.py

clean:
	rm -rf $(VENV) build dist *.egg-info .pytest_cache .mypy_cache .ruff_cache
