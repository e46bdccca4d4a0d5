//! Signals to findings: one finding per cause (finding id), with all its evidence.

use std::borrow::Cow;
use std::collections::HashSet;
use std::hash::{BuildHasherDefault, Hash, Hasher};

use super::errors::{ErrorInfo, ErrorKind};
use super::lines;
use super::model::{Evidence, Finding, MAX_EVIDENCE, MAX_INFO_EVIDENCE, MAX_INFO_PARAMS, MAX_PARAMS};
use super::signal::Signal;
use super::time::Timestamp;

/// A small fast hasher (FxHash's multiply-rotate) for line numbers and parameter keys: the
/// inputs are not adversarial in a way that matters here (worst case: slower, still correct).
#[derive(Default, Clone, Copy)]
struct Fx(u64);

impl Hasher for Fx {
    fn finish(&self) -> u64 {
        self.0
    }
    fn write(&mut self, bytes: &[u8]) {
        for chunk in bytes.chunks(8) {
            let mut v = [0u8; 8];
            v[..chunk.len()].copy_from_slice(chunk);
            self.add(u64::from_le_bytes(v));
        }
    }
    fn write_u8(&mut self, i: u8) {
        self.add(u64::from(i));
    }
    fn write_u16(&mut self, i: u16) {
        self.add(u64::from(i));
    }
    fn write_u32(&mut self, i: u32) {
        self.add(u64::from(i));
    }
    fn write_u64(&mut self, i: u64) {
        self.add(i);
    }
    fn write_usize(&mut self, i: usize) {
        self.add(i as u64);
    }
}

impl Fx {
    fn add(&mut self, v: u64) {
        self.0 = (self.0.rotate_left(5) ^ v).wrapping_mul(0x51_7c_c1_b7_27_22_0a_95);
    }
}

type FxSet<T> = HashSet<T, BuildHasherDefault<Fx>>;

use crate::knowledge::{FindingId, FindingInfo, Param, FINDINGS};

/// A parameter value; events and times are formatted only when the finding is finished.
enum Value {
    Text(String),
    Event(u32),
    Time(Timestamp),
}

impl Value {
    fn text(self) -> String {
        match self {
            Value::Text(s) => s,
            Value::Event(e) => e.to_string(),
            Value::Time(t) => t.text(),
        }
    }
}

struct Builder {
    info: &'static FindingInfo,
    lines: Vec<usize>,
    /// Evidence lines seen, one bit per line (grown as far as the last line seen).
    seen: Vec<u64>,
    omitted: usize,
    params: Vec<(Param, Value)>,
    params_omitted: usize,
    errors: Vec<&'static ErrorInfo>,
    events: Vec<u32>,
    times: FxSet<Timestamp>,
    param_hashes: FxSet<u64>,
    /// The servers its events were written on, as first written (at most [`MAX_SERVERS`]).
    servers: Vec<String>,
}

/// At most this many servers are kept per finding (a paste of one admin's servers has two or
/// three; the rest are counted with the parameters left out).
const MAX_SERVERS: usize = 8;

impl Builder {
    /// Marks evidence line `line` (1-based) seen; whether it was new.
    fn see(&mut self, line: usize) -> bool {
        let (w, bit) = (line / 64, 1u64 << (line % 64));
        if w >= self.seen.len() {
            self.seen.resize(w + 1, 0);
        }
        let new = self.seen[w] & bit == 0;
        self.seen[w] |= bit;
        new
    }

    /// How many evidence lines and parameters are kept: fewer for information (a paste of
    /// thousands of other programs' events, `not-phs`, doesn't bury the fault beside it); the
    /// rest are counted, never dropped silently.
    fn caps(&self) -> (usize, usize) {
        match self.info.severity {
            crate::knowledge::Severity::Info => (MAX_INFO_EVIDENCE, MAX_INFO_PARAMS),
            _ => (MAX_EVIDENCE, MAX_PARAMS),
        }
    }

    /// Keeps evidence line `line` if there is room, or counts it.
    fn push_line(&mut self, line: usize) {
        if self.lines.len() < self.caps().0 {
            self.lines.push(line);
        } else {
            self.omitted += 1;
        }
    }

    /// Keeps a new distinct parameter (made only if there is room), or counts it.
    fn push_param(&mut self, k: Param, v: impl FnOnce() -> Value) {
        if self.params.len() < self.caps().1 {
            self.params.push((k, v()));
        } else {
            self.params_omitted += 1;
        }
    }

