//! The ticket-ready report of an analysis, as Markdown: what PHS Doctor is and which article it
//! follows, the Connect version and where it came from, each finding with its severity,
//! evidence, decoded errors and next steps (the article's words and PHS Doctor's advice under
//! their labels), the script each finding needs, and the lines not understood. Pasted text
//! (evidence, parameters, lines not understood) is redacted by default ([`crate::redact`]) and
//! always sits in code blocks or code spans, so nothing in it is read as Markdown.

use std::fmt::Write;

use crate::analysis::{source, Analysis};
use crate::knowledge::{self, advice_groups, ARTICLE};
use crate::redact::{Entry, Redactor};
use crate::releases::{self, Date};
use crate::version::ConnectVersion;
use crate::walk::{CurrentKind, WalkView};

/// A paste up to this size is redacted whole before the report's lines (see [`redacted_page`]).
pub const PRIME_MAX: usize = 2 * 1024 * 1024;

/// How many lines not understood the report quotes.
pub const UNPARSED_QUOTED: usize = 10;

/// What the report is made from, besides the analysis.
#[derive(Clone, Debug, Default)]
pub struct ReportOptions<'a> {
    /// A version given outside the paste, and where it came from ("typed on the start page",
    /// "given with --version"). A version in the paste comes first.
    pub version: Option<(ConnectVersion, &'a str)>,
    /// Replace names, addresses and identifiers in pasted text by placeholders.
    pub redact: bool,
    /// The paste, for quoting the lines not understood.
    pub paste: Option<&'a str>,
    /// Today's date, for what PHS Doctor knows about the version ([`crate::releases::notices`]);
    /// without it the report has no version notices.
    pub today: Option<Date>,
}

/// A report and what its redaction replaced.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Report {
    pub markdown: String,
    /// Empty when redaction is off or found nothing.
    pub redactions: Vec<Entry>,
}

/// A redactor that has seen every pasted text of `a` (so no placeholder it hands out is already
/// in any of them) and has redacted the paste line by line first: the same value gets the same
/// placeholder on the page and in the report, numbered in the order of the paste. Also the
/// table as the paste alone gave it (its counts are occurrences in the paste).
fn primed(a: &Analysis<'_>, paste: Option<&str>) -> (Redactor, Vec<Entry>) {
    let mut red = Redactor::new();
    for f in &a.findings {
        f.evidence.iter().for_each(|e| red.reserve(&e.text));
        f.params.iter().for_each(|(_, v)| red.reserve(v));
    }
    // A paste too large to redact quickly (the page does not mask it either) is not primed:
    // the report's placeholders are then numbered in the order of its quoted lines.
    let Some(paste) = paste.filter(|p| p.len() <= PRIME_MAX) else { return (red, Vec::new()) };
    red.reserve(paste);
    for line in paste.split_inclusive('\n') {
        red.redact(line);
    }
    let table = red.entries().to_vec();
    (red, table)
}

/// The final table, with the counts of the paste where the paste had the value.
fn with_paste_counts(all: &[Entry], primed: &[Entry]) -> Vec<Entry> {
    all.iter().map(|e| primed.iter().find(|p| p.placeholder == e.placeholder).cloned().unwrap_or_else(|| e.clone())).collect()
}

/// An analysis and its paste as the page shows them redacted: the paste line by line (line
/// breaks kept, so line numbers stay), and a copy of the analysis whose every pasted text
/// (record fields, evidence, parameters, the timeline's connectors and scopes) is redacted,
/// with the table of what was replaced — the same placeholders as the redacted report.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct RedactedPage {
    pub paste: String,
    pub analysis: Analysis<'static>,
    pub redactions: Vec<Entry>,
}

