//! Every string the app shows that is not content from the core. Domain text (paths, results,
//! events, statuses, version reasons, validation messages) comes from `phs-doctor-core`.

use phs_doctor_core::analysis::{FullSyncState, RecordKind};
use phs_doctor_core::knowledge::{self, EventCategory, GateStatus};
use phs_doctor_core::lookup::{self, Concerns};
use phs_doctor_core::script::Field;
use phs_doctor_core::search::Kind;
use phs_doctor_core::walk::CurrentKind;
use phs_doctor_core::Severity;

pub const APP_NAME: &str = "PHS Doctor";
pub const TAGLINE: &str = "Troubleshoot password hash synchronization";
pub const SKIP_TO_CONTENT: &str = "Skip to content";
pub const NAV_LABEL: &str = "Main";
pub const FOOTER: &str = "PHS Doctor runs entirely in your browser: nothing you type leaves this page. \
    Text marked \u{201c}Microsoft's article\u{201d} (with its section) is from Microsoft's \
    \u{201c}Troubleshoot password hash synchronization with Microsoft Entra Connect Sync\u{201d} (2025 \
    revision): its steps, its results, its event table and its status values. Text marked \
    \u{201c}PHS Doctor's advice\u{201d} goes beyond the article: it names its public source, or says \
    that it is PHS Doctor's inference and why.";

// Navigation (see `route::NAV`).
pub const NAV_HOME: &str = "Start";
pub const NAV_ANALYZE: &str = "Analyze";
pub const NAV_EVENTS: &str = "Event IDs";
pub const NAV_STATUSES: &str = "Status values";
pub const NAV_SCRIPTS: &str = "Scripts";
pub const NAV_ERRORS: &str = "Error codes";
pub const NAV_LEARN: &str = "Learn";
/// The start page's title, as in `index.html`.
pub const TITLE_HOME: &str = "PHS Doctor \u{2014} password hash sync troubleshooting";

// Home
pub const HOME_TITLE: &str = "Why aren't passwords syncing?";
pub const HOME_LEAD: &str = "Answer two questions and PHS Doctor picks the troubleshooting path \
    for your Microsoft Entra Connect version, then walks you through it one step at a time.";
pub const VERSION_LABEL: &str = "Microsoft Entra Connect version";
pub const VERSION_HINT: &str = "In Synchronization Service Manager: Help > About. Or in Programs and \
    Features. Leave it empty if you don't know it.";
pub const VERSION_PLACEHOLDER: &str = "for example 2.4.129.0";
pub const VERSION_OK: &str = "Version";
pub const SCOPE_LEGEND: &str = "What's wrong?";
pub const RECOMMEND_TITLE: &str = "Recommended";
pub const START_PATH: &str = "Start";
pub const ALSO_TITLE: &str = "Also works on this version";
pub const TOOLS_TITLE: &str = "Look something up";
pub const TOOL_EVENTS: &str = "What an event ID in the Application log means";
pub const TOOL_STATUSES: &str = "What a status in an object's password sync log means";
pub const TOOL_SCRIPTS: &str = "PowerShell scripts with your connector names filled in";
pub const TOOL_ANALYZE: &str = "Paste troubleshooter output, the status script's output or event text and get findings";

// The collector, the fastest route (start page).
pub const FAST_TITLE: &str = "Fastest: collect everything at once";
pub const FAST_TEXT: &str = "Run PHS Doctor\u{2019}s read-only collector script on the Microsoft Entra \
    Connect server, then paste the block it prints on the Analyze page. It reads the version, \
    staging mode, the tenant feature, every connector, the heartbeats and the last day\u{2019}s events, \
    and changes no setting (it saves its block next to the script).";
pub const FAST_SCRIPT: &str = "1. Get the collector script";
pub const FAST_ANALYZE: &str = "2. Paste its block on Analyze";
pub const FAST_OR: &str = "Or answer the questions below and follow a guided path.";

// Version notices (`core::releases::notices`).
pub const NOTICES_TITLE: &str = "About this version";
pub const NOTICE_NEXT: &str = "Next step:";
pub const NOTICE_CHANGES: &str = "What this release changed for password hash sync";

/// The line above the notices: the version and where it came from.
pub fn notices_lead(version: &str, origin: &str, today: &str, data_date: &str) -> String {
    format!("Version {version}, {origin}. Judged on {today} against PHS Doctor\u{2019}s release list of {data_date}.")
}
pub const ORIGIN_TYPED: &str = "typed on the start page";
pub const ORIGIN_PASTE: &str = "found in the paste";
pub const ORIGIN_LINK: &str = "from the link";

