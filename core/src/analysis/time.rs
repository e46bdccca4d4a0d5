//! Timestamps as pasted: en-US `3/2/2017 4:31:09 AM`, ISO `2017-03-02T04:31:09.0000000Z`,
//! `02.03.2017 04:31:09`, and `Get-EventLog`'s table form `Mar 02 04:31` (no year).
//!
//! Times are compared as pasted: the status script prints local time and event XML prints UTC,
//! so mixing the two can be off by the server's UTC offset.

use std::fmt;

/// A civil date and time. `year` is 0 when the text had none (`Get-EventLog` tables).
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Timestamp {
    pub year: u16,
    pub month: u8,
    pub day: u8,
    pub hour: u8,
    pub minute: u8,
    pub second: u8,
    /// Written as UTC (`…Z`, `(UTC)`); else the server's local time, whatever its zone.
    pub utc: bool,
}

impl Timestamp {
    /// Seconds since 0000-03-01 (proleptic Gregorian), for differences.
    pub fn seconds(&self) -> i64 {
        let (y, m) = if self.month <= 2 {
            (i64::from(self.year) - 1, i64::from(self.month) + 9)
        } else {
            (i64::from(self.year), i64::from(self.month) - 3)
        };
        let era = y.div_euclid(400);
        let yoe = y - era * 400;
        let doy = (153 * m + 2) / 5 + i64::from(self.day) - 1;
        let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
        let days = era * 146_097 + doe;
        days * 86_400 + i64::from(self.hour) * 3600 + i64::from(self.minute) * 60 + i64::from(self.second)
    }

    fn valid(&self) -> bool {
        (1..=12).contains(&self.month) && (1..=31).contains(&self.day) && self.hour < 24 && self.minute < 60 && self.second < 61
    }
}

impl Timestamp {
    /// `2017-03-02 04:31:09` (`03-02 04:31:09` without a year), written without `fmt`.
    pub fn text(&self) -> String {
        let mut b = Vec::with_capacity(19);
        let two = |b: &mut Vec<u8>, v: u8| {
            b.push(b'0' + v / 10 % 10);
            b.push(b'0' + v % 10);
        };
        if self.year != 0 {
            let y = self.year;
            b.extend_from_slice(&[
                b'0' + (y / 1000 % 10) as u8,
                b'0' + (y / 100 % 10) as u8,
                b'0' + (y / 10 % 10) as u8,
                b'0' + (y % 10) as u8,
                b'-',
            ]);
        }
        two(&mut b, self.month);
        b.push(b'-');
        two(&mut b, self.day);
        b.push(b' ');
        two(&mut b, self.hour);
        b.push(b':');
        two(&mut b, self.minute);
        b.push(b':');
        two(&mut b, self.second);
        String::from_utf8(b).unwrap_or_default()
    }
}

impl fmt::Display for Timestamp {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.text())
    }
}

struct Cursor<'a> {
    b: &'a [u8],
    i: usize,
}

impl Cursor<'_> {
    fn num(&mut self, max_digits: usize) -> Option<u32> {
        let start = self.i;
        let mut v: u32 = 0;
        while self.i < self.b.len() && self.i - start < max_digits && self.b[self.i].is_ascii_digit() {
            v = v * 10 + u32::from(self.b[self.i] - b'0');
            self.i += 1;
        }
        (self.i > start).then_some(v)
    }
    fn eat(&mut self, c: u8) -> bool {
        if self.b.get(self.i) == Some(&c) {
            self.i += 1;
            true
        } else {
            false
        }
    }
    fn spaces(&mut self) -> usize {
        let s = self.i;
        while self.i < self.b.len() && (self.b[self.i] == b' ' || self.b[self.i] == b'\t') {
            self.i += 1;
        }
        self.i - s
    }
    fn digit_next(&self) -> bool {
        self.b.get(self.i).is_some_and(u8::is_ascii_digit)
    }
}

const MONTHS: [&str; 12] = ["jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"];

thread_local! {
    /// The paste's dates are written day first (see [`paste_day_first`]), while it is analysed.
    static DAY_FIRST: std::cell::Cell<bool> = const { std::cell::Cell::new(false) };
    /// The year of the paste's dated times, for `Get-EventLog`'s `Dec 03 10:31` (no year): 0
    /// when unknown.
    static PASTE_YEAR: std::cell::Cell<u16> = const { std::cell::Cell::new(0) };
}

