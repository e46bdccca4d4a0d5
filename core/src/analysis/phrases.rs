//! The phrases the recognisers look for, scanned in one pass per line (see `scan.rs`).

use std::sync::OnceLock;

use super::anchors;
use super::errors::{ErrorKind, ERRORS};
use super::scan::Scanner;
use crate::knowledge::STATUSES;

pub(crate) use super::tags::{Ph, Tag};

const PHRASES: &[(&str, Ph)] = &[
    ("rpc error", Ph::RpcError),
    ("rpc", Ph::RpcWord),
    ("error", Ph::ErrorWord),
    ("error code", Ph::ErrorCode),
    ("sign-in error code", Ph::SignInCode),
    ("anmeldefehlercode", Ph::SignInCode),
    ("code d'erreur de connexion", Ph::SignInCode),
    ("codice di errore di accesso", Ph::SignInCode),
    ("errorcode", Ph::SignInCode),
    ("errornumber", Ph::SignInCode),
    ("aadsts", Ph::SignInCode),
    ("sync is already running", Ph::CmdletError),
    ("cannot start a new run", Ph::CmdletError),
    ("is busy", Ph::CmdletError),
    ("connectornotfoundexception", Ph::CmdletError),
    ("the specified ma could not be found", Ph::CmdletError),
    ("is not recognized as the name of a cmdlet", Ph::CmdletError),
    ("commandnotfoundexception", Ph::CmdletError),
    ("module 'adsync' was not loaded", Ph::CmdletError),
    ("the sync command or cmdlet is not available", Ph::CmdletError),
    ("export", Ph::RunProfile),
    ("delta import", Ph::RunProfile),
    ("full import", Ph::RunProfile),
    ("delta synchronization", Ph::RunProfile),
    ("full synchronization", Ph::RunProfile),
    ("drsexception", Ph::Drs),
    ("drscommunicationexception", Ph::Drs),
    ("staging mode", Ph::Staging),
    ("staging-mode", Ph::Staging),
    ("stagingmodeenabled", Ph::StagingEnabledKey),
    ("heartbeat", Ph::Heartbeat),
    ("heart beat", Ph::Heartbeat),
    ("ping event", Ph::Heartbeat),
    ("no recent synchronization", Ph::NoRecentSync),
    ("stopped working", Ph::StoppedWorking),
    ("connect health", Ph::HealthTitle),
    ("permission", Ph::Permission),
    ("username or password", Ph::Credential),
    ("user name or password", Ph::Credential),
    ("credential", Ph::Credential),
    ("username and password", Ph::Credential),
    ("user name and password", Ph::Credential),
    ("reachable", Ph::Reach),
    ("connect to domain", Ph::Reach),
    ("connect to the domain", Ph::Reach),
    ("connection to domain", Ph::Reach),
    ("connection to the domain", Ph::Reach),
    ("reach domain", Ph::Reach),
    ("reach the domain", Ph::Reach),
    ("connector space", Ph::ConnectorSpace),
    ("metaverse", Ph::Metaverse),
    ("exported", Ph::Exported),
    ("temporary password", Ph::TempPassword),
    ("must change password", Ph::TempPassword),
    ("change password at next logon", Ph::TempPassword),
    ("change their passwords at next logon", Ph::TempPassword),
    ("untick", Ph::Unticked),
    ("filtered due to", Ph::ScopeFiltered),
    ("fips", Ph::Fips),
    ("uncheck", Ph::Unticked),
    ("cloudfiltered", Ph::CloudFiltered),
    ("sync rule", Ph::SyncRule),
    ("synchronization rule", Ph::SyncRule),
    ("history", Ph::History),
    ("last 7 days", Ph::History),
    ("seven days", Ph::History),
    ("not available", Ph::History),
    ("t available", Ph::History),
    ("password hash sync", Ph::Phs),
    ("password sync", Ph::Phs),
    ("password synchronization", Ph::Phs),
    ("passwordsync", Ph::Phs),
    ("password hash synchronization", Ph::Phs),
    ("passwordhashsync", Ph::CompanyFeatureKey),
    ("password sync feature enabled in your azure ad directory", Ph::SsFeature),
    ("password sync channel status begin", Ph::SsBegin),
    ("password sync channel status end", Ph::SsEnd),
    ("more than one azure ad connectors found", Ph::SsMulti),
    ("no azure ad connector was found", Ph::SsNoAad),
    ("no ad ds connector was found", Ph::SsNoAd),
    ("sourceconnector", Ph::ConfigKey),
    ("targetconnector", Ph::ConfigKey),
    ("aadconnect troubleshooting", Ph::DiagMenu),
    ("troubleshoot password hash synchronization", Ph::DiagMenu),
    ("password hash synchronization does not work at all", Ph::DiagMenu),
    ("enter '", Ph::DiagMenu),
    ("please make a selection", Ph::DiagMenu),
    ("for more help", Ph::DiagFooter),
    ("general diagnostics", Ph::DiagTitle),
    ("single object diagnostics", Ph::DiagTitle),
    ("directory partitions", Ph::DiagTitle),
    ("checking connectivity", Ph::DiagTitle),
    ("only use preferred domain controller", Ph::DiagTitle),
    ("go.microsoft.com/fwlink/?linkid=847231", Ph::DiagFooter),
    ("open a service request", Ph::DiagFooter),
    ("password change request", Ph::PwRequest),
    ("password change result", Ph::PwResult),
    ("forest-info", Ph::ForestInfo),
    ("partition-name", Ph::ForestInfo),
    ("connector-id", Ph::ForestInfo),
    ("password synchronization failed", Ph::Ev611),
    ("password hash synchronization failed", Ph::Ev611),
    ("failed credential provisioning batch", Ph::Ev652),
    ("failed credential provisioning ping", Ph::Ev655),
    ("provision credentials ping end", Ph::Ev654),
    ("provision credentials ping start", Ph::Ev653),
    ("provision credentials batch start", Ph::Ev650),
    ("provision credentials batch end", Ph::Ev651),
    ("scheduled for retry", Ph::Ev0Retry),
    ("will be retried", Ph::Retry),
    ("retry queue", Ph::Retry),
    ("synchronization completed for domain", Ph::Ev622),
    ("synchronization completed for forest", Ph::Ev623),
    ("synchronization started for forest", Ph::Ev617),
    ("full sync has not yet completed", Ph::Ev613),
    ("until a full directory sync has completed", Ph::Ev613),
    ("md5 decryption key", Ph::Ev667),
    ("result :", Ph::ResultKey),
    ("result:", Ph::ResultKey),
    ("status :", Ph::StatusKey),
    ("status:", Ph::StatusKey),
    // Format-List pads a key to the longest one's width (`Status            : Success`).
    ("status  ", Ph::StatusKey),
    ("result  ", Ph::ResultKey),
    ("version", Ph::Version),
    ("azure ad sync", Ph::Product),
    ("aad sync", Ph::Product),
    ("azure ad connect", Ph::Product),
    ("aadconnect", Ph::Product),
    ("aad connect", Ph::Product),
    ("connect server", Ph::Product),
    ("entra connect", Ph::Product),
    ("synchronization services", Ph::Product),
    ("password writeback", Ph::Writeback),
    ("passwordresetservice", Ph::WritebackType),
    ("sspr_", Ph::WritebackType),
    ("onpremisespasswordreset", Ph::WritebackType),
    ("passwordresetexception", Ph::WritebackType),
    // SSPR's audit log: its category and its on-premises results (the second spelling is
    // Microsoft's own).
    ("self-service password management", Ph::WritebackType),
    ("onpremisesconnectivityerror", Ph::WritebackType),
    ("onpremisesconnectivtyfailure", Ph::WritebackType),
    ("onpremisesconnectivityfailure", Ph::WritebackType),
    ("aadsts800", Ph::PtaCode),
    // Pass-through authentication's agent, by its names (not a word of password hash sync).
    ("authentication agent", Ph::PtaCode),
    ("azureadconnectauthenticationagent", Ph::PtaCode),
    // Exchange hybrid writeback: its permission cmdlet and an attribute only it writes back.
    // Microsoft Identity Manager (and FIM 2010): the product's names and its Password Change
    // Notification Service, none of which Connect prints.
    // (FIM 2010 by its year: Connect's own miiserver.exe is described as "Forefront Identity
    // Manager Synchronization Service".)
    ("forefront identity manager 2010", Ph::Mim),
    ("fim 2010", Ph::Mim),
    ("microsoft identity manager", Ph::Mim),
    ("mim 2016", Ph::Mim),
    ("mim sync", Ph::Mim),
    ("password change notification service", Ph::Mim),
    ("pcnssvc", Ph::Mim),
    // PCNS by its short name as a word (`from PCNS`, `the PCNS service`), and MIM's
    // synchronization service's name for its own server.
    ("pcns", Ph::Mim),
    ("synchronization engine server", Ph::Mim),
    // Another program's stack trace: Java's and Python's own frames and headers.
    ("onpremiseslastpasswordsyncdatetime", Ph::TenantSyncTime),
    ("lastpasswordsynctime", Ph::TenantSyncTime),
    ("onpremiseslastsyncdatetime", Ph::TenantSyncTime),
    ("lastdirsynctime", Ph::TenantSyncTime),
    ("passwordlastset", Ph::PasswordLastSet),
    ("pwdlastset", Ph::PasswordLastSet),
    ("lastpasswordchangedatetime", Ph::CloudPasswordChange),
    ("authenticationtype", Ph::DomainAuth),
    ("authentication ", Ph::DomainAuth),
    ("lastpasswordchangetimestamp", Ph::CloudPasswordChange),
    ("isconnector", Ph::CsObjectKey),
    ("forcepasswordchangeonlogon", Ph::ForceChangeKey),
    ("change user password", Ph::AuditPasswordChange),
    ("reset user password", Ph::AuditPasswordReset),
    ("reset password (by admin)", Ph::AuditPasswordReset),
    ("userforcepasswordchangeonlogonenabled", Ph::ForceChangeKey),
    ("connectedmvobjectid", Ph::CsObjectKey),
    ("passwordsync ", Ph::PasswordSyncColumn),
    ("passwordsync\t", Ph::PasswordSyncColumn),
    ("java.lang.", Ph::ForeignStack),
    ("at java.base/", Ph::ForeignStack),
    ("exception in thread \"", Ph::ForeignStack),
    ("traceback (most recent call last)", Ph::ForeignStack),
    // Another product's code that reads password hashes over DRS itself (DSInternals, which
    // third-party sync agents are built on): its `Replication access was denied` is its account's.
    ("at dsinternals.", Ph::ForeignStack),
    ("dsinternals.replication", Ph::ForeignStack),
    ("set-adsyncexchangehybridpermissions", Ph::ExchangeHybrid),
    ("okta.agents", Ph::OtherIdp),
    ("okta ad agent", Ph::OtherIdp),
    ("okta system log", Ph::OtherIdp),
    ("pingfederate", Ph::OtherIdp),
    ("com.pingidentity", Ph::OtherIdp),
    ("duo authentication proxy", Ph::OtherIdp),
    ("duoauthproxy", Ph::OtherIdp),
    ("google cloud directory sync", Ph::OtherIdp),
    ("google password sync", Ph::OtherIdp),
    ("google apps password sync", Ph::OtherIdp),
    // (Only Domain Services' own settings and cmdlets: Connect's MissingAttribute status names
    // "Azure AD Domain Services" in its own message.)
    ("get-azaddomainservice", Ph::DomainServices),
    ("get-mgdomainservice", Ph::DomainServices),
    ("domainsecuritysettingsyncntlmpassword", Ph::DomainServices),
    ("syncntlmpasswords", Ph::DomainServices),
    // Its names (not "managed domain": a Microsoft Entra domain that isn't federated is one too).
    ("azure adds", Ph::DomainServices),
    ("azure ad ds", Ph::DomainServices),
    ("azure ad domain services", Ph::DomainServices),
    ("entra domain services", Ph::DomainServices),
    ("aadds", Ph::DomainServices),
    ("msexchsafesendershash", Ph::ExchangeHybrid),
    ("azure password policy", Ph::ProtectionWords),
    ("banned password list", Ph::ProtectionWords),
    ("azureadpasswordprotection", Ph::ProtectionWords),
    ("failed test replications", Ph::DcDiag),
    ("replications check", Ph::DcDiag),
    // repadmin /showrepl between domain controllers (its output, not its name: admins run
    // repadmin while they fix password sync too).
    ("inbound neighbors", Ph::DcDiag),
    ("consecutive failure", Ph::DcDiag),
    ("last attempt @", Ph::DcDiag),
    ("dsa object guid", Ph::DcDiag),
    // DirSync (the Windows Azure Active Directory Sync tool), retired before Connect.
    ("windows azure active directory sync tool", Ph::DirSync),
    ("directory synchronization tool", Ph::DirSync),
    ("dirsyncconfigshell", Ph::DirSync),
    ("start-onlinecoexistencesync", Ph::DirSync),
    ("aadcloudsynctools", Ph::CloudSync),
    ("aadconnectprovisioningagent", Ph::CloudSync),
    ("provisioning agent", Ph::CloudSync),
    ("pgmsa_", Ph::CloudSync),
    // Cloud Sync's job templates (Get-AADCloudSyncToolsJob), its portal path, and its agent's
    // service name as a table column cuts it.
    ("ad2aadprovisioning", Ph::CloudSync),
    ("ad2aadpasswordhash", Ph::CloudSync),
    ("connect > cloud sync", Ph::CloudSync),
    ("aadconnectprovi", Ph::CloudSync),
    // Its product name, its service account's repair cmdlet, and its quarantine's error codes
    // (`AzureActiveDirectoryExpiredCredentials`: its own account's AADSTS50055, not Connect's).
    ("entra cloud sync", Ph::CloudSync),
    ("ad cloud sync", Ph::CloudSync),
    ("aad cloud sync", Ph::CloudSync),
    ("repair-aadcloudsynctoolsaccount", Ph::CloudSync),
    ("azureactivedirectoryexpiredcredentials", Ph::CloudSync),
    ("azureactivedirectoryinvalidcredential", Ph::CloudSync),
    ("azureadssoacc", Ph::SeamlessSso),
    ("azureadsso.psd1", Ph::SeamlessSso),
    ("get-azureadssostatus", Ph::SeamlessSso),
    ("enable-azureadssoforest", Ph::SeamlessSso),
    ("new-azureadssoauthenticationcontext", Ph::SeamlessSso),
    ("update-azureadssoforest", Ph::SeamlessSso),
    ("disable-azureadssoforest", Ph::SeamlessSso),
    ("microsoft.kerberosauth", Ph::SeamlessSso),
    // The ADSync service's COM server, which the sync cmdlets call.
    ("835bee60-8731-4159-8bff-941301d76d05", Ph::SyncServiceCom),
    // The Connect Health agent's own services (it only monitors the sync).
    ("connect health sync insights service", Ph::HealthAgent),
    ("connect health sync monitoring service", Ph::HealthAgent),
    ("azureadconnecthealthsync", Ph::HealthAgent),
    // The sync engine's Windows service by its display names (`Microsoft Azure AD Sync` up to
    // 2.x, `Microsoft Entra ID Sync` since), as Service Control Manager's events and
    // `Get-Service` name it in every language (`parse/service.rs`).
    ("microsoft azure ad sync", Ph::SyncService),
    ("microsoft entra id sync", Ph::SyncService),
    ("adsync service", Ph::SyncService),
    ("\"adsync\"", Ph::SyncService),
    ("(adsync)", Ph::SyncService),
    ("'adsync'", Ph::SyncService),
    ("service adsync", Ph::SyncService),
    // Its display name translated (`Sincronización de Microsoft Azure AD`), its name after the
    // word for service (its name before a word of another script, `ADSync 서비스`, is
    // `parse/line.rs`'s).
    ("de microsoft azure ad", Ph::SyncService),
    ("servizio adsync", Ph::SyncService),
    ("servicio adsync", Ph::SyncService),
    ("logon failure", Ph::ServiceLogon),
    ("couldnotstartservice", Ph::ServiceStart),
    ("cannot start service", Ph::ServiceStart),
    ("error 1069", Ph::ServiceLogon),
    // ERROR_SERVICE_LOGON_FAILED's number after the word for error in the languages Windows
    // ships (`Error 1069:` is Spanish too), and before the colon that follows it in every
    // language (`오류 1069:`, `错误 1069：`): a service that couldn't log on. (The scanner's
    // phrases are ASCII: a word of another script can't be one.)
    ("1069:", Ph::ServiceLogon),
    ("error 1058", Ph::ServiceDisabled),
    ("1058:", Ph::ServiceDisabled),
    ("error_service_disabled", Ph::ServiceDisabled),
    ("1069 :", Ph::ServiceLogon),
    ("errore 1069", Ph::ServiceLogon),
    ("erro 1069", Ph::ServiceLogon),
    ("erreur 1069", Ph::ServiceLogon),
    ("fehler 1069", Ph::ServiceLogon),
    ("systemfehler 1069", Ph::ServiceLogon),
    ("fout 1069", Ph::ServiceLogon),
    ("hata 1069", Ph::ServiceLogon),
    ("1069  (0x42d)", Ph::ServiceLogon),
    ("error_service_logon_failed", Ph::ServiceLogon),
    ("was unable to log on as", Ph::ServiceLogon),
    ("fehlgeschlagenen anmeldung", Ph::ServiceLogon),
    ("scheduler is already suspended", Ph::SchedulerSuspendedMsg),
    // PowerShell 7's error view (`Get-EventLog: …`) and any error record's `(Get-EventLog:String)`.
    ("get-eventlog:", Ph::EventLogCmdletMissing),
    // Selective password hash sync's exclusion: the object's value, the rule that applies it.
    ("phsfiltered", Ph::SelectivePhs),
    ("filter users from phs", Ph::SelectivePhs),
    // A script or module refused by the execution policy (the error's type and its help link,
    // the same in every language) and the troubleshooter's cmdlet not found.
    ("pssecurityexception", Ph::ExecutionPolicy),
    ("about_execution_policies", Ph::ExecutionPolicy),
    ("invoke-adsyncdiagnostics:string)", Ph::DiagnosticsMissing),
    ("user name or password is incorrect", Ph::UserPassIncorrect),
    // Windows' message for ERROR_LOGON_FAILURE in German (KB 2962509's German translation).
    ("der benutzername oder das kennwort ist falsch", Ph::UserPassIncorrect),
    // The same message (ERROR_LOGON_FAILURE, 1326) as Windows prints it in other languages, in
    // a 611's .NET details on a translated server (the ones with a letter that isn't ASCII:
    // `anchors.rs`; the scanner's phrases are ASCII, a test says so).
    ("utilisateur ou le mot de passe est incorrect", Ph::UserPassIncorrect),
    ("gebruikersnaam of het wachtwoord is onjuist", Ph::UserPassIncorrect),
    ("username or password is incorrect", Ph::UserPassIncorrect),
    ("for domain", Ph::ForDomain),
    ("for forest", Ph::ForDomain),
    ("resolved", Ph::Resolved),
    ("sync service isn't running", Ph::AlertTitle),
    ("sync service is not running", Ph::AlertTitle),
    ("servicenotrunning", Ph::AlertTitle),
    ("failed due to authentication failure", Ph::AlertTitle),
    ("accidental delete threshold", Ph::AlertTitle),
    ("stopped-deletion-threshold-exceeded", Ph::AlertTitle),
    ("import from active directory failed", Ph::AlertTitle),
    ("export to active directory failed", Ph::AlertTitle),
    ("import from microsoft entra id failed", Ph::AlertTitle),
    ("export to microsoft entra id failed", Ph::AlertTitle),
    ("import from azure active directory failed", Ph::AlertTitle),
    ("export to azure active directory failed", Ph::AlertTitle),
    ("import from azure ad failed", Ph::AlertTitle),
    ("export to azure ad failed", Ph::AlertTitle),
    ("health service data is not up to date", Ph::AlertTitle),
    ("health service data isn't up to date", Ph::AlertTitle),
    ("high cpu usage detected", Ph::AlertTitle),
    ("high memory consumption detected", Ph::AlertTitle),
    ("no-start-connection", Ph::NoStart),
    ("set-adsyncpasswordhashsyncpermissions", Ph::AdSyncConfig),
    ("set-adsyncrestrictedpermissions", Ph::AdSyncConfig),
    ("grantacls", Ph::AdSyncConfig),
    ("grantadpermissions", Ph::AdSyncConfig),
    ("set-adsyncpasswordwritebackpermissions", Ph::AdSyncConfig),
    ("set-adsyncbasicreadpermissions", Ph::AdSyncConfig),
    ("set-adsyncmsdsconsistencyguidpermissions", Ph::AdSyncConfig),
    ("set-adsyncexchangehybridpermissions", Ph::AdSyncConfig),
    ("set-adsyncunifiedgroupwritebackpermissions", Ph::AdSyncConfig),
    ("fullyqualifiederrorid", Ph::AdSyncConfig),
    ("attributevaluemustbeunique", Ph::ExportError),
    ("invalidsoftmatch", Ph::ExportError),
    ("largeobject", Ph::ExportError),
    // LargeObject's message, as Synchronization Service Manager shows it without the type.
    ("the provisioned object is too large", Ph::ExportError),
    ("objecttypemismatch", Ph::ExportError),
    ("federateddomainchangeerror", Ph::ExportError),
    ("permission-issue", Ph::ExportError),
    ("completed-export-errors", Ph::ExportError),
    ("ispasswordsyncing=", Ph::TraceKey),
    ("password sync is not supported on this install", Ph::TraceKey),
];

