//! Advice beyond Microsoft's article must do no harm (issue 9, §3): each rule here is a piece
//! of advice that was once given and could hurt, checked over every text that could carry it.

use phs_doctor_core::analysis::{self, errors::ERRORS};
use phs_doctor_core::knowledge::{self, Text, FINDINGS, RESULTS, STATUSES};
use phs_doctor_core::knowledge::{FindingId as F, Param as P};
use phs_doctor_core::ConnectVersion;

/// Every text the content gives as something to do, with where it comes from.
fn advice() -> Vec<(String, String)> {
    let mut out = Vec::new();
    let mut push = |at: String, t: &Text| out.push((at, t.plain()));
    for r in RESULTS {
        for t in r.fix {
            push(format!("result {}", r.id), t);
        }
    }
    for f in FINDINGS {
        for t in f.next_steps {
            push(format!("finding {}", f.id), t);
        }
    }
    for s in STATUSES {
        push(format!("status {}", s.name), &s.next_step);
    }
    for e in ERRORS {
        push(format!("error {}", e.name), &e.fix);
    }
    out
}

/// Clearing "User must change password at next logon" turns a password the helpdesk knows
/// into the user's permanent one: never advised.
#[test]
fn temporary_passwords_are_changed_by_the_user_not_cleared() {
    for (at, text) in advice() {
        let lower = text.to_lowercase();
        assert!(!(lower.contains("clear") && lower.contains("must change password")), "{at}: {text}");
    }
    assert!(knowledge::result("temporary-password").unwrap().fix[0].plain().contains("ask the user to sign in and change the password"));
}

/// RPC 8456/8457: replication disabled on a DC is often deliberate. The first step is to find
/// out why and ask the AD team; re-enabling it is theirs to decide, never the first step.
#[test]
fn replication_disabled_on_a_dc_is_the_ad_teams_decision() {
    let first_steps: Vec<(String, Vec<String>)> = ERRORS
        .iter()
        .filter(|e| e.finding == F::DcRejectingReplication)
        .map(|e| (e.name.to_string(), vec![e.fix.plain()]))
        .chain(std::iter::once({
            let f = F::DcRejectingReplication.info();
            ("finding".to_string(), f.next_steps.iter().map(Text::plain).collect())
        }))
        .collect();
    assert!(first_steps.len() >= 4, "8456, 8457, the message and the finding");
    for (at, steps) in first_steps {
        let all = steps.join(" ");
        assert!(steps[0].starts_with("First find out why replication is disabled"), "{at}: {}", steps[0]);
        assert!(all.contains("ask the Active Directory team"), "{at}");
        assert!(all.contains("Only use preferred domain controllers"), "{at}: the safe default");
        assert!(all.contains("never the first step"), "{at}");
    }
    for (at, text) in advice() {
        if text.contains("-DISABLE_OUTBOUND_REPL") || text.contains("-DISABLE_INBOUND_REPL") {
            assert!(text.contains("Active Directory team's decision"), "{at}: {text}");
        }
    }
}

/// RPC error 5 with SAM-restricting hardening: confirm the failing call and involve the
/// security team; never "loosen the policy" as a plain step. The FIPS edit is a compliance
/// exception to agree first.
#[test]
fn hardening_is_the_security_teams_decision() {
    let e5 = analysis::errors::rpc(5).unwrap().fix.plain();
    assert!(e5.starts_with("Confirm which call fails"), "{e5}");
    assert!(e5.contains("security team") && e5.contains("their decision"), "{e5}");
    for (at, text) in advice() {
        let lower = text.to_lowercase();
        if lower.contains("remote calls to sam") || lower.contains("hardening policy") {
            assert!(lower.contains("security team"), "{at}: {text}");
        }
        assert!(!lower.contains("loosen"), "{at}: {text}");
    }
    let fips = F::FipsMd5.info();
    let steps: Vec<String> = fips.next_steps.iter().map(Text::plain).collect();
    let edit = steps.iter().position(|s| s.contains("enforceFIPSPolicy")).expect("the edit");
    let agree = steps.iter().position(|s| s.contains("compliance exception")).expect("the exception");
    assert!(agree < edit, "{steps:?}");
    for (at, text) in advice() {
        if text.contains("enforceFIPSPolicy enabled") && !at.starts_with("error ") {
            assert!(text.contains("agreed") || text.contains("compliance"), "{at}: {text}");
        }
    }
}

fn ids(text: &str, version: Option<ConnectVersion>) -> Vec<F> {
    analysis::analyze(text).for_version(version).findings.iter().map(|f| f.id).collect()
}

