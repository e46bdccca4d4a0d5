use std::rc::Rc;

use phs_doctor_core::analysis::{block, Analysis, RecordKind};
use yew::prelude::*;

use crate::strings;

#[derive(Properties, PartialEq)]
pub struct ReportBlocksProps {
    pub analysis: Rc<Analysis<'static>>,
    pub on_line: Callback<usize>,
}

/// What each checked collector block in the paste holds, decoded (`block::pretty`), collapsed:
/// the admin sees everything a block carries before sharing it. Shown as text, never as HTML.
#[component]
pub fn ReportBlocks(props: &ReportBlocksProps) -> Html {
    let blocks: Vec<(usize, String)> = props
        .analysis
        .records
        .iter()
        .filter(|r| r.kind == RecordKind::Report && r.field("check") == Some("ok"))
        .filter_map(|r| Some((r.start_line, block::pretty(r.field("json")?)?)))
        .collect();
    html! {
        { for blocks.into_iter().map(|(line, json)| {
            let on_line = props.on_line.clone();
            html! {
                <details class="card report-block" data-testid="report-block">
                    <summary><h2 class="report-block-title">{ strings::report_block_title(line) }</h2></summary>
                    <p class="hint">{ strings::REPORT_BLOCK_HINT }</p>
                    <button type="button" class="button" onclick={Callback::from(move |_: MouseEvent| on_line.emit(line))}>
                        { strings::REPORT_BLOCK_SHOW }
                    </button>
                    <pre class="report-json" data-testid="report-json" tabindex="0"><code>{ json }</code></pre>
                </details>
            }
        }) }
    }
}
