//! Search over the knowledge: events (in the table and outside it), status values, decoded
//! errors (numbers, hex, names), findings, documented results, guided-path steps and the
//! sections of the Learn pages.
//!
//! The index is built from `content/` at build time (`core/build.rs`, `search_index`): one
//! [`Entry`] per thing that has a page, and every word of the entries' titles and texts (sorted,
//! packed in one string) with the entries it is in (`entry << 1 | 1` when the word is in the
//! entry's title or id). Both sides cut text into words with `text_keys::words`.
//!
//! Ranking: an exact id (`611`, `0x2105`, `ERROR_DS_DRA_ACCESS_DENIED`, `TargetNotExportedToDirectory`)
//! first, then an id the query starts, then an id one typo away (`6111`); then entries that
//! contain every word of the query, a word matching exactly, as the start of a word, or one typo
//! away (two for long words: `hearbeat`), a title word counting more, a Learn section's words
//! two thirds. Ties keep the kinds' order (events, errors, statuses, findings, results, steps,
//! Learn sections) and the content's.

use crate::analysis::errors as decoder;
use crate::text_keys;

/// What an entry is; the app opens each kind's page.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Kind {
    Event,
    Error,
    Status,
    Finding,
    Result,
    Step,
    /// A section of a Learn page (`page/anchor`, or `page` for its lead).
    Learn,
}

impl Kind {
    fn rank(self) -> u8 {
        self as u8
    }
}

/// One searchable thing. Its label and title are read from the knowledge ([`Entry::label`],
/// [`Entry::title`]), not stored twice.
#[derive(Debug, PartialEq, Eq)]
pub struct Entry {
    pub kind: Kind,
    /// What opens it and its exact id: the event ID, status name, error key, finding or result
    /// id, or `path/node` of a step (a step has no id to type).
    pub key: &'static str,
    /// Other exact ids (an error's hex value and name).
    pub keys: &'static [&'static str],
}

include!(concat!(env!("OUT_DIR"), "/search.rs"));

impl Entry {
    /// One line about it: the event's description (or feature), the value's meaning, the
    /// error's message, the finding's or result's title, the step's first sentence.
    pub fn title(&self) -> String {
        use crate::knowledge;
        match self.kind {
            Kind::Event => {
                let id = self.key.parse().unwrap_or(u32::MAX);
                knowledge::event(id)
                    .map(|e| e.description)
                    .or_else(|| crate::lookup_tables::other_event(id).map(|o| o.feature))
                    .unwrap_or_default()
                    .to_string()
            }
            Kind::Status => knowledge::status(self.key).map(|s| s.description.plain_for_page()).unwrap_or_default(),
            Kind::Error => crate::lookup_tables::lookup_error(self.key).map(|p| p.first().message.to_string()).unwrap_or_default(),
            Kind::Finding => knowledge::finding(self.key).map(|f| f.title.to_string()).unwrap_or_default(),
            Kind::Result => knowledge::result(self.key).map(|r| r.title.to_string()).unwrap_or_default(),
            Kind::Step => self.step().map(|(_, n)| first_sentence(&n.text.plain_for_page())).unwrap_or_default(),
            Kind::Learn => self.learn().map(|(_, s)| s.title.to_string()).unwrap_or_default(),
        }
    }

    /// The page and section of a Learn entry.
    pub fn learn(&self) -> Option<(&'static crate::learn::Page, &'static crate::learn::Section)> {
        (self.kind == Kind::Learn).then(|| crate::learn::section(crate::learn::link_of_key(self.key))).flatten()
    }

    /// The path and node of a step entry.
    pub fn step(&self) -> Option<(&'static crate::knowledge::PathInfo, &'static crate::knowledge::Node)> {
        let (p, n) = self.key.split_once('/')?;
        let path = crate::knowledge::path(p)?;
        Some((path, path.node(n)?))
    }
}

/// The first sentence of `text` (at most about 140 characters).
fn first_sentence(text: &str) -> String {
    let line = text.lines().next().unwrap_or("");
    match line.find(". ") {
        Some(i) if i < 140 => line[..=i].to_string(),
        _ if line.chars().count() > 140 => format!("{}\u{2026}", line.chars().take(139).collect::<String>()),
        _ => line.to_string(),
    }
}

/// The `i`th word of the index (sorted).
fn word(i: usize) -> &'static str {
    let start = if i == 0 { 0 } else { usize::from(WORD_ENDS[i - 1]) };
    WORD_TEXT.get(start..usize::from(WORD_ENDS[i])).unwrap_or("")
}

