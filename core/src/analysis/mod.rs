//! Paste analysis: what an admin pasted from the Connect server (troubleshooter and status
//! script output, event text in every form Windows prints it, error numbers) turned into
//! recognised records, evidence-backed findings, the lines not understood, and a timeline.
//!
//! The pipeline: text → physical lines → logical lines (console wraps joined) → one scan per
//! line for every phrase family (`phrases.rs`) → recognisers that build records and emit
//! signals (`recognise.rs`, `events.rs`, `content.rs`) → findings, one per cause with all its
//! evidence (`collect.rs`) and the timeline (`timeline.rs`).
//!
//! [`analyze`] never fails and never panics; what it does not understand it lists in
//! [`Analysis::unparsed_lines`] instead of guessing. It is linear in the input size.

mod anchors;
mod collect;
mod content;
pub mod errors;
mod events;
mod labels;
mod lines;
mod phrases;
mod recognise;
mod scan;
pub mod source;
pub mod time;
mod timeline;

use std::borrow::Cow;

use crate::knowledge::{self, Severity, Text};
use crate::version::ConnectVersion;
pub use errors::{ErrorInfo, ErrorKind};
pub use time::Timestamp;

/// Input larger than this is cut: its first and last halves are analysed (each cut at a line
/// break), the middle is left out and reported in [`Analysis::truncated`].
pub const MAX_INPUT_BYTES: usize = 32 * 1024 * 1024;
/// Records kept (in the order they were recognised); the rest are counted in
/// `records_omitted`, so that a paste of a million events keeps no list of them.
pub const MAX_RECORDS: usize = 10_000;
/// Evidence lines kept per finding; the rest are counted in `evidence_omitted`.
pub const MAX_EVIDENCE: usize = 200;
/// Distinct parameters kept per finding; the rest are counted in `params_omitted`.
pub const MAX_PARAMS: usize = 40;
/// A connector's last heartbeat older than this, relative to the newest pasted event, is a gap.
pub const HEARTBEAT_WINDOW_SECONDS: i64 = 3 * 3600;

/// Findings that name the cause of a connectivity event (0, 611, 652, 655).
const CONNECTIVITY_CAUSES: &[&str] = &[
    "domain-unreachable",
    "ad-permissions",
    "ad-credentials",
    "cloud-credentials",
    "dc-rejecting-replication",
    "drs-error",
    "upgrade-required",
    "phs-disabled-tenant",
    "no-entra-connectivity",
    "transient-retry",
];

/// The result of [`analyze`]: plain data for the CLI and the app to render. Record fields
/// borrow from the analysed text where they are slices of it (see [`Analysis::into_owned`]).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Analysis<'a> {
    /// Recognised pieces of the paste, in order: the first [`MAX_RECORDS`].
    pub records: Vec<Record<'a>>,
    /// Records recognised beyond [`MAX_RECORDS`] (their findings and timeline still count).
    pub records_omitted: usize,
    /// Sorted by severity (error, warning, info, ok), then by first evidence line.
    pub findings: Vec<Finding>,
    /// 1-based lines that were not understood (blank lines, binary junk and rules such as
    /// `-----` are left out).
    pub unparsed_lines: Vec<usize>,
    pub timeline: Timeline,
    /// The number of the last line analysed: the input's line count unless its end was cut
    /// without a line break to start at. Line numbers are those of the whole input.
    pub line_count: usize,
    /// Set when the input was larger than the limit ([`MAX_INPUT_BYTES`]): which parts were
    /// analysed.
    pub truncated: Option<Truncation>,
    /// The Microsoft Entra Connect version the paste shows (the first one), if any.
    pub connect_version: Option<ConnectVersion>,
}

