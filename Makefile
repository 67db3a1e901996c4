# Task list: `make demo` builds and serves the sample archive; `make test` runs the tests.
# .ci/run calls `make test`, so CI and developers run the same commands.

PY ?= python3
VENV ?= .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed

.PHONY: install demo archive serve test wheel smoke smoke-check browser ocr bench lint clean

$(STAMP): pyproject.toml
	$(PY) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e ".[test,sample,bench,ocr]"
	touch $(STAMP)

install: $(STAMP)

sample-archive: | $(STAMP)
	$(BIN)/minutes sample --out sample-archive --meetings 300

archive: install sample-archive
	$(BIN)/minutes ingest --db archive.db sample-archive

serve: install
	$(BIN)/minutes serve --db archive.db

demo: archive serve

browser:
	-bash .ci/install-browser

# Tesseract with its Swedish model, Ghostscript, unpaper, antiword, poppler-utils (issue 14);
# says what is missing and goes on when it cannot install (the OCR tests then skip).
ocr:
	-bash .ci/install-ocr

# The browser tests drive the server of the installed wheel (MINUTES_SERVE_BIN), not the checkout.
test: install browser ocr lint wheel
	MINUTES_SERVE_BIN=$(CURDIR)/build/smoke/venv/bin/minutes $(BIN)/python -m pytest -q
	$(MAKE) smoke-check

# ruff (pycodestyle, pyflakes, imports, bugbear, pyupgrade) and mypy, as pyproject.toml configures them.
lint: install
	$(BIN)/ruff check minutes tests benchmarks
	$(BIN)/mypy

# The installed artifact: build the wheel and install it outside the checkout.
wheel: install
	rm -rf build/smoke && mkdir -p build/smoke
	$(BIN)/python -m pip wheel --quiet --no-deps -w build/smoke .
	$(PY) -m venv build/smoke/venv
	build/smoke/venv/bin/python -m pip install --quiet build/smoke/minutes-*.whl

smoke: wheel smoke-check

# Import one file and search it with the plain wheel, then serve a sample archive and request every kind of page.
smoke-check:
	cd build/smoke && venv/bin/minutes --help >/dev/null
	printf '1. Budget\nNämnden noterar informationen.\n' > build/smoke/protokoll.txt
	cd build/smoke && venv/bin/minutes ingest --quiet --db a.db protokoll.txt
	cd build/smoke && venv/bin/minutes search --db a.db --format json budget | grep -q Budget
	# The steps above need no extra; the sample archive served below is written with minutes[sample].
	cd build/smoke && venv/bin/python -m pip install --quiet "$$(ls minutes-*.whl)[sample]"
	cd build/smoke && venv/bin/python $(CURDIR)/tests/smoke_wheel.py

bench: install
	$(BIN)/minutes bench

clean:
	rm -rf $(VENV) sample-archive archive.db archive.db-wal archive.db-shm test-output
