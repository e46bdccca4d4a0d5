//! Turning bytes a user hands over (a file, stdin, a drop) into text for the analysis.
//!
//! Windows PowerShell 5.1 writes `>` and `Out-File` output as UTF-16LE with a byte-order mark,
//! Event Viewer's exports are often UTF-16 too, and copies can carry any bytes: this never
//! fails, replacing what it cannot decode with U+FFFD.

/// Decodes UTF-8 (with or without BOM) and UTF-16 LE/BE (with a BOM, or detected from the
/// zero bytes of mostly-ASCII text); bytes that are not UTF-8 and have no UTF-8 character at
/// all are Windows-1252 (what Windows PowerShell 5.1's `Out-File -Encoding Default` and
/// Notepad's "ANSI" write on a Western European server: `Domäne` as the byte 0xE4); anything
/// else is read as UTF-8 with replacement.
pub fn decode(bytes: &[u8]) -> String {
    let (enc, bom) = sniff(bytes);
    decode_as(&bytes[bom..], enc)
}

/// [`decode`], reusing the buffer when it is valid UTF-8 without a BOM (no copy of a big file).
pub fn decode_owned(bytes: Vec<u8>) -> String {
    match sniff(&bytes) {
        (Encoding::Utf8, 0) => String::from_utf8(bytes).unwrap_or_else(|e| utf8_or_ansi(e.as_bytes())),
        (enc, bom) => decode_as(&bytes[bom..], enc),
    }
}

/// Bytes that aren't valid UTF-8: Windows-1252 when no UTF-8 character (of two bytes or more)
/// is among them (a Latin text saved as "ANSI"), else UTF-8 with replacement characters.
fn utf8_or_ansi(bytes: &[u8]) -> String {
    let utf8 = bytes.utf8_chunks().any(|c| !c.valid().is_ascii());
    // (A UTF-8 character cut off at the very end is no sign of another encoding.)
    let body = &bytes[..bytes.len().saturating_sub(3)];
    let broken = body.utf8_chunks().any(|c| !c.invalid().is_empty());
    if utf8 || !broken {
        return String::from_utf8_lossy(bytes).into_owned();
    }
    bytes.iter().map(|&b| cp1252(b)).collect()
}

/// One byte of Windows-1252: ASCII and 0xA0-0xFF are the code points of the same number (ISO
/// 8859-1); 0x80-0x9F are the code page's own (five of them unassigned).
fn cp1252(b: u8) -> char {
    const HIGH: [char; 32] = [
        '\u{20ac}', '\u{fffd}', '\u{201a}', '\u{192}', '\u{201e}', '\u{2026}', '\u{2020}', '\u{2021}', '\u{2c6}', '\u{2030}', '\u{160}',
        '\u{2039}', '\u{152}', '\u{fffd}', '\u{17d}', '\u{fffd}', '\u{fffd}', '\u{2018}', '\u{2019}', '\u{201c}', '\u{201d}', '\u{2022}',
        '\u{2013}', '\u{2014}', '\u{2dc}', '\u{2122}', '\u{161}', '\u{203a}', '\u{153}', '\u{fffd}', '\u{17e}', '\u{178}',
    ];
    match b {
        0x80..=0x9f => HIGH[usize::from(b - 0x80)],
        _ => char::from(b),
    }
}

/// A file that is not text: the analysis would read nothing in it, so the user is told what to
/// hand over instead.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum NotText {
    /// An Event Viewer log file (`.evtx`, which starts with `ElfFile\0`): binary records.
    Evtx,
}

impl NotText {
    /// What the file is and how to get text from it, in one line.
    pub fn message(self) -> &'static str {
        match self {
            NotText::Evtx => {
                "This is an Event Viewer log file (.evtx), which is binary, not text. Export the events as text: in Event \
                 Viewer select the events, then Save Selected Events\u{2026} as Text (*.txt); or run Get-WinEvent -Path \
                 <file>.evtx | Format-List | Out-File events.txt and open that file."
            }
        }
    }
}

/// Whether `bytes` (the start of a file is enough) are a binary format the analysis cannot read.
pub fn not_text(bytes: &[u8]) -> Option<NotText> {
    bytes.starts_with(b"ElfFile\0").then_some(NotText::Evtx)
}

/// How the bytes are encoded.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Encoding {
    Utf8,
    Utf16Le,
    Utf16Be,
}

impl Encoding {
    fn unit(self) -> usize {
        if self == Encoding::Utf8 {
            1
        } else {
            2
        }
    }

