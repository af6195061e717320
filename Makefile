# Deep Learning Foundations: `make book` builds the site, `make test` runs every test.
# Both create .venv and install everything they need on first use.

SHELL  := /bin/bash
PYTHON ?= $(shell command -v python3.11 || command -v python3)
VENV   := .venv
PY     := $(VENV)/bin/python
STAMP  := $(VENV)/.installed
# MyST notebooks: the pages that carry a kernelspec (index and reference pages do not).
NOTEBOOKS = $(shell grep -rl --include='*.md' '^kernelspec:' book | sort)

.PHONY: help setup system book book-from-cache nbval lint unit test lab serve clean
# instructor-only >>> (python -m coursekit release leaves these lines out of the edition)
.PHONY: edition-test
# <<< instructor-only

help:
	@echo "make setup  create .venv and install what the course needs (book and test do it too)"
	@echo "make book   build the site into _build/html"
	@echo "make test   lint, unit and grading tests, every notebook (nbval), the site (-W), browser tests"
# instructor-only >>>
	@echo "make edition-test   the student edition (python -m coursekit release) passes its own make test"
# <<< instructor-only
	@echo "make lab    open the notebooks in JupyterLab (the .md pages open as notebooks)"
	@echo "make serve  serve _build/html on http://localhost:8000"

$(PY):
	$(PYTHON) -m venv $(VENV)

$(STAMP): pyproject.toml | $(PY)
	$(PY) -m pip install --quiet --upgrade pip
	$(PY) -m pip install --quiet -e ".[book,test]"
	touch $(STAMP)

setup: $(STAMP) system

# SYSTEM_CHECKED=1: already checked by the make that calls this one (a check imports torch, 3 s).
system: $(STAMP)
	@$(if $(SYSTEM_CHECKED),true,PY=$(PY) NEED_BROWSER=$(NEED_BROWSER) bash tools/system-deps.sh)

book: setup
	$(VENV)/bin/jupyter-book build . -W -n --keep-going

# The stubs in exercises/ are linted in the instructor's copy; in the student edition they hold
# the learner's answers, which `coursekit check` grades: a style rule (import order, an unused
# name) there must not stop `make test` before its first test.
# instructor-only >>>
LINT_EXERCISES := 1
# <<< instructor-only
lint: $(STAMP)
	$(PY) -m ruff check . $(if $(LINT_EXERCISES),,--extend-exclude exercises)

# Two pytest-xdist workers, a test file each at a time (a file's fixtures are made once).
# instructor-only >>>
# The student edition that test_release*.py read is built once for both workers.
# <<< instructor-only
# -p no:nbval: the unit and browser tests execute no notebook, and nbval's plugin, which pytest
# loads in every process, imports nbformat and jsonschema (about 2 s of CPU a process).
NO_NBVAL := -p no:nbval
unit: setup
	$(PY) -m pytest $(NO_NBVAL) tests --ignore=tests/site -n 2 --dist loadfile --durations=12

# nbval executes and checks every page once; tools/nbval_cache.py files the executed pages in
# _build/.jupyter_cache, where the book build (execute_notebooks: cache) finds them.
# Two pytest-xdist workers, a page each at a time (loadfile: a page's cells share one kernel),
# the longest pages first (tools/nbval_cache.py orders them by their last time in the cache),
# and one torch thread per kernel: two kernels already keep both cores busy, and the heavy
# pages set one thread themselves. NBVAL_WORKERS=0 runs the pages one by one.
# Warm kernels (tools/warm_kernel.py): each page's kernel is forked from a server, started for
# this run only, that has imported ipykernel, torch (and torch._dynamo), matplotlib and
# coursekit once, instead of importing them again (about 4 s a page); a kernel spec private to
# this run selects it, so a learner's kernel stays python3. NBVAL_WARM=0 starts normal kernels.
NBVAL_WORKERS ?= 2
NBVAL_WARM ?= 1
nbval: setup
	rm -rf _build/nbval
	$(PY) tools/convert_pages.py _build/nbval $(NOTEBOOKS)
	OMP_NUM_THREADS=1 $(PY) -m pytest --nbval-lax -p no:cacheprovider -p tools.nbval_cache \
	  $(if $(filter 1,$(NBVAL_WARM)),-p tools.warm_kernel) \
	  --rootdir=_build/nbval -n $(NBVAL_WORKERS) --dist loadfile --no-loadscope-reorder \
	  _build/nbval

# Each phase prints its time; the book build must find every page in nbval's cache.
test: NEED_BROWSER = 1
test: setup
	@mkdir -p _build && rm -f _build/phases.txt
	@bash tools/phase lint $(MAKE) lint SYSTEM_CHECKED=1
	@bash tools/phase unit $(MAKE) unit SYSTEM_CHECKED=1
	@bash tools/phase nbval $(MAKE) nbval SYSTEM_CHECKED=1
	@bash tools/phase book $(MAKE) book-from-cache SYSTEM_CHECKED=1
	@bash tools/phase browser $(PY) -m pytest $(NO_NBVAL) tests/site -n 2 --dist loadscope
	@cat _build/phases.txt

# instructor-only >>>
# The student edition (python -m coursekit release) passes its own `make test` (make unit runs
# tests/grading/test_release.py: no answer in it, check works there). It is written outside the
# repository and borrows this .venv (a link; -o: never reinstall into it), with PYTHONPATH set
# so that it, and the kernels nbval starts, import the edition's coursekit (the warm kernels'
# server too: it is started with that PYTHONPATH, and forks only for kernels with its sys.path).
# First, test_edition_hints.py grades every mutant here and in an edition that recorded no
# mutant's run (release --no-mutants): the same messages.
edition-test: setup
	@tmp=$$(mktemp -d) && trap 'rm -rf "$$tmp"' EXIT && \
	  $(PY) -m coursekit release "$$tmp/edition" && \
	  $(PY) -m coursekit release --no-mutants "$$tmp/quick" && \
	  COURSEKIT_EDITION="$$tmp/quick" $(PY) -m pytest $(NO_NBVAL) -q -n 2 \
	    tests/grading/test_edition_hints.py && \
	  ln -s "$(CURDIR)/$(VENV)" "$$tmp/edition/$(VENV)" && \
	  PYTHONPATH="$$tmp/edition" $(MAKE) -C "$$tmp/edition" -o $(STAMP) test
# <<< instructor-only

# The book build after nbval: fails if it had to execute a page instead of using the cache.
book-from-cache: setup
	$(VENV)/bin/jupyter-book build . -W -n --keep-going 2>&1 | tee _build/book.log; \
	  test $${PIPESTATUS[0]} -eq 0
	@echo "book: of the pages this build re-read, $$(grep -c "Using cached notebook" _build/book.log) came from nbval's cache," \
	  "$$(grep -c 'Executing notebook' _build/book.log) executed"
	@! grep -q 'Executing notebook' _build/book.log || \
	  { echo "the book build executed pages that nbval had executed: cache miss"; exit 1; }

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
