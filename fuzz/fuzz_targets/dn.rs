//! Fuzzes the DN validator and the script generators fed with it: never panics, and a script is
//! produced exactly when there is no error.

#![no_main]

use libfuzzer_sys::fuzz_target;
use phs_doctor_core::script::{check_dn, generate, DnLevel, ScriptInput, ScriptKind};

fuzz_target!(|data: &[u8]| {
    let text = String::from_utf8_lossy(data);
    let issues = check_dn(&text);
    let out =
        generate(ScriptKind::SingleObject, &ScriptInput { ad_connector: "contoso.com".into(), dn: text.to_string(), ..Default::default() });
    let dn_errors = issues.iter().any(|i| i.level == DnLevel::Error);
    if dn_errors {
        assert!(out.text.is_none());
    }
    if let Some(script) = out.text {
        assert!(script.contains("-DistinguishedName '"));
    }
});
