//! Error numbers found by the tokens next to them that no translation changes, so that a
//! translated message keeps its code: the word `RPC` (`RPC-Fehler 8453`, `erreur RPC 8453`,
//! `RPC 错误 8453`, `RPC エラー：8453`), a DRS exception name, the hex form after any
//! character (`（0x2105）`), and the words for the service's `Error Code` in the languages of
//! `content/eventviewer.json` (`Fehlercode: 90`, `code d'erreur : 90`, `エラー コード: 90`).
//!
//! Only codes of `content/errors.json` are decoded, and only next to an anchor: a year, a port
//! or a count next to `RPC` is not an RPC error. What is found is added to a line's hits as
//! `Tag::Err` (the `errors::ERRORS` entry), so the recognisers need no change.

use super::errors::{self, ErrorKind, ERRORS};
use super::labels::ERROR_CODE_WORDS;
use super::tags::{Ph, Tag};
use crate::bytes::eq_ci;

/// Words allowed between `RPC` (or an exception name) and its number.
const MAX_WORDS: usize = 2;
/// The longest such word, in bytes.
const MAX_WORD: usize = 32;

/// The scanner phrases of the `Error Code` words that are ASCII (the others are looked for in
/// lines that are not ASCII, [`extra_hits`]). English `Error Code` is `Ph::ErrorCode`'s already.
pub(crate) fn ascii_error_code_words() -> impl Iterator<Item = &'static str> {
    ERROR_CODE_WORDS.iter().map(|(w, _)| *w).filter(|w| w.is_ascii() && !w.eq_ignore_ascii_case("error code"))
}

/// Adds the hits this module finds to `list` (a line's scanner hits) and removes the anchors
/// that only it uses (`Ph::RpcWord`, `Ph::ErrorCodeWord`). `other_script`: whether `text` has a
/// byte that is not ASCII (the scanner says). Linear in the line.
pub(crate) fn extra_hits(text: &str, other_script: bool, list: &mut Vec<(Tag, usize, usize)>) {
    if list.is_empty() && !other_script {
        return;
    }
    let b = text.as_bytes();
    let mut anchors_only = false;
    let mut found: Vec<(Tag, usize, usize)> = Vec::new();
    // `RPC Error 8453` is `Ph::RpcError`'s (`parse::codes::decode_errors`): the anchors are for the
    // other spellings, so a line with it is left to it (the DRS exception's number is that one).
    let rpc_error = list.iter().any(|(t, _, _)| *t == Tag::Ph(Ph::RpcError));
    for &(tag, at, len) in list.iter() {
        match tag {
            Tag::Ph(Ph::RpcWord) => {
                anchors_only = true;
                // `RPC` as a word: not `RPCSS`, `rpc_s_…`.
                if rpc_error || b.get(at + len).is_some_and(|c| c.is_ascii_alphanumeric() || *c == b'_') {
                    continue;
                }
                push_rpc(code_after(b, at + len), &mut found);
            }
            Tag::Ph(Ph::Drs) if !rpc_error => push_rpc(code_after(b, at + len), &mut found),
            Tag::Ph(Ph::ErrorCodeWord) => {
                anchors_only = true;
                push_service(number_right_after(b, at + len), &mut found);
            }
            // `error 8453`, `Error: 1722`, `error #8344` in a sentence: an RPC/DRS number of
            // four or five digits (or hex) right after the word; `RPC Error 8453` is RpcError's.
            Tag::Ph(Ph::ErrorWord) => {
                anchors_only = true;
                if !rpc_error {
                    let n = number_right_after(b, at + len).filter(|&(n, at, _)| n >= 1000 || hex_at(b, at));
                    push_rpc(n, &mut found);
                }
            }
            _ => {}
        }
    }
    if anchors_only {
        list.retain(|(t, _, _)| !matches!(t, Tag::Ph(Ph::RpcWord | Ph::ErrorWord | Ph::ErrorCodeWord)));
    }
    if other_script {
        other_characters(b, &mut found);
        if let Some((_, at, len)) = super::parse::health::localised_title(text) {
            found.push((Tag::Ph(Ph::AlertTitle), at, len));
        }
        let found_in = |list: &[&str], ci: bool| {
            list.iter().find_map(|m| if ci { crate::bytes::find_ci(text, m) } else { crate::bytes::find(text, m) }.map(|at| (at, m.len())))
        };
        if let Some((at, len)) = found_in(LOGON_FAILURE, false).or_else(|| found_in(LOGON_FAILURE_LATIN, true)) {
            found.push((Tag::Ph(Ph::UserPassIncorrect), at, len));
        }
    }
    list.extend(found);
}

