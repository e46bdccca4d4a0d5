//! An independent model of how PowerShell tokenizes a script, for the parts that decide where
//! a value's literal ends: the five single-quote spellings (PowerShell's `IsSingleQuote`), the
//! four double-quote spellings, comments, backtick escapes and line breaks. It knows nothing of
//! the generator: it is the oracle the script tests and the `script` fuzz target check against.
//!
//! `check` compares a script made from hostile values with the same script made from benign
//! ones: both must lex to the same shape once each value expression — a single-quoted literal,
//! or a parenthesised `+` chain of such literals and `[char]0xNNNN` casts that starts with a
//! literal — is folded into one token, and each hostile value expression must evaluate to its
//! input exactly. Any character that escapes a literal changes the shape.

#![allow(dead_code)]

/// What PowerShell accepts as a single quote.
pub const SINGLE_QUOTES: [char; 5] = ['\'', '\u{2018}', '\u{2019}', '\u{201A}', '\u{201B}'];
/// What PowerShell accepts as a double quote.
pub const DOUBLE_QUOTES: [char; 4] = ['"', '\u{201C}', '\u{201D}', '\u{201E}'];

#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Tok {
    /// A single-quoted literal: the string it stands for.
    Verbatim(String),
    /// A double-quoted string, as written (opaque here).
    Expandable(String),
    Word(String),
    Punct(char),
    NewLine,
}

fn is_punct(c: char) -> bool {
    "(){}[];,|&+=".contains(c)
}

/// Tokens of `text`; `Err` for an unterminated string or comment.
pub fn lex(text: &str) -> Result<Vec<Tok>, String> {
    let chars: Vec<char> = text.chars().collect();
    let mut out = Vec::new();
    let mut i = 0;
    while i < chars.len() {
        let c = chars[i];
        if c == '\r' || c == '\n' {
            if out.last() != Some(&Tok::NewLine) {
                out.push(Tok::NewLine);
            }
            i += 1;
        } else if c.is_whitespace() || c == '\u{FEFF}' && i == 0 {
            i += 1;
        } else if c == '<' && chars.get(i + 1) == Some(&'#') {
            let mut j = i + 2;
            loop {
                if j + 1 >= chars.len() {
                    return Err("unterminated block comment".into());
                }
                if chars[j] == '#' && chars[j + 1] == '>' {
                    break;
                }
                j += 1;
            }
            i = j + 2;
        } else if c == '#' {
            while i < chars.len() && chars[i] != '\r' && chars[i] != '\n' {
                i += 1;
            }
        } else if SINGLE_QUOTES.contains(&c) {
            let mut value = String::new();
            let mut j = i + 1;
            loop {
                let Some(&d) = chars.get(j) else { return Err(format!("unterminated literal at character {i}")) };
                if SINGLE_QUOTES.contains(&d) {
                    if chars.get(j + 1).is_some_and(|e| SINGLE_QUOTES.contains(e)) {
                        value.push(d);
                        j += 2;
                        continue;
                    }
                    break;
                }
                value.push(d);
                j += 1;
            }
            out.push(Tok::Verbatim(value));
            i = j + 1;
        } else if DOUBLE_QUOTES.contains(&c) {
            let mut raw = String::new();
            let mut j = i + 1;
            loop {
                let Some(&d) = chars.get(j) else { return Err(format!("unterminated string at character {i}")) };
                if d == '`' {
                    raw.push(d);
                    if let Some(&e) = chars.get(j + 1) {
                        raw.push(e);
                    }
                    j += 2;
                    continue;
                }
                if DOUBLE_QUOTES.contains(&d) {
                    if chars.get(j + 1).is_some_and(|e| DOUBLE_QUOTES.contains(e)) {
                        raw.push(d);
                        j += 2;
                        continue;
                    }
                    break;
                }
                raw.push(d);
                j += 1;
            }
            out.push(Tok::Expandable(raw));
            i = j + 1;
        } else if is_punct(c) {
            out.push(Tok::Punct(c));
            i += 1;
        } else {
            let mut word = String::new();
            while i < chars.len() {
                let d = chars[i];
                if d == '`' {
                    word.push(d);
                    if let Some(&e) = chars.get(i + 1) {
                        word.push(e);
                    }
                    i += 2;
                    continue;
                }
                if d.is_whitespace() || d == '\r' || d == '\n' || is_punct(d) || SINGLE_QUOTES.contains(&d) || DOUBLE_QUOTES.contains(&d) {
                    break;
                }
                word.push(d);
                i += 1;
            }
            out.push(Tok::Word(word));
        }
    }
    Ok(out)
}

