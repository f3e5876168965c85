#!/usr/bin/env bash
# Runs cargo for wasm32-unknown-unknown with the toolchain scripts/setup.sh picked.
#   scripts/wasm-cargo.sh SUBCOMMAND [ARGS...]
#   e.g. scripts/wasm-cargo.sh clippy --lib --tests -- -D warnings
set -euo pipefail
cd "$(dirname "$0")/.."
cargo_bin=${CARGO_HOME:-$HOME/.cargo}/bin # where `cargo install` puts wasm-bindgen
case ":$PATH:" in *":$cargo_bin:"*) ;; *) export PATH="$cargo_bin:$PATH" ;; esac
[ -f target/.wasm-toolchain.env ] || scripts/setup.sh >&2
. target/.wasm-toolchain.env
sub=$1
shift
# shellcheck disable=SC2086 # WASM_CARGO_FLAGS is a list of flags
exec $WASM_CARGO "$sub" $WASM_CARGO_FLAGS "$@"
