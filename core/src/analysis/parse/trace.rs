//! Lines of the Connect wizard's trace (`%ProgramData%\AADConnect\trace-*.log`) about password
//! sync:
//!
//! ```text
//! [06:46:23.928] [ 13] [INFO ] Authenticate: tenantId=(1deb59ba-…), IsDirSyncing=False, IsPasswordSyncing=False, DomainName=, DirSyncFeatures=0, AllowedFeatures=None.
//! [06:45:31.611] [  1] [WARN ] Password sync is not supported on this install. The current operating system version is 6.0.6002, while the requirement is 6.1.7601.
//! ```
//!
//! `IsPasswordSyncing` is the tenant's company configuration as the wizard read it when it signed
//! in (before its own changes). The wizard writes its trace in English.

use crate::analysis::scan::find_ci;

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Trace<'t> {
    PasswordSyncing(bool),
    Unsupported { os: Option<&'t str>, required: Option<&'t str> },
}

/// The dotted version numbers of `s` (`6.0.6002`), in order.
fn versions(s: &str) -> impl Iterator<Item = &str> {
    s.split(|c: char| !(c.is_ascii_digit() || c == '.'))
        .map(|t| t.trim_matches('.'))
        .filter(|t| t.contains('.') && t.split('.').all(|p| !p.is_empty()))
}

pub(crate) fn read(text: &str) -> Option<Trace<'_>> {
    if let Some(i) = find_ci(text, "ispasswordsyncing=") {
        let v = &text[i + "ispasswordsyncing=".len()..];
        let v = v.split([',', ' ', '.', ';']).next().unwrap_or("");
        return match v.to_ascii_lowercase().as_str() {
            "true" => Some(Trace::PasswordSyncing(true)),
            "false" => Some(Trace::PasswordSyncing(false)),
            _ => None,
        };
    }
    let i = find_ci(text, "password sync is not supported on this install")?;
    let mut vs = versions(&text[i..]);
    Some(Trace::Unsupported { os: vs.next(), required: vs.next() })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn lines() {
        assert_eq!(
            read("[06:46:23.928] [ 13] [INFO ] Authenticate: tenantId=(1d), IsDirSyncing=False, IsPasswordSyncing=False, DomainName=,"),
            Some(Trace::PasswordSyncing(false))
        );
        assert_eq!(read("GetCompanyConfiguration: IsPasswordSyncing=True, DomainName="), Some(Trace::PasswordSyncing(true)));
        assert_eq!(read("IsPasswordSyncing=maybe"), None);
        assert_eq!(
            read("[06:45:31.611] [  1] [WARN ] Password sync is not supported on this install. The current operating system version is 6.0.6002, while the requirement is 6.1.7601."),
            Some(Trace::Unsupported { os: Some("6.0.6002"), required: Some("6.1.7601") })
        );
        assert_eq!(read("nothing here"), None);
    }
}