/// Windows' message for ERROR_LOGON_FAILURE (1326, "The user name or password is incorrect")
/// in the languages whose words the line scanner can't start on (see `phrases.rs` for the others).
const LOGON_FAILURE: &[&str] = &[
    "имя пользователя или пароль",
    "ユーザー名またはパスワードが正しくありません",
    "用户名或密码不正确",
    "사용자 이름 또는 암호가 올바르지 않습니다",
];

/// The same in the languages of Latin letters that aren't all ASCII (looked for without regard
/// to the case of the ASCII ones: a sentence can start with it).
const LOGON_FAILURE_LATIN: &[&str] = &[
    "nombre de usuario o la contraseña no son correctos",
    "nome de usuário ou a senha está incorreto",
    "användarnamnet eller lösenordet är felaktigt",
    "nazwa użytkownika lub hasło jest niepoprawne",
];

/// `(code, offset, length)` of a number.
type Num = Option<(u32, usize, usize)>;

fn index_of(kind: ErrorKind, code: u32) -> Option<u16> {
    ERRORS.iter().position(|e| e.kind == kind && e.code == code).and_then(|i| u16::try_from(i).ok())
}

fn push_rpc(n: Num, found: &mut Vec<(Tag, usize, usize)>) {
    if let Some((code, at, len)) = n {
        if let Some(i) = errors::rpc(code).and_then(|e| index_of(e.kind, e.code)) {
            found.push((Tag::Err(i), at, len));
        }
    }
}

fn push_service(n: Num, found: &mut Vec<(Tag, usize, usize)>) {
    if let Some((code, at, len)) = n {
        if let Some(i) = errors::service(code).and_then(|e| index_of(e.kind, e.code)) {
            found.push((Tag::Err(i), at, len));
        }
    }
}

/// The length of a separator at `b[i..]`: spaces, `-`, `:`, `#`, `=`, `(`, and their full-width
/// or no-break forms.
fn separator(b: &[u8], i: usize) -> usize {
    match b[i] {
        b' ' | b'\t' | b'-' | b':' | b'#' | b'=' | b'(' | b'[' => 1,
        0xc2 if b.get(i + 1) == Some(&0xa0) => 2,
        // `：` `（` `＃` `＝`, ideographic space.
        0xef if matches!(b.get(i + 1..i + 3), Some([0xbc, 0x9a | 0x88 | 0x83 | 0x9d])) => 3,
        0xe3 if b.get(i + 1..i + 3) == Some(&[0x80, 0x80]) => 3,
        _ => 0,
    }
}

/// Whether `b[i..]` ends a sentence or a clause (then a number after it is another's).
fn stop(b: &[u8], i: usize) -> bool {
    match b[i] {
        b'.' | b',' | b';' | b'!' | b'?' | b')' | b']' | b'"' | b'\'' => true,
        // `。` `、`
        0xe3 => matches!(b.get(i + 1..i + 3), Some([0x80, 0x82 | 0x81])),
        // `，` `；` `）`
        0xef => matches!(b.get(i + 1..i + 3), Some([0xbc, 0x8c | 0x9b | 0x89])),
        _ => false,
    }
}

fn skip_separators(b: &[u8], mut i: usize) -> usize {
    while i < b.len() {
        let n = separator(b, i);
        if n == 0 {
            break;
        }
        i += n;
    }
    i
}

/// A number within [`MAX_WORDS`] words after `from` (`Error 8453`, `-Fehler 8453`, ` 错误 8453`,
/// ` 8453`), none of them ending a sentence. A decimal code under 1000 must be followed by a
/// colon or the end, as `RPC Error 5 : Access is denied.` is (`RPC timeout 5 minutes` is no code).
fn code_after(b: &[u8], from: usize) -> Num {
    let mut i = from;
    for _ in 0..=MAX_WORDS {
        i = skip_separators(b, i);
        if i >= b.len() {
            return None;
        }
        if b[i].is_ascii_digit() {
            return number_at(b, i).filter(|&(n, at, len)| n >= 1000 || hex_at(b, at) || colon_after(b, at + len));
        }
        let start = i;
        while i < b.len() && separator(b, i) == 0 && !b[i].is_ascii_digit() {
            if stop(b, i) || i - start >= MAX_WORD {
                return None;
            }
            i += 1;
        }
    }
    None
}

