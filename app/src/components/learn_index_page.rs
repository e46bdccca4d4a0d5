use phs_doctor_core::learn::PAGES;
use yew::prelude::*;

use crate::components::learn_contents::LearnContents;
use crate::components::nav_link::NavLink;
use crate::route::Route;
use crate::strings;

/// `#/learn`: the Learn pages, each with its summary and its sections.
#[component]
pub fn LearnIndexPage() -> Html {
    html! {
        <div class="page learn-index" data-testid="page-learn-index">
            <h1>{ strings::LEARN_TITLE }</h1>
            <p class="lead">{ strings::LEARN_LEAD }</p>
            <ul class="learn-pages">
                { for PAGES.iter().map(|p| html! {
                    <li class="card learn-page-card">
                        <h2><NavLink to={Route::LearnPage { page: p.id.to_string() }} id={AttrValue::from(format!("learn-page-{}", p.id))}>{ p.title }</NavLink></h2>
                        <p>{ p.summary }</p>
                        <LearnContents page={p} depth={2} heading={false} label={AttrValue::from(format!("{}: {}", strings::LEARN_CONTENTS, p.title))} />
                    </li>
                }) }
            </ul>
        </div>
    }
}
