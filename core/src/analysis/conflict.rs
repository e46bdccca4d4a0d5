//! The judge's rules for facts that disagree, judged by time once every line is read (called by
//! `judge.rs` only): it says which is newer
//! instead of showing both as current.
//!
//! - An active Connect Health heartbeat alert and the heartbeats (654) pasted: a heartbeat newer
//!   than the alert's last detection resolves it (`heartbeat-ok` with `alert_time` and
//!   `resolved_since`); an alert newer than every heartbeat stands (`no-heartbeat` with
//!   `alert_time` and `last_heartbeat`, and no `heartbeat-ok`).
//! - `Error Code: 90` (the tenant's password sync not activated, 652/655) and a newer heartbeat:
//!   the tenant accepted password sync since (`phs-enabled` with `resolved_since` and
//!   `was_disabled`). Beside a check that says enabled without a time (the troubleshooter), both
//!   stay, each naming the other (`conflicts_with`) with `newer=unknown`.
//! - A password sync error (611's causes, the Entra side's) and newer delivered passwords (651,
//!   657 `Success`, a full password sync completed): the error has stopped (`error-resolved`
//!   with `earlier` and `resolved_since`); the service stopped, the Entra account refused or
//!   unreachable, password sync stopped, and a newer heartbeat: the same.
//! - An object's `Success` older than a problem of the same object: the problem stands alone.
//! - A heartbeat beside a stopped sync service: out, unless it is newer than every time of the stop.
//! - An object's export error type: the reason it isn't exported when the paste says so
//!   (`object-not-exported` with `export_error`), else another feature's text (`not-phs`).

use super::collect::Collector;
use super::fact::{host, same_server, HeartbeatAlert};
use super::model::Timeline;
use super::signal::Signal;
use super::time::Timestamp;
use crate::knowledge::{FindingId as F, Param as P};

/// The servers the paste's events were written on (their `Computer`), each with its newest
/// delivered passwords (651, 657 `Success`, 622/623) and heartbeat (654), as the judge reads
/// them. With two or more (an active server and a staging one, an old one and its
/// replacement), one server's success or heartbeat says nothing about another's error.
#[derive(Default)]
pub(crate) struct Servers {
    list: Vec<Server>,
}

struct Server {
    name: String,
    success: Option<(Timestamp, usize)>,
    beat: Option<(Timestamp, usize)>,
}

/// At most this many servers are told apart (the rest are not remembered).
const MAX_SERVERS: usize = 16;

impl Servers {
    fn slot(&mut self, name: &str) -> Option<&mut Server> {
        if host(name).is_empty() {
            return None;
        }
        let i = match self.list.iter().position(|s| same_server(&s.name, name)) {
            Some(i) => i,
            None if self.list.len() < MAX_SERVERS => {
                self.list.push(Server { name: name.trim().to_string(), success: None, beat: None });
                self.list.len() - 1
            }
            None => return None,
        };
        Some(&mut self.list[i])
    }

    /// An event of server `name`: a success (`success`), a heartbeat (`beat`) or neither, at
    /// `time` on `line`.
    pub fn event(&mut self, name: &str, time: Option<Timestamp>, line: usize, success: bool, beat: bool) {
        let Some(s) = self.slot(name) else { return };
        let Some(t) = time else { return };
        let newer = |old: Option<(Timestamp, usize)>| old.is_none_or(|(o, _)| comparable(o, t) && t.seconds() >= o.seconds());
        if success && newer(s.success) {
            s.success = Some((t, line));
        }
        if beat && newer(s.beat) {
            s.beat = Some((t, line));
        }
    }

    /// Two or more servers wrote the paste's events.
    pub fn many(&self) -> bool {
        self.list.len() > 1
    }

    /// The one server of `names` (`None`: none, or two or more).
    fn only(&self, names: &[String]) -> Option<&Server> {
        let first = names.first()?;
        if names.iter().any(|n| !same_server(n, first)) {
            return None;
        }
        self.list.iter().find(|s| same_server(&s.name, first))
    }
}

