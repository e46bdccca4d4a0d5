//! What every event form fills in: the event being assembled ([`EventB`]: ID, source, level,
//! time, message, the languages its labels allow) and its [`Format`]. Each form has its own
//! parser: Event Viewer's details (`event_details.rs`), `Format-List` (`event_list.rs`), event
//! XML (`event_xml.rs`), `Get-EventLog`/`Get-WinEvent` tables (`event_table.rs`) and Event
//! Viewer's CSV export (`event_csv.rs`).
//!
//! Severity comes from the event ID and the message, never from the Level field: failing 611s
//! have been published at Level Information.

use std::borrow::Cow;

use crate::analysis::fact::{Fact, Hints};
use crate::analysis::labels;
use crate::analysis::lines::{self, Src};
use crate::analysis::scan::starts_ci;
use crate::analysis::time::{self, Timestamp};

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Format {
    /// Event Viewer: `Log Name:` … `Description:` (also the General tab's fields).
    Details,
    /// `Format-List` of `Get-EventLog` or `Get-WinEvent`.
    List,
    Xml,
    /// A row of `Get-EventLog`'s table.
    EventLogTable,
    /// A row of `Get-WinEvent`'s table.
    WinEventTable,
    Csv,
}

impl Format {
    pub fn as_str(self) -> &'static str {
        match self {
            Format::Details => "event-viewer",
            Format::List => "format-list",
            Format::Xml => "xml",
            Format::EventLogTable => "get-eventlog-table",
            Format::WinEventTable => "get-winevent-table",
            Format::Csv => "csv",
        }
    }
}

/// An event being assembled.
#[derive(Debug)]
pub(crate) struct EventB<'a> {
    pub format: Format,
    pub first: usize,
    pub last: usize,
    pub id: Option<u32>,
    pub id_line: Option<usize>,
    pub source: Option<Cow<'a, str>>,
    pub level: Option<Cow<'a, str>>,
    pub time: Option<Timestamp>,
    pub computer: Option<Cow<'a, str>>,
    /// After `Description:` / `Message :` / inside `<Data>`.
    pub in_message: bool,
    /// Inside the `Event Xml:` part of a Details copy.
    pub in_xml: bool,
    pub in_data: bool,
    pub has_message: bool,
    /// The first 200 bytes of the message (a slice of the paste when it is one line's).
    pub message_start: Cow<'a, str>,
    /// Format-List keys seen (to tell where the next event starts): bits by index in `LIST_KEYS`.
    pub keys: u64,
    /// The languages of the Event Viewer labels seen (bits by index in `labels::LANGS`,
    /// intersected): which way round a date is written.
    pub langs: u32,
    /// The message start is cut: nothing more is added to it.
    pub message_full: bool,
    /// The time as written, when it could be read either way round (`04/12/2026`): a level name
    /// read after it (`LevelDisplayName : Erro`) says which.
    pub time_text: Option<Cow<'a, str>>,
    pub facts: Vec<Fact<'a>>,
    pub hints: Hints<'a>,
    pub blank_run: usize,
}

impl<'a> EventB<'a> {
    pub fn new(format: Format, first: usize) -> EventB<'a> {
        EventB {
            format,
            first,
            last: first,
            id: None,
            id_line: None,
            source: None,
            level: None,
            time: None,
            computer: None,
            in_message: false,
            in_xml: false,
            in_data: false,
            has_message: false,
            message_start: Cow::Borrowed(""),
            keys: 0,
            langs: u32::MAX,
            message_full: false,
            time_text: None,
            facts: Vec::new(),
            hints: Hints::default(),
            blank_run: 0,
        }
    }

    pub fn set(&mut self, src: Src<'a>, key: &str, value: &str, line: usize) {
        let v = lines::trim(value);
        match key {
            "source" | "providername" | "provider" if !v.is_empty() => self.source = Some(src.cow(v)),
            "event id" | "eventid" | "instanceid" | "id" => {
                if let Ok(n) = v.parse::<u64>() {
                    // InstanceId carries qualifiers in its high bits.
                    self.id = Some((n & 0xFFFF) as u32);
                    self.id_line = Some(line);
                }
            }
            "level" | "entrytype" | "leveldisplayname" if !v.is_empty() => {
                self.level = Some(src.cow(v));
                // The level's name is in the server's language, which says which way round
                // its dates are written (Format-List prints `TimeCreated` before it).
                if let Some((_, langs)) = labels::level(v) {
                    self.langs &= langs;
                    if let Some(t) = self.time_text.as_deref() {
                        self.time = time::parse_prefix_with(t, labels::day_first(self.langs)).map(|(t, _)| t).or(self.time);
                    }
                }
            }
            "date" | "logged" | "timegenerated" | "timecreated" | "date and time" | "timewritten" if self.time.is_none() => {
                self.time = time::parse_prefix_with(v, labels::day_first(self.langs)).map(|(t, _)| t);
                if self.time.is_some() {
                    self.time_text = Some(src.cow(v));
                }
            }
            "computer" | "machinename" if !v.is_empty() => self.computer = Some(src.cow(v)),
            _ => {}
        }
    }

    pub fn note_message(&mut self, src: Src<'a>, text: &str) {
        if !lines::trim(text).is_empty() {
            self.has_message = true;
            if self.message_start.len() < 200 && !self.message_full {
                let room = 200 - self.message_start.len() - usize::from(!self.message_start.is_empty());
                let mut cut = text.len().min(room);
                while !text.is_char_boundary(cut) {
                    cut -= 1;
                }
                // Cut inside a character or a word: what follows is not added after it.
                self.message_full = cut < text.len();
                if self.message_start.is_empty() {
                    self.message_start = src.cow(&text[..cut]);
                } else {
                    let m = self.message_start.to_mut();
                    m.push(' ');
                    m.push_str(&text[..cut]);
                }
            }
        }
    }

    /// The record's fields; moves the texts out (the event is done).
    pub fn take_fields(&mut self) -> Vec<(&'static str, Cow<'a, str>)> {
        let mut f = Vec::with_capacity(9);
        f.push(("format", Cow::Borrowed(self.format.as_str())));
        if let Some(id) = self.id {
            f.push(("id", Cow::Owned(id.to_string())));
        }
        for (k, v) in [("source", &mut self.source), ("level", &mut self.level), ("computer", &mut self.computer)] {
            if let Some(v) = v.take() {
                f.push((k, v));
            }
        }
        if let Some(t) = self.time {
            f.push(("time", Cow::Owned(t.text())));
        }
        if let Some(d) = self.hints.domain.take() {
            f.push(("domain", d));
        }
        if let Some(c) = self.hints.connector.take() {
            f.push(("connector", c));
        }
        if !self.message_start.is_empty() {
            f.push(("message", std::mem::take(&mut self.message_start)));
        }
        f
    }
}

/// The sources whose event IDs are password hash sync's (the doc's "Directory
/// synchronization"; tables cut it to `Directory Synchron...`).
pub(crate) fn is_phs_source(s: &str) -> bool {
    starts_ci(lines::trim(s), "directory synchron")
}
