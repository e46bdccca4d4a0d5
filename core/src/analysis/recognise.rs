//! The driver: walks the logical lines once, keeps track of where it is (an event being
//! assembled, a CSV row, a table, the status script's connector block, the troubleshooter's
//! connector and domain), builds records and states facts for the judge. It names no
//! finding: what a fact means is the judge's (`judge.rs`).

use crate::knowledge::Param as P;
use std::borrow::Cow;

use super::fact::{Fact, FactKind as Fk, HeartbeatAlert, Hints, Timed};
use super::judge::{EventFacts, Judge};
use super::lines::{self, Logical, Shape, Src};
use super::model::{Record, RecordKind, MAX_RECORDS};
use super::parse::event::{self, EventB, Format};
use super::parse::event_csv::{self, CsvColumns};
use super::parse::line;
use super::parse::text::{self, has_word, Ctx};
use super::parse::{adjacent, adsyncconfig, health, pipe_table, prop_table, run_history, service, token, trace, troubleshooter};
use super::parse::{event_details, event_list, event_table, event_xml};
use super::phrases::{Hits, Ph};
use super::scan::{find, has_ci, starts_ci};
use super::time::Timestamp;

pub(crate) struct Output<'a> {
    pub records: Vec<Record<'a>>,
    /// Records recognised after the first [`MAX_RECORDS`], counted.
    pub records_omitted: usize,
    pub unparsed: Vec<usize>,
    pub timed: super::timeline::Acc<'a>,
    /// Active Connect Health heartbeat alerts, judged against the heartbeats (`conflict.rs`).
    pub heartbeat_alerts: Vec<HeartbeatAlert>,
    /// Export error types, judged by whether the paste says the object isn't exported.
    pub export_errors: Vec<Fact<'a>>,
}

/// A run of lines outside any event, whose facts wait for the block to end so that a
/// trailing `<forest-info>` or the event wording can apply to them.
struct Bare<'a> {
    first: usize,
    last: usize,
    facts: Vec<Fact<'a>>,
    hints: Hints<'a>,
    guess: Option<u32>,
    guess_line: usize,
}

enum Table {
    EventLog,
    WinEvent,
    /// `Get-ADSyncAADPasswordSyncConfiguration` as a table: where the target column starts.
    Config {
        target: usize,
    },
}

struct Csv<'a> {
    cols: CsvColumns,
    row: String,
    ev: Option<EventB<'a>>,
}

#[derive(Default)]
struct Config<'a> {
    first: usize,
    last: usize,
    source: Option<Cow<'a, str>>,
    target: Option<Cow<'a, str>>,
    enabled: Option<Cow<'a, str>>,
}

struct Driver<'a, 'c, 'p> {
    src: Src<'a>,
    records: Vec<Record<'a>>,
    records_omitted: usize,
    /// Facts go straight to the judge, in order.
    judge: &'c mut Judge<'p>,
    /// An empty vector with room, lent to each line's content.
    spare: Vec<Fact<'a>>,
    timed: super::timeline::Acc<'a>,
    covered: Vec<bool>,
    hits: Hits,
    ev: Option<EventB<'a>>,
    csv: Option<Csv<'a>>,
    table: Option<Table>,
    provider: Option<Cow<'a, str>>,
    diag: bool,
    diag_connector: Option<Cow<'a, str>>,
    diag_domain: Option<Cow<'a, str>>,
    /// Inside `Password sync channel status BEGIN … END`: the block's connector.
    status: Option<Option<Cow<'a, str>>>,
    config: Option<Config<'a>>,
    bare: Option<Bare<'a>>,
    blank_run: usize,
    /// Scratch for lower-cased lines.
    lower: String,
    /// `hits` are the current line's.
    hits_fresh: bool,
    /// The classes with their own parsers (see `class_line`).
    json: Option<health::Json<'a>>,
    text_alert: Option<health::Alert<'a>>,
    /// The last line that said an alert is resolved.
    resolved_line: Option<usize>,
    /// A connector space object's Lineage table being read (its header has `PasswordSync`).
    lineage: Option<Lineage>,
    /// When the heartbeat alerts read as resolved were resolved (or last seen).
    resolved_beats: Vec<Option<Timestamp>>,
    /// The single-object run's `DateTime : <time>` and its line: the time of the `Status :`
    /// right under it (its last attempt).
    attempt_time: Option<(Timestamp, usize)>,
    /// Format-List's `DistinguishedName : CN=…` (`Get-ADUser`) and its line: the object of the
    /// `PasswordLastSet` listed with it.
    listed_dn: Option<(Cow<'a, str>, usize)>,
    ps_error: Option<adsyncconfig::Block<'a>>,
    /// The whole paste is a few words on their own lines (bare numbers are read).
    tokens: bool,
    heartbeat_alerts: Vec<HeartbeatAlert>,
    export_errors: Vec<Fact<'a>>,
    /// The AdSyncConfig cmdlet of the last command typed (whose grant its helpers' errors are).
    adsync_command: Option<&'static str>,
    /// The last command asked the event log for heartbeats (event 654) over at least an hour
    /// (or the whole log): an answer that none matched is no heartbeat (`text::heartbeat_query`).
    heartbeat_query: Option<Cow<'a, str>>,
    /// The last command asked for a file or registry key of Connect's own
    /// (`(Get-Item …\\miiserver.exe).VersionInfo`): its `FileVersion : 2.5.190.0` is the build.
    connect_file: bool,
    /// The languages of the level names of the `Get-WinEvent` table rows so far (intersected,
    /// bits by index in `labels::LANGS`): which way round their dates are written.
    /// A `Get-ADSyncRunProfileResult` record being read (`run_history::Record`).
    run_record: Option<run_history::Record>,
    /// Inside a block about the sync service (`SERVICE_NAME: ADSync`, `Name : ADSync`).
    svc_block: bool,
    /// The feature of the last command typed at a prompt, when it is another feature's tool
    /// (`repadmin`, `dcdiag`): its output is that feature's (`adjacent::command_feature`).
    cmd_feature: Option<&'static str>,
    /// The records of the cmdlet's output name their server (`PSComputerName`).
    ps_computer: bool,
    /// Under the Connect Health portal's `Resolved alerts` (`Some(true)`) or `Active alerts`.
    alert_section: Option<bool>,
    row_langs: u32,
}

