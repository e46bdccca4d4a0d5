//! Argument parsing: raw arguments to a validated [`Command`] (validation of values that are
//! domain facts — versions, event IDs, names — happens in the core, called from `output`).

use std::ffi::OsString;

use lexopt::prelude::*;

pub const USAGE: &str = "\
phs-doctor: troubleshoot password hash synchronization in Microsoft Entra Connect Sync

USAGE:
  phs-doctor path [--version <V>] --scope all|object [--method task|cmdlet|manual] [--json]
  phs-doctor version <V> [--today YYYY-MM-DD] [--json]
  phs-doctor result <ID> [--json]
  phs-doctor event <ID> [--json]
  phs-doctor status <NAME> [--json]
  phs-doctor script status [--aad-connector <NAME>] [--output <FILE>]
  phs-doctor script full-sync --ad-connector <NAME> --aad-connector <NAME> [--output <FILE>]
  phs-doctor script single-object --ad-connector <NAME> --dn <DN> [--output <FILE>]
  phs-doctor script collector [--output <FILE>]
  phs-doctor diagnose <FILE|-> [--json]     (diagnose --help: what it reads)
  phs-doctor redact <FILE|->
  phs-doctor report <FILE|-> [--version <V>] [--no-redact] [--out <FILE>]

Scripts are pure ASCII (a non-ASCII character of a value is written [char]0xNNNN), so they
read the same in any encoding Windows PowerShell uses. --output writes a .ps1 file in UTF-8
with BOM and CRLF line endings, as the web page's download does.

redact prints the input with DNs, users, hosts, tenants, GUIDs, SIDs and addresses replaced by
stable placeholders (<dn1>, <host1>, ...); the table of what was replaced goes to stderr.
report writes the analysis as ticket-ready Markdown, its quoted lines redacted the same way
unless --no-redact.

version prints what PHS Doctor knows about a Connect version on today's date: a retired build,
the mandatory minimum, the end of support, the version-specific password hash sync problems.
path --version, diagnose (a version in the input) and report print the same notices. Today is
the system clock's day (UTC); PHS_DOCTOR_TODAY=YYYY-MM-DD (or version --today) judges as of
another day.

Exit codes: 0 success, 1 output or a file could not be written, 2 invalid input or unknown name
(reason on stderr).
";

#[derive(Debug, PartialEq, Eq)]
pub enum Command {
    Help,
    /// `diagnose --help`: what the analysis reads, with a sample of each.
    DiagnoseHelp,
    Path {
        version: Option<String>,
        scope: String,
        method: Option<String>,
        json: bool,
    },
    Result {
        id: String,
        json: bool,
    },
    Version {
        version: String,
        today: Option<String>,
        json: bool,
    },
    Event {
        id: String,
        json: bool,
    },
    Status {
        name: String,
        json: bool,
    },
    Script {
        kind: String,
        ad_connector: Option<String>,
        aad_connector: Option<String>,
        dn: Option<String>,
        output: Option<OsString>,
    },
    Diagnose {
        source: String,
        json: bool,
    },
    Redact {
        source: String,
    },
    Report {
        source: String,
        version: Option<String>,
        redact: bool,
        out: Option<OsString>,
    },
}

