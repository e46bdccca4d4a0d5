//! From pasted text to logical lines: line endings, UTF-16 read as bytes, junk, decoration,
//! PowerShell prompts, and lines wrapped by the console.

use std::borrow::Cow;

pub(crate) use crate::bytes::trim;
use crate::bytes::{any_control, char_classes, odd_alnum_colon};

/// What a physical line is, before any recogniser looks at it.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Shape {
    Blank,
    /// Binary or control characters: ignored, not reported as unparsed.
    Junk,
    /// Rules and frames such as `-----` or `=====`: ignored.
    Decoration,
    Text,
}

/// One logical line: physical lines `first..=last` (1-based) joined when the console wrapped.
#[derive(Debug)]
pub(crate) struct Logical<'a> {
    pub first: usize,
    pub last: usize,
    /// Trimmed text.
    pub text: Cow<'a, str>,
    /// The first physical line started with whitespace (a continuation in list output).
    pub indented: bool,
    pub shape: Shape,
    /// The text may have a colon (a `:`, or a character that is not ASCII such as `：`), as the
    /// shape's pass says: the parsers of `Key: value` lines are asked only then.
    pub colon: bool,
}

/// The text being analysed. What the recognisers keep is a slice of it where it can be
/// (`cow` borrows any slice that lies inside it, and copies anything else: joined console
/// wraps, CSV rows, texts built from several lines).
#[derive(Clone, Copy, Debug)]
pub(crate) struct Src<'a>(pub &'a str);

impl<'a> Src<'a> {
    /// `s` as part of the paste, borrowed when it is a slice of it.
    #[inline]
    pub fn cow(self, s: &str) -> Cow<'a, str> {
        let base = self.0;
        let off = (s.as_ptr() as usize).wrapping_sub(base.as_ptr() as usize);
        if off <= base.len() && s.len() <= base.len() - off {
            // Both ends are character boundaries of `s`, so of the paste it lies in.
            if let Some(b) = base.get(off..off + s.len()) {
                return Cow::Borrowed(b);
            }
        }
        Cow::Owned(s.to_string())
    }
}

/// Removes the NULs of UTF-16 text that was read as bytes, a leading byte-order mark, and a
/// terminal's colour and title sequences ([`strip_terminal`]); makes what a web page or a chat
/// put in plain text plain again ([`invisible`]).
pub(crate) fn normalise(text: &str) -> Cow<'_, str> {
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    let sample = &text.as_bytes()[..text.len().min(4096)];
    let nuls = sample.iter().filter(|&&b| b == 0).count();
    let text: Cow<'_, str> = if nuls * 4 > sample.len() && nuls > 0 {
        Cow::Owned(text.chars().filter(|&c| c != '\0' && c != '\u{feff}').collect())
    } else {
        Cow::Borrowed(text)
    };
    let text = if !text.is_ascii() && text.contains(invisible) { Cow::Owned(text.chars().filter_map(plain).collect()) } else { text };
    if !text.as_bytes().contains(&ESC) {
        return text;
    }
    Cow::Owned(strip_terminal(&text))
}

const ESC: u8 = 0x1b;

/// A character that copies from web pages, mail and chats add to plain text: zero-width spaces
/// and joiners, a byte-order mark inside the text, no-break spaces, full-width digits.
fn invisible(c: char) -> bool {
    matches!(c, '\u{200b}'..='\u{200d}' | '\u{2060}' | '\u{feff}' | '\u{a0}' | '\u{202f}' | '\u{ff10}'..='\u{ff19}')
}

/// `c` as plain text: the zero-width ones dropped, a no-break space a space, a full-width digit
/// its ASCII digit (`６１１` is event 611).
fn plain(c: char) -> Option<char> {
    match c {
        '\u{200b}'..='\u{200d}' | '\u{2060}' | '\u{feff}' => None,
        '\u{a0}' | '\u{202f}' => Some(' '),
        '\u{ff10}'..='\u{ff19}' => char::from_u32(c as u32 - 0xff10 + u32::from(b'0')),
        _ => Some(c),
    }
}

