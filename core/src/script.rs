//! PowerShell generators.
//!
//! Generated scripts run as administrator on a production server, so every user-supplied value
//! becomes one single-quoted PowerShell literal: inside it PowerShell expands nothing, and the
//! only character that ends it is a single quote, of which PowerShell accepts five spellings
//! (' ‘ ’ ‚ ‛); each is doubled. Values that a literal cannot hold safely on one line
//! (newlines, other control characters, invisible direction overrides) are refused.

use std::fmt;

use crate::knowledge::{FULL_SYNC_SCRIPT, SINGLE_OBJECT_SCRIPT, STATUS_SCRIPT};

#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum ScriptKind {
    /// "Get the status of password sync settings".
    Status,
    /// "Trigger a full sync of all passwords".
    FullSync,
    /// `Invoke-ADSyncDiagnostics -PasswordSync -ADConnectorName … -DistinguishedName …`.
    SingleObject,
}

impl ScriptKind {
    pub const ALL: [ScriptKind; 3] = [ScriptKind::Status, ScriptKind::FullSync, ScriptKind::SingleObject];

    pub fn id(self) -> &'static str {
        match self {
            ScriptKind::Status => "status",
            ScriptKind::FullSync => "full-sync",
            ScriptKind::SingleObject => "single-object",
        }
    }

    pub fn from_id(id: &str) -> Option<ScriptKind> {
        ScriptKind::ALL.into_iter().find(|k| k.id() == id)
    }

    pub fn title(self) -> &'static str {
        match self {
            ScriptKind::Status => "Get the status of password sync settings",
            ScriptKind::FullSync => "Trigger a full sync of all passwords",
            ScriptKind::SingleObject => "Diagnose one object (Invoke-ADSyncDiagnostics)",
        }
    }

    pub fn file_name(self) -> &'static str {
        match self {
            ScriptKind::Status => "phs-status.ps1",
            ScriptKind::FullSync => "phs-full-sync.ps1",
            ScriptKind::SingleObject => "phs-single-object.ps1",
        }
    }

    /// Which inputs the script takes.
    pub fn fields(self) -> &'static [Field] {
        match self {
            ScriptKind::Status => &[Field::AadConnector],
            ScriptKind::FullSync => &[Field::AdConnector, Field::AadConnector],
            ScriptKind::SingleObject => &[Field::AdConnector, Field::DistinguishedName],
        }
    }

    /// Whether an empty value for `field` is allowed (only the status script's optional name).
    pub fn optional(self, field: Field) -> bool {
        matches!((self, field), (ScriptKind::Status, Field::AadConnector))
    }
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Field {
    AdConnector,
    AadConnector,
    DistinguishedName,
}

impl Field {
    pub fn id(self) -> &'static str {
        match self {
            Field::AdConnector => "ad-connector",
            Field::AadConnector => "aad-connector",
            Field::DistinguishedName => "dn",
        }
    }

    pub fn label(self) -> &'static str {
        match self {
            Field::AdConnector => "AD connector name (case sensitive)",
            Field::AadConnector => "Microsoft Entra connector name (case sensitive)",
            Field::DistinguishedName => "Distinguished name of the AD object",
        }
    }
}

/// Why a value can't go into a script.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum ValueError {
    Empty,
    LineBreak { at: usize },
    Control { at: usize, code: u32 },
    Bidi { at: usize, code: u32 },
}

impl fmt::Display for ValueError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            ValueError::Empty => write!(f, "is empty"),
            ValueError::LineBreak { at } => write!(f, "contains a line break (character {at}); a name is one line"),
            ValueError::Control { at, code } => {
                write!(f, "contains the control character U+{code:04X} (character {at}), which can't be typed into a name")
            }
            ValueError::Bidi { at, code } => write!(
                f,
                "contains the invisible text-direction character U+{code:04X} (character {at}), which makes text display differently from what runs"
            ),
        }
    }
}

impl std::error::Error for ValueError {}

