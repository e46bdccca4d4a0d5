//! The Learn pages (`content/learn/*.md`): read, split into sections at their headings, each
//! section's markdown rendered once to HTML, and written as `$OUT_DIR/learn.rs` for
//! `core/src/learn.rs`. A page is a small front matter (`model::LearnFront`), a `# Title` and
//! its sections: every heading (`##` to `####`, optionally ending in `{#anchor}`, else the
//! anchor is the heading's slug as Microsoft Learn writes it) is followed by
//! `<!-- source: … -->`, checked like every other content text's source.
//!
//! Rendering: the existing event and error links (`link_ids`), plus what a copied article needs:
//! a link to a heading (`#anchor`) becomes the Learn route of that section (the build fails on
//! an anchor the page doesn't have), a link to another Microsoft Learn page (`x.md`) its public
//! address, a screenshot its description, a `[!NOTE]` its title, and the first column of the
//! event and status tables links to their pages.

use std::collections::{BTreeMap, BTreeSet};
use std::fmt::Write as _;
use std::path::Path;
use std::sync::OnceLock;

use pulldown_cmark::{html, BlockQuoteKind, CowStr, Event, Options, Parser, Tag, TagEnd};

use crate::model::LearnFront;

pub struct Page {
    pub id: String,
    pub title: String,
    pub front: LearnFront,
    pub sections: Vec<Section>,
}

pub struct Section {
    /// 1 for the lead under the page's title, else the heading's level (2–4).
    pub level: u8,
    pub title: String,
    /// Empty for the lead.
    pub anchor: String,
    pub md: String,
    pub source: String,
}

/// Every page's anchors, for checking `learn` references (`page#anchor`, or `page` alone).
static ANCHORS: OnceLock<BTreeMap<String, BTreeSet<String>>> = OnceLock::new();

/// A heading's anchor as Microsoft Learn makes it: lowercase, letters, digits, `-` and `_`
/// kept, spaces as `-`, everything else dropped (`One object isn't …: …` → `one-object-isnt-…`).
pub fn slug(title: &str) -> String {
    let mut out = String::new();
    for c in title.chars() {
        if c.is_alphanumeric() || c == '-' || c == '_' {
            out.extend(c.to_lowercase());
        } else if c == ' ' {
            out.push('-');
        }
    }
    out
}

/// Reads every `content/learn/*.md`, in the pages' `order`.
pub fn read(dir: &Path) -> Vec<Page> {
    let mut pages = Vec::new();
    let mut files: Vec<_> =
        std::fs::read_dir(dir).unwrap_or_else(|e| panic!("{}: {e}", dir.display())).map(|e| e.unwrap().path()).collect();
    files.sort();
    for f in files.into_iter().filter(|f| f.extension().is_some_and(|x| x == "md")) {
        println!("cargo:rerun-if-changed={}", f.display());
        let id = f.file_stem().unwrap().to_string_lossy().into_owned();
        assert!(
            id.bytes().all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'-'),
            "content/learn/{id}.md: a page id is lowercase words and `-`"
        );
        let text = std::fs::read_to_string(&f).unwrap();
        pages.push(page(&id, &text.replace("\r\n", "\n")));
    }
    pages.sort_by_key(|p| p.front.order);
    let mut anchors = BTreeMap::new();
    for p in &pages {
        let set: BTreeSet<String> = p.sections.iter().map(|s| s.anchor.clone()).collect();
        assert_eq!(set.len(), p.sections.len(), "content/learn/{}.md: two sections with one anchor", p.id);
        anchors.insert(p.id.clone(), set);
    }
    ANCHORS.set(anchors).unwrap_or_else(|_| unreachable!());
    pages
}

