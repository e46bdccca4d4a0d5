//! Time of one keystroke in the header's search: each query typed a key at a time, every
//! prefix searched over the whole index; prints the mean and the slowest keystroke (each the
//! best of 20 runs). The wasm build is measured by `scripts/bench.sh` (`phsBenchSearch`);
//! its target is at most 2 ms a keystroke.
//!
//! `cargo bench -p phs-doctor-core --bench search`

use std::hint::black_box;
use std::time::{Duration, Instant};

use phs_doctor_core::search::search;

/// Typed queries: ids, hex, names, words, typos. The browser benchmark types the same.
const QUERIES: &[&str] = &[
    "611",
    "6111",
    "0x2105",
    "ERROR_DS_DRA_ACCESS_DENIED",
    "TargetNotExportedToDirectory",
    "hearbeat",
    "password hash sync heartbeat not running",
    "staging mode full sync",
    "access denied replication permissions",
    "the rpc server is unavailable",
];

fn main() {
    let mut times = Vec::new();
    for q in QUERIES {
        for end in q.char_indices().map(|(i, _)| i).skip(1).chain([q.len()]) {
            let mut best = Duration::MAX;
            for _ in 0..20 {
                let t = Instant::now();
                black_box(search(black_box(&q[..end]), 8));
                best = best.min(t.elapsed());
            }
            times.push((best, &q[..end]));
        }
    }
    let total: Duration = times.iter().map(|(t, _)| *t).sum();
    let (worst, at) = times.iter().max().copied().unwrap_or((Duration::ZERO, ""));
    println!(
        "search keystroke (native): mean {:.3} ms, slowest {:.3} ms ({at:?}), {} keystrokes",
        total.as_secs_f64() * 1000.0 / times.len() as f64,
        worst.as_secs_f64() * 1000.0,
        times.len()
    );
}
