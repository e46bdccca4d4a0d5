use std::rc::Rc;

use gloo::timers::callback::Timeout;
use phs_doctor_core::analysis::inputs::INPUT_KINDS;
use phs_doctor_core::knowledge::FindingId;
use phs_doctor_core::report::redacted_page;
use phs_doctor_core::Severity;
use yew::prelude::*;

use crate::components::analysis_overview::AnalysisOverview;
use crate::components::finding_card::FindingCard;
use crate::components::paste_box::PasteBox;
use crate::components::paste_view::PasteView;
use crate::components::report_actions::ReportActions;
use crate::components::report_blocks::ReportBlocks;
use crate::components::unparsed_lines::UnparsedLines;
use crate::components::version_notices::VersionNotices;
use crate::state::{use_app, AppAction};
use crate::strings;

/// The pause in typing after which the paste is analysed.
const DEBOUNCE_MS: u32 = 250;
/// Above this size a change shows "Analysing…" for a frame before the analysis runs.
const BIG: usize = 1024 * 1024;
/// Finding cards painted with the first frame of a new analysis of a paste larger than
/// [`STAGED`] (more than a screen's worth); the rest follow after that paint, with the details.
const FIRST_CARDS: usize = 6;
/// Pastes up to this size are rendered whole at once: their render is quick, and staging it
/// would make the details blink out for a frame on every re-analysis while typing.
const STAGED: usize = crate::components::paste_box::LARGE;
/// Masking redacts the whole paste at once (about 20 MB/s natively): above this it would hold
/// the page for seconds, so the switch is off with a reason.
const MASK_MAX: usize = phs_doctor_core::report::PRIME_MAX;

/// What is highlighted in the paste view.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Selection {
    Finding(FindingId),
    Line(usize),
}

