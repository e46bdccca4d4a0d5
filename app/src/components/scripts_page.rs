use std::collections::HashSet;

use phs_doctor_core::script::{self, Field, ScriptKind};
use yew::prelude::*;
use yew_router::prelude::*;

use crate::components::copy_link::CopyLink;
use crate::components::nav_link::NavLink;
use crate::components::script_field::ScriptField;
use crate::components::script_output::ScriptOutputView;
use crate::route::{self, Route};
use crate::script_link;
use crate::state::{use_app, AppAction};
use crate::strings;
use crate::text::sentence;

#[derive(Properties, PartialEq)]
pub struct ScriptsPageProps {
    /// `ScriptKind::id()`; `None` shows the first.
    pub kind: Option<AttrValue>,
}

/// The script generators with live validation (`script::generate`). The values typed here stay
/// in memory; they go into the URL only while "Include the values in the link" is ticked
/// (`script_link`), and a link with values fills them in.
#[component]
pub fn ScriptsPage(props: &ScriptsPageProps) -> Html {
    let app = use_app();
    let navigator = use_navigator();
    let location = use_location();
    let query = location.as_ref().map(|l| l.query_str().to_string()).unwrap_or_default();
    let parsed_kind = props.kind.as_ref().map_or(Some(ScriptKind::ALL[0]), |id| ScriptKind::from_id(id));
    // Ticked when the page is opened from a link with values.
    let in_link = use_state(|| parsed_kind.is_some_and(|k| !script_link::values(&query, k).is_empty()));
    {
        // A link with values fills the fields in (and a route without says nothing).
        let app = app.clone();
        let in_link = in_link.clone();
        use_effect_with((query.clone(), parsed_kind), move |(query, kind)| {
            let values = kind.map(|k| script_link::values(query, k)).unwrap_or_default();
            if !values.is_empty() && !*in_link {
                in_link.set(true);
            }
            for (field, value) in values {
                if app.script_input.get(field) != value {
                    app.dispatch(AppAction::Field(field, value));
                }
            }
        });
    }
    // The route with or without the values (replaced: typing is not a step for Back).
    let keep = {
        let navigator = navigator.clone();
        let props_kind = props.kind.clone();
        let version = app.version();
        move |include: bool, input: &phs_doctor_core::script::ScriptInput| {
            let (Some(n), Some(kind)) = (&navigator, parsed_kind) else { return };
            let to = match &props_kind {
                Some(_) => Route::Script { kind: kind.id().to_string() },
                None => Route::Scripts,
            };
            let q = if include { script_link::query(version, kind, input) } else { route::version_query(version).unwrap_or_default() };
            route::replace(n, &to, &q);
        }
    };
    let on_in_link = {
        let in_link = in_link.clone();
        let keep = keep.clone();
        let input = app.script_input.clone();
        Callback::from(move |e: Event| {
            let on = e.target_dyn_into::<web_sys::HtmlInputElement>().is_some_and(|i| i.checked());
            in_link.set(on);
            keep(on, &input);
        })
    };
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
                        query={(*in_link).then(|| script_link::query(app.version(), k, &app.script_input))}
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
                            let keep = keep.clone();
                            let include = *in_link;
                            Callback::from(move |v: String| {
                                if !touched.contains(&field) {
                                    let mut t = (*touched).clone();
                                    t.insert(field);
                                    touched.set(t);
                                }
                                if include {
                                    let mut input = app.script_input.clone();
                                    input.set(field, v.clone());
                                    keep(true, &input);
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
                if !kind.fields().is_empty() {
                    <div class="script-link-row">
                        <p class="script-in-link">
                            <label>
                                <input type="checkbox" data-testid="values-in-link" checked={*in_link} onchange={on_in_link} />
                                { strings::SCRIPT_VALUES_IN_LINK }
                            </label>
                            <span class="hint">{ strings::SCRIPT_VALUES_IN_LINK_HINT }</span>
                        </p>
                        <CopyLink />
                    </div>
                }
                <ScriptOutputView {kind} text={output.text.clone().map(AttrValue::from)}
                    note={(!output.spelled.is_empty()).then_some(AttrValue::Static(script::SPELLED_NOTE))} />
            </section>
        </div>
    }
}
