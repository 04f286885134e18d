# Two commands for a newcomer: `make serve` and `make test` (each installs what it needs first).
PYTHON ?= python3
VENV := .venv
PY := $(VENV)/bin/python
BIND ?= 127.0.0.1:8000
WORKERS ?= 2
POSTGRES_URL ?= postgresql://postgres@127.0.0.1:5432/test

.PHONY: install runtime serve seed api-key test test-sqlite test-postgres openapi evaluate train bench-extraction audit clean

# serving needs the runtime only (and the PostgreSQL driver); `make test` adds the test and benchmark tools
$(VENV)/.runtime: setup.cfg pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --upgrade pip
	# one retry: a shared pip cache being written by another install can fail a first attempt
	$(PY) -m pip install --quiet -e '.[postgres]' || $(PY) -m pip install --quiet -e '.[postgres]'
	touch $@

$(VENV)/.installed: $(VENV)/.runtime
	$(PY) -m pip install --quiet -e '.[dev,postgres,bench]' || $(PY) -m pip install --quiet -e '.[dev,postgres,bench]'
	touch $@

runtime: $(VENV)/.runtime

install: $(VENV)/.installed

seed: runtime
	$(PY) scripts/seed.py

serve: seed
	BIND=$(BIND) WORKERS=$(WORKERS) $(VENV)/bin/gunicorn 'api:create_app()'

# an API key for writes, printed once: make api-key NAME=factcheck-desk (DATABASE_URL selects the database)
api-key: runtime
	@test -n "$(NAME)" || { echo 'usage: make api-key NAME=<who the key is for>' >&2; exit 2; }
	@$(PY) scripts/create_api_key.py '$(NAME)'

test: test-sqlite test-postgres

test-sqlite: install
	TEST_POSTGRES_URL=$(POSTGRES_URL) $(PY) -m pytest

# the same suite on PostgreSQL; skipped with a reason when no server answers (fails in CI)
test-postgres: install
	TEST_DATABASE_URL=$(POSTGRES_URL) TEST_POSTGRES_URL=$(POSTGRES_URL) $(PY) -m pytest

openapi: install
	$(PY) scripts/export_openapi.py

# scores on seeds, dev-train (../shared/dev/train) and dev-test (figures only); ERRORS=1 lists errors
evaluate: install
	$(PY) scripts/evaluate.py $(if $(ERRORS),--errors)

# refits extraction/model.json from seeds + heldout8 + dev-train + the read synthetic sets and prints the
# cross-validation (about 4 minutes)
train: install
	$(PY) -m pip install --quiet -e '.[train]'
	$(PY) scripts/train_extractor.py

bench-extraction: install
	$(PY) scripts/benchmark_extraction.py

# known vulnerabilities in the installed dependencies (needs PyPI's JSON API or OSV: docs/security.md)
audit: install
	$(VENV)/bin/pip-audit --skip-editable

clean:
	rm -rf $(VENV) data .pytest_cache