/// A token of a script's shape: a value expression folded into `Value`.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Shape {
    Value(String),
    Tok(Tok),
}

/// `[char]0xNNNN` at `toks[i..]`: the code unit.
fn char_cast(toks: &[Tok], i: usize) -> Option<u16> {
    match toks.get(i..i + 4)? {
        [Tok::Punct('['), Tok::Word(w), Tok::Punct(']'), Tok::Word(n)] if w.eq_ignore_ascii_case("char") => {
            u16::from_str_radix(n.strip_prefix("0x")?, 16).ok()
        }
        _ => None,
    }
}

/// A `( 'lit' (+ 'lit' | + [char]0xNNNN)* )` chain at `toks[i..]`: its value and its length.
fn chain(toks: &[Tok], i: usize) -> Option<(String, usize)> {
    if toks.get(i) != Some(&Tok::Punct('(')) {
        return None;
    }
    let Some(Tok::Verbatim(first)) = toks.get(i + 1) else { return None };
    let mut units: Vec<u16> = first.encode_utf16().collect();
    let mut j = i + 2;
    loop {
        match toks.get(j)? {
            Tok::Punct(')') => break,
            Tok::Punct('+') => {
                if let Some(Tok::Verbatim(s)) = toks.get(j + 1) {
                    units.extend(s.encode_utf16());
                    j += 2;
                } else {
                    units.push(char_cast(toks, j + 1)?);
                    j += 5;
                }
            }
            _ => return None,
        }
    }
    Some((String::from_utf16(&units).ok()?, j + 1 - i))
}

/// The shape of `text`.
pub fn shape(text: &str) -> Result<Vec<Shape>, String> {
    let toks = lex(text)?;
    let mut out = Vec::new();
    let mut i = 0;
    while i < toks.len() {
        if let Some((value, len)) = chain(&toks, i) {
            out.push(Shape::Value(value));
            i += len;
        } else if let Tok::Verbatim(v) = &toks[i] {
            out.push(Shape::Value(v.clone()));
            i += 1;
        } else {
            out.push(Shape::Tok(toks[i].clone()));
            i += 1;
        }
    }
    Ok(out)
}

/// Checks that `hostile` (a script made with the values `hostile_values`) has the shape of
/// `benign` (the same script made with `benign_values`, distinct values that occur nowhere in
/// the template), that every value expression of `benign` holding `benign_values[k]` holds
/// exactly `hostile_values[k]` in `hostile`, and that the others (the template's own
/// literals) are unchanged. Returns how many value expressions held a user value.
pub fn check(hostile: &str, hostile_values: &[&str], benign: &str, benign_values: &[&str]) -> Result<usize, String> {
    let h = shape(hostile)?;
    let b = shape(benign)?;
    if h.len() != b.len() {
        return Err(format!("the script has {} tokens, {} expected: a value escaped its literal", h.len(), b.len()));
    }
    let mut user = 0;
    for (n, (hs, bs)) in h.iter().zip(&b).enumerate() {
        match (hs, bs) {
            (Shape::Value(hv), Shape::Value(bv)) => match benign_values.iter().position(|v| v == bv) {
                Some(k) => {
                    if hv != hostile_values[k] {
                        return Err(format!("value {k} reads back as {hv:?}, not {:?}", hostile_values[k]));
                    }
                    user += 1;
                }
                None if hv != bv => return Err(format!("the template's literal {bv:?} became {hv:?}")),
                None => {}
            },
            (a, b) if a == b => {}
            (a, b) => return Err(format!("token {n} is {a:?}, {b:?} expected: a value escaped its literal")),
        }
    }
    Ok(user)
}