/// Status values too common as words to look for everywhere; they count only after
/// `Result :` / `Status :` or in a log row.
pub(crate) const COMMON_STATUSES: [&str; 3] = ["Success", "Error", "Unknown"];

pub(crate) fn scanner() -> &'static Scanner<Tag> {
    static SCANNER: OnceLock<Scanner<Tag>> = OnceLock::new();
    SCANNER.get_or_init(|| {
        let mut list: Vec<(String, Tag)> = PHRASES.iter().map(|(p, ph)| (p.to_string(), Tag::Ph(*ph))).collect();
        for (i, e) in ERRORS.iter().enumerate() {
            match e.kind {
                ErrorKind::Message => list.push((e.message.to_string(), Tag::Err(i as u16))),
                ErrorKind::Service => list.push((e.message.trim_end_matches('.').to_string(), Tag::Err(i as u16))),
                ErrorKind::Rpc => {
                    list.push((format!("0x{:x}", e.code), Tag::Code(e.code)));
                    list.push((format!("0x8007{:04x}", e.code), Tag::Code(e.code)));
                    if e.code >= 1000 {
                        list.push((format!("{}:", e.code), Tag::Code(e.code)));
                        list.push((format!("{} :", e.code), Tag::Code(e.code)));
                    }
                }
            }
        }
        list.extend(anchors::ascii_error_code_words().map(|w| (w.to_string(), Tag::Ph(Ph::ErrorCodeWord))));
        list.extend(super::parse::health::ascii_titles().map(|t| (t.to_string(), Tag::Ph(Ph::AlertTitle))));
        for (i, s) in STATUSES.iter().enumerate() {
            if !COMMON_STATUSES.contains(&s.name) {
                list.push((s.name.to_string(), Tag::Status(i as u8)));
            }
        }
        Scanner::new(list)
    })
}

