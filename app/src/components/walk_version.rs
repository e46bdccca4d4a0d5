use phs_doctor_core::ConnectVersion;
use yew::prelude::*;

use crate::components::version_field::VersionField;
use crate::strings;

#[derive(Properties, PartialEq)]
pub struct WalkVersionProps {
    /// The version the walk is checked against (from the route's `?v=`).
    pub version: Option<ConnectVersion>,
    /// A version entered here: the walk stays where it is, with the version applied.
    pub on_apply: Callback<ConnectVersion>,
}

/// The walk's version line. "Enter it" (or "Change") opens a version field in place, so the
/// walk keeps its position: Apply puts the version in the walk's route, and the version
/// notices of the step are checked against it.
#[component]
pub fn WalkVersion(props: &WalkVersionProps) -> Html {
    let open = use_state_eq(|| false);
    let text = use_state(String::new);
    let applied = use_state_eq(|| None::<ConnectVersion>);
    let parsed = ConnectVersion::parse(&text).ok();
    let on_open = {
        let open = open.clone();
        let text = text.clone();
        let version = props.version;
        Callback::from(move |_: MouseEvent| {
            text.set(version.map(|v| v.to_string()).unwrap_or_default());
            open.set(true);
            // The field is rendered with this click: focus it after that render.
            gloo::timers::callback::Timeout::new(0, || focus_by_id("version")).forget();
        })
    };
    let apply = {
        let open = open.clone();
        let applied = applied.clone();
        let on_apply = props.on_apply.clone();
        move || {
            if let Some(v) = parsed {
                open.set(false);
                applied.set(Some(v));
                on_apply.emit(v);
            }
        }
    };
    let on_apply_click = {
        let apply = apply.clone();
        Callback::from(move |_: MouseEvent| apply())
    };
    let on_key = Callback::from(move |e: KeyboardEvent| {
        if e.key() == "Enter" {
            e.prevent_default();
            apply();
        }
    });
    let on_cancel = {
        let open = open.clone();
        Callback::from(move |_: MouseEvent| {
            open.set(false);
            gloo::timers::callback::Timeout::new(0, || focus_by_id("walk-version-edit")).forget();
        })
    };
    let on_input = {
        let text = text.clone();
        Callback::from(move |t: String| text.set(t))
    };
    html! {
        <div class="walk-version" data-testid="walk-version">
            if *open {
                <div class="walk-version-form" onkeydown={on_key}>
                    <VersionField value={AttrValue::from((*text).clone())} {on_input} />
                    <div class="actions">
                        <button type="button" class="button button-primary" data-testid="walk-version-apply"
                            disabled={parsed.is_none()} onclick={on_apply_click}>{ strings::WALK_VERSION_APPLY }</button>
                        <button type="button" class="button" onclick={on_cancel}>{ strings::WALK_VERSION_CANCEL }</button>
                    </div>
                </div>
            } else {
                <p class="version-line">
                    { match props.version {
                        Some(v) => format!("{} {v}.", strings::WALK_VERSION),
                        None => strings::WALK_NO_VERSION.to_string(),
                    } }
                    { " " }
                    <button type="button" class="button button-small" id="walk-version-edit" data-testid="walk-version-edit" onclick={on_open}>
                        { if props.version.is_some() { strings::WALK_CHANGE_VERSION } else { strings::WALK_SET_VERSION } }
                    </button>
                </p>
            }
            <p class="copy-status" role="status" data-testid="walk-version-status">
                { match *applied {
                    Some(v) if props.version == Some(v) => strings::walk_version_applied(v),
                    _ => String::new(),
                } }
            </p>
        </div>
    }
}

fn focus_by_id(id: &str) {
    use wasm_bindgen::JsCast;
    let el = web_sys::window().and_then(|w| w.document()).and_then(|d| d.get_element_by_id(id));
    if let Some(el) = el.and_then(|e| e.dyn_into::<web_sys::HtmlElement>().ok()) {
        let _ = el.focus();
    }
}
