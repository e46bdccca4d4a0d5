//! The judge: facts to findings. Every fact a parser states (`fact.rs`) comes here; the
//! tables in `content/` decide what it means — `facts.json` (a fact's finding, or the status
//! or error table it defers to, another finding inside a given event, or the finding it
//! withdraws), `events.json` `finding` (what an event implies on its own, `unless_cause`),
//! `statuses.json` and `errors.json` `finding`, `findings.json` `causes`. Rules that are not a
//! table lookup are here, each named: an event of another feature states nothing about
//! password sync (`not-phs` with its feature); a DRS exception without a number gives way to a
//! decoded one; facts that disagree are judged by time once everything is read
//! (`conflict.rs`); a finding that is not a cause of its own joins the one cause the paste
//! shows. The judge streams: facts are judged as they are stated, so memory stays bounded.

use std::borrow::Cow;

use super::collect::Collector;
use super::conflict;
use super::fact::{Fact, FactKind, HeartbeatAlert, Hints, Judged};
use super::model::{Finding, Timeline};
use super::parse::run_history;
use super::signal::Signal;
use super::time::Timestamp;
use crate::knowledge::{self, FindingId, FindingId as F, Param as P, Severity, STATUSES};

/// The finding fact `f` gives, stated inside event `event` (if any); `None` for a retraction.
pub(crate) fn finding_of(f: &Fact<'_>, event: Option<u32>) -> Option<FindingId> {
    let info = f.kind.info();
    if let Some(&(_, to)) = event.and_then(|ev| info.in_event.iter().find(|(e, _)| *e == ev)) {
        return Some(to);
    }
    match info.judged {
        Judged::Finding(id) => Some(id),
        Judged::Status => f.status.and_then(|name| STATUSES.iter().find(|s| s.name == name)).map(|s| s.finding),
        Judged::Error => f.error.map(|e| e.finding),
        Judged::Retracts(_) | Judged::Context => None,
    }
}

/// The finding of a fact that `facts.json` judges by a finding of its own.
pub(crate) fn finding_for(kind: FactKind) -> FindingId {
    match kind.info().judged {
        Judged::Finding(id) => id,
        other => unreachable!("{} is judged by {other:?}, not by a finding", kind.as_str()),
    }
}

/// An event as the parsers read it: its ID, what its source says, and the facts its message
/// states.
pub(crate) struct EventFacts<'a, 'h> {
    pub id: Option<u32>,
    /// Its source (or, without one, its ID) is password hash sync's.
    pub phs: bool,
    /// The other feature its source or ID belongs to (password writeback, …).
    pub feature: Option<&'static str>,
    pub time: Option<Timestamp>,
    pub facts: Vec<Fact<'a>>,
    pub hints: &'h Hints<'a>,
    pub first: usize,
    pub last: usize,
    pub id_line: usize,
}

