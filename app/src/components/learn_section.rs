use phs_doctor_core::knowledge::LearnLink;
use phs_doctor_core::learn::{Page, Section};
use yew::prelude::*;

use crate::components::nav_link::NavLink;
use crate::components::source_note::SourceNote;
use crate::route::Route;
use crate::strings;

#[derive(Properties, PartialEq)]
pub struct LearnSectionProps {
    pub page: &'static Page,
    pub section: &'static Section,
}

/// One section of a Learn page: its heading (h2–h4, with a link to its own route) and its
/// text, then its source, unless the page is a copy whose attribution covers it all.
#[component]
pub fn LearnSection(props: &LearnSectionProps) -> Html {
    let (p, s) = (props.page, props.section);
    let body = html! {
        <>
            <div class="rich learn-text">{ Html::from_html_unchecked(AttrValue::Static(s.html)) }</div>
            if p.copy.is_none() { <SourceNote source={s.source} summary=true /> }
        </>
    };
    if s.level == 1 {
        return html! { <section class="learn-section learn-lead" data-testid="learn-lead">{ body }</section> };
    }
    let tag = match s.level {
        2 => "h2",
        3 => "h3",
        _ => "h4",
    };
    let id = format!("s-{}", s.anchor);
    html! {
        <section class={classes!("learn-section", format!("learn-level-{}", s.level))} data-anchor={s.anchor}>
            <@{tag} id={id} class="learn-heading">
                { s.title }
                <NavLink to={Route::learn(LearnLink { page: p.id, anchor: s.anchor })} class="anchor">
                    <span aria-hidden="true">{ "#" }</span>
                    <span class="visually-hidden">{ strings::learn_section_link(s.title) }</span>
                </NavLink>
            </@>
            { body }
        </section>
    }
}
