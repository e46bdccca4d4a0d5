//! The knowledge base, compiled in from `content/` (see `core/build.rs`), and look-ups over it.

use std::fmt;

use crate::connect_version::ConnectVersion;
use crate::script::ScriptKind;
use crate::suggest;

/// Rendered content text: `html` rendered at build time from the content's markdown (trusted,
/// never from user input); [`Text::plain`] for terminals and summaries. Every text carries its
/// [`Source`] (the build fails on a text without one).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Text {
    pub html: &'static str,
    pub source: &'static Source,
}

/// Where a text comes from.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum SourceKind {
    /// Microsoft's troubleshooting article (2025 revision): its words.
    Article,
    /// Another public source, by title and address: PHS Doctor's advice beyond the article.
    Public,
    /// A public source that is not Microsoft's (a blog, a community table): said so wherever
    /// it is cited, to be confirmed against Microsoft's pages.
    ThirdParty,
    /// A pointer to PHS Doctor's own pages or commands.
    Tool,
    /// PHS Doctor's own reasoning, with the reason.
    Inference,
}

/// The source of a content text (`content/sources.json`).
#[derive(Debug, PartialEq, Eq, Hash)]
pub struct Source {
    pub kind: SourceKind,
    /// The document's title (empty for an inference).
    pub title: &'static str,
    /// Its public address (empty for an inference or the tool itself).
    pub url: &'static str,
    /// The article's section (its heading), or the part of another source.
    pub section: Option<&'static str>,
    /// Why PHS Doctor infers it.
    pub reason: Option<&'static str>,
}

impl Source {
    pub fn is_article(&self) -> bool {
        self.kind == SourceKind::Article
    }

    /// The label a reader sees: "Microsoft's article (section “…”)" for the article's words,
    /// "PHS Doctor's advice" for everything beyond it.
    pub fn label(&self) -> String {
        match (self.kind, self.section) {
            (SourceKind::Article, Some(section)) => format!("Microsoft's article (section \u{201c}{section}\u{201d})"),
            (SourceKind::Article, None) => "Microsoft's article".to_string(),
            _ => "PHS Doctor's advice".to_string(),
        }
    }

    /// The label of an explanation (a Learn section) rather than advice: the article's words
    /// as in [`label`](Self::label), anything else "PHS Doctor's summary" (its citation says of
    /// what).
    pub fn summary_label(&self) -> String {
        match self.kind {
            SourceKind::Article => self.label(),
            _ => "PHS Doctor's summary".to_string(),
        }
    }

    /// For advice beyond the article: what it rests on ("Source: title, address" or
    /// "Inference: reason"). `None` for the article's own words.
    pub fn citation(&self) -> Option<String> {
        match self.kind {
            SourceKind::Article => None,
            SourceKind::Public => Some(match self.section {
                Some(section) => format!("Source: {}, section \u{201c}{section}\u{201d} ({})", self.title, self.url),
                None => format!("Source: {} ({})", self.title, self.url),
            }),
            SourceKind::ThirdParty => Some(format!("Third-party source, not Microsoft's: {} ({})", self.title, self.url)),
            SourceKind::Tool => Some("a pointer to this tool's own page or command".to_string()),
            SourceKind::Inference => Some(format!("Inference: {}", self.reason.unwrap_or(""))),
        }
    }

    /// [`Source::label`] and, for advice beyond the article, [`Source::citation`], on one line.
    pub fn line(&self) -> String {
        match self.citation() {
            Some(c) => format!("{} \u{2014} {c}", self.label()),
            None => self.label(),
        }
    }

    /// The source's kind as a stable word (`article`, `public`, `third-party`, `tool`, `inference`).
    pub fn kind_str(&self) -> &'static str {
        match self.kind {
            SourceKind::Article => "article",
            SourceKind::Public => "public",
            SourceKind::ThirdParty => "third-party",
            SourceKind::Tool => "tool",
            SourceKind::Inference => "inference",
        }
    }
}

impl Text {
    /// The text without markup, for a terminal (paragraphs separated by a blank line, list
    /// items as `- ` or `1. ` lines; a link to one of the app's pages names its command-line
    /// equivalent).
    pub fn plain(&self) -> String {
        crate::markup::html_to_plain(self.html, true)
    }

    /// The text without markup, for a summary on the page (links are just their text).
    pub fn plain_for_page(&self) -> String {
        crate::markup::html_to_plain(self.html, false)
    }

    /// The commands the text shows (a code block, or a code span that starts with a cmdlet),
    /// in order: the HTML has a copy button after each, `data-cmd="N"` for the `N`th.
    pub fn commands(&self) -> Vec<String> {
        crate::markup::commands(self.html)
    }
}

/// A reference to a Learn section (`content/learn/<page>.md`, the heading's anchor; empty for
/// the page's top), checked at build time; `crate::learn::section` resolves it.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub struct LearnLink {
    pub page: &'static str,
    pub anchor: &'static str,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Severity {
    Error,
    Warning,
    Info,
    Ok,
}

impl Severity {
    pub fn as_str(self) -> &'static str {
        match self {
            Severity::Error => "error",
            Severity::Warning => "warning",
            Severity::Info => "info",
            Severity::Ok => "ok",
        }
    }
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum EventCategory {
    Lifecycle,
    Heartbeat,
    Batch,
    FullSync,
    Error,
}

impl EventCategory {
    pub const ALL: [EventCategory; 5] =
        [EventCategory::Lifecycle, EventCategory::Heartbeat, EventCategory::Batch, EventCategory::FullSync, EventCategory::Error];

    pub fn as_str(self) -> &'static str {
        match self {
            EventCategory::Lifecycle => "lifecycle",
            EventCategory::Heartbeat => "heartbeat",
            EventCategory::Batch => "batch",
            EventCategory::FullSync => "full sync",
            EventCategory::Error => "error",
        }
    }
}

