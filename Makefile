# Liftoff: `make` builds the tool and publishes the site; `make test` runs the tests.
SHELL := /bin/bash
.DEFAULT_GOAL := site

SWIFT     ?= swift
LIFTOFF   := .build/release/liftoff
SOURCES   := $(shell find Sources -type f) Package.swift
SUDO      := $(shell [ "$$(id -u)" = 0 ] || echo sudo)
APT_DEPS  := libcmark-gfm-dev libcmark-gfm-extensions-dev cmark-gfm libvips-dev libicu-dev pkg-config \
             fonts-inter fonts-dejavu-core fonts-droid-fallback python3-pygments
NOW       ?=
# One compile for both `make` and `make test`: the release build is made testable (internal names
# visible to the tests), with the same flags every time, so the tests compile only themselves.
RELEASE   := -c release -Xswiftc -enable-testing

# Values given to make (make new TITLE='Why `x` fails', DEPLOY_TARGET=…, PORT=…) reach a recipe
# verbatim and only through the environment: every command-line variable is taken as written (make
# expands none of it, so a "$5" or "$(x)" in it stays), exported, and a recipe reads it as "$$TITLE",
# never pasting $(TITLE) into its shell line, so no value is ever run as shell code.
$(foreach v,$(.VARIABLES),$(if $(filter command line,$(origin $(v))),$(eval override $(v) := $$(value $(v)))$(eval export $(v))))
export SWIFT LIFTOFF NOW

.PHONY: site deps build test check new serve clean fuzz bench site-check site-check-deps deploy

## make: install what is missing, build the release binary, publish the site to output/
site: $(LIFTOFF)
	@"$$LIFTOFF" build --source . $${NOW:+--now "$$NOW"}

## Debian packages the build needs, installed only when missing.
deps:
	@if ! pkg-config --exists libcmark-gfm vips icu-i18n 2>/dev/null || ! command -v cmark-gfm >/dev/null \
		|| ! fc-list -q Inter || ! fc-list -q "DejaVu Sans" || ! fc-list -q "Droid Sans Fallback" \
		|| ! /usr/bin/python3 -c 'import pygments' 2>/dev/null; then \
		echo "Installing $(APT_DEPS)"; \
		$(SUDO) apt-get update -qq && $(SUDO) apt-get install -y -qq $(APT_DEPS) >/dev/null \
		|| { echo "Could not install $(APT_DEPS): install them with apt-get as root." >&2; exit 1; }; \
	fi

$(LIFTOFF): $(SOURCES) | deps
	"$$SWIFT" build $(RELEASE) --product liftoff
	@touch "$$LIFTOFF"

build: $(LIFTOFF)

## make test: the Swift Testing suites, compiled against the release build `make` made (they also run
## its `liftoff`), then the site checks
test: deps
	"$$SWIFT" build $(RELEASE) --build-tests
	"$$SWIFT" test $(RELEASE) --skip-build
	@$(MAKE) --no-print-directory site-check

## make site-check: the published sample site in the tools its readers use: the Nu Html Checker,
## a link check, feedparser, JSON-LD, headless Chromium (countdown, console, phone width, keyboard,
## axe-core), page weight. Screenshots go to screenshots/.
VENV        := .venv
CHECKS      := Tests/SiteChecks
CHECKS_PY   := $(VENV)/bin/python
CHECKS_DONE := $(VENV)/.site-checks-$(shell cksum < $(CHECKS)/requirements.txt | cut -d' ' -f1)

site-check: $(LIFTOFF) $(CHECKS_DONE) | site-check-deps
	$(CHECKS_PY) -m pytest -p no:cacheprovider -q -rA --tb=short $(CHECKS)

