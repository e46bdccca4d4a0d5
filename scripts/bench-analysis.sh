#!/usr/bin/env bash
# The analysis's throughput, native and wasm, from one run: builds the bare analysis module
# (tests/bench/wasm: the core with the app's release profile, wasm-opt -Oz as scripts/build.sh
# does) and runs core/benches/analysis.rs with it, which times the 1 MB mixed paste natively
# and under Node in interleaved rounds and prints both, their ratio and a baseline timed in the
# same rounds (compare runs by analysis / baseline: the machine is noisy).
# Usage: scripts/bench-analysis.sh   (PHS_BENCH_SIZE=1 skips the 10 MB paste and the memory case)
source "$(dirname "$0")/lib.sh"

if ! rustup target list --installed | grep -qx wasm32-unknown-unknown; then
  rustup target add wasm32-unknown-unknown
fi
TARGET="${CARGO_TARGET_DIR:-$ROOT/target}"
say "building the bare analysis module (wasm32, built as the app's wasm is: cargo_release_wasm)"
cargo_release_wasm --quiet -p phs-doctor-bench-wasm
WASM="$TARGET/wasm32-unknown-unknown/release/phs_doctor_bench_wasm.wasm"
if [ -x node_modules/.bin/wasm-opt ]; then
  cp "$WASM" "$TARGET/phs_doctor_bench_wasm.opt.wasm"
  WASM="$TARGET/phs_doctor_bench_wasm.opt.wasm"
  optimise_wasm "$WASM"
else
  say "no node_modules/.bin/wasm-opt (npm ci): timing the module without wasm-opt"
fi
say "native and wasm analysis benchmark"
PHS_BENCH_WASM="$WASM" cargo bench --quiet --locked -p phs-doctor-core --bench analysis
