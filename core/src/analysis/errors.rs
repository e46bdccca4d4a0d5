//! The error decoder: RPC/DRS error numbers (`RPC Error 8453 : `, `8453:`, `0x2105`), the
//! Microsoft Entra service's `Error Code: 90` / `81`, and known messages and exceptions, each
//! with its cause and fix. The table is `content/errors.json`, compiled by `core/build.rs`.

#[cfg(test)]
use crate::knowledge::FindingId as F;
use crate::knowledge::{FindingId, Text};
use crate::version::ConnectVersion;

#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum ErrorKind {
    /// A Win32/RPC/DRS error number, as in `RPC Error 8453 :`.
    Rpc,
    /// The Microsoft Entra admin web service's `Error Code: N`.
    Service,
    /// A known message or exception text.
    Message,
}

impl ErrorKind {
    pub fn as_str(self) -> &'static str {
        match self {
            ErrorKind::Rpc => "rpc",
            ErrorKind::Service => "service",
            ErrorKind::Message => "message",
        }
    }
}

/// One decoded error: what it means and what to do.
#[derive(Debug, PartialEq, Eq)]
pub struct ErrorInfo {
    pub kind: ErrorKind,
    /// The number (0 for messages).
    pub code: u32,
    /// The symbolic name (`ERROR_DS_DRA_ACCESS_DENIED`) or exception type.
    pub name: &'static str,
    /// The message text Windows or the service prints (for messages: the text matched).
    pub message: &'static str,
    /// The finding this error leads to.
    pub finding: FindingId,
    pub cause: Text,
    pub fix: Text,
    /// For a generic message that a known issue printed: the build that fixed that issue. On
    /// this build or later the message is not that known issue (see `Analysis::for_version`).
    pub fixed_in: Option<ConnectVersion>,
    /// The `reason` parameter it gives its finding (`content/errors.json`), for steps that
    /// depend on it (`mfa`: multifactor authentication on the Sync_ account).
    pub reason: Option<&'static str>,
}

impl ErrorInfo {
    /// Both errors lead to the same finding in `content/errors.json` (a message that only
    /// repeats what a decoded number says).
    pub(crate) fn same_cause(&self, other: &ErrorInfo) -> bool {
        self.finding == other.finding
    }

    /// The error says which account's credentials were rejected (its finding in
    /// `content/errors.json` is a credentials one), so a bare "user name or password is
    /// incorrect" beside it adds nothing.
    pub(crate) fn name_says_credentials(&self) -> bool {
        matches!(self.finding, FindingId::AdCredentials | FindingId::CloudCredentials)
    }

    /// `RPC 8453 (0x2105)`, `Error Code 90`, or the exception name.
    pub fn label(&self) -> String {
        match self.kind {
            ErrorKind::Rpc => format!("RPC error {} (0x{:x})", self.code, self.code),
            ErrorKind::Service => format!("Error Code {}", self.code),
            ErrorKind::Message => self.name.to_string(),
        }
    }
}

include!(concat!(env!("OUT_DIR"), "/errors.rs"));

/// Looks up an RPC/DRS error number.
pub fn rpc(code: u32) -> Option<&'static ErrorInfo> {
    ERRORS.iter().find(|e| e.kind == ErrorKind::Rpc && e.code == code)
}

/// Looks up a service `Error Code`.
pub fn service(code: u32) -> Option<&'static ErrorInfo> {
    ERRORS.iter().find(|e| e.kind == ErrorKind::Service && e.code == code)
}

/// Decodes a number as typed by a user: `8453`, `0x2105`, `0x80072105` (an HRESULT wrapping a
/// Win32 error), `RPC Error 8453`, `Error Code: 90`.
pub fn decode(query: &str) -> Option<&'static ErrorInfo> {
    let q = query.trim();
    let lower = q.to_ascii_lowercase();
    if let Some(rest) = lower.strip_prefix("error code") {
        let n: u32 = rest.trim_start_matches([':', ' ']).trim().trim_end_matches('.').parse().ok()?;
        return service(n);
    }
    let rest = lower.strip_prefix("rpc error").unwrap_or(&lower).trim().trim_end_matches([':', ' ', '.']);
    let n = parse_number(rest)?;
    rpc(n)
}

