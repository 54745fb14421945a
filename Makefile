# BotLens: `make serve` sets up and runs the backend; `make test` sets up and runs every test.
# Every target installs what it needs and is safe to run again.

PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
PY_STAMP := $(VENV)/.installed
NODE_STAMP := node_modules/.installed
APT_GET := $(shell [ "$$(id -u)" = 0 ] && echo apt-get || echo sudo apt-get)

.PHONY: serve test test-python test-extension test-browser install chromium train evaluate bench clean

serve: $(PY_STAMP)
	$(BIN)/botlens serve

install: $(PY_STAMP) $(NODE_STAMP)

$(PY_STAMP): pyproject.toml
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e ".[test,postgres]"
	touch $@

$(NODE_STAMP): package.json package-lock.json
	npm ci --no-audit --no-fund --loglevel=error
	touch $@

# Debian's Chromium for the real-browser tests (skipped when already installed).
chromium:
	@command -v chromium >/dev/null 2>&1 || { $(APT_GET) update -qq && \
		DEBIAN_FRONTEND=noninteractive $(APT_GET) install -y -qq chromium >/dev/null; }

test: test-python test-extension test-browser

# pytest exits 5 when it collects nothing; that is not a failure of the suite.
test-python: $(PY_STAMP)
	BOTLENS_TEST_DATABASE_URL="$$(bash scripts/test-services.sh)" $(BIN)/pytest -q -m "not browser" || [ $$? -eq 5 ]

test-extension: $(NODE_STAMP)
	node --test tests/extension/

test-browser: $(PY_STAMP) $(NODE_STAMP) chromium
	@if [ -d tests/browser ]; then PATH="$(CURDIR)/$(BIN):$$PATH" node --test --test-concurrency=1 tests/browser/; \
		else echo "no browser tests yet"; fi

train: $(PY_STAMP)
	$(BIN)/botlens train

evaluate: $(PY_STAMP)
	$(BIN)/botlens evaluate

bench: $(PY_STAMP)
	$(BIN)/python scripts/bench.py

clean:
	rm -rf $(VENV) node_modules test-artifacts
