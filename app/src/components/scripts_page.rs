use std::collections::HashSet;

use phs_doctor_core::script::{self, Field, ScriptKind};
use yew::prelude::*;

use crate::components::nav_link::NavLink;
use crate::components::script_field::ScriptField;
use crate::components::script_output::ScriptOutputView;
use crate::route::Route;
use crate::state::{use_app, AppAction};
use crate::strings;
use crate::text::sentence;

#[derive(Properties, PartialEq)]
pub struct ScriptsPageProps {
    /// `ScriptKind::id()`; `None` shows the first.
    pub kind: Option<AttrValue>,
}

/// The script generators with live validation (`script::generate`). The values typed here stay
/// in memory: they never go into the URL.
#[component]
pub fn ScriptsPage(props: &ScriptsPageProps) -> Html {
    let app = use_app();
    // Errors of an empty field are shown once the user has typed in it, not on arrival.
    let touched = use_state(HashSet::<Field>::new);
    let kind = match &props.kind {
        None => Some(ScriptKind::ALL[0]),
        Some(id) => ScriptKind::from_id(id),
    };
    let tabs = html! {
        <nav class="tabs" aria-label={strings::SCRIPTS_TABS}>
            <ul>
                { for ScriptKind::ALL.into_iter().map(|k| html! {
                    <li><NavLink to={Route::Script { kind: k.id().to_string() }} current={kind == Some(k)}
                        id={AttrValue::from(format!("tab-{}", k.id()))}>{ k.title() }</NavLink></li>
                }) }
            </ul>
        </nav>
    };
    let Some(kind) = kind else {
        return html! {
            <div class="page scripts" data-testid="page-scripts">
                <h1>{ strings::SCRIPTS_TITLE }</h1>
                { tabs }
                <p class="field-error" data-testid="unknown-script">{ strings::SCRIPT_UNKNOWN }</p>
            </div>
        };
    };
    let input = &app.script_input;
    let output = script::generate(kind, input);
    let messages = |list: &[script::FieldError], field: Field| -> Vec<AttrValue> {
        list.iter().filter(|e| e.field == field).map(|e| AttrValue::from(sentence(&e.message))).collect()
    };
    html! {
        <div class="page scripts" data-testid="page-scripts" data-kind={kind.id()}>
            <h1>{ strings::SCRIPTS_TITLE }</h1>
            <p class="lead">{ strings::SCRIPTS_LEAD }</p>
            { tabs }
            <section class="card script-card" aria-labelledby="script-title">
                <h2 id="script-title" data-testid="script-title">{ kind.title() }</h2>
                <form class="script-fields" onsubmit={Callback::from(|e: SubmitEvent| e.prevent_default())}>
                    if kind.fields().is_empty() { <p class="hint">{ strings::SCRIPT_NO_FIELDS }</p> }
                    { for kind.fields().iter().map(|&field| {
                        let value = input.get(field).to_string();
                        let show_errors = !value.is_empty() || touched.contains(&field);
                        let on_input = {
                            let app = app.clone();
                            let touched = touched.clone();
                            Callback::from(move |v: String| {
                                if !touched.contains(&field) {
                                    let mut t = (*touched).clone();
                                    t.insert(field);
                                    touched.set(t);
                                }
                                app.dispatch(AppAction::Field(field, v));
                            })
                        };
                        html! {
                            <ScriptField key={field.id()} {field} value={AttrValue::from(value)}
                                optional={kind.optional(field)}
                                errors={if show_errors { messages(&output.errors, field) } else { vec![] }}
                                warnings={messages(&output.warnings, field)}
                                {on_input} />
                        }
                    }) }
                </form>
                <ScriptOutputView {kind} text={output.text.clone().map(AttrValue::from)}
                    note={(!output.spelled.is_empty()).then_some(AttrValue::Static(script::SPELLED_NOTE))} />
            </section>
        </div>
    }
}
