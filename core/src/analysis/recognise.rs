//! The driver: walks the logical lines once, keeps track of where it is (an event being
//! assembled, a CSV row, a table, the status script's connector block, the troubleshooter's
//! connector and domain), builds records and emits signals for the collector.

use std::borrow::Cow;

use super::collect::Collector;
use super::content::{self, Ctx, Hints};
use super::errors::ErrorInfo;
use super::events::{self, CsvColumns, EventB, Format};
use super::lines::{self, Logical, Shape, Src};
use super::phrases::{Hits, Ph};
use super::scan::{find, has_ci, starts_ci};
use super::time::Timestamp;
use super::{Record, RecordKind, MAX_RECORDS};

/// Evidence that a finding applies, before findings are assembled.
#[derive(Clone, Debug)]
pub(crate) struct Signal<'a> {
    pub finding: &'static str,
    /// Evidence lines `first..=last` (1-based; 0 = none).
    pub first: usize,
    pub last: usize,
    /// One more evidence line (the event's ID line).
    pub extra: Option<usize>,
    pub params: Vec<(&'static str, Cow<'a, str>)>,
    pub error: Option<&'static ErrorInfo>,
    pub event: Option<u32>,
    /// When it happened (a `time` parameter, formatted only if kept).
    pub time: Option<Timestamp>,
    /// "The user name or password is incorrect": the AD account in event 611, else Entra's.
    pub cred_ambiguous: bool,
}

impl<'a> Signal<'a> {
    pub fn new(finding: &'static str, first: usize, last: usize) -> Signal<'a> {
        Signal { finding, first, last, extra: None, params: Vec::new(), error: None, event: None, time: None, cred_ambiguous: false }
    }

    pub fn param(mut self, k: &'static str, v: impl Into<Cow<'a, str>>) -> Signal<'a> {
        let v = v.into();
        if !v.is_empty() && !self.params.iter().any(|(pk, pv)| *pk == k && *pv == v) {
            self.params.push((k, v));
        }
        self
    }

    fn has_param(&self, k: &str) -> bool {
        self.params.iter().any(|(pk, _)| *pk == k)
    }
}

/// A password hash sync event with an ID, for the timeline.
#[derive(Clone, Debug)]
pub(crate) struct Timed<'a> {
    pub event: u32,
    pub time: Option<Timestamp>,
    pub id_line: usize,
    pub connector: Option<Cow<'a, str>>,
    pub scope: Option<Cow<'a, str>>,
}

pub(crate) struct Output<'a> {
    pub records: Vec<Record<'a>>,
    /// Records recognised after the first [`MAX_RECORDS`], counted.
    pub records_omitted: usize,
    pub unparsed: Vec<usize>,
    pub timed: super::timeline::Acc<'a>,
}

/// A run of lines outside any event, whose signals wait for the block to end so that a
/// trailing `<forest-info>` or the event wording can apply to them.
struct Bare<'a> {
    first: usize,
    last: usize,
    signals: Vec<Signal<'a>>,
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
    /// Signals go straight to the collector, in order.
    collector: &'c mut Collector<'p>,
    /// An empty vector with room, lent to each line's content.
    spare: Vec<Signal<'a>>,
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
    /// The languages of the level names of the `Get-WinEvent` table rows so far (intersected,
    /// bits by index in `labels::LANGS`): which way round their dates are written.
    row_langs: u32,
}

