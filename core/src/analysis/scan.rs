//! A small case-insensitive multi-phrase scanner, so that each line is read once however many
//! phrases the recognisers look for (no regex, no per-phrase pass).
//!
//! Patterns are ASCII and at least 3 bytes long. Candidate positions are found through a
//! 4096-bucket hash of the 3 bytes at each position (lower-cased), then verified.

/// ASCII lower-casing as a table (one load per byte).
static LOWER: [u8; 256] = {
    let mut t = [0u8; 256];
    let mut i = 0;
    while i < 256 {
        t[i] = (i as u8).to_ascii_lowercase();
        i += 1;
    }
    t
};

/// Bytes that continue a word: ASCII letters and digits, and every byte of a non-ASCII
/// character. Patterns are looked for only where a word starts.
static WORD: [bool; 256] = {
    let mut t = [false; 256];
    let mut i = 0;
    while i < 256 {
        t[i] = (i as u8).is_ascii_alphanumeric() || i >= 0x80;
        i += 1;
    }
    t
};

#[inline]
fn key2(a: u8, b: u8) -> usize {
    (LOWER[a as usize] as usize) << 8 | LOWER[b as usize] as usize
}

/// A pattern and what it stands for.
pub(crate) struct Pattern<T> {
    pub bytes: Vec<u8>,
    pub tag: T,
}

pub(crate) struct Scanner<T> {
    patterns: Vec<Pattern<T>>,
    /// Bit set over the first two (lower-cased) bytes of the patterns: 8 KB, stays in cache.
    present: Vec<u64>,
    /// CSR layout: the patterns starting with pair `k` are `ids[start[k]..start[k + 1]]`.
    start: Vec<u32>,
    ids: Vec<u32>,
    /// Third and last byte and length of `ids[i]`'s pattern, for quick rejects.
    third: Vec<u8>,
    last: Vec<u8>,
    len: Vec<u32>,
}

impl<T: Copy> Scanner<T> {
    pub fn new(list: Vec<(String, T)>) -> Scanner<T> {
        let mut patterns: Vec<Pattern<T>> = list
            .into_iter()
            .filter(|(p, _)| p.len() >= 3 && p.is_ascii() && WORD[usize::from(p.as_bytes()[0])])
            .map(|(p, tag)| Pattern { bytes: p.to_ascii_lowercase().into_bytes(), tag })
            .collect();
        // Longer patterns first within a pair, so that the order of hits is stable.
        patterns.sort_by_key(|p| std::cmp::Reverse(p.bytes.len()));
        const PAIRS: usize = 1 << 16;
        let mut counts = vec![0u32; PAIRS + 1];
        for p in &patterns {
            counts[key2(p.bytes[0], p.bytes[1]) + 1] += 1;
        }
        for i in 1..=PAIRS {
            counts[i] += counts[i - 1];
        }
        let start = counts.clone();
        let mut fill = counts;
        let mut ids = vec![0u32; patterns.len()];
        let mut third = vec![0u8; patterns.len()];
        let mut last = vec![0u8; patterns.len()];
        let mut len = vec![0u32; patterns.len()];
        let mut present = vec![0u64; PAIRS / 64];
        for (i, p) in patterns.iter().enumerate() {
            let k = key2(p.bytes[0], p.bytes[1]);
            let slot = fill[k] as usize;
            ids[slot] = i as u32;
            third[slot] = p.bytes[2];
            last[slot] = p.bytes[p.bytes.len() - 1];
            len[slot] = p.bytes.len() as u32;
            fill[k] += 1;
            present[k / 64] |= 1 << (k % 64);
        }
        Scanner { patterns, present, start, ids, third, last, len }
    }

