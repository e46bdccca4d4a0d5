//! PowerShell generators.
//!
//! Generated scripts run as administrator on a production server, so two rules hold for every
//! user-supplied value:
//!
//! - **A value is never scanned again.** A template is filled in one pass over its parts
//!   ([`fill`]): text as written, and a placeholder replaced by its value's expression. What a
//!   value contains (`{{DN}}`, `}}`, anything) is never looked at by the filling.
//! - **A script is safe under any encoding PowerShell may read it with.** A script is pure
//!   ASCII. A value becomes one single-quoted literal (inside it PowerShell expands nothing, and
//!   `'` is doubled); each non-ASCII character of a value is spelled `[char]0xNNNN` inside a
//!   parenthesised concatenation, such as `('Ren' + [char]0x00E9 + 'e')`, so plain ASCII names
//!   stay readable and no byte of the script means something else in UTF-8, Windows-1252 (the
//!   ANSI code page Windows PowerShell 5.1 reads a `.ps1` without BOM in) or UTF-16. Without
//!   this, `Ă` (UTF-8 `C4 82`) would end a literal read as Windows-1252, where `82` is `‚`, one
//!   of PowerShell's five single quotes.
//!
//! Values that can't be shown as they will run are refused with the field and the character
//! position: line breaks, control characters, text-direction controls and invisible or format
//! characters. A value has a length limit far above any real name or DN.

use std::fmt;

include!(concat!(env!("OUT_DIR"), "/templates.rs"));

#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum ScriptKind {
    /// "Get the status of password sync settings".
    Status,
    /// "Trigger a full sync of all passwords".
    FullSync,
    /// `Invoke-ADSyncDiagnostics -PasswordSync -ADConnectorName … -DistinguishedName …`.
    SingleObject,
    /// The read-only collector: one block (`-----BEGIN PHS-DOCTOR REPORT v1-----`) that the
    /// analysis reads back exactly (`analysis::block`).
    Collector,
}

impl ScriptKind {
    pub const ALL: [ScriptKind; 4] = [ScriptKind::Status, ScriptKind::FullSync, ScriptKind::SingleObject, ScriptKind::Collector];

    pub fn id(self) -> &'static str {
        match self {
            ScriptKind::Status => "status",
            ScriptKind::FullSync => "full-sync",
            ScriptKind::SingleObject => "single-object",
            ScriptKind::Collector => "collector",
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
            ScriptKind::Collector => "Collect everything in one block (read-only)",
        }
    }

    pub fn file_name(self) -> &'static str {
        match self {
            ScriptKind::Status => "phs-status.ps1",
            ScriptKind::FullSync => "phs-full-sync.ps1",
            ScriptKind::SingleObject => "phs-single-object.ps1",
            ScriptKind::Collector => "phs-doctor-collector.ps1",
        }
    }

    /// Which inputs the script takes.
    pub fn fields(self) -> &'static [Field] {
        match self {
            ScriptKind::Status => &[Field::AadConnector],
            ScriptKind::FullSync => &[Field::AdConnector, Field::AadConnector],
            ScriptKind::SingleObject => &[Field::AdConnector, Field::DistinguishedName],
            ScriptKind::Collector => &[],
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

/// Why a value can't go into a script. `at` is the 1-based character position.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum ValueError {
    Empty,
    TooLong { len: usize, max: usize },
    LineBreak { at: usize },
    Control { at: usize, code: u32 },
    Bidi { at: usize, code: u32 },
    Invisible { at: usize, code: u32 },
}

impl fmt::Display for ValueError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            ValueError::Empty => write!(f, "is empty"),
            ValueError::TooLong { len, max } => write!(
                f,
                "is {len} characters long; the limit is {max} characters, far above any real name or distinguished name (was something else pasted?)"
            ),
            ValueError::LineBreak { at } => write!(f, "contains a line break (character {at}); a name is one line"),
            ValueError::Control { at, code } => {
                write!(f, "contains the control character U+{code:04X} (character {at}), which can't be typed into a name")
            }
            ValueError::Bidi { at, code } => write!(
                f,
                "contains the invisible text-direction character U+{code:04X} (character {at}), which makes text display differently from what runs"
            ),
            ValueError::Invisible { at, code } => write!(
                f,
                "contains the invisible character U+{code:04X} (character {at}), so what you see is not what would run; type the value again or delete that character"
            ),
        }
    }
}

