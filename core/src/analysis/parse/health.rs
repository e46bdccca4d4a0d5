//! Microsoft Entra Connect Health alerts for the sync service, as text (the alert catalog's
//! titles, copied from the portal or a notification mail) and as the JSON the Connect Health
//! API returns (`…/syncServices/<id>/alerts`, one object per alert):
//!
//! ```text
//! {"id":"d12d…","alertLevel":"Error","alertState":"Active",…,
//!  "displayName":"Password Synchronization heartbeat was skipped in last 120 minutes.",…,
//!  "activeAlertDetails":[{"key":"Run Step Result","value":"no-start-connection"}],
//!  "createdDateTime":"2017-10-28T09:38:16.47Z","resolvedDateTime":"0001-01-01T00:00:00Z",
//!  "lastDetectedDateTime":"2017-11-01T14:33:53.14Z"}
//! ```
//!
//! The ARM form's names (`alertId`, `level`, `state`, `title`/`shortName`, `createdDate`,
//! `resolvedDate`, `lastUpdated`) are read too. An alert whose state is `Resolved…` or that has
//! a resolved date is no active fault. The heartbeat alert is judged against the heartbeats
//! pasted (`conflict.rs`); the titles of the existing text recognisers (heartbeat skipped,
//! stopped working) stay theirs on plain text lines.

use std::borrow::Cow;
use std::sync::OnceLock;

use crate::analysis::lines::Src;
use crate::analysis::scan::{contains, eq_ci, has_ci, starts_ci, Scanner};
use crate::analysis::time::{self, Timestamp};

/// What an alert is about, from its title (the catalog's current and earlier wording).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Kind {
    SyncService,
    EntraAuth,
    Heartbeat,
    PhsStopped,
    AccidentalDelete,
    ImportAd,
    ExportAd,
    ImportEntra,
    ExportEntra,
    /// Health service data not up to date, high CPU, high memory.
    Agent,
}

// The alerts' titles in other languages (`content/health.json`: Microsoft's localized alert
// catalog, and the Japanese support blog's current titles): `LOCALISED_TITLES`.
include!(concat!(env!("OUT_DIR"), "/health_titles.rs"));

/// A scanner of [`LOCALISED_TITLES`], built on first use.
fn titles() -> &'static Scanner<u16> {
    static SCANNER: OnceLock<Scanner<u16>> = OnceLock::new();
    SCANNER.get_or_init(|| Scanner::new_any(LOCALISED_TITLES.iter().enumerate().map(|(i, (t, _))| (t.to_string(), i as u16)).collect()))
}

/// The kind of a localised title in `text` (see [`LOCALISED_TITLES`]) and where it is: the
/// longest at the first place one starts.
pub(crate) fn localised_title(text: &str) -> Option<(Kind, usize, usize)> {
    let mut out = Vec::new();
    titles().scan_chars(text.as_bytes(), &mut out);
    let &(i, at, len) = out.iter().min_by_key(|(_, at, len)| (*at, std::cmp::Reverse(*len)))?;
    Some((LOCALISED_TITLES[usize::from(i)].1, at, len))
}

/// Whether a `Label: value` line says in another language that an alert is resolved: its value
/// starts with one of [`RESOLVED_WORDS`] (`Status: Opgelost`, `状態: 解決済み`). Short lines only.
pub(crate) fn says_resolved_localised(text: &str) -> bool {
    if text.len() > 120 {
        return false;
    }
    let Some((colon, width)) = [":", "\u{ff1a}"].iter().filter_map(|c| text.find(c).map(|i| (i, c.len()))).min() else {
        return false;
    };
    let value = text[colon + width..].trim();
    if colon == 0 || colon > 40 || value.is_empty() || value.len() > 60 {
        return false;
    }
    let value = value.to_lowercase();
    // Turkish `çözümlenmemiş` is "not resolved".
    !value.starts_with("çözümlenme") && RESOLVED_WORDS.iter().any(|w| value.starts_with(w))
}

