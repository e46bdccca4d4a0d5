//! A table copied from a web page, a wiki or a ticket as Markdown pipes (Microsoft's alert
//! catalog and event tables, forum posts): each cell is read as a line of its own.
//!
//! ```text
//! | Alert Name | Description | Remediation |
//! | --- | --- | ----- |
//! | Password Hash Synchronization stopped working | Password Hash Synchronization is stopped. … | Restart … |
//! ```

use std::borrow::Cow;

/// The cells of a pipe table row (trimmed, the empty ones and a separator row's dashes left
/// out), or `None` when the line is not one: it starts with `|` and has at least two more.
pub(crate) fn cells<'a>(text: &Cow<'a, str>) -> Option<Vec<Cow<'a, str>>> {
    // Every line is asked: the quick trim (`str::trim`'s result, `bytes.rs`).
    let t = crate::analysis::lines::trim(text);
    if !t.starts_with('|') || t.bytes().filter(|&b| b == b'|').count() < 3 {
        return None;
    }
    let keep = |c: &str| !c.is_empty() && !c.bytes().all(|b| matches!(b, b'-' | b':' | b' '));
    Some(match text {
        Cow::Borrowed(s) => s.trim().split('|').map(str::trim).filter(|c| keep(c)).map(Cow::Borrowed).collect(),
        Cow::Owned(s) => s.trim().split('|').map(str::trim).filter(|c| keep(c)).map(|c| Cow::Owned(c.to_string())).collect(),
    })
}

/// A documentation table's header of events: an `Event ID` column beside a description, a
/// cause or a resolution (`| Event ID | Description | Cause | More information |`).
pub(crate) fn reference_header(cells: &[Cow<'_, str>]) -> bool {
    let has = |w: &str| cells.iter().any(|c| c.trim().eq_ignore_ascii_case(w));
    (has("Event ID") || has("ID"))
        && cells.len() >= 2
        && ["Description", "Cause", "More information", "Meaning", "Resolution"].iter().any(|w| has(w))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn rows_and_not_rows() {
        let row = Cow::Borrowed("| Alert Name | Description |  | Remediation |");
        assert_eq!(cells(&row).unwrap(), ["Alert Name", "Description", "Remediation"]);
        assert_eq!(cells(&Cow::Borrowed("| --- | :---: | ----- |")).unwrap(), Vec::<Cow<str>>::new());
        assert!(cells(&Cow::Borrowed("Get-WinEvent -LogName Application | Format-List")).is_none());
        assert!(cells(&Cow::Borrowed("| one |")).is_none());
    }
}
