//! Runs every paste under `tests/fixtures/pastes/` and checks its findings exactly (see the
//! README there for the format). `PHS_FIXTURE=name cargo test --test fixtures -- --nocapture`
//! prints the analysis of one fixture.

use std::collections::BTreeSet;
use std::path::PathBuf;

use phs_doctor_core::analysis::{analyze, Analysis};
use phs_doctor_core::knowledge::{self, Severity};

struct Fixture {
    name: String,
    expect: BTreeSet<String>,
    unparsed: Option<Vec<usize>>,
    body: String,
}

fn dir() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../tests/fixtures/pastes")
}

fn load() -> Vec<Fixture> {
    let mut out = Vec::new();
    let mut entries: Vec<_> = std::fs::read_dir(dir()).expect("fixture dir").map(|e| e.unwrap().path()).collect();
    entries.sort();
    for path in entries {
        if path.extension().and_then(|e| e.to_str()) != Some("txt") {
            continue;
        }
        let bytes = std::fs::read(&path).unwrap();
        let text = String::from_utf8_lossy(&bytes).into_owned();
        let name = path.file_stem().unwrap().to_string_lossy().into_owned();
        let mut expect = None;
        let mut unparsed = None;
        let mut rest = text.as_str();
        while let Some(line_end) = rest.find('\n').filter(|_| rest.starts_with("# ")) {
            let line = rest[..line_end].trim_end_matches('\r');
            if let Some(v) = line.strip_prefix("# expect:") {
                expect = Some(v.split(',').map(|s| s.trim().to_string()).filter(|s| !s.is_empty()).collect());
            } else if let Some(v) = line.strip_prefix("# unparsed:") {
                let v = v.trim();
                unparsed = Some(if v == "none" { vec![] } else { v.split(',').map(|s| s.trim().parse().expect("line number")).collect() });
            }
            rest = &rest[line_end + 1..];
        }
        let expect = expect.unwrap_or_else(|| panic!("{name}: no `# expect:` line"));
        out.push(Fixture { name, expect, unparsed, body: rest.to_string() });
    }
    out
}

fn ids(a: &Analysis) -> BTreeSet<String> {
    a.findings.iter().map(|f| f.id.to_string()).collect()
}

fn dump(name: &str, a: &Analysis) {
    eprintln!("==== {name}");
    for r in &a.records {
        eprintln!("  record {:>3}-{:<3} {:<18} {:?}", r.start_line, r.end_line, r.kind.as_str(), r.fields);
    }
    for f in &a.findings {
        let lines: Vec<usize> = f.evidence.iter().map(|e| e.line).collect();
        eprintln!("  finding {:<24} {:<7} lines {:?} params {:?} events {:?}", f.id, f.severity.as_str(), lines, f.params, f.events);
    }
    eprintln!("  unparsed {:?}", a.unparsed_lines);
    eprintln!("  timeline {:?}", a.timeline);
}

#[test]
fn every_fixture_gives_exactly_its_findings() {
    let only = std::env::var("PHS_FIXTURE").ok();
    let mut failures = Vec::new();
    let fixtures = load();
    assert!(fixtures.len() >= 40, "fixtures missing: {}", fixtures.len());
    for fx in &fixtures {
        if only.as_deref().is_some_and(|o| o != fx.name && o != "all") {
            continue;
        }
        let a = analyze(&fx.body);
        if only.as_deref() == Some("all") {
            let lines: Vec<&str> = fx.body.lines().collect();
            for &u in &a.unparsed_lines {
                eprintln!("{}:{}: {}", fx.name, u, lines.get(u - 1).unwrap_or(&""));
            }
        } else if only.is_some() {
            dump(&fx.name, &a);
        }
        let got = ids(&a);
        if got != fx.expect {
            let missing: Vec<_> = fx.expect.difference(&got).collect();
            let extra: Vec<_> = got.difference(&fx.expect).collect();
            failures.push(format!("{}: missing {missing:?}, extra {extra:?}", fx.name));
        }
        if let Some(u) = &fx.unparsed {
            if &a.unparsed_lines != u {
                failures.push(format!("{}: unparsed {:?}, expected {u:?}", fx.name, a.unparsed_lines));
            }
        }
        // Every finding has evidence in range, except "nothing recognised".
        for f in &a.findings {
            if f.id != "nothing-recognised" && f.evidence.is_empty() {
                failures.push(format!("{}: {} has no evidence", fx.name, f.id));
            }
            for e in &f.evidence {
                if e.line == 0 || e.line > a.line_count {
                    failures.push(format!("{}: {} evidence line {} out of range", fx.name, f.id, e.line));
                }
            }
        }
    }
    assert!(failures.is_empty(), "{} fixture(s) failed:\n{}", failures.len(), failures.join("\n"));
}

