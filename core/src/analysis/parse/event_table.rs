//! `Get-EventLog` and `Get-WinEvent` as tables (level names in any language Windows ships):
//!
//! ```text
//!    Index Time          EntryType   Source                 InstanceID Message
//!    12345 Mar 02 04:31  Error       Directory Synchron...         611 Password hash synchronization failed…
//! 3/2/2017 4:31:09 AM            611 Error            Password hash synchronization failed…
//! 655 Directory Synchronization Error Der Benutzername oder das Kennwort ist falsch. …
//! ```
//!
//! The last is a row of an article's or a ticket's event table (ID, source, level, message,
//! the level in any language Windows ships), read when its source is one of the providers
//! that write password sync's and its neighbours' events.

use std::borrow::Cow;

use super::event::{EventB, Format};
use crate::analysis::labels;
use crate::analysis::lines::Src;
use crate::analysis::scan::contains;
use crate::analysis::time;

/// A `Get-EventLog` table row: `Index Time EntryType Source InstanceID Message`, e.g.
/// `12345 Mar 02 04:31  Error  Directory Synchron...  611 Password synchronization…`.
pub(crate) fn event_log_row<'a>(src: Src<'a>, text: &str) -> Option<(EventB<'a>, usize)> {
    let mut toks = tokens(text);
    let (index, _) = toks.next()?;
    if !index.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    let (month, at) = toks.next()?;
    let (t, n) = time::parse_prefix(&text[at..])?;
    if !month.as_bytes()[0].is_ascii_alphabetic() {
        return None;
    }
    let after_time = at + n;
    let mut toks = tokens_from(text, after_time);
    let (entry, _) = toks.next()?;
    if !["error", "warning", "information", "successaudit", "failureaudit", "0"].contains(&entry.to_ascii_lowercase().as_str()) {
        return None;
    }
    // The source's words joined by single spaces: the text itself when it has no other gaps.
    let mut span: Option<(usize, usize)> = None;
    for (tok, at) in toks {
        if tok.bytes().all(|b| b.is_ascii_digit()) {
            let mut ev = EventB::new(Format::EventLogTable, 0);
            ev.set(src, "instanceid", tok, 0);
            ev.source = Some(match span {
                None => Cow::Borrowed(""),
                Some((s, e)) if !text[s..e].contains(['\t']) && !contains(&text[s..e], "  ") => src.cow(&text[s..e]),
                Some((s, e)) => Cow::Owned(tokens(&text[s..e]).map(|(t, _)| t).collect::<Vec<_>>().join(" ")),
            });
            ev.level = Some(src.cow(entry));
            ev.time = Some(t);
            return Some((ev, at + tok.len()));
        }
        span = Some((span.map_or(at, |(s, _)| s), at + tok.len()));
    }
    None
}

/// A `Get-WinEvent` table row: `TimeCreated Id LevelDisplayName Message`, e.g.
/// `3/2/2017 4:31:09 AM   611 Error   Password synchronization…`. `langs`: the languages of the
/// table's level names so far (`labels::level`), narrowed by this row's.
/// The providers whose events an article's table row may name (`doc_row`).
const PROVIDERS: &[&str] = &[
    "Directory Synchronization",
    "FIMSynchronizationService",
    "ADSync",
    "PasswordResetService",
    "AzureADConnectAuthenticationAgent",
    "Microsoft-AzureADPasswordProtection-DCAgent",
];

/// An event table row without a time: `<ID> <provider> <level> <message>`.
pub(crate) fn doc_row<'a>(src: Src<'a>, text: &str) -> Option<(EventB<'a>, usize)> {
    let mut toks = tokens(text);
    let (id, _) = toks.next()?;
    if !id.bytes().all(|b| b.is_ascii_digit()) || id.len() > 5 {
        return None;
    }
    let rest = text[id.len()..].trim_start();
    let provider = PROVIDERS
        .iter()
        .find(|p| rest.get(..p.len()).is_some_and(|h| h.eq_ignore_ascii_case(p)) && rest[p.len()..].starts_with([' ', '\t']))?;
    let after = text.len() - rest.len() + provider.len();
    let mut toks = tokens_from(text, after);
    let (level, at) = toks.next()?;
    labels::level(level)?;
    let mut ev = EventB::new(Format::EventLogTable, 0);
    ev.set(src, "id", id, 0);
    ev.set(src, "source", &rest[..provider.len()], 0);
    ev.level = Some(src.cow(level));
    Some((ev, at + level.len()))
}

