# Two commands on a fresh machine:  `make serve`  and  `make test`  (see README.md).
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
SUDO := $(shell [ "$$(id -u)" = 0 ] || echo sudo)
export NO_MKDOCS_2_WARNING := 1

.PHONY: serve test check build bench browser clean

## serve: install the site's dependencies and serve it with live reload at http://127.0.0.1:8000/clause-library/
serve: $(VENV)/.site node_modules/.installed
	$(BIN)/mkdocs serve --livereload

## test: install everything the suite needs (incl. Debian's Chromium) and run the whole suite
test: $(VENV)/.test node_modules/.installed browser
	$(BIN)/python -m pytest

## check: validate the clause library only
check: $(VENV)/.site
	$(BIN)/python -m clause_library check

## build: the site, strictly, into site/ (reproducible: dated by the last commit)
build: $(VENV)/.site node_modules/.installed
	SOURCE_DATE_EPOCH=$$(git log -1 --format=%ct 2>/dev/null || date +%s) $(BIN)/mkdocs build --strict

## bench: build-time, page-weight and memory benchmark at 1x, 10x and 30x the library
bench: $(VENV)/.site node_modules/.installed
	$(BIN)/python bench/run.py

$(VENV)/.site: requirements.txt
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --disable-pip-version-check -r requirements.txt
	touch $@

$(VENV)/.test: requirements.txt requirements-test.txt $(VENV)/.site
	$(BIN)/python -m pip install --quiet --disable-pip-version-check -r requirements-test.txt
	touch $@

# The front-end libraries the site publishes, and the test tools (axe-core, the Nu Html Checker,
# Lighthouse), pinned in package-lock.json
node_modules/.installed: package.json package-lock.json
	npm ci --no-audit --no-fund --silent
	touch $@

# Debian packages the suite drives: Chromium and CJK fonts for the browser tests (Playwright's own
# browser download cannot work here), LibreOffice and poppler to prove each .docx opens and converts.
# A machine that already has /usr/bin/chromium (from any source) keeps it.
DEBIAN_PACKAGES := fonts-noto-cjk libreoffice-writer-nogui poppler-utils
browser:
	@missing=""; [ -x /usr/bin/chromium ] || missing="chromium"; \
	for package in $(DEBIAN_PACKAGES); do dpkg -s $$package >/dev/null 2>&1 || missing="$$missing $$package"; done; \
	if [ -n "$$missing" ]; then $(SUDO) apt-get update -qq && $(SUDO) apt-get install -y -qq $$missing; fi

clean:
	rm -rf site $(VENV) node_modules
