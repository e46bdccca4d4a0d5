//! The look-ups' tables, without the search: events outside the article's table, error pages
//! by key, number, hex or name. `search` reads them, and `lookup` (which filters with the
//! search) re-exports them, so neither imports the other back.

use std::fmt;

use crate::analysis::errors::{self as decoder, ErrorInfo, ERRORS};
use crate::knowledge::{self, EventInfo, FindingInfo, Text, UnknownEvent};
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
        for f in self.entries.iter().map(|e| e.finding.info()) {
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
