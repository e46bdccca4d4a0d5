//! `Invoke-ADSyncDiagnostics` (the troubleshooter: its connector and partition headers, its
//! checks, the single-object run) and Connect Health alert wording, read by phrase families
//! around the documented checks, with negations:
//!
//! ```text
//! AD Connector - contoso.com
//! Password Hash Synchronization cloud configuration is enabled
//! Latest heart beat event (within last 3 hours). Time: 3/2/2017 4:31:09 AM
//! ```

use super::text::*;
use crate::analysis::fact::{Fact, FactKind as Fk};
use crate::analysis::lines;
use crate::analysis::model::RecordKind;
use crate::analysis::phrases::{Hits, Ph};
use crate::analysis::scan::{contains, find, find_ci, has_ci, starts_ci};
use crate::analysis::time;
use crate::knowledge::Param as P;

/// The troubleshooter's `AD Connector - name` and partition headers.
pub(crate) fn diag_header(raw: &str, c: &mut Content<'_>) {
    if raw.len() > 200 {
        return;
    }
    let t = strip_stream(raw);
    // Every key below starts with one of these letters.
    if !matches!(t.as_bytes().first().map(u8::to_ascii_lowercase), Some(b'a' | b'c' | b'd' | b'f' | b'o' | b't')) {
        return;
    }
    for key in ["AD Connector Name", "AD Connector", "Connector Name", "AD DS Connector"] {
        if starts_ci(t, key) {
            let rest = t[key.len()..].trim_start();
            if let Some(name) = rest.strip_prefix(['-', ':']).map(|r| lines::trim(r).trim_matches(['"', '\''])) {
                if !name.is_empty() {
                    let name = c.cow(name);
                    c.diag_connector = Some(name.clone());
                    c.field("connector", name);
                    c.kind(RecordKind::DiagnosticsInfo);
                    return;
                }
            }
        }
    }
    for key in ["Directory Partition Name", "Directory Partition", "Domain Name", "Partition Name", "Domain", "Forest"] {
        if starts_ci(t, key) {
            let rest = t[key.len()..].trim_start();
            if let Some(name) = rest.strip_prefix(['-', ':']).map(|r| lines::trim(r).trim_matches(['"', '\''])) {
                if !name.is_empty() && !name.contains(' ') {
                    let name = c.cow(name);
                    c.diag_domain = Some(name.clone());
                    c.field("domain", name);
                    c.kind(RecordKind::DiagnosticsInfo);
                    return;
                }
            }
        }
    }
    for key in ["AD Object DN", "Object DN", "Distinguished Name", "DistinguishedName", "AD Object"] {
        if starts_ci(t, key) {
            if let Some(dn) = t[key.len()..].trim_start().strip_prefix([':', '-']).map(str::trim) {
                if !dn.is_empty() {
                    let dn = c.cow(dn);
                    c.hints.dn = Some(dn.clone());
                    c.field("dn", dn);
                    c.kind(RecordKind::DiagnosticsInfo);
                    return;
                }
            }
        }
    }
    if starts_ci(t, "AAD Tenant") || starts_ci(t, "Azure AD Tenant") || starts_ci(t, "Tenant") {
        if let Some((_, v)) = t.split_once(['-', ':']) {
            c.slice("tenant", lines::trim(v));
            c.kind(RecordKind::DiagnosticsInfo);
        }
    }
}

/// The clause of `l` its heartbeat words are in, between a `;` or a sentence's end (`. `) and
/// the next: "no errors so far; password sync heartbeats look normal" says nothing against the
/// heartbeat.
fn heartbeat_clause(l: &str) -> &str {
    let c = clause_of(l, &["heartbeat", "heart beat", "ping event"]);
    // (A list's next item is its own: "heartbeats (654) every 30 min, no 611".)
    let at = ["heartbeat", "heart beat", "ping event"].iter().filter_map(|w| find(c, w)).min().unwrap_or(0);
    match find(&c[at..], ", ") {
        Some(i) if c[at + i + 2..].starts_with("no ") || c[at + i + 2..].starts_with("and no ") => &c[..at + i],
        _ => c,
    }
}

