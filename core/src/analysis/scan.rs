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

const HI: u64 = 0x8080_8080_8080_8080;
const LO7: u64 = 0x7f7f_7f7f_7f7f_7f7f;

/// `b` in every byte.
const fn rep(b: u8) -> u64 {
    b as u64 * 0x0101_0101_0101_0101
}

/// For 7-bit bytes `y`: bit 7 of each byte set where the byte is at least `k` (1..=128).
#[inline(always)]
fn ge(y: u64, k: u8) -> u64 {
    (y + rep(0x80 - k)) & HI
}

/// Bit 7 of each byte of `x` set where `WORD` holds: ASCII letter or digit, or not ASCII.
#[inline(always)]
fn word_bits(x: u64) -> u64 {
    let y = x & LO7;
    let z = y | rep(0x20);
    (x & HI) | (ge(y, b'0') & !ge(y, b'9' + 1)) | (ge(z, b'a') & !ge(z, b'z' + 1))
}

/// Bit 7 of each byte of `x` set where the byte is neither printable ASCII nor a tab (`odd`),
/// and where it is an ASCII letter or digit (`alnum`): `lines::shape_trimmed`'s two flags, 8
/// bytes at a time (the size-first wasm does not vectorise the byte loop).
#[inline(always)]
pub(crate) fn odd_alnum_bits(x: u64) -> (u64, u64) {
    let y = x & LO7;
    let t = y ^ rep(b'\t');
    let tab = !(((t & LO7) + LO7) | t) & HI;
    let odd = (x & HI) | (!ge(y, 0x20) & HI & !tab) | ge(y, 0x7f);
    (odd, word_bits(x) & !x & HI)
}

/// The 8 bytes of `x` ASCII-lower-cased (as `LOWER`).
#[inline(always)]
fn lower8(x: u64) -> u64 {
    let y = x & LO7;
    let upper = ge(y, b'A') & !ge(y, b'Z' + 1) & !x;
    x | (upper >> 2)
}

/// The 8 bytes at `at` (little-endian), zeros past the end. Always inlined: the scanners call it
/// per 8 bytes, and at the app's size-first opt-level the wasm otherwise calls it (and the
/// closure it had) as functions.
#[inline(always)]
pub(crate) fn load8(h: &[u8], at: usize) -> u64 {
    match h.get(at..at + 8) {
        Some(c) => u64::from_le_bytes([c[0], c[1], c[2], c[3], c[4], c[5], c[6], c[7]]),
        None => load8_end(h, at),
    }
}

/// `load8` where fewer than 8 bytes are left.
fn load8_end(h: &[u8], at: usize) -> u64 {
    let rest = h.len().saturating_sub(at);
    if rest == 0 {
        0
    } else if h.len() >= 8 {
        // The last 8 bytes, shifted so that the bytes past the end are zeros (no memcpy call).
        let c = &h[h.len() - 8..];
        u64::from_le_bytes([c[0], c[1], c[2], c[3], c[4], c[5], c[6], c[7]]) >> (8 * (8 - rest))
    } else {
        h[at..].iter().rev().fold(0u64, |x, &b| x << 8 | u64::from(b))
    }
}

impl<T: Copy> Scanner<T> {
    pub fn new(list: Vec<(String, T)>) -> Scanner<T> {
        let mut patterns: Vec<Pattern<T>> = list
            .into_iter()
            .filter(|(p, _)| p.len() >= 3 && p.is_ascii() && !p.contains('\0') && WORD[usize::from(p.as_bytes()[0])])
            .map(|(p, tag)| Pattern { bytes: p.to_ascii_lowercase().into_bytes(), tag })
            .collect();
        // Longer patterns first within a bucket, so that the order of hits is stable (patterns
        // that can match at the same offset share their first three bytes, so their bucket).
        patterns.sort_by_key(|p| std::cmp::Reverse(p.bytes.len()));
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
        if hay.len() < 3 {
            return !hay.is_ascii();
        }
        // Word starts below `last` (a pattern needs 3 bytes), 8 bytes at a time.
        let last = hay.len() - 2;
        let mut before = 0u64;
        let mut base = 0;
        let mut high = 0u64;
        while base < last {
            let x = load8(hay, base);
            high |= x;
            let w = word_bits(x);
            let mut starts = w & !(w << 8 | before);
            before = w >> 56;
            while starts != 0 {
                let i = base + (starts.trailing_zeros() / 8) as usize;
                if i >= last {
                    break;
                }
                self.at(hay, i, out);
                starts &= starts - 1;
            }
            base += 8;
        }
        // The loads stop below `last`: at most the last two bytes are left.
        if base < hay.len() {
            high |= load8(hay, base);
        }
        high & HI != 0
    }
}

