//! What the judge gives the collector: a [`Signal`] (a finding applies, with its evidence
//! lines and parameters: the [`Said`] of the fact it judged). Only the judge (`judge.rs`,
//! `conflict.rs`) makes one. A leaf of the analysis.

use std::borrow::Cow;

use super::fact::{Fact, Said};
use crate::knowledge::{FindingId, Param};

/// Evidence that a finding applies, before findings are assembled.
#[derive(Clone, Debug)]
pub(crate) struct Signal<'a> {
    pub finding: FindingId,
    pub said: Said<'a>,
}

impl<'a> Signal<'a> {
    pub fn new(finding: FindingId, first: usize, last: usize) -> Signal<'a> {
        Signal { finding, said: Said::lines(first, last) }
    }

    /// The finding the judge gave fact `f`, with its evidence.
    pub fn judged(finding: FindingId, f: Fact<'a>) -> Signal<'a> {
        Signal { finding, said: f.said }
    }

    pub fn param(mut self, k: Param, v: impl Into<Cow<'a, str>>) -> Signal<'a> {
        self.said.add_param(k, v.into());
        self
    }
}

impl<'a> std::ops::Deref for Signal<'a> {
    type Target = Said<'a>;
    fn deref(&self) -> &Said<'a> {
        &self.said
    }
}

impl<'a> std::ops::DerefMut for Signal<'a> {
    fn deref_mut(&mut self) -> &mut Said<'a> {
        &mut self.said
    }
}
