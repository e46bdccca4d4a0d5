//! The core's paste analysis as a bare wasm module (no wasm-bindgen, no app), built with the
//! app's release profile, for the throughput benchmark: `core/benches/analysis.rs` runs it under
//! Node (`tests/bench/analysis-wasm.mjs`) on the same 1 MB paste as the native analysis,
//! interleaved with it, so that one run prints both and their ratio without building the app.
//!
//! Exports: `alloc(len) -> ptr` (a buffer the host writes the paste into), `analyze(ptr, len,
//! runs) -> ms` and `baseline(ptr, len, runs) -> ms` (the best of `runs`, timed inside the wasm
//! with the host's `env.now`, so only the work is timed), `findings(ptr, len)` (to check that
//! both sides analyse the same text). Natively the crate is empty.

#[cfg(target_arch = "wasm32")]
mod wasm {
    use std::hint::black_box;

    #[link(wasm_import_module = "env")]
    extern "C" {
        /// `performance.now()` of the host, in milliseconds.
        fn now() -> f64;
    }

    /// A buffer of `len` bytes that the host fills; it is never freed (one per benchmark).
    #[no_mangle]
    pub extern "C" fn alloc(len: usize) -> *mut u8 {
        let mut v = Vec::<u8>::with_capacity(len);
        let p = v.as_mut_ptr();
        std::mem::forget(v);
        p
    }

    /// # Safety
    /// `ptr..ptr + len` is a buffer from [`alloc`] that the host has filled.
    unsafe fn text<'a>(ptr: *const u8, len: usize) -> &'a str {
        let bytes = unsafe { std::slice::from_raw_parts(ptr, len) };
        std::str::from_utf8(bytes).unwrap_or("")
    }

    /// The best time of `runs` of `f`, in milliseconds.
    fn best(runs: u32, mut f: impl FnMut()) -> f64 {
        let mut best = f64::INFINITY;
        for _ in 0..runs.max(1) {
            let t = unsafe { now() };
            f();
            best = best.min(unsafe { now() } - t);
        }
        best
    }

    /// # Safety
    /// As [`text`].
    #[no_mangle]
    pub unsafe extern "C" fn analyze(ptr: *const u8, len: usize, runs: u32) -> f64 {
        let text = unsafe { text(ptr, len) };
        best(runs, || {
            black_box(phs_doctor_core::analysis::analyze(black_box(text)));
        })
    }

    /// The baseline: one pass over the input counting line feeds (what a `memchr` loop does).
    ///
    /// # Safety
    /// As [`text`].
    #[no_mangle]
    pub unsafe extern "C" fn baseline(ptr: *const u8, len: usize, runs: u32) -> f64 {
        let text = unsafe { text(ptr, len) };
        best(runs, || {
            black_box(black_box(text).bytes().filter(|&b| b == b'\n').count());
        })
    }

    /// # Safety
    /// As [`text`].
    #[no_mangle]
    pub unsafe extern "C" fn findings(ptr: *const u8, len: usize) -> usize {
        phs_doctor_core::analysis::analyze(unsafe { text(ptr, len) }).findings.len()
    }
}
