use phs_doctor_core::releases::{self, Date, Notice, NoticeKind};
use phs_doctor_core::{ConnectVersion, Severity};
use yew::prelude::*;

use crate::components::rich_text::RichText;
use crate::components::severity_badge::SeverityBadge;
use crate::components::source_note::SourceNote;
use crate::strings;

#[derive(Properties, PartialEq)]
pub struct VersionNoticesProps {
    pub version: Option<ConnectVersion>,
    /// Where the version came from ("typed on the start page", "found in the paste").
    pub origin: AttrValue,
    /// Leave out the retirement notice (the page says it already, before any path).
    #[prop_or(false)]
    pub skip_retired: bool,
    /// Each notice as its title, its body folded (on a walk and on Analyze, where the step or
    /// the findings come next and must stay in view).
    #[prop_or(false)]
    pub compact: bool,
}

/// What PHS Doctor knows about a version today (`core::releases::notices`): each notice with
/// its severity, title, text, details, the release's changes (folded), the next step and its
/// sources (each once). Today's date is
/// the browser's, read in an effect, so the prerendered start page (no version, no date) and
/// its hydration render the same nothing.
#[component]
pub fn VersionNotices(props: &VersionNoticesProps) -> Html {
    let today = use_state_eq(|| None::<Date>);
    {
        let today = today.clone();
        use_effect_with((), move |_| today.set(Some(crate::browser::today())));
    }
    let (Some(v), Some(day)) = (props.version, *today) else {
        return html! {};
    };
    let notices: Vec<_> =
        releases::notices(v, day).into_iter().filter(|n| !(props.skip_retired && n.kind == NoticeKind::Retired)).collect();
    if notices.is_empty() {
        return html! {};
    }
    let version = v.to_string();
    let compact = props.compact;
    html! {
        <section class={classes!("card", "version-notices", compact.then_some("compact"))} aria-labelledby="notices-title" data-testid="version-notices" data-version={version.clone()}>
            <h2 id="notices-title">{ strings::NOTICES_TITLE }</h2>
            <p class="hint" data-testid="notices-lead">
                { strings::notices_lead(&version, &props.origin, &day.to_string(), &releases::DATA_DATE.to_string()) }
            </p>
            <ul class="notice-list">
                { for notices.iter().map(|n| {
                    let class = match n.severity {
                        Severity::Error => "notice notice-error",
                        Severity::Warning => "notice notice-warning",
                        Severity::Info => "notice notice-info",
                        Severity::Ok => "notice notice-ok",
                    };
                    html! {
                        <li class={class} data-testid="version-notice" data-kind={n.kind.as_str()} data-severity={n.severity.as_str()}>
                            if compact {
                                <details class="notice-fold">
                                    <summary class="notice-title"><SeverityBadge severity={n.severity} />{ " " }{ n.title.clone() }</summary>
                                    { body(n) }
                                </details>
                            } else {
                                <p class="notice-title"><SeverityBadge severity={n.severity} />{ " " }{ n.title.clone() }</p>
                                { body(n) }
                            }
                        </li>
                    }
                }) }
            </ul>
        </section>
    }
}

/// A notice's text, details, the release's changes (folded), next step and sources.
fn body(n: &Notice) -> Html {
    html! {
        <>
                            <RichText text={n.text} />
                            { for n.details.iter().map(|d| html! {
                                <div class="notice-detail"><RichText text={*d} /><SourceNote source={d.source} /></div>
                            }) }
                            if !n.changes.is_empty() {
                                <details class="notice-changes">
                                    <summary>{ strings::NOTICE_CHANGES }</summary>
                                    <ul>
                                        { for n.changes.iter().map(|d| html! {
                                            <li><RichText text={*d} /><SourceNote source={d.source} /></li>
                                        }) }
                                    </ul>
                                </details>
                            }
                            if let Some(next) = n.next_step {
                                <div class="notice-next">
                                    <p class="notice-next-label">{ strings::NOTICE_NEXT }</p>
                                    <RichText text={next} />
                                </div>
                            }
                            // The title's, the text's and the next step's sources, each once.
                            <div class="notice-sources">
                                { for n.sources().into_iter().map(|src| html! { <SourceNote source={src} /> }) }
                            </div>
        </>
    }
}
