use phs_doctor_core::knowledge::EVENT_LOG_ADVICE;
use phs_doctor_core::lookup::{self, EventLookup, OtherEvent};
use phs_doctor_core::walk::WalkState;
use yew::prelude::*;

use crate::components::connectivity_rule::ConnectivityRule;
use crate::components::learn_more::LearnMore;
use crate::components::lookup_next::{step_label, LookupNext};
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

/// One event: from the article's table, outside it but known (`content/other_events.json`: what
/// is known and what the Analyze page reports for it), or why there is none, with the nearest IDs.
#[component]
pub fn EventPage(props: &EventPageProps) -> Html {
    let back =
        html! { <p class="crumb"><NavLink to={Route::Events} id={AttrValue::Static("all-events")}>{ strings::EVENT_ALL }</NavLink></p> };
    match lookup::event(&props.id) {
        EventLookup::Other(o) => html! { <OtherEventPage event={o} back={back} /> },
        EventLookup::Table(e) => html! {
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
                    if let Some(l) = e.learn { <LearnMore link={l} /> }
                    <dl class="meta">
                        <div><dt>{ strings::COL_CATEGORY }</dt><dd><span class="tag">{ strings::category_label(e.category) }</span></dd></div>
                        <div><dt>{ strings::COL_SEVERITY }</dt><dd><SeverityBadge severity={e.severity} /></dd></div>
                    </dl>
                    if !e.in_table { <p class="hint">{ strings::EVENT_NOT_IN_TABLE }</p> }
                    if e.connectivity() {
                        <ConnectivityRule title={strings::EVENTS_CONNECTIVITY} />
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
        EventLookup::Unknown(err) => html! {
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

#[derive(Properties, PartialEq)]
struct OtherEventProps {
    event: &'static OtherEvent,
    back: Html,
}

/// An event outside the article's table: that it is not in the table, what is known about it,
/// what the Analyze page reports for it and what to do.
#[component]
fn OtherEventPage(props: &OtherEventProps) -> Html {
    let e = props.event;
    let error = e.error_page();
    html! {
        <div class="page event" data-testid="page-event">
            { props.back.clone() }
            <h1 data-testid="event-title">{ strings::event_title(e.id) }</h1>
            <section class="card" data-testid="event-other">
                <div class="notice notice-info">
                    <p class="notice-title">{ strings::OTHER_TITLE }</p>
                    <p>{ strings::other_lead(e.id) }</p>
                </div>
                <dl class="meta">
                    <div><dt>{ strings::OTHER_PROVIDER }</dt><dd data-testid="event-provider">{ e.provider.unwrap_or(strings::OTHER_PROVIDER_UNKNOWN) }</dd></div>
                    <div><dt>{ strings::OTHER_FEATURE }</dt><dd data-testid="event-feature">{ e.feature }</dd></div>
                    <div><dt>{ strings::OTHER_CONCERNS }</dt><dd data-testid="event-concerns">{ strings::concerns_label(e.concerns_phs) }</dd></div>
                </dl>
                <RichText text={e.about} class="event-note" />
                <SourceNote source={e.about.source} />
                if let Some(p) = &error {
                    <p data-testid="event-known-message">
                        { strings::OTHER_MESSAGE }{ " " }
                        <NavLink to={Route::Error { code: p.key.to_string() }}><q>{ p.first().message }</q></NavLink>
                    </p>
                }
            </section>
            <LookupNext findings={e.analysis.into_iter().collect::<Vec<_>>()}>
                if e.analysis.is_none() {
                    <p data-testid="lookup-no-finding">{ strings::other_analysis_none() }</p>
                }
            </LookupNext>
        </div>
    }
}
