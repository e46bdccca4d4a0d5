//! Event Viewer's field labels and level values in the languages Windows ships, from
//! `content/eventviewer.json` (transcribed by `core/build.rs`), and the words translated text
//! uses for the service's `Error Code`.
//!
//! A label is matched whole: the text before the first `:` or full-width `：` of a line (one
//! space, no-break space, narrow no-break space or ideographic space may stand before the colon,
//! as French typography puts it), ASCII case ignored, other characters exactly as Windows prints
//! them. `Protokollname: Application`, `Nom du journal :Application`, `ログの名前:  Application`
//! and `日志名称：Application` all read as `log name`. The look-up is by byte length, so a label
//! never swallows a longer one that starts with it (`Data` / `Datum`, `ID evento` / `ID`).

use std::sync::OnceLock;

use crate::bytes::{colon, eq_ci};
#[cfg(test)]
use crate::knowledge::Source;

/// A language of the table.
#[cfg(test)]
#[derive(Debug)]
pub(crate) struct Lang {
    /// `de`, `pt-BR`, `zh-CN`, …
    pub code: &'static str,
    pub name: &'static str,
    pub source: &'static Source,
}

include!(concat!(env!("OUT_DIR"), "/eventviewer.rs"));

/// How far into a line the colon after a label may be: the longest label, a three-byte space
/// and the colon.
const WINDOW: usize = MAX_LABEL + 3;
const _: () = assert!(MAX_LABEL < 64, "label lengths are bits of a u64");
/// The window for a line whose first byte starts no label longer than `SHORT - 4` bytes (most
/// of them): four loads instead of seven.
const SHORT: usize = 25;

struct Table {
    /// ASCII-lower-cased first bytes of the labels: how far to look for the colon (0: no label
    /// starts so).
    first: [u8; 256],
    /// For each first byte, the byte lengths of the labels that start with it (bit n: length n).
    lengths: [u64; 256],
    /// Labels (ASCII-lower-cased) by byte length, with their meanings and the languages that
    /// spell them so (bits by index in `LANGS`).
    by_len: Vec<Vec<Entry>>,
}

/// A label in [`Table::by_len`]: its last byte (lower-cased) is compared first, since the
/// lines that reach the look-up mostly share only their first byte with a label.
#[derive(Clone)]
struct Entry {
    last: u8,
    key: Vec<u8>,
    meaning: &'static str,
    langs: u32,
}

fn table() -> &'static Table {
    static TABLE: OnceLock<Table> = OnceLock::new();
    TABLE.get_or_init(|| {
        let mut t = Table { first: [0; 256], lengths: [0; 256], by_len: vec![Vec::new(); MAX_LABEL + 1] };
        for &(label, meaning, lang) in LABELS {
            let key = label.to_ascii_lowercase().into_bytes();
            let window = if key.len() + 4 <= SHORT { SHORT } else { WINDOW };
            let f = &mut t.first[usize::from(key[0])];
            *f = (*f).max(window as u8);
            t.lengths[usize::from(key[0])] |= 1 << key.len();
            let bucket = &mut t.by_len[key.len()];
            match bucket.iter_mut().find(|e| e.key == key) {
                Some(e) => e.langs |= 1 << lang,
                None => bucket.push(Entry { last: key[key.len() - 1], key, meaning, langs: 1 << lang }),
            }
        }
        t
    })
}

/// The byte length of one space that may stand before the colon at the end of `key`.
fn space_before(key: &[u8]) -> usize {
    match key {
        [.., b' '] => 1,
        [.., 0xc2, 0xa0] => 2,
        [.., 0xe2, 0x80, 0xaf] | [.., 0xe3, 0x80, 0x80] => 3,
        _ => 0,
    }
}

