//! What one logical line gives, whichever parser reads it ([`Content`]: its record kind and
//! fields, its facts, what it says about its surroundings), where it stands ([`Ctx`]), and the
//! word tests the line parsers share (whole words, negations, a value after a colon, names
//! after `domain`/`connector`, a Connect version after `version`).

use std::borrow::Cow;

use crate::analysis::fact::{Fact, Hints};
use crate::analysis::lines::{self, Src};
use crate::analysis::model::RecordKind;
use crate::analysis::scan::{contains, find, find_ci, find_ci_seq, has_ci, starts_ci};
use crate::bytes::{ident_bits, load8, HI};
use crate::version::ConnectVersion;

/// Where the line stands.
#[derive(Clone, Copy, Debug, Default)]
pub(crate) struct Ctx<'c> {
    /// The connector of the enclosing status-script block or troubleshooter section.
    pub connector: Option<&'c str>,
    pub domain: Option<&'c str>,
    /// After `Invoke-ADSyncDiagnostics` or its menu.
    pub in_diag: bool,
    /// The line is part of an event message.
    pub in_event: bool,
}

#[derive(Debug)]
pub(crate) struct Content<'a> {
    pub(crate) src: Src<'a>,
    pub facts: Vec<Fact<'a>>,
    pub kind: Option<RecordKind>,
    pub fields: Vec<(&'static str, Cow<'a, str>)>,
    pub hints: Hints<'a>,
    /// The event this message text belongs to, judged from its wording (bare messages).
    pub event_guess: Option<u32>,
    /// A troubleshooter `AD Connector - name` / partition header.
    pub diag_connector: Option<Cow<'a, str>>,
    pub diag_domain: Option<Cow<'a, str>>,
    pub status_begin: bool,
    pub status_end: bool,
    pub diag_menu: bool,
}

impl<'a> Content<'a> {
    pub(crate) fn kind(&mut self, k: RecordKind) {
        if self.kind.is_none() {
            self.kind = Some(k);
        }
    }
    /// A field with a fixed or a computed value.
    pub(crate) fn field(&mut self, k: &'static str, v: impl Into<Cow<'a, str>>) {
        let v = v.into();
        if !v.is_empty() {
            self.fields.push((k, v));
        }
    }
    /// A field whose value is a piece of the line.
    pub(crate) fn slice(&mut self, k: &'static str, v: &str) {
        if !v.is_empty() {
            let v = self.src.cow(v);
            self.fields.push((k, v));
        }
    }
    /// A piece of the line, kept.
    pub(crate) fn cow(&self, v: &str) -> Cow<'a, str> {
        self.src.cow(v)
    }
}

#[inline(always)]
pub(crate) fn is_word_byte(b: u8) -> bool {
    b.is_ascii_alphanumeric() || b == b'_'
}

/// `w` occurs in `l` (lower-case) as a whole word.
pub(crate) fn has_word(l: &str, w: &str) -> bool {
    let b = l.as_bytes();
    let mut from = 0;
    while let Some(i) = l.get(from..).and_then(|s| find(s, w)) {
        let at = from + i;
        let end = at + w.len();
        if (at == 0 || !is_word_byte(b[at - 1])) && (end >= b.len() || !is_word_byte(b[end])) {
            return true;
        }
        from = at + 1;
    }
    false
}

pub(crate) fn has_any(l: &str, words: &[&str]) -> bool {
    words.iter().any(|w| contains(l, w))
}

/// The negation words `negative` looks for (as `neg_word` matches them).
#[cfg(test)]
pub(crate) const NEG_WORDS: &[&str] = &[
    "not",
    "no",
    "never",
    "disabled",
    "unable",
    "cannot",
    "failed",
    "fails",
    "failure",
    "missing",
    "incorrect",
    "invalid",
    "denied",
    "skipped",
    "unreachable",
    "false",
    "wrong",
    "lacks",
    "lack",
    "none",
    "without",
    "off",
];

pub(crate) fn neg_word(w: &[u8]) -> bool {
    match w.len() {
        2 => w == b"no",
        3 => matches!(w, b"not" | b"off"),
        4 => matches!(w, b"lack" | b"none"),
        5 => matches!(w, b"never" | b"fails" | b"false" | b"wrong" | b"lacks"),
        6 => matches!(w, b"unable" | b"cannot" | b"failed" | b"denied"),
        7 => matches!(w, b"failure" | b"missing" | b"invalid" | b"skipped" | b"without"),
        8 => w == b"disabled",
        9 => w == b"incorrect",
        11 => w == b"unreachable",
        _ => false,
    }
}

