//! A cmdlet's settings as `Format-Table` prints them (or `Select-Object` with few
//! properties): a header of property names, a line of dashes, then rows of values. Each value
//! is read as the `Name : Value` line Format-List would print, so the settings' own readers
//! judge it:
//!
//! ```text
//! SyncCycleEnabled StagingModeEnabled SchedulerSuspended NextSyncCycleStartTimeInUTC
//! ---------------- ------------------ ------------------ ---------------------------
//!             True               True              False 12/1/2026 7:15:02 AM
//! ```

/// The settings whose header makes a table of them (at least one of these names).
const KEYS: [&str; 8] = [
    "adminDescription",
    "StagingModeEnabled",
    "SyncCycleEnabled",
    "SchedulerSuspended",
    "MaintenanceEnabled",
    "PasswordHashSync",
    "ForcePasswordChangeOnLogOn",
    "PasswordLastSet",
];

/// The property names of a table header (`None`: the line is no such header).
pub(crate) fn header(text: &str) -> Option<Vec<String>> {
    // Every line is asked: only property names and the spaces between them, and a space (one
    // pass that stops at the first other byte, as nearly every line has one early).
    let b = text.as_bytes();
    if b.len() > 400 || !b.first().is_some_and(u8::is_ascii_alphabetic) {
        return None;
    }
    let mut spaces = 0;
    for &c in b {
        match c {
            b' ' | b'\t' => spaces += 1,
            c if c.is_ascii_alphanumeric() || c == b'_' => {}
            _ => return None,
        }
    }
    if spaces == 0 {
        return None;
    }
    let names: Vec<&str> = text.split_whitespace().collect();
    if names.len() < 2 || !names.iter().any(|n| KEYS.iter().any(|k| k.eq_ignore_ascii_case(n))) {
        return None;
    }
    Some(names.into_iter().map(str::to_string).collect())
}

/// The header's underline (`---- ----`).
pub(crate) fn dashes(text: &str) -> bool {
    !text.is_empty() && text.bytes().all(|b| b == b'-' || b == b' ' || b == b'\t') && text.contains('-')
}

/// A row's values as `Name : Value` lines, one per column; `None` when the row doesn't fit the
/// header. A value of several words (a date and time) can only be the last column's.
pub(crate) fn row(names: &[String], text: &str) -> Option<Vec<String>> {
    let values: Vec<&str> = text.split_whitespace().collect();
    if values.len() < names.len() || names.is_empty() {
        return None;
    }
    let n = names.len();
    let mut out: Vec<String> = names[..n - 1].iter().zip(&values).map(|(k, v)| format!("{k} : {v}")).collect();
    out.push(format!("{} : {}", names[n - 1], values[n - 1..].join(" ")));
    Some(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_scheduler_table() {
        let h = header("SyncCycleEnabled StagingModeEnabled SchedulerSuspended NextSyncCycleStartTimeInUTC").unwrap();
        assert!(dashes("---------------- ------------------"));
        let r = row(&h, "True               True              False 12/1/2026 7:15:02 AM").unwrap();
        assert_eq!(r[1], "StagingModeEnabled : True");
        assert_eq!(r[3], "NextSyncCycleStartTimeInUTC : 12/1/2026 7:15:02 AM");
        assert!(row(&h, "True True").is_none());
        assert!(header("Name Status DisplayName").is_none());
        assert!(header("StagingModeEnabled : True").is_none());
    }
}
