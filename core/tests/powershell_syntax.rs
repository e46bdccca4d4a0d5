//! Every generated script, over a corpus of hostile values, parses as PowerShell with no error
//! node (tree-sitter-powershell), is pure ASCII, and has the shape of the same script made from
//! benign values under every encoding Windows PowerShell may read it with: each user value is
//! exactly one value expression that evaluates to the value (`support/ps_model.rs`, the
//! project's own model of PowerShell's quoting rules, independent of the generator).

#[path = "support/ps_model.rs"]
mod ps_model;

#[path = "support/benign.rs"]
mod benign;
use benign::benign;

use phs_doctor_core::script::{generate, ps1_file, ScriptInput, ScriptKind};
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
    // Every placeholder of every template, braces and partial markers (template injection).
    for marker in ["{{AD_CONNECTOR}}", "{{AAD_CONNECTOR}}", "{{DN}}", "{{", "}}", "{{AD_", "DN}}", "{{{{DN}}}}", "{{ DN }}", "{{dn}}"] {
        v.push(marker.to_string());
        v.push(format!("x{marker}"));
        v.push(format!("{marker}';Start-Process calc;#"));
    }
    // Letters whose UTF-8 bytes hold a Windows-1252 quote (C4 82 is "Ă"; 82 is "‚").
    v.extend(["Ă;Start-Process calc;#", "ĂĂ", "Ђ", "Россия", "Ă'", "'Ă", "‘Ă’", "😀'", "e\u{301}"].map(String::from));
    v.push("x".repeat(1000));
    v.push("'".repeat(500));
    v.push("\u{2019}$(a)".repeat(150));
    v.push("Ă".repeat(1000));
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

fn values(kind: ScriptKind, input: &ScriptInput) -> Vec<String> {
    kind.fields().iter().map(|&f| input.get(f).to_string()).collect()
}

/// The script for `input`, checked with tree-sitter and with the model under every reading.
fn check(kind: ScriptKind, input: &ScriptInput) {
    let out = generate(kind, input);
    let Some(text) = out.text else {
        panic!("{kind:?} refused {input:?}: {:?}", out.errors);
    };
    assert!(text.is_ascii(), "{kind:?}: the script is not pure ASCII");
    let tree = parser().parse(&text, None).expect("parse");
    let root = tree.root_node();
    assert!(!root.has_error(), "{kind:?} with {input:?} has a syntax error:\n{}", root.to_sexp());
    let b_input = benign(kind);
    let b_text = generate(kind, &b_input).text.unwrap();
    let (h_vals, b_vals) = (values(kind, input), values(kind, &b_input));
    let h: Vec<&str> = h_vals.iter().map(String::as_str).collect();
    let b: Vec<&str> = b_vals.iter().map(String::as_str).collect();
    // The text as the CLI prints it, as the app downloads it, and as PowerShell's `>` saves it.
    for script in [text.clone(), ps1_file(&text)] {
        for (how, read) in ps_model::every_reading(&script) {
            let n = ps_model::check(&read, &h, &b_text, &b).unwrap_or_else(|e| panic!("{kind:?}, {how}, {input:?}: {e}"));
            assert!(n >= kind.fields().len(), "{kind:?}: only {n} value expressions");
        }
    }
    // The grammar agrees: as many single-quoted literals as the model counts.
    let mut literals = Vec::new();
    collect(root, "verbatim_string_characters", &mut literals);
    let model = ps_model::lex(&text).unwrap().iter().filter(|t| matches!(t, ps_model::Tok::Verbatim(_))).count();
    assert_eq!(literals.len(), model, "{kind:?}: tree-sitter and the model disagree on the literals of\n{text}");
}

#[test]
fn the_model_catches_a_value_that_escapes() {
    // Guards the oracle: the old generator's output, read as Windows-1252, must fail.
    let old = "$adConnector = 'Ă;Start-Process calc;#'\n$aadConnector = 'b'\n";
    let read = ps_model::decode_1252(old.as_bytes());
    let benign = "$adConnector = 'benignad'\n$aadConnector = 'benignaad'\n";
    assert!(ps_model::check(&read, &["Ă;Start-Process calc;#", "b"], benign, &["benignad", "benignaad"]).is_err());
    assert!(ps_model::check(old, &["Ă;Start-Process calc;#", "b"], benign, &["benignad", "benignaad"]).is_ok());
    // Template injection as the old chained replace produced it.
    let injected = "$adConnector = 'x';Start-Process calc;#''\n$aadConnector = ';Start-Process calc;#'\n";
    assert!(ps_model::check(injected, &["x{{AAD_CONNECTOR}}", ";Start-Process calc;#"], benign, &["benignad", "benignaad"]).is_err());
    // A concatenation reads back as its value.
    let concat = "$adConnector = ('' + [char]0x0102 + ';Start-Process calc;#')\n$aadConnector = 'b'\n";
    assert_eq!(ps_model::check(concat, &["Ă;Start-Process calc;#", "b"], benign, &["benignad", "benignaad"]), Ok(2));
}

#[test]
fn the_grammar_sees_literals_as_literals() {
    // Guards the test itself: a broken quoting must be caught.
    let tree = parser().parse("$a = 'O'Brien'", None).unwrap();
    let mut lits = Vec::new();
    collect(tree.root_node(), "verbatim_string_characters", &mut lits);
    assert!(tree.root_node().has_error() || lits.len() != 1 || lits[0].utf8_text(b"$a = 'O'Brien'").unwrap() != "'O''Brien'");
}

/// A DN made from `v`: escaped as RFC 4514 wants, so that the DN check lets it through.
fn dn_of(v: &str) -> String {
    format!(
        "CN={},OU=Sales,DC=contoso,DC=com",
        v.replace('\\', "\\\\").replace(',', "\\,").replace('+', "\\+").replace(['"', ';', '<', '>'], "_")
    )
}

#[test]
fn generated_scripts_parse_and_keep_values_literal() {
    let mut checked = 0;
    for v in hostile_values() {
        let aad = format!("{v} - AAD");
        check(ScriptKind::Status, &ScriptInput { aad_connector: aad.clone(), ..Default::default() });
        check(ScriptKind::FullSync, &ScriptInput { ad_connector: v.clone(), aad_connector: aad.clone(), ..Default::default() });
        // Every field gets the hostile value, the others a plain one.
        check(ScriptKind::FullSync, &ScriptInput { ad_connector: "contoso.com".into(), aad_connector: v.clone(), ..Default::default() });
        check(ScriptKind::FullSync, &ScriptInput { ad_connector: v.clone(), aad_connector: v.clone(), ..Default::default() });
        let input = ScriptInput { ad_connector: v.clone(), dn: dn_of(&v), ..Default::default() };
        if generate(ScriptKind::SingleObject, &input).errors.is_empty() {
            check(ScriptKind::SingleObject, &input);
            checked += 1;
        }
    }
    // The DN check must not have turned most of the corpus away.
    assert!(checked * 10 >= hostile_values().len() * 9, "only {checked} single-object scripts checked");
}

#[test]
fn the_docs_status_script_parses() {
    let out = generate(ScriptKind::Status, &ScriptInput::default());
    let tree = parser().parse(out.text.as_deref().unwrap(), None).unwrap();
    assert!(!tree.root_node().has_error(), "{}", tree.root_node().to_sexp());
}