/// `split`: the index of the first line of the end of a cut input, where everything being
/// assembled is finished as at the end of a paste.
pub(crate) fn run<'a>(
    src: Src<'a>,
    physical: &[&'a str],
    logical: impl Iterator<Item = Logical<'a>>,
    split: usize,
    collector: &mut Collector<'_>,
) -> Output<'a> {
    let mut d = Driver {
        src,
        records: Vec::with_capacity((physical.len() / 2).min(MAX_RECORDS)),
        records_omitted: 0,
        collector,
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
        row_langs: u32::MAX,
    };
    let mut text_lines = vec![false; physical.len()];
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
            for t in &mut text_lines[l.first - 1..l.last] {
                *t = true;
            }
        }
        d.line(&l);
    }
    d.flush_all();
    let unparsed = (1..=physical.len()).filter(|&n| text_lines[n - 1] && !d.covered[n - 1]).collect();
    Output { records: d.records, records_omitted: d.records_omitted, unparsed, timed: d.timed }
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

    fn flush_all(&mut self) {
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
                // nothing to understand, nothing to report.
                return;
            }
            Shape::Text => {}
        }
        self.blank_run = 0;
        if let Some(ev) = self.ev.as_mut() {
            ev.blank_run = 0;
        }
        let text: &str = &l.text;
        // The line is scanned for phrases only when something needs it (not for headers).
        self.hits_fresh = false;

        if let Some(cmd) = lines::prompt_command(text) {
            self.flush_all();
            if has_ci(cmd, "Invoke-ADSyncDiagnostics") {
                self.diag = true;
                self.diag_connector = None;
                self.diag_domain = None;
            }
            let cmd = self.src.cow(cmd);
            self.record(RecordKind::Command, l.first, l.last, vec![("command", cmd)]);
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
        self.blank_run += 1;
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
        if self.csv.as_ref().is_some_and(|c| !c.row.is_empty() && !events::csv_open(&c.row)) {
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

    /// Message text of the current event: scanned for content, its signals kept with the event.
    fn event_content(&mut self, first: usize, last: usize, text: &str, rescan: bool) {
        if rescan {
            self.hits.scan(text);
            // The hits are now another text's (a value or the XML data), not the line's.
            self.hits_fresh = false;
        } else {
            self.line_hits(text);
        }
        let ctx = Ctx { connector: None, domain: None, in_diag: false, in_event: true };
        let mut c = content::recognise(self.src, first, last, text, &self.hits, ctx, &mut self.lower, std::mem::take(&mut self.spare));
        if let Some(ev) = self.ev.as_mut() {
            ev.last = ev.last.max(last);
            ev.note_message(self.src, text);
            ev.hints.merge(&c.hints);
            ev.signals.append(&mut c.signals);
            if ev.id.is_none() {
                if let Some(g) = c.event_guess {
                    ev.id = Some(g);
                    ev.id_line = Some(first);
                }
            }
        }
        c.signals.clear();
        self.spare = c.signals;
    }

    fn event_line(&mut self, l: &Logical<'_>) -> bool {
        let text: &str = &l.text;
        let (first, last) = (l.first, l.last);

        // Event XML, alone or after `Event Xml:`.
        if events::is_xml(text) || self.ev.as_ref().is_some_and(|e| e.in_data) {
            let in_details_xml = self.ev.as_ref().is_some_and(|e| e.format == Format::Details && e.in_xml);
            if events::xml_starts_event(text) && !in_details_xml {
                self.start_event(EventB::new(Format::Xml, first));
            }
            if self.ev.is_none() {
                self.start_event(EventB::new(Format::Xml, first));
            }
            let tags = events::xml_tags(text);
            let msg = {
                let ev = self.ev.as_mut().expect("set above");
                ev.last = last;
                events::xml_fields(self.src, text, &tags, ev, first)
            };
            if let Some(m) = msg {
                self.event_content(first, last, m, true);
            }
            if tags.end_event.is_some() {
                self.flush_event();
            }
            return true;
        }

        // Event Viewer details.
        let pairs = events::details_pairs(text);
        if !pairs.is_empty() {
            let starter = matches!(pairs[0].0, "log name" | "event id") || (pairs.len() > 1 && pairs[0].0 == "source");
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

        // Format-List.
        if let Some((key, value)) = events::list_pair(text) {
            let in_list = self.ev.as_ref().is_some_and(|e| e.format == Format::List);
            let bit = events::list_key_bit(key);
            let dup = self.ev.as_ref().is_some_and(|e| e.format == Format::List && e.keys & bit != 0);
            if (!in_list || dup) && events::LIST_STARTS.contains(&key) {
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
                Format::Details => ev.in_message && !ev.in_xml,
                Format::List => l.indented,
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
        if lower_start && starts_ci(text, "Index") && has_ci(text, "EntryType") && has_ci(text, "InstanceID") {
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
        if lower_start {
            if let Some(cols) = events::csv_header(text) {
                self.flush_all();
                self.csv = Some(Csv { cols, row: String::new(), ev: None });
                self.cover(first, last);
                return true;
            }
        }
        if text.as_bytes().first().is_some_and(u8::is_ascii_digit) {
            let row = events::event_log_row(self.src, text).or_else(|| events::win_event_row(self.src, text, &mut self.row_langs));
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
                self.ev = Some(ev);
                if !msg.is_empty() {
                    self.event_content(first, last, msg, true);
                }
                self.flush_event();
                return true;
            }
        }
        false
    }

    fn csv_line(&mut self, l: &Logical<'_>) -> bool {
        let Some(csv) = self.csv.as_mut() else { return false };
        let text: &str = &l.text;
        if csv.row.is_empty() {
            // A new row must look like one.
            if text.matches(',').count() + 1 < csv.cols.count.min(4) {
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
        let done = !events::csv_open(&csv.row);
        self.ev = ev;
        self.event_content(l.first, l.last, text, false);
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
        let f = events::csv_fields(&row);
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
        ev.id_line = Some(first_line);
        self.flush_event();
        self.ev = Some(ev);
        self.flush_event();
    }

    fn flush_event(&mut self) {
        let Some(ev) = self.ev.take() else { return };
        // General tab: the message was copied above the fields.
        let mut ev = ev;
        let mut signals = std::mem::take(&mut ev.signals);
        if ev.format == Format::Details && !ev.has_message {
            if let Some(b) = self.bare.take() {
                ev.first = b.first;
                ev.hints.merge(&b.hints);
                signals.extend(b.signals);
            }
        } else {
            self.flush_bare();
        }
        let first = ev.first;
        let id_line = ev.id_line.unwrap_or(first);
        // Signals first (they read the source and hints), then the record takes the texts.
        self.evaluate(ev.id, ev.source.as_deref(), ev.time, signals, &ev.hints, first, ev.last, id_line, ev.format);
        let fields = ev.take_fields();
        self.record(RecordKind::Event, first, ev.last, fields);
    }

    /// What an event means, from its ID, source and message; never from its Level.
    #[allow(clippy::too_many_arguments)]
    fn evaluate(
        &mut self,
        id: Option<u32>,
        source: Option<&str>,
        time: Option<Timestamp>,
        content: Vec<Signal<'a>>,
        hints: &Hints<'a>,
        first: usize,
        last: usize,
        id_line: usize,
        format: Format,
    ) {
        // Without a source, an ID outside password sync's (0 and the 600s) is another feature's
        // (6329 and 33002 are password writeback's); 6900 is ADSync's password change error.
        let unnamed = source.is_none_or(|s| lines::trim(s).is_empty());
        let phs = (unnamed && id.is_none_or(|i| i < 1000)) || source.is_some_and(events::is_phs_source);
        let mut out: Vec<Signal> = content
            .into_iter()
            .map(|mut s| {
                if s.cred_ambiguous && id == Some(611) {
                    s.finding = "ad-credentials";
                }
                s
            })
            .collect();
        drop_generic_drs(&mut out);
        let span = |f: &'static str| Signal::new(f, first, last);
        let specific = !out.is_empty();
        if !phs {
            if !specific {
                out.push(span(if id == Some(6900) { "phs-service-error" } else { "not-phs" }));
            }
        } else if let Some(id) = id {
            match id {
                0 | 611 | 652 | 655 if !specific => out.push(span("connectivity-error")),
                603 | 604 | 607 | 610 | 612 | 615 | 662 | 665 | 666 if !specific => out.push(span("phs-service-error")),
                616 if !specific => out.push(span("domain-unreachable")),
                605 => out.push(span("transient-retry")),
                613 => out.push(span("full-sync-paused")),
                620 | 664 => out.push(span("object-password-failed")),
                621 => out.push(span("full-sync-failed")),
                622 | 623 => out.push(span("full-sync-completed")),
                667 => out.push(span("fips-md5")),
                _ => {}
            }
            self.timed.push(Timed { event: id, time, id_line, connector: hints.connector.clone(), scope: hints.domain.clone() });
        }
        let _ = format;
        for mut s in out {
            if let Some(id) = id {
                s.event = Some(id);
                if s.first != id_line {
                    s.extra = Some(id_line);
                }
            }
            if time.is_some() {
                s.time = time;
            }
            if !s.has_param("domain") {
                if let Some(d) = &hints.domain {
                    s = s.param("domain", d.clone());
                }
            }
            if let Some(c) = &hints.connector {
                s = s.param("connector", c.clone());
            }
            if !s.has_param("dn") {
                if let Some(d) = &hints.dn {
                    s = s.param("dn", d.clone());
                }
            }
            self.collector.add(s);
        }
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
        match cfg.enabled.as_deref().map(str::to_ascii_lowercase).as_deref() {
            Some("true") => self.collector.add(Signal::new("phs-enabled", cfg.first, cfg.last).param("connector", connector)),
            Some("false") => self.collector.add(Signal::new("phs-disabled-connector", cfg.first, cfg.last).param("connector", connector)),
            _ => {}
        }
    }

    // ---- everything else ---------------------------------------------------------------------

    fn standalone(&mut self, l: &Logical<'_>) {
        let text: &str = &l.text;
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
        let mut c = content::recognise(self.src, l.first, l.last, text, &self.hits, ctx, &mut self.lower, std::mem::take(&mut self.spare));
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
        if !c.signals.is_empty()
            || c.event_guess.is_some()
            || c.hints.connector.is_some()
            || c.hints.domain.is_some()
            || c.hints.dn.is_some()
        {
            let b = self.bare.get_or_insert_with(|| Bare {
                first: l.first,
                last: l.last,
                signals: Vec::new(),
                hints: Hints::default(),
                guess: None,
                guess_line: l.first,
            });
            b.last = l.last;
            b.signals.append(&mut c.signals);
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
        c.signals.clear();
        self.spare = c.signals;
    }

    fn flush_bare(&mut self) {
        let Some(b) = self.bare.take() else { return };
        match b.guess {
            Some(id) => {
                let first = b.guess_line;
                self.evaluate(Some(id), None, b.hints.time, b.signals, &b.hints, first, first, first, Format::Bare);
            }
            None => {
                let mut signals = b.signals;
                drop_generic_drs(&mut signals);
                for mut s in signals {
                    for (k, v) in [("connector", &b.hints.connector), ("domain", &b.hints.domain), ("dn", &b.hints.dn)] {
                        if let Some(v) = v {
                            if !s.has_param(k) {
                                s = s.param(k, v.clone());
                            }
                        }
                    }
                    self.collector.add(s);
                }
            }
        }
    }
}

/// A `DrsException` without a number says less than a decoded error of the same message.
fn drop_generic_drs(signals: &mut Vec<Signal<'_>>) {
    let decoded = signals.iter().any(|s| s.error.is_some() || (s.finding == "drs-error" && s.has_param("code")));
    if decoded {
        signals.retain(|s| !(s.finding == "drs-error" && s.error.is_none() && !s.has_param("code")));
    }
}
