//! Runs a command against the core and renders text or JSON. The JSON shapes are this shell's
//! own serialised types (stable, documented in README), not derives on core types.

use phs_doctor_core::knowledge::{self, NodeKind, Scope};
use phs_doctor_core::script::{self, ScriptInput, ScriptKind};
use phs_doctor_core::version::{self, ConnectVersion};
use std::io::Write;

use serde::Serialize;

use crate::args::{Command, USAGE};

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
        Command::Path { version, scope, json } => Ok(path(version.as_deref(), &scope, json)?),
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

#[derive(Serialize)]
struct PathJson {
    path: &'static str,
    path_id: &'static str,
    title: &'static str,
    version: Option<String>,
    scope: &'static str,
    reason: String,
    also: Vec<&'static str>,
    steps: Vec<StepJson>,
}

#[derive(Serialize)]
struct StepJson {
    id: &'static str,
    kind: &'static str,
    text: String,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    answers: Vec<AnswerJson>,
    #[serde(skip_serializing_if = "Option::is_none")]
    next: Option<&'static str>,
}

#[derive(Serialize)]
struct AnswerJson {
    label: &'static str,
    next: &'static str,
}

fn path(version: Option<&str>, scope: &str, json: bool) -> Result<String, String> {
    let scope = Scope::parse(scope).ok_or_else(|| format!("unknown scope \"{}\": use all or object", clip(scope)))?;
    let version = match version {
        Some(v) => Some(ConnectVersion::parse(v).map_err(|e| format!("invalid version: {e}"))?),
        None => None,
    };
    let rec = version::recommend(version);
    let p = knowledge::path_for(rec.primary, scope).ok_or("no path for that method and scope")?;
    let steps: Vec<StepJson> = p
        .nodes
        .iter()
        .map(|n| match &n.kind {
            NodeKind::Step { next } => StepJson { id: n.id, kind: "step", text: n.text.plain(), answers: vec![], next: Some(next) },
            NodeKind::Question { answers } => StepJson {
                id: n.id,
                kind: "question",
                text: n.text.plain(),
                answers: answers.iter().map(|a| AnswerJson { label: a.label, next: a.next }).collect(),
                next: None,
            },
        })
        .collect();
    let out = PathJson {
        path: rec.primary.as_str(),
        path_id: p.id,
        title: p.title,
        version: version.map(|v| v.to_string()),
        scope: scope.as_str(),
        reason: rec.reason,
        also: rec.also.iter().map(|m| m.as_str()).collect(),
        steps,
    };
    if json {
        return Ok(to_json(&out));
    }
    let mut s = format!("{}\n{}\n\n{}\n\n", out.title, "=".repeat(out.title.chars().count()), out.reason);
    for (i, st) in out.steps.iter().enumerate() {
        s.push_str(&format!("{}. {}\n", i + 1, indent(&st.text)));
        for a in &st.answers {
            s.push_str(&format!("     - {} -> {}\n", a.label, a.next));
        }
    }
    if !out.also.is_empty() {
        s.push_str(&format!("\nAlso available on this version: {}\n", out.also.join(", ")));
    }
    Ok(s)
}

fn indent(text: &str) -> String {
    text.replace('\n', "\n   ")
}

fn clip(s: &str) -> String {
    let t: String = s.chars().filter(|c| !c.is_control()).take(40).collect();
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
    note: Option<&'static str>,
    in_table: bool,
}

fn event(id: &str, json: bool) -> Result<String, String> {
    let e = knowledge::lookup_event(id).map_err(|e| e.to_string())?;
    let out = EventJson {
        id: e.id,
        description: e.description,
        category: e.category.as_str(),
        severity: e.severity.as_str(),
        connectivity: e.connectivity(),
        note: e.note,
        in_table: e.in_table,
    };
    if json {
        return Ok(to_json(&out));
    }
    let mut s = format!("Event {}  [category: {}; severity: {}]\n{}\n", e.id, out.category, out.severity, e.description);
    if let Some(n) = e.note {
        s.push_str(&format!("\n{n}\n"));
    }
    if e.connectivity() {
        s.push_str(&format!("\nFrom source \"{}\": {}\n", knowledge::CONNECTIVITY_SOURCE, knowledge::CONNECTIVITY_MEANING));
    }
    Ok(s)
}

#[derive(Serialize)]
struct StatusJson {
    name: &'static str,
    description: String,
    next_step: String,
    severity: &'static str,
}

fn status(name: &str, json: bool) -> Result<String, String> {
    let st = knowledge::lookup_status(name).map_err(|e| e.to_string())?;
    let out = StatusJson {
        name: st.name,
        description: st.description.plain(),
        next_step: st.next_step.plain(),
        severity: st.severity.as_str(),
    };
    if json {
        return Ok(to_json(&out));
    }
    Ok(format!("{} ({})\n{}\n\nNext step: {}\n", out.name, out.severity, out.description, out.next_step))
}

/// Writes `script` as the web page's download does (UTF-8 with BOM, CRLF) and says so on stderr.
fn write_ps1(file: &std::ffi::OsStr, script: &str) -> Result<String, Failure> {
    let bytes = script::ps1_file(script);
    std::fs::write(file, bytes.as_bytes()).map_err(|e| Failure {
        code: 1,
        message: format!("cannot write {}: {e}", std::path::Path::new(file).display()),
    })?;
    eprintln!(
        "phs-doctor: wrote {} ({} bytes, UTF-8 with BOM, CRLF line endings)",
        std::path::Path::new(file).display(),
        bytes.len()
    );
    Ok(String::new())
}

fn script(kind: &str, ad: Option<String>, aad: Option<String>, dn: Option<String>) -> Result<String, String> {
    let kind = ScriptKind::from_id(kind)
        .ok_or_else(|| format!("unknown script \"{}\": use status, full-sync or single-object", clip(kind)))?;
    let given = [
        (script::Field::AdConnector, "--ad-connector", ad.is_some()),
        (script::Field::AadConnector, "--aad-connector", aad.is_some()),
        (script::Field::DistinguishedName, "--dn", dn.is_some()),
    ];
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
