# Canbo — the two commands: `make demo` and `make test`. See README.md.
PYTHON ?= $(shell command -v python3.11 || command -v python3)
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed-stamp
HOST ?= 127.0.0.1
PORT ?= 8000
# PostgreSQL with trust auth on 127.0.0.1 (development and CI machines); pytest creates test_<name>.
PG_URL ?= postgres://postgres@127.0.0.1:5432/test
BENCH_URL ?= postgres://postgres@127.0.0.1:5432/canbo_bench
# Two workers on the two cores of the CI machine; `make test PYTEST_ARGS=` runs in one process. loadgroup: the
# tests of one xdist_group (the modules reading the shared demo province) run on one worker, which builds it once.
PYTEST_ARGS ?= -n 2 --dist loadgroup --durations=20
LOCAL := DJANGO_SETTINGS_MODULE=config.settings.local

.PHONY: print-libraries demo test test-postgres install lint format migrate run worker serve benchmarks messages clean

$(STAMP): pyproject.toml
	@$(PYTHON) -c 'import sys; sys.exit(sys.version_info[:2] < (3, 11))' || \
	  { echo "Canbo needs Python 3.11 or newer (found: $(PYTHON))."; exit 1; }
	@# Debian ships venv's pip bootstrap separately (python3-venv): installed here when run as root.
	@$(PYTHON) -m venv $(VENV) 2>/dev/null || { rm -rf $(VENV); \
	  if [ "$$(id -u)" = 0 ] && command -v apt-get >/dev/null; then \
	    echo "Installing python3-venv with apt-get"; \
	    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq python3-venv >/dev/null || \
	      { apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq python3-venv >/dev/null; }; \
	    $(PYTHON) -m venv $(VENV); \
	  else echo "Could not create $(VENV). On Debian/Ubuntu run: sudo apt-get install python3-venv"; exit 1; fi; }
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e '.[dev]'
	touch $(STAMP)

install: $(STAMP)

migrate: install
	mkdir -p var
	$(LOCAL) $(BIN)/python manage.py migrate --noinput

# The web server and, beside it, the task queue's worker (Huey; its queue is an SQLite file unless REDIS_URL is
# set): exports, imports and the daily reminders run there. Ctrl+C stops both.
WITH_WORKER = $(LOCAL) $(BIN)/python manage.py run_huey --quiet --workers 2 --worker-type thread & worker=$$!; \
  trap 'kill $$worker 2>/dev/null' EXIT INT TERM;

# The printed profiles (SYLL, 2C) need Debian's pango and Liberation Serif 2 (Times New Roman's metrics, with
# Vietnamese): installed here when run as root, otherwise named.
print-libraries:
	@if ldconfig -p | grep -q libpangoft2-1.0 && fc-list | grep -q liberation2/LiberationSerif; then :; \
	elif [ "$$(id -u)" = 0 ] && command -v apt-get >/dev/null; then \
	  echo "Installing pango and fonts-liberation2 with apt-get"; \
	  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends libpango-1.0-0 libpangoft2-1.0-0 fonts-liberation2 >/dev/null || \
	    { apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends libpango-1.0-0 libpangoft2-1.0-0 fonts-liberation2 >/dev/null; }; \
	else echo "Printing profiles needs: sudo apt-get install libpango-1.0-0 libpangoft2-1.0-0 fonts-liberation2"; fi

# The demo also starts the STAND-IN national database (canbo/nationaldb/standin, not the national service) on
# 127.0.0.1:$(NATDB_PORT) and points the sync at it, unless NATIONAL_DB_URL is already set.
NATDB_PORT ?= 8765
demo: migrate print-libraries
	$(LOCAL) $(BIN)/python manage.py load_demo --if-empty
	@$(LOCAL) $(BIN)/python manage.py demo_logins --url http://$(HOST):$(PORT)/
	@NATIONAL_DB_URL=$${NATIONAL_DB_URL:-http://127.0.0.1:$(NATDB_PORT)}; export NATIONAL_DB_URL; \
	  $(LOCAL) $(BIN)/python manage.py national_db_standin --port $(NATDB_PORT) & standin=$$!; \
	  $(LOCAL) $(BIN)/python manage.py run_huey --quiet --workers 2 --worker-type thread & worker=$$!; \
	  trap 'kill $$worker $$standin 2>/dev/null' EXIT INT TERM; \
	  $(LOCAL) $(BIN)/python manage.py runserver $(HOST):$(PORT)

run: migrate
	@$(WITH_WORKER) $(LOCAL) $(BIN)/python manage.py runserver $(HOST):$(PORT)

# The worker alone (a second terminal, or a server where the web runs elsewhere).
worker: migrate
	$(LOCAL) $(BIN)/python manage.py run_huey --workers 2 --worker-type thread

# Production: settings from the environment (DJANGO_SECRET_KEY, DJANGO_ALLOWED_HOSTS, DATABASE_URL...), then
# gunicorn (gunicorn.conf.py: 2 × CPUs + 1 workers unless WEB_CONCURRENCY) on $(HOST):$(PORT) behind a TLS proxy.
PROD := DJANGO_SETTINGS_MODULE=config.settings.production
serve: install
	$(PROD) $(BIN)/python manage.py migrate --noinput
	$(PROD) $(BIN)/python manage.py collectstatic --noinput
	$(PROD) HOST=$(HOST) PORT=$(PORT) $(BIN)/gunicorn --config gunicorn.conf.py config.wsgi:application

lint: install
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .

format: install
	$(BIN)/ruff format .
	$(BIN)/ruff check --fix .

# ruff, migrations in step with the models, then the whole suite on SQLite (-rs prints why a test skipped). The
# printed-profile tests check the fonts: print-libraries installs them (as root) or names them.
test: lint print-libraries
	mkdir -p var
	env -u DATABASE_URL DJANGO_SETTINGS_MODULE=config.settings.test $(BIN)/python manage.py makemigrations --check --dry-run
	env -u DATABASE_URL $(BIN)/pytest -rs $(PYTEST_ARGS)

# The same suite on PostgreSQL: DATABASE_URL if set, else $(PG_URL).
test-postgres: install print-libraries
	DATABASE_URL=$${DATABASE_URL:-$(PG_URL)} $(BIN)/pytest -rs $(PYTEST_ARGS)

# Not part of `make test`: 100.000 persons on PostgreSQL (see benchmarks/). The database is created if
# missing, migrated, then emptied and filled by the benchmarks: never point it at real data.
CREATE_DB := import os, psycopg; from psycopg import sql; \
  base, name = os.environ["DATABASE_URL"].rsplit("/", 1); \
  conn = psycopg.connect(base + "/postgres", autocommit=True); \
  exists = conn.execute("SELECT 1 FROM pg_database WHERE datname = %s", [name]).fetchone(); \
  exists or conn.execute(sql.SQL("CREATE DATABASE {}").format(sql.Identifier(name)))
benchmarks: install
	export DATABASE_URL=$${DATABASE_URL:-$(BENCH_URL)}; \
	$(BIN)/python -c '$(CREATE_DB)' && \
	$(LOCAL) $(BIN)/python manage.py migrate --noinput && \
	$(BIN)/python benchmarks/run.py

# Recompile the English translation (committed, so a fresh machine needs no gettext).
messages:
	msgfmt -c -o locale/en/LC_MESSAGES/django.mo locale/en/LC_MESSAGES/django.po

clean:
	rm -rf $(VENV) var/canbo.sqlite3*
