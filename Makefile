# Two commands do all set-up on a fresh machine with Python 3.11:
#   make run    install if needed, then serve on $PORT (default 8000)
#   make test   install if needed, then run the whole test suite
PYTHON ?= python3.11
VENV := .venv
BIN := $(VENV)/bin
CODEGEN := $(VENV)/codegen
STAMP := $(VENV)/.installed
PORT ?= 8000

.PHONY: install run test lint openapi examples screenshot goldens sdk-check bench-quality bench-quality-dev bench-speed clean

install: $(STAMP)

$(STAMP): requirements.lock requirements-dev.lock requirements-codegen.lock pyproject.toml
	@command -v $(PYTHON) >/dev/null 2>&1 || { echo "need $(PYTHON) on PATH (or make PYTHON=/path/to/python3.11)"; exit 1; }
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -r requirements-dev.lock
	# The project itself, editable and without dependencies (the locks pinned them):
	# puts the newsextract command in $(BIN).
	$(BIN)/python -m pip install --quiet --no-deps -e .
	# the client generator of the generated-client test, in its own venv (see the lock file)
	test -x $(CODEGEN)/bin/python || $(PYTHON) -m venv $(CODEGEN)
	$(CODEGEN)/bin/python -m pip install --quiet -r requirements-codegen.lock
	touch $(STAMP)

run: install
	PORT=$(PORT) $(BIN)/gunicorn -c python:service.gunicorn_conf "service.app:create_app()"

test: install
	@command -v chromium >/dev/null 2>&1 && command -v chromedriver >/dev/null 2>&1 || \
		echo "note: no Chromium here, so the demo page's browser test will be skipped;" \
		     "to run it: sudo apt-get install chromium chromium-driver"
	$(BIN)/python -m pytest

lint: install
	$(BIN)/ruff check service schemas bench tests scripts
	$(BIN)/hadolint Dockerfile

# Regenerate the committed spec after changing schemas/ or service/api/.
openapi: install
	NEWSX_LOAD_PIPELINE=false $(BIN)/flask --app "service.app:create_app()" openapi write --format yaml openapi.yaml

examples: install
	$(BIN)/python scripts/make_examples.py

# docs/demo.png: the demo page on seed 000, from the browser test's headless Chromium.
screenshot: install
	$(BIN)/python scripts/screenshot.py

# Rewrite the exact expected outputs (tests/golden/expected/) after an intended change;
# review `git diff tests/golden` like code. The eval texts' file needs ../shared/eval.
goldens: install
	$(BIN)/python scripts/make_goldens.py

# Clients from openapi.yaml by openapi-generator: Python against a real gunicorn, and
# typescript-fetch type-checked by tsc; plus the openapi-python-client test of make test.
sdk-check: install
	@if ! command -v java >/dev/null 2>&1 || ! command -v npm >/dev/null 2>&1; then \
		echo "sdk-check skipped: it needs java (11+) and node with npm on PATH"; exit 0; fi; \
	set -e; \
	$(CODEGEN)/bin/python -m pip install --quiet -r requirements-sdk.lock; \
	npm ci --prefix clients/typescript --no-audit --no-fund --silent; \
	NEWSX_SDK_CHECK=1 $(BIN)/python -m pytest -q tests/sdk

bench-quality: install
	$(BIN)/python bench/quality.py seeds/gold.json

# Seeds and the blind dev set side by side (the dev texts are read from ../shared/eval).
bench-quality-dev: install
	$(BIN)/python bench/quality.py seeds/gold.json bench/devset/gold.json

bench-speed: install
	$(BIN)/python bench/speed.py

clean:
	rm -rf $(VENV) .pytest_cache .hypothesis