/// Calls `f` with the offset of every byte `c` in `h` in order, 8 bytes at a time, until `f`
/// returns true; returns that offset.
#[inline]
pub(crate) fn each_byte(h: &[u8], c: u8, mut f: impl FnMut(usize) -> bool) -> Option<usize> {
    let mut at = 0;
    while at < h.len() {
        let x = load8(h, at) ^ rep(c);
        // Bit 7 of each byte equal to `c`.
        let mut hit = !(((x & LO7) + LO7) | x) & HI;
        while hit != 0 {
            let p = at + (hit.trailing_zeros() / 8) as usize;
            if p >= h.len() {
                break;
            }
            if f(p) {
                return Some(p);
            }
            hit &= hit - 1;
        }
        at += 8;
    }
    None
}

/// The first offset where one of `stops` starts (`stops` all start with the byte `c`).
pub(crate) fn first_stop(hay: &str, c: u8, stops: &[&str]) -> Option<usize> {
    debug_assert!(stops.iter().all(|s| s.as_bytes().first() == Some(&c)));
    let h = hay.as_bytes();
    each_byte(h, c, |p| stops.iter().any(|s| h[p..].starts_with(s.as_bytes())))
}

/// `hay.find(needle)`, for the short needles the recognisers test per line. In wasm the
/// standard one builds a Two-Way searcher on every call, which costs more than the search
/// itself, so wasm uses `find_bytes`; natively the standard one is as quick.
#[inline]
pub(crate) fn find(hay: &str, needle: &str) -> Option<usize> {
    if cfg!(target_arch = "wasm32") {
        find_bytes(hay, needle)
    } else {
        hay.find(needle)
    }
}

/// `hay.find(needle)`: looks for the needle's first byte 8 bytes at a time and compares the
/// rest. Byte offsets are char boundaries: a UTF-8 needle only matches at one.
fn find_bytes(hay: &str, needle: &str) -> Option<usize> {
    let (h, n) = (hay.as_bytes(), needle.as_bytes());
    let Some((&first, rest)) = n.split_first() else { return Some(0) };
    each_byte(h, first, |p| {
        // A plain loop, no call per candidate (the size-first wasm calls `starts_with`).
        let tail = &h[p + 1..];
        if tail.len() < rest.len() {
            return false;
        }
        let mut k = 0;
        while k < rest.len() && tail[k] == rest[k] {
            k += 1;
        }
        k == rest.len()
    })
}

/// `hay.contains(needle)`, as `find` (natively the standard one has an SSE2 path for short
/// needles).
#[inline]
pub(crate) fn contains(hay: &str, needle: &str) -> bool {
    if cfg!(target_arch = "wasm32") {
        find_bytes(hay, needle).is_some()
    } else {
        hay.contains(needle)
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
    // A plain loop: the size-first wasm calls a `find` closure per byte.
    let mut i = 0;
    while i <= h.len() - n.len() {
        if (h[i] == lo || h[i] == up) && eq_ci(&h[i + 1..i + n.len()], rest) {
            return Some(i);
        }
        i += 1;
    }
    None
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
            let ok = eq_ci(&h[at..at + p.len()], p.as_bytes());
            at += p.len();
            ok
        })
    })
}

pub(crate) fn has_ci(hay: &str, needle: &str) -> bool {
    find_ci(hay, needle).is_some()
}

