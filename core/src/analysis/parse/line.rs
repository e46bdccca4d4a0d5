//! One logical line, outside or inside an event message: which parsers it is for, in order —
//! a connector-space log row (`log_status.rs`), the troubleshooter's menus, error numbers and
//! messages in any language (`codes.rs`), `<forest-info>`, a password change record
//! (`password_change.rs`), an event's own wording (`event_message.rs`), the status script and
//! the cmdlets' settings (`status_script.rs`), status values (`log_status.rs`), the
//! troubleshooter's checks and the single-object run (`troubleshooter.rs`), a version.

use super::text::*;
use super::{
    adjacent, cmdlet_error, codes, event_message, log_status, password_change, run_history, service, signin, status_script, troubleshooter,
};
use crate::analysis::fact::{Fact, FactKind as Fk, Hints};
use crate::analysis::lines::{self, Src};
use crate::analysis::model::RecordKind;
use crate::analysis::phrases::{Hits, Ph};
use crate::analysis::scan::{has_ci, starts_ci};
use crate::analysis::time;
use crate::knowledge::Param as P;

/// `lower` is scratch space for the lower-cased line (kept by the caller to save allocations).
///
/// `facts` is an empty vector the result's facts go in (lent, to save an allocation).
#[allow(clippy::too_many_arguments)]
pub(crate) fn recognise<'a>(
    src: Src<'a>,
    first: usize,
    last: usize,
    raw: &str,
    hits: &Hits,
    ctx: Ctx<'_>,
    lower: &mut String,
    facts: Vec<Fact<'a>>,
) -> Content<'a> {
    let mut c = Content {
        src,
        facts,
        kind: None,
        fields: Vec::new(),
        hints: Hints::default(),
        event_guess: None,
        diag_connector: None,
        diag_domain: None,
        status_begin: false,
        status_end: false,
        diag_menu: false,
    };
    c.facts.clear();
    let fact = |k: Fk| Fact::new(k, first, last);

    if let Some((t, status)) = log_status::log_row(raw) {
        let mut s = fact(Fk::LogStatus).param(P::Status, status);
        s.status = Some(status);
        s.time = Some(t);
        if let Some(dn) = ctx.domain {
            s = s.param(P::Domain, c.cow(dn));
        }
        c.facts.push(s);
        c.kind(RecordKind::LogStatus);
        c.field("time", t.text());
        c.field("status", status);
        c.hints.time = Some(t);
        return c;
    }
    // The header of a connector space object's log.
    if (starts_ci(raw, "Date") && has_ci(raw, "Status") && raw.len() < 120 && !raw.contains(':')) || raw.starts_with("Date/Time") {
        c.kind(RecordKind::LogStatus);
        return c;
    }
    if status_script::scheduler(raw, &mut c, first, last) {
        return c;
    }
    if let Some((state, down)) = service::row(raw) {
        c.kind(RecordKind::Setting);
        c.field("service", "ADSync");
        c.field("status", state);
        if down {
            c.facts.push(fact(Fk::SyncServiceDown));
        } else if state == "Running" {
            c.facts.push(fact(Fk::SyncServiceRunning));
        }
        return c;
    }
    // In an event, the service's name as a word (`Usługa ADSync nie może zalogować się …`:
    // Service Control Manager's message in any language names it so).
    // Outside one, the name before a word of another script (`ADSync 서비스에서 …`, `ADSync
    // 服务无法 …`: the scanner's phrases are ASCII).
    if !hits.has(Ph::SyncService) && (ctx.in_event || hits.other_script) && names_adsync(raw) {
        c.facts.push(fact(Fk::SyncServiceNamed));
    }
    // A service's logon failure before a full-width colon (`错误 1069：`: the scanner's phrases
    // are ASCII, so `1069:` is not this).
    if hits.other_script && !hits.has(Ph::ServiceLogon) && crate::bytes::find(raw, "1069\u{ff1a}").is_some() {
        c.facts.push(fact(Fk::ServiceLogonFailed));
        c.kind(RecordKind::Error);
    }
    // `DN = CN=Eli McLean,OU=Staff,DC=…` alone on its line in an event (event 0's list of the
    // objects whose changes are retried).
    if ctx.in_event && starts_ci(raw, "dn") && !hits.has(Ph::Ev0Retry) && !hits.has(Ph::Retry) {
        let dn = raw[2..].trim_start().strip_prefix(['=', ':']).map(str::trim).filter(|d| d.len() > 3 && starts_ci(d, "cn="));
        if let Some(dn) = dn {
            let dn = c.cow(dn);
            c.facts.push(fact(Fk::ObjectNamed).param(P::Dn, dn));
            return c;
        }
    }
    if !hits.any() {
        if !ctx.in_event {
            troubleshooter::diag_header(raw, &mut c);
        }
        return c;
    }
    lower.clear();
    lower.push_str(raw);
    lower.make_ascii_lowercase();
    let lower: &str = lower;
    let l = strip_stream(lower);

    // The troubleshooter's menus and footer say "does NOT work": not results.
    if hits.has(Ph::DiagMenu) || hits.has(Ph::DiagFooter) || (hits.has(Ph::DiagTitle) && !ctx.in_event) {
        c.diag_menu = true;
        c.kind(if hits.has(Ph::DiagMenu) { RecordKind::DiagnosticsMenu } else { RecordKind::DiagnosticsInfo });
        if let Some((k, v)) = raw.split_once(':').filter(|_| hits.has(Ph::DiagTitle)) {
            if !lines::trim(v).is_empty() {
                c.field("setting", format!("{}: {}", lines::trim(k), lines::trim(v)));
            }
        }
        return c;
    }

    codes::decode_errors(raw, lower, hits, ctx, &mut c, first, last);

    // The sync service by name, a service's logon failure, the suspended scheduler's error.
    if hits.has(Ph::SyncService) {
        if has_any(lower, &["cannot be started", "failed to start", "did not start", "could not be started"]) {
            c.facts.push(fact(Fk::SyncServiceDown));
            c.kind(RecordKind::Error);
        } else {
            // A name alone is no reading of the line (`ADSync service running` in prose).
            c.facts.push(fact(Fk::SyncServiceNamed));
        }
    }
    if hits.has(Ph::ServiceLogon) {
        c.facts.push(fact(Fk::ServiceLogonFailed));
        c.kind(RecordKind::Error);
    }
    // The Microsoft Entra audit log's row: `Change user password … Success … Sync_<server>_…`
    // (the Microsoft Entra connector account set a user's password: password hash sync
    // delivered it).
    if hits.has(Ph::AuditPasswordChange) && raw.contains("Sync_") && has_word(lower, "success") {
        let mut f = fact(Fk::AuditPasswordDelivered);
        f.time = time::find(raw).map(|(t, _, _)| t);
        c.facts.push(f);
        c.kind(RecordKind::Setting);
        c.field("activity", "Change user password");
    }
    // Its `Reset user password` by someone else (an admin in the cloud): the cloud password is
    // the reset's until the user's next change on-premises arrives.
    if hits.has(Ph::AuditPasswordReset) && !raw.contains("Sync_") && has_word(lower, "success") {
        let mut f = fact(Fk::CloudPasswordReset);
        f.time = time::find(raw).map(|(t, _, _)| t);
        c.facts.push(f);
        c.kind(RecordKind::Setting);
        c.field("activity", "Reset user password");
    }
    if hits.has(Ph::ServiceStart) {
        c.facts.push(fact(Fk::ServiceStartFailed));
        c.kind(RecordKind::Error);
    }
    // ERROR_SERVICE_DISABLED (`System error 1058 has occurred.`, `Error 1058:`): its startup
    // type is Disabled.
    if hits.has(Ph::ServiceDisabled) {
        c.facts.push(fact(Fk::ServiceStartFailed).param(P::Reason, "disabled"));
        c.kind(RecordKind::Error);
    }
    if hits.has(Ph::ExecutionPolicy) {
        c.facts.push(fact(Fk::ScriptBlocked).param(P::Reason, "execution-policy"));
        c.kind(RecordKind::Error);
    } else if hits.has(Ph::DiagnosticsMissing) {
        c.facts.push(fact(Fk::ScriptBlocked).param(P::Reason, "not-imported"));
        c.kind(RecordKind::Error);
    }
    if hits.has(Ph::SelectivePhs) && says_phs_filtered(raw, l) {
        c.facts.push(fact(Fk::SelectivePhsExcluded).param(P::Reason, "selective-phs"));
        c.kind(RecordKind::DiagnosticsInfo);
    }
    if hits.has(Ph::EventLogCmdletMissing) {
        c.facts.push(fact(Fk::EventLogCmdletMissing));
        c.kind(RecordKind::Error);
    }
    if hits.has(Ph::CmdletError) {
        cmdlet_error::read(lower, &mut c, first, last);
    }
    if hits.has(Ph::SchedulerSuspendedMsg) {
        c.facts.push(fact(Fk::SchedulerSuspended));
        c.kind(RecordKind::Error);
    }

    if hits.has(Ph::ForestInfo) {
        c.hints.domain = tag_value(raw, "partition-name").map(|v| c.cow(v));
        c.hints.connector = tag_value(raw, "connector-id").map(|v| c.cow(v));
        if let Some(d) = &c.hints.domain {
            c.fields.push(("partition", d.clone()));
        }
        if let Some(id) = &c.hints.connector {
            c.fields.push(("connector_id", id.clone()));
        }
        c.kind(RecordKind::ForestInfo);
    }
    if hits.has(Ph::ForDomain) && c.hints.domain.is_none() {
        for end in hits.ends(Ph::ForDomain) {
            if let Some(d) = name_after_phrase(raw, end) {
                c.hints.domain = Some(c.cow(d));
                break;
            }
        }
    }
    if hits.has(Ph::PwRequest) || hits.has(Ph::PwResult) {
        password_change::password_change(raw, lower, hits.has(Ph::PwResult), &mut c, first, last);
    }
    event_message::event_wording(raw, lower, hits, &mut c, first, last);

    status_script::read(raw, hits, &mut c, first, last);
    signin::read(raw, hits, &mut c, first, last);
    if hits.has(Ph::RunProfile) {
        run_history::read(raw, &mut c, first, last);
    }

    log_status::statuses(raw, hits, &mut c, first, last, ctx);

    if let Some(feature) = adjacent::feature_of(hits) {
        c.facts.push(fact(Fk::OtherFeatureToken).param(P::Feature, feature));
        c.kind(RecordKind::Message);
    } else if hits.has(Ph::Writeback) && !says_configured(l) {
        c.facts.push(fact(Fk::WritebackText).param(P::Feature, "password-writeback"));
        c.kind(RecordKind::Message);
    }

    if raw.len() <= 400 && !narrative(l) {
        if ctx.in_event || c.event_guess.is_some() {
            event_message::event_topics(l, raw, hits, ctx, &mut c, first, last);
        } else {
            troubleshooter::topics(l, raw, hits, ctx, &mut c, first, last);
        }
    }
    // (A build has a digit, a dot and a digit: most lines have none, and are not asked.)
    if has_dotted_number(raw)
        && (hits.has(Ph::Product)
            || (hits.has(Ph::Version) && has_any(l, &["connect", "adsync", "synchronization service"]))
            || (has_any(l, &["connect", "adsync", "sync"]) && says_installed_version(l)))
    {
        if let Some(v) = connect_version(raw) {
            c.field("version", v.to_string());
            c.kind(RecordKind::DiagnosticsInfo);
            if v.0[0] == 1 {
                c.facts.push(fact(Fk::RetiredVersion).param(P::Version, v.to_string()));
            }
        }
    }
    if !ctx.in_event && c.kind.is_none() {
        troubleshooter::diag_header(raw, &mut c);
    }
    // `Last password hash sync attempt: 3/2/2017 4:31:09 AM` and the like.
    if c.kind.is_none() && hits.has(Ph::Phs) && raw.len() <= 200 {
        if let Some((t, _, _)) = time::find(raw) {
            c.kind(RecordKind::DiagnosticsInfo);
            c.field("time", t.text());
            c.hints.time = Some(t);
        }
    }
    c
}

