//! What the app remembers between pages while it is open (never stored, never sent): the
//! version and symptom typed on the start page, the values typed into the script fields, and
//! the paste on the Analyze page with its analysis. A thin `Reducible` adapter: every decision
//! about these values is made by the core.

use std::rc::Rc;

use phs_doctor_core::analysis::{self, Analysis};
use phs_doctor_core::knowledge::Scope;
use phs_doctor_core::script::{Field, ScriptInput};
use phs_doctor_core::ConnectVersion;
use yew::prelude::*;

#[derive(Clone, Debug, PartialEq)]
pub struct AppState {
    /// The version as typed (validated by `ConnectVersion::parse` wherever it is used).
    pub version_text: String,
    pub scope: Scope,
    pub script_input: ScriptInput,
    pub paste: Paste,
    /// The paste that Clear took away, with its analysis, until something else is pasted:
    /// "Undo" puts it back.
    pub cleared: Option<Paste>,
}

/// The most of a paste that is analysed: about 250 ms of analysis in the browser, so that even
/// a 20 MB paste leaves the page responsive. Event tables list the newest events first, so the
/// first part is the one that matters.
pub const ANALYSED_BYTES: usize = 5 * 1024 * 1024;

/// The text pasted on the Analyze page (in memory only: never in a URL, never stored, never
/// sent) and its analysis, which may lag behind the text while the user types.
#[derive(Clone, Debug, Default)]
pub struct Paste {
    pub text: Rc<str>,
    /// Counts every change of `text`.
    pub revision: u64,
    pub analysed: Option<Analysed>,
    /// Counts the times Undo put a cleared paste back (the paste box shows the text again).
    pub restored: u32,
}

#[derive(Clone, Debug)]
pub struct Analysed {
    /// The [`Paste::revision`] analysed.
    pub revision: u64,
    pub analysis: Rc<Analysis<'static>>,
    /// How long `analyze` took, in milliseconds (shown next to the counts).
    pub millis: f64,
}

impl Paste {
    /// The analysis, if it is of the current text.
    pub fn current(&self) -> Option<&Analysed> {
        self.analysed.as_ref().filter(|a| a.revision == self.revision)
    }
}

/// Revisions identify the text: comparing them is enough (and cheap for a 20 MB paste).
impl PartialEq for Paste {
    fn eq(&self, other: &Self) -> bool {
        self.revision == other.revision && self.analysed.as_ref().map(|a| a.revision) == other.analysed.as_ref().map(|a| a.revision)
    }
}

impl Default for AppState {
    fn default() -> Self {
        AppState {
            version_text: String::new(),
            scope: Scope::All,
            script_input: ScriptInput::default(),
            paste: Paste::default(),
            cleared: None,
        }
    }
}

impl AppState {
    pub fn version(&self) -> Option<ConnectVersion> {
        ConnectVersion::parse(&self.version_text).ok()
    }
}

pub enum AppAction {
    Version(String),
    Scope(Scope),
    Field(Field, String),
    /// The paste box changed (the analysis follows with [`AppAction::Analyze`]).
    Paste(String),
    /// Analyses the paste, unless its analysis is current.
    Analyze,
    /// [`AppAction::Paste`] then [`AppAction::Analyze`] in one update (one render, no timer),
    /// for a paste that is analysed at once.
    PasteAndAnalyze(String),
    /// The paste box's Clear: the paste (and its analysis) is kept for [`AppAction::UndoClear`].
    Clear,
    /// Puts the cleared paste back with its analysis (analysed again if the version changed).
    UndoClear,
}

impl Reducible for AppState {
    type Action = AppAction;

