# Two entry points for a fresh machine with only python3: `make demo` and `make test`.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed-test

.PHONY: demo test schemas bench clean

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

test: $(STAMP)
	$(BIN)/python -m pytest
	@# Every municipality's regression suite, through the command its editors use.
	$(BIN)/sns-policy test --coverage --min-coverage 100

schemas: $(STAMP)
	$(BIN)/sns-policy schemas --out schemas

bench: $(STAMP)
	$(BIN)/python bench/bench_check.py

clean:
	rm -rf $(VENV) build dist .pytest_cache .hypothesis bench/corpus