/// `split`: the index of the first line of the end of a cut input, where everything being
/// assembled is finished as at the end of a paste.
pub(crate) fn run<'a>(
    src: Src<'a>,
    physical: &[&'a str],
    logical: impl Iterator<Item = Logical<'a>>,
    split: usize,
    judge: &mut Judge<'_>,
) -> Output<'a> {
    let mut d = Driver {
        src,
        records: Vec::with_capacity((physical.len() / 2).min(MAX_RECORDS)),
        records_omitted: 0,
        judge,
        spare: Vec::new(),
        timed: Default::default(),
        covered: vec![false; physical.len()],
        hits: Hits::default(),
        ev: None,
        csv: None,
        table: None,
        provider: None,
        diag: false,
        diag_connector: None,
        diag_domain: None,
        status: None,
        config: None,
        bare: None,
        blank_run: 0,
        lower: String::new(),
        hits_fresh: false,
        json: None,
        text_alert: None,
        resolved_line: None,
        lineage: None,
        resolved_beats: Vec::new(),
        attempt_time: None,
        listed_dn: None,
        ps_error: None,
        tokens: token::paste_is_tokens(physical),
        heartbeat_alerts: Vec::new(),
        export_errors: Vec::new(),
        adsync_command: None,
        heartbeat_query: None,
        connect_file: false,
        row_langs: u32::MAX,
        run_record: None,
        svc_block: false,
        cmd_feature: None,
        ps_computer: false,
        alert_section: None,
    };
    let mut text_lines = vec![false; physical.len()];
    // A cmdlet's settings as a table: its header's property names (`prop_table.rs`).
    let mut props: Option<Vec<String>> = None;
    for l in logical {
        if l.first.wrapping_sub(1) == split {
            d.flush_all();
            d.diag = false;
            d.diag_connector = None;
            d.diag_domain = None;
            d.status = None;
            d.provider = None;
            d.blank_run = 0;
        }
        if l.shape == Shape::Text {
            text_lines[l.first - 1..l.last].fill(true);
        }
        // A Markdown table row: its cells are lines of their own (the row's line numbers). The
        // logical line is trimmed, so only a line that starts with `|` can be one.
        let row = l.shape == Shape::Text && l.text.as_bytes().first() == Some(&b'|');
        // Several events on one line (`wevtutil qe /f:xml`): each is read as a line of its own.
        let events = if row { None } else { event_xml::split_events(&l.text) };
        if let Some(ranges) = events {
            for r in ranges {
                let text: Cow<'a, str> = match &l.text {
                    Cow::Borrowed(t) => Cow::Borrowed(&t[r]),
                    Cow::Owned(t) => Cow::Owned(t[r].to_string()),
                };
                let (shape, colon) = lines::shape_colon(&text);
                d.line(&Logical { first: l.first, last: l.last, text, indented: false, shape, colon });
            }
            continue;
        }
        // A settings table: its header and dashes are read, each row's value as its own line.
        if l.shape == Shape::Text {
            if let Some(names) = &props {
                if prop_table::dashes(&l.text) {
                    d.cover(l.first, l.last);
                    continue;
                }
                match prop_table::row(names, &l.text) {
                    Some(lines) => {
                        // One server's row of a table of several (`Invoke-Command -ComputerName
                        // AADC01,AADC02 { Get-ADSyncScheduler }`, its PSComputerName column): its
                        // staging mode is judged with the other rows' (`Judge::server_row_staging`).
                        let per_server = names.iter().any(|n| n.eq_ignore_ascii_case("PSComputerName"));
                        for text in lines {
                            if per_server {
                                if let Some(v) = text::key_value(&text, "StagingModeEnabled") {
                                    d.judge.server_row_staging(v.eq_ignore_ascii_case("True"), l.first);
                                    d.cover(l.first, l.last);
                                    continue;
                                }
                            }
                            let text: Cow<'a, str> = Cow::Owned(text);
                            let (shape, colon) = lines::shape_colon(&text);
                            d.line(&Logical { first: l.first, last: l.last, text, indented: false, shape, colon });
                        }
                        continue;
                    }
                    None => props = None,
                }
            }
            if let Some(names) = prop_table::header(&l.text) {
                props = Some(names);
                d.cover(l.first, l.last);
                continue;
            }
        } else if l.shape != Shape::Decoration {
            // (The dashes under the header are a decoration: the table goes on after them.)
            props = None;
        }
        let cells = if row { pipe_table::cells(&l.text) } else { None };
        // A documentation table of events (`| Event ID | Description | Cause |`): its rows are
        // what can happen, not this server's events (`pipe_table::reference_header`).
        match &cells {
            Some(c) if pipe_table::reference_header(c) => {
                d.flush_all();
                d.judge.reference_table(Some(l.first));
            }
            None if l.shape == Shape::Text && d.judge.in_reference_table() => {
                // (Its rows' lines are judged while it is still one.)
                d.flush_all();
                d.judge.reference_table(None);
            }
            _ => {}
        }
        match cells {
            Some(cells) if cells.is_empty() => d.cover(l.first, l.last),
            Some(cells) => {
                for text in cells {
                    let (shape, colon) = lines::shape_colon(&text);
                    d.line(&Logical { first: l.first, last: l.last, text, indented: false, shape, colon });
                }
            }
            None => d.line(&l),
        }
    }
    d.flush_all();
    // An active heartbeat alert that a resolved one of the same alert ended later (two mails:
    // raised, then resolved) is resolved: its later resolution, or the resolved one's time.
    let resolved = std::mem::take(&mut d.resolved_beats);
    let (ended, active): (Vec<HeartbeatAlert>, Vec<HeartbeatAlert>) = std::mem::take(&mut d.heartbeat_alerts).into_iter().partition(|h| {
        resolved.iter().any(|r| match (h.seen, r) {
            (Some(seen), Some(r)) => r.seconds() >= seen.seconds(),
            _ => false,
        })
    });
    d.heartbeat_alerts = active;
    for h in ended {
        d.judge.fact(Fact::new(Fk::AlertResolved, h.line, h.line));
    }
    let unparsed = (1..=physical.len()).filter(|&n| text_lines[n - 1] && !d.covered[n - 1]).collect();
    Output {
        records: d.records,
        records_omitted: d.records_omitted,
        unparsed,
        timed: d.timed,
        heartbeat_alerts: d.heartbeat_alerts,
        export_errors: d.export_errors,
    }
}

impl<'a> Driver<'a, '_, '_> {
    fn cover(&mut self, first: usize, last: usize) {
        for n in first..=last {
            if let Some(c) = self.covered.get_mut(n.wrapping_sub(1)) {
                *c = true;
            }
        }
    }

    fn record(&mut self, kind: RecordKind, first: usize, last: usize, fields: Vec<(&'static str, Cow<'a, str>)>) {
        self.cover(first, last);
        if self.records.len() < MAX_RECORDS {
            self.records.push(Record { kind, start_line: first, end_line: last, fields });
        } else {
            self.records_omitted += 1;
        }
    }

    /// Scans the current line for phrases, once.
    fn line_hits(&mut self, text: &str) {
        if !self.hits_fresh {
            self.hits.scan(text);
            self.hits_fresh = true;
        }
    }

    /// A `Get-ADSyncRunProfileResult` record read: its run as the Operations tab's would be.
    fn flush_run_record(&mut self) {
        if let Some(f) = self.run_record.take().and_then(|r| r.fact()) {
            self.judge.fact(f);
        }
    }

    fn flush_all(&mut self) {
        self.flush_run_record();
        self.flush_classes();
        self.flush_csv();
        self.flush_event();
        self.flush_config();
        self.flush_bare();
        self.table = None;
    }