/// "No heartbeat" and "a recent heartbeat" for the same connectors (or for none named): with
/// times that compare, the newer stands and names the other; else both stay, each naming the
/// other, with `newer=unknown`. Different connectors don't conflict.
fn heartbeat_both_ways(c: &mut Collector<'_>) {
    if !(c.has(F::NoHeartbeat) && c.has(F::HeartbeatOk)) {
        return;
    }
    let (mut bad_c, mut ok_c) = (c.texts(F::NoHeartbeat, P::Connector), c.texts(F::HeartbeatOk, P::Connector));
    if !bad_c.is_empty() && !ok_c.is_empty() && !bad_c.iter().any(|x| ok_c.contains(x)) {
        return;
    }
    crate::order::sort(&mut bad_c);
    crate::order::sort(&mut ok_c);
    let newest = |c: &Collector<'_>, id| c.lines_and_times(id).1.into_iter().max_by_key(Timestamp::seconds);
    let (bad, ok) = (newest(c, F::NoHeartbeat), newest(c, F::HeartbeatOk));
    let decided = match (bad, ok) {
        (Some(b), Some(o)) if bad_c == ok_c && comparable(b, o) && b.seconds() != o.seconds() => {
            Some(if o.seconds() > b.seconds() { (F::HeartbeatOk, F::NoHeartbeat) } else { (F::NoHeartbeat, F::HeartbeatOk) })
        }
        _ => None,
    };
    match decided {
        Some((keep, older)) => {
            c.remove(older);
            c.add(Signal::new(keep, 0, 0).param(P::ConflictsWith, older.as_str()).param(P::Newer, keep.as_str()));
        }
        None => {
            c.add(Signal::new(F::NoHeartbeat, 0, 0).param(P::ConflictsWith, F::HeartbeatOk.as_str()).param(P::Newer, "unknown"));
            c.add(Signal::new(F::HeartbeatOk, 0, 0).param(P::ConflictsWith, F::NoHeartbeat.as_str()).param(P::Newer, "unknown"));
        }
    }
}

/// The errors of password sync that newer delivered passwords end (every time of the error is
/// older than the newest event 651 or 657 `Success`); not for an error of two or more domains,
/// where the newer success may be another domain's.
const ENDED_BY_SUCCESS: &[F] = &[
    F::AdPermissions,
    F::DomainUnreachable,
    F::DrsError,
    F::ConnectivityError,
    F::DcRejectingReplication,
    F::AdCredentials,
    F::CloudCredentials,
    F::NoEntraConnectivity,
    F::TransientRetry,
    F::PhsServiceError,
    // A 611 of a problem fixed in a later build, then passwords delivered: the upgrade fixed it
    // (a build stated without a time keeps its finding).
    F::UpgradeRequired,
    F::InternalError,
];

/// The errors that a newer heartbeat (654, the password sync channel's ping to Microsoft Entra
/// ID) ends: the service runs, password sync runs, and its Entra account signs in again. Not the
/// errors of the Active Directory side, which a ping to the cloud says nothing about.
const ENDED_BY_HEARTBEAT: &[F] =
    &[F::SyncServiceStopped, F::SyncServiceStateUnread, F::CloudCredentials, F::NoEntraConnectivity, F::PhsStopped, F::PhsServiceError];

