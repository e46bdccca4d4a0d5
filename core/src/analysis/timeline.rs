//! The timeline: the last heartbeat (654) per connector, heartbeat gaps of more than 3 hours
//! relative to the newest pasted event, full password sync progress (613, 617 → 623), and
//! whether password sync was left stopped (602/609 with nothing after).
//!
//! Event Viewer and the cmdlets list the newest event first, so order comes from timestamps;
//! without them the timeline does not guess an order.

use crate::knowledge::Param as P;
use std::borrow::Cow;
use std::collections::HashMap;

use super::fact::{Fact, FactKind as Fk, Timed};
use super::model::{FullSyncState, FullSyncStep, Gap, Heartbeat, Timeline, HEARTBEAT_WINDOW_SECONDS};
use super::time::Timestamp;

/// Which times are compared: those with a year, or (when no event has one) those of a
/// year-less table. Which one applies is known only at the end, so the accumulator keeps
/// both answers.
const MODES: [bool; 2] = [false, true];

fn time_in(mode: bool, t: Option<Timestamp>) -> Option<Timestamp> {
    t.filter(|x| (x.year != 0) == mode)
}

/// The last heartbeat of one connector: counted, and the newest by time for each mode
/// (untimed: the first listed, as Event Viewer lists newest first).
struct Beats<'a> {
    connector: Option<Cow<'a, str>>,
    /// The server that wrote them (`Computer`), as first written.
    server: Option<Cow<'a, str>>,
    count: usize,
    best: [(Option<Timestamp>, usize); 2],
}

impl Beats<'_> {
    /// `count` more heartbeats whose newest per mode is `best`: the newer of the two per mode
    /// (an untimed one listed first stays: Event Viewer lists the newest first).
    fn add(&mut self, count: usize, best: [(Option<Timestamp>, usize); 2]) {
        self.count += count;
        for (m, mode) in MODES.into_iter().enumerate() {
            if let (Some(a), Some(old)) = (time_in(mode, best[m].0), time_in(mode, self.best[m].0)) {
                if a.seconds() > old.seconds() {
                    self.best[m] = best[m];
                }
            }
        }
    }
}

/// At most this many servers are told apart.
const MAX_SERVERS: usize = 16;

/// A newest event and its line.
type Newest = Option<(Timestamp, usize)>;

/// (seconds, is a stop), event, time, line.
type NewestEvent = ((i64, bool), u32, Option<Timestamp>, usize);

/// What the timeline needs of the events, gathered as they are recognised: a few values per
/// connector and the full sync events, not every event (a paste of a million events keeps
/// no list of them).
#[derive(Default)]
pub(crate) struct Acc<'a> {
    any_year: bool,
    /// Per mode: the newest event and its line (the last listed among equal times).
    newest: [Option<(Timestamp, usize)>; 2],
    beats: Vec<Beats<'a>>,
    /// A connector's (or no connector's) heartbeats on a server (its host name in lower case,
    /// empty for none): their index in `beats`.
    by_connector: HashMap<(Option<Cow<'a, str>>, String), usize>,
    /// The servers the events were written on (host names in lower case, at most
    /// [`MAX_SERVERS`]), each with its newest event per mode.
    servers: Vec<(String, [Newest; 2])>,
    /// Full password sync events (613, 617-623), in line order.
    steps: Vec<Timed<'a>>,
    /// Per mode: the newest 654, 650, 651, 617-619, 622 or 623 (activity after a pause).
    later: [Option<i64>; 2],
    /// Per mode: the newest 651 (a batch sent) and its line.
    batch: [Option<(Timestamp, usize)>; 2],
    /// Per mode: the newest event, a stop (602, 609) winning a tie: (seconds, stop), event, time, line.
    newest_event: [Option<NewestEvent>; 2],
}

