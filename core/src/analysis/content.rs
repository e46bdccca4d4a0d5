//! What one logical line says: error numbers and messages, the status script's lines, the
//! troubleshooter's checks (phrase families with negations), 656/657 records, `<forest-info>`,
//! log status values, Connect Health alerts. Used for lines on their own and for the message
//! lines of events alike.

use std::borrow::Cow;

use super::errors::{self, ErrorInfo, ErrorKind, ERRORS};
use super::fact::{Fact, FactKind as Fk, Hints};
use super::lines::{self, Src};
use super::model::RecordKind;
use super::phrases::{mask, Hits, Ph, Tag, COMMON_STATUSES};
use super::scan::{contains, find, find_ci, find_ci_seq, first_stop, has_ci, starts_ci};
use super::time::{self, Timestamp};
use crate::knowledge::{self, Param as P, STATUSES};
use crate::version::ConnectVersion;

/// Where the line stands.
#[derive(Clone, Copy, Debug, Default)]
pub(crate) struct Ctx<'c> {
    /// The connector of the enclosing status-script block or troubleshooter section.
    pub connector: Option<&'c str>,
    pub domain: Option<&'c str>,
    /// After `Invoke-ADSyncDiagnostics` or its menu.
    pub in_diag: bool,
    /// The line is part of an event message.
    pub in_event: bool,
}

#[derive(Debug)]
pub(crate) struct Content<'a> {
    src: Src<'a>,
    pub facts: Vec<Fact<'a>>,
    pub kind: Option<RecordKind>,
    pub fields: Vec<(&'static str, Cow<'a, str>)>,
    pub hints: Hints<'a>,
    /// The event this message text belongs to, judged from its wording (bare messages).
    pub event_guess: Option<u32>,
    /// A troubleshooter `AD Connector - name` / partition header.
    pub diag_connector: Option<Cow<'a, str>>,
    pub diag_domain: Option<Cow<'a, str>>,
    pub status_begin: bool,
    pub status_end: bool,
    pub diag_menu: bool,
}

impl<'a> Content<'a> {
    fn kind(&mut self, k: RecordKind) {
        if self.kind.is_none() {
            self.kind = Some(k);
        }
    }
    /// A field with a fixed or a computed value.
    fn field(&mut self, k: &'static str, v: impl Into<Cow<'a, str>>) {
        let v = v.into();
        if !v.is_empty() {
            self.fields.push((k, v));
        }
    }
    /// A field whose value is a piece of the line.
    fn slice(&mut self, k: &'static str, v: &str) {
        if !v.is_empty() {
            let v = self.src.cow(v);
            self.fields.push((k, v));
        }
    }
    /// A piece of the line, kept.
    fn cow(&self, v: &str) -> Cow<'a, str> {
        self.src.cow(v)
    }
}

#[inline(always)]
fn is_word_byte(b: u8) -> bool {
    b.is_ascii_alphanumeric() || b == b'_'
}

/// `w` occurs in `l` (lower-case) as a whole word.
pub(crate) fn has_word(l: &str, w: &str) -> bool {
    let b = l.as_bytes();
    let mut from = 0;
    while let Some(i) = l.get(from..).and_then(|s| find(s, w)) {
        let at = from + i;
        let end = at + w.len();
        if (at == 0 || !is_word_byte(b[at - 1])) && (end >= b.len() || !is_word_byte(b[end])) {
            return true;
        }
        from = at + 1;
    }
    false
}

fn has_any(l: &str, words: &[&str]) -> bool {
    words.iter().any(|w| contains(l, w))
}

/// The negation words `negative` looks for (as `neg_word` matches them).
#[cfg(test)]
const NEG_WORDS: &[&str] = &[
    "not",
    "no",
    "never",
    "disabled",
    "unable",
    "cannot",
    "failed",
    "fails",
    "failure",
    "missing",
    "incorrect",
    "invalid",
    "denied",
    "skipped",
    "unreachable",
    "false",
    "wrong",
    "lacks",
    "lack",
    "none",
    "without",
    "off",
];

fn neg_word(w: &[u8]) -> bool {
    match w.len() {
        2 => w == b"no",
        3 => matches!(w, b"not" | b"off"),
        4 => matches!(w, b"lack" | b"none"),
        5 => matches!(w, b"never" | b"fails" | b"false" | b"wrong" | b"lacks"),
        6 => matches!(w, b"unable" | b"cannot" | b"failed" | b"denied"),
        7 => matches!(w, b"failure" | b"missing" | b"invalid" | b"skipped" | b"without"),
        8 => w == b"disabled",
        9 => w == b"incorrect",
        11 => w == b"unreachable",
        _ => false,
    }
}

/// The line denies or reports a failure: `n't` or a negation word (one pass over its bytes).
fn negative(l: &str) -> bool {
    // Words are runs of ASCII letters, digits and `_` (every other byte separates, as every
    // other character did); the negation words are ASCII.
    let b = l.as_bytes();
    let mut start = 0;
    for (i, &c) in b.iter().enumerate() {
        if is_word_byte(c) {
            continue;
        }
        if (c == b'\'' && i > 0 && b[i - 1] == b'n' && b.get(i + 1) == Some(&b't')) || neg_word(&b[start..i]) {
            return true;
        }
        start = i + 1;
    }
    neg_word(&b[start..])
}

