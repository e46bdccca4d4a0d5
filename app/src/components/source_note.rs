use phs_doctor_core::knowledge::Source;
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct SourceNoteProps {
    pub source: &'static Source,
    /// Link the public source's address (off inside a table row, where the row's own link
    /// must stay the only one).
    #[prop_or(true)]
    pub link: bool,
    /// An explanation (a Learn section), not advice: "PHS Doctor's summary" beyond the article.
    #[prop_or(false)]
    pub summary: bool,
}

/// Where a text comes from: "Microsoft's article (section …)", or "PHS Doctor's advice" with
/// the public source (linked) or the reason it rests on.
#[component]
pub fn SourceNote(props: &SourceNoteProps) -> Html {
    let s = props.source;
    html! {
        <p class="source-note" data-testid="source" data-source={s.kind_str()}>
            <span class="source-label">{ if props.summary { s.summary_label() } else { s.label() } }</span>
            if let Some(citation) = s.citation() {
                <span class="source-sep">{ " \u{2014} " }</span>
                if s.url.is_empty() || !props.link {
                    <span class="source-cite">{ citation }</span>
                } else {
                    <a class="source-cite" href={s.url} rel="noopener noreferrer" target="_blank">{ citation }</a>
                }
            }
        </p>
    }
}
