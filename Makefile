# Two commands do all set-up on a fresh machine:
#   make run    virtualenv, install, migrate, import and publish the demo and sample issues,
#               print the local admin password, start the task worker (PDF imports) and
#               serve on http://127.0.0.1:8000/
#   make test   virtualenv, install, Chromium for the browser tests, ruff, the whole test suite
#   make proxy-check   nginx in front of gunicorn: the production setup behind a real proxy
# DATABASE_URL selects the database (SQLite file by default).

PYTHON ?= $(shell command -v python3.11 || command -v python3)
VENV   ?= .venv
PY     := $(VENV)/bin/python
SAMPLES ?= ../shared/samples
HOST   ?= 127.0.0.1:8000
# Two workers: the suite's browser, PDF and simulator tests are CPU-bound, and CI has two cores.
PYTEST_ARGS ?= -n 2

.PHONY: run test lint nginx proxy-check setup browser pdftools axe serve import-samples bench score clean

setup: $(VENV)/.installed .env

$(VENV)/bin/python:
	$(PYTHON) -m venv $(VENV)

$(VENV)/.installed: pyproject.toml | $(VENV)/bin/python
	$(PY) -m pip install --quiet --disable-pip-version-check --upgrade pip
	$(PY) -m pip install --quiet --disable-pip-version-check -e '.[test]'
	touch $@

# Development settings for this checkout; real environment variables always win over it.
.env:
	printf 'DJANGO_DEBUG=1\n' > .env

run: setup
	$(PY) manage.py migrate --noinput
	$(PY) manage.py seed_demo --address $(HOST) $(if $(wildcard $(SAMPLES)),--samples $(SAMPLES),)
	@# The worker (PDF imports: pages and photos) runs beside the server and stops with it.
	$(PY) manage.py worker & worker=$$!; trap 'kill $$worker 2>/dev/null' EXIT INT TERM; \
	  echo "后台任务进程已启动（PID $$worker）"; $(PY) manage.py runserver $(HOST)

test: setup browser pdftools axe lint
	$(PY) -m pytest $(PYTEST_ARGS)

# The rule set and its reasons are in pyproject.toml.
lint: setup
	$(PY) -m ruff check .

# Debian's Chromium and a CJK font for the browser tests (Playwright's own download fails here).
browser:
	@if [ ! -x /usr/bin/chromium ] || ! fc-list 2>/dev/null | grep -q 'CJK'; then \
	  SUDO=$$( [ "$$(id -u)" = 0 ] || echo sudo ); \
	  echo "installing Debian chromium and fonts-noto-cjk for the browser tests"; \
	  $$SUDO apt-get update -qq && \
	  DEBIAN_FRONTEND=noninteractive $$SUDO apt-get install -y -qq chromium fonts-noto-cjk >/dev/null; \
	fi

# poppler's pdftotext, one of the extractors the PDF tests run on the typeset issues.
pdftools:
	@if ! command -v pdftotext >/dev/null 2>&1; then \
	  SUDO=$$( [ "$$(id -u)" = 0 ] || echo sudo ); \
	  echo "installing Debian poppler-utils (pdftotext) for the PDF extractor tests"; \
	  $$SUDO apt-get update -qq && \
	  DEBIAN_FRONTEND=noninteractive $$SUDO apt-get install -y -qq poppler-utils >/dev/null; \
	fi

# axe-core from npm, loaded by the browser tests into the pages they check (never served by the site).
axe: node_modules/axe-core/axe.min.js

node_modules/axe-core/axe.min.js: package.json package-lock.json
	@if ! command -v npm >/dev/null 2>&1; then \
	  SUDO=$$( [ "$$(id -u)" = 0 ] || echo sudo ); \
	  echo "installing Debian npm for the accessibility checks (axe-core)"; \
	  $$SUDO apt-get update -qq && DEBIAN_FRONTEND=noninteractive $$SUDO apt-get install -y -qq npm >/dev/null; \
	fi
	npm ci --no-audit --no-fund --silent
	touch $@

# Debian's nginx, for the check behind a real reverse proxy (the package's own service is not started).
nginx:
	@if ! command -v nginx >/dev/null 2>&1 && [ ! -x /usr/sbin/nginx ]; then \
	  SUDO=$$( [ "$$(id -u)" = 0 ] || echo sudo ); \
	  echo "installing Debian nginx-light for the proxy check"; \
	  $$SUDO apt-get update -qq && \
	  { DEBIAN_FRONTEND=noninteractive $$SUDO apt-get install -y -qq nginx-light >/dev/null 2>&1 || \
	    DEBIAN_FRONTEND=noninteractive $$SUDO apt-get install -y -qq nginx >/dev/null; }; \
	fi

# nginx in front of gunicorn (two workers) on loopback: client addresses, lockouts, rate limits.
proxy-check: setup nginx
	$(PY) bench/proxy_check.py

score: setup
	$(PY) $(dir $(SAMPLES))tools/score_import.py --python $(PY) $(SAMPLES)

bench: setup
	$(PY) bench/run_all.py

clean:
	rm -rf $(VENV) db.sqlite3* staticfiles .pytest_cache node_modules
