//! The analysis's output: plain data for the CLI and the app to render (records, findings with
//! their evidence, the timeline). A leaf of the analysis.

use std::borrow::Cow;

use super::errors::ErrorInfo;
use super::time::Timestamp;
use crate::connect_version::ConnectVersion;
use crate::knowledge::{FindingId, Param, Severity, Text};

/// Records kept (in the order they were recognised); the rest are counted in
/// `records_omitted`, so that a paste of a million events keeps no list of them.
pub const MAX_RECORDS: usize = 10_000;
/// Evidence lines kept per finding; the rest are counted in `evidence_omitted`.
pub const MAX_EVIDENCE: usize = 200;
/// Distinct parameters kept per finding; the rest are counted in `params_omitted`.
pub const MAX_PARAMS: usize = 40;
/// The same for a finding of severity information (`not-phs`, `event-lookup`, …).
pub const MAX_INFO_EVIDENCE: usize = 24;
pub const MAX_INFO_PARAMS: usize = 12;
/// A connector's last heartbeat older than this, relative to the newest pasted event, is a gap.
pub const HEARTBEAT_WINDOW_SECONDS: i64 = 3 * 3600;

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
    /// The collector's report block (`block.rs`): its check and, when it passed, its JSON.
    Report,
    /// A Microsoft Entra sign-in log entry's error code (`parse/signin.rs`).
    SignIn,
}

impl RecordKind {
    pub const ALL: &'static [RecordKind] = &[
        RecordKind::Command,
        RecordKind::DiagnosticsMenu,
        RecordKind::DiagnosticsCheck,
        RecordKind::DiagnosticsInfo,
        RecordKind::StatusScript,
        RecordKind::SyncConfiguration,
        RecordKind::Event,
        RecordKind::Message,
        RecordKind::PasswordChange,
        RecordKind::ForestInfo,
        RecordKind::LogStatus,
        RecordKind::HealthAlert,
        RecordKind::Error,
        RecordKind::Setting,
        RecordKind::Report,
        RecordKind::SignIn,
    ];

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
            RecordKind::Report => "report",
            RecordKind::SignIn => "sign-in",
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
    pub id: FindingId,
    pub severity: Severity,
    pub title: &'static str,
    pub explanation: Text,
    /// What the parameters it has mean (`conflicts_with`, `resolved_since`): shown under the
    /// explanation ([`knowledge::FindingInfo::notes_for`]).
    pub notes: Vec<Text>,
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
    pub params: Vec<(Param, String)>,
    pub params_omitted: usize,
    /// Decoded error numbers and messages behind this finding.
    pub errors: Vec<&'static ErrorInfo>,
    /// Event IDs among the evidence.
    pub events: Vec<u32>,
}

impl Finding {
    /// Finding `id` as its content defines it, with this evidence and these parameters (no
    /// errors or events yet).
    pub fn new(id: FindingId, evidence: Vec<Evidence>, params: Vec<(Param, String)>) -> Finding {
        let info = id.info();
        Finding {
            id: info.id,
            severity: info.severity,
            title: info.title,
            explanation: info.explanation,
            notes: info.notes_for(&params),
            next_steps: info.steps_for(&params),
            node: info.node,
            result: info.result,
            evidence,
            evidence_omitted: 0,
            params,
            params_omitted: 0,
            errors: Vec::new(),
            events: Vec::new(),
        }
    }

    /// The explanation and the notes of its parameters, as plain text in one paragraph.
    pub fn explanation_plain(&self) -> String {
        let mut s = self.explanation.plain();
        for n in &self.notes {
            s.push(' ');
            s.push_str(&n.plain());
        }
        s
    }

    pub fn param(&self, key: Param) -> Option<&str> {
        self.params.iter().find(|(k, _)| *k == key).map(|(_, v)| v.as_str())
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
    /// The newest event 651 (a batch of password changes sent) with a time, and its line.
    pub last_batch: Option<(Timestamp, usize)>,
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Heartbeat {
    pub connector: Option<String>,
    pub time: Option<Timestamp>,
    pub line: usize,
    /// Heartbeats seen for this connector.
    pub count: usize,
    /// The server that wrote them, when the paste's events come from two or more servers
    /// (each server's heartbeats are then its own).
    pub server: Option<String>,
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
