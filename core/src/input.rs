//! Turning bytes a user hands over (a file, stdin, a drop) into text for the analysis.
//!
//! Windows PowerShell 5.1 writes `>` and `Out-File` output as UTF-16LE with a byte-order mark,
//! Event Viewer's exports are often UTF-16 too, and copies can carry any bytes: this never
//! fails, replacing what it cannot decode with U+FFFD.

/// Decodes UTF-8 (with or without BOM) and UTF-16 LE/BE (with a BOM, or detected from the
/// zero bytes of mostly-ASCII text); anything else is read as UTF-8 with replacement.
pub fn decode(bytes: &[u8]) -> String {
    if let Some(rest) = bytes.strip_prefix(&[0xEF, 0xBB, 0xBF]) {
        return String::from_utf8_lossy(rest).into_owned();
    }
    if let Some(rest) = bytes.strip_prefix(&[0xFF, 0xFE]) {
        return utf16(rest, u16::from_le_bytes);
    }
    if let Some(rest) = bytes.strip_prefix(&[0xFE, 0xFF]) {
        return utf16(rest, u16::from_be_bytes);
    }
    match looks_like_utf16(bytes) {
        Some(Endian::Little) => utf16(bytes, u16::from_le_bytes),
        Some(Endian::Big) => utf16(bytes, u16::from_be_bytes),
        None => String::from_utf8_lossy(bytes).into_owned(),
    }
}

enum Endian {
    Little,
    Big,
}

/// UTF-16 without a BOM: in text that is mostly ASCII, every other byte is zero.
fn looks_like_utf16(bytes: &[u8]) -> Option<Endian> {
    let sample = &bytes[..bytes.len().min(4096) & !1];
    if sample.len() < 8 {
        return None;
    }
    let pairs = sample.len() / 2;
    let zero_odd = sample.chunks_exact(2).filter(|p| p[1] == 0 && p[0] != 0).count();
    let zero_even = sample.chunks_exact(2).filter(|p| p[0] == 0 && p[1] != 0).count();
    if zero_odd * 10 >= pairs * 7 {
        Some(Endian::Little)
    } else if zero_even * 10 >= pairs * 7 {
        Some(Endian::Big)
    } else {
        None
    }
}

fn utf16(bytes: &[u8], unit: fn([u8; 2]) -> u16) -> String {
    let units = bytes.chunks_exact(2).map(|p| unit([p[0], p[1]]));
    let mut out: String = char::decode_utf16(units).map(|r| r.unwrap_or(char::REPLACEMENT_CHARACTER)).collect();
    if bytes.len() % 2 == 1 {
        out.push(char::REPLACEMENT_CHARACTER);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn utf16le(s: &str, bom: bool) -> Vec<u8> {
        let mut v = if bom { vec![0xFF, 0xFE] } else { vec![] };
        v.extend(s.encode_utf16().flat_map(u16::to_le_bytes));
        v
    }

    #[test]
    fn decodes_what_windows_writes() {
        let text = "Log Name:      Application\r\nEvent ID:      611\r\nÜmlaut";
        assert_eq!(decode(text.as_bytes()), text);
        assert_eq!(decode(&[&[0xEF, 0xBB, 0xBF][..], text.as_bytes()].concat()), text);
        assert_eq!(decode(&utf16le(text, true)), text);
        assert_eq!(decode(&utf16le(text, false)), text);
        let be: Vec<u8> = [0xFE, 0xFF].into_iter().chain(text.encode_utf16().flat_map(u16::to_be_bytes)).collect();
        assert_eq!(decode(&be), text);
    }

    #[test]
    fn never_fails_on_junk() {
        assert_eq!(decode(&[0xFF, 0xFE, 0x00]), "\u{FFFD}");
        assert_eq!(decode(&[0xC3]), "\u{FFFD}");
        assert_eq!(decode(&[]), "");
        let junk: Vec<u8> = (0..=255u8).cycle().take(10_000).collect();
        let _ = decode(&junk);
        // Lone surrogates in UTF-16 become replacement characters.
        assert_eq!(decode(&[0xFF, 0xFE, 0x00, 0xD8, 0x41, 0x00]), "\u{FFFD}A");
    }
}
