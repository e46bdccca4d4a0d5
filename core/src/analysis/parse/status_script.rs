//! The status script's lines (`Password sync channel status BEGIN … END`, the feature line, the
//! connector counts) and the cmdlets' settings read as `Key : Value`:
//!
//! ```text
//! Password Hash Sync feature enabled: True
//! PasswordHashSync : False
//! StagingModeEnabled : True
//! SyncCycleEnabled   : False
//! ```

use super::text::*;
use crate::analysis::fact::{Fact, FactKind as Fk};
use crate::analysis::lines;
use crate::analysis::model::RecordKind;
use crate::analysis::phrases::{Hits, Ph};
use crate::analysis::scan::starts_ci;
use crate::knowledge::Param as P;

pub(crate) fn read(raw: &str, hits: &Hits, c: &mut Content<'_>, first: usize, last: usize) {
    let fact = |k: Fk| Fact::new(k, first, last);
    // The tenant's feature, `True` or `False` after the colon: the status script's line, or
    // `Get-ADSyncAADCompanyFeature`'s `PasswordHashSync`.
    let tenant_feature = |c: &mut Content<'_>, kind: RecordKind, key: &'static str| {
        c.kind(kind);
        c.slice(key, value_after_colon(raw));
        match value_after_colon(raw).to_ascii_lowercase().as_str() {
            "true" => c.facts.push(fact(Fk::TenantFeatureOn).param(P::Scope, "tenant")),
            "false" => c.facts.push(fact(Fk::TenantFeatureOff)),
            _ => {}
        }
    };
    if hits.has(Ph::SsFeature) {
        tenant_feature(c, RecordKind::StatusScript, "feature_enabled");
    }
    if hits.has(Ph::SsBegin) {
        c.status_begin = true;
        c.kind(RecordKind::StatusScript);
    }
    if hits.has(Ph::SsEnd) {
        c.status_end = true;
        c.kind(RecordKind::StatusScript);
    }
    for (p, k) in [(Ph::SsMulti, Fk::MultipleAadConnectors), (Ph::SsNoAad, Fk::NoAadConnector), (Ph::SsNoAd, Fk::NoAdConnector)] {
        if hits.has(p) {
            c.kind(RecordKind::StatusScript);
            c.facts.push(fact(k));
        }
    }
    if hits.has(Ph::CompanyFeatureKey) && starts_ci(raw, "PasswordHashSync") && raw.contains(':') {
        tenant_feature(c, RecordKind::Setting, "PasswordHashSync");
    }
    // Get-ADUser's `PasswordLastSet : 12/4/2026 9:15:22 AM` (Format-List).
    if hits.has(Ph::PasswordLastSet) && starts_ci(raw, "PasswordLastSet") && raw.contains(':') {
        if let Some((t, _, _)) = crate::analysis::time::find(value_after_key(raw)) {
            c.kind(RecordKind::Setting);
            c.field("password_last_set", t.text());
            let mut f = fact(Fk::PasswordLastSet);
            f.time = Some(t);
            c.facts.push(f);
        }
    }
    // A domain's sign-in method: `Get-MgDomain`'s `AuthenticationType : Federated`,
    // `Get-MsolDomain`'s `Authentication : Federated`: its users sign in at the federation
    // service, not against the synchronized hash.
    if hits.has(Ph::DomainAuth) {
        let v = super::text::key_value(raw, "AuthenticationType").or_else(|| super::text::key_value(raw, "Authentication"));
        if v.is_some_and(|v| v.eq_ignore_ascii_case("Federated")) {
            c.kind(RecordKind::Setting);
            c.facts.push(fact(Fk::OtherFeatureToken).param(P::Feature, "federated-domain"));
        }
    }
    // The user's last password change in Microsoft Entra ID: `Get-MgUser`'s
    // `LastPasswordChangeDateTime : 10/28/2026 9:12:55 AM`, `Get-MsolUser`'s
    // `LastPasswordChangeTimestamp`, Graph's JSON `"lastPasswordChangeDateTime": "…Z"`.
    if hits.has(Ph::CloudPasswordChange) && raw.contains(':') {
        let t = lines::trim(raw).trim_start_matches(['"', '\'', ',', '{']);
        let key = t.split([' ', '\t', ':', '"', '\'']).next().unwrap_or("");
        if key.eq_ignore_ascii_case("LastPasswordChangeDateTime") || key.eq_ignore_ascii_case("LastPasswordChangeTimestamp") {
            let value = t[key.len()..].trim_start_matches(['"', '\'', ' ', '\t', ':']);
            if let Some((time, _, _)) = crate::analysis::time::find(value) {
                c.kind(RecordKind::Setting);
                c.field("last_password_change", time.text());
                let mut f = fact(Fk::CloudPasswordChanged);
                f.time = Some(time);
                c.facts.push(f);
            }
        }
    }
    // The tenant's sync times (`Get-MgOrganization`, `Get-MsolCompanyInformation`).
    if hits.has(Ph::TenantSyncTime) && raw.contains(':') {
        let t = lines::trim(raw);
        let key = t.split([' ', '\t', ':']).next().unwrap_or("");
        let kind = if key.eq_ignore_ascii_case("OnPremisesLastPasswordSyncDateTime") || key.eq_ignore_ascii_case("LastPasswordSyncTime") {
            Some(Fk::TenantPasswordSyncTime)
        } else if key.eq_ignore_ascii_case("OnPremisesLastSyncDateTime") || key.eq_ignore_ascii_case("LastDirSyncTime") {
            Some(Fk::TenantDirSyncTime)
        } else {
            None
        };
        if let (Some(k), Some((time, _, _))) = (kind, crate::analysis::time::find(value_after_key(raw))) {
            // (A directory sync time alone is no reading of password sync: `Get-MgUser` has one
            // per user.)
            if k == Fk::TenantPasswordSyncTime {
                c.kind(RecordKind::Setting);
                c.field("last_password_sync", time.text());
            }
            let mut f = fact(k);
            f.time = Some(time);
            c.facts.push(f);
        }
    }
    // `pwdLastSet : 0`: the user must change the password at the next logon (the attribute's
    // documented meaning), a temporary password.
    // (Also a row of the connector space object's attribute table: `pwdLastSet         0`.)
    let row_zero = || raw.get("pwdLastSet".len()..).is_some_and(|v| v.starts_with([' ', '\t']) && lines::trim(v) == "0");
    if hits.has(Ph::PasswordLastSet) && starts_ci(raw, "pwdLastSet") && (value_after_key(raw) == "0" || row_zero()) {
        c.kind(RecordKind::Setting);
        c.field("pwdLastSet", "0");
        c.facts.push(fact(Fk::TemporaryPasswordSet));
    }
    // `Get-ADSyncCSObject`: a connector space object that isn't joined to a metaverse object (a
    // disconnector: `IsConnector : False`, `ConnectedMVObjectId : 00000000-…`) has no target.
    if hits.has(Ph::CsObjectKey) && raw.contains(':') {
        let v = value_after_key(raw);
        let disconnected = if starts_ci(raw, "IsConnector") {
            v.eq_ignore_ascii_case("false")
        } else {
            starts_ci(raw, "ConnectedMVObjectId") && v.len() == 36 && v.bytes().all(|b| b == b'0' || b == b'-')
        };
        if disconnected {
            c.kind(RecordKind::Setting);
            c.slice(if starts_ci(raw, "IsConnector") { "IsConnector" } else { "ConnectedMVObjectId" }, v);
            c.facts.push(fact(Fk::CsDisconnector));
        }
    }
    // `Invoke-ADSyncSingleObjectSync`'s JSON: `"errorCode": "OrganizationalUnitNotInScope"` (a
    // scoping step failed: the object's domain, OU, type or group is outside the sync scope).
    if hits.has(Ph::SignInCode) && raw.contains(':') {
        let v = value_after_key(raw).trim_end_matches(',').trim_matches('"');
        if lines::trim(raw).trim_start_matches('"').get(..9).is_some_and(|k| k.eq_ignore_ascii_case("errorcode"))
            && v.len() > "NotInScope".len()
            && v.ends_with("NotInScope")
            && v.bytes().all(|b| b.is_ascii_alphanumeric())
        {
            c.kind(RecordKind::Setting);
            c.slice("errorCode", v);
            c.facts.push(fact(Fk::ObjectOutOfScope).param(P::Code, c.cow(v)));
        }
    }
    // The ForcePasswordChangeOnLogOn feature on: `Get-ADSyncAADCompanyFeature`'s
    // `ForcePasswordChangeOnLogOn : True`, Graph's `UserForcePasswordChangeOnLogonEnabled : True`,
    // or the command that set it (`-ForcePasswordChangeOnLogOn $true`).
    if hits.has(Ph::ForceChangeKey) {
        let l = raw.to_ascii_lowercase();
        // The key (either name), then `:`, `=` or a space, then `True` or `$true`.
        let on = ["forcepasswordchangeonlogonenabled", "forcepasswordchangeonlogon"].iter().any(|key| {
            l.find(key).is_some_and(|i| {
                let v = l[i + key.len()..].trim_start_matches([' ', '\t', ':', '=']);
                let v = v.strip_prefix('$').unwrap_or(v);
                v.starts_with("true") && !v.as_bytes().get(4).is_some_and(u8::is_ascii_alphanumeric)
            })
        });
        if on {
            c.facts.push(fact(Fk::ForceChangeFeatureOn));
        }
    }
    if hits.has(Ph::StagingEnabledKey) && raw.contains(':') {
        let v = value_after_colon(raw).to_ascii_lowercase();
        c.kind(RecordKind::Setting);
        c.slice("StagingModeEnabled", value_after_colon(raw));
        if v == "true" {
            c.facts.push(fact(Fk::StagingModeOn));
        } else if v == "false" {
            c.facts.push(fact(Fk::StagingModeOff));
        }
    }
}

