//! The core's byte-level tricks, in one place: word-at-a-time (SWAR) scans that look at 8 bytes
//! per step, ASCII case folding by table, and searches written as plain loops because the
//! size-first wasm build (opt-level `z`) neither vectorises the standard byte loops nor inlines
//! their closures.
//!
//! A leaf: it imports nothing of the crate. Every fast function here has a plain twin in
//! [`plain`] (tests only) that is obviously correct, and a differential property test below
//! that checks fast == plain on arbitrary bytes and strings (non-ASCII, lengths around the
//! 8- and 16-byte boundaries, empty). Callers use these functions, never their own copies.
//!
//! The words of the SWAR functions are little-endian loads ([`load8`]): byte `k` of the input is
//! bits `8k..8k+8`, and a "bit 7 set in byte `k`" mask marks byte `k`.

/// ASCII lower-casing as a table (one load per byte).
pub(crate) static LOWER: [u8; 256] = {
    let mut t = [0u8; 256];
    let mut i = 0;
    while i < 256 {
        t[i] = (i as u8).to_ascii_lowercase();
        i += 1;
    }
    t
};

/// Bytes that continue a word: ASCII letters and digits, and every byte of a non-ASCII
/// character.
pub(crate) static WORD: [bool; 256] = {
    let mut t = [false; 256];
    let mut i = 0;
    while i < 256 {
        t[i] = (i as u8).is_ascii_alphanumeric() || i >= 0x80;
        i += 1;
    }
    t
};

/// Bit 7 of every byte.
pub(crate) const HI: u64 = 0x8080_8080_8080_8080;
const LO7: u64 = 0x7f7f_7f7f_7f7f_7f7f;

/// `b` in every byte.
#[inline(always)]
pub(crate) const fn rep(b: u8) -> u64 {
    b as u64 * 0x0101_0101_0101_0101
}

/// For 7-bit bytes `y`: bit 7 of each byte set where the byte is at least `k` (1..=128).
#[inline(always)]
fn ge(y: u64, k: u8) -> u64 {
    (y + rep(0x80 - k)) & HI
}

/// Bit 7 set in each byte of `x` that is zero (exact: no borrow between bytes).
#[inline(always)]
pub(crate) fn zero_bytes(x: u64) -> u64 {
    !(((x & LO7) + LO7) | x) & HI
}

/// Bit 7 set in each byte of `x` that equals `c`.
#[inline(always)]
pub(crate) fn eq_bytes(x: u64, c: u8) -> u64 {
    zero_bytes(x ^ rep(c))
}

/// Whether a byte of `x` is below `n` (1..=128): exact as a yes or no, though the bits it sets
/// past the first such byte may be wrong (so only the answer is returned).
#[inline(always)]
pub(crate) fn any_below(x: u64, n: u8) -> bool {
    x.wrapping_sub(rep(n)) & !x & HI != 0
}

/// Bit 7 of each byte of `x` set where [`WORD`] holds: ASCII letter or digit, or not ASCII.
#[inline(always)]
pub(crate) fn word_bits(x: u64) -> u64 {
    let y = x & LO7;
    let z = y | rep(0x20);
    (x & HI) | (ge(y, b'0') & !ge(y, b'9' + 1)) | (ge(z, b'a') & !ge(z, b'z' + 1))
}

/// Bit 7 of each byte of `x` set where the byte is an ASCII letter, digit or `_` (a byte of a
/// word as the recognisers' word tests see it).
#[inline(always)]
pub(crate) fn ident_bits(x: u64) -> u64 {
    (word_bits(x) & !x & HI) | eq_bytes(x, b'_')
}

/// Bit 7 of each byte of `x` set where the byte is neither printable ASCII nor a tab (`odd`),
/// and where it is an ASCII letter or digit (`alnum`).
#[inline(always)]
pub(crate) fn odd_alnum_bits(x: u64) -> (u64, u64) {
    let y = x & LO7;
    let tab = zero_bytes(y ^ rep(b'\t'));
    let odd = (x & HI) | (!ge(y, 0x20) & HI & !tab) | ge(y, 0x7f);
    (odd, word_bits(x) & !x & HI)
}

/// The 8 bytes of `x` ASCII-lower-cased (as [`LOWER`]).
#[inline(always)]
pub(crate) fn lower8(x: u64) -> u64 {
    let y = x & LO7;
    let upper = ge(y, b'A') & !ge(y, b'Z' + 1) & !x;
    x | (upper >> 2)
}

