use phs_doctor_core::knowledge::Scope;
use phs_doctor_core::ConnectVersion;
use yew::prelude::*;
use yew_router::prelude::*;

use crate::components::copy_link::CopyLink;
use crate::components::nav_link::{self, NavLink};
use crate::components::recommendation::Recommendation;
use crate::components::scope_field::ScopeField;
use crate::components::version_field::VersionField;
use crate::components::version_notices::VersionNotices;
use crate::route::{self, Route};
use crate::state::{use_app, AppAction};
use crate::strings;

/// Start: the version and the symptom pick the path. Both are kept in the route
/// (`#/?v=2.4.129.0&symptom=object`), so Back and a shared link restore them.
#[component]
pub fn HomePage() -> Html {
    let app = use_app();
    let navigator = use_navigator();
    let location = use_location();
    let query = location.as_ref().map(|l| l.query_str().to_string()).unwrap_or_default();
    {
        // A link (or Back) with a version or symptom sets them; a route without says nothing.
        let app = app.clone();
        use_effect_with(query, move |query| {
            if let Some(v) = route::query_value(query, "v").filter(|v| ConnectVersion::parse(v).ok() != app.version()) {
                if ConnectVersion::parse(&v).is_ok() {
                    app.dispatch(AppAction::Version(v));
                }
            }
            if let Some(s) = route::query_value(query, "symptom").and_then(|s| Scope::parse(&s)).filter(|s| *s != app.scope) {
                app.dispatch(AppAction::Scope(s));
            }
        });
    }
    // Typing replaces the route's query (one history entry for the page, not one per key).
    let keep = {
        let navigator = navigator.clone();
        move |version: Option<ConnectVersion>, scope: Scope| {
            if let Some(n) = &navigator {
                route::replace(n, &Route::Home, &route::home_query(version, scope));
            }
        }
    };
    let on_version = {
        let app = app.clone();
        let keep = keep.clone();
        Callback::from(move |text: String| {
            keep(ConnectVersion::parse(&text).ok(), app.scope);
            app.dispatch(AppAction::Version(text));
        })
    };
    let on_scope = {
        let app = app.clone();
        Callback::from(move |scope| {
            keep(app.version(), scope);
            app.dispatch(AppAction::Scope(scope));
        })
    };
    let link = AttrValue::from(nav_link::href(&Route::Home, Some(&route::home_query(app.version(), app.scope))));
    html! {
        <div class="page home" data-testid="page-home">
            <h1>{ strings::HOME_TITLE }</h1>
            <p class="lead">{ strings::HOME_LEAD }</p>
            // The fastest route: one read-only script, one block to paste (issue 11 §5).
            <section class="card fast-route" aria-labelledby="fast-title" data-testid="fast-route">
                <h2 id="fast-title">{ strings::FAST_TITLE }</h2>
                <p>{ strings::FAST_TEXT }</p>
                <div class="actions">
                    <NavLink to={Route::Script { kind: "collector".into() }} id={AttrValue::Static("fast-collector")}
                        class={classes!("button", "button-primary")}>{ strings::FAST_SCRIPT }</NavLink>
                    <NavLink to={Route::Analyze} id={AttrValue::Static("fast-analyze")}
                        class={classes!("button")}>{ strings::FAST_ANALYZE }</NavLink>
                </div>
                <p class="hint fast-or">{ strings::FAST_OR }</p>
            </section>
            <div class="home-grid">
                // Not a <form>: Enter in the prerendered page (before the wasm runs) would submit
                // it, which the CSP (form-action 'none') refuses with a console error.
                <div class="card home-form">
                    <VersionField value={AttrValue::from(app.version_text.clone())} on_input={on_version} />
                    <ScopeField value={app.scope} on_change={on_scope} />
                    <CopyLink hash={link} />
                </div>
                <Recommendation version={app.version()} scope={app.scope} />
            </div>
            // Under the recommendation, across the page (the retirement is the recommendation's
            // first words).
            <VersionNotices version={app.version()} origin={AttrValue::Static(strings::ORIGIN_TYPED)} skip_retired={true} />
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
