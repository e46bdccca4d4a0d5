//! The `phs-doctor` binary end to end: output shapes, exit codes, and no panic on any input.

use std::process::{Command, Output};

#[path = "../../core/tests/support/ps_model.rs"]
mod ps_model;

fn run(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_phs-doctor")).args(args).output().expect("run phs-doctor")
}

fn json(args: &[&str]) -> serde_json::Value {
    let out = run(args);
    assert!(out.status.success(), "{args:?}: {}", String::from_utf8_lossy(&out.stderr));
    serde_json::from_slice(&out.stdout).expect("JSON")
}

fn fails(args: &[&str], reason: &str) {
    let out = run(args);
    assert_eq!(out.status.code(), Some(2), "{args:?}");
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(err.contains(reason), "{args:?}: stderr {err:?} lacks {reason:?}");
    assert_eq!(err.trim_end().lines().count(), 1, "{args:?}: one line: {err:?}");
    assert!(!err.contains("panicked"), "{err}");
}

#[test]
fn path_json() {
    let v = json(&["path", "--version", "1.1.614.0", "--scope", "all", "--json"]);
    assert_eq!(v["path"], "task");
    assert_eq!(v["version"], "1.1.614.0");
    assert_eq!(v["scope"], "all");
    assert_eq!(v["steps"].as_array().unwrap().len(), 9);
    assert_eq!(v["steps"][6]["text"], "In the sub menu, select Password hash synchronization does not work at all.");
    assert_eq!(json(&["path", "--version", "v1.1.524", "--scope", "object", "--json"])["path"], "cmdlet");
    assert_eq!(json(&["path", "--version", "1.0.9125.0", "--scope", "object", "--json"])["path"], "manual");
    let unknown = json(&["path", "--scope", "all", "--json"]);
    assert_eq!(unknown["path"], "manual");
    assert!(unknown["version"].is_null());
}

fn text(args: &[&str]) -> String {
    let out = run(args);
    assert!(out.status.success(), "{args:?}: {}", String::from_utf8_lossy(&out.stderr));
    String::from_utf8(out.stdout).unwrap()
}

/// `path` prints every result the path leads to, with its meaning, numbered fix under its
/// source, and the command that writes the script it needs; and each step's help.
#[test]
fn path_prints_results_fixes_scripts_and_help() {
    let t = text(&["path", "--version", "2.4.129.0", "--scope", "all", "--method", "manual"]);
    assert!(t.starts_with("No passwords are synchronized: manual troubleshooting steps\n"), "{t}");
    assert!(
        t.contains("Source: Microsoft's article (section \u{201c}No passwords are synchronized: manual troubleshooting steps\u{201d})"),
        "{t}"
    );
    // A step's help, and the script command.
    assert!(t.contains("Check with Get-ADSyncScheduler: StagingModeEnabled is True in staging mode."), "{t}");
    assert!(t.contains("Script (Get the status of password sync settings): phs-doctor script status [--aad-connector <NAME>]"), "{t}");
    assert!(
        t.contains(
            "Script (Trigger a full sync of all passwords): phs-doctor script full-sync --ad-connector <NAME> --aad-connector <NAME>"
        ),
        "{t}"
    );
    // The results with their fixes.
    assert!(t.contains("result:domain-unreachable  A domain isn't reachable from the Connect server [error]"), "{t}");
    assert!(t.contains("Select your domain in Select directory partitions, select the Only use preferred domain controllers check box, and then select Configure."), "{t}");
    assert!(t.contains("result:staging-mode"), "{t}");
    assert!(t.contains("  PHS Doctor's advice:\n"), "{t}");
    assert!(t.contains("(Source: Microsoft Entra Connect: Staging server and disaster recovery (https://"), "{t}");
    // Answers name the step they lead to.
    assert!(t.contains("- No -> step 2"), "{t}");
    // Page mentions name the CLI equivalent.
    assert!(t.contains("Analyze page (CLI: phs-doctor diagnose <FILE|->)"), "{t}");
    let v = json(&["path", "--version", "2.4.129.0", "--scope", "all", "--method", "manual", "--json"]);
    let results = v["results"].as_array().unwrap();
    assert!(results.len() >= 7, "{results:?}");
    let du = results.iter().find(|r| r["id"] == "domain-unreachable").unwrap();
    assert_eq!(du["fix"][0]["source"]["kind"], "article");
    assert!(du["fix"].as_array().unwrap().iter().any(|f| f["text"].as_str().unwrap().contains("restart the Microsoft Entra ID Sync")));
    let nh = results.iter().find(|r| r["id"] == "no-heartbeat").unwrap();
    assert_eq!(nh["script"]["command"], "phs-doctor script full-sync --ad-connector <NAME> --aad-connector <NAME>");
    assert_eq!(v["steps"][0]["help"]["source"]["kind"], "public");
    assert_eq!(v["source"]["kind"], "article");
}

/// `--method` takes another method the version allows, and says why not otherwise.
#[test]
fn path_method() {
    let v = json(&["path", "--version", "2.4.129.0", "--scope", "object", "--method", "cmdlet", "--json"]);
    assert_eq!((v["path"].as_str(), v["path_id"].as_str()), (Some("cmdlet"), Some("cmdlet-object")));
    assert_eq!(v["also"], serde_json::json!(["task", "manual"]));
    let t = text(&["path", "--version", "2.4.129.0", "--scope", "all"]);
    assert!(t.contains("Also available on this version: cmdlet, manual (phs-doctor path --version 2.4.129.0 --scope all --method cmdlet; phs-doctor path --version 2.4.129.0 --scope all --method manual)"), "{t}");
    fails(
        &["path", "--version", "1.1.524.0", "--scope", "all", "--method", "task"],
        "needs version 1.1.614.0 or later; version 1.1.524.0 allows cmdlet, manual",
    );
    fails(&["path", "--scope", "all", "--method", "wizard"], "unknown method");
    // Without a version any method may be taken; its version note is printed.
    let t = text(&["path", "--scope", "all", "--method", "task"]);
    assert!(t.contains("Note: The troubleshooting task is available only for Microsoft Entra Connect version 1.1.614.0 or later."), "{t}");
}

