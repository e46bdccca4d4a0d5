//! The core's module graph has no cycles: every `crate::…` and `super::…` path outside tests
//! and comments is an edge from the module that writes it to the deepest module it names, and
//! no chain of edges leads back to where it started (a module that names its own ancestor
//! counts: the ancestor declares it, so that is a cycle too).

use std::collections::{BTreeMap, BTreeSet};
use std::path::{Path, PathBuf};

/// `core/src/analysis/collect.rs` → `analysis::collect`; `lib.rs` → `crate`.
fn module_of(src: &Path, file: &Path) -> String {
    let rel = file.strip_prefix(src).unwrap().with_extension("");
    let parts: Vec<String> = rel.iter().map(|p| p.to_string_lossy().into_owned()).collect();
    let parts: Vec<&str> = parts.iter().map(String::as_str).filter(|p| *p != "mod").collect();
    match parts.as_slice() {
        ["lib"] => "crate".to_string(),
        p => p.join("::"),
    }
}

fn rust_files(dir: &Path, out: &mut Vec<PathBuf>) {
    for e in std::fs::read_dir(dir).unwrap() {
        let p = e.unwrap().path();
        if p.is_dir() {
            rust_files(&p, out);
        } else if p.extension().is_some_and(|x| x == "rs") {
            out.push(p);
        }
    }
}

/// The code of a file without its comments and without its `#[cfg(test)]` module (the tests
/// may use anything).
fn code(text: &str) -> String {
    let text = match text.find("#[cfg(test)]\nmod tests") {
        Some(i) => &text[..i],
        None => text,
    };
    text.lines().map(|l| if l.trim_start().starts_with("//") { "" } else { l }).collect::<Vec<_>>().join("\n")
}

/// Every module path a file's code names, as written (`crate::analysis::errors::X`, `super::lines`).
fn paths(code: &str) -> Vec<Vec<String>> {
    let mut out = Vec::new();
    let b = code.as_bytes();
    for start in ["crate::", "super::"] {
        let mut from = 0;
        while let Some(i) = code[from..].find(start).map(|i| i + from) {
            from = i + start.len();
            if i > 0 && (b[i - 1].is_ascii_alphanumeric() || b[i - 1] == b'_') {
                continue;
            }
            let rest = &code[i..];
            let end = rest.find(|c: char| !(c.is_ascii_alphanumeric() || c == '_' || c == ':')).unwrap_or(rest.len());
            let segs: Vec<String> = rest[..end].split("::").filter(|s| !s.is_empty()).map(str::to_string).collect();
            // `use super::{a, b}` and `use crate::x::{a, b}`: each name in the braces.
            if rest[end..].starts_with('{') {
                let close = rest[end..].find('}').map_or(rest.len(), |c| c + end);
                for name in rest[end + 1..close].split(',') {
                    let name = name.split_whitespace().next().unwrap_or("").trim_end_matches("::");
                    // (After a trailing comma, as rustfmt leaves a list of several lines.)
                    if name.is_empty() {
                        continue;
                    }
                    let mut p = segs.clone();
                    p.extend(name.split("::").filter(|s| !s.is_empty() && *s != "self").map(str::to_string));
                    out.push(p);
                }
            } else {
                out.push(segs);
            }
        }
    }
    out
}

type Graph = BTreeMap<String, BTreeSet<String>>;

fn cycles(edges: &Graph) -> Vec<String> {
    // A module naming its ancestor closes a cycle with the ancestor's `mod` declaration.
    let mut cycles: Vec<String> = Vec::new();
    for (from, tos) in edges {
        for to in tos {
            if from.starts_with(&format!("{to}::")) {
                cycles.push(format!("{from} -> {to} (its parent module)"));
            }
        }
    }
    // Any other cycle: a path from a module back to itself.
    for start in edges.keys() {
        let mut stack = vec![(start.clone(), vec![start.clone()])];
        let mut seen = BTreeSet::new();
        while let Some((at, path)) = stack.pop() {
            for next in edges.get(&at).into_iter().flatten() {
                if next == start {
                    let mut c = path.clone();
                    c.push(next.clone());
                    cycles.push(c.join(" -> "));
                } else if seen.insert(next.clone()) {
                    let mut p = path.clone();
                    p.push(next.clone());
                    stack.push((next.clone(), p));
                }
            }
        }
    }
    cycles
}