/// The line denies or reports a failure: `n't` or a negation word (one pass over its bytes,
/// from separator to separator 8 bytes at a time).
pub(crate) fn negative(l: &str) -> bool {
    // Words are runs of ASCII letters, digits and `_` (every other byte separates, as every
    // other character did); the negation words are ASCII.
    let b = l.as_bytes();
    let mut start = 0;
    let mut at = 0;
    while at < b.len() {
        // Bit 7 of each byte that separates words (none past the end).
        let keep = if b.len() - at >= 8 { HI } else { HI >> (8 * (8 - (b.len() - at))) };
        let mut seps = !ident_bits(load8(b, at)) & keep;
        while seps != 0 {
            let i = at + (seps.trailing_zeros() / 8) as usize;
            if (b[i] == b'\'' && i > 0 && b[i - 1] == b'n' && b.get(i + 1) == Some(&b't')) || neg_word(&b[start..i]) {
                return true;
            }
            start = i + 1;
            seps &= seps - 1;
        }
        at += 8;
    }
    neg_word(&b[start..])
}

/// Doc sentences and questions, not results (`l` is lower case): a question, a doc's
/// conditional or description, or a writer's doubt ("not clear about the password sync option
/// on the sync rule editor", a thread's title).
pub(crate) fn narrative(l: &str) -> bool {
    // (After a list's number or bullet: `3. If the feature isn't enabled …`, an article's step.)
    let t = l.trim_start_matches(|c: char| c.is_ascii_digit() || matches!(c, '.' | ')' | '-' | '*' | '•' | ' ' | '\t'));
    // (A Markdown heading is a title: `#### Microsoft Entra Connect server is in staging mode`.)
    l.ends_with('?')
        || l.starts_with('#')
        || ["if ", "when ", "validates", "searches", "examines", "each ", "attempts to", "checks "].iter().any(|p| t.starts_with(p))
        || ["not clear", "not sure", "unclear", "i wonder", "wondering", "confused about"].iter().any(|p| contains(l, p))
}

/// The value after the last `:` (`Enabled : True`).
pub(crate) fn value_after_colon(s: &str) -> &str {
    s.rsplit_once(':').map_or("", |(_, v)| lines::trim(v))
}

/// `<tag>value</tag>`, also XML-escaped (`&lt;tag&gt;`).
pub(crate) fn tag_value<'s>(s: &'s str, tag: &str) -> Option<&'s str> {
    for (open, close) in [("<", ">"), ("&lt;", "&gt;")] {
        if let Some(i) = find_ci_seq(s, &[open, tag, close]) {
            let rest = &s[i + open.len() + tag.len() + close.len()..];
            let end = find(rest, open).unwrap_or(rest.len());
            let v = rest[..end].trim();
            if !v.is_empty() {
                return Some(v);
            }
        }
    }
    None
}

/// The name after `for domain:` / `for forest:`, up to a comma, a space or a sentence end.
pub(crate) fn name_after_phrase(s: &str, end: usize) -> Option<&str> {
    let rest = s.get(end..)?.trim_start_matches([':', ' ', '\t', '"', '\'', '`']);
    let stop = rest.find([',', ' ', '\t', '"', '\'', '`', ';', '<', '&']).unwrap_or(rest.len());
    let name = rest[..stop].trim_end_matches(['.', ':']);
    (!name.is_empty() && name.len() < 256).then_some(name)
}

/// A connector name after the word `connector` (`for AD Connector - contoso.com`).
pub(crate) fn connector_name(s: &str) -> Option<&str> {
    let i = find_ci(s, "connector")?;
    let rest = s[i + "connector".len()..].trim_start_matches([':', '-', ' ', '\t', '"', '\'']);
    let name = lines::trim(rest).trim_end_matches(['.', '"', '\'', ':']).trim();
    if name.is_empty() || name.len() > 200 || starts_ci(name, "is ") || starts_ci(name, "was ") || starts_ci(name, "space") {
        return None;
    }
    Some(name.trim_matches(['"', '\'']))
}

/// A 4-part version `1.x.y.z` after the word `version` (not an assembly's `Version=`), or
/// right after the product's name (`Azure AD Sync 1.4.18.0`, `Microsoft Azure AD Connect
/// Synchronization Services 1.6.4.0`).
pub(crate) fn connect_version(s: &str) -> Option<ConnectVersion> {
    if !has_dotted_number(s) {
        return None;
    }
    version_after_word(s).or_else(|| version_after_product(s)).or_else(|| version_after_verb(s))
}

