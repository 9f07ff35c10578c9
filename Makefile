# onboard: the front door. `make test` and `make demo` work from a fresh clone on Debian 12,
# as root or with sudo: they install the system packages they need first.

SHELL := /bin/bash
.DEFAULT_GOAL := help

SWIFT ?= swift
PYTHON ?= python3
SUDO := $(shell [ "$$(id -u)" = 0 ] || echo sudo)
# systemd: systemd-analyze for the unit checks, systemd-socket-activate for the socket-activation test.
APT_PACKAGES := libsystemd-dev libsqlite3-dev pkg-config curl systemd
BIN_DIR = $(shell $(SWIFT) build --show-bin-path)
CONTRACT_DIR := .build/contract
SPEC := spec/account-management-v2.openapi.json
VENV := .build-venv
# Undeclared statuses (429, 503, 426, …) are warnings; `make contract-check CONTRACT_FLAGS=` lists them.
CONTRACT_FLAGS ?= --no-warnings

.PHONY: help deps python-deps build test unit-test contract-check check-units cli-docs deb demo demo-api clean

help:
	@echo "make demo   build, start the DC simulator and onboardd, onboard two customers through the spool and onboardctl"
	@echo "make test   install what is missing, build, run every test and the OpenAPI contract check"

## System packages (apt) that the build links against; installed only when missing.
deps:
	@missing=""; for p in $(APT_PACKAGES); do dpkg -s $$p >/dev/null 2>&1 || missing="$$missing $$p"; done; \
	if [ -n "$$missing" ]; then \
	  echo "installing:$$missing"; \
	  $(SUDO) apt-get update -qq && $(SUDO) DEBIAN_FRONTEND=noninteractive apt-get install -y -qq $$missing; \
	fi

## Python packages for the contract check: the system's if it has them, else a venv of our own.
python-deps:
	@if ! $(PYTHON) -c 'import jsonschema, openapi_schema_validator' 2>/dev/null && \
	    ! $(VENV)/bin/python -c 'import jsonschema, openapi_schema_validator' 2>/dev/null; then \
	  $(PYTHON) -m venv $(VENV) 2>/dev/null || { $(SUDO) apt-get update -qq && \
	    $(SUDO) DEBIAN_FRONTEND=noninteractive apt-get install -y -qq python3-venv && rm -rf $(VENV) && $(PYTHON) -m venv $(VENV); }; \
	  $(VENV)/bin/pip install --quiet jsonschema openapi-schema-validator; \
	fi

build: deps
	$(SWIFT) build --build-tests

unit-test: build
	$(SWIFT) test --skip-build --filter 'OnboardCoreTests|DCSimulatorTests|DaemonTests|SystemdTests|OnboardCtlTests'

## Every test, with the integration tests recording their DC traffic for the contract check, then the unit checks.
test: build python-deps
	rm -rf $(CONTRACT_DIR)
	ONBOARD_CONTRACT_DIR=$(CURDIR)/$(CONTRACT_DIR) $(SWIFT) test --skip-build
	$(MAKE) --no-print-directory contract-check
	$(MAKE) --no-print-directory check-units

## The systemd units: `systemd-analyze verify` clean, `systemd-analyze security --offline=yes` at most 2.0.
check-units:
	@command -v systemd-analyze >/dev/null || $(MAKE) --no-print-directory deps
	scripts/check-units.sh

## onboardctl's man page and bash/zsh/fish completions, generated from its argument parser, in out/cli.
cli-docs: deps
	$(SWIFT) build --product onboardctl
	scripts/generate-cli-docs.sh out/cli "$(BIN_DIR)/onboardctl"

## A .deb of onboardd and onboardctl (release build, Swift runtime linked statically) in out/.
deb: deps
	for product in onboardd onboardctl; do \
	  $(SWIFT) build -c release --static-swift-stdlib --scratch-path .build-pkg --product $$product || exit 1; done
	scripts/build-deb.sh "$$($(SWIFT) build -c release --scratch-path .build-pkg --show-bin-path)" out

## The checker's own self-test on hand-made recordings, then the recordings of the integration tests.
contract-check: python-deps
	@py=$(PYTHON); $$py -c 'import jsonschema, openapi_schema_validator' 2>/dev/null || py=$(CURDIR)/$(VENV)/bin/python; \
	PYTHON=$$py scripts/contract-check-selftest.sh $(SPEC) && \
	$$py scripts/contract-check.py --spec $(SPEC) $(CONTRACT_FLAGS) $(CONTRACT_DIR)

## The daemon end to end on the simulator: spool drop, `onboardctl submit --wait`, status, logs, credentials.
demo: deps
	for product in onboard-dcsim onboardd onboardctl; do $(SWIFT) build --product $$product || exit 1; done
	scripts/demo.sh "$(BIN_DIR)"

## The official API sequence replayed with curl against the simulator (no daemon).
demo-api: deps
	$(SWIFT) build --product onboard-dcsim
	scripts/demo-official-sequence.sh "$(BIN_DIR)"

clean:
	rm -rf .build $(VENV)