/// `a.eq_ignore_ascii_case(b)`, stopping at the first difference (the standard one compares
/// whole chunks, which costs more on the short keys compared here).
#[inline(always)]
pub(crate) fn eq_ci(a: &[u8], b: &[u8]) -> bool {
    if a.len() != b.len() {
        return false;
    }
    // A plain loop: the size-first wasm calls `Iterator::all` and its closure.
    let mut k = 0;
    while k < a.len() && LOWER[usize::from(a[k])] == LOWER[usize::from(b[k])] {
        k += 1;
    }
    k == a.len()
}

/// Does `s` start with `prefix`, ignoring ASCII case?
#[inline(always)]
pub(crate) fn starts_ci(s: &str, prefix: &str) -> bool {
    s.len() >= prefix.len() && eq_ci(&s.as_bytes()[..prefix.len()], prefix.as_bytes())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn odd_alnum() {
        for c in 0..=255u8 {
            for at in 0..8 {
                let x = (u64::from(c) << (8 * at)) | (rep(b'.') & !(0xff << (8 * at)));
                let (odd, alnum) = odd_alnum_bits(x);
                let bit = 0x80u64 << (8 * at);
                assert_eq!(odd == bit, c.wrapping_sub(0x20) >= 0x5f && c != b'\t', "{c}");
                assert_eq!(alnum == bit, c.is_ascii_alphanumeric(), "{c}");
            }
        }
    }

    #[test]
    fn find_as_std() {
        let hays = ["", "a", "ab", "abcabd", "xx abd", "é abd é", "aaab", "0123456789abcdefabc", "the connector is not connected"];
        let needles = ["", "a", "b", "abd", "ab", "é", "é a", "aab", "abc", "fab", "connected", "not", "zz", "0123456789abcdefabcX"];
        for h in hays {
            for n in needles {
                assert_eq!(find_bytes(h, n), h.find(n), "{h:?} {n:?}");
                assert_eq!(find(h, n), h.find(n), "{h:?} {n:?}");
                assert_eq!(contains(h, n), h.contains(n), "{h:?} {n:?}");
            }
        }
    }

    // `find_bytes` only runs in the wasm build, so the native fixture tests and fuzzing never
    // reach it: compare it with the standard search on arbitrary text. A small alphabet with
    // multi-byte characters makes matches, near-misses and char boundaries common.
    proptest::proptest! {
        #[test]
        fn find_bytes_as_std(hay in "[ab\u{e9}\u{20ac} x]{0,40}", needle in "[ab\u{e9}\u{20ac} x]{0,5}") {
            proptest::prop_assert_eq!(find_bytes(&hay, &needle), hay.find(needle.as_str()));
        }
    }

    #[test]
    fn bytes() {
        for h in [&b""[..], b"<", b"a<b<<c", b"0123456<89abcdef<", b"\0\0<\0"] {
            let mut got = vec![];
            each_byte(h, b'<', |p| {
                got.push(p);
                false
            });
            let want: Vec<usize> = h.iter().enumerate().filter(|(_, &c)| c == b'<').map(|(i, _)| i).collect();
            assert_eq!(got, want);
            let mut got = vec![];
            each_byte(h, 0, |p| {
                got.push(p);
                false
            });
            let want: Vec<usize> = h.iter().enumerate().filter(|(_, &c)| c == 0).map(|(i, _)| i).collect();
            assert_eq!(got, want);
        }
        assert_eq!(first_stop("a, b, result x", b',', &[", r", ", q"]), Some(4));
        assert_eq!(first_stop("a, b", b',', &[", r"]), None);
    }

    #[test]
    fn loads() {
        let h = b"0123456789";
        for len in 0..=h.len() {
            for at in 0..=len + 1 {
                let mut b = [0u8; 8];
                for (i, x) in b.iter_mut().enumerate() {
                    *x = h[..len].get(at + i).copied().unwrap_or(0);
                }
                assert_eq!(load8(&h[..len], at), u64::from_le_bytes(b), "{len} {at}");
            }
        }
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
