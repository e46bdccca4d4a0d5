//! Fuzzes every script generator with every field varied at once: never panics; a script is
//! pure ASCII; and under every encoding Windows PowerShell may read it with, it has the shape
//! of the same script made from benign values, each value expression reading back as its
//! input exactly (the oracle is `core/tests/support/ps_model.rs`, independent of the
//! generator). A refused value is refused for a reason the generator can state.

#![no_main]

#[path = "../../core/tests/support/ps_model.rs"]
mod ps_model;

#[path = "../../core/tests/support/benign.rs"]
mod benign;
use benign::benign;

use libfuzzer_sys::fuzz_target;
use phs_doctor_core::script::{generate, Field, ScriptInput, ScriptKind};

fuzz_target!(|data: &[u8]| {
    // Three fields separated by 0xFF (never in UTF-8), each decoded lossily.
    let mut fields = data.split(|&b| b == 0xFF).map(|f| String::from_utf8_lossy(f).into_owned());
    let input = ScriptInput {
        ad_connector: fields.next().unwrap_or_default(),
        aad_connector: fields.next().unwrap_or_default(),
        dn: fields.next().unwrap_or_default(),
    };
    for kind in ScriptKind::ALL {
        let out = generate(kind, &input);
        let Some(text) = out.text else {
            assert!(!out.errors.is_empty(), "{kind:?}: no script and no error");
            continue;
        };
        assert!(out.errors.is_empty());
        assert!(text.is_ascii(), "{kind:?}: not ASCII");
        let b_input = benign(kind);
        let b_text = generate(kind, &b_input).text.expect("benign script");
        let used: Vec<Field> = kind.fields().iter().copied().filter(|&f| !(input.get(f).is_empty() && kind.optional(f))).collect();
        let h: Vec<&str> = used.iter().map(|&f| input.get(f)).collect();
        let b_used: Vec<&str> = used.iter().map(|&f| b_input.get(f)).collect();
        // An optional field left empty: compare with the benign script that leaves it empty too.
        let b_text = if used.len() == kind.fields().len() {
            b_text
        } else {
            generate(kind, &ScriptInput::default()).text.expect("script without the optional field")
        };
        if let Err(e) = ps_model::check(&text, &h, &b_text, &b_used) {
            panic!("{kind:?}: {e}");
        }
        // Every reading gives back the same text (so the check above holds for each), which
        // is what being pure ASCII buys; checking the readings by equality keeps the target fast.
        for (how, read) in ps_model::every_reading(&text) {
            assert_eq!(read, text, "{kind:?}: read differently as {how}");
        }
    }
});
