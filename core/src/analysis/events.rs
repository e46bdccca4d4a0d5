//! Windows event text in the forms admins paste it: Event Viewer's "Copy details as text"
//! (`Log Name:` … `Description:`, labelled in any language Windows ships: `labels.rs`) and its General tab, `Get-EventLog` / `Get-WinEvent` as a
//! table or with `Format-List`, event XML, and Event Viewer's CSV export.
//!
//! Severity comes from the event ID and the message, never from the Level field: failing 611s
//! have been published at Level Information.

use std::borrow::Cow;
use std::sync::OnceLock;

use super::fact::{Fact, Hints};
use super::labels;
use super::lines::{self, Src};
use super::scan::{contains, each_byte, eq_ci, find_ci, find_ci_seq, starts_ci};
use super::time::{self, Timestamp};

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
            "level" | "entrytype" | "leveldisplayname" if !v.is_empty() => self.level = Some(src.cow(v)),
            "date" | "logged" | "timegenerated" | "timecreated" | "date and time" | "timewritten" if self.time.is_none() => {
                self.time = time::parse_prefix_with(v, labels::day_first(self.langs)).map(|(t, _)| t);
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

/// Keys by byte length (up to 24), each length's in list order, so that a look-up compares
/// only keys of the right length.
struct ByLen<T: 'static> {
    buckets: [Vec<(&'static [u8], T)>; 25],
}

impl<T: Copy> ByLen<T> {
    fn new(keys: impl Iterator<Item = (&'static str, T)>) -> ByLen<T> {
        let mut buckets: [Vec<(&'static [u8], T)>; 25] = Default::default();
        for (k, v) in keys {
            if let Some(b) = buckets.get_mut(k.len()) {
                b.push((k.as_bytes(), v));
            }
        }
        ByLen { buckets }
    }

    /// The first key equal to `key` ignoring ASCII case.
    #[inline]
    fn find(&self, key: &[u8]) -> Option<T> {
        self.buckets.get(key.len())?.iter().find(|(k, _)| eq_ci(k, key)).map(|(_, v)| *v)
    }
}

fn list_keys() -> &'static ByLen<usize> {
    static KEYS: OnceLock<ByLen<usize>> = OnceLock::new();
    KEYS.get_or_init(|| ByLen::new(LIST_KEYS.iter().enumerate().map(|(i, k)| (*k, i))))
}

/// `Key:   value` pairs of Event Viewer's details, possibly several on a line (separated by
/// tabs or runs of spaces, as on the General tab), with the languages that spell the key so
/// (`labels::label_at`).
pub(crate) fn details_pairs(text: &str) -> Vec<(&'static str, Cow<'_, str>, u32)> {
    // The key is everything before the first colon (`:` or `：`), a label of any language
    // Windows ships (`labels.rs`).
    if labels::label_at(text).is_none() {
        return Vec::new();
    }
    let mut out: Vec<(&'static str, Cow<'_, str>, u32)> = Vec::new();
    for chunk in columns(text) {
        match labels::label_at(chunk) {
            Some((canonical, value, langs)) => out.push((canonical, Cow::Borrowed(chunk[value..].trim()), langs)),
            None => match out.last_mut() {
                Some((_, v, _)) => {
                    let v = v.to_mut();
                    if !v.is_empty() {
                        v.push(' ');
                    }
                    v.push_str(chunk);
                }
                None => return Vec::new(),
            },
        }
    }
    out
}

/// Splits on tabs and runs of 2+ spaces (non-empty pieces, trimmed).
fn columns(text: &str) -> impl Iterator<Item = &str> {
    let b = text.as_bytes();
    let mut start = 0;
    let mut i = 0;
    std::iter::from_fn(move || {
        while start < b.len() {
            let piece = loop {
                if i >= b.len() {
                    let p = &text[start..];
                    start = b.len();
                    break p;
                }
                if b[i] == b'\t' || (b[i] == b' ' && b.get(i + 1) == Some(&b' ')) {
                    let p = &text[start..i];
                    while i < b.len() && (b[i] == b' ' || b[i] == b'\t') {
                        i += 1;
                    }
                    start = i;
                    break p;
                }
                i += 1;
            };
            let piece = lines::trim(piece);
            if !piece.is_empty() {
                return Some(piece);
            }
        }
        None
    })
}

const LIST_KEYS: &[&str] = &[
    "index",
    "entrytype",
    "instanceid",
    "eventid",
    "message",
    "category",
    "categorynumber",
    "replacementstrings",
    "source",
    "timegenerated",
    "timewritten",
    "username",
    "machinename",
    "site",
    "container",
    "data",
    "timecreated",
    "providername",
    "providerid",
    "id",
    "version",
    "qualifiers",
    "level",
    "leveldisplayname",
    "task",
    "taskdisplayname",
    "opcode",
    "opcodedisplayname",
    "keywords",
    "keywordsdisplaynames",
    "recordid",
    "processid",
    "threadid",
    "logname",
    "containerlog",
    "matchedqueryids",
    "bookmark",
    "properties",
    "activityid",
    "relatedactivityid",
    "userid",
];

/// Keys that begin an event in `Format-List` output.
pub(crate) const LIST_STARTS: &[&str] = &[
    "index",
    "entrytype",
    "instanceid",
    "eventid",
    "timegenerated",
    "timecreated",
    "providername",
    "id",
    "message",
    "recordid",
    "logname",
];

/// The bit of a `LIST_KEYS` key in `EventB::keys`.
pub(crate) fn list_key_bit(key: &str) -> u64 {
    list_keys().find(key.as_bytes()).map_or(0, |i| 1 << i)
}

/// `Key   : value` of `Format-List` (a space before the colon), with a known event key.
pub(crate) fn list_pair(text: &str) -> Option<(&'static str, &str)> {
    // Format-List pads every key and writes ` : `; Event Viewer writes `Key:`.
    let b = text.as_bytes();
    // Quick reject: every key is ASCII letters, so a line starting with a letter must have
    // whitespace after at most 24 of them, and one starting with other ASCII is no pair.
    // The key is then that first run of letters.
    match b.first() {
        Some(c) if c.is_ascii_alphabetic() => {
            let n = b.iter().take(25).take_while(|c| c.is_ascii_alphabetic()).count();
            if n > 24 || !b.get(n).is_some_and(|&c| c >= 0x80 || c.is_ascii_whitespace() || c == 0x0b) {
                return None;
            }
            list_keys().find(&b[..n])?;
        }
        Some(&c) if c < 0x80 && !c.is_ascii_whitespace() && c != 0x0b => return None,
        _ => {}
    }
    let colon = (1..b.len()).find(|&i| b[i] == b':' && b[i - 1] == b' ')? - 1;
    let key = text[..colon].trim();
    if key.is_empty() || key.len() > 24 || key.contains(' ') {
        return None;
    }
    let lk = LIST_KEYS[list_keys().find(key.as_bytes())?];
    let rest = text[colon..].trim_start_matches([' ', ':']);
    Some((lk, rest))
}

/// Whether a line is part of event XML.
pub(crate) fn is_xml(text: &str) -> bool {
    // Quick reject: a first byte that is neither `<` nor whitespace.
    if text.as_bytes().first().is_some_and(|&b| b != b'<' && b < 0x80 && !b.is_ascii_whitespace() && b != 0x0b) {
        return false;
    }
    let t = text.trim_start();
    t.starts_with('<')
        && [
            "<event",
            "</event",
            "<system",
            "</system",
            "<provider",
            "<eventid",
            "<version",
            "<level",
            "<task",
            "<opcode",
            "<keywords",
            "<timecreated",
            "<eventrecordid",
            "<correlation",
            "<execution",
            "<channel",
            "<computer",
            "<security",
            "<eventdata",
            "</eventdata",
            "<data",
            "</data",
            "<binary",
            "<userdata",
            "</userdata",
            "<?xml",
        ]
        .iter()
        .any(|p| starts_ci(t, p))
}

/// `<Event xmlns=…>` (not `<EventID>` or `<EventData>`).
pub(crate) fn xml_starts_event(text: &str) -> bool {
    let t = text.trim_start();
    starts_ci(t, "<event") && t.as_bytes().get(6).is_some_and(|b| *b == b' ' || *b == b'>')
}

/// Reads what XML says about the event; returns the message text found in `<Data>`.
pub(crate) fn xml_fields<'t, 'a>(src: Src<'a>, text: &'t str, tags: &XmlTags, ev: &mut EventB<'a>, line: usize) -> Option<&'t str> {
    if let Some(i) = tags.eventid {
        let rest = &text[i..];
        if let Some(gt) = rest.find('>') {
            let digits = rest[gt + 1..].bytes().take_while(u8::is_ascii_digit).count();
            ev.set(src, "eventid", &rest[gt + 1..gt + 1 + digits], line);
        }
    }
    if let Some(v) = tags.provider.and_then(|i| attr(&text[i..], "name")) {
        ev.set(src, "source", v, line);
    }
    if let Some(v) = tags.timecreated.and_then(|i| attr(&text[i..], "systemtime")) {
        ev.set(src, "timecreated", v, line);
    }
    if let Some(v) = tags.computer.and_then(|i| element(&text[i..], "computer")) {
        ev.set(src, "computer", v, line);
    }
    if let Some(v) = tags.level.and_then(|i| element(&text[i..], "level")) {
        if ev.level.is_none() {
            ev.level = Some(src.cow(v));
        }
    }
    if let Some(i) = tags.data {
        let rest = &text[i..];
        let gt = rest.find('>')?;
        let body = &rest[gt + 1..];
        match find_ci(body, "</data>") {
            Some(end) => Some(&body[..end]),
            None => {
                ev.in_data = true;
                Some(body)
            }
        }
    } else if ev.in_data {
        match find_ci(text, "</data>") {
            Some(end) => {
                ev.in_data = false;
                Some(&text[..end])
            }
            None => Some(text),
        }
    } else {
        None
    }
}

/// Where the tags that event XML is read for first appear in a line (byte offsets of their
/// `<`, ASCII case ignored): one pass over the line's `<`.
#[derive(Default)]
pub(crate) struct XmlTags {
    eventid: Option<usize>,
    provider: Option<usize>,
    timecreated: Option<usize>,
    computer: Option<usize>,
    level: Option<usize>,
    data: Option<usize>,
    /// `</event>`.
    pub end_event: Option<usize>,
}

pub(crate) fn xml_tags(text: &str) -> XmlTags {
    let b = text.as_bytes();
    let mut t = XmlTags::default();
    each_byte(b, b'<', |p| {
        let rest = &text[p..];
        let (slot, tag) = match b.get(p + 1).map(u8::to_ascii_lowercase) {
            Some(b'e') => (&mut t.eventid, "<eventid"),
            Some(b'p') => (&mut t.provider, "<provider"),
            Some(b't') => (&mut t.timecreated, "<timecreated"),
            Some(b'c') => (&mut t.computer, "<computer>"),
            Some(b'l') => (&mut t.level, "<level>"),
            Some(b'd') => (&mut t.data, "<data"),
            Some(b'/') => (&mut t.end_event, "</event>"),
            _ => return false,
        };
        if slot.is_none() && starts_ci(rest, tag) {
            *slot = Some(p);
        }
        false
    });
    t
}

/// The value of attribute `name` in the tag that starts `tag` (`<provider name="x" …>`).
fn attr<'t>(tag: &'t str, name: &str) -> Option<&'t str> {
    let end = tag.find('>').unwrap_or(tag.len());
    let inside = &tag[..end];
    let a = find_ci_seq(inside, &[name, "="])?;
    let v = &inside[a + name.len() + 1..];
    let q = v.chars().next()?;
    if q != '"' && q != '\'' {
        return None;
    }
    let v = &v[1..];
    Some(&v[..v.find(q)?])
}

/// The text of element `name` that starts `tag` (`<computer>x</computer>`).
fn element<'t>(tag: &'t str, name: &str) -> Option<&'t str> {
    let rest = &tag[name.len() + 2..];
    Some(rest[..rest.find('<')?].trim())
}

/// A `Get-EventLog` table row: `Index Time EntryType Source InstanceID Message`, e.g.
/// `12345 Mar 02 04:31  Error  Directory Synchron...  611 Password synchronization…`.
pub(crate) fn event_log_row<'a>(src: Src<'a>, text: &str) -> Option<(EventB<'a>, usize)> {
    let mut toks = tokens(text);
    let (index, _) = toks.next()?;
    if !index.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    let (month, at) = toks.next()?;
    let (t, n) = time::parse_prefix(&text[at..])?;
    if !month.as_bytes()[0].is_ascii_alphabetic() {
        return None;
    }
    let after_time = at + n;
    let mut toks = tokens_from(text, after_time);
    let (entry, _) = toks.next()?;
    if !["error", "warning", "information", "successaudit", "failureaudit", "0"].contains(&entry.to_ascii_lowercase().as_str()) {
        return None;
    }
    // The source's words joined by single spaces: the text itself when it has no other gaps.
    let mut span: Option<(usize, usize)> = None;
    for (tok, at) in toks {
        if tok.bytes().all(|b| b.is_ascii_digit()) {
            let mut ev = EventB::new(Format::EventLogTable, 0);
            ev.set(src, "instanceid", tok, 0);
            ev.source = Some(match span {
                None => Cow::Borrowed(""),
                Some((s, e)) if !text[s..e].contains(['\t']) && !contains(&text[s..e], "  ") => src.cow(&text[s..e]),
                Some((s, e)) => Cow::Owned(tokens(&text[s..e]).map(|(t, _)| t).collect::<Vec<_>>().join(" ")),
            });
            ev.level = Some(src.cow(entry));
            ev.time = Some(t);
            return Some((ev, at + tok.len()));
        }
        span = Some((span.map_or(at, |(s, _)| s), at + tok.len()));
    }
    None
}

