# Two commands for a new user: `make run` and `make test` (see README.md).
PYTHON ?= $(shell command -v python3.11 || command -v python3)
VENV := .venv
BIN := $(VENV)/bin
PORT ?= 8050

.PHONY: run test lint typecheck pytest browser postgres redis reports data bench clean

$(BIN)/activate:
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip

$(VENV)/.installed: pyproject.toml | $(BIN)/activate
	$(BIN)/pip install --quiet -e .
	touch $@

$(VENV)/.installed-test: pyproject.toml $(VENV)/.installed
	$(BIN)/pip install --quiet -e ".[test]"
	touch $@

## run: install and serve the app on http://127.0.0.1:$(PORT) with the embedded Kronoberg data
run: $(VENV)/.installed
	$(BIN)/servicekartan serve --port $(PORT)

## browser: Debian's chromium and chromium-driver for the browser tests
browser:
	@if command -v chromium >/dev/null 2>&1 && command -v chromedriver >/dev/null 2>&1; then \
		true; \
	elif [ "$$(id -u)" = "0" ]; then \
		apt-get update -q && DEBIAN_FRONTEND=noninteractive apt-get install -y -q chromium chromium-driver; \
	else \
		echo "The browser tests need Debian's packages chromium and chromium-driver:"; \
		echo "  sudo apt-get install chromium chromium-driver"; \
		exit 1; \
	fi

## postgres: Debian's PostgreSQL server; the storage tests start a throwaway one (tests/pg.py)
postgres:
	@if ls /usr/lib/postgresql/*/bin/initdb >/dev/null 2>&1 || command -v initdb >/dev/null 2>&1; then \
		true; \
	elif [ "$$(id -u)" = "0" ]; then \
		apt-get update -q && DEBIAN_FRONTEND=noninteractive apt-get install -y -q postgresql; \
	else \
		echo "The storage tests need Debian's package postgresql (initdb and postgres;"; \
		echo "they start their own server on 127.0.0.1 and stop it after):"; \
		echo "  sudo apt-get install postgresql"; \
		exit 1; \
	fi

## redis: Debian's Redis server; one browser test runs a budget curve through a throwaway one
## and a Celery worker (tests/redis_server.py, tests/e2e/test_celery_curve.py)
redis:
	@if command -v redis-server >/dev/null 2>&1; then \
		true; \
	elif [ "$$(id -u)" = "0" ]; then \
		apt-get update -q && DEBIAN_FRONTEND=noninteractive apt-get install -y -q redis-server; \
	else \
		echo "The background-solving test needs Debian's package redis-server (it starts its"; \
		echo "own server on 127.0.0.1 with no persistence and stops it after):"; \
		echo "  sudo apt-get install redis-server"; \
		exit 1; \
	fi

## reports: Debian's libraries WeasyPrint draws PDFs with (pango, harfbuzz), a font, and
## poppler-utils (pdftoppm) with which the report tests draw each first page as a PNG
REPORT_PACKAGES := libpango-1.0-0 libpangoft2-1.0-0 libharfbuzz-subset0 fonts-dejavu-core poppler-utils
reports:
	@if command -v pdftoppm >/dev/null 2>&1 && ldconfig -p | grep -q libpangoft2-1.0.so.0 \
		&& ldconfig -p | grep -q libharfbuzz-subset.so.0 && fc-list | grep -qi dejavu; then \
		true; \
	elif [ "$$(id -u)" = "0" ]; then \
		apt-get update -q && DEBIAN_FRONTEND=noninteractive apt-get install -y -q $(REPORT_PACKAGES); \
	else \
		echo "The reports (PDF) and their tests need Debian's packages:"; \
		echo "  sudo apt-get install $(REPORT_PACKAGES)"; \
		exit 1; \
	fi

lint: $(VENV)/.installed-test
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .

typecheck: $(VENV)/.installed-test
	$(BIN)/mypy

pytest: $(VENV)/.installed-test browser postgres redis reports
	$(BIN)/pytest --headless

## test: install everything, then lint, type-check and run every test (browser tests included)
test: lint typecheck pytest

## data: rebuild the embedded tables from ../shared/data
data: $(VENV)/.installed
	$(BIN)/servicekartan data build --manifest data/manifests/kronoberg.json --out data/kronoberg

## bench: the speed benchmarks (by hand; figures go into docs/benchmarks.md)
bench: $(VENV)/.installed-test
	$(BIN)/pip install --quiet -e ".[bench]"
	SERVICEKARTAN_TILE_URL=none $(BIN)/python -m benchmarks.run_all

clean:
	rm -rf $(VENV) .pytest_cache .mypy_cache .ruff_cache test-output