/// Windows-1252 as Windows decodes it (`MultiByteToWideChar`, code page 1252): the five bytes
/// the code page leaves undefined (81 8D 8F 90 9D) map to the same-numbered C1 controls.
pub fn decode_1252(bytes: &[u8]) -> String {
    const HIGH: [u16; 32] = [
        0x20AC, 0x0081, 0x201A, 0x0192, 0x201E, 0x2026, 0x2020, 0x2021, 0x02C6, 0x2030, 0x0160, 0x2039, 0x0152, 0x008D, 0x017D, 0x008F,
        0x0090, 0x2018, 0x2019, 0x201C, 0x201D, 0x2022, 0x2013, 0x2014, 0x02DC, 0x2122, 0x0161, 0x203A, 0x0153, 0x009D, 0x017E, 0x0178,
    ];
    bytes
        .iter()
        .map(|&b| match b {
            0x80..=0x9F => char::from_u32(u32::from(HIGH[usize::from(b - 0x80)])).unwrap(),
            _ => char::from(b),
        })
        .collect()
}

/// How Windows PowerShell 5.1 reads a script file: a UTF-8 or UTF-16 byte order mark selects
/// that encoding; without one, the ANSI code page (Windows-1252 on Western systems).
pub fn read_as_windows_powershell(bytes: &[u8]) -> String {
    if let Some(rest) = bytes.strip_prefix(&[0xEF, 0xBB, 0xBF]) {
        String::from_utf8_lossy(rest).into_owned()
    } else if let Some(rest) = bytes.strip_prefix(&[0xFF, 0xFE]) {
        utf16(rest, u16::from_le_bytes)
    } else if let Some(rest) = bytes.strip_prefix(&[0xFE, 0xFF]) {
        utf16(rest, u16::from_be_bytes)
    } else {
        decode_1252(bytes)
    }
}

pub fn utf16(bytes: &[u8], unit: fn([u8; 2]) -> u16) -> String {
    let units: Vec<u16> = bytes.chunks(2).map(|c| unit([c[0], *c.get(1).unwrap_or(&0)])).collect();
    String::from_utf16_lossy(&units)
}

/// The ways a script's text reaches Windows PowerShell as bytes, each decoded every way it may
/// be read: (how, text read back).
/// A leading byte order mark in `script` is taken as part of the file's encoding.
pub fn every_reading(script: &str) -> Vec<(String, String)> {
    let script = script.strip_prefix('\u{FEFF}').unwrap_or(script);
    let utf8 = script.as_bytes().to_vec();
    let mut bom = vec![0xEF, 0xBB, 0xBF];
    bom.extend_from_slice(script.as_bytes());
    let mut le = vec![0xFF, 0xFE];
    let mut be = vec![0xFE, 0xFF];
    for u in script.encode_utf16() {
        le.extend_from_slice(&u.to_le_bytes());
        be.extend_from_slice(&u.to_be_bytes());
    }
    let mut out = Vec::new();
    for (name, bytes) in [("UTF-8", &utf8), ("UTF-8 with BOM", &bom), ("UTF-16LE with BOM", &le), ("UTF-16BE with BOM", &be)] {
        out.push((format!("{name}, read by Windows PowerShell 5.1"), read_as_windows_powershell(bytes)));
    }
    out.push(("UTF-8, read as UTF-8".into(), String::from_utf8_lossy(&utf8).into_owned()));
    out.push(("UTF-8, read as Windows-1252".into(), decode_1252(&utf8)));
    out.push(("UTF-16LE without BOM, read as UTF-16LE".into(), utf16(&le[2..], u16::from_le_bytes)));
    out
}
