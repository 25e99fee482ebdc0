# Two commands on a fresh machine:  `make serve`  and  `make test`  (see README.md).
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
SUDO := $(shell [ "$$(id -u)" = 0 ] || echo sudo)
export NO_MKDOCS_2_WARNING := 1

.PHONY: serve test check build browser clean

## serve: install the site's dependencies and serve it with live reload at http://127.0.0.1:8000
serve: $(VENV)/.site
	$(BIN)/mkdocs serve --livereload

## test: install everything the suite needs (incl. Debian's Chromium) and run the whole suite
test: $(VENV)/.test browser
	$(BIN)/python -m pytest

## check: validate the clause library only
check: $(VENV)/.site
	$(BIN)/python -m clause_library check

## build: the site, strictly, into site/
build: $(VENV)/.site
	$(BIN)/mkdocs build --strict

$(VENV)/.site: requirements.txt
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --disable-pip-version-check -r requirements.txt
	touch $@

$(VENV)/.test: requirements.txt requirements-test.txt $(VENV)/.site
	$(BIN)/python -m pip install --quiet --disable-pip-version-check -r requirements-test.txt
	touch $@

# Browser tests use Debian's Chromium and CJK fonts; Playwright's own browser download cannot work here.
browser:
	@if [ ! -x /usr/bin/chromium ] || ! dpkg -s fonts-noto-cjk >/dev/null 2>&1; then \
	  $(SUDO) apt-get update -qq && $(SUDO) apt-get install -y -qq chromium fonts-noto-cjk; fi

clean:
	rm -rf site $(VENV)