/// Runs `f` with `Dec 03 10:31` read as in `year` (0: no year).
pub(crate) fn with_paste_year<R>(year: u16, f: impl FnOnce() -> R) -> R {
    let before = PASTE_YEAR.with(|y| y.replace(year));
    let r = f();
    PASTE_YEAR.with(|y| y.set(before));
    r
}

/// The newest year (2000-2099) of a date written with it in the paste (`12/3/2026`,
/// `2026-12-03`, `03.12.2026`), when the paste has `Get-EventLog`'s table, whose times have no
/// year (`Dec 03 10:31`, printed in the year the other outputs beside it show); else 0.
pub(crate) fn paste_year(text: &str) -> u16 {
    if !(crate::bytes::find(text, "EntryType").is_some() || crate::bytes::find(text, "TimeGenerated").is_some()) {
        return 0;
    }
    let b = text.as_bytes();
    let date_sep = |c: Option<&u8>| matches!(c, Some(b'/' | b'-' | b'.'));
    let mut best = 0u16;
    let mut from = 0;
    while let Some(i) = crate::bytes::find(&text[from..], "20").map(|i| from + i) {
        from = i + 2;
        let Some(d) = b.get(i..i + 4) else { break };
        if !d.iter().all(u8::is_ascii_digit) || b.get(i + 4).is_some_and(u8::is_ascii_digit) || (i > 0 && b[i - 1].is_ascii_digit()) {
            continue;
        }
        // A year next to a date's separator: before it (`12/3/2026`) or after it (`2026-12-03`).
        let (before, after) = (i.checked_sub(1).and_then(|j| b.get(j)), b.get(i + 4));
        // (Between two dots it is a build's part: `1.0.2030.5`.)
        if !(date_sep(before) || date_sep(after)) || (before == Some(&b'.') && after == Some(&b'.')) {
            continue;
        }
        let y = d.iter().fold(0u16, |n, c| n * 10 + u16::from(c - b'0'));
        best = best.max(y);
    }
    best
}

/// Runs `f` with `02/03/2017` read as 2 March (`day_first`) or as February 3.
pub(crate) fn with_date_order<R>(day_first: bool, f: impl FnOnce() -> R) -> R {
    let before = DAY_FIRST.with(|d| d.replace(day_first));
    let r = f();
    DAY_FIRST.with(|d| d.set(before));
    r
}

/// Whether the paste writes its `a/b/yyyy` dates day first: some date has a first number over
/// 12 (`13/03/2026`) and none a second number over 12 (`3/13/2026`). A status script on a
/// French server prints its heartbeat's time so, with nothing else to say which way it is.
pub(crate) fn paste_day_first(text: &str) -> bool {
    let b = text.as_bytes();
    let (mut day, mut month) = (0usize, 0usize);
    let num = |from: usize, to: usize| -> Option<u32> {
        let d = b.get(from..to)?;
        (!d.is_empty() && d.len() <= 2 && d.iter().all(u8::is_ascii_digit)).then(|| d.iter().fold(0, |n, c| n * 10 + u32::from(c - b'0')))
    };
    for i in (0..b.len()).filter(|&i| b[i] == b'/') {
        // `a/b/yyyy` with this `/` the first: a is the 1–2 digits before it.
        let start = (i.saturating_sub(2)..i).find(|&j| b[j..i].iter().all(u8::is_ascii_digit)).unwrap_or(i);
        if start == i || (start > 0 && (b[start - 1].is_ascii_alphanumeric() || b[start - 1] == b'/')) {
            continue;
        }
        let Some(second_end) = (i + 2..=i + 3).find(|&j| b.get(j) == Some(&b'/')) else { continue };
        let year = b.get(second_end + 1..second_end + 5);
        if !year.is_some_and(|y| y.iter().all(u8::is_ascii_digit)) || b.get(second_end + 5).is_some_and(u8::is_ascii_digit) {
            continue;
        }
        match (num(start, i), num(i + 1, second_end)) {
            (Some(a), Some(m)) if a > 12 && a <= 31 && (1..=12).contains(&m) => day += 1,
            (Some(a), Some(d)) if (1..=12).contains(&a) && d > 12 && d <= 31 => month += 1,
            _ => {}
        }
    }
    day > 0 && month == 0
}

