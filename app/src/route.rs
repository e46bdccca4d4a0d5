//! The routes (hash routing: the page is static) and the top navigation built from them.
//!
//! Shareable state lives in the route: the path and its answers (`WalkState::encode`, the v2
//! codec of answer ids; old positional links still open), the Connect version (`?v=`), the
//! start page's symptom (`?symptom=`) and the events filter (`#/events?q=`). What the user
//! types into the script fields goes in the URL only on request (`script_link`); pasted text
//! never does.

use phs_doctor_core::knowledge::{LearnLink, Scope};
use phs_doctor_core::learn;
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
    #[at("/status/:name")]
    Status { name: String },
    #[at("/errors")]
    Errors,
    /// A decoded error by number (`8453`), hex (`0x2105`) or name (`ERROR_DS_DRA_ACCESS_DENIED`).
    #[at("/error/:code")]
    Error { code: String },
    #[at("/scripts")]
    Scripts,
    #[at("/scripts/:kind")]
    Script { kind: String },
    /// The paste analysis. The paste itself is never in the route.
    #[at("/analyze")]
    Analyze,
    /// The Learn pages (`core::learn`).
    #[at("/learn")]
    Learn,
    #[at("/learn/:page")]
    LearnPage { page: String },
    /// A section of a Learn page: the anchor is a route segment (the hash is the router's).
    #[at("/learn/:page/:section")]
    LearnSection { page: String, section: String },
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
    Errors,
    Scripts,
    Learn,
}

pub struct NavEntry {
    pub section: Section,
    pub route: Route,
    pub label: &'static str,
    /// `data-testid` and element id suffix.
    pub id: &'static str,
}

pub fn nav() -> [NavEntry; 7] {
    [
        NavEntry { section: Section::Home, route: Route::Home, label: strings::NAV_HOME, id: "nav-home" },
        NavEntry { section: Section::Analyze, route: Route::Analyze, label: strings::NAV_ANALYZE, id: "nav-analyze" },
        NavEntry { section: Section::Events, route: Route::Events, label: strings::NAV_EVENTS, id: "nav-events" },
        NavEntry { section: Section::Statuses, route: Route::Statuses, label: strings::NAV_STATUSES, id: "nav-statuses" },
        NavEntry { section: Section::Errors, route: Route::Errors, label: strings::NAV_ERRORS, id: "nav-errors" },
        NavEntry { section: Section::Scripts, route: Route::Scripts, label: strings::NAV_SCRIPTS, id: "nav-scripts" },
        NavEntry { section: Section::Learn, route: Route::Learn, label: strings::NAV_LEARN, id: "nav-learn" },
    ]
}

impl Route {
    pub fn section(&self) -> Option<Section> {
        match self {
            Route::Home | Route::PathStart { .. } | Route::Path { .. } => Some(Section::Home),
            Route::Events | Route::Event { .. } => Some(Section::Events),
            Route::Statuses | Route::Status { .. } => Some(Section::Statuses),
            Route::Errors | Route::Error { .. } => Some(Section::Errors),
            Route::Scripts | Route::Script { .. } => Some(Section::Scripts),
            Route::Analyze => Some(Section::Analyze),
            Route::Learn | Route::LearnPage { .. } | Route::LearnSection { .. } => Some(Section::Learn),
            Route::NotFound => None,
        }
    }

    /// The page's title (`document.title`): what the page is, then the app's name.
    pub fn title(&self) -> String {
        let page = match self {
            Route::Home => return strings::TITLE_HOME.to_string(),
            Route::PathStart { id } | Route::Path { id, .. } => match phs_doctor_core::knowledge::path(id) {
                Some(p) => p.title.to_string(),
                None => strings::NOT_FOUND_TITLE.to_string(),
            },
            Route::Events => strings::EVENTS_TITLE.to_string(),
            Route::Event { id } => strings::event_title_for(id),
            Route::Statuses => strings::STATUSES_TITLE.to_string(),
            Route::Status { name } => strings::status_title(name),
            Route::Errors => strings::ERRORS_TITLE.to_string(),
            Route::Error { code } => strings::error_title(code),
            Route::Scripts | Route::Script { .. } => strings::SCRIPTS_TITLE.to_string(),
            Route::Analyze => strings::ANALYZE_TITLE.to_string(),
            Route::Learn => strings::LEARN_TITLE.to_string(),
            Route::LearnPage { page } => learn::page(page).map_or(strings::NOT_FOUND_TITLE, |p| p.title).to_string(),
            Route::LearnSection { page, section } => match learn::page(page) {
                Some(p) => match p.section(section) {
                    Some(s) => format!("{} \u{b7} {}", s.title, p.title),
                    None => p.title.to_string(),
                },
                None => strings::NOT_FOUND_TITLE.to_string(),
            },
            Route::NotFound => strings::NOT_FOUND_TITLE.to_string(),
        };
        format!("{page} \u{2014} {}", strings::APP_NAME)
    }

