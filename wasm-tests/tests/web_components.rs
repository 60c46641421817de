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
use wasm_bindgen::prelude::*;
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

/// The editor bundle (CodeMirror 6, `node web/editor/build.mjs` makes it; scripts/test.sh runs
/// that first), loaded as the app's boot.js loads it: an ES module set as
/// `globalThis.schemashiftEditor`, which web/src/editor.rs calls.
const EDITOR_BUNDLE: &str = include_str!("../../web/editor/dist/editor.js");

async fn load_editor() {
    if js_sys::Reflect::has(&js_sys::global(), &"schemashiftEditor".into()).unwrap_or(false) {
        return;
    }
    let parts = js_sys::Array::of1(&JsValue::from_str(EDITOR_BUNDLE));
    let opts = web_sys::BlobPropertyBag::new();
    opts.set_type("text/javascript");
    let blob = web_sys::Blob::new_with_str_sequence_and_options(&parts, &opts).unwrap();
    let url = web_sys::Url::create_object_url_with_blob(&blob).unwrap();
    let import = js_sys::Function::new_with_args(
        "u",
        "return import(u).then((m) => { globalThis.schemashiftEditor = m; })",
    );
    let promise: js_sys::Promise = import
        .call1(&JsValue::NULL, &url.into())
        .unwrap()
        .unchecked_into();
    wasm_bindgen_futures::JsFuture::from(promise).await.unwrap();
}

#[wasm_bindgen(js_namespace = schemashiftEditor)]
extern "C" {
    /// The whole text of the editor an element is in.
    #[wasm_bindgen(js_name = textOf)]
    fn editor_text(el: &web_sys::Element) -> String;
    /// The editor's CodeMirror view.
    #[wasm_bindgen(js_name = viewOf)]
    fn editor_view(el: &web_sys::Element) -> JsValue;
}

/// The text of the editor whose content element has `id`.
fn text_of(id: &str) -> String {
    editor_text(&document().get_element_by_id(id).unwrap())
}

#[wasm_bindgen_test]
async fn editor_highlights_numbers_lines_and_marks_errors() {
    load_editor().await;
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
    sleep(50).await;
    assert_eq!(
        texts(&root, ".cm-line"),
        ["CREATE TABLE t (", "  id int,,", ");"]
    );
    // CodeMirror's PostgreSQL word list has `id` among its keywords (its choice, not ours).
    assert_eq!(texts(&root, ".tk-kw"), ["CREATE", "TABLE", "id", "int"]);
    assert_eq!(texts(&root, ".cm-lineNumbers .gl.err"), ["2"]);
    // Column 10 is the second comma: underlined (CodeMirror's lint range).
    assert_eq!(texts(&root, ".cm-lintRange-error"), [","]);
    // Read-only (no on_input) and showing the text.
    let content = document().get_element_by_id("t-editor").unwrap();
    assert_eq!(
        content.get_attribute("aria-readonly").as_deref(),
        Some("true")
    );
    assert_eq!(content.get_attribute("aria-label").as_deref(), Some("test"));
    assert_eq!(text_of("t-editor"), "CREATE TABLE t (\n  id int,,\n);");

    // New text: the lines and highlights follow; no more markers once the marks go.
    text.set("SELECT 1;\n-- <b>not html</b>".into());
    marks.set(Vec::new());
    sleep(50).await;
    assert_eq!(
        texts(&root, ".cm-line"),
        ["SELECT 1;", "-- <b>not html</b>"]
    );
    assert_eq!(texts(&root, ".tk-com"), ["-- <b>not html</b>"]);
    assert!(
        root.query_selector(".cm-content b").unwrap().is_none(),
        "text is never parsed as HTML"
    );
    assert!(root.query_selector(".gl.err").unwrap().is_none());
}