    fn line(&mut self, l: &Logical<'_>) {
        match l.shape {
            Shape::Blank => return self.blank(l),
            Shape::Junk | Shape::Decoration => {
                // A rule under a table header, a frame around a title, or binary junk:
                // nothing to understand, nothing to report. In alert JSON, its brackets.
                if let Some(j) = self.json.as_mut() {
                    let mut done = Vec::new();
                    j.line(self.src, &l.text, l.first, &mut done);
                    done.into_iter().for_each(|a| self.alert(a));
                }
                return;
            }
            Shape::Text => {}
        }
        // A section's label that names a standby (`===== AADC02 (STAGING / standby) =====`,
        // `Staging server:`): what follows until the next label is that server's, whose staging
        // mode is its purpose, not a fault of the server in trouble.
        if let Some(standby) = section_label(&l.text) {
            self.flush_all();
            self.judge.standby_section(standby);
        }
        // After a blank line, a mail's header, its quoted original (`-----Original Message-----`,
        // `From:`, `Subject:`) or a table's header ends an event's message: what is pasted under
        // the event is no part of it.
        if self.ev.as_ref().is_some_and(|ev| ev.format == Format::Details && ev.blank_run >= 1 && !ev.in_xml) && ends_message(&l.text) {
            self.flush_event();
        }
        self.blank_run = 0;
        if let Some(ev) = self.ev.as_mut() {
            ev.blank_run = 0;
        }
        let text: &str = &l.text;
        // The line is scanned for phrases only when something needs it (not for headers).
        self.hits_fresh = false;
        // `Get-ADSyncRunProfileResult`'s records: its `Result : success` is a run's, never a
        // password's status (`run_history.rs`).
        // (Each key below is asked only of a line that starts with its first letter and has a
        // colon: every line comes here.)
        let lead = if l.colon { lines::trim(text).as_bytes().first().map(u8::to_ascii_uppercase) } else { None };
        if lead == Some(b'R') && text::key_value(text, "RunHistoryId").is_some() {
            self.flush_run_record();
            self.run_record = Some(run_history::Record::default());
        }
        if let Some(r) = self.run_record.as_mut() {
            if r.line(text, l.first) {
                self.cover(l.first, l.last);
                return;
            }
        }
        // A cmdlet run on several servers (`Invoke-Command -ComputerName …`): each record names
        // its server (`PSComputerName : AADC02`), and its staging mode is judged with the others'.
        if lead == Some(b'P') && text::key_value(text, "PSComputerName").is_some() {
            self.ps_computer = true;
        } else if self.ps_computer && lead.is_some() {
            if let Some(v) = text::key_value(text, "StagingModeEnabled") {
                self.judge.server_row_staging(v.eq_ignore_ascii_case("True"), l.first);
                self.cover(l.first, l.last);
                return;
            }
        }
        // `sc query ADSync`'s `STATE : 4 RUNNING`, `Get-Service ADSync | Format-List`'s `Status :
        // Running`: the state of the service its block names (`SERVICE_NAME: ADSync`, `Name :
        // ADSync`).
        let name = match lead {
            Some(b'S') => text::key_value(text, "SERVICE_NAME"),
            Some(b'N') => text::key_value(text, "Name"),
            _ => None,
        };
        if let Some(name) = name {
            self.svc_block = name.eq_ignore_ascii_case("ADSync");
        } else if self.svc_block && lead.is_some() {
            if let Some(v) = text::key_value(text, "STATE").or_else(|| text::key_value(text, "Status")) {
                if let Some((state, down)) = service::state_value(v) {
                    self.flush_bare();
                    let k = if down { Fk::SyncServiceDown } else { Fk::SyncServiceRunning };
                    self.judge.fact(Fact::new(k, l.first, l.last));
                    self.record(
                        RecordKind::Setting,
                        l.first,
                        l.last,
                        vec![("service", Cow::Borrowed("ADSync")), ("status", Cow::Borrowed(state))],
                    );
                    return;
                }
            }
        }

        if let Some(cmd) = lines::prompt_command(text).or_else(|| lines::cmd_prompt_command(text)) {
            self.flush_all();
            self.svc_block = false;
            self.ps_computer = false;
            self.alert_section = None;
            self.cmd_feature = adjacent::command_feature(cmd);
            // A command on the sync service (`net start ADSync`, `sc query ADSync`,
            // `Start-Service ADSync`): the paste names it, and what it printed is its.
            if service::names_service_command(cmd) {
                self.judge.fact(Fact::new(Fk::SyncServiceNamed, l.first, l.last));
            }
            if has_ci(cmd, "Invoke-ADSyncDiagnostics") {
                self.diag = true;
                self.diag_connector = None;
                self.diag_domain = None;
            }
            self.adsync_command = adsyncconfig::command(cmd);
            self.heartbeat_query = text::heartbeat_query(cmd).then(|| self.src.cow(cmd));
            self.connect_file = text::names_connect_file(cmd);
            let cmd = self.src.cow(cmd);
            self.record(RecordKind::Command, l.first, l.last, vec![("command", cmd)]);
            return;
        }
        // Format-List of an installed program or a file (`DisplayName : Microsoft Entra Connect
        // Sync`, `ProductName : Microsoft Azure AD Connect`): its version line is Connect's build.
        if text::key_value(text, "DisplayName").or_else(|| text::key_value(text, "ProductName")).is_some_and(text::names_connect) {
            self.connect_file = true;
        }
        if self.connect_file && self.ev.is_none() {
            if let Some(v) = text::file_version(text) {
                self.flush_all();
                self.record(RecordKind::DiagnosticsInfo, l.first, l.last, vec![("version", Cow::Owned(v.to_string()))]);
                return;
            }
        }
        // `NoMatchingEventsFound` (the error's id, the same in every language) after a query
        // for heartbeats: none in the window asked.
        if let Some(query) = self.heartbeat_query.clone().filter(|_| text::no_events_found(text)) {
            self.flush_all();
            self.heartbeat_query = None;
            self.cover(l.first, l.last);
            self.judge.fact(Fact::new(Fk::HeartbeatQueryEmpty, l.first, l.last).param(P::Query, query));
            return;
        }
        // A script's own `Write-Host "…"` is its author's words, not output (left not understood).
        if self.ev.is_none() && self.csv.is_none() && lines::writes_text(text) {
            return;
        }
        if self.csv_line(l) {
            return;
        }
        if self.event_line(l) {
            return;
        }
        if self.config_line(l) {
            return;
        }
        self.standalone(l);
    }

    fn blank(&mut self, _l: &Logical<'_>) {
        self.flush_run_record();
        self.svc_block = false;
        self.blank_run += 1;
        self.classes_blank();
        if let Some(ev) = self.ev.as_mut() {
            ev.blank_run += 1;
            // Two blank lines end a Details message; a table or a list ends at one.
            let end = match ev.format {
                Format::Details => ev.blank_run >= 2 && !ev.in_xml,
                Format::List => ev.blank_run >= 2,
                _ => false,
            };
            if end {
                self.flush_event();
            }
        }
        if matches!(self.table, Some(Table::Config { .. })) || self.blank_run >= 2 {
            self.table = None;
        }
        self.flush_config();
        if self.blank_run >= 2 {
            self.flush_bare();
        }
        if self.csv.as_ref().is_some_and(|c| !c.row.is_empty() && !event_csv::csv_open(&c.row)) {
            self.flush_csv();
        }
    }

    // ---- events ------------------------------------------------------------------------------

    fn start_event(&mut self, ev: EventB<'a>) {
        self.flush_csv();
        self.flush_event();
        self.flush_config();
        // A bare message just before an Event Viewer header is its General tab text: keep it
        // for the event (see flush_event).
        if !matches!(ev.format, Format::Details) {
            self.flush_bare();
        }
        self.ev = Some(ev);
    }

    /// Message text of the current event: scanned for content, its facts kept with the event.
    fn event_content(&mut self, first: usize, last: usize, text: &str, rescan: bool) {
        if rescan {
            self.hits.scan(text);
            // The hits are now another text's (a value or the XML data), not the line's.
            self.hits_fresh = false;
        } else {
            self.line_hits(text);
        }
        let ctx = Ctx { connector: None, domain: None, in_diag: false, in_event: true };
        let mut c = line::recognise(self.src, first, last, text, &self.hits, ctx, &mut self.lower, std::mem::take(&mut self.spare));
        if let Some(ev) = self.ev.as_mut() {
            ev.last = ev.last.max(last);
            ev.note_message(self.src, text);
            ev.hints.merge(&c.hints);
            ev.facts.append(&mut c.facts);
            if ev.id.is_none() {
                if let Some(g) = c.event_guess {
                    ev.id = Some(g);
                    ev.id_line = Some(first);
                }
            }
        }
        c.facts.clear();
        self.spare = c.facts;
    }

