use yew::prelude::*;
use yew_router::history::{AnyHistory, HashHistory};
use yew_router::prelude::*;

use crate::boot;
use crate::components::layout::Layout;
use crate::state::{AppContext, AppState};

#[derive(Properties, PartialEq, Default)]
pub struct AppProps {
    /// The router's history. `None` in the page: the URL's hash (static hosting, no server
    /// rewrites). The build-time prerender passes a memory history at `/`.
    #[prop_or_default]
    pub history: Option<AnyHistory>,
}

/// The root: routing and the app state. The same component tree renders in the browser and in
/// the prerender (a `Router` over either history), as hydration requires.
#[component]
pub fn App(props: &AppProps) -> Html {
    let history = use_state(|| props.history.clone().unwrap_or_else(|| AnyHistory::from(HashHistory::new())));
    let state = use_reducer_eq(AppState::default);
    {
        let state = state.clone();
        use_effect_with((), move |_| boot::mounted(&state));
    }
    html! {
        <Router history={(*history).clone()}>
            <ContextProvider<AppContext> context={state}>
                <Layout />
            </ContextProvider<AppContext>>
        </Router>
    }
}