fn page(id: &str, text: &str) -> Page {
    let at = format!("content/learn/{id}.md");
    let rest = text.strip_prefix("---\n").unwrap_or_else(|| panic!("{at}: starts with a front matter between `---` lines"));
    let (front, body) = rest.split_once("\n---\n").unwrap_or_else(|| panic!("{at}: the front matter has no closing `---`"));
    let mut map = serde_json::Map::new();
    for line in front.lines().filter(|l| !l.trim().is_empty()) {
        let (k, v) = line.split_once(':').unwrap_or_else(|| panic!("{at}: front matter line {line:?} is not `key: value`"));
        let v = v.trim();
        let value = match v.parse::<u64>() {
            Ok(n) => serde_json::Value::from(n),
            Err(_) => serde_json::Value::from(v),
        };
        map.insert(k.trim().to_string(), value);
    }
    let front: LearnFront = serde_json::from_value(serde_json::Value::Object(map)).unwrap_or_else(|e| panic!("{at}: front matter: {e}"));
    let mut title = None;
    let mut sections: Vec<Section> = Vec::new();
    let mut seen: BTreeMap<String, usize> = BTreeMap::new();
    let mut fence = false;
    let mut body_lines: Vec<&str> = Vec::new();
    let mut lines = body.lines().peekable();
    fn flush(sections: &mut [Section], body_lines: &mut Vec<&str>) {
        if let Some(s) = sections.last_mut() {
            s.md = body_lines.join("\n").trim().to_string();
        }
        body_lines.clear();
    }
    while let Some(line) = lines.next() {
        let t = line.trim_start();
        // A backtick fence opens or closes a code block (a line with a code span such as
        // ```` ```$x = 1``` ```` is no fence: its info string would contain a backtick).
        if let Some(after) = t.strip_prefix("```") {
            if !after.trim_start_matches('`').contains('`') {
                fence = !fence;
            }
        }
        let hashes = line.bytes().take_while(|&b| b == b'#').count();
        if fence || hashes == 0 || !line[hashes..].starts_with(' ') {
            body_lines.push(line);
            continue;
        }
        flush(&mut sections, &mut body_lines);
        let heading = line[hashes..].trim();
        let (heading, anchor) = match heading.strip_suffix('}').and_then(|h| h.rsplit_once("{#")) {
            Some((h, a)) => (h.trim().to_string(), Some(a.to_string())),
            None => (heading.to_string(), None),
        };
        let level = match hashes {
            1 => {
                assert!(title.is_none() && sections.is_empty(), "{at}: one `# Title`, first");
                title = Some(heading.clone());
                1
            }
            2..=4 => {
                assert!(title.is_some(), "{at}: a section before the `# Title`");
                hashes as u8
            }
            _ => panic!("{at}: {heading:?}: headings go from `##` to `####`"),
        };
        let anchor = match (level, anchor) {
            (1, _) => String::new(),
            (_, Some(a)) => a,
            (_, None) => {
                // Repeated headings get `-1`, `-2` as Microsoft Learn numbers them.
                let base = slug(&heading);
                let n = seen.entry(base.clone()).or_insert(0);
                *n += 1;
                if *n == 1 {
                    base
                } else {
                    format!("{base}-{}", *n - 1)
                }
            }
        };
        assert!(
            anchor.is_empty() || anchor.bytes().all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'-' || b == b'_'),
            "{at}: anchor {anchor:?} is not lowercase letters, digits and `-`"
        );
        while lines.peek().is_some_and(|l| l.trim().is_empty()) {
            lines.next();
        }
        let source = lines
            .peek()
            .and_then(|l| l.trim().strip_prefix("<!-- source:"))
            .and_then(|l| l.strip_suffix("-->"))
            .map(|s| s.trim().to_string())
            .unwrap_or_else(|| panic!("{at}: {heading:?}: a section without a source (`<!-- source: … -->` under its heading)"));
        lines.next();
        sections.push(Section { level, title: heading, anchor, md: String::new(), source });
    }
    flush(&mut sections, &mut body_lines);
    assert!(!fence, "{at}: a code block is not closed");
    Page { id: id.to_string(), title: title.unwrap_or_else(|| panic!("{at}: no `# Title`")), front, sections }
}

/// A `learn` reference of a content file (`page#anchor`, or `page` for its top) as a Rust
/// `Option<LearnLink>` literal; the build fails on a page or an anchor that doesn't exist.
pub fn link_lit(reference: Option<&str>, at: &str) -> String {
    let Some(r) = reference else { return "None".into() };
    let anchors = ANCHORS.get().expect("learn pages read first");
    let (page, anchor) = r.split_once('#').unwrap_or((r, ""));
    let known = anchors.get(page).unwrap_or_else(|| panic!("{at}: learn {r:?}: no page content/learn/{page}.md"));
    assert!(known.contains(anchor), "{at}: learn {r:?}: the page has no section with that anchor");
    format!("Some(LearnLink {{ page: {page:?}, anchor: {anchor:?} }})")
}