/// The 8 bytes at `at` (little-endian), zeros past the end. Always inlined: the scanners call it
/// per 8 bytes, and at the app's size-first opt-level the wasm otherwise calls it as a function.
/// Near the end of a slice of 8 bytes or more (every line's last load) it shifts the last 8
/// bytes; only a slice shorter than 8 bytes takes the call.
#[inline(always)]
pub(crate) fn load8(h: &[u8], at: usize) -> u64 {
    if let Some(c) = h.get(at..at + 8) {
        return u64::from_le_bytes([c[0], c[1], c[2], c[3], c[4], c[5], c[6], c[7]]);
    }
    let rest = h.len().saturating_sub(at);
    match h.get(h.len().wrapping_sub(8)..) {
        // The last 8 bytes, shifted so that the bytes past the end are zeros (no memcpy call).
        Some(c) if rest > 0 => u64::from_le_bytes([c[0], c[1], c[2], c[3], c[4], c[5], c[6], c[7]]) >> (8 * (8 - rest)),
        _ => load8_short(h, at),
    }
}

/// `load8` of a slice shorter than 8 bytes, or past the end.
fn load8_short(h: &[u8], at: usize) -> u64 {
    h.get(at..).unwrap_or(&[]).iter().rev().fold(0u64, |x, &b| x << 8 | u64::from(b))
}

