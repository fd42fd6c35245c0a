# maskremoval: the README's commands. `make demo` and `make test` do all the set-up on a fresh machine.
SHELL := /bin/bash
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
SHARED ?= ../shared/data
export MASKREMOVAL_DATA ?= $(CURDIR)/data
# torch threads that spin while waiting make a busy 2-core machine 10-100x slower
export OMP_WAIT_POLICY ?= PASSIVE

.PHONY: help venv data browser test demo lab bench export reports clean-cache
help:
	@echo "make demo    set up, get the data and run the demo (outputs in reports/demo/)"
	@echo "make test    set up, check the notebooks are clean and exported, run every test"
	@echo "make lab     open JupyterLab in the project's environment"
	@echo "make bench   print landmark throughput and the remove tool's frames/s per stage, end to end, peak memory"
	@echo "make reports regenerate the paper's tables in reports/ (PROFILE=tiny for a quick pass into reports/runs/tiny/)"
	@echo "make data    link $(SHARED) into data/, or download GRID when it is absent"
	@echo "make export  export the notebooks to maskremoval/, clean them, render README.md"
	@echo "make browser install Chromium's headless shell (Debian, apt) for the reports' browser test"

$(BIN)/.installed: requirements.txt requirements-nodeps.txt settings.ini setup.py
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install -q --upgrade pip
	$(BIN)/python -m pip install -q -r requirements.txt
	$(BIN)/python -m pip install -q --no-deps -r requirements-nodeps.txt
	$(BIN)/python -m pip install -q --no-deps -e .
	touch $@

venv: $(BIN)/.installed

data: venv
	$(BIN)/maskremoval data --shared "$(SHARED)"

PROFILE ?= cpu
reports: venv data
	$(BIN)/maskremoval reports --profile $(PROFILE)

export: venv
	$(BIN)/nbdev_export
	$(BIN)/nbdev_clean
	$(BIN)/python tools/render_readme.py

# the reports' browser test opens reports/index.html in Chromium's headless shell (Debian package, about 100 MB)
BROWSER_PKG := chromium-headless-shell
SUDO := $(if $(filter 0,$(shell id -u)),,sudo)
browser:
	@command -v chromium-headless-shell >/dev/null || command -v chromium >/dev/null || \
	  { $(SUDO) apt-get install -y -q --no-install-recommends $(BROWSER_PKG) >/dev/null 2>&1 || \
	    { $(SUDO) apt-get update -q >/dev/null && $(SUDO) apt-get install -y -q --no-install-recommends $(BROWSER_PKG) >/dev/null; }; }
	@command -v chromium-headless-shell || command -v chromium || \
	  { echo 'make browser: could not install $(BROWSER_PKG) with apt; install Chromium by hand' >&2; exit 1; }

test: venv data browser
	$(BIN)/python tools/check_nbdev.py
	$(BIN)/python tools/run_tests.py

demo: venv data
	mkdir -p reports/demo
	$(BIN)/maskremoval landmarks "$(MASKREMOVAL_DATA)/demo/obama_weekly_address.mp4" reports/demo/landmarks.mp4 --overwrite
	$(BIN)/maskremoval demo --out reports/demo

bench: venv data
	$(BIN)/maskremoval bench
	$(BIN)/maskremoval bench-remove

lab: venv data
	$(BIN)/jupyter lab --notebook-dir=nbs

clean-cache:
	rm -rf "$(MASKREMOVAL_DATA)/cache"
