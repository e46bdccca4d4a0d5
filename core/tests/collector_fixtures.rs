//! The collector fixtures (`tests/fixtures/pastes/collector-*.txt`) are made from the reports in
//! `tests/fixtures/collector/*.json` by `block::encode` and the paste damage each recipe below
//! names, so they are reproducible: this test makes each again and compares it with the file
//! (`UPDATE_EXPECT=1` writes them). Their analyses are checked whole by `fixtures.rs`.

use std::path::Path;

use phs_doctor_core::analysis::{analyze, block, RecordKind};
use phs_doctor_core::knowledge::FindingId as F;

/// What happened to the block on its way into the paste.
#[derive(Clone, Copy)]
enum Damage {
    None,
    /// The console around it: the prompt, the collector's own lines, the next prompt.
    Prompts,
    /// Windows line endings and the console around it.
    CrlfPrompts,
    /// Body re-wrapped at 64 characters, lines indented and space-padded.
    Rewrapped,
    /// One base64 character changed.
    Flipped,
    /// Only the BEGIN line and three body lines arrived, then the next prompt.
    Truncated,
}

struct Recipe {
    name: &'static str,
    json: &'static str,
    damage: Damage,
    expect: &'static str,
    note: &'static str,
}

const RECIPES: &[Recipe] = &[
    Recipe {
        name: "collector-healthy",
        json: "healthy",
        damage: Damage::Prompts,
        expect: "phs-enabled, heartbeat-ok",
        note: "a healthy server: the block between the console's prompts",
    },
    Recipe {
        name: "collector-staging",
        json: "staging",
        damage: Damage::None,
        expect: "staging-mode, phs-enabled",
        note: "a staging server (StagingModeEnabled in the scheduler): its missing heartbeat is part of the staging finding",
    },
    Recipe {
        name: "collector-phs-off",
        json: "phs-off",
        damage: Damage::None,
        expect: "phs-disabled-tenant, phs-disabled-connector",
        note: "PHS off for the tenant and the AD connector (the missing heartbeat joins its cause)",
    },
    Recipe {
        name: "collector-no-heartbeat",
        json: "no-heartbeat",
        damage: Damage::None,
        expect: "no-heartbeat, ad-permissions, phs-enabled, heartbeat-ok",
        note: "two AD connectors: fabrikam.com has no heartbeat and its event 611 says RPC 8453 (through the event parsers)",
    },
    Recipe {
        name: "collector-rewrapped",
        json: "healthy",
        damage: Damage::Rewrapped,
        expect: "phs-enabled, heartbeat-ok",
        note: "re-wrapped at 64 characters, indented and space-padded by a mail client",
    },
    Recipe {
        name: "collector-crlf-prompts",
        json: "no-heartbeat",
        damage: Damage::CrlfPrompts,
        expect: "no-heartbeat, ad-permissions, phs-enabled, heartbeat-ok",
        note: "CRLF line endings, the collector's own lines and prompts around the block",
    },
    Recipe {
        name: "collector-checksum-mismatch",
        json: "healthy",
        damage: Damage::Flipped,
        expect: "report-altered",
        note: "one base64 character changed: the SHA-256 differs, nothing of the block is used",
    },
    Recipe {
        name: "collector-truncated",
        json: "healthy",
        damage: Damage::Truncated,
        expect: "report-truncated",
        note: "the copy stopped after three body lines: nothing of the block is used",
    },
    Recipe {
        name: "collector-other-schema",
        json: "other-schema",
        damage: Damage::None,
        expect: "report-unsupported-version",
        note: "a report of schema phs-doctor-report/2, which this version does not read",
    },
    Recipe {
        name: "collector-step-failed",
        json: "step-failed",
        damage: Damage::Prompts,
        expect: "cmdlet-failed, heartbeat-ok, report-step-failed",
        note: "the ADSync module did not load: the report says so (and its message, cmdlet-failed with the module not loaded); the events still show heartbeats",
    },
];

fn root() -> &'static Path {
    Path::new(concat!(env!("CARGO_MANIFEST_DIR"), "/../tests/fixtures"))
}

fn report(name: &str) -> String {
    let path = root().join("collector").join(format!("{name}.json"));
    let text = std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
    text.trim_end().to_string()
}

fn paste(json: &str, damage: Damage) -> String {
    let block = block::encode(json);
    let lines: Vec<&str> = block.lines().collect();
    let (begin, end) = (lines[0], lines[lines.len() - 1]);
    let body = &lines[1..lines.len() - 1];
    let console = |b: &str| {
        format!(
            "PS C:\\Users\\admin> .\\phs-doctor-collector.ps1\nCopy everything from the BEGIN line to the END line into PHS Doctor (Analyze page, or phs-doctor diagnose).\n{b}The block is saved in C:\\Users\\admin\\phs-doctor-report.txt\nThe block is on the clipboard.\nPS C:\\Users\\admin> \n"
        )
    };
    match damage {
        Damage::None => block,
        Damage::Prompts => console(&block),
        Damage::CrlfPrompts => console(&block).replace('\n', "\r\n"),
        Damage::Rewrapped => {
            let joined: String = body.concat();
            let mut out = format!("> {begin}\n");
            for chunk in joined.as_bytes().chunks(64) {
                out.push_str(&format!("    {}  \n", std::str::from_utf8(chunk).unwrap()));
            }
            out.push_str(&format!("    {end}\n"));
            out
        }
        Damage::Flipped => {
            let mut body: Vec<String> = body.iter().map(|s| s.to_string()).collect();
            let line = &mut body[1];
            let c = line.remove(20);
            line.insert(20, if c == 'Q' { 'R' } else { 'Q' });
            format!("{begin}\n{}\n{end}\n", body.join("\n"))
        }
        Damage::Truncated => console(&format!("{begin}\n{}\n", body[..3].join("\n")))
            .replace("The block is saved in C:\\Users\\admin\\phs-doctor-report.txt\nThe block is on the clipboard.\n", ""),
    }
}

