use std::rc::Rc;

use phs_doctor_core::analysis::Analysis;
use phs_doctor_core::redact::Entry;
use phs_doctor_core::report::{analysis_report, Report, ReportOptions};
use phs_doctor_core::ConnectVersion;
use yew::prelude::*;

use crate::browser;
use crate::strings;

#[derive(Properties, PartialEq)]
pub struct ReportActionsProps {
    pub analysis: Rc<Analysis<'static>>,
    pub text: Rc<str>,
    /// The version typed on the start page, as typed.
    pub version_text: AttrValue,
}

/// "Copy report" and "Download .md" for a ticket (`core::report`), with a "Redact names"
/// switch (on by default) and a preview of what the redaction replaces. The report is made
/// when asked for, not on every render.
#[component]
pub fn ReportActions(props: &ReportActionsProps) -> Html {
    let redact = use_state(|| true);
    let status = use_state_eq(|| None::<&'static str>);
    let preview = use_state(|| None::<Rc<Vec<Entry>>>);
    {
        // A new analysis or another switch: the preview is of the old report.
        let preview = preview.clone();
        let status = status.clone();
        use_effect_with((Rc::as_ptr(&props.analysis) as *const u8 as usize, *redact), move |_| {
            preview.set(None);
            status.set(None);
        });
    }
    let make = {
        let analysis = props.analysis.clone();
        let text = props.text.clone();
        let version_text = props.version_text.clone();
        let redact = *redact;
        move || -> Report {
            let version = ConnectVersion::parse(&version_text).ok();
            let opts = ReportOptions {
                version: version.map(|v| (v, strings::REPORT_VERSION_ORIGIN)),
                redact,
                paste: Some(&text),
                today: Some(crate::browser::today()),
            };
            analysis_report(&analysis, &opts)
        }
    };
    let on_copy = {
        let make = make.clone();
        let status = status.clone();
        Callback::from(move |_: MouseEvent| {
            let md = make().markdown;
            let status = status.clone();
            wasm_bindgen_futures::spawn_local(async move {
                status.set(Some(match browser::copy_text(&md).await {
                    browser::Copied::Clipboard | browser::Copied::Fallback => strings::REPORT_COPIED,
                    browser::Copied::No => strings::REPORT_COPY_FAILED,
                }));
            });
        })
    };
    let on_download = {
        let make = make.clone();
        let status = status.clone();
        Callback::from(move |_: MouseEvent| {
            if browser::download(strings::REPORT_FILE, &make().markdown, "text/markdown;charset=utf-8") {
                status.set(Some(strings::REPORT_DOWNLOADED));
            }
        })
    };
    let on_preview = {
        let preview = preview.clone();
        Callback::from(move |_: MouseEvent| {
            preview.set(if preview.is_some() { None } else { Some(Rc::new(make().redactions)) });
        })
    };
    let on_redact = {
        let redact = redact.clone();
        Callback::from(move |e: Event| {
            let on = e.target_dyn_into::<web_sys::HtmlInputElement>().is_some_and(|i| i.checked());
            redact.set(on);
        })
    };
    let manual = *status == Some(strings::REPORT_COPY_FAILED);
    html! {
        <div class="report-actions" data-testid="report-actions">
            <div class="report-buttons">
                <button type="button" class="button" data-testid="copy-report" onclick={on_copy}>{ strings::REPORT_COPY }</button>
                <button type="button" class="button" data-testid="download-report" onclick={on_download}>{ strings::REPORT_DOWNLOAD }</button>
                <label class="report-redact">
                    <input type="checkbox" data-testid="redact" checked={*redact} onchange={on_redact} />
                    { strings::REPORT_REDACT }
                </label>
                if *redact {
                    <button type="button" class="button" data-testid="redaction-preview-toggle" aria-expanded={preview.is_some().to_string()}
                        onclick={on_preview}>{ strings::REPORT_PREVIEW }</button>
                }
            </div>
            <p class={classes!("report-status", manual.then_some("copy-status-manual"))} role="status" data-testid="report-status">
                { status.unwrap_or("") }
            </p>
            if let (Some(entries), true) = (&*preview, *redact) {
                <div class="redaction-preview" data-testid="redaction-preview">
                    if entries.is_empty() {
                        <p>{ strings::REPORT_NOTHING_REDACTED }</p>
                    } else {
                        <p class="hint">{ strings::REPORT_PREVIEW_HINT }</p>
                        <table>
                            <thead><tr>
                                <th scope="col">{ strings::REPORT_COL_PLACEHOLDER }</th>
                                <th scope="col">{ strings::REPORT_COL_KIND }</th>
                                <th scope="col">{ strings::REPORT_COL_COUNT }</th>
                                <th scope="col">{ strings::REPORT_COL_ORIGINAL }</th>
                            </tr></thead>
                            <tbody>
                                { for entries.iter().map(|e| html! {
                                    <tr>
                                        <td><code>{ e.placeholder.clone() }</code></td>
                                        <td>{ e.kind.description() }</td>
                                        <td>{ e.count }</td>
                                        <td><code>{ e.original.clone() }</code></td>
                                    </tr>
                                }) }
                            </tbody>
                        </table>
                    }
                </div>
            }
        </div>
    }
}