#[test]
fn the_core_has_no_import_cycles() {
    let src = Path::new(env!("CARGO_MANIFEST_DIR")).join("src");
    let mut files = Vec::new();
    rust_files(&src, &mut files);
    let modules: BTreeSet<String> = files.iter().map(|f| module_of(&src, f)).collect();
    let mut edges: Graph = BTreeMap::new();
    for f in &files {
        let me = module_of(&src, f);
        let text = std::fs::read_to_string(f).unwrap();
        for p in paths(&code(&text)) {
            // Resolve to an absolute module path, then keep its deepest module.
            let mut abs: Vec<String> = if p[0] == "crate" {
                p[1..].to_vec()
            } else {
                let mut base: Vec<String> = if me == "crate" { vec![] } else { me.split("::").map(str::to_string).collect() };
                let mut rest = &p[..];
                // A file `x.rs` or `x/mod.rs` is module `x`: `super` is its parent.
                while rest.first().is_some_and(|s| s == "super") {
                    base.pop();
                    rest = &rest[1..];
                }
                base.extend(rest.iter().cloned());
                base
            };
            while !abs.is_empty() && !modules.contains(&abs.join("::")) {
                abs.pop();
            }
            let target = if abs.is_empty() { "crate".to_string() } else { abs.join("::") };
            if target != me && target != "crate" {
                edges.entry(me.clone()).or_default().insert(target);
            }
        }
    }
    let cycles = cycles(&edges);
    assert!(edges.len() > 10, "the graph looks empty: {edges:?}");
    assert!(cycles.is_empty(), "import cycles in core/src:\n{}\n\nedges: {edges:#?}", cycles.join("\n"));
}

/// The reader and the detector see what closes a cycle (so that the test can fail).
#[test]
fn a_cycle_is_seen() {
    let ps = paths("use super::{lines, signal::Signal};\nfn f() { crate::analysis::errors::rpc(1); }");
    assert_eq!(ps, vec![vec!["crate", "analysis", "errors", "rpc"], vec!["super", "lines"], vec!["super", "signal", "Signal"]]);
    let graph = |pairs: &[(&str, &str)]| -> Graph {
        let mut g = Graph::new();
        for (a, b) in pairs {
            g.entry(a.to_string()).or_default().insert(b.to_string());
        }
        g
    };
    assert!(cycles(&graph(&[("a", "b"), ("b", "c")])).is_empty());
    assert_eq!(cycles(&graph(&[("a", "b"), ("b", "c"), ("c", "a")])).len(), 3);
    assert_eq!(cycles(&graph(&[("analysis::recognise", "analysis")])), ["analysis::recognise -> analysis (its parent module)"]);
}

/// The parsers state facts (`analysis/fact.rs`); only the judge (`judge.rs`, `conflict.rs`,
/// `collect.rs`) and the tables in `content/` name findings. Every file of `analysis/parse/` is
/// a parser, and so are these.
const PARSERS: &[&str] = &["recognise.rs", "timeline.rs", "labels.rs", "anchors.rs", "phrases.rs", "scan.rs", "lines.rs", "time.rs"];

/// Where a file's code names a finding: the id type or a variant of it.
fn names_a_finding(code: &str) -> Vec<String> {
    let mut out = Vec::new();
    for (n, line) in code.lines().enumerate() {
        let named = ["FindingId", "F::", "Signal"]
            .iter()
            .any(|t| line.match_indices(t).any(|(i, _)| i == 0 || !line.as_bytes()[i - 1].is_ascii_alphanumeric()));
        if named {
            out.push(format!("{}: {}", n + 1, line.trim()));
        }
    }
    out
}

#[test]
fn no_parser_names_a_finding() {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("src/analysis");
    let mut files: Vec<PathBuf> = PARSERS.iter().map(|n| dir.join(n)).collect();
    let before = files.len();
    rust_files(&dir.join("parse"), &mut files);
    assert!(files.len() > before + 10, "the parsers of analysis/parse/ are found");
    let mut bad = Vec::new();
    for path in &files {
        let name = path.strip_prefix(&dir).unwrap().display().to_string();
        let text = std::fs::read_to_string(path).unwrap_or_else(|e| panic!("{name}: {e}"));
        for hit in names_a_finding(&code(&text)) {
            bad.push(format!("{name}:{hit}"));
        }
    }
    assert!(bad.is_empty(), "a parser names a finding (state a fact of content/facts.json instead):\n{}", bad.join("\n"));
    // The check itself sees one.
    assert_eq!(names_a_finding("let s = Signal::new(F::NoHeartbeat, 1, 1);").len(), 1);
    assert!(names_a_finding("let s = Fact::new(Fk::HeartbeatGap, 1, 1); // UF::x").is_empty());
}