/// The label that starts `chunk`: its meaning (`log name`, `event id`, …), the offset where
/// its value starts (after the colon) and the languages that spell it so (bits by index in
/// `LANGS`, see [`day_first`]). Never panics; the offsets are on character boundaries.
#[inline]
pub(crate) fn label_at(chunk: &str) -> Option<(&'static str, usize, u32)> {
    let b = chunk.as_bytes();
    let t = table();
    let first = usize::from(b.first()?.to_ascii_lowercase());
    let window = t.first[first];
    if window == 0 {
        return None;
    }
    let (at, n) = colon(b, usize::from(window))?;
    let end = at - space_before(&b[..at]);
    // No label of that first byte is that long (most colons: times, `Details:`).
    if end == 0 || t.lengths[first] >> end & 1 == 0 {
        return None;
    }
    let key = &b[..end];
    let last = key[end - 1].to_ascii_lowercase();
    t.by_len.get(end)?.iter().find(|e| e.last == last && eq_ci(&e.key, key)).map(|e| (e.meaning, at + n, e.langs))
}

/// Whether every language of `langs` (an event's labels' languages, intersected) writes the
/// day first: then `02/03/2017` is 2 March. An English or an unknown frame keeps month first.
pub(crate) fn day_first(langs: u32) -> bool {
    langs != 0 && langs & !DAY_FIRST == 0
}

