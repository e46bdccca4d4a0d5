//! The Learn pages: how password hash synchronization works, and Microsoft's troubleshooting
//! article itself, as static data compiled in from `content/learn/*.md` (`core/build.rs`,
//! `build/learn.rs`). A page is its sections: the lead under its title, then one per heading,
//! each with its anchor, its HTML (rendered once at build time, with the event and error links
//! every content text has) and its source. Findings, guided-path steps, results and events
//! name the section that explains them (`learn` in their content, a [`LearnLink`]).

use crate::knowledge::{LearnLink, Source};

/// A Learn page.
#[derive(Debug)]
pub struct Page {
    /// Its route key (`how-phs-works`, `article`).
    pub id: &'static str,
    pub title: &'static str,
    /// One sentence for the list of pages.
    pub summary: &'static str,
    /// For a copy of Microsoft's article: where it comes from and its licence.
    pub copy: Option<Attribution>,
    pub sections: &'static [Section],
}

/// Attribution of a copied page.
#[derive(Debug)]
pub struct Attribution {
    pub title: &'static str,
    pub url: &'static str,
    pub revision: &'static str,
    pub licence: &'static str,
    pub licence_url: &'static str,
    /// The licence of its code samples.
    pub code_licence: &'static str,
    /// Where the publisher states the licence.
    pub licence_notice: &'static str,
    /// What the copy changes.
    pub changes: &'static str,
}

/// One section: a heading and the text up to the next heading.
#[derive(Debug)]
pub struct Section {
    /// 1 for the page's lead (under its title, no heading of its own), else 2–4.
    pub level: u8,
    /// Empty for the lead.
    pub anchor: &'static str,
    pub title: &'static str,
    /// Trusted HTML rendered at build time from `content/learn/`.
    pub html: &'static str,
    pub source: &'static Source,
}

include!(concat!(env!("OUT_DIR"), "/learn.rs"));

// Pages, sections and attributions are statics: one is equal only to itself (no deep compare
// of the text when the app checks whether its properties changed).
macro_rules! identity_eq {
    ($($t:ty),*) => {$(
        impl PartialEq for $t {
            fn eq(&self, other: &Self) -> bool {
                std::ptr::eq(self, other)
            }
        }
        impl Eq for $t {}
    )*};
}
identity_eq!(Page, Section, Attribution);

/// The page with route key `id`.
pub fn page(id: &str) -> Option<&'static Page> {
    PAGES.iter().find(|p| p.id == id)
}

impl Page {
    /// The section with `anchor` (the empty anchor is the lead).
    pub fn section(&self, anchor: &str) -> Option<&'static Section> {
        self.sections.iter().find(|s| s.anchor == anchor)
    }

    /// The sections with a heading (the lead left out), for the page's contents.
    pub fn headed(&self) -> impl Iterator<Item = &'static Section> {
        self.sections.iter().filter(|s| s.level > 1)
    }
}

/// The page and section a reference names.
pub fn section(link: LearnLink) -> Option<(&'static Page, &'static Section)> {
    let p = page(link.page)?;
    Some((p, p.section(link.anchor)?))
}