// Walker
pub const WALK_CHANGE: &str = "\u{2190} Change version or symptom";
pub const WALK_VERSION: &str = "Version";
pub const WALK_NO_VERSION: &str = "Version not given: version notices can't be checked.";
pub const WALK_SET_VERSION: &str = "Enter it";
pub const WALK_CHANGE_VERSION: &str = "Change";
pub const WALK_VERSION_APPLY: &str = "Apply";
pub const WALK_VERSION_CANCEL: &str = "Cancel";

/// Said when a version entered on the walk is applied (the walk stays on its step).
pub fn walk_version_applied(v: phs_doctor_core::ConnectVersion) -> String {
    format!("Version {v} applied: this step\u{2019}s version notices are checked against it.")
}

/// "Step 3 of at most 9" (`walk::Progress`: the walk ends at or before step 9).
pub fn walk_progress(p: phs_doctor_core::walk::Progress) -> String {
    if p.step >= p.of_at_most {
        format!("Step {} of {}", p.step, p.of_at_most)
    } else {
        format!("Step {} of at most {}", p.step, p.of_at_most)
    }
}

/// Announced when the start page's recommendation changes while a version is typed.
pub fn recommendation_changed(method: &str, reason: &str) -> String {
    format!("Recommendation: {method}. {reason}")
}

/// The offer to skip the steps that run the task or the cmdlet.
pub fn skip_to_output(method: phs_doctor_core::knowledge::Method) -> &'static str {
    match method {
        phs_doctor_core::knowledge::Method::Cmdlet => "I already have the cmdlet\u{2019}s output \u{2192}",
        _ => "I already have the troubleshooter\u{2019}s output \u{2192}",
    }
}
pub const WALK_STALE_TITLE: &str = "This link no longer matches the guide";

/// The stale-link notice: how many of the link's answers still apply.
pub fn walk_stale(kept: usize, given: usize) -> String {
    match kept {
        0 => "The guide has changed since the link was made, and none of its answers fit any more. The path starts again at its first step.".to_string(),
        _ => format!("The guide has changed since the link was made: {kept} of its {given} answers still fit. This is the nearest step they lead to; go on from here."),
    }
}
pub const WALK_UNKNOWN_PATH: &str = "There is no troubleshooting path with this name.";
pub const WALK_BACK: &str = "\u{2190} Back";
pub const WALK_RESTART: &str = "Restart";
pub const WALK_NEXT: &str = "Done, next step";
pub const WALK_ANSWER_PROMPT: &str = "Choose the answer that fits:";
pub const WALK_FIX: &str = "What to do";
pub const WALK_SCRIPT: &str = "Open the script";
pub const WALK_SUMMARY: &str = "Your answers";
pub const WALK_DONE: &str = "\u{2713} Done";
pub const WALK_SUMMARY_EMPTY: &str = "Your answers appear here as you go. Select one to go back to it.";
pub const WALK_SUMMARY_HINT: &str = "Select an answer to go back to that point.";
pub const WALK_END: &str = "This is the end of the path.";
pub const WALK_NOW_ON: &str = "Now on:";

/// A check the troubleshooting task already made, with the answer it established.
pub fn done_by_task(answer: &str) -> String {
    format!("Done by the troubleshooting task: {answer}")
}

pub fn kind_label(kind: CurrentKind) -> &'static str {
    match kind {
        CurrentKind::Step => "Do this",
        CurrentKind::Question => "Question",
        CurrentKind::Result => "Result",
    }
}

pub fn severity_label(s: Severity) -> &'static str {
    match s {
        Severity::Error => "Problem",
        Severity::Warning => "Warning",
        Severity::Info => "Information",
        Severity::Ok => "OK",
    }
}

/// The line above a version gate's own text, for the user's version (`None`: not given).
pub fn gate_line(status: GateStatus, min: &str, version: Option<&str>) -> String {
    match (status, version) {
        (GateStatus::Met, Some(v)) => format!("Your version {v} is {min} or later."),
        (GateStatus::NotMet, Some(v)) => format!("Needs version {min} or later; you entered {v}."),
        _ => {
            format!("Needs version {min} or later. Enter your version on the start page to check.")
        }
    }
}