    fn reduce(self: Rc<Self>, action: AppAction) -> Rc<Self> {
        let mut next = (*self).clone();
        match action {
            AppAction::Version(text) => {
                let before = next.version();
                next.version_text = text;
                // The analysis is judged for the version (`Analysis::for_version`): a new
                // version makes it stale, and the Analyze page analyses the paste again.
                if next.version() != before && !next.paste.text.is_empty() {
                    next.paste.revision += 1;
                }
                if next.version() != before {
                    if let Some(c) = next.cleared.as_mut() {
                        c.analysed = None;
                    }
                }
            }
            AppAction::Scope(scope) => next.scope = scope,
            AppAction::Field(field, value) => next.script_input.set(field, value),
            AppAction::Paste(text) => {
                if *next.paste.text == *text {
                    return self;
                }
                if !text.is_empty() {
                    next.cleared = None;
                }
                next.paste.text = Rc::from(text);
                next.paste.revision += 1;
            }
            AppAction::Analyze => {
                if next.paste.current().is_some() {
                    return self;
                }
                let started = now();
                let analysis = analysis::analyze_within(&next.paste.text, ANALYSED_BYTES).for_version(next.version()).into_owned();
                next.paste.analysed =
                    Some(Analysed { revision: next.paste.revision, analysis: Rc::new(analysis), millis: now() - started });
            }
            AppAction::PasteAndAnalyze(text) => {
                return self.reduce(AppAction::Paste(text)).reduce(AppAction::Analyze);
            }
            AppAction::Clear => {
                if next.paste.text.is_empty() {
                    return self;
                }
                next.cleared = Some(next.paste.clone());
                return Rc::new(next).reduce(AppAction::PasteAndAnalyze(String::new()));
            }
            AppAction::UndoClear => {
                let Some(before) = next.cleared.take() else { return self };
                let revision = next.paste.revision + 1;
                let analysed = before.current().cloned().map(|a| Analysed { revision, ..a });
                next.paste = Paste { text: before.text, revision, analysed, restored: next.paste.restored + 1 };
            }
        }
        Rc::new(next)
    }
}

/// Milliseconds from the page's clock (0 where there is none).
fn now() -> f64 {
    #[cfg(target_arch = "wasm32")]
    return web_sys::window().and_then(|w| w.performance()).map_or(0.0, |p| p.now());
    #[cfg(not(target_arch = "wasm32"))]
    0.0
}

pub type AppContext = UseReducerHandle<AppState>;

/// The app state; the provider is in [`crate::components::app::App`].
#[hook]
pub fn use_app() -> AppContext {
    use_context::<AppContext>().expect("AppContext is provided by App")
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A generic .NET message is judged for the start page's version, also when the version
    /// is entered after the paste.
    #[test]
    fn a_new_version_judges_the_paste_again() {
        let ids = |s: &AppState| -> Vec<&'static str> {
            s.paste.current().map(|a| a.analysis.findings.iter().map(|f| f.id.as_str()).collect()).unwrap_or_default()
        };
        let paste = "Details: System.ArgumentException: An item with the same key has already been added.\n";
        let s = Rc::new(AppState::default()).reduce(AppAction::PasteAndAnalyze(paste.to_string()));
        assert!(ids(&s).contains(&"upgrade-required"), "{:?}", ids(&s));
        let s = s.reduce(AppAction::Version("2.3.20.0".into()));
        assert!(s.paste.current().is_none(), "stale after a new version");
        let s = s.reduce(AppAction::Analyze);
        assert!(ids(&s).contains(&"internal-error"), "{:?}", ids(&s));
        // The same version again is no change.
        let again = s.clone().reduce(AppAction::Version("2.3.20.0".into()));
        assert!(again.paste.current().is_some());
    }

    /// Clear keeps the paste and its analysis until something else is pasted; Undo puts both
    /// back (the same analysis, not a new one), and tells the paste box to show the text.
    #[test]
    fn clear_can_be_undone() {
        let paste = "Event ID: 611\nRPC Error 8453 : Replication access was denied\n";
        let s = Rc::new(AppState::default()).reduce(AppAction::PasteAndAnalyze(paste.to_string()));
        let analysis = s.paste.current().unwrap().analysis.clone();
        let cleared = s.clone().reduce(AppAction::Clear);
        assert!(cleared.paste.text.is_empty() && cleared.paste.current().is_some());
        let back = cleared.clone().reduce(AppAction::UndoClear);
        assert_eq!(&*back.paste.text, paste);
        assert!(Rc::ptr_eq(&back.paste.current().unwrap().analysis, &analysis), "the analysis comes back as it was");
        assert!(back.paste.revision > cleared.paste.revision);
        assert_eq!(back.paste.restored, 1);
        assert!(back.cleared.is_none());
        // Only once; and a new paste ends the offer.
        assert!(Rc::ptr_eq(&back.clone().reduce(AppAction::UndoClear), &back));
        let other = cleared.clone().reduce(AppAction::PasteAndAnalyze("Event ID: 654\n".into()));
        assert!(other.cleared.is_none());
        // Clearing nothing offers nothing.
        let empty = Rc::new(AppState::default());
        assert!(empty.clone().reduce(AppAction::Clear).cleared.is_none());
        // A version entered after Clear: the paste comes back and is analysed again.
        let v = cleared.reduce(AppAction::Version("2.4.129.0".into())).reduce(AppAction::UndoClear);
        assert_eq!(&*v.paste.text, paste);
        assert!(v.paste.current().is_none());
    }
}
