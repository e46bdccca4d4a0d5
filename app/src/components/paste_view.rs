use std::ops::RangeInclusive;
use std::rc::Rc;

use phs_doctor_core::analysis::source;
use yew::prelude::*;

use crate::strings;
use crate::text;

/// A paste up to this many lines is shown whole.
const WHOLE: usize = 1_000;
/// Otherwise: its first lines when nothing is highlighted…
const HEAD: usize = 200;
/// …or this many lines around each highlighted line…
const CONTEXT: usize = 8;
/// …for at most this many highlighted lines.
const WINDOWS: usize = 40;
/// Characters shown of one line (a 100 KB line stays one short text node).
const LINE_CHARS: usize = 1_000;

#[derive(Properties, PartialEq)]
pub struct PasteViewProps {
    pub text: Rc<str>,
    /// Identifies `text` (comparing 20 MB of text on every render is not needed).
    pub revision: u64,
    /// The analysis's last line number.
    pub line_count: usize,
    /// Highlighted lines, ascending.
    pub highlight: Rc<Vec<usize>>,
    /// Scrolls to the first highlighted line whenever it changes.
    pub scroll_nonce: u32,
}

/// The paste, read-only, with line numbers; the selected finding's lines highlighted. Only a
/// window of a long paste is in the DOM. The lines are text nodes, never HTML.
#[component]
pub fn PasteView(props: &PasteViewProps) -> Html {
    let scroller = use_node_ref();
    let ranges = windows(props.line_count, &props.highlight);
    let lines = {
        let text = props.text.clone();
        use_memo((props.revision, ranges.clone()), move |(_, ranges)| source::lines_in(&text, ranges))
    };
    {
        let scroller = scroller.clone();
        let first = props.highlight.first().copied();
        use_effect_with(props.scroll_nonce, move |_| {
            if let Some(n) = first {
                scroll_to_line(&scroller, n);
            }
        });
    }
    let mut rows: Vec<Html> = Vec::with_capacity(lines.len() + ranges.len() + 1);
    let mut expected = 1;
    for (n, text) in lines.iter() {
        if *n > expected {
            rows.push(gap(expected, n - 1));
        }
        let hl = props.highlight.binary_search(n).is_ok();
        rows.push(html! {
            <div class={classes!("src-line", hl.then_some("hl"))} id={format!("src-line-{n}")} data-line={n.to_string()} key={*n}>
                <span class="ln" aria-hidden="true">{ n.to_string() }</span>
                <span class="lt">{ clip(text) }</span>
            </div>
        });
        expected = n + 1;
    }
    if expected <= props.line_count {
        rows.push(gap(expected, props.line_count));
    }
    html! {
        <div class="src" id="paste-view" data-testid="paste-view" ref={scroller} tabindex="0"
            role="region" aria-label={strings::PASTE_VIEW_TITLE}>
            { for rows }
        </div>
    }
}

fn gap(first: usize, last: usize) -> Html {
    html! {
        <div class="src-gap" key={format!("gap-{first}")}>{ strings::lines_hidden(first, last) }</div>
    }
}

/// The line ranges to show: all of a short paste, else the head or windows around the
/// highlighted lines, merged.
fn windows(line_count: usize, highlight: &[usize]) -> Vec<RangeInclusive<usize>> {
    if line_count == 0 {
        return Vec::new();
    }
    if line_count <= WHOLE {
        return vec![1..=line_count];
    }
    if highlight.is_empty() {
        return vec![1..=HEAD];
    }
    let mut out: Vec<RangeInclusive<usize>> = Vec::new();
    for &n in highlight.iter().take(WINDOWS) {
        let (lo, hi) = (n.saturating_sub(CONTEXT).max(1), (n + CONTEXT).min(line_count));
        match out.last_mut() {
            Some(last) if *last.end() + 1 >= lo => *last = *last.start()..=hi.max(*last.end()),
            _ => out.push(lo..=hi),
        }
    }
    out
}

fn clip(text: &str) -> String {
    match text::clip(text, LINE_CHARS) {
        (all, 0) => all.to_string(),
        (head, more) => format!("{head}{}", strings::line_clipped(more)),
    }
}

/// Scrolls the view so that line `n` is a third from its top, and the view into the window.
fn scroll_to_line(scroller: &NodeRef, n: usize) {
    use wasm_bindgen::JsCast;
    let Some(view) = scroller.cast::<web_sys::HtmlElement>() else {
        return;
    };
    let Some(line) = view.query_selector(&format!("#src-line-{n}")).ok().flatten().and_then(|e| e.dyn_into::<web_sys::HtmlElement>().ok())
    else {
        return;
    };
    view.set_scroll_top(line.offset_top() - view.client_height() / 3);
    let options = web_sys::ScrollIntoViewOptions::new();
    options.set_block(web_sys::ScrollLogicalPosition::Nearest);
    view.scroll_into_view_with_scroll_into_view_options(&options);
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn windows_keep_the_dom_small() {
        assert_eq!(windows(0, &[]), vec![]);
        assert_eq!(windows(10, &[3]), vec![1..=10]);
        assert_eq!(windows(5_000, &[]), vec![1..=HEAD]);
        assert_eq!(windows(5_000, &[100, 105, 4_999]), vec![92..=113, 4_991..=5_000]);
        assert_eq!(windows(5_000, &[2]), vec![1..=10]);
        let many: Vec<usize> = (1..=1_000).map(|i| i * 50).collect();
        let w = windows(100_000, &many);
        assert_eq!(w.len(), WINDOWS);
        assert!(w.iter().map(|r| r.end() - r.start() + 1).sum::<usize>() <= WINDOWS * (2 * CONTEXT + 1));
    }

    #[test]
    fn long_lines_are_clipped() {
        assert_eq!(clip("abc"), "abc");
        let long = "x".repeat(100_000);
        let c = clip(&long);
        assert!(c.len() < LINE_CHARS + 50);
        assert!(c.ends_with("(99,000 more characters)"));
    }
}
