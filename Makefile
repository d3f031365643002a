# PyTorch Pitfalls. Quick start: `make lab` (learn) and `make test` (check everything).
SHELL := /bin/bash
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
PY := $(BIN)/python
STAMP := $(VENV)/.installed
# nbgrader starts `alembic` and `jupyter` as programs: the environment's bin/ comes first.
export PATH := $(CURDIR)/$(BIN):$(PATH)

SUBMISSIONS ?= autograde/sample_class
OUT ?= build/grading
SCHEDULER ?=
NB ?=
PYTEST_ARGS ?=
LAB_ARGS ?=

.DEFAULT_GOAL := help
.PHONY: help install lab lab-instructor test test-fast test-browser lint release student-kit validate autograde grading-worker bench \
	pictures clean

help: ## list the targets
	@grep -E '^[a-z-]+:.*## ' $(MAKEFILE_LIST) | awk -F':.*## ' '{printf "  make %-15s %s\n", $$1, $$2}'

install: $(STAMP) ## create .venv and install the pinned requirements (seconds when up to date)

$(STAMP): requirements.txt requirements-cluster.txt requirements-dev.txt pyproject.toml
	test -x $(PY) || $(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --upgrade pip setuptools
	$(PY) -m pip install --quiet torch==2.13.0
	$(PY) -m pip install --quiet -r requirements.txt -r requirements-cluster.txt -r requirements-dev.txt
	$(PY) -m pip install --quiet --no-deps --no-build-isolation -e .
	@# jsonschema's optional IRI format check, pulled in by jupyter-events, builds a grammar parser when
	@# imported: 2 s in every process that reads a notebook (nbformat imports jsonschema). Nothing here
	@# checks IRI formats, and jsonschema skips that check when the package is absent.
	$(PY) -m pip uninstall --quiet --yes rfc3987-syntax
	@command -v bwrap > /dev/null || echo "note: grading fences learner code in with bubblewrap, which is missing: sudo apt-get install bubblewrap"
	touch $@

# The server imports pitfalls.lab (Validate, the save hook) from this checkout.
JUPYTER_LAB := PYTHONPATH=$(CURDIR) $(CURDIR)/$(BIN)/jupyter lab $(if $(filter 0,$(shell id -u)),--allow-root)

lab: install ## open JupyterLab on the student notebooks, as a learner sees it
	$(JUPYTER_LAB) --config=lab/student_config.py $(LAB_ARGS)

lab-instructor: install ## JupyterLab on the whole course with nbgrader's Formgrader and Create Assignment
	$(JUPYTER_LAB) --config=lab/instructor_config.py $(LAB_ARGS)

# The lessons' tensors are tiny: torch's intra-op threads only contend. On a loaded 2-core machine lesson 04
# ran in 19.4 s with two threads and 3.1 s with one, so kernels use one (grading workers do too); a
# learner or presenter who sets OMP_NUM_THREADS keeps theirs.
lab lab-instructor: export OMP_NUM_THREADS ?= 1
test test-fast test-browser: export OMP_NUM_THREADS = 1

test: install ## run the whole test suite (lint, units, notebooks, real nbgrader grading, browser)
	$(BIN)/ruff check pitfalls autograde tests bench
	$(PY) -m pytest $(PYTEST_ARGS)

test-fast: install ## for authors, under 2 minutes: lint, units, notebook drift, one lesson graded [LESSON=…, default the last]
	$(BIN)/ruff check pitfalls autograde tests bench
	$(PY) -m pytest -m "not slow" --lesson $(or $(LESSON),$(shell $(PY) -c "from pitfalls.course import lessons; print(list(lessons())[-1])")) $(PYTEST_ARGS)

test-browser: install ## the browser suite alone: every notebook in real JupyterLab + headless Debian chromium
	$(PY) -m pytest tests/test_browser.py $(PYTEST_ARGS)

lint: install ## ruff over the code
	$(BIN)/ruff check pitfalls autograde tests bench

release: install ## regenerate notebooks/ from solutions/ with nbgrader
	$(PY) -m autograde.release

student-kit: install ## what learners get: build/student-kit/ (no solutions, no hidden tests) and a zip per lesson
	$(PY) -m autograde.kit

validate: install ## self-check one notebook: make validate NB=notebooks/01_leaf_tensors/01_leaf_tensors.ipynb
	@test -n "$(NB)" || { echo "usage: make validate NB=path/to/notebook.ipynb" >&2; exit 2; }
	$(PY) -m pitfalls.validate "$(NB)"

autograde: install ## grade a class: make autograde SUBMISSIONS=dir|lms.zip [OUT=build/grading] [JOBS=n] [REGRADE=1] [SCHEDULER=tcp://host:8786]
	$(PY) -m autograde.grade "$(SUBMISSIONS)" --out "$(OUT)" $(if $(JOBS),--jobs $(JOBS)) $(if $(filter 1,$(REGRADE)),--regrade) \
		$(if $(SCHEDULER),--scheduler $(SCHEDULER))

# A Dask worker that grades: this checkout importable (the grading code), the environment's bin/ on PATH (nbgrader
# starts alembic). One process per host with one thread per grading slot: one per core plus one, as locally.
grading-worker: install ## serve a Dask cluster as a grading worker: make grading-worker SCHEDULER=tcp://host:8786 [JOBS=n]
	@test -n "$(SCHEDULER)" || { echo "usage: make grading-worker SCHEDULER=tcp://host:8786 [JOBS=n]" >&2; exit 2; }
	PYTHONPATH=$(CURDIR) $(BIN)/dask worker $(SCHEDULER) --nworkers 1 \
		--nthreads $(or $(JOBS),$(shell $(PY) -c "from autograde.pool import default_jobs; print(default_jobs())"))

bench: install ## measure lessons, memory, grading (local, Dask, stock nbgrader), redraw [STUDENTS=20] [LESSONS=00,…|all]; writes bench/results.*
	$(PY) -m bench $(if $(STUDENTS),--students $(STUDENTS)) $(if $(LESSONS),--lessons $(LESSONS)) $(if $(JOBS),--jobs $(JOBS))

pictures: install ## redraw the explorer pictures in assets/pictures/ (README, slides)
	$(PY) -m pitfalls.gallery assets/pictures

clean: ## remove build outputs (keeps .venv)
	rm -rf build .pytest_cache .ruff_cache .hypothesis