## Debian packages of the site checks (a browser, its driver, a Java runtime for the validator),
## installed only when missing.
site-check-deps:
	@missing=""; \
	command -v chromium >/dev/null || missing="$$missing chromium"; \
	command -v chromedriver >/dev/null || missing="$$missing chromium-driver"; \
	command -v java >/dev/null || missing="$$missing default-jre-headless"; \
	command -v tesseract >/dev/null || missing="$$missing tesseract-ocr"; \
	command -v rsync >/dev/null || missing="$$missing rsync"; \
	command -v strace >/dev/null || missing="$$missing strace"; \
	python3 -c 'import ensurepip, venv' 2>/dev/null || missing="$$missing python3-venv"; \
	if [ -n "$$missing" ]; then \
		echo "Installing$$missing"; \
		$(SUDO) apt-get update -qq && $(SUDO) apt-get install -y -qq $$missing >/dev/null \
		|| { echo "Could not install$$missing: install them with apt-get as root." >&2; exit 1; }; \
	fi

## PyPI packages of the site checks, in the git-ignored .venv/; the stamp names the requirements'
## checksum, so a warm run installs nothing and a changed list installs again.
$(CHECKS_DONE): $(CHECKS)/requirements.txt | site-check-deps
	@[ -x $(CHECKS_PY) ] || python3 -m venv $(VENV)
	$(CHECKS_PY) -m pip install -q --disable-pip-version-check -r $(CHECKS)/requirements.txt
	$(CHECKS_PY) -m pip install -q --disable-pip-version-check --no-deps --ignore-requires-python axe-selenium-python==3.0.0
	@rm -f $(VENV)/.site-checks-*
	@touch $@

## make check: report every problem in the site without publishing
check: $(LIFTOFF)
	@"$$LIFTOFF" check --source .

## make new TITLE="…": start a draft article in content/ (SITE=folder: in another site's)
TITLE ?=
SITE  ?= .
export TITLE SITE
new: $(LIFTOFF)
	@if [ -z "$$TITLE" ]; then echo 'usage: make new TITLE="Your title"' >&2; exit 2; fi
	@"$$LIFTOFF" new --source "$$SITE" -- "$$TITLE"

## make deploy DEPLOY_TARGET=user@host:/var/www/site (or a folder): publish, then copy output/ there
## with rsync (tools/deploy.sh). Deleted there: only what the previous deploy published (listed in
## the target's .liftoff-deploy) that the site no longer has; nothing else, ever. Refused, with
## nothing copied: a failed build; a target starting with '-'; a local folder that is not empty and
## holds no .liftoff-deploy; a local folder that is output/, lies inside it or holds it.
DEPLOY_TARGET ?=
export DEPLOY_TARGET
deploy: site
	@command -v rsync >/dev/null || { echo "Installing rsync"; $(SUDO) apt-get install -y -qq rsync >/dev/null; }
	@tools/deploy.sh output "$$DEPLOY_TARGET"

## make serve: preview on http://127.0.0.1:8000/ (PORT=…), rebuilt and reloaded on every save
PORT ?= 8000
export PORT
serve: $(LIFTOFF)
	@"$$LIFTOFF" serve --source . --port "$$PORT"

## make bench: Liftoff against Hugo and the cmark-gfm CLI on 1,000 and 10,000 synthetic articles
## (BENCH_SIZES, BENCH_RUNS); prints the table and writes BENCHMARKS.md
bench: $(LIFTOFF)
	bash bench/run.sh

## make fuzz: libFuzzer over front matter, Markdown and components for FUZZ_SECONDS (300);
## a crashing input is saved in Fuzz/regressions/, which the tests replay.
FUZZ_SECONDS ?= 300
export FUZZ_SECONDS
fuzz: deps
	"$$SWIFT" build --product liftoff-fuzz -Xswiftc -sanitize=fuzzer -Xswiftc -DLIFTOFF_FUZZ --scratch-path .build-fuzz
	@mkdir -p .build-fuzz/corpus
	.build-fuzz/debug/liftoff-fuzz .build-fuzz/corpus Fuzz/corpus -max_total_time="$$FUZZ_SECONDS" \
		-max_len=65536 -timeout=10 -artifact_prefix=Fuzz/regressions/ -print_final_stats=1

clean:
	rm -rf .build .build-fuzz output .output.liftoff-*
