use phs_doctor_core::knowledge;
use phs_doctor_core::walk::GateNotice;
use phs_doctor_core::ConnectVersion;
use yew::prelude::*;

use crate::components::gate_notice::GateNoticeView;
use crate::components::nav_link::NavLink;
use crate::components::rich_text::RichText;
use crate::components::severity_badge::SeverityBadge;
use crate::components::source_note::SourceNote;
use crate::route::Route;
use crate::strings;

#[derive(Properties, PartialEq)]
pub struct StatusCardProps {
    pub name: &'static str,
    /// The version from the start page, for the status's version gate.
    pub version: Option<ConnectVersion>,
    /// On the value's own page: no name heading (the page's title is the name).
    #[prop_or_default]
    pub standalone: bool,
}

/// One status value: what it means and the next step.
#[component]
pub fn StatusCard(props: &StatusCardProps) -> Html {
    let Some(s) = knowledge::status(props.name) else {
        return html! {};
    };
    let gate = s.gate.and_then(knowledge::gate).map(|g| GateNotice {
        status: g.status(props.version),
        min_version: g.min.to_string(),
        text: g.text,
    });
    html! {
        <article class={classes!("card", "status", format!("sev-border-{}", s.severity.as_str()))}
            id={format!("status-{}", s.name)} data-testid={format!("status-{}", s.name)} aria-labelledby={format!("status-{}-name", s.name)}>
            <header class="status-head">
                // On the value's own page the page's heading is the name (`status-<Name>-name`).
                if !props.standalone {
                    <h2 id={format!("status-{}-name", s.name)}>
                        <NavLink to={Route::Status { name: s.name.to_string() }}><code>{ s.name }</code></NavLink>
                    </h2>
                }
                <SeverityBadge severity={s.severity} />
            </header>
            <div class="status-body">
                <div>
                    <h3>{ strings::STATUS_MEANING }</h3>
                    <RichText text={s.description} class="status-description" />
                </div>
                <div>
                    <h3>{ strings::STATUS_NEXT }</h3>
                    <RichText text={s.next_step} class="status-next" />
                    <SourceNote source={s.next_step.source} />
                    if let Some(g) = gate {
                        <GateNoticeView notice={g} version={props.version.map(|v| AttrValue::from(v.to_string()))} />
                    }
                </div>
            </div>
        </article>
    }
}
