use phs_doctor_core::knowledge::{STATUSES, STATUS_WHERE};
use yew::prelude::*;

use crate::components::rich_text::RichText;
use crate::components::source_note::SourceNote;
use crate::components::status_card::StatusCard;
use crate::state::use_app;
use crate::strings;

/// The password sync log status values.
#[component]
pub fn StatusesPage() -> Html {
    let app = use_app();
    let version = app.version();
    html! {
        <div class="page statuses" data-testid="page-statuses">
            <h1>{ strings::STATUSES_TITLE }</h1>
            <p class="lead">{ strings::STATUSES_LEAD }</p>
            <div class="notice notice-info" data-testid="status-where">
                <p class="notice-title">{ strings::STATUSES_WHERE }</p>
                <RichText text={STATUS_WHERE} />
                <SourceNote source={STATUS_WHERE.source} />
            </div>
            <ul class="status-list">
                { for STATUSES.iter().map(|s| html! { <li key={s.name}><StatusCard name={s.name} version={version} /></li> }) }
            </ul>
        </div>
    }
}
