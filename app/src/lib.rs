//! PHS Doctor's web shell (Yew). Renders the core's view-models and forwards user events;
//! every decision (which path, what a node says, what a script contains, whether a value is
//! valid) is made by `phs-doctor-core`.
//!
//! - [`route`]: the hash routes; the walk's state and the version live in the URL.
//! - [`state`]: what the app remembers between pages (a thin `Reducible` adapter).
//! - [`components`]: one small component per file.
//! - [`strings`]: every UI string.
//! - [`browser`]: clipboard, download and scrolling.

mod browser;
mod components;
mod route;
mod state;
mod strings;
mod text;

#[cfg(not(test))]
#[wasm_bindgen::prelude::wasm_bindgen(start)]
pub fn start() {
    let root = web_sys::window().and_then(|w| w.document()).and_then(|d| d.get_element_by_id("app"));
    match root {
        Some(root) => yew::Renderer::<components::app::App>::with_root(root).render(),
        None => yew::Renderer::<components::app::App>::new().render(),
    };
}