/// A 1.x build: the path says first that every 1.x build is retired, with its source.
#[test]
fn a_1x_build_is_retired_first() {
    let t = text(&["path", "--version", "1.6.16.0", "--scope", "all"]);
    assert!(t.starts_with("Every 1.x build of Microsoft Entra Connect is retired and no longer synchronizes"), "{t}");
    assert!(t.contains("Microsoft Entra Connect: Version release history"), "{t}");
    assert!(!text(&["path", "--version", "2.4.129.0", "--scope", "all"]).contains("Every 1.x build"));
    let v = json(&["path", "--version", "1.6.16.0", "--scope", "all", "--json"]);
    assert_eq!(v["retired"]["source"]["kind"], "public");
    assert!(json(&["path", "--version", "2.4.129.0", "--scope", "all", "--json"]).get("retired").is_none());
}

fn run_on(day: &str, args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_phs-doctor")).env("PHS_DOCTOR_TODAY", day).args(args).output().expect("run phs-doctor")
}

fn text_on(day: &str, args: &[&str]) -> String {
    let out = run_on(day, args);
    assert!(out.status.success(), "{args:?}: {}", String::from_utf8_lossy(&out.stderr));
    String::from_utf8(out.stdout).unwrap()
}

/// `version <V>`: the notices for a version on a given day, text or JSON.
#[test]
fn version_command_prints_the_notices_of_the_day() {
    let t = text(&["version", "1.6.2.4", "--today", "2026-12-02"]);
    assert!(
        t.starts_with("Microsoft Entra Connect 1.6.2.4, released 2021-03-19\nJudged on 2026-12-02 against PHS Doctor's release list of "),
        "{t}"
    );
    assert!(t.contains("[ERROR] Version 1.6.2.4 is a retired 1.x build: it no longer synchronizes"), "{t}");
    assert!(t.contains("lacks the fix for password hash sync after a domain rename"), "{t}");
    // Before and after the mandatory minimum's date.
    let before = json(&["version", "2.4.129.0", "--today", "2026-09-20", "--json"]);
    assert_eq!(before["notices"][0]["kind"], "below-minimum");
    assert_eq!(before["notices"][0]["severity"], "warning");
    assert!(before["notices"][0]["title"].as_str().unwrap().contains("in 10 days"), "{before}");
    let after = json(&["version", "2.4.129.0", "--today", "2026-12-02", "--json"]);
    assert_eq!(after["notices"][0]["severity"], "error");
    assert_eq!(after["today"], "2026-12-02");
    let ended = after["notices"].as_array().unwrap().iter().find(|n| n["kind"] == "support-ended").expect("out of support");
    assert_eq!(ended["source"]["kind"], "third-party");
    // PHS_DOCTOR_TODAY gives the day when --today doesn't.
    assert!(text_on("2026-09-20", &["version", "2.4.129.0"]).contains("in 10 days"));
    // Newer than the list: its date, no claim.
    let newer = text(&["version", "2.9.1.0", "--today", "2026-12-02"]);
    assert!(newer.contains("is newer than every build in PHS Doctor's release list") && !newer.contains("[OK]"), "{newer}");
    fails(&["version", "2.x"], "invalid version");
    fails(&["version", "2.4.129.0", "--today", "2026-13-01"], "invalid date");
    fails(&["version"], "needs a version");
    let out = run_on("yesterday", &["version", "2.4.129.0"]);
    assert_eq!(out.status.code(), Some(2));
    // Today from the clock: a real date, and the notices.
    let now = text(&["version", "2.6.84.0"]);
    assert!(now.contains("Judged on 20") && now.contains("a disabled password hash sync feature stays off"), "{now}");
}

/// `path --version` and `diagnose` say what is known about the version.
#[test]
fn path_and_diagnose_print_the_version_notices() {
    let t = text_on("2026-12-02", &["path", "--version", "2.4.129.0", "--scope", "all"]);
    assert!(t.contains("\nAbout this version (phs-doctor version 2.4.129.0):\n[ERROR] Version 2.4.129.0 is below 2.5.79.0"), "{t}");
    let v: serde_json::Value =
        serde_json::from_slice(&run_on("2026-12-02", &["path", "--version", "1.6.2.4", "--scope", "all", "--json"]).stdout).unwrap();
    let kinds: Vec<&str> = v["notices"].as_array().unwrap().iter().map(|n| n["kind"].as_str().unwrap()).collect();
    assert!(kinds.contains(&"domain-rename") && !kinds.contains(&"retired"), "{kinds:?}: the retirement is `retired`");
    assert!(json(&["path", "--scope", "all", "--json"]).get("notices").is_none());

    let (paste, _) = fixture("collector-crlf-prompts.txt");
    let file = std::env::temp_dir().join(format!("phs-doctor-version-{}.txt", std::process::id()));
    std::fs::write(&file, &paste).unwrap();
    let f = file.to_str().unwrap();
    let t = text_on("2026-12-02", &["diagnose", f]);
    // (First, as the web page shows them.)
    assert!(t.starts_with("Microsoft Entra Connect 2.4.131.0 (from the input):\n[ERROR] Version 2.4.131.0 is below 2.5.79.0"), "{t}");
    let v: serde_json::Value = serde_json::from_slice(&run_on("2026-12-02", &["diagnose", f, "--json"]).stdout).unwrap();
    assert_eq!(v["connect_version"], "2.4.131.0");
    assert_eq!(v["version_notices"][0]["kind"], "below-minimum");
    let r = text_on("2026-12-02", &["report", f]);
    assert!(r.contains("## About version 2.4.131.0 (on 2026-12-02"), "{r}");
    std::fs::remove_file(&file).ok();
}

