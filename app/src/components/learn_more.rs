use phs_doctor_core::knowledge::LearnLink;
use phs_doctor_core::learn;
use yew::prelude::*;

use crate::components::nav_link::NavLink;
use crate::route::Route;
use crate::strings;

#[derive(Properties, PartialEq)]
pub struct LearnMoreProps {
    pub link: LearnLink,
}

/// "Learn more: <section>": the link from a finding, a step, a result or an event to the Learn
/// section that explains it (`learn` in the content, checked at build time).
#[component]
pub fn LearnMore(props: &LearnMoreProps) -> Html {
    let Some((page, section)) = learn::section(props.link) else { return Html::default() };
    let title = if section.anchor.is_empty() { page.title } else { section.title };
    html! {
        <p class="learn-more" data-testid="learn-more" data-learn={format!("{}/{}", page.id, section.anchor)}>
            { strings::LEARN_MORE }{ " " }
            <NavLink to={Route::learn(props.link)}>{ title }</NavLink>
        </p>
    }
}