// Analyze
pub const ANALYZE_TITLE: &str = "Analyze a paste";
pub const ANALYZE_LEAD: &str = "Paste what the Microsoft Entra Connect server printed: the \
    troubleshooter's output, the status script's output, events from the Application log, or just \
    an error number. PHS Doctor finds what it says, with the lines that show it. The text stays in \
    this page: it is never put in the address, stored or sent anywhere.";
pub const PASTE_LABEL: &str = "Paste";
pub const PASTE_PLACEHOLDER: &str = "Paste here, for example an event 611 from Event Viewer \
    (Copy details as text) or the output of Invoke-ADSyncDiagnostics -PasswordSync; or drop a .txt or .log file";
pub const PASTE_CLEAR: &str = "Clear";
pub const OPEN_FILE: &str = "Open a file\u{2026}";
pub const FILE_FAILED: &str = "The file could not be read. Open it in Notepad, select all and paste it here.";
pub const UNDO: &str = "Undo";
pub const PASTE_RESTORED: &str = "The paste is back, with its findings.";

/// Said when a file was opened or dropped (its name is text, never markup).
pub fn file_opened(name: &str, bytes: usize) -> String {
    format!("Opened {name} ({}).", size(bytes))
}

pub fn file_too_big(bytes: usize) -> String {
    format!(
        "This file is {}: the page opens files up to 64 MB. Export fewer events (the newest first), or run phs-doctor diagnose <file> on the command line, which reads any size.",
        size(bytes)
    )
}

/// After Clear, beside "Undo".
pub fn paste_cleared(bytes: usize) -> String {
    format!("Paste cleared ({}).", size(bytes))
}
pub const PASTE_SAMPLES: &str = "Try a sample:";
pub const PASTE_EMPTY_COUNTS: &str = "Nothing pasted yet.";
pub const ANALYZING: &str = "Analysing\u{2026}";
pub const LARGE_PASTE_HINT: &str = "It is kept in this page\u{2019}s memory but not shown in the box, \
    which would make the page slow. Its lines appear next to the findings. Clear it to paste \
    something else.";

pub fn large_paste(bytes: usize) -> String {
    format!("Large paste: {}", size(bytes))
}
pub const WHAT_TO_PASTE: &str = "What you can paste";
/// The kinds of input the analysis reads, for the empty page and \u{201c}nothing recognised\u{201d}.
pub const FINDINGS_TITLE: &str = "Findings";
pub const MASK_NAMES: &str = "Mask names on this page (for a screenshot or a shared screen)";
pub const MASK_TOO_BIG: &str = "Masking works on pastes up to 2 MB; the report\u{2019}s redaction (Copy report) works on any size.";
pub const PASTE_HIDDEN_MASKED: &str =
    "The paste box is hidden while names are masked: it would show them. Your paste is kept; untick \u{201c}Mask names\u{201d} to see and edit it.";

/// Beside the switch: what the masking replaced.
pub fn masked_names(n: usize) -> String {
    match n {
        0 => "Nothing to mask: no names, addresses or identifiers found.".to_string(),
        1 => "1 name, address or identifier masked, with the same placeholder as in the redacted report.".to_string(),
        n => format!("{} names, addresses and identifiers masked, with the same placeholders as in the redacted report.", grouped(n)),
    }
}
pub const PASTE_VIEW_TITLE: &str = "Your paste";
pub const PASTE_VIEW_HINT: &str = "Select a finding to highlight its lines here.";
pub const SHOW_IN_PASTE: &str = "Show in the paste";
pub const SHOWN_IN_PASTE: &str = "Highlighted in the paste";
pub const FINDING_EVIDENCE: &str = "Lines that show it";
pub const FINDING_ERRORS: &str = "Error codes";
pub const FINDING_DETAILS: &str = "Details";
pub const FINDING_NEXT: &str = "What to do";
pub const ERROR_CAUSE: &str = "Cause";
pub const ERROR_FIX: &str = "Fix";
pub const LINE: &str = "Line";
pub const RECORDS_TITLE: &str = "Recognised";
pub const TIMELINE_TITLE: &str = "Timeline";
pub const TIMELINE_NEWEST: &str = "Newest event";
pub const TIMELINE_HEARTBEATS: &str = "Last heartbeat (event 654) per connector";
pub const TIMELINE_GAPS: &str = "Heartbeat gaps over 3 hours";
pub const TIMELINE_FULL_SYNC: &str = "Full password sync";
pub const COL_CONNECTOR: &str = "Connector";
pub const COL_LAST_HEARTBEAT: &str = "Last heartbeat";
pub const COL_COUNT: &str = "Heartbeats";
pub const COL_LINE: &str = "Line";
pub const COL_EVENT: &str = "Event";
pub const COL_TIME: &str = "Time";
pub const COL_SCOPE: &str = "Domain or forest";
pub const NO_CONNECTOR: &str = "(not named)";
pub const NO_TIME: &str = "(no time)";
pub const REPORT_BLOCK_HINT: &str = "The collector\u{2019}s block, decoded: everything it holds, as it will be shared if you share the paste. Its facts are in the findings above.";
pub const REPORT_BLOCK_SHOW: &str = "Show the block in the paste";