/// Parses a timestamp at the start of `s`; returns it and the number of bytes used.
pub fn parse_prefix(s: &str) -> Option<(Timestamp, usize)> {
    parse_prefix_with(s, false)
}

/// [`parse_prefix`] for text known to write the day first (`02/03/2017` is 2 March: the event's
/// labels are French, Spanish, Italian, …), as `13/03/2017` and `02.03.2017` always are.
pub fn parse_prefix_with(s: &str, day_first: bool) -> Option<(Timestamp, usize)> {
    let day_first = day_first || DAY_FIRST.with(std::cell::Cell::get);
    let b = s.as_bytes();
    let mut c = Cursor { b, i: 0 };
    if b.first()?.is_ascii_alphabetic() {
        return parse_month_name(s);
    }
    let first = c.num(4)?;
    let first_len = c.i;
    let (year, month, day);
    if first_len == 4 && (c.eat(b'-') || c.eat(b'/')) {
        // ISO 8601: yyyy-MM-dd[T ]HH:mm[:ss[.fff]][Z]; yyyy/M/d H:mm:ss (ja-JP, zh-CN).
        let sep = b[c.i - 1];
        year = first;
        month = c.num(2)?;
        if !c.eat(sep) {
            return None;
        }
        day = c.num(2)?;
        if !((sep == b'-' && c.eat(b'T')) || c.spaces() > 0) {
            return None;
        }
    } else if first_len == 4 && c.eat(b'.') {
        // hu-HU: `2026. 12. 04. 05:30:17` (a dot after each part, a space after each dot).
        year = first;
        c.spaces();
        month = c.num(2)?;
        if !c.eat(b'.') {
            return None;
        }
        c.spaces();
        day = c.num(2)?;
        if !c.eat(b'.') || c.spaces() == 0 {
            return None;
        }
    } else if first_len <= 2 && (c.eat(b'/') || c.eat(b'.') || c.eat(b'-')) {
        let sep = b[c.i - 1];
        let second = c.num(2)?;
        if !c.eat(sep) {
            return None;
        }
        year = c.num(4)?;
        if sep != b'/' || first > 12 || (day_first && second <= 12) {
            // 02.03.2017, 2-3-2017 (nl-NL) and 13/03/2017 are day first.
            day = first;
            month = second;
        } else {
            month = first;
            day = second;
        }
        // (The Microsoft Entra admin center writes a comma before the time: `3/11/2025, 10:05:31 AM`.)
        let comma = c.eat(b',');
        if c.spaces() == 0 && !comma {
            return None;
        }
    } else {
        return None;
    }
    let (hour, minute, second) = clock(&mut c)?;
    let utc = says_utc(b, c.i);
    let ts = Timestamp { year: u16::try_from(year).ok()?, month: month as u8, day: day as u8, hour, minute, second, utc };
    (ts.valid() && ts.year >= 1900).then_some((ts, c.i))
}

/// Whether the time that ends at `end` is written as UTC: a `Z` on it, or `UTC`, `(UTC)`,
/// `GMT` or `+00:00` after it.
fn says_utc(b: &[u8], end: usize) -> bool {
    if end > 0 && b[end - 1] == b'Z' {
        return true;
    }
    let rest = &b[end.min(b.len())..];
    let rest = &rest[rest.iter().take_while(|c| **c == b' ').count()..];
    ["UTC", "(UTC", "GMT", "+00:00"].iter().any(|w| rest.len() >= w.len() && rest[..w.len()].eq_ignore_ascii_case(w.as_bytes()))
}

/// The time of day after a date: `HH:mm[:ss]`, with the half of the day before it
/// (`오후 4:31:09`) or after it (`4:31:09 PM`), as a 24-hour clock.
fn clock(c: &mut Cursor<'_>) -> Option<(u8, u8, u8)> {
    let pm = meridiem_before(c);
    let (mut hour, minute, second) = time_of_day(c)?;
    if let Some(pm) = pm {
        if hour == 0 || hour > 12 {
            return None;
        }
        hour = match (pm, hour) {
            (false, 12) => 0,
            (true, h) if h != 12 => h + 12,
            (_, h) => h,
        };
    }
    Some((hour, minute, second))
}

