use phs_doctor_core::walk::{CurrentKind, SummaryItem};
use yew::prelude::*;

use crate::strings;

#[derive(Properties, PartialEq)]
pub struct AnswerSummaryProps {
    pub items: Vec<SummaryItem>,
    /// Receives `SummaryItem::index` (for `Action::JumpTo`).
    pub on_jump: Callback<usize>,
}

/// The answers so far; each one goes back to that point.
#[component]
pub fn AnswerSummary(props: &AnswerSummaryProps) -> Html {
    html! {
        <aside class="card summary" aria-labelledby="summary-title" data-testid="summary">
            <h2 id="summary-title">{ strings::WALK_SUMMARY }</h2>
            if props.items.is_empty() {
                <p class="hint">{ strings::WALK_SUMMARY_EMPTY }</p>
            } else {
                <p class="hint">{ strings::WALK_SUMMARY_HINT }</p>
                <ol class="summary-list">
                    { for props.items.iter().map(|item| {
                        let index = item.index;
                        html! {
                            <li>
                                <button type="button" class="summary-item" id={format!("jump-{index}")}
                                    data-testid={format!("jump-{index}")} onclick={props.on_jump.reform(move |_: MouseEvent| index)}>
                                    <span class="summary-prompt">{ item.prompt.clone() }</span>
                                    if item.kind == CurrentKind::Step {
                                        <span class="summary-answer summary-done">{ strings::WALK_DONE }</span>
                                    } else {
                                        <span class="summary-answer">{ item.answer }</span>
                                    }
                                </button>
                            </li>
                        }
                    }) }
                </ol>
            }
        </aside>
    }
}
