//! Throughput of the paste analysis: builds a 1 MB and a 10 MB paste by repeating the fixtures
//! (every input kind mixed), times `analyze` on each and prints MB/s. The target is at least
//! 200 MB/s natively, and the same rate at both sizes (linear).
//!
//! The 1 MB paste is also timed in wasm when `PHS_BENCH_WASM` names the bare analysis module
//! (`tests/bench/wasm`, built for wasm32 with the app's release profile; `scripts/bench-analysis.sh`
//! builds it and runs this): under Node (`tests/bench/analysis-wasm.mjs`), in rounds interleaved
//! with the native runs, so that both see the same machine load; it prints the ratio wasm ÷
//! native (target ≥ 0.5). The machine is shared and noisy, so a baseline is timed in the same
//! rounds on both sides: one pass counting the line feeds (what a `memchr` loop does); compare
//! runs by `analysis ÷ baseline`.
//!
//! Then the memory case: 32 MiB of `Event ID: 611` lines (one event per line, the worst case
//! for records), its time and the process's peak memory for it (Linux: `VmHWM`, reset first).
//!
//! `cargo bench -p phs-doctor-core --bench analysis` (native only), `scripts/bench-analysis.sh`
//! (native and wasm)

use std::hint::black_box;
use std::io::{BufRead, BufReader, Write};
use std::process::{Child, ChildStdin, ChildStdout, Command, Stdio};
use std::time::{Duration, Instant};

use phs_doctor_core::analysis::{analyze, block};

#[path = "../tests/support/fixture.rs"]
mod fixture;

fn fixtures() -> Vec<String> {
    fixture::all().into_iter().map(|f| f.body + "\n\n").collect()
}

/// The fixtures without the collector's report blocks: what admins paste (a paste has at most
/// a block or two, and the mix of every fixture has about 90 per MB, of 7 distinct reports: each
/// read, the distinct ones decoded, hashed and analysed again), and the mix the 185 MB/s of
/// 2026-11 was measured on, before the collector.
fn pasted_fixtures() -> Vec<String> {
    fixture::all().into_iter().filter(|f| !f.name.starts_with("collector-")).map(|f| f.body + "\n\n").collect()
}

