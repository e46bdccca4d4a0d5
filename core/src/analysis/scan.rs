//! A small case-insensitive multi-phrase scanner, so that each line is read once however many
//! phrases the recognisers look for (no regex, no per-phrase pass).
//!
//! Patterns are ASCII and at least 3 bytes long. Candidate positions are found through a
//! 4096-bucket hash of the 3 bytes at each position (lower-cased), then verified.

use crate::bytes::{load8, lower8, word_starts, LOWER, WORD};
// The byte helpers the recognisers call, from where they have always imported them; new code
// imports `crate::bytes`.
pub(crate) use crate::bytes::{contains, each_byte, eq_ci, find, find_ci, find_ci_seq, first_stop, has_ci, starts_ci};

const KEY_BITS: u32 = 13;

/// A hash of the first three bytes of `h8`.
#[inline(always)]
fn key3(h8: u64) -> usize {
    ((h8 as u32 & 0x00ff_ffff).wrapping_mul(0x9e37_79b1) >> (32 - KEY_BITS)) as usize
}

/// A pattern and what it stands for.
pub(crate) struct Pattern<T> {
    pub bytes: Vec<u8>,
    pub tag: T,
}

pub(crate) struct Scanner<T> {
    tags: Vec<T>,
    /// Bit set over the hashes of the patterns' first three (lower-cased) bytes.
    present: Vec<u64>,
    /// CSR layout: the patterns whose first three bytes hash to `k` are
    /// `slots[start[k]..start[k + 1]]`.
    start: Vec<u32>,
    slots: Vec<Slot>,
    /// The patterns' bytes after their first 8, 8 at a time (zero-padded).
    rest: Vec<u64>,
}

/// A pattern as the scan compares it: its first 8 bytes (fewer when shorter: `mask` covers
/// them), its last byte, its length, where the rest of its bytes are and its tag.
#[derive(Clone, Copy)]
struct Slot {
    head: u64,
    mask: u64,
    len: u32,
    last: u8,
    rest: u32,
    tag: u32,
}

impl<T: Copy> Scanner<T> {
    pub fn new(list: Vec<(String, T)>) -> Scanner<T> {
        let list = list.into_iter().filter(|(p, _)| p.is_ascii() && WORD[usize::from(p.as_bytes().first().copied().unwrap_or(0))]);
        Scanner::build(list.collect())
    }

    /// A scanner of patterns in any script (ASCII letters compared in any case, other bytes as
    /// they are), for [`Scanner::scan_chars`].
    pub fn new_any(list: Vec<(String, T)>) -> Scanner<T> {
        Scanner::build(list)
    }

    fn build(list: Vec<(String, T)>) -> Scanner<T> {
        let mut patterns: Vec<Pattern<T>> = list
            .into_iter()
            .filter(|(p, _)| p.len() >= 3 && !p.contains('\0'))
            .map(|(p, tag)| Pattern { bytes: p.to_ascii_lowercase().into_bytes(), tag })
            .collect();
        // Longer patterns first within a bucket, so that the order of hits is stable (patterns
        // that can match at the same offset share their first three bytes, so their bucket).
        crate::order::sort_by_key(&mut patterns, |p| std::cmp::Reverse(p.bytes.len()));
        const KEYS: usize = 1 << KEY_BITS;
        let key = |p: &[u8]| key3(load8(&p[..3], 0));
        let mut counts = vec![0u32; KEYS + 1];
        for p in &patterns {
            counts[key(&p.bytes) + 1] += 1;
        }
        for i in 1..=KEYS {
            counts[i] += counts[i - 1];
        }
        let start = counts.clone();
        let mut fill = counts;
        let empty = Slot { head: 0, mask: 0, len: 0, last: 0, rest: 0, tag: 0 };
        let mut slots = vec![empty; patterns.len()];
        let mut rest = Vec::new();
        let mut present = vec![0u64; KEYS / 64];
        for (i, p) in patterns.iter().enumerate() {
            let k = key(&p.bytes);
            let h = p.bytes.len().min(8);
            let slot = Slot {
                head: load8(&p.bytes[..h], 0),
                mask: if h == 8 { u64::MAX } else { (1u64 << (8 * h)) - 1 },
                len: p.bytes.len() as u32,
                last: p.bytes[p.bytes.len() - 1],
                rest: rest.len() as u32,
                tag: i as u32,
            };
            rest.extend(p.bytes.get(8..).unwrap_or(&[]).chunks(8).map(|c| load8(c, 0)));
            slots[fill[k] as usize] = slot;
            fill[k] += 1;
            present[k / 64] |= 1 << (k % 64);
        }
        Scanner { tags: patterns.iter().map(|p| p.tag).collect(), present, start, slots, rest }
    }

    /// Appends the patterns at `hay[i..]` (`i + 2 < hay.len()`), in slot order.
    #[inline]
    fn at(&self, hay: &[u8], i: usize, out: &mut Vec<(T, usize, usize)>) {
        let h8 = lower8(load8(hay, i));
        let k = key3(h8);
        if self.present[k / 64] & (1 << (k % 64)) == 0 {
            return;
        }
        self.verify(hay, i, h8, k, out);
    }

