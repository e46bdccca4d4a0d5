//! The paste as [`analyze`](super::analyze) numbers its lines, for a shell that shows the paste
//! next to the findings: the same cut, the same normalisation, the same line breaks, so that a
//! finding's line numbers point at the right text.

use std::ops::RangeInclusive;

use super::lines;

/// The lines of `text` whose 1-based numbers fall in one of `wanted`, with their numbers, in
/// order, as `analyze(text)` numbers them (a cut paste's lines keep their numbers in the whole
/// paste). Reads only as far as the last wanted line.
pub fn lines_in(text: &str, wanted: &[RangeInclusive<usize>]) -> Vec<(usize, String)> {
    let Some(last) = wanted.iter().map(|r| *r.end()).max() else {
        return Vec::new();
    };
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
    use crate::analysis::analyze;
    use crate::knowledge::FindingId as F;

    fn check(text: &str, wanted: &[RangeInclusive<usize>], expected: &[(usize, &str)]) {
        let got = lines_in(text, wanted);
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
            let got = lines_in(text, &[e.line..=e.line]);
            assert_eq!(got.len(), 1);
            assert!(got[0].1.contains(e.text.trim()), "{got:?} {e:?}");
        }
    }

    #[test]
    fn analyze_within_keeps_the_start_and_the_end() {
        // The newest events at the start (Event Viewer) or at the end (a log file): both are seen.
        let filler = "Password synchronization heartbeat. nothing to see here\n".repeat(2000);
        let text = format!("RPC Error 8453 : Replication access was denied.\n{filler}RPC Error 1722 : The RPC server is unavailable.\n");
        let a = crate::analysis::analyze_within(&text, 10_000);
        let t = a.truncated.expect("cut");
        assert_eq!(t.bytes_total, text.len() as u64);
        assert!(t.head_bytes + t.tail_bytes <= 10_000 && t.head_bytes > 4_000 && t.tail_bytes > 4_000, "{t:?}");
        assert_eq!(a.line_count, 2002);
        let ids: Vec<F> = a.findings.iter().map(|f| f.id).collect();
        assert!(ids.contains(&F::AdPermissions) && ids.contains(&F::DomainUnreachable), "{ids:?}");
        // Evidence lines are the whole paste's, and the paste view finds them.
        for f in &a.findings {
            for e in &f.evidence {
                assert!(e.line <= t.head_lines || e.line >= t.tail_first_line, "{e:?} in the part left out");
                let got = lines_in(&text, &[e.line..=e.line]);
                assert_eq!(got[0].1.trim(), e.text.trim(), "line {}", e.line);
            }
        }
        let last = a.findings.iter().find(|f| f.id == F::DomainUnreachable).unwrap();
        assert_eq!(last.evidence[0].line, 2002);
        assert!(a.unparsed_lines.iter().all(|&n| n <= t.head_lines || (t.tail_first_line..=a.line_count).contains(&n)));
        assert_eq!(crate::analysis::analyze_within(&text, usize::MAX).truncated, None);
    }
}
