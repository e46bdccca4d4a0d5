use phs_doctor_core::knowledge::{CONNECTIVITY_IDS, CONNECTIVITY_MEANING, CONNECTIVITY_SOURCE};
use yew::prelude::*;

use crate::components::nav_link::NavLink;
use crate::components::source_note::SourceNote;
use crate::route::Route;
use crate::strings;

#[derive(Properties, PartialEq)]
pub struct ConnectivityRuleProps {
    pub title: &'static str,
}

/// The article's connectivity rule (events 0, 611, 652 and 655), each ID a link to its page.
#[component]
pub fn ConnectivityRule(props: &ConnectivityRuleProps) -> Html {
    let last = CONNECTIVITY_IDS.len().saturating_sub(1);
    html! {
        <div class="notice notice-warning" data-testid="connectivity-rule">
            <p class="notice-title">{ props.title }</p>
            <p>
                { strings::LOOKUP_CONNECTIVITY_IDS }{ " " }
                { for CONNECTIVITY_IDS.iter().enumerate().map(|(i, id)| html! {
                    <>
                        <NavLink to={Route::Event { id: id.to_string() }} class="ref">{ id }</NavLink>
                        { if i < last { ", " } else { "" } }
                    </>
                }) }
                { strings::connectivity_from(CONNECTIVITY_SOURCE) }
                { CONNECTIVITY_MEANING.plain_for_page() }
            </p>
            <SourceNote source={CONNECTIVITY_MEANING.source} />
        </div>
    }
}
