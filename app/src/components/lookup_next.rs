use phs_doctor_core::knowledge;
use phs_doctor_core::walk::WalkState;
use yew::prelude::*;

use crate::components::nav_link::NavLink;
use crate::components::severity_badge::SeverityBadge;
use crate::route::Route;
use crate::strings;

#[derive(Properties, PartialEq)]
pub struct LookupNextProps {
    /// Where this belongs in the guided paths (`path/node`, `status:Name`, `result:id`).
    #[prop_or_default]
    pub step: Option<AttrValue>,
    /// The findings the Analyze page reports for it (ids of `content/findings.json`).
    #[prop_or_default]
    pub findings: Vec<&'static str>,
    #[prop_or_default]
    pub children: Html,
}

/// The end of every look-up page: what the Analyze page reports for it, the guided-path step it
/// belongs to, and the way to Analyze.
#[component]
pub fn LookupNext(props: &LookupNextProps) -> Html {
    let findings: Vec<&'static knowledge::FindingInfo> = props.findings.iter().filter_map(|id| knowledge::finding(id)).collect();
    let own_step = props.step.as_deref().and_then(WalkState::leading_to);
    html! {
        <section class="card lookup-next" data-testid="lookup-next" aria-labelledby="lookup-next-title">
            <h2 id="lookup-next-title">{ strings::LOOKUP_NEXT }</h2>
            { for findings.iter().map(|f| {
                let walk = f.node.and_then(WalkState::leading_to);
                html! {
                    <div class="lookup-finding" data-testid="lookup-finding">
                        <p>{ strings::LOOKUP_FINDING }{ " " }<SeverityBadge severity={f.severity} />{ " " }<strong>{ f.title }</strong></p>
                        if let Some(w) = walk.filter(|w| own_step.as_ref() != Some(w)) {
                            <p data-testid="lookup-finding-step"><NavLink to={Route::walk(&w)}>{ step_label(&w) }</NavLink></p>
                        }
                    </div>
                }
            }) }
            if let Some(w) = &own_step {
                <p data-testid="lookup-step">
                    <NavLink to={Route::walk(w)} id={AttrValue::Static("lookup-step-link")}>{ step_label(w) }</NavLink>
                </p>
            }
            <p data-testid="lookup-analyse">
                { strings::LOOKUP_ANALYSE }{ " " }
                <NavLink to={Route::Analyze} id={AttrValue::Static("lookup-analyse-link")}>{ strings::EVENT_ANALYSE_LINK }</NavLink>
                { strings::LOOKUP_ANALYSE_END }
            </p>
            { props.children.clone() }
        </section>
    }
}

/// Which step of which path a link opens.
pub fn step_label(w: &WalkState) -> String {
    let view = w.view(None);
    strings::finding_path(view.step_number, view.current.title, view.path_title)
}