/// Whether `s` names Connect's own product (`Microsoft Azure AD Connect`, `Microsoft Entra
/// Connect Sync`, `Microsoft Azure AD Sync`): an installer's or a file's product name.
pub(crate) fn names_connect(s: &str) -> bool {
    ["azure ad connect", "entra connect", "azure ad sync"].iter().any(|p| has_ci(s, p))
}

/// The value of a Format-List line `Key : value` whose key is `key` (any case; spaces before
/// the colon), trimmed; `None` for another key.
pub(crate) fn key_value<'s>(line: &'s str, key: &str) -> Option<&'s str> {
    let t = lines::trim(line);
    let rest = t.get(key.len()..).filter(|_| starts_ci(t, key))?;
    rest.trim_start().strip_prefix(':').map(lines::trim)
}

/// Whether a PowerShell command reads a file or registry key of Connect's own, whose
/// `FileVersion`/`ProductVersion`/`Version` is then the installed build:
/// `(Get-Item "C:\\Program Files\\Microsoft Azure AD Sync\\Bin\\miiserver.exe").VersionInfo`,
/// `Get-ItemProperty "HKLM:\\SOFTWARE\\Microsoft\\Azure AD Connect"`.
pub(crate) fn names_connect_file(cmd: &str) -> bool {
    ["miiserver.exe", "microsoft azure ad sync\\bin", "\\azure ad connect", "\\microsoft entra connect", "serverconfigurationversion"]
        .iter()
        .any(|n| has_ci(cmd, n))
}

/// `FileVersion : 2.5.190.0` (also `ProductVersion`, `Version`): a build of Connect's (four
/// parts, starting 1 or 2) as a Format-List line prints it.
pub(crate) fn file_version(line: &str) -> Option<ConnectVersion> {
    // A table's value alone (`select Value`), or the global setting's row
    // (`Microsoft.Synchronize.ServerConfigurationVersion 2.5.3.0`, `select Name,Value`).
    let Some((key, value)) = line.split_once(':') else {
        let t = lines::trim(line);
        let t = match t.split_once([' ', '\t']) {
            Some((name, v)) if name.to_ascii_lowercase().ends_with("serverconfigurationversion") => v.trim(),
            _ => t,
        };
        let v = t.bytes().all(|b| b.is_ascii_digit() || b == b'.').then(|| four_part(t)).flatten()?;
        return matches!(v.0[0], 1 | 2).then_some(v);
    };
    let key = lines::trim(key);
    if !["FileVersion", "ProductVersion", "Version", "DisplayVersion"].iter().any(|k| key.eq_ignore_ascii_case(k)) {
        return None;
    }
    let value = lines::trim(value);
    let v = four_part(value)?;
    matches!(v.0[0], 1 | 2).then_some(v)
}

/// Whether `s` has a digit, a dot and a digit in a row, as every build number does.
pub(crate) fn has_dotted_number(s: &str) -> bool {
    s.as_bytes().windows(3).any(|w| w[1] == b'.' && w[0].is_ascii_digit() && w[2].is_ascii_digit())
}

/// The words before the build that a sentence says is installed (`we're on 1.1.880`, `We
/// upgraded to 2.3.20.0 (from 2.2.8.0)`, `Version is 2.5.3.0`).
const VERBS: &[&str] = &[
    "upgraded to ",
    "upgrade to ",
    "updated to ",
    "update to ",
    "we're on ",
    "we are on ",
    "are on ",
    "is on ",
    "version is ",
    "running ",
    "installed ",
    " to ",
];

/// Whether the line has one of [`VERBS`] (lower-cased line).
pub(crate) fn says_installed_version(lower: &str) -> bool {
    VERBS.iter().any(|v| lower.contains(v))
}

/// A build after one of [`VERBS`]: four parts starting 1 or 2 (Connect's), or three starting
/// 1 (`1.1.880`, as admins write 1.x builds), unless it is a requirement (`or later`).
fn version_after_verb(s: &str) -> Option<ConnectVersion> {
    let lower = s.to_ascii_lowercase();
    VERBS.iter().find_map(|v| {
        let rest = &s[find(&lower, v)? + v.len()..];
        let rest = rest.trim_start_matches(['v', 'V']);
        let tok: &str = rest.split(|c: char| !(c.is_ascii_digit() || c == '.')).next().unwrap_or("").trim_end_matches('.');
        let parts: Vec<&str> = tok.split('.').collect();
        if parts.iter().any(|p| p.is_empty()) || !matches!(parts[0], "1" | "2") {
            return None;
        }
        match parts.len() {
            4 => four_part(rest),
            3 if parts[0] == "1" => {
                let after = rest[tok.len()..].trim_start().to_ascii_lowercase();
                let requirement = ["or ", "and ", "later", "after", "higher", "newer", "+"].iter().any(|w| after.starts_with(w));
                (!requirement).then(|| ConnectVersion::parse(&format!("{tok}.0")).ok()).flatten()
            }
            _ => None,
        }
    })
}