/// The paste analysis: a paste box, the findings sorted by severity, the paste with the
/// selected finding's lines highlighted, what was recognised, the timeline and the lines not
/// understood. The paste lives in the app state (memory only).
#[component]
pub fn AnalyzePage() -> Html {
    let app = use_app();
    let paste = app.paste.clone();
    let selection = use_state(|| None::<Selection>);
    let scroll_nonce = use_state(|| 0u32);
    // Set by a change that is analysed at once (a paste, a sample, Clear).
    let immediate = use_mut_ref(|| false);
    {
        // After a pause in typing (or at once), analyse the current text.
        let dispatcher = app.dispatcher();
        let stale = paste.current().is_none();
        let big = paste.text.len() > BIG;
        let immediate = immediate.clone();
        use_effect_with(paste.revision, move |_| {
            let now = std::mem::take(&mut *immediate.borrow_mut());
            let timer = stale.then(|| {
                let delay = match (now, big) {
                    (false, _) => DEBOUNCE_MS,
                    (true, true) => 30,
                    (true, false) => 0,
                };
                Timeout::new(delay, move || dispatcher.dispatch(AppAction::Analyze))
            });
            move || drop(timer)
        });
    }
    let on_change = {
        let dispatcher = app.dispatcher();
        let immediate = immediate.clone();
        Callback::from(move |(text, now): (String, bool)| {
            *immediate.borrow_mut() = now;
            if now && text.len() <= BIG {
                // Analysed in the same update: one render, no timer between paste and findings.
                dispatcher.dispatch(AppAction::PasteAndAnalyze(text));
            } else {
                dispatcher.dispatch(AppAction::Paste(text));
            }
        })
    };
    // On a phone the paste view is below the findings: "Show in the paste" scrolls down to it,
    // and the browser's Back returns to the finding (an entry of the page's own history, same
    // address; the finding whose lines were shown is remembered until then).
    let shown_from = use_mut_ref(|| None::<Selection>);
    {
        let shown_from = shown_from.clone();
        use_effect_with((), move |_| {
            let listener = web_sys::window().map(|w| {
                gloo::events::EventListener::new(&w, "popstate", move |_| {
                    if let Some(from) = shown_from.borrow_mut().take() {
                        // After the router's render of the same page.
                        Timeout::new(0, move || return_to(from)).forget();
                    }
                })
            });
            move || drop(listener)
        });
    }
    let select = {
        let selection = selection.clone();
        let scroll_nonce = scroll_nonce.clone();
        Callback::from(move |s: Selection| {
            if crate::browser::one_column() {
                let mut from = shown_from.borrow_mut();
                // One entry however many findings are shown before Back; Back returns to the last.
                if from.is_some() || crate::browser::push_same_entry() {
                    *from = Some(s);
                }
            }
            selection.set(Some(s));
            scroll_nonce.set(scroll_nonce.wrapping_add(1));
        })
    };
    // For a large paste the first findings are painted first; the other cards, the overview,
    // the lines not understood and the paste view (more DOM than the first cards) follow after
    // that paint.
    let details_for = use_state(|| None::<u64>);
    {
        let details_for = details_for.clone();
        let revision = paste.analysed.as_ref().map(|a| a.revision);
        use_effect_with(revision, move |revision| {
            if let Some(r) = *revision {
                crate::browser::after_paint(move || details_for.set(Some(r)));
            }
        });
    }
    let on_select = select.reform(Selection::Finding);
    let on_line = select.reform(Selection::Line);

    let restored_note = use_state_eq(|| false);
    let on_clear = {
        let dispatcher = app.dispatcher();
        let restored_note = restored_note.clone();
        let selection = selection.clone();
        Callback::from(move |_| {
            restored_note.set(false);
            selection.set(None);
            dispatcher.dispatch(AppAction::Clear);
        })
    };
    let on_undo = {
        let dispatcher = app.dispatcher();
        let restored_note = restored_note.clone();
        Callback::from(move |_: MouseEvent| {
            dispatcher.dispatch(AppAction::UndoClear);
            restored_note.set(true);
            let restored_note = restored_note.clone();
            Timeout::new(8_000, move || restored_note.set(false)).forget();
            // The Undo button is gone: the focus goes back to the paste box.
            Timeout::new(0, || {
                let area = web_sys::window().and_then(|w| w.document()).and_then(|d| d.get_element_by_id("paste"));
                if let Some(a) = area.and_then(|a| wasm_bindgen::JsCast::dyn_into::<web_sys::HtmlElement>(a).ok()) {
                    let _ = a.focus();
                }
            })
            .forget();
        })
    };
    let restored_note_shown = *restored_note && app.cleared.is_none() && !paste.text.is_empty();
    let empty = paste.text.is_empty();
    let busy = !empty && paste.current().is_none() && paste.text.len() > BIG;
    // While the user types, the previous analysis stays on screen until the new one is ready.
    let shown = paste.analysed.clone().filter(|_| !empty);
    // "Mask names on this page": the paste view, the findings, the overview and the lines not
    // understood show the redacted copy (`core::report::redacted_page`: the same placeholders
    // as the redacted report); the paste itself is kept as it is.
    let masked = use_state(|| false);
    let masked_page = {
        let analysed = shown.clone();
        let text = paste.text.clone();
        use_memo((shown.as_ref().map(|a| a.revision), paste.revision, *masked), move |&(_, _, on)| {
            analysed.filter(|_| on && text.len() <= MASK_MAX).map(|a| {
                let page = redacted_page(&a.analysis, &text);
                (Rc::new(page.analysis), Rc::<str>::from(page.paste), page.redactions.len())
            })
        })
    };
    let on_mask = {
        let masked = masked.clone();
        Callback::from(move |e: Event| {
            masked.set(e.target_dyn_into::<web_sys::HtmlInputElement>().is_some_and(|i| i.checked()));
        })
    };
    let counts = if empty {
        AttrValue::Static(strings::PASTE_EMPTY_COUNTS)
    } else if busy {
        AttrValue::from(format!("{} \u{b7} {}", strings::size(paste.text.len()), strings::ANALYZING))
    } else {
        let current = paste.current();
        AttrValue::from(strings::paste_counts(current.map(|a| a.analysis.line_count), paste.text.len(), current.map(|a| a.millis)))
    };
    let highlight: Rc<Vec<usize>> = Rc::new(match (*selection, &shown) {
        (Some(Selection::Finding(id)), Some(a)) => {
            a.analysis.findings.iter().find(|f| f.id == id).map(|f| f.evidence.iter().map(|e| e.line).collect()).unwrap_or_default()
        }
        (Some(Selection::Line(n)), Some(_)) => vec![n],
        _ => Vec::new(),
    });
    let selected_id = match *selection {
        Some(Selection::Finding(id)) => Some(id),
        _ => None,
    };

    // Every part of the current analysis is on the page (tests wait for this).
    let whole = paste.text.len() <= STAGED;
    let complete = paste.current().is_some_and(|a| whole || *details_for == Some(a.revision));
    let results = shown.map(|a| {
        let details = whole || *details_for == Some(a.revision);
        let (analysis, view_text, view_revision) = match &*masked_page {
            Some((m, t, _)) => (m.clone(), t.clone(), a.revision | 1 << 63),
            None => (a.analysis.clone(), paste.text.clone(), a.revision),
        };
        let findings = &analysis.findings;
        let nothing = findings.is_empty() || findings.iter().all(|f| f.id == FindingId::NothingRecognised);
        // The version the paste shows (a block, an event's product string, a trace), else the
        // one typed on the start page: the page says which.
        let (version, origin) = match analysis.connect_version {
            Some(v) => (Some(v), strings::ORIGIN_PASTE),
            None => (app.version(), strings::ORIGIN_TYPED),
        };
        html! {
            <>
                if let Some(t) = analysis.truncated {
                    <div class="notice notice-warning" data-testid="truncated" role="status">
                        { strings::truncated(&t, analysis.line_count) }
                    </div>
                }
                <div class="analysis-grid">
                    <div class="analysis-main">
                        <VersionNotices {version} origin={AttrValue::Static(origin)} compact={true} />
                        <section aria-labelledby="findings-title">
                            <h2 id="findings-title">{ strings::FINDINGS_TITLE }</h2>
                            <p class="findings-summary" data-testid="findings-summary" aria-live="polite">
                                { summary(&analysis) }
                            </p>
                            if !nothing {
                                <ReportActions analysis={a.analysis.clone()} text={paste.text.clone()}
                                    version_text={AttrValue::from(app.version_text.clone())} />
                                <p class="mask-names">
                                    <label>
                                        <input type="checkbox" data-testid="mask-names" checked={*masked && paste.text.len() <= MASK_MAX}
                                            disabled={paste.text.len() > MASK_MAX} onchange={on_mask.clone()} />
                                        { strings::MASK_NAMES }
                                    </label>
                                    if paste.text.len() > MASK_MAX {
                                        <span class="hint">{ strings::MASK_TOO_BIG }</span>
                                    }
                                    if let Some((_, _, n)) = &*masked_page {
                                        <span class="hint" data-testid="mask-status" role="status">{ strings::masked_names(*n) }</span>
                                    }
                                </p>
                            }
                            <ol class="findings" data-testid="findings">
                                { for findings.iter().take(if details { usize::MAX } else { FIRST_CARDS }).map(|f| html! {
                                    <li key={f.id.as_str()} data-testid="finding">
                                        <FindingCard finding={f.clone()} selected={selected_id == Some(f.id)}
                                            on_select={on_select.clone()} />
                                    </li>
                                }) }
                            </ol>
                            if nothing { { what_to_paste() } }
                        </section>
                        if details {
                            <AnalysisOverview analysis={analysis.clone()} on_line={on_line.clone()} />
                            <ReportBlocks analysis={analysis.clone()} on_line={on_line.clone()} />
                            <UnparsedLines text={view_text.clone()} revision={view_revision}
                                analysis={analysis.clone()} on_line={on_line.clone()} />
                        }
                    </div>
                    <aside class="analysis-side" aria-labelledby="paste-view-title">
                        <div class="side-sticky">
                            <h2 id="paste-view-title">{ strings::PASTE_VIEW_TITLE }</h2>
                            <p class="hint">{ strings::PASTE_VIEW_HINT }</p>
                            if details {
                                <PasteView text={view_text.clone()} revision={view_revision} line_count={analysis.line_count}
                                    highlight={highlight.clone()} scroll_nonce={*scroll_nonce} />
                            }
                        </div>
                    </aside>
                </div>
            </>
        }
    });

    html! {
        <div class="page analyze" data-testid="page-analyze" aria-busy={if busy { "true" } else { "false" }}
            data-complete={if complete { "true" } else { "false" }}>
            <h1>{ strings::ANALYZE_TITLE }</h1>
            <p class="lead">{ strings::ANALYZE_LEAD }</p>
            <div class="card paste-card">
                if masked_page.is_some() {
                    // The box would show the names: it comes back when the switch is off.
                    <p class="paste-hidden" data-testid="paste-hidden">{ strings::PASTE_HIDDEN_MASKED }</p>
                } else {
                    <PasteBox text={paste.text.clone()} {counts} {on_change} on_clear={on_clear} restored={paste.restored} />
                }
                <div class="undo-clear" data-testid="undo-status" role="status">
                    if let Some(c) = &app.cleared {
                        <span>{ strings::paste_cleared(c.text.len()) }</span>
                        { " " }
                        <button type="button" class="button button-small" data-testid="undo-clear" onclick={on_undo}>{ strings::UNDO }</button>
                    } else if restored_note_shown {
                        <span>{ strings::PASTE_RESTORED }</span>
                    }
                </div>
            </div>
            if empty {
                { what_to_paste() }
            } else if let Some(r) = results {
                { r }
            }
        </div>
    }
}