    /// The code unit at `at` (which must leave room for one).
    fn at(self, b: &[u8], at: usize) -> u16 {
        match self {
            Encoding::Utf8 => u16::from(b[at]),
            Encoding::Utf16Le => u16::from_le_bytes([b[at], b[at + 1]]),
            Encoding::Utf16Be => u16::from_be_bytes([b[at], b[at + 1]]),
        }
    }
}

/// The encoding of `bytes` and the length of its byte-order mark.
pub fn sniff(bytes: &[u8]) -> (Encoding, usize) {
    if bytes.starts_with(&[0xEF, 0xBB, 0xBF]) {
        return (Encoding::Utf8, 3);
    }
    if bytes.starts_with(&[0xFF, 0xFE]) {
        return (Encoding::Utf16Le, 2);
    }
    if bytes.starts_with(&[0xFE, 0xFF]) {
        return (Encoding::Utf16Be, 2);
    }
    match looks_like_utf16(bytes) {
        Some(Endian::Little) => (Encoding::Utf16Le, 0),
        Some(Endian::Big) => (Encoding::Utf16Be, 0),
        None => (Encoding::Utf8, 0),
    }
}

/// Bytes (without their byte-order mark) in a known encoding, with replacement characters.
pub fn decode_as(bytes: &[u8], enc: Encoding) -> String {
    match enc {
        Encoding::Utf8 => match std::str::from_utf8(bytes) {
            Ok(s) => s.to_string(),
            Err(_) => utf8_or_ansi(bytes),
        },
        Encoding::Utf16Le => utf16(bytes, u16::from_le_bytes),
        Encoding::Utf16Be => utf16(bytes, u16::from_be_bytes),
    }
}

enum Endian {
    Little,
    Big,
}

/// UTF-16 without a BOM: in text that is mostly ASCII, every other byte is zero.
fn looks_like_utf16(bytes: &[u8]) -> Option<Endian> {
    let sample = &bytes[..bytes.len().min(4096) & !1];
    if sample.len() < 8 {
        return None;
    }
    let pairs = sample.len() / 2;
    let zero_odd = sample.chunks_exact(2).filter(|p| p[1] == 0 && p[0] != 0).count();
    let zero_even = sample.chunks_exact(2).filter(|p| p[0] == 0 && p[1] != 0).count();
    if zero_odd * 10 >= pairs * 7 {
        Some(Endian::Little)
    } else if zero_even * 10 >= pairs * 7 {
        Some(Endian::Big)
    } else {
        None
    }
}

fn utf16(bytes: &[u8], unit: fn([u8; 2]) -> u16) -> String {
    let units = bytes.chunks_exact(2).map(|p| unit([p[0], p[1]]));
    let mut out: String = char::decode_utf16(units).map(|r| r.unwrap_or(char::REPLACEMENT_CHARACTER)).collect();
    if bytes.len() % 2 == 1 {
        out.push(char::REPLACEMENT_CHARACTER);
    }
    out
}

const LF: u16 = 0x0A;
const CR: u16 = 0x0D;

/// Line breaks in a stream of bytes, as the analysis splits lines: `\n`, `\r\n`, a lone `\r`.
#[derive(Debug)]
struct Breaks {
    enc: Encoding,
    /// The first byte of a UTF-16 unit split between two chunks.
    odd: Option<u8>,
    after_cr: bool,
    count: usize,
}

impl Breaks {
    fn unit(&mut self, u: u16) {
        match u {
            LF if self.after_cr => self.after_cr = false,
            LF => self.count += 1,
            CR => {
                self.count += 1;
                self.after_cr = true;
            }
            _ => self.after_cr = false,
        }
    }

    fn feed(&mut self, mut b: &[u8]) {
        if self.enc == Encoding::Utf8 {
            for &c in b {
                self.unit(u16::from(c));
            }
            return;
        }
        if let Some(first) = self.odd.take() {
            let Some((&second, rest)) = b.split_first() else {
                self.odd = Some(first);
                return;
            };
            self.unit(self.enc.at(&[first, second], 0));
            b = rest;
        }
        let pairs = b.chunks_exact(2);
        self.odd = pairs.remainder().first().copied();
        for p in pairs {
            self.unit(self.enc.at(p, 0));
        }
    }
}

/// What was kept of an input too large to analyse whole: its start and its end.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Excerpt {
    /// The decoded start, then the decoded end (`text[..head_len]` and `text[head_len..]`).
    pub text: String,
    pub head_len: usize,
    /// `None`: `text` is the whole input.
    pub cut: Option<Cut>,
}

