//! The Microsoft Entra ID Sync Windows service (`ADSync`), as `Get-Service` lists it:
//!
//! ```text
//! Status   Name               DisplayName
//! ------   ----               -----------
//! Stopped  ADSync             Microsoft Azure AD Sync
//! ```
//!
//! A row whose name is `ADSync` (not `ADSyncBootstrap`) says the service's state; the status
//! values are PowerShell's enum names, the same in every language. Lines that name the service
//! (`phrases.rs` `SyncService`) and a service's logon failure (`ServiceLogon`: error 1069) are
//! stated by `parse/line.rs`; a Service Control Manager event about the service is judged in
//! `recognise.rs`.

use crate::analysis::lines;

/// The states `Get-Service` prints.
const STATES: &[&str] = &["Stopped", "Running", "StartPending", "StopPending", "Paused", "ContinuePending", "PausePending"];

/// A `Get-Service` row of the ADSync service: its state, and whether that means it isn't
/// running.
pub(crate) fn row(raw: &str) -> Option<(&'static str, bool)> {
    let t = lines::trim(raw);
    if !matches!(t.as_bytes().first(), Some(b'S' | b'R' | b'P' | b'C')) {
        return None;
    }
    let mut words = t.split_ascii_whitespace();
    let state = words.next()?;
    let state = STATES.iter().copied().find(|s| s.eq_ignore_ascii_case(state))?;
    if !words.next()?.eq_ignore_ascii_case("ADSync") {
        return None;
    }
    Some((state, !matches!(state, "Running" | "StartPending" | "ContinuePending")))
}

/// A command that starts, stops, queries or configures the sync service (`net start ADSync`,
/// `sc.exe query ADSync`, `Start-Service ADSync`, `Get-Service -Name ADSync`).
pub(crate) fn names_service_command(cmd: &str) -> bool {
    let words: Vec<&str> = cmd.split_ascii_whitespace().collect();
    let Some(first) = words.first().map(|w| w.to_ascii_lowercase()) else { return false };
    let service_tool = matches!(
        first.as_str(),
        "net" | "net.exe" | "sc" | "sc.exe" | "start-service" | "stop-service" | "restart-service" | "get-service" | "set-service"
    );
    service_tool && words.iter().skip(1).any(|w| w.trim_matches(['"', '\'', ',']).eq_ignore_ascii_case("ADSync"))
}

/// The state in `sc query`'s `STATE : 4 RUNNING` or `Get-Service`'s `Status : Running`, and
/// whether it is down.
pub(crate) fn state_value(v: &str) -> Option<(&'static str, bool)> {
    let word = v.split_ascii_whitespace().find(|w| w.bytes().all(|b| b.is_ascii_alphabetic() || b == b'_'))?;
    let state = match word.to_ascii_uppercase().as_str() {
        "RUNNING" => "Running",
        "STOPPED" => "Stopped",
        "STOP_PENDING" | "STOPPENDING" => "StopPending",
        "START_PENDING" | "STARTPENDING" => "StartPending",
        "PAUSED" => "Paused",
        _ => return None,
    };
    Some((state, matches!(state, "Stopped" | "StopPending" | "Paused")))
}

/// Service Control Manager's events that say a service stopped or couldn't start: 7000 (failed
/// to start), 7009 (timed out), 7011 (no response), 7022 (hung starting), 7023 and 7024
/// (ended with an error), 7031 and 7034 (ended unexpectedly), 7038 (couldn't log on).
pub(crate) fn down_event(id: u32) -> bool {
    matches!(id, 7000 | 7009 | 7011 | 7022 | 7023 | 7024 | 7031 | 7034 | 7038 | 7041)
}

/// Service Control Manager's provider name, which Windows doesn't translate.
pub(crate) fn is_scm(source: &str) -> bool {
    lines::trim(source).eq_ignore_ascii_case("Service Control Manager")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn rows() {
        assert_eq!(row("Stopped  ADSync             Microsoft Azure AD Sync"), Some(("Stopped", true)));
        assert_eq!(row("Running  ADSync             Microsoft Entra ID Sync"), Some(("Running", false)));
        assert_eq!(row("  StopPending ADSync  x"), Some(("StopPending", true)));
        assert_eq!(row("Running  ADSyncBootstrap    Microsoft Entra Connect Sync Bootstrap"), None);
        assert_eq!(row("Stopped  W32Time            Windows Time"), None);
        assert_eq!(row("Stopped"), None);
        assert_eq!(row("Status   Name               DisplayName"), None);
        assert!(down_event(7038) && !down_event(7036));
        assert!(is_scm(" Service Control Manager ") && !is_scm("Directory Synchronization"));
    }
}