#[derive(Debug)]
pub struct EventInfo {
    pub id: u32,
    pub description: &'static str,
    /// The article's event table (for event 0: the article's manual steps).
    pub description_source: &'static Source,
    pub category: EventCategory,
    pub severity: Severity,
    pub note: Option<Text>,
    /// False for event 0, which the doc names only in its connectivity rule.
    pub in_table: bool,
    /// The guided-path step (`path/node`) this event belongs to.
    pub step: Option<&'static str>,
    /// What the paste analysis reports for this event on its own ([`event_finding`]).
    pub finding: Option<EventFinding>,
    /// The Learn section that explains it (`crate::learn::section`).
    pub learn: Option<LearnLink>,
}

/// The finding an event implies on its own (`content/events.json` `finding`).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct EventFinding {
    pub id: FindingId,
    /// Only when nothing in the event (its message) names a more specific cause: a 611 whose
    /// message decodes `RPC Error 8453` is `ad-permissions`, not also `connectivity-error`.
    pub unless_cause: bool,
}

impl EventInfo {
    /// The doc: events 0, 611, 652, 655 from source "Directory synchronization" mean a
    /// connectivity problem.
    pub fn connectivity(&self) -> bool {
        CONNECTIVITY_IDS.contains(&self.id)
    }

    /// Whether pasting the whole event into the analysis tells more: an error or warning
    /// event's message carries the error number or exception that names the cause.
    pub fn worth_analysing(&self) -> bool {
        matches!(self.severity, Severity::Error | Severity::Warning)
    }
}

#[derive(Debug)]
pub struct StatusInfo {
    pub name: &'static str,
    /// What the paste analysis reports for an object with this status.
    pub finding: FindingId,
    pub description: Text,
    pub next_step: Text,
    pub severity: Severity,
    pub gate: Option<&'static str>,
}

/// A feature that needs a minimum Connect version.
#[derive(Debug)]
pub struct Gate {
    pub id: &'static str,
    pub min: ConnectVersion,
    pub feature: &'static str,
    pub text: Text,
}

/// How a gate stands for the version the user gave.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum GateStatus {
    Met,
    NotMet,
    /// No version given.
    Unknown,
}

impl Gate {
    pub fn status(&self, version: Option<ConnectVersion>) -> GateStatus {
        match version {
            None => GateStatus::Unknown,
            Some(v) if v >= self.min => GateStatus::Met,
            Some(_) => GateStatus::NotMet,
        }
    }
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Method {
    Task,
    Cmdlet,
    Manual,
}

impl Method {
    pub fn as_str(self) -> &'static str {
        match self {
            Method::Task => "task",
            Method::Cmdlet => "cmdlet",
            Method::Manual => "manual",
        }
    }

    /// `task`, `cmdlet` or `manual` (any case).
    pub fn parse(s: &str) -> Option<Method> {
        [Method::Task, Method::Cmdlet, Method::Manual].into_iter().find(|m| m.as_str().eq_ignore_ascii_case(s.trim()))
    }

    pub fn label(self) -> &'static str {
        match self {
            Method::Task => "Troubleshooting task (wizard)",
            Method::Cmdlet => "Diagnostic cmdlet (Invoke-ADSyncDiagnostics)",
            Method::Manual => "Manual steps",
        }
    }
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Scope {
    /// No passwords are synchronized.
    All,
    /// One object isn't synchronizing passwords.
    Object,
}

impl Scope {
    pub fn as_str(self) -> &'static str {
        match self {
            Scope::All => "all",
            Scope::Object => "object",
        }
    }

    pub fn parse(s: &str) -> Option<Scope> {
        match s.trim().to_ascii_lowercase().as_str() {
            "all" => Some(Scope::All),
            "object" | "one" | "user" => Some(Scope::Object),
            _ => None,
        }
    }

    pub fn label(self) -> &'static str {
        match self {
            Scope::All => "No passwords are synchronized",
            Scope::Object => "One object isn't synchronizing passwords",
        }
    }
}

/// A documented outcome with its meaning and fix.
#[derive(Debug)]
pub struct ResultInfo {
    pub id: &'static str,
    pub severity: Severity,
    pub title: &'static str,
    pub meaning: Text,
    pub fix: &'static [Text],
    pub script: Option<ScriptKind>,
    pub gate: Option<&'static str>,
    /// Where to go on, when the article goes on: for walks from one path (`path`) or any.
    pub conts: &'static [Continue],
    /// The Learn section that explains it (`crate::learn::section`).
    pub learn: Option<LearnLink>,
}

impl ResultInfo {
    /// The continuation for a walk that reached this result from `path` (one for that path
    /// first, else one for any path).
    pub fn continuation(&self, path: &str) -> Option<&'static Continue> {
        self.conts.iter().find(|c| c.path == Some(path)).or_else(|| self.conts.iter().find(|c| c.path.is_none()))
    }
}

/// Where to go on after a result, when the doc says so.
#[derive(Debug)]
pub struct Continue {
    pub label: &'static str,
    pub next: &'static str,
    /// Only for walks that reached the result from this path.
    pub path: Option<&'static str>,
    /// The checks the troubleshooting task made are done: nodes with `task_checked` are shown
    /// as done by the task from here on, not asked again.
    pub task_checked: bool,
}

#[derive(Debug)]
pub struct PathInfo {
    pub id: &'static str,
    pub method: Method,
    pub scope: Scope,
    pub gate: Option<&'static str>,
    pub title: &'static str,
    pub intro: Text,
    pub start: &'static str,
    pub nodes: &'static [Node],
}

#[derive(Debug)]
pub struct Node {
    pub id: &'static str,
    pub kind: NodeKind,
    pub text: Text,
    pub help: Option<Text>,
    pub script: Option<ScriptKind>,
    pub gate: Option<&'static str>,
    /// The answer the troubleshooting task establishes when it reports every check passed
    /// (`Next` for a step): after "All checks passed", the node is shown as done by the task.
    pub task_checked: Option<&'static str>,
    /// The Learn section that explains it (`crate::learn::section`).
    pub learn: Option<LearnLink>,
}