pub fn report_block_title(line: usize) -> String {
    format!("What the collector\u{2019}s block holds (line {})", grouped(line))
}

pub const UNPARSED_HINT: &str = "PHS Doctor shows what it didn\u{2019}t understand instead of \
    guessing. If one of these lines matters, look it up on the Event IDs page or in the guided path.";

pub const NO_FINDINGS: &str = "No findings.";

pub fn findings_summary(total: usize, parts: &[String]) -> String {
    match total {
        0 => NO_FINDINGS.to_string(),
        1 => format!("1 finding: {}", parts.join(", ")),
        n => format!("{n} findings: {}", parts.join(", ")),
    }
}

/// The link from a finding to its place in a guided path: a step, or a result (its title).
pub fn finding_path(step: usize, result: Option<&str>, path: &str) -> String {
    match result {
        Some(r) => format!("Guided path: \u{201c}{r}\u{201d}, step {step} of \u{201c}{path}\u{201d} \u{2192}"),
        None => format!("Guided path: step {step} of \u{201c}{path}\u{201d} \u{2192}"),
    }
}

pub fn severity_count(s: Severity, n: usize) -> String {
    let word = match (s, n) {
        (Severity::Error, 1) => "problem",
        (Severity::Error, _) => "problems",
        (Severity::Warning, 1) => "warning",
        (Severity::Warning, _) => "warnings",
        (Severity::Info, _) => "information",
        (Severity::Ok, _) => "OK",
    };
    format!("{n} {word}")
}

/// `1,234`: counts and sizes read better grouped.
pub fn grouped(n: usize) -> String {
    phs_doctor_core::number::grouped(n as u64)
}

/// A byte count as people read it: `812 bytes`, `14.2 KB`, `20.0 MB`. Integer arithmetic (one
/// decimal, rounded half to even like `{:.1}`): float formatting would add ~10 KB to the wasm.
pub fn size(bytes: usize) -> String {
    let (unit, name) = if bytes < 1024 {
        return format!("{bytes} bytes");
    } else if bytes < 1024 * 1024 {
        (1024u128, "KB")
    } else {
        (1024 * 1024, "MB")
    };
    let scaled = bytes as u128 * 10;
    let (q, r) = (scaled / unit, scaled % unit);
    let tenths = if r * 2 > unit || (r * 2 == unit && q % 2 == 1) { q + 1 } else { q };
    format!("{}.{} {name}", tenths / 10, tenths % 10)
}

pub fn paste_counts(lines: Option<usize>, bytes: usize, millis: Option<f64>) -> String {
    let mut parts = Vec::new();
    if let Some(n) = lines {
        parts.push(format!("{} {}", grouped(n), if n == 1 { "line" } else { "lines" }));
    }
    parts.push(size(bytes));
    match millis {
        Some(ms) if ms < 1.0 => parts.push("analysed in under 1 ms".to_string()),
        Some(ms) => parts.push(format!("analysed in {} ms", ms.round() as u64)),
        None => {}
    }
    parts.join(" \u{b7} ")
}

/// Which parts of a paste too large to analyse whole were analysed.
pub fn truncated(t: &phs_doctor_core::analysis::Truncation, line_count: usize) -> String {
    let head = format!("the first {} (lines 1\u{2013}{})", size(t.head_bytes as usize), grouped(t.head_lines));
    let parts = if t.tail_bytes > 0 {
        format!("{head} and the last {} (lines {}\u{2013}{})", size(t.tail_bytes as usize), grouped(t.tail_first_line), grouped(line_count))
    } else {
        head
    };
    format!(
        "This paste is {}: PHS Doctor analysed {parts} and left the {} between out. \
         Paste the part that matters to analyse it whole.",
        size(t.bytes_total as usize),
        size((t.bytes_total - t.head_bytes - t.tail_bytes) as usize)
    )
}