/// Calls `f` with the offset of every byte of `hay` that starts a word ([`WORD`] after a byte
/// that is not, or at the start; or an ASCII letter or digit right after a byte that is not
/// ASCII, as in `状态：Stopped-Server-Down` or `エラー8453`, where Chinese and Japanese put no
/// space) and has at least two bytes after it, in order, 8 bytes at a time. Returns whether
/// `hay` has a byte that is not ASCII (seen on the way).
#[inline(always)]
pub(crate) fn word_starts(hay: &[u8], mut f: impl FnMut(usize)) -> bool {
    if hay.len() < 3 {
        return !hay.is_ascii();
    }
    let last = hay.len() - 2;
    let (mut before, mut before_high) = (0u64, 0u64);
    let mut base = 0;
    let mut high = 0u64;
    while base < last {
        let x = load8(hay, base);
        high |= x;
        let w = word_bits(x);
        let h = x & HI;
        let mut starts = w & !(w << 8 | before) | (w & !h & (h << 8 | before_high));
        before = w >> 56;
        before_high = h >> 56;
        while starts != 0 {
            let i = base + (starts.trailing_zeros() / 8) as usize;
            if i >= last {
                break;
            }
            f(i);
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

/// Calls `f` with the offset of every byte `c` in `h` in order, 8 bytes at a time, until `f`
/// returns true; returns that offset.
#[inline]
pub(crate) fn each_byte(h: &[u8], c: u8, mut f: impl FnMut(usize) -> bool) -> Option<usize> {
    let mut at = 0;
    while at < h.len() {
        let mut hit = eq_bytes(load8(h, at), c);
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

/// `hay.find(needle)`, for the short needles the recognisers test per line. The standard one
/// builds a Two-Way searcher on every call (about 440 instructions natively), which costs
/// more than searching a line, so wasm and lines of up to 512 bytes use [`find_bytes`];
/// natively a longer text is quicker with the standard one (counted: 2026-12-03, −1.3 M
/// instructions on the 1 MB mix, −3.9 M without blocks).
#[inline]
pub(crate) fn find(hay: &str, needle: &str) -> Option<usize> {
    if cfg!(target_arch = "wasm32") || hay.len() <= 512 {
        find_bytes(hay, needle)
    } else {
        hay.find(needle)
    }
}

/// `hay.contains(needle)`, as [`find`].
#[inline]
pub(crate) fn contains(hay: &str, needle: &str) -> bool {
    if cfg!(target_arch = "wasm32") {
        find_bytes(hay, needle).is_some()
    } else {
        hay.contains(needle)
    }
}

/// `hay.find(needle)`: looks for the needle's first and last bytes at their distance 8
/// positions at a time (two loads and two compares per 8 positions, so that a common first
/// byte alone does not make a candidate) and compares the bytes between. Byte offsets are char
/// boundaries: a UTF-8 needle only matches at one.
pub(crate) fn find_bytes(hay: &str, needle: &str) -> Option<usize> {
    let (h, n) = (hay.as_bytes(), needle.as_bytes());
    let Some((&first, rest)) = n.split_first() else { return Some(0) };
    let Some(&last) = rest.last() else { return each_byte(h, first, |_| true) };
    if h.len() < n.len() {
        return None;
    }
    // Candidates start at `0..=end`.
    let end = h.len() - n.len();
    let middle = &rest[..rest.len() - 1];
    let mut at = 0;
    while at <= end {
        let mut hit = eq_bytes(load8(h, at), first) & eq_bytes(load8(h, at + rest.len()), last);
        while hit != 0 {
            let p = at + (hit.trailing_zeros() / 8) as usize;
            if p > end {
                return None;
            }
            // A plain loop, no call per candidate (the size-first wasm calls `starts_with`).
            let m = &h[p + 1..p + 1 + middle.len()];
            let mut k = 0;
            while k < middle.len() && m[k] == middle[k] {
                k += 1;
            }
            if k == middle.len() {
                return Some(p);
            }
            hit &= hit - 1;
        }
        at += 8;
    }
    None
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
    // The first byte in either case 8 positions at a time, then the rest compared.
    let end = h.len() - n.len();
    let mut at = 0;
    while at <= end {
        let x = load8(h, at);
        let mut hit = eq_bytes(x, lo) | eq_bytes(x, up);
        while hit != 0 {
            let i = at + (hit.trailing_zeros() / 8) as usize;
            if i > end {
                return None;
            }
            if eq_ci(&h[i + 1..i + n.len()], rest) {
                return Some(i);
            }
            hit &= hit - 1;
        }
        at += 8;
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

/// Whether `needle` is in `hay`, ignoring ASCII case.
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
    // A plain loop: the size-first wasm calls `Iterator::all` and its closure. (Comparing 8
    // bytes at a time made the wasm 1.4 KB gzip larger and no quicker: the keys are short.)
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

/// The first `:` or full-width `：` (EF BC 9A) in the first `window` bytes of `b`: its offset
/// and its length in bytes (a `：` may end past the window). Eight bytes at a time; bytes past
/// the window load as zeros, and eight ASCII bytes are not looked at for `：`.
#[inline]
pub(crate) fn colon(b: &[u8], window: usize) -> Option<(usize, usize)> {
    let w = &b[..b.len().min(window)];
    let mut at = 0;
    while at < w.len() {
        let x = load8(w, at);
        let mut hit = eq_bytes(x, b':');
        if x & HI != 0 {
            hit |= eq_bytes(x, 0xef);
        }
        while hit != 0 {
            let i = at + (hit.trailing_zeros() / 8) as usize;
            match w[i] {
                b':' => return Some((i, 1)),
                _ if b.get(i + 1..i + 3) == Some(&[0xbc, 0x9a]) => return Some((i, 3)),
                _ => hit &= hit - 1,
            }
        }
        at += 8;
    }
    None
}

/// The first offset at or after `from` of an ASCII digit, 8 bytes at a time.
#[inline]
pub(crate) fn next_digit(b: &[u8], from: usize) -> Option<usize> {
    let mut at = from;
    while at < b.len() {
        // The bytes past the end load as zeros: not digits.
        let x = load8(b, at);
        let y = x & LO7;
        let digits = ge(y, b'0') & !ge(y, b'9' + 1) & !x & HI;
        if digits != 0 {
            return Some(at + (digits.trailing_zeros() / 8) as usize);
        }
        at += 8;
    }
    None
}

/// Whitespace as `char::is_whitespace` sees it, among ASCII bytes.
#[inline(always)]
pub(crate) fn ascii_space(b: u8) -> bool {
    matches!(b, b' ' | b'\t' | b'\n' | b'\x0b' | b'\x0c' | b'\r')
}

/// `str::trim`, quicker when the ends are ASCII (the common case).
#[inline]
pub(crate) fn trim(s: &str) -> &str {
    let b = s.as_bytes();
    let mut a = 0;
    while a < b.len() && ascii_space(b[a]) {
        a += 1;
    }
    let mut e = b.len();
    while e > a && ascii_space(b[e - 1]) {
        e -= 1;
    }
    // Nothing to trim, at two ASCII ends (most lines): no slicing.
    if a == 0 && e == b.len() && (e == 0 || (b[0] < 0x80 && b[e - 1] < 0x80)) {
        return s;
    }
    // A non-ASCII character at either end may be Unicode whitespace.
    if a < e && (b[a] >= 0x80 || b[e - 1] >= 0x80) {
        return s.trim();
    }
    &s[a..e]
}

/// Whether `b` has a byte that is neither printable ASCII nor a tab (`odd`: control characters,
/// DEL, anything not ASCII), whether it has an ASCII letter or digit, and whether it may have a
/// colon (`colon`: a `:` or a byte that is not ASCII, as the full-width `：` is): one pass, 8
/// bytes at a time. The colon is the line's prefilter for the parsers of `Key: value` lines.
#[inline]
pub(crate) fn odd_alnum_colon(b: &[u8]) -> (bool, bool, bool) {
    let (mut odd, mut alnum, mut colon) = (0u64, 0u64, 0u64);
    let chunks = b.chunks_exact(8);
    let tail = chunks.remainder();
    for c in chunks {
        let x = u64::from_le_bytes([c[0], c[1], c[2], c[3], c[4], c[5], c[6], c[7]]);
        let (o, a) = odd_alnum_bits(x);
        odd |= o;
        alnum |= a;
        colon |= eq_bytes(x, b':') | (x & HI);
    }
    if !tail.is_empty() {
        // The tail as one word, zeros past the end: a zero byte is odd, so mask them off.
        let x = load8(tail, 0);
        let (o, a) = odd_alnum_bits(x);
        let keep = HI >> (8 * (8 - tail.len()));
        odd |= o & keep;
        alnum |= a & keep;
        colon |= (eq_bytes(x, b':') | (x & HI)) & keep;
    }
    (odd != 0, alnum != 0, colon != 0)
}

/// Bit 7 of each byte of `x` set where the byte is a base64 character (`A-Z`, `a-z`, `0-9`,
/// `+`, `/`, `=`).
#[inline(always)]
pub(crate) fn base64_bits(x: u64) -> u64 {
    let y = x & LO7;
    let z = y | rep(0x20);
    let alnum = (ge(y, b'0') & !ge(y, b'9' + 1)) | (ge(z, b'a') & !ge(z, b'z' + 1));
    (alnum | eq_bytes(x, b'+') | eq_bytes(x, b'/') | eq_bytes(x, b'=')) & !x & HI
}

/// Whether every byte of `b` is a base64 character (true for no bytes), 8 bytes at a time: a
/// line of a report block's body (`analysis/block.rs`).
#[inline]
pub(crate) fn all_base64(b: &[u8]) -> bool {
    let chunks = b.chunks_exact(8);
    let tail = chunks.remainder();
    for c in chunks {
        if base64_bits(u64::from_le_bytes([c[0], c[1], c[2], c[3], c[4], c[5], c[6], c[7]])) != HI {
            return false;
        }
    }
    // The tail as one word, zeros past the end (not base64): only its own bytes count.
    if tail.is_empty() {
        return true;
    }
    let keep = HI >> (8 * (8 - tail.len()));
    base64_bits(load8(tail, 0)) & keep == keep
}

/// Whether `s` has a control character other than tab (`char::is_control`: C0, DEL, C1) or
/// U+FFFD, 8 bytes at a time: the C0 controls and DEL by their bits, the C1 controls (`C2 80`
/// to `C2 9F`) and U+FFFD (`EF BF BD`) by their lead bytes, which are checked one by one.
#[inline]
pub(crate) fn any_control(s: &str) -> bool {
    let b = s.as_bytes();
    let mut at = 0;
    while at < b.len() {
        let x = load8(b, at);
        let y = x & LO7;
        let tab = zero_bytes(y ^ rep(b'\t'));
        // Only the bytes of `s` (the load is zeros past its end, and a zero is a control).
        let keep = if b.len() - at >= 8 { HI } else { HI >> (8 * (8 - (b.len() - at))) };
        if ((!ge(y, 0x20) & !tab) | eq_bytes(x, 0x7f)) & !x & keep != 0 {
            return true;
        }
        let mut lead = (eq_bytes(x, 0xc2) | eq_bytes(x, 0xef)) & keep;
        while lead != 0 {
            let p = at + (lead.trailing_zeros() / 8) as usize;
            let c1 = b[p] == 0xc2 && b.get(p + 1).is_some_and(|&n| (0x80..=0x9f).contains(&n));
            if c1 || (b[p] == 0xef && b.get(p + 1..p + 3) == Some(&[0xbf, 0xbd])) {
                return true;
            }
            lead &= lead - 1;
        }
        at += 8;
    }
    false
}

/// Per ASCII byte: bit 0 letter or digit, bit 1 control character (tab excepted) or DEL.
static CLASS: [u8; 128] = {
    let mut t = [0u8; 128];
    let mut i = 0;
    while i < 128 {
        let b = i as u8;
        t[i] = if b.is_ascii_alphanumeric() {
            1
        } else if (b < 0x20 && b != b'\t') || b == 0x7f {
            2
        } else {
            0
        };
        i += 1;
    }
    t
};

/// `c.is_alphanumeric()`, without the Unicode table look-up for the letters pasted text is
/// mostly written in (Latin-1 letters, basic Cyrillic, kana, CJK ideographs, Hangul syllables:
/// every character of those ranges is alphabetic; a test checks each).
#[inline]
fn alphanumeric(c: char) -> bool {
    matches!(c as u32, 0xc0..=0xd6 | 0xd8..=0xf6 | 0xf8..=0xff | 0x410..=0x44f | 0x3041..=0x3096 | 0x30a1..=0x30fa | 0x4e00..=0x9fff | 0xac00..=0xd7a3)
        || c.is_alphanumeric()
}

/// `(control, alphanumeric, characters)` of `t`: the characters that are control characters
/// (tab excepted) or U+FFFD, those that are letters or digits, and how many characters there
/// are. ASCII bytes by table; only the other characters are decoded.
pub(crate) fn char_classes(t: &str) -> (usize, usize, usize) {
    let b = t.as_bytes();
    let (mut control, mut alnum, mut total) = (0usize, 0usize, 0usize);
    let mut i = 0;
    while i < b.len() {
        let c = b[i];
        total += 1;
        if c < 0x80 {
            let k = CLASS[usize::from(c)];
            alnum += usize::from(k & 1);
            control += usize::from(k >> 1);
            i += 1;
            continue;
        }
        // `t` is UTF-8: a lead byte and its continuation bytes.
        let (width, lead) = if c >= 0xf0 {
            (4, u32::from(c & 0x07))
        } else if c >= 0xe0 {
            (3, u32::from(c & 0x0f))
        } else {
            (2, u32::from(c & 0x1f))
        };
        let end = (i + width).min(b.len());
        let v = b[i + 1..end].iter().fold(lead, |v, &x| v << 6 | u32::from(x & 0x3f));
        let ch = char::from_u32(v).unwrap_or(char::REPLACEMENT_CHARACTER);
        if ch == char::REPLACEMENT_CHARACTER || ch.is_control() {
            control += 1;
        } else if alphanumeric(ch) {
            alnum += 1;
        }
        i = end;
    }
    (control, alnum, total)
}

/// Splits `text` into lines: a line ends at `\n`, `\r\n` or a lone `\r`; what follows the last
/// line break is not a line when it is empty. The breaks are found 8 bytes at a time.
pub(crate) fn split_lines(text: &str) -> Vec<&str> {
    let b = text.as_bytes();
    let mut v: Vec<&str> = Vec::with_capacity(b.len() / 32 + 1);
    let mut start = 0;
    let mut brk = |at: usize, start: &mut usize| {
        // The LF of a CRLF has been consumed with its CR.
        if at >= *start {
            v.push(&text[*start..at]);
            *start = at + 1 + usize::from(b[at] == b'\r' && b.get(at + 1) == Some(&b'\n'));
        }
    };
    let chunks = b.chunks_exact(8);
    let tail = chunks.remainder().len();
    for (k, c) in chunks.enumerate() {
        let w = u64::from_le_bytes([c[0], c[1], c[2], c[3], c[4], c[5], c[6], c[7]]);
        // Line breaks are below 0x0e; most words have no such byte: one cheap test first.
        if !any_below(w, 0x0e) {
            continue;
        }
        // Bit 7 of each byte that is a line feed or a carriage return.
        let mut nl = eq_bytes(w, b'\n') | eq_bytes(w, b'\r');
        while nl != 0 {
            brk(k * 8 + (nl.trailing_zeros() / 8) as usize, &mut start);
            nl &= nl - 1;
        }
    }
    for (at, &c) in b.iter().enumerate().skip(b.len() - tail) {
        if matches!(c, b'\n' | b'\r') {
            brk(at, &mut start);
        }
    }
    v.push(&text[start..]);
    if text.ends_with(['\n', '\r']) {
        v.pop();
    }
    v
}

/// The plain twins: what each trick computes, written the obvious way (tests only).
#[cfg(test)]
pub(crate) mod plain {
    /// Bit 7 of each byte of `x` where `p` holds for that byte.
    fn per_byte(x: u64, p: impl Fn(u8) -> bool) -> u64 {
        x.to_le_bytes().iter().enumerate().fold(0, |m, (k, &b)| if p(b) { m | 0x80 << (8 * k) } else { m })
    }

    pub fn zero_bytes(x: u64) -> u64 {
        per_byte(x, |b| b == 0)
    }

    pub fn eq_bytes(x: u64, c: u8) -> u64 {
        per_byte(x, |b| b == c)
    }

    pub fn word_bits(x: u64) -> u64 {
        per_byte(x, |b| b.is_ascii_alphanumeric() || !b.is_ascii())
    }

    fn base64(b: u8) -> bool {
        b.is_ascii_alphanumeric() || matches!(b, b'+' | b'/' | b'=')
    }

    pub fn base64_bits(x: u64) -> u64 {
        per_byte(x, base64)
    }

    pub fn all_base64(b: &[u8]) -> bool {
        b.iter().all(|&c| base64(c))
    }

    pub fn any_control(s: &str) -> bool {
        s.chars().any(|c| c == '\u{fffd}' || (c.is_control() && c != '\t'))
    }

    pub fn ident_bits(x: u64) -> u64 {
        per_byte(x, |b| b.is_ascii_alphanumeric() || b == b'_')
    }

    pub fn odd_alnum_bits(x: u64) -> (u64, u64) {
        (per_byte(x, |b| !(b == b'\t' || (b' '..=b'~').contains(&b))), per_byte(x, |b| b.is_ascii_alphanumeric()))
    }

    pub fn any_below(x: u64, n: u8) -> bool {
        x.to_le_bytes().iter().any(|&b| b < n)
    }

    pub fn lower8(x: u64) -> u64 {
        u64::from_le_bytes(x.to_le_bytes().map(|b| b.to_ascii_lowercase()))
    }

    pub fn load8(h: &[u8], at: usize) -> u64 {
        let mut b = [0u8; 8];
        for (i, x) in b.iter_mut().enumerate() {
            *x = at.checked_add(i).and_then(|j| h.get(j)).copied().unwrap_or(0);
        }
        u64::from_le_bytes(b)
    }

    pub fn word_starts(hay: &[u8]) -> (Vec<usize>, bool) {
        let word = |b: u8| b.is_ascii_alphanumeric() || !b.is_ascii();
        let start = |i: usize| i == 0 || !word(hay[i - 1]) || (hay[i].is_ascii() && !hay[i - 1].is_ascii());
        let starts = (0..hay.len()).filter(|&i| i + 2 < hay.len() && word(hay[i]) && start(i)).collect();
        (starts, !hay.is_ascii())
    }

    pub fn each_byte(h: &[u8], c: u8) -> Vec<usize> {
        h.iter().enumerate().filter(|(_, &b)| b == c).map(|(i, _)| i).collect()
    }

    pub fn first_stop(hay: &str, stops: &[&str]) -> Option<usize> {
        (0..hay.len()).find(|&i| stops.iter().any(|s| hay.as_bytes()[i..].starts_with(s.as_bytes())))
    }

    pub fn find_ci(hay: &str, needle: &str) -> Option<usize> {
        let (h, n) = (hay.to_ascii_lowercase(), needle.to_ascii_lowercase());
        if n.is_empty() {
            return Some(0);
        }
        h.as_bytes().windows(n.len()).position(|w| w == n.as_bytes())
    }

    pub fn eq_ci(a: &[u8], b: &[u8]) -> bool {
        a.eq_ignore_ascii_case(b)
    }

    pub fn starts_ci(s: &str, prefix: &str) -> bool {
        s.len() >= prefix.len() && s.as_bytes()[..prefix.len()].eq_ignore_ascii_case(prefix.as_bytes())
    }

    pub fn colon(b: &[u8], window: usize) -> Option<(usize, usize)> {
        (0..b.len().min(window)).find_map(|i| match b[i] {
            b':' => Some((i, 1)),
            0xef if b.get(i + 1..i + 3) == Some(&[0xbc, 0x9a]) => Some((i, 3)),
            _ => None,
        })
    }

    pub fn next_digit(b: &[u8], from: usize) -> Option<usize> {
        (from..b.len()).find(|&i| b[i].is_ascii_digit())
    }

    pub fn odd_alnum_colon(b: &[u8]) -> (bool, bool, bool) {
        let odd = b.iter().any(|&c| !(c == b'\t' || (b' '..=b'~').contains(&c)));
        (odd, b.iter().any(u8::is_ascii_alphanumeric), b.iter().any(|&c| c == b':' || c >= 0x80))
    }

    pub fn char_classes(t: &str) -> (usize, usize, usize) {
        let (mut control, mut alnum) = (0, 0);
        for c in t.chars() {
            if c == '\u{fffd}' || (c.is_control() && c != '\t') {
                control += 1;
            } else if c.is_alphanumeric() {
                alnum += 1;
            }
        }
        (control, alnum, t.chars().count())
    }

    pub fn split_lines(text: &str) -> Vec<&str> {
        // CRLF is one break, CR and LF alone are one each.
        let mut v: Vec<&str> = text.split("\r\n").flat_map(|l| l.split(['\r', '\n'])).collect();
        if text.ends_with(['\n', '\r']) {
            v.pop();
        }
        v
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    /// Bytes that make the tricks' edge cases common: ASCII letters of both cases around the
    /// case bit, digits, the bytes the scans look for, controls, DEL, and UTF-8 lead and
    /// continuation bytes (including `：`'s EF BC 9A).
    fn tricky_byte() -> impl Strategy<Value = u8> {
        prop_oneof![
            any::<u8>(),
            prop::sample::select(vec![
                0, b'\t', b'\n', b'\r', b' ', b':', b'@', b'A', b'Z', b'[', b'`', b'a', b'z', b'{', b'0', b'9', b'/', b'+', b'=', b'-',
                0x7f, 0x80, 0xbc, 0x9a, 0xc2, 0xa0, 0xef, 0xff,
            ]),
        ]
    }

    fn bytes() -> impl Strategy<Value = Vec<u8>> {
        prop::collection::vec(tricky_byte(), 0..41)
    }

    /// Strings over an alphabet of both cases, digits, separators, line breaks, NUL, DEL and
    /// multi-byte characters (no-break and ideographic spaces, `：`, `é`, `€`).
    fn text() -> impl Strategy<Value = String> {
        "[aAbBzZ09 :\t\r\n\u{0}\u{7f}\u{a0}\u{e9}\u{20ac}\u{3000}\u{ff1a}\u{1f600}]{0,40}"
    }

    fn word() -> impl Strategy<Value = u64> {
        prop_oneof![any::<u64>(), bytes().prop_map(|b| plain::load8(&b, 0))]
    }

    #[test]
    fn every_single_byte_in_every_lane() {
        for c in 0..=255u8 {
            for at in 0..8 {
                for fill in [0u8, b'.', b'A', 0xff] {
                    let x = (u64::from(c) << (8 * at)) | (rep(fill) & !(0xff << (8 * at)));
                    assert_eq!(zero_bytes(x), plain::zero_bytes(x), "{c} {at} {fill}");
                    assert_eq!(eq_bytes(x, c), plain::eq_bytes(x, c), "{c} {at} {fill}");
                    assert_eq!(word_bits(x), plain::word_bits(x), "{c} {at} {fill}");
                    assert_eq!(odd_alnum_bits(x), plain::odd_alnum_bits(x), "{c} {at} {fill}");
                    assert_eq!(ident_bits(x), plain::ident_bits(x), "{c} {at} {fill}");
                    assert_eq!(base64_bits(x), plain::base64_bits(x), "{c} {at} {fill}");
                    assert_eq!(lower8(x), plain::lower8(x), "{c} {at} {fill}");
                    for n in [1, 0x0e, 0x20, 0x80] {
                        assert_eq!(any_below(x, n), plain::any_below(x, n), "{c} {at} {fill} {n}");
                    }
                }
            }
        }
    }

    #[test]
    fn edges() {
        assert_eq!(load8(b"", 0), 0);
        assert_eq!(load8(b"abc", 5), 0);
        assert_eq!(split_lines(""), vec![""]);
        assert_eq!(split_lines("a\r\n\rb\n"), vec!["a", "", "b"]);
        assert_eq!(colon("日志名称：x".as_bytes(), 64), Some((12, 3)));
        assert_eq!(find_ci_seq("x Error  Code", &["error", " ", "code"]), None);
        assert_eq!(find_ci_seq("x Error Code", &["error", " ", "code"]), Some(2));
        assert_eq!(first_stop("a, b, result x", b',', &[", r", ", q"]), Some(4));
        assert!(!word_starts(b"ab", |_| panic!("no word start with fewer than 3 bytes")));
    }

    #[test]
    fn alphanumeric_ranges_are_alphanumeric() {
        for c in (0..=0x10ffffu32).filter_map(char::from_u32) {
            assert_eq!(alphanumeric(c), c.is_alphanumeric(), "{:x}", c as u32);
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

    proptest! {
        #![proptest_config(ProptestConfig { cases: 1024, ..ProptestConfig::default() })]

        #[test]
        fn swar_words(x in word(), c in tricky_byte(), n in 1u8..=128) {
            prop_assert_eq!(any_below(x, n), plain::any_below(x, n));
            prop_assert_eq!(zero_bytes(x), plain::zero_bytes(x));
            prop_assert_eq!(eq_bytes(x, c), plain::eq_bytes(x, c));
            prop_assert_eq!(word_bits(x), plain::word_bits(x));
            prop_assert_eq!(odd_alnum_bits(x), plain::odd_alnum_bits(x));
            prop_assert_eq!(ident_bits(x), plain::ident_bits(x));
            prop_assert_eq!(base64_bits(x), plain::base64_bits(x));
            prop_assert_eq!(lower8(x), plain::lower8(x));
        }

        #[test]
        fn loads(b in bytes(), at in 0usize..48) {
            prop_assert_eq!(load8(&b, at), plain::load8(&b, at));
        }

        #[test]
        fn word_starts_as_plain(b in bytes()) {
            let mut got = Vec::new();
            let high = word_starts(&b, |i| got.push(i));
            prop_assert_eq!((got, high), plain::word_starts(&b));
        }

        #[test]
        fn each_byte_as_plain(b in bytes(), c in tricky_byte(), stop_after in 0usize..6) {
            let mut got = Vec::new();
            let stopped = each_byte(&b, c, |p| {
                got.push(p);
                got.len() > stop_after
            });
            let want = plain::each_byte(&b, c);
            prop_assert_eq!(stopped, want.get(stop_after).copied());
            prop_assert_eq!(&got[..], &want[..want.len().min(stop_after + 1)]);
        }

        #[test]
        fn searches_as_std(hay in text(), needle in "[aAbB :\u{e9}\u{20ac}]{0,4}") {
            prop_assert_eq!(find_bytes(&hay, &needle), hay.find(needle.as_str()));
            prop_assert_eq!(find(&hay, &needle), hay.find(needle.as_str()));
            prop_assert_eq!(contains(&hay, &needle), hay.contains(needle.as_str()));
            prop_assert_eq!(find_ci(&hay, &needle), plain::find_ci(&hay, &needle));
            prop_assert_eq!(has_ci(&hay, &needle), plain::find_ci(&hay, &needle).is_some());
            prop_assert_eq!(starts_ci(&hay, &needle), plain::starts_ci(&hay, &needle));
            prop_assert_eq!(eq_ci(hay.as_bytes(), needle.as_bytes()), plain::eq_ci(hay.as_bytes(), needle.as_bytes()));
            // Split the needle anywhere (and into empty parts): the same as the whole.
            let parts: Vec<&str> = needle.split(' ').collect();
            let joined = parts.join(" ");
            let spaced: Vec<String> = parts.iter().enumerate().flat_map(|(i, p)| {
                if i == 0 { vec![p.to_string()] } else { vec![" ".to_string(), p.to_string()] }
            }).collect();
            let spaced: Vec<&str> = spaced.iter().map(String::as_str).collect();
            prop_assert_eq!(find_ci_seq(&hay, &spaced), plain::find_ci(&hay, &joined));
        }

        /// The needle planted in the text (at any offset, so across the 8-byte steps), and a
        /// near miss: one byte of it changed.
        #[test]
        fn searches_find_a_planted_needle(a in text(), needle in "[aAbB:\u{0}\u{e9}\u{20ac}]{1,12}", b in text(), k in any::<usize>()) {
            let hay = format!("{a}{needle}{b}");
            prop_assert_eq!(find_bytes(&hay, &needle), hay.find(needle.as_str()));
            prop_assert_eq!(find_ci(&hay, &needle), plain::find_ci(&hay, &needle));
            let mut miss = needle.clone().into_bytes();
            let k = k % miss.len();
            if miss[k].is_ascii() {
                miss[k] = if miss[k] == b'a' { b'b' } else { b'a' };
                let miss = String::from_utf8(miss).unwrap_or_default();
                let hay = format!("{a}{miss}{b}");
                prop_assert_eq!(find_bytes(&hay, &needle), hay.find(needle.as_str()));
            }
        }

        #[test]
        fn eq_ci_on_bytes(a in bytes(), flip in any::<u64>()) {
            // `b` is `a` with some ASCII letters' case changed and maybe one byte more.
            let b: Vec<u8> = a.iter().enumerate().map(|(i, &c)| {
                if flip >> (i % 64) & 1 == 1 && c.is_ascii_alphabetic() { c ^ 0x20 } else { c }
            }).collect();
            prop_assert_eq!(eq_ci(&a, &b), plain::eq_ci(&a, &b));
            prop_assert!(eq_ci(&a, &b));
            let mut longer = b.clone();
            longer.push(b'x');
            prop_assert_eq!(eq_ci(&a, &longer), plain::eq_ci(&a, &longer));
            if let Some(k) = (flip as usize).checked_rem(a.len()) {
                let mut other = b.clone();
                other[k] = other[k].wrapping_add(1);
                prop_assert_eq!(eq_ci(&a, &other), plain::eq_ci(&a, &other));
            }
        }

        #[test]
        fn first_stop_as_plain(hay in "[a,r ]{0,30}") {
            prop_assert_eq!(first_stop(&hay, b',', &[", r", ",,"]), plain::first_stop(&hay, &[", r", ",,"]));
        }

        #[test]
        fn colons(b in bytes(), window in 0usize..48) {
            prop_assert_eq!(colon(&b, window), plain::colon(&b, window));
        }

        #[test]
        fn colons_in_text(s in text(), window in 0usize..48) {
            prop_assert_eq!(colon(s.as_bytes(), window), plain::colon(s.as_bytes(), window));
        }

        #[test]
        fn trims(s in text()) {
            prop_assert_eq!(trim(&s), s.trim());
        }

        /// Base64 lines (of every length around the 8-byte steps), with one byte changed to any
        /// byte somewhere, and arbitrary bytes.
        #[test]
        fn base64_lines(line in "[A-Za-z0-9+/=]{0,40}", k in any::<usize>(), c in tricky_byte(), b in bytes()) {
            prop_assert_eq!(all_base64(line.as_bytes()), plain::all_base64(line.as_bytes()));
            let mut changed = line.into_bytes();
            if let Some(k) = k.checked_rem(changed.len()) {
                changed[k] = c;
            }
            prop_assert_eq!(all_base64(&changed), plain::all_base64(&changed));
            prop_assert_eq!(all_base64(&b), plain::all_base64(&b));
        }

        #[test]
        fn controls(s in text(), any in "\\PC{0,24}", mixed in "[a\t\u{1}\u{7f}\u{80}\u{85}\u{9f}\u{a0}\u{fffd}\u{fffc}\u{fffe}\u{e9}\u{ff1a}\u{100}]{0,24}") {
            prop_assert_eq!(any_control(&s), plain::any_control(&s));
            prop_assert_eq!(any_control(&any), plain::any_control(&any));
            prop_assert_eq!(any_control(&mixed), plain::any_control(&mixed));
        }

        #[test]
        fn digits(b in bytes(), from in 0usize..44) {
            prop_assert_eq!(next_digit(&b, from), plain::next_digit(&b, from));
        }

        #[test]
        fn flags(b in bytes()) {
            prop_assert_eq!(odd_alnum_colon(&b), plain::odd_alnum_colon(&b));
        }

        #[test]
        fn classes(s in text(), any in "\\PC{0,24}", mixed in "[a\t\u{1}\u{7f}\u{85}\u{fffd}\u{e9}\u{416}\u{4e2d}\u{ac00}\u{30a2}\u{10000}\u{1d7ce}]{0,24}") {
            prop_assert_eq!(char_classes(&s), plain::char_classes(&s));
            prop_assert_eq!(char_classes(&any), plain::char_classes(&any));
            prop_assert_eq!(char_classes(&mixed), plain::char_classes(&mixed));
        }

        #[test]
        fn lines(s in text()) {
            prop_assert_eq!(split_lines(&s), plain::split_lines(&s));
        }
    }
}
