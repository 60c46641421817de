//! The code editor ([`Editor`]) and the diagnostics list under it ([`DiagnosticList`]).
//!
//! The editor is CodeMirror 6 (web/editor/src/editor.js, bundled into one ES module that
//! boot.js imports as `globalThis.schemashiftEditor` before the app starts); this file is the
//! thin wasm-bindgen binding to it and the leptos component around it. CodeMirror renders only
//! the lines in view, so pasting a multi-megabyte dump costs about what a screenful does.

use leptos::html;
use leptos::prelude::*;
use schemashift::Side;
use wasm_bindgen::prelude::*;

use crate::engine::{self, DiagView};
use crate::Jump;

#[wasm_bindgen(js_namespace = schemashiftEditor)]
extern "C" {
    /// A CodeMirror editor, as `create` in web/editor/src/editor.js returns it.
    type CmEditor;

    /// Make an editor inside `host`. `opts`: `{ id, label, text, readonly, language }`;
    /// `on_change` gets the whole text after each edit by the user.
    #[wasm_bindgen(js_name = create)]
    fn cm_create(host: &web_sys::HtmlElement, opts: &JsValue, on_change: &JsValue) -> CmEditor;

    /// Replace the whole text (not reported to `on_change`).
    #[wasm_bindgen(method, js_name = setText)]
    fn set_text(this: &CmEditor, text: &str);

    /// Highlight as `"python"` (models and revision files) or as the SQL of a dialect
    /// (`"postgres"`, `"sqlite"`, `"mysql"`, `"mariadb"`).
    #[wasm_bindgen(method, js_name = setLanguage)]
    fn set_language(this: &CmEditor, language: &str);

    /// Show diagnostics: an array of `{ error, line, column, message }` (1-based line, 1-based
    /// column in characters; the JS side maps them to UTF-16 offsets).
    #[wasm_bindgen(method, js_name = setMarks)]
    fn set_marks(this: &CmEditor, marks: &JsValue);

    /// Move the cursor to a 1-based line and character column, scroll there and focus.
    #[wasm_bindgen(method)]
    fn jump(this: &CmEditor, line: u32, column: u32);

    /// Remove the editor from the page.
    #[wasm_bindgen(method)]
    fn destroy(this: &CmEditor);
}

/// The live editor and the change callback it holds (dropped together, after `destroy`).
type Live = Option<(CmEditor, Closure<dyn FnMut(String, bool)>)>;

/// A code editor (CodeMirror): SQL highlighting, or Python for models files; line numbers;
/// selection, search (Ctrl+F), undo; the diagnostics in `marks` as squiggles with their
/// message on hover and the line number marked. Read-only when `on_input` is absent (the
/// outputs: still focusable, selectable and searchable). The content element (focusable,
/// `role="textbox"`) carries `id` and `label`.
#[component]
pub fn Editor(
    /// Id of the editor's content element.
    id: &'static str,
    /// Accessible label of the editor.
    label: &'static str,
    /// The text shown.
    #[prop(into)]
    text: Signal<String>,
    /// Bumped when `text` was replaced from outside and the editor must take it. Read-only
    /// editors follow `text` directly.
    #[prop(into, optional)]
    reload: Option<Signal<u64>>,
    /// Called with the new text on every edit, and whether the edit was whole (a paste or a
    /// drop, not a keystroke); `None` makes the editor read-only.
    #[prop(optional)]
    on_input: Option<Callback<(String, bool)>>,
    /// Diagnostics to mark in the gutter and the text.
    #[prop(into, optional)]
    marks: Option<Signal<Vec<DiagView>>>,
    /// Which input this editor holds, to follow [`Jump`] requests.
    #[prop(optional)]
    side: Option<Side>,
    /// Cursor-jump requests (from the diagnostics list).
    #[prop(optional)]
    jump: Option<RwSignal<Option<Jump>>>,
    /// What the text is, for highlighting: `"python"` (models and revision files) or a
    /// dialect's name (its SQL); PostgreSQL's SQL when not given.
    #[prop(into, optional)]
    language: Option<Signal<String>>,
) -> impl IntoView {
    let readonly = on_input.is_none();
    let host: NodeRef<html::Div> = NodeRef::new();
    let live: StoredValue<Live, LocalStorage> = StoredValue::new_local(None);
    let with_editor = move |f: &dyn Fn(&CmEditor)| {
        live.try_with_value(|l| {
            if let Some((ed, _)) = l {
                f(ed)
            }
        });
    };
    let language_now = move || language.map(|l| l.get_untracked()).unwrap_or_default();

    // Made once the host element is in the page.
    Effect::new(move |_| {
        let Some(el) = host.get() else { return };
        if live.with_value(Option::is_some) {
            return;
        }
        let on_change = Closure::<dyn FnMut(String, bool)>::new(move |s: String, whole: bool| {
            if let Some(cb) = on_input {
                cb.run((s, whole));
            }
        });
        let opts = js_sys::Object::new();
        let set = |k: &str, v: JsValue| {
            let _ = js_sys::Reflect::set(&opts, &JsValue::from_str(k), &v);
        };
        set("id", id.into());
        set("label", label.into());
        set("readonly", readonly.into());
        set("language", language_now().into());
        text.with_untracked(|t| set("text", JsValue::from_str(t)));
        let ed = cm_create(&el, &opts, on_change.as_ref());
        if let Some(marks) = marks {
            marks.with_untracked(|ds| set_marks(&ed, ds));
        }
        live.set_value(Some((ed, on_change)));
    });
    on_cleanup(move || {
        live.try_update_value(|l| {
            if let Some((ed, _closure)) = l.take() {
                ed.destroy();
            }
        });
    });

    // New text from outside: read-only editors follow `text`, editable ones take it when
    // `reload` moves (their own edits come back through `text` and must not be re-applied).
    Effect::new(move |_| match reload {
        Some(r) if !readonly => {
            r.track();
            text.with_untracked(|t| with_editor(&|ed| ed.set_text(t)));
        }
        _ => text.with(|t| with_editor(&|ed| ed.set_text(t))),
    });
    if let Some(language) = language {
        Effect::new(move |prev: Option<String>| {
            let now = language.get();
            if prev.is_some_and(|p| p != now) {
                with_editor(&|ed| ed.set_language(&now));
            }
            now
        });
    }
    if let Some(marks) = marks {
        Effect::new(move |_| marks.with(|ds| with_editor(&|ed| set_marks(ed, ds))));
    }
    if let (Some(jump), Some(side)) = (jump, side) {
        Effect::new(move |_| {
            if let Some(j) = jump.get().filter(|j| j.side == side) {
                with_editor(&|ed| ed.jump(j.line, j.column));
            }
        });
    }

    view! { <div class="editor" class:readonly=readonly node_ref=host></div> }
}