/// Also `Get-EventLog … | Format-Table TimeGenerated,EntryType,InstanceId,Message`, the level
/// before the ID: `12/4/2026 8:44:12 PM      Error        611 Password synchronization…`.
pub(crate) fn win_event_row<'a>(src: Src<'a>, text: &str, langs: &mut u32) -> Option<(EventB<'a>, usize)> {
    let (t, n) = time::parse_prefix(text)?;
    let mut toks = tokens_from(text, n);
    let (a, _) = toks.next()?;
    let (b, b_at) = toks.next()?;
    let is_id = |s: &str| s.bytes().all(|b| b.is_ascii_digit()) && s.len() <= 6;
    let (id, level) = match (is_id(a), is_id(b)) {
        (true, _) => (a, b),
        (false, true) => (b, a),
        _ => return None,
    };
    // LevelDisplayName is the level's name in the server's language, which says which way round
    // the dates of the table are written (`02/03/2017 … Avertissement` is 2 March).
    let (_, level_langs) = labels::level(level)?;
    *langs &= level_langs;
    let t = match labels::day_first(*langs) {
        true => time::parse_prefix_with(text, true).map_or(t, |(t, _)| t),
        false => t,
    };
    let mut ev = EventB::new(Format::WinEventTable, 0);
    ev.set(src, "id", id, 0);
    ev.level = Some(src.cow(level));
    ev.time = Some(t);
    Some((ev, b_at + b.len()))
}

pub(crate) fn tokens(text: &str) -> impl Iterator<Item = (&str, usize)> {
    tokens_from(text, 0)
}

pub(crate) fn tokens_from(text: &str, from: usize) -> impl Iterator<Item = (&str, usize)> {
    let b = text.as_bytes();
    let mut i = from.min(b.len());
    std::iter::from_fn(move || {
        while i < b.len() && (b[i] == b' ' || b[i] == b'\t') {
            i += 1;
        }
        if i >= b.len() {
            return None;
        }
        let s = i;
        while i < b.len() && b[i] != b' ' && b[i] != b'\t' {
            i += 1;
        }
        Some((&text[s..i], s))
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn rows() {
        let row = |t: &'static str| event_log_row(Src(t), t);
        let (ev, at) =
            row("   12345 Mar 02 04:31  Error       Directory Synchron...          611 Password synchronization failed").unwrap();
        assert_eq!(ev.id, Some(611));
        assert!(matches!(ev.source, Some(Cow::Borrowed("Directory Synchron..."))));
        let (ev, _) = row("12345 Mar 02 04:31  Error  Directory \t Synchron...  611 x").unwrap();
        assert_eq!(ev.source.as_deref(), Some("Directory Synchron..."));
        assert_eq!(
            &"   12345 Mar 02 04:31  Error       Directory Synchron...          611 Password synchronization failed"[at..],
            " Password synchronization failed"
        );
        let win = |t: &'static str| {
            let mut langs = u32::MAX;
            win_event_row(Src(t), t, &mut langs)
        };
        let (ev, _) = win("3/2/2017 4:31:09 AM            611 Error            Password synchronization").unwrap();
        assert_eq!((ev.id, ev.level.as_deref()), (Some(611), Some("Error")));
        assert!(win("3/2/2017 4:31:09 AM   Success").is_none());
        // A French level name makes the table's dates day first, for the rows after it too.
        let mut langs = u32::MAX;
        let (ev, _) =
            win_event_row(Src("02/03/2017 04:31:09  613 Avertissement  x"), "02/03/2017 04:31:09  613 Avertissement  x", &mut langs)
                .unwrap();
        assert_eq!(ev.time.map(|t| (t.month, t.day)), Some((3, 2)));
        let (ev, _) =
            win_event_row(Src("01/03/2017 23:10:02  654 Information  x"), "01/03/2017 23:10:02  654 Information  x", &mut langs).unwrap();
        assert_eq!(ev.time.map(|t| (t.month, t.day)), Some((3, 1)));
        let (ev, _) = win("01/03/2017 23:10:02  654 Information  x").unwrap();
        assert_eq!(ev.time.map(|t| (t.month, t.day)), Some((1, 3)), "alone, Information is English's too");
        assert!(row("611 Error").is_none());
        let doc = |t: &'static str| doc_row(Src(t), t);
        let (ev, at) = doc("655 Directory Synchronization Error Der Benutzername oder das Kennwort ist falsch.").unwrap();
        assert_eq!((ev.id, ev.source.as_deref(), ev.level.as_deref()), (Some(655), Some("Directory Synchronization"), Some("Error")));
        assert_eq!(
            &"655 Directory Synchronization Error Der Benutzername oder das Kennwort ist falsch."[at..],
            " Der Benutzername oder das Kennwort ist falsch."
        );
        assert!(doc("115 Directory Synchronization Information x").is_some());
        assert!(doc("12 Directory Synchronization x").is_none(), "no level");
        assert!(doc("2017 was the year").is_none());
    }
}