/// Where an input was cut, in bytes of the input.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Cut {
    pub bytes_total: u64,
    /// Bytes `0..head_bytes` are the start kept (it ends at a line break when there is one).
    pub head_bytes: u64,
    /// The last `tail_bytes` bytes are the end kept (it starts after a line break; 0 when the
    /// end has no line break).
    pub tail_bytes: u64,
    /// The number of the end's first line in the whole input (1-based).
    pub tail_first_line: usize,
}

/// Reads an input of any size in chunks and keeps at most `max_bytes` of it: all of it when it
/// fits, else about half at the start and half at the end (Event Viewer and `Get-WinEvent` list
/// the newest events first, log files last), each cut at a line break, counting the lines left
/// out so that lines keep their numbers. Memory: `max_bytes` plus the decoded text.
#[derive(Debug)]
pub struct Reader {
    max: usize,
    /// The start: everything while it fits, then the first half of `max`.
    head: Vec<u8>,
    /// The last `max - max / 2` bytes once the input does not fit, oldest at `ring_start`.
    ring: Vec<u8>,
    ring_start: usize,
    total: u64,
    /// The encoding: sniffed from the start (bytes), or UTF-8 (text).
    text: bool,
    breaks: Option<Breaks>,
}

impl Reader {
    /// For bytes in any encoding [`decode`] knows.
    pub fn new(max_bytes: usize) -> Reader {
        Reader { max: max_bytes.max(16), head: Vec::new(), ring: Vec::new(), ring_start: 0, total: 0, text: false, breaks: None }
    }

    /// For text already decoded (UTF-8).
    pub fn for_text(max_bytes: usize) -> Reader {
        Reader { text: true, ..Reader::new(max_bytes) }
    }

    pub fn push(&mut self, mut chunk: &[u8]) {
        self.total += chunk.len() as u64;
        if self.breaks.is_none() {
            let room = self.max - self.head.len();
            if chunk.len() <= room {
                self.head.extend_from_slice(chunk);
                return;
            }
            self.head.extend_from_slice(&chunk[..room]);
            chunk = &chunk[room..];
            // It does not fit: keep the first half as the start, the rest begins the end.
            let enc = if self.text { Encoding::Utf8 } else { sniff(&self.head).0 };
            let half = self.max / 2;
            let mut breaks = Breaks { enc, odd: None, after_cr: false, count: 0 };
            breaks.feed(&self.head[..half]);
            self.breaks = Some(breaks);
            self.ring = self.head[half..].to_vec();
            self.head.truncate(half);
            self.head.shrink_to_fit();
        }
        let cap = self.ring.len();
        let Some(breaks) = self.breaks.as_mut() else { return };
        if chunk.len() >= cap {
            // Everything in the ring and the chunk's start fall out.
            breaks.feed(&self.ring[self.ring_start..]);
            breaks.feed(&self.ring[..self.ring_start]);
            let keep = chunk.len() - cap;
            breaks.feed(&chunk[..keep]);
            self.ring.copy_from_slice(&chunk[keep..]);
            self.ring_start = 0;
            return;
        }
        while !chunk.is_empty() {
            let n = chunk.len().min(cap - self.ring_start);
            let at = self.ring_start;
            breaks.feed(&self.ring[at..at + n]);
            self.ring[at..at + n].copy_from_slice(&chunk[..n]);
            self.ring_start = (at + n) % cap;
            chunk = &chunk[n..];
        }
    }

    /// [`not_text`] of the input's start.
    pub fn not_text(&self) -> Option<NotText> {
        not_text(&self.head)
    }

    pub fn finish(self) -> Excerpt {
        let Reader { head, mut ring, ring_start, total, text, breaks, .. } = self;
        let Some(mut breaks) = breaks else {
            let text = if text {
                String::from_utf8(head).unwrap_or_else(|e| String::from_utf8_lossy(e.as_bytes()).into_owned())
            } else {
                decode_owned(head)
            };
            return Excerpt { head_len: text.len(), text, cut: None };
        };
        let enc = breaks.enc;
        let unit = enc.unit();
        let bom = if text { 0 } else { sniff(&head).1 };
        // The start, cut after its last line break (a CR at the very end may be half a CRLF).
        let whole = bom + (head.len() - bom) / unit * unit;
        let mut end = None;
        let mut at = whole;
        while at >= bom + unit {
            at -= unit;
            match enc.at(&head, at) {
                LF => {
                    end = Some(at + unit);
                    break;
                }
                CR if at + unit < whole => {
                    end = Some(at + unit);
                    break;
                }
                _ => {}
            }
        }
        let end = end.unwrap_or_else(|| char_boundary(&head, bom, whole, enc));
        let head_text = decode_as(&head[bom..end], enc);
        // The end: the ring in order, from the first unit boundary, after its first line break.
        ring.rotate_left(ring_start);
        let offset = total - ring.len() as u64;
        let skip = usize::from(unit == 2 && offset % 2 == 1);
        breaks.feed(&ring[..skip.min(ring.len())]);
        let mut start = ring.len();
        let mut i = skip;
        while i + unit <= ring.len() {
            let u = enc.at(&ring, i);
            if u == LF {
                start = i + unit;
                break;
            }
            if u == CR {
                if i + 2 * unit <= ring.len() {
                    start = if enc.at(&ring, i + unit) == LF { i + 2 * unit } else { i + unit };
                }
                break;
            }
            i += unit;
        }
        let start = start.max(skip);
        breaks.feed(&ring[skip..start]);
        let tail_text = decode_as(&ring[start..], enc);
        let head_len = head_text.len();
        let mut text = head_text;
        text.push_str(&tail_text);
        let cut =
            Cut { bytes_total: total, head_bytes: end as u64, tail_bytes: (ring.len() - start) as u64, tail_first_line: breaks.count + 1 };
        Excerpt { text, head_len, cut: Some(cut) }
    }
}

