# Shared helpers for scripts/*.sh. Sourced, not run.
# Every install step is idempotent: it checks first and skips what is already there.
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$ROOT"
export PATH="$HOME/.cargo/bin:$ROOT/node_modules/.bin:$PATH"

say() { printf '\033[1m==> %s\033[0m\n' "$*" >&2; }

# The wasm-bindgen version the app is locked to; the CLI must match it exactly.
wasm_bindgen_version() {
  awk '/^name = "wasm-bindgen"$/ { getline; gsub(/version = |"/, ""); print; exit }' Cargo.lock
}

need_root() {
  if [ "$(id -u)" = 0 ]; then "$@"; elif command -v sudo >/dev/null; then sudo "$@"; else
    echo "need root for: $*" >&2; return 1; fi
}

install_rust_tools() {
  install_wasm_target
  install_wasm_bindgen
}

install_wasm_target() {
  if ! rustup target list --installed | grep -qx wasm32-unknown-unknown; then
    say "adding the wasm32-unknown-unknown target"
    rustup target add wasm32-unknown-unknown
  fi
}

install_wasm_bindgen() {
  local wbv; wbv="$(wasm_bindgen_version)"
  if ! wasm-bindgen --version 2>/dev/null | grep -q " $wbv\$"; then
    say "installing wasm-bindgen-cli $wbv (about 3 minutes)"
    # No --locked: its lockfile pins a yanked crate (../shared/TOOLCHAIN.md). No default
    # features: they are TLS (rustls and ring), and the CLI only speaks plain HTTP to the local
    # chromedriver (measured on 2 cores: 243 → 207 s to install).
    cargo install wasm-bindgen-cli --version "$wbv" --force --no-default-features
  fi
}

# The shipped wasm is built with a pinned nightly so that std is rebuilt for size with panics
# that abort at once: no panic message or location is formatted or stored (a panic was already
# an abort, `panic = "abort"`: what the admin sees does not change). It took the app's wasm
# from 488.1 to 445.5 KB gzip -9 (ARCHITECTURE.md, "Size"). Everything else, the tests
# included, uses the stable toolchain. Not `-Zfmt-debug=none` (4 KB less): the app uses `{:?}`
# of a route as a key (layout.rs), and e2e tests failed with it. If the nightly cannot be installed, the build says so and
# falls back to stable (same app, bigger wasm).
WASM_NIGHTLY=nightly-2026-05-19

install_wasm_nightly() {
  if rustup run "$WASM_NIGHTLY" rustc --version >/dev/null 2>&1 \
     && rustup component list --toolchain "$WASM_NIGHTLY" --installed 2>/dev/null | grep -q '^rust-src'; then
    return 0
  fi
  # No prebuilt wasm32 std is needed (std is built from rust-src), and none is published for
  # some nightlies: asking for the target would fail the install.
  say "installing the pinned toolchain $WASM_NIGHTLY (minimal, rust-src) for the size-first wasm build"
  rustup toolchain install "$WASM_NIGHTLY" --profile minimal --component rust-src
}

# The two installs that take minutes on a fresh machine (compiling wasm-bindgen-cli, downloading
# the pinned nightly) run in the background while the native tests compile, which need neither;
# `await_background_installs` waits for them (and shows what they printed) before the first step
# that does. A nightly that cannot be installed is not a failure here (see cargo_release_wasm).
start_background_installs() {
  BG_LOG="$(mktemp "${TMPDIR:-/tmp}/phs-doctor-installs.XXXXXX")"
  say "installing wasm-bindgen-cli and $WASM_NIGHTLY in the background (output: $BG_LOG)"
  ( install_wasm_bindgen && { install_wasm_nightly || true; } ) >"$BG_LOG" 2>&1 &
  BG_PID=$!
  trap 'kill "$BG_PID" 2>/dev/null || true' EXIT
}

await_background_installs() {
  say "waiting for the background installs"
  local rc=0
  wait "$BG_PID" || rc=$?
  cat "$BG_LOG" >&2
  rm -f "$BG_LOG"
  trap - EXIT
  [ "$rc" = 0 ] || { say "the background installs failed (exit $rc)"; exit "$rc"; }
}

# cargo build --release for wasm32 of the package(s) named in "$@", the way the shipped wasm is
# built (see WASM_NIGHTLY). The output is in $TARGET_DIR/wasm32-unknown-unknown/release/.
cargo_release_wasm() {
  if install_wasm_nightly; then
    RUSTFLAGS="-Zlocation-detail=none -Zunstable-options -Cpanic=immediate-abort" \
      cargo "+$WASM_NIGHTLY" build --release --locked --target wasm32-unknown-unknown \
      -Z build-std=std,panic_abort "$@"
  else
    say "WARNING: $WASM_NIGHTLY could not be installed: building the wasm with stable Rust (about 40 KB gzip bigger)"
    cargo build --release --locked --target wasm32-unknown-unknown "$@"
  fi
}

install_npm_tools() {
  if [ ! -x node_modules/.bin/wasm-opt ] || [ ! -d node_modules/playwright-core ] \
     || [ package.json -nt node_modules/.package-lock.json ]; then
    say "installing npm tools (binaryen, playwright-core)"
    npm ci --no-audit --no-fund
  fi
}

install_chromium() {
  if [ ! -x /usr/bin/chromium ] || [ ! -x /usr/bin/chromedriver ]; then
    say "installing Debian's chromium and chromium-driver"
    need_root apt-get update -qq
    DEBIAN_FRONTEND=noninteractive need_root apt-get install -y -qq chromium chromium-driver >/dev/null
  fi
}

# wasm-opt -Oz with the features the wasm uses (`strip = true` strips its feature section, so
# they are named here: ../shared/TOOLCHAIN.md). Usage: optimise_wasm FILE (rewritten in place).
optimise_wasm() {
  wasm-opt -Oz --enable-bulk-memory --enable-nontrapping-float-to-int --enable-sign-ext \
    --enable-mutable-globals --enable-reference-types --enable-multivalue "$1" -o "$1.opt"
  mv "$1.opt" "$1"
}
