//! A page's filter box whose text is in the route (`#/events?q=611`, `#/statuses?q=…`,
//! `#/errors?q=…`): Back and a shared link restore it; typing replaces the current history entry.

use yew::prelude::*;
use yew_router::prelude::*;

use crate::route::{self, Route};

/// The filter's text and the handler of its input, for the page at `route`.
#[hook]
pub fn use_route_filter(route: Route) -> (String, Callback<InputEvent>) {
    let location = use_location();
    let navigator = use_navigator();
    let from_url = location.as_ref().and_then(|l| route::query_value(l.query_str(), "q")).unwrap_or_default();
    let query = use_state(|| from_url.clone());
    {
        // The route changed under the page (Back, Forward, a link): it wins.
        let query = query.clone();
        use_effect_with(from_url, move |q| {
            if *query != *q {
                query.set(q.clone());
            }
        });
    }
    let oninput = {
        let query = query.clone();
        Callback::from(move |e: InputEvent| {
            let value = e.target_unchecked_into::<web_sys::HtmlInputElement>().value();
            if let Some(n) = &navigator {
                let q = if value.is_empty() { vec![] } else { vec![("q", value.clone())] };
                route::replace(n, &route, &q);
            }
            query.set(value);
        })
    };
    ((*query).clone(), oninput)
}