pub(crate) struct Judge<'p> {
    collector: Collector<'p>,
    /// Status values stated without a time (`log-status`), as (status, line): a list of them is
    /// a reference table, not an object's log (`finish`).
    listed: Vec<(&'static str, usize)>,
    /// A `log-status` fact with a time was seen: the paste has a log.
    timed_status: bool,
    /// Per finding: 1 = only untimed status facts gave it so far, 2 = something else did too.
    from_list: Vec<u8>,
    /// Lines where a Windows service couldn't log on (`service-logon-failed`): the sync
    /// service's reason when the paste shows it stopped (`finish`).
    logon: Vec<(usize, usize)>,
    /// Lines that name the sync service (`sync-service-named`).
    named: Vec<(usize, usize)>,
    /// Lines where a service was started and didn't start (`service-start-failed`).
    start_failed: Vec<(usize, usize, &'static str)>,
    /// Something only Connect prints was read (see [`anchors`]).
    anchored: bool,
    /// Lines of a 657 that delivered a temporary password (`temporary-password-synced`), and
    /// its object's DN.
    temp_synced: Option<(usize, usize, Option<String>)>,
    /// The newest `PasswordLastSet` read, its line, and its object's DN when the output gave it.
    last_set: Option<(Timestamp, usize, Option<String>)>,
    /// Rows of a settings table of several servers: staging mode on, and the line.
    server_rows: Vec<(bool, usize)>,
    /// Inside a documentation table of events (`reference_table`), and its lines.
    reference: bool,
    reference_lines: Option<(usize, usize)>,
    /// The paste's current section is labelled as a standby server's (`standby_section`).
    standby: bool,
    /// The newest 7036 of the sync service entering the running state, and its line.
    running: Option<(Timestamp, usize)>,
    /// The user's newest last password change in Microsoft Entra ID read, and its line.
    cloud_change: Option<(Timestamp, usize)>,
    /// Delivered passwords with their time and object (657 `Success`, a Log tab `Success`): the
    /// newest of `PasswordLastSet`'s own object is what its change is judged against.
    successes: Vec<(Timestamp, Option<String>)>,
    /// The tenant's last password sync and last directory sync, with their lines.
    tenant_times: [Option<(Timestamp, usize)>; 2],
    /// Where `cloud-credentials` came from: only `The user name or password is incorrect`
    /// outside any event (`words`), or something that names Microsoft Entra ID (`other`).
    cloud_from: (bool, bool),
    /// The last line of a resolved "password hash sync stopped" alert (`resolved_alert`).
    stop_resolved: Option<usize>,
    /// The ForcePasswordChangeOnLogOn feature was read as on (`force-change-feature-on`).
    force_change_on: bool,
    /// The newest installation of Connect's package (`connect-installed`): its time, line and
    /// version.
    installed: Option<(Timestamp, usize, Option<String>)>,
    /// Where the credentials findings came from: Windows' logon failure, which any program
    /// prints (`generic`), or something of Connect's own (`specific`).
    creds_from: (bool, bool),
    /// The servers the events were written on, with their newest success and heartbeat.
    servers: conflict::Servers,
    /// The Operations tab's runs read (`run-row`): the row's connector and profile, whether it
    /// stopped, its start time and line (at most [`MAX_RUNS`]).
    runs: Vec<(String, bool, Timestamp, usize)>,
}

/// At most this many runs of the Operations tab are remembered.
const MAX_RUNS: usize = 4096;

/// At most this many untimed status facts are remembered (a reference table has ten).
const MAX_LISTED: usize = 64;

impl<'p> Judge<'p> {
    pub fn new(physical: &'p [&'p str]) -> Judge<'p> {
        Judge {
            collector: Collector::new(physical),
            listed: Vec::new(),
            timed_status: false,
            from_list: vec![0; knowledge::FINDINGS.len()],
            logon: Vec::new(),
            named: Vec::new(),
            start_failed: Vec::new(),
            anchored: false,
            temp_synced: None,
            last_set: None,
            successes: Vec::new(),
            tenant_times: [None, None],
            cloud_from: (false, false),
            creds_from: (false, false),
            stop_resolved: None,
            installed: None,
            force_change_on: false,
            servers: conflict::Servers::default(),
            runs: Vec::new(),
            cloud_change: None,
            running: None,
            standby: false,
            reference: false,
            reference_lines: None,
            server_rows: Vec::new(),
        }
    }

    /// Notes where a credentials finding comes from: `creds_from` (Windows' logon failure, or
    /// something of Connect's own) and, for `cloud-credentials`, `cloud_from` (the bare sentence
    /// stated outside an event, or something that names Microsoft Entra ID). `kind` is `None`
    /// for an event's signals.
    fn note_cloud(&mut self, finding: FindingId, kind: Option<FactKind>, error: Option<&super::errors::ErrorInfo>) {
        if matches!(finding, F::CloudCredentials | F::AdCredentials) {
            // (An AADSTS code is any sign-in's to Microsoft Entra ID, a user's as well.)
            let generic = matches!(kind, Some(FactKind::CredentialsRejected | FactKind::AdCredentialsRejected))
                || (kind == Some(FactKind::DecodedError)
                    && error.is_some_and(|e| {
                        e.code == 1326 || e.message.contains("user name or password is incorrect") || e.name.starts_with("AADSTS")
                    }));
            if generic {
                self.creds_from.0 = true;
            } else {
                self.creds_from.1 = true;
            }
        }
        if finding == F::CloudCredentials {
            if kind == Some(FactKind::CredentialsRejected) {
                self.cloud_from.0 = true;
            } else {
                self.cloud_from.1 = true;
            }
        }
    }

    /// Hands a judged signal to the collector, noting whether an untimed status value gave it.
    fn add(&mut self, s: Signal<'_>, listed: Option<&'static str>) {
        let i = s.finding as usize;
        match listed {
            Some(status) => {
                if self.listed.len() < MAX_LISTED {
                    self.listed.push((status, s.first));
                }
                if self.from_list[i] == 0 {
                    self.from_list[i] = 1;
                }
            }
            None => self.from_list[i] = 2,
        }
        self.collector.add(s);
    }

    /// A fact that withdraws a finding (`retracts`): done, wherever it is stated.
    fn retracted(&mut self, f: &Fact<'_>) -> bool {
        match f.kind.info().judged {
            Judged::Retracts(id) => {
                self.collector.remove(id);
                true
            }
            _ => false,
        }
    }

    /// The status value of an untimed `log-status` fact (else notes a timed one).
    fn untimed_status(&mut self, f: &Fact<'_>) -> Option<&'static str> {
        if f.kind != FactKind::LogStatus {
            return None;
        }
        if f.time.is_some() {
            self.timed_status = true;
            return None;
        }
        f.status
    }

    /// A cmdlet's later output that undoes a fault an earlier one showed (outputs are pasted in
    /// the order they ran): `StagingModeEnabled : False` after a `True`, `Running  ADSync` after
    /// `Stopped  ADSync`. The fault is `error-resolved` since that line.
    fn later_output_ends(&mut self, f: &Fact<'_>) {
        let (fault, says) = match f.kind {
            FactKind::StagingModeOff => (F::StagingMode, "StagingModeEnabled : False"),
            FactKind::SyncServiceRunning => (F::SyncServiceStopped, "Get-Service: Running"),
            FactKind::SyncCycleOn => (F::SyncCycleDisabled, "SyncCycleEnabled : True"),
            _ => return,
        };
        if !self.collector.has(fault) {
            return;
        }
        let earlier = self.collector.lines_and_times(fault).0.iter().copied().max().unwrap_or(0);
        if earlier < f.said.first {
            self.collector.merge_into(fault, F::ErrorResolved);
            self.collector.add(
                Signal::new(F::ErrorResolved, f.said.first, f.said.last)
                    .param(P::Earlier, fault.as_str())
                    .param(P::ResolvedSince, format!("line {} ({says}, after line {earlier})", f.said.first)),
            );
        }
    }

    /// `PasswordLastSet`: the newest is kept (judged in `finish`); the tenant's sync times too.
    fn note_last_set(&mut self, f: &Fact<'_>) {
        let slot = match f.kind {
            FactKind::TenantPasswordSyncTime => Some(0),
            FactKind::TenantDirSyncTime => Some(1),
            _ => None,
        };
        if let (Some(i), Some(t)) = (slot, f.time) {
            if self.tenant_times[i].is_none_or(|(l, _)| t.seconds() > l.seconds()) {
                self.tenant_times[i] = Some((t, f.said.first));
            }
        }
        if let (FactKind::CloudPasswordChanged, Some(t)) = (f.kind, f.time) {
            if self.cloud_change.is_none_or(|(l, _)| t.seconds() > l.seconds()) {
                self.cloud_change = Some((t, f.said.first));
            }
        }
        if let (FactKind::PasswordLastSet, Some(t)) = (f.kind, f.time) {
            if self.last_set.as_ref().is_none_or(|(l, _, _)| t.seconds() > l.seconds()) {
                let dn = f.params.iter().find(|(k, _)| *k == P::Dn).map(|(_, v)| v.to_ascii_lowercase());
                self.last_set = Some((t, f.said.first, dn));
            }
        }
    }

    /// A delivered password with its time and object (`successes`).
    fn note_success(&mut self, f: &Fact<'_>, finding: FindingId, time: Option<Timestamp>, dn: Option<&str>) {
        if finding != F::PasswordSynced || self.successes.len() >= 1024 {
            return;
        }
        if let Some(t) = f.time.or(time) {
            let own = f.params.iter().find(|(k, _)| *k == P::Dn).map(|(_, v)| v.as_ref());
            self.successes.push((t, own.or(dn).map(str::to_ascii_lowercase)));
        }
    }

    /// A run of the Operations tab (`run-row`), remembered for `Judge::ended_runs`.
    fn note_run(&mut self, f: &Fact<'_>) {
        if f.kind != FactKind::RunRow || self.runs.len() >= MAX_RUNS {
            return;
        }
        let param = |k| f.params.iter().find(|(pk, _)| *pk == k).map(|(_, v)| v.as_ref());
        if let (Some(key), Some(status), Some(t)) = (param(P::Connector), param(P::Status), f.time) {
            self.runs.push((key.to_ascii_lowercase(), run_history::is_stop(status), t, f.said.first));
        }
    }

    /// A connector's run that stopped, and a later run of the same connector's profile that
    /// didn't (the Operations tab, `Get-ADSyncRunProfileResult`): that stop has ended. A finding
    /// whose stopped runs have all ended (`connector-run-stopped`, `accidental-delete`, a cause
    /// read from the runs themselves) is `run-recovered` since the newest run that ended them;
    /// then a cause of those runs read elsewhere (event 6000's `ad-credentials`), older than
    /// that and on a line that names a recovered connector, ends with them.
    fn ended_runs(runs: &[(String, bool, Timestamp, usize)], c: &mut Collector<'_>) {
        let mut since: Option<Timestamp> = None;
        for id in [F::ConnectorRunStopped, F::AccidentalDelete, F::AdCredentials, F::CloudCredentials, F::DomainUnreachable] {
            if let Some(t) = Self::ended_run(runs, c, id) {
                since = Some(since.map_or(t, |s| if t.seconds() > s.seconds() { t } else { s }));
            }
        }
        let Some(since) = since.filter(|_| !c.has(F::ConnectorRunStopped)) else { return };
        let recovered: Vec<&str> = runs.iter().filter(|r| r.1).filter_map(|r| run_history::connector_of(&r.0)).collect();
        for id in [F::AdCredentials, F::CloudCredentials, F::DomainUnreachable] {
            if !c.has(id) {
                continue;
            }
            let (lines, times) = c.lines_and_times(id);
            let older = !times.is_empty() && times.iter().all(|t| conflict::comparable(*t, since) && t.seconds() < since.seconds());
            if older && lines.iter().any(|&l| recovered.iter().any(|k| c.line_has(l, k))) {
                c.merge_into(id, F::RunRecovered);
            }
        }
    }

    /// [`Judge::ended_runs`] for finding `id`: every one of its stopped runs ended by a later
    /// one, and its other lines (an event's of the same cause) older than that. The time it
    /// ended, when it did.
    fn ended_run(runs: &[(String, bool, Timestamp, usize)], c: &mut Collector<'_>, id: F) -> Option<Timestamp> {
        if runs.is_empty() || !c.has(id) {
            return None;
        }
        let (lines, times) = c.lines_and_times(id);
        let mut since: Option<(Timestamp, usize)> = None;
        let mut other_lines = false;
        for &line in &lines {
            let Some((key, _, t, _)) = runs.iter().find(|r| r.1 && r.3 == line) else {
                other_lines = true;
                continue;
            };
            let later = runs
                .iter()
                .filter(|r| !r.1 && r.0 == *key && conflict::comparable(r.2, *t) && r.2.seconds() > t.seconds())
                .max_by_key(|r| r.2.seconds());
            let &(_, _, ok, ok_line) = later?;
            if since.is_none_or(|(s, _)| ok.seconds() > s.seconds()) {
                since = Some((ok, ok_line));
            }
        }
        let (ok, line) = since?;
        if other_lines && (times.is_empty() || times.iter().any(|t| !conflict::comparable(*t, ok) || t.seconds() >= ok.seconds())) {
            return None;
        }
        c.merge_into(id, F::RunRecovered);
        c.add(Signal::new(F::RunRecovered, line, line).param(P::ResolvedSince, ok.text()));
        Some(ok)
    }

    /// Service Control Manager's 7036 that the sync service entered the running state, at
    /// `time` on `line`: the newest is kept (a stop older than it has ended, `finish`).
    pub fn service_running(&mut self, time: Option<Timestamp>, line: usize) {
        if let Some(t) = time {
            if self.running.is_none_or(|(r, _)| t.seconds() > r.seconds()) {
                self.running = Some((t, line));
            }
        }
    }

    /// A documentation table of events starts at `line` (`Some`), or the lines after it are no
    /// longer one (`None`): the facts of its rows are withheld, and `event-reference-table` is
    /// its finding.
    pub fn reference_table(&mut self, line: Option<usize>) {
        match line {
            Some(l) => {
                self.reference = true;
                if self.reference_lines.is_none() {
                    self.reference_lines = Some((l, l));
                }
            }
            None => self.reference = false,
        }
    }

    /// Inside a documentation table of events.
    pub fn in_reference_table(&self) -> bool {
        self.reference
    }

    /// Notes a fact withheld as a documentation table's row.
    fn in_reference(&mut self, f: &Fact<'_>) -> bool {
        if !self.reference {
            return false;
        }
        if let Some((_, last)) = self.reference_lines.as_mut() {
            *last = (*last).max(f.said.last);
        }
        true
    }

    /// A row of a settings table of several servers (its PSComputerName column) says staging
    /// mode is on (`true`) or off, on `line`: judged in `finish` with the other rows (one server
    /// on and another off is an active server and its standby).
    pub fn server_row_staging(&mut self, on: bool, line: usize) {
        if self.server_rows.len() < 64 {
            self.server_rows.push((on, line));
        }
    }

    /// The paste's next section is labelled as a standby server's (`true`) or another
    /// server's: a standby's staging mode is its purpose, neither a fault nor its end.
    pub fn standby_section(&mut self, standby: bool) {
        self.standby = standby;
    }

    /// A fact of a standby's section that says nothing about the server in trouble.
    fn standby_state(&self, f: &Fact<'_>) -> bool {
        self.standby && matches!(f.kind, FactKind::StagingModeOn | FactKind::StagingModeOff)
    }

    /// A fact stated on its own (outside any event).
    pub fn fact(&mut self, f: Fact<'_>) {
        if self.standby_state(&f) || self.in_reference(&f) {
            return;
        }
        // (The service named, its logon or start failed: judged in `finish`.)
        if matches!(f.kind, FactKind::SyncServiceNamed | FactKind::ServiceLogonFailed | FactKind::ServiceStartFailed) {
            let mut one = vec![f];
            self.note_logon(&mut one);
            return;
        }
        self.note_run(&f);
        self.anchored |= anchors(f.kind);
        self.force_change_on |= f.kind == FactKind::ForceChangeFeatureOn;
        self.later_output_ends(&f);
        self.note_last_set(&f);
        if self.retracted(&f) {
            return;
        }
        if let Some(id) = finding_of(&f, None) {
            let listed = self.untimed_status(&f);
            self.note_success(&f, id, None, None);
            self.note_cloud(id, Some(f.kind), f.error);
            self.add(Signal::judged(id, f), listed);
        }
    }

    /// Facts of a run of lines outside events, with what the lines said about their
    /// surroundings (the connector, domain and object they name).
    pub fn bare<'a>(&mut self, mut facts: Vec<Fact<'a>>, hints: &Hints<'a>) {
        facts.retain(|f| !self.standby_state(f));
        if self.reference {
            facts.retain(|f| !self.in_reference(f));
        }
        self.anchored |= facts.iter().any(|f| anchors(f.kind));
        for f in &facts {
            self.note_run(f);
            self.force_change_on |= f.kind == FactKind::ForceChangeFeatureOn;
            self.later_output_ends(f);
            self.note_last_set(f);
        }
        drop_generic_drs(&mut facts);
        // A retraction withdraws what was stated before it: in this run of lines too (`the
        // flag was set` then `we unticked it`), not what comes after it.
        let mut kept: Vec<Fact<'a>> = Vec::with_capacity(facts.len());
        for f in facts {
            if let Judged::Retracts(id) = f.kind.info().judged {
                self.collector.remove(id);
                kept.retain(|k| finding_of(k, None) != Some(id));
            } else {
                kept.push(f);
            }
        }
        let mut facts = kept;
        if let Some(line) = resolved_alert(&mut facts) {
            self.stop_resolved = self.stop_resolved.max(Some(line));
        }
        self.note_logon(&mut facts);
        let feature = token_feature(&facts);
        let token_lines: Vec<(usize, usize)> =
            facts.iter().filter(|f| f.kind == FactKind::OtherFeatureToken).map(|f| (f.said.first, f.said.last)).collect();
        for f in facts {
            // (A status value of password sync's own log stays password sync's beside another
            // feature's name: `MissingAttribute`'s text names Domain Services itself.)
            // (Nor a heartbeat said missing on a line of its own, away from the other feature's
            // name: Connect Health's `Password Synchronization heartbeat was skipped` is password
            // sync's; `heartbeats from the DCs … PCNS` on one line is the other product's.)
            let apart = || !token_lines.iter().any(|&(a, b)| f.said.first <= b && a <= f.said.last);
            let own = f.kind == FactKind::LogStatus || (matches!(f.kind, FactKind::HeartbeatMissing | FactKind::NoRecentSync) && apart());
            let other = feature.as_ref().filter(|_| !own);
            let listed = if other.is_none() { self.untimed_status(&f) } else { None };
            let s = match other {
                Some(feature) => other_features(f, feature.clone()),
                None => match finding_of(&f, None) {
                    Some(id) => {
                        self.note_success(&f, id, None, hints.dn.as_deref());
                        self.note_cloud(id, Some(f.kind), f.error);
                        Signal::judged(id, f)
                    }
                    None => continue,
                },
            };
            let mut s = s;
            for (k, v) in [(P::Connector, &hints.connector), (P::Domain, &hints.domain), (P::Dn, &hints.dn)] {
                if let Some(v) = v {
                    if !s.has_param(k) {
                        s = s.param(k, v.clone());
                    }
                }
            }
            self.add(s, listed);
        }
    }

    /// What an event means, from its ID, source and message; never from its Level.
    pub fn event<'a>(&mut self, e: EventFacts<'a, '_>) {
        let EventFacts { id, phs, feature, time, mut facts, hints, first, last, id_line } = e;
        // (A documentation table's row that reads as an event: its facts are withheld.)
        if self.reference {
            if let Some((_, l)) = self.reference_lines.as_mut() {
                *l = (*l).max(last);
            }
            return;
        }
        // Connect's own installer event: an upgrade, no other product's text.
        if let Some(f) = facts.iter().find(|f| f.kind == FactKind::ConnectInstalled) {
            if let Some(t) = f.time.or(time) {
                if self.installed.as_ref().is_none_or(|(i, _, _)| t.seconds() > i.seconds()) {
                    let v = f.params.iter().find(|(k, _)| *k == P::Version).map(|(_, v)| v.to_string());
                    self.installed = Some((t, id_line, v));
                }
            }
            self.anchored = true;
            return;
        }
        if let Some(f) = facts.iter().find(|f| f.kind == FactKind::TemporaryPasswordSynced) {
            let dn = f.params.iter().find(|(k, _)| *k == P::Dn).map(|(_, v)| v.to_string());
            self.temp_synced = Some((f.said.first, f.said.last, dn));
        }
        // Password sync's own event, or Service Control Manager's about the sync service.
        self.anchored |= (phs && feature.is_none()) || facts.iter().any(|f| f.kind == FactKind::SyncServiceDown);
        drop_generic_drs(&mut facts);
        facts.retain(|f| !self.retracted(f));
        self.note_logon(&mut facts);
        // Another feature's event (password writeback, pass-through authentication, password
        // protection), by its source and ID or by a type name or code in its message: what its
        // message says is that feature's, never a password sync error.
        // (A password sync event of the article's table, from its own source, stays password
        // sync's whatever a line pasted into its message names: `repadmin` in a note.)
        let own = phs && id.is_some_and(|i| knowledge::event(i).is_some());
        let feature: Option<Cow<'a, str>> = feature.map(Cow::Borrowed).or_else(|| if own { None } else { token_feature(&facts) });
        let mut out: Vec<Signal> = Vec::with_capacity(facts.len());
        let mut facts_dns: Vec<Cow<'a, str>> = Vec::new();
        for f in facts {
            if f.kind == FactKind::ObjectNamed {
                if let Some((_, dn)) = f.params.iter().find(|(k, _)| *k == P::Dn) {
                    facts_dns.push(dn.clone());
                }
                continue;
            }
            match &feature {
                Some(feature) => out.push(other_features(f, feature.clone())),
                None => {
                    if let Some(to) = finding_of(&f, id) {
                        self.note_success(&f, to, time, hints.dn.as_deref());
                        out.push(Signal::judged(to, f));
                    }
                }
            }
        }
        if let (Some(feature), true) = (&feature, out.is_empty()) {
            out.push(Signal::new(F::NotPhs, first, last).param(P::Feature, feature.clone()));
        }
        // The objects the event names on lines of their own (`DN = …`, event 0) are its
        // findings' objects.
        if !facts_dns.is_empty() {
            out = out
                .into_iter()
                .map(|mut s| {
                    for dn in &facts_dns {
                        if !s.params.iter().any(|(k, v)| *k == P::Dn && v == dn) {
                            s = s.param(P::Dn, dn.clone());
                        }
                    }
                    s
                })
                .collect();
        }
        let specific = !out.is_empty();
        if !phs {
            if !specific {
                let f = Fact::new(FactKind::OtherSourceEvent, first, last);
                if let Some(to) = finding_of(&f, id) {
                    out.push(Signal::judged(to, f));
                }
            }
        } else if let Some(id) = id {
            // The event's own finding (`content/events.json`), unless its message named a cause.
            if let Some(implied) = knowledge::event_finding(id).filter(|f| !(f.unless_cause && specific)) {
                out.push(Signal::new(implied.id, first, last));
            }
        }
        if let Some(server) = &hints.server {
            let success = matches!(id, Some(651 | 622 | 623)) || out.iter().any(|s| s.finding == F::PasswordSynced);
            self.servers.event(server, time, id_line, success && phs, phs && id == Some(654));
        }
        for mut s in out {
            self.note_cloud(s.finding, None, None);
            s.server.clone_from(&hints.server);
            if let Some(id) = id {
                s.event = Some(id);
                if s.first != id_line {
                    s.extra = Some(id_line);
                }
            }
            if time.is_some() {
                s.time = time;
            }
            if !s.has_param(P::Domain) {
                if let Some(d) = &hints.domain {
                    s = s.param(P::Domain, d.clone());
                }
            }
            if let Some(c) = &hints.connector {
                s = s.param(P::Connector, c.clone());
            }
            if !s.has_param(P::Dn) {
                if let Some(d) = &hints.dn {
                    s = s.param(P::Dn, d.clone());
                }
            }
            self.add(s, None);
        }
    }

    /// Once every line is read: facts that disagree are judged by time (`conflict.rs`), and a
    /// finding that is not a cause of its own joins the one cause the paste shows
    /// (`content/findings.json` `causes`: a connectivity event joins its decoded cause).
    pub fn finish(mut self, alerts: &[HeartbeatAlert], export_errors: Vec<Fact<'_>>, tl: &Timeline) -> Vec<Finding> {
        // (A Connect Health alert of password hash sync's heartbeat is something only Connect
        // reports: another product's text beside it doesn't make the paste that product's.)
        self.anchored |= !alerts.is_empty();
        self.judge_status_list();
        // Every server of the table in staging mode: none synchronizes passwords. One on and
        // another off: the standby of an active server, as Microsoft's design has it.
        if !self.server_rows.is_empty() && self.server_rows.iter().all(|(on, _)| *on) {
            for &(_, line) in &self.server_rows {
                self.collector.add(Signal::new(F::StagingMode, line, line));
            }
        }
        if let Some((first, last)) = self.reference_lines {
            self.collector.add(Signal::new(F::EventReferenceTable, first, first.max(last).min(first + 2)));
        }
        let export_errors = export_errors.into_iter().filter_map(|f| finding_of(&f, None).map(|id| Signal::judged(id, f))).collect();
        conflict::judge(alerts, export_errors, tl, &self.servers, &mut self.collector);
        Self::ended_runs(&self.runs, &mut self.collector);
        // The sync service stopped, then entered the running state (7036) after every time of
        // the stop: it runs again.
        if let Some((run, line)) = self.running {
            let c = &mut self.collector;
            let newest_stop = c.lines_and_times(F::SyncServiceStopped).1.into_iter().max_by_key(Timestamp::seconds);
            if newest_stop.is_some_and(|s| conflict::comparable(s, run) && run.seconds() > s.seconds()) {
                c.merge_into(F::SyncServiceStopped, F::ErrorResolved);
                c.add(
                    Signal::new(F::ErrorResolved, line, line)
                        .param(P::Earlier, F::SyncServiceStopped.as_str())
                        .param(P::ResolvedSince, format!("{} (7036: the service entered the running state)", run.text())),
                );
            }
        }
        let c = &mut self.collector;
        // No heartbeat for exactly the connectors whose password sync is disabled: that is why.
        if c.has(F::NoHeartbeat) && c.has(F::PhsDisabledConnector) {
            let (mut a, mut b) = (c.texts(F::NoHeartbeat, P::Connector), c.texts(F::PhsDisabledConnector, P::Connector));
            crate::order::sort(&mut a);
            crate::order::sort(&mut b);
            a.dedup();
            b.dedup();
            if !a.is_empty() && a == b {
                c.merge_into(F::NoHeartbeat, F::PhsDisabledConnector);
            }
        }
        // A logon failure in a paste that names the sync service and no other feature
        // (`sc query ADSync`, `net start ADSync`: error 1069) is the service's.
        let failed = !self.logon.is_empty() || !self.start_failed.is_empty();
        let stopped = c.has(F::SyncServiceStopped) || (failed && !self.named.is_empty() && !c.has(F::NotPhs));
        if stopped {
            if !c.has(F::SyncServiceStopped) {
                for &(first, last) in &self.named {
                    c.add(Signal::new(F::SyncServiceStopped, first, last));
                }
            }
            for &(first, last) in &self.logon {
                c.add(Signal::new(F::SyncServiceStopped, first, last).param(P::Reason, "logon-failure"));
            }
            for &(first, last, reason) in &self.start_failed {
                c.add(Signal::new(F::SyncServiceStopped, first, last).param(P::Reason, reason));
            }
        }
        // Windows' logon failure beside a service that couldn't log on (1069, 7038) and nothing
        // that names a Connect account: the service's logon (`ADSync サービスにログオンできません
        // でした: ユーザー名またはパスワードが正しくありません`), not a connector account's.
        if stopped && !self.logon.is_empty() && self.creds_from == (true, false) {
            for id in [F::CloudCredentials, F::AdCredentials] {
                c.absorb(id, F::SyncServiceStopped);
            }
        }
        // `The user name or password is incorrect` in a sentence, beside an event whose account
        // it is (the AD DS connector account's, in 611): the same failure, not a second account.
        if self.cloud_from == (true, false) && c.has(F::AdCredentials) {
            c.merge_into(F::CloudCredentials, F::AdCredentials);
        }
        for info in knowledge::FINDINGS.iter().filter(|f| !f.causes.is_empty()) {
            if !c.has(info.id) {
                continue;
            }
            let shown: Vec<FindingId> = info.causes.iter().copied().filter(|&id| c.has(id)).collect();
            if let [only] = shown.as_slice() {
                c.merge_into(info.id, *only);
            }
        }
        if !self.anchored {
            foreign_paste(c);
        }
        // Windows' logon failure and nothing of Connect's: whose account it is isn't known (any
        // program or person signing in gets it), so no Connect account is named.
        // An AADSTS code and nothing of Connect's is a user's sign-in (`sign-in-failed`, whose
        // code says why), not the Microsoft Entra connector account's.
        if !self.anchored && self.creds_from == (true, false) {
            let to = if c.has(F::SignInFailed) { F::SignInFailed } else { F::LogonFailureUnattributed };
            for id in [F::CloudCredentials, F::AdCredentials] {
                c.absorb(id, to);
            }
        }
        // A Connect Health import or export alert (`object-sync`) beside the cause the paste
        // shows for a connector (its account refused, its directory unreachable, TLS after an
        // upgrade): the run failed for that cause, which stops password sync too; not another
        // feature's text.
        let features = c.texts(F::NotPhs, P::Feature);
        if !features.is_empty() && features.iter().all(|f| f == "object-sync") {
            let cause = [
                F::AdCredentials,
                F::DomainUnreachable,
                F::CloudCredentials,
                F::NoEntraConnectivity,
                F::UpgradeRequired,
                F::ConnectorRunStopped,
            ]
            .into_iter()
            .find(|&id| c.has(id));
            if let Some(cause) = cause {
                c.absorb(F::NotPhs, cause);
            }
        }
        // DirSync had password sync too (its 611 is the article's): beside a password sync
        // fault, its name says which retired product it is, not that the text is another
        // feature's ("these errors don't stop it" would be wrong).
        let features = c.texts(F::NotPhs, P::Feature);
        let dirsync_only = !features.is_empty() && features.iter().all(|f| f == "dirsync");
        let fault = knowledge::FINDINGS
            .iter()
            .any(|f| f.id != F::NotPhs && matches!(f.severity, Severity::Error | Severity::Warning) && c.has(f.id));
        if dirsync_only && fault {
            c.remove(F::NotPhs);
        }
        // A temporary password beside the ForcePasswordChangeOnLogOn feature on: its flag may
        // predate the feature (`temporary-password`'s step for `force_change=on`).
        if self.force_change_on && c.has(F::TemporaryPassword) {
            c.add(Signal::new(F::TemporaryPassword, 0, 0).param(P::ForceChange, "on"));
        }
        // A problem a later build fixes, older than Connect's installation of a build (an
        // upgrade): fixed by it.
        if let Some((at, line, version)) = self.installed.take() {
            let (_, times) = c.lines_and_times(F::UpgradeRequired);
            let bad = times.iter().copied().max_by_key(Timestamp::seconds);
            if bad.is_some_and(|b| conflict::comparable(b, at) && b.seconds() < at.seconds()) {
                c.merge_into(F::UpgradeRequired, F::ErrorResolved);
                let since = match version {
                    Some(v) => format!("{} (Connect {v} installed)", at.text()),
                    None => format!("{} (Connect installed)", at.text()),
                };
                c.add(
                    Signal::new(F::ErrorResolved, line, line).param(P::Earlier, F::UpgradeRequired.as_str()).param(P::ResolvedSince, since),
                );
            }
        }
        // "Password hash sync stopped" raised, then the same alert resolved further down (two
        // mails, a portal's list copied twice): resolved, not current.
        if let Some(r) = self.stop_resolved {
            if c.has(F::PhsStopped) && c.lines_and_times(F::PhsStopped).0.iter().all(|&l| l < r) {
                c.merge_into(F::PhsStopped, F::AlertResolved);
            }
        }
        // A cloud reset and a password delivered since (the audit log's later `Change user
        // password` by the Sync_ account, a 657 `Success`): the change ended the reset. A reset
        // newer than every delivered password stands, and their "synchronized" is its evidence.
        if c.has(F::CloudPasswordReset) {
            let newest = |c: &Collector<'_>, id| c.lines_and_times(id).1.into_iter().max_by_key(Timestamp::seconds);
            if let (Some(r), Some(s)) = (newest(c, F::CloudPasswordReset), newest(c, F::PasswordSynced)) {
                if conflict::comparable(r, s) && s.seconds() > r.seconds() {
                    c.remove(F::CloudPasswordReset);
                } else if conflict::comparable(r, s) && r.seconds() > s.seconds() {
                    c.absorb(F::PasswordSynced, F::CloudPasswordReset);
                }
            }
        }
        // A password set after the object's newest synchronized result: that change hasn't
        // arrived (password sync runs every 2 minutes).
        // A password set on-premises more than 14 hours (any time zone apart, and the 2-minute
        // cycle) after the user's last password change in Microsoft Entra ID: it hasn't arrived.
        if let (Some((set, line, _)), Some((cloud, cloud_line))) = (&self.last_set, self.cloud_change) {
            if conflict::comparable(*set, cloud) && set.seconds() > cloud.seconds() + 14 * 3600 + 120 && !c.has(F::ChangeNotSynced) {
                c.add(
                    Signal::new(F::ChangeNotSynced, *line, *line)
                        .param(P::PasswordLastSet, set.text())
                        .param(P::LastCloudChange, cloud.text()),
                );
                c.add(Signal::new(F::ChangeNotSynced, cloud_line, cloud_line));
            }
        }
        if let Some((set, line, dn)) = self.last_set.take() {
            // (Of the same object when the output named it: another user's newer success says
            // nothing about this user's change.)
            let newest = match dn {
                Some(dn) => self
                    .successes
                    .iter()
                    .filter(|(_, d)| d.as_ref().is_none_or(|d| *d == dn))
                    .map(|(t, _)| *t)
                    .max_by_key(Timestamp::seconds),
                None => c.lines_and_times(F::PasswordSynced).1.into_iter().max_by_key(Timestamp::seconds),
            };
            if let Some(ok) = newest.filter(|ok| conflict::comparable(*ok, set) && set.seconds() > ok.seconds() + 120) {
                c.add(Signal::new(F::ChangeNotSynced, line, line).param(P::PasswordLastSet, set.text()).param(P::LastSuccess, ok.text()));
                // One object's older results are this finding's evidence, not "nothing to fix".
                if c.texts(F::PasswordSynced, P::Dn).len() <= 1 {
                    c.absorb(F::PasswordSynced, F::ChangeNotSynced);
                }
            }
        }
        // The tenant's last password sync more than 3 hours older than its last directory sync:
        // objects sync, passwords (heartbeats included) no longer reach it.
        if let [Some((pwd, pwd_line)), Some((dir, dir_line))] = self.tenant_times {
            if conflict::comparable(pwd, dir) && dir.seconds() - pwd.seconds() > 3 * 3600 {
                c.add(
                    Signal::new(F::PhsStopped, pwd_line.min(dir_line), pwd_line.max(dir_line))
                        .param(P::LastPasswordSync, pwd.text())
                        .param(P::LastDirSync, dir.text()),
                );
            }
        }
        // A temporary password that a 657 says was synchronized is no fault: the user is asked
        // to change it at the next cloud sign-in, as the feature intends.
        if let Some((first, last, dn)) = self.temp_synced.take() {
            // (Only the same object's: another user's temporary password still stands.)
            let others = c.texts(F::TemporaryPassword, P::Dn);
            let same = others.is_empty() || dn.is_some_and(|d| others.iter().all(|o| o.eq_ignore_ascii_case(&d)));
            if c.has(F::TemporaryPassword) && c.has(F::PasswordSynced) && same {
                c.remove(F::TemporaryPassword);
            }
            if c.has(F::PasswordSynced) {
                c.add(Signal::new(F::PasswordSynced, first, last).param(P::TemporarySynced, "True"));
            }
        }
        let mut out = self.collector.finish();
        // An event named in a sentence says nothing more beside a fault the paste shows, or
        // beside a finding that reads the event itself.
        let fault = out.iter().any(|f| matches!(f.severity, Severity::Error | Severity::Warning));
        let read: Vec<u32> = out.iter().filter(|f| f.id != F::EventLookup).flat_map(|f| f.events.iter().copied()).collect();
        out.retain(|f| f.id != F::EventLookup || !(fault || f.events.iter().all(|e| read.contains(e))));
        out
    }
}

