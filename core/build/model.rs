//! The typed shape of `content/*.json`. Every object refuses fields it does not know
//! (`deny_unknown_fields`) and every closed set of values is an enum, so that a misspelt key
//! or value fails the build instead of being silently ignored.

use std::collections::BTreeMap;

use serde::Deserialize;

/// A content text: markdown (its object's source applies) or markdown with its own source.
#[derive(Deserialize)]
#[serde(untagged)]
pub enum TextV {
    Md(String),
    Sourced(Sourced),
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Sourced {
    pub md: String,
    pub source: String,
}

#[derive(Deserialize, Clone, Copy, PartialEq, Eq)]
#[serde(rename_all = "lowercase")]
pub enum Severity {
    Error,
    Warning,
    Info,
    Ok,
}

// sources.json
#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
pub struct SourcesFile {
    /// The file's own description, for its readers.
    #[serde(default)]
    #[allow(dead_code)]
    pub about: Option<String>,
    pub article: Article,
    pub sources: Vec<SourceEntry>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Article {
    pub title: String,
    pub url: String,
    pub revision: String,
    pub sections: BTreeMap<String, String>,
}

#[derive(Deserialize, Clone, Copy, PartialEq, Eq)]
#[serde(rename_all = "lowercase")]
pub enum SourceKindV {
    Public,
    /// Not Microsoft's: shown as a third-party source.
    #[serde(rename = "third-party")]
    ThirdParty,
    Tool,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
pub struct SourceEntry {
    pub id: String,
    pub title: String,
    #[serde(default)]
    pub url: Option<String>,
    #[serde(default)]
    pub kind: Option<SourceKindV>,
}

// events.json
#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
pub struct EventsFile {
    /// The file's own description, for its readers.
    #[serde(default)]
    #[allow(dead_code)]
    pub about: Option<String>,
    pub table_source: Option<String>,
    pub connectivity_rule: ConnectivityRule,
    pub log_advice: TextV,
    pub events: Vec<EventE>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ConnectivityRule {
    pub ids: Vec<u32>,
    pub meaning: TextV,
    pub source: String,
}

#[derive(Deserialize, Clone, Copy)]
pub enum Category {
    #[serde(rename = "lifecycle")]
    Lifecycle,
    #[serde(rename = "heartbeat")]
    Heartbeat,
    #[serde(rename = "batch")]
    Batch,
    #[serde(rename = "full sync")]
    FullSync,
    #[serde(rename = "error")]
    Error,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
pub struct EventE {
    pub id: u32,
    pub description: String,
    pub category: Category,
    pub severity: Severity,
    #[serde(default)]
    pub in_table: Option<bool>,
    #[serde(default)]
    pub note: Option<TextV>,
    #[serde(default)]
    pub source: Option<String>,
    #[serde(default)]
    pub step: Option<String>,
    /// What the paste analysis reports for the event on its own.
    #[serde(default)]
    pub finding: Option<String>,
    /// `finding` only when nothing in the event names a more specific cause.
    #[serde(default)]
    pub unless_cause: bool,
    /// The Learn section that explains it (`page#anchor`, `content/learn/`).
    #[serde(default)]
    pub learn: Option<String>,
}

// statuses.json
#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
pub struct StatusesFile {
    pub table_source: Option<String>,
    #[serde(rename = "where")]
    pub where_: TextV,
    #[serde(rename = "continue")]
    pub continue_: Continue,
    pub statuses: Vec<StatusE>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
pub struct StatusE {
    pub name: String,
    /// What the paste analysis reports for an object with this status.
    pub finding: String,
    pub description: TextV,
    pub next_step: TextV,
    pub severity: Severity,
    #[serde(default)]
    pub gate: Option<String>,
}

/// Where to go on after a result or a status value.
#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Continue {
    pub label: String,
    pub next: String,
    #[serde(default)]
    pub path: Option<String>,
    #[serde(default)]
    pub task_checked: Option<bool>,
}

// versions.json
#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
pub struct VersionsFile {
    pub retired: Retired,
    pub gates: Vec<GateE>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Retired {
    pub below: String,
    pub text: TextV,
    #[serde(default)]
    pub source: Option<String>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
pub struct GateE {
    pub id: String,
    pub min_version: String,
    pub feature: String,
    pub text: TextV,
    #[serde(default)]
    pub source: Option<String>,
}

// releases.json
#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ReleasesFile {
    #[serde(default)]
    #[allow(dead_code)]
    pub about: Option<String>,
    /// When the list was compiled (`YYYY-MM-DD`).
    pub data_date: String,
    /// The source of the rows' dates unless a row names its own.
    pub source: String,
    pub data_note: TextV,
    pub policy: Policy,
    pub mandatory_minimum: MandatoryMinimum,
    pub releases: Vec<ReleaseE>,
    pub notices: Vec<NoticeE>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Policy {
    pub text: TextV,
    pub upgrade: TextV,
    pub near_days: u32,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
pub struct MandatoryMinimum {
    pub version: String,
    pub date: String,
    pub source: String,
    pub text: TextV,
    pub next_step: TextV,
}

#[derive(Deserialize, Clone, Copy, PartialEq, Eq)]
#[serde(rename_all = "lowercase")]
pub enum ReleaseStatusV {
    /// Out of support (no date given).
    Retired,
    /// Recalled after release.
    Withdrawn,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ReleaseE {
    pub version: String,
    /// `YYYY`, `YYYY-MM` or `YYYY-MM-DD`, as precise as the source is.
    #[serde(default)]
    pub released: Option<String>,
    #[serde(default)]
    pub end_of_support: Option<String>,
    #[serde(default)]
    pub status: Option<ReleaseStatusV>,
    /// Where the dates come from (default: the file's `source`).
    #[serde(default)]
    pub source: Option<String>,
    #[serde(default)]
    pub changes: Vec<ChangeV>,
    #[serde(default)]
    pub next_step: Option<TextV>,
}

/// A change of a release: a text with its source, a version gate of versions.json, or the
/// cause of an errors.json message (by its `text`).
#[derive(Deserialize)]
#[serde(untagged)]
pub enum ChangeV {
    Gate(GateRef),
    Error(ErrorRef),
    Text(TextV),
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
pub struct GateRef {
    pub gate: String,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ErrorRef {
    pub error: String,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RangeV {
    #[serde(default)]
    pub from: Option<String>,
    #[serde(default)]
    pub below: Option<String>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
pub struct NoticeE {
    pub id: String,
    pub severity: Severity,
    #[serde(default)]
    pub from: Option<String>,
    #[serde(default)]
    pub below: Option<String>,
    #[serde(default)]
    pub except: Option<RangeV>,
    pub title: String,
    /// The text, from a versions.json gate …
    #[serde(default)]
    pub gate: Option<String>,
    /// … or an errors.json message (its cause and fix) …
    #[serde(default)]
    pub error: Option<String>,
    /// … or its own, with `next_step`.
    #[serde(default)]
    pub text: Option<TextV>,
    #[serde(default)]
    pub details: Vec<TextV>,
    #[serde(default)]
    pub next_step: Option<TextV>,
    #[serde(default)]
    pub source: Option<String>,
}

// results.json
#[derive(Deserialize, Clone, Copy)]
#[serde(rename_all = "kebab-case")]
pub enum Script {
    Status,
    FullSync,
    SingleObject,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ResultsFile {
    pub results: Vec<ResultE>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ResultE {
    pub id: String,
    pub severity: Severity,
    pub title: String,
    pub meaning: TextV,
    pub fix: Vec<TextV>,
    #[serde(default)]
    pub source: Option<String>,
    #[serde(default)]
    pub script: Option<Script>,
    #[serde(default)]
    pub gate: Option<String>,
    #[serde(default, rename = "continue")]
    pub continue_: Vec<Continue>,
    /// The Learn section that explains it (`page#anchor`, `content/learn/`).
    #[serde(default)]
    pub learn: Option<String>,
}

// paths.json
#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
pub struct PathsFile {
    pub paths: Vec<PathE>,
}

#[derive(Deserialize, Clone, Copy)]
#[serde(rename_all = "lowercase")]
pub enum Method {
    Task,
    Cmdlet,
    Manual,
}

#[derive(Deserialize, Clone, Copy)]
#[serde(rename_all = "lowercase")]
pub enum Scope {
    All,
    Object,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
pub struct PathE {
    pub id: String,
    pub method: Method,
    pub scope: Scope,
    pub title: String,
    pub intro: TextV,
    pub start: String,
    pub nodes: Vec<NodeE>,
    #[serde(default)]
    pub gate: Option<String>,
    #[serde(default)]
    pub source: Option<String>,
}

#[derive(Deserialize, Clone, Copy, PartialEq, Eq)]
#[serde(rename_all = "lowercase")]
pub enum NodeKindV {
    Step,
    Question,
}

#[derive(Deserialize, Clone, Copy, PartialEq, Eq)]
#[serde(rename_all = "lowercase")]
pub enum AnswersFrom {
    Statuses,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
pub struct NodeE {
    pub id: String,
    pub kind: NodeKindV,
    pub text: TextV,
    #[serde(default)]
    pub next: Option<String>,
    #[serde(default)]
    pub answers: Option<Vec<AnswerE>>,
    #[serde(default)]
    pub answers_from: Option<AnswersFrom>,
    #[serde(default)]
    pub help: Option<TextV>,
    #[serde(default)]
    pub script: Option<Script>,
    #[serde(default)]
    pub gate: Option<String>,
    #[serde(default)]
    pub source: Option<String>,
    #[serde(default)]
    pub task_checked: Option<String>,
    /// The Learn section that explains it (`page#anchor`, `content/learn/`).
    #[serde(default)]
    pub learn: Option<String>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
pub struct AnswerE {
    pub label: String,
    pub next: String,
}

// findings.json
#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
pub struct FindingsFile {
    /// The file's own description, for its readers.
    #[serde(default)]
    #[allow(dead_code)]
    pub about: Option<String>,
    pub params: Vec<ParamE>,
    pub findings: Vec<FindingE>,
}

/// A finding parameter: its key (the generated enum's variant) and its label.
#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ParamE {
    pub key: String,
    pub label: String,
    /// What known values mean, for people (the value itself stays the key in JSON).
    #[serde(default)]
    pub values: BTreeMap<String, String>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
pub struct FindingE {
    pub id: String,
    pub severity: Severity,
    pub title: String,
    pub explanation: TextV,
    pub next_steps: Vec<TextV>,
    #[serde(default)]
    pub source: Option<String>,
    #[serde(default)]
    pub node: Option<String>,
    #[serde(default)]
    pub result: Option<String>,
    /// The findings that name this one's cause (it joins the one the paste shows).
    #[serde(default)]
    pub causes: Vec<String>,
    /// The Learn section that explains it (`page#anchor`, `content/learn/`).
    #[serde(default)]
    pub learn: Option<String>,
    /// Steps that apply only when a parameter has a value (`feature` = `ad-replication`,
    /// `grant` = `failed`): before the general steps with `first`, else after them.
    #[serde(default)]
    pub when_steps: Vec<WhenSteps>,
    /// What a parameter means, shown under the explanation only when the finding has it
    /// (`conflicts_with`, `resolved_since`).
    #[serde(default)]
    pub notes: Vec<Note>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Note {
    pub param: String,
    pub md: String,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
pub struct WhenSteps {
    pub param: String,
    pub value: String,
    #[serde(default)]
    pub first: bool,
    pub steps: Vec<TextV>,
}

// errors.json
#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ErrorsFile {
    /// The file's own description, for its readers.
    #[serde(default)]
    #[allow(dead_code)]
    pub about: Option<String>,
    pub rpc: Vec<CodeE>,
    pub service: Vec<CodeE>,
    pub messages: Vec<MessageE>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
pub struct CodeE {
    pub code: u32,
    pub name: String,
    pub message: String,
    pub finding: String,
    pub cause: TextV,
    pub fix: TextV,
    #[serde(default)]
    pub source: Option<String>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
pub struct MessageE {
    pub name: String,
    pub text: String,
    pub finding: String,
    pub cause: TextV,
    pub fix: TextV,
    #[serde(default)]
    pub source: Option<String>,
    #[serde(default)]
    pub fixed_in: Option<String>,
    /// The finding's `reason` parameter this message sets (its `when_steps` may key on it).
    #[serde(default)]
    pub reason: Option<String>,
}

/// `content/facts.json`: what the parsers state and how the judge turns it into a finding.
#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
pub struct FactsFile {
    #[allow(dead_code)]
    pub about: String,
    pub facts: Vec<FactE>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
pub struct FactE {
    pub id: String,
    /// What was observed (for the readers of the file and the generated docs).
    pub says: String,
    #[serde(default)]
    pub finding: Option<String>,
    #[serde(default)]
    pub from: Option<FactFrom>,
    #[serde(default)]
    pub in_event: Vec<InEventE>,
    #[serde(default)]
    pub retracts: Option<String>,
}

#[derive(Deserialize, Clone, Copy)]
#[serde(rename_all = "lowercase")]
pub enum FactFrom {
    Status,
    Error,
    Context,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
pub struct InEventE {
    pub event: u32,
    pub finding: String,
}

// learn/*.md: the front matter of a Learn page.
#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
pub struct LearnFront {
    /// The page's place in the list.
    pub order: u32,
    /// One sentence for the list of pages.
    pub summary: String,
    /// `article`: the page is a copy of Microsoft's article (sources.json), with its licence.
    #[serde(default)]
    pub copy_of: Option<String>,
    #[serde(default)]
    pub licence: Option<String>,
    #[serde(default)]
    pub licence_url: Option<String>,
    /// The licence of the code samples in it.
    #[serde(default)]
    pub code_licence: Option<String>,
    /// Where the publisher states the licence.
    #[serde(default)]
    pub licence_notice: Option<String>,
    /// What the copy changes (the licence asks for it).
    #[serde(default)]
    pub changes: Option<String>,
}

// health.json
#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
pub struct HealthFile {
    #[allow(dead_code)]
    pub about: String,
    pub titles: Vec<HealthTitle>,
    pub resolved_words: Vec<HealthWords>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
pub struct HealthWords {
    #[allow(dead_code)]
    pub lang: String,
    pub words: Vec<String>,
    pub source: String,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
pub struct HealthTitle {
    pub kind: HealthKindV,
    #[allow(dead_code)]
    pub lang: String,
    pub title: String,
    pub source: String,
}

/// What a Connect Health alert is about (`core/src/analysis/parse/health.rs` `Kind`).
#[derive(Deserialize, Clone, Copy, Debug)]
#[serde(rename_all = "kebab-case")]
pub enum HealthKindV {
    SyncService,
    EntraAuth,
    Heartbeat,
    PhsStopped,
    AccidentalDelete,
    ImportAd,
    ExportAd,
    ImportEntra,
    ExportEntra,
    Agent,
}