/// Doc sentences and questions, not results.
fn narrative(l: &str) -> bool {
    l.ends_with('?')
        || ["if ", "when ", "validates", "searches", "examines", "each ", "attempts to", "checks "].iter().any(|p| l.starts_with(p))
}

/// The value after the last `:` (`Enabled : True`).
fn value_after_colon(s: &str) -> &str {
    s.rsplit_once(':').map_or("", |(_, v)| lines::trim(v))
}

/// `<tag>value</tag>`, also XML-escaped (`&lt;tag&gt;`).
pub(crate) fn tag_value<'s>(s: &'s str, tag: &str) -> Option<&'s str> {
    for (open, close) in [("<", ">"), ("&lt;", "&gt;")] {
        if let Some(i) = find_ci_seq(s, &[open, tag, close]) {
            let rest = &s[i + open.len() + tag.len() + close.len()..];
            let end = find(rest, open).unwrap_or(rest.len());
            let v = rest[..end].trim();
            if !v.is_empty() {
                return Some(v);
            }
        }
    }
    None
}

/// The name after `for domain:` / `for forest:`, up to a comma, a space or a sentence end.
fn name_after_phrase(s: &str, end: usize) -> Option<&str> {
    let rest = s.get(end..)?.trim_start_matches([':', ' ', '\t', '"', '\'', '`']);
    let stop = rest.find([',', ' ', '\t', '"', '\'', '`', ';', '<', '&']).unwrap_or(rest.len());
    let name = rest[..stop].trim_end_matches(['.', ':']);
    (!name.is_empty() && name.len() < 256).then_some(name)
}

/// A connector name after the word `connector` (`for AD Connector - contoso.com`).
fn connector_name(s: &str) -> Option<&str> {
    let i = find_ci(s, "connector")?;
    let rest = s[i + "connector".len()..].trim_start_matches([':', '-', ' ', '\t', '"', '\'']);
    let name = lines::trim(rest).trim_end_matches(['.', '"', '\'', ':']).trim();
    if name.is_empty() || name.len() > 200 || starts_ci(name, "is ") || starts_ci(name, "was ") || starts_ci(name, "space") {
        return None;
    }
    Some(name.trim_matches(['"', '\'']))
}

/// A 4-part version `1.x.y.z` after the word `version` (not an assembly's `Version=`).
fn connect_version(s: &str) -> Option<ConnectVersion> {
    let i = find_ci(s, "version")?;
    let rest = s.get(i + 7..)?;
    if rest.starts_with('=') {
        return None;
    }
    let rest = rest.trim_start_matches([':', ' ', '\t']);
    let tok: &str = rest.split(|c: char| !(c.is_ascii_digit() || c == '.')).next().unwrap_or("");
    let tok = tok.trim_end_matches('.');
    let after = rest[tok.len()..].trim_start().to_ascii_lowercase();
    // `version 1.1.614.0 or later` states a requirement, not what is installed.
    let requirement = ["or ", "and ", "later", "after", "higher", "newer", "+"].iter().any(|w| after.starts_with(w));
    if tok.split('.').count() != 4 || after.starts_with(", culture") || requirement {
        return None;
    }
    ConnectVersion::parse(tok).ok()
}

/// Strips `WARNING:` and the like that PowerShell puts before stream output.
fn strip_stream(s: &str) -> &str {
    // Every prefix starts with one of these letters.
    if !matches!(s.as_bytes().first().map(u8::to_ascii_lowercase), Some(b'w' | b'v' | b'e' | b'a')) {
        return s;
    }
    for p in ["WARNING:", "VERBOSE:", "ERROR:", "WARNUNG:", "AVERTISSEMENT:"] {
        if starts_ci(s, p) {
            return s[p.len()..].trim_start();
        }
    }
    s
}

/// A connector-space log row: a timestamp, then a status value as its own column.
fn log_row(text: &str) -> Option<(Timestamp, &'static str)> {
    let (t, n) = time::parse_prefix(text)?;
    let rest = text.get(n..)?.trim_start();
    let tok = rest.split([' ', '\t']).next()?;
    let s = knowledge::status(tok)?;
    Some((t, s.name))
}

