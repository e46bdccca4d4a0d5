#!/usr/bin/env bash
# Prints the performance-budget table: app size (gzip), first render, paste → findings in the
# browser, native and wasm analysis throughput. Builds first.
# Usage: scripts/bench.sh [--no-build]
source "$(dirname "$0")/lib.sh"

install_rust_tools
install_npm_tools
install_chromium
[ "${1:-}" = "--no-build" ] || "$ROOT/scripts/build.sh"

say "building the baseline (tests/bench/baseline: a Yew hello world, the same profile and wasm-opt)"
BASELINE="${CARGO_TARGET_DIR:-$ROOT/target}/bench-baseline"
rm -rf "$BASELINE"
mkdir -p "$BASELINE/pkg"
cargo_release_wasm -p phs-doctor-bench-baseline
wasm-bindgen --target web --out-dir "$BASELINE/pkg" --out-name baseline --no-typescript \
  "${CARGO_TARGET_DIR:-$ROOT/target}/wasm32-unknown-unknown/release/phs_doctor_bench_baseline.wasm"
optimise_wasm "$BASELINE/pkg/baseline_bg.wasm"
cp tests/bench/baseline/www/index.html tests/bench/baseline/www/static.html "$BASELINE/"

say "native analysis benchmark"
NATIVE_OUT="$(cargo bench -p phs-doctor-core --bench analysis 2>/dev/null)"
echo "$NATIVE_OUT"
NATIVE_MBPS="$(echo "$NATIVE_OUT" | awk '/1 MB:/ { for (i = 1; i <= NF; i++) if ($i == "MB/s") print $(i-1) }' | head -1)"

say "browser benchmark (headless Chromium)"
PORT="$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')"
BASE_PORT="$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')"
python3 "$ROOT/scripts/serve.py" --port "$PORT" --dir dist --quiet &
SERVER=$!
python3 "$ROOT/scripts/serve.py" --port "$BASE_PORT" --dir "$BASELINE" --quiet &
BASE_SERVER=$!
trap 'kill $SERVER $BASE_SERVER 2>/dev/null || true' EXIT
sleep 0.5
PHS_BASE_URL="http://127.0.0.1:$PORT/" PHS_DIST=dist PHS_BASELINE_URL="http://127.0.0.1:$BASE_PORT/" PHS_BASELINE_DIST="$BASELINE" PHS_NATIVE_MBPS="$NATIVE_MBPS" node tests/bench/bench.mjs
