//! A small case-insensitive multi-phrase scanner, so that each line is read once however many
//! phrases the recognisers look for (no regex, no per-phrase pass).
//!
//! Patterns are ASCII and at least 3 bytes long. Candidate positions are found through a
//! 4096-bucket hash of the 3 bytes at each position (lower-cased), then verified.

const BUCKETS: usize = 4096;

#[inline]
fn lower(b: u8) -> u8 {
    b.to_ascii_lowercase()
}

#[inline]
fn hash3(a: u8, b: u8, c: u8) -> usize {
    ((lower(a) as usize) << 7 ^ (lower(b) as usize) << 3 ^ (lower(c) as usize) ^ (lower(a) as usize) >> 2) & (BUCKETS - 1)
}

/// A pattern and what it stands for.
pub(crate) struct Pattern<T> {
    pub bytes: Vec<u8>,
    pub tag: T,
}

pub(crate) struct Scanner<T> {
    patterns: Vec<Pattern<T>>,
    /// Bit set over buckets: is any pattern hashed there?
    present: [u64; BUCKETS / 64],
    /// CSR layout: the patterns of bucket `h` are `ids[start[h]..start[h + 1]]`.
    start: Vec<u32>,
    ids: Vec<u32>,
}

impl<T: Copy> Scanner<T> {
    pub fn new(list: Vec<(String, T)>) -> Scanner<T> {
        let patterns: Vec<Pattern<T>> = list
            .into_iter()
            .filter(|(p, _)| p.len() >= 3 && p.is_ascii())
            .map(|(p, tag)| Pattern { bytes: p.to_ascii_lowercase().into_bytes(), tag })
            .collect();
        let mut counts = vec![0u32; BUCKETS + 1];
        for p in &patterns {
            counts[hash3(p.bytes[0], p.bytes[1], p.bytes[2]) + 1] += 1;
        }
        for i in 1..=BUCKETS {
            counts[i] += counts[i - 1];
        }
        let start = counts.clone();
        let mut fill = counts;
        let mut ids = vec![0u32; patterns.len()];
        let mut present = [0u64; BUCKETS / 64];
        for (i, p) in patterns.iter().enumerate() {
            let h = hash3(p.bytes[0], p.bytes[1], p.bytes[2]);
            ids[fill[h] as usize] = i as u32;
            fill[h] += 1;
            present[h / 64] |= 1 << (h % 64);
        }
        Scanner { patterns, present, start, ids }
    }

    /// Appends `(tag, byte offset, length)` for every occurrence of every pattern in `hay`.
    pub fn scan(&self, hay: &[u8], out: &mut Vec<(T, usize, usize)>) {
        if hay.len() < 3 {
            return;
        }
        for i in 0..hay.len() - 2 {
            let h = hash3(hay[i], hay[i + 1], hay[i + 2]);
            if self.present[h / 64] & (1 << (h % 64)) == 0 {
                continue;
            }
            for &id in &self.ids[self.start[h] as usize..self.start[h + 1] as usize] {
                let p = &self.patterns[id as usize];
                if let Some(window) = hay.get(i..i + p.bytes.len()) {
                    if window.eq_ignore_ascii_case(&p.bytes) {
                        out.push((p.tag, i, p.bytes.len()));
                    }
                }
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
    (0..=h.len() - n.len()).find(|&i| h[i..i + n.len()].eq_ignore_ascii_case(n))
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
        let s = Scanner::new(vec![("RPC Error".into(), 1), ("error".into(), 2), ("abc".into(), 3), ("ab".into(), 4)]);
        let mut out = vec![];
        s.scan(b"x rpc ERROR 8453 ; Error; ab", &mut out);
        out.sort();
        assert_eq!(out, vec![(1, 2, 9), (2, 6, 5), (2, 19, 5)]);
        out.clear();
        s.scan(b"ab", &mut out);
        assert!(out.is_empty());
        assert_eq!(find_ci("Hello World", "WORLD"), Some(6));
        assert!(starts_ci("Log Name:", "log name"));
        assert!(!starts_ci("Lo", "log"));
    }
}