pub fn redacted_page(a: &Analysis<'_>, paste: &str) -> RedactedPage {
    let (mut red, primed) = primed(a, Some(paste));
    let paste: String = paste.split_inclusive('\n').map(|l| red.redact(l)).collect();
    let mut out = a.clone().into_owned();
    for r in &mut out.records {
        r.fields.iter_mut().for_each(|(_, v)| *v = red.redact(v).into());
    }
    for f in &mut out.findings {
        f.evidence.iter_mut().for_each(|e| e.text = red.redact(&e.text));
        f.params.iter_mut().for_each(|(_, v)| *v = red.redact(v));
    }
    let t = &mut out.timeline;
    let mut opt = |v: &mut Option<String>| {
        if let Some(s) = v {
            *s = red.redact(s);
        }
    };
    t.heartbeats.iter_mut().for_each(|h| opt(&mut h.connector));
    t.gaps.iter_mut().for_each(|g| opt(&mut g.connector));
    t.full_sync.iter_mut().for_each(|s| opt(&mut s.scope));
    RedactedPage { paste, analysis: out, redactions: with_paste_counts(red.entries(), &primed) }
}

/// The report of `a`.
pub fn analysis_report(a: &Analysis<'_>, o: &ReportOptions<'_>) -> Report {
    let unparsed: Vec<(usize, String)> = match o.paste {
        Some(p) if !a.unparsed_lines.is_empty() => {
            let wanted: Vec<_> = a.unparsed_lines.iter().take(UNPARSED_QUOTED).map(|&n| n..=n).collect();
            source::lines_in(p, &wanted)
        }
        _ => Vec::new(),
    };
    let (mut red, primed) = if o.redact { primed(a, o.paste) } else { (Redactor::new(), Vec::new()) };
    unparsed.iter().for_each(|(_, l)| red.reserve(l));
    let mut pasted = |s: &str| if o.redact { red.redact(s) } else { s.to_string() };

    let mut md = String::new();
    md.push_str("# PHS Doctor report\n\n");
    md.push_str(&made_by());
    let known = a.connect_version.or(o.version.map(|(v, _)| v));
    let version = match (a.connect_version, o.version) {
        (Some(v), _) => format!("{v} (from the paste)"),
        (None, Some((v, origin))) => format!("{v} ({origin})"),
        (None, None) => "not known (neither in the paste nor given)".to_string(),
    };
    let _ = writeln!(md, "- **Microsoft Entra Connect version:** {version}");
    let version_notes = match (known, o.today) {
        (Some(v), Some(today)) => notices_md(v, today, false),
        _ => String::new(),
    };
    let _ = writeln!(
        md,
        "- **Input:** {} line(s), {} finding(s), {} line(s) not understood",
        crate::number::grouped(a.line_count as u64),
        a.findings.len(),
        crate::number::grouped(a.unparsed_lines.len() as u64)
    );
    if let Some(t) = &a.truncated {
        let _ = writeln!(
            md,
            "- **Cut:** the input is {} bytes; only its first {} and last {} bytes were analysed",
            crate::number::grouped(t.bytes_total),
            crate::number::grouped(t.head_bytes),
            crate::number::grouped(t.tail_bytes)
        );
    }
    let redaction_line = md.len();
    md.push_str(&version_notes);

    md.push_str("\n## Findings\n");
    if a.findings.is_empty() {
        md.push_str("\nNothing PHS Doctor recognises was found in the paste.\n");
    }
    for (i, f) in a.findings.iter().enumerate() {
        let _ = write!(md, "\n### {}. {} — {} (`{}`)\n\n", i + 1, f.severity.as_str().to_uppercase(), f.title, f.id);
        let _ = writeln!(md, "{}", f.explanation_plain());
        if !f.evidence.is_empty() {
            md.push_str("\nEvidence:\n\n");
            let lines: Vec<String> = f.evidence.iter().map(|e| format!("{:>6} | {}", e.line, pasted(&e.text))).collect();
            md.push_str(&code_block(&lines));
            if f.evidence_omitted > 0 {
                let _ = writeln!(md, "\n… and {} more line(s).", crate::number::grouped(f.evidence_omitted as u64));
            }
        }
        if !f.params.is_empty() {
            md.push_str("\nDetails:");
            for (k, v) in &f.params {
                // A known value as its meaning; the paste's own values as code.
                let shown = if k.has_meaning(v) { k.show(v).into_owned() } else { code_span(&pasted(v)) };
                let _ = write!(md, " {} = {};", k.label(), shown);
            }
            md.pop();
            md.push('\n');
        }
        if !f.errors.is_empty() {
            md.push_str("\nDecoded errors:\n\n");
            for e in &f.errors {
                let name = if e.name == e.label() { String::new() } else { format!(" {}", code_span(e.name)) };
                let _ = writeln!(md, "- **{}**{name}: {} Fix: {}", e.label(), e.cause.plain(), e.fix.plain());
            }
        }
        if !f.next_steps.is_empty() {
            md.push_str("\nNext steps:\n");
            advice_md(&mut md, &f.next_steps);
        }
        if let Some(k) = f.result.and_then(knowledge::result).and_then(|r| r.script) {
            let _ = writeln!(md, "\nScript: *{}* (PHS Doctor's Scripts page, or `phs-doctor script {}`).", k.title(), k.id());
        }
    }

    if !a.unparsed_lines.is_empty() {
        let _ = write!(md, "\n## Lines not understood\n\n{} line(s)", crate::number::grouped(a.unparsed_lines.len() as u64));
        if unparsed.is_empty() {
            md.push_str(".\n");
        } else {
            let _ = write!(md, "; the first {}:\n\n", unparsed.len());
            let lines: Vec<String> = unparsed.iter().map(|(n, l)| format!("{n:>6} | {}", pasted(l))).collect();
            md.push_str(&code_block(&lines));
        }
    }

    let redactions = with_paste_counts(red.entries(), &primed);
    let note = if !o.redact {
        "- **Redaction:** off — the evidence is quoted as pasted\n".to_string()
    } else if redactions.is_empty() {
        "- **Redaction:** on — nothing to replace was found in the quoted lines\n".to_string()
    } else {
        format!(
            "- **Redaction:** on — {} name(s), address(es) and identifier(s) in the quoted lines are replaced by placeholders such as {}\n",
            redactions.len(),
            code_span(&redactions[0].placeholder)
        )
    };
    md.insert_str(redaction_line, &note);
    Report { markdown: md, redactions }
}

