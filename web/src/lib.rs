//! The wasm module's entry point (`scripts/build.sh` builds this crate for wasm32 and runs wasm-bindgen on it). All of
//! the app is in `phs-doctor-app`; this crate only exists so that the wasm crate can be a
//! cdylib alone (with an rlib beside it, `lto = true` is ignored) while the app stays a
//! library the build-time prerender (`prerender/`) can link natively.

#[wasm_bindgen::prelude::wasm_bindgen(start)]
pub fn start() {
    phs_doctor_app::start();
}
