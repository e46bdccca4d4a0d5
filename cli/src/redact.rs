//! `phs-doctor redact <FILE|->`: the input with DNs, users, hosts, tenants, GUIDs, SIDs and
//! addresses replaced by stable placeholders (`core::redact`), ready for a ticket or a forum.
//! The redacted text goes to stdout; the table of placeholders (with the values they replace,
//! for the admin's eyes only) goes to stderr, so `> file` keeps it out of the file.

use phs_doctor_core::redact::redact;
use phs_doctor_core::script;

use crate::diagnose::{grouped, read};

pub fn run(source: &str) -> Result<String, String> {
    let excerpt = read(source)?;
    let text = match &excerpt.cut {
        None => excerpt.text.clone(),
        Some(cut) => {
            let left_out = cut.bytes_total - cut.head_bytes - cut.tail_bytes;
            eprintln!(
                "phs-doctor: the input is {} bytes; only its first {} and last {} bytes are redacted and printed, with a marker where {} bytes are left out",
                grouped(cut.bytes_total),
                grouped(cut.head_bytes),
                grouped(cut.tail_bytes),
                grouped(left_out)
            );
            let (head, tail) = excerpt.text.split_at(excerpt.head_len);
            let sep = if head.ends_with('\n') { "" } else { "\n" };
            format!("{head}{sep}[… {} bytes left out by phs-doctor …]\n{tail}", grouped(left_out))
        }
    };
    let out = redact(&text);
    eprintln!("{}", table(&out.entries));
    Ok(printable(&out.text))
}

pub fn table(entries: &[phs_doctor_core::redact::Entry]) -> String {
    if entries.is_empty() {
        return "phs-doctor: nothing to redact was found".into();
    }
    let total: usize = entries.iter().map(|e| e.count).sum();
    let width = entries.iter().map(|e| e.placeholder.len()).max().unwrap_or(0);
    let mut s = format!("phs-doctor: replaced {} value(s), {} occurrence(s) (this table is not in the output):", entries.len(), total);
    for e in entries {
        let original: String = printable(&e.original).chars().take(120).collect();
        s.push_str(&format!("\n  {:width$}  {:>4}×  {}  ({})", e.placeholder, e.count, original, e.kind.description()));
    }
    s
}

/// Text printed to a terminal: control characters other than line breaks and tabs, and
/// bidirectional formatting characters, made visible.
fn printable(text: &str) -> String {
    text.chars()
        .map(|c| {
            if (c.is_control() && !matches!(c, '\n' | '\r' | '\t')) || script::is_bidi_control(c) {
                char::REPLACEMENT_CHARACTER
            } else {
                c
            }
        })
        .collect()
}
