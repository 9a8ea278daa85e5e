# Two commands for a newcomer: `make demo` and `make test`. Everything else is a building block.
SHELL := /bin/bash
export UV_PYTHON_DOWNLOADS := never
UV ?= $(shell command -v uv 2>/dev/null || echo "$(HOME)/.local/bin/uv")
MANAGE := $(UV) run python manage.py

.PHONY: demo test install system-packages lint check bench scale-check

install:
	@command -v uv >/dev/null 2>&1 || test -x "$(UV)" || python3 -m pip install --quiet --user uv || python3 -m pip install --quiet uv
	$(UV) sync --frozen

# Debian packages the test suite drives for real: Chromium for browser tests, gettext for translations.
system-packages:
	@bash scripts/ensure_system_packages.sh

demo: install
	@mkdir -p var
	$(MANAGE) migrate --noinput
	$(MANAGE) compilemessages --ignore=.venv -v0
	$(MANAGE) load_demo_data
	@bash scripts/run_demo.sh

test: install system-packages
	$(MANAGE) compilemessages --ignore=.venv -v0
	$(UV) run pytest

lint: install
	$(UV) run ruff check .
	$(UV) run ruff format --check .
	$(UV) run lint-imports
	$(UV) run python scripts/check_translations.py

check: install
	$(MANAGE) check
	$(MANAGE) makemigrations --check --dry-run

# bench/pages.py needs the local PostgreSQL and Redis (db 15) and wrk; about 10 minutes.
bench: install
	@bash scripts/ensure_system_packages.sh bench
	$(MANAGE) compilemessages --ignore=.venv -v0
	$(UV) run python bench/pages.py
	$(UV) run python bench/catalogue_queries.py
	$(UV) run python bench/ledger.py
	@if echo "$$DATABASE_URL" | grep -q '^postgres'; then $(UV) run python bench/search.py; \
	else echo "bench/search.py skipped: it measures PostgreSQL (set DATABASE_URL=postgres://...)"; fi

# Two gunicorn processes sharing PostgreSQL, Redis, S3 (moto) and the fake Stripe: any process serves any request.
scale-check: install
	$(MANAGE) compilemessages --ignore=.venv -v0
	$(UV) run python scripts/scale_check.py