/// A `Get-WinEvent` table row: `TimeCreated Id LevelDisplayName Message`, e.g.
/// `3/2/2017 4:31:09 AM   611 Error   Password synchronization…`. `langs`: the languages of the
/// table's level names so far (`labels::level`), narrowed by this row's.
pub(crate) fn win_event_row<'a>(src: Src<'a>, text: &str, langs: &mut u32) -> Option<(EventB<'a>, usize)> {
    let (t, n) = time::parse_prefix(text)?;
    let mut toks = tokens_from(text, n);
    let (id, _) = toks.next()?;
    if !id.bytes().all(|b| b.is_ascii_digit()) || id.len() > 6 {
        return None;
    }
    let (level, at) = toks.next()?;
    // LevelDisplayName is the level's name in the server's language, which says which way round
    // the dates of the table are written (`02/03/2017 … Avertissement` is 2 March).
    let (_, level_langs) = labels::level(level)?;
    *langs &= level_langs;
    let t = match labels::day_first(*langs) {
        true => time::parse_prefix_with(text, true).map_or(t, |(t, _)| t),
        false => t,
    };
    let mut ev = EventB::new(Format::WinEventTable, 0);
    ev.set(src, "id", id, 0);
    ev.level = Some(src.cow(level));
    ev.time = Some(t);
    Some((ev, at + level.len()))
}