impl std::error::Error for ValueError {}

/// The longest value of `field`, in characters: far above any real name (connector names are
/// a few dozen characters) or DN (Active Directory limits each RDN value to 64 characters).
pub const fn max_len(field: Field) -> usize {
    match field {
        Field::AdConnector | Field::AadConnector => 1_024,
        Field::DistinguishedName => 8_192,
    }
}

/// The Unicode bidirectional formatting characters (embeddings, overrides, isolates and marks):
/// they reorder what a reader sees ("Trojan Source"), so no output carries them raw.
pub fn is_bidi_control(c: char) -> bool {
    matches!(c, '\u{202A}'..='\u{202E}' | '\u{2066}'..='\u{2069}' | '\u{200E}' | '\u{200F}' | '\u{061C}')
}

/// Invisible and format characters (Unicode's Cf class and the fillers and selectors that
/// render as nothing), other than the text-direction ones [`check_value`] names as such.
fn is_invisible(c: char) -> bool {
    matches!(
        c,
        '\u{00AD}'
            | '\u{034F}'
            | '\u{0600}'..='\u{0605}'
            | '\u{06DD}'
            | '\u{070F}'
            | '\u{0890}'..='\u{0891}'
            | '\u{08E2}'
            | '\u{115F}'..='\u{1160}'
            | '\u{17B4}'..='\u{17B5}'
            | '\u{180B}'..='\u{180F}'
            | '\u{200B}'..='\u{200D}'
            | '\u{2060}'..='\u{2065}'
            | '\u{206A}'..='\u{206F}'
            | '\u{3164}'
            | '\u{FE00}'..='\u{FE0F}'
            | '\u{FEFF}'
            | '\u{FFA0}'
            | '\u{FFF9}'..='\u{FFFB}'
            | '\u{110BD}'
            | '\u{110CD}'
            | '\u{13430}'..='\u{1343F}'
            | '\u{1BCA0}'..='\u{1BCA3}'
            | '\u{1D173}'..='\u{1D17A}'
            | '\u{E0000}'..='\u{E0FFF}'
    )
}

/// Checks that `value` can be a one-line literal that shows exactly what will run, with the
/// length limit of the widest field. See [`check_field`] for a field's own limit.
pub fn check_value(value: &str) -> Result<(), ValueError> {
    check_chars(value, max_len(Field::DistinguishedName))
}

/// [`check_value`] with `field`'s length limit.
pub fn check_field(field: Field, value: &str) -> Result<(), ValueError> {
    check_chars(value, max_len(field))
}

fn check_chars(value: &str, max: usize) -> Result<(), ValueError> {
    if value.is_empty() {
        return Err(ValueError::Empty);
    }
    let len = value.chars().count();
    if len > max {
        return Err(ValueError::TooLong { len, max });
    }
    for (i, c) in value.chars().enumerate() {
        let at = i + 1;
        let code = u32::from(c);
        match c {
            '\n' | '\r' | '\u{0B}' | '\u{0C}' | '\u{85}' | '\u{2028}' | '\u{2029}' => return Err(ValueError::LineBreak { at }),
            c if is_bidi_control(c) => return Err(ValueError::Bidi { at, code }),
            c if c.is_control() => return Err(ValueError::Control { at, code }),
            c if is_invisible(c) => return Err(ValueError::Invisible { at, code }),
            _ => {}
        }
    }
    Ok(())
}

/// `value` as one pure-ASCII PowerShell expression that evaluates to exactly `value`: a
/// single-quoted literal with `'` doubled, or, when `value` has non-ASCII characters, a
/// parenthesised concatenation of such literals and `[char]0xNNNN` (UTF-16 code units, so a
/// character beyond U+FFFF is two). The concatenation starts with a string, so `+` joins
/// strings and never adds numbers.
pub fn ps_literal(value: &str) -> Result<String, ValueError> {
    check_value(value)?;
    Ok(ps_expr(value))
}

