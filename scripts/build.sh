#!/usr/bin/env bash
# Builds the release app into dist/ (or $PHS_DIST). Installs what is missing first.
# Usage: scripts/build.sh
source "$(dirname "$0")/lib.sh"

install_rust_tools
install_npm_tools

say "building the wasm app (release)"
DIST="${PHS_DIST:-dist}"
PKG="${CARGO_TARGET_DIR:-$ROOT/target}/wasm-pkg"
rm -rf "$PKG"
# web/ is the wasm entry (cdylib); the app itself is the app/ library. cargo builds it and
# wasm-bindgen writes the glue (what wasm-pack would run, without compiling wasm-pack).
cargo_release_wasm -p phs-doctor-web
wasm-bindgen --target web --out-dir "$PKG" --out-name phs_doctor_app --no-typescript \
  "${CARGO_TARGET_DIR:-$ROOT/target}/wasm32-unknown-unknown/release/phs_doctor_web.wasm"

say "optimising the wasm with wasm-opt -Oz"
optimise_wasm "$PKG/phs_doctor_app_bg.wasm"

say "assembling $DIST/"
rm -rf "$DIST"
mkdir -p "$DIST/pkg"
cp index.html web.config "$DIST/"
[ -d static ] && cp -r static "$DIST/static"
cp "$PKG/phs_doctor_app.js" "$PKG/phs_doctor_app_bg.wasm" "$DIST/pkg/"

say "prerendering the start page into $DIST/index.html (Yew SSR, native)"
cargo run --quiet --locked -p phs-doctor-prerender -- "$DIST/index.html"
ls -l "$DIST" "$DIST/pkg" >&2

say "putting the stylesheet inline in $DIST/index.html"
python3 "$ROOT/scripts/inline_css.py" "$DIST"

say "writing the single-file offline page $DIST/phs-doctor.html"
python3 "$ROOT/scripts/singlefile.py" "$DIST"
