# Deep Learning Foundations: `make book` builds the site, `make test` runs every test.
# Both create .venv and install everything they need on first use.

PYTHON ?= $(shell command -v python3.11 || command -v python3)
VENV   := .venv
PY     := $(VENV)/bin/python
STAMP  := $(VENV)/.installed
# MyST notebooks: the pages that carry a kernelspec (index and reference pages do not).
NOTEBOOKS = $(shell grep -rl --include='*.md' '^kernelspec:' book | sort)

.PHONY: help setup system book book-check nbval lint unit test lab serve clean

help:
	@echo "make book   build the site into _build/html"
	@echo "make test   lint, unit and grading tests, every notebook (nbval), the site (-W), browser tests"
	@echo "make lab    open the notebooks in JupyterLab (the .md pages open as notebooks)"
	@echo "make serve  serve _build/html on http://localhost:8000"

$(PY):
	$(PYTHON) -m venv $(VENV)

$(STAMP): pyproject.toml | $(PY)
	$(PY) -m pip install --quiet --upgrade pip
	$(PY) -m pip install --quiet -e ".[book,test]"
	touch $(STAMP)

setup: $(STAMP) system

system: $(STAMP)
	@PY=$(PY) NEED_BROWSER=$(NEED_BROWSER) bash tools/system-deps.sh

book: setup
	$(VENV)/bin/jupyter-book build . -W -n --keep-going

lint: $(STAMP)
	$(PY) -m ruff check .

unit: setup
	$(PY) -m pytest tests --ignore=tests/site

nbval: setup
	rm -rf _build/nbval
	@for nb in $(NOTEBOOKS); do \
	  mkdir -p _build/nbval/$$(dirname $$nb) && \
	  $(VENV)/bin/jupytext --quiet --to ipynb --output _build/nbval/$${nb%.md}.ipynb $$nb || exit 1; \
	done
	$(PY) -m pytest --nbval-lax -p no:cacheprovider --rootdir=_build/nbval _build/nbval

test: NEED_BROWSER = 1
test: setup
	$(MAKE) lint
	$(MAKE) unit
	$(MAKE) nbval
	$(MAKE) book
	$(PY) -m pytest tests/site

# jupytext opens the .md pages as notebooks; the override makes that the default on double-click.
LAB_OVERRIDES := $(VENV)/share/jupyter/lab/settings/overrides.json
lab: setup
	@mkdir -p $(dir $(LAB_OVERRIDES))
	@echo '{"@jupyterlab/docmanager-extension:plugin": {"defaultViewers": {"markdown": "Jupytext Notebook", "myst": "Jupytext Notebook"}}}' > $(LAB_OVERRIDES)
	$(VENV)/bin/jupyter lab --notebook-dir=. $$( [ "$$(id -u)" = 0 ] && echo --allow-root )

serve:
	@test -f _build/html/index.html || { echo "No site yet: run make book first"; exit 1; }
	$(PY) -m http.server 8000 --bind 127.0.0.1 --directory _build/html

clean:
	rm -rf _build
