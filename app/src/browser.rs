//! The few browser calls the app needs beyond rendering: clipboard, selection, file download,
//! scrolling, running after a paint. Each fails quietly (returns `false`/does nothing) instead of panicking.

use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_futures::JsFuture;
use web_sys::{Blob, BlobPropertyBag, HtmlAnchorElement, HtmlDocument, HtmlTextAreaElement, Node, Url};

/// How a copy went.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Copied {
    /// Through the Clipboard API.
    Clipboard,
    /// Through `document.execCommand('copy')` on a hidden textarea: the Clipboard API is absent
    /// on plain-http intranet hosting and under `file://`.
    Fallback,
    /// Neither worked: the caller selects the text for Ctrl+C.
    No,
}

/// Copies `text` to the clipboard: the Clipboard API where the page is a secure context, else
/// the `execCommand` fallback on a hidden, selected textarea.
pub async fn copy_text(text: &str) -> Copied {
    let Some(window) = web_sys::window() else {
        return Copied::No;
    };
    let clipboard = window.navigator().clipboard();
    let value: &JsValue = clipboard.as_ref();
    if !value.is_undefined() && !value.is_null() && JsFuture::from(clipboard.write_text(text)).await.is_ok() {
        return Copied::Clipboard;
    }
    if copy_with_exec_command(text) {
        Copied::Fallback
    } else {
        Copied::No
    }
}

fn copy_with_exec_command(text: &str) -> bool {
    let Some(document) = web_sys::window().and_then(|w| w.document()) else {
        return false;
    };
    let Some(body) = document.body() else { return false };
    let Some(area) = document.create_element("textarea").ok().and_then(|e| e.dyn_into::<HtmlTextAreaElement>().ok()) else {
        return false;
    };
    area.set_value(text);
    let _ = area.set_attribute("readonly", "");
    let _ = area.set_attribute("aria-hidden", "true");
    // Off screen, not display:none (a hidden element can't be selected); a class, since the
    // CSP refuses style attributes.
    area.set_class_name("copy-buffer");
    if body.append_child(&area).is_err() {
        return false;
    }
    let active = document.active_element();
    area.select();
    let ok = document.dyn_ref::<HtmlDocument>().and_then(|d| d.exec_command("copy").ok()).unwrap_or(false);
    let _ = body.remove_child(&area);
    if let Some(el) = active.and_then(|a| a.dyn_into::<web_sys::HtmlElement>().ok()) {
        let _ = el.focus();
    }
    ok
}

/// Selects everything inside `node`, so the user can copy it by hand.
pub fn select_contents(node: &Node) {
    let selection = web_sys::window().and_then(|w| w.get_selection().ok().flatten());
    if let Some(selection) = selection {
        let _ = selection.select_all_children(node);
    }
}

/// Offers `contents` as a file download named `file_name`.
pub fn download(file_name: &str, contents: &str, mime: &str) -> bool {
    let Some(document) = web_sys::window().and_then(|w| w.document()) else {
        return false;
    };
    let parts = js_sys::Array::of1(&JsValue::from_str(contents));
    let options = BlobPropertyBag::new();
    options.set_type(mime);
    let Ok(blob) = Blob::new_with_str_sequence_and_options(&parts, &options) else {
        return false;
    };
    let Ok(url) = Url::create_object_url_with_blob(&blob) else {
        return false;
    };
    let anchor = document.create_element("a").ok().and_then(|e| e.dyn_into::<HtmlAnchorElement>().ok());
    let ok = match anchor {
        Some(a) => {
            a.set_href(&url);
            a.set_download(file_name);
            a.click();
            true
        }
        None => false,
    };
    // The click starts the download synchronously; the URL can go once the task is done.
    gloo::timers::callback::Timeout::new(1_000, move || {
        let _ = Url::revoke_object_url(&url);
    })
    .forget();
    ok
}

pub fn scroll_to_top() {
    if let Some(w) = web_sys::window() {
        w.scroll_to_with_x_and_y(0.0, 0.0);
    }
}

/// Runs `f` after the browser has painted what is in the DOM now: on the next animation frame,
/// in a task of its own. Used to show the first results of a long render before the rest.
pub fn after_paint(f: impl FnOnce() + 'static) {
    let Some(window) = web_sys::window() else {
        return f();
    };
    let frame = wasm_bindgen::closure::Closure::once_into_js(move || {
        gloo::timers::callback::Timeout::new(0, f).forget();
    });
    let _ = window.request_animation_frame(frame.unchecked_ref());
}

/// Sets the document's title (each route has its own).
pub fn set_title(title: &str) {
    if let Some(d) = web_sys::window().and_then(|w| w.document()) {
        if d.title() != title {
            d.set_title(title);
        }
    }
}

/// Moves focus to the page's main heading (made focusable by script, not by tab), so that a
/// screen reader announces the new page after a route change.
pub fn focus_heading() {
    let heading = web_sys::window().and_then(|w| w.document()).and_then(|d| d.query_selector("main#content h1").ok().flatten());
    if let Some(h) = heading.and_then(|h| h.dyn_into::<web_sys::HtmlElement>().ok()) {
        if !h.has_attribute("tabindex") {
            let _ = h.set_attribute("tabindex", "-1");
        }
        let _ = h.focus();
    }
}

/// Scrolls the element with `id` into view and focuses it (made focusable by script, not by
/// tab): a Learn section's heading, when its route is opened.
pub fn focus_element(id: &str) {
    let el = web_sys::window().and_then(|w| w.document()).and_then(|d| d.get_element_by_id(id));
    if let Some(el) = el.and_then(|e| e.dyn_into::<web_sys::HtmlElement>().ok()) {
        if !el.has_attribute("tabindex") {
            let _ = el.set_attribute("tabindex", "-1");
        }
        el.scroll_into_view();
        let _ = el.focus();
    }
}

/// Whether keys typed now go into a field (then `/` is a character, not the search shortcut).
pub fn typing_in_a_field() -> bool {
    let active = web_sys::window().and_then(|w| w.document()).and_then(|d| d.active_element());
    active.is_some_and(|a| {
        matches!(a.tag_name().to_ascii_lowercase().as_str(), "input" | "textarea" | "select")
            || a.get_attribute("contenteditable").is_some_and(|v| v != "false")
    })
}

/// Whether the page is in one column (a phone): the width at which `static/style.css` puts the
/// paste view below the findings (`.analysis-grid`, `max-width: 52rem`).
pub fn one_column() -> bool {
    web_sys::window().and_then(|w| w.match_media("(max-width: 52rem)").ok().flatten()).is_some_and(|m| m.matches())
}

/// Adds a history entry for the same address (no route change), so that the browser's Back
/// returns to the page as it is now; `false` if the browser refused.
pub fn push_same_entry() -> bool {
    web_sys::window().and_then(|w| w.history().ok()).is_some_and(|h| h.push_state_with_url(&JsValue::NULL, "", None).is_ok())
}

/// Scrolls `el` to the middle of the window.
pub fn scroll_into_view_center(el: &web_sys::Element) {
    let options = web_sys::ScrollIntoViewOptions::new();
    options.set_block(web_sys::ScrollLogicalPosition::Center);
    el.scroll_into_view_with_scroll_into_view_options(&options);
}

/// Today's date (UTC) by the browser's clock, for the version notices. Call it in an effect or
/// a callback: the prerender has no browser.
pub fn today() -> phs_doctor_core::releases::Date {
    phs_doctor_core::releases::Date::from_unix_days((js_sys::Date::now() / 86_400_000.0).floor() as i64)
}
