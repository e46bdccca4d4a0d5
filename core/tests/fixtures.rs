//! Runs every paste under `tests/fixtures/pastes/` and compares its whole analysis (records,
//! findings with their evidence lines, parameters, decoded errors and events, the lines not
//! understood, the timeline) with `<name>.expect` beside it. `UPDATE_EXPECT=1 cargo test -p
//! phs-doctor-core --test fixtures` re-blesses them (review the diff before committing).
//! `PHS_FIXTURE=all … -- --nocapture` prints the unparsed lines of every fixture.

use phs_doctor_core::knowledge::FindingId as F;
use std::collections::BTreeSet;
use std::fmt::Write as _;

use phs_doctor_core::analysis::{analyze, Analysis};
use phs_doctor_core::knowledge::{self, Severity};

#[path = "support/fixture.rs"]
mod fixture;
use fixture::Fixture;

fn load() -> Vec<Fixture> {
    fixture::all()
}

/// The whole analysis as stable, reviewable text. Content texts (titles, explanations, next
/// steps) are left out: they are the content's, checked by the content tests, and would make
/// every wording change re-bless every fixture.
fn dump(a: &Analysis) -> String {
    let mut o = String::new();
    let q = |s: &str| format!("{s:?}");
    writeln!(o, "lines {}", a.line_count).unwrap();
    if let Some(v) = &a.connect_version {
        writeln!(o, "connect-version {v}").unwrap();
    }
    if let Some(t) = &a.truncated {
        writeln!(o, "truncated {t:?}").unwrap();
    }
    writeln!(
        o,
        "\nrecords {}{}",
        a.records.len(),
        if a.records_omitted > 0 { format!(" (+{} omitted)", a.records_omitted) } else { String::new() }
    )
    .unwrap();
    for r in &a.records {
        let span = if r.start_line == r.end_line { format!("{}", r.start_line) } else { format!("{}-{}", r.start_line, r.end_line) };
        write!(o, "  {span:<7} {}", r.kind.as_str()).unwrap();
        for (k, v) in &r.fields {
            write!(o, " {k}={}", q(v)).unwrap();
        }
        o.push('\n');
    }
    writeln!(o, "\nfindings {}", a.findings.len()).unwrap();
    for f in &a.findings {
        writeln!(o, "  {} {}", f.severity.as_str(), f.id).unwrap();
        if let Some(n) = f.node {
            writeln!(o, "    node {n}").unwrap();
        }
        if let Some(r) = f.result {
            writeln!(o, "    result {r}").unwrap();
        }
        for e in &f.evidence {
            writeln!(o, "    line {:>4} {}", e.line, q(e.text.trim_end())).unwrap();
        }
        if f.evidence_omitted > 0 {
            writeln!(o, "    … {} more evidence lines", f.evidence_omitted).unwrap();
        }
        for (k, v) in &f.params {
            writeln!(o, "    param {k}={}", q(v)).unwrap();
        }
        if f.params_omitted > 0 {
            writeln!(o, "    … {} more params", f.params_omitted).unwrap();
        }
        for e in &f.errors {
            writeln!(o, "    error {} {} {} → {}", e.kind.as_str(), e.code, e.name, e.finding).unwrap();
        }
        if !f.events.is_empty() {
            writeln!(o, "    events {:?}", f.events).unwrap();
        }
    }
    writeln!(o, "\nunparsed {:?}", a.unparsed_lines).unwrap();
    let t = &a.timeline;
    if t != &Default::default() {
        writeln!(o, "\ntimeline").unwrap();
        if let Some((ts, line)) = &t.newest {
            writeln!(o, "  newest {} line {line}", ts.text()).unwrap();
        }
        for h in &t.heartbeats {
            let time = h.time.map_or("untimed".to_string(), |t| t.text());
            let server = h.server.as_deref().map(|s| format!(" server {}", q(s))).unwrap_or_default();
            writeln!(o, "  heartbeat {} {time} line {} count {}{server}", q(h.connector.as_deref().unwrap_or("-")), h.line, h.count)
                .unwrap();
        }
        for g in &t.gaps {
            writeln!(
                o,
                "  gap {} last {} line {} newest {} minutes {}",
                q(g.connector.as_deref().unwrap_or("-")),
                g.last_heartbeat.text(),
                g.line,
                g.newest.text(),
                g.minutes
            )
            .unwrap();
        }
        for s in &t.full_sync {
            let time = s.time.map_or("untimed".to_string(), |t| t.text());
            writeln!(o, "  full-sync {} {time} line {} scope {}", s.event, s.line, q(s.scope.as_deref().unwrap_or("-"))).unwrap();
        }
        if let Some(s) = t.full_sync_state {
            writeln!(o, "  full-sync-state {}", s.as_str()).unwrap();
        }
    }
    o
}