/// The characters PowerShell treats as a single quote.
pub const SINGLE_QUOTES: [char; 5] = ['\'', '\u{2018}', '\u{2019}', '\u{201A}', '\u{201B}'];

/// The Unicode bidirectional formatting characters (embeddings, overrides, isolates and marks):
/// they reorder what a reader sees ("Trojan Source"), so no output carries them raw.
pub fn is_bidi_control(c: char) -> bool {
    matches!(c, '\u{202A}'..='\u{202E}' | '\u{2066}'..='\u{2069}' | '\u{200E}' | '\u{200F}' | '\u{061C}')
}

/// Checks that `value` can be a one-line literal.
pub fn check_value(value: &str) -> Result<(), ValueError> {
    if value.is_empty() {
        return Err(ValueError::Empty);
    }
    for (i, c) in value.chars().enumerate() {
        let at = i + 1;
        let code = u32::from(c);
        match c {
            '\n' | '\r' | '\u{0B}' | '\u{0C}' | '\u{85}' | '\u{2028}' | '\u{2029}' => return Err(ValueError::LineBreak { at }),
            c if is_bidi_control(c) => return Err(ValueError::Bidi { at, code }),
            c if c.is_control() => return Err(ValueError::Control { at, code }),
            _ => {}
        }
    }
    Ok(())
}

/// `value` as a single-quoted PowerShell literal, every single-quote spelling doubled.
pub fn ps_literal(value: &str) -> Result<String, ValueError> {
    check_value(value)?;
    let mut out = String::with_capacity(value.len() + 2);
    out.push('\'');
    for c in value.chars() {
        if SINGLE_QUOTES.contains(&c) {
            out.push(c);
        }
        out.push(c);
    }
    out.push('\'');
    Ok(out)
}

/// A problem with a distinguished name: errors make it invalid, warnings make it suspicious.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct DnIssue {
    pub level: DnLevel,
    pub message: String,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum DnLevel {
    Error,
    Warning,
}

/// Checks a DN against RFC 4514 syntax, plus the mistakes people make when copying one
/// (such as the doc's own `CN=TestUserCN=Users,…`, which lacks a comma). Never panics.
pub fn check_dn(dn: &str) -> Vec<DnIssue> {
    let mut issues = Vec::new();
    let err = |m: String| DnIssue { level: DnLevel::Error, message: m };
    let warn = |m: String| DnIssue { level: DnLevel::Warning, message: m };
    if dn.trim().is_empty() {
        issues.push(err("the distinguished name is empty".into()));
        return issues;
    }
    if dn != dn.trim() {
        issues.push(warn("starts or ends with a space; Active Directory DNs don't".into()));
    }
    let rdns = match split_unescaped(dn.trim(), ',') {
        Ok(r) => r,
        Err(m) => {
            issues.push(err(m));
            return issues;
        }
    };
    let mut types = Vec::new();
    for (i, rdn) in rdns.iter().enumerate() {
        let n = i + 1;
        if rdn.trim().is_empty() {
            issues.push(err(format!("component {n} is empty (two commas in a row, or a comma at the end)")));
            continue;
        }
        let avas = match split_unescaped(rdn, '+') {
            Ok(a) => a,
            Err(m) => {
                issues.push(err(m));
                continue;
            }
        };
        for ava in avas {
            let Some(eq) = find_unescaped(ava, '=') else {
                issues.push(err(format!("component {n} \"{}\" has no `=`", clip(ava))));
                continue;
            };
            let (ty, value) = (ava[..eq].trim(), &ava[eq + 1..]);
            if !valid_attr_type(ty) {
                issues.push(err(format!("component {n}: \"{}\" is not an attribute type (such as CN, OU or DC)", clip(ty))));
            }
            types.push(ty.to_ascii_uppercase());
            if let Some(m) = check_value_escapes(value) {
                issues.push(err(format!("component {n}: {m}")));
            }
            if value.trim().is_empty() {
                issues.push(err(format!("component {n}: the value after `{}=` is empty", clip(ty))));
            }
            if let Some(inner) = embedded_rdn(value) {
                issues.push(warn(format!(
                    "component {n} \"{}\" contains \"{inner}=\": a comma is probably missing before {inner}= (as in the doc's example CN=TestUserCN=Users,…)",
                    clip(ava.trim())
                )));
            }
        }
    }
    if !types.iter().any(|t| t == "DC") {
        issues.push(warn("has no DC= component; a user's DN in Active Directory ends with the domain, such as DC=contoso,DC=com".into()));
    }
    if dn.contains(';') && issues.iter().all(|i| i.level == DnLevel::Warning) {
        issues.push(warn("contains `;`; RFC 4514 separates components with commas only".into()));
    }
    issues
}