/// An error followed by passwords synchronized (651, 657 `Success`, a full password sync
/// completed, 622/623): `error-resolved`, with the error's evidence, `earlier` (its finding) and
/// `resolved_since` (the newer success); the errors of [`ENDED_BY_HEARTBEAT`] by a newer
/// heartbeat too.
fn resolved_errors(tl: &Timeline, servers: &Servers, c: &mut Collector<'_>) {
    let synced = c.lines_and_times(F::PasswordSynced);
    let completed: Vec<(Timestamp, usize)> =
        tl.full_sync.iter().filter(|s| matches!(s.event, 622 | 623)).filter_map(|s| s.time.map(|t| (t, s.line))).collect();
    let synced: Vec<(Timestamp, usize)> = synced.1.iter().copied().zip(synced.0.iter().copied()).collect();
    // The domains the delivered passwords are of (their objects' DNs, `DC=` parts): a
    // success in another domain says nothing about this domain's error.
    let mut synced_domains: Vec<String> = c.texts(F::PasswordSynced, P::Domain).into_iter().map(|d| d.to_ascii_lowercase()).collect();
    synced_domains.extend(c.texts(F::PasswordSynced, P::Dn).iter().filter_map(|dn| dn_domain(dn)));
    let newest = |with_synced: bool| {
        let s = if with_synced { synced.as_slice() } else { &[] };
        s.iter().copied().chain(tl.last_batch).chain(completed.iter().copied()).max_by_key(|(t, _)| t.seconds())
    };
    let success = newest(true);
    let beat = tl.heartbeats.iter().filter_map(|h| h.time.map(|t| (t, h.line))).max_by_key(|(t, _)| t.seconds());
    // With two or more servers, an error is ended only by its own server's heartbeat or
    // success; an error of no server or of several, by none.
    let own = |c: &Collector<'_>, id| servers.only(c.servers(id));
    for &id in ENDED_BY_HEARTBEAT {
        let beat = if servers.many() { own(c, id).and_then(|s| s.beat) } else { beat };
        if let Some((ok, ok_line)) = beat {
            end_if_older(c, id, ok, ok_line);
        }
    }
    if success.is_none() {
        return;
    }
    for &id in ENDED_BY_SUCCESS {
        if !c.has(id) || c.texts(id, P::Domain).len() > 1 {
            continue;
        }
        let domain = c.texts(id, P::Domain).pop().map(|d| d.to_ascii_lowercase());
        let other_domain = domain.is_some_and(|d| !synced_domains.is_empty() && !synced_domains.contains(&d));
        let ok = if servers.many() {
            if other_domain {
                continue;
            }
            own(c, id).and_then(|s| s.success)
        } else {
            newest(!other_domain)
        };
        let Some((ok, ok_line)) = ok else { continue };
        let (_, times) = c.lines_and_times(id);
        let Some(bad) = times.iter().copied().max_by_key(Timestamp::seconds) else { continue };
        if bad.utc != ok.utc && !comparable(bad, ok) {
            // A success on another clock (UTC against local) under a day away: said, not ordered.
            c.add(Signal::new(id, 0, 0).param(P::ConflictsWith, F::PasswordSynced.as_str()).param(P::Newer, "unknown"));
            continue;
        }
        if !comparable(bad, ok) || ok.seconds() <= bad.seconds() {
            continue;
        }
        c.merge_into(id, F::ErrorResolved);
        c.add(Signal::new(F::ErrorResolved, ok_line, ok_line).param(P::Earlier, id.as_str()).param(P::ResolvedSince, ok.text()));
    }
}

/// `id` ends at `ok` (a heartbeat) when every time of it is older: `error-resolved`.
fn end_if_older(c: &mut Collector<'_>, id: F, ok: Timestamp, ok_line: usize) {
    if !c.has(id) || c.texts(id, P::Domain).len() > 1 {
        return;
    }
    let (_, times) = c.lines_and_times(id);
    let Some(bad) = times.iter().copied().max_by_key(Timestamp::seconds) else { return };
    if !comparable(bad, ok) || ok.seconds() <= bad.seconds() {
        return;
    }
    c.merge_into(id, F::ErrorResolved);
    c.add(Signal::new(F::ErrorResolved, ok_line, ok_line).param(P::Earlier, id.as_str()).param(P::ResolvedSince, ok.text()));
}

/// An object's password sync problems, from its log or the single-object run.
const OBJECT_PROBLEMS: &[F] = &[
    F::NoTargetConnection,
    F::ObjectNotExported,
    F::ObjectPasswordFailed,
    F::CloudFiltered,
    F::NoPhsSyncRule,
    F::TemporaryPassword,
    F::NotInConnectorSpace,
    F::KerberosHashMissing,
];

