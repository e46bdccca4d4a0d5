//! Microsoft Entra Connect versions and the choice of troubleshooting path.

pub use crate::connect_version::{ConnectVersion, VersionError};
use crate::knowledge::{self, Method, Text};

/// The notice for a retired build (every 1.x build is retired and no longer synchronizes).
pub fn retired(version: Option<ConnectVersion>) -> Option<Text> {
    version.filter(|v| *v < knowledge::RETIRED_BELOW).map(|_| knowledge::RETIRED_TEXT)
}

/// Which troubleshooting method the doc recommends for a version, and what else is open.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Recommendation {
    /// For a retired build (every 1.x): said first, before any path is offered.
    pub retired: Option<Text>,
    pub primary: Method,
    /// Other methods that work on this version, best first.
    pub also: Vec<Method>,
    /// One sentence that says why, for the UI and the CLI.
    pub reason: String,
}

/// The doc's rule: 1.1.614.0 or later → the troubleshooting task (the cmdlet works too);
/// 1.1.524.0 or later → the diagnostic cmdlet; older → manual steps. Unknown version: ask,
/// and offer the manual steps, which work on every version.
pub fn recommend(version: Option<ConnectVersion>) -> Recommendation {
    let task = knowledge::gate("troubleshooting-task").map(|g| g.min);
    let cmdlet = knowledge::gate("diagnostic-cmdlet").map(|g| g.min);
    let retired = retired(version);
    let rec = match version {
        None => Recommendation {
            retired: None,
            primary: Method::Manual,
            also: vec![],
            reason: "Without the version, the manual steps are the safe choice: they work on every version. \
                     Enter the version (Synchronization Service Manager > Help > About, or Programs and Features) \
                     to use the faster tools."
                .into(),
        },
        Some(v) if task.is_some_and(|t| v >= t) => Recommendation {
            retired: None,
            primary: Method::Task,
            also: vec![Method::Cmdlet, Method::Manual],
            reason: format!(
                "Version {v} is 1.1.614.0 or later: use the troubleshooting task in the wizard (the diagnostic cmdlet works too)."
            ),
        },
        Some(v) if cmdlet.is_some_and(|c| v >= c) => Recommendation {
            retired: None,
            primary: Method::Cmdlet,
            also: vec![Method::Manual],
            reason: format!("Version {v} is 1.1.524.0 or later but older than 1.1.614.0: use the Invoke-ADSyncDiagnostics cmdlet."),
        },
        Some(v) => Recommendation {
            retired: None,
            primary: Method::Manual,
            also: vec![],
            reason: format!("Version {v} is older than 1.1.524.0: follow the manual troubleshooting steps."),
        },
    };
    Recommendation { retired, ..rec }
}

/// The method to follow: `wanted` if the version allows it (the recommended one or one of
/// [`Recommendation::also`]), else the recommendation. Without a version every method may be
/// taken (its version gate is shown with the path). Errs with the reason when `wanted` needs a
/// newer version than `version`.
pub fn choose(version: Option<ConnectVersion>, wanted: Option<Method>) -> Result<Method, String> {
    let rec = recommend(version);
    let Some(m) = wanted else { return Ok(rec.primary) };
    if version.is_none() || m == rec.primary || rec.also.contains(&m) {
        return Ok(m);
    }
    let gate = match m {
        Method::Task => knowledge::gate("troubleshooting-task"),
        Method::Cmdlet => knowledge::gate("diagnostic-cmdlet"),
        Method::Manual => None,
    };
    let allowed: Vec<&str> = std::iter::once(rec.primary).chain(rec.also.iter().copied()).map(Method::as_str).collect();
    Err(format!(
        "{} needs version {} or later; version {} allows {}",
        m.label(),
        gate.map(|g| g.min.to_string()).unwrap_or_default(),
        version.map(|v| v.to_string()).unwrap_or_default(),
        allowed.join(", ")
    ))
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Issue 9 §2: a 1.x build is retired; that is said first, with its source.
    #[test]
    fn a_1x_build_is_said_to_be_retired_first() {
        for v in ["1.6.16.0", "1.1.614.0", "1.0.9125.0"] {
            let r = recommend(ConnectVersion::parse(v).ok()).retired.unwrap_or_else(|| panic!("{v}"));
            assert!(r.plain().starts_with("Every 1.x build of Microsoft Entra Connect is retired and no longer synchronizes"), "{v}");
            assert!(r.source.url.contains("reference-connect-version-history"), "{v}");
        }
        for v in [Some("2.0.3.0"), Some("2.4.129.0"), None] {
            assert_eq!(recommend(v.and_then(|v| ConnectVersion::parse(v).ok())).retired, None, "{v:?}");
        }
    }

    fn ok(input: &str, expected: [u32; 4]) {
        assert_eq!(ConnectVersion::parse(input), Ok(ConnectVersion(expected)), "{input:?}");
    }

    fn err(input: &str, expected: VersionError) {
        assert_eq!(ConnectVersion::parse(input), Err(expected), "{input:?}");
    }

    #[test]
    fn parses_tolerantly() {
        ok("1.1.614.0", [1, 1, 614, 0]);
        ok("  v2.4.129.0 ", [2, 4, 129, 0]);
        ok("V 2.0.3.0", [2, 0, 3, 0]);
        ok("2.4", [2, 4, 0, 0]);
        ok("1.1.524", [1, 1, 524, 0]);
        ok("1 . 1 . 614 . 0", [1, 1, 614, 0]);
    }

    #[test]
    fn refuses_garbage_with_a_reason() {
        err("", VersionError::Empty);
        err("  v ", VersionError::Empty);
        err("2", VersionError::TooFewParts);
        err("1.2.3.4.5", VersionError::TooManyParts(5));
        err("1..2", VersionError::EmptyPart(2));
        err("1.x.2", VersionError::NotANumber { part: 2, text: "x".into() });
        err("1.-1", VersionError::NotANumber { part: 2, text: "-1".into() });
        err("latest", VersionError::NotANumber { part: 1, text: "latest".into() });
        err("1.99999999999", VersionError::TooLarge { part: 2 });
        assert!(VersionError::NotANumber { part: 2, text: "x".into() }.to_string().contains("\"x\""));
    }

    #[test]
    fn orders_numerically() {
        let p = |s| ConnectVersion::parse(s).unwrap();
        assert!(p("1.1.614.0") > p("1.1.524.0"));
        assert!(p("1.1.1000.0") > p("1.1.614.0"));
        assert!(p("2.0.3.0") > p("1.6.16.0"));
        assert_eq!(p("2.4").to_string(), "2.4.0.0");
    }

    #[test]
    fn path_selection_follows_the_doc() {
        let m = |s: &str| recommend(Some(ConnectVersion::parse(s).unwrap())).primary;
        assert_eq!(m("1.1.614.0"), Method::Task);
        assert_eq!(m("2.4.129.0"), Method::Task);
        assert_eq!(m("1.1.613.9"), Method::Cmdlet);
        assert_eq!(m("1.1.524.0"), Method::Cmdlet);
        assert_eq!(m("1.1.523.99"), Method::Manual);
        assert_eq!(m("1.0.9125.0"), Method::Manual);
        assert_eq!(recommend(None).primary, Method::Manual);
        assert!(recommend(Some(ConnectVersion([1, 1, 614, 0]))).also.contains(&Method::Cmdlet));
    }
}