/// The families `ps` as a mask for [`Hits::any_of`].
pub(crate) const fn mask(ps: &[Ph]) -> u128 {
    let mut m = 0u128;
    let mut i = 0;
    while i < ps.len() {
        m |= 1u128 << (ps[i] as u8);
        i += 1;
    }
    m
}

/// The hits of one line.
#[derive(Default)]
pub(crate) struct Hits {
    mask: u128,
    pub list: Vec<(Tag, usize, usize)>,
    /// The line has a byte that is not ASCII (another script, or accents).
    pub other_script: bool,
}

impl Hits {
    pub fn scan(&mut self, text: &str) {
        self.list.clear();
        self.mask = 0;
        let other_script = scanner().scan(text.as_bytes(), &mut self.list);
        self.other_script = other_script;
        anchors::extra_hits(text, other_script, &mut self.list);
        for (t, _, _) in &self.list {
            if let Tag::Ph(p) = t {
                self.mask |= 1u128 << (*p as u8);
            }
        }
    }

    #[inline]
    pub fn has(&self, p: Ph) -> bool {
        self.mask & (1u128 << (p as u8)) != 0
    }

    /// Whether any family of `mask` (from [`mask`]) was found.
    #[inline]
    pub fn any_of(&self, mask: u128) -> bool {
        self.mask & mask != 0
    }

