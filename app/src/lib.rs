//! PHS Doctor's web shell (Yew). Renders the core's view-models and forwards user events;
//! every decision (which path, what a node says, what a script contains, whether a value is
//! valid) is made by `phs-doctor-core`.
//!
//! - [`route`]: the hash routes; the walk's state and the version live in the URL.
//! - [`state`]: what the app remembers between pages (a thin `Reducible` adapter).
//! - [`components`]: one small component per file.
//! - [`strings`]: every UI string.
//! - [`browser`]: clipboard, download and scrolling.

mod bench;
mod boot;
mod browser;
mod components;
mod filter;
mod route;
mod script_link;
mod state;
mod strings;
mod text;

pub use boot::{start, PRERENDERED_HOME};

/// The start page (`#/`) with the empty app state, as hydratable HTML: what `prerender/` puts
/// into `index.html` at build time. Rendered over a memory history at `/`; the links are hash
/// routes all the same (see `NavLink`). Yew marks each component with a comment holding its
/// type name in debug builds; the names are dropped (a release build writes none, and
/// hydration does not read them).
#[cfg(feature = "ssr")]
pub async fn prerender_home() -> String {
    use yew_router::history::{AnyHistory, MemoryHistory};
    let html = yew::ServerRenderer::<components::app::App>::with_props(|| components::app::AppProps {
        history: Some(AnyHistory::from(MemoryHistory::with_entries(["/"]))),
    })
    .render()
    .await;
    drop_component_names(&html)
}

/// `<!--<[a::B]>-->` → `<!--<[]>-->`, `<!--</[a::B]>-->` → `<!--</[]>-->`.
#[cfg(feature = "ssr")]
fn drop_component_names(html: &str) -> String {
    let mut out = String::with_capacity(html.len());
    let mut rest = html;
    while let Some(start) = rest.find("<!--") {
        out.push_str(&rest[..start + 4]);
        let after = &rest[start + 4..];
        let end = after.find("-->").map_or(after.len(), |e| e);
        let body = &after[..end];
        out.push_str(match body {
            b if b.starts_with("</[") && b.ends_with("]>") => "</[]>",
            b if b.starts_with("<[") && b.ends_with("]>") => "<[]>",
            b => b,
        });
        rest = &after[end..];
    }
    out.push_str(rest);
    out
}

/// Browser tests (`scripts/test.sh` runs them with wasm-bindgen-test-runner and headless Chromium): the app mounted in a real page.
#[cfg(all(test, target_arch = "wasm32"))]
mod browser_tests {
    use wasm_bindgen::JsCast;
    use wasm_bindgen_test::*;

    wasm_bindgen_test_configure!(run_in_browser);

    /// Lets Yew's scheduler render (it runs after the current task).
    async fn settle() {
        let promise = js_sys::Promise::new(&mut |resolve, _| {
            let _ = web_sys::window().unwrap().set_timeout_with_callback_and_timeout_and_arguments_0(&resolve, 30);
        });
        let _ = wasm_bindgen_futures::JsFuture::from(promise).await;
    }

    /// Waits until `cond` holds (at most about three seconds: a loaded machine renders late),
    /// then returns; the assertion after it says what was expected.
    async fn until(cond: impl Fn() -> bool) {
        for _ in 0..100 {
            if cond() {
                return;
            }
            settle().await;
        }
    }

    /// Mounts the app at `hash` in a fresh element and returns the element.
    async fn mount(hash: &str) -> web_sys::Element {
        let window = web_sys::window().unwrap();
        window.location().set_hash(hash).unwrap();
        let document = window.document().unwrap();
        let root = document.create_element("div").unwrap();
        document.body().unwrap().append_child(&root).unwrap();
        yew::Renderer::<crate::components::app::App>::with_root(root.clone()).render();
        settle().await;
        root
    }

    fn find(root: &web_sys::Element, selector: &str) -> web_sys::HtmlElement {
        root.query_selector(selector).unwrap().unwrap_or_else(|| panic!("no {selector}")).dyn_into().unwrap()
    }

    #[wasm_bindgen_test]
    async fn home_recommends_the_manual_steps_without_a_version() {
        let root = mount("#/").await;
        assert!(find(&root, "[data-testid=reason]").inner_text().contains("manual steps"));
        assert!(root.query_selector("[data-testid=start-manual] a").unwrap().is_some());
        assert!(root.query_selector("[data-testid=start-task]").unwrap().is_none());
        root.remove();
    }

    #[wasm_bindgen_test]
    async fn the_walker_renders_content_html_and_moves_on_click() {
        let root = mount("#/path/manual-all/1").await;
        let node = find(&root, "[data-testid=node]");
        assert_eq!(node.get_attribute("data-reference").as_deref(), Some("manual-all/run-status"));
        // Content markdown arrives as HTML (bold text), not as literal tags.
        assert!(root.query_selector("#node-text strong").unwrap().is_some());
        assert!(!find(&root, "#node-text").inner_text().contains("<strong>"));
        find(&root, "[data-testid=next]").click();
        settle().await;
        let node = find(&root, "[data-testid=node]");
        assert_ne!(node.get_attribute("data-reference").as_deref(), Some("manual-all/run-status"));
        // The link names the answers by id (the v2 codec).
        assert_eq!(web_sys::window().unwrap().location().hash().unwrap(), "#/path/manual-all/v2.run-status.feature");
        find(&root, "[data-testid=back]").click();
        settle().await;
        assert_eq!(web_sys::window().unwrap().location().hash().unwrap(), "#/path/manual-all/v2.run-status");
        root.remove();
    }

