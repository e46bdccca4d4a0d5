use phs_doctor_core::knowledge::{self, CONNECTIVITY_IDS, CONNECTIVITY_MEANING, CONNECTIVITY_SOURCE, EVENT_LOG_ADVICE};
use phs_doctor_core::walk::WalkState;
use yew::prelude::*;

use crate::components::nav_link::NavLink;
use crate::components::rich_text::RichText;
use crate::components::severity_badge::SeverityBadge;
use crate::components::source_note::SourceNote;
use crate::route::Route;
use crate::strings;

#[derive(Properties, PartialEq)]
pub struct EventPageProps {
    pub id: AttrValue,
}

/// One event (`knowledge::lookup_event`), or why there is none, with the nearest IDs.
#[component]
pub fn EventPage(props: &EventPageProps) -> Html {
    let back =
        html! { <p class="crumb"><NavLink to={Route::Events} id={AttrValue::Static("all-events")}>{ strings::EVENT_ALL }</NavLink></p> };
    match knowledge::lookup_event(&props.id) {
        Ok(e) => html! {
            <div class="page event" data-testid="page-event">
                { back }
                <h1 data-testid="event-title">{ strings::event_title(e.id) }</h1>
                <section class="card">
                    <p class="event-description" data-testid="event-description">{ e.description }</p>
                    <SourceNote source={e.description_source} />
                    if let Some(note) = e.note {
                        <RichText text={note} class="event-note" />
                        <SourceNote source={note.source} />
                    }
                    <dl class="meta">
                        <div><dt>{ strings::COL_CATEGORY }</dt><dd><span class="tag">{ strings::category_label(e.category) }</span></dd></div>
                        <div><dt>{ strings::COL_SEVERITY }</dt><dd><SeverityBadge severity={e.severity} /></dd></div>
                    </dl>
                    if !e.in_table { <p class="hint">{ strings::EVENT_NOT_IN_TABLE }</p> }
                    if e.connectivity() {
                        <div class="notice notice-warning" data-testid="connectivity-rule">
                            <p class="notice-title">{ strings::EVENTS_CONNECTIVITY }</p>
                            <p>{ strings::connectivity_ids(CONNECTIVITY_IDS, CONNECTIVITY_SOURCE) }{ " " }{ CONNECTIVITY_MEANING.plain_for_page() }</p>
                            <SourceNote source={CONNECTIVITY_MEANING.source} />
                        </div>
                    }
                </section>
                <section class="card event-next" data-testid="event-next">
                    <h2>{ strings::EVENT_NEXT }</h2>
                    if e.worth_analysing() {
                        <p data-testid="event-analyse">
                            { strings::EVENT_ANALYSE }{ " " }
                            <NavLink to={Route::Analyze} id={AttrValue::Static("event-analyse-link")}>{ strings::EVENT_ANALYSE_LINK }</NavLink>
                            { strings::EVENT_ANALYSE_END }
                        </p>
                    }
                    if let Some(w) = e.step.and_then(WalkState::leading_to) {
                        <p data-testid="event-step">
                            <NavLink to={Route::walk(&w)} id={AttrValue::Static("event-step-link")}>{ step_label(&w) }</NavLink>
                        </p>
                    }
                    <div class="notice notice-info" data-testid="log-advice">
                        <RichText text={EVENT_LOG_ADVICE} />
                        <SourceNote source={EVENT_LOG_ADVICE.source} />
                    </div>
                </section>
            </div>
        },
        Err(err) => html! {
            <div class="page event" data-testid="page-event">
                { back }
                <h1>{ strings::NOT_FOUND_TITLE }</h1>
                <p class="field-error" data-testid="event-error">{ crate::text::sentence(&err.to_string()) }</p>
                if !err.nearest.is_empty() {
                    <ul class="inline-list">
                        { for err.nearest.iter().map(|id| html! {
                            <li><NavLink to={Route::Event { id: id.to_string() }}>{ strings::event_title(*id) }</NavLink></li>
                        }) }
                    </ul>
                }
            </div>
        },
    }
}

/// Which step of which path the link opens.
fn step_label(w: &WalkState) -> String {
    let view = w.view(None);
    strings::finding_path(view.step_number, view.current.title, view.path_title)
}
