//! Starting the app in the page: hydrate the start page that `prerender/` rendered into
//! `index.html` at build time, or render from scratch.
//!
//! The prerendered markup is the start page at `#/` with the empty app state. Yew's hydration
//! adopts those DOM nodes only if the first render matches them node for node, so it is used
//! only when the page is at `#/` (or has no hash). Anywhere else (a shared link to a step, the
//! user clicked a link before the wasm arrived) `#app` is emptied and rendered normally.
//!
//! Hydration sets every input to the app state's value, so what the user typed into the start
//! page before the wasm ran (version, symptom) is read first and replayed into the state once
//! the app is mounted. When the app has mounted, `<html data-app>` says how it started
//! (`hydrated` or `rendered`); the end-to-end tests and the benchmark wait for it.

use std::cell::{Cell, RefCell};

use phs_doctor_core::knowledge::Scope;
use wasm_bindgen::JsCast;

use crate::components::app::App;
use crate::state::{AppAction, AppContext};

/// What `#app`'s `data-prerendered` says when it holds the prerendered start page.
pub const PRERENDERED_HOME: &str = "home";

thread_local! {
    static HOW: Cell<&'static str> = const { Cell::new("rendered") };
    static EARLY: RefCell<Option<EarlyInput>> = const { RefCell::new(None) };
}

/// The start page's inputs as the user left them before the app took over.
struct EarlyInput {
    version: String,
    scope: Option<Scope>,
}

/// The wasm entry point (called by `web/`).
pub fn start() {
    let document = web_sys::window().and_then(|w| w.document());
    let Some((document, root)) = document.and_then(|d| d.get_element_by_id("app").map(|r| (d, r))) else {
        yew::Renderer::<App>::new().render();
        return;
    };
    let prerendered = root.get_attribute("data-prerendered");
    let _ = root.remove_attribute("data-prerendered");
    if prerendered.as_deref() == Some(PRERENDERED_HOME) && at_home() {
        EARLY.with(|e| *e.borrow_mut() = Some(early_input(&document)));
        HOW.with(|h| h.set("hydrated"));
        yew::Renderer::<App>::with_root(root).hydrate();
    } else {
        root.set_inner_html("");
        yew::Renderer::<App>::with_root(root).render();
    }
}

/// The page is at the start page: no hash, `#` or `#/` (what the prerender rendered).
fn at_home() -> bool {
    let hash = web_sys::window().and_then(|w| w.location().hash().ok()).unwrap_or_default();
    matches!(hash.as_str(), "" | "#" | "#/")
}

fn early_input(document: &web_sys::Document) -> EarlyInput {
    let version = document
        .get_element_by_id("version")
        .and_then(|e| e.dyn_into::<web_sys::HtmlInputElement>().ok())
        .map(|input| input.value())
        .unwrap_or_default();
    let scope = [Scope::All, Scope::Object].into_iter().find(|scope| {
        document
            .get_element_by_id(&format!("scope-{}", scope.as_str()))
            .and_then(|e| e.dyn_into::<web_sys::HtmlInputElement>().ok())
            .is_some_and(|input| input.checked())
    });
    EarlyInput { version, scope }
}

/// Called once from the root component's first effect: the app is interactive.
pub fn mounted(app: &AppContext) {
    if let Some(early) = EARLY.with(|e| e.borrow_mut().take()) {
        if !early.version.is_empty() {
            app.dispatch(AppAction::Version(early.version));
        }
        if let Some(scope) = early.scope.filter(|s| *s != app.scope) {
            app.dispatch(AppAction::Scope(scope));
        }
    }
    if let Some(html) = web_sys::window().and_then(|w| w.document()).and_then(|d| d.document_element()) {
        let _ = html.set_attribute("data-app", HOW.with(Cell::get));
    }
}
