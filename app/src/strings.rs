//! Every string the app shows that is not content from the core. Domain text (paths, results,
//! events, statuses, version reasons, validation messages) comes from `phs-doctor-core`.

use phs_doctor_core::knowledge::{EventCategory, GateStatus};
use phs_doctor_core::script::Field;
use phs_doctor_core::walk::CurrentKind;
use phs_doctor_core::Severity;

pub const APP_NAME: &str = "PHS Doctor";
pub const TAGLINE: &str = "Troubleshoot password hash synchronization";
pub const SKIP_TO_CONTENT: &str = "Skip to content";
pub const NAV_LABEL: &str = "Main";
pub const FOOTER: &str = "PHS Doctor runs entirely in your browser: nothing you type leaves this page. \
    Its steps, events and status values follow Microsoft's article \u{201c}Troubleshoot password hash \
    synchronization with Microsoft Entra Connect Sync\u{201d}.";

// Navigation (see `route::NAV`).
pub const NAV_HOME: &str = "Start";
pub const NAV_EVENTS: &str = "Event IDs";
pub const NAV_STATUSES: &str = "Status values";
pub const NAV_SCRIPTS: &str = "Scripts";

// Home
pub const HOME_TITLE: &str = "Why aren't passwords syncing?";
pub const HOME_LEAD: &str = "Answer two questions and PHS Doctor picks the troubleshooting path \
    for your Microsoft Entra Connect version, then walks you through it one step at a time.";
pub const VERSION_LABEL: &str = "Microsoft Entra Connect version";
pub const VERSION_HINT: &str =
    "In Synchronization Service Manager: Help > About. Or in Programs and \
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

// Walker
pub const WALK_CHANGE: &str = "\u{2190} Change version or symptom";
pub const WALK_VERSION: &str = "Version";
pub const WALK_NO_VERSION: &str = "Version not given: version notices can't be checked.";
pub const WALK_SET_VERSION: &str = "Enter it";
pub const WALK_UNKNOWN_PATH: &str = "There is no troubleshooting path with this name.";
pub const WALK_STEP: &str = "Step";
pub const WALK_BACK: &str = "\u{2190} Back";
pub const WALK_RESTART: &str = "Restart";
pub const WALK_NEXT: &str = "Done, next step";
pub const WALK_ANSWER_PROMPT: &str = "Choose the answer that fits:";
pub const WALK_FIX: &str = "What to do";
pub const WALK_SCRIPT: &str = "Open the script";
pub const WALK_SUMMARY: &str = "Your answers";
pub const WALK_DONE: &str = "\u{2713} Done";
pub const WALK_SUMMARY_EMPTY: &str =
    "Your answers appear here as you go. Select one to go back to it.";
pub const WALK_SUMMARY_HINT: &str = "Select an answer to go back to that point.";
pub const WALK_END: &str = "This is the end of the path.";

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

// Events
pub const EVENTS_TITLE: &str = "Password hash sync event IDs";
pub const EVENTS_LEAD: &str =
    "Events in the Windows Application log of the Microsoft Entra Connect \
    server. Filter by ID (611, or 65 for 650\u{2013}659) or by words (heartbeat, full sync).";
pub const EVENTS_FILTER: &str = "Filter events";
pub const EVENTS_CONNECTIVITY: &str = "Connectivity problem";
pub const EVENTS_CONNECTIVITY_TITLE: &str = "Connectivity events";
pub const EVENTS_NONE: &str =
    "No event matches. Try an ID such as 611 or a word such as heartbeat.";
pub const COL_ID: &str = "ID";
pub const COL_DESCRIPTION: &str = "Description";
pub const COL_CATEGORY: &str = "Category";
pub const COL_SEVERITY: &str = "Severity";
pub const EVENT_ALL: &str = "\u{2190} All event IDs";
pub const EVENT_NOT_IN_TABLE: &str = "Not in the article's event table.";

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

pub fn connectivity_ids(ids: &[u32], source: &str) -> String {
    let list: Vec<String> = ids.iter().map(u32::to_string).collect();
    format!(
        "Events {} from source \u{201c}{source}\u{201d}:",
        list.join(", ")
    )
}

pub fn category_label(c: EventCategory) -> &'static str {
    c.as_str()
}

// Statuses
pub const STATUSES_TITLE: &str = "Password sync log status values";
pub const STATUSES_LEAD: &str =
    "The status column of an object's password sync log, what each value \
    means and what to do next.";
pub const STATUSES_WHERE: &str = "Where to find it";
pub const STATUS_NEXT: &str = "Next step";
pub const STATUS_MEANING: &str = "Meaning";

// Scripts
pub const SCRIPTS_TITLE: &str = "PowerShell scripts";
pub const SCRIPTS_LEAD: &str = "Fill in the names and copy or download the script. Run it on the \
    Microsoft Entra Connect server in a PowerShell session opened with Run as Administrator. What \
    you type stays in this page: it is never put in the address or sent anywhere.";
pub const SCRIPTS_TABS: &str = "Script";
pub const SCRIPT_UNKNOWN: &str = "There is no script with this name.";
pub const SCRIPT_OPTIONAL: &str = "optional";
pub const SCRIPT_NO_FIELDS: &str = "This script needs no input.";
pub const SCRIPT_OUTPUT: &str = "Script";
pub const SCRIPT_PENDING: &str = "The script appears here as soon as every value above is valid.";
pub const COPY: &str = "Copy";
pub const COPIED: &str = "Copied to the clipboard.";
pub const COPY_SELECTED: &str =
    "Copying isn't allowed here: the script is selected, press Ctrl+C (\u{2318}C on a Mac).";
pub const DOWNLOAD: &str = "Download .ps1";
pub const DOWNLOADED: &str = "Downloaded";
pub const WARNING_PREFIX: &str = "Check: ";

/// Where to find a value, with an example.
pub fn field_hint(f: Field) -> &'static str {
    match f {
        Field::AdConnector => "Synchronization Service Manager > Connectors, the Name column. Example: contoso.com",
        Field::AadConnector => "Synchronization Service Manager > Connectors, the Name column. Example: contoso.onmicrosoft.com - AAD",
        Field::DistinguishedName => "The object's distinguishedName attribute (Active Directory Users and Computers > \
            Attribute Editor). Example: CN=Test User,CN=Users,DC=contoso,DC=com",
    }
}

/// Why an optional field is there.
pub const FIELD_OPTIONAL_HINT: &str = "Leave it empty to get the article's script as it is; it stops with \
    \u{201c}More than one Azure AD Connectors found\u{201d} on a server with several, and the name picks one.";

// Not found
pub const NOT_FOUND_TITLE: &str = "Page not found";
pub const NOT_FOUND_TEXT: &str = "This address doesn't lead to a page of PHS Doctor.";
pub const GO_HOME: &str = "Go to the start page";
