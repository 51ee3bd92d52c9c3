# orggraph — the two set-up commands of the README:
#
#   make demo   set everything up, then run the main job on the bundled sample corpus
#   make test   set everything up, then run the test suite
#
# Set-up (shared by both, idempotent): Debian packages graphviz and fonts-noto-cjk
# (apt-get, only when missing; sudo when not root), the virtual environment .venv
# (created or repaired with `python3 -m venv`) and `pip install -e .[test]`
# (re-run whenever pyproject.toml changes).
SHELL := /bin/bash
.SHELLFLAGS := -eu -o pipefail -c

PYTHON ?= python3
VENV ?= .venv
PY := $(VENV)/bin/python
ORGGRAPH := $(VENV)/bin/orggraph
STAMP := $(VENV)/.orggraph-installed
APT_PACKAGES := graphviz fonts-noto-cjk
DEMO_STORE := out/demo/store.sqlite

.PHONY: demo test setup system-deps test-deps venv clean

# ---------------------------------------------------------------- demo
demo: setup
	@rm -f $(DEMO_STORE)
	$(ORGGRAPH) --store $(DEMO_STORE) load --samples
# --- main job ---
	$(ORGGRAPH) --store $(DEMO_STORE) which 保稅工廠監管 --top 3
	$(ORGGRAPH) --store $(DEMO_STORE) tree
	$(ORGGRAPH) --store $(DEMO_STORE) show 基隆關/稽查組

# ---------------------------------------------------------------- test
test: setup test-deps
# The Neo4j tests start a throwaway server with scripts/neo4j-server (tests/conftest.py);
# its jars come from Maven Central on the first run and are cached in neo4j/lib.
# Browser-facing output is checked in Debian's headless Chromium, driven by Playwright.
	$(PY) -m ruff check .
	$(PY) -m mypy
	$(PY) -m pytest

# What only the tests need, installed on every machine so that the README's test command
# tests everything: Java 17 and Maven for scripts/neo4j-server, Chromium for the browser tests.
# A tool already on PATH (a JDK installed otherwise, say) is used as it is.
test-deps:
	@need=""; \
	command -v java >/dev/null || [ -n "$${JAVA_HOME:-}" ] || need="$$need openjdk-17-jre-headless"; \
	command -v mvn >/dev/null || need="$$need maven"; \
	command -v chromium >/dev/null || need="$$need chromium"; \
	if [ -n "$$need" ]; then $(MAKE) --no-print-directory system-deps APT_PACKAGES="$$need"; fi

# ---------------------------------------------------------------- set-up
setup: system-deps venv

system-deps:
	@missing=""; \
	for pkg in $(APT_PACKAGES); do \
	  dpkg-query -W -f='$${Status}' "$$pkg" 2>/dev/null | grep -q "install ok installed" || missing="$$missing $$pkg"; \
	done; \
	if ! $(PYTHON) -c 'import ensurepip, venv' >/dev/null 2>&1; then missing="$$missing python3-venv"; fi; \
	if [ -z "$$missing" ]; then exit 0; fi; \
	if ! command -v apt-get >/dev/null; then \
	  echo "make: please install:$$missing (no apt-get on this machine)" >&2; exit 1; fi; \
	if [ "$$(id -u)" -eq 0 ]; then sudo=""; \
	elif command -v sudo >/dev/null; then sudo="sudo"; \
	else echo "make: need root or sudo to install:$$missing" >&2; exit 1; fi; \
	echo "make: installing$$missing"; \
	$$sudo apt-get update -qq; \
	$$sudo env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends $$missing

venv: $(STAMP)

$(STAMP): pyproject.toml
	@if ! $(PY) -c 'import sys' >/dev/null 2>&1; then \
	  echo "make: creating $(VENV)"; rm -rf $(VENV); $(PYTHON) -m venv $(VENV); fi
	$(PY) -m pip install --quiet --disable-pip-version-check -e '.[test]'
	@touch $@

clean:
	rm -rf $(VENV) out build *.egg-info
