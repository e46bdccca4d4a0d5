use gloo::timers::callback::Timeout;
use phs_doctor_core::script::{self, ScriptKind};
use yew::prelude::*;

use crate::browser;
use crate::strings;

#[derive(Properties, PartialEq)]
pub struct ScriptOutputProps {
    pub kind: ScriptKind,
    /// `None` while a value is invalid.
    pub text: Option<AttrValue>,
    /// Why the script spells some characters differently from the values typed.
    #[prop_or_default]
    pub note: Option<AttrValue>,
}

/// The generated script with Copy and Download buttons.
#[component]
pub fn ScriptOutputView(props: &ScriptOutputProps) -> Html {
    let pre = use_node_ref();
    let status = use_state_eq(|| None::<&'static str>);
    {
        // A message about the previous script goes when the script changes.
        let status = status.clone();
        use_effect_with(props.text.clone(), move |_| status.set(None));
    }
    let clear = use_mut_ref(|| None::<Timeout>);
    // Shows a message for a few seconds (a new one replaces the old and its timer).
    let say = {
        let status = status.clone();
        move |msg: &'static str| {
            status.set(Some(msg));
            let status = status.clone();
            *clear.borrow_mut() = Some(Timeout::new(6_000, move || status.set(None)));
        }
    };
    let on_copy = {
        let text = props.text.clone();
        let pre = pre.clone();
        let say = say.clone();
        Callback::from(move |_: MouseEvent| {
            let Some(text) = text.clone() else { return };
            let pre = pre.clone();
            let say = say.clone();
            wasm_bindgen_futures::spawn_local(async move {
                match browser::copy_text(&text).await {
                    browser::Copied::Clipboard | browser::Copied::Fallback => say(strings::COPIED),
                    browser::Copied::No => {
                        if let Some(node) = pre.get() {
                            browser::select_contents(&node);
                        }
                        say(strings::COPY_SELECTED);
                    }
                }
            });
        })
    };
    let on_download = {
        let text = props.text.clone();
        let kind = props.kind;
        Callback::from(move |_: MouseEvent| {
            let Some(text) = &text else { return };
            if browser::download(kind.file_name(), &script::ps1_file(text), "text/plain;charset=utf-8") {
                say(strings::DOWNLOADED);
            }
        })
    };
    let ready = props.text.is_some();
    html! {
        <div class="script-output">
            <div class="script-toolbar">
                <h3 id="script-output-title">{ strings::SCRIPT_OUTPUT }</h3>
                // A request to copy by hand is not a success: neutral, not green.
                <p class={classes!("copy-status", (*status == Some(strings::COPY_SELECTED)).then_some("copy-status-manual"))}
                    role="status" data-testid="copy-status">
                    { match *status {
                        Some(msg) if msg == strings::DOWNLOADED => format!("{msg} {}", props.kind.file_name()),
                        Some(msg) => msg.to_string(),
                        None => String::new(),
                    } }
                </p>
                <div class="actions">
                    <button type="button" class="button button-primary" id="copy" data-testid="copy" disabled={!ready} onclick={on_copy}>
                        { strings::COPY }
                    </button>
                    <button type="button" class="button" id="download" data-testid="download" disabled={!ready} onclick={on_download}>
                        { strings::DOWNLOAD }
                    </button>
                </div>
            </div>
            if let (Some(note), Some(_)) = (&props.note, &props.text) {
                <p class="hint script-note" data-testid="script-note">{ note.clone() }</p>
            }
            { match &props.text {
                Some(text) => html! {
                    <pre class="script" id="script" data-testid="script" ref={pre} tabindex="0" aria-labelledby="script-output-title"><code>{ text.clone() }</code></pre>
                },
                None => html! { <p class="script-pending" data-testid="script-pending">{ strings::SCRIPT_PENDING }</p> },
            } }
        </div>
    }
}
