//! `phs-doctor diagnose <FILE|->`: the paste analysis on the command line. The JSON shape is
//! documented in README ("diagnose --json") and is this shell's own serialised type.

use std::collections::BTreeMap;
use std::io::Read;

use phs_doctor_core::analysis::{self, Analysis};
use phs_doctor_core::input;
pub use phs_doctor_core::number::grouped;
use phs_doctor_core::releases;
use phs_doctor_core::script;
use serde::Serialize;

use crate::guide::SourceJson;

/// Reads the input: a path, or `-` for stdin, in chunks through the core's bounded reader: an
/// input larger than the analysis limit keeps its start and its end (and its real size), so a
/// huge file neither fills memory nor loses its newest events without a word.
pub fn read(source: &str) -> Result<input::Excerpt, String> {
    let mut reader = input::Reader::new(analysis::MAX_INPUT_BYTES);
    let mut from: Box<dyn Read> = if source == "-" {
        Box::new(std::io::stdin().lock())
    } else {
        Box::new(std::fs::File::open(source).map_err(|e| format!("cannot open {source}: {e}"))?)
    };
    let mut buf = vec![0u8; 1 << 20];
    loop {
        match from.read(&mut buf) {
            Ok(0) => break,
            Ok(n) => {
                reader.push(&buf[..n]);
                // Said at once: an .evtx file is binary, and reading all of it would tell nothing.
                if let Some(kind) = reader.not_text() {
                    return Err(format!("{source}: {}", kind.message()));
                }
            }
            Err(e) if e.kind() == std::io::ErrorKind::Interrupted => {}
            Err(e) => return Err(format!("cannot read {source}: {e}")),
        }
    }
    Ok(reader.finish())
}

#[derive(Serialize)]
struct DiagnoseJson {
    schema: u32,
    line_count: usize,
    #[serde(skip_serializing_if = "Option::is_none")]
    truncated: Option<TruncatedJson>,
    findings: Vec<FindingJson>,
    records: Vec<RecordJson>,
    records_omitted: usize,
    unparsed_lines: Vec<usize>,
    timeline: TimelineJson,
    /// The Connect version the input shows, and what PHS Doctor knows about it today.
    #[serde(skip_serializing_if = "Option::is_none")]
    connect_version: Option<String>,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    version_notices: Vec<crate::version::NoticeJson>,
}

#[derive(Serialize)]
struct TruncatedJson {
    bytes_total: u64,
    head: PartJson,
    #[serde(skip_serializing_if = "Option::is_none")]
    tail: Option<PartJson>,
}

#[derive(Serialize)]
struct PartJson {
    bytes: u64,
    first_line: usize,
    last_line: usize,
}

#[derive(Serialize)]
struct FindingJson {
    id: &'static str,
    severity: &'static str,
    title: &'static str,
    explanation: String,
    evidence: Vec<EvidenceJson>,
    evidence_omitted: usize,
    next_steps: Vec<String>,
    /// The same steps in order, each with where it comes from.
    next_step_sources: Vec<SourceJson>,
    #[serde(skip_serializing_if = "Option::is_none")]
    node: Option<&'static str>,
    params: BTreeMap<String, Vec<String>>,
    errors: Vec<ErrorJson>,
    events: Vec<u32>,
}

#[derive(Serialize)]
struct EvidenceJson {
    line: usize,
    text: String,
}

#[derive(Serialize)]
struct ErrorJson {
    code: String,
    name: &'static str,
    cause: String,
    fix: String,
}

#[derive(Serialize)]
struct RecordJson {
    kind: &'static str,
    start_line: usize,
    end_line: usize,
    fields: BTreeMap<&'static str, String>,
}

#[derive(Serialize)]
struct TimelineJson {
    newest: Option<String>,
    heartbeats: Vec<HeartbeatJson>,
    gaps: Vec<GapJson>,
    full_sync: Option<&'static str>,
}

#[derive(Serialize)]
struct HeartbeatJson {
    connector: Option<String>,
    time: Option<String>,
    line: usize,
    count: usize,
}

#[derive(Serialize)]
struct GapJson {
    connector: Option<String>,
    last_heartbeat: String,
    line: usize,
    minutes: i64,
}

