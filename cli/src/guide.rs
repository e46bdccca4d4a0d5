//! `phs-doctor path` and `phs-doctor result`: a guided path as text or JSON, with every result
//! it leads to (meaning, numbered fix, scripts), each text under its source. The JSON shapes
//! are this shell's own types (documented in README).

use phs_doctor_core::knowledge::{self, advice_groups, NodeKind, PathInfo, ResultInfo, Scope, Source, Target, Text};
use phs_doctor_core::releases::{self, Notice, NoticeKind};
use phs_doctor_core::script::ScriptKind;
use phs_doctor_core::version::{self, ConnectVersion};
use serde::Serialize;

use crate::output::{clip, indent, to_json};

#[derive(Serialize)]
pub struct SourceJson {
    kind: &'static str,
    label: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    citation: Option<String>,
    #[serde(skip_serializing_if = "str::is_empty")]
    title: &'static str,
    #[serde(skip_serializing_if = "str::is_empty")]
    url: &'static str,
}

impl SourceJson {
    pub fn of(s: &'static Source) -> SourceJson {
        SourceJson { kind: s.kind_str(), label: s.label(), citation: s.citation(), title: s.title, url: s.url }
    }
}

#[derive(Serialize)]
pub struct TextJson {
    text: String,
    source: SourceJson,
}

impl TextJson {
    pub fn of(t: &Text) -> TextJson {
        TextJson { text: t.plain(), source: SourceJson::of(t.source) }
    }
}

#[derive(Serialize)]
struct PathJson {
    #[serde(skip_serializing_if = "Option::is_none")]
    retired: Option<TextJson>,
    /// What PHS Doctor knows about the version on today's date (`phs-doctor version`).
    #[serde(skip_serializing_if = "Vec::is_empty")]
    notices: Vec<crate::version::NoticeJson>,
    path: &'static str,
    path_id: &'static str,
    title: &'static str,
    version: Option<String>,
    scope: &'static str,
    reason: String,
    also: Vec<&'static str>,
    source: SourceJson,
    steps: Vec<StepJson>,
    results: Vec<ResultJson>,
}

#[derive(Serialize)]
struct StepJson {
    id: &'static str,
    kind: &'static str,
    text: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    help: Option<TextJson>,
    #[serde(skip_serializing_if = "Option::is_none")]
    script: Option<ScriptJson>,
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

#[derive(Serialize)]
struct ScriptJson {
    kind: &'static str,
    title: &'static str,
    command: &'static str,
}

#[derive(Serialize)]
struct ResultJson {
    id: &'static str,
    severity: &'static str,
    title: &'static str,
    meaning: TextJson,
    fix: Vec<TextJson>,
    #[serde(skip_serializing_if = "Option::is_none")]
    script: Option<ScriptJson>,
    /// Where to go on (for `path`: from this path; for `result`: every continuation).
    #[serde(rename = "continue", skip_serializing_if = "Vec::is_empty")]
    conts: Vec<ContinueJson>,
}

#[derive(Serialize)]
struct ContinueJson {
    label: &'static str,
    next: &'static str,
    #[serde(skip_serializing_if = "Option::is_none")]
    path: Option<&'static str>,
}

/// The command that writes a script, with the values it needs.
fn script_command(kind: ScriptKind) -> &'static str {
    match kind {
        ScriptKind::Status => "phs-doctor script status [--aad-connector <NAME>]",
        ScriptKind::FullSync => "phs-doctor script full-sync --ad-connector <NAME> --aad-connector <NAME>",
        ScriptKind::SingleObject => "phs-doctor script single-object --ad-connector <NAME> --dn <DN>",
        ScriptKind::Collector => "phs-doctor script collector",
    }
}

fn script_json(kind: Option<ScriptKind>) -> Option<ScriptJson> {
    kind.map(|k| ScriptJson { kind: k.id(), title: k.title(), command: script_command(k) })
}