/// The best native rate on `text`, and the baseline's, timed in alternating rounds.
fn native_rates(text: &str) -> (f64, f64) {
    let (mut best, mut base) = (Duration::MAX, Duration::MAX);
    for _ in 0..5 {
        best = best.min(best_of(12, || {
            black_box(analyze(black_box(text)));
        }));
        base = base.min(best_of(12, || {
            black_box(baseline(text));
        }));
    }
    (mbps(text.len(), best.as_secs_f64() * 1000.0), mbps(text.len(), base.as_secs_f64() * 1000.0))
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

/// The best time of `runs` calls of `f`.
fn best_of(runs: usize, mut f: impl FnMut()) -> Duration {
    let mut best = Duration::MAX;
    for _ in 0..runs {
        let t = Instant::now();
        f();
        best = best.min(t.elapsed());
    }
    best
}

/// One pass counting the line feeds: the baseline (what a `memchr` loop does).
fn baseline(text: &str) -> usize {
    black_box(text).bytes().filter(|&b| b == b'\n').count()
}

fn mbps(bytes: usize, ms: f64) -> f64 {
    bytes as f64 / 1_000_000.0 / (ms / 1000.0)
}

/// The wasm module under Node, answering one request per line (`tests/bench/analysis-wasm.mjs`).
struct Wasm {
    child: Child,
    input: ChildStdin,
    output: BufReader<ChildStdout>,
}

impl Wasm {
    fn start(module: &str) -> Wasm {
        let runner = concat!(env!("CARGO_MANIFEST_DIR"), "/../tests/bench/analysis-wasm.mjs");
        let mut child = Command::new("node")
            .arg(runner)
            .arg(module)
            .stdin(Stdio::piped())
            .stdout(Stdio::piped())
            .spawn()
            .expect("node (PHS_BENCH_WASM needs Node to run the wasm)");
        let input = child.stdin.take().expect("stdin");
        let output = BufReader::new(child.stdout.take().expect("stdout"));
        Wasm { child, input, output }
    }

    fn ask(&mut self, request: &str) -> f64 {
        writeln!(self.input, "{request}").expect("write to node");
        let mut line = String::new();
        self.output.read_line(&mut line).expect("read from node");
        line.trim().parse().unwrap_or_else(|_| panic!("node answered {line:?} to {request:?}"))
    }
}

impl Drop for Wasm {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

/// The 1 MB paste: native, and wasm when a module is given, in interleaved rounds.
fn one_mb(text: &str, wasm: Option<&str>) {
    let lines = text.lines().count();
    let findings = analyze(text).findings.len();
    let mut wasm = wasm.map(|module| {
        let mut w = Wasm::start(module);
        let path = std::env::temp_dir().join(format!("phs-bench-paste-{}.txt", std::process::id()));
        std::fs::write(&path, text).expect("temp file");
        let loaded = w.ask(&format!("load {}", path.display()));
        let _ = std::fs::remove_file(&path);
        assert_eq!(loaded as usize, text.len(), "the wasm read another text");
        let n = w.ask("findings") as usize;
        assert_eq!(n, findings, "the wasm found {n} findings, native {findings}");
        w.ask("analyze 1"); // warm-up
        w
    });
    // The report-block finder alone, over the paste's lines: the largest single part of the
    // analysis on this paste (measured 2026-12-02), shown so that a change to it can be judged.
    let physical: Vec<&str> = text.split('\n').map(|l| l.strip_suffix('\r').unwrap_or(l)).collect();
    let (mut native, mut native_base, mut blocks) = (Duration::MAX, Duration::MAX, Duration::MAX);
    let (mut wasm_ms, mut wasm_base_ms) = (f64::INFINITY, f64::INFINITY);
    // Five rounds: 12 native runs and 6 wasm runs of each (60 and 30 in all), best kept.
    for _ in 0..5 {
        native = native.min(best_of(12, || {
            black_box(analyze(black_box(text)));
        }));
        native_base = native_base.min(best_of(12, || {
            black_box(baseline(text));
        }));
        blocks = blocks.min(best_of(12, || {
            black_box(block::find(black_box(&physical)));
        }));
        if let Some(w) = wasm.as_mut() {
            wasm_ms = wasm_ms.min(w.ask("analyze 6"));
            wasm_base_ms = wasm_base_ms.min(w.ask("baseline 6"));
        }
    }
    let ms = native.as_secs_f64() * 1000.0;
    let base_ms = native_base.as_secs_f64() * 1000.0;
    let rate = mbps(text.len(), ms);
    println!("  1 MB: {:>8} bytes, {lines:>7} lines, best {ms:>8.2} ms, {rate:>7.1} MB/s ({findings} findings)", text.len());
    let base_rate = mbps(text.len(), base_ms);
    let blocks_ms = blocks.as_secs_f64() * 1000.0;
    println!(
        "  of which the report-block finder (analysis::block::find over the lines): {blocks_ms:.2} ms, {:.0}%",
        100.0 * blocks_ms / ms
    );
    if wasm.is_some() {
        let wasm_rate = mbps(text.len(), wasm_ms);
        let wasm_base_rate = mbps(text.len(), wasm_base_ms);
        println!(
            "  wasm: same paste, best {wasm_ms:>8.2} ms, {wasm_rate:>7.1} MB/s (same findings); wasm / native = {:.2}",
            wasm_rate / rate
        );
        println!(
            "  baseline (count the line feeds, a memchr-like pass): native {base_rate:.0} MB/s, wasm {wasm_base_rate:.0} MB/s; \
             analysis / baseline: native {:.4}, wasm {:.4}",
            rate / base_rate,
            wasm_rate / wasm_base_rate
        );
    } else {
        println!(
            "  baseline (count the line feeds, a memchr-like pass): native {base_rate:.0} MB/s; analysis / baseline: native {:.4} \
             (no wasm: PHS_BENCH_WASM unset, see scripts/bench-analysis.sh)",
            rate / base_rate
        );
    }
}

fn main() {
    let pieces = fixtures();
    println!("paste analysis throughput ({} fixtures mixed)", pieces.len());
    // `PHS_BENCH_SIZE=10` runs only the 10 MB paste (for profiling), `PHS_BENCH_SIZE=1` only the 1 MB one.
    let only: Option<usize> = std::env::var("PHS_BENCH_SIZE").ok().and_then(|v| v.parse().ok());
    let wasm = std::env::var("PHS_BENCH_WASM").ok().filter(|p| !p.is_empty());
    // `PHS_BENCH_ONCE=n`: n analyses of the 1 MB paste (0: none) and nothing else, for
    // instruction counts that the machine's load does not change (`valgrind --tool=callgrind`;
    // the difference between n = 1 and n = 0 is one analysis).
    if let Some(n) = std::env::var("PHS_BENCH_ONCE").ok().map(|n| n.parse().unwrap_or(1)) {
        // `PHS_BENCH_PASTED=1`: the paste without report blocks.
        let pasted = std::env::var("PHS_BENCH_PASTED").is_ok_and(|v| v == "1");
        let source = if pasted { pasted_fixtures() } else { pieces };
        let text = paste(&source, 1_000_000);
        for _ in 0..n {
            println!("  1 MB once: {} findings", analyze(black_box(&text)).findings.len());
        }
        return;
    }
    if only.is_none_or(|mb| mb == 1) {
        one_mb(&paste(&pieces, 1_000_000), wasm.as_deref());
        let pasted = pasted_fixtures();
        let text = paste(&pasted, 1_000_000);
        let (rate, base) = native_rates(&text);
        println!(
            "  1 MB without report blocks ({} fixtures, the 2026-11 mix): native {rate:.1} MB/s, baseline {base:.0} MB/s, analysis / baseline {:.4}",
            pasted.len(),
            rate / base
        );
    }
    if only.is_none_or(|mb| mb == 10) {
        let text = paste(&pieces, 10_000_000);
        let lines = text.lines().count();
        let findings = analyze(&text).findings.len();
        let best = best_of(8, || {
            black_box(analyze(black_box(&text)));
        });
        let ms = best.as_secs_f64() * 1000.0;
        println!(
            "{:>6}: {:>8} bytes, {lines:>7} lines, best {ms:>8.2} ms, {:>7.1} MB/s ({findings} findings)",
            "10 MB",
            text.len(),
            mbps(text.len(), ms)
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
