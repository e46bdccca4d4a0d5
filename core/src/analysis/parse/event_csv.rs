//! Event Viewer's "Save All Events As… CSV":
//!
//! ```text
//! Level,Date and Time,Source,Event ID,Task Category
//! Error,3/2/2017 4:31:09 AM,Directory Synchronization,611,None,"Password hash synchronization failed …"
//! ```

use crate::analysis::lines;
use crate::analysis::scan::find_ci;

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
