use std::ops::RangeInclusive;
use std::rc::Rc;

use phs_doctor_core::analysis::{source, Analysis};
use wasm_bindgen::JsCast;
use yew::prelude::*;

use crate::strings;
use crate::text::ellipsis;

/// Lines listed; the rest are counted.
const SHOWN: usize = 100;
/// Characters shown of one line.
const LINE_CHARS: usize = 300;

#[derive(Properties, PartialEq)]
pub struct UnparsedLinesProps {
    pub text: Rc<str>,
    pub revision: u64,
    pub analysis: Rc<Analysis<'static>>,
    pub on_line: Callback<usize>,
}

/// The lines the analysis did not understand, collapsed, with a count. The texts are read only
/// when the section is opened.
#[component]
pub fn UnparsedLines(props: &UnparsedLinesProps) -> Html {
    let open = use_state(|| false);
    let unparsed = &props.analysis.unparsed_lines;
    let lines = {
        let text = props.text.clone();
        let wanted: Vec<RangeInclusive<usize>> = if *open { unparsed.iter().take(SHOWN).map(|&n| n..=n).collect() } else { Vec::new() };
        use_memo((props.revision, wanted), move |(_, wanted)| source::lines_in(&text, wanted))
    };
    if unparsed.is_empty() {
        return html! {};
    }
    let ontoggle = {
        let open = open.clone();
        Callback::from(move |e: Event| {
            if let Some(d) = e.target().and_then(|t| t.dyn_into::<web_sys::HtmlDetailsElement>().ok()) {
                open.set(d.open());
            }
        })
    };
    html! {
        <details class="card unparsed" data-testid="unparsed" data-count={unparsed.len().to_string()} {ontoggle}>
            <summary><h2 class="unparsed-title">{ strings::unparsed_title(unparsed.len()) }</h2></summary>
            <p class="hint">{ strings::UNPARSED_HINT }</p>
            <ul class="unparsed-list">
                { for lines.iter().map(|(n, text)| {
                    let n = *n;
                    html! {
                        <li>
                            <button type="button" class="evidence-line" onclick={props.on_line.reform(move |_: MouseEvent| n)}
                                title={strings::SHOW_IN_PASTE} data-line={n.to_string()}>
                                <span class="ln">{ strings::grouped(n) }</span>
                                <code class="lt">{ ellipsis(text, LINE_CHARS) }</code>
                            </button>
                        </li>
                    }
                }) }
            </ul>
            if unparsed.len() > SHOWN { <p class="more">{ strings::unparsed_more(unparsed.len() - SHOWN) }</p> }
        </details>
    }
}
