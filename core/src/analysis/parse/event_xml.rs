//! Event XML (Event Viewer's XML view, `Get-WinEvent … | ForEach-Object { $_.ToXml() }`):
//!
//! ```text
//! <Event xmlns="http://schemas.microsoft.com/win/2004/08/events/event"><System><Provider Name="Directory Synchronization" />
//! <EventID Qualifiers="0">611</EventID><TimeCreated SystemTime="2017-03-02T04:31:09.000Z" /></System>
//! <EventData><Data>Password hash synchronization failed for domain: contoso.com …</Data></EventData></Event>
//! ```

use super::event::EventB;
use crate::analysis::lines::Src;
use crate::analysis::scan::{each_byte, find_ci, find_ci_seq, starts_ci};

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

/// A line that holds several events (`wevtutil qe … /f:xml` prints them all on one line): each
/// event's piece (its byte range), from its `<Event` to the next one's; `None` for a line with
/// one or none.
pub(crate) fn split_events(text: &str) -> Option<Vec<std::ops::Range<usize>>> {
    if !text.starts_with('<') || text.len() < 64 {
        return None;
    }
    let mut starts = Vec::new();
    let mut from = 0;
    while let Some(i) = text.get(from..).and_then(|s| crate::bytes::find_ci(s, "<event")) {
        let at = from + i;
        if text.as_bytes().get(at + 6).is_some_and(|b| *b == b' ' || *b == b'>') {
            starts.push(at);
        }
        from = at + 6;
    }
    if starts.len() < 2 {
        return None;
    }
    // (Whatever comes before the first event, `<Events>` or `<?xml …?>`, stays with it.)
    starts[0] = 0;
    let mut pieces: Vec<std::ops::Range<usize>> = starts.windows(2).map(|w| w[0]..w[1]).collect();
    pieces.push(*starts.last().unwrap_or(&0)..text.len());
    Some(pieces)
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
pub(crate) fn attr<'t>(tag: &'t str, name: &str) -> Option<&'t str> {
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
pub(crate) fn element<'t>(tag: &'t str, name: &str) -> Option<&'t str> {
    let rest = &tag[name.len() + 2..];
    Some(rest[..rest.find('<')?].trim())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::analysis::parse::event::Format;

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
}
