# Two commands set everything up: `make run` and `make test`.
PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
PORT   ?= 8501
CLUSTER_PORT ?= 8080
CLUSTER_ADDRESS ?= 127.0.0.1
REPLICAS ?= 3
SYSTEM_PACKAGES := chromium fonts-dejavu-core fonts-droid-fallback poppler-utils haproxy

.PHONY: run cluster test lint validate bench bench-cluster system-deps clean

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

# Serves this machine only (server.address in .streamlit/config.toml); see docs/deploy.md to serve a network.
run: $(VENV)/.stamp-app
	$(BIN)/python -m decision_aid validate
	$(BIN)/streamlit run serve.py --server.port $(PORT)

# REPLICAS app processes on loopback behind HAProxy on CLUSTER_ADDRESS:CLUSTER_PORT, in the foreground.
cluster: $(VENV)/.stamp-app
	$(BIN)/python -m decision_aid validate
	$(BIN)/python -m deploy.cluster --port $(CLUSTER_PORT) --replicas $(REPLICAS) --address $(CLUSTER_ADDRESS) \
	  $(if $(FRAME_ANCESTORS),--frame-ancestors "$(FRAME_ANCESTORS)")

# Browser tests drive Debian's Chromium; PDF checks use poppler, DejaVu and the Droid fallback font (Chinese,
# Japanese and Korean on the handout); the cluster test runs HAProxy.
system-deps:
	@missing=""; \
	command -v chromium >/dev/null 2>&1 || missing="$$missing chromium"; \
	command -v pdftoppm >/dev/null 2>&1 || missing="$$missing poppler-utils"; \
	PATH="$$PATH:/usr/sbin" command -v haproxy >/dev/null 2>&1 || missing="$$missing haproxy"; \
	[ -f /usr/share/fonts/truetype/dejavu/DejaVuSans.ttf ] || missing="$$missing fonts-dejavu-core"; \
	[ -f /usr/share/fonts-droid-fallback/truetype/DroidSansFallback.ttf ] || missing="$$missing fonts-droid-fallback"; \
	if [ -n "$$missing" ]; then \
	  if [ "$$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1; then \
	    echo "Installing system packages:$$missing"; \
	    apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq $(SYSTEM_PACKAGES) >/dev/null; \
	  else \
	    echo "Missing system packages:$$missing. Install them (Debian: sudo apt-get install $(SYSTEM_PACKAGES)) and run make test again."; \
	    exit 1; \
	  fi; \
	fi

# mypy reads its files and strictness from [tool.mypy] in pyproject.toml.
lint: $(VENV)/.stamp-test
	$(BIN)/ruff check .
	$(BIN)/mypy

validate: $(VENV)/.stamp-app
	$(BIN)/python -m decision_aid validate

# Two workers, one test file each at a time: browser tests mostly wait on a page, so two
# share a 2-core machine well and the suite stays within about 10 minutes.
test: system-deps $(VENV)/.stamp-test lint validate
	$(BIN)/python -m pytest -n 2 --dist loadfile --durations=10

# BASE=<git revision> also serves the app as it was then, measured in the same run.
bench: $(VENV)/.stamp-test
	$(BIN)/python -m tests.bench $(if $(BASE),--base $(BASE))

# Concurrent Chromium sessions against `make cluster` on loopback: minutes, not seconds.
bench-cluster: system-deps $(VENV)/.stamp-test
	$(BIN)/python -m tests.bench.cluster_load

clean:
	rm -rf $(VENV) artifacts .pytest_cache .ruff_cache .hypothesis
