//! What the judge gives the collector: a [`Signal`] (a finding applies, with its evidence
//! lines and parameters). Only the judge (`judge.rs`, `conflict.rs`) makes one. A leaf of the
//! analysis.

use std::borrow::Cow;

use super::errors::ErrorInfo;
use super::fact::Fact;
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
}

impl<'a> Signal<'a> {
    pub fn new(finding: FindingId, first: usize, last: usize) -> Signal<'a> {
        Signal { finding, first, last, extra: None, params: Vec::new(), error: None, event: None, time: None }
    }

    /// The finding the judge gave fact `f`, with its evidence.
    pub fn judged(finding: FindingId, f: Fact<'a>) -> Signal<'a> {
        let Fact { first, last, extra, params, error, event, time, .. } = f;
        Signal { finding, first, last, extra, params, error, event, time }
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