/// Which parts of an input too large to analyse whole were analysed: bytes `0..head_bytes`
/// (lines `1..=head_lines`) and the last `tail_bytes` bytes (lines
/// `tail_first_line..=line_count`; none when `tail_bytes` is 0). Bytes are of the input as
/// read (a file's bytes in any encoding, or the paste's UTF-8).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Truncation {
    pub bytes_total: u64,
    pub head_bytes: u64,
    pub head_lines: usize,
    pub tail_bytes: u64,
    pub tail_first_line: usize,
}

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
    let Some(i) = findings.iter().position(|f| f.id == "upgrade-required") else { return };
    let Some(info) = knowledge::finding("internal-error") else { return };
    let outgrown = |e: &ErrorInfo| e.fixed_in.is_some_and(|fixed| v >= fixed);
    let (old, keep): (Vec<&'static ErrorInfo>, Vec<&'static ErrorInfo>) = findings[i].errors.iter().partition(|e| outgrown(e));
    if old.is_empty() {
        return;
    }
    let f = &mut findings[i];
    let mentions = |text: &str| old.iter().any(|e| text.to_ascii_lowercase().contains(&e.message.to_ascii_lowercase()));
    let whole = keep.is_empty() && f.param("version").is_none();
    let evidence: Vec<Evidence> =
        if whole { f.evidence.clone() } else { f.evidence.iter().filter(|e| mentions(&e.text)).cloned().collect() };
    let mut params: Vec<(String, String)> = old.iter().map(|e| ("message".to_string(), e.message.to_string())).collect();
    params.push(("version".to_string(), v.to_string()));
    let internal = Finding {
        id: info.id,
        severity: info.severity,
        title: info.title,
        explanation: info.explanation,
        next_steps: info.steps(),
        node: info.node,
        result: info.result,
        evidence,
        evidence_omitted: if whole { f.evidence_omitted } else { 0 },
        params,
        params_omitted: 0,
        errors: Vec::new(),
        events: if whole { f.events.clone() } else { Vec::new() },
    };
    if whole {
        findings[i] = internal;
    } else {
        f.errors = keep;
        findings.push(internal);
    }
    findings.sort_by_key(|f| (f.severity, f.evidence.first().map_or(usize::MAX, |e| e.line)));
}

/// A recognised piece of the paste.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Record<'a> {
    pub kind: RecordKind,
    /// 1-based, inclusive.
    pub start_line: usize,
    pub end_line: usize,
    /// Key/value pairs; keys are fixed names such as `id`, `source`, `time`, `dn`, `status`.
    /// Values are slices of the paste where they can be (no copy per field).
    pub fields: Vec<(&'static str, Cow<'a, str>)>,
}

impl Record<'_> {
    pub fn field(&self, key: &str) -> Option<&str> {
        self.fields.iter().find(|(k, _)| *k == key).map(|(_, v)| v.as_ref())
    }

    pub fn into_owned(self) -> Record<'static> {
        let Record { kind, start_line, end_line, fields } = self;
        let fields = fields.into_iter().map(|(k, v)| (k, Cow::Owned(v.into_owned()))).collect();
        Record { kind, start_line, end_line, fields }
    }
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum RecordKind {
    /// A PowerShell prompt line and its command.
    Command,
    /// The troubleshooter's menus and prompts.
    DiagnosticsMenu,
    /// One check of `Invoke-ADSyncDiagnostics -PasswordSync` (or the single-object run).
    DiagnosticsCheck,
    /// Connector and partition headers and the footer of the troubleshooter.
    DiagnosticsInfo,
    /// A line of the doc's status script output.
    StatusScript,
    /// `Get-ADSyncAADPasswordSyncConfiguration` output (table or list).
    SyncConfiguration,
    /// A Windows event (any format).
    Event,
    /// An event message pasted without its header.
    Message,
    /// A 656/657 `Password Change Request/Result` line.
    PasswordChange,
    /// The `<forest-info>` block of an event message.
    ForestInfo,
    /// A password hash sync log status (connector space object log).
    LogStatus,
    /// A Connect Health alert.
    HealthAlert,
    /// An error number or exception on its own.
    Error,
    /// A setting printed by a cmdlet (`StagingModeEnabled : True`, `PasswordHashSync : True`).
    Setting,
}

impl RecordKind {
    pub fn as_str(self) -> &'static str {
        match self {
            RecordKind::Command => "command",
            RecordKind::DiagnosticsMenu => "diagnostics-menu",
            RecordKind::DiagnosticsCheck => "diagnostics-check",
            RecordKind::DiagnosticsInfo => "diagnostics-info",
            RecordKind::StatusScript => "status-script",
            RecordKind::SyncConfiguration => "sync-configuration",
            RecordKind::Event => "event",
            RecordKind::Message => "message",
            RecordKind::PasswordChange => "password-change",
            RecordKind::ForestInfo => "forest-info",
            RecordKind::LogStatus => "log-status",
            RecordKind::HealthAlert => "health-alert",
            RecordKind::Error => "error",
            RecordKind::Setting => "setting",
        }
    }
}

/// A line that proves a finding.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Evidence {
    /// 1-based.
    pub line: usize,
    pub text: String,
}

