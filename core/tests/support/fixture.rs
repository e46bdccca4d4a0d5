//! The one loader of `tests/fixtures/pastes/` (used by the core's tests, its benchmark and the
//! CLI's tests). A fixture is `<name>.txt`: `# ` header lines, then the paste exactly as written
//! (line endings kept); its whole expected analysis is `<name>.expect` beside it.
#![allow(dead_code)]

use std::path::{Path, PathBuf};

pub struct Fixture {
    pub name: String,
    /// `# expect:`: the finding ids the paste must give (the author's intent; the whole output
    /// is in the `.expect` file).
    pub expect: Vec<String>,
    /// `# note:` lines.
    pub notes: Vec<String>,
    /// The paste: everything after the header.
    pub body: String,
    /// `<name>.expect`.
    pub expected_path: PathBuf,
}

pub fn dir() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../tests/fixtures/pastes")
}

/// Every fixture, in name order.
pub fn all() -> Vec<Fixture> {
    let mut paths: Vec<PathBuf> = std::fs::read_dir(dir()).expect("tests/fixtures/pastes").map(|e| e.unwrap().path()).collect();
    paths.sort();
    paths
        .into_iter()
        .filter(|p| p.extension().is_some_and(|e| e == "txt") && p.file_name() != Some("README.md".as_ref()))
        .map(|p| read(&p))
        .collect()
}

/// One fixture by file name (`diag-staging.txt`).
pub fn named(file: &str) -> Fixture {
    read(&dir().join(file))
}

fn read(path: &Path) -> Fixture {
    let bytes = std::fs::read(path).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
    // (Decoded as the CLI and the page decode a file: UTF-8, UTF-16, or Windows-1252.)
    let text = phs_doctor_core::input::decode(&bytes);
    let name = path.file_stem().unwrap().to_string_lossy().into_owned();
    let (mut expect, mut notes) = (None, Vec::new());
    let mut body_at = 0;
    for line in text.split_inclusive('\n') {
        if !line.starts_with("# ") {
            break;
        }
        body_at += line.len();
        let line = line.trim_end_matches(['\r', '\n']);
        if let Some(v) = line.strip_prefix("# expect:") {
            expect = Some(v.split(',').map(|s| s.trim().to_string()).filter(|s| !s.is_empty()).collect());
        } else if let Some(v) = line.strip_prefix("# note:") {
            notes.push(v.trim().to_string());
        } else {
            panic!("{name}: unknown header line {line:?} (`# expect:` or `# note:`)");
        }
    }
    let mut expect: Vec<String> = expect.unwrap_or_else(|| panic!("{name}: no `# expect:` line"));
    expect.sort();
    let expected_path = path.with_extension("expect");
    Fixture { name, expect, notes, body: text[body_at..].to_string(), expected_path }
}
