use phs_doctor_core::knowledge::{self, EVENTS, EVENT_LOG_ADVICE};
use phs_doctor_core::lookup;
use yew::prelude::*;

use crate::components::connectivity_rule::ConnectivityRule;
use crate::components::copy_link::CopyLink;
use crate::components::event_row::EventRow;
use crate::components::rich_text::RichText;
use crate::components::source_note::SourceNote;
use crate::filter::use_route_filter;
use crate::route::Route;
use crate::strings;

/// The event ID table with a filter box (`lookup::filter_events`: typo-tolerant when nothing
/// matches exactly). The filter is in the route (`#/events?q=611`), so Back and a shared link
/// restore it.
#[component]
pub fn EventsPage() -> Html {
    let (query, oninput) = use_route_filter(Route::Events);
    let shown = lookup::filter_events(&query);
    html! {
        <div class="page events" data-testid="page-events">
            <div class="page-head">
                <h1>{ strings::EVENTS_TITLE }</h1>
                <CopyLink />
            </div>
            <p class="lead">{ strings::EVENTS_LEAD }</p>
            <div class="notice notice-info" data-testid="log-advice">
                <RichText text={EVENT_LOG_ADVICE} />
                <SourceNote source={EVENT_LOG_ADVICE.source} />
            </div>
            <ConnectivityRule title={strings::EVENTS_CONNECTIVITY_TITLE} />
            <SourceNote source={knowledge::EVENT_TABLE_SOURCE} />
            <div class="field filter">
                <label for="event-filter">{ strings::EVENTS_FILTER }</label>
                <input id="event-filter" data-testid="event-filter" type="search" autocomplete="off" spellcheck="false"
                    value={query.clone()} {oninput} aria-describedby="event-count" />
                <p class="hint" id="event-count" data-testid="event-count" aria-live="polite">
                    { strings::events_count(shown.len(), EVENTS.len()) }
                </p>
            </div>
            if shown.is_empty() {
                <p class="empty" data-testid="events-empty">{ strings::EVENTS_NONE }</p>
            } else {
                <table class="data-table events-table" data-testid="events-table">
                    <thead>
                        <tr>
                            <th scope="col">{ strings::COL_ID }</th>
                            <th scope="col">{ strings::COL_DESCRIPTION }</th>
                            <th scope="col">{ strings::COL_CATEGORY }</th>
                            <th scope="col">{ strings::COL_SEVERITY }</th>
                        </tr>
                    </thead>
                    <tbody>
                        { for shown.iter().map(|e| html! { <EventRow key={e.id} id={e.id} /> }) }
                    </tbody>
                </table>
            }
        </div>
    }
}
