#!/usr/bin/env bash
# Fuzzes every door a document comes in by (fuzz/, targets in tests/doors/mod.rs) with
# cargo-fuzz (libFuzzer), seeded with valid documents (tests/door_fuzz.rs writes them).
#   scripts/fuzz.sh            10 million runs per target (make fuzz), figures in fuzz/report.txt
#   scripts/fuzz.sh --short    20 seconds per target (make test)
#   RUNS=… scripts/fuzz.sh     another number of runs
# libFuzzer needs the nightly toolchain: where rustup cannot give it, this says so and
# stops (a short run then counts as skipped; make test's seeded mutation test,
# tests/door_fuzz.rs, still drives every door on stable).
set -euo pipefail
cd "$(dirname "$0")/.."
cargo_bin=${CARGO_HOME:-$HOME/.cargo}/bin
case ":$PATH:" in *":$cargo_bin:"*) ;; *) export PATH="$cargo_bin:$PATH" ;; esac
short=false
[ "${1:-}" = "--short" ] && short=true

if ! cargo +nightly --version >/dev/null 2>&1 && ! rustup toolchain install nightly --profile minimal >/dev/null 2>&1; then
  echo "greymatter: fuzzing needs the nightly toolchain, which rustup cannot install here: skipped"
  $short && exit 0 || exit 1
fi
if ! cargo fuzz --version >/dev/null 2>&1; then
  echo "greymatter: installing cargo-fuzz (once)"
  cargo install cargo-fuzz --locked --quiet
fi

cargo test --quiet --test door_fuzz -- --ignored write_fuzz_seeds >/dev/null
targets=(csv link_points link_weights model_file lesson config_patch formula)
# Inputs of at most 64 KiB; a run that takes over 10 s, needs over 2 GiB, or asks for
# one allocation over 512 MiB counts as a failure.
limits=(-max_len=65536 -timeout=10 -rss_limit_mb=2048 -malloc_limit_mb=512)
if $short; then budget=(-max_total_time=20); else budget=(-runs="${RUNS:-10000000}"); fi
report=fuzz/report.txt
$short || : >"$report"
for target in "${targets[@]}"; do
  mkdir -p "fuzz/corpus/$target"
  log=$(mktemp)
  if ! (cd fuzz && cargo +nightly fuzz run --release "$target" "corpus/$target" "seeds/$target" -- \
      "${limits[@]}" "${budget[@]}" -print_final_stats=1) >"$log" 2>&1; then
    tail -40 "$log"
    echo "greymatter: fuzz target $target failed (the input is in fuzz/artifacts/$target/)" >&2
    exit 1
  fi
  runs=$(grep -o 'stat::number_of_executed_units: *[0-9]*' "$log" | grep -o '[0-9]*$' || echo '?')
  seconds=$(grep -o 'Done [0-9]* runs in [0-9]* second' "$log" | grep -o 'in [0-9]*' | grep -o '[0-9]*' || echo '?')
  cov=$(grep -o 'cov: [0-9]*' "$log" | tail -1 | grep -o '[0-9]*' || echo '?')
  peak=$(grep -o 'stat::peak_rss_mb: *[0-9]*' "$log" | grep -o '[0-9]*$' || echo '?')
  line="$target: $runs runs in $seconds s, coverage $cov edges, peak RSS $peak MB, no crash, no timeout"
  echo "greymatter: $line"
  $short || echo "$line" >>"$report"
  rm -f "$log"
done
