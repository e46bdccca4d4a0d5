//! A Microsoft Entra sign-in log entry's error code: the admin center's **Sign-in logs**
//! (the activity details, copied), Graph's `signIn` (`"errorCode": 50126` under `status`,
//! or `Get-MgAuditLogSignIn`'s `ErrorCode : 50126`), and the unified audit log's
//! `UserLoginFailed` (`"ErrorNumber":"50126"`):
//!
//! ```text
//! Status               Failure
//! Sign-in error code   50126
//! Failure reason       Error validating credentials due to invalid username or password.
//! Username             jsmith@contoso.com
//! ```
//!
//! The code is an AADSTS number (50000 and up; `0` is a success): a smaller number after
//! `ErrorCode` is some other program's. An `AADSTS50126:` code anywhere else in a line (an
//! app's error, a quoted message, a .NET exception) is a sign-in's too, unless the line names
//! Connect's own account or code (`Sync_…`, the Microsoft Entra connector,
//! `Microsoft.Online.…`): that is Connect's cloud account, which `errors.json` and the judge
//! read.

use super::text::Content;
use crate::analysis::fact::{Fact, FactKind as Fk};
use crate::analysis::lines;
use crate::analysis::model::RecordKind;
use crate::analysis::phrases::{Hits, Ph};
use crate::knowledge::Param as P;

/// The keys a sign-in's code follows, as the line begins with them (quotes and case aside):
/// the admin center's label in English and in the languages whose label is ASCII (German,
/// French, Italian), Graph's and the audit log's property names.
const KEYS: [&str; 6] =
    ["sign-in error code", "anmeldefehlercode", "code d'erreur de connexion", "codice di errore di accesso", "errorcode", "errornumber"];

/// How many of [`KEYS`], first, are the admin center's labels (distinctive enough to stand
/// before a single space).
const PORTAL_LABELS: usize = 4;

pub(crate) fn read(raw: &str, hits: &Hits, c: &mut Content<'_>, first: usize, last: usize) {
    if !hits.has(Ph::SignInCode) {
        return;
    }
    let codes: Vec<u32> = match code(raw) {
        Some(code) => vec![code],
        None if !connects_own(raw) => aadsts(raw),
        None => Vec::new(),
    };
    for code in codes {
        sign_in(code, c, first, last);
    }
}

/// The sign-in error `code`'s fact.
fn sign_in(code: u32, c: &mut Content<'_>, first: usize, last: usize) {
    c.kind(RecordKind::SignIn);
    c.field("code", code.to_string());
    // AADSTS80xxx are pass-through authentication's, 81xxx seamless single sign-on's (Microsoft's
    // error code reference): another feature's sign-in, not a password hash sync question.
    let feature = match code {
        80_000..=80_999 => Some("pass-through-auth"),
        81_000..=81_999 => Some("seamless-sso"),
        _ => None,
    };
    match feature {
        Some(f) => c.facts.push(Fact::new(Fk::OtherFeatureToken, first, last).param(P::Feature, f)),
        None => c.facts.push(Fact::new(Fk::SignInFailed, first, last).param(P::SignInCode, code.to_string())),
    }
}

/// The `AADSTS<number>` codes of a line, each once, at most 8 (`AADSTS70002: Error
/// validating credentials. AADSTS50126: Invalid username or password`).
fn aadsts(raw: &str) -> Vec<u32> {
    let mut out = Vec::new();
    let mut from = 0;
    while let Some(i) = raw.get(from..).and_then(|s| crate::bytes::find_ci(s, "aadsts")) {
        let at = from + i;
        from = at + 6;
        // (A word of its own: not inside `XAADSTS1`.)
        if at > 0 && raw.as_bytes()[at - 1].is_ascii_alphanumeric() {
            continue;
        }
        let digits = raw[from..].bytes().take_while(u8::is_ascii_digit).count();
        let next = raw.as_bytes().get(from + digits).copied();
        // A user's sign-in (50xxx, 53xxx, 500xxx) or another feature's (80xxx, 81xxx); not an
        // application's own credentials (70xxx, 700xxx: a client secret or certificate).
        let user = |n: &u32| matches!(n, 50_000..=59_999 | 80_000..=81_999 | 500_000..=599_999);
        if let Some(n) = number(&raw[from..from + digits]).filter(user).filter(|_| next.is_none_or(|b| !b.is_ascii_alphabetic())) {
            if !out.contains(&n) && out.len() < 8 {
                out.push(n);
            }
        }
    }
    out
}

/// The line names Connect's own cloud account or code: its AADSTS code is that account's.
fn connects_own(raw: &str) -> bool {
    [
        "sync_",
        "connector account",
        "entra connector",
        "aad connector",
        "azure ad connector",
        "azure active directory connector",
        "microsoft.online.",
        "microsoft.azure.activedirectory.connector",
        "add-adsyncaadserviceaccount",
        "directory synchronization",
    ]
    .iter()
    .any(|w| crate::bytes::find_ci(raw, w).is_some())
}

