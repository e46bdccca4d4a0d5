use phs_doctor_core::lookup;
use yew::prelude::*;

use crate::components::copy_link::CopyLink;
use crate::components::nav_link::NavLink;
use crate::filter::use_route_filter;
use crate::route::Route;
use crate::strings;

/// The errors PHS Doctor decodes (`content/errors.json`), with a filter by number, hex, name or
/// words (`lookup::filter_errors`) kept in the route (`#/errors?q=0x2105`).
#[component]
pub fn ErrorsPage() -> Html {
    let (query, oninput) = use_route_filter(Route::Errors);
    let shown = lookup::filter_errors(&query);
    let total = lookup::error_pages().len();
    html! {
        <div class="page errors" data-testid="page-errors">
            <div class="page-head">
                <h1>{ strings::ERRORS_TITLE }</h1>
                <CopyLink />
            </div>
            <p class="lead">{ strings::ERRORS_LEAD }</p>
            <div class="field filter">
                <label for="error-filter">{ strings::ERRORS_FILTER }</label>
                <input id="error-filter" data-testid="error-filter" type="search" autocomplete="off" spellcheck="false"
                    value={query.clone()} {oninput} aria-describedby="error-count" />
                <p class="hint" id="error-count" data-testid="error-count" aria-live="polite">{ strings::errors_count(shown.len(), total) }</p>
            </div>
            if shown.is_empty() {
                <p class="empty" data-testid="errors-empty">{ strings::ERRORS_NONE }</p>
            } else {
                <table class="data-table errors-table" data-testid="errors-table">
                    <thead>
                        <tr>
                            <th scope="col">{ strings::COL_ID }</th>
                            <th scope="col">{ strings::ERROR_MESSAGE }</th>
                            <th scope="col">{ strings::COL_REPORTED_AS }</th>
                        </tr>
                    </thead>
                    <tbody>
                        { for shown.iter().map(|p| {
                            let e = p.first();
                            let finding = e.finding.info().title;
                            html! {
                                <tr key={p.key} data-testid={format!("error-{}", p.key)}>
                                    <th scope="row" class="error-id">
                                        <NavLink to={Route::Error { code: p.key.to_string() }}>{ strings::error_heading(e) }</NavLink>
                                    </th>
                                    <td class="error-message">{ e.message }</td>
                                    <td class="error-finding" data-label={strings::COL_REPORTED_AS}>{ finding }</td>
                                </tr>
                            }
                        }) }
                    </tbody>
                </table>
            }
        </div>
    }
}
