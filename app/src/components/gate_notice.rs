use phs_doctor_core::knowledge::GateStatus;
use phs_doctor_core::walk::GateNotice;
use yew::prelude::*;

use crate::components::rich_text::RichText;
use crate::strings;

#[derive(Properties, PartialEq)]
pub struct GateNoticeProps {
    pub notice: GateNotice,
    /// The user's version, as shown (`None`: not given).
    pub version: Option<AttrValue>,
}

/// A version gate as it stands for the user's version.
#[component]
pub fn GateNoticeView(props: &GateNoticeProps) -> Html {
    let n = &props.notice;
    let (class, state) = match n.status {
        GateStatus::Met => ("notice notice-ok", "met"),
        GateStatus::NotMet => ("notice notice-warning", "not-met"),
        GateStatus::Unknown => ("notice notice-info", "unknown"),
    };
    let line = strings::gate_line(n.status, &n.min_version, props.version.as_deref());
    html! {
        <div class={class} data-testid="gate-notice" data-gate={state} role="note">
            <p class="notice-title">{ line }</p>
            <RichText text={n.text} />
        </div>
    }
}
