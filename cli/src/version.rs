//! `phs-doctor version <V>` and the version notices of `path`, `diagnose` and `report`:
//! `core::releases::notices` for today's date. Today is the system clock's day (UTC), or
//! `PHS_DOCTOR_TODAY` (`YYYY-MM-DD`), or `version --today`, to judge as of another day.

use phs_doctor_core::releases::{self, Date, Notice};
use phs_doctor_core::version::ConnectVersion;
use serde::Serialize;

use crate::guide::{SourceJson, TextJson};

/// Today's date: `--today` or `PHS_DOCTOR_TODAY` when given (refused unless `YYYY-MM-DD`),
/// else the system clock's day in UTC.
pub fn today(given: Option<&str>) -> Result<Date, String> {
    let env = std::env::var("PHS_DOCTOR_TODAY").ok().filter(|s| !s.trim().is_empty());
    if let Some(s) = given.map(str::to_string).or(env) {
        return Date::parse(&s).ok_or_else(|| format!("invalid date \"{}\": use YYYY-MM-DD", crate::output::clip(&s)));
    }
    let secs = std::time::SystemTime::now().duration_since(std::time::UNIX_EPOCH).map_or(0, |d| d.as_secs());
    Ok(Date::from_unix_days((secs / 86_400) as i64))
}

#[derive(Serialize)]
pub struct NoticeJson {
    kind: &'static str,
    severity: &'static str,
    title: String,
    text: TextJson,
    details: Vec<TextJson>,
    /// The release's changes (on the support notice of a listed build).
    changes: Vec<TextJson>,
    #[serde(skip_serializing_if = "Option::is_none")]
    next_step: Option<TextJson>,
    source: SourceJson,
}

impl NoticeJson {
    pub fn of(n: &Notice) -> NoticeJson {
        NoticeJson {
            kind: n.kind.as_str(),
            severity: n.severity.as_str(),
            title: n.title.clone(),
            text: TextJson::of(&n.text),
            details: n.details.iter().map(TextJson::of).collect(),
            changes: n.changes.iter().map(TextJson::of).collect(),
            next_step: n.next_step.as_ref().map(TextJson::of),
            source: SourceJson::of(n.source),
        }
    }
}

/// The notices as text, a blank line between them: `[SEVERITY] title`, the text, the details
/// and the release's changes (each with its source), the next step, then the sources of the
/// title, the text and the next step, each once.
pub fn notices_text(notices: &[Notice]) -> String {
    let mut s = String::new();
    for (i, n) in notices.iter().enumerate() {
        if i > 0 {
            s.push('\n');
        }
        s.push_str(&format!("[{}] {}\n", n.severity.as_str().to_uppercase(), n.title));
        s.push_str(&format!("  {}\n", n.text.plain().replace('\n', "\n  ")));
        for d in &n.details {
            s.push_str(&format!("  {}\n  ({})\n", d.plain().replace('\n', "\n  "), d.source.line()));
        }
        if !n.changes.is_empty() {
            s.push_str("  What this release changed for password hash sync:\n");
        }
        for d in &n.changes {
            s.push_str(&format!("  - {}\n    ({})\n", d.plain().replace('\n', "\n    "), d.source.line()));
        }
        if let Some(next) = &n.next_step {
            s.push_str(&format!("  Next: {}\n", next.plain().replace('\n', "\n  ")));
        }
        // The title's, the text's and the next step's sources, each once.
        for src in n.sources() {
            s.push_str(&format!("  ({})\n", src.line()));
        }
    }
    s
}

#[derive(Serialize)]
struct VersionJson {
    version: String,
    today: String,
    data_date: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    released: Option<&'static str>,
    notices: Vec<NoticeJson>,
}

/// `phs-doctor version <V> [--today YYYY-MM-DD] [--json]`.
pub fn run(version: &str, today_given: Option<&str>, json: bool) -> Result<String, String> {
    let v = ConnectVersion::parse(version).map_err(|e| format!("invalid version: {e}"))?;
    let today = today(today_given)?;
    let notices = releases::notices(v, today);
    let release = releases::release(v);
    if json {
        return Ok(crate::output::to_json(&VersionJson {
            version: v.to_string(),
            today: today.to_string(),
            data_date: releases::DATA_DATE.to_string(),
            released: release.and_then(|r| r.released),
            notices: notices.iter().map(NoticeJson::of).collect(),
        }));
    }
    let mut s = format!("Microsoft Entra Connect {v}");
    if let Some(d) = release.and_then(|r| r.released) {
        s.push_str(&format!(", released {d}"));
    }
    s.push_str(&format!("\nJudged on {today} against PHS Doctor's release list of {}.\n\n", releases::DATA_DATE));
    s.push_str(&notices_text(&notices));
    Ok(s)
}
