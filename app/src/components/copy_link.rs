use gloo::timers::callback::Timeout;
use yew::prelude::*;

use crate::browser;
use crate::strings;

/// "Copy link": copies the page's address (the route carries the page's state) and says so
/// in a `role="status"` live region. A request to copy by hand is neutral, not green.
#[derive(Properties, PartialEq)]
pub struct CopyLinkProps {
    /// The link's hash (`#/route?query`) when it is not the address bar's (a walk opened from
    /// an old or stale link is copied in its current form).
    #[prop_or_default]
    pub hash: Option<AttrValue>,
}

#[component]
pub fn CopyLink(props: &CopyLinkProps) -> Html {
    let status = use_state_eq(|| None::<&'static str>);
    let clear = use_mut_ref(|| None::<Timeout>);
    let on_copy = {
        let status = status.clone();
        let hash = props.hash.clone();
        Callback::from(move |_: MouseEvent| {
            let Some(mut href) = web_sys::window().and_then(|w| w.location().href().ok()) else { return };
            if let Some(hash) = &hash {
                href.truncate(href.find('#').unwrap_or(href.len()));
                href.push_str(hash);
            }
            let status = status.clone();
            let clear = clear.clone();
            wasm_bindgen_futures::spawn_local(async move {
                let msg = match browser::copy_text(&href).await {
                    browser::Copied::Clipboard | browser::Copied::Fallback => strings::LINK_COPIED,
                    browser::Copied::No => strings::LINK_COPY_MANUAL,
                };
                status.set(Some(msg));
                let status = status.clone();
                *clear.borrow_mut() = Some(Timeout::new(6_000, move || status.set(None)));
            });
        })
    };
    html! {
        <div class="copy-link">
            <button type="button" class="button" data-testid="copy-link" onclick={on_copy}>
                { strings::COPY_LINK }
            </button>
            <p class={classes!("copy-status", (*status == Some(strings::LINK_COPY_MANUAL)).then_some("copy-status-manual"))}
                role="status" data-testid="copy-link-status">
                { status.unwrap_or("") }
            </p>
        </div>
    }
}
