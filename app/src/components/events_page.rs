use phs_doctor_core::knowledge::{self, CONNECTIVITY_IDS, CONNECTIVITY_MEANING, CONNECTIVITY_SOURCE, EVENTS, EVENT_LOG_ADVICE};
use yew::prelude::*;
use yew_router::prelude::*;

use crate::components::copy_link::CopyLink;
use crate::components::event_row::EventRow;
use crate::components::rich_text::RichText;
use crate::components::source_note::SourceNote;
use crate::route::{self, Route};
use crate::strings;

/// The event ID table with a filter box (`knowledge::filter_events`). The filter is in the
/// route (`#/events?q=611`), so Back and a shared link restore it.
#[component]
pub fn EventsPage() -> Html {
    let location = use_location();
    let navigator = use_navigator();
    let from_url = location.as_ref().and_then(|l| route::query_value(l.query_str(), "q")).unwrap_or_default();
    let query = use_state(|| from_url.clone());
    {
        // The route changed under the page (Back, Forward, a link): it wins.
        let query = query.clone();
        use_effect_with(from_url, move |q| {
            if *query != *q {
                query.set(q.clone());
            }
        });
    }
    let shown = knowledge::filter_events(&query);
    let oninput = {
        let query = query.clone();
        Callback::from(move |e: InputEvent| {
            let value = e.target_unchecked_into::<web_sys::HtmlInputElement>().value();
            if let Some(n) = &navigator {
                let q = if value.is_empty() { vec![] } else { vec![("q", value.clone())] };
                route::replace(n, &Route::Events, &q);
            }
            query.set(value);
        })
    };
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
            <div class="notice notice-warning" data-testid="connectivity-rule">
                <p class="notice-title">{ strings::EVENTS_CONNECTIVITY_TITLE }</p>
                <p>{ strings::connectivity_ids(CONNECTIVITY_IDS, CONNECTIVITY_SOURCE) }{ " " }{ CONNECTIVITY_MEANING.plain_for_page() }</p>
                <SourceNote source={CONNECTIVITY_MEANING.source} />
            </div>
            <SourceNote source={knowledge::EVENT_TABLE_SOURCE} />
            <div class="field filter">
                <label for="event-filter">{ strings::EVENTS_FILTER }</label>
                <input id="event-filter" data-testid="event-filter" type="search" autocomplete="off" spellcheck="false"
                    value={(*query).clone()} {oninput} aria-describedby="event-count" />
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
