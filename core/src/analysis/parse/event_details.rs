//! Event Viewer's "Copy details as text" and its General tab, labelled in any language Windows
//! ships (`labels.rs`):
//!
//! ```text
//! Log Name:      Application
//! Source:        Directory Synchronization
//! Date:          3/2/2017 4:31:09 AM
//! Event ID:      611
//! Description:
//! Password hash synchronization failed for domain: contoso.com, domain controller hostname: …
//! ```

use std::borrow::Cow;

use crate::analysis::labels;
use crate::analysis::lines;

/// `Key:   value` pairs of Event Viewer's details, possibly several on a line (separated by
/// tabs or runs of spaces, as on the General tab), with the languages that spell the key so
/// (`labels::label_at`).
pub(crate) fn details_pairs(text: &str) -> Vec<(&'static str, Cow<'_, str>, u32)> {
    // The key is everything before the first colon (`:` or `：`), a label of any language
    // Windows ships (`labels.rs`).
    let Some(whole) = labels::label_at(text) else { return Vec::new() };
    let mut out: Vec<(&'static str, Cow<'_, str>, u32)> = Vec::new();
    for chunk in columns(text) {
        // The first column, when it starts the line and holds the label's colon, has the
        // line's label (the same bytes up to the colon): not looked up again.
        let same = chunk.as_ptr() == text.as_ptr() && whole.1 <= chunk.len();
        match if same { Some(whole) } else { labels::label_at(chunk) } {
            Some((canonical, value, langs)) => out.push((canonical, Cow::Borrowed(lines::trim(&chunk[value..])), langs)),
            None => match out.last_mut() {
                Some((_, v, _)) => {
                    let v = v.to_mut();
                    if !v.is_empty() {
                        v.push(' ');
                    }
                    v.push_str(chunk);
                }
                None => return Vec::new(),
            },
        }
    }
    out
}

/// Splits on tabs and runs of 2+ spaces (non-empty pieces, trimmed).
pub(crate) fn columns(text: &str) -> impl Iterator<Item = &str> {
    let b = text.as_bytes();
    let mut start = 0;
    let mut i = 0;
    std::iter::from_fn(move || {
        while start < b.len() {
            let piece = loop {
                if i >= b.len() {
                    let p = &text[start..];
                    start = b.len();
                    break p;
                }
                if b[i] == b'\t' || (b[i] == b' ' && b.get(i + 1) == Some(&b' ')) {
                    let p = &text[start..i];
                    while i < b.len() && (b[i] == b' ' || b[i] == b'\t') {
                        i += 1;
                    }
                    start = i;
                    break p;
                }
                i += 1;
            };
            let piece = lines::trim(piece);
            if !piece.is_empty() {
                return Some(piece);
            }
        }
        None
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    /// `details_pairs` looking every column's label up (without reusing the line's).
    fn plain_pairs(text: &str) -> Vec<(&'static str, Cow<'_, str>, u32)> {
        if labels::label_at(text).is_none() {
            return Vec::new();
        }
        let mut out: Vec<(&'static str, Cow<'_, str>, u32)> = Vec::new();
        for chunk in columns(text) {
            match labels::label_at(chunk) {
                Some((canonical, value, langs)) => out.push((canonical, Cow::Borrowed(lines::trim(&chunk[value..])), langs)),
                None => match out.last_mut() {
                    Some((_, v, _)) => {
                        let v = v.to_mut();
                        if !v.is_empty() {
                            v.push(' ');
                        }
                        v.push_str(chunk);
                    }
                    None => return Vec::new(),
                },
            }
        }
        out
    }

    proptest::proptest! {
        /// Lines of labels, colons (also `：`), values, tabs and runs of spaces, leading blanks.
        #[test]
        fn pairs_as_plain(parts in proptest::collection::vec(proptest::sample::select(vec![
            "Log Name", "Source", "Event ID", "Date", "Description", "Level", "Protokollname", "\u{65e5}\u{5fd7}\u{540d}\u{79f0}",
            ":", "\u{ff1a}", " :", "\t", "  ", " ", "Application", "611", "x", "\u{e9}",
        ]), 0..10)) {
            let text: String = parts.concat();
            proptest::prop_assert_eq!(details_pairs(&text), plain_pairs(&text));
        }
    }

    #[test]
    fn details() {
        let pairs = |t: &'static str| details_pairs(t).into_iter().map(|(k, v, _)| (k, v)).collect::<Vec<_>>();
        assert_eq!(pairs("Log Name:      Application"), vec![("log name", "Application".into())]);
        let p = pairs("Source:\tDirectory Synchronization\tLogged:\t3/2/2017 4:31:09 AM");
        assert_eq!(p, vec![("source", "Directory Synchronization".into()), ("logged", "3/2/2017 4:31:09 AM".into())]);
        let p = pairs("Description:  a  b\t c ");
        assert_eq!(p, vec![("description", Cow::from("a b c"))]);
        let p = pairs("Origine:\tDirectory Synchronization\tRegistrato:\t02/03/2017 04:31:09");
        assert_eq!(p, vec![("source", "Directory Synchronization".into()), ("logged", "02/03/2017 04:31:09".into())]);
        let cols: Vec<&str> = columns("  a b  c\t\td  ").collect();
        assert_eq!(cols, ["a b", "c", "d"]);
        assert!(details_pairs("Details: something").is_empty());
        assert!(details_pairs("Password synchronization failed").is_empty());
    }
}
