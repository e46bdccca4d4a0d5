//! The look-up pages' view-models: an event in the article's table, an event outside it
//! (`content/other_events.json`, with what is known and what the analysis reports for it), an
//! error decoded from `content/errors.json` by number, hex or name, and the filters of the
//! events, statuses and errors pages (typo-tolerant through [`crate::search`]).

use std::fmt;

use crate::analysis::errors::{self as decoder, ErrorInfo, ERRORS};
use crate::knowledge::{self, EventInfo, FindingInfo, StatusInfo, Text, UnknownEvent, EVENTS, STATUSES};
use crate::search::{self, Kind};
use crate::suggest;
use crate::text_keys;

/// Whether an event outside the table concerns password hash sync.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Concerns {
    Yes,
    No,
    /// It can carry a password hash sync error, or stop it indirectly.
    Sometimes,
}

/// An event that is not in the article's table but turns up next to password hash sync's.
#[derive(Debug, PartialEq, Eq)]
pub struct OtherEvent {
    pub id: u32,
    /// The event's Source in the log, when it is known.
    pub provider: Option<&'static str>,
    /// The feature that writes it.
    pub feature: &'static str,
    pub concerns_phs: Concerns,
    /// What is known about it, with its source.
    pub about: Text,
    /// The key of the error that decodes its known message.
    pub error: Option<&'static str>,
    /// The finding the analysis reports for the event alone (no message it recognises).
    pub analysis: Option<&'static str>,
}

include!(concat!(env!("OUT_DIR"), "/lookups.rs"));

impl OtherEvent {
    /// What the Analyze page reports for this event without a message it recognises.
    pub fn finding(&self) -> Option<&'static FindingInfo> {
        self.analysis.and_then(knowledge::finding)
    }

    /// The error page of its known message.
    pub fn error_page(&self) -> Option<ErrorPage> {
        self.error.and_then(|k| lookup_error(k).ok())
    }
}

/// What an event ID opens.
#[derive(Debug)]
pub enum EventLookup {
    /// In the article's table (or event 0, from its manual steps).
    Table(&'static EventInfo),
    /// Outside the table, but known.
    Other(&'static OtherEvent),
    /// Not known at all (with the nearest table IDs).
    Unknown(UnknownEvent),
}

/// Looks up an event ID given as text (`611`, `ID 6900`).
pub fn event(query: &str) -> EventLookup {
    match knowledge::lookup_event(query) {
        Ok(e) => EventLookup::Table(e),
        Err(err) => {
            let digits = query.trim().trim_start_matches(|c: char| c.is_ascii_alphabetic() || c == ' ' || c == ':');
            match digits.trim().parse::<u32>().ok().and_then(other_event) {
                Some(o) => EventLookup::Other(o),
                None => EventLookup::Unknown(err),
            }
        }
    }
}

pub fn other_event(id: u32) -> Option<&'static OtherEvent> {
    OTHER_EVENTS.iter().find(|e| e.id == id)
}

/// One error page: its key (`8453`, `90`, `event-115`) and its entries (one, or more when a
/// name has several known messages).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ErrorPage {
    pub key: &'static str,
    pub entries: Vec<&'static ErrorInfo>,
}

impl ErrorPage {
    pub fn first(&self) -> &'static ErrorInfo {
        self.entries[0]
    }

    /// The findings its entries lead to, once each, in order.
    pub fn findings(&self) -> Vec<&'static FindingInfo> {
        let mut out: Vec<&'static FindingInfo> = Vec::new();
        for f in self.entries.iter().filter_map(|e| knowledge::finding(e.finding)) {
            if !out.iter().any(|o| std::ptr::eq(*o, f)) {
                out.push(f);
            }
        }
        out
    }
}

/// The route key of an error (`8453`, `90`, `event-115`).
pub fn error_key(e: &ErrorInfo) -> &'static str {
    ERRORS.iter().position(|x| std::ptr::eq(x, e)).and_then(|i| ERROR_KEYS.get(i).copied()).unwrap_or("")
}

fn page(key: &'static str) -> ErrorPage {
    ErrorPage { key, entries: ERRORS.iter().zip(ERROR_KEYS).filter(|(_, k)| **k == key).map(|(e, _)| e).collect() }
}

/// Every error page, in the table's order.
pub fn error_pages() -> Vec<ErrorPage> {
    let mut keys: Vec<&'static str> = Vec::new();
    for k in ERROR_KEYS {
        if !keys.contains(k) {
            keys.push(k);
        }
    }
    keys.into_iter().map(page).collect()
}

/// Why an error look-up failed.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct UnknownError {
    pub query: String,
    pub suggestion: Option<&'static str>,
}

impl fmt::Display for UnknownError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let q: String = self.query.chars().filter(|c| !c.is_control()).take(40).collect();
        write!(f, "\"{q}\" is not an error PHS Doctor decodes")?;
        match self.suggestion {
            Some(s) => write!(f, "; did you mean {s}?"),
            None => write!(f, "; the errors page lists them all"),
        }
    }
}