/// The editor highlights the SQL of the dialect it is given (and Python): MySQL's `#`
/// comments and backquoted names are not PostgreSQL's, and switching follows the signal.
#[wasm_bindgen_test]
async fn editor_highlights_the_language_it_is_given() {
    load_editor().await;
    let root = container();
    let text = RwSignal::new("# note\nCREATE TABLE `t` (id int);".to_string());
    let language = RwSignal::new("mysql".to_string());
    let _handle = leptos::mount::mount_to(root.clone(), move || {
        view! { <Editor id="t-lang" label="lang" text=text language=language /> }
    });
    sleep(50).await;
    assert_eq!(texts(&root, ".tk-com"), ["# note"]);
    assert_eq!(texts(&root, ".tk-qid"), ["`t`"]);
    language.set("postgres".into());
    sleep(50).await;
    assert!(
        texts(&root, ".tk-com").is_empty(),
        "no # comments in PostgreSQL"
    );
    language.set("python".into());
    sleep(50).await;
    assert_eq!(texts(&root, ".tk-com"), ["# note"]);
    assert!(texts(&root, ".tk-kw").iter().all(|k| k != "CREATE"));
}

#[wasm_bindgen_test]
async fn editor_reports_edits_and_renders_only_visible_lines() {
    load_editor().await;
    let root = container();
    let big: String = (0..20_000)
        .map(|i| format!("CREATE TABLE t{i} (id int);\n"))
        .collect();
    let text = RwSignal::new(big);
    let edits = RwSignal::new(0u32);
    let whole = RwSignal::new(Vec::<bool>::new());
    let reload = RwSignal::new(0u64);
    let _handle = leptos::mount::mount_to(root.clone(), move || {
        view! {
            <Editor
                id="t-big"
                label="big"
                text=text
                reload=reload
                on_input=Callback::new(move |(s, w): (String, bool)| {
                    edits.update(|n| *n += 1);
                    whole.update(|ws| ws.push(w));
                    text.set(s);
                })
            />
        }
    });
    sleep(50).await;
    let rows = root.query_selector_all(".cm-line").unwrap().length();
    assert!(
        rows > 0 && rows < 200,
        "{rows} lines rendered for 20 001 lines"
    );
    let content = document().get_element_by_id("t-big").unwrap();
    assert_eq!(content.get_attribute("aria-readonly"), None);
    // An edit by the user (a CodeMirror transaction replacing everything) reaches on_input,
    // as a whole edit (a paste: the diff need not wait for more keystrokes).
    let view = editor_view(&content);
    let dispatch = js_sys::Function::new_with_args(
        "v",
        "v.dispatch({ changes: { from: 0, to: v.state.doc.length, insert: 'SELECT 1;' }, userEvent: 'input.paste' })",
    );
    dispatch.call1(&JsValue::NULL, &view).unwrap();
    sleep(50).await;
    assert_eq!(edits.get_untracked(), 1);
    assert_eq!(text.get_untracked(), "SELECT 1;");
    assert_eq!(texts(&root, ".cm-line"), ["SELECT 1;"]);
    // A keystroke is not whole; a drop is.
    for (event, insert) in [("input.type", "x"), ("input.drop", "y")] {
        let dispatch = js_sys::Function::new_with_args(
            "v",
            &format!("v.dispatch({{ changes: {{ from: v.state.doc.length, insert: '{insert}' }}, userEvent: '{event}' }})"),
        );
        dispatch.call1(&JsValue::NULL, &view).unwrap();
    }
    sleep(50).await;
    assert_eq!(whole.get_untracked(), [true, false, true]);
    assert_eq!(text.get_untracked(), "SELECT 1;xy");

    // Text replaced from outside: the editor takes it when `reload` moves, without reporting
    // it as an edit.
    text.set("SELECT 2;".into());
    reload.set(1);
    sleep(50).await;
    assert_eq!(text_of("t-big"), "SELECT 2;");
    assert_eq!(edits.get_untracked(), 3);
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
    load_editor().await;
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
    // The test page has no trunk boot script: the app diffs on the page (see the test above).
    assert!(!schemashift_web::worker::in_worker());
    assert!(!schemashift_web::worker::start(|_| {}));
    let header = schemashift_web::engine::AlembicHeader::default();
    assert!(!schemashift_web::worker::request(
        1, "", "", "postgres", &header, ""
    ));
}
