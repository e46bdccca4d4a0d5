//! The registry of what the analysis reads: every kind of input, what it is called, how to get
//! it on the Connect server, a short sample and the records it gives. The app's "what you can
//! paste" list and `phs-doctor diagnose --help` are made from it, and a test analyses every
//! sample and checks that it gives those records (so the list cannot promise what the parsers
//! do not read).

use super::model::RecordKind;

/// One kind of input the analysis reads.
#[derive(Debug)]
pub struct InputKind {
    pub id: &'static str,
    /// The module that reads it, under `core/src/analysis/` (its doc comment shows a sample).
    pub parser: &'static str,
    pub name: &'static str,
    /// Where it comes from (a command, a window, a page).
    pub how: &'static str,
    /// A short sample, as printed.
    pub sample: &'static str,
    /// The records the analysis makes of it.
    pub records: &'static [RecordKind],
}

/// Every input kind, in the order a reader looks for theirs.
pub static INPUT_KINDS: &[InputKind] = &[
    InputKind {
        id: "collector",
        parser: "block.rs",
        name: "The collector's report block",
        how: "The collector script on the Scripts page (phs-doctor script collector): paste its block from BEGIN to END",
        sample: "-----BEGIN PHS-DOCTOR REPORT v1-----\n\
                 eyJzY2hlbWEiOiJwaHMtZG9jdG9yLXJlcG9ydC8xIiwiY29sbGVjdGVkX3V0YyI6IjIwMjYtMTEt\n\
                 MzBUMTA6MTU6MDJaIiwiY29tcHV0ZXIiOiJTWU5DMDEiLCJjb25uZWN0X3ZlcnNpb24iOiIyLjQu\n\
                 MTMxLjAiLCJzdGFnaW5nX21vZGUiOmZhbHNlLCJ0ZW5hbnRfcGhzX2VuYWJsZWQiOnRydWUsImNv\n\
                 bm5lY3RvcnMiOltdLCJwaHNfY29uZmlnIjpbXSwiaGVhcnRiZWF0cyI6W10sImV2ZW50cyI6W10s\n\
                 ImVycm9ycyI6W119\n\
                 -----END PHS-DOCTOR REPORT v1 length=240 sha256=a50ba16ae78e87a4170aa44d0351f7d941e4a30ace72aefb6c2aee087ea911cb-----\n",
        records: &[RecordKind::Report],
    },
    InputKind {
        id: "troubleshooter",
        parser: "parse/troubleshooter.rs",
        name: "The troubleshooter's output",
        how: "Invoke-ADSyncDiagnostics -PasswordSync, or the troubleshooting task's password hash sync checks (all users or one object)",
        sample: "Password Hash Synchronization cloud configuration is enabled\n\
                 Password Hash Synchronization is enabled for AD Connector: contoso.com\n\
                 Last successful attempt to synchronize passwords from this directory partition started at: 3/2/2017 4:31:09 AM and ended at: 3/2/2017 4:31:09 AM\n",
        records: &[RecordKind::DiagnosticsCheck],
    },
    InputKind {
        id: "status-script",
        parser: "parse/status_script.rs",
        name: "The status script's output",
        how: "The script on the Scripts page (the article's script that lists each AD connector's password sync channel)",
        sample: "Password sync feature enabled in your Azure AD directory:  True\n\n\
                 SourceConnector : contoso.com\n\
                 TargetConnector : contoso.onmicrosoft.com - AAD\n\
                 Enabled         : True\n",
        records: &[RecordKind::StatusScript],
    },
    InputKind {
        id: "sync-configuration",
        parser: "recognise.rs",
        name: "Password sync configuration",
        how: "Get-ADSyncAADPasswordSyncConfiguration -SourceConnector <AD connector>",
        sample: "SourceConnector : contoso.com\nTargetConnector : contoso.onmicrosoft.com - AAD\nEnabled         : False\n",
        records: &[RecordKind::SyncConfiguration],
    },
    InputKind {
        id: "settings",
        parser: "parse/status_script.rs",
        name: "Scheduler and tenant settings",
        how: "Get-ADSyncScheduler, Get-ADSyncAADCompanyFeature",
        sample: "StagingModeEnabled                  : True\nSyncCycleEnabled                    : True\n",
        records: &[RecordKind::Setting],
    },
    InputKind {
        id: "event-viewer",
        parser: "parse/event_details.rs",
        name: "An event from Event Viewer",
        how: "Event Viewer, Application log, source \u{201c}Directory Synchronization\u{201d}: the General tab, or Copy \u{2192} Copy details as text",
        sample: "Log Name:      Application\nSource:        Directory Synchronization\nDate:          3/2/2017 4:31:09 AM\nEvent ID:      611\n\
                 Level:         Error\nDescription:\nPassword synchronization failed for domain: contoso.com.\n",
        records: &[RecordKind::Event],
    },
    InputKind {
        id: "event-xml",
        parser: "parse/event_xml.rs",
        name: "Event XML",
        how: "Event Viewer's Details tab (XML View), or Get-WinEvent \u{2026} | ForEach-Object ToXml",
        sample: "<Event xmlns=\"http://schemas.microsoft.com/win/2004/08/events/event\"><System><Provider Name=\"Directory Synchronization\" />\
                 <EventID Qualifiers=\"0\">654</EventID><TimeCreated SystemTime=\"2017-03-02T04:31:09.000000000Z\" /></System>\
                 <EventData><Data>Provision credentials ping end.</Data></EventData></Event>\n",
        records: &[RecordKind::Event],
    },
    InputKind {
        id: "event-table",
        parser: "parse/event_table.rs",
        name: "Events as a table",
        how: "Get-EventLog -LogName Application -Source 'Directory Synchronization', or Get-WinEvent",
        sample: "   Index Time          EntryType   Source                 InstanceID Message\n\
                 \x20  ----- ----          ---------   ------                 ---------- -------\n\
                 \x20 104331 Mar 02 04:31  Information Directory Synchron...         654 Provision credentials ping end.\n",
        records: &[RecordKind::Event],
    },
    InputKind {
        id: "event-list",
        parser: "parse/event_list.rs",
        name: "Events as a list",
        how: "Get-WinEvent \u{2026} | Format-List, or Get-EventLog \u{2026} | Format-List",
        sample: "TimeCreated  : 3/2/2017 4:31:09 AM\nProviderName : Directory Synchronization\nId           : 654\nMessage      : Provision credentials ping end.\n",
        records: &[RecordKind::Event],
    },
    InputKind {
        id: "event-csv",
        parser: "parse/event_csv.rs",
        name: "Events as CSV",
        how: "Event Viewer's Save All Events As (CSV), or Export-Csv",
        sample: "Level,Date and Time,Source,Event ID,Task Category\nInformation,3/2/2017 4:31:09 AM,Directory Synchronization,654,None,\"Provision credentials ping end.\"\n",
        records: &[RecordKind::Event],
    },
    InputKind {
        id: "message",
        parser: "parse/event_message.rs",
        name: "An event's message on its own",
        how: "The text of an event, copied without its header",
        sample: "Password synchronization failed for domain: contoso.com.\n",
        records: &[RecordKind::Message],
    },
    InputKind {
        id: "password-change",
        parser: "parse/password_change.rs",
        name: "Password changes (events 656 and 657)",
        how: "The message of events 656 and 657, with its <forest-info> block",
        sample: "Password Change Result - Anchor : H552hI9GwEykZwosf74JeOQ==, Dn : CN=Viola Hanson,DC=contoso,DC=com, Result : Success.\n\
                 <forest-info>\n  <partition-name>contoso.com</partition-name>\n</forest-info>\n",
        records: &[RecordKind::PasswordChange, RecordKind::ForestInfo],
    },
    InputKind {
        id: "log-status",
        parser: "parse/log_status.rs",
        name: "An object's password sync log",
        how: "Synchronization Service Manager: the object's connector space properties, Log tab (Date/Time, Status)",
        sample: "Date/Time                Status                            Details\n3/2/2017 4:31:09 AM      TargetNotExportedToDirectory\n",
        records: &[RecordKind::LogStatus],
    },
    InputKind {
        id: "health-alert",
        parser: "parse/health.rs",
        name: "A Connect Health alert",
        how: "The Microsoft Entra Connect Health portal or its alert e-mail",
        sample: "Microsoft Entra Connect Health alert\nPassword Hash Synchronization has stopped working\n",
        records: &[RecordKind::HealthAlert],
    },
    InputKind {
        id: "sign-in",
        parser: "parse/signin.rs",
        name: "A user's failed sign-in",
        how: "The Microsoft Entra admin center's Sign-in logs (a sign-in's activity details), Graph's signIn (Get-MgAuditLogSignIn), the unified audit log's UserLoginFailed",
        sample: "Sign-in error code   50126\n",
        records: &[RecordKind::SignIn],
    },
    InputKind {
        id: "runs",
        parser: "parse/run_history.rs",
        name: "The sync engine's runs",
        how: "Synchronization Service Manager's Operations tab (copied or typed), or Get-ADSyncRunProfileResult as a list or a table",
        sample: "Connector Name                 Profile Name  Status               Start Time\n\
                 contoso.onmicrosoft.com - AAD  Export        stopped-server-down  12/8/2025 9:01:10 AM\n",
        records: &[RecordKind::Error],
    },
    InputKind {
        id: "cmdlet-error",
        parser: "parse/cmdlet_error.rs",
        name: "A Connect cmdlet's error",
        how: "The error record PowerShell prints when an ADSync cmdlet fails (a sync already running, a connector name that doesn't exist, the module not loaded), in any language",
        sample: "Start-ADSyncSyncCycle : System.InvalidOperationException: Sync is already running. Cannot start a new run till this one completes.\n",
        records: &[RecordKind::Error],
    },
    InputKind {
        id: "settings-table",
        parser: "parse/prop_table.rs",
        name: "A cmdlet's settings as a table",
        how: "Get-ADSyncScheduler, Get-ADSyncAADCompanyFeature or Get-ADUser piped to Format-Table or Select-Object",
        sample: "StagingModeEnabled SyncCycleEnabled\n\
                 ------------------ ----------------\n\
                 \u{20}             True             True\n",
        records: &[RecordKind::Setting],
    },
    InputKind {
        id: "pipe-table",
        parser: "parse/pipe_table.rs",
        name: "A table copied from a page or a ticket",
        how: "Rows of a Markdown table (| \u{2026} | \u{2026} |), as web pages, wikis and tickets copy them: each cell is read as a line",
        sample: "| Alert Name | Description |\n| --- | --- |\n| Password Hash Synchronization stopped working | Password Hash Synchronization is stopped. |\n",
        records: &[RecordKind::HealthAlert],
    },
    InputKind {
        id: "error",
        parser: "parse/codes.rs",
        name: "An error number or exception",
        how: "An error as printed anywhere: RPC Error 8453, Error Code: 90, 0x2105, an exception's name",
        sample: "RPC Error 8453 : Replication access was denied.\n",
        records: &[RecordKind::Error],
    },
    InputKind {
        id: "command",
        parser: "recognise.rs",
        name: "A PowerShell session",
        how: "The console around any of the above, prompts and commands included",
        sample: "PS C:\\> Get-ADSyncScheduler\n\nStagingModeEnabled                  : False\n",
        records: &[RecordKind::Command, RecordKind::Setting],
    },
];