/// `lower` is scratch space for the lower-cased line (kept by the caller to save allocations).
///
/// `facts` is an empty vector the result's facts go in (lent, to save an allocation).
#[allow(clippy::too_many_arguments)]
pub(crate) fn recognise<'a>(
    src: Src<'a>,
    first: usize,
    last: usize,
    raw: &str,
    hits: &Hits,
    ctx: Ctx<'_>,
    lower: &mut String,
    facts: Vec<Fact<'a>>,
) -> Content<'a> {
    let mut c = Content {
        src,
        facts,
        kind: None,
        fields: Vec::new(),
        hints: Hints::default(),
        event_guess: None,
        diag_connector: None,
        diag_domain: None,
        status_begin: false,
        status_end: false,
        diag_menu: false,
    };
    c.facts.clear();
    let fact = |k: Fk| Fact::new(k, first, last);

    if let Some((t, status)) = log_row(raw) {
        let mut s = fact(Fk::LogStatus).param(P::Status, status);
        s.status = Some(status);
        s.time = Some(t);
        if let Some(dn) = ctx.domain {
            s = s.param(P::Domain, c.cow(dn));
        }
        c.facts.push(s);
        c.kind(RecordKind::LogStatus);
        c.field("time", t.text());
        c.field("status", status);
        c.hints.time = Some(t);
        return c;
    }
    // The header of a connector space object's log.
    if (starts_ci(raw, "Date") && has_ci(raw, "Status") && raw.len() < 120 && !raw.contains(':')) || raw.starts_with("Date/Time") {
        c.kind(RecordKind::LogStatus);
        return c;
    }
    if !hits.any() {
        if !ctx.in_event {
            diag_header(raw, &mut c);
        }
        return c;
    }
    lower.clear();
    lower.push_str(raw);
    lower.make_ascii_lowercase();
    let lower: &str = lower;
    let l = strip_stream(lower);

    // The troubleshooter's menus and footer say "does NOT work": not results.
    if hits.has(Ph::DiagMenu) || hits.has(Ph::DiagFooter) || (hits.has(Ph::DiagTitle) && !ctx.in_event) {
        c.diag_menu = true;
        c.kind(if hits.has(Ph::DiagMenu) { RecordKind::DiagnosticsMenu } else { RecordKind::DiagnosticsInfo });
        if let Some((k, v)) = raw.split_once(':').filter(|_| hits.has(Ph::DiagTitle)) {
            if !lines::trim(v).is_empty() {
                c.field("setting", format!("{}: {}", lines::trim(k), lines::trim(v)));
            }
        }
        return c;
    }

    decode_errors(raw, lower, hits, ctx, &mut c, first, last);

    if hits.has(Ph::ForestInfo) {
        c.hints.domain = tag_value(raw, "partition-name").map(|v| c.cow(v));
        c.hints.connector = tag_value(raw, "connector-id").map(|v| c.cow(v));
        if let Some(d) = &c.hints.domain {
            c.fields.push(("partition", d.clone()));
        }
        if let Some(id) = &c.hints.connector {
            c.fields.push(("connector_id", id.clone()));
        }
        c.kind(RecordKind::ForestInfo);
    }
    if hits.has(Ph::ForDomain) && c.hints.domain.is_none() {
        for end in hits.ends(Ph::ForDomain) {
            if let Some(d) = name_after_phrase(raw, end) {
                c.hints.domain = Some(c.cow(d));
                break;
            }
        }
    }
    if hits.has(Ph::PwRequest) || hits.has(Ph::PwResult) {
        password_change(raw, lower, hits.has(Ph::PwResult), &mut c, first, last);
    }
    event_wording(raw, lower, hits, &mut c, first, last);

    if hits.has(Ph::SsFeature) {
        let v = value_after_colon(raw).to_ascii_lowercase();
        c.kind(RecordKind::StatusScript);
        c.slice("feature_enabled", value_after_colon(raw));
        match v.as_str() {
            "true" => c.facts.push(fact(Fk::TenantFeatureOn).param(P::Scope, "tenant")),
            "false" => c.facts.push(fact(Fk::TenantFeatureOff)),
            _ => {}
        }
    }
    if hits.has(Ph::SsBegin) {
        c.status_begin = true;
        c.kind(RecordKind::StatusScript);
    }
    if hits.has(Ph::SsEnd) {
        c.status_end = true;
        c.kind(RecordKind::StatusScript);
    }
    for (p, k) in [(Ph::SsMulti, Fk::MultipleAadConnectors), (Ph::SsNoAad, Fk::NoAadConnector), (Ph::SsNoAd, Fk::NoAdConnector)] {
        if hits.has(p) {
            c.kind(RecordKind::StatusScript);
            c.facts.push(fact(k));
        }
    }
    if hits.has(Ph::CompanyFeatureKey) && starts_ci(raw, "PasswordHashSync") && raw.contains(':') {
        let v = value_after_colon(raw).to_ascii_lowercase();
        c.kind(RecordKind::Setting);
        c.slice("PasswordHashSync", value_after_colon(raw));
        match v.as_str() {
            "true" => c.facts.push(fact(Fk::TenantFeatureOn).param(P::Scope, "tenant")),
            "false" => c.facts.push(fact(Fk::TenantFeatureOff)),
            _ => {}
        }
    }
    if hits.has(Ph::StagingEnabledKey) && raw.contains(':') {
        let v = value_after_colon(raw).to_ascii_lowercase();
        c.kind(RecordKind::Setting);
        c.slice("StagingModeEnabled", value_after_colon(raw));
        if v == "true" {
            c.facts.push(fact(Fk::StagingModeOn));
        }
    }

    statuses(raw, hits, &mut c, first, last, ctx);

    if hits.has(Ph::Writeback) {
        c.facts.push(fact(Fk::WritebackText));
        c.kind(RecordKind::Message);
    }

    if raw.len() <= 400 && !narrative(l) {
        if ctx.in_event || c.event_guess.is_some() {
            event_topics(l, raw, hits, ctx, &mut c, first, last);
        } else {
            topics(l, raw, hits, ctx, &mut c, first, last);
        }
    }
    if hits.has(Ph::Version) && has_any(l, &["connect", "adsync", "azure ad sync", "aad sync", "synchronization service"]) {
        if let Some(v) = connect_version(raw) {
            c.field("version", v.to_string());
            c.kind(RecordKind::DiagnosticsInfo);
            if v.0[0] == 1 {
                c.facts.push(fact(Fk::RetiredVersion).param(P::Version, v.to_string()));
            }
        }
    }
    if !ctx.in_event && c.kind.is_none() {
        diag_header(raw, &mut c);
    }
    // `Last password hash sync attempt: 3/2/2017 4:31:09 AM` and the like.
    if c.kind.is_none() && hits.has(Ph::Phs) && raw.len() <= 200 {
        if let Some((t, _, _)) = time::find(raw) {
            c.kind(RecordKind::DiagnosticsInfo);
            c.field("time", t.text());
            c.hints.time = Some(t);
        }
    }
    c
}

