//! Memory stays linear with a small constant: the analysis of a paste that is one event per
//! line (the worst case for records) allocates at most a few times the paste's size. The
//! allocator of this test binary counts the bytes in use and their peak.

use std::alloc::{GlobalAlloc, Layout, System};
use std::sync::atomic::{AtomicUsize, Ordering::Relaxed};

use phs_doctor_core::analysis::analyze;

struct Counting;

static IN_USE: AtomicUsize = AtomicUsize::new(0);
static PEAK: AtomicUsize = AtomicUsize::new(0);

unsafe impl GlobalAlloc for Counting {
    unsafe fn alloc(&self, layout: Layout) -> *mut u8 {
        let p = unsafe { System.alloc(layout) };
        if !p.is_null() {
            let now = IN_USE.fetch_add(layout.size(), Relaxed) + layout.size();
            PEAK.fetch_max(now, Relaxed);
        }
        p
    }
    unsafe fn dealloc(&self, ptr: *mut u8, layout: Layout) {
        unsafe { System.dealloc(ptr, layout) };
        IN_USE.fetch_sub(layout.size(), Relaxed);
    }
    unsafe fn realloc(&self, ptr: *mut u8, layout: Layout, new_size: usize) -> *mut u8 {
        let p = unsafe { System.realloc(ptr, layout, new_size) };
        if !p.is_null() {
            if new_size > layout.size() {
                let now = IN_USE.fetch_add(new_size - layout.size(), Relaxed) + new_size - layout.size();
                PEAK.fetch_max(now, Relaxed);
            } else {
                IN_USE.fetch_sub(layout.size() - new_size, Relaxed);
            }
        }
        p
    }
}

#[global_allocator]
static ALLOCATOR: Counting = Counting;

/// Peak bytes allocated by `f` beyond what was in use before, and its result.
fn peak_of<T>(f: impl FnOnce() -> T) -> (usize, T) {
    let base = IN_USE.load(Relaxed);
    PEAK.store(base, Relaxed);
    let out = f();
    (PEAK.load(Relaxed) - base, out)
}

fn check(name: &str, text: &str) {
    let (peak, a) = peak_of(|| analyze(text));
    let ratio = peak as f64 / text.len() as f64;
    eprintln!("{name}: {} bytes, {} lines, peak {peak} bytes ({ratio:.1}× the paste)", text.len(), a.line_count);
    assert!(ratio < 6.0, "{name}: the analysis took {ratio:.1}× the paste ({peak} bytes for {})", text.len());
}

#[test]
fn one_event_per_line_stays_within_a_few_times_the_paste() {
    // About 2 MB each: connectivity events and heartbeats.
    check("Event ID: 611", &"Event ID: 611\n".repeat(150_000));
    check("Event ID: 654", &"Event ID: 654\r\n".repeat(140_000));
}
