use phs_doctor_core::knowledge::{self, Scope};
use phs_doctor_core::version;
use phs_doctor_core::ConnectVersion;
use yew::prelude::*;

use crate::components::nav_link::NavLink;
use crate::components::rich_text::RichText;
use crate::components::source_note::SourceNote;
use crate::route::{version_query, Route};
use crate::strings;

#[derive(Properties, PartialEq)]
pub struct RecommendationProps {
    pub version: Option<ConnectVersion>,
    pub scope: Scope,
}

/// The pause in typing after which a changed recommendation is announced: "2.4" is already a
/// version (2.4.0.0), so announcing on every keystroke would read out every partial version.
const ANNOUNCE_AFTER_MS: u32 = 900;

/// The core's recommendation for a version, with links that start each applicable path. A
/// change of it while a version is typed is announced (a polite live region) once typing pauses,
/// and only when the recommended method or its reason changed.
#[component]
pub fn Recommendation(props: &RecommendationProps) -> Html {
    let rec = version::recommend(props.version);
    let announced = use_state_eq(String::new);
    // What was last said or shown at the start (the first render is not announced).
    let last = use_mut_ref(|| None::<String>);
    {
        let announced = announced.clone();
        let said = strings::recommendation_changed(rec.primary.label(), &rec.reason);
        use_effect_with(said, move |said| {
            let first = last.borrow().is_none();
            let timer = if first {
                *last.borrow_mut() = Some(said.clone());
                None
            } else {
                let said = said.clone();
                Some(gloo::timers::callback::Timeout::new(ANNOUNCE_AFTER_MS, move || {
                    if last.borrow().as_deref() != Some(said.as_str()) {
                        *last.borrow_mut() = Some(said.clone());
                        announced.set(said);
                    }
                }))
            };
            move || drop(timer)
        });
    }
    let query = version_query(props.version);
    let start = |method: knowledge::Method, primary: bool| -> Html {
        let Some(path) = knowledge::path_for(method, props.scope) else {
            return html! {};
        };
        let class = if primary { "button button-primary" } else { "button" };
        html! {
            <span data-testid={format!("start-{}", method.as_str())} class="start-link">
                <NavLink to={Route::PathStart { id: path.id.to_string() }}
                    query={query.clone()} class={classes!(class)}>
                    { if primary { format!("{}: {}", strings::START_PATH, method.label()) } else { method.label().to_string() } }
                </NavLink>
            </span>
        }
    };
    html! {
        <section class="card recommendation" aria-labelledby="rec-title" data-testid="recommendation">
            <h2 id="rec-title">{ strings::RECOMMEND_TITLE }</h2>
            <p class="visually-hidden" role="status" aria-live="polite" data-testid="recommendation-announce">{ (*announced).clone() }</p>
            if let Some(r) = rec.retired {
                <div class="notice notice-warning" data-testid="retired">
                    <RichText text={r} />
                    <SourceNote source={r.source} />
                </div>
            }
            <p class="reason" data-testid="reason">{ rec.reason.clone() }</p>
            <div class="actions">{ start(rec.primary, true) }</div>
            if !rec.also.is_empty() {
                <h3 class="also-title">{ strings::ALSO_TITLE }</h3>
                <div class="actions">{ for rec.also.iter().map(|m| start(*m, false)) }</div>
            }
        </section>
    }
}
