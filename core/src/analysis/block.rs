//! The collector's report block (`content/scripts/collector.ps1`), found anywhere in a paste and
//! read back exactly:
//!
//! ```text
//! -----BEGIN PHS-DOCTOR REPORT v1-----
//! eyJzY2hlbWEiOiJwaHMtZG9jdG9yLXJlcG9ydC8xIiwiY29sbGVjdGVkX3V0YyI6IjIwMjYtMTEt
//! …
//! -----END PHS-DOCTOR REPORT v1 length=2817 sha256=<64 lowercase hex digits>-----
//! ```
//!
//! The body is base64 of the UTF-8 JSON report; `length` is its byte count and `sha256` its
//! SHA-256. Console prompts around the block, CRLF, indented or space-padded lines and lines
//! re-wrapped at another width are all read; a block that arrived cut off, changed, or in another
//! format gives one finding that says so (`report-truncated`, `report-altered`,
//! `report-unsupported-version`) and none of its facts are used.
//!
//! A block that passes its checks is judged by the same recognisers as every other paste: its
//! facts are written out as the text those recognisers read (the status script's lines,
//! `Get-ADSyncScheduler`'s `StagingModeEnabled`, events as `Get-WinEvent | Format-List` prints
//! them) and analysed; each finding's evidence then cites the block's BEGIN line and the report
//! field it came from (`report events[2].message: …`).

use std::borrow::Cow;

use super::fact::FactKind as Fk;
use super::judge::finding_for;
use super::model::{Analysis, Evidence, Finding, FullSyncStep, Gap, Heartbeat, Record, RecordKind, MAX_EVIDENCE, MAX_PARAMS, MAX_RECORDS};
use crate::knowledge::{FindingId, FindingId as F, Param, Param as P};

pub const BEGIN: &str = "-----BEGIN PHS-DOCTOR REPORT v1-----";
/// The END line is `END_PREFIX length=<bytes> sha256=<hex>-----`.
pub const END_PREFIX: &str = "-----END PHS-DOCTOR REPORT v1";
pub const SCHEMA: &str = "phs-doctor-report/1";
/// Base64 characters per body line, as the collector writes them.
pub const LINE_WIDTH: usize = 76;
/// A report larger than this is not decoded (the collector's are far smaller).
pub const MAX_REPORT_BYTES: usize = 8 * 1024 * 1024;

const BEGIN_MARK: &str = "-----BEGIN PHS-DOCTOR REPORT ";
const END_MARK: &str = "-----END PHS-DOCTOR REPORT ";

/// The block for `json`, as the collector prints it (lines end with `\n`).
pub fn encode(json: &str) -> String {
    let b64 = base64_encode(json.as_bytes());
    let mut out = String::with_capacity(b64.len() + b64.len() / LINE_WIDTH + 200);
    out.push_str(BEGIN);
    out.push('\n');
    for chunk in b64.as_bytes().chunks(LINE_WIDTH) {
        out.push_str(std::str::from_utf8(chunk).unwrap_or_default());
        out.push('\n');
    }
    out.push_str(&format!("{END_PREFIX} length={} sha256={}-----\n", json.len(), hex(&sha256(json.as_bytes()))));
    out
}

/// What a block turned out to be.
#[derive(Clone, Debug, PartialEq)]
pub enum Outcome {
    /// Checked: the report and its JSON text.
    Ok { json: String, report: Json },
    /// Fewer bytes than the END line states (`expected` is `None` without an END line).
    Truncated { got: usize, expected: Option<usize> },
    /// The content does not match the END line, or is not base64.
    Altered { reason: String },
    /// Another format version, or not a report.
    Unsupported { reason: String },
}

/// A block in the paste: its lines (1-based, inclusive) and what it holds.
#[derive(Clone, Debug, PartialEq)]
pub struct Block {
    pub first: usize,
    pub last: usize,
    pub outcome: Outcome,
    /// From the END line.
    pub length: Option<usize>,
    pub sha256: Option<String>,
}

/// Where `mark` (a BEGIN or END mark, which starts with `-----`) is in `line`: most lines have
/// no `-` at all, and looking for one byte is much quicker than looking for the mark.
fn mark_at(line: &str, mark: &str) -> Option<usize> {
    if !line.as_bytes().contains(&b'-') {
        return None;
    }
    crate::bytes::find_bytes(line, mark)
}

fn is_b64(b: u8) -> bool {
    b.is_ascii_alphanumeric() || b == b'+' || b == b'/' || b == b'='
}

/// Whether `text` may hold a block: a BEGIN mark is in it. One search of the whole text, so
/// that the lines of a paste without a block (most) are not looked at one by one by [`find`],
/// which finds none in them (each of its lines is part of the text).
pub(crate) fn any_begin(text: &str) -> bool {
    crate::bytes::contains(text, BEGIN_MARK)
}

