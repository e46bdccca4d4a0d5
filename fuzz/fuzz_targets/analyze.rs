//! Fuzzes the paste analysis entry point: any bytes (decoded lossily, as the CLI and the app
//! receive text) must analyse without a panic, and every line number in the output must be
//! within the paste.

#![no_main]

use libfuzzer_sys::fuzz_target;
use phs_doctor_core::analysis::analyze;

fuzz_target!(|data: &[u8]| {
    let text = String::from_utf8_lossy(data);
    let a = analyze(&text);
    let n = a.line_count;
    for r in &a.records {
        assert!(r.start_line >= 1 && r.start_line <= r.end_line && r.end_line <= n, "record {r:?} outside 1..={n}");
    }
    for f in &a.findings {
        for e in &f.evidence {
            assert!(e.line >= 1 && e.line <= n, "{} evidence line {} outside 1..={n}", f.id, e.line);
        }
    }
    for &u in &a.unparsed_lines {
        assert!(u >= 1 && u <= n, "unparsed line {u} outside 1..={n}");
    }
});