/// Error numbers, service error codes, and known messages of `errors.json`.
fn decode_errors(raw: &str, lower: &str, hits: &Hits, ctx: Ctx<'_>, c: &mut Content<'_>, first: usize, last: usize) {
    let mut found: Vec<&'static ErrorInfo> = Vec::new();
    let mut unknown: Vec<u32> = Vec::new();
    let push = |found: &mut Vec<&'static ErrorInfo>, e: &'static ErrorInfo| {
        if !found.iter().any(|x| std::ptr::eq(*x, e)) {
            found.push(e);
        }
    };
    for end in hits.ends(Ph::RpcError) {
        if let Some((n, _)) = errors::number_after(raw, end) {
            match errors::rpc(n) {
                Some(e) => push(&mut found, e),
                None if !unknown.contains(&n) => unknown.push(n),
                None => {}
            }
        }
    }
    for end in hits.ends(Ph::ErrorCode) {
        if let Some((n, _)) = errors::number_after(raw, end) {
            match errors::service(n) {
                Some(e) => push(&mut found, e),
                None => c.field("error_code", n.to_string()),
            }
        }
    }
    let b = raw.as_bytes();
    for &(tag, at, len) in &hits.list {
        match tag {
            Tag::Code(code) => {
                let before_ok = at == 0 || !(b[at - 1].is_ascii_alphanumeric() || b[at - 1] == b'.' || b[at - 1] == b':');
                let pat_colon = b[at + len - 1] == b':';
                let after_ok = pat_colon || b.get(at + len).is_none_or(|x| !x.is_ascii_alphanumeric());
                if before_ok && after_ok {
                    if let Some(e) = errors::rpc(code) {
                        push(&mut found, e);
                    }
                }
            }
            Tag::Err(i) => {
                if let Some(e) = ERRORS.get(usize::from(i)) {
                    push(&mut found, e);
                }
            }
            _ => {}
        }
    }
    // A message that only repeats what a decoded number already says is not shown twice.
    let numbered: Vec<&'static ErrorInfo> = found.iter().copied().filter(|e| e.kind != ErrorKind::Message).collect();
    found.retain(|e| e.kind != ErrorKind::Message || !numbered.iter().any(|n| n.same_cause(e)));
    for e in &found {
        let mut s = Fact::new(Fk::DecodedError, first, last);
        s.error = Some(e);
        if e.kind != ErrorKind::Message {
            s = s.param(P::Code, e.code.to_string());
        }
        c.facts.push(s);
        if e.kind != ErrorKind::Message {
            c.field("code", e.code.to_string());
        }
    }
    for n in &unknown {
        c.facts.push(Fact::new(Fk::UnknownDrsCode, first, last).param(P::Code, n.to_string()));
        c.field("code", n.to_string());
    }
    if found.is_empty() && unknown.is_empty() && hits.has(Ph::Drs) {
        c.facts.push(Fact::new(Fk::DrsException, first, last));
    }
    if hits.has(Ph::UserPassIncorrect) && !found.iter().any(|e| e.name_says_credentials()) {
        // Which account: AD words (or the troubleshooter) say AD DS; else the judge decides.
        let ad = ctx.in_diag || has_any(lower, &["ad ds", "drs", "active directory", "ldap"]);
        c.facts.push(Fact::new(if ad { Fk::AdCredentialsRejected } else { Fk::CredentialsRejected }, first, last));
    }
    if !c.facts.is_empty() || hits.has(Ph::Drs) {
        c.kind(RecordKind::Error);
    }
}

