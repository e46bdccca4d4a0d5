#!/usr/bin/env bash
# Runs every test: cargo tests, clippy (native and wasm32), the wasm browser tests and the
# end-to-end tests in headless Chromium. Installs what is missing first.
# Usage: scripts/test.sh
source "$(dirname "$0")/lib.sh"

install_wasm_target
start_background_installs
install_npm_tools
install_chromium

say "cargo fmt --check"
cargo fmt --all --check

say "cargo test (workspace)"
cargo test --workspace --locked

say "clippy (native, all targets)"
cargo clippy --workspace --all-targets --locked -- -D warnings

say "clippy (wasm32: the app, its wasm entry and the core)"
cargo clippy -p phs-doctor-app -p phs-doctor-web -p phs-doctor-core --target wasm32-unknown-unknown --locked -- -D warnings

await_background_installs

if grep -q 'wasm_bindgen_test' app/src/*.rs 2>/dev/null; then
  say "wasm tests in headless Chromium"
  # wasm-bindgen's own runner (what wasm-pack test runs), headless, with Debian's chromedriver.
  CARGO_TARGET_WASM32_UNKNOWN_UNKNOWN_RUNNER=wasm-bindgen-test-runner CHROMEDRIVER=/usr/bin/chromedriver \
    cargo test --locked -p phs-doctor-app --target wasm32-unknown-unknown
fi

say "end-to-end tests in headless Chromium"
"$ROOT/scripts/build.sh"
PORT="$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')"
python3 "$ROOT/scripts/serve.py" --port "$PORT" --dir dist --quiet &
SERVER=$!
trap 'kill $SERVER 2>/dev/null || true' EXIT
python3 - "$PORT" <<'PY'
import sys, time, urllib.request
for _ in range(100):
    try:
        urllib.request.urlopen(f"http://127.0.0.1:{sys.argv[1]}/", timeout=1); break
    except Exception:
        time.sleep(0.1)
PY
PHS_BASE_URL="http://127.0.0.1:$PORT/" node --test --test-concurrency=1 tests/e2e/
say "all tests passed"
