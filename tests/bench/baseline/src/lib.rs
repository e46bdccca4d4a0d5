//! The baseline of `scripts/bench.sh`: a Yew hello world built with the app's release profile,
//! wasm-bindgen and wasm-opt flags, started the way the app starts (a module script imports the
//! glue, which instantiates the wasm), and marking `<html data-app>` from its first effect as
//! the app does (`app/src/boot.rs`), so "interactive" means the same thing for both.

use yew::prelude::*;

#[component]
fn Hello() -> Html {
    use_effect_with((), |_| {
        if let Some(html) = web_sys::window().and_then(|w| w.document()).and_then(|d| d.document_element()) {
            let _ = html.set_attribute("data-app", "rendered");
        }
    });
    html! {
        <main id="content">
            <div data-testid="page-hello"><h1>{ "Hello, world" }</h1></div>
        </main>
    }
}

#[cfg(target_arch = "wasm32")]
#[wasm_bindgen::prelude::wasm_bindgen(start)]
pub fn start() {
    if let Some(root) = web_sys::window().and_then(|w| w.document()).and_then(|d| d.get_element_by_id("app")) {
        yew::Renderer::<Hello>::with_root(root).render();
    }
}
