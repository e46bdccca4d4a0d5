use phs_doctor_core::knowledge::LearnLink;
use phs_doctor_core::learn::{Page, Section};
use yew::prelude::*;

use crate::components::nav_link::NavLink;
use crate::route::Route;
use crate::strings;

#[derive(Properties, PartialEq)]
pub struct LearnContentsProps {
    pub page: &'static Page,
    /// The heading levels listed: 2, or 2 and 3.
    #[prop_or(3)]
    pub depth: u8,
    /// The list's accessible name (and the heading above it, when `heading`).
    #[prop_or(AttrValue::Static(strings::LEARN_CONTENTS))]
    pub label: AttrValue,
    #[prop_or(true)]
    pub heading: bool,
}

/// A page's sections as a list of links, each opening its section's route; subsections nested.
#[component]
pub fn LearnContents(props: &LearnContentsProps) -> Html {
    let p = props.page;
    let link = |s: &'static Section| {
        html! { <NavLink to={Route::learn(LearnLink { page: p.id, anchor: s.anchor })}>{ s.title }</NavLink> }
    };
    // Each section of the top level with the subsections that follow it.
    let mut groups: Vec<(&'static Section, Vec<&'static Section>)> = Vec::new();
    for s in p.headed().filter(|s| s.level <= props.depth) {
        if s.level > 2 {
            if let Some((_, subs)) = groups.last_mut() {
                subs.push(s);
                continue;
            }
        }
        groups.push((s, Vec::new()));
    }
    html! {
        <nav class="learn-contents" aria-label={props.label.clone()} data-testid="learn-contents">
            if props.heading { <h2 class="learn-contents-title">{ props.label.clone() }</h2> }
            <ol>
                { for groups.into_iter().map(|(s, subs)| html! {
                    <li>
                        { link(s) }
                        if !subs.is_empty() {
                            <ol>{ for subs.into_iter().map(|t| html! { <li>{ link(t) }</li> }) }</ol>
                        }
                    </li>
                }) }
            </ol>
        </nav>
    }
}
