//! The benign inputs that the script tests and the `script` fuzz target compare hostile
//! scripts with: distinct ASCII values, for every field, that occur nowhere in a template.

use phs_doctor_core::script::{Field, ScriptInput, ScriptKind};

pub fn benign(kind: ScriptKind) -> ScriptInput {
    let mut input = ScriptInput::default();
    for &f in kind.fields() {
        input.set(
            f,
            match f {
                Field::AdConnector => "benignad".into(),
                Field::AadConnector => "benignaad".into(),
                Field::DistinguishedName => "CN=benigndn,DC=x".into(),
            },
        );
    }
    input
}