    /// An event ID among the evidence, and its `event` parameter, once each.
    fn add_event(&mut self, ev: u32) {
        if !self.events.contains(&ev) {
            self.events.push(ev);
            self.push_param(Param::Event, || Value::Event(ev));
        }
    }

    /// A `time` parameter, once per distinct time.
    fn add_time(&mut self, t: Timestamp) {
        if self.times.insert(t) {
            self.push_param(Param::Time, || Value::Time(t));
        }
    }

    /// A server its evidence was written on, once per server (`fact::same_server`).
    fn add_server(&mut self, name: &str) {
        if super::fact::host(name).is_empty() || self.servers.iter().any(|s| super::fact::same_server(s, name)) {
            return;
        }
        if self.servers.len() < MAX_SERVERS {
            self.servers.push(name.trim().to_string());
        } else {
            self.params_omitted += 1;
        }
    }

    /// Any other parameter, once per distinct key and value.
    fn add_text(&mut self, k: Param, v: Cow<'_, str>) {
        if v.is_empty() {
            return;
        }
        let mut h = Fx::default();
        (k, &v).hash(&mut h);
        if self.param_hashes.insert(h.finish()) {
            self.push_param(k, || Value::Text(v.into_owned()));
        }
    }
}

pub(crate) struct Collector<'a> {
    physical: &'a [&'a str],
    /// Indices into `knowledge::FINDINGS`, in the order the findings first appeared.
    order: Vec<usize>,
    /// By [`FindingId`] (its index into `knowledge::FINDINGS`).
    builders: Vec<Option<Builder>>,
    /// The paste's events come from two or more servers: each finding names its servers.
    show_servers: bool,
}

