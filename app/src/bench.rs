//! One export for the benchmark (`scripts/bench.sh`): the core's analysis run on a string, so
//! the wasm build's throughput can be compared with the native one on the same input.

use wasm_bindgen::prelude::wasm_bindgen;

/// Analyses `text` and returns the number of findings (so the work can't be skipped).
#[wasm_bindgen(js_name = phsBenchAnalyze)]
pub fn bench_analyze(text: &str) -> usize {
    phs_doctor_core::analysis::analyze(text).findings.len()
}
