use phs_doctor_core::lookup;
use yew::prelude::*;

use crate::components::lookup_next::LookupNext;
use crate::components::nav_link::NavLink;
use crate::components::rich_text::RichText;
use crate::components::source_note::SourceNote;
use crate::route::Route;
use crate::strings;

#[derive(Properties, PartialEq)]
pub struct ErrorPageProps {
    pub code: AttrValue,
}

/// One decoded error (`#/error/8453`, `#/error/0x2105`, `#/error/ERROR_DS_DRA_ACCESS_DENIED`):
/// its message, what it means and what to do, what the Analyze page reports it as and the
/// guided-path step, or why there is no such error.
#[component]
pub fn ErrorPage(props: &ErrorPageProps) -> Html {
    let back =
        html! { <p class="crumb"><NavLink to={Route::Errors} id={AttrValue::Static("all-errors")}>{ strings::ERROR_ALL }</NavLink></p> };
    match lookup::lookup_error(&props.code) {
        Ok(page) => {
            let first = page.first();
            let findings: Vec<&'static str> = page.findings().iter().map(|f| f.id.as_str()).collect();
            html! {
                <div class="page error-page" data-testid="page-error">
                    { back }
                    <h1 data-testid="error-title">{ strings::error_heading(first) }</h1>
                    <p><span class="tag">{ strings::error_kind_label(first.kind) }</span></p>
                    { for page.entries.iter().map(|e| html! {
                        <section class="card error-entry" data-testid="error-entry">
                            <h2 class="error-message-title">{ strings::ERROR_MESSAGE }</h2>
                            <p class="error-message"><q>{ e.message }</q></p>
                            <h2>{ strings::ERROR_MEANING }</h2>
                            <RichText text={e.cause} class="error-cause" />
                            <SourceNote source={e.cause.source} />
                            <h2>{ strings::ERROR_WHAT_TO_DO }</h2>
                            <RichText text={e.fix} class="error-fix" />
                            <SourceNote source={e.fix.source} />
                        </section>
                    }) }
                    <LookupNext {findings} />
                </div>
            }
        }
        Err(err) => html! {
            <div class="page error-page" data-testid="page-error">
                { back }
                <h1>{ strings::ERROR_NOT_FOUND }</h1>
                <p class="field-error" data-testid="error-error">{ crate::text::sentence(&err.to_string()) }</p>
                if let Some(s) = err.suggestion {
                    <p><NavLink to={Route::Error { code: lookup::lookup_error(s).map(|p| p.key.to_string()).unwrap_or_default() }}><code>{ s }</code></NavLink></p>
                }
            </div>
        },
    }
}