/// `result <ID>`: one documented result, text or JSON, with "did you mean".
#[test]
fn result_command() {
    let t = text(&["result", "no-heartbeat"]);
    assert!(t.contains("Trigger a full sync of all passwords"), "{t}");
    assert!(t.contains("Microsoft's article (section"), "{t}");
    assert!(t.contains("phs-doctor script full-sync"), "{t}");
    let v = json(&["result", "result:domain-unreachable", "--json"]);
    assert_eq!(v["id"], "domain-unreachable");
    assert_eq!(v["severity"], "error");
    assert!(v["fix"].as_array().unwrap().len() >= 5);
    assert_eq!(v["fix"][4]["text"], "To apply these changes, restart the Microsoft Entra ID Sync (ADSync) service.");
    assert_eq!(json(&["result", "log-empty", "--json"])["continue"][0]["next"], "manual-all/entra-connectivity");
    assert_eq!(json(&["result", "ad-permissions", "--json"])["continue"][0]["path"], "manual-all");
    assert!(text(&["path", "--scope", "all", "--method", "manual"])
        .contains("  Then: Next: are the domain controllers reachable? -> manual-all/dcs\n"));
    let task = json(&["path", "--version", "2.4.129.0", "--scope", "all", "--json"]);
    let perms = task["results"].as_array().unwrap().iter().find(|r| r["id"] == "ad-permissions").unwrap();
    assert!(perms.get("continue").is_none(), "the task's result does not continue into the manual steps");
    fails(&["result", "staging-mod"], "did you mean staging-mode");
    fails(&["result", "zzzz-zzzz-zzzz"], "is not a documented result");
    fails(&["result"], "result needs an ID");
}

/// The event look-up shows the article's advice to enlarge the Application log and what to
/// do next: analyse the event, and the guided-path step it belongs to.
#[test]
fn event_next_step_and_log_advice() {
    let t = text(&["event", "616"]);
    assert!(t.contains("consider increasing the size of the Application log"), "{t}");
    assert!(t.contains("phs-doctor diagnose"), "{t}");
    assert!(t.contains("Guided path: step 8 of \"No passwords are synchronized: manual troubleshooting steps\" (phs-doctor path --scope all --method manual)"), "{t}");
    let v = json(&["event", "611", "--json"]);
    assert_eq!(v["next"]["analyse"], true);
    assert_eq!(v["next"]["step"], "manual-all/events");
    assert_eq!(v["source"]["kind"], "article");
    assert_eq!(v["note"]["source"]["kind"], "public");
    assert!(v["log_advice"]["text"].as_str().unwrap().contains("Application log"));
    let healthy = json(&["event", "654", "--json"]);
    assert_eq!(healthy["next"]["analyse"], false);
}

#[test]
fn event_and_status_json() {
    let e = json(&["event", "611", "--json"]);
    assert_eq!(e["id"], 611);
    assert_eq!(e["description"], "Event id used when error synchronizing a domain.");
    assert_eq!(e["category"], "error");
    assert_eq!(e["connectivity"], true);
    assert_eq!(json(&["event", "654", "--json"])["connectivity"], false);
    assert_eq!(json(&["event", "0", "--json"])["connectivity"], true);
    let s = json(&["status", "filteredbytarget", "--json"]);
    assert_eq!(s["name"], "FilteredByTarget");
    assert!(s["next_step"].as_str().unwrap().contains("2.0.3.0"));
    assert_eq!(s["source"]["kind"], "article");
    assert_eq!(s["next_step_source"]["kind"], "article");
    assert_eq!(json(&["status", "Error", "--json"])["next_step_source"]["kind"], "inference");
}

#[test]
fn scripts() {
    let out = run(&["script", "full-sync", "--ad-connector", "contoso.com", "--aad-connector", "O'Brien - AAD"]);
    assert!(out.status.success());
    let text = String::from_utf8(out.stdout).unwrap();
    assert!(text.contains("$adConnector = 'contoso.com'"));
    assert!(text.contains("$aadConnector = 'O''Brien - AAD'"));
    let out = run(&["script", "single-object", "--ad-connector", "contoso.com", "--dn", "CN=TestUserCN=Users,DC=contoso,DC=com"]);
    assert!(out.status.success());
    assert!(String::from_utf8_lossy(&out.stderr).contains("comma is probably missing"));
    let out = run(&["script", "status"]);
    assert!(String::from_utf8_lossy(&out.stdout).contains("More than one Azure AD Connectors found"));
    let out = run(&["script", "collector"]);
    assert!(out.status.success());
    let text = String::from_utf8(out.stdout).unwrap();
    assert!(text.is_ascii() && text.contains("'-----BEGIN PHS-DOCTOR REPORT v1-----'"), "{text}");
    let out = run(&["script", "collector", "--ad-connector", "x"]);
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&out.stderr).contains("takes no --ad-connector"));
    // An empty name is refused, not read as "not given" (the status script without it lists
    // every Microsoft Entra connector).
    let out = run(&["script", "status", "--aad-connector", ""]);
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&out.stderr).contains("--aad-connector is empty"));
    assert!(out.stdout.is_empty());
}