    fn event_line(&mut self, l: &Logical<'_>) -> bool {
        let text: &str = &l.text;
        let (first, last) = (l.first, l.last);

        // Event XML, alone or after `Event Xml:`.
        if event_xml::is_xml(text) || self.ev.as_ref().is_some_and(|e| e.in_data) {
            let in_details_xml = self.ev.as_ref().is_some_and(|e| e.format == Format::Details && e.in_xml);
            if event_xml::xml_starts_event(text) && !in_details_xml {
                self.start_event(EventB::new(Format::Xml, first));
            }
            if self.ev.is_none() {
                self.start_event(EventB::new(Format::Xml, first));
            }
            let tags = event_xml::xml_tags(text);
            let msg = {
                let ev = self.ev.as_mut().expect("set above");
                ev.last = last;
                event_xml::xml_fields(self.src, text, &tags, ev, first)
            };
            if let Some(m) = msg {
                self.event_content(first, last, m, true);
            }
            if tags.end_event.is_some() {
                self.flush_event();
            }
            return true;
        }

        // Event Viewer details (a label and its colon).
        let pairs = if l.colon { event_details::details_pairs(text) } else { Vec::new() };
        if !pairs.is_empty() {
            // (Before Windows Vista a copy starts `Event Type:`, then `Event Source:`.)
            let starter = matches!(pairs[0].0, "log name" | "event id")
                || (pairs.len() > 1 && pairs[0].0 == "source")
                || (pairs[0].0 == "level" && starts_ci(text, "event type"));
            let cur = self.ev.as_ref().map(|e| (e.format, e.in_message, e.id.is_some()));
            let new = match cur {
                None => starter,
                Some((Format::Details, _, has_id)) => pairs[0].0 == "log name" || (pairs[0].0 == "event id" && has_id),
                Some(_) => starter,
            };
            let continues = matches!(cur, Some((Format::Details, false, _)))
                || (matches!(cur, Some((Format::Details, true, _))) && pairs[0].0 == "event xml");
            if new || continues {
                if new {
                    self.start_event(EventB::new(Format::Details, first));
                }
                for (k, v, langs) in &pairs {
                    let ev = self.ev.as_mut().expect("set above");
                    ev.last = last;
                    ev.langs &= langs;
                    match *k {
                        "description" => {
                            ev.in_message = true;
                            if !v.is_empty() {
                                self.event_content(first, last, v, true);
                            }
                        }
                        "event xml" => ev.in_xml = true,
                        _ => ev.set(self.src, k, v, first),
                    }
                }
                return true;
            }
        }

        // Format-List (`Key : value`).
        if let Some((key, value)) = if l.colon { event_list::list_pair(text) } else { None } {
            let in_list = self.ev.as_ref().is_some_and(|e| e.format == Format::List);
            let bit = event_list::list_key_bit(key);
            let dup = self.ev.as_ref().is_some_and(|e| e.format == Format::List && e.keys & bit != 0);
            if (!in_list || dup) && event_list::LIST_STARTS.contains(&key) {
                self.start_event(EventB::new(Format::List, first));
            }
            if self.ev.as_ref().is_some_and(|e| e.format == Format::List) {
                let ev = self.ev.as_mut().expect("checked");
                ev.keys |= bit;
                ev.last = last;
                ev.in_message = key == "message";
                if ev.source.is_none() && key == "id" && self.provider.is_some() {
                    ev.source.clone_from(&self.provider);
                }
                ev.set(self.src, key, value, first);
                if key == "message" {
                    self.event_content(first, last, value, true);
                }
                return true;
            }
        }

        // Continuation of the current event's message.
        if let Some(ev) = self.ev.as_ref() {
            let cont = match ev.format {
                Format::Details => ev.in_message && !ev.in_xml && !health::starts_json(text),
                Format::List => l.indented,
                // A table's message wrapped under its column (`Format-Table -Wrap`): indented,
                // and no row of its own (`Get-EventLog`'s rows are indented by their index).
                Format::WinEventTable | Format::EventLogTable => {
                    l.indented && !text.as_bytes().first().is_some_and(u8::is_ascii_digit) && ev.id.is_some()
                }
                _ => false,
            };
            if cont {
                if ev.format == Format::List && !ev.in_message {
                    let ev = self.ev.as_mut().expect("checked");
                    ev.last = last;
                    return true;
                }
                self.event_content(first, last, text, false);
                return true;
            }
            // Anything else ends the event.
            self.flush_event();
        }

        // Table headers and rows.
        let lower_start = text.len() < 300;
        if lower_start && starts_ci(text, "ProviderName:") {
            self.flush_all();
            self.provider = Some(self.src.cow(text["ProviderName:".len()..].trim()));
            self.cover(first, last);
            return true;
        }
        if lower_start
            && (starts_ci(text, "Index") || starts_ci(text, "TimeGenerated"))
            && has_ci(text, "EntryType")
            && has_ci(text, "InstanceID")
        {
            self.flush_all();
            self.table = Some(Table::EventLog);
            self.cover(first, last);
            return true;
        }
        if lower_start
            && starts_ci(text, "TimeCreated")
            && (has_ci(text, "LevelDisplayName") || has_ci(text, " Id "))
            && has_ci(text, "Message")
        {
            self.flush_all();
            self.table = Some(Table::WinEvent);
            self.row_langs = u32::MAX;
            self.cover(first, last);
            return true;
        }
        // (`Export-Csv` of `Get-WinEvent` writes all 27 of its properties' names, quoted: over
        // 300 bytes.)
        if lower_start || (text.len() < 1000 && text.starts_with('"')) {
            if let Some(cols) = event_csv::csv_header(text) {
                self.flush_all();
                self.csv = Some(Csv { cols, row: String::new(), ev: None });
                self.cover(first, last);
                return true;
            }
        }
        if text.as_bytes().first().is_some_and(u8::is_ascii_digit) {
            let row = event_table::event_log_row(self.src, text)
                .or_else(|| event_table::win_event_row(self.src, text, &mut self.row_langs))
                .or_else(|| event_table::doc_row(self.src, text));
            if let Some((mut ev, msg_at)) = row {
                self.flush_bare();
                self.flush_config();
                ev.first = first;
                ev.last = last;
                ev.id_line = Some(first);
                if ev.source.as_deref().is_none_or(str::is_empty) {
                    ev.source.clone_from(&self.provider);
                }
                let msg = text[msg_at..].trim();
                self.flush_event();
                self.ev = Some(ev);
                if !msg.is_empty() {
                    self.event_content(first, last, msg, true);
                }
                // (Open for the message's wrapped lines: the next line that isn't one ends it.)
                return true;
            }
        }
        false
    }

    fn csv_line(&mut self, l: &Logical<'_>) -> bool {
        let Some(csv) = self.csv.as_mut() else { return false };
        let text: &str = &l.text;
        if csv.row.is_empty() {
            // A new row must look like one (or open a quoted field that goes on below: a
            // message of several lines in the first column, as `Export-Csv` writes it).
            let opens = text.starts_with('"') && event_csv::csv_open(text);
            if !opens && text.matches(',').count() + 1 < csv.cols.count.min(4) {
                self.csv = None;
                return false;
            }
            let mut ev = EventB::new(Format::Csv, l.first);
            ev.id_line = Some(l.first);
            csv.ev = Some(ev);
        } else {
            csv.row.push('\n');
        }
        csv.row.push_str(text);
        if let Some(ev) = csv.ev.as_mut() {
            ev.last = l.last;
        }
        // Scan this line's text for the message's content.
        let ev = csv.ev.take();
        let done = !event_csv::csv_open(&csv.row);
        self.ev = ev;
        // (The quote that closes the row's last field is not the message's: `Result : Success."`.)
        let content = if done { text.strip_suffix('"').unwrap_or(text) } else { text };
        self.event_content(l.first, l.last, content, false);
        let ev = self.ev.take();
        if let Some(csv) = self.csv.as_mut() {
            csv.ev = ev;
        }
        if done {
            self.flush_csv();
        }
        true
    }

    fn flush_csv(&mut self) {
        let Some(csv) = self.csv.as_mut() else { return };
        let Some(mut ev) = csv.ev.take() else { return };
        let row = std::mem::take(&mut csv.row);
        let f = event_csv::csv_fields(&row);
        let get = |i: Option<usize>| i.and_then(|i| f.get(i)).map(|s| lines::trim(s).to_string());
        let src = self.src;
        let first_line = ev.first;
        if let Some(v) = get(csv.cols.id) {
            ev.set(src, "eventid", &v, first_line);
        }
        if let Some(v) = get(csv.cols.source) {
            ev.set(src, "source", &v, first_line);
        }
        if let Some(v) = get(csv.cols.level) {
            ev.set(src, "level", &v, first_line);
        }
        if let Some(v) = get(csv.cols.time) {
            ev.set(src, "date", &v, first_line);
        }
        if let Some(v) = get(csv.cols.computer) {
            ev.set(src, "computer", &v, first_line);
        }
        ev.id_line = Some(first_line);
        self.flush_event();
        self.ev = Some(ev);
        self.flush_event();
    }