#[derive(Debug)]
pub enum NodeKind {
    Step { next: &'static str },
    Question { answers: &'static [Answer] },
}

#[derive(Debug)]
pub struct Answer {
    pub label: &'static str,
    pub next: &'static str,
}

/// A finding the paste analysis can report, with its documented next steps.
#[derive(Debug)]
pub struct FindingInfo {
    pub id: FindingId,
    pub severity: Severity,
    pub title: &'static str,
    pub explanation: Text,
    /// What a parameter means, under the explanation when the finding has that parameter
    /// (`content/findings.json` `notes`).
    pub notes: &'static [(Param, Text)],
    pub next_steps: &'static [Text],
    /// Steps shown only when a parameter has a value (`content/findings.json` `when_steps`):
    /// `feature` = `ad-replication` gives the other feature's own troubleshooting before the
    /// general steps (`true`), `grant` = `failed` the re-grant steps after them (`false`).
    pub when_steps: &'static [(Param, &'static str, bool, &'static [Text])],
    /// `path/node` of the guided-path node this finding belongs to.
    pub node: Option<&'static str>,
    /// A result in `results.json` whose fix applies too.
    pub result: Option<&'static str>,
    /// The findings that name this one's cause: when the paste shows exactly one of them, this
    /// finding's evidence joins it (`content/findings.json` `causes`).
    pub causes: &'static [FindingId],
    /// The Learn section that explains it (`crate::learn::section`).
    pub learn: Option<LearnLink>,
}

include!(concat!(env!("OUT_DIR"), "/knowledge.rs"));

impl FindingInfo {
    /// What to do, as the reader sees it: the documented result's fix first (the article's
    /// words, then any additions in it), then the finding's own next steps. Within that, the
    /// article's words come before PHS Doctor's advice.
    pub fn steps(&self) -> Vec<Text> {
        self.steps_for(&[])
    }

    /// The notes of the parameters a finding has, in the content's order.
    pub fn notes_for(&self, params: &[(Param, String)]) -> Vec<Text> {
        self.notes.iter().filter(|(k, _)| params.iter().any(|(p, _)| p == k)).map(|(_, t)| *t).collect()
    }

    /// [`FindingInfo::steps`] for a finding with these parameters: the steps of each `feature`
    /// it names come before its general steps.
    pub fn steps_for(&self, params: &[(Param, String)]) -> Vec<Text> {
        let fix = self.result.and_then(result).map_or(&[][..], |r| r.fix);
        // In the order the parameters are stated, each value once.
        let mut given: Vec<(Param, &str)> = Vec::new();
        for (k, v) in params {
            if !given.contains(&(*k, v.as_str())) {
                given.push((*k, v));
            }
        }
        let when = |first: bool| {
            given.iter().flat_map(move |&(k, v)| {
                self.when_steps.iter().filter(move |w| w.0 == k && w.1 == v && w.2 == first).flat_map(|w| w.3.iter())
            })
        };
        let all: Vec<Text> = when(true).chain(fix.iter()).chain(self.next_steps).chain(when(false)).copied().collect();
        let (article, added): (Vec<Text>, Vec<Text>) = all.into_iter().partition(|t| t.source.is_article());
        article.into_iter().chain(added).collect()
    }
}

/// Steps shown together under one label: a run of the article's words or a run of PHS
/// Doctor's advice.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct AdviceGroup {
    pub from_article: bool,
    /// "Microsoft's article (section “…”)" (every section of the run) or "PHS Doctor's advice".
    pub label: String,
    pub steps: Vec<Text>,
}

/// `steps` in order, grouped into runs of the article's words and of PHS Doctor's advice (each
/// step of the latter names its own source: [`Source::citation`]).
pub fn advice_groups(steps: &[Text]) -> Vec<AdviceGroup> {
    let mut groups: Vec<AdviceGroup> = Vec::new();
    for t in steps {
        let from_article = t.source.is_article();
        match groups.last_mut() {
            Some(g) if g.from_article == from_article => g.steps.push(*t),
            _ => groups.push(AdviceGroup { from_article, label: String::new(), steps: vec![*t] }),
        }
    }
    for g in &mut groups {
        g.label = if g.from_article {
            let mut sections: Vec<&str> = Vec::new();
            for t in &g.steps {
                if let Some(s) = t.source.section.filter(|s| !sections.contains(s)) {
                    sections.push(s);
                }
            }
            let quoted: Vec<String> = sections.iter().map(|s| format!("\u{201c}{s}\u{201d}")).collect();
            match quoted.len() {
                0 => "Microsoft's article".to_string(),
                1 => format!("Microsoft's article (section {})", quoted[0]),
                _ => format!("Microsoft's article (sections {})", quoted.join(", ")),
            }
        } else {
            "PHS Doctor's advice".to_string()
        };
    }
    groups
}

/// Knowledge items are static and unique: identity is the id (nodes: the address).
macro_rules! eq_by {
    ($t:ty, |$a:ident, $b:ident| $e:expr) => {
        impl PartialEq for $t {
            fn eq(&self, other: &Self) -> bool {
                let ($a, $b) = (self, other);
                $e
            }
        }
        impl Eq for $t {}
    };
}
eq_by!(PathInfo, |a, b| a.id == b.id);
eq_by!(ResultInfo, |a, b| a.id == b.id);
eq_by!(StatusInfo, |a, b| a.name == b.name);
eq_by!(Node, |a, b| std::ptr::eq(a, b));

/// Where a node reference points.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Target {
    Node { path: &'static PathInfo, node: &'static Node },
    Result(&'static ResultInfo),
    Status(&'static StatusInfo),
}

impl Target {
    /// A stable reference: `path/node`, `result:id` or `status:Name`.
    pub fn reference(self) -> String {
        match self {
            Target::Node { path, node } => format!("{}/{}", path.id, node.id),
            Target::Result(r) => format!("result:{}", r.id),
            Target::Status(s) => format!("status:{}", s.name),
        }
    }
}

/// Why a reference did not resolve.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct BadRef(pub String);

impl fmt::Display for BadRef {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "unresolved reference `{}`", self.0)
    }
}

