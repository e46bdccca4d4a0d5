//! Property tests of the redactor: whatever the mix, no sensitive value survives, what an
//! expert needs stays, the same value keeps one placeholder, placeholders never collide with
//! the text, and redacting the result again finds nothing more.

use phs_doctor_core::redact::{redact, Redactor};
use proptest::prelude::*;

fn word() -> impl Strategy<Value = String> {
    "[a-z]{3,9}"
}

fn hex(n: usize) -> impl Strategy<Value = String> {
    proptest::collection::vec(proptest::sample::select(b"0123456789abcdefABCDEF".to_vec()), n).prop_map(|v| String::from_utf8(v).unwrap())
}

fn tld() -> impl Strategy<Value = &'static str> {
    proptest::sample::select(vec!["com", "net", "org", "local", "de", "fr", "corp", "co"])
}

/// A sensitive value of some kind.
fn sensitive() -> impl Strategy<Value = String> {
    prop_oneof![
        (word(), word(), word(), tld()).prop_map(|(cn, ou, dc, t)| format!("CN={cn} {ou},OU={ou},DC={dc},DC={t}")),
        (word(), word(), tld()).prop_map(|(u, d, t)| format!("{u}.x@{d}.{t}")),
        (word(), word()).prop_map(|(d, u)| format!("{}\\{u}", d.to_uppercase())),
        (word(), word(), tld()).prop_map(|(h, d, t)| format!("{h}01.{d}.{t}")),
        word().prop_map(|t| format!("{t}.onmicrosoft.com")),
        (hex(8), hex(4), hex(4), hex(4), hex(12)).prop_map(|(a, b, c, d, e)| format!("{a}-{b}-{c}-{d}-{e}")),
        (1_000_000_000u32..4_000_000_000, 1_000_000_000u32..4_000_000_000, 500u32..100_000)
            .prop_map(|(a, b, r)| format!("S-1-5-21-{a}-{b}-{a}-{r}")),
        (3u8..=255, 0u8..=255, 0u8..=255, 1u8..=255).prop_map(|(a, b, c, d)| format!("{a}.{b}.{c}.{d}")),
        (hex(4), hex(4), hex(4)).prop_map(|(a, b, c)| format!("fe80::{a}:{b}:{c}")),
        ("[A-Z][a-z][0-9][A-Za-z0-9+/]{19}").prop_map(|s| format!("{s}==")),
        hex(12).prop_map(|h| format!("MSOL_{h}")),
    ]
}

/// Text an expert needs, which must stay.
const KEPT: &[&str] = &[
    "Event ID: 611",
    "RPC Error 8453",
    "0x2105",
    "ERROR_DS_DRA_ACCESS_DENIED",
    "hr=0x80070005",
    "FilteredByTarget",
    "TargetNotExportedToDirectory",
    "System.Collections.Generic.KeyNotFoundException",
    "Microsoft Entra Connect 2.3.20.0",
    "NT AUTHORITY\\SYSTEM",
    "login.microsoftonline.com",
    "Directory Synchronization",
    "Password hash synchronization",
    "2026-12-01T10:00:00Z",
    "12:34:56",
    "S-1-5-18",
    "Windows Azure Active Directory (Microsoft)",
];

fn filler() -> impl Strategy<Value = String> {
    prop_oneof![
        proptest::sample::select(KEPT.to_vec()).prop_map(String::from),
        Just(" ".into()),
        Just("\n".into()),
        Just(", ".into()),
        Just(": ".into())
    ]
}

fn separated(v: String) -> String {
    format!(" {v} ")
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 400, ..ProptestConfig::default() })]

    #[test]
    fn nothing_sensitive_survives(parts in proptest::collection::vec((sensitive(), filler()), 1..12)) {
        let mut text = String::new();
        for (s, f) in &parts {
            text.push_str(&separated(s.clone()));
            text.push_str(f);
        }
        let out = redact(&text);
        let lower = out.text.to_lowercase();
        for (s, _) in &parts {
            prop_assert!(!lower.contains(&s.to_lowercase()) || s.starts_with("MSOL_") && lower.contains("msol_<account"),
                "{:?} survived in {:?}", s, out.text);
        }
        for (_, f) in &parts {
            prop_assert!(out.text.contains(f.as_str()), "{:?} was lost from {:?}", f, out.text);
        }
        // One placeholder per value; each placeholder in the text is in the table.
        let mut seen = std::collections::HashSet::new();
        for e in &out.entries {
            prop_assert!(seen.insert((e.kind, e.original.to_lowercase())), "{:?} twice", e.original);
            prop_assert!(out.text.contains(&e.placeholder));
        }
        // Nothing more to find in the result.
        let again = redact(&out.text);
        prop_assert!(again.entries.is_empty(), "found again: {:?} in {:?}", again.entries, out.text);
        prop_assert_eq!(again.text, out.text);
    }

    #[test]
    fn placeholders_never_collide(n in 1usize..5, parts in proptest::collection::vec(sensitive(), 1..6)) {
        // The text already holds the first placeholders of every kind.
        let mut text: String = ["dn", "user", "domain", "tenant", "host", "guid", "sid", "ip", "anchor", "account"]
            .iter()
            .flat_map(|k| (1..=n).map(move |i| format!("<{k}{i}> ")))
            .collect();
        for p in &parts {
            text.push_str(&separated(p.clone()));
        }
        let mut red = Redactor::new();
        red.reserve(&text);
        let out = red.redact(&text);
        for e in red.entries() {
            let number: usize = e.placeholder.trim_matches(|c: char| !c.is_ascii_digit()).parse().unwrap();
            prop_assert!(number > n, "{} collides with the text", e.placeholder);
        }
        // Stable: the same value in another string gets the same placeholder.
        for p in &parts {
            let again = red.redact(&separated(p.clone()));
            let first = red.entries().iter().find(|e| again.contains(&e.placeholder));
            prop_assert!(first.is_some(), "{:?} -> {:?} not in the table", p, again);
        }
        prop_assert!(!out.is_empty());
    }

    #[test]
    fn never_panics(text in "\\PC{0,400}") {
        let out = redact(&text);
        for e in &out.entries {
            prop_assert!(out.text.contains(&e.placeholder));
        }
    }
}