fn clip(s: &str) -> String {
    let t: String = s.chars().take(40).collect();
    if s.chars().count() > 40 {
        format!("{t}…")
    } else {
        t
    }
}

/// Splits at `sep` where it is not escaped by a backslash.
fn split_unescaped(s: &str, sep: char) -> Result<Vec<&str>, String> {
    let mut parts = Vec::new();
    let mut start = 0;
    let mut chars = s.char_indices();
    while let Some((i, c)) = chars.next() {
        if c == '\\' {
            if chars.next().is_none() {
                return Err("ends with a lone backslash".into());
            }
        } else if c == sep {
            parts.push(&s[start..i]);
            start = i + c.len_utf8();
        }
    }
    parts.push(&s[start..]);
    Ok(parts)
}

fn find_unescaped(s: &str, target: char) -> Option<usize> {
    let mut chars = s.char_indices();
    while let Some((i, c)) = chars.next() {
        if c == '\\' {
            chars.next();
        } else if c == target {
            return Some(i);
        }
    }
    None
}

fn valid_attr_type(t: &str) -> bool {
    let mut chars = t.chars();
    match chars.next() {
        Some(c) if c.is_ascii_alphabetic() => t.chars().all(|c| c.is_ascii_alphanumeric() || c == '-'),
        Some(c) if c.is_ascii_digit() => {
            // numericoid: number *( "." number )
            t.split('.').all(|p| !p.is_empty() && p.bytes().all(|b| b.is_ascii_digit()))
        }
        _ => false,
    }
}

/// RFC 4514 value rules: `\` escapes a special character or two hex digits; `" ; < >` must be
/// escaped; `#` at the start (unless hex form) and a space at the start or end must be escaped.
fn check_value_escapes(value: &str) -> Option<String> {
    let bytes: Vec<char> = value.chars().collect();
    let mut i = 0;
    while i < bytes.len() {
        let c = bytes[i];
        if c == '\\' {
            let Some(&n) = bytes.get(i + 1) else { return Some("ends with a lone backslash".into()) };
            if "\"+,;<>\\=# ".contains(n) {
                i += 2;
                continue;
            }
            if n.is_ascii_hexdigit() && bytes.get(i + 2).is_some_and(|h| h.is_ascii_hexdigit()) {
                i += 3;
                continue;
            }
            return Some(format!("`\\{n}` is not a valid escape (escape a special character, or write two hex digits)"));
        }
        if "\";<>".contains(c) {
            return Some(format!("`{c}` must be escaped as `\\{c}`"));
        }
        if c == '\0' {
            return Some("contains a NUL character".into());
        }
        i += 1;
    }
    None
}

/// `CN=TestUserCN=Users` → Some("CN"): a value that contains `XX=` where XX is a usual
/// attribute type, the sign of a missing comma.
fn embedded_rdn(value: &str) -> Option<&'static str> {
    let upper = value.to_ascii_uppercase();
    ["CN", "OU", "DC", "O", "L", "ST", "C", "UID"].into_iter().find(|t| {
        upper.match_indices(&format!("{t}=")).any(|(i, _)| {
            // Count only where the escape did not cover the `=` and the type is not glued to a
            // longer word on its left in a way that makes another type (e.g. "OU=" inside "YOU=" still counts).
            !value[..i + t.len()].ends_with('\\') && i > 0
        })
    })
}