/// Resolves `node`, `path/node`, `result:id` or `status:Name`, relative to `from`.
pub fn resolve(from: &'static PathInfo, reference: &str) -> Result<Target, BadRef> {
    let bad = || BadRef(reference.to_string());
    if let Some(id) = reference.strip_prefix("result:") {
        return result(id).map(Target::Result).ok_or_else(bad);
    }
    if let Some(name) = reference.strip_prefix("status:") {
        return status(name).map(Target::Status).ok_or_else(bad);
    }
    let (path, node_id) = match reference.split_once('/') {
        Some((p, n)) => (path(p).ok_or_else(bad)?, n),
        None => (from, reference),
    };
    path.node(node_id).map(|node| Target::Node { path, node }).ok_or_else(bad)
}

impl PathInfo {
    pub fn node(&'static self, id: &str) -> Option<&'static Node> {
        self.nodes.iter().find(|n| n.id == id)
    }

    pub fn start_node(&'static self) -> Option<&'static Node> {
        self.node(self.start)
    }
}

impl Node {
    /// Every reference this node can lead to, in order.
    pub fn nexts(&self) -> Vec<&'static str> {
        match &self.kind {
            NodeKind::Step { next } => vec![next],
            NodeKind::Question { answers } => answers.iter().map(|a| a.next).collect(),
        }
    }
}

pub fn event(id: u32) -> Option<&'static EventInfo> {
    EVENTS.iter().find(|e| e.id == id)
}

/// The events of the doc's table (601–668), without event 0.
pub fn table_events() -> impl Iterator<Item = &'static EventInfo> {
    EVENTS.iter().filter(|e| e.in_table)
}

/// Case-insensitive look-up of a log status value.
pub fn status(name: &str) -> Option<&'static StatusInfo> {
    let name = name.trim();
    STATUSES.iter().find(|s| s.name.eq_ignore_ascii_case(name))
}

pub fn gate(id: &str) -> Option<&'static Gate> {
    GATES.iter().find(|g| g.id == id)
}

pub fn result(id: &str) -> Option<&'static ResultInfo> {
    RESULTS.iter().find(|r| r.id == id)
}

pub fn path(id: &str) -> Option<&'static PathInfo> {
    PATHS.iter().find(|p| p.id == id)
}

pub fn path_for(method: Method, scope: Scope) -> Option<&'static PathInfo> {
    PATHS.iter().find(|p| p.method == method && p.scope == scope)
}

/// A finding by the id `content/findings.json` gives it (for input such as a CLI argument;
/// code names a finding by its [`FindingId`]).
pub fn finding(id: &str) -> Option<&'static FindingInfo> {
    FindingId::parse(id).map(FindingId::info)
}

impl FindingId {
    /// Its definition in `content/findings.json`.
    pub fn info(self) -> &'static FindingInfo {
        &FINDINGS[self as usize]
    }

    pub fn parse(id: &str) -> Option<FindingId> {
        FindingId::ALL.iter().copied().find(|f| f.as_str() == id)
    }
}

impl Param {
    /// A value as people read it: its meaning when it is a known one (`content/findings.json`
    /// `params` `values`), a finding's title when the parameter names a finding (`earlier`,
    /// `conflicts_with`, `newer`), else itself.
    pub fn show(self, value: &str) -> std::borrow::Cow<'_, str> {
        if let Some(label) = self.value_label(value) {
            return std::borrow::Cow::Borrowed(label);
        }
        if matches!(self, Param::Earlier | Param::ConflictsWith | Param::Newer) {
            if let Some(f) = FindingId::parse(value) {
                return std::borrow::Cow::Borrowed(f.info().title);
            }
        }
        std::borrow::Cow::Borrowed(value)
    }

    /// [`Param::show`] is something other than the value itself.
    pub fn has_meaning(self, value: &str) -> bool {
        self.show(value) != value
    }
}

impl fmt::Display for FindingId {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

impl fmt::Display for Param {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

/// Why an event look-up failed, with the nearest IDs that exist.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct UnknownEvent {
    pub query: String,
    pub nearest: Vec<u32>,
}

impl fmt::Display for UnknownEvent {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self.query.trim().parse::<u64>() {
            Ok(_) => write!(f, "event {} is not a password hash sync event in the doc", self.query.trim())?,
            Err(_) => write!(f, "\"{}\" is not an event ID (a number such as 611)", clip(&self.query))?,
        }
        if !self.nearest.is_empty() {
            let list: Vec<String> = self.nearest.iter().map(u32::to_string).collect();
            write!(f, "; did you mean {}?", list.join(" or "))?;
        }
        Ok(())
    }
}

fn clip(s: &str) -> String {
    let t: String = s.chars().filter(|c| !c.is_control()).take(40).collect();
    if s.chars().count() > 40 {
        format!("{t}…")
    } else {
        t
    }
}

/// Looks up an event ID given as text (`611`, ` 0611 `, `ID 611`).
pub fn lookup_event(query: &str) -> Result<&'static EventInfo, UnknownEvent> {
    let digits = query.trim().trim_start_matches(|c: char| c.is_ascii_alphabetic() || c == ' ' || c == ':');
    let parsed = digits.trim().parse::<u64>().ok();
    if let Some(e) = parsed.and_then(|n| u32::try_from(n).ok()).and_then(event) {
        return Ok(e);
    }
    let nearest = match parsed {
        Some(n) => {
            let mut ids: Vec<u32> = EVENTS.iter().map(|e| e.id).filter(|&id| id != 0).collect();
            crate::order::sort_by_key(&mut ids, |&id| (u64::from(id)).abs_diff(n));
            ids.into_iter().take(2).filter(|&id| u64::from(id).abs_diff(n) <= 5).collect()
        }
        None => vec![],
    };
    Err(UnknownEvent { query: query.to_string(), nearest })
}