/// `text` without the escape sequences a console transcript keeps (`ESC[32;1m` colours, `ESC]0;
/// title BEL` window titles), so that `ESC[32mEnabled ESC[0m: ESC[31;1mFalseESC[0m` reads as
/// `Enabled : False` did on the screen. A sequence never runs past its line; a lone `ESC` is
/// taken out.
pub(crate) fn strip_terminal(text: &str) -> String {
    let b = text.as_bytes();
    let mut out = String::with_capacity(text.len());
    let mut from = 0;
    let mut i = 0;
    while let Some(j) = b[i..].iter().position(|&c| c == ESC).map(|j| i + j) {
        out.push_str(&text[from..j]);
        let mut k = j + 1;
        match b.get(k) {
            // CSI: parameter bytes, intermediate bytes, one final byte.
            Some(b'[') => {
                k += 1;
                while k < b.len() && (0x20..=0x3f).contains(&b[k]) {
                    k += 1;
                }
                if k < b.len() && (0x40..=0x7e).contains(&b[k]) {
                    k += 1;
                }
            }
            // OSC: up to BEL or ESC and a backslash, within the line.
            Some(b']') => {
                k += 1;
                while k < b.len() && b[k] != 0x07 && b[k] != b'\n' && b[k] != b'\r' && !(b[k] == ESC && b.get(k + 1) == Some(&b'\\')) {
                    k += 1;
                }
                if k < b.len() && b[k] == 0x07 {
                    k += 1;
                } else if k < b.len() && b[k] == ESC {
                    k += 2;
                }
            }
            _ => {}
        }
        // A CR and an LF that a sequence kept apart stay two line breaks.
        if out.ends_with('\r') && b.get(k) == Some(&b'\n') {
            out.push(' ');
        }
        // Every byte skipped is ASCII or ends before one: `k` is a character boundary.
        from = k;
        i = k;
    }
    out.push_str(&text[from..]);
    // A last line of nothing but sequences stays a line (blank), so the lines keep their count.
    if out.ends_with(['\n', '\r']) && !text.ends_with(['\n', '\r']) {
        out.push(' ');
    }
    out
}

pub(crate) fn shape(line: &str) -> Shape {
    shape_trimmed(trim(line)).0
}

/// The shape of `line` and whether it may have a colon (see [`Logical::colon`]).
pub(crate) fn shape_colon(line: &str) -> (Shape, bool) {
    shape_trimmed(trim(line))
}

fn shape_trimmed(t: &str) -> (Shape, bool) {
    if t.is_empty() {
        return (Shape::Blank, false);
    }
    let b = t.as_bytes();
    // One pass, 8 bytes at a time: any byte that is not printable ASCII or tab, any letter or
    // digit, any colon.
    let (odd, any_alnum, colon) = odd_alnum_colon(b);
    if !odd {
        return (if any_alnum { Shape::Text } else { Shape::Decoration }, colon);
    }
    // Not ASCII, but no control character and an ASCII letter or digit: text (as `classify`
    // says for no control and any alphanumeric), without counting its characters.
    if any_alnum && !any_control(t) {
        return (Shape::Text, colon);
    }
    let (control, alnum, total) = char_classes(t);
    (classify(control, alnum, total), colon)
}

fn classify(control: usize, alnum: usize, total: usize) -> Shape {
    if control * 10 > total || (control > 0 && alnum * 2 < total) {
        return Shape::Junk;
    }
    if alnum == 0 {
        // `-----`, `=====`, `*****`, `+----+`: frames and rules.
        return Shape::Decoration;
    }
    Shape::Text
}

/// Splits into physical lines. A line ends at `\n`, `\r\n` or a lone `\r` (classic Mac OS
/// files and some exports use CR alone); what follows the last line break is not a line when
/// it is empty.
pub(crate) fn physical(text: &str) -> Vec<&str> {
    crate::bytes::split_lines(text)
}