/// Korean and Chinese servers write the half of the day before the time (`2017-03-02 오전
/// 4:31:09`, `2017/3/2 下午 4:31:09`): whether it is the afternoon, with the marker consumed.
fn meridiem_before(c: &mut Cursor<'_>) -> Option<bool> {
    const MARKERS: [(&str, bool); 4] = [("오전", false), ("오후", true), ("上午", false), ("下午", true)];
    let rest = &c.b[c.i..];
    let (m, pm) = MARKERS.iter().find(|(m, _)| rest.starts_with(m.as_bytes()))?;
    c.i += m.len();
    (c.spaces() > 0).then_some(*pm)
}

/// `HH:mm[:ss[.fffffff]][Z| AM| PM]`.
fn time_of_day(c: &mut Cursor<'_>) -> Option<(u8, u8, u8)> {
    let mut hour = c.num(2)?;
    if !c.eat(b':') {
        return None;
    }
    let minute = c.num(2)?;
    let mut second = 0;
    if c.eat(b':') {
        second = c.num(2)?;
        if c.eat(b'.') || c.eat(b',') {
            while c.digit_next() {
                c.i += 1;
            }
        }
    }
    c.eat(b'Z');
    let save = c.i;
    c.spaces();
    let rest = &c.b[c.i..];
    if rest.len() >= 2
        && (rest[..2].eq_ignore_ascii_case(b"AM") || rest[..2].eq_ignore_ascii_case(b"PM"))
        && rest.get(2).is_none_or(|b| !b.is_ascii_alphanumeric())
    {
        let pm = rest[0].eq_ignore_ascii_case(&b'P');
        if hour == 0 || hour > 12 {
            return None;
        }
        if pm && hour != 12 {
            hour += 12;
        } else if !pm && hour == 12 {
            hour = 0;
        }
        c.i += 2;
    } else {
        c.i = save;
    }
    Some((hour as u8, minute as u8, second as u8))
}

/// `Mar 02 04:31` (Get-EventLog's table).
fn parse_month_name(s: &str) -> Option<(Timestamp, usize)> {
    let b = s.as_bytes();
    if b.len() < 12 || !(b[3] == b' ' || b[3] == b'\t') {
        return None;
    }
    let m = MONTHS.iter().position(|m| b[..3].eq_ignore_ascii_case(m.as_bytes()))? + 1;
    let mut c = Cursor { b, i: 3 };
    if c.spaces() == 0 {
        return None;
    }
    let day = c.num(2)?;
    if c.spaces() == 0 {
        return None;
    }
    let (hour, minute, second) = clock(&mut c)?;
    let year = PASTE_YEAR.with(std::cell::Cell::get);
    let ts = Timestamp { year, month: m as u8, day: day as u8, hour, minute, second, utc: false };
    ts.valid().then_some((ts, c.i))
}