/// Why a status look-up failed.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct UnknownStatus {
    pub query: String,
    pub suggestion: Option<&'static str>,
}

impl fmt::Display for UnknownStatus {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "\"{}\" is not a password hash sync log status", clip(&self.query))?;
        match self.suggestion {
            Some(s) => write!(f, "; did you mean {s}?"),
            None => {
                let names: Vec<&str> = STATUSES.iter().map(|s| s.name).collect();
                write!(f, "; the values are {}", names.join(", "))
            }
        }
    }
}

/// Why a result look-up failed.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct UnknownResult {
    pub query: String,
    pub suggestion: Option<&'static str>,
}

impl fmt::Display for UnknownResult {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "\"{}\" is not a documented result", clip(&self.query))?;
        match self.suggestion {
            Some(s) => write!(f, "; did you mean {s}?"),
            None => write!(f, "; the results are listed by phs-doctor path (for example staging-mode, no-heartbeat)"),
        }
    }
}

/// Looks up a documented result by id (`staging-mode`, or `result:staging-mode` as the paths
/// write it), case-insensitively.
pub fn lookup_result(query: &str) -> Result<&'static ResultInfo, UnknownResult> {
    let q = query.trim();
    let id = q.strip_prefix("result:").unwrap_or(q);
    RESULTS
        .iter()
        .find(|r| r.id.eq_ignore_ascii_case(id))
        .ok_or_else(|| UnknownResult { query: query.to_string(), suggestion: suggest::closest(id, RESULTS.iter().map(|r| r.id)) })
}

pub fn lookup_status(query: &str) -> Result<&'static StatusInfo, UnknownStatus> {
    status(query)
        .ok_or_else(|| UnknownStatus { query: query.to_string(), suggestion: suggest::closest(query, STATUSES.iter().map(|s| s.name)) })
}

/// Events that match every word of `query`: a number matches the start of the ID, other words
/// the description, category or note (case-insensitive). An empty query matches all.
pub fn filter_events(query: &str) -> Vec<&'static EventInfo> {
    let words: Vec<String> = query.split_whitespace().map(str::to_lowercase).collect();
    EVENTS
        .iter()
        .filter(|e| {
            let hay = format!(
                "{} {} {} {}{}",
                e.id,
                e.description.to_lowercase(),
                e.category.as_str(),
                e.note.map(|n| n.plain()).unwrap_or_default().to_lowercase(),
                if e.connectivity() { " connectivity" } else { "" }
            );
            words.iter().all(|w| {
                // A number is an event ID (or the start of one), not text inside a description.
                if w.bytes().all(|b| b.is_ascii_digit()) {
                    e.id.to_string().starts_with(w.as_str())
                } else {
                    hay.contains(w.as_str())
                }
            })
        })
        .collect()
}

#[cfg(test)]
mod tests {
    #[test]
    fn known_values_are_shown_by_their_meaning_and_others_as_they_are() {
        use super::Param;
        assert_eq!(Param::Feature.show("mim"), "Microsoft Identity Manager");
        assert_eq!(Param::Reason.show("mfa"), "Multifactor authentication or Conditional Access on the Sync_ account");
        assert_eq!(Param::Feature.show("not-a-feature"), "not-a-feature");
        assert_eq!(Param::Domain.show("mim"), "mim", "a domain is shown as pasted");
        assert_eq!(Param::Earlier.show("staging-mode"), "The Connect server is in staging mode");
        assert_eq!(Param::Newer.show("unknown"), "Unknown: the paste's times of the two can't be put in order");
        assert_eq!(Param::Newer.show("heartbeat-ok"), "Password hash sync heartbeat found");
    }

    #[test]
    fn an_explanation_beyond_the_article_is_a_summary() {
        for info in FINDINGS {
            let s = info.explanation.source;
            let (label, summary) = (s.label(), s.summary_label());
            if s.is_article() {
                assert_eq!(label, summary);
            } else {
                assert_eq!((label.as_str(), summary.as_str()), ("PHS Doctor's advice", "PHS Doctor's summary"));
            }
        }
    }

    use std::collections::{HashSet, VecDeque};

    use super::*;

    /// A parameter's note shows only on a finding that has the parameter, and every note's
    /// parameter is one the finding's explanation no longer spells out.
    #[test]
    fn notes_only_with_their_parameter() {
        let info = FindingId::HeartbeatOk.info();
        assert!(info.notes_for(&[(Param::Event, "654".into())]).is_empty());
        let with = info.notes_for(&[(Param::ConflictsWith, "no-heartbeat".into()), (Param::Newer, "unknown".into())]);
        assert_eq!(with.len(), 1);
        assert!(with[0].plain().contains("no heartbeat was found"), "{}", with[0].plain());
        for f in FINDINGS {
            for (p, _) in f.notes {
                assert!(
                    !f.explanation.plain().contains(&format!("With {}", p.as_str())),
                    "{}: {p:?} is in the explanation too",
                    f.id.as_str()
                );
            }
        }
    }

    include!(concat!(env!("OUT_DIR"), "/plain_check.rs"));

    /// Only the HTML is compiled in: the plain text derived from it at run time is the plain
    /// text of the markdown, for every content text.
    #[test]
    fn plain_text_from_html_equals_plain_text_from_markdown() {
        assert!(PLAIN_CHECK.len() > 200, "{}", PLAIN_CHECK.len());
        for (html, plain) in PLAIN_CHECK {
            assert_eq!(Text { html, source: SOURCES[0] }.plain_for_page(), *plain, "{html:?}");
        }
    }

