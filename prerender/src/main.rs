//! Build step (`scripts/build.sh`): renders PHS Doctor's start page with Yew's server-side
//! rendering and writes it into the page's `<div id="app"></div>`, so the page shows the start
//! page before the wasm has arrived. The wasm then hydrates it (`phs_doctor_app::start`).
//!
//! Usage: phs-doctor-prerender dist/index.html

use std::process::ExitCode;

const PLACEHOLDER: &str = r#"<div id="app"></div>"#;

fn main() -> ExitCode {
    let Some(path) = std::env::args_os().nth(1) else {
        eprintln!("usage: phs-doctor-prerender <index.html>");
        return ExitCode::from(2);
    };
    let result = std::fs::read_to_string(&path).and_then(|page| {
        let markup = futures::executor::block_on(phs_doctor_app::prerender_home());
        let out = inject(&page, &markup).ok_or_else(|| std::io::Error::other(format!("expected exactly one {PLACEHOLDER} in the page")))?;
        std::fs::write(&path, out)?;
        Ok(markup.len())
    });
    match result {
        Ok(bytes) => {
            eprintln!("prerender: {bytes} bytes of start page in {}", path.to_string_lossy());
            ExitCode::SUCCESS
        }
        Err(e) => {
            eprintln!("prerender: {}: {e}", path.to_string_lossy());
            ExitCode::from(2)
        }
    }
}

/// The page with `markup` inside its (empty) app element, marked as the prerendered start page.
fn inject(page: &str, markup: &str) -> Option<String> {
    if page.matches(PLACEHOLDER).count() != 1 {
        return None;
    }
    let filled = format!(r#"<div id="app" data-prerendered="{}">{markup}</div>"#, phs_doctor_app::PRERENDERED_HOME);
    Some(page.replacen(PLACEHOLDER, &filled, 1))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn home() -> String {
        futures::executor::block_on(phs_doctor_app::prerender_home())
    }

    #[test]
    fn the_start_page_is_rendered_with_hash_links_and_hydration_marks() {
        let html = home();
        for part in [
            r#"data-testid="page-home""#,
            r#"id="version""#,
            r#"data-testid="nav-events""#,
            r##"href="#/events""##,
            r##"href="#/path/manual-all""##,
            // The fastest route, the collector, works before the app runs.
            r#"data-testid="fast-route""#,
            r##"href="#/scripts/collector""##,
            r##"href="#/analyze""##,
            r#"class="site-header""#,
            "<!--<[]>-->",
            "<!--</[]>-->",
        ] {
            assert!(html.contains(part), "{part} missing from {html}");
        }
        // Every link is a hash route: it works before the app runs.
        assert!(!html.contains(r#"href="/"#), "a non-hash link in {html}");
        // No version, so no version notices (they need the browser's date: an effect).
        assert!(!html.contains("version-notices"), "{html}");
        // No component type names, no scripts.
        assert!(!html.contains("::"), "{html}");
        assert!(!html.to_ascii_lowercase().contains("<script"), "{html}");
        assert_eq!(html.matches("<!--<[").count(), html.matches("<!--</[").count());
    }

    #[test]
    fn injects_into_the_one_empty_app_element() {
        let page = "<body>\n  <div id=\"app\"></div>\n</body>";
        assert_eq!(
            inject(page, "<p>x</p>").as_deref(),
            Some("<body>\n  <div id=\"app\" data-prerendered=\"home\"><p>x</p></div>\n</body>")
        );
        assert_eq!(inject("<body></body>", "x"), None);
        assert_eq!(inject(&format!("{PLACEHOLDER}{PLACEHOLDER}"), "x"), None);
    }
}