    fn flush_event(&mut self) {
        let Some(ev) = self.ev.take() else { return };
        // General tab: the message was copied above the fields.
        let mut ev = ev;
        let mut facts = std::mem::take(&mut ev.facts);
        if ev.format == Format::Details && !ev.has_message {
            if let Some(b) = self.bare.take() {
                ev.first = b.first;
                ev.hints.merge(&b.hints);
                facts.extend(b.facts);
            }
        } else {
            self.flush_bare();
        }
        let first = ev.first;
        let id_line = ev.id_line.unwrap_or(first);
        // Service Control Manager's 7036 says a service entered the running or the stopped state.
        // Windows Installer's "installed the product" (1033) or "reconfigured" (1035) of Connect's
        // own package, with its version: an upgrade at that time (judged against older errors).
        if matches!(ev.id, Some(1033 | 1035 | 11707 | 11728))
            && ev.source.as_deref().is_some_and(|s| lines::trim(s).eq_ignore_ascii_case("MsiInstaller"))
            && text::names_connect(&ev.message_start)
        {
            let mut f = Fact::new(Fk::ConnectInstalled, first, ev.last);
            if let Some(v) = text::connect_version(&ev.message_start) {
                f = f.param(P::Version, v.to_string());
            }
            f.time = ev.time;
            facts.push(f);
        }
        // In another language its state is a word PHS Doctor doesn't read: said so, not guessed.
        if ev.id == Some(7036) && ev.source.as_deref().is_some_and(service::is_scm) && facts.iter().any(|f| f.kind == Fk::SyncServiceNamed)
        {
            if has_ci(&ev.message_start, "stopped state") {
                facts.push(Fact::new(Fk::SyncServiceDown, first, ev.last));
            } else if !has_ci(&ev.message_start, "running state") {
                facts.push(Fact::new(Fk::SyncServiceStateUnread, first, ev.last));
            }
        }
        // Facts first (they read the source and hints), then the record takes the texts.
        ev.hints.server.clone_from(&ev.computer);
        self.evaluate(ev.id, ev.source.as_deref(), ev.time, facts, &ev.hints, first, ev.last, id_line);
        let fields = ev.take_fields();
        self.record(RecordKind::Event, first, ev.last, fields);
    }

    /// An event read: what its source says (password sync's, another feature's), its place in
    /// the timeline, and its facts to the judge.
    #[allow(clippy::too_many_arguments)]
    fn evaluate(
        &mut self,
        id: Option<u32>,
        source: Option<&str>,
        time: Option<Timestamp>,
        facts: Vec<Fact<'a>>,
        hints: &Hints<'a>,
        first: usize,
        last: usize,
        id_line: usize,
    ) {
        // Without a source, an ID outside password sync's (0 and the 600s) is another feature's
        // (6329 and 33002 are password writeback's); 6900 is ADSync's password change error.
        // Service Control Manager's event that the sync service stopped or couldn't start is
        // password sync's outage (it runs inside that service), whatever language says so.
        let mut facts = facts;
        // An AADSTS code inside Connect's own event (its sync engine's 6900 or 906, password
        // sync's 0/652/655) is Connect's sign-in with its Microsoft Entra connector account.
        if source.is_some_and(|s| event::is_phs_source(s) || lines::trim(s).eq_ignore_ascii_case("ADSync")) {
            for f in facts.iter_mut().filter(|f| f.kind == Fk::SignInFailed) {
                f.kind = Fk::CloudCredentialsRejected;
                f.said.params.retain(|(k, _)| *k != P::SignInCode);
            }
        }
        if source.is_some_and(service::is_scm)
            && id.is_some_and(service::down_event)
            && facts.iter().any(|f| matches!(f.kind, Fk::SyncServiceNamed | Fk::SyncServiceDown))
        {
            let logon = id == Some(7038) || facts.iter().any(|f| f.kind == Fk::ServiceLogonFailed);
            // Its evidence: the lines that name the service and say why (the ID line joins).
            let said = |k: Fk| facts.iter().filter(move |f| f.kind == k).map(|f| (f.said.first, f.said.last));
            let (a, b) = said(Fk::SyncServiceNamed)
                .chain(said(Fk::SyncServiceDown))
                .chain(said(Fk::ServiceLogonFailed))
                .fold((usize::MAX, 0), |(a, b), (f, l)| (a.min(f), b.max(l)));
            let mut down = Fact::new(Fk::SyncServiceDown, a, b);
            if id == Some(7041) {
                // (7041: the account lacks the right to log on as a service.)
                down = down.param(P::Reason, "logon-right");
            } else if logon {
                down = down.param(P::Reason, "logon-failure");
            } else if id == Some(7031) {
                // (7031: it ended unexpectedly and a recovery action followed; 7034: none did.)
                down = down.param(P::Reason, "crashed");
            }
            facts = vec![down];
        }
        // Service Control Manager's other events about the sync service (7036: it entered the
        // running state) are read and say nothing wrong; no other feature's either.
        if source.is_some_and(service::is_scm)
            && !id.is_some_and(service::down_event)
            && facts.iter().any(|f| f.kind == Fk::SyncServiceNamed)
            && !facts.iter().any(|f| matches!(f.kind, Fk::SyncServiceDown | Fk::ServiceLogonFailed | Fk::SyncServiceStateUnread))
        {
            // (Its running state after a stop ends the stop: judged by time at the end.)
            if id == Some(7036) {
                self.judge.service_running(time, id_line);
            }
            return;
        }
        let unnamed = source.is_none_or(|s| lines::trim(s).is_empty());
        let phs = (unnamed && id.is_none_or(|i| i < 1000)) || source.is_some_and(event::is_phs_source);
        let feature = adjacent::feature(source, id);
        if !phs && feature.is_none() && source.is_some_and(|s| lines::trim(s).eq_ignore_ascii_case("ADSync")) {
            self.timed.engine_event(time, id_line);
        }
        if let (true, Some(id), false) = (phs, id, self.judge.in_reference_table()) {
            self.timed.push(Timed {
                event: id,
                time,
                id_line,
                connector: hints.connector.clone(),
                scope: hints.domain.clone(),
                server: hints.server.clone(),
            });
        }
        self.judge.event(EventFacts { id, phs, feature, time, facts, hints, first, last, id_line });
    }

    // ---- status script configuration ---------------------------------------------------------

    fn config_line(&mut self, l: &Logical<'_>) -> bool {
        let text: &str = &l.text;
        self.line_hits(text);
        if !self.hits.has(Ph::ConfigKey) && self.config.is_none() && self.table.is_none() {
            return false;
        }
        // Table header.
        if self.hits.has(Ph::ConfigKey) && !text.contains(':') && has_ci(text, "SourceConnector") && has_ci(text, "TargetConnector") {
            self.flush_config();
            let lower = text.to_ascii_lowercase();
            let target = find(&lower, "targetconnector").unwrap_or(0);
            self.table = Some(Table::Config { target });
            self.cover(l.first, l.last);
            return true;
        }
        if let Some(Table::Config { target, .. }) = self.table {
            let last_tok = text.rsplit([' ', '\t']).next().unwrap_or("");
            if last_tok.eq_ignore_ascii_case("true") || last_tok.eq_ignore_ascii_case("false") {
                let body = text[..text.len() - last_tok.len()].trim_end();
                let split = target.min(body.len());
                let (src, tgt) = if body.is_char_boundary(split) { body.split_at(split) } else { (body, "") };
                let s = self.src;
                let cfg = Config {
                    first: l.first,
                    last: l.last,
                    source: Some(s.cow(lines::trim(src))),
                    target: Some(s.cow(lines::trim(tgt))),
                    enabled: Some(s.cow(last_tok)),
                };
                self.config = Some(cfg);
                self.flush_config();
                return true;
            }
            self.table = None;
        }
        // List form.
        let key_value = text.split_once(':').map(|(k, v)| (lines::trim(k).to_ascii_lowercase(), self.src.cow(lines::trim(v))));
        if let Some((k, v)) = key_value {
            if matches!(k.as_str(), "sourceconnector" | "targetconnector" | "enabled") {
                if k == "enabled" && self.config.is_none() {
                    return false;
                }
                let cfg = self.config.get_or_insert_with(|| Config { first: l.first, ..Default::default() });
                cfg.last = l.last;
                match k.as_str() {
                    "sourceconnector" => cfg.source = Some(v),
                    "targetconnector" => cfg.target = Some(v),
                    _ => cfg.enabled = Some(v),
                }
                if cfg.source.is_some() && cfg.target.is_some() && cfg.enabled.is_some() {
                    self.flush_config();
                }
                return true;
            }
        }
        false
    }

    fn flush_config(&mut self) {
        let Some(cfg) = self.config.take() else { return };
        let mut fields = Vec::new();
        for (k, v) in [("source_connector", &cfg.source), ("target_connector", &cfg.target), ("enabled", &cfg.enabled)] {
            if let Some(v) = v {
                fields.push((k, v.clone()));
            }
        }
        self.record(RecordKind::SyncConfiguration, cfg.first, cfg.last, fields);
        if let Some(src) = &cfg.source {
            if let Some(block) = self.status.as_mut() {
                *block = Some(src.clone());
            }
        }
        let connector = cfg.source.clone().unwrap_or_default();
        let kind = match cfg.enabled.as_deref().map(str::to_ascii_lowercase).as_deref() {
            Some("true") => Fk::ConnectorFeatureOn,
            Some("false") => Fk::ConnectorFeatureOff,
            _ => return,
        };
        self.judge.fact(Fact::new(kind, cfg.first, cfg.last).param(P::Connector, connector));
    }