#[test]
fn every_fixture_gives_its_whole_expected_output() {
    let fixtures = load();
    assert!(fixtures.len() >= 60, "fixtures missing: {}", fixtures.len());
    let mut failures = Vec::new();
    for fx in &fixtures {
        let a = analyze(&fx.body);
        if std::env::var("PHS_FIXTURE").as_deref() == Ok("all") {
            let lines: Vec<&str> = fx.body.lines().collect();
            for &u in &a.unparsed_lines {
                eprintln!("{}:{}: {}", fx.name, u, lines.get(u - 1).unwrap_or(&""));
            }
        }
        let mut got: Vec<String> = a.findings.iter().map(|f| f.id.to_string()).collect();
        got.sort();
        if got != fx.expect {
            failures.push(format!("{}: finding ids {got:?}, `# expect:` says {:?}", fx.name, fx.expect));
        }
        let text = dump(&a);
        let file = expect_test::expect_file![&fx.expected_path];
        if std::panic::catch_unwind(|| file.assert_eq(&text)).is_err() {
            failures.push(format!("{}: the analysis differs from {} (diff above)", fx.name, fx.expected_path.display()));
        }
        // Every finding has evidence in range, except "nothing recognised" and "nothing wrong found".
        for f in &a.findings {
            if !matches!(f.id, F::NothingRecognised | F::NothingWrongFound) && f.evidence.is_empty() {
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

/// An `.expect` file without its fixture is a leftover (a renamed or deleted fixture).
#[test]
fn every_expect_file_has_its_fixture() {
    let names: BTreeSet<String> = load().into_iter().map(|f| f.name).collect();
    for entry in std::fs::read_dir(fixture::dir()).unwrap() {
        let p = entry.unwrap().path();
        if p.extension().is_some_and(|e| e == "expect") {
            let stem = p.file_stem().unwrap().to_string_lossy().into_owned();
            assert!(names.contains(&stem), "{} has no fixture {stem}.txt", p.display());
        }
    }
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
    let missing: Vec<&str> = knowledge::FINDINGS.iter().map(|f| f.id.as_str()).filter(|id| !covered.contains(*id)).collect();
    assert!(missing.is_empty(), "findings without a fixture: {missing:?}");
    for id in &covered {
        assert!(knowledge::finding(id).is_some(), "fixture expects unknown finding {id}");
    }
}

/// Every step that depends on a parameter's value (`content/findings.json` `when_steps`: another
/// feature's troubleshooting, the re-grant steps) is shown by a fixture with that value, and by
/// none without it: a misspelt value would never be shown.
#[test]
fn fixtures_cover_every_conditional_step() {
    let fixtures = load();
    let analyses: Vec<_> = fixtures.iter().map(|fx| (fx.name.as_str(), analyze(&fx.body))).collect();
    for info in knowledge::FINDINGS {
        for (param, value, first, steps) in info.when_steps {
            let mut with = false;
            for (name, a) in &analyses {
                for f in a.findings.iter().filter(|f| f.id == info.id) {
                    let has = f.params.iter().any(|(k, v)| k == param && v == value);
                    let shows = steps.iter().all(|s| f.next_steps.contains(s));
                    assert_eq!(has, shows, "{name}: {}: steps for {}={value} shown {shows}", info.id.as_str(), param.as_str());
                    // Before the general steps with `first`, after them without.
                    let at = |t: Option<&knowledge::Text>| t.and_then(|t| f.next_steps.iter().position(|s| s == t));
                    if let (true, Some(own), Some(general)) = (has, at(steps.first()), at(info.steps().last())) {
                        assert_eq!(
                            own < general,
                            *first,
                            "{name}: {}: steps for {}={value} in the wrong place",
                            info.id.as_str(),
                            param.as_str()
                        );
                    }
                    with |= has;
                }
            }
            assert!(with, "{}: no fixture has {}={value}", info.id.as_str(), param.as_str());
        }
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
        let unique: BTreeSet<F> = a.findings.iter().map(|f| f.id).collect();
        assert_eq!(unique.len(), a.findings.len(), "{}", fx.name);
    }
}

/// The minimum list of the issue exists in the content (the build checks the names), each with
/// an explanation and next steps.
#[test]
fn the_minimum_findings_explain_and_advise() {
    let ids = [
        F::PhsDisabledTenant,
        F::StagingMode,
        F::PhsDisabledConnector,
        F::NoHeartbeat,
        F::HeartbeatOk,
        F::DomainUnreachable,
        F::AdPermissions,
        F::AdCredentials,
        F::CloudCredentials,
        F::DcRejectingReplication,
        F::DrsError,
        F::UpgradeRequired,
        F::TransientRetry,
        F::MultipleAadConnectors,
        F::NoAadConnector,
        F::NoAdConnector,
        F::FullSyncPaused,
        F::FullSyncFailed,
        F::FullSyncCompleted,
        F::PhsServiceError,
        F::PhsStopped,
        F::ObjectNotExported,
        F::TemporaryPassword,
        F::NoSyncHistory,
        F::NotInConnectorSpace,
        F::NoTargetConnection,
        F::CloudFiltered,
        F::NoPhsSyncRule,
        F::ObjectPasswordFailed,
        F::PasswordSynced,
        F::KerberosHashMissing,
        F::LegacyLogEntry,
        F::NotPhs,
        F::NothingRecognised,
    ];
    for id in ids {
        let f = id.info();
        assert!(!f.explanation.plain().is_empty(), "{id}");
        let steps = if f.next_steps.is_empty() { f.result.and_then(knowledge::result).map(|r| r.fix).unwrap_or(&[]) } else { f.next_steps };
        assert!(!steps.is_empty(), "{id}: no next steps");
    }
}