/// The product's names as they stand before a build number in events and logs.
const PRODUCTS: &[&str] = &[
    "azure ad sync",
    "aad sync",
    "azure ad connect",
    "aadconnect",
    "aad connect",
    "entra connect",
    "connect server",
    "synchronization services",
];

fn version_after_product(s: &str) -> Option<ConnectVersion> {
    let lower = s.to_ascii_lowercase();
    PRODUCTS.iter().find_map(|p| {
        let rest = &s[find(&lower, p)? + p.len()..];
        // The first digit starts the version; the words before it may only be the rest of a
        // product name (`Synchronization Services`, `Sync Tool`).
        let d = rest.find(|c: char| c.is_ascii_digit())?;
        // (And Programs and Features' publisher column: `Microsoft Azure AD Sync   Microsoft
        // Corporation   1.0.0494.0501`.)
        const NAME: &[&str] = &[
            "synchronization",
            "sync",
            "services",
            "service",
            "server",
            "tool",
            "engine",
            "-",
            "\u{2013}",
            "build",
            "v",
            "",
            "microsoft",
            "corporation",
        ];
        // (`Connect server (1.1.751.0)`: a parenthesis before the build.)
        let name = |w: &str| NAME.contains(&w.trim_end_matches(':').trim_matches(['(', ')']).to_ascii_lowercase().as_str());
        if d > 64 || !rest[..d].split_whitespace().all(name) {
            return None;
        }
        four_part(&rest[d..])
    })
}

/// A 4-part version at the start of `rest`, unless what follows makes it a requirement.
fn four_part(rest: &str) -> Option<ConnectVersion> {
    let tok: &str = rest.split(|c: char| !(c.is_ascii_digit() || c == '.')).next().unwrap_or("");
    let tok = tok.trim_end_matches('.');
    let after = rest[tok.len()..].trim_start().to_ascii_lowercase();
    // `version 1.1.614.0 or later` states a requirement, not what is installed.
    let requirement = ["or ", "and ", "later", "after", "higher", "newer", "+"].iter().any(|w| after.starts_with(w));
    if tok.split('.').count() != 4 || after.starts_with(", culture") || requirement {
        return None;
    }
    ConnectVersion::parse(tok).ok()
}

fn version_after_word(s: &str) -> Option<ConnectVersion> {
    let i = find_ci(s, "version")?;
    let rest = s.get(i + 7..)?;
    if rest.starts_with('=') {
        return None;
    }
    four_part(rest.trim_start_matches([':', ' ', '\t']))
}

/// Strips `WARNING:` and the like that PowerShell puts before stream output.
pub(crate) fn strip_stream(s: &str) -> &str {
    // Every prefix starts with one of these letters.
    if !matches!(s.as_bytes().first().map(u8::to_ascii_lowercase), Some(b'w' | b'v' | b'e' | b'a')) {
        return s;
    }
    for p in ["WARNING:", "VERBOSE:", "ERROR:", "WARNUNG:", "AVERTISSEMENT:"] {
        if starts_ci(s, p) {
            return s[p.len()..].trim_start();
        }
    }
    s
}

