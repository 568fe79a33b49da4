# Two entry points for a fresh machine with only python3: `make demo` and `make test`.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed-test

AXE_VERSION := 4.14.1
AXE := .cache/axe-core/axe.min.js

.PHONY: demo test schemas bench clean browser-deps client-deps fuzz

# One environment for everything: the package (editable) with its test extras. The stamp
# is rebuilt when pyproject.toml changes, so repeated runs do no work.
$(STAMP): pyproject.toml
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e '.[test]'
	touch $(STAMP)

# The 広報課's year, for each of the five cities: its Excel register (a bundled sample) into
# manifests, one review item confirmed by the account's manager, the audit report for 決裁.
DEMO_CITIES := chiyoda iwaki kamisu miura shiroi
DEMO_chiyoda := x-chiyoda_bousai.yaml chiyoda.monitor-operation 災害対策・危機管理課長
DEMO_iwaki := x-iwaki_kanko.yaml iwaki.use-official-account 観光振興課長
DEMO_kamisu := x-kamisu_city.yaml kamisu.manager-supervises 秘書広聴課長
DEMO_miura := x-miura_city_koho.yaml miura.no-needless-accounts 広報広聴課長
DEMO_shiroi := x-shiroi_city.yaml shiroi.icon-relates-to-city しろいの魅力発信課長
PDF_OR_HTML := $(shell command -v chromium >/dev/null 2>&1 || command -v google-chrome >/dev/null 2>&1 && echo pdf || echo html)

demo: $(STAMP)
	@# Exit 1 only means "some example is non-compliant", which the demo is there to show.
	$(BIN)/sns-policy check municipalities/*/examples; test $$? -le 1
	$(BIN)/sns-policy render site municipalities/*/examples --out build/site
	@rm -rf build/demo
	@set -e; for city in $(DEMO_CITIES); do \
	  case $$city in chiyoda) set -- $(DEMO_chiyoda);; iwaki) set -- $(DEMO_iwaki);; kamisu) set -- $(DEMO_kamisu);; \
	    miura) set -- $(DEMO_miura);; shiroi) set -- $(DEMO_shiroi);; esac; \
	  $(BIN)/sns-policy import municipalities/$$city/examples/register.csv -m $$city --out build/demo/$$city/accounts | tail -1; \
	  $(BIN)/sns-policy confirm build/demo/$$city/accounts/$$1 $$2 --by $$3 --note "demo"; \
	  $(BIN)/sns-policy report build/demo/$$city/accounts --out build/demo/$$city/report.xlsx --prepared-by $$3; \
	  $(BIN)/sns-policy report build/demo/$$city/accounts --out build/demo/$$city/report.$(PDF_OR_HTML) --prepared-by $$3; \
	done
	@echo "demo site: file://$(CURDIR)/build/site/index.html"
	@echo "audit reports: $(CURDIR)/build/demo/<city>/report.xlsx and report.$(PDF_OR_HTML)$(if $(filter html,$(PDF_OR_HTML)), (install Chromium for the PDF),)"

# axe-core for the browser tests, from the npm registry (skipped with a message without npm).
$(AXE):
	@if command -v npm >/dev/null 2>&1; then \
	  mkdir -p .cache/axe-core && cd .cache && npm pack --silent axe-core@$(AXE_VERSION) >/dev/null && \
	  tar xzf axe-core-$(AXE_VERSION).tgz package/axe.min.js && mv package/axe.min.js axe-core/ && \
	  rm -rf package axe-core-$(AXE_VERSION).tgz; \
	else echo "npm not found: axe-core is not installed, the browser tests will be skipped"; fi

browser-deps: $(AXE)

# The editor and hook clients the tests drive as users run them. yaml-language-server comes
# from the npm registry (skipped with a message without npm). pre-commit installs the hooks
# into an environment of its own with pip; the wheels it needs (this package and its
# dependencies) are collected here, at setup, so that the test itself runs offline.
YLS_VERSION := 2.0.0
YLS := .cache/yaml-language-server/node_modules/yaml-language-server/bin/yaml-language-server
WHEELS := .cache/wheels/.complete

$(YLS):
	@if command -v npm >/dev/null 2>&1; then \
	  mkdir -p .cache/yaml-language-server && cd .cache/yaml-language-server && \
	  npm install --silent --no-audit --no-fund --prefix . yaml-language-server@$(YLS_VERSION) >/dev/null; \
	else echo "npm not found: yaml-language-server is not installed, its tests will be skipped"; fi

$(WHEELS): pyproject.toml $(STAMP)
	@rm -rf .cache/wheels && mkdir -p .cache/wheels
	$(BIN)/python -m pip wheel --quiet --wheel-dir .cache/wheels . hatchling
	@touch $(WHEELS)

client-deps: $(YLS) $(WHEELS)

test: $(STAMP)
	-@$(MAKE) --no-print-directory browser-deps
	-@$(MAKE) --no-print-directory client-deps
	@command -v chromium >/dev/null 2>&1 || echo "Chromium not found: the browser tests (tests/test_browser.py) are skipped. Install: apt-get install chromium chromium-driver"
	$(BIN)/python -m pytest

schemas: $(STAMP)
	$(BIN)/sns-policy schemas --out schemas

# The command line against generated and damaged input for minutes, not the seconds
# `make test` gives it (tests/test_fuzz_cli.py; FUZZ_EXAMPLES per test).
FUZZ_EXAMPLES ?= 2000
fuzz: $(STAMP)
	SNS_POLICY_FUZZ_EXAMPLES=$(FUZZ_EXAMPLES) $(BIN)/python -m pytest -q tests/test_fuzz_cli.py

bench: $(STAMP)
	$(BIN)/python bench/bench_check.py

clean:
	rm -rf $(VENV) build dist .pytest_cache .hypothesis bench/corpus .cache
