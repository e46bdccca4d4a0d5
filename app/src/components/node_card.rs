use phs_doctor_core::walk::{CurrentKind, CurrentView, Progress};
use yew::prelude::*;

use crate::components::advice_list::AdviceList;
use crate::components::gate_notice::GateNoticeView;
use crate::components::learn_more::LearnMore;
use crate::components::nav_link::NavLink;
use crate::components::rich_text::RichText;
use crate::components::severity_badge::SeverityBadge;
use crate::components::source_note::SourceNote;
use crate::route::Route;
use crate::strings;

#[derive(Properties, PartialEq)]
pub struct NodeCardProps {
    pub current: CurrentView,
    /// "Step n of at most m".
    pub progress: Progress,
    pub version: Option<AttrValue>,
    /// The card's heading, focused after each move.
    pub heading: NodeRef,
    pub on_choose: Callback<usize>,
}

/// Where the walk stands: a step to do, a question to answer, or a result with its fix.
#[component]
pub fn NodeCard(props: &NodeCardProps) -> Html {
    let c = &props.current;
    let kind = match c.kind {
        CurrentKind::Step => "step",
        CurrentKind::Question => "question",
        CurrentKind::Result => "result",
    };
    let severity_class = c.severity.map(|s| format!("sev-border-{}", s.as_str()));
    let heading_text = match (c.kind, c.title) {
        (CurrentKind::Result, Some(title)) => title.to_string(),
        (k, _) => format!("{} \u{b7} {}", strings::walk_progress(props.progress), strings::kind_label(k)),
    };
    // A double click counts once: its second click (`detail` 2) would land on whatever the move
    // put under the pointer (an answer such as "Every check passed" that nobody chose).
    let choose = |i: usize| {
        let on_choose = props.on_choose.clone();
        Callback::from(move |e: MouseEvent| {
            if e.detail() <= 1 {
                on_choose.emit(i);
            }
        })
    };
    html! {
        <section class={classes!("card", "node", format!("node-{kind}"), severity_class)}
            data-testid="node" data-kind={kind} data-reference={c.reference.clone()} aria-labelledby="node-heading">
            if c.kind == CurrentKind::Result {
                <p class="node-kicker">
                    { format!("{} \u{b7} {}", strings::walk_progress(props.progress), strings::kind_label(c.kind)) }
                    if let Some(s) = c.severity { { " " }<SeverityBadge severity={s} /> }
                </p>
            }
            <progress class="walk-progress" aria-hidden="true" value={props.progress.step.to_string()}
                max={props.progress.of_at_most.max(1).to_string()}></progress>
            <h2 id="node-heading" class={classes!(if c.kind == CurrentKind::Result { "node-title" } else { "node-kicker-heading" })}
                tabindex="-1" ref={props.heading.clone()} data-testid="node-heading">
                { heading_text }
            </h2>
            <div id="node-text" class="node-body">
                <RichText text={c.text} class="node-text" />
                if let Some(help) = c.help {
                    <RichText text={help} class="node-help" />
                    if !help.source.is_article() { <SourceNote source={help.source} /> }
                }
                if let Some(l) = c.learn { <LearnMore link={l} /> }
            </div>
            if let Some(answer) = c.done_by_task {
                <p class="notice notice-ok" data-testid="done-by-task">{ strings::done_by_task(answer) }</p>
            }
            if !c.fix.is_empty() {
                <h3>{ strings::WALK_FIX }</h3>
                <AdviceList steps={c.fix.clone()} testid="fix-list" />
            }
            if let Some(g) = c.gate.clone() {
                <GateNoticeView notice={g} version={props.version.clone()} />
            }
            if let Some(script) = c.script {
                <p class="script-link">
                    <NavLink to={Route::Script { kind: script.id().to_string() }} id={AttrValue::Static("script-link")}>
                        { format!("{}: {} \u{2192}", strings::WALK_SCRIPT, script.title()) }
                    </NavLink>
                </p>
            }
            { match c.kind {
                CurrentKind::Step => html! {
                    <div class="actions">
                        <button type="button" class="button button-primary" id="next" data-testid="next" onclick={choose(0)}>
                            { strings::WALK_NEXT }
                        </button>
                    </div>
                },
                CurrentKind::Question => html! {
                    <div class="answers" role="group" aria-label={strings::WALK_ANSWER_PROMPT}>
                        <p class="answers-prompt">{ strings::WALK_ANSWER_PROMPT }</p>
                        { for c.options.iter().enumerate().map(|(i, label)| html! {
                            <button type="button" class="button answer" id={format!("answer-{i}")}
                                data-testid={format!("answer-{i}")} onclick={choose(i)}>{ *label }</button>
                        }) }
                    </div>
                },
                CurrentKind::Result if c.options.is_empty() => html! { <p class="end-note" data-testid="end">{ strings::WALK_END }</p> },
                CurrentKind::Result => html! {
                    <div class="actions">
                        { for c.options.iter().enumerate().map(|(i, label)| html! {
                            <button type="button" class="button button-primary" id={format!("continue-{i}")}
                                data-testid={format!("continue-{i}")} onclick={choose(i)}>{ format!("{label} \u{2192}") }</button>
                        }) }
                    </div>
                },
            } }
        </section>
    }
}
