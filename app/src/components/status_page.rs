use phs_doctor_core::knowledge;
use yew::prelude::*;

use crate::components::lookup_next::LookupNext;
use crate::components::nav_link::NavLink;
use crate::components::status_card::StatusCard;
use crate::route::Route;
use crate::state::use_app;
use crate::strings;

#[derive(Properties, PartialEq)]
pub struct StatusPageProps {
    pub name: AttrValue,
}

/// One password sync log status value (`#/status/TargetNotExportedToDirectory`): what it means,
/// the next step, where it is in the guided paths, or why there is no such value.
#[component]
pub fn StatusPage(props: &StatusPageProps) -> Html {
    let app = use_app();
    let back = html! { <p class="crumb"><NavLink to={Route::Statuses} id={AttrValue::Static("all-statuses")}>{ strings::STATUS_ALL }</NavLink></p> };
    match knowledge::lookup_status(&props.name) {
        Ok(s) => {
            let step = AttrValue::from(format!("status:{}", s.name));
            html! {
                <div class="page status-page" data-testid="page-status">
                    { back }
                    <h1 data-testid="status-title" id={format!("status-{}-name", s.name)}><code>{ s.name }</code></h1>
                    <StatusCard name={s.name} version={app.version()} standalone=true />
                    <LookupNext step={Some(step)} />
                </div>
            }
        }
        Err(err) => html! {
            <div class="page status-page" data-testid="page-status">
                { back }
                <h1>{ strings::STATUS_NOT_FOUND }</h1>
                <p class="field-error" data-testid="status-error">{ crate::text::sentence(&err.to_string()) }</p>
                if let Some(s) = err.suggestion {
                    <p><NavLink to={Route::Status { name: s.to_string() }}><code>{ s }</code></NavLink></p>
                }
            </div>
        },
    }
}