/// Inputs for the generators; fields a script doesn't use are ignored.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct ScriptInput {
    pub ad_connector: String,
    pub aad_connector: String,
    pub dn: String,
}

impl ScriptInput {
    pub fn get(&self, field: Field) -> &str {
        match field {
            Field::AdConnector => &self.ad_connector,
            Field::AadConnector => &self.aad_connector,
            Field::DistinguishedName => &self.dn,
        }
    }

    pub fn set(&mut self, field: Field, value: String) {
        match field {
            Field::AdConnector => self.ad_connector = value,
            Field::AadConnector => self.aad_connector = value,
            Field::DistinguishedName => self.dn = value,
        }
    }
}

/// A field that stops the script from being generated.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct FieldError {
    pub field: Field,
    pub message: String,
}

impl fmt::Display for FieldError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}: {}", self.field.label(), self.message)
    }
}

/// A generated script, or why it couldn't be generated; warnings either way.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ScriptOutput {
    pub kind: ScriptKind,
    /// `None` when there are errors.
    pub text: Option<String>,
    pub errors: Vec<FieldError>,
    pub warnings: Vec<FieldError>,
}

/// Generates `kind` from `input`. Never panics; bad input gives errors, not a script.
pub fn generate(kind: ScriptKind, input: &ScriptInput) -> ScriptOutput {
    let mut errors = Vec::new();
    let mut warnings = Vec::new();
    let mut literal = |field: Field| -> Option<String> {
        let value = input.get(field);
        if value.is_empty() && kind.optional(field) {
            return None;
        }
        if field == Field::DistinguishedName && check_value(value).is_ok() {
            for issue in check_dn(value) {
                let fe = FieldError { field, message: issue.message };
                match issue.level {
                    DnLevel::Error => errors.push(fe),
                    DnLevel::Warning => warnings.push(fe),
                }
            }
        }
        match ps_literal(value) {
            Ok(l) => Some(l),
            Err(e) => {
                errors.push(FieldError { field, message: e.to_string() });
                None
            }
        }
    };
    let text = match kind {
        ScriptKind::Status => {
            let aad = literal(Field::AadConnector);
            status_script(aad.as_deref())
        }
        ScriptKind::FullSync => {
            let ad = literal(Field::AdConnector).unwrap_or_default();
            let aad = literal(Field::AadConnector).unwrap_or_default();
            FULL_SYNC_SCRIPT.replace("{{AD_CONNECTOR}}", &ad).replace("{{AAD_CONNECTOR}}", &aad)
        }
        ScriptKind::SingleObject => {
            let ad = literal(Field::AdConnector).unwrap_or_default();
            let dn = literal(Field::DistinguishedName).unwrap_or_default();
            SINGLE_OBJECT_SCRIPT.replace("{{AD_CONNECTOR}}", &ad).replace("{{DN}}", &dn)
        }
    };
    let ok = errors.is_empty();
    ScriptOutput { kind, text: ok.then_some(text), errors, warnings }
}

/// A generated script as the text of a downloadable `.ps1` file: a UTF-8 byte order mark and
/// Windows line endings. Windows PowerShell 5.1 (the shell on a Connect server) reads a `.ps1`
/// without a BOM in the ANSI code page, where the UTF-8 bytes of some letters decode to a quote
/// character (`Ă`, U+0102, is `C4 82`, and `82` is `‚` in Windows-1252), which would end a
/// literal early; with the BOM it reads the file as UTF-8.
pub fn ps1_file(script: &str) -> String {
    let mut out = String::with_capacity(script.len() + script.len() / 16 + 3);
    out.push('\u{FEFF}');
    for line in script.split_inclusive('\n') {
        match line.strip_suffix('\n') {
            Some(l) => {
                out.push_str(l.strip_suffix('\r').unwrap_or(l));
                out.push_str("\r\n");
            }
            None => out.push_str(line),
        }
    }
    out
}