/// Finds the first timestamp anywhere in `s` (starting at a digit after a non-alphanumeric).
pub fn find(s: &str) -> Option<(Timestamp, usize, usize)> {
    let b = s.as_bytes();
    let mut i = 0;
    while i < b.len() {
        if b[i].is_ascii_digit() && (i == 0 || !b[i - 1].is_ascii_alphanumeric()) {
            if let Some((t, n)) = parse_prefix(&s[i..]) {
                return Some((t, i, i + n));
            }
            while i < b.len() && b[i].is_ascii_digit() {
                i += 1;
            }
        } else {
            i += 1;
        }
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn get_eventlog_times_take_the_year_of_the_paste() {
        let paste = "Index Time          EntryType   Source   InstanceID Message\n881207 Dec 03 10:31  Information X 657 a\nDate: 12/4/2026 8:41 PM\n";
        assert_eq!(paste_year(paste), 2026);
        assert_eq!(paste_year("Date: 12/4/2026 8:41 PM"), 0, "no Get-EventLog table: not needed");
        assert_eq!(paste_year("EntryType\n2019-01-02 and 12/4/2026 and build 1.0.2030.5 and 20261"), 2026);
        let t = with_paste_year(2026, || parse_prefix("Dec 03 10:31  Information")).unwrap().0;
        assert_eq!(t.to_string(), "2026-12-03 10:31:00");
        assert_eq!(parse_prefix("Dec 03 10:31  Information").unwrap().0.year, 0, "restored after");
    }

    #[test]
    fn a_paste_says_which_way_its_dates_are_written() {
        assert!(paste_day_first("Time  03/12/2026 14:05:11\nDate: 13/11/2026 09:00"));
        assert!(!paste_day_first("Time  03/12/2026 14:05:11"), "nothing says which way");
        assert!(!paste_day_first("3/13/2026 1:00 PM and 13/03/2026"), "both ways: no default");
        assert!(!paste_day_first("see https://x/13/11/2026 and 113/11/2026 and 13/11/20261"));
        assert!(paste_day_first("13/11/2026"));
        let t = with_date_order(true, || parse_prefix("03/12/2026 14:05:11")).unwrap().0;
        assert_eq!((t.month, t.day), (12, 3));
        assert_eq!(parse_prefix("03/12/2026 14:05:11").unwrap().0.month, 3, "restored after");
    }

    fn p(s: &str) -> Option<String> {
        parse_prefix(s).map(|(t, _)| t.to_string())
    }

    #[test]
    fn formats() {
        assert_eq!(p("3/2/2017 4:31:09 AM").as_deref(), Some("2017-03-02 04:31:09"));
        assert_eq!(p("3/2/2017 12:01:00 AM").as_deref(), Some("2017-03-02 00:01:00"));
        assert_eq!(p("3/2/2017 4:31:09 PM rest").as_deref(), Some("2017-03-02 16:31:09"));
        assert_eq!(p("2017-03-02T04:31:09.123456700Z").as_deref(), Some("2017-03-02 04:31:09"));
        assert_eq!(p("2017-03-02 04:31:09").as_deref(), Some("2017-03-02 04:31:09"));
        assert_eq!(p("02.03.2017 04:31:09").as_deref(), Some("2017-03-02 04:31:09"));
        // hu-HU.
        assert_eq!(p("2026. 12. 04. 05:30:17").as_deref(), Some("2026-12-04 05:30:17"));
        assert_eq!(p("2026.12.04. 5:30:17").as_deref(), Some("2026-12-04 05:30:17"));
        assert_eq!(p("2026. 12. 04 05:30:17"), None);
        // ja-JP, zh-CN, ko-KR Event Viewer dates.
        assert_eq!(p("2017/03/02 4:31:09").as_deref(), Some("2017-03-02 04:31:09"));
        assert_eq!(p("2017/3/2 16:31:09").as_deref(), Some("2017-03-02 16:31:09"));
        assert_eq!(p("2017-03-02 오후 4:31:09").as_deref(), Some("2017-03-02 16:31:09"));
        assert_eq!(p("2017-03-02 오전 12:31:09").as_deref(), Some("2017-03-02 00:31:09"));
        assert_eq!(p("2017/3/2 下午 4:31:09").as_deref(), Some("2017-03-02 16:31:09"));
        assert_eq!(p("2017-03-02 오후 13:31:09"), None);
        assert_eq!(p("2017/03-02 4:31:09"), None);
        assert_eq!(p("2017/03/02T04:31:09"), None);
        let dmy = |s| parse_prefix_with(s, true).map(|(t, _)| t.text());
        assert_eq!(dmy("02/03/2017 04:31:09").as_deref(), Some("2017-03-02 04:31:09"));
        assert_eq!(dmy("03/13/2017 04:31:09").as_deref(), Some("2017-03-13 04:31:09"));
        assert_eq!(p("2-3-2017 04:31:09").as_deref(), Some("2017-03-02 04:31:09"));
        assert_eq!(p("13/03/2017 04:31").as_deref(), Some("2017-03-13 04:31:00"));
        assert_eq!(p("Mar 02 04:31  Error").as_deref(), Some("03-02 04:31:00"));
        assert_eq!(p("611"), None);
        assert_eq!(p("3/2/2017"), None);
        assert_eq!(p("99/99/2017 4:00"), None);
        assert_eq!(p("3/2/2017 13:00 PM"), None);
        let (t, a, b) = find("Time  3/2/2017 4:31:09 AM").unwrap();
        assert_eq!((t.hour, a, b), (4, 6, 25));
    }

    #[test]
    fn arithmetic() {
        let a = parse_prefix("2/28/2016 23:00:00").unwrap().0;
        let b = parse_prefix("3/1/2016 01:00:00").unwrap().0;
        assert_eq!(b.seconds() - a.seconds(), (24 + 2) * 3600, "2016 is a leap year");
        let c = parse_prefix("1/1/2017 00:00:00").unwrap().0;
        let d = parse_prefix("12/31/2016 21:00:00").unwrap().0;
        assert_eq!(c.seconds() - d.seconds(), 3 * 3600);
    }
}