    // ---- everything else ---------------------------------------------------------------------

    fn standalone(&mut self, l: &Logical<'_>) {
        let text: &str = &l.text;
        if !self.hits_fresh {
            self.hits.scan(text);
            self.hits_fresh = true;
        }
        if self.class_line(l) {
            return;
        }
        let status_connector = self.status.as_ref().and_then(|s| s.as_deref());
        let ctx = Ctx {
            connector: status_connector.or(self.diag_connector.as_deref()),
            domain: self.diag_domain.as_deref(),
            in_diag: self.diag,
            in_event: false,
        };
        if !self.hits_fresh {
            self.hits.scan(text);
            self.hits_fresh = true;
        }
        let mut c = line::recognise(self.src, l.first, l.last, text, &self.hits, ctx, &mut self.lower, std::mem::take(&mut self.spare));
        // `DateTime : 12/1/2026 6:12:05 AM (UTC)` then `Status : Success` (the troubleshooter's
        // last attempt for the object): the status has that time.
        if let Some((t, _)) = text::key_value(text, "DateTime").and_then(super::time::parse_prefix) {
            self.attempt_time = Some((t, l.first));
            self.cover(l.first, l.last);
        }
        if let Some(dn) = text::key_value(text, "DistinguishedName").filter(|v| starts_ci(v, "CN=")) {
            self.listed_dn = Some((self.src.cow(dn), l.first));
        }
        if let Some((dn, _)) = self.listed_dn.as_ref().filter(|(_, at)| l.first > *at && l.first <= at + 12) {
            for f in c.facts.iter_mut().filter(|f| f.kind == Fk::PasswordLastSet && !f.has_param(P::Dn)) {
                f.said.add_param(P::Dn, dn.clone());
            }
        }
        if let Some((t, _)) = self.attempt_time.filter(|(_, at)| l.first > *at && l.first <= at + 2) {
            if let Some(f) = c.facts.iter_mut().find(|f| f.kind == Fk::LogStatus && f.time.is_none()) {
                f.time = Some(t);
                self.attempt_time = None;
            }
        }
        if c.diag_menu {
            self.diag = true;
            self.flush_bare();
        }
        if c.status_begin {
            self.flush_bare();
            self.status = Some(None);
        }
        if let Some(name) = &c.diag_connector {
            self.flush_bare();
            self.diag_connector = Some(name.clone());
            self.diag_domain = None;
        }
        if let Some(name) = &c.diag_domain {
            self.diag_domain = Some(name.clone());
        }
        let nothing_read = c.kind.is_none()
            && c.facts.is_empty()
            && c.event_guess.is_none()
            && c.hints.connector.is_none()
            && c.hints.domain.is_none()
            && c.hints.dn.is_none();
        if nothing_read {
            // Last: a password sync event named in a sentence (`we keep getting 611 errors`).
            if let Some(id) = token::mentioned(text) {
                self.record(RecordKind::Message, l.first, l.last, vec![("event", Cow::Owned(id.to_string()))]);
                let mut s = Fact::new(Fk::EventNamed, l.first, l.last);
                s.event = Some(id);
                self.judge.fact(s);
            }
        }
        if let Some(kind) = c.kind {
            let mut fields = c.fields;
            if let Some(g) = c.event_guess {
                fields.insert(0, ("event", Cow::Owned(g.to_string())));
            }
            self.record(kind, l.first, l.last, fields);
        }
        if c.event_guess.is_some() && self.bare.as_ref().is_some_and(|b| b.guess.is_some()) {
            self.flush_bare();
        }
        if !c.facts.is_empty() || c.event_guess.is_some() || c.hints.connector.is_some() || c.hints.domain.is_some() || c.hints.dn.is_some()
        {
            let b = self.bare.get_or_insert_with(|| Bare {
                first: l.first,
                last: l.last,
                facts: Vec::new(),
                hints: Hints::default(),
                guess: None,
                guess_line: l.first,
            });
            b.last = l.last;
            b.facts.append(&mut c.facts);
            b.hints.merge(&c.hints);
            if b.guess.is_none() {
                if let Some(g) = c.event_guess {
                    b.guess = Some(g);
                    b.guess_line = l.first;
                }
            }
        }
        if c.status_end {
            self.flush_bare();
            self.status = None;
        }
        c.facts.clear();
        self.spare = c.facts;
    }

    fn flush_bare(&mut self) {
        let Some(mut b) = self.bare.take() else { return };
        // The output of a command of another feature (`repadmin /syncall`, `dcdiag`): its
        // errors are that feature's.
        if let (Some(feature), Some(first)) = (self.cmd_feature, b.facts.first().map(|f| f.said.first)) {
            b.facts.push(Fact::new(Fk::OtherFeatureToken, first, first).param(P::Feature, feature));
        }
        match b.guess {
            Some(id) => {
                let first = b.guess_line;
                self.evaluate(Some(id), None, b.hints.time, b.facts, &b.hints, first, first, first);
            }
            None => self.judge.bare(b.facts, &b.hints),
        }
    }
}

// ---- classes with their own parsers --------------------------------------------------------

/// A Lineage table: its lines, its rows and whether one has `PasswordSync` True.
struct Lineage {
    first: usize,
    last: usize,
    rows: usize,
    any_true: bool,
}

/// How far above an alert's title a mail's resolved subject or status may be (a notification's
/// header: sender, subject, tenant, server).
const MAIL_LINES: usize = 12;

