//! The collector script (`content/scripts/collector.ps1`) changes nothing: every command it calls
//! and every .NET method it invokes is on a closed list of reading ones (the allow-list),
//! and no command is invoked by a computed name. Every generated script keeps to Windows
//! PowerShell 5.1's syntax (no `??`, `?.`, ternary, `&&`/`||`, `-AsHashtable`; `ConvertTo-Json`
//! always with `-Depth`).

use phs_doctor_core::analysis::block;
use phs_doctor_core::script::{generate, ScriptInput, ScriptKind};
use tree_sitter::{Node, Parser};

#[path = "support/benign.rs"]
mod benign;

/// Command verbs that only read (`Get-`, `Select-`, …) and the few named commands the issue allows:
/// output, the ADSync module, `Test-Path`, `New-Object` (for the types below), and the clipboard.
const READING_PREFIXES: &[&str] = &["Get-", "Select-", "Where-", "Sort-", "Measure-", "ConvertTo-"];
const ALLOWED_COMMANDS: &[&str] =
    &["Out-String", "Write-Output", "Write-Host", "Import-Module", "Test-Path", "New-Object", "Set-Clipboard"];
/// The only types `New-Object` may make.
const ALLOWED_TYPES: &[&str] = &["System.Collections.ArrayList", "System.Text.StringBuilder"];
/// The only modules `Import-Module` may load.
const ALLOWED_MODULES: &[&str] = &["ADSync"];
/// The .NET methods the script may call: string, date and list helpers, encoding and hashing, and
/// `WriteAllText` (the block saved next to the script).
const ALLOWED_METHODS: &[&str] = &[
    "Add",
    "AddHours",
    "Append",
    "ComputeHash",
    "Contains",
    "Create",
    "GetBytes",
    "Min",
    "Replace",
    "Substring",
    "ToBase64String",
    "ToCharArray",
    "ToLocalTime",
    "ToString",
    "ToUniversalTime",
    "ToUpperInvariant",
    "Trim",
    "WriteAllText",
];

fn parser() -> Parser {
    let mut p = Parser::new();
    p.set_language(&tree_sitter_powershell::LANGUAGE.into()).expect("PowerShell grammar");
    p
}

fn walk<'t>(node: Node<'t>, f: &mut impl FnMut(Node<'t>)) {
    f(node);
    let mut cursor = node.walk();
    for child in node.children(&mut cursor) {
        walk(child, f);
    }
}

fn text<'s>(n: Node<'_>, src: &'s str) -> &'s str {
    n.utf8_text(src.as_bytes()).unwrap_or("")
}

/// Every command and method call of `src` that is not on the allow-lists, described.
fn offending(src: &str) -> Vec<String> {
    let tree = parser().parse(src, None).expect("parse");
    let root = tree.root_node();
    let mut bad = Vec::new();
    walk(root, &mut |n| {
        if n.is_error() || n.is_missing() {
            let at = n.start_position();
            bad.push(format!("syntax error at line {}: {:?}", at.row + 1, src.lines().nth(at.row).unwrap_or("")));
        }
    });
    let mut functions = Vec::new();
    walk(root, &mut |n| {
        if n.kind() == "function_name" {
            functions.push(text(n, src).to_string());
        }
    });
    walk(root, &mut |n| match n.kind() {
        "command" => {
            let mut cursor = n.walk();
            let children: Vec<Node> = n.children(&mut cursor).collect();
            if children.iter().any(|c| c.kind() == "command_invokation_operator") {
                bad.push(format!("a command invoked with & or .: {}", text(n, src)));
                return;
            }
            let Some(name) = n.child_by_field_name("command_name") else {
                bad.push(format!("a command without a name: {}", text(n, src)));
                return;
            };
            let name = text(name, src);
            let allowed = READING_PREFIXES.iter().any(|p| name.len() > p.len() && name[..p.len()].eq_ignore_ascii_case(p))
                || ALLOWED_COMMANDS.iter().any(|c| c.eq_ignore_ascii_case(name))
                || functions.iter().any(|f| f.eq_ignore_ascii_case(name));
            if !allowed {
                bad.push(format!("command {name}"));
            }
            let args: Vec<&str> =
                n.child_by_field_name("command_elements").map(|e| text(e, src).split_whitespace().collect()).unwrap_or_default();
            if name.eq_ignore_ascii_case("New-Object") && !args.first().is_some_and(|t| ALLOWED_TYPES.contains(t)) {
                bad.push(format!("New-Object {args:?}"));
            }
            if name.eq_ignore_ascii_case("Import-Module") && !args.first().is_some_and(|m| ALLOWED_MODULES.contains(m)) {
                bad.push(format!("Import-Module {args:?}"));
            }
        }
        "invokation_expression" => {
            let mut cursor = n.walk();
            let method = n.children(&mut cursor).filter(|c| c.kind() == "member_name").last();
            match method.map(|m| text(m, src)) {
                Some(m) if ALLOWED_METHODS.contains(&m) => {}
                other => bad.push(format!("method {other:?} in {}", text(n, src))),
            }
        }
        _ => {}
    });
    bad
}