/// A number right after `from`, separators only between (`: 90`, `：90`, ` = 90`).
fn number_right_after(b: &[u8], from: usize) -> Num {
    let i = skip_separators(b, from);
    (i > from || b.get(i).is_some_and(u8::is_ascii_digit)).then(|| number_at(b, i)).flatten()
}

/// The decimal or `0x` hex number at `b[i..]`, standing alone: not part of a word, a version
/// (`5.1`) or a time (`12:30`).
fn number_at(b: &[u8], i: usize) -> Num {
    let mut j = i;
    if hex_at(b, i) {
        j += 2;
        while j < b.len() && b[j].is_ascii_hexdigit() {
            j += 1;
        }
        if j - i > 10 || j - i == 2 {
            return None;
        }
    } else {
        while j < b.len() && b[j].is_ascii_digit() {
            j += 1;
        }
        if j == i || j - i > 5 {
            return None;
        }
    }
    match b.get(j) {
        Some(c) if c.is_ascii_alphanumeric() || *c == b'_' => return None,
        Some(b'.' | b':' | b',') if b.get(j + 1).is_some_and(u8::is_ascii_digit) => return None,
        _ => {}
    }
    // ASCII digits and `x`: a char boundary on both sides.
    let text = std::str::from_utf8(&b[i..j]).ok()?;
    Some((errors::parse_number(text)?, i, j - i))
}

fn hex_at(b: &[u8], i: usize) -> bool {
    b.get(i) == Some(&b'0') && matches!(b.get(i + 1), Some(b'x' | b'X'))
}

/// Whether a colon (or the end) follows `j`, spaces skipped: `RPC Error 5 : Access is denied.`
fn colon_after(b: &[u8], j: usize) -> bool {
    let k = skip_spaces(b, j);
    k >= b.len() || b[k] == b':' || b.get(k..k + 3) == Some(&[0xef, 0xbc, 0x9a])
}

fn skip_spaces(b: &[u8], mut i: usize) -> usize {
    while i < b.len() && (b[i] == b' ' || b[i] == b'\t') {
        i += 1;
    }
    i
}

/// What the scanner can't see in a line that is not ASCII, in one pass over its numbers:
/// `0x2105` / `0x80072105` right after a character that is not ASCII (`（0x2105）`, `错误0x6ba`;
/// the scanner looks only where an ASCII word starts), and a service code after the words for
/// `Error Code` that are not ASCII (`エラー コード: 90`, `código de error: 90`), looked for
/// backwards from the number.
fn other_characters(b: &[u8], found: &mut Vec<(Tag, usize, usize)>) {
    let mut i = 0;
    // From digit to digit (8 bytes at a time between them).
    while let Some(d) = crate::bytes::next_digit(b, i) {
        i = d;
        if i > 0 && (b[i - 1].is_ascii_alphanumeric() || b[i - 1] == b'_') {
            i += 1;
            continue;
        }
        let Some((code, at, len)) = number_at(b, i) else {
            // Past the digits (and a hex number's letters).
            i += 1;
            while i < b.len() && b[i].is_ascii_alphanumeric() {
                i += 1;
            }
            continue;
        };
        if hex_at(b, at) {
            if at > 0 && b[at - 1] >= 0x80 {
                push_rpc(Some((code, at, len)), found);
            }
        } else if errors::service(code).is_some() && error_code_word_before(b, at) {
            push_service(Some((code, at, len)), found);
        }
        i = at + len;
    }
}

/// Whether one of the words for `Error Code` that are not ASCII ends at `end`, separators
/// skipped backwards (`エラー コード: ` before `90`).
fn error_code_word_before(b: &[u8], end: usize) -> bool {
    let mut e = end;
    loop {
        let n = [1, 2, 3].into_iter().find(|&n| e >= n && separator(b, e - n) == n).unwrap_or(0);
        if n == 0 {
            break;
        }
        e -= n;
    }
    ERROR_CODE_WORDS.iter().any(|(w, _)| !w.is_ascii() && e >= w.len() && eq_ci(&b[e - w.len()..e], w.as_bytes()))
}