impl Judge<'_> {
    /// Takes out the facts that a service couldn't log on, keeping their lines.
    fn note_logon(&mut self, facts: &mut Vec<Fact<'_>>) {
        for f in facts.iter() {
            match f.kind {
                FactKind::ServiceLogonFailed => self.logon.push((f.said.first, f.said.last)),
                FactKind::ServiceStartFailed if self.start_failed.len() < 4 => {
                    // (`disabled`: its startup type is Disabled, error 1058.)
                    let disabled = f.params.iter().any(|(k, v)| *k == P::Reason && v == "disabled");
                    self.start_failed.push((f.said.first, f.said.last, if disabled { "disabled" } else { "start-failed" }));
                }
                FactKind::SyncServiceNamed if self.named.len() < 4 => self.named.push((f.said.first, f.said.last)),
                _ => {}
            }
        }
        facts.retain(|f| !matches!(f.kind, FactKind::ServiceLogonFailed | FactKind::ServiceStartFailed));
    }

    /// Four or more distinct status values, none with a time, and no log row with one: the
    /// paste is a list of the values (the article's table, a copy of it), not an object's log.
    /// The findings only those values gave are withdrawn for one `status-list`.
    fn judge_status_list(&mut self) {
        let mut distinct: Vec<&'static str> = self.listed.iter().map(|(s, _)| *s).collect();
        crate::order::sort(&mut distinct);
        distinct.dedup();
        if self.timed_status || distinct.len() < 4 {
            return;
        }
        for info in knowledge::FINDINGS {
            if self.from_list[info.id as usize] == 1 {
                self.collector.remove(info.id);
            }
        }
        let mut seen: Vec<&'static str> = Vec::new();
        for &(status, line) in &self.listed {
            let mut s = Signal::new(F::StatusList, line, line);
            if !seen.contains(&status) {
                seen.push(status);
                s = s.param(P::Status, status);
            }
            self.collector.add(s);
        }
    }
}