pub fn more_evidence(n: usize) -> String {
    format!("and {} more {}, highlighted in the paste", grouped(n), if n == 1 { "line" } else { "lines" })
}

pub fn show_in_paste(lines: usize) -> String {
    format!("{SHOW_IN_PASTE} ({} {})", grouped(lines), if lines == 1 { "line" } else { "lines" })
}

pub fn lines_hidden(first: usize, last: usize) -> String {
    if first == last {
        format!("line {} not shown", grouped(first))
    } else {
        format!("lines {}\u{2013}{} not shown", grouped(first), grouped(last))
    }
}

pub fn line_clipped(more_chars: usize) -> String {
    format!(" \u{2026} ({} more characters)", grouped(more_chars))
}

pub fn unparsed_title(n: usize) -> String {
    format!("{} {} not understood", grouped(n), if n == 1 { "line" } else { "lines" })
}

pub fn unparsed_more(n: usize) -> String {
    format!("and {} more", grouped(n))
}

pub fn omitted(n: usize) -> String {
    format!("and {} more", grouped(n))
}

pub fn earlier_omitted(n: usize) -> String {
    format!("The last ones; {} earlier not shown.", grouped(n))
}

pub fn gap_text(minutes: i64) -> String {
    let (h, m) = (minutes / 60, minutes % 60);
    format!("no heartbeat for {h} h {m:02} min before the newest event")
}

pub fn full_sync_state(s: FullSyncState) -> String {
    format!("State: {}", s.as_str())
}

/// A kind of recognised record, for the summary (`n` of them).
pub fn record_label(kind: RecordKind, n: usize) -> String {
    let (one, many) = match kind {
        RecordKind::Command => ("PowerShell command", "PowerShell commands"),
        RecordKind::DiagnosticsMenu => ("troubleshooter menu line", "troubleshooter menu lines"),
        RecordKind::DiagnosticsCheck => ("troubleshooter check", "troubleshooter checks"),
        RecordKind::DiagnosticsInfo => ("troubleshooter header", "troubleshooter headers"),
        RecordKind::StatusScript => ("status script line", "status script lines"),
        RecordKind::SyncConfiguration => ("password sync configuration", "password sync configurations"),
        RecordKind::Event => ("Windows event", "Windows events"),
        RecordKind::Message => ("event message", "event messages"),
        RecordKind::PasswordChange => ("password change (656/657)", "password changes (656/657)"),
        RecordKind::ForestInfo => ("forest info block", "forest info blocks"),
        RecordKind::LogStatus => ("password sync log status", "password sync log statuses"),
        RecordKind::HealthAlert => ("Connect Health alert", "Connect Health alerts"),
        RecordKind::Error => ("error code", "error codes"),
        RecordKind::Setting => ("setting", "settings"),
        RecordKind::Report => ("report block", "report blocks"),
        RecordKind::SignIn => ("sign-in log entry", "sign-in log entries"),
    };
    format!("{} {}", grouped(n), if n == 1 { one } else { many })
}

// Events
pub const EVENTS_TITLE: &str = "Password hash sync event IDs";
pub const EVENTS_LEAD: &str = "Events in the Windows Application log of the Microsoft Entra Connect \
    server. Filter by ID (611, or 65 for 650\u{2013}659) or by words (heartbeat, full sync).";
pub const EVENTS_FILTER: &str = "Filter events";
pub const EVENTS_CONNECTIVITY: &str = "Connectivity problem";
pub const EVENTS_CONNECTIVITY_TITLE: &str = "Connectivity events";
pub const EVENTS_NONE: &str = "No event matches. Try an ID such as 611 or a word such as heartbeat.";
pub const COL_ID: &str = "ID";
pub const COL_DESCRIPTION: &str = "Description";
pub const COL_CATEGORY: &str = "Category";
pub const COL_SEVERITY: &str = "Severity";
pub const EVENT_ALL: &str = "\u{2190} All event IDs";
pub const EVENT_NOT_IN_TABLE: &str = "Not in the article's event table.";
pub const EVENT_NEXT: &str = "What to do next";
pub const EVENT_ANALYSE: &str = "Paste the whole event (Event Viewer: Copy details as text) on the";
pub const EVENT_ANALYSE_LINK: &str = "Analyze page";
pub const EVENT_ANALYSE_END: &str = ": the error number or exception in its message names the cause.";

pub fn events_count(shown: usize, total: usize) -> String {
    if shown == total {
        format!("{total} events")
    } else {
        format!("{shown} of {total} events")
    }
}

