//! `phs-doctor report <FILE|-> [--version V] [--no-redact] [--out FILE]`: the ticket-ready
//! Markdown report of an analysis (`core::report`), redacted unless `--no-redact`; the table
//! of what was replaced goes to stderr.

use phs_doctor_core::analysis;
use phs_doctor_core::report::{analysis_report, ReportOptions};
use phs_doctor_core::version::ConnectVersion;

use crate::output::Failure;

pub fn run(source: &str, version: Option<&str>, redact: bool, out: Option<&std::ffi::OsStr>) -> Result<String, Failure> {
    let version = match version {
        Some(v) => Some(ConnectVersion::parse(v).map_err(|e| format!("invalid version: {e}"))?),
        None => None,
    };
    let excerpt = crate::diagnose::read(source)?;
    let a = analysis::analyze_excerpt(&excerpt).for_version(version);
    let today = Some(crate::version::today(None)?);
    let opts = ReportOptions { version: version.map(|v| (v, "given with --version")), redact, paste: Some(&excerpt.text), today };
    let report = analysis_report(&a, &opts);
    if redact {
        eprintln!("{}", crate::redact::table(&report.redactions));
    }
    match out {
        None => Ok(report.markdown),
        Some(file) => {
            std::fs::write(file, report.markdown.as_bytes())
                .map_err(|e| Failure { code: 1, message: format!("cannot write {}: {e}", std::path::Path::new(file).display()) })?;
            eprintln!("phs-doctor: wrote {} ({} bytes of Markdown)", std::path::Path::new(file).display(), report.markdown.len());
            Ok(String::new())
        }
    }
}