/// `line` without the quote marks an e-mail reply or a Markdown quote puts before it
/// (`> `, `>> `, `> > `, PowerShell's continuation prompt `>> `): the quoted text is read as
/// it was written. A line whose first non-blank byte is not `>` is returned as it is.
pub(crate) fn unquote(line: &str) -> &str {
    let b = line.as_bytes();
    let mut i = 0;
    while i < b.len() && (b[i] == b' ' || b[i] == b'\t') {
        i += 1;
    }
    if b.get(i) != Some(&b'>') {
        return line;
    }
    loop {
        while i < b.len() && b[i] == b'>' {
            i += 1;
        }
        // `> > text`: another mark after one space.
        if b.get(i) == Some(&b' ') && b.get(i + 1) == Some(&b'>') {
            i += 1;
            continue;
        }
        break;
    }
    if b.get(i) == Some(&b' ') {
        i += 1;
    }
    &line[i..]
}

/// The lines of `text` as [`physical`] splits them, lazily: `(start, end)` byte offsets.
pub(crate) fn line_spans(text: &str) -> impl Iterator<Item = (usize, usize)> + '_ {
    let b = text.as_bytes();
    let mut start = 0;
    std::iter::from_fn(move || {
        if start > b.len() || (start == b.len() && start > 0 && text.ends_with(['\n', '\r'])) {
            return None;
        }
        let from = start;
        match b[from..].iter().position(|&c| matches!(c, b'\n' | b'\r')) {
            Some(i) => {
                let at = from + i;
                start = at + 1 + usize::from(b[at] == b'\r' && b.get(at + 1) == Some(&b'\n'));
                Some((from, at))
            }
            None => {
                start = b.len() + 1;
                Some((from, b.len()))
            }
        }
    })
}

/// The console width, when the paste looks wrapped by a console: several lines share the
/// greatest length (at least 80 characters) and most of them break inside a word.
pub(crate) fn wrap_width(lines: &[&str]) -> Option<usize> {
    let mut max = 0usize;
    let mut count = 0usize;
    for l in lines {
        if l.len() < 80 {
            continue;
        }
        let n = l.chars().count();
        if n > max {
            max = n;
            count = 1;
        } else if n == max {
            count += 1;
        }
    }
    if max < 80 || count < 2 {
        return None;
    }
    let mut mid_word = 0usize;
    let mut ends = 0usize;
    for (i, l) in lines.iter().enumerate() {
        if l.len() < max || l.chars().count() != max {
            continue;
        }
        let Some(next) = lines.get(i + 1) else { continue };
        ends += 1;
        let last = l.chars().last().unwrap_or(' ');
        let first = next.chars().next().unwrap_or(' ');
        // (Rows of a grid whose columns line up are as long as each other, not wrapped:
        // `cloudFiltered             Boolean   true        corp.fabrikam.com`.)
        if last.is_alphanumeric() && first.is_alphanumeric() && !columns_line_up(l, next) {
            mid_word += 1;
        }
    }
    (ends >= 2 && mid_word * 2 >= ends).then_some(max)
}

/// Whether two lines have at least two columns starting at the same places (after a run of
/// two or more spaces): rows of one table.
fn columns_line_up(a: &str, b: &str) -> bool {
    let starts = |s: &str| -> Vec<usize> {
        let bytes = s.as_bytes();
        (2..bytes.len()).filter(|&i| bytes[i] != b' ' && bytes[i - 1] == b' ' && bytes[i - 2] == b' ').take(16).collect()
    };
    let (x, y) = (starts(a), starts(b));
    x.iter().filter(|i| y.contains(i)).count() >= 2
}

/// Longest run of physical lines joined into one logical line.
const MAX_JOIN: usize = 64;

/// Logical lines, produced one at a time (no copy of the paste is kept).
pub(crate) struct LogicalLines<'a, 'b> {
    lines: &'b [&'a str],
    width: Option<usize>,
    i: usize,
    /// The index of the first line of the end of a cut input: no wrap is joined across it.
    split: usize,
}

#[cfg(test)]
pub(crate) fn logical<'a, 'b>(lines: &'b [&'a str]) -> LogicalLines<'a, 'b> {
    logical_split(lines, usize::MAX)
}