/// Decimal or `0x` hex; an HRESULT `0x8007xxxx` gives its Win32 code.
pub(crate) fn parse_number(s: &str) -> Option<u32> {
    let s = s.trim();
    let n = match s.strip_prefix("0x").or_else(|| s.strip_prefix("0X")) {
        Some(h) if !h.is_empty() && h.len() <= 8 => u32::from_str_radix(h, 16).ok()?,
        Some(_) => return None,
        None if !s.is_empty() && s.len() <= 10 && s.bytes().all(|b| b.is_ascii_digit()) => s.parse().ok()?,
        None => return None,
    };
    Some(if n & 0xFFFF_0000 == 0x8007_0000 { n & 0xFFFF } else { n })
}

/// Reads the number right after a phrase such as `RPC Error` or `Error Code:` in `s`
/// (spaces, `:`, `#`, `=` skipped). Returns the number and the end offset.
pub(crate) fn number_after(s: &str, from: usize) -> Option<(u32, usize)> {
    let b = s.as_bytes();
    let mut i = from;
    while i < b.len() && matches!(b[i], b' ' | b'\t' | b':' | b'#' | b'=') {
        i += 1;
    }
    let start = i;
    if b.get(i) == Some(&b'0') && matches!(b.get(i + 1), Some(b'x' | b'X')) {
        i += 2;
        while i < b.len() && b[i].is_ascii_hexdigit() {
            i += 1;
        }
    } else {
        while i < b.len() && b[i].is_ascii_digit() {
            i += 1;
        }
    }
    if i == start || b.get(i).is_some_and(|c| c.is_ascii_alphabetic()) {
        return None;
    }
    parse_number(&s[start..i]).map(|n| (n, i))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_required_codes_are_decoded() {
        for code in [1722, 5, 8333, 8439, 8453, 8456, 8593] {
            let e = rpc(code).unwrap_or_else(|| panic!("{code}"));
            assert!(!e.cause.plain().is_empty() && !e.fix.plain().is_empty(), "{code}");
        }
        for code in [81, 90] {
            let e = service(code).unwrap();
            assert!(!e.cause.plain().is_empty() && !e.fix.plain().is_empty(), "{code}");
        }
        assert_eq!(rpc(8453).unwrap().finding, F::AdPermissions);
        assert_eq!(rpc(1722).unwrap().finding, F::DomainUnreachable);
        assert_eq!(rpc(8456).unwrap().finding, F::DcRejectingReplication);
        assert_eq!(service(90).unwrap().finding, F::PhsDisabledTenant);
        assert_eq!(service(81).unwrap().finding, F::TransientRetry);
    }

    #[test]
    fn every_code_is_defined_once() {
        // (That every entry leads to an existing finding is checked by the build: `finding`
        // is a `FindingId`.)
        let mut seen = std::collections::HashSet::new();
        for e in ERRORS.iter().filter(|e| e.kind != ErrorKind::Message) {
            assert!(seen.insert((e.kind, e.code)), "duplicate {}", e.code);
        }
    }

    #[test]
    fn spellings() {
        for q in ["8453", "0x2105", "0x80072105", "RPC Error 8453", "rpc error 8453 :", "0X2105"] {
            assert_eq!(decode(q).map(|e| e.code), Some(8453), "{q}");
        }
        assert_eq!(decode("0x6ba").map(|e| e.code), Some(1722));
        assert_eq!(decode("Error Code: 90").map(|e| e.code), Some(90));
        assert_eq!(decode("Error Code: 81.").map(|e| e.code), Some(81));
        assert!(decode("12345").is_none());
        assert!(decode("0x").is_none());
        assert!(decode("zzz").is_none());
        assert_eq!(number_after("RPC Error 8439 : x", 9), Some((8439, 14)));
        assert_eq!(number_after("RPC Error 8439: x", 9), Some((8439, 14)));
        assert_eq!(number_after("Error Code: 90.", 10), Some((90, 14)));
        assert_eq!(number_after("RPC Error 0x6ba", 9), Some((1722, 15)));
        assert_eq!(number_after("RPC Error abc", 9), None);
        assert_eq!(number_after("RPC Error 12ab", 9), None);
        assert_eq!(rpc(1722).unwrap().label(), "RPC error 1722 (0x6ba)");
    }
}
