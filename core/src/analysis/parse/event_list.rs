//! `Get-WinEvent`/`Get-EventLog … | Format-List`:
//!
//! ```text
//! TimeCreated  : 3/2/2017 4:31:09 AM
//! ProviderName : Directory Synchronization
//! Id           : 611
//! Message      : Password hash synchronization failed for domain: contoso.com …
//! ```

use std::sync::OnceLock;

use crate::analysis::lines;
use crate::analysis::scan::eq_ci;

/// Keys by byte length (up to 24), each length's in list order, so that a look-up compares
/// only keys of the right length.
pub(crate) struct ByLen<T: 'static> {
    pub(crate) buckets: [Vec<(&'static [u8], T)>; 25],
}

impl<T: Copy> ByLen<T> {
    pub(crate) fn new(keys: impl Iterator<Item = (&'static str, T)>) -> ByLen<T> {
        let mut buckets: [Vec<(&'static [u8], T)>; 25] = Default::default();
        for (k, v) in keys {
            if let Some(b) = buckets.get_mut(k.len()) {
                b.push((k.as_bytes(), v));
            }
        }
        ByLen { buckets }
    }

    /// The first key equal to `key` ignoring ASCII case.
    #[inline]
    pub(crate) fn find(&self, key: &[u8]) -> Option<T> {
        self.buckets.get(key.len())?.iter().find(|(k, _)| eq_ci(k, key)).map(|(_, v)| *v)
    }
}

pub(crate) fn list_keys() -> &'static ByLen<usize> {
    static KEYS: OnceLock<ByLen<usize>> = OnceLock::new();
    KEYS.get_or_init(|| ByLen::new(LIST_KEYS.iter().enumerate().map(|(i, k)| (*k, i))))
}

pub(crate) const LIST_KEYS: &[&str] = &[
    "index",
    "entrytype",
    "instanceid",
    "eventid",
    "message",
    "category",
    "categorynumber",
    "replacementstrings",
    "source",
    "timegenerated",
    "timewritten",
    "username",
    "machinename",
    "site",
    "container",
    "data",
    "timecreated",
    "providername",
    "providerid",
    "id",
    "version",
    "qualifiers",
    "level",
    "leveldisplayname",
    "task",
    "taskdisplayname",
    "opcode",
    "opcodedisplayname",
    "keywords",
    "keywordsdisplaynames",
    "recordid",
    "processid",
    "threadid",
    "logname",
    "containerlog",
    "matchedqueryids",
    "bookmark",
    "properties",
    "activityid",
    "relatedactivityid",
    "userid",
];

/// Keys that begin an event in `Format-List` output.
pub(crate) const LIST_STARTS: &[&str] = &[
    "index",
    "entrytype",
    "instanceid",
    "eventid",
    "timegenerated",
    "timecreated",
    "providername",
    "id",
    "message",
    "recordid",
    "logname",
];

/// The bit of a `LIST_KEYS` key in `EventB::keys`.
pub(crate) fn list_key_bit(key: &str) -> u64 {
    list_keys().find(key.as_bytes()).map_or(0, |i| 1 << i)
}

/// `Key   : value` of `Format-List` (a space before the colon), with a known event key.
pub(crate) fn list_pair(text: &str) -> Option<(&'static str, &str)> {
    // Format-List pads every key and writes ` : `; Event Viewer writes `Key:`.
    let b = text.as_bytes();
    // Quick reject: every key is ASCII letters, so a line starting with a letter must have
    // whitespace after at most 24 of them, and one starting with other ASCII is no pair.
    // The key is then that first run of letters.
    match b.first() {
        Some(c) if c.is_ascii_alphabetic() => {
            let n = b.iter().take(25).take_while(|c| c.is_ascii_alphabetic()).count();
            if n > 24 || !b.get(n).is_some_and(|&c| c >= 0x80 || c.is_ascii_whitespace() || c == 0x0b) {
                return None;
            }
            list_keys().find(&b[..n])?;
        }
        Some(&c) if c < 0x80 && !c.is_ascii_whitespace() && c != 0x0b => return None,
        _ => {}
    }
    let colon = (1..b.len()).find(|&i| b[i] == b':' && b[i - 1] == b' ')? - 1;
    let key = lines::trim(&text[..colon]);
    if key.is_empty() || key.len() > 24 || key.contains(' ') {
        return None;
    }
    let lk = LIST_KEYS[list_keys().find(key.as_bytes())?];
    let rest = text[colon..].trim_start_matches([' ', ':']);
    Some((lk, rest))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn list_pairs() {
        assert!(LIST_KEYS.len() <= 64);
        assert_eq!(list_key_bit("index"), 1);
        assert_ne!(list_key_bit("userid"), 0);
        assert_eq!(list_pair("InstanceId         : 611"), Some(("instanceid", "611")));
        assert_eq!(list_pair("Source             : Directory Synchronization"), Some(("source", "Directory Synchronization")));
        assert_eq!(list_pair("Source: Directory Synchronization"), None);
        assert_eq!(list_pair("SourceConnector : contoso.com"), None);
        assert_eq!(list_pair("Details: x"), None);
    }
}