/// Every block in `physical` (the paste's lines). Linear in the paste's size.
pub fn find(physical: &[&str]) -> Vec<Block> {
    let mut out = Vec::new();
    // The blocks checked so far, by what their check reads (version, body, END line): a block
    // pasted again is the same block, and its check is not repeated (decoding, SHA-256, JSON).
    let mut checked: Vec<(String, String, Option<&str>, usize)> = Vec::new();
    let mut i = 0;
    while i < physical.len() {
        let Some(at) = mark_at(physical[i], BEGIN_MARK) else {
            i += 1;
            continue;
        };
        let first = i + 1;
        let version = physical[i][at + BEGIN_MARK.len()..].trim_end().trim_end_matches('-').trim().to_string();
        let mut body = String::new();
        let mut last = first;
        let mut end: Option<&str> = None;
        let mut j = i + 1;
        // The first line inside that is not base64, if the END line follows it.
        let mut foreign: Option<usize> = None;
        while j < physical.len() {
            let line = physical[j];
            let t = line.trim_matches(|c: char| c.is_ascii() && crate::bytes::ascii_space(c as u8));
            if !t.is_empty() && crate::bytes::all_base64(t.as_bytes()) {
                // The usual body line: base64 alone (indented or padded with ASCII white space),
                // so no mark (no `-`), and its base64 is the one run of it without white space.
                if foreign.is_none() {
                    if body.len() < MAX_REPORT_BYTES * 2 {
                        body.push_str(t);
                    }
                    last = j + 1;
                }
                j += 1;
                continue;
            }
            if mark_at(line, BEGIN_MARK).is_some() {
                break;
            }
            if let Some(e) = mark_at(line, END_MARK) {
                end = Some(&line[e..]);
                last = j + 1;
                j += 1;
                break;
            }
            if foreign.is_some() {
                j += 1;
                continue;
            }
            // The line without its whitespace: base64 or not (no copy for the usual ASCII line).
            let b = line.as_bytes();
            let (b64, any) = if line.is_ascii() {
                let (mut b64, mut any) = (true, false);
                for &c in b {
                    let space = crate::bytes::ascii_space(c);
                    b64 &= space || is_b64(c);
                    any |= !space;
                }
                (b64, any)
            } else {
                let mut rest = line.chars().filter(|c| !c.is_whitespace()).peekable();
                let any = rest.peek().is_some();
                (rest.all(|c| c.is_ascii() && is_b64(c as u8)), any)
            };
            if !b64 {
                // Something else: a line changed inside the block (if its END line follows),
                // or what came after a block cut off (a prompt, the next command's output).
                foreign.get_or_insert(j);
            } else if foreign.is_none() && any {
                if body.len() < MAX_REPORT_BYTES * 2 {
                    // The line without its white space, in runs (not a character at a time).
                    for run in line.split(char::is_whitespace) {
                        body.push_str(run);
                    }
                }
                last = j + 1;
            }
            j += 1;
        }
        if let Some(f) = foreign {
            if end.is_none() {
                // Cut off: the lines after it are the paste's again.
                j = f;
            } else {
                i = j;
                let msg = format!("line {} inside the block is not base64", f + 1);
                let (length, sha256) = end.map(end_fields).unwrap_or((None, None));
                out.push(Block { first, last, outcome: Outcome::Altered { reason: msg }, length, sha256 });
                continue;
            }
        }
        i = j;
        let again = checked.iter().find(|(v, b, e, _)| *e == end && *v == version && *b == body).map(|c| c.3);
        let block = match again {
            Some(k) => Block { first, last, ..out[k].clone() },
            None => {
                let block = check(first, last, &version, &body, end);
                if checked.len() < MAX_CHECKED {
                    checked.push((version, body, end, out.len()));
                }
                block
            }
        };
        out.push(block);
    }
    out
}

/// How many checked blocks [`find`] remembers to recognise one pasted again.
const MAX_CHECKED: usize = 16;

/// The collector's own messages printed around its block (its `Write-Host` lines).
pub const OWN_LINES: &[&str] = &[
    "Copy everything from the BEGIN line to the END line into PHS Doctor",
    "The block is saved in ",
    "The block could not be saved next to the script",
    "The block is on the clipboard.",
    "The block could not be put on the clipboard",
];

/// The 1-based lines just before and after `blocks` that are the collector's own messages.
pub(crate) fn own_lines(physical: &[&str], blocks: &[Block]) -> Vec<usize> {
    let own = |n: usize| n >= 1 && physical.get(n - 1).is_some_and(|l| OWN_LINES.iter().any(|o| l.trim_start().starts_with(o)));
    let mut out = Vec::new();
    for b in blocks {
        if own(b.first.wrapping_sub(1)) {
            out.push(b.first - 1);
        }
        let mut n = b.last + 1;
        while own(n) && n <= b.last + 2 {
            out.push(n);
            n += 1;
        }
    }
    out
}

/// `length=<n> sha256=<hex>` from the END line.
fn end_fields(end: &str) -> (Option<usize>, Option<String>) {
    let mut length = None;
    let mut sha = None;
    for word in end.split(|c: char| c.is_whitespace()) {
        let word = word.trim_end_matches('-');
        if let Some(v) = word.strip_prefix("length=") {
            length = v.parse().ok();
        } else if let Some(v) = word.strip_prefix("sha256=") {
            if v.len() == 64 && v.bytes().all(|b| b.is_ascii_hexdigit()) {
                sha = Some(v.to_ascii_lowercase());
            }
        }
    }
    (length, sha)
}

fn check(first: usize, last: usize, version: &str, body: &str, end: Option<&str>) -> Block {
    let (length, sha) = end.map(end_fields).unwrap_or((None, None));
    let block = |outcome| Block { first, last, outcome, length, sha256: sha.clone() };
    if version != "v1" {
        return block(Outcome::Unsupported {
            reason: format!("the BEGIN line says format {:?}; this PHS Doctor reads v1", clip(version, 20)),
        });
    }
    if let Some(e) = end {
        if !e.contains(" v1 ") && !e.contains(" v1-") {
            return block(Outcome::Altered { reason: "the END line names another format version than the BEGIN line".into() });
        }
    }
    let bytes = match base64_decode(body) {
        Ok(b) => b,
        Err(e) if end.is_none() => return block(Outcome::Truncated { got: e.decoded, expected: None }),
        Err(e) => return block(Outcome::Altered { reason: e.reason.to_string() }),
    };
    let Some(_) = end else { return block(Outcome::Truncated { got: bytes.len(), expected: None }) };
    let (Some(len), Some(hash)) = (length, sha.as_deref()) else {
        return block(Outcome::Altered { reason: "the END line has no readable length and sha256".into() });
    };
    if bytes.len() < len {
        return block(Outcome::Truncated { got: bytes.len(), expected: Some(len) });
    }
    if bytes.len() != len {
        return block(Outcome::Altered { reason: format!("{} bytes instead of the {} the END line states", bytes.len(), len) });
    }
    if hex(&sha256(&bytes)) != hash {
        return block(Outcome::Altered { reason: "the SHA-256 checksum does not match the END line".into() });
    }
    let Ok(json) = String::from_utf8(bytes) else {
        return block(Outcome::Unsupported { reason: "the report is not UTF-8 text".into() });
    };
    let report = match Json::parse(&json) {
        Ok(v) => v,
        Err(at) => return block(Outcome::Unsupported { reason: format!("the report is not valid JSON (at byte {at})") }),
    };
    match report.get("schema").and_then(Json::as_str) {
        Some(SCHEMA) => block(Outcome::Ok { json, report }),
        Some(other) => {
            block(Outcome::Unsupported { reason: format!("the report's schema is {:?}; this PHS Doctor reads {SCHEMA}", clip(other, 40)) })
        }
        None => block(Outcome::Unsupported { reason: "the report has no schema".into() }),
    }
}

fn clip(s: &str, n: usize) -> String {
    s.chars().take(n).collect()
}

// ---- base64 -------------------------------------------------------------------------------------

const B64: &[u8; 64] = b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";

pub fn base64_encode(bytes: &[u8]) -> String {
    let mut out = String::with_capacity(bytes.len().div_ceil(3) * 4);
    for chunk in bytes.chunks(3) {
        let n = (u32::from(chunk[0]) << 16) | (u32::from(*chunk.get(1).unwrap_or(&0)) << 8) | u32::from(*chunk.get(2).unwrap_or(&0));
        for k in 0..4 {
            if k <= chunk.len() {
                out.push(B64[((n >> (18 - 6 * k)) & 63) as usize] as char);
            } else {
                out.push('=');
            }
        }
    }
    out
}

