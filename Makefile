PYTHON ?= python3
VENV = .venv
BIN = $(VENV)/bin
DEV_SETTINGS = DJANGO_SETTINGS_MODULE=liaise.settings.dev

.PHONY: install run serve audit test lint format messages bench compare archive

install: $(VENV)/.installed

# Reinstall only when the dependencies (pyproject.toml) change.
$(VENV)/.installed: pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install -e '.[dev]'
	touch $@

run: install
	$(BIN)/python manage.py migrate --noinput
	$(BIN)/python manage.py load_demo_content
	$(BIN)/python manage.py create_demo_users
	$(BIN)/python manage.py runserver 127.0.0.1:8000

$(VENV)/.installed-production: $(VENV)/.installed
	$(BIN)/pip install -e '.[production]'
	touch $@

# The production settings, gunicorn and WhiteNoise on http://127.0.0.1:8000, on DATABASE_URL or
# SQLite; a throwaway SECRET_KEY unless one is set; with nothing in front, no HTTPS redirect and
# Django serves the media (docs/operations.md). The mail queue is sent every minute, as cron
# does on a server, by a loop that stops with gunicorn.
PORT = 8000
PRODUCTION_ENV = export DJANGO_SETTINGS_MODULE=liaise.settings.production \
		SECRET_KEY="$${SECRET_KEY:-$$($(BIN)/python -c 'import secrets; print(secrets.token_urlsafe(50))')}" \
		ALLOWED_HOSTS="$${ALLOWED_HOSTS:-localhost,127.0.0.1}" \
		SITE_URL="$${SITE_URL:-http://127.0.0.1:$(PORT)}" \
		SECURE_SSL_REDIRECT="$${SECURE_SSL_REDIRECT:-false}" \
		SERVE_MEDIA="$${SERVE_MEDIA:-true}" && \
	$(BIN)/python manage.py collectstatic --noinput --verbosity 0 && \
	$(BIN)/python manage.py migrate --noinput

serve: $(VENV)/.installed-production
	$(PRODUCTION_ENV) && \
	{ while :; do $(BIN)/python manage.py send_queued_mail; sleep 60; done & } && \
	mail_worker=$$! && trap 'kill $$mail_worker 2>/dev/null' EXIT && trap 'exit 130' INT TERM && \
	$(BIN)/gunicorn liaise.wsgi --workers 2 --bind 127.0.0.1:$(PORT)

# The static archive of the site (docs/operations.md, "Closing the project"): every public page
# of every language, its documents, pictures and search, into ARCHIVE_DIR, for any static host
# serving it at the root of ARCHIVE_URL. On the database of DATABASE_URL, else db.sqlite3.
ARCHIVE_DIR ?= archive-site
ARCHIVE_URL ?= http://127.0.0.1:8002
archive: install
	$(DEV_SETTINGS) $(BIN)/python manage.py build_archive $(ARCHIVE_DIR) --base-url $(ARCHIVE_URL)
	@echo "Try it: python3 -m http.server 8002 --directory $(ARCHIVE_DIR), then $(ARCHIVE_URL)/"

# Lighthouse (npm, into the git-ignored .audit/; 12.x, as 13 needs Node 22) with Debian's
# Chromium on every public page type in both languages, against the site as `make serve` runs
# it, on port 8001 (the demo content loaded if the database has none); prints the four scores
# per page (docs/performance.md, "Audit"). Several minutes; not part of `make test`.
LIGHTHOUSE = .audit/node_modules/.bin/lighthouse

$(LIGHTHOUSE):
	npm install --prefix .audit --no-audit --no-fund lighthouse@12.2.3

audit: PORT = 8001
audit: $(VENV)/.installed-production $(LIGHTHOUSE)
	$(PRODUCTION_ENV) && $(BIN)/python -m bench.audit --port $(PORT) --lighthouse $(LIGHTHOUSE)

# The performance benchmark (docs/performance.md): throwaway databases at 1, 10 and 100 times
# the demo content, then gunicorn under wrk on 127.0.0.1 (apt-get install wrk); about 10 minutes.
# Not part of `make test`. BENCH_ARGS="--factors 1,10 --skip-load" for a shorter run.
bench: $(VENV)/.installed-production
	$(BIN)/python -m bench.run $(BENCH_ARGS)

# Side by side with Wagtail's bakery demo, served by you at BAKERY (docs/performance.md, "Side
# by side with the bakery demo"): BAKERY=http://127.0.0.1:8099 BAKERY_POST=/blog/a-post/.
compare: $(VENV)/.installed-production
	$(BIN)/python -m bench.compare --bakery $(BAKERY) --bakery-post $(BAKERY_POST) $(COMPARE_ARGS)

# The Nu Html Checker (npm, into the git-ignored .vnu/; Java from the system), which the tests
# run over every page visitors meet (tests/home/test_demo_content.py).
VNU = .vnu/node_modules/vnu-jar/build/dist/vnu.jar

$(VNU):
	npm install --prefix .vnu --no-audit --no-fund vnu-jar@26.9.27

test: install $(VNU)
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .
	$(DEV_SETTINGS) $(BIN)/python manage.py check
	$(DEV_SETTINGS) $(BIN)/python manage.py makemigrations --check --dry-run
	$(BIN)/pytest $(PYTEST_ARGS)

lint: install
	$(BIN)/ruff check --fix .

format: install
	$(BIN)/ruff format .

# Extract the interface strings into locale/$(MESSAGES_LANGUAGE)/LC_MESSAGES/django.po (gettext;
# French unless MESSAGES_LANGUAGE=de…), then, once every new msgstr is translated, run it again to
# compile django.mo, which is committed too.
MESSAGES_LANGUAGE ?= fr
messages: install
	$(BIN)/python manage.py makemessages -l $(MESSAGES_LANGUAGE) --ignore='$(VENV)/*' --ignore='tests/*' --ignore='static_collected/*' --ignore='media/*' --ignore='test-artifacts/*' --ignore='.vnu/*' --ignore='.audit/*'
	$(BIN)/python manage.py compilemessages --ignore='$(VENV)/*'