pub fn event_title(id: u32) -> String {
    format!("Event {id}")
}

/// After the connectivity rule's event IDs (each a link): where they come from.
pub fn connectivity_from(source: &str) -> String {
    format!(" from source \u{201c}{source}\u{201d}: ")
}

pub fn category_label(c: EventCategory) -> &'static str {
    c.as_str()
}

// Statuses
pub const STATUSES_TITLE: &str = "Password sync log status values";
pub const STATUSES_LEAD: &str = "The status column of an object's password sync log, what each value \
    means and what to do next.";
pub const STATUSES_WHERE: &str = "Where to find it";
pub const STATUS_NEXT: &str = "Next step";
pub const STATUS_MEANING: &str = "Meaning";

// Scripts
pub const SCRIPTS_TITLE: &str = "PowerShell scripts";
pub const SCRIPTS_LEAD: &str = "Fill in the names and copy or download the script. Run it on the \
    Microsoft Entra Connect server in a PowerShell session opened with Run as Administrator. What \
    you type stays in this page: it is never sent anywhere, and it is put in the address only if \
    you tick \u{201c}Include the values in the link\u{201d}.";
pub const SCRIPTS_TABS: &str = "Script";
pub const SCRIPT_UNKNOWN: &str = "There is no script with this name.";
pub const SCRIPT_OPTIONAL: &str = "optional";
pub const SCRIPT_NO_FIELDS: &str = "This script needs no input.";
pub const SCRIPT_OUTPUT: &str = "Script";
pub const SCRIPT_PENDING: &str = "The script appears here as soon as every value above is valid.";
pub const COPY: &str = "Copy";
pub const COPIED: &str = "Copied to the clipboard.";
pub const COPY_SELECTED: &str = "Copying isn't allowed here: the script is selected, press Ctrl+C (\u{2318}C on a Mac).";
pub const DOWNLOAD: &str = "Download .ps1";
pub const COPY_LINK: &str = "Copy link";
pub const SCRIPT_VALUES_IN_LINK: &str = "Include the values in the link";
pub const SCRIPT_VALUES_IN_LINK_HINT: &str = "Connector names and the DN are not secrets, but they name your directory: \
    they are in the page\u{2019}s address (and its Copy link) only while this is ticked.";
pub const COMMAND_COPY_MANUAL: &str = "Copying isn't allowed here: the command is selected, press Ctrl+C (\u{2318}C on a Mac).";

/// Said after a command's copy button was used.
pub fn command_copied(command: &str) -> String {
    format!("Copied: {command}")
}
pub const LINK_COPIED: &str = "Link copied: it opens this page as it is now.";
pub const LINK_COPY_MANUAL: &str = "Copying isn't allowed here: copy the link from the address bar (Ctrl+L, then Ctrl+C).";
pub const DOWNLOADED: &str = "Downloaded";
pub const WARNING_PREFIX: &str = "Check: ";

/// Where to find a value, with an example.
pub fn field_hint(f: Field) -> &'static str {
    match f {
        Field::AdConnector => "Synchronization Service Manager > Connectors, the Name column. Example: contoso.com",
        Field::AadConnector => "Synchronization Service Manager > Connectors, the Name column. Example: contoso.onmicrosoft.com - AAD",
        Field::DistinguishedName => {
            "The object's distinguishedName attribute (Active Directory Users and Computers > \
            Attribute Editor). Example: CN=Test User,CN=Users,DC=contoso,DC=com"
        }
    }
}

/// Why an optional field is there.
pub const FIELD_OPTIONAL_HINT: &str = "Leave it empty to get the article's script as it is; it stops with \
    \u{201c}More than one Azure AD Connectors found\u{201d} on a server with several, and the name picks one.";

// Not found
pub const NOT_FOUND_TITLE: &str = "Page not found";
pub const NOT_FOUND_TEXT: &str = "This address doesn't lead to a page of PHS Doctor.";
pub const GO_HOME: &str = "Go to the start page";

// The report of an analysis (Analyze page).
pub const REPORT_COPY: &str = "Copy report";
pub const REPORT_DOWNLOAD: &str = "Download .md";
pub const REPORT_FILE: &str = "phs-doctor-report.md";
pub const REPORT_REDACT: &str = "Redact names, addresses and IDs";
pub const REPORT_PREVIEW: &str = "Show what is replaced";
pub const REPORT_PREVIEW_HINT: &str =
    "In the report, each value on the right is replaced by its placeholder. This table stays on this page: it is not in the report.";