#[derive(Debug)]
pub struct B64Error {
    /// Bytes decoded before the problem.
    pub decoded: usize,
    pub reason: &'static str,
}

/// Each byte's base64 digit value; 0xff for bytes that are not base64 digits (`=` included).
static B64_VALUE: [u8; 256] = {
    let mut t = [0xffu8; 256];
    let mut i = 0;
    while i < 64 {
        t[B64[i] as usize] = i as u8;
        i += 1;
    }
    t
};

/// Strict base64 (standard alphabet, `=` padding only at the end, length a multiple of 4).
pub fn base64_decode(text: &str) -> Result<Vec<u8>, B64Error> {
    let s = text.as_bytes();
    let mut out = Vec::with_capacity(s.len() / 4 * 3);
    let val = |b: u8| -> Option<u32> {
        match b {
            b'A'..=b'Z' => Some(u32::from(b - b'A')),
            b'a'..=b'z' => Some(u32::from(b - b'a') + 26),
            b'0'..=b'9' => Some(u32::from(b - b'0') + 52),
            b'+' => Some(62),
            b'/' => Some(63),
            _ => None,
        }
    };
    let quads = s.chunks(4);
    let n = quads.len();
    for (qi, q) in quads.enumerate() {
        // The usual group: four base64 digits, not the last group (which may be padded).
        if qi + 1 != n {
            let d =
                [B64_VALUE[usize::from(q[0])], B64_VALUE[usize::from(q[1])], B64_VALUE[usize::from(q[2])], B64_VALUE[usize::from(q[3])]];
            if (d[0] | d[1] | d[2] | d[3]) < 64 {
                let v = u32::from(d[0]) << 18 | u32::from(d[1]) << 12 | u32::from(d[2]) << 6 | u32::from(d[3]);
                out.extend_from_slice(&[(v >> 16) as u8, (v >> 8) as u8, v as u8]);
                continue;
            }
        }
        let err = |reason| B64Error { decoded: out.len(), reason };
        if q.len() < 4 {
            return Err(err("the base64 text ends in the middle of a group of four characters"));
        }
        let pad = q.iter().rev().take_while(|&&b| b == b'=').count();
        if pad > 2 || (pad > 0 && qi + 1 != n) {
            return Err(err("a base64 padding character (=) stands in the middle of the text"));
        }
        let mut v = 0u32;
        for &b in &q[..4 - pad] {
            let Some(d) = val(b) else { return Err(err("a character is not base64")) };
            v = (v << 6) | d;
        }
        v <<= 6 * pad as u32;
        let three = [(v >> 16) as u8, (v >> 8) as u8, v as u8];
        out.extend_from_slice(&three[..3 - pad]);
    }
    Ok(out)
}

// ---- SHA-256 ---------------------------------------------------------------------------------

/// The SHA-256 digest of `data` (the `sha2` crate: 2.2 KB gzip in the wasm, 0.4 KB less than
/// the 60-line FIPS 180-4 implementation it replaced; see ARCHITECTURE.md).
pub fn sha256(data: &[u8]) -> [u8; 32] {
    use sha2::Digest;
    sha2::Sha256::digest(data).into()
}

pub fn hex(bytes: &[u8]) -> String {
    const DIGITS: &[u8; 16] = b"0123456789abcdef";
    let mut out = String::with_capacity(bytes.len() * 2);
    for &b in bytes {
        out.push(char::from(DIGITS[usize::from(b >> 4)]));
        out.push(char::from(DIGITS[usize::from(b & 15)]));
    }
    out
}

// ---- a small strict JSON reader -----------------------------------------------------------------

/// A JSON value. Numbers keep their text (the report has only integers).
#[derive(Clone, Debug, PartialEq)]
pub enum Json {
    Null,
    Bool(bool),
    Num(String),
    Str(String),
    Arr(Vec<Json>),
    Obj(Vec<(String, Json)>),
}

/// Nesting deeper than this is refused (the report nests three levels).
const MAX_DEPTH: usize = 64;

impl Json {
    /// Strict RFC 8259 JSON; the error is the byte offset of the problem.
    pub fn parse(text: &str) -> Result<Json, usize> {
        let mut p = JsonParser { s: text.as_bytes(), i: 0 };
        let v = p.value(0)?;
        p.ws();
        if p.i != p.s.len() {
            return Err(p.i);
        }
        Ok(v)
    }

    pub fn get(&self, key: &str) -> Option<&Json> {
        match self {
            Json::Obj(fields) => fields.iter().find(|(k, _)| k == key).map(|(_, v)| v),
            _ => None,
        }
    }

    pub fn as_str(&self) -> Option<&str> {
        match self {
            Json::Str(s) => Some(s),
            _ => None,
        }
    }

    pub fn as_bool(&self) -> Option<bool> {
        match self {
            Json::Bool(b) => Some(*b),
            _ => None,
        }
    }

    pub fn as_u64(&self) -> Option<u64> {
        match self {
            Json::Num(n) => n.parse().ok(),
            _ => None,
        }
    }

    pub fn items(&self) -> &[Json] {
        match self {
            Json::Arr(a) => a,
            _ => &[],
        }
    }

    /// A scalar as text (strings as they are, others as JSON writes them).
    fn text(&self) -> Option<String> {
        match self {
            Json::Str(s) => Some(s.clone()),
            Json::Num(n) => Some(n.clone()),
            Json::Bool(b) => Some(b.to_string()),
            _ => None,
        }
    }
}

/// A checked report's JSON indented for reading (the Analyze page shows it, so that the admin
/// sees everything the block holds before sharing it). `None` if `text` is not JSON.
pub fn pretty(text: &str) -> Option<String> {
    let mut out = String::with_capacity(text.len() * 2);
    Json::parse(text).ok()?.write_pretty(0, &mut out);
    Some(out)
}