fn ps_expr(value: &str) -> String {
    if value.is_ascii() {
        return quoted(value);
    }
    let mut terms: Vec<String> = Vec::new();
    let mut run_start = None::<usize>;
    for (i, c) in value.char_indices() {
        if c.is_ascii() {
            run_start.get_or_insert(i);
            continue;
        }
        match run_start.take() {
            Some(s) => terms.push(quoted(&value[s..i])),
            None if terms.is_empty() => terms.push("''".into()),
            None => {}
        }
        let mut units = [0u16; 2];
        terms.extend(c.encode_utf16(&mut units).iter().map(|u| format!("[char]0x{u:04X}")));
    }
    if let Some(s) = run_start {
        terms.push(quoted(&value[s..]));
    }
    format!("({})", terms.join(" + "))
}

/// An ASCII string as a single-quoted literal.
fn quoted(ascii: &str) -> String {
    let mut out = String::with_capacity(ascii.len() + 2);
    out.push('\'');
    for c in ascii.chars() {
        if c == '\'' {
            out.push('\'');
        }
        out.push(c);
    }
    out.push('\'');
    out
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
/// (such as the doc's own `CN=TestUserCN=Users,…`, which lacks a comma). Never panics; a DN
/// over [`max_len`] gets one error, and at most [`MAX_PROBLEMS_PER_VALUE`] problems are listed,
/// then one that counts the rest ("… and 199,995 more problems").
pub fn check_dn(dn: &str) -> Vec<DnIssue> {
    if let Err(e @ ValueError::TooLong { .. }) = check_field(Field::DistinguishedName, dn) {
        return vec![DnIssue { level: DnLevel::Error, message: e.to_string() }];
    }
    let mut issues = check_dn_all(dn);
    if issues.len() > MAX_PROBLEMS_PER_VALUE {
        let rest = issues.split_off(MAX_PROBLEMS_PER_VALUE);
        let level = if rest.iter().any(|i| i.level == DnLevel::Error) { DnLevel::Error } else { DnLevel::Warning };
        let n = rest.len();
        let message = format!("… and {} more problem{}", crate::number::grouped(n as u64), if n == 1 { "" } else { "s" });
        issues.push(DnIssue { level, message });
    }
    issues
}

fn check_dn_all(dn: &str) -> Vec<DnIssue> {
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
            } else if value.starts_with('#') {
                // (RFC 4514: a value that starts with `#` is the hex of its BER encoding;
                // Active Directory writes a leading `#` of a name as `\#`.)
                issues.push(warn(format!("component {n}: the value starts with an unescaped `#`, which RFC 4514 reads as hex-encoded data; a name that starts with # is written \\#")));
            } else if value.starts_with(' ') || (value.ends_with(' ') && !value.ends_with("\\ ")) {
                issues.push(warn(format!(
                    "component {n}: the value starts or ends with an unescaped space, which is dropped when the DN is read; a space that is part of the name is written \\ "
                )));
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
    /// The fields whose non-ASCII characters the script spells as `[char]0xNNNN`, so that the
    /// shells can say why the value looks different.
    pub spelled: Vec<Field>,
}

/// Why a value with non-ASCII characters looks different in the script.
pub const SPELLED_NOTE: &str = "Letters outside ASCII are written as [char]0xNNNN (their UTF-16 code), so the script means the same whatever encoding Windows PowerShell reads it with; PowerShell joins the parts back into your value.";

/// How many problems are listed for one value; the rest are counted.
pub const MAX_PROBLEMS_PER_VALUE: usize = 5;

/// Generates `kind` from `input`. Never panics; bad input gives errors, not a script.
pub fn generate(kind: ScriptKind, input: &ScriptInput) -> ScriptOutput {
    let mut errors = Vec::new();
    let mut warnings = Vec::new();
    let mut values: Vec<(Field, String)> = Vec::new();
    for &field in kind.fields() {
        let value = input.get(field);
        if value.is_empty() && kind.optional(field) {
            continue;
        }
        if let Err(e) = check_field(field, value) {
            errors.push(FieldError { field, message: e.to_string() });
            continue;
        }
        if matches!(field, Field::AdConnector | Field::AadConnector) && value != value.trim() {
            let message = "starts or ends with a space: connector names are matched exactly (case and spaces), so the script would find no connector of that name".into();
            warnings.push(FieldError { field, message });
        }
        if field == Field::DistinguishedName {
            for issue in check_dn(value) {
                let fe = FieldError { field, message: issue.message };
                match issue.level {
                    DnLevel::Error => errors.push(fe),
                    DnLevel::Warning => warnings.push(fe),
                }
            }
        }
        values.push((field, ps_expr(value)));
    }
    if !errors.is_empty() {
        return ScriptOutput { kind, text: None, errors, warnings, spelled: Vec::new() };
    }
    let template: std::borrow::Cow<'static, str> = match kind {
        ScriptKind::Status if values.is_empty() => STATUS_SCRIPT.into(),
        ScriptKind::Status => STATUS_SCRIPT.replacen(AAD_FILTER_LINE, AAD_FILTER_BY_NAME, 1).into(),
        ScriptKind::FullSync => FULL_SYNC_SCRIPT.into(),
        ScriptKind::SingleObject => SINGLE_OBJECT_SCRIPT.into(),
        ScriptKind::Collector => COLLECTOR_SCRIPT.into(),
    };
    let text = fill(&template, |field| values.iter().find(|(f, _)| *f == field).map(|(_, e)| e.as_str()));
    let spelled = kind.fields().iter().copied().filter(|&f| !input.get(f).is_ascii()).collect();
    ScriptOutput { kind, text: Some(text), errors, warnings, spelled }
}