/// The report of a guided walk, as Markdown: the path, the version, the answers so far and
/// where the walk stands (a result's meaning and its fix under their sources, or the current
/// step). A walk holds no pasted text, so there is nothing to redact.
/// `today`: the date the version's notices are judged on ([`crate::releases::notices`]);
/// without it the report has none.
pub fn walk_report(view: &WalkView, version: Option<ConnectVersion>, today: Option<Date>) -> String {
    let mut md = format!("# PHS Doctor report: {}\n\n", view.path_title);
    md.push_str(&made_by());
    let _ = writeln!(
        md,
        "- **Microsoft Entra Connect version:** {}",
        version.map_or("not given".to_string(), |v| format!("{v} (typed on the start page)"))
    );
    let _ = writeln!(md, "- **Guided path:** {}", view.path_title);
    if let Some(now) = view.now_on {
        let _ = writeln!(md, "- **Now on:** {now}");
    }
    if let Some(r) = view.retired {
        let _ = writeln!(md, "- **Note:** {}", r.plain().replace('\n', " "));
    }
    if let (Some(v), Some(today)) = (version, today) {
        // The retirement is the note above.
        md.push_str(&notices_md(v, today, true));
    }
    md.push_str("\n## Answers so far\n\n");
    if view.summary.is_empty() {
        md.push_str("None yet: the walk is at its first step.\n");
    }
    for (i, item) in view.summary.iter().enumerate() {
        let _ = writeln!(md, "{}. {} — **{}**", i + 1, item.prompt.replace('\n', " "), item.answer);
    }
    let c = &view.current;
    match c.kind {
        CurrentKind::Result => {
            let _ = write!(md, "\n## Result: {}", c.title.unwrap_or(""));
            if let Some(sev) = c.severity {
                let _ = write!(md, " ({})", sev.as_str());
            }
            let _ = write!(md, "\n\n{}\n", c.text.plain());
        }
        _ => {
            let _ = write!(md, "\n## Where the walk stands: step {}\n\n{}\n", view.step_number, c.text.plain());
        }
    }
    if !c.fix.is_empty() {
        md.push_str("\nWhat to do:\n");
        advice_md(&mut md, &c.fix);
    }
    if let Some(k) = c.script {
        let _ = writeln!(md, "\nScript: *{}* (PHS Doctor's Scripts page, or `phs-doctor script {}`).", k.title(), k.id());
    }
    md
}

