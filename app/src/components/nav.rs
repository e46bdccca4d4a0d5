use yew::prelude::*;

use crate::components::nav_link::NavLink;
use crate::route::{self, Section};
use crate::strings;

#[derive(Properties, PartialEq)]
pub struct NavProps {
    pub current: Option<Section>,
}

/// The top navigation, built from [`route::nav`].
#[component]
pub fn Nav(props: &NavProps) -> Html {
    html! {
        <nav class="site-nav" aria-label={strings::NAV_LABEL}>
            <ul>
                { for route::nav().into_iter().map(|e| html! {
                    <li>
                        <NavLink to={e.route} id={AttrValue::Static(e.id)} current={props.current == Some(e.section)}>
                            { e.label }
                        </NavLink>
                    </li>
                }) }
            </ul>
        </nav>
    }
}