/// One part of a template: text as written, or the placeholder of a field.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Part<'t> {
    Text(&'t str),
    Value(Field),
}

/// The placeholders a template may hold.
fn placeholder(name: &str) -> Option<Field> {
    match name {
        "AD_CONNECTOR" => Some(Field::AdConnector),
        "AAD_CONNECTOR" => Some(Field::AadConnector),
        "DN" => Some(Field::DistinguishedName),
        _ => None,
    }
}

/// Splits a template at its `{{NAME}}` placeholders. A `{{` that does not open a known
/// placeholder is text.
pub fn parts(template: &str) -> Vec<Part<'_>> {
    let mut out = Vec::new();
    let mut text_start = 0;
    let mut i = 0;
    while let Some(off) = template[i..].find("{{") {
        let open = i + off;
        let field = template[open + 2..]
            .find("}}")
            .and_then(|len| placeholder(&template[open + 2..open + 2 + len]).map(|f| (f, open + 2 + len + 2)));
        match field {
            Some((f, after)) => {
                if open > text_start {
                    out.push(Part::Text(&template[text_start..open]));
                }
                out.push(Part::Value(f));
                text_start = after;
                i = after;
            }
            None => i = open + 2,
        }
    }
    if text_start < template.len() {
        out.push(Part::Text(&template[text_start..]));
    }
    out
}