/// The entries the `i`th word is in.
fn postings(i: usize) -> &'static [u16] {
    let start = if i == 0 { 0 } else { usize::from(POSTING_ENDS[i - 1]) };
    POSTINGS.get(start..usize::from(POSTING_ENDS[i])).unwrap_or(&[])
}

/// A ranked result.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Hit {
    pub entry: &'static Entry,
    pub score: u32,
}

impl Hit {
    /// The whole query is this entry's id.
    pub fn exact(&self) -> bool {
        self.score >= EXACT_ID
    }
}

const EXACT_ID: u32 = 100_000;
const ID_PREFIX: u32 = 20_000;
const ID_TYPO: u32 = 5_000;
const WORD_EXACT: u32 = 100;
const WORD_PREFIX: u32 = 60;
const WORD_TYPO: u32 = 35;
/// Queries are cut here; nobody types a longer one into a search box.
const MAX_QUERY: usize = 200;

/// The query's search words (stop words dropped), at most eight.
pub fn words_of(query: &str) -> Vec<String> {
    let mut w = text_keys::words(query.get(..MAX_QUERY.min(query.len())).unwrap_or(query));
    w.dedup();
    w.truncate(8);
    w
}

/// The `limit` best entries for `query`, best first.
pub fn search(query: &str, limit: usize) -> Vec<Hit> {
    let mut hits = ranked(query, None);
    hits.truncate(limit);
    hits
}

/// Every entry of `kind` that `query` finds, best first.
pub fn search_kind(query: &str, kind: Kind) -> Vec<Hit> {
    ranked(query, Some(kind))
}

fn ranked(query: &str, only: Option<Kind>) -> Vec<Hit> {
    let q = query.trim();
    let q = match q.char_indices().nth(MAX_QUERY) {
        Some((i, _)) => &q[..i],
        None => q,
    };
    if q.is_empty() {
        return Vec::new();
    }
    let mut scores = vec![0u32; ENTRIES.len()];
    id_scores(q, &mut scores);
    let words = words_of(q);
    if !words.is_empty() {
        let mut total = vec![0u32; ENTRIES.len()];
        let mut all = vec![true; ENTRIES.len()];
        let mut best = vec![0u32; ENTRIES.len()];
        for w in &words {
            best.iter_mut().for_each(|b| *b = 0);
            word_scores(w, &mut best);
            for i in 0..ENTRIES.len() {
                if best[i] == 0 {
                    all[i] = false;
                } else {
                    total[i] += best[i];
                }
            }
        }
        for i in 0..ENTRIES.len() {
            if all[i] {
                // A Learn section is background, not an answer: its words count two thirds.
                scores[i] += if ENTRIES[i].kind == Kind::Learn { total[i] * 2 / 3 } else { total[i] };
            }
        }
    }
    let mut hits: Vec<Hit> = ENTRIES
        .iter()
        .zip(scores)
        .filter(|(e, s)| *s > 0 && only.is_none_or(|k| e.kind == k))
        .map(|(entry, score)| Hit { entry, score })
        .collect();
    // Stable: equal scores keep the kinds' and the content's order.
    crate::order::sort_by(&mut hits, |a, b| b.score.cmp(&a.score).then(a.entry.kind.rank().cmp(&b.entry.kind.rank())));
    hits
}

/// Scores for ids: the whole query equal to an entry's id, its start, or one typo away.
fn id_scores(q: &str, scores: &mut [u32]) {
    let lower = q.to_ascii_lowercase();
    let slug = text_keys::slug(q);
    // `RPC Error 8453`, `0x80072105`, `Error Code: 90`: the decoder's reading of the number.
    let decoded = decoder::decode(q).map(crate::lookup_tables::error_key);
    for (i, e) in ENTRIES.iter().enumerate() {
        let mut s = 0;
        if decoded.is_some_and(|k| e.kind == Kind::Error && e.key == k) {
            s = EXACT_ID;
        }
        if e.kind != Kind::Step && e.kind != Kind::Learn {
            for k in std::iter::once(&e.key).chain(e.keys) {
                let this = if k.eq_ignore_ascii_case(&lower) || k.eq_ignore_ascii_case(&slug) {
                    EXACT_ID
                } else if lower.len() >= 2 && k.len() >= lower.len() && k.as_bytes()[..lower.len()].eq_ignore_ascii_case(lower.as_bytes()) {
                    // The closer the prefix is to the whole id, the better.
                    ID_PREFIX - (k.len() - lower.len()).min(100) as u32
                } else if lower.len() >= 3 && within(lower.as_bytes(), k.to_ascii_lowercase().as_bytes(), 1) {
                    ID_TYPO
                } else {
                    0
                };
                s = s.max(this);
            }
        }
        scores[i] = s;
    }
}