fn to_json(a: &Analysis) -> DiagnoseJson {
    DiagnoseJson {
        schema: 1,
        line_count: a.line_count,
        truncated: a.truncated.as_ref().map(|t| TruncatedJson {
            bytes_total: t.bytes_total,
            head: PartJson { bytes: t.head_bytes, first_line: 1, last_line: t.head_lines },
            tail: (t.tail_bytes > 0).then_some(PartJson { bytes: t.tail_bytes, first_line: t.tail_first_line, last_line: a.line_count }),
        }),
        findings: a
            .findings
            .iter()
            .map(|f| {
                let mut params: BTreeMap<String, Vec<String>> = BTreeMap::new();
                for (k, v) in &f.params {
                    params.entry(k.as_str().to_string()).or_default().push(v.clone());
                }
                FindingJson {
                    id: f.id.as_str(),
                    severity: f.severity.as_str(),
                    title: f.title,
                    explanation: f.explanation_plain(),
                    evidence: f.evidence.iter().map(|e| EvidenceJson { line: e.line, text: e.text.clone() }).collect(),
                    evidence_omitted: f.evidence_omitted,
                    next_steps: f.next_steps.iter().map(|t| t.plain()).collect(),
                    next_step_sources: f.next_steps.iter().map(|t| SourceJson::of(t.source)).collect(),
                    node: f.node,
                    params,
                    errors: f
                        .errors
                        .iter()
                        .map(|e| ErrorJson { code: e.label(), name: e.name, cause: e.cause.plain(), fix: e.fix.plain() })
                        .collect(),
                    events: f.events.clone(),
                }
            })
            .collect(),
        records: a
            .records
            .iter()
            .map(|r| RecordJson {
                kind: r.kind.as_str(),
                start_line: r.start_line,
                end_line: r.end_line,
                fields: r.fields.iter().map(|(k, v)| (*k, v.to_string())).collect(),
            })
            .collect(),
        records_omitted: a.records_omitted,
        unparsed_lines: a.unparsed_lines.clone(),
        timeline: TimelineJson {
            newest: a.timeline.newest.map(|(t, _)| t.to_string()),
            heartbeats: a
                .timeline
                .heartbeats
                .iter()
                .map(|h| HeartbeatJson {
                    connector: h.connector.clone(),
                    time: h.time.map(|t| t.to_string()),
                    line: h.line,
                    count: h.count,
                })
                .collect(),
            gaps: a
                .timeline
                .gaps
                .iter()
                .map(|g| GapJson {
                    connector: g.connector.clone(),
                    last_heartbeat: g.last_heartbeat.to_string(),
                    line: g.line,
                    minutes: g.minutes,
                })
                .collect(),
            full_sync: a.timeline.full_sync_state.map(|s| s.as_str()),
        },
        connect_version: None,
        version_notices: Vec::new(),
    }
}

pub fn run(source: &str, json: bool) -> Result<String, String> {
    let excerpt = read(source)?;
    let a = analysis::analyze_excerpt(&excerpt);
    let notices = match a.connect_version {
        Some(v) => releases::notices(v, crate::version::today(None)?),
        None => Vec::new(),
    };
    if json {
        let mut out = to_json(&a);
        out.connect_version = a.connect_version.map(|v| v.to_string());
        out.version_notices = notices.iter().map(crate::version::NoticeJson::of).collect();
        return Ok(crate::output::to_json(&out));
    }
    // The build's notices first, as the web page shows them: an old build can be the whole cause.
    let mut s = String::new();
    if let Some(v) = a.connect_version {
        s.push_str(&format!("Microsoft Entra Connect {v} (from the input):\n"));
        s.push_str(&crate::version::notices_text(&notices));
        s.push('\n');
    }
    s.push_str(&render_text(&a));
    Ok(s)
}