    /// Issue 9: "…synchronization.You can paste…" never again. No text's plain form has a
    /// sentence end glued to the next sentence (code spans, such as `System.IO`, aside).
    #[test]
    fn sentences_never_fuse() {
        for (html, _) in PLAIN_CHECK {
            let mut h = String::new();
            let mut rest = *html;
            while let Some(i) = rest.find("<code") {
                h.push_str(&rest[..i]);
                rest = rest[i..].split_once("</code>").map_or("", |(_, after)| after);
                h.push_str("CODE");
            }
            h.push_str(rest);
            for cli in [false, true] {
                let plain = crate::markup::html_to_plain(&h, cli);
                let b = plain.as_bytes();
                for i in 1..b.len().saturating_sub(1) {
                    let fused = b[i] == b'.' && (b[i - 1].is_ascii_lowercase() || b[i - 1] == b')') && b[i + 1].is_ascii_uppercase();
                    assert!(!fused, "fused sentences in {plain:?}");
                }
            }
        }
        let checks = path("task-all").unwrap().node("checks").unwrap();
        assert!(checks.text.plain().ends_with("permissions required for password hash synchronization."), "{}", checks.text.plain());
    }

    #[test]
    fn every_event_step_resolves() {
        for e in EVENTS {
            if let Some(r) = e.step {
                resolve(&PATHS[0], r).unwrap_or_else(|err| panic!("event {}: {err}", e.id));
            }
            if e.severity == Severity::Error {
                assert!(e.step.is_some(), "event {}: an error event names its step", e.id);
            }
        }
    }

    #[test]
    fn the_event_table_is_complete() {
        let ids: Vec<u32> = table_events().map(|e| e.id).collect();
        let expected: Vec<u32> = (601..=607).chain(609..=623).chain(650..=668).collect();
        assert_eq!(ids, expected, "the doc's table: 601-623 without 608, then 650-668");
        assert_eq!(ids.len(), 41);
        assert!(event(608).is_none());
        assert!(event(0).is_some_and(|e| e.connectivity() && !e.in_table));
        for id in [0, 611, 652, 655] {
            assert!(event(id).unwrap().connectivity(), "{id}");
        }
        assert!(!event(654).unwrap().connectivity());
        assert_eq!(CONNECTIVITY_SOURCE, "Directory synchronization");
        assert_eq!(event(613).unwrap().category, EventCategory::FullSync);
        assert_eq!(event(654).unwrap().category, EventCategory::Heartbeat);
        for c in EventCategory::ALL {
            assert!(EVENTS.iter().any(|e| e.category == c), "{c:?} unused");
        }
    }

    /// The article's two tables and its headings, kept in the repository
    /// (`tests/fixtures/article/tables.md`, attributed there).
    const ARTICLE_TABLES: &str = include_str!(concat!(env!("CARGO_MANIFEST_DIR"), "/../tests/fixtures/article/tables.md"));

    /// The rows of the fixture's tables: (first cell, second cell).
    fn article_rows() -> Vec<(&'static str, &'static str)> {
        ARTICLE_TABLES
            .lines()
            .filter_map(|line| {
                let cells: Vec<&str> = line.split('|').map(str::trim).collect();
                (cells.len() == 4 && !cells[1].starts_with("---") && !["Status", "Event ID"].contains(&cells[1]))
                    .then(|| (cells[1], cells[2]))
            })
            .collect()
    }

    #[test]
    fn the_event_table_matches_the_article() {
        let rows: Vec<(u32, &str)> = article_rows().into_iter().filter_map(|(id, d)| id.parse().ok().map(|id| (id, d))).collect();
        assert_eq!(rows.len(), 41);
        for (id, description) in &rows {
            assert_eq!(event(*id).map(|e| e.description), Some(*description), "event {id}");
        }
        assert_eq!(rows.len(), table_events().count());
        for e in table_events() {
            assert!(e.description_source.is_article(), "event {}", e.id);
        }
    }

    #[test]
    fn the_status_table_matches_the_article() {
        let rows: Vec<(&str, &str)> = article_rows().into_iter().filter(|(name, _)| name.parse::<u32>().is_err()).collect();
        assert_eq!(rows.len(), 10);
        for (name, description) in rows {
            let s = status(name).unwrap_or_else(|| panic!("status {name}"));
            assert_eq!(s.name, name);
            assert_eq!(s.description.plain(), description.replace("**", "").trim(), "{name}");
            assert!(s.description.source.is_article(), "{name}");
        }
    }

    /// Every article section a text cites is a heading of the article (a `>` separates a
    /// subsection from its section).
    #[test]
    fn every_cited_section_is_a_heading_of_the_article() {
        let headings: Vec<&str> = ARTICLE_TABLES.lines().filter_map(|l| l.strip_prefix("- ")).collect();
        assert!(headings.len() > 20);
        let cited: Vec<&Source> = SOURCES.iter().copied().filter(|s| s.is_article()).collect();
        assert!(cited.len() > 15, "{}", cited.len());
        for s in cited {
            for part in s.section.unwrap().split(" > ") {
                assert!(headings.contains(&part), "{part:?} is not a heading of the article");
            }
        }
        for s in SOURCES {
            assert!(s.url.is_empty() || s.url.starts_with("https://"), "{s:?}");
            assert!(s.kind != SourceKind::Inference || s.reason.is_some_and(|r| !r.is_empty()), "{s:?}");
        }
    }

