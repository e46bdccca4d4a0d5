//! Text of Microsoft Entra Connect's other features, told apart by provider names, event IDs and
//! error type names (never a PHS error finding; `not-phs` with the feature):
//!
//! ```text
//! Source:        PasswordResetService                         password writeback (31001-33999; ADSync 6329)
//! Source:        Microsoft AAD Application Proxy Connector    pass-through authentication
//! Source:        Microsoft-AzureADPasswordProtection-DCAgent  Microsoft Entra password protection
//! Source:        AD FS                                        AD FS (federation's sign-ins)
//! AttributeValueMustBeUnique, InvalidSoftMatch, LargeObject   an object's export error
//! PasswordResetException, SSPR_0029, AADSTS80001               writeback, pass-through auth
//! … the current Azure password policy … banned password list   password protection
//! [Replications Check,<DC>] … failed test Replications         dcdiag: DC-to-DC replication
//! repadmin /showrepl … INBOUND NEIGHBORS … consecutive failure(s)  repadmin: the same
//! DirSyncConfigShell, Start-OnlineCoexistenceSync                DirSync, Connect's retired predecessor
//! AADCloudSyncTools, pGMSA_…, provisioning agent               Microsoft Entra Cloud Sync
//! AZUREADSSOACC, AzureADSSO.psd1, Get-AzureADSSOStatus         seamless single sign-on
//! CLSID {835BEE60-8731-4159-8BFF-941301D76D05}                 a call to the sync service's COM server
//! Forefront/Microsoft Identity Manager, MIM 2016, PCNS          Microsoft Identity Manager (`mim`)
//! java.lang.…, at java.base/…, Traceback (most recent call last) another program (`other-software`)
//! ```

use crate::analysis::phrases::{Hits, Ph};
use crate::analysis::scan::{find_ci, has_ci, starts_ci};

/// The feature an event belongs to, from its source and ID, when it is another feature's.
pub(crate) fn feature(source: Option<&str>, id: Option<u32>) -> Option<&'static str> {
    let writeback_id = id.is_some_and(|i| i == 6329 || (31001..=33999).contains(&i));
    match source.map(str::trim).filter(|s| !s.is_empty()) {
        Some(s) if has_ci(s, "PasswordResetService") => Some("password-writeback"),
        Some(s) if has_ci(s, "AuthenticationAgent") || has_ci(s, "Application Proxy Connector") => Some("pass-through-auth"),
        Some(s) if has_ci(s, "PasswordProtection") => Some("password-protection"),
        // AD FS's own logs (`AD FS`, `AD FS Auditing`, `AD FS Tracing`, `ADFS`): federation's
        // sign-ins, whose `The user name or password is incorrect` is a user's, not a connector's.
        Some(s) if starts_ci(s, "AD FS") || s.eq_ignore_ascii_case("ADFS") => Some("ad-fs"),
        Some(s) if s.eq_ignore_ascii_case("ADSync") && writeback_id => Some("password-writeback"),
        // Other identity products' event sources (Google's password sync, Okta's agent).
        Some(s) if has_ci(s, "Google Apps Password Sync") || has_ci(s, "Google Password Sync") || starts_ci(s, "Okta") => Some("other-idp"),
        None if id.is_some_and(|i| (31001..=33999).contains(&i)) => Some("password-writeback"),
        _ => None,
    }
}

/// Features that are other products, not Connect's: a paste that shows one of them and nothing
/// only Connect prints is that product's, all of it (`judge.rs` `foreign_paste`).
pub(crate) const OTHER_PRODUCTS: [&str; 4] = ["mim", "other-software", "ad-fs", "other-idp"];

