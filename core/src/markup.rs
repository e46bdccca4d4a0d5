//! Plain text from the content's HTML.
//!
//! `core/build.rs` renders each content text from markdown to HTML once; only the HTML is
//! compiled in (keeping a plain copy of every text as well cost the wasm about 7 KB gzip). The
//! CLI and the walk summary read plain text, derived here. The HTML is the small, trusted
//! subset pulldown-cmark writes for the content (`p`, `ul`, `ol start`, `li`, `strong`, `em`,
//! `code`, `a`, `br`, and the entities `&amp; &lt; &gt; &quot; &#39;`); the result is the
//! same text `build.rs` derives from the markdown, which a test checks for every text.

/// The command-line equivalent of a link to one of the app's pages.
fn cli_equivalent(tag: &str) -> Option<&'static str> {
    let href = tag.split_once("href=\"")?.1.split('"').next()?;
    Some(match href {
        "#/analyze" => "phs-doctor diagnose <FILE|->",
        "#/scripts" => "phs-doctor script <status|full-sync|single-object|collector>",
        "#/scripts/collector" => "phs-doctor script collector",
        "#/events" => "phs-doctor event <ID>",
        "#/statuses" => "phs-doctor status <NAME>",
        "#/" => "phs-doctor path",
        _ => return None,
    })
}

/// The text of `html` with tags removed: paragraphs separated by a blank line, list items on
/// their own lines as `- ` or `1. `, soft line breaks as spaces, entities decoded. With `cli`,
/// a link to one of the app's pages is followed by its command-line equivalent (after the word
/// "page" when that follows the link): "the Analyze page (CLI: phs-doctor diagnose <FILE|->)".
pub fn html_to_plain(html: &str, cli: bool) -> String {
    let mut out = String::with_capacity(html.len());
    // One entry per open list: the next number of an ordered list, `None` for bullets.
    let mut lists: Vec<Option<u64>> = Vec::new();
    let mut rest = html;
    // Whether the last thing read was a block tag (a newline right after it is layout).
    let mut after_block = true;
    // The CLI equivalent of the link just closed, for the text that follows it.
    let mut link: Option<&'static str> = None;
    let mut pending: Option<&'static str> = None;
    while !rest.is_empty() {
        // A command's copy button is the page's, not the text's.
        if rest.starts_with("<button") {
            rest = rest.split_once("</button>").map_or("", |(_, after)| after);
            continue;
        }
        if let Some(tag_body) = rest.strip_prefix('<') {
            let end = tag_body.find('>').unwrap_or(tag_body.len());
            let tag = &tag_body[..end];
            rest = tag_body.get(end + 1..).unwrap_or("");
            let (closing, tag) = match tag.strip_prefix('/') {
                Some(t) => (true, t),
                None => (false, tag),
            };
            let name = tag.split([' ', '/']).next().unwrap_or("");
            after_block = matches!(name, "p" | "ul" | "ol" | "li");
            match (closing, name) {
                (false, "ul") | (false, "ol") => {
                    lists.push((name == "ol").then(|| start_number(tag)));
                    newline_unless_fresh(&mut out);
                }
                (true, "ul") | (true, "ol") => {
                    lists.pop();
                    // A paragraph after a list is a new paragraph, not the last item's sentence.
                    if lists.is_empty() {
                        out.push_str("\n\n");
                    }
                }
                (false, "a") if cli => link = cli_equivalent(tag),
                (true, "a") => pending = link.take(),
                (false, "li") => {
                    newline_unless_fresh(&mut out);
                    match lists.last_mut() {
                        Some(Some(n)) => {
                            out.push_str(&n.to_string());
                            out.push_str(". ");
                            *n += 1;
                        }
                        _ => out.push_str("- "),
                    }
                }
                (true, "p") if lists.is_empty() => out.push_str("\n\n"),
                (false, "br") => out.push('\n'),
                _ => {}
            }
            continue;
        }
        let end = rest.find('<').unwrap_or(rest.len());
        let mut text = &rest[..end];
        rest = &rest[end..];
        if after_block {
            text = text.trim_start_matches('\n');
        }
        if rest.starts_with("</li")
            || rest.starts_with("<ul")
            || rest.starts_with("<ol")
            || rest.starts_with("</p")
            || rest.starts_with("<p>")
        {
            text = text.trim_end_matches('\n');
        }
        after_block = false;
        if let Some(cmd) = pending.take() {
            let (word, rest_text) = match text.strip_prefix(" page") {
                Some(r) => (" page", r),
                None => ("", text),
            };
            out.push_str(word);
            out.push_str(" (CLI: ");
            out.push_str(cmd);
            out.push(')');
            text = rest_text;
        }
        push_unescaped(&mut out, text);
    }
    if let Some(cmd) = pending {
        out.push_str(" (CLI: ");
        out.push_str(cmd);
        out.push(')');
    }
    out.trim().to_string()
}

