use phs_doctor_core::learn;
use yew::prelude::*;

use crate::browser;
use crate::components::learn_attribution::LearnAttribution;
use crate::components::learn_contents::LearnContents;
use crate::components::learn_section::LearnSection;
use crate::components::nav_link::NavLink;
use crate::components::not_found_page::NotFoundPage;
use crate::route::Route;
use crate::strings;

#[derive(Properties, PartialEq)]
pub struct LearnPageProps {
    pub page: AttrValue,
    /// The section to show (`#/learn/<page>/<anchor>`): scrolled to, its heading focused.
    #[prop_or_default]
    pub section: Option<AttrValue>,
}

/// A Learn page: its title, the attribution of a copy, its contents and every section. A route
/// with a section scrolls to it and focuses its heading (after the paint, so after the layout
/// has moved focus to the page's `h1`); moving back to the page's own route goes to the top.
#[component]
pub fn LearnPage(props: &LearnPageProps) -> Html {
    let page = learn::page(&props.page);
    let known = props.section.as_deref().filter(|a| page.is_some_and(|p| p.section(a).is_some())).map(str::to_string);
    {
        let first = use_mut_ref(|| true);
        use_effect_with((props.page.clone(), known.clone()), move |(_, anchor)| {
            let first = std::mem::replace(&mut *first.borrow_mut(), false);
            match anchor.clone() {
                Some(a) => browser::after_paint(move || browser::focus_element(&format!("s-{a}"))),
                // Within the page, back to its top (a new page is the layout's to reset).
                None if !first => {
                    browser::scroll_to_top();
                    browser::focus_heading();
                }
                None => {}
            }
        });
    }
    let Some(page) = page else { return html! { <NotFoundPage /> } };
    let missing = props.section.is_some() && known.is_none();
    html! {
        <div class={classes!("page", "learn", page.copy.is_some().then_some("learn-copy"))} data-testid="page-learn" data-page={page.id}>
            <p class="crumb"><NavLink to={Route::Learn} id={AttrValue::Static("learn-all")}>{ strings::LEARN_ALL }</NavLink></p>
            <h1 data-testid="learn-title">{ page.title }</h1>
            if missing { <p class="notice notice-warning" role="status" data-testid="learn-missing">{ strings::LEARN_NO_SECTION }</p> }
            if let Some(c) = &page.copy { <LearnAttribution copy={c} /> }
            <LearnContents page={page} depth={if page.copy.is_some() { 3 } else { 2 }} />
            <div class="learn-body">
                { for page.sections.iter().map(|s| html! { <LearnSection page={page} section={s} /> }) }
            </div>
        </div>
    }
}