#[cfg(test)]
mod tests {
    use super::*;
    use crate::analysis::analyze;

    #[test]
    fn every_sample_gives_its_records() {
        for k in INPUT_KINDS {
            let a = analyze(k.sample);
            for want in k.records {
                assert!(
                    a.records.iter().any(|r| r.kind == *want),
                    "{}: no {} record in {:?}",
                    k.id,
                    want.as_str(),
                    a.records.iter().map(|r| r.kind.as_str()).collect::<Vec<_>>()
                );
            }
            assert!(a.unparsed_lines.len() <= 1, "{}: sample lines not understood: {:?}", k.id, a.unparsed_lines);
            assert!(
                a.records.iter().filter(|r| r.kind == RecordKind::Report).all(|r| r.field("check") == Some("ok")),
                "{}: the sample block fails its check: {:?}",
                k.id,
                a.records
            );
        }
    }

    #[test]
    fn every_record_kind_has_an_input_kind() {
        for kind in RecordKind::ALL {
            if *kind == RecordKind::DiagnosticsMenu || *kind == RecordKind::DiagnosticsInfo {
                continue; // the troubleshooter's menu and headers, around its checks
            }
            assert!(INPUT_KINDS.iter().any(|k| k.records.contains(kind)), "no input kind gives {} records", kind.as_str());
        }
        let dir = concat!(env!("CARGO_MANIFEST_DIR"), "/src/analysis/");
        for k in INPUT_KINDS {
            assert!(std::path::Path::new(&format!("{dir}{}", k.parser)).is_file(), "{}: no parser {}", k.id, k.parser);
        }
        let mut ids: Vec<&str> = INPUT_KINDS.iter().map(|k| k.id).collect();
        ids.sort_unstable();
        ids.dedup();
        assert_eq!(ids.len(), INPUT_KINDS.len(), "an input kind id twice");
    }
}
