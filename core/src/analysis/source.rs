//! The paste as [`analyze`](super::analyze) numbers its lines, for a shell that shows the paste
//! next to the findings: the same cut, the same normalisation, the same line breaks, so that a
//! finding's line numbers point at the right text.

use std::ops::RangeInclusive;

use super::{lines, Truncation};

/// `text` cut at the last line break before `max_bytes` (and on a character boundary), with
/// what was cut. `None` when the text fits.
pub fn cut(text: &str, max_bytes: usize) -> (&str, Option<Truncation>) {
    if text.len() <= max_bytes {
        return (text, None);
    }
    let mut end = max_bytes;
    while !text.is_char_boundary(end) {
        end -= 1;
    }
    let end = text[..end].rfind('\n').map_or(end, |i| i + 1);
    (&text[..end], Some(Truncation { bytes_total: text.len(), bytes_analysed: end }))
}

/// The lines of `text` whose 1-based numbers fall in one of `wanted`, with their numbers, in
/// order, as `analyze(text)` (cut at `max_bytes`) numbers them. Reads only as far as the last
/// wanted line.
pub fn lines_in(text: &str, max_bytes: usize, wanted: &[RangeInclusive<usize>]) -> Vec<(usize, String)> {
    let Some(last) = wanted.iter().map(|r| *r.end()).max() else {
        return Vec::new();
    };
    let (text, _) = cut(text, max_bytes);
    let normal = lines::normalise(text);
    let mut out = Vec::new();
    for (i, (start, end)) in lines::line_spans(&normal).enumerate().take(last) {
        let n = i + 1;
        if wanted.iter().any(|r| r.contains(&n)) {
            out.push((n, normal[start..end].to_string()));
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::analysis::{analyze, MAX_INPUT_BYTES};

    fn check(text: &str, wanted: &[RangeInclusive<usize>], expected: &[(usize, &str)]) {
        let got = lines_in(text, MAX_INPUT_BYTES, wanted);
        let got: Vec<(usize, &str)> = got.iter().map(|(n, l)| (*n, l.as_str())).collect();
        assert_eq!(got, expected, "{text:?} {wanted:?}");
    }

    #[test]
    fn lines_by_number() {
        check("a\r\nb\r\nc\r\n", &[1..=1, 3..=9], &[(1, "a"), (3, "c")]);
        check("a\nb\n", &[2..=3], &[(2, "b")]);
        check("a\n\nb", &[1..=3], &[(1, "a"), (2, ""), (3, "b")]);
        // A lone CR is a line break, as in the analysis.
        check("a\rb\r\rc\r\nd\r", &[1..=9], &[(1, "a"), (2, "b"), (3, ""), (4, "c"), (5, "d")]);
        check("", &[1..=1], &[(1, "")]);
        check("x", &[], &[]);
        // UTF-16 read as bytes: numbered after the NULs are removed, as the analysis does.
        let utf16: String = "a\nRPC Error 8453 : x\n".chars().flat_map(|c| [c, '\0']).collect();
        check(&utf16, &[2..=2], &[(2, "RPC Error 8453 : x")]);
    }

    #[test]
    fn evidence_lines_match_the_text() {
        let text = "PS C:\\> x\r\n\r\nDetails: RPC Error 8453 : Replication access was denied.\r\n";
        let a = analyze(text);
        let ev = &a.findings[0].evidence;
        assert!(!ev.is_empty());
        for e in ev {
            let got = lines_in(text, MAX_INPUT_BYTES, &[e.line..=e.line]);
            assert_eq!(got.len(), 1);
            assert!(got[0].1.contains(e.text.trim()), "{got:?} {e:?}");
        }
    }

    #[test]
    fn analyze_within_cuts_and_says_so() {
        let text = "RPC Error 8453 : Replication access was denied.\nRPC Error 1722 : The RPC server is unavailable.\n";
        let a = crate::analysis::analyze_within(text, 60);
        assert_eq!(a.truncated, Some(Truncation { bytes_total: text.len(), bytes_analysed: 48 }));
        assert_eq!(a.line_count, 1);
        assert!(a.findings.iter().all(|f| f.evidence.iter().all(|e| e.line == 1)));
        assert_eq!(crate::analysis::analyze_within(text, usize::MAX).truncated, None);
    }

    #[test]
    fn cuts_at_a_line_break() {
        assert_eq!(cut("ab\ncd\nef", 7), ("ab\ncd\n", Some(Truncation { bytes_total: 8, bytes_analysed: 6 })));
        assert_eq!(cut("abc", 3), ("abc", None));
        // No line break: cut on a character boundary.
        assert_eq!(cut("aé", 2).0, "a");
    }
}