/// The feature whose own type names or codes a line has (`phrases.rs` finds them): the line,
/// and the event or run of lines it is in, are that feature's.
pub(crate) fn feature_of(hits: &Hits) -> Option<&'static str> {
    [
        (Ph::WritebackType, "password-writeback"),
        (Ph::PtaCode, "pass-through-auth"),
        (Ph::ProtectionWords, "password-protection"),
        (Ph::DcDiag, "ad-replication"),
        (Ph::DirSync, "dirsync"),
        (Ph::CloudSync, "cloud-sync"),
        (Ph::SeamlessSso, "seamless-sso"),
        (Ph::SyncServiceCom, "sync-service-com"),
        (Ph::HealthAgent, "health-agent"),
        (Ph::ExchangeHybrid, "exchange-hybrid"),
        (Ph::Mim, "mim"),
        (Ph::OtherIdp, "other-idp"),
        (Ph::DomainServices, "domain-services"),
        (Ph::ForeignStack, "other-software"),
    ]
    .into_iter()
    .find_map(|(p, feature)| hits.has(p).then_some(feature))
}

const EXPORT_ERRORS: &[&str] = &[
    "AttributeValueMustBeUnique",
    "InvalidSoftMatch",
    "LargeObject",
    "ObjectTypeMismatch",
    "FederatedDomainChangeError",
    "permission-issue",
    // A run that finished with objects it couldn't export (`Get-ADSyncRunProfileResult`'s
    // `Result`, a run step's `StepResult`).
    "completed-export-errors",
];

/// The feature of a command that is another feature's tool: `repadmin` and `dcdiag` are
/// replication between domain controllers'.
pub(crate) fn command_feature(cmd: &str) -> Option<&'static str> {
    let tool = cmd.split_ascii_whitespace().next()?.to_ascii_lowercase();
    matches!(tool.trim_end_matches(".exe"), "repadmin" | "dcdiag").then_some("ad-replication")
}

/// The export error type a line names as a whole word (`LargeObject`, not `LargeObjectHeap`).
pub(crate) fn export_error(text: &str) -> Option<&'static str> {
    let b = text.as_bytes();
    let word = |c: u8| c.is_ascii_alphanumeric() || c == b'_';
    for name in EXPORT_ERRORS {
        let mut from = 0;
        while let Some(i) = text.get(from..).and_then(|t| find_ci(t, name)) {
            let at = from + i;
            let end = at + name.len();
            if (at == 0 || !word(b[at - 1])) && b.get(end).is_none_or(|&c| !word(c)) {
                return Some(name);
            }
            from = end;
        }
    }
    // A type's message, as Synchronization Service Manager shows it without the type.
    EXPORT_MESSAGES.iter().find(|(m, _)| find_ci(text, m).is_some()).map(|&(_, name)| name)
}

/// Export error messages without their type's name, and the type.
const EXPORT_MESSAGES: &[(&str, &str)] = &[("the provisioned object is too large", "LargeObject")];

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn features() {
        assert_eq!(feature(Some("PasswordResetService"), Some(33002)), Some("password-writeback"));
        assert_eq!(feature(Some("ADSync"), Some(6329)), Some("password-writeback"));
        assert_eq!(feature(Some("ADSync"), Some(6900)), None);
        assert_eq!(feature(None, Some(31001)), Some("password-writeback"));
        assert_eq!(feature(Some("Microsoft AAD Application Proxy Connector"), Some(12019)), Some("pass-through-auth"));
        assert_eq!(feature(Some("Microsoft-AzureADPasswordProtection-DCAgent"), Some(10014)), Some("password-protection"));
        assert_eq!(feature(Some("Directory Synchronization"), Some(611)), None);
        assert_eq!(feature(Some("AD FS"), Some(342)), Some("ad-fs"));
        assert_eq!(feature(Some("AD FS Auditing"), Some(411)), Some("ad-fs"));
        assert_eq!(feature(Some("ADFSSRV"), Some(342)), None);
        assert_eq!(feature(None, Some(611)), None);
    }

    #[test]
    fn export_errors() {
        assert_eq!(export_error("Error: AttributeValueMustBeUnique [ProxyAddresses]"), Some("AttributeValueMustBeUnique"));
        assert_eq!(export_error("invalidsoftmatch"), Some("InvalidSoftMatch"));
        assert_eq!(export_error("LargeObjectHeap is big"), None);
        assert_eq!(export_error("x LargeObjectHeap LargeObject"), Some("LargeObject"));
    }
}