/// Looks up an error by number (`8453`, `0x2105`, `0x80072105`, `RPC Error 8453`, `Error Code:
/// 90`), by name (`ERROR_DS_DRA_ACCESS_DENIED`, `AADSTS50054`, `System.IO.FileLoadException`,
/// case-insensitive) or by its key (`event-115`).
pub fn lookup_error(query: &str) -> Result<ErrorPage, UnknownError> {
    let q = query.trim();
    if let Some(e) = decoder::decode(q).or_else(|| decoder::parse_number(q).and_then(decoder::service)) {
        return Ok(page(error_key(e)));
    }
    let slug = text_keys::slug(q);
    let found =
        ERRORS.iter().zip(ERROR_KEYS).find(|(e, k)| **k == slug || e.name.eq_ignore_ascii_case(q) || text_keys::slug(e.name) == slug);
    match found {
        Some((_, k)) => Ok(page(k)),
        None => Err(UnknownError { query: q.to_string(), suggestion: suggest::closest(q, ERRORS.iter().map(|e| e.name)) }),
    }
}

/// The entries of `kind` that `query` finds, typo-tolerant (`hearbeat`): only the exact ids when
/// the query is one (`0x2105` is not also `0x2108`); `None` when the query has no word to search for.
fn found(query: &str, kind: Kind) -> Option<Vec<&'static str>> {
    if search::words_of(query).is_empty() {
        return None;
    }
    let hits = search::search_kind(query, kind);
    let exact = hits.first().is_some_and(search::Hit::exact);
    Some(hits.into_iter().filter(|h| !exact || h.exact()).map(|h| h.entry.key).collect())
}

/// The events table's filter: [`knowledge::filter_events`] (every word in the row, a number the
/// start of the ID), and when that finds nothing, the search's typo-tolerant matches (`hearbeat`,
/// `6111`), in the table's order.
pub fn filter_events(query: &str) -> Vec<&'static EventInfo> {
    let exact = knowledge::filter_events(query);
    if !exact.is_empty() {
        return exact;
    }
    match found(query, Kind::Event) {
        Some(keys) => EVENTS.iter().filter(|e| keys.iter().any(|k| *k == e.id.to_string())).collect(),
        None => exact,
    }
}

/// The statuses page's filter: all values for an empty query, else the values the search finds
/// (name, meaning or next step; typo-tolerant), in the article's order.
pub fn filter_statuses(query: &str) -> Vec<&'static StatusInfo> {
    match found(query, Kind::Status) {
        Some(keys) => STATUSES.iter().filter(|s| keys.contains(&s.name)).collect(),
        None => STATUSES.iter().collect(),
    }
}