/// The last character boundary at or before `end` (no line break to cut at).
fn char_boundary(b: &[u8], bom: usize, end: usize, enc: Encoding) -> usize {
    match enc {
        Encoding::Utf8 => {
            // The last character's lead byte, and whether all of it is before `end`.
            let mut lead = end;
            while lead > bom && end - lead < 4 {
                lead -= 1;
                if b[lead] & 0xC0 != 0x80 {
                    let len = match b[lead] {
                        0xF0.. => 4,
                        0xE0.. => 3,
                        0xC0.. => 2,
                        _ => 1,
                    };
                    return if lead + len > end { lead } else { end };
                }
            }
            end
        }
        _ if end >= bom + 2 && (0xD800..0xDC00).contains(&enc.at(b, end - 2)) => end - 2,
        _ => end,
    }
}

#[cfg(test)]
mod tests {

    /// An .evtx file gets its own message; text (also UTF-16, also text that mentions the
    /// signature later) does not.
    #[test]
    fn ansi_text_is_windows_1252() {
        // `Domäne: müller-bau.local – “OK”` saved as ANSI (Windows-1252).
        let ansi = b"Dom\xe4ne: m\xfcller-bau.local \x96 \x93OK\x94";
        assert_eq!(decode(ansi), "Domäne: müller-bau.local – “OK”");
        assert_eq!(decode_owned(ansi.to_vec()), "Domäne: müller-bau.local – “OK”");
        // UTF-8 with one broken byte stays UTF-8 (replacement for the broken byte only).
        assert_eq!(
            decode("Domäne \u{2013} ".as_bytes().iter().copied().chain([0xff]).collect::<Vec<u8>>().as_slice()),
            "Domäne \u{2013} \u{fffd}"
        );
        assert_eq!(decode(b"plain"), "plain");
    }

    #[test]
    fn binary_event_logs_are_not_text() {
        let mut evtx = b"ElfFile\0".to_vec();
        evtx.extend_from_slice(&[0, 0, 0, 0, 1, 0, 0x80, 0, 0xff, 0xfe]);
        assert_eq!(not_text(&evtx), Some(NotText::Evtx));
        assert!(NotText::Evtx.message().contains("Save Selected Events"));
        assert!(NotText::Evtx.message().contains("Format-List"));
        assert!(!NotText::Evtx.message().contains('\n'));
        assert_eq!(not_text(b"ElfFile"), None);
        assert_eq!(not_text(b"Log Name: Application\nElfFile\0"), None);
        assert_eq!(not_text(&[0xff, 0xfe, b'E', 0, b'l', 0]), None);
        assert_eq!(not_text(b""), None);
        let mut r = Reader::new(64);
        r.push(&evtx[..3]);
        r.push(&evtx[3..]);
        r.push(&[0u8; 200]);
        assert_eq!(r.not_text(), Some(NotText::Evtx));
    }
    use super::*;

    fn utf16le(s: &str, bom: bool) -> Vec<u8> {
        let mut v = if bom { vec![0xFF, 0xFE] } else { vec![] };
        v.extend(s.encode_utf16().flat_map(u16::to_le_bytes));
        v
    }

