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

/// The first `max_chars` characters of `text` and how many characters were left out.
pub fn clip(text: &str, max_chars: usize) -> (&str, usize) {
    match text.char_indices().nth(max_chars) {
        Some((i, _)) => (&text[..i], text[i..].chars().count()),
        None => (text, 0),
    }
}

/// `text` cut to `max_chars` characters with an ellipsis when it is longer.
pub fn ellipsis(text: &str, max_chars: usize) -> String {
    match clip(text, max_chars) {
        (all, 0) => all.to_string(),
        (head, _) => format!("{head}\u{2026}"),
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

    #[test]
    fn clipping() {
        assert_eq!(clip("abc", 3), ("abc", 0));
        assert_eq!(clip("aébc", 2), ("aé", 2));
        assert_eq!(ellipsis("abcdef", 3), "abc\u{2026}");
        assert_eq!(ellipsis("abc", 3), "abc");
    }
}
