//! The routes (hash routing: the page is static) and the top navigation built from them.
//!
//! Shareable state lives in the route: the path and its answers (`WalkState::encode`) and the
//! Connect version (`?v=`). Nothing the user types into the script fields goes in the URL.

use phs_doctor_core::walk::WalkState;
use phs_doctor_core::ConnectVersion;
use yew_router::prelude::*;

use crate::strings;

#[derive(Clone, Debug, PartialEq, Routable)]
pub enum Route {
    #[at("/")]
    Home,
    #[at("/path/:id")]
    PathStart { id: String },
    #[at("/path/:id/:choices")]
    Path { id: String, choices: String },
    #[at("/events")]
    Events,
    #[at("/event/:id")]
    Event { id: String },
    #[at("/statuses")]
    Statuses,
    #[at("/scripts")]
    Scripts,
    #[at("/scripts/:kind")]
    Script { kind: String },
    /// The paste analysis. The paste itself is never in the route.
    #[at("/analyze")]
    Analyze,
    #[not_found]
    #[at("/404")]
    NotFound,
}

/// The sections of the top navigation. A new page (such as Analyze) is one more entry here and
/// one more arm in [`Route::section`].
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Section {
    Home,
    Analyze,
    Events,
    Statuses,
    Scripts,
}

pub struct NavEntry {
    pub section: Section,
    pub route: Route,
    pub label: &'static str,
    /// `data-testid` and element id suffix.
    pub id: &'static str,
}

pub fn nav() -> [NavEntry; 5] {
    [
        NavEntry { section: Section::Home, route: Route::Home, label: strings::NAV_HOME, id: "nav-home" },
        NavEntry { section: Section::Analyze, route: Route::Analyze, label: strings::NAV_ANALYZE, id: "nav-analyze" },
        NavEntry { section: Section::Events, route: Route::Events, label: strings::NAV_EVENTS, id: "nav-events" },
        NavEntry { section: Section::Statuses, route: Route::Statuses, label: strings::NAV_STATUSES, id: "nav-statuses" },
        NavEntry { section: Section::Scripts, route: Route::Scripts, label: strings::NAV_SCRIPTS, id: "nav-scripts" },
    ]
}

impl Route {
    pub fn section(&self) -> Option<Section> {
        match self {
            Route::Home | Route::PathStart { .. } | Route::Path { .. } => Some(Section::Home),
            Route::Events | Route::Event { .. } => Some(Section::Events),
            Route::Statuses => Some(Section::Statuses),
            Route::Scripts | Route::Script { .. } => Some(Section::Scripts),
            Route::Analyze => Some(Section::Analyze),
            Route::NotFound => None,
        }
    }

    /// The route that shows `state`.
    pub fn walk(state: &WalkState) -> Route {
        let id = state.path.id.to_string();
        match state.encode() {
            choices if choices.is_empty() => Route::PathStart { id },
            choices => Route::Path { id, choices },
        }
    }
}

/// The query that carries the Connect version, if there is one.
pub type VersionQuery = Vec<(&'static str, String)>;

pub fn version_query(version: Option<ConnectVersion>) -> Option<VersionQuery> {
    version.map(|v| vec![("v", v.to_string())])
}

/// The version in a query string such as `?v=2.4.129.0`; anything else is no version.
pub fn version_from_query(query: &str) -> Option<ConnectVersion> {
    let value = query.trim_start_matches('?').split('&').find_map(|kv| kv.strip_prefix("v="))?;
    ConnectVersion::parse(value).ok()
}

/// Pushes `route` with the version query (when there is a version).
pub fn push(navigator: &Navigator, route: &Route, version: Option<ConnectVersion>) {
    match version_query(version) {
        Some(q) => {
            // Serialising a list of string pairs cannot fail; fall back to no query anyway.
            if navigator.push_with_query(route, &q).is_err() {
                navigator.push(route);
            }
        }
        None => navigator.push(route),
    }
}

#[cfg(test)]
mod tests {
    use phs_doctor_core::knowledge;
    use phs_doctor_core::walk::Action;

    use super::*;

    #[test]
    fn walk_routes_round_trip() {
        let start = WalkState::new(knowledge::path("manual-all").unwrap());
        assert_eq!(Route::walk(&start).to_path(), "/path/manual-all");
        let s = start.apply(Action::Choose(1)).apply(Action::Choose(0));
        assert_eq!(Route::walk(&s).to_path(), "/path/manual-all/1.0");
        assert_eq!(Route::recognize("/path/manual-all/1.0"), Some(Route::walk(&s)));
        assert_eq!(Route::recognize("/path/manual-all"), Some(Route::walk(&start)));
        assert_eq!(Route::recognize("/nope/x"), Some(Route::NotFound));
    }

    #[test]
    fn version_query() {
        let v = ConnectVersion::parse("2.4.129.0").ok();
        assert_eq!(version_from_query("?v=2.4.129.0"), v);
        assert_eq!(version_from_query("x=1&v=2.4.129.0"), v);
        assert_eq!(version_from_query("?v=latest"), None);
        assert_eq!(version_from_query(""), None);
        assert_eq!(super::version_query(v), Some(vec![("v", "2.4.129.0".to_string())]));
    }

    #[test]
    fn every_section_is_in_the_nav() {
        for r in [Route::Home, Route::Analyze, Route::Events, Route::Statuses, Route::Scripts] {
            let s = r.section().unwrap();
            assert!(nav().iter().any(|e| e.section == s));
        }
    }
}
