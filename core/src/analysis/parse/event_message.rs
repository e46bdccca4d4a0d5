//! An event message's own wording, which says which event it is when it is pasted without its
//! header (`Password hash synchronization failed for domain: …` is 611), and the few topics
//! safe to read inside a message (a domain not reachable, the tenant's sync not activated).

use super::text::*;
use crate::analysis::fact::{Fact, FactKind as Fk};
use crate::analysis::model::RecordKind;
use crate::analysis::phrases::{mask, Hits, Ph};
use crate::analysis::scan::{contains, find_ci};
use crate::knowledge::Param as P;

/// Event message wording: bare message bodies say which event they are.
pub(crate) fn event_wording(raw: &str, lower: &str, hits: &Hits, c: &mut Content<'_>, first: usize, last: usize) {
    let guesses = [
        (Ph::Ev611, 611),
        (Ph::Ev652, 652),
        (Ph::Ev655, 655),
        (Ph::Ev654, 654),
        (Ph::Ev653, 653),
        (Ph::Ev650, 650),
        (Ph::Ev651, 651),
        (Ph::Ev622, 622),
        (Ph::Ev623, 623),
        (Ph::Ev617, 617),
        (Ph::Ev613, 613),
        (Ph::Ev667, 667),
        (Ph::Ev0Retry, 0),
    ];
    const ANY: u128 = mask(&[
        Ph::Ev611,
        Ph::Ev652,
        Ph::Ev655,
        Ph::Ev654,
        Ph::Ev653,
        Ph::Ev650,
        Ph::Ev651,
        Ph::Ev622,
        Ph::Ev623,
        Ph::Ev617,
        Ph::Ev613,
        Ph::Ev667,
        Ph::Ev0Retry,
    ]);
    for (p, id) in guesses {
        if !hits.any_of(ANY) {
            break;
        }
        if hits.has(p) {
            // A full sync "completed" line that is about password sync only.
            if matches!(id, 622 | 623 | 617) && !contains(lower, "password") {
                continue;
            }
            c.event_guess.get_or_insert(id);
            c.kind(RecordKind::Message);
        }
    }
    // ("Will be retried" of password sync's own work: an object's export error says it too, `The
    // provisioned object is too large. … will be retried in the next synchronization cycle`.)
    let own_retry =
        || crate::analysis::parse::text::has_any(lower, &["password", "retry queue", "provisionretry", "credential", "currently busy"]);
    if hits.has(Ph::Ev0Retry) || (hits.has(Ph::Retry) && own_retry()) {
        let mut s = Fact::new(Fk::Retry, first, last);
        if let Some(i) = find_ci(raw, "dn =").or_else(|| find_ci(raw, "dn=")) {
            let dn = raw[i..].split_once('=').map_or("", |(_, v)| v).trim();
            if !dn.is_empty() {
                let dn = c.cow(dn);
                s = s.param(P::Dn, dn.clone());
                c.hints.dn = Some(dn);
            }
        }
        c.facts.push(s);
        c.kind(RecordKind::Message);
    }
}

/// Inside event messages only a few topics are safe to read as results.
pub(crate) fn event_topics(l: &str, raw: &str, hits: &Hits, ctx: Ctx<'_>, c: &mut Content<'_>, first: usize, last: usize) {
    if hits.has(Ph::Reach) && negative(l) {
        let mut s = Fact::new(Fk::DomainUnreachableSaid, first, last);
        if let Some(d) = c.hints.domain.clone().or_else(|| ctx.domain.map(|d| c.cow(d))) {
            s = s.param(P::Domain, d);
        }
        c.facts.push(s);
    }
    if hits.has(Ph::Phs) && (contains(l, "not been activated") || contains(l, "not activated")) {
        c.facts.push(Fact::new(Fk::TenantNotActivated, first, last));
    }
    let _ = raw;
}
