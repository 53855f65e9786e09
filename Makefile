# The two commands a newcomer needs are `make run` and `make test`; the rest are for CI and maintainers.
# Python 3.12 where the machine has it, else python3 (scripts/find-python says why).
PYTHON ?= $(shell scripts/find-python)
PYTHON_VERSION := $(shell $(PYTHON) -c 'import sys; print("%d.%d" % sys.version_info[:2])')
VENV := .venv
BIN := $(VENV)/bin
# Named by the Python version, so that a different Python rebuilds the virtualenv from scratch.
INSTALLED := $(BIN)/.installed-$(PYTHON_VERSION)
PORT ?= 8000
# Bytecode is kept between runs even where the environment turns it off: without it every test
# process compiles the portal again and pytest rewrites every test module's asserts again.
export PYTHONDONTWRITEBYTECODE :=

.DEFAULT_GOAL := help
.PHONY: help run test test-future test-postgres e2e drills lint format check bench load lighthouse audit assets clean

help: ## List the targets
	@grep -E '^[a-z0-9-]+:.*## ' $(MAKEFILE_LIST) | awk -F':.*## ' '{printf "  %-15s %s\n", $$1, $$2}'

$(INSTALLED): pyproject.toml requirements.lock
	scripts/ensure-system-packages
	@# The tests and drills start real Redis servers: install it once here, not from two test workers at once.
	command -v redis-server >/dev/null || [ "$$(id -u)" != 0 ] || (apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq redis-server >/dev/null)
	$(PYTHON) -m venv --clear $(VENV)
	$(BIN)/pip install --quiet --upgrade pip
	$(BIN)/pip install --quiet -c requirements.lock -e ".[dev]"
	touch $@

run: $(INSTALLED) ## Set up (venv, migrate, demo content) and serve http://127.0.0.1:8000 on SQLite, with a task worker
	$(BIN)/python manage.py migrate --noinput
	$(BIN)/python manage.py load_demo_content
	@echo "Serving http://127.0.0.1:$(PORT)/ (admin at /admin/) with a task worker (emails print here). Ctrl+C to stop."
	$(BIN)/python manage.py db_worker --queue-name '*' --verbosity 0 & worker=$$!; \
	trap 'kill $$worker 2>/dev/null' EXIT INT TERM; \
	$(BIN)/python manage.py runserver 127.0.0.1:$(PORT)

# One worker per core (xdist); coverage of the portal's code, files below 100% listed.
PYTEST_ALL := $(BIN)/pytest -m "not e2e" -q -n auto --cov --cov-report=term:skip-covered

test: $(INSTALLED) check ## Lint, migration check and the whole test suite on SQLite, on every core, with coverage
	$(PYTEST_ALL)

# Python's wall clock moves (time-machine); the monotonic clock that timeouts use stays real.
test-future: $(INSTALLED) ## The suite with the clock a year and then two years ahead
	$(BIN)/pytest -m "not e2e" -q -n auto --clock-ahead 365
	$(BIN)/pytest -m "not e2e" -q -n auto --clock-ahead 730

# makemigrations runs Django's system checks first (failing on an error, as `manage.py check`
# does), so one Django start-up does both.
check: $(INSTALLED)
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .
	$(BIN)/python manage.py makemigrations --check --dry-run

test-postgres: $(INSTALLED) ## The same suite against a throwaway PostgreSQL
	scripts/with-postgres $(PYTEST_ALL)

e2e: $(INSTALLED) ## Browser journeys and accessibility checks in Debian's Chromium
	scripts/ensure-chromium
	$(BIN)/pytest tests/e2e -m e2e -q

drills: $(INSTALLED) ## Fault drills on 127.0.0.1: PostgreSQL, 2 Redis, gunicorn (3 workers) and the task worker; one PASS/FAIL line each
	scripts/with-postgres $(BIN)/pytest tests/drills -m drills -q -s -p no:randomly -n 0

lint: $(INSTALLED) ## ruff lint and format check
	$(BIN)/ruff check . && $(BIN)/ruff format --check .

format: $(INSTALLED) ## Apply ruff's fixes and formatting
	$(BIN)/ruff check --fix . && $(BIN)/ruff format .

bench: $(INSTALLED) ## Load benchmarks at 10,000 and 50,000 resources on SQLite and PostgreSQL (about 20 minutes)
	command -v wrk >/dev/null || (apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq wrk)
	$(BIN)/python -m bench.search_bench
	scripts/with-postgres $(BIN)/python -m bench.search_bench
	$(BIN)/python -m bench.run --database sqlite
	scripts/with-postgres $(BIN)/python -m bench.run --database postgres
	$(BIN)/python -m bench.publishing --database sqlite
	scripts/with-postgres $(BIN)/python -m bench.publishing --database postgres
	$(BIN)/python -m bench.report

load: $(INSTALLED) ## 50 users for 60 s over a mixed journey against gunicorn on 127.0.0.1: zero errors, p50/p95/p99 (bench/out/load.json)
	scripts/load

lighthouse: $(INSTALLED) ## Lighthouse (mobile) on home, search, a resource and a placement; fails below 95/100/95/95 (needs Node)
	scripts/lighthouse

audit: $(INSTALLED) ## pip-audit of requirements.lock; exit 1 on a known vulnerability, 3 if no vulnerability service is reachable
	scripts/audit

assets: ## Rebuild the committed CSS/JS from GOV.UK Frontend (needs Node; not needed by `make run`)
	cd frontend && npm ci --no-audit --no-fund && npm run build

clean: ## Remove the venv, the SQLite database and uploaded media
	rm -rf $(VENV) db.sqlite3 media static
