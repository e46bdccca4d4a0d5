//! The `phs-doctor` binary end to end: output shapes, exit codes, and no panic on any input.

use std::process::{Command, Output};

fn run(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_phs-doctor")).args(args).output().expect("run phs-doctor")
}

fn json(args: &[&str]) -> serde_json::Value {
    let out = run(args);
    assert!(out.status.success(), "{args:?}: {}", String::from_utf8_lossy(&out.stderr));
    serde_json::from_slice(&out.stdout).expect("JSON")
}

fn fails(args: &[&str], reason: &str) {
    let out = run(args);
    assert_eq!(out.status.code(), Some(2), "{args:?}");
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(err.contains(reason), "{args:?}: stderr {err:?} lacks {reason:?}");
    assert_eq!(err.trim_end().lines().count(), 1, "{args:?}: one line: {err:?}");
    assert!(!err.contains("panicked"), "{err}");
}

#[test]
fn path_json() {
    let v = json(&["path", "--version", "1.1.614.0", "--scope", "all", "--json"]);
    assert_eq!(v["path"], "task");
    assert_eq!(v["version"], "1.1.614.0");
    assert_eq!(v["scope"], "all");
    assert_eq!(v["steps"].as_array().unwrap().len(), 9);
    assert_eq!(v["steps"][6]["text"], "In the sub menu, select Password hash synchronization does not work at all.");
    assert_eq!(json(&["path", "--version", "v1.1.524", "--scope", "object", "--json"])["path"], "cmdlet");
    assert_eq!(json(&["path", "--version", "1.0.9125.0", "--scope", "object", "--json"])["path"], "manual");
    let unknown = json(&["path", "--scope", "all", "--json"]);
    assert_eq!(unknown["path"], "manual");
    assert!(unknown["version"].is_null());
}

#[test]
fn event_and_status_json() {
    let e = json(&["event", "611", "--json"]);
    assert_eq!(e["id"], 611);
    assert_eq!(e["description"], "Event id used when error synchronizing a domain.");
    assert_eq!(e["category"], "error");
    assert_eq!(e["connectivity"], true);
    assert_eq!(json(&["event", "654", "--json"])["connectivity"], false);
    assert_eq!(json(&["event", "0", "--json"])["connectivity"], true);
    let s = json(&["status", "filteredbytarget", "--json"]);
    assert_eq!(s["name"], "FilteredByTarget");
    assert!(s["next_step"].as_str().unwrap().contains("2.0.3.0"));
}

#[test]
fn scripts() {
    let out = run(&["script", "full-sync", "--ad-connector", "contoso.com", "--aad-connector", "O'Brien - AAD"]);
    assert!(out.status.success());
    let text = String::from_utf8(out.stdout).unwrap();
    assert!(text.contains("$adConnector = 'contoso.com'"));
    assert!(text.contains("$aadConnector = 'O''Brien - AAD'"));
    let out = run(&["script", "single-object", "--ad-connector", "contoso.com", "--dn", "CN=TestUserCN=Users,DC=contoso,DC=com"]);
    assert!(out.status.success());
    assert!(String::from_utf8_lossy(&out.stderr).contains("comma is probably missing"));
    let out = run(&["script", "status"]);
    assert!(String::from_utf8_lossy(&out.stdout).contains("More than one Azure AD Connectors found"));
}

#[test]
fn errors_are_one_line_with_exit_code_2() {
    fails(&["event", "608"], "did you mean 607 or 609");
    fails(&["event", "abc"], "not an event ID");
    fails(&["status", "FilterdByTarget"], "did you mean FilteredByTarget");
    fails(&["path", "--version", "1.x", "--scope", "all"], "invalid version");
    fails(&["path", "--version", "1.1.614.0", "--scope", "some"], "unknown scope");
    fails(&["script", "full-sync", "--ad-connector", "a"], "needs --aad-connector");
    fails(&["script", "status", "--dn", "x"], "takes no --dn");
    fails(&["script", "single-object", "--ad-connector", "a\nb", "--dn", "CN=a,DC=b"], "line break");
    fails(&["script", "single-object", "--ad-connector", "a", "--dn", "CN=a<b,DC=x"], "must be escaped");
    fails(&["script", "nope"], "unknown script");
    fails(&["frobnicate"], "unknown command");
}

#[test]
fn no_panic_on_hostile_arguments() {
    let long = "9".repeat(100_000);
    let hostile: [&str; 9] = ["", "\u{1}", "\u{202E}", "-", "--", "'", "99999999999999999999999999", &long, "\u{FFFF}"];
    for h in hostile {
        for args in [
            vec!["event", h],
            vec!["status", h],
            vec!["path", "--version", h, "--scope", "all"],
            vec!["path", "--scope", h],
            vec!["script", "status", "--aad-connector", h],
            vec!["script", h],
            vec![h],
        ] {
            let out = run(&args);
            let err = String::from_utf8_lossy(&out.stderr);
            assert!(!err.contains("panicked"), "{args:?}: {err}");
            assert!(matches!(out.status.code(), Some(0 | 2)), "{args:?}: {:?}", out.status);
        }
    }
}
