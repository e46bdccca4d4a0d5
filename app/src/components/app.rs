use yew::prelude::*;
use yew_router::prelude::*;

use crate::components::layout::Layout;
use crate::state::{AppContext, AppState};

/// The root: hash routing (static hosting, no server rewrites) and the app state.
#[component]
pub fn App() -> Html {
    let state = use_reducer_eq(AppState::default);
    html! {
        <HashRouter>
            <ContextProvider<AppContext> context={state}>
                <Layout />
            </ContextProvider<AppContext>>
        </HashRouter>
    }
}
