//! Paste analysis: what an admin pasted from the Connect server (troubleshooter and status
//! script output, event text in every form Windows prints it, error numbers) turned into
//! recognised records, evidence-backed findings, the lines not understood, and a timeline.
//!
//! The pipeline: text → physical lines → logical lines (console wraps joined) → one scan per
//! line for every phrase family (`phrases.rs`) → parsers that build records and state typed
//! facts (`recognise.rs` drives the parsers of `parse/`, one module per input kind) →
//! the judge (`judge.rs`), which turns facts into findings from the tables in `content/`, one
//! per cause with all its evidence (`collect.rs`) → the timeline (`timeline.rs`), whose facts
//! the judge takes too, and the conflicts judged by time (`conflict.rs`).
//!
//! [`analyze`] never fails and never panics; what it does not understand it lists in
//! [`Analysis::unparsed_lines`] instead of guessing. It is linear in the input size.

mod anchors;
pub mod block;
mod collect;
mod conflict;
pub mod errors;
mod fact;
pub mod inputs;
mod judge;
mod labels;
mod lines;
mod model;
mod parse;
mod phrases;
mod recognise;
mod scan;
mod signal;
pub mod source;
mod tags;
pub mod time;
mod timeline;

use std::borrow::Cow;

use crate::knowledge::{FindingId as F, Param, Param as P};
use crate::version::ConnectVersion;
pub use errors::{ErrorInfo, ErrorKind};
pub use model::*;
pub use time::Timestamp;

/// Input larger than this is cut: its first and last halves are analysed (each cut at a line
/// break), the middle is left out and reported in [`Analysis::truncated`].
pub const MAX_INPUT_BYTES: usize = 32 * 1024 * 1024;

impl<'a> Analysis<'a> {
    /// The same analysis, owning every text (for a shell that keeps it apart from the paste).
    pub fn into_owned(self) -> Analysis<'static> {
        let Analysis { records, records_omitted, findings, unparsed_lines, timeline, line_count, truncated, connect_version } = self;
        let records = records.into_iter().map(Record::into_owned).collect();
        Analysis { records, records_omitted, findings, unparsed_lines, timeline, line_count, truncated, connect_version }
    }

    /// The analysis judged for the version the user gave elsewhere (the start page): a version
    /// in the paste wins; without one, `version` decides whether a generic message is a known
    /// issue fixed in an older build ([`ErrorInfo::fixed_in`]).
    pub fn for_version(mut self, version: Option<ConnectVersion>) -> Analysis<'a> {
        if self.connect_version.is_none() {
            judge_fixed_issues(&mut self.findings, version);
        }
        self
    }
}

/// A generic .NET message (`An item with the same key has already been added`, …) means the
/// known issue that printed it only on a build older than the one that fixed it. On a 2.x
/// build at or after that fix it is an internal error (`internal-error`), not `upgrade-required`.
/// Every 1.x build is retired, so on 1.x `upgrade-required` stands.
fn judge_fixed_issues(findings: &mut Vec<Finding>, version: Option<ConnectVersion>) {
    let Some(v) = version.filter(|v| v.0[0] >= 2) else { return };
    let Some(i) = findings.iter().position(|f| f.id == F::UpgradeRequired) else { return };
    let outgrown = |e: &ErrorInfo| e.fixed_in.is_some_and(|fixed| v >= fixed);
    let (old, keep): (Vec<&'static ErrorInfo>, Vec<&'static ErrorInfo>) = findings[i].errors.iter().partition(|e| outgrown(e));
    if old.is_empty() {
        return;
    }
    let f = &mut findings[i];
    let mentions = |text: &str| old.iter().any(|e| text.to_ascii_lowercase().contains(&e.message.to_ascii_lowercase()));
    let whole = keep.is_empty() && f.param(P::Version).is_none();
    let evidence: Vec<Evidence> =
        if whole { f.evidence.clone() } else { f.evidence.iter().filter(|e| mentions(&e.text)).cloned().collect() };
    let mut params: Vec<(Param, String)> = old.iter().map(|e| (P::Message, e.message.to_string())).collect();
    params.push((P::Version, v.to_string()));
    let internal = Finding {
        evidence_omitted: if whole { f.evidence_omitted } else { 0 },
        events: if whole { f.events.clone() } else { Vec::new() },
        ..Finding::new(F::InternalError, evidence, params)
    };
    if whole {
        findings[i] = internal;
    } else {
        f.errors = keep;
        findings.push(internal);
    }
    crate::order::sort_by_key(findings, |f| (f.severity, f.evidence.first().map_or(usize::MAX, |e| e.line)));
}

/// Analyses a paste. Never fails, never panics; linear in the size of `text`.
pub fn analyze(text: &str) -> Analysis<'_> {
    analyze_within(text, MAX_INPUT_BYTES)
}