/// Constructs newer than Windows PowerShell 5.1 (or that behave differently there), outside
/// strings and comments.
fn not_51(src: &str) -> Vec<String> {
    let tree = parser().parse(src, None).expect("parse");
    // The code with every string literal and comment blanked out.
    let mut code = src.as_bytes().to_vec();
    walk(tree.root_node(), &mut |n| {
        if matches!(n.kind(), "string_literal" | "comment") {
            for b in &mut code[n.start_byte()..n.end_byte()] {
                if *b != b'\n' {
                    *b = b' ';
                }
            }
        }
    });
    let code = String::from_utf8(code).unwrap();
    let mut bad = Vec::new();
    for (i, line) in code.lines().enumerate() {
        // `?` is only PowerShell 7's `??`, `?.`, `?[` or ternary (the `?` alias is not used either).
        for token in ["?", "&&", "||"] {
            if line.contains(token) {
                bad.push(format!("line {}: {token}: {}", i + 1, src.lines().nth(i).unwrap_or("")));
            }
        }
        let lower = line.to_ascii_lowercase();
        if lower.contains("-ashashtable") {
            bad.push(format!("line {}: -AsHashtable", i + 1));
        }
        if lower.contains("convertto-json") && !lower.contains("-depth") {
            bad.push(format!("line {}: ConvertTo-Json without -Depth", i + 1));
        }
    }
    bad
}

/// The names of the commands `src` calls.
fn commands(src: &str) -> Vec<String> {
    let tree = parser().parse(src, None).expect("parse");
    let mut out = Vec::new();
    walk(tree.root_node(), &mut |n| {
        if let Some(name) = n.child_by_field_name("command_name").filter(|_| n.kind() == "command") {
            out.push(text(name, src).to_string());
        }
    });
    out
}

fn collector() -> String {
    let out = generate(ScriptKind::Collector, &ScriptInput::default());
    assert!(out.errors.is_empty());
    out.text.expect("the collector takes no input")
}

#[test]
fn the_collector_calls_only_reading_commands() {
    let script = collector();
    assert!(script.is_ascii());
    let bad = offending(&script);
    assert!(bad.is_empty(), "the collector calls what the allow-list does not allow:\n{}", bad.join("\n"));
    // The check saw the commands the collector needs (so it is not passing on an empty list).
    let seen = commands(&script);
    for c in [
        "Import-Module",
        "Get-ADSyncScheduler",
        "Get-ADSyncAADCompanyFeature",
        "Get-ADSyncConnector",
        "Get-ADSyncAADPasswordSyncConfiguration",
        "Get-WinEvent",
        "Get-ItemProperty",
        "Sort-Object",
        "Set-Clipboard",
        "Write-Output",
    ] {
        assert!(seen.iter().any(|s| s == c), "{c} not seen among {seen:?}");
    }
}