    /// The fixture is the article: compared with the copy beside the repository when there is
    /// one (the tests above run on every machine with the fixture alone).
    #[test]
    fn the_article_fixture_is_verbatim() {
        let seed = concat!(env!("CARGO_MANIFEST_DIR"), "/../../shared/seeds/000_67b3daae3cac36ac.txt");
        let Ok(doc) = std::fs::read_to_string(seed) else {
            eprintln!("no copy of the article at {seed}; the fixture alone was used");
            return;
        };
        let doc_lines: HashSet<&str> = doc.lines().map(str::trim_end).collect();
        let headings: HashSet<&str> = doc.lines().filter(|l| l.starts_with('#')).map(|l| l.trim_start_matches('#').trim()).collect();
        for line in ARTICLE_TABLES.lines() {
            if line.starts_with('|') {
                assert!(doc_lines.contains(line.trim_end()), "not in the article: {line}");
            } else if let Some(h) = line.strip_prefix("- ") {
                assert!(headings.contains(h), "not a heading of the article: {h}");
            }
        }
    }

    #[test]
    fn the_ten_status_values() {
        let names: Vec<&str> = STATUSES.iter().map(|s| s.name).collect();
        assert_eq!(
            names,
            [
                "Success",
                "FilteredByTarget",
                "NoTargetConnection",
                "SourceConnectorNotPresent",
                "TargetNotExportedToDirectory",
                "MigratedCheckDetailsForMoreInfo",
                "Error",
                "Unknown",
                "MissingAttribute",
                "RetryRequestedByTarget"
            ]
        );
        for s in STATUSES {
            assert!(!s.description.plain().is_empty() && !s.next_step.plain().is_empty(), "{}", s.name);
            if let Some(g) = s.gate {
                assert!(gate(g).is_some(), "{}: gate {g}", s.name);
            }
        }
        assert_eq!(status("filteredbytarget").unwrap().name, "FilteredByTarget");
        assert!(status("Filtered").is_none());
    }

    #[test]
    fn version_gates() {
        let v = |id: &str| gate(id).unwrap().min.to_string();
        assert_eq!(v("diagnostic-cmdlet"), "1.1.524.0");
        assert_eq!(v("troubleshooting-task"), "1.1.614.0");
        assert_eq!(v("temporary-passwords"), "2.0.3.0");
        assert_eq!(v("legacy-log"), "1.0.9125.0");
        let g = gate("temporary-passwords").unwrap();
        assert_eq!(g.status(None), GateStatus::Unknown);
        assert_eq!(g.status(Some(ConnectVersion([2, 0, 3, 0]))), GateStatus::Met);
        assert_eq!(g.status(Some(ConnectVersion([1, 6, 16, 0]))), GateStatus::NotMet);
    }

    #[test]
    fn six_paths_one_per_method_and_scope() {
        assert_eq!(PATHS.len(), 6);
        for m in [Method::Task, Method::Cmdlet, Method::Manual] {
            for s in [Scope::All, Scope::Object] {
                assert!(path_for(m, s).is_some(), "{m:?} {s:?}");
            }
        }
        assert_eq!(path("task-all").unwrap().gate, Some("troubleshooting-task"));
        assert_eq!(path("cmdlet-object").unwrap().gate, Some("diagnostic-cmdlet"));
    }

    #[test]
    fn every_reference_resolves_and_every_gate_exists() {
        for p in PATHS {
            assert!(p.start_node().is_some(), "{}: start", p.id);
            if let Some(g) = p.gate {
                assert!(gate(g).is_some(), "{}: gate {g}", p.id);
            }
            let mut seen = HashSet::new();
            for n in p.nodes {
                assert!(seen.insert(n.id), "{}: duplicate node {}", p.id, n.id);
                assert!(!n.nexts().is_empty(), "{}/{}: dead end", p.id, n.id);
                for r in n.nexts() {
                    resolve(p, r).unwrap_or_else(|e| panic!("{}/{}: {e}", p.id, n.id));
                }
                if let Some(g) = n.gate {
                    assert!(gate(g).is_some(), "{}/{}: gate {g}", p.id, n.id);
                }
            }
        }
        for r in RESULTS {
            assert!(!r.fix.is_empty(), "{}: no fix", r.id);
            for c in r.conts {
                resolve(&PATHS[0], c.next).unwrap_or_else(|e| panic!("result {}: {e}", r.id));
                if let Some(p) = c.path {
                    assert!(path(p).is_some(), "result {}: path {p}", r.id);
                }
            }
            if let Some(g) = r.gate {
                assert!(gate(g).is_some(), "result {}: gate {g}", r.id);
            }
        }
        for f in FINDINGS {
            if let Some(r) = f.result {
                assert!(result(r).is_some(), "finding {}: result {r}", f.id);
            }
            if let Some(n) = f.node {
                resolve(&PATHS[0], n).unwrap_or_else(|e| panic!("finding {}: {e}", f.id));
            }
        }
    }

    /// Every node of every path can be reached from the path's start (possibly through other
    /// paths), every result is used somewhere, and no path can loop forever without an exit.
    #[test]
    fn every_node_is_reachable_and_every_result_used() {
        let mut reached: HashSet<(&str, &str)> = HashSet::new();
        let mut results_used: HashSet<&str> = HashSet::new();
        let mut statuses_used: HashSet<&str> = HashSet::new();
        for p in PATHS {
            let mut queue = VecDeque::from([(p, p.start_node().unwrap())]);
            while let Some((path, node)) = queue.pop_front() {
                if !reached.insert((path.id, node.id)) {
                    continue;
                }
                for r in node.nexts() {
                    match resolve(path, r).unwrap() {
                        Target::Node { path, node } => queue.push_back((path, node)),
                        Target::Result(res) => {
                            results_used.insert(res.id);
                            for c in res.conts {
                                if let Target::Node { path, node } = resolve(path, c.next).unwrap() {
                                    queue.push_back((path, node));
                                }
                            }
                        }
                        Target::Status(s) => {
                            statuses_used.insert(s.name);
                            if let Target::Node { path, node } = resolve(path, STATUS_CONTINUE.next).unwrap() {
                                queue.push_back((path, node));
                            }
                        }
                    }
                }
            }
        }
        for p in PATHS {
            for n in p.nodes {
                assert!(reached.contains(&(p.id, n.id)), "{}/{} unreachable", p.id, n.id);
            }
        }
        for r in RESULTS {
            assert!(results_used.contains(r.id), "result {} is never reached", r.id);
        }
        assert_eq!(statuses_used.len(), STATUSES.len());
    }