/// What the renderer needs besides the page: the article's address (relative links are made
/// absolute against it) and the status names (the status table links to their pages).
pub struct Ctx<'a> {
    pub article_url: &'a str,
    pub statuses: &'a BTreeSet<String>,
}

/// `$OUT_DIR/learn.rs`: `PAGES`, every section's HTML once.
pub fn render(pages: &[Page], ctx: &Ctx, out: &mut String) {
    let reg = crate::REGISTRY.get().unwrap();
    out.push_str("pub static PAGES: &[Page] = &[\n");
    for p in pages {
        let at = format!("content/learn/{}.md", p.id);
        let copy = match p.front.copy_of.as_deref() {
            None => "None".to_string(),
            Some("article") => {
                let f = &p.front;
                let need = |v: &Option<String>, k: &str| v.clone().unwrap_or_else(|| panic!("{at}: a copy needs `{k}`"));
                let (licence, licence_url, notice, changes) = (
                    need(&f.licence, "licence"),
                    need(&f.licence_url, "licence_url"),
                    need(&f.licence_notice, "licence_notice"),
                    need(&f.changes, "changes"),
                );
                let code_licence = need(&f.code_licence, "code_licence");
                for u in [&licence_url, &notice] {
                    assert!(u.starts_with("https://"), "{at}: {u:?} is not a public https address");
                }
                assert_eq!(p.title, reg.article_title, "{at}: the copy's title is the article's (sources.json)");
                format!(
                    "Some(Attribution {{ title: {:?}, url: {:?}, revision: {:?}, licence: {licence:?}, licence_url: {licence_url:?}, code_licence: {code_licence:?}, licence_notice: {notice:?}, changes: {changes:?} }})",
                    reg.article_title, reg.article_url, reg.article_revision
                )
            }
            Some(other) => panic!("{at}: copy_of {other:?}: only the article (`article`) is copied"),
        };
        writeln!(out, "    Page {{ id: {:?}, title: {:?}, summary: {:?}, copy: {copy}, sections: &[", p.id, p.title, p.front.summary)
            .unwrap();
        for s in &p.sections {
            let src = crate::source(Some(s.source.as_str()), &format!("{at}: {}", s.title));
            let html = section_html(&p.id, &s.md, ctx, &at);
            writeln!(
                out,
                "        Section {{ level: {}, anchor: {:?}, title: {:?}, html: {html:?}, source: {src} }},",
                s.level, s.anchor, s.title
            )
            .unwrap();
        }
        out.push_str("    ] },\n");
    }
    out.push_str("];\n");
}

/// The words of a section, for the search index (text and code, tables included).
pub fn plain(md: &str) -> String {
    let mut out = String::new();
    for ev in Parser::new_ext(md, options()) {
        match ev {
            Event::Text(t) | Event::Code(t) => {
                out.push_str(&t);
                out.push(' ');
            }
            Event::SoftBreak | Event::HardBreak => out.push(' '),
            _ => {}
        }
    }
    out
}

fn options() -> Options {
    Options::ENABLE_TABLES | Options::ENABLE_GFM
}

