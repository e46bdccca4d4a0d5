use phs_doctor_core::knowledge::{advice_groups, Text};
use yew::prelude::*;

use crate::components::rich_text::RichText;
use crate::components::source_note::SourceNote;

#[derive(Properties, PartialEq)]
pub struct AdviceListProps {
    pub steps: Vec<Text>,
    /// The list's `data-testid` (`fix-list`, `next-steps`).
    pub testid: AttrValue,
}

/// Numbered steps under their provenance (`knowledge::advice_groups`): the article's words
/// under "Microsoft's article (section …)", PHS Doctor's advice under its own label, each of
/// those steps with its source.
#[component]
pub fn AdviceList(props: &AdviceListProps) -> Html {
    let mut number = 1;
    html! {
        <div class="advice" data-testid={props.testid.clone()}>
            { for advice_groups(&props.steps).into_iter().map(|g| {
                let start = number;
                number += g.steps.len();
                // Steps of PHS Doctor's advice that all rest on one source: on paper that source
                // is named once, under the steps (static/style.css, print), not after each.
                let shared = (!g.from_article && g.steps.len() > 1 && g.steps.windows(2).all(|w| w[0].source == w[1].source))
                    .then(|| g.steps[0].source);
                html! {
                    <div class="advice-group" data-source={if g.from_article { "article" } else { "phs-doctor" }}>
                        <p class="advice-label">{ g.label }</p>
                        <ol class={classes!("fix-list", shared.is_some().then_some("one-source"))} start={start.to_string()}>
                            { for g.steps.iter().map(|t| html! {
                                <li>
                                    <RichText text={*t} />
                                    if !g.from_article { <SourceNote source={t.source} /> }
                                </li>
                            }) }
                        </ol>
                        if let Some(s) = shared { <div class="group-source"><SourceNote source={s} /></div> }
                    </div>
                }
            }) }
        </div>
    }
}
