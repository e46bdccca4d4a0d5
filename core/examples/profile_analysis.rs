//! One `analyze` of the bench's mixed paste, for profilers (callgrind counts are repeatable on
//! a loaded machine where wall time is not):
//!
//! `CARGO_PROFILE_BENCH_STRIP=false CARGO_PROFILE_BENCH_DEBUG=line-tables-only cargo build -p phs-doctor-core --profile bench --example profile_analysis`
//! `valgrind --tool=callgrind --toggle-collect='*measured*' target/release/examples/profile_analysis 1`
//!
//! The argument is the paste size in MB (default 1). A warm-up run on a small paste first builds
//! the phrase tables (as the bench's warm-up does), so that only `measured` counts.

use std::hint::black_box;
use std::path::PathBuf;

fn main() {
    let mb: usize = std::env::args().nth(1).and_then(|a| a.parse().ok()).unwrap_or(1);
    let dir = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../tests/fixtures/pastes");
    let mut paths: Vec<PathBuf> = std::fs::read_dir(&dir).expect("fixtures").map(|e| e.unwrap().path()).collect();
    paths.sort();
    // The same pieces and order as benches/analysis.rs.
    let pieces: Vec<String> = paths
        .into_iter()
        .filter(|p| p.extension().is_some_and(|e| e == "txt"))
        .map(|p| {
            let text = String::from_utf8_lossy(&std::fs::read(&p).unwrap()).into_owned();
            text.lines().skip_while(|l| l.starts_with("# ")).collect::<Vec<_>>().join("\n") + "\n\n"
        })
        .collect();
    let size = mb * 1_000_000;
    let mut text = String::with_capacity(size + 64 * 1024);
    let mut i = 0;
    while text.len() < size {
        text.push_str(&pieces[i % pieces.len()]);
        i += 1;
    }
    black_box(phs_doctor_core::analysis::analyze(black_box(&pieces[0])));
    let a = measured(&text);
    println!("{} bytes, {} findings, {} records, {} unparsed", text.len(), a.findings.len(), a.records.len(), a.unparsed_lines.len());
}

#[inline(never)]
fn measured(text: &str) -> phs_doctor_core::analysis::Analysis<'_> {
    black_box(phs_doctor_core::analysis::analyze(black_box(text)))
}
