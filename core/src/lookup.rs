//! The look-up pages' view-models: an event in the article's table, an event outside it
//! (`content/other_events.json`, with what is known and what the analysis reports for it), an
//! error decoded from `content/errors.json` by number, hex or name, and the filters of the
//! events, statuses and errors pages (typo-tolerant through [`crate::search`]).

use crate::analysis::errors as decoder;
use crate::knowledge::{self, EventInfo, StatusInfo, EVENTS, STATUSES};
use crate::search::{self, Kind};

pub use crate::lookup_tables::*;

/// A search entry's id as shown: `611`, `8453 (0x2105) ERROR_DS_DRA_ACCESS_DENIED`, a step's
/// path title (here, not in `search`, because an error's label is its page's first entry).
pub fn entry_label(entry: &search::Entry) -> String {
    match entry.kind {
        Kind::Error => match lookup_error(entry.key) {
            Ok(p) => {
                let e = p.first();
                match e.kind {
                    decoder::ErrorKind::Rpc => format!("{} (0x{:X}) {}", e.code, e.code, e.name),
                    decoder::ErrorKind::Service => format!("Error Code: {}", e.code),
                    decoder::ErrorKind::Message => e.name.to_string(),
                }
            }
            Err(_) => entry.key.to_string(),
        },
        Kind::Step => entry.step().map_or_else(String::new, |(p, _)| p.title.to_string()),
        Kind::Learn => entry.learn().map_or_else(String::new, |(p, _)| p.title.to_string()),
        _ => entry.key.to_string(),
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
    use crate::analysis::errors::ERRORS;
    use crate::knowledge::Text;

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
    /// alone (with its Source when it is known), gives exactly its `analysis` finding (or, for
    /// none, `nothing-wrong-found`); with its
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
            // Without a finding of its own, the Analyze page says it found nothing wrong.
            let expected = vec![e.finding().unwrap_or(crate::knowledge::FindingId::NothingWrongFound.info()).title];
            assert_eq!(alone, expected, "event {} alone", e.id);
            if let Some(p) = e.error_page() {
                let with = titles(&paste(p.first().message));
                let f = p.first().finding.info();
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
