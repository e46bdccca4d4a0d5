//! A run of the sync engine as Synchronization Service Manager's **Operations** tab lists it
//! (copied or typed out, tabs or spaces between the columns):
//!
//! ```text
//! Server  Connector                      Profile Name   Status               Start Time            End Time
//! AADC01  contoso.onmicrosoft.com - AAD  Export         stopped-server-down  12/8/2025 9:01:10 AM  12/8/2025 9:01:31 AM
//! AADC01  contoso.onmicrosoft.com - AAD  Export         success              12/8/2025 9:31:12 AM  12/8/2025 9:31:19 AM
//! ```
//!
//! A row is a run profile's name, a run status value and a start time. It states a `run-row`
//! fact: the status, the time, and the row's text before its status (the server, connector
//! and profile) as the key by which the judge tells the same connector's profile's later runs
//! (a stop that a later run of it ended is no current fault). The status value itself is
//! decoded as an error (`errors.json`) by `codes.rs`. `Get-ADSyncRunProfileResult`'s records
//! (`RunHistoryId : …`, `ConnectorName`, `RunProfileName`, `Result`, `StartDate`) give the
//! same fact ([`Record`]); a `Result` that isn't a stop is read there only (`Result :
//! success` is a run's, not a password's log status).

use crate::analysis::fact::{Fact, FactKind as Fk};
use crate::analysis::lines;
use crate::analysis::model::RecordKind;
use crate::analysis::time;
use crate::bytes::find_ci;
use crate::knowledge::Param as P;

use super::text::Content;

/// The run profiles' names, as the Operations tab writes them.
const PROFILES: [&str; 7] =
    ["Export", "Delta Import", "Full Import", "Delta Synchronization", "Full Synchronization", "Delta Sync", "Full Sync"];

/// The run status values (the sync engine's run results) a row can end in; `true` for those
/// of a run that didn't start or stopped ([`is_stop`]).
const STATUSES: [(&str, bool); 17] = [
    ("success", false),
    ("completed-no-objects", false),
    ("completed-sync-errors", false),
    ("completed-export-errors", false),
    ("completed-warnings", false),
    ("completed-transient-objects", false),
    ("no-start-connection", true),
    ("no-start-credentials", true),
    ("no-start-ma", true),
    ("stopped-server-down", true),
    ("stopped-extension-dll-exception", true),
    ("stopped-error-limit", true),
    ("stopped-deletion-threshold-exceeded", true),
    ("stopped-connectivity", true),
    ("stopped-server", true),
    ("stopped-database-connection-lost", true),
    ("stopped-user-termination-from-wmi", true),
];

/// The connector part of a run's key (`contoso.com` of `contoso.com Delta Import`): the key
/// without the run profile's name it ends in.
pub(crate) fn connector_of(key: &str) -> Option<&str> {
    PROFILES
        .iter()
        .find_map(|p| {
            let cut = key.len().checked_sub(p.len())?;
            (key.is_char_boundary(cut) && key[cut..].eq_ignore_ascii_case(p)).then(|| key[..cut].trim())
        })
        .filter(|c| !c.is_empty())
}

/// A run status value of a run that didn't start or stopped (`no-start-…`, `stopped-…`).
pub(crate) fn is_stop(status: &str) -> bool {
    status.starts_with("no-start-") || status.starts_with("stopped-")
}

/// The status of a run row (`None`: the line is no row): its value, whether it is a stop, and
/// where it starts.
fn status(raw: &str) -> Option<(&'static str, bool, usize)> {
    // Each word of the line (letters, digits and `-`) that is a value, the first one.
    let b = raw.as_bytes();
    let word = |c: u8| c.is_ascii_alphanumeric() || c == b'-';
    let mut i = 0;
    while i < b.len() {
        if !word(b[i]) {
            i += 1;
            continue;
        }
        let start = i;
        while i < b.len() && word(b[i]) {
            i += 1;
        }
        let w = &raw[start..i];
        if let Some(&(name, stop)) = STATUSES.iter().find(|(n, _)| n.len() == w.len() && n.eq_ignore_ascii_case(w)) {
            return Some((name, stop, start));
        }
    }
    None
}