/// The clause of `l` the first of `words` is in (see [`heartbeat_clause`]).
fn clause_of<'l>(l: &'l str, words: &[&str]) -> &'l str {
    let at = words.iter().filter_map(|w| find(l, w)).min().unwrap_or(0);
    let start = [l[..at].rfind("; "), l[..at].rfind(". ")].into_iter().flatten().max().map_or(0, |i| i + 2);
    let rest = &l[at..];
    let end = [find(rest, "; "), find(rest, ". ")].into_iter().flatten().min().map_or(l.len(), |i| at + i);
    &l[start..end]
}

/// The part of a clause the first of `words` is in, between commas or a colon: "I found him in
/// the AD connector space by DN, opened Log: the log is empty" is found, the rest another
/// statement.
fn segment_of<'l>(clause: &'l str, words: &[&str]) -> &'l str {
    let Some(at) = words.iter().filter_map(|w| find(clause, w)).min() else { return clause };
    let start = [clause[..at].rfind(", "), clause[..at].rfind(": ")].into_iter().flatten().max().map_or(0, |i| i + 2);
    let rest = &clause[at..];
    let end = [find(rest, ", "), find(rest, ": ")].into_iter().flatten().min().map_or(clause.len(), |i| at + i);
    &clause[start..end]
}

/// Whether the first of `words` stands inside quotes (`Got the "heartbeat was skipped" alert`):
/// a title quoted in a sentence, not the check's or the alert's own line.
fn quoted(l: &str, words: &[&str]) -> bool {
    let Some(at) = words.iter().filter_map(|w| find(l, w)).min() else { return false };
    let is_quote = |c: char| matches!(c, '"' | '\u{201c}' | '\u{201d}' | '\u{201e}' | '\u{ab}' | '\u{bb}');
    l[..at].chars().filter(|&c| is_quote(c)).count() % 2 == 1 && l[at..].contains(is_quote)
}

/// A clause that says all is well in prose ("no problem with the heartbeat", "heartbeats look
/// normal"): neither a missing nor a seen heartbeat (the line stays not understood).
fn reassuring(clause: &str) -> bool {
    has_any(
        clause,
        &[
            "no error",
            "no issue",
            "no problem",
            "normal",
            "look fine",
            "looks fine",
            "look good",
            "looks good",
            "looked ok",
            "looks ok",
            "healthy",
            "every 30 min",
            "every half hour",
            "works fine",
            "working fine",
            "as expected",
        ],
    )
}

/// A line that says an alert is resolved: `Status: Resolved` (or `State : ResolvedByTimer`), a
/// `Resolved: <date>` line, or the word beside `alert` (`Subject: Resolved: … Alert - …`, `The
/// following alert has been resolved`); not `unresolved`.
/// `clause` without its attribute assignments and DNs: the words with `=` in them, and the
/// value after a lone `=` (`accountEnabled = False`).
fn without_assignments(clause: &str) -> std::borrow::Cow<'_, str> {
    if !clause.contains('=') {
        return std::borrow::Cow::Borrowed(clause);
    }
    let mut out = String::with_capacity(clause.len());
    let mut skip_next = false;
    for w in clause.split_whitespace() {
        if skip_next {
            skip_next = false;
            continue;
        }
        if w == "=" {
            skip_next = true;
            continue;
        }
        if w.contains('=') {
            skip_next = w.ends_with('=');
            continue;
        }
        out.push_str(w);
        out.push(' ');
    }
    std::borrow::Cow::Owned(out)
}

pub(crate) fn says_resolved(l: &str) -> bool {
    let Some(at) = find(l, "resolved") else { return false };
    if l[..at].bytes().next_back().is_some_and(|b| b.is_ascii_alphabetic()) {
        return false;
    }
    let t = l.trim_start();
    // A notification's subject tag (`Betreff: [Resolved] Azure AD Connect Health - …`: the
    // tag stays English in every language's mail).
    if l[..at].ends_with('[') && l[at..].starts_with("resolved]") {
        return true;
    }
    // (`Resolved alerts (0)`, a portal's list heading, says nothing.)
    ["resolved:", "resolved :", "resolved on", "resolved at"].iter().any(|p| t.starts_with(p))
        || starts_ci(t, "status")
        || starts_ci(t, "state")
        || starts_ci(t, "alert status")
        || has_word(l, "alert")
}

