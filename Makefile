# The two commands a newcomer needs: `make book` and `make test`.
# Everything else is set up on demand: the virtual environment from the pinned requirements,
# the analysis package (editable), and, for the browser tests, Debian's Chromium and axe-core.

SHELL := /bin/bash
.SHELLFLAGS := -eu -o pipefail -c
PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
STAMP  := $(VENV)/.installed
# DATA: the data package to build from (its datapackage.json or its folder). The repository's own
# data/ builds into _build; any other package into a folder of its own, named after its path.
# An empty DATA= is the same as no DATA. Paths may hold spaces or quotes: every use is quoted.
ifeq ($(strip $(DATA)),)
override DATA := data/datapackage.json
endif
# $(call quote,VALUE): VALUE in single quotes for the shell.
quote   = '$(subst ','\'',$(1))'
DATA_Q  := $(call quote,$(DATA))
DATA_DIR := $(shell d=$(DATA_Q); d="$${d%/}"; d="$${d%/datapackage.json}"; cd -- "$$d" 2>/dev/null && pwd || printf '%s' "$$d")
ifeq ($(DATA_DIR),$(abspath data))
OUT    ?= _build
else
OUT    ?= _build/data-$(shell printf '%s' $(call quote,$(DATA_DIR)) | sha256sum | cut -c1-10)
endif
HOST   ?= 127.0.0.1
PORT   ?= 8000
JOBS   ?= 1

.PHONY: book test test-fast serve clean env validate help vendor browser lock lab-env lab

help:
	@echo "make book   build the HTML site into $(OUT)/html (DATA=path/to/datapackage.json for other data)"
	@echo "make test   run the test suite (unit, data, build, browser), the book built once"
	@echo "make test-fast  unit, data and corpus tests without building the book, ruff and the import contract"
	@echo "make lock   recompile requirements.txt (and requirements-lab.txt) from the requirements.in files"
	@echo "make release VERSION=X.Y.Z  test, set the version, build site and PDF, write dist/, tag vX.Y.Z"
	@echo "make pdf    build the PDF edition into $(OUT)/pdf/"
	@echo "make zenodo write .zenodo.json from CITATION.cff"
	@echo "make lab    JupyterLab on 127.0.0.1, the chapters open as notebooks (DATA=path for other data)"
	@echo "make site   every release side by side in _build/site (DEV=1 adds the working tree under /dev/)"
	@echo "make serve  preview the built site on http://$(HOST):$(PORT)/"
	@echo "make clean  remove the builds and caches (keeps .venv)"
	@echo "make vendor refresh the Vega libraries in book/_static/vendor from package-lock.json"

# The environment is rebuilt when it is missing or older than the pinned requirements.
$(STAMP): requirements.txt pyproject.toml
	rm -rf $(VENV)
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --no-deps -r requirements.txt
	$(BIN)/python -m pip install --quiet --no-deps --no-build-isolation -e .
	$(BIN)/python -m pip check
	touch $(STAMP)

env: $(STAMP)

validate: $(STAMP)
	$(BIN)/python -m trata validate $(DATA_Q)

book: $(STAMP)
	$(BIN)/python -m trata build --data $(DATA_Q) --out $(call quote,$(OUT)) --jobs $(JOBS)

test: $(STAMP) browser
	$(BIN)/python -m pytest

# No Sphinx build: unit, data and corpus tests, the linter and the layers contract.
test-fast: $(STAMP)
	$(BIN)/ruff check trata tests bench
	$(BIN)/lint-imports
	$(BIN)/python -m pytest -m "not build and not browser and not slow"

# The lock: requirements.in (the direct dependencies, also in pyproject.toml) compiled by pip-tools
# into requirements.txt, each pin with the package that pulled it in. Pins already in the lock are
# kept unless the resolver needs another version.
PIP_COMPILE = $(BIN)/pip-compile --quiet --allow-unsafe --strip-extras --no-emit-index-url --no-emit-find-links
lock: $(STAMP)
	$(PIP_COMPILE) --output-file requirements.txt requirements.in
	$(PIP_COMPILE) --output-file requirements-lab.txt requirements-lab.in

