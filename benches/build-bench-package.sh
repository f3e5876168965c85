#!/usr/bin/env bash
# Builds greymatter's wasm package with the cargo feature `bench` (the exports only the
# benchmarks use, such as peakMultiplyAdd) into target/bench/pkg, the way
# scripts/build.sh builds the page's package into www/pkg, which stays untouched.
# It compiles in its own cargo target directory (target/bench/cargo), so this build
# and the page's never overwrite each other's .wasm or rebuild each other.
# Without a `bench` feature in Cargo.toml there is nothing to build: compare.mjs then
# measures www/pkg and its own multiply-add loop.
set -euo pipefail
cd "$(dirname "$0")/.."
cargo_bin=${CARGO_HOME:-$HOME/.cargo}/bin # where `cargo install` puts wasm-bindgen
case ":$PATH:" in *":$cargo_bin:"*) ;; *) export PATH="$cargo_bin:$PATH" ;; esac
out=target/bench/pkg

has_feature=$(awk '/^\[/ { section = $0 } section == "[features]" && /^[[:space:]]*bench[[:space:]]*=/ { print "yes" }' Cargo.toml)
if [ "$has_feature" != yes ]; then
    echo "greymatter: Cargo.toml has no feature \`bench\` yet: no bench package (the comparison measures www/pkg)"
    rm -rf "$out"
    exit 0
fi

wasm=$(scripts/wasm-cargo.sh build --release --lib --features bench --target-dir target/bench/cargo \
    --message-format=json-render-diagnostics | grep -o '"[^"]*\.wasm"' | tail -n 1 | tr -d '"')
[ -f "$wasm" ] || { echo "greymatter: error: cargo produced no .wasm for the bench package" >&2; exit 1; }
wasm-bindgen --target web --out-dir "$out" --out-name greymatter "$wasm"
echo "greymatter: $out/greymatter_bg.wasm $(wc -c <"$out/greymatter_bg.wasm") bytes (feature bench)"
