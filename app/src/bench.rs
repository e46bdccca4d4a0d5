//! One export for the benchmark (`scripts/bench.sh`): the core's analysis run on a string, so
//! the wasm build's throughput can be compared with the native one on the same input.

use wasm_bindgen::prelude::wasm_bindgen;

/// Analyses `text` `runs` times (at least once) and returns the best time in milliseconds, as
/// the native benchmark does: the text crosses from JavaScript once, so only the analysis is
/// timed. Returns -1 where the page has no clock.
#[wasm_bindgen(js_name = phsBenchAnalyze)]
pub fn bench_analyze(text: &str, runs: u32) -> f64 {
    let Some(performance) = web_sys::window().and_then(|w| w.performance()) else {
        return -1.0;
    };
    let mut best = f64::INFINITY;
    let mut findings = 0;
    for _ in 0..runs.max(1) {
        let started = performance.now();
        findings += phs_doctor_core::analysis::analyze(text).findings.len();
        best = best.min(performance.now() - started);
    }
    // Keeps the work from being optimised away.
    if findings == usize::MAX {
        return -2.0;
    }
    best
}

/// Types each of `queries` (one per line) a key at a time into the search and returns the
/// slowest keystroke in milliseconds (each keystroke's best of `runs`). Returns -1 where the
/// page has no clock.
#[wasm_bindgen(js_name = phsBenchSearch)]
pub fn bench_search(queries: &str, runs: u32) -> f64 {
    let Some(performance) = web_sys::window().and_then(|w| w.performance()) else {
        return -1.0;
    };
    let mut worst: f64 = 0.0;
    let mut found = 0;
    for q in queries.lines() {
        for (end, _) in q.char_indices().skip(1).chain(std::iter::once((q.len(), ' '))) {
            let mut best = f64::INFINITY;
            for _ in 0..runs.max(1) {
                let started = performance.now();
                found += phs_doctor_core::search::search(&q[..end], 8).len();
                best = best.min(performance.now() - started);
            }
            worst = worst.max(best);
        }
    }
    if found == usize::MAX {
        return -2.0;
    }
    worst
}
