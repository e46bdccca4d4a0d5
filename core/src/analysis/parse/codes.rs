//! Error numbers, service error codes and known messages of `content/errors.json` in any text,
//! in any language (the tokens do not get translated: `RPC Error 8453`, `RPC-Fehler 8453`,
//! `Error Code: 90`, `0x2105`, `ERROR_DS_DRA_ACCESS_DENIED`, a DRS exception's type name).

use super::text::*;
use crate::analysis::errors::{self, ErrorInfo, ErrorKind, ERRORS};
use crate::analysis::fact::{Fact, FactKind as Fk};
use crate::analysis::lines;
use crate::analysis::model::RecordKind;
use crate::analysis::phrases::{Hits, Ph, Tag};
use crate::knowledge::Param as P;

/// Where a hex code (`0x2105`) or `8453:` is an error being told, not a number in prose
/// ("budget code 0x2105"): `(told, strong)`. Told: in an event or the troubleshooter's output,
/// beside the words RPC, DRS, error, failed, exception, HRESULT, denied or result (or an
/// `Error Code` word of another language), on a line of its own, or in a line of another script
/// (whose words are not looked for). Strong: in an event or the troubleshooter's output, or beside
/// RPC, DRS or password sync's name.
fn code_context(raw: &str, lower: &str, hits: &Hits, ctx: Ctx<'_>) -> (bool, bool) {
    let strong = ctx.in_event
        || ctx.in_diag
        || [Ph::RpcError, Ph::RpcWord, Ph::Drs, Ph::Phs].into_iter().any(|p| hits.has(p))
        || has_word(lower, "rpc")
        || has_word(lower, "drs");
    let told = strong
        || hits.has(Ph::ErrorCode)
        || hits.has(Ph::ErrorCodeWord)
        || !raw.is_ascii()
        || !lines::trim(raw).contains([' ', '\t'])
        || has_any(lower, &["error", "fail", "exception", "hresult", "denied", "result", "fehler", "erreur", "errore", "fout"]);
    (told, strong)
}

/// The line has the error's own message (`8333: Directory object not found.`).
fn says_message(lower: &str, e: &ErrorInfo) -> bool {
    let m = e.message.trim_end_matches('.');
    !m.is_empty() && crate::analysis::scan::find_ci(lower, m).is_some()
}

