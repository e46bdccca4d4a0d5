//! Event Viewer's "Save All Events As… CSV":
//!
//! ```text
//! Level,Date and Time,Source,Event ID,Task Category
//! Error,3/2/2017 4:31:09 AM,Directory Synchronization,611,None,"Password hash synchronization failed …"
//! ```

use crate::analysis::labels::label_at;
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
    pub computer: Option<usize>,
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
    let names: Vec<String> = csv_fields(text).into_iter().map(|f| lines::trim(&f).to_ascii_lowercase()).collect();
    // Event Viewer writes its columns' names in the server's language (`Ebene,Datum und
    // Uhrzeit,Quelle,Ereignis-ID,Aufgabenkategorie`): the labels of `content/eventviewer.json`.
    let localised: Vec<Option<&'static str>> = names.iter().map(|n| localised_column(n)).collect();
    if !named_id && !localised.contains(&Some("event id")) {
        return None;
    }
    let mut c = CsvColumns { count: names.len(), ..Default::default() };
    for (i, n) in names.iter().enumerate() {
        match localised.get(i).copied().flatten() {
            Some("event id") => c.id = Some(i),
            Some("date") => c.time = Some(i),
            Some("source") => c.source = Some(i),
            Some("level") => c.level = Some(i),
            _ => {}
        }
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
            "machinename" | "computer" => c.computer = Some(i),
            _ => {}
        }
    }
    (c.id.is_some() && (c.source.is_some() || c.message.is_some()) && names.len() >= 3).then_some(c)
}

/// What a column name means as an Event Viewer label of any language (`Ereignis-ID`: `event
/// id`); a date column by its first word (`Datum und Uhrzeit`, `Date et heure`).
fn localised_column(name: &str) -> Option<&'static str> {
    let meaning = |s: &str| (!s.is_empty()).then(|| label_at(&format!("{s}:")).map(|(m, _, _)| m)).flatten();
    meaning(name).or_else(|| name.split(' ').next().and_then(meaning).filter(|&m| m == "date"))
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
        let h = csv_header("Ebene,Datum und Uhrzeit,Quelle,Ereignis-ID,Aufgabenkategorie").unwrap();
        assert_eq!((h.id, h.time, h.source, h.level), (Some(3), Some(1), Some(2), Some(0)));
        let h = csv_header("Niveau,Date et heure,Source,ID de l’événement,Catégorie de la tâche").unwrap();
        assert_eq!((h.id, h.time, h.source, h.level), (Some(3), Some(1), Some(2), Some(0)));
        assert!(csv_header("Ebene,Datum,Quelle").is_none(), "no event ID column");
    }
}
