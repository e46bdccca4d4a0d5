//! Password Hash Sync log status values (the connector space object's Log, the troubleshooter's
//! single-object run):
//!
//! ```text
//! 3/2/2017 4:31:09 AM   TargetNotExportedToDirectory
//! Result : FilteredByTarget
//! ```

use super::text::*;
use crate::analysis::fact::{Fact, FactKind as Fk};
use crate::analysis::model::RecordKind;
use crate::analysis::phrases::{Hits, Ph, Tag, COMMON_STATUSES};
use crate::analysis::time::{self, Timestamp};
use crate::knowledge::{self, Param as P, STATUSES};

/// A connector-space log row: a timestamp, then a status value as its own column.
pub(crate) fn log_row(text: &str) -> Option<(Timestamp, &'static str)> {
    let (t, n) = time::parse_prefix(text)?;
    let rest = text.get(n..)?.trim_start();
    let tok = rest.split([' ', '\t']).next()?;
    // (Spelt as the Log tab prints it: a log level `ERROR` after a time is another program's.)
    let s = knowledge::status(tok).filter(|s| s.name == tok)?;
    Some((t, s.name))
}

/// Status values after `Result :` / `Status :`, and the distinctive ones anywhere.
pub(crate) fn statuses(raw: &str, hits: &Hits, c: &mut Content<'_>, first: usize, last: usize, ctx: Ctx<'_>) {
    let b = raw.as_bytes();
    let mut names: Vec<&'static str> = Vec::new();
    for p in [Ph::ResultKey, Ph::StatusKey] {
        for end in hits.ends(p) {
            // A key after a sentence's words is prose about the output (`657 events with Result :
            // Success`), not the output.
            // (The word before the key: `with` in `657 events with Result : Success`.)
            let mut words = raw[..end].trim_end_matches([' ', ':']).rsplit([' ', '(']).filter(|w| !w.is_empty());
            let last_word = words.nth(1).unwrap_or("").to_ascii_lowercase();
            if ["with", "of", "and", "shows", "show", "showing", "says", "say", "see", "saw", "all", "get", "got", "gives"]
                .contains(&last_word.as_str())
            {
                continue;
            }
            // After the key's colon (a padded key's colon comes after its spaces).
            let rest = raw[end..].trim_start();
            let rest = match rest.strip_prefix(':') {
                Some(r) => r.trim_start(),
                None if raw[..end].ends_with(':') => rest,
                None => continue,
            };
            let tok: String = rest.chars().take_while(|c| c.is_ascii_alphanumeric()).collect();
            if let Some(s) = knowledge::status(&tok) {
                if !names.contains(&s.name) {
                    names.push(s.name);
                }
            }
        }
    }
    for &(tag, at, len) in &hits.list {
        if let Tag::Status(i) = tag {
            let before_ok = at == 0 || !is_word_byte(b[at - 1]);
            let after_ok = b.get(at + len).is_none_or(|x| !is_word_byte(*x));
            if let (true, true, Some(s)) = (before_ok, after_ok, STATUSES.get(usize::from(i))) {
                if !names.contains(&s.name) {
                    names.push(s.name);
                }
            }
        }
    }
    if names.is_empty() || c.kind == Some(RecordKind::PasswordChange) {
        return;
    }
    for n in names {
        debug_assert!(!COMMON_STATUSES.contains(&n) || hits.has(Ph::ResultKey) || hits.has(Ph::StatusKey));
        c.field("status", n);
        let mut s = Fact::new(Fk::LogStatus, first, last).param(P::Status, n);
        s.status = Some(n);
        if let Some(d) = ctx.domain {
            s = s.param(P::Domain, c.cow(d));
        }
        c.facts.push(s);
    }
    c.kind(RecordKind::LogStatus);
}
