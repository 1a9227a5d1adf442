# Two commands for a fresh machine: `make demo` and `make test`.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed

.PHONY: demo test eval bench clean

$(STAMP): pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip
	$(BIN)/pip install --quiet -e ".[dev]"
	touch $(STAMP)

demo: $(STAMP)
	$(BIN)/troopclaims extract examples/articles --format table
	$(BIN)/troopclaims compare examples/articles --format table

test: $(STAMP)
	$(BIN)/python -m pytest -q

# Accuracy on ../shared/eval and ../shared/corpus (each script skips when its folder is absent), then speed.
eval: $(STAMP)
	$(BIN)/python scripts/check_corpus.py
	$(BIN)/python scripts/eval_numbers.py
	$(BIN)/python scripts/eval_dates.py
	$(BIN)/python scripts/eval_places.py
	$(BIN)/python scripts/eval_attribution.py
	$(BIN)/python scripts/eval_polnear.py
	$(BIN)/python scripts/eval_compare.py
	$(BIN)/python scripts/eval_facts.py

bench: $(STAMP)
	$(BIN)/python scripts/bench.py

clean:
	rm -rf $(VENV) build src/*.egg-info
