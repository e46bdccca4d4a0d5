//! Small text helpers for showing the core's messages.

/// `message` with its first letter capitalised: the core's messages are clauses ("is empty")
/// that read as sentences on their own under a field.
pub fn sentence(message: &str) -> String {
    let mut chars = message.chars();
    match chars.next() {
        Some(first) => first.to_uppercase().chain(chars).collect(),
        None => String::new(),
    }
}