/// The finding for a paste without findings: nothing recognised in it (`read` false), or
/// records read but none of them showing a fault; either way, what to paste next.
pub(crate) fn no_finding(physical: &[&str], read: bool) -> Vec<Finding> {
    let mut c = Collector::new(physical);
    c.add(Signal::new(if read { F::NothingWrongFound } else { F::NothingRecognised }, 0, 0));
    c.finish()
}

/// Whether a fact is one that only Connect (its cmdlets, the troubleshooter, the status script,
/// the wizard, Connect Health for sync, the collector) states. The others are words and numbers
/// that other products print too: an error's number or message, a run status (Microsoft Identity
/// Manager's sync engine has the same), a sentence that a password sync stopped or credentials
/// were rejected, another feature's token.
fn anchors(kind: FactKind) -> bool {
    use FactKind as K;
    !matches!(
        kind,
        K::LogStatus
            | K::PasswordChangeResult
            | K::PasswordChangeFailed
            | K::DecodedError
            | K::UnknownDrsCode
            | K::DrsException
            | K::CredentialsRejected
            | K::AdCredentialsRejected
            | K::CloudCredentialsRejected
            | K::DomainUnreachableSaid
            | K::Retry
            | K::PhsStoppedSaid
            | K::PermissionsInsufficient
            | K::WritebackText
            | K::OtherFeatureToken
            | K::ExportError
            | K::EventIdAlone
            | K::EventNamed
            | K::OtherSourceEvent
            | K::ServiceLogonFailed
            | K::RetiredVersion
            | K::SignInFailed
            | K::FipsSaid
    )
}

