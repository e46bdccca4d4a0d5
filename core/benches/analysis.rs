//! Throughput of the paste analysis: builds a 1 MB and a 10 MB paste by repeating the fixtures
//! (every input kind mixed), times `analyze` on each and prints MB/s. The target is at least
//! 200 MB/s natively, and the same rate at both sizes (linear).
//!
//! Then the memory case: 32 MiB of `Event ID: 611` lines (one event per line, the worst case
//! for records), its time and the process's peak memory for it (Linux: `VmHWM`, reset first).
//!
//! `cargo bench -p phs-doctor-core --bench analysis`

use std::hint::black_box;
use std::time::{Duration, Instant};

use phs_doctor_core::analysis::analyze;

#[path = "../tests/support/fixture.rs"]
mod fixture;

fn fixtures() -> Vec<String> {
    fixture::all().into_iter().map(|f| f.body + "\n\n").collect()
}

fn paste(pieces: &[String], size: usize) -> String {
    let mut out = String::with_capacity(size + 64 * 1024);
    let mut i = 0;
    while out.len() < size {
        out.push_str(&pieces[i % pieces.len()]);
        i += 1;
    }
    out
}

fn measure(text: &str) -> (f64, Duration, usize) {
    // Warm up, then take the best of several runs (least disturbed by other load).
    let a = analyze(text);
    let findings = a.findings.len();
    let mut best = Duration::MAX;
    let runs = if text.len() > 4_000_000 { 8 } else { 60 };
    for _ in 0..runs {
        let t = Instant::now();
        black_box(analyze(black_box(text)));
        best = best.min(t.elapsed());
    }
    let mb = text.len() as f64 / 1_000_000.0;
    (mb / best.as_secs_f64(), best, findings)
}

fn main() {
    let pieces = fixtures();
    println!("paste analysis throughput ({} fixtures mixed)", pieces.len());
    // `PHS_BENCH_SIZE=10` runs only the 10 MB paste (for profiling).
    let only: Option<usize> = std::env::var("PHS_BENCH_SIZE").ok().and_then(|v| v.parse().ok());
    for (label, size) in [("1 MB", 1_000_000), ("10 MB", 10_000_000)] {
        if only.is_some_and(|mb| mb * 1_000_000 != size) {
            continue;
        }
        let text = paste(&pieces, size);
        let lines = text.lines().count();
        let (rate, best, findings) = measure(&text);
        println!(
            "{label:>6}: {:>8} bytes, {lines:>7} lines, best {:>8.2} ms, {rate:>7.1} MB/s ({findings} findings)",
            text.len(),
            best.as_secs_f64() * 1000.0
        );
    }
    if only.is_none() {
        memory_case();
    }
}

/// The peak resident memory of this process in bytes (Linux), after `reset`.
fn peak_rss(reset: bool) -> Option<u64> {
    if reset {
        // "5" resets the peak to the current resident size.
        std::fs::write("/proc/self/clear_refs", "5").ok()?;
    }
    let status = std::fs::read_to_string("/proc/self/status").ok()?;
    let kb: u64 = status.lines().find(|l| l.starts_with("VmHWM:"))?.split_whitespace().nth(1)?.parse().ok()?;
    Some(kb * 1024)
}

fn memory_case() {
    let line = "Event ID: 611\n";
    let text = line.repeat(32 * 1024 * 1024 / line.len());
    let before = peak_rss(true);
    let t = Instant::now();
    let a = analyze(black_box(&text));
    let took = t.elapsed();
    let peak = peak_rss(false);
    let mb = |b: u64| b as f64 / 1_000_000.0;
    let memory = match (before, peak) {
        (Some(b), Some(p)) => {
            format!("peak memory {:.0} MB ({:.1}x the input; {:.0} MB before)", mb(p), p as f64 / text.len() as f64, mb(b))
        }
        _ => "peak memory n/a (no /proc)".to_string(),
    };
    println!(
        "32 MiB of `Event ID: 611` lines: {} bytes, {} records kept + {} counted, {:.0} ms, {memory}",
        text.len(),
        a.records.len(),
        a.records_omitted,
        took.as_secs_f64() * 1000.0
    );
}