/// [`analyze`] with a smaller limit than [`MAX_INPUT_BYTES`] (at most that), for a shell that
/// must answer quickly: a larger paste has its start and end analysed (see [`Truncation`]).
pub fn analyze_within(text: &str, max_bytes: usize) -> Analysis<'_> {
    let max = max_bytes.min(MAX_INPUT_BYTES);
    if text.len() <= max {
        return match lines::normalise(text) {
            Cow::Borrowed(normal) => analyze_normal(normal, normal.len(), None, text.is_empty(), true),
            // UTF-16 read as bytes: the records cannot borrow from the repaired copy.
            Cow::Owned(normal) => analyze_normal(&normal, normal.len(), None, text.is_empty(), true).into_owned(),
        };
    }
    let mut reader = crate::input::Reader::for_text(max);
    reader.push(text.as_bytes());
    analyze_excerpt(&reader.finish()).into_owned()
}

/// Analyses what [`input::Reader`](crate::input::Reader) kept of an input: all of it, or its
/// start and its end with the lines of the whole input's numbers.
pub fn analyze_excerpt(ex: &crate::input::Excerpt) -> Analysis<'_> {
    let (head, tail) = ex.text.split_at(ex.head_len.min(ex.text.len()));
    let (nh, nt) = (lines::normalise(head), lines::normalise(tail));
    if let (Cow::Borrowed(_), Cow::Borrowed(_)) = (&nh, &nt) {
        if nh.len() == head.len() && nt.len() == tail.len() {
            return analyze_normal(&ex.text, head.len(), ex.cut, ex.text.is_empty(), true);
        }
    }
    // A byte-order mark or UTF-16 read as bytes: the records cannot borrow from the copy.
    let joined = format!("{nh}{nt}");
    analyze_normal(&joined, nh.len(), ex.cut, ex.text.is_empty(), true).into_owned()
}

/// The facts of a checked report block (`block.rs`), written as the text the recognisers read:
/// analysed like a paste, except that blocks in it are not read.
fn analyze_facts(text: &str) -> Analysis<'static> {
    analyze_normal(text, text.len(), None, text.is_empty(), false).into_owned()
}

/// Whether records say anything: more than a PowerShell prompt and its command, or a line that
/// only names Connect Health (an alert whose title was not recognised says nothing).
fn read_any(records: &[Record<'_>], omitted: usize) -> bool {
    omitted > 0 || records.iter().any(|r| !(r.kind == RecordKind::Command || (r.kind == RecordKind::HealthAlert && r.fields.is_empty())))
}

fn analyze_normal<'a>(normal: &'a str, head_len: usize, cut: Option<crate::input::Cut>, empty: bool, read_blocks: bool) -> Analysis<'a> {
    // A paste whose dates show they are written day first reads its ambiguous ones so too.
    // (And `Get-EventLog`'s `Dec 03 10:31` is in the year the paste's other dates show.)
    time::with_date_order(time::paste_day_first(normal), || {
        time::with_paste_year(time::paste_year(normal), || analyze_in_order(normal, head_len, cut, empty, read_blocks))
    })
}