/// `Password Change Request/Result - Anchor : …, Dn : …, …` (events 656/657).
fn password_change(raw: &str, lower: &str, result: bool, c: &mut Content<'_>, first: usize, last: usize) {
    c.kind(RecordKind::PasswordChange);
    c.event_guess.get_or_insert(if result { 657 } else { 656 });
    let src = c.src;
    let key_value = |key: &str, stops: &[&str]| -> Option<&str> {
        let mut from = 0;
        let rest = loop {
            let i = from + find(lower.get(from..)?, key)?;
            from = i + 1;
            if i > 0 && raw.as_bytes()[i - 1].is_ascii_alphanumeric() {
                continue;
            }
            let rest = raw[i + key.len()..].trim_start();
            if let Some(r) = rest.strip_prefix(':').or_else(|| rest.strip_prefix('=')) {
                break r.trim_start();
            }
        };
        // `rest` ends `raw`; lower-casing keeps offsets.
        let rest_lower = &lower[raw.len() - rest.len()..];
        // The first of the stops (all start with `,` but the result's space).
        let end = match stops {
            [",", " "] => rest_lower.find([',', ' ']),
            _ => first_stop(rest_lower, b',', stops),
        };
        let end = end.unwrap_or(rest.len());
        Some(rest[..end].trim().trim_end_matches('.').trim())
    };
    let anchor = key_value("anchor", &[","]);
    let dn = key_value("dn", &[", change date", ", pwdchangeonlogon", ", result", ", extended"]);
    c.field("type", if result { "result" } else { "request" });
    if let Some(a) = anchor {
        c.slice("anchor", a);
    }
    let dn = dn.map(|d| src.cow(d));
    if let Some(d) = &dn {
        c.field("dn", d.clone());
        c.hints.dn = Some(d.clone());
    }
    if !result {
        if let Some(d) = key_value("change date", &[","]) {
            c.slice("change_date", d);
        }
        return;
    }
    if let Some(p) = key_value("pwdchangeonlogon", &[","]) {
        c.slice("pwd_change_on_logon", p);
    }
    let Some(res) = key_value("result", &[",", " "]) else { return };
    let res = src.cow(res);
    c.field("result", res.clone());
    let status = knowledge::status(&res).map(|s| s.name);
    let failed = res.eq_ignore_ascii_case("failed") || res.eq_ignore_ascii_case("failure");
    let kind = match status {
        Some(_) => Fk::PasswordChangeResult,
        None if failed => Fk::PasswordChangeFailed,
        None => return,
    };
    let mut s = Fact::new(kind, first, last).param(P::Result, res);
    s.status = status;
    if let Some(d) = dn {
        s = s.param(P::Dn, d);
    }
    c.facts.push(s);
}

/// Event message wording: bare message bodies say which event they are.
fn event_wording(raw: &str, lower: &str, hits: &Hits, c: &mut Content<'_>, first: usize, last: usize) {
    let guesses = [
        (Ph::Ev611, 611),
        (Ph::Ev652, 652),
        (Ph::Ev655, 655),
        (Ph::Ev654, 654),
        (Ph::Ev653, 653),
        (Ph::Ev650, 650),
        (Ph::Ev651, 651),
        (Ph::Ev622, 622),
        (Ph::Ev623, 623),
        (Ph::Ev617, 617),
        (Ph::Ev613, 613),
        (Ph::Ev667, 667),
        (Ph::Ev0Retry, 0),
    ];
    const ANY: u128 = mask(&[
        Ph::Ev611,
        Ph::Ev652,
        Ph::Ev655,
        Ph::Ev654,
        Ph::Ev653,
        Ph::Ev650,
        Ph::Ev651,
        Ph::Ev622,
        Ph::Ev623,
        Ph::Ev617,
        Ph::Ev613,
        Ph::Ev667,
        Ph::Ev0Retry,
    ]);
    for (p, id) in guesses {
        if !hits.any_of(ANY) {
            break;
        }
        if hits.has(p) {
            // A full sync "completed" line that is about password sync only.
            if matches!(id, 622 | 623 | 617) && !contains(lower, "password") {
                continue;
            }
            c.event_guess.get_or_insert(id);
            c.kind(RecordKind::Message);
        }
    }
    if hits.has(Ph::Ev0Retry) || hits.has(Ph::Retry) {
        let mut s = Fact::new(Fk::Retry, first, last);
        if let Some(i) = find_ci(raw, "dn =").or_else(|| find_ci(raw, "dn=")) {
            let dn = raw[i..].split_once('=').map_or("", |(_, v)| v).trim();
            if !dn.is_empty() {
                let dn = c.cow(dn);
                s = s.param(P::Dn, dn.clone());
                c.hints.dn = Some(dn);
            }
        }
        c.facts.push(s);
        c.kind(RecordKind::Message);
    }
}

/// Status values after `Result :` / `Status :`, and the distinctive ones anywhere.
fn statuses(raw: &str, hits: &Hits, c: &mut Content<'_>, first: usize, last: usize, ctx: Ctx<'_>) {
    let b = raw.as_bytes();
    let mut names: Vec<&'static str> = Vec::new();
    for p in [Ph::ResultKey, Ph::StatusKey] {
        for end in hits.ends(p) {
            let tok: String = raw[end..].trim_start().chars().take_while(|c| c.is_ascii_alphanumeric()).collect();
            if let Some(s) = knowledge::status(&tok) {
                if !names.contains(&s.name) {
                    names.push(s.name);
                }
            }
        }
    }
    for &(tag, at, len) in &hits.list {
        if let Tag::Status(i) = tag {
            let before_ok = at == 0 || !is_word_byte(b[at - 1]);
            let after_ok = b.get(at + len).is_none_or(|x| !is_word_byte(*x));
            if let (true, true, Some(s)) = (before_ok, after_ok, STATUSES.get(usize::from(i))) {
                if !names.contains(&s.name) {
                    names.push(s.name);
                }
            }
        }
    }
    if names.is_empty() || c.kind == Some(RecordKind::PasswordChange) {
        return;
    }
    for n in names {
        debug_assert!(!COMMON_STATUSES.contains(&n) || hits.has(Ph::ResultKey) || hits.has(Ph::StatusKey));
        c.field("status", n);
        let mut s = Fact::new(Fk::LogStatus, first, last).param(P::Status, n);
        s.status = Some(n);
        if let Some(d) = ctx.domain {
            s = s.param(P::Domain, c.cow(d));
        }
        c.facts.push(s);
    }
    c.kind(RecordKind::LogStatus);
}