/// A lone CR is a line break: every fixture saved with CR line endings (classic Mac OS, some
/// exports) gives the same findings with the same evidence lines.
#[test]
fn cr_line_endings_give_the_same_findings() {
    let evidence = |a: &Analysis| -> Vec<(String, Vec<usize>)> {
        a.findings.iter().map(|f| (f.id.to_string(), f.evidence.iter().map(|e| e.line).collect())).collect()
    };
    let mut failures = Vec::new();
    for fx in load() {
        let lf = fx.body.replace("\r\n", "\n");
        let cr = lf.replace('\n', "\r");
        let (a, b) = (analyze(&lf), analyze(&cr));
        if evidence(&a) != evidence(&b) || a.line_count != b.line_count {
            failures.push(format!(
                "{}: LF {:?} ({} lines), CR {:?} ({} lines)",
                fx.name,
                evidence(&a),
                a.line_count,
                evidence(&b),
                b.line_count
            ));
        }
    }
    assert!(failures.is_empty(), "{} fixture(s) differ with CR line endings:\n{}", failures.len(), failures.join("\n"));
}

/// Every finding id of the content is exercised by at least one fixture.
#[test]
fn fixtures_cover_every_finding() {
    let fixtures = load();
    let covered: BTreeSet<String> = fixtures.iter().flat_map(|f| f.expect.iter().cloned()).collect();
    let missing: Vec<&str> = knowledge::FINDINGS.iter().map(|f| f.id).filter(|id| !covered.contains(*id)).collect();
    assert!(missing.is_empty(), "findings without a fixture: {missing:?}");
    for id in &covered {
        assert!(knowledge::finding(id).is_some(), "fixture expects unknown finding {id}");
    }
}

/// Healthy pastes produce no error or warning (no invented faults).
#[test]
fn healthy_fixtures_have_no_faults() {
    for fx in load().iter().filter(|f| f.name.contains("healthy")) {
        let a = analyze(&fx.body);
        for f in &a.findings {
            assert!(matches!(f.severity, Severity::Ok | Severity::Info), "{}: {} is {:?}", fx.name, f.id, f.severity);
        }
    }
}

/// Findings are sorted by severity and each id appears once.
#[test]
fn findings_are_sorted_and_unique() {
    for fx in load() {
        let a = analyze(&fx.body);
        let sev: Vec<Severity> = a.findings.iter().map(|f| f.severity).collect();
        let mut sorted = sev.clone();
        sorted.sort();
        assert_eq!(sev, sorted, "{}", fx.name);
        let unique: BTreeSet<&str> = a.findings.iter().map(|f| f.id).collect();
        assert_eq!(unique.len(), a.findings.len(), "{}", fx.name);
    }
}

/// The minimum list of the issue exists in the content, with explanation and next steps.
#[test]
fn the_minimum_finding_ids_exist() {
    let ids = [
        "phs-disabled-tenant",
        "staging-mode",
        "phs-disabled-connector",
        "no-heartbeat",
        "heartbeat-ok",
        "domain-unreachable",
        "ad-permissions",
        "ad-credentials",
        "cloud-credentials",
        "dc-rejecting-replication",
        "drs-error",
        "upgrade-required",
        "transient-retry",
        "multiple-aad-connectors",
        "no-aad-connector",
        "no-ad-connector",
        "full-sync-paused",
        "full-sync-failed",
        "full-sync-completed",
        "phs-service-error",
        "phs-stopped",
        "object-not-exported",
        "temporary-password",
        "no-sync-history",
        "not-in-connector-space",
        "no-target-connection",
        "cloud-filtered",
        "no-phs-sync-rule",
        "object-password-failed",
        "password-synced",
        "kerberos-hash-missing",
        "legacy-log-entry",
        "not-phs",
        "nothing-recognised",
    ];
    for id in ids {
        let f = knowledge::finding(id).unwrap_or_else(|| panic!("{id} missing"));
        assert!(!f.explanation.plain().is_empty(), "{id}");
        let steps = if f.next_steps.is_empty() { f.result.and_then(knowledge::result).map(|r| r.fix).unwrap_or(&[]) } else { f.next_steps };
        assert!(!steps.is_empty(), "{id}: no next steps");
    }
}
