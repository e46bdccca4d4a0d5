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

/// The core's recommendation for a version, with links that start each applicable path.
#[component]
pub fn Recommendation(props: &RecommendationProps) -> Html {
    let rec = version::recommend(props.version);
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