/// The errors page's filter: every page for an empty query, else the pages the search finds
/// (number, hex, name, message or cause), in the table's order.
pub fn filter_errors(query: &str) -> Vec<ErrorPage> {
    let all = error_pages();
    match found(query, Kind::Error) {
        Some(keys) => all.into_iter().filter(|p| keys.contains(&p.key)).collect(),
        None => all,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::analysis;

    #[test]
    fn errors_open_by_number_hex_and_name() {
        for q in ["8453", "0x2105", "0X2105", "0x80072105", "RPC Error 8453", "ERROR_DS_DRA_ACCESS_DENIED", "error_ds_dra_access_denied"] {
            let p = lookup_error(q).unwrap_or_else(|e| panic!("{q}: {e}"));
            assert_eq!(p.key, "8453", "{q}");
            assert_eq!(p.first().name, "ERROR_DS_DRA_ACCESS_DENIED");
        }
        assert_eq!(lookup_error("Error Code: 90").unwrap().key, "90");
        assert_eq!(lookup_error("90").unwrap().key, "90");
        assert_eq!(lookup_error("event-115").unwrap().first().name, "Event 115");
        assert_eq!(lookup_error("aadsts50054").unwrap().first().name, "AADSTS50054");
        // Two messages of one exception: one page with both.
        assert_eq!(lookup_error("System.Net.WebException").unwrap().entries.len(), 2);
        let err = lookup_error("ERROR_DS_DRA_ACCES_DENIED").unwrap_err();
        assert_eq!(err.suggestion, Some("ERROR_DS_DRA_ACCESS_DENIED"));
        assert!(lookup_error("").is_err());
        assert!(lookup_error("12345678901234567890").is_err());
    }

    #[test]
    fn every_error_page_opens_by_its_key_and_keys_do_not_collide() {
        let pages = error_pages();
        assert!(pages.len() >= 20, "{}", pages.len());
        for p in &pages {
            assert_eq!(lookup_error(p.key).unwrap(), *p, "{}", p.key);
            assert!(!p.key.is_empty() && p.key.bytes().all(|b| b.is_ascii_alphanumeric() || b"-._".contains(&b)), "{}", p.key);
        }
        // A service code is never also an RPC code (both are plain numbers in a route).
        for e in ERRORS.iter().filter(|e| e.kind == analysis::ErrorKind::Service) {
            assert!(decoder::rpc(e.code).is_none(), "{}", e.code);
        }
    }

    #[test]
    fn events_outside_the_table_are_known_not_missing() {
        for id in ["6900", "6329", "33002", "115", "6000", "906"] {
            assert!(matches!(event(id), EventLookup::Other(_)), "{id}");
        }
        assert!(matches!(event("611"), EventLookup::Table(_)));
        assert!(matches!(event("608"), EventLookup::Unknown(_)));
        assert!(matches!(event("x"), EventLookup::Unknown(_)));
        assert_eq!(other_event(115).and_then(OtherEvent::error_page).map(|p| p.key), Some("event-115"));
    }

    /// The event page says what the Analyze page reports: each event outside the table, pasted
    /// alone (with its Source when it is known), gives exactly its `analysis` finding; with its
    /// known message, that message's finding.
    #[test]
    fn other_events_agree_with_the_analysis() {
        let titles = |text: &str| -> Vec<&'static str> { analysis::analyze(text).findings.iter().map(|f| f.title).collect() };
        for e in OTHER_EVENTS {
            let paste = |message: &str| {
                match e.provider {
                Some(p) => format!(
                    "Log Name:      Application\nSource:        {p}\nDate:          3/2/2017 4:30:09 AM\nEvent ID:      {}\nTask Category: None\nLevel:         Error\nDescription:\n{message}\n",
                    e.id
                ),
                None => format!(
                    "TimeCreated                      Id LevelDisplayName Message\n-----------                      -- ---------------- -------\n3/2/2017 4:31:09 AM {:>12} Error            {message}\n",
                    e.id
                ),
            }
            };
            let alone = titles(&paste("Something went wrong."));
            let expected: Vec<&str> = e.finding().map(|f| f.title).into_iter().collect();
            assert_eq!(alone, expected, "event {} alone", e.id);
            if let Some(p) = e.error_page() {
                let with = titles(&paste(p.first().message));
                let f = knowledge::finding(p.first().finding).unwrap();
                assert!(with.contains(&f.title), "event {} with {:?}: {with:?}", e.id, p.first().message);
            }
        }
    }

    include!(concat!(env!("OUT_DIR"), "/plain_check.rs"));

    /// Every event ID and error that a content text mentions is a link to its page, and every
    /// such link opens a page (not "not found"); no link is inside another.
    #[test]
    fn ids_in_texts_are_links_to_pages_that_exist() {
        let mut links = 0;
        for (html, _) in PLAIN_CHECK {
            let mut rest = *html;
            while let Some(i) = rest.find("<a class=\"ref\" href=\"#/") {
                rest = &rest[i + "<a class=\"ref\" href=\"#/".len()..];
                let (target, after) = rest.split_once('"').unwrap();
                let (kind, key) = target.split_once('/').unwrap();
                match kind {
                    "event" => assert!(!matches!(event(key), EventLookup::Unknown(_)), "{target} in {html}"),
                    "error" => assert!(lookup_error(key).is_ok(), "{target} in {html}"),
                    other => panic!("{other} in {html}"),
                }
                let (inner, _) = after.split_once("</a>").unwrap();
                assert!(!inner.contains("<a"), "a link inside a link in {html}");
                links += 1;
            }
        }
        assert!(links >= 40, "{links}");
        let html = |t: Text| t.html;
        let note = knowledge::event(611).and_then(|e| e.note).map(html).unwrap();
        assert!(note.contains("RPC Error <a class=\"ref\" href=\"#/error/8453\">8453</a>"), "{note}");
        let f = html(knowledge::finding("cloud-credentials").unwrap().explanation);
        for id in [0, 652, 655] {
            assert!(f.contains(&format!("href=\"#/event/{id}\">{id}</a>")), "{id}: {f}");
        }
        // A number that is not an event or error ID stays text: ports, minutes, counts.
        for (html, _) in PLAIN_CHECK {
            assert!(!html.contains("href=\"#/error/135\"") && !html.contains("href=\"#/event/30\""), "{html}");
        }
    }

    #[test]
    fn filters_tolerate_typos() {
        assert_eq!(filter_statuses("").len(), STATUSES.len());
        let names = |q: &str| filter_statuses(q).iter().map(|s| s.name).collect::<Vec<_>>();
        assert_eq!(names("TargetNotExportedToDirectory"), ["TargetNotExportedToDirectory"]);
        assert_eq!(names("TargetNotExportedToDirectry"), ["TargetNotExportedToDirectory"]);
        let ids = |q: &str| filter_events(q).iter().map(|e| e.id).collect::<Vec<_>>();
        assert!(ids("hearbeat").contains(&654), "{:?}", ids("hearbeat"));
        assert!(ids("6111").contains(&611), "{:?}", ids("6111"));
        assert_eq!(ids("611"), [611]);
        let keys = |q: &str| filter_errors(q).iter().map(|p| p.key).collect::<Vec<_>>();
        assert_eq!(keys("0x2105"), ["8453"]);
        assert!(keys("acces denied").contains(&"5"), "{:?}", keys("acces denied"));
    }
}
