use yew::prelude::*;

use crate::components::nav_link::NavLink;
use crate::components::recommendation::Recommendation;
use crate::components::scope_field::ScopeField;
use crate::components::version_field::VersionField;
use crate::route::Route;
use crate::state::{use_app, AppAction};
use crate::strings;

/// Start: the version and the symptom pick the path.
#[component]
pub fn HomePage() -> Html {
    let app = use_app();
    let on_version = {
        let app = app.clone();
        Callback::from(move |text: String| app.dispatch(AppAction::Version(text)))
    };
    let on_scope = {
        let app = app.clone();
        Callback::from(move |scope| app.dispatch(AppAction::Scope(scope)))
    };
    html! {
        <div class="page home" data-testid="page-home">
            <h1>{ strings::HOME_TITLE }</h1>
            <p class="lead">{ strings::HOME_LEAD }</p>
            <div class="home-grid">
                // Not a <form>: Enter in the prerendered page (before the wasm runs) would submit
                // it, which the CSP (form-action 'none') refuses with a console error.
                <div class="card home-form">
                    <VersionField value={AttrValue::from(app.version_text.clone())} on_input={on_version} />
                    <ScopeField value={app.scope} on_change={on_scope} />
                </div>
                <Recommendation version={app.version()} scope={app.scope} />
            </div>
            <section class="tools" aria-labelledby="tools-title">
                <h2 id="tools-title">{ strings::TOOLS_TITLE }</h2>
                <ul class="tool-list">
                    <li><NavLink to={Route::Analyze} id={AttrValue::Static("tool-analyze")}>
                        <strong>{ strings::NAV_ANALYZE }</strong><span>{ strings::TOOL_ANALYZE }</span>
                    </NavLink></li>
                    <li><NavLink to={Route::Events} id={AttrValue::Static("tool-events")}>
                        <strong>{ strings::NAV_EVENTS }</strong><span>{ strings::TOOL_EVENTS }</span>
                    </NavLink></li>
                    <li><NavLink to={Route::Statuses} id={AttrValue::Static("tool-statuses")}>
                        <strong>{ strings::NAV_STATUSES }</strong><span>{ strings::TOOL_STATUSES }</span>
                    </NavLink></li>
                    <li><NavLink to={Route::Scripts} id={AttrValue::Static("tool-scripts")}>
                        <strong>{ strings::NAV_SCRIPTS }</strong><span>{ strings::TOOL_SCRIPTS }</span>
                    </NavLink></li>
                </ul>
            </section>
        </div>
    }
}