pub const REPORT_NOTHING_REDACTED: &str = "Nothing to replace was found in the lines the report quotes.";
pub const REPORT_COL_PLACEHOLDER: &str = "Placeholder";
pub const REPORT_COL_KIND: &str = "What it is";
pub const REPORT_COL_COUNT: &str = "Times";
pub const REPORT_COL_ORIGINAL: &str = "Replaces";
pub const REPORT_COPIED: &str = "Report copied as Markdown: paste it into the ticket.";
pub const REPORT_COPY_FAILED: &str = "Copying isn't allowed here: use Download .md instead.";
pub const REPORT_DOWNLOADED: &str = "Report downloaded as phs-doctor-report.md.";
pub const REPORT_VERSION_ORIGIN: &str = "typed on the start page";
pub const WALK_REPORT_COPY_FAILED: &str = "Copying isn't allowed here: print the page (Ctrl+P) or note the answers on the right.";

// Look-ups: status, error and other-event pages (issue 13)
pub const STATUS_ALL: &str = "\u{2190} All status values";
pub const STATUSES_FILTER: &str = "Filter status values";
pub const STATUSES_NONE: &str = "No status value matches. Try a name such as FilteredByTarget or a word such as temporary.";

pub fn statuses_count(shown: usize, total: usize) -> String {
    if shown == total {
        format!("{total} values")
    } else {
        format!("{shown} of {total} values")
    }
}

pub fn status_title(name: &str) -> String {
    knowledge::status(name).map_or_else(|| STATUS_NOT_FOUND.to_string(), |s| s.name.to_string())
}
pub const STATUS_NOT_FOUND: &str = "Status value not found";

/// The title of an event page: `Event 6900`, or that there is no such page.
pub fn event_title_for(id: &str) -> String {
    match lookup::event(id) {
        lookup::EventLookup::Table(e) => event_title(e.id),
        lookup::EventLookup::Other(e) => event_title(e.id),
        lookup::EventLookup::Unknown(_) => EVENT_NOT_FOUND.to_string(),
    }
}
pub const EVENT_NOT_FOUND: &str = "Event not found";

pub const ERRORS_TITLE: &str = "Error codes PHS Doctor decodes";
pub const ERRORS_LEAD: &str = "RPC and directory replication (DRS) error numbers, the Microsoft Entra \
    service's Error Code values and known messages that password hash sync events carry. Filter by \
    number (8453), hex (0x2105), name (ERROR_DS_DRA_ACCESS_DENIED) or words.";
pub const ERRORS_FILTER: &str = "Filter errors";
pub const ERRORS_NONE: &str = "No error matches. Try a number such as 8453, a hex value such as 0x2105 or a name.";
pub const ERROR_ALL: &str = "\u{2190} All error codes";
pub const ERROR_NOT_FOUND: &str = "Error not found";
pub const ERROR_MESSAGE: &str = "Message";
pub const ERROR_MEANING: &str = "What it means";
pub const ERROR_WHAT_TO_DO: &str = "What to do";

pub fn errors_count(shown: usize, total: usize) -> String {
    if shown == total {
        format!("{total} errors")
    } else {
        format!("{shown} of {total} errors")
    }
}

/// `Error 8453 (0x2105) ERROR_DS_DRA_ACCESS_DENIED`, `Error Code 90`, the message's name.
pub fn error_title(code: &str) -> String {
    match lookup::lookup_error(code) {
        Ok(p) => error_heading(p.first()),
        Err(_) => ERROR_NOT_FOUND.to_string(),
    }
}

pub fn error_heading(e: &phs_doctor_core::analysis::ErrorInfo) -> String {
    use phs_doctor_core::analysis::ErrorKind;
    match e.kind {
        ErrorKind::Rpc => format!("Error {} (0x{:X}) {}", e.code, e.code, e.name),
        ErrorKind::Service => format!("Error Code {}", e.code),
        ErrorKind::Message => e.name.to_string(),
    }
}

pub fn error_kind_label(k: phs_doctor_core::analysis::ErrorKind) -> &'static str {
    use phs_doctor_core::analysis::ErrorKind;
    match k {
        ErrorKind::Rpc => "RPC / replication (DRS) error",
        ErrorKind::Service => "Microsoft Entra service error code",
        ErrorKind::Message => "Known message or exception",
    }
}