    pub fn any(&self) -> bool {
        !self.list.is_empty()
    }

    /// Byte offsets just after every hit of `p`.
    pub fn ends(&self, p: Ph) -> impl Iterator<Item = usize> + '_ {
        self.list.iter().filter(move |(t, _, _)| *t == Tag::Ph(p)).map(|(_, at, len)| at + len)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The scanner looks for ASCII phrases only: another one would never be found.
    #[test]
    fn every_phrase_is_ascii() {
        for (p, _) in super::PHRASES {
            assert!(p.is_ascii() && p.len() >= 3, "{p:?} can't be scanned: put it in anchors.rs");
        }
    }

    #[test]
    fn fewer_than_128_families() {
        assert!((Ph::ErrorCodeWord as u8) < 128);
    }

    #[test]
    fn hits() {
        let mut h = Hits::default();
        h.scan("Details: DrsException: RPC Error 8453 : Replication access was denied. 0x6BA");
        assert!(h.has(Ph::RpcError) && h.has(Ph::Drs));
        assert!(h.list.iter().any(|(t, _, _)| *t == Tag::Code(1722)));
        assert!(h.list.iter().any(|(t, _, _)| matches!(t, Tag::Err(_))));
        assert_eq!(h.ends(Ph::RpcError).collect::<Vec<_>>(), vec![32]);
        h.scan("TargetNotExportedToDirectory");
        assert!(h.list.iter().any(|(t, _, _)| matches!(t, Tag::Status(_))));
    }
}
