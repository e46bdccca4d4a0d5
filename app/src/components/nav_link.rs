use yew::prelude::*;
use yew_router::prelude::*;

use crate::route::Route;

#[derive(Properties, PartialEq)]
pub struct NavLinkProps {
    pub to: Route,
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
#[component]
pub fn NavLink(props: &NavLinkProps) -> Html {
    let navigator = use_navigator();
    let href = format!("#{}", props.to.to_path());
    let onclick = {
        let to = props.to.clone();
        Callback::from(move |e: MouseEvent| {
            if e.meta_key() || e.ctrl_key() || e.shift_key() || e.alt_key() || e.button() != 0 {
                return;
            }
            if let Some(n) = &navigator {
                e.prevent_default();
                n.push(&to);
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