/// A row of a run: a run profile's name, then a status value, then a time; its status, the
/// status's place and the time.
fn row(raw: &str) -> Option<(&'static str, usize, time::Timestamp)> {
    let (name, _, at) = status(raw)?;
    if !PROFILES.iter().any(|p| find_ci(&raw[..at], p).is_some()) {
        return None;
    }
    // Its start time comes after the status (the Operations tab), or first (a table of
    // `Get-ADSyncRunProfileResult` that selects StartDate first).
    let (t, _, _) = time::find(&raw[at..]).or_else(|| time::find(&raw[..at]))?;
    Some((name, at, t))
}

/// The line is a run's row (the Operations tab, a table of `Get-ADSyncRunProfileResult`).
pub(crate) fn is_row(raw: &str) -> bool {
    row(raw).is_some()
}

pub(crate) fn read(raw: &str, c: &mut Content<'_>, first: usize, last: usize) {
    let Some((name, at, t)) = row(raw) else { return };
    let stop = is_stop(name);
    // (Without a leading run number: `Get-ADSyncRunProfileResult`'s table starts with it.)
    // (Without a leading run number, `Get-ADSyncRunProfileResult`'s table's first column, and
    // without a leading start time.)
    let before = lines::trim(&raw[..at]);
    let before = match time::parse_prefix(before) {
        Some((_, used)) => before[used..].trim_start(),
        None => before,
    };
    let words: Vec<&str> = before.split_whitespace().collect();
    let skip = usize::from(words.first().is_some_and(|w| w.bytes().all(|b| b.is_ascii_digit())));
    let key: String = words[skip..].join(" ");
    if key.is_empty() || !PROFILES.iter().any(|p| find_ci(&key, p).is_some()) {
        return;
    }
    let _ = stop;
    let mut f = Fact::new(Fk::RunRow, first, last).param(P::Status, name).param(P::Connector, key);
    f.time = Some(t);
    c.facts.push(f);
    c.kind(RecordKind::Message);
}

/// A `Get-ADSyncRunProfileResult` record being read.
#[derive(Debug, Default)]
pub(crate) struct Record {
    connector: Option<String>,
    profile: Option<String>,
    result: Option<(&'static str, usize)>,
    start: Option<crate::analysis::time::Timestamp>,
}

impl Record {
    /// A line of the record: whether it was read here (not to be read as anything else).
    pub(crate) fn line(&mut self, text: &str, line: usize) -> bool {
        use super::text::key_value;
        if let Some(v) = key_value(text, "ConnectorName") {
            self.connector = Some(v.to_string());
        } else if let Some(v) = key_value(text, "RunProfileName") {
            self.profile = Some(v.to_string());
        } else if let Some(v) = key_value(text, "StartDate") {
            self.start = time::find(v).map(|(t, _, _)| t);
        } else if let Some(v) = key_value(text, "Result") {
            let Some((name, _, _)) = status(v) else { return false };
            self.result = Some((name, line));
            // A run that succeeded is read here only (never a password's `Success`); any other
            // value is decoded too (its line read as usual: a stop, an export's errors).
            return matches!(name, "success" | "completed-no-objects");
        }
        false
    }

    /// Its `run-row` fact, once its result, profile and start are read.
    pub(crate) fn fact(self) -> Option<Fact<'static>> {
        let ((name, line), profile, t) = (self.result?, self.profile?, self.start?);
        let key = format!("{} {profile}", self.connector.unwrap_or_default()).trim().to_string();
        let mut f = Fact::new(Fk::RunRow, line, line).param(P::Status, name).param(P::Connector, key);
        f.time = Some(t);
        Some(f)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_status_value_as_a_word() {
        assert_eq!(status("AADC01\tc - AAD\tExport\tstopped-server-down\t12/8/2025").map(|s| s.0), Some("stopped-server-down"));
        assert_eq!(status("x  Delta Import  success  1/2/2025").map(|s| (s.0, s.1)), Some(("success", false)));
        assert_eq!(status("unsuccessful"), None);
        assert_eq!(status("stopped-server-downs"), None);
        for (name, stop) in STATUSES {
            assert_eq!(is_stop(name), stop, "{name}");
        }
        assert_eq!(connector_of("aadc01 contoso.com delta import"), Some("aadc01 contoso.com"));
        assert_eq!(connector_of("contoso.onmicrosoft.com - aad export"), Some("contoso.onmicrosoft.com - aad"));
        assert_eq!(connector_of("export"), None);
    }
}