/// `adminDescription : PHSFiltered` (the object's value, as Format-List prints it), or the
/// filtering rule in an object's lineage with password sync `False`; not a rule's scope filter
/// (`adminDescription EQUAL PHSFiltered`) nor its definition.
fn says_phs_filtered(raw: &str, l: &str) -> bool {
    if has_any(l, &["equal", "scope"]) {
        return false;
    }
    if let Some((k, v)) = raw.split_once(':') {
        if lines::trim(k).eq_ignore_ascii_case("adminDescription") && lines::trim(v).eq_ignore_ascii_case("PHSFiltered") {
            return true;
        }
    }
    has_any(l, &["filter users from phs"]) && has_word(l, "false")
}

/// Whether `raw` has `ADSync` as a word of its own (any case; not `ADSyncBootstrap`, `ADSync.psd1`).
fn names_adsync(raw: &str) -> bool {
    let b = raw.as_bytes();
    let mut from = 0;
    while let Some(i) = raw.get(from..).and_then(|s| crate::bytes::find_ci(s, "adsync")) {
        let (at, end) = (from + i, from + i + 6);
        let word = |c: u8| c.is_ascii_alphanumeric() || matches!(c, b'_' | b'.' | b'\\' | b'-');
        // (A compound in another language names it too: `ADSync-Dienst`, `ADSync-tjänsten`.)
        let compound = b.get(end) == Some(&b'-') && b.get(end + 1).is_some_and(|c| c.is_ascii_alphabetic() || *c >= 0x80);
        if (at == 0 || !word(b[at - 1])) && (compound || b.get(end).is_none_or(|&c| !word(c))) {
            return true;
        }
        from = end;
    }
    false
}

/// A line that only says how features are set up (`SSPR + password writeback are enabled in
/// the tenant`): no other feature's problem, so no sign of another feature's text.
fn says_configured(l: &str) -> bool {
    // (On or off, in English or another language: `we don't have password writeback enabled`,
    // `No tenemos habilitada la escritura diferida` is its configuration, not its error.)
    has_any(
        l,
        &[
            "enabled",
            "are on",
            "is on",
            "turned on",
            "configured",
            "habilitad",
            "aktiviert",
            "ingeschakeld",
            "abilitat",
            "activad",
            "ativad",
        ],
    ) && !has_any(l, &["error", "fail", "unable", "cannot", "exception", "denied", "fehler", "erreur", "errore", "erro "])
}