fn tokens(text: &str) -> impl Iterator<Item = (&str, usize)> {
    tokens_from(text, 0)
}

fn tokens_from(text: &str, from: usize) -> impl Iterator<Item = (&str, usize)> {
    let b = text.as_bytes();
    let mut i = from.min(b.len());
    std::iter::from_fn(move || {
        while i < b.len() && (b[i] == b' ' || b[i] == b'\t') {
            i += 1;
        }
        if i >= b.len() {
            return None;
        }
        let s = i;
        while i < b.len() && b[i] != b' ' && b[i] != b'\t' {
            i += 1;
        }
        Some((&text[s..i], s))
    })
}

/// CSV: splits one complete row into fields (quotes doubled inside quoted fields).
pub(crate) fn csv_fields(row: &str) -> Vec<String> {
    let mut out = Vec::new();
    let mut cur = String::new();
    let mut quoted = false;
    let mut chars = row.chars().peekable();
    while let Some(c) = chars.next() {
        match (c, quoted) {
            ('"', true) if chars.peek() == Some(&'"') => {
                cur.push('"');
                chars.next();
            }
            ('"', true) => quoted = false,
            ('"', false) if lines::trim(&cur).is_empty() => {
                cur.clear();
                quoted = true;
            }
            (',', false) => out.push(std::mem::take(&mut cur)),
            _ => cur.push(c),
        }
    }
    out.push(cur);
    out
}

