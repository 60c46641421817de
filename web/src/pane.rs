//! One input pane: heading, the SQL / models.py switch, the file its text was opened from (or
//! the models files as tabs), Open buttons, the editor and its diagnostics. A file or folder
//! dropped anywhere on the pane opens into its editor: `.py` files and folders as models,
//! anything else as SQL.

use leptos::ev;
use leptos::prelude::*;
use schemashift::Side;
use wasm_bindgen::JsValue;

use crate::editor::{DiagnosticList, Editor};
use crate::engine::{self, DiagView};
use crate::files;
use crate::state::{AppState, Input, Mode, OpenedFile};

/// The file types the Open dialog offers (any file can still be picked or dropped).
const ACCEPT: &str = ".sql,.txt,.ddl,.py,text/plain,application/sql,text/x-python";

/// The pane of one side: `Current schema` (left) or `Desired schema` (right).
#[component]
pub fn EditorPane(state: AppState, side: Side) -> impl IntoView {
    let input = state.input(side);
    let side_id = engine::side_name(side);
    let (editor_id, title, sql_hint) = match side {
        Side::Current => (
            "editor-current",
            "Current schema",
            "e.g. pg_dump -s, .schema",
        ),
        Side::Desired => ("editor-desired", "Desired schema", "e.g. your models' DDL"),
    };
    let models_mode = Memo::new(move |_| input.mode.get() == Mode::Models);
    let hint = move || {
        if models_mode.get() {
            "SQLModel / SQLAlchemy"
        } else {
            sql_hint
        }
    };
    // Every diagnostic of this side (the list), and those of the text the editor shows (its
    // marks: in models mode, the active file's).
    let diagnostics = Signal::derive(move || {
        state.result.with(|r| {
            r.as_ref()
                .map(|r| r.0.diagnostics_for(side))
                .unwrap_or_default()
        })
    });
    let marks = Signal::derive(move || {
        let shown = input.active_path();
        diagnostics.with(|ds| {
            ds.iter()
                .filter(|d| d.file == shown)
                .cloned()
                .collect::<Vec<DiagView>>()
        })
    });
    let dragging = RwSignal::new(false);
    let on_pick = move |ev: ev::Event| {
        let picker: web_sys::HtmlInputElement = event_target(&ev);
        if let Some(list) = picker.files() {
            let picked = files::picked(list);
            if picked.is_empty() {
                state.toast.set("No .py files in that folder".to_string());
            } else {
                state.open_files(side, picked);
            }
        }
        picker.set_value(""); // so that picking the same file again reads it again
    };
    let on_dragover = move |ev: ev::DragEvent| {
        if carries_files(&ev) {
            ev.prevent_default(); // allows the drop
            dragging.set(true);
        }
    };
    let on_drop = move |ev: ev::DragEvent| {
        dragging.set(false);
        let Some(dt) = ev.data_transfer() else { return };
        let dropped = files::dropped(&dt);
        if dropped.is_empty() {
            return;
        }
        ev.prevent_default(); // the browser would open the file instead
        leptos::task::spawn_local(async move {
            let picked = files::walk(dropped).await;
            if picked.is_empty() {
                state
                    .toast
                    .set("No .py files in the dropped folder".to_string());
            } else {
                state.open_files(side, picked);
            }
        });
    };
    let mode_button = move |mode: Mode, label: &'static str, tip: &'static str| {
        let id = match mode {
            Mode::Sql => format!("mode-{side_id}-sql"),
            Mode::Models => format!("mode-{side_id}-models"),
        };
        view! {
            <button
                id=id
                class="mode"
                title=tip
                aria-pressed=move || if input.mode.get() == mode { "true" } else { "false" }
                on:click=move |_| input.set_mode(mode)
            >
                {label}
            </button>
        }
    };
    view! {
        <section
            class="pane"
            class:dragover=move || dragging.get()
            class:models=move || models_mode.get()
            aria-labelledby=format!("label-{side_id}")
            on:dragover=on_dragover
            on:dragleave=move |_| dragging.set(false)
            on:drop=on_drop
        >
            <div class="pane-head">
                <h2 id=format!("label-{side_id}")>{title}</h2>
                <span class="modes" role="group" aria-label=format!("What the {side_id} schema is")>
                    {mode_button(Mode::Sql, "SQL", "SQL DDL: a dump, a schema file")}
                    {mode_button(Mode::Models, "models.py", "SQLModel / SQLAlchemy models: one or several .py files")}
                </span>
                <span class="hint">{hint}</span>
                <span class="pane-file">
                    <Show when=move || !models_mode.get()>
                        <FileName file=input.file id=format!("file-{side_id}") />
                    </Show>
                    <label class="btn small open" title="Open a schema file, or .py models files (or drop them on the editor)">
                        "Open…"
                        <input type="file" id=format!("open-{side_id}") class="sr-only" accept=ACCEPT multiple=true on:change=on_pick />
                    </label>
                    <label class="btn small open" title="Open a folder of models (its .py files; or drop the folder on the editor)">
                        "Folder…"
                        <input type="file" id=format!("open-folder-{side_id}") class="sr-only" prop:webkitdirectory=true on:change=on_pick />
                    </label>
                </span>
            </div>
            <Show when=move || models_mode.get()>
                <ModelTabs input=input side_id=side_id />
            </Show>
            <Editor
                id=editor_id
                label=title
                text=input.text
                reload=input.reload
                on_input=Callback::new(move |(s, whole): (String, bool)| state.edited(side, s, whole))
                marks=marks
                side=side
                jump=state.jump
                language=Signal::derive(move || {
                    if models_mode.get() {
                        "python".to_string()
                    } else {
                        state.dialect.get()
                    }
                })
            />
            <DiagnosticList
                side=side
                diagnostics=diagnostics
                jump=state.jump
                on_file=Callback::new(move |path: String| {
                    input.select_path(&path);
                })
            />
        </section>
    }
}