/// A `Success` older than a problem of the same object (its log lists both; the same DN, or
/// none named) says nothing about now: the newest status stands, and no "passwords were
/// synchronized" beside it.
fn stale_success(c: &mut Collector<'_>) {
    if !c.has(F::PasswordSynced) {
        return;
    }
    let Some(ok) = c.lines_and_times(F::PasswordSynced).1.into_iter().max_by_key(Timestamp::seconds) else { return };
    let ok_dns = c.texts(F::PasswordSynced, P::Dn);
    for &id in OBJECT_PROBLEMS {
        if !c.has(id) {
            continue;
        }
        let dns = c.texts(id, P::Dn);
        if !ok_dns.iter().all(|d| dns.contains(d)) || (ok_dns.is_empty() != dns.is_empty()) {
            continue;
        }
        let newest_bad = c.lines_and_times(id).1.into_iter().max_by_key(Timestamp::seconds);
        if newest_bad.is_some_and(|b| comparable(b, ok) && b.seconds() > ok.seconds()) {
            c.remove(F::PasswordSynced);
            return;
        }
    }
}

/// A heartbeat says the channel was up when it was written: beside a stopped sync service
/// (password sync runs inside it) it stands only when it is newer than every time the paste
/// gives the stop (the service ran again since); a stop without a time (`Get-Service`'s row,
/// `Start-Service`'s error: now) or a newer one takes it out.
fn heartbeat_before_stop(c: &mut Collector<'_>) {
    if !(c.has(F::SyncServiceStopped) && c.has(F::HeartbeatOk)) {
        return;
    }
    let newest = |c: &Collector<'_>, id| c.lines_and_times(id).1.into_iter().max_by_key(Timestamp::seconds);
    let after_stop = match (newest(c, F::HeartbeatOk), newest(c, F::SyncServiceStopped)) {
        (Some(beat), Some(stop)) => comparable(beat, stop) && beat.seconds() > stop.seconds(),
        _ => false,
    };
    if !after_stop {
        c.remove(F::HeartbeatOk);
    }
}

/// Both times have a year, or neither: they can be compared.
pub(crate) fn comparable(a: Timestamp, b: Timestamp) -> bool {
    // (A UTC time and a server's local one are one clock only when they are further apart than
    // any time zone: `09:10 AM` in Event Viewer and `09:35Z` in event XML may be either order.)
    (a.year == 0) == (b.year == 0) && (a.utc == b.utc || (a.seconds() - b.seconds()).abs() > 14 * 3600)
}