fn section_html(page: &str, md: &str, ctx: &Ctx, at: &str) -> String {
    let anchors = &ANCHORS.get().unwrap()[page];
    let mut events: Vec<Event> = Vec::new();
    let mut in_image = false;
    // The table's kind (by its first header cell), whether in its head, and the cell number.
    let mut table: Option<&str> = None;
    let mut in_head = false;
    let mut cell = 0usize;
    for ev in Parser::new_ext(md, options()) {
        match ev {
            Event::Start(Tag::Image { .. }) => {
                in_image = true;
                events.push(Event::InlineHtml("<span class=\"shot\">(Screenshot: ".into()));
            }
            Event::End(TagEnd::Image) => {
                in_image = false;
                events.push(Event::InlineHtml(")</span>".into()));
            }
            Event::Start(Tag::Link { link_type, dest_url, title, id }) => {
                let dest = link_dest(page, &dest_url, anchors, ctx, at);
                events.push(Event::Start(Tag::Link { link_type, dest_url: dest.into(), title, id }));
            }
            Event::Start(Tag::BlockQuote(Some(kind))) => {
                events.push(Event::Start(Tag::BlockQuote(Some(kind))));
                let title = match kind {
                    BlockQuoteKind::Note => "Note",
                    BlockQuoteKind::Tip => "Tip",
                    BlockQuoteKind::Important => "Important",
                    BlockQuoteKind::Warning => "Warning",
                    BlockQuoteKind::Caution => "Caution",
                };
                events.push(Event::Html(format!("<p class=\"alert-title\">{title}</p>\n").into()));
            }
            Event::Start(Tag::Table(a)) => {
                table = None;
                events.push(Event::Start(Tag::Table(a)));
            }
            Event::Start(Tag::TableHead) => {
                in_head = true;
                cell = 0;
                events.push(Event::Start(Tag::TableHead));
            }
            Event::End(TagEnd::TableHead) => {
                in_head = false;
                events.push(Event::End(TagEnd::TableHead));
            }
            Event::Start(Tag::TableRow) => {
                cell = 0;
                events.push(Event::Start(Tag::TableRow));
            }
            Event::End(TagEnd::TableCell) => {
                cell += 1;
                events.push(Event::End(TagEnd::TableCell));
            }
            Event::Text(t) if in_head && cell == 0 => {
                table = match t.trim() {
                    "Event ID" => Some("event"),
                    "Status" => Some("status"),
                    _ => None,
                };
                events.push(Event::Text(t));
            }
            // The first cell of a row of the event or status table: a link to its page.
            Event::Text(t) if !in_head && cell == 0 && table.is_some() && !in_image => {
                let v = t.trim().to_string();
                let href = match table {
                    Some("event") if v.parse::<u64>().is_ok_and(|n| crate::LINKS.get().unwrap().events.contains(&n)) => {
                        Some(format!("#/event/{v}"))
                    }
                    Some("status") if ctx.statuses.contains(&v) => Some(format!("#/status/{v}")),
                    _ => None,
                };
                match href {
                    Some(h) => {
                        events.push(Event::InlineHtml(format!("<a class=\"ref\" href=\"{h}\">").into()));
                        events.push(Event::Text(t));
                        events.push(Event::InlineHtml("</a>".into()));
                    }
                    None => events.push(Event::Text(t)),
                }
            }
            other => events.push(other),
        }
    }
    let mut out = String::new();
    html::push_html(&mut out, crate::link_ids(events.into_iter()).into_iter());
    // A code block scrolls sideways on a phone: focusable, so the keyboard can scroll it too.
    out.replace("<pre>", "<pre tabindex=\"0\">").trim_end().to_string()
}

/// Where a link of a Learn page goes: `#anchor` to the section's route (checked), a relative
/// Microsoft Learn page (`x.md`, `../y.md#z`) to its public address, an https address as is.
fn link_dest(page: &str, dest: &CowStr, anchors: &BTreeSet<String>, ctx: &Ctx, at: &str) -> String {
    let dest: &str = dest;
    if let Some(anchor) = dest.strip_prefix('#') {
        assert!(anchors.contains(anchor), "{at}: a link to #{anchor}, which is no heading of the page");
        return format!("#/learn/{page}/{anchor}");
    }
    if dest.starts_with("https://") {
        return dest.to_string();
    }
    assert!(
        !dest.contains("://") && !dest.starts_with('/'),
        "{at}: link {dest:?}: only https addresses and Microsoft Learn's relative links"
    );
    let (path, fragment) = match dest.split_once('#') {
        Some((p, f)) => (p, Some(f)),
        None => (dest, None),
    };
    let path = path.strip_suffix(".md").unwrap_or_else(|| panic!("{at}: relative link {dest:?} is not to a .md page"));
    // The article's folder, then each `..` goes one up.
    let mut base: Vec<&str> = ctx.article_url.split('/').collect();
    base.pop();
    for part in path.split('/') {
        match part {
            "." | "" => {}
            ".." => {
                base.pop();
            }
            p => base.push(p),
        }
    }
    let mut url = base.join("/");
    if let Some(f) = fragment {
        url.push('#');
        url.push_str(f);
    }
    url
}
