# checker: `make check` checks corpora/, `make test` runs the suite. Both set themselves up.
.DEFAULT_GOAL := help
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
# installed: checker and what checking needs (RUNTIME); also the test, lint and benchmark tools (STAMP)
RUNTIME := $(VENV)/.installed-runtime
STAMP := $(VENV)/.installed
CORPORA ?= corpora/
ARGS ?=

.PHONY: help install install-dev check test lint bench eval clean

help: ## Show this help
	@grep -hE '^[a-z-]+:.*## ' $(MAKEFILE_LIST) | awk -F':.*## ' '{printf "  make %-12s %s\n", $$1, $$2}'

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip

# Checking articles needs only the runtime dependencies: `make check` never installs the test tools.
$(RUNTIME): pyproject.toml | $(BIN)/python
	$(BIN)/python -m pip install --quiet -e .
	@touch $(RUNTIME)

$(STAMP): pyproject.toml $(RUNTIME)
	$(BIN)/python -m pip install --quiet -e '.[test]'
	@touch $(STAMP)

install: $(RUNTIME) ## Create .venv and install checker (what checking needs)

install-dev: $(STAMP) ## Also the test, lint and benchmark tools (make test does it)

# The reviewed baseline beside the corpus, when there is one (`make check BASELINE=` checks without it).
BASELINE ?= $(firstword $(foreach c,$(CORPORA),$(wildcard $(patsubst %/,%,$(c))/.checker-baseline.json)))

check: $(RUNTIME) ## Check corpora/ and write reports/ (CORPORA=..., ARGS=..., BASELINE=... to change)
	$(BIN)/checker check $(CORPORA) $(if $(BASELINE),--baseline $(BASELINE)) $(ARGS)

test: $(STAMP) ## Run the test suite, ruff and mypy
	$(BIN)/ruff check checker tests bench
	$(BIN)/mypy
	$(BIN)/pytest $(ARGS)

lint: $(STAMP) ## ruff and mypy only
	$(BIN)/ruff check checker tests bench
	$(BIN)/mypy

eval: $(STAMP) ## Accuracy on the real development data in ../shared/data (docs/accuracy.md)
	$(BIN)/python -m bench.accuracy $(ARGS)

bench: $(STAMP) ## Benchmark on real and synthetic corpora (docs/performance.md)
	$(BIN)/python -m bench.speed $(ARGS)

clean: ## Remove the venv, caches and generated reports (keeps reports/README.md)
	rm -rf $(VENV) .pytest_cache .mypy_cache .ruff_cache build *.egg-info
	find reports -mindepth 1 ! -name README.md -exec rm -rf {} +