impl<'a> Collector<'a> {
    pub fn new(physical: &'a [&'a str]) -> Collector<'a> {
        Collector { physical, order: Vec::new(), builders: (0..FINDINGS.len()).map(|_| None).collect(), show_servers: false }
    }

    pub fn has(&self, id: FindingId) -> bool {
        self.builders[id as usize].is_some()
    }

    /// The builder of finding `id`, taken out.
    fn take(&mut self, id: FindingId) -> Option<Builder> {
        let i = id as usize;
        let b = self.builders[i].take()?;
        self.order.retain(|o| *o != i);
        Some(b)
    }

    /// Moves the evidence, parameters and events of finding `from` into `to`; a parameter
    /// both have is listed once.
    pub fn merge_into(&mut self, from: FindingId, to: FindingId) {
        self.move_into(from, to, true);
    }

    /// Moves the evidence lines and events of `from` into `to` (which is shown), without its
    /// parameters: `from` was read from text that is not what it seemed (another product's).
    pub fn absorb(&mut self, from: FindingId, to: FindingId) {
        self.move_into(from, to, false);
    }

    fn move_into(&mut self, from: FindingId, to: FindingId, with_params: bool) {
        let Some(src) = self.take(from) else { return };
        self.add(Signal::new(to, 0, 0));
        let Some(b) = self.builders[to as usize].as_mut() else { return };
        if with_params {
            for (k, v) in src.params {
                match v {
                    Value::Event(e) => b.add_event(e),
                    Value::Time(t) => b.add_time(t),
                    Value::Text(v) => b.add_text(k, Cow::Owned(v)),
                }
            }
            b.params_omitted += src.params_omitted;
            b.times.extend(src.times);
        }
        for name in &src.servers {
            b.add_server(name);
        }
        for l in src.lines {
            if b.see(l) {
                b.push_line(l);
            }
        }
        for e in src.events {
            b.add_event(e);
        }
    }

    /// The evidence lines and the times of finding `id` so far (for judging conflicts).
    pub fn lines_and_times(&self, id: FindingId) -> (Vec<usize>, Vec<Timestamp>) {
        let Some(b) = self.builders[id as usize].as_ref() else { return (Vec::new(), Vec::new()) };
        let times = b.params.iter().filter_map(|(_, v)| if let Value::Time(t) = v { Some(*t) } else { None }).collect();
        (b.lines.clone(), times)
    }

    /// Whether pasted line `line` (1-based) has `needle`, without regard to ASCII case.
    pub fn line_has(&self, line: usize, needle: &str) -> bool {
        self.physical.get(line.wrapping_sub(1)).is_some_and(|l| crate::bytes::find_ci(l, needle).is_some())
    }

    /// The servers finding `id`'s events were written on so far.
    pub fn servers(&self, id: FindingId) -> &[String] {
        self.builders[id as usize].as_ref().map_or(&[], |b| b.servers.as_slice())
    }

    /// Each finding names the servers its events were written on (`server` parameters).
    pub fn show_servers(&mut self) {
        self.show_servers = true;
    }

    /// The text values of parameter `k` of finding `id` so far.
    pub fn texts(&self, id: FindingId, k: Param) -> Vec<String> {
        let Some(b) = self.builders[id as usize].as_ref() else { return Vec::new() };
        b.params
            .iter()
            .filter(|(pk, _)| *pk == k)
            .filter_map(|(_, v)| if let Value::Text(t) = v { Some(t.clone()) } else { None })
            .collect()
    }

    /// Whether finding `id` has parameter `k` with value `v`.
    pub fn has_param(&self, id: FindingId, k: Param, v: &str) -> bool {
        let Some(b) = self.builders[id as usize].as_ref() else { return false };
        b.params.iter().any(|(pk, pv)| *pk == k && matches!(pv, Value::Text(t) if t == v))
    }

    /// Drops a finding (when a later fact supersedes it).
    pub fn remove(&mut self, id: FindingId) {
        self.take(id);
    }

    pub fn add(&mut self, s: Signal<'_>) {
        let i = s.finding as usize;
        if self.builders[i].is_none() {
            self.order.push(i);
        }
        let b = self.builders[i].get_or_insert_with(|| Builder {
            info: &FINDINGS[i],
            lines: Vec::new(),
            seen: Vec::new(),
            omitted: 0,
            params: Vec::new(),
            params_omitted: 0,
            errors: Vec::new(),
            events: Vec::new(),
            times: FxSet::default(),
            param_hashes: FxSet::default(),
            servers: Vec::new(),
        });
        let extra = s.extra.filter(|&e| e > 0 && (e < s.first || e > s.last));
        if s.first > 0 || extra.is_some() {
            let span = (s.first > 0).then(|| s.first..=s.last.max(s.first)).into_iter().flatten();
            for line in span.chain(extra) {
                if line > self.physical.len() || lines::trim(self.physical[line - 1]).is_empty() {
                    continue;
                }
                if b.see(line) {
                    b.push_line(line);
                }
            }
        }
        if let Some(ev) = s.event {
            b.add_event(ev);
        }
        if let Some(t) = s.time {
            b.add_time(t);
        }
        if let Some(name) = s.said.server.as_deref() {
            b.add_server(name);
        }
        for (k, v) in s.said.params {
            b.add_text(k, v);
        }
        if let Some(e) = s.said.error {
            // (Two spellings of one error, its English message and its stack frame: once.)
            if !b.errors.iter().any(|x| std::ptr::eq(*x, e) || (x.name == e.name && x.cause == e.cause && x.fix == e.fix)) {
                b.errors.push(e);
            }
        }
    }

    pub fn finish(self) -> Vec<Finding> {
        let Collector { physical, order, mut builders, show_servers } = self;
        let mut out: Vec<Finding> = order
            .into_iter()
            .filter_map(|i| builders[i].take())
            .map(|mut b| {
                crate::order::sort(&mut b.lines);
                crate::order::sort(&mut b.events);
                // A message that only repeats what a decoded number of the same cause says.
                let numbered: Vec<FindingId> = b.errors.iter().filter(|e| e.kind != ErrorKind::Message).map(|e| e.finding).collect();
                b.errors.retain(|e| e.kind != ErrorKind::Message || !numbered.contains(&e.finding));
                let evidence = b.lines.iter().map(|&l| Evidence { line: l, text: clip(lines::trim(physical[l - 1])) }).collect();
                let mut params: Vec<(Param, String)> = b.params.into_iter().map(|(k, v)| (k, v.text())).collect();
                if show_servers {
                    params.extend(b.servers.into_iter().map(|s| (Param::Server, s)));
                }
                // The reason a decoded message gives (`mfa`), once.
                for r in b.errors.iter().filter_map(|e| e.reason) {
                    if !params.iter().any(|(k, v)| *k == Param::Reason && v == r) {
                        params.push((Param::Reason, r.to_string()));
                    }
                }
                Finding {
                    evidence_omitted: b.omitted,
                    params_omitted: b.params_omitted,
                    errors: b.errors,
                    events: b.events,
                    ..Finding::new(b.info.id, evidence, params)
                }
            })
            .collect();
        crate::order::sort_by_key(&mut out, |f| (f.severity, f.evidence.first().map_or(usize::MAX, |e| e.line)));
        out
    }
}

