use std::rc::Rc;

use phs_doctor_core::analysis::{Analysis, RecordKind};
use yew::prelude::*;

use crate::strings;

/// Rows shown in each timeline list; a paste of many days can hold thousands of events.
const ROWS: usize = 20;

#[derive(Properties, PartialEq)]
pub struct AnalysisOverviewProps {
    pub analysis: Rc<Analysis<'static>>,
    /// Scrolls the paste view to a line (the line numbers in the timeline).
    pub on_line: Callback<usize>,
}

/// What was recognised (kinds and counts) and the timeline: the last heartbeat per connector,
/// heartbeat gaps and full password sync progress.
#[component]
pub fn AnalysisOverview(props: &AnalysisOverviewProps) -> Html {
    let a = &props.analysis;
    let mut kinds: Vec<(RecordKind, usize)> = Vec::new();
    for r in &a.records {
        match kinds.iter_mut().find(|(k, _)| *k == r.kind) {
            Some((_, n)) => *n += 1,
            None => kinds.push((r.kind, 1)),
        }
    }
    let t = &a.timeline;
    let has_timeline = !t.heartbeats.is_empty() || !t.gaps.is_empty() || !t.full_sync.is_empty();
    let line = |n: usize| {
        html! {
            <button type="button" class="link-button" onclick={props.on_line.reform(move |_: MouseEvent| n)}>
                { strings::grouped(n) }
            </button>
        }
    };
    let time = |t: Option<phs_doctor_core::analysis::Timestamp>| t.map_or_else(|| strings::NO_TIME.to_string(), |t| t.text());
    html! {
        <>
            if !kinds.is_empty() {
                <section class="card overview" aria-labelledby="records-title" data-testid="records">
                    <h2 id="records-title">{ strings::RECORDS_TITLE }</h2>
                    <ul class="record-kinds">
                        { for kinds.iter().map(|(k, n)| html! {
                            <li class="tag" data-kind={k.as_str()} data-count={n.to_string()}>{ strings::record_label(*k, *n) }</li>
                        }) }
                    </ul>
                </section>
            }
            if has_timeline {
                <section class="card overview timeline" aria-labelledby="timeline-title" data-testid="timeline">
                    <h2 id="timeline-title">{ strings::TIMELINE_TITLE }</h2>
                    if let Some((newest, n)) = t.newest {
                        <p class="timeline-newest">
                            { format!("{}: {} (", strings::TIMELINE_NEWEST, newest.text()) }
                            { strings::LINE.to_lowercase() }{ " " }{ line(n) }{ ")" }
                        </p>
                    }
                    if !t.gaps.is_empty() {
                        <h3>{ strings::TIMELINE_GAPS }</h3>
                        <ul class="gaps" data-testid="gaps">
                            { for t.gaps.iter().take(ROWS).map(|g| html! {
                                <li class="gap">
                                    <strong>{ g.connector.clone().unwrap_or_else(|| strings::NO_CONNECTOR.to_string()) }</strong>
                                    { format!(": {} (last {}, ", strings::gap_text(g.minutes), g.last_heartbeat.text()) }
                                    { strings::LINE.to_lowercase() }{ " " }{ line(g.line) }{ ")" }
                                </li>
                            }) }
                        </ul>
                        if t.gaps.len() > ROWS { <p class="more">{ strings::omitted(t.gaps.len() - ROWS) }</p> }
                    }
                    if !t.heartbeats.is_empty() {
                        <h3>{ strings::TIMELINE_HEARTBEATS }</h3>
                        <div class="table-scroll"><table class="data-table compact" data-testid="heartbeats">
                            <thead><tr>
                                <th scope="col">{ strings::COL_CONNECTOR }</th>
                                <th scope="col">{ strings::COL_LAST_HEARTBEAT }</th>
                                <th scope="col">{ strings::COL_COUNT }</th>
                                <th scope="col">{ strings::COL_LINE }</th>
                            </tr></thead>
                            <tbody>
                                { for t.heartbeats.iter().take(ROWS).map(|h| html! {
                                    <tr>
                                        <td>{ h.connector.clone().unwrap_or_else(|| strings::NO_CONNECTOR.to_string()) }</td>
                                        <td>{ time(h.time) }</td>
                                        <td>{ h.count.to_string() }</td>
                                        <td>{ line(h.line) }</td>
                                    </tr>
                                }) }
                            </tbody>
                        </table></div>
                        if t.heartbeats.len() > ROWS { <p class="more">{ strings::omitted(t.heartbeats.len() - ROWS) }</p> }
                    }
                    if !t.full_sync.is_empty() {
                        <h3>
                            { strings::TIMELINE_FULL_SYNC }
                            if let Some(s) = t.full_sync_state {
                                { " " }<span class="tag" data-testid="full-sync-state">{ strings::full_sync_state(s) }</span>
                            }
                        </h3>
                        if t.full_sync.len() > ROWS {
                            <p class="more">{ strings::earlier_omitted(t.full_sync.len() - ROWS) }</p>
                        }
                        <div class="table-scroll"><table class="data-table compact" data-testid="full-sync">
                            <thead><tr>
                                <th scope="col">{ strings::COL_EVENT }</th>
                                <th scope="col">{ strings::COL_TIME }</th>
                                <th scope="col">{ strings::COL_SCOPE }</th>
                                <th scope="col">{ strings::COL_LINE }</th>
                            </tr></thead>
                            <tbody>
                                { for t.full_sync.iter().skip(t.full_sync.len().saturating_sub(ROWS)).map(|s| html! {
                                    <tr>
                                        <td>{ s.event.to_string() }</td>
                                        <td>{ time(s.time) }</td>
                                        <td>{ s.scope.clone().unwrap_or_default() }</td>
                                        <td>{ line(s.line) }</td>
                                    </tr>
                                }) }
                            </tbody>
                        </table></div>
                    }
                </section>
            }
        </>
    }
}
