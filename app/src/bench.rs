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
