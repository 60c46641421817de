//! The web app's components in a real browser (wasm-bindgen-test, run_in_browser; headless
//! Chromium through chromedriver from PATH), mounted with leptos into the test page:
//!
//!   CARGO_TARGET_WASM32_UNKNOWN_UNKNOWN_RUNNER=wasm-bindgen-test-runner \
//!     cargo test -p wasm-tests --target wasm32-unknown-unknown --test web_components
//!
//! On the native target this file compiles to nothing.
#![cfg(target_arch = "wasm32")]

use leptos::prelude::*;
use schemashift::Side;
use schemashift_web::engine::DiagView;
use schemashift_web::{App, DiagnosticList, Editor, Jump};
use wasm_bindgen::JsCast;
use wasm_bindgen_test::*;

wasm_bindgen_test_configure!(run_in_browser);

/// A fresh container in the document.
fn container() -> web_sys::HtmlElement {
    let doc = document();
    let el = doc.create_element("div").unwrap();
    doc.body().unwrap().append_child(&el).unwrap();
    el.unchecked_into()
}

/// Let effects run and timers fire.
async fn sleep(ms: i32) {
    let promise = js_sys::Promise::new(&mut |resolve, _| {
        web_sys::window()
            .unwrap()
            .set_timeout_with_callback_and_timeout_and_arguments_0(&resolve, ms)
            .unwrap();
    });
    wasm_bindgen_futures::JsFuture::from(promise).await.unwrap();
}

fn texts(root: &web_sys::HtmlElement, selector: &str) -> Vec<String> {
    let list = root.query_selector_all(selector).unwrap();
    (0..list.length())
        .map(|i| list.item(i).unwrap().text_content().unwrap_or_default())
        .collect()
}

#[wasm_bindgen_test]
async fn editor_highlights_numbers_lines_and_marks_errors() {
    let root = container();
    let text = RwSignal::new("CREATE TABLE t (\n  id int,,\n);".to_string());
    let marks = RwSignal::new(vec![DiagView {
        error: true,
        side: Side::Current,
        line: 2,
        column: 10,
        message: "expected a name".into(),
        file: None,
    }]);
    let _handle = leptos::mount::mount_to(root.clone(), move || {
        view! { <Editor id="t-editor" label="test" text=text marks=marks /> }
    });
    sleep(20).await;
    assert_eq!(texts(&root, ".gl"), ["1", "2", "3"]);
    assert_eq!(texts(&root, ".tk-kw"), ["CREATE", "TABLE", "int"]);
    assert_eq!(texts(&root, ".gl.err"), ["2"]);
    // Column 10 is the second comma: the token holding it (",,") is underlined.
    assert_eq!(texts(&root, ".row-err .squiggle"), [",,"]);
    // Read-only (no on_input) and showing the text.
    let ta: web_sys::HtmlTextAreaElement = document()
        .get_element_by_id("t-editor")
        .unwrap()
        .unchecked_into();
    assert!(ta.read_only());
    assert_eq!(ta.value(), "CREATE TABLE t (\n  id int,,\n);");

    // New text: the lines and highlights follow; no more markers once the marks go.
    text.set("SELECT 1;\n-- <b>not html</b>".into());
    marks.set(Vec::new());
    sleep(20).await;
    assert_eq!(texts(&root, ".gl"), ["1", "2"]);
    assert_eq!(texts(&root, ".tk-com"), ["-- <b>not html</b>"]);
    assert!(
        root.query_selector(".hl b").unwrap().is_none(),
        "text is never parsed as HTML"
    );
    assert!(root.query_selector(".gl.err").unwrap().is_none());
}

