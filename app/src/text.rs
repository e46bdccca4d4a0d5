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

/// A core message with its `code` spans (between backticks) shown as code. Everything stays
/// text: a message may quote what the user typed.
pub fn with_code(message: &str) -> yew::Html {
    use yew::html;
    let parts: Vec<&str> = message.split('`').collect();
    if parts.len().is_multiple_of(2) {
        // An odd number of backticks: not code spans, show as it is.
        return html! { { message.to_string() } };
    }
    html! {
        { for parts.iter().enumerate().map(|(i, part)| {
            let part = part.to_string();
            if i % 2 == 1 { html! { <code>{ part }</code> } } else { html! { { part } } }
        }) }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sentences() {
        assert_eq!(sentence("is empty"), "Is empty");
        assert_eq!(sentence(""), "");
        assert_eq!(sentence("évidemment"), "Évidemment");
    }
}
