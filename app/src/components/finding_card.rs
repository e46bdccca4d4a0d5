use phs_doctor_core::analysis::Finding;
use phs_doctor_core::knowledge::{FindingId, Param};
use phs_doctor_core::walk::WalkState;
use yew::prelude::*;

use crate::components::advice_list::AdviceList;
use crate::components::learn_more::LearnMore;
use crate::components::nav_link::NavLink;
use crate::components::rich_text::RichText;
use crate::components::severity_badge::SeverityBadge;
use crate::components::source_note::SourceNote;
use crate::route::Route;
use crate::strings;
use crate::text::ellipsis;

/// Evidence lines listed in a card; the rest are highlighted in the paste view.
const EVIDENCE_SHOWN: usize = 5;
/// Values shown of one parameter.
const VALUES_SHOWN: usize = 8;
/// Characters of an evidence line shown in a card.
const EVIDENCE_CHARS: usize = 300;

#[derive(Properties, PartialEq)]
pub struct FindingCardProps {
    pub finding: Finding,
    pub selected: bool,
    /// Receives the finding's id (to highlight its evidence in the paste).
    pub on_select: Callback<FindingId>,
}

/// One finding: what it is, the lines that show it, decoded errors, parameters, next steps and
/// where it sits in the guided paths. Everything taken from the paste (evidence, parameters) is
/// text; only the core's content (`Text.html`, built from `content/`) is HTML.
#[component]
pub fn FindingCard(props: &FindingCardProps) -> Html {
    let f = &props.finding;
    let id = f.id;
    let select = props.on_select.reform(move |_: MouseEvent| id);
    let lines = f.evidence.len() + f.evidence_omitted;
    let title_id = format!("finding-{id}-title");
    let walk = f.node.and_then(WalkState::leading_to);
    let hidden = f.evidence.len().saturating_sub(EVIDENCE_SHOWN) + f.evidence_omitted;
    html! {
        <article class={classes!("card", "finding", format!("sev-border-{}", f.severity.as_str()), props.selected.then_some("selected"))}
            id={format!("finding-{id}")} data-testid={format!("finding-{id}")} data-finding={id.as_str()}
            data-severity={f.severity.as_str()} aria-labelledby={title_id.clone()}>
            <header class="finding-head">
                <SeverityBadge severity={f.severity} />
                <h3 id={title_id} class="finding-title">{ f.title }</h3>
            </header>
            <div class="finding-about">
                <RichText text={f.explanation} class="finding-explanation" />
                { for f.notes.iter().map(|n| html! { <RichText text={*n} class="finding-explanation finding-note" /> }) }
                <SourceNote source={f.explanation.source} />
            </div>
            if let Some(l) = id.info().learn { <LearnMore link={l} /> }
            if !f.evidence.is_empty() {
                <h4>{ strings::FINDING_EVIDENCE }</h4>
                <ul class="evidence" data-testid="evidence">
                    { for f.evidence.iter().take(EVIDENCE_SHOWN).map(|e| html! {
                        <li>
                            <button type="button" class="evidence-line" onclick={select.clone()}
                                title={strings::SHOW_IN_PASTE} data-line={e.line.to_string()}>
                                <span class="ln">{ strings::grouped(e.line) }</span>
                                <code class="lt">{ ellipsis(&e.text, EVIDENCE_CHARS) }</code>
                            </button>
                        </li>
                    }) }
                </ul>
                if hidden > 0 { <p class="more">{ strings::more_evidence(hidden) }</p> }
                <button type="button" class={classes!("button", "button-small", "show-in-paste", props.selected.then_some("button-selected"))}
                    data-testid="show-in-paste" aria-pressed={if props.selected { "true" } else { "false" }}
                    aria-controls="paste-view" onclick={select}>
                    { if props.selected { strings::SHOWN_IN_PASTE.to_string() } else { strings::show_in_paste(lines) } }
                </button>
            }
            if !f.errors.is_empty() {
                <h4>{ strings::FINDING_ERRORS }</h4>
                <ul class="decoded" data-testid="errors">
                    { for f.errors.iter().map(|e| html! {
                        <li class="decoded-error" data-code={e.code.to_string()}>
                            <p class="decoded-head">
                                <strong>{ e.label() }</strong>
                                if !e.name.is_empty() && e.name != e.label() { { " " }<code>{ e.name }</code> }
                                if !e.message.is_empty() { { " \u{2014} " }<span>{ e.message }</span> }
                            </p>
                            <dl class="decoded-body">
                                <dt>{ strings::ERROR_CAUSE }</dt><dd><RichText text={e.cause} /></dd>
                                <dt>{ strings::ERROR_FIX }</dt><dd><RichText text={e.fix} /></dd>
                            </dl>
                            <SourceNote source={e.fix.source} />
                        </li>
                    }) }
                </ul>
            }
            if !f.params.is_empty() {
                <h4>{ strings::FINDING_DETAILS }</h4>
                <dl class="params" data-testid="params">
                    { for grouped_params(f).into_iter().map(|(key, values)| html! {
                        <div class="param" data-key={key.as_str()}>
                            <dt>{ key.label() }</dt>
                            <dd>
                                { for values.iter().take(VALUES_SHOWN).map(|v| html! { <span class="param-value">{ v.clone() }</span> }) }
                                if values.len() > VALUES_SHOWN { <span class="more">{ strings::omitted(values.len() - VALUES_SHOWN) }</span> }
                            </dd>
                        </div>
                    }) }
                    if f.params_omitted > 0 {
                        <div class="param"><dt></dt><dd>{ strings::omitted(f.params_omitted) }</dd></div>
                    }
                </dl>
            }
            if !f.next_steps.is_empty() {
                <h4>{ strings::FINDING_NEXT }</h4>
                <AdviceList steps={f.next_steps.clone()} testid="next-steps" />
            }
            if let Some(w) = walk {
                <p class="finding-path">
                    <NavLink to={Route::walk(&w)} id={AttrValue::from(format!("finding-{id}-path"))}>
                        { path_label(&w) }
                    </NavLink>
                </p>
            }
        </article>
    }
}

/// A parameter's values together under its key, keys in first-seen order.
fn grouped_params(f: &Finding) -> Vec<(Param, Vec<String>)> {
    let mut out: Vec<(Param, Vec<String>)> = Vec::new();
    for (k, v) in &f.params {
        // (A known value as its meaning: `mim` is Microsoft Identity Manager.)
        let v = k.show(v).into_owned();
        match out.iter_mut().find(|(key, _)| key == k) {
            Some((_, values)) => values.push(v),
            None => out.push((*k, vec![v])),
        }
    }
    out
}

/// Which step of which path the link opens.
fn path_label(w: &WalkState) -> String {
    let view = w.view(None);
    strings::finding_path(view.step_number, view.current.title, view.path_title)
}
