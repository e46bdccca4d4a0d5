use gloo::timers::callback::Timeout;
use phs_doctor_core::Text;
use wasm_bindgen::JsCast;
use yew::prelude::*;

use crate::browser;
use crate::strings;

#[derive(Properties, PartialEq)]
pub struct RichTextProps {
    pub text: Text,
    #[prop_or_default]
    pub class: Classes,
    #[prop_or_default]
    pub id: Option<AttrValue>,
}

/// Content text from the core. `Text::html` is rendered at build time from the markdown in
/// `content/` (trusted, never user input), so it is inserted as HTML. Nothing the user types
/// ever goes through here.
///
/// A command in the text (`<code class="cmd">`) is followed by its copy button (written at
/// build time, `data-cmd="N"`): a click on it copies `Text::commands()[N]` through
/// [`browser::copy_text`] and says so in the text's `role="status"` region (rendered only for a
/// text with commands).
#[component]
pub fn RichText(props: &RichTextProps) -> Html {
    let status = use_state_eq(|| None::<String>);
    let clear = use_mut_ref(|| None::<Timeout>);
    let has_commands = !props.text.commands().is_empty();
    let onclick = {
        let text = props.text;
        let status = status.clone();
        Callback::from(move |e: MouseEvent| {
            let Some(button) =
                e.target().and_then(|t| t.dyn_into::<web_sys::Element>().ok()).and_then(|t| t.closest("button.copy-cmd").ok().flatten())
            else {
                return;
            };
            let Some(command) =
                button.get_attribute("data-cmd").and_then(|n| n.parse::<usize>().ok()).and_then(|n| text.commands().into_iter().nth(n))
            else {
                return;
            };
            let status = status.clone();
            let clear = clear.clone();
            wasm_bindgen_futures::spawn_local(async move {
                let msg = match browser::copy_text(&command).await {
                    browser::Copied::Clipboard | browser::Copied::Fallback => strings::command_copied(&command),
                    browser::Copied::No => {
                        // The command is selected for Ctrl+C.
                        if let Some(code) = button.previous_element_sibling() {
                            browser::select_contents(&code);
                        }
                        strings::COMMAND_COPY_MANUAL.to_string()
                    }
                };
                status.set(Some(msg));
                let status = status.clone();
                *clear.borrow_mut() = Some(Timeout::new(6_000, move || status.set(None)));
            });
        })
    };
    let manual = status.as_deref() == Some(strings::COMMAND_COPY_MANUAL);
    html! {
        <div class={classes!("rich", props.class.clone())} id={props.id.clone()} onclick={has_commands.then_some(onclick)}>
            { Html::from_html_unchecked(AttrValue::Static(props.text.html)) }
            if has_commands {
                <p class={classes!("copy-status", "cmd-status", manual.then_some("copy-status-manual"))} role="status" data-testid="command-status">
                    { status.as_deref().unwrap_or("") }
                </p>
            }
        </div>
    }
}