/// Error numbers, service error codes, and known messages of `errors.json`.
pub(crate) fn decode_errors(raw: &str, lower: &str, hits: &Hits, ctx: Ctx<'_>, c: &mut Content<'_>, first: usize, last: usize) {
    let mut found: Vec<&'static ErrorInfo> = Vec::new();
    let mut unknown: Vec<u32> = Vec::new();
    let push = |found: &mut Vec<&'static ErrorInfo>, e: &'static ErrorInfo| {
        if !found.iter().any(|x| std::ptr::eq(*x, e)) {
            found.push(e);
        }
    };
    for end in hits.ends(Ph::RpcError) {
        if let Some((n, after)) = errors::number_after(raw, end) {
            // (An unknown number of fewer than four digits that ends the line, `RPC Error 84`, is
            // more likely a number cut in the copy than a code: not stated.)
            let cut = n < 1000 && raw[after..].trim().is_empty();
            match errors::rpc(n) {
                Some(e) => push(&mut found, e),
                None if !cut && !unknown.contains(&n) => unknown.push(n),
                None => {}
            }
        }
    }
    for end in hits.ends(Ph::ErrorCode) {
        if let Some((n, _)) = errors::number_after(raw, end) {
            match errors::service(n) {
                Some(e) => push(&mut found, e),
                None => c.field("error_code", n.to_string()),
            }
        }
    }
    let b = raw.as_bytes();
    // Asked only on a line with such a code (most lines have none).
    let context = std::cell::OnceCell::new();
    let context = || *context.get_or_init(|| code_context(raw, lower, hits, ctx));
    for &(tag, at, len) in &hits.list {
        match tag {
            // A code a generic Windows error shares (5, `0x80070005`: access denied) only where
            // password sync's calls are being told; the others where an error is.
            Tag::Code(code)
                if !(if code == 5 { context().1 } else { context().0 || errors::rpc(code).is_some_and(|e| says_message(lower, e)) }) => {}
            Tag::Code(code) => {
                let before_ok = at == 0 || !(b[at - 1].is_ascii_alphanumeric() || b[at - 1] == b'.' || b[at - 1] == b':');
                let pat_colon = b[at + len - 1] == b':';
                let after_ok = pat_colon || b.get(at + len).is_none_or(|x| !x.is_ascii_alphanumeric());
                if before_ok && after_ok {
                    if let Some(e) = errors::rpc(code) {
                        push(&mut found, e);
                    }
                }
            }
            Tag::Err(i) => {
                // A text that ends in a number is that number, not the start of a longer one
                // (`AADSTS70002` is not `AADSTS700027`).
                let longer = b[at + len - 1].is_ascii_digit() && b.get(at + len).is_some_and(u8::is_ascii_digit);
                if let Some(e) = ERRORS.get(usize::from(i)).filter(|_| !longer) {
                    push(&mut found, e);
                }
            }
            _ => {}
        }
    }
    // An error told as a hypothesis (`If it was a firewall problem you would see RPC Error
    // 1722 instead`, an answer on a Q&A page) is no error of this paste.
    if !found.is_empty() && hypothetical(lower) {
        found.clear();
        unknown.clear();
    }
    // The ADSync module's cmdlets talk to the sync service on this server: their own error
    // record's `RPC server is unavailable` (`Get-ADSyncScheduler : Der RPC-Server ist nicht
    // verfügbar. (… 0x800706BA)`) is that service not answering, no domain controller.
    if let Some(cmdlet) = sync_module_error_head(raw).filter(|_| found.iter().any(|e| e.kind == ErrorKind::Rpc && e.code == 1722)) {
        found.retain(|e| !(e.kind == ErrorKind::Rpc && e.code == 1722));
        c.facts.push(Fact::new(Fk::SyncServiceDown, first, last).param(P::Cmdlet, c.src.cow(cmdlet)));
        c.kind(RecordKind::Error);
    }
    // A message that only repeats what a decoded number already says is not shown twice.
    let numbered: Vec<&'static ErrorInfo> = found.iter().copied().filter(|e| e.kind != ErrorKind::Message).collect();
    found.retain(|e| e.kind != ErrorKind::Message || !numbered.iter().any(|n| n.same_cause(e)));
    // A sign-in error's own code (`AADSTS50055: The password is expired`) says more than the
    // message that wraps it (`unable to retrieve a security token`) of the same finding.
    let coded: Vec<&'static ErrorInfo> =
        found.iter().copied().filter(|e| e.kind == ErrorKind::Message && e.message.starts_with("AADSTS")).collect();
    found.retain(|e| e.message.starts_with("AADSTS") || !coded.iter().any(|c| c.same_cause(e)));
    for e in &found {
        let mut s = Fact::new(Fk::DecodedError, first, last);
        s.error = Some(e);
        if e.kind != ErrorKind::Message {
            s = s.param(P::Code, e.code.to_string());
        }
        c.facts.push(s);
        if e.kind != ErrorKind::Message {
            c.field("code", e.code.to_string());
        }
    }
    for n in &unknown {
        c.facts.push(Fact::new(Fk::UnknownDrsCode, first, last).param(P::Code, n.to_string()));
        c.field("code", n.to_string());
    }
    if found.is_empty() && unknown.is_empty() && hits.has(Ph::Drs) {
        c.facts.push(Fact::new(Fk::DrsException, first, last));
    }
    // The logon of a Windows service (ADSync's managed or virtual service account, error 1069)
    // is neither connector account: said as it is, the line stays not understood.
    // (Looked for only on a line that says the user name or password is wrong.)
    let service_logon = || has_any(lower, &["managed service account", "gmsa", "nt service\\", "error 1069", "service did not start"]);
    if hits.has(Ph::UserPassIncorrect) && !service_logon() && !end_user_quote(lower) && !found.iter().any(|e| e.name_says_credentials()) {
        // Which account: the cloud service's fault or Entra's names say Entra's (`Windows Azure
        // Active Directory service` is no AD word); AD words (or the troubleshooter) say AD DS;
        // else the judge decides.
        let cloud =
            has_any(lower, &["azure active directory", "azure ad", "administrationfault", "provisionretryexception", "entra id", "sync_"]);
        let ad = !cloud && (ctx.in_diag || has_any(lower, &["ad ds", "drs", "active directory", "ldap"]));
        let k = if cloud {
            Fk::CloudCredentialsRejected
        } else if ad {
            Fk::AdCredentialsRejected
        } else {
            Fk::CredentialsRejected
        };
        c.facts.push(Fact::new(k, first, last));
    }
    if !c.facts.is_empty() || hits.has(Ph::Drs) {
        c.kind(RecordKind::Error);
    }
}

/// A sentence that tells of an error that would be seen, not one that was.
fn hypothetical(lower: &str) -> bool {
    lower.len() > 60
        && has_any(
            lower,
            &["you would see", "you'd see", "you would get", "you'd get", "would show", "if it was a", "if it were a", "if this were"],
        )
}

/// The cmdlet of an error record's head, when it is one of the ADSync module's cmdlets (`Get-ADSyncScheduler : …`,
/// `Start-ADSyncSyncCycle : …`), which run against the local sync service; not AdSyncConfig's
/// (`Set-ADSyncPasswordHashSyncPermissions`, which talk to the domain controllers).
fn sync_module_error_head(raw: &str) -> Option<&str> {
    let t = raw.trim_start();
    let (name, _) = t.split_once(" :").or_else(|| t.split_once(": "))?;
    let name = name.trim();
    let verb_ok = ["Get-ADSync", "Set-ADSync", "Start-ADSync", "Stop-ADSync", "Invoke-ADSync", "Add-ADSync", "Remove-ADSync"]
        .iter()
        .any(|p| crate::bytes::starts_ci(name, p));
    (verb_ok
        && name.bytes().all(|b| b.is_ascii_alphanumeric() || b == b'-')
        && super::adsyncconfig::function(name).is_none()
        && !name.to_ascii_lowercase().ends_with("permissions"))
    .then_some(name)
}

/// A sentence that quotes Windows' `The user name or password is incorrect` as what users see
/// when they sign in (`users can't log on to the VMs ("The user name or password is
/// incorrect")`): a person's account of a sign-in, not a connector account's error.
fn end_user_quote(lower: &str) -> bool {
    let Some(at) = lower.find("user name or password is incorrect") else { return false };
    let before = lower[..at].trim_end();
    let before = before.strip_suffix("the").unwrap_or(before).trim_end();
    let quoted = before.ends_with(['"', '\'', '(']) || before.ends_with('\u{201c}') || before.ends_with('\u{2018}');
    quoted
        && has_any(
            before,
            &[
                "users ",
                "user can",
                "user can't",
                "log on",
                "logon to",
                "log in",
                "logging in",
                "sign in",
                "sign-in",
                "signing in",
                "signs in",
            ],
        )
}
