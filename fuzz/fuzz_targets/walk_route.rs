//! Fuzzes the URL-state decoder of the guided paths (`#/path/:id/:choices`): never panics, and
//! whatever it decodes re-encodes to a route that decodes to the same state.

#![no_main]

use libfuzzer_sys::fuzz_target;
use phs_doctor_core::knowledge::PATHS;
use phs_doctor_core::walk::WalkState;

fuzz_target!(|data: &[u8]| {
    let Some((&first, rest)) = data.split_first() else { return };
    let path = &PATHS[usize::from(first) % PATHS.len()];
    let choices = String::from_utf8_lossy(rest);
    if let Some(state) = WalkState::decode(path.id, &choices) {
        let again = WalkState::decode(path.id, &state.encode()).expect("re-decode");
        assert_eq!(again, state);
        let _ = state.view(None);
    }
});