/// Logical lines of `lines`, none joined across index `split`.
pub(crate) fn logical_split<'a, 'b>(lines: &'b [&'a str], split: usize) -> LogicalLines<'a, 'b> {
    LogicalLines { lines, width: wrap_width(lines), i: 0, split }
}

impl<'a> Iterator for LogicalLines<'a, '_> {
    type Item = Logical<'a>;

    fn next(&mut self) -> Option<Logical<'a>> {
        let lines = self.lines;
        let i = self.i;
        let raw = *lines.get(i)?;
        let width = self.width;
        let wrapped = |l: &str| width.is_some_and(|w| l.len() >= w && l.chars().count() == w);
        if wrapped(raw) && i + 1 < lines.len() && i + 1 != self.split && !lines[i + 1].trim().is_empty() {
            let first = i;
            let mut j = i;
            let mut joined = String::from(raw);
            while j + 1 < lines.len() && j + 1 != self.split && j - first < MAX_JOIN && wrapped(lines[j]) && !lines[j + 1].trim().is_empty()
            {
                j += 1;
                joined.push_str(lines[j]);
            }
            self.i = j + 1;
            let (shape, colon) = shape_colon(&joined);
            return Some(Logical {
                first: first + 1,
                last: j + 1,
                indented: starts_blank(raw),
                text: Cow::Owned(trim(&joined).to_string()),
                shape,
                colon,
            });
        }
        self.i = i + 1;
        let t = trim(raw);
        let (shape, colon) = shape_trimmed(t);
        Some(Logical { first: i + 1, last: i + 1, indented: starts_blank(raw), text: Cow::Borrowed(t), shape, colon })
    }
}

fn starts_blank(s: &str) -> bool {
    matches!(s.as_bytes().first(), Some(b' ' | b'\t'))
}

/// `PS C:\Users\admin> Invoke-ADSyncDiagnostics -PasswordSync` → the command after the prompt.
pub(crate) fn prompt_command(text: &str) -> Option<&str> {
    let rest = text.strip_prefix("PS ")?;
    let gt = rest.find('>')?;
    let location = &rest[..gt];
    if gt > 260 || !(location.contains(':') || location.contains('\\')) {
        return None;
    }
    Some(rest[gt + 1..].trim())
}

/// `C:\Users\admin>net start ADSync` (cmd.exe's prompt) → the command after the prompt.
pub(crate) fn cmd_prompt_command(text: &str) -> Option<&str> {
    let b = text.as_bytes();
    if b.len() < 4 || !b[0].is_ascii_alphabetic() || b[1] != b':' || b[2] != b'\\' {
        return None;
    }
    let gt = text.find('>').filter(|&g| g <= 260)?;
    // (What comes before `>` is a path: none of the characters a path can't have.)
    if text[..gt].contains(['<', '|', '"', '*', '?']) {
        return None;
    }
    let cmd = text[gt + 1..].trim();
    (!cmd.is_empty()).then_some(cmd)
}