/// The script the CLI prints for `values`, checked under every encoding PowerShell may read it
/// with against the same script made from benign values.
fn check_script(kind: &str, flags: &[&str], values: &[&str], benign: &[&str]) {
    let mut args = vec!["script", kind];
    let mut b_args = args.clone();
    for ((f, v), b) in flags.iter().zip(values).zip(benign) {
        args.extend([*f, *v]);
        b_args.extend([*f, *b]);
    }
    let out = run(&args);
    assert!(out.status.success(), "{args:?}: {}", String::from_utf8_lossy(&out.stderr));
    assert!(out.stdout.is_ascii(), "{args:?}: not ASCII");
    let b_out = String::from_utf8(run(&b_args).stdout).unwrap();
    let text = String::from_utf8(out.stdout).unwrap();
    for (how, read) in ps_model::every_reading(&text) {
        let n = ps_model::check(&read, values, &b_out, benign).unwrap_or_else(|e| panic!("{args:?}, {how}: {e}"));
        assert!(n >= values.len());
    }
}

#[test]
fn scripts_stay_literal_under_every_encoding() {
    // The issue's two attacks: template injection and a letter whose UTF-8 holds a 1252 quote.
    check_script("full-sync", &["--ad-connector", "--aad-connector"], &["x{{AAD_CONNECTOR}}", ";Start-Process calc;#"], &["ba", "bb"]);
    check_script("full-sync", &["--ad-connector", "--aad-connector"], &["Ă;Start-Process calc;#", "Россия - AAD"], &["ba", "bb"]);
    check_script(
        "single-object",
        &["--ad-connector", "--dn"],
        &["{{DN}}", "CN=Иван Петров,OU=Отдел,DC=contoso,DC=com"],
        &["ba", "CN=b,DC=x"],
    );
    check_script("status", &["--aad-connector"], &["O\u{2019}Brien {{AAD_CONNECTOR}} - AAD"], &["bb"]);
    let out = run(&["script", "full-sync", "--ad-connector", "Ă;Start-Process calc;#", "--aad-connector", "b"]);
    assert!(String::from_utf8_lossy(&out.stdout).contains("$adConnector = ('' + [char]0x0102 + ';Start-Process calc;#')\n"));
}