/// "## About version …": the version's notices on `today`, each with its severity, text, next
/// step and source (`skip_retired`: said elsewhere in the report).
fn notices_md(v: ConnectVersion, today: Date, skip_retired: bool) -> String {
    let notices: Vec<_> =
        releases::notices(v, today).into_iter().filter(|n| !(skip_retired && n.kind == releases::NoticeKind::Retired)).collect();
    if notices.is_empty() {
        return String::new();
    }
    let mut md = format!("\n## About version {v} (on {today}, PHS Doctor's release list of {})\n\n", releases::DATA_DATE);
    for n in &notices {
        let _ = writeln!(md, "- **{}** — {}", n.severity.as_str().to_uppercase(), n.title);
        let _ = writeln!(md, "  {}", n.text.plain().replace('\n', " "));
        for d in &n.details {
            let _ = writeln!(md, "  {} ({})", d.plain().replace('\n', " "), d.source.line());
        }
        for d in &n.changes {
            let _ = writeln!(md, "  - Changed in this release: {} ({})", d.plain().replace('\n', " "), d.source.line());
        }
        if let Some(next) = &n.next_step {
            let _ = writeln!(md, "  Next: {}", next.plain().replace('\n', " "));
        }
        for src in n.sources() {
            let _ = writeln!(md, "  ({})", src.line());
        }
    }
    md
}

/// The report's first line: which PHS Doctor made it and which article it follows.
fn made_by() -> String {
    let (title, url, revision) = ARTICLE;
    format!("- **Made by** PHS Doctor {}, which follows Microsoft's article *{title}* ({revision}): <{url}>\n", env!("CARGO_PKG_VERSION"))
}

/// Steps as a Markdown list numbered from 1, under their labels in italics, each addition with
/// its citation.
fn advice_md(md: &mut String, steps: &[crate::knowledge::Text]) {
    let mut n = 1;
    for g in advice_groups(steps) {
        let _ = write!(md, "\n*{}*\n\n", g.label);
        for t in &g.steps {
            let _ = writeln!(md, "{n}. {}", t.plain().replace('\n', "\n   "));
            if let Some(c) = t.source.citation() {
                let _ = writeln!(md, "   ({c})");
            }
            n += 1;
        }
    }
}

/// Lines of pasted text as a fenced code block whose fence no line can close, with control
/// characters (other than tabs) made visible.
fn code_block(lines: &[String]) -> String {
    let longest = lines.iter().map(|l| longest_run(l, '`')).max().unwrap_or(0);
    let fence = "`".repeat((longest + 1).max(3));
    let mut s = format!("{fence}text\n");
    for l in lines {
        s.push_str(&visible(l));
        s.push('\n');
    }
    s.push_str(&fence);
    s.push('\n');
    s
}

/// `s` as an inline code span that no backtick in it can end.
fn code_span(s: &str) -> String {
    let s = visible(&s.replace(['\n', '\r'], " "));
    let ticks = "`".repeat(longest_run(&s, '`') + 1);
    format!("{ticks} {s} {ticks}")
}