impl<'a> Acc<'a> {
    /// An event of the sync engine (source ADSync) at `time`: the server was running and
    /// logging then, so it counts for the newest event (a heartbeat gap is measured to it), not
    /// for what password sync did.
    pub fn engine_event(&mut self, time: Option<Timestamp>, line: usize) {
        self.any_year |= time.is_some_and(|x| x.year != 0);
        for (m, mode) in MODES.into_iter().enumerate() {
            let Some(x) = time_in(mode, time) else { continue };
            if self.newest[m].is_none_or(|(n, _)| x.seconds() >= n.seconds()) {
                self.newest[m] = Some((x, line));
            }
        }
    }

    pub fn push(&mut self, t: Timed<'a>) {
        self.any_year |= t.time.is_some_and(|x| x.year != 0);
        let host = t.server.as_deref().map(|s| super::fact::host(s).to_ascii_lowercase()).unwrap_or_default();
        if !host.is_empty() {
            let i = match self.servers.iter().position(|(h, _)| *h == host) {
                Some(i) => Some(i),
                None if self.servers.len() < MAX_SERVERS => {
                    self.servers.push((host.clone(), [None; 2]));
                    Some(self.servers.len() - 1)
                }
                None => None,
            };
            if let Some(i) = i {
                for (m, mode) in MODES.into_iter().enumerate() {
                    let Some(x) = time_in(mode, t.time) else { continue };
                    let newest = &mut self.servers[i].1[m];
                    if newest.is_none_or(|(n, _)| x.seconds() >= n.seconds()) {
                        *newest = Some((x, t.id_line));
                    }
                }
            }
        }
        for (m, mode) in MODES.into_iter().enumerate() {
            let Some(x) = time_in(mode, t.time) else { continue };
            let secs = x.seconds();
            if self.newest[m].is_none_or(|(n, _)| secs >= n.seconds()) {
                self.newest[m] = Some((x, t.id_line));
            }
            if t.event == 651 && self.batch[m].is_none_or(|(b, _)| secs >= b.seconds()) {
                self.batch[m] = Some((x, t.id_line));
            }
            // (A full password sync started, 617-619, is password sync running again too.)
            if matches!(t.event, 654 | 650 | 651 | 617 | 618 | 619 | 622 | 623) {
                self.later[m] = Some(self.later[m].map_or(secs, |l| l.max(secs)));
            }
            let key = (secs, matches!(t.event, 602 | 609));
            if self.newest_event[m].is_none_or(|(k, ..)| key >= k) {
                self.newest_event[m] = Some((key, t.event, t.time, t.id_line));
            }
        }
        if t.event == 654 {
            let key = (t.connector.clone(), host);
            match self.by_connector.get(&key).copied() {
                None => {
                    self.by_connector.insert(key, self.beats.len());
                    self.beats.push(Beats {
                        connector: t.connector.clone(),
                        server: t.server.clone(),
                        count: 1,
                        best: [(t.time, t.id_line); 2],
                    });
                }
                Some(i) => self.beats[i].add(1, [(t.time, t.id_line); 2]),
            }
        }
        if matches!(t.event, 613 | 617..=623) {
            self.steps.push(t);
        }
    }
}