/// The best score of `w` in each entry: a word equal to it, starting with it, or a typo away.
fn word_scores(w: &str, best: &mut [u32]) {
    let wb = w.as_bytes();
    let typos = match wb.len() {
        0..=3 => 0,
        4..=7 => 1,
        _ => 2,
    };
    // Words starting with `w` are one range of the sorted list.
    let n = WORD_ENDS.len();
    let (mut lo, mut hi) = (0, n);
    while lo < hi {
        let mid = (lo + hi) / 2;
        if word(mid) < w {
            lo = mid + 1;
        } else {
            hi = mid;
        }
    }
    let mut credit = |i: usize, score: u32| {
        for &p in postings(i) {
            let e = usize::from(p >> 1);
            let s = if p & 1 == 1 { score + score / 2 } else { score };
            if let Some(b) = best.get_mut(e) {
                *b = (*b).max(s);
            }
        }
    };
    for i in lo..n {
        let x = word(i);
        if !x.starts_with(w) {
            break;
        }
        credit(i, if x == w { WORD_EXACT } else { WORD_PREFIX });
    }
    if typos > 0 {
        for i in 0..n {
            let x = word(i);
            if !x.starts_with(w) && within(wb, x.as_bytes(), typos) {
                credit(i, WORD_TYPO);
            }
        }
    }
}

/// Whether `a` and `b` are at most `k` edits apart (insertions, deletions, substitutions and
/// swaps of two neighbours), in O(len · k) with an early exit.
fn within(a: &[u8], b: &[u8], k: usize) -> bool {
    if a.len().abs_diff(b.len()) > k {
        return false;
    }
    if a.len() > 64 || b.len() > 64 {
        return false;
    }
    // Optimal string alignment distance, rows kept in fixed arrays.
    let n = b.len();
    let mut prev2 = [0usize; 65];
    let mut prev = [0usize; 65];
    let mut cur = [0usize; 65];
    for (j, p) in prev.iter_mut().enumerate().take(n + 1) {
        *p = j;
    }
    for i in 1..=a.len() {
        cur[0] = i;
        let mut row_min = cur[0];
        for j in 1..=n {
            let cost = usize::from(a[i - 1] != b[j - 1]);
            let mut d = (prev[j - 1] + cost).min(prev[j] + 1).min(cur[j - 1] + 1);
            if i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1] {
                d = d.min(prev2[j - 2] + 1);
            }
            cur[j] = d;
            row_min = row_min.min(d);
        }
        if row_min > k {
            return false;
        }
        prev2[..=n].copy_from_slice(&prev[..=n]);
        prev[..=n].copy_from_slice(&cur[..=n]);
    }
    prev[n] <= k
}

#[cfg(test)]
mod tests {
    use super::*;

    fn top(q: &str) -> (Kind, &'static str) {
        let h = search(q, 8);
        let first = h.first().unwrap_or_else(|| panic!("{q}: no result"));
        (first.entry.kind, first.entry.key)
    }