#[wasm_bindgen_test]
async fn editor_reports_edits_and_renders_only_visible_lines() {
    let root = container();
    let big: String = (0..20_000)
        .map(|i| format!("CREATE TABLE t{i} (id int);\n"))
        .collect();
    let text = RwSignal::new(big);
    let edits = RwSignal::new(0u32);
    let reload = RwSignal::new(0u64);
    let _handle = leptos::mount::mount_to(root.clone(), move || {
        view! {
            <Editor
                id="t-big"
                label="big"
                text=text
                reload=reload
                on_input=Callback::new(move |s: String| {
                    edits.update(|n| *n += 1);
                    text.set(s);
                })
            />
        }
    });
    sleep(20).await;
    let rows = root.query_selector_all(".row").unwrap().length();
    assert!(
        rows > 0 && rows < 200,
        "{rows} rows rendered for 20 001 lines"
    );
    let ta: web_sys::HtmlTextAreaElement = document()
        .get_element_by_id("t-big")
        .unwrap()
        .unchecked_into();
    assert!(!ta.read_only());
    ta.set_value("SELECT 1;");
    ta.dispatch_event(&web_sys::Event::new("input").unwrap())
        .unwrap();
    sleep(20).await;
    assert_eq!(edits.get_untracked(), 1);
    assert_eq!(text.get_untracked(), "SELECT 1;");
    assert_eq!(texts(&root, ".gl"), ["1"]);

    // Text replaced from outside: the textarea takes it when `reload` moves.
    text.set("SELECT 2;".into());
    reload.set(1);
    sleep(20).await;
    assert_eq!(ta.value(), "SELECT 2;");
}

#[wasm_bindgen_test]
async fn diagnostic_list_click_requests_a_jump() {
    let root = container();
    let diags = RwSignal::new(vec![
        DiagView {
            error: true,
            side: Side::Desired,
            line: 3,
            column: 7,
            message: "boom".into(),
            file: None,
        },
        DiagView {
            error: false,
            side: Side::Desired,
            line: 9,
            column: 1,
            message: "not compared".into(),
            file: None,
        },
    ]);
    let jump = RwSignal::new(None::<Jump>);
    let _handle = leptos::mount::mount_to(root.clone(), move || {
        view! { <DiagnosticList side=Side::Desired diagnostics=diags jump=jump /> }
    });
    sleep(20).await;
    let items = texts(&root, "button.diag");
    assert_eq!(items.len(), 2);
    assert!(
        items[0].contains("3:7") && items[0].contains("boom"),
        "{items:?}"
    );
    assert!(items[1].contains("warning"), "{items:?}");
    let first: web_sys::HtmlElement = root
        .query_selector("button.diag")
        .unwrap()
        .unwrap()
        .unchecked_into();
    first.click();
    let j = jump.get_untracked().expect("a jump request");
    assert_eq!((j.side, j.line, j.column), (Side::Desired, 3, 7));
}

#[wasm_bindgen_test]
async fn app_without_a_worker_says_so() {
    // The page's module never runs the core (the worker module does, see web/src/worker.rs);
    // the test page has no trunk boot script, so no worker: the status says so, no output.
    // The migration itself is the e2e tests' (web/e2e/tests/app.test.js, a real worker).
    let _ = web_sys::window()
        .unwrap()
        .local_storage()
        .unwrap()
        .unwrap()
        .clear();
    let root = container();
    let _handle = leptos::mount::mount_to(root.clone(), App);
    // Debounce (250 ms), then the refused request.
    let mut state = None;
    for _ in 0..100 {
        sleep(50).await;
        state = document()
            .get_element_by_id("status")
            .and_then(|s| s.get_attribute("data-state"));
        if state.as_deref() == Some("failed") {
            break;
        }
    }
    assert_eq!(state.as_deref(), Some("failed"));
    let text = document()
        .get_element_by_id("status")
        .unwrap()
        .text_content()
        .unwrap_or_default();
    assert!(text.contains("no diff worker"), "{text}");
    assert!(document().get_element_by_id("output-up").is_none());
}

#[wasm_bindgen_test]
fn no_worker_without_the_boot_script() {
    // The test page has no trunk boot script: no worker (see the test above).
    assert!(!schemashift_web::worker::in_worker());
    assert!(!schemashift_web::worker::start(|_| {}));
    let header = schemashift_web::engine::AlembicHeader::default();
    assert!(!schemashift_web::worker::request(
        1, "", "", "postgres", &header, ""
    ));
}