/// One cause, with everything in the paste that shows it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Finding {
    /// Stable id from `content/findings.json`.
    pub id: &'static str,
    pub severity: Severity,
    pub title: &'static str,
    pub explanation: Text,
    /// What to do: the fix of its documented result first (the article's words before PHS
    /// Doctor's advice), then the finding's own next steps ([`knowledge::FindingInfo::steps`]).
    /// Each step's [`Text::source`] says where it comes from.
    pub next_steps: Vec<Text>,
    /// Guided-path reference (`path/node`, `result:id` or `status:Name`).
    pub node: Option<&'static str>,
    /// The documented result whose fix applies.
    pub result: Option<&'static str>,
    /// In line order.
    pub evidence: Vec<Evidence>,
    pub evidence_omitted: usize,
    /// `connector`, `domain`, `dn`, `code`, `event`, `time`, `version`… (a key may repeat).
    pub params: Vec<(String, String)>,
    pub params_omitted: usize,
    /// Decoded error numbers and messages behind this finding.
    pub errors: Vec<&'static ErrorInfo>,
    /// Event IDs among the evidence.
    pub events: Vec<u32>,
}

impl Finding {
    pub fn param(&self, key: &str) -> Option<&str> {
        self.params.iter().find(|(k, _)| k == key).map(|(_, v)| v.as_str())
    }
}

/// What the timestamps in the paste say.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Timeline {
    /// The newest timestamped event and its line.
    pub newest: Option<(Timestamp, usize)>,
    /// The last heartbeat (654) per connector id (`None`: the event named no connector).
    pub heartbeats: Vec<Heartbeat>,
    /// Connectors whose last heartbeat is more than 3 hours older than the newest event.
    pub gaps: Vec<Gap>,
    /// Full password sync events (613, 617-623) in time order (line order when untimed).
    pub full_sync: Vec<FullSyncStep>,
    pub full_sync_state: Option<FullSyncState>,
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Heartbeat {
    pub connector: Option<String>,
    pub time: Option<Timestamp>,
    pub line: usize,
    /// Heartbeats seen for this connector.
    pub count: usize,
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Gap {
    pub connector: Option<String>,
    pub last_heartbeat: Timestamp,
    pub line: usize,
    pub newest: Timestamp,
    pub minutes: i64,
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct FullSyncStep {
    pub event: u32,
    pub time: Option<Timestamp>,
    pub line: usize,
    /// The domain or forest the event names.
    pub scope: Option<String>,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum FullSyncState {
    Paused,
    InProgress,
    Completed,
    Failed,
}

impl FullSyncState {
    pub fn as_str(self) -> &'static str {
        match self {
            FullSyncState::Paused => "paused",
            FullSyncState::InProgress => "in progress",
            FullSyncState::Completed => "completed",
            FullSyncState::Failed => "failed",
        }
    }
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
            Cow::Borrowed(normal) => analyze_normal(normal, normal.len(), None, text.is_empty()),
            // UTF-16 read as bytes: the records cannot borrow from the repaired copy.
            Cow::Owned(normal) => analyze_normal(&normal, normal.len(), None, text.is_empty()).into_owned(),
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
            return analyze_normal(&ex.text, head.len(), ex.cut, ex.text.is_empty());
        }
    }
    // A byte-order mark or UTF-16 read as bytes: the records cannot borrow from the copy.
    let joined = format!("{nh}{nt}");
    analyze_normal(&joined, nh.len(), ex.cut, ex.text.is_empty()).into_owned()
}

fn analyze_normal<'a>(normal: &'a str, head_len: usize, cut: Option<crate::input::Cut>, empty: bool) -> Analysis<'a> {
    let (head, tail) = normal.split_at(head_len);
    let mut physical = if cut.is_some() && head.is_empty() { Vec::new() } else { lines::physical(head) };
    let split = physical.len();
    if cut.is_some() && !tail.is_empty() {
        physical.extend(lines::physical(tail));
    }
    let mut collector = collect::Collector::new(&physical);
    let boundary = if cut.is_some() { split } else { usize::MAX };
    let out = recognise::run(lines::Src(normal), &physical, lines::logical_split(&physical, boundary), boundary, &mut collector);
    let timeline = timeline::build(out.timed, &mut collector);
    // An event the doc calls a connectivity problem is not a cause of its own when the paste
    // decodes the cause elsewhere (for example a table row cut short and its details below).
    let specific: Vec<&'static str> = CONNECTIVITY_CAUSES.iter().copied().filter(|id| collector.has(id)).collect();
    if let [only] = specific.as_slice() {
        collector.merge_into("connectivity-error", only);
    }
    let mut findings = collector.finish();
    if findings.is_empty()
        && out.records.is_empty()
        && out.records_omitted == 0
        && physical.iter().any(|l| lines::shape(l) == lines::Shape::Text)
    {
        let mut c = collect::Collector::new(&physical);
        c.add(recognise::Signal::new("nothing-recognised", 0, 0));
        findings = c.finish();
    }
    let connect_version = out
        .records
        .iter()
        .filter(|r| r.kind == RecordKind::DiagnosticsInfo)
        .find_map(|r| r.field("version"))
        .and_then(|v| ConnectVersion::parse(v).ok());
    judge_fixed_issues(&mut findings, connect_version);
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