/// `Get-ADSyncScheduler`'s `SyncCycleEnabled : …` (a line of its own: whether the line was it).
pub(crate) fn scheduler(raw: &str, c: &mut Content<'_>, first: usize, last: usize) -> bool {
    const KEYS: [&str; 3] = ["SyncCycleEnabled", "SchedulerSuspended", "MaintenanceEnabled"];
    if !matches!(raw.as_bytes().first(), Some(b'S' | b's' | b'M' | b'm')) {
        return false;
    }
    let Some(key) = KEYS.into_iter().find(|k| starts_ci(raw, k)) else { return false };
    let Some(v) = raw[key.len()..].trim_start().strip_prefix([':', '=']) else { return false };
    let v = lines::trim(v);
    c.kind(RecordKind::Setting);
    c.slice(key, v);
    let yes = v.eq_ignore_ascii_case("true") || v.eq_ignore_ascii_case("$true");
    let no = v.eq_ignore_ascii_case("false") || v.eq_ignore_ascii_case("$false");
    match key {
        "SyncCycleEnabled" if no => c.facts.push(Fact::new(Fk::SyncCycleOff, first, last)),
        "SyncCycleEnabled" if yes => c.facts.push(Fact::new(Fk::SyncCycleOn, first, last)),
        "SchedulerSuspended" if yes => c.facts.push(Fact::new(Fk::SchedulerSuspended, first, last)),
        _ => {}
    }
    true
}

