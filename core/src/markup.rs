//! Plain text from the content's HTML.
//!
//! `core/build.rs` renders each content text from markdown to HTML once; only the HTML is
//! compiled in (keeping a plain copy of every text as well cost the wasm about 7 KB gzip). The
//! CLI and the walk summary read plain text, derived here. The HTML is the small, trusted
//! subset pulldown-cmark writes for the content (`p`, `ul`, `ol start`, `li`, `strong`, `em`,
//! `code`, `a`, `br`, and the entities `&amp; &lt; &gt; &quot; &#39;`); the result is the
//! same text `build.rs` derives from the markdown, which a test checks for every text.

/// The text of `html` with tags removed: paragraphs separated by a blank line, list items on
/// their own lines as `- ` or `1. `, soft line breaks as spaces, entities decoded.
pub fn html_to_plain(html: &str) -> String {
    let mut out = String::with_capacity(html.len());
    // One entry per open list: the next number of an ordered list, `None` for bullets.
    let mut lists: Vec<Option<u64>> = Vec::new();
    let mut rest = html;
    // Whether the last thing read was a block tag (a newline right after it is layout).
    let mut after_block = true;
    while !rest.is_empty() {
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
                }
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
        if rest.starts_with("</li") || rest.starts_with("<ul") || rest.starts_with("<ol") || rest.starts_with("</p") || rest.starts_with("<p>") {
            text = text.trim_end_matches('\n');
        }
        after_block = false;
        push_unescaped(&mut out, text);
    }
    out.trim().to_string()
}

fn newline_unless_fresh(out: &mut String) {
    if !out.is_empty() && !out.ends_with('\n') {
        out.push('\n');
    }
}

/// `ol start="3"` → 3; a list without `start` begins at 1.
fn start_number(tag: &str) -> u64 {
    tag.split_once("start=\"")
        .and_then(|(_, v)| v.split('"').next())
        .and_then(|v| v.parse().ok())
        .unwrap_or(1)
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

    #[test]
    fn paragraphs_lists_and_entities() {
        assert_eq!(html_to_plain("Run <code>Get-ADSyncScheduler</code> &amp; check"), "Run Get-ADSyncScheduler & check");
        assert_eq!(html_to_plain("<p>One\ntwo</p>\n<p>Three</p>\n"), "One two\n\nThree");
        assert_eq!(html_to_plain("<p>Steps:</p>\n<ol start=\"3\">\n<li>a &lt;b&gt;</li>\n<li>c</li>\n</ol>\n"), "Steps:\n\n3. a <b>\n4. c");
        assert_eq!(html_to_plain("<ul>\n<li><strong>x</strong></li>\n<li><a href=\"#/analyze\">y</a></li>\n</ul>\n"), "- x\n- y");
        assert_eq!(html_to_plain("a &quot;q&quot; &#39;s&#39; & b"), "a \"q\" 's' & b");
    }
}
