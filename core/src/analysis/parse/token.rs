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
}
