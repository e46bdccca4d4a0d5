//! The timeline: the last heartbeat (654) per connector, heartbeat gaps of more than 3 hours
//! relative to the newest pasted event, full password sync progress (613, 617 → 623), and
//! whether password sync was left stopped (602/609 with nothing after).
//!
//! Event Viewer and the cmdlets list the newest event first, so order comes from timestamps;
//! without them the timeline does not guess an order.

use std::collections::HashMap;

use super::collect::Collector;
use super::recognise::{Signal, Timed};
use super::time::Timestamp;
use super::{FullSyncState, FullSyncStep, Gap, Heartbeat, Timeline, HEARTBEAT_WINDOW_SECONDS};

/// Times comparable with each other: all with a year, or all from a year-less table.
fn comparable<'t>(timed: &'t [Timed<'_>]) -> impl Fn(&Timed<'_>) -> Option<Timestamp> + 't {
    let any_year = timed.iter().any(|t| t.time.is_some_and(|x| x.year != 0));
    move |t: &Timed| t.time.filter(|x| (x.year != 0) == any_year)
}

pub(crate) fn build(timed: &[Timed<'_>], c: &mut Collector<'_>) -> Timeline {
    let time_of = comparable(timed);
    let newest = timed.iter().filter_map(|t| time_of(t).map(|x| (x, t.id_line))).max_by_key(|(x, _)| x.seconds());
    let mut tl = Timeline { newest, ..Timeline::default() };

    // Heartbeats per connector.
    let mut last: HashMap<Option<&str>, (usize, &Timed<'_>)> = HashMap::new();
    let mut order: Vec<Option<&str>> = Vec::new();
    for t in timed.iter().filter(|t| t.event == 654) {
        let key = t.connector.as_deref();
        match last.get_mut(&key) {
            None => {
                order.push(key);
                last.insert(key, (1, t));
            }
            Some((n, best)) => {
                *n += 1;
                // Newest by time; untimed: the first listed (Event Viewer lists newest first).
                if let (Some(a), Some(b)) = (time_of(t), time_of(best)) {
                    if a.seconds() > b.seconds() {
                        *best = t;
                    }
                }
            }
        }
    }
    for key in order {
        let (count, t) = last[&key];
        let key = key.map(str::to_string);
        tl.heartbeats.push(Heartbeat { connector: key.clone(), time: t.time, line: t.id_line, count });
        let mut s = Signal::new("heartbeat-ok", t.id_line, t.id_line);
        s.event = Some(654);
        if let (Some(hb), Some((new, new_line))) = (time_of(t), newest) {
            let gap = new.seconds() - hb.seconds();
            if gap > HEARTBEAT_WINDOW_SECONDS {
                tl.gaps.push(Gap { connector: key.clone(), last_heartbeat: hb, line: t.id_line, newest: new, minutes: gap / 60 });
                s = Signal::new("no-heartbeat", t.id_line, t.id_line);
                s.extra = Some(new_line);
                s.event = Some(654);
                s = s.param("last_heartbeat", hb.text()).param("newest_event", new.text());
            } else {
                s.time = Some(hb);
            }
        }
        if let Some(k) = key {
            s = s.param("connector", k);
        }
        c.add(s);
    }

    // Full password sync.
    let mut steps: Vec<&Timed> = timed.iter().filter(|t| matches!(t.event, 613 | 617..=623)).collect();
    let all_timed = !steps.is_empty() && steps.iter().all(|t| time_of(t).is_some());
    if all_timed {
        steps.sort_by_key(|t| time_of(t).map(|x| x.seconds()));
    }
    tl.full_sync = steps.iter().map(|t| FullSyncStep { event: t.event, time: t.time, line: t.id_line, scope: t.scope.as_deref().map(str::to_string) }).collect();
    let state_of = |e: u32| match e {
        613 => Some(FullSyncState::Paused),
        617..=619 => Some(FullSyncState::InProgress),
        621 => Some(FullSyncState::Failed),
        622 | 623 => Some(FullSyncState::Completed),
        _ => None,
    };
    if all_timed {
        tl.full_sync_state = steps.iter().rev().find_map(|t| state_of(t.event));
        let last_at = |pred: &dyn Fn(u32) -> bool| steps.iter().rev().find(|t| pred(t.event)).and_then(|t| time_of(t)).map(|x| x.seconds());
        let completed = last_at(&|e| e == 622 || e == 623);
        let failed = last_at(&|e| e == 621);
        let paused = last_at(&|e| e == 613);
        let later_activity = timed.iter().filter(|t| matches!(t.event, 654 | 650 | 651 | 622 | 623)).filter_map(&time_of).map(|x| x.seconds()).max();
        if let (Some(done), Some(f)) = (completed, failed) {
            if done > f {
                c.remove("full-sync-failed");
            }
        }
        if let (Some(p), Some(after)) = (paused, later_activity) {
            if after > p {
                c.remove("full-sync-paused");
            }
        }
    } else {
        tl.full_sync_state = [FullSyncState::Completed, FullSyncState::Failed, FullSyncState::InProgress, FullSyncState::Paused]
            .into_iter()
            .find(|st| steps.iter().any(|t| state_of(t.event) == Some(*st)));
    }
    if tl.full_sync_state == Some(FullSyncState::InProgress) {
        if let Some(t) = steps.iter().rev().find(|t| matches!(t.event, 617..=619)) {
            let mut s = Signal::new("full-sync-in-progress", t.id_line, t.id_line);
            s.event = Some(t.event);
            if let Some(sc) = &t.scope {
                s = s.param("domain", sc.clone());
            }
            c.add(s);
        }
    }

    // Left stopped: the newest password sync event is a stop (602/609).
    let newest_event = timed.iter().filter(|t| time_of(t).is_some()).max_by_key(|t| (time_of(t).map(|x| x.seconds()), matches!(t.event, 602 | 609)));
    if let Some(t) = newest_event {
        if matches!(t.event, 602 | 609) {
            let mut s = Signal::new("phs-stopped", t.id_line, t.id_line);
            s.event = Some(t.event);
            s.time = t.time;
            c.add(s);
        }
    }
    tl
}
