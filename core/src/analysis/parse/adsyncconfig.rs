//! Errors of the AdSyncConfig module (`AdSyncConfig.psm1`, the module that grants the AD DS
//! connector account its permissions), as PowerShell prints an error record:
//!
//! ```text
//! GrantAclsNoInheritance : Fehler: … Zugriff verweigert
//! In C:\Program Files\Microsoft Azure Active Directory Connect\AdSyncConfig\AdSyncConfig.psm1:1044 Zeichen:9
//! +         GrantAclsNoInheritance -ObjectDN $ADobjectDN -ACLs $acls -Ver …
//!     + CategoryInfo          : NotSpecified: (:) [Write-Error], WriteErrorException
//!     + FullyQualifiedErrorId : Microsoft.PowerShell.Commands.WriteErrorException,GrantAclsNoInheritance
//! ```
//!
//! Recognised by the function names and the record's property names (`CategoryInfo`,
//! `FullyQualifiedErrorId`), which PowerShell doesn't translate, never by the message. A
//! `CommandNotFoundException` (the module isn't imported) is no failed grant.

use std::borrow::Cow;

use crate::analysis::lines::{self, Src};
use crate::analysis::scan::{has_ci, starts_ci};

/// What a failing function grants: password hash sync's permissions (or the connector account
/// itself), or another feature's (`not-phs` with that feature).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Scope {
    Phs,
    Other(&'static str),
}

const NAMES: &[(&str, Scope)] = &[
    ("Set-ADSyncPasswordHashSyncPermissions", Scope::Phs),
    ("Set-ADSyncRestrictedPermissions", Scope::Phs),
    ("GrantADPermissionsOnAllDomains", Scope::Phs),
    ("GrantADPermissionsOnADobject", Scope::Phs),
    ("GrantAclsNoInheritance", Scope::Phs),
    ("GrantAcls", Scope::Phs),
    ("Set-ADSyncPasswordWritebackPermissions", Scope::Other("password-writeback")),
    ("Set-ADSyncBasicReadPermissions", Scope::Other("object-sync")),
    ("Set-ADSyncMsDsConsistencyGuidPermissions", Scope::Other("object-sync")),
    ("Set-ADSyncExchangeHybridPermissions", Scope::Other("exchange-hybrid")),
    ("Set-ADSyncUnifiedGroupWritebackPermissions", Scope::Other("group-writeback")),
];

/// The module's function `name` is (any case), and its scope.
pub(crate) fn function(name: &str) -> Option<(&'static str, Scope)> {
    NAMES.iter().find(|(n, _)| n.eq_ignore_ascii_case(name)).copied()
}

/// A helper of the module's cmdlets (`GrantAcls`…), not a cmdlet (`Set-ADSync…`).
pub(crate) fn is_helper(name: &str) -> bool {
    !starts_ci(name, "Set-")
}

/// The module's cmdlet a typed command runs (its first word).
pub(crate) fn command(cmd: &str) -> Option<&'static str> {
    let first = cmd.split_whitespace().next()?;
    function(first).map(|(n, _)| n).filter(|n| !is_helper(n))
}

/// The function an error record starts with: `Name : message` (or `Name: message`).
fn head(text: &str) -> Option<&'static str> {
    let t = lines::trim(text);
    let colon = t.find(':')?;
    function(t[..colon].trim_end()).map(|(n, _)| n)
}

/// The value of `+ Key : value` (the error record's property lines).
fn property<'t>(text: &'t str, key: &str) -> Option<&'t str> {
    let t = lines::trim(text).trim_start_matches(['+', ' ', '\t']);
    if !starts_ci(t, key) {
        return None;
    }
    let rest = t[key.len()..].trim_start();
    rest.strip_prefix(':').map(str::trim)
}

/// A type name: one word of letters, digits and dots (`Microsoft.PowerShell.Commands.WriteErrorException`).
fn type_name(s: &str) -> Option<&str> {
    let s = s.trim();
    (!s.is_empty() && s.len() <= 200 && s.bytes().all(|b| b.is_ascii_alphanumeric() || b == b'.' || b == b'_')).then_some(s)
}

