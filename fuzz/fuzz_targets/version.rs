//! Fuzzes the Connect version parser: never panics; what it accepts prints back to a version
//! that parses to the same value; what it refuses has a message. The version's notices on any
//! day never panic, and a date that parses prints back to itself.

#![no_main]

use libfuzzer_sys::fuzz_target;
use phs_doctor_core::releases::{notices, Date};
use phs_doctor_core::version::{recommend, ConnectVersion};

fuzz_target!(|data: &[u8]| {
    let text = String::from_utf8_lossy(data);
    match ConnectVersion::parse(&text) {
        Ok(v) => {
            assert_eq!(ConnectVersion::parse(&v.to_string()), Ok(v));
            let _ = recommend(Some(v));
            let days = data.iter().take(8).fold(0i64, |acc, b| acc.wrapping_mul(257).wrapping_add(i64::from(*b)));
            let _ = notices(v, Date::from_unix_days(days));
        }
        Err(e) => assert!(!e.to_string().is_empty()),
    }
    if let Some(d) = Date::parse(&text) {
        assert_eq!(Date::parse(&d.to_string()), Some(d));
        assert_eq!(Date::from_unix_days(d.unix_days()), d);
    }
});
