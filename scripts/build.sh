#!/usr/bin/env bash
# Builds the release app into dist/. Installs what is missing first.
# Usage: scripts/build.sh
source "$(dirname "$0")/lib.sh"

install_rust_tools
install_npm_tools

say "building the wasm app (release)"
PKG="$ROOT/target/wasm-pkg"
rm -rf "$PKG"
wasm-pack build app --release --target web --out-dir "$PKG" --out-name phs_doctor_app --no-typescript --no-pack

say "optimising the wasm with wasm-opt -Oz"
wasm-opt -Oz --enable-bulk-memory --enable-nontrapping-float-to-int --enable-sign-ext \
  --enable-mutable-globals --enable-reference-types --enable-multivalue \
  "$PKG/phs_doctor_app_bg.wasm" -o "$PKG/phs_doctor_app_bg.opt.wasm"
mv "$PKG/phs_doctor_app_bg.opt.wasm" "$PKG/phs_doctor_app_bg.wasm"

say "assembling dist/"
rm -rf dist
mkdir -p dist/pkg
cp index.html dist/
[ -d static ] && cp -r static dist/static
cp "$PKG/phs_doctor_app.js" "$PKG/phs_doctor_app_bg.wasm" dist/pkg/
ls -l dist dist/pkg >&2

say "writing the single-file offline page dist/phs-doctor.html"
python3 "$ROOT/scripts/singlefile.py" dist