/// After Back from the paste view (on a phone): the finding (or line) whose lines were shown is
/// scrolled back into view, its "Show in the paste" button focused.
fn return_to(from: Selection) {
    let Some(document) = web_sys::window().and_then(|w| w.document()) else { return };
    let target = match from {
        Selection::Finding(id) => document.query_selector(&format!("#finding-{id} [data-testid=show-in-paste]")).ok().flatten(),
        Selection::Line(n) => document.query_selector(&format!("button.evidence-line[data-line=\"{n}\"]")).ok().flatten(),
    };
    if let Some(el) = target.and_then(|t| wasm_bindgen::JsCast::dyn_into::<web_sys::HtmlElement>(t).ok()) {
        crate::browser::scroll_into_view_center(&el);
        let _ = el.focus();
    }
}

/// "3 findings: 1 problem, 1 warning, 1 OK".
fn summary(a: &phs_doctor_core::analysis::Analysis) -> String {
    let total = a.findings.len();
    let parts: Vec<String> = [Severity::Error, Severity::Warning, Severity::Info, Severity::Ok]
        .into_iter()
        .filter_map(|s| {
            let n = a.findings.iter().filter(|f| f.severity == s).count();
            (n > 0).then(|| strings::severity_count(s, n))
        })
        .collect();
    strings::findings_summary(total, &parts)
}

fn what_to_paste() -> Html {
    html! {
        <section class="card what-to-paste" aria-labelledby="what-title" data-testid="what-to-paste">
            <h2 id="what-title">{ strings::WHAT_TO_PASTE }</h2>
            <ul>
                { for INPUT_KINDS.iter().map(|k| html! { <li><strong>{ k.name }</strong>{ ": " }{ k.how }</li> }) }
            </ul>
        </section>
    }
}