/// A command that asks the event log for event 654 (the heartbeat) over an hour or more, or
/// over the whole log: `Get-WinEvent -FilterHashtable @{…; Id=654; StartTime=(Get-Date).AddHours(-3)}`,
/// `Get-EventLog Application -InstanceId 654 -After (Get-Date).AddHours(-3)`.
pub(crate) fn heartbeat_query(cmd: &str) -> bool {
    if !(has_ci(cmd, "Get-WinEvent") || has_ci(cmd, "Get-EventLog")) {
        return false;
    }
    let asks_654 = cmd.match_indices("654").any(|(i, _)| {
        let b = cmd.as_bytes();
        let before = i.checked_sub(1).map(|j| b[j]);
        let after = b.get(i + 3).copied();
        !before.is_some_and(|c| c.is_ascii_alphanumeric()) && !after.is_some_and(|c| c.is_ascii_digit())
    });
    if !asks_654 {
        return false;
    }
    // The window: `.AddHours(-n)`, `.AddDays(-n)`, `.AddMinutes(-n)`; none is the whole log.
    let window = |unit: &str| {
        find_ci(cmd, unit).map(|i| {
            cmd[i + unit.len()..]
                .trim_start_matches([' ', '-'])
                .bytes()
                .take_while(u8::is_ascii_digit)
                .fold(0u64, |n, d| n.saturating_mul(10).saturating_add(u64::from(d - b'0')))
        })
    };
    match (window(".addminutes("), window(".addhours("), window(".adddays(")) {
        (None, None, None) => true,
        (m, h, d) => m.unwrap_or(0) >= 60 || h.unwrap_or(0) >= 1 || d.unwrap_or(0) >= 1,
    }
}

/// The answer of `Get-WinEvent` or `Get-EventLog` that no event matched: its error id (the same
/// in every language) or its English message.
pub(crate) fn no_events_found(line: &str) -> bool {
    contains(line, "NoMatchingEventsFound")
        || contains(line, "GetEventLogNoEntriesFound")
        || has_ci(line, "No events were found that match the specified selection criteria")
}

#[cfg(test)]
mod tests {

    #[test]
    fn heartbeat_queries() {
        assert!(heartbeat_query("Get-WinEvent -FilterHashtable @{LogName='Application'; Id=654; StartTime=(Get-Date).AddHours(-3)}"));
        assert!(heartbeat_query("Get-EventLog Application -InstanceId 653,654 -After (Get-Date).AddDays(-1)"));
        assert!(heartbeat_query("get-winevent -FilterHashtable @{LogName='Application';Id=654}"));
        assert!(heartbeat_query("Get-WinEvent -FilterHashtable @{LogName='Application'; Id=654; StartTime=(Get-Date).AddMinutes(-90)}"));
        // A window too short for a heartbeat, another event, no event log query.
        assert!(!heartbeat_query("Get-WinEvent -FilterHashtable @{LogName='Application'; Id=654; StartTime=(Get-Date).AddMinutes(-20)}"));
        assert!(!heartbeat_query("Get-WinEvent -FilterHashtable @{LogName='Application'; Id=6541}"));
        assert!(!heartbeat_query("Get-ADSyncConnector | ? Name -eq '654'"));
    }

    use super::*;

