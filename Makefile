# Two commands set everything up: `make run` and `make test`.
PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
PORT   ?= 8501
SYSTEM_PACKAGES := chromium fonts-dejavu-core poppler-utils

.PHONY: run test lint validate bench system-deps clean

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip

# Reinstall only when the dependency list changes.
$(VENV)/.stamp-app: pyproject.toml | $(BIN)/python
	$(BIN)/python -m pip install --quiet -e .
	touch $@

$(VENV)/.stamp-test: pyproject.toml | $(BIN)/python
	$(BIN)/python -m pip install --quiet -e '.[test]'
	touch $@ $(VENV)/.stamp-app

run: $(VENV)/.stamp-app
	$(BIN)/python -m decision_aid validate
	$(BIN)/streamlit run app.py --server.port $(PORT)

# Browser tests drive Debian's Chromium; PDF checks use poppler and DejaVu fonts.
system-deps:
	@missing=""; \
	command -v chromium >/dev/null 2>&1 || missing="$$missing chromium"; \
	command -v pdftoppm >/dev/null 2>&1 || missing="$$missing poppler-utils"; \
	[ -f /usr/share/fonts/truetype/dejavu/DejaVuSans.ttf ] || missing="$$missing fonts-dejavu-core"; \
	if [ -n "$$missing" ]; then \
	  if [ "$$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1; then \
	    echo "Installing system packages:$$missing"; \
	    apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq $(SYSTEM_PACKAGES) >/dev/null; \
	  else \
	    echo "Missing system packages:$$missing. Install them (Debian: sudo apt-get install $(SYSTEM_PACKAGES)) and run make test again."; \
	    exit 1; \
	  fi; \
	fi

lint: $(VENV)/.stamp-test
	$(BIN)/ruff check .

validate: $(VENV)/.stamp-app
	$(BIN)/python -m decision_aid validate

test: system-deps $(VENV)/.stamp-test lint validate
	$(BIN)/python -m pytest

# BASE=<git revision> also serves the app as it was then, measured in the same run.
bench: $(VENV)/.stamp-test
	$(BIN)/python -m tests.bench $(if $(BASE),--base $(BASE))

clean:
	rm -rf $(VENV) artifacts .pytest_cache .ruff_cache .hypothesis