/// The localised titles that are ASCII (`Wachtwoord-hashsynchronisatie is gestopt`): the line
/// scanner looks for them (the others are looked for in lines that are not ASCII).
pub(crate) fn ascii_titles() -> impl Iterator<Item = &'static str> {
    LOCALISED_TITLES.iter().map(|(t, _)| *t).filter(|t| t.is_ascii())
}

/// The kind of an alert title (any case; `\u0027` as the JSON of `'`).
pub(crate) fn kind_of(title: &str) -> Option<Kind> {
    if title.len() > 400 {
        return None;
    }
    if let Some((k, _, _)) = localised_title(title) {
        return Some(k);
    }
    let mut l = title.to_ascii_lowercase();
    if contains(&l, "\\u0027") {
        l = l.replace("\\u0027", "'");
    }
    if !TITLE_WORDS.iter().any(|w| contains(&l, w)) {
        return None;
    }
    kind_of_lower(&l)
}

/// Every title [`kind_of_lower`] knows has one of these words (each kind's first words, and
/// ` failed` for the Entra ones): a line with none (most, such as a heartbeat's time) is none.
const TITLE_WORDS: [&str; 6] = ["servic", "fail", "stopped", "skipped", "accidental", "high "];

/// [`kind_of`] of the lower-cased title.
fn kind_of_lower(l: &str) -> Option<Kind> {
    let any = |ws: &[&str]| ws.iter().any(|w| contains(l, w));
    // Asked only where a title names a failure (most titles name none).
    let entra = || any(&["microsoft entra id", "azure active directory", "azure ad", "aad"]);
    Some(if any(&["sync service isn't running", "sync service is not running", "servicenotrunning"]) {
        Kind::SyncService
    } else if any(&["failed due to authentication failure"]) && entra() {
        Kind::EntraAuth
    } else if any(&["heartbeat was skipped"]) {
        Kind::Heartbeat
    } else if any(&["synchronization stopped working", "synchronization has stopped working"]) && any(&["password"]) {
        Kind::PhsStopped
    } else if any(&["accidental delete threshold", "stopped-deletion-threshold-exceeded"]) {
        Kind::AccidentalDelete
    } else if any(&["import from active directory failed"]) {
        Kind::ImportAd
    } else if any(&["export to active directory failed"]) {
        Kind::ExportAd
    } else if any(&["import from "]) && any(&[" failed"]) && entra() {
        Kind::ImportEntra
    } else if any(&["export to "]) && any(&[" failed"]) && entra() {
        Kind::ExportEntra
    } else if any(&[
        "health service data is not up to date",
        "health service data isn't up to date",
        "high cpu usage",
        "high memory consumption",
    ]) {
        Kind::Agent
    } else {
        return None;
    })
}

