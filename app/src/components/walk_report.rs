use phs_doctor_core::report::walk_report;
use phs_doctor_core::walk::WalkState;
use phs_doctor_core::ConnectVersion;
use yew::prelude::*;

use crate::browser;
use crate::strings;

#[derive(Properties, PartialEq)]
pub struct WalkReportProps {
    pub state: WalkState,
    pub version: Option<ConnectVersion>,
}

/// "Copy report" for a walk (`core::report::walk_report`): the path, the answers and where the
/// walk stands, as Markdown for a ticket. Made when asked for.
#[component]
pub fn WalkReport(props: &WalkReportProps) -> Html {
    let status = use_state_eq(|| None::<&'static str>);
    {
        let status = status.clone();
        use_effect_with(props.state.clone(), move |_| status.set(None));
    }
    let on_copy = {
        let state = props.state.clone();
        let version = props.version;
        let status = status.clone();
        Callback::from(move |_: MouseEvent| {
            let md = walk_report(&state.view(version), version, Some(browser::today()));
            let status = status.clone();
            wasm_bindgen_futures::spawn_local(async move {
                status.set(Some(match browser::copy_text(&md).await {
                    browser::Copied::Clipboard | browser::Copied::Fallback => strings::REPORT_COPIED,
                    browser::Copied::No => strings::WALK_REPORT_COPY_FAILED,
                }));
            });
        })
    };
    let manual = *status == Some(strings::WALK_REPORT_COPY_FAILED);
    html! {
        <>
            <button type="button" class="button" data-testid="copy-walk-report" onclick={on_copy}>{ strings::REPORT_COPY }</button>
            <p class={classes!("report-status", manual.then_some("copy-status-manual"))} role="status" data-testid="walk-report-status">
                { status.unwrap_or("") }
            </p>
        </>
    }
}
