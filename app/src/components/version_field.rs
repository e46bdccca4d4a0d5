use phs_doctor_core::version::VersionError;
use phs_doctor_core::ConnectVersion;
use yew::prelude::*;

use crate::strings;
use crate::text::sentence;

#[derive(Properties, PartialEq)]
pub struct VersionFieldProps {
    pub value: AttrValue,
    pub on_input: Callback<String>,
}

/// The Connect version, validated as it is typed by `ConnectVersion::parse`. Empty is allowed:
/// it means "I don't know".
#[component]
pub fn VersionField(props: &VersionFieldProps) -> Html {
    let parsed = ConnectVersion::parse(&props.value);
    let error = match &parsed {
        Err(VersionError::Empty) | Ok(_) => None,
        Err(e) => Some(sentence(&e.to_string())),
    };
    let oninput = props.on_input.reform(|e: InputEvent| e.target_unchecked_into::<web_sys::HtmlInputElement>().value());
    let described = if error.is_some() { "version-hint version-error" } else { "version-hint version-ok" };
    html! {
        <div class={classes!("field", error.is_some().then_some("invalid"))}>
            <label for="version">{ strings::VERSION_LABEL }</label>
            <p class="hint" id="version-hint">{ strings::VERSION_HINT }</p>
            <input id="version" data-testid="version" type="text" inputmode="decimal"
                autocomplete="off" spellcheck="false" placeholder={strings::VERSION_PLACEHOLDER}
                value={props.value.clone()} {oninput}
                aria-invalid={error.is_some().then_some("true")} aria-describedby={described} />
            <div aria-live="polite">
                { match (&parsed, error) {
                    (_, Some(msg)) => html! { <p class="field-error" id="version-error" data-testid="version-error">{ msg }</p> },
                    (Ok(v), None) => html! { <p class="field-ok" id="version-ok" data-testid="version-ok">{ format!("\u{2713} {} {v}", strings::VERSION_OK) }</p> },
                    _ => html! {},
                } }
            </div>
        </div>
    }
}
