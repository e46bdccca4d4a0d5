//! What the app remembers between pages while it is open (never stored, never sent): the
//! version and symptom typed on the start page and the values typed into the script fields.
//! A thin `Reducible` adapter: every decision about these values is made by the core.

use std::rc::Rc;

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
}

impl Default for AppState {
    fn default() -> Self {
        AppState {
            version_text: String::new(),
            scope: Scope::All,
            script_input: ScriptInput::default(),
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
}

impl Reducible for AppState {
    type Action = AppAction;

    fn reduce(self: Rc<Self>, action: AppAction) -> Rc<Self> {
        let mut next = (*self).clone();
        match action {
            AppAction::Version(text) => next.version_text = text,
            AppAction::Scope(scope) => next.scope = scope,
            AppAction::Field(field, value) => next.script_input.set(field, value),
        }
        Rc::new(next)
    }
}

pub type AppContext = UseReducerHandle<AppState>;

/// The app state; the provider is in [`crate::components::app::App`].
#[hook]
pub fn use_app() -> AppContext {
    use_context::<AppContext>().expect("AppContext is provided by App")
}
