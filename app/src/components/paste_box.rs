use std::rc::Rc;

use wasm_bindgen::JsCast;
use web_sys::{ClipboardEvent, HtmlTextAreaElement, InputEvent};
use yew::prelude::*;

use crate::components::paste_samples::PasteSamples;
use crate::strings;

/// A paste larger than this is held in memory but not put in the textarea: the browser takes
/// about half a second per megabyte to lay a textarea out (measured in headless Chromium), and
/// 20 MB would freeze the tab for ten seconds.
pub const LARGE: usize = 256 * 1024;

#[derive(Properties, PartialEq)]
pub struct PasteBoxProps {
    /// The paste as the app remembers it: the box starts with it.
    pub text: Rc<str>,
    /// Lines, size and analysis time (or that nothing is pasted).
    pub counts: AttrValue,
    /// Receives the new text and whether to analyse it at once (a paste, a drop, a sample or
    /// Clear) rather than after a pause in typing.
    pub on_change: Callback<(String, bool)>,
}

/// The paste box. The textarea is not bound to a Yew `value`: a large paste would be copied
/// and compared on every render. It starts with the remembered text and tells every change. A
/// large paste is taken out of it (see [`LARGE`]) and shown as a size only.
#[component]
pub fn PasteBox(props: &PasteBoxProps) -> Html {
    let area = use_node_ref();
    let large = props.text.len() > LARGE;
    {
        let area = area.clone();
        let text = props.text.clone();
        use_effect_with((), move |_| {
            if let Some(a) = area.cast::<HtmlTextAreaElement>() {
                if text.len() <= LARGE {
                    a.set_value(&text);
                }
            }
        });
    }
    let onpaste = {
        let on_change = props.on_change.clone();
        Callback::from(move |e: Event| {
            // A large paste goes straight to the analysis, never into the textarea.
            let Some(text) = e.dyn_ref::<ClipboardEvent>().and_then(|c| c.clipboard_data()).and_then(|d| d.get_data("text/plain").ok())
            else {
                return;
            };
            if text.len() > LARGE {
                e.prevent_default();
                on_change.emit((text, true));
            }
        })
    };
    let oninput = {
        let on_change = props.on_change.clone();
        Callback::from(move |e: InputEvent| {
            // A plain `Event('input')` (as scripts send) has no input type.
            let kind = e.dyn_ref::<InputEvent>().map(InputEvent::input_type);
            let now = matches!(kind.as_deref(), Some("insertFromPaste" | "insertFromDrop" | "deleteByCut" | "insertReplacementText"));
            if let Some(a) = e.target().and_then(|t| t.dyn_into::<HtmlTextAreaElement>().ok()) {
                let text = a.value();
                if text.len() > LARGE {
                    // Out of the textarea before the browser lays it out.
                    a.set_value("");
                    on_change.emit((text, true));
                } else {
                    on_change.emit((text, now));
                }
            }
        })
    };
    let set = {
        let area = area.clone();
        let on_change = props.on_change.clone();
        Callback::from(move |text: &'static str| {
            if let Some(a) = area.cast::<HtmlTextAreaElement>() {
                a.set_value(text);
                a.set_scroll_top(0);
            }
            on_change.emit((text.to_string(), true));
        })
    };
    let clear = {
        let set = set.clone();
        let area = area.clone();
        Callback::from(move |_: MouseEvent| {
            set.emit("");
            // Ready for the next paste (once the textarea is shown again).
            let area = area.clone();
            gloo::timers::callback::Timeout::new(0, move || {
                if let Some(a) = area.cast::<HtmlTextAreaElement>() {
                    let _ = a.focus();
                }
            })
            .forget();
        })
    };
    html! {
        <div class="paste-box">
            <label for="paste" class="paste-label">{ strings::PASTE_LABEL }</label>
            <textarea id="paste" data-testid="paste" ref={area} {oninput} {onpaste} hidden={large}
                spellcheck="false" autocomplete="off" autocapitalize="off" wrap="off"
                placeholder={strings::PASTE_PLACEHOLDER} aria-describedby="paste-counts" />
            if large {
                <div class="large-paste" data-testid="large-paste" role="status">
                    <p class="large-paste-title">{ strings::large_paste(props.text.len()) }</p>
                    <p>{ strings::LARGE_PASTE_HINT }</p>
                </div>
            }
            <div class="paste-toolbar">
                <p id="paste-counts" class="paste-counts" data-testid="paste-counts">
                    { props.counts.clone() }
                </p>
                <button type="button" class="button" id="clear" data-testid="clear"
                    disabled={props.text.is_empty()} onclick={clear}>{ strings::PASTE_CLEAR }</button>
            </div>
            <PasteSamples on_pick={set} />
        </div>
    }
}
