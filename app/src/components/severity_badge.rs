use phs_doctor_core::Severity;
use yew::prelude::*;

use crate::strings;

#[derive(Properties, PartialEq)]
pub struct SeverityBadgeProps {
    pub severity: Severity,
}

/// A severity as a word and a colour (never colour alone).
#[component]
pub fn SeverityBadge(props: &SeverityBadgeProps) -> Html {
    let s = props.severity;
    html! {
        <span class={classes!("badge", format!("sev-{}", s.as_str()))} data-severity={s.as_str()}>
            { strings::severity_label(s) }
        </span>
    }
}
