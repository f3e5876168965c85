#!/usr/bin/env bash
# Makes this machine able to build and test greymatter, installing only what is missing.
#
#   scripts/setup.sh            wasm32 toolchain + wasm-bindgen-cli
#   scripts/setup.sh --browser  the same, plus Debian's chromium (for tests/e2e; not when
#                               GREYMATTER_CHROMIUM names another Chromium, as in CI on
#                               Ubuntu, which has no chromium package) and a Python venv
#                               with numpy (target/export-venv: the unit tests run the
#                               NumPy script "Export as code" writes)
#
# The wasm32 toolchain comes one of two ways, picked here and said out loud:
#   rustup  rustup's toolchain has the wasm32-unknown-unknown target, or adds it within
#           20 s: plain `cargo --target wasm32-unknown-unknown`.
#   debian  otherwise: Debian's rustc-web/cargo-web (/usr/bin/cargo) with its std source;
#           std is rebuilt for wasm32 (-Zbuild-std, RUSTC_BOOTSTRAP=1) in target/wasm-debian.
# The choice is cached in target/.wasm-toolchain.env, which scripts/wasm-cargo.sh sources.
# Delete that file to choose again, or set WASM_TOOLCHAIN=rustup|debian to force a way.
set -euo pipefail
cd "$(dirname "$0")/.."
cargo_bin=${CARGO_HOME:-$HOME/.cargo}/bin # where `cargo install` puts wasm-bindgen
case ":$PATH:" in *":$cargo_bin:"*) ;; *) export PATH="$cargo_bin:$PATH" ;; esac

say() { echo "greymatter: $*"; }
die() { echo "greymatter: error: $*" >&2; exit 1; }

TARGET=wasm32-unknown-unknown
ENV_FILE=target/.wasm-toolchain.env
DEBIAN_RUST="rustc-web cargo-web rust-web-src rust-web-llvm lld-22 rust-web-clippy"

apt_install() { # apt_install PKG...: needs root (sudo is used when we are not root)
    local sudo=""
    command -v apt-get >/dev/null || die "no apt-get on this machine; install by hand: $*"
    if [ "$(id -u)" != 0 ]; then
        command -v sudo >/dev/null ||
            die "not root and no sudo: as root, run: apt-get update && apt-get install -y $*"
        say "not root: running apt-get through sudo to install $*"
        sudo="sudo"
    fi
    $sudo apt-get update -qq
    DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq "$@"
}

debian_installed() { # true when every named Debian package is installed
    [ "$(dpkg-query -W -f='${Status}\n' "$@" 2>/dev/null | grep -c 'install ok installed')" = "$#" ]
}

rustup_has_target() {
    command -v rustup >/dev/null && rustup target list --installed 2>/dev/null | grep -x "$TARGET" >/dev/null
}

# --- wasm32 toolchain: reuse the cached choice while it still holds, else choose ---
cached=""
if [ -f "$ENV_FILE" ]; then
    cached=$(sed -n 's/^WASM_TOOLCHAIN=//p' "$ENV_FILE")
    case "${WASM_TOOLCHAIN:-$cached}:$cached" in
        rustup:rustup) rustup_has_target || cached="" ;;
        debian:debian) debian_installed $DEBIAN_RUST || cached="" ;;
        *) cached="" ;;
    esac
fi

if [ -z "$cached" ]; then
    way=${WASM_TOOLCHAIN:-}
    if [ -z "$way" ]; then
        way=debian
        if rustup_has_target; then
            way=rustup
        elif command -v rustup >/dev/null; then
            say "trying: rustup target add $TARGET (20 s at most)"
            if timeout 20 rustup target add "$TARGET"; then way=rustup; else
                say "rustup could not add $TARGET here"
            fi
        fi
    fi
    mkdir -p target
    case "$way" in
        rustup)
            rustup_has_target || timeout 20 rustup target add "$TARGET" ||
                die "WASM_TOOLCHAIN=rustup, but rustup cannot add $TARGET"
            cat >"$ENV_FILE" <<END
# written by scripts/setup.sh: how to run cargo for wasm32 here (delete to choose again)
WASM_TOOLCHAIN=rustup
WASM_CARGO=cargo
WASM_CARGO_FLAGS="--target $TARGET"
END
            ;;
        debian)
            debian_installed $DEBIAN_RUST || apt_install $DEBIAN_RUST
            cat >"$ENV_FILE" <<END
# written by scripts/setup.sh: how to run cargo for wasm32 here (delete to choose again)
WASM_TOOLCHAIN=debian
WASM_CARGO=/usr/bin/cargo
WASM_CARGO_FLAGS="--target $TARGET -Zbuild-std=std,panic_abort"
# Debian's rustc 1.96 rebuilds std for wasm32; keep its artifacts apart from rustup's.
export RUSTC_BOOTSTRAP=1 RUSTC=/usr/bin/rustc RUSTDOC=/usr/bin/rustdoc
export CARGO_TARGET_DIR=target/wasm-debian
# /usr/bin first so that cargo finds Debian's cargo-clippy, not rustup's proxy.
export PATH="/usr/bin:\$PATH"
END
            ;;
        *) die "WASM_TOOLCHAIN must be rustup or debian, not '$way'" ;;
    esac
    cached=$way
fi
say "wasm32 toolchain: $cached ($( . "$ENV_FILE"; echo "$WASM_CARGO $WASM_CARGO_FLAGS"))"

# --- wasm-bindgen-cli, at exactly the wasm-bindgen version in Cargo.lock ---
[ -f Cargo.lock ] || cargo generate-lockfile
want=$(awk '$0 == "name = \"wasm-bindgen\"" { getline; gsub(/version = |"/, ""); print; exit }' Cargo.lock)
[ -n "$want" ] || die "no wasm-bindgen in Cargo.lock"
have=$(wasm-bindgen --version 2>/dev/null | awk '{ print $2 }' || true)
if [ "$have" != "$want" ] || ! command -v wasm-bindgen-test-runner >/dev/null; then
    say "installing wasm-bindgen-cli $want (was: ${have:-none}); this compiles for a few minutes"
    cargo install wasm-bindgen-cli --version "=$want"
fi
say "wasm-bindgen $want: $(command -v wasm-bindgen)"

# --- Debian's chromium (or GREYMATTER_CHROMIUM), for the browser tests ---
if [ "${1:-}" = "--browser" ]; then
    browser=${GREYMATTER_CHROMIUM:-/usr/bin/chromium}
    if [ -n "${GREYMATTER_CHROMIUM:-}" ]; then
        [ -x "$browser" ] || die "GREYMATTER_CHROMIUM=$browser is not an executable"
    else
        [ -x "$browser" ] || apt_install chromium chromium-driver
    fi
    say "browser: $("$browser" --version 2>/dev/null || echo "$browser")"
fi

# --- a Python venv with numpy, for the unit tests of "Export as code" ---
if [ "${1:-}" = "--browser" ]; then
    venv=target/export-venv
    if ! "$venv/bin/python" -c 'import numpy' 2>/dev/null; then
        python3 -c 'import ensurepip' 2>/dev/null || apt_install python3-venv
        say "creating $venv with numpy from PyPI (for tests/unit/export-code.test.mjs)"
        python3 -m venv "$venv"
        "$venv/bin/pip" install --quiet --disable-pip-version-check numpy
    fi
    say "python with numpy: $venv/bin/python (numpy $("$venv/bin/python" -c 'import numpy; print(numpy.__version__)'))"
fi
