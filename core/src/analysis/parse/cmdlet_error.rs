//! The error records of Connect's own cmdlets (the ADSync module's), by what does not get
//! translated: the exception's type name, the cmdlet's name in the record's category
//! (`(Start-ADSyncSyncCycle:String) [], CommandNotFoundException`), and the sync engine's own
//! messages, which it writes in English on every server:
//!
//! ```text
//! Start-ADSyncSyncCycle : System.InvalidOperationException: Sync is already running. Cannot start a new run till this one completes.
//! Get-ADSyncConnector : Operation failed because the specified MA could not be found.
//!     + CategoryInfo          : ReadError: (…) [Get-ADSyncConnector], ConnectorNotFoundException
//! Start-ADSyncSyncCycle : The term 'Start-ADSyncSyncCycle' is not recognized as the name of a cmdlet, …
//! ```
//!
//! Each states `cmdlet-failed` with its `reason`: a sync cycle already running (nothing is
//! wrong: wait for it), no connector of that name or ID (the name given is not the
//! connector's), the ADSync module not loaded in this PowerShell session, or a cloud module's
//! cmdlet (MSOnline, Graph, AzureAD) not known there.

use super::text::{has_any, Content};
use crate::analysis::fact::{Fact, FactKind as Fk};
use crate::analysis::model::RecordKind;
use crate::knowledge::Param as P;

/// The reason of a Connect cmdlet's error record that the line states, if any (`lower` is
/// the line in lower case).
fn reason(lower: &str) -> Option<&'static str> {
    // The engine's own messages of a run in progress (`Connector: x - AAD is busy.`).
    let busy = lower.trim_start().starts_with("connector:") && lower.trim_end().trim_end_matches('.').ends_with("is busy");
    if busy || has_any(lower, &["sync is already running", "cannot start a new run till this one completes"]) {
        return Some("sync-running");
    }
    if has_any(lower, &["connectornotfoundexception", "the specified ma could not be found"]) {
        return Some("connector-not-found");
    }
    // A cmdlet of the ADSync module that PowerShell doesn't know (in any language its
    // category names the cmdlet and `CommandNotFoundException`), or the module not found.
    let adsync_cmdlet = ["'start-adsync", "'get-adsync", "'set-adsync", "\"start-adsync", "\"get-adsync", "\"set-adsync"];
    let unknown = (has_any(lower, &["is not recognized as the name of a cmdlet"]) && has_any(lower, &adsync_cmdlet))
        || (has_any(lower, &["commandnotfoundexception"]) && has_any(lower, &["(start-adsync", "(get-adsync", "(set-adsync"]))
        || has_any(lower, &["module 'adsync' was not loaded", "the sync command or cmdlet is not available"]);
    if unknown {
        return Some("module-not-loaded");
    }
    // Another module's cmdlet that PowerShell doesn't know (`Get-MsolDirSyncFeature`, a Graph
    // cmdlet): misspelt, or its module not installed.
    let cloud_cmdlet = ["-msol", "-mg", "-azuread", "-entra"];
    let not_found = (has_any(lower, &["is not recognized as the name of a cmdlet"]) || has_any(lower, &["commandnotfoundexception"]))
        && cloud_cmdlet.iter().any(|c| lower.contains(c));
    not_found.then_some("command-not-found")
}

pub(crate) fn read(lower: &str, c: &mut Content<'_>, first: usize, last: usize) {
    if let Some(r) = reason(lower) {
        c.facts.push(Fact::new(Fk::CmdletFailed, first, last).param(P::Reason, r));
        c.kind(RecordKind::Error);
    }
}

#[cfg(test)]
mod tests {
    use super::reason;

    #[test]
    fn reasons() {
        let r = |s: &str| reason(&s.to_ascii_lowercase());
        assert_eq!(r("Start-ADSyncSyncCycle : System.InvalidOperationException: Sync is already running."), Some("sync-running"));
        assert_eq!(r("   Connector: fabrikam.onmicrosoft.com - AAD is busy."), Some("sync-running"));
        assert_eq!(r("    + CategoryInfo : ReadError: (…) [Get-ADSyncConnector], ConnectorNotFoundException"), Some("connector-not-found"));
        assert_eq!(r("The term 'Start-ADSyncSyncCycle' is not recognized as the name of a cmdlet, function"), Some("module-not-loaded"));
        assert_eq!(
            r("    + CategoryInfo : ObjectNotFound: (Get-ADSyncScheduler:String) [], CommandNotFoundException"),
            Some("module-not-loaded")
        );
        assert_eq!(r("The term 'Get-MgUser' is not recognized as the name of a cmdlet"), Some("command-not-found"));
        assert_eq!(r("The term 'Get-Foo' is not recognized as the name of a cmdlet"), None);
        assert_eq!(r("The server is busy."), None);
    }
}