/// Hand `diagnostics` to the editor (as JSON: `error`, `line`, `column`, `message` are what it
/// reads).
fn set_marks(ed: &CmEditor, diagnostics: &[DiagView]) {
    let json = serde_json::to_string(diagnostics).unwrap_or_else(|_| "[]".into());
    if let Ok(value) = js_sys::JSON::parse(&json) {
        ed.set_marks(&value);
    }
}

/// The `line:col message` list under an editor (`path:line:col` for a models file); clicking
/// an entry moves that editor's cursor to the position, showing its file first.
#[component]
pub fn DiagnosticList(
    side: Side,
    #[prop(into)] diagnostics: Signal<Vec<DiagView>>,
    jump: RwSignal<Option<Jump>>,
    /// Show the models file with this path in the editor (for entries in a models file).
    #[prop(optional)]
    on_file: Option<Callback<String>>,
) -> impl IntoView {
    let side_id = engine::side_name(side);
    view! {
        <Show when=move || diagnostics.with(|d| !d.is_empty())>
            <ul class="diagnostics" id=format!("diagnostics-{side_id}") aria-label=format!("Problems in the {side_id} schema")>
                {move || {
                    diagnostics
                        .get()
                        .into_iter()
                        .map(|d| {
                            let class = if d.error { "diag err" } else { "diag warn" };
                            let sev = if d.error { "error" } else { "warning" };
                            let (line, column) = (d.line, d.column);
                            let label = d.label();
                            let file = d.file.clone();
                            let pos = match &d.file {
                                Some(f) => format!("{f}:{line}:{column}"),
                                None => format!("{line}:{column}"),
                            };
                            view! {
                                <li>
                                    <button
                                        class=class
                                        data-line=line.to_string()
                                        data-column=column.to_string()
                                        on:click=move |_| {
                                            let seq = jump.get_untracked().map(|j| j.seq + 1).unwrap_or(0);
                                            let to = Jump { side, line, column, seq };
                                            match (&file, on_file) {
                                                // The editor takes the file's text first.
                                                (Some(f), Some(show)) => {
                                                    show.run(f.clone());
                                                    crate::dom::defer(move || jump.set(Some(to)));
                                                }
                                                _ => jump.set(Some(to)),
                                            }
                                        }
                                    >
                                        <span class="sev">{sev}</span>
                                        " "
                                        <span class="pos">{pos}</span>
                                        " "
                                        <span class="msg">{d.message.clone()}</span>
                                        <span class="sr-only">{format!(" ({label})")}</span>
                                    </button>
                                </li>
                            }
                        })
                        .collect_view()
                }}
            </ul>
        </Show>
    }
}