/// The tabs of a models side, one per file (`data-path`): a click shows the file in the
/// editor, `×` closes it (the last file stays).
#[component]
pub(crate) fn ModelTabs(input: Input, side_id: &'static str) -> impl IntoView {
    // Only the paths: typing into a file must not rebuild the tabs.
    let paths = Memo::new(move |_| {
        input
            .models
            .with(|m| m.iter().map(|(p, _)| p.clone()).collect::<Vec<_>>())
    });
    view! {
        <div class="model-tabs" role="tablist" id=format!("models-{side_id}") aria-label="Models files">
            {move || {
                let paths = paths.get();
                let closable = paths.len() > 1;
                paths
                    .into_iter()
                    .enumerate()
                    .map(|(i, path)| {
                        let selected = move || input.active.get() == i;
                        view! {
                            <span class="model-tab" class:active=selected>
                                <button
                                    role="tab"
                                    class="tab-name"
                                    data-path=path.clone()
                                    title=path.clone()
                                    aria-selected=move || if selected() { "true" } else { "false" }
                                    on:click=move |_| input.select_file(i)
                                >
                                    {path.clone()}
                                </button>
                                {closable.then(|| view! {
                                    <button
                                        class="tab-close"
                                        title=format!("Close {path}")
                                        aria-label=format!("Close {path}")
                                        on:click=move |_| input.close_file(i)
                                    >
                                        "×"
                                    </button>
                                })}
                            </span>
                        }
                    })
                    .collect_view()
            }}
        </div>
    }
}

/// The name and size of the file an editor holds (`data-state`: `reading`, `open`, `edited`;
/// `data-read-ms`: how long the read took).
#[component]
fn FileName(file: RwSignal<Option<OpenedFile>>, id: String) -> impl IntoView {
    move || {
        file.get().map(|f| {
            let (state, note) = match (f.reading, f.edited) {
                (true, _) => ("reading", " · reading…"),
                (false, true) => ("edited", " · edited"),
                (false, false) => ("open", ""),
            };
            view! {
                <span class="file-name" id=id.clone() data-state=state data-read-ms=format!("{:.1}", f.read_ms) title=f.name.clone()>
                    <span class="name">{f.name.clone()}</span>
                    <span class="size">{format!(" · {}{note}", human_size(f.bytes))}</span>
                </span>
            }
        })
    }
}

/// Whether a drag carries files (not text or a link, which the textarea takes as usual).
pub fn carries_files(ev: &ev::DragEvent) -> bool {
    ev.data_transfer()
        .is_some_and(|d| d.types().includes(&JsValue::from_str("Files"), 0))
}

/// `812 B`, `14.2 KB`, `5.0 MB`.
fn human_size(bytes: u64) -> String {
    const KB: f64 = 1024.0;
    let b = bytes as f64;
    if b < KB {
        format!("{bytes} B")
    } else if b < KB * KB {
        format!("{:.1} KB", b / KB)
    } else {
        format!("{:.1} MB", b / (KB * KB))
    }
}

#[cfg(test)]
mod tests {
    #[test]
    fn human_size() {
        assert_eq!(super::human_size(812), "812 B");
        assert_eq!(super::human_size(14_540), "14.2 KB");
        assert_eq!(super::human_size(5 << 20), "5.0 MB");
    }
}