    /// Issue 12: a command in a step has a copy button; a click copies `Text::commands()[n]` and
    /// says so in the text's status region (the clipboard, its fallback, or "press Ctrl+C").
    #[wasm_bindgen_test]
    async fn a_command_in_a_step_has_a_working_copy_button() {
        let root = mount("#/path/task-all/v2.s2").await;
        let buttons = root.query_selector_all("#node-text button.copy-cmd").unwrap();
        assert_eq!(buttons.length(), 2);
        let status = find(&root, "#node-text [data-testid=command-status]");
        assert_eq!(status.get_attribute("role").as_deref(), Some("status"));
        assert_eq!(status.inner_text(), "");
        find(&root, "#node-text button.copy-cmd[data-cmd=\"1\"]").click();
        for _ in 0..20 {
            if !status.inner_text().is_empty() {
                break;
            }
            settle().await;
        }
        let said = status.inner_text();
        assert!(said == "Copied: Set-ExecutionPolicy Unrestricted" || said.contains("press Ctrl+C"), "{said}");
        // The button is not part of the step's text.
        assert!(!find(&root, "#node-text code.cmd").inner_text().contains("Copy"));
        root.remove();
    }

    /// Issue 13: "step n of at most m", and the skip to the task's results question.
    #[wasm_bindgen_test]
    async fn the_walk_shows_its_progress_and_skips_to_the_output_question() {
        let root = mount("#/path/task-all").await;
        let heading = find(&root, "[data-testid=node-heading]").inner_text();
        assert!(heading.starts_with("Step 1 of at most "), "{heading}");
        find(&root, "[data-testid=skip-to-output]").click();
        let reference = || find(&root, "[data-testid=node]").get_attribute("data-reference");
        until(|| reference().as_deref() == Some("task-all/outcome")).await;
        assert_eq!(find(&root, "[data-testid=node]").get_attribute("data-reference").as_deref(), Some("task-all/outcome"));
        assert!(find(&root, "[data-testid=node-heading]").inner_text().starts_with("Step 9 of at most "));
        assert!(root.query_selector("[data-testid=skip-to-output]").unwrap().is_none());
        root.remove();
    }

    #[wasm_bindgen_test]
    async fn typed_text_is_never_html() {
        let root = mount("#/scripts/single-object").await;
        let input: web_sys::HtmlInputElement = root.query_selector("#field-dn").unwrap().unwrap().dyn_into().unwrap();
        input.set_value("CN=<img src=x>`<b>`,DC=x");
        input.dispatch_event(&web_sys::InputEvent::new("input").unwrap()).unwrap();
        settle().await;
        assert!(root.query_selector("img").unwrap().is_none());
        assert!(root.query_selector(".field-error b, .field-warning b").unwrap().is_none());
        root.remove();
    }

    #[wasm_bindgen_test]
    async fn an_error_page_opens_by_hex_and_links_to_its_finding() {
        let root = mount("#/error/0x2105").await;
        assert!(find(&root, "[data-testid=error-title]").inner_text().contains("ERROR_DS_DRA_ACCESS_DENIED"));
        assert!(root.query_selector("[data-testid=lookup-finding]").unwrap().is_some());
        // The title is set by an effect after the render: wait for it (at most a second).
        let want = "Error 8453 (0x2105) ERROR_DS_DRA_ACCESS_DENIED \u{2014} PHS Doctor";
        let title = || web_sys::window().unwrap().document().unwrap().title();
        for _ in 0..30 {
            if title() == want {
                break;
            }
            settle().await;
        }
        assert_eq!(title(), want);
        root.remove();
    }

    #[wasm_bindgen_test]
    async fn an_event_outside_the_table_is_not_a_dead_end() {
        let root = mount("#/event/6900").await;
        assert!(root.query_selector("[data-testid=event-other]").unwrap().is_some());
        assert!(root.query_selector("[data-testid=lookup-finding]").unwrap().is_some());
        assert!(root.query_selector("[data-testid=event-error]").unwrap().is_none());
        root.remove();
    }

    #[wasm_bindgen_test]
    async fn the_search_lists_results_and_enter_opens_the_first() {
        let root = mount("#/events").await;
        // The route change focuses the page's heading once it has painted: let it, or it would
        // take the focus from the box (and close the results) after the box had it.
        let document = web_sys::window().unwrap().document().unwrap();
        for _ in 0..50 {
            if document.active_element().is_some_and(|a| a.tag_name().eq_ignore_ascii_case("h1")) {
                break;
            }
            settle().await;
        }
        let input: web_sys::HtmlInputElement = find(&root, "#site-search").dyn_into().unwrap();
        input.focus().unwrap();
        input.set_value("6111");
        input.dispatch_event(&web_sys::InputEvent::new("input").unwrap()).unwrap();
        until(|| input.get_attribute("aria-activedescendant").is_some()).await;
        let results = root.query_selector_all("[data-testid=search-result]").unwrap();
        assert!(results.length() >= 1);
        assert!(find(&root, "[data-testid=search-results]").inner_text().contains("611"));
        assert_eq!(input.get_attribute("aria-activedescendant").as_deref(), Some("search-result-0"));
        let init = web_sys::KeyboardEventInit::new();
        init.set_key("Enter");
        init.set_bubbles(true);
        input.dispatch_event(&web_sys::KeyboardEvent::new_with_keyboard_event_init_dict("keydown", &init).unwrap()).unwrap();
        let hash = || web_sys::window().unwrap().location().hash().unwrap();
        until(|| hash().starts_with("#/event/611")).await;
        assert!(hash().starts_with("#/event/611"));
        root.remove();
    }
}