/// The level (`error`, `warning`, `information`, `critical`, `verbose`) that a level value names
/// in any language (`Fehler`, `Erreur`, `エラー`, `错误`, `Ошибка`, …; ASCII case ignored), and
/// the languages that spell it so (bits by index in `LANGS`).
pub(crate) fn level(value: &str) -> Option<(&'static str, u32)> {
    let v = value.as_bytes();
    let mut found = None;
    for &(text, l, lang) in LEVELS {
        if eq_ci(text.as_bytes(), v) {
            let (_, langs) = found.get_or_insert((l, 0));
            *langs |= 1 << lang;
        }
    }
    found
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::bytes::plain::colon as colon_plain;
    use proptest::prelude::*;

    /// `label_at` without the languages.
    fn la(s: &str) -> Option<(&'static str, usize)> {
        label_at(s).map(|(m, at, _)| (m, at))
    }

    /// The languages issue 10 asks for, besides English.
    const LANGUAGES: [&str; 13] = ["en", "de", "fr", "es", "it", "nl", "pt-BR", "ja", "zh-CN", "ko", "ru", "pl", "sv"];

    #[test]
    fn every_language_has_every_label_and_level() {
        for code in LANGUAGES {
            let i = LANGS.iter().position(|l| l.code == code).unwrap_or_else(|| panic!("no language {code}"));
            assert!(!LANGS[i].source.url.is_empty() && !LANGS[i].name.is_empty(), "{code} has no name or no source address");
            for meaning in REQUIRED {
                assert!(LABELS.iter().any(|&(_, m, l)| m == *meaning && usize::from(l) == i), "{code}: no label for {meaning}");
            }
            for level in LEVEL_NAMES {
                assert!(LEVELS.iter().any(|&(_, m, l)| m == *level && usize::from(l) == i), "{code}: no level value for {level}");
            }
            assert!(ERROR_CODE_WORDS.iter().any(|&(_, l)| usize::from(l) == i), "{code}: no words for Error Code");
        }
    }

    #[test]
    fn every_label_reads_as_itself_and_swallows_no_other() {
        for &(label, meaning, lang) in LABELS {
            let line = format!("{label}:  value");
            assert_eq!(la(&line), Some((meaning, label.len() + 1)), "{label} ({})", LANGS[usize::from(lang)].code);
            // A label is never a prefix of another that the look-up would take for it.
            for &(other, other_meaning, _) in LABELS {
                if other.len() > label.len() && eq_ci(&other.as_bytes()[..label.len()], label.as_bytes()) {
                    let line = format!("{other}: value");
                    assert_eq!(la(&line).map(|(m, _)| m), Some(other_meaning), "{label} swallows {other}");
                }
            }
        }
        assert_eq!(la("Datum: x"), Some(("date", 6)));
        assert_eq!(la("Dat: x"), None);
        assert_eq!(la("Password synchronization failed: x"), None);
        assert_eq!(la(":"), None);
        assert_eq!(la(""), None);
    }

    #[test]
    fn colon_forms() {
        assert_eq!(la("Nom du journal :Application"), Some(("log name", 16)));
        assert_eq!(la("Nom du journal\u{a0}: Application"), Some(("log name", 17)));
        assert_eq!(la("Nom du journal\u{202f}: Application"), Some(("log name", 18)));
        assert_eq!(la("日志名称：Application"), Some(("log name", 15)));
        assert_eq!(la("ログの名前:         Application"), Some(("log name", 16)));
        assert_eq!(la("イベント ID：611"), Some(("event id", 18)));
        // Two spaces before the colon are Format-List padding, not a label.
        assert_eq!(la("Source  : x"), None);
        for t in [
            "",
            ":",
            "a:",
            "abcdefgh:",
            "é:x",
            "：",
            "x：y",
            "\u{ef}",
            "ab\u{ff1b}cd:",
            "12345678901234567890123456789012345678901234567890:4",
        ] {
            for w in [SHORT, WINDOW] {
                assert_eq!(colon(t.as_bytes(), w), colon_plain(t.as_bytes(), w), "{t:?}");
            }
        }
    }

    #[test]
    fn date_order_by_language() {
        let langs = |s: &str| label_at(s).map(|(_, _, l)| l).unwrap();
        assert!(day_first(langs("Nom du journal :x") & langs("Date : x")));
        assert!(!day_first(langs("Date: x")), "Date is English's and French's");
        assert!(!day_first(langs("Log Name: x")));
        assert!(!day_first(langs("ログの名前: x")));
        assert!(day_first(langs("Nome registro: x")));
        assert!(!day_first(0));
    }

    #[test]
    fn levels() {
        for (v, l) in
            [("Error", "error"), ("fehler", "error"), ("エラー", "error"), ("错误", "error"), ("Ошибка", "error"), ("Varning", "warning")]
        {
            assert_eq!(level(v).map(|(l, _)| l), Some(l), "{v}");
        }
        assert_eq!(level("Success"), None);
        assert!(day_first(level("Erreur").unwrap().1));
        assert!(!day_first(level("Error").unwrap().1), "Error is English's and Spanish's");
    }

    fn any_label() -> impl Strategy<Value = (&'static str, &'static str)> {
        (0..LABELS.len()).prop_map(|i| (LABELS[i].0, LABELS[i].1))
    }

    proptest! {
        /// Any label with any colon form and any spacing parses, and the value is what follows.
        #[test]
        fn any_label_any_colon((label, meaning) in any_label(), before in prop::sample::select(vec!["", " ", "\u{a0}", "\u{202f}", "\u{3000}"]),
                               colon_form in prop::sample::select(vec![":", "："]), pad in "[ \t]{0,12}", value in "[^\t\n ]{0,20}") {
            let line = format!("{label}{before}{colon_form}{pad}{value}");
            let (m, at) = la(&line).expect("a label");
            prop_assert_eq!(m, meaning);
            prop_assert_eq!(line[at..].trim(), value.trim());
        }

        /// Colons are found as the plain loop finds them, and no line panics the look-up.
        #[test]
        fn any_line(s in "\\PC{0,80}") {
            prop_assert_eq!(colon(s.as_bytes(), WINDOW), colon_plain(s.as_bytes(), WINDOW));
            prop_assert_eq!(colon(s.as_bytes(), SHORT), colon_plain(s.as_bytes(), SHORT));
            if let Some((_, at)) = la(&s) {
                prop_assert!(s.is_char_boundary(at));
            }
            let _ = level(&s);
        }

        #[test]
        fn any_bytes(b in prop::collection::vec(any::<u8>(), 0..80)) {
            prop_assert_eq!(colon(&b, WINDOW), colon_plain(&b, WINDOW));
            let s = String::from_utf8_lossy(&b);
            let _ = la(&s);
        }
    }
}