/// The value after a Format-List key's first colon (a time has colons of its own).
fn value_after_key(raw: &str) -> &str {
    raw.split_once(':').map_or("", |(_, v)| v.trim())
}

#[cfg(test)]
mod tests {
    use crate::analysis::analyze;
    use crate::knowledge::{FindingId as F, Param as P};

    /// The temporary password's `force_change` parameter: whether the feature was read as on.
    fn force_change(feature_line: &str) -> bool {
        let paste = format!("pwdLastSet : 0\n{feature_line}\n");
        let a = analyze(&paste);
        let f = a.findings.iter().find(|f| f.id == F::TemporaryPassword).expect("a temporary password");
        f.params.iter().any(|(k, v)| *k == P::ForceChange && v == "on")
    }

    #[test]
    fn the_force_change_feature_in_each_spelling() {
        assert!(force_change("ForcePasswordChangeOnLogOn : True"));
        assert!(force_change("UserForcePasswordChangeOnLogonEnabled : True"));
        assert!(force_change("We ran Set-ADSyncAADCompanyFeature -ForcePasswordChangeOnLogOn $true yesterday."));
        assert!(!force_change("ForcePasswordChangeOnLogOn : False"));
        assert!(!force_change("UserForcePasswordChangeOnLogonEnabled : False"));
        assert!(!force_change("ForcePasswordChangeOnLogOn : Truest"));
    }
}