impl Json {
    fn write_pretty(&self, depth: usize, out: &mut String) {
        let pad = |out: &mut String, d: usize| {
            out.push('\n');
            out.extend(std::iter::repeat_n("  ", d));
        };
        match self {
            Json::Null => out.push_str("null"),
            Json::Bool(b) => out.push_str(if *b { "true" } else { "false" }),
            Json::Num(n) => out.push_str(n),
            Json::Str(s) => write_str(s, out),
            Json::Arr(items) if items.is_empty() => out.push_str("[]"),
            Json::Obj(fields) if fields.is_empty() => out.push_str("{}"),
            Json::Arr(items) => {
                out.push('[');
                for (i, v) in items.iter().enumerate() {
                    if i > 0 {
                        out.push(',');
                    }
                    pad(out, depth + 1);
                    v.write_pretty(depth + 1, out);
                }
                pad(out, depth);
                out.push(']');
            }
            Json::Obj(fields) => {
                out.push('{');
                for (i, (k, v)) in fields.iter().enumerate() {
                    if i > 0 {
                        out.push(',');
                    }
                    pad(out, depth + 1);
                    write_str(k, out);
                    out.push_str(": ");
                    v.write_pretty(depth + 1, out);
                }
                pad(out, depth);
                out.push('}');
            }
        }
    }
}

/// A JSON string: control, bidi and invisible characters escaped, so what shows is what it holds.
fn write_str(s: &str, out: &mut String) {
    out.push('"');
    for c in s.chars() {
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            '\n' => out.push_str("\\n"),
            '\t' => out.push_str("\\t"),
            // Line breaks, control, bidi and invisible characters (what a script value may not hold).
            c if crate::script::check_value(c.encode_utf8(&mut [0; 4])).is_err() => {
                let mut units = [0u16; 2];
                for u in c.encode_utf16(&mut units) {
                    out.push_str(&format!("\\u{u:04x}"));
                }
            }
            c => out.push(c),
        }
    }
    out.push('"');
}

struct JsonParser<'s> {
    s: &'s [u8],
    i: usize,
}

impl JsonParser<'_> {
    fn ws(&mut self) {
        while matches!(self.s.get(self.i), Some(b' ' | b'\t' | b'\n' | b'\r')) {
            self.i += 1;
        }
    }

    fn eat(&mut self, lit: &[u8]) -> bool {
        if self.s[self.i..].starts_with(lit) {
            self.i += lit.len();
            true
        } else {
            false
        }
    }

    fn value(&mut self, depth: usize) -> Result<Json, usize> {
        if depth > MAX_DEPTH {
            return Err(self.i);
        }
        self.ws();
        match self.s.get(self.i) {
            Some(b'n') if self.eat(b"null") => Ok(Json::Null),
            Some(b't') if self.eat(b"true") => Ok(Json::Bool(true)),
            Some(b'f') if self.eat(b"false") => Ok(Json::Bool(false)),
            Some(b'"') => self.string().map(Json::Str),
            Some(b'[') => {
                self.i += 1;
                let mut items = Vec::new();
                self.ws();
                if self.eat(b"]") {
                    return Ok(Json::Arr(items));
                }
                loop {
                    items.push(self.value(depth + 1)?);
                    self.ws();
                    if self.eat(b"]") {
                        return Ok(Json::Arr(items));
                    }
                    if !self.eat(b",") {
                        return Err(self.i);
                    }
                }
            }
            Some(b'{') => {
                self.i += 1;
                let mut fields = Vec::new();
                self.ws();
                if self.eat(b"}") {
                    return Ok(Json::Obj(fields));
                }
                loop {
                    self.ws();
                    if self.s.get(self.i) != Some(&b'"') {
                        return Err(self.i);
                    }
                    let k = self.string()?;
                    self.ws();
                    if !self.eat(b":") {
                        return Err(self.i);
                    }
                    let v = self.value(depth + 1)?;
                    fields.push((k, v));
                    self.ws();
                    if self.eat(b"}") {
                        return Ok(Json::Obj(fields));
                    }
                    if !self.eat(b",") {
                        return Err(self.i);
                    }
                }
            }
            Some(b'-' | b'0'..=b'9') => self.number(),
            _ => Err(self.i),
        }
    }

    fn number(&mut self) -> Result<Json, usize> {
        let start = self.i;
        self.eat(b"-");
        let digits = |p: &mut Self| {
            let s = p.i;
            while p.s.get(p.i).is_some_and(u8::is_ascii_digit) {
                p.i += 1;
            }
            p.i - s
        };
        match self.s.get(self.i) {
            Some(b'0') => self.i += 1,
            Some(b'1'..=b'9') => {
                digits(self);
            }
            _ => return Err(self.i),
        }
        if self.eat(b".") && digits(self) == 0 {
            return Err(self.i);
        }
        if matches!(self.s.get(self.i), Some(b'e' | b'E')) {
            self.i += 1;
            if matches!(self.s.get(self.i), Some(b'+' | b'-')) {
                self.i += 1;
            }
            if digits(self) == 0 {
                return Err(self.i);
            }
        }
        Ok(Json::Num(String::from_utf8_lossy(&self.s[start..self.i]).into_owned()))
    }

    fn hex4(&mut self) -> Result<u32, usize> {
        let h = self.s.get(self.i..self.i + 4).ok_or(self.i)?;
        let mut v = 0;
        for &b in h {
            v = v * 16 + (b as char).to_digit(16).ok_or(self.i)?;
        }
        self.i += 4;
        Ok(v)
    }

    fn string(&mut self) -> Result<String, usize> {
        self.i += 1; // the opening quote
        let mut out = String::new();
        loop {
            let start = self.i;
            while self.s.get(self.i).is_some_and(|&b| b != b'"' && b != b'\\' && b >= 0x20) {
                self.i += 1;
            }
            // The input is a `&str`, and these bounds are at ASCII bytes: still UTF-8.
            out.push_str(std::str::from_utf8(&self.s[start..self.i]).map_err(|_| start)?);
            match self.s.get(self.i) {
                Some(b'"') => {
                    self.i += 1;
                    return Ok(out);
                }
                Some(b'\\') => {
                    self.i += 1;
                    let c = *self.s.get(self.i).ok_or(self.i)?;
                    self.i += 1;
                    match c {
                        b'"' => out.push('"'),
                        b'\\' => out.push('\\'),
                        b'/' => out.push('/'),
                        b'b' => out.push('\u{8}'),
                        b'f' => out.push('\u{c}'),
                        b'n' => out.push('\n'),
                        b'r' => out.push('\r'),
                        b't' => out.push('\t'),
                        b'u' => {
                            let u = self.hex4()?;
                            let c = if (0xD800..0xDC00).contains(&u) {
                                // A surrogate pair; a lone surrogate becomes U+FFFD.
                                if self.s[self.i..].starts_with(b"\\u") {
                                    let save = self.i;
                                    self.i += 2;
                                    let lo = self.hex4()?;
                                    if (0xDC00..0xE000).contains(&lo) {
                                        char::from_u32(0x10000 + ((u - 0xD800) << 10) + (lo - 0xDC00))
                                    } else {
                                        self.i = save;
                                        None
                                    }
                                } else {
                                    None
                                }
                            } else {
                                char::from_u32(u)
                            };
                            out.push(c.unwrap_or('\u{FFFD}'));
                        }
                        _ => return Err(self.i - 1),
                    }
                }
                _ => return Err(self.i),
            }
        }
    }
}

