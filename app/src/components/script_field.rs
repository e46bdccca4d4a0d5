use phs_doctor_core::script::Field;
use yew::prelude::*;

use crate::strings;
use crate::text::with_code;

#[derive(Properties, PartialEq)]
pub struct ScriptFieldProps {
    pub field: Field,
    pub value: AttrValue,
    pub optional: bool,
    pub errors: Vec<AttrValue>,
    pub warnings: Vec<AttrValue>,
    pub on_input: Callback<String>,
}

/// One input of a script generator with its errors and warnings.
#[component]
pub fn ScriptField(props: &ScriptFieldProps) -> Html {
    let id = format!("field-{}", props.field.id());
    let hint_id = format!("{id}-hint");
    let msg_id = format!("{id}-messages");
    let invalid = !props.errors.is_empty();
    let oninput = props.on_input.reform(|e: InputEvent| e.target_unchecked_into::<web_sys::HtmlInputElement>().value());
    html! {
        <div class={classes!("field", invalid.then_some("invalid"), (!props.warnings.is_empty()).then_some("warned"))}>
            <label for={id.clone()}>
                { props.field.label() }
                if props.optional { <span class="optional">{ format!(" ({})", strings::SCRIPT_OPTIONAL) }</span> }
            </label>
            <p class="hint" id={hint_id.clone()}>
                { strings::field_hint(props.field) }
                if props.optional { <br />{ strings::FIELD_OPTIONAL_HINT } }
            </p>
            <input id={id.clone()} data-testid={id.clone()} type="text" autocomplete="off" spellcheck="false"
                autocapitalize="off" value={props.value.clone()} {oninput}
                aria-invalid={invalid.then_some("true")} aria-describedby={format!("{hint_id} {msg_id}")} />
            <div id={msg_id} aria-live="polite">
                { for props.errors.iter().map(|m| html! { <p class="field-error" data-testid={format!("{id}-error")}>{ with_code(m) }</p> }) }
                { for props.warnings.iter().map(|m| html! {
                    <p class="field-warning" data-testid={format!("{id}-warning")}>{ strings::WARNING_PREFIX }{ with_code(m) }</p>
                }) }
            </div>
        </div>
    }
}
