use phs_doctor_core::knowledge;
use phs_doctor_core::lookup;
use phs_doctor_core::search::{self, Entry, Kind};
use phs_doctor_core::walk::WalkState;
use wasm_bindgen::JsCast;
use yew::prelude::*;
use yew_router::prelude::*;

use crate::browser;
use crate::route::Route;
use crate::strings;

/// Results shown at most.
const SHOWN: usize = 8;

/// The page an entry opens: its look-up page, or the guided-path step (a finding's, a result's
/// or the step itself); a finding without a step opens Analyze.
pub fn route_of(e: &Entry) -> Route {
    let walk = |reference: &str| WalkState::leading_to(reference).map(|w| Route::walk(&w));
    match e.kind {
        Kind::Event => Route::Event { id: e.key.to_string() },
        Kind::Error => Route::Error { code: e.key.to_string() },
        Kind::Status => Route::Status { name: e.key.to_string() },
        Kind::Finding => knowledge::finding(e.key).and_then(|f| f.node).and_then(walk).unwrap_or(Route::Analyze),
        Kind::Result => walk(&format!("result:{}", e.key)).unwrap_or(Route::Analyze),
        Kind::Step => walk(e.key).unwrap_or(Route::NotFound),
        Kind::Learn => Route::learn(phs_doctor_core::learn::link_of_key(e.key)),
    }
}

/// The header's search (`core::search`): focused by `/` or Ctrl+K, results as the user types,
/// arrows to choose, Enter to open, Escape to close (a second Escape clears). An ARIA 1.2
/// combobox: the focus stays in the box, the chosen result is `aria-activedescendant`.
#[component]
pub fn SearchBox() -> Html {
    let query = use_state(String::new);
    let active = use_state(|| 0usize);
    let open = use_state(|| false);
    let navigator = use_navigator();
    let input = use_node_ref();
    {
        // `/` (outside a text field) and Ctrl+K (anywhere) focus the box.
        let input = input.clone();
        use_effect_with((), move |_| {
            let listener = web_sys::window().and_then(|w| w.document()).map(|d| {
                // Not passive: the shortcut's own character must not be typed into the box.
                let options = gloo::events::EventListenerOptions::enable_prevent_default();
                gloo::events::EventListener::new_with_options(&d, "keydown", options, move |e| {
                    let Some(e) = e.dyn_ref::<web_sys::KeyboardEvent>() else { return };
                    let slash = e.key() == "/" && !e.ctrl_key() && !e.meta_key() && !e.alt_key() && !browser::typing_in_a_field();
                    let ctrl_k = (e.ctrl_key() || e.meta_key()) && e.key().eq_ignore_ascii_case("k");
                    if slash || ctrl_k {
                        if let Some(i) = input.cast::<web_sys::HtmlInputElement>() {
                            e.prevent_default();
                            let _ = i.focus();
                            i.select();
                        }
                    }
                })
            });
            move || drop(listener)
        });
    }
    let hits = search::search(&query, SHOWN);
    let go = {
        let (query, open, active) = (query.clone(), open.clone(), active.clone());
        let input = input.clone();
        Callback::from(move |e: &'static Entry| {
            if let Some(n) = &navigator {
                n.push(&route_of(e));
            }
            query.set(String::new());
            open.set(false);
            active.set(0);
            if let Some(i) = input.cast::<web_sys::HtmlInputElement>() {
                let _ = i.blur();
            }
        })
    };
    let oninput = {
        let (query, open, active) = (query.clone(), open.clone(), active.clone());
        Callback::from(move |e: InputEvent| {
            query.set(e.target_unchecked_into::<web_sys::HtmlInputElement>().value());
            open.set(true);
            active.set(0);
        })
    };
    let onkeydown = {
        let (query, open, active, go) = (query.clone(), open.clone(), active.clone(), go.clone());
        let hits = hits.clone();
        Callback::from(move |e: KeyboardEvent| {
            let n = hits.len();
            match e.key().as_str() {
                "ArrowDown" if n > 0 => {
                    e.prevent_default();
                    active.set(if *open { (*active + 1) % n } else { 0 });
                    open.set(true);
                }
                "ArrowUp" if n > 0 => {
                    e.prevent_default();
                    active.set(if *open { (*active + n - 1) % n } else { n - 1 });
                    open.set(true);
                }
                "Enter" => {
                    if let Some(h) = hits.get(*active).or(hits.first()) {
                        e.prevent_default();
                        go.emit(h.entry);
                    }
                }
                "Escape" => {
                    e.prevent_default();
                    if *open && !query.is_empty() {
                        open.set(false);
                    } else {
                        query.set(String::new());
                    }
                }
                _ => {}
            }
        })
    };
    let onfocus = {
        let open = open.clone();
        Callback::from(move |_: FocusEvent| open.set(true))
    };
    let onblur = {
        let open = open.clone();
        Callback::from(move |_: FocusEvent| open.set(false))
    };
    let expanded = *open && !query.trim().is_empty();
    let active_id = (expanded && !hits.is_empty()).then(|| format!("search-result-{}", (*active).min(hits.len() - 1)));
    html! {
        <div class="search" role="search" data-testid="search">
            <label for="site-search" class="visually-hidden">{ strings::SEARCH_LABEL }</label>
            <input id="site-search" data-testid="search-input" ref={input} type="search" autocomplete="off" spellcheck="false"
                role="combobox" aria-autocomplete="list" aria-controls="search-results" aria-expanded={if expanded { "true" } else { "false" }}
                aria-activedescendant={active_id} aria-describedby="search-keys"
                placeholder={strings::SEARCH_PLACEHOLDER} value={(*query).clone()} {oninput} {onkeydown} {onfocus} {onblur} />
            <kbd class="search-key" aria-hidden="true">{ "/" }</kbd>
            <p id="search-keys" class="visually-hidden">{ strings::SEARCH_KEYS }</p>
            <ul id="search-results" class="search-results" role="listbox" aria-label={strings::SEARCH_LABEL} hidden={!expanded || hits.is_empty()}
                data-testid="search-results">
                { for hits.iter().enumerate().map(|(i, h)| {
                    let e = h.entry;
                    let selected = i == *active;
                    let onmousedown = {
                        let go = go.clone();
                        Callback::from(move |m: MouseEvent| {
                            // Not a blur first: the box would close under the pointer.
                            m.prevent_default();
                            go.emit(e);
                        })
                    };
                    html! {
                        <li id={format!("search-result-{i}")} role="option" aria-selected={if selected { "true" } else { "false" }}
                            class={classes!("search-result", selected.then_some("active"))} data-testid="search-result" {onmousedown}>
                            <span class={classes!("tag", format!("kind-{}", strings::search_kind(e.kind).to_ascii_lowercase()))}>{ strings::search_kind(e.kind) }</span>
                            <span class="search-label">{ lookup::entry_label(e) }</span>
                            <span class="search-title">{ e.title() }</span>
                        </li>
                    }
                }) }
            </ul>
            if expanded && hits.is_empty() {
                <p class="search-none" data-testid="search-none">{ strings::SEARCH_NONE }</p>
            }
            <p class="visually-hidden" role="status" data-testid="search-count">{ if expanded { strings::search_count(hits.len()) } else { String::new() } }</p>
        </div>
    }
}