impl<'a> Driver<'a, '_, '_> {
    /// Lines of the classes that have their own parser: Connect Health alerts (JSON and text,
    /// `health.rs`), AdSyncConfig error records (`adsyncconfig.rs`), the wizard's trace
    /// (`trace.rs`), export error types (`adjacent.rs`) and a code or name on its own
    /// (`token.rs`). Whether the line was theirs. Runs on lines outside events, hits fresh.
    fn class_line(&mut self, l: &Logical<'_>) -> bool {
        let text: &str = &l.text;
        let (first, last) = (l.first, l.last);
        let src = self.src;
        // The portal's sections (`Active alerts (1)`, `Resolved alerts (2)`): the alerts listed
        // under each are in its state, whatever a column's name says (`Resolved on`).
        let lower_t = lines::trim(text);
        if lower_t.len() < 40 && (starts_ci(lower_t, "active alerts") || starts_ci(lower_t, "resolved alerts")) {
            self.finish_text_alert();
            self.alert_section = Some(starts_ci(lower_t, "resolved"));
            self.cover(first, last);
            return true;
        }
        // A line that says an alert is resolved (`Status: Resolved`, a `[Resolved]` subject):
        // the text alert being read, or the next one within a mail's length, is resolved.
        let localised = l.colon && !self.hits.has(Ph::Resolved) && health::says_resolved_localised(text);
        let says = || localised || (self.hits.has(Ph::Resolved) && troubleshooter::says_resolved(&text.to_ascii_lowercase()));
        if self.alert_section.is_none() && says() {
            if localised {
                // (English's is the line parsers' `alert-state-resolved`.)
                self.cover(first, last);
            }
            self.resolved_line = Some(last);
            if let Some(a) = self.text_alert.as_mut() {
                a.state = Some((Cow::Borrowed("Resolved"), first));
                if a.resolved.is_none() && first > a.first {
                    // `Resolved: 3/14/2025 8:35 AM (UTC)`, `Aufgelöst am: …`.
                    a.resolved = super::time::find(text).map(|(t, _, _)| t);
                }
            }
        }
        // The first time on a line after a text alert's title is when it was raised (a mail's
        // `Raised:` in any language, a portal's column).
        if let Some(a) = self.text_alert.as_mut().filter(|a| a.created.is_none() && a.resolved.is_none() && first > a.first) {
            a.created = super::time::find(text).map(|(t, _, _)| t);
        }
        if (self.lineage.is_some() || self.hits.has(Ph::PasswordSyncColumn)) && self.lineage_line(text, first, last) {
            return true;
        }
        if let Some(j) = self.json.as_mut() {
            if health::continues_json(j, text) {
                let mut done = Vec::new();
                j.line(src, text, first, &mut done);
                self.cover(first, last);
                done.into_iter().for_each(|a| self.alert(a));
                return true;
            }
            self.finish_json();
        }
        if health::starts_json(text) {
            self.flush_bare();
            self.finish_text_alert();
            let mut j = health::Json::default();
            let mut done = Vec::new();
            j.line(src, text, first, &mut done);
            self.cover(first, last);
            self.json = Some(j);
            done.into_iter().for_each(|a| self.alert(a));
            return true;
        }
        if let Some(b) = self.ps_error.as_mut() {
            if b.accepts(text) {
                b.line(src, text, first);
                if b.done {
                    self.finish_ps_error();
                }
                return true;
            }
            // Not the record's: it ended; the line is read as any other.
            self.finish_ps_error();
        }
        if self.hits.has(Ph::AdSyncConfig) {
            if let Some(b) = adsyncconfig::Block::start(src, text, first) {
                self.flush_bare();
                let done = b.done;
                self.ps_error = Some(b);
                if done {
                    self.finish_ps_error();
                }
                return true;
            }
        }
        if self.hits.has(Ph::NoStart) {
            let waiting = self.text_alert.as_ref().and_then(health::Alert::kind);
            if matches!(
                waiting,
                Some(health::Kind::ImportAd | health::Kind::ExportAd | health::Kind::ImportEntra | health::Kind::ExportEntra)
            ) {
                if let Some(a) = self.text_alert.as_mut() {
                    a.note_run_step(src, "no-start-connection", first);
                }
                self.cover(first, last);
                self.finish_text_alert();
                return true;
            }
        }
        // (A run of the Operations tab names its status value, not an alert: `run_history.rs`.)
        if (self.hits.has(Ph::AlertTitle) || self.hits.has(Ph::Heartbeat)) && text.len() <= 300 {
            if let Some(kind) = health::kind_of(text).filter(|_| !run_history::is_row(text)) {
                if self.text_alert.as_ref().and_then(health::Alert::kind) == Some(kind) {
                    // The alert's description repeats its title's words.
                    if let Some(a) = self.text_alert.as_mut() {
                        a.last = last;
                        a.more = a.more.or(Some(first));
                    }
                    self.cover(first, last);
                    return true;
                }
                let time = super::time::find(text).map(|(t, _, _)| t);
                // The heartbeat and stopped alerts' plain titles stay the line parsers' (`parse/troubleshooter.rs`); with a time
                // beside it (a portal list), the heartbeat alert is judged against the heartbeats.
                // (A title in another script is never theirs: they read English words.)
                // (A notification's `Subject: … alert raised: <title>` or `Alert: <title>` is the
                // alert's own: read on for its state and times.)
                let mail = starts_ci(text.trim_start(), "alert:") || starts_ci(text.trim_start(), "subject:");
                let theirs = text.is_ascii()
                    && !mail
                    && health::localised_title(text).is_none()
                    && match kind {
                        health::Kind::PhsStopped => true,
                        health::Kind::Heartbeat => time.is_none(),
                        _ => false,
                    };
                if !theirs {
                    self.flush_bare();
                    self.finish_text_alert();
                    // The title is the first column of a list (tabs or runs of spaces apart).
                    let t = lines::trim(text);
                    let title = t.find('\t').or_else(|| t.find("  ")).map_or(t, |i| t[..i].trim_end());
                    let title = if health::kind_of(title) == Some(kind) { title } else { t };
                    // A mail's label before the title (`Alert: `, `Subject: … alert raised: `).
                    let title = if mail {
                        title.rsplit_once(": ").map(|(_, r)| r.trim()).filter(|r| health::kind_of(r) == Some(kind)).unwrap_or(title)
                    } else {
                        title
                    };
                    let mut a = health::Alert::text(src.cow(title), first);
                    a.last = last;
                    a.created = time;
                    // A portal list's status column; a mail's resolved subject or status above.
                    if has_word(&text.to_ascii_lowercase(), "resolved")
                        || self.resolved_line.is_some_and(|r| first.saturating_sub(r) <= MAIL_LINES)
                    {
                        a.state = Some((Cow::Borrowed("Resolved"), first));
                    }
                    self.cover(first, last);
                    // Read on to the alert's end (two blank lines): its run step result, its state.
                    self.text_alert = Some(a);
                    return true;
                }
            }
        }
        if self.hits.has(Ph::TraceKey) {
            if let Some(t) = trace::read(text) {
                self.flush_bare();
                let s = match t {
                    trace::Trace::PasswordSyncing(on) => {
                        let v = if on { "True" } else { "False" };
                        self.record(RecordKind::Setting, first, last, vec![("IsPasswordSyncing", Cow::Borrowed(v))]);
                        if on {
                            Fact::new(Fk::WizardSyncingOn, first, last).param(P::Scope, "tenant")
                        } else {
                            Fact::new(Fk::WizardSyncingOff, first, last)
                        }
                    }
                    trace::Trace::Unsupported { os, required } => {
                        let mut fields = Vec::new();
                        let mut s = Fact::new(Fk::UnsupportedInstall, first, last);
                        if let Some(v) = os {
                            fields.push(("os_version", src.cow(v)));
                            s = s.param(P::OsVersion, src.cow(v));
                        }
                        if let Some(v) = required {
                            fields.push(("required", src.cow(v)));
                            s = s.param(P::Required, src.cow(v));
                        }
                        self.record(RecordKind::Message, first, last, fields);
                        s
                    }
                };
                self.judge.fact(s);
                return true;
            }
        }
        if self.hits.has(Ph::ExportError) {
            if let Some(name) = adjacent::export_error(text) {
                self.flush_bare();
                self.record(RecordKind::Error, first, last, vec![("export_error", Cow::Borrowed(name))]);
                self.export_errors.push(Fact::new(Fk::ExportError, first, last).param(P::ExportError, name));
                return true;
            }
        }
        match token::alone(text, self.tokens) {
            Some(token::Token::Error(e)) => {
                let code = e.code.to_string();
                self.record(RecordKind::Error, first, last, vec![("code", Cow::Owned(code.clone()))]);
                let mut s = Fact::new(Fk::DecodedError, first, last).param(P::Code, code);
                s.error = Some(e);
                self.judge.fact(s);
                true
            }
            Some(token::Token::Event(id)) => {
                self.record(RecordKind::Message, first, last, vec![("event", Cow::Owned(id.to_string()))]);
                let mut s = Fact::new(Fk::EventIdAlone, first, last);
                s.event = Some(id);
                self.judge.fact(s);
                true
            }
            None => false,
        }
    }