/// The troubleshooter's checks, the single-object run and Connect Health alerts, recognised by
/// phrase families around the documented checks, with negations.
pub(crate) fn topics<'a>(l: &str, raw: &str, hits: &Hits, ctx: Ctx<'_>, c: &mut Content<'a>, first: usize, last: usize) {
    let fact = |k: Fk| Fact::new(k, first, last);
    let src = c.src;
    let with_connector = |mut s: Fact<'a>, name: Option<&str>| {
        if let Some(n) = name.or(ctx.connector) {
            s = s.param(P::Connector, src.cow(n));
        }
        s
    };
    let with_domain = |mut s: Fact<'a>, name: Option<&str>| {
        if let Some(n) = name.or(ctx.domain) {
            s = s.param(P::Domain, src.cow(n));
        }
        s
    };
    let check = |c: &mut Content<'a>, topic: &'static str, outcome: &'static str| {
        c.kind(RecordKind::DiagnosticsCheck);
        c.field("check", topic);
        c.field("outcome", outcome);
    };
    let neg_cell = std::cell::OnceCell::new();
    let neg = || *neg_cell.get_or_init(|| negative(l));
    let mut topic = false;

    if hits.has(Ph::Staging) && !hits.has(Ph::StagingEnabledKey) {
        topic = true;
        // Its own clause: "… is in staging mode. Password Hash Synchronization is temporarily
        // disabled." is staging mode on.
        let l = clause_of(l, &["staging mode", "staging-mode"]);
        let neg = negative(l);
        // (`on` next to the mode: "staging mode on", "staging mode is on"; not "on the
        // summary page". Turning it off is an action, not the state: "trying to disable
        // staging mode".)
        let on = ["mode on", "mode is on", "mode: on", "mode = on", "mode turned on"].iter().any(|w| contains(l, w));
        let action = ["disable staging mode", "disabling staging mode", "turn off staging mode", "turning off staging mode"]
            .iter()
            .any(|w| contains(l, w));
        let claims = !action
            && (ctx.in_diag || !staging_elsewhere(l))
            && (contains(l, "in staging mode") || has_word(l, "enabled") || has_word(l, "true") || on);
        // The troubleshooter's result for a server in staging mode says what doesn't work
        // there: `Password Hash Synchronization is not supposed to work within staging mode`
        // (a rule, not a state, outside its output).
        let rule = contains(l, "supposed to work within staging mode") || contains(l, "supposed to work in staging mode");
        if rule {
            if ctx.in_diag {
                c.facts.push(fact(Fk::StagingModeOn));
                check(c, "staging-mode", "fail");
            } else {
                check(c, "staging-mode", "info");
            }
        } else if claims && !neg {
            c.facts.push(fact(Fk::StagingModeOn));
            check(c, "staging-mode", "fail");
        } else {
            check(c, "staging-mode", if neg { "pass" } else { "info" });
        }
    }
    // (Whose heartbeat: password sync's, by its words or inside the troubleshooter; a monitor's
    // `No heartbeat received from VM SRV01` or another check's `No heartbeat event found` is
    // not its.)
    let phs_beat = || ctx.in_diag || has_any(l, &["password", "654", "ping", "phs", "hash", "heart beat event", "credential"]);
    if hits.has(Ph::Heartbeat) && !reassuring(heartbeat_clause(l)) && !quoted(l, &["heartbeat", "heart beat", "ping event"]) && phs_beat() {
        topic = true;
        let kind = if contains(l, "120 minutes") || contains(l, "was skipped") {
            RecordKind::HealthAlert
        } else if contains(l, "ping event found") || contains(l, "latest heart beat event") {
            RecordKind::StatusScript
        } else {
            RecordKind::DiagnosticsCheck
        };
        if negative(heartbeat_clause(l)) {
            c.facts.push(with_connector(fact(Fk::HeartbeatMissing), connector_in_line(raw)));
            c.kind(kind);
            c.field("check", "heartbeat");
            c.field("outcome", "fail");
        } else if has_any(l, &["latest", "detected", "found", "within", "received", "last heartbeat"]) {
            let t = time::find(raw).map(|(t, _, _)| t);
            let mut s = with_connector(fact(Fk::HeartbeatSeen), connector_in_line(raw));
            if let Some(t) = t {
                s.time = Some(t);
                c.hints.time = Some(t);
                c.field("time", t.text());
            }
            c.facts.push(s);
            c.kind(kind);
            c.field("check", "heartbeat");
            c.field("outcome", "pass");
        }
    }
    if hits.has(Ph::HealthTitle) && c.kind.is_none() {
        c.kind(RecordKind::HealthAlert);
    }
    if hits.has(Ph::NoRecentSync) {
        topic = true;
        c.facts.push(fact(Fk::NoRecentSync));
        c.kind(RecordKind::HealthAlert);
    }
    if hits.has(Ph::Resolved) && says_resolved(l) && !neg() {
        topic = true;
        let mut s = fact(Fk::AlertStateResolved);
        if let Some((t, _, _)) = time::find(raw) {
            s = s.param(P::Resolved, t.text());
        }
        c.facts.push(s);
        c.kind(RecordKind::HealthAlert);
    }
    if hits.has(Ph::StoppedWorking) && (hits.has(Ph::Phs) || contains(l, "password")) && !contains(l, "not stopped") {
        topic = true;
        c.facts.push(fact(Fk::PhsStoppedSaid));
        c.kind(RecordKind::HealthAlert);
    }
    let ev_wording = c.event_guess.is_some();
    if hits.has(Ph::Permission) && has_any(l, &["account", "ad ds", "connector", "replicat", "directory changes", "msol_"]) {
        topic = true;
        if neg() || contains(l, "insufficient") {
            c.facts.push(with_domain(fact(Fk::PermissionsInsufficient), None));
            check(c, "permissions", "fail");
        } else {
            check(c, "permissions", "pass");
        }
    }
    if hits.has(Ph::Credential) && !hits.has(Ph::UserPassIncorrect) && !ev_wording && !contains(l, "provision") {
        topic = true;
        let bad =
            has_any(l, &["incorrect", "invalid", "wrong", "bad password", "failed", "not valid", "expired", "logon failure", "denied"]);
        let cloud_words =
            has_any(l, &["azure ad connector", "aad connector", "entra connector", "sync_", "azure ad account", "global admin"]);
        let ad_words = has_any(l, &["ad ds", "ad connector", "active directory", "domain", "msol_"]);
        let ad = (ad_words || ctx.in_diag) && !cloud_words;
        // Which account must be said (or the troubleshooter's output be around): "Invalid
        // username or password" alone is as often a user's own sign-in (the sign-in log's
        // result detail, an app's `AADSTS50126`: any sign-in to Microsoft Entra ID prints
        // one) or a service's logon as the connector account's.
        let named = ad_words || cloud_words || ctx.in_diag;
        if bad {
            if named {
                let k = if ad { Fk::AdCredentialsRejected } else { Fk::CloudCredentialsRejected };
                c.facts.push(with_domain(fact(k), None));
                check(c, "credentials", "fail");
            }
        } else if has_any(l, &["correct", "valid", "succe"]) && !neg() && !has_any(l, &["error", "fail"]) {
            // ("Unable to validate credentials due to an unexpected error" is no pass.)
            check(c, "credentials", "pass");
        }
    }
    if hits.has(Ph::Reach) {
        topic = true;
        let name = domain_in_line(raw);
        if neg() || contains(l, "unreachable") {
            c.facts.push(with_domain(fact(Fk::DomainUnreachableSaid), name));
            check(c, "domain-reachable", "fail");
        } else {
            check(c, "domain-reachable", "pass");
            if let Some(n) = name {
                c.slice("domain", n);
            }
        }
    }
    let object_space = hits.has(Ph::ConnectorSpace) || hits.has(Ph::Metaverse);
    if object_space && !hits.has(Ph::Exported) {
        topic = true;
        let cloud_cs = has_any(
            l,
            &[
                "aad connector space",
                "azure ad connector space",
                "azure active directory connector space",
                "entra connector space",
                "entra id connector space",
                "cloud connector space",
            ],
        );
        let ad_cs = !cloud_cs && hits.has(Ph::ConnectorSpace) && !hits.has(Ph::Metaverse);
        // Its own clause ("… can't log in. Everyone else is fine. Connector space" says nothing
        // against the object).
        // (An attribute's value or a DN in the clause says nothing of the object's presence:
        // `Connector Space Object Properties - CN=…,OU=Disabled Users,…`, `accountEnabled = False`.)
        if negative(&without_assignments(segment_of(clause_of(l, &["connector space", "metaverse"]), &["connector space", "metaverse"]))) {
            c.facts.push(fact(if ad_cs { Fk::NotInAdConnectorSpace } else { Fk::NoTargetConnectionSaid }));
            check(c, if ad_cs { "ad-connector-space" } else { "target" }, "fail");
        } else {
            check(c, if ad_cs { "ad-connector-space" } else { "target" }, "pass");
        }
    }
    // (`Temporary passwords are not exported to Azure AD` is about passwords, not the object.)
    // (Said of an object: `is exported to Azure AD`, `not exported`; `Exported the events with
    // Export-Csv` is no check.)
    let of_object = || {
        has_any(
            l,
            &["exported to", "is exported", "not exported", "been exported", "was exported", "n't exported", "exported: ", "exported :"],
        )
    };
    if hits.has(Ph::Exported) && !hits.has(Ph::TempPassword) && of_object() {
        topic = true;
        if negative(clause_of(l, &["exported"])) {
            c.facts.push(fact(Fk::NotExported));
            check(c, "exported", "fail");
        } else {
            check(c, "exported", "pass");
        }
    }
    if hits.has(Ph::TempPassword) {
        topic = true;
        let cleared = has_any(
            l,
            &[
                "cleared",
                "not set",
                "isn't set",
                "is not set",
                "false",
                "doesn't have",
                "does not have",
                "no temporary",
                "not a temporary",
                "unchecked",
                "unticked",
                "not selected",
                "no longer",
                "disabled",
                "removed",
            ],
        );
        if cleared {
            check(c, "temporary-password", "pass");
            c.facts.push(fact(Fk::TemporaryPasswordCleared));
        } else {
            c.facts.push(fact(Fk::TemporaryPasswordSet));
            check(c, "temporary-password", "fail");
        }
    }
    // FIPS mode told of the server where password sync fails (`Sync still fails until FIPS mode
    // is disabled`): MD5, which password sync uses, is refused there.
    // (A line about the workaround, `enforceFIPSPolicy`, says it is in place or being put there.)
    if hits.has(Ph::Fips)
        && has_any(l, &["password", "sync", "connect", "md5", "hash"])
        && !has_any(l, &["not enabled", "disabled on", "turned off", "no fips", "enforcefipspolicy"])
    {
        topic = true;
        c.facts.push(fact(Fk::FipsSaid));
    }
    // The single-object troubleshooter's `Object CN=… filtered due to OU filtering. OU: …`: the
    // object's OU isn't in the sync scope, so it isn't synchronized at all.
    if hits.has(Ph::ScopeFiltered) && (contains(l, "due to ou filtering") || contains(l, "due to domain filtering")) {
        topic = true;
        c.facts.push(fact(Fk::ObjectOutOfScope).param(P::Code, "OrganizationalUnitNotInScope"));
    }
    // "We have since unticked it": the flag named on a line before, cleared on this one.
    if hits.has(Ph::Unticked) && !hits.has(Ph::TempPassword) && !has_any(l, &["writeback", "password hash", "sync", "wizard", "option to"])
    {
        topic = true;
        c.facts.push(fact(Fk::TemporaryPasswordCleared));
    }
    if hits.has(Ph::CloudFiltered) {
        topic = true;
        let absent = has_any(l, &["no cloudfiltered", "not present", "false", "isn't", "is not", "not found", "absent"]);
        if !absent && has_any(l, &["true", "present", "is set", "found", "exists", "has", "filtered"]) {
            c.facts.push(fact(Fk::CloudFilteredSet));
            check(c, "cloud-filtered", "fail");
        } else {
            check(c, "cloud-filtered", "pass");
        }
    }
    if hits.has(Ph::SyncRule) && contains(l, "password") {
        topic = true;
        if neg() {
            c.facts.push(fact(Fk::NoPhsSyncRule));
            check(c, "sync-rule", "fail");
        } else {
            check(c, "sync-rule", "pass");
        }
    }
    // The object's Log tab told in words: empty (the article's check: no password sync results
    // in the last seven days).
    if has_any(
        l,
        &[
            "log is empty",
            "log is completely empty",
            "log was empty",
            "log tab is empty",
            "log is blank",
            "log has no entries",
            "no entries in the log",
        ],
    ) {
        topic = true;
        c.facts.push(fact(Fk::NoSyncHistory));
        check(c, "history", "fail");
    }
    // (`domain controller hostname: <not available>` is event 611's placeholder, not a result.)
    if hits.has(Ph::History)
        && has_any(l, &["password", "result", "attempt"])
        && has_any(l, &["sync", "hash"])
        && !topic
        && !contains(l, "<not available>")
    {
        topic = true;
        if neg() {
            c.facts.push(fact(Fk::NoSyncHistory));
            check(c, "history", "fail");
        } else {
            check(c, "history", "pass");
        }
    }
    // The feature checks: tenant ("cloud configuration") or connector.
    // (A sync rule's properties, `In from AD - User … (Precedence 90, PasswordSync: False)`, are
    // the rule's, not the feature's.)
    let sync_rule = || {
        has_any(l, &["precedence", "in from ad", "out to aad", "in from aad", "out to ad -"])
        // (nor a wizard's step that is setting it: `Updating the password hash sync state … (PasswordHashSync=True)`)
        || has_any(l, &["updating ", "configuring ", "setting the "])
    };
    if !topic && hits.has(Ph::Phs) && !ev_wording && !sync_rule() && states_the_feature(l) {
        let named = if contains(l, "connector") { connector_name(raw) } else { None };
        let tenant_words = has_any(
            l,
            &["cloud", "tenant", "azure ad directory", "company", "azure active directory", "entra id", "aad", "feature", "directory"],
        );
        let connector_scope = named.is_some() || contains(l, "connector") || (!tenant_words && ctx.connector.is_some());
        let bad = neg() || contains(l, "not been activated");
        if connector_scope {
            let s = with_connector(fact(if bad { Fk::ConnectorFeatureOff } else { Fk::ConnectorFeatureOn }), named);
            c.facts.push(s);
            check(c, "connector-feature", if bad { "fail" } else { "pass" });
        } else {
            c.facts.push(if bad { fact(Fk::TenantFeatureOff) } else { fact(Fk::TenantFeatureOn).param(P::Scope, "tenant") });
            check(c, "tenant-feature", if bad { "fail" } else { "pass" });
        }
    }
}

