//! Property tests: `analyze` never panics on arbitrary text or bytes, and every line number in
//! its output is within the paste.

use phs_doctor_core::analysis::{analyze, Analysis};
use phs_doctor_core::knowledge::FindingId as F;
use proptest::prelude::*;

fn check_ranges(text: &str, a: &Analysis) -> Result<(), TestCaseError> {
    let lines = a.line_count;
    // `str::lines`-like count, with `\n`, `\r\n` and a lone `\r` as separators (a trailing one
    // ends the last line).
    let breaks = text.matches(['\r', '\n']).count() - text.matches("\r\n").count();
    let expected = match breaks + 1 {
        _ if text.is_empty() => 0,
        n if text.ends_with(['\n', '\r']) => n - 1,
        n => n,
    };
    prop_assert_eq!(lines, expected);
    for r in &a.records {
        prop_assert!(r.start_line >= 1 && r.start_line <= r.end_line && r.end_line <= lines, "record {:?} out of 1..={}", r, lines);
    }
    for f in &a.findings {
        for e in &f.evidence {
            prop_assert!(e.line >= 1 && e.line <= lines, "{} evidence {} out of 1..={}", f.id, e.line, lines);
        }
    }
    for &u in &a.unparsed_lines {
        prop_assert!(u >= 1 && u <= lines, "unparsed {} out of 1..={}", u, lines);
    }
    for w in a.unparsed_lines.windows(2) {
        prop_assert!(w[0] < w[1], "unparsed lines not increasing");
    }
    if let Some((_, l)) = a.timeline.newest {
        prop_assert!(l >= 1 && l <= lines);
    }
    for h in &a.timeline.heartbeats {
        prop_assert!(h.line >= 1 && h.line <= lines);
    }
    Ok(())
}

/// Fragments of real pastes, so that random combinations reach deep into the recognisers.
const PIECES: &[&str] = &[
    "Log Name:      Application\n",
    "Source:        Directory Synchronization\n",
    "Event ID:      611\n",
    "Date:          3/2/2017 4:31:09 AM\n",
    "Description:\n",
    "Event Xml:\n",
    "<Event xmlns=\"x\"><System><EventID>654</EventID><TimeCreated SystemTime=\"2017-03-02T04:31:09Z\" />",
    "<Data>Provision credentials ping end. &lt;connector-id&gt;abc&lt;/connector-id&gt;",
    "</Data></EventData></Event>\n",
    "Details: DrsException: RPC Error 8453 : Replication access was denied.\n",
    "RPC Error ",
    "0x6ba ",
    "8439:",
    "Error Code: 90. ",
    "Error Code: 81",
    "Index              : 1\nInstanceId         : 654\nMessage            : Provision credentials ping end.\n",
    "                     continuation\n",
    "TimeCreated  : 3/2/2017 4:31:09 AM\nId           : 613\n",
    "   12345 Mar 02 04:31  Error  Directory Synchron...   611 Password synchronization failed\n",
    "3/2/2017 4:31:09 AM   654 Information  Provision credentials ping end.\n",
    "Level,Date and Time,Source,Event ID,Task Category\n",
    "Error,3/2/2017 4:31:09 AM,Directory Synchronization,611,None,\"multi\nline\n",
    "\"\n",
    "Password Change Result - Anchor : x, Dn : CN=a,DC=b, PwdChangeOnLogon=False, Result : Success.\n",
    "Password Change Request - Anchor: x, Dn: CN=a, Change Date: 1\n",
    "<forest-info>\n<partition-name>contoso.com</partition-name>\n<connector-id>g</connector-id>\n</forest-info>\n",
    "Password sync channel status BEGIN ----\n",
    "SourceConnector : contoso.com\nTargetConnector : aad\nEnabled         : False\n",
    "SourceConnector TargetConnector Enabled\n",
    "contoso.com     aad             True\n",
    "Latest heart beat event (within last 3 hours). Time  3/2/2017 4:31:09 AM\n",
    "WARNING: No ping event found within last 3 hours.\n",
    "Password sync channel status END ----\n",
    "Password sync feature enabled in your Azure AD directory:  True\n",
    "PS C:\\> Invoke-ADSyncDiagnostics -PasswordSync\n",
    "AD Connector - contoso.com\n",
    "Password Hash Synchronization is NOT enabled for AD Connector - contoso.com\n",
    "Microsoft Entra Connect server is in staging mode\n",
    "3/2/2017 4:31:09 AM      FilteredByTarget\n",
    "Status : MissingAttribute\n",
    "\r\n",
    "\n",
    "\n\n",
    "\t",
    "é漢\u{fffd}",
    "\u{0}\u{1}",
    "ProviderName: Directory Synchronization\n",
    "TimeCreated Id LevelDisplayName Message\n",
    "x",
];

fn pieces() -> impl Strategy<Value = String> {
    prop::collection::vec(prop::sample::select(PIECES), 0..40).prop_map(|v| v.concat())
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 512, ..ProptestConfig::default() })]

    #[test]
    fn arbitrary_strings_never_panic(s in any::<String>()) {
        let a = analyze(&s);
        check_ranges(&s, &a)?;
    }

    #[test]
    fn arbitrary_bytes_never_panic(b in prop::collection::vec(any::<u8>(), 0..2048)) {
        let s = String::from_utf8_lossy(&b);
        let a = analyze(&s);
        check_ranges(&s, &a)?;
    }

    #[test]
    fn combined_fragments_never_panic(s in pieces()) {
        let a = analyze(&s);
        check_ranges(&s, &a)?;
    }

    #[test]
    fn fragments_with_noise_never_panic(s in pieces(), cut in 0usize..2000, noise in any::<String>()) {
        let mut s = s;
        let mut at = cut.min(s.len());
        while !s.is_char_boundary(at) { at -= 1; }
        s.insert_str(at, &noise);
        let a = analyze(&s);
        check_ranges(&s, &a)?;
    }
}

#[test]
fn huge_single_line_and_many_lines() {
    let line = "RPC Error 8453 ".repeat(100_000);
    let a = analyze(&line);
    assert_eq!(a.line_count, 1);
    assert!(a.findings.iter().any(|f| f.id == F::AdPermissions));
    let many = "x\n".repeat(200_000);
    let a = analyze(&many);
    assert_eq!(a.line_count, 200_000);
    assert_eq!(a.unparsed_lines.len(), 200_000);
}