    fn keys(q: &str) -> Vec<&'static str> {
        search(q, 8).iter().map(|h| h.entry.key).collect()
    }

    #[test]
    fn an_exact_id_comes_first() {
        assert_eq!(top("611"), (Kind::Event, "611"));
        assert_eq!(top("6900"), (Kind::Event, "6900"));
        assert_eq!(top("8453"), (Kind::Error, "8453"));
        assert_eq!(top("0x2105"), (Kind::Error, "8453"));
        assert_eq!(top("0x80072105"), (Kind::Error, "8453"));
        assert_eq!(top("RPC Error 1722"), (Kind::Error, "1722"));
        assert_eq!(top("ERROR_DS_DRA_ACCESS_DENIED"), (Kind::Error, "8453"));
        assert_eq!(top("error_ds_dra_access_denied"), (Kind::Error, "8453"));
        assert_eq!(top("TargetNotExportedToDirectory"), (Kind::Status, "TargetNotExportedToDirectory"));
        assert_eq!(top("AADSTS50054"), (Kind::Error, "aadsts50054"));
        // A finding and a result share this id: both come first.
        assert_eq!(keys("staging-mode")[..2], ["staging-mode", "staging-mode"]);
    }

    #[test]
    fn ids_match_by_prefix() {
        // `61` starts 610–619: the table's events, nearest the whole id first.
        let k = keys("61");
        assert!(k.iter().take(5).all(|k| k.starts_with("61")), "{k:?}");
        assert_eq!(top("TargetNotExp"), (Kind::Status, "TargetNotExportedToDirectory"));
        assert_eq!(top("ERROR_DS_DRA_ACC"), (Kind::Error, "8453"));
    }

    #[test]
    fn typos_are_tolerated() {
        // One digit too many: the id one edit away.
        assert!(keys("6111").contains(&"611"), "{:?}", keys("6111"));
        // A letter left out of a long word.
        let h = search("hearbeat", 8);
        assert!(h.iter().any(|h| h.entry.kind == Kind::Event && h.entry.key == "654"), "{h:?}");
        // Two letters swapped.
        assert!(keys("staigng mode").contains(&"staging-mode"), "{:?}", keys("staigng mode"));
        // Short words are not fuzzed: `ssl` does not find `sql`.
        assert!(search("ssl", 8).iter().all(|h| !h.entry.title().to_ascii_lowercase().contains("sql")));
    }

    #[test]
    fn every_word_must_match() {
        // The exact id first; the others have both words in their title or text (a finding whose
        // explanation names the heartbeat event 654, for example).
        let hits = search("heartbeat 654", 8);
        assert_eq!(hits.first().map(|h| h.entry.key), Some("654"), "{hits:?}");
        assert!(search("heartbeat zzzzqqq", 8).is_empty());
    }

    #[test]
    fn words_find_titles_before_texts() {
        let h = search("permissions", 8);
        assert!(!h.is_empty());
        assert!(h[0].entry.title().to_ascii_lowercase().contains("permission"), "{h:?}");
    }

    #[test]
    fn learn_sections_are_found() {
        // A section's heading words find it, typo or not; its key opens it.
        let h = search("heartbeat every 30 minutes", 8);
        let learn: Vec<&str> = h.iter().filter(|h| h.entry.kind == Kind::Learn).map(|h| h.entry.key).collect();
        assert_eq!(learn.first(), Some(&"how-phs-works/heartbeat"), "{h:?}");
        assert!(keys("temporary pasword").contains(&"how-phs-works/temporary-passwords"), "{:?}", keys("temporary pasword"));
        let e = search("staging mode", 20).into_iter().find(|h| h.entry.key == "how-phs-works/staging").expect("staging section").entry;
        assert_eq!(e.title(), "Staging mode");
        assert_eq!(crate::lookup::entry_label(e), "How password hash synchronization works");
        // A word of the article's text finds its section.
        assert!(search("ADSyncConnector", 20).iter().any(|h| h.entry.key == "article/trigger-a-full-sync-of-all-passwords"));
        // An exact id still comes first.
        assert_eq!(top("654"), (Kind::Event, "654"));
    }

    #[test]
    fn bad_input_is_no_result_not_a_panic() {
        for q in ["", "   ", "\u{0}", "🙂", "the and of", &"x".repeat(100_000), &"6".repeat(300), "0x", "0xzz", "é", "\u{202e}611"] {
            let _ = search(q, 8);
        }
        assert!(search("", 8).is_empty());
        assert!(search("the", 8).is_empty());
    }

    #[test]
    fn within_counts_edits() {
        assert!(within(b"hearbeat", b"heartbeat", 1));
        assert!(within(b"staigng", b"staging", 1));
        assert!(!within(b"abcd", b"wxyz", 2));
        assert!(within(b"6111", b"611", 1));
        assert!(!within(b"6111", b"622", 1));
    }

    #[test]
    fn every_page_is_in_the_index() {
        use crate::knowledge::{EVENTS, FINDINGS, PATHS, RESULTS, STATUSES};
        let count = |k: Kind| ENTRIES.iter().filter(|e| e.kind == k).count();
        assert_eq!(count(Kind::Event), EVENTS.len() + crate::lookup::OTHER_EVENTS.len());
        assert_eq!(count(Kind::Status), STATUSES.len());
        assert_eq!(count(Kind::Error), crate::lookup::error_pages().len());
        assert_eq!(count(Kind::Finding), FINDINGS.len());
        assert_eq!(count(Kind::Result), RESULTS.len());
        assert_eq!(count(Kind::Step), PATHS.iter().map(|p| p.nodes.len()).sum::<usize>());
        assert_eq!(count(Kind::Learn), crate::learn::PAGES.iter().map(|p| p.sections.len()).sum::<usize>());
        assert!((1..WORD_ENDS.len()).all(|i| word(i - 1) < word(i)), "words sorted and distinct");
        assert_eq!(WORD_ENDS.len(), POSTING_ENDS.len());
        for e in ENTRIES {
            assert!(!e.title().is_empty() && !crate::lookup::entry_label(e).is_empty(), "{e:?}");
        }
    }
}