/// An alert being read.
#[derive(Debug, Default)]
pub(crate) struct Alert<'a> {
    pub first: usize,
    pub last: usize,
    pub title: Option<(Cow<'a, str>, usize)>,
    pub state: Option<(Cow<'a, str>, usize)>,
    pub level: Option<Cow<'a, str>>,
    pub created: Option<Timestamp>,
    pub resolved: Option<Timestamp>,
    pub last_detected: Option<Timestamp>,
    /// `Run Step Result` (`no-start-connection`) and its line.
    pub run_step: Option<(Cow<'a, str>, usize)>,
    pub partition: Option<Cow<'a, str>>,
    /// A line of the text alert after its title that repeats its words (its run's status).
    pub more: Option<usize>,
    /// The object's depth in the JSON (its keys').
    depth: i32,
    /// Inside `activeAlertDetails` (not `resolvedAlertDetails`).
    active_details: bool,
    detail_key: Option<String>,
}

impl<'a> Alert<'a> {
    pub fn text(title: Cow<'a, str>, line: usize) -> Alert<'a> {
        Alert { first: line, last: line, title: Some((title, line)), ..Alert::default() }
    }

    fn is_empty(&self) -> bool {
        self.title.is_none() && self.state.is_none()
    }

    /// The alert's kind, from its title.
    pub fn kind(&self) -> Option<Kind> {
        self.title.as_ref().and_then(|(t, _)| kind_of(t))
    }

    /// Resolved: a `Resolved…` state or a resolved date (the API writes 0001-01-01 for none).
    pub fn resolved(&self) -> bool {
        self.state.as_ref().is_some_and(|(s, _)| starts_ci(s, "resolved")) || self.resolved.is_some()
    }

    /// When the condition was last seen: last detected, else created.
    pub fn seen(&self) -> Option<Timestamp> {
        self.last_detected.or(self.created)
    }

    /// The state's line, or the run step result's (evidence besides the title).
    pub fn detail_line(&self) -> Option<usize> {
        self.run_step.as_ref().map(|(_, l)| *l).or(self.state.as_ref().map(|(_, l)| *l)).or(self.more)
    }

    /// `no-start-connection` on a text line after an import or export alert.
    pub fn note_run_step(&mut self, src: Src<'a>, value: &str, line: usize) {
        self.run_step = Some((src.cow(value), line));
        self.last = self.last.max(line);
    }
}

/// A JSON string's text for display: `\u0027`, `\"`, `\\` and `\/` unescaped (the titles
/// ConvertTo-Json writes), borrowed when there is nothing to unescape.
pub(crate) fn unescape(v: Cow<'_, str>) -> Cow<'_, str> {
    if !v.contains('\\') {
        return v;
    }
    Cow::Owned(v.replace("\\u0027", "'").replace("\\\"", "\"").replace("\\/", "/").replace("\\\\", "\\"))
}

/// A timestamp of the API (`0001-01-01T00:00:00Z` is none).
fn date(v: &str) -> Option<Timestamp> {
    time::parse_prefix(v).map(|(t, _)| t).filter(|t| t.year > 1)
}

/// Reads Connect Health alert JSON line by line: strings and nesting carried across lines.
#[derive(Debug, Default)]
pub(crate) struct Json<'a> {
    in_string: bool,
    /// The open string is a key.
    string_is_key: bool,
    depth: i32,
    key: Option<(usize, usize)>,
    pub alert: Alert<'a>,
    /// Consecutive blank lines.
    pub blanks: usize,
}

/// Whether a line starts Connect Health alert JSON: JSON-shaped and with an alert key.
pub(crate) fn starts_json(text: &str) -> bool {
    let t = text.trim_start();
    matches!(t.as_bytes().first(), Some(b'{' | b'[' | b'"' | b','))
        && (has_ci(t, "\"alertstate\"") || has_ci(t, "\"alertlevel\"") || has_ci(t, "\"alertid\""))
}

/// Whether a line continues JSON (in a string, or starting with JSON punctuation).
pub(crate) fn continues_json(json: &Json<'_>, text: &str) -> bool {
    json.in_string || matches!(text.trim_start().as_bytes().first(), Some(b'{' | b'}' | b'[' | b']' | b'"' | b','))
}

impl<'a> Json<'a> {
    /// Reads one line; returns the alerts it finished.
    pub fn line(&mut self, src: Src<'a>, text: &str, line: usize, done: &mut Vec<Alert<'a>>) {
        self.blanks = 0;
        let b = text.as_bytes();
        let mut i = 0;
        let mut start = 0;
        while i < b.len() {
            let c = b[i];
            if self.in_string {
                match c {
                    b'\\' => i += 1,
                    b'"' => {
                        self.in_string = false;
                        let s = &text[start..i];
                        if self.string_is_key {
                            self.key = Some((start, i));
                        } else if let Some((ks, ke)) = self.key.take() {
                            self.pair(src, &text[ks..ke], s, line, done);
                        }
                    }
                    _ => {}
                }
                i += 1;
                continue;
            }
            match c {
                b'"' => {
                    self.in_string = true;
                    // A string right after a key and its colon is the key's value.
                    self.string_is_key = self.key.is_none();
                    start = i + 1;
                }
                b'{' | b'[' => {
                    if let Some((ks, ke)) = self.key.take() {
                        let k = &text[ks..ke];
                        if eq_ci(k.as_bytes(), b"activealertdetails") || eq_ci(k.as_bytes(), b"activealertproperties") {
                            self.alert.active_details = true;
                        } else if starts_ci(k, "resolvedalert") {
                            self.alert.active_details = false;
                        }
                    }
                    self.depth += 1;
                }
                b'}' | b']' => {
                    self.key = None;
                    self.depth -= 1;
                    if !self.alert.is_empty() && self.depth < self.alert.depth {
                        done.push(std::mem::take(&mut self.alert));
                    }
                }
                b',' => self.key = None,
                b':' => {}
                c if c.is_ascii_alphanumeric() || c == b'-' => {
                    // A literal value (number, true, false, null).
                    let s = i;
                    while i < b.len() && !matches!(b[i], b',' | b'}' | b']' | b' ' | b'\t') {
                        i += 1;
                    }
                    if let Some((ks, ke)) = self.key.take() {
                        self.pair(src, &text[ks..ke], &text[s..i], line, done);
                    }
                    continue;
                }
                _ => {}
            }
            i += 1;
        }
        // Offsets are this line's: a key (or a string cut at the end of the line) goes no further.
        self.key = None;
        self.string_is_key = false;
        if !self.alert.is_empty() {
            self.alert.last = self.alert.last.max(line);
        }
    }

    fn pair(&mut self, src: Src<'a>, k: &str, v: &str, line: usize, done: &mut Vec<Alert<'a>>) {
        let key = k.to_ascii_lowercase();
        if key == "id" || key == "alertid" {
            if !self.alert.is_empty() && self.depth <= self.alert.depth {
                done.push(std::mem::take(&mut self.alert));
            }
            if self.alert.is_empty() {
                self.alert = Alert { first: line, last: line, depth: self.depth, ..Alert::default() };
            }
            return;
        }
        let a = &mut self.alert;
        match key.as_str() {
            "alertlevel" | "level" => a.level = Some(src.cow(v)),
            "alertstate" | "state" => a.state = Some((src.cow(v), line)),
            "displayname" => a.title = Some((src.cow(v), line)),
            "title" | "shortname" if a.title.is_none() && self.depth <= a.depth => a.title = Some((src.cow(v), line)),
            "createddatetime" | "createddate" => a.created = date(v),
            "resolveddatetime" | "resolveddate" => a.resolved = date(v),
            "lastdetecteddatetime" | "lastupdated" => a.last_detected = date(v),
            "key" => a.detail_key = Some(v.to_ascii_lowercase()),
            "value" if a.active_details => match a.detail_key.take().as_deref() {
                Some("run step result") => a.run_step = Some((src.cow(v), line)),
                Some("directory partition") => a.partition = Some(src.cow(v)),
                _ => {}
            },
            _ => {}
        }
        if a.first == 0 {
            a.first = line;
            a.depth = self.depth;
        }
    }

    /// The alert being read, finished (at the end of the JSON).
    pub fn finish(&mut self) -> Option<Alert<'a>> {
        (!self.alert.is_empty()).then(|| std::mem::take(&mut self.alert))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    proptest::proptest! {
        /// Titles made of the kinds' words: a title of any kind has one of `TITLE_WORDS`.
        #[test]
        fn every_kind_has_a_title_word(parts in proptest::collection::vec(proptest::sample::select(vec![
            "sync service isn't running", "sync service is not running", "servicenotrunning", "failed due to authentication failure",
            "heartbeat was skipped", "synchronization stopped working", "synchronization has stopped working", "password",
            "accidental delete threshold", "stopped-deletion-threshold-exceeded", "import from active directory failed",
            "export to active directory failed", "import from ", "export to ", " failed", "microsoft entra id", "azure active directory",
            "azure ad", "aad", "health service data is not up to date", "health service data isn't up to date", "high cpu usage",
            "high memory consumption", "sync service", "health service", "x", " ",
        ]), 0..6)) {
            let l: String = parts.concat();
            if kind_of_lower(&l).is_some() {
                proptest::prop_assert!(TITLE_WORDS.iter().any(|w| l.contains(w)), "{l:?}");
            }
            proptest::prop_assert_eq!(kind_of(&l), kind_of_lower(&l));
        }
    }

    #[test]
    fn titles() {
        let k = kind_of;
        assert_eq!(k("Microsoft Entra Connect Sync Service isn't running"), Some(Kind::SyncService));
        assert_eq!(k("Azure AD Connect Sync Service is not running"), Some(Kind::SyncService));
        assert_eq!(k("Microsoft Entra Connect Sync Service isn\\u0027t running"), Some(Kind::SyncService));
        assert_eq!(k("Connection to Microsoft Entra ID failed due to authentication failure"), Some(Kind::EntraAuth));
        assert_eq!(k("Password Synchronization heartbeat was skipped in last 120 minutes."), Some(Kind::Heartbeat));
        assert_eq!(k("Password Hash Synchronization stopped working"), Some(Kind::PhsStopped));
        assert_eq!(k("Export to Microsoft Entra ID was Stopped. Accidental delete threshold was reached"), Some(Kind::AccidentalDelete));
        assert_eq!(k("Import from Active Directory failed."), Some(Kind::ImportAd));
        assert_eq!(k("Export to Active Directory failed."), Some(Kind::ExportAd));
        assert_eq!(k("Import from Microsoft Entra ID failed"), Some(Kind::ImportEntra));
        assert_eq!(k("Export to Azure Active Directory failed."), Some(Kind::ExportEntra));
        assert_eq!(k("High CPU Usage detected"), Some(Kind::Agent));
        assert_eq!(k("The SSL Certificate is about to expire"), None);
        assert_eq!(unescape(Cow::Borrowed(r#"isn\u0027t \"x\" a\/b"#)), "isn't \"x\" a/b");
        assert!(matches!(unescape(Cow::Borrowed("plain")), Cow::Borrowed(_)));
    }

    #[test]
    fn json_alerts() {
        let text = r#"      "id":"d12d","alertLevel":"Error","alertState":"Active","displayName":"Password Synchronization heartbeat was skipped in last 120 minutes.","remediation":"\n      <p>
       Please note \"x\" that.\n","activeAlertDetails":[
        {
          "key":"Run Step Result","value":"no-start-connection"
        }
      ],"resolvedAlertDetails":[{"key":"Run Step Result","value":"success"}],"createdDateTime":"2017-10-28T09:38:16.4751552Z","resolvedDateTime":"0001-01-01T00:00:00Z","lastDetectedDateTime":"2017-11-01T14:33:53.1485094Z"
    },{
      "id":"1834","alertLevel":"Error","alertState":"ResolvedByPositiveResult","displayName":"Azure AD Connect Sync Service is not running","createdDateTime":"2017-08-15T02:48:16.6367737Z","resolvedDateTime":"2017-08-15T03:35:13.1936858Z"}
  ]"#;
        let mut j = Json::default();
        let mut done = Vec::new();
        for (n, l) in text.lines().enumerate() {
            j.line(Src(text), l, n + 1, &mut done);
        }
        assert_eq!(done.len(), 2, "{done:?}");
        let a = &done[0];
        assert_eq!(a.kind(), Some(Kind::Heartbeat));
        assert!(!a.resolved());
        assert_eq!(a.run_step.as_ref().map(|(v, l)| (v.as_ref(), *l)), Some(("no-start-connection", 4)));
        assert_eq!(a.seen().map(|t| t.text()).as_deref(), Some("2017-11-01 14:33:53"));
        assert_eq!((a.first, a.last), (1, 6));
        let b = &done[1];
        assert_eq!(b.kind(), Some(Kind::SyncService));
        assert!(b.resolved());
        assert!(j.finish().is_none());
    }
}