// ---- the report's facts, judged -----------------------------------------------------------------

/// The text the recognisers read for a checked report, one label (the report field) per line.
struct Synth {
    text: String,
    labels: Vec<String>,
}

impl Synth {
    fn line(&mut self, text: &str, label: impl Into<String>) {
        self.text.push_str(text);
        self.text.push('\n');
        self.labels.push(label.into());
    }

    fn blank(&mut self) {
        self.line("", "");
    }
}

/// Text safe to put on one synthetic line: no control characters, no block markers.
fn one_line(s: &str) -> String {
    s.chars().map(|c| if c.is_control() { ' ' } else { c }).collect::<String>().replace("-----", "- - -")
}

fn yes_no(b: bool) -> &'static str {
    if b {
        "True"
    } else {
        "False"
    }
}

fn synthesise(r: &Json) -> Synth {
    let mut s = Synth { text: String::new(), labels: Vec::new() };
    let staging = r.get("staging_mode").and_then(Json::as_bool).map(|b| (b, "staging_mode")).or_else(|| {
        r.get("scheduler")
            .and_then(|x| x.get("staging_mode_enabled"))
            .and_then(Json::as_bool)
            .map(|b| (b, "scheduler.staging_mode_enabled"))
    });
    if let Some((b, field)) = staging {
        s.line(&format!("StagingModeEnabled : {}", yes_no(b)), format!("report {field}: {b}"));
        s.blank();
    }
    if let Some(b) = r.get("tenant_phs_enabled").and_then(Json::as_bool) {
        s.line(
            &format!("Password sync feature enabled in your Azure AD directory:  {}", yes_no(b)),
            format!("report tenant_phs_enabled: {b}"),
        );
        s.blank();
    }
    let configs = r.get("phs_config").map(Json::items).unwrap_or_default();
    let heartbeats = r.get("heartbeats").map(Json::items).unwrap_or_default();
    let mut beat_used = vec![false; heartbeats.len()];
    let heartbeat_line = |s: &mut Synth, i: usize, h: &Json| match h.get("count_3h").and_then(Json::as_u64) {
        Some(0) => s.line("WARNING: No ping event found within last 3 hours.", format!("report heartbeats[{i}].count_3h: 0")),
        Some(n) => {
            let newest = h.get("newest_utc").and_then(Json::as_str).map(one_line).unwrap_or_default();
            s.line(
                &format!("Latest heart beat event (within last 3 hours). Time  {newest}"),
                format!("report heartbeats[{i}]: count_3h {n}, newest_utc {newest}"),
            );
        }
        None => {}
    };
    for (ci, c) in configs.iter().enumerate() {
        let ad = c.get("ad_connector").and_then(Json::as_str).map(one_line).unwrap_or_default();
        let aad = c.get("aad_connector").and_then(Json::as_str).map(one_line).unwrap_or_default();
        s.line("Password sync channel status BEGIN -------------------------------------------------------", "");
        s.blank();
        s.line(&format!("SourceConnector : {ad}"), format!("report phs_config[{ci}].ad_connector: {ad}"));
        s.line(&format!("TargetConnector : {aad}"), format!("report phs_config[{ci}].aad_connector: {aad}"));
        if let Some(b) = c.get("enabled").and_then(Json::as_bool) {
            s.line(&format!("Enabled         : {}", yes_no(b)), format!("report phs_config[{ci}].enabled: {b}"));
        }
        s.blank();
        for (hi, h) in heartbeats.iter().enumerate() {
            if !beat_used[hi] && h.get("connector").and_then(Json::as_str).map(one_line).as_deref() == Some(ad.as_str()) {
                beat_used[hi] = true;
                heartbeat_line(&mut s, hi, h);
            }
        }
        s.blank();
        s.line("Password sync channel status END -------------------------------------------------------", "");
        s.blank();
    }
    for (hi, h) in heartbeats.iter().enumerate().filter(|(i, _)| !beat_used[*i]) {
        let name = h.get("connector").and_then(Json::as_str).map(one_line).unwrap_or_default();
        s.line("Password sync channel status BEGIN -------------------------------------------------------", "");
        s.blank();
        s.line(&format!("SourceConnector : {name}"), format!("report heartbeats[{hi}].connector: {name}"));
        s.blank();
        heartbeat_line(&mut s, hi, h);
        s.blank();
        s.line("Password sync channel status END -------------------------------------------------------", "");
        s.blank();
    }
    for (ei, e) in r.get("events").map(Json::items).unwrap_or_default().iter().enumerate() {
        let Some(id) = e.get("id").and_then(Json::as_u64) else { continue };
        let time = e.get("time_utc").and_then(Json::as_str).map(one_line).unwrap_or_default();
        let provider = e.get("provider").and_then(Json::as_str).map(one_line).unwrap_or_default();
        s.blank();
        s.line(&format!("TimeCreated  : {time}"), format!("report events[{ei}].time_utc: {time}"));
        s.line(&format!("ProviderName : {provider}"), format!("report events[{ei}].provider: {provider}"));
        s.line(&format!("Id           : {id}"), format!("report events[{ei}].id: {id}"));
        let message = e.get("message").and_then(Json::as_str).unwrap_or_default().replace("\r\n", "\n");
        let mut lead = "Message      : ";
        let mut blank = false;
        for m in message.split(['\n', '\r']) {
            let m = one_line(m);
            if m.trim().is_empty() {
                // One blank line at most: two end an event in this format.
                if !blank && lead != "Message      : " {
                    s.blank();
                }
                blank = true;
                continue;
            }
            blank = false;
            s.line(&format!("{lead}{m}"), format!("report events[{ei}].message: {}", m.trim()));
            lead = "               ";
        }
        s.blank();
        s.blank();
    }
    for (i, e) in r.get("errors").map(Json::items).unwrap_or_default().iter().enumerate() {
        let message = e.get("message").and_then(Json::as_str).map(one_line).unwrap_or_default();
        if !message.trim().is_empty() {
            s.line(&message, format!("report errors[{i}].message: {}", message.trim()));
            s.blank();
            s.blank();
        }
    }
    s
}

