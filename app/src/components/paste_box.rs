use std::rc::Rc;

use phs_doctor_core::input;
use wasm_bindgen::JsCast;
use wasm_bindgen_futures::JsFuture;
use web_sys::{ClipboardEvent, DragEvent, HtmlInputElement, HtmlTextAreaElement, InputEvent};
use yew::prelude::*;

use crate::components::paste_samples::PasteSamples;
use crate::strings;

/// A paste larger than this is held in memory but not put in the textarea: the browser takes
/// about half a second per megabyte to lay a textarea out (measured in headless Chromium), and
/// 20 MB would freeze the tab for ten seconds.
pub const LARGE: usize = 256 * 1024;

/// The largest file the page opens: the text is kept whole in memory (the analysis reads its
/// first and last 2.5 MB); the CLI's `diagnose` reads a file of any size.
pub const MAX_FILE: f64 = 64.0 * 1024.0 * 1024.0;

/// What happened to the last file opened or dropped.
#[derive(Clone, Debug, PartialEq)]
enum FileNote {
    Opened {
        name: String,
        bytes: usize,
    },
    /// Binary (an .evtx): the core's message on how to export it as text.
    NotText(&'static str),
    TooBig(usize),
    Failed,
}

#[derive(Properties, PartialEq)]
pub struct PasteBoxProps {
    /// The paste as the app remembers it: the box starts with it.
    pub text: Rc<str>,
    /// Lines, size and analysis time (or that nothing is pasted).
    pub counts: AttrValue,
    /// Receives the new text and whether to analyse it at once (a paste, a drop, a sample or
    /// Clear) rather than after a pause in typing.
    pub on_change: Callback<(String, bool)>,
    /// Clear was pressed (the page keeps the paste for Undo).
    pub on_clear: Callback<()>,
    /// Changes when the page puts a cleared paste back: the box shows [`Self::text`] again.
    #[prop_or_default]
    pub restored: u32,
}

/// The paste box. The textarea is not bound to a Yew `value`: a large paste would be copied
/// and compared on every render. It starts with the remembered text and tells every change. A
/// large paste is taken out of it (see [`LARGE`]) and shown as a size only.
///
/// A `.txt` or `.log` file can be opened or dropped on the box: its bytes are decoded by the
/// core (`input::decode_owned`: UTF-8, UTF-16 with or without BOM) and taken as a paste; an
/// `.evtx` (binary) gets the core's message on how to export its events as text.
#[component]
pub fn PasteBox(props: &PasteBoxProps) -> Html {
    let area = use_node_ref();
    let file_input = use_node_ref();
    let file_note = use_state_eq(|| None::<FileNote>);
    let dragging = use_state_eq(|| false);
    let large = props.text.len() > LARGE;
    {
        let area = area.clone();
        let text = props.text.clone();
        use_effect_with(props.restored, move |_| {
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
        Callback::from(move |text: String| {
            if let Some(a) = area.cast::<HtmlTextAreaElement>() {
                // A large text is never put in the box (see `LARGE`).
                a.set_value(if text.len() <= LARGE { &text } else { "" });
                a.set_scroll_top(0);
            }
            on_change.emit((text, true));
        })
    };
    let open = {
        let set = set.clone();
        let file_note = file_note.clone();
        Callback::from(move |file: web_sys::File| {
            let set = set.clone();
            let file_note = file_note.clone();
            let (name, size) = (file.name(), file.size());
            if size > MAX_FILE {
                file_note.set(Some(FileNote::TooBig(size as usize)));
                return;
            }
            wasm_bindgen_futures::spawn_local(async move {
                let Ok(buffer) = JsFuture::from(file.array_buffer()).await else {
                    file_note.set(Some(FileNote::Failed));
                    return;
                };
                let bytes = js_sys::Uint8Array::new(&buffer).to_vec();
                if let Some(kind) = input::not_text(&bytes) {
                    file_note.set(Some(FileNote::NotText(kind.message())));
                    return;
                }
                let bytes_len = bytes.len();
                set.emit(input::decode_owned(bytes));
                file_note.set(Some(FileNote::Opened { name, bytes: bytes_len }));
            });
        })
    };
    let on_file = {
        let open = open.clone();
        Callback::from(move |e: Event| {
            let Some(i) = e.target_dyn_into::<HtmlInputElement>() else { return };
            if let Some(f) = i.files().and_then(|l| l.get(0)) {
                open.emit(f);
            }
            // The same file can be opened again.
            i.set_value("");
        })
    };
    let pick_file = {
        let file_input = file_input.clone();
        Callback::from(move |_: MouseEvent| {
            if let Some(i) = file_input.cast::<HtmlInputElement>() {
                i.click();
            }
        })
    };
    let has_files = |e: &DragEvent| e.data_transfer().is_some_and(|d| d.types().includes(&"Files".into(), 0));
    let ondragover = {
        let dragging = dragging.clone();
        Callback::from(move |e: DragEvent| {
            if has_files(&e) {
                // Allows the drop (a file dropped on a textarea would otherwise open in the tab).
                e.prevent_default();
                dragging.set(true);
            }
        })
    };
    let ondragleave = {
        let dragging = dragging.clone();
        Callback::from(move |_: DragEvent| dragging.set(false))
    };
    let ondrop = {
        let dragging = dragging.clone();
        Callback::from(move |e: DragEvent| {
            dragging.set(false);
            let file = e.data_transfer().and_then(|d| d.files()).and_then(|l| l.get(0));
            if let Some(f) = file {
                e.prevent_default();
                open.emit(f);
            }
        })
    };
    let on_pick = set.reform(|text: &'static str| text.to_string());
    let clear = {
        let on_clear = props.on_clear.clone();
        let area = area.clone();
        let file_note = file_note.clone();
        Callback::from(move |_: MouseEvent| {
            if let Some(a) = area.cast::<HtmlTextAreaElement>() {
                a.set_value("");
            }
            file_note.set(None);
            on_clear.emit(());
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
        <div class={classes!("paste-box", dragging.then_some("dragging"))} {ondragover} {ondragleave} {ondrop}>
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
                <button type="button" class="button" data-testid="open-file" onclick={pick_file}>{ strings::OPEN_FILE }</button>
                <input type="file" hidden=true ref={file_input} data-testid="paste-file" accept=".txt,.log,.evtx,text/plain"
                    onchange={on_file} />
                <button type="button" class="button" id="clear" data-testid="clear"
                    disabled={props.text.is_empty()} onclick={clear}>{ strings::PASTE_CLEAR }</button>
            </div>
            <div class="file-note" data-testid="file-note" role="status">
                { match &*file_note {
                    None => html! {},
                    Some(FileNote::Opened { name, bytes }) => html! { <p class="hint">{ strings::file_opened(name, *bytes) }</p> },
                    Some(FileNote::NotText(message)) => html! {
                        <div class="notice notice-warning" data-testid="not-text"><p>{ *message }</p></div>
                    },
                    Some(FileNote::TooBig(bytes)) => html! {
                        <div class="notice notice-warning" data-testid="file-too-big"><p>{ strings::file_too_big(*bytes) }</p></div>
                    },
                    Some(FileNote::Failed) => html! { <div class="notice notice-warning"><p>{ strings::FILE_FAILED }</p></div> },
                } }
            </div>
            <PasteSamples on_pick={on_pick} />
        </div>
    }
}
