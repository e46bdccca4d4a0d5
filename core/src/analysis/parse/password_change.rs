//! Events 656/657, the password change requests and results:
//!
//! ```text
//! Password Change Result - Anchor : vbbYwVz/7EONrMCO8eq3rA==, Dn : CN=Joe,OU=Users,DC=contoso,DC=com, PwdChangeOnLogon : False, Result : Success.
//! ```

use super::text::*;
use crate::analysis::fact::{Fact, FactKind as Fk};
use crate::analysis::model::RecordKind;
use crate::analysis::scan::{find, first_stop};
use crate::knowledge::{self, Param as P};

/// `Password Change Request/Result - Anchor : …, Dn : …, …` (events 656/657).
pub(crate) fn password_change(raw: &str, lower: &str, result: bool, c: &mut Content<'_>, first: usize, last: usize) {
    c.kind(RecordKind::PasswordChange);
    c.event_guess.get_or_insert(if result { 657 } else { 656 });
    let src = c.src;
    let key_value = |key: &str, stops: &[&str]| -> Option<&str> {
        let mut from = 0;
        let rest = loop {
            let i = from + find(lower.get(from..)?, key)?;
            from = i + 1;
            if i > 0 && raw.as_bytes()[i - 1].is_ascii_alphanumeric() {
                continue;
            }
            let rest = raw[i + key.len()..].trim_start();
            if let Some(r) = rest.strip_prefix(':').or_else(|| rest.strip_prefix('=')) {
                break r.trim_start();
            }
        };
        // `rest` ends `raw`; lower-casing keeps offsets.
        let rest_lower = &lower[raw.len() - rest.len()..];
        // The first of the stops (all start with `,` but the result's space).
        let end = match stops {
            [",", " "] => rest_lower.find([',', ' ']),
            _ => first_stop(rest_lower, b',', stops),
        };
        let end = end.unwrap_or(rest.len());
        Some(rest[..end].trim().trim_end_matches('.').trim())
    };
    let anchor = key_value("anchor", &[","]);
    let dn = key_value("dn", &[", change date", ", pwdchangeonlogon", ", result", ", extended"]);
    c.field("type", if result { "result" } else { "request" });
    if let Some(a) = anchor {
        c.slice("anchor", a);
    }
    let dn = dn.map(|d| src.cow(d));
    if let Some(d) = &dn {
        c.field("dn", d.clone());
        c.hints.dn = Some(d.clone());
    }
    if !result {
        if let Some(d) = key_value("change date", &[","]) {
            c.slice("change_date", d);
        }
        return;
    }
    let temporary = key_value("pwdchangeonlogon", &[","])
        .inspect(|p| c.slice("pwd_change_on_logon", p))
        .is_some_and(|p| p.trim().eq_ignore_ascii_case("true"));
    let Some(res) = key_value("result", &[",", " "]) else { return };
    let res = src.cow(res);
    if temporary && res.eq_ignore_ascii_case("success") {
        let mut t = Fact::new(Fk::TemporaryPasswordSynced, first, last);
        if let Some(d) = &dn {
            t = t.param(P::Dn, d.clone());
        }
        c.facts.push(t);
    }
    c.field("result", res.clone());
    let status = knowledge::status(&res).map(|s| s.name);
    let failed = res.eq_ignore_ascii_case("failed") || res.eq_ignore_ascii_case("failure");
    let kind = match status {
        Some(_) => Fk::PasswordChangeResult,
        None if failed => Fk::PasswordChangeFailed,
        None => return,
    };
    let mut s = Fact::new(kind, first, last).param(P::Result, res);
    s.status = status;
    if let Some(d) = dn {
        s = s.param(P::Dn, d);
    }
    c.facts.push(s);
}
