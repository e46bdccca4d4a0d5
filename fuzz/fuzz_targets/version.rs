//! Fuzzes the Connect version parser: never panics; what it accepts prints back to a version
//! that parses to the same value; what it refuses has a message.

#![no_main]

use libfuzzer_sys::fuzz_target;
use phs_doctor_core::version::{recommend, ConnectVersion};

fuzz_target!(|data: &[u8]| {
    let text = String::from_utf8_lossy(data);
    match ConnectVersion::parse(&text) {
        Ok(v) => {
            assert_eq!(ConnectVersion::parse(&v.to_string()), Ok(v));
            let _ = recommend(Some(v));
        }
        Err(e) => assert!(!e.to_string().is_empty()),
    }
});