    #[test]
    fn the_documented_results_are_there() {
        let task_all: Vec<&str> = answers_of("task-all", "outcome");
        for r in ["phs-disabled-tenant", "staging-mode", "no-heartbeat", "ad-permissions", "ad-credentials"] {
            assert!(task_all.contains(&r), "task-all lacks {r}");
            assert!(answers_of("cmdlet-all", "outcome").contains(&r), "cmdlet-all lacks {r}");
        }
        for r in ["object-not-exported", "temporary-password", "no-sync-history"] {
            assert!(answers_of("task-object", "outcome").contains(&r));
            assert!(answers_of("cmdlet-object", "outcome").contains(&r));
        }
        assert!(result("temporary-password")
            .unwrap()
            .fix
            .iter()
            .any(|f| f.plain().contains("2.0.3.0") && f.plain().contains("ForcePasswordChangeOnLogon")));
    }

    fn answers_of(path_id: &str, node_id: &str) -> Vec<&'static str> {
        let p = path(path_id).unwrap();
        p.node(node_id).unwrap().nexts().into_iter().filter_map(|r| r.strip_prefix("result:")).collect()
    }

    #[test]
    fn markdown_is_rendered_at_build_time() {
        let s2 = path("task-all").unwrap().node("s2").unwrap();
        assert_eq!(s2.text.plain(), "Run Set-ExecutionPolicy RemoteSigned or Set-ExecutionPolicy Unrestricted.");
        assert!(s2.text.html.contains(
            "<code class=\"cmd\">Set-ExecutionPolicy RemoteSigned</code><button type=\"button\" class=\"copy-cmd\" data-cmd=\"0\""
        ));
        let checks = path("task-all").unwrap().node("checks").unwrap();
        assert!(checks.text.html.contains("<li>"));
        assert!(checks.text.plain().contains("\n- Validates"));
    }

    /// Issue 12: every command a step shows has a copy button, and `Text::commands` is what
    /// each copies; other code spans (names, messages, file names) have none.
    #[test]
    fn commands_in_texts_have_copy_buttons() {
        let node = |p: &str, n: &str| path(p).unwrap().node(n).unwrap().text;
        assert_eq!(node("task-all", "s2").commands(), ["Set-ExecutionPolicy RemoteSigned", "Set-ExecutionPolicy Unrestricted"]);
        assert_eq!(node("cmdlet-all", "s3").commands(), ["Import-Module ADSyncDiagnostics"]);
        assert_eq!(node("cmdlet-all", "s4").commands(), ["Invoke-ADSyncDiagnostics -PasswordSync"]);
        let mut all = Vec::new();
        for (html, plain) in PLAIN_CHECK {
            let text = Text { html, source: SOURCES[0] };
            let commands = text.commands();
            assert_eq!(html.matches("class=\"copy-cmd\"").count(), commands.len(), "{html}");
            for (i, c) in commands.iter().enumerate() {
                assert!(html.contains(&format!("data-cmd=\"{i}\"")), "{html}");
                // The command as written in the text, entities decoded.
                assert!(plain.contains(c.as_str()), "{c} not in {plain}");
            }
            all.extend(commands);
        }
        // Quotes and backslashes are decoded: the copy is what PowerShell reads.
        assert!(all.iter().any(|c| c.starts_with("Import-Module \"C:\\Program Files\\")), "{all:?}");
        assert!(all.iter().any(|c| c == "$credential = Get-Credential"), "{all:?}");
        // A cmdlet named as a cmdlet is a mention; run as a step, it is a command.
        let mention = path("cmdlet-all").unwrap().intro;
        assert!(mention.plain().contains("Invoke-ADSyncDiagnostics cmdlet"), "{}", mention.plain());
        assert!(mention.commands().is_empty(), "{:?}", mention.commands());
        for not in ["DrsException", "Error Code: 90", "Services.msc", "repadmin /options <DC>", "miiserver.exe.config"] {
            assert!(!all.iter().any(|c| c == not), "{not} is no command");
        }
    }

    #[test]
    fn lookups_with_suggestions() {
        assert_eq!(lookup_event("611").unwrap().id, 611);
        assert_eq!(lookup_event(" ID 654 ").unwrap().id, 654);
        let e = lookup_event("608").unwrap_err();
        assert_eq!(e.nearest, vec![607, 609]);
        assert!(e.to_string().contains("did you mean 607 or 609"));
        assert!(lookup_event("abc").unwrap_err().to_string().contains("not an event ID"));
        assert!(lookup_event("99999999999999999999999").is_err());
        assert_eq!(lookup_status("success").unwrap().name, "Success");
        let s = lookup_status("FilterdByTarget").unwrap_err();
        assert_eq!(s.suggestion, Some("FilteredByTarget"));
        assert!(lookup_status("zzz").unwrap_err().to_string().contains("the values are Success"));
    }

    #[test]
    fn event_filter() {
        assert_eq!(filter_events("").len(), EVENTS.len());
        let hb: Vec<u32> = filter_events("heartbeat").iter().map(|e| e.id).collect();
        assert!(hb.contains(&654) && hb.contains(&653));
        assert_eq!(filter_events("611").iter().map(|e| e.id).collect::<Vec<_>>(), vec![611]);
        let conn: Vec<u32> = filter_events("connectivity").iter().map(|e| e.id).collect();
        for id in [0, 611, 652, 655] {
            assert!(conn.contains(&id));
        }
        assert!(filter_events("full password synchronization completed").iter().any(|e| e.id == 623));
        assert!(filter_events("<script>").is_empty());
        assert_eq!(filter_events("62").len(), 4);
    }
}
