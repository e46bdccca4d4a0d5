use yew::prelude::*;
use yew_router::prelude::*;

use crate::route::{Route, VersionQuery};

#[derive(Properties, PartialEq)]
pub struct NavLinkProps {
    pub to: Route,
    /// The query after the route (the Connect version).
    #[prop_or_default]
    pub query: Option<VersionQuery>,
    /// Marks the link as the current page (`aria-current="page"`).
    #[prop_or_default]
    pub current: bool,
    #[prop_or_default]
    pub id: Option<AttrValue>,
    #[prop_or_default]
    pub class: Classes,
    pub children: Html,
}

/// A router link that can carry `aria-current`, an id and a test id (yew-router's `Link` can't).
/// Its `href` is always the hash route, whatever history the router has: the start page is
/// rendered at build time over a memory history, and its links must work before the app runs.
#[component]
pub fn NavLink(props: &NavLinkProps) -> Html {
    let navigator = use_navigator();
    let href = href(&props.to, props.query.as_ref());
    let onclick = {
        let to = props.to.clone();
        let query = props.query.clone();
        Callback::from(move |e: MouseEvent| {
            if e.meta_key() || e.ctrl_key() || e.shift_key() || e.alt_key() || e.button() != 0 {
                return;
            }
            if let Some(n) = &navigator {
                e.prevent_default();
                match &query {
                    Some(query) => {
                        if n.push_with_query(&to, query).is_err() {
                            n.push(&to);
                        }
                    }
                    None => n.push(&to),
                }
            }
        })
    };
    html! {
        <a {href} {onclick} id={props.id.clone()} data-testid={props.id.clone()}
            class={classes!(props.class.clone(), props.current.then_some("current"))}
            aria-current={props.current.then_some("page")}>
            { props.children.clone() }
        </a>
    }
}

/// `#/route` or `#/route?k=v`, as yew-router's hash history writes it (form-urlencoded query).
pub(crate) fn href(to: &Route, query: Option<&VersionQuery>) -> String {
    let mut href = format!("#{}", to.to_path());
    if let Some(query) = query.filter(|q| !q.is_empty()) {
        for (i, (key, value)) in query.iter().enumerate() {
            href.push(if i == 0 { '?' } else { '&' });
            form_encode(&mut href, key);
            href.push('=');
            form_encode(&mut href, value);
        }
    }
    href
}

fn form_encode(out: &mut String, text: &str) {
    for b in text.bytes() {
        match b {
            b'A'..=b'Z' | b'a'..=b'z' | b'0'..=b'9' | b'*' | b'-' | b'.' | b'_' => out.push(b as char),
            b' ' => out.push('+'),
            _ => out.push_str(&format!("%{b:02X}")),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn hrefs_are_hash_routes_with_a_form_encoded_query() {
        assert_eq!(href(&Route::Events, None), "#/events");
        assert_eq!(href(&Route::Home, Some(&vec![])), "#/");
        let query = vec![("v", "1.6.4.0".to_string()), ("x", "a b&é".to_string())];
        assert_eq!(href(&Route::PathStart { id: "task".into() }, Some(&query)), "#/path/task?v=1.6.4.0&x=a+b%26%C3%A9");
    }
}