fn render_text(a: &Analysis) -> String {
    let mut s = String::new();
    if let Some(t) = &a.truncated {
        s.push_str(&truncation_note(t, a.line_count));
    }
    s.push_str(&format!(
        "{} finding(s), {} record(s) in {} line(s); {} line(s) not understood.\n",
        a.findings.len(),
        a.records.len() + a.records_omitted,
        a.line_count,
        a.unparsed_lines.len()
    ));
    if a.findings.is_empty() && a.records.is_empty() && a.records_omitted == 0 {
        // The core gives no finding for an input without text: said, not left at "0 finding(s)".
        s.push_str(
            "\nNothing to analyse: the input is empty or only blank lines and rules. Give a file (or stdin) with what the \
             server printed; `phs-doctor diagnose --help` lists what can be read.\n",
        );
    }
    for f in &a.findings {
        s.push_str(&format!("\n[{}] {} ({})\n", f.severity.as_str().to_uppercase(), f.title, f.id));
        s.push_str(&format!("  {}\n", f.explanation_plain().replace('\n', "\n  ")));
        for e in &f.errors {
            // (A message's label is its name: said once.)
            let label = if e.name == e.label() { e.label() } else { format!("{}: {}", e.label(), e.name) };
            s.push_str(&format!("  {label}\n    Cause: {}\n    Fix: {}\n", e.cause.plain(), e.fix.plain()));
        }
        if !f.params.is_empty() {
            let p: Vec<String> = f.params.iter().map(|(k, v)| format!("{} = {}", k.label(), printable(&k.show(v)))).collect();
            s.push_str(&format!("  Details: {}\n", p.join("; ")));
        }
        if !f.evidence.is_empty() {
            s.push_str("  Evidence:\n");
        }
        for e in &f.evidence {
            s.push_str(&format!("    {:>6} | {}\n", e.line, printable(&e.text)));
        }
        if f.evidence_omitted > 0 {
            s.push_str(&format!("    … and {} more line(s)\n", f.evidence_omitted));
        }
        if !f.next_steps.is_empty() {
            // Microsoft's article first, then PHS Doctor's advice, each under its label.
            s.push_str("  Next steps:\n");
            s.push_str(&crate::guide::numbered_advice(&f.next_steps, "    "));
        }
    }
    if !a.unparsed_lines.is_empty() {
        s.push_str(&format!("\nLines not understood: {}\n", line_ranges(&a.unparsed_lines, 40)));
    }
    s
}

/// `3, 7, 9-12, …`: line numbers (ascending) as ranges, at most `max` of them, then how many
/// more.
fn line_ranges(lines: &[usize], max: usize) -> String {
    let mut ranges: Vec<(usize, usize)> = Vec::new();
    for &l in lines {
        match ranges.last_mut() {
            Some((_, end)) if *end + 1 == l => *end = l,
            _ => ranges.push((l, l)),
        }
    }
    let mut out: Vec<String> = ranges.iter().take(max).map(|&(a, b)| if a == b { a.to_string() } else { format!("{a}-{b}") }).collect();
    if ranges.len() > max {
        let rest: usize = ranges[max..].iter().map(|(a, b)| b - a + 1).sum();
        out.push(format!("and {} more line(s)", grouped(rest as u64)));
    }
    out.join(", ")
}

/// Which parts of a cut input were analysed, in bytes of the input and its line numbers.
fn truncation_note(t: &analysis::Truncation, line_count: usize) -> String {
    let head = format!("the first {} bytes (lines 1-{})", grouped(t.head_bytes), grouped(t.head_lines as u64));
    let parts = if t.tail_bytes > 0 {
        format!(
            "{head} and the last {} bytes (lines {}-{})",
            grouped(t.tail_bytes),
            grouped(t.tail_first_line as u64),
            grouped(line_count as u64)
        )
    } else {
        head
    };
    let left_out = t.bytes_total - t.head_bytes - t.tail_bytes;
    format!(
        "Note: the input is {} bytes, more than PHS Doctor analyses: it analysed {parts}; the {} bytes between were left out.\n\n",
        grouped(t.bytes_total),
        grouped(left_out)
    )
}

/// Pasted text printed to a terminal: control characters (escape sequences, C0, DEL, C1) and
/// bidirectional formatting characters made visible.
fn printable(text: &str) -> String {
    text.chars()
        .map(|c| if (c.is_control() && c != '\t') || script::is_bidi_control(c) { char::REPLACEMENT_CHARACTER } else { c })
        .take(400)
        .collect()
}

#[cfg(test)]
mod tests {
    use super::line_ranges;

    #[test]
    fn lines_as_ranges() {
        assert_eq!(line_ranges(&[3, 7, 9, 10, 11, 12], 40), "3, 7, 9-12");
        assert_eq!(line_ranges(&[1, 3, 5, 6, 8], 2), "1, 3, and 3 more line(s)");
        assert_eq!(line_ranges(&[], 5), "");
    }
}
