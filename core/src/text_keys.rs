//! Keys and words of content text, shared by `core/build.rs` (which includes this file to build
//! the look-up keys and the search index) and the core (which reads queries the same way), so
//! both sides cut text into the same words.

/// The key of a name in a route: ASCII letters and digits lowercased, `.` and `_` kept, any
/// other run of characters one `-` (`Event 115` → `event-115`, `System.Net.WebException` →
/// `system.net.webexception`).
pub fn slug(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        if c.is_ascii_alphanumeric() || c == '.' || c == '_' {
            out.push(c.to_ascii_lowercase());
        } else if !out.is_empty() && !out.ends_with('-') {
            out.push('-');
        }
    }
    while out.ends_with(['-', '.']) {
        out.pop();
    }
    out
}

/// Words too common to search for.
pub const STOPWORDS: &[&str] = &[
    "a", "an", "and", "are", "as", "at", "be", "by", "can", "for", "from", "has", "if", "in", "is", "it", "its", "of", "on", "or", "that",
    "the", "this", "to", "was", "with",
];

/// The search words of `s`: runs of ASCII letters, digits, `_` and inner `.` (`0x2105`,
/// `error_ds_dra_access_denied`, `system.io`, and a dotted name's parts too: `system`, `io`),
/// lowercased, at most 40 bytes each; stop words dropped. Anything else separates words.
pub fn words(s: &str) -> Vec<String> {
    let mut out = Vec::new();
    let b = s.as_bytes();
    let mut i = 0;
    while i < b.len() {
        if !b[i].is_ascii_alphanumeric() && b[i] != b'_' {
            i += 1;
            continue;
        }
        let start = i;
        while i < b.len()
            && (b[i].is_ascii_alphanumeric() || b[i] == b'_' || (b[i] == b'.' && b.get(i + 1).is_some_and(u8::is_ascii_alphanumeric)))
        {
            i += 1;
        }
        let w = s[start..i].to_ascii_lowercase();
        if w.len() <= 40 && !STOPWORDS.contains(&w.as_str()) {
            if w.contains('.') {
                out.extend(w.split('.').filter(|p| !p.is_empty() && !STOPWORDS.contains(p)).map(str::to_string));
            }
            out.push(w);
        }
    }
    out
}
