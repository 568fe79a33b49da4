# Two entry points for a fresh machine with only python3: `make demo` and `make test`.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed-test

AXE_VERSION := 4.14.1
AXE := .cache/axe-core/axe.min.js

.PHONY: demo test schemas bench clean browser-deps

# One environment for everything: the package (editable) with its test extras. The stamp
# is rebuilt when pyproject.toml changes, so repeated runs do no work.
$(STAMP): pyproject.toml
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e '.[test]'
	touch $(STAMP)

demo: $(STAMP)
	@# Exit 1 only means "some example is non-compliant", which the demo is there to show.
	$(BIN)/sns-policy check municipalities/*/examples; test $$? -le 1
	$(BIN)/sns-policy render site municipalities/*/examples --out build/site
	@echo "demo site: file://$(CURDIR)/build/site/index.html"

# axe-core for the browser tests, from the npm registry (skipped with a message without npm).
$(AXE):
	@if command -v npm >/dev/null 2>&1; then \
	  mkdir -p .cache/axe-core && cd .cache && npm pack --silent axe-core@$(AXE_VERSION) >/dev/null && \
	  tar xzf axe-core-$(AXE_VERSION).tgz package/axe.min.js && mv package/axe.min.js axe-core/ && \
	  rm -rf package axe-core-$(AXE_VERSION).tgz; \
	else echo "npm not found: axe-core is not installed, the browser tests will be skipped"; fi

browser-deps: $(AXE)

test: $(STAMP)
	-@$(MAKE) --no-print-directory browser-deps
	@command -v chromium >/dev/null 2>&1 || echo "Chromium not found: the browser tests (tests/test_browser.py) are skipped. Install: apt-get install chromium chromium-driver"
	$(BIN)/python -m pytest

schemas: $(STAMP)
	$(BIN)/sns-policy schemas --out schemas

bench: $(STAMP)
	$(BIN)/python bench/bench_check.py

clean:
	rm -rf $(VENV) build dist .pytest_cache .hypothesis bench/corpus .cache