/// Fills `template` in one pass over its [`parts`]: each placeholder gets its expression from
/// `value` (an empty string if there is none), and nothing inserted is ever scanned again.
pub fn fill<'v>(template: &str, value: impl Fn(Field) -> Option<&'v str>) -> String {
    let mut out = String::with_capacity(template.len() + 64);
    for part in parts(template) {
        match part {
            Part::Text(t) => out.push_str(t),
            Part::Value(f) => out.push_str(value(f).unwrap_or_default()),
        }
    }
    out
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

/// With a connector name, the doc's status script filters the Entra connectors by that name
/// too, so it works where the doc's gives up with "More than one Azure AD Connectors found".
/// The rest stays statement for statement.
const AAD_FILTER_BY_NAME: &str = "# Only the Microsoft Entra connector named below is used (the doc's script stops when there is more than one).\n\
     $aadConnectorName = {{AAD_CONNECTOR}}\n\
     $aadConnectors = $connectors | Where-Object {$_.SubType -eq \"Windows Azure Active Directory (Microsoft)\" -and $_.Name -ceq $aadConnectorName}";

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn literals_are_ascii_and_double_the_quote() {
        assert_eq!(ps_literal("contoso.com").unwrap(), "'contoso.com'");
        assert_eq!(ps_literal("O'Brien").unwrap(), "'O''Brien'");
        assert_eq!(ps_literal("$(rm -r C:\\) `n \"x\" ; | &").unwrap(), "'$(rm -r C:\\) `n \"x\" ; | &'");
        // Non-ASCII characters, the typographic quotes among them, are spelled as code units.
        assert_eq!(
            ps_literal("a\u{2018}b\u{2019}c\u{201A}d\u{201B}e").unwrap(),
            "('a' + [char]0x2018 + 'b' + [char]0x2019 + 'c' + [char]0x201A + 'd' + [char]0x201B + 'e')"
        );
        // A leading non-ASCII character: the chain starts with a string, so `+` concatenates.
        assert_eq!(ps_literal("Ă;Start-Process calc;#").unwrap(), "('' + [char]0x0102 + ';Start-Process calc;#')");
        assert_eq!(ps_literal("Ă").unwrap(), "('' + [char]0x0102)");
        assert_eq!(ps_literal("Renée").unwrap(), "('Ren' + [char]0x00E9 + 'e')");
        // Beyond U+FFFF: two UTF-16 code units, as .NET strings hold it.
        assert_eq!(ps_literal("k🔑").unwrap(), "('k' + [char]0xD83D + [char]0xDD11)");
        assert_eq!(ps_literal("'Ж'").unwrap(), "('''' + [char]0x0416 + '''')");
        for v in ["Россия", "日本語", "O\u{2019}Brien", "😀"] {
            assert!(ps_literal(v).unwrap().is_ascii(), "{v}");
        }
        let input = ScriptInput { ad_connector: "a".into(), aad_connector: "Ж".into(), ..Default::default() };
        assert_eq!(generate(ScriptKind::FullSync, &input).spelled, vec![Field::AadConnector]);
    }

    #[test]
    fn literals_refuse_what_cannot_be_one_line() {
        assert_eq!(ps_literal(""), Err(ValueError::Empty));
        assert_eq!(ps_literal("a\nb"), Err(ValueError::LineBreak { at: 2 }));
        assert_eq!(ps_literal("a\r"), Err(ValueError::LineBreak { at: 2 }));
        assert_eq!(ps_literal("a\u{2028}"), Err(ValueError::LineBreak { at: 2 }));
        assert_eq!(ps_literal("\0"), Err(ValueError::Control { at: 1, code: 0 }));
        assert_eq!(ps_literal("ab\u{1b}[31m"), Err(ValueError::Control { at: 3, code: 0x1b }));
        assert_eq!(ps_literal("a\u{7F}"), Err(ValueError::Control { at: 2, code: 0x7F }));
        assert_eq!(ps_literal("x\u{202E}gpj.exe"), Err(ValueError::Bidi { at: 2, code: 0x202E }));
        assert!(ValueError::LineBreak { at: 2 }.to_string().contains("line break"));
    }

    #[test]
    fn invisible_and_format_characters_are_refused_with_their_position() {
        let invisible = [
            0x00AD, 0x115F, 0x1160, 0x180E, 0x200B, 0x200C, 0x200D, 0x2060, 0x2061, 0x2062, 0x2063, 0x2064, 0x3164, 0xFEFF, 0xFFA0, 0xFFF9,
            0xFFFA, 0xFFFB, 0xE0000, 0xE0001, 0xE0041, 0xE007F, 0xFE00, 0xFE0F, 0xE0100, 0xE01EF, 0x034F,
        ];
        for code in invisible {
            let c = char::from_u32(code).unwrap();
            let value = format!("contoso{c}.com");
            assert_eq!(ps_literal(&value), Err(ValueError::Invisible { at: 8, code }), "U+{code:04X}");
            let msg = ValueError::Invisible { at: 8, code }.to_string();
            assert!(msg.contains(&format!("U+{code:04X}")) && msg.contains("character 8"), "{msg}");
        }
        // U+200E and U+200F are direction marks: refused as such.
        assert_eq!(ps_literal("a\u{200F}"), Err(ValueError::Bidi { at: 2, code: 0x200F }));
        // Visible non-ASCII letters, marks and spaces pass (and are spelled as code units).
        for ok in ["e\u{301}", "Ж", "a\u{00A0}b", "中文"] {
            assert!(ps_literal(ok).is_ok(), "{ok:?}");
        }
    }

    #[test]
    fn values_have_a_stated_length_limit() {
        let long = "x".repeat(max_len(Field::AdConnector) + 1);
        assert_eq!(check_field(Field::AdConnector, &long), Err(ValueError::TooLong { len: 1025, max: 1024 }));
        assert!(check_field(Field::AdConnector, &long[1..]).is_ok());
        assert!(ValueError::TooLong { len: 1025, max: 1024 }.to_string().contains("the limit is 1024 characters"));
        // The DN: one error, however many commas.
        let commas = ",".repeat(200_000);
        let issues = check_dn(&commas);
        assert_eq!(issues.len(), 1);
        assert!(issues[0].message.contains("200000 characters long"), "{}", issues[0].message);
        let out = generate(ScriptKind::SingleObject, &ScriptInput { ad_connector: "a".into(), dn: commas, ..Default::default() });
        assert_eq!(out.errors.len(), 1, "{:?}", out.errors);
        assert!(out.text.is_none());
    }

    #[test]
    fn problems_per_value_are_capped_and_counted() {
        let dn = format!("CN=a{}DC=x", ",".repeat(4000));
        let issues = check_dn(&dn);
        assert_eq!(issues.len(), MAX_PROBLEMS_PER_VALUE + 1);
        assert_eq!(issues.last().unwrap().message, "… and 3,994 more problems");
        assert_eq!(issues.last().unwrap().level, DnLevel::Error);
    }

    #[test]
    fn a_value_is_never_scanned_again() {
        // The issue's example: the AD connector's value holds the next placeholder.
        let input =
            ScriptInput { ad_connector: "x{{AAD_CONNECTOR}}".into(), aad_connector: ";Start-Process calc;#".into(), ..Default::default() };
        let out = generate(ScriptKind::FullSync, &input);
        assert!(out.spelled.is_empty());
        let text = out.text.unwrap();
        assert!(text.contains("\n$adConnector = 'x{{AAD_CONNECTOR}}'\n$aadConnector = ';Start-Process calc;#'\n"), "{text}");
        let input = ScriptInput {
            ad_connector: "{{DN}}".into(),
            dn: "CN=x'{{AD_CONNECTOR}}' Start-Process calc #,DC=x".into(),
            ..Default::default()
        };
        let text = generate(ScriptKind::SingleObject, &input).text.unwrap();
        assert!(
            text.contains("-ADConnectorName '{{DN}}' -DistinguishedName 'CN=x''{{AD_CONNECTOR}}'' Start-Process calc #,DC=x'\n"),
            "{text}"
        );
        let input = ScriptInput { aad_connector: "{{AAD_CONNECTOR}}".into(), ..Default::default() };
        let text = generate(ScriptKind::Status, &input).text.unwrap();
        assert!(text.contains("$aadConnectorName = '{{AAD_CONNECTOR}}'\n"), "{text}");
    }

    #[test]
    fn templates_hold_only_known_placeholders() {
        for (kind, template) in [
            (ScriptKind::Status, STATUS_SCRIPT.replacen(AAD_FILTER_LINE, AAD_FILTER_BY_NAME, 1)),
            (ScriptKind::FullSync, FULL_SYNC_SCRIPT.to_string()),
            (ScriptKind::SingleObject, SINGLE_OBJECT_SCRIPT.to_string()),
            (ScriptKind::Collector, COLLECTOR_SCRIPT.to_string()),
        ] {
            let parts = parts(&template);
            let fields: Vec<Field> = parts.iter().filter_map(|p| if let Part::Value(f) = p { Some(*f) } else { None }).collect();
            let mut expected = kind.fields().to_vec();
            expected.sort_by_key(|f| f.id());
            let mut got = fields.clone();
            got.sort_by_key(|f| f.id());
            got.dedup();
            assert_eq!(got, expected, "{kind:?}");
            for p in &parts {
                if let Part::Text(t) = p {
                    assert!(!t.contains("{{") && !t.contains("}}"), "{kind:?}: unknown placeholder in {t:?}");
                }
            }
            assert!(template.is_ascii(), "{kind:?}: the template is not ASCII");
        }
        assert_eq!(parts("a{{B}}c{{DN}}"), vec![Part::Text("a{{B}}c"), Part::Value(Field::DistinguishedName)]);
        assert_eq!(parts("{{DN}}{{DN}"), vec![Part::Value(Field::DistinguishedName), Part::Text("{{DN}")]);
        assert_eq!(fill("<{{DN}}>", |_| Some("{{DN}}")), "<{{DN}}>");
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
        // A leading `#` and a leading or trailing space must be escaped (RFC 4514).
        assert_eq!(dn("CN=#hash,DC=contoso,DC=com"), (0, 1));
        assert_eq!(dn("CN=\\#hash,DC=contoso,DC=com"), (0, 0));
        assert_eq!(dn("CN= lead,DC=contoso,DC=com"), (0, 1));
        assert_eq!(dn("CN=trail ,DC=contoso,DC=com"), (0, 1));
        assert_eq!(dn("CN=trail\\ ,DC=contoso,DC=com"), (0, 0));
        assert_eq!(dn("CN=a, OU=b, DC=contoso, DC=com"), (0, 0));
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
        assert!(text.contains("\n$aadConnectorName = 'contoso.onmicrosoft.com - AAD'\n"));
        assert!(text.contains("-and $_.Name -ceq $aadConnectorName"));
        // Everything else stays statement for statement.
        assert_eq!(text.lines().count(), STATUS_SCRIPT.lines().count() + 2);
    }

    #[test]
    fn full_sync_script() {
        let input =
            ScriptInput { ad_connector: "contoso.com".into(), aad_connector: "contoso.onmicrosoft.com - AAD".into(), ..Default::default() };
        let out = generate(ScriptKind::FullSync, &input);
        let text = out.text.unwrap();
        assert!(text.contains("$adConnector = 'contoso.com'\n$aadConnector = 'contoso.onmicrosoft.com - AAD'\n"));
        assert!(text.contains("# Run this script only once."));
        assert!(text.contains("-Enable $false\n") && text.ends_with("-Enable $true\n"));
        assert!(text.find("-Enable $false").unwrap() < text.find("-Enable $true").unwrap());
        // Both connectors are found, and an error stops the script, before password sync is off.
        let off = text.find("-Enable $false").unwrap();
        assert!(text.find("$ErrorActionPreference = 'Stop'\n").is_some_and(|i| i < off));
        assert!(text.find("$null = Get-ADSyncConnector -Name $aadConnector\n").is_some_and(|i| i < off));
        assert!(text.find("$c = Get-ADSyncConnector -Name $adConnector").is_some_and(|i| i < off));
        // A connector name with a space around it is kept, and warned about.
        let padded = ScriptInput { ad_connector: "contoso.com ".into(), aad_connector: "x".into(), ..Default::default() };
        let out = generate(ScriptKind::FullSync, &padded);
        assert!(out.text.unwrap().contains("$adConnector = 'contoso.com '\n"));
        assert!(out.warnings.len() == 1 && out.warnings[0].field == Field::AdConnector, "{:?}", out.warnings);
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
        let input =
            ScriptInput { ad_connector: "contoso.com".into(), dn: "CN=TestUserCN=Users,DC=contoso,DC=com".into(), ..Default::default() };
        let out = generate(ScriptKind::SingleObject, &input);
        assert!(out.text.unwrap().contains(
            "Invoke-ADSyncDiagnostics -PasswordSync -ADConnectorName 'contoso.com' -DistinguishedName 'CN=TestUserCN=Users,DC=contoso,DC=com'"
        ));
        assert_eq!(out.warnings.len(), 1);
        let bad = generate(
            ScriptKind::SingleObject,
            &ScriptInput { ad_connector: "x\ny".into(), dn: "CN=a<b,DC=x".into(), ..Default::default() },
        );
        assert!(bad.text.is_none());
        assert_eq!(bad.errors.len(), 2);
    }
}