fn analyze_in_order<'a>(normal: &'a str, head_len: usize, cut: Option<crate::input::Cut>, empty: bool, read_blocks: bool) -> Analysis<'a> {
    let (head, tail) = normal.split_at(head_len);
    let mut physical = if cut.is_some() && head.is_empty() { Vec::new() } else { lines::physical(head) };
    let split = physical.len();
    if cut.is_some() && !tail.is_empty() {
        physical.extend(lines::physical(tail));
    }
    // Quoted (an e-mail reply, a Markdown quote): read as written, and shown as pasted (the
    // marks say that someone else's older message is the evidence).
    let mut quoted: Vec<(usize, &str)> = Vec::new();
    for (i, l) in physical.iter_mut().enumerate() {
        let u = lines::unquote(l);
        if u.len() != l.len() {
            quoted.push((i, *l));
            *l = u;
        }
    }
    // A report block is read by `block.rs`; the recognisers see its lines as blank.
    let blocks = if read_blocks && block::any_begin(normal) { block::find(&physical) } else { Vec::new() };
    let pasted = if blocks.is_empty() { Vec::new() } else { physical.clone() };
    for n in block::own_lines(&physical, &blocks) {
        physical[n - 1] = "";
    }
    for b in &blocks {
        physical[b.first - 1..b.last].fill("");
    }
    let shown: Option<Vec<&str>> = (!quoted.is_empty()).then(|| {
        let mut shown = physical.clone();
        for &(i, line) in &quoted {
            if !shown[i].is_empty() {
                shown[i] = line;
            }
        }
        shown
    });
    let mut judge = judge::Judge::new(shown.as_deref().unwrap_or(&physical));
    let boundary = if cut.is_some() { split } else { usize::MAX };
    let out = recognise::run(lines::Src(normal), &physical, lines::logical_split(&physical, boundary), boundary, &mut judge);
    let (timeline, timeline_facts) = timeline::build(out.timed);
    for f in timeline_facts {
        judge.fact(f);
    }
    let mut findings = judge.finish(&out.heartbeat_alerts, out.export_errors, &timeline);
    // Lines of bytes that are no text (binary, control characters) are no evidence either way,
    // but a paste of nothing else is told so, not answered with silence.
    let not_text = physical.iter().filter(|l| lines::shape(l) == lines::Shape::Junk).count();
    if findings.is_empty()
        && !read_any(&out.records, out.records_omitted)
        && blocks.is_empty()
        && (not_text > 0 || physical.iter().any(|l| lines::shape(l) == lines::Shape::Text))
    {
        findings = judge::no_finding(&physical, false);
    }
    // The installed build, wherever a line states it (`parse/line.rs`: the troubleshooter's
    // header, a product name or a sentence before a build; a line of run statuses too): the
    // last one stated, as outputs are pasted in the order they ran (an upgrade in between).
    let connect_version = out
        .records
        .iter()
        .filter(|r| r.kind != RecordKind::Event)
        .filter_map(|r| r.field("version"))
        .next_back()
        .and_then(|v| ConnectVersion::parse(v).ok());
    let mut a = Analysis {
        records: out.records,
        records_omitted: out.records_omitted,
        findings,
        unparsed_lines: out.unparsed,
        timeline,
        line_count: if empty { 0 } else { physical.len() },
        truncated: None,
        connect_version,
    };
    block::merge(&blocks, &pasted, &mut a, analyze_facts);
    judge_fixed_issues(&mut a.findings, a.connect_version);
    // Records read (the paste's or a block's) and no finding: say so, with what to paste next
    // (only prompts and their commands read: nothing recognised).
    if read_blocks && a.findings.is_empty() && (!a.records.is_empty() || a.records_omitted > 0) {
        a.findings = judge::no_finding(&physical, read_any(&a.records, a.records_omitted));
    }
    if let Some(c) = cut {
        // The end's lines get their numbers in the whole input.
        let shift = c.tail_first_line.saturating_sub(split + 1);
        a.renumber(split, shift);
        a.line_count = if physical.len() > split { physical.len() + shift } else { split };
        a.truncated = Some(Truncation {
            bytes_total: c.bytes_total,
            head_bytes: c.head_bytes,
            head_lines: split,
            tail_bytes: c.tail_bytes,
            tail_first_line: c.tail_first_line,
        });
    }
    // "Nothing points to a fault" says how much of the paste that covers, and that the build
    // the paste names is judged by its version notices.
    let (unread, total, version) = (a.unparsed_lines.len(), a.line_count, a.connect_version);
    if not_text > 0 {
        for f in a.findings.iter_mut().filter(|f| f.id == F::NothingRecognised) {
            f.params.push((Param::NotText, format!("{not_text} of {total}")));
            f.notes = f.id.info().notes_for(&f.params);
        }
    }
    for f in a.findings.iter_mut().filter(|f| f.id == F::NothingWrongFound) {
        if let Some(v) = version {
            f.params.push((Param::Version, v.to_string()));
        }
        if unread > 0 {
            f.params.push((Param::NotUnderstood, format!("{unread} of {total}")));
        }
        f.notes = f.id.info().notes_for(&f.params);
    }
    a
}

impl Analysis<'_> {
    /// Adds `shift` to every line number after `split`.
    fn renumber(&mut self, split: usize, shift: usize) {
        let f = |n: &mut usize| {
            if *n > split {
                *n += shift;
            }
        };
        for r in &mut self.records {
            f(&mut r.start_line);
            f(&mut r.end_line);
        }
        for e in self.findings.iter_mut().flat_map(|x| x.evidence.iter_mut()) {
            f(&mut e.line);
        }
        self.unparsed_lines.iter_mut().for_each(f);
        let t = &mut self.timeline;
        if let Some((_, n)) = &mut t.newest {
            f(n);
        }
        t.heartbeats.iter_mut().for_each(|h| f(&mut h.line));
        t.gaps.iter_mut().for_each(|g| f(&mut g.line));
        t.full_sync.iter_mut().for_each(|s| f(&mut s.line));
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn records_are_capped_and_counted() {
        let text = "Event ID: 611\n".repeat(MAX_RECORDS + 7);
        let a = analyze(&text);
        assert_eq!((a.records.len(), a.records_omitted), (MAX_RECORDS, 7));
        assert_eq!(a.records.last().map(|r| r.start_line), Some(MAX_RECORDS));
        // The findings still see every event.
        assert_eq!(a.findings[0].evidence.len() + a.findings[0].evidence_omitted, MAX_RECORDS + 7);
        let a = analyze("Event ID: 611\n");
        assert_eq!((a.records.len(), a.records_omitted), (1, 0));
    }
}