    #[test]
    fn decodes_what_windows_writes() {
        let text = "Log Name:      Application\r\nEvent ID:      611\r\nÜmlaut";
        assert_eq!(decode(text.as_bytes()), text);
        assert_eq!(decode(&[&[0xEF, 0xBB, 0xBF][..], text.as_bytes()].concat()), text);
        assert_eq!(decode(&utf16le(text, true)), text);
        assert_eq!(decode(&utf16le(text, false)), text);
        let be: Vec<u8> = [0xFE, 0xFF].into_iter().chain(text.encode_utf16().flat_map(u16::to_be_bytes)).collect();
        assert_eq!(decode(&be), text);
    }

    #[test]
    fn never_fails_on_junk() {
        assert_eq!(decode(&[0xFF, 0xFE, 0x00]), "\u{FFFD}");
        assert_eq!(decode(&[0xC3]), "\u{FFFD}");
        assert_eq!(decode(&[]), "");
        let junk: Vec<u8> = (0..=255u8).cycle().take(10_000).collect();
        let _ = decode(&junk);
        // Lone surrogates in UTF-16 become replacement characters.
        assert_eq!(decode(&[0xFF, 0xFE, 0x00, 0xD8, 0x41, 0x00]), "\u{FFFD}A");
    }

    /// The whole input read through a [`Reader`] in chunks of `chunk` bytes.
    fn read(bytes: &[u8], max: usize, chunk: usize) -> Excerpt {
        let mut r = Reader::new(max);
        for c in bytes.chunks(chunk.max(1)) {
            r.push(c);
        }
        r.finish()
    }

    /// Lines as the analysis splits them, numbered.
    fn numbered(text: &str) -> Vec<(usize, &str)> {
        let mut out = Vec::new();
        for (i, l) in text.split("\r\n").flat_map(|l| l.split(['\r', '\n'])).enumerate() {
            out.push((i + 1, l));
        }
        if text.ends_with(['\r', '\n']) {
            out.pop();
        }
        out
    }

    #[test]
    fn a_small_input_is_read_whole() {
        let ex = read(b"Event ID: 611\n", 1024, 3);
        assert_eq!((ex.text.as_str(), ex.head_len, ex.cut), ("Event ID: 611\n", 14, None));
        assert_eq!(read(&utf16le("a\nb", true), 1024, 1).text, "a\nb");
    }

    #[test]
    fn a_large_input_keeps_its_start_and_its_end_with_line_numbers() {
        let lines: Vec<String> = (1..=500).map(|i| format!("line {i}")).collect();
        for sep in ["\n", "\r\n", "\r"] {
            let text = lines.join(sep) + sep;
            for (bytes, unit) in [(text.as_bytes().to_vec(), 1), (utf16le(&text, true), 2), (utf16le(&text, false), 2)] {
                for chunk in [1, 7, 4096, usize::MAX] {
                    let ex = read(&bytes, 1000, chunk);
                    let cut = ex.cut.unwrap_or_else(|| panic!("{sep:?} not cut"));
                    assert_eq!(cut.bytes_total, bytes.len() as u64);
                    assert!(cut.head_bytes + cut.tail_bytes <= 1000 && cut.head_bytes > 400 && cut.tail_bytes > 400, "{cut:?}");
                    let (head, tail) = ex.text.split_at(ex.head_len);
                    // The start is whole lines from the first; the end whole lines to the last,
                    // numbered as in the whole input.
                    let h = numbered(head);
                    assert_eq!(h.last().map(|(n, l)| (*n, l.to_string())), Some((h.len(), format!("line {}", h.len()))), "{sep:?} {unit}");
                    assert!(head.ends_with(sep));
                    for (i, (_, l)) in numbered(tail).iter().enumerate() {
                        assert_eq!(*l, format!("line {}", cut.tail_first_line + i), "{sep:?} unit {unit} chunk {chunk}");
                    }
                    assert!(tail.ends_with(&("line 500".to_string() + sep)) && !tail.starts_with(sep));
                    assert_eq!(cut.head_bytes as usize, bytes.len().min(head.len() * unit + if bytes[0] == 0xFF { 2 } else { 0 }));
                }
            }
        }
    }

    #[test]
    fn an_input_without_line_breaks_is_cut_on_a_character_boundary() {
        let text = "é".repeat(2000);
        let ex = read(text.as_bytes(), 1001, 5);
        assert!(ex.text.chars().all(|c| c == 'é'), "{:?}", &ex.text[..10]);
        let cut = ex.cut.unwrap();
        assert_eq!((cut.head_bytes, cut.tail_bytes, cut.tail_first_line), (500, 0, 1));
        // Text read as UTF-8, never sniffed.
        let mut r = Reader::for_text(100);
        r.push("a\0b\0c\0\n".repeat(40).as_bytes());
        let ex = r.finish();
        assert!(ex.text.starts_with("a\0b\0c\0\n") && ex.cut.is_some());
    }
}
