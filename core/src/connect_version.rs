//! A Microsoft Entra Connect build number (`2.4.129.0`), parsed tolerantly. A leaf: the
//! knowledge (gates) and the version rules (`version`) both use it.

use std::fmt;

/// A four-part build number such as `1.1.614.0`. Missing trailing parts are zero.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct ConnectVersion(pub [u32; 4]);

/// Why a version string was refused.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum VersionError {
    Empty,
    TooFewParts,
    TooManyParts(usize),
    EmptyPart(usize),
    NotANumber { part: usize, text: String },
    TooLarge { part: usize },
}

impl fmt::Display for VersionError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            VersionError::Empty => write!(f, "enter a version such as 2.4.129.0"),
            VersionError::TooFewParts => {
                write!(f, "a version has 2 to 4 numbers separated by dots, such as 1.1.614.0")
            }
            VersionError::TooManyParts(n) => {
                write!(f, "a version has at most 4 numbers separated by dots; this one has {n}")
            }
            VersionError::EmptyPart(p) => write!(f, "number {p} of the version is missing (two dots in a row?)"),
            VersionError::NotANumber { part, text } => {
                write!(f, "number {part} of the version, \"{text}\", is not a whole number")
            }
            VersionError::TooLarge { part } => write!(f, "number {part} of the version is too large"),
        }
    }
}

impl std::error::Error for VersionError {}

impl ConnectVersion {
    /// Parses `1.1.614.0`, `v2.4.129.0`, ` 2.4 `, `1.1.614` (2 to 4 parts, spaces and a
    /// leading `v` tolerated). Never panics.
    pub fn parse(input: &str) -> Result<ConnectVersion, VersionError> {
        let mut s = input.trim();
        if let Some(rest) = s.strip_prefix(['v', 'V']) {
            s = rest.trim_start();
        }
        if s.is_empty() {
            return Err(VersionError::Empty);
        }
        let parts: Vec<&str> = s.split('.').map(str::trim).collect();
        if parts.len() < 2 {
            // A lone number is more likely a typo than a version: show the expected form.
            return match parts[0].parse::<u64>() {
                Ok(_) => Err(VersionError::TooFewParts),
                Err(_) => Err(VersionError::NotANumber { part: 1, text: clip(parts[0]) }),
            };
        }
        if parts.len() > 4 {
            return Err(VersionError::TooManyParts(parts.len()));
        }
        let mut out = [0u32; 4];
        for (i, p) in parts.iter().enumerate() {
            if p.is_empty() {
                return Err(VersionError::EmptyPart(i + 1));
            }
            if !p.bytes().all(|b| b.is_ascii_digit()) {
                return Err(VersionError::NotANumber { part: i + 1, text: clip(p) });
            }
            out[i] = p.parse().map_err(|_| VersionError::TooLarge { part: i + 1 })?;
        }
        Ok(ConnectVersion(out))
    }

    pub fn at_least(self, other: ConnectVersion) -> bool {
        self >= other
    }
}

fn clip(s: &str) -> String {
    let mut out: String = s.chars().take(24).collect();
    if s.chars().count() > 24 {
        out.push('…');
    }
    out
}

impl fmt::Display for ConnectVersion {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let [a, b, c, d] = self.0;
        write!(f, "{a}.{b}.{c}.{d}")
    }
}
