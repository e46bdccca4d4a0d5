//! The phrase families and hit tags the line scanner reports (`phrases.rs` builds the scanner,
//! `anchors.rs` adds hits): a leaf, so that both can name them without importing each other.

/// Phrase families. At most 128 (they index a `u128` mask).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
#[repr(u8)]
pub(crate) enum Ph {
    RpcError,
    ErrorCode,
    Drs,
    Staging,
    StagingEnabledKey,
    Heartbeat,
    NoRecentSync,
    StoppedWorking,
    HealthTitle,
    Permission,
    Credential,
    Reach,
    ConnectorSpace,
    Metaverse,
    Exported,
    TempPassword,
    CloudFiltered,
    SyncRule,
    History,
    Phs,
    CompanyFeatureKey,
    SsFeature,
    SsBegin,
    SsEnd,
    SsMulti,
    SsNoAad,
    SsNoAd,
    ConfigKey,
    DiagMenu,
    DiagFooter,
    DiagTitle,
    PwRequest,
    PwResult,
    ForestInfo,
    Ev611,
    Ev652,
    Ev655,
    Ev654,
    Ev653,
    Ev650,
    Ev651,
    Ev0Retry,
    Retry,
    Ev622,
    Ev623,
    Ev617,
    Ev613,
    Ev667,
    ResultKey,
    StatusKey,
    Version,
    Writeback,
    /// Another feature's own type names and codes (`adjacent::feature_of`).
    WritebackType,
    PtaCode,
    ProtectionWords,
    DcDiag,
    /// `Status: Resolved`, `The following alert has been resolved` (`parse/troubleshooter.rs`).
    Resolved,
    DirSync,
    CloudSync,
    SeamlessSso,
    SyncServiceCom,
    ExchangeHybrid,
    /// Another identity product's own names (Okta's AD agent, PingFederate, Duo's proxy,
    /// Google's directory and password sync).
    OtherIdp,
    /// Microsoft Entra Domain Services (its own password hash sync of NTLM and Kerberos hashes).
    DomainServices,
    /// Other products whose text looks like Connect's: Microsoft Identity Manager (its sync
    /// engine is Connect's ancestor; PCNS), a Java or Python stack trace.
    Mim,
    ForeignStack,
    /// A Lineage tab's `PasswordSync` column header (`recognise.rs` `lineage_line`).
    PasswordSyncColumn,
    /// Get-ADUser's `PasswordLastSet` (`parse/status_script.rs`).
    PasswordLastSet,
    /// `Get-ADSyncCSObject`'s `IsConnector` and `ConnectedMVObjectId` (`parse/status_script.rs`).
    CsObjectKey,
    /// The ForcePasswordChangeOnLogOn feature's name (`parse/status_script.rs`).
    ForceChangeKey,
    /// The Microsoft Entra audit log's activity `Change user password` (`parse/line.rs`).
    AuditPasswordChange,
    /// The tenant's last password and directory sync times (Graph, MSOnline).
    TenantSyncTime,
    /// The product's names, before a build number (`parse/text.rs` `connect_version`).
    Product,
    UserPassIncorrect,
    ForDomain,
    // Classes of input with their own parsers (`health.rs`, `adsyncconfig.rs`, `trace.rs`,
    // `adjacent.rs`): found in the same pass, read there.
    AlertTitle,
    NoStart,
    AdSyncConfig,
    ExportError,
    /// The Microsoft Entra ID Sync Windows service by name (`parse/service.rs`).
    SyncService,
    /// A Windows service that couldn't log on: error 1069 and its message.
    ServiceLogon,
    /// A service that was started and didn't start (`CouldNotStartService`, Start-Service's
    /// error id in every language).
    ServiceStart,
    /// `Scheduler is already suspended`.
    SchedulerSuspendedMsg,
    /// `Get-EventLog` couldn't run (PowerShell 7 has none).
    EventLogCmdletMissing,
    /// Selective password hash sync's `PHSFiltered` and its rule.
    SelectivePhs,
    /// A script refused by PowerShell's execution policy (`PSSecurityException`).
    ExecutionPolicy,
    /// `Invoke-ADSyncDiagnostics` not found (`CommandNotFoundException`).
    DiagnosticsMissing,
    TraceKey,
    /// `RPC` as a word: an anchor for a number after it (`anchors.rs`), not reported as a hit.
    RpcWord,
    /// A sign-in log's error code key (`Sign-in error code`, Graph's `errorCode`, the audit
    /// log's `ErrorNumber`) or an `AADSTS` code (`parse/signin.rs`).
    SignInCode,
    /// The single-object troubleshooter's `filtered due to OU filtering`.
    ScopeFiltered,
    /// The Connect Health agent's services (`Azure AD Connect Health Sync Insights Service`).
    HealthAgent,
    /// FIPS mode, by its name (`FIPS`, `enforceFIPSPolicy`).
    Fips,
    /// A domain's `AuthenticationType` / `Authentication` (federated or managed).
    DomainAuth,
    /// A service's startup type Disabled (ERROR_SERVICE_DISABLED, 1058).
    ServiceDisabled,
    /// The Microsoft Entra audit log's `Reset user password` (an admin's reset in the cloud).
    AuditPasswordReset,
    /// A user's last password change in Microsoft Entra ID (`LastPasswordChangeDateTime`,
    /// `LastPasswordChangeTimestamp`).
    CloudPasswordChange,
    /// An error record of the ADSync module's cmdlets (`parse/cmdlet_error.rs`).
    CmdletError,
    /// `unticked`, `unchecked`: a check box cleared (the temporary password's, said on a line
    /// of its own).
    Unticked,
    /// A run profile's name (`Export`, `Delta Import`, …): a row of the Operations tab
    /// (`parse/run_history.rs`).
    RunProfile,
    /// `error` as a word: an anchor for an RPC/DRS number right after it (`error 8453`,
    /// `anchors.rs`), not reported as a hit.
    ErrorWord,
    /// The service's `Error Code` in another language (`anchors.rs`), not reported as a hit.
    ErrorCodeWord,
}

/// What a scanner hit stands for.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Tag {
    Ph(Ph),
    /// An entry of `errors::ERRORS` matched by its text, or a code of it found next to an
    /// anchor (`anchors.rs`).
    Err(u16),
    /// Another spelling of a decoded RPC error code: hex (`0x2105`, `0x80072105`) or a bare
    /// `8453:`.
    Code(u32),
    /// A distinctive log status value (index into `knowledge::STATUSES`).
    Status(u8),
}