fn longest_run(s: &str, c: char) -> usize {
    let (mut best, mut run) = (0, 0);
    for ch in s.chars() {
        run = if ch == c { run + 1 } else { 0 };
        best = best.max(run);
    }
    best
}

fn visible(s: &str) -> String {
    s.chars()
        .map(|c| if (c.is_control() && c != '\t') || crate::script::is_bidi_control(c) { char::REPLACEMENT_CHARACTER } else { c })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::analysis::analyze;

    const PASTE: &str = "zzz unknown ```` line CN=Ann Lee,OU=Users,DC=contoso,DC=com\n\
        \n\
        Log Name:      Application\n\
        Source:        Directory Synchronization\n\
        Event ID:      611\n\
        Computer:      AADC01.contoso.com\n\
        Description:\n\
        Password synchronization failed for domain: contoso.com. Details: RPC Error 8453 (Replication access was denied.)\n";

    /// The page and the report redact alike: the same placeholders, the paste's line count.
    #[test]
    fn the_redacted_page_agrees_with_the_report() {
        let a = analyze(PASTE);
        let page = redacted_page(&a, PASTE);
        let r = analysis_report(&a, &ReportOptions { redact: true, paste: Some(PASTE), ..Default::default() });
        assert_eq!(page.paste.lines().count(), PASTE.lines().count());
        for secret in ["contoso", "Ann Lee", "AADC01"] {
            assert!(!page.paste.contains(secret), "{secret} in\n{}", page.paste);
            for f in &page.analysis.findings {
                assert!(f.evidence.iter().all(|e| !e.text.contains(secret)) && f.params.iter().all(|(_, v)| !v.contains(secret)), "{f:?}");
            }
        }
        assert!(page.paste.contains("Computer:      <host1>"), "{}", page.paste);
        let evidence = &page.analysis.findings[0].evidence;
        assert!(page.analysis.records.iter().all(|r| r.fields.iter().all(|(_, v)| !v.contains("contoso"))), "{:?}", page.analysis.records);
        assert!(evidence.iter().any(|e| e.text.contains("domain: <host2>.")), "{evidence:?}");
        assert!(r.markdown.contains("domain: <host2>."), "{}", r.markdown);
        assert_eq!(page.redactions, r.redactions);
        // Counted in the paste.
        let host = page.redactions.iter().find(|e| e.placeholder == "<host2>").unwrap();
        assert_eq!(host.count, 1, "{:?}", page.redactions);
    }

    #[test]
    fn a_redacted_report_quotes_no_name() {
        let a = analyze(PASTE);
        let r = analysis_report(&a, &ReportOptions { redact: true, paste: Some(PASTE), ..Default::default() });
        let md = &r.markdown;
        for secret in ["contoso", "Ann Lee"] {
            assert!(!md.contains(secret), "{secret} in\n{md}");
        }
        // Numbered in the order of the paste: the computer's name is the first host.
        assert!(md.contains("domain: <host2>.") && md.contains("RPC error 8453"), "{md}");
        assert!(md.contains("- **Redaction:** on"), "{md}");
        assert!(md.contains("\n## Lines not understood\n"), "{md}");
        // A fence longer than the backticks in the quoted line.
        assert!(md.contains("\n`````text\n"), "{md}");
        assert!(md.contains("*Microsoft's article (section"), "{md}");
        assert!(md.contains("- **Microsoft Entra Connect version:** not known"), "{md}");
        assert!(!r.redactions.is_empty());
    }

    #[test]
    fn without_redaction_the_evidence_is_as_pasted_and_the_version_says_where_it_came_from() {
        let a = analyze(PASTE);
        let v = ConnectVersion::parse("2.3.20.0").unwrap();
        let r = analysis_report(
            &a,
            &ReportOptions { redact: false, paste: Some(PASTE), version: Some((v, "given with --version")), today: None },
        );
        assert!(r.markdown.contains("failed for domain: contoso.com."), "{}", r.markdown);
        assert!(r.markdown.contains("- **Microsoft Entra Connect version:** 2.3.20.0 (given with --version)"), "{}", r.markdown);
        assert!(r.markdown.contains("- **Redaction:** off"));
        assert!(r.redactions.is_empty());
    }

    #[test]
    fn a_walk_report_has_the_answers_and_the_results_fix() {
        let path = crate::knowledge::path("manual-all").unwrap();
        let mut state = crate::walk::WalkState::new(path);
        // Walk to a result, taking the first option each time.
        for _ in 0..40 {
            let view = state.view(None);
            if view.current.kind == CurrentKind::Result {
                break;
            }
            state = state.apply(crate::walk::Action::Choose(0));
        }
        let view = state.view(None);
        assert_eq!(view.current.kind, CurrentKind::Result);
        let md = walk_report(&view, ConnectVersion::parse("1.1.614.0").ok(), None);
        assert!(md.starts_with(&format!("# PHS Doctor report: {}\n", view.path_title)), "{md}");
        assert!(md.contains("1.1.614.0 (typed on the start page)"), "{md}");
        assert!(md.contains(&format!("\n## Result: {}", view.current.title.unwrap())), "{md}");
        assert_eq!(md.matches(" — **").count(), view.summary.len(), "{md}");
        if !view.current.fix.is_empty() {
            assert!(md.contains("\nWhat to do:\n") && md.contains("\n1. "), "{md}");
        }
        let start = walk_report(&crate::walk::WalkState::new(path).view(None), None, None);
        assert!(start.contains("None yet") && start.contains("not given"), "{start}");
    }

    /// The version's notices, judged on the day given, with their sources; none without a day.
    #[test]
    fn reports_say_what_is_known_about_the_version() {
        let a = crate::analysis::analyze(PASTE);
        let v = ConnectVersion::parse("2.4.129.0").unwrap();
        let today = Some(Date::new(2026, 12, 2));
        let opts = ReportOptions { redact: true, paste: Some(PASTE), version: Some((v, "typed on the start page")), today };
        let md = analysis_report(&a, &opts).markdown;
        assert!(md.contains("\n## About version 2.4.129.0 (on 2026-12-02, PHS Doctor's release list of "), "{md}");
        assert!(md.contains("- **ERROR** — Version 2.4.129.0 is below 2.5.79.0"), "{md}");
        assert!(md.contains("Third-party source, not Microsoft's"), "{md}");
        assert!(md.find("## About version").unwrap() < md.find("## Findings").unwrap(), "{md}");
        let without = analysis_report(&a, &ReportOptions { today: None, ..opts });
        assert!(!without.markdown.contains("## About version"), "{}", without.markdown);

        let path = crate::knowledge::path("manual-all").unwrap();
        let view = crate::walk::WalkState::new(path).view(ConnectVersion::parse("1.6.2.4").ok());
        let md = walk_report(&view, ConnectVersion::parse("1.6.2.4").ok(), today);
        assert!(md.contains("## About version 1.6.2.4"), "{md}");
        assert!(md.contains("lacks the fix for password hash sync after a domain rename"), "{md}");
        // The retirement is the report's note, said once.
        assert!(!md.contains("is a retired 1.x build"), "{md}");
        assert_eq!(md.matches("Every 1.x build of Microsoft Entra Connect is retired").count(), 1, "{md}");
    }

    #[test]
    fn spans_and_blocks_cannot_be_closed_by_the_text() {
        assert_eq!(code_span("a`b"), "`` a`b ``");
        assert_eq!(code_span("x\ny"), "` x y `");
        assert_eq!(code_block(&["``` a".into()]), "````text\n``` a\n````\n");
        assert_eq!(visible("a\u{1b}[0m\u{202E}"), "a\u{FFFD}[0m\u{FFFD}");
    }
}
