use phs_doctor_core::learn::Attribution;
use yew::prelude::*;

use crate::strings;

#[derive(Properties, PartialEq)]
pub struct LearnAttributionProps {
    pub copy: &'static Attribution,
}

/// Where a copied page comes from: the article's title, address and revision, its authors, its
/// licence (as Microsoft states it) and what the copy changes.
#[component]
pub fn LearnAttribution(props: &LearnAttributionProps) -> Html {
    let c = props.copy;
    html! {
        <div class="notice notice-info learn-attribution" data-testid="learn-attribution">
            <p>
                { strings::LEARN_COPY }{ " " }
                <a href={c.url} rel="noopener noreferrer" target="_blank"><cite>{ c.title }</cite></a>
                { format!(" ({}), {} ", c.revision, strings::LEARN_COPY_BY) }
                <a href={c.licence_url} rel="noopener noreferrer license" target="_blank">{ c.licence }</a>
                { format!(", its code under the {} (", c.code_licence) }
                <a href={c.licence_notice} rel="noopener noreferrer" target="_blank">{ strings::LEARN_COPY_NOTICE }</a>{ ")." }
            </p>
            <p>{ strings::LEARN_COPY_CHANGES }{ " " }{ c.changes }</p>
        </div>
    }
}
