//! Every generated script, over a corpus of hostile values, parses as PowerShell with no error
//! node, and each user value is exactly one single-quoted string literal whose content is the
//! value (after PowerShell's quote-doubling is undone).

use phs_doctor_core::script::{generate, ScriptInput, ScriptKind};

/// What PowerShell's tokenizer accepts as a single quote (its `IsSingleQuote`): written out
/// here, not taken from the crate, so that the test is an independent oracle. The grammar used
/// below only knows the ASCII quote, so the typographic ones are checked by `unquote`.
const SINGLE_QUOTES: [char; 5] = ['\'', '\u{2018}', '\u{2019}', '\u{201A}', '\u{201B}'];
use tree_sitter::{Node, Parser};

fn hostile_values() -> Vec<String> {
    let mut v: Vec<String> = [
        "contoso.com",
        "contoso.onmicrosoft.com - AAD",
        "O'Brien",
        "'",
        "''",
        "'; Remove-Item -Recurse C:\\ ; '",
        "\u{2018}x\u{2019}",
        "\u{201A}\u{201B}",
        "a\u{2019}; Stop-Computer; \u{2018}",
        "\u{201C}double\u{201D} \u{201E}low\u{201D}",
        "\"$(Stop-Computer)\"",
        "$(Stop-Computer)",
        "${env:PATH}",
        "$env:USERNAME",
        "`n`r`0 backtick`",
        "`'",
        "a;b|c&d",
        "@(1,2) @{a=1} [int]5",
        "# not a comment",
        "<# not a block comment #>",
        "-Enable $true",
        "x' + (Get-Date) + 'y",
        "\\\\server\\share",
        "CN=TestUserCN=Users,DC=contoso,DC=com",
        "CN=Smith\\, John,OU=Sales,DC=contoso,DC=com",
        "日本語の名前",
        "emoji 🔑 name",
        " leading and trailing ",
        "<script>alert(1)</script>",
        "javascript:alert(1)",
    ]
    .iter()
    .map(|s| s.to_string())
    .collect();
    v.push("x".repeat(10 * 1024));
    v.push("'".repeat(5000));
    v.push("\u{2019}$(a)".repeat(2000));
    v
}

fn parser() -> Parser {
    let mut p = Parser::new();
    p.set_language(&tree_sitter_powershell::LANGUAGE.into()).expect("PowerShell grammar");
    p
}

fn collect<'t>(node: Node<'t>, kind: &str, out: &mut Vec<Node<'t>>) {
    if node.kind() == kind {
        out.push(node);
    }
    let mut cursor = node.walk();
    for child in node.children(&mut cursor) {
        collect(child, kind, out);
    }
}

/// The value a PowerShell verbatim string literal stands for.
fn unquote(literal: &str) -> String {
    let inner: Vec<char> = literal.chars().collect();
    assert!(inner.len() >= 2 && SINGLE_QUOTES.contains(&inner[0]) && SINGLE_QUOTES.contains(&inner[inner.len() - 1]), "{literal}");
    let inner = &inner[1..inner.len() - 1];
    let mut out = String::new();
    let mut i = 0;
    while i < inner.len() {
        out.push(inner[i]);
        if SINGLE_QUOTES.contains(&inner[i]) {
            assert!(i + 1 < inner.len() && SINGLE_QUOTES.contains(&inner[i + 1]), "undoubled quote in {literal}");
            i += 1;
        }
        i += 1;
    }
    out
}

fn check(kind: ScriptKind, input: &ScriptInput, values: &[&str]) {
    let out = generate(kind, input);
    let Some(text) = out.text else {
        panic!("{kind:?} refused {input:?}: {:?}", out.errors);
    };
    let tree = parser().parse(&text, None).expect("parse");
    let root = tree.root_node();
    assert!(!root.has_error(), "{kind:?} with {values:?} has a syntax error:\n{}", root.to_sexp());
    let mut literals = Vec::new();
    collect(root, "verbatim_string_characters", &mut literals);
    let texts: Vec<String> = literals.iter().map(|n| n.utf8_text(text.as_bytes()).unwrap().to_string()).collect();
    for v in values {
        let hits = texts.iter().filter(|t| unquote(t) == *v).count();
        assert_eq!(hits, 1, "{kind:?}: value {v:?} is not exactly one literal; literals: {texts:?}");
    }
}

#[test]
fn the_grammar_sees_literals_as_literals() {
    // Guards the test itself: a broken quoting must be caught.
    let tree = parser().parse("$a = 'O'Brien'", None).unwrap();
    let mut lits = Vec::new();
    collect(tree.root_node(), "verbatim_string_characters", &mut lits);
    assert!(tree.root_node().has_error() || lits.len() != 1 || lits[0].utf8_text(b"$a = 'O'Brien'").unwrap() != "'O''Brien'");
}

#[test]
fn generated_scripts_parse_and_keep_values_literal() {
    for v in hostile_values() {
        let ad = v.clone();
        let aad = format!("{v} - AAD");
        check(ScriptKind::Status, &ScriptInput { aad_connector: aad.clone(), ..Default::default() }, &[&aad]);
        check(ScriptKind::FullSync, &ScriptInput { ad_connector: ad.clone(), aad_connector: aad.clone(), ..Default::default() }, &[&ad, &aad]);
        let dn = format!("CN={},OU=Sales,DC=contoso,DC=com", v.replace('\\', "\\\\").replace(',', "\\,").replace('+', "\\+").replace(['"', ';', '<', '>'], "_"));
        let input = ScriptInput { ad_connector: ad.clone(), dn: dn.clone(), ..Default::default() };
        let out = generate(ScriptKind::SingleObject, &input);
        if out.errors.is_empty() {
            check(ScriptKind::SingleObject, &input, &[&ad, &dn]);
        }
    }
}

#[test]
fn the_docs_status_script_parses() {
    let out = generate(ScriptKind::Status, &ScriptInput::default());
    let tree = parser().parse(out.text.as_deref().unwrap(), None).unwrap();
    assert!(!tree.root_node().has_error(), "{}", tree.root_node().to_sexp());
}
