//! Runs a command against the core and renders text or JSON. The JSON shapes are this shell's
//! own serialised types (stable, documented in README), not derives on core types.

use std::io::Write;

use phs_doctor_core::knowledge;
use phs_doctor_core::script::{self, ScriptInput, ScriptKind};
use phs_doctor_core::walk::WalkState;
use serde::Serialize;

use crate::args::{Command, USAGE};
use crate::guide::{SourceJson, TextJson};

/// Why a command failed: the exit code and a one-line reason.
#[derive(Debug, PartialEq, Eq)]
pub struct Failure {
    pub code: u8,
    pub message: String,
}

impl From<String> for Failure {
    /// Invalid input or an unknown name: exit code 2.
    fn from(message: String) -> Failure {
        Failure { code: 2, message }
    }
}

impl From<&str> for Failure {
    fn from(message: &str) -> Failure {
        Failure::from(message.to_string())
    }
}

pub fn run(cmd: Command) -> Result<String, Failure> {
    match cmd {
        Command::Help => Ok(USAGE.to_string()),
        Command::DiagnoseHelp => Ok(diagnose_help()),
        Command::Path { version, scope, method, json } => Ok(crate::guide::path(version.as_deref(), &scope, method.as_deref(), json)?),
        Command::Result { id, json } => Ok(crate::guide::result(&id, json)?),
        Command::Version { version, today, json } => Ok(crate::version::run(&version, today.as_deref(), json)?),
        Command::Event { id, json } => Ok(event(&id, json)?),
        Command::Status { name, json } => Ok(status(&name, json)?),
        Command::Script { kind, ad_connector, aad_connector, dn, output } => {
            let text = script(&kind, ad_connector, aad_connector, dn)?;
            match output {
                None => Ok(text),
                Some(file) => write_ps1(&file, &text),
            }
        }
        Command::Diagnose { source, json } => Ok(crate::diagnose::run(&source, json)?),
        Command::Redact { source } => Ok(crate::redact::run(&source)?),
        Command::Report { source, version, redact, out } => crate::report::run(&source, version.as_deref(), redact, out.as_deref()),
    }
}

/// Pretty JSON in which every character a terminal or an editor may act on is a `\u` escape:
/// serde_json escapes C0 controls, `"` and `\`; this escapes DEL, the C1 controls
/// (U+0080–U+009F) and the bidirectional formatting characters too.
pub fn to_json<T: Serialize>(value: &T) -> String {
    let mut out = Vec::new();
    let mut ser = serde_json::Serializer::with_formatter(&mut out, Escaping(serde_json::ser::PrettyFormatter::new()));
    if let Err(e) = value.serialize(&mut ser) {
        return format!("{{\"error\":\"{e}\"}}\n");
    }
    out.push(b'\n');
    // The serializer writes whole strings of valid UTF-8.
    String::from_utf8(out).unwrap_or_default()
}

fn escaped(c: char) -> bool {
    matches!(c, '\u{7f}'..='\u{9f}') || script::is_bidi_control(c)
}