/// Folds the blocks of a paste into its analysis: a checked block's findings, records and
/// timeline (evidence at the BEGIN line, naming the report field), or the one finding that
/// says why a block is not used.
/// `analyze` is the analysis of the block's facts as text (the parent's, passed in so that this
/// module does not import its parent).
pub(crate) fn merge<'a>(blocks: &[Block], physical: &[&str], a: &mut Analysis<'a>, analyze: fn(&str) -> Analysis<'static>) {
    // The reports analysed so far, by their JSON text: the same text is the same analysis, so a
    // block pasted again is not analysed again.
    let mut analysed: Vec<(&str, Synth, Analysis<'static>)> = Vec::new();
    for b in blocks {
        let begin_text = physical.get(b.first - 1).map(|l| l.trim().to_string()).unwrap_or_default();
        let end_text = physical.get(b.last - 1).map(|l| l.trim().to_string()).unwrap_or_default();
        let mut fields: Vec<(&'static str, Cow<'a, str>)> = Vec::new();
        if let Some(n) = b.length {
            fields.push(("length", n.to_string().into()));
        }
        if let Some(h) = &b.sha256 {
            fields.push(("sha256", h.clone().into()));
        }
        let problem = |id: FindingId, params: Vec<(Param, String)>| {
            let mut evidence = vec![Evidence { line: b.first, text: begin_text.clone() }];
            if b.last != b.first {
                evidence.push(Evidence { line: b.last, text: end_text.clone() });
            }
            finding(id, evidence, params)
        };
        match &b.outcome {
            Outcome::Truncated { got, expected } => {
                fields.push(("check", "truncated".into()));
                let mut params = vec![(P::ReceivedBytes, got.to_string())];
                match expected {
                    Some(e) => params.push((P::ExpectedBytes, e.to_string())),
                    None => params.push((P::Reason, "the END line is missing".into())),
                }
                push(a, problem(finding_for(Fk::ReportCut), params));
            }
            Outcome::Altered { reason } => {
                fields.push(("check", "altered".into()));
                push(a, problem(finding_for(Fk::ReportChecksumMismatch), vec![(P::Reason, reason.clone())]));
            }
            Outcome::Unsupported { reason } => {
                fields.push(("check", "unsupported".into()));
                push(a, problem(finding_for(Fk::ReportOtherSchema), vec![(P::Reason, reason.clone())]));
            }
            Outcome::Ok { json, report } => {
                fields.push(("check", "ok".into()));
                for key in ["computer", "collected_utc", "connect_version", "os", "culture", "tls12"] {
                    if let Some(v) = report.get(key).and_then(Json::text) {
                        fields.push((key, v.into()));
                    }
                }
                fields.push(("json", json.clone().into()));
                push_record(a, Record { kind: RecordKind::Report, start_line: b.first, end_line: b.last, fields });
                let k = match analysed.iter().position(|(j, _, _)| *j == json.as_str()) {
                    Some(k) => k,
                    None => {
                        let s = synthesise(report);
                        let sub = analyze(&s.text);
                        analysed.push((json, s, sub));
                        analysed.len() - 1
                    }
                };
                let (_, s, sub) = &analysed[k];
                judged(b, report, s, sub, a);
                continue;
            }
        }
        push_record(a, Record { kind: RecordKind::Report, start_line: b.first, end_line: b.last, fields });
    }
    if !blocks.is_empty() {
        // In line order with the paste's own records (a stable sort: a block's report record first).
        crate::order::sort_by_key(&mut a.records, |r| r.start_line);
    }
    crate::order::sort_by_key(&mut a.findings, |f| (f.severity, f.evidence.first().map_or(usize::MAX, |e| e.line)));
}

fn push_record<'a>(a: &mut Analysis<'a>, r: Record<'a>) {
    if a.records.len() < MAX_RECORDS {
        a.records.push(r);
    } else {
        a.records_omitted += 1;
    }
}

fn finding(id: FindingId, evidence: Vec<Evidence>, params: Vec<(Param, String)>) -> Option<Finding> {
    Some(Finding::new(id, evidence, params))
}

/// Adds `f` to the analysis, into the finding with the same id if there is one.
fn push(a: &mut Analysis<'_>, f: Option<Finding>) {
    let Some(f) = f else { return };
    let Some(into) = a.findings.iter_mut().find(|x| x.id == f.id) else {
        a.findings.push(f);
        return;
    };
    for e in f.evidence {
        if into.evidence.len() < MAX_EVIDENCE {
            if !into.evidence.contains(&e) {
                into.evidence.push(e);
            }
        } else {
            into.evidence_omitted += 1;
        }
    }
    crate::order::sort_by_key(&mut into.evidence, |e| e.line);
    into.evidence_omitted += f.evidence_omitted;
    for p in f.params {
        if into.params.contains(&p) {
            continue;
        }
        if into.params.len() < MAX_PARAMS {
            into.params.push(p);
        } else {
            into.params_omitted += 1;
        }
    }
    into.params_omitted += f.params_omitted;
    for e in f.errors {
        if !into.errors.iter().any(|x| std::ptr::eq(*x, e)) {
            into.errors.push(e);
        }
    }
    for e in f.events {
        if !into.events.contains(&e) {
            into.events.push(e);
        }
    }
    crate::order::sort(&mut into.events);
}