#[test]
fn collector_fixtures_are_made_from_their_reports() {
    let update = std::env::var_os("UPDATE_EXPECT").is_some();
    let mut stale = Vec::new();
    for r in RECIPES {
        let text = format!(
            "# expect: {}\n# note: {} (made by core/tests/collector_fixtures.rs from tests/fixtures/collector/{}.json)\n{}",
            r.expect,
            r.note,
            r.json,
            paste(&report(r.json), r.damage)
        );
        let path = root().join("pastes").join(format!("{}.txt", r.name));
        let on_disk = std::fs::read_to_string(&path).unwrap_or_default();
        if on_disk != text {
            if update {
                std::fs::write(&path, &text).unwrap();
            } else {
                stale.push(r.name);
            }
        }
    }
    assert!(stale.is_empty(), "fixtures differ from their recipe (UPDATE_EXPECT=1 to make them): {stale:?}");
}

#[test]
fn a_typed_report_round_trips_through_the_analysis() {
    for name in ["healthy", "staging", "no-heartbeat"] {
        let json = report(name);
        for damage in [Damage::None, Damage::Prompts, Damage::CrlfPrompts, Damage::Rewrapped] {
            let text = paste(&json, damage);
            let a = analyze(&text);
            let r = a.records.iter().find(|r| r.kind == RecordKind::Report).expect("a report record");
            assert_eq!(r.field("check"), Some("ok"), "{name}");
            assert_eq!(r.field("json"), Some(json.as_str()), "{name}: the decoded JSON is the report");
            assert_eq!(r.field("sha256"), Some(block::hex(&block::sha256(json.as_bytes())).as_str()));
            // The block's lines are understood, and its facts are judged.
            assert!(a.unparsed_lines.is_empty(), "{name}: {:?}", a.unparsed_lines);
            assert!(a.findings.iter().any(|f| f.id == F::PhsEnabled), "{name}");
            assert_eq!(a.connect_version.map(|v| v.to_string()).as_deref(), Some("2.4.131.0"));
        }
    }
}

#[test]
fn a_damaged_block_gives_no_facts() {
    let json = report("phs-off");
    for (damage, id) in [(Damage::Flipped, F::ReportAltered), (Damage::Truncated, F::ReportTruncated)] {
        let text = paste(&json, damage);
        let a = analyze(&text);
        let ids: Vec<F> = a.findings.iter().map(|f| f.id).collect();
        assert_eq!(ids, [id], "only the check's finding, none of the report's facts");
        assert!(a.connect_version.is_none());
    }
}

/// A block pasted again (the same copy three times, another report and a changed copy between)
/// reads as each copy alone: its check and its analysis are remembered, not done again, and
/// are the same. Each copy's records are the copy's analysed alone, at the copy's lines.
#[test]
fn a_block_pasted_again_reads_as_each_copy_alone() {
    let staging = paste(&report("staging"), Damage::None);
    let healthy = paste(&report("healthy"), Damage::Prompts);
    let flipped = paste(&report("staging"), Damage::Flipped);
    let copies = [&staging, &healthy, &staging, &flipped, &staging, &healthy];
    let text: String = copies.iter().map(|c| c.as_str()).collect();
    let whole = analyze(&text);
    let found = block::find(&text.lines().collect::<Vec<_>>());
    let (mut at, mut records, mut blocks, mut ids) = (0, Vec::new(), Vec::new(), Vec::new());
    for c in copies {
        for mut r in analyze(c).records.into_iter().map(|r| r.into_owned()) {
            r.start_line += at;
            r.end_line += at;
            records.push(r);
        }
        for b in block::find(&c.lines().collect::<Vec<_>>()) {
            blocks.push(block::Block { first: b.first + at, last: b.last + at, ..b });
        }
        ids.extend(analyze(c).findings.iter().map(|f| f.id));
        at += c.lines().count();
    }
    assert_eq!(found, blocks);
    assert_eq!(whole.records.iter().filter(|r| r.kind == RecordKind::Report).count(), copies.len());
    assert_eq!(whole.records, records);
    ids.sort_by_key(|id| id.to_string());
    ids.dedup();
    let mut got: Vec<F> = whole.findings.iter().map(|f| f.id).collect();
    got.sort_by_key(|id| id.to_string());
    got.dedup();
    assert_eq!(got, ids);
}