/// The commands marked in `html` (`<code class="cmd">`, see `link_ids` in `core/build.rs`), in
/// order, entities decoded: what each command's copy button (`data-cmd="N"`) copies.
pub fn commands(html: &str) -> Vec<String> {
    const OPEN: &str = "<code class=\"cmd\">";
    let mut out = Vec::new();
    let mut rest = html;
    while let Some(i) = rest.find(OPEN) {
        let body = &rest[i + OPEN.len()..];
        let (code, after) = body.split_once("</code>").unwrap_or((body, ""));
        let mut text = String::with_capacity(code.len());
        let mut raw = code;
        while let Some(j) = raw.find('&') {
            text.push_str(&raw[..j]);
            raw = &raw[j..];
            let entities = [("&amp;", '&'), ("&lt;", '<'), ("&gt;", '>'), ("&quot;", '"'), ("&#39;", '\'')];
            match entities.iter().find(|(e, _)| raw.starts_with(e)) {
                Some((e, c)) => {
                    text.push(*c);
                    raw = &raw[e.len()..];
                }
                None => {
                    text.push('&');
                    raw = &raw[1..];
                }
            }
        }
        text.push_str(raw);
        out.push(text);
        rest = after;
    }
    out
}

fn newline_unless_fresh(out: &mut String) {
    if !out.is_empty() && !out.ends_with('\n') {
        out.push('\n');
    }
}

/// `ol start="3"` → 3; a list without `start` begins at 1.
fn start_number(tag: &str) -> u64 {
    tag.split_once("start=\"").and_then(|(_, v)| v.split('"').next()).and_then(|v| v.parse().ok()).unwrap_or(1)
}

/// Appends `text` with its entities decoded and its (soft) line breaks as spaces.
fn push_unescaped(out: &mut String, text: &str) {
    let mut rest = text;
    while let Some(i) = rest.find(['&', '\n']) {
        out.push_str(&rest[..i]);
        rest = &rest[i..];
        if let Some(after) = rest.strip_prefix('\n') {
            out.push(' ');
            rest = after;
            continue;
        }
        let entities = [("&amp;", '&'), ("&lt;", '<'), ("&gt;", '>'), ("&quot;", '"'), ("&#39;", '\'')];
        match entities.iter().find(|(e, _)| rest.starts_with(e)) {
            Some((e, c)) => {
                out.push(*c);
                rest = &rest[e.len()..];
            }
            None => {
                out.push('&');
                rest = &rest[1..];
            }
        }
    }
    out.push_str(rest);
}

#[cfg(test)]
mod tests {
    use super::html_to_plain;

    fn html_to_plain_page(html: &str) -> String {
        html_to_plain(html, false)
    }

    /// A list followed by a paragraph: two paragraphs, never "…synchronization.You can…".
    #[test]
    fn a_paragraph_after_a_list_does_not_fuse() {
        assert_eq!(
            html_to_plain_page("<p>Checks:</p>\n<ul>\n<li>one.</li>\n</ul>\n<p>You can paste</p>\n"),
            "Checks:\n\n- one.\n\nYou can paste"
        );
    }

    /// On the command line, a link to a page names the command that does the same.
    #[test]
    fn links_to_pages_name_their_command_on_the_command_line() {
        let html = "Paste it on the <a href=\"#/analyze\">Analyze</a> page. See <a href=\"#/scripts\">Scripts</a>";
        assert_eq!(html_to_plain(html, true), "Paste it on the Analyze page (CLI: phs-doctor diagnose <FILE|->). See Scripts (CLI: phs-doctor script <status|full-sync|single-object|collector>)");
        assert_eq!(html_to_plain(html, false), "Paste it on the Analyze page. See Scripts");
    }

    #[test]
    fn paragraphs_lists_and_entities() {
        assert_eq!(html_to_plain_page("Run <code>Get-ADSyncScheduler</code> &amp; check"), "Run Get-ADSyncScheduler & check");
        assert_eq!(html_to_plain_page("<p>One\ntwo</p>\n<p>Three</p>\n"), "One two\n\nThree");
        assert_eq!(
            html_to_plain_page("<p>Steps:</p>\n<ol start=\"3\">\n<li>a &lt;b&gt;</li>\n<li>c</li>\n</ol>\n"),
            "Steps:\n\n3. a <b>\n4. c"
        );
        assert_eq!(html_to_plain_page("<ul>\n<li><strong>x</strong></li>\n<li><a href=\"#/analyze\">y</a></li>\n</ul>\n"), "- x\n- y");
        assert_eq!(html_to_plain_page("a &quot;q&quot; &#39;s&#39; & b"), "a \"q\" 's' & b");
    }
}
