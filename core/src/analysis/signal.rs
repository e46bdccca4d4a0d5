//! What the line parsers state for the collector: [`Signal`]s (a finding applies, with its
//! evidence lines and parameters), [`Hints`] (what a line says about its surroundings) and
//! [`Timed`] events for the timeline. A leaf of the analysis: it imports no parser.

use std::borrow::Cow;

use super::errors::ErrorInfo;
use super::time::Timestamp;
use crate::knowledge::{FindingId, Param};

/// Evidence that a finding applies, before findings are assembled.
#[derive(Clone, Debug)]
pub(crate) struct Signal<'a> {
    pub finding: FindingId,
    /// Evidence lines `first..=last` (1-based; 0 = none).
    pub first: usize,
    pub last: usize,
    /// One more evidence line (the event's ID line).
    pub extra: Option<usize>,
    pub params: Vec<(Param, Cow<'a, str>)>,
    pub error: Option<&'static ErrorInfo>,
    pub event: Option<u32>,
    /// When it happened (a `time` parameter, formatted only if kept).
    pub time: Option<Timestamp>,
    /// "The user name or password is incorrect": the AD account in event 611, else Entra's.
    pub cred_ambiguous: bool,
}

impl<'a> Signal<'a> {
    pub fn new(finding: FindingId, first: usize, last: usize) -> Signal<'a> {
        Signal { finding, first, last, extra: None, params: Vec::new(), error: None, event: None, time: None, cred_ambiguous: false }
    }

    pub fn param(mut self, k: Param, v: impl Into<Cow<'a, str>>) -> Signal<'a> {
        let v = v.into();
        if !v.is_empty() && !self.params.iter().any(|(pk, pv)| *pk == k && *pv == v) {
            self.params.push((k, v));
        }
        self
    }

    pub fn has_param(&self, k: Param) -> bool {
        self.params.iter().any(|(pk, _)| *pk == k)
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
}

/// Facts a line gives about its surroundings (connector, domain, object, time).
#[derive(Clone, Debug, Default)]
pub(crate) struct Hints<'a> {
    pub connector: Option<Cow<'a, str>>,
    pub domain: Option<Cow<'a, str>>,
    pub dn: Option<Cow<'a, str>>,
    pub time: Option<Timestamp>,
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
    }
}
