# Two commands on a fresh machine: `make run` and `make test`.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed-$(shell cat pyproject.toml constraints.txt | cksum | cut -d' ' -f1)
TRANSLATIONS := $(patsubst resources/%.ts,src/leaddesk/resources/%.qm,$(wildcard resources/*.ts))

.PHONY: run test bench fuzz screenshots translations package clean system

# The Debian packages (the window's xcb libraries, PostgreSQL, ...): installed as root,
# else the one apt-get line is printed and make stops.
system:
	@bash scripts/system-deps.sh

$(STAMP): pyproject.toml constraints.txt
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install -q --upgrade "pip>=24"
	$(BIN)/python -m pip install -q -c constraints.txt -e ".[test]"
	rm -f $(VENV)/.installed-*
	touch $@

src/leaddesk/resources/%.qm: resources/%.ts $(STAMP)
	$(BIN)/pyside6-lrelease -silent $< -qm $@

translations: $(TRANSLATIONS)

run: system $(STAMP) $(TRANSLATIONS)
	$(BIN)/leaddesk

test: system $(STAMP) $(TRANSLATIONS)
	$(BIN)/ruff check src tests benchmarks packaging scripts
	$(BIN)/mypy
	QT_QPA_PLATFORM=offscreen $(BIN)/python -m pytest

bench: $(STAMP)
	$(BIN)/python -m benchmarks

# Each importer fuzzed for FUZZ_SECONDS (make test runs the same for a few seconds each).
FUZZ_SECONDS ?= 120
fuzz: $(STAMP)
	LEADDESK_FUZZ_SECONDS=$(FUZZ_SECONDS) QT_QPA_PLATFORM=offscreen $(BIN)/python -m pytest -q tests/fuzz

screenshots: $(STAMP) $(TRANSLATIONS)
	QT_QPA_PLATFORM=offscreen $(BIN)/python scripts/screenshots.py

# The Linux one-folder app and the wheel, each smoke-tested from outside the source tree.
package: $(STAMP) $(TRANSLATIONS)
	$(BIN)/python -m pip install -q -c constraints.txt -e ".[package]"
	QT_QPA_PLATFORM=offscreen $(BIN)/python packaging/make_icons.py
	$(BIN)/python -m PyInstaller --noconfirm --log-level ERROR --distpath dist \
		--workpath build/pyinstaller packaging/leaddesk.spec
	! command -v appstreamcli >/dev/null || appstreamcli validate --no-net packaging/linux/*.metainfo.xml
	cd /tmp && QT_QPA_PLATFORM=offscreen $(CURDIR)/dist/leaddesk/leaddesk --version
	cd /tmp && QT_QPA_PLATFORM=offscreen $(CURDIR)/dist/leaddesk/leaddesk --self-test
	rm -rf dist/python dist/wheel-venv
	$(BIN)/python -m build --sdist --wheel --outdir dist/python . > /dev/null
	$(PYTHON) -m venv dist/wheel-venv
	dist/wheel-venv/bin/python -m pip install -q -c constraints.txt dist/python/*.whl
	cd /tmp && QT_QPA_PLATFORM=offscreen $(CURDIR)/dist/wheel-venv/bin/leaddesk --version
	cd /tmp && QT_QPA_PLATFORM=offscreen $(CURDIR)/dist/wheel-venv/bin/leaddesk --self-test

clean:
	rm -rf $(VENV) build dist *.egg-info .pytest_cache .mypy_cache .ruff_cache