/// The troubleshooter's `AD Connector - name` and partition headers.
fn diag_header(raw: &str, c: &mut Content<'_>) {
    if raw.len() > 200 {
        return;
    }
    let t = strip_stream(raw);
    // Every key below starts with one of these letters.
    if !matches!(t.as_bytes().first().map(u8::to_ascii_lowercase), Some(b'a' | b'c' | b'd' | b'f' | b'o' | b't')) {
        return;
    }
    for key in ["AD Connector Name", "AD Connector", "Connector Name", "AD DS Connector"] {
        if starts_ci(t, key) {
            let rest = t[key.len()..].trim_start();
            if let Some(name) = rest.strip_prefix(['-', ':']).map(|r| lines::trim(r).trim_matches(['"', '\''])) {
                if !name.is_empty() {
                    let name = c.cow(name);
                    c.diag_connector = Some(name.clone());
                    c.field("connector", name);
                    c.kind(RecordKind::DiagnosticsInfo);
                    return;
                }
            }
        }
    }
    for key in ["Directory Partition Name", "Directory Partition", "Domain Name", "Partition Name", "Domain", "Forest"] {
        if starts_ci(t, key) {
            let rest = t[key.len()..].trim_start();
            if let Some(name) = rest.strip_prefix(['-', ':']).map(|r| lines::trim(r).trim_matches(['"', '\''])) {
                if !name.is_empty() && !name.contains(' ') {
                    let name = c.cow(name);
                    c.diag_domain = Some(name.clone());
                    c.field("domain", name);
                    c.kind(RecordKind::DiagnosticsInfo);
                    return;
                }
            }
        }
    }
    for key in ["AD Object DN", "Object DN", "Distinguished Name", "DistinguishedName", "AD Object"] {
        if starts_ci(t, key) {
            if let Some(dn) = t[key.len()..].trim_start().strip_prefix([':', '-']).map(str::trim) {
                if !dn.is_empty() {
                    let dn = c.cow(dn);
                    c.hints.dn = Some(dn.clone());
                    c.field("dn", dn);
                    c.kind(RecordKind::DiagnosticsInfo);
                    return;
                }
            }
        }
    }
    if starts_ci(t, "AAD Tenant") || starts_ci(t, "Azure AD Tenant") || starts_ci(t, "Tenant") {
        if let Some((_, v)) = t.split_once(['-', ':']) {
            c.slice("tenant", lines::trim(v));
            c.kind(RecordKind::DiagnosticsInfo);
        }
    }
}

/// Inside event messages only a few topics are safe to read as results.
fn event_topics(l: &str, raw: &str, hits: &Hits, ctx: Ctx<'_>, c: &mut Content<'_>, first: usize, last: usize) {
    if hits.has(Ph::Reach) && negative(l) {
        let mut s = Fact::new(Fk::DomainUnreachableSaid, first, last);
        if let Some(d) = c.hints.domain.clone().or_else(|| ctx.domain.map(|d| c.cow(d))) {
            s = s.param(P::Domain, d);
        }
        c.facts.push(s);
    }
    if hits.has(Ph::Phs) && (contains(l, "not been activated") || contains(l, "not activated")) {
        c.facts.push(Fact::new(Fk::TenantNotActivated, first, last));
    }
    let _ = raw;
}