#[test]
fn script_output_file_is_utf8_with_bom_and_crlf() {
    let dir = std::env::temp_dir().join(format!("phs-doctor-cli-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let file = dir.join("full sync.ps1");
    let out = run(&["script", "full-sync", "--ad-connector", "Ă", "--aad-connector", "b", "--output", file.to_str().unwrap()]);
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    assert!(out.stdout.is_empty());
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(err.contains("wrote") && err.contains("UTF-8 with BOM"), "{err}");
    let bytes = std::fs::read(&file).unwrap();
    assert!(bytes.starts_with(&[0xEF, 0xBB, 0xBF]));
    let text = String::from_utf8(bytes[3..].to_vec()).unwrap();
    assert!(text.contains("\r\n") && !text.replace("\r\n", "").contains('\n'), "CRLF only");
    let printed = String::from_utf8(run(&["script", "full-sync", "--ad-connector", "Ă", "--aad-connector", "b"]).stdout).unwrap();
    assert_eq!(text, printed.replace('\n', "\r\n"));
    let read = ps_model::read_as_windows_powershell(&bytes);
    let benign = String::from_utf8(run(&["script", "full-sync", "--ad-connector", "ba", "--aad-connector", "bb"]).stdout).unwrap();
    assert_eq!(ps_model::check(&read, &["Ă", "b"], &benign, &["ba", "bb"]), Ok(2));
    std::fs::remove_dir_all(&dir).unwrap();
    // A file that can't be written: exit 1, one line.
    let out = run(&["script", "status", "--output", "/nonexistent-dir/x.ps1"]);
    assert_eq!(out.status.code(), Some(1));
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(err.starts_with("phs-doctor: cannot write /nonexistent-dir/x.ps1") && err.trim_end().lines().count() == 1, "{err}");
}

#[test]
fn values_that_hide_what_runs_or_are_too_long_are_refused() {
    fails(&["script", "full-sync", "--ad-connector", "con\u{200B}toso", "--aad-connector", "b"], "U+200B (character 4)");
    fails(&["script", "status", "--aad-connector", "a\u{E0041}"], "invisible character U+E0041 (character 2)");
    fails(&["script", "status", "--aad-connector", "a\u{FEFF}"], "U+FEFF");
    let long = "x".repeat(2000);
    fails(&["script", "status", "--aad-connector", &long], "the limit is 1024 characters");
    // 100,000 commas: one short line, not an error per comma.
    let commas = format!("CN=a{}DC=x", ",".repeat(100_000));
    let out = run(&["script", "single-object", "--ad-connector", "a", "--dn", &commas]);
    assert_eq!(out.status.code(), Some(2));
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(err.len() < 1000 && err.contains("the limit is 8192 characters"), "{} bytes: {}", err.len(), &err[..err.len().min(300)]);
    let commas = format!("CN=a{}DC=x", ",".repeat(5000));
    let out = run(&["script", "single-object", "--ad-connector", "a", "--dn", &commas]);
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(err.len() < 1000 && err.contains("… and 4,994 more problems"), "{} bytes: {}", err.len(), &err[..err.len().min(300)]);
}

#[test]
fn errors_are_one_line_with_exit_code_2() {
    fails(&["event", "608"], "did you mean 607 or 609");
    fails(&["event", "abc"], "not an event ID");
    fails(&["status", "FilterdByTarget"], "did you mean FilteredByTarget");
    fails(&["path", "--version", "1.x", "--scope", "all"], "invalid version");
    fails(&["path", "--version", "1.1.614.0", "--scope", "some"], "unknown scope");
    fails(&["script", "full-sync", "--ad-connector", "a"], "needs --aad-connector");
    fails(&["script", "status", "--dn", "x"], "takes no --dn");
    fails(&["script", "single-object", "--ad-connector", "a\nb", "--dn", "CN=a,DC=b"], "line break");
    fails(&["script", "single-object", "--ad-connector", "a", "--dn", "CN=a<b,DC=x"], "must be escaped");
    fails(&["script", "nope"], "unknown script");
    fails(&["frobnicate"], "unknown command");
}

#[test]
fn no_panic_on_hostile_arguments() {
    let long = "9".repeat(100_000);
    let hostile: [&str; 9] = ["", "\u{1}", "\u{202E}", "-", "--", "'", "99999999999999999999999999", &long, "\u{FFFF}"];
    for h in hostile {
        for args in [
            vec!["event", h],
            vec!["status", h],
            vec!["path", "--version", h, "--scope", "all"],
            vec!["path", "--scope", h],
            vec!["path", "--scope", "all", "--method", h],
            vec!["result", h],
            vec!["script", "status", "--aad-connector", h],
            vec!["script", h],
            vec![h],
        ] {
            let out = run(&args);
            let err = String::from_utf8_lossy(&out.stderr);
            assert!(!err.contains("panicked"), "{args:?}: {err}");
            assert!(matches!(out.status.code(), Some(0 | 2)), "{args:?}: {:?}", out.status);
        }
    }
}

fn run_stdin(args: &[&str], stdin: &[u8]) -> Output {
    use std::io::Write;
    use std::process::Stdio;
    let mut child = Command::new(env!("CARGO_BIN_EXE_phs-doctor"))
        .args(args)
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("spawn");
    let mut input = child.stdin.take().unwrap();
    let data = stdin.to_vec();
    let writer = std::thread::spawn(move || {
        let _ = input.write_all(&data);
    });
    let out = child.wait_with_output().unwrap();
    writer.join().unwrap();
    out
}

#[path = "../../core/tests/support/fixture.rs"]
mod fixtures;

/// A fixture's paste (the `# ` header lines removed) and its expected finding ids.
fn fixture(name: &str) -> (String, Vec<String>) {
    let f = fixtures::named(name);
    (f.body, f.expect)
}

fn finding_ids(v: &serde_json::Value) -> Vec<String> {
    let mut ids: Vec<String> = v["findings"].as_array().unwrap().iter().map(|f| f["id"].as_str().unwrap().to_string()).collect();
    ids.sort();
    ids
}

#[test]
fn diagnose_json_shape_from_stdin() {
    let (paste, expect) = fixture("event-details-611-8453.txt");
    let out = run_stdin(&["diagnose", "-", "--json"], paste.as_bytes());
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    let v: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(finding_ids(&v), expect);
    let f = &v["findings"][0];
    for key in ["id", "severity", "title", "evidence", "next_steps", "params"] {
        assert!(!f[key].is_null(), "finding lacks {key}");
    }
    let line = f["evidence"][0]["line"].as_u64().unwrap() as usize;
    assert_eq!(paste.lines().nth(line - 1).unwrap().trim_end(), f["evidence"][0]["text"].as_str().unwrap().trim_end());
    assert!(v["records"].as_array().unwrap().iter().all(|r| r["kind"].is_string() && r["start_line"].as_u64() <= r["end_line"].as_u64()));
    assert!(v["unparsed_lines"].is_array());
}

#[test]
fn diagnose_reads_files_and_utf16() {
    let (paste, expect) = fixture("diag-staging.txt");
    let dir = std::env::temp_dir().join(format!("phs-doctor-cli-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    // Windows PowerShell 5.1's `>` writes UTF-16LE with a BOM.
    let utf16: Vec<u8> = [0xFF, 0xFE].into_iter().chain(paste.encode_utf16().flat_map(u16::to_le_bytes)).collect();
    let file = dir.join("diag.txt");
    std::fs::write(&file, utf16).unwrap();
    let v = json(&["diagnose", file.to_str().unwrap(), "--json"]);
    assert_eq!(finding_ids(&v), expect);
    let text = run(&["diagnose", file.to_str().unwrap()]);
    assert!(String::from_utf8_lossy(&text.stdout).contains("staging mode"));
    std::fs::remove_dir_all(&dir).unwrap();
}

#[test]
fn diagnose_survives_anything() {
    fails(&["diagnose", "/nonexistent/file"], "cannot open");
    fails(&["diagnose"], "needs a file");
    let junk: Vec<u8> = (0..200_000u32).map(|i| (i.wrapping_mul(2_654_435_761) >> 13) as u8).collect();
    let out = run_stdin(&["diagnose", "-", "--json"], &junk);
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    let v: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    let lines = v["line_count"].as_u64().unwrap();
    assert!(v["unparsed_lines"].as_array().unwrap().iter().all(|n| (1..=lines).contains(&n.as_u64().unwrap())));
    // Terminal escapes in a paste are not passed through to the terminal.
    let out = run_stdin(&["diagnose", "-"], b"Event ID: 611\nRPC Error 8453 : \x1b[2J\x1b]0;pwned\x07 Replication access was denied\n");
    assert!(!out.stdout.contains(&0x1b), "escape sequence reached the terminal");
    // Empty or blank input is told so, not answered with "0 finding(s)" alone; bytes that are
    // no text are said to be so.
    for blank in [&b""[..], b"  \n\n\t\n", b"-----\n"] {
        let out = run_stdin(&["diagnose", "-"], blank);
        assert!(String::from_utf8_lossy(&out.stdout).contains("Nothing to analyse: the input is empty"), "{blank:?}");
    }
    let text = String::from_utf8_lossy(&run_stdin(&["diagnose", "-"], &junk).stdout).into_owned();
    assert!(text.contains("(nothing-recognised)") && text.contains("Lines not text = "), "{text}");
}

/// An Event Viewer .evtx file is binary: one line saying how to export the events as text.
#[test]
fn diagnose_refuses_an_evtx_file_with_how_to_export_it() {
    let mut evtx = b"ElfFile\0".to_vec();
    evtx.extend((0..100_000u32).map(|i| (i % 251) as u8));
    let out = run_stdin(&["diagnose", "-"], &evtx);
    assert_eq!(out.status.code(), Some(2));
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(err.contains(".evtx") && err.contains("Save Selected Events") && err.contains("Format-List"), "{err}");
    assert_eq!(err.trim_end().lines().count(), 1, "{err}");
}

#[test]
fn diagnose_reads_cr_line_endings() {
    // A file saved with CR alone between lines (classic Mac OS, some exports).
    let (paste, expect) = fixture("event-details-611-8453.txt");
    let cr = paste.replace("\r\n", "\n").replace('\n', "\r");
    let out = run_stdin(&["diagnose", "-", "--json"], cr.as_bytes());
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    let v: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(finding_ids(&v), expect);
    assert_eq!(v["line_count"].as_u64(), Some(paste.lines().count() as u64));
}

#[test]
fn diagnose_json_counts_the_records_it_leaves_out() {
    let text = "Event ID: 611\n".repeat(phs_doctor_core::analysis::MAX_RECORDS + 3);
    let out = run_stdin(&["diagnose", "-", "--json"], text.as_bytes());
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    let v: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(v["records"].as_array().unwrap().len(), phs_doctor_core::analysis::MAX_RECORDS);
    assert_eq!(v["records_omitted"], 3);
    let short = run_stdin(&["diagnose", "-", "--json"], b"Event ID: 611\n");
    let v: serde_json::Value = serde_json::from_slice(&short.stdout).unwrap();
    assert_eq!(v["records_omitted"], 0);
}

#[test]
fn a_failed_write_exits_1_with_one_line() {
    let full = std::fs::OpenOptions::new().write(true).open("/dev/full").expect("/dev/full");
    let out = Command::new(env!("CARGO_BIN_EXE_phs-doctor")).args(["event", "611"]).stdout(full).output().unwrap();
    assert_eq!(out.status.code(), Some(1));
    let err = String::from_utf8_lossy(&out.stderr);
    assert_eq!(err.trim_end().lines().count(), 1, "{err:?}");
    assert!(err.contains("cannot write the output"), "{err:?}");
    // The same for diagnose, text and JSON.
    let (paste, _) = fixture("event-details-611-8453.txt");
    let dir = std::env::temp_dir().join(format!("phs-doctor-full-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let file = dir.join("paste.txt");
    std::fs::write(&file, paste).unwrap();
    for json in [false, true] {
        let full = std::fs::OpenOptions::new().write(true).open("/dev/full").unwrap();
        let mut args = vec!["diagnose", file.to_str().unwrap()];
        if json {
            args.push("--json");
        }
        let out = Command::new(env!("CARGO_BIN_EXE_phs-doctor")).args(&args).stdout(full).output().unwrap();
        assert_eq!(out.status.code(), Some(1), "{args:?}");
        assert_eq!(String::from_utf8_lossy(&out.stderr).trim_end().lines().count(), 1);
    }
    std::fs::remove_dir_all(&dir).unwrap();
}

#[test]
fn diagnose_escapes_controls_and_bidi() {
    // DEL, C1 controls (NEL, CSI) and bidi overrides in the evidence line.
    let paste = "Event ID: 611\nRPC Error 8453 : Replication \u{7f}\u{85}\u{9b}2J access \u{202e}deined\u{202c} \u{2066}x\u{2069} \u{200f} was denied.\n";
    let out = run_stdin(&["diagnose", "-", "--json"], paste.as_bytes());
    assert!(out.status.success());
    let raw = String::from_utf8(out.stdout.clone()).unwrap();
    for c in ['\u{7f}', '\u{85}', '\u{9b}', '\u{202e}', '\u{202c}', '\u{2066}', '\u{2069}', '\u{200f}'] {
        assert!(!raw.contains(c), "raw U+{:04X} in the JSON", u32::from(c));
    }
    for e in ["\\u007f", "\\u0085", "\\u009b", "\\u202e", "\\u2066", "\\u200f"] {
        assert!(raw.contains(e), "{e} missing");
    }
    // The escapes decode to the pasted text.
    let v: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    let evidence: Vec<&str> = v["findings"][0]["evidence"].as_array().unwrap().iter().map(|e| e["text"].as_str().unwrap()).collect();
    assert!(evidence.iter().any(|t| t.contains("\u{202e}deined\u{202c}")), "{evidence:?}");
    let text = run_stdin(&["diagnose", "-"], paste.as_bytes());
    let text = String::from_utf8(text.stdout).unwrap();
    assert!(text.contains("Replication"), "{text}");
    for c in ['\u{7f}', '\u{85}', '\u{9b}', '\u{202e}', '\u{2066}', '\u{200f}'] {
        assert!(!text.contains(c), "raw U+{:04X} in the text output", u32::from(c));
    }
}

/// A file of `size` bytes: `head`, filler lines, `tail`, in UTF-16LE with a BOM when `utf16`.
fn big_file(name: &str, size: usize, head: &str, tail: &str, utf16: bool) -> std::path::PathBuf {
    let dir = std::env::temp_dir().join(format!("phs-doctor-big-{}-{name}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let encode = |s: &str| -> Vec<u8> {
        if utf16 {
            s.encode_utf16().flat_map(u16::to_le_bytes).collect()
        } else {
            s.as_bytes().to_vec()
        }
    };
    let mut bytes = if utf16 { vec![0xFF, 0xFE] } else { vec![] };
    bytes.extend(encode(head));
    // Long filler lines are cheap to analyse (one of the slow debug build's few shortcuts).
    let filler = encode(&format!("{}\r\n", "-".repeat(4000)));
    let tail = encode(tail);
    while bytes.len() + filler.len() + tail.len() <= size {
        bytes.extend(&filler);
    }
    bytes.resize(size - tail.len(), b'-');
    if utf16 {
        let at = bytes.len() - bytes.len() % 2;
        bytes.truncate(at);
        bytes.extend(encode("\r\n"));
        bytes.resize(size - tail.len(), 0);
    }
    bytes.extend(tail);
    let file = dir.join(name);
    std::fs::write(&file, &bytes).unwrap();
    file
}

#[test]
fn diagnose_a_huge_utf16_file_says_what_it_analysed() {
    // The newest event last, as a log written oldest first: a 611 with RPC Error 8453.
    let head = "Log Name:      Application\r\nSource:        Directory Synchronization\r\nDate:          3/2/2017 4:31:09 AM\r\nEvent ID:      654\r\nDescription:\r\nProvision credentials ping end.\r\n\r\n";
    let tail = "\r\nLog Name:      Application\r\nSource:        Directory Synchronization\r\nDate:          3/2/2017 5:31:09 AM\r\nEvent ID:      611\r\nDescription:\r\nPassword synchronization failed for domain: Contoso.com. Details: RPC Error 8453 : Replication access was denied.\r\n";
    let size = 40_000_000;
    let file = big_file("utf16.txt", size, head, tail, true);
    let v = json(&["diagnose", file.to_str().unwrap(), "--json"]);
    let ids = finding_ids(&v);
    assert!(ids.contains(&"ad-permissions".to_string()), "{ids:?}");
    let t = &v["truncated"];
    assert_eq!(t["bytes_total"], size as u64);
    let (head_bytes, tail_bytes) = (t["head"]["bytes"].as_u64().unwrap(), t["tail"]["bytes"].as_u64().unwrap());
    let max = phs_doctor_core::analysis::MAX_INPUT_BYTES as u64;
    assert!(head_bytes + tail_bytes <= max && head_bytes > max / 2 - 9000 && tail_bytes > max / 2 - 9000, "{t}");
    assert_eq!(t["tail"]["last_line"], v["line_count"]);
    let text = run(&["diagnose", file.to_str().unwrap()]);
    let text = String::from_utf8_lossy(&text.stdout);
    let note = text.lines().next().unwrap();
    assert!(note.contains("the input is 40,000,000 bytes"), "{note}");
    assert!(
        note.contains(&format!(
            "the last {} bytes",
            tail_bytes.to_string().as_bytes().rchunks(3).rev().map(|c| std::str::from_utf8(c).unwrap()).collect::<Vec<_>>().join(",")
        )),
        "{note}"
    );
    std::fs::remove_dir_all(file.parent().unwrap()).unwrap();
}

#[test]
fn diagnose_counts_the_bytes_of_the_input() {
    // 50 MB of bytes that are not text: the total is the file's size, not its decoded length.
    let mut junk: Vec<u8> = (0..50_000_000u32).map(|i| (i.wrapping_mul(2_654_435_761) >> 13) as u8).collect();
    for b in junk.iter_mut().filter(|b| matches!(**b, b'\r' | b'\n')) {
        *b = b' ';
    }
    for i in (99..junk.len()).step_by(100) {
        junk[i] = b'\n';
    }
    let out = run_stdin(&["diagnose", "-", "--json"], &junk);
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    let v: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(v["truncated"]["bytes_total"], 50_000_000);
    let max = phs_doctor_core::analysis::MAX_INPUT_BYTES as u64;
    assert!(v["truncated"]["head"]["bytes"].as_u64().unwrap() <= max / 2);
    assert_eq!(v["line_count"], 500_000);
    assert_eq!(v["truncated"]["tail"]["last_line"], 500_000);
}

#[test]
fn redact_prints_the_text_with_placeholders_and_the_table_on_stderr() {
    let paste = "Computer:      AADC01.contoso.com\r\nDn : CN=Viola Hanson,OU=Cloud Objects,DC=contoso,DC=com\r\n\
                 UPN viola@contoso.com, connector contoso.onmicrosoft.com - AAD, RPC Error 8453, Event ID: 611\r\n\
                 again CN=viola hanson,OU=Cloud Objects,DC=contoso,DC=com from 10.20.30.40 \u{1b}[31m\u{202E}\n";
    let out = run_stdin(&["redact", "-"], paste.as_bytes());
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    let text = String::from_utf8(out.stdout).unwrap();
    assert_eq!(
        text,
        "Computer:      <host1>\r\nDn : <dn1>\r\nUPN <user1>@<host2>, connector <tenant1>.onmicrosoft.com - AAD, RPC Error 8453, Event ID: 611\r\n\
         again <dn1> from <ip1> \u{FFFD}[31m\u{FFFD}\n"
    );
    let err = String::from_utf8(out.stderr).unwrap();
    assert!(err.contains("replaced 6 value(s), 7 occurrence(s)"), "{err}");
    assert!(err.contains("<dn1>         2×  CN=Viola Hanson,OU=Cloud Objects,DC=contoso,DC=com  (distinguished name)"), "{err}");
    // Nothing to redact: said so.
    let out = run_stdin(&["redact", "-"], b"Event ID: 611\n");
    assert_eq!(String::from_utf8_lossy(&out.stdout), "Event ID: 611\n");
    assert!(String::from_utf8_lossy(&out.stderr).contains("nothing to redact"));
    fails(&["redact"], "redact needs a file");
    fails(&["redact", "/nonexistent/file.txt"], "cannot open /nonexistent/file.txt");
}

#[test]
fn diagnose_labels_the_articles_steps_and_phs_doctors_advice() {
    let paste = "No ping event found within last 3 hours.\n";
    let out = run_stdin(&["diagnose", "-"], paste.as_bytes());
    let text = String::from_utf8(out.stdout).unwrap();
    let article = text.find("    Microsoft's article (section \u{201c}").expect(&text);
    let full_sync = text.find("run Trigger a full sync of all passwords").expect(&text);
    let ours = text.find("    PHS Doctor's advice:\n").expect(&text);
    assert!(article < full_sync && full_sync < ours, "the article's fix first:\n{text}");
    assert!(text[ours..].contains("(Source: ") || text[ours..].contains("(Inference: "), "{text}");
    let out = run_stdin(&["diagnose", "-", "--json"], paste.as_bytes());
    let v: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    let f = &v["findings"][0];
    assert_eq!(f["next_steps"].as_array().unwrap().len(), f["next_step_sources"].as_array().unwrap().len());
    assert_eq!(f["next_step_sources"][0]["kind"], "article");
}

#[test]
fn report_is_markdown_redacted_by_default() {
    let (paste, _) = fixture("event-details-611-8453.txt");
    let out = run_stdin(&["report", "-"], paste.as_bytes());
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    let md = String::from_utf8(out.stdout).unwrap();
    assert!(md.starts_with("# PHS Doctor report\n"), "{md}");
    assert!(md.contains("### 1. ERROR — The AD DS connector account lacks replication permissions (`ad-permissions`)"), "{md}");
    // Placeholders are numbered in the order of the paste: the computer is the first host.
    assert!(md.contains("domain: <host2>.") && !md.to_lowercase().contains("contoso"), "{md}");
    assert!(String::from_utf8_lossy(&out.stderr).contains("<host1>"));
    let out = run_stdin(&["report", "-", "--no-redact", "--version", "2.4.18.0"], paste.as_bytes());
    let md = String::from_utf8(out.stdout).unwrap();
    assert!(md.contains("Contoso.com") && md.contains("2.4.18.0 (given with --version)"), "{md}");
    let file = std::env::temp_dir().join(format!("phs-report-{}.md", std::process::id()));
    let out = run_stdin(&["report", "-", "--out", file.to_str().unwrap()], paste.as_bytes());
    assert!(out.status.success() && out.stdout.is_empty());
    assert!(std::fs::read_to_string(&file).unwrap().starts_with("# PHS Doctor report\n"));
    std::fs::remove_file(&file).unwrap();
    fails(&["report", "-", "--version", "x"], "invalid version");
    fails(&["report"], "report needs a file");
}

/// `diagnose --help` lists every input kind of the analysis's registry, each with its sample.
#[test]
fn diagnose_help_lists_what_the_analysis_reads() {
    let out = run(&["diagnose", "--help"]);
    assert!(out.status.success());
    let text = String::from_utf8(out.stdout).unwrap();
    for k in phs_doctor_core::analysis::inputs::INPUT_KINDS {
        assert!(text.contains(k.name) && text.contains(k.how), "{} missing from:\n{text}", k.id);
        let first = k.sample.lines().next().unwrap();
        assert!(text.contains(&format!("| {first}")), "{}: sample missing", k.id);
    }
}

/// A finding without evidence lines (nothing recognised, nothing wrong found) prints no empty
/// "Evidence:" heading, and says what to paste next.
#[test]
fn a_finding_without_evidence_has_no_evidence_heading() {
    let menu = "  Enter '1' - Troubleshoot Object Synchronization\n  Enter '2' - Troubleshoot Password Hash Synchronization\n";
    let out = run_stdin(&["diagnose", "-"], menu.as_bytes());
    let t = String::from_utf8(out.stdout).unwrap();
    assert!(t.contains("(nothing-wrong-found)") && t.contains("Next steps:"), "{t}");
    assert!(!t.contains("Evidence:"), "{t}");
    let out = run_stdin(&["diagnose", "-"], b"RPC Error 8453 : Replication access was denied.\n");
    assert!(String::from_utf8(out.stdout).unwrap().contains("  Evidence:\n"), "a finding with evidence keeps its heading");
}
