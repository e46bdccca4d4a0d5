use phs_doctor_core::knowledge::Scope;
use yew::prelude::*;

use crate::strings;

#[derive(Properties, PartialEq)]
pub struct ScopeFieldProps {
    pub value: Scope,
    pub on_change: Callback<Scope>,
}

/// The symptom: no passwords synchronized, or one object.
#[component]
pub fn ScopeField(props: &ScopeFieldProps) -> Html {
    html! {
        <fieldset class="field choice-group">
            <legend>{ strings::SCOPE_LEGEND }</legend>
            { for [Scope::All, Scope::Object].into_iter().map(|scope| {
                let id = format!("scope-{}", scope.as_str());
                let onchange = props.on_change.reform(move |_: Event| scope);
                html! {
                    <label class="choice" for={id.clone()}>
                        <input type="radio" name="scope" id={id.clone()} data-testid={id}
                            value={scope.as_str()} checked={props.value == scope} {onchange} />
                        <span>{ scope.label() }</span>
                    </label>
                }
            }) }
        </fieldset>
    }
}
