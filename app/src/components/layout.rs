use yew::prelude::*;
use yew_router::prelude::*;

use crate::browser;
use crate::components::analyze_page::AnalyzePage;
use crate::components::error_page::ErrorPage;
use crate::components::errors_page::ErrorsPage;
use crate::components::event_page::EventPage;
use crate::components::events_page::EventsPage;
use crate::components::home_page::HomePage;
use crate::components::learn_index_page::LearnIndexPage;
use crate::components::learn_page::LearnPage;
use crate::components::nav::Nav;
use crate::components::nav_link::NavLink;
use crate::components::not_found_page::NotFoundPage;
use crate::components::scripts_page::ScriptsPage;
use crate::components::search_box::SearchBox;
use crate::components::status_page::StatusPage;
use crate::components::statuses_page::StatusesPage;
use crate::components::walker_page::WalkerPage;
use crate::route::Route;
use crate::strings;

fn switch(route: Route) -> Html {
    match route {
        Route::Home => html! { <HomePage /> },
        Route::PathStart { id } => html! { <WalkerPage id={id} choices={AttrValue::Static("")} /> },
        Route::Path { id, choices } => html! { <WalkerPage id={id} choices={choices} /> },
        Route::Events => html! { <EventsPage /> },
        Route::Event { id } => html! { <EventPage id={id} /> },
        Route::Statuses => html! { <StatusesPage /> },
        Route::Status { name } => html! { <StatusPage name={name} /> },
        Route::Errors => html! { <ErrorsPage /> },
        Route::Error { code } => html! { <ErrorPage code={code} /> },
        Route::Scripts => html! { <ScriptsPage kind={None::<AttrValue>} /> },
        Route::Script { kind } => html! { <ScriptsPage kind={Some(AttrValue::from(kind))} /> },
        Route::Analyze => html! { <AnalyzePage /> },
        Route::Learn => html! { <LearnIndexPage /> },
        Route::LearnPage { page } => html! { <LearnPage page={page} /> },
        Route::LearnSection { page, section } => html! { <LearnPage page={page} section={Some(AttrValue::from(section))} /> },
        Route::NotFound => html! { <NotFoundPage /> },
    }
}

/// Page frame: skip link, header with the navigation, the routed page, footer.
#[component]
pub fn Layout() -> Html {
    let route = use_route::<Route>().unwrap_or(Route::NotFound);
    // A new page starts at the top, with the focus on its heading (a screen reader announces
    // it); moving within one guided path keeps the place (the walker moves focus to the new
    // step itself), and so does moving between the sections of one Learn page (the page
    // scrolls to the section and focuses its heading).
    let page_key = match &route {
        Route::PathStart { id } | Route::Path { id, .. } => format!("path:{id}"),
        Route::LearnPage { page } | Route::LearnSection { page, .. } => format!("learn:{page}"),
        other => format!("{other:?}"),
    };
    // Not on the first page: the page was just loaded (and the reader may have scrolled the
    // prerendered start page before the app took over).
    let first_page = use_mut_ref(|| true);
    use_effect_with(page_key, move |_| {
        if !std::mem::replace(&mut *first_page.borrow_mut(), false) {
            browser::scroll_to_top();
            browser::focus_heading();
        }
    });
    // Each route has its own title (set in an effect: the prerender never touches the document).
    use_effect_with(route.title(), |title| browser::set_title(title));
    html! {
        <>
            <a class="skip-link" href="#content" onclick={Callback::from(|e: MouseEvent| {
                // The hash is the router's: move focus without changing it.
                e.prevent_default();
                if let Some(main) = web_sys::window().and_then(|w| w.document()).and_then(|d| d.get_element_by_id("content")) {
                    use wasm_bindgen::JsCast;
                    if let Ok(main) = main.dyn_into::<web_sys::HtmlElement>() {
                        let _ = main.focus();
                    }
                }
            })}>{ strings::SKIP_TO_CONTENT }</a>
            <header class="site-header">
                <div class="header-inner">
                    <NavLink to={Route::Home} class="brand">
                        <span class="brand-mark" aria-hidden="true">{ "PHS" }</span>
                        <span class="brand-text">
                            <span class="brand-name">{ strings::APP_NAME }</span>
                            <span class="brand-tagline">{ strings::TAGLINE }</span>
                        </span>
                    </NavLink>
                    <Nav current={route.section()} />
                    <SearchBox />
                </div>
            </header>
            <main id="content" tabindex="-1">
                <Switch<Route> render={switch} />
            </main>
            <footer class="site-footer"><p>{ strings::FOOTER }</p></footer>
        </>
    }
}