#[test]
fn the_allow_list_check_catches_writes() {
    // Guards the check: each of these must be reported.
    for src in [
        "Remove-Item -Path C:\\x\n",
        "Set-ADSyncScheduler -SyncCycleEnabled $false\n",
        "Start-ADSyncSyncCycle\n",
        "Invoke-ADSyncDiagnostics -PasswordSync\n",
        "& $command\n",
        ". $file\n",
        "[System.IO.File]::Delete('x')\n",
        "$p.Kill()\n",
        "New-Object System.Net.WebClient\n",
        "Import-Module ADSyncTools\n",
        "$x = Get-ADSyncConnector | Stop-Service\n",
    ] {
        assert!(!offending(src).is_empty(), "not caught: {src}");
    }
    for src in ["Get-ADSyncConnector | Where-Object { $_.Name } | Sort-Object -Property Name\n", "$s.ToUpperInvariant()\n"] {
        assert_eq!(offending(src), Vec::<String>::new(), "{src}");
    }
}

#[test]
fn every_script_keeps_to_windows_powershell_5_1() {
    for kind in ScriptKind::ALL {
        let script = generate(kind, &benign::benign(kind)).text.expect("benign script");
        let bad = not_51(&script);
        assert!(bad.is_empty(), "{kind:?}:\n{}", bad.join("\n"));
    }
    // Guards the check.
    for src in
        ["$a = $b ?? 1\n", "$a?.b\n", "$x = $c ? 1 : 2\n", "Get-A && Get-B\n", "ConvertTo-Json $x\n", "ConvertFrom-Json -AsHashtable\n"]
    {
        assert!(!not_51(src).is_empty(), "not caught: {src}");
    }
    assert!(not_51("Write-Host 'is it ?' # really ??\nConvertTo-Json -Depth 5 $x\n").is_empty());
}

#[test]
fn the_collector_writes_the_block_the_analysis_reads() {
    let script = collector();
    assert!(script.contains(&format!("'{}'", block::BEGIN)), "BEGIN line");
    assert!(script.contains(&format!("'{} length='", block::END_PREFIX)), "END line");
    assert!(script.contains("[System.Security.Cryptography.SHA256]::Create()"));
    assert!(script.contains("$i += 76"), "76-character lines");
    assert!(script.contains("schema = 'phs-doctor-report/1'"));
    // Every field of the contract (README, "The collector's block").
    for key in [
        "collected_utc",
        "computer",
        "connect_version",
        "staging_mode",
        "tenant_phs_enabled",
        "connectors",
        "phs_config",
        "scheduler",
        "heartbeats",
        "events",
        "errors",
        "culture",
        "os",
        "tls12",
        "sync_cycle_enabled",
        "staging_mode_enabled",
        "scheduler_suspended",
        "sync_cycle_in_progress",
        "ad_connector",
        "aad_connector",
        "enabled",
        "connector_id",
        "count_3h",
        "newest_utc",
        "time_utc",
        "level",
        "message",
        "subtype",
    ] {
        assert!(script.contains(&format!("    {key} = ")), "the collector does not write {key}");
    }
    // Each step is in its own try/catch that records its error.
    let steps = script.matches("Add-PhsStepError '").count() + script.matches("Add-PhsStepError (").count();
    assert!(steps >= 12, "only {steps} steps record their errors");
    // Times are culture-invariant UTC.
    assert!(script.contains("ToUniversalTime().ToString(\"yyyy'-'MM'-'dd'T'HH':'mm':'ss'Z'\", $inv)"));
    assert!(!script.contains("ConvertTo-Json"), "the JSON is built by the script itself");
    // The collector's own messages around the block are the ones the analysis knows as its own.
    for own in block::OWN_LINES {
        assert!(script.contains(&format!("Write-Host '{own}")) || script.contains(&format!("Write-Host ('{own}")), "{own}");
    }
}