pub const LOOKUP_NEXT: &str = "What to do next";
pub const LOOKUP_FINDING: &str = "On the Analyze page this is reported as";
pub const COL_REPORTED_AS: &str = "Analyze reports it as";
pub const LOOKUP_ANALYSE: &str = "Paste the whole event or log text on the";
pub const LOOKUP_ANALYSE_END: &str = ": it reads the error numbers, messages and status values together and says what they mean.";
pub const LOOKUP_CONNECTIVITY_IDS: &str = "Events";

pub const OTHER_TITLE: &str = "Not in the article's event table";
pub fn other_lead(id: u32) -> String {
    format!("Event {id} is not one of the password hash sync events in Microsoft's article (0 and 601\u{2013}668). What is known about it:")
}
pub const OTHER_PROVIDER: &str = "Source in the log";
pub const OTHER_PROVIDER_UNKNOWN: &str = "not recorded";
pub const OTHER_FEATURE: &str = "Feature";
pub const OTHER_CONCERNS: &str = "Concerns password hash sync";
pub fn concerns_label(c: Concerns) -> &'static str {
    match c {
        Concerns::Yes => "Yes",
        Concerns::No => "No: another feature",
        Concerns::Sometimes => "Sometimes: it can carry a password hash sync error",
    }
}
/// What the Analyze page says of an event outside the table that gives no finding of its own.
pub fn other_analysis_none() -> String {
    let title = phs_doctor_core::knowledge::FindingId::NothingWrongFound.info().title;
    format!("On the Analyze page this event alone shows no fault (\u{201c}{title}\u{201d}): its message decides.")
}
pub const OTHER_MESSAGE: &str = "Its known message:";

// Search (the header's box)
pub const SEARCH_LABEL: &str = "Search";
pub const SEARCH_PLACEHOLDER: &str = "Search 611, 8453\u{2026}";
pub const SEARCH_KEYS: &str = "Press / or Ctrl+K to search. Type an event ID, an error number, hex value or name, or words; arrows choose, Enter opens, Escape closes.";
pub const SEARCH_NONE: &str = "Nothing found. Try an event ID (611), an error (8453, 0x2105) or a word (heartbeat).";

pub fn search_kind(k: Kind) -> &'static str {
    match k {
        Kind::Event => "Event",
        Kind::Error => "Error",
        Kind::Status => "Status",
        Kind::Finding => "Finding",
        Kind::Result => "Result",
        Kind::Step => "Step",
        Kind::Learn => "Learn",
    }
}

pub fn search_count(n: usize) -> String {
    match n {
        0 => SEARCH_NONE.to_string(),
        1 => "1 result".to_string(),
        n => format!("{n} results"),
    }
}

// Learn
pub const LEARN_TITLE: &str = "Learn about password hash sync";
pub const LEARN_LEAD: &str = "Background for the checks: how password hash synchronization works, and \
    Microsoft's troubleshooting article itself, on one page each. Steps and findings link to the section \
    that explains them.";
pub const LEARN_ALL: &str = "All Learn pages";
pub const LEARN_CONTENTS: &str = "On this page";
pub const LEARN_MORE: &str = "Learn more:";
pub const LEARN_NO_SECTION: &str = "This page has no such section; here is the whole page.";
pub const LEARN_COPY: &str = "Microsoft's article, copied whole:";
pub const LEARN_COPY_BY: &str = "by Microsoft and its contributors, under the";
pub const LEARN_COPY_NOTICE: &str = "Microsoft's licence notice";
pub const LEARN_COPY_CHANGES: &str = "Changes in this copy:";

/// The label of a section's link to itself.
pub fn learn_section_link(title: &str) -> String {
    format!("Link to this section: {title}")
}

#[cfg(test)]
mod tests {
    use super::size;

    /// The integer `size` says what `{:.1}` of the float would say, ties included.
    #[test]
    fn size_matches_float_formatting() {
        let mut values: Vec<usize> = (0..5000).chain([1023, 1024, 1075, 1076, 1126, 52_428, 52_429]).collect();
        values.extend((0..2000).map(|i| i * 5243 + 1_048_570));
        values.extend([20 * 1024 * 1024, usize::MAX / 1024]);
        for b in values {
            let expected = if b < 1024 {
                format!("{b} bytes")
            } else if b < 1024 * 1024 {
                format!("{:.1} KB", b as f64 / 1024.0)
            } else {
                format!("{:.1} MB", b as f64 / 1024.0 / 1024.0)
            };
            assert_eq!(size(b), expected, "{b}");
        }
    }
}