    /// Appends the patterns of bucket `k` that are at `hay[i..]` (see [`Scanner::at`]). Not
    /// inlined: most word starts have no bucket, and the scan's loop stays small without it.
    #[inline(never)]
    fn verify(&self, hay: &[u8], i: usize, h8: u64, k: usize, out: &mut Vec<(T, usize, usize)>) {
        for s in &self.slots[self.start[k] as usize..self.start[k + 1] as usize] {
            if h8 & s.mask != s.head {
                continue;
            }
            let n = s.len as usize;
            if n > 8 && (i + n > hay.len() || LOWER[usize::from(hay[i + n - 1])] != s.last || !self.rest_matches(hay, i, s)) {
                continue;
            }
            out.push((self.tags[s.tag as usize], i, n));
        }
    }

    /// Whether the bytes of `s`'s pattern after its first 8 are at `hay[i + 8..]` (which holds
    /// them all).
    #[inline]
    fn rest_matches(&self, hay: &[u8], i: usize, s: &Slot) -> bool {
        let end = i + s.len as usize;
        let mut at = i + 8;
        let mut r = s.rest as usize;
        while at < end {
            let keep = if end - at >= 8 { u64::MAX } else { (1u64 << (8 * (end - at))) - 1 };
            if lower8(load8(hay, at)) & keep != self.rest[r] {
                return false;
            }
            at += 8;
            r += 1;
        }
        true
    }

    /// Appends `(tag, byte offset, length)` for every occurrence of every pattern in `hay`
    /// that starts a word (after a byte that is not a letter or digit). Patterns start with a
    /// letter or digit; a contraction's `t` (`aren't`) starts a word. Returns whether `hay` has
    /// a byte that is not ASCII (seen on the way, for the recognisers of other scripts).
    pub fn scan(&self, hay: &[u8], out: &mut Vec<(T, usize, usize)>) -> bool {
        word_starts(hay, |i| self.at(hay, i, out))
    }

    /// Appends `(tag, byte offset, length)` for every occurrence of every pattern in `hay` that
    /// starts at a character (Chinese and Japanese put no space before a phrase).
    pub fn scan_chars(&self, hay: &[u8], out: &mut Vec<(T, usize, usize)>) {
        for i in 0..hay.len().saturating_sub(2) {
            if hay[i] & 0xC0 != 0x80 {
                self.at(hay, i, out);
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    /// The scanner written the obvious way: every pattern compared at every word start.
    fn plain_scan(list: &[(String, u32)], hay: &[u8]) -> (Vec<(u32, usize, usize)>, bool) {
        let word = |b: u8| b.is_ascii_alphanumeric() || !b.is_ascii();
        let mut out = Vec::new();
        for i in 0..hay.len() {
            let start = i == 0 || !word(hay[i - 1]) || (hay[i].is_ascii() && !hay[i - 1].is_ascii());
            if !word(hay[i]) || !start {
                continue;
            }
            for (p, tag) in list {
                let ok = p.len() >= 3 && p.is_ascii() && !p.contains('\0') && word(p.as_bytes()[0]);
                if ok && hay.get(i..i + p.len()).is_some_and(|w| w.eq_ignore_ascii_case(p.as_bytes())) {
                    out.push((*tag, i, p.len()));
                }
            }
        }
        out.sort();
        (out, !hay.is_ascii())
    }

    proptest! {
        /// The hashed, 8-bytes-at-a-time scan finds what comparing every pattern everywhere finds,
        /// on lines made of the patterns (either case), word bytes and separators.
        #[test]
        fn scan_as_plain((patterns, hay) in prop::collection::vec("[aAbB1 :\u{e9}]{1,11}", 1..6).prop_flat_map(|ps| {
            let piece = prop_oneof![prop::sample::select(ps.clone()), prop::sample::select(vec!["x".to_string(), " ".into(), "\u{e9}".into(), ":".into(), "\0".into()])];
            let hay = prop::collection::vec((piece, any::<bool>()), 0..10)
                .prop_map(|v| v.into_iter().map(|(p, up)| if up { p.to_ascii_uppercase() } else { p }).collect::<String>());
            (Just(ps), hay)
        })) {
            let list: Vec<(String, u32)> = patterns.into_iter().enumerate().map(|(i, p)| (p, i as u32)).collect();
            let s = Scanner::new(list.clone());
            let mut got = Vec::new();
            let high = s.scan(hay.as_bytes(), &mut got);
            got.sort();
            prop_assert_eq!((got, high), plain_scan(&list, hay.as_bytes()));
        }
    }

    #[test]
    fn scan_chars_finds_patterns_in_any_script_anywhere() {
        let s =
            Scanner::new_any(vec![("密码哈希同步已停止运行".into(), 1), ("Die Kennworthashsynchronisierung".into(), 2), ("ab".into(), 3)]);
        let mut out = vec![];
        s.scan_chars("警报「密码哈希同步已停止运行」 die KENNWORTHASHSYNCHRONISIERUNG".as_bytes(), &mut out);
        assert_eq!(out, vec![(1, 9, 33), (2, 46, 32)]);
        out.clear();
        s.scan_chars("密码哈希同步已停止".as_bytes(), &mut out);
        assert!(out.is_empty());
    }

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
        for h in ["", "ab", "é", "abé", "abcdefgh", "abcdefghé", "abcdefghij", "abcdefghijé", "x rpc ERROR 8453 ; Error; ab; xerror ü"]
        {
            assert_eq!(s.scan(h.as_bytes(), &mut Vec::new()), !h.is_ascii(), "{h:?}");
        }
        assert!(out.is_empty());
        assert_eq!(find_ci("Hello World", "WORLD"), Some(6));
        assert!(starts_ci("Log Name:", "log name"));
        assert!(!starts_ci("Lo", "log"));
    }
}