/// The line states password sync's own state (`… is enabled`, `… has not been activated`,
/// `Enabled : False`), not a word that only stands near it (`fails in a FIPS enabled
/// environment`).
fn states_the_feature(l: &str) -> bool {
    const STATES: &[&str] = &["enabled", "disabled", "activated", "true", "false"];
    // `… does not work when staging mode is enabled`: a condition on something else.
    if has_any(l, &["does not work when", "doesn't work when", "does not work if", "doesn't work if", "does not work while"]) {
        return false;
    }
    let b = l.as_bytes();
    let word_before = |at: usize| -> &str {
        let head = l[..at].trim_end_matches([' ', '\t', '\'', '"']);
        let start =
            head.char_indices().rev().find(|(_, c)| !(c.is_ascii_alphanumeric() || *c == '\'')).map_or(0, |(i, c)| i + c.len_utf8());
        &head[start..]
    };
    if contains(l, "turned off") || contains(l, "turned on") {
        return true;
    }
    STATES.iter().any(|w| {
        // `l.match_indices(w)` (the words overlap no copy of themselves), by `find`.
        let mut from = 0;
        std::iter::from_fn(|| {
            let at = from + find(l.get(from..)?, w)?;
            from = at + w.len();
            Some(at)
        })
        .any(|at| {
            let end = at + w.len();
            let whole = (at == 0 || !is_word_byte(b[at - 1])) && b.get(end).is_none_or(|c| !is_word_byte(*c));
            let after_colon = l[..at].trim_end().ends_with([':', '=']);
            let before = word_before(at);
            let verb = matches!(
                before,
                "is" | "are" | "was" | "were" | "been" | "be" | "not" | "isn't" | "aren't" | "wasn't" | "now" | "currently" | "already"
            );
            let label = l[end..].trim_start().starts_with([':', '=']) || l[end..].trim_start().starts_with("for ");
            // The portal's label and value columns: `Password Hash Sync   Enabled`.
            let column = (l[..at].ends_with("  ") || l[..at].ends_with('\t')) && l[end..].trim().is_empty();
            whole && (after_colon || verb || label || column)
        })
    })
}