# JupyterLab, in an environment of its own (see requirements-lab.in): `.venv-lab/bin/jupyter lab`.
lab-env: requirements-lab.txt
	rm -rf .venv-lab
	$(PYTHON) -m venv .venv-lab
	.venv-lab/bin/python -m pip install --quiet --no-deps -r requirements-lab.txt
	.venv-lab/bin/python -m pip check

# JupyterLab on the chapters: the server (and Jupytext, which opens each MyST chapter as a notebook
# and saves it back as MyST) from .venv-lab, the kernels from the project's environment, named
# "python3" as in the chapters' headers, on DATA (exported as TRATA_DATA). Token authentication
# stays on: open the URL with the token that the server prints. Settings: jupyter/, jupytext.toml.
LAB_PORT ?= 8888
# Jupyter refuses to run as root unless told; in a container where one works as root, it is told.
LAB_ROOT := $(if $(filter 0,$(shell id -u)),--allow-root)
lab: $(STAMP)
	@test -x .venv-lab/bin/jupyter-lab || $(MAKE) lab-env
	$(BIN)/python -m ipykernel install --prefix $(VENV) --name python3 --display-name "Python 3" > /dev/null
	$(BIN)/python -m trata validate $(DATA) || true
	JUPYTER_PATH=$(abspath $(VENV))/share/jupyter JUPYTER_CONFIG_PATH=$(abspath jupyter) TRATA_DATA=$(DATA_DIR) \
	  .venv-lab/bin/jupyter lab --ServerApp.port=$(LAB_PORT) --ServerApp.root_dir=$(CURDIR) $(LAB_ROOT)

# Browser tests: Debian's Chromium and axe-core (pinned in package-lock.json), installed when missing.
browser:
	@test -x /usr/bin/chromium || { apt-get update -qq && apt-get install -y -qq chromium; }
	@test -f node_modules/axe-core/axe.min.js || npm ci --no-audit --no-fund

# Refresh the JavaScript the site serves itself from the versions pinned in package-lock.json.
vendor:
	npm ci --no-audit --no-fund
	for p in vega vega-lite vega-embed; do \
	  cp node_modules/$$p/build/$$p.min.js book/_static/vendor/; \
	  cp node_modules/$$p/LICENSE book/_static/vendor/LICENSE-$$p.txt; done

serve: $(STAMP)
	@test -d $(OUT)/html || { echo "no site at $(OUT)/html: run 'make book' first"; exit 1; }
	$(BIN)/python -m http.server --bind $(HOST) --directory $(OUT)/html $(PORT)

# Releases and the PDF edition (trata/release.py). The PDF is printed by Debian's Chromium.
.PHONY: release pdf zenodo
CHROMIUM ?= /usr/bin/chromium
RELEASE_ARGS ?=

# The release runs the whole test suite first, browser tests included: it needs what `make test` needs.
release: $(STAMP) browser
	@test -n "$(VERSION)" || { echo "usage: make release VERSION=X.Y.Z"; exit 2; }
	$(BIN)/python -m trata.release release $(VERSION) $(RELEASE_ARGS)

pdf: $(STAMP)
	@test -x $(CHROMIUM) || { apt-get update -qq && apt-get install -y -qq chromium; }
	$(BIN)/python -m trata.release pdf --out $(call quote,$(OUT))

zenodo: $(STAMP)
	$(BIN)/python -m trata.release zenodo

# Every release side by side in _build/site (/vX.Y.Z/, /latest/, and /dev/ with DEV=1).
.PHONY: site
site: $(STAMP)
	@test -x $(CHROMIUM) || { apt-get update -qq && apt-get install -y -qq chromium; }
	$(BIN)/python -m trata.site $(if $(DEV),--dev,)

clean:
	rm -rf _build dist artifacts conf.py .pytest_cache

.PHONY: bench
bench: $(STAMP)
	$(BIN)/python bench/run.py