#[cfg(test)]
mod tests {
    use super::super::phrases::Hits;
    use super::*;
    use proptest::prelude::*;

    /// The codes a line's hits decode, as `errors::ERRORS` entries' (kind, code).
    fn codes(line: &str) -> Vec<(ErrorKind, u32)> {
        let mut h = Hits::default();
        h.scan(line);
        let mut v: Vec<(ErrorKind, u32)> = h
            .list
            .iter()
            .filter_map(|&(ref t, at, len)| match t {
                Tag::Err(i) => ERRORS.get(usize::from(*i)).filter(|e| e.kind != ErrorKind::Message).map(|e| (e.kind, e.code)),
                // As `parse::codes::decode_errors` takes them: standing alone.
                Tag::Code(c) => line[at + len..].bytes().next().is_none_or(|b| !b.is_ascii_alphanumeric()).then_some((ErrorKind::Rpc, *c)),
                _ => None,
            })
            .collect();
        v.sort_by_key(|x| x.1);
        v.dedup();
        v
    }

    #[test]
    fn numbers_beside_any_word() {
        for line in [
            "RPC 错误 8453",
            "RPC-Fehler 8453",
            "erreur RPC 8453",
            "Error RPC 8453",
            "RPC エラー 8453",
            "RPC エラー：8453",
            "RPC 오류 8453 : 복제 액세스가 거부되었습니다.",
            "Ошибка RPC 8453",
            "DrsException: RPC-Fehler 8453 : Der Replikationszugriff wurde verweigert.",
            "复制访问被拒绝。（0x2105）",
            "レプリケーション アクセスが拒否されました (0x80072105)",
        ] {
            assert_eq!(codes(line), vec![(ErrorKind::Rpc, 8453)], "{line}");
        }
        for line in [
            "Fehlercode: 90",
            "code d'erreur : 90",
            "code d’erreur : 90",
            "código de error: 90",
            "エラー コード: 90",
            "错误代码：90",
            "Код ошибки: 90",
            "kod błędu: 90",
        ] {
            assert_eq!(codes(line), vec![(ErrorKind::Service, 90)], "{line}");
        }
        assert_eq!(codes("RPC-Fehler 5: Zugriff verweigert"), vec![(ErrorKind::Rpc, 5)]);
    }

    #[test]
    fn no_code_without_an_anchor_or_outside_the_table() {
        for line in [
            "RPC 2017",
            "RPC port 135",
            "RPC-Dienst läuft seit 8453",
            "RPC 8453x",
            "RPC 1722.5",
            "RPC timeout 5 minutes",
            "RPCSS 8453",
            "Der RPC-Server ist nicht verfügbar. 8453 Objekte",
            "错误 8453",
            "Fehlercode: 12",
            "Fehlercode 9000",
            "年 0x2105abc",
            "ポート 8453",
        ] {
            assert!(codes(line).is_empty(), "{line}: {:?}", codes(line));
        }
    }

    proptest! {
        /// Any text: no panic, every hit inside the line, on character boundaries.
        #[test]
        fn any_text(s in "\\PC{0,120}") {
            let mut h = Hits::default();
            h.scan(&s);
            for (_, at, len) in &h.list {
                prop_assert!(at + len <= s.len());
                prop_assert!(s.is_char_boundary(*at) && s.is_char_boundary(at + len));
            }
        }

        /// The scanner's "not ASCII" answer, which decides whether the other-script pass runs.
        #[test]
        fn other_script_flag(s in "\\PC{0,40}") {
            prop_assert_eq!(super::super::phrases::scanner().scan(s.as_bytes(), &mut Vec::new()), !s.is_ascii());
        }

        /// `RPC` and a known code with any words of any script between stay decoded.
        #[test]
        fn rpc_and_a_word(word in "[\\p{L}]{1,8}", sep in prop::sample::select(vec![" ", "-", "：", " : "])) {
            let line = format!("RPC{sep}{word} 8453");
            prop_assert_eq!(codes(&line), vec![(ErrorKind::Rpc, 8453)]);
        }
    }
}