/// Whether a CSV row text has an unclosed quote.
pub(crate) fn csv_open(row: &str) -> bool {
    row.bytes().filter(|&b| b == b'"').count() % 2 == 1
}

/// Column roles of a CSV header.
#[derive(Clone, Debug, Default)]
pub(crate) struct CsvColumns {
    pub count: usize,
    pub id: Option<usize>,
    pub time: Option<usize>,
    pub source: Option<usize>,
    pub level: Option<usize>,
    pub message: Option<usize>,
}

/// Event Viewer's `Level,Date and Time,Source,Event ID,Task Category` or PowerShell's
/// `Export-Csv` header (`"EventID","MachineName",…,"Message","Source",…`).
pub(crate) fn csv_header(text: &str) -> Option<CsvColumns> {
    // Headers name columns: no `=` (DNs) and no `:` (times, messages).
    if !text.as_bytes().contains(&b',') {
        return None;
    }
    let mut commas = 0usize;
    for &c in text.as_bytes() {
        match c {
            b',' => commas += 1,
            b'=' | b':' => return None,
            _ => {}
        }
    }
    if commas < 2 {
        return None;
    }
    let named_id = ["event id", "eventid", "instanceid", "\"id\"", ",id,", "id,"].iter().any(|p| find_ci(text, p).is_some());
    if !named_id {
        return None;
    }
    let names: Vec<String> = csv_fields(text).into_iter().map(|f| lines::trim(&f).to_ascii_lowercase()).collect();
    let mut c = CsvColumns { count: names.len(), ..Default::default() };
    for (i, n) in names.iter().enumerate() {
        match n.as_str() {
            "event id" | "eventid" | "id" | "instanceid" if c.id.is_none() || n == "eventid" || n == "event id" => c.id = Some(i),
            "date and time" | "timecreated" | "timegenerated" | "timewritten" => {
                c.time.get_or_insert(i);
            }
            "source" | "providername" => c.source = Some(i),
            "level" | "entrytype" | "leveldisplayname" => {
                c.level.get_or_insert(i);
            }
            "message" => c.message = Some(i),
            _ => {}
        }
    }
    (c.id.is_some() && (c.source.is_some() || c.message.is_some()) && names.len() >= 3).then_some(c)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn details() {
        let pairs = |t: &'static str| details_pairs(t).into_iter().map(|(k, v, _)| (k, v)).collect::<Vec<_>>();
        assert_eq!(pairs("Log Name:      Application"), vec![("log name", "Application".into())]);
        let p = pairs("Source:\tDirectory Synchronization\tLogged:\t3/2/2017 4:31:09 AM");
        assert_eq!(p, vec![("source", "Directory Synchronization".into()), ("logged", "3/2/2017 4:31:09 AM".into())]);
        let p = pairs("Description:  a  b\t c ");
        assert_eq!(p, vec![("description", Cow::from("a b c"))]);
        let p = pairs("Origine:\tDirectory Synchronization\tRegistrato:\t02/03/2017 04:31:09");
        assert_eq!(p, vec![("source", "Directory Synchronization".into()), ("logged", "02/03/2017 04:31:09".into())]);
        let cols: Vec<&str> = columns("  a b  c\t\td  ").collect();
        assert_eq!(cols, ["a b", "c", "d"]);
        assert!(details_pairs("Details: something").is_empty());
        assert!(details_pairs("Password synchronization failed").is_empty());
    }

    #[test]
    fn list_pairs() {
        assert!(LIST_KEYS.len() <= 64);
        assert_eq!(list_key_bit("index"), 1);
        assert_ne!(list_key_bit("userid"), 0);
        assert_eq!(list_pair("InstanceId         : 611"), Some(("instanceid", "611")));
        assert_eq!(list_pair("Source             : Directory Synchronization"), Some(("source", "Directory Synchronization")));
        assert_eq!(list_pair("Source: Directory Synchronization"), None);
        assert_eq!(list_pair("SourceConnector : contoso.com"), None);
        assert_eq!(list_pair("Details: x"), None);
    }

    #[test]
    fn rows() {
        let row = |t: &'static str| event_log_row(Src(t), t);
        let (ev, at) =
            row("   12345 Mar 02 04:31  Error       Directory Synchron...          611 Password synchronization failed").unwrap();
        assert_eq!(ev.id, Some(611));
        assert!(matches!(ev.source, Some(Cow::Borrowed("Directory Synchron..."))));
        let (ev, _) = row("12345 Mar 02 04:31  Error  Directory \t Synchron...  611 x").unwrap();
        assert_eq!(ev.source.as_deref(), Some("Directory Synchron..."));
        assert_eq!(
            &"   12345 Mar 02 04:31  Error       Directory Synchron...          611 Password synchronization failed"[at..],
            " Password synchronization failed"
        );
        let win = |t: &'static str| {
            let mut langs = u32::MAX;
            win_event_row(Src(t), t, &mut langs)
        };
        let (ev, _) = win("3/2/2017 4:31:09 AM            611 Error            Password synchronization").unwrap();
        assert_eq!((ev.id, ev.level.as_deref()), (Some(611), Some("Error")));
        assert!(win("3/2/2017 4:31:09 AM   Success").is_none());
        // A French level name makes the table's dates day first, for the rows after it too.
        let mut langs = u32::MAX;
        let (ev, _) =
            win_event_row(Src("02/03/2017 04:31:09  613 Avertissement  x"), "02/03/2017 04:31:09  613 Avertissement  x", &mut langs)
                .unwrap();
        assert_eq!(ev.time.map(|t| (t.month, t.day)), Some((3, 2)));
        let (ev, _) =
            win_event_row(Src("01/03/2017 23:10:02  654 Information  x"), "01/03/2017 23:10:02  654 Information  x", &mut langs).unwrap();
        assert_eq!(ev.time.map(|t| (t.month, t.day)), Some((3, 1)));
        let (ev, _) = win("01/03/2017 23:10:02  654 Information  x").unwrap();
        assert_eq!(ev.time.map(|t| (t.month, t.day)), Some((1, 3)), "alone, Information is English's too");
        assert!(row("611 Error").is_none());
    }

    #[test]
    fn xml() {
        let mut ev = EventB::new(Format::Xml, 1);
        let line = r#"<Event xmlns="http://schemas.microsoft.com/win/2004/08/events/event"><System><Provider Name="Directory Synchronization" /><EventID Qualifiers="0">611</EventID><TimeCreated SystemTime="2017-03-02T04:31:09.000000000Z" /></System><EventData><Data>Password synchronization failed</Data></EventData></Event>"#;
        assert!(xml_starts_event(line));
        assert!(!xml_starts_event("<EventID>611</EventID>"));
        let msg = xml_fields(Src(line), line, &xml_tags(line), &mut ev, 1);
        assert_eq!(msg, Some("Password synchronization failed"));
        assert_eq!(ev.id, Some(611));
        assert_eq!(ev.source.as_deref(), Some("Directory Synchronization"));
        assert_eq!(ev.time.map(|t| t.hour), Some(4));
    }

    #[test]
    fn csv() {
        let h = csv_header("Level,Date and Time,Source,Event ID,Task Category").unwrap();
        assert_eq!((h.id, h.time, h.source, h.level, h.message), (Some(3), Some(1), Some(2), Some(0), None));
        let f = csv_fields(r#"Error,3/2/2017 4:31:09 AM,Directory Synchronization,611,None,"Password ""x"", y""#);
        assert_eq!(f.len(), 6);
        assert_eq!(f[5], r#"Password "x", y"#);
        assert!(csv_open(r#"Error,1,"open"#));
        assert!(csv_header("a,b").is_none());
    }
}