    /// Appends `(tag, byte offset, length)` for every occurrence of every pattern in `hay`
    /// that starts a word (after a byte that is not a letter or digit). Patterns start with a
    /// letter or digit; a contraction's `t` (`aren't`) starts a word.
    pub fn scan(&self, hay: &[u8], out: &mut Vec<(T, usize, usize)>) {
        if hay.len() < 3 {
            return;
        }
        let last = hay.len() - 2;
        let mut i = 0;
        while i < hay.len() && !WORD[usize::from(hay[i])] {
            i += 1;
        }
        while i < last {
            let k = key2(hay[i], hay[i + 1]);
            if self.present[k / 64] & (1 << (k % 64)) != 0 {
                let c = LOWER[hay[i + 2] as usize];
                let (a, b) = (self.start[k] as usize, self.start[k + 1] as usize);
                for slot in a..b {
                    if self.third[slot] != c {
                        continue;
                    }
                    let end = i + self.len[slot] as usize;
                    if end > hay.len() || LOWER[usize::from(hay[end - 1])] != self.last[slot] {
                        continue;
                    }
                    let p = &self.patterns[self.ids[slot] as usize];
                    if let Some(window) = hay.get(i + 3..i + p.bytes.len()) {
                        if window.eq_ignore_ascii_case(&p.bytes[3..]) {
                            out.push((p.tag, i, p.bytes.len()));
                        }
                    }
                }
            }
            // On to the next word: past this one, then past the separators.
            i += 1;
            while i < last && WORD[usize::from(hay[i])] {
                i += 1;
            }
            while i < last && !WORD[usize::from(hay[i])] {
                i += 1;
            }
        }
    }
}

/// Case-insensitive ASCII substring search (for rare paths, after the scanner gated a line).
pub(crate) fn find_ci(hay: &str, needle: &str) -> Option<usize> {
    let (h, n) = (hay.as_bytes(), needle.as_bytes());
    if n.is_empty() {
        return Some(0);
    }
    if h.len() < n.len() {
        return None;
    }
    let (lo, up) = (n[0].to_ascii_lowercase(), n[0].to_ascii_uppercase());
    let rest = &n[1..];
    (0..=h.len() - n.len()).find(|&i| (h[i] == lo || h[i] == up) && h[i + 1..i + n.len()].eq_ignore_ascii_case(rest))
}

/// The first offset where `parts` follow each other in `hay`, ignoring ASCII case (the
/// offset of `find_ci(hay, &parts.concat())`, without building it).
pub(crate) fn find_ci_seq(hay: &str, parts: &[&str]) -> Option<usize> {
    let h = hay.as_bytes();
    let total: usize = parts.iter().map(|p| p.len()).sum();
    let Some(&first) = parts.iter().find_map(|p| p.as_bytes().first()) else { return Some(0) };
    if h.len() < total {
        return None;
    }
    let (lo, up) = (first.to_ascii_lowercase(), first.to_ascii_uppercase());
    (0..=h.len() - total).find(|&i| {
        if h[i] != lo && h[i] != up {
            return false;
        }
        let mut at = i;
        parts.iter().all(|p| {
            let ok = h[at..at + p.len()].eq_ignore_ascii_case(p.as_bytes());
            at += p.len();
            ok
        })
    })
}

pub(crate) fn has_ci(hay: &str, needle: &str) -> bool {
    find_ci(hay, needle).is_some()
}

/// Does `s` start with `prefix`, ignoring ASCII case?
pub(crate) fn starts_ci(s: &str, prefix: &str) -> bool {
    s.len() >= prefix.len() && s.as_bytes()[..prefix.len()].eq_ignore_ascii_case(prefix.as_bytes())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn finds_every_occurrence_case_insensitively() {
        let s = Scanner::new(vec![("RPC Error".into(), 1), ("error".into(), 2), ("abc".into(), 3), ("ab".into(), 4), ("<x>".into(), 5)]);
        let mut out = vec![];
        s.scan(b"x rpc ERROR 8453 ; Error; ab; xerror", &mut out);
        out.sort();
        assert_eq!(out, vec![(1, 2, 9), (2, 6, 5), (2, 19, 5)]);
        out.clear();
        s.scan(b"abc", &mut out);
        assert_eq!(out, vec![(3, 0, 3)]);
        out.clear();
        s.scan(b"..abc", &mut out);
        assert_eq!(out, vec![(3, 2, 3)]);
        out.clear();
        s.scan(b"ab", &mut out);
        assert!(out.is_empty());
        assert_eq!(find_ci("Hello World", "WORLD"), Some(6));
        assert!(starts_ci("Log Name:", "log name"));
        assert!(!starts_ci("Lo", "log"));
    }
}