/// The timeline, and the facts it shows (the heartbeats' age, a full sync running, password
/// sync left stopped, a failure or a pause that a later event ends), in the order the judge
/// takes them.
pub(crate) fn build(acc: Acc<'_>) -> (Timeline, Vec<Fact<'_>>) {
    let mut facts = Vec::new();
    let mode = usize::from(acc.any_year);
    let time_of = |t: &Timed| time_in(acc.any_year, t.time);
    let newest = acc.newest[mode];
    let mut tl = Timeline { newest, last_batch: acc.batch[mode], ..Timeline::default() };

    // Heartbeats per connector, and per server when the events come from two or more: a
    // server's last heartbeat is measured to its own newest event.
    let many = acc.servers.len() > 1;
    let mut beats: Vec<Beats<'_>> = Vec::with_capacity(acc.beats.len());
    if many {
        beats = acc.beats;
    } else {
        let mut at: HashMap<Option<Cow<'_, str>>, usize> = HashMap::new();
        for b in acc.beats {
            match at.get(&b.connector) {
                Some(&i) => beats[i].add(b.count, b.best),
                None => {
                    at.insert(b.connector.clone(), beats.len());
                    beats.push(Beats { server: None, ..b });
                }
            }
        }
    }
    for b in &beats {
        let (time, line) = b.best[mode];
        let key = b.connector.as_deref().map(str::to_string);
        let server = b.server.as_deref().filter(|_| many);
        let newest = match server {
            Some(s) => {
                let host = super::fact::host(s).to_ascii_lowercase();
                acc.servers.iter().find(|(h, _)| *h == host).and_then(|(_, n)| n[mode])
            }
            None => newest,
        };
        tl.heartbeats.push(Heartbeat { connector: key.clone(), time, line, count: b.count, server: server.map(str::to_string) });
        let mut s = Fact::new(Fk::HeartbeatRecent, line, line);
        s.event = Some(654);
        if let (Some(hb), Some((new, new_line))) = (time_in(acc.any_year, time), newest) {
            let gap = new.seconds() - hb.seconds();
            if gap > HEARTBEAT_WINDOW_SECONDS {
                tl.gaps.push(Gap { connector: key.clone(), last_heartbeat: hb, line, newest: new, minutes: gap / 60 });
                s = Fact::new(Fk::HeartbeatGap, line, line);
                s.extra = Some(new_line);
                s.event = Some(654);
                s = s.param(P::LastHeartbeat, hb.text()).param(P::NewestEvent, new.text());
            } else {
                s.time = Some(hb);
            }
        }
        if let Some(k) = key {
            s = s.param(P::Connector, k);
        }
        s.server = server.map(|x| Cow::Owned(x.to_string()));
        facts.push(s);
    }

    // Full password sync.
    let mut steps: Vec<&Timed> = acc.steps.iter().collect();
    let all_timed = !steps.is_empty() && steps.iter().all(|t| time_of(t).is_some());
    if all_timed {
        crate::order::sort_by_key(&mut steps, |t| time_of(t).map(|x| x.seconds()));
    }
    tl.full_sync = steps
        .iter()
        .map(|t| FullSyncStep { event: t.event, time: t.time, line: t.id_line, scope: t.scope.as_deref().map(str::to_string) })
        .collect();
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
        let later_activity = acc.later[mode];
        if let (Some(done), Some(f)) = (completed, failed) {
            if done > f {
                facts.push(Fact::new(Fk::FullSyncCompletedLater, 0, 0));
            } else if f > done {
                facts.push(Fact::new(Fk::FullSyncFailedLater, 0, 0));
            }
        }
        if let (Some(p), Some(after)) = (paused, later_activity) {
            if after > p {
                facts.push(Fact::new(Fk::ActivityAfterPause, 0, 0));
            }
        }
    } else {
        tl.full_sync_state = [FullSyncState::Completed, FullSyncState::Failed, FullSyncState::InProgress, FullSyncState::Paused]
            .into_iter()
            .find(|st| steps.iter().any(|t| state_of(t.event) == Some(*st)));
    }
    if tl.full_sync_state == Some(FullSyncState::InProgress) {
        if let Some(t) = steps.iter().rev().find(|t| matches!(t.event, 617..=619)) {
            let mut s = Fact::new(Fk::FullSyncRunning, t.id_line, t.id_line);
            s.event = Some(t.event);
            if let Some(sc) = &t.scope {
                s = s.param(P::Domain, sc.clone());
            }
            facts.push(s);
        }
    }

    // Left stopped: the newest password sync event is a stop (602/609).
    if let Some((_, event, time, line)) = acc.newest_event[mode] {
        if matches!(event, 602 | 609) {
            let mut s = Fact::new(Fk::LeftStopped, line, line);
            s.event = Some(event);
            s.time = time;
            facts.push(s);
        }
    }
    (tl, facts)
}