/// A line of a PowerShell script that prints a text of its own (`Write-Host "AADConnect is in
/// Staging Mode"`): the script's words, not what a server printed. A script pasted beside its
/// output would otherwise be read as that output.
pub(crate) fn writes_text(text: &str) -> bool {
    const CMDLETS: [&str; 8] =
        ["write-host", "write-output", "write-warning", "write-verbose", "write-error", "write-information", "write-debug", "echo"];
    let t = text.trim_start();
    let Some(rest) = CMDLETS.iter().find_map(|c| t.get(..c.len()).filter(|h| h.eq_ignore_ascii_case(c)).map(|_| &t[c.len()..])) else {
        return false;
    };
    // The command's argument: a string, a variable or an expression (`-ForegroundColor` too).
    let arg = rest.trim_start();
    rest.starts_with([' ', '\t']) && arg.starts_with(['"', '\'', '$', '(', '-', '\u{201c}', '\u{2018}'])
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn invisible_characters_are_made_plain() {
        assert_eq!(normalise("Source:\u{200b} Directory\u{a0}Synchronization"), "Source: Directory Synchronization");
        assert_eq!(normalise("Event ID: \u{ff16}\u{ff11}\u{ff11}"), "Event ID: 611");
        assert_eq!(normalise("\u{feff}a\u{feff}b"), "ab");
        assert!(matches!(normalise("plain ASCII"), Cow::Borrowed(_)));
        assert!(matches!(normalise("Ereignis-ID: 611 – Größe"), Cow::Borrowed(_)));
    }

    #[test]
    fn script_lines_that_print_text() {
        assert!(writes_text("Write-Host \"AADConnect is in Staging Mode\""));
        assert!(writes_text("    write-output 'Password Hash Synchronization cloud configuration is enabled'"));
        assert!(writes_text("Write-Warning $msg"));
        assert!(writes_text("Write-Host -ForegroundColor Red \"Staging mode is enabled\""));
        // What a server printed, and prose that names the cmdlet.
        assert!(!writes_text("Password Hash Synchronization is enabled"));
        assert!(!writes_text("Write-Host prints the staging state"));
        assert!(!writes_text("Write-HostX \"a\""));
        assert!(!writes_text("echoed \"x\""));
    }

    #[test]
    fn shapes() {
        assert_eq!(shape("   "), Shape::Blank);
        assert_eq!(shape("-----  ----"), Shape::Decoration);
        assert_eq!(shape("\u{1}\u{2}\u{3}ab"), Shape::Junk);
        assert_eq!(shape("Kennwort-Hash-Synchronisierung ist aktiviert"), Shape::Text);
        assert_eq!(shape("Événement 611"), Shape::Text);
    }

    proptest::proptest! {
        /// The shape's quick paths (ASCII, no control character) say what counting every
        /// character says.
        #[test]
        fn shapes_as_counted(s in "[a1 :\t\u{1}\u{7f}\u{85}\u{a0}\u{fffd}\u{e9}\u{4e2d}\u{ff1a}=-]{0,24}") {
            let t = trim(&s);
            let (control, alnum, total) = char_classes(t);
            let counted = if t.is_empty() { Shape::Blank } else { classify(control, alnum, total) };
            proptest::prop_assert_eq!(shape(&s), counted);
            // The colon prefilter: a `:` or a byte that is not ASCII.
            let colon = t.bytes().any(|b| b == b':' || b >= 0x80);
            proptest::prop_assert_eq!(shape_colon(&s), (counted, colon));
        }
    }

    #[test]
    fn utf16_as_bytes_is_repaired() {
        assert_eq!(normalise("\u{feff}P\0S\0 \0"), "PS ");
        assert_eq!(normalise("plain"), "plain");
    }

    #[test]
    fn terminal_sequences_are_taken_out() {
        assert_eq!(normalise("\x1b[32mEnabled        \x1b[0m : \x1b[31;1mFalse\x1b[0m"), "Enabled         : False");
        assert_eq!(normalise("\x1b]0;Administrator: Windows PowerShell\x07PS C:\\>"), "PS C:\\>");
        assert_eq!(normalise("\x1b]0;title\x1b\\x"), "x");
        // Never past the line, never into a character, nothing left behind.
        assert_eq!(normalise("a\x1b]0;never ended\nb"), "a\nb");
        assert_eq!(normalise("\x1b[1;é"), "é");
        assert_eq!(normalise("lone \x1b"), "lone ");
        assert_eq!(normalise("\x1b[38;5;196m赤\x1b[m"), "赤");
    }

    proptest::proptest! {
        #[test]
        fn stripping_never_fails_and_leaves_no_escape(s in "(\\PC|\x1b|\\[|\\]|;|\x07|\n|\r){0,40}") {
            let t = strip_terminal(&s);
            proptest::prop_assert!(!t.contains('\x1b'));
            let breaks = |x: &str| x.bytes().filter(|&c| c == b'\n' || c == b'\r').count();
            proptest::prop_assert_eq!(breaks(&t), breaks(&s));
            proptest::prop_assert_eq!(t.ends_with(['\n', '\r']), s.ends_with(['\n', '\r']));
            proptest::prop_assert_eq!(t.matches("\r\n").count(), s.matches("\r\n").count());
        }
    }

    #[test]
    fn physical_lines_are_split_lines() {
        let texts = [
            "",
            "a",
            "a\n",
            "a\r\nb",
            "\n\r",
            "\n\n",
            "0123456789abcdef\n0123456\r\n\n",
            "x\ny\nz\n\n\n12345678\n",
            "a\rb",
            "a\r",
            "\r",
            "\r\r\n\n",
            "Event ID: 611\rRPC Error 8453\r",
            "0123456\r\n0123456\r\r\n",
            "abcdefg\r\nh",
        ];
        for text in texts {
            // CRLF is one break, CR and LF alone are one each.
            let mut expected: Vec<&str> = text.split("\r\n").flat_map(|l| l.split(['\r', '\n'])).collect();
            if text.ends_with(['\n', '\r']) {
                expected.pop();
            }
            assert_eq!(physical(text), expected, "{text:?}");
            let spans: Vec<&str> = line_spans(text).map(|(a, b)| &text[a..b]).collect();
            assert_eq!(spans, expected, "{text:?}");
        }
        assert_eq!(physical("Event ID: 611\rRPC Error 8453\r"), ["Event ID: 611", "RPC Error 8453"]);
    }

    #[test]
    fn quotes() {
        assert_eq!(unquote("> Event ID:      611"), "Event ID:      611");
        assert_eq!(unquote(">> Event ID: 611"), "Event ID: 611");
        assert_eq!(unquote("> > >   Level: Error"), "  Level: Error", "the indent after the marks stays");
        assert_eq!(unquote("  > quoted"), "quoted");
        assert_eq!(unquote(">"), "");
        assert_eq!(unquote("> >--- Microsoft.Online"), "--- Microsoft.Online");
        assert_eq!(unquote("PS C:\\> Get-ADSyncScheduler"), "PS C:\\> Get-ADSyncScheduler");
        assert_eq!(unquote("Event ID: 611"), "Event ID: 611");
        assert_eq!(unquote(""), "");
    }

    #[test]
    fn slices_of_the_paste_are_borrowed() {
        let paste = String::from("abc déf");
        let src = Src(&paste);
        assert!(matches!(src.cow(&paste[4..]), Cow::Borrowed("déf")));
        assert!(matches!(src.cow(&paste[paste.len()..]), Cow::Borrowed("")));
        let other = String::from("déf");
        assert!(matches!(src.cow(&other), Cow::Owned(ref s) if s == "déf"));
        assert!(matches!(src.cow("literal"), Cow::Owned(_)));
    }

    #[test]
    fn prompts() {
        assert_eq!(prompt_command(r"PS C:\Windows\system32> Import-Module ADSyncDiagnostics"), Some("Import-Module ADSyncDiagnostics"));
        assert_eq!(prompt_command("PS> x"), None);
        assert_eq!(prompt_command("PS is not a prompt > here"), None);
    }

    #[test]
    fn console_wrap_is_joined() {
        let a = "Password Hash Synchronization failed for domain contoso.com because RPC Er";
        let a = format!("{a}{}", "x".repeat(100 - a.len()));
        let b = format!("{}yz", "y".repeat(98));
        assert_eq!(a.len(), 100);
        assert_eq!(b.len(), 100);
        let lines = vec![a.as_str(), "ror 8453 : Replication access was denied.", b.as_str(), "tail", "short"];
        assert_eq!(wrap_width(&lines), Some(100));
        let l: Vec<Logical<'_>> = logical(&lines).collect();
        assert_eq!(l.len(), 3);
        assert_eq!((l[0].first, l[0].last), (1, 2));
        assert!(l[0].text.contains("xror 8453"));
        assert_eq!((l[1].first, l[1].last), (3, 4));
        assert_eq!((l[2].first, l[2].last), (5, 5));
        // Equal long lines that end sentences are not a console wrap.
        let s = format!("{}.", "a".repeat(99));
        assert_eq!(wrap_width(&[s.as_str(), "Next", s.as_str(), "Next"]), None);
    }
}
