use yew::prelude::*;

use crate::components::nav_link::NavLink;
use crate::route::Route;
use crate::strings;

#[component]
pub fn NotFoundPage() -> Html {
    html! {
        <div class="page" data-testid="page-not-found">
            <h1>{ strings::NOT_FOUND_TITLE }</h1>
            <p>{ strings::NOT_FOUND_TEXT }</p>
            <p><NavLink to={Route::Home}>{ strings::GO_HOME }</NavLink></p>
        </div>
    }
}