struct Escaping(serde_json::ser::PrettyFormatter<'static>);

impl serde_json::ser::Formatter for Escaping {
    fn write_string_fragment<W: ?Sized + std::io::Write>(&mut self, w: &mut W, fragment: &str) -> std::io::Result<()> {
        let mut start = 0;
        for (i, c) in fragment.char_indices().filter(|(_, c)| escaped(*c)) {
            w.write_all(&fragment.as_bytes()[start..i])?;
            write!(w, "\\u{:04x}", u32::from(c))?;
            start = i + c.len_utf8();
        }
        w.write_all(&fragment.as_bytes()[start..])
    }
    fn begin_array<W: ?Sized + std::io::Write>(&mut self, w: &mut W) -> std::io::Result<()> {
        self.0.begin_array(w)
    }
    fn end_array<W: ?Sized + std::io::Write>(&mut self, w: &mut W) -> std::io::Result<()> {
        self.0.end_array(w)
    }
    fn begin_array_value<W: ?Sized + std::io::Write>(&mut self, w: &mut W, first: bool) -> std::io::Result<()> {
        self.0.begin_array_value(w, first)
    }
    fn end_array_value<W: ?Sized + std::io::Write>(&mut self, w: &mut W) -> std::io::Result<()> {
        self.0.end_array_value(w)
    }
    fn begin_object<W: ?Sized + std::io::Write>(&mut self, w: &mut W) -> std::io::Result<()> {
        self.0.begin_object(w)
    }
    fn end_object<W: ?Sized + std::io::Write>(&mut self, w: &mut W) -> std::io::Result<()> {
        self.0.end_object(w)
    }
    fn begin_object_key<W: ?Sized + std::io::Write>(&mut self, w: &mut W, first: bool) -> std::io::Result<()> {
        self.0.begin_object_key(w, first)
    }
    fn begin_object_value<W: ?Sized + std::io::Write>(&mut self, w: &mut W) -> std::io::Result<()> {
        self.0.begin_object_value(w)
    }
    fn end_object_value<W: ?Sized + std::io::Write>(&mut self, w: &mut W) -> std::io::Result<()> {
        self.0.end_object_value(w)
    }
}

pub(crate) fn indent(text: &str) -> String {
    text.replace('\n', "\n   ")
}

/// At most 40 characters of `s` to quote in a message, without control characters or the
/// format characters that reorder or hide text in a terminal (bidi overrides, zero-width).
pub(crate) fn clip(s: &str) -> String {
    let hidden = |c: &char| c.is_control() || matches!(c, '\u{200b}'..='\u{200f}' | '\u{202a}'..='\u{202e}' | '\u{2066}'..='\u{2069}');
    let t: String = s.chars().filter(|c| !hidden(c)).take(40).collect();
    if s.chars().count() > 40 {
        format!("{t}…")
    } else {
        t
    }
}

#[derive(Serialize)]
struct EventJson {
    id: u32,
    description: &'static str,
    category: &'static str,
    severity: &'static str,
    connectivity: bool,
    #[serde(skip_serializing_if = "Option::is_none")]
    note: Option<TextJson>,
    in_table: bool,
    source: SourceJson,
    next: EventNextJson,
    log_advice: TextJson,
}

#[derive(Serialize)]
struct EventNextJson {
    analyse: bool,
    #[serde(skip_serializing_if = "Option::is_none")]
    step: Option<&'static str>,
}

fn event(id: &str, json: bool) -> Result<String, String> {
    let e = knowledge::lookup_event(id).map_err(|e| e.to_string())?;
    let out = EventJson {
        id: e.id,
        description: e.description,
        category: e.category.as_str(),
        severity: e.severity.as_str(),
        connectivity: e.connectivity(),
        note: e.note.as_ref().map(TextJson::of),
        in_table: e.in_table,
        source: SourceJson::of(e.description_source),
        next: EventNextJson { analyse: e.worth_analysing(), step: e.step },
        log_advice: TextJson::of(&knowledge::EVENT_LOG_ADVICE),
    };
    if json {
        return Ok(to_json(&out));
    }
    let mut s = format!(
        "Event {}  [category: {}; severity: {}]\n{}\n({})\n",
        e.id,
        out.category,
        out.severity,
        e.description,
        e.description_source.line()
    );
    if let Some(n) = &e.note {
        s.push_str(&format!("\n{}\n({})\n", n.plain(), n.source.line()));
    }
    if e.connectivity() {
        let meaning = &knowledge::CONNECTIVITY_MEANING;
        s.push_str(&format!("\nFrom source \"{}\": {}\n({})\n", knowledge::CONNECTIVITY_SOURCE, meaning.plain(), meaning.source.line()));
    }
    s.push_str("\nWhat to do next:\n");
    if e.worth_analysing() {
        s.push_str("- Paste the whole event (Event Viewer: Copy details as text) into phs-doctor diagnose - (or save it and run phs-doctor diagnose <FILE>): the error number or exception in its message names the cause.\n");
    }
    if let Some(w) = e.step.and_then(WalkState::leading_to) {
        let v = w.view(None);
        let scope = w.path.scope.as_str();
        let method = w.path.method.as_str();
        s.push_str(&format!(
            "- Guided path: step {} of \"{}\" (phs-doctor path --scope {scope} --method {method})\n",
            v.step_number, v.path_title
        ));
    }
    let advice = &knowledge::EVENT_LOG_ADVICE;
    s.push_str(&format!("- {}\n  ({})\n", advice.plain(), advice.source.line()));
    Ok(s)
}

#[derive(Serialize)]
struct StatusJson {
    name: &'static str,
    description: String,
    next_step: String,
    severity: &'static str,
    source: SourceJson,
    next_step_source: SourceJson,
}

fn status(name: &str, json: bool) -> Result<String, String> {
    let st = knowledge::lookup_status(name).map_err(|e| e.to_string())?;
    let out = StatusJson {
        name: st.name,
        description: st.description.plain(),
        next_step: st.next_step.plain(),
        severity: st.severity.as_str(),
        source: SourceJson::of(st.description.source),
        next_step_source: SourceJson::of(st.next_step.source),
    };
    if json {
        return Ok(to_json(&out));
    }
    Ok(format!(
        "{} ({})\n{}\n({})\n\nNext step: {}\n({})\n",
        out.name,
        out.severity,
        out.description,
        st.description.source.line(),
        out.next_step,
        st.next_step.source.line()
    ))
}

/// Writes `script` as the web page's download does (UTF-8 with BOM, CRLF) and says so on stderr.
fn write_ps1(file: &std::ffi::OsStr, script: &str) -> Result<String, Failure> {
    let bytes = script::ps1_file(script);
    std::fs::write(file, bytes.as_bytes())
        .map_err(|e| Failure { code: 1, message: format!("cannot write {}: {e}", std::path::Path::new(file).display()) })?;
    eprintln!("phs-doctor: wrote {} ({} bytes, UTF-8 with BOM, CRLF line endings)", std::path::Path::new(file).display(), bytes.len());
    Ok(String::new())
}

fn script(kind: &str, ad: Option<String>, aad: Option<String>, dn: Option<String>) -> Result<String, String> {
    let kind = ScriptKind::from_id(kind)
        .ok_or_else(|| format!("unknown script \"{}\": use status, full-sync, single-object or collector", clip(kind)))?;
    let given = [
        (script::Field::AdConnector, "--ad-connector", ad.is_some()),
        (script::Field::AadConnector, "--aad-connector", aad.is_some()),
        (script::Field::DistinguishedName, "--dn", dn.is_some()),
    ];
    for (flag, value) in [("--ad-connector", &ad), ("--aad-connector", &aad), ("--dn", &dn)] {
        // (An empty value would silently mean "not given": the status script lists every
        // Microsoft Entra connector without one.)
        if value.as_deref().is_some_and(str::is_empty) {
            return Err(format!("{flag} is empty: give the name, or leave {flag} out where it is optional"));
        }
    }
    for (field, flag, present) in given {
        let used = kind.fields().contains(&field);
        if present && !used {
            return Err(format!("the {} script takes no {flag}", kind.id()));
        }
        if !present && used && !kind.optional(field) {
            return Err(format!("the {} script needs {flag}", kind.id()));
        }
    }
    let input = ScriptInput { ad_connector: ad.unwrap_or_default(), aad_connector: aad.unwrap_or_default(), dn: dn.unwrap_or_default() };
    let out = script::generate(kind, &input);
    for w in &out.warnings {
        // A warning that cannot be written is not worth failing the script for.
        let _ = writeln!(std::io::stderr(), "phs-doctor: warning: {w}");
    }
    if !out.spelled.is_empty() {
        eprintln!("phs-doctor: note: {}", script::SPELLED_NOTE);
    }
    match out.text {
        Some(text) => Ok(text),
        None => Err(out.errors.iter().map(ToString::to_string).collect::<Vec<_>>().join("; ")),
    }
}

/// `diagnose --help`, made from the analysis's registry of input kinds.
fn diagnose_help() -> String {
    let mut out = String::from(
        "phs-doctor diagnose <FILE|-> [--json]: finds why password hash sync fails in what the Connect server printed.\n\
         Paste or pipe any mix of these (any language Windows prints, UTF-8 or UTF-16):\n",
    );
    for k in phs_doctor_core::analysis::inputs::INPUT_KINDS {
        out.push_str(&format!("\n  {}\n    from: {}\n", k.name, k.how));
        for line in k.sample.lines().take(4) {
            out.push_str(&format!("    | {line}\n"));
        }
    }
    out.push_str("\nWhat it does not understand is listed as lines not understood, never guessed.\n");
    out
}