pub fn parse(args: impl IntoIterator<Item = OsString>) -> Result<Command, String> {
    let mut p = lexopt::Parser::from_iter(std::iter::once(OsString::from("phs-doctor")).chain(args));
    let sub = match p.next().map_err(|e| e.to_string())? {
        Some(Value(v)) => string(v)?,
        Some(Long("help") | Short('h')) | None => return Ok(Command::Help),
        Some(other) => return Err(other.unexpected().to_string()),
    };
    match sub.as_str() {
        "help" => Ok(Command::Help),
        "path" => {
            let (mut version, mut scope, mut method, mut json) = (None, None, None, false);
            while let Some(arg) = p.next().map_err(|e| e.to_string())? {
                match arg {
                    Long("version") => version = Some(string(p.value().map_err(|e| e.to_string())?)?),
                    Long("scope") => scope = Some(string(p.value().map_err(|e| e.to_string())?)?),
                    Long("method") => method = Some(string(p.value().map_err(|e| e.to_string())?)?),
                    Long("json") => json = true,
                    other => return Err(other.unexpected().to_string()),
                }
            }
            let scope = scope.ok_or("path needs --scope all|object")?;
            Ok(Command::Path { version, scope, method, json })
        }
        "version" => {
            let (mut version, mut today, mut json) = (None, None, false);
            while let Some(arg) = p.next().map_err(|e| e.to_string())? {
                match arg {
                    Value(v) if version.is_none() => version = Some(string(v)?),
                    Long("today") => today = Some(string(p.value().map_err(|e| e.to_string())?)?),
                    Long("json") => json = true,
                    other => return Err(other.unexpected().to_string()),
                }
            }
            Ok(Command::Version { version: version.ok_or("version needs a version, such as 2.4.129.0")?, today, json })
        }
        "report" => {
            let (mut source, mut version, mut redact, mut out) = (None, None, true, None);
            while let Some(arg) = p.next().map_err(|e| e.to_string())? {
                match arg {
                    Value(v) if source.is_none() => source = Some(string(v)?),
                    Short('-') if source.is_none() => source = Some("-".into()),
                    Long("version") => version = Some(string(p.value().map_err(|e| e.to_string())?)?),
                    Long("no-redact") => redact = false,
                    Long("out") | Short('o') => out = Some(p.value().map_err(|e| e.to_string())?),
                    other => return Err(other.unexpected().to_string()),
                }
            }
            let source = source.ok_or("report needs a file, or - for standard input")?;
            Ok(Command::Report { source, version, redact, out })
        }
        "redact" => {
            let mut source = None;
            while let Some(arg) = p.next().map_err(|e| e.to_string())? {
                match arg {
                    Value(v) if source.is_none() => source = Some(string(v)?),
                    Short('-') if source.is_none() => source = Some("-".into()),
                    other => return Err(other.unexpected().to_string()),
                }
            }
            Ok(Command::Redact { source: source.ok_or("redact needs a file, or - for standard input")? })
        }
        "event" | "status" | "diagnose" | "result" => {
            let (mut value, mut json) = (None, false);
            while let Some(arg) = p.next().map_err(|e| e.to_string())? {
                match arg {
                    Long("help") | Short('h') if sub == "diagnose" => return Ok(Command::DiagnoseHelp),
                    Value(v) if value.is_none() => value = Some(string(v)?),
                    // `-` (stdin) is a value, not an option.
                    Short('-') if value.is_none() => value = Some("-".into()),
                    Long("json") => json = true,
                    other => return Err(other.unexpected().to_string()),
                }
            }
            if sub == "result" {
                Ok(Command::Result { id: value.ok_or("result needs an ID, such as staging-mode")?, json })
            } else if sub == "event" {
                Ok(Command::Event { id: value.ok_or("event needs an ID, such as 611")?, json })
            } else if sub == "diagnose" {
                Ok(Command::Diagnose { source: value.ok_or("diagnose needs a file, or - for standard input")?, json })
            } else {
                Ok(Command::Status { name: value.ok_or("status needs a name, such as FilteredByTarget")?, json })
            }
        }
        "script" => {
            let kind = match p.next().map_err(|e| e.to_string())? {
                Some(Value(v)) => string(v)?,
                _ => return Err("script needs a kind: status, full-sync, single-object or collector".into()),
            };
            let (mut ad, mut aad, mut dn, mut output) = (None, None, None, None);
            while let Some(arg) = p.next().map_err(|e| e.to_string())? {
                match arg {
                    Long("ad-connector") => ad = Some(string(p.value().map_err(|e| e.to_string())?)?),
                    Long("aad-connector") => aad = Some(string(p.value().map_err(|e| e.to_string())?)?),
                    Long("dn") => dn = Some(string(p.value().map_err(|e| e.to_string())?)?),
                    Long("output") | Short('o') => output = Some(p.value().map_err(|e| e.to_string())?),
                    other => return Err(other.unexpected().to_string()),
                }
            }
            Ok(Command::Script { kind, ad_connector: ad, aad_connector: aad, dn, output })
        }
        other => Err(format!("unknown command \"{}\"; run phs-doctor --help", crate::output::clip(other))),
    }
}

fn string(v: OsString) -> Result<String, String> {
    v.into_string().map_err(|_| "an argument is not valid Unicode".to_string())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn p(args: &[&str]) -> Result<Command, String> {
        parse(args.iter().map(OsString::from))
    }

    #[test]
    fn parses_commands() {
        assert_eq!(p(&[]), Ok(Command::Help));
        assert_eq!(p(&["diagnose", "--help"]), Ok(Command::DiagnoseHelp));
        assert_eq!(
            p(&["path", "--version", "1.1.614.0", "--scope", "all", "--json"]),
            Ok(Command::Path { version: Some("1.1.614.0".into()), scope: "all".into(), method: None, json: true })
        );
        assert_eq!(p(&["event", "611"]), Ok(Command::Event { id: "611".into(), json: false }));
        assert_eq!(
            p(&["version", "2.4.129.0", "--today", "2026-12-02", "--json"]),
            Ok(Command::Version { version: "2.4.129.0".into(), today: Some("2026-12-02".into()), json: true })
        );
        assert_eq!(p(&["status", "--json", "Success"]), Ok(Command::Status { name: "Success".into(), json: true }));
        assert_eq!(
            p(&["script", "full-sync", "--ad-connector=a", "--aad-connector", "b"]),
            Ok(Command::Script {
                kind: "full-sync".into(),
                ad_connector: Some("a".into()),
                aad_connector: Some("b".into()),
                dn: None,
                output: None
            })
        );
        assert_eq!(
            p(&["script", "status", "--output", "x.ps1"]),
            Ok(Command::Script { kind: "status".into(), ad_connector: None, aad_connector: None, dn: None, output: Some("x.ps1".into()) })
        );
    }

    #[test]
    fn rejects_bad_arguments() {
        assert!(p(&["path"]).unwrap_err().contains("--scope"));
        assert!(p(&["event"]).is_err());
        assert!(p(&["event", "1", "2"]).is_err());
        assert!(p(&["nope"]).unwrap_err().contains("unknown command"));
        // A terminal's escape sequence or a bidi override is not echoed.
        let e = p(&["zz\u{1b}[2J\u{202e}x"]).unwrap_err();
        assert!(e.contains("\"zz[2Jx\"") && !e.contains('\u{1b}') && !e.contains('\u{202e}'), "{e}");
        assert!(p(&["script"]).is_err());
        assert!(p(&["script", "status", "--bogus"]).is_err());
        assert!(p(&["path", "--version"]).is_err());
        assert!(p(&["version"]).unwrap_err().contains("needs a version"));
        assert!(p(&["version", "2.4", "2.5"]).is_err());
    }
}