/// `page/anchor` (or `page`): the search index's key of a section, as a link.
pub fn link_of_key(key: &'static str) -> LearnLink {
    match key.split_once('/') {
        Some((page, anchor)) => LearnLink { page, anchor },
        None => LearnLink { page: key, anchor: "" },
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::knowledge::{SourceKind, EVENTS, FINDINGS, PATHS, RESULTS};

    const ARTICLE_TABLES: &str = include_str!(concat!(env!("CARGO_MANIFEST_DIR"), "/../tests/fixtures/article/tables.md"));

    /// Every `learn` reference of the content opens a section (the build checks it too).
    #[test]
    fn every_learn_reference_resolves() {
        let links: Vec<LearnLink> = FINDINGS
            .iter()
            .filter_map(|f| f.learn)
            .chain(RESULTS.iter().filter_map(|r| r.learn))
            .chain(PATHS.iter().flat_map(|p| p.nodes.iter().filter_map(|n| n.learn)))
            .chain(EVENTS.iter().filter_map(|e| e.learn))
            .collect();
        assert!(links.len() >= 20, "{}", links.len());
        for l in &links {
            assert!(section(*l).is_some(), "{l:?}");
        }
        // And the section it opens is the one it names.
        let (p, s) = section(LearnLink { page: "how-phs-works", anchor: "heartbeat" }).unwrap();
        assert_eq!((p.id, s.anchor), ("how-phs-works", "heartbeat"));
        assert!(section(LearnLink { page: "how-phs-works", anchor: "nope" }).is_none());
        assert!(section(LearnLink { page: "nope", anchor: "" }).is_none());
    }

    #[test]
    fn every_section_has_a_source_and_text() {
        assert!(PAGES.len() >= 2);
        for p in PAGES {
            assert_eq!(p.sections[0].level, 1, "{}: the lead comes first", p.id);
            for (i, s) in p.sections.iter().enumerate() {
                // Only a heading whose subsections follow it may have no text of its own.
                let parent = p.sections.get(i + 1).is_some_and(|n| n.level > s.level);
                assert!(!s.title.is_empty() && (!s.html.is_empty() || parent), "{}#{}", p.id, s.anchor);
                assert!(
                    s.source.is_article() || !s.source.url.is_empty() || s.source.kind == SourceKind::Inference,
                    "{}#{}",
                    p.id,
                    s.anchor
                );
                assert_eq!(s.level == 1, s.anchor.is_empty());
            }
        }
        // What goes beyond the seeds says where it comes from: a public source, not the article.
        let how = page("how-phs-works").unwrap();
        assert_eq!(how.section("cycle").unwrap().source.kind, SourceKind::Public);
        assert!(how.section("heartbeat").unwrap().source.is_article());
    }

    /// The article's page has every heading of the article, in its order, with the anchors
    /// Microsoft Learn gives them (the article's own links use them), and is all the article's.
    #[test]
    fn the_article_page_has_every_heading_of_the_article() {
        let a = page("article").unwrap();
        let headings: Vec<&str> = ARTICLE_TABLES.lines().skip_while(|l| *l != "## Headings").filter_map(|l| l.strip_prefix("- ")).collect();
        assert!(headings.len() > 20);
        let titles: Vec<&str> = a.sections.iter().map(|s| s.title).collect();
        assert_eq!(titles, headings);
        assert!(a.copy.as_ref().is_some_and(|c| c.licence.contains("CC BY 4.0") && c.url.starts_with("https://learn.microsoft.com/")));
        for s in a.sections {
            assert!(s.source.is_article(), "{}", s.anchor);
        }
        for anchor in [
            "no-passwords-are-synchronized-troubleshoot-by-using-the-troubleshooting-task",
            "one-object-isnt-synchronizing-passwords-troubleshoot-by-using-the-troubleshooting-task",
            "get-the-status-of-password-sync-settings",
            "trigger-a-full-sync-of-all-passwords",
            "run-the-diagnostics-cmdlet-2",
        ] {
            assert!(a.section(anchor).is_some(), "{anchor}");
        }
        // In-page links are the Learn route; no link is left relative.
        let all: String = a.sections.iter().map(|s| s.html).collect();
        assert!(all.contains("href=\"#/learn/article/trigger-a-full-sync-of-all-passwords\""));
        assert!(!all.contains(".md\"") && !all.contains("href=\"./") && !all.contains("<img"));
        // The event table links each event to its page.
        assert!(all.contains("<a class=\"ref\" href=\"#/event/668\">668</a>"));
        assert!(all.contains("<a class=\"ref\" href=\"#/status/FilteredByTarget\">FilteredByTarget</a>"));
    }

    /// The copy's text is the article's: every line of its tables is in the page.
    #[test]
    fn the_article_page_carries_the_tables() {
        let all: String = page("article").unwrap().sections.iter().map(|s| s.html).collect();
        for line in ARTICLE_TABLES.lines().filter(|l| l.starts_with("| 6")) {
            let text = line.split('|').nth(2).unwrap().trim();
            assert!(all.contains(text), "{text}");
        }
    }

    #[test]
    fn keys_are_links() {
        assert_eq!(link_of_key("article"), LearnLink { page: "article", anchor: "" });
        assert_eq!(link_of_key("how-phs-works/heartbeat"), LearnLink { page: "how-phs-works", anchor: "heartbeat" });
    }
}