/// A paste that shows another product (`adjacent::OTHER_PRODUCTS`: Microsoft Identity Manager,
/// another program's stack trace, AD FS) and nothing only Connect prints is that product's: its
/// errors and warnings are not password hash sync's, their lines join `not-phs`.
fn foreign_paste(c: &mut Collector<'_>) {
    let products = c.texts(F::NotPhs, P::Feature);
    if !products.iter().any(|p| super::parse::adjacent::OTHER_PRODUCTS.contains(&p.as_str())) {
        return;
    }
    for info in knowledge::FINDINGS {
        if info.id != F::NotPhs && matches!(info.severity, Severity::Error | Severity::Warning) && c.has(info.id) {
            c.absorb(info.id, F::NotPhs);
        }
    }
}

/// The feature whose own type name or code a fact of the event or run names (`other-feature-token`).
fn token_feature<'a>(facts: &[Fact<'a>]) -> Option<Cow<'a, str>> {
    facts
        .iter()
        .filter(|f| f.kind == FactKind::OtherFeatureToken)
        .find_map(|f| f.params.iter().find(|(k, _)| *k == P::Feature).map(|(_, v)| v.clone()))
}

/// A fact of another feature's event or text: `not-phs` with the feature, and no decoded code
/// (the number is that feature's, not a password sync error).
fn other_features<'a>(mut f: Fact<'a>, feature: Cow<'a, str>) -> Signal<'a> {
    f.error = None;
    f.params.retain(|(k, _)| !matches!(*k, P::Code | P::Scope));
    Signal::judged(F::NotPhs, f).param(P::Feature, feature)
}