/// A generic .NET message means the old known issue (upgrade) only on a build older than the
/// fix; on a newer build it is an internal error, and the advice says what to collect.
#[test]
fn generic_messages_are_judged_by_the_version() {
    let msg = "Password hash synchronization failed for domain: contoso.com. Details: System.ArgumentException: An item with the same key has already been added.\n";
    let v2 = ConnectVersion::parse("2.3.20.0").ok();
    assert!(ids(msg, None).contains(&F::UpgradeRequired), "{:?}", ids(msg, None));
    // The version on the page.
    let on_page = ids(msg, v2);
    assert!(on_page.contains(&F::InternalError) && !on_page.contains(&F::UpgradeRequired), "{on_page:?}");
    // A 1.x build is retired: upgrade stands.
    assert!(ids(msg, ConnectVersion::parse("1.6.16.0").ok()).contains(&F::UpgradeRequired));
    // The version in the paste.
    let pasted = format!("Microsoft Azure AD Connect version 2.3.20.0\n{msg}");
    let a = analysis::analyze(&pasted);
    assert_eq!(a.connect_version, v2);
    let f = a.findings.iter().find(|f| f.id == F::InternalError).unwrap_or_else(|| panic!("{:?}", a.findings));
    assert!(!a.findings.iter().any(|f| f.id == F::UpgradeRequired));
    assert!(f.errors.is_empty(), "no \"fixed in build 1.0.6455.0807\" on a newer build");
    assert_eq!(f.param(P::Version), Some("2.3.20.0"));
    assert!(f.evidence.iter().any(|e| e.text.contains("same key")));
    let steps: String = f.next_steps.iter().map(Text::plain).collect::<Vec<_>>().join(" ");
    assert!(steps.contains("Collect") && steps.contains("Microsoft support"), "{steps}");
    // Specified cast: fixed in 2.0.10.0, so 2.0.9.0 still needs the upgrade.
    let cast = "Details: System.InvalidCastException: Specified cast is not valid.\n";
    assert!(ids(cast, ConnectVersion::parse("2.0.9.0").ok()).contains(&F::UpgradeRequired));
    assert!(ids(cast, ConnectVersion::parse("2.0.10.0").ok()).contains(&F::InternalError));
}

/// Issue 9 §1: a finding tied to a documented result shows that result's whole fix, the
/// article's words first, then PHS Doctor's extra steps.
#[test]
fn every_finding_tied_to_a_result_shows_its_fix_first() {
    for f in FINDINGS {
        let Some(r) = f.result else { continue };
        let fix = knowledge::result(r).unwrap().fix;
        let steps = f.steps();
        for t in fix {
            assert!(steps.contains(t), "finding {}: lacks the fix of result {r}: {}", f.id, t.plain());
        }
        let first_addition = steps.iter().position(|t| !t.source.is_article()).unwrap_or(steps.len());
        assert!(steps[first_addition..].iter().all(|t| !t.source.is_article()), "finding {}: the article's words come first", f.id);
        let own_first = steps.iter().position(|t| f.next_steps.contains(t) && !fix.contains(t));
        if let (Some(own), Some(last_fix)) = (own_first, steps.iter().rposition(|t| fix.contains(t) && t.source.is_article())) {
            assert!(last_fix < own || !steps[own].source.is_article(), "finding {}", f.id);
        }
    }
}

#[path = "support/fixture.rs"]
mod fixtures;

fn fixture(name: &str) -> String {
    fixtures::named(name).body
}

fn steps_of(paste: &str, id: F) -> Vec<Text> {
    let a = analysis::analyze(paste);
    a.findings
        .iter()
        .find(|f| f.id == id)
        .unwrap_or_else(|| panic!("{id}: {:?}", a.findings.iter().map(|f| f.id).collect::<Vec<_>>()))
        .next_steps
        .clone()
}

/// "No heartbeat" says to run the full sync once; "domain unreachable" (and event 616) gives
/// the article's preferred-DC procedure and the restart.
#[test]
fn the_documented_fix_reaches_the_finding() {
    let hb: Vec<String> = steps_of(&fixture("diag-no-heartbeat.txt"), F::NoHeartbeat).iter().map(Text::plain).collect();
    assert!(hb.iter().any(|s| s.contains("Trigger a full sync of all passwords") && s.contains("only once")), "{hb:#?}");
    assert!(hb.iter().position(|s| s.contains("Trigger a full sync")) < hb.iter().position(|s| s.contains("restart")), "{hb:#?}");
    for name in ["diag-domain-unreachable.txt", "event-616-preferred-dc.txt"] {
        let steps = steps_of(&fixture(name), F::DomainUnreachable);
        let all: Vec<String> = steps.iter().map(Text::plain).collect();
        let joined = all.join("\n");
        for needle in [
            "Configure Directory Partition",
            "Only use preferred domain controllers check box",
            "Do these steps for all your domains",
            "restart the Microsoft Entra ID Sync (ADSync) service",
        ] {
            assert!(joined.contains(needle), "{name}: {needle}: {joined}");
        }
        assert!(steps[0].source.is_article(), "{name}: the article's procedure first");
        assert!(steps.iter().any(|t| !t.source.is_article()), "{name}: PHS Doctor's port advice after it");
    }
}
