//! A code or a name pasted alone, as the Analyze page invites ("just an error number"):
//!
//! ```text
//! 8453
//! ERROR_DS_DRA_ACCESS_DENIED
//! 611
//! ```
//!
//! A symbolic error name is recognised on a line of its own anywhere. A decimal number only when
//! the whole paste is such tokens (at most [`MAX_TOKEN_LINES`] lines of one word each), so that a
//! number in a table, a menu choice or prose never becomes an error: it is a known RPC/DRS error
//! number (decoded as `RPC Error <n>` would be), else a password hash sync event ID (an info
//! finding that points to its look-up), else nothing. Hex (`0x2105`) is decoded wherever it
//! stands by `parse/codes.rs` already.

use crate::analysis::errors::{self, ErrorInfo, ErrorKind, ERRORS};
use crate::analysis::lines;
use crate::knowledge;

/// A paste of more lines than this is never read as bare numbers.
pub(crate) const MAX_TOKEN_LINES: usize = 10;

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Token {
    Error(&'static ErrorInfo),
    Event(u32),
}

/// The word a line is, with quotes and a trailing stop taken off; `None` for a line of more.
fn word(text: &str) -> Option<&str> {
    let t = lines::trim(text);
    // A space or a tab inside stays inside once the quotes and stops are off: not one word
    // (most lines, told at their first space).
    if t.bytes().any(|b| b == b' ' || b == b'\t') {
        return None;
    }
    let t = t.trim_matches(['"', '\'', '`']).trim_end_matches(['.', ',', ';']);
    (!t.is_empty() && t.len() <= 64 && !t.contains(|c: char| c.is_whitespace())).then_some(t)
}

/// Whether every non-blank line of `physical` is one word and there are at most
/// [`MAX_TOKEN_LINES`] of them (and at least one).
pub(crate) fn paste_is_tokens(physical: &[&str]) -> bool {
    if physical.len() > 4 * MAX_TOKEN_LINES {
        return false;
    }
    let mut n = 0;
    for l in physical {
        if lines::trim(l).is_empty() {
            continue;
        }
        n += 1;
        if n > MAX_TOKEN_LINES || word(l).is_none() {
            return false;
        }
    }
    n > 0
}

/// What a line of one word is. `numbers`: the paste is only such words (see [`paste_is_tokens`]).
pub(crate) fn alone(text: &str, numbers: bool) -> Option<Token> {
    let w = word(text)?;
    let b = w.as_bytes();
    if b.iter().all(u8::is_ascii_digit) {
        if !numbers || b.len() > 10 {
            return None;
        }
        let n: u32 = w.parse().ok()?;
        return match errors::rpc(n) {
            Some(e) => Some(Token::Error(e)),
            None => knowledge::event(n).map(|e| Token::Event(e.id)),
        };
    }
    // ERROR_DS_DRA_ACCESS_DENIED, RPC_S_SERVER_UNAVAILABLE: the names of the decoded numbers.
    if w.len() >= 6 && w.contains('_') && b.iter().all(|c| c.is_ascii_alphanumeric() || *c == b'_') {
        return ERRORS.iter().find(|e| e.kind == ErrorKind::Rpc && e.name.eq_ignore_ascii_case(w)).map(Token::Error);
    }
    None
}

/// Words that name an event right before its ID (`event 611`, `Event ID 611`, `Ereignis 611`,
/// `イベント ID 611`), lower-cased; `id` only after one of the others or alone before the number.
const EVENT_WORDS: &[&str] = &[
    "event",
    "events",
    "eventid",
    "event-id",
    "ereignis",
    "ereignis-id",
    "ereignisse",
    "événement",
    "evenement",
    "évènement",
    "evento",
    "eventos",
    "gebeurtenis",
    "zdarzenie",
    "händelse",
    "událost",
    "olay",
    "событие",
    "イベント",
    "이벤트",
    "事件",
    "id",
];

/// Words that name an event right after its ID (`611 errors`, `611 events`, `611s`).
const AFTER_WORDS: &[&str] = &[
    "error",
    "errors",
    "event",
    "events",
    "warning",
    "warnings",
    "fehler",
    "erreur",
    "erreurs",
    "errores",
    "erro",
    "erros",
    "errore",
    "errori",
    "エラー",
    "错误",
    "오류",
    "ошибка",
    "ошибки",
    "s",
];

/// A password hash sync event named in prose (`we keep getting 611 errors`, `Event ID 611 shows
/// up`): its ID, when the number of an event that is a fault on its own (`content/events.json`
/// `finding`) stands beside a word that names an event (before
/// it) or an error (after it). Event 0 only after such a word (`0 errors` is no event). The
/// first one named; `None` for a line that names none.
pub(crate) fn mentioned(text: &str) -> Option<u32> {
    let b = text.as_bytes();
    let mut i = 0;
    while i < b.len() {
        if !b[i].is_ascii_digit() {
            i += 1;
            continue;
        }
        let start = i;
        while i < b.len() && b[i].is_ascii_digit() {
            i += 1;
        }
        // A number inside a word, a version, a time or a longer number is not an ID.
        let glued = |c: u8| c.is_ascii_alphanumeric() || matches!(c, b'.' | b':' | b'/' | b'_' | b'-' | b',');
        let before_ok = start == 0 || !glued(b[start - 1]);
        let after = &text[i..];
        let s_suffix = after.starts_with('s') && !after[1..].starts_with(|c: char| c.is_alphanumeric());
        let after_ok = i == b.len() || !glued(b[i]) || s_suffix || b[i] == b'.' && !after[1..].starts_with(|c: char| c.is_ascii_digit());
        if i - start > 4 || !before_ok || !after_ok {
            continue;
        }
        let Ok(n) = text[start..i].parse::<u32>() else { continue };
        // Only an event that is a fault on its own: `the 654 events show up` says all is well.
        let Some(e) = knowledge::event(n).filter(|e| e.finding.is_some()) else { continue };
        let word_before = last_word(&text[..start]);
        let named_before = EVENT_WORDS.iter().any(|w| word_before.eq_ignore_ascii_case(w) || lower_eq(word_before, w));
        let next = if s_suffix { "s" } else { first_word(after) };
        let named_after = n != 0 && AFTER_WORDS.iter().any(|w| next.eq_ignore_ascii_case(w) || lower_eq(next, w));
        if named_before || named_after {
            return Some(e.id);
        }
    }
    None
}

/// The last word before `at` (letters, digits, `-`, and any non-ASCII letter), past spaces,
/// `:`, `#` and `(`.
fn last_word(head: &str) -> &str {
    let head = head.trim_end_matches([' ', '\t', ':', '#', '(', '：', '\u{3000}']);
    let start = head.char_indices().rev().find(|(_, c)| !(c.is_alphanumeric() || *c == '-')).map_or(0, |(i, c)| i + c.len_utf8());
    &head[start..]
}

/// The first word of `tail`, past spaces and `)`.
fn first_word(tail: &str) -> &str {
    let tail = tail.trim_start_matches([' ', '\t', ')', '\u{3000}']);
    let end = tail.char_indices().find(|(_, c)| !c.is_alphanumeric()).map_or(tail.len(), |(i, _)| i);
    &tail[..end]
}

/// `a` lower-cased (any script) is `w`.
fn lower_eq(a: &str, w: &str) -> bool {
    !a.is_ascii() && a.chars().flat_map(char::to_lowercase).eq(w.chars())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn words() {
        let e = |t: &str, n: bool| match alone(t, n) {
            Some(Token::Error(e)) => Some(e.code),
            _ => None,
        };
        assert_eq!(e("8453", true), Some(8453));
        assert_eq!(e(" 8453. ", true), Some(8453));
        assert_eq!(e("8453", false), None, "a number among other text is not an error");
        assert_eq!(e("ERROR_DS_DRA_ACCESS_DENIED", false), Some(8453));
        assert_eq!(e("error_ds_dra_access_denied", false), Some(8453));
        assert_eq!(e("`RPC_S_SERVER_UNAVAILABLE`", false), Some(1722));
        assert_eq!(e("ERROR_NOT_A_CODE_WE_KNOW", true), None);
        assert_eq!(e("8453 is the error", true), None);
        assert_eq!(alone("611", true), Some(Token::Event(611)));
        assert_eq!(alone("611", false), None);
        assert_eq!(alone("4242", true), None, "neither a decoded error nor a password sync event");
        assert_eq!(alone("99999999999", true), None);
    }

    #[test]
    fn pastes_of_tokens() {
        assert!(paste_is_tokens(&["8453"]));
        assert!(paste_is_tokens(&["", "8453", "  611  ", ""]));
        assert!(!paste_is_tokens(&[]));
        assert!(!paste_is_tokens(&["", " "]));
        assert!(!paste_is_tokens(&["Event ID: 611"]));
        assert!(!paste_is_tokens(&["1"; MAX_TOKEN_LINES + 1]));
    }

    #[test]
    fn events_named_in_prose() {
        let m = mentioned;
        assert_eq!(m("we keep getting 611 errors on the sync box"), Some(611));
        assert_eq!(m("Event ID 611 keeps appearing"), Some(611));
        assert_eq!(m("event 611"), Some(611));
        assert_eq!(m("lots of 611s in the log"), Some(611));
        assert_eq!(m("(event 652)"), Some(652));
        assert_eq!(m("Ereignis-ID 611 kommt alle 30 Minuten"), Some(611));
        assert_eq!(m("イベント ID 611 が出ます"), Some(611));
        assert_eq!(m("Événement 611 toutes les heures"), Some(611));
        assert_eq!(m("event 0 after the upgrade"), Some(0));
        assert_eq!(m("0 errors, 0 warnings"), None, "a count is no event");
        assert_eq!(m("we have 611 users"), None);
        assert_eq!(m("version 2.4.611.0 errors"), None);
        assert_eq!(m("event 4242"), None, "not a password sync event");
        assert_eq!(m("the 654 events show up every 30 minutes"), None, "a heartbeat is no fault");
        assert_eq!(m("at 6:11 errors"), None);
        assert_eq!(m("event 6111"), None);
        assert_eq!(m(""), None);
    }
}