/// Lines that say an alert is resolved (`alert-state-resolved`) make the alert titles of the
/// same run (password sync stopped, its heartbeat skipped) a resolved alert, not a fault.
/// Returns the last line of a "password hash sync stopped" statement made resolved so (the
/// alert's resolution, which ends the same alert raised earlier in the paste).
fn resolved_alert(facts: &mut [Fact<'_>]) -> Option<usize> {
    let mut stopped = None;
    if facts.iter().any(|f| f.kind == FactKind::AlertStateResolved) {
        for f in
            facts.iter_mut().filter(|f| matches!(f.kind, FactKind::PhsStoppedSaid | FactKind::HeartbeatMissing | FactKind::NoRecentSync))
        {
            if f.kind == FactKind::PhsStoppedSaid {
                stopped = stopped.max(Some(f.said.last));
            }
            f.kind = FactKind::AlertStateResolved;
        }
    }
    stopped
}

/// A DRS exception without a number says less than a decoded error of the same message.
fn drop_generic_drs(facts: &mut Vec<Fact<'_>>) {
    // (A refused account is a cause too: `DrsCommunicationException … The user name or
    // password is incorrect`.)
    let cause = |f: &Fact<'_>| {
        f.error.is_some() || matches!(f.kind, FactKind::UnknownDrsCode | FactKind::AdCredentialsRejected | FactKind::CredentialsRejected)
    };
    if facts.iter().any(cause) {
        facts.retain(|f| f.kind != FactKind::DrsException);
    }
    // `Unable to open connection to domain … The user name or password is incorrect`: the
    // domain answered and refused the account, so no "can't be reached" beside it.
    // `Unable to open connection to domain … RPC Error 8453 : Replication access was denied`:
    // the decoded error names the cause; the wrapper's words are no second one.
    let named_cause = |f: &Fact<'_>| f.error.is_some_and(|e| e.finding != F::DomainUnreachable);
    if facts.iter().any(|f| matches!(f.kind, FactKind::AdCredentialsRejected | FactKind::CredentialsRejected) || named_cause(f)) {
        facts.retain(|f| f.kind != FactKind::DomainUnreachableSaid);
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::analysis::fact::FACTS;

    #[test]
    fn every_fact_is_in_its_place_and_judged() {
        for (i, info) in FACTS.iter().enumerate() {
            assert_eq!(info.kind as usize, i, "{}", info.kind.as_str());
        }
        let f = Fact::new(FactKind::CredentialsRejected, 1, 1);
        assert_eq!(finding_of(&f, None), Some(F::CloudCredentials));
        assert_eq!(finding_of(&f, Some(611)), Some(F::AdCredentials));
        assert_eq!(finding_of(&f, Some(652)), Some(F::CloudCredentials));
        let mut s = Fact::new(FactKind::LogStatus, 1, 1);
        assert_eq!(finding_of(&s, None), None, "a status fact without its value");
        s.status = Some("TargetNotExportedToDirectory");
        assert_eq!(finding_of(&s, None), Some(F::ObjectNotExported));
        assert_eq!(finding_of(&Fact::new(FactKind::FullSyncCompletedLater, 1, 1), None), None);
        assert_eq!(finding_for(FactKind::ReportCut), F::ReportTruncated);
    }

    /// A retraction withdraws its finding wherever it is stated: alone, in a run of lines, in
    /// an event.
    #[test]
    fn a_retraction_withdraws_its_finding_anywhere() {
        let physical = ["x"; 3];
        let retract = || Fact::new(FactKind::FullSyncCompletedLater, 0, 0);
        let judged = |state: &dyn Fn(&mut Judge<'_>)| {
            let mut j = Judge::new(&physical);
            j.collector.add(Signal::new(F::FullSyncFailed, 1, 1));
            state(&mut j);
            j.finish(&[], Vec::new(), &Timeline::default()).iter().map(|f| f.id).collect::<Vec<_>>()
        };
        assert_eq!(judged(&|_| {}), [F::FullSyncFailed]);
        assert!(judged(&|j| j.fact(retract())).is_empty());
        assert!(judged(&|j| j.bare(vec![retract()], &Hints::default())).is_empty());
        let hints = Hints::default();
        let event = |j: &mut Judge<'_>| {
            j.event(EventFacts {
                id: None,
                phs: true,
                feature: None,
                time: None,
                facts: vec![retract()],
                hints: &hints,
                first: 2,
                last: 2,
                id_line: 2,
            })
        };
        assert!(judged(&event).is_empty());
    }

    #[test]
    fn a_list_of_statuses_is_not_a_log() {
        let names = ["FilteredByTarget", "NoTargetConnection", "SourceConnectorNotPresent", "TargetNotExportedToDirectory"];
        let ids = |text: &str| crate::analysis::analyze(text).findings.iter().map(|f| f.id).collect::<Vec<_>>();
        let list: String = names.iter().map(|n| format!("{n} | what it means\n")).collect();
        assert_eq!(ids(&list), [F::StatusList]);
        // Three are an object's results, not a list.
        let three: String = names[..3].iter().map(|n| format!("{n} | what it means\n")).collect();
        assert!(!ids(&three).contains(&F::StatusList));
        // An object's log: each row has a time.
        let log: String = names.iter().enumerate().map(|(i, n)| format!("3/2/2017 4:3{i}:09 AM   {n}\n")).collect();
        let got = ids(&log);
        assert!(!got.contains(&F::StatusList) && got.contains(&F::ObjectNotExported), "{got:?}");
        // A list beside another finding keeps that finding.
        let got = ids(&format!("{list}\nRPC Error 8453 : Replication access was denied.\n"));
        assert_eq!(got, [F::AdPermissions, F::StatusList]);
    }
}
