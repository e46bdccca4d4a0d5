//! What the parsers state: typed [`Fact`]s (an observation of `content/facts.json`, with its
//! lines and parameters), [`Hints`] (what a line says about its surroundings), [`Timed`]
//! events for the timeline and [`HeartbeatAlert`]s. No parser names a finding: the judge
//! (`judge.rs`) turns facts into findings from the tables in `content/`. A leaf of the
//! analysis: it imports no parser.

use std::borrow::Cow;

use super::errors::ErrorInfo;
use super::time::Timestamp;
use crate::knowledge::{FindingId, Param};

include!(concat!(env!("OUT_DIR"), "/facts.rs"));

/// How the judge turns a fact into a finding (`content/facts.json`).
#[derive(Clone, Copy, Debug)]
pub(crate) enum Judged {
    /// This finding.
    Finding(FindingId),
    /// The status value's finding (`statuses.json`).
    Status,
    /// The decoded error's finding (`errors.json`).
    Error,
    /// The fact withdraws a finding stated before it.
    Retracts(FindingId),
    /// No finding of its own: the facts around it decide what it means (`judge.rs`,
    /// `recognise.rs`).
    Context,
}

#[derive(Debug)]
pub(crate) struct FactInfo {
    pub kind: FactKind,
    pub judged: Judged,
    /// Another finding when the fact is stated inside one of these events.
    pub in_event: &'static [(u32, FindingId)],
}

impl FactKind {
    pub fn info(self) -> &'static FactInfo {
        let info = &FACTS[self as usize];
        debug_assert_eq!(info.kind, self);
        info
    }
}

/// Where something was said and what it carries: the evidence lines and parameters a fact
/// has and the judge's signal keeps (both deref to it).
#[derive(Clone, Debug, Default)]
pub(crate) struct Said<'a> {
    /// Evidence lines `first..=last` (1-based; 0 = none).
    pub first: usize,
    pub last: usize,
    /// One more evidence line (the event's ID line).
    pub extra: Option<usize>,
    pub params: Vec<(Param, Cow<'a, str>)>,
    /// The decoded error (`decoded-error`).
    pub error: Option<&'static ErrorInfo>,
    pub event: Option<u32>,
    /// When it happened (a `time` parameter, formatted only if kept).
    pub time: Option<Timestamp>,
    /// The server its event was written on (`Computer`): a `server` parameter only when the
    /// paste's events come from two or more servers (`Collector::show_servers`).
    pub server: Option<Cow<'a, str>>,
}

impl<'a> Said<'a> {
    pub fn lines(first: usize, last: usize) -> Said<'a> {
        Said { first, last, ..Said::default() }
    }

    /// Adds parameter `k` once per distinct value (an empty value is none).
    pub fn add_param(&mut self, k: Param, v: Cow<'a, str>) {
        if !v.is_empty() && !self.params.iter().any(|(pk, pv)| *pk == k && *pv == v) {
            self.params.push((k, v));
        }
    }

    pub fn has_param(&self, k: Param) -> bool {
        self.params.iter().any(|(pk, _)| *pk == k)
    }
}

/// An observation, before it is judged.
#[derive(Clone, Debug)]
pub(crate) struct Fact<'a> {
    pub kind: FactKind,
    /// The log status value (`log-status`, `password-change-result`).
    pub status: Option<&'static str>,
    pub said: Said<'a>,
}

impl<'a> Fact<'a> {
    pub fn new(kind: FactKind, first: usize, last: usize) -> Fact<'a> {
        Fact { kind, status: None, said: Said::lines(first, last) }
    }

    pub fn param(mut self, k: Param, v: impl Into<Cow<'a, str>>) -> Fact<'a> {
        self.said.add_param(k, v.into());
        self
    }
}

impl<'a> std::ops::Deref for Fact<'a> {
    type Target = Said<'a>;
    fn deref(&self) -> &Said<'a> {
        &self.said
    }
}

impl<'a> std::ops::DerefMut for Fact<'a> {
    fn deref_mut(&mut self) -> &mut Said<'a> {
        &mut self.said
    }
}

/// A password hash sync event with an ID, for the timeline.
#[derive(Clone, Debug)]
pub(crate) struct Timed<'a> {
    pub event: u32,
    pub time: Option<Timestamp>,
    pub id_line: usize,
    pub connector: Option<Cow<'a, str>>,
    pub scope: Option<Cow<'a, str>>,
    /// The server it was written on (`Computer`).
    pub server: Option<Cow<'a, str>>,
}

/// A server's name without its domain (`SYNC01.contoso.com` → `SYNC01`), trimmed.
pub(crate) fn host(name: &str) -> &str {
    let n = name.trim();
    n.split('.').next().unwrap_or(n).trim()
}

/// Two names of one server (`SYNC01`, `sync01.contoso.com`).
pub(crate) fn same_server(a: &str, b: &str) -> bool {
    host(a).eq_ignore_ascii_case(host(b))
}

/// An active Connect Health heartbeat alert, judged against the heartbeats pasted.
#[derive(Clone, Debug)]
pub(crate) struct HeartbeatAlert {
    pub line: usize,
    pub detail_line: Option<usize>,
    /// When it was last detected (else raised).
    pub seen: Option<Timestamp>,
}

/// Facts a line gives about its surroundings (connector, domain, object, time), and an
/// event's server (its `Computer`).
#[derive(Clone, Debug, Default)]
pub(crate) struct Hints<'a> {
    pub connector: Option<Cow<'a, str>>,
    pub domain: Option<Cow<'a, str>>,
    pub dn: Option<Cow<'a, str>>,
    pub time: Option<Timestamp>,
    pub server: Option<Cow<'a, str>>,
}

impl<'a> Hints<'a> {
    pub fn merge(&mut self, o: &Hints<'a>) {
        if self.connector.is_none() {
            self.connector.clone_from(&o.connector);
        }
        if self.domain.is_none() {
            self.domain.clone_from(&o.domain);
        }
        if self.dn.is_none() {
            self.dn.clone_from(&o.dn);
        }
        if self.time.is_none() {
            self.time = o.time;
        }
        if self.server.is_none() {
            self.server.clone_from(&o.server);
        }
    }
}
