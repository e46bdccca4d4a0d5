use phs_doctor_core::knowledge::{STATUSES, STATUS_WHERE};
use phs_doctor_core::lookup;
use yew::prelude::*;

use crate::components::copy_link::CopyLink;
use crate::components::rich_text::RichText;
use crate::components::source_note::SourceNote;
use crate::components::status_card::StatusCard;
use crate::filter::use_route_filter;
use crate::route::Route;
use crate::state::use_app;
use crate::strings;

/// The password sync log status values, with a filter (`lookup::filter_statuses`, typo-tolerant)
/// kept in the route (`#/statuses?q=temporary`).
#[component]
pub fn StatusesPage() -> Html {
    let app = use_app();
    let version = app.version();
    let (query, oninput) = use_route_filter(Route::Statuses);
    let shown = lookup::filter_statuses(&query);
    html! {
        <div class="page statuses" data-testid="page-statuses">
            <div class="page-head">
                <h1>{ strings::STATUSES_TITLE }</h1>
                <CopyLink />
            </div>
            <p class="lead">{ strings::STATUSES_LEAD }</p>
            <div class="notice notice-info" data-testid="status-where">
                <p class="notice-title">{ strings::STATUSES_WHERE }</p>
                <RichText text={STATUS_WHERE} />
                <SourceNote source={STATUS_WHERE.source} />
            </div>
            <div class="field filter">
                <label for="status-filter">{ strings::STATUSES_FILTER }</label>
                <input id="status-filter" data-testid="statuses-filter" type="search" autocomplete="off" spellcheck="false"
                    value={query.clone()} {oninput} aria-describedby="statuses-count" />
                <p class="hint" id="statuses-count" data-testid="statuses-count" aria-live="polite">
                    { strings::statuses_count(shown.len(), STATUSES.len()) }
                </p>
            </div>
            if shown.is_empty() {
                <p class="empty" data-testid="statuses-empty">{ strings::STATUSES_NONE }</p>
            } else {
                <ul class="status-list">
                    { for shown.iter().map(|s| html! { <li key={s.name}><StatusCard name={s.name} version={version} /></li> }) }
                </ul>
            }
        </div>
    }
}