    /// The route of a Learn section (its page for the page's lead).
    pub fn learn(link: LearnLink) -> Route {
        match link.anchor {
            "" => Route::LearnPage { page: link.page.to_string() },
            a => Route::LearnSection { page: link.page.to_string(), section: a.to_string() },
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

/// The value of `key` in a form-encoded query string (`+` is a space, `%XX` a byte).
pub fn query_value(query: &str, key: &str) -> Option<String> {
    let raw = query.trim_start_matches('?').split('&').find_map(|kv| kv.split_once('=').filter(|(k, _)| *k == key).map(|(_, v)| v))?;
    let mut bytes = Vec::with_capacity(raw.len());
    let mut rest = raw.as_bytes();
    while let Some((&b, tail)) = rest.split_first() {
        rest = tail;
        match b {
            b'+' => bytes.push(b' '),
            b'%' => match rest.get(..2).and_then(|h| std::str::from_utf8(h).ok()).and_then(|h| u8::from_str_radix(h, 16).ok()) {
                Some(v) => {
                    bytes.push(v);
                    rest = &rest[2..];
                }
                None => bytes.push(b'%'),
            },
            _ => bytes.push(b),
        }
    }
    Some(String::from_utf8_lossy(&bytes).into_owned())
}

/// The start page's query: the version (when it is one) and the symptom.
pub fn home_query(version: Option<ConnectVersion>, scope: Scope) -> VersionQuery {
    let mut q = version_query(version).unwrap_or_default();
    q.push(("symptom", scope.as_str().to_string()));
    q
}

/// Replaces the current entry with `route` and `query` (no new history entry: typing is not a
/// step Back should undo one key at a time).
pub fn replace(navigator: &Navigator, route: &Route, query: &VersionQuery) {
    if query.is_empty() || navigator.replace_with_query(route, query).is_err() {
        navigator.replace(route);
    }
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
        let path = Route::walk(&s).to_path();
        assert_eq!(path, format!("/path/manual-all/{}", s.encode()));
        assert!(path.starts_with("/path/manual-all/v2."), "{path}");
        assert_eq!(Route::recognize(&path), Some(Route::walk(&s)));
        // An old positional link is the same route shape.
        assert_eq!(Route::recognize("/path/manual-all/1.0"), Some(Route::Path { id: "manual-all".into(), choices: "1.0".into() }));
        assert_eq!(Route::recognize("/path/manual-all"), Some(Route::walk(&start)));
        assert_eq!(Route::recognize("/nope/x"), Some(Route::NotFound));
    }

    #[test]
    fn look_up_routes_and_titles() {
        assert_eq!(
            Route::recognize("/status/TargetNotExportedToDirectory"),
            Some(Route::Status { name: "TargetNotExportedToDirectory".into() })
        );
        assert_eq!(Route::recognize("/error/0x2105"), Some(Route::Error { code: "0x2105".into() }));
        assert_eq!(Route::recognize("/errors"), Some(Route::Errors));
        assert_eq!(Route::Error { code: "0x2105".into() }.title(), "Error 8453 (0x2105) ERROR_DS_DRA_ACCESS_DENIED \u{2014} PHS Doctor");
        assert_eq!(Route::Event { id: "6900".into() }.title(), "Event 6900 \u{2014} PHS Doctor");
        assert_eq!(
            Route::Status { name: "targetnotexportedtodirectory".into() }.title(),
            "TargetNotExportedToDirectory \u{2014} PHS Doctor"
        );
        // Every route has its own title.
        let routes = [
            Route::Home,
            Route::Events,
            Route::Statuses,
            Route::Errors,
            Route::Scripts,
            Route::Analyze,
            Route::Learn,
            Route::LearnPage { page: "article".into() },
            Route::LearnSection { page: "how-phs-works".into(), section: "heartbeat".into() },
            Route::NotFound,
        ];
        let titles: std::collections::HashSet<String> = routes.iter().map(Route::title).collect();
        assert_eq!(titles.len(), routes.len());
    }

    #[test]
    fn learn_routes() {
        let heartbeat = LearnLink { page: "how-phs-works", anchor: "heartbeat" };
        assert_eq!(Route::learn(heartbeat).to_path(), "/learn/how-phs-works/heartbeat");
        assert_eq!(Route::recognize("/learn/how-phs-works/heartbeat"), Some(Route::learn(heartbeat)));
        assert_eq!(Route::learn(LearnLink { page: "article", anchor: "" }), Route::LearnPage { page: "article".into() });
        assert_eq!(Route::recognize("/learn"), Some(Route::Learn));
        assert_eq!(
            Route::learn(heartbeat).title(),
            "The heartbeat every 30 minutes \u{b7} How password hash synchronization works \u{2014} PHS Doctor"
        );
        assert_eq!(Route::LearnPage { page: "nope".into() }.title(), Route::NotFound.title());
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
    fn query_values_are_form_decoded() {
        assert_eq!(query_value("?q=a+b%26%C3%A9&v=1", "q").as_deref(), Some("a b&é"));
        assert_eq!(query_value("v=1&q=611", "q").as_deref(), Some("611"));
        assert_eq!(query_value("?q=%zz%", "q").as_deref(), Some("%zz%"));
        assert_eq!(query_value("?qq=1", "q"), None);
        assert_eq!(query_value("", "q"), None);
        let v = ConnectVersion::parse("2.4.129.0").ok();
        assert_eq!(home_query(v, Scope::Object), vec![("v", "2.4.129.0".to_string()), ("symptom", "object".to_string())]);
    }

    #[test]
    fn every_section_is_in_the_nav() {
        for r in [Route::Home, Route::Analyze, Route::Events, Route::Statuses, Route::Errors, Route::Scripts, Route::Learn] {
            let s = r.section().unwrap();
            assert!(nav().iter().any(|e| e.section == s));
        }
    }
}