/// The continuations of `r` that apply: from `path`, or all of them.
fn continuations(r: &'static ResultInfo, path: Option<&str>) -> Vec<&'static knowledge::Continue> {
    match path {
        Some(p) => r.continuation(p).into_iter().collect(),
        None => r.conts.iter().collect(),
    }
}

fn result_json(r: &'static ResultInfo, path: Option<&str>) -> ResultJson {
    ResultJson {
        id: r.id,
        severity: r.severity.as_str(),
        title: r.title,
        meaning: TextJson::of(&r.meaning),
        fix: r.fix.iter().map(TextJson::of).collect(),
        script: script_json(r.script),
        conts: continuations(r, path).into_iter().map(|c| ContinueJson { label: c.label, next: c.next, path: c.path }).collect(),
    }
}

/// The results the path's own nodes lead to, in the order they first appear.
fn results_of(p: &'static PathInfo) -> Vec<&'static ResultInfo> {
    let mut out: Vec<&'static ResultInfo> = Vec::new();
    for n in p.nodes {
        for r in n.nexts() {
            if let Ok(Target::Result(res)) = knowledge::resolve(p, r) {
                if !out.contains(&res) {
                    out.push(res);
                }
            }
        }
    }
    out
}

pub fn path(version: Option<&str>, scope: &str, method: Option<&str>, json: bool) -> Result<String, String> {
    let scope = Scope::parse(scope).ok_or_else(|| format!("unknown scope \"{}\": use all or object", clip(scope)))?;
    let version = match version {
        Some(v) => Some(ConnectVersion::parse(v).map_err(|e| format!("invalid version: {e}"))?),
        None => None,
    };
    let wanted = match method {
        Some(m) => Some(knowledge::Method::parse(m).ok_or_else(|| format!("unknown method \"{}\": use task, cmdlet or manual", clip(m)))?),
        None => None,
    };
    let rec = version::recommend(version);
    let method = version::choose(version, wanted)?;
    // The retirement is said first (`retired`); the other notices follow the reason.
    let notices: Vec<Notice> = match version {
        Some(v) => releases::notices(v, crate::version::today(None)?).into_iter().filter(|n| n.kind != NoticeKind::Retired).collect(),
        None => Vec::new(),
    };
    let p = knowledge::path_for(method, scope).ok_or("no path for that method and scope")?;
    let steps: Vec<StepJson> = p
        .nodes
        .iter()
        .map(|n| {
            let (kind, answers, next) = match &n.kind {
                NodeKind::Step { next } => ("step", vec![], Some(*next)),
                NodeKind::Question { answers } => {
                    ("question", answers.iter().map(|a| AnswerJson { label: a.label, next: a.next }).collect(), None)
                }
            };
            StepJson {
                id: n.id,
                kind,
                text: n.text.plain(),
                help: n.help.as_ref().map(TextJson::of),
                script: script_json(n.script),
                answers,
                next,
            }
        })
        .collect();
    let also: Vec<&'static str> =
        std::iter::once(rec.primary).chain(rec.also.iter().copied()).filter(|m| *m != method).map(|m| m.as_str()).collect();
    let out = PathJson {
        retired: version::retired(version).as_ref().map(TextJson::of),
        notices: notices.iter().map(crate::version::NoticeJson::of).collect(),
        path: method.as_str(),
        path_id: p.id,
        title: p.title,
        version: version.map(|v| v.to_string()),
        scope: scope.as_str(),
        reason: rec.reason,
        also,
        source: SourceJson::of(p.intro.source),
        steps,
        results: results_of(p).into_iter().map(|r| result_json(r, Some(p.id))).collect(),
    };
    if json {
        return Ok(to_json(&out));
    }
    Ok(path_text(p, &out, version, &notices))
}

/// "step 3" for a node of this path, the reference itself for anything else.
fn target_label(p: &'static PathInfo, reference: &str) -> String {
    match p.nodes.iter().position(|n| n.id == reference) {
        Some(i) => format!("step {}", i + 1),
        None => reference.to_string(),
    }
}

fn path_text(p: &'static PathInfo, out: &PathJson, version: Option<ConnectVersion>, notices: &[Notice]) -> String {
    let mut s = String::new();
    if let Some(r) = version::retired(version) {
        s.push_str(&format!("{}\n({})\n\n", r.plain(), r.source.line()));
    }
    s.push_str(&format!("{}\n{}\n\n{}\n", out.title, "=".repeat(out.title.chars().count()), out.reason));
    if !notices.is_empty() {
        s.push_str(&format!("\nAbout this version (phs-doctor version {}):\n", out.version.as_deref().unwrap_or("")));
        s.push_str(&crate::version::notices_text(notices));
        s.push('\n');
    }
    if let Some(g) = p.gate.and_then(knowledge::gate) {
        if g.status(version) != knowledge::GateStatus::Met {
            s.push_str(&format!("Note: {}\n", g.text.plain()));
        }
    }
    s.push_str(&format!("Source: {}\n\n{}\n\n", p.intro.source.line(), p.intro.plain()));
    for (i, st) in out.steps.iter().enumerate() {
        s.push_str(&format!("{}. {}\n", i + 1, indent(&st.text)));
        if let Some(h) = &st.help {
            s.push_str(&format!("   {}\n", indent(&h.text)));
            if h.source.kind != "article" {
                s.push_str(&format!(
                    "   [{}]\n",
                    h.source.citation.as_deref().map_or(h.source.label.clone(), |c| format!("{}: {c}", h.source.label))
                ));
            }
        }
        if let Some(sc) = &st.script {
            s.push_str(&format!("   Script ({}): {}\n", sc.title, sc.command));
        }
        for a in &st.answers {
            s.push_str(&format!("     - {} -> {}\n", a.label, target_label(p, a.next)));
        }
        if let Some(n) = st.next.filter(|n| p.nodes.get(i + 1).is_none_or(|next| next.id != *n)) {
            s.push_str(&format!("   Then: {}\n", target_label(p, n)));
        }
    }
    if !out.results.is_empty() {
        s.push_str("\nResults\n-------\n");
        for r in results_of(p) {
            s.push('\n');
            s.push_str(&result_text(r, Some(p.id)));
        }
    }
    if !out.also.is_empty() {
        let scope = out.scope;
        let v = out.version.as_deref().map(|v| format!(" --version {v}")).unwrap_or_default();
        let cmds: Vec<String> = out.also.iter().map(|m| format!("phs-doctor path{v} --scope {scope} --method {m}")).collect();
        s.push_str(&format!("\nAlso available on this version: {} ({})\n", out.also.join(", "), cmds.join("; ")));
    }
    s
}

/// Steps numbered from 1 under their labels ("Microsoft's article (section …)", "PHS Doctor's
/// advice"), each addition with its citation; every line starts with `indent`.
pub fn numbered_advice(steps: &[Text], indent: &str) -> String {
    let mut s = String::new();
    let mut n = 1;
    for g in advice_groups(steps) {
        s.push_str(&format!("{indent}{}:\n", g.label));
        for t in &g.steps {
            let hang = format!("\n{indent}     ");
            s.push_str(&format!("{indent}  {n}. {}\n", t.plain().replace('\n', &hang)));
            if let Some(c) = t.source.citation() {
                s.push_str(&format!("{indent}     ({c})\n"));
            }
            n += 1;
        }
    }
    s
}

/// A result as text: title, meaning, the numbered fix under its sources, the script and where
/// to go on.
fn result_text(r: &'static ResultInfo, path: Option<&str>) -> String {
    let mut s = format!("result:{}  {} [{}]\n", r.id, r.title, r.severity.as_str());
    s.push_str(&format!("  {}\n", r.meaning.plain().replace('\n', "\n  ")));
    s.push_str(&format!("  ({})\n", r.meaning.source.line()));
    s.push_str("  What to do:\n");
    s.push_str(&numbered_advice(r.fix, "  "));
    if let Some(k) = r.script {
        s.push_str(&format!("  Script ({}): {}\n", k.title(), script_command(k)));
    }
    if let Some(g) = r.gate.and_then(knowledge::gate) {
        s.push_str(&format!("  Version: {}\n", g.text.plain()));
    }
    for c in continuations(r, path) {
        match c.path.filter(|_| path.is_none()) {
            Some(p) => s.push_str(&format!("  Then (in {p}): {} -> {}\n", c.label, c.next)),
            None => s.push_str(&format!("  Then: {} -> {}\n", c.label, c.next)),
        }
    }
    s
}

pub fn result(id: &str, json: bool) -> Result<String, String> {
    let r = knowledge::lookup_result(id).map_err(|e| e.to_string())?;
    if json {
        return Ok(to_json(&result_json(r, None)));
    }
    Ok(result_text(r, None))
}