/// An error record being read.
#[derive(Debug)]
pub(crate) struct Block<'a> {
    pub first: usize,
    pub last: usize,
    pub function: Option<(&'static str, usize)>,
    /// The exception type (from `FullyQualifiedErrorId`, else `CategoryInfo`) and its line.
    pub error_id: Option<(Cow<'a, str>, usize)>,
    pub lines: usize,
    pub done: bool,
}

/// Lines an error record may take before its `FullyQualifiedErrorId` (the message can wrap).
const MAX_LINES: usize = 16;

impl<'a> Block<'a> {
    /// A record that starts at this line (its head, or its `FullyQualifiedErrorId` alone).
    pub fn start(src: Src<'a>, text: &str, line: usize) -> Option<Block<'a>> {
        let mut b = Block { first: line, last: line, function: None, error_id: None, lines: 0, done: false };
        if let Some(n) = head(text) {
            b.function = Some((n, line));
            b.lines = 1;
            return Some(b);
        }
        b.line(src, text, line);
        (b.function.is_some() && b.done).then_some(b)
    }

    /// Reads a line of the record; `done` once its `FullyQualifiedErrorId` is read.
    pub fn line(&mut self, src: Src<'a>, text: &str, line: usize) {
        self.lines += 1;
        self.last = line;
        if let Some(v) = property(text, "CategoryInfo") {
            if self.error_id.is_none() {
                if let Some(t) = v.rsplit(',').next().and_then(type_name) {
                    self.error_id = Some((src.cow(t), line));
                }
            }
        } else if let Some(v) = property(text, "FullyQualifiedErrorId") {
            let (id, name) = match v.rsplit_once(',') {
                Some((id, name)) if function(name.trim()).is_some() => (id, function(name.trim())),
                _ => (v, None),
            };
            if let Some(t) = type_name(id) {
                self.error_id = Some((src.cow(t), line));
            }
            if let Some((n, _)) = name {
                self.function.get_or_insert((n, line));
            }
            self.done = true;
        }
        if self.lines >= MAX_LINES {
            self.done = true;
        }
    }

    /// Whether `text` continues the record: a `+ …` line (the command echo, its `~~~` and the
    /// properties), the script position (`….psm1:1044 char:9` in any language) or, right after
    /// the head, the message wrapping. A progress line of the module that only looks like a
    /// head (`Set-ADSyncRestrictedPermissions : Setting Restricted permissions on …`) is
    /// followed by none of them.
    pub fn accepts(&self, text: &str) -> bool {
        let t = lines::trim(text);
        t.starts_with('+') || has_ci(t, ".psm1:") || has_ci(t, ".ps1:") || has_ci(t, "line:") || self.lines < 3
    }

    /// An error record: its `CategoryInfo` or `FullyQualifiedErrorId` was read.
    pub fn is_error(&self) -> bool {
        self.error_id.is_some()
    }

    /// The module isn't loaded: PowerShell didn't find the command.
    pub fn command_not_found(&self) -> bool {
        self.error_id.as_ref().is_some_and(|(e, _)| has_ci(e, "CommandNotFoundException"))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn read(text: &'static str) -> Option<Block<'static>> {
        let mut lines = text.lines().enumerate();
        let (_, l) = lines.next()?;
        let mut b = Block::start(Src(text), l, 1)?;
        for (n, l) in lines {
            if b.done {
                break;
            }
            b.line(Src(text), l, n + 1);
        }
        Some(b)
    }

    #[test]
    fn records() {
        let b = read("GrantAclsNoInheritance : Fehler\nIn C:\\x\\AdSyncConfig.psm1:1044 Zeichen:9\n+ GrantAclsNoInheritance -ObjectDN $x\n    + CategoryInfo          : NotSpecified: (:) [Write-Error], WriteErrorException\n    + FullyQualifiedErrorId : Microsoft.PowerShell.Commands.WriteErrorException,GrantAclsNoInheritance\n").unwrap();
        assert_eq!(b.function, Some(("GrantAclsNoInheritance", 1)));
        assert_eq!(
            b.error_id.as_ref().map(|(e, l)| (e.as_ref(), *l)),
            Some(("Microsoft.PowerShell.Commands.WriteErrorException", 5)),
            "the error id wins over the category's exception"
        );
        assert!(b.done && !b.command_not_found());
        let b = read("set-adsyncpasswordhashsyncpermissions : The term 'set-adsyncpasswordhashsyncpermissions' is not recognized\nAt line:1 char:1\n    + CategoryInfo          : ObjectNotFound: (Set-ADSyncPasswordHashSyncPermissions:String) [], CommandNotFoundException\n    + FullyQualifiedErrorId : CommandNotFoundException\n").unwrap();
        assert!(b.command_not_found());
        let b =
            read("    + FullyQualifiedErrorId : Microsoft.PowerShell.Commands.WriteErrorException,Set-ADSyncPasswordWritebackPermissions")
                .unwrap();
        assert_eq!(b.function.and_then(|(n, _)| function(n)).map(|f| f.1), Some(Scope::Other("password-writeback")));
        assert!(read("Get-ADSyncConnector : something").is_none());
        let progress =
            read("Set-ADSyncRestrictedPermissions : Setting Restricted permissions on 'CN=MSOL_1,CN=Users,DC=contoso,DC=com'...").unwrap();
        assert!(!progress.is_error(), "a progress line without the record's properties is no error");
        assert!(progress.accepts("wrapped message") && progress.accepts("    + CategoryInfo : x"));
        assert_eq!(
            command("Set-ADSyncPasswordWritebackPermissions -ADConnectorAccountDN x"),
            Some("Set-ADSyncPasswordWritebackPermissions")
        );
        assert_eq!(command("GrantAcls x"), None);
        assert!(is_helper("GrantAclsNoInheritance") && !is_helper("Set-ADSyncRestrictedPermissions"));
        assert!(read("    + FullyQualifiedErrorId : CommandNotFoundException").is_none());
    }
}