/// The AADSTS number after a sign-in's error code key: at the start of `raw` (the portal's
/// columns, Format-List), or as a JSON property anywhere in it (a record on one line).
fn code(raw: &str) -> Option<u32> {
    at_start(raw).or_else(|| in_json(raw))
}

fn at_start(raw: &str) -> Option<u32> {
    let t = lines::trim(raw).trim_start_matches(['"', '\'', ',', '{']);
    let key = KEYS.into_iter().find(|k| t.len() >= k.len() && t.as_bytes()[..k.len()].eq_ignore_ascii_case(k.as_bytes()))?;
    let rest = t[key.len()..].trim_start_matches(['"', '\'']);
    // The separator: a colon, `=`, a tab or a run of spaces (the portal's two columns).
    let sep = rest.len() - rest.trim_start_matches([' ', '\t', ':', '=', '"', '\'']).len();
    let (head, value) = rest.split_at(sep);
    // (The portal's own label is distinctive enough to stand before a single space.)
    let spaced = head.contains([':', '=', '\t']) || head.contains("  ") || (KEYS[..PORTAL_LABELS].contains(&key) && !head.is_empty());
    if !spaced {
        return None;
    }
    let digits = value.bytes().take_while(u8::is_ascii_digit).count();
    let after = value[digits..].trim_start_matches(['"', '\'', ',', ' ', '\t']);
    number(&value[..digits]).filter(|_| after.is_empty())
}

/// `"errorCode": 50126` or `"ErrorNumber":"50126"` anywhere in the line.
fn in_json(raw: &str) -> Option<u32> {
    for key in ["\"errorcode\"", "\"errornumber\""] {
        let mut from = 0;
        while let Some(i) = raw.get(from..).and_then(|s| crate::bytes::find_ci(s, key)) {
            from += i + key.len();
            let rest = raw[from..].trim_start_matches([' ', '\t']);
            let Some(rest) = rest.strip_prefix(':') else { continue };
            let rest = rest.trim_start_matches([' ', '\t']);
            let quoted = rest.strip_prefix('"');
            let value = quoted.unwrap_or(rest);
            let digits = value.bytes().take_while(u8::is_ascii_digit).count();
            let end = value.as_bytes().get(digits).copied();
            let closed = matches!((quoted.is_some(), end), (true, Some(b'"')) | (false, None | Some(b',' | b'}' | b' ' | b'\t')));
            if let Some(n) = number(&value[..digits]).filter(|_| closed) {
                return Some(n);
            }
        }
    }
    None
}

/// An AADSTS number: 5 to 7 digits, 50000 and up (`0` is a success, a small number another
/// program's code).
fn number(digits: &str) -> Option<u32> {
    if !(5..=7).contains(&digits.len()) {
        return None;
    }
    digits.parse().ok().filter(|&n| n >= 50_000)
}

#[cfg(test)]
mod tests {
    use super::code;

    #[test]
    fn reads_the_code_in_each_shape() {
        assert_eq!(code("Sign-in error code   50126"), Some(50126));
        assert_eq!(code("Sign-in error code: 50053"), Some(50053));
        assert_eq!(code("Sign-in error code\t50034"), Some(50034));
        assert_eq!(code("Sign-in error code 50057"), Some(50057));
        assert_eq!(code("    \"errorCode\": 50055,"), Some(50055));
        assert_eq!(code("ErrorCode         : 50126"), Some(50126));
        assert_eq!(code("\"ErrorNumber\":\"50126\","), Some(50126));
        assert_eq!(code("errorCode = 500121"), Some(500121));
        // The unified audit log's record on one line.
        assert_eq!(code(r#"{"Operation":"UserLoginFailed","ErrorNumber":"50126","LogonError":"InvalidUserNameOrPassword"}"#), Some(50126));
        assert_eq!(code(r#"{"status": {"errorCode": 50053, "failureReason": "locked"}}"#), Some(50053));
    }

    #[test]
    fn other_numbers_are_not_sign_in_codes() {
        // A success, another program's small code, a code in a sentence, a word after it.
        assert_eq!(code("\"errorCode\": 0,"), None);
        assert_eq!(code("ErrorCode : 90"), None);
        assert_eq!(code("ErrorCode 50126 was returned"), None);
        assert_eq!(code("errorCode 50126"), None);
        assert_eq!(code("ErrorCodes : 50126"), None);
        assert_eq!(code("errorcode: 5012612345"), None);
        assert_eq!(code(r#"{"errorCode": 0, "failureReason": "Other."}"#), None);
        assert_eq!(code(r#"{"errorCode": "50126x"}"#), None);
        assert_eq!(code(r#"{"errorCodes": 50126}"#), None);
    }
}