    /// One Connect Health alert read: its record and what it means.
    fn alert(&mut self, a: health::Alert<'a>) {
        let mut a = a;
        // (Listed under the portal's `Resolved alerts`: resolved; under `Active alerts`: active.)
        match self.alert_section {
            Some(true) if a.state.is_none() => a.state = Some((Cow::Borrowed("Resolved"), a.first)),
            Some(false) => {
                a.state = None;
                a.resolved = None;
            }
            _ => {}
        }
        let Some((title, title_line)) = a.title.clone() else { return };
        let title = health::unescape(title);
        let kind = a.kind();
        let mut fields = vec![("title", title.clone())];
        if let Some((st, _)) = &a.state {
            fields.push(("state", st.clone()));
        }
        if let Some(lv) = &a.level {
            fields.push(("level", lv.clone()));
        }
        if let Some(t) = a.seen() {
            fields.push(("time", Cow::Owned(t.text())));
        }
        if let Some((r, _)) = &a.run_step {
            fields.push(("run_step_result", r.clone()));
        }
        self.record(RecordKind::HealthAlert, a.first, a.last, fields);
        let detail = a.detail_line();
        let fact = |k: Fk| {
            let mut f = Fact::new(k, title_line, title_line);
            f.extra = detail;
            f
        };
        if a.resolved() {
            if kind == Some(health::Kind::Heartbeat) {
                self.resolved_beats.push(a.resolved.or(a.seen()));
            }
            let mut s = fact(Fk::AlertResolved).param(P::Alert, title);
            if let Some(r) = a.resolved {
                s = s.param(P::Resolved, r.text());
            }
            self.judge.fact(s);
            return;
        }
        let no_start = a.run_step.as_ref().is_some_and(|(r, _)| r.eq_ignore_ascii_case("no-start-connection"));
        use health::Kind;
        let mut s = match kind {
            None if has_ci(&title, "password") || has_ci(&title, "heartbeat") => return,
            None | Some(Kind::Agent) => fact(Fk::AlertOther).param(P::Feature, "connect-health"),
            Some(Kind::Heartbeat) => {
                self.heartbeat_alerts.push(HeartbeatAlert { line: title_line, detail_line: detail, seen: a.seen() });
                return;
            }
            Some(Kind::SyncService) => fact(Fk::AlertSyncService),
            Some(Kind::EntraAuth) => fact(Fk::AlertEntraAuth),
            Some(Kind::PhsStopped) => fact(Fk::AlertPhsStopped),
            Some(Kind::AccidentalDelete) => fact(Fk::AlertAccidentalDelete),
            Some(Kind::ImportAd | Kind::ExportAd) if no_start => fact(Fk::AlertAdNoStart),
            Some(Kind::ImportEntra | Kind::ExportEntra) if no_start => fact(Fk::AlertEntraNoStart),
            Some(Kind::ImportAd | Kind::ExportAd | Kind::ImportEntra | Kind::ExportEntra) => {
                fact(Fk::AlertObjectSync).param(P::Feature, "object-sync")
            }
        };
        if let Some((r, _)) = a.run_step.clone() {
            s = s.param(P::RunStepResult, r);
        }
        if let Some(p) = a.partition.clone() {
            s = s.param(P::Partition, p);
        }
        s.time = a.seen();
        self.judge.fact(s);
    }

    fn finish_json(&mut self) {
        if let Some(a) = self.json.take().and_then(|mut j| j.finish()) {
            self.alert(a);
        }
    }

    fn finish_text_alert(&mut self) {
        if let Some(a) = self.text_alert.take() {
            self.alert(a);
            // (A resolved line read so far was this alert's, not the next one's.)
            self.resolved_line = None;
        }
    }

    fn finish_ps_error(&mut self) {
        let Some(b) = self.ps_error.take() else { return };
        let Some((name, head_line)) = b.function else { return };
        if !b.is_error() {
            // A head without the record's properties (a progress line): not understood as an error.
            return;
        }
        let mut fields = vec![("function", Cow::Borrowed(name))];
        if let Some((e, _)) = &b.error_id {
            fields.push(("error_id", e.clone()));
        }
        self.record(RecordKind::Error, b.first, b.last, fields);
        if b.command_not_found() {
            // The module isn't imported: nothing was granted, nothing failed.
            self.judge.fact(Fact::new(Fk::AdsyncconfigNotImported, head_line, head_line).param(P::Function, name));
            return;
        }
        // A helper's error is the grant of the cmdlet that was typed, when the paste shows it.
        let cmdlet = self.adsync_command.filter(|_| adsyncconfig::is_helper(name));
        let other = match adsyncconfig::function(cmdlet.unwrap_or(name)).map(|(_, scope)| scope) {
            Some(adsyncconfig::Scope::Other(feature)) => Some(feature),
            _ => None,
        };
        let kind = if other.is_some() { Fk::OtherFeatureGrantFailed } else { Fk::GrantFailed };
        let mut s = Fact::new(kind, head_line, head_line).param(P::Function, name);
        s.extra = b.error_id.as_ref().map(|(_, l)| *l);
        if let Some(c) = cmdlet {
            s = s.param(P::Cmdlet, c);
        }
        s = match other {
            Some(feature) => s.param(P::Feature, feature),
            None => s.param(P::Grant, "failed"),
        };
        if let Some((e, _)) = b.error_id {
            s = s.param(P::ErrorId, e);
        }
        self.judge.fact(s);
    }

    fn flush_classes(&mut self) {
        self.finish_json();
        self.finish_text_alert();
        self.finish_ps_error();
        self.finish_lineage();
    }

    /// A Lineage table read to its end: without a rule whose `PasswordSync` is True, no sync
    /// rule with password sync applies to the object (the article: "make sure that at least one
    /// sync rule in the PasswordSync column is True").
    fn finish_lineage(&mut self) {
        let Some(t) = self.lineage.take() else { return };
        if t.rows > 0 && !t.any_true {
            self.judge.fact(Fact::new(Fk::NoPhsSyncRule, t.first, t.last));
        }
    }

    /// A line of a connector space object's Lineage tab (`Sync Rule  Link Type  PasswordSync
    /// Precedence`, then a row per rule): whether it was one.
    fn lineage_line(&mut self, text: &str, first: usize, last: usize) -> bool {
        let words: Vec<&str> = text.split_whitespace().collect();
        if self.lineage.is_none() {
            let header = words.iter().any(|w| w.eq_ignore_ascii_case("PasswordSync"))
                && (has_ci(text, "sync rule") || has_ci(text, "precedence") || has_ci(text, "link type"));
            if header && !text.contains(':') {
                self.flush_bare();
                self.lineage = Some(Lineage { first, last, rows: 0, any_true: false });
                self.cover(first, last);
                return true;
            }
            return false;
        }
        let value = |v: &str| words.iter().filter(|w| w.eq_ignore_ascii_case(v)).count();
        let (t, f) = (value("true"), value("false"));
        if t + f == 1 && !text.contains(':') {
            let l = self.lineage.as_mut().expect("checked above");
            l.rows += 1;
            l.any_true |= t == 1;
            l.last = last;
            self.cover(first, last);
            return true;
        }
        self.finish_lineage();
        false
    }

    /// A blank line ends an error record; two end alert JSON or a text alert.
    fn classes_blank(&mut self) {
        self.finish_ps_error();
        self.finish_lineage();
        if let Some(j) = self.json.as_mut() {
            j.blanks += 1;
            if j.blanks >= 2 {
                self.finish_json();
            }
        }
        if self.blank_run >= 2 {
            self.finish_text_alert();
        }
    }
}

/// A line that labels a section of the paste as one server's (framed in `=====`, `-----`,
/// `#####` or `**`, or a few words ending in `:` that say server): `Some(true)` when it names a
/// standby (staging, standby, passive, secondary).
fn section_label(text: &str) -> Option<bool> {
    let t = lines::trim(text);
    if t.len() > 100 || t.is_empty() {
        return None;
    }
    // (A frame that names no server's role is something else: `--- End of inner exception
    // stack trace ---`, `=== 03/12 morning ===`.)
    // (Every line is asked: the frame or the colon first, the words only then.)
    let frame = ["===", "---", "###", "**"].iter().any(|f| t.starts_with(f) && t.ends_with(f) && t.len() > 2 * f.len());
    let colon = !frame && t.ends_with(':') && t.split_whitespace().count() <= 8;
    if !frame && !colon {
        return None;
    }
    let role = |w: &[&str]| w.iter().any(|w| has_ci(t, w));
    let standby = role(&["staging", "standby", "passive", "secondary"]);
    let framed = frame && (standby || role(&["server", "active", "primary"]));
    let said = colon && has_ci(t, "server");
    (framed || said).then_some(standby)
}

/// A line that after a blank line ends an Event Viewer event's message: a mail's header or the
/// start of a quoted original (`-----Original Message-----`, `From: …`, `Subject: …`), or a
/// table's header of property names.
fn ends_message(text: &str) -> bool {
    let t = lines::trim(text);
    t.starts_with("-----Original Message") || ["From:", "Subject:", "Sent:", "To:"].iter().any(|k| starts_ci(t, k)) || column_header(t)
}

/// A table's header of property names (`StartDate ConnectorName RunProfileName Result`): three
/// or more words of letters and digits, two of them in CamelCase, nothing else.
fn column_header(t: &str) -> bool {
    let words: Vec<&str> = t.split_ascii_whitespace().collect();
    let camel = |w: &&str| w.bytes().skip(1).any(|b| b.is_ascii_uppercase()) && w.bytes().next().is_some_and(|b| b.is_ascii_uppercase());
    words.len() >= 3
        && words.iter().all(|w| w.bytes().all(|b| b.is_ascii_alphanumeric() || b == b'_'))
        && words.iter().filter(|w| camel(w)).count() >= 2
}