/// A checked report: its facts through the recognisers, then into the paste's analysis.
/// Adds to `a` what the report of `b` says: `sub`, the analysis of its facts written out (`s`).
fn judged(b: &Block, report: &Json, s: &Synth, sub: &Analysis<'static>, a: &mut Analysis<'_>) {
    let label = |line: usize| s.labels.get(line.wrapping_sub(1)).cloned().unwrap_or_default();
    for f in &sub.findings {
        if f.id == F::NothingRecognised {
            continue;
        }
        let mut evidence: Vec<Evidence> = Vec::new();
        for e in &f.evidence {
            let text = label(e.line);
            if !text.is_empty() && !evidence.iter().any(|x| x.text == text) {
                evidence.push(Evidence { line: b.first, text });
            }
        }
        push(a, Some(Finding { evidence, ..f.clone() }));
    }
    let steps: Vec<(Param, String)> = report
        .get("errors")
        .map(Json::items)
        .unwrap_or_default()
        .iter()
        .flat_map(|e| {
            let step = e.get("step").and_then(Json::as_str).map(one_line).unwrap_or_default();
            let message = e.get("message").and_then(Json::as_str).map(one_line).unwrap_or_default();
            [(P::Step, step), (P::Message, message)]
        })
        .collect();
    if !steps.is_empty() {
        let n = steps.len() / 2;
        let evidence = vec![Evidence { line: b.first, text: format!("report errors: {n} failed step{}", if n == 1 { "" } else { "s" }) }];
        push(a, finding(finding_for(Fk::ReportStepFailed), evidence, steps));
    }
    for r in &sub.records {
        let from = label(r.start_line);
        if from.is_empty() {
            // A line of the text's own frame (the status script's BEGIN and END lines).
            continue;
        }
        let mut fields = r.fields.clone();
        fields.push(("report", from.into()));
        push_record(a, Record { kind: r.kind, start_line: b.first, end_line: b.last, fields });
    }
    let t = &sub.timeline;
    let at = |_: usize| b.first;
    if let Some((time, _)) = t.newest {
        if a.timeline.newest.is_none_or(|(n, _)| time > n) {
            a.timeline.newest = Some((time, b.first));
        }
    }
    a.timeline.heartbeats.extend(t.heartbeats.iter().map(|h| Heartbeat { line: at(h.line), ..h.clone() }));
    a.timeline.gaps.extend(t.gaps.iter().map(|g| Gap { line: at(g.line), ..g.clone() }));
    a.timeline.full_sync.extend(t.full_sync.iter().map(|f| FullSyncStep { line: at(f.line), ..f.clone() }));
    if a.timeline.full_sync_state.is_none() {
        a.timeline.full_sync_state = t.full_sync_state;
    }
    if a.connect_version.is_none() {
        a.connect_version =
            report.get("connect_version").and_then(Json::as_str).and_then(|v| crate::version::ConnectVersion::parse(v).ok());
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sha256_known_vectors() {
        // FIPS 180-4 examples and the padding edges (55, 56, 64 bytes).
        assert_eq!(hex(&sha256(b"")), "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855");
        assert_eq!(hex(&sha256(b"abc")), "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
        assert_eq!(
            hex(&sha256(b"abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq")),
            "248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1"
        );
        assert_eq!(hex(&sha256(&[b'a'; 55])), "9f4390f8d30c2dd92ec9f095b65e2b9ae9b0a925a5258e241c9f1e910f734318");
        assert_eq!(hex(&sha256(&[b'a'; 56])), "b35439a4ac6f0948b6d6f9e3c6af0f5f590ce20f1bde7090ef7970686ec6738a");
        assert_eq!(hex(&sha256(&[b'a'; 64])), "ffe054fe7ae0cb6dc65c3af9b61d5209f439851db43d0ba5997337df154668eb");
        assert_eq!(hex(&sha256(&vec![b'a'; 1_000_000])), "cdc76e5c9914fb9281a1c7e284d73e67f1809a48a497200e046d39ccc7112cd0");
    }

    #[test]
    fn base64_round_trips_and_is_strict() {
        for (plain, coded) in
            [("", ""), ("f", "Zg=="), ("fo", "Zm8="), ("foo", "Zm9v"), ("foob", "Zm9vYg=="), ("fooba", "Zm9vYmE="), ("foobar", "Zm9vYmFy")]
        {
            assert_eq!(base64_encode(plain.as_bytes()), coded);
            assert_eq!(base64_decode(coded).unwrap(), plain.as_bytes());
        }
        assert!(base64_decode("Zm9").is_err());
        assert!(base64_decode("Zg==Zm9v").is_err());
        assert!(base64_decode("Zm9v!A==").is_err());
        assert!(base64_decode("Z===").is_err());
        let bytes: Vec<u8> = (0..=255).collect();
        assert_eq!(base64_decode(&base64_encode(&bytes)).unwrap(), bytes);
    }

    /// The decoder written group by group (what it was before its fast path for a group of four
    /// digits): the same bytes, or the same error after the same number of bytes.
    fn plain_base64_decode(text: &str) -> Result<Vec<u8>, (usize, &'static str)> {
        let s = text.as_bytes();
        let mut out = Vec::new();
        let val = |b: u8| B64.iter().position(|&c| c == b).map(|v| v as u32);
        let n = s.chunks(4).len();
        for (qi, q) in s.chunks(4).enumerate() {
            let err = |reason| (out.len(), reason);
            if q.len() < 4 {
                return Err(err("the base64 text ends in the middle of a group of four characters"));
            }
            let pad = q.iter().rev().take_while(|&&b| b == b'=').count();
            if pad > 2 || (pad > 0 && qi + 1 != n) {
                return Err(err("a base64 padding character (=) stands in the middle of the text"));
            }
            let mut v = 0u32;
            for &b in &q[..4 - pad] {
                let Some(d) = val(b) else { return Err(err("a character is not base64")) };
                v = (v << 6) | d;
            }
            v <<= 6 * pad as u32;
            out.extend_from_slice(&[(v >> 16) as u8, (v >> 8) as u8, v as u8][..3 - pad]);
        }
        Ok(out)
    }

    proptest::proptest! {
        #[test]
        fn base64_decode_as_plain(text in "[A-Za-z0-9+/=!é ]{0,40}", bytes in proptest::collection::vec(proptest::prelude::any::<u8>(), 0..40)) {
            for t in [text, base64_encode(&bytes)] {
                let got = base64_decode(&t).map_err(|e| (e.decoded, e.reason));
                proptest::prop_assert_eq!(got, plain_base64_decode(&t));
            }
        }
    }

    #[test]
    fn json_reader_is_strict() {
        let v = Json::parse(r#" {"a": [1, -2.5e3, true, false, null], "b": "x\"\\\/\n\u00e9\ud83d\udd11", "c": {}} "#).unwrap();
        assert_eq!(v.get("b").and_then(Json::as_str), Some("x\"\\/\né🔑"));
        assert_eq!(v.get("a").map(|a| a.items().len()), Some(5));
        for bad in ["", "{", "[1,]", "{\"a\":1,}", "01", "1.", "\"\u{1}\"", "{'a':1}", "[1] x", "\"\\x\"", "tru", "-", "{\"a\" 1}"] {
            assert!(Json::parse(bad).is_err(), "{bad:?}");
        }
        // Deep nesting is refused, not a stack overflow.
        assert!(Json::parse(&"[".repeat(100_000)).is_err());
        assert_eq!(Json::parse("\"\\ud800x\"").unwrap(), Json::Str("\u{FFFD}x".into()));
    }

    #[test]
    fn pretty_json_shows_everything_and_reads_back() {
        let text = r#"{"a":[1,{"b":null}],"c":"x\u202ey\u0007\n\u00e9","d":{},"e":[]}"#;
        let p = pretty(text).unwrap();
        assert_eq!(p, "{\n  \"a\": [\n    1,\n    {\n      \"b\": null\n    }\n  ],\n  \"c\": \"x\\u202ey\\u0007\\n\u{e9}\",\n  \"d\": {},\n  \"e\": []\n}");
        assert_eq!(Json::parse(&p), Json::parse(text));
        assert_eq!(pretty("{"), None);
    }

    fn report(extra: &str) -> String {
        format!(r#"{{"schema":"phs-doctor-report/1","computer":"SYNC01"{extra}}}"#)
    }

    fn lines(s: &str) -> Vec<&str> {
        s.lines().collect()
    }

    #[test]
    fn a_block_reads_back_whatever_the_paste_did_to_it() {
        let json = report(r#","events":[{"id":611,"message":"x"}]"#);
        let block = encode(&json);
        let ok = |text: &str| {
            let found = find(&lines(text));
            assert_eq!(found.len(), 1, "{text}");
            match &found[0].outcome {
                Outcome::Ok { json: j, .. } => assert_eq!(j, &json),
                other => panic!("{other:?} for\n{text}"),
            }
        };
        ok(&block);
        ok(&format!("PS C:\\> .\\collector.ps1\n{block}PS C:\\> "));
        ok(&block.replace('\n', "\r\n"));
        ok(&block.lines().map(|l| format!("    {l}   ")).collect::<Vec<_>>().join("\n"));
        // Re-wrapped at 40 characters.
        let body: String = block.lines().filter(|l| !l.starts_with("-----")).collect();
        let wrapped: Vec<String> = body.as_bytes().chunks(40).map(|c| String::from_utf8_lossy(c).into_owned()).collect();
        let head = block.lines().next().unwrap();
        let tail = block.lines().last().unwrap();
        ok(&format!("{head}\n{}\n{tail}\n", wrapped.join("\n")));
        // A blank line between body lines (a paste path that doubled line breaks).
        ok(&block.replace('\n', "\n\n"));
    }

    #[test]
    fn no_single_change_or_cut_passes_the_check() {
        let json = report(r#","staging_mode":true,"n":12345"#);
        let block = encode(&json);
        let lines: Vec<&str> = block.lines().collect();
        for li in 1..lines.len() - 1 {
            for ci in 0..lines[li].len() {
                for with in ['A', 'z', '+', '='] {
                    let mut l = lines[li].to_string();
                    if l.as_bytes()[ci] == with as u8 {
                        continue;
                    }
                    l.replace_range(ci..=ci, &with.to_string());
                    let mut changed = lines.clone();
                    changed[li] = &l;
                    let found = find(&changed);
                    assert!(!matches!(found[0].outcome, Outcome::Ok { .. }), "line {li} char {ci} -> {with} passed");
                }
            }
        }
        for keep in 1..lines.len() - 1 {
            assert!(matches!(find(&lines[..keep])[0].outcome, Outcome::Truncated { .. }), "cut after {keep} lines");
        }
    }

    /// Random edits of a block (characters, markers, line breaks) never panic, and a block that
    /// passes its check is the report as written, never a changed one.
    #[test]
    fn edited_blocks_never_pass_changed() {
        let json = report(r#","staging_mode":false,"events":[{"id":611,"message":"RPC Error 8453"}]"#);
        let block = encode(&json);
        let pieces = ["A", "=", "-", "-----", " ", "\n", "\r\n", "\u{e9}", BEGIN, END_PREFIX, " length=1 sha256=", "PS C:\\> "];
        let mut seed = 0x9E37_79B9_7F4A_7C15u64;
        let mut next = |n: usize| {
            seed ^= seed << 13;
            seed ^= seed >> 7;
            seed ^= seed << 17;
            (seed % n as u64) as usize
        };
        let (mut passed, mut refused) = (0, 0);
        for _ in 0..3000 {
            let mut text = block.clone();
            for _ in 0..1 + next(3) {
                let mut at = next(text.len() + 1);
                while !text.is_char_boundary(at) {
                    at -= 1;
                }
                match next(3) {
                    0 => text.insert_str(at, pieces[next(pieces.len())]),
                    1 => {
                        let mut end = (at + 1 + next(8)).min(text.len());
                        while !text.is_char_boundary(end) {
                            end += 1;
                        }
                        text.replace_range(at..end, "");
                    }
                    _ => text.truncate(at),
                }
            }
            let a = crate::analysis::analyze(&text);
            for r in a.records.iter().filter(|r| r.kind == RecordKind::Report) {
                if r.field("check") == Some("ok") {
                    assert_eq!(r.field("json"), Some(json.as_str()), "{text}");
                    passed += 1;
                } else {
                    refused += 1;
                }
            }
        }
        // Both kinds occurred (the edits include harmless ones: spaces, line breaks).
        assert!(passed > 50 && refused > 1000, "{passed} passed, {refused} refused");
    }

    #[test]
    fn a_damaged_block_says_how() {
        let json = report(&format!(r#","pad":"{}""#, "y".repeat(400)));
        let block = encode(&json);
        let outcome = |text: &str| find(&lines(text)).remove(0).outcome;
        // One base64 character flipped.
        let flipped = {
            let mut l: Vec<String> = block.lines().map(String::from).collect();
            let c = l[2].remove(10);
            l[2].insert(10, if c == 'A' { 'B' } else { 'A' });
            l.join("\n")
        };
        assert!(matches!(outcome(&flipped), Outcome::Altered { ref reason } if reason.contains("SHA-256")), "{:?}", outcome(&flipped));
        // A line lost in the middle.
        let mut l: Vec<&str> = block.lines().collect();
        l.remove(3);
        assert!(
            matches!(outcome(&l.join("\n")), Outcome::Truncated { expected: Some(n), got } if n == json.len() && got == json.len() - 57)
        );
        // Cut off before the END line, with the next prompt after it.
        let cut: Vec<&str> = block.lines().take(4).collect();
        assert_eq!(outcome(&format!("{}\nPS C:\\>", cut.join("\n"))), Outcome::Truncated { got: 3 * 57, expected: None });
        // Another version, another schema.
        assert!(matches!(outcome(&block.replace("REPORT v1", "REPORT v2")), Outcome::Unsupported { .. }));
        let other = encode(&json.replace("phs-doctor-report/1", "phs-doctor-report/2"));
        assert!(matches!(outcome(&other), Outcome::Unsupported { ref reason } if reason.contains("phs-doctor-report/2")));
        // A length that differs.
        let longer = block.replace(&format!("length={}", json.len()), &format!("length={}", json.len() - 1));
        assert!(matches!(outcome(&longer), Outcome::Altered { .. }));
        // Not base64.
        let bad = block.replacen(&block.lines().nth(1).unwrap()[..4], "@@@@", 1);
        assert!(matches!(outcome(&bad), Outcome::Truncated { .. } | Outcome::Altered { .. }), "{:?}", outcome(&bad));
    }
}