/// `… for AD Connector - contoso.com` / `connector 'x'` on the line itself.
/// A sentence that puts staging mode on another server than the one in trouble (the old one,
/// a standby), in a plan (`2) Install the new server in staging mode`, `we will put the old
/// server in staging mode`), or at an installation since changed: no claim that this server is
/// in staging mode now. `l` is the clause, in lower case.
fn staging_elsewhere(l: &str) -> bool {
    let other = [
        "old server",
        "old connect",
        "old ad connect",
        "old aad connect",
        "old azure ad connect",
        "old entra connect",
        "old one",
        "old box",
        "previous server",
        "other server",
        "second server",
        "secondary server",
        "standby",
        "new server",
        "new connect",
        "new ad connect",
        "new aad connect",
        "new entra connect",
        "new box",
        "was installed in staging",
        "were installed in staging",
    ];
    // A plan: a step of a list, or what someone will, wants to or should do.
    let t = l.trim_start_matches(|c: char| c.is_ascii_digit() || matches!(c, ')' | '.' | '-' | '*' | '•' | ' ' | '\t'));
    let verbs = ["install", "put ", "set ", "take ", "switch", "configure", "move ", "keep ", "leave ", "deploy", "build", "bring"];
    let plan = verbs.iter().any(|v| t.starts_with(v))
        || [
            "we will",
            "we'll",
            "we plan",
            "planning to",
            "i want to",
            "we want to",
            "should i",
            "should we",
            "can i",
            "can we",
            "my idea",
            "the plan",
        ]
        .iter()
        .any(|w| contains(l, w));
    plan || other.iter().any(|w| contains(l, w))
}