/// The troubleshooter's checks, the single-object run and Connect Health alerts, recognised by
/// phrase families around the documented checks, with negations.
fn topics<'a>(l: &str, raw: &str, hits: &Hits, ctx: Ctx<'_>, c: &mut Content<'a>, first: usize, last: usize) {
    let fact = |k: Fk| Fact::new(k, first, last);
    let src = c.src;
    let with_connector = |mut s: Fact<'a>, name: Option<&str>| {
        if let Some(n) = name.or(ctx.connector) {
            s = s.param(P::Connector, src.cow(n));
        }
        s
    };
    let with_domain = |mut s: Fact<'a>, name: Option<&str>| {
        if let Some(n) = name.or(ctx.domain) {
            s = s.param(P::Domain, src.cow(n));
        }
        s
    };
    let check = |c: &mut Content<'a>, topic: &'static str, outcome: &'static str| {
        c.kind(RecordKind::DiagnosticsCheck);
        c.field("check", topic);
        c.field("outcome", outcome);
    };
    let neg_cell = std::cell::OnceCell::new();
    let neg = || *neg_cell.get_or_init(|| negative(l));
    let mut topic = false;

    if hits.has(Ph::Staging) && !hits.has(Ph::StagingEnabledKey) {
        topic = true;
        let claims = contains(l, "in staging mode") || has_word(l, "enabled") || has_word(l, "true") || has_word(l, "on");
        if claims && !neg() {
            c.facts.push(fact(Fk::StagingModeOn));
            check(c, "staging-mode", "fail");
        } else {
            check(c, "staging-mode", if neg() { "pass" } else { "info" });
        }
    }
    if hits.has(Ph::Heartbeat) {
        topic = true;
        let kind = if contains(l, "120 minutes") || contains(l, "was skipped") {
            RecordKind::HealthAlert
        } else if contains(l, "ping event found") || contains(l, "latest heart beat event") {
            RecordKind::StatusScript
        } else {
            RecordKind::DiagnosticsCheck
        };
        if neg() {
            c.facts.push(with_connector(fact(Fk::HeartbeatMissing), connector_in_line(raw)));
            c.kind(kind);
            c.field("check", "heartbeat");
            c.field("outcome", "fail");
        } else if has_any(l, &["latest", "detected", "found", "within", "received", "last heartbeat"]) {
            let t = time::find(raw).map(|(t, _, _)| t);
            let mut s = with_connector(fact(Fk::HeartbeatSeen), connector_in_line(raw));
            if let Some(t) = t {
                s.time = Some(t);
                c.hints.time = Some(t);
                c.field("time", t.text());
            }
            c.facts.push(s);
            c.kind(kind);
            c.field("check", "heartbeat");
            c.field("outcome", "pass");
        }
    }
    if hits.has(Ph::HealthTitle) && c.kind.is_none() {
        c.kind(RecordKind::HealthAlert);
    }
    if hits.has(Ph::NoRecentSync) {
        topic = true;
        c.facts.push(fact(Fk::NoRecentSync));
        c.kind(RecordKind::HealthAlert);
    }
    if hits.has(Ph::StoppedWorking) && (hits.has(Ph::Phs) || contains(l, "password")) && !contains(l, "not stopped") {
        topic = true;
        c.facts.push(fact(Fk::PhsStoppedSaid));
        c.kind(RecordKind::HealthAlert);
    }
    let ev_wording = c.event_guess.is_some();
    if hits.has(Ph::Permission) && has_any(l, &["account", "ad ds", "connector", "replicat", "directory changes", "msol_"]) {
        topic = true;
        if neg() || contains(l, "insufficient") {
            c.facts.push(with_domain(fact(Fk::PermissionsInsufficient), None));
            check(c, "permissions", "fail");
        } else {
            check(c, "permissions", "pass");
        }
    }
    if hits.has(Ph::Credential) && !hits.has(Ph::UserPassIncorrect) && !ev_wording && !contains(l, "provision") {
        topic = true;
        let bad =
            has_any(l, &["incorrect", "invalid", "wrong", "bad password", "failed", "not valid", "expired", "logon failure", "denied"]);
        let cloud_words =
            has_any(l, &["aadsts", "azure ad connector", "aad connector", "entra connector", "sync_", "azure ad account", "global admin"]);
        let ad_words = has_any(l, &["ad ds", "ad connector", "active directory", "domain", "msol_"]);
        let ad = (ad_words || ctx.in_diag) && !cloud_words;
        if bad {
            let k = if ad { Fk::AdCredentialsRejected } else { Fk::CloudCredentialsRejected };
            c.facts.push(with_domain(fact(k), None));
            check(c, "credentials", "fail");
        } else if has_any(l, &["correct", "valid", "succe"]) {
            check(c, "credentials", "pass");
        }
    }
    if hits.has(Ph::Reach) {
        topic = true;
        let name = domain_in_line(raw);
        if neg() || contains(l, "unreachable") {
            c.facts.push(with_domain(fact(Fk::DomainUnreachableSaid), name));
            check(c, "domain-reachable", "fail");
        } else {
            check(c, "domain-reachable", "pass");
            if let Some(n) = name {
                c.slice("domain", n);
            }
        }
    }
    let object_space = hits.has(Ph::ConnectorSpace) || hits.has(Ph::Metaverse);
    if object_space && !hits.has(Ph::Exported) {
        topic = true;
        let cloud_cs = has_any(
            l,
            &[
                "aad connector space",
                "azure ad connector space",
                "azure active directory connector space",
                "entra connector space",
                "entra id connector space",
                "cloud connector space",
            ],
        );
        let ad_cs = !cloud_cs && hits.has(Ph::ConnectorSpace) && !hits.has(Ph::Metaverse);
        if neg() {
            c.facts.push(fact(if ad_cs { Fk::NotInAdConnectorSpace } else { Fk::NoTargetConnectionSaid }));
            check(c, if ad_cs { "ad-connector-space" } else { "target" }, "fail");
        } else {
            check(c, if ad_cs { "ad-connector-space" } else { "target" }, "pass");
        }
    }
    if hits.has(Ph::Exported) {
        topic = true;
        if neg() {
            c.facts.push(fact(Fk::NotExported));
            check(c, "exported", "fail");
        } else {
            check(c, "exported", "pass");
        }
    }
    if hits.has(Ph::TempPassword) {
        topic = true;
        let cleared = has_any(
            l,
            &[
                "cleared",
                "not set",
                "isn't set",
                "is not set",
                "false",
                "doesn't have",
                "does not have",
                "no temporary",
                "not a temporary",
                "unchecked",
                "not selected",
            ],
        );
        if cleared {
            check(c, "temporary-password", "pass");
        } else {
            c.facts.push(fact(Fk::TemporaryPasswordSet));
            check(c, "temporary-password", "fail");
        }
    }
    if hits.has(Ph::CloudFiltered) {
        topic = true;
        let absent = has_any(l, &["no cloudfiltered", "not present", "false", "isn't", "is not", "not found", "absent"]);
        if !absent && has_any(l, &["true", "present", "is set", "found", "exists", "has", "filtered"]) {
            c.facts.push(fact(Fk::CloudFilteredSet));
            check(c, "cloud-filtered", "fail");
        } else {
            check(c, "cloud-filtered", "pass");
        }
    }
    if hits.has(Ph::SyncRule) && contains(l, "password") {
        topic = true;
        if neg() {
            c.facts.push(fact(Fk::NoPhsSyncRule));
            check(c, "sync-rule", "fail");
        } else {
            check(c, "sync-rule", "pass");
        }
    }
    if hits.has(Ph::History) && has_any(l, &["password", "result", "attempt"]) && !topic {
        topic = true;
        if neg() {
            c.facts.push(fact(Fk::NoSyncHistory));
            check(c, "history", "fail");
        } else {
            check(c, "history", "pass");
        }
    }
    // The feature checks: tenant ("cloud configuration") or connector.
    if !topic
        && hits.has(Ph::Phs)
        && !ev_wording
        && has_any(l, &["enabled", "disabled", "activated", "true", "false", "turned off", "turned on"])
    {
        let named = if contains(l, "connector") { connector_name(raw) } else { None };
        let tenant_words = has_any(
            l,
            &["cloud", "tenant", "azure ad directory", "company", "azure active directory", "entra id", "aad", "feature", "directory"],
        );
        let connector_scope = named.is_some() || contains(l, "connector") || (!tenant_words && ctx.connector.is_some());
        let bad = neg() || contains(l, "not been activated");
        if connector_scope {
            let s = with_connector(fact(if bad { Fk::ConnectorFeatureOff } else { Fk::ConnectorFeatureOn }), named);
            c.facts.push(s);
            check(c, "connector-feature", if bad { "fail" } else { "pass" });
        } else {
            c.facts.push(if bad { fact(Fk::TenantFeatureOff) } else { fact(Fk::TenantFeatureOn).param(P::Scope, "tenant") });
            check(c, "tenant-feature", if bad { "fail" } else { "pass" });
        }
    }
}