/// Evidence text is the line as pasted, cut at 500 characters.
fn clip(s: &str) -> String {
    if s.len() <= 500 {
        return s.to_string();
    }
    let mut cut = 500;
    while !s.is_char_boundary(cut) {
        cut -= 1;
    }
    format!("{}…", &s[..cut])
}

#[cfg(test)]
mod tests {
    use crate::analysis::{analyze, MAX_EVIDENCE, MAX_INFO_EVIDENCE, MAX_INFO_PARAMS};
    use crate::knowledge::{FindingId as F, Param as P};

    #[test]
    fn evidence_is_capped_and_counted() {
        let text = "RPC Error 8453 : Replication access was denied.\n".repeat(MAX_EVIDENCE + 5);
        let a = analyze(&text);
        let f = &a.findings[0];
        assert_eq!(f.id, F::AdPermissions);
        assert_eq!((f.evidence.len(), f.evidence_omitted), (MAX_EVIDENCE, 5));
        assert_eq!(f.errors.len(), 1, "the decoded number, not its message again");
        assert_eq!(f.evidence.first().map(|e| e.line), Some(1));
    }

    #[test]
    fn information_keeps_fewer_lines_and_counts_the_rest() {
        // Forty events of another program beside one password sync fault.
        let other: String = (0..40)
            .map(|i| format!("TimeCreated  : 12/4/2026 8:{:02}:46 PM\nProviderName : Microsoft-Windows-RestartManager\nId           : 10001\nMessage      : Ending session {i}.\n\n", i % 60))
            .collect();
        let text = format!("{other}RPC Error 8453 : Replication access was denied.\n");
        let a = analyze(&text);
        let ids: Vec<F> = a.findings.iter().map(|f| f.id).collect();
        assert_eq!(ids, [F::AdPermissions, F::NotPhs]);
        let n = &a.findings[1];
        assert_eq!(n.evidence.len(), MAX_INFO_EVIDENCE);
        assert_eq!(n.evidence.len() + n.evidence_omitted, 40 * 4);
        assert!(n.params.len() <= MAX_INFO_PARAMS && n.params_omitted > 0, "{:?}", n.params);
    }

    #[test]
    fn a_connectivity_event_joins_the_one_decoded_cause() {
        let text = "3/2/2017 5:31:09 AM  611 Error  Password hash synchronization failed for domain: contoso.com, ...\n\nDetails: RPC Error 1722 : The RPC server is unavailable.\n";
        let a = analyze(text);
        let ids: Vec<F> = a.findings.iter().map(|f| f.id).collect();
        assert_eq!(ids, [F::DomainUnreachable]);
        let lines: Vec<usize> = a.findings[0].evidence.iter().map(|e| e.line).collect();
        assert_eq!(lines, [1, 3]);
    }

    #[test]
    fn a_merged_finding_lists_each_parameter_once() {
        // A 611 whose message decodes the cause, and two 611s that don't (one at the same time):
        // the latter join the decoded cause, their event ID and times listed once.
        let event = |time: &str, details: &str| {
            format!("Log Name:      Application\nSource:        Directory Synchronization\nDate:          3/2/2017 {time}\nEvent ID:      611\nDescription:\nPassword hash synchronization failed for domain: contoso.com{details}\n\n\n")
        };
        let text = event("5:31:09 AM", ". Details: RPC Error 1722 : The RPC server is unavailable.")
            + &event("6:31:09 AM", "")
            + &event("5:31:09 AM", "");
        let text = text.as_str();
        let a = analyze(text);
        let f = a.findings.iter().find(|f| f.id == F::DomainUnreachable).expect("domain-unreachable");
        let mut seen = std::collections::HashSet::new();
        for p in &f.params {
            assert!(seen.insert(p), "{p:?} listed twice in {:?}", f.params);
        }
        let times: Vec<&str> = f.params.iter().filter(|(k, _)| *k == P::Time).map(|(_, v)| v.as_str()).collect();
        assert_eq!(times, ["2017-03-02 05:31:09", "2017-03-02 06:31:09"]);
        assert_eq!(f.params.iter().filter(|(k, _)| *k == P::Event).count(), 1);
    }
}