const AAD_FILTER_LINE: &str =
    r#"$aadConnectors = $connectors | Where-Object {$_.SubType -eq "Windows Azure Active Directory (Microsoft)"}"#;

/// The doc's status script, statement for statement. With a connector name, the Entra
/// connector filter also matches the name, so the script works where the doc's gives up with
/// "More than one Azure AD Connectors found".
fn status_script(aad_literal: Option<&str>) -> String {
    match aad_literal {
        None => STATUS_SCRIPT.to_string(),
        Some(lit) => {
            let filtered = format!(
                "# Only the Microsoft Entra connector named below is used (the doc's script stops when there is more than one).\n\
                 $aadConnectorName = {lit}\n\
                 $aadConnectors = $connectors | Where-Object {{$_.SubType -eq \"Windows Azure Active Directory (Microsoft)\" -and $_.Name -ceq $aadConnectorName}}"
            );
            STATUS_SCRIPT.replacen(AAD_FILTER_LINE, &filtered, 1)
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn literals_double_every_single_quote_spelling() {
        assert_eq!(ps_literal("contoso.com").unwrap(), "'contoso.com'");
        assert_eq!(ps_literal("O'Brien").unwrap(), "'O''Brien'");
        assert_eq!(ps_literal("a\u{2018}b\u{2019}c\u{201A}d\u{201B}e").unwrap(), "'a\u{2018}\u{2018}b\u{2019}\u{2019}c\u{201A}\u{201A}d\u{201B}\u{201B}e'");
        assert_eq!(ps_literal("$(rm -r C:\\) `n \"x\" ; | &").unwrap(), "'$(rm -r C:\\) `n \"x\" ; | &'");
    }

    #[test]
    fn literals_refuse_what_cannot_be_one_line() {
        assert_eq!(ps_literal(""), Err(ValueError::Empty));
        assert_eq!(ps_literal("a\nb"), Err(ValueError::LineBreak { at: 2 }));
        assert_eq!(ps_literal("a\r"), Err(ValueError::LineBreak { at: 2 }));
        assert_eq!(ps_literal("a\u{2028}"), Err(ValueError::LineBreak { at: 2 }));
        assert_eq!(ps_literal("\0"), Err(ValueError::Control { at: 1, code: 0 }));
        assert_eq!(ps_literal("ab\u{1b}[31m"), Err(ValueError::Control { at: 3, code: 0x1b }));
        assert_eq!(ps_literal("x\u{202E}gpj.exe"), Err(ValueError::Bidi { at: 2, code: 0x202E }));
        assert!(ValueError::LineBreak { at: 2 }.to_string().contains("line break"));
    }

    fn dn(input: &str) -> (usize, usize) {
        let issues = check_dn(input);
        let e = issues.iter().filter(|i| i.level == DnLevel::Error).count();
        (e, issues.len() - e)
    }

    #[test]
    fn dn_validation() {
        assert_eq!(dn("CN=Test User,CN=Users,DC=contoso,DC=com"), (0, 0));
        assert_eq!(dn("CN=Smith\\, John,OU=Sales,DC=contoso,DC=com"), (0, 0));
        assert_eq!(dn("CN=A\\2C B,DC=x"), (0, 0));
        assert_eq!(dn("CN=a+UID=b,DC=x"), (0, 0));
        assert_eq!(dn("CN=O'Brien,DC=contoso,DC=com"), (0, 0));
        // The doc's own example lacks a comma.
        let issues = check_dn("CN=TestUserCN=Users,DC=contoso,DC=com");
        assert_eq!(issues.len(), 1, "{issues:?}");
        assert_eq!(issues[0].level, DnLevel::Warning);
        assert!(issues[0].message.contains("comma is probably missing"));
        assert_eq!(dn(""), (1, 0));
        assert_eq!(dn("TestUser"), (1, 1));
        assert_eq!(dn("CN=a,,DC=x"), (1, 0));
        assert_eq!(dn("CN=a,DC=x,"), (1, 0));
        assert_eq!(dn("CN=a<b,DC=x"), (1, 0));
        assert_eq!(dn("CN=a\\q,DC=x"), (1, 0));
        assert_eq!(dn("CN=a\\"), (1, 0));
        assert_eq!(dn("1N=a,DC=x"), (1, 0));
        assert_eq!(dn("2.5.4.3=a,DC=x"), (0, 0));
        assert_eq!(dn("CN=,DC=x"), (1, 0));
        assert_eq!(dn("CN=a,OU=b"), (0, 1));
        let _ = check_dn("\\\\\\,,,==+\u{0}\u{10FFFF}"); // never panics
    }

    #[test]
    fn status_script_is_the_docs_script() {
        let out = generate(ScriptKind::Status, &ScriptInput::default());
        assert!(out.errors.is_empty());
        assert_eq!(out.text.as_deref(), Some(STATUS_SCRIPT));
        assert!(STATUS_SCRIPT.contains(AAD_FILTER_LINE));
        assert!(STATUS_SCRIPT.contains("More than one Azure AD Connectors found"));
    }

    #[test]
    fn status_script_with_a_connector_name() {
        let input = ScriptInput { aad_connector: "contoso.onmicrosoft.com - AAD".into(), ..Default::default() };
        let text = generate(ScriptKind::Status, &input).text.unwrap();
        assert!(!text.contains(AAD_FILTER_LINE));
        assert!(text.contains("$aadConnectorName = 'contoso.onmicrosoft.com - AAD'"));
        assert!(text.contains("-and $_.Name -ceq $aadConnectorName"));
        // Everything else stays statement for statement.
        assert_eq!(text.lines().count(), STATUS_SCRIPT.lines().count() + 2);
    }

    #[test]
    fn full_sync_script() {
        let input = ScriptInput { ad_connector: "contoso.com".into(), aad_connector: "contoso.onmicrosoft.com - AAD".into(), ..Default::default() };
        let out = generate(ScriptKind::FullSync, &input);
        let text = out.text.unwrap();
        assert!(text.contains("$adConnector = 'contoso.com'\n$aadConnector = 'contoso.onmicrosoft.com - AAD'\n"));
        assert!(text.contains("# Run this script only once."));
        assert!(text.contains("-Enable $false\n") && text.ends_with("-Enable $true\n"));
        assert!(text.find("-Enable $false").unwrap() < text.find("-Enable $true").unwrap());
        let missing = generate(ScriptKind::FullSync, &ScriptInput::default());
        assert!(missing.text.is_none());
        assert_eq!(missing.errors.len(), 2);
    }

    #[test]
    fn ps1_file_has_a_bom_and_crlf() {
        assert_eq!(ps1_file("a\nb\r\nc"), "\u{FEFF}a\r\nb\r\nc");
        assert_eq!(ps1_file("x = 'Ă'\n"), "\u{FEFF}x = 'Ă'\r\n");
        assert!(ps1_file("").starts_with('\u{FEFF}'));
    }

    #[test]
    fn single_object_script() {
        let input = ScriptInput { ad_connector: "contoso.com".into(), dn: "CN=TestUserCN=Users,DC=contoso,DC=com".into(), ..Default::default() };
        let out = generate(ScriptKind::SingleObject, &input);
        assert!(out.text.unwrap().contains(
            "Invoke-ADSyncDiagnostics -PasswordSync -ADConnectorName 'contoso.com' -DistinguishedName 'CN=TestUserCN=Users,DC=contoso,DC=com'"
        ));
        assert_eq!(out.warnings.len(), 1);
        let bad = generate(ScriptKind::SingleObject, &ScriptInput { ad_connector: "x\ny".into(), dn: "CN=a<b,DC=x".into(), ..Default::default() });
        assert!(bad.text.is_none());
        assert_eq!(bad.errors.len(), 2);
    }
}