/// `… for AD Connector - contoso.com` / `connector 'x'` on the line itself.
fn connector_in_line(raw: &str) -> Option<&str> {
    if !has_ci(raw, "connector") {
        return None;
    }
    connector_name(raw).filter(|n| n.len() < 120 && !contains(n, " in ") && !contains(n, "last"))
}

/// `Domain "contoso.com" is not reachable`, `Unable to connect to domain contoso.com`.
fn domain_in_line(raw: &str) -> Option<&str> {
    let i = find_ci(raw, "domain")?;
    let end = i + "domain".len();
    let name = name_after_phrase(raw, end)?;
    let lower = name.to_ascii_lowercase();
    if ["is", "was", "controller", "controllers", "reachable", "unreachable", "not"].contains(&lower.as_str())
        || !name.contains(|c: char| c.is_alphanumeric())
    {
        return None;
    }
    Some(name)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn words_and_negations() {
        assert!(has_word("is not in staging mode", "not"));
        assert!(!has_word("nothing here", "not"));
        assert!(negative("password hash synchronization isn't enabled"));
        assert!(negative("no ping event found within last 3 hours."));
        assert!(!negative("latest heart beat event (within last 3 hours). time 3/2/2017"));
        assert!(!negative("password hash synchronization cloud configuration is enabled"));
        for n in NEG_WORDS {
            assert!(neg_word(n.as_bytes()), "{n}");
            assert!(negative(&format!("x {n}.")) && !negative(&format!("x {n}x")), "{n}");
        }
        assert!(!neg_word(b"nothing") && !neg_word(b""));
    }

    #[test]
    fn names() {
        assert_eq!(connector_name("Password Hash Synchronization is disabled for AD Connector - contoso.com"), Some("contoso.com"));
        assert_eq!(domain_in_line("Domain \"contoso.com\" is not reachable"), Some("contoso.com"));
        assert_eq!(domain_in_line("Unable to connect to domain fabrikam.com."), Some("fabrikam.com"));
        assert_eq!(domain_in_line("The domain is not reachable"), None);
        assert_eq!(tag_value("&lt;partition-name&gt;contoso.com&lt;/partition-name&gt;", "partition-name"), Some("contoso.com"));
        assert_eq!(connect_version("Microsoft Azure AD Connect version 1.1.614.0").map(|v| v.to_string()).as_deref(), Some("1.1.614.0"));
        assert_eq!(connect_version("Microsoft.Online, Version=1.0.0.0, Culture=neutral"), None);
        assert_eq!(connect_version("with version 1.1.614.0 or after, use the troubleshooting task"), None);
        assert_eq!(log_row("3/2/2017 4:31:09 AM   FilteredByTarget  x").map(|(_, s)| s), Some("FilteredByTarget"));
        assert_eq!(log_row("3/2/2017 4:31:09 AM   611 Error"), None);
    }
}
