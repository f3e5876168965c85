#!/usr/bin/env bash
# Builds the wasm package into www/pkg/: release cargo build for wasm32, then wasm-bindgen.
set -euo pipefail
cd "$(dirname "$0")/.."
cargo_bin=${CARGO_HOME:-$HOME/.cargo}/bin # where `cargo install` puts wasm-bindgen
case ":$PATH:" in *":$cargo_bin:"*) ;; *) export PATH="$cargo_bin:$PATH" ;; esac
out=www/pkg

# cargo names the .wasm it produced (or found fresh) in its JSON messages.
wasm=$(scripts/wasm-cargo.sh build --release --lib --message-format=json-render-diagnostics |
    grep -o '"[^"]*\.wasm"' | tail -n 1 | tr -d '"')
[ -f "$wasm" ] || { echo "greymatter: error: cargo produced no .wasm (is crate-type cdylib?)" >&2; exit 1; }

# The name section only names functions for debuggers (panic messages come from the
# panic hook, not from it): leaving it out saves a sixth of the download.
wasm-bindgen --target web --remove-name-section --remove-producers-section \
    --out-dir "$out" --out-name greymatter "$wasm"
bytes=$(wc -c <"$out/greymatter_bg.wasm")
gzipped=$(gzip -9c "$out/greymatter_bg.wasm" | wc -c)
echo "greymatter: $out/greymatter_bg.wasm $bytes bytes, $gzipped gzipped"