pub(crate) fn connector_in_line(raw: &str) -> Option<&str> {
    if !has_ci(raw, "connector") {
        return None;
    }
    connector_name(raw).filter(|n| n.len() < 120 && !contains(n, " in ") && !contains(n, "last"))
}

/// `Domain "contoso.com" is not reachable`, `Unable to connect to domain contoso.com`.
pub(crate) fn domain_in_line(raw: &str) -> Option<&str> {
    let i = find_ci(raw, "domain")?;
    let end = i + "domain".len();
    let name = name_after_phrase(raw, end)?;
    let lower = name.to_ascii_lowercase();
    if ["is", "was", "controller", "controllers", "reachable", "unreachable", "not"].contains(&lower.as_str())
        || !name.contains(|c: char| c.is_alphanumeric())
    {
        return None;
    }
    Some(name)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_state_is_stated_not_only_near() {
        for yes in [
            "password hash synchronization cloud configuration is enabled",
            "password hash synchronization is enabled for ad connector: contoso.com",
            "password hash synchronization isn't enabled for ad connector - contoso.com",
            "password hash synchronization has not been activated for this company",
            "password sync enabled: false",
            "passwordhashsync : true",
            "password hash synchronization is turned off",
            "password sync — ist enabled: true",
        ] {
            assert!(states_the_feature(yes), "{yes}");
        }
        for no in [
            "password sync will fail with the following exception in a fips enabled environment:",
            "password hash synchronization and self-service password reset enabledness",
            "password sync fails — ünabled enabled",
        ] {
            assert!(!states_the_feature(no), "{no}");
        }
    }
}