    #[test]
    fn connect_file_versions() {
        assert!(names_connect_file(r#"(Get-Item "C:\Program Files\Microsoft Azure AD Sync\Bin\miiserver.exe").VersionInfo | fl"#));
        assert!(names_connect_file(r"Get-ItemProperty 'HKLM:\SOFTWARE\Microsoft\Azure AD Connect'"));
        assert!(!names_connect_file(r"(Get-Item C:\Windows\System32\lsass.exe).VersionInfo"));
        assert_eq!(file_version("FileVersion     : 2.5.190.0").map(|v| v.0), Some([2, 5, 190, 0]));
        assert_eq!(file_version("ProductVersion : 1.6.16.0").map(|v| v.0), Some([1, 6, 16, 0]));
        assert_eq!(file_version("1.6.16.0 ").map(|v| v.0), Some([1, 6, 16, 0]));
        assert!(names_connect_file(
            "(Get-ADSyncGlobalSettings).Parameters | ? Name -eq 'Microsoft.Synchronize.ServerConfigurationVersion'"
        ));
        for no in [
            "Value",
            "-----",
            "1.6.16.0 build",
            "FileVersion : 10.0.17763.1",
            "FileVersion : 2.5",
            "FileDescription : 2.5.190.0",
            "FileVersion : 2.5.190.0 or later",
        ] {
            assert!(file_version(no).is_none(), "{no}");
        }
    }

    #[test]
    fn dotted_numbers() {
        for yes in ["2.5.3.0", "we're on 1.1.880", "v2.4 now", "x9.9"] {
            assert!(has_dotted_number(yes), "{yes}");
        }
        for no in ["", "no build", "2.", ".5", "1 . 1 . 614 . 0", "version 2 of 3", "2026-12-03"] {
            assert!(!has_dotted_number(no), "{no}");
        }
    }
    use crate::analysis::parse::{log_status::log_row, troubleshooter::domain_in_line};

    /// `negative` byte by byte.
    fn plain_negative(l: &str) -> bool {
        let b = l.as_bytes();
        let mut start = 0;
        for (i, &c) in b.iter().enumerate() {
            if is_word_byte(c) {
                continue;
            }
            if (c == b'\'' && i > 0 && b[i - 1] == b'n' && b.get(i + 1) == Some(&b't')) || neg_word(&b[start..i]) {
                return true;
            }
            start = i + 1;
        }
        neg_word(&b[start..])
    }

    proptest::proptest! {
        /// Lines of negation words, parts of them, `n't`, separators and characters that are not
        /// ASCII, around the 8-byte steps.
        #[test]
        fn negative_as_plain(parts in proptest::collection::vec(proptest::sample::select(vec![
            "not", "no", "none", "off", "failed", "unreachable", "n", "'", "t", "n't", "x", "_", "1", " ", ".", "\t", "\u{e9}", "\u{ff1a}", "\0",
        ]), 0..14)) {
            let l: String = parts.concat();
            proptest::prop_assert_eq!(negative(&l), plain_negative(&l));
        }
    }

    #[test]
    fn words_and_negations() {
        assert!(has_word("is not in staging mode", "not"));
        assert!(!has_word("nothing here", "not"));
        assert!(negative("password hash synchronization isn't enabled"));
        assert!(negative("no ping event found within last 3 hours."));
        assert!(!negative("latest heart beat event (within last 3 hours). time 3/2/2017"));
        assert!(!negative("password hash synchronization cloud configuration is enabled"));
        for n in NEG_WORDS {
            assert!(neg_word(n.as_bytes()), "{n}");
            assert!(negative(&format!("x {n}.")) && !negative(&format!("x {n}x")), "{n}");
        }
        assert!(!neg_word(b"nothing") && !neg_word(b""));
    }

    #[test]
    fn names() {
        assert_eq!(connector_name("Password Hash Synchronization is disabled for AD Connector - contoso.com"), Some("contoso.com"));
        assert_eq!(domain_in_line("Domain \"contoso.com\" is not reachable"), Some("contoso.com"));
        assert_eq!(domain_in_line("Unable to connect to domain fabrikam.com."), Some("fabrikam.com"));
        assert_eq!(domain_in_line("The domain is not reachable"), None);
        assert_eq!(tag_value("&lt;partition-name&gt;contoso.com&lt;/partition-name&gt;", "partition-name"), Some("contoso.com"));
        assert_eq!(connect_version("Microsoft Azure AD Connect version 1.1.614.0").map(|v| v.to_string()).as_deref(), Some("1.1.614.0"));
        assert_eq!(connect_version("Microsoft.Online, Version=1.0.0.0, Culture=neutral"), None);
        assert_eq!(connect_version("with version 1.1.614.0 or after, use the troubleshooting task"), None);
        let v = |s: &str| connect_version(s).map(|v| v.to_string());
        assert_eq!(v("Azure AD Sync 1.4.18.0").as_deref(), Some("1.4.18.0"));
        assert_eq!(v("Microsoft Azure AD Connect Synchronization Services 1.6.4.0").as_deref(), Some("1.6.4.0"));
        assert_eq!(v("Upgrade to Microsoft Entra Connect 2.4.129.0 or later"), None);
        assert_eq!(v("Microsoft Entra Connect, 2.4.129.0"), None);
        assert_eq!(v("Azure AD Connect sync services were restarted at 10.0.0.1"), None, "too far, and an address");
        // A sentence that says which build is installed.
        assert_eq!(v("We upgraded to 2.3.20.0 yesterday (from 2.2.8.0)").as_deref(), Some("2.3.20.0"));
        assert_eq!(v("we're on 1.1.880 (Azure AD Connect, installed 2018)").as_deref(), Some("1.1.880.0"));
        assert_eq!(v("Version is 2.5.3.0 - we upgraded manually").as_deref(), Some("2.5.3.0"));
        assert_eq!(v("you have to upgrade to 2.5.79.0 or later"), None, "a requirement");
        assert_eq!(v("we're on 2.6.0 of ADSyncTools"), None, "three parts only for 1.x");
        assert_eq!(v("running 10.0.17763.1 (Server 2019)"), None);
        assert_eq!(v("Upgraded Entra Connect from 2.2.8.0 to 2.3.20.0 yesterday").as_deref(), Some("2.3.20.0"));
        assert_eq!(log_row("3/2/2017 4:31:09 AM   FilteredByTarget  x").map(|(_, s)| s), Some("FilteredByTarget"));
        assert_eq!(log_row("3/2/2017 4:31:09 AM   611 Error"), None);
    }
}