pub(crate) fn judge(alerts: &[HeartbeatAlert], export_errors: Vec<Signal<'_>>, tl: &Timeline, servers: &Servers, c: &mut Collector<'_>) {
    let newest_beat: Option<(Timestamp, usize)> =
        tl.heartbeats.iter().filter_map(|h| h.time.map(|t| (t, h.line))).max_by_key(|(t, _)| t.seconds());
    for a in alerts {
        let mut s = Signal::new(F::NoHeartbeat, a.line, a.line);
        s.extra = a.detail_line;
        if let Some(seen) = a.seen {
            s = s.param(P::AlertTime, seen.text());
            if let Some((beat, line)) = newest_beat.filter(|(b, _)| comparable(seen, *b)) {
                if beat.seconds() > seen.seconds() {
                    s.finding = F::HeartbeatOk;
                    s.extra = Some(line);
                    s = s.param(P::ResolvedSince, beat.text());
                } else {
                    s = s.param(P::LastHeartbeat, beat.text());
                    c.remove(F::HeartbeatOk);
                }
            }
        }
        c.add(s);
    }

    heartbeat_both_ways(c);
    heartbeat_before_stop(c);

    // Password sync not activated for the tenant, then a heartbeat the service answered (an
    // event 654, or the status script's or troubleshooter's latest heartbeat with its time).
    if c.has(F::PhsDisabledTenant) {
        let (lines, times) = c.lines_and_times(F::PhsDisabledTenant);
        let newest_bad = times.iter().copied().max_by_key(Timestamp::seconds);
        let (ok_lines, ok_times) = c.lines_and_times(F::HeartbeatOk);
        let checked = ok_times.iter().copied().max_by_key(Timestamp::seconds).map(|t| (t, ok_lines.first().copied().unwrap_or(0)));
        let newest_beat = [newest_beat, checked].into_iter().flatten().max_by_key(|(t, _)| t.seconds());
        match (newest_bad, newest_beat) {
            (Some(bad), Some((beat, beat_line))) if comparable(bad, beat) && beat.seconds() > bad.seconds() => {
                c.remove(F::PhsDisabledTenant);
                for l in lines.into_iter().chain([beat_line]) {
                    c.add(Signal::new(F::PhsEnabled, l, l));
                }
                c.add(
                    Signal::new(F::PhsEnabled, 0, 0)
                        .param(P::Scope, "tenant")
                        .param(P::ResolvedSince, beat.text())
                        .param(P::WasDisabled, bad.text()),
                );
            }
            // Either without a time (a check that reads the tenant, an event copied without its
            // date): both stand, each naming the other.
            _ if c.has_param(F::PhsEnabled, P::Scope, "tenant") => {
                c.add(Signal::new(F::PhsDisabledTenant, 0, 0).param(P::ConflictsWith, F::PhsEnabled.as_str()).param(P::Newer, "unknown"));
                c.add(Signal::new(F::PhsEnabled, 0, 0).param(P::ConflictsWith, F::PhsDisabledTenant.as_str()).param(P::Newer, "unknown"));
            }
            _ => {}
        }
    }

    if servers.many() {
        c.show_servers();
    }
    resolved_errors(tl, servers, c);
    stale_success(c);

    let not_exported = c.has(F::ObjectNotExported);
    for mut s in export_errors {
        if not_exported {
            s.finding = F::ObjectNotExported;
        } else {
            s = s.param(P::Feature, "export-error");
        }
        c.add(s);
    }
}

/// The DNS domain of a DN's `DC=` parts (`CN=a,OU=b,DC=sales,DC=contoso,DC=local` →
/// `sales.contoso.local`), lower case; `None` without any.
fn dn_domain(dn: &str) -> Option<String> {
    let parts: Vec<&str> = dn
        .split(',')
        .filter_map(|p| {
            let (k, v) = p.trim().split_once('=')?;
            k.trim().eq_ignore_ascii_case("dc").then(|| v.trim())
        })
        .collect();
    (!parts.is_empty()).then(|| parts.join(".").to_ascii_lowercase())
}

#[cfg(test)]
mod tests {
    use crate::analysis::analyze;
    use crate::knowledge::FindingId as F;

    #[test]
    fn the_domain_of_a_dn() {
        use super::dn_domain;
        assert_eq!(dn_domain("CN=a,OU=b,DC=Sales,DC=contoso,DC=local").as_deref(), Some("sales.contoso.local"));
        assert_eq!(dn_domain("CN=Smith\\, John,DC=x,DC=com").as_deref(), Some("x.com"));
        assert_eq!(dn_domain("CN=a,OU=b"), None);
    }

    /// The classes' pastes cut anywhere, and their lines in reverse: never a panic, and a cut
    /// alert is never a resolved one.
    #[test]
    fn cut_and_reordered_pastes() {
        let dir = concat!(env!("CARGO_MANIFEST_DIR"), "/../tests/fixtures/pastes/");
        for name in ["health-json-api", "health-json-arm", "health-conflict-resolved", "adsyncconfig-grant-failed", "trace-phs-off"] {
            let text = std::fs::read_to_string(format!("{dir}{name}.txt")).expect("fixture");
            let body: String = text.lines().filter(|l| !l.starts_with("# ")).map(|l| format!("{l}\n")).collect();
            for cut in (0..body.len()).step_by(13).filter(|&i| body.is_char_boundary(i)) {
                let a = analyze(&body[..cut]);
                assert!(a.findings.iter().all(|f| f.id != F::AlertResolved || body[..cut].contains("Resolved")), "{name} cut at {cut}");
            }
            let reversed: String = body.lines().rev().map(|l| format!("{l}\n")).collect();
            analyze(&reversed);
        }
    }
}
